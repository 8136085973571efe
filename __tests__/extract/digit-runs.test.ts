/**
 * The digit-run finder behind SMS extraction: the WebAssembly SIMD module must give exactly the
 * runs of the plain byte loop, across its 64-byte steps, its 64 KiB blocks and the window edges.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { digitRunsUseWasm, forEachDigitRun, forEachDigitRunJs } from '../../src/extract/digit-runs.js';
import { ANDROGUARD_EXAMPLES, describeWithAndroguard } from '../helpers/corpus.js';
import '../helpers/fast-check-seed.js';

function runs(find: typeof forEachDigitRun, buf: Uint8Array, start: number, end: number, minLen: number): number[] {
  const out: number[] = [];
  find(buf, start, end, minLen, (ds, de) => out.push(ds, de));
  return out;
}

describe('digit runs', () => {
  it('runs in this Node.js on the WebAssembly module, not the fallback', () => {
    expect(digitRunsUseWasm()).toBe(true);
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

describeWithAndroguard('digit runs on real files', () => {
  it('agree with the byte loop on every file of the androguard corpus, for lengths 3 and 8', () => {
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name));
        else if (e.isFile()) files.push(join(d, e.name));
      }
    };
    walk(ANDROGUARD_EXAMPLES);
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
