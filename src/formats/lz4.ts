/**
 * LZ4 block decompression (the raw block format, as EROFS stores pclusters; LZ4HC writes the same
 * format). Bounded: it never writes past `outputSize`, and stops as soon as the output is full
 * (EROFS decodes "partially": a pcluster may hold more literals than the extent needs). Every
 * read and back-reference is checked; a bad block is a FormatError, never an out-of-range access.
 * With `allowShort` (LZ4 legacy frames, whose blocks do not record their decoded size)
 * `outputSize` is a cap and the decoded bytes are returned, however many.
 *
 * Blocks are decoded by a WebAssembly module (src/wasm/lz4-block.wat, several times faster than
 * a JavaScript loop over EROFS images); a block it finds malformed, or any block where
 * WebAssembly is missing, is decoded by the JavaScript below, which names the fault. Both give
 * the same bytes (tested).
 */
import { LZ4_BLOCK_WASM } from '../wasm/lz4-block.wasm.js';
import { instantiate, type WasmMemory } from '../wasm/instantiate.js';
import { FormatError } from './errors.js';

interface Lz4Engine {
  memory: WasmMemory;
  mem: Uint8Array;
  decode: (src: number, srcLen: number, out: number, outSize: number) => number;
}

let engine: Lz4Engine | null | undefined;
/** Blocks larger than this (input plus output) are left to JavaScript: module memory stays small. */
const WASM_MAX_BYTES = 64 << 20;
/** Input is copied to this offset; the bytes before it hold the input position reached. */
const SRC = 16;
const SLACK = 32;

function wasmEngine(): Lz4Engine | null {
  if (engine !== undefined) return engine;
  const exports = instantiate(LZ4_BLOCK_WASM);
  const memory = exports?.memory as WasmMemory | undefined;
  engine = exports && memory ? { memory, mem: new Uint8Array(memory.buffer), decode: exports.decode as Lz4Engine['decode'] } : null;
  return engine;
}

/** True when blocks are decoded by the WebAssembly module (false: by JavaScript only). */
export function lz4UsesWasm(): boolean {
  return wasmEngine() !== null;
}

export function lz4DecompressBlock(src: Uint8Array, outputSize: number, format = 'lz4', allowShort = false): Buffer {
  const view = decodeInModule(src, outputSize, allowShort);
  return view ? Buffer.from(view) : lz4DecompressBlockJs(src, outputSize, format, allowShort);
}

/**
 * The same decoding (exactly `outputSize` bytes) written straight into `dest` at `at`: no buffer
 * of its own, one copy out of module memory. Bytes of `dest` outside [at, at + outputSize) are
 * left as they were.
 */
export function lz4DecompressBlockInto(src: Uint8Array, outputSize: number, dest: Uint8Array, at: number, format = 'lz4'): void {
  const view = decodeInModule(src, outputSize, false);
  dest.set(view ?? lz4DecompressBlockJs(src, outputSize, format), at);
}

/** The block decoded by the module: a view of its memory (valid until the next call), or undefined for JavaScript to decode. */
function decodeInModule(src: Uint8Array, outputSize: number, allowShort: boolean): Uint8Array | undefined {
  const e = wasmEngine();
  // 32 bytes of slack after the output: the module's 16-byte copies may run past it.
  const need = SRC + src.length + outputSize + SLACK;
  if (e && need <= WASM_MAX_BYTES) {
    if (e.mem.length < need) {
      try {
        e.memory.grow(Math.ceil((need - e.mem.length) / 65536));
      } catch {
        // no more memory for the module: this block goes to JavaScript
      }
      e.mem = new Uint8Array(e.memory.buffer);
    }
  }
  if (e && need <= e.mem.length) {
    e.mem.set(src, SRC);
    const out = SRC + src.length;
    const n = e.decode(SRC, src.length, out, outputSize);
    if (n >= 0) {
      const consumed = e.mem[0] | (e.mem[1] << 8) | (e.mem[2] << 16) | (e.mem[3] << 24);
      if (allowShort ? consumed >= src.length : n === outputSize) return e.mem.subarray(out, out + n);
    }
  }
  return undefined;
}

/** The JavaScript decoder: the fallback, the one that names faults, and the reference in tests. */
export function lz4DecompressBlockJs(src: Uint8Array, outputSize: number, format = 'lz4', allowShort = false): Buffer {
  // A block gives at most 255 bytes a byte of input (and a few more): a short block of a legacy
  // frame (8 MiB maximum) need not cost 8 MiB.
  const size = allowShort ? Math.min(outputSize, 255 * src.length + 16) : outputSize;
  const out = Buffer.allocUnsafe(size);
  let ip = 0;
  let op = 0;
  const iend = src.length;
  while (ip < iend && op < size) {
    const token = src[ip++];
    // Literals.
    let litLen = token >>> 4;
    if (litLen === 15) {
      let b: number;
      do {
        if (ip >= iend) throw new FormatError(format, 'truncated literal length', ip);
        b = src[ip++];
        litLen += b;
      } while (b === 255);
    }
    if (litLen > 0) {
      if (ip + litLen > iend) throw new FormatError(format, `literal run of ${litLen} bytes overflows the input`, ip);
      const n = Math.min(litLen, size - op);
      if (n < 32) {
        // Most literal runs are short: a loop beats making a subarray for each.
        for (let k = 0; k < n; k++) out[op + k] = src[ip + k];
      } else out.set(src.subarray(ip, ip + n), op);
      op += n;
      ip += litLen;
      if (op >= size) break;
    }
    if (ip >= iend) break; // the last sequence has literals only
    // Match.
    if (ip + 2 > iend) throw new FormatError(format, 'truncated match offset', ip);
    const offset = src[ip] | (src[ip + 1] << 8);
    ip += 2;
    if (offset === 0 || offset > op) throw new FormatError(format, `match offset ${offset} points before the start of the output`, ip - 2);
    let matchLen = (token & 15) + 4;
    if ((token & 15) === 15) {
      let b: number;
      do {
        if (ip >= iend) throw new FormatError(format, 'truncated match length', ip);
        b = src[ip++];
        matchLen += b;
      } while (b === 255);
    }
    let n = Math.min(matchLen, size - op);
    if (n < 16) {
      for (let from = op - offset; n > 0; n--) out[op++] = out[from++];
    } else {
      // A match may overlap its own output (a repeated pattern of period `offset`): copy from
      // `dist` back, a multiple of the period that doubles as the pattern grows behind us.
      let dist = offset;
      while (n > 0) {
        const k = Math.min(dist, n);
        out.copyWithin(op, op - dist, op - dist + k);
        op += k;
        n -= k;
        dist *= 2;
      }
    }
  }
  if (allowShort) {
    // A block of unknown decoded size (LZ4 legacy frames): `outputSize` is only the cap.
    if (ip < iend) throw new FormatError(format, `LZ4 block decodes to more than ${outputSize} bytes`, ip);
    return out.subarray(0, op);
  }
  if (op < outputSize) throw new FormatError(format, `LZ4 block decoded to ${op} bytes, expected ${outputSize}`, ip);
  return out;
}
