/**
 * Virtual sources built from pieces of other sources: a sub-range of a file (a STORED APK inside
 * a ZIP, a logical partition inside super.img), and a sparse map of segments (an Android sparse
 * image, an ext4 file's extents, an OTA partition's operations). Gaps between segments read as
 * zeros. Nothing is copied until a range is read, and only that range.
 */
import { FormatError } from '../formats/errors.js';
import type { RandomAccessSource } from './source.js';

function checkRead(format: string, position: number, length: number, size: number): void {
  if (!Number.isSafeInteger(position) || !Number.isSafeInteger(length) || position < 0 || length < 0 || position + length > size) {
    throw new FormatError(format, `read of ${length} bytes at ${position} past the end (${size} bytes)`, position);
  }
}

/** `size` bytes of `parent` from `offset`. Closing it leaves the parent open. */
export class SubSource implements RandomAccessSource {
  constructor(
    readonly parent: RandomAccessSource,
    readonly offset: number,
    readonly size: number,
    private readonly onClose?: () => Promise<void>,
  ) {
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(size) || offset < 0 || size < 0 || offset + size > parent.size) {
      throw new FormatError('io', `range of ${size} bytes at ${offset} lies outside its ${parent.size}-byte container`, offset);
    }
  }
  async read(position: number, length: number): Promise<Buffer> {
    checkRead('io', position, length, this.size);
    return this.parent.read(this.offset + position, length);
  }

  async readInto(position: number, length: number, out: Buffer): Promise<Buffer> {
    checkRead('io', position, length, this.size);
    if (this.parent.readInto) return this.parent.readInto(this.offset + position, length, out);
    const data = await this.parent.read(this.offset + position, length);
    data.copy(out, 0, 0, length);
    return out.subarray(0, length);
  }
  async close(): Promise<void> {
    await this.onClose?.();
  }
}

/** One piece of a MappedSource: `length` bytes at logical `start`. */
export interface Segment {
  start: number;
  length: number;
  /** Reads `length` bytes at `offset` inside the segment (the caller keeps it in bounds). */
  read(offset: number, length: number): Promise<Buffer>;
  /**
   * The same bytes written into `dest` at `at`, when the segment can do it without a buffer of
   * its own (a compressed pcluster decoded in place); synchronous when no I/O is needed.
   */
  readInto?(offset: number, length: number, dest: Buffer, at: number): void | Promise<void>;
  /** When the segment is a plain window on another source: which one, and where. */
  backing?: { source: RandomAccessSource; offset: number };
  /** A 4-byte pattern repeated (fillSegment): dataRanges gives only its two ends. */
  fill?: true;
}

/** A segment backed by `source` from `sourceOffset`. */
export function sourceSegment(start: number, length: number, source: RandomAccessSource, sourceOffset: number): Segment {
  return { start, length, read: (o, n) => source.read(sourceOffset + o, n), backing: { source, offset: sourceOffset } };
}

/** A segment filled with a repeated 4-byte pattern (sparse FILL chunks). */
export function fillSegment(start: number, length: number, pattern: Buffer): Segment {
  return {
    start,
    length,
    fill: true,
    read: async (o, n) => {
      const out = Buffer.allocUnsafe(n);
      for (let i = 0; i < n; i++) out[i] = pattern[(o + i) & 3];
      return out;
    },
  };
}

/**
 * A source of `size` bytes made of sorted, non-overlapping segments; gaps read as zeros. The
 * segment list is searched by bisection, so a file of many extents costs O(log n) per read.
 */
export class MappedSource implements RandomAccessSource {
  private readonly segs: Segment[];
  constructor(
    readonly size: number,
    segments: Segment[],
    private readonly format = 'io',
    private readonly onClose?: () => Promise<void>,
  ) {
    this.segs = [...segments].sort((a, b) => a.start - b.start);
    let end = 0;
    for (const s of this.segs) {
      if (s.start < end) throw new FormatError(format, `overlapping data ranges at ${s.start}`, s.start);
      if (s.start + s.length > size) throw new FormatError(format, `data range at ${s.start} (${s.length} bytes) runs past the ${size}-byte end`, s.start);
      end = s.start + s.length;
    }
  }

  /** Index of the first segment ending after `pos`. */
  private find(pos: number): number {
    let lo = 0;
    let hi = this.segs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const s = this.segs[mid];
      if (s.start + s.length <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  async read(position: number, length: number): Promise<Buffer> {
    checkRead(this.format, position, length, this.size);
    if (length === 0) return Buffer.alloc(0);
    const first = this.segs[this.find(position)];
    if (first && first.start <= position && position + length <= first.start + first.length) {
      return first.read(position - first.start, length);
    }
    return this.fill(Buffer.alloc(length), position, length, true);
  }

  async readInto(position: number, length: number, out: Buffer): Promise<Buffer> {
    checkRead(this.format, position, length, this.size);
    return this.fill(out.subarray(0, length), position, length, false);
  }

  /** Writes [position, position + length) into `out`: segments where they are, zeros between. */
  private async fill(out: Buffer, position: number, length: number, zeroed: boolean): Promise<Buffer> {
    const end = position + length;
    let done = position; // everything before it is written
    for (let i = this.find(position); i < this.segs.length; i++) {
      const s = this.segs[i];
      if (s.start >= end) break;
      const from = Math.max(position, s.start);
      const to = Math.min(end, s.start + s.length);
      if (to <= from) continue;
      if (!zeroed && from > done) out.fill(0, done - position, from - position);
      if (s.readInto) {
        const pending = s.readInto(from - s.start, to - from, out, from - position);
        if (pending) await pending;
      } else if (s.backing?.source.readInto) {
        await s.backing.source.readInto(s.backing.offset + (from - s.start), to - from, out.subarray(from - position));
      } else {
        const piece = await s.read(from - s.start, to - from);
        piece.copy(out, from - position);
      }
      done = to;
    }
    if (!zeroed && done < end) out.fill(0, done - position, length);
    return out;
  }

  async close(): Promise<void> {
    await this.onClose?.();
  }

  get segments(): readonly Segment[] {
    return this.segs;
  }
}

/**
 * Bytes kept at each end of a fill segment by dataRanges: more than a token and the context a
 * scan looks back or ahead for one (scheme, port), a multiple of the pattern's 4 bytes.
 */
export const FILL_EDGE = 4096;

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
export function dataRanges(src: RandomAccessSource, from = 0, to = src.size): [number, number][] {
  const out: [number, number][] = [];
  const push = (a: number, b: number): void => {
    if (b <= a) return;
    const last = out[out.length - 1];
    if (last && last[1] === a) last[1] = b;
    else out.push([a, b]);
  };
  const walk = (s: RandomAccessSource, lo: number, hi: number, shift: number, depth: number): void => {
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
      if (b <= a) continue;
      if (seg.backing) walk(seg.backing.source, a - seg.start + seg.backing.offset, b - seg.start + seg.backing.offset, shift + seg.start - seg.backing.offset, depth + 1);
      else if (seg.fill && b - a > 2 * FILL_EDGE) {
        push(a + shift, a + FILL_EDGE + shift);
        push(b - FILL_EDGE + shift, b + shift);
      } else push(a + shift, b + shift);
    }
  };
  walk(src, from, to, 0, 0);
  return out;
}

/** What a fill segment stores: a sparse FILL chunk's 12-byte header and 4-byte pattern. */
const FILL_STORED = 16;

/**
 * The bytes a source stores, as opposed to the size it declares: its data ranges (dataRanges:
 * holes, sparse DONT_CARE and ZERO operations left out, a fill segment only at its ends), and no
 * more than the sources at the bottom of its stack of views hold, plus FILL_STORED bytes a fill
 * and the bytes of segments decoded on read (charged to the inflation budget as they are): a
 * fill's pattern cannot make its 8 KiB of ends count as stored, nor can a million of them. A raw
 * image read from disk stores its size; the raw image of a 9 MB sparse file that declares 64 GiB
 * stores about 9 MB.
 */
export function storedBytes(src: RandomAccessSource): number {
  let data = 0;
  for (const [a, b] of dataRanges(src)) data += b - a;
  let held = 0;
  const leaves = new Set<RandomAccessSource>();
  const walk = (s: RandomAccessSource, lo: number, hi: number, depth: number): void => {
    if (held > data) return; // the data ranges are less already
    if (depth > 16) {
      held += hi - lo;
      return;
    }
    if (s instanceof SubSource) {
      walk(s.parent, lo + s.offset, hi + s.offset, depth + 1);
      return;
    }
    if (!(s instanceof MappedSource)) {
      if (!leaves.has(s)) {
        leaves.add(s);
        held += s.size;
      }
      return;
    }
    for (const seg of s.segments) {
      const a = Math.max(lo, seg.start);
      const b = Math.min(hi, seg.start + seg.length);
      if (b <= a) continue;
      if (seg.backing) walk(seg.backing.source, a - seg.start + seg.backing.offset, b - seg.start + seg.backing.offset, depth + 1);
      else held += seg.fill ? Math.min(b - a, FILL_STORED) : b - a;
      if (held > data) return;
    }
  };
  walk(src, 0, src.size, 0);
  return Math.min(data, held);
}

/** A small least-recently-used cache of decoded units (pclusters, OTA operations) with a byte budget. */
export class UnitCache<K> {
  private readonly map = new Map<K, Buffer>();
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}
  get(key: K): Buffer | undefined {
    const v = this.map.get(key);
    if (v) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: K, value: Buffer): void {
    if (value.length > this.maxBytes) return;
    const old = this.map.get(key);
    if (old) {
      this.bytes -= old.length;
      this.map.delete(key);
    }
    this.map.set(key, value);
    this.bytes += value.length;
    for (const [k, v] of this.map) {
      if (this.bytes <= this.maxBytes) break;
      this.map.delete(k);
      this.bytes -= v.length;
    }
  }
}

/** Counts decompressed bytes against the budget of one file of the walk; throws when it is spent. */
export interface InflateBudget {
  spend(bytes: number): void;
}

export const UNLIMITED_BUDGET: InflateBudget = { spend: () => undefined };

/**
 * The ranges of [0, size) that none of `covered` holds, in order: what a container's structure
 * does not account for (OpenedContainer.uncovered).
 */
export function uncoveredRanges(size: number, covered: readonly (readonly [number, number])[]): [number, number][] {
  const held = covered.filter(([a, b]) => b > a).map(([a, b]): [number, number] => [Math.max(0, a), Math.min(size, b)]).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  let at = 0;
  for (const [a, b] of held) {
    if (a > at) out.push([at, a]);
    at = Math.max(at, b);
  }
  if (at < size) out.push([at, size]);
  return out;
}
