/**
 * Progress inside a file (ArtifactContext.advance): a single image of gigabytes, given as the
 * input, moves the progress line as its files are extracted instead of jumping from nothing to
 * done at its end. On the images built by the real tools (e2fsprogs, erofs-utils, img2simg; the
 * super image assembled around them, fixtures/images/README.md), in-process and on a worker
 * thread's shared counter.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from '@jest/globals';
import { extractFile, sliceBudget } from '../../src/extract/artifact.js';
import { DEFAULT_LIMITS } from '../../src/extract/limits.js';
import { extractFiles, newContext, packPosition, partialOf, setWorkerScript, takeWorkerProblems, WORKER_MARK, threadProgress, unpackPosition, type PoolInit } from '../../src/extract/pool.js';
import { mergePartials } from '../../src/extract/partial.js';
import { extractFileCached } from '../../src/extract/cache.js';
import { workOf } from '../../src/extract/work.js';
import type { FileArtifact } from '../../src/inputs/walk.js';
import { tempDir } from '../helpers/temp.js';

const init: PoolInit = { hosts: [], sms: [], mentionPackages: [], limits: DEFAULT_LIMITS };
const sample = join(import.meta.dirname, '..', 'fixtures', 'images', 'sample');

function fileOf(abs: string, relPath: string): FileArtifact {
  return { abs: Buffer.from(abs), relPath, size: statSync(abs).size, partition: '', partitionPath: relPath };
}

/** Extracts `file` with a listener; the fractions it was told, and the facts against a plain extraction's. */
async function advances(file: FileArtifact, p: PoolInit = init): Promise<number[]> {
  const plain = newContext(p);
  const seen: number[] = [];
  const ctx = newContext(p);
  ctx.advance = (f) => void seen.push(f);
  await extractFile(file, plain);
  await extractFile(file, ctx);
  // Listening changes nothing the scan finds.
  expect(ctx.endpoints.finish()).toEqual(plain.endpoints.finish());
  expect(ctx.packages).toEqual(plain.packages);
  expect(ctx.stats).toEqual(plain.stats);
  return seen;
}

/** Never back, always within [0, 1], and at 1 at the end. */
function expectClimb(seen: number[]): void {
  for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
  for (const f of seen) {
    expect(f).toBeGreaterThanOrEqual(0);
    expect(f).toBeLessThanOrEqual(1);
  }
  expect(seen.at(-1)).toBe(1);
}

describe('advance inside one file', () => {
  it('moves after each file of an ext4 image, weighed by what each costs', async () => {
    const seen = await advances(fileOf(join(sample, 'ext4', 'system.img'), 'system.img'));
    expectClimb(seen);
    // Its four files (the APKs, build.prop), then the end of the image: each step a file's share.
    const steps = [...new Set(seen)];
    expect(steps.length).toBeGreaterThanOrEqual(4);
    expect(steps.filter((f) => f > 0 && f < 1).length).toBeGreaterThanOrEqual(3);
  });

  it('moves through the partitions of a super image and the files inside each', async () => {
    const seen = await advances(fileOf(join(sample, 'super.img'), 'super.img'));
    expectClimb(seen);
    // Three partitions with files: more steps than partitions, from the files inside them.
    expect(new Set(seen.filter((f) => f > 0 && f < 1)).size).toBeGreaterThan(3);
  });

  it('moves through a sparse image as through the raw image it describes', async () => {
    const sparse = await advances(fileOf(join(sample, 'sparse', 'system.img'), 'system.img'));
    const raw = await advances(fileOf(join(sample, 'ext4', 'system.img'), 'system.img'));
    expect(sparse).toEqual(raw);
  });

  it('moves after each chunk of a large raw file, by the bytes scanned', async () => {
    const dir = tempDir('ag-advance-');
    const path = join(dir, 'lib.so');
    writeFileSync(path, Buffer.alloc(10 * 65536, 0x20));
    const seen = await advances(fileOf(path, 'lib.so'), { ...init, limits: { ...DEFAULT_LIMITS, chunkBytes: 65536 } });
    // Ten chunks of 64 KiB: a tenth each, then the end of the file.
    expect(seen).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1].map((f, i) => (i < 10 ? expect.closeTo(f, 12) : f)));
  });

  it('moves each slice of a shared image through its own share, to 1', async () => {
    const image = fileOf(join(sample, 'ext4', 'system.img'), 'system.img');
    for (const index of [0, 1]) {
      const seen: number[] = [];
      const ctx = newContext(init);
      ctx.advance = (f) => void seen.push(f);
      ctx.slice = { index, count: 2, minBytes: 0, budget: sliceBudget() };
      await extractFile(image, ctx);
      expectClimb(seen);
    }
  });

  it('is not asked for when nobody listens', async () => {
    const ctx = newContext(init);
    await extractFile(fileOf(join(sample, 'super.img'), 'super.img'), ctx);
    expect(ctx.advance).toBeUndefined();
    expect(ctx.span).toBeUndefined();
  });
});

describe('advance through a file the cache hashes first', () => {
  it('moves through the hash, then the extraction, never back, to 1; a hit ends with the hash', async () => {
    const dir = tempDir('ag-advance-cache-');
    const path = join(dir, 'lib.so');
    writeFileSync(path, Buffer.alloc(10 << 20, 0x20)); // three 4 MiB reads to hash
    const file = fileOf(path, 'lib.so');
    const cache = { dir: join(dir, 'cache'), salt: 'test' };
    const small = { ...init, limits: { ...DEFAULT_LIMITS, chunkBytes: 1 << 20 } };
    const share = file.size / (file.size + workOf(file)); // the hash's part: about half
    const run = async (): Promise<{ seen: number[]; hit: boolean }> => {
      const seen: number[] = [];
      const r = await extractFileCached(file, cache, () => newContext(small), partialOf, false, (f) => void seen.push(f));
      return { seen, hit: r.hit };
    };
    const cold = await run();
    expect(cold.hit).toBe(false);
    expectClimb(cold.seen);
    // The hash's three reads, then the extraction's ten chunks from the hash's share to 1.
    expect(cold.seen.slice(0, 3)).toEqual([0.4, 0.8, 1].map((f) => expect.closeTo(share * f, 12)));
    expect(cold.seen.slice(3, 13)).toEqual(Array.from({ length: 10 }, (_, i) => expect.closeTo(share + ((1 - share) * (i + 1)) / 10, 12)));
    // A hit: the hash, and nothing to extract (the pool counts the file done).
    const warm = await run();
    expect(warm.hit).toBe(true);
    expect(warm.seen).toEqual([0.4, 0.8, 1].map((f) => expect.closeTo(share * f, 12)));
    // A digest already known (remembered, digests.ts): nothing to hash; the extraction is all of it.
    const known = { ...file, sha256: 'a'.repeat(64) };
    const seen: number[] = [];
    await extractFileCached(known, cache, () => newContext(small), partialOf, false, (f) => void seen.push(f));
    expectClimb(seen);
    expect(seen[0]).toBeCloseTo(0.1, 12);
  });
});

describe('progress of extractFiles through a single image', () => {
  it('reports the part of the image done before its end, never going back, on one extractor', async () => {
    const image = fileOf(join(sample, 'super.img'), 'super.img');
    const seen: { files: number; bytes: number; work: number }[] = [];
    await extractFiles([image], init, 1, (d) => void seen.push(d));
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i].work).toBeGreaterThanOrEqual(seen[i - 1].work);
      expect(seen[i].bytes).toBeGreaterThanOrEqual(seen[i - 1].bytes);
    }
    const total = workOf(image);
    const during = seen.filter((d) => d.work > 0 && d.work < total);
    expect(during.length).toBeGreaterThan(3);
    // Not counted as a file until it is done.
    for (const d of during) expect(d.files).toBe(0);
    expect(seen.at(-1)).toEqual({ files: 1, bytes: image.size, work: total });
  });
});

const worker = new URL('../../dist/worker.js', import.meta.url);
const withWorkers = existsSync(worker) ? it : it.skip;
if (!existsSync(worker)) console.warn('SKIPPED: the progress test on a worker thread needs dist/worker.js (npm run package)');

describe('progress of extractFiles through an image two extractors share', () => {
  withWorkers('never goes back, counts the image once both slices are done, and ends at the totals', async () => {
    setWorkerScript(worker);
    const image = fileOf(join(sample, 'super.img'), 'super.img');
    const small = { ...init, limits: { ...DEFAULT_LIMITS, minSliceBytes: 0 } };
    const seen: { files: number; bytes: number; work: number }[] = [];
    const sliced: string[] = [];
    await extractFiles([image], small, 2, (d) => void seen.push(d), undefined, sliced);
    expect(sliced).toEqual(['super.img']);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i].work).toBeGreaterThanOrEqual(seen[i - 1].work);
      expect(seen[i].bytes).toBeGreaterThanOrEqual(seen[i - 1].bytes);
    }
    const total = workOf(image);
    // The main thread's slice reports as it goes: some of the image before its end.
    expect(seen.some((d) => d.work > 0 && d.work < total)).toBe(true);
    for (const d of seen) if (d.work < total - 1) expect(d.files).toBe(0);
    expect(seen.at(-1)!.files).toBe(1);
    expect(seen.at(-1)!.bytes).toBe(image.size);
    expect(seen.at(-1)!.work).toBeCloseTo(total, 0);
  }, 60_000);
});

describe('a progress display that throws', () => {
  const image = fileOf(join(sample, 'super.img'), 'super.img');
  const failing = (): { calls: number; progress: () => never } => {
    const out = {
      calls: 0,
      progress: (): never => {
        out.calls++;
        throw new Error('terminal gone');
      },
    };
    return out;
  };

  it('costs nothing but itself: the same facts, told once, on one extractor', async () => {
    takeWorkerProblems();
    const plain = mergePartials(await extractFiles([image], init, 1));
    const f = failing();
    const thrown = mergePartials(await extractFiles([image], init, 1, f.progress));
    expect(f.calls).toBe(1);
    expect(thrown).toEqual(plain);
    expect(thrown.unreadable).toEqual([]);
    expect(takeWorkerProblems()).toEqual(['progress could not be shown (terminal gone); the scan went on without it']);
  });

  withWorkers('and on two, a worker thread among them', async () => {
    setWorkerScript(worker);
    takeWorkerProblems();
    const files = [image, fileOf(join(sample, 'ext4', 'system.img'), 'system.img')];
    const plain = mergePartials(await extractFiles(files, init, 2));
    const f = failing();
    const thrown = mergePartials(await extractFiles(files, init, 2, f.progress));
    expect(f.calls).toBe(1);
    expect(thrown).toEqual(plain);
    expect(takeWorkerProblems()).toEqual(['progress could not be shown (terminal gone); the scan went on without it']);
  }, 60_000);
});

describe("a worker thread's position in its file", () => {
  /** The shared counter of a real worker thread after it extracted `file`, told to report positions or not. */
  async function counterAfter(file: FileArtifact, advance: boolean): Promise<Int32Array> {
    const counts = new Int32Array(new SharedArrayBuffer(8));
    const w = new Worker(worker, { workerData: { mark: WORKER_MARK } });
    try {
      await new Promise<void>((resolve, reject) => {
        w.on('error', reject);
        w.on('message', (msg: { type: string }) => {
          if (msg.type === 'ready') {
            w.postMessage({ type: 'init', init, finished: counts.buffer, ...(advance ? { advance: true } : {}) });
            w.postMessage({ type: 'files', jobs: [{ file }] });
          } else if (msg.type === 'done') resolve();
        });
      });
    } finally {
      await w.terminate();
    }
    return counts;
  }

  withWorkers('is written by the thread as it goes, only when asked', async () => {
    const image = fileOf(join(sample, 'super.img'), 'super.img');
    const told = await counterAfter(image, true);
    // One file finished; its last position (the end, kept just below 1) is file 0's.
    expect(Atomics.load(told, 0)).toBe(1);
    expect(unpackPosition(0, Atomics.load(told, 1))).toBeCloseTo(1, 5);
    const silent = await counterAfter(image, false);
    expect(Atomics.load(silent, 0)).toBe(1);
    expect(Atomics.load(silent, 1)).toBe(0);
  }, 60_000);

  it('packs the fraction done with the number of the file, so a stale position is not read as the next file', () => {
    expect(unpackPosition(3, packPosition(3, 0.25))).toBe(0.25);
    expect(unpackPosition(3, packPosition(3, 0))).toBe(0);
    // 1 is kept just below 1; never above.
    expect(unpackPosition(3, packPosition(3, 1))).toBeCloseTo(1, 5);
    expect(unpackPosition(3, packPosition(3, 1))).toBeLessThan(1);
    // Written while on file 3, read once the thread has finished it: not file 4's.
    expect(unpackPosition(4, packPosition(3, 0.9))).toBeUndefined();
    // The number wraps (11 bits), and the packed value stays a positive int32.
    expect(unpackPosition(2048 + 5, packPosition(5, 0.5))).toBe(0.5);
    expect(packPosition(2047, 0.999999)).toBeGreaterThan(0);
    expect(packPosition(2047, 0.999999)).toBeLessThan(2 ** 31);
  });

  it('counts the files finished whose results are on the way as whole, and the next by its position', () => {
    const counts = new Int32Array(new SharedArrayBuffer(8));
    const inflight = ['a', 'b', 'c', 'd'];
    const read = (received: number): [string, number][] => {
      const out: [string, number][] = [];
      threadProgress(counts, received, inflight.slice(0), (job, f) => void out.push([job, f]));
      return out;
    };
    // On its first file, a quarter done.
    Atomics.store(counts, 1, packPosition(0, 0.25));
    expect(read(0)).toEqual([['a', 0.25]]);
    // It finished 'a' and 'b' (their answer not here yet) and is half through 'c'.
    Atomics.store(counts, 0, 2);
    Atomics.store(counts, 1, packPosition(2, 0.5));
    expect(read(0)).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 0.5],
    ]);
    // It finished 'c' but has not begun 'd': the position is still c's, not read as d's.
    Atomics.store(counts, 0, 3);
    expect(read(0)).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 1],
    ]);
    // The answers for 'a' to 'c' arrived (inflight is then ['d']); 'd' a tenth done.
    Atomics.store(counts, 1, packPosition(3, 0.1));
    const out: [string, number][] = [];
    threadProgress(counts, 3, ['d'], (job, f) => void out.push([job, f]));
    expect(out).toEqual([['d', expect.closeTo(0.1, 5)]]);
  });
});
