/**
 * Strings an app can read that a review found unscanned, each built with the real tool where one
 * exists: a resource's name in resources.arsc (aapt accepts `<string name="zzhc.vnet.cn">`, and
 * getResourceEntryName() returns it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
