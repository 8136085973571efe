import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { FormatError } from '../../src/formats/errors.js';
import { parseStringPool, poolString, type PoolString, type StringPool } from '../../src/formats/stringpool.js';
import { EndpointScanner } from '../../src/extract/endpoints.js';
import { scanPoolStrings } from '../../src/extract/string-scan.js';
import { CORPUS, corpusPresent, describeIf, fixture, fixtureText, hasTool, pct, run, unzipEntry, walk } from './helpers.js';
import { fuzzRuns } from '../helpers/mutations.js';

/** `aapt dump xmlstrings` / `aapt dump strings`: declared count and the strings by index. */
function parseAaptStrings(text: string): { count: number; utf8: boolean; strings: Map<number, string> } {
  const head = /String pool of (\d+) unique (UTF-8|UTF-16)/.exec(text);
  const strings = new Map<number, string>();
  const parts = text.split(/^String #(\d+): /m);
  for (let i = 1; i + 1 < parts.length; i += 2) strings.set(Number(parts[i]), parts[i + 1].replace(/\n$/, ''));
  return { count: head ? Number(head[1]) : -1, utf8: head?.[2] === 'UTF-8', strings };
}

function compare(pool: StringPool, aapt: ReturnType<typeof parseAaptStrings>): string[] {
  const problems: string[] = [];
  if (pool.strings.length !== aapt.strings.size) problems.push(`${pool.strings.length} strings vs aapt ${aapt.strings.size}`);
  if (pool.utf8 !== aapt.utf8) problems.push(`utf8 ${pool.utf8} vs aapt ${aapt.utf8}`);
  for (const [i, s] of aapt.strings) if (pool.strings[i]?.value !== s) problems.push(`#${i}: ${JSON.stringify(pool.strings[i]?.value.slice(0, 40))} vs aapt ${JSON.stringify(s.slice(0, 40))}`);
  return problems;
}

/** The first string pool chunk of an AXML file (8) or a table (12). */
const poolAt = (buf: Buffer): number => buf.readUInt16LE(2);

describe('UTF-16 pool of a binary manifest (formats-app)', () => {
  const buf = fixture('formats-app.AndroidManifest.xml');
  const pool = parseStringPool(buf, poolAt(buf));

  test('agrees with aapt dump xmlstrings, including a >0x7FFF-unit string (two-unit length)', () => {
    expect(compare(pool, parseAaptStrings(fixtureText('formats-app.xmlstrings.txt')))).toEqual([]);
    expect(pool.utf8).toBe(false);
    const long = pool.strings.find((s) => s.value.startsWith('yyyy'));
    expect(long?.value).toHaveLength(40000);
    // The length prefix before the data is the two-unit form: high bit set.
    expect(buf.readUInt16LE(long!.offset - 4) & 0x8000).toBe(0x8000);
    expect(pool.warnings).toEqual([]);
  });

  test('offsets point at each string in the buffer', () => {
    for (const s of pool.strings) expect(buf.toString('utf16le', s.offset, s.offset + 2 * s.value.length)).toBe(s.value);
  });

  test('a bad string offset or a missing terminator reads as "", the rest is intact', () => {
    const b = Buffer.from(buf);
    const start = poolAt(b);
    const headerSize = b.readUInt16LE(start + 2);
    b.writeUInt32LE(0x7ffffff0, start + headerSize + 4 * 3); // string #3 offset far away
    const s5 = pool.strings[5];
    b.writeUInt16LE(0x4141, s5.offset + 2 * s5.value.length); // string #5 loses its 0x0000
    const damaged = parseStringPool(b, start);
    expect(damaged.strings[3]).toEqual({ value: '', offset: -1 });
    expect(damaged.strings[5]).toEqual({ value: '', offset: -1 });
    expect(damaged.warnings).toHaveLength(2);
    damaged.strings.forEach((s, i) => {
      if (i !== 3 && i !== 5) expect(s).toEqual(pool.strings[i]);
    });
  });

  test('wrong stringCount is recomputed from stringsStart; a huge one is bounded', () => {
    const b = Buffer.from(buf);
    const start = poolAt(b);
    b.writeUInt32LE(pool.strings.length + 9, start + 8);
    const p = parseStringPool(b, start);
    expect(p.strings.map((s) => s.value)).toEqual(pool.strings.map((s) => s.value));
    expect(p.declaredCount).toBe(pool.strings.length + 9);
    expect(p.warnings.join()).toMatch(/does not fit before stringsStart/);
    b.writeUInt32LE(0xffffffff, start + 8);
    b.writeUInt32LE(0, start + 20); // no stringsStart to recompute from
    const q = parseStringPool(b, start);
    expect(q.strings.length).toBeLessThan(b.length / 4);
    expect(q.strings.every((s) => s.value === '')).toBe(true);
  });

  /** The fixture with string #i's offset set by `to(longOffset, i)`: [buffer, pool start, long string]. */
  const repointed = (to: (long: { rel: number; offset: number; units: number }, i: number) => number | undefined): Buffer => {
    const b = Buffer.from(buf);
    const start = poolAt(b);
    const index = start + b.readUInt16LE(start + 2);
    const dataStart = start + b.readUInt32LE(start + 20);
    const long = pool.strings.find((x) => x.value.startsWith('yyyy'))!;
    // Its string_data: a two-unit length prefix, then the units: `rel` is what its index entry holds.
    const rel = long.offset - 4 - dataStart;
    pool.strings.forEach((_, i) => {
      const v = to({ rel, offset: long.offset, units: long.value.length }, i);
      if (v !== undefined) b.writeUInt32LE(v, index + 4 * i);
    });
    return b;
  };

  test('every index pointing at the one long string: decoded once the pool has spent its string data, then handed out again (repeat)', () => {
    const b = repointed((long) => long.rel);
    const p = parseStringPool(b, poolAt(b));
    expect(p.strings.every((x) => x.value === pool.strings.find((y) => y.value.startsWith('yyyy'))!.value)).toBe(true);
    // The string data is ~80 KB: two decodes of the 80 KB string spend it, the rest are repeats.
    expect(p.strings.map((x) => x.repeat ?? false)).toEqual(p.strings.map((_, i) => i >= 2));
    expect(p.warnings).toEqual([]);
  });

  test('a repeat is scanned once: the same bytes at the same offset give the same hits', () => {
    const hits = (strings: PoolString[]): string[] => {
      const out: string[] = [];
      scanPoolStrings(strings, { path: 'a.apk', entry: 'AndroidManifest.xml', source: 'xml' }, new EndpointScanner({ hosts: new Set(), sms: new Set() }), { add: (h) => out.push(`${h.value} @${h.evidence.offset}`) });
      return out;
    };
    const url = { value: 'http://reg.example.cn/a', offset: 40 };
    expect(hits([url, { ...url, repeat: true }, { ...url, repeat: true }])).toEqual(['reg.example.cn @40']);
    expect(hits([url, url])).toEqual(['reg.example.cn @40', 'reg.example.cn @40']);
  });

  test('strings nested inside the long one, each ending where it ends (a crafted pool): refused once they pass twice the string data plus 1 MiB', () => {
    // String #i (i >= 1) starts 8 * i bytes into the long one, with a length prefix written there.
    const nested = (b: Buffer, count: number): Buffer => {
      const long = pool.strings.find((x) => x.value.startsWith('yyyy'))!;
      const start = poolAt(b);
      const index = start + b.readUInt16LE(start + 2);
      const dataStart = start + b.readUInt32LE(start + 20);
      for (let i = 1; i <= count && i < pool.strings.length; i++) {
        const at = long.offset + 8 * i;
        const units = long.value.length - 4 * i - 2;
        b.writeUInt16LE(0x8000 | (units >>> 16), at);
        b.writeUInt16LE(units & 0xffff, at + 2);
        b.writeUInt32LE(at - dataStart, index + 4 * i);
      }
      return b;
    };
    // A few nested strings: every one decoded, each ending at the long one's terminator.
    const few = parseStringPool(nested(Buffer.from(buf), 3), poolAt(buf));
    expect(few.strings.slice(1, 4).map((x) => x.value.length)).toEqual([1, 2, 3].map((i) => pool.strings.find((y) => y.value.startsWith('yyyy'))!.value.length - 4 * i - 2));
    // Every string of the pool nested: more than 2 x 80 KB + 1 MiB of strings, refused.
    expect(pool.strings.length).toBeGreaterThan(16);
    expect(() => parseStringPool(nested(Buffer.from(buf), pool.strings.length), poolAt(buf))).toThrow(/string pool's strings overlap: more than \d+ bytes of strings in \d+ bytes of string data/);
  });

  test('poolString: 0xFFFFFFFF and out-of-range indices are undefined', () => {
    expect(poolString(pool, 0)).toBe(pool.strings[0].value);
    expect(poolString(pool, 0xffffffff)).toBeUndefined();
    expect(poolString(pool, pool.strings.length)).toBeUndefined();
    expect(poolString(undefined, 0)).toBeUndefined();
  });

  test('unreadable headers throw FormatError; an oversized chunk is read up to the limit', () => {
    const start = poolAt(buf);
    expect(() => parseStringPool(buf, 0)).toThrow(FormatError); // an XML chunk, not a pool
    expect(() => parseStringPool(buf, start, start + 20)).toThrow(FormatError);
    expect(() => parseStringPool(buf, buf.length - 4)).toThrow(FormatError);
    expect(() => parseStringPool(buf, -1)).toThrow(FormatError);
    const b = Buffer.from(buf);
    b.writeUInt16LE(20, start + 2);
    expect(() => parseStringPool(b, start)).toThrow(FormatError);
    const c = Buffer.from(buf);
    c.writeUInt32LE(0x7fffffff, start + 4);
    const p = parseStringPool(c, start);
    expect(p.warnings[0]).toMatch(/declares/);
    expect(p.strings.map((s) => s.value)).toEqual(pool.strings.map((s) => s.value));
  });
});

describe('UTF-8 pool of resources.arsc (formats-app)', () => {
  const buf = fixture('formats-app.resources.arsc');
  const pool = parseStringPool(buf, poolAt(buf));

  test('agrees with aapt dump strings, including the AAPT-truncated >0x7FFF byte length', () => {
    expect(compare(pool, parseAaptStrings(fixtureText('formats-app.strings.txt')))).toEqual([]);
    expect(pool.utf8).toBe(true);
    const long = pool.strings.find((s) => s.value.endsWith('xxxEND'));
    expect(long?.value).toHaveLength(33003);
    // The stored byte length is 33003 & 0x7FFF (two-byte form); the NUL is 0x8000 further.
    expect(((buf[long!.offset - 2] & 0x7f) << 8) | buf[long!.offset - 1]).toBe(33003 & 0x7fff);
    expect(pool.warnings.join()).toMatch(/truncated length/);
    const medium = pool.strings.find((s) => /^m+$/.test(s.value));
    expect(medium?.value).toHaveLength(300);
  });

  test('offsets point at the UTF-8 bytes', () => {
    for (const s of pool.strings) expect(buf.toString('utf8', s.offset, s.offset + Buffer.byteLength(s.value))).toBe(s.value);
  });

  test('an unterminated UTF-8 string reads as ""', () => {
    const b = Buffer.from(buf);
    const s = pool.strings.find((x) => x.value === 'https://activate.example.cn/v1/register');
    b[s!.offset + s!.value.length] = 0x41;
    const p = parseStringPool(b, poolAt(b));
    const i = pool.strings.indexOf(s!);
    expect(p.strings[i]).toEqual({ value: '', offset: -1 });
    expect(p.strings.filter((x, j) => j !== i && x.value !== pool.strings[j].value)).toEqual([]);
  });

  test('property: truncations and byte flips yield strings or FormatError', () => {
    const start = poolAt(buf);
    const end = start + buf.readUInt32LE(start + 4);
    fc.assert(
      fc.property(
        fc.integer({ min: start, max: end }),
        fc.array(fc.tuple(fc.integer({ min: start, max: end - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        (cut, flips) => {
          const b = Buffer.from(buf.subarray(0, cut));
          for (const [at, v] of flips) if (at < b.length) b[at] = v;
          try {
            const p = parseStringPool(b, start);
            for (const s of p.strings) expect(typeof s.value).toBe('string');
          } catch (e) {
            if (!(e instanceof FormatError)) throw e;
          }
        },
      ),
      { numRuns: fuzzRuns(200) },
    );
  });
});

describeIf(corpusPresent && hasTool('aapt') && hasTool('unzip'), 'androguard corpus, aapt or unzip missing')('corpus pools against aapt', () => {
  test('manifest pools (xmlstrings) and global value pools (strings) agree', () => {
    const seen = new Set<string>();
    let pools = 0;
    let agreed = 0;
    const problems: string[] = [];
    for (const apk of walk(CORPUS, (p) => p.endsWith('.apk'))) {
      for (const [entry, args] of [
        ['AndroidManifest.xml', ['dump', 'xmlstrings', apk, 'AndroidManifest.xml']],
        ['resources.arsc', ['dump', 'strings', apk]],
      ] as const) {
        const buf = unzipEntry(apk, entry);
        if (!buf || buf.length < 12) continue;
        const id = buf.toString('base64');
        if (seen.has(id)) continue;
        seen.add(id);
        const out = run('aapt', [...args]);
        const aapt = parseAaptStrings(Buffer.from(out.stdout, 'latin1').toString('utf8'));
        if (aapt.count < 0) continue; // aapt cannot read it
        pools++;
        try {
          const p = compare(parseStringPool(buf, poolAt(buf)), aapt);
          if (p.length === 0) agreed++;
          else problems.push(`${apk.slice(CORPUS.length + 1)}!${entry}: ${p.slice(0, 3).join('; ')}`);
        } catch (e) {
          problems.push(`${apk.slice(CORPUS.length + 1)}!${entry}: ${String(e)}`);
        }
      }
    }
    console.log(`[formats] string pools: ${agreed}/${pools} distinct corpus pools agree with aapt string by string (${pct(agreed, pools)})`);
    expect(problems).toEqual([]);
    expect(pools).toBeGreaterThan(30);
  });
});
