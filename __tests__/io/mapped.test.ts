import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { openSparse } from '../../src/formats/sparse.js';
import { dataRanges, fillSegment, MappedSource, sourceSegment, storedBytes, SubSource, type Segment } from '../../src/io/mapped.js';
import { BufferSource, FileSource } from '../../src/io/source.js';

/** Bytes that differ at every position, so a misplaced copy shows. */
function pattern(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 131 + seed * 17 + (i >> 8)) & 0xff;
  return b;
}

const dir = mkdtempSync(join(tmpdir(), 'ag-mapped-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('MappedSource.readInto', () => {
  // A 64 KiB logical file: a window on a file, a gap, a fill pattern, a segment that decodes in
  // place, another gap, a window on a buffer, and a gap to the end.
  const fileBytes = pattern(40000, 1);
  const filePath = join(dir, 'backing.bin');
  writeFileSync(filePath, fileBytes);
  const bufBytes = pattern(9000, 2);
  const decoded = pattern(3000, 3);

  async function build(): Promise<{ src: MappedSource; expected: Buffer; close: () => Promise<void> }> {
    const file = await FileSource.open(filePath);
    const inPlace: Segment = {
      start: 30000,
      length: 3000,
      read: async (o, n) => Buffer.from(decoded.subarray(o, o + n)),
      readInto: (o, n, dest, at) => {
        decoded.copy(dest, at, o, o + n);
      },
    };
    const segs = [
      sourceSegment(1000, 20000, file, 5000),
      fillSegment(24000, 4000, Buffer.from([1, 2, 3, 4])),
      inPlace,
      sourceSegment(40000, 9000, new BufferSource(bufBytes), 0),
    ];
    const size = 65536;
    const expected = Buffer.alloc(size);
    fileBytes.copy(expected, 1000, 5000, 25000);
    for (let i = 0; i < 4000; i++) expected[24000 + i] = [1, 2, 3, 4][i & 3];
    decoded.copy(expected, 30000);
    bufBytes.copy(expected, 40000);
    return { src: new MappedSource(size, segs), expected, close: () => file.close() };
  }

  it('writes segments where they are and zeros in every gap, over a buffer full of other bytes', async () => {
    const { src, expected, close } = await build();
    try {
      const ranges: [number, number][] = [
        [0, 65536],
        [0, 1000], // a gap only
        [500, 1500], // gap then file
        [20990, 3020], // end of file segment, gap, start of fill
        [27999, 2002], // fill, gap, in-place segment
        [29000, 12000], // gap, in-place, gap, buffer window
        [48990, 16546], // end of the buffer window, gap to the end
        [1234, 0],
      ];
      for (const [pos, len] of ranges) {
        const out = Buffer.alloc(len + 7, 0xaa);
        const got = await src.readInto(pos, len, out);
        expect(got.length).toBe(len);
        expect(got.equals(expected.subarray(pos, pos + len))).toBe(true);
        expect(out.subarray(len).every((b) => b === 0xaa)).toBe(true); // nothing past `length`
        // read() agrees with it.
        expect((await src.read(pos, len)).equals(expected.subarray(pos, pos + len))).toBe(true);
      }
    } finally {
      await close();
    }
  });

  it('refuses a range past the end, like read', async () => {
    const { src, close } = await build();
    try {
      await expect(src.readInto(65000, 1000, Buffer.alloc(1000))).rejects.toThrow(/past the end/);
      await expect(src.read(65000, 1000)).rejects.toThrow(/past the end/);
    } finally {
      await close();
    }
  });
});

describe('storedBytes: what a source stores, not what it declares', () => {
  it('a raw file stores its size; a sparse image stores its RAW chunks, not its declared size nor its holes', async () => {
    const file = new BufferSource(pattern(50000, 4));
    expect(storedBytes(file)).toBe(50000);
    expect(storedBytes(new SubSource(file, 1000, 20000))).toBe(20000);
    // Header, a RAW chunk of 2 blocks, a DONT_CARE chunk of 2^20 blocks (4 GiB of nothing).
    const hdr = Buffer.alloc(28);
    hdr.writeUInt32LE(0xed26ff3a, 0);
    hdr.writeUInt16LE(1, 4);
    hdr.writeUInt16LE(28, 8);
    hdr.writeUInt16LE(12, 10);
    hdr.writeUInt32LE(4096, 12);
    hdr.writeUInt32LE(2 + (1 << 20), 16);
    hdr.writeUInt32LE(2, 20);
    const chunk = (type: number, blocks: number, data: Buffer): Buffer => {
      const c = Buffer.alloc(12);
      c.writeUInt16LE(type, 0);
      c.writeUInt32LE(blocks, 4);
      c.writeUInt32LE(12 + data.length, 8);
      return Buffer.concat([c, data]);
    };
    const sparse = Buffer.concat([hdr, chunk(0xcac1, 2, pattern(8192, 5)), chunk(0xcac3, 1 << 20, Buffer.alloc(0))]);
    const { image } = await openSparse(new BufferSource(sparse));
    expect(image.size).toBe(4096 * (2 + (1 << 20)));
    expect(storedBytes(image)).toBe(8192);
  });

  it('fills count no more than the file that holds them: 100,000 FILL chunks are not 800 MB stored', async () => {
    // 100,000 FILL chunks of 4 blocks each, pattern "ab.c": a raw scan reads 8 KiB of each
    // (dataRanges: 800 MB), but the file holds 16 bytes of each (1.6 MB).
    const n = 100_000;
    const hdr = Buffer.alloc(28);
    hdr.writeUInt32LE(0xed26ff3a, 0);
    hdr.writeUInt16LE(1, 4);
    hdr.writeUInt16LE(28, 8);
    hdr.writeUInt16LE(12, 10);
    hdr.writeUInt32LE(4096, 12);
    hdr.writeUInt32LE(4 * n, 16);
    hdr.writeUInt32LE(n, 20);
    const fill = Buffer.alloc(16);
    fill.writeUInt16LE(0xcac2, 0);
    fill.writeUInt32LE(4, 4);
    fill.writeUInt32LE(16, 8);
    fill.write('ab.c', 12, 'latin1');
    const sparse = Buffer.concat([hdr, ...Array.from({ length: n }, () => fill)]);
    const { image } = await openSparse(new BufferSource(sparse));
    expect(dataRanges(image).reduce((t, [a, b]) => t + b - a, 0)).toBe(n * 8192);
    expect(storedBytes(image)).toBe(n * 16);
    expect(storedBytes(image)).toBeLessThan(sparse.length);
  });
});
