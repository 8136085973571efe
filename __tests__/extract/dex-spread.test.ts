/**
 * A DEX whose strings lie spread over the file (a string past megabytes of padding, string_ids in
 * any order, strings that are suffixes of one another) is scanned string by string, each once,
 * in linear time, with the hits of scanning each string in turn.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { EndpointScanner } from '../../src/extract/endpoints.js';
import { scanDexStrings } from '../../src/extract/string-scan.js';
import { forEachDexString, readDexHeaders } from '../../src/formats/dex.js';
import '../helpers/fast-check-seed.js';

const APKS = join(import.meta.dirname, '..', 'fixtures', 'apks');
const scanner = new EndpointScanner({ hosts: new Set(['zzhc.vnet.cn']), sms: new Set(['10659401']) });

/** Hits of scanDexStrings (kind, value, offset), or the error it threw. */
function hitsOf(buf: Buffer): string[] {
  const hits: string[] = [];
  try {
    scanDexStrings(buf, { path: 'a', source: 'dex' }, scanner, { add: (h) => hits.push(`${h.kind} ${h.value} @${h.evidence.offset}`) });
  } catch (e) {
    hits.push(`error: ${(e as Error).message}`);
  }
  return hits;
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
