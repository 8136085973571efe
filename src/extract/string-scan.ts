/**
 * Scanning many small strings with one pass. Calling the scanner once per string costs a few
 * native searches and allocations each, which dominates on a DEX with 100,000 strings; instead
 * the strings are laid out in one buffer, separated by NUL (never a host byte), scanned once,
 * and each hit is mapped back to the string it came from.
 */
import { forEachDexString, readDexHeaders } from '../formats/dex.js';
import type { EndpointScanner, EndpointSink, EvidenceBase } from './endpoints.js';

/**
 * The bytes a DEX scan zeroes in place, saved to be put back: positions and values, grown as
 * needed (one pair per uleb128 byte; one per thread, not reentrant).
 */
let savedAt = new Int32Array(0);
let savedByte = new Uint8Array(0);

function ensureSaved(n: number): void {
  if (savedAt.length >= n) return;
  const size = Math.max(n, 2 * savedAt.length, 4096);
  savedAt = new Int32Array(size);
  savedByte = new Uint8Array(size);
}

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

/**
 * Every string of every DEX in `buf`. In a DEX the string_data items sit together; their
 * uleb128 length prefixes can be ASCII letters or digits (a 97-byte string is prefixed by 'a'),
 * so the prefixes are zeroed where they are, the span is scanned once, and the saved bytes are
 * put back: `buf` leaves unchanged (it may be a block cache or a leased buffer), and no copy of
 * the span is made (it was a 16 MiB buffer per thread). Offsets in the evidence are byte offsets
 * in `buf`.
 */
export function scanDexStrings(buf: Buffer, base: EvidenceBase, scanner: EndpointScanner, sink: EndpointSink): void {
  const headers = readDexHeaders(buf);
  // Pass 1: the span of the string data. Pass 2 (below) zeroes each uleb128 length prefix.
  // No per-string allocation or native call.
  let lo = Infinity;
  let maxOff = -1;
  let count = 0;
  for (const h of headers) {
    const limit = h.version >= 41 ? (h.containerSize ?? buf.length) : h.fileSize;
    for (let i = 0, at = h.stringIdsOff; i < h.stringIdsSize; i++, at += 4) {
      const off = buf[at] | (buf[at + 1] << 8) | (buf[at + 2] << 16) | (buf[at + 3] << 24);
      if (off < h.headerSize || off >= limit) continue; // unreadable string_id: skipped (forEachDexString reports these)
      if (off < lo) lo = off;
      if (off > maxOff) maxOff = off;
      count++;
    }
  }
  if (count === 0) return;
  let q = maxOff;
  while (q < buf.length && q - maxOff < 5 && buf[q] & 0x80) q++;
  const nul = buf.indexOf(0, q + 1);
  const hi = nul < 0 ? buf.length : nul + 1;
  // Strings spread over the file (hostile or unusual layout): scan them one by one instead.
  if (hi - lo > 256 * count + (1 << 20)) {
    forEachDexString(buf, (ref) => {
      if (ref.end - ref.start >= 4) scanner.scan(buf, ref.start, ref.end, base, sink);
    });
    return;
  }
  // At most five prefix bytes per string. Two string_ids may share an offset (a hostile DEX):
  // the second then saves the zeros the first wrote, so the bytes go back in reverse order.
  ensureSaved(5 * count);
  const at_ = savedAt;
  const byte = savedByte;
  let saved = 0;
  try {
    for (const h of headers) {
      const limit = h.version >= 41 ? (h.containerSize ?? buf.length) : h.fileSize;
      for (let i = 0, at = h.stringIdsOff; i < h.stringIdsSize; i++, at += 4) {
        const off = buf[at] | (buf[at + 1] << 8) | (buf[at + 2] << 16) | (buf[at + 3] << 24);
        if (off < h.headerSize || off >= limit) continue;
        let j = off;
        const stop = Math.min(j + 5, hi);
        for (; j < stop && buf[j] & 0x80; j++) {
          at_[saved] = j;
          byte[saved++] = buf[j];
          buf[j] = 0;
        }
        if (j < hi) {
          at_[saved] = j;
          byte[saved++] = buf[j];
          buf[j] = 0;
        }
      }
    }
    scanner.scan(buf, lo, hi, base, sink);
  } finally {
    while (saved > 0) {
      saved--;
      buf[at_[saved]] = byte[saved];
    }
  }
}

/** Decoded pool strings (AXML, resources.arsc): one pass; each hit gets its string's offset. */
export function scanPoolStrings(strings: readonly { value: string; offset: number }[], base: EvidenceBase, scanner: EndpointScanner, sink: EndpointSink): void {
  const parts: string[] = [];
  const starts: number[] = [];
  const offsets: number[] = [];
  let pos = 0;
  for (const s of strings) {
    if (s.value.length < 4) continue;
    starts.push(pos);
    offsets.push(Math.max(0, s.offset));
    parts.push(s.value);
    pos += Buffer.byteLength(s.value, 'utf8') + 1;
  }
  if (parts.length === 0) return;
  const buf = Buffer.from(parts.join('\u0000'), 'utf8');
  const n = starts.length;
  scanner.scan(buf, 0, buf.length, base, sink, (p) => offsets[owner(starts, n, p)]);
}
