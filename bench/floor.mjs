// The floor: the least work any scanner of this build must do. Reads every regular file and
// inflates exactly the ZIP entries activation-gate scans (all but directories and META-INF
// signature files), each whole (a DEX too: every byte of it is scanned, its code's byte arrays
// and what follows its map included), doing nothing else. Plain Node, no dependencies.
// Usage: node bench/floor.mjs DIR [--workers N] [--hash]
// With --hash it is the floor of a warm --cache-dir rescan instead: the SHA-256 of every file's
// bytes (the cache key; 4 MiB reads into one buffer, as src/extract/cache.ts reads), nothing else.
import { openSync, readSync, closeSync, fstatSync, readdirSync, lstatSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { constants, InflateRaw, inflateRawSync } from 'node:zlib';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const CHUNK = 16 * 1024 * 1024;

function listFiles(root) {
  const out = [];
  const stack = [root];
  while (stack.length) {
    const d = stack.pop();
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (e.isFile()) out.push([p, lstatSync(p).size]);
    }
  }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** Up to `len` bytes at `pos` into `b` (less at the end of the file); returns them. */
function fill(fd, b, pos, len) {
  let n = 0;
  while (n < len) {
    const r = readSync(fd, b, n, len - n, pos + n);
    if (r === 0) break;
    n += r;
  }
  return b.subarray(0, n);
}

function readAt(fd, pos, len) {
  return fill(fd, Buffer.allocUnsafe(len), pos, len);
}

// Reused buffers: a new buffer per entry costs its page faults (on Node 24, ~6% of this floor).
let dataBuf = Buffer.allocUnsafeSlow(1 << 20);
let outBuf = Buffer.allocUnsafeSlow(1 << 20);

/** `len` bytes at `pos` into the reused data buffer (valid until the next call). */
function readData(fd, pos, len) {
  if (len > dataBuf.length) dataBuf = Buffer.allocUnsafeSlow(len);
  return fill(fd, dataBuf, pos, len);
}

// The fastest inflate Node offers: one zlib stream, reset per entry, writing into the reused
// output buffer through its native handle, as Node's own inflateRawSync drives it (and as
// src/io/inflate.ts does); inflateRawSync with one output chunk of the declared size where the
// handle does not have that shape.
let engine;
function makeEngine() {
  if (engine === undefined || engine?.stream.destroyed) {
    const stream = new InflateRaw();
    stream.on('error', () => undefined); // a corrupt entry destroys the stream: a new one then
    const handle = stream._handle;
    engine = handle && typeof handle.writeSync === 'function' && stream._writeState?.length >= 2 ? { stream, handle, state: stream._writeState } : null;
  }
  return engine;
}

function inflateSize(data, usize) {
  if (!makeEngine()) {
    try {
      return inflateRawSync(data, { chunkSize: Math.max(64 * 1024, Math.min(usize + 1, 32 << 20)) }).length;
    } catch {
      return 0; // corrupt: nothing scanned
    }
  }
  if (usize + 1 > outBuf.length) outBuf = Buffer.allocUnsafeSlow(usize + 1);
  engine.handle.reset();
  engine.handle.writeSync(constants.Z_FINISH, data, 0, data.length, outBuf, 0, usize + 1);
  if (engine.stream.destroyed) {
    engine = undefined;
    return 0;
  }
  return usize + 1 - engine.state[0];
}

const HASH_CHUNK = 4 << 20;
let hashBuf;

/** The SHA-256 of one file; returns its byte count. */
function hashFile(path) {
  const fd = openSync(path, 'r');
  const h = createHash('sha256');
  hashBuf ??= Buffer.allocUnsafe(HASH_CHUNK);
  let bytes = 0;
  try {
    for (;;) {
      const n = readSync(fd, hashBuf, 0, HASH_CHUNK, null);
      if (n === 0) break;
      h.update(n === HASH_CHUNK ? hashBuf : hashBuf.subarray(0, n));
      bytes += n;
    }
  } finally {
    closeSync(fd);
  }
  h.digest();
  return bytes;
}

function processFile(path) {
  const fd = openSync(path, 'r');
  let bytes = 0;
  try {
    const size = fstatSync(fd).size;
    const head = readAt(fd, 0, Math.min(4, size));
    if (head.length === 4 && head.readUInt32LE(0) === 0x04034b50) {
      const tailLen = Math.min(size, 65557);
      const tail = readAt(fd, size - tailLen, tailLen);
      let e = -1;
      for (let i = tailLen - 22; i >= 0; i--) if (tail.readUInt32LE(i) === 0x06054b50) { e = i; break; }
      if (e < 0) return 0;
      const count = tail.readUInt16LE(e + 10);
      const cdSize = tail.readUInt32LE(e + 12);
      const cdOff = tail.readUInt32LE(e + 16);
      const cd = readAt(fd, cdOff, cdSize);
      let p = 0;
      for (let i = 0; i < count; i++) {
        const method = cd.readUInt16LE(p + 10);
        const csize = cd.readUInt32LE(p + 20);
        const usize = cd.readUInt32LE(p + 24);
        const nameLen = cd.readUInt16LE(p + 28);
        const extra = cd.readUInt16LE(p + 30);
        const comment = cd.readUInt16LE(p + 32);
        const lho = cd.readUInt32LE(p + 42);
        const name = cd.toString('utf8', p + 46, p + 46 + nameLen);
        p += 46 + nameLen + extra + comment;
        if (name.endsWith('/') || /^META-INF\/[^/]+\.(RSA|DSA|EC|SF|MF)$/i.test(name)) continue;
        const lfh = readAt(fd, lho, 30);
        const data = readData(fd, lho + 30 + lfh.readUInt16LE(26) + lfh.readUInt16LE(28), csize);
        bytes += method === 8 ? inflateSize(data, usize) : data.length;
      }
    } else {
      for (let pos = 0; pos < size; pos += CHUNK) bytes += readData(fd, pos, Math.min(CHUNK, size - pos)).length;
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}

if (isMainThread) {
  const dir = process.argv[2];
  const wi = process.argv.indexOf('--workers');
  const workers = wi > 0 ? Number(process.argv[wi + 1]) : 1;
  const hash = process.argv.includes('--hash');
  const one = hash ? hashFile : processFile;
  const files = listFiles(dir);
  const t0 = performance.now();
  let bytes = 0;
  if (workers <= 1) {
    for (const [f] of files) bytes += one(f);
    report();
  } else {
    // Size-balanced split across workers.
    const shards = Array.from({ length: workers }, () => ({ files: [], size: 0 }));
    for (const [f, s] of [...files].sort((a, b) => b[1] - a[1])) {
      const t = shards.reduce((m, x) => (x.size < m.size ? x : m));
      t.files.push(f);
      t.size += s;
    }
    let left = workers;
    for (const s of shards) {
      const w = new Worker(new URL(import.meta.url), { workerData: { files: s.files, hash } });
      w.on('message', (n) => {
        bytes += n;
        if (--left === 0) report();
      });
    }
  }
  function report() {
    const ms = performance.now() - t0;
    console.log(JSON.stringify({ files: files.length, inputBytes: files.reduce((a, [, s]) => a + s, 0), scannedBytes: bytes, ms: Math.round(ms) }));
  }
} else {
  let n = 0;
  for (const f of workerData.files) n += (workerData.hash ? hashFile : processFile)(f);
  parentPort.postMessage(n);
}
