/**
 * SMS registration numbers become `sms` endpoints wherever they stand as whole strings: DEX
 * string data, resources.arsc and compiled-XML string pools (the same scanner entry points the
 * extractor uses: scanDexStrings() on DEX string data, scanPoolStrings() on decoded pool strings).
 */
import { describe, expect, it } from '@jest/globals';
import { EndpointScanner } from '../../src/extract/endpoints.js';
import { scanDexStrings, scanPoolStrings } from '../../src/extract/string-scan.js';
import type { EndpointHit, Source } from '../../src/facts.js';
import { RecordingLogger } from '../../src/logging.js';
import { scan } from '../../src/scan.js';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { readDexHeaders } from '../../src/formats/dex.js';
import { dexPrefixes } from '../../src/extract/scan-block.js';
import { entryScratch } from '../../src/io/scratch.js';
import '../helpers/fast-check-seed.js';

/**
 * Runs `f` on `dex` where it lies (its own buffer: the JavaScript passes over string_ids) and on a
 * copy of it at the start of a slot of the scanner's WebAssembly memory (the module's passes, as
 * for a DEX inflated from an APK); after each, the bytes must be as they were. Returns both
 * results, which the caller compares.
 */
function bothPlaces<T>(dex: Buffer, f: (b: Buffer) => T): { own: T; slot: T } {
  const before = Buffer.from(dex);
  const own = f(dex);
  expect(dex.equals(before)).toBe(true);
  const lease = entryScratch.take(dex.length);
  try {
    const b = lease.subarray(0, dex.length);
    dex.copy(b);
    const ids = readDexHeaders(b).map((h) => new Uint32Array(b.buffer, b.byteOffset + h.stringIdsOff, h.stringIdsSize));
    expect(dexPrefixes(b, ids)).not.toBeNull(); // the module's passes are the ones run
    const slot = f(b);
    expect(b.equals(before)).toBe(true);
    return { own, slot };
  } finally {
    entryScratch.give(lease);
  }
}

const known = { hosts: new Set<string>(), sms: new Set(['10659401', '10654040', '10655459', '1065840409', '14536007399']) };

function fromPool(s: string, source: Source): [string, string, Source][] {
  const hits: EndpointHit[] = [];
  scanPoolStrings([{ value: s, offset: 100 }], { path: 'a.apk', entry: 'resources.arsc', source }, new EndpointScanner(known), { add: (h) => hits.push(h) });
  return hits.map((h) => [h.kind, h.value, h.evidence.source]);
}

describe('SMS numbers in string pools and DEX strings', () => {
  it.each(['arsc', 'xml', 'dex'] as const)('%s: registration numbers of CT, CMCC, CU and FIH as whole strings', (source) => {
    expect(fromPool('10659401', source)).toEqual([['sms', '10659401', source]]);
    expect(fromPool('10654040:4266', source)).toEqual([['sms', '10654040', source]]); // ZTE "number:hex port"
    expect(fromPool('+86 10655459', source)).toEqual([['sms', '10655459', source]]);
    expect(fromPool('1065840409', source)).toEqual([['sms', '1065840409', source]]);
    expect(fromPool('14536007399', source)).toEqual([['sms', '14536007399', source]]);
  });

  it('not inside longer digit runs, versions or identifiers', () => {
    expect(fromPool('106594011234567890', 'arsc')).toEqual([]);
    expect(fromPool('v10659401', 'xml')).toEqual([]);
    expect(fromPool('id_10659401x', 'dex')).toEqual([]);
  });

  it('numbers a policy lists, however short and however many, in one pass', () => {
    const many = new Set(['10086', '95555', ...Array.from({ length: 40 }, (_, i) => String(13800138000 + i))]);
    const hitsOf = (text: string): string[] => {
      const hits: EndpointHit[] = [];
      new EndpointScanner({ hosts: new Set(), sms: many }).scan(Buffer.from(text, 'latin1'), 0, text.length, { path: 'a', source: 'file' }, { add: (h) => hits.push(h) });
      return hits.map((h) => h.value);
    };
    expect(hitsOf('call 10086 or 95555, sms 13800138039; +8613800138007')).toEqual(['10086', '95555', '13800138039', '13800138007']);
    expect(hitsOf('1008600 x10086 10086a 1.10086 13800138040 10659401')).toEqual(['10659401']); // runs, identifiers, versions; 40 is not listed
  });

  it('a listed number after the length byte of its string (a DEX or class-file string read as raw bytes), only when it is that length', () => {
    const hitsOf = (b: Buffer): string[] => {
      const found = [true, false].map((wasm) => {
        const hits: EndpointHit[] = [];
        new EndpointScanner(known, { wasm }).scan(b, 0, b.length, { path: 'a', source: 'file' }, { add: (h) => hits.push(h) });
        return hits.map((h) => `${h.value} @${h.evidence.offset}`);
      });
      expect(found[0]).toEqual(found[1]);
      return found[0];
    };
    // A DEX string: its length ('5', 53, a digit that starts the run "510659401"), MUTF-8, NUL.
    const dex = (text: string, length = text.length): Buffer => Buffer.concat([Buffer.from([0, length]), Buffer.from(text, 'latin1'), Buffer.from([0])]);
    const s53 = '10659401,port=26680,text=CTREG,imei=0,meid=0,iccid=00';
    expect(s53.length).toBe(0x35);
    expect(hitsOf(dex(s53))).toEqual(['10659401 @2']);
    // A class file constant of 104 bytes: 'h' before it.
    const s104 = `10654040:4266;${'x'.repeat(90)}`;
    expect(hitsOf(Buffer.concat([Buffer.from([1, 0, s104.length]), Buffer.from(s104, 'latin1'), Buffer.from([1])]))).toEqual(['10654040 @3']);
    // Not when the length does not fit (a byte more, or text running on), nor for a number nobody lists.
    expect(hitsOf(dex(`${s53}x`, 0x35))).toEqual([]);
    expect(hitsOf(Buffer.from(`5${s53} and more text`, 'latin1'))).toEqual([]);
    expect(hitsOf(dex(`1065012345${s53.slice(8, -2)}`))).toEqual([]);
  });

  it('end to end: the CT client fixture yields 10659401 from its DEX, attributed to the client', async () => {
    const report = await scan(
      { inputs: ['__tests__/fixtures/apks/autoregistration-cn.apk'], market: 'EU', failOn: 'error', cwd: join(import.meta.dirname, '..', '..'), now: new Date('2026-11-01T00:00:00Z') },
      new RecordingLogger(),
    );
    const sms = report.targets[0].endpoints.find((e) => e.kind === 'sms');
    expect(sms).toMatchObject({ value: '10659401', status: 'denied', packages: ['ct-self-registration-qualcomm'] });
    expect(sms!.evidence[0]).toMatchObject({ entry: 'classes.dex', source: 'dex' });
  });
});

describe('SMS numbers told by their bytes', () => {
  it('are the digit runs the string rules accept: SP numbers (106, 8-13 digits) and listed ones, after +86 or 0086 (property)', () => {
    const policy = { hosts: new Set<string>(), sms: new Set(['10659401', '95555', '12345678901234']) };
    // The rules on the run as a string, as the scanner applied them before looking at bytes.
    const reference = (text: string): string[] => {
      const out: string[] = [];
      for (const m of text.matchAll(/[0-9]+/g)) {
        const ds = m.index;
        const de = ds + m[0].length;
        const before = ds > 0 ? text.charCodeAt(ds - 1) : 0x20;
        const after = de < text.length ? text.charCodeAt(de) : 0x20;
        if (m[0].length < 5 || /[A-Za-z0-9._]/.test(String.fromCharCode(before)) || /[A-Za-z0-9_]/.test(String.fromCharCode(after))) continue;
        if (after === 0x2e && /[0-9]/.test(text[de + 1] ?? '')) continue;
        let digits = m[0];
        if (before === 0x2b && digits.startsWith('86')) digits = digits.slice(2);
        else if (digits.startsWith('0086')) digits = digits.slice(4);
        if ((digits.startsWith('106') && digits.length >= 8 && digits.length <= 13) || policy.sms.has(digits)) out.push(digits);
      }
      return out;
    };
    const piece = fc.oneof(
      fc.constantFrom('+86', '0086', '86', '106', '10659401', '95555', '12345678901234', '+', ' ', '.', 'a', '_', '1065', '00'),
      fc.stringMatching(/^[0-9]{1,14}$/),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        for (const wasm of [true, false]) {
          const hits: EndpointHit[] = [];
          const buf = Buffer.from(text, 'latin1');
          new EndpointScanner(policy, { wasm }).scan(buf, 0, buf.length, { path: 'f', source: 'file' }, { add: (h) => hits.push(h) });
          expect([text, hits.filter((h) => h.kind === 'sms').map((h) => h.value)]).toEqual([text, reference(text)]);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('106... values of a size, length, offset or time', () => {
  const smsIn = (text: string, wasm: boolean): string[] => {
    const hits: EndpointHit[] = [];
    const buf = Buffer.from(text, 'latin1');
    new EndpointScanner({ hosts: new Set<string>(), sms: new Set(['10659401']) }, { wasm }).scan(buf, 0, buf.length, { path: 'f', source: 'file' }, { add: (h) => hits.push(h) });
    return hits.filter((h) => h.kind === 'sms').map((h) => h.value);
  };
  it.each([true, false])('are no SMS numbers, unless listed; the same digits elsewhere are (wasm %s)', (wasm) => {
    // payload_properties.txt of an OTA, a JSON manifest, a log line.
    expect(smsIn('FILE_HASH=abc=\nFILE_SIZE=106543210\nMETADATA_SIZE=10654321\n', wasm)).toEqual([]);
    expect(smsIn('{"size": 1065432100, "timestamp":1065123456789, "offset" : "10651234"}', wasm)).toEqual([]);
    expect(smsIn("length='10657777' crc32=106512345", wasm)).toEqual([]);
    // A listed number stays one whatever names it; other keys, and the next line, are not quantities.
    expect(smsIn('FILE_SIZE=10659401', wasm)).toEqual(['10659401']);
    expect(smsIn('sms_number=10654321 "to": "10651111"', wasm)).toEqual(['10654321', '10651111']);
    expect(smsIn('SIZE=\n10654321', wasm)).toEqual(['10654321']);
  });
});

describe('scanDexStrings', () => {
  it('leaves the DEX buffer byte-for-byte unchanged (it may be a shared block cache)', async () => {
    const dex = execFileSync('unzip', ['-p', '__tests__/fixtures/apks/autoregistration-cn.apk', 'classes.dex']);
    const before = Buffer.from(dex);
    const hits: string[] = [];
    scanDexStrings(dex, { path: 'a', source: 'dex' }, new EndpointScanner({ hosts: new Set(['zzhc.vnet.cn']), sms: new Set() }), { add: (h) => hits.push(h.value) });
    expect(hits).toContain('zzhc.vnet.cn');
    expect(dex.equals(before)).toBe(true);
  });
});

describe("scanDexStrings(..., 'discard')", () => {
  /** The hits, and the bytes changed, in the DEX's own buffer and in a slot of the module's memory. */
  function discarded(clean: Buffer, scanner: EndpointScanner, maxSaved?: number): { own: string[]; slot: string[]; ownChanged: number[]; slotChanged: number[] } {
    const run = (b: Buffer): string[] => {
      const hits: string[] = [];
      scanDexStrings(b, { path: 'a', source: 'dex' }, scanner, { add: (x) => hits.push(`${x.kind} ${x.value} @${x.evidence.offset}`) }, { maxSaved, after: 'discard' });
      return hits;
    };
    const changed = (b: Buffer): number[] => [...b].flatMap((x, i) => (x !== clean[i] ? [i] : []));
    const mine = Buffer.from(clean);
    const own = run(mine);
    const lease = entryScratch.take(clean.length);
    try {
      const b = lease.subarray(0, clean.length);
      clean.copy(b);
      const slot = run(b);
      return { own, slot, ownChanged: changed(mine), slotChanged: changed(b) };
    } finally {
      entryScratch.give(lease);
    }
  }

  it('gives the hits of the default and leaves only string length prefixes zeroed (the caller drops the buffer)', () => {
    const clean = execFileSync('unzip', ['-p', '__tests__/fixtures/apks/autoregistration-cn.apk', 'classes.dex']);
    const scanner = new EndpointScanner({ hosts: new Set(['zzhc.vnet.cn']), sms: new Set(['10659401']) });
    const expected: string[] = [];
    scanDexStrings(Buffer.from(clean), { path: 'a', source: 'dex' }, scanner, { add: (x) => expected.push(`${x.kind} ${x.value} @${x.evidence.offset}`) });
    expect(expected.some((h) => h.startsWith('host zzhc.vnet.cn'))).toBe(true);
    const { own, slot, ownChanged, slotChanged } = discarded(clean, scanner);
    expect(own).toEqual(expected);
    expect(slot).toEqual(expected);
    // Not put back: some prefixes stay zeroed (the fixture has strings of 45-122 characters), each
    // the last byte of a string's uleb128 length, now 0.
    const [h] = readDexHeaders(clean);
    const prefixEnds = new Set<number>();
    for (let i = 0; i < h.stringIdsSize; i++) {
      let j = clean.readUInt32LE(h.stringIdsOff + 4 * i);
      while (clean[j] & 0x80) j++;
      prefixEnds.add(j);
    }
    for (const changed of [ownChanged, slotChanged]) {
      expect(changed.length).toBeGreaterThan(0);
      for (const at of changed) {
        expect(prefixEnds.has(at)).toBe(true);
      }
    }
    for (const at of slotChanged) expect(clean[at]).toBeGreaterThanOrEqual(0x21);
  });

  it('with the cap reached (bytes zeroed in a copy): the same hits, the buffer unchanged', () => {
    const clean = execFileSync('unzip', ['-p', '__tests__/fixtures/apks/autoregistration-cn.apk', 'classes.dex']);
    const scanner = new EndpointScanner({ hosts: new Set(['zzhc.vnet.cn']), sms: new Set(['10659401']) });
    const expected: string[] = [];
    scanDexStrings(Buffer.from(clean), { path: 'a', source: 'dex' }, scanner, { add: (x) => expected.push(`${x.kind} ${x.value} @${x.evidence.offset}`) });
    const { own, slot, ownChanged, slotChanged } = discarded(clean, scanner, 1);
    expect(own).toEqual(expected);
    expect(slot).toEqual(expected);
    expect(ownChanged).toEqual([]);
    expect(slotChanged).toEqual([]);
  });
});

describe('scanDexStrings on a hostile DEX', () => {
  it('string_ids that share offsets: the zeroed prefixes all go back, and the hits are those of the clean DEX', async () => {
    const clean = execFileSync('unzip', ['-p', '__tests__/fixtures/apks/autoregistration-cn.apk', 'classes.dex']);
    const scanner = new EndpointScanner({ hosts: new Set(['zzhc.vnet.cn']), sms: new Set(['10659401']) });
    const hitsOf = (dex: Buffer): string[] => {
      const hits: string[] = [];
      scanDexStrings(dex, { path: 'a', source: 'dex' }, scanner, { add: (h) => hits.push(`${h.kind} ${h.value} @${h.evidence.offset}`) });
      return hits;
    };
    const expected = hitsOf(clean);
    expect(expected.some((h) => h.startsWith('host zzhc.vnet.cn'))).toBe(true);
    // Every odd string_id (but the last) points at the string of the even one before it: those
    // prefixes are zeroed twice, the second time over the first's zeros.
    const dex = Buffer.from(clean);
    const [h] = readDexHeaders(dex);
    for (let i = 0; i + 2 < h.stringIdsSize; i += 2) dex.writeUInt32LE(dex.readUInt32LE(h.stringIdsOff + 4 * i), h.stringIdsOff + 4 * (i + 1));
    const { own, slot } = bothPlaces(dex, hitsOf);
    expect(own).toEqual(expected);
    expect(slot).toEqual(expected);
  });

  it('whatever string_ids hold, the module and the JavaScript passes give the same hits and leave the bytes as they were (property)', async () => {
    const clean = execFileSync('unzip', ['-p', '__tests__/fixtures/apks/autoregistration-cn.apk', 'classes.dex']);
    const [h] = readDexHeaders(clean);
    const scanner = new EndpointScanner({ hosts: new Set(['zzhc.vnet.cn']), sms: new Set(['10659401']) });
    const hitsOf = (maxSaved?: number) => (dex: Buffer): string[] => {
      const hits: string[] = [];
      scanDexStrings(dex, { path: 'a', source: 'dex' }, scanner, { add: (x) => hits.push(`${x.kind} ${x.value} @${x.evidence.offset}`) }, { maxSaved });
      return hits;
    };
    // Offsets anywhere (the header, the string_ids themselves, string data, past the end), near
    // other strings (shared and overlapping prefixes), and bytes of string data set to
    // continuation bytes or to letters (long and joining prefixes).
    const offset = fc.oneof(fc.nat({ max: clean.length + 64 }), fc.integer({ min: h.stringIdsOff - 8, max: h.stringIdsOff + 4 * h.stringIdsSize + 8 }), fc.constant(0xffffffff));
    const edit = fc.tuple(fc.nat({ max: h.stringIdsSize - 1 }), fc.oneof(offset, fc.integer({ min: -6, max: 6 })));
    const poke = fc.tuple(fc.nat({ max: clean.length - 1 }), fc.constantFrom(0x80, 0xff, 0x61, 0x2e, 0x00));
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 40 }), fc.array(poke, { maxLength: 20 }), fc.constantFrom(undefined, 0, 3, 64), (edits, pokes, maxSaved) => {
        const dex = Buffer.from(clean);
        for (const [i, v] of edits) {
          // a small number: near the string the id already names
          const to = v >= -6 && v <= 6 ? dex.readUInt32LE(h.stringIdsOff + 4 * i) + v : v;
          dex.writeUInt32LE(to >>> 0, h.stringIdsOff + 4 * i);
        }
        for (const [at, b] of pokes) if (at >= h.stringIdsOff + 4 * h.stringIdsSize) dex[at] = b;
        const { own, slot } = bothPlaces(dex, hitsOf(maxSaved));
        expect(slot).toEqual(own);
      }),
      { numRuns: 150 },
    );
  });
});

describe('scanDexStrings when zeroing in place is refused', () => {
  const load = async () => {
    const clean = execFileSync('unzip', ['-p', '__tests__/fixtures/apks/autoregistration-cn.apk', 'classes.dex']);
    const scanner = new EndpointScanner({ hosts: new Set(['zzhc.vnet.cn']), sms: new Set(['10659401']) });
    const hitsOf = (dex: Buffer, maxSaved?: number): string[] => {
      const hits: string[] = [];
      scanDexStrings(dex, { path: 'a', source: 'dex' }, scanner, { add: (h) => hits.push(`${h.kind} ${h.value} @${h.evidence.offset}`) }, { maxSaved });
      return hits;
    };
    return { clean, hitsOf, header: readDexHeaders(clean)[0] };
  };

  it('more prefix bytes than the cap: those saved go back, and the span is zeroed in a copy (same hits)', async () => {
    const { clean, hitsOf } = await load();
    const expected = hitsOf(clean);
    expect(expected.length).toBeGreaterThan(1);
    const { own, slot } = bothPlaces(Buffer.from(clean), (dex) => hitsOf(dex, 1));
    expect(own).toEqual(expected);
    expect(slot).toEqual(expected);
  });

  it('a string_id pointing into the string_ids table: scanned from a copy, the buffer unchanged', async () => {
    const { clean, hitsOf, header } = await load();
    const expected = hitsOf(clean);
    const dex = Buffer.from(clean);
    dex.writeUInt32LE(header.stringIdsOff, header.stringIdsOff + 4); // the second id points at the first
    const { own, slot } = bothPlaces(dex, (b) => hitsOf(b));
    for (const h of expected) expect(own).toContain(h);
    expect(slot).toEqual(own);
  });
});

describe('scanDexStrings: uleb128 length prefixes never join a string (smali fixture)', () => {
  it('a prefix that reads as z, 1, -, @ or / changes nothing: no zzhc.vnet.cn, no 10659401, and the names and the quad stand alone', async () => {
    const dir = join(import.meta.dirname, '..', 'fixtures', 'formats');
    const dex = readFileSync(join(dir, 'formats-prefixes.dex'));
    // The strings and their lengths as dexdump prints them: each length is the prefix byte.
    const dump = readFileSync(join(dir, 'formats-prefixes.dexdump.txt'), 'latin1');
    const strings = [...dump.matchAll(/const-string v0, "([^"]*)"/g)].map((m) => m[1]);
    expect(strings.map((s) => String.fromCharCode(s.length))).toEqual(['z', '1', '-', '@', '/']);
    // In place, and through the copy a crafted DEX gets (no byte may be saved: maxSaved 0); in
    // its own buffer and in a slot of the scanner's memory.
    for (const maxSaved of [undefined, 0]) {
      const { own, slot } = bothPlaces(dex, (b) => {
        const hits: string[] = [];
        scanDexStrings(b, { path: 'a', source: 'dex' }, new EndpointScanner({ hosts: new Set(['zzhc.vnet.cn']), sms: new Set(['10659401']) }), {
          add: (h) => hits.push(`${h.kind} ${h.value}`),
        }, { maxSaved });
        return hits.sort();
      });
      expect(own).toEqual(['host mail.vnet.cn', 'host res.vnet.cn', 'host zhc.vnet.cn', 'ip 10.1.2.3']);
      expect(slot).toEqual(own);
    }
  });
});
