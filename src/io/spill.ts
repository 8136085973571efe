/**
 * A deflated ZIP entry as a random-access source: inflated into memory when small, streamed into
 * a size-capped temporary file when large (an APK or an image deflated inside a target-files or
 * OTA zip), so that the ZIP and filesystem readers can seek in it. The temporary file is removed
 * when the source is closed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createInflateRaw } from 'node:zlib';
import { FormatError } from '../formats/errors.js';
import { inflateEntryInto, sizeMismatch } from './inflate.js';
import type { InflateBudget } from './mapped.js';
import { entryScratch } from './scratch.js';
import { BufferSource, FileSource, type RandomAccessSource } from './source.js';

export interface InflateOptions {
  /** Entries up to this inflated size are inflated in memory. */
  memoryBytes: number;
  /** Largest entry spilled to disk; past it the entry is refused. */
  maxSpillBytes: number;
  budget: InflateBudget;
  /** Name used in error messages. */
  name: string;
}

const READ_CHUNK = 1 << 20;

/** Inflates `compressedSize` bytes at `offset` of `src`, which must give exactly `size` bytes. */
export async function inflateToSource(
  src: RandomAccessSource,
  offset: number,
  compressedSize: number,
  size: number,
  opts: InflateOptions,
): Promise<RandomAccessSource> {
  if (offset + compressedSize > src.size) {
    throw new FormatError('zip', `data of ${JSON.stringify(opts.name)} (${compressedSize} bytes) runs past the end of the file`, offset);
  }
  if (size > opts.maxSpillBytes) {
    throw new FormatError('zip', `${JSON.stringify(opts.name)} inflates to ${size} bytes, past the ${opts.maxSpillBytes}-byte cap for one entry`);
  }
  opts.budget.spend(size);
  if (size <= opts.memoryBytes) {
    // Into a buffer lent by the thread's pool (one byte more than declared tells a stream that
    // inflates to more), given back when the source is closed.
    const lease = entryScratch.take(size + 1);
    try {
      await inflateEntryInto(src, offset, compressedSize, size, lease, opts.name);
    } catch (e) {
      entryScratch.give(lease);
      throw e;
    }
    const inner = new BufferSource(lease.subarray(0, size));
    let open = true;
    return {
      size,
      read: (p, len) => inner.read(p, len),
      close: async () => {
        // Given back once: a second close must not lend the same buffer twice.
        if (open) entryScratch.give(lease);
        open = false;
      },
    };
  }
  let written = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      written += chunk.length;
      if (written > size) cb(new FormatError('zip', sizeMismatch(opts.name, size), offset));
      else cb(null, chunk);
    },
  });
  try {
    return await spillStream(readChunks(src, offset, compressedSize), createInflateRaw(), counter, () => {
      if (written !== size) throw new FormatError('zip', sizeMismatch(opts.name, size, written), offset);
    });
  } catch (e) {
    if (e instanceof FormatError) throw e;
    throw new FormatError('zip', `cannot inflate ${JSON.stringify(opts.name)}: ${(e as Error).message}`, offset);
  }
}

/** `length` bytes of `src` from `offset`, in pieces of READ_CHUNK. */
async function* readChunks(src: RandomAccessSource, offset: number, length: number): AsyncGenerator<Buffer> {
  for (let p = 0; p < length; p += READ_CHUNK) yield await src.read(offset + p, Math.min(READ_CHUNK, length - p));
}

/**
 * `chunks` through `decoder` and `counter` (which checks and counts what comes out) into a
 * temporary file, read back as a source that removes it when closed; `done` checks the count
 * once the stream has ended.
 */
async function spillStream(chunks: AsyncIterable<Buffer>, decoder: Transform, counter: Transform, done: () => void): Promise<RandomAccessSource> {
  const dir = await mkdtemp(join(tmpdir(), 'activation-gate-spill-'));
  const file = join(dir, 'entry');
  const cleanup = async (): Promise<void> => {
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await pipeline(Readable.from(chunks), decoder, counter, createWriteStream(file));
    done();
    const fs = await FileSource.open(file);
    return {
      size: fs.size,
      read: (p, n) => fs.read(p, n),
      close: async () => {
        await fs.close();
        await cleanup();
      },
    };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

/**
 * A brotli stream (all of `src`) decompressed as a source: at most `cap` bytes, each charged to
 * `budget` as it comes; in memory up to `memoryBytes` of cap, else into a temporary file. Node's
 * brotli decoder streams, so memory stays bounded whatever the stream claims.
 */
export async function brotliToSource(src: RandomAccessSource, cap: number, opts: { memoryBytes: number; budget: InflateBudget; name: string; format: string }): Promise<RandomAccessSource> {
  let written = 0;
  const pieces: Buffer[] = [];
  const inMemory = cap <= opts.memoryBytes;
  /** Counts and charges a piece; an error when it goes past the cap or the budget. */
  const take = (chunk: Buffer): Error | undefined => {
    written += chunk.length;
    if (written > cap) return new FormatError(opts.format, `${opts.name} decompresses to more than ${cap} bytes`);
    try {
      opts.budget.spend(chunk.length);
    } catch (e) {
      return e as Error;
    }
    return undefined;
  };
  const counter = inMemory
    ? new Writable({
        write(chunk: Buffer, _enc, cb) {
          const err = take(chunk);
          if (!err) pieces.push(chunk);
          cb(err);
        },
      })
    : new Transform({
        transform(chunk: Buffer, _enc, cb) {
          const err = take(chunk);
          if (err) cb(err);
          else cb(null, chunk);
        },
      });
  const decoder = createBrotliDecompress();
  try {
    if (counter instanceof Transform) return await spillStream(readChunks(src, 0, src.size), decoder, counter, () => undefined);
    await pipeline(Readable.from(readChunks(src, 0, src.size)), decoder, counter);
    return new BufferSource(Buffer.concat(pieces, written));
  } catch (e) {
    if (e instanceof FormatError) throw e;
    throw new FormatError(opts.format, `${opts.name} is no brotli stream that decompresses whole: ${(e as Error).message}`);
  }
}
