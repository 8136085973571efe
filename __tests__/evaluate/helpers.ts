/** Hand-made facts for the pure evaluation tests (no I/O): packages, endpoints, one input. */
import { loadBuiltinCatalog } from '../../src/catalog/load.js';
import type { Catalog } from '../../src/catalog/schema.js';
import { evaluateTarget, type EvaluateInput, type TargetEvaluation } from '../../src/evaluate/evaluate.js';
import type { EndpointFact, EndpointKind, InputFacts, PackageFacts, PropEntry } from '../../src/facts.js';
import { effectiveCatalog, resolveMarketPolicy } from '../../src/policy/effective.js';
import { parsePolicyText, type PolicyFile } from '../../src/policy/load.js';

export const NOW = new Date('2026-11-01T00:00:00Z');

export function pkg(p: Partial<PackageFacts> & { package: string; path: string }): PackageFacts {
  return { partition: p.path.split('/')[0], partitionPath: p.path, permissions: [], bootCompleted: false, signerSha256: [], ...p };
}

export function ep(kind: EndpointKind, value: string, artifacts: string[], extra: Partial<EndpointFact> = {}): EndpointFact {
  const evidence = artifacts.map((a) => ({ path: a, ...(a.endsWith('.apk') ? { entry: 'classes.dex' } : {}), source: a.endsWith('.apk') ? ('dex' as const) : ('file' as const), offset: 10 }));
  return { kind, value, artifacts, evidence, evidenceCount: evidence.length, ...extra };
}

export function facts(f: Partial<InputFacts> = {}): InputFacts {
  return {
    input: 'out',
    packages: [],
    endpoints: [],
    props: [],
    skuFiles: [],
    unreadable: [],
    skipped: [],
    mentions: [],
    stats: { files: 0, bytes: 0, entries: 0, inflatedBytes: 0 },
    ...f,
  };
}

export function prop(key: string, value: string, file = 'vendor/build.prop', line = 1): PropEntry {
  return { key, value, file, line };
}

export function policyFile(yaml: string, name = 'policy.yml'): PolicyFile {
  return parsePolicyText(yaml, name);
}

/** Evaluates `f` as a target of `market` (built-in or from `file`). */
export function evaluate(f: InputFacts, market: string, opts: { file?: PolicyFile; catalog?: Catalog; now?: Date; baseline?: EvaluateInput['baseline'] } = {}): TargetEvaluation {
  const catalog = opts.catalog ?? effectiveCatalog(loadBuiltinCatalog(), opts.file);
  const policy = resolveMarketPolicy(opts.file, market, catalog);
  return evaluateTarget({
    targetId: `${market}@out`,
    facts: f,
    resolution: { market, sku: market, tried: [], unmapped: [] },
    policy,
    catalog,
    ...(opts.file ? { file: opts.file } : {}),
    now: opts.now ?? NOW,
    ...(opts.baseline ? { baseline: opts.baseline } : {}),
  });
}

export const rules = (e: TargetEvaluation, opts: { suppressed?: boolean } = {}): string[] =>
  e.findings.filter((f) => (opts.suppressed === undefined ? true : Boolean(f.suppressed) === opts.suppressed)).map((f) => `${f.severity} ${f.rule} ${f.endpoint ?? f.client ?? f.package ?? ''}`.trim()).sort();
