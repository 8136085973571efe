/**
 * DEX string table reader.
 *
 * Header (0x70 bytes, little-endian; `dex-format` / `kaitai executable/dex.ksy`): magic
 * `dex\n0NN\0` (035-041), file_size@0x20, header_size@0x24, endian_tag@0x28,
 * string_ids_size@0x38, string_ids_off@0x3C. A `string_id` is a u32 offset to a
 * `string_data_item`: a uleb128 UTF-16 length, then MUTF-8 bytes, then 0x00.
 *
 * Version 041 files are containers: several headers one after another, each with
 * container_size@0x70 and header_offset@0x74; file_size is the distance to the next header.
 * As in ART (`DexFile::GetSection`: section offsets are relative to the data section, which
 * for a container is the container start), all offsets are taken from the container start.
 *
 * The iteration path allocates nothing per string: the callback receives one reused
 * `DexStringRef`, and MUTF-8 is decoded only when asked (`decodeMutf8`).
 */
import { FormatError } from './errors.js';

const FORMAT = 'dex';
export const DEX_HEADER_SIZE = 0x70;
export const DEX_CONTAINER_HEADER_SIZE = 0x78;
const ENDIAN_CONSTANT = 0x12345678;
const REVERSE_ENDIAN_CONSTANT = 0x78563412;
const MIN_VERSION = 35;
const MAX_VERSION = 41;

/** `dex\n` + three ASCII digits (035-041) + NUL. */
export function isDex(buf: Buffer): boolean {
  if (buf.length < 8) return false;
  if (buf[0] !== 0x64 || buf[1] !== 0x65 || buf[2] !== 0x78 || buf[3] !== 0x0a || buf[7] !== 0) return false;
  const v = dexVersionAt(buf, 0);
  return v >= MIN_VERSION && v <= MAX_VERSION;
}

export function dexVersionAt(buf: Buffer, at: number): number {
  let v = 0;
  for (let i = 4; i < 7; i++) {
    const c = buf[at + i];
    if (c < 0x30 || c > 0x39) return -1;
    v = v * 10 + (c - 0x30);
  }
  return v;
}

export interface DexHeader {
  /** Offset of this header in the buffer (0 except for later dex files in a v41 container). */
  headerOffset: number;
  version: number;
  fileSize: number;
  headerSize: number;
  stringIdsSize: number;
  stringIdsOff: number;
  /** v41 only. */
  containerSize?: number;
}

/** One string_id, valid only during the callback (the object is reused). */
export interface DexStringRef {
  /** Index in its dex file's string_ids. */
  index: number;
  /** Which header (dex file) of the container, 0 for a plain DEX. */
  dexIndex: number;
  /** string_data_off: where the string_data_item (uleb128 length) starts. */
  offset: number;
  /** First MUTF-8 byte. */
  start: number;
  /** The terminating NUL (exclusive end of the MUTF-8 bytes). */
  end: number;
  /** The uleb128 UTF-16 length as declared. */
  utf16Length: number;
}

export interface DexStringStats {
  headers: DexHeader[];
  /** Strings delivered to the callback. */
  strings: number;
  /** string_ids whose data could not be read (bad offset, bad length, no terminator). */
  skipped: number;
  warnings: string[];
  /** True when the callback returned false and iteration stopped early. */
  stopped: boolean;
}

const MAX_WARNINGS = 50;

/**
 * Reads and checks every header of the buffer (one, or several for a v41 container).
 * Throws FormatError for a bad magic, endian tag, header_size, file_size or string_ids range.
 */
export function readDexHeaders(buf: Buffer): DexHeader[] {
  if (buf.length < DEX_HEADER_SIZE) throw new FormatError(FORMAT, `file too short for a DEX header (${buf.length} bytes)`, 0);
  if (!isDex(buf)) throw new FormatError(FORMAT, 'bad DEX magic', 0);
  const first = readHeaderAt(buf, 0, buf.length);
  if (first.version < 41) {
    if (first.fileSize > buf.length) {
      throw new FormatError(FORMAT, `file_size ${first.fileSize} exceeds the ${buf.length}-byte buffer (truncated)`, 0x20);
    }
    checkStringIds(first, first.fileSize);
    return [first];
  }
  // v41 container: loop over the headers until container_size.
  const containerSize = first.containerSize ?? 0;
  if (containerSize > buf.length) {
    throw new FormatError(FORMAT, `container_size ${containerSize} exceeds the ${buf.length}-byte buffer (truncated)`, 0x70);
  }
  const headers: DexHeader[] = [];
  let at = 0;
  while (at < containerSize) {
    const h = at === 0 ? first : readHeaderAt(buf, at, containerSize);
    if (h.version < 41) throw new FormatError(FORMAT, `dex version ${h.version} inside a v41 container`, at + 4);
    if (h.headerOffset !== at) throw new FormatError(FORMAT, `header_offset ${h.headerOffset} does not match its position ${at}`, at + 0x74);
    if (h.containerSize !== containerSize) throw new FormatError(FORMAT, `container_size ${h.containerSize} differs from ${containerSize}`, at + 0x70);
    if (h.fileSize < h.headerSize || at + h.fileSize > containerSize) {
      throw new FormatError(FORMAT, `file_size ${h.fileSize} of the dex at ${at} overflows the container`, at + 0x20);
    }
    checkStringIds(h, containerSize);
    headers.push(h);
    at += h.fileSize;
  }
  return headers;
}

function readHeaderAt(buf: Buffer, at: number, limit: number): DexHeader {
  if (at + DEX_HEADER_SIZE > limit) throw new FormatError(FORMAT, 'DEX header overflows the buffer', at);
  if (buf[at] !== 0x64 || buf[at + 1] !== 0x65 || buf[at + 2] !== 0x78 || buf[at + 3] !== 0x0a || buf[at + 7] !== 0) {
    throw new FormatError(FORMAT, 'bad DEX magic', at);
  }
  const version = dexVersionAt(buf, at);
  if (version < MIN_VERSION || version > MAX_VERSION) throw new FormatError(FORMAT, `unsupported DEX version ${version}`, at + 4);
  const endian = buf.readUInt32LE(at + 0x28);
  if (endian === REVERSE_ENDIAN_CONSTANT) throw new FormatError(FORMAT, 'big-endian DEX is not supported', at + 0x28);
  if (endian !== ENDIAN_CONSTANT) throw new FormatError(FORMAT, `bad endian_tag 0x${endian.toString(16)}`, at + 0x28);
  const headerSize = buf.readUInt32LE(at + 0x24);
  const minHeader = version >= 41 ? DEX_CONTAINER_HEADER_SIZE : DEX_HEADER_SIZE;
  if (headerSize < minHeader || at + headerSize > limit) {
    throw new FormatError(FORMAT, `bad header_size ${headerSize} for version ${version}`, at + 0x24);
  }
  const h: DexHeader = {
    headerOffset: at,
    version,
    fileSize: buf.readUInt32LE(at + 0x20),
    headerSize,
    stringIdsSize: buf.readUInt32LE(at + 0x38),
    stringIdsOff: buf.readUInt32LE(at + 0x3c),
  };
  if (version >= 41) {
    h.containerSize = buf.readUInt32LE(at + 0x70);
    h.headerOffset = buf.readUInt32LE(at + 0x74);
  } else if (h.fileSize < headerSize) {
    throw new FormatError(FORMAT, `file_size ${h.fileSize} is smaller than header_size ${headerSize}`, at + 0x20);
  }
  return h;
}

function checkStringIds(h: DexHeader, limit: number): void {
  if (h.stringIdsSize === 0) return;
  const bytes = h.stringIdsSize * 4;
  if (h.stringIdsOff < h.headerSize || h.stringIdsOff + bytes > limit) {
    throw new FormatError(FORMAT, `string_ids (${h.stringIdsSize} at ${h.stringIdsOff}) overflow the ${limit}-byte file`, h.headerOffset + 0x38);
  }
}

/**
 * The uleb128 length prefix of the string_data_item at `off` (at most 5 bytes, all before
 * `limit`): where the string's MUTF-8 bytes start and the UTF-16 length it declares, or
 * undefined when the prefix does not end in time.
 */
export function stringDataHead(buf: Buffer, off: number, limit: number): { start: number; utf16Length: number } | undefined {
  let p = off;
  let len = 0;
  for (let shift = 0; p < limit && shift < 35; shift += 7) {
    const b = buf[p++];
    len += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return { start: p, utf16Length: len };
  }
  return undefined;
}

/**
 * Calls `cb` for every readable string_id of every dex in the buffer, in index order. The
 * `ref` object is reused between calls; copy what you keep. Return `false` to stop.
 */
export function forEachDexString(buf: Buffer, cb: (ref: DexStringRef) => boolean | void): DexStringStats {
  const headers = readDexHeaders(buf);
  const stats: DexStringStats = { headers, strings: 0, skipped: 0, warnings: [], stopped: false };
  const ref: DexStringRef = { index: 0, dexIndex: 0, offset: 0, start: 0, end: 0, utf16Length: 0 };
  for (let d = 0; d < headers.length; d++) {
    const h = headers[d];
    // String data may live anywhere in the file (v35-40) or the container (v41).
    const limit = h.version >= 41 ? (h.containerSize as number) : h.fileSize;
    ref.dexIndex = d;
    // Everything from `tail` to `limit` is NUL-free, so a search from below `tail` is bounded
    // and one from above is answered at once; (from, found) caches the last search.
    const tail = buf.lastIndexOf(0, limit - 1) + 1;
    let from = -1;
    let found = -1;
    for (let i = 0; i < h.stringIdsSize; i++) {
      const off = buf.readUInt32LE(h.stringIdsOff + 4 * i);
      const head = stringDataHead(buf, off, limit);
      let nul = -1;
      if (head && head.start < tail) {
        const p = head.start;
        if (p >= from && p <= found) nul = found;
        else {
          nul = buf.indexOf(0, p);
          from = p;
          found = nul;
        }
      }
      if (!head || off < h.headerSize || nul < 0 || nul >= limit) {
        stats.skipped++;
        if (stats.warnings.length < MAX_WARNINGS) {
          stats.warnings.push(`dex ${d} string #${i}: ${!head || off < h.headerSize ? `bad string_data_off ${off}` : 'no terminating NUL'}`);
        }
        continue;
      }
      ref.index = i;
      ref.offset = off;
      ref.start = head.start;
      ref.end = nul;
      ref.utf16Length = head.utf16Length;
      stats.strings++;
      if (cb(ref) === false) {
        stats.stopped = true;
        return stats;
      }
    }
  }
  if (stats.skipped > MAX_WARNINGS) stats.warnings.push(`${stats.skipped - MAX_WARNINGS} more unreadable strings`);
  return stats;
}

/** All strings decoded, in order (convenience; allocates, unlike forEachDexString). */
export function readDexStrings(buf: Buffer): { strings: { value: string; offset: number; start: number }[]; stats: DexStringStats } {
  const strings: { value: string; offset: number; start: number }[] = [];
  const stats = forEachDexString(buf, (r) => {
    strings.push({ value: decodeMutf8(buf, r.start, r.end), offset: r.offset, start: r.start });
  });
  return { strings, stats };
}

/**
 * Decodes MUTF-8 bytes `[start, end)`: U+0000 as `C0 80`, supplementary characters as two
 * 3-byte surrogates (which become one JS surrogate pair). Malformed sequences yield U+FFFD.
 */
export function decodeMutf8(buf: Buffer, start: number, end: number): string {
  start = Math.max(0, start);
  end = Math.min(end, buf.length);
  let ascii = true;
  for (let i = start; i < end; i++) {
    if (buf[i] & 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return buf.toString('latin1', start, end);
  const units: number[] = [];
  let out = '';
  let i = start;
  while (i < end) {
    const a = buf[i];
    if (a < 0x80) {
      units.push(a);
      i += 1;
    } else if ((a & 0xe0) === 0xc0 && i + 1 < end && (buf[i + 1] & 0xc0) === 0x80) {
      units.push(((a & 0x1f) << 6) | (buf[i + 1] & 0x3f));
      i += 2;
    } else if ((a & 0xf0) === 0xe0 && i + 2 < end && (buf[i + 1] & 0xc0) === 0x80 && (buf[i + 2] & 0xc0) === 0x80) {
      units.push(((a & 0x0f) << 12) | ((buf[i + 1] & 0x3f) << 6) | (buf[i + 2] & 0x3f));
      i += 3;
    } else {
      units.push(0xfffd);
      i += 1;
    }
    if (units.length >= 8192) {
      out += String.fromCharCode(...units);
      units.length = 0;
    }
  }
  return out + String.fromCharCode(...units);
}
