/**
 * SARIF output, validated against the official SARIF 2.1.0 JSON schema (the copy Microsoft ships
 * in @microsoft/sarif-multitool-linux, sarif-2.1.0.json) with ajv, and run through the SARIF
 * Multitool's validator (its SARIF and GitHub ingestion rules; it reports no JSON-schema errors
 * itself, hence ajv).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { RecordingLogger } from '../../src/logging.js';
import { RULE_IDS } from '../../src/report/model.js';
import { FINGERPRINT_KEY, renderSarif, renderSarifLog, sarifText, toUri, writeSarifFile } from '../../src/report/render-sarif.js';
import { scan } from '../../src/scan.js';
import { indexSourceTree } from '../../src/source/indexer.js';
import { locateFindings, wantedNames } from '../../src/source/locate.js';
import { createLargeReport, createTestFinding, createTestReport } from '../../__fixtures__/report.js';
import { tempDir } from '../helpers/temp.js';

const ROOT = path.join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const MULTITOOL_DIR = path.dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json'));
const SCHEMA_FILE = path.join(MULTITOOL_DIR, 'sarif-2.1.0.json');
const MULTITOOL = path.join(MULTITOOL_DIR, 'Sarif.Multitool');

const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object;
// The schema is draft 2020-12; strict mode off for its annotation keywords.
const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validateSchema = ajv.compile(schema);

function expectValid(log: unknown): void {
  const ok = validateSchema(log);
  expect(validateSchema.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

async function sampleReport() {
  const report = await scan(
    { inputs: ['sample/out/600E0', 'sample/out/600CN'], policyFile: 'sample/activation-gate.yml', failOn: 'error', cwd: ROOT, now: new Date('2026-11-01T00:00:00Z') },
    new RecordingLogger(),
  );
  const index = await indexSourceTree(path.join(ROOT, '__tests__/fixtures/source'), { workspace: ROOT, wanted: wantedNames(report) });
  return locateFindings(report, index);
}

describe('renderSarif', () => {
  it('the schema rejects what it must (the validator is live)', () => {
    expect(validateSchema({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'bad' }] }] })).toBe(false);
    expect(validateSchema({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a' }, region: { startLine: 0 } } }] }] }] })).toBe(false);
  });

  it('the sample build: valid SARIF 2.1.0, one run, every rule with help, a location on every result', async () => {
    const report = await sampleReport();
    const log = JSON.parse(renderSarif(report, { informationUri: 'https://github.com/acme/activation-gate' })) as Sarif.Log;
    expectValid(log);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.tool.driver.rules!.map((r) => r.id)).toEqual([...RULE_IDS]);
    for (const r of run.tool.driver.rules!) {
      expect(r.help?.text).toMatch(/\w/);
      expect(r.shortDescription?.text).toMatch(/\w/);
      expect(['error', 'warning', 'note']).toContain(r.defaultConfiguration?.level);
    }
    expect(run.results!.length).toBe(report.findings.length);
    for (const res of run.results!) {
      expect(res.locations).toHaveLength(1);
      expect(res.locations![0].physicalLocation?.artifactLocation?.uri).toMatch(/\w/);
      expect(run.tool.driver.rules![res.ruleIndex!].id).toBe(res.ruleId);
      expect(res.partialFingerprints![FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{64}$/);
    }
    const client = run.results!.find((r) => r.ruleId === 'wrong-market-client')!;
    expect(client.level).toBe('error');
    expect(client.locations![0].physicalLocation).toEqual({
      artifactLocation: { uri: '__tests__/fixtures/source/device/acme/ctl/product.mk' },
      region: { startLine: 18, startColumn: 5 },
    });
    expect(client.relatedLocations![0].physicalLocation!.artifactLocation!.uri).toBe('sample/out/600E0/system/priv-app/AutoRegistration/AutoRegistration.apk');
    expect(run.properties).toMatchObject({ verdict: 'fail', failOn: 'error' });
  });

  it('a name from the build makes no embedded link and no line of a result message', () => {
    // An APK entry named so by the supplier: in SARIF plain text, `[text](uri)` is an embedded link
    // (3.11.6), whose text a viewer shows in place of the path.
    const entry = 'system/app/Foo/Foo.apk!/assets/[Exemption EX-12 approved by compliance](https://evil.example/ex12)/c\\[x]\n\u202e.txt';
    const log = renderSarifLog(createTestReport({ findings: [createTestFinding({ message: `zzhc.vnet.cn is denied in EU and is embedded in ${entry} (asset @4).`, path: entry })] }));
    const result = log.runs[0].results![0];
    const shown = 'system/app/Foo/Foo.apk!/assets/\\[Exemption EX-12 approved by compliance\\](https://evil.example/ex12)/c\\\\\\[x\\]\\x0a\\u{202e}.txt';
    expect(result.message.text).toBe(`zzhc.vnet.cn is denied in EU and is embedded in ${shown} (asset @4).`);
    expect(result.relatedLocations?.[0].message?.text).toBe(`In the build: ${shown}`);
    // Every bracket is escaped: no `[` or `]` without a backslash before it, the backslash itself not escaped.
    expect(result.message.text!.replace(/\\\\/g, '')).not.toMatch(/(^|[^\\])[[\]]/);
    expect(sarifText('plain text')).toBe('plain text');
  });

  it('partialFingerprints are stable across runs: independent of message, line, offsets and input order', () => {
    const a = createTestReport();
    const moved = createTestReport({
      findings: [...a.findings].reverse().map((f) => ({
        ...f,
        message: `${f.message} (rebuilt)`,
        location: { file: 'device/acme/ctl/product.mk', line: 99 },
        evidence: f.evidence?.map((e) => ({ ...e, offset: (e.offset ?? 0) + 8 })),
      })),
    });
    const fps = (r: typeof a) => renderSarifLog(r).runs[0].results!.map((x) => `${x.ruleId} ${x.partialFingerprints![FINGERPRINT_KEY]}`);
    expect(fps(moved)).toEqual(fps(a));
    expect(new Set(fps(a)).size).toBe(2);
    expect(renderSarif(a)).toBe(renderSarif(createTestReport({ findings: [...a.findings].reverse() })));
  });

  it('an endpoint finding keeps its fingerprint when another file comes to hold the endpoint first (its path is the first evidence file); a file finding keeps its file', () => {
    const denied = createTestFinding({ rule: 'denied-endpoint', endpoint: 'zzhc.vnet.cn', endpointKind: 'host', path: 'system/etc/b.conf', partitionPath: 'system/etc/b.conf' });
    const fp = (f: typeof denied) => renderSarifLog(createTestReport({ findings: [f] })).runs[0].results![0].partialFingerprints![FINGERPRINT_KEY];
    expect(fp({ ...denied, path: 'system/etc/a.conf', partitionPath: 'system/etc/a.conf' })).toBe(fp(denied));
    expect(fp({ ...denied, endpoint: 'other.vnet.cn' })).not.toBe(fp(denied));
    const unreadable = createTestFinding({ rule: 'unreadable-artifact', endpoint: undefined, path: 'system/app/A/A.apk', partitionPath: 'system/app/A/A.apk' });
    expect(fp({ ...unreadable, path: 'system/app/B/B.apk', partitionPath: 'system/app/B/B.apk' })).not.toBe(fp(unreadable));
  });

  it('suppressed findings carry a suppression; a result without any location points at the build artifact', () => {
    const report = createTestReport({
      findings: [
        createTestFinding({ suppressed: { reason: 'CN test build, reviewed in SEC-1', owner: '@acme/compliance', expires: '2027-03-01', location: { file: '.github/activation-gate.yml', line: 30 } } }),
        createTestFinding({ rule: 'unreadable-artifact', location: undefined, package: undefined, client: undefined, path: 'system/app/Broken Name/Broken#1.apk' }),
        createTestFinding({ rule: 'unresolved-market', location: undefined, package: undefined, client: undefined, path: undefined, partitionPath: undefined }),
      ],
    });
    const log = renderSarifLog(report);
    expectValid(log);
    const [unreadable, unresolved, suppressed] = [
      log.runs[0].results!.find((r) => r.ruleId === 'unreadable-artifact')!,
      log.runs[0].results!.find((r) => r.ruleId === 'unresolved-market')!,
      log.runs[0].results!.find((r) => r.suppressions)!,
    ];
    expect(suppressed.suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification: 'CN test build, reviewed in SEC-1 (owner @acme/compliance, expires 2027-03-01)',
        location: { physicalLocation: { artifactLocation: { uri: '.github/activation-gate.yml' }, region: { startLine: 30 } } },
      },
    ]);
    expect(unreadable.locations![0].physicalLocation).toEqual({ artifactLocation: { uri: 'out/target/product/ctl/system/app/Broken%20Name/Broken%231.apk' } });
    expect(unresolved.locations![0].physicalLocation).toEqual({ artifactLocation: { uri: '.github/activation-gate.yml' }, region: { startLine: 1 } });
  });

  it('caps results at GitHub limit and says so', () => {
    const log = renderSarifLog(createLargeReport(60), { maxResults: 50 });
    expect(log.runs[0].results).toHaveLength(50);
    expect(log.runs[0].properties?.truncated).toBe(10);
    expect(log.runs[0].results![0].level).toBe('error');
  });

  it('is streamed (results made one at a time, rendered 256 at a time) to exactly the bytes of the whole log stringified', async () => {
    const suppressed = createTestFinding({ rule: 'unlisted-endpoint', severity: 'warning', suppressed: { reason: 'known', owner: 'qa', expires: '2027-01-01' } });
    const reports = [
      ['empty', createTestReport({ findings: [] })],
      ['one suppressed', createTestReport({ findings: [suppressed] })],
      ['scrambled', createTestReport({ findings: [...createTestReport().findings].reverse() })],
      ['large', createLargeReport(300)],
      // results rendered 256 at a time: lengths around that
      ...[255, 256, 257, 513, 1100].map((n) => [`${n} findings`, createLargeReport(n)] as const),
      ['the sample build, located', await sampleReport()],
    ] as const;
    const dir = tempDir('ag-sarif-stream-');
    for (const [what, report] of reports) {
      for (const options of [{}, { maxResults: 7, informationUri: 'https://github.com/acme/activation-gate', automationId: 'ci/1' }]) {
        const whole = `${JSON.stringify(renderSarifLog(report, options), null, 2)}\n`;
        expect([what, renderSarif(report, options)]).toEqual([what, whole]);
        const file = path.join(dir, 'out.sarif');
        writeSarifFile(file, report, options);
        expect([what, readFileSync(file, 'utf8')]).toEqual([what, whole]);
      }
    }
    expect(JSON.parse(renderSarif(createLargeReport(300))).runs[0].results.length).toBeGreaterThan(100);
  });

  it('toUri encodes segments and absolute paths', () => {
    expect(toUri('a b/c#d/e(1).xml')).toBe('a%20b/c%23d/e%281%29.xml');
    expect(toUri('/tmp/x y.apk')).toBe('file:///tmp/x%20y.apk');
  });
});

describe('SARIF Multitool validate', () => {
  const usable = existsSync(MULTITOOL);
  (usable ? it : it.skip)(`the sample build's SARIF has no error or warning validation results${usable ? '' : ' (SKIPPED: Sarif.Multitool not installed)'}`, async () => {
    // npm 11 skips the package's postinstall, which marks the binary executable.
    if ((statSync(MULTITOOL).mode & 0o100) === 0) chmodSync(MULTITOOL, 0o755);
    const dir = tempDir('ag-sarif-');
    const file = path.join(dir, 'activation-gate.sarif');
    const out = path.join(dir, 'validation.sarif');
    writeFileSync(file, renderSarif(await sampleReport(), { informationUri: 'https://github.com/acme/activation-gate' }));
    const res = spawnSync(MULTITOOL, ['validate', file, '-o', out, '--log', 'ForceOverwrite', '--rule-kind', 'Sarif;Gh', '--level', 'Error;Warning;Note'], {
      encoding: 'utf8',
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
      timeout: 120_000,
    });
    expect(res.status).toBe(0);
    const validation = JSON.parse(readFileSync(out, 'utf8')) as Sarif.Log;
    const results = validation.runs[0].results ?? [];
    // The validator ran (it always has notes for us: conventional rule ids, help URIs)...
    expect(results.length).toBeGreaterThan(0);
    // ...and found nothing at warning or error level.
    const bad = results.filter((r) => (r.level ?? 'warning') !== 'note');
    expect(bad.map((r) => `${r.ruleId} ${JSON.stringify(r.message)}`)).toEqual([]);
    expect(validation.runs[0].invocations?.[0]?.executionSuccessful).toBe(true);
  }, 120_000);
});
