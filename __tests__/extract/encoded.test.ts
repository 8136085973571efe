/**
 * Endpoints written in the escapes and encodings an app or Android decodes (red team, finding
 * 5b/5c): `http\://\u007a\u007ahc.vnet.cn` in a .properties file is zzhc.vnet.cn to
 * java.util.Properties, not hc.vnet.cn. Fixtures: scripts/fixtures/build-encoded.sh (text files
 * by python3, an APK by aapt2 and smali; aapt2 dump strings and dexdump -d kept beside it).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { Report } from '../../src/report/model.js';
import { scanIn } from '../helpers/scan.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'encoded');
const ETC = join(DIR, 'tree', 'system', 'etc');
const APK = join(DIR, 'tree', 'system', 'app', 'Enc', 'Enc.apk');
/** base64 of "https://zzhc.vnet.cn/reg", as aapt2 dump strings lists it. */
const B64 = 'aHR0cHM6Ly96emhjLnZuZXQuY24vcmVn';

let report: Report | undefined;
async function scanned(): Promise<Report> {
  report ??= await scanIn(DIR, { inputs: ['tree'] });
  return report;
}

/** Where the report found `value`: "path|entry|source|offset" of each evidence, sorted. */
function evidenceOf(r: Report, value: string): string[] {
  return (r.targets[0].endpoints.find((e) => e.value === value)?.evidence ?? []).map((e) => `${e.path}|${e.entry ?? ''}|${e.source}|${e.offset}`).sort();
}

/** Offsets of each of `needles` in the file at `path` (each must be there). */
function offsets(path: string, ...needles: string[]): number[] {
  const text = readFileSync(path, 'latin1');
  return needles.map((n) => {
    const at = text.indexOf(n);
    expect(at).toBeGreaterThanOrEqual(0);
    return at;
  });
}

describe('endpoints an app reads decoded', () => {
  it('a .properties file as java.util.Properties.load reads it: \\uXXXX, an escaped character, a continued line; the raw piece hc.vnet.cn is not reported', async () => {
    const r = await scanned();
    const file = join(ETC, 'reg.properties');
    const [url, escaped, all, continued] = offsets(file, 'http\\://', 'zz\\hc', '\\u007a\\u007a\\u0068', 'https://zzhc.vnet\\');
    const ev = evidenceOf(r, 'zzhc.vnet.cn').filter((e) => e.startsWith('system/etc/reg.properties|'));
    expect(ev).toEqual([url, escaped, all, continued].map((o) => `system/etc/reg.properties||file|${o}`).sort());
    expect(evidenceOf(r, 'hc.vnet.cn')).toEqual([]);
  });

  it('JSON escapes (\\u, \\/) in a .json file and an APK asset', async () => {
    const r = await scanned();
    const [url, all] = offsets(join(ETC, 'reg.json'), 'https:\\/\\/', '\\u007a\\u007a\\u0068');
    const ev = evidenceOf(r, 'zzhc.vnet.cn');
    expect(ev).toEqual(expect.arrayContaining([`system/etc/reg.json||file|${url}`, `system/etc/reg.json||file|${all}`]));
    const asset = execFileSync('unzip', ['-p', APK, 'assets/config.json'], { encoding: 'latin1' });
    expect(ev).toContain(`system/app/Enc/Enc.apk|assets/config.json|asset|${asset.indexOf('https:')}`);
    const props = execFileSync('unzip', ['-p', APK, 'assets/app.properties'], { encoding: 'latin1' });
    expect(ev).toContain(`system/app/Enc/Enc.apk|assets/app.properties|asset|${props.indexOf('http\\:')}`);
  });

  it('XML character references and a CDATA section in a plain-text XML file', async () => {
    const r = await scanned();
    const [url, cdata] = offsets(join(ETC, 'reg.xml'), 'http://&#x7a;', 'zz<![CDATA[');
    expect(evidenceOf(r, 'zzhc.vnet.cn')).toEqual(expect.arrayContaining([`system/etc/reg.xml||file|${url}`, `system/etc/reg.xml||file|${cdata}`]));
  });

  it('a percent-encoded URL host, partly or all in escapes, as OkHttp decodes it', async () => {
    const r = await scanned();
    const [first, second] = offsets(join(ETC, 'urls.txt'), 'http://%7A', 'https://%7a');
    expect(evidenceOf(r, 'zzhc.vnet.cn')).toEqual(expect.arrayContaining([`system/etc/urls.txt||file|${first}`, `system/etc/urls.txt||file|${second}`]));
  });

  it('base64 runs of text (standard, URL-safe unpadded) in a text file, a DEX string and a string resource, each at the offset of its run', async () => {
    const r = await scanned();
    // What the tools see: the string in the resource pool and the const-string.
    expect(readFileSync(join(DIR, 'Enc.strings.txt'), 'utf8')).toContain(B64);
    expect(readFileSync(join(DIR, 'Enc.dexdump.txt'), 'utf8')).toContain(`const-string v0, "${B64}"`);
    const [std] = offsets(join(ETC, 'b64.txt'), B64);
    const ev = evidenceOf(r, 'zzhc.vnet.cn');
    expect(ev).toContain(`system/etc/b64.txt||file|${std}`);
    const dex = execFileSync('unzip', ['-p', APK, 'classes.dex'], { encoding: 'latin1' });
    expect(ev).toContain(`system/app/Enc/Enc.apk|classes.dex|dex|${dex.indexOf(B64)}`);
    expect(ev.some((e) => e.startsWith('system/app/Enc/Enc.apk|resources.arsc|arsc|'))).toBe(true);
    const safe = readFileSync(join(ETC, 'b64.txt'), 'latin1').split('\n')[1].slice('next '.length);
    expect(evidenceOf(r, '10659401')).toEqual([`system/etc/b64.txt||file|${offsets(join(ETC, 'b64.txt'), safe)[0]}`]);
    expect(r.findings.some((f) => f.rule === 'denied-endpoint' && f.endpoint === 'zzhc.vnet.cn')).toBe(true);
  });

  it('base64 of binary data (no text) adds no endpoint: the benign file gives none', async () => {
    const r = await scanned();
    const fromBenign = r.targets[0].endpoints.filter((e) => e.evidence.some((v) => v.path === 'system/etc/benign-b64.txt'));
    expect(fromBenign.map((e) => e.value)).toEqual([]);
  });
});
