/**
 * resources.arsc reader: the global value string pool (where most URL strings live) and the
 * typed simple values of every package, per configuration.
 *
 * Layout (AOSP `ResourceTypes.h`): `ResTable_header` (type 0x0002, headerSize 12,
 * packageCount@8) holding the global `ResStringPool` and `ResTable_package` chunks (0x0200).
 * A package holds its type and key string pools, `ResTable_typeSpec` (0x0202) and
 * `ResTable_type` (0x0201) chunks. A type chunk has entry offsets (u32, u16 with
 * FLAG_OFFSET16, or {idx u16, offset/4 u16} pairs with FLAG_SPARSE), then `ResTable_entry`s
 * (`size u16, flags u16, key u32`, followed by a Res_value, a map for FLAG_COMPLEX, or an
 * inline compact value for FLAG_COMPACT).
 *
 * Every offset is bounds-checked against its enclosing chunk. A header that cannot be read
 * throws FormatError; damage inside a chunk is skipped with a warning, so a truncated table
 * still yields what it holds.
 */
import type { ResourceValue } from '../facts.js';
import { decodeValue, TYPE_INT_DEC, TYPE_INT_HEX, TYPE_NULL } from './axml.js';
import { FormatError } from './errors.js';
import { parseStringPool, poolString, type PoolString, type StringPool } from './stringpool.js';
import { Warnings } from './warnings.js';

const FORMAT = 'arsc';

export const RES_TABLE_TYPE = 0x0002;
export const RES_STRING_POOL_TYPE = 0x0001;
export const RES_TABLE_PACKAGE_TYPE = 0x0200;
export const RES_TABLE_TYPE_TYPE = 0x0201;
export const RES_TABLE_TYPE_SPEC_TYPE = 0x0202;
export const RES_TABLE_OVERLAYABLE_TYPE = 0x0204;
export const RES_TABLE_OVERLAYABLE_POLICY_TYPE = 0x0205;
/** ResTable_overlayable_header: the chunk header, then name and actor, 256 UTF-16 units each. */
const OVERLAYABLE_HEADER_SIZE = 8 + 512 + 512;
/** ResTable_overlayable_policy_header: the chunk header, policy_flags, entry_count. */
const OVERLAYABLE_POLICY_HEADER_SIZE = 16;

const FLAG_SPARSE = 0x01;
const FLAG_OFFSET16 = 0x02;
const ENTRY_FLAG_COMPLEX = 0x0001;
/** Bag integers kept per package (the table's size bounds them; this bounds the list). */
const MAX_BAG_INTEGERS = 100_000;
const ENTRY_FLAG_COMPACT = 0x0008;
const NO_ENTRY = 0xffffffff;
const PACKAGE_HEADER_MIN = 284;

/** A typed resource value: the facts shape plus its id and raw Res_value. */
export interface ArscValue extends ResourceValue {
  id: number;
  /** Res_value dataType and data as stored. */
  dataType: number;
  data: number;
  config: string;
}

export interface ArscPackage {
  id: number;
  name: string;
  /** Simple (non-bag) values of every configuration, in file order. */
  values: ArscValue[];
  /** Bag (FLAG_COMPLEX) entries are counted; of their items only integers are kept (bagIntegers). */
  bagCount: number;
  /** The data of every decimal or hex integer item of a bag (an <integer-array>, an <array>, a style): listed SMS numbers are looked for in them. */
  bagIntegers: number[];
  typeStrings: string[];
  keyStrings: string[];
  /** The key (resource name) pool's strings with their offsets: names are strings an app can read (getResourceEntryName). */
  keyPoolStrings: PoolString[];
  /** The type name pool's strings with their offsets (getResourceTypeName: aapt accepts any type name). */
  typePoolStrings: PoolString[];
  /**
   * `<overlayable>` declarations (Android 10+), in file order: which resources an overlay may
   * change, and under which policies (idmap2 refuses the others). Empty when the package declares
   * none: then any preinstalled overlay may change any resource.
   */
  overlayables: ArscOverlayable[];
}

/** One `<overlayable name actor>` block's policy chunk: the resource ids it opens to overlays meeting `flags`. */
export interface ArscOverlayable {
  name: string;
  actor: string;
  /** ResTable_overlayable_policy_header::PolicyFlags (PUBLIC 0x1, SYSTEM 0x2, VENDOR 0x4, PRODUCT 0x8, SIGNATURE 0x10, ODM 0x20, OEM 0x40, ACTOR 0x80, CONFIG 0x100). */
  policies: number;
  ids: number[];
}

export interface ArscTable {
  globalStrings: PoolString[];
  packages: ArscPackage[];
  warnings: string[];
  /** String pools past the ones the table uses (a second global pool, a third package pool): in the file all the same. */
  extraPools: PoolString[][];
  /** Byte ranges no chunk the table reads holds (unknown top-level chunks, bytes after the table): in the file all the same. */
  unread: [number, number][];
}


interface Chunk {
  type: number;
  headerSize: number;
  start: number;
  /** Declared end, clamped to the parent's end. */
  end: number;
}

/** Reads the chunk header at `pos` inside `[pos, limit)`; undefined when it is not a chunk. */
function readChunk(buf: Buffer, pos: number, limit: number, w: Warnings): Chunk | undefined {
  if (pos + 8 > limit) return undefined;
  const type = buf.readUInt16LE(pos);
  const headerSize = buf.readUInt16LE(pos + 2);
  const size = buf.readUInt32LE(pos + 4);
  if (headerSize < 8 || size < headerSize) {
    w.add(`invalid chunk header at ${pos} (type 0x${type.toString(16)}, header ${headerSize}, size ${size}); stopping`);
    return undefined;
  }
  let end = pos + size;
  if (end > limit) {
    w.add(`chunk 0x${type.toString(16)} at ${pos} declares ${size} bytes but only ${limit - pos} remain`);
    end = limit;
  }
  if (pos + headerSize > end) {
    w.add(`chunk 0x${type.toString(16)} at ${pos}: header overflows the data`);
    return undefined;
  }
  return { type, headerSize, start: pos, end };
}

/** Parses a resources.arsc buffer. */
export function parseArsc(buf: Buffer): ArscTable {
  if (buf.length < 12) throw new FormatError(FORMAT, `file too short for a table header (${buf.length} bytes)`, 0);
  const type = buf.readUInt16LE(0);
  const headerSize = buf.readUInt16LE(2);
  const size = buf.readUInt32LE(4);
  if (type !== RES_TABLE_TYPE) {
    throw new FormatError(FORMAT, `not a resource table (chunk type 0x${type.toString(16).padStart(4, '0')}; compressed or not an arsc?)`, 0);
  }
  if (headerSize < 12 || headerSize > size) throw new FormatError(FORMAT, `bad table header size ${headerSize} (size ${size})`, 2);
  const w = new Warnings();
  let end = size;
  if (size > buf.length) {
    w.add(`table declares ${size} bytes but the file has ${buf.length} (truncated)`);
    end = buf.length;
  } else if (size < buf.length) {
    w.add(`${buf.length - size} bytes after the table are ignored`);
  }
  const extraPools: PoolString[][] = [];
  const unread: [number, number][] = size < buf.length ? [[size, buf.length]] : [];
  const packageCount = buf.readUInt32LE(8);
  let global: StringPool | undefined;
  const packages: ArscPackage[] = [];
  let pos = headerSize;
  while (pos < end) {
    const c = readChunk(buf, pos, end, w);
    if (!c) break;
    if (c.type === RES_STRING_POOL_TYPE) {
      if (!global) global = readPool(buf, c, w, 'global string pool');
      else {
        w.add(`extra string pool at ${pos} ignored`);
        const extra = readPool(buf, c, w, 'extra string pool');
        if (extra) extraPools.push(extra.strings);
      }
    } else if (c.type === RES_TABLE_PACKAGE_TYPE) {
      const p = parsePackage(buf, c, global, w, extraPools);
      if (p) packages.push(p);
    } else {
      w.add(`unknown table chunk 0x${c.type.toString(16)} at ${pos} skipped`);
      unread.push([c.start, c.end]);
    }
    pos = c.end;
  }
  if (!global) throw new FormatError(FORMAT, 'no global string pool', headerSize);
  if (packages.length !== packageCount) w.add(`packageCount ${packageCount} but ${packages.length} packages read`);
  return { globalStrings: global.strings, packages, warnings: w.list, extraPools, unread };
}

function readPool(buf: Buffer, c: Chunk, w: Warnings, what: string): StringPool | undefined {
  try {
    const pool = parseStringPool(buf, c.start, c.end, FORMAT);
    for (const m of pool.warnings) w.add(`${what}: ${m}`);
    return pool;
  } catch (e) {
    if (!(e instanceof FormatError)) throw e;
    w.add(`${what} at ${c.start} unreadable: ${e.reason}`);
    return undefined;
  }
}

function parsePackage(buf: Buffer, c: Chunk, global: StringPool | undefined, w: Warnings, extraPools: PoolString[][]): ArscPackage | undefined {
  if (c.headerSize < PACKAGE_HEADER_MIN) {
    w.add(`package at ${c.start} has a ${c.headerSize}-byte header (need ${PACKAGE_HEADER_MIN}); skipped`);
    return undefined;
  }
  const id = buf.readUInt32LE(c.start + 8);
  let nameEnd = c.start + 12;
  while (nameEnd < c.start + 12 + 256 && buf.readUInt16LE(nameEnd) !== 0) nameEnd += 2;
  const name = buf.toString('utf16le', c.start + 12, nameEnd);
  const typeStringsOff = buf.readUInt32LE(c.start + 268);
  const keyStringsOff = buf.readUInt32LE(c.start + 276);
  let typePool: StringPool | undefined;
  let keyPool: StringPool | undefined;
  const pkg: ArscPackage = { id, name, values: [], bagCount: 0, bagIntegers: [], typeStrings: [], keyStrings: [], keyPoolStrings: [], typePoolStrings: [], overlayables: [] };
  let pos = c.start + c.headerSize;
  while (pos < c.end) {
    const ch = readChunk(buf, pos, c.end, w);
    if (!ch) break;
    const rel = pos - c.start;
    switch (ch.type) {
      case RES_STRING_POOL_TYPE:
        if (rel === typeStringsOff && !typePool) typePool = readPool(buf, ch, w, `package ${name} type strings`);
        else if (rel === keyStringsOff && !keyPool) keyPool = readPool(buf, ch, w, `package ${name} key strings`);
        else if (!typePool) typePool = readPool(buf, ch, w, `package ${name} type strings`);
        else if (!keyPool) keyPool = readPool(buf, ch, w, `package ${name} key strings`);
        else {
          w.add(`extra string pool in package ${name} at ${pos} ignored`);
          const extra = readPool(buf, ch, w, `package ${name} extra string pool`);
          if (extra) extraPools.push(extra.strings);
        }
        break;
      case RES_TABLE_TYPE_SPEC_TYPE:
        // Per-entry configuration masks: nothing the values need.
        break;
      case RES_TABLE_TYPE_TYPE:
        parseType(buf, ch, pkg, global, typePool, keyPool, w);
        break;
      case RES_TABLE_OVERLAYABLE_TYPE:
        parseOverlayable(buf, ch, pkg, w);
        break;
      default:
        // Library (0x0203), staged alias (0x0206)...: not values.
        break;
    }
    pos = ch.end;
  }
  pkg.typeStrings = typePool ? typePool.strings.map((s) => s.value) : [];
  pkg.keyStrings = keyPool ? keyPool.strings.map((s) => s.value) : [];
  pkg.keyPoolStrings = keyPool ? keyPool.strings : [];
  pkg.typePoolStrings = typePool ? typePool.strings : [];
  return pkg;
}

/** A fixed field of `units` UTF-16 code units, up to its first NUL. */
function fixedUtf16(buf: Buffer, start: number, units: number): string {
  let end = start;
  while (end < start + 2 * units && buf.readUInt16LE(end) !== 0) end += 2;
  return buf.toString('utf16le', start, end);
}

/**
 * An `<overlayable>` chunk (LoadedArsc: RES_TABLE_OVERLAYABLE_TYPE): its name and actor, then
 * policy chunks, each a PolicyFlags mask and the resource ids (ResTable_ref) it covers. Android
 * refuses a table whose policy chunk is too short for its entry count, or whose overlayable
 * name repeats: read here as far as it goes, with a warning.
 */
function parseOverlayable(buf: Buffer, c: Chunk, pkg: ArscPackage, w: Warnings): void {
  if (c.headerSize < OVERLAYABLE_HEADER_SIZE) {
    w.add(`overlayable chunk at ${c.start} has a ${c.headerSize}-byte header (need ${OVERLAYABLE_HEADER_SIZE}); skipped`);
    return;
  }
  const name = fixedUtf16(buf, c.start + 8, 256);
  const actor = fixedUtf16(buf, c.start + 8 + 512, 256);
  if (pkg.overlayables.some((o) => o.name === name)) w.add(`overlayable "${name}" declared twice (Android refuses the table)`);
  let pos = c.start + c.headerSize;
  while (pos < c.end) {
    const ch = readChunk(buf, pos, c.end, w);
    if (!ch) break;
    if (ch.type === RES_TABLE_OVERLAYABLE_POLICY_TYPE) {
      if (ch.headerSize < OVERLAYABLE_POLICY_HEADER_SIZE) {
        w.add(`overlayable policy chunk at ${pos} has a ${ch.headerSize}-byte header; skipped`);
      } else {
        const policies = buf.readUInt32LE(pos + 8);
        const declared = buf.readUInt32LE(pos + 12);
        const room = Math.floor((ch.end - (pos + ch.headerSize)) / 4);
        if (declared > room) w.add(`overlayable "${name}" policy chunk at ${pos} declares ${declared} resources but holds ${room} (Android refuses the table)`);
        const ids: number[] = [];
        for (let i = 0, at = pos + ch.headerSize; i < Math.min(declared, room); i++, at += 4) ids.push(buf.readUInt32LE(at));
        pkg.overlayables.push({ name, actor, policies, ids });
      }
    }
    pos = ch.end;
  }
}

function parseType(
  buf: Buffer,
  c: Chunk,
  pkg: ArscPackage,
  global: StringPool | undefined,
  typePool: StringPool | undefined,
  keyPool: StringPool | undefined,
  w: Warnings,
): void {
  if (c.headerSize < 20) {
    w.add(`type chunk at ${c.start} has a ${c.headerSize}-byte header; skipped`);
    return;
  }
  const typeId = buf[c.start + 8];
  const flags = buf[c.start + 9];
  const entryCount = buf.readUInt32LE(c.start + 12);
  const entriesStart = buf.readUInt32LE(c.start + 16);
  const config = c.headerSize >= 24 ? configToString(buf, c.start + 20, c.start + c.headerSize) : '';
  const typeName = poolString(typePool, typeId - 1) ?? `type${typeId}`;
  const base = c.start + entriesStart;
  if (entriesStart < c.headerSize || base > c.end) {
    w.add(`type chunk at ${c.start}: entriesStart ${entriesStart} outside the chunk; skipped`);
    return;
  }
  const sparse = (flags & FLAG_SPARSE) !== 0;
  const offset16 = !sparse && (flags & FLAG_OFFSET16) !== 0;
  const width = offset16 ? 2 : 4;
  const offsetsAt = c.start + c.headerSize;
  let count = entryCount;
  const room = Math.floor((base - offsetsAt) / width);
  if (count > room) {
    w.add(`type chunk at ${c.start}: ${entryCount} entries do not fit before entriesStart; reading ${Math.max(room, 0)}`);
    count = Math.max(room, 0);
  }
  const idBase = ((pkg.id & 0xff) << 24) | ((typeId & 0xff) << 16);
  for (let i = 0; i < count; i++) {
    const at = offsetsAt + i * width;
    let index: number;
    let offset: number;
    if (sparse) {
      index = buf.readUInt16LE(at);
      offset = buf.readUInt16LE(at + 2) * 4;
    } else if (offset16) {
      index = i;
      const o = buf.readUInt16LE(at);
      if (o === 0xffff) continue;
      offset = o * 4;
    } else {
      index = i;
      offset = buf.readUInt32LE(at);
      if (offset === NO_ENTRY) continue;
    }
    const e = base + offset;
    if (e + 8 > c.end) {
      w.add(`${typeName} entry ${index} at ${e} overflows its chunk`);
      continue;
    }
    const entrySize = buf.readUInt16LE(e);
    const entryFlags = buf.readUInt16LE(e + 2);
    let key: number;
    let dataType: number;
    let data: number;
    if (entryFlags & ENTRY_FLAG_COMPACT) {
      // Compact entry: key index in the size field, dataType in the flags' high byte.
      key = entrySize;
      dataType = entryFlags >>> 8;
      data = buf.readUInt32LE(e + 4);
    } else {
      key = buf.readUInt32LE(e + 4);
      if (entryFlags & ENTRY_FLAG_COMPLEX) {
        pkg.bagCount++;
        // ResTable_map_entry (size, flags, key, parent, count), then `count` ResTable_maps (name
        // u32, Res_value: size u16, res0 u8, dataType u8, data u32) from `size` on: integer items.
        if (entrySize >= 16 && e + 16 <= c.end) {
          const count = buf.readUInt32LE(e + 12);
          let m = e + entrySize;
          for (let k = 0; k < count && m + 12 <= c.end && pkg.bagIntegers.length < MAX_BAG_INTEGERS; k++, m += 12) {
            const t = buf[m + 7];
            if (t === TYPE_INT_DEC || t === TYPE_INT_HEX) pkg.bagIntegers.push(buf.readUInt32LE(m + 8));
          }
        }
        continue;
      }
      const v = e + entrySize;
      if (entrySize < 8 || v + 8 > c.end) {
        w.add(`${typeName} entry ${index} value overflows its chunk`);
        continue;
      }
      dataType = buf[v + 3];
      data = buf.readUInt32LE(v + 4);
    }
    const name = poolString(keyPool, key) ?? `entry${index}`;
    const decoded = decodeValue(dataType, data, undefined, global);
    pkg.values.push({
      id: (idBase | (index & 0xffff)) >>> 0,
      type: typeName,
      name,
      value: dataType === TYPE_NULL || decoded === null ? '' : decoded,
      config,
      dataType,
      data: data >>> 0,
    });
  }
}

// ------------------------------------------------------------------------------------------
// ResTable_config -> qualifier string, in the order and spelling of ResTable_config::toString
// ------------------------------------------------------------------------------------------

function unpackCode(b0: number, b1: number, base: number): string {
  if (b0 & 0x80) {
    const first = b1 & 0x1f;
    const second = ((b1 & 0xe0) >> 5) + ((b0 & 0x03) << 3);
    const third = (b0 & 0x7c) >> 2;
    return String.fromCharCode(first + base, second + base, third + base);
  }
  if (b0 === 0) return '';
  return String.fromCharCode(b0, b1);
}

function ascii(buf: Buffer, start: number, len: number): string {
  let s = '';
  for (let i = 0; i < len && buf[start + i] !== 0; i++) s += String.fromCharCode(buf[start + i]);
  return s;
}

const DENSITIES: Record<number, string> = {
  120: 'ldpi',
  160: 'mdpi',
  213: 'tvdpi',
  240: 'hdpi',
  320: 'xhdpi',
  480: 'xxhdpi',
  640: 'xxxhdpi',
  0xfffe: 'anydpi',
  0xffff: 'nodpi',
};

/**
 * The qualifier string of the ResTable_config at `start` (`""` for the default configuration),
 * spelt as aapt prints it (`zh-rCN`, `sw600dp-land-v13`, `night-v8`...). Fields past the
 * config's own size or past `limit` read as zero.
 */
export function configToString(buf: Buffer, start: number, limit: number): string {
  if (start + 4 > limit) return '';
  const size = Math.min(buf.readUInt32LE(start), limit - start);
  const u8 = (o: number): number => (o < size ? buf[start + o] : 0);
  const u16 = (o: number): number => (o + 2 <= size ? buf.readUInt16LE(start + o) : 0);
  const parts: string[] = [];
  const mcc = u16(4);
  const mnc = u16(6);
  if (mcc) parts.push(`mcc${mcc}`);
  if (mnc) parts.push(`mnc${mnc}`);
  const lang = unpackCode(u8(8), u8(9), 0x61);
  if (lang) {
    const region = unpackCode(u8(10), u8(11), 0x30);
    const script = size >= 40 ? ascii(buf, start + 36, Math.min(4, size - 36)) : '';
    const variant = size >= 48 ? ascii(buf, start + 40, Math.min(8, size - 40)) : '';
    if (!script && !variant) parts.push(region ? `${lang}-r${region}` : lang);
    else parts.push(['b', lang, script, region, variant].filter((s) => s).join('+'));
  }
  const screenLayout = u8(28);
  const layoutDir = screenLayout & 0xc0;
  if (layoutDir) parts.push(layoutDir === 0x40 ? 'ldltr' : layoutDir === 0x80 ? 'ldrtl' : `layoutDir=${layoutDir}`);
  const sw = u16(30);
  if (sw) parts.push(`sw${sw}dp`);
  const wdp = u16(32);
  if (wdp) parts.push(`w${wdp}dp`);
  const hdp = u16(34);
  if (hdp) parts.push(`h${hdp}dp`);
  const screenSize = screenLayout & 0x0f;
  if (screenSize) parts.push(['', 'small', 'normal', 'large', 'xlarge'][screenSize] ?? `screenLayoutSize=${screenSize}`);
  const screenLong = screenLayout & 0x30;
  if (screenLong) parts.push(screenLong === 0x10 ? 'notlong' : screenLong === 0x20 ? 'long' : `screenLayoutLong=${screenLong}`);
  const round = u8(48) & 0x03;
  if (round) parts.push(round === 1 ? 'notround' : round === 2 ? 'round' : `screenRound=${round}`);
  const colorMode = u8(49);
  const wcg = colorMode & 0x03;
  if (wcg) parts.push(wcg === 1 ? 'nowidecg' : wcg === 2 ? 'widecg' : `wideColorGamut=${wcg}`);
  const hdr = colorMode & 0x0c;
  if (hdr) parts.push(hdr === 0x04 ? 'lowdr' : hdr === 0x08 ? 'highdr' : `hdr=${hdr}`);
  const orientation = u8(12);
  if (orientation) parts.push(['', 'port', 'land', 'square'][orientation] ?? `orientation=${orientation}`);
  const uiMode = u8(29);
  const uiType = uiMode & 0x0f;
  if (uiType) {
    parts.push(['', '', 'desk', 'car', 'television', 'appliance', 'watch', 'vrheadset'][uiType] || `uiModeType=${uiType}`);
  }
  const night = uiMode & 0x30;
  if (night) parts.push(night === 0x10 ? 'notnight' : night === 0x20 ? 'night' : `uiModeNight=${night}`);
  const density = u16(14);
  if (density) parts.push(DENSITIES[density] ?? `${density}dpi`);
  const touch = u8(13);
  if (touch) parts.push(['', 'notouch', 'stylus', 'finger'][touch] ?? `touchscreen=${touch}`);
  const inputFlags = u8(18);
  const keysHidden = inputFlags & 0x03;
  if (keysHidden) parts.push(['', 'keysexposed', 'keyshidden', 'keyssoft'][keysHidden]);
  const keyboard = u8(16);
  if (keyboard) parts.push(['', 'nokeys', 'qwerty', '12key'][keyboard] ?? `keyboard=${keyboard}`);
  const navHidden = inputFlags & 0x0c;
  if (navHidden) parts.push(navHidden === 0x04 ? 'navexposed' : navHidden === 0x08 ? 'navhidden' : `inputFlagsNavHidden=${navHidden}`);
  const navigation = u8(17);
  if (navigation) parts.push(['', 'nonav', 'dpad', 'trackball', 'wheel'][navigation] ?? `navigation=${navigation}`);
  const sw2 = u16(20);
  const sh2 = u16(22);
  if (sw2 || sh2) parts.push(`${sw2}x${sh2}`);
  const sdk = u16(24);
  const minor = u16(26);
  if (sdk || minor) parts.push(minor ? `v${sdk}.${minor}` : `v${sdk}`);
  return parts.join('-');
}

/** The values of resource `id` (all configurations), e.g. to resolve a manifest `@0x7f..`. */
export function findResource(table: ArscTable, id: number): ArscValue[] {
  const pkgId = id >>> 24;
  const out: ArscValue[] = [];
  for (const p of table.packages) if (p.id === pkgId) for (const v of p.values) if (v.id === id >>> 0) out.push(v);
  return out;
}
