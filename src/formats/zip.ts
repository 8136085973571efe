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
import { inflateEntryInto } from '../io/inflate.js';
import type { RandomAccessSource } from '../io/source.js';
import { displayName } from '../inputs/walk.js';
import { FormatError } from './errors.js';

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;
const MAX_COMMENT = 0xffff;
const EOCD_SIZE = 22;
/** A local file header's fixed part. */
const LFH_SIZE = 30;

export interface ZipEntry {
  index: number;
  /** Name decoded as UTF-8 (invalid bytes replaced); use rawName for exact comparisons. */
  name: string;
  rawName: Buffer;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** True when the name contains `..` segments, an absolute path, NUL, CR or LF. */
  suspiciousName: boolean;
  /** Where its data starts, once its local header was read (entryDataOffset). */
  dataOffset?: number;
  /** The length of its local header's extra field (right before its data), once read. */
  localExtraLength?: number;
}

export interface ZipArchive {
  entries: ZipEntry[];
  /** Offset of the central directory (and its size) and of the end record. */
  cdOffset: number;
  cdSize: number;
  eocdOffset: number;
  /** The ZIP64 end record and its locator, when there are: [start, end) of each. */
  zip64?: [number, number][];
  /**
   * A central directory its ZIP64 end record names that is not the one Android installs from
   * (the end record's, whose fields are not saturated): java.util.zip reads this one. Its entries
   * are not listed; the bytes they hold are scanned raw.
   */
  otherDirectory?: { count: number; offset: number; size: number };
  /** Bytes before the first local header (Janus: a DEX prepended to an APK). */
  prefixBytes: number;
  /** How far its recorded offsets were short (data put before it, offsets not adjusted): added to each. */
  shift?: number;
  /** Names that occur more than once. */
  duplicates: string[];
  /**
   * Entries whose bytes overlap an entry before them in the file (index -> that entry's index):
   * no ZIP writer makes them; a ZIP bomb does (entries sharing one compressed kernel inflate it
   * once each: 16 entries of 256 MiB in 262 KB).
   */
  overlaps: Map<number, number>;
  warnings: string[];
  /** The APK Signing Block (raw pairs region) when present right before the CD. */
  signingBlock?: { offset: number; size: number };
  /**
   * What the central directory holds besides names: each entry's extra field and comment, which
   * an app reads with ZipEntry.getExtra and getComment. `bytes` joins the non-empty ones with a
   * zero byte between two; the i-th starts at `from[i]` in it and at `at[i]` in the file.
   */
  meta?: { bytes: Buffer; from: number[]; at: number[] };
}

export class EntryTooLargeError extends FormatError {
  constructor(
    readonly entryName: string,
    readonly limit: number,
  ) {
    super('zip', `entry ${JSON.stringify(entryName)} inflates past the ${limit}-byte cap`);
    this.name = 'EntryTooLargeError';
  }
}

function isSuspicious(raw: Buffer, name: string): boolean {
  if (raw.includes(0) || raw.includes(0x0a) || raw.includes(0x0d)) return true;
  if (name.startsWith('/') || name.startsWith('\\')) return true;
  return name.split(/[\\/]/).some((seg) => seg === '..');
}

/** Reads the end of central directory (and ZIP64 records) and lists every entry. */
export async function openZip(src: RandomAccessSource): Promise<ZipArchive> {
  const size = src.size;
  if (size < EOCD_SIZE) throw new FormatError('zip', `file is ${size} bytes, too small for an end-of-central-directory record`);
  const tailLen = Math.min(size, MAX_COMMENT + EOCD_SIZE);
  const tailStart = size - tailLen;
  const tail = await src.read(tailStart, tailLen);
  const warnings: string[] = [];

  // Prefer an EOCD whose comment ends exactly at the end of the file; fall back to the last
  // plausible one (garbage after the comment is tolerated, with a warning).
  let eocdRel = -1;
  let fallback = -1;
  for (let i = tailLen - EOCD_SIZE; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== EOCD_SIG) continue;
    const commentLen = tail.readUInt16LE(i + 20);
    if (i + EOCD_SIZE + commentLen === tailLen) {
      eocdRel = i;
      break;
    }
    if (fallback < 0 && i + EOCD_SIZE + commentLen <= tailLen) fallback = i;
  }
  const endsFile = eocdRel >= 0;
  if (eocdRel < 0) {
    if (fallback < 0) throw new FormatError('zip', 'no end-of-central-directory record (truncated or not a ZIP)');
    eocdRel = fallback;
    warnings.push('bytes after the end-of-central-directory comment');
  }
  const eocdOffset = tailStart + eocdRel;
  let diskNo = tail.readUInt16LE(eocdRel + 4);
  let count = tail.readUInt16LE(eocdRel + 10);
  let cdSize = tail.readUInt32LE(eocdRel + 12);
  let cdOffset = tail.readUInt32LE(eocdRel + 16);

  // ZIP64: the locator sits 20 bytes before the EOCD.
  let zip64: ZipArchive['zip64'];
  let otherDirectory: ZipArchive['otherDirectory'];
  if (eocdOffset >= 20) {
    const loc = await src.read(eocdOffset - 20, 20);
    if (loc.readUInt32LE(0) === ZIP64_LOCATOR_SIG) {
      const z64Off = Number(loc.readBigUInt64LE(8));
      if (!Number.isSafeInteger(z64Off) || z64Off + 56 > eocdOffset) {
        throw new FormatError('zip', 'ZIP64 end record offset out of bounds', eocdOffset - 20);
      }
      const z = await src.read(z64Off, 56);
      if (z.readUInt32LE(0) !== ZIP64_EOCD_SIG) throw new FormatError('zip', 'ZIP64 locator points at no ZIP64 end record', z64Off);
      diskNo = z.readUInt32LE(16);
      const c = Number(z.readBigUInt64LE(32));
      const s = Number(z.readBigUInt64LE(40));
      const o = Number(z.readBigUInt64LE(48));
      if (![c, s, o].every(Number.isSafeInteger)) throw new FormatError('zip', 'ZIP64 sizes beyond 2^53', z64Off);
      // Android's libziparchive (FindCentralDirectoryInfo) reads the ZIP64 record only when a
      // field of the end record is saturated; otherwise it installs from the end record's
      // directory, whatever a locator says. java.util.zip reads the ZIP64 one whenever it is
      // there: two directories, read as Android installs, the other reported (otherDirectory).
      const saturated =
        tail.readUInt16LE(eocdRel + 8) === 0xffff || count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff || tail.readUInt16LE(eocdRel + 20) === 0xffff;
      if (saturated) {
        diskNo = z.readUInt32LE(16);
        count = c;
        cdSize = s;
        cdOffset = o;
      } else if (c !== count || s !== cdSize || o !== cdOffset) {
        otherDirectory = { count: c, offset: o, size: s };
        warnings.push(`its ZIP64 end record names another central directory (${c} entries at ${o}) than its end record (${count} entries at ${cdOffset})`);
      }
      // The record's size field counts what follows it (44 bytes and any extensible data).
      const recordEnd = Math.min(eocdOffset - 20, z64Off + 12 + Math.max(44, Number(z.readBigUInt64LE(4))));
      zip64 = [
        [z64Off, recordEnd],
        [eocdOffset - 20, eocdOffset],
      ];
    }
  }
  if (diskNo !== 0) throw new FormatError('zip', 'multi-disk archives are not supported', eocdOffset);
  if (cdOffset + cdSize > eocdOffset) {
    throw new FormatError('zip', `central directory (${cdSize} bytes at ${cdOffset}) overlaps the end record at ${eocdOffset}`, cdOffset);
  }
  // Each CD header is at least 46 bytes: a count that cannot fit is a lie.
  if (count * 46 > cdSize) {
    throw new FormatError('zip', `central directory claims ${count} entries but holds only ${cdSize} bytes (truncated)`, cdOffset);
  }

  // A self-extracting stub (or other data) put before an archive whose offsets were not adjusted
  // (`cat sfx archive.zip` without `zip -A`): every offset is short by the stub's length, and the
  // central directory really sits right before the end records. Read as unzip reads it (and
  // Java's ZipFile): the offsets shifted by that much, said in a warning.
  // Only for an end record that ends the file: one followed by more data is a ZIP inside
  // something else (an APK in a tar, an image), read as that.
  let shift = 0;
  const cdEnd = zip64 ? zip64[0][0] : eocdOffset;
  if (count > 0 && cdSize >= 4 && cdEnd - cdSize > cdOffset && endsFile) {
    const declared = await src.read(cdOffset, 4);
    if (declared.length < 4 || declared.readUInt32LE(0) !== CDH_SIG) {
      const there = await src.read(cdEnd - cdSize, 4);
      if (there.readUInt32LE(0) === CDH_SIG) {
        shift = cdEnd - cdSize - cdOffset;
        cdOffset += shift;
        warnings.push(`offsets are short by ${shift} bytes (data before the archive, its offsets not adjusted): read shifted, as unzip does`);
      }
    }
  }
  if (cdOffset + cdSize < cdEnd) warnings.push(`${cdEnd - cdOffset - cdSize} bytes between the central directory and the end record`);
  const cd = await src.read(cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  const metaPieces: [number, number][] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length) throw new FormatError('zip', `central directory truncated at entry ${i}`, cdOffset + p);
    if (cd.readUInt32LE(p) !== CDH_SIG) throw new FormatError('zip', `bad central directory header signature at entry ${i}`, cdOffset + p);
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
    if (end > cd.length) throw new FormatError('zip', `central directory entry ${i} overflows the directory`, cdOffset + p);
    const rawName = Buffer.from(cd.subarray(p + 46, p + 46 + nameLen));
    if (extraLen + commentLen > 0) metaPieces.push([p + 46 + nameLen, end]);
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
        const take = (): number => {
          if (q + 8 > e + 4 + len) throw new FormatError('zip', `entry ${i}: ZIP64 extra field too short`, cdOffset + q);
          const v = Number(cd.readBigUInt64LE(q));
          q += 8;
          if (!Number.isSafeInteger(v)) throw new FormatError('zip', `entry ${i}: ZIP64 value beyond 2^53`, cdOffset + q);
          return v;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
      }
      e += 4 + len;
    }
    localHeaderOffset += shift;
    const name = displayName(rawName);
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
      suspiciousName: isSuspicious(rawName, rawName.toString('utf8')),
    });
    p = end;
  }

  const seen = new Map<string, number>();
  for (const en of entries) seen.set(en.rawName.toString('latin1'), (seen.get(en.rawName.toString('latin1')) ?? 0) + 1);
  const duplicates = [...seen.entries()]
    .filter(([, n]) => n > 1)
    .map(([k]) => displayName(Buffer.from(k, 'latin1')))
    .sort();

  let prefixBytes = cdOffset;
  for (const x of entries) if (x.localHeaderOffset < prefixBytes) prefixBytes = x.localHeaderOffset;
  if (prefixBytes > 0 && size >= 4) {
    const head = await src.read(0, 4);
    if (head.readUInt32LE(0) !== LFH_SIG) warnings.push(`${prefixBytes} bytes of data before the first local header`);
  }

  // APK Signing Block: "APK Sig Block 42" magic ends right before the central directory.
  let signingBlock: ZipArchive['signingBlock'];
  if (cdOffset >= 32) {
    const footer = await src.read(cdOffset - 24, 24);
    if (footer.toString('latin1', 8, 24) === 'APK Sig Block 42') {
      const blockSize = Number(footer.readBigUInt64LE(0));
      const start = cdOffset - blockSize - 8;
      if (Number.isSafeInteger(blockSize) && start >= 0) signingBlock = { offset: start, size: blockSize + 8 };
      else warnings.push('APK Signing Block size out of bounds');
    }
  }

  const meta = metaPieces.length > 0 ? joinPieces(cd, metaPieces, cdOffset) : undefined;
  return { entries, cdOffset, cdSize, eocdOffset, ...(zip64 ? { zip64 } : {}), ...(otherDirectory ? { otherDirectory } : {}), prefixBytes, ...(shift ? { shift } : {}), duplicates, overlaps: overlapping(entries), warnings, signingBlock, ...(meta ? { meta } : {}) };
}

/** Pieces [start, end) of `buf` copied into one buffer, a zero byte between two (ZipArchive.meta). */
function joinPieces(buf: Buffer, pieces: [number, number][], base: number): NonNullable<ZipArchive['meta']> {
  let total = pieces.length - 1;
  for (const [a, b] of pieces) total += b - a;
  const bytes = Buffer.alloc(total);
  const from: number[] = [];
  const at: number[] = [];
  let q = 0;
  for (const [a, b] of pieces) {
    from.push(q);
    at.push(base + a);
    q += buf.copy(bytes, q, a, b) + 1;
  }
  return { bytes, from, at };
}

/**
 * Entries that overlap one before them in the file. Each entry takes at least its local header's
 * fixed 30 bytes and its compressed data from its local header offset (its name and extra field
 * only add to that), so entries found overlapping here overlap in the file. Of entries that
 * overlap, the one with the lowest offset is kept (the lower index at one offset); an entry that
 * overlaps a kept one is counted, and is not read, so it does not make later entries overlap.
 */
function overlapping(entries: readonly ZipEntry[]): Map<number, number> {
  const out = new Map<number, number>();
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

/**
 * The byte ranges of an archive that none of its parts holds: not an entry (its local header and
 * data), the central directory and end record with the comment, the APK Signing Block, nor the
 * bytes before the first entry (ZipArchive.prefixBytes, read apart). A ZIP writer leaves none; data
 * put there is in the file (an app reading its own APK as bytes finds it) and in no entry. An
 * entry whose local header cannot be read is taken to hold its fixed header and data.
 */
export async function zipGaps(src: RandomAccessSource, zip: ZipArchive): Promise<[number, number][]> {
  const held: [number, number][] = [[0, zip.prefixBytes], [zip.cdOffset, zip.cdOffset + zip.cdSize], [zip.eocdOffset, src.size], ...(zip.zip64 ?? [])];
  if (zip.signingBlock) held.push([zip.signingBlock.offset, zip.signingBlock.offset + zip.signingBlock.size]);
  for (const e of zip.entries) {
    let data = e.dataOffset;
    // A local header not read yet is read for where its data starts, unless it cannot be there
    // or the entry overlaps another (a crafted directory of a million entries at one offset):
    // those are taken to hold their fixed header and data.
    if (data === undefined && !zip.overlaps.has(e.index) && e.localHeaderOffset + LFH_SIZE <= src.size) {
      try {
        data = (await entryDataOffset(src, e)).offset;
      } catch {
        data = undefined;
      }
    }
    held.push([e.localHeaderOffset, (data ?? e.localHeaderOffset + LFH_SIZE) + e.compressedSize]);
  }
  held.sort((a, b) => a[0] - b[0]);
  const gaps: [number, number][] = [];
  let at = 0;
  for (const [from, to] of held) {
    if (from > at) gaps.push([at, Math.min(from, src.size)]);
    at = Math.max(at, to);
  }
  return gaps.filter(([from, to]) => to > from);
}

/** Why an entry that overlaps another (ZipArchive.overlaps) is not inflated. */
export function overlapReason(zip: ZipArchive, over: number): string {
  return `its bytes overlap those of entry ${JSON.stringify(zip.entries[over].name)} (a ZIP bomb inflates shared data once per entry); not inflated`;
}

/** Offset of an entry's data, from its local header (whose name/extra lengths may differ). */
export async function entryDataOffset(src: RandomAccessSource, entry: ZipEntry): Promise<{ offset: number; localMethod: number }> {
  if (entry.localHeaderOffset + LFH_SIZE > src.size) {
    throw new FormatError('zip', `local header of ${JSON.stringify(entry.name)} lies past the end of the file`, entry.localHeaderOffset);
  }
  const lfh = await src.read(entry.localHeaderOffset, LFH_SIZE);
  if (lfh.readUInt32LE(0) !== LFH_SIG) {
    throw new FormatError('zip', `bad local header signature for ${JSON.stringify(entry.name)}`, entry.localHeaderOffset);
  }
  const offset = entry.localHeaderOffset + LFH_SIZE + lfh.readUInt16LE(26) + lfh.readUInt16LE(28);
  entry.dataOffset = offset;
  entry.localExtraLength = lfh.readUInt16LE(28);
  return { offset, localMethod: lfh.readUInt16LE(8) };
}

export interface ReadEntryOptions {
  /** Maximum inflated size; past it EntryTooLargeError is thrown. */
  maxBytes: number;
  /**
   * Where to put the data: at least `uncompressedSize + 1` bytes (the extra byte tells a stream
   * that inflates to more than declared). The result is then a view of it. Without it, a new
   * buffer is allocated.
   */
  out?: Buffer;
}

/**
 * Reads and inflates one entry. Method 8 is inflated (output capped, and the result must be
 * exactly the declared size); anything else is read as STORED for `uncompressedSize` bytes.
 */
export async function readEntry(src: RandomAccessSource, entry: ZipEntry, opts: ReadEntryOptions): Promise<Buffer> {
  const { offset } = await entryDataOffset(src, entry);
  const size = entry.uncompressedSize;
  if (size > opts.maxBytes) throw new EntryTooLargeError(entry.name, opts.maxBytes);
  const out = opts.out && opts.out.length > size ? opts.out : undefined;
  if (entry.method === 8) {
    if (offset + entry.compressedSize > src.size) {
      throw new FormatError('zip', `data of ${JSON.stringify(entry.name)} (${entry.compressedSize} bytes) runs past the end of the file`, offset);
    }
    return inflateEntryInto(src, offset, entry.compressedSize, size, out ?? Buffer.allocUnsafe(size + 1), entry.name);
  }
  // STORED, or an unknown method that Android's resource loader maps as STORED.
  if (offset + size > src.size) {
    throw new FormatError('zip', `data of ${JSON.stringify(entry.name)} (${size} bytes) runs past the end of the file`, offset);
  }
  return out && src.readInto ? src.readInto(offset, size, out) : src.read(offset, size);
}
