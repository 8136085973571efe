/**
 * Endpoints written in the escapes and encodings an app or Android decodes (red team, finding
 * 5b/5c): `http\://\u007a\u007ahc.vnet.cn` in a .properties file is zzhc.vnet.cn to
 * java.util.Properties, not hc.vnet.cn. Fixtures: scripts/fixtures/build-encoded.sh (text files
 * by python3, an APK by aapt2 and smali; aapt2 dump strings and dexdump -d kept beside it).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { RecordingLogger } from '../../src/logging.js';
import type { Report } from '../../src/report/model.js';
import { scan } from '../../src/scan.js';
import { scanIn, TODAY } from '../helpers/scan.js';

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

describe('a large text file, read chunk by chunk (past the chunk size), decoded as a small one is', () => {
  /** Filler units of each kind of file, each ending with its separator, and how the file starts and ends. */
  const KINDS: [file: string, unit: (i: number) => string, head: string, tail: string][] = [
    ['reg.properties', (i) => `filler.${i}=value ${i}\n`, '# big\n', ''],
    ['reg.json', (i) => `"v${i}",`, '{"k":[', '0]}'],
    ['reg.xml', (i) => `<i>v${i}</i>\n`, '<r>\n', '</r>\n'],
    ['urls.txt', (i) => `line ${i} of text\n`, '', ''],
    ['b64.txt', (i) => `line ${i} of text\n`, '', ''],
  ];
  const MIB = 1 << 20;

  /**
   * The fixture file's text (written by python3: scripts/fixtures/build-encoded.sh) three times in
   * filler of its kind: near the start, and across the marks at `chunk` and twice it (chunk
   * boundaries), each copy starting on a unit boundary. The text, and where each copy starts.
   */
  function bigText([file, unit, head, tail]: (typeof KINDS)[number], chunk: number): { text: string; at: number[] } {
    const text = readFileSync(join(ETC, file), 'latin1');
    const sep = file.endsWith('.json') ? ',' : '\n';
    const parts: string[] = [head];
    let size = head.length;
    const at: number[] = [];
    const targets = [100, chunk - (text.length >> 1), 2 * chunk - (text.length >> 1)];
    for (let i = 0; size < 3 * chunk; i++) {
      if (at.length < targets.length && size >= targets[at.length]) {
        at.push(size);
        parts.push(text + sep);
        size += text.length + sep.length;
      }
      const u = unit(i);
      parts.push(u);
      size += u.length;
    }
    parts.push(tail);
    return { text: parts.join(''), at };
  }

  /** What the small fixture file gives: "value offset" of each evidence. */
  async function fromSmall(file: string): Promise<string[]> {
    const small = (await scanIn(DIR, { inputs: ['tree'] })).targets[0].endpoints.flatMap((e) =>
      e.evidence.filter((v) => v.path === `system/etc/${file}`).map((v) => `${e.value} ${v.offset}`),
    );
    expect(small.length).toBeGreaterThan(0);
    return small;
  }

  it.each(KINDS)('%s: the same endpoints at the same offsets as when the file is read whole, in a line cut by a chunk boundary too', async (...kind) => {
    const file = kind[0];
    const dir = mkdtempSync(join(tmpdir(), 'ag-bigtext-'));
    try {
      const etc = join(dir, 'build', 'system', 'etc');
      mkdirSync(etc, { recursive: true });
      const { text, at } = bigText(kind, MIB);
      writeFileSync(join(etc, `big-${file}`), text, 'latin1');
      const run = async (chunkBytes?: number): Promise<string[]> => {
        const r = await scan({ inputs: ['build'], market: 'EU', failOn: 'never', cwd: dir, now: TODAY }, new RecordingLogger(), chunkBytes ? { limits: { chunkBytes } } : {});
        return r.targets[0].endpoints.flatMap((e) => e.evidence.map((v) => `${e.value} ${v.path}@${v.offset}`)).sort();
      };
      // Read whole (3 MiB is under the default 16 MiB chunk), each copy gives what the small
      // file gives, at its own offset; then in chunks of 1 MiB, the same.
      const whole = await run();
      const small = await fromSmall(file);
      const expected = at.flatMap((a) => small.map((l) => `${l.split(' ')[0]} system/etc/big-${file}@${a + Number(l.split(' ')[1])}`));
      expect(whole).toEqual(expect.arrayContaining(expected));
      expect(whole.some((l) => l.startsWith('hc.vnet.cn '))).toBe(false);
      expect(await run(MIB)).toEqual(whole);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(KINDS.filter((k) => k[0] === 'reg.properties' || k[0] === 'b64.txt'))('%s as an asset of 48 MiB (inflated whole, decoded 16 MiB at a time): every copy found at its offset', async (...kind) => {
    const file = kind[0];
    const dir = mkdtempSync(join(tmpdir(), 'ag-bigasset-'));
    try {
      mkdirSync(join(dir, 'assets'));
      mkdirSync(join(dir, 'build', 'system', 'etc'), { recursive: true });
      const { text, at } = bigText(kind, 16 * MIB);
      writeFileSync(join(dir, 'assets', `big-${file}`), text, 'latin1');
      execFileSync('zip', ['-q', '-1', join(dir, 'build', 'system', 'etc', 'big.zip'), `assets/big-${file}`], { cwd: dir });
      const r = await scan({ inputs: ['build'], market: 'EU', failOn: 'never', cwd: dir, now: TODAY }, new RecordingLogger());
      const got = r.targets[0].endpoints.flatMap((e) => e.evidence.map((v) => `${e.value} ${v.entry}@${v.offset}`));
      const small = await fromSmall(file);
      expect(got.sort()).toEqual(at.flatMap((a) => small.map((l) => `${l.split(' ')[0]} assets/big-${file}@${a + Number(l.split(' ')[1])}`)).sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
