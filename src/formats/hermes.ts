/**
 * Hermes bytecode string table (React Native's compiled JavaScript: `assets/index.android.bundle`).
 *
 * Header (128 bytes, little-endian; `include/hermes/BCGen/HBC/BytecodeFileFormat.h`): magic
 * `C6 1F BC 03 C1 03 19 1F` (0x1F1903C103BC1FC6), version@8, a 20-byte source hash, then
 * fileLength@32, globalCodeIndex@36, functionCount@40, stringKindCount@44, identifierCount@48,
 * stringCount@52, overflowStringCount@56, stringStorageSize@60. What follows stringStorageSize
 * changed across versions (bigints from 87, the object shape table from 97); these fields did not.
 *
 * The sections after the header, each aligned to 4 bytes (`visitBytecodeSegmentsInOrder`): the
 * function headers (16 bytes each up to version 96, 12 from 97), the string kinds
 * (`stringKindCount` u32 run lengths, the top bit set for identifiers), the identifier hashes
 * (`identifierCount` u32), the small string table (`stringCount` u32: isUTF16:1, offset:23,
 * length:8), the overflow string table (`overflowStringCount` pairs of u32 offset, length: a small
 * entry whose length is 255 holds the index of its pair in `offset`), then the string storage.
 *
 * The compiler packs the storage: strings are laid end to end with no separator and overlap
 * (`zzhc.vnet.cn` is stored inside `https://zzhc.vnet.cn/reg`, the tail of one string is the head
 * of the next): read as plain bytes, a literal is glued to its neighbours (`10659401POST`). Each
 * string is read here on its own, from its entry: `length` one-byte characters, or `length`
 * UTF-16LE code units (2 bytes each) when isUTF16 is set.
 *
 * Versions 74-99 are read (hermesc 74, 84, 89, 96, 98 and 99 checked, __tests__/fixtures/hermes);
 * anything else, and a header whose sections do not fit the file, is a FormatError.
 */
import { FormatError } from './errors.js';

const FORMAT = 'hermes';
export const HBC_HEADER_SIZE = 128;
export const HBC_MIN_VERSION = 74;
export const HBC_MAX_VERSION = 99;
const MAGIC = [0xc6, 0x1f, 0xbc, 0x03, 0xc1, 0x03, 0x19, 0x1f];
/** A small string table entry's length when the string is in the overflow table. */
const OVERFLOWED = 0xff;

/** The Hermes bytecode magic at offset 0 (any version). */
export function isHermesBytecode(buf: Buffer): boolean {
  if (buf.length < 8) return false;
  for (let i = 0; i < 8; i++) if (buf[i] !== MAGIC[i]) return false;
  return true;
}

export interface HermesHeader {
  version: number;
  fileLength: number;
  functionCount: number;
  stringKindCount: number;
  identifierCount: number;
  stringCount: number;
  overflowStringCount: number;
  stringStorageSize: number;
  /** File offsets of the small string table, the overflow string table and the string storage. */
  smallTableOff: number;
  overflowTableOff: number;
  storageOff: number;
}

/** One string of the table, valid only during the callback (the object is reused). */
export interface HermesStringRef {
  /** Its index in the string table (the id bytecode refers to it by). */
  index: number;
  /** File offset of its first byte. */
  offset: number;
  /** Bytes it takes: its length, or twice that for UTF-16. */
  byteLength: number;
  utf16: boolean;
}

const align4 = (n: number): number => n + ((4 - (n % 4)) % 4);

/**
 * Reads and checks the header and where the string sections are. Throws FormatError for a bad
 * magic, a version outside 74-99, a fileLength past `buf`, sections that do not fit in
 * fileLength, or string kinds that do not add up to the string count (a layout this reader does
 * not know).
 */
export function readHermesHeader(buf: Buffer): HermesHeader {
  if (!isHermesBytecode(buf)) throw new FormatError(FORMAT, 'bad Hermes bytecode magic', 0);
  if (buf.length < HBC_HEADER_SIZE) throw new FormatError(FORMAT, `file too short for a Hermes bytecode header (${buf.length} bytes)`, 0);
  const version = buf.readUInt32LE(8);
  if (version < HBC_MIN_VERSION || version > HBC_MAX_VERSION) {
    throw new FormatError(FORMAT, `Hermes bytecode version ${version} is not one this scanner reads (${HBC_MIN_VERSION}-${HBC_MAX_VERSION})`, 8);
  }
  const u32 = (at: number): number => buf.readUInt32LE(at);
  const fileLength = u32(32);
  if (fileLength < HBC_HEADER_SIZE || fileLength > buf.length) {
    throw new FormatError(FORMAT, `fileLength ${fileLength} does not fit the ${buf.length}-byte file`, 32);
  }
  const h = {
    version,
    fileLength,
    functionCount: u32(40),
    stringKindCount: u32(44),
    identifierCount: u32(48),
    stringCount: u32(52),
    overflowStringCount: u32(56),
    stringStorageSize: u32(60),
  };
  // Counts are u32 and sizes at most 16 times one: every sum below is exact in a double, and
  // each section is checked against fileLength before the next is placed.
  let at = HBC_HEADER_SIZE;
  const place = (what: string, bytes: number, field: number): number => {
    const start = align4(at);
    if (start + bytes > fileLength) throw new FormatError(FORMAT, `${what} (${bytes} bytes at ${start}) overflow the ${fileLength}-byte file`, field);
    at = start + bytes;
    return start;
  };
  place('function headers', h.functionCount * (version >= 97 ? 12 : 16), 40);
  const kindsOff = place('string kinds', h.stringKindCount * 4, 44);
  place('identifier hashes', h.identifierCount * 4, 48);
  const smallTableOff = place('small string table', h.stringCount * 4, 52);
  const overflowTableOff = place('overflow string table', h.overflowStringCount * 8, 56);
  const storageOff = place('string storage', h.stringStorageSize, 60);
  // The string kinds are run lengths over the whole table: they add up to stringCount, and their
  // identifier runs to identifierCount. A layout read wrong (a function header size this reader
  // takes for another) lands them on other bytes.
  let strings = 0;
  let identifiers = 0;
  for (let i = 0; i < h.stringKindCount; i++) {
    const e = u32(kindsOff + 4 * i);
    const n = e & 0x7fffffff;
    strings += n;
    if (e >>> 31) identifiers += n;
  }
  if (strings !== h.stringCount || identifiers !== h.identifierCount) {
    throw new FormatError(
      FORMAT,
      `string kinds count ${strings} strings and ${identifiers} identifiers where the header says ${h.stringCount} and ${h.identifierCount}: not the layout of version ${version}`,
      kindsOff,
    );
  }
  return { ...h, smallTableOff, overflowTableOff, storageOff };
}

/**
 * Calls `cb` for every string of the table, in index order (`ref` is reused: copy what you keep).
 * Throws FormatError for an entry outside the string storage or an overflow index past the
 * overflow table: the compiler writes none, and the runtime would read other bytes.
 */
export function forEachHermesString(buf: Buffer, cb: (ref: HermesStringRef) => void, header: HermesHeader = readHermesHeader(buf)): HermesHeader {
  const h = header;
  const ref: HermesStringRef = { index: 0, offset: 0, byteLength: 0, utf16: false };
  for (let i = 0; i < h.stringCount; i++) {
    const w = buf.readUInt32LE(h.smallTableOff + 4 * i);
    const utf16 = (w & 1) === 1;
    let offset = (w >>> 1) & 0x7fffff;
    let length = w >>> 24;
    if (length === OVERFLOWED) {
      if (offset >= h.overflowStringCount) {
        throw new FormatError(FORMAT, `string #${i} names overflow entry ${offset} of ${h.overflowStringCount}`, h.smallTableOff + 4 * i);
      }
      const o = h.overflowTableOff + 8 * offset;
      offset = buf.readUInt32LE(o);
      length = buf.readUInt32LE(o + 4);
    }
    const bytes = utf16 ? 2 * length : length;
    if (offset + bytes > h.stringStorageSize) {
      throw new FormatError(FORMAT, `string #${i} (${bytes} bytes at ${offset}) overflows the ${h.stringStorageSize}-byte string storage`, h.smallTableOff + 4 * i);
    }
    ref.index = i;
    ref.offset = h.storageOff + offset;
    ref.byteLength = bytes;
    ref.utf16 = utf16;
    cb(ref);
  }
  return h;
}

/** The text of a string: one-byte characters as Latin-1 (the compiler writes ASCII), else UTF-16LE. */
export function hermesStringValue(buf: Buffer, ref: HermesStringRef): string {
  return buf.toString(ref.utf16 ? 'utf16le' : 'latin1', ref.offset, ref.offset + ref.byteLength);
}

/** All strings decoded, in index order (convenience; allocates). */
export function readHermesStrings(buf: Buffer): { header: HermesHeader; strings: { value: string; offset: number; utf16: boolean }[] } {
  const strings: { value: string; offset: number; utf16: boolean }[] = [];
  const header = forEachHermesString(buf, (r) => strings.push({ value: hermesStringValue(buf, r), offset: r.offset, utf16: r.utf16 }));
  return { header, strings };
}
