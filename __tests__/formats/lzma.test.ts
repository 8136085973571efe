/**
 * The LZMA-alone decoder (src/formats/lzma.ts) and the capped codec over it, on what the real
 * encoders write: `xz --format=lzma` (an unknown size and an end marker; made at run time) and
 * liblzma's LZMA1 encoder with a declared size and no end marker, as the LZMA SDK writes it
 * (committed: scripts/fixtures/build-lzma.sh). Decoded bytes are compared with the originals
 * and with `xz -dc`; faults are FormatErrors naming them; output stops at the cap.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import '../helpers/fast-check-seed.js';
import { compressionOf, decompressCapped, mayBeCompressed, PastCap, sniffLength, type DecodeMeter } from '../../src/formats/codecs.js';
import { FormatError } from '../../src/formats/errors.js';
import { decodeLzma, isLzma, LZMA_SNIFF_BYTES, readLzmaHeader } from '../../src/formats/lzma.js';
import { haveTools } from '../containers/helpers.js';
import { fuzzRuns, truncatedAndFlipped } from '../helpers/mutations.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'lzma');
const REG = readFileSync(join(FIXTURES, 'reg.txt'));
const KNOWN = ['reg.known.lzma', 'reg.lc0-lp2-pb0.known.lzma', 'reg.lc4-lp0-pb4.known.lzma'].map((f) => [f, readFileSync(join(FIXTURES, f))] as const);
const BOMB = readFileSync(join(FIXTURES, 'bomb.known.lzma'));
const CAP = 1 << 20;

/** The data with its declared uncompressed size replaced (all-ones: unknown). */
function withSize(data: Buffer, size: bigint): Buffer {
  const b = Buffer.from(data);
  b.writeBigUInt64LE(size, 5);
  return b;
}

function formatError(f: () => unknown): FormatError {
  try {
    f();
  } catch (e) {
    if (e instanceof FormatError) return e;
    throw e;
  }
  throw new Error('no FormatError');
}

/** A deterministic mix of text, repeats and noise: every kind of symbol, matches far and near. */
function mixed(n: number): Buffer {
  const b = Buffer.alloc(n);
  let x = 12345;
  for (let i = 0; i < n; ) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const kind = x % 4;
    if (kind === 0 && i > 1000) {
      const len = Math.min(n - i, 3 + (x >>> 20) % 300);
      b.copyWithin(i, i - 1 - ((x >>> 8) % Math.min(i - len, 200000)), i - 1 - ((x >>> 8) % Math.min(i - len, 200000)) + len);
      i += len;
    } else if (kind === 1) {
      const s = Buffer.from(`line ${i}: http://reg${x % 13}.example.cn/?imei=${x}\n`);
      i += s.copy(b, i);
    } else {
      for (let k = 0; k < 64 && i < n; k++) b[i++] = (x >>> (k % 24)) & 0xff;
    }
  }
  return b;
}

describe('LZMA-alone with a declared size and no end marker (committed, liblzma LZMA1 encoder)', () => {
  for (const [name, data] of KNOWN) {
    it(`${name}: decoded exactly, every byte of the stream read, recognised`, async () => {
      const r = decodeLzma(data, CAP);
      expect(r.status).toBe('end');
      expect(r.out.equals(REG)).toBe(true);
      expect(13 + r.consumed).toBe(data.length);
      expect(isLzma(data)).toBe(true);
      expect(mayBeCompressed(data.subarray(0, 8))).toBe(true);
      expect(sniffLength(data.subarray(0, 18))).toBe(LZMA_SNIFF_BYTES);
      expect(compressionOf(data)).toBe('lzma');
      expect(await decompressCapped('lzma', data, CAP)).toEqual(REG);
      // One byte short of what it declares: PastCap, before decoding.
      await expect(decompressCapped('lzma', data, REG.length - 1)).rejects.toThrow(new PastCap(`declares ${REG.length} bytes, more than ${REG.length - 1}`));
    });
  }

  it('the header is read as the specification lays it out', () => {
    expect(readLzmaHeader(KNOWN[0][1])).toEqual({ lc: 3, lp: 0, pb: 2, dictSize: 8 << 20, size: REG.length });
    expect(readLzmaHeader(KNOWN[1][1])).toMatchObject({ lc: 0, lp: 2, pb: 0, size: REG.length });
    expect(readLzmaHeader(KNOWN[2][1])).toMatchObject({ lc: 4, lp: 0, pb: 4, dictSize: 4096 });
    const bad = Buffer.from(KNOWN[0][1]);
    bad[0] = 225;
    expect(formatError(() => decodeLzma(bad, CAP)).reason).toBe('properties byte 225 is not below 225 (lc, lp and pb out of range)');
    expect(isLzma(bad)).toBe(false);
  });

  it('cut short anywhere: a FormatError saying it is truncated', () => {
    const data = KNOWN[0][1];
    for (let cut = 0; cut < data.length; cut++) {
      const e = formatError(() => decodeLzma(data.subarray(0, cut), CAP));
      expect(e.format).toBe('lzma');
      expect(e.reason).toMatch(cut < 13 ? /^truncated header: / : /^truncated: the data ends after \d+ bytes of output, before the stream does$/);
    }
  });

  it('a declared size that disagrees with the data is a FormatError naming it', () => {
    const data = KNOWN[0][1];
    expect(formatError(() => decodeLzma(withSize(data, BigInt(REG.length - 1)), CAP)).reason).toMatch(/^(data continues|a match runs) past the declared size of 9603 bytes$/);
    expect(formatError(() => decodeLzma(withSize(data, BigInt(REG.length + 1)), CAP)).reason).toMatch(/^truncated: /);
    // Declared unknown: the stream has no end marker, so it runs out of data.
    expect(formatError(() => decodeLzma(withSize(data, 0xffffffffffffffffn), CAP)).reason).toMatch(/^truncated: /);
  });

  it('zeros after the stream are padding; other bytes fail closed (xz -d refuses both)', () => {
    const data = KNOWN[0][1];
    expect(decodeLzma(Buffer.concat([data, Buffer.alloc(100)]), CAP).out.equals(REG)).toBe(true);
    const hidden = Buffer.concat([data, Buffer.from('X'), data]);
    expect(formatError(() => decodeLzma(hidden, CAP)).reason).toBe(`${data.length + 1} bytes after the end of the stream, at offset ${data.length}, that are not zero padding`);
    // Still LZMA to the sniffer: unreadable, not plain data with a second stream unread.
    expect(compressionOf(hidden)).toBe('lzma');
  });

  it('the range coder must start with a 0 byte and a code below its range', () => {
    const data = Buffer.from(KNOWN[0][1]);
    data[13] = 1;
    expect(formatError(() => decodeLzma(data, CAP)).reason).toBe("the range coder's first byte is 1, not 0");
    expect(isLzma(data)).toBe(false);
    const full = Buffer.concat([KNOWN[0][1].subarray(0, 14), Buffer.alloc(4, 0xff), KNOWN[0][1].subarray(18)]);
    expect(formatError(() => decodeLzma(full, CAP)).reason).toBe('the range coder starts with its code equal to its range');
  });

  it('a bomb (5 KB declaring 24 MiB) is refused at the cap before decoding, and decodes exactly under a cap that allows it', async () => {
    const size = (24 << 20) + REG.length;
    expect(readLzmaHeader(BOMB).size).toBe(size);
    const meter: DecodeMeter = { produced: 0 };
    await expect(decompressCapped('lzma', BOMB, CAP, CAP, CAP, meter)).rejects.toThrow(new PastCap(`declares ${size} bytes, more than ${CAP}`));
    expect(meter.produced).toBe(CAP);
    // Declared unknown instead: the decoder stops when it reaches the cap.
    const unknown = withSize(BOMB, 0xffffffffffffffffn);
    const meter2: DecodeMeter = { produced: 0 };
    await expect(decompressCapped('lzma', unknown, CAP, CAP, CAP, meter2)).rejects.toThrow(new PastCap(`decompresses to more than ${CAP} bytes`));
    expect(meter2.produced).toBe(CAP);
    const out = await decompressCapped('lzma', BOMB, 32 << 20);
    expect(out.length).toBe(size);
    expect(out.subarray(0, 24 << 20).every((b) => b === 0)).toBe(true);
    expect(out.subarray(24 << 20).equals(REG)).toBe(true);
  });

  it('a declared dictionary of 4 GiB costs nothing: the output is the window', () => {
    const huge = Buffer.from(KNOWN[0][1]);
    huge.writeUInt32LE(0xffffffff, 1);
    expect(decodeLzma(huge, CAP).out.equals(REG)).toBe(true);
    expect(isLzma(huge)).toBe(true);
  });

  it('cut short and with bytes replaced: the text, a FormatError or PastCap, never more than the cap', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(...[...KNOWN.map(([, d]) => d), BOMB].map((d) => truncatedAndFlipped(d, 6))), async (buf) => {
        expect(typeof isLzma(buf)).toBe('boolean');
        try {
          const out = await decompressCapped('lzma', buf, CAP);
          expect(out.length).toBeLessThanOrEqual(CAP);
        } catch (e) {
          if (!(e instanceof FormatError) && !(e instanceof PastCap)) throw e;
        }
      }),
      { numRuns: fuzzRuns(300) },
    );
  });

  it('data that is not LZMA is not taken for it: text, an ELF, zeros, structured data, a plausible header before text, zeros or random bytes', () => {
    const notLzma = [
      REG,
      readFileSync(process.execPath).subarray(0, 64 << 10),
      Buffer.alloc(4096),
      // Fortran records (a count of 3, then zeros): a plausible header declaring 0 bytes.
      Buffer.concat([Buffer.from([0x70, 3]), Buffer.alloc(4094)]),
      // The header xz writes, then text; then zeros (which decode to zeros only).
      Buffer.concat([KNOWN[0][1].subarray(0, 14), REG]),
      Buffer.concat([KNOWN[0][1].subarray(0, 14), Buffer.alloc(4096)]),
    ];
    for (const b of notLzma) expect(compressionOf(b)).toBeUndefined();
    let accepted = 0;
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 4000, maxLength: 4000 }), (bytes) => {
        const b = Buffer.concat([KNOWN[0][1].subarray(0, 14), Buffer.from(bytes)]);
        if (compressionOf(b) === 'lzma') accepted++;
      }),
      { numRuns: 200 },
    );
    // Random bytes decode for a while (LZMA has no checks but distances); 4 KB of them rarely do.
    expect(accepted).toBeLessThanOrEqual(2);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect([undefined, 'gzip', 'xz', 'bzip2', 'zstd', 'lz4', 'lzma']).toContain(compressionOf(Buffer.from(bytes)));
      }),
      { numRuns: fuzzRuns(500) },
    );
  });
});

const present = haveTools('xz');
if (!present) console.warn('SKIPPED LZMA-alone made by xz: needs xz (apt-get install xz-utils)');
const withXz = present ? describe : describe.skip;

const xz = (args: string[], input: Buffer): Buffer => execFileSync('xz', args, { input, maxBuffer: 256 << 20 });

withXz('LZMA-alone made by xz --format=lzma (unknown size, end marker)', () => {
  const MIXED = mixed(600 << 10);
  const cases: [string, string[], Buffer][] = [
    ['-0', ['-0'], MIXED],
    ['-6', ['-6'], MIXED],
    ['-9e', ['-9e'], MIXED],
    ['--lzma1=lc=0,lp=2,pb=0', ['--lzma1=preset=6,lc=0,lp=2,pb=0'], MIXED],
    ['--lzma1=lc=4,lp=0,pb=4', ['--lzma1=preset=6,lc=4,lp=0,pb=4'], MIXED],
    ['--lzma1=lc=1,lp=3,pb=1,mode=fast', ['--lzma1=preset=3,lc=1,lp=3,pb=1,mode=fast'], MIXED],
    ['one byte', ['-6'], Buffer.from('a')],
    ['nothing', ['-6'], Buffer.alloc(0)],
    ['the fixture text', ['-6'], REG],
  ];
  for (const [what, args, input] of cases) {
    it(`${what}: decoded as xz -dc decodes it, recognised`, async () => {
      const data = xz(['--format=lzma', '-c', ...args], input);
      expect(readLzmaHeader(data).size).toBeUndefined();
      const expected = xz(['-dc', '--format=lzma'], data);
      expect(expected.equals(input)).toBe(true);
      const r = decodeLzma(data, CAP);
      expect(r.status).toBe('end');
      expect(13 + r.consumed).toBe(data.length);
      expect(r.out.equals(expected)).toBe(true);
      expect(compressionOf(data)).toBe('lzma');
      if (input.length > 0) await expect(decompressCapped('lzma', data, input.length - 1)).rejects.toThrow(new PastCap(`decompresses to more than ${input.length - 1} bytes`));
    });
  }

  it('a stream from a pipe (cat f | xz --format=lzma) and from a file (xz --format=lzma -k) are the same, and read back', () => {
    const piped = xz(['--format=lzma', '-c'], REG);
    const file = execFileSync('xz', ['--format=lzma', '-k', '-c', join(FIXTURES, 'reg.txt')]);
    expect(file.equals(piped)).toBe(true);
    expect(decodeLzma(file, CAP).out.equals(REG)).toBe(true);
  });

  it('an end marker after a declared size is read (xz -d and the specification allow it); one before it is a FormatError', () => {
    const data = xz(['--format=lzma', '-c'], REG);
    const known = withSize(data, BigInt(REG.length));
    expect(xz(['-dc', '--format=lzma'], known).equals(REG)).toBe(true);
    expect(decodeLzma(known, CAP).out.equals(REG)).toBe(true);
    const larger = withSize(data, BigInt(REG.length + 5));
    expect(spawnSync('xz', ['-dc', '--format=lzma'], { input: larger }).status).not.toBe(0);
    expect(formatError(() => decodeLzma(larger, CAP)).reason).toBe(`an end marker after ${REG.length} bytes, before the declared size of ${REG.length + 5}`);
  });

  it('a declared dictionary smaller than the matches reach: a FormatError, as xz -d refuses it', () => {
    const data = Buffer.from(xz(['--format=lzma', '-c', '-6'], MIXED));
    data.writeUInt32LE(4096, 1);
    expect(spawnSync('xz', ['-dc', '--format=lzma'], { input: data }).status).not.toBe(0);
    expect(formatError(() => decodeLzma(data, CAP)).reason).toMatch(/^a match \d+ bytes back, beyond the 4096-byte dictionary$/);
  });

  it('a bomb (24 MiB of zeros and a URL, a few KB) stops at the cap', async () => {
    const bomb = xz(['--format=lzma', '-c', '-9'], Buffer.concat([Buffer.alloc(24 << 20), REG]));
    expect(bomb.length).toBeLessThan(8192);
    const meter: DecodeMeter = { produced: 0 };
    await expect(decompressCapped('lzma', bomb, CAP, CAP, CAP, meter)).rejects.toBeInstanceOf(PastCap);
    expect(meter.produced).toBe(CAP);
    expect((await decompressCapped('lzma', bomb, 32 << 20)).subarray(24 << 20).equals(REG)).toBe(true);
  });

  it('cut short: a FormatError at every length, as xz -d fails', () => {
    const data = xz(['--format=lzma', '-c'], MIXED.subarray(0, 20000));
    for (let cut = 13; cut < data.length; cut += 97) {
      expect(formatError(() => decodeLzma(data.subarray(0, cut), CAP)).reason).toMatch(/^truncated: /);
      // Still recognised: a cut stream is LZMA that does not decompress (fail closed).
      if (cut >= 13 + 64) expect(compressionOf(data.subarray(0, cut))).toBe('lzma');
    }
    expect(spawnSync('xz', ['-dc', '--format=lzma'], { input: data.subarray(0, data.length - 1) }).status).not.toBe(0);
  });

  it('bytes replaced: the same output as xz -dc, or a FormatError where xz -d fails too', () => {
    const data = xz(['--format=lzma', '-c'], MIXED.subarray(0, 30000));
    let agreed = 0;
    for (let k = 0; k < 40; k++) {
      const b = Buffer.from(data);
      const at = 14 + ((k * 7919) % (data.length - 14));
      b[at] ^= 1 << k % 8;
      const ref = spawnSync('xz', ['-dc', '--format=lzma'], { input: b, maxBuffer: 64 << 20 });
      try {
        const out = decodeLzma(b, 64 << 20).out;
        // No check in LZMA: corruption may decode to other bytes; where it does, xz agrees.
        expect(ref.status).toBe(0);
        expect(out.equals(ref.stdout)).toBe(true);
        agreed++;
      } catch (e) {
        if (!(e instanceof FormatError)) throw e;
        expect(ref.status).not.toBe(0);
      }
    }
    expect(agreed).toBeLessThan(40);
  });
});
