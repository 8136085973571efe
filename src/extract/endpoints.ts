/**
 * Endpoint extraction from raw bytes: hosts, IPv4/IPv6 literals and SMS numbers, following the
 * host rules of SPEC section 3. Candidates come from one WebAssembly SIMD pass per 64 KiB block
 * (scan-block.ts: dotted tokens past the byte-level checks, `://[`, digit runs), or where
 * WebAssembly is missing from literal searches (`indexOf` of '.' and '://') and byte loops;
 * never from a regular expression over every byte. Only candidates are validated. Bytes are
 * read as ASCII: hosts are ASCII, and UTF-8 multi-byte sequences never contain ASCII bytes, so
 * decoding is not needed.
 */
import { parse as parseDomain } from 'tldts';
import type { EndpointHit, Evidence } from '../facts.js';
import {
  BARE_GENERIC_TLDS,
  CLEARTEXT_SCHEMES,
  CODE_LIKE_CCTLDS,
  LOW_IPV4_ALLOWED,
  CODE_RECEIVERS,
  CODE_ROOTS,
  COMPRESSION_CCTLDS,
  FILE_EXTENSIONS,
  HOST_ENDINGS_AFTER_ANDROID,
  IDENTIFIER_HOSTS,
  NETWORK_SCHEMES,
  PROPERTY_ROOTS,
  REVERSED_SECOND_LEVEL,
  SECTION_NAME_ENDINGS,
  SECTION_NAME_INFIXES,
} from './endpoint-rules.js';
import { charRef, decodeJsonEscapes, decodeProperties, decodeXmlText, forEachBase64Text, forEachBase64Url, MAX_BASE64_RUN, type DecodedText } from '../formats/encoded-text.js';
import { digitsAsked, forEachBlock, forEachDigitRunJs, scanBlockEngine, TOKEN_ALPHA_TLD, TOKEN_GLUED, TOKEN_UNBOUNDED, TOKEN_UPPER, widenRuns } from './scan-block.js';

/** Where the bytes being scanned came from; `offset` is added per hit. */
export type EvidenceBase = Omit<Evidence, 'offset'>;

export interface EndpointSink {
  add(hit: EndpointHit): void;
  /**
   * True when `add` drops every hit found in `path` of an endpoint that is not known and that
   * its artifact does not list yet (the artifact is past its cap of endpoints). The scanner
   * then asks `lists` before it validates a candidate, so a crafted file of millions of names
   * costs a lookup per name past the cap, not a validation and a hit. Optional: without it,
   * every candidate is validated and added.
   */
  saturated?(path: string): boolean;
  /** True when `add` keeps a hit of (kind, value) found in `path` (asked only when saturated). */
  lists?(kind: EndpointHit['kind'], value: string, path: string): boolean;
}

/** True when the sink would drop a hit of (kind, value) found under `base`: skip it. */
function dropped(sink: EndpointSink, kind: EndpointHit['kind'], value: string, base: EvidenceBase): boolean {
  return sink.saturated !== undefined && sink.saturated(base.path) && !sink.lists!(kind, value, base.path);
}

/** Hosts and SMS numbers that match wherever they stand as whole tokens (catalog and policy). */
export interface KnownEndpoints {
  hosts: ReadonlySet<string>;
  sms: ReadonlySet<string>;
  /** Listed IPv4 addresses: found by syntax anywhere, and needed only where a bare one counts only when listed (UTF-16 text). */
  ips?: ReadonlySet<string>;
}

const DOT = 0x2e;
const URL_SEP = Buffer.from('://', 'latin1');
// Byte classes: 1 = host byte (letter, digit, '-', '.'), 2 = scheme byte (adds '+').
const HOST = new Uint8Array(256);
for (let c = 0x30; c <= 0x39; c++) HOST[c] = 1;
for (let c = 0x41; c <= 0x5a; c++) HOST[c] = 1;
for (let c = 0x61; c <= 0x7a; c++) HOST[c] = 1;
HOST[0x2d] = 1;
HOST[0x2e] = 1;
const IS_DIGIT = (c: number): boolean => c >= 0x30 && c <= 0x39;
const IS_ALNUM = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
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
export function wideCandidates(buf: Uint8Array, start: number, end: number, minDigits: number): number[] {
  const k = digitsAsked(minDigits);
  const at = (i: number): number => (i >= start && i < end ? buf[i] : 0);
  const dots: number[] = [];
  for (let d = buf.indexOf(DOT, start); d >= 0 && d < end; d = buf.indexOf(DOT, d + 1)) {
    if (at(d - 1) === 0 && at(d + 1) === 0 && at(d + 3) === 0 && HOST[at(d - 2)] === 1 && HOST[at(d + 2)] === 1) dots.push(d);
  }
  const digits: number[] = [];
  const wideDigit = (i: number): boolean => IS_DIGIT(at(i)) && at(i + 1) === 0;
  for (let i = start; i < end; i++) {
    if (!wideDigit(i) || wideDigit(i - 2)) continue;
    let n = 1;
    while (n < k && wideDigit(i + 2 * n)) n++;
    if (n >= k) digits.push(i);
  }
  return mergeSorted(dots, digits);
}

/** Two ascending lists as one. */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  if (!b.length) return a as number[];
  if (!a.length) return b as number[];
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++]);
  return out;
}

/** True when text[0, n) (a run of UTF-16 text, one byte a character) has a dot between host characters or `minDigits` digits in a row. */
function holdsEndpoint(text: Buffer, n: number, minDigits: number): boolean {
  const k = digitsAsked(minDigits);
  let digits = 0;
  for (let i = 0; i < n; i++) {
    const c = text[i];
    if (IS_DIGIT(c)) {
      if (++digits >= k) return true;
      continue;
    }
    digits = 0;
    if (c === DOT && i > 0 && i + 1 < n && HOST[text[i - 1]] === 1 && HOST[text[i + 1]] === 1) return true;
  }
  return false;
}
/** The longest IPv6 literal in a URL: 45 characters (`ffff:...:255.255.255.255`, RFC 4291). */
const MAX_IPV6_LITERAL = 45;

/** A first label of at most 7 ASCII bytes as a number: each byte in turn, 7 bits each. */
function labelCode(label: string): number {
  let code = 0;
  for (let i = 0; i < label.length; i++) code = code * 128 + label.charCodeAt(i);
  return code;
}

/** CODE_ROOTS and PROPERTY_ROOTS of up to 7 bytes, by labelCode (longer ones cannot match here). */
const ROOT_CODES: ReadonlySet<number> = new Set([...CODE_ROOTS, ...PROPERTY_ROOTS].filter((r) => r.length <= 7 && /^[\x01-\x7f]+$/.test(r)).map(labelCode));

/** True for a canonical dotted-quad IPv4 (no leading zeros, each 0-255). */
export function isCanonicalIpv4(s: string): boolean {
  return s.length <= 15 && /^[0-9.]+$/.test(s) && isCanonicalIpv4Bytes(Buffer.from(s, 'latin1'), 0, s.length);
}

/** isCanonicalIpv4 of the bytes buf[a, b), without making a string (the scanner's hot path). */
export function isCanonicalIpv4Bytes(buf: Uint8Array, a: number, b: number): boolean {
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
    if (n === 0 || n > 3 || v > 255 || (n > 1 && buf[s] === 0x30)) return false;
    parts++;
    if (i === b) return parts === 4;
    if (buf[i] !== DOT) return false;
    i++;
  }
  return false;
}

/**
 * Syntax of a DNS name: 2+ labels of 1-63 lower-case letters, digits and inner hyphens, at most
 * 253 bytes; the last label 2+ letters or `xn--` and more. One pass over the characters (no
 * split, no regular expression: it runs for every URL host candidate).
 */
export function isHostSyntax(name: string): boolean {
  const n = name.length;
  if (n > MAX_TOKEN) return false;
  let labels = 0;
  let start = 0;
  let alpha = true; // the current label has letters only
  for (let i = 0; i <= n; i++) {
    const c = i < n ? name.charCodeAt(i) : DOT;
    if (c === DOT) {
      const len = i - start;
      if (len < 1 || len > 63 || name.charCodeAt(start) === 0x2d || name.charCodeAt(i - 1) === 0x2d) return false;
      labels++;
      if (i < n) {
        start = i + 1;
        alpha = true;
      }
    } else if (c >= 0x61 && c <= 0x7a) {
      // a letter
    } else if ((c >= 0x30 && c <= 0x39) || c === 0x2d) {
      alpha = false;
    } else {
      return false;
    }
  }
  if (labels < 2) return false;
  return (alpha && n - start >= 2) || (n - start > 4 && name.startsWith('xn--', start));
}

/** FNV-1a, 32 bits: the hash of the byte-keyed tables below (KnownHostBytes, BareNameCache). */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The longest scheme scanned back over before "://" (RFC 3986 sets none; real ones are under 20 bytes). */
const MAX_SCHEME = 64;

const IS_HEX = (c: number): boolean => (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);
/** The value of a hex digit (IS_HEX). */
const HEX_VALUE = (c: number): number => (c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x57);

/** Letters of one-letter backslash escapes (\n, \t, \r, \b, \f, \v) glued before a listed name. */
const ESCAPE_LETTERS = new Set([0x6e, 0x74, 0x72, 0x62, 0x66, 0x76]);

/** `%XY` (3 bytes, Y any case) at buf[q], or `%25XY` (5 bytes) when `twice`. */
function isPercent(buf: Buffer, q: number, start: number, x: number, y: number, twice = false): boolean {
  if (q < start || buf[q] !== 0x25) return false;
  if (twice) {
    if (buf[q + 1] !== 0x32 || buf[q + 2] !== 0x35) return false;
    q += 2;
  }
  return buf[q + 1] === x && (buf[q + 2] | 0x20) === y;
}

/** `\x2f` (4 bytes, any case) at buf[q]. */
function isXSlash(buf: Buffer, q: number): boolean {
  return buf[q] === 0x5c && buf[q + 1] === 0x78 && buf[q + 2] === 0x32 && (buf[q + 3] | 0x20) === 0x66;
}
/** `\u002f` (6 bytes, any case) at buf[q]. */
function isUSlash(buf: Buffer, q: number): boolean {
  return buf[q] === 0x5c && buf[q + 1] === 0x75 && buf[q + 2] === 0x30 && buf[q + 3] === 0x30 && buf[q + 4] === 0x32 && (buf[q + 5] | 0x20) === 0x66;
}

/**
 * The length of the scheme separator that ends right before `p`: "://" 3, ":\/\/" 5, "\://" 4
 * (a Java properties file's escaped colon), ":\x2f\x2f" and "%3A%2F%2F" 9, ":\u002f\u002f" 13,
 * "%253A%252F%252F" (percent-encoded twice) 15, or 0.
 */
function separatorBefore(buf: Buffer, p: number, start: number): number {
  if (p - 3 < start || buf[p - 1] !== 0x2f) {
    // ":\x2f\x2f" and ":\u002f\u002f": JavaScript and JSON escapes of the slashes.
    if (p - 9 >= start && buf[p - 9] === 0x3a && isXSlash(buf, p - 8) && isXSlash(buf, p - 4)) return 9;
    if (p - 13 >= start && buf[p - 13] === 0x3a && isUSlash(buf, p - 12) && isUSlash(buf, p - 6)) return 13;
    // "%3A%2F%2F", any case, or encoded twice, "%253A%252F%252F".
    if (isPercent(buf, p - 9, start, 0x33, 0x61) && isPercent(buf, p - 6, start, 0x32, 0x66) && isPercent(buf, p - 3, start, 0x32, 0x66)) return 9;
    if (isPercent(buf, p - 15, start, 0x33, 0x61, true) && isPercent(buf, p - 10, start, 0x32, 0x66, true) && isPercent(buf, p - 5, start, 0x32, 0x66, true)) return 15;
    return 0;
  }
  if (buf[p - 2] === 0x2f) return buf[p - 3] !== 0x3a ? 0 : p - 4 >= start && buf[p - 4] === 0x5c ? 4 : 3;
  if (buf[p - 2] === 0x5c && p - 5 >= start && buf[p - 3] === 0x2f && buf[p - 4] === 0x5c && buf[p - 5] === 0x3a) return 5;
  return 0;
}

/**
 * Where a name starts in the token buf[a, b) when an escape is glued before it: after the two hex
 * digits of a percent escape (`http%3A%2F%2Fhost`, `%20host`: the '%' is no host byte, so the
 * token starts at its digits; `%252Fhost`, encoded twice, after its four) or after those of a
 * backslash escape (`http:\x2f\x2fhost`, `\u002fhost`: JavaScript, JSON, a properties file), past
 * any '.' and '-' there; `a` when no escape is glued before it, -1 when no dotted name of 4 bytes
 * or more is left after it.
 */
function afterEscape(buf: Buffer, a: number, b: number, start: number): number {
  if (a - 1 < start) return a;
  let n = 0;
  if (buf[a - 1] === 0x25) {
    n = IS_HEX(buf[a]) && IS_HEX(buf[a + 1]) ? 2 : 0;
    // Encoded twice (a URL in a redirect's query string: "%252F" is "%2F" encoded): "25" and two
    // more hex digits.
    while (n && buf[a + n - 2] === 0x32 && buf[a + n - 1] === 0x35 && IS_HEX(buf[a + n]) && IS_HEX(buf[a + n + 1])) n += 2;
  } else if (buf[a - 1] === 0x5c && (buf[a] === 0x78 || buf[a] === 0x75)) {
    n = buf[a] === 0x78 ? 3 : 5;
    if (a + n >= b) n = 0;
    for (let i = a + 1; n && i < a + n; i++) if (!IS_HEX(buf[i])) n = 0;
  }
  if (n === 0) return a;
  let s = a + n;
  while (s < b && (buf[s] === DOT || buf[s] === 0x2d)) s++;
  const dot = buf.indexOf(DOT, s);
  return b - s < 4 || dot < 0 || dot >= b ? -1 : s;
}

/**
 * The escape at buf[i] of a character below 0x80 (`%7A`, `\u007a`, `\x7a`, `&#x7a;`, `&#122;`):
 * its length << 8 | the character, or 0 when none starts there (or it stands for a character of
 * 0x80 or more: no host byte). Of these, a host byte (letter, digit, '-', '.') is part of a name
 * the app reads decoded: OkHttp's HttpUrl decodes a host's percent escapes, a JSON, JavaScript or
 * properties reader `\u`, an XML parser character references.
 */
function escapeAt(buf: Uint8Array, i: number, end: number): number {
  const c = buf[i];
  let len = 0;
  let v = -1;
  if (c === 0x25) {
    if (i + 3 <= end && IS_HEX(buf[i + 1]) && IS_HEX(buf[i + 2])) {
      len = 3;
      v = HEX_VALUE(buf[i + 1]) * 16 + HEX_VALUE(buf[i + 2]);
    }
  } else if (c === 0x5c) {
    const k = buf[i + 1] === 0x75 ? 4 : buf[i + 1] === 0x78 ? 2 : 0;
    if (k && i + 2 + k <= end) {
      v = 0;
      for (let j = i + 2; j < i + 2 + k && v >= 0; j++) v = IS_HEX(buf[j]) ? v * 16 + HEX_VALUE(buf[j]) : -1;
      len = 2 + k;
    }
  } else if (c === 0x26) {
    const ref = charRef(buf, i, end);
    if (ref) {
      len = ref.len;
      v = ref.cp;
    }
  }
  return v < 0 ? 0 : (len << 8) | (v < 0x80 ? v : 0);
}

/** The escape (escapeAt) that ends right before buf[i], in buf[start, i), or 0. */
function escapeBefore(buf: Uint8Array, i: number, start: number): number {
  const c = buf[i - 1];
  if (i - 3 >= start && buf[i - 3] === 0x25) return escapeAt(buf, i - 3, i);
  if (i - 6 >= start && buf[i - 6] === 0x5c && buf[i - 5] === 0x75) return escapeAt(buf, i - 6, i);
  if (i - 4 >= start && buf[i - 4] === 0x5c && buf[i - 3] === 0x78) return escapeAt(buf, i - 4, i);
  if (c !== 0x3b) return 0;
  for (let j = i - 4; j >= Math.max(start, i - 12); j--) {
    if (buf[j] !== 0x26) continue;
    const e = escapeAt(buf, j, i);
    return e >> 8 === i - j ? e : 0;
  }
  return 0;
}

/** Whether the escape packed in `e` (escapeAt) stands for a host byte. */
const isHostEscape = (e: number): boolean => e !== 0 && HOST[e & 0xff] === 1;

/** How far an escaped name is looked for around a token, each way (a name is at most 253 characters of 6-byte escapes and more). */
const MAX_ESCAPED_RUN = 2048;
/** Raw bytes kept before and after a decoded name: its scheme (MAX_SCHEME and "://" escaped) and its port. */
const ESCAPED_NAME_BEFORE = MAX_SCHEME + 16;
const ESCAPED_NAME_AFTER = 8;

/** Where a file's text is decoded before it is scanned (EndpointScanner.scanFile). */
export type TextKind = 'properties' | 'json' | 'xml' | 'text';

/**
 * What a whole file or entry is as text: a Java properties file (by its name: Properties.load
 * reads any stream, but `.properties` is what ResourceBundle and apps load), JSON (named so, or
 * starting with '{' or '['), XML (named so, or starting with '<'), other text, or undefined for
 * binary data (a control byte other than whitespace in its first 512 bytes).
 */
export function textKindOf(name: string, buf: Uint8Array): TextKind | undefined {
  let i = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const stop = Math.min(buf.length, 512);
  for (let k = i; k < stop; k++) {
    const c = buf[k];
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) return undefined;
  }
  if (/\.properties$/i.test(name)) return 'properties';
  while (i < stop && (buf[i] === 0x20 || buf[i] === 0x09 || buf[i] === 0x0a || buf[i] === 0x0d)) i++;
  const first = buf[i];
  if (/\.json$/i.test(name) || first === 0x7b || first === 0x5b) return 'json';
  if (/\.xml$/i.test(name) || first === 0x3c) return 'xml';
  return 'text';
}

/** Text longer than this (and TEXT_CONTEXT) is decoded a chunk at a time (scanFile). */
const DECODE_CHUNK = 16 << 20;
/**
 * What a chunk of text reads on each side of its window (scanTextChunk): a base64 run of the
 * longest length decoded, and a name of 253 characters each written as an escape of up to 12 bytes.
 */
export const TEXT_CONTEXT = MAX_BASE64_RUN + 4096;

/** A sink that passes on only the hits whose evidence offset is in [lo, hi) (a chunk's window). */
function windowed(sink: EndpointSink, lo: number, hi: number): EndpointSink {
  return {
    add: (h) => {
      const o = h.evidence.offset ?? 0;
      if (o >= lo && o < hi) sink.add(h);
    },
    saturated: sink.saturated?.bind(sink),
    lists: sink.lists?.bind(sink),
  };
}

const isLineEndByte = (c: number): boolean => c === 0x0a || c === 0x0d;

/** The decoded text of a file of `kind` when it holds what its reader decodes, or undefined (none, or it cannot be read: scanned as it is). */
function decodeText(buf: Buffer, kind: TextKind): DecodedText | undefined {
  if (kind === 'properties') return buf.indexOf(0x5c) >= 0 ? decodeProperties(buf) : undefined;
  if (kind === 'json') return buf.indexOf(0x5c) >= 0 ? decodeJsonEscapes(buf) : undefined;
  if (kind === 'xml') return buf.indexOf(XML_REF) >= 0 || buf.indexOf(CDATA) >= 0 ? decodeXmlText(buf) : undefined;
  return undefined;
}
const XML_REF = Buffer.from('&#', 'latin1');
const CDATA = Buffer.from('<![CDATA[', 'latin1');
/** A URL whose host starts with a percent escape. */
const PERCENT_HOST = Buffer.from('://%', 'latin1');

/**
 * The length of the text character at buf[i]: 1 for printable ASCII, 2 to 4 for a UTF-8
 * multi-byte sequence (MUTF-8's too: its NUL C0 80, its surrogates ED A0-BF xx), 0 for any other
 * byte (a control byte, a lone continuation byte, a lead byte without its continuation bytes).
 */
function textChar(buf: Buffer, i: number, end: number): number {
  const c = buf[i];
  if (c >= 0x20 && c < 0x7f) return 1;
  const n = c < 0xc0 ? 0 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : c < 0xf5 ? 4 : 0;
  if (n === 0 || i + n > end) return 0;
  for (let k = 1; k < n; k++) if ((buf[i + k] & 0xc0) !== 0x80) return 0;
  return n;
}

/**
 * Whether the first byte of the token buf[a, b) is the length of the string it starts, not part
 * of a name: a DEX string's (in UTF-16 units), a class file constant's or a protocol buffer
 * field's (in bytes), where the raw scan reads a compact DEX, a vdex, an odex or a .class ('3',
 * 51, before "zzhc.vnet.cn/zzhc/register.do?..."). The string is text of that length, UTF-8 too
 * (a DEX's MUTF-8: "zzhc.vnet.cn/注册" is 15 units in 19 bytes), ending where the buffer does or
 * at a byte that does not go on with the text: a DEX string's NUL, a constant pool's next tag, a
 * byte of 0x80 or more that starts no UTF-8 sequence (a varint). Text that runs on past that
 * length, ASCII or UTF-8 ("1zzhc.vnet.cn" then "é..." in a UTF-8 file), makes no string of it:
 * a name of its own that happens to fit is not renamed. Used for listed hosts and addresses only.
 */
function lengthGlued(buf: Buffer, a: number, b: number, end: number): boolean {
  const n = buf[a];
  const bytesEnd = a + 1 + n;
  if (bytesEnd < b) return false;
  let units = b - a - 1; // the token is ASCII: a unit a byte
  for (let i = b; ; ) {
    if ((i === bytesEnd || units === n) && (i === end || textChar(buf, i, end) === 0)) return true;
    if (i >= end || (i >= bytesEnd && units >= n)) return false;
    const k = textChar(buf, i, end);
    if (k === 0) return false;
    units += k === 4 ? 2 : 1; // a character past U+FFFF is two UTF-16 units
    i += k;
  }
}

/** Whether a host name ends in a suffix of the Public Suffix List (ICANN or private) with a label before it. */
function hasPublicSuffix(host: string): boolean {
  const d = parseDomain(host, { extractHostname: false, validateHostname: false });
  return (d.isIcann === true || d.isPrivate === true) && !!d.domainWithoutSuffix;
}

/**
 * Whether a host has a label below its registrable domain (the Public Suffix List's, private
 * suffixes too: "x.blogspot.com" is a domain of its own): "zzhc.vnet.cn", not "vnet.cn".
 */
function hasLabelBelowDomain(host: string): boolean {
  return isHostSyntax(host) && !!parseDomain(host, { allowPrivateDomains: true, extractHostname: false }).subdomain;
}

/** Network schemes recognised glued to the bytes before them (`schemeBefore`), longest first. */
const GLUED_SCHEMES = ['https', 'http', 'wss', 'ws', 'ftp'] as const;

const IS_ALPHA = (c: number): boolean => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;

/**
 * The catalogued and policy hosts, found by the bytes of a token whatever the case of its letters
 * (the scanner lower-cases a token before it compares it with them): a token of no host's length
 * is told apart by one array read, one of a host's length by a hash of its bytes and a compare,
 * and neither makes a string. Only hosts of printable ASCII are held: a token never holds another
 * byte, so no other host can be one.
 */
export class KnownHostBytes {
  /** 1 at the length of a held host. */
  private readonly lengths = new Uint8Array(MAX_TOKEN + 1);
  /** 1 at (first byte << 8 | second byte) of a held host: most tokens start with no held host. */
  private readonly pairs = new Uint8Array(1 << 16);
  /** 1 at (last byte but one << 8 | last byte) of a held host: most positions end no held host. */
  private readonly endPairs = new Uint8Array(1 << 16);
  private readonly longest: number = 0;
  private readonly mask: number;
  private readonly hashes: Int32Array;
  /** Index of each slot's host in `names`, plus one (0: an empty slot). */
  private readonly slots: Int32Array;
  /** The same table by the hash of each host's bytes read backwards (endGlued). */
  private readonly endHashes: Int32Array;
  private readonly endSlots: Int32Array;
  private readonly names: string[] = [];
  /** Lengths of the held hosts' last labels (a name's TLD, an address's last number), ascending. */
  readonly lastLabelLengths: readonly number[];

  constructor(hosts: Iterable<string>) {
    const held = [...new Set(hosts)].filter((h) => h.length > 0 && h.length <= MAX_TOKEN && /^[\x21-\x7e]+$/.test(h));
    let size = 16;
    while (size < 2 * held.length) size *= 2;
    this.mask = size - 1;
    this.hashes = new Int32Array(size);
    this.slots = new Int32Array(size);
    this.endHashes = new Int32Array(size);
    this.endSlots = new Int32Array(size);
    const last = new Set<number>();
    for (const h of held) {
      const bytes = Buffer.from(h, 'latin1');
      this.names.push(h);
      KnownHostBytes.put(this.hashes, this.slots, this.mask, KnownHostBytes.hash(bytes, 0, bytes.length), this.names.length);
      KnownHostBytes.put(this.endHashes, this.endSlots, this.mask, KnownHostBytes.hashBack(bytes, 0, bytes.length), this.names.length);
      this.lengths[h.length] = 1;
      if (h.length >= 2) {
        this.pairs[(bytes[0] << 8) | bytes[1]] = 1;
        this.endPairs[(bytes[h.length - 2] << 8) | bytes[h.length - 1]] = 1;
      }
      this.longest = Math.max(this.longest, h.length);
      if (h.includes('.')) last.add(h.length - h.lastIndexOf('.') - 1);
    }
    this.lastLabelLengths = [...last].sort((x, y) => x - y);
  }

  /** Puts the host `at` (its index in `names`, plus one) of hash `hash` in a table. */
  private static put(hashes: Int32Array, slots: Int32Array, mask: number, hash: number, at: number): void {
    let slot = hash & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    hashes[slot] = hash;
    slots[slot] = at;
  }

  /** FNV-1a of buf[a, b) with A-Z read as a-z. */
  private static hash(buf: Uint8Array, a: number, b: number): number {
    let h = FNV_OFFSET;
    for (let i = a; i < b; i++) {
      const c = buf[i];
      h = Math.imul(h ^ (c >= 0x41 && c <= 0x5a ? c | 0x20 : c), FNV_PRIME);
    }
    return h;
  }

  /** FNV-1a of buf[a, b) read from its last byte to its first, A-Z as a-z. */
  private static hashBack(buf: Uint8Array, a: number, b: number): number {
    let h = FNV_OFFSET;
    for (let i = b - 1; i >= a; i--) {
      const c = buf[i];
      h = Math.imul(h ^ (c >= 0x41 && c <= 0x5a ? c | 0x20 : c), FNV_PRIME);
    }
    return h;
  }

  /** The held host equal to buf[a, b) lower-cased (A-Z only), or undefined. */
  find(buf: Uint8Array, a: number, b: number): string | undefined {
    const len = b - a;
    if (len > MAX_TOKEN || this.lengths[len] === 0) return undefined;
    return this.lookup(KnownHostBytes.hash(buf, a, b), buf, a, len);
  }

  /**
   * The longest held host that the token buf[a, b) (host bytes) starts with, lower-cased, when a
   * byte other than '.' follows it in the token (a name glued to the bytes after it: "zzhc.vnet.cn"
   * in "zzhc.vnet.cnregister"; not "zzhc.vnet.cn.example.com"), or undefined. A token that starts
   * with no held host's first two bytes costs one array read; one that does, a pass of the hash
   * over its bytes, one lookup per held length.
   */
  prefix(buf: Uint8Array, a: number, b: number): string | undefined {
    return b - a < 3 ? undefined : this.startsAt(buf, a, b - 1);
  }

  /**
   * The longest held host that buf[a, end) starts with, lower-cased, when what follows it is no
   * '.' (more labels: another name), or undefined.
   */
  startsAt(buf: Uint8Array, a: number, end: number): string | undefined {
    if (end - a < 2 || !this.mayStart(buf, a)) return undefined;
    const stop = Math.min(end - a, this.longest);
    let found: string | undefined;
    let h = FNV_OFFSET;
    for (let len = 1; len <= stop; len++) {
      const c = buf[a + len - 1];
      h = Math.imul(h ^ (c >= 0x41 && c <= 0x5a ? c | 0x20 : c), FNV_PRIME);
      if (this.lengths[len] === 1 && (a + len === end || buf[a + len] !== DOT)) found = this.lookup(h, buf, a, len) ?? found;
    }
    return found;
  }

  /**
   * The longest held host that buf[a, e) ends with, lower-cased, when a letter or a digit of
   * buf[a, e) is glued before it (string literals laid end to end: "zzhc.vnet.cn" in
   * "connectzzhc.vnet.cn"; not "x-zzhc.vnet.cn" or "a.zzhc.vnet.cn", names of their own), or
   * undefined. A position that ends no held host's last two bytes costs one array read; one that
   * does, a pass of the hash backwards over at most the longest host's bytes.
   */
  endGlued(buf: Uint8Array, a: number, e: number): string | undefined {
    if (e - a < 3 || !this.mayEnd(buf, e)) return undefined;
    const stop = Math.min(e - a - 1, this.longest);
    let found: string | undefined;
    let h = FNV_OFFSET;
    for (let len = 1; len <= stop; len++) {
      const c = buf[e - len];
      h = Math.imul(h ^ (c >= 0x41 && c <= 0x5a ? c | 0x20 : c), FNV_PRIME);
      if (this.lengths[len] === 1 && IS_ALNUM(buf[e - len - 1])) found = this.lookupIn(this.endHashes, this.endSlots, h, buf, e - len, len) ?? found;
    }
    return found;
  }

  /** Whether a held host may end right before `e` (one array read): its last two bytes do. */
  mayEnd(buf: Uint8Array, e: number): boolean {
    return this.endPairs[((buf[e - 2] | 0x20) << 8) | (buf[e - 1] | 0x20)] === 1;
  }

  /** Whether a held host may start at `a` (one array read): its first two bytes do (host bytes). */
  mayStart(buf: Uint8Array, a: number): boolean {
    // | 0x20 lower-cases a letter and keeps a digit, '-' and '.'.
    return this.pairs[((buf[a] | 0x20) << 8) | (buf[a + 1] | 0x20)] === 1;
  }

  /** The held host of hash `h` equal to buf[a, a + len) lower-cased, or undefined. */
  private lookup(h: number, buf: Uint8Array, a: number, len: number): string | undefined {
    return this.lookupIn(this.hashes, this.slots, h, buf, a, len);
  }

  /** lookup in the table of `hashes` and `slots`. */
  private lookupIn(hashes: Int32Array, slots: Int32Array, h: number, buf: Uint8Array, a: number, len: number): string | undefined {
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = slots[slot];
      if (at === 0) return undefined;
      if (hashes[slot] !== h) continue;
      const name = this.names[at - 1];
      if (name.length !== len) continue;
      let i = 0;
      for (; i < len; i++) {
        const c = buf[a + i];
        if ((c >= 0x41 && c <= 0x5a ? c | 0x20 : c) !== name.charCodeAt(i)) break;
      }
      if (i === len) return name;
    }
  }
}

/**
 * bareNameToHost memoised by the bytes of the name: the same names recur across APKs (most
 * lookups in a build are repeats), and a repeat costs a hash and a compare of its bytes, without
 * a string or a Map lookup. Open addressing over typed arrays; cleared when it holds
 * `maxEntries` names.
 */
export class BareNameCache {
  private mask: number;
  /**
   * Three words per slot, side by side so that a probe reads one cache line: the name's hash,
   * where it starts in the arena plus one (0: an empty slot), and its length.
   */
  private table: Int32Array;
  private results: (string | null)[];
  private arena = new Uint8Array(1 << 16);
  private used = 0;
  private count = 0;

  /** `slots`: the table's first size, a power of two (it doubles at half full). */
  constructor(
    private readonly maxEntries = 200_000,
    slots = 1 << 15,
  ) {
    this.mask = slots - 1;
    this.table = new Int32Array(3 * slots);
    this.results = new Array<string | null>(slots).fill(null);
  }

  /** bareNameToHost(buf[a, b) as latin1). */
  lookup(buf: Buffer, a: number, b: number): string | undefined {
    if (b - a > MAX_TOKEN) return undefined; // no host is longer
    let h = FNV_OFFSET;
    for (let i = a; i < b; i++) h = Math.imul(h ^ buf[i], FNV_PRIME);
    const len = b - a;
    const { table, arena, mask } = this;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const t = 3 * slot;
      const at = table[t + 1];
      if (at === 0) break;
      if (table[t] !== h || table[t + 2] !== len) continue;
      let i = 0;
      while (i < len && arena[at - 1 + i] === buf[a + i]) i++;
      if (i === len) return this.results[slot] ?? undefined;
    }
    const name = buf.toString('latin1', a, b);
    const host = bareNameToHost(name);
    this.insert(h, buf, a, b, host ?? null);
    return host;
  }

  private insert(h: number, buf: Uint8Array, a: number, b: number, result: string | null): void {
    if (this.count >= this.maxEntries) this.clear();
    if (2 * (this.count + 1) > this.results.length) this.grow();
    const len = b - a;
    if (this.used + len > this.arena.length) {
      const bigger = new Uint8Array(Math.max(2 * this.arena.length, this.used + len));
      bigger.set(this.arena.subarray(0, this.used));
      this.arena = bigger;
    }
    this.arena.set(buf.subarray(a, b), this.used);
    let slot = h & this.mask;
    while (this.table[3 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
    this.table[3 * slot] = h;
    this.table[3 * slot + 1] = this.used + 1;
    this.table[3 * slot + 2] = len;
    this.results[slot] = result;
    this.used += len;
    this.count++;
  }

  private grow(): void {
    const { table, results } = this;
    const size = 2 * results.length;
    this.mask = size - 1;
    this.table = new Int32Array(3 * size);
    this.results = new Array<string | null>(size).fill(null);
    for (let i = 0; i < results.length; i++) {
      const at = table[3 * i + 1];
      if (at === 0) continue;
      let slot = table[3 * i] & this.mask;
      while (this.table[3 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
      this.table[3 * slot] = table[3 * i];
      this.table[3 * slot + 1] = at;
      this.table[3 * slot + 2] = table[3 * i + 2];
      this.results[slot] = results[i];
    }
  }

  private clear(): void {
    this.table.fill(0);
    this.results.fill(null);
    this.used = 0;
    this.count = 0;
  }

  /** How many names it holds. */
  get size(): number {
    return this.count;
  }
}

/**
 * Decides whether a bare dotted name (no scheme before it, not catalogued) is a host.
 * `name` is as found (case kept); returns the lower-cased host or undefined.
 */
export function bareNameToHost(name: string): string | undefined {
  if (HAS_UPPER.test(name)) return undefined; // Java classes, constants, mixed-case code
  if (!isHostSyntax(name)) return undefined;
  const labels = name.split('.');
  const first = labels[0];
  const last = labels[labels.length - 1];
  if (FILE_EXTENSIONS.has(last)) return undefined;
  if (COMPRESSION_CCTLDS.has(last) && FILE_EXTENSIONS.has(labels[labels.length - 2])) return undefined; // system.new.dat.br
  if (CODE_ROOTS.has(first) || PROPERTY_ROOTS.has(first)) return undefined;
  if (first === 'android' && !HOST_ENDINGS_AFTER_ANDROID.has(last)) return undefined;
  if (first.length === 2 && labels.length > 2 && REVERSED_SECOND_LEVEL.has(labels[1])) return undefined;
  if (labels.length === 2 && (first.length < 3 || CODE_RECEIVERS.has(first) || CODE_LIKE_CCTLDS.has(last))) return undefined;
  if (last.length !== 2 && !BARE_GENERIC_TLDS.has(last)) return undefined;
  // `u.4.az`: a numeric inner label is code; a numeric first label is fine (`2.android.pool.ntp.org`).
  if (labels.some((l, i) => i > 0 && /^\d+$/.test(l))) return undefined;
  const dotted = `.${name}`;
  if (SECTION_NAME_ENDINGS.some((e) => dotted.endsWith(e)) || SECTION_NAME_INFIXES.some((i) => dotted.includes(i))) return undefined;
  return hasPublicSuffix(name) ? name : undefined;
}

export interface ScannerOptions {
  /**
   * Find candidates with the WebAssembly block pass when the runtime has it (default). false:
   * the JavaScript path, which gives the same hits (the reference the module is tested against).
   */
  wasm?: boolean;
}

/**
 * `{ ...base, offset }`, with the same keys in the same order, made without a spread: it is made
 * for every hit.
 */
function evidenceAt(base: EvidenceBase, offset: number): Evidence {
  return base.entry === undefined ? { path: base.path, source: base.source, offset } : { path: base.path, entry: base.entry, source: base.source, offset };
}

/** Bare names seen by this thread's scanners, with their verdicts. */
const bareNames = new BareNameCache();

export class EndpointScanner {
  /** The shortest digit run that can be an SMS number worth reporting (SP numbers have 8+). */
  private readonly smsMinLength: number;

  /** Catalogued and policy hosts, by the bytes of a token. */
  private readonly knownBytes: KnownHostBytes;

  /** Catalogued and policy hosts and addresses, for a token that one starts, glued to the bytes after it (gluedName). */
  private readonly gluedBytes: KnownHostBytes;

  /**
   * Catalogued and policy hosts with a label below their registrable domain, and addresses, for
   * a token that holds one glued to the bytes before it (gluedInside): "zzhc.vnet.cn" glued to
   * text is that host, "vnet.cn" (a domain any name under it ends with) is not looked for so.
   */
  private readonly endBytes: KnownHostBytes;

  /** Lengths of catalogued and policy SMS numbers, the same way. */
  private readonly smsLengths: ReadonlySet<number>;

  private readonly engine: ReturnType<typeof scanBlockEngine>;

  /** Where UTF-16 text is copied one byte a character to be scanned (scanWide). */
  private wideText = Buffer.alloc(0);

  /**
   * While UTF-16 text is scanned: a name or an IPv4 address without a scheme (or a port, for an
   * address) is taken only when the catalog or the policy lists it. ICU's locale data alone, in
   * every Android build, holds thousands of dotted words and versions in UTF-16 (`h.mm.ss`,
   * `des.qa`, `72.1.0.0`) that the bare-name rules would take for hosts.
   */
  private inWideText = false;

  /** While a name decoded from escapes is scanned (escapedName): its escapes are not looked for again. */
  private inEscapedName = false;
  /** The decoded name and the raw bytes around it (escapedName), and the source of each of its bytes. */
  private readonly nameText = Buffer.alloc(ESCAPED_NAME_BEFORE + MAX_TOKEN + 2 + ESCAPED_NAME_AFTER);
  private readonly nameFrom = new Int32Array(MAX_TOKEN + 2);

  constructor(
    private readonly known: KnownEndpoints,
    options: ScannerOptions = {},
  ) {
    this.knownBytes = new KnownHostBytes(known.hosts);
    this.gluedBytes = new KnownHostBytes([...known.hosts, ...(known.ips ?? [])]);
    this.endBytes = new KnownHostBytes([...[...known.hosts].filter(hasLabelBelowDomain), ...(known.ips ?? [])]);
    this.smsLengths = new Set([...known.sms].map((n) => n.length));
    let min = 8;
    for (const n of known.sms) min = Math.min(min, n.length);
    this.smsMinLength = min;
    this.engine = options.wasm === false ? null : scanBlockEngine();
  }

  /** True when this scanner finds candidates with the WebAssembly module. */
  get usesWasm(): boolean {
    return this.engine !== null;
  }

  /**
   * A whole file or entry (an APK's asset, a file of the build under the chunk size): scanned as
   * its reader decodes it when it is a properties, JSON or XML file holding escapes, character
   * references or CDATA (textKindOf, decodeText; each hit at the offset of what it was decoded
   * from, and the raw bytes not scanned besides: a false name cut at an escape would be reported
   * beside the true one), else as it is; text of any kind then for what it holds encoded
   * (scanEncoded). Binary data is scanned as it is.
   */
  scanFile(buf: Buffer, name: string, base: EvidenceBase, sink: EndpointSink, offsetOf: (pos: number) => number = (p) => p): void {
    const kind = buf.length >= 4 ? textKindOf(name, buf) : undefined;
    if (kind === undefined) {
      this.scan(buf, 0, buf.length, base, sink, offsetOf);
      return;
    }
    // A large one (an APK's asset is inflated whole, up to the entry cap) is decoded a chunk at a
    // time: its decoded text and offsets would take five times its size at once.
    if (buf.length > DECODE_CHUNK + TEXT_CONTEXT) {
      for (let pos = 0; pos < buf.length; pos += DECODE_CHUNK) {
        const lo = Math.max(0, pos - TEXT_CONTEXT);
        const hi = Math.min(buf.length, pos + DECODE_CHUNK + TEXT_CONTEXT);
        this.scanTextChunk(buf.subarray(lo, hi), kind, base, sink, (p) => offsetOf(lo + p), { from: pos - lo, to: Math.min(pos + DECODE_CHUNK, buf.length) - lo });
      }
      return;
    }
    this.scanTextOf(buf, kind, base, sink, offsetOf);
  }

  /** Text of `kind` decoded as its reader decodes it (decodeText), when it holds what that decodes, then scanned (scanText). */
  private scanTextOf(buf: Buffer, kind: TextKind, base: EvidenceBase, sink: EndpointSink, offsetOf: (pos: number) => number): void {
    const text = decodeText(buf, kind);
    if (!text) {
      this.scanText(buf, 0, buf.length, base, sink, offsetOf);
      return;
    }
    const from = text.from;
    this.scanText(text.bytes, 0, text.bytes.length, base, sink, (p) => offsetOf(p < from.length ? from[p] : buf.length));
  }

  /**
   * One chunk of a large text file of `kind` (artifact.ts scanRawSource: the kind textKindOf gave
   * its first bytes), read as scanFile reads a whole one, keeping the hits whose offset is in
   * `window` (buf positions; around it the caller reads at least a base64 run's longest length,
   * so a hit that starts in the window is decoded whole). A properties file is decoded from the
   * first line start in the chunk's leading context (its escapes and comments are per logical
   * line); JSON escapes, XML references and base64 runs need no more than the bytes around them.
   */
  scanTextChunk(buf: Buffer, kind: TextKind, base: EvidenceBase, sink: EndpointSink, offsetOf: (pos: number) => number, window: { from: number; to: number }): void {
    const bounded = windowed(sink, offsetOf(window.from), offsetOf(window.to));
    let s = 0;
    if (kind === 'properties' && window.from > 0) {
      const nl = buf.subarray(0, window.from).findIndex(isLineEndByte);
      if (nl >= 0) s = nl + 1;
    }
    this.scanTextOf(s === 0 ? buf : buf.subarray(s), kind, base, bounded, s === 0 ? offsetOf : (p) => offsetOf(p + s));
  }

  /**
   * scan, then scanEncoded: for strings (DEX, resources, XML) and text. `everyRun`: every base64
   * run of text is decoded (resource and XML strings: a few thousand short strings), not only those
   * of a URL (DEX strings and text files: bulk data, forEachBase64Url).
   */
  scanText(buf: Buffer, start: number, end: number, base: EvidenceBase, sink: EndpointSink, offsetOf: (pos: number) => number = (p) => p, everyRun = false): void {
    this.scan(buf, start, end, base, sink, offsetOf);
    this.scanEncoded(buf, start, end, base, sink, offsetOf, everyRun);
  }

  /**
   * What buf[start, end) holds encoded that the scan of its bytes cannot see: base64 runs of text
   * (forEachBase64Url, or with `everyRun` forEachBase64Text; their hits at the offset of the run),
   * and URLs whose host starts with a percent escape (`://%7A%7Ahc...`: a host all in escapes has
   * no dot for the scan to find). One level: what a run decodes to is scanned, not decoded again.
   */
  scanEncoded(buf: Buffer, start: number, end: number, base: EvidenceBase, sink: EndpointSink, offsetOf: (pos: number) => number = (p) => p, everyRun = false): void {
    if (end - start < 8) return;
    const view = start === 0 && end === buf.length ? buf : buf.subarray(start, end);
    const off = start === 0 ? offsetOf : (p: number) => offsetOf(p + start);
    (everyRun ? forEachBase64Text : forEachBase64Url)(view, 0, view.length, (text, at) => {
      const o = off(at);
      this.scan(text, 0, text.length, base, sink, () => o);
    });
    for (let i = view.indexOf(PERCENT_HOST); i >= 0; i = view.indexOf(PERCENT_HOST, i + 4)) {
      if (isHostEscape(escapeAt(view, i + 3, view.length))) this.decodedName(view, i + 3, 0, view.length, base, sink, off);
    }
  }

  /**
   * The name around the token buf[a, b) when escapes of its own characters are glued to it
   * (`\u007a\u007ahc.vnet.cn`, `%7A%7Ahc.vnet.cn`, `&#x7a;hc.vnet.cn`, `zzhc.vnet%2Ecn`): the app
   * reads it decoded, and the token is a piece of it that names another host. Decoded and scanned
   * instead of the token (decodedName). True when it was one.
   */
  private escapedName(buf: Buffer, a: number, b: number, start: number, end: number, base: EvidenceBase, sink: EndpointSink, offsetOf: (p: number) => number): boolean {
    if (this.inEscapedName) return false;
    const p = a > start ? buf[a - 1] : 0;
    const q = b < end ? buf[b] : 0;
    let s: number;
    if ((p === 0x25 || p === 0x5c) && isHostEscape(escapeAt(buf, a - 1, end))) s = a - 1;
    else if (p === 0x3b && isHostEscape(escapeBefore(buf, a, start))) s = a;
    else if ((q === 0x25 || q === 0x5c || q === 0x26) && isHostEscape(escapeAt(buf, b, end))) s = a;
    else return false;
    // Back to where the name starts: over its escapes and its bytes, to an escape of another character or a byte that is none.
    const floor = Math.max(start, s - MAX_ESCAPED_RUN);
    while (s > floor) {
      const e = escapeBefore(buf, s, floor);
      if (e !== 0) {
        if (!isHostEscape(e)) break;
        s -= e >> 8;
      } else if (HOST[buf[s - 1]] === 1) s--;
      else break;
    }
    this.decodedName(buf, s, start, end, base, sink, offsetOf);
    return true;
  }

  /**
   * The name that starts at buf[s], its escapes decoded (escapeAt), scanned as a token with the
   * raw bytes before it (its scheme) and after it (its port); its hits at the offsets of the
   * escapes and bytes they were decoded from.
   */
  private decodedName(buf: Buffer, s: number, start: number, end: number, base: EvidenceBase, sink: EndpointSink, offsetOf: (p: number) => number): void {
    const text = this.nameText;
    const from = this.nameFrom;
    const before = Math.min(ESCAPED_NAME_BEFORE, s - start);
    buf.copy(text, 0, s - before, s);
    let n = 0;
    let i = s;
    const ceil = Math.min(end, s + MAX_ESCAPED_RUN);
    while (i < ceil && n < from.length) {
      const e = escapeAt(buf, i, end);
      if (e !== 0) {
        if (!isHostEscape(e)) break;
        text[before + n] = e & 0xff;
        from[n++] = i;
        i += e >> 8;
      } else if (HOST[buf[i]] === 1) {
        text[before + n] = buf[i];
        from[n++] = i++;
      } else break;
    }
    if (n >= from.length) return; // longer than any name
    const after = Math.min(ESCAPED_NAME_AFTER, end - i);
    buf.copy(text, before + n, i, i + after);
    let a = before;
    let b = before + n;
    while (a < b && (text[a] === DOT || text[a] === 0x2d)) a++;
    while (b > a && (text[b - 1] === DOT || text[b - 1] === 0x2d)) b--;
    if (b - a < 4 || text.indexOf(DOT, a) < 0 || text.indexOf(DOT, a) >= b) return;
    const runEnd = i;
    const at = (p: number): number => offsetOf(p < before ? s - before + p : p < before + n ? from[p - before] : runEnd + (p - before - n));
    this.inEscapedName = true;
    try {
      this.token(text, a, b, 0, before + n + after, base, sink, at);
    } finally {
      this.inEscapedName = false;
    }
  }

  /** Scans `buf[start, end)`; `base` + (position - baseShift) becomes each hit's evidence. */
  scan(
    buf: Buffer,
    start: number,
    end: number,
    base: EvidenceBase,
    sink: EndpointSink,
    offsetOf: (pos: number) => number = (p) => p,
    window?: { from: number; to: number },
  ): void {
    if (end <= start) return;
    // Chunked callers scan a window with context on both sides and keep only the tokens that
    // start inside [from, to): a token cut by a chunk boundary is reported once, whole.
    const bounded = window ? windowed(sink, offsetOf(window.from), offsetOf(window.to)) : sink;
    // Work on a view of [start, end) so that every indexOf stops at `end`: Buffer.indexOf has
    // no end bound, and searching past it is quadratic over a DEX's many small strings.
    const view = start === 0 && end === buf.length ? buf : buf.subarray(start, end);
    const off = start === 0 ? offsetOf : (p: number) => offsetOf(p + start);
    const len = view.length;
    if (this.engine) {
      this.scanBlocks(this.engine, view, len, base, bounded, off);
      return;
    }
    this.scanDots(view, 0, len, base, bounded, off);
    if (len >= 8) this.scanIpv6(view, 0, len, base, bounded, off);
    if (len >= this.smsMinLength) this.scanSms(view, 0, len, base, bounded, off);
    const wide = wideCandidates(view, 0, len, this.smsMinLength);
    if (wide.length) this.scanWide(view, wide, 0, len, base, bounded, off);
  }

  /**
   * The WebAssembly path: per 64 KiB block, its dotted tokens, then its `://[`, then its digit
   * runs, each in order of position, so every (kind, value) meets its evidence in the same order
   * as on the JavaScript path (hosts and IPv4 come only from tokens, IPv6 from URLs, SMS numbers
   * from digit runs). UTF-16 text is scanned last, as there.
   */
  private scanBlocks(engine: NonNullable<ReturnType<typeof scanBlockEngine>>, buf: Buffer, len: number, base: EvidenceBase, sink: EndpointSink, offsetOf: (p: number) => number): void {
    let lastToken = 0;
    let lastRun = 0;
    const urls = len >= 8;
    const sms = len >= this.smsMinLength;
    const visitRun = (ds: number, de: number): void => this.smsRun(buf, ds, de, 0, len, base, sink, offsetOf);
    let wide: number[] | undefined;
    let wideDigits: number[] | undefined;
    // A dot 2 or 4 bytes after a UTF-16 dot is in the same run (the bytes between are a
    // character): not kept, so text packed with dots costs one number per run, not per dot.
    let lastWide = -8;
    forEachBlock(engine, buf, 0, len, this.smsMinLength, (c) => {
      for (let i = 0; i < c.nWide; i++) {
        const d = c.s0 + c.i32[c.wideAt + i];
        if (d - lastWide > 4 || (d - lastWide) & 1) (wide ??= []).push(d);
        lastWide = d;
      }
      for (let i = 0; i < c.nWideDigits; i++) (wideDigits ??= []).push(c.s0 + c.i32[c.wideDigitsAt + i]);
      const { s0, i32 } = c;
      for (let i = 0, r = c.tokensAt; i < c.nTokens; i++, r += 4) {
        const flags = i32[r + 3];
        if (flags & TOKEN_UNBOUNDED) {
          const d = s0 + i32[r];
          if (d >= lastToken) lastToken = this.dotAt(buf, d, 0, len, base, sink, offsetOf);
          continue;
        }
        const a = s0 + i32[r];
        if (a < lastToken) continue; // found from the block before
        lastToken = s0 + i32[r + 2];
        const b = s0 + i32[r + 1];
        if (flags & TOKEN_GLUED) {
          // After an escape, classified as the JavaScript path does it, without the escape's
          // hex digits ("%2F10.0.0.1"); else only a listed name glued after it may be in it.
          if (a > 0 && (buf[a - 1] === 0x25 || buf[a - 1] === 0x5c)) this.token(buf, a, b, 0, len, base, sink, offsetOf);
          else if (this.mayBeGlued(buf, a, b) || this.mayHoldGlued(buf, a, b)) this.candidate(buf, a, b, 0, len, false, (flags & TOKEN_UPPER) !== 0 ? 1 : 0, base, sink, offsetOf);
          continue;
        }
        this.candidate(buf, a, b, 0, len, (flags & TOKEN_ALPHA_TLD) !== 0, (flags & TOKEN_UPPER) !== 0 ? 1 : 0, base, sink, offsetOf);
      }
      if (urls) for (let i = 0; i < c.nUrls; i++) this.ipv6At(buf, s0 + i32[c.urlsAt + i], 0, len, base, sink, offsetOf);
      if (sms) lastRun = widenRuns(buf, 0, len, this.smsMinLength, c, lastRun, visitRun);
    });
    if (wide || wideDigits) this.scanWide(buf, mergeSorted(wide ?? [], wideDigits ?? []), 0, len, base, sink, offsetOf);
  }

  /**
   * UTF-16LE text (a C++ `u"..."` literal, a Qt or WebKit string, a Windows resource): the run of
   * UTF-16 characters in 0x20-0x7e around each of `near` (ascending; wideCandidates), one byte a
   * character in a scratch buffer, scanned as text would be when it holds a dot between host
   * characters or a run of digits as long as an SMS number, each hit at its offset in the UTF-16
   * bytes. A run is taken once, whatever number of candidates it has.
   */
  private scanWide(buf: Buffer, near: readonly number[], start: number, end: number, base: EvidenceBase, sink: EndpointSink, offsetOf: (p: number) => number): void {
    let taken = start;
    for (const d of near) {
      if (d < taken) continue;
      let s = d;
      while (s - 2 >= start && buf[s - 1] === 0 && TEXT[buf[s - 2]] === 1) s -= 2;
      let e = d;
      while (e + 1 < end && buf[e + 1] === 0 && TEXT[buf[e]] === 1) e += 2;
      taken = e;
      const n = (e - s) >> 1;
      // shorter than any dotted name (a.bc) and than the shortest listed number
      if (n < Math.min(4, this.smsMinLength)) continue;
      if (this.wideText.length < n) this.wideText = Buffer.allocUnsafe(Math.max(n, this.wideText.length * 2));
      const text = this.wideText;
      for (let i = 0, p = s; i < n; i++, p += 2) text[i] = buf[p];
      if (!holdsEndpoint(text, n, this.smsMinLength)) continue;
      const at = (p: number): number => offsetOf(s + 2 * p);
      this.inWideText = true;
      try {
        this.scanDots(text, 0, n, base, sink, at);
      } finally {
        this.inWideText = false;
      }
      if (n >= 8) this.scanIpv6(text, 0, n, base, sink, at);
      if (n >= this.smsMinLength) this.scanSms(text, 0, n, base, sink, at);
    }
  }

  private scanDots(buf: Buffer, start: number, end: number, base: EvidenceBase, sink: EndpointSink, offsetOf: (p: number) => number): void {
    let from = start;
    while (from < end) {
      const d = buf.indexOf(DOT, from);
      if (d < 0 || d >= end) return;
      from = this.dotAt(buf, d, start, end, base, sink, offsetOf);
    }
  }

  /** The dotted name around the dot at `d`, if any; returns the end of its run of host bytes. */
  private dotAt(buf: Buffer, d: number, start: number, end: number, base: EvidenceBase, sink: EndpointSink, offsetOf: (p: number) => number): number {
    let ts = d;
    while (ts > start && HOST[buf[ts - 1]] === 1) ts--;
    let te = d + 1;
    while (te < end && HOST[buf[te]] === 1) te++;
    // Trim separators that cannot start or end a name.
    let a = ts;
    let b = te;
    while (a < b && (buf[a] === DOT || buf[a] === 0x2d)) a++;
    while (b > a && (buf[b - 1] === DOT || buf[b - 1] === 0x2d)) b--;
    if (b - a < 4 || b - a > MAX_TOKEN) return te;
    let dot = a;
    while (dot < b && buf[dot] !== DOT) dot++;
    if (dot >= b) return te; // the dot was trimmed away: no dotted name left
    this.token(buf, a, b, start, end, base, sink, offsetOf);
    return te;
  }

  /** The byte-level rejections of a trimmed dotted token (the module makes them on its path). */
  private token(
    buf: Buffer,
    a: number,
    b: number,
    start: number,
    end: number,
    base: EvidenceBase,
    sink: EndpointSink,
    offsetOf: (p: number) => number,
  ): void {
    // A name written partly in escapes of its own characters: decoded.
    if (this.escapedName(buf, a, b, start, end, base, sink, offsetOf)) return;
    // An escape glued before the name: classified without it ("%2F10.0.0.1" is a quad).
    a = afterEscape(buf, a, b, start);
    if (a < 0) return;
    // Cheap byte-level rejections before any string is made: a name must end in a label of
    // letters (a TLD), unless the token is a dotted quad.
    let lastDot = b - 1;
    while (lastDot > a && buf[lastDot] !== DOT) lastDot--;
    let alphaTld = b - lastDot - 1 >= 2;
    let digitsOnly = true;
    for (let i = lastDot + 1; i < b && alphaTld; i++) {
      const c = buf[i] | 0x20;
      if (c < 0x61 || c > 0x7a) alphaTld = false;
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
      // Neither: a listed name glued to the bytes after it may start it (gluedName), or a listed
      // address after a length byte; the module's TOKEN_GLUED.
      if (!digitsOnly && !this.mayBeGlued(buf, a, b) && !this.mayHoldGlued(buf, a, b)) return;
    }
    this.candidate(buf, a, b, start, end, alphaTld, -1, base, sink, offsetOf);
  }

  /** Whether a listed host or address may start at buf[a] or buf[a + 1] (two array reads). */
  private mayBeGlued(buf: Buffer, a: number, b: number): boolean {
    return this.gluedBytes.mayStart(buf, a) || (b - a > 4 && this.gluedBytes.mayStart(buf, a + 1));
  }

  /**
   * Whether a listed host or address may end inside the token buf[a, b) glued to the bytes before
   * it (gluedInside): at its end, or a listed last label's length after one of its dots (an
   * array read per dot and length).
   */
  private mayHoldGlued(buf: Buffer, a: number, b: number): boolean {
    const m = this.endBytes;
    if (m.mayEnd(buf, b)) return true;
    const ls = m.lastLabelLengths;
    for (let d = a + 1; d < b - 2; d++) {
      if (buf[d] !== DOT) continue;
      for (let t = 0; t < ls.length && d + 1 + ls[t] < b; t++) if (m.mayEnd(buf, d + 1 + ls[t])) return true;
    }
    return false;
  }

  /**
   * A token past the byte checks: `alphaTld` when it ends in a letter (or xn--) label, else it is
   * digits and dots; `upper` 1 when it has a capital, 0 when not, -1 not looked at yet.
   */
  private candidate(
    buf: Buffer,
    a: number,
    b: number,
    start: number,
    end: number,
    alphaTld: boolean,
    upper: number,
    base: EvidenceBase,
    sink: EndpointSink,
    offsetOf: (p: number) => number,
  ): void {
    if (this.escapedName(buf, a, b, start, end, base, sink, offsetOf)) return;
    // An escape glued before the name (the module's tokens of a letter TLD or a quad come here
    // with it; token() took it off the others already): the name starts after it.
    const e = afterEscape(buf, a, b, start);
    if (e < 0) return;
    if (e > a) {
      a = e;
      upper = -1;
    }
    const url = this.schemeBefore(buf, a, start);
    if (alphaTld) {
      // A catalogued or policy host (found by its bytes, any case) is one wherever it stands,
      // also after the length byte of its string (lengthGlued) or a one-letter escape (`\nhost`).
      let known = this.knownBytes.find(buf, a, b);
      if (known === undefined && b - a > 4) {
        known = this.knownBytes.find(buf, a + 1, b);
        if (known !== undefined && (lengthGlued(buf, a, b, end) || (a > start && buf[a - 1] === 0x5c && ESCAPE_LETTERS.has(buf[a])))) a++;
        else known = undefined;
      }
      if (known !== undefined) {
        sink.add(this.hit('host', known, url, this.portAfter(buf, b, end), evidenceAt(base, offsetOf(url?.schemeStart ?? a))));
        return;
      }
      const glued = this.gluedName(buf, a, b, start, url, base, sink, offsetOf);
      if (!url) this.gluedInside(buf, a, b, end, glued, true, base, sink, offsetOf);
      if (glued >= 0) return;
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
        if (upper) return;
        // The first label as a number (7 bits a byte, up to 7 bytes): no string per candidate.
        let code = 0;
        let i = a;
        for (; i < b && i - a <= 7 && buf[i] !== DOT; i++) code = code * 128 + buf[i];
        if (i - a <= 7 && ROOT_CODES.has(code)) return;
        if (!this.inWideText) this.bare(buf, a, b, start, end, base, sink, offsetOf);
        return;
      }
    }
    // Not a letter TLD: a dotted quad, a listed address after the length byte of its string, a
    // listed name glued to the bytes after it (gluedName; the only one taken from a token that
    // is not all digits and dots), or nothing.
    if (!alphaTld) {
      // A listed address after a byte that is its string's length ("31.2.3.4" for 1.2.3.4 after
      // '3', "x1.2.3.4/..." of 120 bytes) is that address, whether the whole token is a dotted
      // quad or not.
      const whole = isCanonicalIpv4Bytes(buf, a, b);
      const ips = this.known.ips;
      const glued =
        !url &&
        !!ips?.size &&
        IS_ALNUM(buf[a]) &&
        isCanonicalIpv4Bytes(buf, a + 1, b) &&
        ips.has(buf.toString('latin1', a + 1, b)) &&
        !(whole && ips.has(buf.toString('latin1', a, b))) &&
        lengthGlued(buf, a, b, end);
      if (glued) a++;
      else if (!whole) {
        const from = this.gluedName(buf, a, b, start, url, base, sink, offsetOf);
        if (!url) this.gluedInside(buf, a, b, end, from, false, base, sink, offsetOf);
        return;
      }
    }
    const raw = buf.toString('latin1', a, b);
    const lower = upper === 0 ? raw : raw.toLowerCase();
    const port = this.portAfter(buf, b, end);
    // Where a hit's evidence points (its offset is made only for a hit: most candidates are
    // rejected below).
    const at = url?.schemeStart ?? a;

    if (!alphaTld) {
      // A dotted quad inside a longer dotted run (1.2.3.4.5) was trimmed away above; reject
      // quads glued to letters or version markers (v1.2.3.4 never reaches here: 'v' is a host byte).
      if (!url && raw.startsWith('0.')) return;
      if (!url && port === undefined && this.inWideText && !this.known.ips?.has(raw)) return;
      // Bare low quads are version numbers (2.12.9.2), unless a port or a known resolver says otherwise.
      if (!url && port === undefined && raw.charCodeAt(1) === DOT && !LOW_IPV4_ALLOWED.has(raw) && !this.known.ips?.has(raw)) return;
      if (!url && a > start && (buf[a - 1] === 0x2d || buf[a - 1] === 0x5f)) return;
      if (dropped(sink, 'ip', raw, base)) return;
      sink.add(this.hit('ip', raw, url, port, evidenceAt(base, offsetOf(at))));
      return;
    }

    // A letter TLD here is after a scheme (known hosts and bare names were taken above). After a
    // scheme glued to text before it, only a name with a public suffix: brotli's dictionary (in
    // every WebView) runs "thehttp%3A%2F%2Fwww.manifestations of" together.
    if (!url?.network || dropped(sink, 'host', lower, base) || !isHostSyntax(lower)) return;
    if (url.glued && !hasPublicSuffix(lower)) return;
    sink.add(this.hit('host', lower, url, port, evidenceAt(base, offsetOf(at))));
  }

  /**
   * A listed host or address that the token buf[a, b) (no listed name itself) starts with, glued
   * to the bytes after it: string literals laid end to end (Rust's read-only data:
   * "124.207.3.531.2"), a SQLite record's next column ("zzhc.vnet.cnG": the integer 71), a
   * protocol buffer's next tag ('2', ':', '"', '*', or 'B' to 'z': string fields 4 to 15). Only
   * when the whole token is no name of its own: not a dotted quad, and not a host name with a
   * public suffix ("zzhc.vnet.community" stays what it is), unless outside a URL it starts with
   * an address (a bare name with numeric labels is no host: "124.207.3.53v2zzhc.vnet.cn").
   * Also after one byte glued before it ("1zzhc.vnet.cnG", a SQLite integer column before the
   * text): the token is glued to its neighbours already, and a name one byte longer than a listed
   * one, itself glued after, is far less likely than the listed name between two fields. (With
   * nothing glued after it, a first byte is taken off only as the string's length: lengthGlued.)
   * Where the name it reported starts, or -1.
   */
  private gluedName(
    buf: Buffer,
    a: number,
    b: number,
    start: number,
    url: { scheme: string; network: boolean; schemeStart: number } | undefined,
    base: EvidenceBase,
    sink: EndpointSink,
    offsetOf: (p: number) => number,
  ): number {
    let s = a;
    let name = this.gluedBytes.prefix(buf, a, b);
    if (name === undefined && b - a > 4) name = this.gluedBytes.prefix(buf, ++s, b);
    if (name === undefined || isCanonicalIpv4Bytes(buf, a, b)) return -1;
    const ip = this.known.ips?.has(name) === true;
    if ((!ip || url) && this.nameOfItsOwn(buf, a, b)) return -1;
    // The scheme is the name's when nothing is between them.
    const scheme = s === a ? url : undefined;
    // As a bare quad: after '-' or '_' it is a version's tail.
    if (ip && !scheme && s > start && (buf[s - 1] === 0x2d || buf[s - 1] === 0x5f)) return -1;
    sink.add(this.hit(ip ? 'ip' : 'host', name, scheme, undefined, evidenceAt(base, offsetOf(scheme?.schemeStart ?? s))));
    return s;
  }

  /** Whether the token buf[a, b) is a host name with a public suffix ("zzhc.vnet.community"). */
  private nameOfItsOwn(buf: Buffer, a: number, b: number): boolean {
    const lower = buf.toString('latin1', a, b).toLowerCase();
    return isHostSyntax(lower) && hasPublicSuffix(lower);
  }

  /**
   * Listed hosts and addresses inside the token buf[a, b), glued to a letter or a digit before
   * them (endGlued), beside what the token is otherwise: string literals laid end to end
   * (rustc's read-only data: "connectzzhc.vnet.cn", "10659401dm.wo.com.cn124.207.3.53", and
   * older rustc "stdout.rsconnectzzhc.vnet.cn10659401dm.wo.com.cn124.207.3.53reg.rs"), a SQLite
   * record's text columns ("China Telecom46003zzhc.vnet.cn10659401"). Looked for where the token
   * ends, and where a listed last label's length after one of its dots ends with more than a '.'
   * after it (more labels make another name): a host unless its TLD runs on into the token's last
   * label and the token is a name of its own ("xcn.c2dms.community"); an address after a letter,
   * its first number of 2 digits or more ("v1.2.3.4" is a version), and before a letter or the
   * token's end. Only hosts with a label below their registrable domain are held (endBytes): a
   * name glued into that label keeps the domain. `from`: where a name gluedName reported starts
   * (not reported again), or -1.
   */
  private gluedInside(
    buf: Buffer,
    a: number,
    b: number,
    end: number,
    from: number,
    alphaTld: boolean,
    base: EvidenceBase,
    sink: EndpointSink,
    offsetOf: (p: number) => number,
  ): void {
    const m = this.endBytes;
    const ls = m.lastLabelLengths;
    let lastDot = b - 1;
    while (lastDot > a && buf[lastDot] !== DOT) lastDot--;
    let own = -1; // whether the token is a name of its own: -1 not asked yet
    for (let d = a + 1; d < b - 2; d++) {
      if (buf[d] !== DOT) continue;
      for (let t = 0; t < ls.length && d + 1 + ls[t] < b; t++) {
        const e = d + 1 + ls[t];
        if (buf[e] === DOT || !m.mayEnd(buf, e)) continue;
        if (d === lastDot && IS_ALPHA(buf[e])) {
          if (own < 0) own = alphaTld && this.nameOfItsOwn(buf, a, b) ? 1 : 0;
          if (own === 1) continue;
        }
        this.endGluedAt(buf, a, e, b, end, from, base, sink, offsetOf);
      }
    }
    this.endGluedAt(buf, a, b, b, end, from, base, sink, offsetOf);
  }

  /** The listed host or address that buf[a, e) ends with glued, in the token buf[a, b) (gluedInside), if any. */
  private endGluedAt(buf: Buffer, a: number, e: number, b: number, end: number, from: number, base: EvidenceBase, sink: EndpointSink, offsetOf: (p: number) => number): void {
    const name = this.endBytes.endGlued(buf, a, e);
    if (name === undefined) return;
    const s = e - name.length;
    if (s <= from) return;
    const ip = this.known.ips?.has(name) === true;
    if (ip && (!IS_ALPHA(buf[s - 1]) || !IS_DIGIT(buf[s + 1]) || (e < b && !IS_ALPHA(buf[e])))) return;
    sink.add(this.hit(ip ? 'ip' : 'host', name, undefined, this.portAfter(buf, e, end), evidenceAt(base, offsetOf(s))));
  }

  /** A bare dotted name buf[a, b) (no scheme before it, not catalogued): a host or nothing. */
  private bare(buf: Buffer, a: number, b: number, start: number, end: number, base: EvidenceBase, sink: EndpointSink, offsetOf: (p: number) => number): void {
    // Reject e-mail domains and path segments, then the code/file/property rules.
    if (a > start) {
      const prev = buf[a - 1];
      if (prev === 0x40 /* @ */) return;
      if ((prev === 0x2f || prev === 0x5c) && !(a - 2 >= start && buf[a - 2] === 0x2f)) return;
      if (prev === 0x5f /* _ */ || prev === 0x24 /* $ */) return;
    }
    if (b < end) {
      const next = buf[b];
      if (next === 0x5f || next === 0x24 || next === 0x28 /* ( */) return;
    }
    // A bare name is a host only as it stands (bareNameToHost returns it or nothing), so past
    // its artifact's cap a name the artifact does not list is dropped before the rules run.
    if (sink.saturated?.(base.path) && !sink.lists!('host', buf.toString('latin1', a, b), base.path)) return;
    const host = bareNames.lookup(buf, a, b);
    if (host) sink.add(this.hit('host', host, undefined, this.portAfter(buf, b, end), evidenceAt(base, offsetOf(a))));
  }

  /** One hit, always of one shape (absent fields undefined): the collector's reads stay monomorphic. */
  private hit(
    kind: EndpointHit['kind'],
    value: string,
    url: { scheme: string; network: boolean } | undefined,
    port: number | undefined,
    evidence: Evidence,
  ): EndpointHit {
    // XML namespace identifiers are inventoried, never findings; loopback and the unspecified
    // address never leave the device.
    const ignored =
      (kind === 'host' && IDENTIFIER_HOSTS.has(value)) ||
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
  private schemeBefore(buf: Buffer, a: number, start: number): { scheme: string; network: boolean; schemeStart: number; glued?: boolean } | undefined {
    let p = a;
    // userinfo: scan back over it to the "//" when the host is preceded by '@'.
    if (p > start && buf[p - 1] === 0x40) {
      let q = p - 2;
      const limit = Math.max(start, p - 256);
      while (q >= limit && buf[q] > 0x20 && buf[q] < 0x7f && buf[q] !== 0x2f && buf[q] !== 0x40) q--;
      p = q + 1;
    }
    // "://", as JSON escapes it (":\/\/": org.json and PHP write every '/' so), or percent-encoded
    // ("%3A%2F%2F", a URL in a query string).
    const sep = separatorBefore(buf, p, start);
    if (sep === 0) return undefined;
    p -= sep - 3; // from here on, p - 3 is where the separator starts
    let s = p - 3;
    // At most MAX_SCHEME bytes back: a hit's offset is where its scheme starts, and a chunked
    // scan keeps only hits that start in its window, with 512 bytes of context (scanRawSource);
    // a run of scheme bytes longer than that before "://" put the offset out of reach of the
    // chunk that saw the host, and neither chunk reported it.
    const limit = Math.max(start, s - MAX_SCHEME);
    while (s > limit && (IS_ALNUM(buf[s - 1]) || buf[s - 1] === 0x2b || buf[s - 1] === 0x2e || buf[s - 1] === 0x2d)) s--;
    // A scheme starts with a letter (RFC 3986): digits and '+-.' before one are not part of it.
    while (s < p - 3 && !IS_ALPHA(buf[s])) s++;
    if (s >= p - 3) return undefined;
    const scheme = buf.toString('latin1', s, p - 3).toLowerCase();
    if (NETWORK_SCHEMES.has(scheme)) return { scheme, network: true, schemeStart: s };
    // A web scheme glued to what stands before it: in binary data most often the string's length
    // (a class file's or a protocol buffer's length byte 'h' before "http://...": 62 of the 256
    // lengths are letters or digits) after the end of the string before it. Those were no
    // network URL, and their host, unless catalogued, was lost. http, https and ftp end no
    // other scheme in use; "ws" ends words ("myviews://" is a deep link): it counts after '+',
    // '-' or '.' ("git+wss://") or one or two other bytes only.
    for (const known of GLUED_SCHEMES) {
      if (!scheme.endsWith(known)) continue;
      const at = p - 3 - known.length;
      if (known.charCodeAt(0) !== 0x77 /* w */ || at - s <= 2 || !IS_ALNUM(buf[at - 1])) return { scheme: known, network: true, schemeStart: at, glued: true };
    }
    return { scheme, network: false, schemeStart: s };
  }

  /**
   * The port after the name ending at `b`: `:8080`, `\:8080` (a properties file's escaped colon)
   * or `%3A8080` (a percent-encoded URL), if any.
   */
  private portAfter(buf: Buffer, b: number, end: number): number | undefined {
    const c = buf[b];
    const p = c === 0x3a ? b + 1 : c === 0x5c && buf[b + 1] === 0x3a ? b + 2 : c === 0x25 && buf[b + 1] === 0x33 && (buf[b + 2] | 0x20) === 0x61 ? b + 3 : -1;
    if (p < 0 || p >= end || !IS_DIGIT(buf[p])) return undefined;
    let q = p;
    let v = 0;
    while (q < end && IS_DIGIT(buf[q]) && q - p < 5) v = v * 10 + (buf[q++] - 0x30);
    if (q < end && IS_DIGIT(buf[q])) return undefined;
    return v > 0 && v <= 65535 ? v : undefined;
  }

  /** IPv6 literals in URLs: `scheme://[2001:db8::1]:port/`. */
  private scanIpv6(buf: Buffer, start: number, end: number, base: EvidenceBase, sink: EndpointSink, offsetOf: (p: number) => number): void {
    let from = start;
    while (from < end) {
      // '://' alone is found faster than '://[' (a shorter needle), and is rarer than '['.
      const i = buf.indexOf(URL_SEP, from);
      if (i < 0 || i >= end) return;
      from = i + 3;
      if (buf[i + 3] === 0x5b) this.ipv6At(buf, i, start, end, base, sink, offsetOf);
    }
  }

  /** The IPv6 literal of the `://[` at `i`, if it is one. */
  private ipv6At(buf: Buffer, i: number, start: number, end: number, base: EvidenceBase, sink: EndpointSink, offsetOf: (p: number) => number): void {
    // The ']' is looked for only as far as the longest literal reaches (45 characters): a search
    // to the end of the buffer for every `://[` was quadratic in a file of them without a ']'
    // (4 MiB took 27 s).
    const stop = Math.min(end, i + 4 + MAX_IPV6_LITERAL + 1);
    let close = i + 4;
    while (close < stop && buf[close] !== 0x5d) close++;
    if (close >= stop) return;
    const lit = buf.toString('latin1', i + 4, close).toLowerCase();
    if (!/^[0-9a-f:.]+$/.test(lit) || !lit.includes(':')) return;
    const url = this.schemeBefore(buf, i + 3, start);
    if (!url?.network) return;
    const port = this.portAfter(buf, close + 1, end);
    const value = canonicalIpv6(lit) ?? lit;
    if (dropped(sink, 'ip', value, base)) return;
    sink.add(this.hit('ip', value, url, port, evidenceAt(base, offsetOf(url.schemeStart))));
  }

  /**
   * China SP numbers (`106…`, 8-13 digits) and catalogued numbers, as whole tokens: every run of
   * digits long enough to be one (one pass, however many numbers are catalogued) is checked.
   */
  private scanSms(buf: Buffer, start: number, end: number, base: EvidenceBase, sink: EndpointSink, offsetOf: (p: number) => number): void {
    forEachDigitRunJs(buf, start, end, this.smsMinLength, (ds, de) => this.smsRun(buf, ds, de, start, end, base, sink, offsetOf));
  }

  /**
   * A number stored as an integer (a resource `<integer>10659401</integer>`, which an app formats
   * as text): an SMS hit when it is a listed number (catalog or policy). Only listed ones: an
   * integer that merely looks like an SP number is as likely a size or a time.
   */
  listedSmsNumber(value: number, base: EvidenceBase, sink: EndpointSink): void {
    const digits = String(value >>> 0);
    if (!this.known.sms.has(digits) || dropped(sink, 'sms', digits, base)) return;
    sink.add(this.hit('sms', digits, undefined, undefined, base.entry === undefined ? { path: base.path, source: base.source } : { path: base.path, entry: base.entry, source: base.source }));
  }

  /**
   * The run of digits buf[ds, de), when it stands alone and is an SP or listed number. A letter
   * or a '.' before it, or a letter after it, makes it part of an identifier or a version
   * ("v10659401", "x10086", "10086a"): a number has no syntax that tells it glued from that.
   * Only a listed number after the length byte of its string is taken so (lengthGlued: a letter
   * before it, or a digit that starts the run), or glued to text (listedGlued).
   */
  private smsRun(buf: Buffer, ds: number, de: number, start: number, end: number, base: EvidenceBase, sink: EndpointSink, offsetOf: (p: number) => number): void {
    const before = ds > start ? buf[ds - 1] : 0x20;
    const after = de < end ? buf[de] : 0x20;
    if (IS_ALNUM(after) || after === 0x5f) {
      if (IS_ALPHA(after) && before !== DOT && before !== 0x5f) this.listedGlued(buf, ds, de, start, end, false, base, sink, offsetOf);
      return;
    }
    if (after === DOT && de + 1 < end && IS_DIGIT(buf[de + 1])) return;
    if (IS_ALNUM(before) || before === DOT || before === 0x5f) {
      if (IS_ALPHA(before) && !this.listedGlued(buf, ds, de, start, end, true, base, sink, offsetOf)) this.listedAfterLength(buf, ds - 1, de, end, base, sink, offsetOf);
      return;
    }
    // +86 and 0086 (China's country code) are dropped; the number is then an SP number or a
    // listed one, told by its bytes before any string is made (most runs are neither).
    let s = ds;
    if (before === 0x2b /* + */ && de - ds >= 2 && buf[ds] === 0x38 && buf[ds + 1] === 0x36) s += 2;
    else if (de - ds >= 4 && buf[ds] === 0x30 && buf[ds + 1] === 0x30 && buf[ds + 2] === 0x38 && buf[ds + 3] === 0x36) s += 4;
    const len = de - s;
    const isSp = len >= 8 && len <= 13 && buf[s] === 0x31 && buf[s + 1] === 0x30 && buf[s + 2] === 0x36;
    if (isSp || this.smsLengths.has(len)) {
      const digits = buf.toString('latin1', s, de);
      const listed = this.known.sms.has(digits);
      // An unlisted 106... that is the value of a size, length, offset or time (FILE_SIZE=106543210
      // in payload_properties.txt, "timestamp": 1065123456789) is no number anyone texts.
      if (isSp && !listed && s === ds && quantityKeyBefore(buf, ds, start)) return;
      if (isSp || listed) {
        if (!dropped(sink, 'sms', digits, base)) sink.add(this.hit('sms', digits, undefined, undefined, evidenceAt(base, offsetOf(ds))));
        return;
      }
    }
    this.listedAfterLength(buf, ds, de, end, base, sink, offsetOf);
  }

  /**
   * The listed number buf[ds, de) glued to text, as string literals laid end to end (rustc's
   * read-only data) and a SQLite record's text columns leave it: after a word (`afterWord`: two
   * letters or more before it, and no letter or digit after it: "China Telecom10659401", a host's
   * TLD "zzhc.vnet.cn10659401"), or before a listed host (not after: "10659401dm.wo.com.cn").
   * One letter before it is an identifier's or a version's ("v10659401", "a10659401"), unless it
   * is the length of the string (listedAfterLength). True when it reported it.
   */
  private listedGlued(buf: Buffer, ds: number, de: number, start: number, end: number, afterWord: boolean, base: EvidenceBase, sink: EndpointSink, offsetOf: (p: number) => number): boolean {
    if (!this.smsLengths.has(de - ds)) return false;
    if (afterWord ? ds - 2 < start || !IS_ALPHA(buf[ds - 2]) : this.knownBytes.startsAt(buf, de, end) === undefined) return false;
    const digits = buf.toString('latin1', ds, de);
    if (!this.known.sms.has(digits) || dropped(sink, 'sms', digits, base)) return false;
    sink.add(this.hit('sms', digits, undefined, undefined, evidenceAt(base, offsetOf(ds))));
    return true;
  }

  /** The listed number buf[a + 1, de) after buf[a], the length of its string (lengthGlued). */
  private listedAfterLength(buf: Buffer, a: number, de: number, end: number, base: EvidenceBase, sink: EndpointSink, offsetOf: (p: number) => number): void {
    if (!this.smsLengths.has(de - a - 1) || !lengthGlued(buf, a, de, end)) return;
    const digits = buf.toString('latin1', a + 1, de);
    if (this.known.sms.has(digits) && !dropped(sink, 'sms', digits, base)) sink.add(this.hit('sms', digits, undefined, undefined, evidenceAt(base, offsetOf(a + 1))));
  }
}

/** Canonical (RFC 5952) text of an IPv6 address, or undefined when it does not parse. */
export function canonicalIpv6(s: string): string | undefined {
  let text = s;
  let tailV4: number[] | undefined;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    const v4 = text.slice(lastColon + 1);
    if (!isCanonicalIpv4(v4)) return undefined;
    tailV4 = v4.split('.').map(Number);
    text = text.slice(0, lastColon + 1) + '0:0';
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (h: string): number[] | undefined => {
    if (h === '') return [];
    const out: number[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9a-f]{1,4}$/.test(g)) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = parse(halves[0]);
  const tail = halves.length === 2 ? parse(halves[1]) : [];
  if (!head || !tail) return undefined;
  const fill = 8 - head.length - tail.length;
  if ((halves.length === 1 && fill !== 0) || fill < 0 || (halves.length === 2 && fill < 1)) return undefined;
  const groups = [...head, ...new Array<number>(halves.length === 2 ? fill : 0).fill(0), ...tail];
  if (tailV4) {
    groups[6] = (tailV4[0] << 8) | tailV4[1];
    groups[7] = (tailV4[2] << 8) | tailV4[3];
  }
  // Longest run of zero groups (length >= 2) becomes "::".
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

/** A key naming a quantity, then `=` or `:` (quotes and blanks around), just before a value: `FILE_SIZE=`, `"timestamp": `. */
const QUANTITY_KEY = /(?:size|length|len|bytes|offset|timestamp|time|millis|date|crc|crc32|checksum|count|total)["']?[ \t]*[=:][ \t]*["']?$/i;

/** Whether the text just before buf[ds] (at most 40 bytes, from `start`, on the same line) ends with a quantity's key. */
function quantityKeyBefore(buf: Buffer, ds: number, start: number): boolean {
  const from = Math.max(start, ds - 40);
  const before = buf.toString('latin1', from, ds);
  const line = before.slice(Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1);
  return QUANTITY_KEY.test(line);
}
