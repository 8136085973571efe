/**
 * Strings an app can read that a review found unscanned, each built with the real tool where one
 * exists: a resource's name in resources.arsc (aapt accepts `<string name="zzhc.vnet.cn">`, and
 * getResourceEntryName() returns it); an APK's ZIP comment (zip -z) and a channel pair in its APK
 * Signing Block (the signed fixture's padding pair made one, as Walle writes it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { RecordingLogger } from '../../src/logging.js';
import { scan } from '../../src/scan.js';
import { haveTools } from '../containers/helpers.js';

const FRAMEWORK_RES = '/usr/share/android-framework-res/framework-res.apk';
const withAapt = haveTools('aapt') && existsSync(FRAMEWORK_RES) ? describe : describe.skip;
if (!haveTools('aapt') || !existsSync(FRAMEWORK_RES)) console.warn('SKIPPED resource names in resources.arsc: needs aapt and android-framework-res (apt-get install aapt android-framework-res)');

withAapt('a resource name', () => {
  it('is scanned like the values: a host named as a string resource is found (aapt dump resources lists it)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ag-evasion-keys-'));
    try {
      mkdirSync(join(dir, 'src', 'res', 'values'), { recursive: true });
      writeFileSync(join(dir, 'src', 'AndroidManifest.xml'), '<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.example.keys"><application android:label="x"/></manifest>\n');
      writeFileSync(join(dir, 'src', 'res', 'values', 'strings.xml'), '<resources><string name="zzhc.vnet.cn">hello</string></resources>\n');
      const apk = join(dir, 'build', 'system', 'app', 'K', 'K.apk');
      mkdirSync(join(dir, 'build', 'system', 'app', 'K'), { recursive: true });
      execFileSync('aapt', ['package', '-f', '-M', join(dir, 'src', 'AndroidManifest.xml'), '-I', FRAMEWORK_RES, '-S', join(dir, 'src', 'res'), '-F', apk]);
      expect(execFileSync('aapt', ['dump', 'resources', apk], { encoding: 'utf8' })).toContain('com.example.keys:string/zzhc.vnet.cn:');
      const report = await scan({ inputs: ['build'], market: 'EU', failOn: 'never', cwd: dir, now: new Date('2026-11-01T00:00:00Z') }, new RecordingLogger());
      const hit = report.targets[0].endpoints.find((e) => e.value === 'zzhc.vnet.cn');
      expect(hit?.evidence.map((e) => [e.path, e.entry, e.source])).toEqual([['system/app/K/K.apk', 'resources.arsc', 'arsc']]);
      expect(report.findings.some((f) => f.rule === 'denied-endpoint' && f.endpoint === 'zzhc.vnet.cn')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bytes of an APK outside its entries', () => {
  const APKS = join(import.meta.dirname, '..', 'fixtures', 'apks');

  it('the ZIP comment (ZipFile.getComment) and a non-signature pair of the APK Signing Block (a Walle channel) are scanned', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ag-evasion-outside-'));
    try {
      mkdirSync(join(dir, 'build', 'system', 'app', 'C'), { recursive: true });
      // The signed fixture's block holds the v2 signature and a padding pair (0x42726577): the
      // padding becomes a channel pair (Walle's id) naming a host, its length unchanged. The v2
      // signature does not cover the block, so the APK still verifies.
      const buf = readFileSync(join(APKS, 'benign.apk'));
      const magic = buf.indexOf('APK Sig Block 42');
      const start = magic + 16 - Number(buf.readBigUInt64LE(magic - 8)) - 8;
      let p = start + 8;
      let channelAt = -1;
      while (p < magic - 8) {
        const len = Number(buf.readBigUInt64LE(p));
        if (buf.readUInt32LE(p + 8) === 0x42726577) {
          buf.writeUInt32LE(0x71777777, p + 8);
          buf.write('{"channel":"cn","reg":"https://zzhc.vnet.cn/"}', p + 12, 'latin1');
          channelAt = p + 12 + '{"channel":"cn","reg":"'.length;
        }
        p += 8 + len;
      }
      expect(channelAt).toBeGreaterThan(0);
      const channel = join(dir, 'build', 'system', 'app', 'C', 'C.apk');
      writeFileSync(channel, buf);
      // The comment, written by zip itself.
      const commented = join(dir, 'build', 'system', 'app', 'C', 'D.apk');
      writeFileSync(commented, readFileSync(join(APKS, 'benign.apk')));
      execFileSync('zip', ['-q', '-z', commented], { input: 'register at http://dm.wo.com.cn:6001/\n' });
      const report = await scan({ inputs: ['build'], market: 'EU', failOn: 'never', cwd: dir, now: new Date('2026-11-01T00:00:00Z') }, new RecordingLogger());
      const where = (host: string) => report.targets[0].endpoints.find((e) => e.value === host)?.evidence.map((e) => [e.path, e.entry ?? null, e.source, e.offset]);
      expect(where('zzhc.vnet.cn')).toEqual([['system/app/C/C.apk', null, 'file', channelAt]]);
      expect(where('dm.wo.com.cn')).toEqual([['system/app/C/D.apk', null, 'file', expect.any(Number)]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
