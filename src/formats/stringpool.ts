/**
 * ResStringPool chunk reader (type 0x0001), shared by binary XML and resources.arsc.
 *
 * Layout (AOSP `ResourceTypes.h`, `ResStringPool_header`): `type u16, headerSize u16, size u32,
 * stringCount@8, styleCount@12, flags@16 (SORTED 0x1, UTF8 0x100), stringsStart@20,
 * stylesStart@24`, then `stringCount` u32 offsets at `chunk + headerSize`, then `styleCount`
 * u32 style offsets. String i lives at `chunk + stringsStart + offset[i]`.
 *
 * Android never fails a whole pool over one bad string: `ResStringPool::stringAt` returns NULL
 * for an out-of-range index, offset or length and for a string without its terminator. This
 * reader does the same and returns `""` for such strings (recording a warning), so a hostile
 * manifest cannot stop the scan. Only a pool whose own header is unreadable, or whose strings
 * overlap far past its string data (see parseStringPool), throws FormatError.
 */
import { FormatError } from './errors.js';

export const RES_STRING_POOL_TYPE = 0x0001;
export const STRING_POOL_HEADER_SIZE = 28;
export const SORTED_FLAG = 0x1;
export const UTF8_FLAG = 0x100;

/** A decoded pool string and the byte offset (inside the parsed buffer) of its character data. */
export interface PoolString {
  value: string;
  /** Offset of the first character byte (after the length prefix); -1 when unreadable. */
  offset: number;
  /** The same string as an earlier index (the same offset), given without decoding it again. */
  repeat?: true;
}

export interface StringPool {
  strings: PoolString[];
  utf8: boolean;
  sorted: boolean;
  /** stringCount as declared in the header (may differ from strings.length). */
  declaredCount: number;
  styleCount: number;
  /** Chunk start and declared chunk size, for callers stepping over the chunk. */
  start: number;
  size: number;
  warnings: string[];
}

const MAX_WARNINGS = 50;

function warn(warnings: string[], message: string): void {
  if (warnings.length < MAX_WARNINGS) warnings.push(message);
  else if (warnings.length === MAX_WARNINGS) warnings.push('further string pool warnings suppressed');
}

/**
 * Parses the string pool chunk at `start`. The chunk must lie inside `[start, limit)`
 * (`limit` defaults to the buffer length); when its declared size overflows the limit, the
 * pool is read up to the limit and a warning is recorded.
 */
export function parseStringPool(buf: Buffer, start: number, limit: number = buf.length, format = 'stringpool'): StringPool {
  limit = Math.min(limit, buf.length);
  if (!Number.isSafeInteger(start) || start < 0 || start + STRING_POOL_HEADER_SIZE > limit) {
    throw new FormatError(format, 'string pool header overflows its bounds', start);
  }
  const type = buf.readUInt16LE(start);
  const headerSize = buf.readUInt16LE(start + 2);
  const size = buf.readUInt32LE(start + 4);
  if (type !== RES_STRING_POOL_TYPE) {
    throw new FormatError(format, `expected a string pool chunk (0x0001), found 0x${type.toString(16).padStart(4, '0')}`, start);
  }
  if (headerSize < STRING_POOL_HEADER_SIZE || headerSize > size) {
    throw new FormatError(format, `bad string pool header size ${headerSize} (chunk size ${size})`, start);
  }
  const warnings: string[] = [];
  let end = start + size;
  if (end > limit) {
    warn(warnings, `string pool declares ${size} bytes but only ${limit - start} are available`);
    end = limit;
  }
  const declaredCount = buf.readUInt32LE(start + 8);
  const styleCount = buf.readUInt32LE(start + 12);
  const flags = buf.readUInt32LE(start + 16);
  const stringsStart = buf.readUInt32LE(start + 20);
  const stylesStart = buf.readUInt32LE(start + 24);
  const utf8 = (flags & UTF8_FLAG) !== 0;
  const indexBase = start + headerSize;

  // How many offsets can really be there. androguard recomputes a wrong stringCount from the
  // start of the string data: (stringsStart - headerSize - 4 * styleCount) / 4.
  let count = declaredCount;
  if (stringsStart !== 0 && declaredCount > 0) {
    const room = Math.floor((stringsStart - headerSize - 4 * Math.min(styleCount, 0x3fffffff)) / 4);
    if (room >= 0 && room < declaredCount) {
      warn(warnings, `stringCount ${declaredCount} does not fit before stringsStart; using ${room}`);
      count = room;
    }
  }
  const fit = Math.max(0, Math.floor((end - indexBase) / 4));
  if (count > fit) {
    warn(warnings, `stringCount ${count} overflows the chunk; reading ${fit}`);
    count = fit;
  }

  // The string data region: from stringsStart up to the styles (when present) or the chunk end.
  const dataStart = start + stringsStart;
  let dataEnd = end;
  if (styleCount > 0 && stylesStart > stringsStart && start + stylesStart <= end) dataEnd = start + stylesStart;
  const dataOk = stringsStart !== 0 && dataStart <= dataEnd;
  if (!dataOk && count > 0) warn(warnings, `stringsStart ${stringsStart} lies outside the chunk`);

  // Every string is decoded whole, and a crafted pool can point many indices at one long string
  // or into it: 6,000 offsets to one string of a million characters made 12 GB of strings out of a
  // 2 KB APK. A well-formed pool's strings take no more bytes than its string data. Past that, an
  // offset seen again gives the string already decoded (`repeat`); past twice that plus 1 MiB,
  // strings overlap as no tool writes them, and the pool is refused (the file is then unreadable,
  // which fails closed) rather than any string in it left out.
  const region = dataOk ? dataEnd - dataStart : 0;
  const cap = 2 * region + (1 << 20);
  let spent = 0;
  let seen: Map<number, PoolString> | undefined;
  const strings: PoolString[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const rel = buf.readUInt32LE(indexBase + 4 * i);
    const at = dataStart + rel;
    const again = seen?.get(at);
    if (again) {
      strings[i] = { value: again.value, offset: again.offset, repeat: true };
      continue;
    }
    const s = dataOk && at < dataEnd ? (utf8 ? locateUtf8At(buf, at, dataEnd) : locateUtf16At(buf, at, dataEnd)) : undefined;
    if (s === undefined) {
      warn(warnings, `string #${i} (offset ${rel}) is unreadable`);
      strings[i] = { value: '', offset: -1 };
      continue;
    }
    spent += s.end - s.offset;
    if (spent > cap) {
      throw new FormatError(format, `the string pool's strings overlap: more than ${cap} bytes of strings in ${region} bytes of string data (at string #${i} of ${count})`, start);
    }
    if (s.truncated) warn(warnings, `string #${i} has a truncated length (real length ${s.end - s.offset} bytes)`);
    const decoded: PoolString = { value: buf.toString(utf8 ? 'utf8' : 'utf16le', s.offset, s.end), offset: s.offset };
    strings[i] = decoded;
    if (seen) seen.set(at, decoded);
    else if (spent > region) seen = new Map([[at, decoded]]);
  }
  return { strings, utf8, sorted: (flags & SORTED_FLAG) !== 0, declaredCount, styleCount, start, size, warnings };
}

/** Where a pool string's characters lie: [offset, end) of the buffer. */
interface Located {
  offset: number;
  end: number;
  truncated: boolean;
}

/**
 * UTF-8 pool string at `at`: UTF-16 length then byte length (1 or 2 bytes each, high bit
 * marks the 2-byte form), the bytes, then 0x00. AAPT wrote byte lengths above 0x7FFF
 * truncated to 15 bits; like `ResStringPool::stringDecodeAt`, when the byte after the
 * declared length is not NUL, try `len + k * 0x8000` until a NUL is found inside the pool.
 */
function locateUtf8At(buf: Buffer, at: number, end: number): Located | undefined {
  let p = at;
  if (p >= end) return undefined;
  // UTF-16 length: skipped, only its encoding width matters.
  p += buf[p] & 0x80 ? 2 : 1;
  if (p >= end) return undefined;
  let len = buf[p];
  if (len & 0x80) {
    if (p + 1 >= end) return undefined;
    len = ((len & 0x7f) << 8) | buf[p + 1];
    p += 2;
  } else {
    p += 1;
  }
  let real = len;
  let k = 0;
  while (p + real < end) {
    if (buf[p + real] === 0) {
      return { offset: p, end: p + real, truncated: k > 0 };
    }
    k++;
    real = k * 0x8000 + len;
  }
  return undefined;
}

/** UTF-16LE pool string: u16 length (two u16 when the high bit is set), units, 0x0000. */
function locateUtf16At(buf: Buffer, at: number, end: number): Located | undefined {
  let p = at;
  if (p + 2 > end) return undefined;
  let len = buf.readUInt16LE(p);
  p += 2;
  if (len & 0x8000) {
    if (p + 2 > end) return undefined;
    len = ((len & 0x7fff) << 16) | buf.readUInt16LE(p);
    p += 2;
  }
  const stop = p + 2 * len;
  if (stop + 2 > end) return undefined;
  if (buf[stop] !== 0 || buf[stop + 1] !== 0) return undefined;
  return { offset: p, end: stop, truncated: false };
}

/** The string at `index`, or `undefined` for 0xFFFFFFFF / out-of-range indices. */
export function poolString(pool: { strings: PoolString[] } | undefined, index: number): string | undefined {
  if (!pool || index === 0xffffffff || index < 0 || index >= pool.strings.length) return undefined;
  return pool.strings[index].value;
}
