/**
 * Per-worker extraction results and their deterministic merge. Each artifact is extracted by
 * exactly one worker, so merging sorted, per-artifact-capped results gives the same facts
 * whatever the number of workers or the order they finished in.
 */
import { EVIDENCE_CAP, type EndpointFact, type InputFacts, type UnreadableFact } from '../facts.js';
import { compareEvidence, compareKeys, type EndpointKey, type KnownEndpoint } from './collector.js';
import type { Limits } from './limits.js';

/** What one worker extracted: InputFacts without the per-input summary, plus property-file paths. */
export type PartialFacts = Pick<InputFacts, 'packages' | 'endpoints' | 'props' | 'skuFiles' | 'unreadable' | 'skipped' | 'mentions' | 'preoptedCode' | 'stats'> & {
  /** relPath -> partitionPath of property files read inside containers. */
  propFiles: [string, string][];
  /** InputFacts.partitionPaths of these facts (placementsOf). */
  partitionPaths: [string, string][];
};

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compareUnreadable(a: UnreadableFact, b: UnreadableFact): number {
  return cmp(a.path, b.path) || cmp(a.reason, b.reason) || cmp(a.format, b.format) || (a.offset ?? -1) - (b.offset ?? -1);
}

/**
 * Merges endpoint facts of disjoint artifact sets. Linear in the input: everything of one key is
 * gathered first, then sorted, deduplicated and capped once (a host found in hundreds of APKs
 * merges from hundreds of per-file facts when they come from the cache).
 */
export function mergeEndpointFacts(lists: EndpointFact[][]): EndpointFact[] {
  // One or two lists each in key order (the usual case: a worker's facts, the two workers' facts
  // on two cores) are merged side by side, without gathering them by key and sorting the keys.
  const present = lists.filter((l) => l.length > 0);
  if (present.length <= 2 && present.every(keysInOrder)) return mergeInOrder(present[0] ?? [], present[1] ?? []);
  // kind -> value -> the facts of that endpoint, gathered first (no per-fact key strings).
  const byKind = new Map<string, Map<string, EndpointFact[]>>();
  for (const list of lists) {
    for (const f of list) {
      let byValue = byKind.get(f.kind);
      if (!byValue) byKind.set(f.kind, (byValue = new Map()));
      const same = byValue.get(f.value);
      if (same) same.push(f);
      else byValue.set(f.value, [f]);
    }
  }
  const out: EndpointFact[] = [];
  for (const kind of [...byKind.keys()].sort(cmp)) {
    const byValue = byKind.get(kind)!;
    for (const value of [...byValue.keys()].sort(cmp)) out.push(mergeOne(byValue.get(value)!));
  }
  return out;
}

/** Each key once, in the order mergeEndpointFacts gives (kind, then value). */
function keysInOrder(list: EndpointFact[]): boolean {
  return increasing(list, compareKeys);
}

/** Two lists each in key order (keysInOrder), merged as the general path would merge them. */
function mergeInOrder(a: EndpointFact[], b: EndpointFact[]): EndpointFact[] {
  const out: EndpointFact[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const c = i >= a.length ? 1 : j >= b.length ? -1 : compareKeys(a[i], b[j]);
    if (c < 0) out.push(mergeOne([a[i++]]));
    else if (c > 0) out.push(mergeOne([b[j++]]));
    else out.push(mergeOne([a[i++], b[j++]]));
  }
  return out;
}

/** The keys of a merged fact, in mergeOne's order: the first five always, the rest when set. */
const FACT_KEYS = ['kind', 'value', 'artifacts', 'evidence', 'evidenceCount', 'ports', 'schemes', 'cleartext', 'ignored'];

/**
 * True when mergeOne([f]) would give a copy of `f` (same keys in the same order, same values):
 * artifacts, ports and schemes strictly increasing and not empty, evidence in order and within
 * the cap, cleartext and ignored only when true. Then `f` itself is kept.
 */
function isMergedFact(f: EndpointFact): boolean {
  const keys = Object.keys(f);
  if (keys.length < 5) return false;
  let k = 0;
  for (const key of keys) {
    while (k < FACT_KEYS.length && FACT_KEYS[k] !== key) {
      if (k < 5) return false; // a required key missing or out of order
      k++;
    }
    if (k === FACT_KEYS.length) return false; // a key merged facts do not have
    k++;
  }
  if (!increasing(f.artifacts, cmp)) return false;
  if (f.evidence.length > EVIDENCE_CAP || !isSorted(f.evidence)) return false;
  if (f.ports !== undefined && !(f.ports.length > 0 && increasing(f.ports, (x, y) => x - y))) return false;
  if (f.schemes !== undefined && !(f.schemes.length > 0 && increasing(f.schemes, cmp))) return false;
  return (f.cleartext === undefined || f.cleartext === true) && (f.ignored === undefined || f.ignored === true);
}

/** Each item before the next (strictly: no two equal; a NaN comparison is not "before"). */
function increasing<T>(items: readonly T[], compare: (a: T, b: T) => number): boolean {
  for (let i = 1; i < items.length; i++) if (!(compare(items[i - 1], items[i]) < 0)) return false;
  return true;
}

/** One endpoint's facts (same kind and value, disjoint artifacts) -> one canonical fact. */
function mergeOne(facts: EndpointFact[]): EndpointFact {
  // A fact alone that is already what merging it gives (every fact of a worker's collector or
  // of an earlier merge) is kept as it is, not copied.
  if (facts.length === 1 && isMergedFact(facts[0])) return facts[0];
  const first = facts[0];
  let count = 0;
  let cleartext = false;
  let ignored = false;
  const artifacts: string[] = [];
  const evidence: EndpointFact['evidence'][] = [];
  const ports: number[] = [];
  const schemes: string[] = [];
  for (const f of facts) {
    count += f.evidenceCount;
    for (const a of f.artifacts) artifacts.push(a);
    if (f.evidence.length) evidence.push(f.evidence);
    if (f.ports) for (const p of f.ports) ports.push(p);
    if (f.schemes) for (const x of f.schemes) schemes.push(x);
    if (f.cleartext) cleartext = true;
    if (f.ignored) ignored = true;
  }
  const merged: EndpointFact = {
    kind: first.kind,
    value: first.value,
    artifacts: uniqueSorted(artifacts, cmp),
    evidence: firstSorted(evidence, EVIDENCE_CAP),
    evidenceCount: count,
  };
  if (ports.length) merged.ports = uniqueSorted(ports, (a, b) => a - b);
  if (schemes.length) merged.schemes = uniqueSorted(schemes, cmp);
  if (cleartext) merged.cleartext = true;
  if (ignored) merged.ignored = true;
  return merged;
}

/** Sorted without duplicates; a list already so (the usual case) is only checked. */
function uniqueSorted<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  return increasing(items, compare) ? items : [...new Set(items)].sort(compare);
}

/**
 * The first `cap` items of the union of evidence lists, in compareEvidence order. Lists that
 * are each sorted (as every fact's are) are merged in O(cap x lists); any other input is sorted.
 */
export function firstSorted(lists: EndpointFact['evidence'][], cap: number): EndpointFact['evidence'] {
  if (lists.length === 1 && isSorted(lists[0])) return lists[0].slice(0, cap);
  if (!lists.every(isSorted)) return lists.flat().sort(compareEvidence).slice(0, cap);
  const at = new Array<number>(lists.length).fill(0);
  const out: EndpointFact['evidence'] = [];
  while (out.length < cap) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      if (at[i] < lists[i].length && (best < 0 || compareEvidence(lists[i][at[i]], lists[best][at[best]]) < 0)) best = i;
    }
    if (best < 0) break;
    out.push(lists[best][at[best]++]);
  }
  return out;
}

function isSorted(list: EndpointFact['evidence']): boolean {
  for (let i = 1; i < list.length; i++) if (compareEvidence(list[i - 1], list[i]) > 0) return false;
  return true;
}

/** Results of mergePartials: already canonical, so merging one of them alone only copies it. */
const merged = new WeakSet<PartialFacts>();

export function mergePartials(parts: PartialFacts[]): PartialFacts {
  if (parts.length === 1 && merged.has(parts[0])) {
    const p = parts[0];
    const copy: PartialFacts = {
      packages: p.packages.slice(),
      endpoints: p.endpoints.slice(),
      props: p.props.slice(),
      skuFiles: p.skuFiles.slice(),
      unreadable: p.unreadable.slice(),
      skipped: p.skipped.slice(),
      mentions: p.mentions.slice(),
      ...(p.preoptedCode ? { preoptedCode: p.preoptedCode.slice() } : {}),
      propFiles: p.propFiles.slice(),
      partitionPaths: p.partitionPaths.slice(),
      stats: { ...p.stats },
    };
    merged.add(copy);
    return copy;
  }
  const out: PartialFacts = {
    packages: parts.flatMap((p) => p.packages).sort((a, b) => cmp(a.path, b.path) || cmp(a.package, b.package)),
    endpoints: mergeEndpointFacts(parts.map((p) => p.endpoints)),
    props: parts.flatMap((p) => p.props).sort((a, b) => cmp(a.file, b.file) || a.line - b.line),
    skuFiles: parts.flatMap((p) => p.skuFiles).sort((a, b) => cmp(a.sku, b.sku) || cmp(a.path, b.path)),
    unreadable: parts.flatMap((p) => p.unreadable).sort(compareUnreadable),
    skipped: parts.flatMap((p) => p.skipped).sort((a, b) => cmp(a.path, b.path) || cmp(a.reason, b.reason)),
    mentions: parts
      .flatMap((p) => p.mentions)
      .sort(
        (a, b) =>
          cmp(a.package, b.package) || cmp(a.evidence.path, b.evidence.path) || (a.evidence.offset ?? 0) - (b.evidence.offset ?? 0) || cmp(a.evidence.source, b.evidence.source),
      ),
    propFiles: parts.flatMap((p) => p.propFiles).sort((a, b) => cmp(a[0], b[0]) || cmp(a[1], b[1])),
    partitionPaths: mergePlacements(parts.map((p) => p.partitionPaths)),
    stats: { files: 0, bytes: 0, entries: 0, inflatedBytes: 0 },
  };
  const preopted = parts.flatMap((p) => p.preoptedCode ?? []);
  if (preopted.length) out.preoptedCode = preopted.sort((a, b) => cmp(a.path, b.path));
  for (const p of parts) {
    out.stats.files += p.stats.files;
    out.stats.bytes += p.stats.bytes;
    out.stats.entries += p.stats.entries;
    out.stats.inflatedBytes += p.stats.inflatedBytes;
  }
  merged.add(out);
  return out;
}

/** The path of the unreadable fact that says an input named more endpoints than its cap. */
const INPUT_FLOOD_PATH = '.';

function inputFlood(max: number): UnreadableFact {
  return {
    path: INPUT_FLOOD_PATH,
    format: 'endpoints',
    reason: `more than ${max} distinct endpoints in this input (a build made to flood the report): the first ${max} in kind and value order are listed, and every catalogued or policy-named one`,
  };
}

/** True for the unreadable fact that says an input named more endpoints than its cap. */
export function isInputFlood(u: UnreadableFact): boolean {
  return u.path === INPUT_FLOOD_PATH && u.format === 'endpoints';
}

/** The unreadable facts of a worker's floods: artifacts past their cap, and a prune (the input's fact). */
export function floodFacts(floods: { artifacts: string[]; pruned: boolean }, limits: Pick<Limits, 'maxArtifactEndpoints' | 'maxInputEndpoints'>): UnreadableFact[] {
  const max = limits.maxArtifactEndpoints;
  const out: UnreadableFact[] = floods.artifacts.map((path) => ({
    path,
    format: 'endpoints',
    reason: `more than ${max} distinct endpoints (a file made to flood the report): those it names past the first ${max} are not listed, catalogued and policy-named ones aside`,
  }));
  if (floods.pruned) out.push(inputFlood(limits.maxInputEndpoints));
  return out;
}

/**
 * One input's merged facts within `max` endpoints (Limits.maxInputEndpoints): the endpoints the
 * catalog or the policy names, and the first `max` others in (kind, value) order. Every part it is made
 * from (a worker's facts, a shard's) kept at least those (a part holds fewer endpoints than the
 * whole), so the result does not depend on how the input was split. Past the cap, one
 * unreadable fact says so (however many parts said it).
 */
export function capEndpoints(facts: PartialFacts, known: KnownEndpoint, max: number): PartialFacts {
  const flooded = facts.unreadable.some(isInputFlood);
  let unknown = 0;
  for (const e of facts.endpoints) if (!known(e.kind, e.value)) unknown++;
  if (!flooded && unknown <= max) return facts;
  let kept = 0;
  const endpoints = facts.endpoints.filter((e) => known(e.kind, e.value) || kept++ < max);
  const unreadable = facts.unreadable.filter((u) => !isInputFlood(u));
  unreadable.push(inputFlood(max));
  unreadable.sort(compareUnreadable);
  return { ...facts, endpoints, unreadable };
}

/**
 * A part's facts without its unknown endpoints above `bound` (EndpointCollector.bound of another
 * part): the input's cap of `max` drops them whatever the other parts hold, so they need not be
 * sent. When it drops any, the part says the input flooded (the merge would otherwise have found
 * it by counting what it no longer sees).
 */
export function keepBelow(facts: PartialFacts, bound: EndpointKey, known: KnownEndpoint, max: number): PartialFacts {
  const endpoints = facts.endpoints.filter((e) => known(e.kind, e.value) || compareKeys(e, bound) <= 0);
  if (endpoints.length === facts.endpoints.length) return facts;
  const unreadable = facts.unreadable.some(isInputFlood) ? facts.unreadable : [...facts.unreadable, inputFlood(max)].sort(compareUnreadable);
  return { ...facts, endpoints, unreadable };
}

/**
 * The partitionPath of `path` given the partitionPaths of the files extracted (`placed`, only
 * those that differ from their path): its own, or its nearest container's followed by the rest
 * of the path (`system.img!/app/X/X.apk!/lib/a.so` -> `system/app/X/X.apk!/lib/a.so`, as
 * artifact.ts names the files inside); undefined when it is its own.
 */
export function placeOf(placed: ReadonlyMap<string, string>, path: string): string | undefined {
  const own = placed.get(path);
  if (own !== undefined) return own;
  for (let cut = path.lastIndexOf('!/'); cut > 0; cut = path.lastIndexOf('!/', cut - 1)) {
    const at = placed.get(path.slice(0, cut));
    if (at !== undefined) return at + path.slice(cut);
  }
  return undefined;
}

/**
 * `[path, partitionPath]`, sorted by path, of every path the facts name (endpoint artifacts and
 * evidence, mentions, unreadable facts) whose partitionPath is not itself. Nothing is looked up
 * when no file extracted had another partitionPath (a product-out folder).
 */
export function placementsOf(placed: ReadonlyMap<string, string>, facts: Pick<PartialFacts, 'endpoints' | 'mentions' | 'unreadable'>): [string, string][] {
  if (placed.size === 0) return [];
  const out = new Map<string, string>();
  const visit = (path: string): void => {
    if (out.has(path)) return;
    const at = placeOf(placed, path);
    if (at !== undefined && at !== path) out.set(path, at);
  };
  for (const ep of facts.endpoints) {
    for (const a of ep.artifacts) visit(a);
    for (const e of ep.evidence) visit(e.path);
  }
  for (const m of facts.mentions) visit(m.evidence.path);
  for (const u of facts.unreadable) visit(u.path);
  return [...out].sort((a, b) => cmp(a[0], b[0]));
}

/** Placement lists (each sorted by path) joined: sorted by path, each path once. */
function mergePlacements(lists: [string, string][][]): [string, string][] {
  const present = lists.filter((l) => l.length > 0);
  if (present.length === 0) return [];
  if (present.length === 1) return present[0].slice();
  const all = present.flat().sort((a, b) => cmp(a[0], b[0]) || cmp(a[1], b[1]));
  return all.filter((p, i) => i === 0 || p[0] !== all[i - 1][0]);
}
