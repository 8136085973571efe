/**
 * Raw DEFLATE into a buffer the caller owns. `zlib.inflateRawSync` allocates a new output buffer
 * (and a new zlib stream with its 32 KiB window) for every call; a scan inflates thousands of
 * entries of up to tens of MiB each, and on four worker threads the freed buffers stay in the
 * allocator's per-thread arenas: ~130 MB of the peak RSS of a 2.35 GB build (measured with
 * glibc's MALLOC_MMAP_THRESHOLD_ pinned). This inflates into a reused buffer through one zlib
 * stream per thread, reset between entries.
 *
 * It drives the stream's native handle the way Node's own `inflateRawSync` does (`writeSync` and
 * the two-word write state, zlib.js `processChunkSync`), which is not public API. It checks that
 * the handle has that shape, and anything it does not recognise, every zlib error included, goes
 * to `inflateRawSync`, which gives Node's own error (or result): same bytes, same errors.
 */
import { constants, InflateRaw, inflateRawSync } from 'node:zlib';

interface ZlibHandle {
  writeSync(flush: number, input: Uint8Array, inOff: number, inLen: number, out: Uint8Array, outOff: number, outLen: number): void;
  reset(): void;
}

interface Engine {
  stream: InflateRaw;
  handle: ZlibHandle;
  /** [avail_out, avail_in] after the last write. */
  state: Uint32Array;
}

/** This thread's stream: undefined until first use, null when the handle has another shape. */
let engine: Engine | null | undefined;

/** By tag, not instanceof: under a vm context (Jest) node:zlib's arrays come from another realm. */
function isUint32Array(x: unknown): x is Uint32Array {
  return Object.prototype.toString.call(x) === '[object Uint32Array]';
}

function currentEngine(): Engine | null {
  if (engine === null) return null;
  if (engine === undefined || engine.stream.destroyed) {
    const stream = new InflateRaw();
    // zlib reports an error by destroying the stream, which then emits it: seen here, handled below.
    stream.on('error', () => undefined);
    const inner = stream as unknown as { _handle?: Partial<ZlibHandle>; _writeState?: unknown };
    const handle = inner._handle;
    engine =
      handle && typeof handle.writeSync === 'function' && typeof handle.reset === 'function' && isUint32Array(inner._writeState) && inner._writeState.length >= 2
        ? { stream, handle: handle as ZlibHandle, state: inner._writeState }
        : null;
  }
  return engine;
}

/**
 * Inflates the raw DEFLATE stream `raw` into `out` and returns how many bytes it wrote. A stream
 * of `out.length` bytes or more returns `out.length` (what `out` then holds is unspecified): pass
 * a buffer one byte longer than the size you expect to tell "exactly" from "more". A corrupt or
 * truncated stream throws zlib's error, as `inflateRawSync` does.
 */
export function inflateRawInto(raw: Uint8Array, out: Buffer): number {
  const e = currentEngine();
  if (e) {
    e.handle.reset();
    e.handle.writeSync(constants.Z_FINISH, raw, 0, raw.length, out, 0, out.length);
    // An error is reported synchronously by destroying the stream (zlib.js zlibOnError).
    if (!e.stream.destroyed) return out.length - e.state[0];
    engine = undefined;
  }
  // No usable handle, or zlib refused the data: Node's own path, for its result or its error.
  return inflateRawIntoPortable(raw, out);
}

/** inflateRawInto through public API only (`inflateRawSync` and a copy): the fallback. */
export function inflateRawIntoPortable(raw: Uint8Array, out: Buffer): number {
  let res: Buffer;
  try {
    res = inflateRawSync(raw, { maxOutputLength: Math.max(1, out.length), chunkSize: Math.max(64, Math.min(out.length, 32 << 20)) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return out.length;
    throw err;
  }
  return res.copy(out, 0, 0, Math.min(res.length, out.length));
}

/** Whether this thread inflates through the reused stream (false: the portable fallback). */
export function inflatesInPlace(): boolean {
  return currentEngine() !== null;
}
