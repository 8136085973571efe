import { describe, expect, it } from '@jest/globals';
import { formatCount, formatEndpoint, formatEvidence, formatResolvedBy, renderText, verdictLine } from '../../src/report/render-text.js';
import {
  createPassingReport,
  createTestEndpoint,
  createTestEvidence,
  createTestFinding,
  createTestReport,
  createTestTarget,
  TARGET_ID,
} from '../../__fixtures__/report.js';

const CN_TARGET = '600CN@out/target/product/ctl';

function failingReport() {
  return createTestReport({
    targets: [
      createTestTarget({
        endpoints: [
          createTestEndpoint({
            evidence: [createTestEvidence(), createTestEvidence({ entry: 'classes2.dex', offset: 77 })],
            evidenceCount: 3,
          }),
          createTestEndpoint({ value: 'cdn.acme.eu', scheme: 'https', cleartext: false, status: 'unlisted', evidence: [createTestEvidence({ path: 'vendor/etc/acme.json', entry: undefined, source: 'file', offset: 10 })] }),
          createTestEndpoint({ value: 'android.clients.google.com', status: 'allowed' }),
        ],
        unreadable: [{ path: 'vendor/app/Broken/Broken.apk', format: 'zip', reason: 'truncated central directory', offset: 4096 }],
        skipped: [
          { path: 'obj', reason: 'intermediates' },
          { path: 'symbols', reason: 'debug symbols' },
        ],
      }),
      createTestTarget({ id: CN_TARGET, sku: '600CN', market: 'CN', build: { resolvedBy: { key: 'market', value: 'CN', from: 'cli' } }, endpoints: [] }),
    ],
    findings: [
      createTestFinding(),
      createTestFinding({ rule: 'denied-endpoint', endpoint: 'zzhc.vnet.cn', message: 'Host zzhc.vnet.cn is denied in EU.' }),
      createTestFinding({ rule: 'unreadable-artifact', path: 'vendor/app/Broken/Broken.apk', message: 'Broken.apk cannot be read.', location: undefined }),
      createTestFinding({ rule: 'unlisted-endpoint', severity: 'warning', endpoint: 'cdn.acme.eu', message: 'cdn.acme.eu is on no list.\nAdd it.' }),
      createTestFinding({ rule: 'cleartext-endpoint', severity: 'warning', target: CN_TARGET, message: 'zzhc.vnet.cn is contacted over http.' }),
    ],
  });
}

describe('verdictLine', () => {
  it('states verdict, counts, targets and fail-on', () => {
    expect(verdictLine(failingReport())).toBe('FAIL: 3 errors, 2 warnings in 2 targets (fail-on: error)');
    expect(verdictLine(createPassingReport())).toBe('PASS: 0 errors, 0 warnings in 1 target (fail-on: error)');
  });

  it('adds notes and suppressed findings only when there are some', () => {
    const r = createTestReport({
      findings: [
        createTestFinding({ severity: 'note', rule: 'dormant-variant' }),
        createTestFinding({ suppressed: { reason: 'r', owner: 'o', expires: '2027-01-01' } }),
      ],
    });
    expect(verdictLine(r)).toBe('PASS: 0 errors, 0 warnings, 1 note in 1 target (fail-on: error, 1 suppressed)');
  });
});

describe('renderText', () => {
  const text = renderText(failingReport());
  const lines = text.split('\n');

  it('starts with the verdict line and ends with a newline', () => {
    expect(lines[0]).toBe('FAIL: 3 errors, 2 warnings in 2 targets (fail-on: error)');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('shows each target with its market and how it was resolved', () => {
    expect(text).toContain(`Target ${TARGET_ID}: FAIL (3 errors)\n  market: EU (sku 600E0, ro.cda.skuid.id=600E0 vendor/build.prop:12)`);
    expect(text).toContain(`Target ${CN_TARGET}: pass with 1 warning\n  market: CN (sku 600CN, from --market CN)`);
    expect(text.indexOf(`Target ${CN_TARGET}`)).toBeLessThan(text.indexOf(`Target ${TARGET_ID}`));
  });

  it('has a clients table', () => {
    expect(text).toMatch(/ {4}CLIENT +MARKET +PACKAGE +ALLOWED +MATCHED BY\n {4}ct-self-registration-qualcomm +CN +com\.qualcomm\.qti\.autoregistration +no +package, host\n/);
  });

  it('lists denied and unlisted endpoints with their first evidence, not allowed ones', () => {
    expect(text).toContain('  denied endpoints (1):\n    host  http://zzhc.vnet.cn [cleartext]  system/priv-app/AutoRegistration/AutoRegistration.apk!/classes.dex @1234 (+2 more)');
    expect(text).toContain('  unlisted endpoints (1):\n    host  https://cdn.acme.eu  vendor/etc/acme.json @10');
    expect(text).not.toContain('android.clients.google.com');
  });

  it('lists unreadable artifacts and the skipped paths count', () => {
    expect(text).toContain('  unreadable artifacts (1):\n    vendor/app/Broken/Broken.apk (zip): truncated central directory @4096');
    expect(text).toContain('  skipped paths: 2');
  });

  it('gives one line per finding: severity, rule, message, location', () => {
    const findingLines = lines.filter((l) => /^ {4}(error|warning|note) /.test(l));
    expect(findingLines).toEqual([
      // 600CN sorts first; its block has only a warning.
      '    warning  cleartext-endpoint  zzhc.vnet.cn is contacted over http. (device/acme/ctl/product.mk:42)',
      `    error    wrong-market-client  ${createTestFinding().message} (device/acme/ctl/product.mk:42)`,
      '    error    denied-endpoint      Host zzhc.vnet.cn is denied in EU. (device/acme/ctl/product.mk:42)',
      '    error    unreadable-artifact  Broken.apk cannot be read.',
      '    warning  unlisted-endpoint    cdn.acme.eu is on no list.\\x0aAdd it. (device/acme/ctl/product.mk:42)',
    ]);
  });

  it('pads columns to the widest value: `error  wrong-market-client  <message>`', () => {
    const out = renderText(createTestReport({ findings: [createTestFinding({ message: 'Remove it.', location: undefined })] }));
    expect(out).toContain('\n    error  wrong-market-client  Remove it.\n');
  });

  it('marks suppressed findings with their exemption', () => {
    const r = createTestReport({ findings: [createTestFinding({ suppressed: { reason: 'NTP only', owner: '@acme/compliance', expires: '2027-03-01' } })] });
    expect(renderText(r)).toContain('[suppressed: NTP only, @acme/compliance, until 2027-03-01]');
  });

  it('shows an unresolved market with the properties tried', () => {
    const r = createTestReport({
      targets: [createTestTarget({ market: undefined, sku: undefined, build: { tried: ['ro.cda.skuid.id', 'ro.product.name'] } })],
      findings: [createTestFinding({ rule: 'unresolved-market', message: 'No market for this target.' })],
    });
    expect(renderText(r)).toContain('  market: unresolved (tried: ro.cda.skuid.id, ro.product.name)');
  });

  it('shows findings of no known target under "Other findings"', () => {
    const r = createTestReport({ findings: [createTestFinding({ target: '*', rule: 'expired-exemption', message: 'Exemption 0 expired.' })] });
    expect(renderText(r)).toMatch(/Other findings\n {2}error {2}expired-exemption {2}Exemption 0 expired\./);
  });

  it('uses ANSI colour only when asked', () => {
    expect(text).not.toContain('\u001b[');
    const colored = renderText(failingReport(), { color: true });
    expect(colored.startsWith('\u001b[31mFAIL: ')).toBe(true);
    expect(colored).toContain('\u001b[31merror    \u001b[0m');
    expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(text);
  });

  it('caps long endpoint lists', () => {
    const endpoints = Array.from({ length: 60 }, (_, i) => createTestEndpoint({ value: `h${String(i).padStart(2, '0')}.example.cn` }));
    const r = createTestReport({ targets: [createTestTarget({ endpoints })], findings: [] });
    const out = renderText(r, { maxEndpoints: 10 });
    expect(out).toContain('  denied endpoints (60):');
    expect(out).toContain('    ... and 50 more');
    expect(out).not.toContain('h10.example.cn');
  });
});

describe('formatters', () => {
  it('formats evidence in the container notation', () => {
    expect(formatEvidence({ path: 'system.img!/priv-app/A/A.apk', entry: 'classes.dex', source: 'dex', offset: 5 })).toBe(
      'system.img!/priv-app/A/A.apk!/classes.dex @5',
    );
    expect(formatEvidence({ path: 'vendor/build.prop', source: 'prop' })).toBe('vendor/build.prop');
  });
  it('formats counts with commas every three digits, as en-US does', () => {
    const values = [0, 1, 12, 999, 1000, 1001, 12345, 99999, 100000, 123456, 999999, 1000000, 1234567890, Number.MAX_SAFE_INTEGER, -1, -1234, -1234567];
    for (let n = 0; n < 5000; n += 7) values.push(n * 1013);
    for (const n of values) expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
    expect(formatCount(1234567)).toBe('1,234,567');
  });
  it('formats resolution', () => {
    expect(formatResolvedBy(undefined)).toBe('unresolved');
    expect(formatResolvedBy({ key: 'sku', value: '600E0', from: 'cli' })).toBe('from --sku 600E0');
  });
});

describe('renderText with hostile strings', () => {
  it('shows control characters from scanned files escaped, so they cannot drive the terminal', async () => {
    const { createTestReport } = await import('../../__fixtures__/report.js');
    const r = createTestReport();
    r.targets[0].packages[0].path = 'system/app/\u001b[2J\u001b]0;pwned\u0007/X.apk';
    r.findings[0].message = 'line one\r\n::error::forged\u202e';
    const out = renderText(r);
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(out).toContain('line one\\x0d\\x0a::error::forged\\u{202e}');
  });
});

describe('renderText: long lists and every shown field', () => {
  it('maxFindings lists the most severe first per target, then counts the rest by severity and says where they are', () => {
    const findings = [
      ...Array.from({ length: 3 }, (_, i) => createTestFinding({ rule: 'unlisted-endpoint', severity: 'warning', client: undefined, endpoint: `w${i}.acme.eu`, message: `warn ${i}` })),
      ...Array.from({ length: 2 }, (_, i) => createTestFinding({ rule: 'denied-endpoint', client: undefined, endpoint: `e${i}.acme.cn`, message: `err ${i}` })),
      createTestFinding({ rule: 'client-mention', severity: 'note', client: undefined, message: 'a note' }),
    ];
    const r = createTestReport({ findings });
    const out = renderText(r, { maxFindings: 3, moreFindingsIn: 'every finding is in r.json' });
    const listed = out.split('\n').slice(out.split('\n').indexOf('  findings:') + 1, -1);
    expect(listed.map((l) => l.replace(/ \(device\/acme\/ctl\/product\.mk:42\)$/, ''))).toEqual([
      '    error    denied-endpoint    err 0',
      '    error    denied-endpoint    err 1',
      '    warning  unlisted-endpoint  warn 0',
      '    ... and 3 more findings (2 warnings, 1 note): every finding is in r.json',
    ]);
    expect(out).not.toContain('warn 1');
    // By default every finding is listed, as before.
    const all = renderText(r);
    for (const f of findings) expect(all).toContain(f.message);
    expect(all).not.toContain('more finding');
  });

  it('escapes control characters in every field it shows (target, market, fingerprint, clients, endpoints, evidence, unreadable, findings)', () => {
    const bad = '\u001b[2J\u0007\u202e';
    const r = createTestReport({
      targets: [
        createTestTarget({
          id: `T${bad}`,
          build: { fingerprint: `fp${bad}`, resolvedBy: { key: 'ro.x', value: `v${bad}`, file: `f${bad}`, line: 1, from: 'property' } },
          clients: [{ id: `c${bad}`, name: 'n', market: `CN${bad}`, package: `p${bad}`, path: 'a', matchedBy: [`package${bad}`], allowed: false }],
          endpoints: [createTestEndpoint({ value: `h${bad}.cn`, evidence: [createTestEvidence({ path: `e${bad}`, entry: `x${bad}` })] })],
          unreadable: [{ path: `u${bad}`, format: 'zip', reason: `r${bad}` }],
        }),
      ],
      findings: [createTestFinding({ target: `T${bad}`, rule: 'denied-endpoint', message: `m${bad}`, location: { file: `l${bad}`, line: 3 } })],
    });
    const out = renderText(r);
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    for (const shown of ['T', 'fp', 'v', 'c', 'CN', 'p', 'h', 'e', 'x', 'u', 'r', 'm', 'l']) expect(out).toContain(`${shown}\\x1b[2J\\x07\\u{202e}`);
  });
});

describe('formatEndpoint', () => {
  it('writes an IPv6 address in brackets when a scheme or port follows or precedes it, as a URL does', () => {
    expect(formatEndpoint(createTestEndpoint({ kind: 'ip', value: '::ffff:7ccf:335', scheme: 'http', port: 8083 }))).toBe('http://[::ffff:7ccf:335]:8083');
    expect(formatEndpoint(createTestEndpoint({ kind: 'ip', value: '2001:db8::1', scheme: undefined, port: undefined }))).toBe('2001:db8::1');
    expect(formatEndpoint(createTestEndpoint({ kind: 'ip', value: '124.207.3.53', scheme: 'http', port: 80 }))).toBe('http://124.207.3.53:80');
    expect(formatEndpoint(createTestEndpoint({ value: 'zzhc.vnet.cn', scheme: 'https' }))).toBe('https://zzhc.vnet.cn');
  });
});
