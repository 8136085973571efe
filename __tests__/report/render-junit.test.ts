/** JUnit XML: one test case per target and rule; failures for findings that count. */
import { describe, expect, it } from '@jest/globals';
import { RULE_IDS } from '../../src/report/model.js';
import { renderJunit, xmlEscape } from '../../src/report/render-junit.js';
import { createTestFinding, createTestReport, createTestTarget } from '../../__fixtures__/report.js';

function testcases(xml: string): { suite: string; name: string; body: string }[] {
  const out: { suite: string; name: string; body: string }[] = [];
  for (const s of xml.matchAll(/<testsuite name="([^"]*)"[^>]*>([\s\S]*?)<\/testsuite>/g)) {
    for (const c of s[2].matchAll(/<testcase classname="[^"]*" name="([^"]*)"(?:\/>|>([\s\S]*?)<\/testcase>)/g)) {
      out.push({ suite: s[1], name: c[1], body: c[2] ?? '' });
    }
  }
  return out;
}

describe('renderJunit', () => {
  it('one testcase per target and rule, failing where findings count', () => {
    const report = createTestReport({
      targets: [createTestTarget(), createTestTarget({ id: '600CN@out/target/product/ctl', sku: '600CN', market: 'CN' })],
      findings: [
        createTestFinding(),
        createTestFinding({ rule: 'cleartext-endpoint', severity: 'warning', message: 'talks http <clear> & "quoted"' }),
        createTestFinding({ target: '600CN@out/target/product/ctl', rule: 'unlisted-endpoint', severity: 'warning', message: 'w' }),
        createTestFinding({ rule: 'denied-endpoint', suppressed: { reason: 'reviewed', owner: '@a', expires: '2027-01-01' } }),
      ],
    });
    const xml = renderJunit(report);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="activation-gate" tests="34" failures="1" errors="0">/);
    const cases = testcases(xml);
    expect(cases).toHaveLength(2 * RULE_IDS.length);
    const failing = cases.filter((c) => c.body.includes('<failure'));
    expect(failing.map((c) => `${c.suite} ${c.name}`)).toEqual(['600E0@out/target/product/ctl wrong-market-client: Activation client for another market']);
    expect(failing[0].body).toContain('at device/acme/ctl/product.mk:42');
    // Warnings below fail-on and suppressed findings: listed, not failing.
    const clear = cases.find((c) => c.suite.startsWith('600E0') && c.name.startsWith('cleartext-endpoint'))!;
    expect(clear.body).toContain('<system-out>WARNING cleartext-endpoint: talks http &lt;clear&gt; &amp; &quot;quoted&quot;');
    const denied = cases.find((c) => c.suite.startsWith('600E0') && c.name.startsWith('denied-endpoint'))!;
    expect(denied.body).toContain('suppressed: reviewed (owner @a, expires 2027-01-01)');
    expect(xml).toContain('<property name="market" value="CN"/>');
  });

  it('fail-on warning makes warnings fail; never fails nothing', () => {
    const findings = [createTestFinding({ rule: 'unlisted-endpoint', severity: 'warning', message: 'w' })];
    expect(renderJunit(createTestReport({ failOn: 'warning', findings }))).toContain('failures="1"');
    expect(renderJunit(createTestReport({ failOn: 'never', findings: [createTestFinding()] }))).toContain('<testsuites name="activation-gate" tests="17" failures="0"');
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    expect(xmlEscape('a<b>&"\'\u0001\uD800z')).toBe('a&lt;b&gt;&amp;&quot;&apos;\uFFFD\uFFFDz');
    const xml = renderJunit(createTestReport({ findings: [createTestFinding({ message: 'entry \u0000]]></failure><x>' })] }));
    expect(xml).toContain('entry \\x00]]&gt;&lt;/failure&gt;&lt;x&gt;');
    expect(xml).not.toMatch(/[\u0000-\u0008]/);
  });

  it('a name from the build adds no line to a failure, and shows its controls and bidirectional characters', () => {
    // A file of the supplier's build named so: the failure a CI dashboard shows read
    // "Exempted by compliance: not a release blocker." on a line of its own.
    const name = 'system/etc/carrier\n\nExempted by compliance: not a release blocker.\r\n\u202egfc.x';
    const xml = renderJunit(
      createTestReport({
        findings: [createTestFinding({ message: `zzhc.vnet.cn is denied in EU and is embedded in ${name}.`, evidence: [{ path: name, source: 'file', offset: 4 }] })],
      }),
    );
    const shown = 'system/etc/carrier\\x0a\\x0aExempted by compliance: not a release blocker.\\x0d\\x0a\\u{202e}gfc.x';
    expect(xml).toContain(`<failure message="zzhc.vnet.cn is denied in EU and is embedded in ${shown}."`);
    expect(xml).toContain(`: zzhc.vnet.cn is denied in EU and is embedded in ${shown}.\n  at device/acme/ctl/product.mk:42\n  evidence ${shown} @4</failure>`);
    expect(xml).not.toContain('\u202e');
    expect(xml).not.toContain('\r');
  });
});
