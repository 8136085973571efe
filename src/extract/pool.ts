/**
 * Extraction on every core: files are handed, largest first, to worker threads as each becomes
 * free, while the main thread extracts the smallest ones itself (extractors); every extractor
 * returns its PartialFacts and the merge is deterministic (partial.ts). The worker threads run
 * the extraction bundle (dist/worker.js), which the entry point registers with
 * setWorkerScript(); without one (tests running the TypeScript sources) extraction runs
 * in-process.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { isMainThread, parentPort, Worker, workerData, type ResourceLimits } from 'node:worker_threads';
import { appendAll } from '../arrays.js';
import type { FileArtifact } from '../inputs/walk.js';
import { extractFile, isSharedContainer, sliceBudget, sliceBudgetRefused, type ArtifactContext, type ImageSlice } from './artifact.js';
import { FileSource } from '../io/source.js';
import { NEW_DAT_NAME } from '../formats/blockota.js';
import { entryPath, extractFileCached, parseCachedFacts, sha256OfFile, type CacheConfig } from './cache.js';
import { digestKey } from './digests.js';
import { EndpointCollector, knownEndpoint, type EndpointKey } from './collector.js';
import { EndpointScanner, type KnownEndpoints } from './endpoints.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { floodFacts, keepBelow, mergePartials, placementsOf, type PartialFacts } from './partial.js';
import { workOf } from './work.js';

export const WORKER_MARK = 'activation-gate-extract-worker';

/**
 * Each extraction worker's V8 heap: an 8 MB young generation (four workers on the 2.35 GB
 * benchmark build: 660 -> 598 MB peak when it came, no measured cost in time), and with
 * ACTIVATION_GATE_WORKER_HEAP_MB a cap on the rest. A worker past its cap is stopped by
 * Node (ERR_WORKER_OUT_OF_MEMORY): the file it held is reported unreadable and the rest of the
 * build is still scanned.
 */
export function workerLimits(env: NodeJS.ProcessEnv = process.env): ResourceLimits {
  const raw = env.ACTIVATION_GATE_WORKER_HEAP_MB?.trim();
  const heap = raw && /^\d+$/.test(raw) && Number(raw) > 0 ? Number(raw) : undefined;
  return { maxYoungGenerationSizeMb: 8, ...(heap ? { maxOldGenerationSizeMb: heap } : {}) };
}

export interface PoolInit {
  hosts: string[];
  sms: string[];
  /** Listed IPv4 addresses (endpoints.ts KnownEndpoints.ips). */
  ips?: string[];
  mentionPackages: string[];
  /** ArtifactContext.variantToggles. */
  variantToggles?: Record<string, string[]>;
  limits: Limits;
  /** `--cache-dir`: every file goes through the facts cache (cache.ts). */
  cache?: CacheConfig;
}

let workerScript: URL | undefined;

/** Called by a bundle entry point: worker threads will load this script. */
export function setWorkerScript(url: URL): void {
  workerScript = url;
}

/** The bundle worker threads load, when there is one (its hash is part of the cache key). */
export function getWorkerScript(): URL | undefined {
  return workerScript;
}

/** True when this thread is an extraction worker (the entry point must then call runWorker). */
export function isExtractionWorker(): boolean {
  return !isMainThread && (workerData as { mark?: string } | undefined)?.mark === WORKER_MARK;
}

/** Worker count: ACTIVATION_GATE_WORKERS, else one per core; 1 when no worker script is set. */
export function workerCount(env: NodeJS.ProcessEnv = process.env): number {
  if (!workerScript) return 1;
  const n = Number(env.ACTIVATION_GATE_WORKERS);
  if (Number.isInteger(n) && n >= 1) return Math.min(n, 64);
  return Math.max(1, availableParallelism());
}

/**
 * How `workers` extractors are made: the main thread is one of them and worker threads are the
 * rest, unless ACTIVATION_GATE_WORKER_HEAP_MB caps the workers' heap (a cap the main thread
 * cannot have: then every file is extracted under it, on `workers` threads). The main thread
 * would otherwise wait for the threads, while each thread costs its own start, its own
 * optimising compiler's work, its own heap and a copy of its facts: two cores, the benchmark
 * build, 4.30 -> 4.02 s and 226 -> 184 MB (10 alternating pairs, faster in 7).
 */
export function extractors(workers: number, env: NodeJS.ProcessEnv = process.env): { threads: number; onMain: boolean } {
  if (workers <= 1) return { threads: 0, onMain: true };
  const onMain = workerLimits(env).maxOldGenerationSizeMb === undefined;
  return { threads: onMain ? workers - 1 : workers, onMain };
}

/** The catalogued and policy endpoints a worker was started with, as sets. */
function knownOf(init: PoolInit): KnownEndpoints {
  return { hosts: new Set(init.hosts), sms: new Set(init.sms), ips: new Set(init.ips ?? []) };
}

export function newContext(init: PoolInit): ArtifactContext {
  const known = knownOf(init);
  return {
    scanner: new EndpointScanner(known),
    endpoints: new EndpointCollector(knownEndpoint(known), { perArtifact: init.limits.maxArtifactEndpoints, perInput: init.limits.maxInputEndpoints }),
    limits: { ...DEFAULT_LIMITS, ...init.limits },
    packages: [],
    props: [],
    skuFiles: [],
    unreadable: [],
    mentions: [],
    preoptedCode: [],
    mentionPackages: new Set(init.mentionPackages),
    variantToggles: new Map(Object.entries(init.variantToggles ?? {})),
    stats: { files: 0, bytes: 0, entries: 0, inflatedBytes: 0 },
    skipped: [],
    propFiles: new Map(),
    placed: new Map(),
  };
}

/** A context of its own for one file or slice that `parent`'s thread extracts: it pauses as the parent does. */
function childContext(init: PoolInit, parent: ArtifactContext): ArtifactContext {
  const ctx = newContext(init);
  if (parent.pause) ctx.pause = parent.pause;
  if (parent.advance) ctx.advance = parent.advance;
  return ctx;
}

export function partialOf(ctx: ArtifactContext): PartialFacts {
  // finish() first: it may prune, which floods() reports.
  const endpoints = ctx.endpoints.finish();
  const floods = ctx.endpoints.floods();
  const unreadable = floods.artifacts.length || floods.pruned ? [...ctx.unreadable, ...floodFacts(floods, ctx.limits)] : ctx.unreadable;
  return {
    packages: ctx.packages,
    endpoints,
    props: ctx.props,
    skuFiles: ctx.skuFiles,
    unreadable,
    skipped: ctx.skipped ?? [],
    mentions: ctx.mentions,
    ...(ctx.preoptedCode.length ? { preoptedCode: ctx.preoptedCode } : {}),
    propFiles: [...(ctx.propFiles ?? new Map<string, string>()).entries()],
    partitionPaths: ctx.placed ? placementsOf(ctx.placed, { endpoints, mentions: ctx.mentions, unreadable }) : [],
    stats: ctx.stats,
  };
}

/** One file to extract, or one slice of an image that several workers share. */
interface Job {
  file: FileArtifact;
  slice?: ImageSlice;
}

/**
 * `init` brings a shared counter the worker adds one to as it finishes each file (and, with
 * `advance`, its position in the file it is on: packPosition); `files` are
 * extracted in order and answered by `done` messages carrying the results of several files (a
 * message per file cost the main thread more than small files cost the worker). A worker that
 * dies died on the file after the last one its counter says it finished.
 */
type ToWorker = { type: 'init'; init: PoolInit; finished: SharedArrayBuffer; advance?: boolean } | { type: 'files'; jobs: Job[] } | { type: 'finish'; below?: EndpointKey };
/**
 * `partial`: the facts of one slice of an image, returned with the slice. `payload`: a cache hit's
 * facts as its entry holds them (cache.ts parseCachedFacts), parsed by the main thread.
 */
type Extracted = { hit?: boolean; problem?: string; sha256?: string; key?: string; partial?: PartialFacts; payload?: Uint8Array };
type FromWorker = { type: 'ready' } | { type: 'done'; results: Extracted[] } | { type: 'partial'; partial: PartialFacts } | { type: 'sha256'; hex: string };

/** What the cache did during one extractFiles call: hits, and entries it could not use or write. */
export interface CacheTally {
  hits: number;
  misses: number;
  problems: string[];
  /**
   * SHA-256 of each file the cache hashed, by its path's bytes (digestKey: two paths that display
   * alike are two keys); a single-file input needs no second hash.
   */
  sha256: Map<string, string>;
  /** The cache keys of the files (their entries used or written: `--cache-prune` keeps them). */
  keys: Set<string>;
}

/**
 * Extracts one file into `ctx`, or, with a cache, through the cache into its own PartialFacts
 * (pushed to `parts`). The merge is order-independent, so both give the same facts. In an
 * extraction worker a cache hit is returned as its entry's payload instead (`payload`, checked
 * against its SHA-256, not parsed): the main thread parses it while this worker hashes on.
 */
async function extractOne(f: FileArtifact, init: PoolInit, ctx: ArtifactContext, parts: PartialFacts[], slice?: ImageSlice, inWorker = false): Promise<Extracted> {
  if (slice) {
    // Its own context: the slices of one image are joined (or dropped) together.
    const own = childContext(init, ctx);
    own.slice = slice;
    await extractFile(f, own);
    return { partial: partialOf(own) };
  }
  // A block-based OTA's new.dat: its facts depend on the transfer list beside it too, which its
  // SHA-256 (the cache key) does not cover: never cached.
  if (!init.cache || NEW_DAT_NAME.test(basename(f.relPath))) {
    await extractFile(f, ctx);
    return {};
  }
  const r = await extractFileCached(f, init.cache, () => childContext(init, ctx), partialOf, inWorker, ctx.advance);
  if (r.facts) parts.push(r.facts);
  // A payload travels in a buffer of its own, moved to the main thread (not copied again).
  const payload = r.payload ? new Uint8Array(r.payload) : undefined;
  return { hit: r.hit, ...(r.problem ? { problem: r.problem } : {}), ...(r.sha256 ? { sha256: r.sha256 } : {}), ...(r.key ? { key: r.key } : {}), ...(payload ? { payload } : {}) };
}

function tally(t: CacheTally | undefined, r: Extracted, file: { abs: Buffer }): void {
  if (!t || r.hit === undefined) return;
  if (r.sha256) t.sha256.set(digestKey(file.abs), r.sha256);
  if (r.key) t.keys.add(r.key);
  if (r.hit) t.hits++;
  else t.misses++;
  if (r.problem) t.problems.push(r.problem);
}

/** A `done` message, the cache hits' payloads moved with it. */
function postDone(port: NonNullable<typeof parentPort>, results: Extracted[]): void {
  const moved = results.flatMap((r) => (r.payload ? [r.payload.buffer as ArrayBuffer] : []));
  port.postMessage({ type: 'done', results } satisfies FromWorker, moved);
}

/**
 * The worker side: `init` starts an input (a fresh context); each file it is sent is extracted
 * into it; `finish` returns the facts and clears them. The worker then waits for the next input
 * of the scan (WorkerPool keeps it) until it is terminated.
 */
export async function runWorker(): Promise<void> {
  const data = workerData as { hash?: string };
  if (data.hash !== undefined) {
    // Started by hashOnThread: one file's SHA-256, then done.
    parentPort!.postMessage({ type: 'sha256', hex: await sha256OfFile(data.hash) } satisfies FromWorker);
    return;
  }
  let init: PoolInit | undefined;
  let ctx: ArtifactContext | undefined;
  let cached: PartialFacts[] = [];
  let finished = new Int32Array(new SharedArrayBuffer(COUNTER_BYTES));
  const port = parentPort!;
  let chain = Promise.resolve();
  port.on('message', (msg: ToWorker) => {
    chain = chain.then(async () => {
      if (msg.type === 'init') {
        init = msg.init;
        const counts = (finished = new Int32Array(msg.finished));
        ctx = newContext(init);
        if (msg.advance) ctx.advance = (fraction) => Atomics.store(counts, 1, packPosition(Atomics.load(counts, 0), fraction));
        cached = [];
      } else if (!init || !ctx) {
        throw new Error(`extraction worker: ${msg.type} before init`);
      } else if (msg.type === 'files') {
        let results: Extracted[] = [];
        for (const job of msg.jobs) {
          const f = job.file;
          // Each file starts at 0, so that no older position is ever read as its own (the file
          // number in a position has 11 bits, and a cache hit reports no progress of its own).
          if (ctx.advance) Atomics.store(finished, 1, packPosition(Atomics.load(finished, 0), 0));
          results.push(await extractOne({ ...f, abs: Buffer.from(f.abs.buffer, f.abs.byteOffset, f.abs.byteLength) }, init, ctx, cached, job.slice, true));
          Atomics.add(finished, 0, 1);
          // Answered a few at a time (and at the end of the message), so that the main thread
          // can send more before this worker runs out.
          if (results.length >= DONE_EVERY) {
            postDone(port, results);
            results = [];
          }
        }
        if (results.length) postDone(port, results);
      } else {
        const merged = mergePartials([partialOf(ctx), ...cached]);
        // Past the input's cap: what the main thread's own endpoints already rule out stays here.
        const partial = msg.below ? keepBelow(merged, msg.below, knownEndpoint(knownOf(init)), ctx.limits.maxInputEndpoints) : merged;
        port.postMessage({ type: 'partial', partial } satisfies FromWorker);
        // The next input starts with init (a new context then, not now: a new scanner while
        // this worker's facts are still being sent would only add to the peak).
        ctx = undefined;
        cached = [];
      }
    });
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}

/**
 * The scan's workers, started now when there will be any (`workers` > 1 and a bundle to run):
 * they load while the policy is read and the inputs walked. The caller closes it.
 */
export function startWorkerPool(workers: number): WorkerPool | undefined {
  if (!workerScript || workers <= 1) return undefined;
  const pool = new WorkerPool(workerScript);
  pool.warm(extractors(workers).threads);
  return pool;
}

interface PooledWorker {
  worker: Worker;
  /** Settles when the worker has loaded the bundle (rejects if it dies first). */
  ready: Promise<void>;
  dead: boolean;
}

/**
 * Extraction workers kept for a whole scan: started early (they load the bundle while the
 * policy is read and the input walked), lent to each extractFiles call (an input, a shard's
 * borrowed files) and given back, so the second input of a scan pays neither the start nor the
 * warm-up of its workers again. A worker that died is never lent again; an idle worker does not
 * keep the process alive. close() ends them.
 */
export class WorkerPool {
  private readonly idle: PooledWorker[] = [];
  private retiring = false;

  constructor(private readonly script: URL) {}

  /** Live workers idle in the pool. */
  get size(): number {
    return this.idle.filter((p) => !p.dead).length;
  }

  /** Starts workers until `n` are idle; returns at once. */
  warm(n: number): void {
    while (this.size < n) this.idle.push(this.spawn());
  }

  /** `n` live workers, idle ones first. */
  take(n: number): PooledWorker[] {
    const out: PooledWorker[] = [];
    while (out.length < n) {
      const p = this.idle.shift() ?? this.spawn();
      if (p.dead) continue;
      p.worker.ref();
      out.push(p);
    }
    return out;
  }

  /** A worker back, unless it died; once retiring, it is ended instead. */
  give(p: PooledWorker): void {
    if (p.dead) return;
    if (this.retiring) {
      void p.worker.terminate();
      return;
    }
    p.worker.unref();
    this.idle.push(p);
  }

  /**
   * The next extraction is the scan's last: each worker is ended as soon as it hands its facts
   * back, as a pool-less extraction would (an idle worker's heap and buffers would otherwise
   * add to the memory of the merge, the evaluation and the report).
   */
  retire(): void {
    this.retiring = true;
  }

  async close(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((p) => p.worker.terminate()));
  }

  private spawn(): PooledWorker {
    const worker = new Worker(this.script, { workerData: { mark: WORKER_MARK }, resourceLimits: workerLimits() });
    const p: PooledWorker = { worker, ready: Promise.resolve(), dead: false };
    p.ready = new Promise<void>((resolve, reject) => {
      const onMessage = (msg: FromWorker): void => {
        if (msg.type !== 'ready') return;
        worker.off('message', onMessage);
        resolve();
      };
      worker.on('message', onMessage);
      // Kept for the worker's life: an error event without a listener would throw here.
      worker.on('error', (e) => {
        p.dead = true;
        reject(e);
      });
      worker.on('exit', (code) => {
        p.dead = true;
        reject(new Error(`exited with code ${code}`));
      });
    });
    p.ready.catch(() => undefined); // seen by whoever waits for it
    worker.unref();
    return p;
  }
}

/**
 * SHA-256 of a file on a thread of its own (the worker script, started for this one job) when
 * the machine has more than one core, else on this thread: a single-file input is hashed for the
 * audit while it is extracted. With one extraction worker on a bigger machine the hash takes a
 * core that would otherwise stand idle (an ext4 image of 613 MB, one worker, 2 cores: 2.37 ->
 * 2.04 s); with more it shares the cores with them.
 */
export function hashOnThread(path: string): Promise<string> {
  const script = workerScript;
  if (!script || availableParallelism() <= 1) return sha256OfFile(path);
  return new Promise((resolve, reject) => {
    const w = new Worker(script, { workerData: { mark: WORKER_MARK, hash: path } });
    w.once('message', (msg: FromWorker) => {
      if (msg.type === 'sha256') resolve(msg.hex);
      void w.terminate();
    });
    w.once('error', reject);
    w.once('exit', (code) => reject(new Error(`hashing ${path}: the thread exited with code ${code}`)));
  });
}

/**
 * The files of the walk of at least `minBytes` that every worker opens, each extracting a slice
 * of what they hold (isSharedContainer: images, target-files and OTA zips). Unreadable ones are
 * left whole (their extraction reports why).
 */
async function filesToShare(files: FileArtifact[], minBytes: number): Promise<Set<string>> {
  const out = new Set<string>();
  for (const f of files) {
    if (f.size < minBytes) continue;
    let src: FileSource | undefined;
    try {
      src = await FileSource.open(f.abs);
      if (await isSharedContainer(src, f.relPath)) out.add(f.relPath);
    } catch {
      // extracted whole, which reports it
    } finally {
      await src?.close();
    }
  }
  return out;
}

/** The main thread, extracting beside the threads, goes back to its event loop after this many ms. */
const YIELD_MS = 2;
/** Progress reads the threads' positions this often (ms) while it hears nothing else. */
const PROGRESS_TICK_MS = 250;
/**
 * A worker's shared counter: [files finished, position]. The position is the fraction of its
 * current file done, in POSITION_BITS bits, below the low bits of that file's number (its count
 * of files finished when it began), so that a position left from the file before is not read as
 * the next one's.
 */
const COUNTER_BYTES = 2 * Int32Array.BYTES_PER_ELEMENT;
const POSITION_BITS = 20;
const POSITION_SCALE = 1 << POSITION_BITS;
const FILE_BITS = 0x7ff; // 20 + 11 bits: a positive int32

/** A worker's position: `fraction` done of the file it began after finishing `finished` files. */
export function packPosition(finished: number, fraction: number): number {
  return ((finished & FILE_BITS) << POSITION_BITS) | Math.max(0, Math.min(POSITION_SCALE - 1, Math.floor(fraction * POSITION_SCALE)));
}

/** The fraction done of the file after `finished` finished ones, or undefined if `packed` is another file's. */
export function unpackPosition(finished: number, packed: number): number | undefined {
  return packed >>> POSITION_BITS === (finished & FILE_BITS) ? (packed & (POSITION_SCALE - 1)) / POSITION_SCALE : undefined;
}

/**
 * What a thread has done of the files in flight to it (`inflight`, in the order sent, of which
 * `received` have been answered), from its shared counter (`counts`: files finished, position):
 * `add` is told of each file it finished whose results are still on the way (whole) and of the
 * one it is on (the fraction done).
 */
export function threadProgress<J>(counts: Int32Array, received: number, inflight: readonly J[], add: (job: J, fraction: number) => void): void {
  // The position first: read after the count, it could be the next file's while the count is
  // still this one's, and this file would count for nothing.
  const position = Atomics.load(counts, 1);
  const finished = Atomics.load(counts, 0);
  const ahead = finished - received;
  for (let i = 0; i < ahead && i < inflight.length; i++) add(inflight[i], 1);
  const fraction = unpackPosition(finished, position);
  if (fraction !== undefined && ahead >= 0 && ahead < inflight.length) add(inflight[ahead], fraction);
}

/** A worker answers after this many files at most (and at the end of each message). */
const DONE_EVERY = 8;
/** A worker is sent more files ahead while those in flight add up to less than this... */
const AHEAD_BYTES = 1 << 20;
/** ...and are fewer than this. */
const AHEAD_FILES = 32;

const workerProblems: string[] = [];

/** What went wrong with workers since the last call (each message once), for the caller to log. */
export function takeWorkerProblems(): string[] {
  return [...new Set(workerProblems.splice(0))];
}

const poolNotes: string[] = [];

/** What the pool did that a user may wonder about (an image extracted twice), for the caller to log. */
export function takePoolNotes(): string[] {
  return poolNotes.splice(0);
}

export interface PoolProgress {
  (done: { files: number; bytes: number; work: number }): void;
}

/**
 * Extracts `files` with `workers` extractors (extractors(): the main thread and worker threads;
 * in-process when 1). Returns one PartialFacts per extractor, and one per image slice, cache hit
 * or file redone. A worker that dies is reported: the file it held becomes unreadable and the
 * rest of the build is still scanned by the others.
 */
export async function extractFiles(
  files: FileArtifact[],
  init: PoolInit,
  workers: number,
  progress?: PoolProgress,
  cacheTally?: CacheTally,
  /** Filled with the files (images, target-files / OTA zips) that every worker extracted a slice of. */
  sliced?: string[],
  /** Workers kept for the whole scan; without it, workers are started for this call and ended. */
  pool?: WorkerPool,
): Promise<PartialFacts[]> {
  let doneFiles = 0;
  let doneBytes = 0;
  let doneWork = 0;
  // Progress is for the eye: if drawing it throws, the scan goes on without it (said once), and
  // never counts a file unreadable for it.
  const draw = progress;
  progress = draw
    ? (p) => {
        try {
          draw(p);
        } catch (e) {
          progress = undefined;
          workerProblems.push(`progress could not be shown (${(e as Error).message}); the scan went on without it`);
        }
      }
    : undefined;
  // Large images and target-files / OTA zips are shared by every worker (each extracts a slice
  // of them): a single one given as the input uses every core too.
  const minBytes = init.limits.minSliceBytes;
  const shared = workers <= 1 || !workerScript || init.cache ? new Set<string>() : await filesToShare(files, minBytes);
  sliced?.push(...shared);
  if (workers <= 1 || !workerScript || (files.length < 2 && shared.size === 0)) {
    const ctx = newContext(init);
    const parts: PartialFacts[] = [];
    for (const f of files) {
      // Through a large file too (an image): its part done so far.
      const work = workOf(f);
      if (progress) ctx.advance = (fraction) => progress?.({ files: doneFiles, bytes: Math.round(doneBytes + fraction * f.size), work: doneWork + fraction * work });
      tally(cacheTally, await extractOne(f, init, ctx, parts), f);
      doneFiles++;
      doneBytes += f.size;
      doneWork += work;
      progress?.({ files: doneFiles, bytes: doneBytes, work: doneWork });
    }
    return [partialOf(ctx), ...parts];
  }
  const queue: Job[] = [];
  // The shared images, with the inflation budget their slices spend together.
  const sharedFiles = new Map<string, { file: FileArtifact; budget: SharedArrayBuffer }>();
  for (const file of [...files].sort((a, b) => b.size - a.size || (a.relPath < b.relPath ? -1 : 1))) {
    if (!shared.has(file.relPath)) {
      queue.push({ file });
      continue;
    }
    const budget = sliceBudget();
    sharedFiles.set(file.relPath, { file, budget });
    for (let index = 0; index < workers; index++) queue.push({ file, slice: { index, count: workers, minBytes, budget } });
  }
  // Taken from the front by index: Array.prototype.shift moves every element of a large array,
  // and 50,000 shifts of a folder of small files took 1.2 s of the main thread.
  let head = 0;
  // The main thread, when it is one of the `workers` (extractors), takes files from the back of
  // the queue, the smallest first, so that it is soon back to answer the threads; they take
  // theirs from the front. It goes back to its event loop every YIELD_MS.
  let end = queue.length;
  const { threads, onMain } = extractors(workers);
  const n = Math.min(threads, queue.length);
  const lender = pool ?? new WorkerPool(workerScript!);
  const lost: PartialFacts = { ...partialOf(newContext(init)) };
  // Files finished by a worker that then died: their facts died with it, so they are redone.
  const redo: Job[] = [];
  // The slices of each shared image; an image a worker died on is dropped whole.
  const slices = new Map<string, PartialFacts[]>();
  const broken = new Set<string>();
  // Cache hits a worker returned as payloads, parsed here while the workers hash on. One whose
  // facts do not parse or validate is extracted again in-process at the end, which says why.
  const hits: { relPath: string; facts: PartialFacts }[] = [];
  const recheck: Job[] = [];
  // Files a dead worker had finished, counted then, and redone: not counted again.
  const counted = new Set<Job>();
  // Files it had finished whose results died with it: redone, a cache entry it wrote for them
  // is no hit of an earlier scan (a cold cache says "0 of 12 files", not 2); one an earlier
  // scan wrote still is (told by the entry's time against this extraction's start).
  const unreceived = new Set<Job>();
  const started = Date.now();
  const writtenNow = (key: string | undefined): boolean => {
    if (!key || !init.cache) return false;
    try {
      return statSync(entryPath(init.cache.dir, key)).mtimeMs >= started - 50;
    } catch {
      return false;
    }
  };
  // Slices of each shared image done: the image counts as a file once all of them are.
  const slicesDone = new Map<string, number>();
  const settle = (job: Job, r: Extracted): void => {
    if (r.payload) {
      const parsed = parseCachedFacts(r.payload);
      if (!('facts' in parsed)) {
        recheck.push(job);
        return;
      }
      hits.push({ relPath: job.file.relPath, facts: parsed.facts });
    }
    if (!counted.delete(job)) {
      tally(cacheTally, unreceived.delete(job) && r.hit && writtenNow(r.key) ? { ...r, hit: false } : r, job.file);
      if (!job.slice) doneFiles++;
      else {
        const n = (slicesDone.get(job.file.relPath) ?? 0) + 1;
        slicesDone.set(job.file.relPath, n);
        if (n === job.slice.count) doneFiles++;
      }
      doneBytes += job.slice ? job.file.size / job.slice.count : job.file.size;
      doneWork += job.slice ? workOf(job.file) / job.slice.count : workOf(job.file);
    }
    if (r.partial) {
      const list = slices.get(job.file.relPath) ?? [];
      list.push(r.partial);
      slices.set(job.file.relPath, list);
    }
  };
  // Progress through the files underway too (ArtifactContext.advance), so that a large image
  // moves the counts before its end: the main thread's own file, and each thread's (its shared
  // counter says how many it finished, whose results may still be on the way, and how far it is
  // in the next).
  let mainJob: Job | undefined;
  let mainFraction = 0;
  const underway: ((add: (job: Job, fraction: number) => void) => void)[] = [];
  const report = (): void => {
    if (!progress) return;
    let bytes = doneBytes;
    let work = doneWork;
    const add = (job: Job, fraction: number): void => {
      const share = job.slice ? fraction / job.slice.count : fraction;
      bytes += share * job.file.size;
      work += share * workOf(job.file);
    };
    if (mainJob) add(mainJob, mainFraction);
    for (const u of underway) u(add);
    progress({ files: doneFiles, bytes: Math.round(bytes), work });
  };
  const mainCtx = newContext(init);
  if (progress) mainCtx.advance = (fraction) => ((mainFraction = fraction), report());
  const mainParts: PartialFacts[] = [];
  // Back to the event loop every YIELD_MS (between files, and between the files of an image),
  // so that the threads are answered and sent more.
  let yielded = performance.now();
  mainCtx.pause = () => {
    if (performance.now() - yielded < YIELD_MS) return undefined;
    return new Promise<void>((r) => setImmediate(r)).then(() => void (yielded = performance.now()));
  };
  const extractOnMain = async (): Promise<PartialFacts | undefined> => {
    if (!onMain) return undefined;
    while (head < end) {
      const job = queue[--end];
      mainJob = job;
      mainFraction = 0;
      const r = await extractOne(job.file, init, mainCtx, mainParts, job.slice);
      mainJob = undefined;
      settle(job, r);
      report();
      const paused = mainCtx.pause?.();
      if (paused) await paused;
    }
    return partialOf(mainCtx);
  };
  // A thread's file moves the counts when its results arrive; between them (a slice of a large
  // image takes seconds) the threads' counters are read now and then.
  const ticker = progress ? setInterval(report, PROGRESS_TICK_MS) : undefined;
  ticker?.unref();
  const results = await Promise.all([
    extractOnMain(),
    ...lender.take(n).map(
      (pooled) =>
        new Promise<PartialFacts | undefined>((resolve) => {
          const w = pooled.worker;
          // Files in flight per worker, so a worker never waits for the next message: two, and
          // more while they are small (a folder of thousands of small files: each takes tens of
          // microseconds, less than a message's round trip), up to AHEAD_BYTES or AHEAD_FILES.
          const inflight: Job[] = [];
          let inflightBytes = 0;
          const finished: Job[] = [];
          let settled = false;
          let finishing = false;
          // A slice is not taken ahead: it waits for a worker with nothing in flight, so the
          // slices of one image run side by side, not one after the other on one worker.
          const next = (ahead: boolean): void => {
            if (ahead && queue[head]?.slice) return;
            const job = head < end ? queue[head++] : undefined;
            if (job) {
              // Small files go in one message: a message per file cost more than their extraction.
              const jobs = [job];
              inflight.push(job);
              inflightBytes += job.file.size;
              while (inflight.length < AHEAD_FILES && inflightBytes < AHEAD_BYTES && head < end && !queue[head].slice) {
                const more = queue[head++];
                jobs.push(more);
                inflight.push(more);
                inflightBytes += more.file.size;
              }
              w.postMessage({ type: 'files', jobs } satisfies ToWorker);
            } else if (!finishing) {
              finishing = true;
              // When the main thread alone holds the input's cap of endpoints (a flood), the
              // worker keeps back those past it (EndpointCollector.bound): the merge would drop
              // them. The cost of a sort, in a flood only.
              const below = onMain ? mainCtx.endpoints.bound() : undefined;
              w.postMessage({ type: 'finish', ...(below ? { below } : {}) } satisfies ToWorker);
            }
          };
          // Files this worker has finished (it counts them), and results received.
          const counter = new SharedArrayBuffer(COUNTER_BYTES);
          const counts = new Int32Array(counter);
          let received = 0;
          // Until it ends (a dead worker's files are redone, and counted then).
          underway.push((add) => void (settled || threadProgress(counts, received, inflight, add)));
          const onMessage = (msg: FromWorker): void => {
            if (msg.type === 'done') {
              for (const r of msg.results) {
                const job = inflight.shift();
                if (!job) continue;
                received++;
                inflightBytes -= job.file.size;
                settle(job, r);
                // A slice's facts came back with it, and a cache hit's payload; a whole file's
                // facts stay in the worker until the end.
                if (!job.slice && !r.payload) finished.push(job);
              }
              report();
              // Two in flight, as always; past that, small files are sent again only once half
              // of those ahead are done, so that they go many to a message.
              if (inflight.length < 2 || (inflight.length <= AHEAD_FILES / 2 && inflightBytes < AHEAD_BYTES / 2)) next(inflight.length > 0);
            } else if (msg.type === 'partial') {
              settled = true;
              detach();
              lender.give(pooled);
              resolve(msg.partial);
            }
          };
          const fail = (why: string): void => {
            if (settled) return;
            settled = true;
            detach();
            // Files whose results arrived were counted then (settle): redone, they are not counted
            // again. Files it finished whose results had not arrived yet died with it, uncounted:
            // redone, they are counted then (marking them too lost them from the cache tally: a
            // flaky "cache: 10 of 10 files" for 12).
            for (const job of finished) counted.add(job);
            const done = Math.max(0, Math.min(inflight.length, Atomics.load(counts, 0) - received));
            const lostResults = inflight.splice(0, done);
            for (const job of lostResults) unreceived.add(job);
            appendAll(finished, lostResults);
            const [culprit, ...notStarted] = inflight;
            // Without a file in hand (it did not start, a missing or broken dist/worker.js, or it
            // stopped between files) nothing is unreadable and the scan is still complete, but
            // slower: said once, not silently.
            if (!culprit) workerProblems.push(`an extraction worker stopped with no file in hand (${why}); its files were extracted on the main thread`);
            if (culprit && !broken.has(culprit.file.relPath)) {
              const { relPath, partitionPath } = culprit.file;
              lost.unreadable.push({ path: relPath, ...(partitionPath !== relPath ? { partitionPath } : {}), format: 'file', reason: `the extraction worker failed on it: ${why}` });
              if (culprit.slice) broken.add(culprit.file.relPath);
            }
            appendAll(redo, finished);
            appendAll(redo, notStarted);
            resolve(undefined);
          };
          const onError = (e: Error): void => fail(e.message);
          const onExit = (code: number): void => fail(`exited with code ${code}`);
          const detach = (): void => {
            w.off('message', onMessage);
            w.off('error', onError);
            w.off('exit', onExit);
          };
          w.on('message', onMessage);
          w.on('error', onError);
          w.on('exit', onExit);
          pooled.ready.then(
            () => {
              if (settled) return;
              w.postMessage({ type: 'init', init, finished: counter, ...(progress ? { advance: true } : {}) } satisfies ToWorker);
              next(false);
              next(true);
            },
            (e: Error) => fail(e.message),
          );
        }),
    ),
  ]).finally(() => clearInterval(ticker));
  if (!pool) await lender.close();
  // Files a dead worker never reached are scanned in-process, so nothing is silently skipped.
  const rest = [...queue.slice(head, end), ...redo, ...recheck].filter((job) => !broken.has(job.file.relPath));
  const parts = results.filter((r): r is PartialFacts => r !== undefined);
  // In path order, an endpoint's artifacts come to the merge already sorted (it sorts them
  // otherwise): the benchmark build's ~850 files merge in ~0.15 s instead of ~0.18 s.
  hits.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  for (const h of hits) parts.push(h.facts);
  appendAll(parts, mainParts);
  if (rest.length) {
    const ctx = newContext(init);
    for (const job of rest) {
      settle(job, await extractOne(job.file, init, ctx, parts, job.slice));
      report();
    }
    parts.push(partialOf(ctx));
  }
  for (const [relPath, list] of slices) {
    if (broken.has(relPath)) continue;
    const { file, budget } = sharedFiles.get(relPath)!;
    if (!sliceBudgetRefused(budget)) {
      parts.push(...list);
      continue;
    }
    // A slice ran out of the image's inflation budget: which of its files were refused would
    // depend on how the slices raced. The image is extracted again whole, here, and refuses
    // what it would on one thread.
    poolNotes.push(`${relPath}: its shared extraction ran out of the file's inflation budget; extracted again whole on one thread, so that what the budget refuses does not depend on the workers`);
    const whole = newContext(init);
    await extractFile(file, whole);
    parts.push(partialOf(whole));
  }
  if (lost.unreadable.length) parts.push(lost);
  return parts;
}
