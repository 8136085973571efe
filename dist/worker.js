import { endianness, tmpdir } from 'node:os';
import { isMainThread, workerData, parentPort } from 'node:worker_threads';
import { join, basename } from 'node:path';
import { gunzipSync, constants, InflateRaw, inflateRawSync, createInflateRaw } from 'node:zlib';
import { createHash, randomBytes } from 'node:crypto';
import { openSync, constants as constants$1, fstatSync, closeSync, readSync, createWriteStream, mkdirSync, writeFileSync, renameSync, unlinkSync, statSync, accessSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { Transform, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import require$$0 from 'stream/web';

function _mergeNamespaces(n, m) {
    m.forEach(function (e) {
        e && typeof e !== 'string' && !Array.isArray(e) && Object.keys(e).forEach(function (k) {
            if (k !== 'default' && !(k in n)) {
                var d = Object.getOwnPropertyDescriptor(e, k);
                Object.defineProperty(n, k, d.get ? d : {
                    enumerable: true,
                    get: function () { return e[k]; }
                });
            }
        });
    });
    return Object.freeze(n);
}

/**
 * Appends every item of `items` to `target`. `target.push(...items)` passes each item as an
 * argument, and past ~100,000 of them the engine throws RangeError (call stack size exceeded): a
 * build with that many findings, properties or files must not crash the gate.
 */
function appendAll(target, items) {
    for (let i = 0; i < items.length; i++)
        target.push(items[i]);
}

/**
 * Errors raised by the binary parsers. A parser throws FormatError for any input it recognises
 * but cannot read; the artifact boundary in extract/ catches it and records an unreadable fact.
 */
class FormatError extends Error {
    format;
    offset;
    reason;
    path;
    constructor(format, reason, offset, path) {
        super(`${format}: ${reason}${offset !== undefined ? ` at offset ${offset}` : ''}`);
        this.name = 'FormatError';
        this.format = format;
        this.reason = reason;
        this.offset = offset;
        this.path = path;
    }
}
/** Throws a FormatError unless `start + length` lies inside `[0, size]`. */
function assertRange(format, what, start, length, size) {
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(length) || start < 0 || length < 0 || start + length > size) {
        throw new FormatError(format, `${what} (${length} bytes at ${start}) overflows the ${size}-byte bounds`, start);
    }
}

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
const RES_STRING_POOL_TYPE$2 = 0x0001;
const STRING_POOL_HEADER_SIZE = 28;
const SORTED_FLAG = 0x1;
const UTF8_FLAG = 0x100;
const MAX_WARNINGS = 50;
function warn(warnings, message) {
    if (warnings.length < MAX_WARNINGS)
        warnings.push(message);
    else if (warnings.length === MAX_WARNINGS)
        warnings.push('further string pool warnings suppressed');
}
/**
 * Parses the string pool chunk at `start`. The chunk must lie inside `[start, limit)`
 * (`limit` defaults to the buffer length); when its declared size overflows the limit, the
 * pool is read up to the limit and a warning is recorded.
 */
function parseStringPool(buf, start, limit = buf.length, format = 'stringpool') {
    limit = Math.min(limit, buf.length);
    if (!Number.isSafeInteger(start) || start < 0 || start + STRING_POOL_HEADER_SIZE > limit) {
        throw new FormatError(format, 'string pool header overflows its bounds', start);
    }
    const type = buf.readUInt16LE(start);
    const headerSize = buf.readUInt16LE(start + 2);
    const size = buf.readUInt32LE(start + 4);
    if (type !== RES_STRING_POOL_TYPE$2) {
        throw new FormatError(format, `expected a string pool chunk (0x0001), found 0x${type.toString(16).padStart(4, '0')}`, start);
    }
    if (headerSize < STRING_POOL_HEADER_SIZE || headerSize > size) {
        throw new FormatError(format, `bad string pool header size ${headerSize} (chunk size ${size})`, start);
    }
    const warnings = [];
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
    if (styleCount > 0 && stylesStart > stringsStart && start + stylesStart <= end)
        dataEnd = start + stylesStart;
    const dataOk = stringsStart !== 0 && dataStart <= dataEnd;
    if (!dataOk && count > 0)
        warn(warnings, `stringsStart ${stringsStart} lies outside the chunk`);
    // Every string is decoded whole, and a crafted pool can point many indices at one long string
    // or into it: 6,000 offsets to one string of a million characters made 12 GB of strings out of a
    // 2 KB APK. A well-formed pool's strings take no more bytes than its string data. Past that, an
    // offset seen again gives the string already decoded (`repeat`); past twice that plus 1 MiB,
    // strings overlap as no tool writes them, and the pool is refused (the file is then unreadable,
    // which fails closed) rather than any string in it left out.
    const region = dataOk ? dataEnd - dataStart : 0;
    const cap = 2 * region + (1 << 20);
    let spent = 0;
    let seen;
    const strings = new Array(count);
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
        if (s.truncated)
            warn(warnings, `string #${i} has a truncated length (real length ${s.end - s.offset} bytes)`);
        const decoded = { value: buf.toString(utf8 ? 'utf8' : 'utf16le', s.offset, s.end), offset: s.offset };
        strings[i] = decoded;
        if (seen)
            seen.set(at, decoded);
        else if (spent > region)
            seen = new Map([[at, decoded]]);
    }
    return { strings, utf8, sorted: (flags & SORTED_FLAG) !== 0, declaredCount, styleCount, start, size, warnings };
}
/**
 * UTF-8 pool string at `at`: UTF-16 length then byte length (1 or 2 bytes each, high bit
 * marks the 2-byte form), the bytes, then 0x00. AAPT wrote byte lengths above 0x7FFF
 * truncated to 15 bits; like `ResStringPool::stringDecodeAt`, when the byte after the
 * declared length is not NUL, try `len + k * 0x8000` until a NUL is found inside the pool.
 */
function locateUtf8At(buf, at, end) {
    let p = at;
    if (p >= end)
        return undefined;
    // UTF-16 length: skipped, only its encoding width matters.
    p += buf[p] & 0x80 ? 2 : 1;
    if (p >= end)
        return undefined;
    let len = buf[p];
    if (len & 0x80) {
        if (p + 1 >= end)
            return undefined;
        len = ((len & 0x7f) << 8) | buf[p + 1];
        p += 2;
    }
    else {
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
function locateUtf16At(buf, at, end) {
    let p = at;
    if (p + 2 > end)
        return undefined;
    let len = buf.readUInt16LE(p);
    p += 2;
    if (len & 0x8000) {
        if (p + 2 > end)
            return undefined;
        len = ((len & 0x7fff) << 16) | buf.readUInt16LE(p);
        p += 2;
    }
    const stop = p + 2 * len;
    if (stop + 2 > end)
        return undefined;
    if (buf[stop] !== 0 || buf[stop + 1] !== 0)
        return undefined;
    return { offset: p, end: stop, truncated: false };
}
/** The string at `index`, or `undefined` for 0xFFFFFFFF / out-of-range indices. */
function poolString(pool, index) {
    if (!pool || index === 0xffffffff || index < 0 || index >= pool.strings.length)
        return undefined;
    return pool.strings[index].value;
}

/** A capped list of parser warnings: a hostile file cannot fill memory with them. */
class Warnings {
    max;
    list = [];
    constructor(max = 100) {
        this.max = max;
    }
    add(message) {
        if (this.list.length < this.max)
            this.list.push(message);
        else if (this.list.length === this.max)
            this.list.push('further warnings suppressed');
    }
}

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
const FORMAT$3 = 'axml';
const RES_XML_TYPE = 0x0003;
const RES_STRING_POOL_TYPE$1 = 0x0001;
const RES_XML_START_NAMESPACE_TYPE = 0x0100;
const RES_XML_END_NAMESPACE_TYPE = 0x0101;
const RES_XML_START_ELEMENT_TYPE = 0x0102;
const RES_XML_END_ELEMENT_TYPE = 0x0103;
const RES_XML_CDATA_TYPE = 0x0104;
const RES_XML_RESOURCE_MAP_TYPE = 0x0180;
/** Res_value dataType values (`ResourceTypes.h`). */
const TYPE_NULL = 0x00;
const TYPE_REFERENCE = 0x01;
const TYPE_ATTRIBUTE = 0x02;
const TYPE_STRING = 0x03;
const TYPE_FLOAT = 0x04;
const TYPE_DIMENSION = 0x05;
const TYPE_FRACTION = 0x06;
const TYPE_DYNAMIC_REFERENCE = 0x07;
const TYPE_DYNAMIC_ATTRIBUTE = 0x08;
const TYPE_INT_DEC = 0x10;
const TYPE_INT_HEX = 0x11;
const TYPE_INT_BOOLEAN = 0x12;
const TYPE_FIRST_COLOR_INT = 0x1c;
const TYPE_LAST_COLOR_INT = 0x1f;
const ANDROID_NS = 'http://schemas.android.com/apk/res/android';
/**
 * android:attr resource ids used by the manifest extractor. Every id was checked against
 * `aapt dump resources /usr/share/android-framework-res/framework-res.apk`
 * ("spec resource 0x01010003 android:attr/name" ...).
 */
const ANDROID_ATTR = {
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
};
const ATTR_NAME_BY_ID = new Map(Object.entries(ANDROID_ATTR).map(([k, v]) => [v, k]));
/**
 * Elements kept per document. A manifest has a few thousand at most; a crafted one of 3.4 million
 * nested elements (a 554 KB APK) took 814 MB. Past this the document is unreadable.
 */
const MAX_ELEMENTS = 200_000;
const hex = (n, width = 8) => `0x${(n >>> 0).toString(16).padStart(width, '0')}`;
/** Parses binary XML (or detects plain-text XML). Throws FormatError only when unreadable. */
function parseAxml(buf) {
    if (looksLikeTextXml(buf))
        return parseTextXml(buf);
    if (buf.length < 8)
        throw new FormatError(FORMAT$3, `file too short for a chunk header (${buf.length} bytes)`, 0);
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
        throw new FormatError(FORMAT$3, `bad top chunk header size ${topHeaderSize} (chunk size ${topSize})`, 0);
    }
    if (topSize > buf.length) {
        throw new FormatError(FORMAT$3, `declared size ${topSize} exceeds the ${buf.length}-byte file`, 4);
    }
    if (topSize < buf.length)
        w.add(`${buf.length - topSize} bytes after the declared end of the document are ignored`);
    const end = topSize;
    let pool;
    let resourceMap = [];
    const elements = [];
    const stack = [];
    let junkAt = -1;
    let poolError;
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
        switch (type) {
            case RES_STRING_POOL_TYPE$1:
                if (pool) {
                    w.add(`extra string pool at ${pos} ignored`);
                    break;
                }
                try {
                    pool = parseStringPool(buf, pos, chunkEnd, FORMAT$3);
                    for (const m of pool.warnings)
                        w.add(m);
                    if (pool.strings.length !== pool.declaredCount)
                        tampered = true;
                }
                catch (e) {
                    if (!(e instanceof FormatError))
                        throw e;
                    w.add(`unreadable string pool at ${pos}: ${e.reason}`);
                    poolError ??= e.reason;
                    tampered = true;
                }
                break;
            case RES_XML_RESOURCE_MAP_TYPE: {
                const n = Math.floor((chunkEnd - pos - headerSize) / 4);
                resourceMap = new Array(Math.max(0, n));
                for (let i = 0; i < n; i++)
                    resourceMap[i] = buf.readUInt32LE(pos + headerSize + 4 * i);
                break;
            }
            case RES_XML_START_NAMESPACE_TYPE:
            case RES_XML_END_NAMESPACE_TYPE:
            case RES_XML_CDATA_TYPE:
                // Attribute namespaces are string indices of their own, so namespace and text nodes
                // carry nothing the manifest needs. Their headerSize may be odd (0x14): step by size.
                break;
            case RES_XML_START_ELEMENT_TYPE: {
                const el = readStartElement(buf, pos, headerSize, chunkEnd, pool, resourceMap, stack.length + 1, w);
                if (el) {
                    if (elements.length === MAX_ELEMENTS)
                        throw new FormatError(FORMAT$3, `more than ${MAX_ELEMENTS} elements`, pos);
                    elements.push(el);
                    stack.push(el);
                }
                else {
                    tampered = true;
                }
                break;
            }
            case RES_XML_END_ELEMENT_TYPE:
                if (stack.length > 0)
                    stack.pop();
                else
                    w.add(`end element at ${pos} without a start`);
                break;
            default:
                w.add(`unknown chunk ${hex(type, 4)} at ${pos} (${size} bytes) skipped`);
                break;
        }
        pos += size;
    }
    if (junkAt >= 0)
        w.add(`document ends in junk from offset ${junkAt}`);
    if (!pool) {
        w.add('no string pool');
        poolError ??= 'no string pool chunk';
    }
    return {
        strings: pool ? pool.strings : [],
        resourceMap,
        elements,
        warnings: w.list,
        plainText: false,
        tampered,
        ...(poolError !== undefined ? { poolError } : {}),
    };
}
function readStartElement(buf, pos, headerSize, chunkEnd, pool, resourceMap, depth, w) {
    const ext = pos + headerSize;
    if (headerSize < 16 || ext + 20 > chunkEnd) {
        w.add(`start element at ${pos} too short (${chunkEnd - pos} bytes, header ${headerSize})`);
        return undefined;
    }
    const lineNumber = buf.readUInt32LE(pos + 8);
    const nsIdx = buf.readUInt32LE(ext);
    const nameIdx = buf.readUInt32LE(ext + 4);
    const attrStart = buf.readUInt16LE(ext + 8);
    let attrSize = buf.readUInt16LE(ext + 10);
    const attrCount = buf.readUInt16LE(ext + 12);
    if (attrSize !== 20) {
        w.add(`element at ${pos} has attributeSize ${attrSize}${attrSize < 20 ? '; using 20' : ''}`);
        if (attrSize < 20)
            attrSize = 20;
    }
    const name = poolString(pool, nameIdx);
    if (name === undefined)
        w.add(`element at ${pos} has an invalid name index ${nameIdx}`);
    const attributes = [];
    for (let i = 0; i < attrCount; i++) {
        const a = ext + attrStart + i * attrSize;
        if (a + 20 > chunkEnd) {
            w.add(`element at ${pos}: attribute ${i} of ${attrCount} overflows the chunk`);
            break;
        }
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
        const rawValue = poolString(pool, aRaw);
        attributes.push({
            namespaceUri: poolString(pool, aNs) || undefined,
            name: attrName,
            resId,
            rawValue,
            type,
            data,
            value: decodeValue(type, data, rawValue, pool),
        });
    }
    return { name: name ?? '', namespaceUri: poolString(pool, nsIdx) || undefined, depth, lineNumber, attributes };
}
const DIMENSION_UNITS = ['px', 'dip', 'sp', 'pt', 'in', 'mm'];
const FRACTION_UNITS = ['%', '%p'];
// Res_value::complexToFloat: radix 23p0, 16p7, 8p15, 0p23 over a mantissa shifted left by 8.
const RADIX_MULTS = [1 / 2 ** 8, 1 / 2 ** 15, 1 / 2 ** 23, 1 / 2 ** 31];
function complexToFloat(data) {
    const mantissa = data & 0xffffff00; // signed (as Java's TypedValue) 24-bit mantissa, top bits
    return mantissa * RADIX_MULTS[(data >> 4) & 3];
}
function formatFloat(v) {
    // Six significant decimals, trailing zeros trimmed but at least one decimal ("16.0dip").
    const s = (Math.round(v * 1e6) / 1e6).toString();
    return s.includes('.') || s.includes('e') ? s : `${s}.0`;
}
/** Typed decoding of a Res_value, as aapt prints it where the type is not a plain number. */
function decodeValue(type, data, rawValue, pool) {
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
            if (type >= TYPE_FIRST_COLOR_INT && type <= TYPE_LAST_COLOR_INT)
                return `#${(data >>> 0).toString(16).padStart(8, '0')}`;
            return data >>> 0;
    }
}
// ------------------------------------------------------------------------------------------
// Plain-text XML (an unbuilt manifest, or a file swapped in to fool tools)
// ------------------------------------------------------------------------------------------
/** True when the buffer starts (after a BOM and whitespace) with `<?`, `<!` or `<tag`. */
function looksLikeTextXml(buf) {
    let i = 0;
    if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
        i = 3;
    while (i < buf.length && (buf[i] === 0x20 || buf[i] === 0x09 || buf[i] === 0x0a || buf[i] === 0x0d))
        i++;
    if (i + 1 >= buf.length || buf[i] !== 0x3c)
        return false;
    const c = buf[i + 1];
    return c === 0x3f || c === 0x21 || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}
const ENTITY = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decodeEntities(s) {
    return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, e) => {
        if (e[0] === '#') {
            const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
            return Number.isFinite(cp) && cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
        }
        return ENTITY[e] ?? m;
    });
}
const isSpace = (c) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
/** Attributes of a start tag's body, scanned in one pass (no backtracking on hostile text). */
function scanAttributes(body) {
    const out = [];
    let i = 0;
    const n = body.length;
    while (i < n) {
        while (i < n && (isSpace(body.charCodeAt(i)) || body[i] === '/'))
            i++;
        const nameStart = i;
        while (i < n && body[i] !== '=' && !isSpace(body.charCodeAt(i)) && body[i] !== '/')
            i++;
        const name = body.slice(nameStart, i);
        while (i < n && isSpace(body.charCodeAt(i)))
            i++;
        if (body[i] !== '=') {
            if (i === nameStart)
                i++;
            continue;
        }
        i++;
        while (i < n && isSpace(body.charCodeAt(i)))
            i++;
        const q = body[i];
        if (q !== '"' && q !== "'")
            continue;
        const close = body.indexOf(q, i + 1);
        if (close < 0)
            break;
        if (name)
            out.push([name, decodeEntities(body.slice(i + 1, close))]);
        i = close + 1;
    }
    return out;
}
/**
 * A tolerant tag-level reader: elements, attributes and xmlns prefixes, no validation, one
 * linear pass. Values are kept as strings (dataType STRING); the manifest extractor matches
 * them by name.
 */
function parseTextXml(buf) {
    const text = buf.toString('utf8').replace(/^\uFEFF/, '');
    const w = new Warnings();
    w.add('plain-text XML, not binary AXML');
    const elements = [];
    const scopes = [new Map([['xml', 'http://www.w3.org/XML/1998/namespace']])];
    let line = 1;
    let lineScanned = 0;
    const lineAt = (idx) => {
        for (let i = text.indexOf('\n', lineScanned); i !== -1 && i < idx; i = text.indexOf('\n', i + 1))
            line++;
        lineScanned = idx;
        return line;
    };
    const resolve = (qname, isAttr) => {
        const c = qname.indexOf(':');
        if (c < 0)
            return { ns: isAttr ? undefined : scopes[scopes.length - 1].get(''), local: qname };
        const prefix = qname.slice(0, c);
        return { ns: scopes[scopes.length - 1].get(prefix) ?? prefix, local: qname.slice(c + 1) };
    };
    const skipTo = (from, marker) => {
        const k = text.indexOf(marker, from);
        return k < 0 ? text.length : k + marker.length;
    };
    let i = 0;
    while (i < text.length) {
        const lt = text.indexOf('<', i);
        if (lt < 0)
            break;
        if (text.startsWith('<!--', lt))
            i = skipTo(lt + 4, '-->');
        else if (text.startsWith('<![CDATA[', lt))
            i = skipTo(lt + 9, ']]>');
        else if (text.startsWith('<?', lt))
            i = skipTo(lt + 2, '?>');
        else if (text.startsWith('<!', lt))
            i = skipTo(lt + 2, '>');
        else if (text.startsWith('</', lt)) {
            i = skipTo(lt + 2, '>');
            if (scopes.length > 1)
                scopes.pop();
        }
        else {
            // Start tag: find its '>' outside quotes.
            let j = lt + 1;
            let quote = '';
            while (j < text.length) {
                const c = text[j];
                if (quote) {
                    if (c === quote)
                        quote = '';
                }
                else if (c === '"' || c === "'")
                    quote = c;
                else if (c === '>')
                    break;
                j++;
            }
            if (j >= text.length) {
                w.add(`unterminated tag at character ${lt}`);
                break;
            }
            let k = lt + 1;
            while (k < j && !isSpace(text.charCodeAt(k)) && text[k] !== '/' && text[k] !== '>')
                k++;
            const qname = text.slice(lt + 1, k);
            const selfClosing = text[j - 1] === '/';
            i = j + 1;
            if (!/^[A-Za-z_]/.test(qname))
                continue;
            const scope = new Map(scopes[scopes.length - 1]);
            const rawAttrs = [];
            for (const [name, value] of scanAttributes(text.slice(k, selfClosing ? j - 1 : j))) {
                if (name === 'xmlns')
                    scope.set('', value);
                else if (name.startsWith('xmlns:'))
                    scope.set(name.slice(6), value);
                else
                    rawAttrs.push([name, value]);
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
            if (selfClosing)
                scopes.pop();
        }
    }
    return { strings: [], resourceMap: [], elements, warnings: w.list, plainText: true, tampered: false };
}
// ------------------------------------------------------------------------------------------
// Manifest extraction
// ------------------------------------------------------------------------------------------
/**
 * The android: attribute with resource id `ANDROID_ATTR[name]`; only when no attribute of the
 * element carries a resource-map id for it, the first one whose pool name matches and that
 * has no id at all (plain-text XML, or a file without a resource map entry).
 */
function findAndroidAttribute(el, name) {
    const id = ANDROID_ATTR[name];
    for (const a of el.attributes)
        if (a.resId === id)
            return a;
    for (const a of el.attributes) {
        if (a.resId === undefined && a.name === name && (a.namespaceUri === undefined || a.namespaceUri === ANDROID_NS))
            return a;
    }
    return undefined;
}
function attrString(a) {
    if (!a)
        return undefined;
    if (typeof a.value === 'string')
        return a.value;
    if (a.value === null)
        return a.rawValue;
    return a.rawValue ?? String(a.value);
}
function attrInt(a, what, warnings) {
    if (!a)
        return undefined;
    if (typeof a.value === 'number' && Number.isInteger(a.value))
        return a.value;
    const s = (typeof a.value === 'string' ? a.value : a.rawValue ?? '').trim();
    if (/^-?\d+$/.test(s))
        return parseInt(s, 10);
    if (/^0x[0-9a-f]+$/i.test(s))
        return parseInt(s, 16) | 0;
    warnings.push(`${what} is not an integer: ${JSON.stringify(s.slice(0, 60))}`);
    return undefined;
}
function attrBool(a) {
    if (!a)
        return undefined;
    if (typeof a.value === 'boolean')
        return a.value;
    const s = attrString(a)?.trim().toLowerCase();
    return s === 'true' ? true : s === 'false' ? false : undefined;
}
const BOOT_ACTIONS = new Set(['android.intent.action.BOOT_COMPLETED', 'android.intent.action.LOCKED_BOOT_COMPLETED']);
const PERMISSION_TAGS = new Set(['uses-permission', 'uses-permission-sdk-23', 'uses-permission-sdk-m']);
/** Manifest facts from a parsed document. Missing `<manifest>` or `package` -> FormatError. */
function extractManifest(doc) {
    const warnings = [...doc.warnings];
    const root = doc.elements.find((e) => e.depth === 1);
    if (!root || root.name !== 'manifest') {
        throw new FormatError(FORMAT$3, root ? `root element is <${root.name.slice(0, 60)}>, not <manifest>` : 'no <manifest> element');
    }
    // `package` has no namespace and no resource id: match it by name.
    const pkgAttr = root.attributes.find((a) => a.name === 'package' && a.namespaceUri === undefined) ?? root.attributes.find((a) => a.name === 'package');
    const pkg = pkgAttr ? (pkgAttr.rawValue ?? attrString(pkgAttr) ?? '').trim() : '';
    if (!pkg)
        throw new FormatError(FORMAT$3, 'manifest has no package name');
    const info = { package: pkg, permissions: [], bootCompleted: false, warnings };
    const versionCode = attrInt(findAndroidAttribute(root, 'versionCode'), 'versionCode', warnings);
    if (versionCode !== undefined)
        info.versionCode = versionCode;
    const versionName = attrString(findAndroidAttribute(root, 'versionName'));
    if (versionName !== undefined)
        info.versionName = versionName;
    const sharedUserId = attrString(findAndroidAttribute(root, 'sharedUserId'));
    if (sharedUserId !== undefined)
        info.sharedUserId = sharedUserId;
    const permissions = new Set();
    // Ancestor names of the current element, index = depth - 1.
    const path = [];
    let sawUsesSdk = false;
    for (const el of doc.elements) {
        path.length = el.depth - 1;
        path.push(el.name);
        if (el.depth === 2 && PERMISSION_TAGS.has(el.name)) {
            const n = attrString(findAndroidAttribute(el, 'name'));
            if (n)
                permissions.add(n);
        }
        else if (el.depth === 2 && el.name === 'uses-sdk' && !sawUsesSdk) {
            sawUsesSdk = true;
            const min = attrInt(findAndroidAttribute(el, 'minSdkVersion'), 'minSdkVersion', warnings);
            if (min !== undefined)
                info.minSdk = min;
            const target = attrInt(findAndroidAttribute(el, 'targetSdkVersion'), 'targetSdkVersion', warnings);
            if (target !== undefined)
                info.targetSdk = target;
        }
        else if (el.depth === 2 && el.name === 'overlay' && !info.overlay) {
            const target = attrString(findAndroidAttribute(el, 'targetPackage'));
            if (target) {
                const o = { targetPackage: target };
                const targetName = attrString(findAndroidAttribute(el, 'targetName'));
                if (targetName !== undefined)
                    o.targetName = targetName;
                const propName = attrString(findAndroidAttribute(el, 'requiredSystemPropertyName'));
                if (propName !== undefined)
                    o.requiredSystemPropertyName = propName;
                const propValue = attrString(findAndroidAttribute(el, 'requiredSystemPropertyValue'));
                if (propValue !== undefined)
                    o.requiredSystemPropertyValue = propValue;
                const isStatic = attrBool(findAndroidAttribute(el, 'isStatic'));
                if (isStatic !== undefined)
                    o.isStatic = isStatic;
                const priority = attrInt(findAndroidAttribute(el, 'priority'), 'overlay priority', warnings);
                if (priority !== undefined)
                    o.priority = priority;
                info.overlay = o;
            }
            else {
                warnings.push('<overlay> without android:targetPackage');
            }
        }
        else if (el.name === 'action' &&
            el.depth >= 4 &&
            path[el.depth - 2] === 'intent-filter' &&
            path[el.depth - 3] === 'receiver' &&
            BOOT_ACTIONS.has(attrString(findAndroidAttribute(el, 'name')) ?? '')) {
            info.bootCompleted = true;
        }
    }
    info.permissions = [...permissions].sort();
    return info;
}

const FORMAT$2 = 'arsc';
const RES_TABLE_TYPE = 0x0002;
const RES_STRING_POOL_TYPE = 0x0001;
const RES_TABLE_PACKAGE_TYPE = 0x0200;
const RES_TABLE_TYPE_TYPE = 0x0201;
const RES_TABLE_TYPE_SPEC_TYPE = 0x0202;
const FLAG_SPARSE = 0x01;
const FLAG_OFFSET16 = 0x02;
const ENTRY_FLAG_COMPLEX = 0x0001;
const ENTRY_FLAG_COMPACT = 0x0008;
const NO_ENTRY = 0xffffffff;
const PACKAGE_HEADER_MIN = 284;
/** Reads the chunk header at `pos` inside `[pos, limit)`; undefined when it is not a chunk. */
function readChunk(buf, pos, limit, w) {
    if (pos + 8 > limit)
        return undefined;
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
function parseArsc(buf) {
    if (buf.length < 12)
        throw new FormatError(FORMAT$2, `file too short for a table header (${buf.length} bytes)`, 0);
    const type = buf.readUInt16LE(0);
    const headerSize = buf.readUInt16LE(2);
    const size = buf.readUInt32LE(4);
    if (type !== RES_TABLE_TYPE) {
        throw new FormatError(FORMAT$2, `not a resource table (chunk type 0x${type.toString(16).padStart(4, '0')}; compressed or not an arsc?)`, 0);
    }
    if (headerSize < 12 || headerSize > size)
        throw new FormatError(FORMAT$2, `bad table header size ${headerSize} (size ${size})`, 2);
    const w = new Warnings();
    let end = size;
    if (size > buf.length) {
        w.add(`table declares ${size} bytes but the file has ${buf.length} (truncated)`);
        end = buf.length;
    }
    else if (size < buf.length) {
        w.add(`${buf.length - size} bytes after the table are ignored`);
    }
    const packageCount = buf.readUInt32LE(8);
    let global;
    const packages = [];
    let pos = headerSize;
    while (pos < end) {
        const c = readChunk(buf, pos, end, w);
        if (!c)
            break;
        if (c.type === RES_STRING_POOL_TYPE) {
            if (!global)
                global = readPool(buf, c, w, 'global string pool');
            else
                w.add(`extra string pool at ${pos} ignored`);
        }
        else if (c.type === RES_TABLE_PACKAGE_TYPE) {
            const p = parsePackage(buf, c, global, w);
            if (p)
                packages.push(p);
        }
        else {
            w.add(`unknown table chunk 0x${c.type.toString(16)} at ${pos} skipped`);
        }
        pos = c.end;
    }
    if (!global)
        throw new FormatError(FORMAT$2, 'no global string pool', headerSize);
    if (packages.length !== packageCount)
        w.add(`packageCount ${packageCount} but ${packages.length} packages read`);
    return { globalStrings: global.strings, packages, warnings: w.list };
}
function readPool(buf, c, w, what) {
    try {
        const pool = parseStringPool(buf, c.start, c.end, FORMAT$2);
        for (const m of pool.warnings)
            w.add(`${what}: ${m}`);
        return pool;
    }
    catch (e) {
        if (!(e instanceof FormatError))
            throw e;
        w.add(`${what} at ${c.start} unreadable: ${e.reason}`);
        return undefined;
    }
}
function parsePackage(buf, c, global, w) {
    if (c.headerSize < PACKAGE_HEADER_MIN) {
        w.add(`package at ${c.start} has a ${c.headerSize}-byte header (need ${PACKAGE_HEADER_MIN}); skipped`);
        return undefined;
    }
    const id = buf.readUInt32LE(c.start + 8);
    let nameEnd = c.start + 12;
    while (nameEnd < c.start + 12 + 256 && buf.readUInt16LE(nameEnd) !== 0)
        nameEnd += 2;
    const name = buf.toString('utf16le', c.start + 12, nameEnd);
    const typeStringsOff = buf.readUInt32LE(c.start + 268);
    const keyStringsOff = buf.readUInt32LE(c.start + 276);
    let typePool;
    let keyPool;
    const pkg = { id, name, values: [], bagCount: 0, typeStrings: [], keyStrings: [], keyPoolStrings: [] };
    let pos = c.start + c.headerSize;
    while (pos < c.end) {
        const ch = readChunk(buf, pos, c.end, w);
        if (!ch)
            break;
        const rel = pos - c.start;
        switch (ch.type) {
            case RES_STRING_POOL_TYPE:
                if (rel === typeStringsOff && !typePool)
                    typePool = readPool(buf, ch, w, `package ${name} type strings`);
                else if (rel === keyStringsOff && !keyPool)
                    keyPool = readPool(buf, ch, w, `package ${name} key strings`);
                else if (!typePool)
                    typePool = readPool(buf, ch, w, `package ${name} type strings`);
                else if (!keyPool)
                    keyPool = readPool(buf, ch, w, `package ${name} key strings`);
                else
                    w.add(`extra string pool in package ${name} at ${pos} ignored`);
                break;
            case RES_TABLE_TYPE_SPEC_TYPE:
                // Per-entry configuration masks: nothing the values need.
                break;
            case RES_TABLE_TYPE_TYPE:
                parseType(buf, ch, pkg, global, typePool, keyPool, w);
                break;
        }
        pos = ch.end;
    }
    pkg.typeStrings = typePool ? typePool.strings.map((s) => s.value) : [];
    pkg.keyStrings = keyPool ? keyPool.strings.map((s) => s.value) : [];
    pkg.keyPoolStrings = keyPool ? keyPool.strings : [];
    return pkg;
}
function parseType(buf, c, pkg, global, typePool, keyPool, w) {
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
        let index;
        let offset;
        if (sparse) {
            index = buf.readUInt16LE(at);
            offset = buf.readUInt16LE(at + 2) * 4;
        }
        else if (offset16) {
            index = i;
            const o = buf.readUInt16LE(at);
            if (o === 0xffff)
                continue;
            offset = o * 4;
        }
        else {
            index = i;
            offset = buf.readUInt32LE(at);
            if (offset === NO_ENTRY)
                continue;
        }
        const e = base + offset;
        if (e + 8 > c.end) {
            w.add(`${typeName} entry ${index} at ${e} overflows its chunk`);
            continue;
        }
        const entrySize = buf.readUInt16LE(e);
        const entryFlags = buf.readUInt16LE(e + 2);
        let key;
        let dataType;
        let data;
        if (entryFlags & ENTRY_FLAG_COMPACT) {
            // Compact entry: key index in the size field, dataType in the flags' high byte.
            key = entrySize;
            dataType = entryFlags >>> 8;
            data = buf.readUInt32LE(e + 4);
        }
        else {
            key = buf.readUInt32LE(e + 4);
            if (entryFlags & ENTRY_FLAG_COMPLEX) {
                pkg.bagCount++;
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
function unpackCode(b0, b1, base) {
    if (b0 & 0x80) {
        const first = b1 & 0x1f;
        const second = ((b1 & 0xe0) >> 5) + ((b0 & 0x03) << 3);
        const third = (b0 & 0x7c) >> 2;
        return String.fromCharCode(first + base, second + base, third + base);
    }
    if (b0 === 0)
        return '';
    return String.fromCharCode(b0, b1);
}
function ascii(buf, start, len) {
    let s = '';
    for (let i = 0; i < len && buf[start + i] !== 0; i++)
        s += String.fromCharCode(buf[start + i]);
    return s;
}
const DENSITIES = {
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
function configToString(buf, start, limit) {
    if (start + 4 > limit)
        return '';
    const size = Math.min(buf.readUInt32LE(start), limit - start);
    const u8 = (o) => (o < size ? buf[start + o] : 0);
    const u16 = (o) => (o + 2 <= size ? buf.readUInt16LE(start + o) : 0);
    const parts = [];
    const mcc = u16(4);
    const mnc = u16(6);
    if (mcc)
        parts.push(`mcc${mcc}`);
    if (mnc)
        parts.push(`mnc${mnc}`);
    const lang = unpackCode(u8(8), u8(9), 0x61);
    if (lang) {
        const region = unpackCode(u8(10), u8(11), 0x30);
        const script = size >= 40 ? ascii(buf, start + 36, Math.min(4, size - 36)) : '';
        const variant = size >= 48 ? ascii(buf, start + 40, Math.min(8, size - 40)) : '';
        if (!script && !variant)
            parts.push(region ? `${lang}-r${region}` : lang);
        else
            parts.push(['b', lang, script, region, variant].filter((s) => s).join('+'));
    }
    const screenLayout = u8(28);
    const layoutDir = screenLayout & 0xc0;
    if (layoutDir)
        parts.push(layoutDir === 0x40 ? 'ldltr' : layoutDir === 0x80 ? 'ldrtl' : `layoutDir=${layoutDir}`);
    const sw = u16(30);
    if (sw)
        parts.push(`sw${sw}dp`);
    const wdp = u16(32);
    if (wdp)
        parts.push(`w${wdp}dp`);
    const hdp = u16(34);
    if (hdp)
        parts.push(`h${hdp}dp`);
    const screenSize = screenLayout & 0x0f;
    if (screenSize)
        parts.push(['', 'small', 'normal', 'large', 'xlarge'][screenSize] ?? `screenLayoutSize=${screenSize}`);
    const screenLong = screenLayout & 0x30;
    if (screenLong)
        parts.push(screenLong === 0x10 ? 'notlong' : screenLong === 0x20 ? 'long' : `screenLayoutLong=${screenLong}`);
    const round = u8(48) & 0x03;
    if (round)
        parts.push(round === 1 ? 'notround' : round === 2 ? 'round' : `screenRound=${round}`);
    const colorMode = u8(49);
    const wcg = colorMode & 0x03;
    if (wcg)
        parts.push(wcg === 1 ? 'nowidecg' : wcg === 2 ? 'widecg' : `wideColorGamut=${wcg}`);
    const hdr = colorMode & 0x0c;
    if (hdr)
        parts.push(hdr === 0x04 ? 'lowdr' : hdr === 0x08 ? 'highdr' : `hdr=${hdr}`);
    const orientation = u8(12);
    if (orientation)
        parts.push(['', 'port', 'land', 'square'][orientation] ?? `orientation=${orientation}`);
    const uiMode = u8(29);
    const uiType = uiMode & 0x0f;
    if (uiType) {
        parts.push(['', '', 'desk', 'car', 'television', 'appliance', 'watch', 'vrheadset'][uiType] || `uiModeType=${uiType}`);
    }
    const night = uiMode & 0x30;
    if (night)
        parts.push(night === 0x10 ? 'notnight' : night === 0x20 ? 'night' : `uiModeNight=${night}`);
    const density = u16(14);
    if (density)
        parts.push(DENSITIES[density] ?? `${density}dpi`);
    const touch = u8(13);
    if (touch)
        parts.push(['', 'notouch', 'stylus', 'finger'][touch] ?? `touchscreen=${touch}`);
    const inputFlags = u8(18);
    const keysHidden = inputFlags & 0x03;
    if (keysHidden)
        parts.push(['', 'keysexposed', 'keyshidden', 'keyssoft'][keysHidden]);
    const keyboard = u8(16);
    if (keyboard)
        parts.push(['', 'nokeys', 'qwerty', '12key'][keyboard] ?? `keyboard=${keyboard}`);
    const navHidden = inputFlags & 0x0c;
    if (navHidden)
        parts.push(navHidden === 0x04 ? 'navexposed' : navHidden === 0x08 ? 'navhidden' : `inputFlagsNavHidden=${navHidden}`);
    const navigation = u8(17);
    if (navigation)
        parts.push(['', 'nonav', 'dpad', 'trackball', 'wheel'][navigation] ?? `navigation=${navigation}`);
    const sw2 = u16(20);
    const sh2 = u16(22);
    if (sw2 || sh2)
        parts.push(`${sw2}x${sh2}`);
    const sdk = u16(24);
    const minor = u16(26);
    if (sdk || minor)
        parts.push(minor ? `v${sdk}.${minor}` : `v${sdk}`);
    return parts.join('-');
}

function parseBuildProp(text, file) {
    const out = [];
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i].trim();
        if (!line || line.startsWith('#') || line.startsWith('import '))
            continue;
        const eq = line.indexOf('=');
        if (eq <= 0)
            continue;
        const key = line.slice(0, eq).trim();
        if (!/^[A-Za-z0-9_.\-:@]+$/.test(key))
            continue;
        out.push({ key, value: line.slice(eq + 1).trim(), file, line: i + 1 });
    }
    return out;
}
/** `setprop key value` lines of an init .rc file (per-SKU `init.sku.<id>.rc`). */
function parseInitRcSetprops(text, file) {
    const out = [];
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        const m = /^\s*setprop\s+(\S+)\s+(.*?)\s*$/.exec(lines[i]);
        if (m)
            out.push({ key: m[1], value: m[2].replace(/^"(.*)"$/, '$1'), file, line: i + 1 });
    }
    return out;
}
/** `init.sku.600E0.rc` -> `600E0`. */
function skuOfInitRc(fileName) {
    const m = /^init\.sku\.([A-Za-z0-9_-]+)\.rc$/.exec(fileName);
    return m ? m[1] : undefined;
}

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
const FORMAT$1 = 'dex';
const DEX_HEADER_SIZE = 0x70;
const DEX_CONTAINER_HEADER_SIZE = 0x78;
const ENDIAN_CONSTANT = 0x12345678;
const REVERSE_ENDIAN_CONSTANT = 0x78563412;
const MIN_VERSION = 35;
const MAX_VERSION = 41;
/** `dex\n` + three ASCII digits (035-041) + NUL. */
function isDex(buf) {
    if (buf.length < 8)
        return false;
    if (buf[0] !== 0x64 || buf[1] !== 0x65 || buf[2] !== 0x78 || buf[3] !== 0x0a || buf[7] !== 0)
        return false;
    const v = dexVersionAt(buf, 0);
    return v >= MIN_VERSION && v <= MAX_VERSION;
}
function dexVersionAt(buf, at) {
    let v = 0;
    for (let i = 4; i < 7; i++) {
        const c = buf[at + i];
        if (c < 0x30 || c > 0x39)
            return -1;
        v = v * 10 + (c - 0x30);
    }
    return v;
}
/**
 * Reads and checks every header of the buffer (one, or several for a v41 container).
 * Throws FormatError for a bad magic, endian tag, header_size, file_size or string_ids range.
 * `size`: the whole file's length when `buf` holds only its first bytes (a DEX of version 35-40
 * inflated as far as its strings: string-scan.ts dexBytesWanted); its file_size is checked
 * against that.
 */
function readDexHeaders(buf, size = buf.length) {
    if (buf.length < DEX_HEADER_SIZE)
        throw new FormatError(FORMAT$1, `file too short for a DEX header (${buf.length} bytes)`, 0);
    if (!isDex(buf))
        throw new FormatError(FORMAT$1, 'bad DEX magic', 0);
    const first = readHeaderAt(buf, 0, buf.length);
    if (first.version < 41) {
        if (first.fileSize > size) {
            throw new FormatError(FORMAT$1, `file_size ${first.fileSize} exceeds the ${size}-byte buffer (truncated)`, 0x20);
        }
        checkStringIds(first, first.fileSize);
        return [first];
    }
    // v41 container: loop over the headers until container_size.
    const containerSize = first.containerSize ?? 0;
    if (containerSize > buf.length) {
        throw new FormatError(FORMAT$1, `container_size ${containerSize} exceeds the ${buf.length}-byte buffer (truncated)`, 0x70);
    }
    const headers = [];
    let at = 0;
    while (at < containerSize) {
        const h = at === 0 ? first : readHeaderAt(buf, at, containerSize);
        if (h.version < 41)
            throw new FormatError(FORMAT$1, `dex version ${h.version} inside a v41 container`, at + 4);
        if (h.headerOffset !== at)
            throw new FormatError(FORMAT$1, `header_offset ${h.headerOffset} does not match its position ${at}`, at + 0x74);
        if (h.containerSize !== containerSize)
            throw new FormatError(FORMAT$1, `container_size ${h.containerSize} differs from ${containerSize}`, at + 0x70);
        if (h.fileSize < h.headerSize || at + h.fileSize > containerSize) {
            throw new FormatError(FORMAT$1, `file_size ${h.fileSize} of the dex at ${at} overflows the container`, at + 0x20);
        }
        checkStringIds(h, containerSize);
        headers.push(h);
        at += h.fileSize;
    }
    return headers;
}
function readHeaderAt(buf, at, limit) {
    if (at + DEX_HEADER_SIZE > limit)
        throw new FormatError(FORMAT$1, 'DEX header overflows the buffer', at);
    if (buf[at] !== 0x64 || buf[at + 1] !== 0x65 || buf[at + 2] !== 0x78 || buf[at + 3] !== 0x0a || buf[at + 7] !== 0) {
        throw new FormatError(FORMAT$1, 'bad DEX magic', at);
    }
    const version = dexVersionAt(buf, at);
    if (version < MIN_VERSION || version > MAX_VERSION)
        throw new FormatError(FORMAT$1, `unsupported DEX version ${version}`, at + 4);
    const endian = buf.readUInt32LE(at + 0x28);
    if (endian === REVERSE_ENDIAN_CONSTANT)
        throw new FormatError(FORMAT$1, 'big-endian DEX is not supported', at + 0x28);
    if (endian !== ENDIAN_CONSTANT)
        throw new FormatError(FORMAT$1, `bad endian_tag 0x${endian.toString(16)}`, at + 0x28);
    const headerSize = buf.readUInt32LE(at + 0x24);
    const minHeader = version >= 41 ? DEX_CONTAINER_HEADER_SIZE : DEX_HEADER_SIZE;
    if (headerSize < minHeader || at + headerSize > limit) {
        throw new FormatError(FORMAT$1, `bad header_size ${headerSize} for version ${version}`, at + 0x24);
    }
    const h = {
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
    }
    else if (h.fileSize < headerSize) {
        throw new FormatError(FORMAT$1, `file_size ${h.fileSize} is smaller than header_size ${headerSize}`, at + 0x20);
    }
    return h;
}
function checkStringIds(h, limit) {
    if (h.stringIdsSize === 0)
        return;
    const bytes = h.stringIdsSize * 4;
    if (h.stringIdsOff < h.headerSize || h.stringIdsOff + bytes > limit) {
        throw new FormatError(FORMAT$1, `string_ids (${h.stringIdsSize} at ${h.stringIdsOff}) overflow the ${limit}-byte file`, h.headerOffset + 0x38);
    }
}
/**
 * The uleb128 length prefix of the string_data_item at `off` (at most 5 bytes, all before
 * `limit`): where the string's MUTF-8 bytes start and the UTF-16 length it declares, or
 * undefined when the prefix does not end in time.
 */
function stringDataHead(buf, off, limit) {
    let p = off;
    let len = 0;
    for (let shift = 0; p < limit && shift < 35; shift += 7) {
        const b = buf[p++];
        len += (b & 0x7f) * 2 ** shift;
        if ((b & 0x80) === 0)
            return { start: p, utf16Length: len };
    }
    return undefined;
}

// Generated by scripts/build-wasm.mjs from scan-block.wat (npm run wasm); do not edit.
/** The scan-block.wat module, 2593 bytes, base64. */
const SCAN_BLOCK_WASM = 'AGFzbQEAAAABMwZgBH9/f38Bf2ACf38Bf2AFf39/f38AYAl/f39/f39/f38Bf2AFf39/f38Bf2ADf39/AAMIBwABAgMEAwUFAwEAEAcuBQZtZW1vcnkCAAVibG9jawADBHNwYW4ABAhwcmVmaXhlcwAFB3Jlc3RvcmUABgrIEgelBAEKfyAAIQQCQANAIAQgAk0NASAEQQFrLQAALQAQQQFxRQ0BIARBAWshBAwACwsgAEEBaiEFAkADQCAFIANPDQEgBS0AAC0AEEEBcUUNASAFQQFqIQUMAAsLIAQgAkYgBSADRnIEQEEAKAIAIQ0gDSAAIAFrQQBBAEEEEAIgBQ8LIAQhBiAFIQcCQANAIAYgB08NASAGLQAALQAQQQRxRQ0BIAZBAWohBgwACwsCQANAIAcgBk0NASAHQQFrLQAALQAQQQRxRQ0BIAdBAWshBwwACwsgByAGa0EESQRAIAUPCyAHIAZrQf0BSwRAIAUPCyAHQQFrIQgCQANAIAggBk0NASAILQAAQS5GDQEgCEEBayEIDAALCyAIIAZGBEAgBQ8LIAcgCGtBAWtBAk8hCiAIQQFqIQkCQANAIApFDQEgCSAHTw0BIAktAAAtABBBAnFFBEBBACEKCyAJQQFqIQkMAAsLIApFIAcgCGtBBUtxBEAgCC0AAUEgckH4AEYgCC0AAkEgckHuAEZxIAgtAANBLUYgCC0ABEEtRnFxBEBBASEKCwsgBiEJAkADQCAJIAdPDQEgCS0AACEMIApFBEAgDEEwa0EKTyAMQS5HcQRAIAUPCwsgDEHBAGtBGkkEQEECIQsLIAlBAWohCQwACwsgCkUEQCAGIAcQAUUEQCAFDwsLQQAoAgAhDSANIAYgAWsgByABayAFIAFrIAogC3IQAiAFC5kBAQV/AkADQEEAIQRBACEDIAAhBQJAA0AgACABTw0BIAAtAABBMGshBiAGQQpPDQEgBEEKbCAGaiEEIANBAWohAyAAQQFqIQAMAAsLIANFDQEgA0EDSw0BIARB/wFLDQEgA0EBSyAFLQAAQTBGcQ0BIAJBAWohAiAAIAFPBEAgAkEERg8LIAJBBE8NASAAQQFqIQAMAAsLQQALNwEBf0EIKAIAIABBBHRqIQUgBSABNgIAIAUgAjYCBCAFIAM2AgggBSAENgIMQQAgAEEBajYCAAvNCQUIfwR+An8JfgV7QbAB/Q8hIUGKf/0PISJBLv0PISNBOv0PISRBAEEANgIAQQRBADYCAEEIIAU2AgAgA60hGyAAIQkgACABaiEKIAAgAmshDyAKIAJqIRAgACEVIAQhCyAGIQwgByENIAhBBGohDiAAQQJrLQAAQTBrQQpJIABBAWstAABBMGtBCklBAXRyrSESIABBAWstAABBMGtBCkmtIRkCQANAIAkgCk8NASAJ/QAEACEgICAgIf1xICL9Jf1krSEXICAgI/0j/WStIRwgICAk/SP9ZK0hHSAJ/QAEECEgIBcgICAh/XEgIv0l/WStQhCGhCEXIBwgICAj/SP9ZK1CEIaEIRwgHSAgICT9I/1krUIQhoQhHSAJ/QAEICEgIBcgICAh/XEgIv0l/WStQiCGhCEXIBwgICAj/SP9ZK1CIIaEIRwgHSAgICT9I/1krUIghoQhHSAJ/QAEMCEgIBcgICAh/XEgIv0l/WStQjCGhCEXIBwgICAj/SP9ZK1CMIaEIRwgHSAgICT9I/1krUIwhoQhHSAKIAlrQcAASQRAQgEgCiAJa62GQgF9IR8gFyAfgyEXIBwgH4MhHCAdIB+DIR0LIBchGCAbQghRBEAgGCAYQgGIgyEYIBggGEICiIMhGCAYIBhCBIiDIRgFQgEhGgJAA0AgGkIBhiAbVg0BIBggGCAaiIMhGCAaQgGGIRoMAAsLIBggGCAbIBp9iIMhGAsgGSAXg0IBg0IAUgRAIAsgCSAAazYCACALQQRqIQsLIBdCP4ghGSAYQgBSBEADQCALIAkgAGsgGHqnajYCACALQQRqIQsgGCAYQgF9gyEYIBhCAFINAAsLIBIgF4NCA4MhEiASQgBSBEAgEkIBg0IAUiAJQQFrLQAAIAktAAFyRXEEQCAOIAkgAGs2AgAgDkEEaiEOCyASQgKDQgBSIAktAAAgCS0AAnJFcQRAIA4gCSAAa0EBajYCACAOQQRqIQ4LCyAXQj6IIRIgF3sgG1oEQCAXIREgG0IIUQRAIBEgEUICiIMhESARIBFCBIiDIREgESARQgiIgyERBUIBIRoCQANAIBpCAYYgG1YNASARIBEgGkIBhoiDIREgGkIBhiEaDAALCyARIBEgGyAafUIBhoiDIRELQgAhEwJAA0AgEVANASAReiEUIAkgFKdqIRYgESARQgF9gyERIBYtAAENACATQgEgFIaEIRMgE0IBIBRCAn2Gg0IAUg0AIA4gFiAAazYCACAOQQRqIQ4MAAsLCwJAA0AgHFANASAJIBx6p2ohFiAcIBxCAX2DIRwgFiAVTyAWQQFrLQAALQAQIBYtAAEtABBxcQRAIBYgACAPIBAQACEVBSAWQQFrLQAAIBYtAAEgFi0AA3JyRSAWQQJrLQAALQAQcSAWLQACLQAQcQRAIA0gFiAAazYCACANQQRqIQ0LCwwACwsCQANAIB1QDQEgCSAdeqdqIRYgHSAdQgF9gyEdIBYtAAFBL0YgFi0AAkEvRnEgFi0AA0HbAEZxBEAgDCAWIABrNgIAIAxBBGohDAsMAAsLIAlBwABqIQkMAAsLQQQgDCAGa0ECdjYCAEEMIA0gB2tBAnY2AgAgCCAOIAhBBGprQQJ2NgIAIAsgBGtBAnYLdAEFf0H/////ByEHQX8hCCAAIAFBAnRqIQUCQANAIAAgBU8NASAAKAIAIQYgAEEEaiEAIAYgAkkNACAGIANPDQAgBiAHSQRAIAYhBwsgBiAISgRAIAYhCAsgCUEBaiEJDAALCyAEIAc2AgAgBCAINgIEIAkLygEBBX8gASACQQJ0aiEJAkADQCABIAlPDQEgASgCACEKIAFBBGohASAKIANJDQAgCiAETw0AIAohCyAKQQVqIQwgDCAFSwRAIAUhDAsCQANAIAsgDE8NASAAIAtqLQAAQYABcUUNASALQQFqIQsMAAsLIAsgBU8NACAAIAtqLQAAIQ0gDUEha0HeAE8NACAHIAhGBEAgACAGIAcQBkF/DwsgBiAHQQJ0aiALQQd0IA1yNgIAIAdBAWohByAAIAtqQQA6AAAMAAsLIAcLPAECfyABIAJBAnRqIQMCQANAIAEgA08NASABKAIAIQQgACAEQQd2aiAEQf8AcToAACABQQRqIQEMAAsLCwtYBABBPQsCBQUAQcAACwoJCQkJCQkJCQkJAEHRAAsaExMTExMTExMTExMTExMTExMTExMTExMTExMAQfEACxoDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw==';

/**
 * Instantiates one of our WebAssembly modules (bytes generated from the .wat beside this file by
 * `npm run wasm`), or returns null where WebAssembly is not available (node --jitless): every
 * caller then has a JavaScript path that gives the same results.
 */
function instantiate(base64) {
    try {
        return new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(base64, 'base64'))).exports;
    }
    catch {
        return null;
    }
}

/**
 * Buffers lent for data that is consumed before the next one is needed: an entry inflated or read
 * out of an archive, parsed and scanned, then dropped. Reusing them spares the allocator a new
 * multi-MiB buffer per entry (which it keeps in per-thread arenas once freed) and the garbage
 * collector the external memory it would otherwise chase.
 *
 * A lease is exclusive until it is given back, so nested archives (a ZIP inside an entry being
 * scanned) take buffers of their own. Nothing may keep a view of a leased buffer past its return:
 * the parsers copy what they keep (strings, numbers).
 */
class ScratchPool {
    keepBytes;
    keepCount;
    free = [];
    /** Fixed buffers lent first (adopt): the idle ones, and all of them to tell them apart. */
    idleSlots = [];
    slots = new Set();
    /**
     * @param keepBytes buffers larger than this are not kept (nor rounded up)
     * @param keepCount at most this many idle buffers are kept
     */
    constructor(keepBytes, keepCount) {
        this.keepBytes = keepBytes;
        this.keepCount = keepCount;
    }
    /**
     * Buffers lent before any other whenever one is idle and large enough, never dropped: the
     * endpoint scanner's WebAssembly memory (scan-block.ts), which it scans where they lie instead
     * of copying each block into its memory.
     */
    adopt(slots) {
        for (const b of slots) {
            this.slots.add(b);
            this.idleSlots.push(b);
        }
    }
    /** A buffer of at least `n` bytes (its contents are not cleared). */
    take(n) {
        for (let i = this.idleSlots.length - 1; i >= 0; i--)
            if (this.idleSlots[i].length >= n)
                return this.idleSlots.splice(i, 1)[0];
        let best = -1;
        for (let i = 0; i < this.free.length; i++) {
            const len = this.free[i].length;
            if (len >= n && (best < 0 || len < this.free[best].length))
                best = i;
        }
        if (best >= 0)
            return this.free.splice(best, 1)[0];
        if (n > this.keepBytes)
            return Buffer.allocUnsafeSlow(n);
        // None fits: the largest idle one is dropped, the new one takes its place when given back
        // (idle buffers that are all too small would otherwise pile up, one per size).
        if (this.free.length) {
            let largest = 0;
            for (let i = 1; i < this.free.length; i++)
                if (this.free[i].length > this.free[largest].length)
                    largest = i;
            this.free.splice(largest, 1);
        }
        // Rounded up to a power of two (at least 1 MiB) so that slightly larger entries reuse it.
        let size = 1 << 20;
        while (size < n)
            size *= 2;
        return Buffer.allocUnsafeSlow(Math.min(size, this.keepBytes));
    }
    /** Gives a buffer back; it may be lent again. */
    give(buf) {
        if (this.slots.has(buf)) {
            // Given back twice (a caller's bug), a slot must still be lent only once at a time.
            if (!this.idleSlots.includes(buf))
                this.idleSlots.push(buf);
            return;
        }
        if (buf.length > this.keepBytes)
            return;
        if (this.free.length < this.keepCount) {
            this.free.push(buf);
            return;
        }
        // Full: keep the larger ones (they serve every request a smaller one does).
        let smallest = 0;
        for (let i = 1; i < this.free.length; i++)
            if (this.free[i].length < this.free[smallest].length)
                smallest = i;
        if (this.free[smallest].length < buf.length)
            this.free[smallest] = buf;
    }
    /** Bytes held by idle buffers. */
    get idleBytes() {
        return this.free.reduce((a, b) => a + b.length, 0);
    }
}
/**
 * This thread's pool for archive entries and raw chunks: up to two idle buffers of up to 32 MiB
 * (an entry being scanned, and a ZIP or a raw file inside it). Entries larger than that get a
 * buffer of their own, freed with them.
 */
const entryScratch = new ScratchPool(32 << 20, 2);

/**
 * Endpoint candidates by one WebAssembly SIMD pass per 64 KiB block (src/wasm/scan-block.wat):
 * digit runs (SMS numbers), dotted tokens (hosts and IPv4, already widened, trimmed and past the
 * byte-level rejections), `://[` (IPv6 literals) and the dots of UTF-16LE text. Without it, every dot was a call to
 * `indexOf` followed by byte loops in JavaScript, and a literal search per number prefix a pass
 * over the bytes each; now each 64-byte step is classified once, whatever is looked for. Bytes
 * inflated or read into the thread's entry buffers, which are slots of the module's memory, are
 * scanned where they lie; any other buffer is copied in once per block (at memory speed).
 *
 * Where WebAssembly is not available (node --jitless) `scanBlockEngine()` is null and the
 * scanner uses its JavaScript path, which is also the reference the module is tested against.
 */
const BLOCK = 64 << 10;
/** Context copied on each side of a block: a token's run is widened into it. */
const CTX = 512;
/**
 * Module memory: [0, 16) the module's header (counts), [16, 272) its byte-class table, then the
 * block at IN with CTX bytes of context before and CTX + PAD after, then the three output areas,
 * each large enough for the most a 64 KiB block can produce (digit-run candidates: one per byte
 * plus one per step; tokens: 16 bytes per 5 bytes of block, a token and its separator; `://[`:
 * one per 4 bytes; UTF-16 dots: one per 2 bytes, `.` being a host byte (`. 0 . 0`); digits 2 apart: one per 2 bytes and two per
 * step, plus the count). Tested with blocks packed with each.
 */
const IN = 1024;
const PAD = 64;
const OUT_RUNS = 68 << 10;
const OUT_TOKENS = 336 << 10;
const OUT_URLS = 560 << 10;
const OUT_WIDE = 624 << 10;
/** Its count first, then the candidates: the header has no room left. */
const OUT_WIDE_DIGITS = 756 << 10;
/** Flags of a token record. */
const TOKEN_ALPHA_TLD = 1;
const TOKEN_UPPER = 2;
/** The run reached the edge of the copied context: the caller widens it from its own bytes. */
const TOKEN_UNBOUNDED = 4;
/**
 * The thread's entry buffers live in the module's memory past ARENA: two slots of SLOT bytes
 * (an entry being scanned, and a ZIP or a raw file inside it), each with GUARD bytes on both
 * sides, lent by entryScratch before any other buffer. Bytes inflated or read into them are
 * scanned where they lie: no copy of each block. The memory grows once, before any view of it
 * is made (growing detaches every view), and never again.
 */
const ARENA = 1 << 20;
const SLOT = 32 << 20;
const GUARD = 4096;
/**
 * After the slots: where a DEX's zeroed length prefixes are saved (dexPrefixes), one i32 each;
 * enough for string-scan.ts's cap on a DEX in a slot (one per 16 bytes of its string data).
 */
const SAVE_ENTRIES = SLOT >> 4;
let engine$1;
function scanBlockEngine() {
    if (engine$1 !== undefined)
        return engine$1;
    const exports = instantiate(SCAN_BLOCK_WASM);
    const memory = exports?.memory;
    if (!exports || !memory || memory.buffer.byteLength < OUT_WIDE_DIGITS + (140 << 10) || memory.buffer.byteLength > ARENA) {
        engine$1 = null;
        return engine$1;
    }
    const save = ARENA + 2 * (SLOT + 2 * GUARD);
    const total = save + 4 * SAVE_ENTRIES;
    let slots = true;
    try {
        memory.grow(Math.ceil((total - memory.buffer.byteLength) / 65536));
    }
    catch {
        slots = false; // no room for the slots (an address-space limit): blocks are copied in instead
    }
    const arena = memory.buffer;
    engine$1 = {
        mem: new Uint8Array(arena),
        i32: new Int32Array(arena),
        block: exports.block,
        arena: slots ? arena : null,
        span: exports.span,
        prefixes: exports.prefixes,
        restore: exports.restore,
        save,
    };
    if (slots)
        entryScratch.adopt([0, 1].map((i) => Buffer.from(arena, ARENA + GUARD + i * (SLOT + 2 * GUARD), SLOT)));
    return engine$1;
}
/** True when `view` lies in a slot of the engine's memory. */
function inSlot(e, view) {
    return e.arena !== null && view.buffer === e.arena && view.byteOffset >= ARENA + GUARD;
}
function dexPrefixes(buf, lists) {
    const e = scanBlockEngine();
    if (!e || !inSlot(e, buf) || !lists.every((l) => inSlot(e, l)))
        return null;
    const base = buf.byteOffset;
    const out = OUT_RUNS; // scratch between block calls
    return {
        span(list, headerSize, limit) {
            const count = e.span(list.byteOffset, list.length, headerSize, limit, out);
            return { count, lo: e.i32[out >> 2], max: e.i32[(out >> 2) + 1] };
        },
        capacity: SAVE_ENTRIES,
        zero: (list, headerSize, limit, hi, saved, cap) => e.prefixes(base, list.byteOffset, list.length, headerSize, limit, hi, e.save, saved, Math.min(cap, SAVE_ENTRIES)),
        restore: (saved) => e.restore(base, e.save, saved),
    };
}
/** The shortest digit run the module looks for when `minDigits` are asked: 1-32. */
function digitsAsked(minDigits) {
    return Math.min(Math.max(1, minDigits), 32);
}
/**
 * Calls `visit` for each 64 KiB block of buf[start, end), in order, with its candidates; digit
 * runs are looked for from `minDigits` digits (1-32). The same object is reused for every block.
 */
function forEachBlock(e, buf, start, end, minDigits, visit) {
    const { mem, i32 } = e;
    const k = digitsAsked(minDigits);
    const c = { s0: 0, i32, nRuns: 0, runsAt: OUT_RUNS >> 2, nTokens: 0, tokensAt: OUT_TOKENS >> 2, nUrls: 0, urlsAt: OUT_URLS >> 2, nWide: 0, wideAt: OUT_WIDE >> 2, nWideDigits: 0, wideDigitsAt: (OUT_WIDE_DIGITS >> 2) + 1 };
    if (inSlot(e, buf)) {
        inPlace(e, buf, start, end, k, c, visit);
        return;
    }
    for (let s0 = start; s0 < end; s0 += BLOCK) {
        const len = Math.min(BLOCK, end - s0);
        const from = Math.max(start, s0 - CTX);
        const to = Math.min(end, s0 + len + CTX);
        // Context outside the window reads as zeros (not a host byte, not a digit).
        if (s0 - from < CTX)
            mem.fill(0, IN - CTX, IN - (s0 - from));
        mem.set(buf.subarray(from, to), IN - (s0 - from));
        mem.fill(0, IN + (to - s0), IN + len + CTX + PAD);
        passBlock(e, IN, s0, len, k, c, visit);
    }
}
/** The module's pass over the block of window offset `s0` lying at `ptr`: its candidates to `visit`. */
function passBlock(e, ptr, s0, len, k, c, visit) {
    c.s0 = s0;
    c.nRuns = e.block(ptr, len, CTX, k, OUT_RUNS, OUT_TOKENS, OUT_URLS, OUT_WIDE, OUT_WIDE_DIGITS);
    c.nTokens = e.i32[0];
    c.nUrls = e.i32[1];
    c.nWide = e.i32[3];
    c.nWideDigits = e.i32[OUT_WIDE_DIGITS >> 2];
    visit(c);
}
const before = new Uint8Array(CTX);
const after = new Uint8Array(CTX + PAD);
/**
 * forEachBlock over bytes already in the module's memory (a slot): each block is scanned where
 * it lies, its context the bytes around it. Outside [start, end) context must read as zeros, so
 * the CTX bytes before and the CTX + PAD after are saved, zeroed and put back (they are the same
 * buffer's or a slot's guard: nothing else lies there).
 */
function inPlace(e, buf, start, end, k, c, visit) {
    const { mem } = e;
    const lo = buf.byteOffset + start;
    const hi = buf.byteOffset + end;
    before.set(mem.subarray(lo - CTX, lo));
    after.set(mem.subarray(hi, hi + CTX + PAD));
    mem.fill(0, lo - CTX, lo);
    mem.fill(0, hi, hi + CTX + PAD);
    try {
        for (let s0 = start; s0 < end; s0 += BLOCK)
            passBlock(e, lo + (s0 - start), s0, Math.min(BLOCK, end - s0), k, c, visit);
    }
    finally {
        mem.set(before, lo - CTX);
        mem.set(after, hi);
    }
}
const isDigit = (c) => c >= 0x30 && c <= 0x39;
/**
 * The digit runs of one block, each widened to its whole run in `buf` and reported once.
 * `lastEnd` is the end of the last run seen, carried from block to block; returns the new one.
 */
function widenRuns(buf, start, end, min, c, lastEnd, visit) {
    const { s0, i32, nRuns, runsAt } = c;
    for (let i = 0; i < nRuns; i++) {
        const q = s0 + i32[runsAt + i];
        if (q < lastEnd)
            continue; // inside a run already seen
        let ds = q;
        while (ds > start && isDigit(buf[ds - 1]))
            ds--;
        let de = q;
        while (de < end && isDigit(buf[de]))
            de++;
        lastEnd = de;
        if (de - ds >= min)
            visit(ds, de);
    }
    return lastEnd;
}
/** The same runs by a byte loop: the fallback, and the reference the module is tested against. */
function forEachDigitRunJs(buf, start, end, minLen, visit) {
    const min = Math.max(1, minLen);
    let i = start;
    while (i < end) {
        if (!isDigit(buf[i])) {
            i++;
            continue;
        }
        let j = i + 1;
        while (j < end && isDigit(buf[j]))
            j++;
        if (j - i >= min)
            visit(i, j);
        i = j;
    }
}

/**
 * Scanning many small strings with one pass. Calling the scanner once per string costs a few
 * native searches and allocations each, which dominates on a DEX with 100,000 strings; instead
 * the strings are laid out in one buffer, separated by NUL (never a host byte), scanned once,
 * and each hit is mapped back to the string it came from.
 */
/**
 * The bytes a DEX scan zeroes in place, saved to be put back: positions and values (one pair per
 * prefix byte that could join a token, joiningPrefixByte; one per thread, not reentrant). Grown
 * as needed; kept up to SAVED_KEEP.
 */
let savedAt = new Int32Array(4096);
let savedByte = new Uint8Array(4096);
const SAVED_KEEP = 1 << 20;
/** Index of the last element of sorted `starts` that is <= p. */
function owner(starts, n, p) {
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= p)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}
const LITTLE_ENDIAN = endianness() === 'LE';
/**
 * string_ids of one DEX as 32-bit words: a view when aligned (as in any real DEX) on a
 * little-endian machine (DEX is little-endian), else a copy.
 */
function stringIds(buf, h) {
    const at = buf.byteOffset + h.stringIdsOff;
    if (LITTLE_ENDIAN && at % 4 === 0)
        return new Uint32Array(buf.buffer, at, h.stringIdsSize);
    const out = new Uint32Array(h.stringIdsSize);
    for (let i = 0; i < out.length; i++)
        out[i] = buf.readUInt32LE(h.stringIdsOff + 4 * i);
    return out;
}
/**
 * Every string of every DEX in `buf`. In a DEX the string_data items sit together; their
 * uleb128 length prefixes can be ASCII letters or digits (a 97-byte string is prefixed by 'a'),
 * so the prefixes are zeroed where they are, the span is scanned once, and the saved bytes are
 * put back: `buf` is left unchanged (it may be a block cache or a leased buffer), and the span is
 * not copied (that copy was a 16 MiB buffer per thread). Offsets in the evidence are byte offsets
 * in `buf`. Options (DexScanOptions): `maxSaved` (tests) overrides the cap on saved bytes.
 * `size`: the whole file's length when `buf` holds only its first bytes, as many as
 * dexBytesWanted asks for (a shorter prefix is refused with an Error, never scanned); the hits are
 * those of the whole file. `after`: 'discard' when the caller drops `buf` after the scan (an
 * entry's lease): the zeroed prefix bytes are then not put back, and `buf` is left with them
 * zeroed. `span`: the memo dexBytesWanted kept for this DEX.
 */
function scanDexStrings(buf, base, scanner, sink, opts = {}) {
    const { maxSaved, size = buf.length, after = 'restore', span: known } = opts;
    // A prefix (dexBytesWanted) is scanned only when it holds every byte the scan of the whole file
    // would read; the checks below are those dexBytesWanted makes.
    const prefix = buf.length < size;
    const short = () => new Error(`the first ${buf.length} bytes of a ${size}-byte DEX do not hold all of its strings`);
    if (prefix && (!isDex(buf) || dexVersionAt(buf, 0) >= 41))
        throw short();
    const headers = readDexHeaders(buf, size);
    if (prefix && headers[0].stringIdsOff + 4 * headers[0].stringIdsSize > buf.length)
        throw short();
    const ids = headers.map((h) => stringIds(buf, h));
    // A DEX inflated into a slot of the scanner's WebAssembly memory: the passes over string_ids
    // below run in the module.
    const wasm = dexPrefixes(buf, ids);
    // Pass 1: the span of the string data. No per-string allocation or native call. dexBytesWanted
    // found it already when it chose how far to inflate this DEX (one header, v35-40: the same
    // string_ids and limits as below).
    let lo = Infinity;
    let maxOff = -1;
    let count = 0;
    const reuse = known?.count !== undefined && headers.length === 1 && headers[0].version < 41;
    if (reuse && known.count > 0) {
        lo = known.lo;
        maxOff = known.max;
        count = known.count;
    }
    for (let d = 0; d < headers.length && !reuse; d++) {
        const h = headers[d];
        const list = ids[d];
        if (wasm)
            ({ lo: spanLo, max: spanMax, count: spanCount } = wasm.span(list, h.headerSize, stringLimit(buf, h)));
        else
            span(list, h.headerSize, stringLimit(buf, h));
        if (spanCount === 0)
            continue;
        lo = Math.min(lo, spanLo);
        maxOff = Math.max(maxOff, spanMax);
        count += spanCount;
    }
    if (count === 0)
        return;
    if (prefix && maxOff + 5 > buf.length)
        throw short();
    const nul = lastStringNul(buf, maxOff);
    if (prefix && nul < 0)
        throw short();
    const hi = nul < 0 ? buf.length : nul + 1;
    if (spread(lo, hi, count)) {
        if (prefix)
            throw short();
        scanSpread(buf, headers, ids, base, scanner, sink);
        return;
    }
    // Zeroing happens inside [lo, hi), so it never changes the string_ids being read, unless the
    // two overlap (a crafted DEX): then the copy below.
    if (headers.some((h) => h.stringIdsOff < hi && h.stringIdsOff + 4 * h.stringIdsSize > lo)) {
        scanZeroedCopy(buf, headers, ids, lo, hi, base, scanner, sink);
        return;
    }
    // Pass 2: the prefix bytes that could join a token zeroed and saved (a byte is saved once:
    // zeroed, it is not saved again when another string_id points at it). Past `cap` saved bytes
    // (string_ids crafted to point at every byte) the bytes go back and the span is zeroed in a
    // copy instead.
    const cap = maxSaved ?? Math.max(1 << 16, (hi - lo) >> 4);
    const inModule = wasm && cap <= wasm.capacity ? wasm : null;
    let saved = 0;
    try {
        for (let d = 0; d < headers.length && saved >= 0; d++) {
            const h = headers[d];
            saved = inModule
                ? inModule.zero(ids[d], h.headerSize, stringLimit(buf, h), hi, saved, cap)
                : zeroPrefixes(buf, ids[d], h.headerSize, stringLimit(buf, h), hi, saved, cap);
        }
        if (saved >= 0) {
            scanner.scan(buf, lo, hi, base, sink);
            return;
        }
    }
    finally {
        // The bytes are put back unless the caller drops the buffer after the scan; a cap reached
        // (saved < 0) has put them back already, for the copy below.
        if (saved > 0 && after === 'restore') {
            if (inModule)
                inModule.restore(saved);
            else
                restore(buf, saved);
        }
        if (savedAt.length > SAVED_KEEP)
            growSaved(4096);
    }
    scanZeroedCopy(buf, headers, ids, lo, hi, base, scanner, sink);
}
/**
 * How many of the first bytes of a DEX of `size` bytes scanDexStrings reads, judged from the
 * bytes `head` already at hand: more than `head.length` when it needs more of the file (it is
 * asked again with more), at most `head.length` when `head` is enough. A DEX entry is inflated only
 * that far: the string data ends at about 80% of a DEX (code, then strings, then class data,
 * annotations and the map; measured on the androguard corpus), and nothing past it is scanned.
 *
 * `head` is enough when it holds the string_ids, the length prefix of the last string and the NUL
 * that ends it: the scan of the whole file reads nothing else (scanDexStrings' zeroing stops at
 * that NUL, and its span ends there). Anything else asks for the whole file: a header it cannot
 * read (the whole file then gives the same error as always), a v41 container (one header after
 * another), and strings spread over the file (scanned one by one up to its end).
 */
function dexBytesWanted(head, size, memo = {}) {
    if (head.length >= size)
        return size;
    if (head.length < DEX_HEADER_SIZE)
        return Math.min(size, DEX_HEADER_SIZE);
    if (!isDex(head) || dexVersionAt(head, 0) >= 41)
        return size;
    let h;
    try {
        h = readDexHeaders(head, size)[0];
    }
    catch {
        return size;
    }
    const idsEnd = h.stringIdsOff + 4 * h.stringIdsSize; // within file_size <= size (readDexHeaders)
    if (idsEnd > head.length)
        return idsEnd;
    if (memo.count === undefined) {
        // Once per DEX: the heads it is asked about next are longer, with the same string_ids.
        const ids = stringIds(head, h);
        const wasm = dexPrefixes(head, [ids]);
        if (wasm)
            ({ lo: spanLo, max: spanMax, count: spanCount } = wasm.span(ids, h.headerSize, h.fileSize));
        else
            span(ids, h.headerSize, h.fileSize);
        memo.lo = spanLo;
        memo.max = spanMax;
        memo.count = spanCount;
    }
    const { lo = 0, max = 0, count } = memo;
    if (count === 0)
        return head.length; // no readable string: nothing is scanned
    // The last string's length prefix (up to five bytes), then its NUL: a little past its start
    // first (most strings are short), then twice as far each time.
    if (max + 5 > head.length)
        return Math.min(size, max + 256);
    const nul = lastStringNul(head, max);
    if (nul < 0)
        return Math.min(size, head.length + Math.max(4096, head.length - max));
    if (spread(lo, nul + 1, count))
        return size; // scanned string by string, up to the file's end
    return head.length;
}
/** The NUL that ends the string at `maxOff` (after its uleb128 length, up to five bytes), or -1. */
function lastStringNul(buf, maxOff) {
    let q = maxOff;
    while (q < buf.length && q - maxOff < 5 && buf[q] & 0x80)
        q++;
    return buf.indexOf(0, q + 1);
}
/**
 * Strings spread over the file: each readable string (as forEachDexString reads them) scanned
 * where it lies, from its first byte to its NUL, in string_ids order, but no string twice. In a
 * well-formed DEX no two strings overlap, and this is scanning each in turn. In a crafted one, a
 * string_id that points inside another string makes a suffix of it (the same NUL ends both), and
 * scanning each such string to that NUL took strings x length: 5 s for 12,000 string_ids into 4
 * MB, hours for a large DEX. Strings that share their NUL are scanned once, from the first byte of
 * the longest, with the length prefixes of the others zeroed in a copy, as a packed DEX's span is
 * (each string's start separates tokens there too); a repeated string_id is scanned once. The
 * NULs are found in one pass over the strings in order of position, so no byte is searched twice
 * however the string_ids are ordered.
 */
function scanSpread(buf, headers, ids, base, scanner, sink) {
    // Readable strings in string_ids order: where each string_data_item starts, and its first byte.
    const offs = [];
    const starts = [];
    for (let d = 0; d < headers.length; d++) {
        const h = headers[d];
        const limit = stringLimit(buf, h);
        // Past the last NUL before `limit` no string ends (forEachDexString's `tail`).
        const tail = buf.lastIndexOf(0, limit - 1) + 1;
        for (const off of ids[d]) {
            if (off < h.headerSize)
                continue;
            const head = stringDataHead(buf, off, limit);
            if (head === undefined || head.start >= tail)
                continue;
            offs.push(off);
            starts.push(head.start);
        }
    }
    const n = starts.length;
    const byStart = Array.from({ length: n }, (_, k) => k).sort((a, b) => starts[a] - starts[b] || a - b);
    // Each string's NUL, by position: a string that starts before the last NUL found ends there.
    // Strings sharing a NUL are consecutive here: a group, led by the one that starts first.
    const groupOf = new Int32Array(n);
    const groups = [];
    let nul = -1;
    for (let i = 0; i < n; i++) {
        const k = byStart[i];
        if (starts[k] > nul) {
            nul = buf.indexOf(0, starts[k]);
            groups.push({ start: starts[k], end: nul, from: i, to: i + 1, mixed: false });
        }
        const g = groups[groups.length - 1];
        g.to = i + 1;
        if (starts[k] !== g.start)
            g.mixed = true;
        groupOf[k] = groups.length - 1;
    }
    const scanned = new Uint8Array(groups.length);
    for (let k = 0; k < n; k++) {
        const gi = groupOf[k];
        if (scanned[gi])
            continue;
        scanned[gi] = 1;
        const { start, end, from, to, mixed } = groups[gi];
        if (end - start < 4)
            continue;
        if (!mixed) {
            scanner.scan(buf, start, end, base, sink);
            continue;
        }
        const region = Buffer.from(buf.subarray(start, end));
        for (let i = from; i < to; i++) {
            const j = joiningPrefixByte(buf, offs[byStart[i]], end);
            if (j >= start)
                region[j - start] = 0;
        }
        scanner.scan(region, 0, region.length, base, sink, (p) => start + p);
    }
}
/** Strings spread over the file (hostile or unusual layout): scanned one by one, not as one span. */
function spread(lo, hi, count) {
    return hi - lo > 256 * count + (1 << 20);
}
/** Where one DEX's string data may lie: its file (v35-40) or its container (v41). */
function stringLimit(buf, h) {
    return h.version >= 41 ? (h.containerSize ?? buf.length) : h.fileSize;
}
// span()'s results (no object per call).
let spanLo = 0;
let spanMax = 0;
let spanCount = 0;
/** Lowest and highest readable string offset of one DEX, and how many are readable. */
function span(list, headerSize, limit) {
    let lo = 0x7fffffff;
    let max = -1;
    let count = 0;
    for (let i = 0; i < list.length; i++) {
        const off = list[i];
        if (off < headerSize || off >= limit)
            continue; // unreadable string_id: skipped (forEachDexString reports these)
        if (off < lo)
            lo = off;
        if (off > max)
            max = off;
        count++;
    }
    spanLo = lo;
    spanMax = max;
    spanCount = count;
}
/**
 * The byte of the uleb128 length prefix of the string at `off` that could join the string's
 * first token, or -1: its last byte (after up to five continuation bytes, bounded by `hi`) when
 * it is in 0x21-0x7e (a letter, a digit, '-', '.', '/', ':', '@' ...). The scanner treats every
 * other byte (continuation bytes >= 0x80, the lengths 0-32 of short strings, 0x7f) exactly as it
 * treats NUL, so only this one byte needs zeroing, and most strings need none.
 */
function joiningPrefixByte(buf, off, hi) {
    let j = off;
    const stop = Math.min(off + 5, hi);
    while (j < stop && buf[j] & 0x80)
        j++;
    if (j >= hi)
        return -1;
    const b = buf[j];
    return b > 0x20 && b < 0x7f ? j : -1;
}
/**
 * Zeroes the joining prefix byte of each readable string of one DEX, saving the bytes from index
 * `saved` on; returns the new count, or -1 when `cap` was reached (then every saved byte is back).
 */
function zeroPrefixes(buf, list, headerSize, limit, hi, saved, cap) {
    for (let i = 0; i < list.length; i++) {
        const off = list[i];
        if (off < headerSize || off >= limit)
            continue;
        const j = joiningPrefixByte(buf, off, hi);
        if (j < 0)
            continue;
        if (saved === cap)
            return restore(buf, saved);
        if (saved === savedAt.length)
            growSaved(Math.min(cap, 2 * savedAt.length));
        savedAt[saved] = j;
        savedByte[saved++] = buf[j];
        buf[j] = 0;
    }
    return saved;
}
/** Puts the saved bytes back; returns -1 (nothing saved any more, and the scan not done). */
function restore(buf, saved) {
    for (let k = 0; k < saved; k++)
        buf[savedAt[k]] = savedByte[k];
    return -1;
}
function growSaved(n) {
    const at = new Int32Array(n);
    const byte = new Uint8Array(n);
    if (n > savedAt.length) {
        at.set(savedAt);
        byte.set(savedByte);
    }
    savedAt = at;
    savedByte = byte;
}
/**
 * The span copied, the same prefix bytes zeroed in the copy (found in `buf`, which is left as it
 * is), scanned once: for pathological string_ids.
 */
function scanZeroedCopy(buf, headers, ids, lo, hi, base, scanner, sink) {
    const region = Buffer.from(buf.subarray(lo, hi));
    for (let d = 0; d < headers.length; d++) {
        const h = headers[d];
        const limit = stringLimit(buf, h);
        for (const off of ids[d]) {
            if (off < h.headerSize || off >= limit)
                continue;
            const j = joiningPrefixByte(buf, off, hi);
            if (j >= 0)
                region[j - lo] = 0;
        }
    }
    scanner.scan(region, 0, region.length, base, sink, (p) => lo + p);
}
/** Decoded pool strings (AXML, resources.arsc): one pass; each hit gets its string's offset. */
function scanPoolStrings(strings, base, scanner, sink) {
    const parts = [];
    const starts = [];
    const offsets = [];
    let pos = 0;
    for (const s of strings) {
        // A repeat is a string already here (parseStringPool): the same bytes at the same offset.
        if (s.value.length < 4 || s.repeat)
            continue;
        starts.push(pos);
        offsets.push(Math.max(0, s.offset));
        parts.push(s.value);
        pos += Buffer.byteLength(s.value, 'utf8') + 1;
    }
    if (parts.length === 0)
        return;
    const buf = Buffer.from(parts.join('\u0000'), 'utf8');
    const n = starts.length;
    scanner.scan(buf, 0, buf.length, base, sink, (p) => offsets[owner(starts, n, p)]);
}

/**
 * The xz (`xz-decompress`, WebAssembly), bzip2 (`seek-bzip`, pure JS) and zstd (`fzstd`, pure JS;
 * Node 20's zlib has no zstd) codecs, loaded only when needed (dynamic import). Two uses: OTA
 * payload operations, whose calls must produce exactly `expected` bytes; and files or entries
 * compressed so, or with gzip (zlib) or LZ4 (ours, lz4.ts) (compressionOf, decompressCapped),
 * whose size nobody declares: output stops at a cap.
 */
let xz;
let zstd;
function pick$1(m, key) {
    const mod = m;
    if (mod && key in mod)
        return mod;
    const d = mod?.default;
    if (d && key in d)
        return d;
    throw new Error(`codec module lacks ${key}`);
}
function check(format, got, expected) {
    if (got !== expected)
        throw new FormatError('payload', `${format} data decompressed to ${got} bytes, expected ${expected}`);
}
async function decompressXz(data, expected) {
    let out;
    try {
        out = await xzCapped(data, expected);
    }
    catch (e) {
        if (e instanceof PastCap)
            throw new FormatError('payload', `xz data decompresses to more than the expected ${expected} bytes`);
        throw new FormatError('payload', e.reason ?? String(e));
    }
    check('xz', out.length, expected);
    return out;
}
async function decompressBzip2(data, expected) {
    let out;
    try {
        out = await bzip2Capped(data, expected, expected);
    }
    catch (e) {
        if (e instanceof PastCap)
            throw new FormatError('payload', `bzip2 data decompresses to more than the expected ${expected} bytes`);
        throw new FormatError('payload', e.reason ?? String(e));
    }
    check('bzip2', out.length, expected);
    return out;
}
async function decompressZstd(data, expected) {
    zstd ??= Promise.resolve().then(function () { return index$2; }).then((m) => pick$1(m, 'decompress'));
    const mod = await zstd;
    let out;
    try {
        out = mod.decompress(data);
    }
    catch (e) {
        throw new FormatError('payload', `corrupt zstd data: ${e.message ?? String(e)}`);
    }
    check('zstd', out.length, expected);
    return Buffer.from(out.buffer, out.byteOffset, out.length);
}
/**
 * Thrown when data decompresses to more than the cap, or a zstd frame needs a window larger than
 * it: what was decompressed is dropped, and the file is not scanned as decompressed.
 */
class PastCap extends Error {
    what;
    constructor(message, 
    /**
     * `output`: more bytes than the cap; `window`: a zstd frame needs more memory than allowed;
     * `work`: more decoding work than the output it could give justifies (tiny bzip2 blocks,
     * zstd frames of many blocks and a large window).
     */
    what = 'output') {
        super(message);
        this.what = what;
    }
}
const XZ_MAGIC = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]);
const ZSTD_MAGIC = 0xfd2fb528;
/** LZ4's frame format (the `lz4` tool's), and its legacy format (`lz4 -l`, the kernel's ramdisks). */
const LZ4_FRAME_MAGIC = 0x184d2204;
const LZ4_LEGACY_MAGIC$1 = 0x184c2102;
/** What one legacy block decodes to at most (LZ4_LEGACY_BLOCK in lz4io.c). */
const LZ4_LEGACY_BLOCK$1 = 8 << 20;
/** Skippable frames: 0x184D2A50-0x184D2A5F (pzstd writes one before each of its frames). */
const isSkippable = (magic) => magic >>> 4 === 0x184d2a5;
/** True when `header` (at least 8 bytes) starts a skippable frame of zstd or LZ4. */
function isSkippableFrame(header) {
    return header.length >= 8 && isSkippable(header.readUInt32LE(0));
}
/** True when the first 4 bytes may start one of the Compressions (compressionOf needs up to 18). */
function mayBeCompressed(head) {
    if (head.length < 4)
        return false;
    const m = head.readUInt32LE(0);
    return (head[0] === 0x1f && head[1] === 0x8b) || m === ZSTD_MAGIC || isSkippable(m) || m === LZ4_FRAME_MAGIC || m === LZ4_LEGACY_MAGIC$1 || m === 0x587a37fd || (head[0] === 0x42 && head[1] === 0x5a && head[2] === 0x68);
}
/**
 * The compression `buf` starts with, by its magic: a gzip member; xz's stream header; bzip2's `BZh1`-`BZh9`
 * followed by a block or end-of-stream magic (so that text starting `BZh9` is not taken for it);
 * a zstd or LZ4 frame (or an LZ4 legacy one), possibly after skippable frames (the two
 * formats share them). Undefined otherwise.
 */
function compressionOf(buf) {
    // A gzip member (deflate) is at least 18 bytes: header and trailer.
    if (buf.length >= 18 && buf[0] === 0x1f && buf[1] === 0x8b && buf[2] === 8)
        return 'gzip';
    if (buf.length >= 12 && buf.subarray(0, 6).equals(XZ_MAGIC))
        return 'xz';
    if (buf.length >= 14 && buf[0] === 0x42 && buf[1] === 0x5a && buf[2] === 0x68 && buf[3] >= 0x31 && buf[3] <= 0x39) {
        const m = buf.readUIntBE(4, 6);
        if (m === 0x314159265359 || m === 0x177245385090)
            return 'bzip2';
    }
    let at = 0;
    while (at + 8 <= buf.length && isSkippable(buf.readUInt32LE(at)))
        at += 8 + buf.readUInt32LE(at + 4);
    if (at + 4 > buf.length)
        return undefined;
    const magic = buf.readUInt32LE(at);
    if (magic === ZSTD_MAGIC)
        return 'zstd';
    // An LZ4 frame's descriptor says version 01; a legacy frame's first block is no larger than a
    // block can be compressed to.
    if (magic === LZ4_FRAME_MAGIC && (at + 5 > buf.length || buf[at + 4] >> 6 === 1))
        return 'lz4';
    if (magic === LZ4_LEGACY_MAGIC$1 && (at + 8 > buf.length || buf.readUInt32LE(at + 4) <= lz4Bound(LZ4_LEGACY_BLOCK$1)))
        return 'lz4';
    return undefined;
}
/**
 * Decompresses a whole gzip, xz, bzip2, zstd or LZ4 file (every member, stream or frame,
 * concatenated), to at most `cap` bytes: PastCap past it, FormatError (its format) when the data does
 * not decompress. Memory is bounded: the xz decoder refuses dictionaries over its own limit,
 * bzip2 blocks are at most 900 kB, and every zstd frame's window is checked against `windowCap`
 * (a memory bound, not an output one: a 50-byte file streamed through `zstd` or `pzstd` declares
 * a 2 MiB window) before the decoder allocates it. Decoding work is bounded by `workBasis`
 * (workBound): PastCap `work` past it.
 */
async function decompressCapped(kind, data, cap, windowCap = cap, workBasis = cap) {
    if (kind === 'gzip')
        return gunzipCapped(data, cap);
    if (kind === 'xz')
        return xzCapped(data, cap);
    if (kind === 'bzip2')
        return bzip2Capped(data, cap, workBasis);
    if (kind === 'lz4')
        return lz4Capped(data, cap, workBasis);
    return zstdCapped(data, cap, windowCap, workBasis);
}
/**
 * The decoding work a file may cost, from `basis` (a fixed bound of the file: its budget or the
 * per-entry cap, never what is left of a budget others spend from, so that the same file gets
 * the same verdict on any number of threads): `perOutputByte` times it and a fixed allowance.
 */
function workBound(basis, perOutputByte, fixed) {
    return perOutputByte * basis + fixed;
}
/** What one block or frame costs besides its bytes (allocations, calls): a crafted file of tiny ones is bounded by it. */
const PER_UNIT_WORK = 4096;
/** gzip members by Node's zlib, which stops at `cap` (maxOutputLength). */
function gunzipCapped(data, cap) {
    try {
        return gunzipSync(data, { maxOutputLength: Math.max(1, cap) });
    }
    catch (e) {
        if (e.code === 'ERR_BUFFER_TOO_LARGE')
            throw new PastCap(`decompresses to more than ${cap} bytes`);
        throw new FormatError('gzip', e.message);
    }
}
/** xz-embedded's return codes (xz.h), as what they mean for a file. */
const XZ_ERRORS = {
    '2': 'xz data with an integrity check the decoder does not support (xz -C sha256)',
    '3': 'xz data the decoder ran out of memory for',
    '4': 'xz data whose dictionary is larger than the decoder allows',
    '5': 'corrupt xz data: not an xz stream',
    '6': 'xz data with a filter or integrity check the decoder does not support (a BCJ filter such as xz --x86 or --arm, --delta, or -C sha256)',
    '7': 'corrupt xz data: a check or size does not match',
    '8': 'corrupt xz data: truncated',
};
async function xzCapped(data, cap) {
    xz ??= Promise.resolve().then(function () { return xzDecompress$1; }).then((m) => pick$1(m, 'XzReadableStream'));
    const { XzReadableStream } = await xz;
    // The data as one chunk, not copied (a Blob would copy it).
    const input = new ReadableStream({
        start(controller) {
            controller.enqueue(new Uint8Array(data.buffer, data.byteOffset, data.length));
            controller.close();
        },
    });
    const reader = new XzReadableStream(input).getReader();
    const chunks = [];
    let n = 0;
    try {
        while (true) {
            const { done, value } = await reader.read();
            if (done)
                break;
            n += value.length;
            if (n > cap) {
                await reader.cancel();
                throw new PastCap(`decompresses to more than ${cap} bytes`);
            }
            chunks.push(value);
        }
    }
    catch (e) {
        if (e instanceof PastCap)
            throw e;
        const message = e.message ?? String(e);
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
    cap;
    pieces = [];
    piece = Buffer.allocUnsafe(1 << 20);
    at = 0;
    total = 0;
    constructor(cap) {
        this.cap = cap;
    }
    write(bytes) {
        if (this.total + bytes.length > this.cap)
            throw new PastCap(`decompresses to more than ${this.cap} bytes`);
        let from = 0;
        while (from < bytes.length) {
            if (this.at === this.piece.length)
                this.nextPiece();
            const n = Math.min(bytes.length - from, this.piece.length - this.at);
            this.piece.set(bytes.subarray(from, from + n), this.at);
            this.at += n;
            from += n;
        }
        this.total += bytes.length;
    }
    writeByte(b) {
        if (this.total === this.cap)
            throw new PastCap(`decompresses to more than ${this.cap} bytes`);
        if (this.at === this.piece.length)
            this.nextPiece();
        this.piece[this.at++] = b;
        this.total++;
    }
    bytes() {
        return Buffer.concat([...this.pieces, this.piece.subarray(0, this.at)], this.total);
    }
    nextPiece() {
        this.pieces.push(this.piece);
        this.piece = Buffer.allocUnsafe(1 << 20);
        this.at = 0;
    }
}
let bunzip;
/** seek-bzip's input stream over a buffer, as its own (a byte past the end reads as undefined). */
class BzInput {
    data;
    pos = 0;
    constructor(data) {
        this.data = data;
    }
    readByte() {
        return this.data[this.pos++];
    }
    read(buf, offset, length) {
        let n = 0;
        while (n < length) {
            if (this.pos >= this.data.length)
                return n === 0 ? -1 : n;
            buf[offset++] = this.data[this.pos++];
            n++;
        }
        return n;
    }
    seek(pos) {
        this.pos = pos;
    }
    eof() {
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
async function bzip2Capped(data, cap, workBasis) {
    bunzip ??= Promise.resolve().then(function () { return index$1; }).then((m) => m.default ?? m);
    const Bunzip = await bunzip;
    const out = new CappedBytes(cap);
    const input = new BzInput(data);
    const workCap = workBound(workBasis, 8, 64 << 20);
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
                if (work > workCap)
                    throw new PastCap(`has more blocks than their output could justify (${work} bytes of block buffers)`, 'work');
                bz._read_bunzip();
                continue;
            }
            const crc = bz.reader.read(32) >>> 0;
            if (crc !== bz.streamCRC)
                throw new Error(`bad stream CRC (got ${bz.streamCRC.toString(16)}, expected ${crc.toString(16)})`);
            if (input.eof())
                break;
            const next = input.pos;
            if (data.subarray(next).every((b) => b === 0))
                break; // zero padding
            try {
                bz._start_bunzip(input, out);
            }
            catch {
                // bzip2 -d warns and ignores such bytes; a stream after them would then be hidden.
                throw new Error(`bytes after the last stream that are not a bzip2 stream, at offset ${next}`);
            }
        }
    }
    catch (e) {
        if (e instanceof PastCap)
            throw e;
        throw new FormatError('bzip2', `corrupt bzip2 data: ${e.message ?? String(e)}`);
    }
    finally {
        process.noDeprecation = quiet;
    }
    return out.bytes();
}
let zstdStream;
/**
 * Walks the frames of zstd data without decoding them (headers and block sizes, RFC 8878): the
 * zstd frames (skippable ones left out), one at a time (a file may hold millions). FormatError for a broken layout or a frame that needs a
 * dictionary (not carried by the file); PastCap for a frame whose window is over `windowCap`
 * (fzstd allocates the window a header asks for, up to 2 GiB) or whose declared content size is
 * over `cap`.
 */
function* zstdFrames(data, cap, windowCap = cap) {
    const bad = (why, at) => new FormatError('zstd', `${why}, at offset ${at}`);
    let frames = 0;
    let at = 0;
    while (at < data.length) {
        if (at + 8 > data.length)
            throw bad('truncated frame header', at);
        const magic = data.readUInt32LE(at);
        if (isSkippable(magic)) {
            at += 8 + data.readUInt32LE(at + 4);
            if (at > data.length)
                throw bad('truncated skippable frame', data.length);
            continue;
        }
        if (magic !== ZSTD_MAGIC)
            throw bad(frames ? 'bytes that are not a zstd frame after the last frame' : 'no zstd frame', at);
        const fhd = data[at + 4];
        if (fhd & 8)
            throw bad('a reserved frame header bit set', at + 4);
        const single = (fhd >> 5) & 1;
        const dictBytes = [0, 1, 2, 4][fhd & 3];
        const fcsBytes = [single, 2, 4, 8][fhd >> 6];
        let p = at + 5;
        if (p + (single ? 0 : 1) + dictBytes + fcsBytes > data.length)
            throw bad('truncated frame header', at);
        let window = 0;
        if (!single) {
            const wd = data[p++];
            const base = 2 ** (10 + (wd >> 3));
            window = base + (base / 8) * (wd & 7);
        }
        const dictId = dictBytes ? data.readUIntLE(p, dictBytes) : 0;
        p += dictBytes;
        if (dictId !== 0)
            throw bad(`a frame compressed with dictionary ${dictId}, which the file does not carry`, at);
        let content;
        if (fcsBytes) {
            content = fcsBytes === 8 ? Number(data.readBigUInt64LE(p)) : data.readUIntLE(p, fcsBytes) + (fcsBytes === 2 ? 256 : 0);
            p += fcsBytes;
        }
        if (single)
            window = content ?? 0;
        if (window > windowCap)
            throw new PastCap(`has a frame whose window is ${window} bytes, more than ${windowCap}`, 'window');
        if (content !== undefined && content > cap)
            throw new PastCap(`has a frame of ${content} bytes, more than ${cap}`);
        let blocks = 0;
        for (;;) {
            if (p + 3 > data.length)
                throw bad('truncated block', p);
            const h = data.readUIntLE(p, 3);
            const type = (h >> 1) & 3;
            if (type === 3)
                throw bad('a block of the reserved type', p);
            p += 3 + (type === 1 ? 1 : h >>> 3);
            blocks++;
            if (p > data.length)
                throw bad('truncated block', data.length);
            if (h & 1)
                break;
        }
        if ((fhd >> 2) & 1)
            p += 4;
        if (p > data.length)
            throw bad('truncated checksum', data.length);
        frames++;
        yield { start: at, end: p, window, content, blocks };
        at = p;
    }
    if (frames === 0)
        throw bad('no zstd frame', 0);
}
/**
 * zstd frames to at most `cap` bytes, one frame at a time (fzstd's stream recurses once per
 * frame). fzstd moves its whole window once per block, so a frame costs its blocks times its
 * window, and each frame and block a fixed amount: that is bounded too (PastCap `work`, 256
 * bytes a byte of the cap: zstd -19's block splitter writes up to 3 times as many blocks as
 * 128 KiB ones would need, so an 8 MiB window moves ~192 bytes a byte of output). A frame that
 * gives other than the size its header declares is corrupt.
 */
async function zstdCapped(data, cap, windowCap, workBasis) {
    // Walked once to bound the work before anything is decoded, then again to decode.
    // zstd -19 (an 8 MiB window) writes up to 3 times as many blocks as 128 KiB ones would need:
    // 192 bytes of window moved per byte of output, under 256.
    const workCap = workBound(workBasis, 256, 1 << 30);
    let work = 0;
    for (const f of zstdFrames(data, cap, windowCap)) {
        work += PER_UNIT_WORK + f.blocks * (f.window + 12 + PER_UNIT_WORK);
        if (work > workCap)
            throw new PastCap(`has frames whose blocks times window (${work} bytes) are more than their output could justify`, 'work');
    }
    zstdStream ??= Promise.resolve().then(function () { return index$2; }).then((m) => pick$1(m, 'Decompress').Decompress);
    const Decompress = await zstdStream;
    const out = new CappedBytes(cap);
    try {
        for (const f of zstdFrames(data, cap, windowCap)) {
            const before = out.total;
            const stream = new Decompress((chunk) => out.write(chunk));
            stream.push(data.subarray(f.start, f.end), true);
            if (f.content !== undefined && out.total - before !== f.content)
                throw new Error(`a frame gave ${out.total - before} bytes where its header declares ${f.content}, at offset ${f.start}`);
        }
    }
    catch (e) {
        if (e instanceof PastCap)
            throw e;
        throw new FormatError('zstd', `corrupt zstd data: ${e.message ?? String(e)}`);
    }
    return out.bytes();
}
/** The most an LZ4 block of `n` bytes compresses to (LZ4_COMPRESSBOUND). */
function lz4Bound(n) {
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
async function lz4Capped(data, cap, workBasis) {
    const { lz4DecompressBlock } = await Promise.resolve().then(function () { return lz4; });
    const bad = (why, at) => new FormatError('lz4', `${why}, at offset ${at}`);
    const out = new CappedBytes(cap);
    // Each block costs a call and a copy however little it holds: a bound on their number.
    const workCap = workBound(workBasis, 4, 64 << 20);
    let work = 0;
    const put = (b) => {
        work += PER_UNIT_WORK + b.length;
        if (work > workCap)
            throw new PastCap(`has more blocks than their output could justify (${work} bytes of work)`, 'work');
        out.write(b);
    };
    /** A block decoded to at most `max` bytes: one more is decoded, so a block that overflows is told from a full one. */
    const decode = (block, max, at) => {
        const b = lz4DecompressBlock(block, max + 1, 'lz4', true);
        if (b.length > max)
            throw bad(`a block that decodes to more than ${max} bytes`, at);
        return b;
    };
    const u32 = (at) => {
        if (at + 4 > data.length)
            throw bad('truncated', data.length);
        return data.readUInt32LE(at);
    };
    let at = 0;
    let frames = 0;
    try {
        while (at < data.length) {
            const magic = u32(at);
            if (isSkippable(magic)) {
                at += 8 + u32(at + 4);
                if (at > data.length)
                    throw bad('truncated skippable frame', data.length);
                continue;
            }
            if (magic === LZ4_LEGACY_MAGIC$1) {
                frames++;
                at += 4;
                // Blocks until the data ends, another frame starts, or zeros pad the file.
                while (at + 4 <= data.length) {
                    const size = data.readUInt32LE(at);
                    if (size === 0 || size === LZ4_LEGACY_MAGIC$1 || size === LZ4_FRAME_MAGIC || isSkippable(size))
                        break;
                    if (size > lz4Bound(LZ4_LEGACY_BLOCK$1))
                        throw bad(`a legacy block of ${size} bytes, more than a block compresses to`, at);
                    at += 4;
                    if (at + size > data.length)
                        throw bad(`a legacy block of ${size} bytes runs past the end (truncated)`, at);
                    put(decode(data.subarray(at, at + size), LZ4_LEGACY_BLOCK$1, at));
                    at += size;
                }
                if (data.subarray(at).every((b) => b === 0))
                    at = data.length; // zero padding to the end
                continue;
            }
            if (magic !== LZ4_FRAME_MAGIC)
                throw bad(frames ? 'bytes that are not an LZ4 frame after the last frame' : 'no LZ4 frame', at);
            frames++;
            const start = at;
            if (at + 7 > data.length)
                throw bad('truncated frame descriptor', at);
            const flg = data[at + 4];
            const bd = data[at + 5];
            if (flg >> 6 !== 1)
                throw bad(`frame version ${flg >> 6}, not 1`, at + 4);
            if (flg & 2 || bd & 0x8f)
                throw bad('reserved frame descriptor bits set', at + 4);
            const blockMax = [0, 0, 0, 0, 64 << 10, 256 << 10, 1 << 20, 4 << 20][(bd >> 4) & 7];
            if (!blockMax)
                throw bad(`block maximum size code ${(bd >> 4) & 7}`, at + 5);
            if (!(flg & 0x20))
                throw bad('a frame of linked blocks (lz4 -BD), which this reader does not decode', start);
            if (flg & 1)
                throw bad('a frame compressed with a dictionary, which the file does not carry', start);
            at += 6;
            let content;
            if (flg & 8) {
                if (at + 8 > data.length)
                    throw bad('truncated frame descriptor', start);
                content = Number(data.readBigUInt64LE(at));
                at += 8;
                if (content > cap)
                    throw new PastCap(`has a frame of ${content} bytes, more than ${cap}`);
            }
            at += 1; // header checksum
            const before = out.total;
            for (;;) {
                const word = u32(at);
                at += 4;
                if (word === 0)
                    break; // end mark
                const size = word & 0x7fffffff;
                if (size > blockMax)
                    throw bad(`a block of ${size} bytes, more than the frame's ${blockMax}`, at - 4);
                if (at + size > data.length)
                    throw bad(`a block of ${size} bytes runs past the end (truncated)`, at);
                const block = data.subarray(at, at + size);
                put(word >>> 31 ? block : decode(block, blockMax, at));
                at += size + (flg & 0x10 ? 4 : 0);
            }
            if (flg & 4)
                at += 4; // content checksum
            if (at > data.length)
                throw bad('truncated checksum', data.length);
            if (content !== undefined && out.total - before !== content)
                throw bad(`a frame gave ${out.total - before} bytes where its header declares ${content}`, start);
        }
    }
    catch (e) {
        if (e instanceof PastCap)
            throw e;
        if (e instanceof FormatError && e.format === 'lz4')
            throw e;
        throw new FormatError('lz4', `corrupt LZ4 data: ${e instanceof FormatError ? e.reason : (e.message ?? String(e))}`);
    }
    if (frames === 0)
        throw bad('no LZ4 frame', 0);
    return out.bytes();
}

/**
 * Raw DEFLATE into a buffer the caller owns. `zlib.inflateRawSync` allocates a new output buffer
 * (and a new zlib stream with its 32 KiB window) for every call; a scan inflates thousands of
 * entries of up to tens of MiB each, and on four worker threads the freed buffers stay in the
 * allocator's per-thread arenas: ~130 MB of the peak RSS of a 2.35 GB build (measured with
 * glibc's MALLOC_MMAP_THRESHOLD_ pinned). This inflates into a reused buffer through one zlib
 * stream per thread, reset between entries.
 *
 * It drives the stream's native handle the way Node's own `inflateRawSync` does (`writeSync` and
 * the two-word write state, zlib.js `processChunkSync`), which is not public API. It checks that
 * the handle has that shape, and anything it does not recognise, every zlib error included, goes
 * to `inflateRawSync`, which gives Node's own error (or result): same bytes, same errors.
 */
/** Whether node:zlib's handle has the expected shape: unknown until first use. */
let supported;
/** Idle streams of this thread. A streamed inflate holds one across its reads (awaits), so a
 *  second inflate meanwhile takes another: never two entries through one stream. */
const idle = [];
/** By tag, not instanceof: under a vm context (Jest) node:zlib's arrays come from another realm. */
function isUint32Array(x) {
    return Object.prototype.toString.call(x) === '[object Uint32Array]';
}
function takeEngine() {
    if (supported === false)
        return null;
    // Writing to a closed handle aborts the process: a stream that failed is never lent again.
    for (let e = idle.pop(); e; e = idle.pop())
        if (!e.stream.destroyed)
            return e;
    const stream = new InflateRaw();
    // zlib reports an error by destroying the stream, which then emits it: seen here, handled below.
    stream.on('error', () => undefined);
    const inner = stream;
    const handle = inner._handle;
    supported = !!handle && typeof handle.writeSync === 'function' && typeof handle.reset === 'function' && isUint32Array(inner._writeState) && inner._writeState.length >= 2;
    return supported ? { stream, handle: handle, state: inner._writeState } : null;
}
/** A stream back to the idle list; one that failed (destroyed) is dropped. */
function giveEngine(e) {
    if (!e.stream.destroyed && idle.length < 2)
        idle.push(e);
}
/**
 * Inflates the raw DEFLATE stream `raw` into `out` and returns how many bytes it wrote. A stream
 * of `out.length` bytes or more returns `out.length` (what `out` then holds is unspecified): pass
 * a buffer one byte longer than the size you expect to tell "exactly" from "more". A corrupt or
 * truncated stream throws zlib's error, as `inflateRawSync` does.
 */
function inflateRawInto(raw, out) {
    const e = takeEngine();
    if (e) {
        try {
            e.handle.reset();
            e.handle.writeSync(constants.Z_FINISH, raw, 0, raw.length, out, 0, out.length);
            // An error is reported synchronously by destroying the stream (zlib.js zlibOnError).
            if (!e.stream.destroyed)
                return out.length - e.state[0];
        }
        finally {
            giveEngine(e);
        }
    }
    // No usable handle, or zlib refused the data: Node's own path, for its result or its error.
    return inflateRawIntoPortable(raw, out);
}
/** Compressed bytes are read in pieces of this size by inflateRawFrom. */
const INFLATE_READ_BYTES = 1 << 20;
let readBuf;
/**
 * inflateRawInto of `length` compressed bytes at `offset` of `src`, read and inflated a piece at a
 * time: the compressed bytes of a large entry are never all in memory, and each piece is
 * inflated while it is still in the CPU's cache.
 */
async function inflateRawFrom(src, offset, length, out, pieceBytes = INFLATE_READ_BYTES) {
    if (length <= pieceBytes || !src.readInto)
        return inflateRawInto(src.readTemp ? await src.readTemp(offset, length) : await src.read(offset, length), out);
    return (await inflateRawPrefix(src, offset, length, out, () => out.length, pieceBytes)).written;
}
/**
 * inflateRawFrom that stops early: `want(written)` is asked, each time `written` bytes are in
 * `out` and at least as many as it asked for before, how many it needs in all. The inflation
 * stops when it asks for no more than it has (`stopped`), when `out` is full, or at the end of the
 * stream. Errors as inflateRawFrom's.
 */
async function inflateRawPrefix(src, offset, length, out, want, pieceBytes = INFLATE_READ_BYTES) {
    const e = takeEngine();
    if (!e)
        return { written: inflateRawInto(src.readTemp ? await src.readTemp(offset, length) : await src.read(offset, length), out), stopped: false };
    // Pieces are read into the shared read buffer (taken for the whole loop: a nested call
    // meanwhile gets its own), or are views of a source in memory.
    const shared = pieceBytes === INFLATE_READ_BYTES && !!src.readInto;
    const piece = src.readInto ? (shared && readBuf) || Buffer.allocUnsafeSlow(pieceBytes) : undefined;
    if (shared)
        readBuf = undefined;
    let failed = false;
    try {
        e.handle.reset();
        let written = 0;
        let target = Math.min(out.length, Math.max(1, want(0)));
        reading: for (let pos = 0; pos < length;) {
            const n = Math.min(pieceBytes, length - pos);
            const chunk = piece ? await src.readInto(offset + pos, n, piece) : await src.read(offset + pos, n);
            pos += n;
            const flush = pos < length ? constants.Z_NO_FLUSH : constants.Z_FINISH;
            let used = 0;
            for (;;) {
                const room = target - written;
                e.handle.writeSync(flush, chunk, used, n - used, out, written, room);
                if (e.stream.destroyed) {
                    failed = true;
                    break reading;
                }
                written += room - e.state[0];
                used = n - e.state[1];
                // Short of the target: this piece is all taken (read the next), or the stream ended
                // before its bytes did (zlib would ignore the rest, as inflateRawSync does).
                if (written < target) {
                    if (used < n)
                        return { written, stopped: false };
                    break;
                }
                if (target === out.length)
                    return { written, stopped: false };
                const next = Math.min(out.length, want(written));
                if (next <= written)
                    return { written, stopped: true };
                target = next; // and on through what is left of this piece (zlib may hold output too)
            }
        }
        if (!failed)
            return { written, stopped: false };
    }
    finally {
        giveEngine(e);
        if (shared)
            readBuf = piece;
    }
    // zlib refused the data: Node's own path over the whole stream, for its error.
    return { written: inflateRawIntoPortable(await src.read(offset, length), out), stopped: false };
}
/**
 * A ZIP entry's DEFLATE stream (`compressedSize` bytes at `offset` of `src`) inflated into `out`
 * (at least `size + 1` bytes: the extra byte tells a stream that inflates to more): the first
 * `size` bytes of `out`, or a FormatError naming the entry when the stream is corrupt or does not
 * give exactly the `size` it declares.
 *
 * With `want` (see inflateRawPrefix; it is given the bytes inflated so far), the inflation stops
 * as soon as it has what `want` needs, and those first bytes are returned: shorter than `size`,
 * and neither the rest of the stream nor its size are checked. Asking for `size` bytes or more asks
 * for the whole entry, checked as without `want`.
 */
async function inflateEntryInto(src, offset, compressedSize, size, out, name, want) {
    let n;
    const dest = out.subarray(0, size + 1);
    try {
        if (want) {
            const r = await inflateRawPrefix(src, offset, compressedSize, dest, (written) => {
                const w = want(dest.subarray(0, written));
                return w >= size ? size + 1 : w;
            });
            if (r.stopped)
                return out.subarray(0, r.written);
            n = r.written;
        }
        else
            n = await inflateRawFrom(src, offset, compressedSize, dest);
    }
    catch (err) {
        throw new FormatError('zip', `cannot inflate ${JSON.stringify(name)}: ${err.message}`, offset);
    }
    if (n !== size)
        throw new FormatError('zip', sizeMismatch(name, size, n > size ? undefined : n), offset);
    return out.subarray(0, size);
}
/** Why an entry is refused: it inflates to more than `declared` bytes (`got` undefined), or to `got`. */
function sizeMismatch(name, declared, got) {
    return got === undefined ? `${JSON.stringify(name)} inflates to more than its declared ${declared} bytes` : `${JSON.stringify(name)} inflated to ${got} bytes, declared ${declared}`;
}
/** inflateRawInto through public API only (`inflateRawSync` and a copy): the fallback. */
function inflateRawIntoPortable(raw, out) {
    let res;
    try {
        res = inflateRawSync(raw, { maxOutputLength: Math.max(1, out.length), chunkSize: Math.max(64, Math.min(out.length, 32 << 20)) });
    }
    catch (err) {
        if (err.code === 'ERR_BUFFER_TOO_LARGE')
            return out.length;
        throw err;
    }
    return res.copy(out, 0, 0, Math.min(res.length, out.length));
}

/**
 * A ZIP central-directory reader with Android's semantics, over a RandomAccessSource.
 *
 * - The central directory is the truth; local headers are only used to find the data start.
 * - Every entry is listed, whatever its name (`../`, NUL, CR, LF): names are kept as raw bytes
 *   and decoded for display; nothing aborts the listing.
 * - Duplicate names are reported (a second classes.dex or manifest hides code).
 * - Compression method 8 is inflated; any other method is read as STORED with the declared
 *   uncompressed length, as Android's resource loader does (the "unsupported compression"
 *   evasion).
 * - ZIP64 end records and per-entry extra fields are honoured.
 * - Inflation is capped per entry: nothing inflates past `maxBytes`.
 */
const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;
const MAX_COMMENT = 0xffff;
const EOCD_SIZE = 22;
/** A local file header's fixed part. */
const LFH_SIZE = 30;
class EntryTooLargeError extends FormatError {
    entryName;
    limit;
    constructor(entryName, limit) {
        super('zip', `entry ${JSON.stringify(entryName)} inflates past the ${limit}-byte cap`);
        this.entryName = entryName;
        this.limit = limit;
        this.name = 'EntryTooLargeError';
    }
}
function isSuspicious(raw, name) {
    if (raw.includes(0) || raw.includes(0x0a) || raw.includes(0x0d))
        return true;
    if (name.startsWith('/') || name.startsWith('\\'))
        return true;
    return name.split(/[\\/]/).some((seg) => seg === '..');
}
/** Reads the end of central directory (and ZIP64 records) and lists every entry. */
async function openZip(src) {
    const size = src.size;
    if (size < EOCD_SIZE)
        throw new FormatError('zip', `file is ${size} bytes, too small for an end-of-central-directory record`);
    const tailLen = Math.min(size, MAX_COMMENT + EOCD_SIZE);
    const tailStart = size - tailLen;
    const tail = await src.read(tailStart, tailLen);
    const warnings = [];
    // Prefer an EOCD whose comment ends exactly at the end of the file; fall back to the last
    // plausible one (garbage after the comment is tolerated, with a warning).
    let eocdRel = -1;
    let fallback = -1;
    for (let i = tailLen - EOCD_SIZE; i >= 0; i--) {
        if (tail.readUInt32LE(i) !== EOCD_SIG)
            continue;
        const commentLen = tail.readUInt16LE(i + 20);
        if (i + EOCD_SIZE + commentLen === tailLen) {
            eocdRel = i;
            break;
        }
        if (fallback < 0 && i + EOCD_SIZE + commentLen <= tailLen)
            fallback = i;
    }
    if (eocdRel < 0) {
        if (fallback < 0)
            throw new FormatError('zip', 'no end-of-central-directory record (truncated or not a ZIP)');
        eocdRel = fallback;
        warnings.push('bytes after the end-of-central-directory comment');
    }
    const eocdOffset = tailStart + eocdRel;
    let diskNo = tail.readUInt16LE(eocdRel + 4);
    let count = tail.readUInt16LE(eocdRel + 10);
    let cdSize = tail.readUInt32LE(eocdRel + 12);
    let cdOffset = tail.readUInt32LE(eocdRel + 16);
    // ZIP64: the locator sits 20 bytes before the EOCD.
    if (eocdOffset >= 20) {
        const loc = await src.read(eocdOffset - 20, 20);
        if (loc.readUInt32LE(0) === ZIP64_LOCATOR_SIG) {
            const z64Off = Number(loc.readBigUInt64LE(8));
            if (!Number.isSafeInteger(z64Off) || z64Off + 56 > eocdOffset) {
                throw new FormatError('zip', 'ZIP64 end record offset out of bounds', eocdOffset - 20);
            }
            const z = await src.read(z64Off, 56);
            if (z.readUInt32LE(0) !== ZIP64_EOCD_SIG)
                throw new FormatError('zip', 'ZIP64 locator points at no ZIP64 end record', z64Off);
            diskNo = z.readUInt32LE(16);
            const c = Number(z.readBigUInt64LE(32));
            const s = Number(z.readBigUInt64LE(40));
            const o = Number(z.readBigUInt64LE(48));
            if (![c, s, o].every(Number.isSafeInteger))
                throw new FormatError('zip', 'ZIP64 sizes beyond 2^53', z64Off);
            count = c;
            cdSize = s;
            cdOffset = o;
        }
    }
    if (diskNo !== 0)
        throw new FormatError('zip', 'multi-disk archives are not supported', eocdOffset);
    if (cdOffset + cdSize > eocdOffset) {
        throw new FormatError('zip', `central directory (${cdSize} bytes at ${cdOffset}) overlaps the end record at ${eocdOffset}`, cdOffset);
    }
    if (cdOffset + cdSize < eocdOffset)
        warnings.push(`${eocdOffset - cdOffset - cdSize} bytes between the central directory and the end record`);
    // Each CD header is at least 46 bytes: a count that cannot fit is a lie.
    if (count * 46 > cdSize) {
        throw new FormatError('zip', `central directory claims ${count} entries but holds only ${cdSize} bytes (truncated)`, cdOffset);
    }
    const cd = await src.read(cdOffset, cdSize);
    const entries = [];
    let p = 0;
    for (let i = 0; i < count; i++) {
        if (p + 46 > cd.length)
            throw new FormatError('zip', `central directory truncated at entry ${i}`, cdOffset + p);
        if (cd.readUInt32LE(p) !== CDH_SIG)
            throw new FormatError('zip', `bad central directory header signature at entry ${i}`, cdOffset + p);
        const flags = cd.readUInt16LE(p + 8);
        const method = cd.readUInt16LE(p + 10);
        const crc32 = cd.readUInt32LE(p + 16);
        let compressedSize = cd.readUInt32LE(p + 20);
        let uncompressedSize = cd.readUInt32LE(p + 24);
        const nameLen = cd.readUInt16LE(p + 28);
        const extraLen = cd.readUInt16LE(p + 30);
        const commentLen = cd.readUInt16LE(p + 32);
        let localHeaderOffset = cd.readUInt32LE(p + 42);
        const end = p + 46 + nameLen + extraLen + commentLen;
        if (end > cd.length)
            throw new FormatError('zip', `central directory entry ${i} overflows the directory`, cdOffset + p);
        const rawName = Buffer.from(cd.subarray(p + 46, p + 46 + nameLen));
        // ZIP64 extended information (0x0001): only the fields saturated in the header are present.
        let e = p + 46 + nameLen;
        const extraEnd = e + extraLen;
        while (e + 4 <= extraEnd) {
            const id = cd.readUInt16LE(e);
            const len = cd.readUInt16LE(e + 2);
            if (e + 4 + len > extraEnd) {
                warnings.push(`entry ${i}: extra field overflows its bounds`);
                break;
            }
            if (id === 0x0001) {
                let q = e + 4;
                const take = () => {
                    if (q + 8 > e + 4 + len)
                        throw new FormatError('zip', `entry ${i}: ZIP64 extra field too short`, cdOffset + q);
                    const v = Number(cd.readBigUInt64LE(q));
                    q += 8;
                    if (!Number.isSafeInteger(v))
                        throw new FormatError('zip', `entry ${i}: ZIP64 value beyond 2^53`, cdOffset + q);
                    return v;
                };
                if (uncompressedSize === 0xffffffff)
                    uncompressedSize = take();
                if (compressedSize === 0xffffffff)
                    compressedSize = take();
                if (localHeaderOffset === 0xffffffff)
                    localHeaderOffset = take();
            }
            e += 4 + len;
        }
        const name = rawName.toString('utf8');
        entries.push({
            index: i,
            name,
            rawName,
            method,
            flags,
            crc32,
            compressedSize,
            uncompressedSize,
            localHeaderOffset,
            suspiciousName: isSuspicious(rawName, name),
        });
        p = end;
    }
    const seen = new Map();
    for (const en of entries)
        seen.set(en.rawName.toString('latin1'), (seen.get(en.rawName.toString('latin1')) ?? 0) + 1);
    const duplicates = [...seen.entries()]
        .filter(([, n]) => n > 1)
        .map(([k]) => Buffer.from(k, 'latin1').toString('utf8'))
        .sort();
    let prefixBytes = cdOffset;
    for (const x of entries)
        if (x.localHeaderOffset < prefixBytes)
            prefixBytes = x.localHeaderOffset;
    if (prefixBytes > 0 && size >= 4) {
        const head = await src.read(0, 4);
        if (head.readUInt32LE(0) !== LFH_SIG)
            warnings.push(`${prefixBytes} bytes of data before the first local header`);
    }
    // APK Signing Block: "APK Sig Block 42" magic ends right before the central directory.
    let signingBlock;
    if (cdOffset >= 32) {
        const footer = await src.read(cdOffset - 24, 24);
        if (footer.toString('latin1', 8, 24) === 'APK Sig Block 42') {
            const blockSize = Number(footer.readBigUInt64LE(0));
            const start = cdOffset - blockSize - 8;
            if (Number.isSafeInteger(blockSize) && start >= 0)
                signingBlock = { offset: start, size: blockSize + 8 };
            else
                warnings.push('APK Signing Block size out of bounds');
        }
    }
    return { entries, cdOffset, eocdOffset, prefixBytes, duplicates, overlaps: overlapping(entries), warnings, signingBlock };
}
/**
 * Entries that overlap one before them in the file. Each entry takes at least its local header's
 * fixed 30 bytes and its compressed data from its local header offset (its name and extra field
 * only add to that), so entries found overlapping here overlap in the file. Of entries that
 * overlap, the one with the lowest offset is kept (the lower index at one offset); an entry that
 * overlaps a kept one is counted, and is not read, so it does not make later entries overlap.
 */
function overlapping(entries) {
    const out = new Map();
    const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset || a.index - b.index);
    let reach = -1;
    let owner = -1;
    for (const e of byOffset) {
        if (e.localHeaderOffset < reach) {
            out.set(e.index, owner); // not read, so its own extent does not count against later entries
            continue;
        }
        reach = e.localHeaderOffset + LFH_SIZE + e.compressedSize;
        owner = e.index;
    }
    return out;
}
/** Why an entry that overlaps another (ZipArchive.overlaps) is not inflated. */
function overlapReason(zip, over) {
    return `its bytes overlap those of entry ${JSON.stringify(zip.entries[over].name)} (a ZIP bomb inflates shared data once per entry); not inflated`;
}
/** Offset of an entry's data, from its local header (whose name/extra lengths may differ). */
async function entryDataOffset(src, entry) {
    if (entry.localHeaderOffset + LFH_SIZE > src.size) {
        throw new FormatError('zip', `local header of ${JSON.stringify(entry.name)} lies past the end of the file`, entry.localHeaderOffset);
    }
    const lfh = await src.read(entry.localHeaderOffset, LFH_SIZE);
    if (lfh.readUInt32LE(0) !== LFH_SIG) {
        throw new FormatError('zip', `bad local header signature for ${JSON.stringify(entry.name)}`, entry.localHeaderOffset);
    }
    const offset = entry.localHeaderOffset + LFH_SIZE + lfh.readUInt16LE(26) + lfh.readUInt16LE(28);
    return { offset, localMethod: lfh.readUInt16LE(8) };
}
/**
 * Reads and inflates one entry. Method 8 is inflated (output capped, and the result must be
 * exactly the declared size); anything else is read as STORED for `uncompressedSize` bytes.
 */
async function readEntry(src, entry, opts) {
    const { offset } = await entryDataOffset(src, entry);
    const size = entry.uncompressedSize;
    if (size > opts.maxBytes)
        throw new EntryTooLargeError(entry.name, opts.maxBytes);
    const out = opts.out && opts.out.length > size ? opts.out : undefined;
    if (entry.method === 8) {
        if (offset + entry.compressedSize > src.size) {
            throw new FormatError('zip', `data of ${JSON.stringify(entry.name)} (${entry.compressedSize} bytes) runs past the end of the file`, offset);
        }
        return inflateEntryInto(src, offset, entry.compressedSize, size, out ?? Buffer.allocUnsafe(size + 1), entry.name, opts.want);
    }
    // STORED, or an unknown method that Android's resource loader maps as STORED.
    if (offset + size > src.size) {
        throw new FormatError('zip', `data of ${JSON.stringify(entry.name)} (${size} bytes) runs past the end of the file`, offset);
    }
    return out && src.readInto ? src.readInto(offset, size, out) : src.read(offset, size);
}

/**
 * A small ASN.1 DER/BER walker: enough to find certificates and signer identifiers in a PKCS#7
 * SignedData block (the v1 APK signature) without a crypto library. It never decodes values it
 * does not need; it hands out byte ranges, and every range is checked against its parent.
 *
 * BER's indefinite length (0x80, closed by two zero bytes) is accepted for constructed values,
 * because some signing tools wrote PKCS#7 that way. Tags above 30 (multi-byte) are read.
 */
const TAG_INTEGER = 0x02;
const TAG_OID = 0x06;
const TAG_SEQUENCE = 0x30;
const TAG_SET = 0x31;
const CLASS_CONTEXT = 2;
/** Nesting deeper than this is refused: no real certificate comes close. */
const MAX_DEPTH = 64;
function fail$1(reason, offset) {
    throw new FormatError('der', reason, offset);
}
/** Reads one TLV at `offset`; it must end at or before `limit`. */
function readTlv(buf, offset, limit = buf.length, depth = 0) {
    if (depth > MAX_DEPTH)
        fail$1(`nesting deeper than ${MAX_DEPTH}`, offset);
    if (limit > buf.length)
        limit = buf.length;
    let p = offset;
    if (p >= limit)
        fail$1('value expected, end of data found', p);
    const tag = buf[p++];
    const cls = tag >> 6;
    const constructed = (tag & 0x20) !== 0;
    let tagNumber = tag & 0x1f;
    if (tagNumber === 0x1f) {
        tagNumber = 0;
        for (let n = 0;; n++) {
            if (p >= limit)
                fail$1('truncated tag', offset);
            if (n >= 4)
                fail$1('tag number too large', offset);
            const b = buf[p++];
            tagNumber = (tagNumber << 7) | (b & 0x7f);
            if ((b & 0x80) === 0)
                break;
        }
    }
    if (p >= limit)
        fail$1('truncated length', offset);
    const first = buf[p++];
    if (first === 0x80) {
        if (!constructed)
            fail$1('indefinite length on a primitive value', offset);
        // Walk children until the end-of-contents octets (00 00).
        const contentStart = p;
        let q = p;
        for (;;) {
            if (q + 2 > limit)
                fail$1('indefinite-length value without end-of-contents', offset);
            if (buf[q] === 0 && buf[q + 1] === 0)
                break;
            q = readTlv(buf, q, limit, depth + 1).end;
        }
        return { tag, cls, constructed, tagNumber, start: offset, contentStart, contentEnd: q, end: q + 2, indefinite: true };
    }
    let length;
    if (first < 0x80)
        length = first;
    else {
        const n = first & 0x7f;
        if (n > 4)
            fail$1(`length of ${n} bytes is too large`, offset);
        if (p + n > limit)
            fail$1('truncated length', offset);
        length = 0;
        for (let i = 0; i < n; i++)
            length = length * 256 + buf[p++];
    }
    const contentStart = p;
    const contentEnd = contentStart + length;
    if (contentEnd > limit)
        fail$1(`value of ${length} bytes runs past its container`, offset);
    return { tag, cls, constructed, tagNumber, start: offset, contentStart, contentEnd, end: contentEnd, indefinite: false };
}
/** The child values of a constructed TLV, in order. */
function children(buf, parent, depth = 0) {
    if (!parent.constructed)
        fail$1('children of a primitive value', parent.start);
    const out = [];
    for (let p = parent.contentStart; p < parent.contentEnd;) {
        const t = readTlv(buf, p, parent.contentEnd, depth + 1);
        out.push(t);
        p = t.end;
    }
    return out;
}
/** The bytes of a whole TLV (identifier, length and content). */
function tlvBytes(buf, t) {
    return buf.subarray(t.start, t.end);
}
/** The content bytes of a TLV. */
function tlvContent(buf, t) {
    return buf.subarray(t.contentStart, t.contentEnd);
}
/** Dotted form of an OBJECT IDENTIFIER's content. */
function decodeOid(content) {
    if (content.length === 0)
        fail$1('empty OID', 0);
    const parts = [];
    let v = 0;
    for (let i = 0; i < content.length; i++) {
        v = v * 128 + (content[i] & 0x7f);
        if ((content[i] & 0x80) === 0) {
            if (parts.length === 0) {
                const first = v < 40 ? 0 : v < 80 ? 1 : 2;
                parts.push(first, v - first * 40);
            }
            else
                parts.push(v);
            v = 0;
        }
    }
    return parts.join('.');
}
/** An INTEGER's content without redundant leading zero bytes (so 00 8F and 8F compare equal). */
function integerKey(content) {
    let i = 0;
    while (i < content.length - 1 && content[i] === 0)
        i++;
    return content.subarray(i).toString('hex');
}
/** Asserts a TLV's identifier byte. */
function expectTag(t, tag, what) {
    if (t.tag !== tag)
        fail$1(`${what}: tag 0x${tag.toString(16)} expected, 0x${t.tag.toString(16)} found`, t.start);
    return t;
}

/**
 * APK signer certificates: the SHA-256 of each signer's X.509 certificate, as
 * `apksigner verify --print-certs` prints it. Nothing is verified (a static scan identifies the
 * signer; Android decides whether the signature holds).
 *
 * - v1 (JAR signing): `META-INF/<NAME>.RSA|.DSA|.EC` is a PKCS#7 SignedData block. Only blocks
 *   with a matching `META-INF/<NAME>.SF` count (a stray `.RSA` is not a signature). The signer's
 *   certificate is the one whose issuer and serial number equal the SignerInfo's
 *   IssuerAndSerialNumber: the certificate bag may hold a chain in any order, so the first
 *   certificate is not necessarily the signer's.
 * - v2 / v3 / v3.1 (APK Signing Block, right before the central directory): pairs
 *   `{u64 length, u32 id, value}`; the value is a u32-length-prefixed list of signers, each
 *   `signed data, ...`; signed data is `digests, certificates, ...`; the first certificate of a
 *   signer is its certificate. IDs: v2 0x7109871A, v3 0xF05368C0, v3.1 0x1B93AD61; unknown IDs
 *   (padding 0x42726577, verity, source stamp) are ignored.
 *
 * Sources: source.android.com/docs/security/apksigning/v2 and /v3; apksig `V1SchemeVerifier`
 * (IssuerAndSerialNumber matching); androguard `tests/test_apk.py` for the expected digests.
 */
const APK_SIGNATURE_SCHEME_V2_ID = 0x7109871a;
const APK_SIGNATURE_SCHEME_V3_ID = 0xf05368c0;
const APK_SIGNATURE_SCHEME_V31_ID = 0x1b93ad61;
/** Source stamp blocks (apksig SourceStampConstants): a certificate of the store that built the APK. */
const SOURCE_STAMP_V1_ID = 0x2b09189e;
const SOURCE_STAMP_V2_ID = 0x6dff800d;
const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
function sha256Hex(buf) {
    return createHash('sha256').update(buf).digest('hex');
}
// ------------------------------------------------------------------------------------------------
// v1: PKCS#7 SignedData
/**
 * The signer certificates of one PKCS#7 SignedData block (DER or BER): for each SignerInfo, the
 * certificate of the bag whose issuer Name and serial number match its IssuerAndSerialNumber.
 * Returns the matching certificates' DER bytes; throws FormatError on malformed structure or
 * when a SignerInfo matches no certificate.
 */
function pkcs7SignerCertificates(buf) {
    const contentInfo = expectTag(readTlv(buf, 0), TAG_SEQUENCE, 'ContentInfo');
    const ci = children(buf, contentInfo);
    if (ci.length < 2 || ci[0].tag !== TAG_OID)
        throw new FormatError('pkcs7', 'ContentInfo without contentType', contentInfo.start);
    const type = decodeOid(tlvContent(buf, ci[0]));
    if (type !== OID_SIGNED_DATA)
        throw new FormatError('pkcs7', `contentType ${type} is not SignedData`, ci[0].start);
    const explicit = ci[1];
    if (explicit.cls !== CLASS_CONTEXT || explicit.tagNumber !== 0)
        throw new FormatError('pkcs7', 'SignedData content [0] expected', explicit.start);
    const signedData = expectTag(children(buf, explicit)[0] ?? fail('empty SignedData', explicit.start), TAG_SEQUENCE, 'SignedData');
    const sd = children(buf, signedData);
    // version, digestAlgorithms, contentInfo, [0] certificates?, [1] crls?, signerInfos
    let certBag;
    let signerInfos;
    for (let i = 3; i < sd.length; i++) {
        const t = sd[i];
        if (t.cls === CLASS_CONTEXT && t.tagNumber === 0)
            certBag = t;
        else if (t.tag === TAG_SET)
            signerInfos = t;
    }
    if (!signerInfos)
        throw new FormatError('pkcs7', 'SignedData without signerInfos', signedData.start);
    const certs = certBag ? children(buf, certBag).filter((c) => c.tag === TAG_SEQUENCE) : [];
    const ids = certs.map((c) => certificateId(buf, c));
    const out = [];
    for (const si of children(buf, signerInfos)) {
        const fields = children(buf, expectTag(si, TAG_SEQUENCE, 'SignerInfo'));
        const sid = fields[1];
        if (!sid)
            throw new FormatError('pkcs7', 'SignerInfo without signer identifier', si.start);
        if (sid.tag !== TAG_SEQUENCE)
            throw new FormatError('pkcs7', 'SignerInfo identifies its signer by subject key identifier, which APK signing does not use', sid.start);
        const [issuer, serial] = children(buf, sid);
        if (!issuer || !serial || serial.tag !== TAG_INTEGER)
            throw new FormatError('pkcs7', 'malformed IssuerAndSerialNumber', sid.start);
        const want = { issuer: canonicalName(buf, issuer), serial: integerKey(tlvContent(buf, serial)) };
        const i = ids.findIndex((id) => id.serial === want.serial && id.issuer === want.issuer);
        if (i < 0)
            throw new FormatError('pkcs7', `no certificate in the block matches the SignerInfo (serial ${want.serial})`, sid.start);
        out.push(tlvBytes(buf, certs[i]));
    }
    return out;
}
function fail(reason, offset) {
    throw new FormatError('pkcs7', reason, offset);
}
/** Issuer Name (canonical form) and serial number of an X.509 certificate. */
function certificateId(buf, cert) {
    const tbs = children(buf, cert)[0];
    if (!tbs || tbs.tag !== TAG_SEQUENCE)
        throw new FormatError('x509', 'certificate without tbsCertificate', cert.start);
    const f = children(buf, tbs);
    // [0] EXPLICIT version is optional (absent for v1 certificates).
    const k = f[0] && f[0].cls === CLASS_CONTEXT && f[0].tagNumber === 0 ? 1 : 0;
    const serial = f[k];
    const issuer = f[k + 2];
    if (!serial || serial.tag !== TAG_INTEGER || !issuer || issuer.tag !== TAG_SEQUENCE)
        throw new FormatError('x509', 'malformed tbsCertificate', tbs.start);
    return { issuer: canonicalName(buf, issuer), serial: integerKey(tlvContent(buf, serial)) };
}
/** Universal string types of a directory string: UTF8, Printable, T61, IA5, Universal, BMP. */
const STRING_TAGS = new Set([0x0c, 0x13, 0x14, 0x16, 0x1c, 0x1e]);
/**
 * A Name in a comparable form, as X500Principal equality sees it (RFC 5280 section 7.1): the
 * string type of a value does not matter (a SignerInfo may say PrintableString "rsa-1024" where
 * the certificate says UTF8String), case and runs of spaces do not matter, and the attributes of
 * a multi-valued RDN are unordered. Values that are not strings compare byte for byte.
 */
function canonicalName(buf, name) {
    const rdns = [];
    for (const rdn of children(buf, name)) {
        const atvs = [];
        for (const atv of rdn.constructed ? children(buf, rdn) : []) {
            const [type, value] = atv.constructed ? children(buf, atv) : [];
            if (!type || !value || type.tag !== TAG_OID)
                throw new FormatError('x509', 'malformed AttributeTypeAndValue', atv.start);
            const content = tlvContent(buf, value);
            let text;
            if (STRING_TAGS.has(value.tag)) {
                const raw = value.tag === 0x1e ? Buffer.from(content).swap16().toString('utf16le') : value.tag === 0x1c ? decodeUcs4(content) : content.toString(value.tag === 0x0c ? 'utf8' : 'latin1');
                text = `s:${raw.trim().replace(/\s+/g, ' ').toLowerCase()}`;
            }
            else
                text = `x:${tlvBytes(buf, value).toString('hex')}`;
            atvs.push(`${decodeOid(tlvContent(buf, type))}=${JSON.stringify(text)}`);
        }
        rdns.push(atvs.sort().join('+'));
    }
    return rdns.join(',');
}
function decodeUcs4(b) {
    let out = '';
    for (let i = 0; i + 4 <= b.length; i += 4) {
        const cp = b.readUInt32BE(i);
        out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
    }
    return out;
}
const V1_BLOCK = /^META-INF\/([^/]+)\.(RSA|DSA|EC)$/i;
/** The v1 signature block entries that have a matching `.SF` file, sorted by name. */
function v1SignatureBlocks(entries) {
    const sf = new Set(entries.filter((e) => /^META-INF\/[^/]+\.SF$/i.test(e.name)).map((e) => e.name.slice(0, -3).toUpperCase()));
    return entries
        .filter((e) => {
        const m = V1_BLOCK.exec(e.name);
        return m !== null && sf.has(`META-INF/${m[1]}`.toUpperCase());
    })
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
// ------------------------------------------------------------------------------------------------
// v2 / v3: the APK Signing Block
const SCHEME_OF = new Map([
    [APK_SIGNATURE_SCHEME_V2_ID, 'v2'],
    [APK_SIGNATURE_SCHEME_V3_ID, 'v3'],
    [APK_SIGNATURE_SCHEME_V31_ID, 'v3.1'],
]);
/** Reads a u32-length-prefixed slice at `p` of `buf[.. limit]`. */
function lengthPrefixed(buf, p, limit, what) {
    if (p + 4 > limit)
        throw new FormatError('apk-signing-block', `${what}: length expected past the end`, p);
    const len = buf.readUInt32LE(p);
    const start = p + 4;
    if (start + len > limit)
        throw new FormatError('apk-signing-block', `${what}: ${len} bytes run past the end`, p);
    return { start, end: start + len };
}
/** The ID-value pairs of a signing block (`block` = the whole block, size fields and magic included). */
function signingBlockPairs(block) {
    if (block.length < 32 || block.toString('latin1', block.length - 16) !== 'APK Sig Block 42') {
        throw new FormatError('apk-signing-block', 'no "APK Sig Block 42" magic', 0);
    }
    const head = block.readBigUInt64LE(0);
    const foot = block.readBigUInt64LE(block.length - 24);
    if (head !== foot)
        throw new FormatError('apk-signing-block', `size fields disagree (${head} and ${foot})`, 0);
    const end = block.length - 24;
    const pairs = [];
    for (let p = 8; p < end;) {
        if (p + 12 > end)
            throw new FormatError('apk-signing-block', 'truncated pair', p);
        const len = block.readBigUInt64LE(p);
        if (len < 4n || BigInt(p + 8) + len > BigInt(end))
            throw new FormatError('apk-signing-block', `pair of ${len} bytes runs past the block`, p);
        const id = block.readUInt32LE(p + 8);
        pairs.push({ id, value: block.subarray(p + 12, p + 8 + Number(len)) });
        p += 8 + Number(len);
    }
    return pairs;
}
/** The first certificate of each signer in a v2/v3/v3.1 scheme value. */
function schemeSignerCertificates(value) {
    const out = [];
    const signers = lengthPrefixed(value, 0, value.length, 'signers');
    for (let p = signers.start; p < signers.end;) {
        const signer = lengthPrefixed(value, p, signers.end, 'signer');
        p = signer.end;
        const signedData = lengthPrefixed(value, signer.start, signer.end, 'signed data');
        const digests = lengthPrefixed(value, signedData.start, signedData.end, 'digests');
        const certs = lengthPrefixed(value, digests.end, signedData.end, 'certificates');
        if (certs.start === certs.end)
            throw new FormatError('apk-signing-block', 'signer without certificates', certs.start);
        const first = lengthPrefixed(value, certs.start, certs.end, 'certificate');
        out.push(value.subarray(first.start, first.end));
    }
    return out;
}
const SCHEME_ORDER = ['v3.1', 'v3', 'v2', 'v1'];
/**
 * Every signer certificate of an APK, newest scheme first (v3.1, v3, v2, then v1 by entry name),
 * each digest once. Never throws for a malformed signature: the problem becomes a warning and
 * the other schemes are still read.
 */
async function readApkSigners(src, zip, opts) {
    const found = [];
    const warnings = [];
    if (zip.signingBlock) {
        try {
            const { offset, size } = zip.signingBlock;
            if (size > opts.maxBytes)
                throw new FormatError('apk-signing-block', `block of ${size} bytes is larger than the ${opts.maxBytes}-byte cap`, offset);
            const block = await src.read(offset, size);
            for (const pair of signingBlockPairs(block)) {
                const scheme = SCHEME_OF.get(pair.id);
                if (!scheme)
                    continue;
                try {
                    for (const cert of schemeSignerCertificates(pair.value))
                        found.push({ scheme, sha256: sha256Hex(cert) });
                }
                catch (e) {
                    warnings.push(`APK Signature Scheme ${scheme} block: ${e.message}`);
                }
            }
        }
        catch (e) {
            warnings.push(`APK Signing Block: ${e.message}`);
        }
    }
    for (const entry of v1SignatureBlocks(zip.entries)) {
        try {
            const buf = await readSignatureEntry(src, entry, opts.maxBytes);
            for (const cert of pkcs7SignerCertificates(buf))
                found.push({ scheme: 'v1', sha256: sha256Hex(cert), entry: entry.name });
        }
        catch (e) {
            warnings.push(`v1 signature ${entry.name}: ${e.message}`);
        }
    }
    found.sort((a, b) => SCHEME_ORDER.indexOf(a.scheme) - SCHEME_ORDER.indexOf(b.scheme));
    const seen = new Set();
    return { signers: found.filter((s) => (seen.has(s.sha256) ? false : (seen.add(s.sha256), true))), warnings };
}
/**
 * A signature block entry's bytes. apksig (and so the package manager's verifier) inflates any
 * method other than STORED, where Android's resource loader maps unknown methods as STORED:
 * for signature material follow apksig, falling back to STORED bytes.
 */
async function readSignatureEntry(src, entry, maxBytes) {
    if (entry.method !== 0 && entry.method !== 8 && entry.compressedSize <= maxBytes) {
        try {
            const { offset } = await entryDataOffset(src, entry);
            return inflateRawSync(await src.read(offset, entry.compressedSize), { maxOutputLength: Math.max(1, maxBytes) });
        }
        catch {
            // not deflate: read as STORED below
        }
    }
    return readEntry(src, entry, { maxBytes });
}
/** The distinct digests of `readApkSigners`, in its order. */
function signerDigests(s) {
    return s.signers.map((x) => x.sha256);
}

/**
 * Random-access byte sources. Every container parser reads ranges through this interface, so
 * the same ZIP reader works over a file on disk, an entry inflated into memory, and later an
 * APK stored inside a filesystem image. Every read is exact or fails: a short read is an error.
 */
class BufferSource {
    buf;
    constructor(buf) {
        this.buf = buf;
    }
    get size() {
        return this.buf.length;
    }
    async read(position, length) {
        if (position < 0 || length < 0 || position + length > this.buf.length) {
            throw new FormatError('io', `read of ${length} bytes at ${position} past the end (${this.buf.length} bytes)`, position);
        }
        return this.buf.subarray(position, position + length);
    }
    async close() {
        // nothing to release
    }
}
class FileSource {
    fd;
    size;
    constructor(fd, size) {
        this.fd = fd;
        this.size = size;
    }
    static async open(path) {
        // O_NONBLOCK: a FIFO or device swapped in after the walk cannot block the open; a special
        // file is refused, since the walk only hands over regular files.
        const fd = openSync(path, constants$1.O_RDONLY | constants$1.O_NONBLOCK);
        try {
            const st = fstatSync(fd);
            if (!st.isFile())
                throw new FormatError('io', 'not a regular file (changed since the folder was listed)');
            return new FileSource(fd, st.size);
        }
        catch (e) {
            closeSync(fd);
            throw e;
        }
    }
    async read(position, length) {
        return this.fill(Buffer.allocUnsafe(Math.max(0, length)), position, length);
    }
    async readInto(position, length, out) {
        return this.fill(out.subarray(0, Math.max(0, length)), position, length);
    }
    async readTemp(position, length) {
        if (length > TEMP_MAX)
            return this.read(position, length);
        if (length > 0 && tempBuf.length < length)
            tempBuf = Buffer.allocUnsafe(Math.min(TEMP_MAX, Math.max(length, 2 * tempBuf.length)));
        return this.fill(tempBuf.subarray(0, Math.max(0, length)), position, length);
    }
    /**
     * Fills `out` with exactly `length` bytes at `position`. Synchronous reads: the scan is
     * CPU-bound and runs one file per thread, so a blocking read costs nothing, while an async
     * read waits for a libuv pool thread on every call.
     */
    fill(out, position, length) {
        if (position < 0 || length < 0 || position + length > this.size) {
            throw new FormatError('io', `read of ${length} bytes at ${position} past the end (${this.size} bytes)`, position);
        }
        let done = 0;
        while (done < length) {
            const bytesRead = readSync(this.fd, out, done, length - done, position + done);
            if (bytesRead === 0)
                throw new FormatError('io', `unexpected end of file reading ${length} bytes at ${position}`, position + done);
            done += bytesRead;
        }
        return out;
    }
    async close() {
        closeSync(this.fd);
    }
}
/** The thread's shared temporary read buffer (see RandomAccessSource.readTemp). */
const TEMP_MAX = 16 << 20;
let tempBuf = Buffer.alloc(0);

/**
 * ART vdex files (`art/runtime/vdex_file.h`): magic `vdex` and a version. Version 027 (Android
 * 12+) has a section table {kind, offset, size} whose kind 1 holds the DEX files; versions
 * 006-021 (Android 8-11) have a fixed header followed by the dex checksums and the DEX files.
 * Both layouts are read; any other version is searched for embedded DEX headers (4-byte aligned,
 * validated). Compact DEX (`cdex`) is reported so the caller can fall back to a raw scan.
 */
function isVdex(head) {
    return head.length >= 8 && head.toString('latin1', 0, 4) === 'vdex' && /^\d{3}\0$/.test(head.toString('latin1', 4, 8));
}
const DEX_FILE_SECTION = 1;
function dexAt(buf, off) {
    if (off < 0 || off + 0x70 > buf.length || !isDex(buf.subarray(off, off + 8)))
        return 0;
    const size = buf.readUInt32LE(off + 0x20);
    if (buf.readUInt32LE(off + 0x28) !== 0x12345678 || size < 0x70 || off + size > buf.length)
        return 0;
    return size;
}
function readVdex(buf) {
    if (!isVdex(buf))
        throw new FormatError('vdex', 'bad vdex magic', 0);
    const version = buf.toString('latin1', 4, 7);
    const v = Number(version);
    const dexFiles = [];
    let compactDex = buf.includes('cdex001\0', 0, 'latin1');
    // Android 12+: a section table.
    if (v >= 27 && buf.length >= 12) {
        const n = buf.readUInt32LE(8);
        if (12 + n * 12 > buf.length)
            throw new FormatError('vdex', `section table of ${n} entries overflows the file (truncated)`, 8);
        for (let i = 0; i < n; i++) {
            const kind = buf.readUInt32LE(12 + i * 12);
            const off = buf.readUInt32LE(16 + i * 12);
            const size = buf.readUInt32LE(20 + i * 12);
            if (kind !== DEX_FILE_SECTION || size === 0)
                continue;
            if (off + size > buf.length)
                throw new FormatError('vdex', `dex section (${size} bytes at ${off}) runs past the end of the file (truncated)`, off);
            let p = off;
            while (p + 0x70 <= off + size) {
                const s = dexAt(buf, p);
                if (!s) {
                    if (buf.toString('latin1', p, p + 4) === 'cdex')
                        compactDex = true;
                    break;
                }
                dexFiles.push([p, s]);
                p = (p + s + 3) & -4;
            }
        }
        return { version, dexFiles, compactDex };
    }
    // Older layouts, and anything unexpected: validated DEX headers at 4-byte aligned offsets.
    let p = 8;
    while (p + 0x70 <= buf.length) {
        const i = buf.indexOf('dex\n0', p, 'latin1');
        if (i < 0)
            break;
        if (i % 4 !== 0) {
            p = i + 1;
            continue;
        }
        const s = dexAt(buf, i);
        if (s) {
            dexFiles.push([i, s]);
            p = i + s;
        }
        else
            p = i + 4;
    }
    return { version, dexFiles, compactDex };
}

/**
 * Virtual sources built from pieces of other sources: a sub-range of a file (a STORED APK inside
 * a ZIP, a logical partition inside super.img), and a sparse map of segments (an Android sparse
 * image, an ext4 file's extents, an OTA partition's operations). Gaps between segments read as
 * zeros. Nothing is copied until a range is read, and only that range.
 */
function checkRead(format, position, length, size) {
    if (!Number.isSafeInteger(position) || !Number.isSafeInteger(length) || position < 0 || length < 0 || position + length > size) {
        throw new FormatError(format, `read of ${length} bytes at ${position} past the end (${size} bytes)`, position);
    }
}
/** `size` bytes of `parent` from `offset`. Closing it leaves the parent open. */
class SubSource {
    parent;
    offset;
    size;
    onClose;
    constructor(parent, offset, size, onClose) {
        this.parent = parent;
        this.offset = offset;
        this.size = size;
        this.onClose = onClose;
        if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(size) || offset < 0 || size < 0 || offset + size > parent.size) {
            throw new FormatError('io', `range of ${size} bytes at ${offset} lies outside its ${parent.size}-byte container`, offset);
        }
    }
    async read(position, length) {
        checkRead('io', position, length, this.size);
        return this.parent.read(this.offset + position, length);
    }
    async readInto(position, length, out) {
        checkRead('io', position, length, this.size);
        if (this.parent.readInto)
            return this.parent.readInto(this.offset + position, length, out);
        const data = await this.parent.read(this.offset + position, length);
        data.copy(out, 0, 0, length);
        return out.subarray(0, length);
    }
    async close() {
        await this.onClose?.();
    }
}
/** A segment backed by `source` from `sourceOffset`. */
function sourceSegment(start, length, source, sourceOffset) {
    return { start, length, read: (o, n) => source.read(sourceOffset + o, n), backing: { source, offset: sourceOffset } };
}
/** A segment filled with a repeated 4-byte pattern (sparse FILL chunks). */
function fillSegment(start, length, pattern) {
    return {
        start,
        length,
        fill: true,
        read: async (o, n) => {
            const out = Buffer.allocUnsafe(n);
            for (let i = 0; i < n; i++)
                out[i] = pattern[(o + i) & 3];
            return out;
        },
    };
}
/**
 * A source of `size` bytes made of sorted, non-overlapping segments; gaps read as zeros. The
 * segment list is searched by bisection, so a file of many extents costs O(log n) per read.
 */
class MappedSource {
    size;
    format;
    onClose;
    segs;
    constructor(size, segments, format = 'io', onClose) {
        this.size = size;
        this.format = format;
        this.onClose = onClose;
        this.segs = [...segments].sort((a, b) => a.start - b.start);
        let end = 0;
        for (const s of this.segs) {
            if (s.start < end)
                throw new FormatError(format, `overlapping data ranges at ${s.start}`, s.start);
            if (s.start + s.length > size)
                throw new FormatError(format, `data range at ${s.start} (${s.length} bytes) runs past the ${size}-byte end`, s.start);
            end = s.start + s.length;
        }
    }
    /** Index of the first segment ending after `pos`. */
    find(pos) {
        let lo = 0;
        let hi = this.segs.length;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            const s = this.segs[mid];
            if (s.start + s.length <= pos)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
    async read(position, length) {
        checkRead(this.format, position, length, this.size);
        if (length === 0)
            return Buffer.alloc(0);
        const first = this.segs[this.find(position)];
        if (first && first.start <= position && position + length <= first.start + first.length) {
            return first.read(position - first.start, length);
        }
        return this.fill(Buffer.alloc(length), position, length, true);
    }
    async readInto(position, length, out) {
        checkRead(this.format, position, length, this.size);
        return this.fill(out.subarray(0, length), position, length, false);
    }
    /** Writes [position, position + length) into `out`: segments where they are, zeros between. */
    async fill(out, position, length, zeroed) {
        const end = position + length;
        let done = position; // everything before it is written
        for (let i = this.find(position); i < this.segs.length; i++) {
            const s = this.segs[i];
            if (s.start >= end)
                break;
            const from = Math.max(position, s.start);
            const to = Math.min(end, s.start + s.length);
            if (to <= from)
                continue;
            if (!zeroed && from > done)
                out.fill(0, done - position, from - position);
            if (s.readInto) {
                const pending = s.readInto(from - s.start, to - from, out, from - position);
                if (pending)
                    await pending;
            }
            else if (s.backing?.source.readInto) {
                await s.backing.source.readInto(s.backing.offset + (from - s.start), to - from, out.subarray(from - position));
            }
            else {
                const piece = await s.read(from - s.start, to - from);
                piece.copy(out, from - position);
            }
            done = to;
        }
        if (!zeroed && done < end)
            out.fill(0, done - position, length);
        return out;
    }
    async close() {
        await this.onClose?.();
    }
    get segments() {
        return this.segs;
    }
}
/**
 * Bytes kept at each end of a fill segment by dataRanges: more than a token and the context a
 * scan looks back or ahead for one (scheme, port), a multiple of the pattern's 4 bytes.
 */
const FILL_EDGE = 4096;
/**
 * The ranges of `[from, to)` of a source that may hold non-zero bytes: gaps of a MappedSource
 * (sparse DONT_CARE, holes, ZERO operations) are left out, through any stack of sub-ranges and
 * segments that are plain windows on another source. A raw scan reads only these, so a sparse
 * image that claims terabytes of nothing costs nothing.
 *
 * Of a fill segment (a sparse FILL chunk: one 4-byte pattern repeated), only the FILL_EDGE bytes
 * at each end are given: the rest can hold no endpoint. Every token, digit run or `://[` of the
 * scanner is at least 4 bytes between bytes that end it; a pattern with such a byte ends a run
 * every 4 bytes, and one without makes a single run far longer than any endpoint (which a run
 * cut FILL_EDGE bytes in is too). So only what joins the fill to its neighbours counts. A 44-byte
 * sparse image with a FILL chunk of 1 GiB of `ab.c` took 5.5 s, and one of 16 TiB would have
 * taken a day.
 */
function dataRanges(src, from = 0, to = src.size) {
    const out = [];
    const push = (a, b) => {
        if (b <= a)
            return;
        const last = out[out.length - 1];
        if (last && last[1] === a)
            last[1] = b;
        else
            out.push([a, b]);
    };
    const walk = (s, lo, hi, shift, depth) => {
        if (depth > 16) {
            push(lo + shift, hi + shift);
            return;
        }
        if (s instanceof SubSource) {
            walk(s.parent, lo + s.offset, hi + s.offset, shift - s.offset, depth + 1);
            return;
        }
        if (!(s instanceof MappedSource)) {
            push(lo + shift, hi + shift);
            return;
        }
        for (const seg of s.segments) {
            const a = Math.max(lo, seg.start);
            const b = Math.min(hi, seg.start + seg.length);
            if (b <= a)
                continue;
            if (seg.backing)
                walk(seg.backing.source, a - seg.start + seg.backing.offset, b - seg.start + seg.backing.offset, shift + seg.start - seg.backing.offset, depth + 1);
            else if (seg.fill && b - a > 2 * FILL_EDGE) {
                push(a + shift, a + FILL_EDGE + shift);
                push(b - FILL_EDGE + shift, b + shift);
            }
            else
                push(a + shift, b + shift);
        }
    };
    walk(src, from, to, 0, 0);
    return out;
}
/** A small least-recently-used cache of decoded units (pclusters, OTA operations) with a byte budget. */
class UnitCache {
    maxBytes;
    map = new Map();
    bytes = 0;
    constructor(maxBytes) {
        this.maxBytes = maxBytes;
    }
    get(key) {
        const v = this.map.get(key);
        if (v) {
            this.map.delete(key);
            this.map.set(key, v);
        }
        return v;
    }
    set(key, value) {
        if (value.length > this.maxBytes)
            return;
        const old = this.map.get(key);
        if (old) {
            this.bytes -= old.length;
            this.map.delete(key);
        }
        this.map.set(key, value);
        this.bytes += value.length;
        for (const [k, v] of this.map) {
            if (this.bytes <= this.maxBytes)
                break;
            this.map.delete(k);
            this.bytes -= v.length;
        }
    }
}
const UNLIMITED_BUDGET = { spend: () => undefined };

// Generated by scripts/build-wasm.mjs from lz4-block.wat (npm run wasm); do not edit.
/** The lz4-block.wat module, 525 bytes, base64. */
const LZ4_BLOCK_WASM = 'AGFzbQEAAAABCQFgBH9/f38BfwMCAQAFAwEAAgcTAgZtZW1vcnkCAAZkZWNvZGUAAArZAwHWAwEKfyAAIQQgACABaiEFIAIhBiACIANqIQcCQANAIAQgBU8NASAGIAdPDQEgBC0AACEIIARBAWohBCAIQQR2IQkgCUEPRgRAA0AgBCAFTwRAQX8PCyAELQAAIQogBEEBaiEEIAkgCmohCSAKQf8BRg0ACwsgCQRAIAkgBSAEa0sEQEF/DwsgCSELIAsgByAGa0sEQCAHIAZrIQsLIAtBEE0EQCAGIAT9AAQA/QsEAAUgBiAEIAv8CgAACyAGIAtqIQYgBCAJaiEEIAYgB08NAgsgBCAFTw0BIAUgBGtBAkkEQEF/DwsgBC8BACEMIARBAmohBCAMRQRAQX8PCyAMIAYgAmtLBEBBfw8LIAhBD3FBBGohCSAIQQ9xQQ9GBEADQCAEIAVPBEBBfw8LIAQtAAAhCiAEQQFqIQQgCSAKaiEJIApB/wFGDQALCyAJIQsgCyAHIAZrSwRAIAcgBmshCwsgBiAMayENIAwgC08EQCALQRBNBEAgBiAN/QAEAP0LBAAFIAYgDSAL/AoAAAsgBiALaiEGBQJAA0AgC0UNASAGIA0tAAA6AAAgBkEBaiEGIA1BAWohDSALQQFrIQsMAAsLCwwACwtBACAEIABrNgIAIAYgAmsL';

/**
 * LZ4 block decompression (the raw block format, as EROFS stores pclusters; LZ4HC writes the same
 * format). Bounded: it never writes past `outputSize`, and stops as soon as the output is full
 * (EROFS decodes "partially": a pcluster may hold more literals than the extent needs). Every
 * read and back-reference is checked; a bad block is a FormatError, never an out-of-range access.
 * With `allowShort` (LZ4 legacy frames, whose blocks do not record their decoded size)
 * `outputSize` is a cap and the decoded bytes are returned, however many.
 *
 * Blocks are decoded by a WebAssembly module (src/wasm/lz4-block.wat, several times faster than
 * a JavaScript loop over EROFS images); a block it finds malformed, or any block where
 * WebAssembly is missing, is decoded by the JavaScript below, which names the fault. Both give
 * the same bytes (tested).
 */
let engine;
/** Blocks larger than this (input plus output) are left to JavaScript: module memory stays small. */
const WASM_MAX_BYTES = 64 << 20;
/** Input is copied to this offset; the bytes before it hold the input position reached. */
const SRC = 16;
const SLACK = 32;
function wasmEngine() {
    if (engine !== undefined)
        return engine;
    const exports = instantiate(LZ4_BLOCK_WASM);
    const memory = exports?.memory;
    engine = exports && memory ? { memory, mem: new Uint8Array(memory.buffer), decode: exports.decode } : null;
    return engine;
}
function lz4DecompressBlock(src, outputSize, format = 'lz4', allowShort = false) {
    const view = decodeInModule(src, outputSize, allowShort);
    return view ? Buffer.from(view) : lz4DecompressBlockJs(src, outputSize, format, allowShort);
}
/**
 * The same decoding (exactly `outputSize` bytes) written straight into `dest` at `at`: no buffer
 * of its own, one copy out of module memory. Bytes of `dest` outside [at, at + outputSize) are
 * left as they were.
 */
function lz4DecompressBlockInto(src, outputSize, dest, at, format = 'lz4') {
    const view = decodeInModule(src, outputSize, false);
    dest.set(view ?? lz4DecompressBlockJs(src, outputSize, format), at);
}
/** The block decoded by the module: a view of its memory (valid until the next call), or undefined for JavaScript to decode. */
function decodeInModule(src, outputSize, allowShort) {
    const e = wasmEngine();
    // 32 bytes of slack after the output: the module's 16-byte copies may run past it.
    const need = SRC + src.length + outputSize + SLACK;
    if (e && need <= WASM_MAX_BYTES) {
        if (e.mem.length < need) {
            try {
                e.memory.grow(Math.ceil((need - e.mem.length) / 65536));
            }
            catch {
                // no more memory for the module: this block goes to JavaScript
            }
            e.mem = new Uint8Array(e.memory.buffer);
        }
    }
    if (e && need <= e.mem.length) {
        e.mem.set(src, SRC);
        const out = SRC + src.length;
        const n = e.decode(SRC, src.length, out, outputSize);
        if (n >= 0) {
            const consumed = e.mem[0] | (e.mem[1] << 8) | (e.mem[2] << 16) | (e.mem[3] << 24);
            if (allowShort ? consumed >= src.length : n === outputSize)
                return e.mem.subarray(out, out + n);
        }
    }
    return undefined;
}
/** The JavaScript decoder: the fallback, the one that names faults, and the reference in tests. */
function lz4DecompressBlockJs(src, outputSize, format = 'lz4', allowShort = false) {
    // A block gives at most 255 bytes a byte of input (and a few more): a short block of a legacy
    // frame (8 MiB maximum) need not cost 8 MiB.
    const size = allowShort ? Math.min(outputSize, 255 * src.length + 16) : outputSize;
    const out = Buffer.allocUnsafe(size);
    let ip = 0;
    let op = 0;
    const iend = src.length;
    while (ip < iend && op < size) {
        const token = src[ip++];
        // Literals.
        let litLen = token >>> 4;
        if (litLen === 15) {
            let b;
            do {
                if (ip >= iend)
                    throw new FormatError(format, 'truncated literal length', ip);
                b = src[ip++];
                litLen += b;
            } while (b === 255);
        }
        if (litLen > 0) {
            if (ip + litLen > iend)
                throw new FormatError(format, `literal run of ${litLen} bytes overflows the input`, ip);
            const n = Math.min(litLen, size - op);
            if (n < 32) {
                // Most literal runs are short: a loop beats making a subarray for each.
                for (let k = 0; k < n; k++)
                    out[op + k] = src[ip + k];
            }
            else
                out.set(src.subarray(ip, ip + n), op);
            op += n;
            ip += litLen;
            if (op >= size)
                break;
        }
        if (ip >= iend)
            break; // the last sequence has literals only
        // Match.
        if (ip + 2 > iend)
            throw new FormatError(format, 'truncated match offset', ip);
        const offset = src[ip] | (src[ip + 1] << 8);
        ip += 2;
        if (offset === 0 || offset > op)
            throw new FormatError(format, `match offset ${offset} points before the start of the output`, ip - 2);
        let matchLen = (token & 15) + 4;
        if ((token & 15) === 15) {
            let b;
            do {
                if (ip >= iend)
                    throw new FormatError(format, 'truncated match length', ip);
                b = src[ip++];
                matchLen += b;
            } while (b === 255);
        }
        let n = Math.min(matchLen, size - op);
        if (n < 16) {
            for (let from = op - offset; n > 0; n--)
                out[op++] = out[from++];
        }
        else {
            // A match may overlap its own output (a repeated pattern of period `offset`): copy from
            // `dist` back, a multiple of the period that doubles as the pattern grows behind us.
            let dist = offset;
            while (n > 0) {
                const k = Math.min(dist, n);
                out.copyWithin(op, op - dist, op - dist + k);
                op += k;
                n -= k;
                dist *= 2;
            }
        }
    }
    if (allowShort) {
        // A block of unknown decoded size (LZ4 legacy frames): `outputSize` is only the cap.
        if (ip < iend)
            throw new FormatError(format, `LZ4 block decodes to more than ${outputSize} bytes`, ip);
        return out.subarray(0, op);
    }
    if (op < outputSize)
        throw new FormatError(format, `LZ4 block decoded to ${op} bytes, expected ${outputSize}`, ip);
    return out;
}

var lz4 = /*#__PURE__*/Object.freeze({
    __proto__: null,
    lz4DecompressBlock: lz4DecompressBlock,
    lz4DecompressBlockInto: lz4DecompressBlockInto,
    lz4DecompressBlockJs: lz4DecompressBlockJs
});

/**
 * Android boot images (AOSP system/tools/mkbootimg `bootimg.h`): `ANDROID!` boot / init_boot /
 * recovery images, header versions 0-4, and `VNDRBOOT` vendor_boot images, versions 3-4 (with
 * the v4 vendor ramdisk table). The sections (kernel, ramdisk, second, recovery DTBO, DTB,
 * bootconfig) are located from the header; each ramdisk is decompressed (gzip, LZ4 legacy frame
 * or none) and read as a cpio newc archive so the files in it can be scanned by name.
 */
const BOOT_MAGIC = 'ANDROID!';
const VENDOR_BOOT_MAGIC = 'VNDRBOOT';
const LZ4_LEGACY_MAGIC = 0x184c2102;
const LZ4_LEGACY_BLOCK = 8 * 1024 * 1024;
/** Vendor ramdisk table entries read before giving up (a hostile header can claim millions). */
const MAX_VENDOR_RAMDISKS = 64;
function isBootImage(head) {
    if (head.length < 8)
        return false;
    const m = Buffer.from(head.subarray(0, 8)).toString('latin1');
    return m === BOOT_MAGIC || m === VENDOR_BOOT_MAGIC;
}
const pages = (n, page) => Math.ceil(n / page) * page;
/** Reads the header and lays out the sections, each checked to lie inside the image. */
async function openBootImage(src) {
    const fmt = 'bootimg';
    if (src.size < 1660)
        throw new FormatError(fmt, `file is ${src.size} bytes, too small for a boot image header`);
    const h = await src.read(0, Math.min(src.size, 4096));
    const magic = h.toString('latin1', 0, 8);
    const sections = [];
    const add = (name, offset, size, ramdisk = false) => {
        if (size === 0)
            return;
        assertRange(fmt, `${name} section`, offset, size, src.size);
        sections.push({ name, offset, size, ramdisk });
    };
    if (magic === BOOT_MAGIC) {
        const version = h.readUInt32LE(40);
        if (version <= 2) {
            // v0-v2 (or a pre-v1 image whose field 40 is a dt_size): page-aligned sections after the header page.
            const page = h.readUInt32LE(36);
            if (page < 2048 || page > 65536 || (page & (page - 1)) !== 0)
                throw new FormatError(fmt, `bad page size ${page}`, 36);
            const kernel = h.readUInt32LE(8);
            const ramdisk = h.readUInt32LE(16);
            const second = h.readUInt32LE(24);
            let off = page;
            add('kernel', off, kernel);
            off += pages(kernel, page);
            add('ramdisk', off, ramdisk, true);
            off += pages(ramdisk, page);
            add('second', off, second);
            off += pages(second, page);
            if (version >= 1) {
                const dtbo = h.readUInt32LE(1632);
                add('recovery_dtbo', off, dtbo);
                off += pages(dtbo, page);
            }
            if (version === 2)
                add('dtb', off, h.readUInt32LE(1648));
            return { format: `boot-v${version}`, headerVersion: version, sections };
        }
        if (version === 3 || version === 4) {
            const page = 4096;
            const kernel = h.readUInt32LE(8);
            const ramdisk = h.readUInt32LE(12);
            let off = page;
            add('kernel', off, kernel);
            off += pages(kernel, page);
            add('ramdisk', off, ramdisk, true);
            return { format: `boot-v${version}`, headerVersion: version, sections };
        }
        throw new FormatError(fmt, `unsupported boot image header version ${version}`, 40);
    }
    if (magic === VENDOR_BOOT_MAGIC) {
        if (src.size < 2128)
            throw new FormatError(fmt, `file is ${src.size} bytes, too small for a vendor_boot header`);
        const version = h.readUInt32LE(8);
        if (version !== 3 && version !== 4)
            throw new FormatError(fmt, `unsupported vendor_boot header version ${version}`, 8);
        const page = h.readUInt32LE(12);
        if (page < 2048 || page > 65536 || (page & (page - 1)) !== 0)
            throw new FormatError(fmt, `bad page size ${page}`, 12);
        const ramdiskSize = h.readUInt32LE(24);
        const headerSize = h.readUInt32LE(2096);
        const dtbSize = h.readUInt32LE(2100);
        if (headerSize < 2108 || headerSize > page * 16)
            throw new FormatError(fmt, `bad vendor_boot header size ${headerSize}`, 2096);
        const ramdiskAt = pages(headerSize, page);
        const dtbAt = ramdiskAt + pages(ramdiskSize, page);
        if (version === 3) {
            add('ramdisk', ramdiskAt, ramdiskSize, true);
            add('dtb', dtbAt, dtbSize);
            return { format: 'vendor_boot-v3', headerVersion: 3, sections };
        }
        const tableSize = h.readUInt32LE(2112);
        const entryNum = h.readUInt32LE(2116);
        const entrySize = h.readUInt32LE(2120);
        const bootconfig = h.readUInt32LE(2124);
        const tableAt = dtbAt + pages(dtbSize, page);
        add('dtb', dtbAt, dtbSize);
        if (entryNum > MAX_VENDOR_RAMDISKS)
            throw new FormatError(fmt, `${entryNum} vendor ramdisks, more than ${MAX_VENDOR_RAMDISKS}`, 2116);
        if (entryNum > 0 && (entrySize < 108 || entrySize * entryNum > tableSize)) {
            throw new FormatError(fmt, `bad vendor ramdisk table (${entryNum} entries of ${entrySize} bytes in ${tableSize})`, 2112);
        }
        assertRange(fmt, 'vendor ramdisk section', ramdiskAt, ramdiskSize, src.size);
        if (entryNum === 0) {
            add('ramdisk', ramdiskAt, ramdiskSize, true);
        }
        else {
            assertRange(fmt, 'vendor ramdisk table', tableAt, entryNum * entrySize, src.size);
            const table = await src.read(tableAt, entryNum * entrySize);
            const used = new Set();
            for (let i = 0; i < entryNum; i++) {
                const e = table.subarray(i * entrySize);
                const size = e.readUInt32LE(0);
                const offset = e.readUInt32LE(4);
                if (offset + size > ramdiskSize)
                    throw new FormatError(fmt, `vendor ramdisk ${i} lies outside the vendor ramdisk section`, tableAt + i * entrySize);
                const raw = e.toString('latin1', 12, 44).replace(/\0.*$/s, '').replace(/[^A-Za-z0-9_.-]/g, '_');
                let name = entryNum === 1 ? 'ramdisk' : `ramdisk.${raw || i}`;
                if (used.has(name))
                    name = `ramdisk.${i}`;
                used.add(name);
                add(name, ramdiskAt + offset, size, true);
            }
        }
        add('bootconfig', tableAt + pages(tableSize, page), bootconfig);
        return { format: 'vendor_boot-v4', headerVersion: 4, sections };
    }
    throw new FormatError(fmt, 'not a boot image (no ANDROID! or VNDRBOOT magic)', 0);
}
/**
 * A ramdisk's decompressed bytes: gzip, LZ4 legacy frame (`lz4 -l`, as the kernel build makes),
 * or stored. At most `maxBytes` are produced, and each is spent from `spend` first.
 */
function decompressRamdisk(data, maxBytes, spend) {
    if (data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b) {
        let out;
        try {
            out = gunzipSync(data, { maxOutputLength: maxBytes });
        }
        catch (e) {
            const code = e.code;
            if (code === 'ERR_BUFFER_TOO_LARGE')
                throw new FormatError('ramdisk', `gzip ramdisk inflates past the ${maxBytes}-byte cap`);
            throw new FormatError('ramdisk', `corrupt gzip ramdisk: ${e.message}`);
        }
        spend(out.length);
        return { bytes: out, compression: 'gzip' };
    }
    if (data.length >= 4 && data.readUInt32LE(0) === LZ4_LEGACY_MAGIC) {
        const parts = [];
        let total = 0;
        let pos = 4;
        while (pos + 4 <= data.length) {
            const n = data.readUInt32LE(pos);
            if (n === LZ4_LEGACY_MAGIC) {
                pos += 4; // a concatenated legacy frame
                continue;
            }
            if (n === 0)
                break; // padding
            pos += 4;
            if (pos + n > data.length)
                throw new FormatError('ramdisk', `LZ4 legacy block of ${n} bytes runs past the end of the ramdisk (truncated)`, pos);
            const cap = Math.min(LZ4_LEGACY_BLOCK, maxBytes - total);
            if (cap <= 0)
                throw new FormatError('ramdisk', `LZ4 ramdisk decompresses past the ${maxBytes}-byte cap`, pos);
            // One byte more than it may give: a block that does not fit is told from one that fills it.
            const block = lz4DecompressBlock(data.subarray(pos, pos + n), cap + 1, 'ramdisk', true);
            if (block.length > cap)
                throw new FormatError('ramdisk', cap < LZ4_LEGACY_BLOCK ? `LZ4 ramdisk decompresses past the ${maxBytes}-byte cap` : `LZ4 legacy block decodes to more than ${LZ4_LEGACY_BLOCK} bytes`, pos);
            spend(block.length);
            parts.push(block);
            total += block.length;
            pos += n;
        }
        return { bytes: Buffer.concat(parts, total), compression: 'lz4-legacy' };
    }
    return { bytes: data, compression: 'none' };
}

/** Mode bits -> kind. */
function kindOfMode(mode) {
    switch (mode & 0xf000) {
        case 0x8000:
            return 'file';
        case 0x4000:
            return 'dir';
        case 0xa000:
            return 'symlink';
        case 0x2000:
            return 'chardev';
        case 0x6000:
            return 'blockdev';
        case 0x1000:
            return 'fifo';
        case 0xc000:
            return 'socket';
        default:
            return 'unknown';
    }
}
/** Directory-walk guard rails shared by the readers. */
const FS_LIMITS = {
    /** Nodes listed per filesystem before the walk stops (a hostile image can claim millions). */
    maxNodes: 2_000_000,
    /** Directory depth. */
    maxDepth: 256,
};
/**
 * Lists every node under `root` (id `rootId`) in sorted order. A directory that cannot be read,
 * an inode that cannot be parsed, a loop or nesting past FS_LIMITS is a problem entry; the rest
 * of the tree is still listed.
 */
async function walkFsTree(root, rootId, ops, displayName, problems, formatErrorReason) {
    const nodes = [];
    const seenDirs = new Set([rootId]);
    const stack = [{ ino: root, path: '', depth: 0 }];
    while (stack.length) {
        const dir = stack.pop();
        let entries;
        try {
            entries = await ops.readDir(dir.ino);
        }
        catch (e) {
            problems.push({ path: dir.path || '.', reason: `cannot read directory: ${formatErrorReason(e)}` });
            continue;
        }
        for (const ent of entries) {
            const path = dir.path ? `${dir.path}/${displayName(ent.name)}` : displayName(ent.name);
            if (nodes.length >= FS_LIMITS.maxNodes) {
                problems.push({ path, reason: `more than ${FS_LIMITS.maxNodes} entries; the rest of the image is not listed` });
                stack.length = 0;
                break;
            }
            let ino;
            try {
                ino = await ops.inode(ent.id);
            }
            catch (e) {
                problems.push({ path, reason: formatErrorReason(e) });
                continue;
            }
            const kind = kindOfMode(ops.mode(ino));
            if (kind === 'dir') {
                if (seenDirs.has(ent.id) || dir.depth + 1 > FS_LIMITS.maxDepth) {
                    problems.push({ path, reason: 'directory loop or nesting too deep; not walked' });
                    continue;
                }
                seenDirs.add(ent.id);
                stack.push({ ino, path, depth: dir.depth + 1 });
                continue;
            }
            const node = { path, kind, size: ops.size(ino), inode: ent.id, open: () => ops.open(ino) };
            if (kind === 'symlink')
                node.target = () => ops.symlinkTarget(ino);
            nodes.push(node);
        }
    }
    return nodes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * cpio "newc" archives (magic 070701, and 070702 with checksums), as Android ramdisks are: a
 * 110-byte ASCII-hex header, the NUL-terminated name padded to 4 bytes, the data padded to 4
 * bytes, ended by `TRAILER!!!`. Archives may be concatenated (with zero padding between them),
 * as a kernel unpacks several; a later entry of the same name replaces an earlier one, as
 * extraction does. Entries are views on the decompressed ramdisk buffer: nothing is copied.
 */
const CPIO_LIMITS = { maxEntries: 100_000, maxNameBytes: 4096 };
function isCpioNewc(b) {
    if (b.length < 6)
        return false;
    const m = Buffer.from(b.subarray(0, 6)).toString('latin1');
    return m === '070701' || m === '070702';
}
function hexField(buf, at, what) {
    const s = buf.toString('latin1', at, at + 8);
    if (!/^[0-9a-fA-F]{8}$/.test(s))
        throw new FormatError('cpio', `bad ${what} field ${JSON.stringify(s)}`, at);
    return parseInt(s, 16);
}
const align4 = (n) => (n + 3) & -4;
/** Parses every entry of one or more concatenated newc archives in `buf`. */
function parseCpio(buf) {
    const byName = new Map();
    let pos = 0;
    let count = 0;
    let archives = 0;
    for (;;) {
        // Zero padding between (and after) concatenated archives.
        while (pos < buf.length && buf[pos] === 0)
            pos++;
        if (pos >= buf.length)
            break;
        if (!isCpioNewc(buf.subarray(pos, pos + 6))) {
            if (archives === 0)
                throw new FormatError('cpio', 'not a cpio newc archive (no 070701/070702 magic)', pos);
            throw new FormatError('cpio', 'bytes after the cpio trailer are not another archive', pos);
        }
        archives++;
        for (;;) {
            if (pos + 110 > buf.length)
                throw new FormatError('cpio', 'header runs past the end of the archive (truncated)', pos);
            if (!isCpioNewc(buf.subarray(pos, pos + 6)))
                throw new FormatError('cpio', 'bad entry magic (corrupt or truncated archive)', pos);
            const mode = hexField(buf, pos + 14, 'mode');
            const fileSize = hexField(buf, pos + 54, 'filesize');
            const nameSize = hexField(buf, pos + 94, 'namesize');
            if (nameSize === 0 || nameSize > CPIO_LIMITS.maxNameBytes)
                throw new FormatError('cpio', `bad name size ${nameSize}`, pos + 94);
            const nameAt = pos + 110;
            if (nameAt + nameSize > buf.length)
                throw new FormatError('cpio', 'entry name runs past the end of the archive (truncated)', nameAt);
            const rawName = buf.toString('utf8', nameAt, nameAt + nameSize - 1);
            const dataAt = align4(nameAt + nameSize);
            if (dataAt + fileSize > buf.length) {
                throw new FormatError('cpio', `data of ${JSON.stringify(rawName)} (${fileSize} bytes) runs past the end of the archive (truncated)`, dataAt);
            }
            pos = align4(dataAt + fileSize);
            if (rawName === 'TRAILER!!!')
                break;
            if (++count > CPIO_LIMITS.maxEntries)
                throw new FormatError('cpio', `more than ${CPIO_LIMITS.maxEntries} entries`, nameAt);
            const name = rawName.replace(/^(\.\/|\/)+/, '');
            if (name === '' || name === '.')
                continue;
            const kind = kindOfMode(mode);
            const data = buf.subarray(dataAt, dataAt + fileSize);
            const e = { name, kind, data };
            if (kind === 'symlink')
                e.target = data.toString('utf8');
            byName.delete(name);
            byName.set(name, e);
        }
    }
    return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * FAT12/16/32 read-only (Microsoft's FAT specification; modem images such as NON-HLOS.bin):
 * the boot sector's BIOS parameter block, the first FAT, cluster chains, the fixed FAT12/16 root
 * directory or the FAT32 root chain, and directory entries with long file names (VFAT LFN,
 * checksummed against the short name; short names honour the NT lower-case bits). Files are
 * random-access sources over their clusters. Chains are bounded: a free, reserved, bad or
 * out-of-range cluster, a chain longer than the volume, or a loop is a FormatError.
 */
/** The largest FAT read into memory (a FAT32 volume of 2^28 clusters would need 1 GiB). */
const FAT_LIMITS = { maxFatBytes: 64 * 1024 * 1024, maxDirBytes: 16 * 1024 * 1024 };
function parseBpb(b) {
    if (b.length < 512 || b[510] !== 0x55 || b[511] !== 0xaa)
        return undefined;
    if (b[0] !== 0xeb && b[0] !== 0xe9)
        return undefined;
    const bytesPerSector = b.readUInt16LE(11);
    const sectorsPerCluster = b[13];
    const reserved = b.readUInt16LE(14);
    const fats = b[16];
    const rootEntries = b.readUInt16LE(17);
    const total16 = b.readUInt16LE(19);
    const media = b[21];
    const fat16 = b.readUInt16LE(22);
    const total32 = b.readUInt32LE(32);
    if (![512, 1024, 2048, 4096].includes(bytesPerSector))
        return undefined;
    if (sectorsPerCluster === 0 || (sectorsPerCluster & (sectorsPerCluster - 1)) !== 0)
        return undefined;
    if (reserved === 0 || fats === 0 || fats > 4 || (media < 0xf8 && media !== 0xf0))
        return undefined;
    const fatSectors = fat16 !== 0 ? fat16 : b.readUInt32LE(36);
    const totalSectors = total16 !== 0 ? total16 : total32;
    if (fatSectors === 0 || totalSectors === 0)
        return undefined;
    return { bytesPerSector, sectorsPerCluster, reserved, fats, rootEntries, totalSectors, fatSectors, rootCluster: b.readUInt32LE(44) };
}
/** A FAT boot sector: jump, 0x55AA, a plausible BPB. */
function isFatBootSector(sector) {
    return parseBpb(sector) !== undefined;
}
async function openFat(src) {
    const fmt = 'fat';
    if (src.size < 512)
        throw new FormatError(fmt, `file is ${src.size} bytes, too small for a FAT boot sector`);
    const boot = await src.read(0, 512);
    const bpb = parseBpb(boot);
    if (!bpb)
        throw new FormatError(fmt, 'bad FAT boot sector', 0);
    const bps = bpb.bytesPerSector;
    const clusterBytes = bps * bpb.sectorsPerCluster;
    const rootDirSectors = Math.ceil((bpb.rootEntries * 32) / bps);
    const fatAt = bpb.reserved * bps;
    const firstDataSector = bpb.reserved + bpb.fats * bpb.fatSectors + rootDirSectors;
    if (firstDataSector >= bpb.totalSectors)
        throw new FormatError(fmt, 'no data region (FAT and root directory fill the volume)', 11);
    const clusters = Math.floor((bpb.totalSectors - firstDataSector) / bpb.sectorsPerCluster);
    const type = clusters < 4085 ? 12 : clusters < 65525 ? 16 : 32;
    if (type === 32 && bpb.rootEntries !== 0)
        throw new FormatError(fmt, 'FAT32 volume with a fixed root directory', 17);
    if (type !== 32 && bpb.rootEntries === 0)
        throw new FormatError(fmt, `FAT${type} volume without a root directory`, 17);
    const dataAt = firstDataSector * bps;
    const fatBytesNeeded = Math.ceil(((clusters + 2) * type) / 8);
    if (fatBytesNeeded > bpb.fatSectors * bps)
        throw new FormatError(fmt, `the FAT (${bpb.fatSectors} sectors) is too small for ${clusters} clusters`, 22);
    if (fatBytesNeeded > FAT_LIMITS.maxFatBytes)
        throw new FormatError(fmt, `the FAT (${fatBytesNeeded} bytes) is larger than the ${FAT_LIMITS.maxFatBytes}-byte cap`, 22);
    if (fatAt + fatBytesNeeded > src.size)
        throw new FormatError(fmt, 'the FAT lies past the end of the image (truncated)', fatAt);
    const fat = await src.read(fatAt, fatBytesNeeded);
    const eoc = type === 12 ? 0xff8 : type === 16 ? 0xfff8 : 0x0ffffff8;
    const next = (c) => {
        if (type === 16)
            return fat.readUInt16LE(c * 2);
        if (type === 32)
            return fat.readUInt32LE(c * 4) & 0x0fffffff;
        const v = fat.readUInt16LE(Math.floor((c * 3) / 2));
        return c & 1 ? v >> 4 : v & 0xfff;
    };
    /** The clusters of a chain: at most `limit` of them (a file needs ceil(size / cluster)). */
    const chain = (first, limit) => {
        const out = [];
        const seen = new Set();
        let c = first;
        while (out.length < limit) {
            if (c < 2 || c >= clusters + 2)
                throw new FormatError(fmt, `cluster chain from ${first} reaches invalid cluster ${c}`, fatAt);
            if (seen.has(c))
                throw new FormatError(fmt, `cluster chain from ${first} loops at cluster ${c}`, fatAt);
            seen.add(c);
            out.push(c);
            const n = next(c);
            if (n >= eoc)
                break;
            c = n;
        }
        return out;
    };
    const clusterAt = (c) => dataAt + (c - 2) * clusterBytes;
    const segmentsOf = (cl, size) => {
        const segs = [];
        let logical = 0;
        for (let i = 0; i < cl.length && logical < size;) {
            let j = i + 1;
            while (j < cl.length && cl[j] === cl[j - 1] + 1)
                j++;
            const len = Math.min((j - i) * clusterBytes, size - logical);
            const at = clusterAt(cl[i]);
            if (at + len > src.size)
                throw new FormatError(fmt, `cluster ${cl[i]} lies past the end of the image (truncated)`, at);
            segs.push(sourceSegment(logical, len, src, at));
            logical += len;
            i = j;
        }
        return segs;
    };
    const openFile = async (n) => {
        if (n.size === 0)
            return new MappedSource(0, [], fmt);
        const need = Math.ceil(n.size / clusterBytes);
        const cl = chain(n.cluster, need);
        if (cl.length < need)
            throw new FormatError(fmt, `cluster chain of a ${n.size}-byte file ends after ${cl.length} of ${need} clusters`, fatAt);
        return new MappedSource(n.size, segmentsOf(cl, n.size), fmt);
    };
    const dirClustersSeen = new Set();
    const readDirBytes = async (n) => {
        if (n.root && type !== 32) {
            const at = (bpb.reserved + bpb.fats * bpb.fatSectors) * bps;
            if (at + bpb.rootEntries * 32 > src.size)
                throw new FormatError(fmt, 'the root directory lies past the end of the image (truncated)', at);
            return src.read(at, bpb.rootEntries * 32);
        }
        if (dirClustersSeen.has(n.cluster))
            throw new FormatError(fmt, `directory at cluster ${n.cluster} is reached twice (a loop)`);
        dirClustersSeen.add(n.cluster);
        const cl = chain(n.cluster, Math.ceil(FAT_LIMITS.maxDirBytes / clusterBytes) + 1);
        if (cl.length * clusterBytes > FAT_LIMITS.maxDirBytes)
            throw new FormatError(fmt, `directory larger than ${FAT_LIMITS.maxDirBytes} bytes`);
        const size = cl.length * clusterBytes;
        const s = new MappedSource(size, segmentsOf(cl, size), fmt);
        return s.read(0, size);
    };
    const nodes = [];
    let label;
    const readDir = async (n) => {
        const buf = await readDirBytes(n);
        const out = [];
        let lfn;
        for (let p = 0; p + 32 <= buf.length; p += 32) {
            const first = buf[p];
            if (first === 0x00)
                break;
            if (first === 0xe5) {
                lfn = undefined;
                continue;
            }
            const attr = buf[p + 11];
            if ((attr & 0x3f) === 0x0f) {
                const seq = first & 0x1f;
                const parts = [buf.subarray(p + 1, p + 11), buf.subarray(p + 14, p + 26), buf.subarray(p + 28, p + 32)].map((b) => Buffer.from(b).toString('utf16le'));
                if (first & 0x40)
                    lfn = { parts: [], checksum: buf[p + 13], expect: seq };
                if (!lfn || seq !== lfn.expect || buf[p + 13] !== lfn.checksum || seq === 0) {
                    lfn = undefined;
                    continue;
                }
                lfn.parts.unshift(parts.join(''));
                lfn.expect = seq - 1;
                continue;
            }
            const short = buf.subarray(p, p + 11);
            let sum = 0;
            for (const c of short)
                sum = (((sum & 1) << 7) + (sum >> 1) + c) & 0xff;
            const longName = lfn && lfn.expect === 0 && lfn.checksum === sum ? lfn.parts.join('').replace(/\0[\s\S]*$/, '') : undefined;
            lfn = undefined;
            if (attr & 0x08) {
                if (n.root && !(attr & 0x10))
                    label = short.toString('latin1').trimEnd();
                continue;
            }
            let base = short.toString('latin1', 0, 8).trimEnd();
            let ext = short.toString('latin1', 8, 11).trimEnd();
            if (base === '.' || base === '..')
                continue;
            if (short[0] === 0x05)
                base = '\u00e5' + base.slice(1);
            const nt = buf[p + 12];
            if (nt & 0x08)
                base = base.toLowerCase();
            if (nt & 0x10)
                ext = ext.toLowerCase();
            const name = longName ?? (ext ? `${base}.${ext}` : base);
            if (name.includes('/') || name === '' || name === '.' || name === '..')
                continue;
            const cluster = (type === 32 ? buf.readUInt16LE(p + 20) << 16 : 0) + buf.readUInt16LE(p + 26);
            const node = { dir: (attr & 0x10) !== 0, size: buf.readUInt32LE(p + 28), cluster };
            if (node.dir && cluster === 0)
                continue; // ".." style pointer to the root: not a subdirectory
            nodes.push(node);
            out.push({ name: Buffer.from(name, 'utf8'), id: nodes.length - 1 });
        }
        return out;
    };
    const root = { dir: true, size: 0, cluster: type === 32 ? bpb.rootCluster : 0, root: true };
    const problems = [];
    if (bpb.totalSectors * bps > src.size) {
        problems.push({ path: '', reason: `image is ${src.size} bytes, the boot sector declares ${bpb.totalSectors * bps} (truncated); files inside the image are still read`, offset: 19 });
    }
    const reason = (e) => (e instanceof FormatError ? e.reason : e.message);
    const listed = await walkFsTree(root, -1, {
        readDir,
        inode: async (id) => nodes[id],
        mode: (n) => (n.dir ? 0x41ed : 0x81a4),
        size: (n) => (n.dir ? 0 : n.size),
        open: openFile,
        symlinkTarget: async () => '',
    }, (raw) => raw.toString('utf8'), problems, reason);
    // The root directory's own read failing leaves nothing to scan: the image is unreadable.
    if (listed.length === 0 && problems.some((p) => p.path === '.')) {
        throw new FormatError(fmt, problems.find((p) => p.path === '.').reason);
    }
    return { format: `fat${type}`, ...(label ? { label } : {}), nodes: listed, problems };
}

/**
 * Partition names from paths, normalised across containers: lower case, slot suffix dropped,
 * system-as-root folded, so the same APK has the same partitionPath in a product-out folder, a
 * target-files zip and (later) an image.
 */
const PARTITIONS = [
    'system', 'vendor', 'product', 'system_ext', 'odm', 'vendor_dlkm', 'odm_dlkm', 'system_dlkm', 'oem', 'apex',
    'recovery', 'root', 'ramdisk', 'vendor_ramdisk', 'data', 'cache', 'cust', 'preload', 'my_product', 'my_region',
    'my_carrier', 'my_heytap', 'my_stock', 'my_bigball', 'my_engineering', 'my_manifest', 'my_company', 'my_preload',
    'mi_ext', 'prism', 'optics', 'hw_product', 'version', 'preas', 'preavs',
];
const PARTITION_SET = new Set(PARTITIONS);
/** `system_a` -> `system`, `VENDOR` -> `vendor`; undefined when not a partition name. */
function partitionName(segment) {
    const lower = segment.toLowerCase().replace(/_(a|b)$/, '');
    return PARTITION_SET.has(lower) ? lower : undefined;
}
/**
 * From a path relative to the input (`/`-separated) and the partition the input itself is
 * (when the input folder is named `system`, say), derive `partition` and `partitionPath`.
 */
function partitionOf(relPath, inputPartition) {
    const segs = relPath.split('/');
    let partition = inputPartition;
    let rest = segs;
    if (!partition) {
        const p = partitionName(segs[0]);
        if (p && segs.length > 1) {
            partition = p;
            rest = segs.slice(1);
        }
    }
    if (!partition)
        return { partition: '', partitionPath: relPath };
    // System-as-root: system/system/app/X.apk is system/app/X.apk.
    if (partition === 'system' && rest[0] === 'system' && rest.length > 1)
        rest = rest.slice(1);
    // Partitions nested under system (system/product/..., system/vendor/...) are that partition.
    if (partition === 'system' && rest.length > 1) {
        const nested = partitionName(rest[0]);
        if (nested && nested !== 'system' && ['product', 'vendor', 'system_ext', 'odm'].includes(nested)) {
            partition = nested;
            rest = rest.slice(1);
        }
    }
    return { partition, partitionPath: [partition, ...rest].join('/') };
}

/**
 * Walks one input (a product-out folder, any folder, or a single file) into a sorted list of
 * regular files with their partition. Symlinks are never followed (their targets inside the
 * input are walked where they are; targets outside are reported as skipped), so loops cannot
 * happen. Special files are skipped and listed. Names are handled as raw bytes, so a name that
 * is not valid UTF-8 is still opened exactly and shown escaped.
 */
// Synchronous calls: a build has tens of thousands of files, and one thread-pool round trip per
// lstat made the walk take ~0.15 ms a file; nothing else runs while the walk does.
/** Decodes a name; bytes that are not valid UTF-8 become `\xNN` (and `\` itself stays `\`). */
function displayName(raw) {
    const s = raw.toString('utf8');
    if (!s.includes('\uFFFD') || Buffer.from(s, 'utf8').equals(raw))
        return s;
    let out = '';
    let i = 0;
    while (i < raw.length) {
        const b = raw[i];
        const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
        if (len > 0 && i + len <= raw.length) {
            const chunk = raw.subarray(i, i + len);
            const dec = chunk.toString('utf8');
            if (!dec.includes('\uFFFD') && Buffer.from(dec, 'utf8').equals(chunk)) {
                out += dec;
                i += len;
                continue;
            }
        }
        out += `\\x${b.toString(16).padStart(2, '0')}`;
        i++;
    }
    return out;
}
Buffer.from('/');

/**
 * Read-only EROFS (`erofs_fs.h`, erofs-utils `lib/data.c`, `lib/zmap.c`): superblock at 1024,
 * compact (32-byte) and extended (64-byte) inodes, data layouts flat (0), flat with an inline
 * tail (2) and chunked (4), and compressed files (1 full indexes, 3 compact indexes) with LZ4 /
 * LZ4HC pclusters, big pclusters, ztailpacking (inline tail pcluster), uncompressed (shifted and
 * interlaced) pclusters and HEAD2 lclusters. Another algorithm (LZMA, DEFLATE, ZSTD) or packed
 * fragments make that one file unreadable with a clear reason. Compressed files are read as a
 * MappedSource whose segments decompress one pcluster on demand (small LRU cache).
 */
const EROFS_MAGIC = 0xe0f5e1e2;
const SB_OFFSET$1 = 1024;
const INCOMPAT_ZERO_PADDING = 0x1;
const INCOMPAT_BIG_PCLUSTER = 0x2;
const INCOMPAT_ZTAILPACKING = 0x10;
const INCOMPAT_FRAGMENTS = 0x20;
const LAYOUT_FLAT_PLAIN = 0;
const LAYOUT_COMPRESSED_FULL = 1;
const LAYOUT_FLAT_INLINE = 2;
const LAYOUT_COMPRESSED_COMPACT = 3;
const LAYOUT_CHUNK_BASED = 4;
const ADVISE_COMPACTED_2B = 0x1;
const ADVISE_BIG_PCLUSTER_1 = 0x2;
const ADVISE_BIG_PCLUSTER_2 = 0x4;
const ADVISE_INLINE_PCLUSTER = 0x8;
const ADVISE_INTERLACED_PCLUSTER = 0x10;
const ADVISE_FRAGMENT_PCLUSTER = 0x20;
const LC_PLAIN = 0;
const LC_NONHEAD = 2;
const LC_HEAD2 = 3;
const D0_CBLKCNT = 1 << 11;
const ALGORITHMS = ['LZ4', 'LZMA', 'DEFLATE', 'ZSTD'];
const MAX_DIR_BYTES$1 = 256 * 1024 * 1024;
const READ_AHEAD = 256 * 1024;
/** mkfs.erofs writes extents of at most a few pclusters; a larger one is a decompression bomb. */
const MAX_EXTENT_BYTES = 64 * 1024 * 1024;
class Erofs {
    src;
    bs = 4096;
    blkbits = 12;
    metaBlkaddr = 0;
    blocks = 0;
    rootNid = 0;
    incompat = 0;
    label = '';
    cache;
    budget;
    /** Read-ahead window over the image: a file's pclusters lie one after another. */
    window;
    /** The buffer the window is read into, reused (see readPcluster). */
    windowBuffer;
    constructor(src, opts) {
        this.src = src;
        this.cache = new UnitCache(opts.cacheBytes ?? 8 * 1024 * 1024);
        this.budget = opts.budget ?? UNLIMITED_BUDGET;
    }
    async init() {
        if (this.src.size < SB_OFFSET$1 + 128)
            throw new FormatError('erofs', `image is ${this.src.size} bytes, too small for a superblock`);
        const sb = await this.src.read(SB_OFFSET$1, 128);
        if (sb.readUInt32LE(0) !== EROFS_MAGIC)
            throw new FormatError('erofs', 'bad superblock magic', SB_OFFSET$1);
        this.blkbits = sb[12];
        if (this.blkbits < 9 || this.blkbits > 16)
            throw new FormatError('erofs', `bad block size 2^${this.blkbits}`, SB_OFFSET$1 + 12);
        this.bs = 1 << this.blkbits;
        this.rootNid = sb.readUInt16LE(14);
        this.metaBlkaddr = sb.readUInt32LE(40);
        this.blocks = sb.readUInt32LE(36);
        this.incompat = sb.readUInt32LE(80);
        this.label = sb.toString('latin1', 64, 80).replace(/\0.*$/s, '');
        const extraDevices = sb.readUInt16LE(86);
        if (extraDevices > 0)
            throw new FormatError('erofs', `image spans ${extraDevices + 1} devices; only single-device images can be read`, SB_OFFSET$1 + 86);
        if (this.metaBlkaddr * this.bs >= this.src.size)
            throw new FormatError('erofs', 'metadata area lies past the end of the image (truncated)', SB_OFFSET$1 + 40);
    }
    async inode(nid) {
        const iloc = this.metaBlkaddr * this.bs + nid * 32;
        if (!Number.isSafeInteger(iloc) || iloc + 32 > this.src.size)
            throw new FormatError('erofs', `inode ${nid} lies past the end of the image (truncated)`, iloc);
        const head = await this.src.read(iloc, Math.min(64, this.src.size - iloc));
        const format = head.readUInt16LE(0);
        const extended = (format & 1) === 1;
        const layout = (format >> 1) & 7;
        if (extended && head.length < 64)
            throw new FormatError('erofs', `inode ${nid} lies past the end of the image (truncated)`, iloc);
        const icount = head.readUInt16LE(2);
        const xattrSize = icount === 0 ? 0 : 12 + 4 * (icount - 1);
        const isize = extended ? 64 : 32;
        const size = extended ? Number(head.readBigUInt64LE(8)) : head.readUInt32LE(8);
        if (!Number.isSafeInteger(size))
            throw new FormatError('erofs', `inode ${nid}: size beyond 2^53`, iloc);
        return { nid, layout, mode: head.readUInt16LE(4), size, iu: head.readUInt32LE(16), iloc, dataStart: iloc + isize + xattrSize };
    }
    checkRange(ino, pos, len) {
        if (!Number.isSafeInteger(pos) || pos < 0 || pos + len > this.src.size) {
            throw new FormatError('erofs', `inode ${ino.nid}: data (${len} bytes at ${pos}) lies past the end of the image (truncated or corrupt)`, pos);
        }
    }
    async open(ino) {
        if (ino.size === 0)
            return new BufferSource(Buffer.alloc(0));
        switch (ino.layout) {
            case LAYOUT_FLAT_PLAIN:
            case LAYOUT_FLAT_INLINE: {
                const nblocks = Math.ceil(ino.size / this.bs);
                const lastblk = ino.layout === LAYOUT_FLAT_INLINE ? nblocks - 1 : nblocks;
                const segs = [];
                const full = Math.min(lastblk * this.bs, ino.size);
                if (full > 0) {
                    this.checkRange(ino, ino.iu * this.bs, full);
                    segs.push(sourceSegment(0, full, this.src, ino.iu * this.bs));
                }
                if (ino.layout === LAYOUT_FLAT_INLINE) {
                    const tail = ino.size - lastblk * this.bs;
                    if ((ino.dataStart % this.bs) + tail > this.bs)
                        throw new FormatError('erofs', `inode ${ino.nid}: inline tail crosses a block boundary`, ino.dataStart);
                    this.checkRange(ino, ino.dataStart, tail);
                    segs.push(sourceSegment(lastblk * this.bs, tail, this.src, ino.dataStart));
                }
                return new MappedSource(ino.size, segs, 'erofs');
            }
            case LAYOUT_CHUNK_BASED:
                return this.openChunked(ino);
            case LAYOUT_COMPRESSED_FULL:
            case LAYOUT_COMPRESSED_COMPACT:
                return this.openCompressed(ino);
            default:
                throw new FormatError('erofs', `inode ${ino.nid}: unknown data layout ${ino.layout}`, ino.iloc);
        }
    }
    async openChunked(ino) {
        const format = ino.iu & 0xffff;
        const indexes = (format & 0x20) !== 0;
        const chunkbits = this.blkbits + (format & 0x1f);
        if (chunkbits > 40)
            throw new FormatError('erofs', `inode ${ino.nid}: bad chunk size 2^${chunkbits}`, ino.iloc);
        const chunk = 2 ** chunkbits;
        const n = Math.ceil(ino.size / chunk);
        const unit = indexes ? 8 : 4;
        const pos = Math.ceil(ino.dataStart / unit) * unit;
        this.checkRange(ino, pos, n * unit);
        const table = await this.src.read(pos, n * unit);
        const segs = [];
        for (let i = 0; i < n; i++) {
            const blk = indexes ? table.readUInt32LE(i * 8 + 4) : table.readUInt32LE(i * 4);
            if (blk === 0xffffffff)
                continue; // a hole
            if (indexes && table.readUInt16LE(i * 8 + 2) !== 0)
                throw new FormatError('erofs', `inode ${ino.nid}: chunk ${i} lives on another device`, pos + i * 8);
            const start = i * chunk;
            const len = Math.min(chunk, ino.size - start);
            this.checkRange(ino, blk * this.bs, len);
            segs.push(sourceSegment(start, len, this.src, blk * this.bs));
        }
        return new MappedSource(ino.size, segs, 'erofs');
    }
    /** Builds the extent list of a compressed file from its lcluster indexes. */
    async zExtents(ino) {
        const bs = this.bs;
        const hpos = Math.ceil(ino.dataStart / 8) * 8;
        let advise = 0;
        let algs = [0, 0];
        let lbits = this.blkbits;
        let idataSize = 0;
        const legacyDefaults = ino.layout === LAYOUT_COMPRESSED_FULL && !(this.incompat & (INCOMPAT_BIG_PCLUSTER | INCOMPAT_ZTAILPACKING | INCOMPAT_FRAGMENTS));
        if (!legacyDefaults) {
            this.checkRange(ino, hpos, 8);
            const h = await this.src.read(hpos, 8);
            if (h[7] & 0x80)
                throw new FormatError('erofs', `inode ${ino.nid}: data is stored in the packed inode (fragments), which is not supported`, hpos);
            idataSize = h.readUInt16LE(2);
            advise = h.readUInt16LE(4);
            algs = [h[6] & 15, h[6] >> 4];
            lbits = this.blkbits + (h[7] & 7);
            if (advise & ADVISE_FRAGMENT_PCLUSTER)
                throw new FormatError('erofs', `inode ${ino.nid}: the tail is stored in the packed inode (fragments), which is not supported`, hpos);
            if (ino.layout === LAYOUT_COMPRESSED_COMPACT && !(advise & ADVISE_BIG_PCLUSTER_1) !== !(advise & ADVISE_BIG_PCLUSTER_2)) {
                throw new FormatError('erofs', `inode ${ino.nid}: inconsistent big pcluster flags`, hpos);
            }
        }
        const lsz = 2 ** lbits;
        const total = Math.ceil(ino.size / lsz);
        const big = (advise & ADVISE_BIG_PCLUSTER_1) !== 0;
        let load;
        if (ino.layout === LAYOUT_COMPRESSED_FULL) {
            const base = hpos + 16;
            this.checkRange(ino, base, total * 8);
            const idx = await this.src.read(base, total * 8);
            load = (lcn) => {
                const p = lcn * 8;
                const adv = idx.readUInt16LE(p);
                const type = adv & 3;
                if (type === LC_NONHEAD) {
                    let d0 = idx.readUInt16LE(p + 4);
                    let cblks = 0;
                    if (d0 & D0_CBLKCNT) {
                        if (!big)
                            throw new FormatError('erofs', `inode ${ino.nid}: block count on a file without big pclusters`, base + p);
                        cblks = d0 & ~D0_CBLKCNT;
                        d0 = 1;
                    }
                    return { type, clusterofs: lsz, delta0: d0, pblk: 0, cblks, next: base + p + 8 };
                }
                return { type, clusterofs: idx.readUInt16LE(p + 2), delta0: 0, pblk: idx.readUInt32LE(p + 4), cblks: 0, next: base + p + 8 };
            };
        }
        else {
            if (lbits !== 12)
                throw new FormatError('erofs', `inode ${ino.nid}: compact indexes need 4 KiB lclusters`, hpos);
            const ebase = hpos + 8;
            let initial4b = (32 - (ebase % 32)) / 4;
            if (initial4b === 8)
                initial4b = 0;
            const compacted2b = advise & ADVISE_COMPACTED_2B && initial4b < total ? Math.floor((total - initial4b) / 16) * 16 : 0;
            const rest = Math.max(0, total - initial4b - compacted2b);
            const bytes = Math.min(total, initial4b) * 4 + compacted2b * 2 + rest * 4;
            const start = ebase - (ebase % 32);
            const len = Math.min(this.src.size - start, Math.ceil((ebase + bytes - start) / 32) * 32 + 32);
            this.checkRange(ino, ebase, bytes);
            const buf = Buffer.concat([await this.src.read(start, len), Buffer.alloc(8)]);
            const le32 = (abs) => buf.readUInt32LE(abs - start);
            load = (lcn) => {
                let pos = ebase;
                let shift;
                let l = lcn;
                if (l < initial4b)
                    shift = 2;
                else {
                    pos += initial4b * 4;
                    l -= initial4b;
                    if (l < compacted2b)
                        shift = 1;
                    else {
                        pos += compacted2b * 2;
                        l -= compacted2b;
                        shift = 2;
                    }
                }
                pos += l << shift;
                const vcnt = shift === 2 ? 2 : 16;
                const pack = vcnt << shift;
                const packBase = pos - (pos % pack);
                const encodebits = ((pack - 4) * 8) / vcnt;
                const lomask = (1 << lbits) - 1;
                const decode = (i) => {
                    const bit = encodebits * i;
                    const v = le32(packBase + (bit >> 3)) >>> (bit & 7);
                    return [v & lomask, (v >>> lbits) & 3];
                };
                let i = (pos - packBase) >> shift;
                const next = packBase + pack;
                let [lo, type] = decode(i);
                if (type === LC_NONHEAD) {
                    if (lo & D0_CBLKCNT) {
                        if (!big)
                            throw new FormatError('erofs', `inode ${ino.nid}: block count on a file without big pclusters`, pos);
                        return { type, clusterofs: lsz, delta0: 1, pblk: 0, cblks: lo & ~D0_CBLKCNT, next };
                    }
                    if (i + 1 !== vcnt)
                        return { type, clusterofs: lsz, delta0: lo, pblk: 0, cblks: 0, next };
                    const [prevLo, prevType] = decode(i - 1);
                    const plo = prevType !== LC_NONHEAD ? 0 : prevLo & D0_CBLKCNT ? 1 : prevLo;
                    return { type, clusterofs: lsz, delta0: plo + 1, pblk: 0, cblks: 0, next };
                }
                const clusterofs = lo;
                const headType = type;
                let nblk;
                if (!big) {
                    nblk = 1;
                    while (i > 0) {
                        --i;
                        [lo, type] = decode(i);
                        if (type === LC_NONHEAD)
                            i -= lo;
                        if (i >= 0)
                            ++nblk;
                    }
                }
                else {
                    nblk = 0;
                    while (i > 0) {
                        --i;
                        [lo, type] = decode(i);
                        if (type === LC_NONHEAD) {
                            if (lo & D0_CBLKCNT) {
                                --i;
                                nblk += lo & ~D0_CBLKCNT;
                                continue;
                            }
                            // Past the --i above, a delta of 1 would leave i where it was and one of 0 move it on:
                            // either would loop forever. The kernel calls both corrupt (unpack_compacted_index).
                            if (lo <= 1)
                                throw new FormatError('erofs', `inode ${ino.nid}: corrupt compact index (delta ${lo} in a big pcluster)`, pos);
                            i -= lo - 2;
                            continue;
                        }
                        ++nblk;
                    }
                }
                return { type: headType, clusterofs, delta0: 0, pblk: le32(packBase + pack - 4) + nblk, cblks: 0, next };
            };
        }
        // Heads start extents; an extent ends where the next head starts (or at the end of file).
        const heads = [];
        let lastNext = 0;
        for (let lcn = 0; lcn < total; lcn++) {
            const lc = load(lcn);
            if (lcn === total - 1)
                lastNext = lc.next;
            if (lc.type !== LC_NONHEAD)
                heads.push({ lcn, lc });
        }
        if (heads.length === 0 || heads[0].lcn !== 0 || heads[0].lc.clusterofs !== 0) {
            throw new FormatError('erofs', `inode ${ino.nid}: the first logical cluster is not the head of an extent`, hpos);
        }
        // A head may sit exactly at the end of the file (an empty extent): the tail extent is the
        // last non-empty one, the one holding the file's last byte.
        const spans = [];
        for (let h = 0; h < heads.length; h++) {
            const { lcn, lc } = heads[h];
            const la = lcn * lsz + lc.clusterofs;
            const end = Math.min(ino.size, h + 1 < heads.length ? heads[h + 1].lcn * lsz + heads[h + 1].lc.clusterofs : ino.size);
            if (end < la || (end === la && la < ino.size))
                throw new FormatError('erofs', `inode ${ino.nid}: extents out of order at lcluster ${lcn}`, hpos);
            if (end > la)
                spans.push({ lcn, lc, la, end });
        }
        const extents = [];
        for (const [h, { lcn, lc, la, end }] of spans.entries()) {
            const isTail = h === spans.length - 1;
            let pa;
            let plen;
            if (isTail && advise & ADVISE_INLINE_PCLUSTER) {
                pa = lastNext;
                plen = idataSize;
                if (plen === 0 || (pa % bs) + plen > bs)
                    throw new FormatError('erofs', `inode ${ino.nid}: bad tail-packing pcluster size ${plen}`, pa);
            }
            else {
                pa = lc.pblk * bs;
                if (lc.type === LC_PLAIN || !big)
                    plen = lsz;
                else {
                    let cblks = lsz / bs;
                    if (lcn + 1 < total) {
                        const n = load(lcn + 1);
                        if (n.type === LC_NONHEAD) {
                            if (n.delta0 !== 1 || !n.cblks)
                                throw new FormatError('erofs', `inode ${ino.nid}: missing compressed block count at lcluster ${lcn + 1}`, hpos);
                            cblks = n.cblks;
                        }
                    }
                    plen = cblks * bs;
                }
            }
            let alg;
            if (lc.type === LC_PLAIN)
                alg = advise & ADVISE_INTERLACED_PCLUSTER ? 'interlaced' : 'plain';
            else
                alg = lc.type === LC_HEAD2 ? algs[1] : algs[0];
            this.checkRange(ino, pa, plen);
            if (end - la > MAX_EXTENT_BYTES && alg !== 'plain') {
                throw new FormatError('erofs', `inode ${ino.nid}: a compressed extent of ${end - la} bytes is past the ${MAX_EXTENT_BYTES}-byte cap`, pa);
            }
            extents.push({ la, llen: end - la, pa, plen, alg });
        }
        return extents;
    }
    /**
     * The `plen` bytes at `pa`, through a read-ahead window of 256 KiB: one read per window instead
     * of one per 4 KiB pcluster. The window's buffer is refilled in place when the image's source
     * can read into it (one buffer per image, not one per window for the garbage collector), so
     * what this returns is valid only until the next read: callers decode it at once, reads of one
     * image are never concurrent (the scan awaits each in turn), and nothing kept (the extent
     * cache) points into it.
     */
    async readPcluster(pa, plen) {
        const held = this.inWindow(pa, plen);
        if (held)
            return held;
        const len = Math.min(Math.max(plen, READ_AHEAD), this.src.size - pa);
        if (len < plen)
            return this.src.read(pa, plen); // past the end: the source reports it
        let data;
        if (this.src.readInto) {
            if (!this.windowBuffer || this.windowBuffer.length < len)
                this.windowBuffer = Buffer.allocUnsafe(len);
            this.window = undefined; // being refilled
            data = await this.src.readInto(pa, len, this.windowBuffer);
        }
        else {
            data = await this.src.read(pa, len);
        }
        this.window = { start: pa, data };
        return data.subarray(0, plen);
    }
    /** The bytes at [pa, pa + plen) when the read-ahead window holds them (no read, no await). */
    inWindow(pa, plen) {
        const w = this.window;
        return w && pa >= w.start && pa + plen <= w.start + w.data.length ? w.data.subarray(pa - w.start, pa - w.start + plen) : undefined;
    }
    /**
     * A whole LZ4 or plain extent whose pcluster the window holds, decoded straight into `dest`
     * (no buffer of its own, no cache entry: whole extents are read once, in order). False when
     * it cannot be done that way; the caller then goes through `decompress`.
     */
    decompressInto(ino, ext, dest, at) {
        if (ext.alg !== 0 && ext.alg !== 'plain')
            return false;
        const data = this.inWindow(ext.pa, ext.plen);
        if (!data)
            return false;
        this.decode(ino, ext, data, { dest, at });
        return true;
    }
    async decompress(ino, ext) {
        const data = await this.readPcluster(ext.pa, ext.plen);
        if (ext.alg === 'interlaced') {
            if (ext.llen > this.bs || ext.plen > this.bs)
                throw new FormatError('erofs', `inode ${ino.nid}: interlaced pcluster larger than a block`, ext.pa);
            const skip = ext.la % this.bs;
            const right = Math.min(this.bs - skip, ext.llen);
            return Buffer.concat([data.subarray(skip, skip + right), data.subarray(0, ext.llen - right)]);
        }
        return this.decode(ino, ext, data);
    }
    /**
     * A plain or LZ4 extent from its pcluster's bytes: written into `into` when given, else a new
     * buffer (never a view of `data`, which the window's next refill overwrites).
     */
    decode(ino, ext, data, into) {
        if (ext.alg === 'plain') {
            if (ext.llen > ext.plen)
                throw new FormatError('erofs', `inode ${ino.nid}: uncompressed pcluster shorter than its extent`, ext.pa);
            if (!into)
                return Buffer.from(data.subarray(0, ext.llen));
            data.copy(into.dest, into.at, 0, ext.llen);
            return undefined;
        }
        if (ext.alg !== 0) {
            throw new FormatError('erofs', `inode ${ino.nid}: unsupported compression ${ALGORITHMS[ext.alg] ?? `#${String(ext.alg)}`} (only LZ4/LZ4HC can be read)`, ext.pa);
        }
        let margin = 0;
        if (this.incompat & INCOMPAT_ZERO_PADDING) {
            const limit = Math.min(data.length, 4096);
            while (margin < limit && data[margin] === 0)
                margin++;
            if (margin >= data.length)
                throw new FormatError('erofs', `inode ${ino.nid}: empty compressed pcluster`, ext.pa);
        }
        this.budget.spend(ext.llen);
        try {
            if (!into)
                return lz4DecompressBlock(data.subarray(margin), ext.llen, 'erofs');
            lz4DecompressBlockInto(data.subarray(margin), ext.llen, into.dest, into.at, 'erofs');
            return undefined;
        }
        catch (e) {
            if (e instanceof FormatError)
                throw new FormatError('erofs', `inode ${ino.nid}: corrupt LZ4 pcluster: ${e.reason}`, ext.pa);
            throw e;
        }
    }
    async openCompressed(ino) {
        const extents = await this.zExtents(ino);
        // Refuse unsupported algorithms when the file is opened, not at its first read.
        const bad = extents.find((e) => typeof e.alg === 'number' && e.alg !== 0);
        if (bad)
            await this.decompress(ino, bad);
        const segs = extents.map((ext, i) => ({
            start: ext.la,
            length: ext.llen,
            read: async (o, n) => (await this.cachedExtent(ino, ext, i)).subarray(o, o + n),
            readInto: (o, n, dest, at) => {
                if (o === 0 && n === ext.llen && this.decompressInto(ino, ext, dest, at))
                    return;
                return this.cachedExtent(ino, ext, i).then((buf) => {
                    buf.copy(dest, at, o, o + n);
                });
            },
        }));
        return new MappedSource(ino.size, segs, 'erofs');
    }
    /** Extent `i` of an inode decoded, through the small cache (partial reads come back to it). */
    async cachedExtent(ino, ext, i) {
        const key = `${ino.nid}:${i}`;
        let buf = this.cache.get(key);
        if (!buf) {
            buf = await this.decompress(ino, ext);
            this.cache.set(key, buf);
        }
        return buf;
    }
    async readDir(ino) {
        if (ino.size > MAX_DIR_BYTES$1)
            throw new FormatError('erofs', `directory inode ${ino.nid} is ${ino.size} bytes, past the cap`);
        const src = await this.open(ino);
        const buf = await src.read(0, src.size);
        const out = [];
        for (let base = 0; base < buf.length; base += this.bs) {
            const end = Math.min(buf.length, base + this.bs);
            if (end - base < 12)
                throw new FormatError('erofs', `directory inode ${ino.nid}: block ${base / this.bs} too short`, base);
            const first = buf.readUInt16LE(base + 8);
            const count = Math.floor(first / 12);
            if (first < 12 || first % 12 !== 0 || first > end - base)
                throw new FormatError('erofs', `directory inode ${ino.nid}: bad first name offset ${first}`, base);
            for (let i = 0; i < count; i++) {
                const d = base + i * 12;
                const nid = Number(buf.readBigUInt64LE(d));
                const nameoff = buf.readUInt16LE(d + 8);
                const nameEnd = i + 1 < count ? buf.readUInt16LE(d + 20) : end - base;
                if (nameoff < first || nameEnd > end - base || nameEnd < nameoff)
                    throw new FormatError('erofs', `directory inode ${ino.nid}: bad name offsets in entry ${i}`, d);
                let name = buf.subarray(base + nameoff, base + nameEnd);
                if (i + 1 === count) {
                    const z = name.indexOf(0);
                    if (z >= 0)
                        name = name.subarray(0, z);
                }
                if (name.length === 0)
                    throw new FormatError('erofs', `directory inode ${ino.nid}: empty name in entry ${i}`, d);
                if ((name.length === 1 && name[0] === 0x2e) || (name.length === 2 && name[0] === 0x2e && name[1] === 0x2e))
                    continue;
                if (!Number.isSafeInteger(nid))
                    throw new FormatError('erofs', `directory inode ${ino.nid}: bad node number`, d);
                out.push({ name: Buffer.from(name), nid });
            }
        }
        return out;
    }
    async symlinkTarget(ino) {
        if (ino.size > 4096)
            throw new FormatError('erofs', `symlink inode ${ino.nid} is ${ino.size} bytes long`);
        const src = await this.open(ino);
        return displayName(await src.read(0, src.size));
    }
}
/** Lists every node of an EROFS image; throws FormatError when the image itself is unreadable. */
async function openErofs(src, opts = {}) {
    const fs = new Erofs(src, opts);
    await fs.init();
    const root = await fs.inode(fs.rootNid);
    if (kindOfMode(root.mode) !== 'dir')
        throw new FormatError('erofs', 'the root inode is not a directory');
    const nodes = [];
    const problems = [];
    if (fs.blocks * fs.bs > src.size) {
        problems.push({ path: '', reason: `image is truncated: ${src.size} bytes, the superblock says ${fs.blocks * fs.bs}` });
    }
    nodes.push(...(await walkFsTree(root, fs.rootNid, {
        readDir: async (d) => (await fs.readDir(d)).map((e) => ({ name: e.name, id: e.nid })),
        inode: (id) => fs.inode(id),
        mode: (i) => i.mode,
        size: (i) => i.size,
        open: (i) => fs.open(i),
        symlinkTarget: (i) => fs.symlinkTarget(i),
    }, displayName, problems, (e) => (e instanceof FormatError ? e.reason : e.message))));
    return { format: 'erofs', label: fs.label || undefined, nodes, problems };
}

/**
 * Read-only ext2/3/4 (`Documentation/filesystems/ext4/`): superblock at 1024, 32- and 64-bit
 * group descriptors (meta_bg too), inodes, extent trees of any depth, classic block maps
 * (direct/indirect), inline data (`system.data`), linear and htree directories (an htree
 * directory is read linearly: its index blocks look like empty entries), fast and slow symlinks
 * (read, never followed). A file is opened as a MappedSource over its extents: an APK inside an
 * image is read by random access, never copied whole. Every offset is bounds-checked; a corrupt
 * directory or file is reported and the walk goes on.
 */
const EXT4_MAGIC = 0xef53;
const SB_OFFSET = 1024;
const ROOT_INO = 2;
const INCOMPAT_FILETYPE = 0x2;
const INCOMPAT_JOURNAL_DEV = 0x8;
const INCOMPAT_META_BG = 0x10;
const INCOMPAT_64BIT = 0x80;
const RO_COMPAT_SPARSE_SUPER = 0x1;
const RO_COMPAT_HUGE_FILE = 0x8;
const FL_ENCRYPT = 0x800;
const FL_HUGE_FILE = 0x40000;
const FL_EXTENTS = 0x80000;
const FL_INLINE_DATA = 0x10000000;
const MAX_DIR_BYTES = 256 * 1024 * 1024;
class Ext4 {
    src;
    bs = 0;
    inodeSize = 0;
    inodesPerGroup = 0;
    inodesCount = 0;
    blocksCount = 0;
    groupCount = 0;
    descSize = 32;
    label = '';
    gdt = Buffer.alloc(0);
    incompat = 0;
    roCompat = 0;
    constructor(src) {
        this.src = src;
    }
    async init() {
        const src = this.src;
        if (src.size < SB_OFFSET + 1024)
            throw new FormatError('ext4', `image is ${src.size} bytes, too small for a superblock`);
        const sb = await src.read(SB_OFFSET, 1024);
        if (sb.readUInt16LE(0x38) !== EXT4_MAGIC)
            throw new FormatError('ext4', 'bad superblock magic', SB_OFFSET + 0x38);
        this.inodesCount = sb.readUInt32LE(0x0);
        const logBs = sb.readUInt32LE(0x18);
        if (logBs > 6)
            throw new FormatError('ext4', `bad block size 2^(10+${logBs})`, SB_OFFSET + 0x18);
        this.bs = 1024 << logBs;
        const firstDataBlock = sb.readUInt32LE(0x14);
        const blocksPerGroup = sb.readUInt32LE(0x20);
        this.inodesPerGroup = sb.readUInt32LE(0x28);
        const rev = sb.readUInt32LE(0x4c);
        this.inodeSize = rev === 0 ? 128 : sb.readUInt16LE(0x58);
        this.incompat = sb.readUInt32LE(0x60);
        this.roCompat = sb.readUInt32LE(0x64);
        this.label = sb.toString('latin1', 0x78, 0x88).replace(/\0.*$/s, '');
        if (this.incompat & INCOMPAT_JOURNAL_DEV)
            throw new FormatError('ext4', 'an external journal device, not a filesystem', SB_OFFSET + 0x60);
        const is64 = (this.incompat & INCOMPAT_64BIT) !== 0;
        this.descSize = is64 ? sb.readUInt16LE(0xfe) : 32;
        if (is64 && (this.descSize < 64 || this.descSize > 1024 || this.descSize & (this.descSize - 1))) {
            throw new FormatError('ext4', `bad group descriptor size ${this.descSize}`, SB_OFFSET + 0xfe);
        }
        this.blocksCount = sb.readUInt32LE(0x4) + (is64 ? sb.readUInt32LE(0x150) * 2 ** 32 : 0);
        if (blocksPerGroup === 0 || this.inodesPerGroup === 0)
            throw new FormatError('ext4', 'zero blocks or inodes per group', SB_OFFSET + 0x20);
        if (this.inodeSize < 128 || this.inodeSize > this.bs || this.inodeSize & (this.inodeSize - 1)) {
            throw new FormatError('ext4', `bad inode size ${this.inodeSize}`, SB_OFFSET + 0x58);
        }
        if (this.blocksCount <= firstDataBlock)
            throw new FormatError('ext4', `bad block count ${this.blocksCount}`, SB_OFFSET + 0x4);
        this.groupCount = Math.ceil((this.blocksCount - firstDataBlock) / blocksPerGroup);
        if (this.groupCount * this.inodesPerGroup < this.inodesCount) {
            throw new FormatError('ext4', `${this.inodesCount} inodes do not fit ${this.groupCount} groups of ${this.inodesPerGroup}`, SB_OFFSET);
        }
        // Group descriptor table.
        const descPerBlock = this.bs / this.descSize;
        const gdtBlocks = Math.ceil(this.groupCount / descPerBlock);
        const metaBg = (this.incompat & INCOMPAT_META_BG) !== 0;
        const firstMetaBg = sb.readUInt32LE(0x104);
        const sparseSuper = (this.roCompat & RO_COMPAT_SPARSE_SUPER) !== 0;
        const hasSuper = (g) => {
            if (!sparseSuper || g <= 1)
                return true;
            for (const p of [3, 5, 7]) {
                let x = p;
                while (x < g)
                    x *= p;
                if (x === g)
                    return true;
            }
            return false;
        };
        const parts = [];
        if (!metaBg) {
            const at = (firstDataBlock + 1) * this.bs;
            const len = Math.ceil((this.groupCount * this.descSize) / this.bs) * this.bs;
            if (at + len > src.size)
                throw new FormatError('ext4', 'group descriptor table lies past the end of the image (truncated)', at);
            parts.push(await src.read(at, len));
        }
        else {
            for (let b = 0; b < gdtBlocks; b++) {
                let blk;
                if (b < firstMetaBg)
                    blk = firstDataBlock + 1 + b;
                else {
                    const g = b * descPerBlock;
                    blk = firstDataBlock + g * blocksPerGroup + (hasSuper(g) ? 1 : 0);
                }
                if ((blk + 1) * this.bs > src.size)
                    throw new FormatError('ext4', 'group descriptor block lies past the end of the image (truncated)', blk * this.bs);
                parts.push(await src.read(blk * this.bs, this.bs));
            }
        }
        this.gdt = Buffer.concat(parts);
    }
    inodeTable(group) {
        const d = group * this.descSize;
        if (d + this.descSize > this.gdt.length)
            throw new FormatError('ext4', `group ${group} has no descriptor`);
        let blk = this.gdt.readUInt32LE(d + 0x8);
        if (this.descSize >= 64)
            blk += this.gdt.readUInt32LE(d + 0x28) * 2 ** 32;
        return blk;
    }
    async inode(ino) {
        if (ino < 1 || ino > this.inodesCount)
            throw new FormatError('ext4', `inode number ${ino} out of range`);
        const group = Math.floor((ino - 1) / this.inodesPerGroup);
        const index = (ino - 1) % this.inodesPerGroup;
        const table = this.inodeTable(group);
        const at = table * this.bs + index * this.inodeSize;
        if (table >= this.blocksCount || at + this.inodeSize > this.src.size) {
            throw new FormatError('ext4', `inode ${ino} lies past the end of the image (truncated)`, at);
        }
        const raw = await this.src.read(at, this.inodeSize);
        const flags = raw.readUInt32LE(0x20);
        let blocks512 = raw.readUInt32LE(0x1c) + raw.readUInt16LE(0x74) * 2 ** 32;
        if (this.roCompat & RO_COMPAT_HUGE_FILE && flags & FL_HUGE_FILE)
            blocks512 *= this.bs / 512;
        return {
            ino,
            mode: raw.readUInt16LE(0x0),
            size: raw.readUInt32LE(0x4) + raw.readUInt32LE(0x6c) * 2 ** 32,
            flags,
            blocks512,
            fileAcl: raw.readUInt32LE(0x68) + raw.readUInt16LE(0x76) * 2 ** 32,
            iblock: raw.subarray(0x28, 0x28 + 60),
            raw,
        };
    }
    /** The value of the in-inode `system.data` xattr (inline data past the first 60 bytes). */
    inlineXattr(ino) {
        if (this.inodeSize <= 128)
            return Buffer.alloc(0);
        const extra = ino.raw.readUInt16LE(0x80);
        const start = 128 + extra;
        if (start + 4 > ino.raw.length || ino.raw.readUInt32LE(start) !== 0xea020000)
            return Buffer.alloc(0);
        const base = start + 4;
        let p = base;
        while (p + 16 <= ino.raw.length && ino.raw.readUInt32LE(p) !== 0) {
            const nameLen = ino.raw[p];
            const nameIndex = ino.raw[p + 1];
            const valueOffs = ino.raw.readUInt16LE(p + 2);
            const valueInum = ino.raw.readUInt32LE(p + 4);
            const valueSize = ino.raw.readUInt32LE(p + 8);
            if (p + 16 + nameLen > ino.raw.length)
                break;
            const name = ino.raw.toString('latin1', p + 16, p + 16 + nameLen);
            if (nameIndex === 7 && name === 'data' && valueInum === 0) {
                if (base + valueOffs + valueSize > ino.raw.length)
                    throw new FormatError('ext4', `inline data of inode ${ino.ino} overflows the inode`);
                return ino.raw.subarray(base + valueOffs, base + valueOffs + valueSize);
            }
            p += (16 + nameLen + 3) & -4;
        }
        return Buffer.alloc(0);
    }
    checkRun(ino, pblk, count) {
        if (pblk + count > this.blocksCount || (pblk + count) * this.bs > this.src.size) {
            throw new FormatError('ext4', `inode ${ino.ino}: blocks ${pblk}..${pblk + count - 1} lie past the end of the image (truncated or corrupt)`, pblk * this.bs);
        }
    }
    /** Leaf extents as [logical block, physical block, count] (uninitialised extents read as zeros and are left out). */
    async extents(ino) {
        const out = [];
        let visited = 0;
        const walk = async (node, depthExpected, where) => {
            if (node.length < 12 || node.readUInt16LE(0) !== 0xf30a)
                throw new FormatError('ext4', `inode ${ino.ino}: bad extent header`, where);
            const entries = node.readUInt16LE(2);
            const depth = node.readUInt16LE(6);
            if (depth > 5 || (depthExpected !== undefined && depth !== depthExpected))
                throw new FormatError('ext4', `inode ${ino.ino}: bad extent tree depth ${depth}`, where);
            if (12 + entries * 12 > node.length)
                throw new FormatError('ext4', `inode ${ino.ino}: ${entries} extents overflow their node`, where);
            if (++visited > 1_000_000)
                throw new FormatError('ext4', `inode ${ino.ino}: extent tree too large`, where);
            for (let i = 0; i < entries; i++) {
                const e = 12 + i * 12;
                if (depth === 0) {
                    const lblk = node.readUInt32LE(e);
                    let len = node.readUInt16LE(e + 4);
                    const uninit = len > 32768;
                    if (uninit)
                        len -= 32768;
                    const pblk = node.readUInt16LE(e + 6) * 2 ** 32 + node.readUInt32LE(e + 8);
                    if (len === 0 || uninit)
                        continue;
                    this.checkRun(ino, pblk, len);
                    out.push([lblk, pblk, len]);
                }
                else {
                    const leaf = node.readUInt32LE(e + 4) + node.readUInt16LE(e + 8) * 2 ** 32;
                    this.checkRun(ino, leaf, 1);
                    await walk(await this.src.read(leaf * this.bs, this.bs), depth - 1, leaf * this.bs);
                }
            }
        };
        await walk(ino.iblock, undefined, 0);
        return out;
    }
    /** Classic ext2/3 block map: 12 direct, then single, double and triple indirect blocks. */
    async blockMap(ino) {
        const nblocks = Math.ceil(ino.size / this.bs);
        const per = this.bs / 4;
        const out = [];
        const push = (lblk, pblk) => {
            if (pblk === 0)
                return;
            this.checkRun(ino, pblk, 1);
            const last = out[out.length - 1];
            if (last && last[0] + last[2] === lblk && last[1] + last[2] === pblk)
                last[2]++;
            else
                out.push([lblk, pblk, 1]);
        };
        for (let i = 0; i < 12 && i < nblocks; i++)
            push(i, ino.iblock.readUInt32LE(i * 4));
        let lblk = 12;
        const indirect = async (blk, level) => {
            if (lblk >= nblocks)
                return;
            if (blk === 0) {
                lblk += per ** level;
                return;
            }
            this.checkRun(ino, blk, 1);
            const b = await this.src.read(blk * this.bs, this.bs);
            for (let i = 0; i < per && lblk < nblocks; i++) {
                const v = b.readUInt32LE(i * 4);
                if (level === 1)
                    push(lblk++, v);
                else
                    await indirect(v, level - 1);
            }
        };
        for (let level = 1; level <= 3; level++)
            await indirect(ino.iblock.readUInt32LE((11 + level) * 4), level);
        return out;
    }
    async openInode(ino) {
        if (ino.flags & FL_ENCRYPT)
            throw new FormatError('ext4', `inode ${ino.ino} is encrypted (fscrypt); its contents cannot be read`);
        if (ino.flags & FL_INLINE_DATA) {
            const data = Buffer.concat([ino.iblock, this.inlineXattr(ino)]);
            if (ino.size > data.length)
                throw new FormatError('ext4', `inode ${ino.ino}: inline data holds ${data.length} bytes, size says ${ino.size}`);
            return new BufferSource(Buffer.from(data.subarray(0, ino.size)));
        }
        const runs = ino.flags & FL_EXTENTS ? await this.extents(ino) : await this.blockMap(ino);
        const segs = [];
        for (const [lblk, pblk, count] of runs) {
            const start = lblk * this.bs;
            if (start >= ino.size)
                continue;
            const length = Math.min(count * this.bs, ino.size - start);
            segs.push(sourceSegment(start, length, this.src, pblk * this.bs));
        }
        return new MappedSource(ino.size, segs, 'ext4');
    }
    async symlinkTarget(ino) {
        const eaBlocks = ino.fileAcl ? this.bs / 512 : 0;
        const fast = !(ino.flags & FL_INLINE_DATA) && ino.blocks512 - eaBlocks === 0 && ino.size < 60;
        if (fast)
            return displayName(ino.iblock.subarray(0, ino.size));
        if (ino.size > 4096)
            throw new FormatError('ext4', `symlink inode ${ino.ino} is ${ino.size} bytes long`);
        const src = await this.openInode(ino);
        return displayName(await src.read(0, src.size));
    }
    /** Directory entries (name bytes, inode, file type); `.`/`..` and empty slots left out. */
    async readDir(ino) {
        const out = [];
        const parse = (buf, blockSize) => {
            for (let base = 0; base < buf.length; base += blockSize) {
                const end = Math.min(buf.length, base + blockSize);
                let p = base;
                while (p + 8 <= end) {
                    const inode = buf.readUInt32LE(p);
                    const raw = buf.readUInt16LE(p + 4);
                    const recLen = raw === 0 || raw === 65535 ? (blockSize >= 65536 ? blockSize : raw) : (raw & 65532) | ((raw & 3) << 16);
                    const nameLen = this.incompat & INCOMPAT_FILETYPE ? buf[p + 6] : buf.readUInt16LE(p + 6);
                    if (recLen < 8 || p + recLen > end || 8 + nameLen > recLen) {
                        throw new FormatError('ext4', `directory inode ${ino.ino}: bad entry at byte ${p} (record length ${recLen})`, p);
                    }
                    if (inode !== 0 && nameLen > 0) {
                        const name = buf.subarray(p + 8, p + 8 + nameLen);
                        if (!(nameLen === 1 && name[0] === 0x2e) && !(nameLen === 2 && name[0] === 0x2e && name[1] === 0x2e))
                            out.push({ name: Buffer.from(name), ino: inode });
                    }
                    p += recLen;
                }
            }
        };
        if (ino.flags & FL_INLINE_DATA) {
            // The first 4 bytes are the parent's inode number; the rest of i_block and the
            // system.data value are entries.
            parse(ino.iblock.subarray(4), 56);
            const more = this.inlineXattr(ino);
            if (more.length)
                parse(more, more.length);
            return out;
        }
        if (ino.size > MAX_DIR_BYTES)
            throw new FormatError('ext4', `directory inode ${ino.ino} is ${ino.size} bytes, past the cap`);
        const src = await this.openInode(ino);
        parse(await src.read(0, src.size), this.bs);
        return out;
    }
}
/** Lists every node of an ext2/3/4 image; throws FormatError when the image itself is unreadable. */
async function openExt4(src) {
    const fs = new Ext4(src);
    await fs.init();
    const root = await fs.inode(ROOT_INO);
    if (kindOfMode(root.mode) !== 'dir')
        throw new FormatError('ext4', 'the root inode is not a directory');
    const nodes = [];
    const problems = [];
    if (fs.blocksCount * fs.bs > src.size) {
        problems.push({ path: '', reason: `image is truncated: ${src.size} bytes, the superblock says ${fs.blocksCount * fs.bs}` });
    }
    nodes.push(...(await walkFsTree(root, ROOT_INO, {
        readDir: async (d) => (await fs.readDir(d)).map((e) => ({ name: e.name, id: e.ino })),
        inode: (id) => fs.inode(id),
        mode: (i) => i.mode,
        size: (i) => i.size,
        open: (i) => fs.openInode(i),
        symlinkTarget: (i) => fs.symlinkTarget(i),
    }, displayName, problems, (e) => (e instanceof FormatError ? e.reason : e.message))));
    return { format: 'ext4', label: fs.label || undefined, nodes, problems };
}

/**
 * super.img: Android dynamic partitions (`fs_mgr/liblp/include/liblp/metadata_format.h`).
 * 4 KiB reserved, the geometry (magic 0x616C4467, SHA-256 checked) at 4096 with a backup at
 * 8192, then metadata slots: a header (magic 0x414C5030, SHA-256 of header and tables) and the
 * partition, extent, group and block-device tables. Each logical partition is a list of linear
 * extents (512-byte sectors) on the super device, exposed as one virtual source. The primary
 * copy of slot 0 is used; when its checksums fail the backup copy is tried.
 */
const LP_GEOMETRY_MAGIC = 0x616c4467;
const LP_HEADER_MAGIC = 0x414c5030;
const LP_PARTITION_RESERVED_BYTES = 4096;
const LP_GEOMETRY_SIZE = 4096;
const SECTOR = 512;
const TARGET_LINEAR = 0;
const TARGET_ZERO = 1;
/** `at4096` holds the first bytes at offset 4096 of the image. */
function isLpGeometry(at4096) {
    return at4096.length >= 4 && at4096.readUInt32LE(0) === LP_GEOMETRY_MAGIC;
}
function sha256(b) {
    return createHash('sha256').update(b).digest();
}
function cstr(b) {
    const z = b.indexOf(0);
    return b.toString('latin1', 0, z < 0 ? b.length : z);
}
async function readGeometry(src, at) {
    if (at + 52 > src.size)
        throw new FormatError('lp', 'geometry lies past the end of the image (truncated)', at);
    const g = Buffer.from(await src.read(at, 52));
    if (g.readUInt32LE(0) !== LP_GEOMETRY_MAGIC)
        throw new FormatError('lp', 'bad geometry magic', at);
    const structSize = g.readUInt32LE(4);
    if (structSize !== 52)
        throw new FormatError('lp', `unexpected geometry size ${structSize}`, at + 4);
    const want = Buffer.from(g.subarray(8, 40));
    g.fill(0, 8, 40);
    if (!sha256(g).equals(want))
        throw new FormatError('lp', 'geometry checksum mismatch (corrupt)', at + 8);
    const metadataMaxSize = g.readUInt32LE(40);
    const slotCount = g.readUInt32LE(44);
    const logicalBlockSize = g.readUInt32LE(48);
    if (metadataMaxSize === 0 || metadataMaxSize % SECTOR !== 0 || slotCount === 0 || slotCount > 8 || logicalBlockSize % SECTOR !== 0) {
        throw new FormatError('lp', `bad geometry (metadata ${metadataMaxSize} bytes, ${slotCount} slots, block ${logicalBlockSize})`, at + 40);
    }
    return { metadataMaxSize, slotCount, logicalBlockSize };
}
async function readMetadata(src, at, geo) {
    if (at + 128 > src.size)
        throw new FormatError('lp', 'metadata header lies past the end of the image (truncated)', at);
    const h0 = await src.read(at, 128);
    if (h0.readUInt32LE(0) !== LP_HEADER_MAGIC)
        throw new FormatError('lp', 'bad metadata header magic', at);
    const major = h0.readUInt16LE(4);
    const minor = h0.readUInt16LE(6);
    const headerSize = h0.readUInt32LE(8);
    if (major !== 10)
        throw new FormatError('lp', `unsupported metadata version ${major}.${minor}`, at + 4);
    if (headerSize < 128 || headerSize > geo.metadataMaxSize)
        throw new FormatError('lp', `bad metadata header size ${headerSize}`, at + 8);
    if (at + headerSize > src.size)
        throw new FormatError('lp', 'metadata header lies past the end of the image (truncated)', at);
    const header = Buffer.from(await src.read(at, headerSize));
    const wantHeader = Buffer.from(header.subarray(12, 44));
    header.fill(0, 12, 44);
    if (!sha256(header).equals(wantHeader))
        throw new FormatError('lp', 'metadata header checksum mismatch (corrupt)', at + 12);
    const tablesSize = header.readUInt32LE(44);
    if (headerSize + tablesSize > geo.metadataMaxSize)
        throw new FormatError('lp', `metadata tables (${tablesSize} bytes) exceed the slot`, at + 44);
    if (at + headerSize + tablesSize > src.size)
        throw new FormatError('lp', 'metadata tables lie past the end of the image (truncated)', at + headerSize);
    const tables = await src.read(at + headerSize, tablesSize);
    if (!sha256(tables).equals(header.subarray(48, 80)))
        throw new FormatError('lp', 'metadata tables checksum mismatch (corrupt)', at + 48);
    const table = (off, minEntry, what) => {
        const offset = header.readUInt32LE(off);
        const count = header.readUInt32LE(off + 4);
        const size = header.readUInt32LE(off + 8);
        if (count > 0 && (size < minEntry || offset + count * size > tablesSize))
            throw new FormatError('lp', `${what} table out of bounds`, at + off);
        return { offset, count, size };
    };
    const pt = table(80, 52, 'partition');
    const et = table(92, 24, 'extent');
    const gt = table(104, 48, 'group');
    const bt = table(116, 64, 'block device');
    const groups = [];
    for (let i = 0; i < gt.count; i++)
        groups.push(cstr(tables.subarray(gt.offset + i * gt.size, gt.offset + i * gt.size + 36)));
    const blockDevices = [];
    for (let i = 0; i < bt.count; i++) {
        const b = bt.offset + i * bt.size;
        blockDevices.push(cstr(tables.subarray(b + 24, b + 60)));
    }
    const partitions = [];
    for (let i = 0; i < pt.count; i++) {
        const p = pt.offset + i * pt.size;
        const name = cstr(tables.subarray(p, p + 36));
        const attributes = tables.readUInt32LE(p + 36);
        const firstExtent = tables.readUInt32LE(p + 40);
        const numExtents = tables.readUInt32LE(p + 44);
        const groupIndex = tables.readUInt32LE(p + 48);
        if (firstExtent + numExtents > et.count)
            throw new FormatError('lp', `partition ${JSON.stringify(name)} names extents past the extent table`, at + headerSize + p);
        const segs = [];
        let logical = 0;
        let linearBytes = 0;
        for (let e = firstExtent; e < firstExtent + numExtents; e++) {
            const x = et.offset + e * et.size;
            const sectors = Number(tables.readBigUInt64LE(x));
            const type = tables.readUInt32LE(x + 8);
            const target = Number(tables.readBigUInt64LE(x + 12));
            const device = tables.readUInt32LE(x + 20);
            const len = sectors * SECTOR;
            if (!Number.isSafeInteger(len) || !Number.isSafeInteger(target * SECTOR))
                throw new FormatError('lp', `partition ${JSON.stringify(name)}: extent size beyond 2^53`, at + headerSize + x);
            if (type === TARGET_LINEAR) {
                if (device !== 0) {
                    throw new FormatError('lp', `partition ${JSON.stringify(name)} has an extent on block device ${JSON.stringify(blockDevices[device] ?? device)}, not in this image`, at + headerSize + x);
                }
                if (target * SECTOR + len > src.size) {
                    throw new FormatError('lp', `partition ${JSON.stringify(name)}: extent at sector ${target} lies past the end of the image (truncated)`, target * SECTOR);
                }
                if (len > 0)
                    segs.push(sourceSegment(logical, len, src, target * SECTOR));
                linearBytes += len;
            }
            else if (type !== TARGET_ZERO) {
                throw new FormatError('lp', `partition ${JSON.stringify(name)}: unknown extent type ${type}`, at + headerSize + x);
            }
            logical += len;
        }
        const size = logical;
        partitions.push({ name, group: groups[groupIndex] ?? '', attributes, size, linearBytes, open: () => new MappedSource(size, segs, 'lp') });
    }
    return { majorVersion: major, minorVersion: minor, blockDevices, partitions };
}
/**
 * Reads the LP metadata of a super image. A partition whose extents cannot be mapped makes
 * the whole metadata unreadable (the tables are checksummed, so that means corruption).
 */
async function openLp(src) {
    let geo;
    try {
        geo = await readGeometry(src, LP_PARTITION_RESERVED_BYTES);
    }
    catch (e) {
        try {
            geo = await readGeometry(src, LP_PARTITION_RESERVED_BYTES + LP_GEOMETRY_SIZE);
        }
        catch {
            throw e;
        }
    }
    const primary = LP_PARTITION_RESERVED_BYTES + 2 * LP_GEOMETRY_SIZE;
    const backup = primary + geo.metadataMaxSize * geo.slotCount;
    try {
        return await readMetadata(src, primary, geo);
    }
    catch (e) {
        try {
            return await readMetadata(src, backup, geo);
        }
        catch {
            throw e;
        }
    }
}

/**
 * A minimal protobuf wire-format reader: enough for the OTA `DeltaArchiveManifest`. Fields are
 * returned in order with their wire type; varints are decoded exactly up to 2^53 (larger values
 * are an error: no OTA offset or size needs more). Every length is checked against its buffer.
 */
function readVarint(buf, pos) {
    let result = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
        if (pos >= buf.length)
            throw new FormatError('protobuf', 'truncated varint', pos);
        const b = buf[pos++];
        result += (b & 0x7f) * mul;
        if ((b & 0x80) === 0) {
            if (!Number.isSafeInteger(result))
                throw new FormatError('protobuf', 'varint beyond 2^53', pos);
            return [result, pos];
        }
        mul *= 128;
    }
    throw new FormatError('protobuf', 'varint longer than 10 bytes', pos);
}
/** Every field of one message, in wire order. */
function decodeMessage(buf) {
    const out = [];
    let pos = 0;
    while (pos < buf.length) {
        const [key, p1] = readVarint(buf, pos);
        const field = Math.floor(key / 8);
        const wire = key & 7;
        if (field === 0)
            throw new FormatError('protobuf', 'field number 0', pos);
        pos = p1;
        switch (wire) {
            case 0: {
                const [v, p2] = readVarint(buf, pos);
                out.push({ field, wire, value: v });
                pos = p2;
                break;
            }
            case 1:
            case 5: {
                const n = wire === 1 ? 8 : 4;
                if (pos + n > buf.length)
                    throw new FormatError('protobuf', `truncated fixed${n * 8} field ${field}`, pos);
                out.push({ field, wire, value: buf.subarray(pos, pos + n) });
                pos += n;
                break;
            }
            case 2: {
                const [len, p2] = readVarint(buf, pos);
                if (p2 + len > buf.length)
                    throw new FormatError('protobuf', `field ${field} (${len} bytes) overflows its message`, pos);
                out.push({ field, wire, value: buf.subarray(p2, p2 + len) });
                pos = p2 + len;
                break;
            }
            default:
                throw new FormatError('protobuf', `unsupported wire type ${wire} for field ${field}`, pos);
        }
    }
    return out;
}
function pbUint(fields, field) {
    let v;
    for (const f of fields)
        if (f.field === field && f.wire === 0)
            v = f.value;
    return v;
}
function pbBytes(fields, field) {
    let v;
    for (const f of fields)
        if (f.field === field && f.wire === 2)
            v = f.value;
    return v;
}
function pbRepeated(fields, field) {
    const out = [];
    for (const f of fields)
        if (f.field === field && f.wire === 2)
            out.push(f.value);
    return out;
}

/**
 * A/B OTA `payload.bin` (update_engine `update_metadata.proto`): big-endian header "CrAU",
 * u64 major version (2), u64 manifest size, u32 metadata-signature size, the
 * `DeltaArchiveManifest` protobuf, the signature, then the data blobs. Each partition of a full
 * payload becomes a virtual image: its operations are indexed by destination block and decoded
 * on demand (REPLACE maps straight into the payload, REPLACE_BZ / REPLACE_XZ / REPLACE_ZSTD
 * decompress one operation at a time with a small cache, ZERO / DISCARD read as zeros). The
 * partition is never rebuilt whole. A delta payload (operations that need the source build)
 * makes each such partition unreadable with the reason.
 */
const PAYLOAD_MAGIC = 'CrAU';
const OP_NAMES = {
    0: 'REPLACE',
    1: 'REPLACE_BZ',
    2: 'MOVE',
    3: 'BSDIFF',
    4: 'SOURCE_COPY',
    5: 'SOURCE_BSDIFF',
    6: 'ZERO',
    7: 'DISCARD',
    8: 'REPLACE_XZ',
    9: 'PUFFDIFF',
    10: 'BROTLI_BSDIFF',
    11: 'ZUCCHINI',
    12: 'LZ4DIFF_BSDIFF',
    13: 'LZ4DIFF_PUFFDIFF',
    14: 'REPLACE_ZSTD',
};
const FULL_OPS = new Set([0, 1, 6, 7, 8, 14]);
function isPayload(head) {
    return head.length >= 4 && head.toString('latin1', 0, 4) === PAYLOAD_MAGIC;
}
async function openPayload(src, opts = {}) {
    if (src.size < 24)
        throw new FormatError('payload', `file is ${src.size} bytes, too small for a payload header`);
    const h = await src.read(0, 24);
    if (!isPayload(h))
        throw new FormatError('payload', 'bad payload magic', 0);
    const major = Number(h.readBigUInt64BE(4));
    if (major !== 2)
        throw new FormatError('payload', `unsupported payload major version ${major} (only version 2 is read)`, 4);
    const manifestSize = Number(h.readBigUInt64BE(12));
    const sigSize = h.readUInt32BE(20);
    const manifestAt = 24;
    if (!Number.isSafeInteger(manifestSize) || manifestAt + manifestSize + sigSize > src.size) {
        throw new FormatError('payload', `manifest (${manifestSize} bytes) runs past the end of the file (truncated)`, 12);
    }
    if (manifestSize > 256 * 1024 * 1024)
        throw new FormatError('payload', `manifest of ${manifestSize} bytes is past the cap`, 12);
    const blobBase = manifestAt + manifestSize + sigSize;
    const manifest = decodeMessage(await src.read(manifestAt, manifestSize));
    const blockSize = pbUint(manifest, 3) ?? 4096;
    const minorVersion = pbUint(manifest, 12) ?? 0;
    if (blockSize === 0 || blockSize % 512 !== 0 || blockSize > 1 << 20)
        throw new FormatError('payload', `bad block size ${blockSize}`, manifestAt);
    if (pbRepeated(manifest, 1).length || pbRepeated(manifest, 2).length) {
        throw new FormatError('payload', 'legacy install_operations (major version 1 layout) are not supported', manifestAt);
    }
    const budget = opts.budget ?? UNLIMITED_BUDGET;
    const maxOp = opts.maxOperationBytes ?? 256 * 1024 * 1024;
    const cache = new UnitCache(opts.cacheBytes ?? 32 * 1024 * 1024);
    const partitions = [];
    for (const [pi, pbuf] of pbRepeated(manifest, 13).entries()) {
        const p = decodeMessage(pbuf);
        const name = (pbBytes(p, 1) ?? Buffer.alloc(0)).toString('utf8');
        const info = pbBytes(p, 7);
        const ops = pbRepeated(p, 8).map((ob) => {
            const o = decodeMessage(ob);
            const extents = pbRepeated(o, 6).map((eb) => {
                const e = decodeMessage(eb);
                return [pbUint(e, 1) ?? 0, pbUint(e, 2) ?? 0];
            });
            const outLength = extents.reduce((s, [, n]) => s + n * blockSize, 0);
            return { type: pbUint(o, 1) ?? 0, dataOffset: pbUint(o, 2) ?? 0, dataLength: pbUint(o, 3) ?? 0, extents, outLength };
        });
        let size = info ? (pbUint(decodeMessage(info), 1) ?? 0) : 0;
        if (!info)
            for (const op of ops)
                for (const [s, n] of op.extents)
                    size = Math.max(size, (s + n) * blockSize);
        const deltaOp = ops.find((o) => !FULL_OPS.has(o.type));
        let unreadable;
        if (deltaOp) {
            unreadable = `delta OTA: operation ${OP_NAMES[deltaOp.type] ?? `#${deltaOp.type}`} needs the source build's ${name} partition; only full OTAs can be scanned`;
        }
        else if (minorVersion !== 0 && ops.length === 0) {
            unreadable = `delta OTA (minor version ${minorVersion}) with no operations for ${name}`;
        }
        const segs = [];
        if (!unreadable) {
            try {
                for (const [oi, op] of ops.entries()) {
                    if (op.type === 6 || op.type === 7)
                        continue; // ZERO, DISCARD
                    if (blobBase + op.dataOffset + op.dataLength > src.size) {
                        throw new FormatError('payload', `${name}: data of operation ${oi} runs past the end of the payload (truncated)`, blobBase + op.dataOffset);
                    }
                    if (op.outLength > maxOp)
                        throw new FormatError('payload', `${name}: operation ${oi} writes ${op.outLength} bytes, past the ${maxOp}-byte cap`);
                    let within = 0;
                    for (const [start, num] of op.extents) {
                        const at = start * blockSize;
                        const len = num * blockSize;
                        if (at + len > size)
                            throw new FormatError('payload', `${name}: operation ${oi} writes past the partition's ${size} bytes`);
                        if (op.type === 0) {
                            // REPLACE: the blob is the data (shorter blobs leave zeros at the end).
                            if (op.dataLength > op.outLength)
                                throw new FormatError('payload', `${name}: REPLACE operation ${oi} carries more data than its extents hold`);
                            const avail = Math.max(0, Math.min(len, op.dataLength - within));
                            if (avail > 0)
                                segs.push(sourceSegment(at, avail, src, blobBase + op.dataOffset + within));
                        }
                        else {
                            const off = within;
                            segs.push({
                                start: at,
                                length: len,
                                read: async (o, n) => {
                                    const key = `${pi}:${oi}`;
                                    let out = cache.get(key);
                                    if (!out) {
                                        const data = await src.read(blobBase + op.dataOffset, op.dataLength);
                                        budget.spend(op.outLength);
                                        out =
                                            op.type === 1
                                                ? await decompressBzip2(data, op.outLength)
                                                : op.type === 8
                                                    ? await decompressXz(data, op.outLength)
                                                    : await decompressZstd(data, op.outLength);
                                        cache.set(key, out);
                                    }
                                    return out.subarray(off + o, off + o + n);
                                },
                            });
                        }
                        within += len;
                    }
                }
                // Validates extents (overlaps, bounds) now rather than at the first read.
                new MappedSource(size, segs, 'payload');
            }
            catch (e) {
                if (!(e instanceof FormatError))
                    throw e;
                unreadable = e.reason;
            }
        }
        const reason = unreadable;
        partitions.push({
            name,
            size,
            ...(reason ? { unreadable: reason } : {}),
            open: () => {
                if (reason)
                    throw new FormatError('payload', reason);
                return new MappedSource(size, segs, 'payload');
            },
        });
    }
    return { majorVersion: major, minorVersion, blockSize, partitions };
}

/**
 * Android sparse images (libsparse `sparse_format.h`): a 28-byte header and chunks RAW (0xCAC1),
 * FILL (0xCAC2, a 4-byte pattern), DONT_CARE (0xCAC3) and CRC32 (0xCAC4). Read as a virtual raw
 * image: RAW chunks map to their bytes in the sparse file, FILL chunks repeat their pattern,
 * DONT_CARE reads as zeros. Nothing is written out.
 */
const SPARSE_MAGIC = 0xed26ff3a;
const CHUNK_RAW = 0xcac1;
const CHUNK_FILL = 0xcac2;
const CHUNK_DONT_CARE = 0xcac3;
const CHUNK_CRC32 = 0xcac4;
function isSparse(head) {
    return head.length >= 4 && head.readUInt32LE(0) === SPARSE_MAGIC;
}
/** Opens a sparse image as the raw image it describes. */
async function openSparse(src) {
    if (src.size < 28)
        throw new FormatError('sparse', `file is ${src.size} bytes, too small for a sparse header`);
    const h = await src.read(0, 28);
    if (h.readUInt32LE(0) !== SPARSE_MAGIC)
        throw new FormatError('sparse', 'bad sparse magic', 0);
    const major = h.readUInt16LE(4);
    const fileHdrSz = h.readUInt16LE(8);
    const chunkHdrSz = h.readUInt16LE(10);
    const blkSz = h.readUInt32LE(12);
    const totalBlks = h.readUInt32LE(16);
    const totalChunks = h.readUInt32LE(20);
    if (major !== 1)
        throw new FormatError('sparse', `unsupported sparse major version ${major}`, 4);
    if (fileHdrSz < 28 || chunkHdrSz < 12)
        throw new FormatError('sparse', `bad header sizes (file ${fileHdrSz}, chunk ${chunkHdrSz})`, 8);
    if (blkSz === 0 || blkSz % 4 !== 0)
        throw new FormatError('sparse', `bad block size ${blkSz}`, 12);
    const imageSize = totalBlks * blkSz;
    if (!Number.isSafeInteger(imageSize))
        throw new FormatError('sparse', 'image size beyond 2^53', 16);
    const segs = [];
    let pos = fileHdrSz;
    let block = 0;
    // The chunk headers are small: read them one by one (a sparse file has few chunks).
    for (let i = 0; i < totalChunks; i++) {
        if (pos + chunkHdrSz > src.size)
            throw new FormatError('sparse', `chunk ${i} of ${totalChunks} lies past the end of the file (truncated)`, pos);
        const c = await src.read(pos, 12);
        const type = c.readUInt16LE(0);
        const blocks = c.readUInt32LE(4);
        const totalSz = c.readUInt32LE(8);
        const dataSz = totalSz - chunkHdrSz;
        if (totalSz < chunkHdrSz)
            throw new FormatError('sparse', `chunk ${i} declares ${totalSz} bytes, less than its header`, pos);
        if (pos + totalSz > src.size)
            throw new FormatError('sparse', `chunk ${i} (${totalSz} bytes) runs past the end of the file (truncated)`, pos);
        const outLen = blocks * blkSz;
        if (block + blocks > totalBlks && type !== CHUNK_CRC32) {
            throw new FormatError('sparse', `chunk ${i} runs past the image's ${totalBlks} blocks`, pos);
        }
        const dataAt = pos + chunkHdrSz;
        switch (type) {
            case CHUNK_RAW:
                if (dataSz !== outLen)
                    throw new FormatError('sparse', `raw chunk ${i} holds ${dataSz} bytes for ${blocks} blocks`, pos);
                if (outLen > 0)
                    segs.push(sourceSegment(block * blkSz, outLen, src, dataAt));
                block += blocks;
                break;
            case CHUNK_FILL: {
                if (dataSz !== 4)
                    throw new FormatError('sparse', `fill chunk ${i} holds ${dataSz} bytes, not 4`, pos);
                const pattern = Buffer.from(await src.read(dataAt, 4));
                if (outLen > 0 && pattern.readUInt32LE(0) !== 0)
                    segs.push(fillSegment(block * blkSz, outLen, pattern));
                block += blocks;
                break;
            }
            case CHUNK_DONT_CARE:
                block += blocks;
                break;
            case CHUNK_CRC32:
                break;
            default:
                throw new FormatError('sparse', `unknown chunk type 0x${type.toString(16)} in chunk ${i}`, pos);
        }
        pos += totalSz;
    }
    if (block !== totalBlks)
        throw new FormatError('sparse', `chunks cover ${block} blocks, header says ${totalBlks}`, pos);
    return { image: new MappedSource(imageSize, segs, 'sparse'), info: { blockSize: blkSz, totalBlocks: totalBlks, chunks: totalChunks } };
}

/**
 * A deflated ZIP entry as a random-access source: inflated into memory when small, streamed into
 * a size-capped temporary file when large (an APK or an image deflated inside a target-files or
 * OTA zip), so that the ZIP and filesystem readers can seek in it. The temporary file is removed
 * when the source is closed.
 */
const READ_CHUNK = 1 << 20;
/** Inflates `compressedSize` bytes at `offset` of `src`, which must give exactly `size` bytes. */
async function inflateToSource(src, offset, compressedSize, size, opts) {
    if (offset + compressedSize > src.size) {
        throw new FormatError('zip', `data of ${JSON.stringify(opts.name)} (${compressedSize} bytes) runs past the end of the file`, offset);
    }
    if (size > opts.maxSpillBytes) {
        throw new FormatError('zip', `${JSON.stringify(opts.name)} inflates to ${size} bytes, past the ${opts.maxSpillBytes}-byte cap for one entry`);
    }
    opts.budget.spend(size);
    if (size <= opts.memoryBytes) {
        // Into a buffer lent by the thread's pool (one byte more than declared tells a stream that
        // inflates to more), given back when the source is closed.
        const lease = entryScratch.take(size + 1);
        try {
            await inflateEntryInto(src, offset, compressedSize, size, lease, opts.name);
        }
        catch (e) {
            entryScratch.give(lease);
            throw e;
        }
        const inner = new BufferSource(lease.subarray(0, size));
        let open = true;
        return {
            size,
            read: (p, len) => inner.read(p, len),
            close: async () => {
                // Given back once: a second close must not lend the same buffer twice.
                if (open)
                    entryScratch.give(lease);
                open = false;
            },
        };
    }
    const dir = await mkdtemp(join(tmpdir(), 'activation-gate-spill-'));
    const file = join(dir, 'entry');
    const cleanup = async () => {
        await rm(dir, { recursive: true, force: true });
    };
    try {
        async function* chunks() {
            for (let p = 0; p < compressedSize; p += READ_CHUNK)
                yield await src.read(offset + p, Math.min(READ_CHUNK, compressedSize - p));
        }
        let written = 0;
        const counter = new Transform({
            transform(chunk, _enc, cb) {
                written += chunk.length;
                if (written > size)
                    cb(new FormatError('zip', sizeMismatch(opts.name, size), offset));
                else
                    cb(null, chunk);
            },
        });
        await pipeline(Readable.from(chunks()), createInflateRaw(), counter, createWriteStream(file));
        if (written !== size)
            throw new FormatError('zip', sizeMismatch(opts.name, size, written), offset);
        const fs = await FileSource.open(file);
        return {
            size: fs.size,
            read: (p, n) => fs.read(p, n),
            close: async () => {
                await fs.close();
                await cleanup();
            },
        };
    }
    catch (e) {
        await cleanup();
        if (e instanceof FormatError)
            throw e;
        throw new FormatError('zip', `cannot inflate ${JSON.stringify(opts.name)}: ${e.message}`, offset);
    }
}

/**
 * The container layer: recognises a container by content (magic numbers, not names) and
 * exposes it as a list of files, each with a RandomAccessSource, so that the extractor runs the
 * same per-file logic on a file inside an image as on a file in a folder.
 *
 * | kind          | recognised by                          | files                                   |
 * |---------------|----------------------------------------|-----------------------------------------|
 * | sparse        | 0xED26FF3A at 0                        | none: the raw image replaces the source |
 * | ext4          | 0xEF53 at 1024+0x38                    | every regular file of the filesystem    |
 * | erofs         | 0xE0F5E1E2 at 1024                     | every regular file of the filesystem    |
 * | super         | LP geometry 0x616C4467 at 4096         | each logical partition, as an image     |
 * | payload       | "CrAU" at 0                            | each partition, as an image             |
 * | target-files  | ZIP with SYSTEM/ VENDOR/ ... folders   | every entry; upper-case folders map to partitions |
 * | ota           | ZIP with payload.bin                   | every entry (payload.bin is a payload)  |
 * | bootimg       | "ANDROID!" / "VNDRBOOT" at 0           | kernel, dtb...; ramdisk files as `ramdisk/<path>` |
 * | fat           | FAT boot sector (jump, BPB, 0x55AA)    | every regular file of the filesystem    |
 *
 * Paths inside a container are joined to the container's path with `!/`.
 */
/** Reads the few bytes that identify an image: the first 8, 1024..1152 and 4096..4100. */
async function sniffContainer(src, head) {
    if (isSparse(head))
        return 'sparse';
    if (isPayload(head))
        return 'payload';
    if (isBootImage(head))
        return 'bootimg';
    if (src.size >= 2048) {
        const sb = await src.read(1024, 128);
        if (sb.readUInt32LE(0) === EROFS_MAGIC)
            return 'erofs';
        if (sb.readUInt16LE(0x38) === EXT4_MAGIC)
            return 'ext4';
    }
    if (src.size >= 4096 + 52 && isLpGeometry(await src.read(4096, 4)))
        return 'super';
    if (src.size >= 1024 && (head[0] === 0xeb || head[0] === 0xe9) && isFatBootSector(await src.read(0, 512)))
        return 'fat';
    return undefined;
}
/** The partition an image file is of, from its name: `system.img`, `system_a.img` -> `system`. */
function imagePartitionOf(fileName) {
    const stem = basename(fileName).replace(/\.(img|ext4|erofs|raw|simg)$/i, '').replace(/\.img$/i, '');
    return partitionName(stem);
}
const UPPER_PARTITION = /^([A-Z][A-Z0-9_]*)\//;
/** Target-files (upper-case partition folders, no manifest), OTA (payload.bin) or a plain ZIP/APK. */
function classifyZip(zip) {
    let manifest = false;
    let payload = false;
    let partitions = false;
    for (const e of zip.entries) {
        if (e.name === 'AndroidManifest.xml')
            manifest = true;
        else if (e.name === 'payload.bin')
            payload = true;
        else {
            const m = UPPER_PARTITION.exec(e.name);
            if (m && m[1] !== m[1].toLowerCase() && partitionName(m[1]) && m[1] === m[1].toUpperCase())
                partitions = true;
        }
    }
    if (manifest)
        return 'zip';
    if (partitions)
        return 'target-files';
    if (payload)
        return 'ota';
    return 'zip';
}
/** A ZIP entry as a source: STORED entries by offset (no copy), deflated ones inflated or spilled. */
async function openZipEntry(src, entry, opts) {
    const { offset } = await entryDataOffset(src, entry);
    if (entry.method === 8) {
        return inflateToSource(src, offset, entry.compressedSize, entry.uncompressedSize, {
            memoryBytes: opts.memoryBytes,
            maxSpillBytes: opts.maxSpillBytes,
            budget: opts.budget,
            name: entry.name,
        });
    }
    if (offset + entry.uncompressedSize > src.size) {
        throw new FormatError('zip', `data of ${JSON.stringify(entry.name)} (${entry.uncompressedSize} bytes) runs past the end of the file`, offset);
    }
    return new SubSource(src, offset, entry.uncompressedSize);
}
/** Images in IMAGES/ that duplicate a partition folder of the same target-files zip. */
function targetFilesSkip(name, present) {
    const m = /^IMAGES\/([^/]+)\.img$/.exec(name);
    if (!m)
        return undefined;
    const p = partitionName(m[1]);
    if (p && present.has(p))
        return `image duplicating the ${p.toUpperCase()}/ folder`;
    if (['super', 'userdata', 'cache', 'vbmeta', 'vbmeta_system', 'vbmeta_vendor'].includes(m[1]))
        return `image duplicating the partition folders (${m[1]}.img)`;
    return undefined;
}
/** A target-files entry under an upper-case partition folder: its `partitionRelPath` (`system/app/X/X.apk`). */
function placedIn(kind, name) {
    const m = UPPER_PARTITION.exec(name);
    return kind === 'target-files' && m && m[1] === m[1].toUpperCase() && partitionName(m[1]) ? { partitionRelPath: `${partitionName(m[1])}/${name.slice(m[0].length)}` } : {};
}
/** The entries of a target-files or OTA zip as container files. */
function zipContainer(src, zip, kind, opts) {
    const present = new Set();
    if (kind === 'target-files') {
        for (const e of zip.entries) {
            const m = UPPER_PARTITION.exec(e.name);
            const p = m && m[1] === m[1].toUpperCase() ? partitionName(m[1]) : undefined;
            if (p)
                present.add(p);
        }
    }
    const files = [];
    const skipped = [];
    const dup = new Set(zip.duplicates);
    const seen = new Set();
    const problems = [];
    for (const e of zip.entries) {
        if (e.name.endsWith('/') && e.uncompressedSize === 0)
            continue;
        if (dup.has(e.name)) {
            if (seen.has(e.name))
                continue;
            seen.add(e.name);
            problems.push({ name: e.name, reason: `duplicate entry ${JSON.stringify(e.name)} in the ${kind} zip; the first copy is scanned`, ...placedIn(kind, e.name) });
        }
        const over = zip.overlaps.get(e.index);
        if (over !== undefined) {
            problems.push({ name: e.name, reason: overlapReason(zip, over), ...placedIn(kind, e.name) });
            continue;
        }
        const why = kind === 'target-files' ? targetFilesSkip(e.name, present) : undefined;
        if (why) {
            skipped.push({ name: e.name, reason: why });
            continue;
        }
        files.push({ name: e.name, size: e.uncompressedSize, open: () => openZipEntry(src, e, opts), view: e.method !== 8, ...placedIn(kind, e.name) });
    }
    files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { format: kind, files, skipped, problems };
}
/**
 * How many bytes of files a filesystem image of `size` bytes may give: 16 times its size and 1
 * GiB. A filesystem's files fill it at most once over, a little more with blocks shared between
 * identical files (Android's ext4 dedup) or compressed (EROFS); only files that share blocks on
 * purpose (hard links, extents or cluster chains pointing at the same data) make more. 100,000
 * hard links to one 32 MiB file in a 34 MB ext4 image would have been 3.2 TB to scan.
 */
function filesAllowance(size) {
    return 16 * size + (1 << 30);
}
/**
 * What a container gives of its files, in order: a file that would take it past
 * filesAllowance(size) is not admitted (smaller ones after it still are), and an admitted file's
 * open() first spends, from the inflation budget of the file of the walk it is in, the part of
 * its bytes past those the container holds (`holds`). A container nested in another can each
 * give 16 times its size; only a budget across the whole outer file keeps images of hard links
 * nested eight deep from multiplying.
 */
class Allotment {
    holds;
    budget;
    allowance;
    given = 0;
    constructor(size, holds, budget) {
        this.holds = holds;
        this.budget = budget;
        this.allowance = filesAllowance(size);
    }
    /** The open() to use for a file of `bytes`, or undefined when it is not admitted. */
    admit(bytes, open) {
        if (this.given + bytes > this.allowance)
            return undefined;
        const excess = Math.min(bytes, Math.max(0, this.given + bytes - this.holds));
        this.given += bytes;
        if (excess === 0)
            return open;
        const budget = this.budget;
        return async () => {
            budget.spend(excess);
            return open();
        };
    }
}
/**
 * The files of a listing. `holds`: how many bytes of files the image holds without sharing any:
 * its size, or for EROFS four times it (compression; decompression is charged as it happens).
 */
function fromListing(listing, imageSize, budget, holds = imageSize) {
    const files = [];
    const skipped = [];
    const problems = [];
    const allot = new Allotment(imageSize, holds, budget);
    for (const n of listing.nodes) {
        if (n.kind === 'file') {
            const open = allot.admit(n.size, n.open);
            if (open)
                files.push({ name: n.path, size: n.size, open, view: true });
            else
                problems.push({ name: n.path, reason: `the image's files add up to more than ${allot.allowance} bytes, 16 times its ${imageSize} bytes and 1 GiB (hard links or shared blocks); not read` });
        }
        else if (n.kind === 'symlink') {
            // Filled in by describeSymlinks (targets are read lazily).
            skipped.push({ name: n.path, reason: 'symlink' });
        }
        else {
            skipped.push({ name: n.path, reason: `not a regular file (${n.kind})` });
        }
    }
    return {
        format: listing.format,
        files,
        skipped,
        problems: [...listing.problems.map((p) => ({ name: p.path, reason: p.reason, ...(p.offset !== undefined ? { offset: p.offset } : {}) })), ...problems],
        labelPartition: listing.label ? partitionName(listing.label.replace(/^\//, '')) : undefined,
    };
}
async function describeSymlinks(listing, c) {
    const byPath = new Map(listing.nodes.filter((n) => n.kind === 'symlink').map((n) => [n.path, n]));
    for (const s of c.skipped) {
        if (s.reason !== 'symlink')
            continue;
        const node = byPath.get(s.name);
        let target = '?';
        try {
            target = (await node?.target?.()) ?? '?';
        }
        catch {
            // keep '?'
        }
        s.reason = `symlink to ${target} inside the image; not followed`;
    }
}
/**
 * Opens a filesystem, super or payload container. Sparse images are not listed here: the
 * caller replaces the source by `openSparseImage` and sniffs again.
 */
async function openContainer(kind, src, opts) {
    switch (kind) {
        case 'ext4':
        case 'erofs': {
            const listing = kind === 'ext4' ? await openExt4(src) : await openErofs(src, { budget: opts.budget });
            const c = fromListing(listing, src.size, opts.budget, kind === 'erofs' ? 4 * src.size : src.size);
            await describeSymlinks(listing, c);
            return c;
        }
        case 'fat': {
            const listing = await openFat(src);
            const c = fromListing(listing, src.size, opts.budget);
            delete c.labelPartition; // a FAT label (NON-HLOS, modem) names no Android partition
            return c;
        }
        case 'bootimg':
            return openBootContainer(src, opts);
        case 'super': {
            const lp = await openLp(src);
            const files = [];
            const skipped = [];
            const problems = [];
            // Logical partitions never share extents; partitions that map the same sectors (crafted
            // metadata) are read only up to the allowance of a filesystem image of this size, counted
            // in what they map (ZERO extents read nothing).
            const allot = new Allotment(src.size, src.size, opts.budget);
            for (const p of lp.partitions) {
                if (p.size === 0) {
                    skipped.push({ name: p.name, reason: 'empty logical partition' });
                    continue;
                }
                const folder = partitionName(p.name);
                if (folder && opts.folders?.includes(folder)) {
                    skipped.push({ name: p.name, reason: `duplicating the ${folder}/ folder` });
                    continue;
                }
                const open = allot.admit(p.linearBytes, async () => p.open());
                if (open)
                    files.push({ name: p.name, size: p.size, open, imagePartition: partitionName(p.name), view: true });
                else
                    problems.push({ name: p.name, reason: `the logical partitions map more than ${allot.allowance} bytes, 16 times the image's ${src.size} bytes and 1 GiB (extents shared between partitions); not read` });
            }
            return { format: 'super', files, skipped, problems };
        }
        case 'payload': {
            const payload = await openPayload(src, { budget: opts.budget, maxOperationBytes: opts.maxEntryBytes });
            const files = payload.partitions.map((p) => ({
                name: p.name,
                size: p.size,
                open: async () => p.open(),
                imagePartition: partitionName(p.name),
                ...(p.unreadable ? { unreadable: p.unreadable } : {}),
            }));
            return { format: 'payload', files, skipped: [], problems: [] };
        }
    }
}
async function openSparseImage(src) {
    return (await openSparse(src)).image;
}
/**
 * A boot, init_boot, recovery or vendor_boot image: its non-ramdisk sections as files (scanned as
 * raw bytes), and the files of each ramdisk (gzip, LZ4 legacy or stored cpio) as
 * `<section>/<path>`. A ramdisk that cannot be decompressed or parsed is a problem; the other
 * sections are still listed.
 */
async function openBootContainer(src, opts) {
    const img = await openBootImage(src);
    const files = [];
    const skipped = [];
    const problems = [];
    for (const s of img.sections) {
        if (!s.ramdisk) {
            files.push({ name: s.name, size: s.size, open: async () => new SubSource(src, s.offset, s.size) });
            continue;
        }
        try {
            if (s.size > opts.maxEntryBytes)
                throw new FormatError('ramdisk', `ramdisk of ${s.size} bytes is larger than the ${opts.maxEntryBytes}-byte cap`, s.offset);
            const raw = Buffer.from(await src.read(s.offset, s.size));
            const { bytes } = decompressRamdisk(raw, opts.maxEntryBytes, (n) => opts.budget.spend(n));
            for (const e of parseCpio(bytes)) {
                const name = `${s.name}/${e.name}`;
                if (e.kind === 'file')
                    files.push({ name, size: e.data.length, open: async () => new BufferSource(e.data) });
                else if (e.kind === 'symlink')
                    skipped.push({ name, reason: `symlink to ${e.target ?? '?'} inside the ramdisk; not followed` });
                else if (e.kind !== 'dir')
                    skipped.push({ name, reason: `not a regular file (${e.kind})` });
            }
        }
        catch (e) {
            if (!(e instanceof FormatError))
                throw e;
            problems.push({ name: s.name, reason: `${e.format}: ${e.reason}`, ...(e.offset !== undefined ? { offset: e.offset } : {}) });
        }
    }
    files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { format: img.format, files, skipped, problems };
}

/**
 * The facts extracted from a build: what the extractors produce and what evaluation reads.
 * Nothing here performs I/O; these are plain data shapes shared across the pipeline.
 */
/** Where an endpoint string was found, innermost first: `dex` strings, `arsc` pools, ... */
const SOURCES = ['dex', 'arsc', 'xml', 'asset', 'native', 'prop', 'file'];
const ENDPOINT_KINDS = ['host', 'ip', 'sms'];
const EVIDENCE_CAP = 20;

/**
 * Aggregates endpoint hits for one input: one EndpointFact per (kind, value), with the
 * artifacts that embed it and capped, sorted evidence. Deterministic whatever the order in
 * which artifacts were scanned.
 */
function compareEvidence(a, b) {
    return cmp$1(a.path, b.path) || cmp$1(a.entry ?? '', b.entry ?? '') || (a.offset ?? -1) - (b.offset ?? -1) || cmp$1(a.source, b.source);
}
function cmp$1(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** (kind, value) order, the order of an input's endpoint facts and of its cap. */
function compareKeys(a, b) {
    return cmp$1(a.kind, b.kind) || cmp$1(a.value, b.value);
}
/** The KnownEndpoint of a scan's catalogued and policy-named hosts and SMS numbers. */
function knownEndpoint(known) {
    return (kind, value) => (kind === 'sms' ? known.sms.has(value) : kind === 'ip' ? (known.ips?.has(value) ?? false) : known.hosts.has(value));
}
class EndpointCollector {
    known;
    caps;
    /** kind -> value -> aggregate (no key string made per hit) */
    aggs = new Map();
    artifact = '';
    /** The last evidence path seen and its artifact: hits come in runs from one file. */
    lastPath = '';
    lastArtifact = '';
    /** Distinct endpoints each artifact added (known ones not counted), and those past the cap. */
    perArtifact = new Map();
    floodedArtifacts = new Set();
    /** Aggregates of endpoints that are not known, and whether some were dropped (prune). */
    unknown = 0;
    pruned = false;
    /** The last path artifactAt was asked about that add has not seen, and its artifact. */
    memoPath = '';
    memoArtifact = '';
    constructor(known = () => false, 
    /** Limits.maxArtifactEndpoints and maxInputEndpoints. */
    caps = { perArtifact: Infinity, perInput: Infinity }) {
        this.known = known;
        this.caps = caps;
    }
    /** Hits added from now on belong to this top-level artifact (APK or file path). */
    setArtifact(path) {
        this.artifact = path;
    }
    add(hit) {
        let ofKind = this.aggs.get(hit.kind);
        if (!ofKind) {
            ofKind = new Map();
            this.aggs.set(hit.kind, ofKind);
        }
        // The artifact follows from the evidence path (an APK inside an image is its own artifact);
        // setArtifact is the fallback for hits without a path.
        const path = hit.evidence.path;
        if (path && path !== this.lastPath) {
            this.lastPath = path;
            const next = artifactOf(path);
            // Between artifacts (each one's hits come in one run), the worker's endpoints are kept
            // within one and a half times the input's cap (prune).
            if (next !== this.lastArtifact && this.unknown > 1.5 * this.caps.perInput)
                this.prune();
            this.lastArtifact = next;
        }
        const artifact = path ? this.lastArtifact : this.artifact;
        let agg = ofKind.get(hit.value);
        if (!agg) {
            const known = this.known(hit.kind, hit.value);
            if (!known && !this.admit(artifact))
                return;
            if (!known)
                this.unknown++;
            agg = {
                kind: hit.kind,
                value: hit.value,
                ports: undefined,
                schemes: undefined,
                cleartext: false,
                ignored: !!hit.ignored,
                artifact,
                evidence: [hit.evidence],
                count: 1,
                more: undefined,
            };
            ofKind.set(hit.value, agg);
        }
        else if (agg.artifact === artifact) {
            agg.count++;
            if (agg.evidence.length < EVIDENCE_CAP)
                agg.evidence.push(hit.evidence);
        }
        else {
            const per = agg.more?.get(artifact);
            if (!per) {
                if (!this.known(hit.kind, hit.value) && !this.admit(artifact))
                    return;
                (agg.more ??= new Map()).set(artifact, { evidence: [hit.evidence], count: 1 });
            }
            else {
                per.count++;
                if (per.evidence.length < EVIDENCE_CAP)
                    per.evidence.push(hit.evidence);
            }
        }
        if (hit.port !== undefined)
            (agg.ports ??= new Set()).add(hit.port);
        if (hit.scheme)
            (agg.schemes ??= new Set()).add(hit.scheme);
        if (hit.cleartext)
            agg.cleartext = true;
    }
    /**
     * Whether the artifact of `path` is past its cap (EndpointSink.saturated). Until some artifact
     * is, this is one comparison: the scanner asks it for every bare-name candidate.
     */
    saturated(path) {
        if (this.floodedArtifacts.size === 0)
            return false;
        return this.floodedArtifacts.has(this.artifactAt(path));
    }
    /**
     * Whether add keeps a hit of (kind, value) in `path` once its artifact is saturated: a known
     * endpoint, or one the artifact already lists. Past the cap admit refuses every other one
     * (an artifact joins floodedArtifacts only at a refusal, and its count never falls), so the
     * scanner skipping them changes nothing. A prune that add has not made yet (it waits for the
     * artifact's next hit) only leaves more listed here, never fewer.
     */
    lists(kind, value, path) {
        if (this.known(kind, value))
            return true;
        const agg = this.aggs.get(kind)?.get(value);
        if (!agg)
            return false;
        const artifact = this.artifactAt(path);
        return agg.artifact === artifact || agg.more?.has(artifact) === true;
    }
    /** The artifact of an evidence path, as add reckons it. */
    artifactAt(path) {
        if (!path)
            return this.artifact;
        if (path === this.lastPath)
            return this.lastArtifact;
        if (path !== this.memoPath) {
            this.memoPath = path;
            this.memoArtifact = artifactOf(path);
        }
        return this.memoArtifact;
    }
    /**
     * Counts a new endpoint of `artifact`; false (the hit is dropped) once the artifact has added
     * the cap. An artifact's hits are scanned in one order on one thread, so which
     * endpoints it keeps does not depend on the workers.
     */
    admit(artifact) {
        const n = this.perArtifact.get(artifact) ?? 0;
        if (n >= this.caps.perArtifact) {
            this.floodedArtifacts.add(artifact);
            return false;
        }
        this.perArtifact.set(artifact, n + 1);
        return true;
    }
    /**
     * Drops the endpoints that are not known past the input's cap in (kind, value)
     * order. Those are the input's first ones wherever they were found, so every endpoint the
     * input keeps (capEndpoints in partial.ts) keeps all its evidence from this worker.
     */
    prune() {
        const unknown = this.unknownInOrder();
        for (const a of unknown.slice(this.caps.perInput))
            this.aggs.get(a.kind).delete(a.value);
        this.unknown = Math.min(this.unknown, this.caps.perInput);
        this.pruned = true;
    }
    /**
     * The key past which no unknown endpoint can be among the input's first `perInput`
     * (capEndpoints in partial.ts): the perInput-th smallest unknown (kind, value) this collector
     * holds, once it holds that many (undefined before). The input holds at least these, so the
     * merge drops any other part's unknown endpoint above it: a worker need not send one
     * (keepBelow, pool.ts).
     */
    bound() {
        if (this.unknown < this.caps.perInput)
            return undefined;
        const at = this.unknownInOrder()[this.caps.perInput - 1];
        return at && { kind: at.kind, value: at.value };
    }
    /** The aggregates of endpoints that are not known, in (kind, value) order. */
    unknownInOrder() {
        const unknown = [];
        for (const m of this.aggs.values())
            for (const a of m.values())
                if (!this.known(a.kind, a.value))
                    unknown.push(a);
        return unknown.sort(compareKeys);
    }
    /** Artifacts past their cap of endpoints (sorted), and whether prune dropped any. */
    floods() {
        return { artifacts: [...this.floodedArtifacts].sort(), pruned: this.pruned };
    }
    finish() {
        // What a worker hands back is within the input's cap too, so the merge holds no more.
        if (this.unknown > this.caps.perInput)
            this.prune();
        const out = [];
        for (const agg of [...this.aggs.values()].flatMap((m) => [...m.values()])) {
            const all = [...agg.evidence];
            let count = agg.count;
            const artifacts = [agg.artifact];
            if (agg.more) {
                for (const [artifact, per] of agg.more) {
                    artifacts.push(artifact);
                    all.push(...per.evidence);
                    count += per.count;
                }
            }
            all.sort(compareEvidence);
            const f = {
                kind: agg.kind,
                value: agg.value,
                artifacts: artifacts.sort(),
                evidence: all.slice(0, EVIDENCE_CAP),
                evidenceCount: count,
            };
            if (agg.ports?.size)
                f.ports = [...agg.ports].sort((a, b) => a - b);
            if (agg.schemes?.size)
                f.schemes = [...agg.schemes].sort();
            if (agg.cleartext)
                f.cleartext = true;
            if (agg.ignored)
                f.ignored = true;
            out.push(f);
        }
        out.sort(compareKeys);
        return out;
    }
}
const APK_LIKE = /\.(apk|apex|capex|jar)$/i;
/**
 * The artifact an evidence or package path belongs to: the outermost APK-like archive on the
 * path (`X.apk!/lib/a.so` and `X.apk!/inner.apk` -> `X.apk`), else the whole path. Images and
 * packages are transparent: `system.img!/priv-app/A/A.apk!/classes.dex` belongs to
 * `system.img!/priv-app/A/A.apk`, `target-files.zip!/SYSTEM/etc/a.json` to itself, so an APK
 * inside an image is its own artifact exactly as the same APK in a folder is. For paths with no
 * container this is the part before the first `!/`, as before.
 */
function artifactOf(path) {
    const segs = path.split('!/');
    for (let i = 0; i < segs.length - 1; i++) {
        if (APK_LIKE.test(segs[i]))
            return segs.slice(0, i + 1).join('!/');
    }
    return path;
}

/**
 * How much extracting a file costs, in nanoseconds of one core on the benchmark build (session
 * 15): what progress weighs files by, in the walk (pool.ts) and inside a container (artifact.ts),
 * to estimate the time left. Bytes alone mislead, because workers take the largest files first,
 * and on that build those are native libraries, read and scanned at ~1 ms/MB, while APKs cost ~2
 * ms per MB and ~3.3 ms each (opening the ZIP, the manifest and resources, deflated DEX and
 * assets): 877 MB of libraries took 0.88 s, the 640 APKs (1,066 MB) 4.3 s, the smallest 320 (57
 * MB) 1.17 s, and a plain file costs ~0.07 ms to open (/usr/share, 50,130 files). An image (ext4,
 * EROFS, sparse) is a mix of those, ~3 ms/MB. By bytes, the ETA said 0-1 s for three quarters of
 * that 4-second scan.
 */
function workOf(file) {
    const dot = file.relPath.lastIndexOf('.');
    const ext = dot > file.relPath.lastIndexOf('/') ? file.relPath.slice(dot + 1).toLowerCase() : '';
    if (ARCHIVE_EXTENSIONS.has(ext))
        return 2 * file.size + 3_300_000;
    if (ext === 'img')
        return 3 * file.size;
    return file.size + 70_000;
}
const ARCHIVE_EXTENSIONS = new Set(['apk', 'apex', 'capex', 'jar', 'zip']);

/**
 * One artifact in, facts out. Recognises the format by content (ZIP, DEX, ELF, property files
 * by location), extracts packages, properties and endpoints, and turns a FormatError into an
 * `unreadable` fact: nothing thrown by a parser escapes this boundary.
 */
const ZIP_NAME = /\.(apk|apex|capex|jar|zip)$/i;
/** An end-of-central-directory record: 22 bytes, then a comment of up to 65,535. */
const EOCD_SIGNATURE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const EOCD_REACH = 22 + 0xffff;
/**
 * True when a file named as a ZIP that does not start like one still ends like one (its
 * end-of-central-directory signature in its last 64 KiB): a ZIP with bytes before it, which is
 * read as a ZIP (and fails closed if it cannot be). A file named `.apk` with neither (an HTML
 * error page a download saved, an empty file) is in no recognised format: scanned raw.
 */
async function endsLikeZip(src) {
    if (src.size < 22)
        return false;
    const from = Math.max(0, src.size - EOCD_REACH);
    return (await src.read(from, src.size - from)).includes(EOCD_SIGNATURE);
}
const PROP_NAME = /^(build\.prop|default\.prop|prop\.default|.*\.prop)$/;
const AXML_MAGIC = 0x00080003;
/** The point `done` of `total` units through `span`: never past its end, and at its end exactly when done. */
function within(span, done, total) {
    return done >= total ? span.to : Math.min(span.to, span.from + ((span.to - span.from) * done) / total);
}
/** The inflation budget of a file of the walk of `size` bytes. */
function fileInflationBudget(limits, size) {
    return Math.min(limits.maxFileInflatedBytes, limits.maxInflationRatio * size + INFLATION_SLACK);
}
/** What any file may inflate besides `maxInflationRatio` times its size. */
const INFLATION_SLACK = 1 << 20;
/**
 * Charges `n` decompressed bytes to the file's budget: false (nothing charged) when they do not
 * fit. A slice charges the counter it shares with the other slices first and only then checks
 * it, so when no slice is refused the slices' charges together (each slice walking the shared
 * containers, and the files it owns) fit the budget, and so do the fewer charges of the whole
 * file on one thread: then nothing was refused either way. A refused slice marks the counter,
 * and the pool extracts the file again whole (pool.ts): the same refusals as on one thread.
 */
function charge(ctx, n) {
    const inf = (ctx.inflation ??= { max: ctx.limits.maxFileInflatedBytes, spent: 0 });
    if (inf.shared) {
        const b = BigInt(n);
        if (Atomics.add(inf.shared, 0, b) + b > BigInt(inf.max)) {
            Atomics.store(inf.shared, 1, 1n);
            return false;
        }
    }
    else if (inf.spent + n > inf.max) {
        return false;
    }
    inf.spent += n;
    ctx.stats.inflatedBytes += n;
    return true;
}
function budgetSpent(ctx) {
    const max = ctx.inflation?.max ?? ctx.limits.maxFileInflatedBytes;
    const why = max < ctx.limits.maxFileInflatedBytes ? ` (${ctx.limits.maxInflationRatio} times its size and 1 MiB)` : '';
    return `the file's ${max}-byte inflation budget${why} is spent`;
}
/**
 * True when every slice opens `src` itself (a container the slices share): an image, or a
 * target-files or OTA zip (an APK never is). The pool asks it of the files of a walk, slices of
 * the files inside a shared container.
 */
async function isSharedContainer(src, name) {
    const head = src.size >= 4 ? await src.read(0, Math.min(8, src.size)) : Buffer.alloc(0);
    if ((await sniffContainer(src, head)) !== undefined)
        return true;
    return head.length >= 4 && head.readUInt32LE(0) === 0x04034b50 && !APK_NAME.test(basename(name)) && classifyZip(await openZip(src)) !== 'zip';
}
/** False in slices other than 0 while they walk a shared container (its own facts are slice 0's). */
function records(ctx) {
    return !ctx.slice || ctx.slice.index === 0;
}
function unreadableFrom(path, err, fallbackFormat) {
    if (err instanceof FormatError) {
        const u = { path: err.path ?? path, format: err.format, reason: err.reason };
        if (err.offset !== undefined)
            u.offset = err.offset;
        return u;
    }
    const code = err?.code;
    return { path, format: fallbackFormat, reason: code ? `cannot read: ${code}` : `internal error: ${err?.message ?? String(err)}` };
}
/** Scans one file of the walk. Never throws for bad input. */
async function extractFile(file, ctx) {
    const item = {
        relPath: file.relPath,
        partition: file.partition,
        partitionPath: file.partitionPath,
        size: file.size,
        depth: 0,
        imagePartition: file.partition ? undefined : imagePartitionOf(file.relPath),
        ...(file.folders ? { folders: file.folders } : {}),
    };
    const budget = ctx.slice?.budget;
    ctx.inflation = { max: fileInflationBudget(ctx.limits, file.size), spent: 0, ...(budget ? { shared: new BigInt64Array(budget) } : {}) };
    ctx.span = ctx.advance ? { from: 0, to: 1 } : undefined;
    await extractSource(item, () => FileSource.open(file.abs), ctx);
    ctx.advance?.(1);
}
/**
 * Scans one file given how to open it: the same logic for a file in a folder and a file inside
 * a container. Never throws for bad input.
 */
async function extractSource(item, open, ctx) {
    const record = records(ctx);
    if (record) {
        ctx.stats.files++;
        ctx.stats.bytes += item.size;
    }
    ctx.endpoints.setArtifact(artifactOf(item.relPath));
    if (item.partitionPath !== item.relPath)
        ctx.placed?.set(item.relPath, item.partitionPath);
    let src;
    try {
        src = await open();
    }
    catch (e) {
        if (record)
            ctx.unreadable.push(unreadableFrom(item.relPath, e, 'file'));
        return;
    }
    try {
        await dispatchSource(item, src, ctx);
    }
    catch (e) {
        if (record)
            ctx.unreadable.push(unreadableFrom(item.relPath, e, 'file'));
    }
    finally {
        await src.close();
    }
}
/** Extracts a file this slice owns: whole, with every fact recorded, whatever it holds. */
async function extractOwned(item, open, ctx) {
    const slice = ctx.slice;
    ctx.slice = undefined;
    try {
        await extractSource(item, open, ctx);
    }
    finally {
        ctx.slice = slice;
    }
}
/** Recognises the file by content and extracts it; containers recurse into their files. */
async function dispatchSource(item, src, ctx) {
    const head = src.size >= 4 ? await src.read(0, Math.min(8, src.size)) : Buffer.alloc(0);
    const name = basename(item.relPath);
    const zipMagic = head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;
    const emptyZip = head.length >= 4 && head.readUInt32LE(0) === 0x06054b50;
    if (zipMagic || emptyZip || (ZIP_NAME.test(name) && (await endsLikeZip(src)))) {
        // A .zip (or a ZIP with no known extension) may be a target-files or an OTA package.
        if (zipMagic && !APK_NAME.test(name) && item.depth < ctx.limits.maxContainerDepth) {
            let zip;
            try {
                zip = await openZip(src);
            }
            catch {
                zip = undefined; // extractZip reports why
            }
            const kind = zip ? classifyZip(zip) : 'zip';
            if (zip && kind !== 'zip') {
                await extractContainer(item, zipContainer(src, zip, kind, containerOptions(ctx)), ctx, false);
                return;
            }
        }
        // Not a container the slices share (an APK, a plain zip): one slice extracts it.
        if (!records(ctx))
            return;
        await extractZip(src, item.relPath, item, ctx, 0);
        return;
    }
    const kind = await sniffContainer(src, head);
    if (kind) {
        await extractImage(item, src, kind, ctx);
        return;
    }
    // A shared file that turned out to hold no container (a sparse image of raw data): slice 0's.
    if (!records(ctx))
        return;
    if (isVdex(head)) {
        await extractVdex(src, item, ctx);
    }
    else if (mayBeCompressed(head) && (await scanCompressedFile(src, item, ctx))) ;
    else if (PROP_NAME.test(name) || skuOfInitRc(name)) {
        await extractTextProps(src, item, name, ctx);
    }
    else if (head.length >= 8 && isDex(head)) {
        const buf = await readWhole(src, item.relPath, ctx);
        // Not named as code ART loads: all of its bytes too (a DEX header must not hide a file).
        if (buf && !/\.(dex|odex)$/i.test(name))
            ctx.scanner.scan(buf, 0, buf.length, { path: item.relPath, source: 'file' }, ctx.endpoints);
        if (buf)
            scanDex(buf, { path: item.relPath, source: 'dex' }, ctx);
    }
    else {
        const isElf = head.length >= 4 && head.readUInt32BE(0) === 0x7f454c46;
        await scanRawSource(src, { path: item.relPath, source: isElf ? 'native' : 'file' }, ctx, !isElf);
    }
}
const APK_NAME = /\.(apk|apex|capex|jar)$/i;
/** The code ART loads from an APK or JAR: classes.dex, classes2.dex, ... at its root. */
const ROOT_DEX = /^classes\d*\.dex$/;
/** Decompressed bytes count against the file's inflation budget (`charge`). */
function budgetOf(ctx) {
    return {
        spend(n) {
            if (!charge(ctx, n))
                throw new FormatError('limits', `${budgetSpent(ctx)}; not decompressed`);
        },
    };
}
function containerOptions(ctx) {
    return {
        budget: budgetOf(ctx),
        maxEntryBytes: ctx.limits.maxEntryBytes,
        memoryBytes: ctx.limits.spillThresholdBytes,
        maxSpillBytes: ctx.limits.maxSpillBytes,
    };
}
/** The v1 signers of a JAR: the names (upper case) of its `META-INF/<name>.SF` files. */
function signatureFilesOf(zip) {
    const out = new Set();
    for (const e of zip.entries) {
        const m = /^META-INF\/([^/]+)\.SF$/i.exec(e.name);
        if (m)
            out.add(m[1].toUpperCase());
    }
    return out;
}
/**
 * JAR signature material, which is parsed for signers and not scanned (its certificates name
 * CAs' hosts): META-INF/MANIFEST.MF, and a signer's .SF file and its signature block (.RSA, .DSA,
 * .EC of the same name). Any other file in META-INF, whatever its extension, is scanned: an app
 * can read it like any entry.
 */
function isSignatureMaterial(name, signers) {
    if (/^META-INF\/MANIFEST\.MF$/i.test(name))
        return true;
    const m = /^META-INF\/([^/]+)\.(SF|RSA|DSA|EC)$/i.exec(name);
    return m !== null && signers.has(m[1].toUpperCase());
}
/** A chunk of type 0 or RES_XML_TYPE whose first child, right after an 8-byte header, is a string pool (0x0001, header 0x1C). */
function looksLikeAxml(buf) {
    return buf.length >= 16 && (buf.readUInt16LE(0) === 0x0003 || buf.readUInt16LE(0) === 0x0000) && buf.readUInt16LE(2) === 8 && buf.readUInt16LE(8) === 0x0001 && buf.readUInt16LE(10) === 0x001c;
}
/** Bytes after a compiled XML document's declared end (its parser ignores them; an app reading the entry raw does not), scanned raw. */
function scanAfterChunk(buf, base, ctx) {
    const end = buf.readUInt32LE(4);
    if (end >= 8 && end < buf.length)
        ctx.scanner.scan(buf, end, buf.length, { ...base, source: 'file' }, ctx.endpoints);
}
/** Pairs of the APK Signing Block that hold signatures and certificates (parsed for signers, not scanned): v2, v3, v3.1 and the source stamps. */
const SIGNATURE_PAIRS = new Set([APK_SIGNATURE_SCHEME_V2_ID, APK_SIGNATURE_SCHEME_V3_ID, APK_SIGNATURE_SCHEME_V31_ID, SOURCE_STAMP_V1_ID, SOURCE_STAMP_V2_ID]);
/**
 * Bytes of an archive that no entry holds but a reader still hands to an app, scanned raw at
 * their offsets in the archive: its comment and what follows it (ZipFile.getComment), and the
 * APK Signing Block's pairs other than signatures (channel ids, which tools such as Walle and
 * VasDolly write there for apps to read). A block that does not parse is reported with the
 * package's signers (readApkSigners).
 */
async function scanOutsideEntries(src, zip, path, ctx) {
    const base = { path, source: 'file' };
    try {
        const from = zip.eocdOffset + 22;
        const len = Math.min(src.size - from, ctx.limits.maxEntryBytes);
        if (len > 0) {
            const comment = await src.read(from, len);
            ctx.scanner.scan(comment, 0, comment.length, base, ctx.endpoints, (p) => from + p);
        }
        if (zip.signingBlock && zip.signingBlock.size <= ctx.limits.maxEntryBytes) {
            const { offset, size } = zip.signingBlock;
            const block = await src.read(offset, size);
            let pairs = [];
            try {
                pairs = signingBlockPairs(block);
            }
            catch {
                // malformed: the package's signer warnings say so
            }
            for (const pair of pairs) {
                if (SIGNATURE_PAIRS.has(pair.id))
                    continue;
                const at = offset + (pair.value.byteOffset - block.byteOffset);
                ctx.scanner.scan(pair.value, 0, pair.value.length, base, ctx.endpoints, (p) => at + p);
            }
        }
    }
    catch (e) {
        ctx.unreadable.push(unreadableFrom(path, e, 'zip'));
    }
}
/** The bytes of a stored entry's data past its declared size, scanned raw (offsets from its data's start). */
async function scanStoredTail(src, entry, base, path, ctx) {
    try {
        const { offset } = await entryDataOffset(src, entry);
        const from = offset + entry.uncompressedSize;
        const len = Math.min(entry.compressedSize - entry.uncompressedSize, ctx.limits.maxEntryBytes, src.size - from);
        if (len <= 0)
            return;
        const tail = await src.read(from, len);
        ctx.scanner.scan(tail, 0, tail.length, base, ctx.endpoints, (p) => entry.uncompressedSize + p);
    }
    catch (e) {
        ctx.unreadable.push(unreadableFrom(`${path}!/${entry.name}`, e, 'entry'));
    }
}
/** An image (sparse, ext4, EROFS, super, payload): its files are scanned like a folder's. */
async function extractImage(item, src, kind, ctx) {
    if (item.depth >= ctx.limits.maxContainerDepth) {
        if (records(ctx))
            ctx.unreadable.push({ path: item.relPath, format: kind, reason: `nested deeper than ${ctx.limits.maxContainerDepth} containers; not opened` });
        return;
    }
    if (kind === 'sparse') {
        // The raw image the sparse file describes stands in for it, under the same path.
        const raw = await openSparseImage(src);
        await dispatchSource({ ...item, depth: item.depth + 1 }, raw, ctx);
        return;
    }
    const container = await openContainer(kind, src, { ...containerOptions(ctx), ...(kind === 'super' && item.folders ? { folders: item.folders } : {}) });
    await extractContainer(item, container, ctx, kind === 'ext4' || kind === 'erofs');
}
/** Scans every file of an opened container, with paths joined by `!/` and partitions normalised. */
async function extractContainer(item, c, ctx, filesystem) {
    const record = records(ctx);
    // Files of a filesystem image belong to the partition the image is of (by name or label).
    const base = filesystem ? (item.imagePartition ?? c.labelPartition) : undefined;
    /** Where a file (or a part) of this container is on the device. */
    const partOf = (name, partitionRelPath) => {
        if (partitionRelPath)
            return partitionOf(partitionRelPath);
        if (base)
            return partitionOf(name === '.' ? base : `${base}/${name}`);
        return { partition: item.partition, partitionPath: `${item.partitionPath}!/${name}` };
    };
    if (record) {
        for (const s of c.skipped)
            (ctx.skipped ??= []).push({ path: `${item.relPath}!/${s.name}`, reason: s.reason });
        for (const p of c.problems) {
            // Placed here, not through ctx.placed: the slice recording it need not own a file there.
            const path = p.name ? `${item.relPath}!/${p.name}` : item.relPath;
            const partitionPath = p.name ? partOf(p.name, p.partitionRelPath).partitionPath : item.partitionPath;
            const u = { path, ...(partitionPath !== path ? { partitionPath } : {}), format: c.format, reason: p.reason };
            if (p.offset !== undefined)
                u.offset = p.offset;
            ctx.unreadable.push(u);
        }
    }
    const deal = ctx.slice ? await dealFiles(c, ctx.slice) : undefined;
    const mine = (i) => {
        const owner = deal?.[i];
        return owner === undefined || owner === SHARED || owner === ctx.slice.index;
    };
    // Progress through the container (ctx.advance): each file this slice extracts weighs what it
    // costs (workOf: an APK's byte more than a library's).
    const span = ctx.advance ? ctx.span : undefined;
    const weight = span ? c.files.map((f, i) => (mine(i) && !f.unreadable ? workOf({ relPath: f.name, size: f.size }) : 0)) : [];
    const total = weight.reduce((a, w) => a + w, 0);
    let done = 0;
    try {
        for (const [i, f] of c.files.entries()) {
            if (!mine(i))
                continue;
            const relPath = `${item.relPath}!/${f.name}`;
            const part = partOf(f.name, f.partitionRelPath);
            if (f.unreadable) {
                const placed = part.partitionPath !== relPath ? { partitionPath: part.partitionPath } : {};
                if (record)
                    ctx.unreadable.push({ path: relPath, ...placed, format: c.format, reason: f.unreadable });
                continue;
            }
            const child = { relPath, ...part, size: f.size, depth: item.depth + 1 };
            const imagePartition = f.imagePartition ?? (part.partition ? undefined : imagePartitionOf(f.name));
            if (imagePartition)
                child.imagePartition = imagePartition;
            if (span)
                ctx.span = { from: within(span, done, total), to: within(span, done + weight[i], total) };
            const owner = deal?.[i];
            if (owner === undefined || owner === SHARED)
                await extractSource(child, () => f.open(), ctx);
            else
                await extractOwned(child, () => f.open(), ctx);
            if (span) {
                done += weight[i];
                ctx.span = span;
                ctx.advance(within(span, done, total));
            }
            const paused = ctx.pause?.();
            if (paused)
                await paused;
        }
    }
    finally {
        ctx.span = span;
    }
}
const SHARED = -1;
/**
 * Which slice extracts each file of a container (SHARED: every slice walks it), the same in
 * every slice: it depends only on the container's listing and the bytes that identify images.
 * Reported-unreadable files are slice 0's (left undefined here: recorded by `records`).
 */
async function dealFiles(c, slice) {
    const owners = new Array(c.files.length);
    const dealt = [];
    for (const [i, f] of c.files.entries()) {
        if (f.unreadable)
            continue;
        if (f.view && f.size >= slice.minBytes && (await opensShared(f)))
            owners[i] = SHARED;
        else
            dealt.push(i);
    }
    // Largest first, each to the slice with the fewest bytes so far (ties: the lowest index).
    dealt.sort((a, b) => c.files[b].size - c.files[a].size || a - b);
    const load = new Array(slice.count).fill(0);
    for (const i of dealt) {
        let best = 0;
        for (let k = 1; k < slice.count; k++)
            if (load[k] < load[best])
                best = k;
        owners[i] = best;
        load[best] += c.files[i].size;
    }
    return owners;
}
/** isSharedContainer of a container's file. */
async function opensShared(f) {
    let src;
    try {
        src = await f.open();
        return await isSharedContainer(src, f.name);
    }
    catch {
        return false; // its owner reports why it cannot be read
    }
    finally {
        await src?.close();
    }
}
/** vdex: the DEX files it embeds are scanned as DEX; compact DEX falls back to a raw scan. */
async function extractVdex(src, item, ctx) {
    const buf = await readWhole(src, item.relPath, ctx);
    if (!buf)
        return;
    const info = readVdex(buf);
    if (info.compactDex || info.dexFiles.length === 0) {
        await scanRawSource(src, { path: item.relPath, source: 'file' }, ctx);
        return;
    }
    info.dexFiles.forEach(([off, size], i) => {
        scanDex(buf.subarray(off, off + size), { path: item.relPath, entry: i === 0 ? 'classes.dex' : `classes${i + 1}.dex`, source: 'dex' }, ctx);
    });
}
/**
 * Inside a ZIP (an APEX's `apex_payload.img`, a compressed APEX's `original_apex`): an entry that
 * is an image or archive is opened by offset (STORED) or inflated/spilled (deflated) and scanned
 * as a container. Returns false when the entry is not one, to scan it as usual.
 */
async function extractContainerEntry(src, entry, path, file, ctx) {
    if (!/\.img$/i.test(entry.name) && entry.name !== 'original_apex')
        return false;
    const depth = (file.depth ?? 0) + 1;
    if (depth > ctx.limits.maxContainerDepth)
        return false;
    const relPath = `${path}!/${entry.name}`;
    let inner;
    try {
        inner = await openZipEntry(src, entry, containerOptions(ctx));
    }
    catch (e) {
        ctx.unreadable.push(unreadableFrom(relPath, e, 'zip'));
        return true;
    }
    let handed = false;
    try {
        const head = inner.size >= 4 ? await inner.read(0, Math.min(8, inner.size)) : Buffer.alloc(0);
        const isZip = head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;
        if (!isZip && !(await sniffContainer(inner, head)))
            return false;
        const item = { relPath, partition: file.partition, partitionPath: nestedPartitionPath(relPath, file), size: inner.size, depth };
        handed = true;
        await extractSource(item, async () => inner, ctx);
        return true;
    }
    catch (e) {
        ctx.unreadable.push(unreadableFrom(relPath, e, 'zip'));
        return true;
    }
    finally {
        if (!handed)
            await inner.close();
        ctx.endpoints.setArtifact(file.relPath);
    }
}
async function readWhole(src, path, ctx) {
    if (src.size > ctx.limits.maxEntryBytes) {
        ctx.unreadable.push({ path, format: 'file', reason: `larger than the ${ctx.limits.maxEntryBytes}-byte cap for parsed files; not parsed` });
        await scanRawSource(src, { path, source: 'file' }, ctx);
        return undefined;
    }
    return src.read(0, src.size);
}
async function extractTextProps(src, file, name, ctx) {
    const buf = await readWhole(src, file.relPath, ctx);
    if (!buf)
        return;
    const text = buf.toString('utf8');
    const sku = skuOfInitRc(name);
    if (sku) {
        ctx.skuFiles.push({ sku, path: file.relPath, props: parseInitRcSetprops(text, file.relPath) });
        ctx.scanner.scan(buf, 0, buf.length, { path: file.relPath, source: 'file' }, ctx.endpoints);
        return;
    }
    ctx.propFiles?.set(file.relPath, file.partitionPath);
    appendAll(ctx.props, parseBuildProp(text, file.relPath));
    ctx.scanner.scan(buf, 0, buf.length, { path: file.relPath, source: 'prop' }, ctx.endpoints);
}
/**
 * Raw byte scan in overlapping chunks, so a file of any size is scanned in bounded memory. Only
 * the ranges that can hold data are read: the gaps of a virtual image (sparse DONT_CARE, holes,
 * OTA ZERO operations) are zeros and are skipped.
 */
async function scanRawSource(src, base, ctx, mentions = false) {
    const chunk = ctx.limits.chunkBytes;
    // Longer than any token: hosts are at most 253 characters plus a scheme, and in UTF-16 text
    // each character is 2 bytes (a 253-character host's URL: 520 bytes).
    const context = 1024;
    const ranges = dataRanges(src);
    const whole = ranges.length === 1 && ranges[0][0] === 0 && ranges[0][1] === src.size;
    // Chunks are read into a buffer lent by the thread's pool (the one entries are inflated
    // into), not a new one each: a file of any size costs one buffer, reused. A source without
    // readInto (bytes already in memory) hands out views.
    const lease = src.readInto ? entryScratch.take(Math.min(src.size, chunk + 2 * context)) : undefined;
    const readAt = (pos, len) => (lease ? src.readInto(pos, len, lease) : src.read(pos, len));
    try {
        if (whole && src.size <= chunk + context) {
            const buf = await readAt(0, src.size);
            ctx.scanner.scan(buf, 0, buf.length, base, ctx.endpoints);
            if (mentions && src.size <= MENTION_MAX_FILE)
                recordMentions(buf, base, ctx);
            return;
        }
        // Progress (ctx.advance) by the bytes of data scanned.
        const span = ctx.advance ? ctx.span : undefined;
        const total = span ? ranges.reduce((a, [from, to]) => a + (to - from), 0) : 0;
        let done = 0;
        for (const [from, to] of ranges) {
            for (let pos = from; pos < to; pos += chunk) {
                const lo = Math.max(from, pos - context);
                const hi = Math.min(to, pos + chunk + context);
                const buf = await readAt(lo, hi - lo);
                const window = { from: pos - lo, to: Math.min(pos + chunk, to) - lo };
                ctx.scanner.scan(buf, 0, buf.length, base, ctx.endpoints, (p) => lo + p, window);
                if (span) {
                    done += window.to - window.from;
                    ctx.advance(within(span, done, total));
                }
                const paused = ctx.pause?.();
                if (paused)
                    await paused;
            }
        }
    }
    finally {
        if (lease)
            entryScratch.give(lease);
    }
}
/** Only small text-like files are searched for package mentions (configs, whitelists). */
const MENTION_MAX_FILE = 4 * 1024 * 1024;
/** Catalogued package ids named in a plain file (a CAF whitelist): mentions, never installs. */
function recordMentions(buf, base, ctx) {
    const search = mentionSearchOf(ctx.mentionPackages);
    // Each package's first occurrence standing as a whole name; pushed in the packages' order.
    const firstAt = new Array(search.names.length).fill(-1);
    for (const g of search.groups) {
        let left = g.members.length;
        for (let from = 0; left > 0;) {
            const i = buf.indexOf(g.prefix, from);
            if (i < 0)
                break;
            from = i + 1;
            const before = i > 0 ? buf[i - 1] : 0x20;
            if (isIdentByte(before))
                continue;
            for (const m of g.members) {
                if (firstAt[m] >= 0)
                    continue;
                const bytes = search.bytes[m];
                const end = i + bytes.length;
                if (end > buf.length)
                    continue;
                let k = g.prefix.length;
                while (k < bytes.length && buf[i + k] === bytes[k])
                    k++;
                if (k < bytes.length)
                    continue;
                const after = end < buf.length ? buf[end] : 0x20;
                if (isIdentByte(after))
                    continue;
                firstAt[m] = i;
                left--;
            }
        }
    }
    for (let m = 0; m < firstAt.length; m++) {
        if (firstAt[m] >= 0)
            ctx.mentions.push({ package: search.names[m], evidence: { path: base.path, source: base.source, offset: firstAt[m] } });
    }
}
const mentionSearches = new WeakMap();
function mentionSearchOf(packages) {
    let s = mentionSearches.get(packages);
    if (!s) {
        const names = [...packages];
        const bytes = names.map((n) => Buffer.from(n, 'latin1'));
        const byPrefix = new Map();
        names.forEach((n, m) => {
            const key = n.slice(0, 4);
            const members = byPrefix.get(key);
            if (members)
                members.push(m);
            else
                byPrefix.set(key, [m]);
        });
        s = { names, bytes, groups: [...byPrefix].map(([key, members]) => ({ prefix: Buffer.from(key, 'latin1'), members })) };
        mentionSearches.set(packages, s);
    }
    return s;
}
function isIdentByte(c) {
    return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2e;
}
/**
 * True when `buf` lies at the start of `lease` (the entry was inflated or read into its own lease),
 * false when it is a view of other bytes: a STORED entry of a ZIP held in memory is a view of the
 * enclosing entry's bytes.
 */
function isLeaseView(buf, lease) {
    return lease !== undefined && buf.buffer === lease.buffer && buf.byteOffset === lease.byteOffset && buf.length <= lease.length;
}
/** How far to inflate an entry that may be a DEX; `memo` keeps its string span for the scan. */
function wantDex(size, memo) {
    return (head) => dexBytesWanted(head, size, memo);
}
/**
 * `size`: the whole DEX's length when `buf` holds its first bytes only (dexBytesWanted).
 * `after`: 'discard' when nothing reads `buf` after the scan; `span`: wantDex's memo (scanDexStrings).
 */
function scanDex(buf, base, ctx, size = buf.length, after = 'restore', span) {
    scanDexStrings(buf, base, ctx.scanner, ctx.endpoints, { size, after, span });
}
function sourceOfEntry(name) {
    if (/^lib\/[^/]+\/[^/]+\.so$/.test(name) || name.endsWith('.so'))
        return 'native';
    if (name.startsWith('assets/') || name.startsWith('res/raw/'))
        return 'asset';
    return 'file';
}
/** Reads a ZIP (APK, JAR, APEX...) entry by entry. */
async function extractZip(src, path, file, ctx, depth) {
    let zip;
    try {
        zip = await openZip(src);
    }
    catch (e) {
        if (e instanceof FormatError)
            e.path = path;
        ctx.unreadable.push(unreadableFrom(path, e, 'zip'));
        return;
    }
    for (const dup of zip.duplicates) {
        if (dup === 'AndroidManifest.xml' || /^classes\d*\.dex$/.test(dup) || dup === 'resources.arsc') {
            ctx.unreadable.push({ path, format: 'zip', reason: `duplicate entry ${JSON.stringify(dup)}: a second copy can hide code from review` });
        }
    }
    // Janus (CVE-2017-13156): bytes before the first local header run as a DEX on unpatched
    // Android. They are scanned, and the APK fails closed.
    if (zip.prefixBytes > 0) {
        const head = await src.read(0, Math.min(zip.prefixBytes, ctx.limits.maxEntryBytes));
        const isJanusDex = head.length >= 8 && isDex(head);
        ctx.unreadable.push({
            path,
            format: 'zip',
            reason: `${zip.prefixBytes} bytes${isJanusDex ? ' of DEX' : ''} before the first local header (Janus, CVE-2017-13156): code hidden from ZIP readers`,
            offset: 0,
        });
        if (isJanusDex)
            scanDex(head, { path, source: 'dex' }, ctx);
        else
            ctx.scanner.scan(head, 0, head.length, { path, source: 'file' }, ctx.endpoints);
    }
    let manifest;
    const overlayValues = [];
    const signatureNames = signatureFilesOf(zip);
    for (const entry of zip.entries) {
        ctx.stats.entries++;
        const base = { path, entry: entry.name, source: 'file' };
        // A folder's entry, unless it holds data (a reader asked for it by name returns that).
        if (entry.name.endsWith('/') && entry.uncompressedSize === 0 && entry.compressedSize === 0)
            continue;
        if (isSignatureMaterial(entry.name, signatureNames))
            continue; // parsed for signers
        const over = zip.overlaps.get(entry.index);
        if (over !== undefined) {
            ctx.unreadable.push({ path: `${path}!/${entry.name}`, format: 'zip', reason: overlapReason(zip, over) });
            continue;
        }
        if (await extractContainerEntry(src, entry, path, file, ctx))
            continue; // an image or archive inside (APEX payload)
        // Charged as declared (the inflater stops there), before it is read; an entry past the cap
        // is refused by readEntry without inflating anything.
        if (entry.uncompressedSize <= ctx.limits.maxEntryBytes && !charge(ctx, entry.uncompressedSize)) {
            ctx.unreadable.push({ path: `${path}!/${entry.name}`, format: 'zip', reason: `${budgetSpent(ctx)}; entry not scanned` });
            continue;
        }
        // Entries are consumed before the next is read: a buffer lent by the thread's pool (nothing
        // keeps a view of it), given back after the entry, a ZIP inside it taking one of its own.
        // An entry past the cap is refused by readEntry, before any buffer is needed.
        const lease = entry.uncompressedSize <= ctx.limits.maxEntryBytes ? entryScratch.take(entry.uncompressedSize + 1) : undefined;
        try {
            let buf;
            const span = {};
            try {
                // Anything but the manifest and the resource table is scanned as DEX when it is one (by
                // name or by content): inflated only as far as its last string (dexBytesWanted).
                // Only a root classes*.dex: a DEX header anywhere else (an asset, a file named .bin)
                // is read whole, since what follows its strings is scanned too (extractEntry).
                const dexScanned = ROOT_DEX.test(entry.name);
                buf = await readEntry(src, entry, { maxBytes: ctx.limits.maxEntryBytes, out: lease, ...(dexScanned ? { want: wantDex(entry.uncompressedSize, span) } : {}) });
            }
            catch (e) {
                const reason = e instanceof EntryTooLargeError ? `${e.reason}; not scanned` : e instanceof FormatError ? e.reason : String(e);
                ctx.unreadable.push({ path: `${path}!/${entry.name}`, format: 'zip', reason });
                continue;
            }
            try {
                // Only a buffer of the entry's own (its lease) may be left changed by the DEX scan: a STORED
                // entry of a ZIP held in memory is a view of the enclosing entry's bytes, which other
                // (overlapping) entries and the signing block may still be read from.
                await extractEntry(entry, buf, base, path, file, ctx, depth, (m) => (manifest = m), overlayValues, span, isLeaseView(buf, lease) ? 'discard' : 'restore');
            }
            catch (e) {
                ctx.unreadable.push(unreadableFrom(`${path}!/${entry.name}`, e, 'entry'));
            }
        }
        finally {
            if (lease)
                entryScratch.give(lease);
        }
        // A stored entry whose data runs past its size: Android and this reader read its size,
        // java.util.zip.ZipFile its data's size (an app reading its own APK gets the rest too).
        if (entry.method !== 8 && entry.compressedSize > entry.uncompressedSize)
            await scanStoredTail(src, entry, base, path, ctx);
    }
    await scanOutsideEntries(src, zip, path, ctx);
    if (manifest) {
        if (overlayValues.length && manifest.overlay)
            manifest.resources = overlayValues;
        if (zip.duplicates.length)
            (manifest.warnings ??= []).push(`duplicate entries: ${zip.duplicates.join(', ')}`);
        if (zip.prefixBytes > 0)
            (manifest.warnings ??= []).push(`${zip.prefixBytes} bytes before the first local header (Janus)`);
        const signers = await readApkSigners(src, zip, { maxBytes: Math.min(ctx.limits.maxEntryBytes, 64 * 1024 * 1024) });
        manifest.signerSha256 = signerDigests(signers);
        if (signers.warnings.length)
            (manifest.warnings ??= []).push(...signers.warnings.slice(0, 5));
        ctx.packages.push(manifest);
    }
}
async function extractEntry(entry, buf, base, path, file, ctx, depth, setManifest, overlayValues, span, after = 'restore') {
    const name = entry.name;
    if (name === 'AndroidManifest.xml') {
        try {
            const doc = parseAxml(buf);
            const m = extractManifest(doc);
            scanPoolStrings(doc.strings, { ...base, source: 'xml' }, ctx.scanner, ctx.endpoints);
            const pkg = {
                path,
                partition: file.partition,
                partitionPath: nestedPartitionPath(path, file),
                package: m.package,
                permissions: m.permissions,
                bootCompleted: m.bootCompleted,
                signerSha256: [],
            };
            if (m.versionCode !== undefined)
                pkg.versionCode = m.versionCode;
            if (m.versionName !== undefined)
                pkg.versionName = m.versionName;
            if (m.sharedUserId !== undefined)
                pkg.sharedUserId = m.sharedUserId;
            if (m.overlay)
                pkg.overlay = m.overlay;
            const warnings = [...doc.warnings, ...m.warnings];
            if (warnings.length)
                pkg.warnings = warnings.slice(0, 20);
            setManifest(pkg);
        }
        catch (e) {
            if (e instanceof FormatError)
                e.path = `${path}!/${name}`;
            throw e;
        }
        return;
    }
    if (/^classes\d*\.dex$/.test(name)) {
        if (!isDex(buf))
            throw new FormatError('dex', `${name} is not a DEX file (bad magic)`, 0, `${path}!/${name}`);
        try {
            scanDex(buf, { ...base, source: 'dex' }, ctx, entry.uncompressedSize, after, span);
        }
        catch (e) {
            if (e instanceof FormatError)
                e.path = `${path}!/${name}`;
            throw e;
        }
        return;
    }
    if (name === 'resources.arsc') {
        try {
            const arsc = parseArsc(buf);
            scanPoolStrings(arsc.globalStrings, { ...base, source: 'arsc' }, ctx.scanner, ctx.endpoints);
            // Resource names too: getResourceEntryName() hands them to the app like any string.
            for (const p of arsc.packages)
                scanPoolStrings(p.keyPoolStrings, { ...base, source: 'arsc' }, ctx.scanner, ctx.endpoints);
            // Integers (TYPE_INT_DEC, TYPE_INT_HEX) that are listed SMS numbers.
            for (const p of arsc.packages)
                for (const v of p.values)
                    if (v.dataType === 0x10 || v.dataType === 0x11)
                        ctx.scanner.listedSmsNumber(v.data, { ...base, source: 'arsc' }, ctx.endpoints);
            for (const p of arsc.packages)
                for (const v of p.values)
                    if (!v.config)
                        overlayValues.push(v);
        }
        catch (e) {
            if (e instanceof FormatError)
                e.path = `${path}!/${name}`;
            throw e;
        }
        return;
    }
    if (name.endsWith('.xml') && buf.length >= 8 && buf.readUInt32LE(0) === AXML_MAGIC) {
        const doc = parseAxml(buf);
        // Its strings are what is scanned: without them nothing of it would be.
        if (doc.poolError !== undefined)
            throw new FormatError('axml', `its string pool cannot be read (${doc.poolError}), and its strings are all that is scanned`, undefined, `${path}!/${name}`);
        scanPoolStrings(doc.strings, { ...base, source: 'xml' }, ctx.scanner, ctx.endpoints);
        scanAfterChunk(buf, base, ctx);
        return;
    }
    // Compiled XML by its shape, whatever its name or top chunk type (Android's parser checks
    // neither: res/xml/profile.bin, a zeroed type): its UTF-16 strings are invisible to a raw scan.
    // What does not parse is scanned raw, as before.
    if (looksLikeAxml(buf)) {
        let doc;
        try {
            doc = parseAxml(buf);
        }
        catch {
            doc = undefined;
        }
        if (doc && doc.poolError === undefined && !doc.plainText) {
            scanPoolStrings(doc.strings, { ...base, source: 'xml' }, ctx.scanner, ctx.endpoints);
            scanAfterChunk(buf, base, ctx);
            return;
        }
    }
    // A ZIP whatever its name (`assets/plugin.dat`): an app opens any file as one (ZipFile,
    // DexClassLoader), and its deflated entries are invisible to a raw scan.
    const zipMagic = buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50;
    if (zipMagic) {
        if (depth + 1 < ctx.limits.maxDepth) {
            const nested = new BufferSource(buf);
            await extractZip(nested, `${path}!/${name}`, file, ctx, depth + 1);
            return;
        }
        ctx.unreadable.push({ path: `${path}!/${name}`, format: 'zip', reason: `nested more than ${ctx.limits.maxDepth} archives deep: scanned as raw bytes only` });
    }
    if (buf.length >= 8 && isDex(buf)) {
        // A DEX anywhere but the root is data an app loads or reads itself: a header claiming no
        // strings must not hide what follows it, so all of its bytes are scanned as well (first: the
        // DEX scan may leave the buffer changed).
        if (!ROOT_DEX.test(name))
            ctx.scanner.scan(buf, 0, buf.length, { ...base, source: sourceOfEntry(name) }, ctx.endpoints);
        scanDex(buf, { ...base, source: name.startsWith('assets/') ? 'asset' : 'dex' }, ctx, entry.uncompressedSize, after, span);
        return;
    }
    ctx.scanner.scan(buf, 0, buf.length, { ...base, source: sourceOfEntry(name) }, ctx.endpoints);
    if (mayBeCompressed(buf)) {
        const kind = compressionOf(buf);
        if (kind)
            await scanUnpacked(kind, buf, { ...base, source: sourceOfEntry(name) }, `${path}!/${name}`, file, ctx, depth);
    }
}
/**
 * A file of the walk or of a container that starts like a gzip, xz, bzip2, zstd or LZ4 file: when
 * it is one (compressionOf), its bytes and then what it holds are scanned, and true is returned; one
 * larger than the per-entry cap is scanned raw and is unreadable as compressed data. False when
 * it is none: the caller scans it as any other file.
 */
async function scanCompressedFile(src, item, ctx) {
    const small = src.size <= ctx.limits.maxEntryBytes;
    const head = await src.read(0, Math.min(18, src.size));
    // A file under the cap that starts with skippable frames is read whole and looked at as an
    // entry is (compressionOf walks them all); a larger one by reading their headers.
    const whole = small && isSkippableFrame(head) ? await src.read(0, src.size) : undefined;
    const kind = whole ? compressionOf(whole) : small ? compressionOf(head) : await compressionOfSource(src);
    if (!kind)
        return false;
    const base = { path: item.relPath, source: 'file' };
    if (!small) {
        await scanRawSource(src, base, ctx);
        ctx.unreadable.push({ path: item.relPath, format: kind, reason: `larger than the ${ctx.limits.maxEntryBytes}-byte cap for parsed files; its ${kind} data not scanned` });
        return true;
    }
    const buf = whole ?? (await src.read(0, src.size));
    ctx.scanner.scan(buf, 0, buf.length, base, ctx.endpoints);
    await scanUnpacked(kind, buf, base, item.relPath, item, ctx, 0);
    return true;
}
/**
 * compressionOf for a file over the per-entry cap (not read whole), from a few reads: its first
 * bytes after the skippable frames zstd and LZ4 may put first, however long those are. A file
 * still in skippable frames after 4096 of them is taken for zstd: it is over the cap, so it is
 * reported as compressed data not scanned, not scanned as plain data.
 */
async function compressionOfSource(src) {
    let at = 0;
    for (let frames = 0; at + 8 <= src.size; frames++) {
        const header = await src.read(at, 8);
        if (!isSkippableFrame(header))
            break;
        if (frames === 4096)
            return 'zstd';
        at += 8 + header.readUInt32LE(4);
    }
    if (at >= src.size)
        return undefined;
    const kind = compressionOf(await src.read(at, Math.min(18, src.size - at)));
    // After skippable frames only a zstd or LZ4 frame counts.
    return at > 0 && kind !== 'zstd' && kind !== 'lz4' ? undefined : kind;
}
/**
 * The text a gzip, xz, bzip2, zstd or LZ4 file holds (a config an app unpacks itself), scanned at
 * offsets in the decompressed bytes; unreadable (the gate fails closed) when it does not
 * decompress. Decompression stops at the per-entry cap or at the file's whole inflation budget,
 * whichever is less, so a small file cannot cost time out of proportion to its size (seek-bzip's
 * decoder is JavaScript, a byte at a time); what it gives is then charged to the budget.
 */
async function scanUnpacked(kind, buf, base, path, file, ctx, depth) {
    const entryCap = Math.max(1, ctx.limits.maxEntryBytes);
    // What the file may give at most (the cap, or its whole budget): fixed for the file, so that
    // what decoding concludes does not depend on what others spent from a budget the slices of a
    // shared image spend in any order. What is left of the budget is then checked by `charge`,
    // whose refusals those slices learn of.
    const cap = Math.min(entryCap, ctx.inflation?.max ?? ctx.limits.maxFileInflatedBytes);
    let out;
    try {
        out = await decompressCapped(kind, buf, cap, entryCap, cap);
    }
    catch (e) {
        if (e instanceof PastCap && e.what === 'output' && cap < entryCap) {
            // More than the file's whole budget: refused in any order.
            ctx.unreadable.push({ path, format: kind, reason: `${budgetSpent(ctx)}; its ${kind} data not scanned` });
        }
        else if (e instanceof PastCap && e.what === 'work') {
            ctx.unreadable.push({ path, format: kind, reason: `${kind} data that ${e.message}; not scanned` });
        }
        else if (e instanceof PastCap) {
            ctx.unreadable.push({ path, format: kind, reason: `${kind} data that ${e.message}, past the ${entryCap}-byte cap; not scanned` });
        }
        else {
            ctx.unreadable.push({ path, format: kind, reason: `${kind} data that does not decompress (${e instanceof FormatError ? e.reason : e.message}); not scanned` });
        }
        return;
    }
    if (!charge(ctx, out.length)) {
        ctx.unreadable.push({ path, format: kind, reason: `${budgetSpent(ctx)}; its ${kind} data not scanned` });
        return;
    }
    await scanDecompressed(out, base, path, file, ctx, depth);
}
/**
 * What a compressed file or entry holds, recognised by its content as a file of the walk is. An
 * APK or ZIP is extracted, under the compressed file's path: a compressed system APK
 * (`priv-app/Foo/Foo.apk.gz` beside `Foo-Stub`) is installed by PackageManagerService, which
 * decompresses it at boot, and a deflated DEX inside it is invisible to a raw scan. A DEX is
 * scanned as one (and raw: it is not code ART loads from an APK); a further layer of compression
 * (a gzip'd file inside an xz one) is opened in turn. Each layer counts against maxDepth as an
 * archive inside an archive does. Anything else is scanned raw.
 */
async function scanDecompressed(out, base, path, file, ctx, depth) {
    const zipMagic = out.length >= 4 && out.readUInt32LE(0) === 0x04034b50;
    const kind = !zipMagic && mayBeCompressed(out) ? compressionOf(out) : undefined;
    if ((zipMagic || kind) && depth + 1 >= ctx.limits.maxDepth) {
        ctx.unreadable.push({ path, format: kind ?? 'zip', reason: `nested more than ${ctx.limits.maxDepth} archives or compressions deep: scanned as raw bytes only` });
    }
    else if (zipMagic) {
        await extractZip(new BufferSource(out), path, file, ctx, depth + 1);
        return;
    }
    else if (kind) {
        ctx.scanner.scan(out, 0, out.length, base, ctx.endpoints);
        await scanUnpacked(kind, out, base, path, file, ctx, depth + 1);
        return;
    }
    else if (out.length >= 8 && isDex(out)) {
        ctx.scanner.scan(out, 0, out.length, base, ctx.endpoints);
        try {
            scanDex(out, { ...base, source: 'dex' }, ctx, out.length, 'discard');
        }
        catch (e) {
            ctx.unreadable.push(unreadableFrom(path, e, 'dex'));
        }
        return;
    }
    ctx.scanner.scan(out, 0, out.length, base, ctx.endpoints);
}
function nestedPartitionPath(path, file) {
    if (path === file.relPath)
        return file.partitionPath;
    return file.partitionPath + path.slice(file.relPath.length);
}

function getEnumValues(entries) {
    const numericValues = Object.values(entries).filter((v) => typeof v === "number");
    const values = Object.entries(entries)
        .filter(([k, _]) => numericValues.indexOf(+k) === -1)
        .map(([_, v]) => v);
    return values;
}
function joinValues(array, separator = "|") {
    return array.map((val) => stringifyPrimitive(val)).join(separator);
}
function jsonStringifyReplacer(_, value) {
    if (typeof value === "bigint")
        return value.toString();
    return value;
}
// the accessor lives on a shared prototype: an own accessor makes every box a dictionary-mode object (~360 B and a slow load per read against ~100 B and an inlined getter here)
class Cached {
    constructor(getter) {
        this._getter = getter;
        this._value = undefined;
    }
    get value() {
        const getter = this._getter;
        if (getter !== undefined) {
            this._value = getter();
            this._getter = undefined;
        }
        return this._value;
    }
}
function cached(getter) {
    return new Cached(getter);
}
function nullish(input) {
    return input === null || input === undefined;
}
function cleanRegex(source) {
    const start = source.startsWith("^") ? 1 : 0;
    const end = source.endsWith("$") ? source.length - 1 : source.length;
    return source.slice(start, end);
}
function floatSafeRemainder(val, step) {
    const ratio = val / step;
    const roundedRatio = Math.round(ratio);
    // `val` and `step` each round to a double before the division rounds again, so a true decimal multiple's quotient can sit up to 1.5 of these scaled epsilons from the integer. A 1x tolerance therefore rejected 2.03 as a multiple of 0.07; 4x covers the worst case with margin.
    const tolerance = 4 * Number.EPSILON * Math.max(Math.abs(ratio), 1);
    if (Math.abs(ratio - roundedRatio) < tolerance)
        return 0;
    return ratio - roundedRatio;
}
function assignProp(target, prop, value) {
    Object.defineProperty(target, prop, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
    });
}
/**
 * Whichever object a def's `shape` currently answers from: the one the caller passed until the first read, the frozen copy after it.
 *
 * Its keys and descriptors read without invoking anything, which is what lets a discriminated union check its discriminator, and the cycle walk read a shape, without resolving a getter that references the schema being constructed. A def that answers `shape` from an accessor of its own has none.
 */
function rawShape(def) {
    const desc = Object.getOwnPropertyDescriptor(def, "shape");
    return desc?.get ? desc.get.raw : desc?.value;
}
// where a builder reads its source's keys and descriptors, resolving only a shape a def answers for itself. A shape resolves by object spread, so only its enumerable keys are ever part of it.
function sourceShape(schema) {
    return rawShape(schema._zod.def) ?? schema._zod.def.shape;
}
// a key whose value is not settled yet, self-caching so every read after the first gets the same one
function deferProp(target, key, getter) {
    Object.defineProperty(target, key, {
        get() {
            const value = getter();
            assignProp(this, key, value);
            return value;
        },
        enumerable: true,
        configurable: true,
    });
}
// Writes a settled key. A plain assignment is much cheaper than `defineProperty` and produces the same descriptor, but it runs whatever setter already answers to the key — an accessor this shape deferred, or an inherited one, which `__proto__` has on every object and prototype pollution can add for any name.
function putProp(target, key, value) {
    if (key in target)
        assignProp(target, key, value);
    else
        target[key] = value;
}
/**
 * Copies `keys` of `source`'s shape onto `target`, each value passed through `wrap`.
 *
 * A key the source has resolved is copied through now, so the derived shape states it outright and nothing has to resolve it to learn what it holds. A key the source still defers stays deferred, and reads back through the source's own `shape`, so it resolves once and both shapes get that one schema.
 */
function mirrorShape(target, source, keys, wrap) {
    const raw = sourceShape(source);
    for (const key of keys) {
        const desc = Object.getOwnPropertyDescriptor(raw, key);
        if (!desc.enumerable)
            continue;
        if (desc.get) {
            deferProp(target, key, () => {
                const value = source._zod.def.shape[key];
                return wrap ? wrap(value, key) : value;
            });
        }
        else
            putProp(target, key, wrap ? wrap(desc.value, key) : desc.value);
    }
}
// same, for a plain shape a caller passed rather than a schema's
function mirrorProps(target, source) {
    for (const key of Reflect.ownKeys(source)) {
        const desc = Object.getOwnPropertyDescriptor(source, key);
        if (!desc.enumerable)
            continue;
        if (desc.get)
            deferProp(target, key, () => source[key]);
        else
            putProp(target, key, desc.value);
    }
}
function mergeDefs(...defs) {
    const mergedDescriptors = {};
    for (const def of defs) {
        const descriptors = Object.getOwnPropertyDescriptors(def);
        Object.assign(mergedDescriptors, descriptors);
    }
    return Object.defineProperties({}, mergedDescriptors);
}
function esc(str) {
    return JSON.stringify(str);
}
function slugify(input) {
    return input
        .toLowerCase()
        .trim()
        .replace(/[^\w\s-]/g, "")
        .replace(/[\s_-]+/g, "-")
        .replace(/^-+|-+$/g, "");
}
const captureStackTrace = ("captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => { });
function isObject(data) {
    return typeof data === "object" && data !== null && !Array.isArray(data);
}
const allowsEval = /* @__PURE__*/ cached(() => {
    // Skip the probe under `jitless`: strict CSPs report the caught `new Function` as a `securitypolicyviolation` even though the throw is swallowed.
    if (globalConfig.jitless) {
        return false;
    }
    // @ts-ignore
    if (typeof navigator !== "undefined" && navigator?.userAgent?.includes("Cloudflare")) {
        return false;
    }
    try {
        const F = Function;
        new F("");
        return true;
    }
    catch (_) {
        return false;
    }
});
function isPlainObject(o) {
    if (isObject(o) === false)
        return false;
    // modified constructor
    const ctor = o.constructor;
    if (ctor === undefined)
        return true;
    if (typeof ctor !== "function")
        return true;
    // modified prototype
    const prot = ctor.prototype;
    if (isObject(prot) === false)
        return false;
    // ctor doesn't have static `isPrototypeOf`
    if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === false) {
        return false;
    }
    return true;
}
function shallowClone(o) {
    if (isPlainObject(o))
        return { ...o };
    if (Array.isArray(o))
        return [...o];
    if (o instanceof Map)
        return new Map(o);
    if (o instanceof Set)
        return new Set(o);
    return o;
}
const propertyKeyTypes = /* @__PURE__*/ new Set(["string", "number", "symbol"]);
function escapeRegex(str) {
    return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
// zod-specific utils
function clone(inst, def, params) {
    const cl = new inst._zod.constr(def ?? inst._zod.def);
    if (!def || params?.parent)
        cl._zod.parent = inst;
    return cl;
}
function normalizeParams(_params) {
    const params = _params;
    if (!params)
        return {};
    if (typeof params === "string")
        return { error: () => params };
    if (params?.message !== undefined) {
        if (params?.error !== undefined)
            throw new Error("Cannot specify both `message` and `error` params");
        params.error = params.message;
    }
    delete params.message;
    if (typeof params.error === "string")
        return { ...params, error: () => params.error };
    return params;
}
function stringifyPrimitive(value) {
    if (typeof value === "bigint")
        return value.toString() + "n";
    if (typeof value === "string")
        return `"${value}"`;
    return `${value}`;
}
function optionalKeys(shape) {
    return Object.keys(shape).filter((k) => {
        return shape[k]._zod.optin !== undefined && shape[k]._zod.optout === "optional";
    });
}

const NUMBER_FORMAT_RANGES = /*@__PURE__*/ (() => ({
    safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
    int32: [-2147483648, 2147483647],
    uint32: [0, 4294967295],
    float32: [-34028234663852886e22, 3.4028234663852886e38],
    float64: [-Number.MAX_VALUE, Number.MAX_VALUE],
}))();
const BIGINT_FORMAT_RANGES = {
    int64: [/* @__PURE__*/ BigInt("-9223372036854775808"), /* @__PURE__*/ BigInt("9223372036854775807")],
    uint64: [/* @__PURE__*/ BigInt(0), /* @__PURE__*/ BigInt("18446744073709551615")],
};
function pick(schema, mask) {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(".pick() cannot be used on object schemas containing refinements");
    }
    const newShape = {};
    mirrorShape(newShape, schema, maskedKeys(schema, mask));
    return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
// the mask keys that select something, checked against the source's shape without resolving it
function maskedKeys(schema, mask) {
    const raw = sourceShape(schema);
    const keys = [];
    // `for...in` skips symbols, so a symbol in the mask would select nothing
    for (const key of Reflect.ownKeys(mask)) {
        if (!Object.getOwnPropertyDescriptor(raw, key)?.enumerable) {
            throw new Error(`Unrecognized key: "${String(key)}"`);
        }
        if (mask[key])
            keys.push(key);
    }
    return keys;
}
function omit(schema, mask) {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(".omit() cannot be used on object schemas containing refinements");
    }
    const omitted = new Set(maskedKeys(schema, mask));
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)).filter((key) => !omitted.has(key)));
    return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
function extend(schema, shape) {
    if (!isPlainObject(shape)) {
        throw new Error("Invalid input to extend: expected a plain object");
    }
    const checks = schema._zod.def.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        // Only throw if new shape overlaps with existing shape. Use getOwnPropertyDescriptor to check key existence without accessing values
        const existingShape = sourceShape(schema);
        for (const key of Reflect.ownKeys(shape)) {
            if (Object.getOwnPropertyDescriptor(existingShape, key) !== undefined) {
                throw new Error("Cannot overwrite keys on object schemas containing refinements. Use `.safeExtend()` instead.");
            }
        }
    }
    return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
// the source's keys, then the caller's overlaid on top
function extended(schema, shape) {
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)));
    mirrorProps(newShape, shape);
    return newShape;
}
function safeExtend(schema, shape) {
    if (!isPlainObject(shape)) {
        throw new Error("Invalid input to safeExtend: expected a plain object");
    }
    return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
function merge(a, b) {
    if (!b?._zod?.def) {
        throw new Error("Invalid input to merge: expected an object schema. To merge a plain shape, use `.extend()`.");
    }
    if (a._zod.def.checks?.length) {
        throw new Error(".merge() cannot be used on object schemas containing refinements. Use .safeExtend() instead.");
    }
    const newShape = {};
    mirrorShape(newShape, a, Reflect.ownKeys(sourceShape(a)));
    mirrorShape(newShape, b, Reflect.ownKeys(sourceShape(b)));
    const def = mergeDefs(a._zod.def, {
        shape: newShape,
        get catchall() {
            return b._zod.def.catchall;
        },
        checks: b._zod.def.checks ?? [],
    });
    return clone(a, def);
}
function partial(Class, schema, mask, name = "partial") {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(`.${name}() cannot be used on object schemas containing refinements`);
    }
    const selected = mask ? new Set(maskedKeys(schema, mask)) : undefined;
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), Class &&
        ((value, key) => (selected && !selected.has(key) ? value : new Class({ type: "optional", innerType: value }))));
    return clone(schema, mergeDefs(schema._zod.def, { shape: newShape, checks: [] }));
}
function required(Class, schema, mask) {
    const selected = mask ? new Set(maskedKeys(schema, mask)) : undefined;
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), (value, key) => 
    // overwrite with non-optional
    selected && !selected.has(key) ? value : new Class({ type: "nonoptional", innerType: value }));
    return clone(schema, mergeDefs(schema._zod.def, { shape: newShape }));
}
// invalid_type | too_big | too_small | invalid_format | not_multiple_of | unrecognized_keys | invalid_union | invalid_key | invalid_element | invalid_value | custom
function aborted(x, startIndex = 0) {
    if (x.aborted === true)
        return true;
    for (let i = startIndex; i < x.issues.length; i++) {
        if (x.issues[i]?.continue !== true) {
            return true;
        }
    }
    return false;
}
// Checks for explicit abort (continue === false), as opposed to implicit abort (continue === undefined). Used to respect `abort: true` in .refine() even for checks that have a `when` function.
function explicitlyAborted(x, startIndex = 0) {
    if (x.aborted === true)
        return true;
    for (let i = startIndex; i < x.issues.length; i++) {
        if (x.issues[i]?.continue === false) {
            return true;
        }
    }
    return false;
}
function prefixIssues(path, issues) {
    return issues.map((iss) => {
        var _a;
        (_a = iss).path ?? (_a.path = []);
        iss.path.unshift(path);
        return iss;
    });
}
function unwrapMessage(message) {
    return typeof message === "string" ? message : message?.message;
}
/* A check holds no link back to the schema it is attached to — the same check instance is shared by every clone of that schema — so the owner is stamped onto the issues a check just raised, at the only point where both are in scope. Runs on the failure path only; `start` is the issue count from before the check ran. */
/** The leading size checks of `defChecks` that set an upper bound, each paired with it. */
function sizeCaps(defChecks) {
    const caps = [];
    for (const ch of defChecks ?? []) {
        const d = ch._zod.def;
        // a later check may rewrite the value
        if (!/_(length|size)$|_equals$/.test(d.check))
            break;
        const max = d.maximum ?? d.length ?? d.size;
        if (max >= 0)
            caps.push([max, ch]);
    }
    return caps;
}
function attachSchema(issues, start, inst) {
    var _a;
    for (let i = start; i < issues.length; i++) {
        (_a = issues[i]).schema ?? (_a.schema = inst);
    }
}
function finalizeIssue(iss, ctx, config) {
    var _a;
    // A schema that raised an issue itself owns it outright, and outranks any stamp an enclosing check left in `attachSchema`. String formats and z.custom() are schema and check at once, so when they act as a check they defer to that stamp instead.
    const traits = iss.inst?._zod?.traits;
    if (traits?.has("$ZodType")) {
        if (traits.has("$ZodCheck"))
            (_a = iss).schema ?? (_a.schema = iss.inst);
        else
            iss.schema = iss.inst;
    }
    // Decreasing specificity, first map to return a message wins. `inst` is whatever raised the issue, so a check's own map outranks the owning schema's.
    const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : undefined;
    const message = iss.message
        ? iss.message
        : (unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ??
            unwrapMessage(schemaError?.(iss)) ??
            unwrapMessage(ctx?.error?.(iss)) ??
            unwrapMessage(config.customError?.(iss)) ??
            unwrapMessage(config.localeError?.(iss)) ??
            "Invalid input");
    // an explicit own-key copy beats object rest with excluded keys, which v8 routes through a generic runtime call; Object.keys rather than for-in so an issue pushed with a prototype does not leak inherited keys, and an own __proto__ key is dropped rather than assigned through the setter
    const full = {};
    for (const k of Object.keys(iss)) {
        if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
            continue;
        full[k] = iss[k];
    }
    full.path ?? (full.path = []);
    full.message = message;
    if (ctx?.reportInput) {
        full.input = iss.input;
    }
    return full;
}
const highSurrogate = /[\uD800-\uDBFF]/;
// Code points in `str`: a surrogate pair counts once, a lone surrogate as itself. Hand-rolled because the string iterator allocates and runs ~250x slower on this path; the regex probe exits ~50x quicker for a string with no astral characters.
function codePointLength(str) {
    const units = str.length;
    if (!highSurrogate.test(str))
        return units;
    let count = units;
    for (let i = 0; i < units - 1; i++) {
        if ((str.charCodeAt(i) & 0xfc00) === 0xd800 && (str.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
            count--;
            i++;
        }
    }
    return count;
}
function getLengthableOrigin(input) {
    if (Array.isArray(input))
        return "array";
    if (typeof input === "string")
        return "string";
    return "unknown";
}
function parsedType(data) {
    const t = typeof data;
    switch (t) {
        case "number": {
            return Number.isNaN(data) ? "nan" : "number";
        }
        case "object": {
            if (data === null) {
                return "null";
            }
            if (Array.isArray(data)) {
                return "array";
            }
            const obj = data;
            if (obj && Object.getPrototypeOf(obj) !== Object.prototype && "constructor" in obj && obj.constructor) {
                return obj.constructor.name;
            }
        }
    }
    return t;
}
function issue(...args) {
    const [iss, input, inst] = args;
    if (typeof iss === "string") {
        return {
            message: iss,
            code: "custom",
            input,
            inst,
        };
    }
    return { ...iss };
}
//////////    PROTOTYPE INSTALLERS     //////////
//
// Members live on the prototype and materialize per instance on first read, which keeps own-property count under the step where V8 stops using inline slots. Changing anything here means re-measuring runtime, memory and bundle size together — see "The three axes" in AGENTS.md.
/**
 * Installs a trait's members on its prototype. Each value builds that member for the instance on first read; the built value shadows the accessor as an own property, so a detached `const { parse } = schema` keeps working.
 *
 * Call this from a `proto` initializer, which runs once per prototype — never per instance.
 */
function members(proto, table) {
    for (const key in table) {
        const desc = Object.getOwnPropertyDescriptor(table, key);
        // a getter installs as written, so it stays live: `description` reads through to the registry on every access. not enumerable: an object literal's is, and a prototype member never was
        if (desc.get)
            Object.defineProperty(proto, key, { ...desc, enumerable: false });
        // a method materializes bound on first read, which is what keeps a detached member working: `const opt = schema.optional; opt()`
        else
            defineBound(proto, key, desc.value);
    }
}
/** Shadows a prototype member with an own value, so a getter that builds from the instance runs once. */
function own(inst, key, value, enumerable = true) {
    Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
    return value;
}
/** Like {@link own}, for a member that was never an own data property and has to stay out of `Object.keys`. */
function hide(inst, key, value) {
    return own(inst, key, value, false);
}
/** Adds members a table derives from the instance: each builds on first read and shadows as own data, and assignment shadows the same way, as when these were own properties. */
function derived(computes, table) {
    for (const key in computes) {
        const compute = computes[key];
        // an object literal's accessor is configurable and enumerable, and `members` copies the descriptor as written
        Object.defineProperty(table, key, {
            configurable: true,
            enumerable: true,
            get() {
                return own(this, key, compute(this));
            },
            set(value) {
                own(this, key, value);
            },
        });
    }
    return table;
}
function defineBound(proto, key, fn) {
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // vitest's spyOn calls a prototype getter bare to find the function it wraps, so a nullish receiver answers the raw method
            return this == null ? fn : own(this, key, fn.bind(this));
        },
        set(value) {
            own(this, key, value);
        },
    });
}
/** Returns the prototype to install on, or `undefined` if this group is already installed on it. */
function claim(inst, sentinel) {
    const proto = Object.getPrototypeOf(inst);
    // Runs on every construction, so `in` rather than the costlier `hasOwnProperty.call`. Sentinels are keys the group itself defines.
    return sentinel in proto ? undefined : proto;
}
// The internals whose init chain is installing. A second call for the same one is a derived constructor overriding its base, so it must not construct another schema in between or the override is dropped.
let installing;
// Set while a getter is running, so a value that resolved through a recursion break is not memoized. One shared descriptor shadows the key for the duration, which costs no per-key allocation.
let broke = false;
const breaker = {
    configurable: true,
    get() {
        broke = true;
        return undefined;
    },
};
/**
 * Installs a lazily-derived internal on the `_zod` prototype of `inst`'s
 * constructor, computed from the internals object itself and cached there on
 * first read. One accessor per constructor rather than one per instance.
 */
function defineLazyInternal(inst, key, compute) {
    const proto = Object.getPrototypeOf(inst._zod);
    if (key in proto && installing !== inst._zod) {
        // A repeat construction: everything is installed already. Cleared here so the reference is not held past the first construction of every type.
        installing = undefined;
        return;
    }
    installing = inst._zod;
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // Shadowed before computing so a re-entrant read from a recursive schema resolves to undefined instead of running the getter again.
            Object.defineProperty(this, key, breaker);
            const outer = broke;
            broke = false;
            try {
                const value = compute(this);
                // A result that resolved through a recursion break is recomputed once the graph is complete; everything else memoizes, undefined included.
                if (broke)
                    delete this[key];
                else
                    Object.defineProperty(this, key, { configurable: true, writable: true, value });
                broke = broke || outer;
                return value;
            }
            catch (err) {
                // A compute that threw memoizes nothing, so a later read runs it again and fails the same way. The shadow goes with it, since leaving it installed would answer undefined for every later read.
                delete this[key];
                broke = broke || outer;
                throw err;
            }
        },
        set(value) {
            Object.defineProperty(this, key, { configurable: true, writable: true, value });
        },
    });
}
/**
 * Installs `key` on `inst`'s prototype, computed by `make` on first read and cached there as an own
 * data property. One accessor per constructor rather than one per instance, because an own accessor
 * puts every instance after the first into v8 dictionary mode. The key doubles as the sentinel.
 */
function installLazyProp(inst, key, make, enumerable) {
    const proto = claim(inst, key);
    if (!proto)
        return;
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // Shadowed before computing, so a re-entrant read from a self-referential shape resolves to undefined instead of running the getter again. A data property rather than an accessor: an own accessor is the dictionary-mode transition this exists to avoid.
            const desc = { configurable: true, writable: true, enumerable, value: undefined };
            Object.defineProperty(this, key, desc);
            // a compute that throws leaves the shadow behind, so later reads answer undefined instead of re-throwing; `defineLazy` did the same, and `defineLazyInternal`'s delete-on-catch would cost bytes in every bundle for a case only a throwing user getter reaches
            desc.value = make(this);
            Object.defineProperty(this, key, desc);
            return desc.value;
        },
        set(value) {
            Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value });
        },
    });
}
/** Marks the thunk `_catch` synthesises for a constant catch value. `Function.length` cannot tell that thunk from a user callback — rest and defaulted parameters both report arity 0 — and a user callback reads `ctx.error`, whose issues only finalize correctly against the caller's per-parse error map. Provenance can say what arity cannot. A plain string key rather than `Symbol.for`, whose call at module scope no bundler can prove pure — the same shape that anchored `urlCanParse` into every build. */
const CONSTANT_CATCH = "~constantCatch";
/** Wraps a constant catch value in a thunk tagged with {@link CONSTANT_CATCH}. */
function constantCatch(value) {
    const fn = () => value;
    fn[CONSTANT_CATCH] = true;
    return fn;
}

var _a$1;
/* Shared descriptor for installing `_zod`; defineProperty reads it
 * synchronously, so reusing one object avoids a per-instance allocation. */
const _zodDesc = { value: undefined, enumerable: false };
// null where suppressing the capture would be unrecoverable: `parse()` puts the frames back with `captureStackTrace`, so without it the throw would lose its stack. also latched to null once `stackTraceLimit` proves unassignable, which a realm can do at any point by hardening Error
let _E = "captureStackTrace" in Error ? Error : null;
// v8 captures a stack trace inside the Error constructor, which dominates a failed parse; costs only the frames, and parse() restores those. the constructor must RUN: Object.create is cheaper and passes instanceof, but Error.isError and util.types.isNativeError check an internal slot
function newError(Definition) {
    const E = _E;
    if (E) {
        const saved = E.stackTraceLimit;
        if (typeof saved === "number") {
            try {
                E.stackTraceLimit = 0;
            }
            catch {
                _E = null;
                return new Definition();
            }
            try {
                return new Definition();
            }
            finally {
                E.stackTraceLimit = saved;
            }
        }
    }
    return new Definition();
}
function $constructor(name, initializer, 
/** This trait's members, installed once on every prototype that composes it. They cannot be declared in the initializer above: that runs per instance, and the prototype is shared. */
proto, params) {
    // Prototype for this constructor's `_zod` internals. Lazily-derived fields (`values`, `pattern`, `optin`, …) install here once rather than as an accessor on every instance.
    const zodProto = {};
    // Assigning the fields in the constructor body is what gives instances in-object slots; building the object literally and reparenting it costs a second allocation and a generic property copy.
    function Internals(def) {
        this.def = def;
        this.constr = _;
        this.traits = new Set();
    }
    Internals.prototype = zodProto;
    const protoMembers = proto;
    // One trait's members land on every prototype whose chain composes it, so the answer is per prototype rather than per trait.
    const initialized = protoMembers && new WeakSet();
    function init(inst, def) {
        if (!inst._zod) {
            _zodDesc.value = new Internals(def);
            try {
                Object.defineProperty(inst, "_zod", _zodDesc);
            }
            finally {
                // Cleared even on throw, so the shared descriptor never leaks one instance's internals into the next.
                _zodDesc.value = undefined;
            }
        }
        else if (inst._zod.traits.has(name)) {
            return;
        }
        inst._zod.traits.add(name);
        initializer(inst, def);
        if (initialized) {
            // `super(def)` from a user subclass gives `this` a prototype the subclass owns, and installing there would overwrite whatever the subclass declared. `constr` built the instance, so its prototype is the one below the subclass's that should carry the members. A receiver whose chain never reaches that prototype installs on its own, which for a plain object handed straight to `init` means `Object.prototype` — unchanged from before.
            const own = Object.getPrototypeOf(inst);
            const ctorProto = inst._zod.constr.prototype;
            let up = own;
            while (up && up !== ctorProto)
                up = Object.getPrototypeOf(up);
            const target = up ?? own;
            if (!initialized.has(target)) {
                initialized.add(target);
                members(target, protoMembers);
            }
        }
        // support prototype modifications; for-in avoids the array allocation of Object.keys on the (usually empty) prototype
        const proto = _.prototype;
        for (const k in proto) {
            if (!Object.prototype.hasOwnProperty.call(proto, k))
                continue;
            if (!(k in inst)) {
                inst[k] = proto[k].bind(inst);
            }
        }
    }
    // doesn't work if Parent has a constructor with arguments
    const Parent = params?.Parent ?? Object;
    class Definition extends Parent {
    }
    Object.defineProperty(Definition, "name", { value: name });
    function _(def) {
        const inst = params?.Parent ? newError(Definition) : this;
        init(inst, def);
        const deferred = inst._zod.deferred;
        if (deferred) {
            for (const fn of deferred) {
                fn();
            }
            // Released: initializers run once, and the list would otherwise be retained for the schema's lifetime.
            inst._zod.deferred = undefined;
        }
        // Global post-processor hook. Internal: installed by `import "zod/compile"` to enable AOT compilation for every constructed schema. Runs last, once the instance is fully built, because it hands the instance to compile(). The post-processor is expected to be reentrancy-guarded by its own implementation.
        const pp = globalThis.__zod_globalConfig?.postProcessor;
        if (pp)
            pp(inst);
        return inst;
    }
    Object.defineProperty(_, "init", { value: init });
    Object.defineProperty(_, Symbol.hasInstance, {
        value: (inst) => {
            if (params?.Parent && inst instanceof params.Parent)
                return true;
            return inst?._zod?.traits?.has(name);
        },
    });
    Object.defineProperty(_, "name", { value: name });
    return _;
}
class $ZodAsyncError extends Error {
    constructor() {
        super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
    }
}
class $ZodEncodeError extends Error {
    constructor(name) {
        super(`Encountered unidirectional transform during encode: ${name}`);
        this.name = "ZodEncodeError";
    }
}
(_a$1 = globalThis).__zod_globalConfig ?? (_a$1.__zod_globalConfig = {});
const globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
    if (newConfig)
        Object.assign(globalConfig, newConfig);
    return globalConfig;
}

/* Computing the message eagerly is expensive (pretty-printed JSON of all
 * issues), so defer it until first read. The accessor functions and
 * descriptors are shared across instances to keep error construction
 * cheap; the computed message is cached on the internals object. The
 * setter preserves plain assignment semantics for consumers that
 * overwrite `message`. */
function _getMessage() {
    const internals = this._zod;
    internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
    return internals.message;
}
function _setMessage(value) {
    this._zod.message = value;
}
const _messageDesc = {
    get: _getMessage,
    set: _setMessage,
    enumerable: true,
    configurable: true,
};
const _issuesDesc = { value: undefined, enumerable: false };
/* Prototypes that already carry the lazy `toString`. Seeded with the
 * intrinsics so that `init` on a foreign object — it accepts any object —
 * can never install an accessor onto a prototype we do not own. */
const _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
const initializer$1 = (inst, def) => {
    inst.name = "$ZodError";
    // `_zod` is already non-enumerable: $constructor's init defined it with this same descriptor
    _issuesDesc.value = def;
    Object.defineProperty(inst, "issues", _issuesDesc);
    // Clear the shared slot; a retained `value` pins the last error's issues.
    _issuesDesc.value = undefined;
    Object.defineProperty(inst, "message", _messageDesc);
    /* `toString` lives as a non-enumerable lazy getter on the shared
     * prototype; on first access it caches a per-instance closure so
     * detached usage still works. */
    const proto = Object.getPrototypeOf(inst);
    if (!_installedToString.has(proto)) {
        _installedToString.add(proto);
        Object.defineProperty(proto, "toString", {
            configurable: true,
            enumerable: false,
            get() {
                const value = () => this.message;
                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
                return value;
            },
            set(value) {
                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
            },
        });
    }
};
const $ZodError = $constructor("$ZodError", initializer$1);
/** Get-or-create `obj[key]` as an own data property. A path segment naming an inherited member
 * ("toString", "constructor") would otherwise read through to the prototype, and assigning
 * "__proto__" would hit the setter instead of creating a key. */
function node(obj, key, make) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) {
        if (key === "__proto__") {
            Object.defineProperty(obj, key, { value: make(), writable: true, enumerable: true, configurable: true });
        }
        else {
            obj[key] = make();
        }
    }
    return obj[key];
}
function flattenError(error, mapper = (issue) => issue.message) {
    const fieldErrors = {};
    const formErrors = [];
    for (const sub of error.issues) {
        if (sub.path.length > 0) {
            node(fieldErrors, sub.path[0], () => []).push(mapper(sub));
        }
        else {
            formErrors.push(mapper(sub));
        }
    }
    return { formErrors, fieldErrors };
}
function formatError(error, mapper = (issue) => issue.message) {
    const fieldErrors = { _errors: [] };
    const processError = (error, path = []) => {
        for (const issue of error.issues) {
            if (issue.code === "invalid_union" && issue.errors.length) {
                issue.errors.map((issues) => processError({ issues }, [...path, ...issue.path]));
            }
            else if (issue.code === "invalid_key") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else if (issue.code === "invalid_element") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else {
                const fullpath = [...path, ...issue.path];
                if (fullpath.length === 0) {
                    fieldErrors._errors.push(mapper(issue));
                }
                else {
                    let curr = fieldErrors;
                    let i = 0;
                    while (i < fullpath.length) {
                        const el = fullpath[i];
                        const terminal = i === fullpath.length - 1;
                        // `_errors` is reserved by this legacy format, so merge a matching path segment into the current node instead of treating its array as a child.
                        if (el === "_errors") {
                            if (terminal)
                                curr._errors.push(mapper(issue));
                            i++;
                            continue;
                        }
                        // A path element may collide with an inherited property name such as
                        // "__proto__" or "constructor". Truthiness checks read the prototype
                        // (so no node is created, then ._errors.push throws), and bracket
                        // assignment of "__proto__" hits the setter instead of creating an
                        // own key. Guard the read with hasOwnProperty and create the node
                        // with defineProperty so any path element becomes a real own key.
                        if (!Object.prototype.hasOwnProperty.call(curr, el)) {
                            Object.defineProperty(curr, el, {
                                value: { _errors: [] },
                                enumerable: true,
                                writable: true,
                                configurable: true,
                            });
                        }
                        const node = curr[el];
                        if (terminal) {
                            node._errors.push(mapper(issue));
                        }
                        curr = node;
                        i++;
                    }
                }
            }
        }
    };
    processError(error);
    return fieldErrors;
}

// Always both keys, so the `_params` read site in `_parse` sees one object shape rather than two.
function finalizeParams(callee, params) {
    return { callee: params?.callee ?? callee, Err: params?.Err };
}
const _parse = (_Err) => {
    const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
        const result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise) {
            throw new $ZodAsyncError();
        }
        if (result.issues.length) {
            const e = new (_params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
            captureStackTrace(e, _params?.callee ?? fn);
            throw e;
        }
        return result.value;
    };
    return fn;
};
const _parseAsync = (_Err) => {
    const fn = async (schema, value, _ctx, params) => {
        const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
        let result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise)
            result = await result;
        if (result.issues.length) {
            const e = new (params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
            captureStackTrace(e, params?.callee ?? fn);
            throw e;
        }
        return result.value;
    };
    return fn;
};
const _safeParse = (_Err) => (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
    const result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise) {
        throw new $ZodAsyncError();
    }
    return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
// the error is built on the first read of `error`: finalizing the issues and constructing the instance is most of a failing parse, and a caller that only branches on `success` never pays it. a getter in the literal keeps this small; the alternative, one shared accessor descriptor plus a hidden state slot, reads ~15% faster but costs ~75 B gzipped in every bundle
function failure(Err, issues, ctx) {
    let error;
    return {
        success: false,
        get error() {
            if (!error) {
                error = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
                // finalizeIssue drops `input`, so the built error holds nothing; keeping the raw issues past this point pins the parsed value for the life of the result
                issues = undefined;
                ctx = undefined;
            }
            return error;
        },
        set error(e) {
            error = e;
            // a replacement makes the getter's branch unreachable, so the captures have to go here too
            issues = undefined;
            ctx = undefined;
        },
    };
}
const _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
        result = await result;
    return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
// registry mirrors of the compiler's sentinels, so this module never imports the compiler
const COMPILE_INVALID = /* @__PURE__ */ Symbol.for("zod.compile.invalid");
const COMPILE_FALLBACK = /* @__PURE__ */ Symbol.for("zod.compile.fallback");
// Deliberately tiny, because v8 will not inline a body carrying the fallback's object literals and throw. Everything that is not the compiled happy path lives in validateFallback, and that split is worth ~35% on a compiled schema.
const validate = ((schema, value, _ctx) => {
    const validator = schema._zod.bag.validator;
    if (validator !== undefined) {
        if (validator(value) !== COMPILE_INVALID)
            return true;
        // a definite sentinel means the runtime would reject, so skip the re-parse; a ctx can still change the answer
        if (validator.definite === true && _ctx === undefined)
            return false;
    }
    return validateFallback(schema, value, _ctx);
});
function validateFallback(schema, value, _ctx) {
    const ctx = _ctx
        ? { ..._ctx, async: false, abortEarly: true }
        : { async: false, abortEarly: true };
    const fallbackRun = schema._zod.bag.fallbackRun;
    let result;
    if (fallbackRun) {
        // skip nested fast paths on the fallback, so user callbacks keep the at-most-twice bound
        ctx[COMPILE_FALLBACK] = true;
        result = fallbackRun({ value, issues: [] }, ctx);
    }
    else {
        result = schema._zod.run({ value, issues: [] }, ctx);
    }
    if (result instanceof Promise) {
        throw new $ZodAsyncError();
    }
    return result.issues.length === 0;
}
// no fast path: the compiler keeps async parses on the runtime, because a promise-returning callback that is not declared async compiles to a throw
const validateAsync$1 = async (schema, value, _ctx) => {
    const ctx = _ctx
        ? { ..._ctx, async: true, abortEarly: true }
        : { async: true, abortEarly: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
        result = await result;
    return result.issues.length === 0;
};
const _encode = (_Err) => {
    const parse = _parse(_Err);
    const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
        return parse(schema, value, ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const _decode = (_Err) => {
    const parse = _parse(_Err);
    const fn = (schema, value, _ctx, _params) => {
        return parse(schema, value, _ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const _encodeAsync = (_Err) => {
    const parseAsync = _parseAsync(_Err);
    const fn = async (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
        return (await parseAsync(schema, value, ctx, finalizeParams(fn, _params)));
    };
    return fn;
};
const _decodeAsync = (_Err) => {
    const parseAsync = _parseAsync(_Err);
    const fn = async (schema, value, _ctx, _params) => {
        return await parseAsync(schema, value, _ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const _safeEncode = (_Err) => (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return _safeParse(_Err)(schema, value, ctx);
};
const _safeDecode = (_Err) => (schema, value, _ctx) => {
    return _safeParse(_Err)(schema, value, _ctx);
};
const _safeEncodeAsync = (_Err) => async (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return _safeParseAsync(_Err)(schema, value, ctx);
};
const _safeDecodeAsync = (_Err) => async (schema, value, _ctx) => {
    return _safeParseAsync(_Err)(schema, value, _ctx);
};

/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link cuid2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const cuid = /^[cC][0-9a-z]{6,}$/;
const cuid2 = /^[0-9a-z]+$/;
const ulid = /^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}$/;
const xid = /^[0-9a-vA-V]{20}$/;
const ksuid = /^[A-Za-z0-9]{27}$/;
const nanoid = /^[a-zA-Z0-9_-]{21}$/;
function nanoidOfLength(length) {
    return new RegExp(`^[a-zA-Z0-9_-]{${length}}$`);
}
/** ISO 8601-1 duration regex. Does not support the 8601-2 extensions like negative durations or fractional/negative components. */
const duration = /^P(?:(\d+W)|(?!.*W)(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+([.,]\d+)?S)?)?)$/;
/** A regex for any UUID-like identifier: 8-4-4-4-12 hex pattern */
const guid = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
/** Returns a regex for validating an RFC 9562/4122 UUID.
 *
 * @param version Optionally specify a version 1-8. If no version is specified, all versions are supported. */
const uuid = (version) => {
    if (!version)
        return /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
    return new RegExp(`^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-${version}[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})$`);
};
/** Practical email validation */
const email = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
// from https://thekevinscott.com/emojis-in-javascript/#writing-a-regular-expression
// Single character class, not an alternation: the two properties overlap (U+1F9B0-U+1F9B3), so `(A|B)+` backtracks exponentially on a failed match. The leading lookahead then demands one anchor — a pictograph, a regional indicator, or the enclosing keycap — because `\p{Emoji_Component}` on its own covers ASCII digits, `#`, `*`, ZWJ, variation selectors and skin tone modifiers, none of which is an emoji without a base.
const _emoji$1 = `^(?=[\\s\\S]*[\\p{Extended_Pictographic}\\p{Regional_Indicator}\\u20E3])[\\p{Extended_Pictographic}\\p{Emoji_Component}]+$`;
function emoji() {
    return new RegExp(_emoji$1, "u");
}
const ipv4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/;
const ipv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))$/;
const cidrv4 = /^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\/([0-9]|[1-2][0-9]|3[0-2])$/;
const cidrv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))\/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$/;
// https://stackoverflow.com/questions/7860392/determine-if-string-is-in-base64-using-javascript
const base64 = /^$|^(?:[0-9a-zA-Z+/]{4})*(?:(?:[0-9a-zA-Z+/]{2}==)|(?:[0-9a-zA-Z+/]{3}=))?$/;
const base64url = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2,3})?$/;
const httpProtocol = /^https?$/;
// https://blog.stevenlevithan.com/archives/validate-phone-number#r4-3 (regex sans spaces) E.164: leading digit must be 1-9; total digits (excluding '+') between 7-15
const e164 = /^\+[1-9]\d{6,14}$/;
const dateSource = `(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))`;

function anchor(source) {
    return new RegExp(`^${source}$`);
}
const date = /*@__PURE__*/ anchor(dateSource);
function timeSource(args) {
    const hhmm = `(?:[01]\\d|2[0-3]):[0-5]\\d`;
    const regex = typeof args.precision === "number"
        ? args.precision === -1
            ? `${hhmm}`
            : args.precision === 0
                ? `${hhmm}:[0-5]\\d`
                : `${hhmm}:[0-5]\\d\\.\\d{${args.precision}}`
        : args.seconds
            ? `${hhmm}:[0-5]\\d(?:\\.\\d+)?`
            : `${hhmm}(?::[0-5]\\d(?:\\.\\d+)?)?`;
    return regex;
}
function time(args) {
    return new RegExp(`^${timeSource(args)}$`);
}
// Adapted from https://stackoverflow.com/a/3143231
function datetime(args) {
    const opts = ["Z"];
    // if (args.offset) opts.push(`([+-]\\d{2}:\\d{2})`);
    if (args.offset)
        opts.push(`([+-](?:[01]\\d|2[0-3]):[0-5]\\d)`);
    // RFC 3339 mandates seconds wherever the time carries a `Z` or an offset, so only the unqualified form `local` adds may omit them
    const qualified = `${timeSource({ precision: args.precision, seconds: true })}(?:${opts.join("|")})`;
    const timeRegex = args.local ? `${qualified}|${timeSource({ precision: args.precision })}` : qualified;
    return new RegExp(`^${dateSource}T(?:${timeRegex})$`);
}
// the unbounded form of `string()` as a literal, so every plain string shares one instance instead of building its own
const anyString = /^[\s\S]{0,}$/;
const number$1 = /^-?\d+(?:\.\d+)?$/;
const boolean$1 = /^(?:true|false)$/i;
// regex for string with no uppercase letters
const lowercase = /^[^A-Z]*$/;
// regex for string with no lowercase letters
const uppercase = /^[^a-z]*$/;

// import { $ZodType } from "./schemas.js";
const $ZodCheck = /*@__PURE__*/ $constructor("$ZodCheck", (inst, def) => {
    var _a;
    inst._zod ?? (inst._zod = {});
    inst._zod.def = def;
    (_a = inst._zod).onattach ?? (_a.onattach = []);
});
/** Default `when` for length-based checks: run only on non-nullish values with a `length`. */
const _whenHasLength = (payload) => {
    const val = payload.value;
    return !nullish(val) && val.length !== undefined;
};
const numericOriginMap = {
    number: "number",
    bigint: "bigint",
    object: "date",
};
const $ZodCheckLessThan = /*@__PURE__*/ $constructor("$ZodCheckLessThan", (inst, def) => {
    $ZodCheck.init(inst, def);
    const origin = numericOriginMap[typeof def.value];
    inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value <= def.value : payload.value < def.value) {
            return;
        }
        payload.issues.push({
            origin: numericOriginMap[typeof payload.value] ?? origin,
            code: "too_big",
            maximum: typeof def.value === "object" ? def.value.getTime() : def.value,
            input: payload.value,
            inclusive: def.inclusive,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckGreaterThan = /*@__PURE__*/ $constructor("$ZodCheckGreaterThan", (inst, def) => {
    $ZodCheck.init(inst, def);
    const origin = numericOriginMap[typeof def.value];
    inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value >= def.value : payload.value > def.value) {
            return;
        }
        payload.issues.push({
            origin: numericOriginMap[typeof payload.value] ?? origin,
            code: "too_small",
            minimum: typeof def.value === "object" ? def.value.getTime() : def.value,
            input: payload.value,
            inclusive: def.inclusive,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckMultipleOf = 
/*@__PURE__*/ $constructor("$ZodCheckMultipleOf", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        if (typeof payload.value !== typeof def.value)
            throw new Error("Cannot mix number and bigint in multiple_of check.");
        const isMultiple = typeof payload.value === "bigint"
            ? // `value % 0n` throws, and nothing is a multiple of zero — the number branch already fails this way via NaN
                def.value !== BigInt(0) && payload.value % def.value === BigInt(0)
            : floatSafeRemainder(payload.value, def.value) === 0;
        if (isMultiple)
            return;
        payload.issues.push({
            origin: typeof payload.value,
            code: "not_multiple_of",
            divisor: def.value,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckNumberFormat = /*@__PURE__*/ $constructor("$ZodCheckNumberFormat", (inst, def) => {
    $ZodCheck.init(inst, def); // no format checks
    def.format = def.format || "float64";
    const isInt = def.format?.includes("int");
    const origin = isInt ? "int" : "number";
    const [minimum, maximum] = NUMBER_FORMAT_RANGES[def.format];
    inst._zod.check = (payload) => {
        const input = payload.value;
        if (isInt) {
            if (!Number.isInteger(input)) {
                // invalid_format issue
                // payload.issues.push({
                //   expected: def.format,
                //   format: def.format,
                //   code: "invalid_format",
                //   input,
                //   inst,
                // });
                // invalid_type issue
                payload.issues.push({
                    expected: origin,
                    format: def.format,
                    code: "invalid_type",
                    continue: false,
                    input,
                    inst,
                });
                return;
                // not_multiple_of issue
                // payload.issues.push({
                //   code: "not_multiple_of",
                //   origin: "number",
                //   input,
                //   inst,
                //   divisor: 1,
                // });
            }
            if (!Number.isSafeInteger(input)) {
                if (input > 0) {
                    // too_big
                    payload.issues.push({
                        input,
                        code: "too_big",
                        maximum: Number.MAX_SAFE_INTEGER,
                        note: "Integers must be within the safe integer range.",
                        inst,
                        origin,
                        inclusive: true,
                        continue: !def.abort,
                    });
                }
                else {
                    // too_small
                    payload.issues.push({
                        input,
                        code: "too_small",
                        minimum: Number.MIN_SAFE_INTEGER,
                        note: "Integers must be within the safe integer range.",
                        inst,
                        origin,
                        inclusive: true,
                        continue: !def.abort,
                    });
                }
                return;
            }
        }
        if (input < minimum) {
            payload.issues.push({
                origin: "number",
                input,
                code: "too_small",
                minimum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
        if (input > maximum) {
            payload.issues.push({
                origin: "number",
                input,
                code: "too_big",
                maximum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
    };
});
const $ZodCheckMaxLength = /*@__PURE__*/ $constructor("$ZodCheckMaxLength", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // Strings are measured in Unicode code points, not UTF-16 units. A code point is at most two units, so a string that already fits in units fits in code points; only an overflow has to be counted.
        const length = typeof input === "string" && units > def.maximum ? codePointLength(input) : units;
        if (length <= def.maximum)
            return;
        const origin = getLengthableOrigin(input);
        payload.issues.push({
            origin,
            code: "too_big",
            maximum: def.maximum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckMinLength = /*@__PURE__*/ $constructor("$ZodCheckMinLength", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // A code point is one or two UTF-16 units, so fewer units than the floor can never reach it and twice the floor always clears it. Only in between is the exact count in doubt.
        const length = typeof input === "string" && units >= def.minimum && units < def.minimum * 2
            ? codePointLength(input)
            : units;
        if (length >= def.minimum)
            return;
        const origin = getLengthableOrigin(input);
        payload.issues.push({
            origin,
            code: "too_small",
            minimum: def.minimum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckLengthEquals = /*@__PURE__*/ $constructor("$ZodCheckLengthEquals", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // A code point is one or two UTF-16 units, so outside `[length, length * 2]` units the target is missed either way — and missed in the same direction in both measures.
        const length = typeof input === "string" && units >= def.length && units <= def.length * 2
            ? codePointLength(input)
            : units;
        if (length === def.length)
            return;
        const origin = getLengthableOrigin(input);
        const tooBig = length > def.length;
        payload.issues.push({
            origin,
            ...(tooBig ? { code: "too_big", maximum: def.length } : { code: "too_small", minimum: def.length }),
            inclusive: true,
            exact: true,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckStringFormat = /*@__PURE__*/ $constructor("$ZodCheckStringFormat", (inst, def) => {
    var _a, _b;
    $ZodCheck.init(inst, def);
    if (def.pattern)
        (_a = inst._zod).check ?? (_a.check = (payload) => {
            def.pattern.lastIndex = 0;
            if (def.pattern.test(payload.value))
                return;
            payload.issues.push({
                origin: "string",
                code: "invalid_format",
                format: def.format,
                input: payload.value,
                ...(def.pattern ? { pattern: def.pattern.toString() } : {}),
                inst,
                continue: !def.abort,
            });
        });
    else
        (_b = inst._zod).check ?? (_b.check = () => { });
});
const $ZodCheckRegex = /*@__PURE__*/ $constructor("$ZodCheckRegex", (inst, def) => {
    $ZodCheckStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        def.pattern.lastIndex = 0;
        if (def.pattern.test(payload.value))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "regex",
            input: payload.value,
            pattern: def.pattern.toString(),
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckLowerCase = /*@__PURE__*/ $constructor("$ZodCheckLowerCase", (inst, def) => {
    def.pattern ?? (def.pattern = lowercase);
    $ZodCheckStringFormat.init(inst, def);
});
const $ZodCheckUpperCase = /*@__PURE__*/ $constructor("$ZodCheckUpperCase", (inst, def) => {
    def.pattern ?? (def.pattern = uppercase);
    $ZodCheckStringFormat.init(inst, def);
});
const $ZodCheckIncludes = /*@__PURE__*/ $constructor("$ZodCheckIncludes", (inst, def) => {
    $ZodCheck.init(inst, def);
    const escapedRegex = escapeRegex(def.includes);
    // `String.prototype.includes(sub, position)` matches `sub` at `position`
    // OR LATER, so the pattern must allow at least `position` leading chars
    // (`{N,}`), not exactly `position` chars (`{N}`).
    const pattern = new RegExp(typeof def.position === "number" ? `^.{${def.position},}${escapedRegex}` : escapedRegex);
    def.pattern = pattern;
    inst._zod.check = (payload) => {
        if (payload.value.includes(def.includes, def.position))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "includes",
            includes: def.includes,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckStartsWith = /*@__PURE__*/ $constructor("$ZodCheckStartsWith", (inst, def) => {
    $ZodCheck.init(inst, def);
    const pattern = new RegExp(`^${escapeRegex(def.prefix)}.*`);
    def.pattern ?? (def.pattern = pattern);
    inst._zod.check = (payload) => {
        if (payload.value.startsWith(def.prefix))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "starts_with",
            prefix: def.prefix,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckEndsWith = /*@__PURE__*/ $constructor("$ZodCheckEndsWith", (inst, def) => {
    $ZodCheck.init(inst, def);
    const pattern = new RegExp(`.*${escapeRegex(def.suffix)}$`);
    def.pattern ?? (def.pattern = pattern);
    inst._zod.check = (payload) => {
        if (payload.value.endsWith(def.suffix))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "ends_with",
            suffix: def.suffix,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckOverwrite = /*@__PURE__*/ $constructor("$ZodCheckOverwrite", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        payload.value = def.tx(payload.value);
    };
});

class Doc {
    constructor(args = [], closed = {}) {
        this.content = [];
        this.indent = 0;
        this.args = args;
        this.closed = closed;
    }
    // the compiler catches a child's throw and keeps writing into this doc, so the indent has to unwind with it
    indented(fn) {
        this.indent += 1;
        try {
            fn(this);
        }
        finally {
            this.indent -= 1;
        }
    }
    write(arg) {
        if (typeof arg === "function") {
            arg(this, { execution: "sync" });
            arg(this, { execution: "async" });
            return;
        }
        const content = arg;
        const lines = content.split("\n").filter((x) => x);
        const minIndent = Math.min(...lines.map((x) => x.length - x.trimStart().length));
        const dedented = lines.map((x) => x.slice(minIndent)).map((x) => " ".repeat(this.indent * 2) + x);
        for (const line of dedented) {
            this.content.push(line);
        }
    }
    compile() {
        const F = Function;
        const content = this?.content ?? [``];
        const factory = new F(...Object.keys(this.closed), `return function (${this.args.join(", ")}) {\n${content.join("\n")}\n};`);
        return factory(...Object.values(this.closed));
    }
}

const version$1 = {
    major: 4,
    minor: 6,
    patch: 7,
};

const $ZodType = /*@__PURE__*/ $constructor("$ZodType", (inst, def) => {
    var _a;
    inst ?? (inst = {});
    inst._zod.def = def; // set _def property
    inst._zod.bag = inst._zod.bag || {}; // initialize _bag object
    inst._zod.version = version$1;
    const defChecks = inst._zod.def.checks;
    // if inst is itself a checks.$ZodCheck, run it as a check
    const checks = inst._zod.traits.has("$ZodCheck")
        ? [inst, ...(defChecks ?? [])]
        : defChecks?.length
            ? [...defChecks]
            : [];
    for (const ch of checks) {
        for (const fn of ch._zod.onattach) {
            fn(inst);
        }
    }
    if (checks.length === 0) {
        // deferred initializer inst._zod.parse is not yet defined
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred?.push(() => {
            inst._zod.run = inst._zod.parse;
        });
    }
    else {
        const runChecks = (payload, checks, ctx) => {
            if (payload.memo)
                return payload;
            let isAborted = aborted(payload);
            let asyncResult;
            for (const ch of checks) {
                if (ch._zod.def.when) {
                    if (explicitlyAborted(payload))
                        continue;
                    const shouldRun = ch._zod.def.when(payload);
                    if (!shouldRun)
                        continue;
                }
                else if (isAborted) {
                    continue;
                }
                const currLen = payload.issues.length;
                const _ = ch._zod.check(payload);
                if (_ instanceof Promise && ctx?.async === false) {
                    throw new $ZodAsyncError();
                }
                if (asyncResult || _ instanceof Promise) {
                    asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
                        await _;
                        const nextLen = payload.issues.length;
                        if (nextLen === currLen)
                            return;
                        attachSchema(payload.issues, currLen, inst);
                        if (!isAborted)
                            isAborted = aborted(payload, currLen);
                    });
                }
                else {
                    const nextLen = payload.issues.length;
                    if (nextLen === currLen)
                        continue;
                    attachSchema(payload.issues, currLen, inst);
                    if (!isAborted)
                        isAborted = aborted(payload, currLen);
                }
            }
            if (asyncResult) {
                return asyncResult.then(() => {
                    return payload;
                });
            }
            return payload;
        };
        const handleCanaryResult = (canary, payload, ctx) => {
            // abort if the canary is aborted
            if (aborted(canary)) {
                canary.aborted = true;
                return canary;
            }
            // run checks first, then
            const checkResult = runChecks(payload, checks, ctx);
            if (checkResult instanceof Promise) {
                if (ctx.async === false)
                    throw new $ZodAsyncError();
                return checkResult.then((checkResult) => inst._zod.parse(checkResult, ctx));
            }
            return inst._zod.parse(checkResult, ctx);
        };
        inst._zod.run = (payload, ctx) => {
            if (ctx.skipChecks) {
                return inst._zod.parse(payload, ctx);
            }
            if (ctx.direction === "backward") {
                // run canary initial pass (no checks)
                const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
                if (canary instanceof Promise) {
                    return canary.then((canary) => {
                        return handleCanaryResult(canary, payload, ctx);
                    });
                }
                return handleCanaryResult(canary, payload, ctx);
            }
            // forward
            const result = inst._zod.parse(payload, ctx);
            if (result instanceof Promise) {
                if (ctx.async === false)
                    throw new $ZodAsyncError();
                return result.then((result) => runChecks(result, checks, ctx));
            }
            return runChecks(result, checks, ctx);
        };
    }
}, {
    // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
    get "~standard"() {
        return hide(this, "~standard", standardProps(this));
    },
    set "~standard"(value) {
        own(this, "~standard", value);
    },
});
/** The Standard Schema surface for `inst`. Shared so wrappers can extend it without forcing it. */
// a Standard Schema result only reports issues, so a failure finalizes them straight off the raw payload: no ZodError, and no lazy result to read through
const toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
async function validateAsync(inst, value) {
    const ctx = { async: true };
    return toStandardResult((await inst._zod.run({ value, issues: [] }, ctx)), ctx);
}
function standardProps(inst) {
    return {
        validate: (value) => {
            const ctx = { async: false };
            try {
                const r = inst._zod.run({ value, issues: [] }, ctx);
                if (!(r instanceof Promise))
                    return toStandardResult(r, ctx);
            }
            catch (_) { }
            // async function so a synchronously throwing check rejects instead of escaping validate
            return validateAsync(inst, value);
        },
        vendor: "zod",
        version: 1,
    };
}
const $ZodString = /*@__PURE__*/ $constructor("$ZodString", (inst, def) => {
    $ZodType.init(inst, def);
    // a format's own pattern, else unbounded; a template literal derives the check-aware form itself
    inst._zod.pattern = def.pattern ?? anyString;
    inst._zod.parse = (payload, _) => {
        if (def.coerce)
            try {
                payload.value = String(payload.value);
            }
            catch (_) { }
        if (typeof payload.value === "string")
            return payload;
        payload.issues.push({
            expected: "string",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
});
const $ZodStringFormat = /*@__PURE__*/ $constructor("$ZodStringFormat", (inst, def) => {
    // check initialization must come first
    $ZodCheckStringFormat.init(inst, def);
    $ZodString.init(inst, def);
});
const $ZodGUID = /*@__PURE__*/ $constructor("$ZodGUID", (inst, def) => {
    def.pattern ?? (def.pattern = guid);
    $ZodStringFormat.init(inst, def);
});
const $ZodUUID = /*@__PURE__*/ $constructor("$ZodUUID", (inst, def) => {
    if (def.version) {
        const versionMap = {
            v1: 1,
            v2: 2,
            v3: 3,
            v4: 4,
            v5: 5,
            v6: 6,
            v7: 7,
            v8: 8,
        };
        const v = versionMap[def.version];
        if (v === undefined)
            throw new Error(`Invalid UUID version: "${def.version}"`);
        def.pattern ?? (def.pattern = uuid(v));
    }
    else
        def.pattern ?? (def.pattern = uuid());
    $ZodStringFormat.init(inst, def);
});
const $ZodEmail = /*@__PURE__*/ $constructor("$ZodEmail", (inst, def) => {
    def.pattern ?? (def.pattern = email);
    $ZodStringFormat.init(inst, def);
});
/** The `://` guard rejected the input before the URL constructor saw it. */
const URL_BAD_FORMAT = 1;
/** The URL parser rejected the input. */
const URL_UNPARSEABLE = 2;
function canParseURL(input) {
    try {
        if (typeof URL !== "undefined" && typeof URL.canParse === "function")
            return URL.canParse(input);
        new URL(input);
        return true;
    }
    catch {
        return false;
    }
}
function validateURL(trimmed, def) {
    if (!("normalize" in def) && !("hostname" in def) && !("protocol" in def)) {
        return canParseURL(trimmed) || URL_UNPARSEABLE;
    }
    return parseURLObject(trimmed, def);
}
/** Parses a URL while preserving the non-normalizing HTTP guard. */
function parseURLObject(trimmed, def) {
    // When normalize is off, require :// for http/https URLs. This prevents strings like "http:example.com" or "https:/path" from being silently accepted
    if (!def.normalize && def.protocol?.source === httpProtocol.source && !/^https?:\/\//i.test(trimmed)) {
        return URL_BAD_FORMAT;
    }
    try {
        if (typeof URL !== "undefined") {
            const URLStatic = URL;
            if (typeof URLStatic.parse === "function")
                return URLStatic.parse(trimmed) ?? URL_UNPARSEABLE;
        }
        // @ts-ignore
        return new URL(trimmed);
    }
    catch {
        return URL_UNPARSEABLE;
    }
}
const asciiTabOrNewline = /[\t\n\r]/g;
/** The URL parser deletes every ASCII tab, LF and CR from its input before it parses, so `new URL("https://exa\nmple.com")` reports on `example.com`. Applying the same deletion to the returned value closes the half of that divergence which can move the host; the parser's other rewrite, stripping C0 controls at the edges, cannot. */
function stripTabAndNewline(value) {
    return value.replace(asciiTabOrNewline, "");
}
function urlHostnameOk(url, hostname) {
    hostname.lastIndex = 0;
    return hostname.test(url.hostname);
}
function urlProtocolOk(url, protocol) {
    protocol.lastIndex = 0;
    return protocol.test(url.protocol.endsWith(":") ? url.protocol.slice(0, -1) : url.protocol);
}
const $ZodURL = /*@__PURE__*/ $constructor("$ZodURL", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        try {
            // Trim whitespace from input
            const trimmed = payload.value.trim();
            const url = validateURL(trimmed, def);
            if (url === URL_BAD_FORMAT) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid URL format",
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
                return;
            }
            if (url === URL_UNPARSEABLE) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
                return;
            }
            if (url === true) {
                payload.value = stripTabAndNewline(trimmed);
                return;
            }
            if (def.hostname && !urlHostnameOk(url, def.hostname)) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid hostname",
                    pattern: def.hostname.source,
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
            }
            if (def.protocol && !urlProtocolOk(url, def.protocol)) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid protocol",
                    pattern: def.protocol.source,
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
            }
            // Set the output value based on normalize flag
            payload.value = def.normalize ? url.href : stripTabAndNewline(trimmed);
            return;
        }
        catch (_) {
            payload.issues.push({
                code: "invalid_format",
                format: "url",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
});
const $ZodEmoji = /*@__PURE__*/ $constructor("$ZodEmoji", (inst, def) => {
    def.pattern ?? (def.pattern = emoji());
    $ZodStringFormat.init(inst, def);
});
const $ZodNanoID = /*@__PURE__*/ $constructor("$ZodNanoID", (inst, def) => {
    if (def.length !== undefined && (!Number.isInteger(def.length) || def.length < 1))
        throw new Error(`Invalid nanoid length: ${def.length}`);
    def.pattern ?? (def.pattern = def.length === undefined ? nanoid : nanoidOfLength(def.length));
    $ZodStringFormat.init(inst, def);
});
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link $ZodCUID2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const $ZodCUID = /*@__PURE__*/ $constructor("$ZodCUID", (inst, def) => {
    def.pattern ?? (def.pattern = cuid);
    $ZodStringFormat.init(inst, def);
});
const $ZodCUID2 = /*@__PURE__*/ $constructor("$ZodCUID2", (inst, def) => {
    def.pattern ?? (def.pattern = cuid2);
    $ZodStringFormat.init(inst, def);
});
const $ZodULID = /*@__PURE__*/ $constructor("$ZodULID", (inst, def) => {
    def.pattern ?? (def.pattern = ulid);
    $ZodStringFormat.init(inst, def);
});
const $ZodXID = /*@__PURE__*/ $constructor("$ZodXID", (inst, def) => {
    def.pattern ?? (def.pattern = xid);
    $ZodStringFormat.init(inst, def);
});
const $ZodKSUID = /*@__PURE__*/ $constructor("$ZodKSUID", (inst, def) => {
    def.pattern ?? (def.pattern = ksuid);
    $ZodStringFormat.init(inst, def);
});
const $ZodISODateTime = /*@__PURE__*/ $constructor("$ZodISODateTime", (inst, def) => {
    def.pattern ?? (def.pattern = datetime(def));
    $ZodStringFormat.init(inst, def);
});
const $ZodISODate = /*@__PURE__*/ $constructor("$ZodISODate", (inst, def) => {
    def.pattern ?? (def.pattern = date);
    $ZodStringFormat.init(inst, def);
});
const $ZodISOTime = /*@__PURE__*/ $constructor("$ZodISOTime", (inst, def) => {
    def.pattern ?? (def.pattern = time(def));
    $ZodStringFormat.init(inst, def);
});
const $ZodISODuration = /*@__PURE__*/ $constructor("$ZodISODuration", (inst, def) => {
    def.pattern ?? (def.pattern = duration);
    $ZodStringFormat.init(inst, def);
});
const $ZodIPv4 = /*@__PURE__*/ $constructor("$ZodIPv4", (inst, def) => {
    def.pattern ?? (def.pattern = ipv4);
    $ZodStringFormat.init(inst, def);
});
/** An IPv6 address is written with hex digits, colons and dots, and nothing else. The guard is what makes the check below an IPv6 check: `new URL("http://[...]")` parses an authority, not an address, so `@` and `\` re-delimit it and `"::@1\\"` validates against the host `0.0.0.1`. The URL parser also deletes ASCII tab, LF and CR rather than failing, which is how `"::1\n"` validated as `::1`. */
const ipv6Alphabet = /^[0-9a-fA-F:.]+$/;
function isValidIPv6(value) {
    if (!ipv6Alphabet.test(value))
        return false;
    return canParseURL(`http://[${value}]`);
}
const $ZodIPv6 = /*@__PURE__*/ $constructor("$ZodIPv6", (inst, def) => {
    def.pattern ?? (def.pattern = ipv6);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (!isValidIPv6(payload.value)) {
            payload.issues.push({
                code: "invalid_format",
                format: "ipv6",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
});
const $ZodCIDRv4 = /*@__PURE__*/ $constructor("$ZodCIDRv4", (inst, def) => {
    def.pattern ?? (def.pattern = cidrv4);
    $ZodStringFormat.init(inst, def);
});
function isValidCIDRv6(value) {
    const parts = value.split("/");
    if (parts.length !== 2)
        return false;
    const [address, prefix] = parts;
    if (!prefix)
        return false;
    const prefixNum = Number(prefix);
    if (`${prefixNum}` !== prefix)
        return false;
    if (prefixNum < 0 || prefixNum > 128)
        return false;
    return isValidIPv6(address);
}
const $ZodCIDRv6 = /*@__PURE__*/ $constructor("$ZodCIDRv6", (inst, def) => {
    def.pattern ?? (def.pattern = cidrv6); // not used for validation
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (!isValidCIDRv6(payload.value)) {
            payload.issues.push({
                code: "invalid_format",
                format: "cidrv6",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
});
//////////////////////////////   ZodBase64   //////////////////////////////
function isValidBase64(data) {
    if (data === "")
        return true;
    // atob ignores whitespace, so reject it up front.
    if (/\s/.test(data))
        return false;
    if (data.length % 4 !== 0)
        return false;
    try {
        // @ts-ignore
        atob(data);
        return true;
    }
    catch {
        return false;
    }
}
// lax on purpose: the quantified regexes.base64 overflows the regex stack on multi-MB input and its leading ^$| alternation leaks through template-literal composition; isValidBase64 enforces length and padding
const base64Charset = /^[0-9a-zA-Z+/]*={0,2}$/;
const $ZodBase64 = /*@__PURE__*/ $constructor("$ZodBase64", (inst, def) => {
    def.pattern ?? (def.pattern = base64Charset);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidBase64(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "base64",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
//////////////////////////////   ZodBase64URL   //////////////////////////////
// lax on purpose: the quantified regexes.base64url overflows the regex stack on multi-MB input; isValidBase64 enforces length on the padded string
const base64urlCharset = /^[A-Za-z0-9_-]*$/;
function isValidBase64URL(data) {
    if (!base64urlCharset.test(data))
        return false;
    const base64 = data.replace(/[-_]/g, (c) => (c === "-" ? "+" : "/"));
    const padded = base64.padEnd(Math.ceil(base64.length / 4) * 4, "=");
    return isValidBase64(padded);
}
const $ZodBase64URL = /*@__PURE__*/ $constructor("$ZodBase64URL", (inst, def) => {
    def.pattern ?? (def.pattern = base64urlCharset);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidBase64URL(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "base64url",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodE164 = /*@__PURE__*/ $constructor("$ZodE164", (inst, def) => {
    def.pattern ?? (def.pattern = e164);
    $ZodStringFormat.init(inst, def);
});
//////////////////////////////   ZodJWT   //////////////////////////////
function isValidJWT(token, algorithm = null) {
    try {
        const tokensParts = token.split(".");
        if (tokensParts.length !== 3)
            return false;
        const [header] = tokensParts;
        if (!header)
            return false;
        // @ts-ignore
        const parsedHeader = JSON.parse(atob(header));
        if ("typ" in parsedHeader && parsedHeader?.typ !== "JWT")
            return false;
        if (!parsedHeader.alg)
            return false;
        if (algorithm && (!("alg" in parsedHeader) || parsedHeader.alg !== algorithm))
            return false;
        return true;
    }
    catch {
        return false;
    }
}
const $ZodJWT = /*@__PURE__*/ $constructor("$ZodJWT", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidJWT(payload.value, def.alg))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "jwt",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodNumber = /*@__PURE__*/ $constructor("$ZodNumber", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = number$1;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = Number(payload.value);
            }
            catch (_) { }
        const input = payload.value;
        if (typeof input === "number" && !Number.isNaN(input) && Number.isFinite(input)) {
            return payload;
        }
        const received = typeof input === "number"
            ? Number.isNaN(input)
                ? "NaN"
                : !Number.isFinite(input)
                    ? String(input)
                    : undefined
            : undefined;
        payload.issues.push({
            expected: "number",
            code: "invalid_type",
            input,
            inst,
            ...(received ? { received } : {}),
        });
        return payload;
    };
});
const $ZodNumberFormat = /*@__PURE__*/ $constructor("$ZodNumberFormat", (inst, def) => {
    $ZodCheckNumberFormat.init(inst, def);
    $ZodNumber.init(inst, def); // no format checks
});
const $ZodBoolean = /*@__PURE__*/ $constructor("$ZodBoolean", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = boolean$1;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = Boolean(payload.value);
            }
            catch (_) { }
        const input = payload.value;
        if (typeof input === "boolean")
            return payload;
        payload.issues.push({
            expected: "boolean",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
});
const $ZodUnknown = /*@__PURE__*/ $constructor("$ZodUnknown", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload) => payload;
});
const $ZodNever = /*@__PURE__*/ $constructor("$ZodNever", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        payload.issues.push({
            expected: "never",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
});
// an oversized container fails its leading size checks before any element is parsed
function capSize(inst, size) {
    const caps = sizeCaps(inst._zod.def.checks);
    if (!caps.length)
        return;
    const cap = Math.min(...caps.map((c) => c[0]));
    const parse = inst._zod.parse;
    inst._zod.parse = (payload, ctx) => {
        const n = size(payload.value);
        if (n > cap && !ctx?.skipChecks && ctx?.direction !== "backward") {
            for (const [max, ch] of sizeCaps(inst._zod.def.checks)) {
                if (n > max && ch._zod.def.when(payload)) {
                    const start = payload.issues.length;
                    ch._zod.check(payload);
                    // the value is still the raw input, so no later check may read it
                    payload.issues[start].continue = false;
                    attachSchema(payload.issues, start, inst);
                    return payload;
                }
            }
        }
        return parse(payload, ctx);
    };
}
const arraySize = (input) => (Array.isArray(input) ? input.length : -1);
function handleArrayResult(result, final, index) {
    if (result.issues.length) {
        final.issues.push(...prefixIssues(index, result.issues));
    }
    final.value[index] = result.value;
}
const $ZodArray = /*@__PURE__*/ $constructor("$ZodArray", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!Array.isArray(input)) {
            payload.issues.push({
                expected: "array",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, Array(input.length), ctx) : Array(input.length);
        const proms = [];
        const abortEarly = ctx?.abortEarly;
        for (let i = 0; i < input.length; i++) {
            const item = input[i];
            const result = def.element._zod.run({
                value: item,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                proms.push(result.then((result) => handleArrayResult(result, payload, i)));
            }
            else {
                handleArrayResult(result, payload, i);
                // the element's payload is authoritative here, since handleArrayResult forwards every issue; an object's is not, because it drops a failed absent optional
                if (abortEarly && result.issues.length !== 0 && aborted(result))
                    break;
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => payload);
        }
        return payload; //handleArrayResultsAsync(parseResults, final);
    };
    capSize(inst, arraySize);
});
function handlePropertyResult(result, final, key, input, optin, optout) {
    const isPresent = key in input;
    const isOptionalOut = optout === "optional";
    // The middle rung means "absence permitted, nothing supplied in its place", so an absent key contributes nothing — whatever the schema made of `undefined` is invented, not substituted. Only `optional` reaches this with a value: `defaulted` substitutes, and a schema that isn't optional-out has to keep the key.
    if (!isPresent && isOptionalOut && optin === "optional") {
        return;
    }
    if (result.issues.length) {
        // For optional-in/out schemas, ignore errors on absent keys.
        if (optin !== undefined && isOptionalOut && !isPresent) {
            return;
        }
        final.issues.push(...prefixIssues(key, result.issues));
    }
    if (!isPresent && optin === undefined) {
        if (!result.issues.length) {
            final.issues.push({
                code: "invalid_type",
                expected: "nonoptional",
                input: undefined,
                path: [key],
            });
        }
        return;
    }
    if (result.value === undefined) {
        if (isPresent || (optin === "defaulted" && !isOptionalOut)) {
            final.value[key] = undefined;
        }
    }
    else {
        final.value[key] = result.value;
    }
}
// one shared instance; a fresh [] per schema cost 56 bytes retained
const NO_SYMBOL_KEYS = [];
function normalizeDef(def) {
    const keys = Object.keys(def.shape);
    const ownSymbols = Object.getOwnPropertySymbols(def.shape);
    const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
    // aliases `keys` when there are no symbols, so a string-only shape keeps one array
    const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
    for (const k of allKeys) {
        if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) {
            throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
        }
    }
    const okeys = optionalKeys(def.shape);
    return {
        ...def,
        allKeys,
        symbolKeys,
        // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
        keySet: new Set(keys),
        numKeys: keys.length,
        optionalKeys: new Set(okeys),
    };
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
    const unrecognized = [];
    const keySet = def.keySet;
    const _catchall = def.catchall._zod;
    const t = _catchall.def.type;
    const optin = _catchall.optin;
    const optout = _catchall.optout;
    // starts at 0, not the current length: the shape phase already ran and may have aborted
    let seen = 0;
    for (const key in input) {
        if (abortEarly && payload.issues.length !== seen) {
            if (aborted(payload, seen))
                break;
            seen = payload.issues.length;
        }
        // Must precede the __proto__ branch: a declared key is not unrecognized, even though the shape loop deliberately strips __proto__ from the parsed output.
        if (keySet.has(key))
            continue;
        // Don't copy an undeclared __proto__ into the result; assignment to a plain {} would replace the result prototype. But in strict mode it is still an unknown key, so report it before skipping.
        if (key === "__proto__") {
            if (t === "never")
                unrecognized.push(key);
            continue;
        }
        if (t === "never") {
            unrecognized.push(key);
            continue;
        }
        const r = _catchall.run({ value: input[key], issues: [] }, ctx);
        if (r instanceof Promise) {
            proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
        }
        else {
            handlePropertyResult(r, payload, key, input, optin, optout);
        }
    }
    if (unrecognized.length) {
        payload.issues.push({
            code: "unrecognized_keys",
            keys: unrecognized,
            input,
            inst,
            // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
            continue: true,
        });
    }
    if (!proms.length)
        return payload;
    return Promise.all(proms).then(() => {
        return payload;
    });
}
const $ZodObject = /*@__PURE__*/ $constructor("$ZodObject", (inst, def) => {
    // requires cast because technically $ZodObject doesn't extend
    $ZodType.init(inst, def);
    const desc = Object.getOwnPropertyDescriptor(def, "shape");
    // a cloned def carries its source's accessor, which knows the shape it answers from; adopting that keeps the clone's keys readable without running it
    const sh = desc?.get ? desc.get.raw : (def.shape ?? {});
    if (sh) {
        // Freezes the shape on first read, so its getters resolve once and every later read sees the same schemas.
        const get = () => {
            const newSh = { ...sh };
            Object.defineProperty(def, "shape", { value: newSh });
            get.raw = newSh;
            return newSh;
        };
        get.raw = sh;
        Object.defineProperty(def, "shape", { get });
    }
    const _normalized = cached(() => normalizeDef(def));
    defineLazyInternal(inst, "propValues", (zod) => {
        const shape = zod.def.shape;
        const propValues = {};
        for (const key in shape) {
            const field = shape[key]._zod;
            if (field.values) {
                if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
                    assignProp(propValues, key, new Set());
                }
                for (const v of field.values)
                    propValues[key].add(v);
                // An omittable slot reads back as undefined at a discriminator lookup, so it has to claim undefined: two options that can both omit the key are not discriminable on it.
                if (field.optin !== undefined)
                    propValues[key].add(undefined);
            }
        }
        return propValues;
    });
    const isObject$1 = isObject;
    const catchall = def.catchall;
    let value;
    const memo = globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject$1(input)) {
            payload.issues.push({
                expected: "object",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
        const proms = [];
        const shape = value.shape;
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const key of value.allKeys) {
            if (abortEarly && payload.issues.length !== seen) {
                if (aborted(payload, seen))
                    break;
                seen = payload.issues.length;
            }
            if (key === "__proto__")
                continue;
            const el = shape[key];
            const optin = el._zod.optin;
            const optout = el._zod.optout;
            const r = el._zod.run({ value: input[key], issues: [] }, ctx);
            if (r instanceof Promise) {
                proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
            }
            else {
                handlePropertyResult(r, payload, key, input, optin, optout);
            }
        }
        if (!catchall) {
            return proms.length ? Promise.all(proms).then(() => payload) : payload;
        }
        return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
    };
});
const $ZodObjectJIT = /*@__PURE__*/ $constructor("$ZodObjectJIT", (inst, def) => {
    // requires cast because technically $ZodObject doesn't extend
    $ZodObject.init(inst, def);
    const superParse = inst._zod.parse;
    const _normalized = cached(() => normalizeDef(def));
    const memo = globalConfig.memoizer;
    const generateFastpass = (shape) => {
        const normalized = _normalized.value;
        const syms = normalized.symbolKeys;
        // a symbol has no source literal, so it is read as `syms[i]` off the closed-over scope
        const doc = new Doc(["payload", "ctx"], { shape, inst, memo, syms });
        const parseStr = (k) => `shape[${k}]._zod.run({ value: input[${k}], issues: [] }, ctx)`;
        // prefixes in place, like util.prefixIssues. newResult must land before the early return: a catchall runs after this and would otherwise write onto the caller's input
        const prefixStr = (id, k) => `
          let ${id}_ab = false;
          for (let i = 0; i < ${id}.issues.length; i++) {
            const iss = ${id}.issues[i];
            iss.path = iss.path ? [${k}, ...iss.path] : [${k}];
            payload.issues.push(iss);
            if (iss.continue !== true) ${id}_ab = true;
          }
          if (${id}_ab && ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }`;
        doc.write(`const input = payload.value;`);
        const ids = Object.create(null);
        let counter = 0;
        for (const key of normalized.allKeys) {
            ids[key] = `key_${counter++}`;
        }
        // A: preserve key order {
        doc.write(memo ? `const newResult = memo.alloc(inst, payload, {}, ctx);` : `const newResult = {};`);
        for (const key of normalized.allKeys) {
            if (key === "__proto__")
                continue;
            const id = ids[key];
            const k = typeof key === "symbol" ? `syms[${syms.indexOf(key)}]` : esc(key);
            const isPresent = `${k} in input`;
            const schema = shape[key];
            const optin = schema?._zod?.optin;
            const isOptionalIn = optin !== undefined;
            const isOptionalOut = schema?._zod?.optout === "optional";
            doc.write(`const ${id} = ${parseStr(k)};`);
            if (isOptionalIn && isOptionalOut) {
                // For optional-in/out schemas, ignore errors on absent keys — and, like the interpreted path, drop the value produced alongside them. The middle rung goes further: it permits absence without supplying anything in its place, so an absent key contributes nothing at all.
                const assign = optin === "optional" ? `${id}_present` : `${id}.value !== undefined || ${id}_present`;
                doc.write(`
        const ${id}_present = ${isPresent};
        if (!${id}.issues.length || ${id}_present) {
          if (${id}.issues.length) {${prefixStr(id, k)}
          }

          if (${assign}) {
            newResult[${k}] = ${id}.value;
          }
        }

      `);
            }
            else if (!isOptionalIn) {
                doc.write(`
        const ${id}_present = ${isPresent};
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
        if (!${id}_present && !${id}.issues.length) {
          payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: undefined,
            path: [${k}]
          });
          if (ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }
        }

        if (${id}_present) {
          newResult[${k}] = ${id}.value;
        }

      `);
            }
            else {
                doc.write(`
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
      `);
                if (optin === "defaulted") {
                    doc.write(`newResult[${k}] = ${id}.value;`);
                }
                else {
                    doc.write(`
        if (${id}.value !== undefined || ${isPresent}) {
          newResult[${k}] = ${id}.value;
        }
      `);
                }
            }
        }
        doc.write(`payload.value = newResult;`);
        doc.write(`return payload;`);
        // closing `shape` in is what pays: turbofan specializes the parser against that one shape object, so every `shape[k]._zod.run` folds to a known callee. as a parameter it stays a generic load and measures 13% slower even with the forwarding frame gone
        return doc.compile();
    };
    let fastpass;
    const isObject$1 = isObject;
    const jit = !globalConfig.jitless;
    const allowsEval$1 = allowsEval;
    const fastEnabled = jit && allowsEval$1.value; // && !def.catchall;
    const catchall = def.catchall;
    let value;
    inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject$1(input)) {
            payload.issues.push({
                expected: "object",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        if (jit && fastEnabled && ctx?.async === false && ctx.jitless !== true) {
            // always synchronous
            if (!fastpass)
                fastpass = generateFastpass(def.shape);
            payload = fastpass(payload, ctx);
            if (!catchall)
                return payload;
            return handleCatchall([], input, payload, ctx, value, inst, ctx?.abortEarly === true);
        }
        return superParse(payload, ctx);
    };
});
function handleUnionResults(results, final, inst, ctx) {
    for (const result of results) {
        if (result.issues.length === 0) {
            final.value = result.value;
            return final;
        }
    }
    const nonaborted = results.filter((r) => !aborted(r));
    if (nonaborted.length === 1) {
        final.value = nonaborted[0].value;
        return nonaborted[0];
    }
    final.issues.push({
        code: "invalid_union",
        input: final.value,
        inst,
        errors: results.map((result) => result.issues.map((iss) => finalizeIssue(iss, ctx, config()))),
    });
    return final;
}
const $ZodUnion = /*@__PURE__*/ $constructor("$ZodUnion", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "optin", (zod) => zod.def.options.some((o) => o._zod.optin === "defaulted")
        ? "defaulted"
        : zod.def.options.some((o) => o._zod.optin !== undefined)
            ? "optional"
            : undefined);
    defineLazyInternal(inst, "optout", (zod) => zod.def.options.some((o) => o._zod.optout === "optional") ? "optional" : undefined);
    defineLazyInternal(inst, "values", (zod) => {
        if (zod.def.options.every((o) => o._zod.values)) {
            return new Set(zod.def.options.flatMap((option) => Array.from(option._zod.values)));
        }
        return undefined;
    });
    defineLazyInternal(inst, "pattern", (zod) => {
        if (zod.def.options.every((o) => o._zod.pattern)) {
            const patterns = zod.def.options.map((o) => o._zod.pattern);
            return new RegExp(`^(${patterns.map((p) => cleanRegex(p.source)).join("|")})$`);
        }
        return undefined;
    });
    const first = def.options.length === 1 ? def.options[0]._zod.run : null;
    inst._zod.parse = (payload, ctx) => {
        if (first) {
            return first(payload, ctx);
        }
        let async = false;
        const results = [];
        for (const option of def.options) {
            const result = option._zod.run({
                value: payload.value,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                results.push(result);
                async = true;
            }
            else {
                if (result.issues.length === 0)
                    return result;
                results.push(result);
            }
        }
        if (!async)
            return handleUnionResults(results, payload, inst, ctx);
        return Promise.all(results).then((results) => {
            return handleUnionResults(results, payload, inst, ctx);
        });
    };
});
const $ZodIntersection = /*@__PURE__*/ $constructor("$ZodIntersection", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        const left = def.left._zod.run({ value: input, issues: [] }, ctx);
        const right = def.right._zod.run({ value: input, issues: [] }, ctx);
        const async = left instanceof Promise || right instanceof Promise;
        if (async) {
            return Promise.all([left, right]).then(([left, right]) => {
                return handleIntersectionResults(payload, left, right);
            });
        }
        return handleIntersectionResults(payload, left, right);
    };
});
function mergeValues(a, b) {
    // const aType = parse.t(a);
    // const bType = parse.t(b);
    if (a === b) {
        return { valid: true, data: a };
    }
    if (a instanceof Date && b instanceof Date && +a === +b) {
        return { valid: true, data: a };
    }
    if (isPlainObject(a) && isPlainObject(b)) {
        const bKeys = Object.keys(b);
        const sharedKeys = Object.keys(a).filter((key) => bKeys.indexOf(key) !== -1);
        const newObj = { ...a, ...b };
        if (Object.prototype.hasOwnProperty.call(newObj, "__proto__"))
            delete newObj.__proto__;
        for (const key of sharedKeys) {
            if (key === "__proto__")
                continue;
            const sharedValue = mergeValues(a[key], b[key]);
            if (!sharedValue.valid) {
                return {
                    valid: false,
                    mergeErrorPath: [key, ...sharedValue.mergeErrorPath],
                };
            }
            newObj[key] = sharedValue.data;
        }
        return { valid: true, data: newObj };
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        if (a.length !== b.length) {
            return { valid: false, mergeErrorPath: [] };
        }
        const newArray = [];
        for (let index = 0; index < a.length; index++) {
            const itemA = a[index];
            const itemB = b[index];
            const sharedValue = mergeValues(itemA, itemB);
            if (!sharedValue.valid) {
                return {
                    valid: false,
                    mergeErrorPath: [index, ...sharedValue.mergeErrorPath],
                };
            }
            newArray.push(sharedValue.data);
        }
        return { valid: true, data: newArray };
    }
    return { valid: false, mergeErrorPath: [] };
}
function handleIntersectionResults(result, left, right) {
    // Track which side(s) reject each key. A key rejection is reported only when BOTH sides reject it, so a key owned by one branch survives the other's key schema. strictObject reports these as unrecognized_keys; a record with an open key schema reports one invalid_key per key.
    const unrecKeys = new Map();
    let unrecIssue;
    const keyIssues = new Map();
    const collect = (iss, side) => {
        let keys;
        if (iss.code === "unrecognized_keys" && !iss.path?.length) {
            unrecIssue ?? (unrecIssue = iss);
            keys = iss.keys;
        }
        else if (iss.code === "invalid_key" && iss.origin === "record" && iss.path?.length === 1) {
            const k = String(iss.path[0]);
            if (!keyIssues.has(k))
                keyIssues.set(k, iss);
            keys = [k];
        }
        else {
            return false;
        }
        for (const k of keys) {
            if (!unrecKeys.has(k))
                unrecKeys.set(k, {});
            unrecKeys.get(k)[side] = true;
        }
        return true;
    };
    for (const iss of left.issues) {
        if (!collect(iss, "l"))
            result.issues.push(iss);
    }
    for (const iss of right.issues) {
        if (!collect(iss, "r"))
            result.issues.push(iss);
    }
    // Report only keys rejected by BOTH sides
    const bothKeys = [...unrecKeys].filter(([, f]) => f.l && f.r).map(([k]) => k);
    if (bothKeys.length) {
        const aggregated = unrecIssue ? bothKeys.filter((k) => unrecIssue.keys.includes(k)) : [];
        if (aggregated.length)
            result.issues.push({ ...unrecIssue, keys: aggregated });
        for (const k of bothKeys) {
            if (!aggregated.includes(k) && keyIssues.has(k))
                result.issues.push(keyIssues.get(k));
        }
    }
    const merged = mergeValues(left.value, right.value);
    if (!merged.valid) {
        if (aborted(result))
            return result;
        throw new Error(`Unmergable intersection. Error path: ` + `${JSON.stringify(merged.mergeErrorPath)}`);
    }
    result.value = merged.data;
    return result;
}
const $ZodTuple = /*@__PURE__*/ $constructor("$ZodTuple", (inst, def) => {
    $ZodType.init(inst, def);
    const items = def.items;
    const memo = globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!Array.isArray(input)) {
            payload.issues.push({
                input,
                inst,
                expected: "tuple",
                code: "invalid_type",
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, [], ctx) : [];
        const proms = [];
        const optinStart = getTupleOptStart(items, "optin");
        const optoutStart = getTupleOptStart(items, "optout");
        if (!def.rest) {
            if (input.length < optinStart) {
                payload.issues.push({
                    code: "too_small",
                    minimum: optinStart,
                    inclusive: true,
                    input,
                    inst,
                    origin: "array",
                });
                return payload;
            }
            if (input.length > items.length) {
                payload.issues.push({
                    code: "too_big",
                    maximum: items.length,
                    inclusive: true,
                    input,
                    inst,
                    origin: "array",
                });
            }
        }
        // Run every item in parallel, collecting results into an indexed array. The post-processing in `handleTupleResults` walks them in order so it can decide whether an absent optional-output error can truncate the tail or must be reported to preserve required output.
        const itemResults = new Array(items.length);
        // only tracked when there is a rest loop to skip
        const abortEarly = def.rest ? ctx?.abortEarly : undefined;
        let itemAborted = false;
        for (let i = 0; i < items.length; i++) {
            const r = items[i]._zod.run({ value: input[i], issues: [] }, ctx);
            if (r instanceof Promise) {
                proms.push(r.then((rr) => {
                    itemResults[i] = rr;
                }));
            }
            else {
                itemResults[i] = r;
                if (abortEarly && !itemAborted && r.issues.length)
                    itemAborted = aborted(r);
            }
        }
        // sound because rest is non-empty exactly when every fixed index is present, the one case handleTupleResults cannot discard an item's issues
        if (def.rest && !itemAborted) {
            let i = items.length - 1;
            const rest = input.slice(items.length);
            let seen = payload.issues.length;
            for (const el of rest) {
                if (abortEarly && payload.issues.length !== seen) {
                    if (aborted(payload, seen))
                        break;
                    seen = payload.issues.length;
                }
                i++;
                const result = def.rest._zod.run({ value: el, issues: [] }, ctx);
                if (result instanceof Promise) {
                    proms.push(result.then((r) => handleTupleResult(r, payload, i)));
                }
                else {
                    handleTupleResult(result, payload, i);
                }
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => handleTupleResults(itemResults, payload, items, input, optoutStart));
        }
        return handleTupleResults(itemResults, payload, items, input, optoutStart);
    };
});
function getTupleOptStart(items, key) {
    for (let i = items.length - 1; i >= 0; i--) {
        // optin is a three-rung ladder so any rung above `undefined` permits an absent slot; optout stays two-valued.
        const omittable = key === "optin" ? items[i]._zod.optin !== undefined : items[i]._zod.optout === "optional";
        if (!omittable)
            return i + 1;
    }
    return 0;
}
function handleTupleResult(result, final, index) {
    if (result.issues.length) {
        final.issues.push(...prefixIssues(index, result.issues));
    }
    final.value[index] = result.value;
}
function handleTupleResults(itemResults, final, items, input, optoutStart) {
    // Walk results in order. Mirror $ZodObject's swallow-on-absent-optional rule, but only after `optoutStart`: the first index where the output tuple tail can be absent.
    for (let i = 0; i < items.length; i++) {
        const r = itemResults[i];
        const isPresent = i < input.length;
        // The array analog of `handlePropertyResult`'s absent-key early return: the middle rung permits absence without supplying anything in its place, so the tail truncates here instead of materializing whatever the item made of `undefined`.
        if (!isPresent && i >= optoutStart && items[i]._zod.optin === "optional") {
            final.value.length = i;
            break;
        }
        if (r.issues.length) {
            if (!isPresent && i >= optoutStart) {
                final.value.length = i;
                break;
            }
            final.issues.push(...prefixIssues(i, r.issues));
        }
        final.value[i] = r.value;
    }
    // Drop trailing slots that produced `undefined` for absent input
    // (the array analog of an absent optional key on an object). The
    // `i >= input.length` floor is critical: an explicit `undefined`
    // *inside* the input must be preserved even when the schema is
    // optional-out (e.g. `z.string().or(z.undefined())` accepting an
    // explicit undefined value).
    for (let i = final.value.length - 1; i >= input.length; i--) {
        if (items[i]._zod.optout === "optional" && final.value[i] === undefined) {
            final.value.length = i;
        }
        else {
            break;
        }
    }
    return final;
}
const $ZodEnum = /*@__PURE__*/ $constructor("$ZodEnum", (inst, def) => {
    $ZodType.init(inst, def);
    const values = getEnumValues(def.entries);
    const valuesSet = new Set(values);
    inst._zod.values = valuesSet;
    defineLazyInternal(inst, "pattern", (zod) => {
        const patternValues = getEnumValues(zod.def.entries).filter((k) => propertyKeyTypes.has(typeof k));
        // unmatchable fallback, RE2-safe: an empty alternation would compile to /^()$/, which matches ""
        return new RegExp(patternValues.length ? `^(${patternValues.map((o) => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
    });
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (valuesSet.has(input)) {
            return payload;
        }
        payload.issues.push({
            code: "invalid_value",
            values,
            input,
            inst,
        });
        return payload;
    };
});
const $ZodLiteral = /*@__PURE__*/ $constructor("$ZodLiteral", (inst, def) => {
    $ZodType.init(inst, def);
    const values = new Set(def.values);
    inst._zod.values = values;
    defineLazyInternal(inst, "pattern", (zod) => {
        const vals = zod.def.values;
        // unmatchable fallback, RE2-safe: an empty alternation would compile to /^()$/, which matches ""
        return new RegExp(vals.length
            ? `^(${vals
                .map((o) => typeof o === "string" ? escapeRegex(o) : o ? escapeRegex(o.toString()) : String(o))
                .join("|")})$`
            : "^[^\\s\\S]$");
    });
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (values.has(input)) {
            return payload;
        }
        payload.issues.push({
            code: "invalid_value",
            values: def.values,
            input,
            inst,
        });
        return payload;
    };
});
const $ZodTransform = /*@__PURE__*/ $constructor("$ZodTransform", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.optin = "optional";
    globalConfig.memoizer?.guard(inst);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            throw new $ZodEncodeError(inst.constructor.name);
        }
        const _out = def.transform(payload.value, payload);
        if (ctx.async) {
            const output = _out instanceof Promise ? _out : Promise.resolve(_out);
            return output.then((output) => {
                payload.value = output;
                return payload;
            });
        }
        if (_out instanceof Promise) {
            throw new $ZodAsyncError();
        }
        payload.value = _out;
        return payload;
    };
});
function handleOptionalResult(payload, result) {
    // A substituting schema that still failed has no usable answer; yield undefined. Its issues are simply dropped: it ran on a payload of its own, so there is no shared array to truncate and nothing of the caller's to lose with it.
    payload.value = result.issues.length ? undefined : result.value;
    return payload;
}
const $ZodOptional = /*@__PURE__*/ $constructor("$ZodOptional", (inst, def) => {
    $ZodType.init(inst, def);
    // .optional() propagates absence rather than substituting for it, so a defaulted inner keeps its rung.
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
    inst._zod.optout = "optional";
    defineLazyInternal(inst, "values", (zod) => {
        const values = zod.def.innerType._zod.values;
        return values ? new Set([...values, undefined]) : undefined;
    });
    defineLazyInternal(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        if (payload.value === undefined) {
            // Only the top rung substitutes a value for absence; everything else leaves it intact, which is what .optional() means.
            if (def.innerType._zod.optin !== "defaulted")
                return payload;
            // Its own payload, for the same reason $ZodCatch gets one: a pipe forwards an unrecognized key through the caller's issues array, and this must not read that as the substituting schema failing and drop it.
            const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
            if (result instanceof Promise)
                return result.then((result) => handleOptionalResult(payload, result));
            return handleOptionalResult(payload, result);
        }
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodExactOptional = /*@__PURE__*/ $constructor("$ZodExactOptional", (inst, def) => {
    // Call parent init - inherits optin/optout = "optional"
    $ZodOptional.init(inst, def);
    // Override values/pattern to NOT add undefined
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    defineLazyInternal(inst, "pattern", (zod) => zod.def.innerType._zod.pattern);
    // Override parse to just delegate (no undefined handling)
    inst._zod.parse = (payload, ctx) => {
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodNullable = /*@__PURE__*/ $constructor("$ZodNullable", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin);
    defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
    defineLazyInternal(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${cleanRegex(pattern.source)}|null)$`) : undefined;
    });
    defineLazyInternal(inst, "values", (zod) => {
        return zod.def.innerType._zod.values ? new Set([...zod.def.innerType._zod.values, null]) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        // Forward direction (decode): allow null to pass through
        if (payload.value === null)
            return payload;
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodDefault = /*@__PURE__*/ $constructor("$ZodDefault", (inst, def) => {
    $ZodType.init(inst, def);
    // inst._zod.qin = "true";
    inst._zod.optin = "defaulted";
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply defaults for undefined input
        if (payload.value === undefined) {
            payload.value = def.defaultValue;
            /**
             * $ZodDefault returns the default value immediately in forward direction.
             * It doesn't pass the default value into the validator ("prefault"). There's no reason to pass the default value through validation. The validity of the default is enforced by TypeScript statically. Otherwise, it's the responsibility of the user to ensure the default is valid. In the case of pipes with divergent in/out types, you can specify the default on the `in` schema of your ZodPipe to set a "prefault" for the pipe.   */
            return payload;
        }
        // Forward direction: continue with default handling
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleDefaultResult(result, def));
        }
        return handleDefaultResult(result, def);
    };
});
function handleDefaultResult(payload, def) {
    if (payload.value === undefined) {
        payload.value = def.defaultValue;
    }
    return payload;
}
const $ZodPrefault = /*@__PURE__*/ $constructor("$ZodPrefault", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.optin = "defaulted";
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply prefault for undefined input
        if (payload.value === undefined) {
            payload.value = def.defaultValue;
        }
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodNonOptional = /*@__PURE__*/ $constructor("$ZodNonOptional", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "values", (zod) => {
        const v = zod.def.innerType._zod.values;
        return v ? new Set([...v].filter((x) => x !== undefined)) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleNonOptionalResult(result, inst));
        }
        return handleNonOptionalResult(result, inst);
    };
});
function handleNonOptionalResult(payload, inst) {
    if (!payload.issues.length && payload.value === undefined) {
        payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: payload.value,
            inst,
        });
    }
    return payload;
}
function handleCatchResult(payload, result, def, ctx) {
    if (!result.issues.length) {
        payload.value = result.value;
        // The value carries up, so the flag describing it has to carry with it: a back-edge into a node still being parsed must not be frozen by an enclosing readonly, and its checks belong to the node itself. Guarded so the ordinary case adds no own property.
        if (result.memo)
            payload.memo = true;
        return payload;
    }
    // Spread the inner's own payload, not ours: `value` has to stay the input the catch was handed, and the inner ran on a payload of its own so its issues are already private to this call.
    payload.value = def.catchValue({
        ...result,
        value: payload.value,
        error: {
            issues: result.issues.map((iss) => finalizeIssue(iss, ctx, config())),
        },
        input: payload.value,
    });
    return payload;
}
const $ZodCatch = /*@__PURE__*/ $constructor("$ZodCatch", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
    defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply catch logic
        const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleCatchResult(payload, result, def, ctx));
        }
        return handleCatchResult(payload, result, def, ctx);
    };
});
const $ZodPipe = /*@__PURE__*/ $constructor("$ZodPipe", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values);
    defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin);
    defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout);
    defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            const right = def.out._zod.run(payload, ctx);
            if (right instanceof Promise) {
                return right.then((right) => handlePipeResult(right, def.in, ctx));
            }
            return handlePipeResult(right, def.in, ctx);
        }
        const left = def.in._zod.run(payload, ctx);
        if (left instanceof Promise) {
            return left.then((left) => handlePipeResult(left, def.out, ctx));
        }
        return handlePipeResult(left, def.out, ctx);
    };
});
function handlePipeResult(left, next, ctx) {
    // Any issue stops the pipe, so a failing refinement never feeds its transform. An unrecognized key is the exception: it describes the input's extra properties, not the value being piped, and an enclosing intersection may yet reconcile it.
    if (left.issues.some((iss) => iss.code !== "unrecognized_keys")) {
        // prevent further checks
        left.aborted = true;
        return left;
    }
    return next._zod.run({ value: left.value, issues: left.issues }, ctx);
}
const $ZodReadonly = /*@__PURE__*/ $constructor("$ZodReadonly", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "propValues", (zod) => zod.def.innerType._zod.propValues);
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType?._zod?.optin);
    defineLazyInternal(inst, "optout", (zod) => zod.def.innerType?._zod?.optout);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then(handleReadonlyResult);
        }
        return handleReadonlyResult(result);
    };
});
function handleReadonlyResult(payload) {
    // A repeat visit hands back a node that is still being built; freezing it here would make the rest of its keys fail to assign.
    if (!payload.memo)
        payload.value = Object.freeze(payload.value);
    return payload;
}
const $ZodCustom = /*@__PURE__*/ $constructor("$ZodCustom", (inst, def) => {
    $ZodCheck.init(inst, def);
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _) => {
        return payload;
    };
    inst._zod.check = (payload) => {
        const input = payload.value;
        const r = def.fn(input);
        if (r instanceof Promise) {
            return r.then((r) => handleRefineResult(r, payload, input, inst));
        }
        handleRefineResult(r, payload, input, inst);
        return;
    };
});
function handleRefineResult(result, payload, input, inst) {
    if (!result) {
        const _iss = {
            code: "custom",
            input,
            inst, // incorporates params.error into issue reporting
            path: [...(inst._zod.def.path ?? [])], // incorporates params.error into issue reporting
            continue: !inst._zod.def.abort,
            // params: inst._zod.def.params,
        };
        if (inst._zod.def.params)
            _iss.params = inst._zod.def.params;
        payload.issues.push(issue(_iss));
    }
}

class $ZodCyclicError extends Error {
    constructor() {
        super(`Cannot parse a reference cycle that closes through a transform`);
        this.name = "ZodCyclicError";
    }
}
/** Keyed off the context object every schema in one parse call already shares. */
const STATE = "~memo";
const NO_ISSUES = [];
// a value a cycle can close through
function isRef(value) {
    return value !== null && typeof value === "object";
}
// Receivers prefix paths in place, so the cache and every hand-out need their own copies.
function cloneIssues(issues) {
    return issues.map((iss) => (iss.path ? { ...iss, path: iss.path.slice() } : { ...iss }));
}
const recursive = /*@__PURE__*/ new WeakMap();
/** What the walk established, in order of certainty: ordered so the strongest answer among children wins. */
const NONE = 0;
const ASSUMED = 1;
const PROVEN = 2;
/** Whether this schema's subtree contains a cycle, so one parse can re-enter it. */
function isRecursive(inst, stack, resolve) {
    const cached = recursive.get(inst);
    if (cached !== undefined)
        return cached ? PROVEN : NONE;
    // Relative to the walk in progress, so not cached.
    if (stack.has(inst))
        return PROVEN;
    stack.add(inst);
    let result = NONE;
    const check = (child) => {
        if (result !== PROVEN && child?._zod) {
            const answer = isRecursive(child, stack);
            if (answer > result)
                result = answer;
        }
    };
    // `Reflect.ownKeys` rather than `Object.keys`, so a cycle through a declared symbol key is still seen
    const shape = (sh, spread) => {
        let answer = NONE;
        for (const key of Reflect.ownKeys(sh)) {
            const desc = Object.getOwnPropertyDescriptor(sh, key);
            // an object resolves its shape by spread, so a key it does not enumerate is never parsed; `z.properties` reads every own key and so keeps them all
            if (!desc.enumerable)
                continue;
            // resolving runs user code, and a factory mints a fresh subtree per read, so an edge the walk can't follow counts as a cycle
            const child = desc.get ? ASSUMED : desc.value?._zod ? isRecursive(desc.value, stack) : NONE;
            if (child > answer)
                answer = child;
        }
        return answer;
    };
    const merge = (answer) => {
        if (answer > result)
            result = answer;
    };
    const def = inst._zod.def;
    const kind = def.type;
    switch (kind) {
        case "object": {
            const raw = rawShape(def);
            // a def with no raw shape answers `shape` from an accessor of its own, and running that can mint a whole fresh subtree
            merge(raw ? shape(raw) : ASSUMED);
            check(def.catchall);
            break;
        }
        case "array":
            check(def.element);
            break;
        case "tuple":
            for (const el of def.items)
                check(el);
            check(def.rest);
            break;
        case "record":
        case "map":
            check(def.keyType);
            check(def.valueType);
            break;
        case "set":
            check(def.valueType);
            break;
        case "union":
            for (const el of def.options)
                check(el);
            break;
        case "intersection":
            check(def.left);
            check(def.right);
            break;
        case "optional":
        case "nullable":
        case "default":
        case "prefault":
        case "catch":
        case "readonly":
        case "nonoptional":
        case "promise":
        case "success":
            check(def.innerType);
            break;
        case "pipe":
            check(def.in);
            check(def.out);
            break;
        case "function":
            check(def.input);
            check(def.output);
            break;
        // `$ZodLazy` caches its inner on the def, so a resolved edge is followed exactly
        case "lazy": {
            const inner = def._cachedInner ?? (undefined);
            // walked with resolution off: one hop sees past the deferral, and a lazy that yields only another unresolved lazy is generative, so it stops there
            merge(inner ? isRecursive(inner, stack) : ASSUMED);
            break;
        }
        // a leaf by choice: `parts` are regex fragments, not data positions
        case "template_literal":
        // leaves
        case "string":
        case "number":
        case "int":
        case "boolean":
        case "bigint":
        case "symbol":
        case "undefined":
        case "null":
        case "void":
        case "never":
        case "any":
        case "unknown":
        case "date":
        case "nan":
        case "enum":
        case "literal":
        case "file":
        case "transform":
        case "custom":
            break;
        default: {
            // a user-defined kind can still hold children, and only its author knows where, so fall back to scanning the def — skipping accessors, since reading one can run user code
            for (const key in def) {
                const desc = Object.getOwnPropertyDescriptor(def, key);
                if (!desc || desc.get)
                    continue;
                const value = desc.value;
                if (!value || typeof value !== "object")
                    continue;
                if (value._zod)
                    check(value);
                else if (Array.isArray(value))
                    for (const el of value)
                        check(el);
            }
        }
    }
    stack.delete(inst);
    return settle(inst, result);
}
/** An assumed answer must not outlive the resolution that settles it, so only a certain one is cached. */
function settle(inst, answer) {
    if (answer !== ASSUMED)
        recursive.set(inst, answer === PROVEN);
    return answer;
}
function bucketFor(state, inst) {
    let bucket = state.buckets.get(inst);
    if (!bucket) {
        bucket = new WeakMap();
        state.buckets.set(inst, bucket);
    }
    return bucket;
}
// Set immediately before delegating to core and cleared immediately after, so `alloc` registers only for a visit this module is driving.
let handoff;
// Allocated but unfinished entries. `alloc` and the matching pop both happen in the synchronous part of a parse, so they nest even when children are async, and one stack serves every schema.
const open = [];
const memo = {
    alloc(_inst, payload, empty) {
        const bucket = handoff;
        if (!bucket)
            return empty;
        handoff = undefined;
        const entry = { value: empty, issues: null };
        bucket.set(payload.value, entry);
        open.push(entry);
        return empty;
    },
    guard(inst) {
        var _a;
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred.push(() => {
            const base = inst._zod.parse;
            const wrapped = (payload, ctx) => {
                // The value is a placeholder a back-edge is still waiting on, so the cycle closes through this transform. Its output can't exist in time to bind.
                if (ctx.direction !== "backward" && isBackEdge(ctx, payload.value))
                    throw new $ZodCyclicError();
                return base(payload, ctx);
            };
            inst._zod.parse = wrapped;
            if (inst._zod.run === base)
                inst._zod.run = wrapped;
        });
    },
    attach(inst) {
        var _a;
        let isRecursiveInst;
        let rechecked = false;
        // a recursive schema is re-entered many times per parse and its bucket never changes
        let lastCtx;
        let lastBucket;
        // Wraps `parse` in a deferred so it sees the container's final parse. Core's own deferred copies `parse` into `run` when there are no checks, and it ran first, so `run` is patched to match; with checks, `run` reads `parse` dynamically.
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred.push(() => {
            const base = inst._zod.parse;
            const wrapped = (payload, ctx) => {
                if (isRecursiveInst === undefined) {
                    const walked = isRecursive(inst, new Set());
                    if (walked === NONE) {
                        // Nothing here can ever fire, so take it back out.
                        inst._zod.parse = base;
                        if (inst._zod.run === wrapped)
                            inst._zod.run = base;
                        return base(payload, ctx);
                    }
                    // this parse resolves the deferred edges on its own path, so ask once more before latching
                    if (walked === PROVEN || rechecked)
                        isRecursiveInst = true;
                    else
                        rechecked = true;
                }
                const input = payload.value;
                if (!isRef(input))
                    return base(payload, ctx);
                let state = ctx[STATE];
                if (!state) {
                    state = { buckets: new WeakMap(), backEdges: undefined };
                    ctx[STATE] = state;
                }
                let bucket;
                if (lastCtx === ctx) {
                    bucket = lastBucket;
                }
                else {
                    bucket = bucketFor(state, inst);
                    lastCtx = ctx;
                    lastBucket = bucket;
                }
                const hit = bucket.get(input);
                if (hit) {
                    payload.value = hit.value;
                    if (hit.issues) {
                        if (hit.issues.length)
                            payload.issues.push(...cloneIssues(hit.issues));
                    }
                    else {
                        // Still being parsed: its own checks cover it, so skip them here.
                        payload.memo = true;
                        state.backEdges ?? (state.backEdges = new WeakSet());
                        state.backEdges.add(hit.value);
                    }
                    return payload;
                }
                handoff = bucket;
                const depth = open.length;
                const result = base(payload, ctx);
                handoff = undefined;
                // A container that rejected its input outright allocated nothing.
                const entry = open.length > depth ? open.pop() : undefined;
                // Both paths written out so the sync one allocates no closure. It runs once per node, and capturing here cost more than everything else combined.
                if (result instanceof Promise) {
                    return result.then((r) => {
                        if (entry)
                            entry.issues = r.issues.length ? cloneIssues(r.issues) : NO_ISSUES;
                        return r;
                    });
                }
                if (entry)
                    entry.issues = result.issues.length ? cloneIssues(result.issues) : NO_ISSUES;
                return result;
            };
            inst._zod.parse = wrapped;
            if (inst._zod.run === base)
                inst._zod.run = wrapped;
        });
    },
};
/** The memoizer that gives containers cycle support. `zod` installs it by default; `zod/mini` opts in with `config({ memoizer: memoizer() })`. */
function memoizer() {
    return memo;
}
/** Whether this value is a node a back-edge resolved to before it finished. */
function isBackEdge(ctx, value) {
    const backEdges = ctx[STATE]?.backEdges;
    return backEdges !== undefined && isRef(value) && backEdges.has(value);
}

const error = () => {
    const Sizable = {
        string: { unit: "characters", verb: "to have" },
        file: { unit: "bytes", verb: "to have" },
        array: { unit: "items", verb: "to have" },
        set: { unit: "items", verb: "to have" },
        map: { unit: "entries", verb: "to have" },
    };
    function getSizing(origin) {
        return Sizable[origin] ?? null;
    }
    const FormatDictionary = {
        regex: "input",
        email: "email address",
        url: "URL",
        emoji: "emoji",
        uuid: "UUID",
        uuidv4: "UUIDv4",
        uuidv6: "UUIDv6",
        nanoid: "nanoid",
        guid: "GUID",
        cuid: "cuid",
        cuid2: "cuid2",
        ulid: "ULID",
        xid: "XID",
        ksuid: "KSUID",
        datetime: "ISO datetime",
        date: "ISO date",
        time: "ISO time",
        duration: "ISO duration",
        ipv4: "IPv4 address",
        ipv6: "IPv6 address",
        mac: "MAC address",
        cidrv4: "IPv4 range",
        cidrv6: "IPv6 range",
        base64: "base64-encoded string",
        base64url: "base64url-encoded string",
        json_string: "JSON string",
        e164: "E.164 number",
        currency_code: "currency code",
        credit_card: "credit card number",
        iban: "IBAN",
        jwt: "JWT",
        template_literal: "input",
    };
    // type names: missing keys = do not translate (use raw value via ?? fallback)
    const TypeDictionary = {
        // Compatibility: "nan" -> "NaN" for display
        nan: "NaN",
        // All other type names omitted - they fall back to raw values via ?? operator
    };
    function getTypeName(type, input) {
        if (type === "number" && typeof input === "number" && !Number.isFinite(input)) {
            return String(input);
        }
        return TypeDictionary[type] ?? type;
    }
    return (issue) => {
        switch (issue.code) {
            case "invalid_type": {
                const expected = getTypeName(issue.expected);
                const receivedType = parsedType(issue.input);
                const received = getTypeName(receivedType, issue.input);
                return `Invalid input: expected ${expected}, received ${received}`;
            }
            case "invalid_value":
                if (issue.values.length === 1)
                    return `Invalid input: expected ${stringifyPrimitive(issue.values[0])}`;
                return `Invalid option: expected one of ${joinValues(issue.values, "|")}`;
            case "too_big": {
                const adj = issue.exact ? "exactly " : issue.inclusive ? "<=" : "<";
                const sizing = getSizing(issue.origin);
                if (sizing)
                    return `Too big: expected ${issue.origin ?? "value"} to have ${adj}${issue.maximum.toString()} ${sizing.unit ?? "elements"}`;
                return `Too big: expected ${issue.origin ?? "value"} to be ${adj}${issue.maximum.toString()}`;
            }
            case "too_small": {
                const adj = issue.exact ? "exactly " : issue.inclusive ? ">=" : ">";
                const sizing = getSizing(issue.origin);
                if (sizing) {
                    return `Too small: expected ${issue.origin} to have ${adj}${issue.minimum.toString()} ${sizing.unit}`;
                }
                return `Too small: expected ${issue.origin} to be ${adj}${issue.minimum.toString()}`;
            }
            case "invalid_format": {
                const _issue = issue;
                if (_issue.format === "starts_with") {
                    return `Invalid string: must start with "${_issue.prefix}"`;
                }
                if (_issue.format === "ends_with")
                    return `Invalid string: must end with "${_issue.suffix}"`;
                if (_issue.format === "includes")
                    return `Invalid string: must include "${_issue.includes}"`;
                if (_issue.format === "regex")
                    return `Invalid string: must match pattern ${_issue.pattern}`;
                return `Invalid ${FormatDictionary[_issue.format] ?? issue.format}`;
            }
            case "not_multiple_of":
                return `Invalid number: must be a multiple of ${issue.divisor}`;
            case "unrecognized_keys":
                return `Unrecognized key${issue.keys.length > 1 ? "s" : ""}: ${joinValues(issue.keys, ", ")}`;
            case "invalid_key":
                return `Invalid key in ${issue.origin}`;
            case "invalid_union":
                if (issue.options && Array.isArray(issue.options) && issue.options.length > 0) {
                    const opts = issue.options.map((o) => `'${o}'`).join(" | ");
                    return `Invalid discriminator value. Expected ${opts}`;
                }
                if (issue.inclusive === false) {
                    return "Invalid input: more than one option matched";
                }
                return "Invalid input";
            case "invalid_element":
                return `Invalid value in ${issue.origin}`;
            default:
                return `Invalid input`;
        }
    };
};
function en () {
    return {
        localeError: error(),
    };
}

var _a;
class $ZodRegistry {
    constructor() {
        this._map = new WeakMap();
        this._idmap = new Map();
    }
    add(schema, ..._meta) {
        const meta = _meta[0];
        this._map.set(schema, meta);
        if (meta && typeof meta === "object" && "id" in meta) {
            this._idmap.set(meta.id, schema);
        }
        return this;
    }
    clear() {
        this._map = new WeakMap();
        this._idmap = new Map();
        return this;
    }
    remove(schema) {
        const meta = this._map.get(schema);
        if (meta && typeof meta === "object" && "id" in meta) {
            this._idmap.delete(meta.id);
        }
        this._map.delete(schema);
        return this;
    }
    get(schema) {
        // return this._map.get(schema) as any;
        // inherit metadata
        const p = schema._zod.parent;
        if (p) {
            const pm = { ...(this.get(p) ?? {}) };
            delete pm.id; // do not inherit id
            const f = { ...pm, ...this._map.get(schema) };
            return Object.keys(f).length ? f : undefined;
        }
        return this._map.get(schema);
    }
    has(schema) {
        return this._map.has(schema);
    }
}
// registries
function registry() {
    return new $ZodRegistry();
}
(_a = globalThis).__zod_globalRegistry ?? (_a.__zod_globalRegistry = registry());
const globalRegistry = globalThis.__zod_globalRegistry;

function snapshotChecks(def) {
    if (def.checks)
        def.checks = [...def.checks];
    return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class, params) {
    return new Class(snapshotChecks({ type: "string", ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _email(Class, params) {
    return new Class({
        type: "string",
        format: "email",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _guid(Class, params) {
    return new Class({
        type: "string",
        format: "guid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuid(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv4(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v4",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv6(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v6",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv7(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v7",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _url(Class, params) {
    return new Class({
        type: "string",
        format: "url",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _emoji(Class, params) {
    return new Class({
        type: "string",
        format: "emoji",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _nanoid(Class, params) {
    return new Class({
        type: "string",
        format: "nanoid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link _cuid2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
// @__NO_SIDE_EFFECTS__
function _cuid(Class, params) {
    return new Class({
        type: "string",
        format: "cuid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cuid2(Class, params) {
    return new Class({
        type: "string",
        format: "cuid2",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ulid(Class, params) {
    return new Class({
        type: "string",
        format: "ulid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _xid(Class, params) {
    return new Class({
        type: "string",
        format: "xid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ksuid(Class, params) {
    return new Class({
        type: "string",
        format: "ksuid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ipv4(Class, params) {
    return new Class({
        type: "string",
        format: "ipv4",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ipv6(Class, params) {
    return new Class({
        type: "string",
        format: "ipv6",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cidrv4(Class, params) {
    return new Class({
        type: "string",
        format: "cidrv4",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cidrv6(Class, params) {
    return new Class({
        type: "string",
        format: "cidrv6",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _base64(Class, params) {
    return new Class({
        type: "string",
        format: "base64",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _base64url(Class, params) {
    return new Class({
        type: "string",
        format: "base64url",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _e164(Class, params) {
    return new Class({
        type: "string",
        format: "e164",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _jwt(Class, params) {
    return new Class({
        type: "string",
        format: "jwt",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoDateTime(Class, params) {
    return new Class({
        type: "string",
        format: "datetime",
        check: "string_format",
        offset: false,
        local: false,
        precision: null,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoDate(Class, params) {
    return new Class({
        type: "string",
        format: "date",
        check: "string_format",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoTime(Class, params) {
    return new Class({
        type: "string",
        format: "time",
        check: "string_format",
        precision: null,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoDuration(Class, params) {
    return new Class({
        type: "string",
        format: "duration",
        check: "string_format",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _number(Class, params) {
    return new Class(snapshotChecks({ type: "number", checks: [], ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _int(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "safeint",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _boolean(Class, params) {
    return new Class({
        type: "boolean",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _unknown(Class) {
    return new Class({
        type: "unknown",
    });
}
// @__NO_SIDE_EFFECTS__
function _never(Class, params) {
    return new Class({
        type: "never",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _lt(value, params) {
    return new $ZodCheckLessThan({
        check: "less_than",
        ...normalizeParams(params),
        value,
        inclusive: false,
    });
}
// @__NO_SIDE_EFFECTS__
function _lte(value, params) {
    return new $ZodCheckLessThan({
        check: "less_than",
        ...normalizeParams(params),
        value,
        inclusive: true,
    });
}
// @__NO_SIDE_EFFECTS__
function _gt(value, params) {
    return new $ZodCheckGreaterThan({
        check: "greater_than",
        ...normalizeParams(params),
        value,
        inclusive: false,
    });
}
// @__NO_SIDE_EFFECTS__
function _gte(value, params) {
    return new $ZodCheckGreaterThan({
        check: "greater_than",
        ...normalizeParams(params),
        value,
        inclusive: true,
    });
}
// @__NO_SIDE_EFFECTS__
function _multipleOf(value, params) {
    return new $ZodCheckMultipleOf({
        check: "multiple_of",
        ...normalizeParams(params),
        value,
    });
}
// @__NO_SIDE_EFFECTS__
function _maxLength(maximum, params) {
    const ch = new $ZodCheckMaxLength({
        check: "max_length",
        ...normalizeParams(params),
        maximum,
    });
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
    return new $ZodCheckMinLength({
        check: "min_length",
        ...normalizeParams(params),
        minimum,
    });
}
// @__NO_SIDE_EFFECTS__
function _length(length, params) {
    return new $ZodCheckLengthEquals({
        check: "length_equals",
        ...normalizeParams(params),
        length,
    });
}
// @__NO_SIDE_EFFECTS__
function _regex(pattern, params) {
    return new $ZodCheckRegex({
        check: "string_format",
        format: "regex",
        ...normalizeParams(params),
        pattern,
    });
}
// @__NO_SIDE_EFFECTS__
function _lowercase(params) {
    return new $ZodCheckLowerCase({
        check: "string_format",
        format: "lowercase",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uppercase(params) {
    return new $ZodCheckUpperCase({
        check: "string_format",
        format: "uppercase",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _includes(includes, params) {
    return new $ZodCheckIncludes({
        check: "string_format",
        format: "includes",
        ...normalizeParams(params),
        includes,
    });
}
// @__NO_SIDE_EFFECTS__
function _startsWith(prefix, params) {
    return new $ZodCheckStartsWith({
        check: "string_format",
        format: "starts_with",
        ...normalizeParams(params),
        prefix,
    });
}
// @__NO_SIDE_EFFECTS__
function _endsWith(suffix, params) {
    return new $ZodCheckEndsWith({
        check: "string_format",
        format: "ends_with",
        ...normalizeParams(params),
        suffix,
    });
}
// @__NO_SIDE_EFFECTS__
function _overwrite(tx) {
    return new $ZodCheckOverwrite({
        check: "overwrite",
        tx,
    });
}
// normalize
// @__NO_SIDE_EFFECTS__
function _normalize(form) {
    return _overwrite((input) => input.normalize(form));
}
// trim
// @__NO_SIDE_EFFECTS__
function _trim() {
    return _overwrite((input) => input.trim());
}
// toLowerCase
// @__NO_SIDE_EFFECTS__
function _toLowerCase() {
    return _overwrite((input) => input.toLowerCase());
}
// toUpperCase
// @__NO_SIDE_EFFECTS__
function _toUpperCase() {
    return _overwrite((input) => input.toUpperCase());
}
// slugify
// @__NO_SIDE_EFFECTS__
function _slugify() {
    return _overwrite((input) => slugify(input));
}
// @__NO_SIDE_EFFECTS__
function _array(Class, element, params) {
    return new Class({
        type: "array",
        element,
        // get element() {
        //   return element;
        // },
        ...normalizeParams(params),
    });
}
// same as _custom but defaults to abort:false
// @__NO_SIDE_EFFECTS__
function _refine(Class, fn, _params) {
    const schema = new Class({
        type: "custom",
        check: "custom",
        fn: fn,
        ...normalizeParams(_params),
    });
    return schema;
}
// @__NO_SIDE_EFFECTS__
function _superRefine(fn, params) {
    const ch = _check((payload) => {
        payload.addIssue = (issue$1) => {
            if (typeof issue$1 === "string") {
                payload.issues.push(issue(issue$1, payload.value, ch._zod.def));
            }
            else {
                // for Zod 3 backwards compatibility
                const _issue = issue$1;
                if (_issue.fatal)
                    _issue.continue = false;
                _issue.code ?? (_issue.code = "custom");
                if (!("input" in _issue))
                    _issue.input = payload.value;
                _issue.inst ?? (_issue.inst = ch);
                _issue.continue ?? (_issue.continue = !ch._zod.def.abort); // abort is always undefined, so this is always true...
                payload.issues.push(issue(_issue));
            }
        };
        return fn(payload.value, payload);
    }, params);
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _check(fn, params) {
    const ch = new $ZodCheck({
        check: "custom",
        ...normalizeParams(params),
    });
    ch._zod.check = fn;
    return ch;
}

function assignProps(target, ...sources) {
    for (const source of sources) {
        for (const key of Reflect.ownKeys(source)) {
            if (Object.prototype.propertyIsEnumerable.call(source, key)) {
                assignProp(target, key, source[key]);
            }
        }
    }
    return target;
}
// function initializeContext<T extends schemas.$ZodType>(inputs: JSONSchemaGeneratorParams<T>): ToJSONSchemaContext<T> {
//   return {
//     processor: inputs.processor,
//     metadataRegistry: inputs.metadata ?? globalRegistry,
//     target: inputs.target ?? "draft-2020-12",
//     unrepresentable: inputs.unrepresentable ?? "throw",
//   };
// }
function initializeContext(params) {
    // Normalize target: convert old non-hyphenated versions to hyphenated versions
    let target = params?.target ?? "draft-2020-12";
    if (target === "draft-4")
        target = "draft-04";
    if (target === "draft-7")
        target = "draft-07";
    return {
        processors: params.processors ?? {},
        metadataRegistry: params?.metadata ?? globalRegistry,
        target,
        unrepresentable: params?.unrepresentable ?? "throw",
        override: params?.override ?? (() => { }),
        io: params?.io ?? "output",
        counter: 0,
        seen: new Map(),
        sharedDefsExtractedFor: undefined,
        sharedEmitDoneFor: undefined,
        cycles: params?.cycles ?? "ref",
        reused: params?.reused ?? "inline",
        intersections: [],
        deferred: [],
        external: params?.external ?? undefined,
    };
}
/**
 * Applies the `unrepresentable` setting at a site that has no JSON Schema equivalent. Throws
 * `message` unless the setting (or the handler's return value) says otherwise. Returns `true` if a
 * custom JSON Schema was written into `json`, in which case the caller must not write its own.
 */
function handleUnrepresentable(schema, ctx, json, params, message) {
    const result = typeof ctx.unrepresentable === "function"
        ? ctx.unrepresentable({ zodSchema: schema, path: params.path, message })
        : ctx.unrepresentable;
    if (result === "any")
        return false;
    if (result === undefined || result === "throw")
        throw new Error(message);
    Object.assign(json, result);
    return true;
}
// never rename this back to `process`: bundler polyfills inject a top-level `const process` that a lexical declaration of the same name collides with (#6397)
function processSchema(schema, ctx, _params = { path: [], schemaPath: [] }) {
    var _a;
    const def = schema._zod.def;
    // check for schema in seens
    const seen = ctx.seen.get(schema);
    if (seen) {
        seen.count++;
        // check if cycle
        const isCycle = _params.schemaPath.includes(schema);
        if (isCycle) {
            seen.cycle = _params.path;
        }
        return seen.schema;
    }
    // initialize
    const result = { schema: {}, count: 1, cycle: undefined, path: _params.path };
    ctx.seen.set(schema, result);
    ctx.sharedDefsExtractedFor = undefined;
    ctx.sharedEmitDoneFor = undefined;
    // custom method overrides default behavior
    const overrideSchema = schema._zod.toJSONSchema?.();
    if (overrideSchema) {
        result.schema = overrideSchema;
    }
    else {
        const params = {
            ..._params,
            schemaPath: [..._params.schemaPath, schema],
            path: _params.path,
        };
        if (schema._zod.processJSONSchema) {
            schema._zod.processJSONSchema(ctx, result.schema, params);
        }
        else {
            const _json = result.schema;
            const processor = ctx.processors[def.type];
            if (!processor) {
                throw new Error(`[toJSONSchema]: Non-representable type encountered: ${def.type}`);
            }
            processor(schema, ctx, _json, params);
        }
        const parent = schema._zod.parent;
        if (parent) {
            // Also set ref if processor didn't (for inheritance)
            if (!result.ref)
                result.ref = parent;
            processSchema(parent, ctx, params);
            ctx.seen.get(parent).isParent = true;
        }
    }
    // metadata
    const meta = ctx.metadataRegistry.get(schema);
    if (meta)
        assignProps(result.schema, meta);
    if (ctx.io === "input" && isTransforming(schema)) {
        // examples/defaults only apply to output type of pipe
        delete result.schema.examples;
        delete result.schema.default;
    }
    // set prefault as default
    if (ctx.io === "input" && "_prefault" in result.schema)
        (_a = result.schema).default ?? (_a.default = result.schema._prefault);
    delete result.schema._prefault;
    // pulling fresh from ctx.seen in case it was overwritten
    const _result = ctx.seen.get(schema);
    return _result.schema;
}
// Escape a reference token for use in a JSON Pointer fragment (RFC 6901): `~` becomes `~0` and `/` becomes `~1`. The `~` replacement must run first.
function encodeJSONPointerSegment(segment) {
    return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
function extractDefs(ctx, schema
// params: EmitParams
) {
    // iterate over seen map;
    const root = ctx.seen.get(schema);
    if (!root)
        throw new Error("Unprocessed schema. This is a bug in Zod.");
    // With `external` set, every registered schema resolves through the external branch of `makeURI`, so the root branch below produces the same ref the external branch would — this pass is identical whichever schema it is called with, and only needs to run once.
    if (ctx.external && ctx.sharedDefsExtractedFor === ctx.external)
        return;
    // Track ids to detect duplicates across different schemas
    const idToSchema = new Map();
    for (const entry of ctx.seen.entries()) {
        const id = ctx.metadataRegistry.get(entry[0])?.id;
        if (id) {
            const existing = idToSchema.get(id);
            if (existing && existing !== entry[0]) {
                throw new Error(`Duplicate schema id "${id}" detected during JSON Schema conversion. Two different schemas cannot share the same id when converted together.`);
            }
            idToSchema.set(id, entry[0]);
        }
    }
    // returns a ref to the schema defId will be empty if the ref points to an external schema (or #)
    const makeURI = (entry) => {
        // comparing the seen objects because sometimes multiple schemas map to the same seen object. e.g. lazy
        // external is configured
        const defsSegment = ctx.target === "draft-2020-12" ? "$defs" : "definitions";
        if (ctx.external) {
            const externalId = ctx.external.registry.get(entry[0])?.id; // ?? "__shared";// `__schema${ctx.counter++}`;
            // check if schema is in the external registry
            const uriGenerator = ctx.external.uri ?? ((id) => id);
            if (externalId) {
                return { ref: uriGenerator(externalId) };
            }
            // otherwise, add to __shared
            const id = entry[1].defId ?? entry[1].schema.id ?? `schema${ctx.counter++}`;
            entry[1].defId = id; // set defId so it will be reused if needed
            return { defId: id, ref: `${uriGenerator("__shared")}#/${defsSegment}/${encodeJSONPointerSegment(id)}` };
        }
        const uriPrefix = `#`;
        const defUriPrefix = `${uriPrefix}/${defsSegment}/`;
        // an id-less root has nowhere to be extracted to, so it stays inline and self-references as `#`
        if (entry[1] === root && !entry[1].schema.id) {
            return { ref: uriPrefix };
        }
        // self-contained schema
        const defId = entry[1].schema.id ?? `__schema${ctx.counter++}`;
        return { defId, ref: defUriPrefix + encodeJSONPointerSegment(defId) };
    };
    // stored cached version in `def` property remove all properties, set $ref
    const extractToDef = (entry) => {
        // if the schema is already a reference, do not extract it
        if (entry[1].schema.$ref) {
            return;
        }
        const seen = entry[1];
        const { ref, defId } = makeURI(entry);
        seen.def = { ...seen.schema };
        // defId won't be set if the schema is a reference to an external schema or if the schema is the root schema
        if (defId)
            seen.defId = defId;
        // wipe away all properties except $ref
        const schema = seen.schema;
        for (const key in schema) {
            delete schema[key];
        }
        schema.$ref = ref;
    };
    // throw on cycles
    // break cycles
    if (ctx.cycles === "throw") {
        for (const entry of ctx.seen.entries()) {
            const seen = entry[1];
            if (seen.cycle) {
                throw new Error("Cycle detected: " +
                    `#/${seen.cycle?.join("/")}/<root>` +
                    '\n\nSet the `cycles` parameter to `"ref"` to resolve cyclical schemas with defs.');
            }
        }
    }
    // extract schemas into $defs
    for (const entry of ctx.seen.entries()) {
        const seen = entry[1];
        // convert root schema to # $ref
        if (schema === entry[0]) {
            extractToDef(entry); // this has special handling for the root schema
            continue;
        }
        // extract schemas that are in the external registry
        if (ctx.external) {
            const ext = ctx.external.registry.get(entry[0])?.id;
            if (schema !== entry[0] && ext) {
                extractToDef(entry);
                continue;
            }
        }
        // extract schemas with `id` meta
        const id = ctx.metadataRegistry.get(entry[0])?.id;
        if (id) {
            extractToDef(entry);
            continue;
        }
        // break cycles
        if (seen.cycle) {
            // any
            extractToDef(entry);
            continue;
        }
        // extract reused schemas
        if (seen.count > 1) {
            if (ctx.reused === "ref") {
                extractToDef(entry);
            }
        }
    }
    if (ctx.external)
        ctx.sharedDefsExtractedFor = ctx.external;
}
/** Rewrites `anyOf: [{type: "a"}, {type: "b"}]` to `type: ["a", "b"]`, which every JSON Schema draft treats as equivalent and most consumers render far better for the nullable case. Only branches that are a bare type assertion qualify — anything carrying a constraint, `$ref`, `const` or metadata is left alone. Runs after `flattenRef`, so a branch an override decorated or `$defs` extraction turned into a `$ref` is no longer bare and correctly stays in `anyOf`. `oneOf` is excluded: `integer` and `number` overlap, so "exactly one" and "at least one" are not the same there. OpenAPI 3.0 is excluded: its `type` must be a single string. */
function compactTypeUnion(schema) {
    const options = schema.anyOf;
    if (!Array.isArray(options) || options.length === 0 || schema.type !== undefined)
        return;
    const types = [];
    for (const option of options) {
        if (!option || typeof option !== "object")
            return;
        // A branch that is itself a compactible union folds into this one — nested `anyOf` and a flat `type` array say the same thing. Compacting it first also makes the result independent of the order this pass walks the seen map in.
        compactTypeUnion(option);
        const keys = Object.keys(option);
        if (keys.length !== 1 || keys[0] !== "type")
            return;
        const type = option.type;
        for (const member of Array.isArray(type) ? type : [type]) {
            if (typeof member !== "string")
                return;
            if (!types.includes(member))
                types.push(member);
        }
    }
    delete schema.anyOf;
    // A `type` array must be non-empty and unique (metaschema); a single member is spelled as a bare string.
    schema.type = types.length === 1 ? types[0] : types;
}
/** Keywords `foldIntersection` knows how to combine. Anything else — `$ref`, `patternProperties`,
 * an annotation like `description` — makes a member unfoldable, so a constraint this does not
 * understand leaves the `allOf` alone instead of being silently dropped or misattributed. */
const FOLDABLE_KEYS = new Set(["type", "properties", "required", "additionalProperties"]);
const UNION_KEYS = ["oneOf", "anyOf"];
/** A member's constraint on a key it does not declare itself. A `catchall` states one; `false`, an absent `additionalProperties`, and the empty schema a loose object emits state nothing. */
function undeclaredConstraint(member) {
    const extra = member.additionalProperties;
    if (extra === undefined || extra === false || typeof extra !== "object" || extra === null)
        return null;
    return Object.keys(extra).length ? extra : null;
}
/** Combines object members into the single object they describe together, or returns `null` if any of them carries a keyword outside {@link FOLDABLE_KEYS}. */
function foldObjects(members) {
    const objects = [];
    for (const member of members) {
        // A boolean subschema is legal JSON Schema and carries no keywords to fold.
        if (typeof member !== "object" || member.type !== "object")
            return null;
        for (const key in member) {
            if (!FOLDABLE_KEYS.has(key))
                return null;
        }
        objects.push(member);
    }
    const properties = {};
    const required = new Set();
    for (const object of objects) {
        for (const key in object.properties) {
            // `in` would report a `__proto__` key as already present via the prototype chain and skip it.
            if (Object.prototype.hasOwnProperty.call(properties, key))
                continue;
            // Every member constrains this key: the ones that declare it say how, and a `catchall` member constrains it too even though it does not name it. The key has to satisfy all of them, which is the same intersection one level down.
            const parts = [];
            for (const other of objects) {
                const part = other.properties?.[key] ?? undeclaredConstraint(other);
                if (part === null || part === undefined)
                    continue;
                if (!parts.some((seen) => JSON.stringify(seen) === JSON.stringify(part)))
                    parts.push(part);
            }
            const merged = parts.length === 1
                ? parts[0]
                : (foldObjects(parts) ?? { allOf: parts });
            assignProp(properties, key, merged);
        }
        for (const key of object.required ?? [])
            required.add(key);
    }
    const folded = { type: "object", properties };
    if (required.size)
        folded.required = [...required];
    // A key no member declares is rejected only when every member rejects it, so the fold is closed only when every member is. Otherwise it carries whatever the `catchall` members demand of such a key.
    if (objects.every((object) => object.additionalProperties === false)) {
        folded.additionalProperties = false;
    }
    else {
        const constraints = [];
        for (const object of objects) {
            const constraint = undeclaredConstraint(object);
            if (constraint && !constraints.some((seen) => JSON.stringify(seen) === JSON.stringify(constraint)))
                constraints.push(constraint);
        }
        if (constraints.length === 1)
            folded.additionalProperties = constraints[0];
        else if (constraints.length > 1)
            folded.additionalProperties = { allOf: constraints };
    }
    return folded;
}
/** `additionalProperties` in an `allOf` member sees only that member's own `properties`, so two
 * closed object members reject each other's keys and the schema validates nothing. Zod's parser
 * pools the key sets instead — `handleIntersectionResults` reports a key as unrecognized only when
 * *every* side rejects it — so the emitted schema has to pool them too, and folding the members
 * into one object is the encoding that says so on every target.
 *
 * This runs from `finalize`, after `extractDefs`, which is what keeps it clear of the `$ref`
 * machinery: a member extracted into `$defs` is already a `$ref` by now and declines to fold, so it
 * keeps its reference and its own closedness rather than being inlined as a stale copy. */
function foldIntersection(json) {
    const allOf = json.allOf;
    if (!Array.isArray(allOf) || allOf.length < 2)
        return;
    // An `override` runs before this pass and may have written object keywords onto the intersection itself. Those are deliberate, so decline rather than overwrite them.
    for (const key of FOLDABLE_KEYS)
        if (key in json)
            return;
    // An intersection distributes over a union: `A & (X | Y)` is `(A & X) | (A & Y)`. Only the first union is distributed over; a second one stays among the members every branch folds against, where it fails the object check and declines the whole intersection rather than multiplying out.
    const unions = allOf.filter((m) => UNION_KEYS.some((k) => Array.isArray(m[k])));
    let folded = null;
    if (!unions.length) {
        folded = foldObjects(allOf);
    }
    else {
        const union = unions[0];
        const keyword = UNION_KEYS.find((k) => Array.isArray(union[k]));
        if (Object.keys(union).length !== 1)
            return;
        const rest = allOf.filter((m) => m !== union);
        const branches = union[keyword].map((branch) => foldObjects([...rest, branch]));
        if (branches.some((b) => !b))
            return;
        folded = { [keyword]: branches };
    }
    if (!folded)
        return;
    delete json.allOf;
    assignProps(json, folded);
}
function finalize(ctx, schema) {
    const root = ctx.seen.get(schema);
    if (!root)
        throw new Error("Unprocessed schema. This is a bug in Zod.");
    // flatten refs - inherit properties from parent schemas
    const flattenRef = (zodSchema) => {
        const seen = ctx.seen.get(zodSchema);
        // already processed
        if (seen.ref === null)
            return;
        const schema = seen.def ?? seen.schema;
        const _cached = { ...schema };
        const ref = seen.ref;
        seen.ref = null; // prevent infinite recursion
        if (ref) {
            flattenRef(ref);
            const refSeen = ctx.seen.get(ref);
            const refSchema = refSeen.schema;
            // merge referenced schema into current
            if (refSchema.$ref && (ctx.target === "draft-07" || ctx.target === "draft-04" || ctx.target === "openapi-3.0")) {
                // older drafts can't combine $ref with other properties
                schema.allOf = schema.allOf ?? [];
                schema.allOf.push(refSchema);
            }
            else {
                assignProps(schema, refSchema);
            }
            // restore child's own properties (child wins)
            assignProps(schema, _cached);
            const isParentRef = zodSchema._zod.parent === ref;
            // For parent chain, child is a refinement - remove parent-only properties
            if (isParentRef) {
                for (const key in schema) {
                    if (key === "$ref" || key === "allOf")
                        continue;
                    if (!(key in _cached)) {
                        delete schema[key];
                    }
                }
            }
            // When ref was extracted to $defs, remove properties that match the definition
            if (refSchema.$ref && refSeen.def) {
                for (const key in schema) {
                    if (key === "$ref" || key === "allOf")
                        continue;
                    if (key in refSeen.def && JSON.stringify(schema[key]) === JSON.stringify(refSeen.def[key])) {
                        delete schema[key];
                    }
                }
            }
        }
        // If parent was extracted (has $ref), propagate $ref to this schema. This handles cases like: readonly().meta({id}).describe() where processor sets ref to innerType but parent should be referenced
        const parent = zodSchema._zod.parent;
        if (parent && parent !== ref) {
            // Ensure parent is processed first so its def has inherited properties
            flattenRef(parent);
            const parentSeen = ctx.seen.get(parent);
            if (parentSeen?.schema.$ref) {
                schema.$ref = parentSeen.schema.$ref;
                // De-duplicate with parent's definition
                if (parentSeen.def) {
                    for (const key in schema) {
                        if (key === "$ref" || key === "allOf")
                            continue;
                        if (key in parentSeen.def && JSON.stringify(schema[key]) === JSON.stringify(parentSeen.def[key])) {
                            delete schema[key];
                        }
                    }
                }
            }
        }
        // execute overrides
        ctx.override({
            zodSchema: zodSchema,
            jsonSchema: schema,
            path: seen.path ?? [],
        });
    };
    // Flattening walks the whole map and clears each `ref` as it goes, so a second call over the same map is a no-op scan. Skip it outright once it has run for a registry conversion.
    if (!ctx.external || ctx.sharedEmitDoneFor !== ctx.external) {
        for (const entry of [...ctx.seen.entries()].reverse()) {
            flattenRef(entry[0]);
        }
        if (ctx.target !== "openapi-3.0") {
            for (const entry of ctx.seen.entries()) {
                compactTypeUnion(entry[1].def ?? entry[1].schema);
            }
        }
        for (const rewrite of ctx.deferred)
            rewrite();
        // After flattening, every member that was extracted is a `$ref`, so the fold sees the final shape. A schema that inherits an intersection — through `z.lazy`, or any `ref` chain — holds the same `allOf` array, so fold by array identity to catch every copy.
        if (ctx.intersections.length) {
            const carriers = new Map();
            for (const seen of ctx.seen.values()) {
                for (const json of [seen.schema, seen.def]) {
                    const allOf = json?.allOf;
                    if (!Array.isArray(allOf))
                        continue;
                    const existing = carriers.get(allOf);
                    if (existing)
                        existing.push(json);
                    else
                        carriers.set(allOf, [json]);
                }
            }
            for (const allOf of ctx.intersections) {
                for (const json of carriers.get(allOf) ?? [])
                    foldIntersection(json);
            }
        }
    }
    const result = {};
    if (ctx.target === "draft-2020-12") {
        result.$schema = "https://json-schema.org/draft/2020-12/schema";
    }
    else if (ctx.target === "draft-07") {
        result.$schema = "http://json-schema.org/draft-07/schema#";
    }
    else if (ctx.target === "draft-04") {
        result.$schema = "http://json-schema.org/draft-04/schema#";
    }
    else if (ctx.target === "openapi-3.0") ;
    else ;
    if (ctx.external?.uri) {
        const id = ctx.external.registry.get(schema)?.id;
        if (!id)
            throw new Error("Schema is missing an `id` property");
        result.$id = ctx.external.uri(id);
    }
    // when the root was extracted into $defs, `root.schema` is the `$ref` wrapper and `root.def` is the body that now lives under $defs
    assignProps(result, root.defId ? root.schema : (root.def ?? root.schema));
    // The `id` in `.meta()` is a Zod-specific registration tag used to extract schemas into $defs — it is not user-facing JSON Schema metadata. Strip it from the output body where it would otherwise leak. The id is preserved implicitly via the $defs key (and via $ref paths).
    const rootMetaId = ctx.metadataRegistry.get(schema)?.id;
    if (rootMetaId !== undefined && result.id === rootMetaId)
        delete result.id;
    // build defs object. With `external`, `defs` is the shared object every schema writes into, so the same entries are reassigned on every call. Without it, `defs` is fresh per call and must be rebuilt.
    const defs = ctx.external?.defs ?? {};
    if (!ctx.external || ctx.sharedEmitDoneFor !== ctx.external) {
        for (const entry of ctx.seen.entries()) {
            const seen = entry[1];
            if (seen.def && seen.defId) {
                if (seen.def.id === seen.defId)
                    delete seen.def.id;
                assignProp(defs, seen.defId, seen.def);
            }
        }
    }
    if (ctx.external)
        ctx.sharedEmitDoneFor = ctx.external;
    // set definitions in result
    if (ctx.external) ;
    else {
        if (Object.keys(defs).length > 0) {
            if (ctx.target === "draft-2020-12") {
                result.$defs = defs;
            }
            else {
                result.definitions = defs;
            }
        }
    }
    try {
        // this "finalizes" this schema and ensures all cycles are removed each call to finalize() is functionally independent though the seen map is shared
        const finalized = JSON.parse(JSON.stringify(result));
        Object.defineProperty(finalized, "~standard", {
            value: {
                ...schema["~standard"],
                jsonSchema: {
                    input: createStandardJSONSchemaMethod(schema, "input", ctx.processors),
                    output: createStandardJSONSchemaMethod(schema, "output", ctx.processors),
                },
            },
            enumerable: false,
            writable: false,
        });
        return finalized;
    }
    catch (_err) {
        throw new Error("Error converting schema to JSON.");
    }
}
function isTransforming(_schema, _ctx) {
    const ctx = _ctx ?? { seen: new Set() };
    if (ctx.seen.has(_schema))
        return false;
    ctx.seen.add(_schema);
    const def = _schema._zod.def;
    if (def.type === "transform")
        return true;
    if (def.type === "array")
        return isTransforming(def.element, ctx);
    if (def.type === "set")
        return isTransforming(def.valueType, ctx);
    if (def.type === "lazy")
        return isTransforming(def.getter(), ctx);
    if (def.type === "promise" ||
        def.type === "optional" ||
        def.type === "nonoptional" ||
        def.type === "nullable" ||
        def.type === "readonly" ||
        def.type === "default" ||
        def.type === "prefault" ||
        def.type === "catch") {
        return isTransforming(def.innerType, ctx);
    }
    if (def.type === "intersection") {
        return isTransforming(def.left, ctx) || isTransforming(def.right, ctx);
    }
    if (def.type === "record" || def.type === "map") {
        return isTransforming(def.keyType, ctx) || isTransforming(def.valueType, ctx);
    }
    if (def.type === "pipe") {
        if (_schema._zod.traits.has("$ZodCodec"))
            return true;
        return isTransforming(def.in, ctx) || isTransforming(def.out, ctx);
    }
    if (def.type === "object") {
        for (const key in def.shape) {
            if (isTransforming(def.shape[key], ctx))
                return true;
        }
        return false;
    }
    if (def.type === "union") {
        for (const option of def.options) {
            if (isTransforming(option, ctx))
                return true;
        }
        return false;
    }
    if (def.type === "tuple") {
        for (const item of def.items) {
            if (isTransforming(item, ctx))
                return true;
        }
        if (def.rest && isTransforming(def.rest, ctx))
            return true;
        return false;
    }
    return false;
}
/**
 * Creates a toJSONSchema method for a schema instance.
 * This encapsulates the logic of initializing context, processing, extracting defs, and finalizing.
 */
const createToJSONSchemaMethod = (schema, processors = {}) => (params) => {
    const ctx = initializeContext({ ...params, processors });
    processSchema(schema, ctx);
    extractDefs(ctx, schema);
    return finalize(ctx, schema);
};
const createStandardJSONSchemaMethod = (schema, io, processors = {}) => (params) => {
    const { libraryOptions, target } = params ?? {};
    const ctx = initializeContext({ ...(libraryOptions ?? {}), target, io, processors });
    processSchema(schema, ctx);
    extractDefs(ctx, schema);
    return finalize(ctx, schema);
};

const narrowMin = (agg, key, value) => {
    if (agg[key] === undefined || value > agg[key])
        agg[key] = value;
};
const narrowMax = (agg, key, value) => {
    if (agg[key] === undefined || value < agg[key])
        agg[key] = value;
};
const narrowBoth = (agg, value) => {
    narrowMin(agg, "minimum", value);
    narrowMax(agg, "maximum", value);
};
const addDivisor = (agg, value) => {
    agg.multipleOf ?? (agg.multipleOf = []);
    if (!agg.multipleOf.includes(value))
        agg.multipleOf.push(value);
};
const addPattern = (agg, pattern) => {
    agg.patterns ?? (agg.patterns = new Set());
    agg.patterns.add(pattern);
};
const intersectMime = (agg, mime) => {
    agg.mime = agg.mime ? agg.mime.filter((m) => mime.includes(m)) : [...mime];
};
// last-wins, matching the bag's historical write order; the flag keeps an integer format from being lost to a later float one
const setFormat = (agg, format) => {
    agg.format = format;
    if (format.includes("int"))
        agg.isInt = true;
};
const minContributor = (agg, def) => narrowMin(agg, "minimum", def.minimum);
const maxContributor = (agg, def) => narrowMax(agg, "maximum", def.maximum);
const formatContributor = (ranges) => (agg, def) => {
    setFormat(agg, def.format);
    const [minimum, maximum] = ranges[def.format];
    narrowMin(agg, "minimum", minimum);
    narrowMax(agg, "maximum", maximum);
};
const contributors = {
    greater_than: (agg, def) => narrowMin(agg, def.inclusive ? "minimum" : "exclusiveMinimum", def.value),
    less_than: (agg, def) => narrowMax(agg, def.inclusive ? "maximum" : "exclusiveMaximum", def.value),
    multiple_of: (agg, def) => addDivisor(agg, def.value),
    number_format: formatContributor(NUMBER_FORMAT_RANGES),
    bigint_format: formatContributor(BIGINT_FORMAT_RANGES),
    min_length: minContributor,
    max_length: maxContributor,
    length_equals: (agg, def) => narrowBoth(agg, def.length),
    min_size: minContributor,
    max_size: maxContributor,
    size_equals: (agg, def) => narrowBoth(agg, def.size),
    string_format: (agg, def) => {
        setFormat(agg, def.format);
        if (def.pattern)
            addPattern(agg, def.pattern);
        if (def.format === "base64" || def.format === "base64url")
            agg.contentEncoding = def.format;
        if (def.local || def.precision === -1)
            agg.laxFormat = true;
    },
    mime_type: (agg, def) => intersectMime(agg, def.mime),
};
function aggregateChecks(schema) {
    const agg = {};
    const def = schema._zod.def;
    // a format schema is its own first check, same rule as $ZodType init
    const list = schema._zod.traits.has("$ZodCheck")
        ? [schema, ...(def.checks ?? [])]
        : (def.checks ?? []);
    for (const ch of list)
        contributors[ch._zod.def.check]?.(agg, ch._zod.def);
    // reconcile with the bag so third-party onattach contributions still land; first-party residue is never tighter than the fold, so merging it back is idempotent for one and additive for the other
    const bag = schema._zod.bag;
    if (bag.minimum !== undefined)
        narrowMin(agg, "minimum", bag.minimum);
    if (bag.exclusiveMinimum !== undefined)
        narrowMin(agg, "exclusiveMinimum", bag.exclusiveMinimum);
    if (bag.maximum !== undefined)
        narrowMax(agg, "maximum", bag.maximum);
    if (bag.exclusiveMaximum !== undefined)
        narrowMax(agg, "exclusiveMaximum", bag.exclusiveMaximum);
    if (bag.multipleOf !== undefined)
        addDivisor(agg, bag.multipleOf);
    if (bag.format !== undefined) {
        agg.format ?? (agg.format = bag.format);
        if (bag.format.includes("int"))
            agg.isInt = true;
    }
    if (bag.mime)
        intersectMime(agg, bag.mime);
    for (const pattern of bag.patterns ?? [])
        addPattern(agg, pattern);
    return agg;
}
const formatMap = {
    guid: "uuid",
    url: "uri",
    datetime: "date-time",
    json_string: "json-string",
    regex: "", // do not set
};
// ==================== SIMPLE TYPE PROCESSORS ====================
// the runtime patterns are lax so parse paths never overflow the regex stack; the emitted schema swaps in the exact block forms, which zod itself never executes
const exactPatterns = new Map([
    [base64Charset, base64],
    [base64urlCharset, base64url],
]);
const exactPattern = (p) => exactPatterns.get(p) ?? p;
const stringProcessor = (schema, ctx, _json, _params) => {
    const json = _json;
    json.type = "string";
    const { minimum, maximum, format, patterns, contentEncoding, laxFormat } = aggregateChecks(schema);
    if (typeof minimum === "number")
        json.minLength = minimum;
    if (typeof maximum === "number")
        json.maxLength = maximum;
    // custom pattern overrides format
    if (format) {
        json.format = formatMap[format] ?? format;
        if (json.format === "")
            delete json.format; // empty format is not valid
        // `z.iso.time()` is never full-time, and `laxFormat` carries the datetime shapes that also accept what their keyword forbids
        if (format === "time" || laxFormat) {
            delete json.format;
        }
    }
    if (contentEncoding)
        json.contentEncoding = contentEncoding;
    if (patterns && patterns.size > 0) {
        const patternList = [...patterns].map(exactPattern);
        if (patternList.length === 1)
            json.pattern = patternList[0].source;
        else if (patternList.length > 1) {
            json.allOf = [
                ...patternList.map((regex) => ({
                    ...(ctx.target === "draft-07" || ctx.target === "draft-04" || ctx.target === "openapi-3.0"
                        ? { type: "string" }
                        : {}),
                    pattern: regex.source,
                })),
            ];
        }
    }
};
const numberProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const { minimum, maximum, multipleOf, exclusiveMaximum, exclusiveMinimum, isInt } = aggregateChecks(schema);
    json.type = isInt ? "integer" : "number";
    // when both minimum and exclusiveMinimum exist, pick the more restrictive one
    const exMin = typeof exclusiveMinimum === "number" && exclusiveMinimum >= (minimum ?? Number.NEGATIVE_INFINITY);
    const exMax = typeof exclusiveMaximum === "number" && exclusiveMaximum <= (maximum ?? Number.POSITIVE_INFINITY);
    const legacy = ctx.target === "draft-04" || ctx.target === "openapi-3.0";
    if (exMin) {
        if (legacy) {
            json.minimum = exclusiveMinimum;
            json.exclusiveMinimum = true;
        }
        else {
            json.exclusiveMinimum = exclusiveMinimum;
        }
    }
    else if (typeof minimum === "number") {
        json.minimum = minimum;
    }
    if (exMax) {
        if (legacy) {
            json.maximum = exclusiveMaximum;
            json.exclusiveMaximum = true;
        }
        else {
            json.exclusiveMaximum = exclusiveMaximum;
        }
    }
    else if (typeof maximum === "number") {
        json.maximum = maximum;
    }
    if (multipleOf) {
        // JSON Schema requires a divisor strictly greater than zero, and a non-finite one does not survive JSON at all. A negative divisor accepts exactly what its absolute value accepts, so it still maps; zero, NaN and Infinity have no keyword form.
        const divisors = new Set();
        for (const divisor of multipleOf) {
            if (Number.isFinite(divisor) && divisor !== 0)
                divisors.add(Math.abs(divisor));
            else
                handleUnrepresentable(schema, ctx, json, params, `A multipleOf divisor of ${divisor} cannot be represented in JSON Schema`);
        }
        // chained divisors are a conjunction the keyword cannot carry alone, so extras ride an allOf, same as stacked patterns
        const [first, ...rest] = divisors;
        if (first !== undefined)
            json.multipleOf = first;
        if (rest.length)
            json.allOf = [...(json.allOf ?? []), ...rest.map((m) => ({ multipleOf: m }))];
    }
};
const booleanProcessor = (_schema, _ctx, json, _params) => {
    json.type = "boolean";
};
const neverProcessor = (_schema, _ctx, json, _params) => {
    json.not = {};
};
const unknownProcessor = (_schema, _ctx, _json, _params) => {
    // empty schema accepts anything
};
const enumProcessor = (schema, _ctx, json, _params) => {
    const def = schema._zod.def;
    const values = getEnumValues(def.entries);
    // an empty enum accepts nothing, same as z.never()
    if (values.length === 0) {
        json.not = {};
        return;
    }
    // Number enums can have both string and number values
    if (values.every((v) => typeof v === "number"))
        json.type = "number";
    if (values.every((v) => typeof v === "string"))
        json.type = "string";
    json.enum = values;
};
const literalProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    // a literal with no values accepts nothing, same as z.never()
    if (def.values.length === 0) {
        json.not = {};
        return;
    }
    const vals = [];
    for (const val of def.values) {
        if (val === undefined) {
            // a custom schema replaces the whole literal, so there is nothing left to accumulate
            if (handleUnrepresentable(schema, ctx, json, params, "Literal `undefined` cannot be represented in JSON Schema"))
                return;
            // otherwise do not add to vals
        }
        else if (typeof val === "bigint") {
            if (handleUnrepresentable(schema, ctx, json, params, "BigInt literals cannot be represented in JSON Schema"))
                return;
            vals.push(Number(val));
        }
        else {
            vals.push(val);
        }
    }
    if (vals.length === 0) ;
    else if (vals.length === 1) {
        const val = vals[0];
        json.type = val === null ? "null" : typeof val;
        if (ctx.target === "draft-04" || ctx.target === "openapi-3.0") {
            json.enum = [val];
        }
        else {
            json.const = val;
        }
    }
    else {
        if (vals.every((v) => typeof v === "number"))
            json.type = "number";
        if (vals.every((v) => typeof v === "string"))
            json.type = "string";
        if (vals.every((v) => typeof v === "boolean"))
            json.type = "boolean";
        if (vals.every((v) => v === null))
            json.type = "null";
        json.enum = vals;
    }
};
const customProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Custom types cannot be represented in JSON Schema");
};
const transformProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Transforms cannot be represented in JSON Schema");
};
// ==================== COMPOSITE TYPE PROCESSORS ====================
const arrayProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    const { minimum, maximum } = aggregateChecks(schema);
    if (typeof minimum === "number")
        json.minItems = minimum;
    if (typeof maximum === "number")
        json.maxItems = maximum;
    json.type = "array";
    json.items = processSchema(def.element, ctx, {
        ...params,
        path: [...params.path, "items"],
    });
};
// Transform and catch set `optin = "optional"` at runtime so the parser lets them observe an
// absent key, but their declared input type stays required. An input JSON Schema describes the
// declared type, so resolve past them to the schema that actually carries the optionality.
// Used by both `objectProcessor` (for `required`) and `tupleProcessor` (for `minItems`); see
// wiki/optionality.md, "The JSON Schema emitter reads the *static* value".
function inputOptin(schema) {
    const def = schema._zod.def;
    if (def.type === "pipe" && def.in._zod.traits.has("$ZodTransform")) {
        return inputOptin(def.out);
    }
    if (def.type === "catch") {
        return inputOptin(def.innerType);
    }
    return schema._zod.optin;
}
const objectProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    const shape = def.shape;
    // dropping it while still emitting `additionalProperties: false` would emit a schema that rejects data this one requires
    const symbolKeys = Object.getOwnPropertySymbols(shape);
    if (symbolKeys.length &&
        handleUnrepresentable(schema, ctx, json, params, "Symbol keys cannot be represented in JSON Schema")) {
        return;
    }
    json.type = "object";
    json.properties = {};
    for (const key in shape) {
        // assignProp so a __proto__ key becomes an own property instead of hitting the inherited setter on the plain {} we build into
        assignProp(json.properties, key, processSchema(shape[key], ctx, {
            ...params,
            path: [...params.path, "properties", key],
        }));
    }
    // required keys
    const requiredKeys = [];
    for (const key of Object.keys(shape)) {
        const field = def.shape[key];
        if (ctx.io === "input" ? inputOptin(field) === undefined : field._zod.optout === undefined) {
            requiredKeys.push(key);
        }
    }
    if (requiredKeys.length > 0) {
        json.required = requiredKeys;
    }
    // catchall
    if (def.catchall?._zod.def.type === "never") {
        // strict
        json.additionalProperties = false;
    }
    else if (!def.catchall) {
        // regular
        if (ctx.io === "output")
            json.additionalProperties = false;
    }
    else if (def.catchall) {
        json.additionalProperties = processSchema(def.catchall, ctx, {
            ...params,
            path: [...params.path, "additionalProperties"],
        });
    }
};
const unionProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    // Exclusive unions (inclusive === false) use oneOf (exactly one match) instead of anyOf (one or more matches). This includes both z.xor() and discriminated unions
    const isExclusive = def.inclusive === false;
    const options = def.options.map((x, i) => processSchema(x, ctx, {
        ...params,
        path: [...params.path, isExclusive ? "oneOf" : "anyOf", i],
    }));
    if (isExclusive) {
        json.oneOf = options;
    }
    else {
        json.anyOf = options;
    }
};
const intersectionProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    const a = processSchema(def.left, ctx, {
        ...params,
        path: [...params.path, "allOf", 0],
    });
    const b = processSchema(def.right, ctx, {
        ...params,
        path: [...params.path, "allOf", 1],
    });
    const isSimpleIntersection = (val) => "allOf" in val && Object.keys(val).length === 1;
    const allOf = [
        ...(isSimpleIntersection(a) ? a.allOf : [a]),
        ...(isSimpleIntersection(b) ? b.allOf : [b]),
    ];
    json.allOf = allOf;
    // Recorded innermost first, so a nested intersection has already folded by the time this one is considered. The array is the handle rather than the schema, because a wrapper that inherits this schema shares the same array; `finalize` folds every object holding it. See `foldIntersection`.
    ctx.intersections.push(allOf);
};
const tupleProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    json.type = "array";
    const prefixPath = ctx.target === "draft-2020-12" ? "prefixItems" : "items";
    const restPath = ctx.target === "draft-2020-12" ? "items" : ctx.target === "openapi-3.0" ? "items" : "additionalItems";
    const prefixItems = def.items.map((x, i) => processSchema(x, ctx, {
        ...params,
        path: [...params.path, prefixPath, i],
    }));
    const rest = def.rest
        ? processSchema(def.rest, ctx, {
            ...params,
            path: [...params.path, restPath, ...(ctx.target === "openapi-3.0" ? [def.items.length] : [])],
        })
        : null;
    let minItems = def.items.length;
    while (minItems > 0) {
        const item = def.items[minItems - 1];
        const optional = ctx.io === "input" ? inputOptin(item) !== undefined : item._zod.optout === "optional";
        if (!optional)
            break;
        minItems--;
    }
    const maxItems = def.items.length;
    const isClosed = !def.rest;
    if (ctx.target === "draft-2020-12") {
        json.prefixItems = prefixItems;
        if (isClosed) {
            json.items = false;
        }
        else if (rest) {
            json.items = rest;
        }
        if (minItems > 0)
            json.minItems = minItems;
        if (isClosed)
            json.maxItems = maxItems;
    }
    else if (ctx.target === "openapi-3.0") {
        json.items = {
            anyOf: prefixItems,
        };
        if (rest) {
            json.items.anyOf.push(rest);
        }
        if (minItems > 0)
            json.minItems = minItems;
        if (isClosed)
            json.maxItems = maxItems;
    }
    else {
        json.items = prefixItems;
        if (isClosed) {
            json.additionalItems = false;
        }
        else if (rest) {
            json.additionalItems = rest;
        }
        if (minItems > 0)
            json.minItems = minItems;
        if (isClosed)
            json.maxItems = maxItems;
    }
    // explicit user-defined length checks take precedence
    const { minimum, maximum } = aggregateChecks(schema);
    if (typeof minimum === "number")
        json.minItems = minimum;
    if (typeof maximum === "number")
        json.maxItems = maximum;
};
const nullableProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    const inner = processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    if (ctx.target === "openapi-3.0") {
        seen.ref = def.innerType;
        json.nullable = true;
    }
    else {
        json.anyOf = [inner, { type: "null" }];
    }
};
const nonoptionalProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
};
/** Round-trips a default value through JSON so the emitted schema is guaranteed to be valid JSON.
 * A BigInt has no reliable encoding, so it goes through `unrepresentable` like any other
 * unrepresentable value. Returns a sentinel when the caller must not write a default of its own. */
const UNREPRESENTABLE_DEFAULT = Symbol();
function serializeDefaultValue(value, schema, ctx, json, params) {
    let unrepresentable = false;
    const serialized = JSON.stringify(value, (_, val) => {
        if (typeof val !== "bigint")
            return val;
        unrepresentable = true;
        return null;
    });
    if (!unrepresentable)
        return JSON.parse(serialized);
    handleUnrepresentable(schema, ctx, json, params, "BigInt defaults cannot be represented in JSON Schema");
    return UNREPRESENTABLE_DEFAULT;
}
const defaultProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    const value = serializeDefaultValue(def.defaultValue, schema, ctx, json, params);
    if (value !== UNREPRESENTABLE_DEFAULT)
        json.default = value;
};
const prefaultProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    if (ctx.io !== "input")
        return;
    const value = serializeDefaultValue(def.defaultValue, schema, ctx, json, params);
    if (value !== UNREPRESENTABLE_DEFAULT)
        json._prefault = value;
};
const catchProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    let catchValue;
    try {
        catchValue = def.catchValue(undefined);
    }
    catch {
        handleUnrepresentable(schema, ctx, json, params, "Dynamic catch values are not supported in JSON Schema");
        return;
    }
    json.default = catchValue;
};
const pipeProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    const inIsTransform = def.in._zod.traits.has("$ZodTransform");
    const innerType = ctx.io === "input" ? (inIsTransform ? def.out : def.in) : def.out;
    processSchema(innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = innerType;
};
const readonlyProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    json.readOnly = true;
};
const optionalProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
};

/* Prototypes that already carry the lazy helper methods. Seeded with the
 * intrinsics so that `init` on a foreign object — it accepts any object —
 * can never install an accessor onto a prototype we do not own. */
const _installedErrorProtos = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
/* Helper methods live as non-enumerable lazy getters on the shared
 * prototype instead of own properties on every instance. On first
 * access the getter allocates the per-instance closure and caches it
 * as a non-enumerable own property, so detached usage still works and
 * the allocation only happens for methods actually touched. */
function _lazyMethod(proto, key, make) {
    Object.defineProperty(proto, key, {
        configurable: true,
        enumerable: false,
        get() {
            const value = make(this);
            Object.defineProperty(this, key, { value, configurable: true, writable: true });
            return value;
        },
        set(value) {
            Object.defineProperty(this, key, { value, configurable: true, writable: true });
        },
    });
}
const initializer = (inst, issues) => {
    $ZodError.init(inst, issues);
    inst.name = "ZodError";
    const proto = Object.getPrototypeOf(inst);
    if (_installedErrorProtos.has(proto))
        return;
    _installedErrorProtos.add(proto);
    _lazyMethod(proto, "format", (self) => (mapper) => formatError(self, mapper));
    _lazyMethod(proto, "flatten", (self) => (mapper) => flattenError(self, mapper));
    _lazyMethod(proto, "addIssue", (self) => (issue) => {
        self.issues.push(issue);
        self.message = JSON.stringify(self.issues, jsonStringifyReplacer, 2);
    });
    _lazyMethod(proto, "addIssues", (self) => (issues) => {
        self.issues.push(...issues);
        self.message = JSON.stringify(self.issues, jsonStringifyReplacer, 2);
    });
    Object.defineProperty(proto, "isEmpty", {
        configurable: true,
        enumerable: false,
        get() {
            return this.issues.length === 0;
        },
    });
};
const ZodRealError = /*@__PURE__*/ $constructor("ZodError", initializer, undefined, {
    Parent: Error,
});
// /** @deprecated Use `z.core.$ZodErrorMapCtx` instead. */
// export type ErrorMapCtx = core.$ZodErrorMapCtx;

const parse$1 = /* @__PURE__ */ _parse(ZodRealError);
const parseAsync = /* @__PURE__ */ _parseAsync(ZodRealError);
const safeParse = /* @__PURE__ */ _safeParse(ZodRealError);
const safeParseAsync = /* @__PURE__ */ _safeParseAsync(ZodRealError);
// Codec functions
const encode = /* @__PURE__ */ _encode(ZodRealError);
const decode = /* @__PURE__ */ _decode(ZodRealError);
const encodeAsync = /* @__PURE__ */ _encodeAsync(ZodRealError);
const decodeAsync = /* @__PURE__ */ _decodeAsync(ZodRealError);
const safeEncode = /* @__PURE__ */ _safeEncode(ZodRealError);
const safeDecode = /* @__PURE__ */ _safeDecode(ZodRealError);
const safeEncodeAsync = /* @__PURE__ */ _safeEncodeAsync(ZodRealError);
const safeDecodeAsync = /* @__PURE__ */ _safeDecodeAsync(ZodRealError);

// Register English as the default locale on first ZodType construction. Hooked into the `ZodType` `$constructor` (rather than a top-level `config(en())` in `external.ts`) so bundlers honoring `sideEffects: false` can't tree-shake it out — see #5953, #5725. An explicit `z.config(z.locales.xx())` call wins regardless of order, since this only sets the default when none is present.
function _ensureDefaultLocale() {
    if (!globalConfig.localeError)
        config(en());
}
// the default memoizer is read by the core container init, which runs before `ZodType.init`, so each container calls this first
function _ensureDefaultMemoizer() {
    if (!globalConfig.memoizer)
        config({ memoizer: memoizer() });
}
const ZodType = /*@__PURE__*/ $constructor("ZodType", (inst, def) => {
    _ensureDefaultLocale();
    $ZodType.init(inst, def);
    inst.def = def;
    inst.type = def.type;
    return inst;
}, {
    check(...chks) {
        const def = this.def;
        return this.clone(mergeDefs(def, {
            checks: [
                ...(def.checks ?? []),
                ...chks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch),
            ],
        }), { parent: true });
    },
    with(...chks) {
        return this.check(...chks);
    },
    clone(def, params) {
        return clone(this, def, params);
    },
    brand() {
        return this;
    },
    register(reg, meta) {
        reg.add(this, meta);
        return this;
    },
    refine(check, params) {
        return this.check(refine(check, params));
    },
    superRefine(refinement, params) {
        return this.check(superRefine(refinement, params));
    },
    overwrite(fn) {
        return this.check(_overwrite(fn));
    },
    optional() {
        return optional(this);
    },
    exactOptional() {
        return exactOptional(this);
    },
    nullable() {
        return nullable(this);
    },
    nullish() {
        return optional(nullable(this));
    },
    nonoptional(params) {
        return nonoptional(this, params);
    },
    array() {
        return array(this);
    },
    or(arg) {
        return union([this, arg]);
    },
    and(arg) {
        return intersection(this, arg);
    },
    transform(tx) {
        return pipe(this, transform(tx));
    },
    default(d) {
        return _default(this, d);
    },
    prefault(d) {
        return prefault(this, d);
    },
    catch(params) {
        return _catch(this, params);
    },
    pipe(target) {
        return pipe(this, target);
    },
    readonly() {
        return readonly(this);
    },
    describe(description) {
        const cl = this.clone();
        globalRegistry.add(cl, { description });
        return cl;
    },
    meta(...args) {
        // overloaded: meta() returns the registered metadata, meta(data) returns a clone with `data` registered. The mapped type picks up the second overload, so we accept variadic any-args and return `any` to satisfy both at runtime.
        if (args.length === 0)
            return globalRegistry.get(this);
        const cl = this.clone();
        globalRegistry.add(cl, args[0]);
        return cl;
    },
    isOptional() {
        return this.safeParse(undefined).success;
    },
    isNullable() {
        return this.safeParse(null).success;
    },
    apply(fn, ...args) {
        return args.length === 0 ? fn(this) : fn(this, ...args);
    },
    // Overrides core's `~standard` to add `jsonSchema`. Must stay a prototype entry: redefining it per instance demotes instances to dictionary mode.
    get "~standard"() {
        return hide(this, "~standard", {
            ...standardProps(this),
            jsonSchema: {
                input: createStandardJSONSchemaMethod(this, "input"),
                output: createStandardJSONSchemaMethod(this, "output"),
            },
        });
    },
    set "~standard"(value) {
        own(this, "~standard", value);
    },
    parse: function _parse(data, params) {
        return parse$1(this, data, params, { callee: _parse });
    },
    parseAsync: async function _parseAsync(data, params) {
        return await parseAsync(this, data, params, { callee: _parseAsync });
    },
    safeParse(data, params) {
        return safeParse(this, data, params);
    },
    async safeParseAsync(data, params) {
        return safeParseAsync(this, data, params);
    },
    // `spa` is an alias: same function object as `safeParseAsync`, as before.
    get spa() {
        return this?.safeParseAsync;
    },
    set spa(value) {
        own(this, "spa", value);
    },
    validate(data, params) {
        return validate(this, data, params);
    },
    validateAsync(data, params) {
        return validateAsync$1(this, data, params);
    },
    encode: function _encode(data, params) {
        return encode(this, data, params, { callee: _encode });
    },
    decode: function _decode(data, params) {
        return decode(this, data, params, { callee: _decode });
    },
    encodeAsync: async function _encodeAsync(data, params) {
        return await encodeAsync(this, data, params, { callee: _encodeAsync });
    },
    decodeAsync: async function _decodeAsync(data, params) {
        return await decodeAsync(this, data, params, { callee: _decodeAsync });
    },
    safeEncode(data, params) {
        return safeEncode(this, data, params);
    },
    safeDecode(data, params) {
        return safeDecode(this, data, params);
    },
    async safeEncodeAsync(data, params) {
        return safeEncodeAsync(this, data, params);
    },
    async safeDecodeAsync(data, params) {
        return safeDecodeAsync(this, data, params);
    },
    toJSONSchema(params) {
        return createToJSONSchemaMethod(this, {})(params);
    },
    // Reads through to the registry on every access, so it must not cache.
    get description() {
        return globalRegistry.get(this)?.description;
    },
    // No setter: `schema._def = x` throws, as it did when `_def` was a non-writable own property.
    get _def() {
        return this._zod.def;
    },
});
/** @internal */
const _ZodString = /*@__PURE__*/ $constructor("_ZodString", (inst, def) => {
    $ZodString.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => stringProcessor(inst, ctx, json);
}, 
/*@__PURE__*/ derived({
    format: (inst) => aggregateChecks(inst).format ?? null,
    minLength: (inst) => aggregateChecks(inst).minimum ?? null,
    maxLength: (inst) => aggregateChecks(inst).maximum ?? null,
}, {
    regex(...args) {
        return this.check(_regex(...args));
    },
    includes(...args) {
        return this.check(_includes(...args));
    },
    startsWith(...args) {
        return this.check(_startsWith(...args));
    },
    endsWith(...args) {
        return this.check(_endsWith(...args));
    },
    min(...args) {
        return this.check(_minLength(...args));
    },
    max(...args) {
        return this.check(_maxLength(...args));
    },
    length(...args) {
        return this.check(_length(...args));
    },
    nonempty(...args) {
        return this.check(_minLength(1, ...args));
    },
    lowercase(params) {
        return this.check(_lowercase(params));
    },
    uppercase(params) {
        return this.check(_uppercase(params));
    },
    trim() {
        return this.check(_trim());
    },
    normalize(...args) {
        return this.check(_normalize(...args));
    },
    toLowerCase() {
        return this.check(_toLowerCase());
    },
    toUpperCase() {
        return this.check(_toUpperCase());
    },
    slugify() {
        return this.check(_slugify());
    },
}));
const ZodString = /*@__PURE__*/ $constructor("ZodString", (inst, def) => {
    $ZodString.init(inst, def);
    _ZodString.init(inst, def);
}, {
    email(params) {
        return this.check(_email(ZodEmail, params));
    },
    url(params) {
        return this.check(_url(ZodURL, params));
    },
    jwt(params) {
        return this.check(_jwt(ZodJWT, params));
    },
    emoji(params) {
        return this.check(_emoji(ZodEmoji, params));
    },
    guid(params) {
        return this.check(_guid(ZodGUID, params));
    },
    uuid(params) {
        return this.check(_uuid(ZodUUID, params));
    },
    uuidv4(params) {
        return this.check(_uuidv4(ZodUUID, params));
    },
    uuidv6(params) {
        return this.check(_uuidv6(ZodUUID, params));
    },
    uuidv7(params) {
        return this.check(_uuidv7(ZodUUID, params));
    },
    nanoid(params) {
        return this.check(_nanoid(ZodNanoID, params));
    },
    cuid(params) {
        return this.check(_cuid(ZodCUID, params));
    },
    cuid2(params) {
        return this.check(_cuid2(ZodCUID2, params));
    },
    ulid(params) {
        return this.check(_ulid(ZodULID, params));
    },
    base64(params) {
        return this.check(_base64(ZodBase64, params));
    },
    base64url(params) {
        return this.check(_base64url(ZodBase64URL, params));
    },
    xid(params) {
        return this.check(_xid(ZodXID, params));
    },
    ksuid(params) {
        return this.check(_ksuid(ZodKSUID, params));
    },
    ipv4(params) {
        return this.check(_ipv4(ZodIPv4, params));
    },
    ipv6(params) {
        return this.check(_ipv6(ZodIPv6, params));
    },
    cidrv4(params) {
        return this.check(_cidrv4(ZodCIDRv4, params));
    },
    cidrv6(params) {
        return this.check(_cidrv6(ZodCIDRv6, params));
    },
    e164(params) {
        return this.check(_e164(ZodE164, params));
    },
    datetime(params) {
        return this.check(_isoDateTime(ZodISODateTime, params));
    },
    date(params) {
        return this.check(_isoDate(ZodISODate, params));
    },
    time(params) {
        return this.check(_isoTime(ZodISOTime, params));
    },
    duration(params) {
        return this.check(_isoDuration(ZodISODuration, params));
    },
});
function string(params) {
    return _string(ZodString, params);
}
const ZodStringFormat = /*@__PURE__*/ $constructor("ZodStringFormat", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    _ZodString.init(inst, def);
});
const ZodISODateTime = /*@__PURE__*/ $constructor("ZodISODateTime", (inst, def) => {
    $ZodISODateTime.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodISODate = /*@__PURE__*/ $constructor("ZodISODate", (inst, def) => {
    $ZodISODate.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodISOTime = /*@__PURE__*/ $constructor("ZodISOTime", (inst, def) => {
    $ZodISOTime.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodISODuration = /*@__PURE__*/ $constructor("ZodISODuration", (inst, def) => {
    $ZodISODuration.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodEmail = /*@__PURE__*/ $constructor("ZodEmail", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodEmail.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodGUID = /*@__PURE__*/ $constructor("ZodGUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodGUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodUUID = /*@__PURE__*/ $constructor("ZodUUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodUUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodURL = /*@__PURE__*/ $constructor("ZodURL", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodURL.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodEmoji = /*@__PURE__*/ $constructor("ZodEmoji", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodEmoji.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodNanoID = /*@__PURE__*/ $constructor("ZodNanoID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodNanoID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link ZodCUID2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const ZodCUID = /*@__PURE__*/ $constructor("ZodCUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodCUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodCUID2 = /*@__PURE__*/ $constructor("ZodCUID2", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodCUID2.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodULID = /*@__PURE__*/ $constructor("ZodULID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodULID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodXID = /*@__PURE__*/ $constructor("ZodXID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodXID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodKSUID = /*@__PURE__*/ $constructor("ZodKSUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodKSUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodIPv4 = /*@__PURE__*/ $constructor("ZodIPv4", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodIPv4.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodIPv6 = /*@__PURE__*/ $constructor("ZodIPv6", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodIPv6.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodCIDRv4 = /*@__PURE__*/ $constructor("ZodCIDRv4", (inst, def) => {
    $ZodCIDRv4.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodCIDRv6 = /*@__PURE__*/ $constructor("ZodCIDRv6", (inst, def) => {
    $ZodCIDRv6.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodBase64 = /*@__PURE__*/ $constructor("ZodBase64", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodBase64.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodBase64URL = /*@__PURE__*/ $constructor("ZodBase64URL", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodBase64URL.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodE164 = /*@__PURE__*/ $constructor("ZodE164", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodE164.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodJWT = /*@__PURE__*/ $constructor("ZodJWT", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodJWT.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodNumber = /*@__PURE__*/ $constructor("ZodNumber", (inst, def) => {
    $ZodNumber.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => numberProcessor(inst, ctx, json, params);
    inst.isFinite = true;
}, 
/*@__PURE__*/ derived({
    minValue: (inst) => {
        const { minimum, exclusiveMinimum } = aggregateChecks(inst);
        return Math.max(minimum ?? Number.NEGATIVE_INFINITY, exclusiveMinimum ?? Number.NEGATIVE_INFINITY);
    },
    maxValue: (inst) => {
        const { maximum, exclusiveMaximum } = aggregateChecks(inst);
        return Math.min(maximum ?? Number.POSITIVE_INFINITY, exclusiveMaximum ?? Number.POSITIVE_INFINITY);
    },
    isInt: (inst) => {
        const { isInt, multipleOf } = aggregateChecks(inst);
        return !!isInt || !!multipleOf?.some(Number.isSafeInteger);
    },
    format: (inst) => aggregateChecks(inst).format ?? null,
}, {
    gt(value, params) {
        return this.check(_gt(value, params));
    },
    gte(value, params) {
        return this.check(_gte(value, params));
    },
    min(value, params) {
        return this.check(_gte(value, params));
    },
    lt(value, params) {
        return this.check(_lt(value, params));
    },
    lte(value, params) {
        return this.check(_lte(value, params));
    },
    max(value, params) {
        return this.check(_lte(value, params));
    },
    int(params) {
        return this.check(int(params));
    },
    safe(params) {
        return this.check(int(params));
    },
    positive(params) {
        return this.check(_gt(0, params));
    },
    nonnegative(params) {
        return this.check(_gte(0, params));
    },
    negative(params) {
        return this.check(_lt(0, params));
    },
    nonpositive(params) {
        return this.check(_lte(0, params));
    },
    multipleOf(value, params) {
        return this.check(_multipleOf(value, params));
    },
    step(value, params) {
        return this.check(_multipleOf(value, params));
    },
    finite() {
        return this;
    },
}));
function number(params) {
    return _number(ZodNumber, params);
}
const ZodNumberFormat = /*@__PURE__*/ $constructor("ZodNumberFormat", (inst, def) => {
    $ZodNumberFormat.init(inst, def);
    ZodNumber.init(inst, def);
});
function int(params) {
    return _int(ZodNumberFormat, params);
}
const ZodBoolean = /*@__PURE__*/ $constructor("ZodBoolean", (inst, def) => {
    $ZodBoolean.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => booleanProcessor(inst, ctx, json);
});
function boolean(params) {
    return _boolean(ZodBoolean, params);
}
const ZodUnknown = /*@__PURE__*/ $constructor("ZodUnknown", (inst, def) => {
    $ZodUnknown.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => unknownProcessor();
});
function unknown() {
    return _unknown(ZodUnknown);
}
const ZodNever = /*@__PURE__*/ $constructor("ZodNever", (inst, def) => {
    $ZodNever.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => neverProcessor(inst, ctx, json);
});
function never(params) {
    return _never(ZodNever, params);
}
const ZodArray = /*@__PURE__*/ $constructor("ZodArray", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodArray.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => arrayProcessor(inst, ctx, json, params);
    inst.element = def.element;
}, {
    min(n, params) {
        return this.check(_minLength(n, params));
    },
    nonempty(params) {
        return this.check(_minLength(1, params));
    },
    max(n, params) {
        return this.check(_maxLength(n, params));
    },
    length(n, params) {
        return this.check(_length(n, params));
    },
    unwrap() {
        return this.element;
    },
});
function array(element, params) {
    return _array(ZodArray, element, params);
}
const ZodObject = /*@__PURE__*/ $constructor("ZodObject", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodObjectJIT.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => objectProcessor(inst, ctx, json, params);
    installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
}, {
    keyof() {
        return _enum(Object.keys(this._zod.def.shape));
    },
    catchall(catchall) {
        // `mergeDefs` rather than a spread: spreading reads `shape`, and resolving it can mint a whole fresh subtree
        return this.clone(mergeDefs(this._zod.def, { catchall: catchall }));
    },
    passthrough() {
        return this.clone(mergeDefs(this._zod.def, { catchall: unknown() }));
    },
    loose() {
        return this.clone(mergeDefs(this._zod.def, { catchall: unknown() }));
    },
    strict() {
        return this.clone(mergeDefs(this._zod.def, { catchall: never() }));
    },
    strip() {
        return this.clone(mergeDefs(this._zod.def, { catchall: undefined }));
    },
    extend(incoming) {
        return extend(this, incoming);
    },
    safeExtend(incoming) {
        return safeExtend(this, incoming);
    },
    merge(other) {
        return merge(this, other);
    },
    pick(mask) {
        return pick(this, mask);
    },
    omit(mask) {
        return omit(this, mask);
    },
    partial(...args) {
        return partial(ZodOptional, this, args[0]);
    },
    exactPartial(...args) {
        return partial(ZodExactOptional, this, args[0], "exactPartial");
    },
    required(...args) {
        return required(ZodNonOptional, this, args[0]);
    },
});
// strictObject
function strictObject(shape, params) {
    return new ZodObject({
        type: "object",
        shape,
        catchall: never(),
        ...normalizeParams(params),
    });
}
// looseObject
function looseObject(shape, params) {
    return new ZodObject({
        type: "object",
        shape,
        catchall: unknown(),
        ...normalizeParams(params),
    });
}
const ZodUnion = /*@__PURE__*/ $constructor("ZodUnion", (inst, def) => {
    $ZodUnion.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => unionProcessor(inst, ctx, json, params);
    inst.options = def.options;
});
function union(options, params) {
    return new ZodUnion({
        type: "union",
        options: options,
        ...normalizeParams(params),
    });
}
const ZodIntersection = /*@__PURE__*/ $constructor("ZodIntersection", (inst, def) => {
    $ZodIntersection.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => intersectionProcessor(inst, ctx, json, params);
});
function intersection(left, right) {
    return new ZodIntersection({
        type: "intersection",
        left: left,
        right: right,
    });
}
const ZodTuple = /*@__PURE__*/ $constructor("ZodTuple", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodTuple.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => tupleProcessor(inst, ctx, json, params);
}, {
    rest(rest) {
        return this.clone({
            ...this._zod.def,
            rest: rest,
        });
    },
    partial() {
        const def = this._zod.def;
        // a refinement was authored against the full arity; partialing would run it on a shorter array
        if (def.checks?.length)
            throw new Error(".partial() cannot be used on tuple schemas containing refinements");
        return this.clone({
            ...def,
            items: def.items.map((item) => new ZodOptional({ type: "optional", innerType: item })),
        });
    },
});
function tuple(items, _paramsOrRest, _params) {
    const hasRest = _paramsOrRest instanceof $ZodType;
    const params = hasRest ? _params : _paramsOrRest;
    const rest = hasRest ? _paramsOrRest : null;
    return new ZodTuple({
        type: "tuple",
        items: items,
        rest,
        ...normalizeParams(params),
    });
}
const ZodEnum = /*@__PURE__*/ $constructor("ZodEnum", (inst, def) => {
    $ZodEnum.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => enumProcessor(inst, ctx, json);
    inst.enum = def.entries;
    // reuse the parsed value set so a numeric TS enum's reverse-mapping keys stay out
    inst.options = [...inst._zod.values];
    const keys = new Set(Object.keys(def.entries));
    inst.extract = (values, params) => {
        const newEntries = {};
        for (const value of values) {
            if (keys.has(value)) {
                newEntries[value] = def.entries[value];
            }
            else
                throw new Error(`Key ${value} not found in enum`);
        }
        return new ZodEnum({
            ...def,
            checks: [],
            ...normalizeParams(params),
            entries: newEntries,
        });
    };
    inst.exclude = (values, params) => {
        const newEntries = { ...def.entries };
        for (const value of values) {
            if (keys.has(value)) {
                delete newEntries[value];
            }
            else
                throw new Error(`Key ${value} not found in enum`);
        }
        return new ZodEnum({
            ...def,
            checks: [],
            ...normalizeParams(params),
            entries: newEntries,
        });
    };
});
function _enum(values, params) {
    const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
    return new ZodEnum({
        type: "enum",
        entries,
        ...normalizeParams(params),
    });
}
const ZodLiteral = /*@__PURE__*/ $constructor("ZodLiteral", (inst, def) => {
    $ZodLiteral.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => literalProcessor(inst, ctx, json, params);
    inst.values = new Set(def.values);
    Object.defineProperty(inst, "value", {
        get() {
            if (def.values.length > 1) {
                throw new Error("This schema contains multiple valid literal values. Use `.values` instead.");
            }
            return def.values[0];
        },
    });
});
function literal(value, params) {
    return new ZodLiteral({
        type: "literal",
        values: Array.isArray(value) ? value : [value],
        ...normalizeParams(params),
    });
}
const ZodTransform = /*@__PURE__*/ $constructor("ZodTransform", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodTransform.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => transformProcessor(inst, ctx, json, params);
    inst._zod.parse = (payload, _ctx) => {
        if (_ctx.direction === "backward") {
            throw new $ZodEncodeError(inst.constructor.name);
        }
        payload.addIssue = (issue$1) => {
            if (typeof issue$1 === "string") {
                payload.issues.push(issue(issue$1, payload.value, def));
            }
            else {
                // for Zod 3 backwards compatibility
                const _issue = issue$1;
                if (_issue.fatal)
                    _issue.continue = false;
                _issue.code ?? (_issue.code = "custom");
                if (!("input" in _issue))
                    _issue.input = payload.value;
                _issue.inst ?? (_issue.inst = inst);
                // _issue.continue ??= true;
                payload.issues.push(issue(_issue));
            }
        };
        const output = def.transform(payload.value, payload);
        if (output instanceof Promise) {
            return output.then((output) => {
                payload.value = output;
                return payload;
            });
        }
        payload.value = output;
        return payload;
    };
});
function transform(fn) {
    return new ZodTransform({
        type: "transform",
        transform: fn,
    });
}
const ZodOptional = /*@__PURE__*/ $constructor("ZodOptional", (inst, def) => {
    $ZodOptional.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => optionalProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function optional(innerType) {
    return new ZodOptional({
        type: "optional",
        innerType: innerType,
    });
}
const ZodExactOptional = /*@__PURE__*/ $constructor("ZodExactOptional", (inst, def) => {
    $ZodExactOptional.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => optionalProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function exactOptional(innerType) {
    return new ZodExactOptional({
        type: "optional",
        innerType: innerType,
    });
}
const ZodNullable = /*@__PURE__*/ $constructor("ZodNullable", (inst, def) => {
    $ZodNullable.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => nullableProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function nullable(innerType) {
    return new ZodNullable({
        type: "nullable",
        innerType: innerType,
    });
}
const ZodDefault = /*@__PURE__*/ $constructor("ZodDefault", (inst, def) => {
    $ZodDefault.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => defaultProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
    inst.removeDefault = inst.unwrap;
});
function _default(innerType, defaultValue) {
    return new ZodDefault({
        type: "default",
        innerType: innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : shallowClone(defaultValue);
        },
    });
}
const ZodPrefault = /*@__PURE__*/ $constructor("ZodPrefault", (inst, def) => {
    $ZodPrefault.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => prefaultProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function prefault(innerType, defaultValue) {
    return new ZodPrefault({
        type: "prefault",
        innerType: innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : shallowClone(defaultValue);
        },
    });
}
const ZodNonOptional = /*@__PURE__*/ $constructor("ZodNonOptional", (inst, def) => {
    $ZodNonOptional.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => nonoptionalProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function nonoptional(innerType, params) {
    return new ZodNonOptional({
        type: "nonoptional",
        innerType: innerType,
        ...normalizeParams(params),
    });
}
const ZodCatch = /*@__PURE__*/ $constructor("ZodCatch", (inst, def) => {
    $ZodCatch.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => catchProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
    inst.removeCatch = inst.unwrap;
});
function _catch(innerType, catchValue) {
    return new ZodCatch({
        type: "catch",
        innerType: innerType,
        catchValue: (typeof catchValue === "function" ? catchValue : constantCatch(catchValue)),
    });
}
const ZodPipe = /*@__PURE__*/ $constructor("ZodPipe", (inst, def) => {
    $ZodPipe.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => pipeProcessor(inst, ctx, json, params);
    inst.in = def.in;
    inst.out = def.out;
});
function pipe(in_, out) {
    return new ZodPipe({
        type: "pipe",
        in: in_,
        out: out,
        // ...util.normalizeParams(params),
    });
}
const ZodReadonly = /*@__PURE__*/ $constructor("ZodReadonly", (inst, def) => {
    $ZodReadonly.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => readonlyProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function readonly(innerType) {
    return new ZodReadonly({
        type: "readonly",
        innerType: innerType,
    });
}
const ZodCustom = /*@__PURE__*/ $constructor("ZodCustom", (inst, def) => {
    $ZodCustom.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => customProcessor(inst, ctx, json, params);
});
function refine(fn, _params = {}) {
    return _refine(ZodCustom, fn, _params);
}
// superRefine
function superRefine(fn, params) {
    return _superRefine(fn, params);
}

/** The tool's version, kept in step with package.json by a test. */
const TOOL_VERSION = '0.1.0';

/**
 * Reading a file of our own folders (cache entries, digest records) that someone else may have
 * planted: only a regular file is read, never through a symlink at its name, never blocking on a
 * FIFO or a device, and never more than a bound.
 */
/** Open flags: no symlink followed at the name, no wait for a FIFO's writer (where the system has them). */
const FLAGS = constants$1.O_RDONLY | (constants$1.O_NOFOLLOW ?? 0) | (constants$1.O_NONBLOCK ?? 0);
/** Why readRegularFile did not read a file that is there. */
class NotReadable extends Error {
    size;
    constructor(message, 
    /** The file's size, when it was refused for its size. */
    size) {
        super(message);
        this.size = size;
    }
}
/**
 * The whole of the regular file at `path`, at most `maxBytes` of it. Throws the system's error
 * (ENOENT when there is none; ELOOP for a symlink), or NotReadable for anything but a regular
 * file, one larger than `maxBytes`, or one that changed size while it was read.
 */
function readRegularFile(path, maxBytes) {
    const fd = openSync(path, FLAGS);
    try {
        const st = fstatSync(fd);
        if (!st.isFile())
            throw new NotReadable('not a regular file');
        if (st.size > maxBytes)
            throw new NotReadable(`${st.size} bytes`, st.size);
        const out = Buffer.allocUnsafe(st.size);
        let got = 0;
        while (got < out.length) {
            const n = readSync(fd, out, got, out.length - got, got);
            if (n === 0)
                break;
            got += n;
        }
        // One byte more than fstat said, or fewer: written to while read.
        if (got < out.length || readSync(fd, Buffer.alloc(1), 0, 1, got) !== 0)
            throw new NotReadable(`changed size while read (${st.size} bytes, then ${got === out.length ? 'more' : got})`);
        return out;
    }
    finally {
        closeSync(fd);
    }
}

/**
 * Files written whole or not at all: through a temporary file in the same folder, renamed into
 * place, so that concurrent jobs and worker threads never see half a file.
 */
let tagPrefix;
let tagCount = 0;
/**
 * A name part no other writer uses: this process and thread's random prefix (made once; a
 * `randomBytes` call per entry cost ~60 µs, 25 ms per worker filling a cache) and a counter.
 */
function tempTag() {
    tagPrefix ??= `${process.pid}.${randomBytes(6).toString('hex')}`;
    return `${tagPrefix}.${tagCount++}`;
}
/**
 * Writes `dir/name` through a temporary file renamed into place, so that concurrent jobs and
 * workers never see half a file. Returns why it failed, if it did.
 */
function writeAtomically(dir, name, data) {
    const final = join(dir, name);
    const tmp = join(dir, temporaryName(name));
    try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(tmp, data);
        renameSync(tmp, final);
        return undefined;
    }
    catch (e) {
        try {
            unlinkSync(tmp);
        }
        catch {
            // nothing left behind, or nothing we can do
        }
        return `cannot write ${final}: ${e.code ?? e.message}`;
    }
}
/** The temporary file `writeAtomically` writes `name` through: `.<name>.<pid>.<random>.<n>.tmp`. */
function temporaryName(name) {
    return `.${name}.${tempTag()}.tmp`;
}

/**
 * Digests a rescan need not compute again. With `--cache-dir`, the SHA-256 of each file the cache
 * hashed is remembered in the cache folder (`digests-<input>.json`, one record per input: its
 * size follows the input's, and a record for a build no longer scanned is one stale file, not a
 * growing list) together with what the kernel said of the file when it was hashed: device,
 * inode, size, and modification and change times to the nanosecond. A later scan on the same boot of the same machine that finds a file with that very
 * identity uses the remembered SHA-256 instead of reading the file's bytes again. The facts stay
 * keyed by the SHA-256 (cache.ts); this only spares the reading, as git's index and rsync's quick
 * check do.
 *
 * Why that is safe: the kernel sets a file's change time (ctime) to the current time whenever its
 * bytes, size or metadata change, whoever changes them, and no system call sets ctime back
 * (utimensat sets the other two times only). Keeping different bytes under an unchanged identity
 * takes root on the build machine: setting the clock back, or writing the block device. The
 * kernel's clock is coarse (a tick of a few ms), so a file changed again within the tick of its
 * recorded change would keep its ctime: only files unchanged for SETTLE_NS before the scan
 * looked at them are recorded (git's "racily clean" entries, the same problem). Writes through a
 * shared memory mapping set ctime only at the first write after each writeback of the page (by
 * default up to ~30 s apart): a scan that overlaps such writes can remember a digest they then
 * change without a new ctime. A build is scanned once written; the README says so.
 *
 * It also takes a stat that tells the truth: an NFS or SMB client caches attributes (up to 60 s
 * by default), so a file another host rewrote moments ago can show its old identity there;
 * FAT's "ctime" is its creation time; a FUSE filesystem says whatever its daemon says. Files on
 * those (`untrustedFilesystem`, by the filesystem's magic number from statfs) are neither
 * remembered nor spared: each filesystem a file is on is checked (once per device), so a share
 * mounted anywhere below the input's root is hashed in full however local the root is.
 *
 * The boot's id (Linux: /proc/sys/kernel/random/boot_id) binds the record to one boot of one
 * machine: a cache restored by actions/cache on a fresh runner, or copied elsewhere, matches no
 * file there, and every file is hashed as before. Elsewhere (no boot id) nothing is remembered.
 * `--cache-rehash` hashes every file whatever is remembered.
 */
const FORMAT = 'activation-gate-digests';
/** The identity of the regular file at `abs`, or undefined when it cannot be had. */
function identityOf(abs) {
    try {
        const s = statSync(abs, { bigint: true });
        if (!s.isFile())
            return undefined;
        return { id: `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`, ctimeNs: s.ctimeNs, dev: s.dev };
    }
    catch {
        return undefined;
    }
}
strictObject({
    format: literal(FORMAT),
    formatVersion: number(),
    boot: string(),
    root: string(),
    files: array(tuple([string(), string(), string().regex(/^[0-9a-f]{64}$/)])),
});

/**
 * `--cache-dir`: the extracted facts of each top-level file of the walk, keyed by the SHA-256 of
 * the file's bytes (a supplier can forge a CRC32, not a SHA-256) and of everything else that
 * changes what extraction records: the tool version (and the bundle that runs), the catalog and
 * Public Suffix List versions, the known hosts and SMS numbers, the mentioned packages, the
 * limits, and the file's path and partition (evidence paths are part of the facts).
 *
 * Only facts are stored, never findings: evaluation always runs on the current policy. An entry
 * is one line of JSON (format, version, tool, key, path, the file's SHA-256, and the length and
 * SHA-256 of the payload), then the payload: the facts as JSON. It is not compressed: a warm
 * rescan parses each payload once, with neither gunzip nor a JSON string to unescape first
 * (format 1 was gzip'd JSON holding the payload as a string), and `actions/cache` compresses the
 * folder anyway. An entry that is truncated, corrupt, unparsable, of another format or version,
 * or for another key is ignored and the file is extracted again, so the cache can never change
 * a verdict. Entries are written to a temporary file and renamed into place: concurrent jobs and
 * workers never see half an entry.
 */
const CACHE_FORMAT = 'activation-gate-facts';
/** Bumped whenever the shape of a stored entry changes. */
const CACHE_FORMAT_VERSION = 3;
/** The key of one file: the salt, where it stands in the input, and the SHA-256 of its bytes. */
function cacheKey(salt, file, sha256) {
    // A super image's facts also depend on which of its partitions the folder has (not read).
    const folders = file.folders ? `\u0000${file.folders.join('/')}` : '';
    return createHash('sha256').update(`${salt}\u0000${file.relPath}\u0000${file.partition}\u0000${file.partitionPath}\u0000${sha256}${folders}`).digest('hex');
}
let hashBuffer;
/**
 * SHA-256 of a file's bytes, read in 4 MiB chunks into one reused buffer (synchronous reads: no
 * thread-pool round trip and no garbage per chunk; extraction runs on worker threads).
 */
async function sha256OfFile(path, hashed) {
    const h = createHash('sha256');
    const buf = (hashBuffer ??= Buffer.allocUnsafe(4 << 20));
    const fd = openSync(path, 'r');
    try {
        for (let total = 0;;) {
            const n = readSync(fd, buf, 0, buf.length, null);
            if (n === 0)
                break;
            h.update(n === buf.length ? buf : buf.subarray(0, n));
            hashed?.((total += n));
        }
    }
    finally {
        closeSync(fd);
    }
    return h.digest('hex');
}
// --- validation of stored facts: anything that does not fit is a corrupt entry ---------------
const source = _enum(SOURCES);
const evidence = strictObject({ path: string(), entry: string().optional(), source, offset: number().int().nonnegative().optional() });
const prop = strictObject({ key: string(), value: string(), file: string(), line: number().int() });
const overlay = strictObject({
    targetPackage: string(),
    targetName: string().optional(),
    requiredSystemPropertyName: string().optional(),
    requiredSystemPropertyValue: string().optional(),
    isStatic: boolean().optional(),
    priority: number().optional(),
});
// Overlay values carry what resources.arsc stores with them (id, dataType, data) as well.
const resourceValue = looseObject({ type: string(), name: string(), value: union([string(), number(), boolean()]), config: string().optional() });
const pkg = strictObject({
    path: string(),
    partition: string(),
    partitionPath: string(),
    package: string(),
    versionCode: number().optional(),
    versionName: string().optional(),
    permissions: array(string()),
    sharedUserId: string().optional(),
    bootCompleted: boolean(),
    signerSha256: array(string()),
    overlay: overlay.optional(),
    resources: array(resourceValue).optional(),
    warnings: array(string()).optional(),
});
const endpoint = strictObject({
    kind: _enum(ENDPOINT_KINDS),
    value: string(),
    ports: array(number().int()).optional(),
    schemes: array(string()).optional(),
    cleartext: boolean().optional(),
    ignored: boolean().optional(),
    artifacts: array(string()),
    evidence: array(evidence),
    evidenceCount: number().int().nonnegative(),
});
const count = number().int().nonnegative();
const partialFactsSchema = strictObject({
    packages: array(pkg),
    endpoints: array(endpoint),
    props: array(prop),
    skuFiles: array(strictObject({ sku: string(), path: string(), props: array(prop) })),
    unreadable: array(strictObject({ path: string(), partitionPath: string().optional(), format: string(), reason: string(), offset: number().optional() })),
    skipped: array(strictObject({ path: string(), reason: string() })),
    mentions: array(strictObject({ package: string(), evidence: strictObject({ path: string(), source, offset: number().int().optional() }) })),
    propFiles: array(tuple([string(), string()])),
    partitionPaths: array(tuple([string(), string()])),
    stats: strictObject({ files: count, bytes: count, entries: count, inflatedBytes: count }),
});
const headerSchema = strictObject({
    format: literal(CACHE_FORMAT),
    formatVersion: number(),
    tool: string(),
    key: string(),
    path: string(),
    sha256: string(),
    payloadBytes: count,
    payloadSha256: string(),
});
/** A header line longer than this is not one of ours (keys and hashes are 64 characters; the path is the file's). */
const MAX_HEADER = 64 << 10;
/**
 * Reads one entry and checks all but its facts: its header, that it is stored under `key`, and
 * its payload's length and SHA-256. The payload (the facts' JSON, parseCachedFacts), or why the
 * entry cannot be used.
 */
function readCacheEntryPayload(file, key, maxBytes = Infinity) {
    let raw;
    try {
        raw = readRegularFile(file, maxBytes);
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return { miss: true };
        if (e instanceof NotReadable && e.size !== undefined)
            return { problem: `${e.size} bytes, more than the ${maxBytes} the facts of its file can take (64 times its size and 64 MiB)` };
        if (e instanceof NotReadable)
            return { problem: e.message };
        return { problem: `unreadable (${e.code ?? e.message})` };
    }
    const nl = raw.indexOf(0x0a);
    if (nl < 0 || nl > MAX_HEADER)
        return { problem: `without a header line (${raw.length} bytes)` };
    let data;
    try {
        data = JSON.parse(raw.toString('utf8', 0, nl));
    }
    catch {
        return { problem: 'not JSON in its header line' };
    }
    const header = headerSchema.safeParse(data);
    if (!header.success)
        return { problem: `not a ${CACHE_FORMAT} entry (${header.error.issues[0].path.join('.') || '(root)'}: ${header.error.issues[0].message})` };
    const h = header.data;
    if (h.formatVersion !== CACHE_FORMAT_VERSION || h.tool !== TOOL_VERSION)
        return { problem: `written by another version (format ${h.formatVersion}, activation-gate ${h.tool})` };
    if (h.key !== key)
        return { problem: 'stored under another key' };
    const payload = raw.subarray(nl + 1);
    if (payload.length !== h.payloadBytes)
        return { problem: `${payload.length} bytes of payload where its header says ${h.payloadBytes} (truncated or appended to)` };
    if (createHash('sha256').update(payload).digest('hex') !== h.payloadSha256)
        return { problem: 'its payload does not match its SHA-256' };
    return { payload };
}
/**
 * The largest cache entry read for a file of `size` bytes: far more than its facts take (each
 * endpoint is at least a few bytes of the file, its evidence capped), so that a planted entry
 * cannot make the scan parse hundreds of MB for a small file.
 */
function cacheEntryMaxBytes(size) {
    return 64 * size + (64 << 20);
}
/** The facts of a payload readCacheEntryPayload gave, or why they cannot be used. */
function parseCachedFacts(payload) {
    let facts;
    try {
        facts = JSON.parse(Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('utf8'));
    }
    catch {
        return { problem: 'its payload is not JSON' };
    }
    const parsed = partialFactsSchema.safeParse(facts);
    if (!parsed.success)
        return { problem: `its facts do not validate (${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message})` };
    return { facts: parsed.data };
}
/** Writes one entry atomically (temporary file, then rename). Returns why it failed, if it did. */
function writeCacheEntry(dir, key, file, sha256, facts) {
    const payload = Buffer.from(JSON.stringify(facts), 'utf8');
    const header = {
        format: CACHE_FORMAT,
        formatVersion: CACHE_FORMAT_VERSION,
        tool: TOOL_VERSION,
        key,
        path: file.relPath,
        sha256,
        payloadBytes: payload.length,
        payloadSha256: createHash('sha256').update(payload).digest('hex'),
    };
    return writeAtomically(dir, `${key}.facts`, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), payload]));
}
function entryPath(dir, key) {
    return join(dir, `${key}.facts`);
}
/**
 * One file through the cache: hash it, use its entry when there is a good one, else extract it
 * into a fresh context and store the facts. With `payloadOnly` a hit returns the entry's payload,
 * checked against its SHA-256 but not parsed: an extraction worker hands it to the main thread,
 * which parses it while the workers hash the next files (pool.ts).
 */
async function extractFileCached(file, cache, newContext, partialOf, payloadOnly = false, 
/** Progress through the file (ArtifactContext.advance): the hashing, then the extraction. */
advance) {
    // Hashing a byte costs ~1 ns (SHA-NI: ~1.1 GB/s), extracting it what workOf says: the first
    // part of the file's progress is its hash (a quarter for an image, half for a library).
    const hashing = advance && file.sha256 === undefined ? file.size / (file.size + workOf(file)) : 0;
    const inFile = (ctx) => {
        if (advance)
            ctx.advance = hashing > 0 ? (f) => advance(hashing + (1 - hashing) * f) : advance;
        return ctx;
    };
    // What the kernel said of the file when its SHA-256 was taken: remembered with it (digests.ts),
    // else now, before it is hashed. An entry is written only if the file still says so after its
    // extraction: otherwise its facts may be of other bytes than the key's.
    const before = file.identity ?? identityOf(file.abs)?.id;
    let sha;
    try {
        // Known when the file is unchanged since an earlier scan on this machine (digests.ts); then
        // it is not read, but it must still be there and readable to this user, as a scan without
        // a cache would find it.
        if (file.sha256 !== undefined)
            accessSync(file.abs, constants$1.R_OK);
        sha = file.sha256 ?? (await sha256OfFile(file.abs, hashing > 0 ? (bytes) => advance((hashing * Math.min(bytes, file.size)) / Math.max(1, file.size)) : undefined));
    }
    catch {
        // Unreadable now: extraction reports why, and nothing is cached.
        const ctx = inFile(newContext());
        await extractFile(file, ctx);
        return { facts: partialOf(ctx), hit: false };
    }
    const key = cacheKey(cache.salt, file, sha);
    const read = readCacheEntryPayload(entryPath(cache.dir, key), key, cacheEntryMaxBytes(file.size));
    const found = 'payload' in read && !payloadOnly ? parseCachedFacts(read.payload) : read;
    if ('payload' in found)
        return { payload: found.payload, hit: true, sha256: sha, key };
    if ('facts' in found)
        return { facts: found.facts, hit: true, sha256: sha, key };
    const ctx = inFile(newContext());
    await extractFile(file, ctx);
    const facts = partialOf(ctx);
    const after = identityOf(file.abs)?.id;
    if (before === undefined || after !== before) {
        // Changed (or replaced) while it was scanned: the facts are the bytes extraction read, which
        // need not be those hashed. Nothing is stored, and its SHA-256 is not remembered.
        return { facts, hit: false, key, problem: `${file.relPath} changed while it was scanned; its facts were not cached` };
    }
    const problems = ['problem' in found ? `${file.relPath}: the cache entry ${entryPath(cache.dir, key)} was not used (${found.problem}); extracted again` : undefined, writeCacheEntry(cache.dir, key, file, sha, facts)].filter((p) => p !== undefined);
    return { facts, hit: false, sha256: sha, key, ...(problems.length ? { problem: problems.join('; ') } : {}) };
}

/**
 * Check if `vhost` is a valid suffix of `hostname` (top-domain)
 *
 * It means that `vhost` needs to be a suffix of `hostname` and we then need to
 * make sure that: either they are equal, or the character preceding `vhost` in
 * `hostname` is a '.' (it should not be a partial label).
 *
 * * hostname = 'not.evil.com' and vhost = 'vil.com'      => not ok
 * * hostname = 'not.evil.com' and vhost = 'evil.com'     => ok
 * * hostname = 'not.evil.com' and vhost = 'not.evil.com' => ok
 */
function shareSameDomainSuffix(hostname, vhost) {
    if (hostname.endsWith(vhost)) {
        return (hostname.length === vhost.length ||
            hostname[hostname.length - vhost.length - 1] === '.');
    }
    return false;
}
/**
 * Given a hostname and its public suffix, extract the general domain.
 */
function extractDomainWithSuffix(hostname, publicSuffix) {
    // Locate the index of the last '.' in the part of the `hostname` preceding
    // the public suffix.
    //
    // examples:
    //   1. not.evil.co.uk  => evil.co.uk
    //         ^    ^
    //         |    | start of public suffix
    //         | index of the last dot
    //
    //   2. example.co.uk   => example.co.uk
    //     ^       ^
    //     |       | start of public suffix
    //     |
    //     | (-1) no dot found before the public suffix
    const publicSuffixIndex = hostname.length - publicSuffix.length - 2;
    const lastDotBeforeSuffixIndex = hostname.lastIndexOf('.', publicSuffixIndex);
    // No '.' found, then `hostname` is the general domain (no sub-domain)
    if (lastDotBeforeSuffixIndex === -1) {
        return hostname;
    }
    // Extract the part between the last '.'
    return hostname.slice(lastDotBeforeSuffixIndex + 1);
}
/**
 * Detects the domain based on rules and upon and a host string
 */
function getDomain(suffix, hostname, options) {
    // Check if `hostname` ends with a member of `validHosts`.
    if (options.validHosts !== null) {
        const validHosts = options.validHosts;
        for (const vhost of validHosts) {
            if ( /*@__INLINE__*/shareSameDomainSuffix(hostname, vhost)) {
                return vhost;
            }
        }
    }
    let numberOfLeadingDots = 0;
    if (hostname.startsWith('.')) {
        while (numberOfLeadingDots < hostname.length &&
            hostname[numberOfLeadingDots] === '.') {
            numberOfLeadingDots += 1;
        }
    }
    // If `hostname` is a valid public suffix, then there is no domain to return.
    // Since we already know that `getPublicSuffix` returns a suffix of `hostname`
    // there is no need to perform a string comparison and we only compare the
    // size.
    if (suffix.length === hostname.length - numberOfLeadingDots) {
        return null;
    }
    // To extract the general domain, we start by identifying the public suffix
    // (if any), then consider the domain to be the public suffix with one added
    // level of depth. (e.g.: if hostname is `not.evil.co.uk` and public suffix:
    // `co.uk`, then we take one more level: `evil`, giving the final result:
    // `evil.co.uk`).
    return /*@__INLINE__*/ extractDomainWithSuffix(hostname, suffix);
}

/**
 * Return the part of domain without suffix.
 *
 * Example: for domain 'foo.com', the result would be 'foo'.
 */
function getDomainWithoutSuffix(domain, suffix) {
    // Note: here `domain` and `suffix` cannot have the same length because in
    // this case we set `domain` to `null` instead. It is thus safe to assume
    // that `suffix` is shorter than `domain`.
    return domain.slice(0, -suffix.length - 1);
}

// `charCodeAt.call(url, i)`, not `url.charCodeAt(i)`: see `is-valid.ts`.
// eslint-disable-next-line @typescript-eslint/unbound-method
const charCodeAt$2 = String.prototype.charCodeAt;
/**
 * Matches an ASCII tab (U+0009) or newline (U+000A / U+000D). The WHATWG URL
 * parser strips these before parsing; we only allocate a cleaned copy (and
 * re-parse) on the rare input that actually contains one.
 */
const CONTROL_CHARS = /[\t\n\r]/g;
const HAS_CONTROL_CHAR = /[\t\n\r]/;
/**
 * Matches a forbidden domain code point
 * (https://url.spec.whatwg.org/#forbidden-domain-code-point): a C0 control,
 * space, '#', '%', '/', ':', '<', '>', '?', '@', '[', '\', ']', '^', '|' or DEL.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_DOMAIN_CHAR = /[\x00-\x20#%/:<>?@[\\\]^|\x7f]/;
// Set by `extractHostname` (a module-scope flag, read synchronously by
// `parseImpl` right after the call — same pattern as the reused RESULT object).
// `true` ONLY when extraction validated the returned host inline (a confirmed-
// valid, "simple" authority) so `parseImpl` can skip the separate
// `isValidHostname` pass. `false` in every other case (validation disabled, a
// complex authority — userinfo/port/brackets/trailing-dot/control — an invalid
// host, or a non-main return path); `parseImpl` then validates as usual. The
// fast path can only ever SKIP a redundant scan for hosts already known valid,
// never accept an invalid one.
let extractedHostnameValidated = false;
// Set by `extractHostname`, like `extractedHostnameValidated`: `true` ONLY when
// the returned host was in brackets ("http://[::1]/"). `parseImpl` then checks
// that it is an IPv6 address, as browsers do.
let extractedBracketedHost = false;
/**
 * True if char `code` is a valid hostname character. This is the per-char half
 * of `is-valid.ts`'s `isValidAscii` (a-z, 0-9, > U+007F) PLUS three additions:
 * A-Z (the host is lowercased before validation, so uppercase ≡ a valid
 * lowercase letter) and '-' / '_' (valid inside a label). KEEP IN SYNC with
 * `is-valid.ts`: these rules are deliberately duplicated to validate during
 * extraction, so any change to the accepted character set there must be
 * mirrored here (and vice-versa).
 */
function isValidHostnameChar(code) {
    return ((code >= 97 && code <= 122) || // a-z
        (code >= 48 && code <= 57) || // 0-9
        code > 127 || // non-ASCII (accepted, not punycode-checked)
        (code >= 65 && code <= 90) || // A-Z (becomes valid once lowercased)
        code === 45 || // '-'
        code === 95 // '_'
    );
}
/**
 * No hostname in `url`, unless a tab or newline, which browsers remove before
 * anything else, hides one ("sc:\t//host", "/\t/host"): `url` is then read
 * again without them. Only reached on inputs without a host.
 */
function noHostname(url, urlIsValidHostname, validate) {
    return HAS_CONTROL_CHAR.test(url)
        ? extractHostname(url.replace(CONTROL_CHARS, ''), urlIsValidHostname, validate)
        : null;
}
/**
 * True if char `code` may follow the first letter of a scheme: an ASCII letter,
 * a digit, '+', '-' or '.' (https://url.spec.whatwg.org/#scheme-state).
 */
function isSchemeChar(code) {
    return (((code | 32) >= 97 && (code | 32) <= 122) || // [a-zA-Z] (fold letters only)
        (code >= 48 && code <= 57) || // [0, 9]
        code === 46 || // '.'
        code === 45 || // '-'
        code === 43 // '+'
    );
}
/**
 * `hostname` percent-decoded as browsers decode the host of a special URL,
 * lower-cased and without trailing dots, or null where they find no valid host:
 * bytes that are no UTF-8 ("%FF"), a '%' not followed by two hexadecimal digits
 * ("%zz"), and characters forbidden in a domain once decoded ("%2F", "%3A",
 * "%5B::1%5D"). https://url.spec.whatwg.org/#concept-host-parser
 */
function decodeHostname(hostname) {
    let decoded;
    try {
        decoded = decodeURIComponent(hostname);
    }
    catch (_a) {
        return null;
    }
    if (FORBIDDEN_DOMAIN_CHAR.test(decoded)) {
        return null;
    }
    let end = decoded.length;
    while (end > 1 && charCodeAt$2.call(decoded, end - 1) === 46 /* '.' */) {
        end -= 1;
    }
    return decoded.slice(0, end).toLowerCase();
}
/**
 * True if `url.slice(start, end)` is a scheme, as browsers read one: an ASCII
 * letter, then scheme characters.
 */
function isScheme(url, start, end) {
    const first = charCodeAt$2.call(url, start) | 32;
    if (start === end || first < 97 || first > 122) {
        return false;
    }
    for (let i = start + 1; i < end; i += 1) {
        if (!isSchemeChar(charCodeAt$2.call(url, i))) {
            return false;
        }
    }
    return true;
}
/**
 * Classify scheme `url.slice(schemeStart, colonIndex)` as a WHATWG special
 * scheme without allocating a substring (case-insensitive via `| 32`).
 * Special schemes: ftp, file, http, https, ws, wss
 * (https://url.spec.whatwg.org/#special-scheme).
 *
 * @returns 0 = not special, 1 = special, 2 = file (its host sits only between
 *          "//" and the next slash).
 */
function getSpecialScheme(url, schemeStart, colonIndex) {
    const length = colonIndex - schemeStart;
    const c0 = charCodeAt$2.call(url, schemeStart) | 32;
    if (length === 2) {
        return c0 === 119 && (charCodeAt$2.call(url, schemeStart + 1) | 32) === 115
            ? 1
            : 0; // ws
    }
    else if (length === 3) {
        const c1 = charCodeAt$2.call(url, schemeStart + 1) | 32;
        const c2 = charCodeAt$2.call(url, schemeStart + 2) | 32;
        if (c0 === 119 && c1 === 115 && c2 === 115)
            return 1; // wss
        if (c0 === 102 && c1 === 116 && c2 === 112)
            return 1; // ftp
        return 0;
    }
    else if (length === 4) {
        const c1 = charCodeAt$2.call(url, schemeStart + 1) | 32;
        const c2 = charCodeAt$2.call(url, schemeStart + 2) | 32;
        const c3 = charCodeAt$2.call(url, schemeStart + 3) | 32;
        if (c0 === 104 && c1 === 116 && c2 === 116 && c3 === 112)
            return 1; // http
        if (c0 === 102 && c1 === 105 && c2 === 108 && c3 === 101)
            return 2; // file
        return 0;
    }
    else if (length === 5) {
        return c0 === 104 &&
            (charCodeAt$2.call(url, schemeStart + 1) | 32) === 116 &&
            (charCodeAt$2.call(url, schemeStart + 2) | 32) === 116 &&
            (charCodeAt$2.call(url, schemeStart + 3) | 32) === 112 &&
            (charCodeAt$2.call(url, schemeStart + 4) | 32) === 115
            ? 1
            : 0; // https
    }
    return 0;
}
/**
 * Extract a hostname from `url`, matching a WHATWG URL parser's host-boundary
 * behaviour (https://url.spec.whatwg.org/#concept-basic-url-parser) for tldts'
 * scope. It deliberately does NOT normalise the host (no IDNA/punycode or IPv4
 * canonicalisation; IPv6 brackets are stripped, not compressed), strips trailing
 * dots, and stays lenient where a strict parser rejects (bare host:port,
 * out-of-range port, user@host) — all documented deviations.
 *
 * @param urlIsValidHostname - when true, `url` is already a valid hostname and is
 *   returned by the same reference (factory.ts skips re-validation on that
 *   identity), keeping the common path allocation-free.
 * @param validate - when true, validate the host inline during the authority
 *   scan and publish the verdict via `extractedHostnameValidated` so `parseImpl`
 *   can skip the redundant `isValidHostname` pass for simple authorities.
 */
function extractHostname(url, urlIsValidHostname, validate = false) {
    let start = 0;
    let end = url.length;
    let hasUpper = false;
    let failedValidation = false; // inline validation failed (always so with a '%')
    let isSpecial = true; // '\' ends the host, unless non-special "scheme://"
    extractedHostnameValidated = false;
    extractedBracketedHost = false;
    if (!urlIsValidHostname) {
        // WHATWG step 1: trim leading/trailing C0 control or space (<= U+0020).
        // Tab/newline elsewhere are handled lazily below.
        while (start < url.length && charCodeAt$2.call(url, start) <= 32) {
            start += 1;
        }
        // "data:"/"javascript:" never reach a host (inline payload; data URLs may be
        // huge). `| 32` lowercases letters only; tab/newline is re-parsed below.
        if ((charCodeAt$2.call(url, start + 4) === 58 /* ':' */ &&
            (charCodeAt$2.call(url, start) | 32) === 100 /* d */ &&
            (charCodeAt$2.call(url, start + 1) | 32) === 97 /* a */ &&
            (charCodeAt$2.call(url, start + 2) | 32) === 116 /* t */ &&
            (charCodeAt$2.call(url, start + 3) | 32) === 97) /* a */ ||
            (charCodeAt$2.call(url, start + 10) === 58 /* ':' */ &&
                (charCodeAt$2.call(url, start) | 32) === 106 /* j */ &&
                (charCodeAt$2.call(url, start + 1) | 32) === 97 /* a */ &&
                (charCodeAt$2.call(url, start + 2) | 32) === 118 /* v */ &&
                (charCodeAt$2.call(url, start + 3) | 32) === 97 /* a */ &&
                (charCodeAt$2.call(url, start + 4) | 32) === 115 /* s */ &&
                (charCodeAt$2.call(url, start + 5) | 32) === 99 /* c */ &&
                (charCodeAt$2.call(url, start + 6) | 32) === 114 /* r */ &&
                (charCodeAt$2.call(url, start + 7) | 32) === 105 /* i */ &&
                (charCodeAt$2.call(url, start + 8) | 32) === 112 /* p */ &&
                (charCodeAt$2.call(url, start + 9) | 32) === 116) /* t */) {
            return null;
        }
        while (end > start + 1 && charCodeAt$2.call(url, end - 1) <= 32) {
            end -= 1;
        }
        if ((charCodeAt$2.call(url, start) === 47 /* '/' */ ||
            charCodeAt$2.call(url, start) === 92) /* '\' */ &&
            (charCodeAt$2.call(url, start + 1) === 47 /* '/' */ ||
                charCodeAt$2.call(url, start + 1) === 92) /* '\' */) {
            // Scheme-relative reference ("//host/path"). Relative to a web page, a
            // special URL, browsers skip any further slashes ("///host").
            start += 2;
            while (charCodeAt$2.call(url, start) === 47 /* '/' */ ||
                charCodeAt$2.call(url, start) === 92 /* '\' */) {
                start += 1;
            }
        }
        else {
            // The scheme ends at the first ":/". Most URLs start with "http://" or
            // "https://", so check for those before searching.
            let indexOfProtocol = charCodeAt$2.call(url, start + 4) === 115 /* 's' */
                ? start + 5
                : start + 4;
            if (charCodeAt$2.call(url, start) !== 104 /* 'h' */ ||
                charCodeAt$2.call(url, start + 1) !== 116 /* 't' */ ||
                charCodeAt$2.call(url, start + 2) !== 116 /* 't' */ ||
                charCodeAt$2.call(url, start + 3) !== 112 /* 'p' */ ||
                charCodeAt$2.call(url, indexOfProtocol) !== 58 /* ':' */ ||
                charCodeAt$2.call(url, indexOfProtocol + 1) !== 47 /* '/' */) {
                indexOfProtocol = url.indexOf(':/', start);
            }
            if (indexOfProtocol !== -1) {
                // "scheme://…". Classify the scheme, then position `start` at the host.
                const special = getSpecialScheme(url, start, indexOfProtocol);
                if (special === 1) {
                    // Special scheme: skip the run of '/' and '\' after it
                    // (special-authority-(ignore-)slashes states; '\' acts as '/').
                    start = indexOfProtocol + 2;
                    while (charCodeAt$2.call(url, start) === 47 /* '/' */ ||
                        charCodeAt$2.call(url, start) === 92 /* '\' */) {
                        start += 1;
                    }
                }
                else if (special === 2) {
                    // file: the host is only what sits between "//" and the next slash, so
                    // "file://h/x" => "h" but "file:///x" / "file:/x" => no host.
                    start = indexOfProtocol + 1;
                    let slashes = 0;
                    while ((charCodeAt$2.call(url, start) === 47 ||
                        charCodeAt$2.call(url, start) === 92) &&
                        slashes < 2) {
                        start += 1;
                        slashes += 1;
                    }
                    if (slashes < 2) {
                        return noHostname(url, urlIsValidHostname, validate);
                    }
                }
                else if (!isScheme(url, start, start + 1)) {
                    // No scheme: one starts with an ASCII letter ("1a://x" is no URL for
                    // browsers). Read the input as an authority, as below.
                    indexOfProtocol = -1;
                }
                else {
                    // Unknown scheme: validate the WHATWG scheme grammar [A-Za-z0-9+.-];
                    // a control char means it was split by a tab/newline (strip + re-parse).
                    for (let i = start; i < indexOfProtocol; i += 1) {
                        const code = charCodeAt$2.call(url, i);
                        if (!isSchemeChar(code)) {
                            if (code === 9 /* tab */ ||
                                code === 10 /* LF */ ||
                                code === 13 /* CR */) {
                                return extractHostname(url.replace(CONTROL_CHARS, ''), urlIsValidHostname, validate);
                            }
                            // A scheme ending at a first ':' (other than a slash-less special
                            // one) makes this ':/' part of an opaque path ("foo:bar://x", no
                            // host), unless a '/', '\', '?' or '#' first puts it in a path,
                            // query or fragment ("a.com/r?u=https://x"). Otherwise no scheme
                            // ends here: this ':/' is an empty port, after a slash-less
                            // special scheme ("http:a.com:/x") or an authority
                            // ("user@host:/x"). Read the input as such below.
                            if (code === 58 /* ':' */ &&
                                getSpecialScheme(url, start, i) !== 1) {
                                for (let j = i; j < indexOfProtocol; j += 1) {
                                    const c = charCodeAt$2.call(url, j);
                                    if (c === 47 || c === 92 || c === 63 || c === 35) {
                                        indexOfProtocol = -1;
                                        break;
                                    }
                                }
                                if (indexOfProtocol !== -1) {
                                    return noHostname(url, urlIsValidHostname, validate);
                                }
                            }
                            indexOfProtocol = -1;
                            break;
                        }
                    }
                    if (indexOfProtocol !== -1) {
                        // A non-special scheme has an authority only after "//" (else it is
                        // an opaque path with no host). `indexOf(':/')` already gave the
                        // first '/'.
                        if (charCodeAt$2.call(url, indexOfProtocol + 2) === 47 /* '/' */) {
                            isSpecial = false;
                            start = indexOfProtocol + 3;
                        }
                        else {
                            return noHostname(url, urlIsValidHostname, validate);
                        }
                    }
                }
            }
            if (indexOfProtocol === -1 &&
                charCodeAt$2.call(url, start) !== 91 /* '[' */) {
                // Cold path: no "scheme://" prefix, and not a bare IPv6 literal (whose
                // first ':' would otherwise look like a scheme separator; "[…]" falls
                // through to the ipv6 handling below). May be a bare host, a host:port,
                // a user@host, a slash-less special scheme ("https:host"), or an opaque
                // URI ("mailto:", "tel:", "urn:…").
                let indexOfColon = -1;
                for (let i = start; i < end; i += 1) {
                    const code = charCodeAt$2.call(url, i);
                    if (code === 9 || code === 10 || code === 13) {
                        return extractHostname(url.replace(CONTROL_CHARS, ''), urlIsValidHostname, validate);
                    }
                    if (code === 58 /* ':' */) {
                        indexOfColon = i;
                        break;
                    }
                    if (code === 47 || code === 92 || code === 63 || code === 35) {
                        break;
                    }
                }
                if (indexOfColon !== -1) {
                    // An '@' before the next delimiter => the ':' is userinfo, not a
                    // scheme ("user:pass@host", "mailto:a@b"): keep the whole authority.
                    // Not after "file:", which has no userinfo and no host without "//".
                    const special = getSpecialScheme(url, start, indexOfColon);
                    let hasIdentifier = false;
                    for (let i = special === 2 ? end : indexOfColon + 1; i < end; i += 1) {
                        const code = charCodeAt$2.call(url, i);
                        if (code === 47 || code === 92 || code === 63 || code === 35) {
                            break;
                        }
                        if (code === 64 /* '@' */) {
                            hasIdentifier = true;
                            break;
                        }
                    }
                    if (!hasIdentifier) {
                        // All-digits after ':' => a bare "host:port" (tldts accepts
                        // hostnames too); keep `start` and let the port handling trim it.
                        // Not after a special scheme though: "http:8080" is a URL.
                        let allDigits = special === 0;
                        let i = indexOfColon + 1;
                        for (; i < end; i += 1) {
                            const code = charCodeAt$2.call(url, i);
                            if (code === 47 || code === 92 || code === 63 || code === 35) {
                                break;
                            }
                            if (code < 48 /* '0' */ || code > 57 /* '9' */) {
                                allDigits = false;
                                break;
                            }
                        }
                        if (i === indexOfColon + 1) {
                            allDigits = false; // nothing after ':' => not a port
                        }
                        if (!allDigits) {
                            if (special === 0) {
                                // No "scheme://" on the cold path and not a special scheme.
                                // A second ':' before the host's end marks a bare, unbracketed
                                // IPv6 literal ("2a01:e35::1"): fall through and let the host
                                // loop + isIp classify it. Without one this is an opaque path
                                // with no host ("mailto:x", "foo:bar").
                                let isBareIpv6 = false;
                                for (let j = indexOfColon + 1; j < end; j += 1) {
                                    const code = charCodeAt$2.call(url, j);
                                    if (code === 47 ||
                                        code === 92 ||
                                        code === 63 ||
                                        code === 35) {
                                        break;
                                    }
                                    if (code === 58 /* ':' */) {
                                        isBareIpv6 = true;
                                        break;
                                    }
                                }
                                // Not a scheme either ("@host:", "a_b:/x"): an authority, if
                                // its ':' starts an empty port (digits were read above).
                                // Browsers have no host for "a_b:x".
                                const next = charCodeAt$2.call(url, i);
                                if (!isBareIpv6 &&
                                    (isScheme(url, start, indexOfColon) ||
                                        (i < end &&
                                            next !== 47 &&
                                            next !== 92 &&
                                            next !== 63 &&
                                            next !== 35))) {
                                    return noHostname(url, urlIsValidHostname, validate);
                                }
                            }
                            else {
                                start = indexOfColon + 1;
                                if (special === 2) {
                                    // file (e.g. "file:\\host"): host only between "//" and next slash.
                                    let slashes = 0;
                                    while ((charCodeAt$2.call(url, start) === 47 ||
                                        charCodeAt$2.call(url, start) === 92) &&
                                        slashes < 2) {
                                        start += 1;
                                        slashes += 1;
                                    }
                                    if (slashes < 2) {
                                        return noHostname(url, urlIsValidHostname, validate);
                                    }
                                }
                                else {
                                    while (charCodeAt$2.call(url, start) === 47 ||
                                        charCodeAt$2.call(url, start) === 92) {
                                        start += 1;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        // Find the host's end: first '/', '?' or '#' (and '\' for special URLs,
        // which WHATWG treats like '/'). Track the last '@' and ':' for userinfo
        // and port, plus the first ':' of the host (reset at each
        // '@') to tell a bare IPv6 (>= 2 colons) from a host:port (exactly one);
        // flag uppercase and a stray tab/newline. The loop is split on `code < 64`
        // so common host characters take fewer comparisons.
        //
        // When `validate`, also accumulate `is-valid.ts`'s checks over the scanned
        // run so a simple authority's host can be validated in this single pass.
        // `vValid` only stays meaningful for a "simple" authority (no userinfo, port,
        // brackets, control or trailing dot); those cases clear it / are rejected by
        // the guard below, falling back to `isValidHostname`.
        let indexOfIdentifier = -1;
        let indexOfPort = -1;
        let indexOfFirstColon = -1;
        let hasControl = false;
        let vValid = validate; // seeded true when validating; cleared on the first invalid char
        let vLastDot = start - 1; // mirrors is-valid.ts `lastDotIndex = -1` at host start
        let vLastCode = -1;
        if (validate && start < end) {
            // First-char rule: must be a valid host char, '.', or '_' (NOT '-').
            const c0 = charCodeAt$2.call(url, start);
            if (
            // Keep these parens: they scope /*@__INLINE__*/ for terser.
            // prettier-ignore
            !(
            /*@__INLINE__*/ (isValidHostnameChar(c0) ||
                c0 === 46 /* '.' */ ||
                c0 === 95 /* '_' */)) ||
                c0 === 45 /* '-' (isValidHostnameChar allows it mid-label, not first) */) {
                vValid = false;
            }
        }
        for (let i = start; i < end; i += 1) {
            const code = charCodeAt$2.call(url, i);
            if (code < 64) {
                if (code === 47 || code === 35 || code === 63) {
                    end = i;
                    break;
                }
                else if (code === 58 /* ':' */) {
                    if (indexOfFirstColon === -1) {
                        indexOfFirstColon = i;
                    }
                    indexOfPort = i;
                }
                else if (code === 9 || code === 10 || code === 13) {
                    hasControl = true;
                }
                else if (validate) {
                    if (code === 46 /* '.' */) {
                        if (i - vLastDot > 64 || vLastCode === 46 || vLastCode === 45) {
                            vValid = false;
                        }
                        vLastDot = i;
                    }
                    else if (code < 48 || code > 57) {
                        // < 64 and not a delimiter/dot/digit => only '-' (45) is a valid
                        // host char here; everything else (space, %, !, etc.) is invalid.
                        // A '-' must also not START a label (the byte right after a '.') —
                        // mirrors is-valid.ts; the first label is covered by the first-char
                        // rule above. (RFC 1034 §3.5 / RFC 1035 §2.3.1 LDH.)
                        if (code !== 45 || vLastCode === 46 /* label-leading '-' */) {
                            vValid = false;
                        }
                    }
                }
            }
            else if (isSpecial && code === 92 /* '\' */) {
                end = i;
                break;
            }
            else if (code === 64 /* '@' */) {
                indexOfIdentifier = i;
                indexOfFirstColon = -1; // colons before '@' are userinfo, not the host
            }
            else if (code >= 65 && code <= 90) {
                hasUpper = true;
            }
            else if (validate && !( /*@__INLINE__*/isValidHostnameChar(code))) {
                // >= 64, not '@'/']'/upper: valid only if a-z, '_', or non-ASCII.
                vValid = false;
            }
            if (validate) {
                vLastCode = code;
            }
        }
        // A tab/newline inside the authority: strip everything and re-parse (rare).
        if (hasControl) {
            return extractHostname(url.replace(CONTROL_CHARS, ''), urlIsValidHostname, validate);
        }
        // Skip userinfo. '>= start' so an empty userinfo ("http://@host") works too.
        if (indexOfIdentifier !== -1 &&
            indexOfIdentifier >= start &&
            indexOfIdentifier < end) {
            start = indexOfIdentifier + 1;
        }
        if (charCodeAt$2.call(url, start) === 91 /* '[' */) {
            // ipv6 address: return what is between the brackets, or null if they are
            // unclosed or followed by anything but a port ("[::1]x"). `parseImpl`
            // checks that they hold an IPv6 address (see `extractedBracketedHost`).
            const closingBracket = url.indexOf(']', start);
            if (closingBracket !== -1 &&
                closingBracket < end &&
                (closingBracket + 1 === end ||
                    charCodeAt$2.call(url, closingBracket + 1) === 58) /* ':' */) {
                extractedBracketedHost = true;
                return url.slice(start + 1, closingBracket).toLowerCase();
            }
            return null;
        }
        else if (indexOfPort !== -1 &&
            indexOfPort > start &&
            indexOfPort < end &&
            // A host:port has exactly one ':' in the host (so its first ':' is its
            // last); a bare, unbracketed IPv6 literal ("2a01:e35::1") has >= 2, so
            // its first ':' precedes the last. Only the former has a ':port' to trim.
            indexOfFirstColon === indexOfPort) {
            end = indexOfPort; // trim ':port'
        }
        // Empty authority ("http://", "file:///path", "//"), unless a tab or
        // newline hides one ("/\t/host"); only reachable here via extraction — a
        // bare valid hostname never lands here.
        if (start >= end) {
            return noHostname(url, urlIsValidHostname, validate);
        }
        // Publish the inline-validation verdict — but only for a "simple" authority,
        // where the scanned run equals the final host: no userinfo skip, no port
        // trim, no brackets, no trailing dot (trimmed below), and length within RFC
        // limits. Anything else leaves it `false` so `parseImpl` re-validates.
        //
        // Every clause below is load-bearing for CORRECTNESS, not just speed: the
        // loop accumulates `vValid` over the whole scanned run (it does not stop at
        // ':' or '@', so any port/userinfo bytes are included), so the verdict is
        // only sound when that run equals the final host. Do not drop a clause as
        // "redundant" — e.g. without `indexOfPort === -1`, `host:8080` would be
        // wrongly accepted.
        if (validate &&
            vValid &&
            indexOfIdentifier === -1 &&
            indexOfPort === -1 &&
            charCodeAt$2.call(url, end - 1) !== 46 /* no trailing dot */ &&
            end - start <= 255 && // total length
            end - vLastDot - 1 <= 63 && // last label length
            vLastCode !== 45 /* last char not '-' */) {
            extractedHostnameValidated = true;
        }
        failedValidation = validate && !vValid;
    }
    // Trim trailing dots
    while (end > start + 1 && charCodeAt$2.call(url, end - 1) === 46 /* '.' */) {
        end -= 1;
    }
    const hostname = start !== 0 || end !== url.length ? url.slice(start, end) : url;
    // Browsers percent-decode the host of a special URL ("%74racker.com" is
    // tracker.com). Only when validating: otherwise the host is kept as written.
    if (failedValidation && isSpecial && hostname.includes('%')) {
        return decodeHostname(hostname);
    }
    if (hasUpper) {
        return hostname.toLowerCase();
    }
    return hostname;
}

// Auto-generated by packages/tldts-utils/bin/ip-mapping.js (Node.js v26.13.1, Unicode 18.0). Do not edit.
//
// Non-ASCII code points that the host parser of browsers deletes, or maps to
// '.', or to digits, 'a'-'f' and 'x' only, as ranges: code points
// `ipMappingFirst[k]` to `ipMappingLast[k]` map, with `value = ipMappingValue[k]`
// and `offset` the position in the range: to nothing if `value` is 0, to the
// character `value + offset` if `value` is below 128, to the decimal number
// `value - 1000 + offset` if `value` is below 2000, and else to the two
// characters `value >> 8` and `value & 255`.
const ipMappingFirst = /*#__PURE__*/ new Uint32Array([170, 173, 178, 185, 739, 847, 4447, 6068, 6155, 7468, 7470, 7472, 7491, 7495, 7496, 7580, 7584, 8203, 8288, 8298, 8304, 8308, 8320, 8336, 8337, 8339, 8450, 8492, 8495, 8496, 8517, 8518, 8553, 8557, 8569, 8573, 9312, 9321, 9398, 9421, 9424, 9447, 9450, 12290, 12644, 12881, 12977, 13170, 13252, 13253, 13256, 42994, 42995, 64256, 65024, 65279, 65294, 65296, 65313, 65336, 65345, 65368, 65377, 65440, 113824, 117974, 117997, 118000, 119155, 119808, 119831, 119834, 119857, 119860, 119883, 119886, 119909, 119912, 119935, 119938, 119961, 119964, 119966, 119987, 119990, 119995, 120013, 120016, 120039, 120042, 120065, 120068, 120071, 120091, 120094, 120117, 120120, 120123, 120143, 120146, 120169, 120172, 120195, 120198, 120221, 120224, 120247, 120250, 120273, 120276, 120299, 120302, 120325, 120328, 120351, 120354, 120377, 120380, 120403, 120406, 120429, 120432, 120455, 120458, 120481, 120782, 120792, 120802, 120812, 120822, 127275, 127277, 127280, 127303, 130032, 917760]);
const ipMappingLast = /*#__PURE__*/ new Uint32Array([170, 173, 179, 185, 739, 847, 4448, 6069, 6159, 7468, 7470, 7473, 7491, 7495, 7497, 7580, 7584, 8203, 8292, 8303, 8304, 8313, 8329, 8336, 8337, 8339, 8450, 8493, 8495, 8497, 8517, 8519, 8553, 8558, 8569, 8574, 9320, 9331, 9403, 9421, 9429, 9447, 9450, 12290, 12644, 12895, 12991, 13170, 13252, 13253, 13256, 42994, 42995, 64256, 65039, 65279, 65294, 65305, 65318, 65336, 65350, 65368, 65377, 65440, 113827, 117979, 117997, 118009, 119162, 119813, 119831, 119839, 119857, 119865, 119883, 119891, 119909, 119917, 119935, 119943, 119961, 119964, 119967, 119987, 119993, 119995, 120013, 120021, 120039, 120047, 120065, 120069, 120073, 120091, 120099, 120117, 120121, 120125, 120143, 120151, 120169, 120177, 120195, 120203, 120221, 120229, 120247, 120255, 120273, 120281, 120299, 120307, 120325, 120333, 120351, 120359, 120377, 120385, 120403, 120411, 120429, 120437, 120455, 120463, 120481, 120791, 120801, 120811, 120821, 120831, 127275, 127277, 127285, 127303, 130041, 917999]);
const ipMappingValue = /*#__PURE__*/ new Uint16Array([97, 0, 50, 49, 120, 0, 0, 0, 0, 97, 98, 100, 97, 98, 100, 99, 102, 0, 0, 0, 48, 52, 48, 97, 101, 120, 99, 98, 101, 101, 100, 100, 120, 99, 120, 99, 49, 1010, 97, 120, 97, 120, 48, 46, 0, 1021, 1036, 25697, 25443, 25444, 25698, 99, 102, 26214, 0, 0, 46, 48, 97, 120, 97, 120, 46, 0, 0, 97, 120, 48, 0, 97, 120, 97, 120, 97, 120, 97, 120, 97, 120, 97, 120, 97, 99, 120, 97, 102, 120, 97, 120, 97, 120, 97, 100, 120, 97, 120, 97, 100, 120, 97, 120, 97, 120, 97, 120, 97, 120, 97, 120, 97, 120, 97, 120, 97, 120, 97, 120, 97, 120, 97, 120, 97, 120, 97, 120, 48, 48, 48, 48, 48, 99, 25444, 97, 120, 48, 0]);
// Bit `(cp >> 8) & 31` of `ipMappingBlocks[cp >> 13]` is set when the block of
// 256 code points holding `cp` (below U+10000) holds any of them.
const ipMappingBlocks = /*#__PURE__*/ new Uint32Array([562167821, 983059, 0, 0, 0, 128, 0, 3355443200]);

/**
 * Detection of IP addresses, as defined by the host parser of the WHATWG URL
 * standard (https://url.spec.whatwg.org/#host-parsing), which browsers follow.
 * Addresses are recognized, never rewritten: `0x7f.1` is 127.0.0.1 for a
 * browser, hence an IP here, but stays `0x7f.1`.
 */
/**
 * Value of the hexadecimal digit `code` (0 to 15), or 16 if it is not one.
 */
function hexValue(code) {
    if (code >= 48 && code <= 57) {
        return code - 48; // 0-9
    }
    const letter = code | 32; // lower-case
    return letter >= 97 && letter <= 102 ? letter - 87 : 16; // a-f
}
/**
 * Check if `hostname` is an IPv4 address: one to four numbers separated by
 * dots, each one decimal, octal (leading `0`) or hexadecimal (leading `0x`).
 * The last number fills the bytes the others leave, so `127.1` and
 * `2130706433` are both 127.0.0.1.
 * https://url.spec.whatwg.org/#concept-ipv4-parser
 */
function isIpv4(hostname) {
    const end = hostname.length;
    let i = 0;
    for (let numbers = 1; numbers <= 4; numbers += 1) {
        let radix = 10;
        if (i + 1 < end && hostname.charCodeAt(i) === 48 /* '0' */) {
            radix = 8;
            if ((hostname.charCodeAt(i + 1) | 32) === 120 /* 'x' */) {
                radix = 16;
                i += 2;
            }
        }
        const start = i;
        let value = 0;
        for (; i < end; i += 1) {
            const code = hostname.charCodeAt(i);
            if (code === 46 /* '.' */) {
                break;
            }
            const digit = hexValue(code);
            if (digit >= radix) {
                return false;
            }
            value = value * radix + digit;
        }
        // A number has digits, except "0x" which is 0.
        if (i === start && radix !== 16) {
            return false;
        }
        if (i === end) {
            return value <= 0xffffffff >>> (8 * (numbers - 1));
        }
        if (value > 255) {
            return false;
        }
        i += 1; // '.'
    }
    return false;
}
/**
 * Check if `hostname[i, end)` is made of four decimal numbers separated by
 * dots, each one between 0 and 255 and without leading zero.
 */
function isDottedDecimal(hostname, i, end) {
    for (let numbers = 1; numbers <= 4; numbers += 1) {
        const start = i;
        let value = 0;
        for (; i < end; i += 1) {
            const digit = hostname.charCodeAt(i) - 48;
            if (digit < 0 || digit > 9) {
                break;
            }
            value = value * 10 + digit;
            // Only a leading zero keeps a number of several digits below 10.
            if (value > 255 || (value < 10 && i !== start)) {
                return false;
            }
        }
        if (i === start) {
            return false;
        }
        if (numbers < 4) {
            if (hostname.charCodeAt(i) !== 46 /* '.' */) {
                return false;
            }
            i += 1;
        }
    }
    return i === end;
}
/**
 * Check if `hostname` is an IPv6 address, with or without its brackets: eight
 * groups of one to four hexadecimal digits separated by colons, where a `::`
 * may stand once for one or more missing groups, and a dotted-decimal IPv4
 * address may stand for the last two.
 * https://url.spec.whatwg.org/#concept-ipv6-parser
 */
function isIpv6(hostname) {
    let i = 0;
    let end = hostname.length;
    if (hostname.charCodeAt(0) === 91 /* '[' */) {
        if (hostname.charCodeAt(end - 1) !== 93 /* ']' */) {
            return false;
        }
        i = 1;
        end -= 1;
    }
    // An address only starts with a ':' if it starts with "::".
    if (i < end && hostname.charCodeAt(i) === 58 /* ':' */) {
        if (i + 1 === end || hostname.charCodeAt(i + 1) !== 58 /* ':' */) {
            return false;
        }
        i += 1;
    }
    let groups = 0;
    let compressed = false; // "::" was seen, and counted as one group
    // Here `i` is where a group starts: a ':' can only be the second of a "::".
    while (i < end && groups < 8) {
        if (hostname.charCodeAt(i) === 58 /* ':' */) {
            if (compressed) {
                return false;
            }
            compressed = true;
            groups += 1;
            i += 1;
            continue;
        }
        const start = i;
        while (i < end &&
            i - start < 4 &&
            hexValue(hostname.charCodeAt(i)) !== 16) {
            i += 1;
        }
        if (i === start) {
            return false;
        }
        if (i === end) {
            return compressed || groups === 7;
        }
        if (hostname.charCodeAt(i) === 46 /* '.' */) {
            return ((compressed ? groups <= 6 : groups === 6) &&
                isDottedDecimal(hostname, start, end));
        }
        // Anything else is a ':' followed by another group, or by a ':'.
        if (hostname.charCodeAt(i) !== 58 /* ':' */ || i + 1 === end) {
            return false;
        }
        groups += 1;
        i += 1;
    }
    return compressed && i === end;
}
/**
 * What the host parser of browsers maps the non-ASCII code point `cp` to, as
 * far as IP detection goes: nothing (deleted), '.', digits, 'a'-'f' or 'x', or
 * else 'g', standing for any character that keeps a label from being a number.
 * https://www.unicode.org/reports/tr46/#Processing
 */
function mapCodePoint(cp) {
    // Most letters, as in internationalized domain names, are in blocks of the
    // table without any entry.
    if (cp < 0x10000 &&
        ((ipMappingBlocks[cp >> 13] >>> ((cp >> 8) & 31)) & 1) === 0) {
        return 'g';
    }
    let low = 0;
    let high = ipMappingFirst.length - 1;
    while (low <= high) {
        const mid = (low + high) >>> 1;
        if (cp < ipMappingFirst[mid]) {
            high = mid - 1;
        }
        else if (cp > ipMappingLast[mid]) {
            low = mid + 1;
        }
        else {
            const value = ipMappingValue[mid];
            const offset = cp - ipMappingFirst[mid];
            if (value === 0) {
                return '';
            }
            if (value < 128) {
                return String.fromCharCode(value + offset);
            }
            if (value < 2000) {
                return String(value - 1000 + offset);
            }
            return String.fromCharCode(value >> 8, value & 255);
        }
    }
    return 'g';
}
/**
 * `isIp` for a host holding non-ASCII characters, read as browsers read it:
 * they first map some characters to digits or dots and delete others, so that
 * `１２７.０.０.１`, or `127.0.0.1` followed by a zero-width space, is 127.0.0.1
 * for them. The host is mapped the same way, as far as IP detection goes, and
 * checked again.
 */
function isMappedIp(hostname) {
    // Most such hosts are internationalized domain names, with a character that
    // keeps their last label from being a number: find it first.
    for (let i = hostname.length - 1; i >= 0; i -= 1) {
        let cp = hostname.charCodeAt(i);
        if (cp === 46 /* '.' */) {
            break;
        }
        if (cp < 128) {
            if (hexValue(cp) === 16 && (cp | 32) !== 120 /* 'x' */) {
                return false;
            }
            continue;
        }
        // Most letters are in blocks of 256 code points without any entry.
        if (cp < 0xd800 &&
            ((ipMappingBlocks[cp >> 13] >>> ((cp >> 8) & 31)) & 1) === 0) {
            return false;
        }
        if (cp >= 0xdc00 && cp <= 0xdfff && i > 0) {
            const high = hostname.charCodeAt(i - 1);
            if (high >= 0xd800 && high <= 0xdbff) {
                cp = (high - 0xd800) * 0x400 + (cp - 0xdc00) + 0x10000;
                i -= 1;
            }
        }
        const mapped = mapCodePoint(cp);
        if (mapped === 'g') {
            return false;
        }
        if (mapped === '.') {
            break;
        }
    }
    // Browsers read an IPv6 address, between brackets, as written: a host
    // holding non-ASCII characters is never one.
    if (hostname.includes(':')) {
        return false;
    }
    let ascii = '';
    for (let i = 0; i < hostname.length; i += 1) {
        const code = hostname.charCodeAt(i);
        if (code < 128) {
            ascii += hostname.charAt(i);
        }
        else {
            let cp = code;
            if (code >= 0xd800 && code <= 0xdbff) {
                const low = hostname.charCodeAt(i + 1);
                if (low >= 0xdc00 && low <= 0xdfff) {
                    cp = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
                    i += 1;
                }
            }
            ascii += mapCodePoint(cp);
        }
    }
    // Trailing dots go, as callers remove them from `hostname`.
    let end = ascii.length;
    while (end > 1 && ascii.charCodeAt(end - 1) === 46 /* '.' */) {
        end -= 1;
    }
    return isIp(ascii.slice(0, end));
}
/**
 * For a host ending in a number without being an IP address in ASCII: `null`,
 * unless it holds non-ASCII characters, which browsers may map (see
 * `isMappedIp`).
 */
function isNonAsciiIp(hostname) {
    for (let i = 0; i < hostname.length; i += 1) {
        if (hostname.charCodeAt(i) >= 128) {
            return isMappedIp(hostname);
        }
    }
    return null;
}
/**
 * Check if `hostname` is an IP address (either IPv4 or IPv6).
 *
 * The answer is `null` for a host ending in a number without being an IPv4
 * address (`1.2.3.4.5`, `example.123`): browsers read such a host as an
 * address and nothing else, so it is not a valid host, and never a domain.
 * `hostname` has no trailing dot: callers strip them.
 */
function isIp(hostname) {
    // Go backward over the digits ending `hostname`, decimal ones first, then
    // hexadecimal ones, down to `code`, the character before them (NaN before
    // the start of `hostname`). It tells what `hostname` may be, and most often
    // that it is not an address.
    const last = hostname.length - 1;
    let i = last;
    let code = hostname.charCodeAt(i);
    while (code >= 48 && code <= 57 /* 0-9 */) {
        i -= 1;
        code = hostname.charCodeAt(i);
    }
    const decimal = i;
    while (hexValue(code) !== 16) {
        i -= 1;
        code = hostname.charCodeAt(i);
    }
    // An IPv6 address ends with a group, which follows a ':', with "::" or
    // with a ']'. Its last label is not a number then.
    if (code === 58 /* ':' */ || code === 93 /* ']' */) {
        return isIpv6(hostname);
    }
    // An IPv4 address ends with a number: a last label only made of decimal
    // digits, or of "0x" followed by hexadecimal digits. An IPv6 address ending
    // with an IPv4 one ends with a number too.
    // https://url.spec.whatwg.org/#ends-in-a-number-checker
    if ((i === decimal && i !== last && (code === 46 /* '.' */ || i === -1)) ||
        ((code | 32) === 120 /* 'x' */ &&
            hostname.charCodeAt(i - 1) === 48 /* '0' */ &&
            (i === 1 || hostname.charCodeAt(i - 2) === 46)) /* '.' */) {
        return isIpv4(hostname) || isIpv6(hostname) ? true : isNonAsciiIp(hostname);
    }
    // A non-ASCII character right before the digits ending `hostname`, or one
    // or two characters before their "x", may be one that browsers map to a
    // digit or a dot, or delete: `hostname` may end in a number for them.
    return code >= 128 ||
        ((code | 32) === 120 /* 'x' */ &&
            (hostname.charCodeAt(i - 1) >= 128 || hostname.charCodeAt(i - 2) >= 128))
        ? isMappedIp(hostname)
        : false;
}

/**
 * Special-use domain names from the IANA "Special-Use Domain Names" registry:
 * the authoritative list, created by RFC 6761 and maintained as new RFCs add to
 * it: https://www.iana.org/assignments/special-use-domain-names/
 * Snapshot: 2026-05-24. (RFC 6761 is not obsoleted; draft-hoffman-rfc6761bis
 * proposes to retire its prose but keep this registry, so the registry is the
 * source of truth; re-sync this list against it.)
 *
 * These names never correspond to a public registration, yet neither
 * `isIcann` nor `isPrivate` marks one as special-use: most are absent from the
 * Public Suffix List (so `a.test` looks like a registrable domain), and the
 * few that are listed (`onion`, `home.arpa`) appear there as ordinary ICANN
 * suffixes. `isSpecialUse` is the single signal that covers them all.
 *
 * Per the registry and RFC 6761 ("and any names falling within these domains"),
 * the designation covers each listed name AND all of its sub-domains. DNS labels
 * are case-insensitive (RFC 4343); `hostname` is expected to be already
 * lower-cased and trailing-dot-stripped, as produced by `extractHostname`, the
 * same normalization the Public-Suffix-List lookup relies on.
 *
 * Two groups of registry entries are intentionally excluded: the numeric
 * reverse-DNS delegation zones (`10.in-addr.arpa`, the `*.ip6.arpa` ranges, …),
 * which are reverse-DNS PTR zones rather than hostnames and whose parents
 * (`in-addr.arpa`/`ip6.arpa`) are already in the Public Suffix List; and the
 * deprecated `eap-noob.arpa` entry.
 */
const SPECIAL_USE_DOMAINS = [
    'test', // RFC 6761
    'localhost', // RFC 6761
    'invalid', // RFC 6761
    'example', // RFC 6761
    'example.com', // RFC 6761
    'example.net', // RFC 6761
    'example.org', // RFC 6761
    'local', // RFC 6762 (mDNS)
    'onion', // RFC 7686 (Tor)
    'alt', // RFC 9476
    'home.arpa', // RFC 8375
    'ipv4only.arpa', // RFC 8880
    'resolver.arpa', // RFC 9462
    'service.arpa', // RFC 9665
    '6tisch.arpa', // RFC 9031
    'eap.arpa', // RFC 9965
];
/**
 * Return `true` if `hostname` is, or is a sub-domain of, a special-use domain
 * (see the registry note above). Expects an already-normalized `hostname`.
 */
function isSpecialUse(hostname) {
    for (const name of SPECIAL_USE_DOMAINS) {
        // Match on a label boundary: `hostname` is either exactly `name` or ends
        // with `.name` (so `latest` is not matched by `test`, nor `myexample.com`
        // by `example.com`).
        if (hostname.endsWith(name) &&
            (hostname.length === name.length ||
                hostname.charCodeAt(hostname.length - name.length - 1) === 46) /* '.' */) {
            return true;
        }
    }
    return false;
}

/**
 * Implements fast shallow verification of hostnames. This does not perform a
 * struct check on the content of labels (classes of Unicode characters, etc.)
 * but instead check that the structure is valid (number of labels, length of
 * labels, etc.).
 *
 * If you need stricter validation, consider using an external library.
 */
// `charCodeAt.call(s, i)`, not `s.charCodeAt(i)`: V8 specializes a
// `s.charCodeAt` call site for at most four kinds of strings (flat, sliced,
// concatenated, internalized, of one or two bytes per character...). Past
// that, it finds the method through a generic cache and no longer inlines it,
// on every call. Hostnames come here from callers and from URLs, of any kind.
// eslint-disable-next-line @typescript-eslint/unbound-method
const charCodeAt$1 = String.prototype.charCodeAt;
// KEEP IN SYNC with `extract-hostname.ts` `isValidHostnameChar` + its inline
// scan/verdict, which duplicate these structural rules to validate during
// extraction (a perf fusion). That copy additionally accepts A-Z (the host is
// not yet lowercased there) and folds in '-' / '_'. Any change to the accepted
// character set or the label/length rules here must be mirrored there.
function isValidAscii(code) {
    return ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code > 127);
}
/**
 * Check if a hostname string is valid. It's usually a preliminary check before
 * trying to use getDomain or anything else.
 *
 * Beware: it does not check if the TLD exists.
 */
function isValidHostname (hostname) {
    if (hostname.length > 255) {
        return false;
    }
    if (hostname.length === 0) {
        return false;
    }
    if (
    /*@__INLINE__*/ !isValidAscii(charCodeAt$1.call(hostname, 0)) &&
        charCodeAt$1.call(hostname, 0) !== 46 && // '.' (dot)
        charCodeAt$1.call(hostname, 0) !== 95 // '_' (underscore)
    ) {
        return false;
    }
    // Validate hostname according to RFC
    let lastDotIndex = -1;
    let lastCharCode = -1;
    const len = hostname.length;
    for (let i = 0; i < len; i += 1) {
        const code = charCodeAt$1.call(hostname, i);
        if (code === 46 /* '.' */) {
            if (
            // Check that previous label is < 63 bytes long (64 = 63 + '.')
            i - lastDotIndex > 64 ||
                // Check that previous character was not already a '.'
                lastCharCode === 46 ||
                // Check that the previous label does not end with '-' (RFC 1035 §2.3.1 LDH).
                // '_' is intentionally NOT restricted: DNS allows any octet (RFC 2181 §11) and
                // WHATWG URL does not treat '_' as a forbidden host code point.
                lastCharCode === 45) {
                return false;
            }
            lastDotIndex = i;
        }
        else if (
        // A forbidden character in the label...
        // Keep these parens: they scope /*@__INLINE__*/ for terser.
        // prettier-ignore
        !( /*@__INLINE__*/(isValidAscii(code) || code === 45 || code === 95)) ||
            // ...or a '-' starting a label (the byte right after a '.'). A label must
            // not begin with a hyphen (RFC 1034 §3.5 / RFC 1035 §2.3.1 LDH, as amended
            // by RFC 1123 §2.1; cf. UTS #46 CheckHyphens). The first label is covered by
            // the leading-character guard above; mirrors the trailing-'-' rule below.
            (code === 45 && lastCharCode === 46)) {
            return false;
        }
        lastCharCode = code;
    }
    return (
    // Check that last label is shorter than 63 chars
    len - lastDotIndex - 1 <= 63 &&
        // Check that the last character is an allowed trailing label character.
        // Since we already checked that the char is a valid hostname character,
        // we only need to check that it's different from '-'.
        lastCharCode !== 45);
}

/**
 * Apply `options.extraSuffixes` to the built-in lookup result in `out`, as if
 * they were part of the list (`isException`: the built-in winner is an
 * exception rule). As in browsers, the longest match prevails and an exception
 * beats a rule of the same length. Remaining ties go to the built-in match
 * (unless it matched no rule: both flags falsy), then to `icann`.
 */
function extraSuffixLookup(hostname, options, isException, out) {
    const suffix = out.publicSuffix;
    if (suffix === null) {
        return;
    }
    // Best extra exception and rule, as start indices in `hostname` (smaller is
    // longer; `none` if unmatched), and whether each is ICANN.
    const none = hostname.length + 1;
    let exception = none;
    let exceptionIsIcann = false;
    let rule = none;
    let ruleIsIcann = false;
    const extra = options.extraSuffixes;
    for (let section = 0; section < 2; section += 1) {
        const isIcann = section === 0;
        const rules = isIcann
            ? options.allowIcannDomains && extra.icann
            : options.allowPrivateDomains && extra.private;
        if (!Array.isArray(rules)) {
            continue;
        }
        for (const r of rules) {
            // Sparse or untyped lists may hold non-strings.
            if (typeof r !== 'string') {
                continue;
            }
            const exceptionRule = r.startsWith('!');
            const wildcard = r.startsWith('*.');
            const body = exceptionRule ? r.slice(1) : wildcard ? r.slice(2) : r;
            // Skip empty rules, and exceptions without a parent ('!p').
            if (body === '' ||
                (exceptionRule && !body.includes('.')) ||
                !shareSameDomainSuffix(hostname, body)) {
                continue;
            }
            let start = hostname.length - body.length;
            // Strict `<`: on a tie, the first match (`icann` first) wins.
            if (exceptionRule) {
                if (start < exception) {
                    exception = start;
                    exceptionIsIcann = isIcann;
                }
                continue;
            }
            // `*.p` also matches `p`, else one more non-empty label.
            if (wildcard && start > 1 && hostname.charCodeAt(start - 2) !== 46) {
                start = hostname.lastIndexOf('.', start - 2) + 1;
            }
            if (start < rule) {
                rule = start;
                ruleIsIcann = isIcann;
            }
        }
    }
    // Start of the built-in match: an exception starts one label left of its
    // suffix.
    const suffixStart = hostname.length - suffix.length;
    const builtin = isException
        ? hostname.lastIndexOf('.', suffixStart - 2) + 1
        : suffixStart;
    // An exception wins ties with rules; a built-in exception wins ties with
    // an extra one.
    if (exception <= rule &&
        (isException ? exception < builtin : exception <= builtin)) {
        out.publicSuffix = hostname.slice(hostname.indexOf('.', exception) + 1);
        out.isIcann = exceptionIsIcann;
        out.isPrivate = !exceptionIsIcann;
    }
    else if (rule < builtin ||
        (rule === builtin && !out.isIcann && !out.isPrivate)) {
        out.publicSuffix = hostname.slice(rule);
        out.isIcann = ruleIsIcann;
        out.isPrivate = !ruleIsIcann;
    }
}

function setDefaultsImpl({ allowIcannDomains = true, allowPrivateDomains = false, detectIp = true, detectSpecialUse = false, extraSuffixes = null, extractHostname = true, mixedInputs = true, validHosts = null, validateHostname = true, }) {
    return {
        allowIcannDomains,
        allowPrivateDomains,
        detectIp,
        detectSpecialUse,
        extraSuffixes,
        extractHostname,
        mixedInputs,
        validHosts,
        validateHostname,
    };
}
const DEFAULT_OPTIONS = /*@__INLINE__*/ setDefaultsImpl({});
function setDefaults(options) {
    // `null` as well: untyped callers pass it to mean "no options".
    if (options === undefined || options === null) {
        return DEFAULT_OPTIONS;
    }
    return /*@__INLINE__*/ setDefaultsImpl(options);
}

/**
 * Returns the subdomain of a hostname string
 */
function getSubdomain(hostname, domain) {
    // If `hostname` and `domain` are the same, then there is no sub-domain
    if (domain.length === hostname.length) {
        return '';
    }
    return hostname.slice(0, -domain.length - 1);
}

/**
 * Implement a factory allowing to plug different implementations of suffix
 * lookup (e.g.: using a trie or the packed hashes datastructures). This is used
 * and exposed in `tldts.ts` and `tldts-experimental.ts` bundle entrypoints.
 */
function getEmptyResult() {
    return {
        domain: null,
        domainWithoutSuffix: null,
        hostname: null,
        isIcann: null,
        isIp: null,
        isPrivate: null,
        isSpecialUse: null,
        publicSuffix: null,
        subdomain: null,
    };
}
function parseImpl(url, step, suffixLookup, partialOptions, result) {
    const options = /*@__INLINE__*/ setDefaults(partialOptions);
    // Very fast approximate check to make sure `url` is a string. This is needed
    // because the library will not necessarily be used in a typed setup and
    // values of arbitrary types might be given as argument.
    if (typeof url !== 'string') {
        return result;
    }
    // Extract hostname from `url` only if needed. This can be made optional
    // using `options.extractHostname`. This option will typically be used
    // whenever we are sure the inputs to `parse` are already hostnames and not
    // arbitrary URLs.
    //
    // `mixedInput` allows to specify if we expect a mix of URLs and hostnames
    // as input. If only hostnames are expected then `extractHostname` can be
    // set to `false` to speed-up parsing. If only URLs are expected then
    // `mixedInputs` can be set to `false`. The `mixedInputs` is only a hint
    // and will not change the behavior of the library.
    // Whether `url` itself was already a valid hostname (only computed on the
    // mixedInputs path). Lets us skip the post-extraction validation below when
    // extractHostname returned `url` unchanged (same reference).
    let urlIsValid = false;
    if (!options.extractHostname) {
        // Trim trailing dots as extractHostname does (`new URL()` keeps them).
        let end = url.length;
        while (end > 1 && url.charCodeAt(end - 1) === 46 /* '.' */) {
            end -= 1;
        }
        result.hostname = end === url.length ? url : url.slice(0, end);
    }
    else if (options.mixedInputs) {
        urlIsValid = isValidHostname(url);
        result.hostname = extractHostname(url, urlIsValid, options.validateHostname);
    }
    else {
        result.hostname = extractHostname(url, false, options.validateHostname);
    }
    // A host in brackets is an IPv6 address, or the URL is invalid, as browsers
    // read it: "http://[1.2.3.4]/" and "http://[a.com]/" have no hostname. An
    // IPv4 address has no ':', every IPv6 address has one.
    if (options.extractHostname &&
        extractedBracketedHost &&
        result.hostname !== null) {
        if (isIp(result.hostname) !== true || !result.hostname.includes(':')) {
            result.hostname = null;
            return result;
        }
        if (options.detectIp) {
            result.isIp = true;
            return result;
        }
    }
    // Check if `hostname` is a valid ip address
    if (options.detectIp && result.hostname !== null) {
        const isIpAddress = isIp(result.hostname);
        result.isIp = isIpAddress === true;
        if (result.isIp) {
            return result;
        }
        // `null`: the host ends in a number, as an IPv4 address, without being
        // one. It is not a valid host then, and never a domain name.
        if (isIpAddress === null &&
            options.validateHostname &&
            options.extractHostname) {
            result.hostname = null;
            return result;
        }
    }
    // Perform hostname validation if enabled. If hostname is not valid, no need to
    // go further as there will be no valid domain or sub-domain. This validation
    // is applied before any early returns to ensure consistent behavior across
    // all API methods including getHostname().
    if (options.validateHostname &&
        options.extractHostname &&
        result.hostname !== null &&
        // Skip the re-scan when `url` was already validated and extractHostname
        // returned it unchanged (same reference => identical string, still valid).
        !(urlIsValid && result.hostname === url) &&
        // Skip the re-scan when extractHostname already validated the host inline
        // (a confirmed-valid simple authority — see extract-hostname.ts).
        !extractedHostnameValidated &&
        !isValidHostname(result.hostname)) {
        result.hostname = null;
        return result;
    }
    if (result.hostname === null) {
        return result;
    }
    // Flag special-use domains, only when opted in (`detectSpecialUse`) and only
    // for the full `parse()` result (FLAG.ALL). Computed here, before the
    // public-suffix/domain early-returns below, so single-label names like
    // `localhost` (which have no registrable domain) are still flagged.
    if (options.detectSpecialUse) {
        result.isSpecialUse = isSpecialUse(result.hostname);
    }
    // Extract public suffix (`isException`: the winner is an exception rule)
    const isException = suffixLookup(result.hostname, options, result);
    if (options.extraSuffixes !== null) {
        extraSuffixLookup(result.hostname, options, isException === true, result);
    }
    if (result.publicSuffix === null) {
        return result;
    }
    // Extract domain
    result.domain = getDomain(result.publicSuffix, result.hostname, options);
    if (result.domain === null) {
        return result;
    }
    // Extract subdomain
    result.subdomain = getSubdomain(result.hostname, result.domain);
    // Extract domain without suffix
    result.domainWithoutSuffix = getDomainWithoutSuffix(result.domain, result.publicSuffix);
    return result;
}

function fastPathLookup (hostname, options, out) {
    // Fast path for very popular suffixes; this allows to by-pass lookup
    // completely as well as any extra allocation or string manipulation.
    if (!options.allowPrivateDomains &&
        options.allowIcannDomains &&
        hostname.length > 3) {
        const last = hostname.length - 1;
        const c3 = hostname.charCodeAt(last);
        const c2 = hostname.charCodeAt(last - 1);
        const c1 = hostname.charCodeAt(last - 2);
        const c0 = hostname.charCodeAt(last - 3);
        if (c3 === 109 /* 'm' */ &&
            c2 === 111 /* 'o' */ &&
            c1 === 99 /* 'c' */ &&
            c0 === 46 /* '.' */) {
            out.isIcann = true;
            out.isPrivate = false;
            out.publicSuffix = 'com';
            return true;
        }
        else if (c3 === 103 /* 'g' */ &&
            c2 === 114 /* 'r' */ &&
            c1 === 111 /* 'o' */ &&
            c0 === 46 /* '.' */) {
            out.isIcann = true;
            out.isPrivate = false;
            out.publicSuffix = 'org';
            return true;
        }
        else if (c3 === 117 /* 'u' */ &&
            c2 === 100 /* 'd' */ &&
            c1 === 101 /* 'e' */ &&
            c0 === 46 /* '.' */) {
            out.isIcann = true;
            out.isPrivate = false;
            out.publicSuffix = 'edu';
            return true;
        }
        else if (c3 === 118 /* 'v' */ &&
            c2 === 111 /* 'o' */ &&
            c1 === 103 /* 'g' */ &&
            c0 === 46 /* '.' */) {
            out.isIcann = true;
            out.isPrivate = false;
            out.publicSuffix = 'gov';
            return true;
        }
        else if (c3 === 116 /* 't' */ &&
            c2 === 101 /* 'e' */ &&
            c1 === 110 /* 'n' */ &&
            c0 === 46 /* '.' */) {
            out.isIcann = true;
            out.isPrivate = false;
            out.publicSuffix = 'net';
            return true;
        }
        else if (c3 === 101 /* 'e' */ &&
            c2 === 100 /* 'd' */ &&
            c1 === 46 /* '.' */) {
            out.isIcann = true;
            out.isPrivate = false;
            out.publicSuffix = 'de';
            return true;
        }
    }
    return false;
}

// Auto-generated flat public-suffix trie. Do not edit.
const nodeFlags = /*#__PURE__*/ new Uint8Array([1, 2, 1, 1, 1, 1, 1, 1, 2, 0, 1, 1, 1, 1, 2, 2, 2, 0, 2, 2, 2, 2, 0, 2, 2, 2, 1, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 0, 2, 0, 1, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1, 1, 1, 1, 0, 0, 2, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1, 0, 1, 1, 0, 0, 2, 0, 0, 0, 1, 1, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2, 2, 0, 0, 2, 2, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 2, 1, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 0, 2, 2, 0, 0, 2, 0, 0, 2, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 0, 0, 0, 1, 0, 2, 2, 0, 0, 0, 2, 0, 1, 1, 0, 2, 0, 2, 2, 2, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 2, 2, 0, 2, 2, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 2, 2, 0, 2, 2, 2, 2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 2, 2, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 2, 2, 0, 0, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 2, 2, 1, 2, 1, 1, 1, 2, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 2, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
const edgeStart = /*#__PURE__*/ new Uint16Array([0, 0, 0, 10, 11, 18, 106, 111, 117, 118, 119, 128, 134, 141, 150, 151, 152, 153, 154, 155, 157, 158, 160, 161, 162, 164, 166, 242, 255, 257, 258, 259, 274, 276, 283, 284, 287, 288, 289, 292, 294, 313, 314, 316, 325, 330, 347, 348, 351, 352, 354, 356, 392, 393, 395, 398, 399, 403, 405, 409, 412, 444, 447, 460, 461, 469, 470, 472, 482, 496, 497, 498, 499, 508, 509, 546, 551, 567, 587, 593, 635, 637, 638, 639, 640, 667, 694, 695, 843, 849, 852, 853, 854, 859, 864, 873, 895, 896, 897, 898, 899, 900, 901, 921, 923, 924, 927, 929, 930, 932, 934, 949, 966, 971, 972, 974, 975, 976, 977, 978, 980, 983, 988, 989, 990, 992, 993, 996, 999, 1000, 1001, 1014, 1016, 1028, 1039, 1047, 1049, 1089, 1092, 1096, 1097, 1099, 1102, 1113, 1115, 1125, 1127, 1133, 1135, 1136, 1138, 1141, 1142, 1143, 1196, 1198, 1200, 1220, 1221, 1222, 1223, 1225, 1236, 1267, 1278, 1279, 1292, 1302, 1311, 1319, 1320, 1325, 1339, 1350, 1362, 1374, 1388, 1389, 1400, 1434, 1435, 1436, 1452, 1468, 1480, 1553, 1554, 1556, 1557, 1593, 1612, 1613, 1614, 1615, 1617, 1618, 1619, 1622, 1626, 1629, 1631, 1665, 1666, 1674, 1675, 1676, 1677, 1678, 1680, 1682, 1684, 1685, 1689, 1690, 1691, 1693, 1695, 1696, 1698, 1699, 1700, 1711, 1713, 1714, 1718, 1719, 1722, 1729, 1730, 1735, 1739, 1740, 1742, 1743, 1744, 1745, 1746, 1747, 1748, 1749, 1750, 1751, 1752, 1753, 1754, 1755, 1757, 1758, 1759, 1760, 2228, 2231, 2232, 2234, 2241, 2248, 2258, 2262, 2273, 2274, 2275, 2287, 2288, 2290, 2292, 2293, 2300, 2301, 2303, 2304, 2306, 2307, 2308, 2309, 2310, 2385, 2387, 2408, 2409, 2410, 2412, 2413, 2415, 2416, 2471, 2472, 2473, 2480, 2486, 2496, 2506, 2559, 2560, 2561, 2571, 2585, 2586, 2589, 2596, 2597, 2605, 2607, 2608, 2609, 2610, 2621, 2622, 2623, 2625, 2626, 2628, 2629, 2638, 2650, 2656, 2658, 2690, 2694, 2696, 2697, 2699, 2700, 2712, 2713, 2715, 2723, 2730, 2736, 2741, 2742, 2748, 2751, 2757, 2764, 2771, 2779, 2780, 2781, 2819, 2825, 2829, 2845, 2846, 2851, 2869, 2900, 2918, 2920, 2923, 2931, 2933, 2940, 2992, 3016, 3017, 3018, 3019, 3020, 3021, 3022, 3029, 3030, 3031, 3032, 3033, 3034, 3036, 3037, 3041, 3125, 3138, 3139, 3576, 3580, 3594, 3646, 3674, 3696, 3754, 3776, 3791, 3854, 3905, 3943, 3979, 4004, 4146, 4192, 4243, 4262, 4296, 4311, 4331, 4361, 4392, 4415, 4446, 4476, 4508, 4535, 4610, 4632, 4670, 4680, 4714, 4733, 4759, 4801, 4851, 4877, 4946, 4947, 4949, 4972, 4995, 5031, 5062, 5079, 5136, 5149, 5173, 5202, 5204, 5238, 5254, 5282, 5587, 5596, 5606, 5613, 5630, 5634, 5640, 5641, 5680, 5682, 5689, 5696, 5705, 5712, 5713, 5714, 5727, 5730, 5745, 5746, 5755, 5756, 5765, 5774, 5780, 5782, 5783, 5784, 5822, 5823, 5825, 5833, 5840, 5853, 5857, 5859, 5860, 5866, 5873, 5887, 5897, 5902, 5910, 5918, 5924, 5925, 5929, 5931, 5932, 5944, 6016, 6017, 6018, 6019, 6021, 6022, 6025, 6027, 6030, 6034, 6035, 6036, 6042, 6043, 6044, 6046, 6048, 6050, 6051, 6052, 6055, 6057, 6060, 6061, 6063, 6261, 6268, 6269, 6270, 6280, 6285, 6302, 6316, 6325, 6326, 6327, 6331, 6332, 6334, 6336, 6342, 6343, 6346, 6347, 6349, 6350, 6351, 7251, 7254, 7258, 7276, 7285, 7288, 7294, 7295, 7297, 7298, 7299, 7301, 7353, 7354, 7357, 7358, 7477, 7478, 7489, 7508, 7515, 7518, 7527, 7528, 7529, 7544, 7599, 7791, 7793, 7795, 7796, 7798, 7803, 7816, 7817, 7833, 7840, 7849, 7852, 7855, 7862, 7870, 7874, 7875, 7876, 7890, 7895, 7904, 7905, 7906, 7910, 7945, 7946, 7967, 7974, 7982, 7983, 7988, 7996, 8040, 8041, 8047, 8050, 8063, 8068, 8069, 8071, 8073, 8114, 8115, 8121, 8128, 8129, 8139, 8148, 8163, 8167, 8169, 8221, 8222, 8227, 8228, 8231, 8233, 8234, 8235, 8244, 8258, 8266, 8280, 8291, 8292, 8294, 8296, 8318, 8329, 8335, 8336, 8348, 8360, 8447, 8459, 8466, 8469, 8475, 8500, 8503, 8504, 8505, 8506, 8508, 8511, 8514, 8525, 8527, 8529, 8557, 8631, 8638, 8642, 8643, 8652, 8674, 8675, 8680, 8681, 8763, 8765, 8766, 8775, 8779, 8785, 8791, 8797, 8807, 8812, 8813, 8831, 8842, 8847, 8852, 8862, 8868, 8872, 8878, 8884, 10490, 10491, 10492, 10499, 10501]);
const edgeLength = /*#__PURE__*/ new Uint8Array([3, 3, 3, 3, 3, 3, 3, 3, 5, 8, 8, 2, 2, 3, 3, 3, 3, 3, 8, 5, 5, 5, 5, 5, 3, 3, 5, 5, 9, 12, 19, 8, 19, 8, 11, 9, 9, 8, 7, 7, 6, 8, 9, 16, 10, 7, 7, 11, 8, 6, 6, 9, 7, 11, 7, 14, 4, 4, 4, 4, 4, 4, 10, 7, 6, 6, 6, 6, 10, 10, 6, 10, 10, 22, 11, 9, 10, 10, 10, 9, 10, 8, 7, 7, 7, 8, 21, 13, 11, 11, 9, 10, 9, 13, 10, 8, 8, 9, 12, 9, 7, 10, 7, 7, 13, 7, 3, 3, 3, 3, 3, 2, 3, 3, 3, 3, 3, 1, 4, 3, 3, 3, 3, 3, 8, 7, 4, 6, 3, 3, 3, 3, 3, 3, 2, 5, 3, 3, 3, 3, 7, 2, 2, 2, 2, 2, 2, 3, 3, 3, 1, 7, 8, 5, 2, 2, 7, 4, 5, 7, 2, 2, 1, 4, 1, 11, 9, 9, 5, 5, 8, 5, 5, 5, 5, 5, 5, 5, 3, 3, 3, 3, 3, 5, 5, 11, 9, 9, 8, 9, 9, 13, 7, 14, 7, 6, 6, 6, 7, 6, 6, 6, 6, 6, 6, 10, 7, 11, 9, 4, 4, 4, 4, 4, 6, 6, 6, 6, 13, 6, 8, 7, 10, 10, 9, 9, 7, 9, 8, 8, 9, 8, 7, 10, 6, 9, 8, 10, 9, 10, 7, 8, 1, 9, 10, 12, 12, 12, 10, 9, 9, 10, 10, 9, 9, 1, 1, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 6, 6, 6, 4, 2, 3, 3, 3, 3, 7, 4, 4, 4, 3, 3, 6, 7, 3, 4, 1, 2, 2, 2, 6, 1, 2, 2, 2, 2, 2, 12, 5, 3, 8, 9, 13, 4, 4, 13, 9, 9, 11, 7, 3, 12, 9, 2, 2, 2, 3, 3, 3, 3, 3, 8, 2, 2, 3, 3, 3, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 3, 7, 10, 15, 15, 7, 15, 20, 15, 9, 10, 10, 12, 14, 14, 14, 12, 12, 12, 12, 12, 14, 14, 10, 10, 10, 10, 14, 9, 9, 9, 9, 10, 14, 14, 14, 13, 13, 14, 9, 9, 9, 9, 9, 9, 7, 8, 6, 8, 8, 6, 8, 13, 8, 8, 6, 13, 8, 11, 13, 8, 6, 13, 8, 6, 9, 10, 10, 12, 14, 14, 14, 12, 12, 12, 12, 14, 14, 10, 10, 10, 10, 9, 9, 9, 10, 14, 14, 11, 13, 13, 9, 9, 9, 9, 9, 9, 2, 6, 9, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 2, 3, 3, 3, 3, 3, 3, 7, 7, 2, 3, 2, 2, 5, 3, 3, 3, 3, 3, 3, 4, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 4, 5, 7, 4, 2, 2, 12, 8, 10, 8, 10, 7, 18, 4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 5, 2, 2, 3, 3, 3, 5, 5, 3, 8, 8, 6, 8, 6, 6, 4, 6, 7, 7, 7, 10, 11, 2, 5, 5, 3, 3, 3, 3, 3, 3, 5, 5, 6, 11, 10, 7, 7, 7, 4, 4, 4, 2, 3, 3, 3, 3, 3, 2, 2, 7, 5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 7, 7, 7, 11, 7, 6, 9, 6, 6, 8, 10, 8, 6, 8, 13, 4, 4, 4, 4, 4, 10, 8, 11, 8, 8, 8, 10, 10, 7, 5, 4, 4, 4, 10, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 2, 2, 2, 2, 2, 2, 5, 5, 5, 5, 5, 5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 7, 10, 13, 7, 8, 7, 11, 8, 8, 6, 9, 8, 8, 6, 6, 6, 8, 8, 6, 6, 6, 6, 6, 9, 7, 6, 4, 4, 4, 4, 4, 4, 4, 6, 6, 6, 9, 7, 8, 10, 8, 8, 2, 3, 3, 3, 3, 3, 2, 8, 9, 9, 2, 2, 2, 3, 3, 3, 2, 3, 3, 3, 9, 2, 2, 3, 3, 3, 3, 3, 3, 5, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 12, 5, 5, 3, 5, 4, 2, 3, 2, 4, 3, 9, 2, 2, 2, 2, 2, 5, 5, 3, 3, 3, 8, 8, 13, 6, 10, 9, 4, 7, 9, 11, 2, 3, 7, 3, 3, 4, 1, 3, 4, 2, 9, 3, 3, 12, 5, 3, 7, 10, 10, 7, 4, 4, 6, 14, 7, 9, 7, 13, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 8, 15, 4, 4, 2, 3, 3, 3, 7, 4, 9, 9, 2, 3, 3, 3, 5, 3, 2, 2, 7, 2, 7, 6, 6, 7, 2, 4, 2, 2, 2, 2, 2, 2, 8, 8, 8, 9, 5, 2, 3, 3, 3, 3, 3, 3, 10, 7, 4, 4, 4, 4, 3, 4, 2, 3, 3, 3, 3, 3, 10, 7, 4, 4, 4, 4, 2, 3, 3, 3, 3, 10, 7, 4, 4, 4, 4, 3, 9, 6, 6, 6, 9, 13, 9, 2, 2, 2, 8, 7, 9, 5, 3, 3, 3, 5, 5, 13, 12, 9, 10, 7, 8, 7, 8, 6, 11, 12, 7, 10, 4, 4, 4, 7, 8, 11, 6, 7, 9, 8, 7, 10, 8, 9, 15, 7, 8, 5, 4, 7, 2, 3, 3, 3, 2, 14, 10, 2, 14, 10, 2, 14, 3, 9, 13, 13, 10, 14, 16, 17, 11, 2, 14, 2, 14, 3, 9, 13, 10, 14, 16, 17, 11, 14, 10, 14, 2, 7, 3, 10, 7, 14, 10, 2, 14, 10, 9, 9, 17, 6, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 10, 10, 10, 12, 9, 4, 10, 10, 11, 8, 8, 8, 7, 9, 5, 3, 3, 3, 3, 3, 3, 3, 3, 5, 8, 4, 4, 4, 4, 4, 4, 6, 16, 3, 3, 14, 3, 14, 2, 14, 9, 13, 10, 10, 14, 16, 17, 11, 6, 9, 10, 10, 12, 14, 14, 14, 12, 12, 12, 12, 14, 14, 10, 10, 10, 10, 14, 9, 9, 9, 10, 14, 14, 14, 9, 9, 9, 9, 9, 9, 2, 14, 9, 13, 10, 10, 14, 16, 17, 11, 6, 14, 2, 14, 9, 17, 13, 10, 10, 14, 17, 16, 17, 11, 6, 2, 14, 9, 13, 10, 14, 17, 16, 17, 11, 2, 14, 9, 13, 10, 14, 16, 17, 11, 2, 14, 9, 13, 10, 17, 16, 11, 17, 2, 14, 10, 19, 7, 2, 14, 9, 13, 10, 19, 10, 7, 14, 17, 16, 17, 11, 6, 2, 14, 9, 13, 10, 19, 7, 14, 16, 17, 11, 2, 14, 9, 13, 10, 10, 14, 17, 16, 17, 11, 6, 2, 14, 9, 13, 10, 10, 14, 17, 16, 17, 11, 6, 2, 14, 9, 13, 17, 13, 10, 10, 14, 17, 16, 17, 11, 6, 3, 2, 14, 9, 13, 10, 10, 14, 16, 17, 11, 6, 9, 10, 12, 14, 14, 14, 12, 12, 12, 12, 12, 14, 14, 14, 10, 10, 10, 14, 9, 9, 9, 9, 14, 14, 14, 13, 13, 14, 9, 9, 9, 9, 9, 9, 4, 11, 2, 14, 9, 13, 17, 13, 10, 19, 10, 7, 14, 17, 16, 17, 11, 6, 2, 14, 9, 13, 17, 13, 10, 19, 10, 7, 14, 17, 16, 17, 11, 6, 2, 14, 9, 13, 10, 19, 7, 14, 17, 16, 17, 11, 2, 9, 10, 10, 7, 17, 3, 3, 12, 12, 16, 15, 15, 12, 14, 14, 14, 20, 20, 13, 12, 12, 12, 12, 12, 12, 20, 25, 14, 14, 12, 12, 10, 10, 10, 10, 14, 9, 9, 9, 25, 4, 9, 17, 10, 7, 14, 16, 21, 13, 13, 14, 20, 14, 13, 17, 24, 9, 12, 13, 25, 13, 21, 20, 17, 9, 9, 9, 9, 9, 9, 12, 17, 4, 4, 9, 9, 9, 10, 10, 12, 14, 14, 14, 12, 12, 12, 12, 12, 14, 14, 10, 10, 10, 10, 14, 9, 9, 9, 9, 10, 14, 14, 14, 13, 13, 14, 9, 9, 9, 9, 9, 9, 9, 10, 14, 12, 12, 14, 14, 10, 9, 9, 9, 10, 14, 14, 14, 9, 9, 9, 9, 2, 1, 5, 1, 6, 5, 8, 7, 11, 11, 1, 3, 3, 3, 5, 3, 3, 4, 8, 9, 10, 10, 12, 14, 14, 14, 12, 12, 12, 12, 14, 14, 10, 10, 10, 10, 14, 9, 9, 9, 10, 14, 14, 14, 13, 13, 14, 9, 9, 9, 9, 9, 9, 7, 4, 4, 4, 4, 4, 4, 4, 4, 10, 2, 2, 6, 7, 6, 2, 3, 2, 3, 6, 2, 7, 6, 10, 7, 4, 9, 12, 6, 14, 4, 12, 7, 2, 2, 1, 2, 7, 6, 4, 4, 4, 6, 8, 8, 7, 2, 2, 13, 2, 2, 2, 2, 6, 2, 8, 12, 2, 7, 7, 6, 8, 10, 12, 2, 2, 2, 3, 3, 13, 2, 2, 3, 3, 6, 7, 6, 4, 5, 6, 3, 3, 3, 3, 4, 16, 8, 5, 4, 3, 3, 3, 5, 7, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 11, 12, 7, 7, 13, 9, 10, 17, 12, 8, 9, 7, 17, 17, 8, 5, 12, 10, 13, 14, 5, 5, 5, 13, 5, 5, 5, 3, 3, 3, 5, 16, 5, 5, 5, 5, 7, 12, 14, 8, 12, 8, 10, 12, 9, 11, 7, 9, 7, 10, 7, 13, 13, 9, 7, 12, 8, 17, 7, 7, 16, 10, 13, 13, 8, 10, 10, 14, 17, 7, 16, 16, 15, 8, 10, 10, 12, 17, 17, 7, 17, 14, 7, 10, 17, 8, 7, 7, 7, 8, 15, 15, 7, 14, 10, 10, 10, 11, 11, 7, 7, 13, 8, 10, 7, 16, 7, 8, 7, 14, 17, 12, 10, 11, 21, 8, 9, 7, 13, 9, 8, 6, 13, 6, 12, 7, 6, 13, 10, 10, 10, 8, 18, 9, 17, 13, 10, 12, 6, 13, 6, 11, 8, 13, 10, 13, 18, 10, 13, 11, 13, 8, 16, 7, 10, 8, 16, 12, 10, 8, 8, 14, 11, 8, 15, 8, 8, 7, 7, 12, 7, 8, 9, 14, 15, 8, 9, 10, 9, 15, 7, 8, 8, 12, 13, 12, 9, 10, 15, 13, 7, 10, 10, 20, 7, 6, 9, 6, 6, 14, 11, 14, 11, 12, 9, 10, 16, 16, 12, 7, 11, 28, 8, 11, 10, 7, 21, 8, 7, 9, 4, 4, 4, 17, 7, 8, 6, 9, 6, 6, 13, 6, 6, 6, 6, 18, 20, 14, 8, 11, 12, 9, 10, 13, 15, 15, 19, 8, 9, 12, 7, 10, 16, 12, 9, 9, 9, 14, 12, 11, 10, 9, 12, 11, 18, 9, 9, 9, 10, 7, 7, 16, 8, 9, 7, 13, 12, 10, 14, 18, 7, 8, 11, 10, 7, 7, 8, 8, 13, 7, 7, 7, 11, 15, 13, 11, 7, 8, 15, 11, 7, 8, 18, 8, 14, 13, 18, 15, 10, 12, 12, 9, 7, 11, 11, 8, 7, 10, 8, 14, 12, 10, 18, 7, 10, 9, 7, 8, 13, 10, 14, 10, 8, 8, 23, 7, 7, 11, 12, 12, 17, 7, 7, 11, 11, 17, 16, 16, 25, 7, 8, 11, 14, 14, 8, 10, 7, 15, 7, 16, 16, 13, 9, 11, 9, 15, 15, 11, 11, 7, 7, 14, 7, 9, 7, 7, 16, 10, 13, 10, 11, 14, 7, 11, 10, 11, 7, 11, 10, 11, 15, 10, 11, 15, 10, 12, 10, 14, 13, 11, 11, 12, 13, 10, 7, 13, 16, 12, 21, 15, 9, 10, 10, 7, 11, 14, 17, 7, 7, 8, 11, 13, 12, 8, 15, 14, 14, 8, 17, 12, 10, 10, 7, 9, 19, 11, 7, 10, 7, 11, 18, 7, 11, 7, 12, 11, 8, 8, 14, 12, 7, 8, 15, 3, 7, 7, 5, 2, 9, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 2, 5, 3, 3, 3, 3, 3, 3, 4, 4, 3, 3, 3, 3, 3, 3, 5, 11, 6, 4, 7, 10, 7, 7, 11, 1, 10, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 5, 7, 3, 5, 6, 3, 3, 5, 2, 2, 5, 3, 4, 13, 11, 3, 3, 6, 3, 5, 14, 2, 2, 3, 8, 2, 2, 12, 5, 18, 5, 3, 3, 3, 3, 16, 5, 5, 5, 10, 7, 13, 12, 13, 9, 12, 14, 19, 9, 9, 21, 9, 9, 10, 6, 9, 6, 15, 10, 6, 12, 8, 6, 10, 15, 4, 4, 6, 6, 9, 9, 12, 16, 14, 23, 7, 7, 7, 14, 9, 7, 7, 11, 14, 10, 7, 10, 10, 10, 12, 6, 11, 10, 13, 11, 15, 11, 7, 12, 10, 3, 7, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 4, 3, 7, 5, 1, 5, 2, 2, 2, 5, 5, 5, 5, 5, 5, 3, 3, 3, 3, 3, 5, 5, 10, 9, 11, 8, 7, 12, 8, 9, 7, 6, 13, 11, 6, 13, 7, 9, 9, 4, 4, 4, 4, 4, 6, 10, 7, 8, 13, 11, 8, 8, 9, 14, 7, 14, 10, 7, 9, 7, 7, 9, 6, 9, 2, 12, 5, 3, 3, 13, 4, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4, 5, 5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 8, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 9, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 2, 2, 2, 5, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 1, 7, 6, 4, 12, 3, 3, 3, 3, 3, 8, 7, 3, 3, 3, 3, 3, 3, 4, 4, 11, 15, 14, 2, 8, 3, 5, 5, 8, 10, 8, 6, 4, 7, 17, 7, 4, 5, 2, 6, 3, 5, 4, 2, 2, 12, 5, 5, 3, 15, 13, 8, 11, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 5, 3, 3, 3, 3, 4, 2, 3, 18, 2, 12, 5, 3, 3, 3, 3, 3, 5, 16, 8, 8, 9, 6, 6, 4, 4, 4, 4, 31, 6, 6, 10, 11, 21, 10, 9, 7, 10, 7, 7, 2, 4, 4, 4, 4, 6, 5, 3, 3, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 6, 6, 4, 6, 2, 2, 2, 5, 3, 3, 3, 7, 7, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 3, 3, 3, 3, 8, 2, 3, 3, 3, 3, 3, 5, 9, 11, 3, 3, 3, 3, 4, 4, 3, 3, 3, 3, 3, 5, 10, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 2, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 11, 10, 10, 10, 10, 10, 11, 10, 11, 10, 11, 10, 9, 9, 11, 3, 3, 3, 3, 3, 3, 2, 2, 3, 3, 5, 5, 3, 7, 8, 7, 6, 6, 11, 4, 4, 4, 4, 7, 8, 9, 9, 2, 3, 7, 4, 4, 2, 5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 2, 2, 5, 5, 5, 5, 5, 3, 3, 5, 5, 5, 7, 7, 6, 6, 6, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 6, 6, 8, 8, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 4, 4, 6, 9, 12, 3, 7, 10, 7, 2, 2, 3, 3, 3, 3, 3, 4, 3, 3, 2, 2, 2, 2, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 5, 5, 8, 8, 6, 6, 8, 6, 7, 4, 4, 4, 4, 4, 4, 6, 7, 5, 5, 20, 19, 8, 10, 9, 7, 10, 6, 8, 11, 6, 6, 6, 6, 13, 12, 8, 6, 7, 14, 11, 9, 2, 5, 3, 6, 2, 3, 2, 2, 2, 2, 2, 2, 2, 5, 4, 3, 7, 6, 4, 7, 4, 3, 6, 4, 7, 2, 2, 7, 7, 7, 5, 5, 5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 5, 9, 10, 10, 10, 11, 7, 8, 20, 7, 9, 8, 9, 8, 12, 6, 6, 6, 8, 9, 8, 12, 6, 6, 8, 13, 10, 12, 6, 6, 7, 7, 9, 6, 4, 4, 4, 4, 4, 4, 10, 6, 6, 6, 7, 14, 11, 10, 7, 8, 10, 8, 11, 14, 11, 11, 9, 7, 9, 8, 11, 13, 9, 17, 10, 9, 2, 2, 2, 9, 3, 3, 3, 3, 15, 14, 9, 5, 5, 2, 8, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 15, 12, 22, 19, 17, 18, 18, 19, 21, 7, 16, 16, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 7, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 9, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 5, 7, 16, 11, 11, 7, 7, 7, 7, 17, 7, 8, 12, 15, 9, 19, 7, 19, 8, 21, 11, 12, 19, 14, 22, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 16, 16, 19, 24, 12, 7, 14, 7, 12, 7, 8, 10, 10, 13, 7, 12, 12, 7, 7, 10, 18, 15, 12, 16, 7, 14, 12, 17, 10, 16, 17, 12, 17, 25, 7, 7, 7, 13, 6, 9, 6, 9, 18, 6, 6, 11, 20, 10, 6, 6, 6, 6, 6, 6, 17, 6, 6, 6, 15, 6, 6, 6, 6, 6, 8, 14, 11, 12, 11, 15, 13, 19, 17, 21, 7, 18, 8, 13, 13, 8, 12, 8, 6, 6, 13, 6, 15, 15, 16, 6, 6, 16, 6, 6, 6, 14, 6, 18, 6, 6, 6, 17, 18, 9, 13, 15, 8, 19, 8, 15, 15, 18, 14, 16, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 6, 11, 10, 11, 6, 21, 23, 12, 17, 12, 11, 14, 13, 22, 15, 15, 11, 12, 14, 12, 7, 12, 8, 12, 14, 12, 18, 10, 8, 16, 19, 17, 12, 14, 15, 8, 19, 17, 12, 13, 13, 15, 18, 13, 23, 24, 23, 21, 17, 24, 8, 21, 8, 14, 14, 16, 20, 14, 8, 8, 15, 20, 8, 19, 21, 9, 8, 13, 12, 13, 15, 11, 8, 11, 9, 9, 8, 11, 8, 21, 14, 21, 15, 15, 13, 7, 19, 7, 7, 7, 7, 7, 7, 16, 12, 17, 18, 7, 7, 11, 11, 7, 9, 9, 2, 2, 3, 3, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 5, 5, 5, 5, 5, 5, 5, 5, 3, 3, 10, 10, 7, 9, 7, 7, 7, 6, 8, 6, 6, 6, 6, 6, 6, 6, 7, 6, 8, 6, 6, 9, 7, 7, 7, 4, 4, 4, 4, 4, 4, 4, 4, 8, 9, 8, 7, 8, 7, 8, 10, 7, 5, 5, 5, 5, 5, 5, 3, 9, 7, 7, 8, 6, 6, 6, 6, 6, 6, 6, 6, 9, 6, 6, 9, 11, 13, 7, 8, 9, 9, 5, 5, 5, 7, 8, 6, 6, 6, 6, 6, 6, 6, 7, 8, 9, 7, 10, 9, 10, 7, 8, 5, 5, 5, 5, 5, 5, 7, 7, 9, 8, 7, 7, 6, 6, 6, 6, 6, 6, 10, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 9, 10, 4, 4, 4, 4, 8, 7, 7, 10, 10, 9, 8, 8, 15, 9, 8, 8, 8, 8, 8, 9, 10, 9, 10, 7, 8, 13, 5, 5, 5, 5, 5, 3, 3, 7, 7, 8, 6, 6, 6, 4, 4, 11, 9, 7, 8, 9, 10, 7, 5, 5, 5, 5, 5, 3, 3, 7, 6, 6, 13, 7, 9, 8, 7, 5, 5, 5, 5, 5, 5, 5, 5, 3, 3, 3, 3, 7, 8, 7, 8, 13, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 8, 8, 6, 6, 6, 6, 7, 6, 7, 6, 6, 9, 7, 4, 4, 4, 4, 4, 4, 4, 7, 8, 7, 8, 9, 8, 8, 8, 7, 10, 7, 8, 5, 5, 5, 5, 5, 5, 5, 5, 3, 7, 7, 7, 7, 9, 7, 10, 9, 6, 6, 6, 6, 6, 8, 8, 6, 6, 6, 7, 6, 6, 6, 9, 9, 4, 4, 13, 7, 10, 9, 9, 12, 7, 8, 8, 10, 8, 8, 8, 8, 8, 8, 5, 5, 5, 5, 3, 7, 7, 11, 7, 9, 8, 8, 6, 6, 10, 6, 8, 8, 8, 6, 7, 6, 6, 12, 4, 4, 4, 4, 4, 4, 4, 4, 4, 9, 8, 8, 16, 8, 9, 8, 7, 5, 5, 5, 5, 5, 3, 3, 7, 7, 7, 10, 15, 8, 9, 8, 9, 9, 6, 6, 6, 6, 6, 6, 7, 4, 8, 7, 8, 8, 7, 8, 11, 8, 5, 5, 5, 5, 5, 3, 7, 7, 6, 11, 16, 7, 6, 4, 4, 4, 4, 9, 9, 8, 8, 8, 13, 12, 8, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 11, 7, 8, 8, 9, 13, 7, 7, 7, 9, 8, 8, 9, 12, 7, 12, 7, 12, 8, 7, 10, 12, 9, 9, 6, 6, 8, 8, 6, 6, 6, 6, 6, 6, 6, 9, 8, 9, 11, 8, 6, 6, 6, 6, 6, 12, 7, 6, 6, 6, 9, 7, 7, 6, 6, 6, 6, 6, 11, 9, 6, 6, 6, 6, 6, 7, 9, 4, 4, 4, 4, 4, 4, 4, 4, 9, 9, 9, 9, 7, 7, 7, 7, 7, 11, 7, 7, 8, 8, 8, 8, 8, 8, 9, 8, 9, 9, 7, 7, 11, 11, 7, 12, 8, 8, 8, 8, 8, 7, 8, 8, 8, 8, 8, 13, 12, 8, 8, 8, 8, 7, 7, 7, 9, 5, 5, 5, 5, 5, 5, 5, 3, 3, 7, 7, 11, 7, 8, 8, 8, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 10, 11, 6, 7, 9, 4, 4, 4, 4, 4, 4, 9, 9, 8, 9, 8, 8, 8, 7, 7, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 3, 3, 11, 7, 7, 7, 9, 6, 6, 11, 8, 10, 6, 6, 6, 12, 8, 8, 7, 6, 6, 8, 7, 4, 4, 4, 4, 4, 4, 4, 4, 9, 10, 9, 9, 8, 10, 9, 11, 8, 5, 5, 5, 7, 6, 6, 8, 7, 4, 4, 4, 4, 8, 7, 7, 8, 7, 8, 8, 5, 5, 5, 5, 7, 7, 8, 8, 8, 6, 6, 6, 6, 6, 10, 8, 9, 13, 6, 7, 6, 6, 8, 7, 8, 4, 4, 4, 4, 11, 8, 8, 8, 10, 5, 5, 8, 7, 8, 13, 8, 7, 6, 8, 6, 9, 7, 8, 7, 5, 5, 5, 5, 5, 5, 3, 3, 7, 8, 9, 6, 4, 8, 10, 10, 8, 12, 9, 13, 2, 7, 5, 5, 5, 5, 5, 7, 7, 10, 6, 6, 6, 6, 6, 6, 6, 8, 4, 4, 9, 8, 8, 8, 14, 8, 8, 8, 9, 8, 5, 5, 5, 5, 5, 3, 3, 9, 6, 6, 6, 6, 10, 12, 6, 6, 6, 6, 6, 6, 6, 4, 4, 4, 4, 11, 8, 7, 8, 8, 8, 5, 5, 3, 3, 3, 3, 7, 7, 6, 8, 6, 8, 11, 7, 6, 6, 6, 7, 4, 8, 11, 9, 10, 5, 5, 5, 3, 3, 3, 7, 7, 8, 9, 8, 15, 9, 6, 6, 6, 6, 6, 6, 11, 11, 4, 4, 4, 4, 4, 7, 9, 9, 10, 8, 7, 5, 5, 5, 5, 5, 5, 3, 3, 8, 6, 6, 6, 6, 6, 6, 6, 6, 6, 9, 7, 4, 4, 4, 4, 4, 9, 9, 8, 8, 10, 13, 5, 5, 5, 3, 17, 7, 7, 7, 7, 7, 8, 6, 8, 13, 6, 6, 6, 6, 6, 6, 6, 6, 4, 4, 4, 9, 10, 8, 8, 8, 5, 5, 5, 5, 3, 7, 7, 7, 8, 8, 6, 6, 6, 8, 8, 8, 9, 10, 8, 4, 8, 10, 9, 8, 8, 8, 9, 13, 10, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 3, 3, 7, 8, 9, 9, 7, 7, 7, 10, 9, 9, 8, 9, 8, 8, 8, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 8, 12, 6, 6, 6, 6, 6, 6, 6, 6, 6, 12, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 11, 8, 8, 9, 9, 10, 8, 9, 7, 7, 5, 5, 5, 5, 5, 5, 3, 7, 8, 7, 6, 6, 8, 6, 6, 10, 4, 7, 8, 9, 12, 8, 7, 7, 5, 5, 5, 5, 5, 5, 3, 3, 7, 14, 7, 9, 8, 8, 6, 6, 8, 12, 12, 6, 6, 7, 7, 10, 4, 4, 4, 4, 4, 9, 9, 14, 9, 13, 8, 7, 5, 5, 5, 6, 6, 6, 7, 4, 8, 7, 5, 5, 5, 5, 5, 5, 5, 5, 3, 3, 7, 7, 7, 8, 6, 6, 6, 6, 6, 6, 12, 6, 6, 6, 6, 4, 4, 9, 9, 8, 8, 11, 7, 7, 7, 5, 5, 5, 3, 9, 8, 6, 6, 7, 4, 4, 4, 4, 4, 4, 8, 8, 11, 5, 5, 5, 7, 7, 7, 9, 6, 6, 6, 6, 6, 6, 9, 8, 4, 4, 4, 4, 7, 12, 9, 8, 8, 8, 7, 10, 10, 5, 5, 5, 5, 5, 5, 5, 3, 11, 14, 8, 7, 8, 8, 6, 6, 6, 6, 6, 8, 7, 6, 6, 6, 7, 6, 8, 9, 4, 4, 4, 7, 8, 9, 7, 9, 7, 7, 9, 8, 5, 5, 5, 5, 5, 5, 5, 5, 5, 11, 3, 9, 7, 7, 12, 14, 8, 6, 6, 12, 11, 8, 6, 6, 6, 6, 6, 6, 6, 6, 6, 15, 7, 4, 4, 4, 16, 9, 9, 9, 8, 9, 9, 9, 9, 9, 8, 8, 8, 13, 11, 8, 5, 5, 5, 5, 3, 7, 6, 6, 8, 8, 8, 6, 6, 7, 10, 7, 4, 4, 4, 4, 9, 7, 8, 7, 7, 7, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 3, 7, 7, 7, 9, 6, 6, 6, 6, 6, 8, 8, 7, 7, 9, 6, 6, 6, 7, 6, 6, 6, 6, 6, 15, 4, 4, 4, 4, 4, 8, 8, 7, 8, 12, 9, 8, 8, 8, 8, 8, 9, 8, 8, 10, 8, 8, 8, 8, 16, 9, 10, 2, 5, 5, 5, 5, 5, 5, 5, 9, 7, 6, 8, 9, 4, 4, 4, 4, 4, 7, 8, 8, 8, 9, 8, 11, 10, 5, 5, 5, 5, 3, 7, 8, 6, 6, 6, 6, 6, 8, 6, 6, 6, 6, 4, 12, 10, 12, 7, 7, 7, 7, 7, 7, 7, 5, 5, 5, 5, 3, 3, 7, 7, 10, 8, 9, 7, 6, 10, 7, 6, 6, 4, 4, 8, 9, 7, 9, 9, 9, 9, 8, 8, 8, 8, 10, 5, 5, 5, 5, 5, 5, 8, 7, 6, 6, 6, 10, 6, 7, 10, 7, 4, 4, 4, 4, 4, 4, 4, 12, 9, 10, 7, 7, 10, 8, 10, 5, 12, 9, 6, 6, 6, 6, 6, 7, 6, 4, 4, 4, 10, 9, 9, 8, 7, 7, 5, 5, 5, 5, 5, 5, 3, 3, 13, 7, 7, 9, 7, 7, 7, 8, 9, 9, 7, 8, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 7, 13, 9, 15, 15, 4, 4, 4, 4, 4, 10, 10, 9, 8, 9, 8, 8, 9, 7, 8, 7, 8, 5, 5, 7, 6, 6, 6, 4, 4, 4, 7, 8, 11, 8, 5, 5, 5, 5, 5, 5, 5, 7, 6, 6, 6, 6, 6, 6, 9, 11, 10, 7, 4, 4, 4, 9, 8, 8, 5, 5, 5, 5, 5, 9, 9, 6, 6, 6, 6, 6, 6, 6, 9, 9, 4, 4, 4, 4, 8, 8, 8, 9, 9, 8, 8, 8, 13, 2, 4, 2, 7, 5, 5, 5, 5, 5, 5, 9, 9, 6, 6, 6, 6, 10, 8, 8, 8, 6, 6, 6, 4, 4, 9, 8, 10, 8, 9, 8, 8, 8, 9, 8, 8, 5, 3, 3, 3, 11, 6, 6, 6, 7, 6, 6, 6, 4, 4, 9, 8, 5, 5, 5, 5, 5, 3, 11, 8, 6, 6, 6, 6, 6, 9, 7, 4, 4, 14, 10, 9, 8, 12, 8, 8, 8, 11, 15, 8, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 11, 11, 11, 10, 10, 7, 7, 3, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 3, 3, 3, 7, 11, 7, 7, 11, 11, 7, 8, 9, 10, 7, 7, 9, 9, 9, 9, 7, 7, 10, 8, 13, 8, 8, 8, 8, 11, 10, 6, 6, 8, 10, 11, 14, 14, 6, 6, 6, 6, 6, 6, 9, 11, 7, 7, 6, 8, 12, 11, 11, 6, 6, 10, 6, 6, 6, 6, 6, 10, 7, 7, 6, 6, 11, 6, 6, 6, 11, 8, 9, 7, 6, 10, 11, 9, 10, 11, 7, 11, 8, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 8, 6, 6, 8, 9, 10, 9, 6, 6, 6, 10, 6, 6, 6, 6, 11, 10, 11, 10, 9, 8, 7, 7, 7, 7, 11, 14, 8, 10, 9, 9, 8, 8, 7, 11, 8, 8, 8, 11, 11, 10, 10, 9, 10, 8, 11, 10, 8, 11, 9, 12, 8, 10, 8, 11, 8, 9, 9, 11, 11, 10, 11, 13, 8, 7, 8, 8, 9, 7, 8, 8, 8, 8, 7, 8, 2, 2, 2, 2, 2, 2, 2, 4, 4, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 2, 3, 3, 3, 3, 3, 3, 3, 3, 8, 6, 4, 4, 4, 11, 7, 11, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 6, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 5, 5, 5, 5, 3, 3, 3, 3, 8, 7, 7, 8, 8, 4, 8, 7, 7, 7, 9, 7, 8, 9, 8, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 6, 3, 3, 3, 3, 3, 3, 3, 3, 4, 2, 2, 3, 3, 3, 3, 3, 3, 4, 5, 5, 3, 3, 8, 6, 8, 6, 9, 4, 4, 10, 7, 3, 3, 3, 2, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 3, 2, 2, 2, 3, 3, 3, 3, 3, 4, 10, 2, 3, 3, 3, 3, 3, 3, 3, 4, 2, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 3, 3, 3, 5, 2, 4, 2, 6, 2, 2, 9, 5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 5, 5, 5, 9, 8, 7, 9, 6, 6, 11, 4, 4, 4, 4, 4, 4, 4, 4, 6, 6, 7, 7, 11, 8, 8, 6, 5, 11, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 2, 2, 3, 3, 3, 3, 3, 3, 6, 4, 4, 4, 4, 3, 3, 3, 3, 5, 7, 2, 3, 3, 3, 3, 3, 8, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 6, 4, 4, 4, 4, 2, 2, 3, 3, 3, 3, 3, 3, 3, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 2, 2, 3, 3, 3, 3, 3, 3, 2, 3, 3, 3, 3, 3, 6, 3, 3, 8, 10, 3, 4, 4, 1, 1, 1, 1, 1, 1, 1, 8, 9, 10, 7, 7, 1, 14, 18, 13, 18, 13, 10, 10, 16, 13, 18, 16, 13, 16, 18, 13, 22, 16, 16, 16, 14, 21, 16, 9, 14, 16, 9, 9, 14, 10, 10, 14, 12, 14, 19, 12, 11, 18, 13, 17, 15, 15, 15, 15, 16, 14, 13, 19, 18, 15, 19, 18, 12, 18, 12, 11, 20, 14, 15, 10, 17, 17, 16, 19, 20, 21, 15, 13, 16, 15, 15, 15, 1, 1, 3, 8, 7, 7, 8, 8, 8, 1, 6, 1, 1, 6, 3, 3, 4, 7, 3, 3, 5, 5, 4, 4, 4, 4, 4, 2, 7, 7, 8, 12, 3, 4, 5, 1, 3, 4, 4, 10, 4, 3, 3, 3, 8, 7, 7, 2, 2, 2, 2, 2, 2, 2, 2, 2, 12, 9, 20, 7, 5, 5, 5, 9, 13, 5, 5, 5, 5, 5, 3, 3, 3, 16, 5, 5, 5, 13, 7, 8, 8, 11, 8, 7, 9, 7, 11, 12, 9, 9, 8, 8, 11, 10, 14, 7, 12, 10, 11, 13, 7, 9, 11, 17, 17, 14, 13, 7, 8, 7, 10, 10, 7, 16, 13, 7, 8, 17, 12, 9, 8, 6, 7, 10, 6, 6, 12, 6, 8, 10, 8, 8, 8, 6, 8, 6, 14, 6, 6, 6, 13, 6, 10, 6, 6, 7, 14, 8, 6, 6, 10, 11, 10, 9, 9, 7, 7, 6, 6, 6, 9, 9, 7, 9, 10, 9, 13, 12, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 6, 6, 6, 8, 8, 6, 8, 9, 10, 9, 7, 10, 10, 8, 7, 8, 7, 10, 12, 9, 8, 15, 8, 7, 8, 8, 7, 7, 15, 13, 7, 10, 9, 14, 18, 16, 7, 24, 7, 8, 10, 11, 16, 8, 14, 7, 9, 9, 9, 13, 19, 14, 15, 14, 11, 7, 13, 9, 10, 7, 13, 9, 10, 11, 12, 8, 9, 2, 3, 5, 8, 7, 4, 4, 15, 10, 5, 3, 3, 3, 3, 3, 5, 4, 4, 4, 2, 2, 2, 2, 2, 1, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 2, 12, 5, 3, 8, 10, 15, 6, 7, 2, 3, 2, 5, 5, 12, 2, 5, 5, 5, 5, 2, 2, 5, 5, 12, 9, 5, 2, 2, 9, 5, 5, 12, 12, 5, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 9, 12, 5, 8, 8, 9, 5, 5, 5, 8, 19, 7, 16, 15, 14, 9, 9, 9, 9, 7, 11, 11, 11, 7, 14, 10, 10, 5, 5, 5, 5, 5, 5, 5, 5, 5, 15, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 9, 9, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 14, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 15, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 5, 5, 5, 5, 5, 5, 5, 12, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 9, 9, 12, 9, 9, 12, 12, 12, 15, 7, 11, 7, 14, 11, 18, 13, 8, 18, 15, 18, 12, 14, 12, 8, 8, 8, 8, 9, 9, 9, 12, 7, 10, 10, 8, 8, 12, 12, 12, 7, 12, 12, 9, 7, 7, 7, 7, 7, 8, 15, 12, 9, 10, 10, 7, 10, 10, 13, 11, 10, 9, 22, 11, 9, 8, 8, 8, 8, 8, 13, 18, 13, 9, 15, 19, 9, 7, 7, 10, 7, 7, 7, 11, 8, 13, 17, 7, 7, 10, 10, 10, 7, 20, 16, 7, 7, 7, 7, 7, 7, 11, 21, 12, 12, 13, 11, 14, 16, 8, 8, 13, 11, 7, 7, 13, 7, 7, 14, 15, 15, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 13, 10, 18, 6, 6, 6, 6, 6, 6, 6, 6, 6, 11, 8, 8, 12, 12, 11, 11, 8, 12, 9, 9, 9, 13, 13, 9, 9, 9, 9, 9, 9, 6, 10, 12, 6, 6, 6, 6, 17, 11, 7, 7, 7, 7, 14, 14, 12, 6, 7, 7, 6, 6, 15, 10, 13, 10, 6, 8, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 7, 13, 9, 9, 15, 13, 6, 12, 12, 6, 19, 11, 10, 7, 7, 16, 8, 19, 17, 9, 9, 9, 9, 9, 6, 6, 6, 10, 8, 16, 8, 6, 6, 9, 6, 6, 6, 6, 6, 6, 6, 6, 8, 8, 8, 6, 7, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 14, 6, 6, 6, 6, 20, 6, 9, 6, 14, 9, 9, 9, 6, 9, 8, 8, 12, 9, 8, 8, 8, 8, 7, 8, 12, 7, 8, 8, 8, 6, 8, 6, 6, 6, 6, 6, 6, 6, 9, 8, 8, 6, 6, 13, 9, 12, 13, 12, 14, 13, 12, 11, 11, 6, 8, 8, 8, 6, 13, 12, 11, 11, 12, 6, 11, 12, 11, 13, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 15, 6, 6, 6, 6, 6, 6, 6, 13, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 8, 8, 8, 8, 6, 18, 6, 12, 13, 13, 13, 9, 10, 15, 9, 12, 6, 6, 6, 6, 6, 6, 6, 6, 9, 15, 10, 9, 10, 13, 9, 19, 8, 18, 17, 10, 10, 8, 8, 6, 6, 6, 6, 6, 6, 10, 14, 8, 16, 16, 9, 8, 15, 8, 8, 10, 12, 14, 7, 7, 8, 8, 7, 7, 7, 7, 8, 13, 13, 11, 9, 9, 9, 12, 10, 17, 8, 11, 9, 7, 7, 14, 8, 14, 14, 7, 7, 7, 7, 7, 7, 14, 7, 7, 7, 7, 7, 10, 10, 8, 14, 7, 7, 7, 7, 8, 8, 8, 8, 8, 17, 9, 7, 15, 7, 8, 12, 7, 9, 14, 7, 7, 7, 9, 13, 8, 14, 7, 16, 18, 13, 15, 14, 12, 13, 10, 15, 9, 7, 7, 7, 10, 13, 15, 15, 9, 9, 9, 9, 19, 11, 7, 11, 11, 13, 8, 8, 8, 8, 7, 12, 19, 17, 9, 9, 13, 7, 7, 7, 9, 7, 7, 7, 12, 13, 15, 10, 8, 8, 14, 15, 12, 13, 13, 8, 12, 14, 7, 11, 7, 14, 15, 13, 12, 8, 8, 8, 8, 11, 13, 15, 15, 8, 13, 12, 8, 8, 8, 13, 10, 16, 14, 11, 8, 8, 12, 12, 9, 15, 15, 12, 12, 13, 8, 8, 9, 12, 13, 9, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 11, 12, 11, 7, 14, 7, 13, 13, 13, 12, 18, 16, 7, 12, 11, 10, 10, 15, 9, 9, 9, 21, 7, 7, 7, 11, 16, 8, 8, 11, 11, 7, 7, 7, 7, 7, 19, 7, 7, 7, 7, 7, 7, 7, 7, 7, 12, 8, 9, 12, 14, 11, 9, 9, 9, 22, 12, 3, 3, 4, 8, 8, 15, 4, 2, 2, 5, 5, 3, 3, 3, 3, 3, 3, 6, 6, 4, 4, 4, 12, 7, 10, 2, 3, 3, 3, 3, 3, 3, 3, 6, 7, 3, 7, 5, 14, 4, 4, 7, 10, 4, 1, 3, 3, 6, 2, 4, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 4, 2, 2, 5, 3, 4, 2, 2, 2, 2, 2, 2, 2, 11, 5, 5, 5, 11, 5, 5, 3, 5, 5, 5, 5, 11, 14, 13, 9, 11, 9, 12, 8, 11, 11, 8, 11, 16, 9, 9, 7, 10, 9, 12, 8, 15, 6, 6, 7, 6, 6, 13, 10, 8, 11, 8, 6, 6, 6, 12, 16, 6, 11, 7, 8, 9, 18, 6, 6, 9, 4, 4, 6, 13, 6, 6, 6, 6, 8, 8, 9, 16, 7, 7, 14, 7, 8, 8, 8, 7, 7, 7, 7, 7, 7, 15, 13, 7, 10, 7, 7, 10, 12, 16, 15, 7, 9, 9, 14, 11, 11, 10, 9, 10, 8, 12, 7, 8, 7, 7, 10, 12, 7, 12, 8, 7, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 5, 5, 3, 3, 5, 5, 5, 10, 8, 7, 4, 4, 4, 8, 7, 10, 9, 7, 9, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1, 3, 3, 3, 3, 3, 3, 3, 7, 4, 5, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 5, 5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 5, 6, 6, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 9, 8, 2, 2, 2, 8, 12, 7, 7, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 8, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 5, 5, 5, 7, 11, 9, 8, 8, 8, 7, 8, 9, 7, 7, 9, 7, 7, 7, 10, 7, 7, 10, 9, 10, 6, 6, 6, 6, 6, 6, 15, 7, 8, 9, 9, 8, 6, 6, 10, 9, 6, 8, 13, 9, 7, 6, 6, 6, 6, 6, 6, 12, 6, 6, 7, 6, 7, 6, 6, 6, 10, 10, 7, 6, 6, 6, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 6, 14, 6, 6, 7, 7, 9, 6, 6, 6, 6, 9, 9, 8, 9, 10, 9, 8, 9, 12, 7, 7, 7, 8, 7, 10, 12, 11, 9, 10, 7, 7, 7, 9, 10, 10, 8, 12, 9, 7, 7, 9, 8, 8, 8, 10, 7, 7, 8, 9, 9, 7, 7, 7, 8, 2, 4, 2, 4, 6, 3, 4, 2, 3, 3, 3, 3, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 5, 5, 8, 6, 4, 7, 3, 3, 3, 3, 3, 3, 3, 12, 3, 3, 3, 3, 3, 3, 4, 4, 2, 3, 5, 3, 4, 7, 3, 3, 3, 3, 3, 3, 4, 3, 3, 3, 3, 3, 3, 3, 4, 3, 3, 6, 4, 3, 4, 2, 2, 2, 5, 3, 3, 3, 3, 3, 5, 4, 4, 4, 4, 2, 7, 6, 8, 9, 2, 2, 2, 2, 3, 3, 3, 5, 7, 2, 3, 3, 8, 7, 7, 2, 2, 8, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 5, 5, 8, 8, 7, 7, 6, 10, 6, 9, 7, 11, 4, 6, 8, 8, 7, 8, 4, 2, 5, 5, 5, 5, 3, 3, 3, 11, 8, 9, 6, 6, 8, 7, 4, 4, 7, 6, 8, 7, 2, 2, 3, 3, 3, 3, 4, 3, 3, 3, 3, 3, 3, 3, 3, 7, 2, 2, 5, 3, 3, 2, 3, 3, 3, 3, 3, 3, 4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 12, 5, 5, 3, 3, 3, 5, 10, 12, 6, 15, 4, 6, 6, 7, 14, 9, 3, 3, 3, 3, 3, 8, 2, 2, 3, 5, 5, 3, 3, 3, 3, 3, 3, 8, 8, 6, 8, 7, 5, 8, 4, 6, 11, 2, 2, 7, 3, 3, 2, 9, 8, 8, 5, 5, 5, 3, 3, 3, 5, 5, 5, 7, 7, 6, 6, 10, 6, 8, 6, 8, 9, 7, 4, 4, 4, 4, 4, 7, 6, 6, 8, 7, 7, 10, 9, 9, 8, 11, 8, 3, 3, 3, 3, 3, 4, 4, 2, 3, 3, 3, 3, 3, 7, 6, 2, 5, 5, 6, 7, 6, 4, 8, 9, 11, 2, 2, 3, 3, 3, 3, 3, 3, 3, 2, 2, 5, 3, 3, 3, 3, 3, 9, 9, 6, 4, 8, 7, 7, 5, 9, 8, 6, 2, 6, 8, 7, 8, 5, 5, 5, 5, 5, 3, 3, 3, 16, 8, 7, 7, 7, 8, 7, 7, 7, 7, 9, 6, 9, 6, 10, 7, 7, 7, 6, 10, 8, 9, 11, 11, 8, 4, 4, 10, 8, 8, 6, 9, 6, 11, 8, 8, 8, 15, 7, 8, 9, 5, 3, 3, 3, 3, 3, 5, 2, 2, 3, 8, 9, 10, 3, 2, 2, 2, 2, 2, 2, 3, 6, 4, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 2, 3, 3, 3, 3, 3, 3, 3, 11, 5, 3, 3, 3, 3, 3, 3, 3, 3, 6, 7, 4, 4, 2, 3, 3, 3, 3, 3, 3, 3, 12, 7, 4, 12, 4, 6, 5, 4, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 11, 10, 6, 4, 6, 10, 8, 3, 3, 3, 3, 3, 3, 3, 3, 5, 4, 4, 4, 2, 2, 2, 2, 2, 2, 2, 2, 5, 3, 4, 4, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 10, 5, 5, 5, 5, 5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 7, 8, 8, 7, 13, 12, 10, 10, 8, 8, 7, 7, 9, 12, 11, 6, 6, 8, 8, 9, 7, 7, 7, 10, 15, 10, 4, 4, 4, 4, 4, 11, 8, 8, 9, 7, 9, 14, 14, 12, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 12, 5, 5, 11, 10, 7, 9, 3, 8, 7, 3, 15, 13, 11, 4, 4, 2, 2, 2, 19, 7, 5, 5, 3, 3, 3, 3, 3, 3, 3, 5, 22, 18, 6, 14, 17, 4, 4, 19, 16, 18, 2, 3, 3, 7, 2, 3, 2, 3, 3, 6, 4, 2, 3, 3, 2, 5, 3, 3, 3, 3, 3, 3, 3, 9, 9, 2, 3, 2, 2, 2, 3, 3, 3, 5, 7, 14, 7, 7, 12, 9, 13, 6, 11, 6, 10, 9, 7, 7, 8, 12, 12, 8, 8, 8, 10, 7, 7, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 5, 10, 7, 8, 11, 8, 12, 9, 4, 14, 7, 7, 9, 13, 2, 3, 3, 3, 3, 3, 3, 2, 3, 3, 3, 1, 2, 2, 3, 3, 3, 3, 3, 3, 5, 2, 2, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 8, 4, 4, 4, 3, 2, 3, 3, 3, 3, 5, 2, 2, 2, 2, 2, 2, 2, 5, 5, 5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 7, 7, 7, 7, 7, 8, 8, 8, 8, 8, 12, 9, 8, 8, 9, 8, 6, 17, 6, 6, 6, 8, 8, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 7, 4, 4, 8, 8, 9, 9, 9, 7, 7, 7, 7, 7, 7, 7, 9, 9, 9, 7, 8, 8, 8, 10, 7, 13, 10, 8, 9, 3, 3, 5, 3, 3, 3, 3, 3, 7, 7, 6, 6, 10, 13, 11, 11, 8, 8, 9, 8, 9, 9, 10, 10, 10, 11, 10, 10, 13, 13, 16, 15, 11, 12, 9, 9, 10, 9, 11, 10, 9, 9, 14, 7, 8, 3, 10, 7, 7, 3, 2, 2, 2, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 6, 7, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4, 11, 6, 7, 4, 6, 2, 2, 3, 3, 3, 1, 3, 3, 3, 3, 3, 3, 6, 4, 4, 2, 2, 2, 3, 3, 3, 3, 4, 4, 6, 6, 6, 6, 5, 4, 4, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 9, 11, 6, 10, 9, 12, 7, 7, 11, 14, 9, 7, 12, 3, 3, 7, 12, 11, 12, 7, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 9, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 3, 3, 3, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 11, 5, 5, 5, 5, 5, 5, 5, 5, 11, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 5, 5, 5, 5, 5, 5, 5, 3, 3, 3, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 3, 3, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 6, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 3, 10, 3, 3, 3, 11, 3, 5, 9, 11, 8, 12, 14, 9, 7, 8, 7, 7, 11, 11, 7, 7, 10, 9, 8, 10, 9, 7, 7, 7, 7, 7, 7, 8, 8, 7, 11, 8, 8, 8, 7, 7, 10, 8, 7, 13, 12, 7, 17, 10, 8, 8, 11, 7, 11, 11, 14, 7, 11, 7, 8, 6, 9, 20, 8, 7, 9, 16, 7, 10, 6, 11, 10, 8, 9, 7, 16, 11, 11, 9, 8, 9, 8, 8, 8, 11, 8, 15, 8, 8, 9, 7, 8, 8, 11, 10, 7, 5, 7, 10, 10, 15, 7, 7, 7, 8, 7, 8, 8, 10, 11, 10, 10, 10, 11, 11, 7, 8, 6, 8, 8, 10, 6, 8, 6, 6, 7, 8, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 16, 6, 15, 6, 7, 11, 11, 7, 9, 10, 11, 13, 10, 6, 16, 8, 10, 12, 11, 6, 6, 6, 6, 6, 6, 6, 10, 6, 10, 7, 7, 7, 11, 7, 11, 6, 6, 6, 6, 6, 6, 17, 7, 7, 6, 6, 12, 22, 6, 6, 6, 6, 6, 8, 6, 6, 6, 6, 7, 6, 6, 5, 6, 6, 8, 11, 6, 9, 14, 11, 9, 11, 7, 7, 8, 6, 6, 6, 8, 10, 9, 6, 6, 6, 6, 9, 7, 6, 6, 6, 6, 6, 15, 6, 4, 4, 4, 6, 4, 17, 8, 11, 6, 6, 9, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 7, 6, 6, 6, 6, 10, 6, 10, 6, 6, 6, 6, 12, 8, 6, 6, 6, 6, 6, 6, 6, 6, 6, 9, 6, 6, 6, 6, 18, 6, 6, 6, 8, 9, 10, 7, 8, 9, 10, 11, 7, 13, 6, 8, 8, 6, 6, 14, 7, 7, 7, 7, 10, 7, 14, 9, 6, 6, 9, 15, 9, 7, 14, 6, 11, 14, 13, 7, 12, 8, 7, 7, 7, 7, 7, 12, 7, 10, 9, 16, 6, 8, 6, 5, 17, 6, 8, 10, 4, 6, 4, 10, 15, 17, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 8, 4, 4, 11, 7, 4, 4, 7, 7, 7, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 19, 17, 6, 10, 11, 6, 6, 6, 6, 18, 6, 6, 11, 4, 4, 4, 5, 6, 6, 6, 9, 5, 6, 4, 6, 6, 4, 6, 6, 6, 6, 10, 6, 6, 4, 6, 6, 10, 6, 10, 6, 6, 6, 6, 11, 6, 6, 10, 6, 6, 8, 6, 6, 6, 8, 6, 11, 4, 11, 9, 10, 9, 11, 4, 8, 4, 11, 12, 7, 9, 8, 6, 7, 7, 8, 12, 12, 11, 13, 10, 11, 7, 7, 7, 9, 7, 11, 10, 7, 7, 7, 16, 11, 10, 11, 17, 9, 9, 8, 8, 7, 7, 7, 9, 7, 7, 7, 14, 7, 13, 9, 11, 10, 14, 10, 10, 12, 11, 10, 7, 10, 5, 14, 8, 8, 8, 9, 7, 8, 7, 7, 9, 8, 7, 8, 7, 7, 7, 7, 7, 7, 7, 11, 8, 10, 8, 7, 8, 14, 11, 8, 9, 9, 9, 8, 24, 10, 10, 12, 7, 7, 15, 11, 8, 8, 12, 11, 8, 9, 9, 7, 8, 9, 10, 11, 10, 11, 7, 12, 7, 7, 11, 9, 8, 14, 13, 12, 8, 11, 10, 8, 8, 7, 7, 14, 9, 10, 8, 9, 11, 7, 14, 8, 8, 13, 8, 8, 12, 7, 10, 14, 14, 11, 9, 10, 9, 9, 7, 7, 11, 11, 13, 9, 13, 5, 5, 5, 7, 9, 5, 11, 12, 14, 8, 7, 7, 11, 10, 9, 7, 8, 8, 7, 10, 11, 11, 5, 5, 7, 5, 5, 5, 7, 7, 15, 7, 7, 8, 7, 15, 12, 12, 10, 7, 8, 7, 11, 7, 7, 7, 23, 11, 8, 8, 11, 10, 7, 8, 11, 7, 19, 7, 7, 6, 9, 9, 9, 11, 3, 4, 7, 8, 6, 6, 4, 10, 8, 2, 2]);
const edgeChild = /*#__PURE__*/ new Uint16Array([0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 1, 1, 8, 9, 1, 0, 0, 0, 0, 0, 0, 0, 1, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 1, 1, 1, 1, 1, 18, 1, 1, 1, 1, 1, 1, 8, 1, 8, 1, 8, 14, 1, 1, 1, 1, 8, 1, 8, 1, 1, 1, 1, 1, 15, 24, 1, 1, 1, 1, 1, 1, 21, 1, 1, 1, 1, 22, 8, 1, 1, 1, 1, 1, 1, 1, 1, 23, 1, 1, 1, 17, 19, 1, 1, 16, 1, 1, 1, 1, 8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 25, 1, 1, 1, 1, 1, 8, 1, 1, 1, 1, 1, 1, 20, 1, 1, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 1, 27, 28, 29, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 8, 8, 8, 8, 1, 36, 0, 0, 0, 1, 1, 1, 1, 39, 38, 1, 1, 1, 1, 1, 37, 1, 1, 1, 1, 41, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 42, 0, 0, 0, 0, 43, 44, 0, 0, 0, 0, 8, 1, 1, 1, 8, 1, 1, 1, 47, 49, 49, 49, 47, 49, 47, 47, 48, 49, 47, 49, 47, 47, 47, 47, 47, 47, 49, 47, 47, 48, 47, 47, 47, 47, 49, 50, 50, 48, 49, 47, 47, 47, 47, 47, 8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 53, 55, 53, 53, 53, 55, 53, 54, 53, 56, 53, 54, 54, 53, 53, 53, 54, 56, 54, 56, 53, 54, 54, 8, 58, 58, 57, 59, 54, 56, 53, 53, 51, 52, 60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 63, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 70, 71, 8, 1, 1, 69, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 8, 80, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 85, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 83, 86, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 84, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1, 8, 1, 1, 1, 1, 96, 1, 98, 1, 1, 1, 1, 1, 1, 1, 1, 101, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 104, 104, 1, 1, 8, 1, 107, 1, 1, 1, 1, 1, 1, 1, 105, 1, 106, 1, 108, 1, 1, 1, 1, 1, 109, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 117, 118, 1, 1, 1, 1, 1, 1, 120, 120, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 128, 129, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 129, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 129, 1, 1, 1, 1, 1, 1, 1, 1, 1, 133, 130, 132, 127, 1, 131, 1, 1, 121, 1, 1, 1, 1, 124, 1, 134, 1, 1, 1, 1, 1, 1, 126, 1, 115, 116, 1, 8, 135, 113, 119, 1, 1, 8, 1, 1, 1, 114, 122, 1, 8, 8, 8, 125, 123, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 8, 8, 1, 1, 1, 1, 1, 8, 141, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 8, 143, 1, 1, 1, 1, 1, 1, 1, 1, 144, 145, 8, 8, 142, 140, 49, 49, 147, 53, 53, 146, 149, 148, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 152, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 150, 0, 0, 0, 0, 1, 0, 151, 139, 1, 0, 1, 1, 8, 8, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 155, 154, 23, 1, 1, 8, 8, 1, 23, 8, 8, 1, 1, 1, 1, 1, 141, 1, 1, 159, 1, 1, 1, 1, 160, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 1, 1, 143, 1, 1, 159, 1, 1, 1, 1, 160, 1, 1, 1, 141, 1, 1, 1, 159, 1, 164, 1, 1, 1, 160, 1, 1, 141, 1, 1, 1, 164, 1, 1, 1, 1, 1, 141, 1, 1, 1, 1, 1, 1, 1, 1, 141, 1, 1, 164, 1, 1, 164, 1, 1, 1, 1, 1, 1, 1, 170, 1, 1, 1, 159, 1, 1, 164, 1, 1, 1, 160, 1, 1, 170, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 143, 1, 1, 159, 1, 164, 1, 1, 1, 160, 1, 1, 141, 1, 1, 159, 1, 164, 1, 1, 1, 160, 1, 1, 141, 1, 1, 1, 1, 159, 1, 164, 1, 1, 1, 160, 1, 1, 1, 141, 1, 1, 159, 1, 1, 1, 1, 176, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 1, 179, 1, 1, 170, 1, 1, 1, 1, 1, 159, 1, 1, 164, 1, 1, 1, 160, 1, 1, 170, 1, 1, 1, 1, 1, 159, 1, 1, 164, 1, 1, 1, 160, 1, 1, 170, 1, 1, 1, 1, 1, 164, 1, 1, 1, 1, 174, 166, 166, 8, 1, 8, 178, 1, 1, 1, 1, 1, 167, 167, 167, 161, 1, 1, 1, 165, 167, 171, 177, 1, 1, 1, 1, 165, 165, 1, 1, 163, 161, 174, 165, 169, 182, 173, 182, 1, 1, 180, 1, 173, 162, 165, 1, 1, 1, 1, 165, 1, 168, 1, 1, 1, 8, 1, 183, 1, 172, 1, 1, 1, 172, 171, 175, 181, 163, 174, 1, 1, 1, 1, 1, 1, 185, 185, 185, 185, 185, 185, 185, 185, 185, 185, 185, 185, 185, 185, 185, 185, 185, 185, 185, 186, 185, 185, 186, 185, 185, 185, 185, 187, 187, 185, 185, 186, 185, 186, 185, 185, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 189, 8, 1, 1, 8, 1, 8, 8, 8, 8, 1, 8, 8, 8, 8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 203, 1, 205, 206, 204, 203, 203, 1, 1, 209, 1, 210, 208, 1, 8, 1, 1, 1, 1, 1, 1, 8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 221, 203, 203, 203, 203, 221, 1, 1, 1, 1, 224, 225, 223, 1, 1, 1, 1, 1, 1, 227, 227, 1, 1, 1, 227, 227, 229, 230, 228, 1, 232, 1, 1, 1, 1, 8, 238, 239, 240, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 8, 1, 1, 1, 1, 207, 211, 1, 1, 1, 1, 158, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 235, 1, 1, 1, 9, 1, 1, 1, 1, 246, 1, 1, 243, 1, 1, 1, 1, 1, 1, 1, 1, 1, 8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 8, 1, 1, 1, 1, 1, 8, 1, 1, 1, 1, 1, 1, 1, 1, 194, 218, 1, 1, 1, 214, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 201, 1, 1, 1, 1, 1, 1, 1, 219, 1, 1, 1, 1, 234, 1, 1, 1, 1, 184, 1, 222, 1, 217, 1, 1, 1, 220, 1, 1, 1, 8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 199, 1, 8, 1, 1, 1, 8, 1, 1, 1, 1, 202, 1, 1, 1, 216, 1, 8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 8, 1, 1, 248, 1, 1, 1, 1, 1, 192, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 233, 1, 1, 1, 1, 1, 8, 1, 1, 1, 1, 1, 1, 1, 1, 191, 193, 1, 1, 1, 196, 8, 1, 1, 1, 1, 1, 1, 1, 237, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 195, 1, 1, 1, 1, 1, 1, 1, 242, 1, 1, 1, 200, 1, 1, 1, 215, 1, 193, 1, 231, 212, 8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 219, 1, 1, 1, 1, 198, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 188, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 213, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 244, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 8, 1, 245, 1, 1, 193, 1, 1, 1, 1, 197, 1, 1, 1, 213, 1, 1, 1, 1, 8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 8, 1, 1, 1, 236, 1, 1, 1, 190, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 226, 1, 1, 1, 8, 8, 1, 1, 1, 1, 1, 1, 1, 247, 1, 1, 241, 1, 1, 8, 1, 1, 1, 8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 258, 0, 0, 0, 0, 0, 259, 0, 0, 0, 0, 0, 0, 1, 8, 1, 1, 1, 263, 1, 1, 1, 0, 264, 261, 262, 1, 1, 1, 1, 1, 1, 269, 1, 271, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 267, 1, 1, 1, 1, 1, 273, 1, 1, 8, 1, 8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 272, 1, 1, 1, 8, 1, 1, 1, 1, 268, 1, 1, 1, 266, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 270, 1, 1, 1, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 1, 8, 1, 1, 1, 1, 8, 1, 1, 279, 1, 1, 14, 1, 1, 1, 8, 8, 276, 277, 1, 1, 1, 1, 278, 1, 1, 8, 1, 1, 1, 1, 1, 1, 1, 281, 1, 1, 8, 17, 1, 1, 1, 1, 1, 1, 282, 1, 1, 1, 280, 8, 8, 1, 1, 1, 1, 1, 1, 1, 282, 8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 291, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 295, 295, 1, 0, 0, 0, 0, 0, 1, 8, 0, 0, 0, 0, 0, 0, 0, 0, 185, 1, 300, 301, 1, 8, 1, 1, 1, 1, 8, 303, 1, 1, 302, 1, 1, 305, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 310, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 8, 1, 1, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 8, 0, 322, 0, 0, 323, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 339, 1, 1, 1, 1, 1, 1, 0, 0, 63, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 1, 0, 347, 0, 0, 0, 0, 0, 0, 0, 0, 0, 349, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 8, 1, 1, 1, 1, 1, 365, 365, 366, 365, 0, 1, 213, 1, 1, 14, 361, 1, 359, 0, 0, 0, 0, 0, 0, 0, 362, 1, 1, 367, 1, 1, 243, 1, 1, 1, 1, 360, 1, 1, 357, 1, 363, 1, 355, 1, 364, 1, 356, 1, 1, 1, 1, 1, 1, 1, 8, 1, 1, 1, 1, 8, 358, 358, 1, 1, 1, 9, 1, 1, 8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 8, 1, 1, 1, 1, 8, 1, 1, 1, 1, 1, 354, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 370, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 305, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 410, 410, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 402, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 0, 1, 378, 389, 1, 1, 377, 412, 1, 383, 1, 1, 375, 407, 1, 1, 393, 374, 379, 1, 1, 1, 386, 417, 395, 1, 1, 1, 1, 1, 1, 396, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 405, 409, 0, 0, 86, 1, 1, 0, 403, 380, 416, 381, 384, 391, 1, 406, 0, 1, 0, 86, 400, 398, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 419, 1, 1, 390, 1, 86, 1, 0, 1, 1, 1, 422, 1, 0, 0, 86, 397, 0, 1, 376, 1, 1, 1, 0, 1, 1, 399, 1, 0, 1, 1, 1, 0, 1, 424, 387, 1, 1, 0, 1, 0, 0, 415, 0, 1, 1, 1, 86, 408, 1, 1, 404, 401, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 382, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 414, 0, 86, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 418, 1, 1, 1, 0, 0, 421, 0, 0, 0, 1, 394, 1, 0, 86, 420, 1, 0, 0, 0, 0, 423, 1, 1, 0, 0, 1, 0, 1, 0, 392, 0, 388, 0, 1, 1, 1, 0, 1, 1, 0, 411, 385, 413, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 432, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 8, 1, 1, 1, 8, 440, 440, 1, 1, 1, 8, 8, 1, 440, 1, 1, 8, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 452, 1, 1, 0, 1, 1, 1, 1, 243, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 470, 470, 1, 1, 0, 0, 355, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 483, 1, 482, 1, 1, 1, 1, 1, 1, 1, 1, 1, 487, 1, 8, 8, 1, 1, 1, 1, 1, 8, 1, 1, 1, 1, 495, 1, 1, 1, 497, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 494, 1, 489, 1, 1, 1, 1, 476, 1, 1, 1, 1, 1, 1, 1, 1, 490, 8, 1, 1, 1, 1, 496, 1, 1, 1, 491, 485, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 355, 1, 473, 1, 1, 8, 493, 1, 1, 355, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 478, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 496, 1, 1, 1, 1, 355, 1, 492, 1, 1, 1, 486, 480, 1, 1, 1, 1, 1, 481, 1, 498, 484, 1, 1, 1, 1, 1, 479, 1, 1, 1, 1, 1, 1, 1, 1, 1, 474, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 488, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 477, 1, 1, 1, 1, 1, 475, 1, 258, 499, 1, 1, 1, 1, 1, 8, 1, 1, 1, 1, 8, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1, 1, 0, 0, 0, 505, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 8, 1, 71, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 509, 0, 509, 509, 509, 509, 509, 509, 509, 0, 509, 509, 509, 509, 509, 1, 509, 509, 509, 0, 509, 509, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 514, 513, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 518, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 511, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 512, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 520, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 509, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 517, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 510, 0, 0, 521, 516, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 515, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 509, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 510, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 509, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 519, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 531, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 237, 237, 1, 535, 1, 1, 1, 534, 1, 1, 1, 1, 1, 530, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 532, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 536, 1, 1, 533, 1, 1, 1, 1, 1, 1, 1, 1, 410, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 537, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 548, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 1, 8, 1, 551, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 556, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 8, 8, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1, 63, 1, 1, 8, 8, 8, 8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 571, 1, 1, 1, 1, 1, 1, 1, 572, 1, 1, 1, 1, 1, 1, 1, 570, 1, 1, 1, 8, 1, 1, 574, 277, 1, 1, 1, 8, 8, 1, 1, 8, 1, 8, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 578, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 584, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 139, 1, 1, 8, 589, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 114, 1, 1, 1, 8, 1, 1, 1, 1, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 594, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 151, 1, 1, 1, 266, 1, 1, 8, 34, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 619, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 258, 1, 366, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 624, 1, 1, 1, 1, 0, 626, 0, 86, 0, 625, 0, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 8, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 633, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 628, 628, 0, 632, 630, 628, 628, 628, 628, 628, 634, 628, 628, 638, 628, 628, 628, 628, 628, 628, 628, 628, 628, 628, 635, 632, 628, 628, 632, 628, 628, 628, 628, 628, 628, 628, 628, 628, 628, 628, 628, 628, 630, 628, 628, 628, 628, 628, 636, 628, 628, 628, 628, 628, 628, 0, 0, 0, 1, 637, 1, 1, 1, 631, 1, 1, 1, 1, 1, 629, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 8, 642, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 1, 8, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 8, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 8, 1, 1, 8, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 103, 68, 319, 345, 451, 580, 0, 4, 72, 274, 293, 321, 346, 372, 426, 453, 0, 542, 564, 581, 644, 11, 0, 64, 95, 437, 449, 469, 622, 0, 540, 563, 577, 659, 0, 34, 6, 0, 504, 543, 649, 607, 74, 0, 7, 324, 294, 427, 506, 456, 583, 86, 645, 0, 623, 348, 458, 508, 11, 112, 327, 549, 6, 34, 0, 350, 86, 429, 86, 526, 12, 6, 138, 287, 313, 0, 660, 553, 0, 610, 0, 67, 6, 6, 290, 102, 2, 472, 438, 450, 643, 0, 6, 0, 6, 325, 110, 6, 608, 544, 585, 0, 507, 428, 311, 326, 10, 75, 111, 646, 588, 430, 351, 338, 459, 153, 78, 329, 592, 554, 648, 611, 373, 368, 522, 6, 79, 156, 13, 314, 288, 567, 593, 612, 559, 597, 617, 658, 40, 6, 299, 333, 371, 343, 256, 34, 573, 600, 256, 45, 254, 304, 334, 344, 446, 463, 524, 312, 0, 77, 609, 0, 443, 457, 337, 86, 286, 86, 0, 627, 591, 547, 331, 461, 86, 431, 425, 0, 0, 0, 11, 602, 618, 255, 0, 464, 447, 576, 561, 620, 662, 92, 256, 46, 335, 435, 465, 616, 0, 555, 332, 315, 86, 253, 87, 31, 428, 34, 6, 433, 369, 342, 651, 639, 569, 596, 558, 0, 297, 88, 34, 445, 462, 0, 34, 466, 0, 257, 640, 562, 11, 448, 467, 256, 287, 93, 260, 641, 621, 604, 525, 468, 436, 289, 265, 94, 62, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 667, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 454, 0, 0, 0, 0, 0, 0, 0, 0, 89, 0, 136, 0, 0, 550, 595, 0, 0, 0, 0, 0, 0, 0, 30, 0, 598, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 454, 0, 0, 0, 0, 546, 0, 296, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 285, 0, 0, 0, 0, 0, 0, 0, 664, 0, 0, 0, 0, 0, 663, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 434, 0, 0, 0, 527, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 73, 0, 0, 0, 0, 0, 0, 538, 0, 0, 0, 0, 0, 0, 444, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 249, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 560, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 539, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 308, 320, 0, 0, 0, 0, 0, 575, 316, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 557, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 500, 0, 0, 0, 353, 0, 0, 0, 0, 81, 0, 292, 0, 0, 0, 0, 0, 0, 26, 0, 0, 0, 0, 615, 0, 0, 0, 0, 647, 566, 0, 0, 0, 0, 283, 0, 0, 0, 0, 0, 0, 502, 0, 0, 523, 0, 0, 0, 0, 0, 65, 0, 0, 0, 306, 61, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 82, 0, 0, 0, 0, 0, 0, 0, 285, 0, 0, 0, 0, 0, 318, 657, 0, 76, 0, 0, 0, 0, 0, 0, 0, 0, 0, 666, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 157, 0, 317, 0, 0, 0, 0, 0, 0, 614, 0, 0, 0, 0, 0, 0, 568, 0, 0, 0, 0, 0, 0, 0, 0, 0, 613, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 66, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 251, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 91, 0, 545, 0, 0, 0, 0, 0, 601, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 91, 90, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 529, 0, 528, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 298, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 501, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 328, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 582, 0, 0, 0, 0, 0, 0, 0, 0, 336, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 73, 275, 0, 0, 0, 0, 0, 0, 0, 0, 0, 91, 0, 653, 0, 0, 599, 0, 0, 0, 0, 0, 0, 0, 0, 0, 284, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 656, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 565, 0, 0, 0, 91, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 541, 0, 661, 0, 0, 471, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 442, 0, 0, 0, 590, 0, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 35, 0, 0, 0, 0, 0, 0, 33, 99, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 330, 0, 0, 0, 252, 0, 0, 0, 0, 0, 0, 605, 0, 0, 0, 0, 137, 0, 0, 0, 0, 0, 606, 0, 0, 0, 0, 0, 0, 0, 454, 460, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 439, 0, 352, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 309, 0, 0, 340, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 579, 0, 0, 0, 455, 0, 0, 441, 0, 0, 0, 0, 0, 0, 650, 0, 0, 0, 586, 0, 0, 97, 0, 587, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 552, 503, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 32, 0, 0, 32, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 307, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 454, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 655, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 654, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 665, 0, 0, 0, 0, 0, 603, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 341, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 652, 0, 0, 250, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 670, 670, 670, 670, 670, 670, 670, 669, 671]);
const labelText = "orgmilcomschnetedugovdrrformsfeedbackofficialaccoorgmilschnetgovmagazinemediaunioncargopilotgroupcaarespressworksaerodromeworkinggroupair-traffic-controlaircraftaccident-preventioneducatormarketplaceambulanceinsurancecateringairportrepbodyenginesoftwaremodellingair-surveillanceconsultingchartertrainermaintenanceservicesdesignflightskydivingfreightassociationstudentgroundhandlingdgcafuelclubtaxicrewshowballooningexpresstraderbrokerauthoragentsairtrafficjournalistsafetyconsultantmicrolightaccident-investigationparachutingequipmentproductionfederationrecreationscientistnavigationengineertradingglidingleasingresearchpassenger-associationentertainmentparaglidinghangglidingaerobaticrotorcraftemergencycertificationgovernmentaeroclubexchangelogisticschampionshiphomebuiltcouncilconferencecontrolairlinecivilaviationjournalorgcomnetedugovcoorgcomnomnetobj*appsofforgcomnetuwukiloappsairoappdevsframerorgmilcomnetedugovcoradio2naorgcomnetcommuneedogpbcoitgvorgedugovspreviewfrontendrelayononstagingauthcloudsandboxupid*mtls*privatelinktypedreamdeveloperbravemochawindsurfaivenmirenupsunwnextbegetngrokclerkwale2bwebcsbrunputercrbtsflutterflowcloudzyrospawnbasesliplanemodelenceshiptodaymagicpatternsnetlifyondigitaloceanrailwayhostedclaudehasurabotdashretoolvercelgithubluyanigadgetreplitcloudflaretelebitedgecomputeevervaultexponyatnoopencrpplxzeaburwasmerframerzeropsrocketpreviewconvexmedusajsspritesagilevibesonherculeseasypanelstreamlitglideossnowflakefastedgemesserliloginlinehackclubcodepennorthflankbase44corespeedleapcellngrok-freeblacktopsclerkstagelovableon-fleek*us-west-3ap-south-2us-central-2us-central-1eu-central-1ap-south-1us-west-2us-east-2eu-north-1ap-north-1us-west-1us-east-1*rcloudintsegorgmilcomgobbetnetintedugovturmusicasenasamutualcoopv6dnsip6uriurnin-addre164homeirisgovdixdaemoncloudnssthwien*inexexkunden4accogvormymyspreadshop4lima2ixortsinfofuturecmsfuturehosting12hpprivfuturemailinglima-cityfunkfeuer123webseitednshomemelmyspreadshopcloudletswasantqldvicactnswtascatholicwasaqldvictasidwasantozqldorgcomvicasnactnetedugovnswtasconfcomairflowlambda-urltransfer-webapptransfer-webappairflowtransfer-webapptransfer-webapp-fipstransfer-webappeu-west-3ap-south-2eu-south-2eu-central-2ap-southeast-3ap-southeast-4ap-northeast-3eu-central-1mx-central-1me-central-1ca-central-1il-central-1ap-northeast-1ap-southeast-1me-south-1af-south-1eu-south-1ap-south-1ap-southeast-7us-west-2eu-west-2ap-east-2us-east-2eu-north-1ap-southeast-2ap-northeast-2ap-southeast-5us-gov-west-1us-gov-east-1ap-southeast-6ca-west-1us-west-1eu-west-1us-east-1ap-east-1sa-east-1privatenotebookstudiolabelingnotebookstudionotebooknotebook-fipslabelingnotebookstudionotebook-fipsnotebookstudio-fipsnotebook-fipsnotebookstudionotebook-fipsnotebookstudioeu-west-3ap-south-2eu-south-2eu-central-2ap-southeast-3ap-southeast-4ap-northeast-3eu-central-1me-central-1ca-central-1il-central-1ap-northeast-1ap-southeast-1me-south-1af-south-1eu-south-1ap-south-1us-west-2eu-west-2us-east-2eu-north-1ap-southeast-2ap-northeast-2experimentsus-gov-west-1us-gov-east-1ca-west-1us-west-1eu-west-1us-east-1ap-east-1sa-east-1onrepostsagemakercopporgmilcompronetintedugovbiznameinfoshoprsorgmilcomnetedugovbrendlyresolvenzauscotvstoreorgcomnetedugovbizinfoidacaicoittvorgmilcomschnetedugovinfocloudezproxysiteacmymyspreadshopkuleuvenwebhostingtransurl123websitecloudnsinterhostsolutionsddns5476103298edgfacbmlonihkjutwvqpsryxzbarsycoororgcomedumyftpno-iporxcloud-ipfor-somemmafanfor-morewebhopselfipjozidyndnscloudnsdscloudfor-thefor-betteractivetrailcoeconorestooteorgcomeconeteduassurmoneyafricaarchitectesrestaurantloisirstourismavocatsinfoagrounivcoorgcomnetedugoviatvdeportesaludtksatorgmilcomwebgobnetinteducienciaboliviarevistacooperativaempresanombreindustriamusicapatriamedicinademocraciapoliticapuebloindigenaplurinacionalarteblogwikiinfoagrotransportenoticiasprofesionalacademiaeconomiaecologiamovimientotecnologianaturalpagesappsgroksailsimplesitecepesebamapadfmgalampbacscpirngorotomtrjspaprrprrsesmscepesebamapadfmgalampbacscpirngorotomtrjspaprrprrsesms*biaamfmtcmptvfeirasampajampanatalbelemananiradiog12medindfndbmdtrdthepoaggfjdfdefinfenflegsegongengcngorgzlgslglogppgmillelqslcimcomnomadmjabimbbibbsbabcrectecsjcetcpscpvhudieticriapipsiecnbiorioecogeoteoodoproatoartfstmatvetdetbetnetcntnotfotgrueduajuespappreptmpemparqsrvadvdevgovntrturagrjorfarjusmusdesvixxyzcozfozslzbhzmaringasantamariacampinagrandegoianiasorocabafloripasaobernardocuritibaboavistarecifeaparecidasaogoncasalvadorcuiabamorenamacapalondrinacontagemsocialfortalmaceioleilaoosascoriobranconiteroi9guacutcheblogflogvlogwikitaxicoopmanauspalmascaxiasjoinvillebaruericampinassantoandreribeiraoriopretoweorgcomnetedugovv0windsurfshiptodaycloudsitecoaccoorgnetgovofmilcomgovmediatechzacoorgcomnetedugsjgovmydnspenfnlabnbmbgcbcqconcontnuyksknsmyspreadshopno-ipawdevboxbarsyonidatemfuinabusavinstanceseceuguukussryzespawnpvfloccsxcloud-ipmyphotosfantasyleaguetwmailcleverappsscrappingccwucloudnsftpaccessgame-serverccgovobjectsrmalpgcust*svcalp1aeappenginermalpgmyspreadshop4lima2ixsquare7cloudscale123websitefirenet12hpflowgotdnslinkyard-cloudcloudnslima-citydnskingobjectstorageedaccogooruskzorgcomnetinteduxyzaéroportxn--aroport-byaassogouvcomilgobgovcloudnses-1eu-west-1us-east-1euvipit1eurarubait1s3lbwebsites3websiteru-spbru-mskelasticcsrunstnukukcaukusnl-ams-1fr-par-1fr-par-2functionsnodess3ddlwhmrdbfnck8sifrs3-websitecockpitscblmgdbdtwhkafkpubprivs3ddlwhmrdbk8sifrs3-websitecockpitscblmgdbdtwhkafks3ddlrdbk8sifrs3-websitecockpitscblmgdbdtwhkafkk8sscalebookpl-wawfr-parnl-amsbaremetalsmartlabelinginstancesdechk2kuleuvenlaravelvoorloperurownoxazapscwhstgrvaporonline-serverobservablehqelementorantagonistreclaimjoteluluencowayjelasticmatlabmagentositetrendhostingaxarnetjenv-arubajelejotehostravendbemergenttrafficplexconvexkeliwebserveboltbegetcdnstaticson-rancherprimetelonstackitunison-servicesdnshomelinkyardbarsyjelecloudnscocomnetgovmycn-northwest-1cn-north-1s3s3-accesspoints3-websites3s3-accesspointrdsdualstacks3-deprecatedemrappui-prods3-websiteemrstudio-prods3-object-lambdaemrnotebooks-prodexecute-apis3s3-accesspoints3s3-accesspointrdsdualstackemrappui-prods3-websiteemrstudio-prods3-object-lambdaemrnotebooks-prodexecute-apicn-northwest-1cn-north-1cn-northwest-1ebcomputeelbcn-north-1airflowcn-northwest-1cn-north-1oncn-northwest-1cn-north-1amazonawssagemakeramazonwebservicesdirectasgdsdhehahljlnmhbacscahqhshhihnlnynsnmofjbjzjxjtjhkcqtwgsjssxnxjxgxxzgz網絡网络公司orgmilcomnetedugovxn--55qx5dcanva-appsxn--io0a7iquickconnectcanvasitekhsjxn--od0algcanva-codemyqnapcloudsrvrlessclustersrealtimestorageleadpagescarrdcrdorgmilcomnomnetedugovhidnssupabaserdpareplmypiumsoxmitotaplpagesfirewalledreplitowodevwebview-assetsvfswebview-assetss3s3-accesspointdualstackemrappui-prods3-websiteaws-cloud9emrstudio-prods3-object-lambdaemrnotebooks-prodexecute-apicloud9eu-west-3ap-south-2eu-south-2eu-central-2ap-southeast-3ap-southeast-4ap-northeast-3eu-central-1me-central-1ca-central-1il-central-1ap-northeast-1ap-southeast-1me-south-1af-south-1eu-south-1ap-south-1ap-southeast-7us-west-2eu-west-2us-east-2eu-north-1ap-southeast-2ap-northeast-2ap-southeast-5ca-west-1us-west-1eu-west-1us-east-1ap-east-1sa-east-1s3s3-accesspointdualstackemrappui-prods3-websiteaws-cloud9emrstudio-prods3-object-lambdaemrnotebooks-prodexecute-apicloud9consent-portals3s3-accesspointdualstackanalytics-gatewayemrappui-prods3-websiteaws-cloud9emrstudio-prodbedrock-agentcores3-object-lambdaemrnotebooks-prodexecute-apicloud9s3s3-accesspointdualstackemrappui-prods3-websiteemrstudio-prodbedrock-agentcores3-object-lambdaemrnotebooks-prodexecute-apis3s3-accesspointdualstackemrappui-prods3-websiteemrstudio-prods3-object-lambdaemrnotebooks-prodexecute-apis3s3-accesspointdualstacks3-deprecateds3-websitebedrock-agentcores3-object-lambdaexecute-apibedrock-agentcores3s3-accesspoints3-websites3-accesspoint-fipss3-fipss3s3-accesspointdualstackemrappui-prods3-websites3-accesspoint-fipsaws-cloud9s3-fipsemrstudio-prodbedrock-agentcores3-object-lambdaemrnotebooks-prodexecute-apicloud9s3s3-accesspointdualstackemrappui-prods3-websites3-accesspoint-fipss3-fipsemrstudio-prods3-object-lambdaemrnotebooks-prodexecute-apis3s3-accesspointdualstackemrappui-prods3-websiteaws-cloud9emrstudio-prodbedrock-agentcores3-object-lambdaemrnotebooks-prodexecute-apicloud9s3s3-accesspointdualstackemrappui-prods3-websiteaws-cloud9emrstudio-prodbedrock-agentcores3-object-lambdaemrnotebooks-prodexecute-apicloud9s3s3-accesspointdualstacks3-deprecatedanalytics-gatewayemrappui-prods3-websiteaws-cloud9emrstudio-prodbedrock-agentcores3-object-lambdaemrnotebooks-prodexecute-apicloud9vfss3s3-accesspointdualstackemrappui-prods3-websiteaws-cloud9emrstudio-prods3-object-lambdaemrnotebooks-prodexecute-apicloud9eu-west-3ap-south-2eu-central-2ap-southeast-3ap-southeast-4ap-northeast-3eu-central-1mx-central-1me-central-1ca-central-1il-central-1ap-northeast-1us-northeast-1ap-southeast-1me-south-1af-south-1ap-south-1ap-southeast-7us-west-2eu-west-2ap-east-2us-east-2ap-southeast-2ap-northeast-2ap-southeast-5us-gov-west-1us-gov-east-1ap-southeast-6ca-west-1us-west-1eu-west-1us-east-1ap-east-1sa-east-1mrapaccesspoints3s3-accesspointdualstacks3-deprecatedanalytics-gatewayemrappui-prods3-websites3-accesspoint-fipsaws-cloud9s3-fipsemrstudio-prodbedrock-agentcores3-object-lambdaemrnotebooks-prodexecute-apicloud9s3s3-accesspointdualstacks3-deprecatedanalytics-gatewayemrappui-prods3-websites3-accesspoint-fipsaws-cloud9s3-fipsemrstudio-prodbedrock-agentcores3-object-lambdaemrnotebooks-prodexecute-apicloud9s3s3-accesspointdualstackemrappui-prods3-websites3-accesspoint-fipss3-fipsemrstudio-prodbedrock-agentcores3-object-lambdaemrnotebooks-prodexecute-apis3eu-west-3ap-south-2eu-south-2computes3-ap-northeast-2elbrdss3-ap-east-1s3-sa-east-1s3-us-gov-west-1s3-eu-central-1s3-ca-central-1eu-central-2ap-southeast-3ap-southeast-4ap-northeast-3s3-website-us-west-2s3-website-eu-west-1s3-external-1eu-central-1me-central-1ca-central-1il-central-1s3-us-west-1s3-eu-west-1s3-website-sa-east-1s3-website-ap-southeast-2ap-northeast-1ap-southeast-1s3-us-west-2s3-eu-west-2me-south-1af-south-1eu-south-1ap-south-1ap-southeast-7us-west-2eu-west-2us-east-2s3-website-ap-southeast-1s3-1s3-globals3-ap-northeast-3eu-north-1airflowap-southeast-2s3-us-gov-east-1s3-fips-us-gov-east-1s3-me-south-1s3-ap-south-1ap-northeast-2s3-website-us-west-1ap-southeast-5s3-eu-north-1s3-ap-southeast-1s3-website-us-gov-west-1compute-1s3-eu-west-3us-gov-west-1s3-website-ap-northeast-1us-gov-east-1s3-fips-us-gov-west-1s3-website-us-east-1s3-ap-southeast-2ca-west-1us-west-1eu-west-1us-east-1ap-east-1sa-east-1s3-us-east-2s3-ap-northeast-1authauthauth-fipsauth-fipseu-west-3ap-south-2eu-south-2eu-central-2ap-southeast-3ap-southeast-4ap-northeast-3eu-central-1mx-central-1me-central-1ca-central-1il-central-1ap-northeast-1ap-southeast-1me-south-1af-south-1eu-south-1ap-south-1ap-southeast-7us-west-2eu-west-2ap-east-2us-east-2eu-north-1ap-southeast-2ap-northeast-2ap-southeast-5us-gov-west-1us-gov-east-1ap-southeast-6ca-west-1us-west-1eu-west-1us-east-1ap-east-1sa-east-1eu-west-3eu-south-2ap-southeast-3eu-central-1ca-central-1ap-northeast-1ap-southeast-1ap-south-1us-west-2eu-west-2us-east-2eu-north-1ap-southeast-2ap-northeast-2ap-southeast-5eu-west-1us-east-1ap-east-1sa-east-1csrsites*sharedframeservicesbuilderstg-builderdev-builder*ociocpocsazuregcpawsdemoinstanceeu-west-3ap-south-2eu-south-2eu-central-2ap-southeast-3ap-southeast-4ap-northeast-3eu-central-1me-central-1ca-central-1il-central-1ap-northeast-1ap-southeast-1me-south-1af-south-1eu-south-1ap-south-1ap-southeast-7us-west-2eu-west-2us-east-2eu-north-1ap-southeast-2ap-northeast-2ap-southeast-5us-gov-west-1us-gov-east-1ap-southeast-6ca-west-1us-west-1eu-west-1us-east-1ap-east-1sa-east-1previeweu-4us-4us-1eu-1us-2eu-2us-3eu-3s3-websitekrkrobjectprivateobjectkrkrskrkrsobjectkrprivateobjectkr-privatecomputepaasrag-cloudrag-cloud-chjcloudjcloud-ver-jpcdemonodebalancermembersipeuxvsoncillaocelotonzayalilynxsphinxfentigercustomercaracalsgkrobjectstoragedesgkrusobjectkrkr-naverkr-naver-devkrprivatewebsiteobjectkr-naverkr-privatekr-naver-devjpjpkrjp4jp5s3-website-jpjpkrjp4jp5objectprivateobjecto365cloudstaticxendevapp001testcode-builder-stgplatformmediasiteprojedrydpagesstagingjsx0desazacncoitrueu4uhkukgrbrushatenadiarymyspreadshopfrom-flfrom-wvwebspace-hosttheworkpchatenablogcursorusercontentservesarcasmapplinzisakuratanwixsitefin-ncloudstoragegov-ncloudstorageappchizigiizeis-into-carsdnsiskinkyadobeaemcloudis-a-therapistpgfogmyvncdojinis-an-actress1kappfldrvkozowqa2jpnmexprgmrfirewall-gatewaydynnscafjsfbsbxooguyfrom-gawoltlab-demois-a-anarchistwiardwebteaches-yogadattowebtb-hostinglive-websiteservegamegotpantheonfrom-nhsubsc-payfrom-ohvipsinaappfrom-cadyndns-officeztna-dingtalkhomelinuxfrom-mahercules-appservebbsstreakusercontentfrom-okfrom-wyfastly-terrariumis-a-llamaqualyhqportalserveexchangeon-vaporvivenushopciscofreakgrayjayleaguesmetaaiusercontentfrom-iais-a-libertariansaves-the-whalestaveusercontentyolasiteoperaunitepoint2thisis-a-catererclaudeusercontentlinodeusercontentfrom-vagithubusercontentsells-for-lesshosteurcanva-appsplaystation-cloudddnsfreefrom-pafrom-prfrom-waddnskingoutsystemscloudhotelwithflightmydattois-a-nascarfanmydbserverminiserverdamnserverservehumouris-a-playerfrom-nvfrom-nmemergentagentgentappsamplifyappfrom-kyis-an-accountantnfshostserveircfrom-akpythonanywherestackhero-networkpostman-echolikescandydyndns-mailobservableusercontentserveftpfreeboxosfrom-utcdn77-storageamazonawsneat-urlnclouddyndns-serverlinodeis-a-teacherfrom-vtgleezemythic-beastsus1-pleniteu1-plenitla1-plenitpaywhirlservecounterstrikejdevcloudhealth-carereformis-into-animegoogleapisis-a-painterafricaisa-hockeynutatmetais-an-actora2hostedis-a-democratdatadetectest-le-patrondigitaloceanspacesonhomemadeis-a-designeris-a-hunterlinodeobjectstemp-dnsissmarterthanyoufrom-arsimplesiteevennodetownnews-stagingis-a-liberalgooglecodejelasticservemp3qualyhqpartnerdyndns-free1cooldnsest-a-la-masiondrayddnsdynuddnsfrom-orfrom-miis-a-bloggerfrom-himydobisscanvacodeis-an-engineerest-a-la-maisonupsunappdevinappswafflecellmyasustorwpenginepoweredfrom-ctservep2psame-appmyshopblocksthingdustdataaspirethemeslikes-piediscordsezis-with-thebandlpusercontentis-leetshopitsite3utilitiesis-a-personaltrainersinaappladeskis-a-cheflogoipselfipbase44-sandboxnospamproxyalibabacloudcsmesswithdnsauthgearappsiamallamawithgooglelutrausercontentmochausercontentframercanvasmytabitdyndns-homew-credentialless-staticblitzcpserverdiscordsaysis-a-nurseappspotatlassian-isolated-3premotewdfrom-mtwixstudiocode0emm180rmyactivedirectoryawsappsmytuleapdnsabrpolyspaceqbuserrenderbuiltwithdarkboutirgotdnsabrdnsdopaascanva-hosted-embedawsglobalacceleratorhomesecuritypcmyiphostditchyouripclever-clouddyndns-ipon-aptibleis-a-musicianhosted-by-filessecuritytacticsappspaceusercontenthomeunixstrapiappsame-previewcf-ipfsmycloudnaselasticbeanstalkis-certifieddontexistkasserverik-serverdrive-platformatlassian-3pfirebaseappncpstorageherokuappawsapprunnerbarsycenteris-a-cubicle-slaveservehttpmyshopifyis-a-guruquicksytessiiitesorsitesmagicpatternsappis-a-cpameteorappfrom-wiis-a-rockstarbumbleshrimpdattolocaldatabricksappsreadthedocs-hostedfrom-rifamilydsdyndns-picsmyoxypagesplesknsbplaceddnsaliasdynaliasdyndns-remotedoomdnsip-ddnsblogdnsis-a-doctorroutingthecloudamazoncognitobarsyonlinedsmynasddnsgurucloudflare-ipfsdeus-canvasfrom-idsmushcdnpagespeedmobilizergcorecdndyndns-at-homeunusualpersonhosted-by-previderis-a-republicandyn-o-saurstreamlitappworkisboringonthewificprapidqualifioappis-uberleetis-slickgetmyipwpdevcloudtypeformdyndns-at-workgentlentapismynascloudw-corp-staticblitzfrom-ingeekgalaxyservebeerfrom-mdonrenderspace-to-rentaivencloudappspacehostedwafaicloudcodespotblogspotatlassian-3p-us-gov-modfrom-ndfrom-msis-a-techieis-a-studentcustomer-ociis-a-photographerdurumisfrom-ksmassivegriddyndns-wikiis-an-entertaineris-a-hard-workermysecuritycameraprairielearn-user-contentfrom-mnrackmazedyndns-blogis-a-bulls-fanwritesthisblogfreemyipsimple-urlfrom-sdninjaneer-sitesreservdauthgear-stagingest-mon-blogueuris-into-gamesrice-labsxtooldevicesakurawebis-an-anarchistoraclecloudappsdyndns-worksells-for-urhcloudfrom-dcfastvps-serverwpmucdnis-a-geekscrysecfrom-txis-into-cartoonsmodelscapetrycloudflarelocaltonetstreak-linkbalena-devicesfrom-njforgeblocksfreebox-oswebadorsitefrom-ncdoesntexisthobby-sitestreaklinkshomesecuritymacshipstaticownprovidertuleap-partnersdattorelaywphostedmailservequakeis-a-socialistservehalflifepivohostingdynuhostingquipelementsw-staticblitzdyndns-webfrom-deproject-studyis-not-certifiedhercules-devis-a-financialadvisoramazonlightsailservepicsis-a-greenloseyouripfrom-ilwithyoutubemwcloudnonprodwiredbladehostingdnsdojofrom-tnpixolinomyqnapcloudncloudstorageis-an-artisthostedpiis-a-landscaperauiusercontentoaiusercontenton-forgeis-a-conservativedreamhostersnet-freaksapps-1and1is-goneencoreapiwordsmithmcpcontentfastly-edgefrom-nesalesforcefrom-scdeployagentoraclegovcloudappsfrom-alis-a-lawyercechirevultrobjectsstufftoreadisa-geekddnsgeeklovableprojecttry-snowplowfrom-moblogsyteis-a-bookkeepernogmyforumravendbmyboxdeelementoredsaacficogoorinforgcomgobnatneteduidstoreorgcomnetintedudevnomepublorgcomneteduathgovtestscalculatorspaynowinfoquizzesresearchedcloudnsfunnelsassessmentsjscaleforcetmacltdorgmilcompronetgovbizpresseklogesrsccloudcustomfltusrcloude4corealmgovmunicontentproxy9metacentrumdyndyndyndnsdynpagespages-researchitionoccustomercomymyspreadshopipv64diskussionsbereich4limacomrubgov2ixfirewall-gatewayddnssspdnsbarsykeymachinesquare7myhome-serverspeedpartnercommunity-proschuldockxenonconnectgünstigliefernbwcloud-os-instancedyndnssecmy-routerxn--gnstigliefern-wobin-butterl-o-g-i-nisteingeekin-dslin-berlinin-brbfuettertdasnetzleitungsenin-vpnlcube-serverdyn-ip24logoipdyn-berlinruhr-uni-bochum12hpgoipsrvdnsfruskygit-repossvn-reposinternet-dnsgünstigbestellenhome-webserverxn--gnstigbestellen-zvbbplacedheimdnscosidnswebspaceconfiglima-citydyndns1istmeinvirtualuserschulplattformmy-gatewayddnsseclebtimnetztest-iservmein-iservvirtual-userhome64iservschuletaifun-dnstraeumtgeradeschulserverdynamisches-dns123webseitednshomehs-heilbronndnsupdaterbssgraphicdwadpdwdaepeweaawapaafpfwfabwbpbacwcpcciwebuserapiobjectssites*teamst3r2lpuncldabymebravepanelngrokiservstglclcrmerpflypagesbarsyvivenushoplocalcertlocalplayerbearbloggatewaydeno-stagingis-not-ais-a-goodbotdashvercelmocha-sandboxplatter-appreplitgithubpreviewworkersinbrowserevervaultis-ahrsndenoxmitmodxmyaddrstorageapipayloadgrebedocruncontainersreliantlabsstgstagelclstageloginlineis-a-fullstackcodepenreliantpreviewngrok-freeis-coolpagelemonstoragewebharemediatechlibp2pdiscoursecomyspreadshopstoreregbiz123hjemmesidefirmcoorgcomnetedugovsldorgmilcomwebgobartnetedugovtmorgpolcomsocartnetedugovassoagrondiscoodontk12medcuegyecpaabgengorgmilgalsaltulcomadmesmgobpubdocmonfindgnriouioproartlatvetnetfotedulojgovntrturibrbarxxxofficialbasechefprofmktgpsictechinfoarqtcontdentrrpppsiqgit-pagesritmedfieorgcomlibprieduaipgovriikmeactvsportorgmilcomscieunnetedugovnameinfopintouchtawktotawkmyspreadshoporgcomnomgobedu123miwebcomputeorgcomnetedugovbiznameinfocognito-idptransfer-webappeusc-de-east-1onjelasticnxaspdnsbarsydirectwpdeuxfleurstransurldogadoprvwcloudnsamazonwebservicesdnshomeuserpartycokoobinmkmspaceviewfidymyspreadshopalandkapsiikixn--hkkinen-5wacloudplatformhäkkinen123kotisivuidacorgmilcompronetedugovbiznameinforadioorgcomneteduusercocomexperts-comptablestmmyspreadshopgretaprdcomnomynhccifbxoshuissier-justicenotairesaeroportfreeboxoson-webavocatassoportgouvkdnschirurgiens-dentistes-en-franceavouesfbx-os123sitewebveterinairechirurgiens-dentistespharmacienchambagrimedecinfreebox-osdediboxgoupilemszicpyicpvicppleysheezypagesedugovcnpyorgcomcybllcpvtnetedugovtnxonlineschoolddnsdaemond6atcopanelorgnetplybotdashstackitkaasorgmilcomnetedugovbizmodltdorgcomedugovcoorgcomneteduappwriteacorgcomnetedugovcloudtranslateusercontentorgcomnetedumobiassoorgcomnetedugovbarsysimplesiteindorgmilcomgobneteduorgcomwebnetedugovguaminfonxhra教育敎育網絡网絡组織組織网络網络组织組织公司政府個人个人箇人ltdorgcomincneteduidvgovxn--uc0ay4axn--55qx5dxn--mk0axixn--io0a7ixn--uc0atvxn--zf0avxxn--lcvr32dxn--od0algxn--wcvs22dxn--gmqw5axn--od0aq3bxn--mxtq1mxn--ciqpnxn--tn0agxn--gmq050iorgmilcomgobnetedufngocdnappvoatiiservwp2tempurlfreesitewpmudevmyfastgadgetcloudaccessjeleambahalfboltfastvpsemergenteasypanelopencraftizcombrendlynamefromrtpersoadultmedorgpolrelcomproartnetedufirminfoassoshopcoopgouvtmcomediahotelforumvideosportorgsexagrargameslakaseroticaerotikatozsdereklamcasino2000filmsuliinfoboltshopprivnewsszexcityutazasjogaszkonyveloingatlaneacaicogoormyᬩᬮᬶmilwebschnetkopbizzonedesaponpesxn--9tfkymyspreadshopgovmytabittabitorderravpageaccok12idforgnetgovmuniltdplcaccotttvorgcomnetmeca6g5gpgamubacaicniocoukuptverdruscsdelhiindorgmilcomwebnicfingenpronetintedugovresbizbiharbarsyinternetbusinessschooltravelsupabasealumnigujaratfirminfoaeropostbankcoopindevscloudnsno-ipbarsybarrell-of-knowledgebarrel-of-knowledgensupdategroks-thisdnsupdatefor-ourknowsitalldvrcammittwalddynamic-dnsv-infowebhopselfipdyndnshere-for-moreilovecollegemayfirstforumzcloudnsmittwaldservertypo3servergroks-theeusekd1cdndyndnsidrawsainaueuapjpusstagemocksysdevicesclientcustreservdcustdevdisrecprodtestingcowzbeebyteutwenteboxfusebravepstmndedynngrokorgmilcomnomnetedugovqcxqzzbarsythingdustmailerpagemo-siemensrb-hostingfh-muenstergitbookbluebitecloudbeesusercontentnodeartterramindkiloappsforgerockdarklangresinstagingapigeebubbleb-datascryptedhypernodedappnodepantheonsitegitlabgithubkeeneticvirtualservercleverappshostyhostingon-rioedugitticketstelebitwixstudioon-k3sicp0icp12038jeleqotolairbubbleappsmyaddrstolosmyrdbxwebflowdrive-platformbeagleboardhasura-applolipopdefinimavaporcloudmusicianwebflowtestazurecontainerresindevicereadthedocsloginlineeditorxmoonscalesandcatsbasicserversubscribepagewebthingsbrowsersafetymarkbeebyteappbitbucketidaccovistablogorgschnetgovxn--mgba3a4f16axn--mgba3a4fraarvanedgeايرانایرانjclaspeziapdudcefegelemeperetevebacanatavaparasabgagfgogrgpgalclblimfmrmcbmbvbfclcmcvcrcpcchlimifibicivipirisimncnbnanenrnpntnnolomobocoaogorosopotoptvtatctbtmtltotpusulunutpspapaqsvpvvvtvavvrtrsrprgrfrcrbrarorkrvstsssbscsmsispzczbzbozen-suedtirolmyspreadshopxn--bulsan-sdtirol-nsbxn--valledaoste-ebbtrentinoaltoadigetrentin-sued-tirolxn--forlcesena-c8axn--forl-cesena-fcbxn--bozen-sdtirol-2obtriestetrentinsuedtiroltrentino-s-tirollecceudineaostesienaparmaluccapaviagenoapaduaaostamonzaabruzzoternirietiturinmilanbozenlaziofermoleccocuneonuoropratola-speziavdataaligfvgpugmolcalcamlomumbsicpmnvenvaoedugovabrsarmaremrbastoslazibxosfirenzetrentinosüdtirolval-d-aostavalle-aostamessinacremonaravennatoscanatrentin-suedtirolbolognacalabriaurbinopesarofriuli-v-giuliaogliastraxn--valle-aoste-ebblaquilaandriatranibarlettasyncloudxn--valle-d-aoste-ehbaostavalleyvalled-aostatrentino-alto-adigevallee-d-aostexn--balsan-sdtirol-nsbpistoiasicilialucaniacataniaiserniaperugiabresciaveneziagorizialiguriaimperiabulsan-suedtirolbalsan-suedtirolbarlettatraniandriaxn--trentino-sdtirol-szbforlì-cesenatuscanyvallée-d-aostemantovavallée-aostecasertapiemontevalleaostaval-daostafriulivgiuliatrevisoforli-cesenavalléedaosteferrarapescaravald-aostatrentino-altoadigefriuli-vegiuliavallee-aostecarboniaiglesiastarantomediocampidanovalleedaostetrentinosud-tirolcampobassotrentinsüd-tiroltrentinosüd-tirolmonzabrianzatrentino-südtirolxn--trentino-sd-tirol-c3bpotenzacosenzavicenzaemiliaromagnavenicefrosinonemarchepordenonetrentinosued-tirolvaresemolisevalléeaostefriuli-veneziagiuliabasilicatalatinaanconasavonaveronamodenabiellabolzano-altoadigepugliafoggiaumbriatrentino-stirolgenovapadovamateranovararagusapiacenzatrentinostirolvalleeaostetempio-olbiasudsardegnatrentinsudtirolmassa-carrarafriuliveneziagiuliatrentinosuedtirolandria-barletta-tranitrapanixn--cesenaforl-i8amaceratacaltanissettaascoli-picenobrindisicarraramassacagliaririmininapolivibo-valentiachietibulsan-sudtirolbalsan-sudtiroltrentino-a-adigebulsanbalsaniglesiascarboniamilanotorinoteramodell-ogliastraarezzotrentinoalto-adigerovigotrentovenetoiglesias-carboniatrentino-sud-tirolaltoadigereggio-emiliareggio-calabriasardegnatranibarlettaandriapiedmontxn--sdtirol-n2amedio-campidanotrentino-süd-tirolfriuli-vgiuliafriuli-ve-giuliaromeennaromapisa32-b16-b64-blodiastibarineencomonaplesforlicesenailiadboxosalessandriasicilytrani-barletta-andriaxn--trentin-sdtirol-7vbpesarourbinotrentinsued-tirolcesena-forliforlìcesenaemilia-romagnamonzaebrianzaxn--trentinsdtirol-nsbtrentinos-tiroltrentinsüdtirolvalledaostaolbia-tempiocampidanomediovibovalentiasassarivalle-daostalombardysud-sardegnafriulivegiuliareggioemiliamonzaedellabrianzaalto-adigevercellitrentin-sudtiroltraniandriabarlettatrentino-sudtirolascolipicenobozen-südtirolfriulive-giuliaflorencexn--cesena-forl-mcbcarbonia-iglesiasaosta-valleycarrara-massadellogliastratrentinoa-adigexn--valleaoste-e7apesaro-urbinoxn--trentinosdtirol-7vbxn--trentin-sd-tirol-rzbxn--trentinsd-tirol-6vbtrani-andria-barlettatrentin-süd-tirolxn--trentinosd-tirol-rzbgrossetomonza-e-della-brianzasüdtirolreggiocalabriatrentinoaadigetrentin-südtirolverbano-cusio-ossolafriuliv-giuliaverbaniacampaniatrentino-aadigefriulivenezia-giuliasardiniaandriabarlettatranibarletta-trani-andriacatanzarooristanourbino-pesarocesena-forlìvalle-d-aostacampidano-medio123homepagesiracusatempioolbiasuedtirollombardiaavellinocesenaforlìtrentinofriuli-venezia-giuliabozen-sudtirolandria-trani-barlettabulsan-südtirolbalsan-südtirolmonza-brianzabolzanotrentino-sued-tirolbellunosalernolivornocrotonesondriodnshometrentinsud-tirolmassacarraratrentin-sud-tiroltrentino-suedtirolviterbobergamocesenaforliolbiatempiopalermobeneventoagrigentoofcoorgnetfmaitvphdengorgmilcomschnetedugovperagrikanieasukehandachitatokaiaisaikonanoharuamaobuhigashiuraowariasahiinuyamatobishimaiwakurashitarainazawatoyonegamagorimihamatoyotataharakariyayatomioguchikomakimiyoshinishiotokonamekiyosuchiryutoyohashiokazakiisshikikasugaikotakiratoeianjotogofusosetohazutsushimashinshirotakahamanisshinshikatsuhekinantoyokawaichinomiyatoyoakeodateogataakitaikawakyowahonjoogayurihonjonoshirokamiokakatagamimitanegojomeyokotekosakadaisenkazunonikahohonjyomoriyoshimisatohappoukamikoanihachirogatahigashinarusesembokufujisatokitaakitaitayanagiowanitakkomutsutsurutahirosakigonoheoirasetowadamisawanohejiaomorishingohiranairokunohehashikamitsugarushichinohehachinohenakadomarisannohekuroishisakaeisumiasahiotakiinzaiabikomatsudoyachiyomutsuzawakujukuriomigawakashiwatoganemihamanaritasakuranagaramobarahanamigawachoshishiroichoseikozakishisuikatorimidorichonankyonanfuttsuonjukufunabashinagareyamanodasosatakochuotohnoshourayasukimitsuyokaichibayotsukaidosodegauratateyamakamagayayokoshibahikariyachimatakatsuuratomisatokisarazukamogawaichikawanarashinoichinomiyashimofusaminamibososhirakoichiharaoamishirasatoikatahonaiainansaijoseiyoiyoozuuwajimaniihamanamikatamasakiuchikokihokutobetoonshikokuchuomatsuyamaimabarikamijimakumakogenyawatahamamatsunosabaeikedaobamasakaifukuiohionotsurugamihamawakasaminamiechizeneiheijikatsuyamatakahamaechizensoedaukihaomutaokawanishiogoribuzenonojosueumiokiotochikugosasagurisaigawamizumakishinyoshitomikurumekurateyamadakasuganakamamiyamanogatatakatahakataiizukakawaratagawakasuyaashiyainatsukimunakataminamitsuikishonaikurogifukuchikeisenhigashimiyakoshinguyukuhashiokagakiyamekogaongausuikahotohochuotoyotsumiyawakadazaifuhisayamatachiaraiyanagawanakagawahirokawachikujochikushinochikuhochikuzennamieotamaokumashowateneiiwakikoorinangoononishigoshimogoomotegomishimafukushimaasakawakagamiishishirakawaiitatefutabahiratayugawahanawakitakatakawamatakunimiyabukibandaihigashihironoyamatomiharuyamatsuriaizubangedatesomaaizuwakamatsuyanaizuaizumisatonishiaizuizumizakikitashiobarataishinkaneyamakoriyamainawashirotanagurafurudonosamegawasukagawaishikawatamakawaikedaogakitaruiginanenahashimahichisonakatsugawaibigawashirakawamizunamiminokamomitakekawauesekigaharatomikasakahogikitagatayamagatatajimianpachimotosuyaotsukakamigaharahidakanisekitokigujominogodoyorogifukasamatsutakayamawanouchihigashishirakawakasaharashimonitatsumagoichiyodakannakanrashowameiwakiryuotaoratomiokafujiokaitakuranaganoharahigashiagatsumatakasakishibukawaminakamikatashinatsukiyonokawabanumataannakaoizumimidorishintoisesakiuenoyoshiokakusatsutakayamanakanojonanmokutamamuratatebayashimaebashiotakekaitadaiwahongofuchukuietajimashobaramiharahatsukaichihigashihiroshimamiyoshikumanokurenakasakaseraseranishiasaminamifukuyamashinichionomichiosakikamijimajinsekikogentakeharaotobenanaeikedatohmaozoraobiraabirakyowaeniwataikibibaisharirebunerimohiroooketootarupippunishiokoppechitosefurubirahakodateshiranukakitahiroshimakushiroobihironanporoiwamizawaniikappukunneppufukushimanakasatsunaitoyourakuromatsunaiakabirakamisunagawashibechaurakawakamifuranonakatombetsuasahikawashimokawakayabeokoppebiratoriabashirisaromaatsumanumatahidakabifukamukawamikasahorokanaitoyotomisarufutsuhigashikawaishikarikitamiyoichiesashiiwanaitomariminamifuranoakkeshifuranotoyakoyakumootoineppushikaoishiraoinemuronayorohaboroashorobihororishirifujiutashinaihokutotakasuebetsuurausuassabukikonaishimamakinaiedatetoyabieinikiesanuryuoumuteshikagarikubetsuashibetsukimobetsuaibetsutobetsusobetsuembetsushimizuchippubetsurishirihokuryuhoronobeshintokutsubetsushibetsuhonbetsumombetsutsukigatakuriyamakoshimizushiriuchikutchanmurorannoboribetsukamishihorowassamushinshinotsukembuchiwakkanaikamoenaikiyosatotakinoueshikabesunagawafukagawanakagawatakikawakamikawahigashikagurahamatonbetsumatsumaemoseushirankoshishakotanimakanemashikeotofuketomakomaisandatambaitamiawajikasaiasagoshisoonoakoyashirotoyookaminamiawajiinagawafukusakitakasagokamigorikasugaharimayokawaashiyahimejiakashitaishiaogakisannantakinosumototakarazukanishinomiyashingugoshikinishiwakiyokatakaaioimikisayoyabukawanishiamagasakisasayamashinonsenkakogawaichikawakamikawatatsunotsukubaiwamaogawaasahisakaitokaioaraiitakobandodaigosuifuinaamikasumigaurakashimaomitamayachiyoshimodatetomobetoridehitachinakainashikisakuragawakasamayawaramoriyahitachiomiyanamegatayamagatahitachikamisuushikutakahagiibarakitonekoganakasowayukimihojosomitoryugasakishimotsumafujishirotsuchiurachikuseihitachiotashirosatotamatsukuriuchiharashikahakuinanaotsubatawajimakahokukawakitatsurugikaganominotosuzuuchinadakomatsuanamizunakanotohakusannonoichikanazawaiwateshiwafudaikawaimoriokaofunatohanamakikuzumakikitakamininohekunoheyamadayahabasumitaichinosekitanohatahiraizumirikuzentakatajobojiotsuchihironomiyakoiwaizumikarumaiichinohenodakujitonooshushizukuishifujisawamizusawakamaishikanegasakimannoutazukotohiraayagawazentsujihigashikagawauchinomikanonjisanukimarugamemitoyotakamatsutadotsunaoshimatonoshoakuneamamiizumihiokiyusuikinkoisasookouyamanakatanekagoshimakanoyaisenkawanabeminamitanemakurazakitarumizunishinoomotematsumotosatsumasendaioimatsudaayaseebinamiurazushinakaiodawaraiseharasagamiharahakoneaikawakaiseiatsugitsukuihadanoyamatoyamakitazamaoisochigasakininomiyayokosukakamakuraminamiashigarafujisawasamukawakiyokawahiratsukayugawaraokawaumajikochitsunootoyoakiinonishitosayasudahidakamiharasakawaniyodogawahigashitsunokagamigeiseisusakiotsukinaharisukumomurototosakamiochitoyotosashimizumotoyamanankokunakamurakitagawayusuharaogunichoyoukiasoutoozugyokutoamakusamifunetakamoriyamagaminamataminamiogunikikuchisumotoyamatonagasumashikiaraokumamotokamiamakusanishiharayatsushiroayabeseikasakyoideineujinakagyokameokakyotangokyotanabekyotambaminamiyamashiroyamashinatanabeyawatawazukaminaminantanmiyazuhigashiyamafukuchiyamakitamukokamojoyokizumaizuruujitawaraoyamazakinagaokakyokumiyamakawagoeinabeshimameiwaasahitaikiudonoisetsukisosakikuwanamihamamiyamasuzukatamakimisuginabarikumanokomonominamiisewataraitobakiwatakikihotadomatsusakayokkaichikameyamaureshinoishinomakishichikashukuohirataiwaosakizaohigashimatsushimashikamaiwanumashibataogawaraonagawakawasakiseminemarumoriminamisanrikukakudamuratawakuyatomiyanatoriwataritagajomisatotomekamirifushiroishimatsushimayamamotoshiogamafurukawahyugaebinotsunosaitoayakushimanobeokakitauramiyazakitakazakigokaseshiibamimatashintomikunitomikitakatakobayashikawaminamitakaharukijotakanabemiyakonojonishimeranichinankitagawakadogawamorotsukakisofukushimaminamimakisakaeobuseikedaogawamiasaokayaasahiotakiotarichinoinaomichikumakomaganechikuhokukaruizawayasuokaooshikaikusakaminamiaikitogakushimatsukawakawakamitateshinatakamorikitaaikishiojirimiyadahakubaiizunaiijimaiiyamamiyotasuzakayasakatoguraookuwanagawaminowahirayayamagataminamiminowafujimiomachisakakitakaginaganonakanosakuhokomoronagisoshinanomachiwadauedaiidaharasuwatomiachiaokianankisosakunozawaonsenagematsutakayamashimosuwamatsumotoyamanouchinakagawamochizukiazuminotatsunoobamaomuraseihiunzenosetofutsuikichijiwanagasakiisahayahasamisaikaikawatanasasebohiradokuchinotsugototogitsutsushimashimabarashinkamigotomatsuurayamazoekashibaikomakawaitenrioyodosangokoryoudaojiikarugayamatokoriyamatenkawakatsuragikurotakikawakamimiyakemitsuetakatorikamikitayamayamatotakadahegurishinjokanmakisakuraitawaramotogoseoudanarasoniandokawanishishimoichihigashiyoshinokashiharashimokitayamanosegawayoshinomintsivorytopazsakuragehirnsumomoaseinetopalmail-boxmokurenyoitamuikaojiyagosensanjoaganomyokoseiroagaomishibataniigatanagaokamurakamiuonumayuzawakariwatagamitainaitsunanminamiuonumatochioyahikojoetsuseiroukamosadoizumozakitokamachiitoigawasekikawakashiwazakitsubamemitsukekokonoesaikiusukibeppuusahimeshimakunisakihasamataketatsukumihitaoitahijikusuyufukujukamitsuebungoonobungotakadaibaraniimibizentsuyamaokayamakasaokahayashimayakagemaniwaakaiwamisakishinjotamanotakahashikibichuowakesojanagishookumenannishiawakurakurashikiasakuchisetouchikagaminosatoshotomigusukunakagusukuyaeseizenaurumaiheyaaguniogiminanjokinminamidaitokitanakagusukuyonaguniokinawaishigakikunigamiurasoekadenataramahiraraginozataketomishimojizamamitonakiitomanhigashimotobuyonabarugushikamionnanahanagohaebarukumejimakitadaitonakijinnishiharayomitanginowantokashikiishikawaikedasuitaminohizuminishisakaikananabenodaitoosakasayamayaokishiwadatadaokakaizukatondabayashichihayaakasakakumatorikadomasayamahigashiosakashijonawatehirakatataishimisakitajirihannansennankatanotoyonominatosettsuhigashiyodogawaibarakinosekitachuohigashisumiyoshifujiiderakashiwaraizumiotsutoyonakamatsubaramoriguchiizumisanoshimamototakatsukineyagawahabikinotakaishikawachinaganoyoshinogarikamiminearitaouchiimarihizenogikashimaariakekiyamafukudomikitagatakitahataomachigenkaikanzakinishiaritakyuragisagataratosutakushiroishikaratsuhamatamakouhokukawagoeyoshidasatteogoseirumaasakaurawaogawaniizaomiyayoriiotakishikihonjooganohannohanyuinasaitamaokegawaarakawayoshikawayokozehasudasayamahidakafukayachichibuiwatsukiryokamiyoshimikamiizumifujimiwarabiranzanmiyoshiminanoyashiosakadosugitomisatohigashichichibutodasokakukiyonokazoshiraokakasukabekounosukawajimatsurugashimamiyashirokitamotohatoyamamoroyamahatogayakumagayakawaguchinagatorokamisatomatsubushinamegawatokigawakamikawafujiminohigashimatsuyamakoshigayatokorozawas3isk01isk02ryuohkoseikonanaishorittotakashimamaibarahikonetorahimenishiazaikokagamokotoyasuotsukusatsunagahamamoriyamatoyosatotakatsukinotogawaomihachimanhigashiomiakagiunnanizumogotsuamayatsukakakinokimatsuehamadamasudahikawahikimiokuizumoyasugiyakumomisatotamayuohdahigashiizumookinoshimanishinoshimatsuwanoshimaneshimadafujiedayoshidashimodagotembaiwataatamikosaiyaizuitoizumishimahaibaramakinoharaomaezakikawanehonkannamisusonohigashiizufukuroinumazukawazufujiaraishizuokahamamatsushimizuizunokunimatsuzakimorimachiminamiizunishiizukikugawakakegawafujikawafujinomiyaujiietsugaoyamayaitaohiranikkoashikagakuroisokanumasakurashioyakarasuyamamotegiichikaikaminokawatochigihagamokanogisanobatonasumibunasushiobaranishikatautsunomiyaiwafunemashikoshimotsukeohtawaratakanezawaitanokomatsushimatokushimaichibaminamiaizumiwajikikainanmiyoshinarutomimamugiananmatsushigesanagochishishikuinakagawamachidachiyodakomaefussainagitaitochofufuchuomeotahigashiyamatotoshimaokutamaaogashimakodairaedogawaarakawahachiojishinagawatachikawashibuyasuginamihinodekiyosesumidaoshimanerimamitakahamuraadachinakanomizuhobunkyomegurominatokoganeihigashikurumekokubunjihigashimurayamamusashimurayamatamakitahinochuokotokatsushikakouzushimaogasawaraakishimakunitachishinjukusetagayamusashinohachijoitabashiakirunohinoharachizunanbukotouramisasawakasayonagokogehinoyazutottorinichinansakaiminatokawaharaoyabetairainamiasahinantoimizufuchutakaokakurobeyamadajohanatoyamatonaminyuzenfunahashinakaniikawanamerikawaunazukitogahimiuozufukumitsutateyamakamiichiiwadearidayuasainamitaijikatsuragiaridagawatanabemihamahidakakainankiminomisatoshingushirahamakamitondayurakozakoyagobokitayamawakayamakudoyamahashimotokushimotokozagawahirogawakinokawanachikatsuurarsuseroeoishidasagaeoguniasahinagaitendonanyoobanazawanishikawasakataohkuratozawamikawamamurogawayamagatafunagatatakahatashonaishinjokahokuiideyuzakawanishitsuruokakaminoyamayamanobeshiratakamurayamanakayamakaneyamahigashineyonezawasakegawamitouubeyuuabushimonosekitabuseoshimatoyotaiwakunihikarishunannagatohagihofukudamatsutokuyamashowadoshitsurunanbukoshukaiminami-alpsnirasakikosugeotsukioshinohokutominobuyamanashifuefukichuokofuichikawamisatoyamanakakonakamichitabayamanishikatsuranarusawafujikawahayakawafujiyoshidafujikawaguchikouenohara長野京都岐阜大阪三重群馬千葉滋賀佐賀奈良adednelgaccogogror秋田愛知高知埼玉沖縄栃木熊本岩手青森山梨新潟島根鳥取長崎香川宮城石川大分宮崎茨城山口兵庫山形徳島広島福島福岡岡山富山静岡愛媛福井東京xn--4it168dhatenadiaryxn--vgu402ckawaiishophatenablogcocottenamaste北海道penneehimeiwateversestabachibashigagonnagunmapermahaccaakitaosakauh-ohblushkochiaichifukuikuroncapooitigohyogotokyokyotopunyuthickcheap0t00g00j0mie2-ddaapyawjg0amfemsubxiiboomoobutchueekpgwrgrherskrboyrdyupperunderflierchipsmydnsheavyangryhippygirlyrulez神奈川鹿児島和歌山bambinaxn--nit225kokayamasaitamaxn--k7yn95exn--1lqs03nsapporoparasitelolipopmcxn--efvn9sniigatafukuokatokushimafukushimahiroshimakagoshimafakefurokinawaxn--8pvr4ucoolblogxn--0trq7p7nnkawasakinagasakimiyazakichilloutxn--8ltr62kxn--klty5xpeeweezombiecutegirlxn--rny31hxn--uuwu58axn--ntso0iqx3axn--djrs72d6uytoyamanikitanyantakagawamimozanagoyaboyfriendxn--2m4a15egreaterchowderegoismyamagatafashionstorexn--elqq16hxn--pssu33lsendaimiyagixn--rht27zpecoriaomorisaloonwatsonvivianxn--djty4knobushipigboatnaganopinokoxn--f6qx53asadistvelvetsecretxn--5js045dchicappayamanashiibarakidigickgirlfriendxn--1lqs71dmongolianxn--c3s14mxn--qqqt11mtochigixn--5rtq34kparallelo0o0mondkobesagabonadecaoitanarafoolkilldecimainhiholomosblokilociaoundopupugifutankcrapflopnooroopsmodsholyjeezstripperpepperbittershizuokaxn--rht3dkitakyushureadymadeicurusversusmatrixxn--rht61ehungryfloppygloomycrankyhandcraftedlittlestarxn--klt787dxn--kltx9awhitesnowsunnydaytottorilovepoptheshopbuyshopxn--5rtp49cxn--d5qv7z876cwebaccelxn--kbrq7oxn--4pvxsxn--1ctwolovesickkumamotocatfoodxn--tor131oyokohamawakayamatonkotsuxn--ehqz56nxn--uist22hxn--6btw5axn--kltp7dyamaguchifrenchkisspussycatxn--4it797kxn--uisz3gbabybluexn--zbx025dnetgamersxn--7t0a264ckanagawaxn--6orx2rishikawaxn--ntsq17ghalfmoonschoolbusjellybeanxn--mkru45iusercontentlolitapunkxn--32vp30hsakurastoragehokkaidoshimanecandypopbabymilksupersaleweblikeraindropbackdropwebsozaikikirarahateblodaynightmeneacsccogoormobiinfoaefjusxxorgmilcomnetedugovorgcomnetedugovbizinfotmprdorgmilcomnomedugovassnotairespresseassocoopgouvveterinairemedecinpharmaciensorgnetedugovtraorgcomedurepgovipdiskmeneperekgacscaiiocogoitoresmshsseoulbusanulsandaeguc01milvkimmvchungnamjeonnamjeonbukeliv-dnsgyeonggijejueliv-cdnincheondaejeongangwongyeongbukgwangjuchungbukgyeongnameliv-apicoeduindorgcomembnetedugovorgmilcomnetedugovjcloudorgcomnetintedugovperbnrinfocooyorgcomnetedugovethipfscanvamypepethw3sstorachafaablekeeneticjoinmcinbrowserdwebcyonnftstoragemyfritzaemewphlxachotelltdorgcomwebsocschngonetintedugrpgovassnomgacsccoorgnetedugovbizinfo123websiteidorgmilcomasnnetedugovconfidmedorgcomplcschnetedugovaccoorgnetgovpresstmassoirseproxaccosoundcasthoptocraftvp4c66orgnetedugovitsxwxmcdirmyboxbarsyedgestacksynologylogintoopencloudnohostwebhopdiskstationi234tcp4hoocgroknoipprivmydsddnsdnsforlohmustransipdscloudfilegear-sgbrasiliafilegearframerbarsybarsyonlinecoprdorgmilcomnomedugovinforgcomnetedugovnameacprorgcomartnetedugovpresseinfoassoinstgouvorgnycedugovbarsydscloudjuorgcomnetedugovminisiteaccoororgcomnetgovorgmilcompronetintedugovbizmuseumnameinfoaerocoopaccoorgcomnetintedugovbizcooporgcomgobneteduorgmilcomnetedugovbiznameaccoorgmilneteduadvgovcoorgcomnetaltgovforgotherhiskeeneticispmanagernomassoprod5476132eastasiacentraluswesteuropewestus2eastus2pnortheurope-01newzealandnorth-01southindia-01southcentralus2-01norwaywest-01eastus2-01westus2-01australiaeast-01italynorth-01israelnorthwest-01swedencentral-01westeurope-01centraluseuap-01taiwannorthwest-01uaecentral-01northcentralusstage-01israelcentral-01mexicocentral-01canadacentral-01austriaeast-01germanywestcentral-01francecentral-01ukwest-01denmarkeast-01polandcentral-01eastus-01westus-01swedensouth-01eastus3-01westus3-01brazilsouth-01centralus-01francesouth-01australiacentral-01westindia-01uaenorth-01jioindiacentral-01canadaeast-01belgiumcentral-01spaincentral-01koreacentral-01chilecentral-01qatarcentral-01westcentralus-01eastus2euap-01norwayeast-01southafricanorth-01brazilsoutheast-01germanynorth-01switzerlandnorth-01switzerlandwest-01japanwest-01southafricawest-01japaneast-01eastasia-01indiasouthcentral-01taiwannorth-01centralindia-01uksouth-01southcentralus-01northcentralus-01eastasiastage-01indonesiacentral-01australiacentral2-01australiasoutheast-01malaysiawest-01koreasouth-01southeastasia-01southeastus5-01northeastus5-01jioindiawest-01rucdnwest1-usfra1-desandboxjls-sto1jls-sto3jls-sto2aglobalabglobalsslmapprodfreetlsmapvpslon-1lon-2ny-1fr-1sg-1ny-2paassnwebpaashostingjelasticnordeste-idcsocuserpagescwebfileblobservicebuscoreatlricnjsjelasticwebsitestoragesezagbinruhuukjptsmyspreadshopmynetnameakamaiorigin-stagingfrom-coipv64dynv6cdn77serveblogadobeaemcloudhicamsprytdnsupno-ipownipde5ovhicpfirewall-gatewaysytesmypsxbarsyusgovcloudapimyamazemyradwebakamaihdsaveincloudfastlylbfrom-lasubsc-paysquare7in-the-bandblackbaudcdnhomelinuxoninfernoctfcloudservebbsdns-dynamiccloudfrontakamai-stagingipifonyham-radio-opsenseeringclickrisingcommunity-profrom-nylocalcertgrafana-devedgesuite-stagingcloudflareanycasteating-organicatlassian-devmydattofeste-iplocaltotorprojectknx-serveredgekeycloudflareglobalcloudyclustercasacamserveftpakamaized-stagingakamaiorigindns-cloudmyeffectboomlabotdashbuyshousestwmailhetemlazure-mobilein-dslthruhereredirectmedynuddnsbouncemesupabaseluyanicloudappakamaicloudfunctionsdebiannhlfanpgafanstatic-accessin-vpnmysynologymafeloappudohomeftptrafficmanagersiteleafseidatmemsetcloudflarecloudaccesskeyword-onazure-apiis-a-chefdoes-itgets-itwebhopselfiphomeipkicks-assedgesuitewindowsserver-ontunnelmolemydissentscrapper-sitecloudflarecnuni5srcfggffiobbzabchrsndenodynuopikddnsvpndnsakadnselastxkinghostvps-hostfastlyhomeunixazureedgeshopselectdontexistmyfritzcloudjiffyalwaysdatasells-itsquaresbroke-itazurefddattolocalat-band-campmeinforumfamilydsazurestaticappsdefinimabplaceddnsaliasdynaliasnow-dnsblogdnsroutingthecloudendofinternetdsmynasakamaiedgemymediapcadobeio-staticakamaiedge-stagingakamaihd-stagingddns-ipprivatizehealthinsurancelive-onkrellianschokokeksmassivegridmysecuritycamerarackmazeserveminecraftfrom-azis-a-geekakamaizedmoonscaleoffice-on-theusgovtrafficmanageradobeioruntimeedgekey-stagingreserve-onlinechannelsdvrdnsdojousgovcloudappcdn77-sslapps-1and1podzoneazurewebsitesdynathomescaleforceyandexcloudvusercontentisa-geekcdn-edgescoaemalcesappwriteazimuthtlonarvobuiltwithrocketnoticeablestorecomwebrecnetperotherfirminfoartslgdloncogoiltdorgmilcolcomplcschgenngonetedugovbiznamefirmmobiacincoorgmilcomnomwebgobnetintedubizinfocomyspreadshopdemongovtransurl123websitehosting-clusterkhplaycistrongsnesosvalervålerxn--vler-qoaossandeheroysandeherøybøboheroyherøyxn--hery-iraxn--b-5gavalerbøboxn--b-5gasandesandexn--hery-iraxn--vler-qoavålerhåreålaahavaofsfvfhlolnlalrlhmfmtmahcostntbuåstrmreigersundmyspreadshopgálsáeidsvolltingvollgildeskalflorøvadsøvardøvanylvenxn--bhccavuotna-k7astrandaxn--kvnangen-k0axn--sknland-fxaxn--mosjen-eyarakkestadhyllestadnannestadvevelstadvaapstenordre-landsondre-landsøndre-landtjieltexn--vrggt-xqadsør-aurdalsor-aurdalheradstordmoldefordeførdeseljefedjeryggehemnexn--krehamn-dxasognegranesøgnebrynetjomevallebykletokkegiskedovretjømehobølvoldasaudatolgasømnaviknadønnasomnadonnatranafrananesnaraumasmolatrænafrænalesjasmølaørstaorstahitrafloraaukraloppafrøyarissasnasahalsagalsaromsaraisaráisafroyasnåsagronghobolfjelltydalårdalardalaskimharamkraanghkekråanghkesorumbarumhurumbærumsørummodumsálátbálátfrognbjugnvåganvagangulenskienløtenlotenstrynvefsnxn--merker-kuaskaunsveiobømlobomloskjåkvardoflorovadsosalatbalatsálatklæbuklabuselbubarduulvikskjakklepprisørxn--nttery-byaeflåeidflahofmilgolholsellomskifetvikdepvgsfhsaskerrisorhamarasnesåsnesrørosrorosxn--slat-5namasoynaroyvaroyluroydyroyaskoyradoyandoyrodoymeloyradøyandøyrødøymeløyaskøylurøydyrøymåsøyværøynærøyhoylandethøylandetdivtasvuodnalørenskoglorenskognesoddtangenxn--tjme-hraxn--smla-hraxn--stjrdal-s1aunjargalillehammerunjárgaxn--hamary-fyadavvenjargaxn--bearalvhki-y4a123hjemmesidegjerdrumxn--brnnysund-m8acxn--tnsberg-q1axn--mlatvuopmi-s4axn--snsa-roaxn--skierv-utaxn--brum-voatysfjordkvafjordeidfjordkvæfjordsongdalenmjondalenmjøndalenxn--gls-elackragerogáŋgaviikagangaviikasørreisasorreisasør-varangersor-varangerxn--risr-iraskiervaxn--frna-woaxn--trna-woakvinesdalleksvikleirvikrøyrvikroyrviksvelvikvenneslaevje-og-hornnessandnessjøenmarnardalvindafjordsandefjordenebakksnillfjordullensvangxn--trany-yuabrønnøysundnamsskoganaustevollxn--stjrdalshalsen-sqbnord-aurdalnord-frontrøgstadtrogstadgrimstadflakstadgjerstadxn--sandy-yuaxn--leagaviika-52bnore-og-uvdalvegarsheixn--rlingen-mxaxn--ggaviika-8ya47hvegårsheikarlsoykvitsoymasfjordenhamaroyinderoyosteroydavvenjárgasauheradguovdageaidnuxn--vre-eiker-k8abronnoysiellakkrødsheradkrodsheradkvinnheradbrønnøyxn--mtta-vrjjat-k7afxn--lrenskog-54akvitsøyvárggátkarlsøyosterøyinderøyhamarøybronnoysundxn--aurskog-hland-jnbbahccavuotnabáhccavuotnagiehtavuoatnastor-elvdalmidtre-gauldalxn--gildeskl-g0akarasjokevenassixn--bievt-0qaxn--yer-znalebesbynessebyxn--hbmer-xqamalselvmålselvxn--unjrga-rtamøre-og-romsdalmore-og-romsdalhareidmelandørlandorlandstrandålgårdsolundalgardafjordåfjorddielddanuorrikautokeinoxn--stre-toten-zcbskodjeaejriestangeliernebamblestokkefauskesnåasesnaasekongsvingerlangevagberlevagxn--flor-jrahattfjelldalostre-totenøstre-totenvestfoldxn--mely-iraálaheadjualaheadjunordreisaxn--troms-zuaxn--lgrd-poacporsangerflatangerstavangerleikangerbremangersamnangergieldakarasjohkaxn--rdy-0nabfrostautsirasnoasatromsaxn--sr-aurdal-l8aflekkefjordjølsterjolsteraremarkhedmarknååmesjevuemienaamesjevuemiexn--vard-jrarollagmeråkermerakerorskogørskogxn--bdddj-mrabdákŋoluoktaxn--osyro-wuaaknoluoktatrysilskjervøymandaljondalbindalrindalmeldalsuldalorkdalsigdalalvdallærdalhurdalsirdalverdallerdallardaloppdalåseralaseralhadselkragerødivttasvuotnaoverhallasteinkjerxn--hnefoss-q1askedsmokorsettromsøxn--dyry-iravestre-totenmuseumxn--sandnessjen-ogbrahkkeravjufylkesbiblbájddarbajddarxn--laheadju-7yarennesøyxn--koluokta-7ya57hxn--hgebostad-g3aleirfjordstorfjordbalsfjordbåtsfjordbatsfjordmuosátbievátloabátkárášjohkanøtterøyxn--mjndalen-64anordkappláhppilahppialstahaugsiljanverranrøykenroykenhaldenlyngenbergenhortenhønefosshonefosstroandinbeiarnvarggatosoyroosøyrotromsoidrettmuosatbievatruovatloabatvoagattynsetnessetxn--indery-fyaskánitskanitraholtråholtxn--ystre-slidre-ujbandebusarpsborgbearduxn--karlsy-fyahordalandjorpelandjørpelanddeatnuringsakersør-odalsor-odalxn--slt-elabringerikeaudnedalnittedalnissedalhemsedalslattumsurnadalxn--blt-elabelverumstjørdalnaustdalhjartdalgjøvikfyresdalhasviknarviklarvikgjovikmalvikgamviklenvikporsgrunnstjordalengerdaldrobakdrøbakxn--msy-ula0hvestvagoyxn--vgan-qoaxn--ryken-vuaxn--lten-graxn--stfold-9xaxn--hpmir-xqaxn--lury-iramálatvuopmimalatvuopmitysværkirkenesbirkenesmoskenesbáidárxn--fjord-lraxn--rdal-poabahcavuotnabáhcavuotnaxn--frde-gralindåsbearalvahkixn--hobl-iraráhkkerávjuxn--loabt-0qavågåáltábodøsundlundraderådeetnetimeholeauregrueoddavagavegaranatanaarnasolasulaaltalekafusavangbergkvamåmliamlibokntinnroangranosenoslobodorøstroststatåmotamotivguprivøyeroyerliermossvossxn--nvuotna-hwalusterlunnermarkerhábmerhabmerhvalerfjalerxn--rholt-mratysvarbaidarfitjargaularhápmirhapmirmelhusfosnesøksnesoksnestysneshemnesevenesflesbergeidsbergtonsbergtønsberglindasxn--sndre-land-0cbnamsosxn--srum-graøystre-slidreoystre-slidrevestre-slidretrondheimbalestrandxn--langevg-jxaaustrheimxn--skjk-soavagsoyaveroysandoykarmoyfinnoytranoyvestbytranbysykkylvenxn--hyanger-q1aspjelkavikandasuoloxn--fl-ziaxn--drbak-wuastathellexn--sr-varanger-ggbtelemarkxn--bhcavuotna-s4axn--porsgu-sta26fčáhcesuolocahcesuoloakrehamnåkrehamnsandøykarmøyfinnøytranøyvågsøyaverøynamdalseidxn--lesund-huabadaddjaxn--vegrshei-c0axn--btsfjord-9zagildeskålporsanguxn--trgstad-r1anávuotnanavuotnahammerfestxn--sgne-graxn--brnny-wuacibestadharstadnarviikaevenáššivestnesgjemnessandnesagdenesrennesoyxn--avery-yuaxn--tysvr-vrabearalváhkikongsbergspydebergrandabergxn--andy-iradavvesiidaxn--krdsherad-m8aporsáŋgufredrikstadbjerkreimringeburennebuaurskog-holandnotteroyxn--vgsy-qoa0jxn--rmskog-byaskierváivelandbyglandfrolandaurlandforsandxn--bjddar-ptamidsundålesundalesundfetsundfarsundovre-eikerøvre-eikerakershusxn--moreke-juasørfoldøstfoldostfoldsorfoldhøyangerhoyangerlevangerorkangertanangerxn--vestvgy-ixa6olillesandulsteinxn--rennesy-v1agranvinskjervoyxn--klbu-woalavagisxn--h-2faxn--ryrvik-byakafjordkåfjordseljordfolkebiblxn--gjvik-wuajevnakerxn--kfjord-iuabudejjuxn--kranghke-b0axn--davvenjrga-y4axn--rland-uuaxn--ldingen-q1axn--mlselv-iuaxn--rady-iraxn--linds-prabrumunddalxn--ygarden-p1amo-i-ranaeidskogrømskogromskoghjelmelandxn--finny-yuaxn--sr-odal-q1axn--skjervy-v1aballangenkvanangenkvænangengratangenxn--hmmrfeasta-s4acvossevangensuohkanxn--rde-ulaxn--mli-tlaxn--ksnes-uuanordlandskanlandskånlandsortlandfuoiskuxn--rros-graxn--hcesuolo-7ya35bxn--eveni-0qa01gagaivuotnagáivuotnaxn--seral-lradrammenmodalenmosjoenjan-mayentorskensteigengloppenxn--snes-poamatta-varjjatxn--sr-fron-q1aomasvuotnajessheimbådåddjåxn--krager-gyaxn--kvfjord-nxaxn--asky-iraxn--snase-nraxn--bidr-5nacholtålenxn--vads-jraxn--jlster-byamosjøenxn--rst-0nastavernxn--ostery-fyaxn--oppegrd-ixaxn--sknit-yqaxn--risa-5naoppegårdskiptvetrendalenholtalenxn--mot-tlaxn--lhppi-xqaxn--holtlen-hxaxn--srreisa-q1akopervikxn--muost-0qaxn--bmlo-grahokksundkvalsundegersundxn--karmy-yuaullensakerxn--hylandet-54axn--kvitsy-fyaxn--bod-2nalangevågberlevågkristiansandxn--rsta-frahornindalstjørdalshalsenstjordalshalsensandnessjoenhámmárfeastaxn--lrdal-srasør-fronsor-fronnord-odalkristiansundmátta-várjjatvestvågøynesoddennotoddenbuskerudøygardenoygardensalangenlavangenralingenrælingenlodingenlødingenleaŋgaviikalaakesvuemieleangaviikauenorgexn--srfold-byaaskvollxn--rskog-uuaxn--nry-yla5gxn--vry-yla5ghammarfeastaxn--rhkkervju-01afxn--givuotna-8yakommunekrokstadelvanedre-eikerhagebostadhægebostadxn--berlevg-jxakviteseidxn--s-1faxn--l-1faxn--nmesjevuemie-tcbafuosskomoårekemoarekexn--lt-liacxn--jrpeland-54asvalbardoppegardholmestrandtvedestrandsogndalsokndalarendalsunndalfolldalxn--krjohka-hwab49jlyngdaletnedalnorddalsaltdalgausdalskedsmovaksdalgjesdalstordalxn--frya-hraaarbortedrangedalxn--smna-graaurskog-hølandxn--vg-yiabtjeldsundhaugesundlindesnesxn--mre-og-romsdal-qqbxn--dnna-gradyntmpheremerseineshacknetenterprisecloudmineaccomaorimāoriorgmilcriiwigennetschoolhealthkiwigovtgeekxn--mori-qsacloudnsparliamentcomedorgcompronetedugovmuseumwebsitekinservicebarsywebsitebuildereerobookheimdnseero-stagetechcrscsslorigingohomecdbedeeeiemesecabgngilnlalplchfisiincnnoroptatitmtltruauhulumkdkukskjplvtrgrfrkrhrusesismycynzcznetinteduassoososcloudstgbetaaezaeuhkusjswzhatenadiarycdn77hoptozaptois-a-knightmyftpno-ipjpnddnssdpdnsspdnsbarsysweetpepperis-a-bruinsfanis-very-sweetservegameis-a-soxfanhomelinuxcdn77-secureservebbsmisconfusedwebredirectblogsitefreedesktopcouchpotatofriestoolforgeaccesscamis-lostreadmyblogsmall-webfedorapeopleserveftpis-a-celticsfaniptimemywirepotagertwmailin-dslsellsyourhomeread-booksfreeddnscable-modemis-savednflfanufcfanmlbfanstuff-4-saleendoftheinternetin-vpnmy-firewallhomeftpis-localis-a-chefboldlygoingnowherewebhopselfipkicks-assroxatunkcamdvrfedoraprojectgotdnsdvrdnsdyndnspubtlspimientahomeunixdontexistfedorainfracloudwmflabsfspagesbmoattachmentsteckidsfamilydsdnsaliasdynaliasnow-dnscloudnsdoomdnsduckdnsblogdnshomednsroutingthecloudendofinternetdsmynasip-dynamicpoivronhttpbinmyfirewallis-very-evilmysecuritycamerais-a-linux-userwmcloudis-a-geektuxfamilyis-a-candidatedoesntexistis-very-badhobby-sitegame-hostaltervistais-foundis-a-patsfandnsdojohepforgepodzonedynservcollegefanis-very-goodfrom-meis-very-niceisa-geeknerdpolacmedsldingorgcomnomgobabonetedugintapleskaemhlxmyboxrockyprvcydeuxfleurssolidresvibekitprodomgspdnscodebergheyflowstatichostlinkyhostmymagicblacktopsorgmilcomnomgobneteduorgcomeduiorgmilcomngonetedugovcloudns1337ngrokacorggogfamcomwebgobnetedugokgopgkpgovgosbizpasaugumicsopozpapuwmwsrprusiskwpspkppspkmpspokeoiawsawifoumsdnskokwpmuppuppsppiwwiwoowuzswkzoschrzpisdnwzmiuwwitdpssewsseumigugimoirmpinbwinbwiihupporzgwgriwupowwskrwioswuozstarostwokonsulattmpccopruszkowmyspreadshopostrodakartuzyopolegminamediaustkazgorajgoraolawailawalomzawloclradombytomjaworznotargilubinkoninzagantorunkutnokepnonakloczestsopotsanokturekplockslasksklepzarowlukowmedaidgdaorgmilrelcomnomatmgsmartneteduelkgovwawsossexbiztgorysejnytychypomorzeboleslawiechomesklepsdscloudunicloudzakopanelegnicarawa-mazbydgoszczswidnikkrasnikwloclawekbielawamragowograjeworealestatebeskidykaszubymalopolskaprzeworskswiebodzinlecznadfirmaszkolawarmiagdyniamiastakazimierz-dolnymalborkswidnicadlugolekaostrolekapodlasieelblagtravelsimplesitezachpomormielecszczecinnieruchomosciwalbrzychlezajsklublinbedzinpoznanwielunmielnooleckostarachowicedkontopowiatwroclawrybniksuwalkileborkslupskgdanskostrowwlkptarnobrzegtourismwegrowkrakowglogowyou2pilanysamailwrocinfoagroautobeepshoppriviqhslapypiszlodzcfolksecommerce-shopmazurypulawyskoczowrzeszowpomorskiezgierzkaliszolkuszlowiczostrowiecsosnowiecmazowszewodzislawbialowiezazgorzeleckatowicepabianicejelenia-gorawolominkarpaczsieradznowarudaczeladzkonskowolaskierniewiceswinoujscieturystykabieszczadycieszynketrzynolsztynbialystokbabia-goraprochowicewarszawastalowa-wolapolkowicegorlicegliwiceponiatowalimanowalubartowaugustowkobierzyceopocznognieznoszczytnokolobrzegshoparenapodhalebielskoklodzkostargardcoshipatwithplayitownnamecoorgnetedugovacorgcomproestnetedugovbiznameislaprofinfoprodrechtngrokmedaaaacacpaenglawjurbarenterbarsykeeneticavocatacctcloudnsorgcomsecplonetedugov123paginaweborgcomnetintedugovnomepublidkinbarsygovx443cloudnsorgmilcomnetedugovcooporgmilcomschnetedugovnamecomcannetlibassoaemclantmcontstoreorgcomnomrecwwwbarsyfirminfoshopartsv6stackitmyddnswebspacelima-cityacincooxorgedugovbarsybrendlyhbvpsvpsspectrumlandinghostingacppmordoviamcprecbgorgmilcomspbnetintedumsknovgovbirrasmcdirmytismircloudvladimirnalchikadygeyamarinepyatigorskmyjinobashkiriaeurodirvladikavkazna4ugroznykustanaikalmykiacldmaildagestaniransmbuildcloudcanvaliaravalrwxwixdevelopmentappwritemigrationneedleverceldatabasestackitcodereplravendbsanityonporterlovableaccoorgmilnetgovcoopmedorgcompubschnetedugovservicemecomygovorggovtvmedorgcomnetedugovinfoedgfacbmlonihkutwpsryxzbdtmacfhppmyspreadshopbrandpartiorgcomfhvpress123minsidaitcouldbeworlanbibkommunalforbundfhskiopsyskomvuxkomforbnaturbruksgymnloginlineorgcomnetedugovenscaledeuusentsurgebotdaorgmilcomnetgovnowteleporthashbangbearlyplatformlovablebarsyshopwarebasehoplixbarsyonlinemsf5gitpagewawamscofigma-govgreybullcaffeinefigmacanvaceerosoltstscwputernippybarsysupportchatgptsquareomniweopensocialcpanelplaycodenotionnovecorewpsquaredpreviewjelecyonbyensrhtklivfastvpspieboxconvexmedusajsjouwwebheyflowplatformshdocsflowyloginlinemadethissourcecraftclouderaorgorgcomartedugouvunivmeorgcomnetedugovsurveysstatichfheiyumanusxs4allprojectmyfastubervibehostapp-ionosdeployagentmecoorgcomschnetedugovbizcncostoreorgmilcomneteduembaixadaconsuladokiraranohoprincipesaotomeheliohobarsystorebaseshopwaresellfyaisanityabkhaziavologdamordoviapenzalenugsochinavoiexnetspbmsknovnorth-kazakhstanashgabadkareliaarmeniageorgiavladimirnalchikivanovobukharaadygeyakhakassiakalugakrasnodarjambylaktyubinsktroitskbryanskobninskkurganazerbaijanpokrovskbashkiriatselinogradvladikavkazmurmansktulatuvamangyshlaktashkentchimkentgroznykaragandatermezarkhangelskkustanaikalmykiabalashoveast-kazakhstankaracoldagestantogliattibarsyredorgcomgobedumirenaccoorgjelasticdiscoursecleverappsschacmiincogoornetonlineshopcogoorgmilcomwebnicnetintedugovbiznametestcoorgmilcomnomnetedugovorangecloudpersoindorgcomfinnatnetgovensmincomtourismintlinfox0611orgmilcomnetedugovquickconnectvpnplusnettprequalifymeaddrmyaddrntdllwadlnctvavdrk12orgmilpolbeltelcomwebgennetedutskkepgovbbsbiznameinfocoorgmilcompronetedugovbiznameinfobetter-thanworse-thansakurafromdyndnson-the-webmymailerorgmilurlcomneteduidvgovmydnsgameclubebizmeneacsccogotvorhotelmilmobiinfovodteiflgplkmsmsbcckhincndnvncoztltmkckppzpdprvcvkvlvcrkrkscxuzchernovtsyrivneyaltaodesavolynrovnolutskltdinforgcomnetedugovbizvinnicazhitomirternopilpoltavakropyvnytskyizaporizhzhiasevastopolsebastopoluzhgoroduzhhorodkharkovkharkivvinnytsiakhmelnytskyizaporizhzhecrimeaodessazhytomyrnikolaevcherkassydonetskluganskluhanskkirovogradivano-frankivskchernivtsikrymkievkyivlvivsumyzakarpattiamykolaivcherkasychernigovkhersonchernihivdnipropetrovskdnepropetrovskkhmelnitskiyneacsccogoorusorgmilcomedugovmyspreadshopno-ipbarsybarsyonlinelayershiftnh-servretrosnubapicampaignservicelugaffinitylotteryweeklylotteryraffleentrygluglugsmeaccoindependent-inquestnimsitecopropymntltdorgplcschnetgovnhsbarsyindependent-commissionindependent-reviewpolicepublic-inquiryindependent-panelconnhospindependent-inquiryroyal-commissionoraclegovcloudappscck12libaws-govccphxcclibpvtparochchtrcck12libcceatonk12coglibtecgendstmusann-arborwashtenawcck12glghcck12sealibforksolympiabainbridge-islkeyporthoquiamyarrow-pointcentraliaport-townsendsequimport-ludlowrentonsilverdalebremertonredmondsheltonbellevueport-orchardport-angeleskingstonchehalisaberdeengig-harborseattlepoulsboidmdndsddemenegacalamaiavawapailalflnmdcncscohnhmihiviwiriinmntnmocoutvtctmtgunjokakwvnvprarorasmskstxwynykyazisadninsnngosrvis-byservernamepointtoenscaledland-4-salefreeddnsstuff-4-saleazure-apinoipdatabricksappscloudnsgolffanheliohostazurewebsitesgvorgmilcomgubneteducoorgcomnetd0egvorgmilcomnetedugovmydnsiacostoree12orgmilcomnomwebgobbibrectecnetintedugovraremprendefirminfoartseducok12orgcomnethidnsadidacaionioapsonlahanamhanoicamauhueorgcompronetintedugovbizbacninhtayninhhoabinhnamdinhtravinhhaiphongvinhlonghaiduongquangnamquangtrithuathienhuequangninhbacgianghaugiangquangbinhsoctrangbentrethanhphohochiminhdanangkontumhatinhkhanhhoathanhhoahealthgialailaocaiyenbaibackanngheanlonganphuyenphuthocanthodaklakdongnainameinfovinhphucdongthapkiengiangtiengiangquangngailaichaulangsonlamdongdaknonghagiangangiangcaobangbinhduongninhthuanbinhthuanbaclieuthaibinhninhbinhbinhdinhtuyenquanghungyenbaria-vungtauthainguyendienbienbinhphuocschbizputerorgcomnetedugovcloud66advisormypetsdyndnsxn--8dbq2axn--4dbgdty6cxn--5dbhl8dxn--hebda8bxn--80auxn--d1atxn--c1avgxn--o1acxn--o1achxn--90azhxn--55qx5dxn--uc0atvxn--od0algxn--wcvs22dxn--gmqw5axn--mxtq1mxn--12c1fe0brxn--h3cuzk1dixn--12co0c3b4evaxn--12cfi8ixb8lxn--o3cyx2axn--m3ch0j3axn--j1adpxn--90amcxn--90a1afxn--h1ahnxn--j1ael8bxn--h1alizxn--c1avgxn--j1aefxn--80aaa0cvacxn--41acaffeineexeopentunnelbotdashtelebitorgtmaccoagricorgmilnomwebnicngonetaltedugovlawnisschoolgrondaraccoorgmilcomschnetedugovbizinfoprg1-zeropstritonstackitlimazeropsaccoorgmilgovяспборгкоммскбизмирсамаракрымсочиакодпроргобрупрצהלממשלישובאקדמיהองค์กรธุรกิจรัฐบาลศึกษาทหารเน็ต教育網絡組織公司政府個人닷넷한국澳门新闻澳門联通家電嘉里招聘通販닷컴삼성コムგეбгрфеюadcdbdgdidmdsdtdaebedeeegeiejekemenepereseveyegabacalamanauavapaqasazacfbfafgfnfpfwftfbgcgagggegkgngmgsgpgvgtgugilmlnlalclglplsltlhmimjmkmmmomambmcmdmfmgmzmpmsmtmgbbblbsbecccacnclcmcvctcscmhkhghchbhthphshlinikifigiaibicivisikninhnmncnbngnsnpnvntnjoionomobocoaofodorosotoptstttytatbtetgtithtmtltrusuvuaucueuguhulumunufjdjbjtjsjlkmkhkfkdkcktkukskpkgpmpnpkpjpgqaqmqiqsvtvcvbvmvlvrwpwtwzwbwcwawgwkwmwtrsrprgrfrercrbrarnrmrlrkrirhrwsusrssspsgsesbsaslsmsissxmxaxcxuypysylymykygybycyuztzsznzmzkzdzczbzazελευ世界台灣购物公益点看臺灣网络書籍在线网站手机机构大拿游戏信息台湾谷歌慈善商标香港中国餐厅网址中國商城食品微博政务移动集团公司八卦商店健康网店政府时尚佛山中信娱乐广东企业homedepotengineeringاماراتrepublicankuokgroupversicherungchannelcitadelxn--pgbs0dhxn--b4w605ferdstatebankwebsitexn--mgb9awbf亚马逊淡马锡alibabaxn--ngbc5azdxn--mgbbh1axn--45br5cyltoshibabuildworldcloudtradeguideplacespacedancemoviephoneprimesmilebiblestyleappleazurestoreskypegripexn--l1accdrivelottehorsehouseleasechasereisestadahondaomegaaetnaamicaninjanokiamediadeltavodkaedekaosakapizzaslingemailgmailtirolshelltmallfinallegaltotalhotelamfamforumrehabmusicciticricohcoachwatchboschearthfaithirishmiamiarchidubaiguccipraxiみんなストアセールcanonsalononionnikonepsonkoelngreensevencrownikanoradioaudioweiboglobopromogalloyahoociscorodeovideomangobingotokyovolvolottokyotophotosmartsportquesttrusthyattjetztadultcymrubaidutushuxn--kprw13dubankclickblackmerckgroupsharpcheapnowtvxn--h2brj9cקוםհայоргсрбмонкомбелмкдқазрусукрمصرقطرعربكومdadcfdmedwedredphdthdbidpidkrdmsdltdiceonewmeglemoerwecfageacbanbambaaaammakianraspacpaaxawtfbcgaegongingaigvigorgdogdhlmilrilonlaolloluoljllcalgalnflafltelsrlfrllplkimibmcamcombommomifmabbjcbscbwebcabnabtabmlbpubabcbbcnecincpncllcstcwtcpwcnyckfhbzhovhmoiskiobisbitcifyituipinvinwinxincbnbcnmanfangdnmenrenkpnmtnyunrunfununobiojioriohbogmofooboooooacoecoceongoproartistottnttbbtcateatlatvetpetbetnethktmitfitintjothotgotdotbotprueduicujnjyouinknhktdkappsapgapmapdnptopgopllpjmpzipvipripesqtrvdtvitvdevmovgovhivnrwlawsewnewbmwwownowhowdvrftrmtrsfrbarcartvscrseusawsupsubssbsadsddsldssasbmsmlsxxxboxfoxgmxtjxsextaxbuyflydiysoyjoyskypaydaygayxyzanzbizwebersenerpokerlameractortatarsolarລາວคอมไทยtourslocusnexuslexusgiftsbeatsboatspartspressglassswissकॉमनेटtiresgivescodeshomesgamestunesshoescardswalesloansvegastoolsdealsautosparisファッションworkssucksrocksxeroxforexfedexpartylillymoneystudyrugbytoraytoday中文网xn--unup4y天主教飞利浦新加坡enterprises我爱你嘉里大酒店christmasxn--fct429kholdingsxn--8y0a063axn--mgbx4cd0ablifestyleabogadoallstatenetbankكاثوليكxn--s9brj9cxn--gk3at1ebestbuycharityxn--55qx5dmicrosoftpropertybasketballhomegoodscorsicajewelrygallerygrocerysurgerycountrybrusselsverisignferreroxn--czr694bhdfcbankcommbanksoftbankپاكستانپاکستانnextdirectالسعوديهالعليانxn--h2brj9c8cxn--80adxhksshikshaxn--mgbai9azgqp6jcuisinellabarclayscatholicxn--kpry57dcompanyxn--xhq521bblackfridayxn--mgba3a3ejtsandvikxn--d1acj3bacademydownloadمليسياxn--j1amhxn--w4r85el8fhu5dnraipirangaathletaxn--fhbeixn--mgbqly7cvafrzuerichxn--c2br7gஇலங்கைcontractorsxn--io0a7igraphicsinsurancetemasekxn--xkc2al3hye2amotorcyclesphotographydirectoryplumbingxn--vhquvclothingtrainingcleaningwilliamhilllightingxn--mgba3a4f16ashoppingcateringeducationokinawapicturesventuresproductionsxn--9et52uwalmartഭാരതംsupportrealestatecapitalonexn--nqv7fs00emaauspostfloristdentistxn--qxamgodaddybradescobargainsmitsubishikerryhotelsxn--9dbq2axn--3pxu8kimmobilienxn--fjq720axn--mgbtx2bholidaymckinseymadridbusinessbuildersxn--4gbrimмоскваالسعودیةcoffeedegreelacaixapartnersalsaceofficeabbvievoyageorangegeorgeonlinechromemobilekindlegoogleoraclecircleschulesecureinsurexn--mgba7c0bbn0aestatexn--mgbc0a9azcgcruisehangoutxn--vuq861bxn--42c2d9arexrothfirestoneuniversityxn--nnx388alifeinsuranceextraspaceонлайнvermögensberatersoftwarexn--fiqs8sxn--mgbab2bdxn--w4rs40ltiendaभारतम्africatoyotaotsukasakuracameracreditcardnagoyaconsultingnetworktheatermonsterprogressivepioneerxn--55qw42gracingdatingvotingvikinglivinggivingxn--bck1b9a5dre4cbrotherweatherjoburgفلسطينlplfinancialxn--clchc0ea0b2g2a9gcdfutbolschoolsocialglobaldentalwoodsidechanelairtelmatteltravelrealtorwebcamstreamభారత్unicomalstomxn--nodexn--6frz82gmuseumfurniturexn--rvc1e0am3exn--mix891faccenturexn--11b4c3dismailineustardiscountquebeccomsecclinicservicesxn--y9a3aqxn--c1avgswatchchurchsearchالاردنmarketingcontacthealthmonashshoujisanofitaipeiamericanexpresssuzukiアマゾンクラウドポイントbhartiグーグルxn--mgberp4a5d4armemorialxn--1qqw23alondonmormoninstitutevisionbostonnortoncouponmaisonamazonvirginberlindesigndurbanolayannissananquanhitachikaufengardenreisenbayerntechnologydatsunxn--90a3aclatinocasinostudiophysioxn--ngbe9e0apharmacytattootaobaoaramcoexpertreportabbottdirectselectimamatfairwindspictettargetmarketintuittravelersinsurancecreditdupontryukyusuppliesxn--tckwebnpparibasschmidtmerckmsdyodobashirestaurantbridgestonecricketxn--fpcrj9c3dbostikbroadwayattorneylefrakemerckxn--fiq228c5hscareersfarmerswinnersflowersxn--wgbh1cguitarsxn--54b7fta0ccxn--p1acfmakeupgalluplandroverxn--kcrx77d1x4agoldpointbauhausxn--mgbayh7gpahiphopplaystationxn--mgba3a4fraxn--eckvdtc9dhyundaixn--gckr3f0fistanbulticketsmarketsflightschintaireviewsxn--3e0b707ewindowsxn--fiqz9sfinancialxn--fzys8d69uvgmابوظبيdiscoverreviewবাংলাxn--5su34j936bgsgmoscowobserverapartmentsдетиارامكوсайтeurovisionxn--i1b6b1a6a2exn--xkc2dl3a5ee0hتونسموقعبارتڀارتشبكةعمانبيتكعراقreadkredbondlandbandfundfoodprodgoldfordtubecafesafelifeggeeieeefreefagepagegugezonewinememenamegamesaleablebikenikelikecarecbreherefiresaveloveliveblueartedatesitevotecaseluxebofamodaltdaasdatiaayogasinavanashiaasiajavabbvatevavivadatazaraarpacasavisasncfprofmaifsurfgolfdvagsongbingpingwangkpmggoogblogpohlfailcooldellcalldeallidlsarlfilmteamroomfarmimdbarabclubhdfcicbchsbcgmbhrichtechfishdishcashminiernikddiaudiwikimobitaxicitikiwidesiqponskinloanakdnwienopenporncerntownimmolimoolloinfonicofidolegosaxozeroaerovivoautovotomotofastbestresthostpostnextlgbtchatseatgiftmeetdietreitmintrentgentspotscotguruitausohumenucyoubanklinkpinkdclktalksilkbookseekworkrsvpaarpjeepshopcoophelpcamppccwshowbeerstarruhrflirweirhaircarsparsjprshausplusnewstipstoysjobskidsfanspicsdocsxboxamexsexynavycitysonyarmyallybabyplaydeliverybuzzgbizlamborghiniphilipsලංකාಭಾರತfitnessexpresslanxesspfizercenterwalterlawyersoccercareerkosherbrokerlockerdealerdoctorauthorxn--mgbqly7c0a67fbcvermögensberatungjaguarxn--pssy2uxn--hxt814eflickrrepairrogersairbusxn--mgbai9a5eva00beventsyachtsxn--t60b56aভাৰতভারতभारतभारोतviajeshermeshughesxn--j1aefसंगठनvillasଭାରତclaimshotelsભારતzapposphotosjuegoscondostatamotorsgratistennisਭਾਰਤtkmaxxtjmaxxschaeffleryandexxn--80aswgrealtysafetybeautyluxuryxn--3ds443gsupplyfamilyxn--o3cw4hhockeysydneyxn--90aenissayalipayenergycomputeragencyxn--rovu88b電訊盈科xn--gecrj9cstatefarmaccountantaquarelleolayangroup香格里拉xn--p1ai组织机构xn--1ck2e1bxn--mgbt3dhdschwarzموريتانياabudhabinowruzkomatsufujitsuhospitalxn--80asehdbxn--mgbtf8flxn--j6w193gxn--yfro4i67oprudentialxn--flw351ecruisescoursesrecipesxn--e1a4cferrarixn--ses554gxn--wgbl6awatchesstaplessinglesxn--mgbcpq6gpa1axn--otu796dpropertiescreditunionxn--mgbah1a3hjkrdstockholmhisamitsuالسعوديةstcgroupdomainsoriginscouponsbloombergclubmedfroganslimitedxn--80aqecdr1aexposedinternationalequipmentbarclaycardxn--q7ce6axn--mgbi4ecexpprotectionassociatesconstructionxn--cck2b3bxn--45q11candroidfoundationישראלxn--mgbca7dzdocliniqueboutiqueengineerxn--qxa6asystemsfirmdalefashionauctionxn--nqv7finfinitirentalsreliancetradingweddingfishinghostinggentingbookingcookingxn--3hcrj9cgraingerxn--czrs0tdemocratsamsungyokohamaxn--h2breg3evexn--nyqy26alundbeckmelbournevacationssolutionsfrontierxn--vermgensberatung-pwbmanagementxn--cg4bkixn--mgb2ddeslincolnhamburgsandvikcoromantblockbusterairforcebarefootxn--4dbrk0ceinvestmentsfeedbackcommunityxn--ngbrxالبحرينdiamondsamsterdamhealthcareredumbrellaxn--mxtq1mxn--2scrj9cagakhanxn--mgbpl2fhкатоликcaravanசிங்கப்பூர்richardlimortgageamericanfamilyxn--fzc2c9e2cscholarshipssaarlandxn--imr513nvlaanderensamsclubgoodyearkitchenஇந்தியாweatherchannelallfinanzxn--kput3iالسعودیۃxn--90aisxn--efvy88hالجزائرxn--mgbaam7a8hexchangejpmorganxn--tiq49xqyjfidelitysecurityxn--mk1bu44cwanggouxn--fiq64bxn--6qq986b3xlxn--mgbbh1a71exn--80ao21amarshallsxn--5tzm5gtravelerspanasoniclatrobeyoutubeaccountantsxn--rhqv96gxn--cckwcxetdanalyticsxn--ygbi2ammxبازاربھارتسوريةorganicfreseniusسورياxn--9krt00axn--qcka1pmcxn--jlq480n2rgdeloittesciencefinancexn--jvr189mxn--30rr7yhomesensehotmailbaseballfootballleclercboehringerxn--q9jyb4cxn--mix082fاليمنهمراهpolitieسودانايرانایرانnetflixyamaxunxn--lgbbat1ad8jcollegestoragecapetowncolognekerrypropertiesxn--mgbgu82axn--ogbpf8flxn--czru2dwhoswhociprianilasallexn--g2xx48cforsalebanamexaudiblexn--vermgensberater-ctbxn--zfr164bericssonvanguardxn--45brj9cindustriestheatremarriottxn--3bst00mcomparexn--mgberp4a5d4a87gcapitaldigitalالمغربbarcelonashangrilaxn--d1alfcalvinkleinwwwcitysapporokawasakinagoyasendaikobekitakyushuyokohamackjp";
const rulesRoot = 668;
const exceptionsRoot = 672;

// NOTE: kept (intentionally) near-identical to packages/tldts-icann/src/suffix-trie.ts.
// They are separate copies rather than a shared helper because the lookup is
// only fast when the typed arrays are module-scope monomorphic globals —
// closing over them (a shared factory) measured ~20% slower. The ICANN build
// also specializes (constant mask, no isIcann/isPrivate). Keep the two in sync.
// `charCodeAt.call(hostname, i)`, not `hostname.charCodeAt(i)`: see
// `is-valid.ts` in tldts-core.
// eslint-disable-next-line @typescript-eslint/unbound-method
const charCodeAt = String.prototype.charCodeAt;
// `edgeOffset` (where each label starts in `labelText`), `edgeHash` (djb2 of
// each label) and `wildcardEdge` (each node's '*' edge, or -1) are derived once
// at load instead of being shipped: the bundle then carries only the
// compressible `labelText` + structure, while the lookup binary-searches
// integer hashes. The cost is a single ~1ms pass at first import — cheaper than
// the object trie it replaces. Kept at module scope (not captured in a closure)
// so V8 treats the typed arrays as fast monomorphic globals.
const numberOfNodes = nodeFlags.length;
const numberOfEdges = edgeLength.length;
const edgeOffset = new Uint32Array(numberOfEdges);
const edgeHash = new Uint32Array(numberOfEdges);
const wildcardEdge = new Int32Array(numberOfNodes).fill(-1);
for (let node = 0, offset = 0; node < numberOfNodes; node += 1) {
    for (let edge = edgeStart[node]; edge < edgeStart[node + 1]; edge += 1) {
        edgeOffset[edge] = offset;
        const end = offset + edgeLength[edge];
        let hash = 5381;
        for (let i = end - 1; i >= offset; i -= 1) {
            hash = (hash * 33) ^ labelText.charCodeAt(i);
        }
        edgeHash[edge] = hash >>> 0;
        if (edgeLength[edge] === 1 &&
            labelText.charCodeAt(offset) === 42 /* '*' */) {
            wildcardEdge[node] = edge;
        }
        offset = end;
    }
}
// Result of the last `walk`, kept in module scope to avoid allocating a match
// object. Safe because lookups are synchronous and read right after `walk`.
let matchNode = -1;
let matchStart = 0;
let matchEnd = 0;
/**
 * True if edge `edge`'s label equals `hostname[start, start + length)`.
 */
function labelEquals(edge, hostname, start, length) {
    if (edgeLength[edge] !== length) {
        return false;
    }
    const offset = edgeOffset[edge];
    for (let i = 0; i < length; i += 1) {
        if (labelText.charCodeAt(offset + i) !== hostname.charCodeAt(start + i)) {
            return false;
        }
    }
    return true;
}
/**
 * Find the child edge of `node` whose label is `hostname[start, start + length)`.
 * Edges are sorted by hash, so binary-search the hash then verify the label
 * (scanning the rare run of equal hashes). Returns the edge index or -1.
 */
function findEdge(node, hash, hostname, start, length) {
    let lo = edgeStart[node];
    let hi = edgeStart[node + 1];
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const value = edgeHash[mid];
        if (value < hash) {
            lo = mid + 1;
        }
        else if (value > hash) {
            hi = mid;
        }
        else {
            for (let e = mid; e >= lo && edgeHash[e] === hash; e -= 1) {
                if (labelEquals(e, hostname, start, length))
                    return e;
            }
            for (let e = mid + 1; e < hi && edgeHash[e] === hash; e += 1) {
                if (labelEquals(e, hostname, start, length))
                    return e;
            }
            return -1;
        }
    }
    return -1;
}
/**
 * Walk `hostname`'s labels right-to-left from `root`, recording the deepest
 * node whose flag passes `allowedMask` (with the label boundaries of that match
 * in `matchStart`/`matchEnd`). Returns whether any match was found.
 * An empty label (leading dot or `..`) never matches a `*` edge.
 */
function walk(hostname, root, allowedMask) {
    let node = root;
    let end = hostname.length;
    let hash = 5381;
    matchNode = -1;
    for (let i = hostname.length - 1; i >= 0; i -= 1) {
        const code = charCodeAt.call(hostname, i);
        if (code === 46 /* '.' */) {
            const start = i + 1;
            let edge = findEdge(node, hash >>> 0, hostname, start, end - start);
            if (edge === -1 && end !== start) {
                edge = wildcardEdge[node];
            }
            if (edge === -1) {
                return matchNode !== -1;
            }
            node = edgeChild[edge];
            if ((nodeFlags[node] & allowedMask) !== 0) {
                matchNode = node;
                matchStart = start;
                matchEnd = end;
            }
            end = i;
            hash = 5381;
        }
        else {
            hash = (hash * 33) ^ code;
        }
    }
    // Left-most label: hostname[0, end). Same find/descend/record as the loop —
    // duplicated rather than folded into the loop (via `i >= -1`) because that
    // extra per-character branch measured slightly slower on the hot path.
    let edge = findEdge(node, hash >>> 0, hostname, 0, end);
    if (edge === -1 && end !== 0) {
        edge = wildcardEdge[node];
    }
    if (edge !== -1) {
        node = edgeChild[edge];
        if ((nodeFlags[node] & allowedMask) !== 0) {
            matchNode = node;
            matchStart = 0;
            matchEnd = end;
        }
    }
    return matchNode !== -1;
}
/**
 * Check if `hostname` has a valid public suffix in the trie.
 */
function suffixLookup(hostname, options, out) {
    if (fastPathLookup(hostname, options, out)) {
        return false;
    }
    const allowedMask = (options.allowPrivateDomains ? 2 /* RULE_TYPE.PRIVATE */ : 0) |
        (options.allowIcannDomains ? 1 /* RULE_TYPE.ICANN */ : 0);
    // Exceptions have priority and strip their own left-most label (e.g. the
    // rule '!www.ck' makes the suffix of 'www.ck' be 'ck').
    if (walk(hostname, exceptionsRoot, allowedMask)) {
        out.isIcann = (nodeFlags[matchNode] & 1 /* RULE_TYPE.ICANN */) !== 0;
        out.isPrivate = (nodeFlags[matchNode] & 2 /* RULE_TYPE.PRIVATE */) !== 0;
        out.publicSuffix = hostname.slice(matchEnd + 1);
        return true;
    }
    if (walk(hostname, rulesRoot, allowedMask)) {
        out.isIcann = (nodeFlags[matchNode] & 1 /* RULE_TYPE.ICANN */) !== 0;
        out.isPrivate = (nodeFlags[matchNode] & 2 /* RULE_TYPE.PRIVATE */) !== 0;
        out.publicSuffix = hostname.slice(matchStart);
        return false;
    }
    // No match: the prevailing '*' rule makes the right-most label the suffix.
    out.isIcann = false;
    out.isPrivate = false;
    const lastDot = hostname.lastIndexOf('.');
    out.publicSuffix = lastDot === -1 ? hostname : hostname.slice(lastDot + 1);
    return false;
}

function parse(url, options) {
    return parseImpl(url, 5 /* FLAG.ALL */, suffixLookup, options, getEmptyResult());
}

/**
 * The host rules of SPEC section 3 as data: which schemes reach the network, which dotted
 * names are code, files or properties rather than hosts, and which hosts are identifiers.
 */
/** Schemes whose authority is a network host. Others (file:, content:, ...) never are. */
const NETWORK_SCHEMES = new Set([
    'http', 'https', 'ws', 'wss', 'ftp', 'ftps', 'sftp', 'tftp', 'rtsp', 'rtsps', 'rtmp', 'rtmps', 'mqtt', 'mqtts',
    'coap', 'coaps', 'tcp', 'udp', 'tls', 'ssl', 'smtp', 'smtps', 'imap', 'imaps', 'pop3', 'pop3s', 'ldap', 'ldaps',
    'ssh', 'telnet', 'xmpp', 'sip', 'sips', 'stun', 'stuns', 'turn', 'turns', 'grpc', 'grpcs', 'ntp', 'nntp', 'gopher',
    'irc', 'ircs', 'git', 'svn', 'dns', 'socks', 'socks4', 'socks5', 'quic', 'h2', 'h3', 'webdav', 'wap',
]);
/** Unencrypted schemes: data sent to these hosts crosses the network in clear text. */
const CLEARTEXT_SCHEMES = new Set([
    'http', 'ws', 'ftp', 'tftp', 'rtsp', 'rtmp', 'mqtt', 'coap', 'tcp', 'udp', 'smtp', 'imap', 'pop3', 'ldap',
    'telnet', 'xmpp', 'sip', 'ntp', 'nntp', 'gopher', 'irc', 'git', 'svn', 'dns', 'webdav', 'wap',
]);
/**
 * First labels of Java/Kotlin/Android package and class names (`com.google.android`,
 * `java.lang.String`, `android.app.Activity`). A bare dotted name starting with one of these is
 * code, not a host.
 */
const CODE_ROOTS = new Set([
    'com', 'org', 'net', 'edu', 'gov', 'mil', 'androidx', 'java', 'javax', 'jdk', 'sun', 'kotlin', 'kotlinx', 'dalvik',
    'libcore', 'junit', 'okhttp3', 'okio', 'retrofit2', 'scala', 'groovy', 'lombok', 'dagger', 'butterknife',
]);
/**
 * `android.` starts both package names (`android.app`) and real hosts
 * (`android.clients.google.com`): such a name is a host only when it ends in one of these.
 */
const HOST_ENDINGS_AFTER_ANDROID = new Set(['com', 'net', 'org', 'cn']);
/**
 * Top-level domains a bare name (no scheme) may end in: every two-letter country code plus the
 * classic generic ones. Newer generic TLDs (`.app`, `.style`, `.name`, `.map`) collide with code
 * (`this.app`, `e.name`); names ending in them count only after a scheme or when catalogued or
 * policy-listed.
 */
const BARE_GENERIC_TLDS = new Set(['com', 'net', 'org', 'edu', 'gov', 'mil', 'int', 'biz', 'eu']);
/**
 * Country codes that are also common words or identifiers in code (`image.id`, `this.is`,
 * `foo.to`, `log.md`): a two-label bare name ending in one is code, not a host. Longer names
 * (`api.acme.co.id`, `app.example.it`) still count.
 */
const CODE_LIKE_CCTLDS = new Set([
    'id', 'in', 'is', 'it', 'to', 'do', 'me', 'my', 'no', 'so', 'at', 'by', 'as', 'be', 'am', 'us', 'on', 'or', 'if',
    'sh', 'rs', 'pl', 'py', 'cc', 'md', 'gb', 'bg', 'ba', 'bi', 'mn', 'ni', 'sy', 'az', 'ir', 'nu', 'ai', 'io', 'tv',
    'fm', 'ly', 'im', 'gg', 'xy', 'yt', 'ws', 'la', 'ps', 'ms', 'mk', 'cx', 'ax', 'ac', 'al', 'an', 'cs',
]);
/**
 * Dotted quads with a first octet below 10 are mostly version numbers (`2.12.9.2`); without a
 * scheme or port they count only when they are well-known resolvers.
 */
const LOW_IPV4_ALLOWED = new Set(['1.1.1.1', '1.0.0.1', '1.2.4.8', '8.8.8.8', '8.8.4.4', '9.9.9.9', '4.2.2.1', '4.2.2.2']);
/** First labels that are code receivers in minified JavaScript or Java (`this.id`, `e.data`). */
const CODE_RECEIVERS = new Set([
    'this', 'self', 'window', 'document', 'super', 'that', 'obj', 'el', 'it', 'item', 'data', 'json', 'args', 'options',
    'opts', 'props', 'state', 'ctx', 'context', 'event', 'node', 'res', 'req', 'result', 'response', 'request', 'err',
    'error', 'value', 'key', 'list', 'map', 'array', 'object', 'string', 'number', 'math', 'console', 'module', 'exports',
    'require', 'global', 'navigator', 'location', 'history', 'screen', 'parent', 'frames', 'prototype', 'config',
]);
/** Second-level labels that, after a two-letter country label, make a reversed domain (`cn.com.x`). */
const REVERSED_SECOND_LEVEL = new Set(['com', 'net', 'org', 'gov', 'edu', 'ac', 'co', 'or', 'ne', 'go']);
/** First labels of Android system property names (`ro.cda.skuid.id`, `persist.radio.x`). */
const PROPERTY_ROOTS = new Set([
    'ro', 'persist', 'sys', 'debug', 'init', 'ctl', 'ril', 'gsm', 'dalvik', 'pm', 'vold', 'hwservicemanager', 'cda',
    'selinux', 'vts', 'apexd', 'bootreceiver', 'renderthread', 'vendor', 'odm', 'system_ext', 'external_storage',
]);
/**
 * File extensions that are also (or look like) top-level domains: `config.json`, `libfoo.so`,
 * `update.zip`, `README.md`. A bare dotted name ending in one is a file name.
 */
const FILE_EXTENSIONS = new Set([
    'json', 'xml', 'so', 'apk', 'apex', 'capex', 'jar', 'zip', 'txt', 'md', 'png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp',
    'svg', 'ico', 'html', 'htm', 'js', 'mjs', 'css', 'java', 'kt', 'kts', 'class', 'dex', 'odex', 'vdex', 'oat', 'art',
    'bin', 'img', 'prop', 'rc', 'conf', 'cfg', 'ini', 'log', 'db', 'sqlite', 'properties', 'pem', 'crt', 'cer', 'der',
    'key', 'pk8', 'x509', 'mk', 'bp', 'sh', 'py', 'rb', 'lua', 'c', 'h', 'cpp', 'hpp', 'mp3', 'mp4', 'm4a',
    'ogg', 'wav', 'flac', 'aac', 'amr', 'avi', 'mkv', 'mov', 'ttf', 'otf', 'dat', 'ko', 'yaml', 'yml', 'pb', 'proto',
    'tmp', 'bak', 'gz', 'xz', 'bz2', 'zst', 'lz4', 'tar', 'tgz', 'pdf', 'csv', 'tsv', 'arsc', 'mf', 'sf', 'rsa', 'dsa',
    'ec', 'smali', 'aidl', 'hal', 'te', 'cil', 'fc', 'policy', 'mbn', 'elf', 'hex', 'fw', 'ucode', 'tflite', 'onnx',
    'pak', 'obb', 'vpk', 'nomedia', 'cache', 'lock', 'pid', 'sock', 'esim', 'sig', 'asc', 'gpg', 'p12', 'pfx', 'bks',
    'jks', 'keystore', 'dtb', 'dtbo', 'map', 'o', 'a', 'lib', 'dll', 'exe', 'sys', 'inf', 'cab', 'msi', 'dmg', 'iso',
    'go', 'swift', 'ts', 'tsx', 'jsx', 'vue', 'php', 'asp', 'aspx', 'jsp', 'cgi', 'action', 'tex',
    'rtf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'epub', 'woff', 'woff2', 'eot', 'glsl', 'spv', 'frag',
    'vert', 'shader', 'atlas', 'plist', 'rules', 'lst', 'list', 'out', 'err', 'diff', 'patch', 'orig', 'rej', 'swp',
    'new', 'old', 'prev', 'default', 'conf', 'service', 'target', 'socket', 'mount', 'timer', 'desktop',
]);
/**
 * Identifier hosts: XML namespaces, schema and DTD locations, licence texts. They appear in
 * almost every build and are not contacted; kept in the inventory as `ignored`.
 */
const IDENTIFIER_HOSTS = new Set([
    'schemas.android.com', 'www.w3.org', 'w3.org', 'schemas.xmlsoap.org', 'ns.adobe.com', 'xmlpull.org',
    'www.xmlpull.org', 'purl.org', 'schemas.microsoft.com', 'schemas.openxmlformats.org', 'java.sun.com',
    'xml.org', 'www.xml.org', 'xmlns.com', 'www.apache.org', 'apache.org', 'www.gnu.org', 'gnu.org', 'opensource.org',
    'www.opensource.org', 'creativecommons.org', 'www.openmobilealliance.org', 'www.wapforum.org', 'ns.google.com',
    'xmlns.jcp.org', 'www.unicode.org', 'unicode.org', 'json-schema.org', 'relaxng.org',
]);

/**
 * Endpoint extraction from raw bytes: hosts, IPv4/IPv6 literals and SMS numbers, following the
 * host rules of SPEC section 3. Candidates come from one WebAssembly SIMD pass per 64 KiB block
 * (scan-block.ts: dotted tokens past the byte-level checks, `://[`, digit runs), or where
 * WebAssembly is missing from literal searches (`indexOf` of '.' and '://') and byte loops;
 * never from a regular expression over every byte. Only candidates are validated. Bytes are
 * read as ASCII: hosts are ASCII, and UTF-8 multi-byte sequences never contain ASCII bytes, so
 * decoding is not needed.
 */
/** True when the sink would drop a hit of (kind, value) found under `base`: skip it. */
function dropped(sink, kind, value, base) {
    return sink.saturated !== undefined && sink.saturated(base.path) && !sink.lists(kind, value, base.path);
}
const DOT = 0x2e;
const URL_SEP = Buffer.from('://', 'latin1');
// Byte classes: 1 = host byte (letter, digit, '-', '.'), 2 = scheme byte (adds '+').
const HOST = new Uint8Array(256);
for (let c = 0x30; c <= 0x39; c++)
    HOST[c] = 1;
for (let c = 0x41; c <= 0x5a; c++)
    HOST[c] = 1;
for (let c = 0x61; c <= 0x7a; c++)
    HOST[c] = 1;
HOST[0x2d] = 1;
HOST[0x2e] = 1;
const IS_DIGIT = (c) => c >= 0x30 && c <= 0x39;
const IS_ALNUM = (c) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const HAS_UPPER = /[A-Z]/;
const MAX_TOKEN = 253;
/** Printable ASCII: the characters of UTF-16 text that are copied to be scanned (scanWide). */
const TEXT = new Uint8Array(256).fill(1, 0x20, 0x7f);
/**
 * Where UTF-16LE text may hold an endpoint in buf[start, end), in order (bytes outside the range
 * read as zeros): each dot between host characters (`h 0 . 0 h 0`), and the first of each run of
 * at least `minDigits` digits each followed by a zero byte. The JavaScript path's candidates, and
 * the reference the module's are tested against (the scanner takes the same runs from either).
 */
function wideCandidates(buf, start, end, minDigits) {
    const k = digitsAsked(minDigits);
    const at = (i) => (i >= start && i < end ? buf[i] : 0);
    const dots = [];
    for (let d = buf.indexOf(DOT, start); d >= 0 && d < end; d = buf.indexOf(DOT, d + 1)) {
        if (at(d - 1) === 0 && at(d + 1) === 0 && at(d + 3) === 0 && HOST[at(d - 2)] === 1 && HOST[at(d + 2)] === 1)
            dots.push(d);
    }
    const digits = [];
    const wideDigit = (i) => IS_DIGIT(at(i)) && at(i + 1) === 0;
    for (let i = start; i < end; i++) {
        if (!wideDigit(i) || wideDigit(i - 2))
            continue;
        let n = 1;
        while (n < k && wideDigit(i + 2 * n))
            n++;
        if (n >= k)
            digits.push(i);
    }
    return mergeSorted(dots, digits);
}
/** Two ascending lists as one. */
function mergeSorted(a, b) {
    if (!b.length)
        return a;
    if (!a.length)
        return b;
    const out = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length)
        out.push(j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++]);
    return out;
}
/** True when text[0, n) (a run of UTF-16 text, one byte a character) has a dot between host characters or `minDigits` digits in a row. */
function holdsEndpoint(text, n, minDigits) {
    const k = digitsAsked(minDigits);
    let digits = 0;
    for (let i = 0; i < n; i++) {
        const c = text[i];
        if (IS_DIGIT(c)) {
            if (++digits >= k)
                return true;
            continue;
        }
        digits = 0;
        if (c === DOT && i > 0 && i + 1 < n && HOST[text[i - 1]] === 1 && HOST[text[i + 1]] === 1)
            return true;
    }
    return false;
}
/** The longest IPv6 literal in a URL: 45 characters (`ffff:...:255.255.255.255`, RFC 4291). */
const MAX_IPV6_LITERAL = 45;
/** A first label of at most 7 ASCII bytes as a number: each byte in turn, 7 bits each. */
function labelCode(label) {
    let code = 0;
    for (let i = 0; i < label.length; i++)
        code = code * 128 + label.charCodeAt(i);
    return code;
}
/** CODE_ROOTS and PROPERTY_ROOTS of up to 7 bytes, by labelCode (longer ones cannot match here). */
const ROOT_CODES = new Set([...CODE_ROOTS, ...PROPERTY_ROOTS].filter((r) => r.length <= 7 && /^[\x01-\x7f]+$/.test(r)).map(labelCode));
/** True for a canonical dotted-quad IPv4 (no leading zeros, each 0-255). */
function isCanonicalIpv4(s) {
    return s.length <= 15 && /^[0-9.]+$/.test(s) && isCanonicalIpv4Bytes(Buffer.from(s, 'latin1'), 0, s.length);
}
/** isCanonicalIpv4 of the bytes buf[a, b), without making a string (the scanner's hot path). */
function isCanonicalIpv4Bytes(buf, a, b) {
    let parts = 0;
    let i = a;
    while (i <= b) {
        let v = 0;
        let n = 0;
        const s = i;
        while (i < b && buf[i] >= 0x30 && buf[i] <= 0x39) {
            v = v * 10 + (buf[i++] - 0x30);
            n++;
        }
        if (n === 0 || n > 3 || v > 255 || (n > 1 && buf[s] === 0x30))
            return false;
        parts++;
        if (i === b)
            return parts === 4;
        if (buf[i] !== DOT)
            return false;
        i++;
    }
    return false;
}
/**
 * Syntax of a DNS name: 2+ labels of 1-63 lower-case letters, digits and inner hyphens, at most
 * 253 bytes; the last label 2+ letters or `xn--` and more. One pass over the characters (no
 * split, no regular expression: it runs for every URL host candidate).
 */
function isHostSyntax(name) {
    const n = name.length;
    if (n > MAX_TOKEN)
        return false;
    let labels = 0;
    let start = 0;
    let alpha = true; // the current label has letters only
    for (let i = 0; i <= n; i++) {
        const c = i < n ? name.charCodeAt(i) : DOT;
        if (c === DOT) {
            const len = i - start;
            if (len < 1 || len > 63 || name.charCodeAt(start) === 0x2d || name.charCodeAt(i - 1) === 0x2d)
                return false;
            labels++;
            if (i < n) {
                start = i + 1;
                alpha = true;
            }
        }
        else if (c >= 0x61 && c <= 0x7a) ;
        else if ((c >= 0x30 && c <= 0x39) || c === 0x2d) {
            alpha = false;
        }
        else {
            return false;
        }
    }
    if (labels < 2)
        return false;
    return (alpha && n - start >= 2) || (n - start > 4 && name.startsWith('xn--', start));
}
/** FNV-1a, 32 bits: the hash of the byte-keyed tables below (KnownHostBytes, BareNameCache). */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/**
 * The catalogued and policy hosts, found by the bytes of a token whatever the case of its letters
 * (the scanner lower-cases a token before it compares it with them): a token of no host's length
 * is told apart by one array read, one of a host's length by a hash of its bytes and a compare,
 * and neither makes a string. Only hosts of printable ASCII are held: a token never holds another
 * byte, so no other host can be one.
 */
/** The longest scheme scanned back over before "://" (RFC 3986 sets none; real ones are under 20 bytes). */
const MAX_SCHEME = 64;
class KnownHostBytes {
    /** 1 at the length of a held host. */
    lengths = new Uint8Array(MAX_TOKEN + 1);
    mask;
    hashes;
    /** Index of each slot's host in `names`, plus one (0: an empty slot). */
    slots;
    names = [];
    constructor(hosts) {
        const held = [...new Set(hosts)].filter((h) => h.length > 0 && h.length <= MAX_TOKEN && /^[\x21-\x7e]+$/.test(h));
        let size = 16;
        while (size < 2 * held.length)
            size *= 2;
        this.mask = size - 1;
        this.hashes = new Int32Array(size);
        this.slots = new Int32Array(size);
        for (const h of held) {
            const bytes = Buffer.from(h, 'latin1');
            const hash = KnownHostBytes.hash(bytes, 0, bytes.length);
            let slot = hash & this.mask;
            while (this.slots[slot] !== 0)
                slot = (slot + 1) & this.mask;
            this.names.push(h);
            this.hashes[slot] = hash;
            this.slots[slot] = this.names.length;
            this.lengths[h.length] = 1;
        }
    }
    /** FNV-1a of buf[a, b) with A-Z read as a-z. */
    static hash(buf, a, b) {
        let h = FNV_OFFSET;
        for (let i = a; i < b; i++) {
            const c = buf[i];
            h = Math.imul(h ^ (c >= 0x41 && c <= 0x5a ? c | 0x20 : c), FNV_PRIME);
        }
        return h;
    }
    /** The held host equal to buf[a, b) lower-cased (A-Z only), or undefined. */
    find(buf, a, b) {
        const len = b - a;
        if (len > MAX_TOKEN || this.lengths[len] === 0)
            return undefined;
        const h = KnownHostBytes.hash(buf, a, b);
        for (let slot = h & this.mask;; slot = (slot + 1) & this.mask) {
            const at = this.slots[slot];
            if (at === 0)
                return undefined;
            if (this.hashes[slot] !== h)
                continue;
            const name = this.names[at - 1];
            if (name.length !== len)
                continue;
            let i = 0;
            for (; i < len; i++) {
                const c = buf[a + i];
                if ((c >= 0x41 && c <= 0x5a ? c | 0x20 : c) !== name.charCodeAt(i))
                    break;
            }
            if (i === len)
                return name;
        }
    }
}
/**
 * bareNameToHost memoised by the bytes of the name: the same names recur across APKs (most
 * lookups in a build are repeats), and a repeat costs a hash and a compare of its bytes, without
 * a string or a Map lookup. Open addressing over typed arrays; cleared when it holds
 * `maxEntries` names.
 */
class BareNameCache {
    maxEntries;
    mask;
    /**
     * Three words per slot, side by side so that a probe reads one cache line: the name's hash,
     * where it starts in the arena plus one (0: an empty slot), and its length.
     */
    table;
    results;
    arena = new Uint8Array(1 << 16);
    used = 0;
    count = 0;
    /** `slots`: the table's first size, a power of two (it doubles at half full). */
    constructor(maxEntries = 200_000, slots = 1 << 15) {
        this.maxEntries = maxEntries;
        this.mask = slots - 1;
        this.table = new Int32Array(3 * slots);
        this.results = new Array(slots).fill(null);
    }
    /** bareNameToHost(buf[a, b) as latin1). */
    lookup(buf, a, b) {
        if (b - a > MAX_TOKEN)
            return undefined; // no host is longer
        let h = FNV_OFFSET;
        for (let i = a; i < b; i++)
            h = Math.imul(h ^ buf[i], FNV_PRIME);
        const len = b - a;
        const { table, arena, mask } = this;
        for (let slot = h & mask;; slot = (slot + 1) & mask) {
            const t = 3 * slot;
            const at = table[t + 1];
            if (at === 0)
                break;
            if (table[t] !== h || table[t + 2] !== len)
                continue;
            let i = 0;
            while (i < len && arena[at - 1 + i] === buf[a + i])
                i++;
            if (i === len)
                return this.results[slot] ?? undefined;
        }
        const name = buf.toString('latin1', a, b);
        const host = bareNameToHost(name);
        this.insert(h, buf, a, b, host ?? null);
        return host;
    }
    insert(h, buf, a, b, result) {
        if (this.count >= this.maxEntries)
            this.clear();
        if (2 * (this.count + 1) > this.results.length)
            this.grow();
        const len = b - a;
        if (this.used + len > this.arena.length) {
            const bigger = new Uint8Array(Math.max(2 * this.arena.length, this.used + len));
            bigger.set(this.arena.subarray(0, this.used));
            this.arena = bigger;
        }
        this.arena.set(buf.subarray(a, b), this.used);
        let slot = h & this.mask;
        while (this.table[3 * slot + 1] !== 0)
            slot = (slot + 1) & this.mask;
        this.table[3 * slot] = h;
        this.table[3 * slot + 1] = this.used + 1;
        this.table[3 * slot + 2] = len;
        this.results[slot] = result;
        this.used += len;
        this.count++;
    }
    grow() {
        const { table, results } = this;
        const size = 2 * results.length;
        this.mask = size - 1;
        this.table = new Int32Array(3 * size);
        this.results = new Array(size).fill(null);
        for (let i = 0; i < results.length; i++) {
            const at = table[3 * i + 1];
            if (at === 0)
                continue;
            let slot = table[3 * i] & this.mask;
            while (this.table[3 * slot + 1] !== 0)
                slot = (slot + 1) & this.mask;
            this.table[3 * slot] = table[3 * i];
            this.table[3 * slot + 1] = at;
            this.table[3 * slot + 2] = table[3 * i + 2];
            this.results[slot] = results[i];
        }
    }
    clear() {
        this.table.fill(0);
        this.results.fill(null);
        this.used = 0;
        this.count = 0;
    }
    /** How many names it holds. */
    get size() {
        return this.count;
    }
}
/**
 * Decides whether a bare dotted name (no scheme before it, not catalogued) is a host.
 * `name` is as found (case kept); returns the lower-cased host or undefined.
 */
function bareNameToHost(name) {
    if (HAS_UPPER.test(name))
        return undefined; // Java classes, constants, mixed-case code
    if (!isHostSyntax(name))
        return undefined;
    const labels = name.split('.');
    const first = labels[0];
    const last = labels[labels.length - 1];
    if (FILE_EXTENSIONS.has(last))
        return undefined;
    if (CODE_ROOTS.has(first) || PROPERTY_ROOTS.has(first))
        return undefined;
    if (first === 'android' && !HOST_ENDINGS_AFTER_ANDROID.has(last))
        return undefined;
    if (first.length === 2 && labels.length > 2 && REVERSED_SECOND_LEVEL.has(labels[1]))
        return undefined;
    if (labels.length === 2 && (first.length < 3 || CODE_RECEIVERS.has(first) || CODE_LIKE_CCTLDS.has(last)))
        return undefined;
    if (last.length !== 2 && !BARE_GENERIC_TLDS.has(last))
        return undefined;
    // `u.4.az`: a numeric inner label is code; a numeric first label is fine (`2.android.pool.ntp.org`).
    if (labels.some((l, i) => i > 0 && /^\d+$/.test(l)))
        return undefined;
    const d = parse(name, { extractHostname: false, validateHostname: false });
    if (!(d.isIcann || d.isPrivate) || !d.domainWithoutSuffix)
        return undefined;
    return name;
}
/**
 * `{ ...base, offset }`, with the same keys in the same order, made without a spread: it is made
 * for every hit.
 */
function evidenceAt(base, offset) {
    return base.entry === undefined ? { path: base.path, source: base.source, offset } : { path: base.path, entry: base.entry, source: base.source, offset };
}
/** Bare names seen by this thread's scanners, with their verdicts. */
const bareNames = new BareNameCache();
class EndpointScanner {
    known;
    /** The shortest digit run that can be an SMS number worth reporting (SP numbers have 8+). */
    smsMinLength;
    /** Catalogued and policy hosts, by the bytes of a token. */
    knownBytes;
    /** Lengths of catalogued and policy SMS numbers, the same way. */
    smsLengths;
    engine;
    /** Where UTF-16 text is copied one byte a character to be scanned (scanWide). */
    wideText = Buffer.alloc(0);
    /**
     * While UTF-16 text is scanned: a name or an IPv4 address without a scheme (or a port, for an
     * address) is taken only when the catalog or the policy lists it. ICU's locale data alone, in
     * every Android build, holds thousands of dotted words and versions in UTF-16 (`h.mm.ss`,
     * `des.qa`, `72.1.0.0`) that the bare-name rules would take for hosts.
     */
    inWideText = false;
    constructor(known, options = {}) {
        this.known = known;
        this.knownBytes = new KnownHostBytes(known.hosts);
        this.smsLengths = new Set([...known.sms].map((n) => n.length));
        let min = 8;
        for (const n of known.sms)
            min = Math.min(min, n.length);
        this.smsMinLength = min;
        this.engine = options.wasm === false ? null : scanBlockEngine();
    }
    /** True when this scanner finds candidates with the WebAssembly module. */
    get usesWasm() {
        return this.engine !== null;
    }
    /** Scans `buf[start, end)`; `base` + (position - baseShift) becomes each hit's evidence. */
    scan(buf, start, end, base, sink, offsetOf = (p) => p, window) {
        if (end <= start)
            return;
        // Chunked callers scan a window with context on both sides and keep only the tokens that
        // start inside [from, to): a token cut by a chunk boundary is reported once, whole.
        const bounded = !window
            ? sink
            : {
                add: (h) => {
                    const o = h.evidence.offset ?? 0;
                    if (o >= offsetOf(window.from) && o < offsetOf(window.to))
                        sink.add(h);
                },
                saturated: sink.saturated?.bind(sink),
                lists: sink.lists?.bind(sink),
            };
        // Work on a view of [start, end) so that every indexOf stops at `end`: Buffer.indexOf has
        // no end bound, and searching past it is quadratic over a DEX's many small strings.
        const view = start === 0 && end === buf.length ? buf : buf.subarray(start, end);
        const off = start === 0 ? offsetOf : (p) => offsetOf(p + start);
        const len = view.length;
        if (this.engine) {
            this.scanBlocks(this.engine, view, len, base, bounded, off);
            return;
        }
        this.scanDots(view, 0, len, base, bounded, off);
        if (len >= 8)
            this.scanIpv6(view, 0, len, base, bounded, off);
        if (len >= this.smsMinLength)
            this.scanSms(view, 0, len, base, bounded, off);
        const wide = wideCandidates(view, 0, len, this.smsMinLength);
        if (wide.length)
            this.scanWide(view, wide, 0, len, base, bounded, off);
    }
    /**
     * The WebAssembly path: per 64 KiB block, its dotted tokens, then its `://[`, then its digit
     * runs, each in order of position, so every (kind, value) meets its evidence in the same order
     * as on the JavaScript path (hosts and IPv4 come only from tokens, IPv6 from URLs, SMS numbers
     * from digit runs). UTF-16 text is scanned last, as there.
     */
    scanBlocks(engine, buf, len, base, sink, offsetOf) {
        let lastToken = 0;
        let lastRun = 0;
        const urls = len >= 8;
        const sms = len >= this.smsMinLength;
        const visitRun = (ds, de) => this.smsRun(buf, ds, de, 0, len, base, sink, offsetOf);
        let wide;
        let wideDigits;
        // A dot 2 or 4 bytes after a UTF-16 dot is in the same run (the bytes between are a
        // character): not kept, so text packed with dots costs one number per run, not per dot.
        let lastWide = -8;
        forEachBlock(engine, buf, 0, len, this.smsMinLength, (c) => {
            for (let i = 0; i < c.nWide; i++) {
                const d = c.s0 + c.i32[c.wideAt + i];
                if (d - lastWide > 4 || (d - lastWide) & 1)
                    (wide ??= []).push(d);
                lastWide = d;
            }
            for (let i = 0; i < c.nWideDigits; i++)
                (wideDigits ??= []).push(c.s0 + c.i32[c.wideDigitsAt + i]);
            const { s0, i32 } = c;
            for (let i = 0, r = c.tokensAt; i < c.nTokens; i++, r += 4) {
                const flags = i32[r + 3];
                if (flags & TOKEN_UNBOUNDED) {
                    const d = s0 + i32[r];
                    if (d >= lastToken)
                        lastToken = this.dotAt(buf, d, 0, len, base, sink, offsetOf);
                    continue;
                }
                const a = s0 + i32[r];
                if (a < lastToken)
                    continue; // found from the block before
                lastToken = s0 + i32[r + 2];
                this.candidate(buf, a, s0 + i32[r + 1], 0, len, (flags & TOKEN_ALPHA_TLD) !== 0, (flags & TOKEN_UPPER) !== 0 ? 1 : 0, base, sink, offsetOf);
            }
            if (urls)
                for (let i = 0; i < c.nUrls; i++)
                    this.ipv6At(buf, s0 + i32[c.urlsAt + i], 0, len, base, sink, offsetOf);
            if (sms)
                lastRun = widenRuns(buf, 0, len, this.smsMinLength, c, lastRun, visitRun);
        });
        if (wide || wideDigits)
            this.scanWide(buf, mergeSorted(wide ?? [], wideDigits ?? []), 0, len, base, sink, offsetOf);
    }
    /**
     * UTF-16LE text (a C++ `u"..."` literal, a Qt or WebKit string, a Windows resource): the run of
     * UTF-16 characters in 0x20-0x7e around each of `near` (ascending; wideCandidates), one byte a
     * character in a scratch buffer, scanned as text would be when it holds a dot between host
     * characters or a run of digits as long as an SMS number, each hit at its offset in the UTF-16
     * bytes. A run is taken once, whatever number of candidates it has.
     */
    scanWide(buf, near, start, end, base, sink, offsetOf) {
        let taken = start;
        for (const d of near) {
            if (d < taken)
                continue;
            let s = d;
            while (s - 2 >= start && buf[s - 1] === 0 && TEXT[buf[s - 2]] === 1)
                s -= 2;
            let e = d;
            while (e + 1 < end && buf[e + 1] === 0 && TEXT[buf[e]] === 1)
                e += 2;
            taken = e;
            const n = (e - s) >> 1;
            // shorter than any dotted name (a.bc) and than the shortest listed number
            if (n < Math.min(4, this.smsMinLength))
                continue;
            if (this.wideText.length < n)
                this.wideText = Buffer.allocUnsafe(Math.max(n, this.wideText.length * 2));
            const text = this.wideText;
            for (let i = 0, p = s; i < n; i++, p += 2)
                text[i] = buf[p];
            if (!holdsEndpoint(text, n, this.smsMinLength))
                continue;
            const at = (p) => offsetOf(s + 2 * p);
            this.inWideText = true;
            try {
                this.scanDots(text, 0, n, base, sink, at);
            }
            finally {
                this.inWideText = false;
            }
            if (n >= 8)
                this.scanIpv6(text, 0, n, base, sink, at);
            if (n >= this.smsMinLength)
                this.scanSms(text, 0, n, base, sink, at);
        }
    }
    scanDots(buf, start, end, base, sink, offsetOf) {
        let from = start;
        while (from < end) {
            const d = buf.indexOf(DOT, from);
            if (d < 0 || d >= end)
                return;
            from = this.dotAt(buf, d, start, end, base, sink, offsetOf);
        }
    }
    /** The dotted name around the dot at `d`, if any; returns the end of its run of host bytes. */
    dotAt(buf, d, start, end, base, sink, offsetOf) {
        let ts = d;
        while (ts > start && HOST[buf[ts - 1]] === 1)
            ts--;
        let te = d + 1;
        while (te < end && HOST[buf[te]] === 1)
            te++;
        // Trim separators that cannot start or end a name.
        let a = ts;
        let b = te;
        while (a < b && (buf[a] === DOT || buf[a] === 0x2d))
            a++;
        while (b > a && (buf[b - 1] === DOT || buf[b - 1] === 0x2d))
            b--;
        if (b - a < 4 || b - a > MAX_TOKEN)
            return te;
        let dot = a;
        while (dot < b && buf[dot] !== DOT)
            dot++;
        if (dot >= b)
            return te; // the dot was trimmed away: no dotted name left
        this.token(buf, a, b, start, end, base, sink, offsetOf);
        return te;
    }
    /** The byte-level rejections of a trimmed dotted token (the module makes them on its path). */
    token(buf, a, b, start, end, base, sink, offsetOf) {
        // Cheap byte-level rejections before any string is made: a name must end in a label of
        // letters (a TLD), unless the token is a dotted quad.
        let lastDot = b - 1;
        while (lastDot > a && buf[lastDot] !== DOT)
            lastDot--;
        let alphaTld = b - lastDot - 1 >= 2;
        let digitsOnly = true;
        for (let i = lastDot + 1; i < b && alphaTld; i++) {
            const c = buf[i] | 0x20;
            if (c < 0x61 || c > 0x7a)
                alphaTld = false;
        }
        // Internationalised TLDs (`xn--fiqs8s`, .中国) have digits and hyphens.
        if (!alphaTld && b - lastDot > 5 && (buf[lastDot + 1] | 0x20) === 0x78 && (buf[lastDot + 2] | 0x20) === 0x6e && buf[lastDot + 3] === 0x2d && buf[lastDot + 4] === 0x2d) {
            alphaTld = true;
        }
        if (!alphaTld) {
            for (let i = a; i < b; i++) {
                const c = buf[i];
                if (c !== DOT && !IS_DIGIT(c)) {
                    digitsOnly = false;
                    break;
                }
            }
            if (!digitsOnly)
                return;
        }
        this.candidate(buf, a, b, start, end, alphaTld, -1, base, sink, offsetOf);
    }
    /**
     * A token past the byte checks: `alphaTld` when it ends in a letter (or xn--) label, else it is
     * digits and dots; `upper` 1 when it has a capital, 0 when not, -1 not looked at yet.
     */
    candidate(buf, a, b, start, end, alphaTld, upper, base, sink, offsetOf) {
        const url = this.schemeBefore(buf, a, start);
        if (alphaTld) {
            // A catalogued or policy host (found by its bytes, any case) is one wherever it stands.
            const known = this.knownBytes.find(buf, a, b);
            if (known !== undefined) {
                sink.add(this.hit('host', known, url, this.portAfter(buf, b, end), evidenceAt(base, offsetOf(url?.schemeStart ?? a))));
                return;
            }
            // A bare name: the bare-name rules by its bytes, no string made first. Names with capitals
            // (Java classes) or a code/property first label (`com.`, `ro.`) are not hosts.
            if (!url) {
                if (upper < 0) {
                    upper = 0;
                    for (let i = a; i < b; i++) {
                        const c = buf[i];
                        if (c >= 0x41 && c <= 0x5a) {
                            upper = 1;
                            break;
                        }
                    }
                }
                if (upper)
                    return;
                // The first label as a number (7 bits a byte, up to 7 bytes): no string per candidate.
                let code = 0;
                let i = a;
                for (; i < b && i - a <= 7 && buf[i] !== DOT; i++)
                    code = code * 128 + buf[i];
                if (i - a <= 7 && ROOT_CODES.has(code))
                    return;
                if (!this.inWideText)
                    this.bare(buf, a, b, start, end, base, sink, offsetOf);
                return;
            }
        }
        // Not a letter TLD: only digits and dots (the byte checks said so), a dotted quad or nothing.
        if (!alphaTld && !isCanonicalIpv4Bytes(buf, a, b))
            return;
        const raw = buf.toString('latin1', a, b);
        const lower = upper === 0 ? raw : raw.toLowerCase();
        const port = this.portAfter(buf, b, end);
        // Where a hit's evidence points (its offset is made only for a hit: most candidates are
        // rejected below).
        const at = url?.schemeStart ?? a;
        if (!alphaTld) {
            // A dotted quad inside a longer dotted run (1.2.3.4.5) was trimmed away above; reject
            // quads glued to letters or version markers (v1.2.3.4 never reaches here: 'v' is a host byte).
            if (!url && raw.startsWith('0.'))
                return;
            if (!url && port === undefined && this.inWideText && !this.known.ips?.has(raw))
                return;
            // Bare low quads are version numbers (2.12.9.2), unless a port or a known resolver says otherwise.
            if (!url && port === undefined && raw.charCodeAt(1) === DOT && !LOW_IPV4_ALLOWED.has(raw))
                return;
            if (!url && a > start && (buf[a - 1] === 0x2d || buf[a - 1] === 0x5f))
                return;
            if (dropped(sink, 'ip', raw, base))
                return;
            sink.add(this.hit('ip', raw, url, port, evidenceAt(base, offsetOf(at))));
            return;
        }
        // A letter TLD here is after a scheme (known hosts and bare names were taken above).
        if (!url?.network || dropped(sink, 'host', lower, base) || !isHostSyntax(lower))
            return;
        sink.add(this.hit('host', lower, url, port, evidenceAt(base, offsetOf(at))));
    }
    /** A bare dotted name buf[a, b) (no scheme before it, not catalogued): a host or nothing. */
    bare(buf, a, b, start, end, base, sink, offsetOf) {
        // Reject e-mail domains and path segments, then the code/file/property rules.
        if (a > start) {
            const prev = buf[a - 1];
            if (prev === 0x40 /* @ */)
                return;
            if ((prev === 0x2f || prev === 0x5c) && !(a - 2 >= start && buf[a - 2] === 0x2f))
                return;
            if (prev === 0x5f /* _ */ || prev === 0x24 /* $ */)
                return;
        }
        if (b < end) {
            const next = buf[b];
            if (next === 0x5f || next === 0x24 || next === 0x28 /* ( */)
                return;
        }
        // A bare name is a host only as it stands (bareNameToHost returns it or nothing), so past
        // its artifact's cap a name the artifact does not list is dropped before the rules run.
        if (sink.saturated?.(base.path) && !sink.lists('host', buf.toString('latin1', a, b), base.path))
            return;
        const host = bareNames.lookup(buf, a, b);
        if (host)
            sink.add(this.hit('host', host, undefined, this.portAfter(buf, b, end), evidenceAt(base, offsetOf(a))));
    }
    /** One hit, always of one shape (absent fields undefined): the collector's reads stay monomorphic. */
    hit(kind, value, url, port, evidence) {
        // XML namespace identifiers are inventoried, never findings; loopback and the unspecified
        // address never leave the device.
        const ignored = (kind === 'host' && IDENTIFIER_HOSTS.has(value)) ||
            (kind === 'ip' && (value.startsWith('127.') || value === '0.0.0.0' || value === '::1' || value === '::'));
        return {
            kind,
            value,
            port,
            scheme: url?.scheme,
            cleartext: url ? CLEARTEXT_SCHEMES.has(url.scheme) : undefined,
            ignored: ignored || undefined,
            evidence,
        };
    }
    /** The scheme of a URL whose authority starts at `a` (`scheme://[userinfo@]host`). */
    schemeBefore(buf, a, start) {
        let p = a;
        // userinfo: scan back over it to the "//" when the host is preceded by '@'.
        if (p > start && buf[p - 1] === 0x40) {
            let q = p - 2;
            const limit = Math.max(start, p - 256);
            while (q >= limit && buf[q] > 0x20 && buf[q] < 0x7f && buf[q] !== 0x2f && buf[q] !== 0x40)
                q--;
            p = q + 1;
        }
        if (p - 3 < start || buf[p - 1] !== 0x2f || buf[p - 2] !== 0x2f || buf[p - 3] !== 0x3a)
            return undefined;
        let s = p - 3;
        // At most MAX_SCHEME bytes back: a hit's offset is where its scheme starts, and a chunked
        // scan keeps only hits that start in its window, with 512 bytes of context (scanRawSource);
        // a run of scheme bytes longer than that before "://" put the offset out of reach of the
        // chunk that saw the host, and neither chunk reported it.
        const limit = Math.max(start, s - MAX_SCHEME);
        while (s > limit && (IS_ALNUM(buf[s - 1]) || buf[s - 1] === 0x2b || buf[s - 1] === 0x2e || buf[s - 1] === 0x2d))
            s--;
        if (s >= p - 3)
            return undefined;
        const scheme = buf.toString('latin1', s, p - 3).toLowerCase();
        if (NETWORK_SCHEMES.has(scheme))
            return { scheme, network: true, schemeStart: s };
        // A known scheme glued to other letters ("xhttp://") still names a network host when the
        // suffix is a network scheme.
        for (const known of ['https', 'http', 'wss', 'ws', 'ftp']) {
            if (scheme.endsWith(known) && !IS_ALNUM(buf[p - 3 - known.length - 1] ?? 0)) {
                return { scheme: known, network: true, schemeStart: p - 3 - known.length };
            }
        }
        return { scheme, network: false, schemeStart: s };
    }
    portAfter(buf, b, end) {
        if (b + 1 >= end || buf[b] !== 0x3a || !IS_DIGIT(buf[b + 1]))
            return undefined;
        let q = b + 1;
        let v = 0;
        while (q < end && IS_DIGIT(buf[q]) && q - b <= 5)
            v = v * 10 + (buf[q++] - 0x30);
        if (q < end && IS_DIGIT(buf[q]))
            return undefined;
        return v > 0 && v <= 65535 ? v : undefined;
    }
    /** IPv6 literals in URLs: `scheme://[2001:db8::1]:port/`. */
    scanIpv6(buf, start, end, base, sink, offsetOf) {
        let from = start;
        while (from < end) {
            // '://' alone is found faster than '://[' (a shorter needle), and is rarer than '['.
            const i = buf.indexOf(URL_SEP, from);
            if (i < 0 || i >= end)
                return;
            from = i + 3;
            if (buf[i + 3] === 0x5b)
                this.ipv6At(buf, i, start, end, base, sink, offsetOf);
        }
    }
    /** The IPv6 literal of the `://[` at `i`, if it is one. */
    ipv6At(buf, i, start, end, base, sink, offsetOf) {
        // The ']' is looked for only as far as the longest literal reaches (45 characters): a search
        // to the end of the buffer for every `://[` was quadratic in a file of them without a ']'
        // (4 MiB took 27 s).
        const stop = Math.min(end, i + 4 + MAX_IPV6_LITERAL + 1);
        let close = i + 4;
        while (close < stop && buf[close] !== 0x5d)
            close++;
        if (close >= stop)
            return;
        const lit = buf.toString('latin1', i + 4, close).toLowerCase();
        if (!/^[0-9a-f:.]+$/.test(lit) || !lit.includes(':'))
            return;
        const url = this.schemeBefore(buf, i + 3, start);
        if (!url?.network)
            return;
        const port = this.portAfter(buf, close + 1, end);
        const value = canonicalIpv6(lit) ?? lit;
        if (dropped(sink, 'ip', value, base))
            return;
        sink.add(this.hit('ip', value, url, port, evidenceAt(base, offsetOf(url.schemeStart))));
    }
    /**
     * China SP numbers (`106…`, 8-13 digits) and catalogued numbers, as whole tokens: every run of
     * digits long enough to be one (one pass, however many numbers are catalogued) is checked.
     */
    scanSms(buf, start, end, base, sink, offsetOf) {
        forEachDigitRunJs(buf, start, end, this.smsMinLength, (ds, de) => this.smsRun(buf, ds, de, start, end, base, sink, offsetOf));
    }
    /**
     * A number stored as an integer (a resource `<integer>10659401</integer>`, which an app formats
     * as text): an SMS hit when it is a listed number (catalog or policy). Only listed ones: an
     * integer that merely looks like an SP number is as likely a size or a time.
     */
    listedSmsNumber(value, base, sink) {
        const digits = String(value >>> 0);
        if (!this.known.sms.has(digits) || dropped(sink, 'sms', digits, base))
            return;
        sink.add(this.hit('sms', digits, undefined, undefined, base.entry === undefined ? { path: base.path, source: base.source } : { path: base.path, entry: base.entry, source: base.source }));
    }
    /** The run of digits buf[ds, de), when it stands alone and is an SP or listed number. */
    smsRun(buf, ds, de, start, end, base, sink, offsetOf) {
        const before = ds > start ? buf[ds - 1] : 0x20;
        const after = de < end ? buf[de] : 0x20;
        if (IS_ALNUM(before) || before === DOT || before === 0x5f || IS_ALNUM(after) || after === 0x5f)
            return;
        if (after === DOT && de + 1 < end && IS_DIGIT(buf[de + 1]))
            return;
        // +86 and 0086 (China's country code) are dropped; the number is then an SP number or a
        // listed one, told by its bytes before any string is made (most runs are neither).
        let s = ds;
        if (before === 0x2b /* + */ && de - ds >= 2 && buf[ds] === 0x38 && buf[ds + 1] === 0x36)
            s += 2;
        else if (de - ds >= 4 && buf[ds] === 0x30 && buf[ds + 1] === 0x30 && buf[ds + 2] === 0x38 && buf[ds + 3] === 0x36)
            s += 4;
        const len = de - s;
        const isSp = len >= 8 && len <= 13 && buf[s] === 0x31 && buf[s + 1] === 0x30 && buf[s + 2] === 0x36;
        if (!isSp && !this.smsLengths.has(len))
            return;
        const digits = buf.toString('latin1', s, de);
        if ((isSp || this.known.sms.has(digits)) && !dropped(sink, 'sms', digits, base)) {
            sink.add(this.hit('sms', digits, undefined, undefined, evidenceAt(base, offsetOf(ds))));
        }
    }
}
/** Canonical (RFC 5952) text of an IPv6 address, or undefined when it does not parse. */
function canonicalIpv6(s) {
    let text = s;
    let tailV4;
    const lastColon = text.lastIndexOf(':');
    if (text.includes('.')) {
        const v4 = text.slice(lastColon + 1);
        if (!isCanonicalIpv4(v4))
            return undefined;
        tailV4 = v4.split('.').map(Number);
        text = text.slice(0, lastColon + 1) + '0:0';
    }
    const halves = text.split('::');
    if (halves.length > 2)
        return undefined;
    const parse = (h) => {
        if (h === '')
            return [];
        const out = [];
        for (const g of h.split(':')) {
            if (!/^[0-9a-f]{1,4}$/.test(g))
                return undefined;
            out.push(parseInt(g, 16));
        }
        return out;
    };
    const head = parse(halves[0]);
    const tail = halves.length === 2 ? parse(halves[1]) : [];
    if (!head || !tail)
        return undefined;
    const fill = 8 - head.length - tail.length;
    if ((halves.length === 1 && fill !== 0) || fill < 0 || (halves.length === 2 && fill < 1))
        return undefined;
    const groups = [...head, ...new Array(halves.length === 2 ? fill : 0).fill(0), ...tail];
    if (tailV4) {
        groups[6] = (tailV4[0] << 8) | tailV4[1];
        groups[7] = (tailV4[2] << 8) | tailV4[3];
    }
    // Longest run of zero groups (length >= 2) becomes "::".
    let bestStart = -1;
    let bestLen = 0;
    for (let i = 0; i < 8;) {
        if (groups[i] !== 0) {
            i++;
            continue;
        }
        let j = i;
        while (j < 8 && groups[j] === 0)
            j++;
        if (j - i > bestLen && j - i >= 2) {
            bestStart = i;
            bestLen = j - i;
        }
        i = j;
    }
    const hex = groups.map((g) => g.toString(16));
    if (bestStart < 0)
        return hex.join(':');
    return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

const DEFAULT_LIMITS = {
    maxEntryBytes: 256 * 1024 * 1024,
    maxFileInflatedBytes: 64 * 1024 * 1024 * 1024,
    maxInflationRatio: 2048,
    maxArtifactEndpoints: 50_000,
    maxInputEndpoints: 200_000,
    maxDepth: 4,
    chunkBytes: 16 * 1024 * 1024,
    maxContainerDepth: 8,
    spillThresholdBytes: 64 * 1024 * 1024,
    maxSpillBytes: 16 * 1024 * 1024 * 1024,
    minSliceBytes: 64 * 1024 * 1024,
};

/**
 * Per-worker extraction results and their deterministic merge. Each artifact is extracted by
 * exactly one worker, so merging sorted, per-artifact-capped results gives the same facts
 * whatever the number of workers or the order they finished in.
 */
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
function compareUnreadable(a, b) {
    return cmp(a.path, b.path) || cmp(a.reason, b.reason) || cmp(a.format, b.format) || (a.offset ?? -1) - (b.offset ?? -1);
}
/**
 * Merges endpoint facts of disjoint artifact sets. Linear in the input: everything of one key is
 * gathered first, then sorted, deduplicated and capped once (a host found in hundreds of APKs
 * merges from hundreds of per-file facts when they come from the cache).
 */
function mergeEndpointFacts(lists) {
    // One or two lists each in key order (the usual case: a worker's facts, the two workers' facts
    // on two cores) are merged side by side, without gathering them by key and sorting the keys.
    const present = lists.filter((l) => l.length > 0);
    if (present.length <= 2 && present.every(keysInOrder))
        return mergeInOrder(present[0] ?? [], present[1] ?? []);
    // kind -> value -> the facts of that endpoint, gathered first (no per-fact key strings).
    const byKind = new Map();
    for (const list of lists) {
        for (const f of list) {
            let byValue = byKind.get(f.kind);
            if (!byValue)
                byKind.set(f.kind, (byValue = new Map()));
            const same = byValue.get(f.value);
            if (same)
                same.push(f);
            else
                byValue.set(f.value, [f]);
        }
    }
    const out = [];
    for (const kind of [...byKind.keys()].sort(cmp)) {
        const byValue = byKind.get(kind);
        for (const value of [...byValue.keys()].sort(cmp))
            out.push(mergeOne(byValue.get(value)));
    }
    return out;
}
/** Each key once, in the order mergeEndpointFacts gives (kind, then value). */
function keysInOrder(list) {
    return increasing(list, compareKeys);
}
/** Two lists each in key order (keysInOrder), merged as the general path would merge them. */
function mergeInOrder(a, b) {
    const out = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        const c = i >= a.length ? 1 : j >= b.length ? -1 : compareKeys(a[i], b[j]);
        if (c < 0)
            out.push(mergeOne([a[i++]]));
        else if (c > 0)
            out.push(mergeOne([b[j++]]));
        else
            out.push(mergeOne([a[i++], b[j++]]));
    }
    return out;
}
/** The keys of a merged fact, in mergeOne's order: the first five always, the rest when set. */
const FACT_KEYS = ['kind', 'value', 'artifacts', 'evidence', 'evidenceCount', 'ports', 'schemes', 'cleartext', 'ignored'];
/**
 * True when mergeOne([f]) would give a copy of `f` (same keys in the same order, same values):
 * artifacts, ports and schemes strictly increasing and not empty, evidence in order and within
 * the cap, cleartext and ignored only when true. Then `f` itself is kept.
 */
function isMergedFact(f) {
    const keys = Object.keys(f);
    if (keys.length < 5)
        return false;
    let k = 0;
    for (const key of keys) {
        while (k < FACT_KEYS.length && FACT_KEYS[k] !== key) {
            if (k < 5)
                return false; // a required key missing or out of order
            k++;
        }
        if (k === FACT_KEYS.length)
            return false; // a key merged facts do not have
        k++;
    }
    if (!increasing(f.artifacts, cmp))
        return false;
    if (f.evidence.length > EVIDENCE_CAP || !isSorted(f.evidence))
        return false;
    if (f.ports !== undefined && !(f.ports.length > 0 && increasing(f.ports, (x, y) => x - y)))
        return false;
    if (f.schemes !== undefined && !(f.schemes.length > 0 && increasing(f.schemes, cmp)))
        return false;
    return (f.cleartext === undefined || f.cleartext === true) && (f.ignored === undefined || f.ignored === true);
}
/** Each item before the next (strictly: no two equal; a NaN comparison is not "before"). */
function increasing(items, compare) {
    for (let i = 1; i < items.length; i++)
        if (!(compare(items[i - 1], items[i]) < 0))
            return false;
    return true;
}
/** One endpoint's facts (same kind and value, disjoint artifacts) -> one canonical fact. */
function mergeOne(facts) {
    // A fact alone that is already what merging it gives (every fact of a worker's collector or
    // of an earlier merge) is kept as it is, not copied.
    if (facts.length === 1 && isMergedFact(facts[0]))
        return facts[0];
    const first = facts[0];
    let count = 0;
    let cleartext = false;
    let ignored = false;
    const artifacts = [];
    const evidence = [];
    const ports = [];
    const schemes = [];
    for (const f of facts) {
        count += f.evidenceCount;
        for (const a of f.artifacts)
            artifacts.push(a);
        if (f.evidence.length)
            evidence.push(f.evidence);
        if (f.ports)
            for (const p of f.ports)
                ports.push(p);
        if (f.schemes)
            for (const x of f.schemes)
                schemes.push(x);
        if (f.cleartext)
            cleartext = true;
        if (f.ignored)
            ignored = true;
    }
    const merged = {
        kind: first.kind,
        value: first.value,
        artifacts: uniqueSorted(artifacts, cmp),
        evidence: firstSorted(evidence, EVIDENCE_CAP),
        evidenceCount: count,
    };
    if (ports.length)
        merged.ports = uniqueSorted(ports, (a, b) => a - b);
    if (schemes.length)
        merged.schemes = uniqueSorted(schemes, cmp);
    if (cleartext)
        merged.cleartext = true;
    if (ignored)
        merged.ignored = true;
    return merged;
}
/** Sorted without duplicates; a list already so (the usual case) is only checked. */
function uniqueSorted(items, compare) {
    return increasing(items, compare) ? items : [...new Set(items)].sort(compare);
}
/**
 * The first `cap` items of the union of evidence lists, in compareEvidence order. Lists that
 * are each sorted (as every fact's are) are merged in O(cap x lists); any other input is sorted.
 */
function firstSorted(lists, cap) {
    if (lists.length === 1 && isSorted(lists[0]))
        return lists[0].slice(0, cap);
    if (!lists.every(isSorted))
        return lists.flat().sort(compareEvidence).slice(0, cap);
    const at = new Array(lists.length).fill(0);
    const out = [];
    while (out.length < cap) {
        let best = -1;
        for (let i = 0; i < lists.length; i++) {
            if (at[i] < lists[i].length && (best < 0 || compareEvidence(lists[i][at[i]], lists[best][at[best]]) < 0))
                best = i;
        }
        if (best < 0)
            break;
        out.push(lists[best][at[best]++]);
    }
    return out;
}
function isSorted(list) {
    for (let i = 1; i < list.length; i++)
        if (compareEvidence(list[i - 1], list[i]) > 0)
            return false;
    return true;
}
/** Results of mergePartials: already canonical, so merging one of them alone only copies it. */
const merged = new WeakSet();
function mergePartials(parts) {
    if (parts.length === 1 && merged.has(parts[0])) {
        const p = parts[0];
        const copy = {
            packages: p.packages.slice(),
            endpoints: p.endpoints.slice(),
            props: p.props.slice(),
            skuFiles: p.skuFiles.slice(),
            unreadable: p.unreadable.slice(),
            skipped: p.skipped.slice(),
            mentions: p.mentions.slice(),
            propFiles: p.propFiles.slice(),
            partitionPaths: p.partitionPaths.slice(),
            stats: { ...p.stats },
        };
        merged.add(copy);
        return copy;
    }
    const out = {
        packages: parts.flatMap((p) => p.packages).sort((a, b) => cmp(a.path, b.path) || cmp(a.package, b.package)),
        endpoints: mergeEndpointFacts(parts.map((p) => p.endpoints)),
        props: parts.flatMap((p) => p.props).sort((a, b) => cmp(a.file, b.file) || a.line - b.line),
        skuFiles: parts.flatMap((p) => p.skuFiles).sort((a, b) => cmp(a.sku, b.sku) || cmp(a.path, b.path)),
        unreadable: parts.flatMap((p) => p.unreadable).sort(compareUnreadable),
        skipped: parts.flatMap((p) => p.skipped).sort((a, b) => cmp(a.path, b.path) || cmp(a.reason, b.reason)),
        mentions: parts
            .flatMap((p) => p.mentions)
            .sort((a, b) => cmp(a.package, b.package) || cmp(a.evidence.path, b.evidence.path) || (a.evidence.offset ?? 0) - (b.evidence.offset ?? 0) || cmp(a.evidence.source, b.evidence.source)),
        propFiles: parts.flatMap((p) => p.propFiles).sort((a, b) => cmp(a[0], b[0]) || cmp(a[1], b[1])),
        partitionPaths: mergePlacements(parts.map((p) => p.partitionPaths)),
        stats: { files: 0, bytes: 0, entries: 0, inflatedBytes: 0 },
    };
    for (const p of parts) {
        out.stats.files += p.stats.files;
        out.stats.bytes += p.stats.bytes;
        out.stats.entries += p.stats.entries;
        out.stats.inflatedBytes += p.stats.inflatedBytes;
    }
    merged.add(out);
    return out;
}
/** The path of the unreadable fact that says an input named more endpoints than its cap. */
const INPUT_FLOOD_PATH = '.';
function inputFlood(max) {
    return {
        path: INPUT_FLOOD_PATH,
        format: 'endpoints',
        reason: `more than ${max} distinct endpoints in this input (a build made to flood the report): the first ${max} in kind and value order are listed, and every catalogued or policy-named one`,
    };
}
/** True for the unreadable fact that says an input named more endpoints than its cap. */
function isInputFlood(u) {
    return u.path === INPUT_FLOOD_PATH && u.format === 'endpoints';
}
/** The unreadable facts of a worker's floods: artifacts past their cap, and a prune (the input's fact). */
function floodFacts(floods, limits) {
    const max = limits.maxArtifactEndpoints;
    const out = floods.artifacts.map((path) => ({
        path,
        format: 'endpoints',
        reason: `more than ${max} distinct endpoints (a file made to flood the report): those it names past the first ${max} are not listed, catalogued and policy-named ones aside`,
    }));
    if (floods.pruned)
        out.push(inputFlood(limits.maxInputEndpoints));
    return out;
}
/**
 * A part's facts without its unknown endpoints above `bound` (EndpointCollector.bound of another
 * part): the input's cap of `max` drops them whatever the other parts hold, so they need not be
 * sent. When it drops any, the part says the input flooded (the merge would otherwise have found
 * it by counting what it no longer sees).
 */
function keepBelow(facts, bound, known, max) {
    const endpoints = facts.endpoints.filter((e) => known(e.kind, e.value) || compareKeys(e, bound) <= 0);
    if (endpoints.length === facts.endpoints.length)
        return facts;
    const unreadable = facts.unreadable.some(isInputFlood) ? facts.unreadable : [...facts.unreadable, inputFlood(max)].sort(compareUnreadable);
    return { ...facts, endpoints, unreadable };
}
/**
 * The partitionPath of `path` given the partitionPaths of the files extracted (`placed`, only
 * those that differ from their path): its own, or its nearest container's followed by the rest
 * of the path (`system.img!/app/X/X.apk!/lib/a.so` -> `system/app/X/X.apk!/lib/a.so`, as
 * artifact.ts names the files inside); undefined when it is its own.
 */
function placeOf(placed, path) {
    const own = placed.get(path);
    if (own !== undefined)
        return own;
    for (let cut = path.lastIndexOf('!/'); cut > 0; cut = path.lastIndexOf('!/', cut - 1)) {
        const at = placed.get(path.slice(0, cut));
        if (at !== undefined)
            return at + path.slice(cut);
    }
    return undefined;
}
/**
 * `[path, partitionPath]`, sorted by path, of every path the facts name (endpoint artifacts and
 * evidence, mentions, unreadable facts) whose partitionPath is not itself. Nothing is looked up
 * when no file extracted had another partitionPath (a product-out folder).
 */
function placementsOf(placed, facts) {
    if (placed.size === 0)
        return [];
    const out = new Map();
    const visit = (path) => {
        if (out.has(path))
            return;
        const at = placeOf(placed, path);
        if (at !== undefined && at !== path)
            out.set(path, at);
    };
    for (const ep of facts.endpoints) {
        for (const a of ep.artifacts)
            visit(a);
        for (const e of ep.evidence)
            visit(e.path);
    }
    for (const m of facts.mentions)
        visit(m.evidence.path);
    for (const u of facts.unreadable)
        visit(u.path);
    return [...out].sort((a, b) => cmp(a[0], b[0]));
}
/** Placement lists (each sorted by path) joined: sorted by path, each path once. */
function mergePlacements(lists) {
    const present = lists.filter((l) => l.length > 0);
    if (present.length === 0)
        return [];
    if (present.length === 1)
        return present[0].slice();
    const all = present.flat().sort((a, b) => cmp(a[0], b[0]) || cmp(a[1], b[1]));
    return all.filter((p, i) => i === 0 || p[0] !== all[i - 1][0]);
}

/**
 * Extraction on every core: files are handed, largest first, to worker threads as each becomes
 * free, while the main thread extracts the smallest ones itself (extractors); every extractor
 * returns its PartialFacts and the merge is deterministic (partial.ts). The worker threads run
 * the extraction bundle (dist/worker.js), which the entry point registers with
 * setWorkerScript(); without one (tests running the TypeScript sources) extraction runs
 * in-process.
 */
const WORKER_MARK = 'activation-gate-extract-worker';
/** True when this thread is an extraction worker (the entry point must then call runWorker). */
function isExtractionWorker() {
    return !isMainThread && workerData?.mark === WORKER_MARK;
}
/** The catalogued and policy endpoints a worker was started with, as sets. */
function knownOf(init) {
    return { hosts: new Set(init.hosts), sms: new Set(init.sms), ips: new Set(init.ips ?? []) };
}
function newContext(init) {
    const known = knownOf(init);
    return {
        scanner: new EndpointScanner(known),
        endpoints: new EndpointCollector(knownEndpoint(known), { perArtifact: init.limits.maxArtifactEndpoints, perInput: init.limits.maxInputEndpoints }),
        limits: { ...DEFAULT_LIMITS, ...init.limits },
        packages: [],
        props: [],
        skuFiles: [],
        unreadable: [],
        mentions: [],
        mentionPackages: new Set(init.mentionPackages),
        stats: { files: 0, bytes: 0, entries: 0, inflatedBytes: 0 },
        skipped: [],
        propFiles: new Map(),
        placed: new Map(),
    };
}
/** A context of its own for one file or slice that `parent`'s thread extracts: it pauses as the parent does. */
function childContext(init, parent) {
    const ctx = newContext(init);
    if (parent.pause)
        ctx.pause = parent.pause;
    if (parent.advance)
        ctx.advance = parent.advance;
    return ctx;
}
function partialOf(ctx) {
    // finish() first: it may prune, which floods() reports.
    const endpoints = ctx.endpoints.finish();
    const floods = ctx.endpoints.floods();
    const unreadable = floods.artifacts.length || floods.pruned ? [...ctx.unreadable, ...floodFacts(floods, ctx.limits)] : ctx.unreadable;
    return {
        packages: ctx.packages,
        endpoints,
        props: ctx.props,
        skuFiles: ctx.skuFiles,
        unreadable,
        skipped: ctx.skipped ?? [],
        mentions: ctx.mentions,
        propFiles: [...(ctx.propFiles ?? new Map()).entries()],
        partitionPaths: ctx.placed ? placementsOf(ctx.placed, { endpoints, mentions: ctx.mentions, unreadable }) : [],
        stats: ctx.stats,
    };
}
/**
 * Extracts one file into `ctx`, or, with a cache, through the cache into its own PartialFacts
 * (pushed to `parts`). The merge is order-independent, so both give the same facts. In an
 * extraction worker a cache hit is returned as its entry's payload instead (`payload`, checked
 * against its SHA-256, not parsed): the main thread parses it while this worker hashes on.
 */
async function extractOne(f, init, ctx, parts, slice, inWorker = false) {
    if (slice) {
        // Its own context: the slices of one image are joined (or dropped) together.
        const own = childContext(init, ctx);
        own.slice = slice;
        await extractFile(f, own);
        return { partial: partialOf(own) };
    }
    if (!init.cache) {
        await extractFile(f, ctx);
        return {};
    }
    const r = await extractFileCached(f, init.cache, () => childContext(init, ctx), partialOf, inWorker, ctx.advance);
    if (r.facts)
        parts.push(r.facts);
    // A payload travels in a buffer of its own, moved to the main thread (not copied again).
    const payload = r.payload ? new Uint8Array(r.payload) : undefined;
    return { hit: r.hit, ...(r.problem ? { problem: r.problem } : {}), ...(r.sha256 ? { sha256: r.sha256 } : {}), ...(r.key ? { key: r.key } : {}), ...(payload ? { payload } : {}) };
}
/** A `done` message, the cache hits' payloads moved with it. */
function postDone(port, results) {
    const moved = results.flatMap((r) => (r.payload ? [r.payload.buffer] : []));
    port.postMessage({ type: 'done', results }, moved);
}
/**
 * The worker side: `init` starts an input (a fresh context); each file it is sent is extracted
 * into it; `finish` returns the facts and clears them. The worker then waits for the next input
 * of the scan (WorkerPool keeps it) until it is terminated.
 */
async function runWorker() {
    const data = workerData;
    if (data.hash !== undefined) {
        // Started by hashOnThread: one file's SHA-256, then done.
        parentPort.postMessage({ type: 'sha256', hex: await sha256OfFile(data.hash) });
        return;
    }
    let init;
    let ctx;
    let cached = [];
    let finished = new Int32Array(new SharedArrayBuffer(COUNTER_BYTES));
    const port = parentPort;
    let chain = Promise.resolve();
    port.on('message', (msg) => {
        chain = chain.then(async () => {
            if (msg.type === 'init') {
                init = msg.init;
                const counts = (finished = new Int32Array(msg.finished));
                ctx = newContext(init);
                if (msg.advance)
                    ctx.advance = (fraction) => Atomics.store(counts, 1, packPosition(Atomics.load(counts, 0), fraction));
                cached = [];
            }
            else if (!init || !ctx) {
                throw new Error(`extraction worker: ${msg.type} before init`);
            }
            else if (msg.type === 'files') {
                let results = [];
                for (const job of msg.jobs) {
                    const f = job.file;
                    // Each file starts at 0, so that no older position is ever read as its own (the file
                    // number in a position has 11 bits, and a cache hit reports no progress of its own).
                    if (ctx.advance)
                        Atomics.store(finished, 1, packPosition(Atomics.load(finished, 0), 0));
                    results.push(await extractOne({ ...f, abs: Buffer.from(f.abs.buffer, f.abs.byteOffset, f.abs.byteLength) }, init, ctx, cached, job.slice, true));
                    Atomics.add(finished, 0, 1);
                    // Answered a few at a time (and at the end of the message), so that the main thread
                    // can send more before this worker runs out.
                    if (results.length >= DONE_EVERY) {
                        postDone(port, results);
                        results = [];
                    }
                }
                if (results.length)
                    postDone(port, results);
            }
            else {
                const merged = mergePartials([partialOf(ctx), ...cached]);
                // Past the input's cap: what the main thread's own endpoints already rule out stays here.
                const partial = msg.below ? keepBelow(merged, msg.below, knownEndpoint(knownOf(init)), ctx.limits.maxInputEndpoints) : merged;
                port.postMessage({ type: 'partial', partial });
                // The next input starts with init (a new context then, not now: a new scanner while
                // this worker's facts are still being sent would only add to the peak).
                ctx = undefined;
                cached = [];
            }
        });
    });
    port.postMessage({ type: 'ready' });
}
/**
 * A worker's shared counter: [files finished, position]. The position is the fraction of its
 * current file done, in POSITION_BITS bits, below the low bits of that file's number (its count
 * of files finished when it began), so that a position left from the file before is not read as
 * the next one's.
 */
const COUNTER_BYTES = 2 * Int32Array.BYTES_PER_ELEMENT;
const POSITION_BITS = 20;
const POSITION_SCALE = 1 << POSITION_BITS;
const FILE_BITS = 0x7ff; // 20 + 11 bits: a positive int32
/** A worker's position: `fraction` done of the file it began after finishing `finished` files. */
function packPosition(finished, fraction) {
    return ((finished & FILE_BITS) << POSITION_BITS) | Math.max(0, Math.min(POSITION_SCALE - 1, Math.floor(fraction * POSITION_SCALE)));
}
/** A worker answers after this many files at most (and at the end of each message). */
const DONE_EVERY = 8;

/**
 * Bundle entry of the extraction worker threads (dist/worker.js), which the CLI and the Action
 * start beside them: the extraction code only, so that a worker neither parses nor initialises
 * the report, policy, GitHub and CLI code of the bundle that started it. Two workers were ready in
 * ~135 ms and took ~29 MB each when they loaded the Action's bundle (2.7 MB), ~91 ms and ~21 MB
 * the CLI's; their own bundle (0.9 MB): ~72 ms and ~18 MB.
 */
if (isExtractionWorker()) {
    void runWorker();
}
else {
    process.stderr.write('dist/worker.js is the extraction worker of activation-gate: run dist/cli.js instead\n');
    process.exitCode = 2;
}

// Some numerical data is initialized as -1 even when it doesn't need initialization to help the JIT infer types
// aliases for shorter compressed code (most minifers don't do this)
var ab = ArrayBuffer, u8 = Uint8Array, u16 = Uint16Array, i16 = Int16Array, i32 = Int32Array;
var slc = function (v, s, e) {
    if (u8.prototype.slice)
        return u8.prototype.slice.call(v, s, e);
    if (s == null || s < 0)
        s = 0;
    if (e == null || e > v.length)
        e = v.length;
    var n = new u8(e - s);
    n.set(v.subarray(s, e));
    return n;
};
var fill = function (v, n, s, e) {
    if (u8.prototype.fill)
        return u8.prototype.fill.call(v, n, s, e);
    if (s == null || s < 0)
        s = 0;
    if (e == null || e > v.length)
        e = v.length;
    for (; s < e; ++s)
        v[s] = n;
    return v;
};
var cpw = function (v, t, s, e) {
    if (u8.prototype.copyWithin)
        return u8.prototype.copyWithin.call(v, t, s, e);
    if (s == null || s < 0)
        s = 0;
    if (e == null || e > v.length)
        e = v.length;
    while (s < e) {
        v[t++] = v[s++];
    }
};
/**
 * Codes for errors generated within this library
 */
var ZstdErrorCode = {
    InvalidData: 0,
    WindowSizeTooLarge: 1,
    InvalidBlockType: 2,
    FSEAccuracyTooHigh: 3,
    DistanceTooFarBack: 4,
    UnexpectedEOF: 5
};
// error codes
var ec = [
    'invalid zstd data',
    'window size too large (>2046MB)',
    'invalid block type',
    'FSE accuracy too high',
    'match distance too far back',
    'unexpected EOF'
];
var err = function (ind, msg, nt) {
    var e = new Error(msg || ec[ind]);
    e.code = ind;
    if (Error.captureStackTrace)
        Error.captureStackTrace(e, err);
    if (!nt)
        throw e;
    return e;
};
var rb = function (d, b, n) {
    var i = 0, o = 0;
    for (; i < n; ++i)
        o |= d[b++] << (i << 3);
    return o;
};
var b4 = function (d, b) { return (d[b] | (d[b + 1] << 8) | (d[b + 2] << 16) | (d[b + 3] << 24)) >>> 0; };
// read Zstandard frame header
var rzfh = function (dat, w) {
    var n3 = dat[0] | (dat[1] << 8) | (dat[2] << 16);
    if (n3 == 0x2FB528 && dat[3] == 253) {
        // Zstandard
        var flg = dat[4];
        //    single segment       checksum             dict flag     frame content flag
        var ss = (flg >> 5) & 1, cc = (flg >> 2) & 1, df = flg & 3, fcf = flg >> 6;
        if (flg & 8)
            err(0);
        // byte
        var bt = 6 - ss;
        // dict bytes
        var db = df == 3 ? 4 : df;
        // dictionary id
        var di = rb(dat, bt, db);
        bt += db;
        // frame size bytes
        var fsb = fcf ? (1 << fcf) : ss;
        // frame source size
        var fss = rb(dat, bt, fsb) + ((fcf == 1) && 256);
        // window size
        var ws = fss;
        if (!ss) {
            // window descriptor
            var wb = 1 << (10 + (dat[5] >> 3));
            ws = wb + (wb >> 3) * (dat[5] & 7);
        }
        if (ws > 2145386496)
            err(1);
        var buf = new u8((w == 1 ? (fss || ws) : w ? 0 : ws) + 12);
        buf[0] = 1, buf[4] = 4, buf[8] = 8;
        return {
            b: bt + fsb,
            y: 0,
            l: 0,
            d: di,
            w: (w && w != 1) ? w : buf.subarray(12),
            e: ws,
            o: new i32(buf.buffer, 0, 3),
            u: fss,
            c: cc,
            m: Math.min(131072, ws)
        };
    }
    else if (((n3 >> 4) | (dat[3] << 20)) == 0x184D2A5) {
        // skippable
        return b4(dat, 4) + 8;
    }
    err(0);
};
// most significant bit for nonzero
var msb = function (val) {
    var bits = 0;
    for (; (1 << bits) <= val; ++bits)
        ;
    return bits - 1;
};
// read finite state entropy
var rfse = function (dat, bt, mal) {
    // table pos
    var tpos = (bt << 3) + 4;
    // accuracy log
    var al = (dat[bt] & 15) + 5;
    if (al > mal)
        err(3);
    // size
    var sz = 1 << al;
    // probabilities symbols  repeat   index   high threshold
    var probs = sz, sym = -1, re = -1, i = -1, ht = sz;
    // optimization: single allocation is much faster
    var buf = new ab(512 + (sz << 2));
    var freq = new i16(buf, 0, 256);
    // same view as freq
    var dstate = new u16(buf, 0, 256);
    var nstate = new u16(buf, 512, sz);
    var bb1 = 512 + (sz << 1);
    var syms = new u8(buf, bb1, sz);
    var nbits = new u8(buf, bb1 + sz);
    while (sym < 255 && probs > 0) {
        var bits = msb(probs + 1);
        var cbt = tpos >> 3;
        // mask
        var msk = (1 << (bits + 1)) - 1;
        var val = ((dat[cbt] | (dat[cbt + 1] << 8) | (dat[cbt + 2] << 16)) >> (tpos & 7)) & msk;
        // mask (1 fewer bit)
        var msk1fb = (1 << bits) - 1;
        // max small value
        var msv = msk - probs - 1;
        // small value
        var sval = val & msk1fb;
        if (sval < msv)
            tpos += bits, val = sval;
        else {
            tpos += bits + 1;
            if (val > msk1fb)
                val -= msv;
        }
        freq[++sym] = --val;
        if (val == -1) {
            probs += val;
            syms[--ht] = sym;
        }
        else
            probs -= val;
        if (!val) {
            do {
                // repeat byte
                var rbt = tpos >> 3;
                re = ((dat[rbt] | (dat[rbt + 1] << 8)) >> (tpos & 7)) & 3;
                tpos += 2;
                sym += re;
            } while (re == 3);
        }
    }
    if (sym > 255 || probs)
        err(0);
    var sympos = 0;
    // sym step (coprime with sz - formula from zstd source)
    var sstep = (sz >> 1) + (sz >> 3) + 3;
    // sym mask
    var smask = sz - 1;
    for (var s = 0; s <= sym; ++s) {
        var sf = freq[s];
        if (sf < 1) {
            dstate[s] = -sf;
            continue;
        }
        // This is split into two loops in zstd to avoid branching, but as JS is higher-level that is unnecessary
        for (i = 0; i < sf; ++i) {
            syms[sympos] = s;
            do {
                sympos = (sympos + sstep) & smask;
            } while (sympos >= ht);
        }
    }
    // After spreading symbols, should be zero again
    if (sympos)
        err(0);
    for (i = 0; i < sz; ++i) {
        // next state
        var ns = dstate[syms[i]]++;
        // num bits
        var nb = nbits[i] = al - msb(ns);
        nstate[i] = (ns << nb) - sz;
    }
    return [(tpos + 7) >> 3, {
            b: al,
            s: syms,
            n: nbits,
            t: nstate
        }];
};
// read huffman
var rhu = function (dat, bt) {
    //  index  weight count
    var i = 0, wc = -1;
    //    buffer             header byte
    var buf = new u8(292), hb = dat[bt];
    // huffman weights
    var hw = buf.subarray(0, 256);
    // rank count
    var rc = buf.subarray(256, 268);
    // rank index
    var ri = new u16(buf.buffer, 268);
    // NOTE: at this point bt is 1 less than expected
    if (hb < 128) {
        // end byte, fse decode table
        var _a = rfse(dat, bt + 1, 6), ebt = _a[0], fdt = _a[1];
        bt += hb;
        var epos = ebt << 3;
        // last byte
        var lb = dat[bt];
        if (!lb)
            err(0);
        //  state1   state2   state1 bits   state2 bits
        var st1 = 0, st2 = 0, btr1 = fdt.b, btr2 = btr1;
        // fse pos
        // pre-increment to account for original deficit of 1
        var fpos = (++bt << 3) - 8 + msb(lb);
        for (;;) {
            fpos -= btr1;
            if (fpos < epos)
                break;
            var cbt = fpos >> 3;
            st1 += ((dat[cbt] | (dat[cbt + 1] << 8)) >> (fpos & 7)) & ((1 << btr1) - 1);
            hw[++wc] = fdt.s[st1];
            fpos -= btr2;
            if (fpos < epos)
                break;
            cbt = fpos >> 3;
            st2 += ((dat[cbt] | (dat[cbt + 1] << 8)) >> (fpos & 7)) & ((1 << btr2) - 1);
            hw[++wc] = fdt.s[st2];
            btr1 = fdt.n[st1];
            st1 = fdt.t[st1];
            btr2 = fdt.n[st2];
            st2 = fdt.t[st2];
        }
        if (++wc > 255)
            err(0);
    }
    else {
        wc = hb - 127;
        for (; i < wc; i += 2) {
            var byte = dat[++bt];
            hw[i] = byte >> 4;
            hw[i + 1] = byte & 15;
        }
        ++bt;
    }
    // weight exponential sum
    var wes = 0;
    for (i = 0; i < wc; ++i) {
        var wt = hw[i];
        // bits must be at most 11, same as weight
        if (wt > 11)
            err(0);
        wes += wt && (1 << (wt - 1));
    }
    // max bits
    var mb = msb(wes) + 1;
    // table size
    var ts = 1 << mb;
    // remaining sum
    var rem = ts - wes;
    // must be power of 2
    if (rem & (rem - 1))
        err(0);
    hw[wc++] = msb(rem) + 1;
    for (i = 0; i < wc; ++i) {
        var wt = hw[i];
        ++rc[hw[i] = wt && (mb + 1 - wt)];
    }
    // huf buf
    var hbuf = new u8(ts << 1);
    //    symbols                      num bits
    var syms = hbuf.subarray(0, ts), nb = hbuf.subarray(ts);
    ri[mb] = 0;
    for (i = mb; i > 0; --i) {
        var pv = ri[i];
        fill(nb, i, pv, ri[i - 1] = pv + rc[i] * (1 << (mb - i)));
    }
    if (ri[0] != ts)
        err(0);
    for (i = 0; i < wc; ++i) {
        var bits = hw[i];
        if (bits) {
            var code = ri[bits];
            fill(syms, i, code, ri[bits] = code + (1 << (mb - bits)));
        }
    }
    return [bt, {
            n: nb,
            b: mb,
            s: syms
        }];
};
// Tables generated using this:
// https://gist.github.com/101arrowz/a979452d4355992cbf8f257cbffc9edd
// default literal length table
var dllt = /*#__PURE__*/ rfse(/*#__PURE__*/ new u8([
    81, 16, 99, 140, 49, 198, 24, 99, 12, 33, 196, 24, 99, 102, 102, 134, 70, 146, 4
]), 0, 6)[1];
// default match length table
var dmlt = /*#__PURE__*/ rfse(/*#__PURE__*/ new u8([
    33, 20, 196, 24, 99, 140, 33, 132, 16, 66, 8, 33, 132, 16, 66, 8, 33, 68, 68, 68, 68, 68, 68, 68, 68, 36, 9
]), 0, 6)[1];
// default offset code table
var doct = /*#__PURE__ */ rfse(/*#__PURE__*/ new u8([
    32, 132, 16, 66, 102, 70, 68, 68, 68, 68, 36, 73, 2
]), 0, 5)[1];
// bits to baseline
var b2bl = function (b, s) {
    var len = b.length, bl = new i32(len);
    for (var i = 0; i < len; ++i) {
        bl[i] = s;
        s += 1 << b[i];
    }
    return bl;
};
// literal length bits
var llb = /*#__PURE__ */ new u8(( /*#__PURE__ */new i32([
    0, 0, 0, 0, 16843009, 50528770, 134678020, 202050057, 269422093
])).buffer, 0, 36);
// literal length baseline
var llbl = /*#__PURE__ */ b2bl(llb, 0);
// match length bits
var mlb = /*#__PURE__ */ new u8(( /*#__PURE__ */new i32([
    0, 0, 0, 0, 0, 0, 0, 0, 16843009, 50528770, 117769220, 185207048, 252579084, 16
])).buffer, 0, 53);
// match length baseline
var mlbl = /*#__PURE__ */ b2bl(mlb, 3);
// decode huffman stream
var dhu = function (dat, out, hu) {
    var len = dat.length, ss = out.length, lb = dat[len - 1], msk = (1 << hu.b) - 1, eb = -hu.b;
    if (!lb)
        err(0);
    var st = 0, btr = hu.b, pos = (len << 3) - 8 + msb(lb) - btr, i = -1;
    for (; pos > eb && i < ss;) {
        var cbt = pos >> 3;
        var val = (dat[cbt] | (dat[cbt + 1] << 8) | (dat[cbt + 2] << 16)) >> (pos & 7);
        st = ((st << btr) | val) & msk;
        out[++i] = hu.s[st];
        pos -= (btr = hu.n[st]);
    }
    if (pos != eb || i + 1 != ss)
        err(0);
};
// decode huffman stream 4x
// TODO: use workers to parallelize
var dhu4 = function (dat, out, hu) {
    var bt = 6;
    var ss = out.length, sz1 = (ss + 3) >> 2, sz2 = sz1 << 1, sz3 = sz1 + sz2;
    dhu(dat.subarray(bt, bt += dat[0] | (dat[1] << 8)), out.subarray(0, sz1), hu);
    dhu(dat.subarray(bt, bt += dat[2] | (dat[3] << 8)), out.subarray(sz1, sz2), hu);
    dhu(dat.subarray(bt, bt += dat[4] | (dat[5] << 8)), out.subarray(sz2, sz3), hu);
    dhu(dat.subarray(bt), out.subarray(sz3), hu);
};
// read Zstandard block
var rzb = function (dat, st, out) {
    var _a;
    var bt = st.b;
    //    byte 0        block type
    var b0 = dat[bt], btype = (b0 >> 1) & 3;
    st.l = b0 & 1;
    var sz = (b0 >> 3) | (dat[bt + 1] << 5) | (dat[bt + 2] << 13);
    // end byte for block
    var ebt = (bt += 3) + sz;
    if (btype == 1) {
        if (bt >= dat.length)
            return;
        st.b = bt + 1;
        if (out) {
            fill(out, dat[bt], st.y, st.y += sz);
            return out;
        }
        return fill(new u8(sz), dat[bt]);
    }
    if (ebt > dat.length)
        return;
    if (btype == 0) {
        st.b = ebt;
        if (out) {
            out.set(dat.subarray(bt, ebt), st.y);
            st.y += sz;
            return out;
        }
        return slc(dat, bt, ebt);
    }
    if (btype == 2) {
        //    byte 3        lit btype     size format
        var b3 = dat[bt], lbt = b3 & 3, sf = (b3 >> 2) & 3;
        // lit src size  lit cmp sz 4 streams
        var lss = b3 >> 4, lcs = 0, s4 = 0;
        if (lbt < 2) {
            if (sf & 1)
                lss |= (dat[++bt] << 4) | ((sf & 2) && (dat[++bt] << 12));
            else
                lss = b3 >> 3;
        }
        else {
            s4 = sf;
            if (sf < 2)
                lss |= ((dat[++bt] & 63) << 4), lcs = (dat[bt] >> 6) | (dat[++bt] << 2);
            else if (sf == 2)
                lss |= (dat[++bt] << 4) | ((dat[++bt] & 3) << 12), lcs = (dat[bt] >> 2) | (dat[++bt] << 6);
            else
                lss |= (dat[++bt] << 4) | ((dat[++bt] & 63) << 12), lcs = (dat[bt] >> 6) | (dat[++bt] << 2) | (dat[++bt] << 10);
        }
        ++bt;
        // add literals to end - can never overlap with backreferences because unused literals always appended
        var buf = out ? out.subarray(st.y, st.y + st.m) : new u8(st.m);
        // starting point for literals
        var spl = buf.length - lss;
        if (lbt == 0)
            buf.set(dat.subarray(bt, bt += lss), spl);
        else if (lbt == 1)
            fill(buf, dat[bt++], spl);
        else {
            // huffman table
            var hu = st.h;
            if (lbt == 2) {
                var hud = rhu(dat, bt);
                // subtract description length
                lcs += bt - (bt = hud[0]);
                st.h = hu = hud[1];
            }
            else if (!hu)
                err(0);
            (s4 ? dhu4 : dhu)(dat.subarray(bt, bt += lcs), buf.subarray(spl), hu);
        }
        // num sequences
        var ns = dat[bt++];
        if (ns) {
            if (ns == 255)
                ns = (dat[bt++] | (dat[bt++] << 8)) + 0x7F00;
            else if (ns > 127)
                ns = ((ns - 128) << 8) | dat[bt++];
            // symbol compression modes
            var scm = dat[bt++];
            if (scm & 3)
                err(0);
            var dts = [dmlt, doct, dllt];
            for (var i = 2; i > -1; --i) {
                var md = (scm >> ((i << 1) + 2)) & 3;
                if (md == 1) {
                    // rle buf
                    var rbuf = new u8([0, 0, dat[bt++]]);
                    dts[i] = {
                        s: rbuf.subarray(2, 3),
                        n: rbuf.subarray(0, 1),
                        t: new u16(rbuf.buffer, 0, 1),
                        b: 0
                    };
                }
                else if (md == 2) {
                    // accuracy log 8 for offsets, 9 for others
                    _a = rfse(dat, bt, 9 - (i & 1)), bt = _a[0], dts[i] = _a[1];
                }
                else if (md == 3) {
                    if (!st.t)
                        err(0);
                    dts[i] = st.t[i];
                }
            }
            var _b = st.t = dts, mlt = _b[0], oct = _b[1], llt = _b[2];
            var lb = dat[ebt - 1];
            if (!lb)
                err(0);
            var spos = (ebt << 3) - 8 + msb(lb) - llt.b, cbt = spos >> 3, oubt = 0;
            var lst = ((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << llt.b) - 1);
            cbt = (spos -= oct.b) >> 3;
            var ost = ((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << oct.b) - 1);
            cbt = (spos -= mlt.b) >> 3;
            var mst = ((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << mlt.b) - 1);
            for (++ns; --ns;) {
                var llc = llt.s[lst];
                var lbtr = llt.n[lst];
                var mlc = mlt.s[mst];
                var mbtr = mlt.n[mst];
                var ofc = oct.s[ost];
                var obtr = oct.n[ost];
                cbt = (spos -= ofc) >> 3;
                var ofp = 1 << ofc;
                var off = ofp + (((dat[cbt] | (dat[cbt + 1] << 8) | (dat[cbt + 2] << 16) | (dat[cbt + 3] << 24)) >>> (spos & 7)) & (ofp - 1));
                cbt = (spos -= mlb[mlc]) >> 3;
                var ml = mlbl[mlc] + (((dat[cbt] | (dat[cbt + 1] << 8) | (dat[cbt + 2] << 16)) >> (spos & 7)) & ((1 << mlb[mlc]) - 1));
                cbt = (spos -= llb[llc]) >> 3;
                var ll = llbl[llc] + (((dat[cbt] | (dat[cbt + 1] << 8) | (dat[cbt + 2] << 16)) >> (spos & 7)) & ((1 << llb[llc]) - 1));
                cbt = (spos -= lbtr) >> 3;
                lst = llt.t[lst] + (((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << lbtr) - 1));
                cbt = (spos -= mbtr) >> 3;
                mst = mlt.t[mst] + (((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << mbtr) - 1));
                cbt = (spos -= obtr) >> 3;
                ost = oct.t[ost] + (((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << obtr) - 1));
                if (off > 3) {
                    st.o[2] = st.o[1];
                    st.o[1] = st.o[0];
                    st.o[0] = off -= 3;
                }
                else {
                    var idx = off - (ll != 0);
                    if (idx) {
                        off = idx == 3 ? st.o[0] - 1 : st.o[idx];
                        if (idx > 1)
                            st.o[2] = st.o[1];
                        st.o[1] = st.o[0];
                        st.o[0] = off;
                    }
                    else
                        off = st.o[0];
                }
                for (var i = 0; i < ll; ++i) {
                    buf[oubt + i] = buf[spl + i];
                }
                oubt += ll, spl += ll;
                var stin = oubt - off;
                if (stin < 0) {
                    var len = -stin;
                    var bs = st.e + stin;
                    if (len > ml)
                        len = ml;
                    for (var i = 0; i < len; ++i) {
                        buf[oubt + i] = st.w[bs + i];
                    }
                    oubt += len, ml -= len, stin = 0;
                }
                for (var i = 0; i < ml; ++i) {
                    buf[oubt + i] = buf[stin + i];
                }
                oubt += ml;
            }
            if (oubt != spl) {
                while (spl < buf.length) {
                    buf[oubt++] = buf[spl++];
                }
            }
            else
                oubt = buf.length;
            if (out)
                st.y += oubt;
            else
                buf = slc(buf, 0, oubt);
        }
        else if (out) {
            st.y += lss;
            if (spl) {
                for (var i = 0; i < lss; ++i) {
                    buf[i] = buf[spl + i];
                }
            }
        }
        else if (spl)
            buf = slc(buf, spl);
        st.b = ebt;
        return buf;
    }
    err(2);
};
// concat
var cct = function (bufs, ol) {
    if (bufs.length == 1)
        return bufs[0];
    var buf = new u8(ol);
    for (var i = 0, b = 0; i < bufs.length; ++i) {
        var chk = bufs[i];
        buf.set(chk, b);
        b += chk.length;
    }
    return buf;
};
/**
 * Decompresses Zstandard data
 * @param dat The input data
 * @param buf The output buffer. If unspecified, the function will allocate
 *            exactly enough memory to fit the decompressed data. If your
 *            data has multiple frames and you know the output size, specifying
 *            it will yield better performance.
 * @returns The decompressed data
 */
function decompress(dat, buf) {
    var bufs = [], nb = +!buf;
    var bt = 0, ol = 0;
    for (; dat.length;) {
        var st = rzfh(dat, nb || buf);
        if (typeof st == 'object') {
            if (nb) {
                buf = null;
                if (st.w.length == st.u) {
                    bufs.push(buf = st.w);
                    ol += st.u;
                }
            }
            else {
                bufs.push(buf);
                st.e = 0;
            }
            for (; !st.l;) {
                var blk = rzb(dat, st, buf);
                if (!blk)
                    err(5);
                if (buf)
                    st.e = st.y;
                else {
                    bufs.push(blk);
                    ol += blk.length;
                    cpw(st.w, 0, blk.length);
                    st.w.set(blk, st.w.length - blk.length);
                }
            }
            bt = st.b + (st.c * 4);
        }
        else
            bt = st;
        dat = dat.subarray(bt);
    }
    return cct(bufs, ol);
}
/**
 * Decompressor for Zstandard streamed data
 */
var Decompress = /*#__PURE__*/ (function () {
    /**
     * Creates a Zstandard decompressor
     * @param ondata The handler for stream data
     */
    function Decompress(ondata) {
        this.ondata = ondata;
        this.c = [];
        this.l = 0;
        this.z = 0;
    }
    /**
     * Pushes data to be decompressed
     * @param chunk The chunk of data to push
     * @param final Whether or not this is the last chunk in the stream
     */
    Decompress.prototype.push = function (chunk, final) {
        if (typeof this.s == 'number') {
            var sub = Math.min(chunk.length, this.s);
            chunk = chunk.subarray(sub);
            this.s -= sub;
        }
        var sl = chunk.length;
        var ncs = sl + this.l;
        if (!this.s) {
            if (final) {
                if (!ncs) {
                    this.ondata(new u8(0), true);
                    return;
                }
                // min for frame + one block
                if (ncs < 5)
                    err(5);
            }
            else if (ncs < 18) {
                this.c.push(chunk);
                this.l = ncs;
                return;
            }
            if (this.l) {
                this.c.push(chunk);
                chunk = cct(this.c, ncs);
                this.c = [];
                this.l = 0;
            }
            if (typeof (this.s = rzfh(chunk)) == 'number')
                return this.push(chunk, final);
        }
        if (typeof this.s != 'number') {
            if (ncs < (this.z || 3)) {
                if (final)
                    err(5);
                this.c.push(chunk);
                this.l = ncs;
                return;
            }
            if (this.l) {
                this.c.push(chunk);
                chunk = cct(this.c, ncs);
                this.c = [];
                this.l = 0;
            }
            if (!this.z && ncs < (this.z = (chunk[this.s.b] & 2) ? 4 : 3 + ((chunk[this.s.b] >> 3) | (chunk[this.s.b + 1] << 5) | (chunk[this.s.b + 2] << 13)))) {
                if (final)
                    err(5);
                this.c.push(chunk);
                this.l = ncs;
                return;
            }
            else
                this.z = 0;
            for (;;) {
                var blk = rzb(chunk, this.s);
                if (!blk) {
                    if (final)
                        err(5);
                    var adc = chunk.subarray(this.s.b);
                    this.s.b = 0;
                    this.c.push(adc), this.l += adc.length;
                    return;
                }
                else {
                    this.ondata(blk, false);
                    cpw(this.s.w, 0, blk.length);
                    this.s.w.set(blk, this.s.w.length - blk.length);
                }
                if (this.s.l) {
                    var rest = chunk.subarray(this.s.b);
                    this.s = this.s.c * 4;
                    this.push(rest, final);
                    return;
                }
            }
        }
        else if (final)
            err(5);
    };
    return Decompress;
}());

var index$2 = /*#__PURE__*/Object.freeze({
    __proto__: null,
    Decompress: Decompress,
    ZstdErrorCode: ZstdErrorCode,
    decompress: decompress
});

function getDefaultExportFromCjs (x) {
	return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, 'default') ? x['default'] : x;
}

var xzDecompress$3 = {exports: {}};

/*!
 * Based on xzwasm (c) Steve Sanderson. License: MIT - https://github.com/SteveSanderson/xzwasm
 * Contains xz-embedded by Lasse Collin and Igor Pavlov. License: Public domain - https://tukaani.org/xz/embedded.html
 * and walloc (c) 2020 Igalia, S.L. License: MIT - https://github.com/wingo/walloc
 */
var xzDecompress$2 = xzDecompress$3.exports;

var hasRequiredXzDecompress;

function requireXzDecompress () {
	if (hasRequiredXzDecompress) return xzDecompress$3.exports;
	hasRequiredXzDecompress = 1;
	(function (module, exports) {
		(function webpackUniversalModuleDefinition(root, factory) {
			module.exports = factory(require$$0);
		})(xzDecompress$2, (__WEBPACK_EXTERNAL_MODULE__2__) => {
		return /******/ (() => { // webpackBootstrap
		/******/ 	var __webpack_modules__ = ([
		/* 0 */,
		/* 1 */
		/***/ ((module) => {

		module.exports = "data:application/wasm;base64,AGFzbQEAAAABOApgAX8Bf2ABfwBgAABgA39/fwF/YAABf2ACf38AYAN/f34BfmACf38Bf2AEf39/fwF/YAN/f38AAyEgAAABAgMDAwMEAQUAAgMCBgcIBwUDAAMHAQcABwcBAwkFAwEAAgYIAX8BQfCgBAsHTgUGbWVtb3J5AgAOY3JlYXRlX2NvbnRleHQACA9kZXN0cm95X2NvbnRleHQACQxzdXBwbHlfaW5wdXQACg9nZXRfbmV4dF9vdXRwdXQACwqQYCDfAgEFf0EAIQECQCAAQQdqIgJBEEkNAEEBIQEgAkEDdiIDQQJGDQBBAiEBIAJBIEkNAEEDIQEgA0EERg0AQQQhASACQTBJDQBBBSEBIANBBkYNAEEGIQEgAkHIAEkNAEEHIQEgAkHYAEkNAEEIIQEgAkGIAUkNAEEJIQEgAkGIAkkNACAAEIGAgIAAIgBBCGpBACAAGw8LAkACQCABQQJ0QcCIgIAAaiIEKAIAIgANAEEAIQACQAJAQQAoAuSIgIAAIgJFDQBBACACKAIANgLkiICAAAwBC0EAEIGAgIAAIgJFDQILIAJBgIB8cSIAIAJBCHZB/wFxIgJyIAE6AAAgACACQQh0ckGAAmohAEEAIQJBACABQQJ0QYCIgIAAaigCACIDayEFIAMhAQNAIAAgBWoiACACNgIAIAAhAiABIANqIgFBgQJJDQALIAQgADYCAAsgBCAAKAIANgIACyAAC/QHAQh/QQAoArCIgIAAIQECQAJAAkACQAJAQQAtALSIgIAARQ0AQQBBADoAtIiAgAAgAUUNAUGwiICAACECA0ACQAJAIAFBCGoiAyABKAIEIgRqIgVBCHZB/wFxIgYNACABIQIMAQsCQANAIAVBgIB8cSAGai0AAEH+AUcNAUGwiICAACEGA0AgBiIHKAIAIgYgBUcNAAsgByAFKAIANgIAIAEgBCAFKAIEakEIaiIENgIEIAcgAiACIAVGGyECIAMgBGoiBUEIdkH/AXEiBg0ACwsgAigCACECCyACKAIAIgENAAtBACgCsIiAgAAhAQsgAUUNACAAQYcCakGAfnEhCEF/IQJBsIiAgAAhBEEAIQNBsIiAgAAhBgNAIAYhBwJAIAEiBigCBCIFIABJDQAgBSACTw0AIAUhAiAHIQQgBiEDIAVBCGogCEcNACAHIQQgBSECIAYhAwwECyAGKAIAIgENAAsgAw0CDAELQbCIgIAAIQQLPwBBEHQhASAAQYgCaiEHQQAhAwJAAkBBACgCuIiAgAAiAkUNAEEAIQUgASEGDAELQQAgAUHwoISAAEH//wNqQYCAfHEiBmsiAjYCuIiAgAAgAiEFCwJAIAcgBU0NACACQQF2IgIgByAFayIHIAIgB0sbQf//A2oiB0EQdkAAQX9GDQJBAEEAKAK4iICAACAHQYCAfHEiA2o2AriIgIAACyAGRQ0BIAZB/wE6AAEgBkEAKAKwiICAADYCgAIgBkGEAmogAyAFakGAgHxxQfh9aiICNgIAIAZBgAJqIQMLIANBgIB8cSIGIANBCHZB/wFxckH/AToAACAEIAMoAgA2AgACQCACIABrQYB+cSIFDQAgAw8LIAMhAQJAIAYgBUF/cyADQQhqIgQgAmoiB2pBgIB8cUYNACAEQf//A3EhBQJAIABB9/0DSw0AIAYgBEEIdkH/AXFqQf4BOgAAIANBACgCsIiAgAA2AgAgA0GAgAQgBWsiBTYCBEEAIAM2ArCIgIAAEIOAgIAAIAZBhIIEaiACIAVrQfh9aiIFNgIAIAZBgYAEakH/AToAACAGQYCCBGohASAFIABrQYB+cSEFDAELIAIgBWogACAFakH//3tqQYCAfHFrQYCAeGohBSADIQELIAEgASgCBCAFazYCBCAFQfgBaiEGIAcgBWtBCHZB/wFxIQUCQANAIAYiB0GAfmohBiAFIgQNAUEBIQUgB0H4AUcNAAsLAkAgB0H4AUYNACACIANqIAZrQYCAfHEiBSAEakH+AToAACAFIARBCHRqIgVBACgCsIiAgAA2AgAgBSAGNgIEQQAgBTYCsIiAgAAQg4CAgAALIAEPC0EAC3wBAn8CQCAARQ0AAkAgAEGAgHxxIABBCHZB/wFxciIBLQAAIgJB/wFHDQAgAEF4aiIAQQAoArCIgIAANgIAQQAgADYCsIiAgAAgAUH+AToAAEEAQQE6ALSIgIAADwsgACACQQJ0QcCIgIAAaiICKAIANgIAIAIgADYCAAsLawECfwJAQQAoArCIgIAAIgAoAgRB/wFLDQAgAEGAgHxxIgEgAEEIdkH/AXEiAHJBCToAAEEAQQAoArCIgIAAKAIANgKwiICAACABIABBCHRyIgBBACgC5IiAgAA2AgBBACAANgLkiICAAAsLTgECfwJAIAAgAUYNACACRQ0AA0ACQCAALQAAIgMgAS0AACIERg0AQQFBfyADIARLGw8LIAFBAWohASAAQQFqIQAgAkF/aiICDQALC0EAC3gBAX8CQAJAIAAgAU8NACACRQ0BIAAhAwNAIAMgAS0AADoAACABQQFqIQEgA0EBaiEDIAJBf2oiAg0ADAILCyAAIAFNDQAgAkUNACABQX9qIQEgAEF/aiEDA0AgAyACaiABIAJqLQAAOgAAIAJBf2oiAg0ACwsgAAssAQF/AkAgAkUNACAAIQMDQCADIAE6AAAgA0EBaiEDIAJBf2oiAg0ACwsgAAt/AQF/AkACQCABIAByIAJyQQNxRQ0AIAJFDQEgACEDA0AgAyABLQAAOgAAIAFBAWohASADQQFqIQMgAkF/aiICDQAMAgsLIAJBBEkNACACQQJ2IQIgACEDA0AgAyABKAIANgIAIAFBBGohASADQQRqIQMgAkF/aiICDQALCyAAC4gBAQJ/AkBBAC0A6IiAgAANAEEAQQE6AOiIgIAAEIyAgIAAEI6AgIAAC0GggAgQgICAgAAiAEGAgAQ2AgBBAkGAgIAgEJeAgIAAIQEgAEEUakKAgICAgIDAADcCACAAQRBqIABBoIAEajYCACAAQQhqQgA3AgAgACAAQSBqNgIEIAAgATYCHCAACxUAIAAoAhwQmICAgAAgABCCgICAAAsWACAAQQxqIAE2AgAgAEEIakEANgIACxsAIAAoAhwgAEEEaiAAQQxqKAIARRCWgICAAAtUAQN/QQAhAANAQQghASAAIQIDQEEAIAJBAXFrQaCG4u1+cSACQQF2cyECIAFBf2oiAQ0ACyAAQQJ0QfCIgIAAaiACNgIAIABBAWoiAEGAAkcNAAsLTgACQCABRQ0AIAJBf3MhAgNAIAJB/wFxIAAtAABzQQJ0QfCIgIAAaigCACACQQh2cyECIABBAWohACABQX9qIgENAAsgAkF/cyECCyACC10DAX4BfwF+QgAhAANAQQghASAAIQIDQEIAIAJCAYN9QsKenLzd8pW2SYMgAkIBiIUhAiABQX9qIgENAAsgAKdBA3RB8JCAgABqIAI3AwAgAEIBfCIAQoACUg0ACwtPAAJAIAFFDQAgAkJ/hSECA0AgAkL/AYMgADEAAIWnQQN0QfCQgIAAaikDACACQgiIhSECIABBAWohACABQX9qIgENAAsgAkJ/hSECCyACC8oQAgx/An4CQAJAIAAoAiRFDQAgACgCACECDAELQQAhAiAAQQA6ACggAEIANwMAIABCADcDGCAAQcgAakEAQeQAEIaAgIAAGiAAQawBakEMNgIACyAAIAEoAgQiAzYCECAAQeAAaiEEIABByABqIQUgAEG2AWohBiAAQbABaiEHIABBqAFqIQggASgCECEJAkACQAJAAkADQAJAAkACQAJAAkACQAJAAkACQAJAAkACQAJAAkACQCACDgoBAgAEBQYHCAkKDwsgASgCACEKIAAoAqgBIQIgACgCrAEhCyABKAIEIQwgASgCCCENDAILIAcgACgCqAEiDGogASgCACABKAIEIgJqIAEoAgggAmsiAiAAKAKsASAMayIMIAIgDEkbIgIQh4CAgAAaIAEgASgCBCACajYCBEEAIQwgAEEAIAAoAqgBIAJqIgIgAiAAKAKsASILRhs2AqgBIAIgC0cNESAAQQE2AgACQCAHQaiIgIAAQQYQhICAgABFDQBBBSEMDBILIAZBAkEAEI2AgIAAIAAoALgBRw0QQQYhDCAGLQAADREgACAALQC3ASICNgIgIAJBBEsNEUEBIAJ0QRNxRQ0RCyABKAIEIgwgASgCCCINRg0OAkAgASgCACIKIAxqLQAAIgsNACAAIAw2AhAgASAMQQFqNgIEQQYhAgwMC0EAIQIgAEEANgKoASAAQQI2AgAgACALQQJ0QQRqIgs2AqwBIAAgCzYCQAsgByACaiAKIAxqIA0gDGsiDCALIAJrIgIgDCACSRsiAhCHgICAABogASABKAIEIAJqNgIEQQAhDCAAQQAgACgCqAEgAmoiAiACIAAoAqwBIgtGGzYCqAEgAiALRw0PIAAgAkF8aiICNgKsAUEHIQwgByACQQAQjYCAgAAgByAAKAKsASICaigAAEcNDyAAQQI2AqgBIAAtALEBIgtBP3ENDAJAAkAgC0HAAHFFDQAgACAHIAggAhCRgICAAEEBRw0RIAAgACkDCDcDMCAAKAKsASECIAAtALEBIQsMAQsgAEJ/NwMwC0J/IQ4CQCALwEF/Sg0AIAAgByAIIAIQkYCAgABBAUcNECAAKAKsASECIAApAwghDgsgACAONwM4IAIgACgCqAEiC2tBAkkNDyAAIAtBAWoiCjYCqAEgCCALakEIai0AAEEhRw0MIAAgC0ECaiINNgKoASAIIApqQQhqLQAAQQFHDQwgAiANRg0PIAAgC0EDajYCqAEgACgCsAkgCCANakEIai0AABCcgICAACIMDQ8gACgCrAEiAiAAKAKoASIMIAIgDEsbIQ0CQANAIA0gDEYNASAAIAxBAWoiAjYCqAEgACAMaiELIAIhDCALQbABai0AAA0ODAALCyAFQgA3AwAgAEEANgKoASAAQQM2AgAgBUEIakIANwMACyAAIAEoAgQ2AhAgACABKAIQNgIUIAAoArAJIAEQmYCAgAAhDCAAIAApA0ggASgCBCAAKAIQa618Ig43A0ggACAAKQNQIAEoAhAgACgCFCICayILrXwiDzcDUCAOIAApAzBWDQ0gDyAAKQM4Vg0NAkACQAJAAkAgACgCIEF/ag4EAAMDAQMLIAEoAgwgAmogCyAAKAIYEI2AgIAArSEODAELIAEoAgwgAmogCyAAKQMYEI+AgIAAIQ4LIAAgDjcDGAsgDEEBRw0OAkAgACkDMCIOQn9RDQAgDiAFKQMAUg0OCwJAIAApAzgiDkJ/UQ0AQQchDCAOIAApA1BSDQ8LIAAgACkDSCAANQJAfCAAKQNgfCIPNwNgQgQhDgJAAkACQCAAKAIgQX9qDgQBAgIAAgtCCCEOCyAEIA4gD3w3AwALIAAgACkDaCAAKQNQfDcDaCAAIARBGCAAKAJwEI2AgIAANgJwIABBBDYCACAAIAApA1hCAXw3A1gLAkAgBSkDACIOQgODUA0AIA5CAXwhDiABKAIEIQwgASgCCCELA0AgCyAMRg0NIAEgDEEBaiICNgIEIAEoAgAgDGotAAANDiAFIA43AwAgDkIDgyEPIA5CAXwhDiACIQwgD0IAUg0ACwsgAEEFNgIAC0EBIQIgACgCIEF/ag4EBgcHBQcLIAAgARCSgICAACIMQQFHDQsgAEEHNgIAC0EAIAAoAhBrIQUgAEGAAWopAwAhDiABKAIEIQwCQANAIA4gBSAMaq18QgODUA0BAkAgDCABKAIIRw0AIAAgARCTgICAAAwLCyABIAxBAWoiAjYCBCABKAIAIAxqIQsgAiEMIAstAAANCwwACwsgACABEJOAgIAAQQchDCAEIABBkAFqQRgQhICAgAANCiAAQQg2AgALIAAgAUEgEJSAgIAAIgxBAUcNCSAAQQk2AgBBDCELIABBDDYCrAEMAQsgACgCrAEhCwsgByAAKAKoASIMaiABKAIAIAEoAgQiAmogASgCCCACayICIAsgDGsiDCACIAxJGyICEIeAgIAAGiABIAEoAgQgAmo2AgRBACEMIABBACAAKAKoASACaiICIAIgACgCrAEiC0YbNgKoASACIAtHDQcgABCVgICAACEMDAcLQQEhAiAAIAFBwAAQlICAgAAiDEEBRw0GDAELQQEhAiAAIAFBIBCUgICAACIMQQFHDQULIAAgAjYCAAwACwtBBiEMDAILQQAhDAwBC0EHIQwLAkACQCAAKAIkDQACQAJAIAwOAgADAQtBB0EIIAEoAgQgASgCCEYbIQwLIAEgCTYCECABIAM2AgQgDA8LAkAgDA0AIAMgASgCBEcNACAJIAEoAhBHDQAgAC0AKCEBIABBAToAKCABQQN0DwsgAEEAOgAoCyAMC6YBAQN/AkAgACgCBCIEDQAgAEIANwMICyACKAIAIgUgAyAFIANLGyEGA0ACQCAGIAVHDQBBAA8LIAEgBWotAAAhAyACIAVBAWoiBTYCACAAIANB/wBxrSAErYYgACkDCIQ3AwgCQAJAIAPAIgNBAEgNAAJAIAMNAEEHIQMgBA0CCyAAQQA2AgRBAQ8LQQchAyAAIARBB2oiBDYCBCAEQT9HDQELCyADC6ECAgN/AX4gAEGQAWohAiABQQRqIQMDQAJAIAAgASgCACADIAEoAggQkYCAgAAiBEEBRg0AIABBgAFqIgMgAykDACABKAIEIAAoAhAiA2siAq18NwMAIAAgAyABKAIAaiACIAAoAhgQjYCAgACtNwMYIAQPCwJAAkACQAJAAkAgACgCeA4DAAIBAwsgACAAKQMIIgU3A4gBAkAgBSAAKQNYUQ0AQQcPCyAAQQE2AngMAwsgACAAKQOYASAAKQMIfDcDmAEgACACQRggACgCoAEQjYCAgAA2AqABIABBATYCeCAAIAApA4gBQn98IgU3A4gBDAILIABBAjYCeCAAIAApA5ABIAApAwh8NwOQAQsgACkDiAEhBQsgBUIAUg0AC0EBC0ABAn8gAEGAAWoiAiACKQMAIAEoAgQgACgCECICayIDrXw3AwAgACACIAEoAgBqIAMgACgCGBCNgICAAK03AxgLfAEEfyABKAIEIQMgASgCCCEEA0ACQCAEIANHDQBBAA8LIAEgA0EBaiIFNgIEAkAgASgCACADai0AACAAKQMYIAAoAgQiA62Ip0H/AXFGDQBBBw8LIAAgA0EIaiIGNgIEIAUhAyAGIAJJDQALIABBADYCBCAAQgA3AxhBAQtvAQF/QQchAQJAIABBugFqLwAAQdm0AUcNACAAQbQBakEGQQAQjYCAgAAgAEGwAWooAABHDQAgAEGAAWopAwBCAoggADUAtAFSDQAgAEG4AWotAAANAEEBQQcgACgCICAAQbkBai0AAEYbIQELIAELwAIBA38CQAJAAkAgACgCJA0AIABBADoAKCAAQQA2AgBBASECDAELAkAgACgCAEEKRw0AQQAhAwwCC0ECIQMMAQtBASEDCwJAAkADQAJAAkACQAJAIAMOAwABAwMLIAEoAgQiAyABKAIIIgRGDQQgASgCACEFAkADQCAFIANqLQAADQEgASADQQFqIgM2AgQgACAAKAIEQQFqQQNxNgIEIAQgA0YNBgwACwsCQCAAKAIERQ0AQQcPCyAAKAIkRQ0BIABBADoAKCAAQQA2AgBBASEDDAMLIABCADcDGCAAQQA2AgQgAEHIAGpBAEHkABCGgICAABogAEGsAWpBDDYCAAtBAiEDDAELIAAgARCQgICAACIDQQFHDQIgAEEKNgIAQQAhAwwACwsCQCACDQBBAA8LQQdBASAAKAIEGyEDCyADC3UBAX8CQEG4CRCAgICAACICRQ0AIAIgADYCJCACIAAgARCbgICAACIANgKwCQJAIABFDQAgAkEAOgAoIAJCADcDACACQgA3AxggAkHIAGpBAEHkABCGgICAABogAkGsAWpBDDYCACACDwsgAhCCgICAAAtBAAseAAJAIABFDQAgACgCsAkQnYCAgAAgABCCgICAAAsL3RABCn8gAEHo3QFqIQIgAEHUAGohAyAAQRxqIgRBCGohBQJAAkADQCAAKAJAIQYCQAJAAkACQAJAAkACQAJAAkACQAJAAkACQAJAAkAgASgCBCIHIAEoAghJDQAgBkEHRg0BDBELIAYOCQECAwQFBgcACQ4LIAAoAkwhBgwHC0EBIQYgASAHQQFqNgIEIAEoAgAgB2otAAAiB0UNCAJAAkAgB0HfAUsNACAHQQFHDQELIABBgAI7AVACQCAAKAI8DQAgACABKAIMIAEoAhAiBmo2AhggACABKAIUIAZrNgIsCyAEQgA3AgAgBUIANwIADAoLIAAtAFBFDQkMDQsgASAHQQFqNgIEIAEoAgAgB2otAAAhByAAQQI2AkAgACAHQQh0IAAoAkhqNgJIDAsLIAEgB0EBajYCBCABKAIAIAdqLQAAIQcgAEEDNgJAIAAgByAAKAJIakEBajYCSAwKCyABIAdBAWo2AgQgASgCACAHai0AACEHIABBBDYCQCAAIAdBCHQ2AkwMCQsgASAHQQFqNgIEIAEoAgAgB2otAAAhByAAIAAoAkQ2AkAgACAHIAAoAkxqQQFqNgJMDAgLIAEgB0EBajYCBEEHIQYgASgCACAHai0AACIHQeABSw0DQQAhCAJAAkAgB0EtTw0AQQAhCQwBCyAHQVNqIgcgB0H/AXFBLW4iCUEtbGshByAJQQFqIQkLIABBfyAJdEF/czYCdAJAIAdB/wFxQQlJDQAgB0F3aiIHIAdB/wFxQQluIghBCWxrIQcgCEEBaiEICyAAIAg2AnAgACAHQf8BcSIHNgJsIAggB2pBBEsNAyADQgA3AgAgA0EIakIANwIAIANBEGpBADYCACAAQX8gCHRBf3M2AnBB+AAhBwNAIAAgB2pBgAg7AQAgB0ECaiIHQeTdAUcNAAsgAEEGNgJAIABBBTYCCCAAQv////8PNwIACyAAKAJMIgpBBUkNBwJAIAAoAggiB0UNACAHQX9qIQYgASgCBCEHIAEoAgghCQNAIAkgB0YNCiABIAdBAWoiCDYCBCABKAIAIAdqLQAAIQcgACAGNgIIIAAgByAAKAIEQQh0cjYCBCAIIQcgBkF/aiIGQX9HDQALCyAAQQc2AkAgACAKQXtqIgY2AkwLIAAgACgCICIHIAEoAhQgASgCEGsiCCAAKAJIIgkgCCAJSRsiCGogACgCLCIJIAkgB2sgCEsbNgIoIAEoAggiCiABKAIEIghrIQcCQAJAAkAgACgC5N0BIgkNACAGDQFBACEGCyACIAlqIAEoAgAgCGpBKiAJayIIIAYgCWsiBiAIIAZJGyIGIAcgBiAHSRsiBxCHgICAABoCQAJAIAAoAuTdASIIIAdqIgYgACgCTEcNACACIAhqIAdqQQBBPyAGaxCGgICAABogACgC5N0BIAdqIQYMAQsCQCAGQRRLDQAgACAGNgLk3QEgASABKAIEIAdqNgIEDAMLIAZBa2ohBgsgAEEANgIQIAAgAjYCDCAAIAY2AhRBByEGIAAQmoCAgABFDQMgACgCECIIIAAoAuTdASIJIAdqSw0DIAAgACgCTCAIayIGNgJMAkAgCCAJTw0AIAAgCSAIayIHNgLk3QEgAiACIAhqIAcQhYCAgAAaDAILIABBADYC5N0BIAEgASgCBCAIIAlraiIINgIEIAEoAggiCiAIayEHCwJAIAdBFUkNACAAIAg2AhAgACABKAIANgIMIAAgCkFraiAIIAZqIAcgBkEVakkbNgIUQQchBiAAEJqAgIAARQ0DIAAoAkwiByAAKAIQIgggASgCBGsiCUkNAyABIAg2AgQgACAHIAlrIgY2AkwgASgCCCAIayIHQRRLDQELIAIgASgCACAIaiAHIAYgByAGSRsiBxCHgICAABogACAHNgLk3QEgASABKAIEIAdqNgIECyAAKAIgIgYgACgCHCIIayEHAkAgACgCPEUNAAJAIAYgACgCLEcNACAAQQA2AiALIAEoAgwgASgCEGogACgCGCAIaiAHEIeAgIAAGiAAKAIgIQYLIAAgBjYCHCABIAEoAhAgB2oiCDYCECAAIAAoAkgiBiAHazYCSAJAIAYgB0cNAEEHIQYgACgCTA0CIAAoAmgNAiAAKAIEDQIgAEEANgJADAQLQQAhBiAIIAEoAhRGDQEgASgCBCABKAIIRw0FIAAoAuTdASAAKAJMTw0FDAELAkADQCAAKAJMIghFDQFBACEGIAEoAggiCSAHTQ0CIAEoAhQiCiABKAIQIgtNDQIgACAIIAkgB2siBiAKIAtrIgkgBiAJSRsiBiAAKAIsIAAoAiAiCWsiCiAGIApJGyIGIAggBiAISRsiBms2AkwgCSAAKAIYaiABKAIAIAdqIAYQhYCAgAAaIAAgACgCICAGaiIHNgIgAkAgACgCJCAHTw0AIAAgBzYCJAsCQCAAKAI8RQ0AAkAgByAAKAIsRw0AIABBADYCIAsgASgCDCABKAIQaiABKAIAIAEoAgRqIAYQhYCAgAAaIAAoAiAhBwsgACAHNgIcIAEgASgCECAGajYCECABIAEoAgQgBmoiBzYCBAwACwsgAEEANgJADAQLIAYPCyAHwEF/Sg0BIABBATYCQCAAIAdBEHRBgID8AHE2AkgCQCAHQcABSQ0AIABBBTYCRCAAQQA6AFEMAwsgAC0AUQ0DIABBBjYCRCAHQaABSQ0CIANCADcCACADQRBqQQA2AgAgA0EIakIANwIAQfgAIQcDQCAAIAdqQYAIOwEAIAdBAmoiB0Hk3QFHDQALCyAAQQU2AgggAEL/////DzcCAAwBCyAHQQJLDQEgAEKDgICAgAE3AkAMAAsLQQcPC0EAC5wYARR/IABBGGohAQJAIABBIGooAgAiAiAAQShqKAIAIgNPDQAgAEHoAGoiBCgCAEUNACABIAQgACgCVBCegICAABogACgCKCEDIAAoAiAhAgsCQCACIANPDQAgAEHYC2ohBSAAQbwNaiEGIABB3A1qIQcgAEHoAGohCCAAQeAVaiEJIABB1ABqIQoDQCAAKAIQIgsgACgCFEsNASAAIAAoAmQiDEEFdGogACgCdCACcSINQQF0aiIOQfgAaiEPAkACQCAAKAIAIgNBgICACEkNACAAKAIEIRAMAQsgACADQQh0IgM2AgAgACALQQFqIgQ2AhAgACAAKAIEQQh0IAAoAgwgC2otAAByIhA2AgQgBCELCwJAAkAgECADQQt2IA8vAQAiEWwiBE8NACAAIAQ2AgAgDyARQYAQIBFrQQV2ajsBACACQX9qIQMCQCACDQAgACgCLCADaiEDCwJAAkAgACgCJCIRDQBBACEDDAELIAEoAgAgA2otAAAhAwsgACAAKAJwIAJxIAAoAmwiD3QgA0EIIA9rdmpBgAxsakHkHWohDgJAAkAgDEEGSw0AQQEhAwNAIA4gA0EBdCIDaiEQAkACQCAAKAIAIgRBgICACEkNACAAKAIEIQwMAQsgACAEQQh0IgQ2AgAgACAAKAIQIg9BAWo2AhAgACAAKAIEQQh0IA8gACgCDGotAAByIgw2AgQLAkACQCAMIARBC3YgEC8BACIRbCIPSQ0AIAAgDCAPazYCBCAEIA9rIQ8gA0EBciEDIBEgEUEFdmshBAwBCyARQYAQIBFrQQV2aiEECyAAIA82AgAgECAEOwEAIANBgAJJDQALIAAoAiAhAgwBCyACIAAoAlQiD0F/c2ohAwJAIAIgD0sNACAAKAIsIANqIQMLAkACQCARDQBBACESDAELIAEoAgAgA2otAAAhEgtBASEDQYACIQ8DQCAOIBJBAXQiEiAPcSITIA9qIANqQQF0aiERAkACQCAEQf///wdNDQAgBCENDAELIAAgBEEIdCINNgIAIAAgC0EBaiIENgIQIAAgEEEIdCAAKAIMIAtqLQAAciIQNgIEIAQhCwsCQAJAIBAgDUELdiARLwEAIgxsIgRPIhQNACAMQYAQIAxrQQV2aiEMDAELIAAgECAEayIQNgIEIA0gBGshBCAMIAxBBXZrIQxBACEPCyAAIAQ2AgAgESAMOwEAIA8gE3MhDyADQQF0IBRyIgNBgAJJDQALCyAAIAJBAWo2AiAgACgCGCACaiADOgAAAkAgACgCJCAAKAIgIgJPDQAgACACNgIkC0EAIQMCQCAAKAJkIgRBBEkNAAJAIARBCUsNACAEQX1qIQMMAQsgBEF6aiEDCyAAIAM2AmQMAQsgACADIARrIgM2AgAgACAQIARrIgQ2AgQgDyARIBFBBXZrOwEAIAAgDEEBdGoiEkH4A2ohDwJAAkAgA0H///8HTQ0AIAshEwwBCyAAIANBCHQiAzYCACAAIAtBAWoiEzYCECAAIARBCHQgACgCDCALai0AAHIiBDYCBAsCQAJAIAQgA0ELdiAPLwEAIhBsIhFJDQAgACADIBFrIgw2AgAgACAEIBFrIgM2AgQgDyAQIBBBBXZrOwEAIBJBkARqIQ8CQAJAIAxB////B00NACATIREMAQsgACAMQQh0Igw2AgAgACATQQFqIhE2AhAgACADQQh0IAAoAgwgE2otAAByIgM2AgQLAkACQCADIAxBC3YgDy8BACIQbCIETw0AIAAgBDYCACAPIBBBgBAgEGtBBXZqOwEAIA5B2ARqIQ8CQCAEQf///wdLDQAgACAEQQh0IgQ2AgAgACARQQFqNgIQIAAgA0EIdCAAKAIMIBFqLQAAciIDNgIECwJAIAMgBEELdiAPLwEAIhBsIhFJDQAgACAEIBFrNgIAIAAgAyARazYCBCAPIBAgEEEFdms7AQAMAgsgACARNgIAIA8gEEGAECAQa0EFdmo7AQAgAEEBNgJoIABBCUELIAAoAmRBB0kbNgJkDAMLIAAgDCAEayIMNgIAIAAgAyAEayIDNgIEIA8gECAQQQV2azsBACASQagEaiEEAkACQCAMQf///wdNDQAgESEODAELIAAgDEEIdCIMNgIAIAAgEUEBaiIONgIQIAAgA0EIdCAAKAIMIBFqLQAAciIDNgIECwJAAkAgAyAMQQt2IAQvAQAiD2wiEE8NACAAIBA2AgAgBCAPQYAQIA9rQQV2ajsBACAAKAJYIQMMAQsgACAMIBBrIhE2AgAgACADIBBrIgM2AgQgBCAPIA9BBXZrOwEAIBJBwARqIQ8CQCARQf///wdLDQAgACARQQh0IhE2AgAgACAOQQFqNgIQIAAgA0EIdCAAKAIMIA5qLQAAciIDNgIECwJAAkAgAyARQQt2IA8vAQAiEGwiBE8NACAQQYAQIBBrQQV2aiEQIAAoAlwhAwwBCyAAIAMgBGs2AgQgACgCYCEDIAAgACgCXDYCYCARIARrIQQgECAQQQV2ayEQCyAAIAQ2AgAgDyAQOwEAIAAgACgCWDYCXAsgACAAKAJUNgJYIAAgAzYCVAsgAEEIQQsgACgCZEEHSRs2AmQgACAJIA0Qn4CAgAAMAQsgACARNgIAIA8gEEGAECAQa0EFdmo7AQAgACAAKAJcNgJgIAAgACkCVDcCWCAAQQdBCiAAKAJkQQdJGzYCZCAAIAcgDRCfgICAACAKIAAoAmgiA0F+akEDIANBBkkbQQd0akGEB2ohDUEBIQMDQCANIANBAXQiA2ohEAJAAkAgACgCACIEQYCAgAhJDQAgACgCBCEMDAELIAAgBEEIdCIENgIAIAAgACgCECIPQQFqNgIQIAAgACgCBEEIdCAPIAAoAgxqLQAAciIMNgIECwJAAkAgDCAEQQt2IBAvAQAiEWwiD0kNACAAIAwgD2s2AgQgBCAPayEPIANBAXIhAyARIBFBBXZrIQQMAQsgEUGAECARa0EFdmohBAsgACAPNgIAIBAgBDsBACADQcAASQ0ACwJAIANBQGoiBEEDSw0AIAAgBDYCVAwBCyAAIANBAXFBAnIiDzYCVCAEQQF2IRACQCAEQQ1LDQAgACAPIBBBf2oiDnQiBDYCVEEBIQ8gBSAEQQF0akHAACADa0EBdGpBfmohEkEAIQwDQCASIA9BAXQiD2ohEAJAAkAgACgCACIDQYCAgAhJDQAgACgCBCENDAELIAAgA0EIdCIDNgIAIAAgACgCECIEQQFqNgIQIAAgACgCBEEIdCAEIAAoAgxqLQAAciINNgIECwJAAkAgDSADQQt2IBAvAQAiEWwiBEkNACAAIA0gBGs2AgQgACAAKAJUQQEgDHRqNgJUIAMgBGshBCAPQQFyIQ8gESARQQV2ayEDDAELIBFBgBAgEWtBBXZqIQMLIAAgBDYCACAQIAM7AQAgDiAMQQFqIgxHDQAMAgsLIBBBe2ohECAAKAIEIQQgACgCACEDA0ACQCADQf///wdLDQAgACADQQh0IgM2AgAgACAAKAIQIhFBAWo2AhAgBEEIdCARIAAoAgxqLQAAciEECyAAIANBAXYiAzYCACAAIAQgA2siBEEfdSIRIA9BAXRqQQFqIg82AlQgACARIANxIARqIgQ2AgQgEEF/aiIQDQALIAAgD0EEdDYCVEEAIQxBASEPA0AgBiAPQQF0Ig9qIRACQAJAIAAoAgAiA0GAgIAISQ0AIAAoAgQhDQwBCyAAIANBCHQiAzYCACAAIAAoAhAiBEEBajYCECAAIAAoAgRBCHQgBCAAKAIMai0AAHIiDTYCBAsCQAJAIA0gA0ELdiAQLwEAIhFsIgRJDQAgACANIARrNgIEIAAgACgCVEEBIAx0ajYCVCADIARrIQQgD0EBciEPIBEgEUEFdmshAwwBCyARQYAQIBFrQQV2aiEDCyAAIAQ2AgAgECADOwEAIAxBAWoiDEEERw0ACwsCQCABIAggACgCVBCegICAAA0AQQAPCyAAKAIgIQILIAIgACgCKEkNAAsLQQEhAwJAIAAoAgAiBEH///8HSw0AIAAgBEEIdDYCAEEBIQMgACAAKAIQIgRBAWo2AhAgACAAKAIEQQh0IAQgACgCDGotAAByNgIECyADC3ABAX8CQEGo3gEQgICAgAAiAkUNACACQTRqIAE2AgAgAkE8aiAANgIAAkACQAJAIABBf2oOAgABAgsgAiABEICAgIAAIgA2AhggAA0BIAIQgoCAgAAMAgsgAkEANgIYIAJBOGpBADYCAAsgAg8LQQAL0gEBAn9BBiECAkAgAUEnSw0AIABBMGogAUEBcUECciABQQF2QQtqdCIBNgIAAkACQCAAQTxqKAIAIgNFDQBBBCECIAEgAEE0aigCAEsNAiAAQSxqIAE2AgAgA0ECRw0AIABBOGoiAygCACABTw0AIAAgATYCOCAAKAIYEIKAgIAAIAAgACgCMBCAgICAACIBNgIYIAENAEEDIQIMAQtBACECIABBADYCQCAAQdAAakEBOgAAIABB6ABqQQA2AgAgAEHk3QFqIQMLIANBADYCAAsgAgsjAAJAIABBPGooAgBFDQAgACgCGBCCgICAAAsgABCCgICAAAvHAQEDf0EAIQMCQCAAKAIMIAJNDQAgACgCGCACTQ0AIAEgASgCACIDIAAoAhAgACgCCCIEayIFIAMgBSADSRsiBWs2AgAgBCACQX9zaiEDAkAgBCACSw0AIAAoAhQgA2ohAwsDQCAAKAIAIgIgA2otAAAhASAAIAAoAggiBEEBajYCCCACIARqIAE6AABBACADQQFqIgMgAyAAKAIURhshAyAFQX9qIgUNAAtBASEDIAAoAgwgACgCCCIFTw0AIAAgBTYCDAsgAwvoBAEGfwJAAkAgACgCACIDQYCAgAhJDQAgACgCBCEEDAELIAAgA0EIdCIDNgIAIAAgACgCECIFQQFqNgIQIAAgACgCBEEIdCAFIAAoAgxqLQAAciIENgIECwJAAkAgBCADQQt2IAEvAQAiBWwiBk8NACAAIAY2AgAgASAFQYAQIAVrQQV2ajsBACABIAJBBHRqQQRqIQdBCCEIQQIhAQwBCyAAIAMgBmsiAzYCACAAIAQgBmsiBDYCBCABIAUgBUEFdms7AQACQCADQf///wdLDQAgACADQQh0IgM2AgAgACAAKAIQIgVBAWo2AhAgACAEQQh0IAUgACgCDGotAAByIgQ2AgQLAkAgBCADQQt2IAEvAQIiBWwiBk8NACAAIAY2AgAgASAFQYAQIAVrQQV2ajsBAiABIAJBBHRqQYQCaiEHQQghCEEKIQEMAQsgACADIAZrNgIAIAAgBCAGazYCBCABIAUgBUEFdms7AQIgAUGEBGohB0GAAiEIQRIhAQsgAEHoAGogATYCAEEBIQEDQCAHIAFBAXQiAWohBAJAAkAgACgCACIDQYCAgAhJDQAgACgCBCECDAELIAAgA0EIdCIDNgIAIAAgACgCECIFQQFqNgIQIAAgACgCBEEIdCAFIAAoAgxqLQAAciICNgIECwJAAkAgAiADQQt2IAQvAQAiBmwiBUkNACAAIAIgBWs2AgQgAyAFayEFIAFBAXIhASAGIAZBBXZrIQMMAQsgBkGAECAGa0EFdmohAwsgACAFNgIAIAQgAzsBACABIAhJDQALIABB6ABqIgAgASAIayAAKAIAajYCAAsLNQEAQYAICy4IAAAAEAAAABgAAAAgAAAAKAAAADAAAABAAAAAUAAAAIAAAAAAAQAA/Td6WFoA";

		/***/ }),
		/* 2 */
		/***/ ((module) => {

		module.exports = __WEBPACK_EXTERNAL_MODULE__2__;

		/***/ })
		/******/ 	]);
		/************************************************************************/
		/******/ 	// The module cache
		/******/ 	var __webpack_module_cache__ = {};
		/******/ 	
		/******/ 	// The require function
		/******/ 	function __webpack_require__(moduleId) {
		/******/ 		// Check if module is in cache
		/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
		/******/ 		if (cachedModule !== undefined) {
		/******/ 			return cachedModule.exports;
		/******/ 		}
		/******/ 		// Create a new module (and put it into the cache)
		/******/ 		var module = __webpack_module_cache__[moduleId] = {
		/******/ 			// no module.id needed
		/******/ 			// no module.loaded needed
		/******/ 			exports: {}
		/******/ 		};
		/******/ 	
		/******/ 		// Execute the module function
		/******/ 		__webpack_modules__[moduleId](module, module.exports, __webpack_require__);
		/******/ 	
		/******/ 		// Return the exports of the module
		/******/ 		return module.exports;
		/******/ 	}
		/******/ 	
		/************************************************************************/
		/******/ 	/* webpack/runtime/define property getters */
		/******/ 	(() => {
		/******/ 		// define getter functions for harmony exports
		/******/ 		__webpack_require__.d = (exports, definition) => {
		/******/ 			for(var key in definition) {
		/******/ 				if(__webpack_require__.o(definition, key) && !__webpack_require__.o(exports, key)) {
		/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
		/******/ 				}
		/******/ 			}
		/******/ 		};
		/******/ 	})();
		/******/ 	
		/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
		/******/ 	(() => {
		/******/ 		__webpack_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop));
		/******/ 	})();
		/******/ 	
		/******/ 	/* webpack/runtime/make namespace object */
		/******/ 	(() => {
		/******/ 		// define __esModule on exports
		/******/ 		__webpack_require__.r = (exports) => {
		/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
		/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
		/******/ 			}
		/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
		/******/ 		};
		/******/ 	})();
		/******/ 	
		/************************************************************************/
		var __webpack_exports__ = {};
		// This entry need to be wrapped in an IIFE because it need to be isolated against other modules in the chunk.
		(() => {
		__webpack_require__.r(__webpack_exports__);
		/* harmony export */ __webpack_require__.d(__webpack_exports__, {
		/* harmony export */   XzReadableStream: () => (/* binding */ XzReadableStream)
		/* harmony export */ });
		/* harmony import */ var _dist_native_xz_decompress_wasm__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1);


		const ReadableStream = globalThis.ReadableStream
		    // Node < 18 support web streams, but it's not available as a global, so we need to require it.
		    // This won't be reached in modern browsers, and bundlers will ignore due to 'browser' field in package.json:
		    || (__webpack_require__(2).ReadableStream);

		const XZ_OK = 0;
		const XZ_STREAM_END = 1;

		class XzContext {
		    constructor(moduleInstance) {
		        this.exports = moduleInstance.exports;
		        this.memory = this.exports.memory;
		        this.ptr = this.exports.create_context();
		        this._refresh();
		        this.bufSize = this.mem32[0];
		        this.inStart = this.mem32[1] - this.ptr;
		        this.inEnd = this.inStart + this.bufSize;
		        this.outStart = this.mem32[4] - this.ptr;
		    }

		    supplyInput(sourceDataUint8Array) {
		        this._refresh();
		        const inBuffer = this.mem8.subarray(this.inStart, this.inEnd);
		        inBuffer.set(sourceDataUint8Array, 0);
		        this.exports.supply_input(this.ptr, sourceDataUint8Array.byteLength);
		        this._refresh();
		    }

		    getNextOutput() {
		        const result = this.exports.get_next_output(this.ptr);
		        this._refresh();
		        if (result !== XZ_OK && result !== XZ_STREAM_END) {
		            throw new Error(`get_next_output failed with error code ${result}`);
		        }
		        const outChunk = this.mem8.slice(this.outStart, this.outStart + /* outPos */ this.mem32[5]);
		        return { outChunk, finished: result === XZ_STREAM_END };
		    }

		    needsMoreInput() {
		        return /* inPos */ this.mem32[2] === /* inSize */ this.mem32[3];
		    }

		    outputBufferIsFull() {
		        return /* outPos */ this.mem32[5] === this.bufSize;
		    }

		    resetOutputBuffer() {
		        this.outPos = this.mem32[5] = 0;
		    }

		    dispose() {
		        this.exports.destroy_context(this.ptr);
		        this.exports = null;
		    }

		    _refresh() {
		        if (this.memory.buffer !== this.mem8?.buffer) {
		            this.mem8 = new Uint8Array(this.memory.buffer, this.ptr);
		            this.mem32 = new Uint32Array(this.memory.buffer, this.ptr);
		        }
		    }
		}

		// Simple mutex to serialize context creation and prevent resource exhaustion
		class ContextMutex {
		    constructor() {
		        this.locked = false;
		        this.waitQueue = [];
		    }

		    async acquire() {
		        if (!this.locked) {
		            this.locked = true;
		            return;
		        }

		        // Wait in queue
		        return new Promise((resolve) => {
		            this.waitQueue.push(resolve);
		        });
		    }

		    release() {
		        if (this.waitQueue.length > 0) {
		            const next = this.waitQueue.shift();
		            next();
		        } else {
		            this.locked = false;
		        }
		    }
		}

		class XzReadableStream extends ReadableStream {
		    static _moduleInstancePromise;
		    static _moduleInstance;
		    static _contextMutex = new ContextMutex();

		    static async _getModuleInstance() {
		        const base64Wasm = _dist_native_xz_decompress_wasm__WEBPACK_IMPORTED_MODULE_0__.replace('data:application/wasm;base64,', '');
		        const wasmBytes = Uint8Array.from(atob(base64Wasm), c => c.charCodeAt(0)).buffer;
		        const wasmOptions = {};
		        const module = await WebAssembly.instantiate(wasmBytes, wasmOptions);
		        XzReadableStream._moduleInstance = module.instance;
		    }

		    constructor(compressedStream) {
		        let xzContext;
		        let unconsumedInput = null;
		        const compressedReader = compressedStream.getReader();

		        super({
		            async start(controller) {
		                await XzReadableStream._contextMutex.acquire();

		                try {
		                    if (!XzReadableStream._moduleInstance) {
		                        await (XzReadableStream._moduleInstancePromise || (XzReadableStream._moduleInstancePromise = XzReadableStream._getModuleInstance()));
		                    }
		                    xzContext = new XzContext(XzReadableStream._moduleInstance);
		                } catch (error) {
		                    XzReadableStream._contextMutex.release();
		                    throw error;
		                }
		            },

		            async pull(controller) {
		                try {
		                    if (xzContext.needsMoreInput()) {
		                        if (unconsumedInput === null || unconsumedInput.byteLength === 0) {
		                            const { done, value } = await compressedReader.read();
		                            if (!done) {
		                                unconsumedInput = value;
		                            }
		                        }
		                        const nextInputLength = Math.min(xzContext.bufSize, unconsumedInput.byteLength);
		                        xzContext.supplyInput(unconsumedInput.subarray(0, nextInputLength));
		                        unconsumedInput = unconsumedInput.subarray(nextInputLength);
		                    }

		                    const nextOutputResult = xzContext.getNextOutput();
		                    controller.enqueue(nextOutputResult.outChunk);
		                    xzContext.resetOutputBuffer();

		                    if (nextOutputResult.finished) {
		                        xzContext.dispose();
		                        XzReadableStream._contextMutex.release();
		                        controller.close();
		                    }
		                } catch (error) {
		                    if (xzContext) {
		                        xzContext.dispose();
		                    }
		                    XzReadableStream._contextMutex.release();
		                    throw error;
		                }
		            },
		            cancel() {
		                try {
		                    if (xzContext) {
		                        xzContext.dispose();
		                    }
		                    return compressedReader.cancel();
		                } finally {
		                    XzReadableStream._contextMutex.release();
		                }
		            }
		        });
		    }
		}

		})();

		/******/ 	return __webpack_exports__;
		/******/ })()
		;
		}); 
	} (xzDecompress$3));
	return xzDecompress$3.exports;
}

var xzDecompressExports = requireXzDecompress();
var xzDecompress = /*@__PURE__*/getDefaultExportFromCjs(xzDecompressExports);

var xzDecompress$1 = /*#__PURE__*/_mergeNamespaces({
    __proto__: null,
    default: xzDecompress
}, [xzDecompressExports]);

/*
node-bzip - a pure-javascript Node.JS module for decoding bzip2 data

Copyright (C) 2012 Eli Skeggs

Permission is hereby granted, free of charge, to any person obtaining
a copy of this software and associated documentation files (the
"Software"), to deal in the Software without restriction, including
without limitation the rights to use, copy, modify, merge, publish,
distribute, sublicense, and/or sell copies of the Software, and to
permit persons to whom the Software is furnished to do so, subject to
the following conditions:

The above copyright notice and this permission notice shall be
included in all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND,
EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE
LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION
OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION
WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.

Adapted from bzip2.js, copyright 2011 antimatter15 (antimatter15@gmail.com).

Based on micro-bunzip by Rob Landley (rob@landley.net).

Based on bzip2 decompression code by Julian R Seward (jseward@acm.org),
which also acknowledges contributions by Mike Burrows, David Wheeler,
Peter Fenwick, Alistair Moffat, Radford Neal, Ian H. Witten,
Robert Sedgewick, and Jon L. Bentley.
*/

var bitreader;
var hasRequiredBitreader;

function requireBitreader () {
	if (hasRequiredBitreader) return bitreader;
	hasRequiredBitreader = 1;
	var BITMASK = [0x00, 0x01, 0x03, 0x07, 0x0F, 0x1F, 0x3F, 0x7F, 0xFF];

	// offset in bytes
	var BitReader = function(stream) {
	  this.stream = stream;
	  this.bitOffset = 0;
	  this.curByte = 0;
	  this.hasByte = false;
	};

	BitReader.prototype._ensureByte = function() {
	  if (!this.hasByte) {
	    this.curByte = this.stream.readByte();
	    this.hasByte = true;
	  }
	};

	// reads bits from the buffer
	BitReader.prototype.read = function(bits) {
	  var result = 0;
	  while (bits > 0) {
	    this._ensureByte();
	    var remaining = 8 - this.bitOffset;
	    // if we're in a byte
	    if (bits >= remaining) {
	      result <<= remaining;
	      result |= BITMASK[remaining] & this.curByte;
	      this.hasByte = false;
	      this.bitOffset = 0;
	      bits -= remaining;
	    } else {
	      result <<= bits;
	      var shift = remaining - bits;
	      result |= (this.curByte & (BITMASK[bits] << shift)) >> shift;
	      this.bitOffset += bits;
	      bits = 0;
	    }
	  }
	  return result;
	};

	// seek to an arbitrary point in the buffer (expressed in bits)
	BitReader.prototype.seek = function(pos) {
	  var n_bit = pos % 8;
	  var n_byte = (pos - n_bit) / 8;
	  this.bitOffset = n_bit;
	  this.stream.seek(n_byte);
	  this.hasByte = false;
	};

	// reads 6 bytes worth of data using the read method
	BitReader.prototype.pi = function() {
	  var buf = new Buffer(6), i;
	  for (i = 0; i < buf.length; i++) {
	    buf[i] = this.read(8);
	  }
	  return buf.toString('hex');
	};

	bitreader = BitReader;
	return bitreader;
}

/* very simple input/output stream interface */

var stream;
var hasRequiredStream;

function requireStream () {
	if (hasRequiredStream) return stream;
	hasRequiredStream = 1;
	var Stream = function() {
	};

	// input streams //////////////
	/** Returns the next byte, or -1 for EOF. */
	Stream.prototype.readByte = function() {
	  throw new Error("abstract method readByte() not implemented");
	};
	/** Attempts to fill the buffer; returns number of bytes read, or
	 *  -1 for EOF. */
	Stream.prototype.read = function(buffer, bufOffset, length) {
	  var bytesRead = 0;
	  while (bytesRead < length) {
	    var c = this.readByte();
	    if (c < 0) { // EOF
	      return (bytesRead===0) ? -1 : bytesRead;
	    }
	    buffer[bufOffset++] = c;
	    bytesRead++;
	  }
	  return bytesRead;
	};
	Stream.prototype.seek = function(new_pos) {
	  throw new Error("abstract method seek() not implemented");
	};

	// output streams ///////////
	Stream.prototype.writeByte = function(_byte) {
	  throw new Error("abstract method readByte() not implemented");
	};
	Stream.prototype.write = function(buffer, bufOffset, length) {
	  var i;
	  for (i=0; i<length; i++) {
	    this.writeByte(buffer[bufOffset++]);
	  }
	  return length;
	};
	Stream.prototype.flush = function() {
	};

	stream = Stream;
	return stream;
}

/* CRC32, used in Bzip2 implementation.
 * This is a port of CRC32.java from the jbzip2 implementation at
 *   https://code.google.com/p/jbzip2
 * which is:
 *   Copyright (c) 2011 Matthew Francis
 *
 *   Permission is hereby granted, free of charge, to any person
 *   obtaining a copy of this software and associated documentation
 *   files (the "Software"), to deal in the Software without
 *   restriction, including without limitation the rights to use,
 *   copy, modify, merge, publish, distribute, sublicense, and/or sell
 *   copies of the Software, and to permit persons to whom the
 *   Software is furnished to do so, subject to the following
 *   conditions:
 *
 *   The above copyright notice and this permission notice shall be
 *   included in all copies or substantial portions of the Software.
 *
 *   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND,
 *   EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES
 *   OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
 *   NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT
 *   HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY,
 *   WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
 *   FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR
 *   OTHER DEALINGS IN THE SOFTWARE.
 * This JavaScript implementation is:
 *   Copyright (c) 2013 C. Scott Ananian
 * with the same licensing terms as Matthew Francis' original implementation.
 */

var crc32;
var hasRequiredCrc32;

function requireCrc32 () {
	if (hasRequiredCrc32) return crc32;
	hasRequiredCrc32 = 1;
	crc32 = (function() {

	  /**
	   * A static CRC lookup table
	   */
	  var crc32Lookup = new Uint32Array([
	    0x00000000, 0x04c11db7, 0x09823b6e, 0x0d4326d9, 0x130476dc, 0x17c56b6b, 0x1a864db2, 0x1e475005,
	    0x2608edb8, 0x22c9f00f, 0x2f8ad6d6, 0x2b4bcb61, 0x350c9b64, 0x31cd86d3, 0x3c8ea00a, 0x384fbdbd,
	    0x4c11db70, 0x48d0c6c7, 0x4593e01e, 0x4152fda9, 0x5f15adac, 0x5bd4b01b, 0x569796c2, 0x52568b75,
	    0x6a1936c8, 0x6ed82b7f, 0x639b0da6, 0x675a1011, 0x791d4014, 0x7ddc5da3, 0x709f7b7a, 0x745e66cd,
	    0x9823b6e0, 0x9ce2ab57, 0x91a18d8e, 0x95609039, 0x8b27c03c, 0x8fe6dd8b, 0x82a5fb52, 0x8664e6e5,
	    0xbe2b5b58, 0xbaea46ef, 0xb7a96036, 0xb3687d81, 0xad2f2d84, 0xa9ee3033, 0xa4ad16ea, 0xa06c0b5d,
	    0xd4326d90, 0xd0f37027, 0xddb056fe, 0xd9714b49, 0xc7361b4c, 0xc3f706fb, 0xceb42022, 0xca753d95,
	    0xf23a8028, 0xf6fb9d9f, 0xfbb8bb46, 0xff79a6f1, 0xe13ef6f4, 0xe5ffeb43, 0xe8bccd9a, 0xec7dd02d,
	    0x34867077, 0x30476dc0, 0x3d044b19, 0x39c556ae, 0x278206ab, 0x23431b1c, 0x2e003dc5, 0x2ac12072,
	    0x128e9dcf, 0x164f8078, 0x1b0ca6a1, 0x1fcdbb16, 0x018aeb13, 0x054bf6a4, 0x0808d07d, 0x0cc9cdca,
	    0x7897ab07, 0x7c56b6b0, 0x71159069, 0x75d48dde, 0x6b93dddb, 0x6f52c06c, 0x6211e6b5, 0x66d0fb02,
	    0x5e9f46bf, 0x5a5e5b08, 0x571d7dd1, 0x53dc6066, 0x4d9b3063, 0x495a2dd4, 0x44190b0d, 0x40d816ba,
	    0xaca5c697, 0xa864db20, 0xa527fdf9, 0xa1e6e04e, 0xbfa1b04b, 0xbb60adfc, 0xb6238b25, 0xb2e29692,
	    0x8aad2b2f, 0x8e6c3698, 0x832f1041, 0x87ee0df6, 0x99a95df3, 0x9d684044, 0x902b669d, 0x94ea7b2a,
	    0xe0b41de7, 0xe4750050, 0xe9362689, 0xedf73b3e, 0xf3b06b3b, 0xf771768c, 0xfa325055, 0xfef34de2,
	    0xc6bcf05f, 0xc27dede8, 0xcf3ecb31, 0xcbffd686, 0xd5b88683, 0xd1799b34, 0xdc3abded, 0xd8fba05a,
	    0x690ce0ee, 0x6dcdfd59, 0x608edb80, 0x644fc637, 0x7a089632, 0x7ec98b85, 0x738aad5c, 0x774bb0eb,
	    0x4f040d56, 0x4bc510e1, 0x46863638, 0x42472b8f, 0x5c007b8a, 0x58c1663d, 0x558240e4, 0x51435d53,
	    0x251d3b9e, 0x21dc2629, 0x2c9f00f0, 0x285e1d47, 0x36194d42, 0x32d850f5, 0x3f9b762c, 0x3b5a6b9b,
	    0x0315d626, 0x07d4cb91, 0x0a97ed48, 0x0e56f0ff, 0x1011a0fa, 0x14d0bd4d, 0x19939b94, 0x1d528623,
	    0xf12f560e, 0xf5ee4bb9, 0xf8ad6d60, 0xfc6c70d7, 0xe22b20d2, 0xe6ea3d65, 0xeba91bbc, 0xef68060b,
	    0xd727bbb6, 0xd3e6a601, 0xdea580d8, 0xda649d6f, 0xc423cd6a, 0xc0e2d0dd, 0xcda1f604, 0xc960ebb3,
	    0xbd3e8d7e, 0xb9ff90c9, 0xb4bcb610, 0xb07daba7, 0xae3afba2, 0xaafbe615, 0xa7b8c0cc, 0xa379dd7b,
	    0x9b3660c6, 0x9ff77d71, 0x92b45ba8, 0x9675461f, 0x8832161a, 0x8cf30bad, 0x81b02d74, 0x857130c3,
	    0x5d8a9099, 0x594b8d2e, 0x5408abf7, 0x50c9b640, 0x4e8ee645, 0x4a4ffbf2, 0x470cdd2b, 0x43cdc09c,
	    0x7b827d21, 0x7f436096, 0x7200464f, 0x76c15bf8, 0x68860bfd, 0x6c47164a, 0x61043093, 0x65c52d24,
	    0x119b4be9, 0x155a565e, 0x18197087, 0x1cd86d30, 0x029f3d35, 0x065e2082, 0x0b1d065b, 0x0fdc1bec,
	    0x3793a651, 0x3352bbe6, 0x3e119d3f, 0x3ad08088, 0x2497d08d, 0x2056cd3a, 0x2d15ebe3, 0x29d4f654,
	    0xc5a92679, 0xc1683bce, 0xcc2b1d17, 0xc8ea00a0, 0xd6ad50a5, 0xd26c4d12, 0xdf2f6bcb, 0xdbee767c,
	    0xe3a1cbc1, 0xe760d676, 0xea23f0af, 0xeee2ed18, 0xf0a5bd1d, 0xf464a0aa, 0xf9278673, 0xfde69bc4,
	    0x89b8fd09, 0x8d79e0be, 0x803ac667, 0x84fbdbd0, 0x9abc8bd5, 0x9e7d9662, 0x933eb0bb, 0x97ffad0c,
	    0xafb010b1, 0xab710d06, 0xa6322bdf, 0xa2f33668, 0xbcb4666d, 0xb8757bda, 0xb5365d03, 0xb1f740b4
	  ]);

	  var CRC32 = function() {
	    /**
	     * The current CRC
	     */
	    var crc = 0xffffffff;

	    /**
	     * @return The current CRC
	     */
	    this.getCRC = function() {
	      return (~crc) >>> 0; // return an unsigned value
	    };

	    /**
	     * Update the CRC with a single byte
	     * @param value The value to update the CRC with
	     */
	    this.updateCRC = function(value) {
	      crc = (crc << 8) ^ crc32Lookup[((crc >>> 24) ^ value) & 0xff];
	    };

	    /**
	     * Update the CRC with a sequence of identical bytes
	     * @param value The value to update the CRC with
	     * @param count The number of bytes
	     */
	    this.updateCRCRun = function(value, count) {
	      while (count-- > 0) {
	        crc = (crc << 8) ^ crc32Lookup[((crc >>> 24) ^ value) & 0xff];
	      }
	    };
	  };
	  return CRC32;
	})();
	return crc32;
}

var version = "2.0.0";
var license = "MIT";
var require$$3 = {
	version: version,
	license: license};

/*
seek-bzip - a pure-javascript module for seeking within bzip2 data

Copyright (C) 2013 C. Scott Ananian
Copyright (C) 2012 Eli Skeggs
Copyright (C) 2011 Kevin Kwok

Permission is hereby granted, free of charge, to any person obtaining
a copy of this software and associated documentation files (the
"Software"), to deal in the Software without restriction, including
without limitation the rights to use, copy, modify, merge, publish,
distribute, sublicense, and/or sell copies of the Software, and to
permit persons to whom the Software is furnished to do so, subject to
the following conditions:

The above copyright notice and this permission notice shall be
included in all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND,
EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE
LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION
OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION
WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.

Adapted from node-bzip, copyright 2012 Eli Skeggs.
Adapted from bzip2.js, copyright 2011 Kevin Kwok (antimatter15@gmail.com).

Based on micro-bunzip by Rob Landley (rob@landley.net).

Based on bzip2 decompression code by Julian R Seward (jseward@acm.org),
which also acknowledges contributions by Mike Burrows, David Wheeler,
Peter Fenwick, Alistair Moffat, Radford Neal, Ian H. Witten,
Robert Sedgewick, and Jon L. Bentley.
*/

var lib;
var hasRequiredLib;

function requireLib () {
	if (hasRequiredLib) return lib;
	hasRequiredLib = 1;
	var BitReader = requireBitreader();
	var Stream = requireStream();
	var CRC32 = requireCrc32();
	var pjson = require$$3;

	var MAX_HUFCODE_BITS = 20;
	var MAX_SYMBOLS = 258;
	var SYMBOL_RUNA = 0;
	var SYMBOL_RUNB = 1;
	var MIN_GROUPS = 2;
	var MAX_GROUPS = 6;
	var GROUP_SIZE = 50;

	var WHOLEPI = "314159265359";
	var SQRTPI = "177245385090";

	var mtf = function(array, index) {
	  var src = array[index], i;
	  for (i = index; i > 0; i--) {
	    array[i] = array[i-1];
	  }
	  array[0] = src;
	  return src;
	};

	var Err = {
	  OK: 0,
	  LAST_BLOCK: -1,
	  NOT_BZIP_DATA: -2,
	  UNEXPECTED_INPUT_EOF: -3,
	  UNEXPECTED_OUTPUT_EOF: -4,
	  DATA_ERROR: -5,
	  OUT_OF_MEMORY: -6,
	  OBSOLETE_INPUT: -7,
	  END_OF_BLOCK: -8
	};
	var ErrorMessages = {};
	ErrorMessages[Err.LAST_BLOCK] =            "Bad file checksum";
	ErrorMessages[Err.NOT_BZIP_DATA] =         "Not bzip data";
	ErrorMessages[Err.UNEXPECTED_INPUT_EOF] =  "Unexpected input EOF";
	ErrorMessages[Err.UNEXPECTED_OUTPUT_EOF] = "Unexpected output EOF";
	ErrorMessages[Err.DATA_ERROR] =            "Data error";
	ErrorMessages[Err.OUT_OF_MEMORY] =         "Out of memory";
	ErrorMessages[Err.OBSOLETE_INPUT] = "Obsolete (pre 0.9.5) bzip format not supported.";

	var _throw = function(status, optDetail) {
	  var msg = ErrorMessages[status] || 'unknown error';
	  if (optDetail) { msg += ': '+optDetail; }
	  var e = new TypeError(msg);
	  e.errorCode = status;
	  throw e;
	};

	var Bunzip = function(inputStream, outputStream) {
	  this.writePos = this.writeCurrent = this.writeCount = 0;

	  this._start_bunzip(inputStream, outputStream);
	};
	Bunzip.prototype._init_block = function() {
	  var moreBlocks = this._get_next_block();
	  if ( !moreBlocks ) {
	    this.writeCount = -1;
	    return false; /* no more blocks */
	  }
	  this.blockCRC = new CRC32();
	  return true;
	};
	/* XXX micro-bunzip uses (inputStream, inputBuffer, len) as arguments */
	Bunzip.prototype._start_bunzip = function(inputStream, outputStream) {
	  /* Ensure that file starts with "BZh['1'-'9']." */
	  var buf = new Buffer(4);
	  if (inputStream.read(buf, 0, 4) !== 4 ||
	      String.fromCharCode(buf[0], buf[1], buf[2]) !== 'BZh')
	    _throw(Err.NOT_BZIP_DATA, 'bad magic');

	  var level = buf[3] - 0x30;
	  if (level < 1 || level > 9)
	    _throw(Err.NOT_BZIP_DATA, 'level out of range');

	  this.reader = new BitReader(inputStream);

	  /* Fourth byte (ascii '1'-'9'), indicates block size in units of 100k of
	     uncompressed data.  Allocate intermediate buffer for block. */
	  this.dbufSize = 100000 * level;
	  this.nextoutput = 0;
	  this.outputStream = outputStream;
	  this.streamCRC = 0;
	};
	Bunzip.prototype._get_next_block = function() {
	  var i, j, k;
	  var reader = this.reader;
	  // this is get_next_block() function from micro-bunzip:
	  /* Read in header signature and CRC, then validate signature.
	     (last block signature means CRC is for whole file, return now) */
	  var h = reader.pi();
	  if (h === SQRTPI) { // last block
	    return false; /* no more blocks */
	  }
	  if (h !== WHOLEPI)
	    _throw(Err.NOT_BZIP_DATA);
	  this.targetBlockCRC = reader.read(32) >>> 0; // (convert to unsigned)
	  this.streamCRC = (this.targetBlockCRC ^
	                    ((this.streamCRC << 1) | (this.streamCRC>>>31))) >>> 0;
	  /* We can add support for blockRandomised if anybody complains.  There was
	     some code for this in busybox 1.0.0-pre3, but nobody ever noticed that
	     it didn't actually work. */
	  if (reader.read(1))
	    _throw(Err.OBSOLETE_INPUT);
	  var origPointer = reader.read(24);
	  if (origPointer > this.dbufSize)
	    _throw(Err.DATA_ERROR, 'initial position out of bounds');
	  /* mapping table: if some byte values are never used (encoding things
	     like ascii text), the compression code removes the gaps to have fewer
	     symbols to deal with, and writes a sparse bitfield indicating which
	     values were present.  We make a translation table to convert the symbols
	     back to the corresponding bytes. */
	  var t = reader.read(16);
	  var symToByte = new Buffer(256), symTotal = 0;
	  for (i = 0; i < 16; i++) {
	    if (t & (1 << (0xF - i))) {
	      var o = i * 16;
	      k = reader.read(16);
	      for (j = 0; j < 16; j++)
	        if (k & (1 << (0xF - j)))
	          symToByte[symTotal++] = o + j;
	    }
	  }

	  /* How many different huffman coding groups does this block use? */
	  var groupCount = reader.read(3);
	  if (groupCount < MIN_GROUPS || groupCount > MAX_GROUPS)
	    _throw(Err.DATA_ERROR);
	  /* nSelectors: Every GROUP_SIZE many symbols we select a new huffman coding
	     group.  Read in the group selector list, which is stored as MTF encoded
	     bit runs.  (MTF=Move To Front, as each value is used it's moved to the
	     start of the list.) */
	  var nSelectors = reader.read(15);
	  if (nSelectors === 0)
	    _throw(Err.DATA_ERROR);

	  var mtfSymbol = new Buffer(256);
	  for (i = 0; i < groupCount; i++)
	    mtfSymbol[i] = i;

	  var selectors = new Buffer(nSelectors); // was 32768...

	  for (i = 0; i < nSelectors; i++) {
	    /* Get next value */
	    for (j = 0; reader.read(1); j++)
	      if (j >= groupCount) _throw(Err.DATA_ERROR);
	    /* Decode MTF to get the next selector */
	    selectors[i] = mtf(mtfSymbol, j);
	  }

	  /* Read the huffman coding tables for each group, which code for symTotal
	     literal symbols, plus two run symbols (RUNA, RUNB) */
	  var symCount = symTotal + 2;
	  var groups = [], hufGroup;
	  for (j = 0; j < groupCount; j++) {
	    var length = new Buffer(symCount), temp = new Uint16Array(MAX_HUFCODE_BITS + 1);
	    /* Read huffman code lengths for each symbol.  They're stored in
	       a way similar to mtf; record a starting value for the first symbol,
	       and an offset from the previous value for everys symbol after that. */
	    t = reader.read(5); // lengths
	    for (i = 0; i < symCount; i++) {
	      for (;;) {
	        if (t < 1 || t > MAX_HUFCODE_BITS) _throw(Err.DATA_ERROR);
	        /* If first bit is 0, stop.  Else second bit indicates whether
	           to increment or decrement the value. */
	        if(!reader.read(1))
	          break;
	        if(!reader.read(1))
	          t++;
	        else
	          t--;
	      }
	      length[i] = t;
	    }

	    /* Find largest and smallest lengths in this group */
	    var minLen,  maxLen;
	    minLen = maxLen = length[0];
	    for (i = 1; i < symCount; i++) {
	      if (length[i] > maxLen)
	        maxLen = length[i];
	      else if (length[i] < minLen)
	        minLen = length[i];
	    }

	    /* Calculate permute[], base[], and limit[] tables from length[].
	     *
	     * permute[] is the lookup table for converting huffman coded symbols
	     * into decoded symbols.  base[] is the amount to subtract from the
	     * value of a huffman symbol of a given length when using permute[].
	     *
	     * limit[] indicates the largest numerical value a symbol with a given
	     * number of bits can have.  This is how the huffman codes can vary in
	     * length: each code with a value>limit[length] needs another bit.
	     */
	    hufGroup = {};
	    groups.push(hufGroup);
	    hufGroup.permute = new Uint16Array(MAX_SYMBOLS);
	    hufGroup.limit = new Uint32Array(MAX_HUFCODE_BITS + 2);
	    hufGroup.base = new Uint32Array(MAX_HUFCODE_BITS + 1);
	    hufGroup.minLen = minLen;
	    hufGroup.maxLen = maxLen;
	    /* Calculate permute[].  Concurently, initialize temp[] and limit[]. */
	    var pp = 0;
	    for (i = minLen; i <= maxLen; i++) {
	      temp[i] = hufGroup.limit[i] = 0;
	      for (t = 0; t < symCount; t++)
	        if (length[t] === i)
	          hufGroup.permute[pp++] = t;
	    }
	    /* Count symbols coded for at each bit length */
	    for (i = 0; i < symCount; i++)
	      temp[length[i]]++;
	    /* Calculate limit[] (the largest symbol-coding value at each bit
	     * length, which is (previous limit<<1)+symbols at this level), and
	     * base[] (number of symbols to ignore at each bit length, which is
	     * limit minus the cumulative count of symbols coded for already). */
	    pp = t = 0;
	    for (i = minLen; i < maxLen; i++) {
	      pp += temp[i];
	      /* We read the largest possible symbol size and then unget bits
	         after determining how many we need, and those extra bits could
	         be set to anything.  (They're noise from future symbols.)  At
	         each level we're really only interested in the first few bits,
	         so here we set all the trailing to-be-ignored bits to 1 so they
	         don't affect the value>limit[length] comparison. */
	      hufGroup.limit[i] = pp - 1;
	      pp <<= 1;
	      t += temp[i];
	      hufGroup.base[i + 1] = pp - t;
	    }
	    hufGroup.limit[maxLen + 1] = Number.MAX_VALUE; /* Sentinal value for reading next sym. */
	    hufGroup.limit[maxLen] = pp + temp[maxLen] - 1;
	    hufGroup.base[minLen] = 0;
	  }
	  /* We've finished reading and digesting the block header.  Now read this
	     block's huffman coded symbols from the file and undo the huffman coding
	     and run length encoding, saving the result into dbuf[dbufCount++]=uc */

	  /* Initialize symbol occurrence counters and symbol Move To Front table */
	  var byteCount = new Uint32Array(256);
	  for (i = 0; i < 256; i++)
	    mtfSymbol[i] = i;
	  /* Loop through compressed symbols. */
	  var runPos = 0, dbufCount = 0, selector = 0, uc;
	  var dbuf = this.dbuf = new Uint32Array(this.dbufSize);
	  symCount = 0;
	  for (;;) {
	    /* Determine which huffman coding group to use. */
	    if (!(symCount--)) {
	      symCount = GROUP_SIZE - 1;
	      if (selector >= nSelectors) { _throw(Err.DATA_ERROR); }
	      hufGroup = groups[selectors[selector++]];
	    }
	    /* Read next huffman-coded symbol. */
	    i = hufGroup.minLen;
	    j = reader.read(i);
	    for (;;i++) {
	      if (i > hufGroup.maxLen) { _throw(Err.DATA_ERROR); }
	      if (j <= hufGroup.limit[i])
	        break;
	      j = (j << 1) | reader.read(1);
	    }
	    /* Huffman decode value to get nextSym (with bounds checking) */
	    j -= hufGroup.base[i];
	    if (j < 0 || j >= MAX_SYMBOLS) { _throw(Err.DATA_ERROR); }
	    var nextSym = hufGroup.permute[j];
	    /* We have now decoded the symbol, which indicates either a new literal
	       byte, or a repeated run of the most recent literal byte.  First,
	       check if nextSym indicates a repeated run, and if so loop collecting
	       how many times to repeat the last literal. */
	    if (nextSym === SYMBOL_RUNA || nextSym === SYMBOL_RUNB) {
	      /* If this is the start of a new run, zero out counter */
	      if (!runPos){
	        runPos = 1;
	        t = 0;
	      }
	      /* Neat trick that saves 1 symbol: instead of or-ing 0 or 1 at
	         each bit position, add 1 or 2 instead.  For example,
	         1011 is 1<<0 + 1<<1 + 2<<2.  1010 is 2<<0 + 2<<1 + 1<<2.
	         You can make any bit pattern that way using 1 less symbol than
	         the basic or 0/1 method (except all bits 0, which would use no
	         symbols, but a run of length 0 doesn't mean anything in this
	         context).  Thus space is saved. */
	      if (nextSym === SYMBOL_RUNA)
	        t += runPos;
	      else
	        t += 2 * runPos;
	      runPos <<= 1;
	      continue;
	    }
	    /* When we hit the first non-run symbol after a run, we now know
	       how many times to repeat the last literal, so append that many
	       copies to our buffer of decoded symbols (dbuf) now.  (The last
	       literal used is the one at the head of the mtfSymbol array.) */
	    if (runPos){
	      runPos = 0;
	      if (dbufCount + t > this.dbufSize) { _throw(Err.DATA_ERROR); }
	      uc = symToByte[mtfSymbol[0]];
	      byteCount[uc] += t;
	      while (t--)
	        dbuf[dbufCount++] = uc;
	    }
	    /* Is this the terminating symbol? */
	    if (nextSym > symTotal)
	      break;
	    /* At this point, nextSym indicates a new literal character.  Subtract
	       one to get the position in the MTF array at which this literal is
	       currently to be found.  (Note that the result can't be -1 or 0,
	       because 0 and 1 are RUNA and RUNB.  But another instance of the
	       first symbol in the mtf array, position 0, would have been handled
	       as part of a run above.  Therefore 1 unused mtf position minus
	       2 non-literal nextSym values equals -1.) */
	    if (dbufCount >= this.dbufSize) { _throw(Err.DATA_ERROR); }
	    i = nextSym - 1;
	    uc = mtf(mtfSymbol, i);
	    uc = symToByte[uc];
	    /* We have our literal byte.  Save it into dbuf. */
	    byteCount[uc]++;
	    dbuf[dbufCount++] = uc;
	  }
	  /* At this point, we've read all the huffman-coded symbols (and repeated
	     runs) for this block from the input stream, and decoded them into the
	     intermediate buffer.  There are dbufCount many decoded bytes in dbuf[].
	     Now undo the Burrows-Wheeler transform on dbuf.
	     See http://dogma.net/markn/articles/bwt/bwt.htm
	  */
	  if (origPointer < 0 || origPointer >= dbufCount) { _throw(Err.DATA_ERROR); }
	  /* Turn byteCount into cumulative occurrence counts of 0 to n-1. */
	  j = 0;
	  for (i = 0; i < 256; i++) {
	    k = j + byteCount[i];
	    byteCount[i] = j;
	    j = k;
	  }
	  /* Figure out what order dbuf would be in if we sorted it. */
	  for (i = 0; i < dbufCount; i++) {
	    uc = dbuf[i] & 0xff;
	    dbuf[byteCount[uc]] |= (i << 8);
	    byteCount[uc]++;
	  }
	  /* Decode first byte by hand to initialize "previous" byte.  Note that it
	     doesn't get output, and if the first three characters are identical
	     it doesn't qualify as a run (hence writeRunCountdown=5). */
	  var pos = 0, current = 0, run = 0;
	  if (dbufCount) {
	    pos = dbuf[origPointer];
	    current = (pos & 0xff);
	    pos >>= 8;
	    run = -1;
	  }
	  this.writePos = pos;
	  this.writeCurrent = current;
	  this.writeCount = dbufCount;
	  this.writeRun = run;

	  return true; /* more blocks to come */
	};
	/* Undo burrows-wheeler transform on intermediate buffer to produce output.
	   If start_bunzip was initialized with out_fd=-1, then up to len bytes of
	   data are written to outbuf.  Return value is number of bytes written or
	   error (all errors are negative numbers).  If out_fd!=-1, outbuf and len
	   are ignored, data is written to out_fd and return is RETVAL_OK or error.
	*/
	Bunzip.prototype._read_bunzip = function(outputBuffer, len) {
	    var copies, previous, outbyte;
	    /* james@jamestaylor.org: writeCount goes to -1 when the buffer is fully
	       decoded, which results in this returning RETVAL_LAST_BLOCK, also
	       equal to -1... Confusing, I'm returning 0 here to indicate no
	       bytes written into the buffer */
	  if (this.writeCount < 0) { return 0; }
	  var dbuf = this.dbuf, pos = this.writePos, current = this.writeCurrent;
	  var dbufCount = this.writeCount; this.outputsize;
	  var run = this.writeRun;

	  while (dbufCount) {
	    dbufCount--;
	    previous = current;
	    pos = dbuf[pos];
	    current = pos & 0xff;
	    pos >>= 8;
	    if (run++ === 3){
	      copies = current;
	      outbyte = previous;
	      current = -1;
	    } else {
	      copies = 1;
	      outbyte = current;
	    }
	    this.blockCRC.updateCRCRun(outbyte, copies);
	    while (copies--) {
	      this.outputStream.writeByte(outbyte);
	      this.nextoutput++;
	    }
	    if (current != previous)
	      run = 0;
	  }
	  this.writeCount = dbufCount;
	  // check CRC
	  if (this.blockCRC.getCRC() !== this.targetBlockCRC) {
	    _throw(Err.DATA_ERROR, "Bad block CRC "+
	           "(got "+this.blockCRC.getCRC().toString(16)+
	           " expected "+this.targetBlockCRC.toString(16)+")");
	  }
	  return this.nextoutput;
	};

	var coerceInputStream = function(input) {
	  if ('readByte' in input) { return input; }
	  var inputStream = new Stream();
	  inputStream.pos = 0;
	  inputStream.readByte = function() { return input[this.pos++]; };
	  inputStream.seek = function(pos) { this.pos = pos; };
	  inputStream.eof = function() { return this.pos >= input.length; };
	  return inputStream;
	};
	var coerceOutputStream = function(output) {
	  var outputStream = new Stream();
	  var resizeOk = true;
	  if (output) {
	    if (typeof(output)==='number') {
	      outputStream.buffer = new Buffer(output);
	      resizeOk = false;
	    } else if ('writeByte' in output) {
	      return output;
	    } else {
	      outputStream.buffer = output;
	      resizeOk = false;
	    }
	  } else {
	    outputStream.buffer = new Buffer(16384);
	  }
	  outputStream.pos = 0;
	  outputStream.writeByte = function(_byte) {
	    if (resizeOk && this.pos >= this.buffer.length) {
	      var newBuffer = new Buffer(this.buffer.length*2);
	      this.buffer.copy(newBuffer);
	      this.buffer = newBuffer;
	    }
	    this.buffer[this.pos++] = _byte;
	  };
	  outputStream.getBuffer = function() {
	    // trim buffer
	    if (this.pos !== this.buffer.length) {
	      if (!resizeOk)
	        throw new TypeError('outputsize does not match decoded input');
	      var newBuffer = new Buffer(this.pos);
	      this.buffer.copy(newBuffer, 0, 0, this.pos);
	      this.buffer = newBuffer;
	    }
	    return this.buffer;
	  };
	  outputStream._coerced = true;
	  return outputStream;
	};

	/* Static helper functions */
	Bunzip.Err = Err;
	// 'input' can be a stream or a buffer
	// 'output' can be a stream or a buffer or a number (buffer size)
	Bunzip.decode = function(input, output, multistream) {
	  // make a stream from a buffer, if necessary
	  var inputStream = coerceInputStream(input);
	  var outputStream = coerceOutputStream(output);

	  var bz = new Bunzip(inputStream, outputStream);
	  while (true) {
	    if ('eof' in inputStream && inputStream.eof()) break;
	    if (bz._init_block()) {
	      bz._read_bunzip();
	    } else {
	      var targetStreamCRC = bz.reader.read(32) >>> 0; // (convert to unsigned)
	      if (targetStreamCRC !== bz.streamCRC) {
	        _throw(Err.DATA_ERROR, "Bad stream CRC "+
	               "(got "+bz.streamCRC.toString(16)+
	               " expected "+targetStreamCRC.toString(16)+")");
	      }
	      if (multistream &&
	          'eof' in inputStream &&
	          !inputStream.eof()) {
	        // note that start_bunzip will also resync the bit reader to next byte
	        bz._start_bunzip(inputStream, outputStream);
	      } else break;
	    }
	  }
	  if ('getBuffer' in outputStream)
	    return outputStream.getBuffer();
	};
	Bunzip.decodeBlock = function(input, pos, output) {
	  // make a stream from a buffer, if necessary
	  var inputStream = coerceInputStream(input);
	  var outputStream = coerceOutputStream(output);
	  var bz = new Bunzip(inputStream, outputStream);
	  bz.reader.seek(pos);
	  /* Fill the decode buffer for the block */
	  var moreBlocks = bz._get_next_block();
	  if (moreBlocks) {
	    /* Init the CRC for writing */
	    bz.blockCRC = new CRC32();

	    /* Zero this so the current byte from before the seek is not written */
	    bz.writeCopies = 0;

	    /* Decompress the block and write to stdout */
	    bz._read_bunzip();
	    // XXX keep writing?
	  }
	  if ('getBuffer' in outputStream)
	    return outputStream.getBuffer();
	};
	/* Reads bzip2 file from stream or buffer `input`, and invoke
	 * `callback(position, size)` once for each bzip2 block,
	 * where position gives the starting position (in *bits*)
	 * and size gives uncompressed size of the block (in *bytes*). */
	Bunzip.table = function(input, callback, multistream) {
	  // make a stream from a buffer, if necessary
	  var inputStream = new Stream();
	  inputStream.delegate = coerceInputStream(input);
	  inputStream.pos = 0;
	  inputStream.readByte = function() {
	    this.pos++;
	    return this.delegate.readByte();
	  };
	  if (inputStream.delegate.eof) {
	    inputStream.eof = inputStream.delegate.eof.bind(inputStream.delegate);
	  }
	  var outputStream = new Stream();
	  outputStream.pos = 0;
	  outputStream.writeByte = function() { this.pos++; };

	  var bz = new Bunzip(inputStream, outputStream);
	  var blockSize = bz.dbufSize;
	  while (true) {
	    if ('eof' in inputStream && inputStream.eof()) break;

	    var position = inputStream.pos*8 + bz.reader.bitOffset;
	    if (bz.reader.hasByte) { position -= 8; }

	    if (bz._init_block()) {
	      var start = outputStream.pos;
	      bz._read_bunzip();
	      callback(position, outputStream.pos - start);
	    } else {
	      bz.reader.read(32); // (but we ignore the crc)
	      if (multistream &&
	          'eof' in inputStream &&
	          !inputStream.eof()) {
	        // note that start_bunzip will also resync the bit reader to next byte
	        bz._start_bunzip(inputStream, outputStream);
	        console.assert(bz.dbufSize === blockSize,
	                       "shouldn't change block size within multistream file");
	      } else break;
	    }
	  }
	};

	Bunzip.Stream = Stream;

	Bunzip.version = pjson.version;
	Bunzip.license = pjson.license;

	lib = Bunzip;
	return lib;
}

var libExports = requireLib();
var index = /*@__PURE__*/getDefaultExportFromCjs(libExports);

var index$1 = /*#__PURE__*/_mergeNamespaces({
    __proto__: null,
    default: index
}, [libExports]);
