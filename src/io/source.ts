/**
 * Random-access byte sources. Every container parser reads ranges through this interface, so
 * the same ZIP reader works over a file on disk, an entry inflated into memory, and later an
 * APK stored inside a filesystem image. Every read is exact or fails: a short read is an error.
 */
import { fstatSync, readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { FormatError } from '../formats/errors.js';

export interface RandomAccessSource {
  readonly size: number;
  /** Reads exactly `length` bytes at `position`, or throws FormatError("unexpected end"). */
  read(position: number, length: number): Promise<Buffer>;
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
    private readonly fh: FileHandle,
    readonly size: number,
  ) {}

  static async open(path: string | Buffer): Promise<FileSource> {
    const fh = await open(path, 'r'); // async open: a FIFO or device swapped in cannot block the thread
    try {
      const st = fstatSync(fh.fd);
      return new FileSource(fh, st.size);
    } catch (e) {
      await fh.close();
      throw e;
    }
  }

  async read(position: number, length: number): Promise<Buffer> {
    if (position < 0 || length < 0 || position + length > this.size) {
      throw new FormatError('io', `read of ${length} bytes at ${position} past the end (${this.size} bytes)`, position);
    }
    const out = Buffer.allocUnsafe(length);
    let done = 0;
    // Synchronous reads: the scan is CPU-bound and runs one file per thread, so a blocking read
    // costs nothing, while an async read waits for a libuv pool thread on every call.
    while (done < length) {
      const bytesRead = readSync(this.fh.fd, out, done, length - done, position + done);
      if (bytesRead === 0) throw new FormatError('io', `unexpected end of file reading ${length} bytes at ${position}`, position + done);
      done += bytesRead;
    }
    return out;
  }

  async close(): Promise<void> {
    await this.fh.close();
  }
}
