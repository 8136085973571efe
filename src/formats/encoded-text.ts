/**
 * Text as an app or Android reads it decoded, where the raw bytes hide what it holds: a Java
 * properties file's escapes and continued lines (java.util.Properties.load), a JSON file's string
 * escapes, a plain-text XML file's character references and CDATA sections, base64 runs. Each
 * decoder gives the decoded bytes and, for each, the offset in the source of the byte or escape it
 * came from: an endpoint found in the decoded text is reported where its encoded form starts.
 * Pure and bounded: one pass over the input, output no longer than it, no recursion.
 *
 * Android's own property loader (init: system/core/init/property_service.cpp LoadProperties, and
 * its `load_properties` before it) decodes nothing: it splits lines at '\n', skips leading
 * whitespace and `#` lines, cuts at the first '=' and trims; a backslash is a byte like any other.
 * build.prop and friends are therefore scanned as they are (buildprop.ts).
 */

/** Decoded bytes, and for each the source offset of what it was decoded from. */
export interface DecodedText {
  bytes: Buffer;
  from: Int32Array;
}

const BACKSLASH = 0x5c;

/** The value of a hex digit, or -1. */
function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const l = c | 0x20;
  return l >= 0x61 && l <= 0x66 ? l - 0x61 + 10 : -1;
}

/** The 16-bit value of the 4 hex digits at buf[i], or -1. */
function hex4(buf: Uint8Array, i: number, end: number): number {
  if (i + 4 > end) return -1;
  let v = 0;
  for (let k = 0; k < 4; k++) {
    const h = hexValue(buf[i + k]);
    if (h < 0) return -1;
    v = (v << 4) | h;
  }
  return v;
}

/**
 * The `uXXXX` at buf[u] (after a backslash): its code point and length, a surrogate pair written
 * as two escapes (`\ud83d\ude00`) as one character (Java and JavaScript keep the two UTF-16
 * units, which written out are that character); undefined without four hex digits. A lone
 * surrogate is one of 5 bytes (written as U+FFFD).
 */
function unicodeEscape(buf: Uint8Array, u: number, end: number): { cp: number; len: number } | undefined {
  const v = hex4(buf, u + 1, end);
  if (v < 0) return undefined;
  if (v >= 0xd800 && v <= 0xdbff && buf[u + 5] === BACKSLASH && buf[u + 6] === 0x75) {
    const lo = hex4(buf, u + 7, end);
    if (lo >= 0xdc00 && lo <= 0xdfff) return { cp: 0x10000 + ((v - 0xd800) << 10) + (lo - 0xdc00), len: 11 };
  }
  return { cp: v, len: 5 };
}

/** Writes decoded bytes and their source offsets. Never longer than its source (each decoder's escapes are at least as long as their UTF-8). */
class Writer {
  readonly bytes: Buffer;
  readonly from: Int32Array;
  n = 0;
  constructor(size: number) {
    this.bytes = Buffer.allocUnsafe(size);
    this.from = new Int32Array(size);
  }
  byte(c: number, at: number): void {
    this.bytes[this.n] = c;
    this.from[this.n++] = at;
  }
  /** A code point as UTF-8 (a lone surrogate as U+FFFD), every byte from `at`. */
  codePoint(cp: number, at: number): void {
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) this.byte(cp, at);
    else if (cp < 0x800) {
      this.byte(0xc0 | (cp >> 6), at);
      this.byte(0x80 | (cp & 0x3f), at);
    } else if (cp < 0x10000) {
      this.byte(0xe0 | (cp >> 12), at);
      this.byte(0x80 | ((cp >> 6) & 0x3f), at);
      this.byte(0x80 | (cp & 0x3f), at);
    } else {
      this.byte(0xf0 | (cp >> 18), at);
      this.byte(0x80 | ((cp >> 12) & 0x3f), at);
      this.byte(0x80 | ((cp >> 6) & 0x3f), at);
      this.byte(0x80 | (cp & 0x3f), at);
    }
  }
  done(): DecodedText {
    return { bytes: this.bytes.subarray(0, this.n), from: this.from.subarray(0, this.n) };
  }
}

const isLineEnd = (c: number): boolean => c === 0x0a || c === 0x0d;
/** Whitespace as Properties.load skips it: space, tab, form feed. */
const isPropSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0c;

/**
 * A properties file as java.util.Properties.load(InputStream) reads it (JDK LineReader and
 * loadConvert): natural lines end at '\n', '\r' or "\r\n"; a line whose first non-blank character
 * is '#' or '!' is a comment (kept as it is: its bytes are in the file); a line ending in an odd
 * number of backslashes goes on in the next, whose leading whitespace is dropped; `\uXXXX` is
 * that character, `\t` `\n` `\r` `\f` those controls, a backslash before any other character
 * that character. Key, separator and value are kept in line (the separator is text like any
 * other to the scanner). Undefined when Properties.load throws (a `\u` without four hex digits:
 * "Malformed \uxxxx encoding"): the app then reads no property of the file.
 */
export function decodeProperties(buf: Uint8Array): DecodedText | undefined {
  const end = buf.length;
  const w = new Writer(end);
  let i = 0;
  while (i < end) {
    // The start of a logical line: leading whitespace, then a comment or the line.
    while (i < end && isPropSpace(buf[i])) i++;
    if (i >= end) break;
    const c0 = buf[i];
    if (isLineEnd(c0)) {
      w.byte(0x0a, i++);
      continue;
    }
    if (c0 === 0x23 || c0 === 0x21) {
      while (i < end && !isLineEnd(buf[i])) w.byte(buf[i], i++);
      continue;
    }
    while (i < end && !isLineEnd(buf[i])) {
      const c = buf[i];
      if (c !== BACKSLASH) {
        w.byte(c, i++);
        continue;
      }
      const at = i;
      i++;
      if (i >= end) break; // a backslash at the end of the file: dropped
      const e = buf[i];
      if (isLineEnd(e)) {
        // A continued line: its end, then the next line's leading whitespace, are dropped.
        i += e === 0x0d && buf[i + 1] === 0x0a ? 2 : 1;
        while (i < end && isPropSpace(buf[i])) i++;
        continue;
      }
      if (e === 0x75) {
        const u = unicodeEscape(buf, i, end);
        if (!u) return undefined;
        w.codePoint(u.cp, at);
        i += u.len;
        continue;
      }
      w.byte(e === 0x74 ? 0x09 : e === 0x6e ? 0x0a : e === 0x72 ? 0x0d : e === 0x66 ? 0x0c : e, at);
      i++;
    }
    if (i < end) {
      // The line's end: one newline out, "\r\n" as one.
      w.byte(0x0a, i);
      i += buf[i] === 0x0d && buf[i + 1] === 0x0a ? 2 : 1;
    }
  }
  return w.done();
}

/**
 * JSON (and JavaScript) string escapes decoded: `\uXXXX` (a surrogate pair as its character),
 * `\/`, `\\`, `\"`, `\'`, `\b` `\f` `\n` `\r` `\t`; any other backslash is kept as it is (a
 * lenient reader). Bytes outside strings are copied: valid JSON has no backslash there.
 */
export function decodeJsonEscapes(buf: Uint8Array): DecodedText {
  const end = buf.length;
  const w = new Writer(end);
  let i = 0;
  while (i < end) {
    const c = buf[i];
    if (c !== BACKSLASH || i + 1 >= end) {
      w.byte(c, i++);
      continue;
    }
    const e = buf[i + 1];
    const u = e === 0x75 ? unicodeEscape(buf, i + 1, end) : undefined;
    if (u) {
      w.codePoint(u.cp, i);
      i += 1 + u.len;
      continue;
    }
    const simple = e === 0x2f || e === BACKSLASH || e === 0x22 || e === 0x27 ? e : e === 0x62 ? 0x08 : e === 0x66 ? 0x0c : e === 0x6e ? 0x0a : e === 0x72 ? 0x0d : e === 0x74 ? 0x09 : -1;
    if (simple < 0) {
      w.byte(c, i++);
      continue;
    }
    w.byte(simple, i);
    i += 2;
  }
  return w.done();
}

const CDATA_OPEN = Buffer.from('<![CDATA[', 'latin1');
const CDATA_CLOSE = Buffer.from(']]>', 'latin1');
/** The longest character reference read: `&#x` + 8 digits + `;` (longer ones are kept as they are). */
const MAX_CHAR_REF = 12;
const ENTITIES: readonly (readonly [string, number])[] = [
  ['lt;', 0x3c],
  ['gt;', 0x3e],
  ['amp;', 0x26],
  ['quot;', 0x22],
  ['apos;', 0x27],
];

/**
 * Plain-text XML as a parser on the device hands its text and attribute values to the app:
 * character references (`&#x7a;`, `&#122;`) and the predefined entities decoded, CDATA sections'
 * markers dropped (their text joins the text around them, as DOM's getTextContent and the SAX
 * parser's characters() give it); everything else, markup included, copied. A reference that is
 * not one (no ';', a code point past U+10FFFF) is kept as it is.
 */
export function decodeXmlText(buf: Buffer): DecodedText {
  const end = buf.length;
  const w = new Writer(end);
  let i = 0;
  while (i < end) {
    const c = buf[i];
    if (c === 0x3c && buf[i + 1] === 0x21 && buf[i + 2] === 0x5b && buf.subarray(i, i + CDATA_OPEN.length).equals(CDATA_OPEN)) {
      const close = buf.indexOf(CDATA_CLOSE, i + CDATA_OPEN.length);
      const stop = close < 0 ? end : close;
      for (let k = i + CDATA_OPEN.length; k < stop; k++) w.byte(buf[k], k);
      i = close < 0 ? end : close + CDATA_CLOSE.length;
      continue;
    }
    if (c !== 0x26) {
      w.byte(c, i++);
      continue;
    }
    const ref = charRef(buf, i, end);
    if (ref) {
      w.codePoint(ref.cp, i);
      i += ref.len;
      continue;
    }
    let named = false;
    for (const [name, cp] of ENTITIES) {
      if (i + 1 + name.length <= end && buf.toString('latin1', i + 1, i + 1 + name.length) === name) {
        w.byte(cp, i);
        i += 1 + name.length;
        named = true;
        break;
      }
    }
    if (!named) w.byte(c, i++);
  }
  return w.done();
}

/** The character reference `&#...;` at buf[i] (its code point and length), or undefined. */
export function charRef(buf: Uint8Array, i: number, end: number): { cp: number; len: number } | undefined {
  if (buf[i] !== 0x26 || buf[i + 1] !== 0x23) return undefined;
  const hex = buf[i + 2] === 0x78 || buf[i + 2] === 0x58;
  let k = i + (hex ? 3 : 2);
  const first = k;
  let cp = 0;
  const stop = Math.min(end, i + MAX_CHAR_REF);
  for (; k < stop && buf[k] !== 0x3b; k++) {
    const d = hex ? hexValue(buf[k]) : buf[k] >= 0x30 && buf[k] <= 0x39 ? buf[k] - 0x30 : -1;
    if (d < 0) return undefined;
    cp = cp * (hex ? 16 : 10) + d;
  }
  if (k >= stop || k === first || cp > 0x10ffff) return undefined;
  return { cp, len: k + 1 - i };
}

/** Base64 characters, both alphabets (RFC 4648 sections 4 and 5): their 6-bit values, -1 for others. */
const B64 = new Int8Array(256).fill(-1);
for (let c = 0; c < 26; c++) {
  B64[0x41 + c] = c;
  B64[0x61 + c] = 26 + c;
}
for (let c = 0; c < 10; c++) B64[0x30 + c] = 52 + c;
B64[0x2b] = 62;
B64[0x2d] = 62;
B64[0x2f] = 63;
B64[0x5f] = 63;

/** The shortest base64 run decoded (12 bytes of text: shorter than most URLs). */
export const MIN_BASE64_RUN = 16;
/** The longest run decoded (longer ones: binary data, a certificate, an image; only their first this many characters are). */
export const MAX_BASE64_RUN = 1 << 16;

/**
 * The characters a run is searched by: base64's without '+' and '/'. Text in DEX files is mostly
 * type descriptors and paths ("Landroid/content/Context;"), long runs of base64 characters joined
 * by '/', which a search by every base64 character reads byte by byte and decodes for nothing;
 * without '/' they are words of a few letters the search skips. Base64 of ASCII text has a '+' or
 * a '/' only for a '>', '?', '~' or DEL (the last character of a group: 62 and 63 are no first,
 * second or third character's value there), so a run of encoded text is found by its stretches
 * between them, and then read whole.
 */
const SEARCHED = new Uint8Array(256);
for (let c = 0; c < 256; c++) SEARCHED[c] = B64[c] >= 0 && c !== 0x2b && c !== 0x2f ? 1 : 0;

/**
 * Each run of at least MIN_BASE64_RUN base64 characters in buf[start, end) (either alphabet,
 * padding ends it) whose decoded bytes are all text (printable ASCII, tab, line ends, well-formed
 * UTF-8): `visit(decoded, runStart)`. A run is found by a stretch of MIN_BASE64_RUN characters
 * without '+' and '/' (SEARCHED) as a string search skips (Boyer-Moore): the last byte of a window
 * is read first, and the window moves past the last byte that is not one, so in text of words and
 * paths most bytes are never read; the run is then the base64 characters around the stretch. It
 * is decoded until its first byte that is not text, which for binary data or an identifier is
 * within its first few characters. The decoded bytes are in a buffer reused from call to call (the
 * visitor must not keep it).
 */
export function forEachBase64Text(buf: Uint8Array, start: number, end: number, visit: (decoded: Buffer, runStart: number) => void): void {
  // p: where the next stretch may start (buf[p - 1] is not SEARCHED, or p is `start`).
  let p = start;
  // The end of the last run: a stretch inside it is not read again.
  let done = start;
  while (p + MIN_BASE64_RUN <= end) {
    const j = p + MIN_BASE64_RUN - 1;
    if (SEARCHED[buf[j]] === 0) {
      p = j + 1;
      continue;
    }
    let k = j - 1;
    while (k >= p && SEARCHED[buf[k]] === 1) k--;
    if (k >= p) {
      p = k + 1;
      continue;
    }
    let s = p;
    while (s > done && B64[buf[s - 1]] >= 0) s--;
    let e = j + 1;
    while (e < end && B64[buf[e]] >= 0) e++;
    const n = decodeBase64Text(buf, s, Math.min(e, s + MAX_BASE64_RUN));
    if (n > 0) visit(scratch.subarray(0, n), s);
    done = e;
    p = e + 1;
  }
}

/**
 * Base64 of a URL, as a string search finds it at no cost worth measuring (its first byte is rare
 * in text, so the search skips most bytes natively): "http" and "https" at each of the three
 * places a character can fall in a group of four ("aHR0c", "odHRw", "h0dHA"/"h0dHBz": found by
 * "HR0c", "HRw", "Ly", "Oi8v"), and "://" of any scheme at two of them ("Oi8v", "6Ly"). A JavaScript
 * pass over every byte for runs of base64 (forEachBase64Text) cost a fifth of a whole scan of the
 * benchmark build (its DEX strings and JSON assets are mostly words and paths); this finds each
 * URL an app keeps encoded, and the rest of its run with it (a host, a number beside the URL).
 */
const URL_NEEDLES = ['HR0c', 'HRw', 'Oi8v', 'Ly'].map((n) => Buffer.from(n, 'latin1'));

/**
 * Each run of at least MIN_BASE64_RUN base64 characters in buf[start, end) that holds the base64
 * of a URL (URL_NEEDLES) and whose decoded bytes are all text: `visit(decoded, runStart)`, once
 * per run. For bulk data (DEX strings, text files); forEachBase64Text finds every run.
 */
export function forEachBase64Url(buf: Uint8Array, start: number, end: number, visit: (decoded: Buffer, runStart: number) => void): void {
  const view = Buffer.from(buf.buffer, buf.byteOffset + start, end - start);
  let seen: Set<number> | undefined;
  for (const needle of URL_NEEDLES) {
    for (let i = view.indexOf(needle); i >= 0; i = view.indexOf(needle, i + needle.length)) {
      let s = i;
      const floor = Math.max(0, i - MAX_BASE64_RUN);
      while (s > floor && B64[view[s - 1]] >= 0) s--;
      if (seen?.has(s)) continue;
      (seen ??= new Set()).add(s);
      let e = i + needle.length;
      const ceil = Math.min(view.length, s + MAX_BASE64_RUN);
      while (e < ceil && B64[view[e]] >= 0) e++;
      if (e - s < MIN_BASE64_RUN) continue;
      const n = decodeBase64Text(view, s, e);
      if (n > 0) visit(scratch.subarray(0, n), start + s);
    }
  }
}

let scratch = Buffer.alloc(0);

/**
 * buf[s, e) decoded into `scratch`: its length, or 0 when a decoded byte is not text (or a run
 * of length 1 mod 4, which is no base64). Decoding stops at the first such byte.
 */
function decodeBase64Text(buf: Uint8Array, s: number, e: number): number {
  const len = e - s;
  if (len % 4 === 1) return 0;
  const need = Math.floor((len * 3) / 4);
  if (scratch.length < need) scratch = Buffer.alloc(Math.max(need, 2 * scratch.length, 1024));
  let n = 0;
  let cont = 0; // UTF-8 continuation bytes still expected
  let acc = 0;
  let bits = 0;
  for (let i = s; i < e; i++) {
    acc = ((acc << 6) | B64[buf[i]]) & 0xffffff;
    bits += 6;
    if (bits < 8) continue;
    bits -= 8;
    const b = (acc >> bits) & 0xff;
    if (cont > 0) {
      if ((b & 0xc0) !== 0x80) return 0;
      cont--;
    } else if (b >= 0x80) {
      cont = b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
      if (cont < 0) return 0;
    } else if (b < 0x20 ? b !== 0x09 && b !== 0x0a && b !== 0x0d : b === 0x7f) {
      return 0;
    }
    scratch[n++] = b;
  }
  return cont === 0 ? n : 0;
}
