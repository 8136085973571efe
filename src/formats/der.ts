/**
 * A small ASN.1 DER/BER walker: enough to find certificates and signer identifiers in a PKCS#7
 * SignedData block (the v1 APK signature) without a crypto library. It never decodes values it
 * does not need; it hands out byte ranges, and every range is checked against its parent.
 *
 * BER's indefinite length (0x80, closed by two zero bytes) is accepted for constructed values,
 * because some signing tools wrote PKCS#7 that way. Tags above 30 (multi-byte) are read.
 */
import { FormatError } from './errors.js';

export const TAG_INTEGER = 0x02;
export const TAG_OCTET_STRING = 0x04;
export const TAG_OID = 0x06;
export const TAG_SEQUENCE = 0x30;
export const TAG_SET = 0x31;

/** Tag class bits (the top two bits of the first identifier byte). */
export const CLASS_UNIVERSAL = 0;
export const CLASS_CONTEXT = 2;

/** Nesting deeper than this is refused: no real certificate comes close. */
const MAX_DEPTH = 64;

export interface Tlv {
  /** The first identifier byte (class, constructed bit and, for low tags, the tag number). */
  tag: number;
  cls: number;
  constructed: boolean;
  /** The tag number (for low tags, `tag & 0x1f`). */
  tagNumber: number;
  /** Offset of the identifier byte. */
  start: number;
  /** Offset of the first content byte. */
  contentStart: number;
  /** Offset just past the content (before the end-of-contents octets of an indefinite value). */
  contentEnd: number;
  /** Offset just past the whole value, end-of-contents octets included. */
  end: number;
  /** True for BER indefinite length. */
  indefinite: boolean;
}

function fail(reason: string, offset: number): never {
  throw new FormatError('der', reason, offset);
}

/** Reads one TLV at `offset`; it must end at or before `limit`. */
export function readTlv(buf: Buffer, offset: number, limit: number = buf.length, depth = 0): Tlv {
  if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH}`, offset);
  if (limit > buf.length) limit = buf.length;
  let p = offset;
  if (p >= limit) fail('value expected, end of data found', p);
  const tag = buf[p++];
  const cls = tag >> 6;
  const constructed = (tag & 0x20) !== 0;
  let tagNumber = tag & 0x1f;
  if (tagNumber === 0x1f) {
    tagNumber = 0;
    for (let n = 0; ; n++) {
      if (p >= limit) fail('truncated tag', offset);
      if (n >= 4) fail('tag number too large', offset);
      const b = buf[p++];
      tagNumber = (tagNumber << 7) | (b & 0x7f);
      if ((b & 0x80) === 0) break;
    }
  }
  if (p >= limit) fail('truncated length', offset);
  const first = buf[p++];
  if (first === 0x80) {
    if (!constructed) fail('indefinite length on a primitive value', offset);
    // Walk children until the end-of-contents octets (00 00).
    const contentStart = p;
    let q = p;
    for (;;) {
      if (q + 2 > limit) fail('indefinite-length value without end-of-contents', offset);
      if (buf[q] === 0 && buf[q + 1] === 0) break;
      q = readTlv(buf, q, limit, depth + 1).end;
    }
    return { tag, cls, constructed, tagNumber, start: offset, contentStart, contentEnd: q, end: q + 2, indefinite: true };
  }
  let length: number;
  if (first < 0x80) length = first;
  else {
    const n = first & 0x7f;
    if (n > 4) fail(`length of ${n} bytes is too large`, offset);
    if (p + n > limit) fail('truncated length', offset);
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + buf[p++];
  }
  const contentStart = p;
  const contentEnd = contentStart + length;
  if (contentEnd > limit) fail(`value of ${length} bytes runs past its container`, offset);
  return { tag, cls, constructed, tagNumber, start: offset, contentStart, contentEnd, end: contentEnd, indefinite: false };
}

/** The child values of a constructed TLV, in order. */
export function children(buf: Buffer, parent: Tlv, depth = 0): Tlv[] {
  if (!parent.constructed) fail('children of a primitive value', parent.start);
  const out: Tlv[] = [];
  for (let p = parent.contentStart; p < parent.contentEnd; ) {
    const t = readTlv(buf, p, parent.contentEnd, depth + 1);
    out.push(t);
    p = t.end;
  }
  return out;
}

/** The bytes of a whole TLV (identifier, length and content). */
export function tlvBytes(buf: Buffer, t: Tlv): Buffer {
  return buf.subarray(t.start, t.end);
}

/** The content bytes of a TLV. */
export function tlvContent(buf: Buffer, t: Tlv): Buffer {
  return buf.subarray(t.contentStart, t.contentEnd);
}

/** Dotted form of an OBJECT IDENTIFIER's content. */
export function decodeOid(content: Buffer): string {
  if (content.length === 0) fail('empty OID', 0);
  const parts: number[] = [];
  let v = 0;
  for (let i = 0; i < content.length; i++) {
    v = v * 128 + (content[i] & 0x7f);
    if ((content[i] & 0x80) === 0) {
      if (parts.length === 0) {
        const first = v < 40 ? 0 : v < 80 ? 1 : 2;
        parts.push(first, v - first * 40);
      } else parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

/** An INTEGER's content without redundant leading zero bytes (so 00 8F and 8F compare equal). */
export function integerKey(content: Buffer): string {
  let i = 0;
  while (i < content.length - 1 && content[i] === 0) i++;
  return content.subarray(i).toString('hex');
}

/** Asserts a TLV's identifier byte. */
export function expectTag(t: Tlv, tag: number, what: string): Tlv {
  if (t.tag !== tag) fail(`${what}: tag 0x${tag.toString(16)} expected, 0x${t.tag.toString(16)} found`, t.start);
  return t;
}
