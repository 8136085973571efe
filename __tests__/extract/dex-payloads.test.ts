/**
 * A root classes.dex was scanned only through its string data (red team, finding 5a): a host in
 * a `fill-array-data` payload (a byte[] or a char[] constant), in link_data, after the map list,
 * between sections or past file_size was not reported. Every byte of a DEX is now scanned, each
 * occurrence once, in the DEX's own evidence (path, entry, source 'dex'). Fixtures:
 * scripts/fixtures/build-dex-payloads.sh (smali, and documented edits of a smali DEX).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { readDexStrings } from '../../src/formats/dex.js';
import { haveTools } from '../containers/helpers.js';
import { scanIn } from '../helpers/scan.js';
import { put, tempDir } from '../helpers/temp.js';

const FIX = join(import.meta.dirname, '..', 'fixtures', 'dex-payloads');
const APKS = join(import.meta.dirname, '..', 'fixtures', 'apks');
const withZip = haveTools('zip', 'unzip') ? describe : describe.skip;
if (!haveTools('zip', 'unzip')) console.warn('SKIPPED DEX payload tests: need zip, unzip');

const dexOf = (name: string): Buffer => readFileSync(join(FIX, `${name}.dex`));

/** The payloads dexdump decodes in payloads.dex, in order: where each one's data starts (after its 8-byte header). */
function payloadData(): number[] {
  const dump = readFileSync(join(FIX, 'payloads.dexdump.txt'), 'utf8');
  return [...dump.matchAll(/^([0-9a-f]{6}): 0003 .*\|[0-9a-f]{4}: array-data/gm)].map((m) => parseInt(m[1], 16) + 8);
}

/** `dex` as the root classes.dex of `jar` (a path in the build) under `dir`. */
function jarWith(dir: string, dex: Buffer, jar: string): void {
  const w = tempDir('ag-dex-payload-w-');
  put(join(w, 'classes.dex'), dex);
  mkdirSync(join(dir, 'build', jar, '..'), { recursive: true });
  execFileSync('zip', ['-q', join(dir, 'build', jar), 'classes.dex'], { cwd: w });
}

type Where = [string, string | undefined, string | undefined, number | undefined];

async function evidence(dir: string): Promise<{ of: (value: string) => Where[]; count: (value: string) => number | undefined; unreadable: { path: string; reason: string }[] }> {
  const report = await scanIn(dir);
  const t = report.targets[0];
  const find = (value: string) => t.endpoints.find((e) => e.value === value);
  return {
    of: (value) => find(value)?.evidence.map((e) => [e.path, e.entry, e.source, e.offset] as Where) ?? [],
    count: (value) => find(value)?.evidenceCount,
    unreadable: t.unreadable,
  };
}

withZip('a root classes.dex: bytes outside its string table', () => {
  it('fill-array-data payloads (dexdump’s array-data): a byte[] host and SMS number, a char[] URL in UTF-16LE, each once at its data', async () => {
    const dex = dexOf('payloads');
    // None of them is a string of the DEX: the string table alone cannot give them.
    const strings = readDexStrings(dex).strings.map((s) => s.value);
    expect(strings.filter((s) => /zzhc|10659401|124\.207/.test(s))).toEqual([]);
    const [host, sms, url] = payloadData();
    expect([dex.toString('latin1', host, host + 12), dex.toString('latin1', sms, sms + 8), dex.toString('utf16le', url, url + 66)]).toEqual(['zzhc.vnet.cn', '10659401', 'http://124.207.3.53:6001/register']);
    const dir = tempDir('ag-dex-payload-');
    jarWith(dir, dex, 'system/framework/reg.jar');
    const r = await evidence(dir);
    expect(r.of('zzhc.vnet.cn')).toEqual([['system/framework/reg.jar', 'classes.dex', 'dex', host]]);
    expect(r.of('10659401')).toEqual([['system/framework/reg.jar', 'classes.dex', 'dex', sms]]);
    expect(r.of('124.207.3.53')).toEqual([['system/framework/reg.jar', 'classes.dex', 'dex', url]]);
    for (const v of ['zzhc.vnet.cn', '10659401', '124.207.3.53']) expect(r.count(v)).toBe(1);
    expect(r.unreadable).toEqual([]);
  });

  it.each([
    ['link', 'link_data (header link_off, link_size)'],
    ['tail', 'bytes after the map list, inside file_size'],
    ['gap', 'unused bytes between the last section and the map list'],
    ['beyond', 'bytes after file_size'],
  ])('%s.dex: %s', async (name) => {
    const dex = dexOf(name);
    const text = `http://zzhc.vnet.cn/${name}`;
    expect(readDexStrings(dex).strings.some((s) => s.value.includes('zzhc'))).toBe(false);
    expect(dex.indexOf(text)).toBeGreaterThan(0);
    const dir = tempDir('ag-dex-payload-');
    jarWith(dir, dex, 'system/framework/reg.jar');
    const r = await evidence(dir);
    expect(r.of('zzhc.vnet.cn')).toEqual([['system/framework/reg.jar', 'classes.dex', 'dex', dex.indexOf(text)]]);
    expect(r.count('zzhc.vnet.cn')).toBe(1);
  });

  it('a DEX whose header cannot be read (a bad endian_tag) is unreadable, and its bytes are still scanned', async () => {
    const dex = Buffer.from(dexOf('link'));
    dex.writeUInt32LE(0x01020304, 0x28);
    const dir = tempDir('ag-dex-payload-');
    jarWith(dir, dex, 'system/framework/reg.jar');
    const r = await evidence(dir);
    expect(r.unreadable.map((u) => [u.path, u.reason])).toEqual([['system/framework/reg.jar!/classes.dex', 'bad endian_tag 0x1020304']]);
    expect(r.of('zzhc.vnet.cn')).toEqual([['system/framework/reg.jar', 'classes.dex', 'dex', dex.indexOf('http://zzhc.vnet.cn/link')]]);
  });

  it('a host in the string table is still one piece of evidence, at its string (the catalogued client’s classes.dex)', async () => {
    const dir = tempDir('ag-dex-payload-');
    execFileSync('unzip', ['-o', '-q', join(APKS, 'autoregistration-cn.apk'), 'classes.dex', '-d', dir]);
    const dex = readFileSync(join(dir, 'classes.dex'));
    const payloads = dexOf('payloads');
    // Both: the client's strings, and a second DEX's payloads.
    jarWith(dir, dex, 'system/framework/client.jar');
    jarWith(dir, payloads, 'system/framework/reg.jar');
    const r = await evidence(dir);
    // One string holds it (strings -t d: http://zzhc.vnet.cn at 1096), its URL's evidence at the URL.
    const at = readDexStrings(dex).strings.filter((s) => s.value.includes('zzhc.vnet.cn'));
    expect(at.map((s) => s.value.indexOf('http://zzhc.vnet.cn'))).toEqual([0]);
    expect(r.of('zzhc.vnet.cn')).toEqual([
      ['system/framework/client.jar', 'classes.dex', 'dex', at[0].start],
      ['system/framework/reg.jar', 'classes.dex', 'dex', payloadData()[0]],
    ]);
  });
});

withZip('a DEX in other places', () => {
  it('a loose .dex file of the walk: its payloads too', async () => {
    const dir = tempDir('ag-dex-payload-');
    put(join(dir, 'build', 'system', 'framework', 'reg.dex'), dexOf('payloads'));
    const r = await evidence(dir);
    expect(r.of('zzhc.vnet.cn')).toEqual([['system/framework/reg.dex', undefined, 'dex', payloadData()[0]]]);
    expect(r.of('10659401')).toEqual([['system/framework/reg.dex', undefined, 'dex', payloadData()[1]]]);
  });

  it('an asset DEX (scanned whole as data before): each payload once', async () => {
    const dir = tempDir('ag-dex-payload-');
    const w = tempDir('ag-dex-payload-w-');
    mkdirSync(join(w, 'assets'), { recursive: true });
    copyFileSync(join(FIX, 'payloads.dex'), join(w, 'assets', 'plugin.dex'));
    mkdirSync(join(dir, 'build', 'system', 'app', 'Notes'), { recursive: true });
    copyFileSync(join(APKS, 'benign.apk'), join(dir, 'build', 'system', 'app', 'Notes', 'Notes.apk'));
    execFileSync('zip', ['-q', join(dir, 'build', 'system', 'app', 'Notes', 'Notes.apk'), 'assets/plugin.dex'], { cwd: w });
    const r = await evidence(dir);
    expect(r.of('zzhc.vnet.cn')).toEqual([['system/app/Notes/Notes.apk', 'assets/plugin.dex', 'asset', payloadData()[0]]]);
    expect(r.count('zzhc.vnet.cn')).toBe(1);
  });
});
