/**
 * Larger images made at test time by the real tools, checked against the real tools: every
 * regular file and symlink our ext4 / EROFS / sparse readers list must equal what
 * `debugfs -R 'rdump / OUT'`, `fsck.erofs --extract=OUT` and `simg2img` give (names, sizes,
 * SHA-256 of contents, symlink targets). Each image is also checked for the feature it is meant
 * to exercise (dump.erofs layouts, debugfs extent depth and htree flag, sparse chunk types), since
 * the tools silently accept options they ignore. Tests skip with a warning when a tool is absent;
 * CI installs them (.ci/run).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { erofsExtents } from '../../src/formats/erofs.js';
import { openSparse } from '../../src/formats/sparse.js';
import { openContainer } from '../../src/inputs/containers.js';
import { FileSource, type RandomAccessSource } from '../../src/io/source.js';
import { haveTools, listFolder, listFs, readAll, readImage, run, scanInputs, sha256, warnMissing } from './helpers.js';
import { dataRanges } from '../../src/io/mapped.js';

const EXT4_TOOLS = ['mke2fs', 'debugfs', 'e2fsck'];
const EROFS_TOOLS = ['mkfs.erofs', 'fsck.erofs', 'dump.erofs'];
const SPARSE_TOOLS = ['img2simg', 'simg2img', 'mke2fs'];
const UUID = '5a1e0000-0000-4000-8000-000000000002';

let work: string;
const ext4Images = new Map<string, string>();
const erofsImages = new Map<string, string>();
let tree: string;

/** Deterministic pseudo-random bytes (incompressible). */
function noise(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  return b;
}

/** Compressible text with endpoints in it, different line by line. */
function text(lines: number, tag: string): string {
  let s = '';
  for (let i = 0; i < lines; i++) s += `${tag} line ${i}: https://${tag}-${i % 37}.acme-cn.com.cn/api/v${i % 5} ${'x'.repeat(i % 53)}\n`;
  return s;
}

function buildTree(root: string, opts: { many?: number } = {}): void {
  mkdirSync(join(root, 'app', 'Notes'), { recursive: true });
  writeFileSync(join(root, 'app', 'Notes', 'Notes.apk'), readFileSync(join(import.meta.dirname, '..', 'fixtures', 'apks', 'benign.apk')));
  mkdirSync(join(root, 'etc', 'deep', 'er', 'still'), { recursive: true });
  writeFileSync(join(root, 'etc', 'small.conf'), 'server=https://small.acme.eu/x\n');
  writeFileSync(join(root, 'etc', 'deep', 'er', 'still', 'big.txt'), text(6000, 'big')); // ~400 KB, many pclusters
  writeFileSync(join(root, 'etc', 'empty'), '');
  writeFileSync(join(root, 'etc', 'name with spaces & ünïcödé.txt'), 'hello\n');
  writeFileSync(join(root, 'etc', 'exact4096.bin'), noise(4096, 7));
  mkdirSync(join(root, 'lib64'));
  writeFileSync(join(root, 'lib64', 'random.so'), noise(300_000, 42)); // incompressible: plain pclusters
  writeFileSync(join(root, 'lib64', 'fill.bin'), Buffer.alloc(65536, 0xab)); // sparse FILL chunks
  // A file with holes: one data block every other block -> more extents than fit the inode.
  const fd = openSync(join(root, 'lib64', 'holes.bin'), 'w');
  for (let i = 0; i < 40; i += 2) writeSync(fd, noise(4096, i + 1), 0, 4096, i * 4096);
  writeSync(fd, Buffer.from('end'), 0, 3, 41 * 4096);
  closeSync(fd);
  mkdirSync(join(root, 'links'));
  symlinkSync('../etc/small.conf', join(root, 'links', 'fast'));
  symlinkSync(`/${'very-long-directory-name/'.repeat(6)}target.txt`, join(root, 'links', 'slow'));
  if (opts.many) {
    mkdirSync(join(root, 'many'));
    for (let i = 0; i < opts.many; i++) writeFileSync(join(root, 'many', `file-${String(i).padStart(5, '0')}.txt`), `${i}\n`);
  }
  run('find', [root, '-exec', 'touch', '-h', '-d', '@1577836800', '{}', '+']);
}

const haveExt4 = haveTools(...EXT4_TOOLS);
const haveErofs = haveTools(...EROFS_TOOLS);
const haveSparse = haveTools(...SPARSE_TOOLS);

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ag-images-'));
  tree = join(work, 'tree');
  buildTree(tree, { many: 3000 });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function mkext4(name: string, args: string[], size = '16M', src = tree): string {
  const img = join(work, `${name}.img`);
  run('mke2fs', ['-q', '-F', '-U', UUID, '-E', `hash_seed=${UUID}`, ...args, '-d', src, img, size], { env: { E2FSPROGS_FAKE_TIME: '1577836800' } });
  return img;
}

function rdump(img: string): string {
  const out = join(work, `${img.split('/').pop()}.rdump`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out);
  run('debugfs', ['-R', `rdump / ${out}`, img]);
  return out;
}

async function expectSameAsFolder(img: string, folder: string): Promise<void> {
  const ours = await readImage(img);
  expect(ours.problems).toEqual([]);
  const theirs = listFolder(folder);
  expect(ours.files.map((f) => f.path)).toEqual(theirs.map((f) => f.path));
  expect(ours.files).toEqual(theirs);
}

describe('ext4 images made by mke2fs -d, checked against debugfs rdump', () => {
  if (!haveExt4) {
    warnMissing('ext4 oracle tests', EXT4_TOOLS);
    it.skip('ext4 tools absent', () => undefined);
    return;
  }
  const variants: [string, string[], string?][] = [
    ['ext4, 4 KiB blocks, 64-bit descriptors, metadata_csum, htree after e2fsck -fyD', ['-t', 'ext4', '-b', '4096', '-O', '64bit,metadata_csum']],
    ['ext4, 1 KiB blocks (first data block 1)', ['-t', 'ext4', '-b', '1024']],
    ['ext4, 32-bit descriptors, no flex_bg, no checksums', ['-t', 'ext4', '-b', '4096', '-O', '^64bit,^metadata_csum,^flex_bg']],
    ['ext4 with inline data', ['-t', 'ext4', '-b', '4096', '-I', '256', '-O', 'inline_data']],
    ['ext4 with meta_bg', ['-t', 'ext4', '-b', '1024', '-O', 'meta_bg,^resize_inode']],
    ['ext2 (block maps, indirect blocks)', ['-t', 'ext2', '-b', '1024']],
    // First data block 0 with 1 KiB blocks: the descriptors are still in block 2 (a review found
    // block 1, the superblock, read as them).
    ['ext4, bigalloc with 1 KiB blocks (first data block 0)', ['-t', 'ext4', '-b', '1024', '-O', 'bigalloc'], '96M'],
  ];
  for (const [what, args, size] of variants) {
    it(what, async () => {
      const img = mkext4(what.replace(/\W+/g, '_'), args, size ?? '24M');
      ext4Images.set(what, img);
      if (what.includes('htree')) run('e2fsck', ['-fyD', img]);
      run('e2fsck', ['-fn', img]); // the image is clean (throws otherwise)
      // debugfs 1.47 dumps an inline-data file as its whole 60-byte i_block (`dump` and `rdump`
      // alike), so for inline data the oracle is the tree mke2fs was given.
      await expectSameAsFolder(img, what.includes('inline') ? tree : rdump(img));
    });
  }

  it('an image whose journal holds a committed change not yet applied (debugfs jo/jw/jc) fails closed: e2fsck would apply it, and so would a mount', async () => {
    const src = mkdtempSync(join(work, 'journal-'));
    mkdirSync(join(src, 'etc'));
    // As long as what the journal writes over it, so that the file's size holds all of that.
    writeFileSync(join(src, 'etc', 'reg.txt'), 'url=http://example.org/register/\n');
    const img = mkext4('journal', ['-t', 'ext4', '-b', '4096'], '16M', src);
    const block = run('debugfs', ['-R', 'bmap /etc/reg.txt 0', img]).trim();
    const data = Buffer.alloc(4096);
    data.write('url=http://zzhc.vnet.cn/register\n');
    writeFileSync(join(work, 'journal-block'), data);
    run('debugfs', ['-w', '-f', '-', img], { input: Buffer.from(`jo\njw -b ${block} ${join(work, 'journal-block')}\njc\n`) });
    expect(run('dumpe2fs', ['-h', img])).toMatch(/Filesystem features:.*needs_recovery/);
    const ours = await readImage(img);
    expect(ours.problems).toEqual([expect.objectContaining({ path: '', reason: expect.stringMatching(/^the journal holds changes not yet written to the filesystem \(needs_recovery\)/) })]);
    // What the journal would write is what the file holds once e2fsck has replayed it.
    expect(spawnSync('e2fsck', ['-fy', img]).status).toBeLessThanOrEqual(1); // 1: corrected
    const replayed = await readImage(img);
    expect(replayed.problems).toEqual([]);
    expect(readFileSync(join(rdump(img), 'etc', 'reg.txt'), 'utf8')).toBe('url=http://zzhc.vnet.cn/register\n');
  });

  it('the fixtures exercise what they claim: extent depth > 0, an htree directory, inline data', () => {
    const img = ext4Images.get('ext4, 4 KiB blocks, 64-bit descriptors, metadata_csum, htree after e2fsck -fyD')!;
    const ex = run('debugfs', ['-R', 'ex /lib64/holes.bin', img]);
    expect(ex).toMatch(/^\s*0\/\s*1\s/m); // a level-0 index node of a depth-1 tree
    const many = run('debugfs', ['-R', 'stat /many', img]);
    expect(many).toMatch(/Flags: 0x[0-9a-f]*1[0-9a-f]{3}\b/); // EXT4_INDEX_FL 0x1000
    const inl = run('debugfs', ['-R', 'stat /etc/small.conf', ext4Images.get('ext4 with inline data')!]);
    expect(inl).toMatch(/Size of inline data: \d+/);
    const e2 = run('debugfs', ['-R', 'stat /lib64/random.so', ext4Images.get('ext2 (block maps, indirect blocks)')!]);
    expect(e2).toMatch(/\(DIND\)|\(IND\)/);
  });

  it('images of hard links nested in images of hard links spend the outer image\'s inflation budget: the nesting cannot multiply them', async () => {
    // Inner: 40 hard links to an 8 MB file in a 16 MiB image (328 MB of files). Outer: the inner
    // image and 9 hard links to it (3.3 GB in all). With a 1 GB budget, the bytes past what each
    // image holds run it out after three inner images.
    const inner = mkdtempSync(join(work, 'inner-'));
    writeFileSync(join(inner, 'big.bin'), Buffer.alloc(8_000_000, 0x20));
    for (let i = 0; i < 40; i++) linkSync(join(inner, 'big.bin'), join(inner, `l${String(i).padStart(2, '0')}.bin`));
    const outer = mkdtempSync(join(work, 'outer-'));
    copyFileSync(mkext4('inner', ['-t', 'ext4', '-b', '4096'], '16M', inner), join(outer, 'in.img'));
    for (let i = 0; i < 9; i++) linkSync(join(outer, 'in.img'), join(outer, `in${i}.img`));
    const dir = mkdtempSync(join(work, 'nested-in-'));
    copyFileSync(mkext4('outer', ['-t', 'ext4', '-b', '4096'], '40M', outer), join(dir, 'system.img'));
    const t = (await scanInputs([dir], { maxFileInflatedBytes: 1e9 })).targets[0];
    const spent = t.unreadable.filter((u) => /inflation budget is spent/.test(u.reason));
    expect(spent.length).toBeGreaterThan(0);
    expect(spent.every((u) => /^system\.img!\/in\d?\.img(!\/|$)/.test(u.path))).toBe(true);
    // Without a budget to spend, every byte is read: nothing is refused.
    const all = (await scanInputs([dir], { maxFileInflatedBytes: 1e12 })).targets[0];
    expect(all.unreadable).toEqual([]);
  });

  it('hard links past 16 times the image and 1 GiB are not read: they are reported, and the rest is scanned', async () => {
    // 300 hard links to one 8 MB file in a 16 MiB image: 2.4 GB of files.
    const src = mkdtempSync(join(work, 'links-'));
    mkdirSync(join(src, 'etc'));
    writeFileSync(join(src, 'etc', 'a.conf'), 'server=https://links.acme.cn/x\n');
    mkdirSync(join(src, 'data'));
    writeFileSync(join(src, 'data', 'big.bin'), Buffer.alloc(8_000_000, 0x20));
    for (let i = 0; i < 300; i++) linkSync(join(src, 'data', 'big.bin'), join(src, 'data', `link${String(i).padStart(3, '0')}.bin`));
    const img = mkext4('links', ['-t', 'ext4', '-b', '4096'], '16M', src);
    expect(run('debugfs', ['-R', 'stat /data/link000.bin', img])).toMatch(/Links: 301/);
    const dir = mkdtempSync(join(work, 'links-in-'));
    copyFileSync(img, join(dir, 'system.img'));
    const t = (await scanInputs([dir])).targets[0];
    const refused = t.unreadable.filter((u) => /files add up to more than/.test(u.reason));
    // In path order: big.bin, then link000... as long as they fit 16 x 16 MiB + 1 GiB.
    const allowance = 16 * (16 << 20) + (1 << 30);
    const kept = Math.floor(allowance / 8_000_000);
    expect(refused.map((u) => u.path)).toEqual(Array.from({ length: 301 - kept }, (_, i) => `system.img!/data/link${String(kept - 1 + i).padStart(3, '0')}.bin`));
    expect(t.endpoints.map((e) => e.value)).toContain('links.acme.cn'); // etc/ comes after data/, and is read
  });
});

describe('EROFS images made by mkfs.erofs, checked against fsck.erofs --extract', () => {
  if (!haveErofs) {
    warnMissing('EROFS oracle tests', EROFS_TOOLS);
    it.skip('EROFS tools absent', () => undefined);
    return;
  }
  const variants: [string, string[], RegExp][] = [
    ['uncompressed (flat, flat-inline)', [], /Layout: [02]/],
    ['chunked (4 KiB chunks)', ['--chunksize=4096'], /Layout: 4/],
    ['extended inodes', ['-Eforce-inode-extended'], /Inode size: 64/],
    ['LZ4, compact indexes', ['-zlz4'], /Layout: 3/],
    ['LZ4HC, compact indexes, compact inodes', ['-zlz4hc', '-Eforce-inode-compact'], /Layout: 3/],
    ['LZ4HC, big pclusters (16 KiB)', ['-zlz4hc', '-C16384'], /Layout: 3/],
    ['LZ4HC, big pclusters (64 KiB)', ['-zlz4hc', '-C65536'], /Layout: 3/],
    ['LZ4HC, ztailpacking', ['-zlz4hc', '-Eztailpacking'], /Layout: 3/],
    ['LZ4HC, big pclusters and ztailpacking', ['-zlz4hc', '-C16384', '-Eztailpacking'], /Layout: 3/],
    ['LZ4, full (legacy) indexes', ['-zlz4', '-Elegacy-compress'], /Layout: 1/],
  ];
  for (const [what, args, layout] of variants) {
    it(what, async () => {
      const img = join(work, `${what.replace(/\W+/g, '_')}.erofs`);
      erofsImages.set(what, img);
      run('mkfs.erofs', ['-T1577836800', '-U', UUID, '--all-root', ...args, img, tree]);
      // What mkfs actually produced (it accepts options it ignores).
      const dump = run('dump.erofs', ['--path=/etc/deep/er/still/big.txt', img]);
      expect(dump).toMatch(layout);
      const out = join(work, `${what.replace(/\W+/g, '_')}.extract`);
      rmSync(out, { recursive: true, force: true });
      run('fsck.erofs', [`--extract=${out}`, img]);
      await expectSameAsFolder(img, out);
      if (/Layout: [13]/.test(dump)) {
        // The compressed extents we map equal dump.erofs -e, pcluster by pcluster.
        const nid = Number(/NID: (\d+)/.exec(dump)![1]);
        const theirs = [...run('dump.erofs', ['--path=/etc/deep/er/still/big.txt', '-e', img]).matchAll(/^\s*\d+:\s+(\d+)\.\.\s*(\d+)\s*\|\s*(\d+)\s*:\s*(\d+)\.\.\s*(\d+)\s*\|\s*(\d+)/gm)].map(
          (m) => ({ la: Number(m[1]), llen: Number(m[3]), pa: Number(m[4]), plen: Number(m[6]) }),
        );
        expect(theirs.length).toBeGreaterThan(0);
        if (args.some((a) => a.startsWith('-C'))) expect(theirs.some((e) => e.plen > 4096)).toBe(true);
        else expect(theirs.length).toBeGreaterThan(5);
        const src = await FileSource.open(img);
        expect(await erofsExtents(src, nid)).toEqual(theirs);
        await src.close();
      }
    });
  }
  it('reads of ranges hopping between files and pclusters, compressed and plain, give the extracted bytes (the read-ahead buffer is refilled in place)', async () => {
    // A file of compressible text and 16 KiB runs of noise in turn: with 4 KiB pclusters its
    // compressed layout holds plain (stored) pclusters among LZ4 ones.
    const root = join(work, 'hopping');
    mkdirSync(join(root, 'etc'), { recursive: true });
    const chunks: Buffer[] = [];
    for (let i = 0; i < 120; i++) chunks.push(i % 3 === 1 ? noise(16384, 100 + i) : Buffer.from(text(60, `m${i}`)));
    writeFileSync(join(root, 'etc', 'mixed.bin'), Buffer.concat(chunks));
    writeFileSync(join(root, 'etc', 'big.txt'), text(4000, 'hop'));
    for (const args of [['-zlz4'], ['-zlz4hc', '-C16384']]) {
      const img = join(work, `hopping${args.join('')}.erofs`);
      run('mkfs.erofs', ['-T1577836800', '-U', UUID, '--all-root', ...args, img, root]);
      const extents = [...run('dump.erofs', ['--path=/etc/mixed.bin', '-e', img]).matchAll(/\|\s*(\d+)\s*:\s*\d+\.\.\s*\d+\s*\|\s*(\d+)/g)];
      if (args.length === 1) expect(extents.some((m) => m[1] === m[2])).toBe(true); // a plain pcluster: as long as its extent
      expect(extents.some((m) => Number(m[1]) > Number(m[2]))).toBe(true); // and compressed ones
      // more of them than the 256 KiB read-ahead window holds, so the window moves
      expect(extents.reduce((a, m) => a + Number(m[2]), 0)).toBeGreaterThan(2 * 256 * 1024);
      const out = join(work, `hopping${args.join('')}.extract`);
      rmSync(out, { recursive: true, force: true });
      run('fsck.erofs', [`--extract=${out}`, img]);
      const src = await FileSource.open(img);
      try {
        const listing = await listFs(src);
        const names = ['etc/mixed.bin', 'etc/big.txt'];
        const files: { want: Buffer; src: RandomAccessSource }[] = [];
        for (const n of names) files.push({ want: readFileSync(join(out, n)), src: await listing.nodes.find((x) => x.path === n)!.open() });
        // Ranges within one pcluster and across several, then the same again after other reads
        // refilled the window: extents kept in the cache must not point into the reused buffer.
        let x = 12345;
        const ranges: [number, number, number][] = [];
        for (let i = 0; i < 400; i++) {
          x = (x * 1103515245 + 12345) >>> 0;
          const f = x % files.length;
          const size = files[f].want.length;
          const at = (x >>> 3) % size;
          ranges.push([f, at, Math.min(size - at, 1 + ((x >>> 7) % (i % 2 ? 3000 : 20_000)))]);
        }
        for (const [f, at, n] of [...ranges, ...ranges.slice().reverse()]) {
          const got = await files[f].src.read(at, n);
          if (!got.equals(files[f].want.subarray(at, at + n))) expect([args, names[f], at, n, 'differs']).toEqual([args, names[f], at, n, 'same']);
        }
      } finally {
        await src.close();
      }
    }
  });

  it('ztailpacking and big pclusters are really there', () => {
    // The tail of a compressed file sits inline, right after the indexes, in the metadata area.
    const img = erofsImages.get('LZ4HC, ztailpacking')!;
    const z = run('dump.erofs', ['--path=/etc/deep/er/still/big.txt', '-e', img]);
    const meta = Number(/start block:\s+(\d+)/i.exec(run('dump.erofs', ['-s', img]))?.[1] ?? 0);
    const rows = [...z.matchAll(/:\s*(\d+)\.\.\s*\d+\s*\|\s*(\d+)\s*$/gm)];
    const last = rows[rows.length - 1];
    expect(Number(last[2])).toBeLessThan(4096); // an inline pcluster shorter than a block
    expect(Number(last[1]) % 4096).not.toBe(0); // not block-aligned: inside the inode area
    void meta;
  });
});

describe('sparse images made by img2simg, checked against simg2img', () => {
  if (!haveSparse) {
    warnMissing('sparse oracle tests', SPARSE_TOOLS);
    it.skip('sparse tools absent', () => undefined);
    return;
  }
  it('RAW, FILL and DONT_CARE chunks give back the raw image', async () => {
    const raw = mkext4('for_sparse', ['-t', 'ext4', '-b', '4096'], '24M');
    const simg = join(work, 'for_sparse.simg');
    const back = join(work, 'for_sparse.back');
    run('img2simg', [raw, simg]);
    run('simg2img', [simg, back]);
    // Chunk types present, read independently of the reader: walk the 12-byte chunk headers.
    const s = readFileSync(simg);
    const types = new Set<number>();
    for (let p = s.readUInt16LE(8), i = 0; i < s.readUInt32LE(20); i++) {
      types.add(s.readUInt16LE(p));
      p += s.readUInt32LE(p + 8);
    }
    // img2simg writes zero blocks as FILL chunks of pattern 0.
    expect([...types].sort()).toEqual([0xcac1, 0xcac2]);
    const src = await FileSource.open(simg);
    const { image } = await openSparse(src);
    expect(sha256(await readAll(image))).toBe(sha256(readFileSync(back)));
    await src.close();
    await expectSameAsFolder(simg, rdump(back));
  });

  it('DONT_CARE chunks (simg2simg pieces) read as zeros, like simg2img', async () => {
    const simg = join(work, 'for_sparse.simg');
    run('simg2simg', [simg, join(work, 'piece'), '2000000']);
    let seen = 0;
    for (let k = 0; k < 32; k++) {
      const piece = join(work, `piece.${k}`);
      let s: Buffer;
      try {
        s = readFileSync(piece);
      } catch {
        break;
      }
      const types = new Set<number>();
      for (let p = s.readUInt16LE(8), i = 0; i < s.readUInt32LE(20); i++) {
        types.add(s.readUInt16LE(p));
        p += s.readUInt32LE(p + 8);
      }
      if (types.has(0xcac3)) seen++;
      run('simg2img', [piece, `${piece}.raw`]);
      const src = await FileSource.open(piece);
      const { image } = await openSparse(src);
      expect(sha256(await readAll(image))).toBe(sha256(readFileSync(`${piece}.raw`)));
      await src.close();
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('a sparse image that declares far more than it stores: its hard links are allowed 16 times what it stores and 1 GiB, not what it declares', async () => {
    // 320 hard links to one 4 MB file of incompressible bytes (1.28 GB of files) in an ext4 image
    // of 256 MiB that img2simg stores in under 5 MB: 16 times the declared 256 MiB and 1 GiB had
    // let all of them be read (and a 64 GiB declaration, 1 TiB of them).
    const src = mkdtempSync(join(work, 'declared-'));
    mkdirSync(join(src, 'data'));
    writeFileSync(join(src, 'data', 'big.bin'), noise(4_000_000, 11));
    for (let i = 0; i < 320; i++) linkSync(join(src, 'data', 'big.bin'), join(src, 'data', `l${String(i).padStart(3, '0')}.bin`));
    mkdirSync(join(src, 'etc'));
    writeFileSync(join(src, 'etc', 'a.conf'), 'server=https://declared.acme.cn/x\n');
    const raw = mkext4('declared', ['-t', 'ext4', '-b', '4096', '-O', '^has_journal'], '256M', src);
    expect(run('debugfs', ['-R', 'stat /data/l000.bin', raw])).toMatch(/Links: 321/);
    const dir = mkdtempSync(join(work, 'declared-in-'));
    const simg = join(dir, 'system.img');
    run('img2simg', [raw, simg]);
    // What img2simg stored, read from the chunk headers: RAW chunks, and FILL chunks of zeros only.
    const s = readFileSync(simg);
    let stored = 0;
    for (let p = s.readUInt16LE(8), i = 0; i < s.readUInt32LE(20); i++) {
      const type = s.readUInt16LE(p);
      if (type === 0xcac1) stored += s.readUInt32LE(p + 4) * s.readUInt32LE(12);
      else expect([type, type === 0xcac2 ? s.readUInt32LE(p + 12) : 0]).toEqual([0xcac2, 0]);
      p += s.readUInt32LE(p + 8);
    }
    const declared = s.readUInt32LE(12) * s.readUInt32LE(16);
    expect(declared).toBe(256 << 20);
    expect(stored).toBeLessThan(s.length);
    expect(stored).toBeGreaterThan(4_000_000);
    const allowance = 16 * stored + (1 << 30);
    const kept = Math.floor(allowance / 4_000_000); // big.bin and the first links, in path order
    expect(kept).toBeLessThan(321);
    const links = Array.from({ length: 321 - kept }, (_, i) => `data/l${String(kept - 1 + i).padStart(3, '0')}.bin`);
    const reason = `the image's files add up to more than ${allowance} bytes, 16 times the ${stored} bytes it stores (of ${declared} it declares) and 1 GiB (hard links or shared blocks); not read`;
    // The container as opened: the links past the allowance are not admitted (nothing is read to decide it).
    const file = await FileSource.open(simg);
    try {
      const { image } = await openSparse(file);
      const c = await openContainer('ext4', image, { budget: { spend: () => undefined }, maxEntryBytes: 1 << 28, memoryBytes: 1 << 26, maxSpillBytes: 1 << 30 });
      expect(c.problems).toEqual(links.map((name) => ({ name, reason })));
      expect(c.files.map((f) => f.name)).toContain('etc/a.conf');
    } finally {
      await file.close();
    }
    // A scan reports them, and reads the rest (etc/ after data/).
    const t = (await scanInputs([dir])).targets[0];
    expect(t.unreadable.map((u) => [u.path, u.reason])).toEqual(links.map((l) => [`system.img!/${l}`, reason]));
    expect(t.endpoints.map((e) => e.value)).toContain('declared.acme.cn');
  });

  it('FILL chunks of any pattern: a raw scan reads only their ends, and finds what a scan of the raw file finds', async () => {
    // Data blocks with endpoints running into and out of the fills, and fills of patterns that
    // are all host bytes, digits, a host byte and a space, or letters and a dot.
    const block = (head: string, tail: string): Buffer => {
      const b = Buffer.alloc(4096, 0x20);
      b.write(head, 0, 'latin1');
      b.write(tail, 4096 - tail.length, 'latin1');
      return b;
    };
    const fill = (pattern: string, blocks: number): Buffer => Buffer.alloc(4096 * blocks, pattern, 'latin1');
    const raw = Buffer.concat([
      block('start', ' see https://left.example.cn'), fill('com.', 3),
      block('.org/x https://right.example.cn/ ', ' sms 10659'), fill('4010', 4),
      block('65 https://[2001:db8::1]:8080/ ', ' mail ab.cd'), fill('ab.c', 16384), // 64 MiB
      block('d.example.com tail ', ' a http://x'), fill('a b.', 3),
      block('cn.example.cn/ end', ''),
    ]);
    const dir = mkdtempSync(join(work, 'fills-'));
    mkdirSync(join(dir, 'raw'));
    mkdirSync(join(dir, 'sparse'));
    writeFileSync(join(dir, 'raw', 'blob.bin'), raw);
    run('img2simg', [join(dir, 'raw', 'blob.bin'), join(dir, 'sparse', 'blob.bin')]);
    const src = await FileSource.open(join(dir, 'sparse', 'blob.bin'));
    const { image } = await openSparse(src);
    expect(sha256(await readAll(image))).toBe(sha256(raw));
    // What a raw scan reads: the data blocks and 4 KiB at each end of each fill longer than 8 KiB.
    const read = dataRanges(image).reduce((n, [a, b]) => n + b - a, 0);
    expect(read).toBe(5 * 4096 + 4 * 2 * 4096);
    await src.close();
    const hits = async (folder: string): Promise<string[]> =>
      (await scanInputs([join(dir, folder)])).targets[0].endpoints.flatMap((e) => e.evidence.map((v) => `${e.kind} ${e.value} @${v.offset}`)).sort();
    const fromRaw = await hits('raw');
    // Runs into an all-host-byte or all-digit fill go on for megabytes: no endpoint; the one
    // that leaves the `a b.` fill does ('b.' + 'cn.example.cn').
    expect(fromRaw).toEqual(['host b.cn.example.cn @67166206', 'host right.example.cn @16391', 'ip 2001:db8::1 @36867']);
    expect(await hits('sparse')).toEqual(fromRaw);
  });
});
