/**
 * LZMA-alone (`.lzma`) files and APK/JAR entries are scanned for what they hold, as the other
 * compressions are: a listed host range-coded into an asset is found at its offset in the
 * decoded text. Inputs are made by `xz --format=lzma` and `zip`, and the committed files of
 * scripts/fixtures/build-lzma.sh (a declared size, no end marker, as the LZMA SDK writes).
 * Decoding is bounded by the per-entry cap and the file's inflation budget; LZMA that does not
 * decode is unreadable (fail closed); data that only starts like an LZMA header is plain data.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { RecordingLogger } from '../../src/logging.js';
import type { Report } from '../../src/report/model.js';
import { scan } from '../../src/scan.js';
import type { Limits } from '../../src/extract/limits.js';
import { haveTools } from '../containers/helpers.js';
import { TODAY } from '../helpers/scan.js';
import { put, tempDir } from '../helpers/temp.js';
import { pipe } from '../helpers/tools.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'lzma');
const REG = readFileSync(join(FIXTURES, 'reg.txt'), 'latin1');
const KNOWN = readFileSync(join(FIXTURES, 'reg.known.lzma'));
const BOMB_KNOWN = readFileSync(join(FIXTURES, 'bomb.known.lzma'));
const AT_REG = REG.indexOf('http://zzhc');
const TEXT = 'server = http://zzhc.vnet.cn/zzhc/register\nbackup = https://dm.wo.com.cn:6001/\n';
const AT_ZZHC = TEXT.indexOf('http://zzhc');

const TOOLS = ['xz', 'zip'];
const present = haveTools(...TOOLS);
if (!present) console.warn(`SKIPPED LZMA-alone contents: needs ${TOOLS.join(', ')} (apt-get install xz-utils zip)`);
const withTools = present ? describe : describe.skip;

const lzma = (input: string | Buffer, ...args: string[]): Buffer => pipe('xz', ['--format=lzma', '-c', ...args], input);

function scanBuild(dir: string, limits?: Partial<Limits>): Promise<Report> {
  return scan({ inputs: ['build'], market: 'EU', failOn: 'never', cwd: dir, now: TODAY }, new RecordingLogger(), limits ? { limits } : {});
}

/** [path, entry or null, offset] of each piece of evidence of `value`. */
function evidenceOf(report: Report, value: string): [string, string | null, number | undefined][] {
  const ep = report.targets[0].endpoints.find((e) => e.value === value);
  return (ep?.evidence ?? []).map((e) => [e.path, e.entry ?? null, e.offset]);
}

withTools('LZMA-alone contents', () => {
  it('a .lzma file (xz --format=lzma), and one named for nothing (a declared size, no end marker), are scanned at offsets in their text', async () => {
    const dir = tempDir('ag-lzma-files-');
    const etc = join(dir, 'build', 'system', 'etc');
    const xzMade = lzma(TEXT);
    expect(pipe('xz', ['-dc', '--format=lzma'], xzMade).toString()).toBe(TEXT);
    expect(xzMade.includes('zzhc')).toBe(false);
    put(join(etc, 'reg.conf.lzma'), xzMade);
    put(join(etc, 'regdata'), KNOWN);
    const report = await scanBuild(dir);
    expect(report.targets[0].unreadable).toEqual([]);
    expect(evidenceOf(report, 'zzhc.vnet.cn')).toEqual(
      expect.arrayContaining([
        ['system/etc/reg.conf.lzma', null, AT_ZZHC],
        ['system/etc/regdata', null, AT_REG],
      ]),
    );
    expect(report.findings.some((f) => f.rule === 'denied-endpoint' && f.endpoint === 'zzhc.vnet.cn')).toBe(true);
  });

  it('an .lzma asset of a JAR (made by zip, deflated or stored) is scanned, with the entry named', async () => {
    const dir = tempDir('ag-lzma-jar-');
    put(join(dir, 'src', 'assets', 'a.lzma'), lzma(TEXT, '-9e'));
    put(join(dir, 'src', 'assets', 'b.bin'), lzma(TEXT, '--lzma1=preset=6,lc=0,lp=2,pb=0'));
    put(join(dir, 'src', 'assets', 'c.lzma'), KNOWN);
    const jar = join(dir, 'build', 'system', 'framework', 'reg.jar');
    mkdirSync(join(dir, 'build', 'system', 'framework'), { recursive: true });
    execFileSync('zip', ['-q', '-r', '-n', '.lzma', jar, 'assets'], { cwd: join(dir, 'src') });
    const report = await scanBuild(dir);
    expect(report.targets[0].unreadable).toEqual([]);
    expect(evidenceOf(report, 'dm.wo.com.cn')).toEqual(
      expect.arrayContaining([
        ['system/framework/reg.jar', 'assets/a.lzma', TEXT.indexOf('https://dm.wo')],
        ['system/framework/reg.jar', 'assets/b.bin', TEXT.indexOf('https://dm.wo')],
      ]),
    );
    expect(evidenceOf(report, 'zzhc.vnet.cn')).toEqual(expect.arrayContaining([['system/framework/reg.jar', 'assets/c.lzma', AT_REG]]));
  });

  it('a bomb (a few KB giving 24 MiB) stops at the file\'s inflation budget, or at the per-entry cap: unreadable, nothing scanned from it', async () => {
    const dir = tempDir('ag-lzma-bomb-');
    const etc = join(dir, 'build', 'system', 'etc');
    put(join(etc, 'bomb.lzma'), lzma(Buffer.concat([Buffer.alloc(24 << 20), Buffer.from(TEXT)]), '-9'));
    put(join(etc, 'bomb.known.lzma'), BOMB_KNOWN);
    const report = await scanBuild(dir);
    expect(report.targets[0].unreadable.map((u) => [u.path, u.format, u.reason])).toEqual([
      ['system/etc/bomb.known.lzma', 'lzma', expect.stringMatching(/inflation budget \(2048 times its size and 1 MiB\) is spent; its lzma data not scanned$/)],
      ['system/etc/bomb.lzma', 'lzma', expect.stringMatching(/inflation budget \(2048 times its size and 1 MiB\) is spent; its lzma data not scanned$/)],
    ]);
    expect(evidenceOf(report, 'zzhc.vnet.cn')).toEqual([]);
    const capped = await scanBuild(dir, { maxEntryBytes: 1 << 20 });
    expect(capped.targets[0].unreadable.map((u) => u.reason)).toEqual([
      `lzma data that declares ${(24 << 20) + REG.length} bytes, more than 1048576, past the 1048576-byte cap; not scanned`,
      'lzma data that decompresses to more than 1048576 bytes, past the 1048576-byte cap; not scanned',
    ]);
  });

  it('LZMA that does not decode is unreadable, as xz -d refuses it; bytes that only start like an LZMA header are plain data', async () => {
    const dir = tempDir('ag-lzma-bad-');
    const etc = join(dir, 'build', 'system', 'etc');
    const cut = lzma(TEXT.repeat(40)).subarray(0, -9);
    put(join(etc, 'cut.lzma'), cut);
    const tail = Buffer.concat([lzma('nothing here\n'), Buffer.from('X'), lzma(TEXT)]);
    put(join(etc, 'hidden.lzma'), tail);
    // xz's header, then text: no range-coded data.
    put(join(etc, 'notes.txt'), Buffer.concat([lzma(TEXT).subarray(0, 14), Buffer.from(`see ${TEXT}`)]));
    for (const f of ['cut.lzma', 'hidden.lzma']) expect(spawnSync('xz', ['-dc', '--format=lzma', join(etc, f)]).status).not.toBe(0);
    const report = await scanBuild(dir);
    expect(report.targets[0].unreadable.map((u) => [u.path, u.format, u.reason])).toEqual([
      ['system/etc/cut.lzma', 'lzma', expect.stringMatching(/^lzma data that does not decompress \(truncated: the data ends after \d+ bytes of output, before the stream does\); not scanned$/)],
      ['system/etc/hidden.lzma', 'lzma', expect.stringMatching(/^lzma data that does not decompress \(\d+ bytes after the end of the stream, at offset \d+, that are not zero padding\); not scanned$/)],
    ]);
    expect(evidenceOf(report, 'zzhc.vnet.cn')).toEqual([['system/etc/notes.txt', null, 14 + 'see '.length + AT_ZZHC]]);
  });

  it('an LZMA file over the per-entry cap is unreadable as compressed data (its raw bytes scanned), not taken for plain data', async () => {
    const dir = tempDir('ag-lzma-large-');
    const data = lzma(Array.from({ length: 400 }, (_, i) => `${createHash('sha256').update(String(i)).digest('hex')}: ${TEXT}`).join(''), '-0');
    expect(data.length).toBeGreaterThan(8192);
    put(join(dir, 'build', 'system', 'etc', 'large.lzma'), data);
    const report = await scanBuild(dir, { maxEntryBytes: 8192 });
    expect(report.targets[0].unreadable.map((u) => [u.path, u.format, u.reason])).toEqual([['system/etc/large.lzma', 'lzma', 'larger than the 8192-byte cap for parsed files; its lzma data not scanned']]);
  });
});
