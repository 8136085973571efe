/**
 * Mutation fuzzing of the parsers this folder owns (ZIP reader, build.prop, endpoint scanner,
 * the whole per-file extraction), seeded from real fixtures. In the normal suite it runs with a
 * fixed seed (__tests__/helpers/fast-check-seed.ts); `npm run fuzz` runs it longer with fresh
 * seeds. Invariant: bad input gives a FormatError (or facts), never another exception, and
 * every input finishes quickly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { extractFile } from '../../src/extract/artifact.js';
import { EndpointScanner } from '../../src/extract/endpoints.js';
import { newContext } from '../../src/extract/pool.js';
import { DEFAULT_LIMITS } from '../../src/extract/limits.js';
import { parseBuildProp } from '../../src/formats/buildprop.js';
import { decodeJsonEscapes, decodeProperties, decodeXmlText, forEachBase64Text } from '../../src/formats/encoded-text.js';
import { FormatError } from '../../src/formats/errors.js';
import { openZip, readEntry } from '../../src/formats/zip.js';
import { decodeFolder, openSevenZip } from '../../src/formats/sevenzip.js';
import { BufferSource } from '../../src/io/source.js';
import { fuzzRuns } from '../helpers/mutations.js';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { crc32 } from 'node:zlib';

const APKS = join(import.meta.dirname, '..', 'fixtures', 'apks');
const seeds = ['autoregistration-cn.apk', 'overlay-cn.apk', 'native-only.apk'].map((f) => readFileSync(join(APKS, f)));

/** A real fixture with some of its bytes replaced and possibly cut short. */
const mutated = fc
  .record({
    seed: fc.integer({ min: 0, max: seeds.length - 1 }),
    flips: fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 12 }),
    cut: fc.option(fc.nat(), { nil: undefined }),
  })
  .map(({ seed, flips, cut }) => {
    const b = Buffer.from(seeds[seed]);
    for (const f of flips) b[f.at % b.length] = f.byte;
    return cut === undefined ? b : b.subarray(0, cut % b.length);
  });

const RUNS = fuzzRuns(150);

describe('fuzz: ZIP reader', () => {
  it('any byte flip or truncation of a real APK lists and reads or throws FormatError', async () => {
    await fc.assert(
      fc.asyncProperty(mutated, async (buf) => {
        const src = new BufferSource(buf);
        const t0 = Date.now();
        try {
          const zip = await openZip(src);
          for (const e of zip.entries.slice(0, 50)) {
            try {
              await readEntry(src, e, { maxBytes: 1 << 22 });
            } catch (err) {
              if (!(err instanceof FormatError)) throw err;
            }
          }
        } catch (err) {
          if (!(err instanceof FormatError)) throw err;
        }
        expect(Date.now() - t0).toBeLessThan(2000);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fuzz: whole-file extraction', () => {
  it('a mutated APK never throws out of extractFile; what it reads or cannot read is attributed and explained', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ag-fuzz-'));
    try {
      await fc.assert(
        fc.asyncProperty(mutated, async (buf) => {
          const path = join(dir, 'm.apk');
          writeFileSync(path, buf);
          const ctx = newContext({ hosts: ['zzhc.vnet.cn'], sms: ['10659401'], mentionPackages: [], limits: { ...DEFAULT_LIMITS, maxEntryBytes: 1 << 22 } });
          await extractFile({ abs: Buffer.from(path), relPath: 'm.apk', size: buf.length, partition: '', partitionPath: 'm.apk' }, ctx);
          // Whatever was read is attributed to this file; whatever was not is said, with a reason
          // from a parser (never an internal error).
          for (const p of ctx.packages) expect(p.path.startsWith('m.apk')).toBe(true);
          for (const e of ctx.endpoints.finish()) for (const ev of e.evidence) expect(ev.path.startsWith('m.apk')).toBe(true);
          for (const u of ctx.unreadable) {
            expect(u.path.startsWith('m.apk')).toBe(true);
            expect(u.reason.length).toBeGreaterThan(5);
            expect(u.reason).not.toMatch(/internal error/);
          }
          expect(ctx.stats.files).toBe(1);
        }),
        { numRuns: Math.max(20, Math.floor(RUNS / 3)) },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('fuzz: text parsers and the endpoint scanner', () => {
  it('build.prop parsing never throws and keeps line numbers in range', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (text) => {
        const props = parseBuildProp(text, 'f');
        const lines = text.split(/\r?\n/).length;
        for (const p of props) expect(p.line).toBeLessThanOrEqual(lines);
      }),
      { numRuns: RUNS },
    );
  });

  it('the scanner never throws on arbitrary bytes and reports offsets inside the buffer', () => {
    const scanner = new EndpointScanner({ hosts: new Set(['zzhc.vnet.cn']), sms: new Set(['10659401', '14536007399']) });
    const alphabet = fc.constantFrom(...'abz09.-:/[]@+_ 106%\u0000\n'.split(''));
    const text = fc.oneof(fc.uint8Array({ maxLength: 600 }).map((a) => Buffer.from(a)), fc.array(alphabet, { maxLength: 400 }).map((a) => Buffer.from(a.join(''), 'latin1')));
    fc.assert(
      fc.property(text, (buf) => {
        scanner.scan(buf, 0, buf.length, { path: 'p', source: 'file' }, {
          add: (h) => {
            expect(h.evidence.offset).toBeGreaterThanOrEqual(0);
            expect(h.evidence.offset).toBeLessThan(buf.length);
            expect(h.value).toBe(h.value.toLowerCase());
          },
        });
      }),
      { numRuns: RUNS * 4 },
    );
  });
});

describe('fuzz: decoders of encoded text (encoded-text.ts) and the scanner over them', () => {
  it('decoded text is never longer than its source and maps every byte inside it; scanFile reports offsets inside the file', () => {
    const scanner = new EndpointScanner({ hosts: new Set(['zzhc.vnet.cn']), sms: new Set(['10659401']) });
    const alphabet = fc.constantFrom(...'azh.c7A0u\\%&#x;:/=!<[]>CDAT \n\r\taHR0cHM6Ly96emhjLnZuZXQuY24vcmVn'.split(''));
    const text = fc.oneof(fc.uint8Array({ maxLength: 600 }).map((a) => Buffer.from(a)), fc.array(alphabet, { maxLength: 400 }).map((a) => Buffer.from(a.join(''), 'latin1')));
    const names = fc.constantFrom('a.properties', 'a.json', 'a.xml', 'a.txt');
    fc.assert(
      fc.property(text, names, (buf, name) => {
        for (const d of [decodeProperties(buf), decodeJsonEscapes(buf), decodeXmlText(buf)]) {
          if (!d) continue;
          expect(d.bytes.length).toBeLessThanOrEqual(buf.length);
          for (const f of d.from) expect(f >= 0 && f < buf.length).toBe(true);
        }
        forEachBase64Text(buf, 0, buf.length, (decoded, at) => {
          expect(decoded.length).toBeLessThan(buf.length);
          expect(at >= 0 && at < buf.length).toBe(true);
        });
        scanner.scanFile(buf, name, { path: 'p', source: 'file' }, {
          add: (h) => {
            expect(h.evidence.offset).toBeGreaterThanOrEqual(0);
            expect(h.evidence.offset).toBeLessThan(buf.length);
          },
        });
      }),
      { numRuns: RUNS * 4 },
    );
  });
});

describe('fuzz: DEX string scan in place', () => {
  // Real DEX files (smali), mutated where it matters most: string_ids and string data.
  const dexSeeds = [
    readFileSync(join(import.meta.dirname, '..', 'fixtures', 'formats', 'formats-strings.dex')),
    readFileSync(join(import.meta.dirname, '..', 'fixtures', 'formats', 'formats-prefixes.dex')),
  ];
  const mutatedDex = fc
    .record({
      seed: fc.integer({ min: 0, max: dexSeeds.length - 1 }),
      // Flips anywhere, and 32-bit string_ids rewritten to point anywhere (often at each other).
      flips: fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { maxLength: 8 }),
      ids: fc.array(fc.record({ index: fc.nat(), to: fc.nat() }), { maxLength: 8 }),
      maxSaved: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
    })
    .map(({ seed, flips, ids, maxSaved }) => {
      const b = Buffer.from(dexSeeds[seed]);
      const count = b.readUInt32LE(0x38);
      const off = b.readUInt32LE(0x3c);
      for (const r of ids) if (count > 0) b.writeUInt32LE(r.to % b.length, off + 4 * (r.index % count));
      for (const f of flips) b[0x70 + (f.at % (b.length - 0x70))] = f.byte; // the header stays readable
      return { buf: b, maxSaved };
    });

  it('never changes the buffer, never throws anything but FormatError, whatever string_ids point at', async () => {
    const { scanDexStrings } = await import('../../src/extract/string-scan.js');
    const scanner = new EndpointScanner({ hosts: new Set(['zzhc.vnet.cn']), sms: new Set(['10659401']) });
    fc.assert(
      fc.property(mutatedDex, ({ buf, maxSaved }) => {
        const before = Buffer.from(buf);
        try {
          scanDexStrings(buf, { path: 'a', source: 'dex' }, scanner, { add: () => undefined }, { maxSaved });
        } catch (err) {
          if (!(err instanceof FormatError)) throw err;
        }
        expect(buf.equals(before)).toBe(true);
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it('the code walker (readDexCode) throws nothing but FormatError, and finishes quickly, whatever the bytes say', async () => {
    const { readDexCode } = await import('../../src/formats/dex.js');
    fc.assert(
      fc.property(mutatedDex, ({ buf }) => {
        const started = Date.now();
        try {
          readDexCode(buf, { names: new Set(['isCnVersion']) });
        } catch (err) {
          if (!(err instanceof FormatError)) throw err;
        }
        expect(Date.now() - started).toBeLessThan(2000);
      }),
      { numRuns: RUNS * 4 },
    );
  });
});

describe('fuzz: 7z reader', () => {
  // Real archives made by 7z (scripts/fixtures/build-sevenzip.sh), mutated anywhere; most often
  // with the start and end headers' CRCs made right again after, so that the mutations reach
  // the header parser, the folders' coders and the LZMA/LZMA2 decoders instead of a CRC check.
  const SEVENZIP = join(import.meta.dirname, '..', 'fixtures', 'sevenzip');
  const zSeeds = ['lzma2', 'lzma', 'hc', 'bcj-arm64', 'bcj-x86', 'copy', 'ppmd'].map((n) => readFileSync(join(SEVENZIP, `${n}.7z`)));
  const mutated7z = fc
    .record({
      seed: fc.integer({ min: 0, max: zSeeds.length - 1 }),
      flips: fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }),
      inHeader: fc.boolean(),
      fixCrcs: fc.boolean(),
      cut: fc.option(fc.nat(), { nil: undefined }),
    })
    .map(({ seed, flips, inHeader, fixCrcs, cut }) => {
      const b = Buffer.from(zSeeds[seed]);
      const at = 32 + Number(b.readBigUInt64LE(12));
      const size = Number(b.readBigUInt64LE(20));
      for (const f of flips) {
        if (inHeader) b[at + (f.at % size)] = f.byte;
        else b[f.at % b.length] = f.byte;
      }
      if (fixCrcs) {
        const nat = 32 + Number(b.readBigUInt64LE(12));
        const nsize = Number(b.readBigUInt64LE(20));
        if (nat + nsize <= b.length) b.writeUInt32LE(crc32(b.subarray(nat, nat + nsize)), 28);
        b.writeUInt32LE(crc32(b.subarray(12, 32)), 8);
      }
      return cut === undefined ? b : b.subarray(0, cut % b.length);
    });

  it('any byte flip or truncation of a real 7z lists and decodes or throws FormatError, quickly', async () => {
    await fc.assert(
      fc.asyncProperty(mutated7z, async (buf) => {
        const src = new BufferSource(buf);
        const t0 = Date.now();
        try {
          const a = await openSevenZip(src, { maxHeaderBytes: 1 << 20 });
          for (const f of a.folders.slice(0, 8)) {
            try {
              await decodeFolder(src, f, 1 << 22);
            } catch (err) {
              if (!(err instanceof FormatError)) throw err;
            }
          }
        } catch (err) {
          if (!(err instanceof FormatError)) throw err;
        }
        expect(Date.now() - t0).toBeLessThan(2000);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('a mutated 7z never throws out of extractFile; what it cannot read is explained', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ag-fuzz-7z-'));
    try {
      await fc.assert(
        fc.asyncProperty(mutated7z, async (buf) => {
          const path = join(dir, 'm.7z');
          writeFileSync(path, buf);
          const ctx = newContext({ hosts: ['zzhc.vnet.cn'], sms: ['10659401'], mentionPackages: [], limits: { ...DEFAULT_LIMITS, maxEntryBytes: 1 << 22 } });
          await extractFile({ abs: Buffer.from(path), relPath: 'm.7z', size: buf.length, partition: '', partitionPath: 'm.7z' }, ctx);
          for (const u of ctx.unreadable) {
            expect(u.path.startsWith('m.7z')).toBe(true);
            expect(u.reason).not.toMatch(/internal error/);
          }
        }),
        { numRuns: Math.max(20, Math.floor(RUNS / 2)) },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
