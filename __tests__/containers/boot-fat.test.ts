/**
 * Boot / init_boot / vendor_boot images (ramdisks as cpio newc: gzip, LZ4 legacy, stored; xz, LZMA, bzip2, zstd and LZ4 frames made at test time) and
 * FAT12/16/32 images (modem NON-HLOS.bin) opened as containers. File lists and contents equal
 * what the real tools extract (`unpack_bootimg` + `gzip -dc` / `lz4 -dc` + `cpio -idv`;
 * `mcopy -s`); a host planted in a ramdisk init.rc and in a FAT file is found under its
 * `!/` path; truncated and corrupt images are unreadable artifacts and nothing throws.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FormatError } from '../../src/formats/errors.js';
import { openContainer, sniffContainer, type OpenedContainer } from '../../src/inputs/containers.js';
import { BufferSource, FileSource } from '../../src/io/source.js';
import { haveTools, IMAGES, listFolder, readAll, run, scanInputs, sha256, type OracleFile } from './helpers.js';

const BOOT = join(IMAGES, 'boot');
const FAT = join(IMAGES, 'fat');
const OPTS = { budget: { spend: (): void => undefined }, maxEntryBytes: 64 << 20, memoryBytes: 64 << 20, maxSpillBytes: 64 << 20 };

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ag-bootfat-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function openFile(path: string): Promise<{ kind: string | undefined; c?: OpenedContainer; close: () => Promise<void> }> {
  const src = await FileSource.open(path);
  const head = await src.read(0, 8);
  const kind = await sniffContainer(src, head);
  if (kind !== 'bootimg' && kind !== 'fat') return { kind, close: () => src.close() };
  return { kind, c: await openContainer(kind, src, OPTS), close: () => src.close() };
}

/** Our view of one ramdisk section (or of a FAT image) in the oracle's shape. */
async function ours(c: OpenedContainer, prefix: string): Promise<OracleFile[]> {
  const out: OracleFile[] = [];
  for (const f of c.files) {
    if (prefix && !f.name.startsWith(`${prefix}/`)) continue;
    const data = await readAll(await f.open());
    out.push({ path: prefix ? f.name.slice(prefix.length + 1) : f.name, size: data.length, sha256: sha256(data) });
  }
  for (const s of c.skipped) {
    const m = /^symlink to (.*) inside the ramdisk; not followed$/.exec(s.reason);
    if (m && s.name.startsWith(`${prefix}/`)) out.push({ path: s.name.slice(prefix.length + 1), symlink: m[1] });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Decompresses a ramdisk with the real tools and extracts it with `cpio -idv`. */
function cpioExtract(ramdisk: Buffer): OracleFile[] {
  const dir = mkdtempSync(join(work, 'cpio-'));
  const gz = ramdisk[0] === 0x1f && ramdisk[1] === 0x8b;
  const lz = ramdisk.readUInt32LE(0) === 0x184c2102;
  const cpio = gz ? execTool('gzip', ['-dc'], ramdisk) : lz ? execTool('lz4', ['-dc'], ramdisk) : ramdisk;
  execTool('sh', ['-c', `cd '${dir}' && cpio -idm --quiet --no-absolute-filenames`], cpio);
  return listFolder(dir);
}

function execTool(cmd: string, args: string[], input: Buffer): Buffer {
  return execFileSync(cmd, args, { input, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 256 << 20 });
}

const BOOT_TOOLS = ['unpack_bootimg', 'cpio', 'gzip', 'lz4'];
const FAT_TOOLS = ['mcopy', 'mkfs.fat', 'mmd'];

describe('boot images: ramdisk files equal unpack_bootimg + cpio -idv', () => {
  const cases: [string, string][] = [
    ['boot-v0-lz4.img', 'boot-v0'],
    ['boot-v2-gzip.img', 'boot-v2'],
    ['boot-v3-raw.img', 'boot-v3'],
    ['init_boot-v4.img', 'boot-v4'],
    ['vendor_boot-v3.img', 'vendor_boot-v3'],
  ];
  for (const [file, format] of cases) {
    it(file, async () => {
      const { kind, c, close } = await openFile(join(BOOT, file));
      try {
        expect(kind).toBe('bootimg');
        expect(c!.format).toBe(format);
        expect(c!.problems).toEqual([]);
        const mine = await ours(c!, 'ramdisk');
        expect(mine.length).toBeGreaterThan(1);
        if (!haveTools(...BOOT_TOOLS)) {
          console.warn(`SKIPPED oracle for ${file}: needs ${BOOT_TOOLS.join(', ')} (apt-get install mkbootimg cpio lz4)`);
          return;
        }
        const out = mkdtempSync(join(work, 'unpack-'));
        run('unpack_bootimg', ['--boot_img', join(BOOT, file), '--out', out]);
        const rd = readFileSync(join(out, file.startsWith('vendor_boot') ? 'vendor_ramdisk' : 'ramdisk'));
        expect(mine).toEqual(cpioExtract(rd));
        // The other sections are listed as raw files, byte for byte.
        const kernel = c!.files.find((f) => f.name === 'kernel');
        if (kernel) expect(await readAll(await kernel.open())).toEqual(readFileSync(join(out, 'kernel')));
      } finally {
        await close();
      }
    });
  }

  it('vendor_boot v4: each ramdisk of the vendor ramdisk table', async () => {
    const { c, close } = await openFile(join(BOOT, 'vendor_boot-v4.img'));
    try {
      expect(c!.format).toBe('vendor_boot-v4');
      expect(c!.problems).toEqual([]);
      expect(c!.files.map((f) => f.name)).toEqual(
        expect.arrayContaining(['dtb', 'ramdisk.0/init.qcom.rc', 'ramdisk.0/lib/modules/modules.load', 'ramdisk.dlkm/lib/modules/dlkm.ko']),
      );
      if (!haveTools(...BOOT_TOOLS)) return;
      const out = mkdtempSync(join(work, 'unpack-'));
      run('unpack_bootimg', ['--boot_img', join(BOOT, 'vendor_boot-v4.img'), '--out', out]);
      // unpack_bootimg (29) gives the whole vendor ramdisk section: an LZ4 legacy fragment, then a gzip one.
      const all = readFileSync(join(out, 'vendor_ramdisk'));
      const at = all.indexOf(Buffer.from([0x1f, 0x8b, 0x08]));
      expect(await ours(c!, 'ramdisk.0')).toEqual(cpioExtract(all.subarray(0, at)));
      expect(await ours(c!, 'ramdisk.dlkm')).toEqual(cpioExtract(all.subarray(at)));
    } finally {
      await close();
    }
  });
});

describe('boot images whose ramdisk is xz, LZMA, bzip2, zstd or an LZ4 frame (the kernel unpacks them all)', () => {
  const TOOLS = ['mkbootimg', 'cpio', 'xz', 'bzip2', 'zstd', 'lz4'];
  const present = haveTools(...TOOLS);
  if (!present) console.warn(`SKIPPED other ramdisk compressions: needs ${TOOLS.join(', ')} (apt-get install mkbootimg cpio xz-utils bzip2 zstd lz4)`);
  (present ? it : it.skip)('mkbootimg over a cpio each tool compressed: the files cpio -idv extracts, the host in init.rc found; a ramdisk that inflates past the cap is a problem', async () => {
    const tree = join(work, 'rd-tree');
    mkdirSync(join(tree, 'system', 'etc'), { recursive: true });
    writeFileSync(join(tree, 'init.rc'), 'service reg /system/bin/reg\n    setenv URL http://zzhc.vnet.cn/zzhc/register\n');
    writeFileSync(join(tree, 'system', 'etc', 'hosts'), '127.0.0.1 localhost\n');
    const cpio = execTool('sh', ['-c', `cd '${tree}' && find . | LC_ALL=C sort | cpio -o -H newc --quiet`], Buffer.alloc(0));
    const kernel = join(work, 'kernel');
    writeFileSync(kernel, Buffer.alloc(4096, 0x4b));
    const variants: [string, string, string[]][] = [
      ['xz', 'xz', ['--check=crc32', '-c']],
      ['lzma', 'xz', ['--format=lzma', '-c']],
      ['bzip2', 'bzip2', ['-c']],
      ['zstd', 'zstd', ['-q', '-c']],
      ['lz4', 'lz4', ['-q', '-c']],
    ];
    const expected = cpioExtract(cpio);
    for (const [name, tool, args] of variants) {
      const rd = join(work, `ramdisk.${name}`);
      writeFileSync(rd, execTool(tool, args, cpio));
      const img = join(work, `boot-${name}.img`);
      run('mkbootimg', ['--kernel', kernel, '--ramdisk', rd, '--header_version', '2', '--dtb', kernel, '--output', img]);
      const { c, close } = await openFile(img);
      try {
        expect([name, c!.problems]).toEqual([name, []]);
        expect([name, await ours(c!, 'ramdisk')]).toEqual([name, expected]);
      } finally {
        await close();
      }
    }
    // A bomb: 32 MiB of zeros in an xz ramdisk of a few KB, opened with a 1 MiB cap.
    const bomb = join(work, 'ramdisk.bomb');
    writeFileSync(bomb, execTool('xz', ['--check=crc32', '-c'], Buffer.alloc(32 << 20)));
    run('mkbootimg', ['--kernel', kernel, '--ramdisk', bomb, '--output', join(work, 'boot-bomb.img')]);
    const src = await FileSource.open(join(work, 'boot-bomb.img'));
    try {
      const c = await openContainer('bootimg', src, { ...OPTS, maxEntryBytes: 1 << 20 });
      expect(c.problems).toEqual([{ name: 'ramdisk', reason: 'ramdisk: xz ramdisk decompresses past the 1048576-byte cap' }]);
    } finally {
      await src.close();
    }
    // End to end: the host in the LZMA ramdisk's init.rc.
    const build = join(work, 'rd-build');
    mkdirSync(build, { recursive: true });
    copyFileSync(join(work, 'boot-lzma.img'), join(build, 'boot.img'));
    const report = await scanInputs([build]);
    const ep = report.targets[0].endpoints.find((e) => e.value === 'zzhc.vnet.cn');
    expect(ep?.evidence.map((e) => e.path)).toEqual(['boot.img!/ramdisk/init.rc']);
  });
});

describe('a Qualcomm (CAF) v0 boot image: dt_size where AOSP v1+ has header_version', () => {
  const CAF = join(BOOT, 'boot-v0-caf-dt.img');
  /** What went in (build-boot-fat.sh: sha256sum of kernel, ramdisk.cpio.gz and the QCDT dt.img). */
  const parts = Object.fromEntries(
    readFileSync(join(BOOT, 'boot-v0-caf-dt.parts.sha256'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(/ +/).reverse()),
  ) as Record<string, string>;

  it('skales-mkbootimg --dt: read as v0 with kernel, ramdisk and dt sections equal to the parts that went in', async () => {
    const img = readFileSync(CAF);
    // The header as CAF's mkbootimg writes it: field 40 is the dt image's size, no version.
    expect(img.readUInt32LE(40)).toBe(4096);
    const { kind, c, close } = await openFile(CAF);
    try {
      expect(kind).toBe('bootimg');
      expect(c!.format).toBe('boot-v0');
      expect(c!.problems).toEqual([]);
      const section = async (name: string): Promise<Buffer> => readAll(await c!.files.find((f) => f.name === name)!.open());
      expect(sha256(await section('kernel'))).toBe(parts.kernel);
      expect(sha256(await section('dt'))).toBe(parts['dt.img']);
      expect((await section('dt')).subarray(0, 4).toString('latin1')).toBe('QCDT');
      const mine = await ours(c!, 'ramdisk');
      expect(mine.map((f) => f.path)).toEqual(expect.arrayContaining(['init.rc', 'system/bin/autoreg']));
      if (!haveTools('cpio', 'gzip')) return;
      // The ramdisk section is the gzip that went in: its files are what gzip -dc | cpio -idm gives.
      const start = 2048 + Math.ceil(img.readUInt32LE(8) / 2048) * 2048;
      const rd = img.subarray(start, start + img.readUInt32LE(16));
      expect(sha256(rd)).toBe(parts['ramdisk.cpio.gz']);
      expect(mine).toEqual(cpioExtract(rd));
    } finally {
      await close();
    }
  });

  it('a scan finds the host in the dt image and the ramdisk, with nothing unreadable; a dt_size past the end is a clear error', async () => {
    const dir = mkdtempSync(join(work, 'caf-'));
    writeFileSync(join(dir, 'boot.img'), readFileSync(CAF));
    const bad = Buffer.from(readFileSync(CAF));
    bad.writeUInt32LE(1 << 20, 40);
    writeFileSync(join(dir, 'recovery.img'), bad);
    const t = (await scanInputs([dir], undefined, {})).targets[0];
    const at = (host: string): string[] => t.endpoints.filter((e) => e.value === host).flatMap((e) => e.evidence.map((ev) => ev.path));
    expect(at('dm.wo.com.cn')).toEqual(['boot.img!/dt']);
    expect(at('zzhc.vnet.cn')).toContain('boot.img!/ramdisk/init.rc');
    expect(t.unreadable).toEqual([
      {
        path: 'recovery.img',
        format: 'bootimg',
        offset: 40,
        reason: expect.stringMatching(/^header field 40 \(1048576\) is neither a boot image header version \(0-4\) nor the dt_size of a Qualcomm v0 image: the page-aligned kernel, ramdisk, second and dt sections end at \d+, past the 12288-byte file/),
      },
    ]);
  });
});

/** What `mcopy -s` extracts from a FAT image. */
function mcopyExtract(image: string): OracleFile[] {
  const dir = mkdtempSync(join(work, 'mcopy-'));
  run('mcopy', ['-s', '-n', '-i', image, '::*', dir], { env: { MTOOLS_SKIP_CHECK: '1' } });
  return listFolder(dir);
}

describe('FAT images: files equal mcopy -s', () => {
  it('NON-HLOS.bin (FAT12, long names, a fragmented multi-cluster file)', async () => {
    const { kind, c, close } = await openFile(join(FAT, 'NON-HLOS.bin'));
    try {
      expect(kind).toBe('fat');
      expect(c!.format).toBe('fat12');
      expect(c!.problems).toEqual([]);
      const mine = await ours(c!, '');
      expect(mine.map((f) => f.path)).toEqual([
        'image/modem_pr/mcfg/Carrier Config (Long Name).txt',
        'image/qdsp6sw.mbn',
        'verinfo/ver_info.txt',
      ]);
      expect(mine.find((f) => f.path === 'image/qdsp6sw.mbn')!.size).toBeGreaterThan(4 * 512);
      if (!haveTools(...FAT_TOOLS)) {
        console.warn(`SKIPPED mcopy oracle: needs ${FAT_TOOLS.join(', ')} (apt-get install mtools dosfstools)`);
        return;
      }
      expect(mine).toEqual(mcopyExtract(join(FAT, 'NON-HLOS.bin')));
    } finally {
      await close();
    }
  });

  // FAT16 and FAT32 need more clusters than a committed fixture should hold: built here.
  for (const [bits, kib] of [
    [16, 8192],
    [32, 40000],
  ] as const) {
    it(`FAT${bits} built by mkfs.fat + mcopy`, async () => {
      if (!haveTools(...FAT_TOOLS)) {
        console.warn(`SKIPPED FAT${bits}: needs ${FAT_TOOLS.join(', ')}`);
        return;
      }
      const tree = mkdtempSync(join(work, 'tree-'));
      mkdirSync(join(tree, 'image', 'Deep Directory With A Long Name'), { recursive: true });
      writeFileSync(join(tree, 'image', 'qdsp6sw.mbn'), Buffer.from(Array.from({ length: 9000 }, (_, i) => (i * 31) & 255)));
      writeFileSync(join(tree, 'image', 'Deep Directory With A Long Name', 'ünïcode näme.txt'), 'x'.repeat(1500));
      for (let i = 0; i < 40; i++) writeFileSync(join(tree, 'image', `file${i}.bin`), `entry ${i}\n`);
      const img = join(work, `fat${bits}.img`);
      run('mkfs.fat', ['-C', '-F', String(bits), '-s', '1', '-n', 'MODEM', img, String(kib)]);
      run('mcopy', ['-s', '-i', img, join(tree, 'image'), '::'], { env: { MTOOLS_SKIP_CHECK: '1' } });
      const { kind, c, close } = await openFile(img);
      try {
        expect(kind).toBe('fat');
        expect(c!.format).toBe(`fat${bits}`);
        expect(c!.problems).toEqual([]);
        const mine = await ours(c!, '');
        expect(mine).toHaveLength(42);
        expect(mine).toEqual(mcopyExtract(img));
      } finally {
        await close();
      }
    }, 30_000);
  }
});

describe('scanning: planted hosts are found by path, broken images are unreadable', () => {
  function build(files: Record<string, Buffer>): string {
    const dir = mkdtempSync(join(work, 'b-'));
    for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
    copyFileSync(join(IMAGES, 'sample', 'ext4', 'vendor.img'), join(dir, 'vendor.img'));
    return dir;
  }

  it('finds zzhc.vnet.cn in boot.img!/ramdisk/init.rc and NON-HLOS.bin!/image/qdsp6sw.mbn', async () => {
    const dir = build({
      'boot.img': readFileSync(join(BOOT, 'boot-v2-gzip.img')),
      'vendor_boot.img': readFileSync(join(BOOT, 'vendor_boot-v4.img')),
      'NON-HLOS.bin': readFileSync(join(FAT, 'NON-HLOS.bin')),
    });
    const r = await scanInputs([dir], undefined, {});
    const t = r.targets[0];
    expect(t.unreadable).toEqual([]);
    const paths = t.endpoints.filter((e) => e.value === 'zzhc.vnet.cn').flatMap((e) => e.evidence.map((ev) => ev.path));
    expect(paths).toEqual(expect.arrayContaining(['boot.img!/ramdisk/init.rc', 'NON-HLOS.bin!/image/qdsp6sw.mbn']));
    const denied = r.findings.filter((f) => f.rule === 'denied-endpoint').flatMap((f) => [f.path, ...(f.evidence ?? []).map((ev) => ev.path)]);
    expect(denied).toEqual(expect.arrayContaining(['boot.img!/ramdisk/init.rc', 'NON-HLOS.bin!/image/qdsp6sw.mbn']));
  });

  const boot = readFileSync(join(BOOT, 'boot-v2-gzip.img'));
  const fat = readFileSync(join(FAT, 'NON-HLOS.bin'));
  const broken: [string, string, Buffer][] = [
    ['boot cut at 20%', 'boot.img', boot.subarray(0, Math.floor(boot.length * 0.2))],
    ['boot cut at 60% (ramdisk truncated)', 'boot.img', boot.subarray(0, Math.floor(boot.length * 0.6))],
    ['boot: unsupported header version', 'boot.img', (() => { const b = Buffer.from(boot); b.writeUInt32LE(9, 40); return b; })()],
    ['boot: ramdisk gzip corrupt', 'boot.img', (() => { const b = Buffer.from(boot); const at = b.indexOf(Buffer.from([0x1f, 0x8b, 0x08])); b.fill(0x5a, at + 20, at + 200); return b; })()],
    ['FAT cut at 30%', 'NON-HLOS.bin', fat.subarray(0, Math.floor(fat.length * 0.3))],
    ['FAT: cluster chain loop', 'NON-HLOS.bin', (() => {
      const b = Buffer.from(fat);
      // Every FAT12 entry past the reserved two points at cluster 2: chains loop.
      const at = b.readUInt16LE(14) * 512;
      for (let i = 3; i < 120; i++) b[at + i] = i % 3 === 0 ? 0x02 : i % 3 === 1 ? 0x20 : 0x00;
      return b;
    })()],
  ];
  for (const [what, name, data] of broken) {
    it(`${what}: unreadable-artifact, the rest still scanned`, async () => {
      const r = await scanInputs([build({ [name]: data })], undefined, {});
      const t = r.targets[0];
      const mine = t.unreadable.filter((u) => u.path === name || u.path.startsWith(`${name}!/`));
      expect(mine.length).toBeGreaterThan(0);
      for (const u of mine) expect(u.reason.length).toBeGreaterThan(5);
      expect(r.findings.some((f) => f.rule === 'unreadable-artifact' && (f.path === name || f.path?.startsWith(`${name}!/`)))).toBe(true);
      expect(t.sku).toBe('600E0');
      expect(t.unreadable.filter((u) => u.path.startsWith('vendor.img'))).toEqual([]);
    });
  }

  it('readers throw only FormatError on random prefixes and flips', async () => {
    for (const base of [boot, fat, readFileSync(join(BOOT, 'vendor_boot-v4.img'))]) {
      for (let i = 0; i < 60; i++) {
        const b = Buffer.from(base.subarray(0, Math.max(600, Math.floor((base.length * (i + 1)) / 60))));
        b[(i * 7919) % b.length] ^= 0xff;
        const src = new BufferSource(b);
        const kind = await sniffContainer(src, b.subarray(0, 8));
        if (kind !== 'bootimg' && kind !== 'fat') continue;
        try {
          const c = await openContainer(kind, src, OPTS);
          for (const f of c.files) await readAll(await f.open()).catch((e: unknown) => expect(e).toBeInstanceOf(FormatError));
        } catch (e) {
          expect(e).toBeInstanceOf(FormatError);
        }
      }
    }
  });
});
