/**
 * The Hermes bytecode string table, read from files React Native's own compilers wrote
 * (scripts/fixtures/build-hermes.sh: hermesc of bytecode versions 74, 84, 89, 96, 98 and 99) and
 * checked against each compiler's own dump of the same file (`hermesc -dump-bytecode`: every
 * string's kind, its bytes in the storage and its text).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { FormatError } from '../../src/formats/errors.js';
import { forEachHermesString, isHermesBytecode, readHermesHeader, readHermesStrings } from '../../src/formats/hermes.js';
import { fuzzRuns } from '../helpers/mutations.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'hermes');
const VERSIONS = [74, 84, 89, 96, 98, 99];
const hbc = (v: number): Buffer => readFileSync(join(DIR, `register-v${v}.hbc`));

interface DumpString {
  index: number;
  utf16: boolean;
  /** First byte in the string storage, and the byte count (the dump gives first..last). */
  start: number;
  bytes: number;
  value: string;
}

/** The "Global String Table" of a `hermesc -dump-bytecode` listing, and its "String count". */
function dumpOf(v: number): { version: number; count: number; strings: DumpString[] } {
  const text = readFileSync(join(DIR, `register-v${v}.dump.txt`), 'utf8');
  const version = Number(/Bytecode version number: (\d+)/.exec(text)![1]);
  const count = Number(/String count: (\d+)/.exec(text)![1]);
  const table = text.slice(text.indexOf('Global String Table:\n') + 'Global String Table:\n'.length).split('\n\n')[0];
  const strings = table.split('\n').map((line) => {
    const m = /^[si](\d+)\[(ASCII|UTF-16), (\d+)\.\.(-?\d+)\](?: #[0-9A-F]+)?: (.*)$/.exec(line);
    if (!m) throw new Error(`unexpected dump line: ${line}`);
    const [, index, kind, first, last, shown] = m;
    // UTF-16 text is dumped as its bytes, \xHH each.
    const value = kind === 'UTF-16' ? Buffer.from(shown.replace(/\\x/g, ''), 'hex').toString('utf16le') : shown;
    return { index: Number(index), utf16: kind === 'UTF-16', start: Number(first), bytes: Number(last) - Number(first) + 1, value };
  });
  return { version, count, strings };
}

describe('Hermes bytecode string table', () => {
  it.each(VERSIONS)('version %i: every string of the table where hermesc -dump-bytecode lists it, with its text', (v) => {
    const buf = hbc(v);
    const dump = dumpOf(v);
    expect(isHermesBytecode(buf)).toBe(true);
    const { header, strings } = readHermesStrings(buf);
    expect(header.version).toBe(dump.version);
    expect(header.stringCount).toBe(dump.count);
    const byIndex = [...dump.strings].sort((a, b) => a.index - b.index);
    expect(byIndex.map((s) => s.index)).toEqual(strings.map((_, i) => i));
    expect(strings.map((s) => [s.value, s.utf16, s.offset - header.storageOff])).toEqual(byIndex.map((s) => [s.value, s.utf16, s.start]));
    // The literals the fixture plants, each a string of its own.
    const values = strings.map((s) => s.value);
    for (const s of ['https://zzhc.vnet.cn/reg', 'zzhc.vnet.cn', 'vnet.cn', 'dm.wo.com.cn', '10659401', '注册 http://zzhc.vnet.cn', 'café']) expect(values).toContain(s);
  });

  it.each(VERSIONS)('version %i: the 307-character agreement is read through the overflow table, and short strings overlap in the storage', (v) => {
    const buf = hbc(v);
    const h = readHermesHeader(buf);
    const { strings } = readHermesStrings(buf);
    const i = strings.findIndex((s) => s.value.startsWith('By tapping Agree'));
    expect(strings[i].value).toHaveLength(307);
    expect(h.overflowStringCount).toBe(1);
    // Its small entry's length field is 255: the overflowed marker.
    expect(buf.readUInt32LE(h.smallTableOff + 4 * i) >>> 24).toBe(255);
    // zzhc.vnet.cn lies inside the URL, and the storage holds dm.wo.com.cn glued to "cm".
    const at = (s: string): number => strings.find((x) => x.value === s)!.offset;
    expect(at('zzhc.vnet.cn') - at('https://zzhc.vnet.cn/reg')).toBe('https://'.length);
    expect(buf.toString('latin1', at('dm.wo.com.cn') - 2, at('dm.wo.com.cn') + 12)).toBe('cmdm.wo.com.cn');
  });

  it('a version it does not know, a truncated file, a table past the storage: FormatError naming what is wrong', () => {
    const buf = hbc(96);
    const newer = Buffer.from(buf);
    newer.writeUInt32LE(100, 8);
    expect(() => readHermesHeader(newer)).toThrow(/Hermes bytecode version 100 is not one this scanner reads \(74-99\)/);
    const older = Buffer.from(buf);
    older.writeUInt32LE(73, 8);
    expect(() => readHermesHeader(older)).toThrow(/version 73/);
    expect(() => readHermesHeader(buf.subarray(0, 100))).toThrow(/too short/);
    expect(() => readHermesHeader(buf.subarray(0, 600))).toThrow(new RegExp(`fileLength ${buf.length} does not fit the 600-byte file`));
    // A string count the sections do not hold.
    const counts = Buffer.from(buf);
    counts.writeUInt32LE(0x40000000, 52);
    expect(() => readHermesHeader(counts)).toThrow(FormatError);
    // A function header size other than the version's: the string kinds do not add up.
    const v98 = Buffer.from(buf);
    v98.writeUInt32LE(98, 8);
    expect(() => readHermesHeader(v98)).toThrow(/string kinds count .* not the layout of version 98/);
    // An entry past the storage, and an overflow index past the overflow table.
    const h = readHermesHeader(buf);
    const past = Buffer.from(buf);
    past.writeUInt32LE(((0x7fffff << 1) | (20 << 24)) >>> 0, h.smallTableOff);
    expect(() => forEachHermesString(past, () => {})).toThrow(/string #0 \(20 bytes at 8388607\) overflows the \d+-byte string storage/);
    const overflow = Buffer.from(buf);
    overflow.writeUInt32LE(((5 << 1) | (255 << 24)) >>> 0, h.smallTableOff);
    expect(() => forEachHermesString(overflow, () => {})).toThrow(/string #0 names overflow entry 5 of 1/);
  });

  it('any byte flip or truncation of a real bundle reads or throws FormatError, quickly', () => {
    const seeds = VERSIONS.map(hbc);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: seeds.length - 1 }),
        fc.array(fc.record({ at: fc.nat({ max: 400 }), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat(), { nil: undefined }),
        (seed, flips, cut) => {
          const b = Buffer.from(seeds[seed]);
          for (const f of flips) b[f.at % b.length] = f.byte;
          const buf = cut === undefined ? b : b.subarray(0, cut % b.length);
          const t0 = Date.now();
          try {
            forEachHermesString(buf, () => {});
          } catch (e) {
            if (!(e instanceof FormatError)) throw e;
          }
          expect(Date.now() - t0).toBeLessThan(1000);
        },
      ),
      { numRuns: fuzzRuns(300) },
    );
  });
});
