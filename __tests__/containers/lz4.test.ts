/**
 * The LZ4 block decoder against the real `lz4` tool (a frame of independent 64 KiB blocks, each
 * in the raw block format that EROFS stores), including overlapping matches (repeated patterns),
 * and bounded behaviour on hostile input.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { FormatError } from '../../src/formats/errors.js';
import { lz4DecompressBlock, lz4DecompressBlockInto, lz4DecompressBlockJs, lz4UsesWasm } from '../../src/formats/lz4.js';
import { haveTools, warnMissing } from './helpers.js';

const BLOCK = 64 * 1024;

/** The data blocks of an LZ4 frame (no block checksums). */
function frameBlocks(frame: Buffer): { data: Buffer; compressed: boolean }[] {
  expect(frame.readUInt32LE(0)).toBe(0x184d2204);
  const flg = frame[4];
  let p = 4 + 2 + (flg & 0x08 ? 8 : 0) + (flg & 0x01 ? 4 : 0) + 1;
  const out: { data: Buffer; compressed: boolean }[] = [];
  while (true) {
    const size = frame.readUInt32LE(p);
    p += 4;
    if (size === 0) break;
    const len = size & 0x7fffffff;
    out.push({ data: frame.subarray(p, p + len), compressed: (size & 0x80000000) === 0 });
    p += len + (flg & 0x10 ? 4 : 0);
  }
  return out;
}

describe('LZ4 block decoding', () => {
  const inputs: [string, Buffer][] = [
    ['text', Buffer.from('https://zzhc.vnet.cn/ '.repeat(3000) + 'tail')],
    ['period-1 run', Buffer.alloc(70_000, 0x41)],
    ['period-3 pattern', Buffer.from('abc'.repeat(30_000))],
    ['mixed', Buffer.concat([Buffer.from('header'), Buffer.alloc(5000, 7), Buffer.from('x'.repeat(10) + 'yz'.repeat(40_000))])],
  ];
  for (const [what, data] of inputs) {
    it(`${what}: decodes what lz4 -9 encoded`, () => {
      if (!haveTools('lz4')) {
        warnMissing('LZ4 oracle test', ['lz4']);
        return;
      }
      const frame = execFileSync('lz4', ['-9', '-c', '-B4', '-BI', '--no-frame-crc'], { input: data });
      const blocks = frameBlocks(frame);
      expect(blocks.some((b) => b.compressed)).toBe(true);
      const outs = blocks.map((b, i) => (b.compressed ? lz4DecompressBlock(b.data, Math.min(BLOCK, data.length - i * BLOCK)) : b.data));
      expect(Buffer.concat(outs).equals(data)).toBe(true);
      // Decoded in place into one buffer (as EROFS reads whole extents): the same bytes, and
      // nothing written outside each block's place (the module's 16-byte copies run past its
      // own output, never past the caller's).
      const into = Buffer.alloc(data.length + 64, 0xee);
      blocks.forEach((b, i) => {
        const n = Math.min(BLOCK, data.length - i * BLOCK);
        if (b.compressed) lz4DecompressBlockInto(b.data, n, into, 32 + i * BLOCK);
        else b.data.copy(into, 32 + i * BLOCK);
      });
      expect(into.subarray(32, 32 + data.length).equals(data)).toBe(true);
      expect(into.subarray(0, 32).every((x) => x === 0xee) && into.subarray(32 + data.length).every((x) => x === 0xee)).toBe(true);
    });
  }

  it('hostile input: bad offsets and truncation are FormatErrors, never out-of-range writes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 0, max: 5000 }), (bytes, size) => {
        try {
          expect(lz4DecompressBlock(bytes, size).length).toBe(size);
        } catch (e) {
          expect(e).toBeInstanceOf(FormatError);
        }
      }),
      { numRuns: 500 },
    );
  });

  describe('the WebAssembly decoder and the JavaScript one agree', () => {
    /** The result of a decoder: the bytes, or the fault it names. */
    const outcome = (f: () => Buffer): string => {
      try {
        return f().toString('hex');
      } catch (e) {
        return `error ${(e as FormatError).message}`;
      }
    };

    it('runs in this Node.js on the WebAssembly module', () => {
      expect(lz4UsesWasm()).toBe(true);
    });

    it('on every block lz4 -1 and -9 wrote, whole and with the output cut short, and on mutations of them (property)', () => {
      if (!haveTools('lz4')) {
        warnMissing('LZ4 decoder agreement', ['lz4']);
        return;
      }
      const data = Buffer.concat(inputs.map(([, d]) => d));
      const blocks = ['-1', '-9'].flatMap((level) =>
        frameBlocks(execFileSync('lz4', [level, '-c', '-B4', '-BI', '--no-frame-crc'], { input: data })).filter((b) => b.compressed).map((b) => b.data),
      );
      expect(blocks.length).toBeGreaterThan(4);
      for (const b of blocks) {
        for (const size of [BLOCK, 1000, 17, 0]) {
          expect(outcome(() => lz4DecompressBlock(b, size))).toBe(outcome(() => lz4DecompressBlockJs(b, size)));
          expect(outcome(() => lz4DecompressBlock(b, size, 'ramdisk', true))).toBe(outcome(() => lz4DecompressBlockJs(b, size, 'ramdisk', true)));
        }
      }
      fc.assert(
        fc.property(fc.nat({ max: blocks.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }), fc.nat({ max: BLOCK }), fc.boolean(), (i, flips, size, short) => {
          const b = Buffer.from(blocks[i]);
          for (const [at, v] of flips) b[at % b.length] = v;
          expect(outcome(() => lz4DecompressBlock(b, size, 'lz4', short))).toBe(outcome(() => lz4DecompressBlockJs(b, size, 'lz4', short)));
        }),
        { numRuns: 300 },
      );
    });
  });
});
