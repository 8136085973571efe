/**
 * The scan API end to end over real fixtures (APKs built by aapt/smali/apksigner, see
 * scripts/fixtures/). Expected values come from the real tools' output recorded beside them.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { RecordingLogger } from '../src/logging.js';
import { renderJson } from '../src/report/render-json.js';
import type { Report } from '../src/report/model.js';
import { scan } from '../src/scan.js';
import { isCanonicalEndpoint, isCanonicalFinding } from '../src/report/sort.js';
import { scanIn } from './helpers/scan.js';
import { tempDir } from './helpers/temp.js';

const ROOT = join(import.meta.dirname, '..');
const APKS = join(ROOT, '__tests__', 'fixtures', 'apks');
const expected = JSON.parse(readFileSync(join(APKS, 'expected.json'), 'utf8')) as Record<
  string,
  { package: string; versionCode?: number; versionName?: string; permissions?: string[]; hosts?: { value: string; entry: string; source: string; offset: number; stringOffset?: number; scheme?: string }[]; sms?: { value: string; entry: string; source: string; offset: number }[] }
>;

async function scanOne(inputs: string[], extra: Partial<Parameters<typeof scan>[0]> = {}): Promise<Report> {
  return scan({ inputs, failOn: 'error', market: 'EU', cwd: ROOT, now: new Date('2026-11-01T00:00:00Z'), ...extra }, new RecordingLogger());
}

describe('each source is found with the right source, entry and offset', () => {
  for (const apk of ['dex-only.apk', 'arsc-only.apk', 'asset-only.apk', 'native-only.apk', 'xml-only.apk', 'autoregistration-cn.apk']) {
    it(apk, async () => {
      const report = await scanOne([`__tests__/fixtures/apks/${apk}`]);
      const t = report.targets[0];
      const want: { value: string; entry: string; source: string; offset: number; stringOffset?: number; scheme?: string }[] = [
        ...(expected[apk].hosts ?? []),
        ...(expected[apk].sms ?? []),
      ];
      expect(want.length).toBeGreaterThan(0);
      for (const w of want) {
        const ep = t.endpoints.find((e) => e.value === w.value);
        expect(ep).toBeDefined();
        expect(ep!.evidence).toContainEqual({ path: apk, entry: w.entry, source: w.source, offset: expect.any(Number) });
        const ev = ep!.evidence.find((e) => e.entry === w.entry)!;
        // DEX, native and asset offsets are exact byte offsets in the entry (grep -ob on the
        // inflated entry): the URL's start when the host follows a scheme, else the host's own.
        // String-pool sources (arsc, xml) point at the pool string that holds the host.
        if (w.source === 'dex' || w.source === 'native' || w.source === 'asset') {
          expect(ev.offset).toBe(w.scheme ? w.stringOffset : w.offset);
        }
        // The host is in that source only.
        expect(new Set(ep!.evidence.map((e) => e.source))).toEqual(new Set([w.source]));
      }
    });
  }

  it('a plain (non-APK) file: the sample build.prop and JSON configs', async () => {
    const report = await scanOne(['sample/out/600E0'], { market: 'EU', policyFile: 'sample/activation-gate.yml' });
    const ntp = report.targets[0].endpoints.find((e) => e.value === 'ntp.acme.eu');
    expect(ntp?.evidence[0]).toMatchObject({ path: 'system/etc/acme-endpoints.json', source: 'file' });
  });
});

describe('manifest facts agree with aapt dump badging', () => {
  for (const apk of ['autoregistration-cn.apk', 'benign.apk', 'checkin.apk', 'dex-only.apk', 'overlay-cn.apk']) {
    it(apk, async () => {
      const badging = readFileSync(join(APKS, apk.replace(/\.apk$/, '.badging.txt')), 'utf8');
      const m = /^package: name='([^']*)' versionCode='([^']*)' versionName='([^']*)'/m.exec(badging)!;
      const perms = [...badging.matchAll(/^uses-permission: name='([^']*)'/gm)].map((x) => x[1]).sort();
      const report = await scanOne([`__tests__/fixtures/apks/${apk}`]);
      const p = report.targets[0].packages[0];
      expect(p.package).toBe(m[1]);
      if (m[2]) expect(String(p.versionCode)).toBe(m[2]);
      if (m[3]) expect(p.versionName).toBe(m[3]);
      expect(p.permissions ?? []).toEqual(perms);
    });
  }
});

const FRAMEWORK_RES = '/usr/share/android-framework-res/framework-res.apk';
const withFrameworkRes = existsSync(FRAMEWORK_RES) ? it : it.skip;
if (!existsSync(FRAMEWORK_RES)) console.warn('SKIPPED the platform package of a clean build: needs android-framework-res (apt-get install android-framework-res)');

describe('a clean build with the platform package (framework-res.apk)', () => {
  // The real AOSP framework-res.apk: package `android`, android.uid.system, a BOOT_COMPLETED
  // receiver, and config defaults (time.android.com, 8.8.8.8, ...). Every build has it.
  withFrameworkRes('passes in EU: the platform is no suspected activation client, its endpoints are inventory', async () => {
    const root = tempDir('ag-framework-res-');
    mkdirSync(join(root, 'build', 'system', 'framework'), { recursive: true });
    copyFileSync(FRAMEWORK_RES, join(root, 'build', 'system', 'framework', 'framework-res.apk'));
    const report = await scanIn(root, { failOn: 'error' });
    const t = report.targets[0];
    expect(t.packages.map((p) => [p.package, p.sharedUserId, p.bootCompleted])).toEqual([['android', 'android.uid.system', true]]);
    expect(t.endpoints.map((e) => e.value)).toContain('time.android.com');
    expect(t.clients).toEqual([]);
    expect(report.findings.filter((f) => f.severity !== 'warning' || f.rule !== 'unlisted-endpoint')).toEqual([]);
    expect(report.verdict).toBe('pass');
  });
});

describe('host rules on a real DEX full of look-alikes', () => {
  it('benign.apk yields only its real endpoint (and the ignored XML namespace)', async () => {
    const report = await scanOne(['__tests__/fixtures/apks/benign.apk']);
    const eps = report.targets[0].endpoints.map((e) => `${e.value}:${e.status}`);
    expect(eps).toEqual(['api.acme.eu:unlisted', 'schemas.android.com:ignored']);
  });
});

describe('unreadable files fail closed and the rest is still scanned', () => {
  it('mixed build: a truncated APK is unreadable; an HTML page and an empty file named .apk are no ZIP, scanned raw (builds/expected.json)', async () => {
    const MIXED = join(ROOT, '__tests__', 'fixtures', 'builds', 'mixed');
    const want = (JSON.parse(readFileSync(join(ROOT, '__tests__', 'fixtures', 'builds', 'expected.json'), 'utf8')) as {
      mixed: { unreadable: string[]; endpointsOutsideApks: { value: string; path: string; source: string; offset: number }[] };
    }).mixed;
    const report = await scanOne(['__tests__/fixtures/builds/mixed']);
    const t = report.targets[0];
    const unreadable = report.findings.filter((f) => f.rule === 'unreadable-artifact').map((f) => f.path);
    expect(unreadable).toEqual(want.unreadable);
    expect(t.unreadable.map((u) => u.path)).toEqual(want.unreadable);
    for (const w of want.endpointsOutsideApks) {
      const ev = t.endpoints.find((e) => e.value === w.value)?.evidence.find((e) => e.path === w.path);
      expect([w.value, ev?.source]).toEqual([w.value, w.source]);
      // the host's offset (grep -ob), or where its URL starts, just before it
      const bytes = readFileSync(join(MIXED, w.path)).toString('latin1');
      expect([w.value, ev!.offset === w.offset || /^[a-z][a-z0-9+.-]*:\/\/$/i.test(bytes.slice(ev!.offset, w.offset))]).toEqual([w.value, true]);
    }
    for (const f of report.findings.filter((x) => x.rule === 'unreadable-artifact')) {
      expect(f.severity).toBe('error');
      expect(f.message).toContain(f.path!);
    }
    expect(t.packages.map((p) => p.package)).toEqual(expect.arrayContaining(['com.acme.fixture.dexonly', 'com.acme.notes']));
    expect(report.verdict).toBe('fail');
  });
});

describe('a ZIP with bytes before it, named .apk', () => {
  it('is recognised by its end record and fails closed (aapt cannot open it, unzip reads it with a warning)', async () => {
    const dir = tempDir('ag-prefixed-');
    const apk = join(dir, 'build', 'system', 'app', 'A', 'A.apk');
    mkdirSync(dirname(apk), { recursive: true });
    writeFileSync(apk, Buffer.concat([Buffer.alloc(800, 'JUNK'), readFileSync(join(APKS, 'benign.apk'))]));
    expect(spawnSync('unzip', ['-l', apk], { encoding: 'utf8' }).stderr).toContain('800 extra bytes at beginning');
    const report = await scanIn(dir);
    expect(report.targets[0].unreadable.map((u) => [u.path, u.format])).toEqual([['system/app/A/A.apk', 'zip']]);
    expect(report.verdict).toBe('fail');
  });
});

describe('the bundled sample build', () => {
  it('fails the EU SKU for the China Telecom client and passes the CN SKU', async () => {
    const report = await scan(
      { inputs: ['sample/out/600E0', 'sample/out/600CN'], policyFile: 'sample/activation-gate.yml', failOn: 'error', cwd: ROOT, now: new Date('2026-11-01T00:00:00Z') },
      new RecordingLogger(),
    );
    const eu = report.targets.find((t) => t.input === 'sample/out/600E0')!;
    const cn = report.targets.find((t) => t.input === 'sample/out/600CN')!;
    expect(eu).toMatchObject({ id: '600E0@sample/out/600E0', sku: '600E0', market: 'EU' });
    expect(eu.build.resolvedBy).toMatchObject({ key: 'ro.cda.skuid.id', file: 'vendor/build.prop' });
    expect(cn).toMatchObject({ sku: '600CN', market: 'CN' });
    const euErrors = report.findings.filter((f) => f.target === eu.id && f.severity === 'error');
    expect(euErrors).toContainEqual(
      expect.objectContaining({ rule: 'wrong-market-client', package: 'com.qualcomm.qti.autoregistration', client: 'ct-self-registration-qualcomm' }),
    );
    expect(euErrors).toContainEqual(expect.objectContaining({ rule: 'denied-endpoint', endpoint: 'zzhc.vnet.cn' }));
    expect(report.findings.filter((f) => f.target === cn.id && f.severity === 'error')).toEqual([]);
    // The whitelist XML only mentions the package; obj/ and symbols/ are skipped and listed.
    expect(eu.skipped.map((s) => s.path)).toEqual(expect.arrayContaining(['obj', 'symbols']));
    expect(report.verdict).toBe('fail');
  });

  it('builds its findings and endpoints in canonical form: the JSON writer serialises them without copies', async () => {
    const report = await scan(
      {
        inputs: ['sample/out/600E0', 'sample/out/600CN', '__tests__/fixtures/apks'],
        policyFile: 'sample/activation-gate.yml',
        failOn: 'error',
        cwd: ROOT,
        now: new Date('2026-11-01T00:00:00Z'),
      },
      new RecordingLogger(),
    );
    // Enough variety to mean something: several rules, evidence, locations and a suppression.
    expect(new Set(report.findings.map((f) => f.rule)).size).toBeGreaterThanOrEqual(5);
    expect(report.findings.some((f) => f.suppressed)).toBe(true);
    expect(report.findings.some((f) => f.location)).toBe(true);
    expect(report.findings.some((f) => f.evidence?.length)).toBe(true);
    expect(report.findings.filter((f) => !isCanonicalFinding(f))).toEqual([]);
    const endpoints = report.targets.flatMap((t) => t.endpoints);
    expect(endpoints.some((e) => e.packages?.length && e.scheme)).toBe(true);
    expect(endpoints.filter((e) => !isCanonicalEndpoint(e))).toEqual([]);
  });

  it('gives byte-identical JSON on repeated runs', async () => {
    const run = async () =>
      renderJson(
        await scan(
          { inputs: ['sample/out/600CN', 'sample/out/600E0'], policyFile: 'sample/activation-gate.yml', failOn: 'error', cwd: ROOT, now: new Date('2026-11-01T00:00:00Z') },
          new RecordingLogger(),
        ),
      );
    expect(await run()).toBe(await run());
  });
});

describe('the audit of exemptions', () => {
  it('says of each whether it was used, is past its end, or ends within 30 days (SPEC: used, unused and near expiry)', async () => {
    const dir = tempDir('ag-audit-exemptions-');
    const exemption = (host: string, expires: string): string => `  - match: {host: ${host}}\n    reason: "reviewed"\n    owner: "@acme/compliance"\n    expires: ${expires}\n`;
    const policy = join(dir, 'policy.yml');
    writeFileSync(policy, `version: 1\nexemptions:\n${exemption('ntp.acme.eu', '2026-10-31')}${exemption('ntp.acme.eu', '2026-11-20')}${exemption('nowhere.acme.eu', '2027-06-30')}`);
    const report = await scanOne(['sample/out/600E0'], { policyFile: policy });
    expect(report.audit.exemptions).toEqual([
      { index: 0, used: false, expires: '2026-10-31', expired: true, expiringSoon: false },
      { index: 1, used: true, expires: '2026-11-20', expired: false, expiringSoon: true },
      { index: 2, used: false, expires: '2027-06-30', expired: false, expiringSoon: false },
    ]);
    // the date these were judged on, which the report then depends on (without exemptions it does not, and is not written)
    expect(report.audit.now).toBe('2026-11-01');
    expect((await scanOne(['sample/out/600E0'])).audit).not.toHaveProperty('now');
  });
});
