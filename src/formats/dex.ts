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

/**
 * Width in 16-bit code units of each Dalvik opcode's format (dalvik-bytecode, "Instruction
 * formats"; unused opcodes as 10x, one unit). The payload pseudo-instructions that share opcode
 * 0x00 (packed-switch 0x0100, sparse-switch 0x0200, fill-array-data 0x0300) are sized apart.
 */
const OPCODE_UNITS: Uint8Array = (() => {
  const w = new Uint8Array(256).fill(1);
  const set = (from: number, to: number, units: number): void => {
    for (let op = from; op <= to; op++) w[op] = units;
  };
  set(0x02, 0x02, 2); // move/from16 22x
  set(0x03, 0x03, 3); // move/16 32x
  set(0x05, 0x05, 2);
  set(0x06, 0x06, 3);
  set(0x08, 0x08, 2);
  set(0x09, 0x09, 3);
  set(0x13, 0x13, 2); // const/16 21s
  set(0x14, 0x14, 3); // const 31i
  set(0x15, 0x16, 2); // const/high16 21h, const-wide/16 21s
  set(0x17, 0x17, 3); // const-wide/32 31i
  set(0x18, 0x18, 5); // const-wide 51l
  set(0x19, 0x1a, 2); // const-wide/high16, const-string 21c
  set(0x1b, 0x1b, 3); // const-string/jumbo 31c
  set(0x1c, 0x1c, 2); // const-class
  set(0x1f, 0x20, 2); // check-cast, instance-of
  set(0x22, 0x23, 2); // new-instance, new-array
  set(0x24, 0x26, 3); // filled-new-array(/range), fill-array-data 31t
  set(0x29, 0x29, 2); // goto/16
  set(0x2a, 0x2c, 3); // goto/32, packed-switch, sparse-switch
  set(0x2d, 0x3d, 2); // cmp*, if-test, if-testz
  set(0x44, 0x6d, 2); // aget/aput, iget/iput, sget/sput
  set(0x6e, 0x72, 3); // invoke-* 35c
  set(0x74, 0x78, 3); // invoke-*/range 3rc
  set(0x90, 0xaf, 2); // binop 23x
  set(0xd0, 0xe2, 2); // binop/lit16, binop/lit8
  set(0xfa, 0xfb, 4); // invoke-polymorphic(/range) 45cc, 4rcc
  set(0xfc, 0xfd, 3); // invoke-custom(/range)
  set(0xfe, 0xff, 2); // const-method-handle, const-method-type
  return w;
})();

export const OP_CONST = 0x14;
export const OP_CONST_HIGH16 = 0x15;

/** What readDexCode gathers of a DEX's code (every dex of a v41 container). */
export interface DexCode {
  headers: DexHeader[];
  /** Distinct literals of `const` (0x14) and `const/high16` (0x15), as unsigned 32-bit values. */
  literals: Set<number>;
  /**
   * Static `int` fields of classes whose descriptor ends in `R$<type>;` with a static initial
   * value (class_def static_values): `type/name` -> the values found (one per such class).
   */
  rFields: Map<string, number[]>;
  /** Some method_id is named `getIdentifier` (Resources.getIdentifier: a resource looked up by name). */
  getIdentifier: boolean;
  /** Of the names asked for (`names`), those in a string table. */
  strings: Set<string>;
  /** Distinct code items walked. */
  codeItems: number;
}

export interface DexCodeOptions {
  /** Strings to look for in the string tables (`DexCode.strings`). */
  names?: ReadonlySet<string>;
  /** Called for every const/const-high16 of every distinct code item, in order (its value unsigned; `codeOff` the code_item's offset). */
  onConst?: (value: number, opcode: number, codeOff: number) => void;
}

/**
 * Bytes read per byte of the file, at most: items a hostile DEX makes overlap (code items, class
 * data, static values or strings that start inside one another) are read again for each, and
 * past this the file is refused. A DEX as compilers write it reads each byte about once.
 */
const WORK_PER_BYTE = 8;

/** u32/u16 reads that throw a FormatError past `limit` instead of a RangeError, and the work bound. */
class DexCursor {
  private work = 0;
  private readonly budget: number;
  constructor(
    readonly buf: Buffer,
    readonly limit: number,
  ) {
    this.budget = WORK_PER_BYTE * limit + (1 << 20);
  }
  /** Counts `n` bytes read; throws past the budget. */
  spend(n: number): void {
    this.work += n;
    if (this.work > this.budget) throw new FormatError(FORMAT, `reading its code, class data, static values and strings takes more than ${WORK_PER_BYTE} times its ${this.limit} bytes: items overlap (a hostile layout)`);
  }
  u32(at: number, what: string): number {
    if (at < 0 || at + 4 > this.limit) throw new FormatError(FORMAT, `${what} at ${at} overflows the ${this.limit}-byte file`, at);
    return this.buf.readUInt32LE(at);
  }
  u16(at: number, what: string): number {
    if (at < 0 || at + 2 > this.limit) throw new FormatError(FORMAT, `${what} at ${at} overflows the ${this.limit}-byte file`, at);
    return this.buf.readUInt16LE(at);
  }
  /** A uleb128 (at most 5 bytes) at `p.at`, advancing it. */
  uleb(p: { at: number }, what: string): number {
    let v = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (p.at >= this.limit) throw new FormatError(FORMAT, `${what} runs past the end of the file`, p.at);
      const b = this.buf[p.at++];
      this.spend(1);
      v += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return v;
    }
    throw new FormatError(FORMAT, `${what}: a uleb128 longer than 5 bytes`, p.at);
  }
  /** A table of `count` items of `size` bytes at `off`, inside the file. */
  table(off: number, count: number, size: number, what: string): void {
    if (count === 0) return;
    if (off < 0 || off + count * size > this.limit) throw new FormatError(FORMAT, `${what} (${count} at ${off}) overflow the ${this.limit}-byte file`, off);
  }
}

/**
 * Reads the code of every dex in `buf`: the literals of its `const`/`const-high16` instructions
 * (class_defs -> class_data_item -> encoded_method.code_off -> code_item.insns, walked by
 * instruction width, payloads skipped), the static initial values of `R$<type>` classes' int
 * fields, whether it references a `getIdentifier` method, and which of `names` its string tables
 * hold. Every offset and count is checked against the file: a malformed DEX throws a
 * FormatError naming what is wrong; work is bounded (each class_data_item and code_item is read
 * once however many classes or methods point at it).
 */
export function readDexCode(buf: Buffer, opts: DexCodeOptions = {}): DexCode {
  const headers = readDexHeaders(buf);
  const out: DexCode = { headers, literals: new Set(), rFields: new Map(), getIdentifier: false, strings: new Set(), codeItems: 0 };
  const want = opts.names;
  if (want?.size) {
    // Names asked for: compared by length first (no string is decoded that cannot match).
    const lengths = new Set([...want].map((n) => Buffer.byteLength(n)));
    forEachDexString(buf, (r) => {
      if (!lengths.has(r.end - r.start)) return;
      const s = decodeMutf8(buf, r.start, r.end);
      if (want.has(s)) out.strings.add(s);
    });
  }
  for (const h of headers) {
    const limit = h.version >= 41 ? (h.containerSize as number) : h.fileSize;
    readOneDexCode(new DexCursor(buf, limit), h, opts, out);
  }
  return out;
}

function readOneDexCode(c: DexCursor, h: DexHeader, opts: DexCodeOptions, out: DexCode): void {
  const at = h.headerOffset;
  const typeIdsSize = c.u32(at + 0x40, 'type_ids_size');
  const typeIdsOff = c.u32(at + 0x44, 'type_ids_off');
  const fieldIdsSize = c.u32(at + 0x50, 'field_ids_size');
  const fieldIdsOff = c.u32(at + 0x54, 'field_ids_off');
  const methodIdsSize = c.u32(at + 0x58, 'method_ids_size');
  const methodIdsOff = c.u32(at + 0x5c, 'method_ids_off');
  const classDefsSize = c.u32(at + 0x60, 'class_defs_size');
  const classDefsOff = c.u32(at + 0x64, 'class_defs_off');
  c.table(typeIdsOff, typeIdsSize, 4, 'type_ids');
  c.table(fieldIdsOff, fieldIdsSize, 8, 'field_ids');
  c.table(methodIdsOff, methodIdsSize, 8, 'method_ids');
  c.table(classDefsOff, classDefsSize, 32, 'class_defs');
  // Each string decoded once; its NUL looked for only as far as its UTF-16 length allows (3 bytes a unit).
  const memo = new Map<number, string>();
  const string = (idx: number, what: string): string => {
    const known = memo.get(idx);
    if (known !== undefined) return known;
    if (idx >= h.stringIdsSize) throw new FormatError(FORMAT, `${what}: string index ${idx} past string_ids_size ${h.stringIdsSize}`);
    const off = c.u32(h.stringIdsOff + 4 * idx, 'string_id');
    const head = stringDataHead(c.buf, off, c.limit);
    if (!head) throw new FormatError(FORMAT, `${what}: bad string_data_off ${off}`, off);
    const window = Math.min(c.limit, head.start + 3 * head.utf16Length + 1);
    const at = c.buf.subarray(head.start, window).indexOf(0);
    c.spend(at < 0 ? window - head.start : at + 1);
    if (at < 0) throw new FormatError(FORMAT, `${what}: string #${idx} has no terminating NUL within its declared length`, off);
    const s = decodeMutf8(c.buf, head.start, head.start + at);
    memo.set(idx, s);
    return s;
  };
  const typeName = (idx: number, what: string): string => {
    if (idx >= typeIdsSize) throw new FormatError(FORMAT, `${what}: type index ${idx} past type_ids_size ${typeIdsSize}`);
    return string(c.u32(typeIdsOff + 4 * idx, 'type_id'), what);
  };
  // A getIdentifier method reference.
  for (let i = 0; i < methodIdsSize && !out.getIdentifier; i++) {
    const nameIdx = c.u32(methodIdsOff + 8 * i + 4, 'method_id name_idx');
    if (nameIdx < h.stringIdsSize && string(nameIdx, `method_id #${i}`) === 'getIdentifier') out.getIdentifier = true;
  }
  const seenClassData = new Set<number>();
  const seenCode = new Set<number>();
  const seenStatic = new Set<number>();
  for (let i = 0; i < classDefsSize; i++) {
    const def = classDefsOff + 32 * i;
    const classDataOff = c.u32(def + 24, 'class_data_off');
    const staticValuesOff = c.u32(def + 28, 'static_values_off');
    if (classDataOff === 0 || seenClassData.has(classDataOff)) continue;
    // (Read once each, as the static values below: work stays linear in the file.)
    seenClassData.add(classDataOff);
    const p = { at: classDataOff };
    const where = `class_data_item of class_def #${i} (at ${classDataOff})`;
    const staticFields = c.uleb(p, where);
    const instanceFields = c.uleb(p, where);
    const directMethods = c.uleb(p, where);
    const virtualMethods = c.uleb(p, where);
    // Each encoded_field takes 2 bytes at least, each encoded_method 3.
    if (p.at + 2 * (staticFields + instanceFields) + 3 * (directMethods + virtualMethods) > c.limit) {
      throw new FormatError(FORMAT, `${where} declares ${staticFields}+${instanceFields} fields and ${directMethods}+${virtualMethods} methods, more than the file can hold`, classDataOff);
    }
    const statics: number[] = [];
    let field = 0;
    for (let f = 0; f < staticFields + instanceFields; f++) {
      if (f === staticFields) field = 0;
      field += c.uleb(p, where);
      c.uleb(p, where);
      if (f < staticFields) statics.push(field);
    }
    for (let m = 0; m < directMethods + virtualMethods; m++) {
      c.uleb(p, where); // method_idx_diff
      c.uleb(p, where); // access_flags
      const codeOff = c.uleb(p, where);
      if (codeOff === 0 || seenCode.has(codeOff)) continue;
      seenCode.add(codeOff);
      walkCode(c, codeOff, out, opts);
    }
    // An R$<type> class's static int fields and their initial values.
    if (staticValuesOff !== 0 && statics.length && !seenStatic.has(staticValuesOff)) {
      seenStatic.add(staticValuesOff);
      const descriptor = typeName(c.u32(def, 'class_idx'), `class_def #${i}`);
      const r = /R\$([A-Za-z0-9_]+);$/.exec(descriptor);
      if (r) {
        const values = readEncodedArray(c, staticValuesOff, `static_values of ${descriptor}`);
        for (let k = 0; k < Math.min(values.length, statics.length); k++) {
          const v = values[k];
          if (v === undefined) continue;
          const fid = statics[k];
          if (fid >= fieldIdsSize) throw new FormatError(FORMAT, `${descriptor}: field index ${fid} past field_ids_size ${fieldIdsSize}`);
          const name = string(c.u32(fieldIdsOff + 8 * fid + 4, 'field_id name_idx'), `field_id #${fid}`);
          const key = `${r[1]}/${name}`;
          const list = out.rFields.get(key);
          if (list) list.push(v);
          else out.rFields.set(key, [v]);
        }
      }
    }
  }
}

/** Walks one code_item's instructions, recording const/const-high16 literals. */
function walkCode(c: DexCursor, codeOff: number, out: DexCode, opts: DexCodeOptions): void {
  const insnsSize = c.u32(codeOff + 12, `code_item at ${codeOff}: insns_size`);
  const start = codeOff + 16;
  const end = start + insnsSize * 2;
  if (end > c.limit) throw new FormatError(FORMAT, `code_item at ${codeOff}: insns_size ${insnsSize} runs past the end of the file`, codeOff + 12);
  c.spend(16 + insnsSize * 2);
  out.codeItems++;
  const buf = c.buf;
  let pc = start;
  while (pc < end) {
    const unit = buf.readUInt16LE(pc);
    const op = unit & 0xff;
    let units: number;
    if (op === 0 && unit !== 0) {
      // Payloads: packed-switch (size, first_key, targets), sparse-switch (size, keys, targets),
      // fill-array-data (element_width, size u32, data).
      if (pc + 4 > end) throw new FormatError(FORMAT, `code_item at ${codeOff}: payload at ${pc} runs past insns`, pc);
      const ident = unit;
      if (ident === 0x0100) units = 4 + 2 * buf.readUInt16LE(pc + 2);
      else if (ident === 0x0200) units = 2 + 4 * buf.readUInt16LE(pc + 2);
      else if (ident === 0x0300) {
        if (pc + 8 > end) throw new FormatError(FORMAT, `code_item at ${codeOff}: fill-array-data payload at ${pc} runs past insns`, pc);
        units = 4 + Math.ceil((buf.readUInt16LE(pc + 2) * buf.readUInt32LE(pc + 4)) / 2);
      } else units = 1;
    } else units = OPCODE_UNITS[op];
    if (pc + units * 2 > end) throw new FormatError(FORMAT, `code_item at ${codeOff}: instruction 0x${op.toString(16)} at ${pc} runs past insns (${insnsSize} units)`, pc);
    if (op === OP_CONST || op === OP_CONST_HIGH16) {
      const value = op === OP_CONST ? buf.readUInt32LE(pc + 2) : (buf.readUInt16LE(pc + 2) * 0x10000) >>> 0;
      out.literals.add(value);
      opts.onConst?.(value, op, codeOff);
    }
    pc += units * 2;
  }
}

const MAX_VALUE_DEPTH = 32;

/** An encoded_array's values: ints as unsigned 32-bit numbers, anything else undefined. */
function readEncodedArray(c: DexCursor, off: number, what: string): (number | undefined)[] {
  const p = { at: off };
  const size = c.uleb(p, what);
  if (p.at + size > c.limit) throw new FormatError(FORMAT, `${what}: ${size} values, more than the file can hold`, off);
  const values: (number | undefined)[] = [];
  for (let i = 0; i < size; i++) values.push(readEncodedValue(c, p, what, 0));
  return values;
}

function readEncodedValue(c: DexCursor, p: { at: number }, what: string, depth: number): number | undefined {
  if (depth > MAX_VALUE_DEPTH) throw new FormatError(FORMAT, `${what}: values nested more than ${MAX_VALUE_DEPTH} deep`, p.at);
  if (p.at >= c.limit) throw new FormatError(FORMAT, `${what} runs past the end of the file`, p.at);
  c.spend(1);
  const head = c.buf[p.at++];
  const type = head & 0x1f;
  const arg = head >> 5;
  switch (type) {
    case 0x1c: {
      // encoded_array
      const n = c.uleb(p, what);
      if (p.at + n > c.limit) throw new FormatError(FORMAT, `${what}: an array of ${n} values, more than the file can hold`, p.at);
      for (let i = 0; i < n; i++) readEncodedValue(c, p, what, depth + 1);
      return undefined;
    }
    case 0x1d: {
      // encoded_annotation: type_idx, size, (name_idx, value)*
      c.uleb(p, what);
      const n = c.uleb(p, what);
      if (p.at + 2 * n > c.limit) throw new FormatError(FORMAT, `${what}: an annotation of ${n} elements, more than the file can hold`, p.at);
      for (let i = 0; i < n; i++) {
        c.uleb(p, what);
        readEncodedValue(c, p, what, depth + 1);
      }
      return undefined;
    }
    case 0x1e: // null
    case 0x1f: // boolean (in value_arg)
      return undefined;
    default: {
      const known = [0x00, 0x02, 0x03, 0x04, 0x06, 0x10, 0x11, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b];
      if (!known.includes(type)) throw new FormatError(FORMAT, `${what}: bad encoded_value type 0x${type.toString(16)}`, p.at - 1);
      const n = arg + 1;
      if (p.at + n > c.limit) throw new FormatError(FORMAT, `${what} runs past the end of the file`, p.at);
      c.spend(n);
      let v: number | undefined;
      if (type === 0x04 && n <= 4) {
        // int: little-endian, sign-extended from n bytes; kept as the unsigned 32-bit pattern.
        let x = 0;
        for (let i = 0; i < n; i++) x |= c.buf[p.at + i] << (8 * i);
        if (n < 4 && c.buf[p.at + n - 1] & 0x80) x |= -1 << (8 * n);
        v = x >>> 0;
      }
      p.at += n;
      return v;
    }
  }
}
