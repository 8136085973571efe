/**
 * Binary XML (AXML) reader for AndroidManifest.xml and compiled res/xml files, plus the
 * manifest facts the scan needs.
 *
 * Chunks: `type u16, headerSize u16, size u32` (AOSP `ResourceTypes.h`). The walker follows
 * what Android itself accepts (`ResXMLTree::setTo`): the top chunk's type is not checked,
 * children are stepped by their declared `size`, unknown chunks are skipped, a node's body is
 * read at `chunk + headerSize`, and attributes are stepped by `attributeSize` (which may exceed
 * 20). It is more tolerant than Android where a file is hostile but still readable (junk
 * between chunks, a zero-size end-namespace chunk at EOF, a wrong stringCount), and it rejects
 * what Android rejects: a top chunk declaring more bytes than the file holds.
 *
 * android: attributes are matched by resource id through the resource map (as
 * `ResXMLParser::getAttributeNameResID` does), never by the pool name, which packers garble.
 */
import { FormatError } from './errors.js';
import { parseStringPool, poolString, type PoolString, type StringPool } from './stringpool.js';
import { Warnings } from './warnings.js';

const FORMAT = 'axml';

export const RES_XML_TYPE = 0x0003;
export const RES_STRING_POOL_TYPE = 0x0001;
export const RES_XML_START_NAMESPACE_TYPE = 0x0100;
export const RES_XML_END_NAMESPACE_TYPE = 0x0101;
export const RES_XML_START_ELEMENT_TYPE = 0x0102;
export const RES_XML_END_ELEMENT_TYPE = 0x0103;
export const RES_XML_CDATA_TYPE = 0x0104;
export const RES_XML_RESOURCE_MAP_TYPE = 0x0180;
/** Node chunk types (`ResourceTypes.h` RES_XML_FIRST_CHUNK_TYPE..RES_XML_LAST_CHUNK_TYPE): the first one ends the header chunks. */
const RES_XML_FIRST_CHUNK_TYPE = 0x0100;
const RES_XML_LAST_CHUNK_TYPE = 0x017f;

/** Res_value dataType values (`ResourceTypes.h`). */
export const TYPE_NULL = 0x00;
export const TYPE_REFERENCE = 0x01;
export const TYPE_ATTRIBUTE = 0x02;
export const TYPE_STRING = 0x03;
export const TYPE_FLOAT = 0x04;
export const TYPE_DIMENSION = 0x05;
export const TYPE_FRACTION = 0x06;
export const TYPE_DYNAMIC_REFERENCE = 0x07;
export const TYPE_DYNAMIC_ATTRIBUTE = 0x08;
export const TYPE_INT_DEC = 0x10;
export const TYPE_INT_HEX = 0x11;
export const TYPE_INT_BOOLEAN = 0x12;
export const TYPE_FIRST_COLOR_INT = 0x1c;
export const TYPE_LAST_COLOR_INT = 0x1f;

export const ANDROID_NS = 'http://schemas.android.com/apk/res/android';

/**
 * android:attr resource ids used by the manifest extractor. Every id was checked against
 * `aapt dump resources /usr/share/android-framework-res/framework-res.apk`
 * ("spec resource 0x01010003 android:attr/name" ...).
 */
export const ANDROID_ATTR = {
  name: 0x01010003,
  sharedUserId: 0x0101000b,
  priority: 0x0101001c,
  targetPackage: 0x01010021,
  minSdkVersion: 0x0101020c,
  versionCode: 0x0101021b,
  versionName: 0x0101021c,
  targetSdkVersion: 0x01010270,
  targetName: 0x0101044d,
  isStatic: 0x0101055a,
  requiredSystemPropertyName: 0x01010565,
  requiredSystemPropertyValue: 0x01010566,
} as const;
export type AndroidAttrName = keyof typeof ANDROID_ATTR;
/**
 * android:resourcesMap (API 30, so not in the API 29 framework-res the ids above were checked
 * against): AOSP core/res/res/values/public.xml, "Resources added in version R", and idmap2's
 * `kAttrResourcesMap = 0x01010609`.
 */
export const RESOURCES_MAP_ATTR = 0x01010609;
const ATTR_NAME_BY_ID = new Map<number, string>(Object.entries(ANDROID_ATTR).map(([k, v]) => [v, k]));

export type AttributeValue = string | number | boolean | null;

export interface AxmlAttribute {
  namespaceUri: string | undefined;
  name: string;
  /** android:attr id from the resource map, when the map has one for this name. */
  resId: number | undefined;
  rawValue: string | undefined;
  /** Res_value dataType. */
  type: number;
  data: number;
  value: AttributeValue;
}

export interface AxmlElement {
  name: string;
  namespaceUri: string | undefined;
  /** 1 for the root element. */
  depth: number;
  lineNumber: number;
  attributes: AxmlAttribute[];
}

export interface AxmlDocument {
  strings: PoolString[];
  /** Pools Android does not read (replaced by a later one before the first node, or after it): their strings, to scan. */
  otherPools: PoolString[][];
  resourceMap: number[];
  elements: AxmlElement[];
  warnings: string[];
  /** The input was plain-text XML, read by a tolerant text parser. */
  plainText: boolean;
  /** A structural trick Android tolerates was seen (wrong top type, junk, bad counts...). */
  tampered: boolean;
  /** Why the document has no string pool (missing, or unreadable): its strings are then missing. */
  poolError?: string;
}

/**
 * Elements kept per document. A manifest has a few thousand at most; a crafted one of 3.4 million
 * nested elements (a 554 KB APK) took 814 MB. Past this the document is unreadable.
 */
export const MAX_ELEMENTS = 200_000;
/**
 * Attributes kept per document. Android steps by an element's attributeSize, which may be 1 (or
 * 0: every attribute is the first, kept once), so a small chunk can declare 65,535 of them; a
 * real manifest has some thousands. Past this the document is unreadable.
 */
export const MAX_ATTRIBUTES = 2_000_000;

export interface ManifestInfo {
  package: string;
  versionCode?: number;
  versionName?: string;
  minSdk?: number;
  targetSdk?: number;
  /** A uses-sdk version given as no integer (a codename, a reference): what Android computes from it is not told here. */
  sdkUnread?: true;
  /** uses-permission and uses-permission-sdk-23 names, sorted and unique. */
  permissions: string[];
  sharedUserId?: string;
  /** Starts with no one using it: a receiver of BOOT_ACTIONS (boot, unlock, the SIM or network coming up). */
  bootCompleted: boolean;
  overlay?: {
    targetPackage: string;
    targetName?: string;
    requiredSystemPropertyName?: string;
    requiredSystemPropertyValue?: string;
    isStatic?: boolean;
    priority?: number;
  };
  /** The overlay's android:resourcesMap, when it declares one (resolved by the APK's reader). */
  resourcesMap?: ResourcesMapAttr;
  warnings: string[];
}

/**
 * An overlay's android:resourcesMap as the versions of idmap2 read it: Android 11 and 12 take the
 * attribute named `resourcesMap` (by its pool name, whatever its namespace or id), later versions
 * the one with resource id 0x01010609. Usually one attribute is both.
 */
export interface ResourcesMapAttr {
  /** The XML resources (ids) it names: one, or two when the two readings find different attributes. */
  refs: number[];
  /**
   * Some version of Android finds no map (only one of the readings finds the attribute): there
   * the overlay's resources overlay the target's of the same name, as without a map.
   */
  sameNameToo: boolean;
  /** Why the attribute cannot be read as a map (not a reference): what the overlay sets is unknown. */
  error?: string;
}


const hex = (n: number, width = 8): string => `0x${(n >>> 0).toString(16).padStart(width, '0')}`;

/** Parses binary XML (or detects plain-text XML). Throws FormatError only when unreadable. */
export function parseAxml(buf: Buffer): AxmlDocument {
  if (looksLikeTextXml(buf)) return parseTextXml(buf);
  if (buf.length < 8) throw new FormatError(FORMAT, `file too short for a chunk header (${buf.length} bytes)`, 0);
  const w = new Warnings();
  let tampered = false;
  const topType = buf.readUInt16LE(0);
  const topHeaderSize = buf.readUInt16LE(2);
  const topSize = buf.readUInt32LE(4);
  if (topType !== RES_XML_TYPE) {
    w.add(`top chunk type ${hex(topType, 4)} is not RES_XML_TYPE (0x0003); Android does not check it`);
    tampered = true;
  }
  if (topHeaderSize < 8 || topHeaderSize > topSize) {
    throw new FormatError(FORMAT, `bad top chunk header size ${topHeaderSize} (chunk size ${topSize})`, 0);
  }
  if (topSize > buf.length) {
    throw new FormatError(FORMAT, `declared size ${topSize} exceeds the ${buf.length}-byte file`, 4);
  }
  if (topSize < buf.length) w.add(`${buf.length - topSize} bytes after the declared end of the document are ignored`);
  const end = topSize;

  let pool: StringPool | undefined;
  let resourceMap: number[] = [];
  const elements: AxmlElement[] = [];
  const stack: AxmlElement[] = [];
  let junkAt = -1;
  let poolError: string | undefined;
  // Pools Android does not use (replaced, or after the first node): scanned, not used.
  const otherPools: PoolString[][] = [];
  let poolSeen = false;
  let sawNode = false;
  let attributesRead = 0;
  let pos = topHeaderSize;

  while (pos + 8 <= end) {
    const type = buf.readUInt16LE(pos);
    const headerSize = buf.readUInt16LE(pos + 2);
    let size = buf.readUInt32LE(pos + 4);
    if (type === RES_XML_END_NAMESPACE_TYPE && size === 0 && headerSize <= 0x18) {
      // Seen at EOF in hostile files: a zero-size end-namespace chunk; it is 24 bytes long.
      w.add(`zero-size end-namespace chunk at ${pos}; treating it as 24 bytes`);
      tampered = true;
      size = 0x18;
    }
    if (headerSize < 8 || size < headerSize) {
      // Not a chunk: junk between chunks. Scan forward for the next plausible header.
      if (junkAt < 0) {
        junkAt = pos;
        w.add(`junk bytes at ${pos} (type ${hex(type, 4)}, header ${headerSize}, size ${size}); scanning for the next chunk`);
        tampered = true;
      }
      pos += 4;
      continue;
    }
    junkAt = -1;
    let chunkEnd = pos + size;
    if (chunkEnd > end) {
      w.add(`chunk ${hex(type, 4)} at ${pos} declares ${size} bytes but only ${end - pos} remain`);
      tampered = true;
      chunkEnd = end;
    }
    const isNode = type >= RES_XML_FIRST_CHUNK_TYPE && type <= RES_XML_LAST_CHUNK_TYPE;
    switch (type) {
      case RES_STRING_POOL_TYPE: {
        // Android (ResXMLTree::setTo) reads the pool from the chunks before the first node, and
        // a later pool there replaces an earlier one: the last before the first node names
        // everything (`aapt dump badging` shows it too). One after the first node is not read.
        // The others' strings are scanned, not used.
        let read: StringPool | undefined;
        try {
          read = parseStringPool(buf, pos, chunkEnd, FORMAT);
          for (const m of read.warnings) w.add(m);
          if (read.strings.length !== read.declaredCount) tampered = true;
        } catch (e) {
          if (!(e instanceof FormatError)) throw e;
          w.add(`unreadable string pool at ${pos}: ${e.reason}`);
          poolError ??= e.reason;
          tampered = true;
        }
        if (sawNode) {
          w.add(`string pool at ${pos} after the first node: Android does not read it; its strings are scanned only`);
          tampered = true;
          if (read) otherPools.push(read.strings);
          break;
        }
        if (poolSeen) {
          w.add(`string pool at ${pos} replaces the one before it (Android reads the last pool before the first node)`);
          tampered = true;
          if (pool) otherPools.push(pool.strings);
        }
        poolSeen = true;
        pool = read;
        break;
      }
      case RES_XML_RESOURCE_MAP_TYPE: {
        // As the pool: the last map before the first node is Android's; one after it is not read.
        if (sawNode) {
          w.add(`resource map at ${pos} after the first node: Android does not read it`);
          tampered = true;
          break;
        }
        const n = Math.floor((chunkEnd - pos - headerSize) / 4);
        resourceMap = new Array<number>(Math.max(0, n));
        for (let i = 0; i < n; i++) resourceMap[i] = buf.readUInt32LE(pos + headerSize + 4 * i);
        break;
      }
      case RES_XML_START_NAMESPACE_TYPE:
      case RES_XML_END_NAMESPACE_TYPE:
      case RES_XML_CDATA_TYPE:
        // Attribute namespaces are string indices of their own, so namespace and text nodes
        // carry nothing the manifest needs. Their headerSize may be odd (0x14): step by size.
        break;
      case RES_XML_START_ELEMENT_TYPE: {
        const el = readStartElement(buf, pos, headerSize, chunkEnd, end, pool, resourceMap, stack.length + 1, w);
        if (el) {
          if (elements.length === MAX_ELEMENTS) throw new FormatError(FORMAT, `more than ${MAX_ELEMENTS} elements`, pos);
          attributesRead += el.attributes.length;
          if (attributesRead > MAX_ATTRIBUTES) throw new FormatError(FORMAT, `more than ${MAX_ATTRIBUTES} attributes`, pos);
          elements.push(el);
          stack.push(el);
        } else {
          tampered = true;
        }
        break;
      }
      case RES_XML_END_ELEMENT_TYPE:
        if (stack.length > 0) stack.pop();
        else w.add(`end element at ${pos} without a start`);
        break;
      default:
        w.add(`unknown chunk ${hex(type, 4)} at ${pos} (${size} bytes) skipped`);
        break;
    }
    if (isNode) sawNode = true;
    pos += size;
  }
  if (junkAt >= 0) w.add(`document ends in junk from offset ${junkAt}`);
  if (!pool) {
    w.add('no string pool');
    poolError ??= 'no string pool chunk';
  }
  return {
    strings: pool ? pool.strings : [],
    otherPools,
    resourceMap,
    elements,
    warnings: w.list,
    plainText: false,
    tampered,
    ...(poolError !== undefined ? { poolError } : {}),
  };
}

function readStartElement(
  buf: Buffer,
  pos: number,
  headerSize: number,
  chunkEnd: number,
  docEnd: number,
  pool: StringPool | undefined,
  resourceMap: number[],
  depth: number,
  w: Warnings,
): AxmlElement | undefined {
  const ext = pos + headerSize;
  if (headerSize < 16 || ext + 20 > chunkEnd) {
    w.add(`start element at ${pos} too short (${chunkEnd - pos} bytes, header ${headerSize})`);
    return undefined;
  }
  const lineNumber = buf.readUInt32LE(pos + 8);
  const nsIdx = buf.readUInt32LE(ext);
  const nameIdx = buf.readUInt32LE(ext + 4);
  const attrStart = buf.readUInt16LE(ext + 8);
  const attrSize = buf.readUInt16LE(ext + 10);
  const attrCount = buf.readUInt16LE(ext + 12);
  // Android steps by the declared attributeSize whatever it is (ResXMLParser::getAttributeNameID:
  // attributeStart + attributeSize * i) and reads 20 bytes there: under 20, its attributes
  // overlap, and a reader stepping by 20 sees others (a decoy `package` where Android reads the
  // client's). Read as Android does.
  if (attrSize !== 20) w.add(`element at ${pos} has attributeSize ${attrSize} (Android reads its attributes ${attrSize} bytes apart, 20 bytes each)`);
  const name = javaString(pool, nameIdx);
  if (name === undefined) w.add(`element at ${pos} has an invalid name index ${nameIdx}`);
  const attributes: AxmlAttribute[] = [];
  // attributeSize 0: every index reads the first attribute; it is kept once.
  const distinct = attrSize === 0 ? Math.min(attrCount, 1) : attrCount;
  for (let i = 0; i < distinct; i++) {
    const a = ext + attrStart + i * attrSize;
    // Android reads an attribute that runs past its chunk (only attributeSize * count must fit
    // it): read it while it lies in the document.
    if (a + 20 > docEnd) {
      w.add(`element at ${pos}: attribute ${i} of ${attrCount} overflows the document`);
      break;
    }
    if (a + 20 > chunkEnd) w.add(`element at ${pos}: attribute ${i} of ${attrCount} runs past its chunk`);
    const aNs = buf.readUInt32LE(a);
    const aName = buf.readUInt32LE(a + 4);
    const aRaw = buf.readUInt32LE(a + 8);
    const type = buf[a + 15];
    const data = buf.readUInt32LE(a + 16);
    const resId = aName < resourceMap.length && resourceMap[aName] !== 0 ? resourceMap[aName] : undefined;
    const attrName = poolString(pool, aName) ?? '';
    if (resId !== undefined) {
      const known = ATTR_NAME_BY_ID.get(resId);
      if (known !== undefined && known !== attrName) {
        w.add(`attribute ${hex(resId)} is named "${attrName.slice(0, 40)}" in the string pool, expected "${known}" (packed?)`);
      }
    }
    const rawValue = javaString(pool, aRaw);
    const value = decodeValue(type, data, rawValue, pool);
    attributes.push({
      // No namespace only where the index names no string (ResXMLParser::indexOfAttribute matches
      // a null namespace to a null one): "" is a namespace, and `:package` is not Android's package.
      namespaceUri: poolString(pool, aNs),
      name: attrName,
      resId,
      rawValue,
      type,
      data,
      value: type === TYPE_STRING && typeof value === 'string' && pool?.utf8 ? cutAtNul(value) : value,
    });
  }
  return { name: name ?? '', namespaceUri: poolString(pool, nsIdx) || undefined, depth, lineNumber, attributes };
}

const cutAtNul = (s: string): string => {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
};

/**
 * A pool string as Android's Java side gets it (XmlBlock's names and values, TypedArray:
 * StringBlock.nativeGetString): a UTF-8 pool's string goes through JNI NewStringUTF, which stops
 * at its first NUL byte, so `com.qualcomm.qti.autoregistration\0decoy` is installed as
 * `com.qualcomm.qti.autoregistration`; a UTF-16 string keeps its declared length. Attribute names
 * are compared natively (ResXMLParser::indexOfAttribute), at their declared length: not cut.
 */
function javaString(pool: StringPool | undefined, index: number): string | undefined {
  const s = poolString(pool, index);
  return s !== undefined && pool?.utf8 ? cutAtNul(s) : s;
}

const DIMENSION_UNITS = ['px', 'dip', 'sp', 'pt', 'in', 'mm'];
const FRACTION_UNITS = ['%', '%p'];
// Res_value::complexToFloat: radix 23p0, 16p7, 8p15, 0p23 over a mantissa shifted left by 8.
const RADIX_MULTS = [1 / 2 ** 8, 1 / 2 ** 15, 1 / 2 ** 23, 1 / 2 ** 31];

function complexToFloat(data: number): number {
  const mantissa = data & 0xffffff00; // signed (as Java's TypedValue) 24-bit mantissa, top bits
  return mantissa * RADIX_MULTS[(data >> 4) & 3];
}

function formatFloat(v: number): string {
  // Six significant decimals, trailing zeros trimmed but at least one decimal ("16.0dip").
  const s = (Math.round(v * 1e6) / 1e6).toString();
  return s.includes('.') || s.includes('e') ? s : `${s}.0`;
}

/** Typed decoding of a Res_value, as aapt prints it where the type is not a plain number. */
export function decodeValue(type: number, data: number, rawValue: string | undefined, pool: { strings: PoolString[] } | undefined): AttributeValue {
  switch (type) {
    case TYPE_NULL:
      return null;
    case TYPE_REFERENCE:
    case TYPE_DYNAMIC_REFERENCE:
      return `@${hex(data)}`;
    case TYPE_ATTRIBUTE:
    case TYPE_DYNAMIC_ATTRIBUTE:
      return `?${hex(data)}`;
    case TYPE_STRING:
      return poolString(pool, data) ?? rawValue ?? '';
    case TYPE_FLOAT: {
      const b = Buffer.allocUnsafe(4);
      b.writeUInt32LE(data >>> 0, 0);
      return b.readFloatLE(0);
    }
    case TYPE_DIMENSION:
      return `${formatFloat(complexToFloat(data))}${DIMENSION_UNITS[data & 0xf] ?? ''}`;
    case TYPE_FRACTION:
      return `${formatFloat(complexToFloat(data) * 100)}${FRACTION_UNITS[data & 0xf] ?? ''}`;
    case TYPE_INT_DEC:
    case TYPE_INT_HEX:
      return data | 0;
    case TYPE_INT_BOOLEAN:
      return data !== 0;
    default:
      if (type >= TYPE_FIRST_COLOR_INT && type <= TYPE_LAST_COLOR_INT) return `#${(data >>> 0).toString(16).padStart(8, '0')}`;
      return data >>> 0;
  }
}

// ------------------------------------------------------------------------------------------
// Plain-text XML (an unbuilt manifest, or a file swapped in to fool tools)
// ------------------------------------------------------------------------------------------

/** True when the buffer starts (after a BOM and whitespace) with `<?`, `<!` or `<tag`. */
export function looksLikeTextXml(buf: Buffer): boolean {
  let i = 0;
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) i = 3;
  while (i < buf.length && (buf[i] === 0x20 || buf[i] === 0x09 || buf[i] === 0x0a || buf[i] === 0x0d)) i++;
  if (i + 1 >= buf.length || buf[i] !== 0x3c) return false;
  const c = buf[i + 1];
  return c === 0x3f || c === 0x21 || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITY[e] ?? m;
  });
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** Attributes of a start tag's body, scanned in one pass (no backtracking on hostile text). */
function scanAttributes(body: string): [string, string][] {
  const out: [string, string][] = [];
  let i = 0;
  const n = body.length;
  while (i < n) {
    while (i < n && (isSpace(body.charCodeAt(i)) || body[i] === '/')) i++;
    const nameStart = i;
    while (i < n && body[i] !== '=' && !isSpace(body.charCodeAt(i)) && body[i] !== '/') i++;
    const name = body.slice(nameStart, i);
    while (i < n && isSpace(body.charCodeAt(i))) i++;
    if (body[i] !== '=') {
      if (i === nameStart) i++;
      continue;
    }
    i++;
    while (i < n && isSpace(body.charCodeAt(i))) i++;
    const q = body[i];
    if (q !== '"' && q !== "'") continue;
    const close = body.indexOf(q, i + 1);
    if (close < 0) break;
    if (name) out.push([name, decodeEntities(body.slice(i + 1, close))]);
    i = close + 1;
  }
  return out;
}

/**
 * A tolerant tag-level reader: elements, attributes and xmlns prefixes, no validation, one
 * linear pass. Values are kept as strings (dataType STRING); the manifest extractor matches
 * them by name.
 */
function parseTextXml(buf: Buffer): AxmlDocument {
  const text = buf.toString('utf8').replace(/^\uFEFF/, '');
  const w = new Warnings();
  w.add('plain-text XML, not binary AXML');
  const elements: AxmlElement[] = [];
  const scopes: Map<string, string>[] = [new Map([['xml', 'http://www.w3.org/XML/1998/namespace']])];
  let line = 1;
  let lineScanned = 0;
  const lineAt = (idx: number): number => {
    for (let i = text.indexOf('\n', lineScanned); i !== -1 && i < idx; i = text.indexOf('\n', i + 1)) line++;
    lineScanned = idx;
    return line;
  };
  const resolve = (qname: string, isAttr: boolean): { ns: string | undefined; local: string } => {
    const c = qname.indexOf(':');
    if (c < 0) return { ns: isAttr ? undefined : scopes[scopes.length - 1].get(''), local: qname };
    const prefix = qname.slice(0, c);
    return { ns: scopes[scopes.length - 1].get(prefix) ?? prefix, local: qname.slice(c + 1) };
  };
  const skipTo = (from: number, marker: string): number => {
    const k = text.indexOf(marker, from);
    return k < 0 ? text.length : k + marker.length;
  };
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) i = skipTo(lt + 4, '-->');
    else if (text.startsWith('<![CDATA[', lt)) i = skipTo(lt + 9, ']]>');
    else if (text.startsWith('<?', lt)) i = skipTo(lt + 2, '?>');
    else if (text.startsWith('<!', lt)) i = skipTo(lt + 2, '>');
    else if (text.startsWith('</', lt)) {
      i = skipTo(lt + 2, '>');
      if (scopes.length > 1) scopes.pop();
    } else {
      // Start tag: find its '>' outside quotes.
      let j = lt + 1;
      let quote = '';
      while (j < text.length) {
        const c = text[j];
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') break;
        j++;
      }
      if (j >= text.length) {
        w.add(`unterminated tag at character ${lt}`);
        break;
      }
      let k = lt + 1;
      while (k < j && !isSpace(text.charCodeAt(k)) && text[k] !== '/' && text[k] !== '>') k++;
      const qname = text.slice(lt + 1, k);
      const selfClosing = text[j - 1] === '/';
      i = j + 1;
      if (!/^[A-Za-z_]/.test(qname)) continue;
      const scope = new Map(scopes[scopes.length - 1]);
      const rawAttrs: [string, string][] = [];
      for (const [name, value] of scanAttributes(text.slice(k, selfClosing ? j - 1 : j))) {
        if (name === 'xmlns') scope.set('', value);
        else if (name.startsWith('xmlns:')) scope.set(name.slice(6), value);
        else rawAttrs.push([name, value]);
      }
      scopes.push(scope);
      const { ns, local } = resolve(qname, false);
      elements.push({
        name: local,
        namespaceUri: ns,
        depth: scopes.length - 1,
        lineNumber: lineAt(lt),
        attributes: rawAttrs.map(([q, v]) => {
          const r = resolve(q, true);
          return { namespaceUri: r.ns, name: r.local, resId: undefined, rawValue: v, type: TYPE_STRING, data: 0xffffffff, value: v };
        }),
      });
      if (selfClosing) scopes.pop();
    }
  }
  return { strings: [], otherPools: [], resourceMap: [], elements, warnings: w.list, plainText: true, tampered: false };
}

// ------------------------------------------------------------------------------------------
// Manifest extraction
// ------------------------------------------------------------------------------------------

/**
 * The android: attribute with resource id `ANDROID_ATTR[name]`; only when no attribute of the
 * element carries a resource-map id for it, the first one whose pool name matches and that
 * has no id at all (plain-text XML, or a file without a resource map entry).
 */
export function findAndroidAttribute(el: AxmlElement, name: AndroidAttrName): AxmlAttribute | undefined {
  const id = ANDROID_ATTR[name];
  for (const a of el.attributes) if (a.resId === id) return a;
  for (const a of el.attributes) {
    if (a.resId === undefined && a.name === name && (a.namespaceUri === undefined || a.namespaceUri === ANDROID_NS)) return a;
  }
  return undefined;
}

function attrString(a: AxmlAttribute | undefined): string | undefined {
  if (!a) return undefined;
  if (typeof a.value === 'string') return a.value;
  if (a.value === null) return a.rawValue;
  return a.rawValue ?? String(a.value);
}

function attrInt(a: AxmlAttribute | undefined, what: string, warnings: string[]): number | undefined {
  if (!a) return undefined;
  if (typeof a.value === 'number' && Number.isInteger(a.value)) return a.value;
  const s = (typeof a.value === 'string' ? a.value : a.rawValue ?? '').trim();
  if (/^-?\d+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-f]+$/i.test(s)) return parseInt(s, 16) | 0;
  warnings.push(`${what} is not an integer: ${JSON.stringify(s.slice(0, 60))}`);
  return undefined;
}

function attrBool(a: AxmlAttribute | undefined): boolean | undefined {
  if (!a) return undefined;
  if (typeof a.value === 'boolean') return a.value;
  const s = attrString(a)?.trim().toLowerCase();
  return s === 'true' ? true : s === 'false' ? false : undefined;
}

/** The overlay element's android:resourcesMap (ResourcesMapAttr), or undefined when it has none. */
function resourcesMapOf(el: AxmlElement): ResourcesMapAttr | undefined {
  const byId = el.attributes.find((a) => a.resId === RESOURCES_MAP_ATTR);
  const byName = el.attributes.find((a) => a.name === 'resourcesMap');
  if (!byId && !byName) return undefined;
  const found = [...new Set([byId, byName])].filter((a): a is AxmlAttribute => a !== undefined);
  const map: ResourcesMapAttr = { refs: [], sameNameToo: !byId || !byName };
  for (const a of found) {
    if (a.type === TYPE_REFERENCE || a.type === TYPE_DYNAMIC_REFERENCE) {
      if (!map.refs.includes(a.data >>> 0)) map.refs.push(a.data >>> 0);
    } else {
      map.error = `android:resourcesMap is not a reference (${JSON.stringify(String(attrString(a) ?? '').slice(0, 60))}, type ${hex(a.type, 2)})`;
    }
  }
  return map;
}

/**
 * Broadcasts that start an app with no one using it, delivered to a manifest `<receiver>`:
 * - boot: BOOT_COMPLETED, LOCKED_BOOT_COMPLETED (direct boot), the vendors' QUICKBOOT_POWERON, and
 *   PRE_BOOT_COMPLETED (system apps, at the first boot and after each OTA);
 * - the first unlock, USER_PRESENT (the Nokia client sent its SMS on unlock);
 * - the SIM and the network coming up, which an activation client waits for to read the IMSI and
 *   ICCID: SIM_STATE_CHANGED and its successors SIM_CARD_STATE_CHANGED and
 *   SIM_APPLICATION_STATE_CHANGED, CARRIER_CONFIG_CHANGED (sent at every boot once the SIM is
 *   read), the default subscription changes, SERVICE_STATE and PHONE_STATE (a call). The
 *   platform's Phone, STK and CellBroadcast apps receive some of them, but they have boot
 *   receivers too: they meet the rule, or not, the same with or without these.
 * Not USER_UNLOCKED (sent FLAG_RECEIVER_REGISTERED_ONLY: a running app's registered receivers
 * only), MY_PACKAGE_REPLACED (after an update from a store: the firmware's own code never gets
 * it), nor `android:persistent` (Phone, SystemUI and NFC are persistent: every build would have
 * them suspected).
 */
const BOOT_ACTIONS = new Set([
  'android.intent.action.BOOT_COMPLETED',
  'android.intent.action.LOCKED_BOOT_COMPLETED',
  'android.intent.action.PRE_BOOT_COMPLETED',
  'android.intent.action.QUICKBOOT_POWERON',
  'com.htc.intent.action.QUICKBOOT_POWERON',
  'android.intent.action.USER_PRESENT',
  'android.intent.action.SIM_STATE_CHANGED',
  'android.telephony.action.SIM_CARD_STATE_CHANGED',
  'android.telephony.action.SIM_APPLICATION_STATE_CHANGED',
  'android.telephony.action.CARRIER_CONFIG_CHANGED',
  'android.intent.action.ACTION_DEFAULT_DATA_SUBSCRIPTION_CHANGED',
  'android.intent.action.ACTION_DEFAULT_SUBSCRIPTION_CHANGED',
  'android.telephony.action.DEFAULT_SUBSCRIPTION_CHANGED',
  'android.telephony.action.DEFAULT_SMS_SUBSCRIPTION_CHANGED',
  'android.intent.action.SERVICE_STATE',
  'android.intent.action.PHONE_STATE',
]);
/**
 * An `<action>` naming one of BOOT_ACTIONS, by any reading of its name: Android takes the
 * attribute called `name` in the android namespace (by its pool name, not its resource id) and
 * its raw string before its typed value (XmlBlock getAttributeValue), where findAndroidAttribute
 * and attrString prefer the resource id and the typed value. A crafted manifest whose raw and typed
 * values differ (raw BOOT_COMPLETED, typed anything) starts the app all the same.
 */
function startsOnItsOwn(el: AxmlElement): boolean {
  for (const a of el.attributes) {
    if (a.resId !== ANDROID_ATTR.name && a.name !== 'name') continue;
    if (BOOT_ACTIONS.has(a.rawValue ?? '') || (typeof a.value === 'string' && BOOT_ACTIONS.has(a.value))) return true;
  }
  return false;
}
const PERMISSION_TAGS = new Set(['uses-permission', 'uses-permission-sdk-23', 'uses-permission-sdk-m']);

/** Manifest facts from a parsed document. Missing `<manifest>` or `package` -> FormatError. */
export function extractManifest(doc: AxmlDocument): ManifestInfo {
  const warnings = [...doc.warnings];
  const root = doc.elements.find((e) => e.depth === 1);
  if (!root || root.name !== 'manifest') {
    throw new FormatError(FORMAT, root ? `root element is <${root.name.slice(0, 60)}>, not <manifest>` : 'no <manifest> element');
  }
  // `package` has no namespace and no resource id: match it by name.
  const pkgAttr =
    root.attributes.find((a) => a.name === 'package' && a.namespaceUri === undefined) ?? root.attributes.find((a) => a.name === 'package');
  const pkg = pkgAttr ? (pkgAttr.rawValue ?? attrString(pkgAttr) ?? '').trim() : '';
  if (!pkg) throw new FormatError(FORMAT, 'manifest has no package name');

  const info: ManifestInfo = { package: pkg, permissions: [], bootCompleted: false, warnings };
  const versionCode = attrInt(findAndroidAttribute(root, 'versionCode'), 'versionCode', warnings);
  if (versionCode !== undefined) info.versionCode = versionCode;
  const versionName = attrString(findAndroidAttribute(root, 'versionName'));
  if (versionName !== undefined) info.versionName = versionName;
  const sharedUserId = attrString(findAndroidAttribute(root, 'sharedUserId'));
  if (sharedUserId !== undefined) info.sharedUserId = sharedUserId;

  const permissions = new Set<string>();
  // Ancestor names of the current element, index = depth - 1.
  const path: string[] = [];
  let sawUsesSdk = false;
  for (const el of doc.elements) {
    path.length = el.depth - 1;
    path.push(el.name);
    if (el.depth === 2 && PERMISSION_TAGS.has(el.name)) {
      const n = attrString(findAndroidAttribute(el, 'name'));
      if (n) permissions.add(n);
    } else if (el.depth === 2 && el.name === 'uses-sdk' && !sawUsesSdk) {
      sawUsesSdk = true;
      const minAttr = findAndroidAttribute(el, 'minSdkVersion');
      const targetAttr = findAndroidAttribute(el, 'targetSdkVersion');
      const min = attrInt(minAttr, 'minSdkVersion', warnings);
      if (min !== undefined) info.minSdk = min;
      const target = attrInt(targetAttr, 'targetSdkVersion', warnings);
      if (target !== undefined) info.targetSdk = target;
      if ((targetAttr && target === undefined) || (minAttr && min === undefined)) info.sdkUnread = true;
    } else if (el.depth === 2 && el.name === 'overlay' && !info.overlay) {
      const target = attrString(findAndroidAttribute(el, 'targetPackage'));
      if (target) {
        const o: NonNullable<ManifestInfo['overlay']> = { targetPackage: target };
        const targetName = attrString(findAndroidAttribute(el, 'targetName'));
        if (targetName !== undefined) o.targetName = targetName;
        const propName = attrString(findAndroidAttribute(el, 'requiredSystemPropertyName'));
        if (propName !== undefined) o.requiredSystemPropertyName = propName;
        const propValue = attrString(findAndroidAttribute(el, 'requiredSystemPropertyValue'));
        if (propValue !== undefined) o.requiredSystemPropertyValue = propValue;
        const isStatic = attrBool(findAndroidAttribute(el, 'isStatic'));
        if (isStatic !== undefined) o.isStatic = isStatic;
        const priority = attrInt(findAndroidAttribute(el, 'priority'), 'overlay priority', warnings);
        if (priority !== undefined) o.priority = priority;
        for (const [what, v] of [['requiredSystemPropertyName', propName], ['requiredSystemPropertyValue', propValue]] as const) {
          if (v !== undefined && /^[@?]/.test(v)) warnings.push(`overlay ${what} is a reference (${v}), not a value: the overlay is taken as enabled whatever the properties`);
        }
        info.overlay = o;
        const map = resourcesMapOf(el);
        if (map) info.resourcesMap = map;
      } else {
        warnings.push('<overlay> without android:targetPackage');
      }
    } else if (
      el.name === 'action' &&
      el.depth >= 4 &&
      path[el.depth - 2] === 'intent-filter' &&
      path[el.depth - 3] === 'receiver' &&
      startsOnItsOwn(el)
    ) {
      info.bootCompleted = true;
    }
  }
  info.permissions = [...permissions].sort();
  return info;
}
