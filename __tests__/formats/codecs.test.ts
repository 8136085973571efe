/**
 * The capped xz, bzip2, zstd and LZ4 readers (src/formats/codecs.ts) on what the real tools write, and
 * on that cut short and with bytes replaced: every outcome is the text, a FormatError or PastCap
 * (never another exception, never more than the cap), and zstdFrames agrees with `zstd -l` on
 * the frames it walks. Under `npm run fuzz` the mutations run with fresh seeds.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import '../helpers/fast-check-seed.js';
import { compressionOf, decompressCapped, PastCap, zstdFrames, type Compression } from '../../src/formats/codecs.js';
import { FormatError } from '../../src/formats/errors.js';
import { haveTools } from '../containers/helpers.js';
import { fuzzRuns, truncatedAndFlipped } from '../helpers/mutations.js';
import { tempDir } from '../helpers/temp.js';

const present = haveTools('xz', 'bzip2', 'zstd', 'lz4');
if (!present) console.warn('SKIPPED codec properties: needs xz, bzip2, zstd and lz4 (apt-get install xz-utils bzip2 zstd lz4)');
const withTools = present ? describe : describe.skip;

const TEXT = Array.from({ length: 60 }, (_, i) => `line ${i}: http://reg${i % 7}.example.cn/register?imei=${i * 7919}\n`).join('');
const CAP = 1 << 20;
/** The window bound the extractor gives (the per-entry cap): zstd's own frames declare 2-8 MiB. */
const WINDOW = 256 << 20;

const pipe = (tool: string, args: string[], input: string | Buffer): Buffer => execFileSync(tool, args, { input, maxBuffer: 64 << 20 });

withTools('capped codecs', () => {
  const samples: [Compression, string, Buffer][] = present
    ? [
        ['xz', 'xz -6', pipe('xz', ['-c', '-6'], TEXT)],
        ['xz', 'xz, two streams', Buffer.concat([pipe('xz', ['-c'], TEXT), pipe('xz', ['-c', '-0'], TEXT)])],
        ['bzip2', 'bzip2 -9', pipe('bzip2', ['-c', '-9'], TEXT)],
        ['bzip2', 'bzip2, two streams', Buffer.concat([pipe('bzip2', ['-c', '-1'], TEXT), pipe('bzip2', ['-c'], TEXT)])],
        ['zstd', 'zstd -19 (content size, checksum)', pipe('zstd', ['-c', '-q', '-19'], TEXT)],
        ['zstd', 'zstd from a pipe, no checksum', pipe('zstd', ['-c', '-q', '--no-check'], TEXT)],
        ['zstd', 'zstd, two frames', Buffer.concat([pipe('zstd', ['-c', '-q', '-1'], TEXT), pipe('zstd', ['-c', '-q'], TEXT)])],
        ['lz4', 'lz4 (frame)', pipe('lz4', ['-c', '-q'], TEXT)],
        ['lz4', 'lz4 -BX -9 (block checksums)', pipe('lz4', ['-c', '-q', '-BX', '-9'], TEXT)],
        ['lz4', 'lz4 -l (legacy) after a frame', Buffer.concat([pipe('lz4', ['-c', '-q'], TEXT), pipe('lz4', ['-l', '-c', '-q'], TEXT)])],
      ]
    : [];

  for (const [kind, what, data] of samples) {
    it(`${what}: recognised, and read back as the tool reads it`, async () => {
      expect(compressionOf(data)).toBe(kind);
      const expected = pipe(kind, ['-d', '-c'], data);
      expect(await decompressCapped(kind, data, CAP, WINDOW)).toEqual(expected);
      // One byte short of what it holds: PastCap, not a truncated result.
      await expect(decompressCapped(kind, data, expected.length - 1, WINDOW)).rejects.toBeInstanceOf(PastCap);
    });

    it(`${what}, cut short and with bytes replaced: the text, FormatError or PastCap, never more than the cap`, async () => {
      await fc.assert(
        fc.asyncProperty(truncatedAndFlipped(data, 6), async (buf) => {
          try {
            const out = await decompressCapped(kind, buf, CAP, WINDOW);
            expect(out.length).toBeLessThanOrEqual(CAP);
          } catch (e) {
            if (!(e instanceof FormatError) && !(e instanceof PastCap)) throw e;
          }
        }),
        { numRuns: fuzzRuns(60) },
      );
    });
  }

  it('zstdFrames walks the frames zstd -l counts, and any bytes give frames, FormatError or PastCap', () => {
    const two = samples.find(([, what]) => what === 'zstd, two frames')![2];
    const frames = [...zstdFrames(two, CAP, WINDOW)];
    expect(frames).toHaveLength(2);
    expect(frames[0].start).toBe(0);
    expect(frames[1].start).toBe(frames[0].end);
    expect(frames[1].end).toBe(two.length);
    // What zstd -lv says of the file, from the headers: its frame count, and (zstd read the text
    // from a pipe) no decompressed size; the window it shows is the largest frame's.
    const file = join(tempDir('ag-codecs-'), 'two.zst');
    writeFileSync(file, two);
    const listing = execFileSync('zstd', ['-lv', file], { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
    expect(Number(/# Zstandard Frames: (\d+)/.exec(listing)![1])).toBe(frames.length);
    expect(listing.includes('Decompressed Size')).toBe(false);
    expect(frames.map((f) => f.content)).toEqual([undefined, undefined]);
    expect(Math.max(...frames.map((f) => f.window))).toBe(Number(/Window Size: .*\((\d+) B\)/.exec(listing)![1]));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const buf = Buffer.concat([Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), Buffer.from(bytes)]);
        try {
          for (const f of zstdFrames(buf, CAP, WINDOW)) expect(f.end).toBeLessThanOrEqual(buf.length);
        } catch (e) {
          if (!(e instanceof FormatError) && !(e instanceof PastCap)) throw e;
        }
      }),
      { numRuns: fuzzRuns(500) },
    );
  });

  it('compressionOf never throws, and takes no text for compressed data', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 32 }), (bytes) => {
        const kind = compressionOf(Buffer.from(bytes));
        expect([undefined, 'xz', 'bzip2', 'zstd', 'lz4', 'lzma']).toContain(kind);
      }),
      { numRuns: fuzzRuns(500) },
    );
    expect(compressionOf(Buffer.from(TEXT))).toBeUndefined();
    expect(compressionOf(Buffer.from('BZh9 and then text that is no bzip2 block'))).toBeUndefined();
  });
});
