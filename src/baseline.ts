/**
 * `--baseline previous-report.json`: a JSON report of an earlier, approved build. Endpoints and
 * clients present now and absent from the baseline become `new-endpoint` / `new-client`
 * findings, so a release can be gated on "nothing new since the last approved build".
 *
 * Compatibility: a report of schema version 1 (this tool's) is read whatever tool version wrote
 * it (a different tool or catalog version is only a notice); a newer schema version, an older one
 * without `schemaVersion`, another tool's JSON or a file that is not a report is refused with a
 * UsageError that says what was found and what to do.
 */
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { UsageError } from './errors.js';
import { ENDPOINT_KINDS } from './facts.js';
import type { Report, ReportTarget } from './report/model.js';
import { TOOL_VERSION } from './version.js';

export const BASELINE_SCHEMA_VERSION = 1;

const endpointSchema = z.looseObject({ kind: z.enum(ENDPOINT_KINDS), value: z.string(), status: z.string().optional() });
const clientSchema = z.looseObject({ id: z.string(), market: z.string().optional(), package: z.string().optional() });
const targetSchema = z.looseObject({
  id: z.string(),
  input: z.string().optional(),
  sku: z.string().optional(),
  market: z.string().optional(),
  endpoints: z.array(endpointSchema).default([]),
  clients: z.array(clientSchema).default([]),
});
const reportSchema = z.looseObject({
  schemaVersion: z.number(),
  tool: z.looseObject({ name: z.string(), version: z.string().optional(), catalogVersion: z.string().optional() }),
  targets: z.array(targetSchema),
});

export interface BaselineTarget {
  id: string;
  sku?: string;
  market?: string;
  /** `kind\0value` of every endpoint the baseline target had (ignored ones excluded). */
  endpoints: Set<string>;
  /** Client ids (catalog ids, `suspected:<package>`). */
  clients: Set<string>;
}

export interface Baseline {
  file: string;
  toolVersion?: string;
  catalogVersion?: string;
  targets: BaselineTarget[];
  /** Notices for the log (another tool or catalog version). */
  notices: string[];
}

export const endpointKey = (kind: string, value: string): string => `${kind}\u0000${value}`;

/** Parses baseline JSON text; throws UsageError for anything it cannot use. */
export function parseBaseline(text: string, file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`baseline ${file} is not JSON (${(e as Error).message}): pass a report written by \`activation-gate scan --format json\``);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UsageError(`baseline ${file} is not an activation-gate report (a JSON object with schemaVersion, tool and targets)`);
  }
  const raw = data as Record<string, unknown>;
  const tool = raw.tool as Record<string, unknown> | undefined;
  if (!tool || tool.name !== 'activation-gate') {
    throw new UsageError(`baseline ${file} was not written by activation-gate (tool.name is ${JSON.stringify(tool?.name ?? null)}): pass a report written by \`activation-gate scan --format json\``);
  }
  if (typeof raw.schemaVersion !== 'number') {
    throw new UsageError(
      `baseline ${file} has no schemaVersion (written by activation-gate ${String(tool.version ?? 'unknown')}, before report schema 1): regenerate it with this version (${TOOL_VERSION}) from the approved build`,
    );
  }
  if (raw.schemaVersion !== BASELINE_SCHEMA_VERSION) {
    const newer = raw.schemaVersion > BASELINE_SCHEMA_VERSION;
    throw new UsageError(
      `baseline ${file} uses report schema ${raw.schemaVersion} (activation-gate ${String(tool.version ?? 'unknown')}); this activation-gate ${TOOL_VERSION} reads schema ${BASELINE_SCHEMA_VERSION}: ${newer ? 'upgrade activation-gate' : 'regenerate the baseline with this version'}`,
    );
  }
  if (raw.shard !== undefined) {
    // A shard's report holds only its share of the build: what the other shards found would all be new.
    const s = raw.shard as { index?: unknown; count?: unknown } | null;
    const which = s && typeof s === 'object' ? ` ${String(s.index)}/${String(s.count)}` : '';
    throw new UsageError(`baseline ${file} is the partial report of shard${which}: merge the shards first (\`activation-gate merge shard-*.json --format json --output build.json\`) and pass the merged report`);
  }
  const parsed = reportSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`baseline ${file} is not a valid schema-1 report: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const r = parsed.data;
  const notices: string[] = [];
  if (r.tool.version && r.tool.version !== TOOL_VERSION) notices.push(`baseline ${file} was written by activation-gate ${r.tool.version} (this is ${TOOL_VERSION}); read as report schema 1`);
  return {
    file,
    ...(r.tool.version ? { toolVersion: r.tool.version } : {}),
    ...(r.tool.catalogVersion ? { catalogVersion: r.tool.catalogVersion } : {}),
    targets: r.targets.map((t) => ({
      id: t.id,
      ...(t.sku ? { sku: t.sku } : {}),
      ...(t.market ? { market: t.market } : {}),
      endpoints: new Set(t.endpoints.filter((e) => e.status !== 'ignored').map((e) => endpointKey(e.kind, e.value))),
      clients: new Set(t.clients.map((c) => c.id)),
    })),
    notices,
  };
}

/** Reads a baseline file; a missing or unreadable file is a UsageError. */
/** A baseline larger than this is refused before it is read (reports of huge builds are ~50 MB). */
export const MAX_BASELINE_BYTES = 256 * 1024 * 1024;

export function loadBaseline(path: string, display: string = path): Baseline {
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_BASELINE_BYTES) {
      throw new UsageError(`baseline ${display} is ${size} bytes, more than the ${MAX_BASELINE_BYTES}-byte limit for a report: pass the JSON report of the approved build`);
    }
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `baseline not found: ${display}` : `cannot read baseline ${display}: ${(e as Error).message}`);
  }
  return parseBaseline(text, display);
}

/**
 * The baseline target to compare a target with: the same target id; else the same SKU; else the
 * only baseline target of the same market; else the baseline's only target. Undefined when none
 * fits (then everything in the target is new).
 */
export function matchBaselineTarget(baseline: Baseline, target: { id: string; sku?: string; market?: string }): { target: BaselineTarget; by: string } | undefined {
  const byId = baseline.targets.find((t) => t.id === target.id);
  if (byId) return { target: byId, by: 'id' };
  if (target.sku) {
    const sameSku = baseline.targets.filter((t) => t.sku === target.sku);
    if (sameSku.length === 1) return { target: sameSku[0], by: `sku ${target.sku}` };
  }
  if (target.market) {
    const sameMarket = baseline.targets.filter((t) => t.market === target.market);
    if (sameMarket.length === 1) return { target: sameMarket[0], by: `market ${target.market}` };
  }
  if (baseline.targets.length === 1) return { target: baseline.targets[0], by: 'only target' };
  return undefined;
}

/** A baseline built from an in-memory report (tests, `diff`). */
export function baselineOfReport(report: Pick<Report, 'targets'> & { tool?: Report['tool'] }, file = '(report)'): Baseline {
  return parseBaseline(JSON.stringify({ schemaVersion: 1, tool: report.tool ?? { name: 'activation-gate', version: TOOL_VERSION }, targets: report.targets }), file);
}

export type { ReportTarget };
