/**
 * `activation-gate diff old.json new.json`: the clients and endpoints added and removed between
 * two JSON reports, per target (targets are paired as `--baseline` pairs them: same id, else
 * same SKU, else the only target of the same market, else the only target). Pure apart from
 * reading the two files.
 */
import { readFileSync } from 'node:fs';
import { matchBaselineTarget, parseBaseline } from '../baseline.js';
import { UsageError } from '../errors.js';
import type { EndpointKind } from '../facts.js';

interface DiffTarget {
  id: string;
  sku?: string;
  market?: string;
  endpoints: Map<string, { kind: EndpointKind; value: string; status?: string }>;
  clients: Map<string, { id: string; market?: string; package?: string }>;
}

export interface TargetDiff {
  /** `old id -> new id` (or only one of them when the target was added or removed). */
  old?: string;
  new?: string;
  clients: { added: string[]; removed: string[] };
  endpoints: { added: string[]; removed: string[] };
}

export interface ReportDiff {
  targets: TargetDiff[];
  changed: boolean;
}

function readReport(text: string, file: string): DiffTarget[] {
  parseBaseline(text, file); // the same compatibility rules as --baseline (refuses other schemas with a clear message)
  const data = JSON.parse(text) as { targets: { id: string; sku?: string; market?: string; endpoints?: { kind: EndpointKind; value: string; status?: string }[]; clients?: { id: string; market?: string; package?: string }[] }[] };
  return data.targets.map((t) => ({
    id: t.id,
    ...(t.sku ? { sku: t.sku } : {}),
    ...(t.market ? { market: t.market } : {}),
    endpoints: new Map((t.endpoints ?? []).filter((e) => e.status !== 'ignored').map((e) => [`${e.kind}\u0000${e.value}`, e])),
    clients: new Map((t.clients ?? []).map((c) => [c.id, c])),
  }));
}

const label = (e: { kind: EndpointKind; value: string }) => (e.kind === 'host' ? e.value : `${e.kind} ${e.value}`);
const sorted = (xs: string[]) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Compares two reports' texts. */
export function diffReports(oldText: string, newText: string, files: { old: string; new: string } = { old: 'old', new: 'new' }): ReportDiff {
  const before = readReport(oldText, files.old);
  const after = readReport(newText, files.new);
  const oldBaseline = parseBaseline(oldText, files.old);
  const used = new Set<string>();
  const targets: TargetDiff[] = [];
  for (const t of after) {
    const m = matchBaselineTarget(oldBaseline, t);
    const o = m ? before.find((b) => b.id === m.target.id) : undefined;
    if (o && used.has(o.id)) {
      targets.push(one(undefined, t));
      continue;
    }
    if (o) used.add(o.id);
    targets.push(one(o, t));
  }
  for (const o of before) if (!used.has(o.id)) targets.push(one(o, undefined));
  targets.sort((a, b) => ((a.new ?? a.old)! < (b.new ?? b.old)! ? -1 : 1));
  return { targets, changed: targets.some((t) => t.clients.added.length + t.clients.removed.length + t.endpoints.added.length + t.endpoints.removed.length > 0 || !t.old || !t.new) };
}

function one(o: DiffTarget | undefined, n: DiffTarget | undefined): TargetDiff {
  const oc = o?.clients ?? new Map();
  const nc = n?.clients ?? new Map();
  const oe = o?.endpoints ?? new Map();
  const ne = n?.endpoints ?? new Map();
  const clientLabel = (c: { id: string; market?: string; package?: string }) => `${c.id}${c.package ? ` (${c.package}${c.market ? `, ${c.market}` : ''})` : ''}`;
  return {
    ...(o ? { old: o.id } : {}),
    ...(n ? { new: n.id } : {}),
    clients: { added: sorted([...nc.entries()].filter(([k]) => !oc.has(k)).map(([, c]) => clientLabel(c))), removed: sorted([...oc.entries()].filter(([k]) => !nc.has(k)).map(([, c]) => clientLabel(c))) },
    endpoints: { added: sorted([...ne.entries()].filter(([k]) => !oe.has(k)).map(([, e]) => label(e))), removed: sorted([...oe.entries()].filter(([k]) => !ne.has(k)).map(([, e]) => label(e))) },
  };
}

/** The diff as text for people: one block per target, `+`/`-` lines. */
export function renderDiff(d: ReportDiff, files: { old: string; new: string }): string {
  const out: string[] = [`activation-gate diff ${files.old} -> ${files.new}`];
  if (!d.changed) return `${out[0]}\nNo clients or endpoints added or removed.\n`;
  for (const t of d.targets) {
    const head = t.old && t.new ? (t.old === t.new ? t.new : `${t.old} -> ${t.new}`) : t.new ? `${t.new} (new target)` : `${t.old} (target removed)`;
    const lines = [
      ...t.clients.added.map((c) => `  + client    ${c}`),
      ...t.clients.removed.map((c) => `  - client    ${c}`),
      ...t.endpoints.added.map((e) => `  + endpoint  ${e}`),
      ...t.endpoints.removed.map((e) => `  - endpoint  ${e}`),
    ];
    out.push('', `Target ${head}`, ...(lines.length ? lines : ['  (no change)']));
  }
  const total = (k: 'clients' | 'endpoints', w: 'added' | 'removed') => d.targets.reduce((n, t) => n + t[k][w].length, 0);
  out.push('', `${total('clients', 'added')} clients added, ${total('clients', 'removed')} removed; ${total('endpoints', 'added')} endpoints added, ${total('endpoints', 'removed')} removed.`);
  return `${out.join('\n')}\n`;
}

export function readReportFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `report not found: ${path}` : `cannot read report ${path}: ${(e as Error).message}`);
  }
}
