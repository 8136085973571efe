/**
 * Runs of ASCII digits (SMS numbers) in one pass. A literal search per number prefix ('106',
 * then one per catalogued or policy number) costs a full pass over the bytes each, at ~4 GB/s
 * on this kind of data because '1' is common; instead one WebAssembly SIMD pass
 * (src/wasm/digit-runs.wat) finds candidate runs of at least `minLen` digits, whatever the number
 * of numbers looked for, and each candidate is widened here to its whole run.
 *
 * The bytes are copied to the module's memory a block at a time (the copy runs at memory
 * speed), scanned there, and every run is read back from the caller's buffer. Where
 * WebAssembly is not available (node --jitless) a plain byte loop gives the same runs.
 */
import { DIGIT_RUNS_WASM } from '../wasm/digit-runs.wasm.js';
import { instantiate, type WasmMemory } from '../wasm/instantiate.js';

const BLOCK = 64 << 10;
/** Offset of a block in module memory; the byte before it holds the byte before the block. */
const IN = 64;
/** Bytes after a block the module reads (a 64-byte step plus lookahead), filled with the window's bytes or zeros. */
const PAD = 128;
const OUT = IN + BLOCK + PAD;

interface Engine {
  mem: Uint8Array;
  out: Int32Array;
  runs: (ptr: number, len: number, out: number, k: number) => number;
}

let engine: Engine | null | undefined;

function wasmEngine(): Engine | null {
  if (engine !== undefined) return engine;
  const exports = instantiate(DIGIT_RUNS_WASM);
  const memory = exports?.memory as WasmMemory | undefined;
  // No WebAssembly (or no SIMD) in this runtime: the byte loop below.
  engine =
    exports && memory && memory.buffer.byteLength >= OUT + 4 * (BLOCK + BLOCK / 64 + 16)
      ? { mem: new Uint8Array(memory.buffer), out: new Int32Array(memory.buffer), runs: exports.runs as Engine['runs'] }
      : null;
  return engine;
}

/** True when runs are found by the WebAssembly module (false: by the byte loop). */
export function digitRunsUseWasm(): boolean {
  return wasmEngine() !== null;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Calls `visit(ds, de)` for every maximal run of digits in buf[start, end) at least `minLen` long, in order. */
export function forEachDigitRun(buf: Uint8Array, start: number, end: number, minLen: number, visit: (ds: number, de: number) => void): void {
  const e = wasmEngine();
  if (!e) {
    forEachDigitRunJs(buf, start, end, minLen, visit);
    return;
  }
  const min = Math.max(1, minLen);
  const k = Math.min(min, 32);
  const { mem, out, runs } = e;
  let lastEnd = start;
  for (let s0 = start; s0 < end; s0 += BLOCK) {
    const len = Math.min(BLOCK, end - s0);
    const copyEnd = Math.min(end, s0 + len + PAD);
    mem[IN - 1] = s0 > start ? buf[s0 - 1] : 0;
    mem.set(buf.subarray(s0, copyEnd), IN);
    mem.fill(0, IN + (copyEnd - s0), IN + len + PAD);
    const n = runs(IN, len, OUT, k);
    for (let i = 0, o = OUT >> 2; i < n; i++) {
      const q = s0 + out[o + i];
      if (q < lastEnd) continue; // inside a run already seen
      let ds = q;
      while (ds > start && isDigit(buf[ds - 1])) ds--;
      let de = q;
      while (de < end && isDigit(buf[de])) de++;
      lastEnd = de;
      if (de - ds >= min) visit(ds, de);
    }
  }
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
