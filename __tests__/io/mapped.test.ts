import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { openSparse } from '../../src/formats/sparse.js';
import { dataRanges, fillSegment, MappedSource, sourceSegment, storedBytes, SubSource, type Segment } from '../../src/io/mapped.js';
import { BufferSource, FileSource } from '../../src/io/source.js';
import { haveTools } from '../containers/helpers.js';

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

const SPARSE_TOOL = haveTools('img2simg');
if (!SPARSE_TOOL) console.warn('SKIPPED storedBytes of sparse images: needs img2simg (apt-get install android-sdk-libsparse-utils)');

/** `raw` made a sparse image by img2simg, opened. */
async function img2simg(raw: Buffer) {
  const dir = mkdtempSync(join(tmpdir(), 'ag-stored-'));
  try {
    writeFileSync(join(dir, 'raw.img'), raw);
    execFileSync('img2simg', [join(dir, 'raw.img'), join(dir, 'sparse.img')]);
    const bytes = readFileSync(join(dir, 'sparse.img'));
    return { bytes, image: (await openSparse(new BufferSource(bytes))).image };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('storedBytes: what a source stores, not what it declares', () => {
  it('a raw file stores its size, a window of it its length', () => {
    const file = new BufferSource(pattern(50000, 4));
    expect(storedBytes(file)).toBe(50000);
    expect(storedBytes(new SubSource(file, 1000, 20000))).toBe(20000);
  });

  (SPARSE_TOOL ? it : it.skip)('a sparse image stores at most the file that holds it and 16 bytes per FILL chunk, not its declared size (img2simg: 2 data blocks, then 64 MiB as one FILL chunk; of zeros, a hole)', async () => {
    const { bytes, image } = await img2simg(Buffer.concat([pattern(8192, 5), Buffer.alloc(64 << 20, 'ab.c', 'latin1')]));
    expect(image.size).toBe(8192 + (64 << 20));
    expect(bytes.length).toBe(28 + 12 + 8192 + 16); // header, RAW chunk, FILL chunk
    expect(storedBytes(image)).toBe(bytes.length + 16);
    // Only the data it reads counts: a hole's zeros are none, so no more than the 2 data blocks.
    const zeros = await img2simg(Buffer.concat([pattern(8192, 5), Buffer.alloc(64 << 20)]));
    expect(zeros.image.size).toBe(8192 + (64 << 20));
    expect(storedBytes(zeros.image)).toBe(8192);
  });

  (SPARSE_TOOL ? it : it.skip)('fills count no more than the file that holds them: 4,000 FILL chunks (blocks of two alternating patterns) are 64 KB stored, not the 16 MB a raw scan reads', async () => {
    const n = 4000;
    const raw = Buffer.alloc(n * 4096);
    for (let b = 0; b < n; b++) raw.fill(b % 2 ? 'ab.c' : 'xy-z', b * 4096, (b + 1) * 4096, 'latin1');
    const { bytes, image } = await img2simg(raw);
    expect(dataRanges(image).reduce((t, [a, c]) => t + c - a, 0)).toBe(n * 4096);
    expect(storedBytes(image)).toBe(n * 16);
    expect(storedBytes(image)).toBeLessThan(bytes.length);
  });
});
