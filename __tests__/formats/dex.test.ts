import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeMutf8, forEachDexString, isDex, readDexHeaders, readDexStrings, type DexStringRef } from '../../src/formats/dex.js';
import { FormatError } from '../../src/formats/errors.js';
import { CORPUS, corpusPresent, describeCorpus, describeIf, fixture, hasTool, pct, run, unzipEntry, walk } from './helpers.js';
import { fuzzRuns, parsesOrFormatError, truncatedAndFlipped } from '../helpers/mutations.js';

/** `const-string vN, "..." // string@XXXX` lines of `dexdump -d`: raw MUTF-8 bytes by index. */
function constStrings(dexdump: string): Map<number, Buffer> {
  const out = new Map<number, Buffer>();
  for (const m of dexdump.matchAll(/const-string(?:\/jumbo)? v\d+, "(.*)" \/\/ string@([0-9a-f]+)$/gm)) {
    out.set(parseInt(m[2], 16), Buffer.from(m[1], 'latin1'));
  }
  return out;
}

/** Index -> MUTF-8 bytes of every string, through the fast path. */
function rawStrings(buf: Buffer): Map<number, Buffer> {
  const out = new Map<number, Buffer>();
  forEachDexString(buf, (r) => {
    out.set(r.index, buf.subarray(r.start, r.end));
  });
  return out;
}

/**
 * A DEX 041 container built from real DEX files (no tool here emits v41): each member gets a
 * 0x78-byte header (container_size, header_offset) followed by its original bytes from 0x70,
 * and its string_ids_off / string_data_off values are moved to container-relative offsets.
 * Only the string tables are relinked; the test reads nothing else.
 */
function containerOf(members: Buffer[]): Buffer {
  const sizes = members.map((m) => 0x78 + m.length - 0x70);
  const total = sizes.reduce((a, b) => a + b, 0);
  const parts: Buffer[] = [];
  let at = 0;
  for (let i = 0; i < members.length; i++) {
    const m = members[i];
    const part = Buffer.alloc(sizes[i]);
    m.copy(part, 0, 0, 0x70);
    m.copy(part, 0x78, 0x70);
    const delta = at + 8;
    part.write('041', 4, 'latin1');
    part.writeUInt32LE(sizes[i], 0x20);
    part.writeUInt32LE(0x78, 0x24);
    part.writeUInt32LE(total, 0x70);
    part.writeUInt32LE(at, 0x74);
    const count = m.readUInt32LE(0x38);
    const idsOff = m.readUInt32LE(0x3c);
    part.writeUInt32LE(idsOff + delta, 0x3c);
    for (let k = 0; k < count; k++) {
      const p = idsOff + 8 + 4 * k;
      part.writeUInt32LE(part.readUInt32LE(p) + delta, p);
    }
    parts.push(part);
    at += sizes[i];
  }
  return Buffer.concat(parts);
}

describe('formats-strings.dex (smali fixture)', () => {
  const buf = fixture('formats-strings.dex');
  // dexdump prints raw MUTF-8 bytes: keep them byte for byte.
  const dump = fixture('formats-strings.dexdump.txt').toString('latin1');

  test('string count and const-string bytes agree with dexdump', () => {
    const count = Number(/string_ids_size\s*:\s*(\d+)/.exec(dump)?.[1]);
    const { stats } = readDexStrings(buf);
    expect(stats.strings).toBe(count);
    expect(stats.skipped).toBe(0);
    const raw = rawStrings(buf);
    const expected = constStrings(dump);
    expect(expected.size).toBe(6);
    for (const [i, bytes] of expected) expect(raw.get(i)).toEqual(bytes);
  });

  test('MUTF-8 decoding: C0 80, 2- and 3-byte forms, surrogate pairs', () => {
    const values = readDexStrings(buf).strings.map((s) => s.value);
    expect(values).toEqual(
      expect.arrayContaining([
        'https://activate.example.cn/v1/register?imei=',
        'nul\u0000inside',
        'caf\u00e9 \u6fc0\u6d3b',
        'emoji \u{1F64F} end',
        '10.0.0.138:8080',
        '+8610690000',
        'Lcom/example/formats/Strings;',
      ]),
    );
    const nul = readDexStrings(buf).strings.find((s) => s.value.startsWith('nul'));
    expect(buf.subarray(nul!.start + 3, nul!.start + 5)).toEqual(Buffer.from([0xc0, 0x80]));
  });

  test('offsets: string_data_off, then MUTF-8 bytes up to the NUL', () => {
    const seen: DexStringRef[] = [];
    forEachDexString(buf, (r) => {
      seen.push({ ...r });
    });
    const idsOff = buf.readUInt32LE(0x3c);
    seen.forEach((r, i) => {
      expect(r.index).toBe(i);
      expect(r.offset).toBe(buf.readUInt32LE(idsOff + 4 * i));
      expect(r.start).toBeGreaterThan(r.offset);
      expect(buf[r.end]).toBe(0);
      expect(buf.subarray(r.start, r.end).includes(0)).toBe(false);
      expect(decodeMutf8(buf, r.start, r.end).length).toBe(r.utf16Length);
    });
  });

  test('the callback can stop the iteration', () => {
    let n = 0;
    const stats = forEachDexString(buf, () => ++n < 3);
    expect(n).toBe(3);
    expect(stats.stopped).toBe(true);
  });
});

describe('header checks and damaged strings', () => {
  const buf = fixture('formats-strings.dex');

  test('isDex recognises versions 035-041 only', () => {
    expect(isDex(buf)).toBe(true);
    for (const [v, ok] of [['035', true], ['036', true], ['039', true], ['041', true], ['034', false], ['042', false], ['0a5', false]] as const) {
      const b = Buffer.from(buf);
      b.write(v, 4, 'latin1');
      expect(isDex(b)).toBe(ok);
    }
    expect(isDex(Buffer.from('PK\x03\x04'))).toBe(false);
    expect(isDex(Buffer.alloc(0))).toBe(false);
  });

  test('file_size, header_size, endian tag and string_ids bounds -> FormatError', () => {
    const edits: [number, number][] = [
      [0x20, buf.length + 1], // file_size beyond the buffer
      [0x24, 0x10], // header_size too small
      [0x28, 0x78563412], // big-endian
      [0x28, 0], // bad endian tag
      [0x38, 0x40000000], // string_ids_size
      [0x3c, buf.length - 2], // string_ids_off
    ];
    for (const [at, v] of edits) {
      const b = Buffer.from(buf);
      b.writeUInt32LE(v, at);
      expect(() => forEachDexString(b, () => undefined)).toThrow(FormatError);
    }
    expect(() => readDexHeaders(buf.subarray(0, 0x60))).toThrow(FormatError);
    expect(() => readDexHeaders(buf.subarray(0, buf.length - 1))).toThrow(FormatError);
  });

  test('a bad string_data_off skips that string with a counted warning', () => {
    const b = Buffer.from(buf);
    const idsOff = b.readUInt32LE(0x3c);
    const count = b.readUInt32LE(0x38);
    b.writeUInt32LE(0xfffffff0, idsOff + 4); // string #1 out of bounds
    b.writeUInt32LE(0x10, idsOff + 8); // string #2 inside the header
    const stats = forEachDexString(b, () => undefined);
    expect(stats.skipped).toBe(2);
    expect(stats.strings).toBe(count - 2);
    expect(stats.warnings.join('\n')).toMatch(/string #1: bad string_data_off/);
    expect(stats.warnings.join('\n')).toMatch(/string #2: bad string_data_off/);
  });

  test('a string with no NUL before the end of the file is skipped', () => {
    const idsOff = buf.readUInt32LE(0x3c);
    // Appended: uleb128 length 12, then "unterminated" with no NUL after it.
    const b = Buffer.concat([buf, Buffer.from([12]), Buffer.from('unterminated')]);
    b.writeUInt32LE(b.length, 0x20);
    b.writeUInt32LE(buf.length, idsOff);
    const stats = forEachDexString(b, () => undefined);
    expect(stats.skipped).toBe(1);
    expect(stats.warnings.join()).toMatch(/string #0: no terminating NUL/);
  });

  test('decodeMutf8 on malformed bytes yields U+FFFD, never throws', () => {
    const b = Buffer.from([0x41, 0xc0, 0x41, 0xe0, 0x80, 0xff, 0xed, 0xa0, 0xbd, 0xed, 0xb9, 0x8f]);
    expect(decodeMutf8(b, 0, b.length)).toBe('A\ufffdA\ufffd\ufffd\ufffd\u{1F64F}');
    expect(decodeMutf8(b, 5, 3)).toBe('');
    expect(decodeMutf8(b, -4, 1)).toBe('A');
  });

  test('property: truncations and byte flips either read or throw FormatError', () => {
    fc.assert(
      fc.property(truncatedAndFlipped(buf), (b) =>
        parsesOrFormatError(() => {
          forEachDexString(b, (r) => {
            decodeMutf8(b, r.start, r.end);
          });
        }),
      ),
      { numRuns: fuzzRuns(200) },
    );
  });
});

describeCorpus('androguard DEX corpus', () => {
  const file = (p: string): Buffer => readFileSync(join(CORPUS, p));

  test('StringTests.dex: 23 strings including the test_strings.py values', () => {
    const buf = file('tests/StringTests.dex');
    const { strings, stats } = readDexStrings(buf);
    expect(stats.strings).toBe(23);
    const values = strings.map((s) => s.value);
    expect(values).toEqual(
      expect.arrayContaining([
        'this is a quite normal string',
        '\u0000 \u0001 \u1234',
        '使用在線工具將字符串翻譯為中文',
        'перевод строки на русский с помощью онлайн-инструментов',
        '온라인 도구를 사용하여 문자열을 한국어로 번역',
        'オンラインツールを使用して文字列を日本語に翻訳',
        'This is \ud83d\ude4f, an emoji.',
        '\u2713 check this string',
        '\uffff \u0000 \uff00',
        '\u0420\u043e\u0441\u0441\u0438\u044f',
      ]),
    );
    const emoji = strings.find((s) => s.value.includes('emoji'));
    expect(buf.includes(Buffer.from([0xed, 0xa0, 0xbd, 0xed, 0xb9, 0x8f]), emoji!.start)).toBe(true);
  });

  test('TestActivity classes.dex has 4,329 strings', () => {
    expect(forEachDexString(file('android/TestsAndroguard/bin/classes.dex'), () => undefined).strings).toBe(4329);
  });

  test('DEX 036 files (refused by ART and dexdump) still read from their header', () => {
    for (const f of walk(join(CORPUS, 'tests'), (p) => /\.36\.dex$/.test(p))) {
      const buf = readFileSync(f);
      const stats = forEachDexString(buf, () => undefined);
      expect(stats.headers[0].version).toBe(36);
      expect(stats.strings).toBe(buf.readUInt32LE(0x38));
      expect(stats.skipped).toBe(0);
    }
  });

  test('multidex.apk: classes.dex and classes2.dex', () => {
    const apk = join(CORPUS, 'tests/multidex/multidex.apk');
    for (const entry of ['classes.dex', 'classes2.dex']) {
      const buf = unzipEntry(apk, entry);
      if (!buf) throw new Error(`unzip could not read ${entry}`);
      expect(isDex(buf)).toBe(true);
      expect(forEachDexString(buf, () => undefined).strings).toBe(buf.readUInt32LE(0x38));
    }
  });

  test('v041 container of two real DEX files: every header, every string', () => {
    const a = file('tests/StringTests.dex');
    const b = file('tests/Test.dex');
    const c = containerOf([a, b]);
    const headers = readDexHeaders(c);
    expect(headers.map((h) => [h.version, h.headerOffset, h.stringIdsSize])).toEqual([
      [41, 0, 23],
      [41, a.length + 8, 8],
    ]);
    const got: [number, string][] = [];
    forEachDexString(c, (r) => {
      got.push([r.dexIndex, decodeMutf8(c, r.start, r.end)]);
    });
    const expected = [...readDexStrings(a).strings.map((s) => [0, s.value]), ...readDexStrings(b).strings.map((s) => [1, s.value])];
    expect(got).toEqual(expected);
    // A header_offset that does not match its position, or a container beyond the buffer.
    const bad = Buffer.from(c);
    bad.writeUInt32LE(4, a.length + 8 + 0x74);
    expect(() => readDexHeaders(bad)).toThrow(FormatError);
    expect(() => readDexHeaders(c.subarray(0, c.length - 1))).toThrow(FormatError);
  });
});

describeIf(corpusPresent && hasTool('dexdump'), 'androguard corpus or dexdump missing')('corpus DEX files against dexdump', () => {
  test('string counts (dexdump -f) and const-string bytes (dexdump -d) agree', () => {
    let files = 0;
    let agreed = 0;
    let refs = 0;
    const problems: string[] = [];
    for (const f of walk(CORPUS, (p) => p.endsWith('.dex'))) {
      const out = run('dexdump', ['-f', '-d', f]);
      const count = /string_ids_size\s*:\s*(\d+)/.exec(out.stdout);
      if (!count) continue; // dexdump refuses it (e.g. version 036)
      files++;
      const buf = readFileSync(f);
      const rel = f.slice(CORPUS.length + 1);
      const raw = rawStrings(buf);
      let ok = raw.size === Number(count[1]);
      if (!ok) problems.push(`${rel}: ${raw.size} strings, dexdump ${count[1]}`);
      for (const [i, bytes] of constStrings(out.stdout)) {
        refs++;
        if (!raw.get(i)?.equals(bytes)) {
          ok = false;
          if (problems.length < 20) problems.push(`${rel}: string@${i} differs`);
        }
      }
      if (ok) agreed++;
    }
    console.log(`[formats] dex: ${agreed}/${files} corpus DEX files agree with dexdump (${pct(agreed, files)}; ${refs} const-string references compared byte for byte)`);
    expect(problems).toEqual([]);
    expect(files).toBeGreaterThan(20);
  });

  test('iteration over the largest corpus DEX is fast (no per-string decoding)', () => {
    const buf = readFileSync(join(CORPUS, 'tests/dc4b1bb9d58daa82f29e60f79d5662f731a3351f.37.dex'));
    const t0 = process.hrtime.bigint();
    let bytes = 0;
    for (let i = 0; i < 10; i++) forEachDexString(buf, (r) => void (bytes += r.end - r.start));
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    console.log(`[formats] dex: 10 passes over 41,103 strings in ${ms.toFixed(1)} ms`);
    expect(bytes).toBeGreaterThan(0);
    expect(ms).toBeLessThan(2000);
  });
});
