/**
 * The committed image fixtures read by our ext4 / EROFS / sparse / LP / payload readers give
 * exactly what the real tools extract (oracle.json: debugfs rdump, fsck.erofs --extract,
 * simg2img), and the assembled containers (super.img, payload.bin) give back the very images
 * they were built from.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { openLp } from '../../src/formats/lp.js';
import { openPayload } from '../../src/formats/payload.js';
import { openSparse } from '../../src/formats/sparse.js';
import { openZip, readEntry } from '../../src/formats/zip.js';
import { BufferSource, FileSource } from '../../src/io/source.js';
import { storedBytes, SubSource } from '../../src/io/mapped.js';
import { openContainer } from '../../src/inputs/containers.js';
import { IMAGES, readAll, readImage, ROOT, scanInputs, sha256, type OracleFile } from './helpers.js';

const oracle = JSON.parse(readFileSync(join(IMAGES, 'oracle.json'), 'utf8')) as Record<string, { kind: string; tool: string; files: OracleFile[] }>;

describe('every committed image reads as the real tools extract it', () => {
  for (const [rel, o] of Object.entries(oracle)) {
    it(`${rel} (${o.kind}, oracle: ${o.tool})`, async () => {
      const ours = await readImage(join(IMAGES, rel));
      expect(ours.problems).toEqual([]);
      expect(ours.files).toEqual(o.files);
    });
  }
});

describe('sparse images', () => {
  it('the virtual raw image equals the raw image img2simg was given', async () => {
    for (const p of ['system', 'vendor', 'product']) {
      const src = await FileSource.open(join(IMAGES, 'sample', 'sparse', `${p}.img`));
      const { image, info } = await openSparse(src);
      expect(info.blockSize).toBe(4096);
      expect(sha256(await readAll(image))).toBe(sha256(readFileSync(join(IMAGES, 'sample', 'ext4', `${p}.img`))));
      await src.close();
    }
  });
});

describe('super.img (LP metadata written by scripts/fixtures/images/lp.py)', () => {
  it('lists each logical partition by name, and each equals the image it was built from', async () => {
    const src = await FileSource.open(join(IMAGES, 'sample', 'super.img'));
    const lp = await openLp(src);
    expect(lp.partitions.map((p) => [p.name, p.group])).toEqual([
      ['system_a', 'acme_dynamic_partitions'],
      ['vendor_a', 'acme_dynamic_partitions'],
      ['product_a', 'acme_dynamic_partitions'],
      ['system_b', 'acme_dynamic_partitions'],
    ]);
    const from: Record<string, string> = { system_a: 'erofs-lz4hc/system.img', vendor_a: 'ext4/vendor.img', product_a: 'erofs/product.img' };
    for (const p of lp.partitions) {
      if (p.name === 'system_b') {
        expect(p.size).toBe(0);
        continue;
      }
      const want = readFileSync(join(IMAGES, 'sample', from[p.name]));
      const got = await readAll(p.open());
      // lp.py pads each image to 4 KiB.
      expect(sha256(got.subarray(0, want.length))).toBe(sha256(want));
      expect(got.subarray(want.length).every((b) => b === 0)).toBe(true);
    }
    await src.close();
  });

  it('partitions mapping the same sectors (crafted metadata) are read up to 16 times the image and 1 GiB; the rest are reported', async () => {
    // One 16 MiB partition and 89 more naming its extents: 1.44 GB of partitions in a 16 MiB image.
    const dir = mkdtempSync(join(tmpdir(), 'ag-lp-shared-'));
    try {
      const blob = Buffer.alloc(16 << 20);
      blob.write('server=https://shared.acme.cn/x', 4096, 'latin1');
      writeFileSync(join(dir, 'blob.bin'), blob);
      mkdirSync(join(dir, 'in'));
      const names = Array.from({ length: 90 }, (_, i) => `p${String(i).padStart(2, '0')}`);
      execFileSync('python3', [join(ROOT, 'scripts', 'fixtures', 'images', 'lp.py'), join(dir, 'in', 'super.img'), `${names[0]}=${join(dir, 'blob.bin')}`, ...names.slice(1).map((n) => `${n}=*${names[0]}`)]);
      const size = statSync(join(dir, 'in', 'super.img')).size;
      const src = await FileSource.open(join(dir, 'in', 'super.img'));
      const lp = await openLp(src);
      await src.close();
      expect(lp.partitions.map((p) => p.linearBytes)).toEqual(names.map(() => 16 << 20));
      const t = (await scanInputs([join(dir, 'in')])).targets[0];
      const kept = Math.floor((16 * size + (1 << 30)) / (16 << 20));
      const refused = t.unreadable.filter((u) => /logical partitions map more than/.test(u.reason)).map((u) => u.path);
      expect(refused).toEqual(names.slice(kept).map((n) => `super.img!/${n}`));
      expect(t.endpoints.find((e) => e.value === 'shared.acme.cn')?.evidenceCount).toBe(kept);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('what a filesystem image gives beyond its size is spent from the budget', () => {
  const opened = async (kind: 'ext4' | 'erofs', rel: string): Promise<{ size: number; files: number; spent: number[] }> => {
    const src = await FileSource.open(join(IMAGES, rel));
    const spent: number[] = [];
    const c = await openContainer(kind, src, { budget: { spend: (n) => void spent.push(n) }, maxEntryBytes: 1 << 28, memoryBytes: 1 << 26, maxSpillBytes: 1 << 30 });
    for (const f of c.files) await (await f.open()).close?.();
    const size = c.files.reduce((n, f) => n + f.size, 0);
    await src.close();
    return { size, files: c.files.length, spent };
  };

  it('nothing for images that hold their files, compressed EROFS included (it holds four times its size)', async () => {
    // The LZ4HC image's files are 1.1 times its 20 KiB: compressed, not shared.
    const erofs = await opened('erofs', 'sample/erofs-lz4hc/system.img');
    expect(erofs.size).toBeGreaterThan(20480);
    expect(erofs.spent).toEqual([]);
    const ext4 = await opened('ext4', 'sample/ext4/system.img');
    expect(ext4.files).toBeGreaterThan(0);
    expect(ext4.spent).toEqual([]);
  });

  it('nor for the raw images of img2simg\'s sparse files, whose allowance is what they store (not what they declare): the same files as the ext4 images', async () => {
    for (const p of ['system', 'vendor', 'product']) {
      const src = await FileSource.open(join(IMAGES, 'sample', 'sparse', `${p}.img`));
      const { image } = await openSparse(src);
      expect(storedBytes(image)).toBeLessThan(image.size);
      const spent: number[] = [];
      const c = await openContainer('ext4', image, { budget: { spend: (n) => void spent.push(n) }, maxEntryBytes: 1 << 28, memoryBytes: 1 << 26, maxSpillBytes: 1 << 30 });
      for (const f of c.files) await (await f.open()).close?.();
      expect(c.problems).toEqual([]);
      expect(spent).toEqual([]);
      const raw = await FileSource.open(join(IMAGES, 'sample', 'ext4', `${p}.img`));
      const plain = await openContainer('ext4', raw, { budget: { spend: () => undefined }, maxEntryBytes: 1 << 28, memoryBytes: 1 << 26, maxSpillBytes: 1 << 30 });
      expect(c.files.map((f) => [f.name, f.size])).toEqual(plain.files.map((f) => [f.name, f.size]));
      await raw.close();
      await src.close();
    }
  });
});

describe('payload.bin (written by scripts/fixtures/images/payload.py with bzip2/xz/zstd)', () => {
  it('each partition, decoded operation by operation, equals the image it was built from', async () => {
    const src = await FileSource.open(join(IMAGES, 'sample', 'ota.zip'));
    const zip = await openZip(src);
    const entry = zip.entries.find((e) => e.name === 'payload.bin')!;
    expect(entry.method).toBe(0);
    const raw = await readEntry(src, entry, { maxBytes: 1 << 30 });
    const payload = await openPayload(new BufferSource(raw));
    expect(payload.minorVersion).toBe(0);
    expect(payload.partitions.map((p) => p.name)).toEqual(['system', 'vendor', 'product']);
    const from: Record<string, string> = { system: 'ext4/system.img', vendor: 'erofs-lz4hc/vendor.img', product: 'ext4/product.img' };
    for (const p of payload.partitions) {
      const want = readFileSync(join(IMAGES, 'sample', from[p.name]));
      const got = await readAll(p.open());
      expect(got.length).toBeGreaterThanOrEqual(want.length);
      expect(sha256(got.subarray(0, want.length))).toBe(sha256(want));
    }
    // Random reads across operation boundaries give the same bytes as the image.
    const sys = payload.partitions[0].open();
    const want = readFileSync(join(IMAGES, 'sample', 'ext4', 'system.img'));
    for (const [pos, len] of [[0, 1], [4090, 20], [16383, 2], [65536 - 7, 70000], [want.length - 5, 5]]) {
      expect(Buffer.compare(await sys.read(pos, len), want.subarray(pos, pos + len))).toBe(0);
    }
    await src.close();
  });

  it('uses every full-OTA operation type', async () => {
    const src = await FileSource.open(join(IMAGES, 'sample', 'ota.zip'));
    const zip = await openZip(src);
    const e = zip.entries.find((x) => x.name === 'payload.bin')!;
    const raw = await readEntry(src, e, { maxBytes: 1 << 30 });
    // Operation types as the protobuf says (independently of openPayload): field 13 -> 8 -> 1.
    const { decodeMessage, pbRepeated, pbUint } = await import('../../src/formats/protobuf.js');
    const manifest = decodeMessage(raw.subarray(24, 24 + Number(raw.readBigUInt64BE(12))));
    const types = new Set<number>();
    for (const p of pbRepeated(manifest, 13)) for (const op of pbRepeated(decodeMessage(p), 8)) types.add(pbUint(decodeMessage(op), 1) ?? 0);
    expect([...types].sort((a, b) => a - b)).toEqual([0, 1, 6, 7, 8, 14]);
    await src.close();
  });

  it('a delta payload names the operation that needs the source build', async () => {
    const src = await FileSource.open(join(IMAGES, 'broken', 'delta-ota.zip'));
    const zip = await openZip(src);
    const e = zip.entries.find((x) => x.name === 'payload.bin')!;
    const payload = await openPayload(new SubSource(src, e.localHeaderOffset + 30 + e.rawName.length, e.uncompressedSize));
    expect(payload.partitions[0].unreadable).toMatch(/delta OTA: operation SOURCE_COPY needs the source build's system partition/);
    expect(() => payload.partitions[0].open()).toThrow(/delta OTA/);
    await src.close();
  });
});
