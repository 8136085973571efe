/**
 * Deterministic ordering for everything in a Report. Every renderer (JSON, SARIF, text,
 * markdown, annotations) orders through these helpers, so the same facts always come out in the
 * same order whatever the file-system order or the number of workers.
 *
 * Strings compare by UTF-16 code unit (`<`), never by locale: `localeCompare` depends on the
 * machine's ICU data and would make reports differ between runners.
 */
import type { Evidence, SkippedFact, UnreadableFact } from '../facts.js';
import type { Finding, Report, ReportClient, ReportEndpoint, ReportPackage, ReportTarget, Severity } from './model.js';
import { RULE_IDS, SEVERITY_RANK } from './model.js';

export type Comparator<T> = (a: T, b: T) => number;

/** Code-unit order; `undefined` sorts before any string ("no entry" before "an entry"). */
export function compareStrings(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

/** Numeric order; `undefined` sorts first. */
export function compareNumbers(a: number | undefined, b: number | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Chains comparators: the first non-zero result wins. */
export function by<T>(...comparators: Comparator<T>[]): Comparator<T> {
  return (a, b) => {
    for (const c of comparators) {
      const r = c(a, b);
      if (r !== 0) return r;
    }
    return 0;
  };
}

/** A sorted copy; never sorts in place (the caller's report stays as it was). */
export function sorted<T>(items: readonly T[] | undefined, compare: Comparator<T>): T[] {
  const list = items ?? [];
  // Reports are built sorted: one linear check usually saves the sort (the result is the same,
  // the sort being stable).
  let inOrder = true;
  for (let i = 1; i < list.length && inOrder; i++) inOrder = compare(list[i - 1], list[i]) <= 0;
  return inOrder ? list.slice() : [...list].sort(compare);
}

/** error < warning < note; anything unknown last. */
export function severityRank(severity: Severity | string): number {
  return (SEVERITY_RANK as Record<string, number>)[severity] ?? 99;
}

const RULE_RANK = new Map<string, number>(RULE_IDS.map((id, i) => [id, i]));

/** Rules in the order of RULE_IDS (most consequential first); unknown rules after, by name. */
export function compareRules(a: string, b: string): number {
  if (a === b) return 0;
  const ra = RULE_RANK.get(a) ?? RULE_IDS.length;
  const rb = RULE_RANK.get(b) ?? RULE_IDS.length;
  return ra !== rb ? ra - rb : compareStrings(a, b);
}

export const compareEvidence: Comparator<Evidence> = by(
  (a, b) => compareStrings(a.path, b.path),
  (a, b) => compareStrings(a.entry, b.entry),
  (a, b) => compareNumbers(a.offset, b.offset),
  (a, b) => compareStrings(a.source, b.source),
);

export const compareFindings: Comparator<Finding> = by(
  (a, b) => severityRank(a.severity) - severityRank(b.severity),
  (a, b) => compareStrings(a.target, b.target),
  (a, b) => compareRules(a.rule, b.rule),
  (a, b) => compareStrings(a.package, b.package),
  (a, b) => compareStrings(a.endpoint, b.endpoint),
  (a, b) => compareStrings(a.path, b.path),
  (a, b) => compareStrings(a.client, b.client),
  (a, b) => compareStrings(a.message, b.message),
  // Suppressed after active for an otherwise identical subject.
  (a, b) => Number(a.suppressed !== undefined) - Number(b.suppressed !== undefined),
);

export const compareEndpoints: Comparator<ReportEndpoint> = by(
  (a, b) => compareStrings(a.kind, b.kind),
  (a, b) => compareStrings(a.value, b.value),
  (a, b) => compareNumbers(a.port, b.port),
  (a, b) => compareStrings(a.scheme, b.scheme),
);

export const compareTargets: Comparator<ReportTarget> = (a, b) => compareStrings(a.id, b.id);

export const comparePackages: Comparator<ReportPackage> = by(
  (a, b) => compareStrings(a.path, b.path),
  (a, b) => compareStrings(a.package, b.package),
);

export const compareClients: Comparator<ReportClient> = by(
  (a, b) => compareStrings(a.id, b.id),
  (a, b) => compareStrings(a.package, b.package),
  (a, b) => compareStrings(a.path, b.path),
);

export const compareUnreadable: Comparator<UnreadableFact> = by(
  (a, b) => compareStrings(a.path, b.path),
  (a, b) => compareStrings(a.format, b.format),
  (a, b) => compareNumbers(a.offset, b.offset),
  (a, b) => compareStrings(a.reason, b.reason),
);

export const compareSkipped: Comparator<SkippedFact> = by(
  (a, b) => compareStrings(a.path, b.path),
  (a, b) => compareStrings(a.reason, b.reason),
  (a, b) => compareStrings(a.target, b.target),
);

/** How a client was matched, in catalog-field order (package, signer, host, sms, toggle). */
const MATCHED_BY_ORDER = ['package', 'signer', 'host', 'sms', 'toggle'];
export function compareMatchedBy(a: string, b: string): number {
  const ia = MATCHED_BY_ORDER.indexOf(a);
  const ib = MATCHED_BY_ORDER.indexOf(b);
  const ra = ia < 0 ? MATCHED_BY_ORDER.length : ia;
  const rb = ib < 0 ? MATCHED_BY_ORDER.length : ib;
  return ra !== rb ? ra - rb : compareStrings(a, b);
}

/** Sorted, de-duplicated list of strings. */
export function sortedUnique(items: readonly string[] | undefined, compare: Comparator<string> = compareStrings): string[] {
  return [...new Set(items ?? [])].sort(compare);
}

// ---------------------------------------------------------------------------------------------
// Canonical report: every array sorted, every object's keys in the documented order.

type Obj = Record<string, unknown>;

/**
 * A copy of `obj` with `keys` first, in that order, then any other (newer, optional) keys in
 * code-unit order, so a field someone adds later still serialises deterministically.
 * `undefined` values are dropped. `map` rewrites the named values (sorting nested arrays).
 */
const keySets = new WeakMap<readonly string[], Set<string>>();

/**
 * The keys `ordered()` keeps, in its order: those of `keys` present with a defined value, then
 * any other defined keys in code-unit order.
 */
export function orderedKeys(obj: object, keys: readonly string[]): string[] {
  const src = obj as Obj;
  let known = keySets.get(keys);
  if (!known) {
    known = new Set(keys);
    keySets.set(keys, known);
  }
  const out: string[] = [];
  for (const k of keys) if (src[k] !== undefined) out.push(k);
  let rest: string[] | undefined;
  for (const k of Object.keys(src)) if (!known.has(k) && src[k] !== undefined) (rest ??= []).push(k);
  if (rest) for (const k of rest.sort(compareStrings)) out.push(k);
  return out;
}

function ordered<T extends object>(obj: T, keys: readonly string[], map: Record<string, (v: never) => unknown> = {}): T {
  const src = obj as unknown as Obj;
  const out: Obj = {};
  for (const k of orderedKeys(obj, keys)) {
    const f = map[k] as ((v: unknown) => unknown) | undefined;
    out[k] = f ? f(src[k]) : src[k];
  }
  return out as T;
}

type Check = (v: unknown) => boolean;

/**
 * True when `obj` is a plain object whose own keys are a subsequence of `keys` (no other key, in
 * that order), none of them undefined, and the values named in `nested` pass their check: then
 * `ordered(obj, keys, map)` would copy it unchanged, where `nested` checks what `map` rewrites.
 */
function inCanonicalOrder(obj: unknown, keys: readonly string[], nested?: Record<string, Check>): boolean {
  if (typeof obj !== 'object' || obj === null || Object.getPrototypeOf(obj) !== Object.prototype) return false;
  const src = obj as Obj;
  let j = 0;
  // for-in, not Object.keys: no array per object (V8 walks its enum cache). Its keys are the
  // own ones in the same order, then any inherited enumerable one, which is then not in `keys`
  // (the prototype is Object.prototype): a polluted prototype only makes every object "copy".
  for (const k in src) {
    while (j < keys.length && keys[j] !== k) j++;
    if (j === keys.length) return false; // a key not in `keys`, or out of their order
    const v = src[k];
    if (v === undefined) return false;
    const check = nested?.[k];
    if (check && !check(v)) return false;
    j++;
  }
  return true;
}

/** A list of strings in strictly increasing order: what `sortedUnique` gives back unchanged. */
function strictlySortedStrings(v: unknown): boolean {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') && strictlySorted(v as string[], compareStrings);
}

const LOCATION_KEYS = ['file', 'line', 'column'];
const EVIDENCE_KEYS = ['path', 'entry', 'source', 'offset'];
const COUNT_KEYS = ['errors', 'warnings', 'notes', 'suppressed'];

function canonicalEvidence(list: Evidence[]): Evidence[] {
  return sorted(list, compareEvidence).map((e) => ordered(e, EVIDENCE_KEYS));
}

/**
 * Evidence lists found canonical during one withCanonicalMemo call: an endpoint and each of its
 * findings share one list (evaluate.ts), which is then checked once per report written.
 */
let canonicalLists: WeakSet<object> | undefined;

/**
 * Runs `fn` (the writing of one report, synchronous) with isCanonicalEvidence remembering the
 * lists it passed; nothing is remembered past the call, so a list changed afterwards is checked
 * afresh.
 */
export function withCanonicalMemo<T>(fn: () => T): T {
  const outer = canonicalLists;
  canonicalLists = new WeakSet();
  try {
    return fn();
  } finally {
    canonicalLists = outer;
  }
}

/** An evidence list `canonicalEvidence` would copy unchanged: in order, each element canonical. */
function isCanonicalEvidence(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  if (canonicalLists?.has(v)) return true;
  for (let i = 0; i < v.length; i++) {
    if (!inCanonicalOrder(v[i], EVIDENCE_KEYS)) return false;
    if (i > 0 && compareEvidence(v[i - 1] as Evidence, v[i] as Evidence) > 0) return false;
  }
  canonicalLists?.add(v);
  return true;
}

const FINDING_KEYS = [
  'rule',
  'severity',
  'target',
  'package',
  'client',
  'endpoint',
  'endpointKind',
  'path',
  'partitionPath',
  'message',
  'evidence',
  'location',
  'suppressed',
];
const SUPPRESSED_KEYS = ['reason', 'owner', 'expires', 'location'];
const FINDING_MAP = {
  evidence: canonicalEvidence,
  location: (l: object) => ordered(l, LOCATION_KEYS),
  suppressed: (s: object) => ordered(s, SUPPRESSED_KEYS, { location: (l: object) => ordered(l, LOCATION_KEYS) }),
};

function canonicalFinding(f: Finding): Finding {
  return ordered(f, FINDING_KEYS, FINDING_MAP);
}

const isCanonicalLocation: Check = (l) => inCanonicalOrder(l, LOCATION_KEYS);
const FINDING_CHECKS: Record<string, Check> = {
  evidence: isCanonicalEvidence,
  location: isCanonicalLocation,
  suppressed: (s) => inCanonicalOrder(s, SUPPRESSED_KEYS, { location: isCanonicalLocation }),
};

/** A finding already in canonical form (evaluate.ts builds them so): see CanonicalList.isCanon. */
export function isCanonicalFinding(f: unknown): boolean {
  return inCanonicalOrder(f, FINDING_KEYS, FINDING_CHECKS);
}

const PACKAGE_KEYS = [
  'path',
  'partition',
  'partitionPath',
  'package',
  'versionCode',
  'versionName',
  'signerSha256',
  'permissions',
  'sharedUserId',
  'bootCompleted',
  'overlay',
];
const OVERLAY_KEYS = ['targetPackage', 'targetName', 'requiredSystemPropertyName', 'requiredSystemPropertyValue', 'isStatic', 'priority'];
const PACKAGE_MAP = {
  permissions: (ps: string[]) => sortedUnique(ps),
  overlay: (o: object) => ordered(o, OVERLAY_KEYS),
};
const ENDPOINT_KEYS = ['kind', 'value', 'port', 'scheme', 'cleartext', 'status', 'packages', 'evidence', 'evidenceCount'];
const ENDPOINT_MAP = {
  packages: (ps: string[]) => sortedUnique(ps),
  evidence: canonicalEvidence,
};
const ENDPOINT_CHECKS: Record<string, Check> = { packages: (ps) => strictlySortedStrings(ps), evidence: isCanonicalEvidence };
const PACKAGE_CHECKS: Record<string, Check> = { permissions: (ps) => strictlySortedStrings(ps), overlay: (o) => inCanonicalOrder(o, OVERLAY_KEYS) };

/** An inventory endpoint already in canonical form (evaluate.ts builds them so). */
export function isCanonicalEndpoint(e: unknown): boolean {
  return inCanonicalOrder(e, ENDPOINT_KEYS, ENDPOINT_CHECKS);
}

/**
 * How one kind of object becomes canonical: its key order, how some values are rewritten, and
 * which values are lists whose elements are made canonical one at a time (so that a streaming
 * renderer never holds a canonical copy of a whole long list; render-json.ts).
 */
export interface CanonicalShape {
  keys: readonly string[];
  map: Record<string, (v: never) => unknown>;
  lists: Record<string, CanonicalList>;
}

export interface CanonicalList {
  compare: Comparator<never>;
  /** An element in canonical form... */
  canon: (x: never) => unknown;
  /**
   * ...which an element already is when this says so (then it serialises to the same text as
   * `canon(x)`, and a writer can skip the copy). Checked without copying; may say false for an
   * element that is canonical, never true for one that is not.
   */
  isCanon?: (x: unknown) => boolean;
  /** ...or, for big elements (targets), its shape, streamed in turn. */
  shape?: CanonicalShape;
}

/**
 * An element of `spec`'s list in canonical form, for serialising it: itself when `isCanon` says it
 * already is, else `canon`'s copy. Never to keep (it may be the caller's own object).
 */
export function toSerialise(spec: CanonicalList, x: unknown): unknown {
  return spec.isCanon?.(x) ? x : spec.canon(x as never);
}

function listMaps(lists: Record<string, CanonicalList>): Record<string, (v: never) => unknown> {
  const out: Record<string, (v: never) => unknown> = {};
  for (const [k, l] of Object.entries(lists)) out[k] = (list: never[]) => sorted(list, l.compare).map(l.canon);
  return out;
}

function shape(keys: readonly string[], map: Record<string, (v: never) => unknown>, lists: Record<string, CanonicalList> = {}): CanonicalShape {
  return { keys, map: { ...map, ...listMaps(lists) }, lists };
}

const TARGET_SHAPE = shape(
  ['id', 'input', 'sku', 'market', 'build', 'packages', 'endpoints', 'clients', 'unreadable', 'skipped', 'counts'],
  {
    build: (b: object) =>
      ordered(b, ['fingerprint', 'resolvedBy', 'skuProperty', 'tried'], {
        resolvedBy: (r: object) => ordered(r, ['key', 'value', 'derivedFrom', 'file', 'line', 'from']),
        skuProperty: (r: object) => ordered(r, ['key', 'value', 'derivedFrom', 'file', 'line', 'from']),
      }),
    counts: (c: object) => ordered(c, COUNT_KEYS),
  },
  {
    packages: {
      compare: comparePackages,
      canon: (p: ReportPackage) => ordered(p, PACKAGE_KEYS, PACKAGE_MAP),
      isCanon: (p) => inCanonicalOrder(p, PACKAGE_KEYS, PACKAGE_CHECKS),
    },
    endpoints: { compare: compareEndpoints, canon: (e: ReportEndpoint) => ordered(e, ENDPOINT_KEYS, ENDPOINT_MAP), isCanon: isCanonicalEndpoint },
    clients: {
      compare: compareClients,
      canon: (c: ReportClient) =>
        ordered(c, ['id', 'name', 'market', 'package', 'path', 'matchedBy', 'allowed', 'suspected'], {
          matchedBy: (m: string[]) => sortedUnique(m, compareMatchedBy),
        }),
    },
    unreadable: { compare: compareUnreadable, canon: (u: UnreadableFact) => ordered(u, ['path', 'partitionPath', 'format', 'reason', 'offset']) },
    skipped: { compare: compareSkipped, canon: (x: SkippedFact) => ordered(x, ['path', 'reason', 'target']) },
  },
);

function canonicalTarget(t: ReportTarget): ReportTarget {
  return ordered(t, TARGET_SHAPE.keys, TARGET_SHAPE.map);
}

/** The canonical form of a whole report (see sortReport). */
export const REPORT_SHAPE = shape(
  ['schemaVersion', 'tool', 'verdict', 'failOn', 'counts', 'targets', 'findings', 'audit', 'shard'],
  {
    tool: (t: object) => ordered(t, ['name', 'version', 'catalogVersion', 'pslVersion']),
    counts: (c: object) => ordered(c, COUNT_KEYS),
    audit: (a: object) =>
      ordered(a, ['inputs', 'policy', 'policySha256', 'now', 'exemptions'], {
        inputs: (list: { path: string; sha256?: string }[]) =>
          sorted(list, by((x, y) => compareStrings(x.path, y.path), (x, y) => compareStrings(x.sha256, y.sha256))).map((i) =>
            ordered(i, ['path', 'sha256']),
          ),
        exemptions: (list: { index: number }[]) =>
          sorted(list, (x, y) => compareNumbers(x.index, y.index)).map((e) => ordered(e, ['index', 'used', 'expires', 'expired', 'expiringSoon'])),
      }),
  },
  {
    targets: { compare: compareTargets, canon: canonicalTarget, shape: TARGET_SHAPE },
    findings: { compare: compareFindings, canon: canonicalFinding, isCanon: isCanonicalFinding },
  },
);

/**
 * The report in canonical form: targets by id; findings by severity, target, rule, package,
 * endpoint, path; endpoints by kind and value; evidence by path, entry, offset; keys in the
 * order of SPEC section 7 (then model.ts). Pure: returns a new object.
 */
export function sortReport(report: Report): Report {
  return ordered(report, REPORT_SHAPE.keys, REPORT_SHAPE.map);
}

/** `list` itself when already in order, else a sorted copy (for views that never change it). */
function inOrder<T>(list: T[], compare: Comparator<T>): T[] {
  for (let i = 1; i < list.length; i++) if (compare(list[i - 1], list[i]) > 0) return [...list].sort(compare);
  return list;
}

function strictlySorted(list: readonly string[], compare: Comparator<string>): boolean {
  for (let i = 1; i < list.length; i++) if (compare(list[i - 1], list[i]) >= 0) return false;
  return true;
}

/**
 * The report with every list a renderer shows in canonical order, as `sortReport` orders it,
 * without copying it: lists already in order (the usual case) and the elements themselves are
 * shared with `report`, keys are not reordered, and only an element whose own list is out of
 * order is copied. For renderers that read fields (markdown, step outputs), not for serialising
 * objects (JSON, SARIF: sortReport and the streaming writers). Made once per report (reports
 * are not changed once built); the view is not to be changed either.
 */
export function sortedView(report: Report): Report {
  const known = views.get(report);
  if (known) return known;
  const endpoint = (e: ReportEndpoint): ReportEndpoint => {
    const evidence = inOrder(e.evidence, compareEvidence);
    const packages = e.packages && !strictlySorted(e.packages, compareStrings) ? sortedUnique(e.packages) : e.packages;
    return evidence === e.evidence && packages === e.packages ? e : { ...e, evidence, packages };
  };
  const client = (c: ReportClient): ReportClient => (strictlySorted(c.matchedBy, compareMatchedBy) ? c : { ...c, matchedBy: sortedUnique(c.matchedBy, compareMatchedBy) });
  const finding = (f: Finding): Finding => {
    if (!f.evidence) return f;
    const evidence = inOrder(f.evidence, compareEvidence);
    return evidence === f.evidence ? f : { ...f, evidence };
  };
  const view: Report = {
    ...report,
    findings: inOrder(report.findings, compareFindings).map(finding),
    targets: inOrder(report.targets, compareTargets).map((t) => ({
      ...t,
      packages: inOrder(t.packages, comparePackages),
      endpoints: inOrder(t.endpoints, compareEndpoints).map(endpoint),
      clients: inOrder(t.clients, compareClients).map(client),
      unreadable: inOrder(t.unreadable, compareUnreadable),
      skipped: inOrder(t.skipped, compareSkipped),
    })),
  };
  views.set(report, view);
  views.set(view, view);
  return view;
}

/** Views already made (the Action's summary and step outputs read the same report). */
const views = new WeakMap<Report, Report>();
