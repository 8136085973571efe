/**
 * Sharding across matrix jobs. `scan --shard I/N` extracts a size-balanced share of every
 * input's files (extract/shard-split.ts) and writes a report whose `shard` section carries the
 * facts of that share, the policy's SHA-256 and the options that decide evaluation. Findings
 * depend on the whole build (a client in one shard, its overlay or a mention in another), so a
 * shard's own targets and findings are partial; `merge` checks that the reports form one
 * complete set of the same scan, merges the facts (order-independent, extract/partial.ts) and
 * evaluates them again: the merged report is byte for byte the unsharded one.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { z } from 'zod';
import { UsageError } from './errors.js';
import { partialFactsSchema } from './extract/cache.js';
import { assembleInputFacts } from './extract/input.js';
import { effectiveLimits, type Limits } from './extract/limits.js';
import type { PartialFacts } from './extract/partial.js';
import type { ShardSpec } from './extract/shard-split.js';
import type { InputFacts } from './facts.js';
import type { Logger } from './logging.js';
import type { Report, ShardInputFacts, ShardSection, Severity } from './report/model.js';
import type { ScanOptions } from './scan-options.js';
import { evaluateFacts, knownEndpoints, prepareScan, pslVersion, type PreparedScan } from './scan.js';
import type { KnownEndpoints } from './extract/endpoints.js';
import { loadBuiltinCatalog } from './catalog/load.js';
import { TOOL_VERSION } from './version.js';

export type { ShardInputFacts, ShardSection } from './report/model.js';

function sha256OfFile(path: string, what: string): string {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** The `shard` section of one shard's report. */
export function shardSection(o: {
  shard: ShardSpec;
  facts: ShardInputFacts[];
  prep: PreparedScan;
  options: Pick<ScanOptions, 'market' | 'sku' | 'failOn' | 'include' | 'baseline'>;
  limits?: Partial<Limits>;
}): ShardSection {
  const { prep, options } = o;
  const facts = [...o.facts].sort((a, b) => (a.input < b.input ? -1 : a.input > b.input ? 1 : 0));
  const baseline = options.baseline
    ? { path: relative(prep.cwd, resolve(prep.cwd, options.baseline)), sha256: sha256OfFile(resolve(prep.cwd, options.baseline), 'baseline') }
    : undefined;
  return {
    index: o.shard.index,
    count: o.shard.count,
    inputs: facts.map((f) => f.input),
    ...(prep.file ? { policy: { path: prep.file.file, sha256: prep.file.sha256 } } : {}),
    options: {
      ...(options.market ? { market: options.market } : {}),
      ...(options.sku ? { sku: options.sku } : {}),
      // Evaluation only depends on the UTC day (exemptions end at the end of a day): shards
      // started minutes apart agree; without exemptions it does not depend on it at all.
      ...(prep.file?.policy.exemptions?.length ? { now: prep.now.toISOString().slice(0, 10) } : {}),
      failOn: options.failOn,
      ...(options.include?.length ? { include: [...options.include] } : {}),
      ...(baseline ? { baseline } : {}),
      ...(o.limits && Object.keys(o.limits).length ? { limits: o.limits } : {}),
    },
    facts,
  };
}

// --- reading shard reports ---------------------------------------------------------------------

const severity = z.enum(['error', 'warning', 'note', 'never']);
const shardSchema = z.strictObject({
  index: z.number().int().positive(),
  count: z.number().int().positive(),
  inputs: z.array(z.string()),
  policy: z.strictObject({ path: z.string(), sha256: z.string() }).optional(),
  options: z.strictObject({
    market: z.string().optional(),
    sku: z.string().optional(),
    now: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    failOn: severity,
    include: z.array(z.string()).optional(),
    baseline: z.strictObject({ path: z.string(), sha256: z.string() }).optional(),
    limits: z.record(z.string(), z.number()).optional(),
  }),
  facts: z.array(z.strictObject({ input: z.string(), sha256: z.string().optional(), facts: partialFactsSchema })),
});

export interface ShardReport {
  file: string;
  tool: Report['tool'];
  shard: ShardSection;
}

/** Parses one shard report; anything that is not one is a UsageError saying what was found. */
export function parseShardReport(text: string, file: string): ShardReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`merge: ${file} is not JSON (${(e as Error).message}): pass the reports of \`activation-gate scan --shard I/N --format json\``);
  }
  const raw = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const tool = raw.tool as Record<string, unknown> | undefined;
  if (!tool || tool.name !== 'activation-gate' || raw.schemaVersion !== 1) {
    throw new UsageError(`merge: ${file} is not an activation-gate report of schema 1`);
  }
  if (raw.shard === undefined) {
    throw new UsageError(`merge: ${file} is not a shard report (no "shard" section): write each with \`activation-gate scan --shard I/N --format json\``);
  }
  const parsed = shardSchema.safeParse(raw.shard);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`merge: ${file} has a damaged shard section: shard.${issue.path.join('.')}: ${issue.message}`);
  }
  return {
    file,
    tool: { name: 'activation-gate', version: String(tool.version), catalogVersion: String(tool.catalogVersion), pslVersion: String(tool.pslVersion) },
    shard: parsed.data as ShardSection,
  };
}

const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) : x,
  );

/**
 * Checks that the reports are one complete set of one scan (every index 1..N exactly once, the
 * same N, tool, catalog and suffix-list versions, inputs, policy and options) and merges their
 * facts per input. Pure. Throws UsageError naming what is wrong.
 */
export function mergeShardFacts(
  reports: ShardReport[],
  current: Report['tool'],
  /** The endpoints the endpoint cap never drops, once the set is checked (capEndpoints). */
  knownOf: (first: ShardSection) => KnownEndpoints,
): { facts: InputFacts[]; first: ShardSection } {
  if (reports.length === 0) throw new UsageError('merge needs the JSON reports of every shard: activation-gate merge shard-1.json shard-2.json ...');
  const first = reports[0];
  for (const key of ['version', 'catalogVersion', 'pslVersion'] as const) {
    const seen = [...new Set(reports.map((r) => r.tool[key]))];
    const label = key === 'version' ? 'tool versions' : key === 'catalogVersion' ? 'catalog versions' : 'Public Suffix List versions';
    if (seen.length > 1) {
      throw new UsageError(
        `merge: the reports were written with mixed ${label} (${reports.map((r) => `${r.file}: ${r.tool[key]}`).join(', ')}): run every shard with the same activation-gate`,
      );
    }
    if (seen[0] !== current[key]) {
      throw new UsageError(`merge: the reports were written with ${label.replace(/s$/, '')} ${seen[0]}, this activation-gate has ${current[key]}: merge with the version that scanned`);
    }
  }
  const counts = [...new Set(reports.map((r) => r.shard.count))];
  if (counts.length > 1) throw new UsageError(`merge: the reports are shards of different splits (${reports.map((r) => `${r.file}: ${r.shard.index}/${r.shard.count}`).join(', ')})`);
  const n = counts[0];
  const byIndex = new Map<number, string[]>();
  for (const r of reports) byIndex.set(r.shard.index, [...(byIndex.get(r.shard.index) ?? []), r.file]);
  const duplicate = [...byIndex.entries()].filter(([, files]) => files.length > 1);
  if (duplicate.length) {
    throw new UsageError(`merge: shard ${duplicate.map(([i, files]) => `${i}/${n} is given twice (${files.join(', ')})`).join('; ')}: give each shard once`);
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length) {
    throw new UsageError(`merge: incomplete set: shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${n}`).join(', ')} missing; the verdict needs every shard`);
  }
  const same = (what: string, get: (s: ShardSection) => unknown): void => {
    const want = canonical(get(first.shard));
    const other = reports.find((r) => canonical(get(r.shard)) !== want);
    if (other) throw new UsageError(`merge: ${other.file} and ${first.file} are shards of different scans: their ${what} differ (${canonical(get(other.shard))} vs ${want})`);
  };
  same('inputs', (s) => s.inputs);
  same('policy files (path and SHA-256)', (s) => s.policy ?? null);
  same('"today" dates (run every shard with the same --now or SOURCE_DATE_EPOCH)', (s) => s.options.now);
  same('options (market, sku, fail-on, include, baseline)', (s) => s.options);
  same('input hashes', (s) => s.facts.map((f) => [f.input, f.sha256 ?? null]));

  const known = knownOf(first.shard);
  const facts: InputFacts[] = [];
  for (const input of first.shard.inputs) {
    const parts: PartialFacts[] = [];
    let sha256: string | undefined;
    for (const r of reports) {
      const f = r.shard.facts.find((x) => x.input === input);
      if (!f) throw new UsageError(`merge: ${r.file} has no facts for input ${input}`);
      sha256 = f.sha256;
      parts.push(f.facts);
    }
    facts.push(assembleInputFacts(input, sha256, parts, known, effectiveLimits(first.shard.options.limits)));
  }
  return { facts, first: first.shard };
}

export interface MergeOptions {
  cwd?: string;
  /** Overrides the fail-on the shards were run with. */
  failOn?: Severity | 'never';
}

/** `activation-gate merge`: shard report files -> the report an unsharded run gives. */
export function mergeShardReports(files: string[], options: MergeOptions, logger: Logger): Report {
  const cwd = options.cwd ?? process.cwd();
  const reports = files.map((f) => {
    let text: string;
    try {
      text = readFileSync(resolve(cwd, f), 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(code === 'ENOENT' ? `merge: report not found: ${f}` : `merge: cannot read ${f}: ${(e as Error).message}`);
    }
    return parseShardReport(text, f);
  });
  const current = { name: 'activation-gate' as const, version: TOOL_VERSION, catalogVersion: loadBuiltinCatalog().version, pslVersion: pslVersion() };
  let prep: PreparedScan | undefined;
  const { facts, first } = mergeShardFacts(reports, current, (first) => {
    const o = first.options;
    const policy = first.policy;
    if (policy && sha256OfFile(resolve(cwd, policy.path), 'policy file') !== policy.sha256) {
      throw new UsageError(`merge: the policy file ${policy.path} has changed since the shards were scanned (its SHA-256 differs): merge with the policy they used`);
    }
    if (o.baseline && sha256OfFile(resolve(cwd, o.baseline.path), 'baseline') !== o.baseline.sha256) {
      throw new UsageError(`merge: the baseline ${o.baseline.path} has changed since the shards were scanned (its SHA-256 differs)`);
    }
    prep = prepareScan(
      {
        cwd,
        ...(o.now ? { now: new Date(`${o.now}T00:00:00Z`) } : {}),
        ...(policy ? { policyFile: policy.path } : {}),
        ...(o.market ? { market: o.market } : {}),
        ...(o.baseline ? { baseline: o.baseline.path } : {}),
      },
      logger,
    );
    return knownEndpoints(prep.catalog, prep.file);
  });
  const o = first.options;
  logger.info(`merging ${reports.length} shard reports of ${first.inputs.join(', ')}`);
  return evaluateFacts(facts, prep!, { ...(o.market ? { market: o.market } : {}), ...(o.sku ? { sku: o.sku } : {}), failOn: options.failOn ?? o.failOn }, logger);
}
