/**
 * Scanning many small strings with one pass. Calling the scanner once per string costs a few
 * native searches and allocations each, which dominates on a DEX with 100,000 strings; instead
 * the strings are laid out in one buffer, separated by NUL (never a host byte), scanned once,
 * and each hit is mapped back to the string it came from.
 */
import { endianness } from 'node:os';
import { readDexHeaders, stringDataHead, type DexHeader } from '../formats/dex.js';
import { FormatError } from '../formats/errors.js';
import { forEachHermesString, readHermesHeader, type HermesHeader } from '../formats/hermes.js';
import type { EndpointScanner, EndpointSink, EvidenceBase } from './endpoints.js';
import { dexPrefixes } from './scan-block.js';

/**
 * The bytes a DEX scan zeroes in place, saved to be put back: positions and values (one pair per
 * prefix byte that could join a token, joiningPrefixByte; one per thread, not reentrant). Grown
 * as needed; kept up to SAVED_KEEP.
 */
let savedAt = new Int32Array(4096);
let savedByte = new Uint8Array(4096);
const SAVED_KEEP = 1 << 20;

/** Index of the last element of sorted `starts` that is <= p. */
function owner(starts: Int32Array | number[], n: number, p: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= p) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const LITTLE_ENDIAN = endianness() === 'LE';

/**
 * string_ids of one DEX as 32-bit words: a view when aligned (as in any real DEX) on a
 * little-endian machine (DEX is little-endian), else a copy.
 */
function stringIds(buf: Buffer, h: DexHeader): Uint32Array {
  const at = buf.byteOffset + h.stringIdsOff;
  if (LITTLE_ENDIAN && at % 4 === 0) return new Uint32Array(buf.buffer, at, h.stringIdsSize);
  const out = new Uint32Array(h.stringIdsSize);
  for (let i = 0; i < out.length; i++) out[i] = buf.readUInt32LE(h.stringIdsOff + 4 * i);
  return out;
}

/**
 * Every string of every DEX in `buf`. In a DEX the string_data items sit together; their
 * uleb128 length prefixes can be ASCII letters or digits (a 97-byte string is prefixed by 'a'),
 * so the prefixes are zeroed where they are, the span is scanned once, and the saved bytes are
 * put back: `buf` is left unchanged (it may be a block cache or a leased buffer), and the span is
 * not copied (that copy was a 16 MiB buffer per thread). Offsets in the evidence are byte offsets
 * in `buf`. Options (DexScanOptions): `maxSaved` (tests) overrides the cap on saved bytes.
 * `after`: 'discard' when the caller drops `buf` after the scan (an entry's lease): the zeroed
 * prefix bytes are then not put back, and `buf` is left with them zeroed. Returns the span it
 * scanned as one (DexStringSpan): the caller scans the rest of the DEX raw (artifact.ts scanDex).
 */
export function scanDexStrings(buf: Buffer, base: EvidenceBase, scanner: EndpointScanner, sink: EndpointSink, opts: DexScanOptions = {}): DexStringSpan {
  const { maxSaved, after = 'restore' } = opts;
  const headers = readDexHeaders(buf);
  const ids = headers.map((h) => stringIds(buf, h));
  // A DEX inflated into a slot of the scanner's WebAssembly memory: the passes over string_ids
  // below run in the module.
  const wasm = dexPrefixes(buf, ids);
  // Pass 1: the span of the string data. No per-string allocation or native call.
  let lo = Infinity;
  let maxOff = -1;
  let count = 0;
  for (let d = 0; d < headers.length; d++) {
    const h = headers[d];
    const list = ids[d];
    if (wasm) ({ lo: spanLo, max: spanMax, count: spanCount } = wasm.span(list, h.headerSize, stringLimit(buf, h)));
    else span(list, h.headerSize, stringLimit(buf, h));
    if (spanCount === 0) continue;
    lo = Math.min(lo, spanLo);
    maxOff = Math.max(maxOff, spanMax);
    count += spanCount;
  }
  if (count === 0) return [0, 0];
  const nul = lastStringNul(buf, maxOff);
  const hi = nul < 0 ? buf.length : nul + 1;
  if (spread(lo, hi, count)) {
    scanSpread(buf, headers, ids, base, scanner, sink);
    return null;
  }
  // Zeroing happens inside [lo, hi), so it never changes the string_ids being read, unless the
  // two overlap (a crafted DEX): then the copy below.
  if (headers.some((h) => h.stringIdsOff < hi && h.stringIdsOff + 4 * h.stringIdsSize > lo)) {
    scanZeroedCopy(buf, headers, ids, lo, hi, base, scanner, sink);
    return [lo, hi];
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
      scanner.scanText(buf, lo, hi, base, sink);
      return [lo, hi];
    }
  } finally {
    // The bytes are put back unless the caller drops the buffer after the scan; a cap reached
    // (saved < 0) has put them back already, for the copy below.
    if (saved > 0 && after === 'restore') {
      if (inModule) inModule.restore(saved);
      else restore(buf, saved);
    }
    if (savedAt.length > SAVED_KEEP) growSaved(4096);
  }
  scanZeroedCopy(buf, headers, ids, lo, hi, base, scanner, sink);
  return [lo, hi];
}

/**
 * The bytes scanDexStrings scanned as one span, [lo, hi) in `buf` (the string data and any bytes
 * between its strings; [0, 0] when no string is readable), or null when the strings lie spread
 * over the file and were scanned one by one (the bytes between them were not).
 */
export type DexStringSpan = [number, number] | null;

/** The NUL that ends the string at `maxOff` (after its uleb128 length, up to five bytes), or -1. */
function lastStringNul(buf: Buffer, maxOff: number): number {
  let q = maxOff;
  while (q < buf.length && q - maxOff < 5 && buf[q] & 0x80) q++;
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
function scanSpread(buf: Buffer, headers: DexHeader[], ids: Uint32Array[], base: EvidenceBase, scanner: EndpointScanner, sink: EndpointSink): void {
  // Readable strings in string_ids order: where each string_data_item starts, and its first byte.
  const offs: number[] = [];
  const starts: number[] = [];
  for (let d = 0; d < headers.length; d++) {
    const h = headers[d];
    const limit = stringLimit(buf, h);
    // Past the last NUL before `limit` no string ends (forEachDexString's `tail`).
    const tail = buf.lastIndexOf(0, limit - 1) + 1;
    for (const off of ids[d]) {
      if (off < h.headerSize) continue;
      const head = stringDataHead(buf, off, limit);
      if (head === undefined || head.start >= tail) continue;
      offs.push(off);
      starts.push(head.start);
    }
  }
  const n = starts.length;
  const byStart = Array.from({ length: n }, (_, k) => k).sort((a, b) => starts[a] - starts[b] || a - b);
  // Each string's NUL, by position: a string that starts before the last NUL found ends there.
  // Strings sharing a NUL are consecutive here: a group, led by the one that starts first.
  const groupOf = new Int32Array(n);
  const groups: { start: number; end: number; from: number; to: number; mixed: boolean }[] = [];
  let nul = -1;
  for (let i = 0; i < n; i++) {
    const k = byStart[i];
    if (starts[k] > nul) {
      nul = buf.indexOf(0, starts[k]);
      groups.push({ start: starts[k], end: nul, from: i, to: i + 1, mixed: false });
    }
    const g = groups[groups.length - 1];
    g.to = i + 1;
    if (starts[k] !== g.start) g.mixed = true;
    groupOf[k] = groups.length - 1;
  }
  const scanned = new Uint8Array(groups.length);
  for (let k = 0; k < n; k++) {
    const gi = groupOf[k];
    if (scanned[gi]) continue;
    scanned[gi] = 1;
    const { start, end, from, to, mixed } = groups[gi];
    if (end - start < 4) continue;
    if (!mixed) {
      scanner.scanText(buf, start, end, base, sink);
      continue;
    }
    const region = Buffer.from(buf.subarray(start, end));
    for (let i = from; i < to; i++) {
      const j = joiningPrefixByte(buf, offs[byStart[i]], end);
      if (j >= start) region[j - start] = 0;
    }
    scanner.scanText(region, 0, region.length, base, sink, (p) => start + p);
  }
}

/** Strings spread over the file (hostile or unusual layout): scanned one by one, not as one span. */
function spread(lo: number, hi: number, count: number): boolean {
  return hi - lo > 256 * count + (1 << 20);
}

/** scanDexStrings' options. */
export interface DexScanOptions {
  /** Overrides the cap on saved prefix bytes (tests). */
  maxSaved?: number;
  /** 'discard': the caller drops `buf` after the scan, so the zeroed bytes are not put back. */
  after?: 'restore' | 'discard';
}

/** Where one DEX's string data may lie: its file (v35-40) or its container (v41). */
function stringLimit(buf: Buffer, h: DexHeader): number {
  return h.version >= 41 ? (h.containerSize ?? buf.length) : h.fileSize;
}

// span()'s results (no object per call).
let spanLo = 0;
let spanMax = 0;
let spanCount = 0;

/** Lowest and highest readable string offset of one DEX, and how many are readable. */
function span(list: Uint32Array, headerSize: number, limit: number): void {
  let lo = 0x7fffffff;
  let max = -1;
  let count = 0;
  for (let i = 0; i < list.length; i++) {
    const off = list[i];
    if (off < headerSize || off >= limit) continue; // unreadable string_id: skipped (forEachDexString reports these)
    if (off < lo) lo = off;
    if (off > max) max = off;
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
function joiningPrefixByte(buf: Buffer, off: number, hi: number): number {
  let j = off;
  const stop = Math.min(off + 5, hi);
  while (j < stop && buf[j] & 0x80) j++;
  if (j >= hi) return -1;
  const b = buf[j];
  return b > 0x20 && b < 0x7f ? j : -1;
}

/**
 * Zeroes the joining prefix byte of each readable string of one DEX, saving the bytes from index
 * `saved` on; returns the new count, or -1 when `cap` was reached (then every saved byte is back).
 */
function zeroPrefixes(buf: Buffer, list: Uint32Array, headerSize: number, limit: number, hi: number, saved: number, cap: number): number {
  for (let i = 0; i < list.length; i++) {
    const off = list[i];
    if (off < headerSize || off >= limit) continue;
    const j = joiningPrefixByte(buf, off, hi);
    if (j < 0) continue;
    if (saved === cap) return restore(buf, saved);
    if (saved === savedAt.length) growSaved(Math.min(cap, 2 * savedAt.length));
    savedAt[saved] = j;
    savedByte[saved++] = buf[j];
    buf[j] = 0;
  }
  return saved;
}

/** Puts the saved bytes back; returns -1 (nothing saved any more, and the scan not done). */
function restore(buf: Buffer, saved: number): number {
  for (let k = 0; k < saved; k++) buf[savedAt[k]] = savedByte[k];
  return -1;
}

function growSaved(n: number): void {
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
function scanZeroedCopy(buf: Buffer, headers: DexHeader[], ids: Uint32Array[], lo: number, hi: number, base: EvidenceBase, scanner: EndpointScanner, sink: EndpointSink): void {
  const region = Buffer.from(buf.subarray(lo, hi));
  for (let d = 0; d < headers.length; d++) {
    const h = headers[d];
    const limit = stringLimit(buf, h);
    for (const off of ids[d]) {
      if (off < h.headerSize || off >= limit) continue;
      const j = joiningPrefixByte(buf, off, hi);
      if (j >= 0) region[j - lo] = 0;
    }
  }
  scanner.scanText(region, 0, region.length, base, sink, (p) => lo + p);
}

/** Decoded pool strings (AXML, resources.arsc): one pass; each hit gets its string's offset. */
export function scanPoolStrings(strings: readonly { value: string; offset: number; repeat?: true }[], base: EvidenceBase, scanner: EndpointScanner, sink: EndpointSink): void {
  const parts: string[] = [];
  const starts: number[] = [];
  const offsets: number[] = [];
  let pos = 0;
  for (const s of strings) {
    // A repeat is a string already here (parseStringPool): the same bytes at the same offset.
    if (s.value.length < 4 || s.repeat) continue;
    starts.push(pos);
    offsets.push(Math.max(0, s.offset));
    parts.push(s.value);
    pos += Buffer.byteLength(s.value, 'utf8') + 1;
  }
  if (parts.length === 0) return;
  const buf = Buffer.from(parts.join('\u0000'), 'utf8');
  const n = starts.length;
  scanner.scanText(buf, 0, buf.length, base, sink, (p) => offsets[owner(starts, n, p)], true);
}

/**
 * How many bytes the strings of a Hermes bytecode file may add up to, over its string storage:
 * the compiler stores a string once and others inside it (`vnet.cn` in `zzhc.vnet.cn`), so
 * real files read each byte of their storage a few times at most; a string table crafted to
 * overlap without end (every entry a long string one byte further on) is refused past this.
 */
export const HERMES_SPAN_FACTOR = 16;

/**
 * Every string of a Hermes bytecode file (hermes.ts) on its own: the compiler lays its strings
 * end to end in one storage, with no separator and overlapping, so a raw scan sees a literal glued
 * to its neighbours (`10659401POST`, `cmdm.wo.com.cn`). The strings are copied, in table order,
 * into a buffer (UTF-16 ones as UTF-8), NUL after each, and scanned once per about `chunkBytes`;
 * each hit is mapped back to its file offset (of its first byte in a one-byte string, of its
 * first code unit in a UTF-16 one). Strings shorter than 4 characters hold no endpoint and are
 * skipped. The compiler writes each string once; a table crafted to list long strings over and
 * over is bounded by HERMES_SPAN_FACTOR. Throws FormatError (hermes.ts) for a header or table it
 * cannot read, and when the strings add up to more than HERMES_SPAN_FACTOR times the storage and
 * 1 MiB; then nothing was scanned.
 */
export function scanHermesStrings(buf: Buffer, base: EvidenceBase, scanner: EndpointScanner, sink: EndpointSink, opts: HermesScanOptions = {}): HermesHeader {
  const { chunkBytes = 1 << 20 } = opts;
  const header = readHermesHeader(buf);
  // The strings to scan (no allocation per string): file offset, bytes, UTF-16 or not.
  const offs = new Float64Array(header.stringCount);
  const lens = new Float64Array(header.stringCount);
  const wide = new Uint8Array(header.stringCount);
  let n = 0;
  let total = 0;
  let longest = 0;
  forEachHermesString(
    buf,
    (r) => {
      if (r.byteLength < (r.utf16 ? 8 : 4)) return;
      offs[n] = r.offset;
      lens[n] = r.byteLength;
      wide[n++] = r.utf16 ? 1 : 0;
      // UTF-16 as UTF-8: at most 3 bytes for each 2-byte code unit; then a NUL.
      const bytes = (r.utf16 ? (r.byteLength >> 1) * 3 : r.byteLength) + 1;
      total += bytes;
      if (bytes > longest) longest = bytes;
    },
    header,
  );
  const cap = opts.maxSpan ?? HERMES_SPAN_FACTOR * header.stringStorageSize + (1 << 20);
  if (total > cap) {
    throw new FormatError('hermes', `its ${header.stringCount} strings add up to ${total} bytes, more than the ${cap} its ${header.stringStorageSize}-byte string storage allows`, 52);
  }
  if (n === 0) return header;
  const chunk = Buffer.allocUnsafe(Math.min(total, Math.max(chunkBytes, longest)));
  // The strings in the chunk: where each starts there, its file offset, and the text of the UTF-16 ones.
  const room = Math.min(n, chunk.length);
  const starts = new Int32Array(room);
  const fileOffs = new Float64Array(room);
  const texts = new Map<number, string>();
  let m = 0;
  let pos = 0;
  const offsetOf = (p: number): number => {
    const k = owner(starts, m, p);
    const text = texts.get(k);
    return text === undefined ? fileOffs[k] + (p - starts[k]) : fileOffs[k] + 2 * utf16IndexAt(text, p - starts[k]);
  };
  for (let i = 0; i < n; i++) {
    const o = offs[i];
    const text = wide[i] ? buf.toString('utf16le', o, o + lens[i]) : undefined;
    const bytes = text === undefined ? lens[i] : Buffer.byteLength(text, 'utf8');
    if (pos + bytes + 1 > chunk.length) {
      scanner.scan(chunk, 0, pos, base, sink, offsetOf);
      texts.clear();
      m = 0;
      pos = 0;
    }
    starts[m] = pos;
    fileOffs[m] = o;
    if (text !== undefined) {
      texts.set(m, text);
      pos += chunk.write(text, pos, 'utf8');
    } else if (bytes <= 64) {
      // Most strings are short: a loop costs less than a native copy's call.
      for (let j = 0; j < bytes; j++) chunk[pos + j] = buf[o + j];
      pos += bytes;
    } else {
      pos += buf.copy(chunk, pos, o, o + bytes);
    }
    chunk[pos++] = 0;
    m++;
  }
  if (pos > 0) scanner.scan(chunk, 0, pos, base, sink, offsetOf);
  return header;
}

/** scanHermesStrings' options (tests). */
export interface HermesScanOptions {
  /** About how many bytes of strings are scanned at once. */
  chunkBytes?: number;
  /** Overrides the most bytes the strings may add up to. */
  maxSpan?: number;
}

/** The UTF-16 index of the character that starts `utf8Pos` bytes into `text` as UTF-8. */
function utf16IndexAt(text: string, utf8Pos: number): number {
  let b = 0;
  let i = 0;
  while (i < text.length && b < utf8Pos) {
    const c = text.charCodeAt(i);
    if (c < 0x80) b += 1;
    else if (c < 0x800) b += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      b += 4;
      i++;
    } else b += 3;
    i++;
  }
  return i;
}
