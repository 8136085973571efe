/**
 * Per-worker extraction results and their deterministic merge. Each artifact is extracted by
 * exactly one worker, so merging sorted, per-artifact-capped results gives the same facts
 * whatever the number of workers or the order they finished in.
 */
import { EVIDENCE_CAP, type EndpointFact, type InputFacts } from '../facts.js';
import { compareEvidence } from './collector.js';

/** What one worker extracted: InputFacts without the per-input summary, plus property-file paths. */
export type PartialFacts = Pick<InputFacts, 'packages' | 'endpoints' | 'props' | 'skuFiles' | 'unreadable' | 'skipped' | 'mentions' | 'stats'> & {
  /** relPath -> partitionPath of property files read inside containers. */
  propFiles: [string, string][];
};

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Merges endpoint facts of disjoint artifact sets. Linear in the input: everything of one key is
 * gathered first, then sorted, deduplicated and capped once (a host found in hundreds of APKs
 * merges from hundreds of per-file facts when they come from the cache).
 */
export function mergeEndpointFacts(lists: EndpointFact[][]): EndpointFact[] {
  interface Acc {
    first: Pick<EndpointFact, 'kind' | 'value'>;
    artifacts: Set<string>;
    /** the evidence lists of the parts, each sorted (capped lists of disjoint artifacts) */
    evidence: EndpointFact['evidence'][];
    count: number;
    ports?: Set<number>;
    schemes?: Set<string>;
    cleartext: boolean;
    ignored: boolean;
  }
  const byKey = new Map<string, Acc>();
  for (const list of lists) {
    for (const f of list) {
      const key = `${f.kind}\u0000${f.value}`;
      let acc = byKey.get(key);
      if (!acc) {
        acc = { first: f, artifacts: new Set(), evidence: [], count: 0, cleartext: false, ignored: false };
        byKey.set(key, acc);
      }
      for (const a of f.artifacts) acc.artifacts.add(a);
      if (f.evidence.length) acc.evidence.push(f.evidence);
      acc.count += f.evidenceCount;
      if (f.ports) for (const p of f.ports) (acc.ports ??= new Set()).add(p);
      if (f.schemes) for (const x of f.schemes) (acc.schemes ??= new Set()).add(x);
      if (f.cleartext) acc.cleartext = true;
      if (f.ignored) acc.ignored = true;
    }
  }
  const out: EndpointFact[] = [];
  for (const acc of byKey.values()) {
    const f: EndpointFact = {
      kind: acc.first.kind,
      value: acc.first.value,
      artifacts: [...acc.artifacts].sort(cmp),
      evidence: firstSorted(acc.evidence, EVIDENCE_CAP),
      evidenceCount: acc.count,
    };
    if (acc.ports) f.ports = [...acc.ports].sort((a, b) => a - b);
    if (acc.schemes) f.schemes = [...acc.schemes].sort(cmp);
    if (acc.cleartext) f.cleartext = true;
    if (acc.ignored) f.ignored = true;
    out.push(f);
  }
  return out.sort((a, b) => cmp(a.kind, b.kind) || cmp(a.value, b.value));
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

export function mergePartials(parts: PartialFacts[]): PartialFacts {
  const out: PartialFacts = {
    packages: parts.flatMap((p) => p.packages).sort((a, b) => cmp(a.path, b.path) || cmp(a.package, b.package)),
    endpoints: mergeEndpointFacts(parts.map((p) => p.endpoints)),
    props: parts.flatMap((p) => p.props).sort((a, b) => cmp(a.file, b.file) || a.line - b.line),
    skuFiles: parts.flatMap((p) => p.skuFiles).sort((a, b) => cmp(a.sku, b.sku) || cmp(a.path, b.path)),
    unreadable: parts
      .flatMap((p) => p.unreadable)
      .sort((a, b) => cmp(a.path, b.path) || cmp(a.reason, b.reason) || cmp(a.format, b.format) || (a.offset ?? -1) - (b.offset ?? -1)),
    skipped: parts.flatMap((p) => p.skipped).sort((a, b) => cmp(a.path, b.path) || cmp(a.reason, b.reason)),
    mentions: parts
      .flatMap((p) => p.mentions)
      .sort(
        (a, b) =>
          cmp(a.package, b.package) || cmp(a.evidence.path, b.evidence.path) || (a.evidence.offset ?? 0) - (b.evidence.offset ?? 0) || cmp(a.evidence.source, b.evidence.source),
      ),
    propFiles: parts.flatMap((p) => p.propFiles).sort((a, b) => cmp(a[0], b[0]) || cmp(a[1], b[1])),
    stats: { files: 0, bytes: 0, entries: 0, inflatedBytes: 0 },
  };
  for (const p of parts) {
    out.stats.files += p.stats.files;
    out.stats.bytes += p.stats.bytes;
    out.stats.entries += p.stats.entries;
    out.stats.inflatedBytes += p.stats.inflatedBytes;
  }
  return out;
}
