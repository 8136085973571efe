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
import { FormatError } from '../formats/errors.js';
import type { RandomAccessSource } from './source.js';

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

/** Whether node:zlib's handle has the expected shape: unknown until first use. */
let supported: boolean | undefined;
/** Idle streams of this thread. A streamed inflate holds one across its reads (awaits), so a
 *  second inflate meanwhile takes another: never two entries through one stream. */
const idle: Engine[] = [];

/** By tag, not instanceof: under a vm context (Jest) node:zlib's arrays come from another realm. */
function isUint32Array(x: unknown): x is Uint32Array {
  return Object.prototype.toString.call(x) === '[object Uint32Array]';
}

function takeEngine(): Engine | null {
  if (supported === false) return null;
  // Writing to a closed handle aborts the process: a stream that failed is never lent again.
  for (let e = idle.pop(); e; e = idle.pop()) if (!e.stream.destroyed) return e;
  const stream = new InflateRaw();
  // zlib reports an error by destroying the stream, which then emits it: seen here, handled below.
  stream.on('error', () => undefined);
  const inner = stream as unknown as { _handle?: Partial<ZlibHandle>; _writeState?: unknown };
  const handle = inner._handle;
  supported = !!handle && typeof handle.writeSync === 'function' && typeof handle.reset === 'function' && isUint32Array(inner._writeState) && inner._writeState.length >= 2;
  return supported ? { stream, handle: handle as ZlibHandle, state: inner._writeState as Uint32Array } : null;
}

/** A stream back to the idle list; one that failed (destroyed) is dropped. */
function giveEngine(e: Engine): void {
  if (!e.stream.destroyed && idle.length < 2) idle.push(e);
}

/**
 * Inflates the raw DEFLATE stream `raw` into `out` and returns how many bytes it wrote. A stream
 * of `out.length` bytes or more returns `out.length` (what `out` then holds is unspecified): pass
 * a buffer one byte longer than the size you expect to tell "exactly" from "more". A corrupt or
 * truncated stream throws zlib's error, as `inflateRawSync` does.
 */
export function inflateRawInto(raw: Uint8Array, out: Buffer): number {
  const e = takeEngine();
  if (e) {
    try {
      e.handle.reset();
      e.handle.writeSync(constants.Z_FINISH, raw, 0, raw.length, out, 0, out.length);
      // An error is reported synchronously by destroying the stream (zlib.js zlibOnError).
      if (!e.stream.destroyed) return out.length - e.state[0];
    } finally {
      giveEngine(e);
    }
  }
  // No usable handle, or zlib refused the data: Node's own path, for its result or its error.
  return inflateRawIntoPortable(raw, out);
}

/** Compressed bytes are read in pieces of this size by inflateRawFrom. */
export const INFLATE_READ_BYTES = 1 << 20;
let readBuf: Buffer | undefined;

/**
 * inflateRawInto of `length` compressed bytes at `offset` of `src`, read and inflated a piece at a
 * time: the compressed bytes of a large entry are never all in memory, and each piece is
 * inflated while it is still in the CPU's cache.
 */
export async function inflateRawFrom(src: RandomAccessSource, offset: number, length: number, out: Buffer, pieceBytes = INFLATE_READ_BYTES): Promise<number> {
  if (length <= pieceBytes || !src.readInto) return inflateRawInto(src.readTemp ? await src.readTemp(offset, length) : await src.read(offset, length), out);
  return (await inflateRawPrefix(src, offset, length, out, () => out.length, pieceBytes)).written;
}

/**
 * inflateRawFrom that stops early: `want(written)` is asked, each time `written` bytes are in
 * `out` and at least as many as it asked for before, how many it needs in all. The inflation
 * stops when it asks for no more than it has (`stopped`), when `out` is full, or at the end of the
 * stream. Errors as inflateRawFrom's.
 */
export async function inflateRawPrefix(
  src: RandomAccessSource,
  offset: number,
  length: number,
  out: Buffer,
  want: (written: number) => number,
  pieceBytes = INFLATE_READ_BYTES,
): Promise<{ written: number; stopped: boolean }> {
  const e = takeEngine();
  if (!e) return { written: inflateRawInto(src.readTemp ? await src.readTemp(offset, length) : await src.read(offset, length), out), stopped: false };
  // Pieces are read into the shared read buffer (taken for the whole loop: a nested call
  // meanwhile gets its own), or are views of a source in memory.
  const shared = pieceBytes === INFLATE_READ_BYTES && !!src.readInto;
  const piece = src.readInto ? (shared && readBuf) || Buffer.allocUnsafeSlow(pieceBytes) : undefined;
  if (shared) readBuf = undefined;
  let failed = false;
  try {
    e.handle.reset();
    let written = 0;
    let target = Math.min(out.length, Math.max(1, want(0)));
    reading: for (let pos = 0; pos < length; ) {
      const n = Math.min(pieceBytes, length - pos);
      const chunk = piece ? await src.readInto!(offset + pos, n, piece) : await src.read(offset + pos, n);
      pos += n;
      const flush = pos < length ? constants.Z_NO_FLUSH : constants.Z_FINISH;
      let used = 0;
      for (;;) {
        const room = target - written;
        e.handle.writeSync(flush, chunk, used, n - used, out, written, room);
        if (e.stream.destroyed) {
          failed = true;
          break reading;
        }
        written += room - e.state[0];
        used = n - e.state[1];
        // Short of the target: this piece is all taken (read the next), or the stream ended
        // before its bytes did (zlib would ignore the rest, as inflateRawSync does).
        if (written < target) {
          if (used < n) return { written, stopped: false };
          break;
        }
        if (target === out.length) return { written, stopped: false };
        const next = Math.min(out.length, want(written));
        if (next <= written) return { written, stopped: true };
        target = next; // and on through what is left of this piece (zlib may hold output too)
      }
    }
    if (!failed) return { written, stopped: false };
  } finally {
    giveEngine(e);
    if (shared) readBuf = piece;
  }
  // zlib refused the data: Node's own path over the whole stream, for its error.
  return { written: inflateRawIntoPortable(await src.read(offset, length), out), stopped: false };
}

/**
 * A ZIP entry's DEFLATE stream (`compressedSize` bytes at `offset` of `src`) inflated into `out`
 * (at least `size + 1` bytes: the extra byte tells a stream that inflates to more): the first
 * `size` bytes of `out`, or a FormatError naming the entry when the stream is corrupt or does not
 * give exactly the `size` it declares.
 */
export async function inflateEntryInto(
  src: RandomAccessSource,
  offset: number,
  compressedSize: number,
  size: number,
  out: Buffer,
  name: string,
): Promise<Buffer> {
  let n: number;
  try {
    n = await inflateRawFrom(src, offset, compressedSize, out.subarray(0, size + 1));
  } catch (err) {
    throw new FormatError('zip', `cannot inflate ${JSON.stringify(name)}: ${(err as Error).message}`, offset);
  }
  if (n !== size) throw new FormatError('zip', sizeMismatch(name, size, n > size ? undefined : n), offset);
  return out.subarray(0, size);
}

/** Why an entry is refused: it inflates to more than `declared` bytes (`got` undefined), or to `got`. */
export function sizeMismatch(name: string, declared: number, got?: number): string {
  return got === undefined ? `${JSON.stringify(name)} inflates to more than its declared ${declared} bytes` : `${JSON.stringify(name)} inflated to ${got} bytes, declared ${declared}`;
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

/** Whether this thread inflates through reused streams (false: the portable fallback). */
export function inflatesInPlace(): boolean {
  const e = takeEngine();
  if (e) giveEngine(e);
  return e !== null;
}
