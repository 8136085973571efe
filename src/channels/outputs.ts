/**
 * Step outputs: verdict, counts, file paths and `clients` (JSON). GitHub keeps at most 1 MB of
 * outputs per job, so `clients` is shrunk to a byte budget: first by dropping fields, then by
 * dropping entries (allowed clients before disallowed ones), saying so in the JSON itself.
 */
import type { Report, ReportClient } from '../report/model.js';
import { sortedView } from '../report/sort.js';

export interface OutputSink {
  setOutput(name: string, value: unknown): void;
}

export interface OutputPaths {
  reportFile?: string;
  sarifFile?: string;
}

/** Default byte budget of the `clients` output: well under the 1 MB job limit. */
export const CLIENTS_OUTPUT_MAX_BYTES = 900_000;

export interface ClientsOutputEntry {
  id: string;
  market: string;
  package?: string;
  allowed: boolean;
  suspected?: boolean;
  name?: string;
  path?: string;
  matchedBy?: string[];
}

export interface ClientsOutputTarget {
  target: string;
  market?: string;
  clients: ClientsOutputEntry[];
  /** Present when entries were dropped for size: how many. */
  omitted?: number;
}

export interface ClientsOutput {
  targets: ClientsOutputTarget[];
  /** Present when the output was shrunk: what was dropped. */
  truncated?: string;
}

/** Present = installed (matched by package or signer) or suspected; a host match alone is not. */
export function isPresentClient(c: ReportClient): boolean {
  return c.suspected === true || c.matchedBy.includes('package') || c.matchedBy.includes('signer');
}

function entry(c: ReportClient, level: 'full' | 'lean'): ClientsOutputEntry {
  const e: ClientsOutputEntry = { id: c.id, market: c.market, package: c.package, allowed: c.allowed };
  if (c.suspected) e.suspected = true;
  if (level === 'full') {
    e.name = c.name;
    e.path = c.path;
    e.matchedBy = c.matchedBy;
  }
  return e;
}

/** The `clients` output as JSON, within `maxBytes`. */
export function renderClientsOutput(report: Report, maxBytes = CLIENTS_OUTPUT_MAX_BYTES): string {
  const r = sortedView(report);
  const build = (level: 'full' | 'lean'): ClientsOutput => ({
    targets: r.targets.map((t) => ({
      target: t.id,
      market: t.market,
      clients: t.clients.filter(isPresentClient).map((c) => entry(c, level)),
    })),
  });
  const fits = (o: ClientsOutput): string | undefined => {
    const s = JSON.stringify(o);
    return Buffer.byteLength(s, 'utf8') <= maxBytes ? s : undefined;
  };
  const full = build('full');
  const fullJson = fits(full);
  if (fullJson) return fullJson;

  const lean = build('lean');
  lean.truncated = 'name, path and matchedBy dropped to stay under the output size limit; see the report file';
  const leanJson = fits(lean);
  if (leanJson) return leanJson;

  // Drop entries: allowed clients first (least interesting), then from the end of each list,
  // round-robin over targets so every target keeps its most important entries.
  const lists = lean.targets.map((t) => [...t.clients].sort((a, b) => Number(a.allowed) - Number(b.allowed)));
  const total = lists.reduce((n, l) => n + l.length, 0);
  lean.truncated = 'fields and entries dropped to stay under the output size limit; see the report file';
  // Binary search on how many entries survive overall.
  const keepN = (n: number): ClientsOutput => {
    const keep = lists.map(() => 0);
    let left = n;
    for (let round = 0; left > 0; round++) {
      let progressed = false;
      for (let i = 0; i < lists.length && left > 0; i++) {
        if (round < lists[i].length) {
          keep[i]++;
          left--;
          progressed = true;
        }
      }
      if (!progressed) break;
    }
    return {
      targets: lean.targets.map((t, i) => ({
        ...t,
        clients: lists[i].slice(0, keep[i]),
        omitted: lists[i].length - keep[i] || undefined,
      })),
      truncated: lean.truncated,
    };
  };
  let lo = 0;
  let hi = total;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(keepN(mid))) lo = mid;
    else hi = mid - 1;
  }
  return fits(keepN(lo)) ?? JSON.stringify({ targets: [], truncated: 'too many targets for the output size limit; see the report file' });
}

/** Sets every output of action.yml (`report-file` and `sarif-file` empty when not written). */
export function setOutputs(report: Report, paths: OutputPaths, sink: OutputSink, clientsMaxBytes = CLIENTS_OUTPUT_MAX_BYTES): void {
  sink.setOutput('verdict', report.verdict);
  sink.setOutput('errors', String(report.counts.errors));
  sink.setOutput('warnings', String(report.counts.warnings));
  sink.setOutput('report-file', paths.reportFile ?? '');
  sink.setOutput('sarif-file', paths.sarifFile ?? '');
  sink.setOutput('clients', renderClientsOutput(report, clientsMaxBytes));
}
