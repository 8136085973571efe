import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import { openZip, entryDataOffset, readEntry, type ZipEntry } from '../../src/formats/zip.js';
import { inflateEntryInto, inflateRawFrom, inflateRawInto, inflateRawIntoPortable, inflateRawPrefix, inflatesInPlace } from '../../src/io/inflate.js';
import { entryScratch, ScratchPool } from '../../src/io/scratch.js';
import { inflateToSource } from '../../src/io/spill.js';
import { BufferSource, FileSource, type RandomAccessSource } from '../../src/io/source.js';
import { androguardFiles, describeWithAndroguard } from '../helpers/corpus.js';

const APKS = join(import.meta.dirname, '..', 'fixtures', 'apks');
const HOSTILE = join(import.meta.dirname, '..', 'fixtures', 'hostile');

/** The raw DEFLATE streams of an archive's method-8 entries, as stored by the tool that made it. */
async function deflatedEntries(path: string): Promise<{ entry: ZipEntry; raw: Buffer }[]> {
  const src = await FileSource.open(path);
  try {
    const zip = await openZip(src);
    const out: { entry: ZipEntry; raw: Buffer }[] = [];
    for (const entry of zip.entries) {
      if (entry.method !== 8) continue;
      const { offset } = await entryDataOffset(src, entry);
      if (offset + entry.compressedSize > src.size) continue;
      out.push({ entry, raw: await src.read(offset, entry.compressedSize) });
    }
    return out;
  } finally {
    await src.close();
  }
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

const BOTH = [
  ['reused zlib stream', inflateRawInto],
  ['portable fallback', inflateRawIntoPortable],
] as const;

describe('inflateRawInto', () => {
  it('uses the reused stream on this Node (the fallback is for a Node whose zlib internals differ)', () => {
    expect(inflatesInPlace()).toBe(true);
  });

  describe.each(BOTH)('%s', (_name, inflate) => {
    it('gives the bytes unzip gives, into a dirty reused buffer, for every deflated entry of the fixtures', async () => {
      const out = Buffer.alloc(1 << 20, 0xa5);
      let checked = 0;
      for (const name of ['autoregistration-cn.apk', 'native-only.apk', 'overlay-cn.apk']) {
        const path = join(APKS, name);
        for (const { entry, raw } of await deflatedEntries(path)) {
          const n = inflate(raw, out.subarray(0, entry.uncompressedSize + 1));
          expect(n).toBe(entry.uncompressedSize);
          const theirs = execFileSync('unzip', ['-p', path, entry.name], { maxBuffer: 1 << 26 });
          expect(out.subarray(0, n).equals(theirs)).toBe(true);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(5);
    });

    it('returns the whole buffer when the stream holds more than it (the caller asks one byte more than declared)', async () => {
      const [{ entry, raw }] = (await deflatedEntries(join(APKS, 'autoregistration-cn.apk'))).filter((x) => x.entry.uncompressedSize > 100);
      const out = Buffer.alloc(entry.uncompressedSize);
      expect(inflate(raw, out)).toBe(entry.uncompressedSize); // exactly full: "more" to a caller that asked size + 1
      expect(inflate(raw, out.subarray(0, 10))).toBe(10);
      expect(out.subarray(0, 10).equals(inflateRawSync(raw).subarray(0, 10))).toBe(true);
    });

    it('throws zlib’s own error for truncated and corrupt streams, and inflates correctly afterwards', async () => {
      const entries = (await deflatedEntries(join(APKS, 'autoregistration-cn.apk'))).filter((x) => x.raw.length > 64);
      expect(entries.length).toBeGreaterThan(0);
      const { entry, raw } = entries[0];
      const good = inflateRawSync(raw);
      const out = Buffer.alloc(entry.uncompressedSize + 1);
      const broken: Buffer[] = [raw.subarray(0, raw.length >> 1), raw.subarray(0, 1), Buffer.from([0xff, 0xff, 0xff, 0xff]), Buffer.alloc(0)];
      // A stored block whose length check fails ("invalid stored block lengths").
      broken.push(Buffer.from([0x00, 0x05, 0x00, 0x05, 0x00, 1, 2, 3, 4, 5]));
      for (const bad of broken) {
        const expected = errorOf(() => inflateRawSync(bad));
        expect(expected).not.toBe('no error');
        expect(errorOf(() => inflate(bad, out))).toBe(expected);
        // The stream that failed is not reused half-broken.
        expect(inflate(raw, out)).toBe(entry.uncompressedSize);
        expect(out.subarray(0, entry.uncompressedSize).equals(good)).toBe(true);
      }
    });
  });
});

/** A source over `buf` whose reads copy into the caller's buffer and yield to other tasks. */
function yieldingSource(buf: Buffer): RandomAccessSource {
  const inner = new BufferSource(buf);
  return {
    size: buf.length,
    read: (p, n) => inner.read(p, n),
    async readInto(p, n, out) {
      await new Promise((r) => setImmediate(r));
      buf.copy(out, 0, p, p + n);
      return out.subarray(0, n);
    },
    close: async () => undefined,
  };
}

/** What inflateRawSync makes of `raw` into `cap` bytes: the bytes, 'too large' or its error. */
function reference(raw: Buffer, cap: number): Buffer | string {
  try {
    const b = inflateRawSync(raw, { maxOutputLength: cap });
    return b.length === cap ? 'too large' : b;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'too large' : (e as Error).message;
  }
}

async function streamed(raw: Buffer, cap: number, piece: number, src: RandomAccessSource = yieldingSource(raw)): Promise<Buffer | string> {
  const out = Buffer.alloc(cap, 0xa5);
  try {
    const n = await inflateRawFrom(src, 0, raw.length, out, piece);
    return n === cap ? 'too large' : Buffer.from(out.subarray(0, n));
  } catch (e) {
    return (e as Error).message;
  }
}

describe('inflateRawFrom (compressed bytes read a piece at a time)', () => {
  it('equals inflateRawSync for every deflated entry of the fixtures, whatever the piece size', async () => {
    let checked = 0;
    for (const name of ['autoregistration-cn.apk', 'native-only.apk', 'overlay-cn.apk']) {
      for (const { entry, raw } of await deflatedEntries(join(APKS, name))) {
        for (const piece of [1, 7, 100, 4096]) {
          if (raw.length / piece > 20000) continue;
          expect(await streamed(raw, entry.uncompressedSize + 1, piece)).toEqual(reference(raw, entry.uncompressedSize + 1));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('stops where the output is full, and ignores bytes after the end of the stream as inflateRawSync does', async () => {
    const [{ entry, raw }] = (await deflatedEntries(join(APKS, 'autoregistration-cn.apk'))).filter((x) => x.raw.length > 300);
    for (const piece of [7, 64, 256]) {
      expect(await streamed(raw, entry.uncompressedSize, piece)).toBe('too large');
      expect(await streamed(raw, 50, piece)).toBe('too large');
      const trailing = Buffer.concat([raw, Buffer.from('trailing bytes after the final block, in two or more pieces')]);
      expect(await streamed(trailing, entry.uncompressedSize + 1, piece)).toEqual(reference(trailing, entry.uncompressedSize + 1));
    }
  });

  it('gives zlib’s own error for truncated and corrupt streams cut at every piece boundary', async () => {
    const [{ entry, raw }] = (await deflatedEntries(join(APKS, 'autoregistration-cn.apk'))).filter((x) => x.raw.length > 300);
    const cap = entry.uncompressedSize + 1;
    for (const cut of [1, 7, 64, 100, raw.length >> 1, raw.length - 1]) {
      const bad = raw.subarray(0, cut);
      const expected = reference(bad, cap);
      expect(typeof expected).toBe('string');
      expect(await streamed(bad, cap, 7)).toBe(expected);
    }
    const flipped = Buffer.from(raw);
    for (let i = 40; i < flipped.length; i += 37) flipped[i] ^= 0xff;
    expect(await streamed(flipped, cap, 16)).toEqual(reference(flipped, cap));
    // and the next stream inflates right
    expect(await streamed(raw, cap, 16)).toEqual(reference(raw, cap));
  });

  it('two streamed inflates interleaved on one thread never share a zlib stream', async () => {
    const list = (await deflatedEntries(join(APKS, 'autoregistration-cn.apk'))).filter((x) => x.raw.length > 200).slice(0, 3);
    expect(list.length).toBeGreaterThan(1);
    const results = await Promise.all(list.map(({ entry, raw }) => streamed(raw, entry.uncompressedSize + 1, 13)));
    results.forEach((r, i) => expect(r).toEqual(reference(list[i].raw, list[i].entry.uncompressedSize + 1)));
  });
});

describe('inflateRawPrefix (inflating only as far as the caller needs)', () => {
  const SOURCES = [
    ['read into the caller’s buffer', yieldingSource],
    ['in memory (views)', (raw: Buffer) => new BufferSource(raw)],
  ] as const;

  describe.each(SOURCES)('%s', (_name, sourceOf) => {
    it('stops where `want` says, with the bytes unzip gives up to there, whatever the piece size', async () => {
      let checked = 0;
      for (const name of ['autoregistration-cn.apk', 'native-only.apk', 'overlay-cn.apk']) {
        for (const { entry, raw } of await deflatedEntries(join(APKS, name))) {
          const size = entry.uncompressedSize;
          if (size < 64) continue;
          const good = inflateRawSync(raw);
          const targets = [17, size >> 2, size >> 1];
          for (const piece of [1, 7, 100, 4096, 1 << 20]) {
            if (raw.length / piece > 20000) continue;
            const asked: number[] = [];
            const out = Buffer.alloc(size + 1, 0xa5);
            const r = await inflateRawPrefix(sourceOf(raw), 0, raw.length, out, (written) => {
              asked.push(written);
              return targets[asked.length - 1] ?? written; // then: enough
            }, piece);
            expect(r).toEqual({ written: size >> 1, stopped: true });
            expect(asked).toEqual([0, 17, size >> 2, size >> 1]); // asked each time a target was reached
            expect(out.subarray(0, r.written).equals(good.subarray(0, r.written))).toBe(true);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(20);
    });

    it('asked for more than the buffer holds, it is inflateRawFrom: the same bytes, "too large" or error', async () => {
      const [{ entry, raw }] = (await deflatedEntries(join(APKS, 'autoregistration-cn.apk'))).filter((x) => x.raw.length > 300);
      const flipped = Buffer.from(raw);
      for (let i = 40; i < flipped.length; i += 37) flipped[i] ^= 0xff;
      const trailing = Buffer.concat([raw, Buffer.from('trailing bytes after the final block, in two or more pieces')]);
      for (const data of [raw, raw.subarray(0, raw.length >> 1), flipped, trailing]) {
        for (const cap of [entry.uncompressedSize + 1, entry.uncompressedSize, 50]) {
          for (const piece of [7, 4096]) {
            const out = Buffer.alloc(cap, 0xa5);
            let got: Buffer | string;
            try {
              const r = await inflateRawPrefix(sourceOf(data), 0, data.length, out, () => cap + 1, piece);
              expect(r.stopped).toBe(false);
              got = r.written === cap ? 'too large' : Buffer.from(out.subarray(0, r.written));
            } catch (e) {
              got = (e as Error).message;
            }
            expect(got).toEqual(await streamed(data, cap, piece));
          }
        }
      }
      // The bytes after the end of the stream are not read.
      const junk = Buffer.concat([raw, Buffer.alloc(100 * 7, 0x33)]);
      let reads = 0;
      const counting: RandomAccessSource = sourceOf(junk);
      const src: RandomAccessSource = { size: junk.length, read: (p, n) => (reads++, counting.read(p, n)), close: async () => undefined };
      if (counting.readInto) src.readInto = (p, n, o) => (reads++, counting.readInto!(p, n, o));
      await inflateRawPrefix(src, 0, junk.length, Buffer.alloc(entry.uncompressedSize + 1), () => entry.uncompressedSize + 1, 7);
      expect(reads).toBeLessThanOrEqual(Math.ceil(raw.length / 7) + 1);
    });
  });

  it('never reads the stream past where it stops: a stream cut or corrupt further on gives its first bytes, and inflated whole fails as before', async () => {
    const [{ entry, raw }] = (await deflatedEntries(join(APKS, 'autoregistration-cn.apk'))).filter((x) => x.raw.length > 1000);
    const good = inflateRawSync(raw);
    const cut = raw.subarray(0, raw.length - 200);
    const corrupt = Buffer.from(raw);
    for (let i = raw.length - 200; i < raw.length; i++) corrupt[i] ^= 0x5a;
    for (const bad of [cut, corrupt]) {
      const out = Buffer.alloc(entry.uncompressedSize + 1);
      const r = await inflateRawPrefix(yieldingSource(bad), 0, bad.length, out, (written) => (written === 0 ? 100 : written), 16);
      expect(r).toEqual({ written: 100, stopped: true });
      expect(out.subarray(0, 100).equals(good.subarray(0, 100))).toBe(true);
      expect(typeof (await streamed(bad, entry.uncompressedSize + 1, 16))).toBe('string'); // an error, inflated whole
    }
  });

  it('inflateEntryInto: the whole entry, checked against its declared size', async () => {
    const [{ entry, raw }] = (await deflatedEntries(join(APKS, 'autoregistration-cn.apk'))).filter((x) => x.raw.length > 300);
    const size = entry.uncompressedSize;
    const good = inflateRawSync(raw);
    const src = new BufferSource(raw);
    expect(await inflateEntryInto(src, 0, raw.length, size, Buffer.alloc(size + 1), 'x.dex').then((b) => b.equals(good))).toBe(true);
    await expect(inflateEntryInto(src, 0, raw.length, size - 1, Buffer.alloc(size), 'x.dex')).rejects.toThrow('"x.dex" inflates to more than its declared');
    await expect(inflateEntryInto(src, 0, raw.length, size + 5, Buffer.alloc(size + 6), 'x.dex')).rejects.toThrow(`"x.dex" inflated to ${size} bytes, declared ${size + 5}`);
  });
});

describe('readEntry into a lent buffer', () => {
  it('reads every entry of the fixtures and hostile archives exactly as into a buffer of its own, or fails the same way', async () => {
    const pool = new ScratchPool(32 << 20, 3);
    let compared = 0;
    for (const path of [...['autoregistration-cn.apk', 'native-only.apk', 'overlay-cn.apk'].map((n) => join(APKS, n)), ...['lying-size.apk', 'bomb.apk', 'nested.apk', 'zip64.apk', 'janus.apk'].map((n) => join(HOSTILE, n))]) {
      const src = await FileSource.open(path);
      try {
        const zip = await openZip(src);
        for (const entry of zip.entries) {
          const own = await readEntry(src, entry, { maxBytes: 8 << 20 }).then(
            (b) => b.toString('base64'),
            (e: Error) => e.message,
          );
          const lease = pool.take(entry.uncompressedSize + 1);
          lease.fill(0x5a);
          const lent = await readEntry(src, entry, { maxBytes: 8 << 20, out: lease }).then(
            (b) => b.toString('base64'),
            (e: Error) => e.message,
          );
          pool.give(lease);
          expect(lent).toEqual(own);
          compared++;
        }
      } finally {
        await src.close();
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('a hostile archive whose entry inflates past its declared size is refused either way', async () => {
    const src = await FileSource.open(join(HOSTILE, 'lying-size.apk'));
    try {
      const zip = await openZip(src);
      const reasons: string[] = [];
      for (const entry of zip.entries) {
        await readEntry(src, entry, { maxBytes: 8 << 20, out: Buffer.alloc(entry.uncompressedSize + 1) }).catch((e: Error) => reasons.push(e.message));
      }
      expect(reasons.join('\n')).toMatch(/inflates to more than its declared|inflated to \d+ bytes, declared/);
    } finally {
      await src.close();
    }
  });
});

describe('ScratchPool', () => {
  it('lends distinct buffers until they are given back, then reuses them', () => {
    const pool = new ScratchPool(8 << 20, 2);
    const a = pool.take(100);
    const b = pool.take(100);
    expect(a.length).toBeGreaterThanOrEqual(100);
    expect(a.buffer).not.toBe(b.buffer);
    pool.give(a);
    expect(pool.take(50)).toBe(a);
    pool.give(a);
    pool.give(b);
    expect(pool.idleBytes).toBe(a.length + b.length);
  });

  it('rounds up to powers of two from 1 MiB, never past what it keeps', () => {
    const pool = new ScratchPool(6 << 20, 2);
    expect(pool.take(10).length).toBe(1 << 20);
    expect(pool.take((1 << 20) + 1).length).toBe(2 << 20);
    expect(pool.take(5 << 20).length).toBe(6 << 20);
    expect(pool.take(7 << 20).length).toBe(7 << 20); // larger than kept: exact
  });

  it('keeps at most keepCount idle buffers, preferring the larger, and never one above keepBytes', () => {
    const pool = new ScratchPool(4 << 20, 2);
    const small = pool.take(1);
    const mid = pool.take(2 << 20);
    const big = pool.take(3 << 20);
    const huge = pool.take(5 << 20);
    pool.give(huge);
    expect(pool.idleBytes).toBe(0);
    pool.give(small);
    pool.give(mid);
    pool.give(big);
    expect(pool.idleBytes).toBe(mid.length + big.length);
    expect(pool.take(1)).toBe(mid); // the smallest that fits
  });

  it('replaces an idle buffer that is too small instead of keeping one of every size', () => {
    const pool = new ScratchPool(64 << 20, 2);
    for (const mib of [1, 2, 3, 5, 9, 17]) pool.give(pool.take(mib << 20));
    expect(pool.idleBytes).toBe(32 << 20); // only the last: each earlier one was too small for the next
    const a = pool.take(1);
    const b = pool.take(1); // a nested entry meanwhile: a second buffer
    pool.give(b);
    pool.give(a);
    expect(pool.idleBytes).toBe(a.length + b.length);
  });

  it('lends adopted slots first while one is idle and large enough, takes them back, and never drops them', () => {
    const pool = new ScratchPool(4 << 20, 1);
    const memory = new ArrayBuffer(3 << 20);
    const slots = [Buffer.from(memory, 0, 1 << 20), Buffer.from(memory, 2 << 20, 1 << 20)];
    // Which slot a buffer is (-1: none), so that a failure prints a number, not a 1 MiB diff.
    const slot = (b: Buffer): number => (slots as Buffer[]).indexOf(b);
    pool.adopt(slots);
    const a = pool.take(100);
    const b = pool.take(1 << 20);
    expect([slot(a), slot(b)].sort()).toEqual([0, 1]);
    const c = pool.take(10); // both slots lent: an ordinary buffer
    expect(c.buffer === memory).toBe(false);
    const d = pool.take((1 << 20) + 1); // larger than a slot
    pool.give(a);
    expect(pool.take((1 << 20) + 1).buffer === memory).toBe(false); // still larger than the idle slot
    expect(slot(pool.take(5))).toBe(slot(a));
    pool.give(a);
    pool.give(b);
    pool.give(c);
    pool.give(d); // keepCount 1: the ordinary buffers compete for one place; slots are not counted
    expect(pool.idleBytes).toBe(d.length);
    expect([slot(pool.take(1)), slot(pool.take(1))].sort()).toEqual([0, 1]);
    // A slot given back twice is still lent once: the next take after both slots is ordinary.
    pool.give(slots[0]);
    pool.give(slots[0]);
    expect(slot(pool.take(1))).toBe(0);
    expect(slot(pool.take(1))).toBe(-1);
  });
});

describeWithAndroguard('inflateRawInto on the androguard corpus', () => {
  it('matches inflateRawSync on every deflated entry of every APK, or fails with its error', async () => {
    const out = Buffer.alloc(64 << 20);
    const mismatches: string[] = [];
    let entries = 0;
    for (const file of androguardFiles().filter((f) => /\.apk$/i.test(f))) {
      let list: { entry: ZipEntry; raw: Buffer }[];
      try {
        list = await deflatedEntries(file);
      } catch {
        continue; // not a readable ZIP: the ZIP reader's tests cover those
      }
      for (const { entry, raw } of list) {
        if (entry.uncompressedSize >= out.length) continue;
        const cap = out.subarray(0, entry.uncompressedSize + 1);
        let theirs: Buffer | string;
        try {
          theirs = inflateRawSync(raw, { maxOutputLength: cap.length });
        } catch (e) {
          theirs = (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'too large' : (e as Error).message;
        }
        let ours: Buffer | string;
        try {
          const n = inflateRawInto(raw, cap);
          ours = n === cap.length ? 'too large' : Buffer.from(cap.subarray(0, n));
        } catch (e) {
          ours = (e as Error).message;
        }
        if (typeof theirs !== 'string' && theirs.length === cap.length) theirs = 'too large';
        const same = typeof ours === 'string' || typeof theirs === 'string' ? ours === theirs : ours.equals(theirs);
        if (!same) mismatches.push(`${file}!/${entry.name}: ${typeof ours === 'string' ? ours : `${ours.length} bytes`} vs ${typeof theirs === 'string' ? theirs : `${theirs.length} bytes`}`);
        entries++;
      }
    }
    expect(mismatches).toEqual([]);
    expect(entries).toBeGreaterThan(1000);
  });
});

describe('a deflated ZIP entry opened as a source (inflateToSource, in memory)', () => {
  const ZIP = join(import.meta.dirname, '..', 'fixtures', 'images', 'sample', 'target-files.zip');
  const budget = { spend: (): void => undefined };
  const opts = { memoryBytes: 1 << 20, maxSpillBytes: 1 << 30, budget, name: 'entry' };

  it('reads every entry of a target-files zip as unzip does, and gives its buffer back once however often it is closed', async () => {
    const src = await FileSource.open(ZIP);
    try {
      const zip = await openZip(src);
      for (const entry of zip.entries) {
        const { offset } = await entryDataOffset(src, entry);
        const inner = await inflateToSource(src, offset, entry.compressedSize, entry.uncompressedSize, opts);
        const ours = Buffer.from(await inner.read(0, inner.size));
        await inner.close();
        await inner.close();
        expect(ours.equals(execFileSync('unzip', ['-p', ZIP, entry.name]))).toBe(true);
        // Closed twice, lent once: the next two leases are different buffers.
        const a = entryScratch.take(entry.uncompressedSize + 1);
        const b = entryScratch.take(entry.uncompressedSize + 1);
        expect(a.buffer).not.toBe(b.buffer);
        entryScratch.give(a);
        entryScratch.give(b);
      }
    } finally {
      await src.close();
    }
  });

  it('refuses a stream that gives more or fewer bytes than declared', async () => {
    const src = await FileSource.open(ZIP);
    try {
      const entry = (await openZip(src)).entries.find((e) => e.name.endsWith('AutoRegistration.apk'))!;
      const { offset } = await entryDataOffset(src, entry);
      const size = entry.uncompressedSize;
      await expect(inflateToSource(src, offset, entry.compressedSize, size - 1, opts)).rejects.toThrow(`"entry" inflates to more than its declared ${size - 1} bytes`);
      await expect(inflateToSource(src, offset, entry.compressedSize, size + 1, opts)).rejects.toThrow(`"entry" inflated to ${size} bytes, declared ${size + 1}`);
      await expect(inflateToSource(src, offset, entry.compressedSize >> 1, size, opts)).rejects.toThrow(/cannot inflate "entry": unexpected end of file/);
    } finally {
      await src.close();
    }
  });
});
