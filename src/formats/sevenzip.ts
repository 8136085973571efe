/**
 * 7z archives (7-Zip's DOC/7zFormat.txt, read as 7-Zip's 7zIn.cpp reads them): the 32-byte
 * signature header (signature, version, the start header's CRC, where the end header is), the end
 * header, plain or packed (kEncodedHeader: itself the output of a folder), its streams (pack
 * streams, folders of coders, substreams: the files of a solid folder) and its files (names,
 * empty streams and files, directories, anti-items, attributes).
 *
 * Folders are decoded by coders of one input and one output each, chained by their bind pairs:
 * Copy, LZMA, LZMA2 (lzma.ts), Deflate (zlib), the BCJ filters x86, ARM, ARMT, ARM64, PPC and
 * SPARC (bcj.ts) and Delta. Any other coder (PPMd, BZip2, Deflate64, BCJ2, AES...) makes its
 * folder unreadable, named
 * (coderProblem). CRCs the archive records are checked: the start header's and end header's, a
 * folder's (decoded whole), a file's.
 *
 * Bounded on hostile input: every count is checked against the header bytes that must hold it
 * before anything is allocated for it; pack streams must lie inside the file; a number past
 * 2^53 is refused; the end header is read only up to `maxHeaderBytes` (a packed one decoded to
 * that much at most, and charged to the caller's budget); a folder is decoded to at most the
 * caller's limit (decodeFolder), the decoded bytes charged first.
 */
import { crc32 } from 'node:zlib';
import { arm64Decode, armDecode, armtDecode, ppcDecode, sparcDecode, x86Decode } from './bcj.js';
import { FormatError } from './errors.js';
import { decodeLzma2, decodeLzmaRaw } from './lzma.js';
import { inflateRawInto } from '../io/inflate.js';
import type { RandomAccessSource } from '../io/source.js';

export const SEVENZIP_SIGNATURE = Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]);
const SIGNATURE_HEADER_BYTES = 32;

/** True when `head` (at least 8 bytes) starts a 7z archive: the signature and major version 0. */
export function isSevenZip(head: Uint8Array): boolean {
  return head.length >= 8 && SEVENZIP_SIGNATURE.equals(head.subarray(0, 6)) && head[6] === 0;
}

const bad = (why: string, offset?: number): FormatError => new FormatError('7z', why, offset);

export interface SevenZipCoder {
  /** The method id, hex (030101 for LZMA). */
  id: string;
  numIn: number;
  numOut: number;
  props: Buffer;
}

export interface SevenZipFolder {
  coders: SevenZipCoder[];
  /** [in-stream index, out-stream index]: the coder input fed by another coder's output. */
  bindPairs: [number, number][];
  /** In-stream indices fed by the folder's pack streams, in order. */
  packedStreams: number[];
  /** The size of each coder output, in order. */
  unpackSizes: number[];
  /** The folder's output (the out stream no bind pair consumes). */
  mainOut: number;
  crc?: number;
  /** Its pack streams: [offset in the file, size]. */
  packs: [number, number][];
}

export interface SevenZipEntry {
  name: string;
  kind: 'file' | 'dir' | 'symlink' | 'anti';
  size: number;
  /** For a file with data: its folder, and where in the folder's output it starts. */
  folder?: number;
  offset?: number;
  crc?: number;
  /** The Windows attributes (with the Unix mode in the high 16 bits when bit 15 is set). */
  attrib?: number;
}

export interface SevenZipArchive {
  entries: SevenZipEntry[];
  folders: SevenZipFolder[];
  /** Byte ranges of the file the archive accounts for (headers, pack streams). */
  covered: [number, number][];
}

/** Counters beyond which 7-Zip itself gives up (7zIn.cpp: k_Scan_NumCoders_MAX and the like). */
const MAX_CODERS = 64;
const MAX_CODER_STREAMS = 64;

/** A cursor over header bytes: every read is checked against the end. */
class Cursor {
  pos = 0;
  constructor(
    readonly buf: Buffer,
    private readonly what: string,
  ) {}
  get left(): number {
    return this.buf.length - this.pos;
  }
  private need(n: number): void {
    if (n > this.buf.length - this.pos) throw bad(`${this.what} is truncated: ${n} bytes needed at ${this.pos} of ${this.buf.length}`);
  }
  byte(): number {
    this.need(1);
    return this.buf[this.pos++];
  }
  /** 7z's NUMBER: the first byte's high bits say how many bytes follow (little-endian). */
  number(): number {
    const first = this.byte();
    let mask = 0x80;
    let value = 0;
    for (let i = 0; i < 8; i++) {
      if ((first & mask) === 0) {
        const high = first & (mask - 1);
        value += high * 2 ** (8 * i);
        if (!Number.isSafeInteger(value)) throw bad(`${this.what} holds a number past 2^53`, this.pos);
        return value;
      }
      value += this.byte() * 2 ** (8 * i);
      mask >>>= 1;
    }
    if (!Number.isSafeInteger(value)) throw bad(`${this.what} holds a number past 2^53`, this.pos);
    return value;
  }
  /** A count of items, each of which takes at least `each` bytes of what is left: more cannot be real. */
  count(what: string, each = 1, left = this.left): number {
    const n = this.number();
    if (n * each > left) throw bad(`${this.what} declares ${n} ${what}, more than its ${left} remaining bytes can hold`);
    return n;
  }
  u32(): number {
    this.need(4);
    const v = this.buf.readUInt32LE(this.pos);
    this.pos += 4;
    return v;
  }
  bytes(n: number): Buffer {
    this.need(n);
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }
  expect(id: number, what: string): void {
    const at = this.pos;
    const got = this.byte();
    if (got !== id) throw bad(`${this.what}: property 0x${got.toString(16)} where ${what} (0x${id.toString(16)}) belongs, at byte ${at}`);
  }
}

// Property ids (7zFormat.txt).
const K_END = 0x00;
const K_HEADER = 0x01;
const K_ARCHIVE_PROPERTIES = 0x02;
const K_ADDITIONAL_STREAMS = 0x03;
const K_MAIN_STREAMS = 0x04;
const K_FILES_INFO = 0x05;
const K_PACK_INFO = 0x06;
const K_UNPACK_INFO = 0x07;
const K_SUBSTREAMS_INFO = 0x08;
const K_SIZE = 0x09;
const K_CRC = 0x0a;
const K_FOLDER = 0x0b;
const K_CODERS_UNPACK_SIZE = 0x0c;
const K_NUM_UNPACK_STREAM = 0x0d;
const K_EMPTY_STREAM = 0x0e;
const K_EMPTY_FILE = 0x0f;
const K_ANTI = 0x10;
const K_NAME = 0x11;
const K_WIN_ATTRIBUTES = 0x15;
const K_ENCODED_HEADER = 0x17;
const K_DUMMY = 0x19;

/** A bit vector of `n` items, most significant bit first. */
function bits(c: Cursor, n: number): boolean[] {
  const b = c.bytes(Math.ceil(n / 8));
  return Array.from({ length: n }, (_, i) => (b[i >> 3] & (0x80 >> (i & 7))) !== 0);
}

/** An "all defined" byte, else a bit vector. */
function defined(c: Cursor, n: number): boolean[] {
  return c.byte() ? new Array<boolean>(n).fill(true) : bits(c, n);
}

function digests(c: Cursor, n: number): (number | undefined)[] {
  const d = defined(c, n);
  return d.map((has) => (has ? c.u32() : undefined));
}

interface StreamsInfo {
  folders: SevenZipFolder[];
  /** Per folder: its substreams' sizes and CRCs. */
  subSizes: number[][];
  subCrcs: (number | undefined)[][];
  covered: [number, number][];
}

/** PackInfo, CodersInfo and SubStreamsInfo (each optional), up to kEnd. */
function readStreamsInfo(c: Cursor, fileSize: number): StreamsInfo {
  let packPos = 0;
  let packSizes: number[] = [];
  let folders: SevenZipFolder[] = [];
  let id = c.byte();
  if (id === K_PACK_INFO) {
    packPos = c.number();
    const n = c.count('pack streams');
    for (;;) {
      const t = c.byte();
      if (t === K_END) break;
      if (t === K_SIZE) packSizes = Array.from({ length: n }, () => c.number());
      else if (t === K_CRC) digests(c, n);
      else throw bad(`pack info: unexpected property 0x${t.toString(16)}`);
    }
    if (packSizes.length !== n) throw bad('pack info without the sizes of its pack streams');
    // All of them lie in the file, used by a folder or not.
    let end = SIGNATURE_HEADER_BYTES + packPos;
    for (const size of packSizes) end += size;
    if (end > fileSize) throw bad(`the pack streams (${n}, ${end - SIGNATURE_HEADER_BYTES - packPos} bytes from ${SIGNATURE_HEADER_BYTES + packPos}) run past the end of the ${fileSize}-byte file (truncated)`);
    id = c.byte();
  }
  if (id === K_UNPACK_INFO) {
    folders = readFolders(c);
    id = c.byte();
  }
  // Each folder takes its pack streams in order, from packPos on (after the signature header).
  const covered: [number, number][] = [];
  let at = SIGNATURE_HEADER_BYTES + packPos;
  let k = 0;
  for (const f of folders) {
    for (let j = 0; j < f.packedStreams.length; j++) {
      if (k >= packSizes.length) throw bad(`the folders use more pack streams than the ${packSizes.length} the archive has`);
      const size = packSizes[k++];
      if (at + size > fileSize) throw bad(`pack stream ${k - 1} (${size} bytes at ${at}) runs past the end of the ${fileSize}-byte file (truncated)`, at);
      f.packs.push([at, size]);
      covered.push([at, at + size]);
      at += size;
    }
  }
  const subSizes = folders.map((f) => [f.unpackSizes[f.mainOut]]);
  const subCrcs: (number | undefined)[][] = folders.map((f) => [f.crc]);
  if (id === K_SUBSTREAMS_INFO) {
    readSubStreams(c, folders, subSizes, subCrcs);
    id = c.byte();
  }
  if (id !== K_END) throw bad(`streams info: unexpected property 0x${id.toString(16)}`);
  return { folders, subSizes, subCrcs, covered };
}

function readFolders(c: Cursor): SevenZipFolder[] {
  c.expect(K_FOLDER, 'the folders');
  const n = c.count('folders', 2);
  if (c.byte() !== 0) throw bad('folders stored outside the header (External), which 7-Zip never writes');
  const folders: SevenZipFolder[] = [];
  for (let i = 0; i < n; i++) folders.push(readFolder(c, i));
  c.expect(K_CODERS_UNPACK_SIZE, 'the coders\' unpack sizes');
  for (const f of folders) for (let j = 0; j < f.unpackSizes.length; j++) f.unpackSizes[j] = c.number();
  for (;;) {
    const t = c.byte();
    if (t === K_END) break;
    if (t === K_CRC) digests(c, n).forEach((d, i) => (folders[i].crc = d));
    else throw bad(`unpack info: unexpected property 0x${t.toString(16)}`);
  }
  return folders;
}

function readFolder(c: Cursor, index: number): SevenZipFolder {
  const numCoders = c.number();
  if (numCoders === 0 || numCoders > MAX_CODERS) throw bad(`folder ${index} has ${numCoders} coders`);
  const coders: SevenZipCoder[] = [];
  let ins = 0;
  let outs = 0;
  for (let j = 0; j < numCoders; j++) {
    const flags = c.byte();
    if (flags & 0xc0) throw bad(`folder ${index}: coder ${j} has reserved flag bits 0x${(flags & 0xc0).toString(16)} (alternative methods)`);
    const id = c.bytes(flags & 0x0f).toString('hex');
    let numIn = 1;
    let numOut = 1;
    if (flags & 0x10) {
      numIn = c.number();
      numOut = c.number();
      if (numIn > MAX_CODER_STREAMS || numOut > MAX_CODER_STREAMS) throw bad(`folder ${index}: coder ${j} has ${numIn} inputs and ${numOut} outputs`);
    }
    const props = flags & 0x20 ? c.bytes(c.count('property bytes')) : Buffer.alloc(0);
    coders.push({ id, numIn, numOut, props });
    ins += numIn;
    outs += numOut;
  }
  if (outs === 0) throw bad(`folder ${index} has no output`);
  const bindPairs: [number, number][] = [];
  for (let j = 0; j < outs - 1; j++) {
    const inIndex = c.number();
    const outIndex = c.number();
    if (inIndex >= ins || outIndex >= outs) throw bad(`folder ${index}: bind pair ${j} names a stream it does not have`);
    bindPairs.push([inIndex, outIndex]);
  }
  if (ins < bindPairs.length + 1) throw bad(`folder ${index} has no input left for a pack stream`);
  const numPacked = ins - bindPairs.length;
  const packedStreams: number[] = [];
  if (numPacked === 1) {
    for (let s = 0; s < ins; s++) {
      if (!bindPairs.some(([i]) => i === s)) {
        packedStreams.push(s);
        break;
      }
    }
    if (packedStreams.length !== 1) throw bad(`folder ${index}: every input is bound, none is a pack stream`);
  } else {
    for (let j = 0; j < numPacked; j++) {
      const s = c.number();
      if (s >= ins) throw bad(`folder ${index}: pack stream ${j} names input ${s}, which it does not have`);
      packedStreams.push(s);
    }
  }
  let mainOut = -1;
  for (let s = 0; s < outs; s++) {
    if (!bindPairs.some(([, o]) => o === s)) {
      mainOut = s;
      break;
    }
  }
  if (mainOut < 0) throw bad(`folder ${index}: every output is bound, none is the folder's`);
  return { coders, bindPairs, packedStreams, unpackSizes: new Array<number>(outs).fill(0), mainOut, packs: [] };
}

function readSubStreams(c: Cursor, folders: SevenZipFolder[], subSizes: number[][], subCrcs: (number | undefined)[][]): void {
  const counts = folders.map(() => 1);
  let t = c.byte();
  if (t === K_NUM_UNPACK_STREAM) {
    // Counts past the header's bytes cannot be real: each substream after a folder's first has a size.
    let total = 0;
    for (let i = 0; i < folders.length; i++) {
      counts[i] = c.number();
      total += counts[i];
      if (total > c.buf.length + folders.length) throw bad(`substreams info declares ${total} files in ${folders.length} folders, more than the header can describe`);
    }
    t = c.byte();
  }
  for (let i = 0; i < folders.length; i++) {
    const total = folders[i].unpackSizes[folders[i].mainOut];
    if (counts[i] === 0) {
      subSizes[i] = [];
      continue;
    }
    const sizes: number[] = [];
    let sum = 0;
    if (counts[i] > 1 && t !== K_SIZE) throw bad(`folder ${i} holds ${counts[i]} files but the archive gives no sizes for them`);
    for (let j = 1; j < counts[i]; j++) {
      const s = c.number();
      sizes.push(s);
      sum += s;
    }
    if (sum > total) throw bad(`the files of folder ${i} add up to ${sum} bytes, more than its ${total}`);
    sizes.push(total - sum);
    subSizes[i] = sizes;
  }
  if (t === K_SIZE) t = c.byte();
  // CRCs: given for every substream whose CRC is not the folder's (a folder of one file with a CRC).
  const crcs: (number | undefined)[][] = folders.map((f, i) => (counts[i] === 1 && f.crc !== undefined ? [f.crc] : new Array<number | undefined>(counts[i]).fill(undefined)));
  const unknown = folders.reduce((n, f, i) => n + (counts[i] === 1 && f.crc !== undefined ? 0 : counts[i]), 0);
  for (;;) {
    if (t === K_END) break;
    if (t === K_CRC) {
      const d = digests(c, unknown);
      let k = 0;
      folders.forEach((f, i) => {
        if (counts[i] === 1 && f.crc !== undefined) return;
        for (let j = 0; j < counts[i]; j++) crcs[i][j] = d[k++];
      });
    } else {
      throw bad(`substreams info: unexpected property 0x${t.toString(16)}`);
    }
    t = c.byte();
  }
  crcs.forEach((x, i) => (subCrcs[i] = x));
}

/** The entries of FilesInfo, given the substreams they take their data from. */
function readFiles(c: Cursor, streams: StreamsInfo | undefined): SevenZipEntry[] {
  // Each file has at least a 2-byte name (its terminator) in any archive 7-Zip writes.
  const n = c.count('files', 2);
  let emptyStream: boolean[] = new Array<boolean>(n).fill(false);
  let emptyFile: boolean[] = [];
  let anti: boolean[] = [];
  let names: string[] | undefined;
  let attribs: (number | undefined)[] = [];
  for (;;) {
    const type = c.byte();
    if (type === K_END) break;
    const size = c.number();
    if (size > c.left) throw bad(`files info: property 0x${type.toString(16)} of ${size} bytes runs past the header`);
    const p = new Cursor(c.bytes(size), `files property 0x${type.toString(16)}`);
    const empties = emptyStream.filter(Boolean).length;
    switch (type) {
      case K_EMPTY_STREAM:
        emptyStream = bits(p, n);
        break;
      case K_EMPTY_FILE:
        emptyFile = bits(p, empties);
        break;
      case K_ANTI:
        anti = bits(p, empties);
        break;
      case K_NAME: {
        if (p.byte() !== 0) throw bad('file names stored outside the header (External)');
        const text = p.bytes(p.left);
        names = [];
        let from = 0;
        for (let i = 0; i + 1 < text.length && names.length < n; i += 2) {
          if (text[i] === 0 && text[i + 1] === 0) {
            names.push(text.toString('utf16le', from, i));
            from = i + 2;
          }
        }
        if (names.length !== n) throw bad(`${names.length} file names for ${n} files`);
        break;
      }
      case K_WIN_ATTRIBUTES: {
        const d = defined(p, n);
        if (p.byte() !== 0) throw bad('attributes stored outside the header (External)');
        attribs = d.map((has) => (has ? p.u32() : undefined));
        break;
      }
      case K_DUMMY:
      default:
        break; // times, start positions, padding: nothing scanned depends on them
    }
  }
  const entries: SevenZipEntry[] = [];
  let folder = 0;
  let sub = 0;
  let offset = 0;
  let emptyIndex = 0;
  const folders = streams?.folders ?? [];
  for (let i = 0; i < n; i++) {
    const name = names?.[i] ?? `file${i}`;
    const attrib = attribs[i];
    const mode = attrib !== undefined && attrib & 0x8000 ? attrib >>> 16 : undefined;
    if (emptyStream[i]) {
      const isFile = emptyFile[emptyIndex] ?? false;
      const isAnti = anti[emptyIndex] ?? false;
      emptyIndex++;
      const dir = !isFile || (attrib !== undefined && (attrib & 0x10) !== 0);
      entries.push({ name, kind: isAnti ? 'anti' : dir ? 'dir' : 'file', size: 0, ...(attrib !== undefined ? { attrib } : {}) });
      continue;
    }
    while (folder < folders.length && sub >= streams!.subSizes[folder].length) {
      folder++;
      sub = 0;
      offset = 0;
    }
    if (folder >= folders.length) throw bad(`file ${JSON.stringify(name)} has data but the archive has no stream left for it`);
    const size = streams!.subSizes[folder][sub];
    const crc = streams!.subCrcs[folder][sub];
    const symlink = mode !== undefined && (mode & 0o170000) === 0o120000;
    entries.push({ name, kind: symlink ? 'symlink' : 'file', size, folder, offset, ...(crc !== undefined ? { crc } : {}), ...(attrib !== undefined ? { attrib } : {}) });
    offset += size;
    sub++;
  }
  return entries;
}

export interface SevenZipOptions {
  /** The most bytes an end header may have, read or decoded (a packed one). */
  maxHeaderBytes: number;
  /** Charged with the bytes a packed header decodes to, before it is decoded (may throw). */
  spend?: (n: number) => void;
}

/** Reads a 7z archive's headers: its entries and folders. FormatError for anything it cannot read. */
export async function openSevenZip(src: RandomAccessSource, opts: SevenZipOptions): Promise<SevenZipArchive> {
  if (src.size < SIGNATURE_HEADER_BYTES) throw bad(`truncated: ${src.size} bytes, fewer than the 32-byte signature header`);
  const sh = await src.read(0, SIGNATURE_HEADER_BYTES);
  if (!isSevenZip(sh)) throw bad('no 7z signature');
  if (crc32(sh.subarray(12, 32)) !== sh.readUInt32LE(8)) throw bad(`the start header's CRC is 0x${sh.readUInt32LE(8).toString(16)}, its bytes give 0x${crc32(sh.subarray(12, 32)).toString(16)}`, 8);
  const nextOffset = Number(sh.readBigUInt64LE(12));
  const nextSize = Number(sh.readBigUInt64LE(20));
  const nextCrc = sh.readUInt32LE(28);
  const covered: [number, number][] = [[0, SIGNATURE_HEADER_BYTES]];
  if (nextSize === 0) return { entries: [], folders: [], covered };
  const at = SIGNATURE_HEADER_BYTES + nextOffset;
  if (!Number.isSafeInteger(at) || at + nextSize > src.size) throw bad(`the end header (${nextSize} bytes at ${at}) runs past the end of the ${src.size}-byte file (truncated)`, 12);
  if (nextSize > opts.maxHeaderBytes) throw bad(`the end header of ${nextSize} bytes is larger than the ${opts.maxHeaderBytes}-byte cap`, at);
  let header = await src.read(at, nextSize);
  covered.push([at, at + nextSize]);
  if (crc32(header) !== nextCrc) throw bad(`the end header's CRC is 0x${nextCrc.toString(16)}, its bytes give 0x${crc32(header).toString(16)}`, at);
  let c = new Cursor(header, 'the header');
  let id = c.byte();
  if (id === K_ENCODED_HEADER) {
    const streams = readStreamsInfo(c, src.size);
    covered.push(...streams.covered);
    if (streams.folders.length === 0) throw bad('a packed header with no folder');
    const f = streams.folders[0];
    const size = f.unpackSizes[f.mainOut];
    const problem = coderProblem(f);
    if (problem) throw bad(`the header is packed with ${problem}`);
    if (size > opts.maxHeaderBytes) throw bad(`the packed header declares ${size} bytes, more than the ${opts.maxHeaderBytes}-byte cap`);
    header = await decodeFolder(src, f, size, opts.spend);
    c = new Cursor(header, 'the packed header');
    id = c.byte();
  }
  if (id !== K_HEADER) throw bad(`the end header starts with property 0x${id.toString(16)}, not a header`, at);
  id = c.byte();
  if (id === K_ARCHIVE_PROPERTIES) {
    for (;;) {
      const t = c.byte();
      if (t === K_END) break;
      c.bytes(c.count('property bytes'));
    }
    id = c.byte();
  }
  if (id === K_ADDITIONAL_STREAMS) {
    covered.push(...readStreamsInfo(c, src.size).covered);
    id = c.byte();
  }
  let streams: StreamsInfo | undefined;
  if (id === K_MAIN_STREAMS) {
    streams = readStreamsInfo(c, src.size);
    covered.push(...streams.covered);
    id = c.byte();
  }
  let entries: SevenZipEntry[] = [];
  if (id === K_FILES_INFO) {
    entries = readFiles(c, streams);
    id = c.byte();
  } else if (streams && streams.folders.length) {
    throw bad('streams but no files info');
  }
  if (id !== K_END) throw bad(`the header: unexpected property 0x${id.toString(16)}`);
  return { entries, folders: streams?.folders ?? [], covered };
}

/** Coders by id: their names, and whether this reader decodes them. */
const CODERS: Record<string, { name: string; filter?: (b: Uint8Array) => void }> = {
  '00': { name: 'Copy' },
  '030101': { name: 'LZMA' },
  '21': { name: 'LZMA2' },
  '03030103': { name: 'BCJ (x86)', filter: x86Decode },
  '03030501': { name: 'ARM', filter: armDecode },
  '03030701': { name: 'ARMT', filter: armtDecode },
  '0a': { name: 'ARM64', filter: arm64Decode },
  '03030205': { name: 'PPC', filter: ppcDecode },
  '03030805': { name: 'SPARC', filter: sparcDecode },
  '040108': { name: 'Deflate' },
  // Its property is the distance less one (1-256), not a start offset: decoded in decodeFolder.
  '03': { name: 'Delta' },
};
const UNSUPPORTED: Record<string, string> = {
  '030401': 'PPMd',
  '040202': 'BZip2',
  '040109': 'Deflate64',
  '0303011b': 'BCJ2',
  '03030401': 'IA64',
  '0b': 'RISCV',
  '06f10701': 'AES-256 encryption',
  '04f71101': 'Zstandard',
  '04f71102': 'Brotli',
  '04f71104': 'LZ4',
  '04f71105': 'LZ5',
  '04f71106': 'Lizard',
};

/** The name of a coder id, for messages. */
export function coderName(id: string): string {
  return CODERS[id]?.name ?? UNSUPPORTED[id] ?? `unknown coder ${id || '(empty id)'}`;
}

/**
 * Why a folder cannot be decoded here (a coder it uses, named), or undefined when it can: a chain
 * of coders of one input and one output each, every one among CODERS.
 */
export function coderProblem(f: SevenZipFolder): string | undefined {
  for (const c of f.coders) {
    if (!CODERS[c.id]) return `coder ${coderName(c.id)} (${c.id || 'empty id'})${c.id === '06f10701' ? ': encrypted, its key is not known' : ''}`;
    if (c.numIn !== 1 || c.numOut !== 1) return `coder ${coderName(c.id)} with ${c.numIn} inputs and ${c.numOut} outputs`;
    // A filter's optional property is a start offset (7-Zip writes none): only 0 is decoded.
    if (CODERS[c.id].filter && c.props.some((b) => b !== 0)) return `filter ${coderName(c.id)} with a start offset (0x${c.props.toString('hex')})`;
    if (c.id === '03' && c.props.length !== 1) return `filter Delta with ${c.props.length} property bytes (one, the distance, is what 7-Zip writes)`;
  }
  if (f.packedStreams.length !== 1) return `a folder of ${f.packedStreams.length} pack streams`;
  return undefined;
}

/**
 * A folder's output, decoded to at most `limit` bytes (its whole output when that is less): the
 * chain from its pack stream through its coders. `spend` is charged with each LZMA or LZMA2
 * coder's output (what it will give, up to the limit) before it is decoded. The folder's CRC is
 * checked when it is decoded whole. FormatError for a coder it cannot decode (coderProblem), data
 * that does not decode, or a size other than the folder declares.
 */
export async function decodeFolder(src: RandomAccessSource, f: SevenZipFolder, limit: number, spend?: (n: number) => void): Promise<Buffer> {
  const problem = coderProblem(f);
  if (problem) throw bad(`unreadable: ${problem}, which this reader does not decode`);
  const total = f.unpackSizes[f.mainOut];
  const want = Math.min(total, limit);
  // Coder j has in-stream j and out-stream j (one of each): follow the chain back from the main output.
  const chain: number[] = [];
  let out = f.mainOut;
  for (;;) {
    if (chain.includes(out) || chain.length > f.coders.length) throw bad('a folder whose coders are bound in a loop');
    chain.push(out);
    const bound = f.bindPairs.find(([i]) => i === out);
    if (!bound) break;
    out = bound[1];
  }
  if (chain[chain.length - 1] !== f.packedStreams[0]) throw bad('a folder whose pack stream does not feed its first coder');
  for (const j of chain) if ((CODERS[f.coders[j].id].filter || f.coders[j].id === '03') && f.unpackSizes[j] !== total) throw bad(`filter ${coderName(f.coders[j].id)} declares ${f.unpackSizes[j]} bytes where the folder gives ${total}`);
  const [packAt, packSize] = f.packs[0];
  // What the first coder needs of its pack stream: all of it, unless output stops early (LZMA
  // never grows data by half: a prefix of twice the output and 1 MiB is more than it reads).
  const first = f.coders[chain[chain.length - 1]];
  const readLen = first.id === '00' ? Math.min(packSize, want) : want < total ? Math.min(packSize, 2 * want + (1 << 20)) : packSize;
  let data: Buffer = await src.read(packAt, readLen);
  for (let k = chain.length - 1; k >= 0; k--) {
    const j = chain[k];
    const coder = f.coders[j];
    const size = f.unpackSizes[j];
    const cap = Math.min(size, limit);
    const filter = CODERS[coder.id].filter;
    if (coder.id === '00') {
      if (data.length < cap) throw bad(`a stored (Copy) stream of ${data.length} bytes where ${size} are declared`);
      data = data.subarray(0, cap);
    } else if (filter || coder.id === '03') {
      // In place, on a copy when the bytes are the file's (a Copy before it).
      if (k === chain.length - 1) data = Buffer.from(data);
      if (filter) filter(data);
      else deltaDecode(data, coder.props[0] + 1);
    } else if (coder.id === '040108') {
      spend?.(cap);
      // One byte past a whole stream's size tells "more than declared" from "exactly".
      const out = Buffer.allocUnsafe(cap < size ? cap : size + 1);
      let n: number;
      try {
        n = inflateRawInto(data, out);
      } catch (e) {
        throw bad(`coder Deflate: ${(e as Error).message}`);
      }
      if (n > size) throw bad(`coder Deflate gives more than the ${size} bytes declared`);
      data = out.subarray(0, Math.min(n, cap));
    } else {
      spend?.(cap);
      const r = coder.id === '21' ? lzma2(coder.props, data, size, cap) : decodeLzmaRaw(coder.props, data, size, cap);
      if (r.status === 'end' && r.out.length !== size) throw bad(`coder ${coderName(coder.id)} gave ${r.out.length} bytes where ${size} are declared`);
      data = r.out;
    }
    if (data.length < Math.min(want, cap)) throw bad(`coder ${coderName(coder.id)} gave ${data.length} bytes where ${size} are declared`);
  }
  if (want === total && f.crc !== undefined && crc32(data) !== f.crc) throw bad(`CRC mismatch: the folder's data gives 0x${crc32(data).toString(16)}, the archive records 0x${f.crc.toString(16)}`);
  return data;
}

/** 7-Zip's Delta filter, decoded in place: each byte plus the one `distance` before it (zeros before the start). */
function deltaDecode(b: Uint8Array, distance: number): void {
  for (let i = distance; i < b.length; i++) b[i] = (b[i] + b[i - distance]) & 0xff;
}

function lzma2(props: Buffer, data: Buffer, size: number, cap: number): { out: Buffer; status: 'end' | 'cap' } {
  if (props.length < 1) throw bad('LZMA2 without its dictionary-size property');
  return decodeLzma2(data, props[0], size, cap);
}

/** True when a folder uses a BCJ filter (its output near a cut is not final: see decodeFolder's callers). */
export function hasFilter(f: SevenZipFolder): boolean {
  return f.coders.some((c) => CODERS[c.id]?.filter !== undefined);
}

/** Checks a file's CRC (when the archive records one): FormatError naming it on a mismatch. */
export function checkEntryCrc(e: SevenZipEntry, data: Uint8Array): void {
  if (e.crc === undefined) return;
  const got = crc32(data);
  if (got !== e.crc) throw bad(`CRC mismatch in ${JSON.stringify(e.name)}: its data gives 0x${got.toString(16).padStart(8, '0')}, the archive records 0x${e.crc.toString(16).padStart(8, '0')}`);
}
