/**
 * A DEX scan leaves the zeroed string length prefixes behind (scanDexStrings 'discard') only in
 * a buffer the entry owns: isLeaseView tells the entry's lease from a view of other bytes, such as
 * the enclosing entry's bytes that a STORED entry of a ZIP held in memory is read as.
 */
import { describe, expect, it } from '@jest/globals';
import { isLeaseView } from '../../src/extract/artifact.js';
import { entryScratch } from '../../src/io/scratch.js';
import { BufferSource } from '../../src/io/source.js';
import { scanBlockEngine } from '../../src/extract/scan-block.js';

describe('isLeaseView', () => {
  it('is true for the first bytes of the lease the entry was read into', () => {
    const lease = entryScratch.take(4096);
    try {
      expect(isLeaseView(lease.subarray(0, 100), lease)).toBe(true);
      expect(isLeaseView(lease, lease)).toBe(true);
    } finally {
      entryScratch.give(lease);
    }
  });

  it('is false for other bytes: another buffer, a view further in, no lease, or a view of the enclosing entry', async () => {
    const lease = entryScratch.take(4096);
    try {
      expect(isLeaseView(Buffer.alloc(100), lease)).toBe(false);
      expect(isLeaseView(lease.subarray(8, 100), lease)).toBe(false);
      expect(isLeaseView(lease.subarray(0, 100), undefined)).toBe(false);
      // A STORED entry of a ZIP held in memory: BufferSource.read gives a view of the parent's bytes.
      const parent = Buffer.alloc(8192, 1);
      const stored = await new BufferSource(parent).read(0, 100);
      expect(stored.buffer).toBe(parent.buffer);
      expect(isLeaseView(stored, lease)).toBe(false);
    } finally {
      entryScratch.give(lease);
    }
  });

  it('tells two leases apart when both are slots of one memory (the scanner module lends its slots first)', () => {
    scanBlockEngine(); // adopts the module's slots into the pool
    const outer = entryScratch.take(1 << 20);
    const inner = entryScratch.take(1 << 20);
    try {
      expect(inner).not.toBe(outer);
      // A STORED entry read out of the outer entry's bytes, anywhere in them.
      for (const at of [0, 1, 4096, outer.length - 100]) expect(isLeaseView(outer.subarray(at, at + 100), inner)).toBe(false);
      expect(isLeaseView(inner.subarray(0, 100), inner)).toBe(true);
    } finally {
      entryScratch.give(inner);
      entryScratch.give(outer);
    }
  });
});
