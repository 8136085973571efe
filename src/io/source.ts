/**
 * Random-access byte sources. Every container parser reads ranges through this interface, so
 * the same ZIP reader works over a file on disk, an entry inflated into memory, and later an
 * APK stored inside a filesystem image. Every read is exact or fails: a short read is an error.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { FormatError } from '../formats/errors.js';

export interface RandomAccessSource {
  readonly size: number;
  /**
   * Like read, into a buffer shared by the whole thread: valid only until the next readTemp
   * call anywhere. For data that is consumed at once (compressed bytes about to be inflated), so
   * that large short-lived allocations do not drive the garbage collector.
   */
  readTemp?(position: number, length: number): Promise<Buffer>;
  /** Reads exactly `length` bytes at `position`, or throws FormatError("unexpected end"). */
  read(position: number, length: number): Promise<Buffer>;
  /**
   * Like read, into the caller's `out` (at least `length` bytes; returns its first `length`),
   * where the source can do so without a buffer of its own: a reader that keeps one buffer for
   * a window it refills often spares the garbage collector a new one each time.
   */
  readInto?(position: number, length: number, out: Buffer): Promise<Buffer>;
  close(): Promise<void>;
}

export class BufferSource implements RandomAccessSource {
  constructor(private readonly buf: Buffer) {}
  get size(): number {
    return this.buf.length;
  }
  async read(position: number, length: number): Promise<Buffer> {
    if (position < 0 || length < 0 || position + length > this.buf.length) {
      throw new FormatError('io', `read of ${length} bytes at ${position} past the end (${this.buf.length} bytes)`, position);
    }
    return this.buf.subarray(position, position + length);
  }
  async close(): Promise<void> {
    // nothing to release
  }
}

export class FileSource implements RandomAccessSource {
  private constructor(
    private readonly fd: number,
    readonly size: number,
  ) {}

  static async open(path: string | Buffer): Promise<FileSource> {
    // O_NONBLOCK: a FIFO or device swapped in after the walk cannot block the open; a special
    // file is refused, since the walk only hands over regular files.
    const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const st = fstatSync(fd);
      if (!st.isFile()) throw new FormatError('io', 'not a regular file (changed since the folder was listed)');
      return new FileSource(fd, st.size);
    } catch (e) {
      closeSync(fd);
      throw e;
    }
  }

  async read(position: number, length: number): Promise<Buffer> {
    return this.fill(Buffer.allocUnsafe(Math.max(0, length)), position, length);
  }

  async readInto(position: number, length: number, out: Buffer): Promise<Buffer> {
    return this.fill(out.subarray(0, Math.max(0, length)), position, length);
  }

  async readTemp(position: number, length: number): Promise<Buffer> {
    if (length > TEMP_MAX) return this.read(position, length);
    if (length > 0 && tempBuf.length < length) tempBuf = Buffer.allocUnsafe(Math.min(TEMP_MAX, Math.max(length, 2 * tempBuf.length)));
    return this.fill(tempBuf.subarray(0, Math.max(0, length)), position, length);
  }

  /**
   * Fills `out` with exactly `length` bytes at `position`. Synchronous reads: the scan is
   * CPU-bound and runs one file per thread, so a blocking read costs nothing, while an async
   * read waits for a libuv pool thread on every call.
   */
  private fill(out: Buffer, position: number, length: number): Buffer {
    if (position < 0 || length < 0 || position + length > this.size) {
      throw new FormatError('io', `read of ${length} bytes at ${position} past the end (${this.size} bytes)`, position);
    }
    let done = 0;
    while (done < length) {
      const bytesRead = readSync(this.fd, out, done, length - done, position + done);
      if (bytesRead === 0) throw new FormatError('io', `unexpected end of file reading ${length} bytes at ${position}`, position + done);
      done += bytesRead;
    }
    return out;
  }

  async close(): Promise<void> {
    closeSync(this.fd);
  }
}

/** The thread's shared temporary read buffer (see RandomAccessSource.readTemp). */
const TEMP_MAX = 16 << 20;
let tempBuf = Buffer.alloc(0);
