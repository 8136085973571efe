/**
 * The xz (`xz-decompress`, WebAssembly), bzip2 (`seek-bzip`, pure JS) and zstd (`fzstd`, pure JS;
 * Node 20's zlib has no zstd) codecs, loaded only when needed (dynamic import). Two uses: OTA
 * payload operations, whose calls must produce exactly `expected` bytes; and files or entries
 * compressed so, or with gzip (zlib), LZ4 (ours, lz4.ts) or LZMA-alone (ours, lzma.ts)
 * (compressionOf, decompressCapped), whose size nobody declares: output stops at a cap.
 */
import { constants as zlibConstants, gunzipSync, inflateSync } from 'node:zlib';
import { FormatError } from './errors.js';
import { decodeLzma, isLzma, LZMA_SNIFF_BYTES, mayStartLzma, plausibleLzmaHeader, readLzmaHeader } from './lzma.js';

interface XzModule {
  XzReadableStream: new (s: ReadableStream<Uint8Array>) => ReadableStream<Uint8Array>;
}
interface ZstdModule {
  decompress(data: Uint8Array, out?: Uint8Array): Uint8Array;
}

let xz: Promise<XzModule> | undefined;
let zstd: Promise<ZstdModule> | undefined;

function pick<T>(m: unknown, key: string): T {
  const mod = m as Record<string, unknown>;
  if (mod && key in mod) return mod as T;
  const d = mod?.default as Record<string, unknown> | undefined;
  if (d && key in d) return d as T;
  throw new Error(`codec module lacks ${key}`);
}

function check(format: string, got: number, expected: number): void {
  if (got !== expected) throw new FormatError('payload', `${format} data decompressed to ${got} bytes, expected ${expected}`);
}

export async function decompressXz(data: Buffer, expected: number): Promise<Buffer> {
  let out: Buffer;
  try {
    out = await xzCapped(data, expected);
  } catch (e) {
    if (e instanceof PastCap) throw new FormatError('payload', `xz data decompresses to more than the expected ${expected} bytes`);
    throw new FormatError('payload', (e as FormatError).reason ?? String(e));
  }
  check('xz', out.length, expected);
  return out;
}

export async function decompressBzip2(data: Buffer, expected: number): Promise<Buffer> {
  let out: Buffer;
  try {
    out = await bzip2Capped(data, expected, expected);
  } catch (e) {
    if (e instanceof PastCap) throw new FormatError('payload', `bzip2 data decompresses to more than the expected ${expected} bytes`);
    throw new FormatError('payload', (e as FormatError).reason ?? String(e));
  }
  check('bzip2', out.length, expected);
  return out;
}

export async function decompressZstd(data: Buffer, expected: number): Promise<Buffer> {
  zstd ??= import('fzstd').then((m) => pick<ZstdModule>(m, 'decompress'));
  const mod = await zstd;
  let out: Uint8Array;
  try {
    out = mod.decompress(data);
  } catch (e) {
    throw new FormatError('payload', `corrupt zstd data: ${(e as Error).message ?? String(e)}`);
  }
  check('zstd', out.length, expected);
  return Buffer.from(out.buffer, out.byteOffset, out.length);
}

// --- compressed files met while scanning (not OTA operations): sizes unknown, output capped ---

/** The compressions of files and entries whose contents are scanned. */
export type Compression = 'gzip' | 'xz' | 'bzip2' | 'zstd' | 'lz4' | 'lzma';

/**
 * Thrown when data decompresses to more than the cap, or a zstd frame needs a window larger than
 * it: what was decompressed is dropped, and the file is not scanned as decompressed.
 */
export class PastCap extends Error {
  constructor(
    message: string,
    /**
     * `output`: more bytes than the cap; `window`: a zstd frame needs more memory than allowed;
     * `work`: more decoding work than the output it could give justifies (tiny bzip2 blocks,
     * zstd frames of many blocks and a large window).
     */
    readonly what: 'output' | 'window' | 'work' = 'output',
  ) {
    super(message);
  }
}

const XZ_MAGIC = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]);
const ZSTD_MAGIC = 0xfd2fb528;
/** LZ4's frame format (the `lz4` tool's), and its legacy format (`lz4 -l`, the kernel's ramdisks). */
const LZ4_FRAME_MAGIC = 0x184d2204;
const LZ4_LEGACY_MAGIC = 0x184c2102;
/** What one legacy block decodes to at most (LZ4_LEGACY_BLOCK in lz4io.c). */
const LZ4_LEGACY_BLOCK = 8 << 20;
/** Skippable frames: 0x184D2A50-0x184D2A5F (pzstd writes one before each of its frames). */
const isSkippable = (magic: number): boolean => magic >>> 4 === 0x184d2a5;

/** True when `header` (at least 8 bytes) starts a skippable frame of zstd or LZ4. */
export function isSkippableFrame(header: Buffer): boolean {
  return header.length >= 8 && isSkippable(header.readUInt32LE(0));
}

/** True when the first 4 bytes may start one of the Compressions (compressionOf needs up to 18, or sniffLength). */
export function mayBeCompressed(head: Buffer): boolean {
  if (head.length < 4) return false;
  const m = head.readUInt32LE(0);
  return (head[0] === 0x1f && head[1] === 0x8b) || m === ZSTD_MAGIC || isSkippable(m) || m === LZ4_FRAME_MAGIC || m === LZ4_LEGACY_MAGIC || m === 0x587a37fd || (head[0] === 0x42 && head[1] === 0x5a && head[2] === 0x68) || mayStartLzma(head);
}

/**
 * How many of the first bytes compressionOf needs, given the first 18: more when they may start
 * LZMA-alone data, which has no magic and is told by decoding its start (isLzma).
 */
export function sniffLength(head: Buffer): number {
  return plausibleLzmaHeader(head) ? LZMA_SNIFF_BYTES : 18;
}

/**
 * The compression `buf` starts with, by its magic: a gzip member; xz's stream header; bzip2's `BZh1`-`BZh9`
 * followed by a block or end-of-stream magic (so that text starting `BZh9` is not taken for it);
 * a zstd or LZ4 frame (or an LZ4 legacy one), possibly after skippable frames (the two
 * formats share them); LZMA-alone data, by a plausible header and its first bytes decoding
 * (isLzma: give it sniffLength bytes). Undefined otherwise.
 */
export function compressionOf(buf: Buffer): Compression | undefined {
  // A gzip member (deflate) is at least 18 bytes: header and trailer.
  if (buf.length >= 18 && buf[0] === 0x1f && buf[1] === 0x8b && buf[2] === 8) return 'gzip';
  if (buf.length >= 12 && buf.subarray(0, 6).equals(XZ_MAGIC)) return 'xz';
  if (buf.length >= 14 && buf[0] === 0x42 && buf[1] === 0x5a && buf[2] === 0x68 && buf[3] >= 0x31 && buf[3] <= 0x39) {
    const m = buf.readUIntBE(4, 6);
    if (m === 0x314159265359 || m === 0x177245385090) return 'bzip2';
  }
  if (isLzma(buf)) return 'lzma';
  let at = 0;
  while (at + 8 <= buf.length && isSkippable(buf.readUInt32LE(at))) at += 8 + buf.readUInt32LE(at + 4);
  if (at + 4 > buf.length) return undefined;
  const magic = buf.readUInt32LE(at);
  if (magic === ZSTD_MAGIC) return 'zstd';
  // An LZ4 frame's descriptor says version 01; a legacy frame's first block is no larger than a
  // block can be compressed to.
  if (magic === LZ4_FRAME_MAGIC && (at + 5 > buf.length || buf[at + 4] >> 6 === 1)) return 'lz4';
  if (magic === LZ4_LEGACY_MAGIC && (at + 8 > buf.length || buf.readUInt32LE(at + 4) <= lz4Bound(LZ4_LEGACY_BLOCK))) return 'lz4';
  return undefined;
}

/**
 * Decompresses a whole gzip, xz, bzip2, zstd, LZ4 or LZMA file (every member, stream or frame,
 * concatenated), to at most `cap` bytes: PastCap past it, FormatError (its format) when the data does
 * not decompress. Memory is bounded: the xz decoder refuses dictionaries over its own limit,
 * bzip2 blocks are at most 900 kB, and every zstd frame's window is checked against `windowCap`
 * (a memory bound, not an output one: a 50-byte file streamed through `zstd` or `pzstd` declares
 * a 2 MiB window) before the decoder allocates it; LZMA decodes into its output, whatever its
 * dictionary. Decoding work is bounded by `workBasis` (workBound): PastCap `work` past it.
 */
export async function decompressCapped(kind: Compression, data: Buffer, cap: number, windowCap = cap, workBasis = cap, meter: DecodeMeter = { produced: 0 }): Promise<Buffer> {
  if (kind === 'gzip') return gunzipCapped(data, cap, meter);
  if (kind === 'xz') return xzCapped(data, cap, meter);
  if (kind === 'bzip2') return bzip2Capped(data, cap, workBasis, meter);
  if (kind === 'lz4') return lz4Capped(data, cap, workBasis, meter);
  if (kind === 'lzma') return lzmaCapped(data, cap, meter);
  return zstdCapped(data, cap, windowCap, workBasis, meter);
}

/**
 * How many bytes a decoding gave, also when it failed (set as it goes, or on failure): what a
 * refused or corrupt file cost, for the caller to charge. zlib does not say how far a gzip member
 * got before its error: see gunzippedBefore.
 */
export interface DecodeMeter {
  produced: number;
  /**
   * The decoding work done, in bytes of output it stands for (its work divided by what a byte of
   * output may cost under workBound): more than `produced` when the data was made to cost more
   * than it gives (many tiny blocks, a large zstd window moved per block). 0 for gzip and xz,
   * whose work follows their output.
   */
  work?: number;
}

/** The most deflate gives a byte of its input (258-byte matches in 2 bits, and a little). */
const DEFLATE_MAX_RATIO = 1032;

/**
 * How much a gzip file that failed gave before its fault: decoded again flushing what it has, which
 * tells for truncated data; for data that is corrupt before its end, deflate's bound (1032 bytes
 * a byte of input) stands in, which the caller caps at what the file may give.
 */
function gunzippedBefore(data: Buffer, cap: number): number {
  try {
    return gunzipSync(data, { maxOutputLength: Math.max(1, cap), finishFlush: zlibConstants.Z_SYNC_FLUSH }).length;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? cap : DEFLATE_MAX_RATIO * data.length;
  }
}

/**
 * The decoding work a decoding may cost, from `basis` (the most it may give: the per-entry cap, or
 * what is left of the file's budget; where the latter decides a refusal, the caller makes it the
 * budget's, which the slices of a shared image learn of): `perOutputByte` times it and a fixed
 * allowance.
 */
function workBound(basis: number, perOutputByte: number, fixed: number): number {
  return perOutputByte * basis + fixed;
}

/** Work a byte of output may cost (workBound): bzip2's block buffers, zstd's window moves, LZ4's blocks. */
const BZIP2_WORK_PER_BYTE = 8;
const ZSTD_WORK_PER_BYTE = 256;
const LZ4_WORK_PER_BYTE = 4;
/** What a bzip2 block is charged to the budget besides its output (DecodeMeter.work). */
const BZIP2_BLOCK_CHARGE = 64 << 10;

/** What one block or frame costs besides its bytes (allocations, calls): a crafted file of tiny ones is bounded by it. */
const PER_UNIT_WORK = 4096;

/** gzip members by Node's zlib, which stops at `cap` (maxOutputLength). */
/**
 * A zlib header (RFC 1950): deflate, a window of at most 32 KiB, no preset dictionary, and the
 * check bits. Java's Deflater and DeflaterOutputStream write one (read back by
 * InflaterInputStream). Two bytes hold in about 1 of 8,000 files of random bytes: inflateZlib
 * decides.
 */
export function isZlibHeader(buf: Buffer): boolean {
  return buf.length >= 8 && (buf[0] & 0x0f) === 8 && buf[0] >> 4 <= 7 && (buf[1] & 0x20) === 0 && ((buf[0] << 8) | buf[1]) % 31 === 0;
}

/**
 * The data of a zlib stream that inflates whole with its Adler-32, to at most `cap` bytes;
 * 'past-cap' past it; undefined when it is no zlib stream (data that merely starts with a valid
 * header fails within a few bytes).
 */
export function inflateZlib(buf: Buffer, cap: number): Buffer | 'past-cap' | undefined {
  try {
    return inflateSync(buf, { maxOutputLength: Math.max(1, cap) });
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'past-cap' : undefined;
  }
}

function gunzipCapped(data: Buffer, cap: number, meter: DecodeMeter): Buffer {
  try {
    const out = gunzipSync(data, { maxOutputLength: Math.max(1, cap) });
    meter.produced = out.length;
    return out;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      meter.produced = cap;
      throw new PastCap(`decompresses to more than ${cap} bytes`);
    }
    // Under the cap (past it, zlib would have said so first), so not depending on the cap given.
    meter.produced = gunzippedBefore(data, cap);
    throw new FormatError('gzip', (e as Error).message);
  }
}

/** xz-embedded's return codes (xz.h), as what they mean for a file. */
const XZ_ERRORS: Record<string, string> = {
  '2': 'xz data with an integrity check the decoder does not support (xz -C sha256)',
  '3': 'xz data the decoder ran out of memory for',
  '4': 'xz data whose dictionary is larger than the decoder allows',
  '5': 'corrupt xz data: not an xz stream',
  '6': 'xz data with a filter or integrity check the decoder does not support (a BCJ filter such as xz --x86 or --arm, --delta, or -C sha256)',
  '7': 'corrupt xz data: a check or size does not match',
  '8': 'corrupt xz data: truncated',
};

async function xzCapped(data: Buffer, cap: number, meter: DecodeMeter = { produced: 0 }): Promise<Buffer> {
  xz ??= import('xz-decompress').then((m) => pick<XzModule>(m, 'XzReadableStream'));
  const { XzReadableStream } = await xz;
  // The data as one chunk, not copied (a Blob would copy it).
  const input = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new Uint8Array(data.buffer, data.byteOffset, data.length));
      controller.close();
    },
  });
  const reader = new XzReadableStream(input).getReader();
  const chunks: Uint8Array[] = [];
  let n = 0;
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) break;
      n += value.length;
      meter.produced = Math.min(n, cap);
      if (n > cap) {
        await reader.cancel();
        throw new PastCap(`decompresses to more than ${cap} bytes`);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof PastCap) throw e;
    const message = (e as Error).message ?? String(e);
    const code = / error code (\d+)$/.exec(message)?.[1];
    throw new FormatError('xz', (code !== undefined ? XZ_ERRORS[code] : undefined) ?? `corrupt or unsupported xz data: ${message}`);
  }
  return Buffer.concat(chunks, n);
}

/**
 * Decoded bytes, to at most `cap`: copied into 1 MiB pieces, so that a file of millions of tiny
 * blocks or frames costs its output, not an object per block. A byte at a time (seek-bzip's
 * output stream) or a block at a time.
 */
class CappedBytes {
  readonly pieces: Buffer[] = [];
  private piece = Buffer.allocUnsafe(1 << 20);
  private at = 0;
  total = 0;
  /** `meter.produced` follows `total` (after `settle` for writeByte), and is the cap once the cap is passed. */
  constructor(
    private readonly cap: number,
    private readonly meter: DecodeMeter = { produced: 0 },
  ) {}
  write(bytes: Uint8Array): void {
    if (this.total + bytes.length > this.cap) {
      this.meter.produced = this.cap;
      throw new PastCap(`decompresses to more than ${this.cap} bytes`);
    }
    let from = 0;
    while (from < bytes.length) {
      if (this.at === this.piece.length) this.nextPiece();
      const n = Math.min(bytes.length - from, this.piece.length - this.at);
      this.piece.set(bytes.subarray(from, from + n), this.at);
      this.at += n;
      from += n;
    }
    this.total += bytes.length;
    this.meter.produced = this.total;
  }
  writeByte(b: number): void {
    if (this.total === this.cap) {
      this.meter.produced = this.cap;
      throw new PastCap(`decompresses to more than ${this.cap} bytes`);
    }
    if (this.at === this.piece.length) this.nextPiece();
    this.piece[this.at++] = b;
    this.total++;
  }
  /** After writeByte calls (a byte at a time, not counted as they go). */
  settle(): void {
    if (this.meter.produced < this.total) this.meter.produced = this.total;
  }
  bytes(): Buffer {
    return Buffer.concat([...this.pieces, this.piece.subarray(0, this.at)], this.total);
  }
  private nextPiece(): void {
    this.pieces.push(this.piece);
    this.piece = Buffer.allocUnsafe(1 << 20);
    this.at = 0;
  }
}

/** seek-bzip's decoder class (its module's export), driven a block at a time by bzip2Capped. */
interface Bunzip {
  _init_block(): boolean;
  _read_bunzip(): void;
  _start_bunzip(input: BzInput, output: CappedBytes): void;
  reader: { read(bits: number): number };
  streamCRC: number;
  dbufSize: number;
}
type BunzipClass = new (input: BzInput, output: CappedBytes) => Bunzip;
let bunzip: Promise<BunzipClass> | undefined;

/** seek-bzip's input stream over a buffer, as its own (a byte past the end reads as undefined). */
class BzInput {
  pos = 0;
  constructor(private readonly data: Buffer) {}
  readByte(): number {
    return this.data[this.pos++];
  }
  read(buf: Buffer, offset: number, length: number): number {
    let n = 0;
    while (n < length) {
      if (this.pos >= this.data.length) return n === 0 ? -1 : n;
      buf[offset++] = this.data[this.pos++];
      n++;
    }
    return n;
  }
  seek(pos: number): void {
    this.pos = pos;
  }
  eof(): boolean {
    return this.pos >= this.data.length;
  }
}

/**
 * bzip2 streams and blocks to at most `cap` bytes. seek-bzip allocates a block's whole buffer
 * (4 bytes per byte of its block size, 3.6 MB at -9) for every block, however little it holds:
 * a file of many tiny blocks or streams costs that per block, so the blocks' buffers are counted
 * against a work bound (PastCap `work`), as a real block of that size would be expected to give
 * about as many bytes. Zeros after the last stream are padding; other bytes there are not read
 * past (bzip2 -d warns and ignores them), so they make the data corrupt: a stream after them
 * would be hidden.
 */
async function bzip2Capped(data: Buffer, cap: number, workBasis: number, meter: DecodeMeter = { produced: 0 }): Promise<Buffer> {
  bunzip ??= import('seek-bzip').then((m) => (m as unknown as { default?: BunzipClass }).default ?? (m as unknown as BunzipClass));
  const Bunzip = await bunzip;
  const out = new CappedBytes(cap, meter);
  const input = new BzInput(data);
  const workCap = workBound(workBasis, BZIP2_WORK_PER_BYTE, 64 << 20);
  let work = 0;
  // seek-bzip allocates with the deprecated `new Buffer()`; once bundled it is no longer under
  // node_modules, so Node would print DEP0005 to the user. Decoding is synchronous: deprecation
  // warnings are silenced for its duration only.
  const quiet = process.noDeprecation;
  process.noDeprecation = true;
  try {
    const bz = new Bunzip(input, out);
    while (!input.eof()) {
      if (bz._init_block()) {
        work += 4 * bz.dbufSize;
        // Charged as time, not memory: a block buffer (zeroed, then dropped) costs less than
        // decoding 64 KiB does (~0.85 ms against ~6 ms here), and a JAR of many tiny bzip2 files
        // (40 bytes each at least, 80 KiB of budget) never spends its budget on them.
        meter.work = (meter.work ?? 0) + BZIP2_BLOCK_CHARGE;
        if (work > workCap) throw new PastCap(`has more blocks than their output could justify (${work} bytes of block buffers)`, 'work');
        bz._read_bunzip();
        continue;
      }
      const crc = bz.reader.read(32) >>> 0;
      if (crc !== bz.streamCRC) throw new Error(`bad stream CRC (got ${bz.streamCRC.toString(16)}, expected ${crc.toString(16)})`);
      if (input.eof()) break;
      const next = input.pos;
      if (data.subarray(next).every((b) => b === 0)) break; // zero padding
      try {
        bz._start_bunzip(input, out);
      } catch {
        // bzip2 -d warns and ignores such bytes; a stream after them would then be hidden.
        throw new Error(`bytes after the last stream that are not a bzip2 stream, at offset ${next}`);
      }
    }
  } catch (e) {
    if (e instanceof PastCap) throw e;
    throw new FormatError('bzip2', `corrupt bzip2 data: ${(e as Error).message ?? String(e)}`);
  } finally {
    process.noDeprecation = quiet;
    out.settle();
  }
  return out.bytes();
}

interface ZstdStream {
  push(chunk: Uint8Array, final?: boolean): void;
}
let zstdStream: Promise<new (ondata: (data: Uint8Array, final: boolean) => void) => ZstdStream> | undefined;

/** One zstd frame of a file: where it is, what its header declares, its block count. */
interface ZstdFrame {
  start: number;
  end: number;
  window: number;
  content: number | undefined;
  blocks: number;
}

/**
 * Walks the frames of zstd data without decoding them (headers and block sizes, RFC 8878): the
 * zstd frames (skippable ones left out), one at a time (a file may hold millions). FormatError for a broken layout or a frame that needs a
 * dictionary (not carried by the file); PastCap for a frame whose window is over `windowCap`
 * (fzstd allocates the window a header asks for, up to 2 GiB) or whose declared content size is
 * over `cap`.
 */
export function* zstdFrames(data: Buffer, cap: number, windowCap = cap): Generator<ZstdFrame> {
  const bad = (why: string, at: number): FormatError => new FormatError('zstd', `${why}, at offset ${at}`);
  let frames = 0;
  let at = 0;
  while (at < data.length) {
    if (at + 8 > data.length) throw bad('truncated frame header', at);
    const magic = data.readUInt32LE(at);
    if (isSkippable(magic)) {
      at += 8 + data.readUInt32LE(at + 4);
      if (at > data.length) throw bad('truncated skippable frame', data.length);
      continue;
    }
    if (magic !== ZSTD_MAGIC) throw bad(frames ? 'bytes that are not a zstd frame after the last frame' : 'no zstd frame', at);
    const fhd = data[at + 4];
    if (fhd & 8) throw bad('a reserved frame header bit set', at + 4);
    const single = (fhd >> 5) & 1;
    const dictBytes = [0, 1, 2, 4][fhd & 3];
    const fcsBytes = [single, 2, 4, 8][fhd >> 6];
    let p = at + 5;
    if (p + (single ? 0 : 1) + dictBytes + fcsBytes > data.length) throw bad('truncated frame header', at);
    let window = 0;
    if (!single) {
      const wd = data[p++];
      const base = 2 ** (10 + (wd >> 3));
      window = base + (base / 8) * (wd & 7);
    }
    const dictId = dictBytes ? data.readUIntLE(p, dictBytes) : 0;
    p += dictBytes;
    if (dictId !== 0) throw bad(`a frame compressed with dictionary ${dictId}, which the file does not carry`, at);
    let content: number | undefined;
    if (fcsBytes) {
      content = fcsBytes === 8 ? Number(data.readBigUInt64LE(p)) : data.readUIntLE(p, fcsBytes) + (fcsBytes === 2 ? 256 : 0);
      p += fcsBytes;
    }
    if (single) window = content ?? 0;
    if (window > windowCap) throw new PastCap(`has a frame whose window is ${window} bytes, more than ${windowCap}`, 'window');
    if (content !== undefined && content > cap) throw new PastCap(`has a frame of ${content} bytes, more than ${cap}`);
    let blocks = 0;
    for (;;) {
      if (p + 3 > data.length) throw bad('truncated block', p);
      const h = data.readUIntLE(p, 3);
      const type = (h >> 1) & 3;
      if (type === 3) throw bad('a block of the reserved type', p);
      p += 3 + (type === 1 ? 1 : h >>> 3);
      blocks++;
      if (p > data.length) throw bad('truncated block', data.length);
      if (h & 1) break;
    }
    if ((fhd >> 2) & 1) p += 4;
    if (p > data.length) throw bad('truncated checksum', data.length);
    frames++;
    yield { start: at, end: p, window, content, blocks };
    at = p;
  }
  if (frames === 0) throw bad('no zstd frame', 0);
}

/**
 * zstd frames to at most `cap` bytes, one frame at a time (fzstd's stream recurses once per
 * frame). fzstd moves its whole window once per block, so a frame costs its blocks times its
 * window, and each frame and block a fixed amount: that is bounded too (PastCap `work`, 256
 * bytes a byte of the cap: zstd -19's block splitter writes up to 3 times as many blocks as
 * 128 KiB ones would need, so an 8 MiB window moves ~192 bytes a byte of output). A frame that
 * gives other than the size its header declares is corrupt.
 */
async function zstdCapped(data: Buffer, cap: number, windowCap: number, workBasis: number, meter: DecodeMeter): Promise<Buffer> {
  // Walked once to bound the work before anything is decoded, then again to decode.
  // zstd -19 (an 8 MiB window) writes up to 3 times as many blocks as 128 KiB ones would need:
  // 192 bytes of window moved per byte of output, under 256.
  const workCap = workBound(workBasis, ZSTD_WORK_PER_BYTE, 1 << 30);
  let work = 0;
  for (const f of zstdFrames(data, cap, windowCap)) {
    work += PER_UNIT_WORK + f.blocks * (f.window + 12 + PER_UNIT_WORK);
    meter.work = work / ZSTD_WORK_PER_BYTE;
    if (work > workCap) throw new PastCap(`has frames whose blocks times window (${work} bytes) are more than their output could justify`, 'work');
  }
  zstdStream ??= import('fzstd').then((m) => pick<{ Decompress: new (ondata: (data: Uint8Array, final: boolean) => void) => ZstdStream }>(m, 'Decompress').Decompress);
  const Decompress = await zstdStream;
  const out = new CappedBytes(cap, meter);
  try {
    for (const f of zstdFrames(data, cap, windowCap)) {
      const before = out.total;
      const stream = new Decompress((chunk) => out.write(chunk));
      stream.push(data.subarray(f.start, f.end), true);
      if (f.content !== undefined && out.total - before !== f.content) throw new Error(`a frame gave ${out.total - before} bytes where its header declares ${f.content}, at offset ${f.start}`);
    }
  } catch (e) {
    if (e instanceof PastCap) throw e;
    throw new FormatError('zstd', `corrupt zstd data: ${(e as Error).message ?? String(e)}`);
  }
  return out.bytes();
}

/** The most an LZ4 block of `n` bytes compresses to (LZ4_COMPRESSBOUND). */
function lz4Bound(n: number): number {
  return n + Math.floor(n / 255) + 16;
}

/**
 * LZ4 frames (RFC-less, lz4's doc/lz4_Frame_format.md) and legacy frames to at most `cap` bytes:
 * every frame, skippable ones passed over. Blocks are decoded one at a time (at most 4 MiB each,
 * 8 MiB for a legacy block) by the bounded block decoder of EROFS and boot ramdisks. Frames
 * whose blocks refer to earlier ones (`lz4 -BD`) or that need a dictionary are not decoded
 * (FormatError, so the file is unreadable), nor is one whose blocks give other than its declared
 * content size. Checksums are passed over, as the blocks are decoded without them.
 */
async function lz4Capped(data: Buffer, cap: number, workBasis: number, meter: DecodeMeter): Promise<Buffer> {
  const { lz4DecompressBlock } = await import('./lz4.js');
  const bad = (why: string, at: number): FormatError => new FormatError('lz4', `${why}, at offset ${at}`);
  const out = new CappedBytes(cap, meter);
  // Each block costs a call and a copy however little it holds: a bound on their number.
  const workCap = workBound(workBasis, LZ4_WORK_PER_BYTE, 64 << 20);
  let work = 0;
  const put = (b: Uint8Array): void => {
    work += PER_UNIT_WORK + b.length;
    meter.work = work / LZ4_WORK_PER_BYTE;
    if (work > workCap) throw new PastCap(`has more blocks than their output could justify (${work} bytes of work)`, 'work');
    out.write(b);
  };
  /** A block decoded to at most `max` bytes: one more is decoded, so a block that overflows is told from a full one. */
  const decode = (block: Buffer, max: number, at: number): Buffer => {
    const b = lz4DecompressBlock(block, max + 1, 'lz4', true);
    if (b.length > max) throw bad(`a block that decodes to more than ${max} bytes`, at);
    return b;
  };
  const u32 = (at: number): number => {
    if (at + 4 > data.length) throw bad('truncated', data.length);
    return data.readUInt32LE(at);
  };
  let at = 0;
  let frames = 0;
  try {
    while (at < data.length) {
      const magic = u32(at);
      if (isSkippable(magic)) {
        at += 8 + u32(at + 4);
        if (at > data.length) throw bad('truncated skippable frame', data.length);
        continue;
      }
      if (magic === LZ4_LEGACY_MAGIC) {
        frames++;
        at += 4;
        // Blocks until the data ends, another frame starts, or zeros pad the file.
        while (at + 4 <= data.length) {
          const size = data.readUInt32LE(at);
          if (size === 0 || size === LZ4_LEGACY_MAGIC || size === LZ4_FRAME_MAGIC || isSkippable(size)) break;
          if (size > lz4Bound(LZ4_LEGACY_BLOCK)) throw bad(`a legacy block of ${size} bytes, more than a block compresses to`, at);
          at += 4;
          if (at + size > data.length) throw bad(`a legacy block of ${size} bytes runs past the end (truncated)`, at);
          put(decode(data.subarray(at, at + size), LZ4_LEGACY_BLOCK, at));
          at += size;
        }
        if (data.subarray(at).every((b) => b === 0)) at = data.length; // zero padding to the end
        continue;
      }
      if (magic !== LZ4_FRAME_MAGIC) throw bad(frames ? 'bytes that are not an LZ4 frame after the last frame' : 'no LZ4 frame', at);
      frames++;
      const start = at;
      if (at + 7 > data.length) throw bad('truncated frame descriptor', at);
      const flg = data[at + 4];
      const bd = data[at + 5];
      if (flg >> 6 !== 1) throw bad(`frame version ${flg >> 6}, not 1`, at + 4);
      if (flg & 2 || bd & 0x8f) throw bad('reserved frame descriptor bits set', at + 4);
      const blockMax = [0, 0, 0, 0, 64 << 10, 256 << 10, 1 << 20, 4 << 20][(bd >> 4) & 7];
      if (!blockMax) throw bad(`block maximum size code ${(bd >> 4) & 7}`, at + 5);
      if (!(flg & 0x20)) throw bad('a frame of linked blocks (lz4 -BD), which this reader does not decode', start);
      if (flg & 1) throw bad('a frame compressed with a dictionary, which the file does not carry', start);
      at += 6;
      let content: number | undefined;
      if (flg & 8) {
        if (at + 8 > data.length) throw bad('truncated frame descriptor', start);
        content = Number(data.readBigUInt64LE(at));
        at += 8;
        if (content > cap) throw new PastCap(`has a frame of ${content} bytes, more than ${cap}`);
      }
      at += 1; // header checksum
      const before = out.total;
      for (;;) {
        const word = u32(at);
        at += 4;
        if (word === 0) break; // end mark
        const size = word & 0x7fffffff;
        if (size > blockMax) throw bad(`a block of ${size} bytes, more than the frame's ${blockMax}`, at - 4);
        if (at + size > data.length) throw bad(`a block of ${size} bytes runs past the end (truncated)`, at);
        const block = data.subarray(at, at + size);
        put(word >>> 31 ? block : decode(block, blockMax, at));
        at += size + (flg & 0x10 ? 4 : 0);
      }
      if (flg & 4) at += 4; // content checksum
      if (at > data.length) throw bad('truncated checksum', data.length);
      if (content !== undefined && out.total - before !== content) throw bad(`a frame gave ${out.total - before} bytes where its header declares ${content}`, start);
    }
  } catch (e) {
    if (e instanceof PastCap) throw e;
    if (e instanceof FormatError && e.format === 'lz4') throw e;
    throw new FormatError('lz4', `corrupt LZ4 data: ${e instanceof FormatError ? e.reason : ((e as Error).message ?? String(e))}`);
  }
  if (frames === 0) throw bad('no LZ4 frame', 0);
  return out.bytes();
}

/**
 * What an LZMA decoding is charged besides its output (DecodeMeter.work): a stream's fixed cost,
 * and its probability table, filled before a byte is decoded (28 KiB at the usual lc=3, lp=0;
 * 6 MiB at lc=8, lp=4, which the SDK allows: ~4 ms, the time of ~200 KB of output), a byte of
 * table as LZMA_TABLE_RATIO bytes of output.
 */
const LZMA_TABLE_RATIO = 16;

/**
 * LZMA-alone data (one stream: neither xz nor the SDK reads a second) to at most `cap` bytes.
 * Its work follows its output and input (each symbol gives a byte at least, each bit reads a
 * byte at most) but for the probability table, which is charged. A declared size over the cap is
 * refused before decoding; the window is the output, so a declared dictionary costs nothing.
 */
function lzmaCapped(data: Buffer, cap: number, meter: DecodeMeter): Buffer {
  const { lc, lp, size } = readLzmaHeader(data);
  const table = PER_UNIT_WORK + (0x300 << (lc + lp)) / (LZMA_TABLE_RATIO / 2);
  let status: string;
  let out: Buffer;
  try {
    ({ out, status } = decodeLzma(data, cap, false, meter));
  } finally {
    meter.work = meter.produced + table;
  }
  if (status === 'cap') {
    meter.produced = cap;
    throw new PastCap(size !== undefined && size > cap ? `declares ${size} bytes, more than ${cap}` : `decompresses to more than ${cap} bytes`);
  }
  return out;
}
