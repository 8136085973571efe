/** The shard split: deterministic, size-balanced, every file in one shard, property files in all. */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { assignShards, isPropertyFile, parseShard, shardFiles } from '../../src/extract/shard-split.js';

const file = (relPath: string, size: number) => ({ relPath, size });

describe('assignShards', () => {
  it('puts every file in exactly one shard, whatever the order of the list', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z/]{1,12}$/), fc.nat(1e6)), { selector: (t) => t[0], maxLength: 60 }), fc.integer({ min: 1, max: 6 }), (list, n) => {
        const files = list.map(([p, s]) => file(p, s));
        const a = assignShards(files, n);
        const b = assignShards([...files].reverse(), n);
        expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
        for (const f of files) expect(a.get(f.relPath)).toBeGreaterThanOrEqual(1);
        for (const f of files) expect(a.get(f.relPath)).toBeLessThanOrEqual(n);
        const owned = Array.from({ length: n }, (_, i) => shardFiles(files, { index: i + 1, count: n }).own.length);
        expect(owned.reduce((x, y) => x + y, 0)).toBe(files.length);
      }),
    );
  });

  it('balances bytes: no shard holds more than the ideal share plus the largest file', () => {
    const files = Array.from({ length: 300 }, (_, i) => file(`system/app/A${i}/A${i}.apk`, ((i * 7919) % 1000) * 1000 + 1));
    for (const n of [2, 3, 5]) {
      const a = assignShards(files, n);
      const load = new Array(n).fill(0);
      for (const f of files) load[a.get(f.relPath)! - 1] += f.size;
      const total = files.reduce((x, f) => x + f.size, 0);
      const largest = Math.max(...files.map((f) => f.size));
      for (const l of load) expect(l).toBeLessThanOrEqual(total / n + largest);
    }
  });

  it('every shard reads every property file', () => {
    const files = [
      file('system/build.prop', 10),
      file('vendor/build.prop', 10),
      file('vendor/etc/init/init.sku.600CN.rc', 10),
      file('odm/etc/default.prop', 10),
      file('system/app/A/A.apk', 1000),
      file('system/app/B/B.apk', 900),
      file('system/etc/hosts.json', 5),
    ];
    for (let i = 1; i <= 3; i++) {
      const s = shardFiles(files, { index: i, count: 3 });
      const read = [...s.own, ...s.borrowed].map((f) => f.relPath);
      for (const p of files.filter((f) => isPropertyFile(f.relPath))) expect(read).toContain(p.relPath);
      for (const b of s.borrowed) expect(isPropertyFile(b.relPath)).toBe(true);
    }
    expect(isPropertyFile('system/etc/hosts.json')).toBe(false);
  });
});

describe('parseShard', () => {
  it('accepts I/N with 1 <= I <= N', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/3', '4/3', '1/0', '1', '1/2/3', '-1/2', 'x']) expect(typeof parseShard(bad)).toBe('string');
  });
});
