/**
 * Markdown for the job summary and the PR comment: verdict heading, an overview of targets,
 * per-target tables (clients, denied and unlisted endpoints, unreadable artifacts) and a
 * findings table.
 *
 * Size: the summary must stay under 1 MiB and a comment under 65,536 characters. Detail is
 * dropped in whole stages (evidence columns, then note and suppressed rows, then warning rows,
 * then unlisted-endpoint tables, then the per-target tables, then the error rows) until the text
 * fits, and a line says what was dropped. A table is either rendered whole or replaced by a
 * count; it is never cut part-way.
 */
import type { Finding, Report, ReportClient, ReportEndpoint, ReportTarget, Severity } from './model.js';
import { sortedView } from './sort.js';
import { formatCount, formatEndpoint, formatEvidence, formatResolvedBy, plural, verdictLine, visible } from './render-text.js';

/** GitHub's job-summary limit per step (bytes). */
export const SUMMARY_MAX_BYTES = 1024 * 1024;
/** GitHub's issue/PR comment body limit (characters). */
export const COMMENT_MAX_CHARS = 65536;

export interface MarkdownOptions {
  /** UTF-8 byte budget (default SUMMARY_MAX_BYTES). */
  maxBytes?: number;
  /** Character budget (for a PR comment: COMMENT_MAX_CHARS). Both budgets apply when both are given. */
  maxChars?: number;
  /** Where the full report is, named in the "dropped" line (e.g. "the `report-file` artifact"). */
  fullReportHint?: string;
  /** Extra text placed first (a hidden comment marker, say); counted in the budget. */
  header?: string;
}

// ---------------------------------------------------------------------------------------------
// Escaping

/**
 * Plain text on one line: controls (line breaks too) and invisible characters shown as escapes,
 * as the text report shows them; HTML-ish content and markdown syntax neutralised, `|` escaped so
 * it cannot end a table cell, `@` broken so a PR comment never mentions anyone. For text that
 * quotes names from the build (a finding's message, an unreadable file's reason): a file named
 * `x<newline><newline>Exempted by compliance.` must not add a line of its own to the row.
 */
export function escapeText(s: string): string {
  return visible(s)
    .replace(/[\\`*_[\]~#]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/@/g, '@&#8203;');
}

/** A table cell of plain text from the repository (the policy's exemption reasons): escapeText per line, newlines as `<br>`. */
export function escapeCell(s: string): string {
  return s.split(/\r\n|\r|\n/).map(escapeText).join('<br>');
}

/** Inline code (paths, ids, hosts): literal inside; `|` escaped for the table; one line (a line break shown as `\x0a`). */
export function code(s: string): string {
  // Controls and invisible characters shown as escapes, as the text report shows them.
  const flat = visible(s);
  if (flat.includes('`') || flat.trim() === '') return escapeText(s);
  return `\`${flat.replace(/\|/g, '\\|')}\``;
}

function num(n: number): string {
  return formatCount(n);
}

function mdTable(headers: string[], rows: string[][]): string {
  const lines = [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`];
  for (const r of rows) lines.push(`| ${r.join(' | ')} |`);
  return lines.join('\n');
}

/** A heading that states how many rows its table has, then the whole table. */
function section(level: string, title: string, headers: string[], rows: string[][]): string {
  return `${level} ${title} (${num(rows.length)})\n\n${mdTable(headers, rows)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Stages

interface Detail {
  evidence: boolean;
  notes: boolean;
  /** Warning finding rows. */
  warnings: boolean;
  /** The per-target unlisted-endpoint tables (each unlisted endpoint once, where its warning rows may repeat it). */
  unlisted: boolean;
  targetTables: boolean;
  /** The rows of failing findings (errors, and warnings or notes at or above fail-on). */
  errorFindings: boolean;
  /** Without errorFindings: a short table of the first this many failing findings (no message), so the text still names what fails. */
  firstFailing?: number;
}

const STAGES: Detail[] = [
  { evidence: true, notes: true, warnings: true, unlisted: true, targetTables: true, errorFindings: true },
  { evidence: false, notes: true, warnings: true, unlisted: true, targetTables: true, errorFindings: true },
  { evidence: false, notes: false, warnings: true, unlisted: true, targetTables: true, errorFindings: true },
  // The warning rows go before the unlisted tables: the tables list the same endpoints once.
  { evidence: false, notes: false, warnings: false, unlisted: true, targetTables: true, errorFindings: true },
  { evidence: false, notes: false, warnings: false, unlisted: false, targetTables: true, errorFindings: true },
  { evidence: false, notes: false, warnings: false, unlisted: false, targetTables: false, errorFindings: true },
  { evidence: false, notes: false, warnings: false, unlisted: false, targetTables: false, errorFindings: false },
];

const RANK: Record<Severity, number> = { note: 0, warning: 1, error: 2 };

/** A row kept to the last stage: an error, or a finding at or above fail-on (it fails the run). */
function isFailingRow(f: Finding, failOn: Severity | 'never'): boolean {
  return f.suppressed === undefined && (f.severity === 'error' || (failOn !== 'never' && RANK[f.severity] >= RANK[failOn]));
}
function isNoteRow(f: Finding, failOn: Severity | 'never'): boolean {
  return (f.suppressed !== undefined || f.severity === 'note') && !isFailingRow(f, failOn);
}
function isWarningRow(f: Finding, failOn: Severity | 'never'): boolean {
  return f.suppressed === undefined && f.severity === 'warning' && !isFailingRow(f, failOn);
}

function clientsTable(clients: ReportClient[], d: Detail): string {
  const headers = ['Client', 'Market', 'Package', 'Allowed', 'Matched by'];
  if (d.evidence) headers.push('Path');
  const rows = clients.map((c) => {
    const row = [
      `${code(c.id)}${c.name ? ` ${escapeText(c.name)}` : ''}${c.suspected ? ' (suspected)' : ''}`,
      code(c.market),
      c.package ? code(c.package) : '',
      c.allowed ? 'yes' : '**no**',
      escapeText(c.matchedBy.join(', ')),
    ];
    if (d.evidence) row.push(c.path ? code(c.path) : '');
    return row;
  });
  return section('####', 'Clients', headers, rows);
}

function endpointsTable(title: string, eps: ReportEndpoint[], d: Detail): string {
  const headers = ['Endpoint', 'Kind', 'Cleartext', 'Embedded in'];
  if (d.evidence) headers.push('First evidence');
  const rows = eps.map((e) => {
    const row = [code(formatEndpoint(e)), e.kind, e.cleartext ? '**yes**' : 'no', (e.packages ?? []).map(code).join(', ')];
    if (d.evidence) {
      const first = e.evidence[0];
      const more = e.evidenceCount > 1 ? ` (+${num(e.evidenceCount - 1)})` : '';
      row.push(first ? `${code(formatEvidence(first))}${more}` : '');
    }
    return row;
  });
  return section('####', title, headers, rows);
}

function targetSection(t: ReportTarget, d: Detail): string {
  const parts: string[] = [];
  parts.push(`### Target ${code(t.id)}\n`);
  const market = t.market
    ? `Market **${escapeText(t.market)}**${t.sku ? `, SKU ${code(t.sku)}` : ''}, resolved by ${code(formatResolvedBy(t.build.resolvedBy))}`
    : `Market **unresolved** (tried ${(t.build.tried ?? []).map(code).join(', ') || 'nothing'})`;
  const lines = [market];
  if (t.build.fingerprint) lines.push(`Fingerprint ${code(t.build.fingerprint)}`);
  lines.push(
    `${plural(t.counts.errors, 'error')}, ${plural(t.counts.warnings, 'warning')}; ${plural(t.packages.length, 'package')}, ${plural(t.endpoints.length, 'endpoint')}${t.skipped.length > 0 ? `; ${plural(t.skipped.length, 'path')} skipped` : ''}`,
  );
  parts.push(`${lines.join('<br>\n')}\n`);
  parts.push(t.clients.length > 0 ? clientsTable(t.clients, d) : 'No activation clients found.\n');
  const denied = t.endpoints.filter((e) => e.status === 'denied');
  if (denied.length > 0) parts.push(endpointsTable('Denied endpoints', denied, d));
  const unlisted = t.endpoints.filter((e) => e.status === 'unlisted');
  if (unlisted.length > 0) {
    parts.push(d.unlisted ? endpointsTable('Unlisted endpoints', unlisted, d) : `Unlisted endpoints: ${num(unlisted.length)} (table dropped for size).\n`);
  }
  if (t.unreadable.length > 0) {
    parts.push(
      section(
        '####',
        'Unreadable artifacts',
        ['Path', 'Format', 'Reason'],
        t.unreadable.map((u) => [code(u.path), code(u.format), escapeText(`${u.reason}${u.offset !== undefined ? ` (offset ${u.offset})` : ''}`)]),
      ),
    );
  }
  return parts.join('\n');
}

function overviewTable(r: Report): string {
  const rows = r.targets.map((t) => [
    code(t.id),
    t.market ? escapeText(t.market) : '**unresolved**',
    num(t.counts.errors),
    num(t.counts.warnings),
    num(t.clients.filter((c) => !c.allowed).length),
    num(t.endpoints.filter((e) => e.status === 'denied').length),
    num(t.endpoints.filter((e) => e.status === 'unlisted').length),
    num(t.unreadable.length),
  ]);
  return section(
    '###',
    'Targets',
    ['Target', 'Market', 'Errors', 'Warnings', 'Disallowed clients', 'Denied endpoints', 'Unlisted endpoints', 'Unreadable'],
    rows,
  );
}

function findingsTable(findings: Finding[], d: Detail, multiTarget: boolean): string {
  const headers = ['Severity', 'Rule'];
  if (multiTarget) headers.push('Target');
  headers.push('Subject', 'Message');
  if (d.evidence) headers.push('Location', 'Evidence');
  const rows = findings.map((f) => {
    const sev = f.suppressed ? `~~${f.severity}~~ suppressed` : f.severity === 'error' ? '**error**' : f.severity;
    const subject = f.client ?? f.endpoint ?? f.package ?? f.path ?? '';
    const row = [sev, code(f.rule)];
    if (multiTarget) row.push(code(f.target));
    let message = escapeText(f.message);
    if (f.suppressed) message += `<br>Exempted: ${escapeCell(f.suppressed.reason)} (${code(f.suppressed.owner)}, until ${code(f.suppressed.expires)})`;
    row.push(subject ? code(subject) : '', message);
    if (d.evidence) {
      row.push(f.location ? code(`${f.location.file}:${f.location.line}`) : '');
      const first = f.evidence?.[0];
      row.push(first ? `${code(formatEvidence(first))}${(f.evidence?.length ?? 0) > 1 ? ` (+${num((f.evidence?.length ?? 1) - 1)})` : ''}` : '');
    }
    return row;
  });
  return section('###', 'Findings', headers, rows);
}

/** The first `n` failing findings, one short row each (no message): what fails, when the full rows do not fit. */
function firstFailingTable(findings: Finding[], n: number, multiTarget: boolean): string {
  const headers = ['Severity', 'Rule'];
  if (multiTarget) headers.push('Target');
  headers.push('Subject', 'Location');
  const rows = findings.slice(0, n).map((f) => {
    const row = [f.severity === 'error' ? '**error**' : f.severity, code(f.rule)];
    if (multiTarget) row.push(code(f.target));
    const subject = f.client ?? f.endpoint ?? f.package ?? f.path ?? '';
    row.push(subject ? code(subject) : '', f.location ? code(`${f.location.file}:${f.location.line}`) : '');
    return row;
  });
  const rest = findings.length - rows.length;
  return `${section('###', 'First failing findings', headers, rows)}${rest > 0 ? `\n${plural(rest, 'more failing finding')}: see the counts above.\n` : ''}`;
}

function droppedLine(r: Report, d: Detail, limit: string, hint: string | undefined): string {
  const dropped: string[] = [];
  if (!d.evidence) dropped.push('evidence and location columns');
  if (!d.notes) {
    const n = r.findings.filter((f) => isNoteRow(f, r.failOn)).length;
    if (n > 0) dropped.push(`${plural(n, 'note or suppressed finding row')}`);
  }
  if (!d.warnings) {
    const n = r.findings.filter((f) => isWarningRow(f, r.failOn)).length;
    if (n > 0) dropped.push(`${plural(n, 'warning finding row')} (counted above)`);
  }
  if (!d.unlisted && d.targetTables) {
    const u = r.targets.reduce((acc, t) => acc + t.endpoints.filter((e) => e.status === 'unlisted').length, 0);
    if (u > 0) dropped.push(`the unlisted-endpoint tables (${plural(u, 'endpoint')}, counted per target)`);
  }
  if (!d.targetTables) dropped.push('per-target tables (the targets overview stays)');
  if (!d.errorFindings) {
    const n = r.findings.filter((f) => isFailingRow(f, r.failOn)).length;
    const what = r.failOn === 'error' || r.failOn === 'never' ? 'error finding row' : 'failing finding row';
    if (n > 0) dropped.push(`${plural(n, what)} (counted above${d.firstFailing ? `; the first ${num(Math.min(d.firstFailing, n))} listed without their messages` : ''})`);
  }
  if (dropped.length === 0) return '';
  const where = hint ? ` The full report: ${hint}.` : '';
  return `> [!NOTE]\n> Dropped to stay under ${limit}: ${dropped.join('; ')}.${where}\n`;
}

function renderStage(r: Report, d: Detail, options: MarkdownOptions, limit: string, compact: boolean): string {
  const parts: string[] = [];
  if (options.header) parts.push(options.header);
  const icon = r.verdict === 'fail' ? ':x:' : ':white_check_mark:';
  parts.push(`## ${icon} activation-gate: ${r.verdict === 'fail' ? 'FAIL' : 'PASS'}${r.shard ? ` (partial: shard ${r.shard.index}/${r.shard.count})` : ''}\n`);
  parts.push(`**${escapeCell(verdictLine(r))}**\n`);
  const dropped = droppedLine(r, d, limit, options.fullReportHint);
  if (dropped) parts.push(dropped);
  if (compact) return `${parts.join('\n')}\n`;

  parts.push(overviewTable(r));
  if (d.targetTables) for (const t of r.targets) parts.push(targetSection(t, d));

  const shown = r.findings.filter((f) => {
    if (isNoteRow(f, r.failOn)) return d.notes;
    if (isWarningRow(f, r.failOn)) return d.warnings;
    return d.errorFindings;
  });
  if (r.findings.length === 0) parts.push('### Findings (0)\n\nNo findings.\n');
  else if (shown.length > 0) parts.push(findingsTable(shown, d, r.targets.length > 1));
  else if (d.firstFailing) parts.push(firstFailingTable(r.findings.filter((f) => isFailingRow(f, r.failOn)), d.firstFailing, r.targets.length > 1));
  else parts.push(`### Findings\n\n${plural(r.findings.length, 'finding')}: see the counts above.\n`);
  parts.push(
    `<sub>activation-gate ${escapeCell(r.tool.version)}, catalog ${escapeCell(r.tool.catalogVersion)}, Public Suffix List ${escapeCell(r.tool.pslVersion)}</sub>\n`,
  );
  return parts.join('\n');
}

/** Lengths renderStage writes at least once, per kind of row (see lowerBound). */
interface RowLengths {
  notes: number;
  warnings: number;
  errors: number;
  denied: number;
  unlisted: number;
}

function rowLengths(r: Report): RowLengths {
  const n: RowLengths = { notes: 0, warnings: 0, errors: 0, denied: 0, unlisted: 0 };
  for (const f of r.findings) {
    if (isNoteRow(f, r.failOn)) n.notes += f.message.length;
    else if (isWarningRow(f, r.failOn)) n.warnings += f.message.length;
    else n.errors += f.message.length;
  }
  for (const t of r.targets) {
    for (const e of t.endpoints) {
      if (e.status === 'denied') n.denied += e.value.length;
      else if (e.status === 'unlisted') n.unlisted += e.value.length;
    }
  }
  return n;
}

/**
 * Fewer characters than renderStage(r, d) writes (and so fewer UTF-8 bytes): the messages of the
 * finding rows it shows and the endpoint names of the tables it shows, each of which it writes
 * at least once and escapes only into longer text.
 */
function lowerBound(n: RowLengths, d: Detail): number {
  let total = (d.notes ? n.notes : 0) + (d.warnings ? n.warnings : 0) + (d.errorFindings ? n.errors : 0);
  if (d.targetTables) total += n.denied + (d.unlisted ? n.unlisted : 0);
  return total;
}

function fits(s: string, maxBytes: number, maxChars: number | undefined): boolean {
  return (maxChars === undefined || s.length <= maxChars) && Buffer.byteLength(s, 'utf8') <= maxBytes;
}

function describeLimit(maxBytes: number, maxChars: number | undefined): string {
  if (maxChars !== undefined && maxChars * 4 <= maxBytes) return `${num(maxChars)} characters`;
  if (maxBytes === SUMMARY_MAX_BYTES) return '1 MiB';
  return `${num(maxBytes)} bytes`;
}

/**
 * The report as GitHub-flavoured markdown within the budget. The most detailed stage that fits
 * is returned; if even the verdict alone does not fit (an absurd budget), the verdict alone is
 * returned anyway.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const maxBytes = options.maxBytes ?? SUMMARY_MAX_BYTES;
  const maxChars = options.maxChars;
  const limit = describeLimit(maxBytes, maxChars);
  const r = sortedView(report);
  const budget = Math.min(maxBytes, maxChars ?? Infinity);
  const lengths = rowLengths(r);
  const last = STAGES[STAGES.length - 1];
  for (const d of STAGES.slice(0, -1)) {
    // A stage whose findings messages and endpoint names alone exceed the budget cannot fit:
    // not rendered (a build with 35,000 unlisted endpoints rendered them twice for nothing).
    if (lowerBound(lengths, d) > budget) continue;
    const md = renderStage(r, d, options, limit, false);
    if (fits(md, maxBytes, maxChars)) return md;
  }
  // Not even the failing rows fit: as many of the first failing findings as fit, in short rows
  // (the most the budget allows, found by halving), so a failing comment still names what fails.
  let lo = 0;
  let hi = r.findings.filter((f) => isFailingRow(f, r.failOn)).length;
  let best: string | undefined;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const md = renderStage(r, { ...last, firstFailing: mid }, options, limit, false);
    if (fits(md, maxBytes, maxChars)) {
      lo = mid;
      best = md;
    } else hi = mid - 1;
  }
  if (best) return best;
  const bare = renderStage(r, last, options, limit, false);
  if (fits(bare, maxBytes, maxChars)) return bare;
  return renderStage(r, last, options, limit, true);
}

/** The summary when no report exists (a usage or policy error, a crash): what went wrong. */
export function renderErrorMarkdown(message: string, options: { title?: string; maxBytes?: number } = {}): string {
  const maxBytes = options.maxBytes ?? SUMMARY_MAX_BYTES;
  let body = message.replace(/```/g, "'''");
  const head = `## :x: activation-gate: ${escapeCell(options.title ?? 'ERROR')}\n\nThe gate could not produce a report:\n\n\`\`\`text\n`;
  const tail = '\n```\n';
  while (Buffer.byteLength(head + body + tail, 'utf8') > maxBytes && body.length > 0) body = body.slice(0, Math.floor(body.length / 2));
  return head + body + tail;
}
