/**
 * xz, bzip2, zstd and LZ4 files (and such entries of an APK or JAR) are scanned for what they
 * hold, as gzip ones are: an app can ship its registration config compressed and unpack it at run
 * time. Every input is made by the real tools (xz, bzip2, zstd, pzstd, lz4, zip). Decompression is bounded
 * by the per-entry cap and the file's inflation budget, and data that does not decompress is
 * unreadable (fail closed).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { RecordingLogger } from '../../src/logging.js';
import type { Report } from '../../src/report/model.js';
import { scan } from '../../src/scan.js';
import { compressionOf } from '../../src/formats/codecs.js';
import { haveTools } from '../containers/helpers.js';
import { TODAY } from '../helpers/scan.js';
import { put, tempDir } from '../helpers/temp.js';
import { pipe } from '../helpers/tools.js';
import type { Limits } from '../../src/extract/limits.js';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const TOOLS = ['xz', 'bzip2', 'zstd', 'pzstd', 'lz4', 'zip'];
const present = haveTools(...TOOLS);
if (!present) console.warn(`SKIPPED xz/bzip2/zstd/lz4 contents: needs ${TOOLS.join(', ')} (apt-get install xz-utils bzip2 zstd lz4 zip)`);
const withTools = present ? describe : describe.skip;

const TEXT = 'server = http://zzhc.vnet.cn/zzhc/register\nbackup = https://dm.wo.com.cn:6001/\n';
const AT_ZZHC = TEXT.indexOf('http://zzhc');
const AT_WO = TEXT.indexOf('https://dm.wo');

function scanBuild(dir: string, limits?: Partial<Limits>): Promise<Report> {
  return scan({ inputs: ['build'], market: 'EU', failOn: 'never', cwd: dir, now: TODAY }, new RecordingLogger(), limits ? { limits } : {});
}

/** [path, entry or null, offset] of each piece of evidence of `value` in files under `prefix`. */
function evidenceOf(report: Report, value: string, prefix = ''): [string, string | null, number | undefined][] {
  const ep = report.targets[0].endpoints.find((e) => e.value === value);
  return (ep?.evidence ?? []).filter((e) => e.path.startsWith(prefix)).map((e) => [e.path, e.entry ?? null, e.offset]);
}

withTools('xz, bzip2, zstd and LZ4 contents', () => {
  it('a file compressed by each tool (one stream, two streams, pzstd\'s skippable frames) is scanned at offsets in its text', async () => {
    const dir = tempDir('ag-compressed-');
    const twice = TEXT + TEXT;
    const files: [string, Buffer][] = [
      ['reg.conf.xz', pipe('xz', ['-c'], TEXT)],
      ['reg.conf.bz2', pipe('bzip2', ['-c'], TEXT)],
      ['reg.conf.zst', pipe('zstd', ['-c', '-q'], TEXT)],
      ['reg.pzstd.zst', pipe('pzstd', ['-c', '-q'], TEXT)],
      ['two.xz', Buffer.concat([pipe('xz', ['-c'], TEXT), pipe('xz', ['-c'], TEXT)])],
      ['two.bz2', Buffer.concat([pipe('bzip2', ['-c'], TEXT), pipe('bzip2', ['-c'], TEXT)])],
      ['two.zst', Buffer.concat([pipe('zstd', ['-c', '-q'], TEXT), pipe('zstd', ['-c', '-q'], TEXT)])],
      ['reg.conf.lz4', pipe('lz4', ['-c', '-q'], TEXT)],
      ['reg.legacy.lz4', pipe('lz4', ['-l', '-c', '-q'], TEXT)],
      ['reg.bx.lz4', pipe('lz4', ['-c', '-q', '-BX', '--no-frame-crc', '-9'], TEXT)],
      ['two.lz4', Buffer.concat([pipe('lz4', ['-c', '-q'], TEXT), pipe('lz4', ['-l', '-c', '-q'], TEXT)])],
    ];
    // One scan per file: an endpoint's evidence is capped (first 20 by path) across an input.
    const second = TEXT.length;
    for (const [name, data] of files) {
      // The tool reads back what we are to find.
      const tool = name.endsWith('.xz') ? 'xz' : name.endsWith('.bz2') ? 'bzip2' : name.endsWith('.lz4') ? 'lz4' : 'zstd';
      expect(pipe(tool, ['-d', '-c'], data).toString()).toBe(name.startsWith('two') ? twice : TEXT);
      expect(compressionOf(data)).toBe(tool);
      const one = join(dir, name);
      put(join(one, 'build', 'system', 'etc', name), data);
      const report = await scanBuild(one);
      expect(report.targets[0].unreadable).toEqual([]);
      // Offsets in the decompressed text. zstd and LZ4 keep text this short as it is, so the
      // file's own bytes hold it too, at its offset in the file: both are listed (a file's own
      // bytes are scanned as well as what they decompress to: a skippable frame can hold anything).
      const hits = evidenceOf(report, 'zzhc.vnet.cn').map((e) => e[2]);
      expect(hits).toContain(AT_ZZHC);
      if (name.startsWith('two')) expect(hits).toContain(second + AT_ZZHC);
      expect(evidenceOf(report, 'dm.wo.com.cn').map((e) => e[2])).toContain(AT_WO);
      expect(report.findings.some((f) => f.rule === 'denied-endpoint' && f.endpoint === 'zzhc.vnet.cn')).toBe(true);
    }
  });

  it('an xz, bzip2, zstd or LZ4 asset of a JAR (made by zip) is scanned, with the entry named', async () => {
    const dir = tempDir('ag-compressed-jar-');
    put(join(dir, 'src', 'assets', 'a.xz'), pipe('xz', ['-c'], TEXT));
    put(join(dir, 'src', 'assets', 'b.bz2'), pipe('bzip2', ['-c'], TEXT));
    put(join(dir, 'src', 'assets', 'c.zst'), pipe('zstd', ['-c', '-q', '-19'], TEXT));
    put(join(dir, 'src', 'assets', 'd.lz4'), pipe('lz4', ['-c', '-q'], TEXT));
    mkdirSync(join(dir, 'build', 'system', 'framework'), { recursive: true });
    execFileSync('zip', ['-q', '-r', join(dir, 'build', 'system', 'framework', 'reg.jar'), 'assets'], { cwd: join(dir, 'src') });
    const report = await scanBuild(dir);
    expect(report.targets[0].unreadable).toEqual([]);
    expect(evidenceOf(report, 'dm.wo.com.cn')).toEqual(
      expect.arrayContaining([
        ['system/framework/reg.jar', 'assets/a.xz', AT_WO],
        ['system/framework/reg.jar', 'assets/b.bz2', AT_WO],
        ['system/framework/reg.jar', 'assets/c.zst', AT_WO],
        ['system/framework/reg.jar', 'assets/d.lz4', AT_WO],
      ]),
    );
  });

  it('a zlib stream (as Java\'s DeflaterOutputStream writes one; here Python\'s zlib, the same library) in an asset or a file is scanned; bytes that only start like one are data; a zlib bomb is unreadable', async () => {
    const dir = tempDir('ag-compressed-zlib-');
    const zlib = (text: string, level = 9): Buffer => execFileSync('python3', ['-c', `import sys,zlib;sys.stdout.buffer.write(zlib.compress(sys.stdin.buffer.read(), ${level}))`], { input: text, maxBuffer: 1 << 26 });
    const z = zlib(TEXT);
    expect([z[0], z[1]]).toEqual([0x78, 0xda]);
    put(join(dir, 'src', 'assets', 'servers.z'), z);
    // Valid zlib headers followed by bytes that are no deflate stream (78 9c, 78 da, then text).
    put(join(dir, 'src', 'assets', 'notes.bin'), Buffer.concat([Buffer.from([0x78, 0x9c]), Buffer.from('not a deflate stream at all, just bytes')]));
    mkdirSync(join(dir, 'build', 'system', 'framework'), { recursive: true });
    execFileSync('zip', ['-q', '-r', join(dir, 'build', 'system', 'framework', 'reg.jar'), 'assets'], { cwd: join(dir, 'src') });
    put(join(dir, 'build', 'system', 'etc', 'reg.conf.z'), z);
    put(join(dir, 'build', 'system', 'etc', 'splash.raw'), Buffer.concat([Buffer.from([0x78, 0xda]), Buffer.alloc(64, 0xff)]));
    const report = await scanBuild(dir);
    expect(report.targets[0].unreadable).toEqual([]);
    expect(evidenceOf(report, 'zzhc.vnet.cn').map(([p, e]) => [p, e])).toEqual([
      ['system/etc/reg.conf.z', null],
      ['system/framework/reg.jar', 'assets/servers.z'],
    ]);
    // 24 MiB of zeros then the URL: past the 1 MiB cap.
    put(join(dir, 'build', 'system', 'etc', 'bomb.z'), zlib('\0'.repeat(24 << 20) + TEXT));
    const bombed = await scanBuild(dir, { maxEntryBytes: 1 << 20 });
    expect(bombed.targets[0].unreadable.map((u) => [u.path, u.format, u.reason])).toEqual([
      ['system/etc/bomb.z', 'zlib', 'zlib data that decompresses to more than 1048576 bytes, past the cap; not scanned'],
    ]);
  });

  it('a bomb stops at the file\'s inflation budget, or at the per-entry cap: unreadable, nothing scanned from it', async () => {
    const dir = tempDir('ag-compressed-bomb-');
    // 24 MiB of zeros, then a URL: far more than 2048 times the compressed size and 1 MiB.
    const bomb = Buffer.concat([Buffer.alloc(24 << 20), Buffer.from(TEXT)]);
    const etc = join(dir, 'build', 'system', 'etc');
    put(join(etc, 'bomb.xz'), pipe('xz', ['-c', '-9'], bomb));
    put(join(etc, 'bomb.bz2'), pipe('bzip2', ['-c', '-9'], bomb));
    put(join(etc, 'bomb.zst'), pipe('zstd', ['-c', '-q', '-19'], bomb));
    for (const f of ['bomb.xz', 'bomb.bz2', 'bomb.zst']) expect(readFileSync(join(etc, f)).length * 2048 + (1 << 20)).toBeLessThan(24 << 20);
    const report = await scanBuild(dir);
    const unreadable = report.targets[0].unreadable.map((u) => [u.path, u.format, u.reason]);
    expect(unreadable).toEqual([
      ['system/etc/bomb.bz2', 'bzip2', expect.stringMatching(/inflation budget \(2048 times its size and 1 MiB\) is spent; its bzip2 data not scanned$/)],
      ['system/etc/bomb.xz', 'xz', expect.stringMatching(/inflation budget .* is spent; its xz data not scanned$/)],
      ['system/etc/bomb.zst', 'zstd', expect.stringMatching(/inflation budget .* is spent; its zstd data not scanned$/)],
    ]);
    expect(evidenceOf(report, 'zzhc.vnet.cn')).toEqual([]);
    expect(report.findings.filter((f) => f.rule === 'unreadable-artifact')).toHaveLength(3);
    // Under a per-entry cap smaller than the budget, the cap is what stops it.
    const capped = await scanBuild(dir, { maxEntryBytes: 1 << 20 });
    expect(capped.targets[0].unreadable.map((u) => u.reason)).toEqual([
      expect.stringMatching(/^bzip2 data that decompresses to more than 1048576 bytes, past the 1048576-byte cap; not scanned$/),
      expect.stringMatching(/^xz data that decompresses to more than 1048576 bytes, past the 1048576-byte cap; not scanned$/),
      // zstd -19 declares an 8 MiB window: refused before decoding.
      'zstd data that has a frame whose window is 8388608 bytes, more than 1048576, past the 1048576-byte cap; not scanned',
    ]);
  });

  it('decoding work is bounded too: thousands of tiny bzip2 streams or zstd frames (valid, as the tools read them) are refused before they cost minutes', async () => {
    const dir = tempDir('ag-compressed-work-');
    const etc = join(dir, 'build', 'system', 'etc');
    // seek-bzip allocates a whole 900 kB block buffer per block; fzstd moves its whole window per block.
    // Each stream or frame as the tool writes one byte read from a pipe, repeated (the tools read
    // concatenated streams and frames as one file).
    const stream = pipe('bzip2', ['-c', '-9'], 'a');
    const frame = pipe('zstd', ['-c', '-q'], 'a');
    const streams = Buffer.concat(Array.from({ length: 2000 }, () => stream));
    const many = Buffer.concat(Array.from({ length: 40000 }, () => frame));
    put(join(etc, 'streams.bz2'), streams);
    put(join(etc, 'frames.zst'), many);
    expect(pipe('bzip2', ['-d', '-c'], streams).toString()).toBe('a'.repeat(2000));
    expect(pipe('zstd', ['-d', '-c'], many).toString()).toBe('a'.repeat(40000));
    const report = await scanBuild(dir);
    expect(report.targets[0].unreadable.map((u) => [u.path, u.reason])).toEqual([
      // 40,000 frames of a 2 MiB window; 2000 blocks of 3.6 MB buffers against a 74 kB file's budget
      ['system/etc/frames.zst', expect.stringMatching(/^zstd data that has frames whose blocks times window \(\d+ bytes\) are more than their output could justify; not scanned$/)],
      ['system/etc/streams.bz2', expect.stringMatching(/^bzip2 data that has more blocks than their output could justify \(\d+ bytes of block buffers\); not scanned$/)],
    ]);
  });

  it('a file of hundreds of thousands of tiny LZ4 frames (each as lz4 writes one byte) is refused by the work bound, in bounded memory', async () => {
    const dir = tempDir('ag-compressed-lz4-many-');
    const frame = pipe('lz4', ['-c', '-q'], 'a');
    const many = Buffer.concat(Array.from({ length: 300000 }, () => frame));
    expect(pipe('lz4', ['-d', '-c'], many).length).toBe(300000);
    put(join(dir, 'build', 'system', 'etc', 'many.lz4'), many);
    const report = await scanBuild(dir);
    expect(report.targets[0].unreadable.map((u) => u.reason)).toEqual([expect.stringMatching(/^lz4 data that has more blocks than their output could justify \(\d+ bytes of work\); not scanned$/)]);
  });

  it('bytes after the last bzip2 stream: zeros are padding, anything else fails closed (a stream after it would be hidden)', async () => {
    const dir = tempDir('ag-compressed-bz2-tail-');
    const etc = join(dir, 'build', 'system', 'etc');
    const first = pipe('bzip2', ['-c'], 'nothing here\n');
    const second = pipe('bzip2', ['-c'], TEXT);
    put(join(etc, 'padded.bz2'), Buffer.concat([second, Buffer.alloc(512)]));
    put(join(etc, 'hidden.bz2'), Buffer.concat([first, Buffer.from('X'), second]));
    const report = await scanBuild(dir);
    expect(evidenceOf(report, 'zzhc.vnet.cn')).toEqual([['system/etc/padded.bz2', null, AT_ZZHC]]);
    expect(report.targets[0].unreadable.map((u) => [u.path, u.reason])).toEqual([
      ['system/etc/hidden.bz2', `bzip2 data that does not decompress (corrupt bzip2 data: bytes after the last stream that are not a bzip2 stream, at offset ${first.length}); not scanned`],
    ]);
  });

  it('a zstd frame after skippable frames longer than a first read, in a file over the per-entry cap: unreadable, not taken for plain data', async () => {
    const dir = tempDir('ag-compressed-skip-');
    // No tool here writes skippable frames this long (the seekable format's do): the 8-byte
    // header is ours (magic 0x184D2A50 and a length, RFC 8878 section 3.1.2), the frame after it
    // is zstd's.
    const skippable = Buffer.alloc(8 + (2 << 20), 0x20);
    skippable.writeUInt32LE(0x184d2a50, 0);
    skippable.writeUInt32LE(2 << 20, 4);
    const data = Buffer.concat([skippable, pipe('zstd', ['-c', '-q'], TEXT)]);
    expect(pipe('zstd', ['-d', '-c'], data).toString()).toBe(TEXT);
    put(join(dir, 'build', 'system', 'etc', 'skip.zst'), data);
    const report = await scanBuild(dir, { maxEntryBytes: 1 << 20 });
    expect(report.targets[0].unreadable).toEqual([
      expect.objectContaining({ path: 'system/etc/skip.zst', format: 'zstd', reason: 'larger than the 1048576-byte cap for parsed files; its zstd data not scanned' }),
    ]);
    // Under the default cap it is read.
    expect(evidenceOf(await scanBuild(dir), 'zzhc.vnet.cn').map((e) => e[2])).toContain(AT_ZZHC);
  });

  const withImages = present && haveTools('mke2fs') && existsSync(CLI) ? it : it.skip;
  /** An ext4 system.img of `files` (made by mke2fs), scanned with 1 worker and 3 times with 2 sharing it in slices under a 6 MiB budget: the same bytes each time. */
  function sameWithSlices(name: string, files: [string, Buffer][]): Report {
    const dir = tempDir(`ag-compressed-${name}-`);
    for (const [file, data] of files) put(join(dir, 'tree', 'etc', file), data);
    mkdirSync(join(dir, 'build'), { recursive: true });
    execFileSync('mke2fs', ['-q', '-F', '-t', 'ext4', '-b', '4096', '-O', '^has_journal', '-d', join(dir, 'tree'), join(dir, 'build', 'system.img'), '32M'], { stdio: 'pipe' });
    const run = (workers: string) =>
      spawnSync('node', [CLI, 'scan', 'build', '--market', 'EU', '--no-policy', '--format', 'json', '--fail-on', 'never', '--quiet', '--now', '2026-11-01'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, ACTIVATION_GATE_WORKERS: workers, ACTIVATION_GATE_SLICE_MIN_BYTES: '1000', ACTIVATION_GATE_MAX_FILE_INFLATED_BYTES: String(6 << 20) },
      });
    const one = run('1');
    expect(one.status).toBe(0);
    for (let i = 0; i < 3; i++) expect(run('2').stdout).toBe(one.stdout);
    return JSON.parse(one.stdout) as Report;
  }

  const text = (bytes: number): Buffer => Buffer.from(Array.from({ length: Math.ceil(bytes / 40) }, (_, i) => `${i} ${(i * 2654435761) >>> 0} line\n`).join('').slice(0, bytes));

  withImages('compressed files in an image shared by 2 workers in slices: the same bytes as 1 worker, though they spend one budget in any order (bzip2 work bound)', () => {
    sameWithSlices('slices-bz2', [
      ['a.bz2', pipe('bzip2', ['-c', '-9'], text(4 << 20))],
      ['b.bz2', Buffer.concat(Array.from({ length: 25 }, () => pipe('bzip2', ['-c', '-9'], TEXT)))],
    ]);
  });

  withImages('bombs and corrupt files that spend one budget, given what is left of it: the same bytes with 2 workers in slices as with 1', () => {
    const zeros = pipe('gzip', ['-c', '-n'], Buffer.alloc(2 << 20));
    const cut = pipe('gzip', ['-c', '-n'], text(1 << 20));
    const report = sameWithSlices('slices-bombs', [
      // Past the whole budget: it spends all of it, however much the other slice charged meanwhile.
      ['a.bz2', pipe('bzip2', ['-c', '-9'], Buffer.alloc(64 << 20))],
      ...Array.from({ length: 6 }, (_, i): [string, Buffer] => [`b${i}.gz`, zeros]),
      ['c.gz', cut.subarray(0, cut.length - 100)],
      ['d.gz', pipe('gzip', ['-c', '-n'], TEXT)],
    ]);
    // Three 2 MiB bombs fit the 6 MiB budget; what comes after them is refused for it.
    const reasons = report.targets[0].unreadable.map((u) => u.reason);
    expect(reasons.filter((r) => r.includes('inflation budget is spent')).length).toBeGreaterThanOrEqual(3);
  });

  withImages('... and whatever fails first in a slice (here: bytes after the last frame, not the budget) does not depend on what other slices spent (zstd)', () => {
    const zeros = (n: number) => Buffer.alloc(n);
    const dir = tempDir('ag-compressed-zsrc-');
    // From files, so that zstd writes the content size in each frame header.
    const made = (name: string, data: Buffer) => {
      put(join(dir, name), data);
      execFileSync('zstd', ['-q', '-f', join(dir, name), '-o', join(dir, `${name}.zst`)]);
      return readFileSync(join(dir, `${name}.zst`));
    };
    const report = sameWithSlices('slices-zst', [
      // Dealt to one slice, c to the other, which reaches c before a is charged: c must not then
      // see more of the budget than it would after a on one thread. Nothing here is refused by a
      // charge, so the slices' result stands (no whole re-extraction to hide a difference).
      ['a.zst', made('a', text(4 << 20))],
      ['c.zst', Buffer.concat([made('c', zeros(3 << 20)), Buffer.from('XXXXXXXX')])],
    ]);
    expect(report.targets[0].unreadable.map((u) => [u.path, u.reason])).toEqual([
      ['system.img!/etc/c.zst', expect.stringMatching(/^zstd data that does not decompress \(.*bytes that are not a zstd frame after the last frame.*\); not scanned$/)],
    ]);
  });

  it('what decoding costs is charged, not only what it gives: two zstd --long=27 entries (1 MB each, a 128 MiB window moved per block) spend an 8 MiB budget where their output would not', async () => {
    const dir = tempDir('ag-compressed-work-');
    const random = execFileSync('head', ['-c', '1000000', '/dev/urandom'], { maxBuffer: 4 << 20 });
    for (const name of ['z1.zst', 'z2.zst']) {
      const z = put(join(dir, 'work', 'assets', name), pipe('zstd', ['--long=27', '-q', '-c'], random));
      // zstd reads it back, and says what window it declares.
      expect(execFileSync('zstd', ['-lv', z]).toString()).toContain('Window Size: 128 MiB');
    }
    mkdirSync(join(dir, 'build', 'system', 'app', 'X'), { recursive: true });
    execFileSync('zip', ['-q', '-0', '-r', join(dir, 'build', 'system', 'app', 'X', 'X.jar'), 'assets'], { cwd: join(dir, 'work'), stdio: 'ignore' });
    const r = await scanBuild(dir, { maxFileInflatedBytes: 8 << 20 });
    // Each moves its window once per 128 KiB block: 8 blocks x 128 MiB = 1 GiB, which stands for
    // 4 MiB of output at 256 bytes of moves a byte. The first read is charged that; the second,
    // given what is left, would be charged more than is left.
    expect(r.targets[0].unreadable.map((u) => [u.path, u.reason])).toEqual([
      [expect.stringMatching(/^system\/app\/X\/X\.jar!\/assets\/z[12]\.zst$/), expect.stringContaining('inflation budget is spent')],
    ]);
  });

  it('a JAR of many tiny bzip2 files (each -9: one 900 kB block buffer) is read whole: a block is charged as time, not as its buffer', async () => {
    const dir = tempDir('ag-compressed-tiny-bz2-');
    for (let i = 0; i < 40; i++) put(join(dir, 'work', 'assets', `d${i}.txt.bz2`), pipe('bzip2', ['-c', '-9'], `word list ${i} alpha beta gamma\n`));
    mkdirSync(join(dir, 'build', 'system', 'app', 'X'), { recursive: true });
    execFileSync('zip', ['-q', '-X', '-r', join(dir, 'build', 'system', 'app', 'X', 'dict.jar'), 'assets'], { cwd: join(dir, 'work'), stdio: 'ignore' });
    const r = await scanBuild(dir);
    expect(r.targets[0].unreadable).toEqual([]);
  });

  it('a truncated gzip file spends what it gave before its end, not what deflate could give: a file after it in the same archive is still read', async () => {
    const dir = tempDir('ag-compressed-cut-gz-');
    const gz = pipe('gzip', ['-c', '-n'], text(2 << 20));
    put(join(dir, 'work', 'a.gz'), gz.subarray(0, gz.length >> 1));
    put(join(dir, 'work', 'b.gz'), pipe('gzip', ['-c', '-n'], TEXT));
    mkdirSync(join(dir, 'build', 'system', 'app', 'X'), { recursive: true });
    execFileSync('zip', ['-q', '-0', join(dir, 'build', 'system', 'app', 'X', 'X.jar'), 'a.gz', 'b.gz'], { cwd: join(dir, 'work'), stdio: 'ignore' });
    // 1032 times the cut file's length would be past the 64 MiB budget; what it gave is ~1 MiB.
    expect(1032 * (gz.length >> 1)).toBeGreaterThan(64 << 20);
    const r = await scanBuild(dir, { maxFileInflatedBytes: 64 << 20 });
    expect(r.targets[0].unreadable.map((u) => [u.path, u.reason])).toEqual([
      ['system/app/X/X.jar!/a.gz', expect.stringContaining('gzip data that does not decompress (unexpected end of file)')],
    ]);
    expect(evidenceOf(r, 'zzhc.vnet.cn')).toEqual([['system/app/X/X.jar', 'b.gz', AT_ZZHC]]);
  });

  it('xz with a BCJ filter (xz --x86) is unreadable, saying why', async () => {
    const dir = tempDir('ag-compressed-bcj-');
    const data = pipe('xz', ['-c', '--x86', '--lzma2'], TEXT);
    expect(pipe('xz', ['-d', '-c'], data).toString()).toBe(TEXT);
    put(join(dir, 'build', 'system', 'etc', 'bcj.xz'), data);
    const report = await scanBuild(dir);
    expect(report.targets[0].unreadable).toEqual([
      expect.objectContaining({ path: 'system/etc/bcj.xz', format: 'xz', reason: expect.stringContaining('a filter or integrity check the decoder does not support (a BCJ filter') }),
    ]);
  });

  it('LZ4 (at most 255 to 1: a file alone never spends its own budget): past the per-entry cap, unreadable; linked blocks (lz4 -B4 -BD) are not decoded', async () => {
    const dir = tempDir('ag-compressed-lz4-');
    const etc = join(dir, 'build', 'system', 'etc');
    const big = Buffer.concat([Buffer.alloc(3 << 20), Buffer.from(TEXT)]);
    put(join(etc, 'big.lz4'), pipe('lz4', ['-c', '-q'], big));
    // 200 kB of text in 64 KB blocks, each one referring to the one before.
    const text = Buffer.from(Array.from({ length: 3000 }, (_, i) => `${i}: ${TEXT}`).join(''));
    const linked = pipe('lz4', ['-c', '-q', '-B4', '-BD'], text);
    expect(linked[4] & 0x20).toBe(0); // the frame descriptor's block-independence flag is clear
    expect(pipe('lz4', ['-d', '-c'], linked)).toEqual(text);
    put(join(etc, 'linked.lz4'), linked);
    const whole = await scanBuild(dir);
    // (LZ4 keeps literals as they are: the file's own bytes hold the text too, at its place in the file.)
    expect(evidenceOf(whole, 'zzhc.vnet.cn', 'system/etc/big.lz4')).toContainEqual(['system/etc/big.lz4', null, (3 << 20) + AT_ZZHC]);
    expect(whole.targets[0].unreadable.map((u) => [u.path, u.reason])).toEqual([
      ['system/etc/linked.lz4', 'lz4 data that does not decompress (a frame of linked blocks (lz4 -BD), which this reader does not decode, at offset 0); not scanned'],
    ]);
    const capped = await scanBuild(dir, { maxEntryBytes: 1 << 20 });
    expect(capped.targets[0].unreadable.find((u) => u.path === 'system/etc/big.lz4')?.reason).toBe('lz4 data that decompresses to more than 1048576 bytes, past the 1048576-byte cap; not scanned');
  });

  it('a zstd frame whose window is over the per-entry cap is refused before the decoder allocates it (zstd --long)', async () => {
    const dir = tempDir('ag-compressed-window-');
    // Streamed (no content size in the header): --long=27 declares a 128 MiB window.
    put(join(dir, 'build', 'system', 'etc', 'long.zst'), pipe('zstd', ['-c', '-q', '--long=27'], Buffer.concat([Buffer.from(TEXT), Buffer.alloc(4 << 20)])));
    const report = await scanBuild(dir, { maxEntryBytes: 64 << 20 });
    expect(report.targets[0].unreadable).toEqual([
      expect.objectContaining({ path: 'system/etc/long.zst', format: 'zstd', reason: 'zstd data that has a frame whose window is 134217728 bytes, more than 67108864, past the 67108864-byte cap; not scanned' }),
    ]);
  });

  it('data that does not decompress is unreadable; text that merely starts like bzip2 is plain text', async () => {
    const dir = tempDir('ag-compressed-bad-');
    const etc = join(dir, 'build', 'system', 'etc');
    const cut = (b: Buffer) => b.subarray(0, b.length - 9);
    put(join(etc, 'cut.xz'), cut(pipe('xz', ['-c'], TEXT.repeat(40))));
    put(join(etc, 'cut.bz2'), cut(pipe('bzip2', ['-c'], TEXT.repeat(40))));
    put(join(etc, 'cut.zst'), cut(pipe('zstd', ['-c', '-q'], TEXT.repeat(40))));
    put(join(etc, 'cut.lz4'), cut(pipe('lz4', ['-c', '-q'], TEXT.repeat(40))));
    const flipped = Buffer.from(pipe('bzip2', ['-c'], TEXT.repeat(40)));
    flipped[flipped.length >> 1] ^= 0x55;
    put(join(etc, 'flipped.bz2'), flipped);
    // A zstd frame made with a trained dictionary (zstd --train, then -D): the file does not carry it.
    const samples = join(dir, 'samples');
    for (let i = 1; i <= 300; i++) put(join(samples, `${i}.txt`), `server${i} = http://host${i}.example.com/path/${i}?imei=${i * 7}\nbackup = https://dm${i}.wo.com.cn:6001/\n`);
    execFileSync('zstd', ['-q', '--train', '-o', join(dir, 'dict'), ...Array.from({ length: 300 }, (_, i) => join(samples, `${i + 1}.txt`))], { stdio: 'pipe' });
    put(join(etc, 'dict.zst'), pipe('zstd', ['-q', '-c', '-D', join(dir, 'dict')], TEXT));
    const dictId = readFileSync(join(etc, 'dict.zst')).readUInt32LE(6);
    // 'BZh9' and no block magic after it (bzip2 data starts 'BZh9' then 1AY&SY or the end-of-stream magic).
    put(join(etc, 'notes.txt'), `BZh9 starts bzip2 data; see ${TEXT}`);
    const report = await scanBuild(dir);
    expect(report.targets[0].unreadable.map((u) => [u.path, u.format, u.reason.replace(/\(.*\)/, '(...)')])).toEqual([
      ['system/etc/cut.bz2', 'bzip2', 'bzip2 data that does not decompress (...); not scanned'],
      ['system/etc/cut.lz4', 'lz4', 'lz4 data that does not decompress (...); not scanned'],
      ['system/etc/cut.xz', 'xz', 'xz data that does not decompress (...); not scanned'],
      ['system/etc/cut.zst', 'zstd', 'zstd data that does not decompress (...); not scanned'],
      ['system/etc/dict.zst', 'zstd', 'zstd data that does not decompress (...); not scanned'],
      ['system/etc/flipped.bz2', 'bzip2', 'bzip2 data that does not decompress (...); not scanned'],
    ]);
    expect(report.targets[0].unreadable.find((u) => u.path === 'system/etc/dict.zst')?.reason).toBe(
      `zstd data that does not decompress (a frame compressed with dictionary ${dictId}, which the file does not carry, at offset 0); not scanned`,
    );
    // The real tools refuse them too.
    for (const [tool, f] of [['xz', 'cut.xz'], ['bzip2', 'cut.bz2'], ['zstd', 'cut.zst'], ['zstd', 'dict.zst'], ['bzip2', 'flipped.bz2'], ['lz4', 'cut.lz4']]) {
      expect(() => execFileSync(tool, ['-d', '-c', join(etc, f)], { stdio: 'pipe' })).toThrow();
    }
    expect(evidenceOf(report, 'zzhc.vnet.cn', 'system/etc/notes.txt')).toEqual([['system/etc/notes.txt', null, 'BZh9 starts bzip2 data; see '.length + AT_ZZHC]]);
  });
});
