/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`) and any other SARIF
 * consumer. Pure and deterministic: the same report gives the same bytes.
 *
 * - One run; `tool.driver.rules` lists every rule id (stable `ruleIndex`), with descriptions,
 *   help text and default level.
 * - One result per finding. Every result has a location: the finding's (the source line that
 *   pulled the module in, else the policy line of the market's rule, else the workflow file),
 *   else the artifact in the build, else the policy file, else the target's input.
 * - `partialFingerprints` hash what the finding is about (rule, SKU or market, package, client,
 *   endpoint, installed path), never its message, line or byte offsets, so an alert survives
 *   rebuilds and line moves.
 * - Exempted findings carry `suppressions` (kind `external`: the exemption is in the policy file).
 * - GitHub keeps at most 25,000 results per run; beyond that the least severe are dropped and
 *   `run.properties.truncated` says how many.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Finding, Report, ReportTarget } from './model.js';
import { RULES } from './render-rules.js';
import { visible } from './render-text.js';
import { emitList, writeStreamed } from './render-json.js';
import { REPORT_SHAPE, sortReport, sorted, toSerialise, type Comparator } from './sort.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const SARIF_MAX_RESULTS = 25_000;
export const FINGERPRINT_KEY = 'activationGateFinding/v1';

export interface SarifOptions {
  /** `tool.driver.informationUri` (the Action's repository on GitHub, when known). */
  informationUri?: string;
  /** `run.automationDetails.id` (e.g. `activation-gate/600E0/`), to tell matrix uploads apart. */
  automationId?: string;
  /** Result cap (default 25,000, GitHub's per-run limit). */
  maxResults?: number;
}

/** A path (POSIX, relative to the workspace, or absolute) as a SARIF URI reference. */
export function toUri(p: string): string {
  if (path.isAbsolute(p)) return pathToFileURL(p).href;
  return p
    .split('/')
    .map((seg) => encodeURIComponent(seg).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

/**
 * A plain-text SARIF message quoting names from the build. In SARIF a plain-text message may hold
 * embedded links, `[text](destination)` with any URI as the destination (SARIF 2.1.0, 3.11.6), so
 * a file named `[Exemption EX-12 approved](https://evil.example/x)` would become a link whose text
 * hides the path: `[`, `]` and a backslash before one of them are escaped with a backslash, as
 * the standard asks of link text. Line breaks, controls and invisible or bidirectional characters
 * are shown as the text report shows them (`visible`): a name cannot add lines to an alert.
 */
export function sarifText(s: string): string {
  return visible(s).replace(/\\(?=[[\]])|[[\]]/g, '\\$&');
}

function joinPosix(a: string, b: string): string {
  if (a === '' || a === '.') return b;
  return `${a.replace(/\/+$/, '')}/${b}`;
}

function physical(file: string, line?: number, column?: number): Sarif.Location {
  const loc: Sarif.PhysicalLocation = { artifactLocation: { uri: toUri(file) } };
  if (line !== undefined && line >= 1) {
    loc.region = { startLine: line };
    if (column !== undefined && column >= 1) loc.region.startColumn = column;
  }
  return { physicalLocation: loc };
}

/** The outer file of a container path `a.apk!/classes.dex`. */
function outerFile(p: string): string {
  const i = p.indexOf('!/');
  return i >= 0 ? p.slice(0, i) : p;
}

function locationOf(f: Finding, target: ReportTarget | undefined, report: Report): Sarif.Location {
  if (f.location) return physical(f.location.file, f.location.line, f.location.column);
  const artifact = f.path ?? f.evidence?.[0]?.path;
  if (artifact && target) return physical(joinPosix(target.input, outerFile(artifact)));
  if (report.audit.policy) return physical(report.audit.policy, 1);
  return physical(target?.input ?? '.');
}

export function fingerprintOf(f: Finding, target: ReportTarget | undefined): string {
  const subject = [
    f.rule,
    target?.sku ?? target?.market ?? f.target,
    f.package ?? '',
    f.client ?? '',
    f.endpointKind ?? '',
    f.endpoint ?? '',
    // An endpoint finding is one per target, rule and endpoint: its path is only the first file
    // that holds it, which another copy of the endpoint elsewhere in the build changes (the alert
    // closed and a new one opened, its dismissal lost). A finding about a file keeps the file.
    f.endpoint !== undefined ? '' : (f.partitionPath ?? f.path ?? ''),
  ];
  return createHash('sha256').update(JSON.stringify(subject)).digest('hex');
}

function markdownHelp(text: string): string {
  // Policy keys and placeholders as code.
  return text.replace(/\b(markets\.[\w.<>]+|PRODUCT_PACKAGES|skus|sku-from|expires)\b/g, '`$1`');
}

export function renderSarifLog(report: Report, options: SarifOptions = {}): Sarif.Log {
  const { log, results } = sarifParts(report, options);
  log.runs[0].results = [...results];
  return log;
}

export function renderSarif(report: Report, options: SarifOptions = {}): string {
  const parts: string[] = [];
  writeSarif(report, options, (s) => parts.push(s));
  return parts.join('');
}

/** Writes the SARIF log to `path` in pieces, its results made one at a time. */
export function writeSarifFile(path: string, report: Report, options: SarifOptions = {}): void {
  writeStreamed(path, (emit) => writeSarif(report, options, emit));
}

const RESULTS_MARK = JSON.stringify('\u0000activation-gate: results here\u0000');

/**
 * Emits `JSON.stringify(renderSarifLog(report, options), null, 2)` and a newline, piece by piece:
 * the log without its results is rendered once and cut where they go, and the results are made
 * one at a time and rendered in batches in between (runs[0].results sits three levels deep). A
 * big build's SARIF log is never held whole, nor its results.
 */
export function writeSarif(report: Report, options: SarifOptions, emit: (s: string) => void): void {
  const { log, results } = sarifParts(report, options);
  log.runs[0].results = JSON.parse(RESULTS_MARK) as never;
  const text = JSON.stringify(log, null, 2);
  const cut = text.indexOf(RESULTS_MARK);
  emit(text.slice(0, cut));
  emitList(results, 3, emit);
  emit(`${text.slice(cut + RESULTS_MARK.length)}\n`);
}

/**
 * The SARIF log without its results, and the results in order, made one at a time. Only the
 * findings are put in canonical form (one at a time); targets are read for their ids, inputs,
 * SKUs and markets, never copied whole.
 */
function sarifParts(report: Report, options: SarifOptions): { log: Sarif.Log; results: Iterable<Sarif.Result> } {
  // The report's small parts in canonical form; the long lists are left out of the copy.
  const r = sortReport({
    ...report,
    findings: [],
    targets: report.targets.map((t) => ({ ...t, packages: [], endpoints: [], clients: [], unreadable: [], skipped: [] })),
  });
  const targets = new Map(r.targets.map((t) => [t.id, t]));
  const rules: Sarif.ReportingDescriptor[] = RULES.map((rule) => ({
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.short },
    fullDescription: { text: rule.full },
    help: { text: rule.help, markdown: markdownHelp(rule.help) },
    defaultConfiguration: { level: rule.defaultSeverity },
    properties: {
      tags: ['security', 'privacy', 'android', 'firmware'],
      ...(rule.securitySeverity ? { 'security-severity': rule.securitySeverity } : {}),
    },
  }));
  const ruleIndex = new Map(RULES.map((rule, i) => [rule.id as string, i]));

  const max = options.maxResults ?? SARIF_MAX_RESULTS;
  const findings = REPORT_SHAPE.lists.findings;
  const all = sorted(report.findings, findings.compare as Comparator<Finding>);
  const kept = all.slice(0, max);
  function* results(): Generator<Sarif.Result> {
    const seen = new Map<string, number>();
    for (const raw of kept) {
      const f = toSerialise(findings, raw) as Finding;
      const target = targets.get(f.target);
      let fp = fingerprintOf(f, target);
      // Two findings about the same subject in one run (the same SKU scanned twice): keep both apart.
      const n = seen.get(fp) ?? 0;
      seen.set(fp, n + 1);
      if (n > 0) fp = `${fp}:${n}`;
      const result: Sarif.Result = {
        ruleId: f.rule,
        level: f.severity,
        message: { text: sarifText(f.message) },
        locations: [locationOf(f, target, r)],
        partialFingerprints: { [FINGERPRINT_KEY]: fp },
      };
      const index = ruleIndex.get(f.rule);
      if (index !== undefined) result.ruleIndex = index;
      const artifact = f.path ?? f.evidence?.[0]?.path;
      if (f.location && artifact && target) {
        result.relatedLocations = [
          { id: 1, ...physical(joinPosix(target.input, outerFile(artifact))), message: { text: `In the build: ${sarifText(artifact)}` } },
        ];
      }
      const props: Record<string, unknown> = { target: f.target };
      if (target?.market) props.market = target.market;
      if (target?.sku) props.sku = target.sku;
      for (const key of ['package', 'client', 'endpoint', 'endpointKind', 'path', 'partitionPath'] as const) {
        if (f[key] !== undefined) props[key] = f[key];
      }
      if (f.evidence?.length) props.evidence = f.evidence.slice(0, 5);
      result.properties = props;
      if (f.suppressed) {
        const s: Sarif.Suppression = {
          kind: 'external',
          status: 'accepted',
          justification: `${f.suppressed.reason} (owner ${f.suppressed.owner}, expires ${f.suppressed.expires})`,
        };
        if (f.suppressed.location) s.location = physical(f.suppressed.location.file, f.suppressed.location.line, f.suppressed.location.column);
        result.suppressions = [s];
      }
      yield result;
    }
  }

  const driver: Sarif.ToolComponent = {
    name: 'activation-gate',
    version: r.tool.version,
    semanticVersion: r.tool.version,
    rules,
  };
  if (options.informationUri) driver.informationUri = options.informationUri;
  const run: Sarif.Run = {
    tool: { driver },
    invocations: [{ executionSuccessful: true }],
    columnKind: 'utf16CodeUnits',
    results: [],
    properties: {
      verdict: r.verdict,
      failOn: r.failOn,
      counts: r.counts,
      catalogVersion: r.tool.catalogVersion,
      pslVersion: r.tool.pslVersion,
      targets: r.targets.map((t) => ({ id: t.id, input: t.input, ...(t.sku ? { sku: t.sku } : {}), ...(t.market ? { market: t.market } : {}) })),
      ...(all.length > kept.length ? { truncated: all.length - kept.length } : {}),
    },
  };
  if (options.automationId) run.automationDetails = { id: options.automationId };
  return { log: { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] }, results: results() };
}
