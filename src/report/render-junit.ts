/**
 * JUnit XML for Jenkins (junit step), GitLab (`artifacts:reports:junit`) and Gerrit CI
 * dashboards: one `<testsuite>` per target, one `<testcase>` per target and rule.
 *
 * A test case fails when the rule has findings that count at or above `fail-on` (one
 * `<failure>` listing them); findings below it and suppressed findings are listed in
 * `<system-out>` of a passing case. Pure and deterministic (no timestamps).
 */
import type { Finding, Report, ReportTarget, Severity } from './model.js';
import { SEVERITY_RANK } from './model.js';
import { RULES } from './render-rules.js';
import { formatEvidence, visible } from './render-text.js';
import { sortReport } from './sort.js';

/** Characters XML 1.0 cannot hold at all (controls other than tab, LF, CR; lone surrogates; U+FFFE/F). */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlEscape(s: string): string {
  return s
    .replace(INVALID_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function counts(f: Finding, failOn: Report['failOn']): boolean {
  if (f.suppressed) return false;
  if (failOn === 'never') return false;
  return SEVERITY_RANK[f.severity] <= SEVERITY_RANK[failOn as Severity];
}

/**
 * A finding's lines. Its message, location and evidence quote names from the build: shown as the
 * text report shows them (`visible`: a line break as `\x0a`, controls and bidirectional characters
 * as escapes), so a file named `x<newline>Exempted: not a release blocker.` adds no line to the
 * failure a CI dashboard shows.
 */
function describe(f: Finding): string {
  const lines = [`${f.severity.toUpperCase()} ${f.rule}: ${visible(f.message)}`];
  if (f.location) lines.push(`  at ${visible(f.location.file)}:${f.location.line}`);
  for (const e of (f.evidence ?? []).slice(0, 5)) lines.push(`  evidence ${visible(formatEvidence(e))}`);
  if (f.suppressed) lines.push(`  suppressed: ${f.suppressed.reason} (owner ${f.suppressed.owner}, expires ${f.suppressed.expires})`);
  return lines.join('\n');
}

function suite(t: ReportTarget, findings: Finding[], failOn: Report['failOn']): { xml: string; tests: number; failures: number } {
  const cases: string[] = [];
  let failures = 0;
  const classname = xmlEscape(`activation-gate.${t.sku ?? t.market ?? 'unresolved'}`);
  for (const rule of RULES) {
    const mine = findings.filter((f) => f.rule === rule.id);
    const failing = mine.filter((f) => counts(f, failOn));
    const other = mine.filter((f) => !counts(f, failOn));
    const name = xmlEscape(`${rule.id}: ${rule.short}`);
    const parts: string[] = [];
    if (failing.length > 0) {
      failures++;
      const message = visible(failing.length === 1 ? failing[0].message : `${failing.length} findings: ${failing[0].message}`);
      parts.push(`      <failure message="${xmlEscape(message)}" type="${xmlEscape(failing[0].severity)}">${xmlEscape(failing.map(describe).join('\n\n'))}</failure>`);
    }
    if (other.length > 0) parts.push(`      <system-out>${xmlEscape(other.map(describe).join('\n\n'))}</system-out>`);
    cases.push(
      parts.length === 0
        ? `    <testcase classname="${classname}" name="${name}"/>`
        : `    <testcase classname="${classname}" name="${name}">\n${parts.join('\n')}\n    </testcase>`,
    );
  }
  const props = [
    ['target', t.id],
    ['input', t.input],
    ['market', t.market ?? 'unresolved'],
    ...(t.sku ? [['sku', t.sku]] : []),
    ...(t.build.fingerprint ? [['fingerprint', t.build.fingerprint]] : []),
  ]
    .map(([k, v]) => `      <property name="${xmlEscape(k)}" value="${xmlEscape(v)}"/>`)
    .join('\n');
  const xml = [
    `  <testsuite name="${xmlEscape(t.id)}" tests="${RULES.length}" failures="${failures}" errors="0" skipped="0">`,
    `    <properties>\n${props}\n    </properties>`,
    ...cases,
    '  </testsuite>',
  ].join('\n');
  return { xml, tests: RULES.length, failures };
}

export function renderJunit(report: Report): string {
  const r = sortReport(report);
  const suites = r.targets.map((t) =>
    suite(
      t,
      r.findings.filter((f) => f.target === t.id),
      r.failOn,
    ),
  );
  // Findings of no known target (none today) still show, as their own suite.
  const known = new Set(r.targets.map((t) => t.id));
  const orphans = r.findings.filter((f) => !known.has(f.target));
  if (orphans.length > 0) {
    const t: ReportTarget = {
      id: 'other',
      input: '',
      build: {},
      packages: [],
      endpoints: [],
      clients: [],
      unreadable: [],
      skipped: [],
      counts: { errors: 0, warnings: 0, notes: 0, suppressed: 0 },
    };
    suites.push(suite(t, orphans, r.failOn));
  }
  const tests = suites.reduce((n, s) => n + s.tests, 0);
  const failures = suites.reduce((n, s) => n + s.failures, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="activation-gate" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}
