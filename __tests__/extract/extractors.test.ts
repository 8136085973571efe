/**
 * The main thread is one of the extractors (pool.ts extractors()): with N workers it extracts
 * the smallest files itself beside N - 1 worker threads, which take the largest first; with a
 * heap cap on the workers (ACTIVATION_GATE_WORKER_HEAP_MB) every file is extracted under the
 * cap, on N threads. Worker threads need the bundled worker (dist/worker.js), as in
 * progress.test.ts.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { FileArtifact } from '../../src/inputs/walk.js';
import { DEFAULT_LIMITS } from '../../src/extract/limits.js';
import { extractFile } from '../../src/extract/artifact.js';
import { extractFiles, extractors, newContext, setWorkerScript, startWorkerPool, type PoolInit, type WorkerPool } from '../../src/extract/pool.js';
import type { PartialFacts } from '../../src/extract/partial.js';
import { tempDir } from '../helpers/temp.js';

describe('extractors', () => {
  it('makes the main thread one of N extractors, beside N - 1 threads', () => {
    expect(extractors(1, {})).toEqual({ threads: 0, onMain: true });
    expect(extractors(2, {})).toEqual({ threads: 1, onMain: true });
    expect(extractors(4, {})).toEqual({ threads: 3, onMain: true });
  });

  it('leaves the main thread out when the workers heap is capped: every file is extracted under the cap', () => {
    expect(extractors(2, { ACTIVATION_GATE_WORKER_HEAP_MB: '16' })).toEqual({ threads: 2, onMain: false });
    expect(extractors(4, { ACTIVATION_GATE_WORKER_HEAP_MB: '256' })).toEqual({ threads: 4, onMain: false });
    // Not a cap (workerLimits ignores it): the main thread extracts.
    expect(extractors(2, { ACTIVATION_GATE_WORKER_HEAP_MB: 'lots' })).toEqual({ threads: 1, onMain: true });
  });
});

/**
 * A pause that answers with a promise every `every`-th call, settled on the event loop's next
 * turn (as the main thread's is), and counts the calls during which the extraction went on
 * (`progress` moved) before it settled: none when the extraction waits for it.
 */
function watchedPause(progress: () => number, every: number): { pause: () => Promise<void> | undefined; asked: () => number; movedWhilePaused: () => number } {
  let asked = 0;
  let moved = 0;
  const pause = (): Promise<void> | undefined => {
    asked++;
    if (asked % every) return undefined;
    const at = progress();
    return new Promise<void>((r) => setImmediate(r)).then(() => {
      if (progress() !== at) moved++;
    });
  };
  return { pause, asked: () => asked, movedWhilePaused: () => moved };
}

/** One turn of the event loop: a pause the extraction did not wait for has settled after it. */
const nextTurn = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('the pause of the main thread', () => {
  it('is waited for after each file of an image, so that the threads are answered while the main thread extracts it', async () => {
    const image = join(import.meta.dirname, '..', 'fixtures', 'images', 'sample', 'ext4', 'system.img');
    const file = { abs: Buffer.from(image), relPath: 'system.img', size: statSync(image).size, partition: '', partitionPath: 'system.img' };
    const plain = newContext(init);
    await extractFile(file, plain);
    const ctx = newContext(init);
    const watch = watchedPause(() => ctx.stats.files, 2);
    ctx.pause = watch.pause;
    await extractFile(file, ctx);
    await nextTurn();
    // Once after each file of the image (the scan counts the image and its four files); no file
    // extracted while a pause was pending; the facts unchanged.
    expect(plain.stats.files).toBe(5);
    expect(watch.asked()).toBe(4);
    expect(watch.movedWhilePaused()).toBe(0);
    expect(ctx.endpoints.finish()).toEqual(plain.endpoints.finish());
    expect(ctx.packages).toEqual(plain.packages);
  });

  it('is waited for after each chunk of a large raw file', async () => {
    const dir = tempDir('ag-pause-');
    const path = join(dir, 'lib.so');
    const body = Buffer.alloc(10 * 65536, 0x20);
    for (let i = 0; i < 10; i++) body.write(` https://h${i}.example.com/ `, i * 65536 + 100);
    writeFileSync(path, body);
    const file = { abs: Buffer.from(path), relPath: 'lib.so', size: body.length, partition: '', partitionPath: 'lib.so' };
    const small = { ...init, limits: { ...DEFAULT_LIMITS, chunkBytes: 65536 } };
    const plain = newContext(small);
    await extractFile(file, plain);
    const ctx = newContext(small);
    // Each chunk names one host: the hits added tell how far the scan went.
    let hits = 0;
    const add = ctx.endpoints.add.bind(ctx.endpoints);
    ctx.endpoints.add = (h) => {
      hits++;
      add(h);
    };
    const watch = watchedPause(() => hits, 1);
    ctx.pause = watch.pause;
    await extractFile(file, ctx);
    await nextTurn();
    expect(watch.asked()).toBe(10); // ten chunks of 64 KiB
    expect(watch.movedWhilePaused()).toBe(0);
    expect(hits).toBe(10);
    const got = ctx.endpoints.finish();
    expect(got).toEqual(plain.endpoints.finish());
    expect(got.map((e) => e.value)).toEqual(Array.from({ length: 10 }, (_, i) => `h${i}.example.com`));
  });
});

const worker = new URL('../../dist/worker.js', import.meta.url);
const withWorkers = existsSync(worker) ? describe : describe.skip;
if (!existsSync(worker)) console.warn('SKIPPED: the extractor tests on worker threads need dist/worker.js (npm run package)');

/** One 8 MiB blob and twelve small ones, each naming hosts of its own. */
function build(): FileArtifact[] {
  const dir = tempDir('ag-extractors-');
  const files: FileArtifact[] = [];
  const add = (name: string, body: Buffer): void => {
    const abs = join(dir, name);
    writeFileSync(abs, body);
    files.push({ abs: Buffer.from(abs), relPath: name, size: body.length, partition: 'system', partitionPath: name });
  };
  const big = Buffer.alloc(8 << 20, 0x20);
  big.write(' https://big-one.example.com/a ', 1000);
  big.write(' https://big-two.example.com/b ', 5 << 20);
  add('big.bin', big);
  for (let i = 0; i < 12; i++) add(`small${String(i).padStart(2, '0')}.bin`, Buffer.from(`${' '.repeat(100 * i)} https://small${i}.example.org/x `));
  return files;
}

const init: PoolInit = { hosts: [], sms: [], mentionPackages: [], limits: DEFAULT_LIMITS };
const hosts = (parts: PartialFacts[]): string[] => [...new Set(parts.flatMap((p) => p.endpoints.map((e) => e.value)))].sort();

/** A pool of `n` workers, each loaded (so the threads are there when extraction starts). */
async function readyPool(workers: number): Promise<WorkerPool> {
  const pool = startWorkerPool(workers)!;
  const n = pool.size;
  for (const p of pool.take(n)) {
    await p.ready;
    pool.give(p);
  }
  return pool;
}

withWorkers('extraction with the main thread as an extractor', () => {
  let pool: WorkerPool | undefined;
  const heap = process.env.ACTIVATION_GATE_WORKER_HEAP_MB;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
    if (heap === undefined) delete process.env.ACTIVATION_GATE_WORKER_HEAP_MB;
    else process.env.ACTIVATION_GATE_WORKER_HEAP_MB = heap;
  });

  it('starts N - 1 threads; the main thread takes small files from the back, the thread the largest: the same facts as in-process', async () => {
    delete process.env.ACTIVATION_GATE_WORKER_HEAP_MB;
    setWorkerScript(worker);
    const files = build();
    const alone = await extractFiles(files, init, 1);
    pool = await readyPool(2);
    expect(pool.size).toBe(1);
    const parts = await extractFiles(files, init, 2, undefined, undefined, undefined, pool);
    // The main thread's facts come first, then the thread's.
    expect(parts).toHaveLength(2);
    const [main, thread] = parts;
    expect(main.stats.files).toBeGreaterThan(0);
    expect(thread.stats.files).toBeGreaterThan(0);
    expect(main.stats.files + thread.stats.files).toBe(files.length);
    expect(thread.endpoints.map((e) => e.value)).toEqual(expect.arrayContaining(['big-one.example.com', 'big-two.example.com']));
    expect(main.stats.bytes).toBeLessThan(8 << 20);
    expect(hosts(parts)).toEqual(hosts(alone));
    expect(hosts(parts)).toHaveLength(14);
  }, 60_000);

  it('leaves every file to N threads when their heap is capped', async () => {
    process.env.ACTIVATION_GATE_WORKER_HEAP_MB = '256';
    setWorkerScript(worker);
    const files = build();
    pool = await readyPool(2);
    expect(pool.size).toBe(2);
    const parts = await extractFiles(files, init, 2, undefined, undefined, undefined, pool);
    // One PartialFacts per thread; the main thread as an extractor would have added a third.
    expect(parts).toHaveLength(2);
    expect(parts[0].stats.files + parts[1].stats.files).toBe(files.length);
    expect(pool.size).toBe(2);
    expect(hosts(parts)).toHaveLength(14);
  }, 60_000);
});
