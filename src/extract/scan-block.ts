/**
 * Endpoint candidates by one WebAssembly SIMD pass per 64 KiB block (src/wasm/scan-block.wat):
 * digit runs (SMS numbers), dotted tokens (hosts and IPv4, already widened, trimmed and flagged by
 * the byte-level checks), `://[` (IPv6 literals) and the dots of UTF-16LE text. Without it, every dot was a call to
 * `indexOf` followed by byte loops in JavaScript, and a literal search per number prefix a pass
 * over the bytes each; now each 64-byte step is classified once, whatever is looked for. Bytes
 * inflated or read into the thread's entry buffers, which are slots of the module's memory, are
 * scanned where they lie; any other buffer is copied in once per block (at memory speed).
 *
 * Where WebAssembly is not available (node --jitless) `scanBlockEngine()` is null and the
 * scanner uses its JavaScript path, which is also the reference the module is tested against.
 */
import { SCAN_BLOCK_WASM } from '../wasm/scan-block.wasm.js';
import { instantiate, type WasmMemory } from '../wasm/instantiate.js';
import { entryScratch } from '../io/scratch.js';

export const BLOCK = 64 << 10;
/** Context copied on each side of a block: a token's run is widened into it. */
const CTX = 512;
/**
 * Module memory: [0, 16) the module's header (counts), [16, 272) its byte-class table, then the
 * block at IN with CTX bytes of context before and CTX + PAD after, then the three output areas,
 * each large enough for the most a 64 KiB block can produce (digit-run candidates: one per byte
 * plus one per step; tokens: 16 bytes per 5 bytes of block, a token and its separator; `://[`:
 * one per 4 bytes; UTF-16 dots: one per 2 bytes, `.` being a host byte (`. 0 . 0`); digits 2 apart: one per 2 bytes and two per
 * step, plus the count). Tested with blocks packed with each.
 */
const IN = 1024;
const PAD = 64;
const OUT_RUNS = 68 << 10;
const OUT_TOKENS = 336 << 10;
const OUT_URLS = 560 << 10;
const OUT_WIDE = 624 << 10;
/** Its count first, then the candidates: the header has no room left. */
const OUT_WIDE_DIGITS = 756 << 10;

/** Flags of a token record. */
export const TOKEN_ALPHA_TLD = 1;
export const TOKEN_UPPER = 2;
/** The run reached the edge of the copied context: the caller widens it from its own bytes. */
export const TOKEN_UNBOUNDED = 4;
/**
 * No letter TLD, and no dotted quad at its start or after its first byte: only a listed host or
 * address glued to the bytes after it (or a listed address after a length byte), or glued to the
 * bytes before it, can be in it.
 */
export const TOKEN_GLUED = 8;

/**
 * What one block holds, as offsets from the block's start (`s0`) into `i32`:
 * - runs: `nRuns` candidate positions of digit runs from `runsAt` (widen each to its whole run;
 *   a run may be named more than once, or be shorter than asked when it crosses in);
 * - tokens: `nTokens` records of four from `tokensAt`: trimmed start, end, end of the run, flags
 *   (or, with TOKEN_UNBOUNDED, the dot's offset);
 * - urls: `nUrls` offsets of the ':' of `://[` from `urlsAt`;
 * - wide: `nWide` offsets of dots of UTF-16LE text (`h 0 . 0 h 0`, not a narrow token's) from
 *   `wideAt`: widen each to its run of UTF-16 characters;
 * - wideDigits: `nWideDigits` offsets from `wideDigitsAt`, ascending, of a digit followed by a
 *   zero byte in every run of at least k digits 2 bytes apart (UTF-16LE digits when all the bytes
 *   between are zeros, which the caller checks), and in some shorter runs that cross a step:
 *   widen each to its run.
 */
export interface BlockCandidates {
  s0: number;
  i32: Int32Array;
  nRuns: number;
  runsAt: number;
  nTokens: number;
  tokensAt: number;
  nUrls: number;
  urlsAt: number;
  nWide: number;
  wideAt: number;
  nWideDigits: number;
  wideDigitsAt: number;
}

/**
 * The thread's entry buffers live in the module's memory past ARENA: two slots of SLOT bytes
 * (an entry being scanned, and a ZIP or a raw file inside it), each with GUARD bytes on both
 * sides, lent by entryScratch before any other buffer. Bytes inflated or read into them are
 * scanned where they lie: no copy of each block. The memory grows once, before any view of it
 * is made (growing detaches every view), and never again.
 */
const ARENA = 1 << 20;
const SLOT = 32 << 20;
const GUARD = 4096;
/**
 * After the slots: where a DEX's zeroed length prefixes are saved (dexPrefixes), one i32 each;
 * enough for string-scan.ts's cap on a DEX in a slot (one per 16 bytes of its string data).
 */
const SAVE_ENTRIES = SLOT >> 4;

interface Engine {
  mem: Uint8Array;
  i32: Int32Array;
  block: (ptr: number, len: number, ctx: number, k: number, outRuns: number, outTokens: number, outUrls: number, outWide: number, outWideDigits: number) => number;
  /** The memory's ArrayBuffer when it holds the slots: a buffer on it is scanned in place. */
  arena: ArrayBuffer | null;
  span: (ids: number, n: number, headerSize: number, limit: number, out: number) => number;
  prefixes: (base: number, ids: number, n: number, headerSize: number, limit: number, hi: number, save: number, saved: number, cap: number) => number;
  restore: (base: number, save: number, saved: number) => void;
  /** Address of the save area (SAVE_ENTRIES i32s). */
  save: number;
}

let engine: Engine | null | undefined;

export function scanBlockEngine(): Engine | null {
  if (engine !== undefined) return engine;
  const exports = instantiate(SCAN_BLOCK_WASM);
  const memory = exports?.memory as WasmMemory | undefined;
  if (!exports || !memory || memory.buffer.byteLength < OUT_WIDE_DIGITS + (140 << 10) || memory.buffer.byteLength > ARENA) {
    engine = null;
    return engine;
  }
  const save = ARENA + 2 * (SLOT + 2 * GUARD);
  const total = save + 4 * SAVE_ENTRIES;
  let slots = true;
  try {
    memory.grow(Math.ceil((total - memory.buffer.byteLength) / 65536));
  } catch {
    slots = false; // no room for the slots (an address-space limit): blocks are copied in instead
  }
  const arena = memory.buffer;
  engine = {
    mem: new Uint8Array(arena),
    i32: new Int32Array(arena),
    block: exports.block as Engine['block'],
    arena: slots ? arena : null,
    span: exports.span as Engine['span'],
    prefixes: exports.prefixes as Engine['prefixes'],
    restore: exports.restore as Engine['restore'],
    save,
  };
  if (slots) entryScratch.adopt([0, 1].map((i) => Buffer.from(arena, ARENA + GUARD + i * (SLOT + 2 * GUARD), SLOT)));
  return engine;
}

/** True when `view` lies in a slot of the engine's memory. */
function inSlot(e: Engine, view: ArrayBufferView): boolean {
  return e.arena !== null && view.buffer === e.arena && view.byteOffset >= ARENA + GUARD;
}

/** True when `buf` lies in the module's memory (a slot lent by entryScratch): it is scanned in place. */
export function scansInPlace(buf: Uint8Array): boolean {
  const e = scanBlockEngine();
  return e !== null && inSlot(e, buf);
}

/**
 * The string_ids passes of string-scan.ts done by the module, for a DEX whose bytes and
 * string_ids all lie in a slot (a DEX inflated from an APK): the same results as its JavaScript
 * loops (tested against them), in a fraction of the time (12 million strings in the benchmark
 * build). Null for any other DEX.
 */
export interface DexPrefixes {
  /** Readable offsets of `list` (headerSize <= off < limit): how many, the lowest, the highest. */
  span(list: Uint32Array, headerSize: number, limit: number): { count: number; lo: number; max: number };
  /** At most this many bytes can be saved (zero's cap must not exceed it). */
  readonly capacity: number;
  /** zeroPrefixes of string-scan.ts: the new count of saved bytes, or -1 at `cap` (all put back). */
  zero(list: Uint32Array, headerSize: number, limit: number, hi: number, saved: number, cap: number): number;
  /** Puts the first `saved` saved bytes back. */
  restore(saved: number): void;
}

export function dexPrefixes(buf: Uint8Array, lists: readonly Uint32Array[]): DexPrefixes | null {
  const e = scanBlockEngine();
  if (!e || !inSlot(e, buf) || !lists.every((l) => inSlot(e, l))) return null;
  const base = buf.byteOffset;
  const out = OUT_RUNS; // scratch between block calls
  return {
    span(list, headerSize, limit) {
      const count = e.span(list.byteOffset, list.length, headerSize, limit, out);
      return { count, lo: e.i32[out >> 2], max: e.i32[(out >> 2) + 1] };
    },
    capacity: SAVE_ENTRIES,
    zero: (list, headerSize, limit, hi, saved, cap) => e.prefixes(base, list.byteOffset, list.length, headerSize, limit, hi, e.save, saved, Math.min(cap, SAVE_ENTRIES)),
    restore: (saved) => e.restore(base, e.save, saved),
  };
}

/** True when candidates come from the WebAssembly module (false: the scanner's JavaScript path). */
export function scanBlockUsesWasm(): boolean {
  return scanBlockEngine() !== null;
}

/** The shortest digit run the module looks for when `minDigits` are asked: 1-32. */
export function digitsAsked(minDigits: number): number {
  return Math.min(Math.max(1, minDigits), 32);
}

/**
 * Calls `visit` for each 64 KiB block of buf[start, end), in order, with its candidates; digit
 * runs are looked for from `minDigits` digits (1-32). The same object is reused for every block.
 */
export function forEachBlock(e: Engine, buf: Uint8Array, start: number, end: number, minDigits: number, visit: (c: BlockCandidates) => void): void {
  const { mem, i32 } = e;
  const k = digitsAsked(minDigits);
  const c: BlockCandidates = { s0: 0, i32, nRuns: 0, runsAt: OUT_RUNS >> 2, nTokens: 0, tokensAt: OUT_TOKENS >> 2, nUrls: 0, urlsAt: OUT_URLS >> 2, nWide: 0, wideAt: OUT_WIDE >> 2, nWideDigits: 0, wideDigitsAt: (OUT_WIDE_DIGITS >> 2) + 1 };
  if (inSlot(e, buf)) {
    inPlace(e, buf, start, end, k, c, visit);
    return;
  }
  for (let s0 = start; s0 < end; s0 += BLOCK) {
    const len = Math.min(BLOCK, end - s0);
    const from = Math.max(start, s0 - CTX);
    const to = Math.min(end, s0 + len + CTX);
    // Context outside the window reads as zeros (not a host byte, not a digit).
    if (s0 - from < CTX) mem.fill(0, IN - CTX, IN - (s0 - from));
    mem.set(buf.subarray(from, to), IN - (s0 - from));
    mem.fill(0, IN + (to - s0), IN + len + CTX + PAD);
    passBlock(e, IN, s0, len, k, c, visit);
  }
}

/** The module's pass over the block of window offset `s0` lying at `ptr`: its candidates to `visit`. */
function passBlock(e: Engine, ptr: number, s0: number, len: number, k: number, c: BlockCandidates, visit: (c: BlockCandidates) => void): void {
  c.s0 = s0;
  c.nRuns = e.block(ptr, len, CTX, k, OUT_RUNS, OUT_TOKENS, OUT_URLS, OUT_WIDE, OUT_WIDE_DIGITS);
  c.nTokens = e.i32[0];
  c.nUrls = e.i32[1];
  c.nWide = e.i32[3];
  c.nWideDigits = e.i32[OUT_WIDE_DIGITS >> 2];
  visit(c);
}

const before = new Uint8Array(CTX);
const after = new Uint8Array(CTX + PAD);

/**
 * forEachBlock over bytes already in the module's memory (a slot): each block is scanned where
 * it lies, its context the bytes around it. Outside [start, end) context must read as zeros, so
 * the CTX bytes before and the CTX + PAD after are saved, zeroed and put back (they are the same
 * buffer's or a slot's guard: nothing else lies there).
 */
function inPlace(e: Engine, buf: Uint8Array, start: number, end: number, k: number, c: BlockCandidates, visit: (c: BlockCandidates) => void): void {
  const { mem } = e;
  const lo = buf.byteOffset + start;
  const hi = buf.byteOffset + end;
  before.set(mem.subarray(lo - CTX, lo));
  after.set(mem.subarray(hi, hi + CTX + PAD));
  mem.fill(0, lo - CTX, lo);
  mem.fill(0, hi, hi + CTX + PAD);
  try {
    for (let s0 = start; s0 < end; s0 += BLOCK) passBlock(e, lo + (s0 - start), s0, Math.min(BLOCK, end - s0), k, c, visit);
  } finally {
    mem.set(before, lo - CTX);
    mem.set(after, hi);
  }
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/**
 * Calls `visit(ds, de)` for every maximal run of digits in buf[start, end) at least `minLen` long,
 * in order: the module's digit runs on their own (the scanner takes them per block, with
 * widenRuns), which the tests hold against the byte loop below.
 */
export function forEachDigitRun(buf: Uint8Array, start: number, end: number, minLen: number, visit: (ds: number, de: number) => void): void {
  const e = scanBlockEngine();
  if (!e) {
    forEachDigitRunJs(buf, start, end, minLen, visit);
    return;
  }
  const min = Math.max(1, minLen);
  let lastEnd = start;
  forEachBlock(e, buf, start, end, min, (c) => {
    lastEnd = widenRuns(buf, start, end, min, c, lastEnd, visit);
  });
}

/**
 * The digit runs of one block, each widened to its whole run in `buf` and reported once.
 * `lastEnd` is the end of the last run seen, carried from block to block; returns the new one.
 */
export function widenRuns(
  buf: Uint8Array,
  start: number,
  end: number,
  min: number,
  c: BlockCandidates,
  lastEnd: number,
  visit: (ds: number, de: number) => void,
): number {
  const { s0, i32, nRuns, runsAt } = c;
  for (let i = 0; i < nRuns; i++) {
    const q = s0 + i32[runsAt + i];
    if (q < lastEnd) continue; // inside a run already seen
    let ds = q;
    while (ds > start && isDigit(buf[ds - 1])) ds--;
    let de = q;
    while (de < end && isDigit(buf[de])) de++;
    lastEnd = de;
    if (de - ds >= min) visit(ds, de);
  }
  return lastEnd;
}

/** The same runs by a byte loop: the fallback, and the reference the module is tested against. */
export function forEachDigitRunJs(buf: Uint8Array, start: number, end: number, minLen: number, visit: (ds: number, de: number) => void): void {
  const min = Math.max(1, minLen);
  let i = start;
  while (i < end) {
    if (!isDigit(buf[i])) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < end && isDigit(buf[j])) j++;
    if (j - i >= min) visit(i, j);
    i = j;
  }
}
