/**
 * The WebAssembly block pass behind endpoint extraction (src/wasm/scan-block.wat): its digit runs
 * must be exactly those of the plain byte loop, and the scanner on its candidates must give
 * exactly the hits of the JavaScript path (indexOf and byte loops), across 64-byte steps, 64 KiB
 * blocks, the context copied around a block, and the window edges.
 */
import { describe, expect, it, jest } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { isIPv4 } from 'node:net';
import { BLOCK, dexPrefixes, forEachDigitRun, forEachDigitRunJs, scanBlockUsesWasm, scansInPlace } from '../../src/extract/scan-block.js';
import { entryScratch } from '../../src/io/scratch.js';
import { EndpointScanner, isCanonicalIpv4, isCanonicalIpv4Bytes } from '../../src/extract/endpoints.js';
import type { EndpointHit } from '../../src/facts.js';
import { openZip, readEntry } from '../../src/formats/zip.js';
import { BufferSource } from '../../src/io/source.js';
import { androguardFiles, describeWithAndroguard } from '../helpers/corpus.js';
import '../helpers/fast-check-seed.js';

function runs(find: typeof forEachDigitRun, buf: Uint8Array, start: number, end: number, minLen: number): number[] {
  const out: number[] = [];
  find(buf, start, end, minLen, (ds, de) => out.push(ds, de));
  return out;
}

describe('digit runs', () => {
  it('runs in this Node.js on the WebAssembly module, not the fallback', () => {
    expect(scanBlockUsesWasm()).toBe(true);
    expect(new EndpointScanner({ hosts: new Set(), sms: new Set() }).usesWasm).toBe(true);
    expect(new EndpointScanner({ hosts: new Set(), sms: new Set() }, { wasm: false }).usesWasm).toBe(false);
  });

  it('finds whole runs of at least the length asked, clipped to the window', () => {
    const buf = Buffer.from('x10659401y 1234567 +8610655459 12345678901234567890');
    expect(runs(forEachDigitRun, buf, 0, buf.length, 8)).toEqual([1, 9, 20, 30, 31, 51]);
    expect(runs(forEachDigitRun, buf, 0, buf.length, 7)).toEqual([1, 9, 11, 18, 20, 30, 31, 51]);
    // a window that cuts a run keeps only the part inside it
    expect(runs(forEachDigitRun, buf, 3, 40, 8)).toEqual([20, 30, 31, 40]);
    expect(runs(forEachDigitRun, buf, 3, 38, 8)).toEqual([20, 30]);
  });

  it('finds runs that cross the 64-byte steps and the 64 KiB blocks', () => {
    const buf = Buffer.alloc(3 * 65536 + 100, 0x41);
    const at = [60, 63, 64, 127, 65536 - 5, 2 * 65536 - 1, 2 * 65536 + 62, 3 * 65536 + 90];
    for (const p of at) buf.write('106594011', p, 'latin1');
    expect(runs(forEachDigitRun, buf, 0, buf.length, 8)).toEqual(runs(forEachDigitRunJs, buf, 0, buf.length, 8));
    expect(runs(forEachDigitRun, buf, 0, buf.length, 8).length).toBeGreaterThan(8); // runs next to each other merged, the rest apart
  });

  it('agrees with the byte loop on random bytes rich in digits (property)', () => {
    const byte = fc.oneof(fc.integer({ min: 0x30, max: 0x39 }), fc.integer({ min: 0x30, max: 0x39 }), fc.integer({ min: 0, max: 255 }));
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 700 }), fc.array(byte, { maxLength: 300 }), fc.integer({ min: 1, max: 40 }), fc.nat(), fc.nat(), (noise, digits, minLen, a, b) => {
        const buf = Buffer.concat([Buffer.from(noise), Buffer.from(digits), Buffer.from(noise.slice(0, 50))]);
        const start = buf.length ? a % buf.length : 0;
        const end = start + (buf.length - start ? b % (buf.length - start + 1) : 0);
        expect(runs(forEachDigitRun, buf, start, end, minLen)).toEqual(runs(forEachDigitRunJs, buf, start, end, minLen));
      }),
    );
  });
});

const known = { hosts: new Set(['zzhc.vnet.cn', 'dm.wo.com.cn', 'a.bc']), sms: new Set(['10659401', '1234']) };

/** Every hit of buf[start, end), with the offset each hit was found at. */
function hits(wasm: boolean, buf: Buffer, start = 0, end = buf.length, k = known): EndpointHit[] {
  const out: EndpointHit[] = [];
  new EndpointScanner(k, { wasm }).scan(buf, start, end, { path: 'p', source: 'file' }, { add: (h) => out.push(h) });
  return out;
}

/**
 * Hits grouped by (kind, value), each group in the order found. The block pass interleaves kinds
 * block by block where the JavaScript path finds all hosts, then IPv6, then SMS numbers; what
 * the collector sees, each endpoint's evidence in order, must be the same.
 */
const byEndpoint = (h: EndpointHit[]): EndpointHit[] => [...h].sort((x, y) => (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : x.value < y.value ? -1 : x.value > y.value ? 1 : 0));

/** Bytes put around a buffer in a slot: host bytes, digits, dots and `://[`, which join anything they touch. */
const NEIGHBOURS = Buffer.from('a9.b8-://[c7', 'latin1');

/**
 * The hits of buf[start, end) scanned where it lies in a slot of the module's memory (lent by
 * entryScratch: inflated entries and raw chunks are scanned so, without a copy per block),
 * placed at the slot's start, its end or inside it, with NEIGHBOURS on every side outside the
 * buffer. The slot's bytes must be as they were after the scan (the context zeroed around the
 * window is put back).
 */
function hitsInSlot(buf: Buffer, start: number, end: number, at: 'start' | 'middle' | 'end', k = known): EndpointHit[] {
  const lease = entryScratch.take(buf.length + 2048);
  try {
    expect(scansInPlace(lease)).toBe(true);
    const off = at === 'start' ? 0 : at === 'end' ? lease.length - buf.length : 1024;
    const from = Math.max(0, off - 1024);
    const to = Math.min(lease.length, off + buf.length + 1024);
    for (let i = from; i < to; i++) lease[i] = NEIGHBOURS[i % NEIGHBOURS.length];
    buf.copy(lease, off);
    const before = Buffer.from(lease.subarray(from, to));
    const found = hits(true, lease.subarray(off, off + buf.length), start, end, k);
    expect(lease.subarray(from, to).equals(before)).toBe(true);
    return found;
  } finally {
    entryScratch.give(lease);
  }
}

function agree(buf: Buffer, start = 0, end = buf.length, k = known): EndpointHit[] {
  const w = hits(true, buf, start, end, k);
  expect(scansInPlace(buf)).toBe(false);
  expect(byEndpoint(w)).toEqual(byEndpoint(hits(false, buf, start, end, k)));
  for (const at of ['start', 'middle', 'end'] as const) expect(hitsInSlot(buf, start, end, at, k)).toEqual(w);
  return w;
}

describe('endpoint candidates from the block pass', () => {
  it('finds hosts, quads, IPv6 URLs and SMS numbers as the JavaScript path does', () => {
    const text =
      'x http://zzhc.vnet.cn:80/reg HTTP://Dm.Wo.Com.Cn 8.8.8.8 v1.2.3 ws://[2001:db8::1]:443/ ' +
      'java.lang.String mail@acme.com api.acme.com --push.acme.com.. 10659401 a.bc xn--fiqs8s.xn--fiqs8s 0.1.2.3';
    const w = agree(Buffer.from(text, 'latin1'));
    expect(w.map((h) => h.value)).toEqual(['zzhc.vnet.cn', 'dm.wo.com.cn', '8.8.8.8', 'api.acme.com', 'push.acme.com', 'a.bc', '2001:db8::1', '10659401']);
  });

  it('finds in UTF-16LE text what it finds in the same text narrow, at the UTF-16 offsets', () => {
    const text = 'x http://zzhc.vnet.cn:80/reg ws://[2001:db8::1]:443/ api.acme.com 10659401 java.lang.String 8.8.8.8';
    const narrow = agree(Buffer.from(text, 'latin1'));
    // after a narrow byte and before a zero, as in a binary: the UTF-16 runs are widened from the dots
    const wide = agree(Buffer.concat([Buffer.from([0x41, 0x41, 0x42]), Buffer.from(text, 'utf16le'), Buffer.alloc(2)]));
    expect(narrow.map((h) => h.value)).toEqual(['zzhc.vnet.cn', 'api.acme.com', '8.8.8.8', '2001:db8::1', '10659401']);
    // but a name or an address without a scheme that no list names (ICU's data is full of them)
    const unlisted = ['api.acme.com', '8.8.8.8'];
    expect(wide.map((h) => [h.value, h.evidence.offset])).toEqual(narrow.filter((h) => !unlisted.includes(h.value)).map((h) => [h.value, 3 + 2 * h.evidence.offset!]));
    const bare = Buffer.from('zzhc.vnet.cn h.mm.ss des.qa 72.1.0.0 8.8.8.8:53 http://api.acme.com/ http://1.2.3.4/ 124.207.3.53', 'utf16le');
    // a listed address counts bare too (the catalog lists 124.207.3.53)
    const listed = { ...known, ips: new Set(['124.207.3.53']) };
    expect(agree(bare, 0, bare.length, listed).map((h) => h.value)).toEqual(['zzhc.vnet.cn', '8.8.8.8', 'api.acme.com', '1.2.3.4', '124.207.3.53']);
    expect(agree(bare).map((h) => h.value)).toEqual(['zzhc.vnet.cn', '8.8.8.8', 'api.acme.com', '1.2.3.4']);
    // a run as short as a listed 3-digit number
    const three = { hosts: known.hosts, sms: new Set(['121']) };
    expect(agree(Buffer.concat([Buffer.from([0xff, 0xff]), Buffer.from('121', 'utf16le'), Buffer.from([0xff, 0xff])]), 0, 10, three).map((h) => [h.value, h.evidence.offset])).toEqual([['121', 2]]);
    // a run without a dot: its SMS numbers
    expect(agree(Buffer.from('call 10659401 now', 'utf16le')).map((h) => [h.value, h.evidence.offset])).toEqual([['10659401', 10]]);
  });

  it('finds an SMS number in UTF-16 text wherever the 64-byte steps and 64 KiB blocks cut it', () => {
    // 8 digits, the shortest number asked for: no part of a cut run is as long on its own
    const eight = { hosts: known.hosts, sms: new Set(['10659401']) };
    const wide = Buffer.from(';10659401;', 'utf16le');
    for (const edge of [64, 128, BLOCK, 2 * BLOCK]) {
      for (let cut = -wide.length - 1; cut <= 2; cut++) {
        const buf = Buffer.alloc(2 * BLOCK + 200, 0xff);
        wide.copy(buf, edge + cut);
        const w = agree(buf, 0, buf.length, eight);
        expect([edge, cut, w.map((h) => [h.value, h.evidence.offset])]).toEqual([edge, cut, [['10659401', edge + cut + 2]]]);
      }
    }
    // shorter than the shortest number asked for: nothing
    expect(agree(Buffer.from('x 1065940 y', 'utf16le'), 0, 22, eight)).toEqual([]);
  });

  it('keeps names of up to 253 bytes, the longest a DNS name can be', () => {
    const name = (n: number): string => `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(n - 63 * 3 - 3 - 4)}.com`;
    expect(name(253)).toHaveLength(253);
    const w = agree(Buffer.from(`http://${name(253)}/ http://${name(254)}/ ${name(252)} ${name(253)}`, 'latin1'));
    expect(w.map((h) => h.value.length)).toEqual([253, 252, 253]);
  });

  it('reports a token cut by a 64 KiB block once, whole, at every cut position', () => {
    const host = 'http://update.zzhc.vnet.cn:8080/x ';
    for (let cut = -host.length; cut <= 2; cut++) {
      const buf = Buffer.alloc(2 * BLOCK + 100, 0x20);
      buf.write(host, BLOCK + cut, 'latin1');
      buf.write('10659401', BLOCK - 50, 'latin1');
      const w = agree(buf);
      expect(w.filter((h) => h.kind === 'host').map((h) => h.evidence.offset)).toEqual([BLOCK + cut]);
    }
    const wide = Buffer.from(host, 'utf16le');
    for (let cut = -wide.length; cut <= 2; cut++) {
      const buf = Buffer.alloc(2 * BLOCK + 100, 0x20);
      wide.copy(buf, BLOCK + cut);
      const w = agree(buf);
      expect([cut, w.filter((h) => h.kind === 'host').map((h) => h.evidence.offset)]).toEqual([cut, [BLOCK + cut]]);
    }
  });

  it('reports a listed name glued to the bytes after it (a token of no letter TLD and no quad) once, at every cut position, as the JavaScript path does', () => {
    const k = { ...known, ips: new Set(['124.207.3.53']) };
    for (const [token, value, at] of [
      ['zzhc.vnet.cn1.2', 'zzhc.vnet.cn', 0],
      ['1124.207.3.53G', '124.207.3.53', 1],
      ['1zzhc.vnet.cnG', 'zzhc.vnet.cn', 1],
      // glued to the bytes before it too (gluedInside): a SQLite record's text columns, rustc's literals
      ['Telecom46003zzhc.vnet.cn1', 'zzhc.vnet.cn', 12],
      ['46003zzhc.vnet.cnG', 'zzhc.vnet.cn', 5],
      ['xcn124.207.3.53', '124.207.3.53', 3],
    ] as const) {
      for (let cut = -token.length - 1; cut <= 2; cut++) {
        const buf = Buffer.alloc(2 * BLOCK + 100, 0x20);
        buf.write(token, BLOCK + cut, 'latin1');
        const w = agree(buf, 0, buf.length, k);
        expect([token, cut, w.map((h) => [h.value, h.evidence.offset])]).toEqual([token, cut, [[value, BLOCK + cut + at]]]);
      }
    }
    // A block packed with tokens the module flags for it (with and without a listed first pair).
    for (const unit of ['zz.b1 ', 'a.b1 ', '124.207.3.53b ', 'xzzhc.vnet.cn1 ', 'a.cn1 ', 'x124.207.3.53 ']) agree(Buffer.from(unit.repeat(Math.ceil((2 * BLOCK + 77) / unit.length)), 'latin1'), 0, undefined, k);
  });

  it('widens runs longer than the context copied around a block from the caller’s bytes', () => {
    for (const fill of ['.', '-', 'a', '9', '.-']) {
      for (const at of [10, BLOCK - 700, BLOCK - 3, BLOCK + 5]) {
        const run = fill.repeat(Math.ceil(1200 / fill.length));
        const buf = Buffer.alloc(3 * BLOCK, 0x20);
        // a host after a long run of separators (trimmed away), and one glued to a long label
        buf.write(`${run}push.acme.com ${run}.acme.org ${run.slice(0, 300)}x.org`, at, 'latin1');
        agree(buf);
      }
    }
    const dots = Buffer.from(`${'.'.repeat(2000)}push.acme.com${'.'.repeat(2000)}`, 'latin1');
    expect(agree(dots).map((h) => h.value)).toEqual(['push.acme.com']);
  });

  it('holds every candidate of a block packed with them (the module’s output areas)', () => {
    for (const unit of ['a.bc ', '1.2.3.4 ', 'ws://[::1]/', '0', 'x.com.', ':', 'a\0.\0', '.\0', 'a\0.\0b\0c\0 \0\0', '1\0', '1\0x', '1\0\0\0', '10659401'.replace(/./g, '$&\0') + ' ']) {
      const buf = Buffer.from(unit.repeat(Math.ceil((2 * BLOCK + 77) / unit.length)), 'latin1');
      const w = agree(buf);
      if (unit === 'a.bc ') expect(w.length).toBe(Math.ceil((2 * BLOCK + 77) / unit.length));
    }
    // UTF-16 dots every 2 bytes (`.` is a host byte), then what must still be found in the block
    const sep = Buffer.from([0xff, 0xff]);
    const u16 = (t: string): Buffer => Buffer.from(t, 'utf16le');
    const dense = Buffer.concat([u16(`a${'.'.repeat(1000)}a`), sep, u16('10659401'), sep, u16(`a${'.'.repeat(17000)}a`), sep, u16('http://example.com/'), sep]);
    expect(agree(dense).map((h) => [h.value, h.evidence.offset])).toEqual([
      ['10659401', dense.indexOf(u16('10659401'))],
      ['example.com', dense.indexOf(u16('http://'))],
    ]);
    // a one-digit number asked for (a policy may list one): every other byte starts digits 2 apart
    const one = { hosts: known.hosts, sms: new Set(['1']) };
    for (const unit of ['11\0\0', '1\0', '1']) agree(Buffer.from(unit.repeat(Math.ceil((2 * BLOCK + 77) / unit.length)), 'latin1'), 0, undefined, one);
  });

  it('keeps to the window it is given, at block and step edges', () => {
    const buf = Buffer.alloc(BLOCK + 300, 0x20);
    for (let p = 0; p + 20 < buf.length; p += 61) buf.write('a.acme.com 1065940123 ', p, 'latin1');
    for (let p = 29; p + 40 < buf.length; p += 183) buf.write('b.acme.com 1065940123', p, 'utf16le');
    for (const [s, e] of [
      [0, buf.length],
      [3, BLOCK + 7],
      [64, 128],
      [BLOCK - 1, BLOCK + 1],
      [BLOCK - 200, BLOCK + 200],
      [5, 5],
    ]) {
      agree(buf, s, e);
    }
  });

  it('agrees with the JavaScript path on random bytes rich in host characters (property)', () => {
    const alphabet = Buffer.from('aZ.-.0129:/[]@_ x.comhttp://', 'latin1');
    const byte = fc.oneof(fc.constantFrom(...alphabet), fc.integer({ min: 0, max: 255 }));
    // and escapes glued before names and quads (percent, backslash, a properties file's "\:")
    const escapes = ['%', '%20', '%2F', '%3A', 'http%3A%2F%2F', '\\x2f', 'http:\\u002f\\u002f', 'http\\://', '\\', '\\n', '10.0.0.7', '%2010.0.0.7', '%25', 'http%253A%252F%252F'];
    // and listed names glued to the bytes before them (string literals laid end to end)
    const glued = ['connect', 'Telecom46003', 'cn10659401', '10659401dm.wo.com.cn', '124.207.3.53', 'dm.wo.com.cn'];
    const narrow = ['zzhc.vnet.cn', 'http://', 'ws://[::1]:80/', '10659401', '8.8.8.8', '+8610659401', 'api.acme.io', '..--', 'xn--p1ai', 'A.B.com', ...escapes, ...glued];
    // and the same in UTF-16LE, and a dot between zeros
    const piece = fc.constantFrom(...narrow, ...narrow.map((p) => Buffer.from(p, 'utf16le').toString('latin1')), '\0.\0', 'a\0.\0');
    // a listed address too: listed names glued to random bytes
    const withIp = { ...known, ips: new Set(['8.8.8.8', '124.207.3.53']) };
    fc.assert(
      fc.property(fc.array(fc.oneof(byte.map((b) => String.fromCharCode(b)), piece), { maxLength: 400 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const buf = Buffer.from(parts.join(''), 'latin1');
        const start = buf.length ? a % buf.length : 0;
        const end = start + (buf.length - start ? b % (buf.length - start + 1) : 0);
        agree(buf, start, end, withIp);
      }),
      { numRuns: 400 },
    );
  });

  it('reads a dotted quad from bytes as Node’s own parser does (net.isIPv4: four parts of 0-255, no leading zeros) (property)', () => {
    const quad = fc.array(fc.oneof(fc.constantFrom('0', '00', '1', '255', '256', '01', '999', '1000', ''), fc.nat({ max: 300 }).map(String)), { minLength: 1, maxLength: 6 }).map((p) => p.join('.'));
    const fourParts = fc.tuple(fc.nat({ max: 260 }), fc.nat({ max: 260 }), fc.nat({ max: 260 }), fc.nat({ max: 260 })).map((p) => p.join('.'));
    let valid = 0;
    fc.assert(
      fc.property(fc.oneof(quad, fourParts, fc.stringMatching(/^[0-9.]{0,20}$/)), (s) => {
        const want = isIPv4(s);
        if (want) valid++;
        expect([s, isCanonicalIpv4Bytes(Buffer.from(`x${s}y`, 'latin1'), 1, s.length + 1)]).toEqual([s, want]);
        expect([s, isCanonicalIpv4(s)]).toEqual([s, want]);
      }),
    );
    expect(valid).toBeGreaterThan(5); // the generator reaches valid quads too
  });
});

describe('without room for the slots', () => {
  it('still scans with the module, copying each block in, when its memory cannot grow', async () => {
    type ScanBlock = typeof import('../../src/extract/scan-block.js');
    type Scratch = typeof import('../../src/io/scratch.js');
    type Endpoints = typeof import('../../src/extract/endpoints.js');
    const proto = (globalThis as unknown as { WebAssembly: { Memory: { prototype: { grow: (n: number) => number } } } }).WebAssembly.Memory.prototype;
    const grow = proto.grow;
    proto.grow = () => {
      throw new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded');
    };
    try {
      let mods: [ScanBlock, Scratch, Endpoints] | undefined;
      await jest.isolateModulesAsync(async () => {
        mods = [await import('../../src/extract/scan-block.js'), await import('../../src/io/scratch.js'), await import('../../src/extract/endpoints.js')];
      });
      const [sb, scratch, ep] = mods!;
      expect(sb.scanBlockUsesWasm()).toBe(true);
      const lease = scratch.entryScratch.take(100);
      try {
        expect(sb.scansInPlace(lease)).toBe(false); // an ordinary buffer: no slot was adopted
        const text = Buffer.from('x http://zzhc.vnet.cn:80/reg 8.8.8.8 api.acme.com 10659401 ', 'latin1');
        text.copy(lease);
        const out: EndpointHit[] = [];
        new ep.EndpointScanner(known).scan(lease.subarray(0, text.length), 0, text.length, { path: 'p', source: 'file' }, { add: (h) => out.push(h) });
        expect(out).toEqual(hits(true, text));
        expect(out.map((h) => h.value)).toEqual(['zzhc.vnet.cn', '8.8.8.8', 'api.acme.com', '10659401']);
      } finally {
        scratch.entryScratch.give(lease);
      }
    } finally {
      proto.grow = grow;
    }
  });
});

describe('the module’s passes over DEX string_ids', () => {
  /**
   * What the DEX format says the passes must do, written from it: a string_id is readable when
   * headerSize <= off < limit; its length is a uleb128 of up to five bytes, and only the last one
   * (the first byte under 0x80 from off, looked for before off + 5 and before hi) can join the
   * string's first token, when it is 0x21-0x7e. Zeroing works on the live bytes (an id may point
   * into the ids themselves) and a byte already zeroed is not counted again. Past `cap` bytes to
   * zero, every one is put back and the answer is -1.
   */
  function reference(mem: Buffer, ids: number, n: number, hs: number, limit: number, hi: number, cap: number): { span: [number, number, number]; saved: number } {
    let count = 0;
    let lo = 0x7fffffff;
    let max = -1;
    for (let i = 0; i < n; i++) {
      const off = mem.readUInt32LE(ids + 4 * i);
      if (off < hs || off >= limit) continue;
      count++;
      lo = Math.min(lo, off);
      max = Math.max(max, off);
    }
    const undo: [number, number][] = [];
    for (let i = 0; i < n; i++) {
      const off = mem.readUInt32LE(ids + 4 * i);
      if (off < hs || off >= limit) continue;
      let j = off;
      while (j < Math.min(off + 5, hi) && mem[j] >= 0x80) j++;
      if (j >= hi || mem[j] < 0x21 || mem[j] > 0x7e) continue;
      if (undo.length === cap) {
        for (const [at, b] of undo) mem[at] = b;
        return { span: [count, lo, max], saved: -1 };
      }
      undo.push([j, mem[j]]);
      mem[j] = 0;
    }
    return { span: [count, lo, max], saved: undo.length };
  }

  it('find the span, zero exactly the joining prefix bytes, stop at the cap and put everything back (property)', () => {
    const byte = fc.oneof(fc.integer({ min: 0x80, max: 0xff }), fc.integer({ min: 0x21, max: 0x7e }), fc.integer({ min: 0, max: 0x20 }), fc.constant(0x7f));
    let zeroed = 0;
    let capped = 0;
    expect(scanBlockUsesWasm()).toBe(true); // the module is there, its slots adopted by entryScratch
    fc.assert(
      fc.property(
        fc.array(byte, { minLength: 8, maxLength: 400, size: 'medium' }),
        // offsets as picked positions (reduced modulo the buffer's size + 8 below), or the largest u32
        fc.array(fc.oneof(fc.nat(), fc.nat(), fc.constant(0xffffffff)), { minLength: 1, maxLength: 60, size: 'medium' }),
        fc.nat({ max: 60 }),
        fc.oneof(fc.constant(-1), fc.nat({ max: 600 })), // -1: the whole buffer
        fc.oneof(fc.constant(-1), fc.constant(-1), fc.nat({ max: 600 })),
        fc.oneof(fc.nat({ max: 8 }), fc.constant(1 << 16)),
        (data, offsets, hs, limitRaw, hiRaw, cap) => {
          // [ids][data]: ids at 0 (aligned), offsets relative to the buffer start, some into the ids
          const n = offsets.length;
          const size = 4 * n + data.length;
          const lease = entryScratch.take(size);
          try {
            const b = lease.subarray(0, size);
            offsets.forEach((o, i) => b.writeUInt32LE(o === 0xffffffff ? o : o % (size + 8), 4 * i));
            Buffer.from(data).copy(b, 4 * n);
            const pristine = Buffer.from(b);
            const limit = limitRaw < 0 ? size : Math.min(limitRaw, size);
            const hi = hiRaw < 0 ? size : Math.min(hiRaw, size);
            const list = new Uint32Array(b.buffer, b.byteOffset, n);
            const wasm = dexPrefixes(b, [list]);
            expect(wasm).not.toBeNull();
            const ref = Buffer.from(pristine);
            const want = reference(ref, 0, n, hs, limit, hi, cap);
            const got = wasm!.span(list, hs, limit);
            expect([got.count, got.lo, got.max]).toEqual(want.span);
            const saved = wasm!.zero(list, hs, limit, hi, 0, cap);
            expect(saved).toBe(want.saved);
            expect(b.equals(ref)).toBe(true); // the same bytes zeroed (none left when capped)
            if (saved > 0) zeroed++;
            if (saved < 0) capped++;
            if (saved > 0) wasm!.restore(saved);
            expect(b.equals(pristine)).toBe(true);
          } finally {
            entryScratch.give(lease);
          }
        },
      ),
      { numRuns: 500 },
    );
    expect(zeroed).toBeGreaterThan(100); // the generator reaches both outcomes
    expect(capped).toBeGreaterThan(30);
  });
});

describeWithAndroguard('the block pass on real files', () => {
  it('gives the JavaScript path’s hits on every file of the androguard corpus, and every entry of its APKs', async () => {
    const files = androguardFiles();
    let total = 0;
    let entries = 0;
    const check = (name: string, buf: Buffer): void => {
      const w = byEndpoint(hits(true, buf));
      const j = byEndpoint(hits(false, buf));
      if (w.length !== j.length || JSON.stringify(w) !== JSON.stringify(j)) expect({ file: name, hits: w }).toEqual({ file: name, hits: j });
      total += w.length;
    };
    for (const f of files) {
      const buf = readFileSync(f);
      check(f, buf);
      if (buf.readUInt32LE(0) !== 0x04034b50) continue;
      // The inflated entries (DEX, resources, XML, native code) are what a scan reads.
      const src = new BufferSource(buf);
      const zip = await openZip(src).catch(() => undefined);
      for (const e of zip?.entries ?? []) {
        const data = await readEntry(src, e, { maxBytes: 64 << 20 }).catch(() => undefined);
        if (!data) continue;
        check(`${f}!/${e.name}`, data);
        entries++;
      }
    }
    expect(files.length).toBeGreaterThan(300);
    expect(entries).toBeGreaterThan(8000);
    expect(total).toBeGreaterThan(2000);
  });
});

describeWithAndroguard('digit runs on real files', () => {
  it('agree with the byte loop on every file of the androguard corpus, for lengths 3 and 8', () => {
    const files = androguardFiles();
    let total = 0;
    for (const f of files) {
      const buf = readFileSync(f);
      for (const minLen of [3, 8]) {
        const w = runs(forEachDigitRun, buf, 0, buf.length, minLen);
        expect(w).toEqual(runs(forEachDigitRunJs, buf, 0, buf.length, minLen));
        total += w.length;
      }
    }
    expect(files.length).toBeGreaterThan(300);
    expect(total).toBeGreaterThan(1000);
  });
});
