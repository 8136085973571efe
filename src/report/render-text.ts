/**
 * Text output for people on a terminal: the verdict line first, then one block per target.
 * Pure: returns a string; colour (ANSI) only when the caller asks for it.
 */
import { appendAll } from '../arrays.js';
import type { Evidence } from '../facts.js';
import type { Finding, Report, ReportEndpoint, ReportTarget, ResolvedBy } from './model.js';
import { sortedView } from './sort.js';
import { visible } from '../logging.js';

export { visible };

export interface TextOptions {
  /** Wrap severities and the verdict in ANSI colours (only when writing to a colour terminal). */
  color?: boolean;
  /** Endpoints listed per status and target before "... and N more" (default 50). */
  maxEndpoints?: number;
  /**
   * Findings listed per target (most severe first) before "... and N more" (default: all). The
   * Action's log lists 1,000: its report file has them all.
   */
  maxFindings?: number;
  /** Where the findings past maxFindings can be read, appended to the "... and N more" line. */
  moreFindingsIn?: string;
}

export function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * A whole number with commas between groups of three digits (`12,345`), as
 * `toLocaleString('en-US')` writes it, without ICU: the same on every Node build, and no ~16 ms
 * of locale data loaded on the first call.
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US'); // never a count: left to ICU
  const digits = String(Math.abs(n));
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}

/**
 * `FAIL: 3 errors, 2 warnings in 2 targets (fail-on: error)`; notes and suppressed findings are
 * added only when there are some.
 */
export function verdictLine(report: Report): string {
  const c = report.counts;
  const parts = [plural(c.errors, 'error'), plural(c.warnings, 'warning')];
  if (c.notes > 0) parts.push(plural(c.notes, 'note'));
  const suppressed = c.suppressed > 0 ? `, ${formatCount(c.suppressed)} suppressed` : '';
  const partial = report.shard ? `; partial: shard ${report.shard.index}/${report.shard.count}, \`activation-gate merge\` gives the verdict` : '';
  return `${report.verdict.toUpperCase()}: ${parts.join(', ')} in ${plural(report.targets.length, 'target')} (fail-on: ${report.failOn}${suppressed}${partial})`;
}

/** `path!/entry @offset`: the container notation of SPEC section 3 (`!/` into an entry). */
export function formatEvidence(e: Evidence): string {
  return `${e.path}${e.entry ? `!/${e.entry}` : ''}${e.offset !== undefined ? ` @${e.offset}` : ''}`;
}

/** How the target's market was decided: `ro.cda.skuid.id=600E0 vendor/build.prop:12`, or `--market`. */
export function formatResolvedBy(r: ResolvedBy | undefined): string {
  if (!r) return 'unresolved';
  if (r.from === 'cli') return `from ${r.key.startsWith('-') ? r.key : `--${r.key}`}${r.value ? ` ${r.value}` : ''}`;
  const kv = `${r.value !== undefined ? `${r.key}=${r.value}` : r.key}${r.derivedFrom ? ` (derived from ${r.derivedFrom})` : ''}`;
  const where = r.file ? ` ${r.file}${r.line !== undefined ? `:${r.line}` : ''}` : '';
  return `${kv}${where}`;
}

export function formatEndpoint(e: ReportEndpoint): string {
  const port = e.port !== undefined ? `:${e.port}` : '';
  const scheme = e.scheme ? `${e.scheme}://` : '';
  // An IPv6 address with a scheme or a port is written in brackets, as in a URL.
  const value = e.kind === 'ip' && e.value.includes(':') && (scheme || port) ? `[${e.value}]` : e.value;
  return `${scheme}${value}${port}`;
}

const ANSI = { red: 31, yellow: 33, cyan: 36, green: 32, dim: 2, bold: 1 } as const;
type Paint = (style: keyof typeof ANSI, s: string) => string;

function table(rows: string[][], indent: string): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((r) => `${indent}${r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')}`.trimEnd());
}

/** One line, whatever the message holds (a message never breaks the layout). */
function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ');
}

function findingLines(findings: Finding[], paint: Paint, indent: string): string[] {
  // A loop, not Math.max(...lengths): spread as arguments, 200,000 findings overflow the stack.
  let ruleWidth = 0;
  let sevWidth = 0;
  for (const f of findings) {
    ruleWidth = Math.max(ruleWidth, f.rule.length);
    sevWidth = Math.max(sevWidth, f.severity.length);
  }
  return findings.map((f) => {
    const sev = `${f.severity.padEnd(sevWidth)}  `;
    const colored =
      f.suppressed !== undefined
        ? paint('dim', sev)
        : paint(f.severity === 'error' ? 'red' : f.severity === 'warning' ? 'yellow' : 'cyan', sev);
    const where = f.location ? ` (${f.location.file}:${f.location.line})` : '';
    const supp = f.suppressed ? ` [suppressed: ${oneLine(f.suppressed.reason)}, ${f.suppressed.owner}, until ${f.suppressed.expires}]` : '';
    return `${indent}${colored}${f.rule.padEnd(ruleWidth)}  ${oneLine(f.message)}${where}${supp}`;
  });
}

interface Limits {
  maxEndpoints: number;
  maxFindings: number;
  moreFindingsIn?: string;
}

/** "2 errors, 1,200 warnings": the severities of `findings`, most severe first. */
function severityCounts(findings: readonly Finding[]): string {
  const n = new Map<string, number>();
  for (const f of findings) n.set(f.severity, (n.get(f.severity) ?? 0) + 1);
  return [...n].map(([sev, k]) => plural(k, sev)).join(', ');
}

/**
 * One target of the sorted view (canonical order). Only what is shown is made safe for the
 * terminal (`visibleDeep`): a build with tens of thousands of endpoints and findings is never
 * copied whole.
 */
function targetBlock(target: ReportTarget, findings: Finding[], paint: Paint, limits: Limits): string[] {
  const out: string[] = [];
  const t = visibleDeep({ id: target.id, market: target.market, sku: target.sku, build: target.build, counts: target.counts });
  const c = t.counts;
  const state = c.errors > 0 ? paint('red', `FAIL (${plural(c.errors, 'error')})`) : c.warnings > 0 ? paint('yellow', `pass with ${plural(c.warnings, 'warning')}`) : paint('green', 'pass');
  out.push(`${paint('bold', `Target ${t.id}`)}: ${state}`);
  const market = t.market ?? 'unresolved';
  const sku = t.sku ? `sku ${t.sku}, ` : '';
  const resolved = t.market ? formatResolvedBy(t.build.resolvedBy) : `tried: ${(t.build.tried ?? []).join(', ') || 'nothing'}`;
  out.push(`  market: ${market} (${sku}${resolved})`);
  if (t.build.fingerprint) out.push(`  fingerprint: ${t.build.fingerprint}`);
  out.push(`  packages: ${formatCount(target.packages.length)}, endpoints: ${formatCount(target.endpoints.length)}`);

  if (target.clients.length > 0) {
    out.push('  clients:');
    const rows = [['CLIENT', 'MARKET', 'PACKAGE', 'ALLOWED', 'MATCHED BY']];
    for (const c of target.clients.map(visibleDeep)) {
      rows.push([
        c.id,
        c.market,
        c.package ?? '-',
        c.allowed ? 'yes' : 'no',
        `${c.matchedBy.join(', ')}${c.suspected ? ' (suspected)' : ''}`,
      ]);
    }
    const lines = table(rows, '    ');
    out.push(paint('dim', lines[0]));
    appendAll(out, lines.slice(1));
  } else {
    out.push('  clients: none');
  }

  for (const status of ['denied', 'unlisted'] as const) {
    const eps = target.endpoints.filter((e) => e.status === status);
    if (eps.length === 0) continue;
    out.push(`  ${status} endpoints (${formatCount(eps.length)}):`);
    const rows = eps.slice(0, limits.maxEndpoints).map((endpoint) => {
      const e = visibleDeep(endpoint);
      const first = e.evidence[0];
      const more = e.evidenceCount > 1 ? ` (+${formatCount(e.evidenceCount - 1)} more)` : '';
      return [e.kind, `${formatEndpoint(e)}${e.cleartext ? ' [cleartext]' : ''}`, first ? `${formatEvidence(first)}${more}` : '-'];
    });
    appendAll(out, table(rows, '    '));
    if (eps.length > limits.maxEndpoints) out.push(`    ... and ${formatCount(eps.length - limits.maxEndpoints)} more`);
  }

  if (target.unreadable.length > 0) {
    out.push(`  unreadable artifacts (${formatCount(target.unreadable.length)}):`);
    for (const u of target.unreadable.map(visibleDeep)) {
      out.push(`    ${u.path} (${u.format}): ${oneLine(u.reason)}${u.offset !== undefined ? ` @${u.offset}` : ''}`);
    }
  }
  if (target.skipped.length > 0) out.push(`  skipped paths: ${formatCount(target.skipped.length)}`);

  if (findings.length > 0) {
    out.push('  findings:');
    appendAll(out, findingLines(findings.slice(0, limits.maxFindings).map(visibleDeep), paint, '    '));
    if (findings.length > limits.maxFindings) {
      const rest = findings.slice(limits.maxFindings);
      const where = limits.moreFindingsIn ? `: ${limits.moreFindingsIn}` : '';
      out.push(`    ... and ${plural(rest.length, 'more finding')} (${severityCounts(rest)})${where}`);
    }
  } else {
    out.push('  findings: none');
  }
  return out;
}

function visibleDeep<T>(v: T): T {
  if (typeof v === 'string') return visible(v) as T;
  if (Array.isArray(v)) return v.map(visibleDeep) as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = visibleDeep(x);
    return out as T;
  }
  return v;
}

export function renderText(report: Report, options: TextOptions = {}): string {
  const paint: Paint = options.color ? (style, s) => `\u001b[${ANSI[style]}m${s}\u001b[0m` : (_style, s) => s;
  const limits: Limits = { maxEndpoints: options.maxEndpoints ?? 50, maxFindings: options.maxFindings ?? Infinity, moreFindingsIn: options.moreFindingsIn };
  const r = sortedView(report);
  const lines: string[] = [];
  lines.push(paint(r.verdict === 'fail' ? 'red' : 'green', visible(verdictLine(r))));

  const byTarget = new Map<string, Finding[]>();
  for (const f of r.findings) {
    const list = byTarget.get(f.target) ?? [];
    list.push(f);
    byTarget.set(f.target, list);
  }
  for (const t of r.targets) {
    lines.push('');
    appendAll(lines, targetBlock(t, byTarget.get(t.id) ?? [], paint, limits));
    byTarget.delete(t.id);
  }
  // Findings about no known target (an expired exemption, say) still show.
  const other = [...byTarget.values()].flat();
  if (other.length > 0) {
    lines.push('', paint('bold', 'Other findings'));
    appendAll(lines, findingLines(other.map(visibleDeep), paint, '  '));
  }
  return `${lines.join('\n')}\n`;
}
