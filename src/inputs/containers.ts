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
 * | ota           | ZIP with payload.bin, or with a block-based OTA's `<p>.transfer.list` and `<p>.new.dat[.br]` | every entry (payload.bin is a payload; `<p>.new.dat[.br]` the partition its transfer list writes, as an image) |
 * | bootimg       | "ANDROID!" / "VNDRBOOT" at 0           | kernel, dtb...; ramdisk files as `ramdisk/<path>` |
 * | fat           | FAT boot sector (jump, BPB, 0x55AA)    | every regular file of the filesystem    |
 * | tar           | a header with a valid checksum (ustar or v7) | every regular member (pax, GNU names, GNU sparse files) |
 * | cpio          | "070701"/"070702"/"070707", binary     | every regular file (read whole)         |
 * | sevenzip      | "7z\xBC\xAF\x27\x1C" and version 0.x at 0 | every file (folders decoded up to the per-entry cap) |
 *
 * Paths inside a container are joined to the container's path with `!/`.
 */
import { basename } from 'node:path';
import { decompressRamdisk, isBootImage, openBootImage } from '../formats/bootimg.js';
import { CPIO_SNIFF_BYTES, cpioFormat, parseCpio } from '../formats/cpio.js';
import { compressionOf, decompressCapped, PastCap, type Compression, type DecodeMeter } from '../formats/codecs.js';
import { FormatError } from '../formats/errors.js';
import { isFatBootSector, openFat } from '../formats/fat.js';
import { EROFS_MAGIC, openErofs } from '../formats/erofs.js';
import { EXT4_MAGIC, openExt4 } from '../formats/ext4.js';
import type { FsListing } from '../formats/fsnode.js';
import { isLpGeometry, openLp } from '../formats/lp.js';
import { isPayload, openPayload } from '../formats/payload.js';
import { isSparse } from '../formats/sparse.js';
import { entryDataOffset, overlapReason, type ZipArchive, type ZipEntry } from '../formats/zip.js';
import { isTarHeader, openTar, type TarData } from '../formats/tar.js';
import { checkEntryCrc, coderProblem, decodeFolder, hasFilter, isSevenZip, openSevenZip, type SevenZipArchive, type SevenZipEntry } from '../formats/sevenzip.js';
import type { InflateBudget } from '../io/mapped.js';
import { MappedSource, sourceSegment, storedBytes, SubSource, uncoveredRanges, type Segment } from '../io/mapped.js';
import { BufferSource, type RandomAccessSource } from '../io/source.js';
import { brotliToSource, inflateToSource } from '../io/spill.js';
import { blockImage, MAX_TRANSFER_LIST_BYTES, NEW_DAT_NAME, OTA_BLOCK, parseTransferList, transferListName } from '../formats/blockota.js';
import { partitionName } from './partition.js';

export type ContainerKind = 'sparse' | 'ext4' | 'erofs' | 'super' | 'payload' | 'bootimg' | 'fat' | 'tar' | 'cpio' | 'sevenzip';
export type ZipKind = 'target-files' | 'ota' | 'zip';

/** One file inside a container. */
export interface ContainerFile {
  /** Path inside the container, `/`-separated. */
  name: string;
  size: number;
  open(): Promise<RandomAccessSource>;
  /** The partition this file is an image of (a super or payload partition). */
  imagePartition?: string;
  /** For target-files entries under an upper-case partition folder: `system/app/X/X.apk`. */
  partitionRelPath?: string;
  /** Set when the file cannot be opened at all (a delta OTA partition): reported, not read. */
  unreadable?: string;
  /** A target-files IMAGES/super.img: the partitions the zip has as folders, not read again (ContainerOptions.folders). */
  folders?: readonly string[];
  /**
   * True when opening it makes a view with nothing decompressed up front (a file of an ext4,
   * EROFS or FAT image, a super partition, a STORED zip entry): cheap enough for every worker
   * sharing the container to open (ImageSlice in extract/artifact.ts).
   */
  view?: boolean;
}

export interface OpenedContainer {
  format: string;
  files: ContainerFile[];
  /** Entries not scanned, with the reason (symlinks, special files, duplicated images). */
  skipped: { name: string; reason: string; target?: string }[];
  /** Parts of the container that could not be read (a directory, a corrupt inode). */
  problems: { name: string; reason: string; offset?: number; partitionRelPath?: string }[];
  /**
   * Byte ranges of the container file its structure does not account for (a boot image's bytes
   * past its sections, a payload's past its blobs): scanned raw, so that a header cannot hide
   * what follows it.
   */
  uncovered?: [number, number][];
  /** The partition named by the filesystem's volume label, when it names one. */
  labelPartition?: string;
}

export interface ContainerOptions {
  budget: InflateBudget;
  /** Largest single decoded unit (OTA operation) or entry spilled to disk. */
  maxEntryBytes: number;
  /** Deflated entries up to this size are inflated in memory, larger ones spill to a temporary file. */
  memoryBytes: number;
  maxSpillBytes: number;
  /** A super image's logical partitions not read: those whose folder the input has (system_a for system/). */
  folders?: readonly string[];
}

/** The 2-byte magic of an old binary cpio header, either byte order (cpioFormat checks the rest). */
const isCpioBinaryMagic = (head: Buffer): boolean => head.length >= 2 && ((head[0] === 0xc7 && head[1] === 0x71) || (head[0] === 0x71 && head[1] === 0xc7));

/** Names an image is given (a compression suffix aside): its ext4 magic alone makes it one. */
const IMAGE_NAME = /\.(img|ext[234]|raw)(\.(gz|xz|bz2|zst|lz4|lzma))?$/i;

/**
 * An ext4 superblock's fields a filesystem cannot do without: a block size of 1 to 64 KiB and
 * blocks and inodes per group. The 2-byte magic alone is in 1 of 65,536 files of random bytes (a
 * PNG, an OGG) at its offset: such a file failed the build as an unreadable image.
 */
function plausibleExt4(sb: Buffer): boolean {
  return sb.length >= 0x3a && sb.readUInt16LE(0x38) === EXT4_MAGIC && sb.readUInt32LE(0x18) <= 6 && sb.readUInt32LE(0x20) > 0 && sb.readUInt32LE(0x28) > 0 && sb.readUInt32LE(0) > 0;
}

/**
 * Reads the few bytes that identify an image: the first 8, 1024..1152 and 4096..4100. `name`
 * (the file's or entry's): one named as an image (`.img`, `.ext4`) with an ext4 magic is opened
 * as ext4 even when its superblock is damaged (it fails closed); others need a plausible one.
 * A filesystem cut short after its magic is still one (truncated: unreadable, not raw data).
 */
export async function sniffContainer(src: RandomAccessSource, head: Buffer, name = ''): Promise<ContainerKind | undefined> {
  if (isSparse(head)) return 'sparse';
  if (isPayload(head)) return 'payload';
  if (isBootImage(head)) return 'bootimg';
  if (isSevenZip(head)) return 'sevenzip';
  if (cpioFormat(head) || (isCpioBinaryMagic(head) && cpioFormat(await src.read(0, Math.min(src.size, CPIO_SNIFF_BYTES))))) return 'cpio';
  if (src.size >= 512 && isTarHeader(await src.read(0, 512))) return 'tar';
  if (src.size >= 1024 + 4) {
    const sb = await src.read(1024, Math.min(128, src.size - 1024));
    if (sb.readUInt32LE(0) === EROFS_MAGIC) return 'erofs';
    if (sb.length >= 0x3a && sb.readUInt16LE(0x38) === EXT4_MAGIC && (plausibleExt4(sb) || IMAGE_NAME.test(name))) return 'ext4';
  }
  if (src.size >= 4096 + 52 && isLpGeometry(await src.read(4096, 4))) return 'super';
  if (src.size >= 1024 && (head[0] === 0xeb || head[0] === 0xe9) && isFatBootSector(await src.read(0, 512))) return 'fat';
  return undefined;
}

/**
 * A filesystem whose superblock is at byte 1024 of a file that starts as something else (a ZIP
 * local header, a sparse, payload or boot header): ext4 and EROFS never use their first 1024
 * bytes, so such a file is both, and a mount (a super partition, an APEX payload, a loop device)
 * sees the filesystem. Only asked of files that start with one of those magics.
 */
export async function filesystemBehind(src: RandomAccessSource, head: Buffer): Promise<'ext4' | 'erofs' | undefined> {
  const other = isSparse(head) || isPayload(head) || isBootImage(head) || cpioFormat(head) !== undefined || isCpioBinaryMagic(head) || (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) || (src.size >= 512 && isTarHeader(await src.read(0, 512)));
  if (!other || src.size < 2048) return undefined;
  const sb = await src.read(1024, 128);
  if (sb.readUInt32LE(0) === EROFS_MAGIC) return 'erofs';
  if (plausibleExt4(sb)) return 'ext4';
  return undefined;
}

/** The partition an image file is of, from its name: `system.img`, `system_a.img` -> `system`. */
export function imagePartitionOf(fileName: string): string | undefined {
  const stem = basename(fileName).replace(/\.(img|ext4|erofs|raw|simg)$/i, '').replace(/\.img$/i, '');
  return partitionName(stem);
}

const UPPER_PARTITION = /^([A-Z][A-Z0-9_]*)\//;

/** Target-files (upper-case partition folders, no manifest), OTA (payload.bin) or a plain ZIP/APK. */
export function classifyZip(zip: ZipArchive): ZipKind {
  let manifest = false;
  let payload = false;
  let partitions = false;
  const names = new Set(zip.entries.map((e) => e.name));
  for (const e of zip.entries) {
    if (e.name === 'AndroidManifest.xml') manifest = true;
    else if (e.name === 'payload.bin') payload = true;
    else if (!e.name.includes('/') && names.has(transferListName(e.name) ?? '\0')) payload = true; // a block-based OTA
    else {
      const m = UPPER_PARTITION.exec(e.name);
      if (m && m[1] !== m[1].toLowerCase() && partitionName(m[1]) && m[1] === m[1].toUpperCase()) partitions = true;
    }
  }
  if (manifest) return 'zip';
  if (partitions) return 'target-files';
  if (payload) return 'ota';
  return 'zip';
}

/** A ZIP entry as a source: STORED entries by offset (no copy), deflated ones inflated or spilled. */
export async function openZipEntry(src: RandomAccessSource, entry: ZipEntry, opts: ContainerOptions): Promise<RandomAccessSource> {
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

/**
 * A block-based OTA's partition (formats/blockota.ts) from its new.dat (`open`: the file or
 * entry, named `name`) and its transfer list: a virtual image over new.dat's bytes, decompressed
 * first when it is (`.br` by Node's streaming brotli, to memory or a temporary file; `.lzma`,
 * `.xz` and the like, by content, in memory up to the per-entry cap), every decompressed byte
 * charged to the inflation budget. An incremental OTA is refused before anything is decompressed.
 */
export async function openBlockOta(open: () => Promise<RandomAccessSource>, name: string, transferList: Buffer, opts: ContainerOptions): Promise<RandomAccessSource> {
  const m = NEW_DAT_NAME.exec(name);
  const partition = m?.[1] ?? name;
  const list = parseTransferList(transferList);
  if (list.incremental) return blockImage(list, new BufferSource(Buffer.alloc(0)), partition); // throws: names the command
  const needed = list.newBlocks * OTA_BLOCK;
  const packed = await open();
  if (!m?.[2]) {
    try {
      return blockImage(list, packed, partition);
    } catch (e) {
      await packed.close();
      throw e;
    }
  }
  let data: RandomAccessSource;
  try {
    if (m[2] === 'br') {
      data = await brotliToSource(packed, needed, { memoryBytes: opts.memoryBytes, budget: opts.budget, name, format: 'brotli' });
    } else {
      if (packed.size > opts.maxEntryBytes) throw new FormatError('transfer-list', `${name} is ${packed.size} bytes, past the ${opts.maxEntryBytes}-byte cap for compressed new data`);
      const bytes = Buffer.from(await packed.read(0, packed.size));
      const kind = compressionOf(bytes);
      if (!kind) throw new FormatError('transfer-list', `${name} is not ${m[2]} data (no compression recognised by its content)`);
      if (needed > opts.maxEntryBytes) throw new FormatError('transfer-list', `${name} decompresses to ${needed} bytes, past the ${opts.maxEntryBytes}-byte cap for ${kind} new data`);
      let out: Buffer;
      try {
        out = await decompressCapped(kind, bytes, needed + 1);
      } catch (e) {
        if (e instanceof PastCap) throw new FormatError(kind, `${name} ${e.message}, more than the ${list.newBlocks} blocks its transfer list writes`);
        throw e;
      }
      opts.budget.spend(out.length);
      data = new BufferSource(out);
    }
  } finally {
    await packed.close();
  }
  try {
    return blockImage(list, data, partition);
  } catch (e) {
    await data.close();
    throw e;
  }
}

/** Images in IMAGES/ that duplicate a partition folder of the same target-files zip. */
function targetFilesSkip(name: string, present: ReadonlySet<string>): string | undefined {
  const m = /^IMAGES\/([^/]+)\.img$/.exec(name);
  if (!m) return undefined;
  const p = partitionName(m[1]);
  if (p && present.has(p)) return `image duplicating the ${p.toUpperCase()}/ folder`;
  // As in a product-out folder (walk.ts): userdata and cache only beside their folders; super.img
  // is read but for its partitions that have folders (ContainerFile.folders); vbmeta is read (a
  // few KiB: a name alone must not hide an image).
  const folder = ({ userdata: 'data', cache: 'cache' } as Record<string, string>)[m[1]];
  if (folder && present.has(folder)) return `image duplicating the ${folder.toUpperCase()}/ folder`;
  return undefined;
}

/** A target-files entry under an upper-case partition folder: its `partitionRelPath` (`system/app/X/X.apk`). */
function placedIn(kind: 'target-files' | 'ota', name: string): { partitionRelPath?: string } {
  const m = UPPER_PARTITION.exec(name);
  return kind === 'target-files' && m && m[1] === m[1].toUpperCase() && partitionName(m[1]) ? { partitionRelPath: `${partitionName(m[1])}/${name.slice(m[0].length)}` } : {};
}

/** The entries of a target-files or OTA zip as container files. */
export function zipContainer(src: RandomAccessSource, zip: ZipArchive, kind: 'target-files' | 'ota', opts: ContainerOptions): OpenedContainer {
  const present = new Set<string>();
  if (kind === 'target-files') {
    for (const e of zip.entries) {
      const m = UPPER_PARTITION.exec(e.name);
      const p = m && m[1] === m[1].toUpperCase() ? partitionName(m[1]) : undefined;
      if (p) present.add(p);
    }
  }
  const files: ContainerFile[] = [];
  const skipped: OpenedContainer['skipped'] = [];
  const dup = new Set(zip.duplicates);
  const seen = new Set<string>();
  const problems: OpenedContainer['problems'] = [];
  const byName = new Map<string, ZipEntry>();
  for (const e of zip.entries) if (!byName.has(e.name)) byName.set(e.name, e);
  for (const e of zip.entries) {
    if (e.name.endsWith('/') && e.uncompressedSize === 0) continue;
    if (dup.has(e.name)) {
      if (seen.has(e.name)) continue;
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
    const folders = kind === 'target-files' && e.name === 'IMAGES/super.img' && present.size ? { folders: [...present].sort() } : {};
    const blockOta = kind === 'ota' && !e.name.includes('/') ? NEW_DAT_NAME.exec(e.name) : null;
    if (blockOta) {
      // A block-based OTA's partition: new.dat written where its transfer list says, as an image.
      const list = byName.get(`${blockOta[1]}.transfer.list`);
      files.push({
        name: e.name,
        size: e.uncompressedSize,
        imagePartition: partitionName(blockOta[1]),
        open: async () => {
          if (!list) throw new FormatError('transfer-list', `no ${blockOta[1]}.transfer.list beside it in the OTA zip: where its blocks go is unknown; not read`);
          if (list.uncompressedSize > MAX_TRANSFER_LIST_BYTES) throw new FormatError('transfer-list', `${list.name} is ${list.uncompressedSize} bytes, past the ${MAX_TRANSFER_LIST_BYTES}-byte cap for a transfer list`);
          const listSrc = await openZipEntry(src, list, opts);
          let text: Buffer;
          try {
            text = Buffer.from(await listSrc.read(0, listSrc.size));
          } finally {
            await listSrc.close();
          }
          return openBlockOta(() => openZipEntry(src, e, opts), e.name, text, opts);
        },
      });
      continue;
    }
    files.push({ name: e.name, size: e.uncompressedSize, open: () => openZipEntry(src, e, opts), view: e.method !== 8, ...placedIn(kind, e.name), ...folders });
  }
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { format: kind, files, skipped, problems };
}

/**
 * How many bytes of files a filesystem image that stores `stored` bytes may give: 16 times them
 * and 1 GiB. A filesystem's files fill it at most once over, a little more with blocks shared
 * between identical files (Android's ext4 dedup) or compressed (EROFS); only files that share
 * blocks on purpose (hard links, extents or cluster chains pointing at the same data) make more.
 * 100,000 hard links to one 32 MiB file in a 34 MB ext4 image would have been 3.2 TB to scan.
 * The bytes stored (storedBytes), not the size declared: the raw image of a 9 MB sparse file
 * that declares 64 GiB would otherwise have let 1 TiB of hard links to its data be read.
 */
export function filesAllowance(stored: number): number {
  return 16 * stored + (1 << 30);
}

/** What a container stores (storedBytes), said in a refusal: its size too when it declares more. */
function storedText(stored: number, size: number, what: string): string {
  return stored < size ? `the ${stored} bytes ${what} stores (of ${size} it declares)` : `${what === 'it' ? 'its' : `${what}'s`} ${size} bytes`;
}

/**
 * What a container gives of its files, in order: a file that would take it past
 * filesAllowance(stored) is not admitted (smaller ones after it still are), and an admitted file's
 * open() first spends, from the inflation budget of the file of the walk it is in, the part of
 * its bytes past those the container holds (`holds`). A container nested in another can each
 * give 16 times what it stores; only a budget across the whole outer file keeps images of hard links
 * nested eight deep from multiplying.
 */
class Allotment {
  readonly allowance: number;
  private given = 0;

  constructor(
    stored: number,
    private readonly holds: number,
    private readonly budget: InflateBudget,
  ) {
    this.allowance = filesAllowance(stored);
  }

  /** The open() to use for a file of `bytes`, or undefined when it is not admitted. */
  admit(bytes: number, open: () => Promise<RandomAccessSource>): (() => Promise<RandomAccessSource>) | undefined {
    if (this.given + bytes > this.allowance) return undefined;
    const excess = Math.min(bytes, Math.max(0, this.given + bytes - this.holds));
    this.given += bytes;
    if (excess === 0) return open;
    const budget = this.budget;
    return async () => {
      budget.spend(excess);
      return open();
    };
  }
}

/**
 * The files of a listing of an image of `imageSize` bytes that stores `stored` (storedBytes).
 * `holds`: how many bytes of files the image holds without sharing any: what it stores, or for
 * EROFS four times it (compression; decompression is charged as it happens).
 */
function fromListing(listing: FsListing, imageSize: number, stored: number, budget: InflateBudget, holds = stored): OpenedContainer {
  const files: ContainerFile[] = [];
  const skipped: OpenedContainer['skipped'] = [];
  const problems: OpenedContainer['problems'] = [];
  const allot = new Allotment(stored, holds, budget);
  for (const n of listing.nodes) {
    if (n.kind === 'file') {
      const open = allot.admit(n.size, n.open);
      if (open) files.push({ name: n.path, size: n.size, open, view: true });
      else problems.push({ name: n.path, reason: `the image's files add up to more than ${allot.allowance} bytes, 16 times ${storedText(stored, imageSize, 'it')} and 1 GiB (hard links or shared blocks); not read` });
    } else if (n.kind === 'symlink') {
      // Filled in by describeSymlinks (targets are read lazily).
      skipped.push({ name: n.path, reason: 'symlink' });
    } else {
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

async function describeSymlinks(listing: FsListing, c: OpenedContainer): Promise<void> {
  const byPath = new Map(listing.nodes.filter((n) => n.kind === 'symlink').map((n) => [n.path, n]));
  for (const s of c.skipped) {
    if (s.reason !== 'symlink') continue;
    const node = byPath.get(s.name);
    let target: string | undefined;
    try {
      target = await node?.target?.();
    } catch {
      // unknown: written '?'
    }
    s.reason = `symlink to ${target ?? '?'} inside the image; not followed`;
    if (target !== undefined) s.target = target;
  }
}

/**
 * Opens a filesystem, super, payload, boot, tar or cpio container. Sparse images are not listed
 * here: the caller replaces the source by the raw image `openSparse` gives and sniffs again.
 */
export async function openContainer(kind: Exclude<ContainerKind, 'sparse'>, src: RandomAccessSource, opts: ContainerOptions): Promise<OpenedContainer> {
  switch (kind) {
    case 'ext4':
    case 'erofs': {
      const listing = kind === 'ext4' ? await openExt4(src) : await openErofs(src, { budget: opts.budget });
      const stored = storedBytes(src);
      const c = fromListing(listing, src.size, stored, opts.budget, kind === 'erofs' ? 4 * stored : stored);
      await describeSymlinks(listing, c);
      return c;
    }
    case 'fat': {
      const listing = await openFat(src);
      const c = fromListing(listing, src.size, storedBytes(src), opts.budget);
      delete c.labelPartition; // a FAT label (NON-HLOS, modem) names no Android partition
      return c;
    }
    case 'bootimg':
      return openBootContainer(src, opts);
    case 'tar':
      return openTarContainer(src, opts);
    case 'cpio':
      return openCpioContainer(src, opts);
    case 'sevenzip':
      return openSevenZipContainer(src, opts);
    case 'super': {
      const lp = await openLp(src);
      const files: ContainerFile[] = [];
      const skipped: OpenedContainer['skipped'] = [];
      const problems: OpenedContainer['problems'] = [];
      // Logical partitions never share extents; partitions that map the same sectors (crafted
      // metadata) are read only up to the allowance of a filesystem image that stores as much,
      // counted in what they map (ZERO extents read nothing).
      const stored = storedBytes(src);
      const allot = new Allotment(stored, stored, opts.budget);
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
        if (open) files.push({ name: p.name, size: p.size, open, imagePartition: partitionName(p.name), view: true });
        else problems.push({ name: p.name, reason: `the logical partitions map more than ${allot.allowance} bytes, 16 times ${storedText(stored, src.size, 'the image')} and 1 GiB (extents shared between partitions); not read` });
      }
      return { format: 'super', files, skipped, problems };
    }
    case 'payload': {
      const payload = await openPayload(src, { budget: opts.budget, maxOperationBytes: opts.maxEntryBytes });
      const files: ContainerFile[] = payload.partitions.map((p) => ({
        name: p.name,
        size: p.size,
        open: async () => p.open(),
        imagePartition: partitionName(p.name),
        ...(p.unreadable ? { unreadable: p.unreadable } : {}),
      }));
      const uncovered = uncoveredRanges(src.size, payload.covered);
      return { format: 'payload', files, skipped: [], problems: [], ...(uncovered.length ? { uncovered } : {}) };
    }
  }
}

/**
 * A tar archive (Samsung's AP_*.tar.md5, a build handed over as a tarball): its regular members
 * are its files, views of the archive; bytes in no member (what follows the end, the data of a
 * replaced member) are scanned raw.
 */
async function openTarContainer(src: RandomAccessSource, opts: ContainerOptions): Promise<OpenedContainer> {
  const tar = await openTar(src);
  const files: ContainerFile[] = [];
  const skipped: OpenedContainer['skipped'] = [];
  const problems: OpenedContainer['problems'] = [...tar.problems];
  // Members hold the archive's bytes once; hard links read some again, as a filesystem's do: up
  // to the same allowance (16 times what the archive stores and 1 GiB), past which they are not read.
  const stored = storedBytes(src);
  const allot = new Allotment(stored, stored, opts.budget);
  const refused: string[] = [];
  for (const m of tar.members) {
    // A hard link is its target's data under its own name (tar -x links the two), which may
    // decide a SKU (vendor/build.prop as a link to vendor/a.txt): read under each name.
    const data = m.kind === 'file' ? m : m.linkData;
    if (data) {
      // A GNU sparse file is its pieces where its map puts them, zeros between (holes cost
      // nothing to scan): it counts what it stores.
      const open = allot.admit(data.sparse ? data.sparse.stored : data.size, async () => tarData(src, data));
      if (open) files.push({ name: m.name, size: data.size, open, view: true });
      else refused.push(m.name);
    } else if (m.kind === 'hardlink') skipped.push({ name: m.name, reason: `hard link to ${m.target ?? '?'}, with no file of that name before it in the archive` });
    else skipNode(m.name, m.kind, m.target, 'archive', skipped);
  }
  problems.push(...refusedLinks(refused, allot, storedText(stored, src.size, 'the archive')));
  const uncovered = uncoveredRanges(src.size, tar.covered);
  return { format: 'tar', files, skipped, problems, ...(uncovered.length ? { uncovered } : {}) };
}

/**
 * A 7z archive (a vendor drop, a bundle of preloaded apps): its files, each decoded from its
 * folder when opened. A solid folder (several files) is decoded once for the files that follow
 * one another in it (the last folder decoded is kept), up to the per-entry cap: files past the cap
 * are unreadable, as are those of a folder whose coders are not decoded (one problem per folder,
 * naming the coder and the files). Decoded bytes are charged to the inflation budget; a file's
 * CRC is checked. Bytes the archive does not account for are scanned raw.
 */
async function openSevenZipContainer(src: RandomAccessSource, opts: ContainerOptions): Promise<OpenedContainer> {
  const spend = (n: number): void => opts.budget.spend(n);
  const archive = await openSevenZip(src, { maxHeaderBytes: opts.maxEntryBytes, spend });
  const files: ContainerFile[] = [];
  const skipped: OpenedContainer['skipped'] = [];
  const problems: OpenedContainer['problems'] = [];
  const folders = new SevenZipFolders(src, archive, opts.maxEntryBytes, spend);
  /** The files of folders that cannot be decoded, by why: one problem each. */
  const refused = new Map<string, string[]>();
  for (const e of archive.entries) {
    if (e.kind === 'dir') continue;
    if (e.kind === 'anti') {
      skipped.push({ name: e.name, reason: 'anti-item (a deletion in an update archive): no data' });
      continue;
    }
    if (e.kind === 'symlink') {
      skipped.push({ name: e.name, reason: `symlink inside the archive (${e.size} bytes of target); not followed` });
      continue;
    }
    const problem = e.folder !== undefined ? coderProblem(archive.folders[e.folder]) : undefined;
    if (problem) {
      const names = refused.get(problem) ?? [];
      names.push(e.name);
      refused.set(problem, names);
      continue;
    }
    files.push({ name: e.name, size: e.size, open: async () => folders.open(e) });
  }
  for (const [problem, names] of refused) {
    const more = names.length > 3 ? ` and ${names.length - 3} more` : '';
    problems.push({ name: '', reason: `unreadable: ${problem}, which this reader does not decode; ${names.length} file${names.length > 1 ? 's' : ''} not scanned: ${names.slice(0, 3).map((n) => JSON.stringify(n)).join(', ')}${more}` });
  }
  const uncovered = uncoveredRanges(src.size, archive.covered);
  return { format: '7z', files, skipped, problems, ...(uncovered.length ? { uncovered } : {}) };
}

/**
 * The folders of a 7z archive, decoded as their files are opened: the last one decoded is kept
 * (the files of a solid folder come one after another), a folder that failed keeps its error.
 */
class SevenZipFolders {
  private last?: { index: number; data: Buffer };
  private readonly failed = new Map<number, FormatError>();
  constructor(
    private readonly src: RandomAccessSource,
    private readonly archive: SevenZipArchive,
    private readonly cap: number,
    private readonly spend: (n: number) => void,
  ) {}

  async open(e: SevenZipEntry): Promise<RandomAccessSource> {
    if (e.folder === undefined || e.size === 0) {
      checkEntryCrc(e, Buffer.alloc(0));
      return new BufferSource(Buffer.alloc(0));
    }
    const f = this.archive.folders[e.folder];
    const total = f.unpackSizes[f.mainOut];
    const end = e.offset! + e.size;
    // Decoded only up to the cap; near a cut a BCJ filter has not seen the whole instruction.
    const reach = total <= this.cap ? total : this.cap - (hasFilter(f) ? 16 : 0);
    if (end > reach) {
      const where = total > e.size ? `ends at byte ${end} of a solid folder of ${total} bytes, past` : `is ${e.size} bytes, more than`;
      throw new FormatError('7z', `${JSON.stringify(e.name)} ${where} the ${this.cap}-byte cap a 7z folder is decoded to; not scanned`);
    }
    const data = await this.folder(e.folder);
    const bytes = data.subarray(e.offset!, end);
    checkEntryCrc(e, bytes);
    return new BufferSource(bytes);
  }

  private async folder(index: number): Promise<Buffer> {
    if (this.last?.index === index) return this.last.data;
    const known = this.failed.get(index);
    if (known) throw known;
    this.last = undefined;
    try {
      const data = await decodeFolder(this.src, this.archive.folders[index], this.cap, this.spend);
      this.last = { index, data };
      return data;
    } catch (e) {
      if (e instanceof FormatError && (e.format === '7z' || e.format === 'limits')) this.failed.set(index, e);
      else if (e instanceof FormatError) this.failed.set(index, new FormatError('7z', `folder ${index} does not decode: ${e.format}: ${e.reason}`, e.offset));
      throw this.failed.get(index) ?? e;
    }
  }
}

/** A tar member's data as a source: a range of the archive, or a sparse file's pieces where its map puts them (holes read as zeros, nothing allocated for them). */
function tarData(src: RandomAccessSource, data: TarData): RandomAccessSource {
  if (!data.sparse) return new SubSource(src, data.offset, data.size);
  const segments: Segment[] = [];
  let at = data.offset;
  for (const [offset, length] of data.sparse.map) {
    segments.push(sourceSegment(offset, length, src, at));
    at += length;
  }
  return new MappedSource(data.size, segments, 'tar');
}

/** A cpio archive that is a file of its own (not a ramdisk): read whole, up to the per-entry cap. */
async function openCpioContainer(src: RandomAccessSource, opts: ContainerOptions): Promise<OpenedContainer> {
  if (src.size > opts.maxEntryBytes) throw new FormatError('cpio', `archive of ${src.size} bytes is larger than the ${opts.maxEntryBytes}-byte cap for archives read whole; not listed`);
  const c: OpenedContainer = { format: 'cpio', files: [], skipped: [], problems: [] };
  addCpioFiles(await src.read(0, src.size), '', 'archive', opts.budget, c);
  return c;
}

/**
 * The files of a cpio archive (a ramdisk, or a file of its own) added to `c`, named
 * `<prefix><path>`: hard links share one copy of their data and are read under each name as far
 * as a filesystem's allowance goes (one problem for the rest); symlinks and special files are
 * listed as skipped.
 */
function addCpioFiles(bytes: Buffer, prefix: string, where: string, budget: InflateBudget, c: OpenedContainer): void {
  const allot = new Allotment(bytes.length, bytes.length, budget);
  const refused: string[] = [];
  for (const e of parseCpio(bytes)) {
    const name = `${prefix}${e.name}`;
    if (e.kind !== 'file') skipNode(name, e.kind, e.target, where, c.skipped);
    else {
      const open = allot.admit(e.data.length, async () => new BufferSource(e.data));
      if (open) c.files.push({ name, size: e.data.length, open });
      else refused.push(name);
    }
  }
  c.problems.push(...refusedLinks(refused, allot, `the ${where}'s ${bytes.length} bytes`));
}

/** A symlink or special file of an archive, listed as skipped (a directory is not listed). */
function skipNode(name: string, kind: string, target: string | undefined, where: string, skipped: OpenedContainer['skipped']): void {
  if (kind === 'symlink') skipped.push({ name, reason: `symlink to ${target ?? '?'} inside the ${where}; not followed`, ...(target !== undefined ? { target } : {}) });
  else if (kind !== 'dir') skipped.push({ name, reason: `not a regular file (${kind})` });
}

/** One problem for the files an archive's hard links would give past its allowance (Allotment), naming the first. */
function refusedLinks(refused: string[], allot: Allotment, what: string): OpenedContainer['problems'] {
  if (refused.length === 0) return [];
  const more = refused.length > 1 ? ` (and ${refused.length - 1} more)` : '';
  return [{ name: refused[0], reason: `hard links give more than ${allot.allowance} bytes of files, 16 times ${what} and 1 GiB; not read${more}` }];
}

/** A ramdisk compressed otherwise than gzip or legacy LZ4, decompressed to at most the per-entry cap. */
async function otherRamdisk(kind: Compression, raw: Buffer, opts: ContainerOptions, spend: (n: number) => void): Promise<Buffer> {
  const meter: DecodeMeter = { produced: 0 };
  try {
    const out = await decompressCapped(kind, raw, opts.maxEntryBytes, opts.maxEntryBytes, opts.maxEntryBytes, meter);
    spend(out.length);
    return out;
  } catch (e) {
    spend(meter.produced);
    if (e instanceof PastCap) throw new FormatError('ramdisk', `${kind} ramdisk decompresses past the ${opts.maxEntryBytes}-byte cap${e.what === 'output' ? '' : ` (${e.what})`}`);
    if (e instanceof FormatError) throw new FormatError('ramdisk', `corrupt ${kind} ramdisk: ${e.reason}`, e.offset);
    throw e;
  }
}

/**
 * A boot, init_boot, recovery or vendor_boot image: its non-ramdisk sections as files (scanned as
 * raw bytes), and the files of each ramdisk (gzip, LZ4, xz, LZMA, bzip2, zstd or stored cpio) as
 * `<section>/<path>`. A ramdisk that cannot be decompressed or parsed is a problem; the other
 * sections are still listed.
 */
async function openBootContainer(src: RandomAccessSource, opts: ContainerOptions): Promise<OpenedContainer> {
  const img = await openBootImage(src);
  const c: OpenedContainer = { format: img.format, files: [], skipped: [], problems: [] };
  for (const s of img.sections) {
    if (!s.ramdisk) {
      c.files.push({ name: s.name, size: s.size, open: async () => new SubSource(src, s.offset, s.size) });
      continue;
    }
    try {
      if (s.size > opts.maxEntryBytes) throw new FormatError('ramdisk', `ramdisk of ${s.size} bytes is larger than the ${opts.maxEntryBytes}-byte cap`, s.offset);
      const raw = Buffer.from(await src.read(s.offset, s.size));
      const ramdisk = decompressRamdisk(raw, opts.maxEntryBytes, (n) => opts.budget.spend(n));
      let bytes = ramdisk.bytes;
      // The kernel also unpacks xz, LZMA, bzip2, zstd and LZ4-frame initramfs (CONFIG_RD_*):
      // read as the other compressed files are, within the same cap.
      const kind = ramdisk.compression === 'none' ? compressionOf(raw) : undefined;
      if (kind) bytes = await otherRamdisk(kind, raw, opts, (n) => opts.budget.spend(n));
      addCpioFiles(bytes, `${s.name}/`, 'ramdisk', opts.budget, c);
    } catch (e) {
      if (!(e instanceof FormatError)) throw e;
      c.problems.push({ name: s.name, reason: `${e.format}: ${e.reason}`, ...(e.offset !== undefined ? { offset: e.offset } : {}) });
    }
  }
  c.files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const uncovered = uncoveredRanges(src.size, [...img.header, ...img.sections.map((s): [number, number] => [s.offset, s.offset + s.size])]);
  return { ...c, ...(uncovered.length ? { uncovered } : {}) };
}
