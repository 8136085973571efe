/**
 * Reading a file of our own folders (cache entries, digest records) that someone else may have
 * planted: only a regular file is read, never through a symlink at its name, never blocking on a
 * FIFO or a device, and never more than a bound.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Open flags: no symlink followed at the name, no wait for a FIFO's writer (where the system has them). */
const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Why readRegularFile did not read a file that is there. */
export class NotReadable extends Error {
  constructor(
    message: string,
    /** The file's size, when it was refused for its size. */
    readonly size?: number,
  ) {
    super(message);
  }
}

/**
 * The whole of the regular file at `path`, at most `maxBytes` of it. Throws the system's error
 * (ENOENT when there is none; ELOOP for a symlink), or NotReadable for anything but a regular
 * file, one larger than `maxBytes`, or one that changed size while it was read.
 */
export function readRegularFile(path: string | Buffer, maxBytes: number): Buffer {
  const fd = openSync(path, FLAGS);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new NotReadable('not a regular file');
    if (st.size > maxBytes) throw new NotReadable(`${st.size} bytes`, st.size);
    const out = Buffer.allocUnsafe(st.size);
    let got = 0;
    while (got < out.length) {
      const n = readSync(fd, out, got, out.length - got, got);
      if (n === 0) break;
      got += n;
    }
    // One byte more than fstat said, or fewer: written to while read.
    if (got < out.length || readSync(fd, Buffer.alloc(1), 0, 1, got) !== 0) throw new NotReadable(`changed size while read (${st.size} bytes, then ${got === out.length ? 'more' : got})`);
    return out;
  } finally {
    closeSync(fd);
  }
}
