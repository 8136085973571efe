/**
 * Every APK of the third-party androguard corpus (Debian package `androguard`) scans without an
 * exception, and wherever `aapt dump badging` reads the APK our package name agrees with it.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from '@jest/globals';
import { RecordingLogger } from '../../src/logging.js';
import { scan } from '../../src/scan.js';
import { ANDROGUARD_EXAMPLES, describeWithAndroguard } from '../helpers/corpus.js';

function apksUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...apksUnder(p));
    else if (e.endsWith('.apk')) out.push(p);
  }
  return out.sort();
}

function aaptPackage(apk: string): string | undefined {
  try {
    const out = execFileSync('aapt', ['dump', 'badging', apk], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 26 });
    return /^package: name='([^']*)'/m.exec(out)?.[1];
  } catch {
    return undefined;
  }
}

describeWithAndroguard('the androguard APK corpus', () => {
  it('scans as one build without an exception; package names agree with aapt on every APK aapt reads', async () => {
    const apks = apksUnder(ANDROGUARD_EXAMPLES);
    expect(apks.length).toBeGreaterThan(300);
    const report = await scan({ inputs: [ANDROGUARD_EXAMPLES], market: 'EU', failOn: 'error', cwd: '/', now: new Date('2026-11-01T00:00:00Z') }, new RecordingLogger());
    const t = report.targets[0];
    const ours = new Map(t.packages.map((p) => [p.path, p.package]));
    let compared = 0;
    let agreed = 0;
    const disagreements: string[] = [];
    for (const apk of apks) {
      const want = aaptPackage(apk);
      if (want === undefined) continue;
      compared++;
      const got = ours.get(relative(ANDROGUARD_EXAMPLES, apk));
      if (got === want) agreed++;
      else disagreements.push(`${relative(ANDROGUARD_EXAMPLES, apk)}: aapt ${want}, ours ${got}`);
    }
    console.info(`androguard corpus: ${apks.length} APKs, aapt read ${compared}, package names agree on ${agreed}/${compared} (${((100 * agreed) / compared).toFixed(1)}%)`);
    expect(disagreements).toEqual([]);
    expect(compared).toBeGreaterThan(300);
    // Nothing the gate could not read is silent: every unreadable APK has a reason.
    for (const u of t.unreadable) expect(u.reason.length).toBeGreaterThan(5);
    expect(t.unreadable.some((u) => /internal error/.test(u.reason))).toBe(false);
    // Reads our own code asked for out of range are our defect, not the file's: two real APKs
    // whose central directory lists entries in another order than their local headers (with
    // zipalign's local extra fields) were unreadable by a negative read length.
    expect(t.unreadable.filter((u) => /^read of -?\d+ bytes/.test(u.reason)).map((u) => u.path)).toEqual([]);
    expect(t.unreadable.filter((u) => /tvleanback|weardrawers/.test(u.path))).toEqual([]);
  }, 300_000);
});
