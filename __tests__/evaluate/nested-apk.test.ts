/**
 * An APK carried in another's assets is a package of its own: its endpoints are its own, and the
 * carrier's are not its. The review found a notes app carrying the China Telecom client in
 * assets/ charged with the client's endpoints and, worse, its own https://api.acme.eu charged to
 * the client: an `unlisted-client-endpoint` error in a CN build, where the client is allowed.
 * The carrier still answers for what it carries (an app that ships a client's code).
 * The inputs are the aapt/smali-built fixture APKs, one added to the other by Info-ZIP's zip.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { artifactOf, enclosingArtifacts } from '../../src/extract/collector.js';
import type { Report } from '../../src/report/model.js';
import { haveTools } from '../containers/helpers.js';
import { scanIn } from '../helpers/scan.js';
import { tempDir } from '../helpers/temp.js';

const APKS = join(import.meta.dirname, '..', 'fixtures', 'apks');
const withZip = haveTools('zip') ? describe : describe.skip;
if (!haveTools('zip')) console.warn('SKIPPED an APK carried in another: needs zip');

/** build/system/app/<name>/<name>.apk: a copy of fixture `outer` with fixture `inner` added as assets/inner.apk (stored, as aapt stores assets it is told not to compress). */
function carrying(outer: string, inner: string): string {
  const dir = tempDir('ag-nested-apk-');
  const apk = join(dir, 'build', 'system', 'app', 'Carrier', 'Carrier.apk');
  mkdirSync(join(dir, 'build', 'system', 'app', 'Carrier'), { recursive: true });
  copyFileSync(join(APKS, outer), apk);
  mkdirSync(join(dir, 'w', 'assets'), { recursive: true });
  copyFileSync(join(APKS, inner), join(dir, 'w', 'assets', 'inner.apk'));
  execFileSync('zip', ['-q', '-0', apk, 'assets/inner.apk'], { cwd: join(dir, 'w') });
  return dir;
}

function owners(report: Report, value: string): string[] | undefined {
  return report.targets[0].endpoints.find((e) => e.value === value)?.packages;
}

function rules(report: Report): string[] {
  return report.findings.map((f) => `${f.rule} ${f.endpoint ?? f.client ?? f.package ?? ''}`).sort();
}

withZip('an APK in another APK', () => {
  it('carried by a plain app: the client owns only its own endpoints, and in CN the app’s own host is no client endpoint', async () => {
    const dir = carrying('benign.apk', 'autoregistration-cn.apk');
    const eu = await scanIn(dir);
    expect(eu.targets[0].packages.map((p) => [p.path, p.package])).toEqual([
      ['system/app/Carrier/Carrier.apk', 'com.acme.notes'],
      ['system/app/Carrier/Carrier.apk!/assets/inner.apk', 'com.qualcomm.qti.autoregistration'],
    ]);
    expect(owners(eu, 'zzhc.vnet.cn')).toEqual(['ct-self-registration-qualcomm']);
    expect(owners(eu, 'api.acme.eu')).toBeUndefined();
    expect(rules(eu)).not.toContain('unlisted-client-endpoint api.acme.eu');
    expect(rules(eu)).toContain('wrong-market-client ct-self-registration-qualcomm');
    const cn = await scanIn(dir, { market: 'CN' });
    expect(rules(cn).filter((r) => r.startsWith('unlisted-client-endpoint'))).toEqual([]);
  });

  it('carried by the client: what it carries is the client’s (api.acme.eu in the carried APK is an unlisted endpoint of the client)', async () => {
    const dir = carrying('autoregistration-cn.apk', 'benign.apk');
    const cn = await scanIn(dir, { market: 'CN' });
    expect(owners(cn, 'api.acme.eu')).toEqual(['ct-self-registration-qualcomm']);
    expect(rules(cn)).toContain('unlisted-client-endpoint api.acme.eu');
  });
});

describe('artifactOf', () => {
  it.each([
    ['system/app/A/A.apk', 'system/app/A/A.apk'],
    ['system/app/A/A.apk!/assets/inner.apk', 'system/app/A/A.apk!/assets/inner.apk'],
    ['system/app/A/A.apk!/assets/inner.apk!/assets/b.zip', 'system/app/A/A.apk!/assets/inner.apk'],
    ['system/app/A/A.apk!/assets/plugin.jar', 'system/app/A/A.apk'],
    ['system/app/A/A.apk!/assets/b.zip', 'system/app/A/A.apk'],
    ['system.img!/priv-app/A/A.apk', 'system.img!/priv-app/A/A.apk'],
    ['system.img!/framework/services.jar', 'system.img!/framework/services.jar'],
    ['system/apex/x.apex!/apex_payload.img!/app/B/B.apk', 'system/apex/x.apex!/apex_payload.img!/app/B/B.apk'],
    ['system/apex/x.apex!/apex_payload.img!/javalib/y.jar', 'system/apex/x.apex'],
    ['vendor/blobs.tar!/etc/a.json', 'vendor/blobs.tar!/etc/a.json'],
  ])('%s -> %s', (path, artifact) => {
    expect(artifactOf(path)).toBe(artifact);
  });
  it('enclosingArtifacts: innermost first', () => {
    expect(enclosingArtifacts('a.img!/b.apk!/assets/c.apk')).toEqual(['a.img!/b.apk', 'a.img']);
    expect(enclosingArtifacts('b.apk')).toEqual([]);
  });
});
