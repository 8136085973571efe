import { describe, expect, it } from '@jest/globals';
import {
  code,
  COMMENT_MAX_CHARS,
  escapeCell,
  escapeText,
  renderErrorMarkdown,
  renderMarkdown,
  SUMMARY_MAX_BYTES,
} from '../../src/report/render-markdown.js';
import {
  createLargeReport,
  createPassingReport,
  createTestEndpoint,
  createTestFinding,
  createTestReport,
  createTestTarget,
} from '../../__fixtures__/report.js';

interface Table {
  heading: string;
  stated: number;
  header: string;
  rows: string[];
}

/**
 * Every "### Title (N)" heading followed by a table: the stated row count, and the rows up to
 * the first line that is not a table row. A table cut part-way would show fewer rows than stated
 * or a last row that is not closed by `|`.
 */
function tables(md: string): Table[] {
  const lines = md.split('\n');
  const out: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^#{3,4} (.+) \(([\d,]+)\)$/.exec(lines[i]);
    if (!m) continue;
    let j = i + 1;
    while (lines[j] === '') j++;
    if (!lines[j]?.startsWith('|')) continue;
    const header = lines[j];
    expect(lines[j + 1]).toMatch(/^\|(---\|)+$/);
    const rows: string[] = [];
    for (j += 2; j < lines.length && lines[j].startsWith('|'); j++) rows.push(lines[j]);
    out.push({ heading: m[1], stated: Number(m[2].replace(/,/g, '')), header, rows });
  }
  return out;
}

function expectWholeTables(md: string): Table[] {
  const ts = tables(md);
  for (const t of ts) {
    expect({ heading: t.heading, rows: t.rows.length }).toEqual({ heading: t.heading, rows: t.stated });
    const columns = t.header.split(' | ').length;
    for (const r of t.rows) {
      expect(r.endsWith(' |')).toBe(true);
      // Unescaped pipes only as separators: same number of cells as the header.
      expect(r.replace(/\\\|/g, '').split(' | ').length).toBe(columns);
    }
  }
  return ts;
}

describe('renderMarkdown', () => {
  it('renders verdict heading, targets overview, per-target tables and findings', () => {
    const md = renderMarkdown(createTestReport());
    expect(md.startsWith('## :x: activation-gate: FAIL\n\n**FAIL: 2 errors, 0 warnings in 1 target (fail-on: error)**\n')).toBe(true);
    const ts = expectWholeTables(md);
    expect(ts.map((t) => `${t.heading} (${t.stated})`)).toEqual(['Targets (1)', 'Clients (1)', 'Denied endpoints (1)', 'Findings (2)']);
    expect(md).toContain('### Target `600E0@out/target/product/ctl`');
    expect(md).toContain('resolved by `ro.cda.skuid.id=600E0 vendor/build.prop:12`');
    expect(md).toContain('| `http://zzhc.vnet.cn` | host | **yes** | `com.qualcomm.qti.autoregistration` | `system/priv-app/AutoRegistration/AutoRegistration.apk!/classes.dex @1234` |');
    expect(md).toContain('| **error** | `wrong-market-client` | `ct-self-registration-qualcomm` |');
    expect(md).not.toContain('Dropped');
  });

  it('renders a passing report', () => {
    const md = renderMarkdown(createPassingReport());
    expect(md.startsWith('## :white_check_mark: activation-gate: PASS\n')).toBe(true);
    expect(md).toContain('### Findings (0)\n\nNo findings.');
  });

  it('includes unlisted endpoints and unreadable artifacts', () => {
    const r = createTestReport({
      targets: [
        createTestTarget({
          endpoints: [createTestEndpoint({ value: 'cdn.acme.eu', status: 'unlisted', scheme: 'https', cleartext: false })],
          unreadable: [{ path: 'vendor/app/Broken/Broken.apk', format: 'zip', reason: 'truncated central directory', offset: 4096 }],
        }),
      ],
    });
    const md = renderMarkdown(r);
    const ts = expectWholeTables(md);
    expect(ts.map((t) => t.heading)).toEqual(['Targets', 'Clients', 'Unlisted endpoints', 'Unreadable artifacts', 'Findings']);
    expect(md).toContain('| `vendor/app/Broken/Broken.apk` | `zip` | truncated central directory (offset 4096) |');
  });

  it('escapes pipes, newlines, HTML and mentions in cells', () => {
    const r = createTestReport({
      findings: [createTestFinding({ message: 'a | b\nc <script>alert(1)</script> & @acme/team [x](http://e) `t`', client: 'id|with|pipes' })],
    });
    const md = renderMarkdown(r);
    const row = md.split('\n').find((l) => l.includes('wrong-market-client'));
    expect(row).toBeDefined();
    expect(row).toContain('a \\| b\\\\x0ac &lt;script&gt;alert(1)&lt;/script&gt; &amp; @&#8203;acme/team \\[x\\](http://e) \\`t\\`');
    expect(row).toContain('`id\\|with\\|pipes`');
    expect(md).not.toContain('<script>');
    expectWholeTables(md);
  });

  it('a name from the build with line breaks adds no line to a finding row, an unreadable row or a code span', () => {
    // A supplier's file named so: in the summary and the PR comment the row read as two
    // paragraphs, the second the supplier's ("not a release blocker"), when newlines were <br>.
    const name = 'system/etc/carrier\n\nExempted by compliance: not a release blocker.\n\n.cfg';
    const r = createTestReport({
      findings: [createTestFinding({ message: `zzhc.vnet.cn is denied in EU and is embedded in ${name} (file @4).`, client: name })],
    });
    r.targets[0].unreadable = [{ path: name, format: 'zip', reason: `${name}: truncated` }];
    const md = renderMarkdown(r);
    const row = md.split('\n').find((l) => l.includes('wrong-market-client'))!;
    expect(row).not.toContain('<br>');
    expect(md.split('\n').find((l) => l.includes('| `zip` |'))).not.toContain('<br>');
    // The backslash of `\x0a` is escaped for markdown: the row shows `\x0a`.
    expect(row).toContain('embedded in system/etc/carrier\\\\x0a\\\\x0aExempted by compliance: not a release blocker.\\\\x0a\\\\x0a.cfg (file @&#8203;4).');
    expect(row).toContain('`system/etc/carrier\\x0a\\x0aExempted by compliance: not a release blocker.\\x0a\\x0a.cfg`');
    expect(md).toContain('| `system/etc/carrier\\x0a\\x0aExempted by compliance: not a release blocker.\\x0a\\x0a.cfg` | `zip` | system/etc/carrier\\\\x0a');
    expectWholeTables(md);
  });

  it('keeps the line breaks of an exemption reason (the repository\'s policy) as <br>', () => {
    expect(escapeCell('a\nb')).toBe('a<br>b');
    expect(escapeText('a\nb')).toBe('a\\\\x0ab');
  });

  it('escapes helpers directly', () => {
    expect(escapeCell('x|y')).toBe('x\\|y');
    expect(escapeCell('a\r\nb')).toBe('a<br>b');
    expect(escapeCell('a\\|b')).toBe('a\\\\\\|b');
    expect(code('a`b')).toBe('a\\`b');
    expect(code('a|b')).toBe('`a\\|b`');
  });

  it('keeps a 5,000-finding report under 1 MiB with whole tables and says what was dropped', () => {
    const report = createLargeReport(5000);
    const md = renderMarkdown(report);
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    const ts = expectWholeTables(md);
    expect(md).toMatch(/> Dropped to stay under 1 MiB: evidence and location columns; [\d,]+ note or suppressed finding rows; [\d,]+ warning finding rows/);
    // Every error finding is still listed, whole.
    const findings = ts.find((t) => t.heading === 'Findings');
    expect(findings?.stated).toBe(report.counts.errors);
    // Every target still has its tables.
    expect(ts.filter((t) => t.heading === 'Clients')).toHaveLength(3);
    expect(ts.filter((t) => t.heading === 'Denied endpoints')).toHaveLength(3);
    // The warning rows went, but the unlisted-endpoint tables (each endpoint once) fit: kept whole.
    const unlisted = report.targets.map((t) => t.endpoints.filter((e) => e.status === 'unlisted').length);
    expect(ts.filter((t) => t.heading === 'Unlisted endpoints').map((t) => t.stated)).toEqual(unlisted);
    expect(md).not.toContain('table dropped for size');
    expect(md).not.toContain('the unlisted-endpoint tables');
  });

  it('drops the unlisted-endpoint tables only when they do not fit either, and says so', () => {
    const report = createLargeReport(5000);
    const withTables = renderMarkdown(report);
    const md = renderMarkdown(report, { maxBytes: Buffer.byteLength(withTables, 'utf8') - 1 });
    expectWholeTables(md);
    expect(md).toMatch(/Unlisted endpoints: [\d,]+ \(table dropped for size\)\./);
    expect(md).toMatch(/; the unlisted-endpoint tables \([\d,]+ endpoints, counted per target\)/);
    expect(md.match(/#### Denied endpoints/g)).toHaveLength(3);
  });

  it('keeps a comment under 65,536 characters by dropping whole stages', () => {
    const report = createLargeReport(5000);
    const md = renderMarkdown(report, { maxChars: COMMENT_MAX_CHARS, header: '<!-- activation-gate -->\n' });
    expect(md.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    expect(md.startsWith('<!-- activation-gate -->\n')).toBe(true);
    expect(md).toContain('\n## :x: activation-gate: FAIL\n');
    expect(md).toContain('Dropped to stay under 65,536 characters');
    const ts = expectWholeTables(md);
    expect(ts.find((t) => t.heading === 'Targets')?.stated).toBe(3);
    // The error rows do not fit with their messages: the first ones still do, in short rows, so
    // the comment names what fails (the most that fit: one more would not).
    const first = ts.find((t) => t.heading === 'First failing findings')!;
    expect(first.stated).toBeGreaterThan(100);
    expect(first.stated).toBeLessThan(report.counts.errors);
    expect(first.rows[0]).toMatch(/^\| \*\*error\*\* \| `denied-endpoint` \| `60\dE0@out\/target\/product\/ctl` \| `h\d+\.telemetry-\d+\.example\.cn` \| `device\/acme\/ctl\/modules\/Vendor\d+\/Android\.bp:\d+` \|$/);
    expect(md).toContain(`error finding rows (counted above; the first ${first.stated} listed without their messages)`);
    expect(md).toContain(`${(report.counts.errors - first.stated).toLocaleString('en-US')} more failing findings: see the counts above.`);
  });

  it('with fail-on: warning, warnings are failing rows: when they do not fit whole, the first are still named', () => {
    const findings = Array.from({ length: 300 }, (_, i) =>
      createTestFinding({ severity: 'warning', rule: 'unlisted-endpoint', client: undefined, endpoint: `w${i}.example.cn`, message: `Unlisted ${i} `.repeat(30) }),
    );
    const report = createTestReport({ findings, failOn: 'warning', verdict: 'fail' });
    const md = renderMarkdown(report, { maxChars: 12000 });
    const first = expectWholeTables(md).find((t) => t.heading === 'First failing findings')!;
    expect(first.stated).toBeGreaterThan(10);
    expect(first.rows[0]).toContain('`w0.example.cn`');
    expect(md).toContain(`300 failing finding rows (counted above; the first ${first.stated} listed without their messages)`);
    expect(md).not.toContain('warning finding rows');
  });

  it('uses the most detailed stage that fits', () => {
    const report = createLargeReport(40);
    const full = renderMarkdown(report);
    expect(full).not.toContain('Dropped');
    const size = Buffer.byteLength(full, 'utf8');
    const smaller = renderMarkdown(report, { maxBytes: size - 1 });
    expect(Buffer.byteLength(smaller, 'utf8')).toBeLessThan(size);
    expect(smaller).toContain('Dropped to stay under');
    expect(smaller).toContain('evidence and location columns');
    expect(smaller).not.toContain('warning finding rows');
    expectWholeTables(smaller);
  });

  it('counts bytes, not characters, against maxBytes', () => {
    const report = createTestReport({ findings: [createTestFinding({ message: '中'.repeat(2000) })] });
    const chars = renderMarkdown(report).length;
    const md = renderMarkdown(report, { maxBytes: chars + 100 });
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(chars + 100);
  });

  it('falls back to the verdict alone for an absurd budget', () => {
    const md = renderMarkdown(createLargeReport(100), { maxBytes: 10 });
    expect(md).toContain('**FAIL: ');
    expect(md).not.toContain('|');
  });

  it('is deterministic', () => {
    const r = createLargeReport(300);
    expect(renderMarkdown(r)).toBe(renderMarkdown({ ...r, findings: [...r.findings].reverse() }));
  });
});

describe('renderErrorMarkdown', () => {
  it('shows the message in a code block that it cannot break out of', () => {
    const md = renderErrorMarkdown('policy.yml:3:5: markets.EU.clients.dney: unknown key ```', { title: 'policy error' });
    expect(md).toContain('## :x: activation-gate: policy error');
    expect(md).toContain("markets.EU.clients.dney: unknown key '''");
    expect(md.match(/```/g)).toHaveLength(2);
  });
});
