/**
 * A DEX entry is inflated only as far as its last string (dexBytesWanted), and scanDexStrings
 * scans that prefix. These tests hold the prefix to what the scan of the whole file gives: the
 * same hits at the same offsets, on the toolchain's fixtures, on every DEX of the androguard
 * corpus and on DEX files edited to be hostile; and a prefix short of what the scan reads is
 * refused, never scanned.
 */
import { execFileSync } from 'node:child_process';
import { extname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { EndpointScanner } from '../../src/extract/endpoints.js';
import { dexBytesWanted, scanDexStrings, type DexSpanMemo } from '../../src/extract/string-scan.js';
import { forEachDexString, readDexHeaders } from '../../src/formats/dex.js';
import { openZip, readEntry } from '../../src/formats/zip.js';
import { entryScratch } from '../../src/io/scratch.js';
import { FileSource } from '../../src/io/source.js';
import { androguardFiles, describeWithAndroguard } from '../helpers/corpus.js';
import '../helpers/fast-check-seed.js';

const APKS = join(import.meta.dirname, '..', 'fixtures', 'apks');
const scanner = new EndpointScanner({ hosts: new Set(['zzhc.vnet.cn']), sms: new Set(['10659401']) });

/**
 * The prefix the inflater settles on: each answer of dexBytesWanted is its next target, and the
 * bytes past those inflated so far are stale (here 0xa5), as in a reused buffer.
 */
function prefixLength(dex: Buffer, size = dex.length): number {
  const memo: DexSpanMemo = {};
  const out = Buffer.alloc(size + 1, 0xa5);
  let have = 0;
  for (let steps = 0; steps < 100_000; steps++) {
    const want = Math.min(size, dexBytesWanted(out.subarray(0, have), size, memo));
    if (want <= have) return have;
    dex.copy(out, have, have, want);
    have = want;
  }
  throw new Error('dexBytesWanted never settled');
}

/** Hits of scanDexStrings (kind, value, offset), or the error it threw. */
function hitsOf(buf: Buffer, size = buf.length, span?: DexSpanMemo): string[] {
  const hits: string[] = [];
  try {
    scanDexStrings(buf, { path: 'a', source: 'dex' }, scanner, { add: (h) => hits.push(`${h.kind} ${h.value} @${h.evidence.offset}`) }, { size, span });
  } catch (e) {
    hits.push(`error: ${(e as Error).message}`);
  }
  return hits;
}

/**
 * The prefix scanned in its own buffer and in a slot of the scanner's WebAssembly memory (the
 * module's passes, as for an inflated entry); in the slot also as the extractor scans it, with
 * the span dexBytesWanted kept while choosing how far to inflate (it must give the same hits).
 */
function prefixHits(dex: Buffer, length: number): { own: string[]; slot: string[] } {
  const own = hitsOf(Buffer.from(dex.subarray(0, length)), dex.length);
  const lease = entryScratch.take(dex.length + 1);
  try {
    const b = lease.subarray(0, length);
    dex.copy(b, 0, 0, length);
    const slot = hitsOf(b, dex.length);
    const span: DexSpanMemo = {};
    dexBytesWanted(b, dex.length, span);
    expect(hitsOf(b, dex.length, span)).toEqual(slot);
    return { own, slot };
  } finally {
    entryScratch.give(lease);
  }
}

const fixtureDex = (apk: string): Buffer => execFileSync('unzip', ['-p', join(APKS, apk), 'classes.dex']);

/**
 * The fixture with its last string moved past 2 MiB of padding, 64 KiB more after it (so its
 * strings are spread and scanned one by one), and its string_ids in the order `order` gives.
 */
function spreadDex(order: (ids: number[]) => number[] = (ids) => ids): Buffer {
  const clean = fixtureDex('autoregistration-cn.apk');
  const [h] = readDexHeaders(clean);
  const tail = Buffer.concat([Buffer.from([21]), Buffer.from('http://reg.spread.cn/', 'latin1'), Buffer.from([0])]);
  const dex = Buffer.concat([clean, Buffer.alloc(2 << 20), tail, Buffer.alloc(64 << 10)]);
  dex.writeUInt32LE(dex.length, 0x20); // file_size
  dex.writeUInt32LE(clean.length + (2 << 20), h.stringIdsOff + 4 * (h.stringIdsSize - 1));
  const ids = Array.from({ length: h.stringIdsSize }, (_, i) => dex.readUInt32LE(h.stringIdsOff + 4 * i));
  order(ids).forEach((off, i) => dex.writeUInt32LE(off, h.stringIdsOff + 4 * i));
  return dex;
}

describe('dexBytesWanted and scanDexStrings on the first bytes of a DEX', () => {
  // dex-only.apk is 512 bytes: the first step past the start of its last string (256 bytes, as
  // most strings are shorter) reaches its end.
  it.each([
    ['autoregistration-cn.apk', true],
    ['benign.apk', true],
    ['checkin.apk', true],
    ['dex-only.apk', false],
  ])('%s: the prefix gives the hits of the whole file (shorter than it: %s)', (apk, shorter) => {
    const dex = fixtureDex(apk);
    const whole = hitsOf(dex);
    const n = prefixLength(dex);
    expect(n < dex.length).toBe(shorter); // smali puts code, class data and the map after the strings
    const { own, slot } = prefixHits(dex, n);
    expect(own).toEqual(whole);
    expect(slot).toEqual(whole);
    if (apk === 'autoregistration-cn.apk') expect(whole.some((h) => h.startsWith('host zzhc.vnet.cn'))).toBe(true);
  });

  /** The fixture, and a copy whose last string (the highest string_data_off) is empty: its NUL comes before the five bytes a length prefix may take. */
  const lastStringCases = (): [string, Buffer][] => {
    const dex = fixtureDex('autoregistration-cn.apk');
    const [h] = readDexHeaders(dex);
    let last = 0;
    for (let i = 0; i < h.stringIdsSize; i++) last = Math.max(last, dex.readUInt32LE(h.stringIdsOff + 4 * i));
    const emptied = Buffer.from(dex);
    emptied[last] = 0; // length 0
    emptied[last + 1] = 0; // and its NUL
    return [
      ['as built', dex],
      ['its last string emptied', emptied],
    ];
  };

  it.each(lastStringCases())('%s: a prefix one byte short of what the scan reads is refused, with no hit reported; one byte more is scanned', (_name, dex) => {
    const whole = hitsOf(dex);
    expect(whole.length).toBeGreaterThan(0);
    // The shortest sufficient prefix (sufficiency only grows with the length).
    let lo = 0x70;
    let hi = prefixLength(dex);
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dexBytesWanted(dex.subarray(0, mid), dex.length) <= mid) hi = mid;
      else lo = mid + 1;
    }
    expect(prefixHits(dex, lo).own).toEqual(whole);
    const refused = prefixHits(dex, lo - 1);
    expect(refused.own).toEqual([`error: the first ${lo - 1} bytes of a ${dex.length}-byte DEX do not hold all of its strings`]);
    expect(refused.slot).toEqual(refused.own);
    // What it refuses: a header, string_ids, last length prefix or NUL cut short.
    for (const cut of [0x40, 0x70, readDexHeaders(dex)[0].stringIdsOff + 2]) expect(prefixHits(dex, cut).own[0]).toMatch(/^error: /);
  });

  it('asks for the whole file where it cannot judge from the first bytes: not a DEX, a v41 container, an unreadable header', () => {
    const dex = fixtureDex('benign.apk');
    const size = dex.length;
    expect(dexBytesWanted(dex.subarray(0, 10), size)).toBe(0x70);
    expect(dexBytesWanted(Buffer.alloc(0x70, 0x41), size)).toBe(size);
    const v41 = Buffer.from(dex);
    v41.write('041', 4, 'latin1');
    expect(dexBytesWanted(v41.subarray(0, 0x200), size)).toBe(size);
    const badEndian = Buffer.from(dex);
    badEndian.writeUInt32LE(0x11111111, 0x28);
    expect(dexBytesWanted(badEndian.subarray(0, 0x200), size)).toBe(size);
    expect(hitsOf(badEndian)).toEqual(hitsOf(badEndian.subarray(0, prefixLength(badEndian)), size)); // the whole file's error
  });

  it('strings spread over the file (a string past megabytes of padding, more after it): the whole file is asked for, and the hits are the whole scan’s', () => {
    const dex = spreadDex();
    const whole = hitsOf(dex);
    expect(whole.some((x) => x.startsWith(`host reg.spread.cn @${fixtureDex('autoregistration-cn.apk').length + (2 << 20) + 1}`))).toBe(true);
    expect(prefixLength(dex)).toBe(dex.length);
    // A prefix that holds the last string but not the rest of the file is refused.
    expect(hitsOf(dex.subarray(0, dex.length - 1024), dex.length)[0]).toMatch(/do not hold all of its strings/);
  });

  it('whatever string_ids and string data hold, the prefix the inflater settles on scans as the whole file does (property)', () => {
    const clean = fixtureDex('autoregistration-cn.apk');
    const [h] = readDexHeaders(clean);
    const offset = fc.oneof(fc.nat({ max: clean.length + 64 }), fc.integer({ min: h.stringIdsOff - 8, max: h.stringIdsOff + 4 * h.stringIdsSize + 8 }), fc.constant(0xffffffff));
    const edit = fc.tuple(fc.nat({ max: h.stringIdsSize - 1 }), fc.oneof(offset, fc.integer({ min: -6, max: 6 })));
    const poke = fc.tuple(fc.nat({ max: clean.length - 1 }), fc.constantFrom(0x80, 0xff, 0x61, 0x2e, 0x00));
    let shorter = 0;
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 40 }), fc.array(poke, { maxLength: 20 }), (edits, pokes) => {
        const dex = Buffer.from(clean);
        for (const [i, v] of edits) {
          const to = v >= -6 && v <= 6 ? dex.readUInt32LE(h.stringIdsOff + 4 * i) + v : v;
          dex.writeUInt32LE(to >>> 0, h.stringIdsOff + 4 * i);
        }
        for (const [at, b] of pokes) if (at >= h.stringIdsOff + 4 * h.stringIdsSize) dex[at] = b;
        const whole = hitsOf(Buffer.from(dex));
        const n = prefixLength(dex);
        if (n < dex.length) shorter++;
        const { own, slot } = prefixHits(dex, n);
        expect(own).toEqual(whole);
        expect(slot).toEqual(whole);
      }),
      { numRuns: 300 },
    );
    expect(shorter).toBeGreaterThan(100); // most edited files still stop early
  });
});

describe('strings spread over the file', () => {
  /** What scanning every string in turn gives: forEachDexString, one scan per string. */
  const eachString = (dex: Buffer): string[] => {
    const hits: string[] = [];
    forEachDexString(dex, (r) => {
      if (r.end - r.start >= 4) scanner.scan(dex, r.start, r.end, { path: 'a', source: 'dex' }, { add: (h) => hits.push(`${h.kind} ${h.value} @${h.evidence.offset}`) });
    });
    return hits;
  };

  it('in any order of string_ids, the hits are those of scanning each string in turn, in that order', () => {
    const sorted = spreadDex((ids) => ids);
    expect(hitsOf(sorted)).toEqual(eachString(sorted));
    expect(hitsOf(sorted).some((h) => h.startsWith('host reg.spread.cn'))).toBe(true);
    const reversed = spreadDex((ids) => ids.reverse());
    expect(hitsOf(reversed)).toEqual(eachString(reversed));
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 200 }), (keys) => {
        const dex = spreadDex((ids) => ids.map((off, i) => ({ off, key: keys[i % keys.length] + i / 1000 })).sort((a, b) => a.key - b.key).map((x) => x.off));
        expect(hitsOf(dex)).toEqual(eachString(dex));
      }),
      { numRuns: 50 },
    );
  });

  /**
   * A crafted DEX: after the fixture, `region` bytes of 'x' (each one also a valid one-byte length
   * prefix, 120) and then `zzhc.vnet.cn` and a NUL, and `count` string_ids pointing into the x's
   * from the last one down: every string is a suffix of the first, and all end at that NUL.
   */
  const suffixDex = (region: number, count: number): { dex: Buffer; host: number } => {
    const clean = fixtureDex('autoregistration-cn.apk');
    const at = clean.length;
    const body = Buffer.concat([Buffer.alloc(region, 'x'), Buffer.from('zzhc.vnet.cn', 'latin1'), Buffer.from([0])]);
    const idsOff = (at + body.length + 3) & ~3;
    const dex = Buffer.concat([clean, body, Buffer.alloc(idsOff - at - body.length + 4 * count)]);
    dex.writeUInt32LE(dex.length, 0x20); // file_size
    dex.writeUInt32LE(count, 0x38); // string_ids_size
    dex.writeUInt32LE(idsOff, 0x3c); // string_ids_off
    for (let i = 0; i < count; i++) dex.writeUInt32LE(at + region - 1 - Math.floor((i * (region - 2)) / count), idsOff + 4 * i);
    return { dex, host: at + region };
  };

  it('strings that are suffixes of one another (a crafted DEX) are scanned once, in linear time: 28,000 string_ids into 8 MiB took minutes', () => {
    const { dex, host } = suffixDex(8 << 20, 28_000);
    const t0 = performance.now();
    const hits = hitsOf(dex);
    expect(performance.now() - t0).toBeLessThan(3000);
    // The string starting at the catalogued host, and no hit twice (each id's string was scanned
    // to the NUL before: the host once per string that holds it as a whole token).
    expect(hits.filter((h) => h.startsWith('host zzhc.vnet.cn'))).toEqual([`host zzhc.vnet.cn @${host}`]);
    expect(new Set(hits).size).toBe(hits.length);
  });

  it('a shared string is read as a packed DEX reads it: each string starts a token; a string_id repeated adds nothing', () => {
    const { dex, host } = suffixDex(3 << 20, 3);
    const [h] = readDexHeaders(dex);
    // Two strings: the one whose length prefix is the 'x' just before the host, and one four
    // bytes longer; and a string of the fixture 3 MiB before them, so that the strings are spread.
    dex.writeUInt32LE(host - 1, h.stringIdsOff);
    dex.writeUInt32LE(host - 5, h.stringIdsOff + 4);
    const clean = fixtureDex('autoregistration-cn.apk');
    const [c] = readDexHeaders(clean);
    dex.writeUInt32LE(clean.readUInt32LE(c.stringIdsOff), h.stringIdsOff + 8);
    const zzhc = (hits: string[]): string[] => hits.filter((x) => x.includes('zzhc'));
    expect(zzhc(hitsOf(dex))).toEqual([`host zzhc.vnet.cn @${host}`]);
    // Read string by string, the longer one is another name ('xxxxzzhc.vnet.cn'), found too,
    // beside the listed name glued to its end.
    expect(zzhc(eachString(dex))).toEqual([`host zzhc.vnet.cn @${host}`, `host zzhc.vnet.cn @${host}`, `host xxxxzzhc.vnet.cn @${host - 4}`]);
    // The same string_id twice: its string once, where it was scanned twice.
    dex.writeUInt32LE(host - 1, h.stringIdsOff + 4);
    expect(zzhc(hitsOf(dex))).toEqual([`host zzhc.vnet.cn @${host}`]);
    expect(zzhc(eachString(dex))).toEqual([`host zzhc.vnet.cn @${host}`, `host zzhc.vnet.cn @${host}`]);
  });
});

describeWithAndroguard('the androguard corpus: every DEX scanned from its prefix', () => {
  it('gives the hits of the whole file for every DEX, from about four fifths of its bytes', async () => {
    const dexes: { name: string; dex: Buffer }[] = [];
    for (const path of androguardFiles()) {
      if (extname(path) === '.dex') {
        dexes.push({ name: path, dex: readFileSync(path) });
        continue;
      }
      if (extname(path) !== '.apk') continue;
      let src: FileSource | undefined;
      try {
        src = await FileSource.open(path);
        const zip = await openZip(src);
        for (const entry of zip.entries) {
          if (!/^classes\d*\.dex$/.test(entry.name) || entry.uncompressedSize > 64 << 20) continue;
          dexes.push({ name: `${path}!/${entry.name}`, dex: Buffer.from(await readEntry(src, entry, { maxBytes: 64 << 20 })) });
        }
      } catch {
        // an archive the corpus holds broken on purpose: its DEX, if any, is not compared here
      } finally {
        await src?.close();
      }
    }
    expect(dexes.length).toBeGreaterThan(250);
    let total = 0;
    let prefixed = 0;
    let stopped = 0;
    for (const { name, dex } of dexes) {
      const whole = hitsOf(Buffer.from(dex));
      const n = prefixLength(dex);
      total += dex.length;
      prefixed += n;
      if (n < dex.length) stopped++;
      const { own, slot } = prefixHits(dex, n);
      expect({ name, hits: own }).toEqual({ name, hits: whole });
      expect({ name, hits: slot }).toEqual({ name, hits: whole });
    }
    // Measured: 80% of the bytes, nearly every file stopping early.
    console.log(`androguard corpus: ${dexes.length} DEX, ${total} bytes, prefixes ${((100 * prefixed) / total).toFixed(1)}% of them, ${stopped} stopping early`);
    expect(prefixed / total).toBeLessThan(0.9);
    expect(stopped / dexes.length).toBeGreaterThan(0.9);
  });
});
