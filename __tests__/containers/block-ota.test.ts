/**
 * Block-based OTA packages (Android 5-10 full OTAs, vendor update zips): `<p>.new.dat[.br]`
 * written where `<p>.transfer.list` says, read as the partition image. The fixtures
 * (scripts/fixtures/build-block-ota.sh) hold a real ext4 image made by mke2fs -d with a
 * catalogued client; its transfer list is written out of order so that concatenating new.dat
 * gives another image. The image our reader rebuilds is written out and checked by e2fsck and
 * debugfs against what they said of the original (oracle.txt).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parseTransferList } from '../../src/formats/blockota.js';
import { FormatError } from '../../src/formats/errors.js';
import { openBlockOta } from '../../src/inputs/containers.js';
import { UNLIMITED_BUDGET } from '../../src/io/mapped.js';
import { BufferSource, FileSource } from '../../src/io/source.js';
import { fuzzRuns } from '../helpers/mutations.js';
import { haveTools, readAll, ROOT, scanInputs, sha256, warnMissing } from './helpers.js';

const OTA = join(ROOT, '__tests__', 'fixtures', 'block-ota');
const tmp = mkdtempSync(join(tmpdir(), 'ag-block-ota-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** What oracle.txt recorded of the original image: each `# name` section's lines. */
function oracle(): Record<string, string> {
  const out: Record<string, string> = {};
  let key = '';
  for (const line of readFileSync(join(OTA, 'oracle.txt'), 'utf8').split('\n')) {
    if (line.startsWith('# ')) key = line.slice(2);
    else out[key] = out[key] === undefined ? line : `${out[key]}\n${line}`;
  }
  return out;
}

const OPTS = { budget: UNLIMITED_BUDGET, maxEntryBytes: 256 << 20, memoryBytes: 64 << 20, maxSpillBytes: 1 << 30 };

async function rebuild(dir: string, newDat: string, opts = OPTS): Promise<Buffer> {
  const image = await openBlockOta(() => FileSource.open(join(dir, newDat)), newDat, readFileSync(join(dir, 'system.transfer.list')), opts);
  try {
    return await readAll(image);
  } finally {
    await image.close();
  }
}

describe('transfer lists', () => {
  it('reads versions 4 and 1: new ranges in the order listed, zero and erase as zeros', () => {
    const v4 = parseTransferList(readFileSync(join(OTA, 'full', 'system.transfer.list')));
    expect(v4).toMatchObject({ version: 4, blocks: 256, newBlocks: 20 });
    // Later blocks first, and the later range of each command first: not sorted.
    expect(v4.newRanges.slice(0, 3)).toEqual([
      [34, 36],
      [18, 19],
      [15, 18],
    ]);
    const v1 = parseTransferList(readFileSync(join(OTA, 'raw', 'system.transfer.list')));
    expect(v1).toMatchObject({ version: 1, blocks: 256, newBlocks: 20 });
    expect(v1.newRanges).toEqual(v4.newRanges);
  });

  it('an incremental OTA parses with the command that needs the base build', () => {
    expect(parseTransferList(readFileSync(join(OTA, 'incremental', 'system.transfer.list'))).incremental).toEqual({ command: 'stash', line: 5 });
  });

  it.each([
    ['', /line 1 should be the version/],
    ['5\n0\n0\n0\n', /version 5 is not one of 1-4/],
    ['4\n10\n', /line 3 should be the count of stash entries/],
    ['1\n10\nnew 3,0,1\n', /line 3: range set "3,0,1" does not hold the 3 numbers it announces/],
    ['1\n10\nnew 1,5\n', /does not hold pairs/],
    ['1\n10\nnew 2,5,5\n', /empty or reversed range 5-5/],
    ['1\n10\nnew 2,9,3\n', /empty or reversed range 9-3/],
    ['1\n10\nnew 2,0,x\n', /something other than block numbers/],
    ['1\n10\nnew 2,0,1099511627776\n', /reaches block 1099511627776, past the 17179869184 blocks/],
    ['1\n10\nnew 4,0,4,2,6\n', /line 3 writes block 2 again, after line 3/],
    ['4\n10\n0\n0\nnew 2,0,4\nzero 2,3,5\n', /line 6 writes block 3 again, after line 5/],
    ['4\n10\n0\n0\nerase 2,0,8\nnew 2,2,3\n', /line 6 writes block 2 again, after line 5/],
    ['1\n10\nfrobnicate 2,0,1\n', /line 3: unknown command "frobnicate"/],
    ['1\n10\nnew\n', /new takes one range set, found 0/],
  ])('refuses %j', (text, why) => {
    let err: unknown;
    try {
      parseTransferList(Buffer.from(text));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FormatError);
    expect((err as FormatError).reason).toMatch(why);
  });

  it('a list claiming 2^40 blocks in its header costs nothing: only what the commands write counts', () => {
    const list = parseTransferList(Buffer.from('4\n1099511627776\n0\n0\nnew 2,0,1\n'));
    expect(list).toMatchObject({ declaredBlocks: 2 ** 40, blocks: 1, newBlocks: 1 });
  });

  it('a list past the size or range caps is refused', () => {
    expect(() => parseTransferList(Buffer.alloc((4 << 20) + 1, 0x0a))).toThrow(/past the 4194304-byte cap/);
    const many = ['4', '0', '0', '0', `new 1000002${',0,1'.repeat(500_001)}`];
    expect(() => parseTransferList(Buffer.from(many.join('\n')))).toThrow(/line 5: more than 500000 ranges in all/);
  });

  it('a long list parses in bounded time', () => {
    const lines = ['4', '0', '0', '0'];
    for (let i = 0; i < 100_000; i++) lines.push(`new 2,${2 * i},${2 * i + 1}`);
    const t0 = Date.now();
    expect(parseTransferList(Buffer.from(lines.join('\n'))).newBlocks).toBe(100_000);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });
});

describe('the rebuilt image', () => {
  it('brotli and raw new.dat give the image mke2fs made, which e2fsck and debugfs read as the original', async () => {
    const want = oracle();
    const fromBr = await rebuild(join(OTA, 'full'), 'system.new.dat.br');
    const fromRaw = await rebuild(join(OTA, 'raw'), 'system.new.dat');
    expect(fromBr.length).toBe(Number(want['size system.img']));
    expect(sha256(fromBr)).toBe(want['sha256 system.img']);
    expect(fromRaw.equals(fromBr)).toBe(true);
    // new.dat laid end to end (a reader that ignores the ranges) is no such image.
    const naive = Buffer.alloc(fromBr.length);
    readFileSync(join(OTA, 'raw', 'system.new.dat')).copy(naive);
    expect(sha256(naive)).not.toBe(want['sha256 system.img']);
    if (!haveTools('e2fsck', 'debugfs')) {
      warnMissing('e2fsck/debugfs oracle of the rebuilt image', ['e2fsck', 'debugfs']);
      return;
    }
    const file = join(tmp, 'rebuilt.img');
    writeFileSync(file, fromBr);
    const fsck = execFileSync('e2fsck', ['-fn', file], { stdio: ['pipe', 'pipe', 'pipe'] }).toString();
    expect(fsck.split('\n').filter((l) => l && !/^e2fsck \d/.test(l))).toEqual(want['e2fsck -fn system.img'].split('\n').filter((l) => l));
    const ls = execFileSync('debugfs', ['-R', 'ls -l /app/AutoRegistration', file], { stdio: ['pipe', 'pipe', 'pipe'] }).toString();
    expect(ls.trimEnd()).toBe(want["debugfs -R 'ls -l /app/AutoRegistration' system.img"].trimEnd());
  });

  it('new.dat compressed by the lzma and xz tools (vendor zips) gives the same image', async () => {
    if (!haveTools('lzma', 'xz')) {
      warnMissing('lzma/xz new.dat', ['lzma', 'xz']);
      return;
    }
    const dir = join(tmp, 'lzma');
    mkdirSync(dir, { recursive: true });
    cpSync(join(OTA, 'raw', 'system.transfer.list'), join(dir, 'system.transfer.list'));
    const raw = readFileSync(join(OTA, 'raw', 'system.new.dat'));
    writeFileSync(join(dir, 'system.new.dat.lzma'), execFileSync('lzma', ['-c'], { input: raw }));
    writeFileSync(join(dir, 'system.new.dat.xz'), execFileSync('xz', ['-c'], { input: raw }));
    const want = oracle()['sha256 system.img'];
    expect(sha256(await rebuild(dir, 'system.new.dat.lzma'))).toBe(want);
    expect(sha256(await rebuild(dir, 'system.new.dat.xz'))).toBe(want);
    writeFileSync(join(dir, 'system.new.dat.lzma'), raw);
    await expect(rebuild(dir, 'system.new.dat.lzma')).rejects.toThrow(/system\.new\.dat\.lzma is not lzma data/);
  });

  it('new.dat shorter or longer than the blocks written, or not brotli, is refused with the reason', async () => {
    const dir = join(tmp, 'short');
    mkdirSync(dir, { recursive: true });
    cpSync(join(OTA, 'raw', 'system.transfer.list'), join(dir, 'system.transfer.list'));
    cpSync(join(OTA, 'raw', 'system.new.dat'), join(dir, 'system.new.dat'));
    truncateSync(join(dir, 'system.new.dat'), 81920 - 4096);
    await expect(rebuild(dir, 'system.new.dat')).rejects.toThrow(/system's new data holds 77824 bytes, but its transfer list writes 20 blocks \(81920 bytes\) from it: truncated/);
    writeFileSync(join(dir, 'system.new.dat.br'), brotliCompressSync(Buffer.concat([readFileSync(join(OTA, 'raw', 'system.new.dat')), Buffer.alloc(10)])));
    await expect(rebuild(dir, 'system.new.dat.br')).rejects.toThrow(/system\.new\.dat\.br decompresses to more than 81920 bytes/);
    writeFileSync(join(dir, 'system.new.dat.br'), Buffer.from('not brotli at all, just text'));
    await expect(rebuild(dir, 'system.new.dat.br')).rejects.toThrow(/system\.new\.dat\.br is no brotli stream that decompresses whole/);
  });

  it('decompression is charged to the inflation budget, and spills to a temporary file past the memory threshold', async () => {
    let spent = 0;
    const budget = {
      spend(n: number) {
        spent += n;
        if (spent > 40960) throw new FormatError('limits', 'budget spent');
      },
    };
    await expect(rebuild(join(OTA, 'full'), 'system.new.dat.br', { ...OPTS, budget })).rejects.toThrow(/budget spent/);
    const spilled = await rebuild(join(OTA, 'full'), 'system.new.dat.br', { ...OPTS, memoryBytes: 4096 });
    expect(sha256(spilled)).toBe(oracle()['sha256 system.img']);
  });
});

describe('scanning block-based OTAs', () => {
  it('an OTA zip: the client in system.new.dat.br is found under the zip and the new.dat, placed in system/', async () => {
    const r = await scanInputs([join(OTA, 'full', 'ota.zip')]);
    const t = r.targets[0];
    expect(t.packages.map((p) => [p.path, p.partitionPath, p.package])).toEqual([
      ['ota.zip!/system.new.dat.br!/app/AutoRegistration/AutoRegistration.apk', 'system/app/AutoRegistration/AutoRegistration.apk', 'com.qualcomm.qti.autoregistration'],
    ]);
    expect(t.unreadable).toEqual([]);
    expect(r.verdict).toBe('fail');
    expect(r.findings).toContainEqual(expect.objectContaining({ rule: 'wrong-market-client', path: 'ota.zip!/system.new.dat.br!/app/AutoRegistration/AutoRegistration.apk' }));
    // The updater-script names the file: no host `system.new.dat.br`.
    expect(t.endpoints.map((e) => e.value)).not.toContain('system.new.dat.br');
  });

  it('unpacked in a folder (brotli, and version 1 uncompressed)', async () => {
    for (const [dir, name] of [
      ['full', 'system.new.dat.br'],
      ['raw', 'system.new.dat'],
    ]) {
      const work = join(tmp, `folder-${dir}`);
      mkdirSync(work, { recursive: true });
      for (const f of ['system.transfer.list', name, 'system.patch.dat']) cpSync(join(OTA, dir, f), join(work, f));
      const r = await scanInputs([work]);
      expect(r.targets[0].packages.map((p) => [p.path, p.partitionPath])).toEqual([[`${name}!/app/AutoRegistration/AutoRegistration.apk`, 'system/app/AutoRegistration/AutoRegistration.apk']]);
      expect(r.targets[0].unreadable).toEqual([]);
      // The same with a cache (new.dat's facts are not cached: they depend on the list beside it).
      const cached = await scanInputs([work], undefined, { market: 'EU', cacheDir: join(tmp, `cache-${dir}`) });
      expect(cached.targets[0].packages.map((p) => p.path)).toEqual(r.targets[0].packages.map((p) => p.path));
    }
  });

  it('an incremental OTA, a new.dat without its transfer list, a corrupt one: errors naming the file, and the scan goes on', async () => {
    const work = join(tmp, 'mixed');
    mkdirSync(join(work, 'inc'), { recursive: true });
    mkdirSync(join(work, 'lonely'), { recursive: true });
    for (const f of ['system.transfer.list', 'system.new.dat', 'system.patch.dat']) cpSync(join(OTA, 'incremental', f), join(work, 'inc', f));
    cpSync(join(OTA, 'full', 'system.new.dat.br'), join(work, 'lonely', 'vendor.new.dat.br'));
    cpSync(join(OTA, 'full', 'system.transfer.list'), join(work, 'system.transfer.list'));
    writeFileSync(join(work, 'system.new.dat.br'), Buffer.from('garbage'));
    cpSync(join(ROOT, '__tests__', 'fixtures', 'apks', 'autoregistration-cn.apk'), join(work, 'AutoRegistration.apk'));
    const r = await scanInputs([work]);
    const t = r.targets[0];
    expect(t.unreadable.map((u) => [u.path, u.reason])).toEqual([
      ['inc/system.new.dat', "an incremental OTA: stash (line 5) patches the base build's system partition, which this package does not hold; only full OTAs can be scanned"],
      ['lonely/vendor.new.dat.br', 'no vendor.transfer.list beside it: where its blocks go is unknown; not read'],
      ['system.new.dat.br', expect.stringMatching(/^system\.new\.dat\.br is no brotli stream that decompresses whole/)],
    ]);
    expect(r.findings.filter((f) => f.rule === 'unreadable-artifact').map((f) => [f.path, f.severity])).toEqual([
      ['inc/system.new.dat', 'error'],
      ['lonely/vendor.new.dat.br', 'error'],
      ['system.new.dat.br', 'error'],
    ]);
    expect(t.packages.map((p) => p.path)).toEqual(['AutoRegistration.apk']);
  });

  it('an OTA zip whose new.dat is larger than the file allows to inflate is refused, not read past its budget', async () => {
    const r = await scanInputs([join(OTA, 'full', 'ota.zip')], { maxFileInflatedBytes: 40960 });
    expect(r.targets[0].unreadable).toContainEqual(expect.objectContaining({ path: 'ota.zip!/system.new.dat.br', format: 'limits' }));
    expect(r.verdict).toBe('fail');
  });
});

describe('fuzz: transfer lists', () => {
  it('any edit of a real transfer list rebuilds an image or throws FormatError, quickly', async () => {
    const list = readFileSync(join(OTA, 'full', 'system.transfer.list'));
    const data = readFileSync(join(OTA, 'raw', 'system.new.dat'));
    const alphabet = Buffer.from('0123456789,\n newzroasbdifmvt');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat(), byte: fc.nat(alphabet.length - 1) }), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (edits, cut) => {
          const b = Buffer.from(list);
          for (const e of edits) b[e.at % b.length] = alphabet[e.byte];
          const text = cut === undefined ? b : b.subarray(0, cut % b.length);
          const t0 = Date.now();
          try {
            const image = await openBlockOta(async () => new BufferSource(data), 'system.new.dat', text, OPTS);
            await image.read(0, Math.min(image.size, 8192));
            await image.close();
          } catch (err) {
            if (!(err instanceof FormatError)) throw err;
          }
          expect(Date.now() - t0).toBeLessThan(2000);
        },
      ),
      { numRuns: fuzzRuns(300) },
    );
  });
});
