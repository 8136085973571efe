/**
 * Scanning many small strings with one pass. Calling the scanner once per string costs a few
 * native searches and allocations each, which dominates on a DEX with 100,000 strings; instead
 * the strings are laid out in one buffer, separated by NUL (never a host byte), scanned once,
 * and each hit is mapped back to the string it came from.
 */
import { forEachDexString } from '../formats/dex.js';
import type { EndpointScanner, EndpointSink, EvidenceBase } from './endpoints.js';

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
 * so the region is copied with the prefixes zeroed, then scanned once. Offsets in the evidence
 * are byte offsets in `buf`.
 */
export function scanDexStrings(buf: Buffer, base: EvidenceBase, scanner: EndpointScanner, sink: EndpointSink): void {
  let lo = Infinity;
  let hi = 0;
  let total = 0;
  const prefixes: number[] = [];
  forEachDexString(buf, (ref) => {
    if (ref.offset < lo) lo = ref.offset;
    if (ref.end + 1 > hi) hi = Math.min(buf.length, ref.end + 1);
    total += ref.end - ref.offset + 1;
    prefixes.push(ref.offset, ref.start);
  });
  if (prefixes.length === 0) return;
  // Strings spread over the file (hostile or unusual layout): scan them one by one instead.
  if (hi - lo > 2 * total + (1 << 20)) {
    forEachDexString(buf, (ref) => {
      if (ref.end - ref.start >= 4) scanner.scan(buf, ref.start, ref.end, base, sink);
    });
    return;
  }
  const region = Buffer.from(buf.subarray(lo, hi));
  for (let i = 0; i < prefixes.length; i += 2) {
    for (let j = prefixes[i] - lo, e = prefixes[i + 1] - lo; j < e; j++) region[j] = 0;
  }
  scanner.scan(region, 0, region.length, base, sink, (p) => lo + p);
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
