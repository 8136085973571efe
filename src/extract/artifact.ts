/**
 * One artifact in, facts out. Recognises the format by content (ZIP, DEX, ELF, property files
 * by location), extracts packages, properties and endpoints, and turns a FormatError into an
 * `unreadable` fact: nothing thrown by a parser escapes this boundary.
 */
import { basename } from 'node:path';
import { appendAll } from '../arrays.js';
import type { EndpointHit, InputFacts, OverlayableFact, PackageFacts, PreoptedCodeFact, PropEntry, SkippedFact, Source, ToggleIdFact, UnreadableFact } from '../facts.js';
import { parseArsc, type ArscTable } from '../formats/arsc.js';
import { initRcSetprops, isApexRc, isInitRc, parseBuildProp, parseInitRcSetprops, skuOfInitRc } from '../formats/buildprop.js';
import { isDex, readDexCode, type DexCode } from '../formats/dex.js';
import { scanDexStrings, scanHermesStrings, scanPoolStrings, type DexStringSpan } from './string-scan.js';
import { codeIdsOf, toggleIdOf } from './toggle-ids.js';
import { isHermesBytecode } from '../formats/hermes.js';
import { FormatError } from '../formats/errors.js';
import { compressionOf, decompressCapped, inflateZlib, isSkippableFrame, isZlibHeader, mayBeCompressed, PastCap, sniffLength, type Compression, type DecodeMeter } from '../formats/codecs.js';
import { extractManifest, parseAxml, TYPE_INT_DEC, TYPE_INT_HEX, type AxmlDocument, type ResourcesMapAttr } from '../formats/axml.js';
import { entryDataOffset, EntryTooLargeError, openZip, overlapReason, readEntry, zipGaps, type ZipArchive, type ZipEntry } from '../formats/zip.js';
import { APK_SIGNATURE_SCHEME_V2_ID, APK_SIGNATURE_SCHEME_V31_ID, APK_SIGNATURE_SCHEME_V3_ID, readApkSigners, signerDigests, signingBlockPairs, SOURCE_STAMP_V1_ID, SOURCE_STAMP_V2_ID } from '../formats/apksig.js';
import { BufferSource, FileSource, type RandomAccessSource } from '../io/source.js';
import { entryScratch } from '../io/scratch.js';
import { nameText, type FileArtifact } from '../inputs/walk.js';
import { readVdex, isVdex } from '../formats/vdex.js';
import { dataRanges, MappedSource, sourceSegment, type InflateBudget } from '../io/mapped.js';
import { openSparse } from '../formats/sparse.js';
import {
  classifyZip,
  filesystemBehind,
  imagePartitionOf,
  openBlockOta,
  openContainer,
  openZipEntry,
  sniffContainer,
  zipContainer,
  type ContainerKind,
  type ContainerOptions,
  type OpenedContainer,
} from '../inputs/containers.js';
import { partitionName, partitionOf, type PartitionInfo } from '../inputs/partition.js';
import { MAX_TRANSFER_LIST_BYTES, NEW_DAT_NAME } from '../formats/blockota.js';
import { NotReadable, readRegularFile } from '../io/regular.js';
import { artifactOf, type EndpointCollector } from './collector.js';
import { TEXT_CONTEXT, textKindOf, type EndpointScanner, type EndpointSink, type EvidenceBase, type TextKind } from './endpoints.js';
import type { Limits } from './limits.js';
import { workOf } from './work.js';
import { mapPathOf, OverlayResources, readResourcesMap, ResourcesMapError } from './resources-map.js';

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
async function endsLikeZip(src: RandomAccessSource): Promise<boolean> {
  if (src.size < 22) return false;
  const from = Math.max(0, src.size - EOCD_REACH);
  if (!src.readInto) return (await src.read(from, src.size - from)).includes(EOCD_SIGNATURE);
  // A file: read into a lent buffer (asked of every file that is no other format).
  const lease = entryScratch.take(src.size - from);
  try {
    return (await src.readInto(from, src.size - from, lease)).includes(EOCD_SIGNATURE);
  } finally {
    entryScratch.give(lease);
  }
}
const PROP_NAME = /^(build\.prop|default\.prop|prop\.default|.*\.prop)$/;
const AXML_MAGIC = 0x00080003;

export interface ArtifactContext {
  scanner: EndpointScanner;
  endpoints: EndpointCollector;
  limits: Limits;
  /** Mutable per-input accumulators. */
  packages: PackageFacts[];
  props: PropEntry[];
  skuFiles: InputFacts['skuFiles'];
  unreadable: UnreadableFact[];
  mentions: InputFacts['mentions'];
  /** Preopted code that may be a catalogued variant client's (extractVdex). */
  preoptedCode: PreoptedCodeFact[];
  /** Package ids whose mention in a plain file is recorded (catalogued packages). */
  mentionPackages: ReadonlySet<string>;
  /**
   * Catalogued variant clients: package -> its variants' resource toggle keys (`type/name`). Such
   * a client's code (classes*.dex) is read for the ids it loads (PackageFacts.toggleIds).
   */
  variantToggles?: ReadonlyMap<string, readonly string[]>;
  stats: { files: number; bytes: number; entries: number; inflatedBytes: number };
  /** Entries of containers not scanned (symlinks in images, duplicated images), with the reason. */
  skipped?: SkippedFact[];
  /** relPath -> partitionPath of every property file read (load-order ranking of props in images). */
  propFiles?: Map<string, string>;
  /**
   * relPath -> partitionPath of every file extracted whose partitionPath is not its relPath (in an
   * image, a target-files zip, a folder named for its partition): partialOf (pool.ts) resolves
   * the paths the facts name with it (PartialFacts.partitionPaths).
   */
  placed?: Map<string, string>;
  /**
   * Set while this thread extracts one slice of an image that several threads share
   * (pool.ts): see `ImageSlice`. Unset inside a file this slice owns.
   */
  slice?: ImageSlice;
  /** What the file of the walk being extracted has inflated so far (set by extractFile). */
  inflation?: Inflation;
  /**
   * On the main thread, extracting beside worker threads (pool.ts): a promise to wait for now and
   * then between the files of a container and between the chunks of a large raw file, so that
   * the threads are answered (a worker that has not started yet, or ran out of files, waits for
   * the main thread's event loop) while a whole image or library is extracted here.
   */
  pause?: () => Promise<void> | undefined;
  /**
   * Told how far the file of the walk being extracted is, as a fraction from 0 to 1, after each
   * file of a container it holds and each chunk of a large raw file: progress moves through a
   * single image of gigabytes instead of waiting for its end. Unset when nobody listens.
   */
  advance?: (fraction: number) => void;
  /** The part of the file of the walk the item being extracted stands for (`advance`'s scale). */
  span?: Span;
}

/** A part of a file of the walk, as fractions of it: [from, to]. */
interface Span {
  from: number;
  to: number;
}

/** The point `done` of `total` units through `span`: never past its end, and at its end exactly when done. */
function within(span: Span, done: number, total: number): number {
  return done >= total ? span.to : Math.min(span.to, span.from + ((span.to - span.from) * done) / total);
}

/**
 * The bytes one file of the walk has decompressed, against its budget: `maxInflationRatio` times
 * its size and 1 MiB, at most `maxFileInflatedBytes`. A file can take from the scan only in
 * proportion to its size (deflate alone gives at most 1032 times; more takes nesting), so a
 * folder of crafted files costs in proportion to the folder. The budget is per file of the
 * walk, so what it refuses does not depend on which other files a worker was given, on the
 * number of workers or on the cache (whose entries are per file). The slices of a shared image
 * spend from one counter (`ImageSlice.budget`).
 */
interface Inflation {
  max: number;
  spent: number;
  /** A shared image's slices: [bytes spent by all slices, 1 once any slice was refused]. */
  shared?: BigInt64Array;
}

/** The inflation budget of a file of the walk of `size` bytes. */
export function fileInflationBudget(limits: Limits, size: number): number {
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
function charge(ctx: ArtifactContext, n: number): boolean {
  const inf = (ctx.inflation ??= { max: ctx.limits.maxFileInflatedBytes, spent: 0 });
  if (inf.shared) {
    if (!addShared(inf.shared, inf.max, n)) return false;
  } else if (inf.spent + n > inf.max) {
    return false;
  }
  inf.spent += n;
  ctx.stats.inflatedBytes += n;
  return true;
}

/**
 * Adds `n` to the counter a shared image's slices spend from: false, and the slices marked
 * refused (the pool extracts the file again whole), when that takes it past the budget.
 */
function addShared(shared: BigInt64Array, max: number, n: number): boolean {
  const b = BigInt(n);
  if (Atomics.add(shared, 0, b) + b <= BigInt(max)) return true;
  Atomics.store(shared, 1, 1n);
  return false;
}

/** What is left of the file's budget (0 when nothing is): the most a decoding may still give (scanUnpacked). */
function budgetLeft(ctx: ArtifactContext): number {
  const inf = (ctx.inflation ??= { max: ctx.limits.maxFileInflatedBytes, spent: 0 });
  const spent = inf.shared ? Number(Atomics.load(inf.shared, 0)) : inf.spent;
  return Math.max(0, inf.max - spent);
}

/**
 * Spends `n` bytes of the budget that were decoded but are not kept (a decoding refused or
 * corrupt part-way): what it cost, so that a file of many such cannot cost more than its budget.
 * Never refused: it only leaves less for what follows.
 */
function spend(ctx: ArtifactContext, bytes: number): void {
  const n = Math.ceil(bytes);
  const inf = (ctx.inflation ??= { max: ctx.limits.maxFileInflatedBytes, spent: 0 });
  // Past the budget, the slices' results are not those of one thread (whose next decoding would
  // be given nothing): as for a refused charge, the file is extracted again whole.
  if (inf.shared) addShared(inf.shared, inf.max, n);
  inf.spent = Math.min(inf.max, inf.spent + n);
  ctx.stats.inflatedBytes += n;
}

/**
 * A refusal for the budget that is not a refused charge (a decoding given only what was left of
 * it, which the other slices of a shared image spend from in any order): the slices learn of it
 * as of a refused charge, and the pool extracts the file again whole (see charge).
 */
function refuseForBudget(ctx: ArtifactContext): void {
  const inf = ctx.inflation;
  if (inf?.shared) Atomics.store(inf.shared, 1, 1n);
}

function budgetSpent(ctx: ArtifactContext): string {
  const max = ctx.inflation?.max ?? ctx.limits.maxFileInflatedBytes;
  const why = max < ctx.limits.maxFileInflatedBytes ? ` (${ctx.limits.maxInflationRatio} times its size and 1 MiB)` : '';
  return `the file's ${max}-byte inflation budget${why} is spent`;
}

/**
 * One of `count` threads extracting the same image or target-files / OTA zip. Every slice opens
 * it, and the containers inside it that open as views (`ContainerFile.view`, at least
 * `minBytes`); it extracts only the other files it owns: each container's files are dealt out by
 * size (largest first, to the slice with the fewest bytes so far), the same way in every slice,
 * so each file is extracted by exactly one. Facts of the shared containers themselves (their
 * files counted, symlinks skipped, corrupt parts) and of a shared file that turns out to hold no
 * container are recorded by slice 0 only. The union of the slices' facts is then the facts of
 * the whole.
 */
export interface ImageSlice {
  index: number;
  count: number;
  minBytes: number;
  /** The image's inflation budget, shared by its slices (`charge`): two BigInt64 slots. */
  budget?: SharedArrayBuffer;
}

/** A budget counter for the slices of one image (`ImageSlice.budget`). */
export function sliceBudget(): SharedArrayBuffer {
  return new SharedArrayBuffer(2 * BigInt64Array.BYTES_PER_ELEMENT);
}

/** True when a slice of the image was refused for its budget: the slices' facts are not whole. */
export function sliceBudgetRefused(budget: SharedArrayBuffer): boolean {
  return Atomics.load(new BigInt64Array(budget), 1) !== 0n;
}

/**
 * True when every slice opens `src` itself (a container the slices share): an image, or a
 * target-files or OTA zip (an APK never is). The pool asks it of the files of a walk, slices of
 * the files inside a shared container.
 */
export async function isSharedContainer(src: RandomAccessSource, name: string): Promise<boolean> {
  // A block-based OTA's new.dat is an image only with its transfer list (extractFile): whole, on one thread.
  if (NEW_DAT_NAME.test(basename(name))) return false;
  const head = src.size >= 4 ? await src.read(0, Math.min(8, src.size)) : Buffer.alloc(0);
  if ((await sniffContainer(src, head, name)) !== undefined) return true;
  return head.length >= 4 && head.readUInt32LE(0) === 0x04034b50 && !APK_NAME.test(basename(name)) && classifyZip(await openZip(src)) !== 'zip';
}

/** False in slices other than 0 while they walk a shared container (its own facts are slice 0's). */
function records(ctx: ArtifactContext): boolean {
  return !ctx.slice || ctx.slice.index === 0;
}

function unreadableFrom(path: string, err: unknown, fallbackFormat: string): UnreadableFact {
  if (err instanceof FormatError) {
    const u: UnreadableFact = { path: err.path ?? path, format: err.format, reason: err.reason };
    if (err.offset !== undefined) u.offset = err.offset;
    return u;
  }
  const code = (err as NodeJS.ErrnoException)?.code;
  return { path, format: fallbackFormat, reason: code ? `cannot read: ${code}` : `internal error: ${(err as Error)?.message ?? String(err)}` };
}

/** What the per-file extraction needs to know about a file, wherever it lives. */
export interface ArtifactFile {
  /** Path relative to the input, `!/` into containers (`system.img!/app/X/X.apk`). */
  relPath: string;
  partition: string;
  partitionPath: string;
  /** Container levels above the file: 0 for a file of the walk. */
  depth?: number;
}

/** A file to scan: a file of the walk, or a file inside an image, a target-files or an OTA zip. */
export interface ScanItem extends ArtifactFile {
  size: number;
  depth: number;
  /** The partition this file is an image of (`system.img`, super's `system_a`), when known. */
  imagePartition?: string;
  /** A super image's partitions whose folders the input has (FileArtifact.folders): not read again. */
  folders?: readonly string[];
}

/** Scans one file of the walk. Never throws for bad input. */
export async function extractFile(file: FileArtifact, ctx: ArtifactContext): Promise<void> {
  const item: ScanItem = {
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
  const blockOta = blockOtaFile(file);
  if (blockOta) {
    // A block-based OTA's partition, unpacked in a folder: new.dat where the transfer list beside it says.
    if (!file.partition && blockOta.partition) item.imagePartition = blockOta.partition;
    await extractSource(item, () => openBlockOtaFile(file, blockOta.list, ctx), ctx);
  } else await extractSource(item, () => FileSource.open(file.abs), ctx);
  ctx.advance?.(1);
}

/** A file of the walk that is a block-based OTA's new.dat: its partition and the path of the transfer list beside it. */
function blockOtaFile(file: FileArtifact): { partition?: string; list: Buffer } | undefined {
  const slash = file.abs.lastIndexOf(0x2f);
  const m = NEW_DAT_NAME.exec(file.abs.toString('latin1', slash + 1));
  if (!m) return undefined;
  const stem = file.abs.subarray(0, slash + 1 + m[1].length);
  return { partition: partitionName(nameText(stem.subarray(slash + 1))), list: Buffer.concat([stem, Buffer.from('.transfer.list')]) };
}

/** openBlockOta of a file of the walk, with the transfer list beside it (a clear error when there is none). */
async function openBlockOtaFile(file: FileArtifact, listPath: Buffer, ctx: ArtifactContext): Promise<RandomAccessSource> {
  const name = basename(file.relPath);
  const listName = `${NEW_DAT_NAME.exec(name)?.[1] ?? name}.transfer.list`;
  let list: Buffer;
  try {
    list = readRegularFile(listPath, MAX_TRANSFER_LIST_BYTES);
  } catch (e) {
    const why = e instanceof NotReadable ? e.message : ((e as NodeJS.ErrnoException).code ?? (e as Error).message);
    throw new FormatError('transfer-list', (e as NodeJS.ErrnoException).code === 'ENOENT' ? `no ${listName} beside it: where its blocks go is unknown; not read` : `${listName} beside it cannot be read (${why}); not read`);
  }
  return openBlockOta(() => FileSource.open(file.abs), name, list, containerOptions(ctx));
}

/**
 * Scans one file given how to open it: the same logic for a file in a folder and a file inside
 * a container. Never throws for bad input.
 */
export async function extractSource(item: ScanItem, open: () => Promise<RandomAccessSource>, ctx: ArtifactContext): Promise<void> {
  const record = records(ctx);
  if (record) {
    ctx.stats.files++;
    ctx.stats.bytes += item.size;
  }
  ctx.endpoints.setArtifact(artifactOf(item.relPath));
  if (item.partitionPath !== item.relPath) ctx.placed?.set(item.relPath, item.partitionPath);
  let src: RandomAccessSource;
  try {
    src = await open();
  } catch (e) {
    if (record) ctx.unreadable.push(unreadableFrom(item.relPath, e, 'file'));
    return;
  }
  try {
    await dispatchSource(item, src, ctx);
  } catch (e) {
    if (record) ctx.unreadable.push(unreadableFrom(item.relPath, e, 'file'));
  } finally {
    await src.close();
  }
}

/** Extracts a file this slice owns: whole, with every fact recorded, whatever it holds. */
async function extractOwned(item: ScanItem, open: () => Promise<RandomAccessSource>, ctx: ArtifactContext): Promise<void> {
  const slice = ctx.slice;
  ctx.slice = undefined;
  try {
    await extractSource(item, open, ctx);
  } finally {
    ctx.slice = slice;
  }
}

/** Recognises the file by content and extracts it; containers recurse into their files. */
async function dispatchSource(item: ScanItem, src: RandomAccessSource, ctx: ArtifactContext): Promise<void> {
  const head = src.size >= 4 ? await src.read(0, Math.min(8, src.size)) : Buffer.alloc(0);
  const name = basename(item.relPath);
  const zipMagic = head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;
  const emptyZip = head.length >= 4 && head.readUInt32LE(0) === 0x06054b50;
  if (zipMagic || emptyZip || (ZIP_NAME.test(name) && (await endsLikeZip(src)))) {
    // A .zip (or a ZIP with no known extension) may be a target-files or an OTA package.
    if (zipMagic && !APK_NAME.test(name) && item.depth < ctx.limits.maxContainerDepth) {
      let zip: ZipArchive | undefined;
      try {
        zip = await openZip(src);
      } catch {
        zip = undefined; // extractZip reports why
      }
      const kind = zip ? classifyZip(zip) : 'zip';
      if (zip && kind !== 'zip') {
        if (records(ctx)) reportOtherDirectory(zip, item.relPath, ctx);
        await extractContainer(item, zipContainer(src, zip, kind, containerOptions(ctx)), ctx, false);
        if (zipMagic) await extractFilesystemBehind(item, src, head, ctx);
        return;
      }
    }
    // Not a container the slices share (an APK, a plain zip): one slice extracts it.
    if (!records(ctx)) return;
    await extractZip(src, item.relPath, item, ctx, 0);
    if (zipMagic) await extractFilesystemBehind(item, src, head, ctx);
    return;
  }
  const kind = await sniffContainer(src, head, item.relPath);
  if (kind) {
    await extractImage(item, src, kind, ctx);
    return;
  }
  // A shared file that turned out to hold no container (a sparse image of raw data): slice 0's.
  if (!records(ctx)) return;
  // A ZIP after the file's own data (zip -A; java.util.zip and minizip read past what comes
  // first), whatever it is named: read as well as what the file starts as.
  const appended = await zipAfterData(src);
  // Whether the branch below scans all of the file's bytes raw (then the ZIP's gaps are not scanned again).
  let scannedRaw = true;
  if (isVdex(head)) {
    scannedRaw = false;
    await extractVdex(src, item, ctx);
  } else if (mayBeCompressed(head) && (await scanCompressedFile(src, item, ctx))) {
    // A gzip, xz, bzip2, zstd, LZ4 or LZMA file: its bytes and what it holds were scanned. Before the
    // names: a compressed file called `reg.prop` is not properties (Android would not read it),
    // and what it holds would be seen by no one.
  } else if (PROP_NAME.test(name) || skuOfInitRc(name)) {
    await extractTextProps(src, item, name, ctx);
  } else if (head.length >= 8 && isDex(head)) {
    const buf = await readWhole(src, item.relPath, ctx);
    // Not named as code ART loads: all of its bytes too (a DEX header must not hide a file).
    scannedRaw = !buf || !/\.(dex|odex)$/i.test(name);
    const sinks = buf && !/\.(dex|odex)$/i.test(name) ? onceEach(ctx.endpoints) : undefined;
    if (buf && sinks) ctx.scanner.scan(buf, 0, buf.length, { path: item.relPath, source: 'file' }, sinks.first);
    try {
      if (buf) scanDex(buf, { path: item.relPath, source: 'dex' }, ctx, 'restore', sinks?.second);
    } finally {
      sinks?.done();
    }
  } else if (isHermesBytecode(head)) {
    // React Native's compiled JavaScript: its bytes, and each string of its string table; the
    // packages it mentions, as of any other file of that size (scanRawSource).
    const buf = await readWhole(src, item.relPath, ctx);
    if (buf) scanBytes(buf, { path: item.relPath, source: 'file' }, item.relPath, ctx);
    if (buf && buf.length <= Math.min(MENTION_MAX_FILE, ctx.limits.chunkBytes + 1024)) recordMentions(buf, { path: item.relPath, source: 'file' }, ctx);
  } else {
    const isElf = head.length >= 4 && head.readUInt32BE(0) === 0x7f454c46;
    await scanRawSource(src, { path: item.relPath, source: isElf ? 'native' : 'file' }, ctx, !isElf);
    // An init .rc file's setprops that run at every boot set properties too (a SKU id no property
    // file sets). Any .rc file can be one, imported by another: assembly (input.ts) keeps those of
    // the files init reads.
    if (!isElf && /\.rc$/i.test(name)) {
      const buf = await readWhole(src, item.relPath, ctx);
      if (buf) {
        const rcPath = item.partitionPath;
        const mark = isInitRc(rcPath) || isInitRc(item.relPath) ? {} : { imported: true as const };
        const { always, conditional, imports } = initRcSetprops(buf, item.relPath, isApexRc(rcPath) || isApexRc(item.relPath));
        for (const { stage, ...p } of always) ctx.props.push({ ...p, setprop: { stage, rcPath, ...mark } });
        for (const i of imports) ctx.props.push({ key: i.path, value: '', file: item.relPath, line: i.line, import: true, setprop: { stage: -1, rcPath, ...mark } });
        // Those that run on some devices only: SKUs the build may become (targets.ts).
        for (const a of conditional) ctx.skuFiles.push({ sku: a.trigger, path: item.relPath, props: a.props, trigger: a.trigger, rcPath, ...mark });
      }
    }
    // A zlib stream (a file written by Java's DeflaterOutputStream): what it holds as well.
    if (!isElf && isZlibHeader(head) && src.size <= ctx.limits.maxEntryBytes) await scanZlib(await src.read(0, src.size), { path: item.relPath, source: 'file' }, item.relPath, item, ctx, 0);
  }
  if (appended) await extractZip(src, item.relPath, item, ctx, 0, { opened: appended, prefixIsData: true, scannedRaw });
}

const APK_NAME = /\.(apk|apex|capex|jar)$/i;
/** The code ART loads from an APK or JAR: classes.dex, classes2.dex, ... at its root. */
const ROOT_DEX = /^classes\d*\.dex$/;

/** Decompressed bytes count against the file's inflation budget (`charge`). */
function budgetOf(ctx: ArtifactContext): InflateBudget {
  return {
    spend(n: number): void {
      if (!charge(ctx, n)) throw new FormatError('limits', `${budgetSpent(ctx)}; not decompressed`);
    },
  };
}

function containerOptions(ctx: ArtifactContext): ContainerOptions {
  return {
    budget: budgetOf(ctx),
    maxEntryBytes: ctx.limits.maxEntryBytes,
    memoryBytes: ctx.limits.spillThresholdBytes,
    maxSpillBytes: ctx.limits.maxSpillBytes,
  };
}

/** The v1 signers of a JAR: the names (upper case) of its `META-INF/<name>.SF` files. */
function signatureFilesOf(zip: ZipArchive): Set<string> {
  const out = new Set<string>();
  for (const e of zip.entries) {
    const m = /^META-INF\/([^/]+)\.SF$/i.exec(e.name);
    if (m) out.add(m[1].toUpperCase());
  }
  return out;
}

/**
 * JAR signature material, which is parsed for signers and not scanned (its certificates name
 * CAs' hosts): META-INF/MANIFEST.MF, and a signer's .SF file and its signature block (.RSA, .DSA,
 * .EC of the same name). Any other file in META-INF, whatever its extension, is scanned: an app
 * can read it like any entry.
 */
function isSignatureMaterial(name: string, signers: ReadonlySet<string>): boolean {
  if (/^META-INF\/MANIFEST\.MF$/i.test(name)) return true;
  const m = /^META-INF\/([^/]+)\.(SF|RSA|DSA|EC)$/i.exec(name);
  return m !== null && signers.has(m[1].toUpperCase());
}

/** A chunk of type 0 or RES_XML_TYPE whose first child, right after an 8-byte header, is a string pool (0x0001, header 0x1C). */
function looksLikeAxml(buf: Buffer): boolean {
  return buf.length >= 16 && (buf.readUInt16LE(0) === 0x0003 || buf.readUInt16LE(0) === 0x0000) && buf.readUInt16LE(2) === 8 && buf.readUInt16LE(8) === 0x0001 && buf.readUInt16LE(10) === 0x001c;
}

/** Bytes after a compiled XML document's declared end (its parser ignores them; an app reading the entry raw does not), scanned raw. */
function scanAfterChunk(buf: Buffer, base: EvidenceBase, ctx: ArtifactContext): void {
  const end = buf.readUInt32LE(4);
  if (end >= 8 && end < buf.length) ctx.scanner.scan(buf, end, buf.length, { ...base, source: 'file' }, ctx.endpoints);
}

/** Pairs of the APK Signing Block that hold signatures and certificates (parsed for signers, not scanned): v2, v3, v3.1 and the source stamps. */
const SIGNATURE_PAIRS: ReadonlySet<number> = new Set([APK_SIGNATURE_SCHEME_V2_ID, APK_SIGNATURE_SCHEME_V3_ID, APK_SIGNATURE_SCHEME_V31_ID, SOURCE_STAMP_V1_ID, SOURCE_STAMP_V2_ID]);

/**
 * Bytes of an archive that no entry holds but a reader still hands to an app, scanned raw at
 * their offsets in the archive: its comment and what follows it (ZipFile.getComment), and the
 * APK Signing Block's pairs other than signatures (channel ids, which tools such as Walle and
 * VasDolly write there for apps to read), bytes between the archive's parts that none of them
 * holds (zipGaps: an app reading its own APK finds them), and each entry's extra fields (central
 * and local) and comment (ZipEntry.getExtra, getComment). A block that does not parse is reported
 * with the package's signers (readApkSigners).
 */
async function scanOutsideEntries(src: RandomAccessSource, zip: ZipArchive, path: string, ctx: ArtifactContext, gaps: boolean): Promise<void> {
  const base: EvidenceBase = { path, source: 'file' };
  try {
    let left = ctx.limits.maxEntryBytes;
    for (const [from, to] of gaps ? await zipGaps(src, zip) : []) {
      const len = Math.min(to - from, left);
      if (len < to - from) {
        ctx.unreadable.push({ path, format: 'zip', reason: `${to - from} bytes at ${from} that no entry holds, past the ${ctx.limits.maxEntryBytes}-byte cap for such bytes; not all scanned`, offset: from });
      }
      if (len <= 0) break;
      const gap = await src.read(from, len);
      ctx.scanner.scan(gap, 0, gap.length, base, ctx.endpoints, (p) => from + p);
      left -= len;
    }
    if (gaps) scanEntryMeta(zip, base, ctx);
    // Local extra fields (ZipInputStream's ZipEntry.getExtra), once zipGaps has read the headers.
    const extras: [number, number][] = [];
    for (const e of gaps ? zip.entries : []) {
      const extra = e.localExtraLength ?? 0;
      if (extra === 0 || e.dataOffset === undefined) continue;
      const at = e.dataOffset - extra;
      const len = Math.min(extra, left, src.size - at);
      if (len < extra) {
        ctx.unreadable.push({ path, format: 'zip', reason: `the local extra field of ${JSON.stringify(e.name)} (${extra} bytes at ${at}) is past the ${ctx.limits.maxEntryBytes}-byte cap for bytes no entry holds or past the end; not all scanned`, offset: at });
      }
      if (len <= 0) break;
      extras.push([at, at + len]);
      left -= len;
    }
    await scanRanges(src, extras, base, ctx);
    const from = zip.eocdOffset + 22;
    const len = Math.min(src.size - from, ctx.limits.maxEntryBytes);
    if (len > 0) {
      const comment = await src.read(from, len);
      ctx.scanner.scan(comment, 0, comment.length, base, ctx.endpoints, (p) => from + p);
    }
    if (zip.signingBlock && zip.signingBlock.size <= ctx.limits.maxEntryBytes) {
      const { offset, size } = zip.signingBlock;
      const block = await src.read(offset, size);
      let pairs: { id: number; value: Buffer }[] = [];
      try {
        pairs = signingBlockPairs(block);
      } catch {
        // malformed: the package's signer warnings say so
      }
      for (const pair of pairs) {
        if (SIGNATURE_PAIRS.has(pair.id)) continue;
        const at = offset + (pair.value.byteOffset - block.byteOffset);
        ctx.scanner.scan(pair.value, 0, pair.value.length, base, ctx.endpoints, (p) => at + p);
      }
    }
  } catch (e) {
    ctx.unreadable.push(unreadableFrom(path, e, 'zip'));
  }
}

/** Each entry's extra field and comment in the central directory (ZipArchive.meta), scanned raw at their offsets in the archive. */
function scanEntryMeta(zip: ZipArchive, base: EvidenceBase, ctx: ArtifactContext): void {
  if (!zip.meta) return;
  const { bytes, from, at } = zip.meta;
  ctx.scanner.scan(bytes, 0, bytes.length, base, ctx.endpoints, (p) => {
    let lo = 0;
    let hi = from.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (from[mid] <= p) lo = mid;
      else hi = mid - 1;
    }
    return at[lo] + (p - from[lo]);
  });
}

/** The bytes of a stored entry's data past its declared size, scanned raw (offsets from its data's start). */
async function scanStoredTail(src: RandomAccessSource, entry: ZipEntry, base: EvidenceBase, path: string, ctx: ArtifactContext): Promise<void> {
  try {
    const { offset } = await entryDataOffset(src, entry);
    const from = offset + entry.uncompressedSize;
    const len = Math.min(entry.compressedSize - entry.uncompressedSize, ctx.limits.maxEntryBytes, src.size - from);
    if (len <= 0) return;
    const tail = await src.read(from, len);
    ctx.scanner.scan(tail, 0, tail.length, base, ctx.endpoints, (p) => entry.uncompressedSize + p);
  } catch (e) {
    ctx.unreadable.push(unreadableFrom(`${path}!/${entry.name}`, e, 'entry'));
  }
}

/** An image (sparse, ext4, EROFS, super, payload): its files are scanned like a folder's. */
async function extractImage(item: ScanItem, src: RandomAccessSource, kind: ContainerKind, ctx: ArtifactContext): Promise<void> {
  if (item.depth >= ctx.limits.maxContainerDepth) {
    if (records(ctx)) ctx.unreadable.push({ path: item.relPath, format: kind, reason: `nested deeper than ${ctx.limits.maxContainerDepth} containers; not opened` });
    return;
  }
  if (kind === 'sparse') {
    // The raw image the sparse file describes stands in for it, under the same path.
    const { image, info } = await openSparse(src);
    await dispatchSource({ ...item, depth: item.depth + 1 }, image, ctx);
    await scanUncovered(src, info.uncovered, item, ctx);
  } else {
    const container = await openContainer(kind, src, { ...containerOptions(ctx), ...(kind === 'super' && item.folders ? { folders: item.folders } : {}) });
    await extractContainer(item, container, ctx, kind === 'ext4' || kind === 'erofs');
    await scanUncovered(src, container.uncovered ?? [], item, ctx);
  }
  if (kind === 'sparse' || kind === 'payload' || kind === 'bootimg' || kind === 'tar' || kind === 'cpio') {
    await extractFilesystemBehind(item, src, await src.read(0, Math.min(8, src.size)), ctx);
  }
}

/**
 * Bytes of a container file its structure does not account for (OpenedContainer.uncovered,
 * SparseInfo.uncovered), scanned raw at their offsets: a sparse or boot header must not hide the
 * text that follows it.
 */
async function scanUncovered(src: RandomAccessSource, ranges: [number, number][], item: ScanItem, ctx: ArtifactContext): Promise<void> {
  if (records(ctx)) await scanRanges(src, ranges, { path: item.relPath, source: 'file' }, ctx);
}

/** Byte ranges of `src` (in order, apart) scanned raw at their offsets. */
async function scanRanges(src: RandomAccessSource, unordered: [number, number][], base: EvidenceBase, ctx: ArtifactContext): Promise<void> {
  // In file order: a ZIP's local extra fields come in central-directory order, which need not
  // be the order of the local headers (a window's read length went negative on real APKs).
  const ranges = unordered.slice().sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  // Small ranges close together (a tar's padding after each of many small members) are read
  // in one window and each scanned within it; large ones are scanned in chunks.
  const large: [number, number][] = [];
  for (let i = 0; i < ranges.length; ) {
    if (ranges[i][1] - ranges[i][0] > UNCOVERED_WINDOW) {
      large.push(ranges[i++]);
      continue;
    }
    const start = ranges[i][0];
    let j = i;
    let end = ranges[i][1];
    while (j + 1 < ranges.length && ranges[j + 1][1] - start <= UNCOVERED_WINDOW) end = Math.max(end, ranges[++j][1]);
    const buf = await src.read(start, end - start);
    for (let k = i; k <= j; k++) ctx.scanner.scan(buf, ranges[k][0] - start, ranges[k][1] - start, base, ctx.endpoints, (p) => start + p);
    i = j + 1;
  }
  if (large.length === 0) return;
  const masked = new MappedSource(src.size, large.map(([from, to]) => sourceSegment(from, to - from, src, from)), 'raw');
  await scanRawSource(masked, base, ctx);
}

/** The span of a file scanRanges reads at once for small ranges. */
const UNCOVERED_WINDOW = 1 << 20;

/** The filesystem a file that starts as something else also is (filesystemBehind), opened as well. */
async function extractFilesystemBehind(item: ScanItem, src: RandomAccessSource, head: Buffer, ctx: ArtifactContext): Promise<void> {
  const fs = await filesystemBehind(src, head);
  if (!fs) return;
  try {
    await extractImage(item, src, fs, ctx);
  } catch (e) {
    if (!(e instanceof FormatError)) throw e;
    if (records(ctx)) ctx.unreadable.push(unreadableFrom(item.relPath, e, fs));
  }
}

/** Scans every file of an opened container, with paths joined by `!/` and partitions normalised. */
async function extractContainer(item: ScanItem, c: OpenedContainer, ctx: ArtifactContext, filesystem: boolean): Promise<void> {
  const record = records(ctx);
  // Files of a filesystem image belong to the partition the image is of (by name or label). An
  // image inside a partition's files (`odm/firmware/modem.bin`) is no partition: its label, the
  // choice of whoever made it, would place its files anywhere (`mke2fs -L system`).
  const base = filesystem ? (item.imagePartition ?? (item.partition ? undefined : c.labelPartition)) : undefined;
  /** Where a file (or a part) of this container is on the device. */
  const partOf = (name: string, partitionRelPath?: string): PartitionInfo => {
    // A target-files layout inside a partition's files places nothing either.
    if (partitionRelPath && !item.partition) return partitionOf(partitionRelPath);
    if (base) return partitionOf(name === '.' ? base : `${base}/${name}`);
    return { partition: item.partition, partitionPath: `${item.partitionPath}!/${name}` };
  };
  if (record) {
    for (const s of c.skipped) (ctx.skipped ??= []).push({ path: `${item.relPath}!/${s.name}`, reason: s.reason, ...(s.target !== undefined ? { target: s.target } : {}) });
    for (const p of c.problems) {
      // Placed here, not through ctx.placed: the slice recording it need not own a file there.
      const path = p.name ? `${item.relPath}!/${p.name}` : item.relPath;
      const partitionPath = p.name ? partOf(p.name, p.partitionRelPath).partitionPath : item.partitionPath;
      const u: UnreadableFact = { path, ...(partitionPath !== path ? { partitionPath } : {}), format: c.format, reason: p.reason };
      if (p.offset !== undefined) u.offset = p.offset;
      ctx.unreadable.push(u);
    }
  }
  const deal = ctx.slice ? await dealFiles(c, ctx.slice) : undefined;
  const mine = (i: number): boolean => {
    const owner = deal?.[i];
    return owner === undefined || owner === SHARED || owner === ctx.slice!.index;
  };
  // Progress through the container (ctx.advance): each file this slice extracts weighs what it
  // costs (workOf: an APK's byte more than a library's).
  const span = ctx.advance ? ctx.span : undefined;
  const weight = span ? c.files.map((f, i) => (mine(i) && !f.unreadable ? workOf({ relPath: f.name, size: f.size }) : 0)) : [];
  const total = weight.reduce((a, w) => a + w, 0);
  let done = 0;
  try {
    for (const [i, f] of c.files.entries()) {
      if (!mine(i)) continue;
      const relPath = `${item.relPath}!/${f.name}`;
      const part = partOf(f.name, f.partitionRelPath);
      if (f.unreadable) {
        const placed = part.partitionPath !== relPath ? { partitionPath: part.partitionPath } : {};
        if (record) ctx.unreadable.push({ path: relPath, ...placed, format: c.format, reason: f.unreadable });
        continue;
      }
      const child: ScanItem = { relPath, ...part, size: f.size, depth: item.depth + 1, ...(f.folders ? { folders: f.folders } : {}) };
      // (A super or payload partition of a container inside a partition's files is no partition.)
      const imagePartition = part.partition || item.partition ? undefined : (f.imagePartition ?? imagePartitionOf(f.name));
      if (imagePartition) child.imagePartition = imagePartition;
      if (span) ctx.span = { from: within(span, done, total), to: within(span, done + weight[i], total) };
      const owner = deal?.[i];
      if (owner === undefined || owner === SHARED) await extractSource(child, () => f.open(), ctx);
      else await extractOwned(child, () => f.open(), ctx);
      if (span) {
        done += weight[i];
        ctx.span = span;
        ctx.advance!(within(span, done, total));
      }
      const paused = ctx.pause?.();
      if (paused) await paused;
    }
  } finally {
    ctx.span = span;
  }
}

const SHARED = -1;

/**
 * Which slice extracts each file of a container (SHARED: every slice walks it), the same in
 * every slice: it depends only on the container's listing and the bytes that identify images.
 * Reported-unreadable files are slice 0's (left undefined here: recorded by `records`).
 */
async function dealFiles(c: OpenedContainer, slice: ImageSlice): Promise<(number | undefined)[]> {
  const owners: (number | undefined)[] = new Array<number | undefined>(c.files.length);
  const dealt: number[] = [];
  for (const [i, f] of c.files.entries()) {
    if (f.unreadable) continue;
    if (f.view && f.size >= slice.minBytes && (await opensShared(f))) owners[i] = SHARED;
    else dealt.push(i);
  }
  // Largest first, each to the slice with the fewest bytes so far (ties: the lowest index).
  dealt.sort((a, b) => c.files[b].size - c.files[a].size || a - b);
  const load = new Array<number>(slice.count).fill(0);
  for (const i of dealt) {
    let best = 0;
    for (let k = 1; k < slice.count; k++) if (load[k] < load[best]) best = k;
    owners[i] = best;
    load[best] += c.files[i].size;
  }
  return owners;
}

/** isSharedContainer of a container's file. */
async function opensShared(f: OpenedContainer['files'][number]): Promise<boolean> {
  let src: RandomAccessSource | undefined;
  try {
    src = await f.open();
    return await isSharedContainer(src, f.name);
  } catch {
    return false; // its owner reports why it cannot be read
  } finally {
    await src?.close();
  }
}

/** vdex: the DEX files it embeds are scanned as DEX; compact DEX falls back to a raw scan. */
async function extractVdex(src: RandomAccessSource, item: ScanItem, ctx: ArtifactContext): Promise<void> {
  const buf = await readWhole(src, item.relPath, ctx);
  if (!buf) return;
  const info = readVdex(buf);
  if (info.compactDex || info.dexFiles.length === 0) {
    await scanRawSource(src, { path: item.relPath, source: 'file' }, ctx);
    return;
  }
  info.dexFiles.forEach(([off, size], i) => {
    scanDex(buf.subarray(off, off + size), { path: item.relPath, entry: i === 0 ? 'classes.dex' : `classes${i + 1}.dex`, source: 'dex' }, ctx);
  });
  if (ctx.variantToggles?.size) readPreoptedCode(buf, info.dexFiles, item.relPath, ctx.variantToggles, ctx);
}

/**
 * A vdex's code, when it may be a catalogued variant client's (a build that preopts its apps
 * strips classes.dex from the APK into `oat/<isa>/<name>.vdex`): one of its DEX files names
 * classes under such a client's package (`Lcom/evenwell/autoregistration/`) or a toggle's name.
 * What it loads of resource ids (readDexCode) becomes a PreoptedCodeFact, which evaluation reads
 * for the APK beside it as it reads the APK's own classes.dex (PackageFacts.toggleIds). The
 * search for those names is a native string search over the DEX bytes: other vdex files cost
 * nothing more.
 */
function readPreoptedCode(buf: Buffer, dexFiles: readonly [number, number][], path: string, toggles: ReadonlyMap<string, readonly string[]>, ctx: ArtifactContext): void {
  const keys = [...new Set([...toggles.values()].flat())];
  const names = new Set(keys.map((k) => k.slice(k.indexOf('/') + 1)));
  const needles = [...[...toggles.keys()].map((p) => `L${p.replace(/\./g, '/')}/`), ...names].map((n) => Buffer.from(n, 'utf8'));
  const dexes = dexFiles.map(([off, size]) => buf.subarray(off, off + size));
  if (!dexes.some((d) => needles.some((n) => d.indexOf(n) >= 0))) return;
  const codes: DexCode[] = [];
  const errors: string[] = [];
  dexes.forEach((dex, i) => {
    try {
      codes.push(readDexCode(dex, { names }));
    } catch (e) {
      if (!(e instanceof FormatError)) throw e;
      const entry = i === 0 ? 'classes.dex' : `classes${i + 1}.dex`;
      errors.push(`${entry}: ${e.reason}`);
      ctx.unreadable.push({ path: `${path}!/${entry}`, format: 'dex', reason: `its code cannot be read for the resource ids it loads (${e.reason}): which variant of a catalogued client it selects is not known` });
    }
  });
  const fact: PreoptedCodeFact = { path, ...codeIdsOf(codes, keys) };
  if (errors.length) fact.error = errors.join('; ');
  ctx.preoptedCode.push(fact);
}

/**
 * Inside a ZIP (an APEX's `apex_payload.img`, a compressed APEX's `original_apex`): an entry that
 * is an image or archive is opened by offset (STORED) or inflated/spilled (deflated) and scanned
 * as a container. Returns false when the entry is not one, to scan it as usual.
 */
async function extractContainerEntry(src: RandomAccessSource, entry: ZipEntry, path: string, file: ArtifactFile, ctx: ArtifactContext): Promise<boolean> {
  if (!/\.img$/i.test(entry.name) && entry.name !== 'original_apex') return false;
  const depth = (file.depth ?? 0) + 1;
  if (depth > ctx.limits.maxContainerDepth) return false;
  const relPath = `${path}!/${entry.name}`;
  let inner: RandomAccessSource;
  try {
    inner = await openZipEntry(src, entry, containerOptions(ctx));
  } catch (e) {
    ctx.unreadable.push(unreadableFrom(relPath, e, 'zip'));
    return true;
  }
  let handed = false;
  try {
    const head = inner.size >= 4 ? await inner.read(0, Math.min(8, inner.size)) : Buffer.alloc(0);
    const isZip = head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;
    if (!isZip && !(await sniffContainer(inner, head, entry.name))) return false;
    const item: ScanItem = { relPath, partition: file.partition, partitionPath: nestedPartitionPath(relPath, file), size: inner.size, depth };
    handed = true;
    await extractSource(item, async () => inner, ctx);
    return true;
  } catch (e) {
    ctx.unreadable.push(unreadableFrom(relPath, e, 'zip'));
    return true;
  } finally {
    if (!handed) await inner.close();
    ctx.endpoints.setArtifact(file.relPath);
  }
}

async function readWhole(src: RandomAccessSource, path: string, ctx: ArtifactContext): Promise<Buffer | undefined> {
  if (src.size > ctx.limits.maxEntryBytes) {
    ctx.unreadable.push({ path, format: 'file', reason: `larger than the ${ctx.limits.maxEntryBytes}-byte cap for parsed files; not parsed` });
    await scanRawSource(src, { path, source: 'file' }, ctx);
    return undefined;
  }
  return src.read(0, src.size);
}

async function extractTextProps(src: RandomAccessSource, file: ArtifactFile, name: string, ctx: ArtifactContext): Promise<void> {
  const buf = await readWhole(src, file.relPath, ctx);
  if (!buf) return;
  const sku = skuOfInitRc(name);
  if (sku) {
    ctx.skuFiles.push({ sku, path: file.relPath, props: parseInitRcSetprops(buf, file.relPath) });
    ctx.scanner.scan(buf, 0, buf.length, { path: file.relPath, source: 'file' }, ctx.endpoints);
    return;
  }
  ctx.propFiles?.set(file.relPath, file.partitionPath);
  appendAll(ctx.props, parseBuildProp(buf, file.relPath));
  ctx.scanner.scan(buf, 0, buf.length, { path: file.relPath, source: 'prop' }, ctx.endpoints);
}

/**
 * Raw byte scan in overlapping chunks, so a file of any size is scanned in bounded memory. Only
 * the ranges that can hold data are read: the gaps of a virtual image (sparse DONT_CARE, holes,
 * OTA ZERO operations) are zeros and are skipped.
 */
async function scanRawSource(src: RandomAccessSource, base: EvidenceBase, ctx: ArtifactContext, mentions = false): Promise<void> {
  const chunk = ctx.limits.chunkBytes;
  // Longer than any token: hosts are at most 253 characters plus a scheme, and in UTF-16 text
  // each character is 2 bytes (a 253-character host's URL: 520 bytes).
  let context = RAW_CONTEXT;
  const ranges = dataRanges(src);
  const whole = ranges.length === 1 && ranges[0][0] === 0 && ranges[0][1] === src.size;
  // A large text file (a properties, JSON or XML file, or plain text, by its name and first
  // bytes) is read chunk by chunk as scanFile reads a small one, decoded (scanTextChunk): with
  // the context of a base64 run's longest length (TEXT_CONTEXT), so that a run or an escaped
  // name that starts in a chunk's window is read whole.
  let kind: TextKind | undefined;
  if (whole && src.size > chunk + context) {
    kind = textKindOf(basename(base.path), await src.read(0, 512));
    if (kind) context = TEXT_CONTEXT;
  }
  // Chunks are read into a buffer lent by the thread's pool (the one entries are inflated
  // into), not a new one each: a file of any size costs one buffer, reused. A source without
  // readInto (bytes already in memory) hands out views.
  const lease = src.readInto ? entryScratch.take(Math.min(src.size, chunk + 2 * context)) : undefined;
  const readAt = (pos: number, len: number): Promise<Buffer> => (lease ? src.readInto!(pos, len, lease) : src.read(pos, len));
  try {
    if (whole && src.size <= chunk + context) {
      const buf = await readAt(0, src.size);
      ctx.scanner.scanFile(buf, basename(base.path), base, ctx.endpoints);
      if (mentions && src.size <= MENTION_MAX_FILE) recordMentions(buf, base, ctx);
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
        if (kind) ctx.scanner.scanTextChunk(buf, kind, base, ctx.endpoints, (p) => lo + p, window);
        else ctx.scanner.scan(buf, 0, buf.length, base, ctx.endpoints, (p) => lo + p, window);
        if (span) {
          done += window.to - window.from;
          ctx.advance!(within(span, done, total));
        }
        const paused = ctx.pause?.();
        if (paused) await paused;
      }
    }
  } finally {
    if (lease) entryScratch.give(lease);
  }
}

/** The bytes a chunk of a raw file reads on each side of its window: more than any token's (scanRawSource). */
const RAW_CONTEXT = 1024;

/** Only small text-like files are searched for package mentions (configs, whitelists). */
const MENTION_MAX_FILE = 4 * 1024 * 1024;

/** Catalogued package ids named in a plain file (a CAF whitelist): mentions, never installs. */
function recordMentions(buf: Buffer, base: EvidenceBase, ctx: ArtifactContext): void {
  const search = mentionSearchOf(ctx.mentionPackages);
  // Each package's first occurrence standing as a whole name; pushed in the packages' order.
  const firstAt = new Array<number>(search.names.length).fill(-1);
  for (const g of search.groups) {
    let left = g.members.length;
    for (let from = 0; left > 0; ) {
      const i = buf.indexOf(g.prefix, from);
      if (i < 0) break;
      from = i + 1;
      const before = i > 0 ? buf[i - 1] : 0x20;
      if (isIdentByte(before)) continue;
      for (const m of g.members) {
        if (firstAt[m] >= 0) continue;
        const bytes = search.bytes[m];
        const end = i + bytes.length;
        if (end > buf.length) continue;
        let k = g.prefix.length;
        while (k < bytes.length && buf[i + k] === bytes[k]) k++;
        if (k < bytes.length) continue;
        const after = end < buf.length ? buf[end] : 0x20;
        if (isIdentByte(after)) continue;
        firstAt[m] = i;
        left--;
      }
    }
  }
  for (let m = 0; m < firstAt.length; m++) {
    if (firstAt[m] >= 0) ctx.mentions.push({ package: search.names[m], evidence: { path: base.path, source: base.source, offset: firstAt[m] } });
  }
}

/**
 * The packages grouped by their first (up to) four bytes: one `indexOf` pass per group instead of
 * one per package (the catalog's 30 packages all start with `com.`: 30 passes over every plain
 * file had made /usr/share, 875 MB, take 3.4 s in this search alone). Exact: a package id is
 * made of name bytes only (letters, digits, `_`, `.`: catalog schema), so an occurrence that
 * overlaps an earlier one of the same package never stands as a whole name, and checking every
 * occurrence finds the same first whole one as skipping past each.
 */
interface MentionSearch {
  names: string[];
  bytes: Buffer[];
  groups: { prefix: Buffer; members: number[] }[];
}

const mentionSearches = new WeakMap<ReadonlySet<string>, MentionSearch>();

function mentionSearchOf(packages: ReadonlySet<string>): MentionSearch {
  let s = mentionSearches.get(packages);
  if (!s) {
    const names = [...packages];
    const bytes = names.map((n) => Buffer.from(n, 'latin1'));
    const byPrefix = new Map<string, number[]>();
    names.forEach((n, m) => {
      const key = n.slice(0, 4);
      const members = byPrefix.get(key);
      if (members) members.push(m);
      else byPrefix.set(key, [m]);
    });
    s = { names, bytes, groups: [...byPrefix].map(([key, members]) => ({ prefix: Buffer.from(key, 'latin1'), members })) };
    mentionSearches.set(packages, s);
  }
  return s;
}

function isIdentByte(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2e;
}

/**
 * True when `buf` lies at the start of `lease` (the entry was inflated or read into its own lease),
 * false when it is a view of other bytes: a STORED entry of a ZIP held in memory is a view of the
 * enclosing entry's bytes.
 */
export function isLeaseView(buf: Buffer, lease: Buffer | undefined): boolean {
  return lease !== undefined && buf.buffer === lease.buffer && buf.byteOffset === lease.byteOffset && buf.length <= lease.length;
}

/**
 * A DEX: its strings by its string table (scanDexStrings), and every other byte of it raw, in the
 * same evidence: code (a `fill-array-data` payload spells a host as a byte[] or a UTF-16 char[]),
 * link_data, the bytes after its map list, between its sections and past its file_size are as
 * readable to the app as its strings, and a scan of the string data alone missed them (red team).
 * The raw scan skips the span scanDexStrings scanned as one (its strings and the bytes between
 * them), so no byte is scanned twice; strings scanned one by one (spread over the file), or a DEX
 * whose header cannot be read, leave the whole buffer to the raw scan, onceEach keeping each
 * occurrence once. A header that cannot be read still throws, after the raw scan.
 * `after`: 'discard' when nothing reads `buf` after the scan. `sink`: a onceEach sink of a caller
 * that has scanned all of `buf` raw already: then only the strings are scanned.
 */
function scanDex(buf: Buffer, base: EvidenceBase, ctx: ArtifactContext, after: 'restore' | 'discard' = 'restore', sink?: EndpointSink): void {
  if (sink) {
    scanDexStrings(buf, base, ctx.scanner, sink, { after });
    return;
  }
  const sinks = onceEach(ctx.endpoints);
  let scanned: DexStringSpan = null;
  try {
    scanned = scanDexStrings(buf, base, ctx.scanner, sinks.second, { after });
  } finally {
    // Outside the span only: the string data in it may be left with its length prefixes zeroed ('discard').
    const [lo, hi] = scanned ?? [buf.length, buf.length];
    ctx.scanner.scan(buf, 0, lo, base, sinks.first);
    ctx.scanner.scan(buf, hi, buf.length, base, sinks.first);
    sinks.done();
  }
}

/** Hits onceEach holds back: past them the first pass's hits go straight on (a repeat is possible, never a loss). */
const ONCE_EACH_CAP = 1 << 16;

/**
 * Sinks for the same bytes scanned twice, raw and then by their structure (a DEX not named as
 * code, a Hermes bundle's string table): the raw pass's hits are held until `done`, which drops
 * those the structured pass gave at the same offset, so each occurrence is one piece of evidence
 * (the structured pass's: it says what the string is), counted once, and what only the raw pass
 * sees is kept. `done` must run whatever the second pass did (it may throw on a malformed file).
 * Saturation is the collector's, asked through either.
 */
function onceEach(sink: EndpointSink): { first: EndpointSink; second: EndpointSink; done(): void } {
  const held: EndpointHit[] = [];
  const seen = new Set<string>();
  const key = (h: EndpointHit): string => `${h.kind}\0${h.value}\0${h.evidence.offset ?? -1}`;
  const asks = { saturated: sink.saturated?.bind(sink), lists: sink.lists?.bind(sink) };
  return {
    first: {
      ...asks,
      add(h) {
        if (held.length < ONCE_EACH_CAP) held.push(h);
        else sink.add(h);
      },
    },
    second: {
      ...asks,
      add(h) {
        seen.add(key(h));
        sink.add(h);
      },
    },
    done() {
      for (const h of held) if (!seen.has(key(h))) sink.add(h);
      held.length = 0;
      seen.clear();
    },
  };
}

/**
 * Data scanned raw, and when it is Hermes bytecode (React Native's `assets/index.android.bundle`,
 * by its magic whatever its name) each string of its string table on its own as well
 * (scanHermesStrings): the compiler stores them end to end, overlapping, and a raw scan reads a
 * literal glued to its neighbours (`10659401POST`). A bundle whose header or string table cannot
 * be read (a version other than 74-99, sections past its end) is unreadable, and scanned raw as
 * before. A hit both passes make (the same endpoint at the same offset) is counted once
 * (onceEach).
 */
function scanBytes(buf: Buffer, base: EvidenceBase, path: string, ctx: ArtifactContext): void {
  if (!isHermesBytecode(buf)) {
    ctx.scanner.scanFile(buf, basename(path), base, ctx.endpoints);
    return;
  }
  const sinks = onceEach(ctx.endpoints);
  ctx.scanner.scan(buf, 0, buf.length, base, sinks.first);
  try {
    scanHermesStrings(buf, base, ctx.scanner, sinks.second);
  } catch (e) {
    if (!(e instanceof FormatError)) throw e;
    const u: UnreadableFact = { path, format: 'hermes', reason: `${e.reason}; its string table not read, its bytes scanned raw` };
    if (e.offset !== undefined) u.offset = e.offset;
    ctx.unreadable.push(u);
  } finally {
    sinks.done();
  }
}

function sourceOfEntry(name: string): Source {
  if (/^lib\/[^/]+\/[^/]+\.so$/.test(name) || name.endsWith('.so')) return 'native';
  if (name.startsWith('assets/') || name.startsWith('res/raw/')) return 'asset';
  return 'file';
}

/**
 * A ZIP whose ZIP64 end record names another central directory than its end record: Android
 * (libziparchive) reads the end record's, java.util.zip and Python's zipfile the ZIP64 one. The
 * first is read; the other is unreadable (its entries' bytes are scanned raw, as bytes no entry holds).
 */
function reportOtherDirectory(zip: ZipArchive, path: string, ctx: ArtifactContext): void {
  const o = zip.otherDirectory;
  if (!o) return;
  ctx.unreadable.push({
    path,
    format: 'zip',
    reason: `two central directories: Android installs from the end record's (${zip.entries.length} entries at ${zip.cdOffset}); its ZIP64 end record names another (${o.count} entries at ${o.offset}), which java.util.zip and Python's zipfile read, and which was not read as entries`,
    offset: o.offset,
  });
}

/** How a ZIP was found, for extractZip. */
interface ZipFound {
  /** Already opened by whoever found it (zipAfterData): not opened again. */
  opened?: ZipArchive;
  /** Found by its content after other data, which its caller read as what it is: bytes before its first entry are reported (Janus) only when it is an APK. */
  prefixIsData?: boolean;
  /** All of its bytes were scanned raw by its caller: those between its parts are not scanned again. */
  scannedRaw?: boolean;
}

/**
 * An APK, JAR or ZIP, entry by entry: every entry, the bytes outside them a reader hands to an
 * app or that no part holds, and the package its manifest declares.
 */
async function extractZip(src: RandomAccessSource, path: string, file: ArtifactFile, ctx: ArtifactContext, depth: number, found: ZipFound = {}): Promise<void> {
  let zip: ZipArchive;
  try {
    zip = found.opened ?? (await openZip(src));
  } catch (e) {
    if (e instanceof FormatError) e.path = path;
    ctx.unreadable.push(unreadableFrom(path, e, 'zip'));
    return;
  }
  reportOtherDirectory(zip, path, ctx);
  for (const dup of zip.duplicates) {
    if (dup === 'AndroidManifest.xml' || /^classes\d*\.dex$/.test(dup) || dup === 'resources.arsc') {
      ctx.unreadable.push({ path, format: 'zip', reason: `duplicate entry ${JSON.stringify(dup)}: a second copy can hide code from review` });
    }
  }
  // Janus (CVE-2017-13156): bytes before the first local header run as a DEX on unpatched
  // Android (ART opens a file by its magic). They are scanned, and an APK, a JAR or ZIP of DEX
  // code, or any archive behind a DEX fails closed. Before a ZIP of files only (a
  // self-extracting stub) they are data: scanned, not an error.
  if (zip.prefixBytes > 0) {
    const head = await src.read(0, Math.min(zip.prefixBytes, ctx.limits.maxEntryBytes));
    const isJanusDex = head.length >= 8 && isDex(head);
    // Found after data its caller read as what it is (a gzip'd file, an asset), only an APK's.
    const apk = zip.entries.some((e) => e.name === 'AndroidManifest.xml');
    const code = apk || zip.entries.some((e) => /^classes\d*\.dex$/.test(e.name));
    if (found.prefixIsData ? apk : isJanusDex || code) {
      ctx.unreadable.push({
        path,
        format: 'zip',
        reason: `${zip.prefixBytes} bytes${isJanusDex ? ' of DEX' : ''} before the first local header (Janus, CVE-2017-13156): code hidden from ZIP readers`,
        offset: 0,
      });
    } else if (zip.prefixBytes > ctx.limits.maxEntryBytes && !found.prefixIsData) {
      ctx.unreadable.push({ path, format: 'zip', reason: `${zip.prefixBytes} bytes before the first local header, more than the ${ctx.limits.maxEntryBytes}-byte entry cap: only the first were scanned`, offset: 0 });
    }
    // Found after data its caller read as what it is, they were scanned there.
    if (!found.prefixIsData) {
      if (isJanusDex) scanDex(head, { path, source: 'dex' }, ctx);
      else ctx.scanner.scan(head, 0, head.length, { path, source: 'file' }, ctx.endpoints);
    }
  }
  let manifest: PackageFacts | undefined;
  let resourcesMap: ResourcesMapAttr | undefined;
  const overlayValues: PackageFacts['resources'] = [];
  const tables: ArscTable[] = [];
  const signatureNames = signatureFilesOf(zip);
  for (const entry of zip.entries) {
    ctx.stats.entries++;
    const base: EvidenceBase = { path, entry: entry.name, source: 'file' };
    // A folder's entry, unless it holds data (a reader asked for it by name returns that).
    if (entry.name.endsWith('/') && entry.uncompressedSize === 0 && entry.compressedSize === 0) continue;
    if (isSignatureMaterial(entry.name, signatureNames)) continue; // parsed for signers
    const over = zip.overlaps.get(entry.index);
    if (over !== undefined) {
      ctx.unreadable.push({ path: `${path}!/${entry.name}`, format: 'zip', reason: overlapReason(zip, over) });
      continue;
    }
    if (entry.flags & 1) {
      // Its bytes are ciphertext (and Android's ZipFile refuses the archive): what it holds cannot be seen.
      ctx.unreadable.push({ path: `${path}!/${entry.name}`, format: 'zip', reason: 'encrypted (general-purpose flag bit 0): what it holds cannot be read without its key; not scanned' });
      continue;
    }
    if (entry.method !== 0 && entry.method !== 8 && entry.compressedSize !== entry.uncompressedSize) {
      // Another method is read as STORED (as Android's resource loader reads it) when its data is
      // its size; data of another size is compressed by a method (bzip2, LZMA, zstd...) that is
      // not decoded here, and could hide anything.
      ctx.unreadable.push({ path: `${path}!/${entry.name}`, format: 'zip', reason: `compressed with method ${entry.method} (${entry.compressedSize} bytes for ${entry.uncompressedSize}), which is not decoded (only STORED and DEFLATE are); not scanned` });
      continue;
    }
    if (await extractContainerEntry(src, entry, path, file, ctx)) continue; // an image or archive inside (APEX payload)
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
      let buf: Buffer;
      try {
        // A root classes*.dex is read whole: its code and unused bytes are scanned with its
        // strings (scanDex).
        buf = await readEntry(src, entry, { maxBytes: ctx.limits.maxEntryBytes, out: lease });
      } catch (e) {
        const reason = e instanceof EntryTooLargeError ? `${e.reason}; not scanned` : e instanceof FormatError ? e.reason : String(e);
        ctx.unreadable.push({ path: `${path}!/${entry.name}`, format: 'zip', reason });
        continue;
      }
      try {
        // Only a buffer of the entry's own (its lease) may be left changed by the DEX scan: a STORED
        // entry of a ZIP held in memory is a view of the enclosing entry's bytes, which other
        // (overlapping) entries and the signing block may still be read from.
        const setManifest = (m: PackageFacts, map: ResourcesMapAttr | undefined): void => {
          manifest = m;
          resourcesMap = map;
        };
        await extractEntry(entry, buf, base, path, file, ctx, depth, setManifest, overlayValues, tables, isLeaseView(buf, lease) ? 'discard' : 'restore');
      } catch (e) {
        ctx.unreadable.push(unreadableFrom(`${path}!/${entry.name}`, e, 'entry'));
      }
    } finally {
      if (lease) entryScratch.give(lease);
    }
    // A stored entry whose data runs past its size: Android and this reader read its size,
    // java.util.zip.ZipFile its data's size (an app reading its own APK gets the rest too).
    if (entry.method !== 8 && entry.compressedSize > entry.uncompressedSize) await scanStoredTail(src, entry, base, path, ctx);
  }
  await scanOutsideEntries(src, zip, path, ctx, !found.scannedRaw);
  if (manifest) {
    // An overlay's values, and a catalogued client's own (its default `isCnVersion`, say: a
    // variant toggle in the base APK, where no overlay changes it).
    if (manifest.overlay && resourcesMap) await applyResourcesMap(src, zip, manifest, resourcesMap, tables, overlayValues, ctx);
    else if (overlayValues.length && manifest.overlay) manifest.resources = overlayValues;
    else if (overlayValues.length && ctx.mentionPackages.has(manifest.package)) {
      // A client's own: its default values, its bools in every configuration, and its strings
      // holding a URL in every configuration (a server slot set for API 21+; no localised text).
      const own = overlayValues.filter((v) => !(v as { config?: string }).config || v.type === 'bool' || (v.type === 'string' && typeof v.value === 'string' && v.value.includes('://')));
      if (own.length) manifest.resources = own;
    }
    // A catalogued client's <overlayable> blocks: which of its toggles an overlay may change.
    if (!manifest.overlay && ctx.mentionPackages.has(manifest.package) && tables.length) {
      const overlayable = overlayableFacts(tables[0]);
      if (overlayable) manifest.overlayable = overlayable;
    }
    // A catalogued variant client's code: does it load the ids its table gives the toggles?
    const toggleKeys = manifest.overlay ? undefined : ctx.variantToggles?.get(manifest.package);
    if (toggleKeys?.length) await readToggleIds(src, zip, path, manifest, toggleKeys, tables[0], ctx);
    if (zip.duplicates.length) (manifest.warnings ??= []).push(`duplicate entries: ${zip.duplicates.join(', ')}`);
    if (zip.prefixBytes > 0) (manifest.warnings ??= []).push(`${zip.prefixBytes} bytes before the first local header (Janus)`);
    const signers = await readApkSigners(src, zip, { maxBytes: Math.min(ctx.limits.maxEntryBytes, 64 * 1024 * 1024) });
    manifest.signerSha256 = signerDigests(signers);
    if (signers.warnings.length) (manifest.warnings ??= []).push(...signers.warnings.slice(0, 5));
    ctx.packages.push(manifest);
  }
}

/**
 * The `<overlayable>` blocks of a table's first package (idmap2 reads the target's package at
 * index 0), their resource ids named `type/name` as the table names them (ids it holds no value
 * for are left out: nothing a toggle reads). Undefined when it declares none.
 */
function overlayableFacts(table: ArscTable): OverlayableFact[] | undefined {
  const pkg = table.packages[0];
  if (!pkg || pkg.overlayables.length === 0) return undefined;
  const names = new Map<number, string>();
  for (const v of pkg.values) if (!names.has(v.id)) names.set(v.id, `${v.type}/${v.name}`);
  return pkg.overlayables.map((o) => ({
    name: o.name,
    ...(o.actor ? { actor: o.actor } : {}),
    policies: o.policies,
    resources: [...new Set(o.ids.flatMap((id) => names.get(id) ?? []))],
  }));
}

/**
 * A catalogued variant client's toggles `keys` that its table names, with the evidence in its
 * classes*.dex that its code loads the id the table gives each (readDexCode): the literal of a
 * `const`/`const-high16`, an `R$<type>` static field named for it holding it (or another id:
 * `fieldIds`), or `getIdentifier` beside the name in one DEX. Sets `toggleCodeError` (evaluation
 * then takes what the code reads as unknown) where a classes.dex cannot be read or decoded; the
 * reason is also an unreadable fact. An APK without classes.dex (its code preopted into oat/) is
 * not checked: its toggles load `stripped`, and it has a warning.
 */
async function readToggleIds(src: RandomAccessSource, zip: ZipArchive, path: string, pkg: PackageFacts, keys: readonly string[], table: ArscTable | undefined, ctx: ArtifactContext): Promise<void> {
  const ids = new Map<string, number>();
  for (const v of table?.packages[0]?.values ?? []) {
    const key = `${v.type}/${v.name}`;
    if (keys.includes(key) && !ids.has(key)) ids.set(key, v.id >>> 0);
  }
  if (ids.size === 0) return; // no toggle the table names: evaluation says so
  const dexEntries = zip.entries.filter((e) => /^classes\d*\.dex$/.test(e.name));
  const names = new Set([...ids.keys()].map((k) => k.slice(k.indexOf('/') + 1)));
  const codes: DexCode[] = [];
  const errors: string[] = [];
  if (dexEntries.length === 0) {
    // No code in the APK: a build that preopts its apps (Android 8 and 9's default) strips
    // classes.dex into oat/<isa>/<name>.vdex beside it, read for these ids by its own worker
    // (readPreoptedCode) and joined by evaluation; without one the toggle is taken by its name,
    // and the package says so.
    pkg.toggleIds = [...ids].map(([key, id]): ToggleIdFact => ({ key, id, loads: ['stripped'] }));
    (pkg.warnings ??= []).push(`no classes.dex (stripped into oat/ by a preopting build, or no code): which resource ids its code loads for ${[...ids.keys()].join(', ')} is checked in the vdex beside it (oat/<isa>/<name>.vdex) where one is read, else not (the toggle read by its name)`);
    return;
  }
  for (const entry of dexEntries) {
    try {
      const buf = await readEntry(src, entry, { maxBytes: ctx.limits.maxEntryBytes });
      codes.push(readDexCode(buf.subarray(0, entry.uncompressedSize), { names }));
    } catch (e) {
      const reason = e instanceof FormatError ? e.reason : e instanceof Error ? e.message : String(e);
      errors.push(`${entry.name}: ${reason}`);
      ctx.unreadable.push({ path: `${path}!/${entry.name}`, format: 'dex', reason: `its code cannot be read for the resource ids it loads (${reason}): which variant of ${pkg.package} it selects is not known` });
    }
  }
  const code = codeIdsOf(codes, [...ids.keys()]);
  pkg.toggleIds = [...ids].map(([key, id]) => toggleIdOf(key, id, [code]));
  if (errors.length) pkg.toggleCodeError = errors.join('; ');
}

/**
 * An overlay with android:resourcesMap (Android 11+): its resources, for the variant decision, are
 * the target resources its map sets, under the target's names (resources-map.ts), and not its own
 * resources of the same name, unless some Android version finds no map in its manifest (then
 * both). A map that cannot be read is recorded on the overlay (`resourcesMapError`): evaluation
 * takes it as setting any resource of the target to anything (fail closed).
 */
async function applyResourcesMap(
  src: RandomAccessSource,
  zip: ZipArchive,
  pkg: PackageFacts,
  map: ResourcesMapAttr,
  tables: readonly ArscTable[],
  sameName: NonNullable<PackageFacts['resources']>,
  ctx: ArtifactContext,
): Promise<void> {
  const overlay = pkg.overlay!;
  const values: NonNullable<PackageFacts['resources']> = map.sameNameToo ? [...sameName] : [];
  const paths: string[] = [];
  let error = map.error;
  if (error === undefined) {
    const res = new OverlayResources(tables);
    if (tables.length === 0) error = 'the overlay has no resources.arsc to resolve it in';
    for (const ref of map.refs) {
      if (error !== undefined) break;
      let file: string | undefined;
      try {
        file = mapPathOf(res, ref);
        paths.push(file);
        const buf = await readMapFile(src, zip, file, ctx);
        appendAll(values, readResourcesMap(buf, res, overlay.targetPackage));
      } catch (e) {
        const why = e instanceof ResourcesMapError ? e.message : e instanceof Error ? e.message : String(e);
        error = `android:resourcesMap${file === undefined ? '' : ` ${JSON.stringify(file)}`} cannot be read: ${why}`;
      }
    }
  }
  if (paths.length) overlay.resourcesMap = paths;
  if (error !== undefined) {
    overlay.resourcesMapError = error;
    (pkg.warnings ??= []).push(`${error}; the overlay is taken as setting any resource of ${overlay.targetPackage}`);
  }
  if (values.length) pkg.resources = values;
}

/** The bytes of the APK's one entry named `name` (the map XML), or ResourcesMapError. */
async function readMapFile(src: RandomAccessSource, zip: ZipArchive, name: string, ctx: ArtifactContext): Promise<Buffer> {
  const entries = zip.entries.filter((e) => e.name === name);
  if (entries.length === 0) throw new ResourcesMapError('no such file in the APK');
  if (entries.length > 1) throw new ResourcesMapError(`${entries.length} entries of that name`);
  const entry = entries[0];
  if (entry.flags & 1) throw new ResourcesMapError('the entry is encrypted');
  if (entry.method !== 0 && entry.method !== 8 && entry.compressedSize !== entry.uncompressedSize) throw new ResourcesMapError(`compressed with method ${entry.method}, which is not decoded`);
  try {
    return await readEntry(src, entry, { maxBytes: Math.min(ctx.limits.maxEntryBytes, 64 * 1024 * 1024) });
  } catch (e) {
    throw new ResourcesMapError(e instanceof FormatError ? e.reason : e instanceof Error ? e.message : String(e));
  }
}

async function extractEntry(
  entry: ZipEntry,
  buf: Buffer,
  base: EvidenceBase,
  path: string,
  file: ArtifactFile,
  ctx: ArtifactContext,
  depth: number,
  setManifest: (m: PackageFacts, resourcesMap: ResourcesMapAttr | undefined) => void,
  overlayValues: NonNullable<PackageFacts['resources']>,
  tables: ArscTable[],
  after: 'restore' | 'discard' = 'restore',
): Promise<void> {
  const name = entry.name;
  if (name === 'AndroidManifest.xml') {
    try {
      const doc = parseAxml(buf);
      const m = extractManifest(doc);
      for (const strings of [doc.strings, ...doc.otherPools]) scanPoolStrings(strings, { ...base, source: 'xml' }, ctx.scanner, ctx.endpoints);
      scanTypedIntegers(doc, { ...base, source: 'xml' }, ctx);
      // What follows the document: in the entry an app can read (PackageManager does not).
      scanAfterChunk(buf, base, ctx);
      const pkg: PackageFacts = {
        path,
        partition: file.partition,
        partitionPath: nestedPartitionPath(path, file),
        package: m.package,
        permissions: m.permissions,
        bootCompleted: m.bootCompleted,
        signerSha256: [],
      };
      if (m.versionCode !== undefined) pkg.versionCode = m.versionCode;
      if (m.versionName !== undefined) pkg.versionName = m.versionName;
      if (m.sharedUserId !== undefined) pkg.sharedUserId = m.sharedUserId;
      if (m.overlay) {
        // The target SDK Android computes (targetSdkVersion, else minSdkVersion, else 1), where
        // it can be told: the overlay's <overlayable> enforcement depends on it.
        const targetSdk = m.targetSdk ?? (m.sdkUnread ? undefined : (m.minSdk ?? 1));
        pkg.overlay = targetSdk === undefined ? m.overlay : { ...m.overlay, targetSdk };
      }
      const warnings = [...doc.warnings, ...m.warnings];
      if (warnings.length) pkg.warnings = warnings.slice(0, 20);
      setManifest(pkg, m.overlay ? m.resourcesMap : undefined);
    } catch (e) {
      if (e instanceof FormatError) e.path = `${path}!/${name}`;
      throw e;
    }
    return;
  }
  if (/^classes\d*\.dex$/.test(name)) {
    if (!isDex(buf)) throw new FormatError('dex', `${name} is not a DEX file (bad magic)`, 0, `${path}!/${name}`);
    try {
      scanDex(buf, { ...base, source: 'dex' }, ctx, after);
    } catch (e) {
      if (e instanceof FormatError) e.path = `${path}!/${name}`;
      throw e;
    }
    return;
  }
  if (name === 'resources.arsc') {
    try {
      const arsc = parseArsc(buf);
      tables.push(arsc); // an overlay's android:resourcesMap is resolved in it (applyResourcesMap)
      scanPoolStrings(arsc.globalStrings, { ...base, source: 'arsc' }, ctx.scanner, ctx.endpoints);
      // Resource and type names too: getResourceEntryName() and getResourceTypeName() hand them
      // to the app like any string. And pools, chunks and bytes the table does not use: in the
      // file, which an app can read as bytes.
      for (const p of arsc.packages) {
        scanPoolStrings(p.keyPoolStrings, { ...base, source: 'arsc' }, ctx.scanner, ctx.endpoints);
        scanPoolStrings(p.typePoolStrings, { ...base, source: 'arsc' }, ctx.scanner, ctx.endpoints);
      }
      for (const pool of arsc.extraPools) scanPoolStrings(pool, { ...base, source: 'arsc' }, ctx.scanner, ctx.endpoints);
      for (const [from, to] of arsc.unread) ctx.scanner.scan(buf, from, to, { ...base, source: 'file' }, ctx.endpoints);
      // Integers (TYPE_INT_DEC, TYPE_INT_HEX) that are listed SMS numbers.
      for (const p of arsc.packages) for (const v of p.values) if (v.dataType === 0x10 || v.dataType === 0x11) ctx.scanner.listedSmsNumber(v.data, { ...base, source: 'arsc' }, ctx.endpoints);
      // ...and the integer items of bags (<integer-array>, <array>).
      for (const p of arsc.packages) for (const n of p.bagIntegers) ctx.scanner.listedSmsNumber(n, { ...base, source: 'arsc' }, ctx.endpoints);
      // Default-configuration values, and bools and strings of every configuration (a toggle
      // set otherwise for API 21+ or a China MCC; a server address in values-zh).
      for (const p of arsc.packages) for (const v of p.values) if (!v.config || v.type === 'bool' || v.type === 'string') overlayValues.push(v);
    } catch (e) {
      if (e instanceof FormatError) e.path = `${path}!/${name}`;
      throw e;
    }
    return;
  }
  if (name.endsWith('.xml') && buf.length >= 8 && buf.readUInt32LE(0) === AXML_MAGIC) {
    const doc = parseAxml(buf);
    // Its strings are what is scanned: without them nothing of it would be.
    if (doc.poolError !== undefined) throw new FormatError('axml', `its string pool cannot be read (${doc.poolError}), and its strings are all that is scanned`, undefined, `${path}!/${name}`);
    for (const strings of [doc.strings, ...doc.otherPools]) scanPoolStrings(strings, { ...base, source: 'xml' }, ctx.scanner, ctx.endpoints);
    scanTypedIntegers(doc, { ...base, source: 'xml' }, ctx);
    scanAfterChunk(buf, base, ctx);
    return;
  }
  // Compiled XML by its shape, whatever its name or top chunk type (Android's parser checks
  // neither: res/xml/profile.bin, a zeroed type): its UTF-16 strings are invisible to a raw scan.
  // What does not parse is scanned raw, as before.
  if (looksLikeAxml(buf)) {
    let doc: ReturnType<typeof parseAxml> | undefined;
    try {
      doc = parseAxml(buf);
    } catch {
      doc = undefined;
    }
    if (doc && doc.poolError === undefined && !doc.plainText) {
      for (const strings of [doc.strings, ...doc.otherPools]) scanPoolStrings(strings, { ...base, source: 'xml' }, ctx.scanner, ctx.endpoints);
      scanTypedIntegers(doc, { ...base, source: 'xml' }, ctx);
      scanAfterChunk(buf, base, ctx);
      return;
    }
  }
  // An archive named as one, or a ZIP whatever its name (`assets/plugin.dat`): an app opens any
  // file as one (ZipFile, DexClassLoader), and its deflated entries are invisible to a raw scan.
  // One not named as an archive is data to the app too: its bytes are scanned raw as well. A ZIP
  // after other data (zip -A: a DEX, a gzip stream, text) is read besides what the data starts as.
  const nested = new BufferSource(buf);
  const zipMagic = buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50;
  const named = zipMagic && ZIP_NAME.test(name);
  const deep = depth + 1 >= ctx.limits.maxDepth;
  const nestedPath = `${path}!/${name}`;
  if (zipMagic) {
    if (!named) ctx.scanner.scan(buf, 0, buf.length, { ...base, source: sourceOfEntry(name) }, ctx.endpoints);
    if (!deep) {
      await extractZip(nested, nestedPath, file, ctx, depth + 1, named ? {} : { prefixIsData: true, scannedRaw: true });
      return;
    }
    tooDeep(ctx, nestedPath, 'zip', 'archives');
    if (!named) return;
  }
  const appended = zipMagic ? undefined : await zipAfterData(nested);
  if (buf.length >= 8 && isDex(buf)) {
    // A DEX anywhere but the root is data an app loads or reads itself: a header claiming no
    // strings must not hide what follows it, so all of its bytes are scanned as well (first: the
    // DEX scan may leave the buffer changed, unless a ZIP after it is still to be read).
    const sinks = ROOT_DEX.test(name) ? undefined : onceEach(ctx.endpoints);
    if (sinks) ctx.scanner.scan(buf, 0, buf.length, { ...base, source: sourceOfEntry(name) }, sinks.first);
    try {
      scanDex(buf, { ...base, source: name.startsWith('assets/') ? 'asset' : 'dex' }, ctx, appended ? 'restore' : after, sinks?.second);
    } finally {
      sinks?.done();
    }
  } else {
    const kind = mayBeCompressed(buf) ? compressionOf(buf) : undefined;
    // An image or archive (a tar, an ext4 image, a cpio) whatever the entry is named: its files
    // are what is scanned, as of one that is compressed (scanDecompressed). Only `*.img` entries
    // were opened before (extractContainerEntry), and an APK in `bundle.tar` passed unseen.
    const image = kind || appended ? undefined : await sniffContainer(nested, buf.subarray(0, 8), name);
    if (image) {
      await extractImageBytes(nested, image, nestedPath, file, ctx);
      return;
    }
    scanBytes(buf, { ...base, source: sourceOfEntry(name) }, nestedPath, ctx);
    if (kind) await scanUnpacked(kind, buf, { ...base, source: sourceOfEntry(name) }, nestedPath, file, ctx, depth);
    else if (!appended && isZlibHeader(buf)) await scanZlib(buf, { ...base, source: sourceOfEntry(name) }, nestedPath, file, ctx, depth);
  }
  if (appended && deep) {
    tooDeep(ctx, nestedPath, 'zip', 'archives');
  } else if (appended) {
    await extractZip(nested, nestedPath, file, ctx, depth + 1, { opened: appended, prefixIsData: true, scannedRaw: !ROOT_DEX.test(name) });
  }
}

/**
 * A file of the walk or of a container that starts like a gzip, xz, bzip2, zstd, LZ4 or LZMA file: when
 * it is one (compressionOf), its bytes and then what it holds are scanned, and true is returned; one
 * larger than the per-entry cap is scanned raw and is unreadable as compressed data. False when
 * it is none: the caller scans it as any other file.
 */
async function scanCompressedFile(src: RandomAccessSource, item: ScanItem, ctx: ArtifactContext): Promise<boolean> {
  const small = src.size <= ctx.limits.maxEntryBytes;
  const head = await src.read(0, Math.min(18, src.size));
  // A file under the cap that starts with skippable frames is read whole and looked at as an
  // entry is (compressionOf walks them all); a larger one by reading their headers. What may be
  // LZMA is told by decoding its first bytes (sniffLength).
  const whole = small && isSkippableFrame(head) ? await src.read(0, src.size) : undefined;
  const first = sniffLength(head) > head.length ? await src.read(0, Math.min(src.size, sniffLength(head))) : head;
  const kind = whole ? compressionOf(whole) : small ? compressionOf(first) : await compressionOfSource(src, first);
  if (!kind) return false;
  const base: EvidenceBase = { path: item.relPath, source: 'file' };
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
 * reported as compressed data not scanned, not scanned as plain data. `first`: the file's first
 * bytes, as many as sniffLength asks.
 */
async function compressionOfSource(src: RandomAccessSource, first: Buffer): Promise<Compression | undefined> {
  let at = 0;
  for (let frames = 0; at + 8 <= src.size; frames++) {
    const header = await src.read(at, 8);
    if (!isSkippableFrame(header)) break;
    if (frames === 4096) return 'zstd';
    at += 8 + header.readUInt32LE(4);
  }
  if (at >= src.size) return undefined;
  const kind = compressionOf(at === 0 ? first : await src.read(at, Math.min(18, src.size - at)));
  // After skippable frames only a zstd or LZ4 frame counts.
  return at > 0 && kind !== 'zstd' && kind !== 'lz4' ? undefined : kind;
}

/**
 * The text a gzip, xz, bzip2, zstd, LZ4 or LZMA file holds (a config an app unpacks itself), scanned at
 * offsets in the decompressed bytes; unreadable (the gate fails closed) when it does not
 * decompress. Decompression stops at the per-entry cap or at what is left of the file's
 * inflation budget, whichever is less, so a small file cannot cost time out of proportion to its
 * size (seek-bzip's decoder is JavaScript, a byte at a time); what it gives is then charged to the
 * budget, and what a refused or corrupt decoding gave is spent from it.
 */
async function scanUnpacked(kind: Compression, buf: Buffer, base: EvidenceBase, path: string, file: ArtifactFile, ctx: ArtifactContext, depth: number): Promise<void> {
  const entryCap = Math.max(1, ctx.limits.maxEntryBytes);
  // The most the file may give (the cap, or its whole budget), and what is left of its budget.
  // A decoding is given no more than is left, so a file of many bombs costs its budget once, not
  // each time; what it gives or spends is then charged. Where what is left decides the outcome
  // (less than the fixed bound, and refused), the refusal is the budget's: the slices of a shared
  // image, which spend from it in any order, learn of it (refuseForBudget) and the file is
  // extracted again whole, so the outcome does not depend on the number of threads.
  const fixed = Math.min(entryCap, ctx.inflation?.max ?? ctx.limits.maxFileInflatedBytes);
  const left = budgetLeft(ctx);
  if (left === 0) {
    refuseForBudget(ctx);
    ctx.unreadable.push({ path, format: kind, reason: `${budgetSpent(ctx)}; its ${kind} data not scanned` });
    return;
  }
  const cap = Math.min(fixed, left);
  const meter: DecodeMeter = { produced: 0 };
  let out: Buffer;
  try {
    out = await decompressCapped(kind, buf, cap, entryCap, cap, meter);
  } catch (e) {
    // What the decoding cost: the bytes it gave or the work it did (a work refusal, the bound it was given).
    spend(ctx, e instanceof PastCap && e.what === 'work' ? cap : Math.min(fixed, Math.max(meter.produced, meter.work ?? 0)));
    // Given only what was left of the budget, and refused: the budget's refusal (the slices learn
    // of it). More than the file's whole budget: refused so in any order.
    const leftDecided = e instanceof PastCap && e.what !== 'window' && cap < fixed;
    if (leftDecided) refuseForBudget(ctx);
    if (leftDecided || (e instanceof PastCap && e.what === 'output' && cap < entryCap)) {
      ctx.unreadable.push({ path, format: kind, reason: `${budgetSpent(ctx)}; its ${kind} data not scanned` });
    } else if (e instanceof PastCap && e.what === 'work') {
      ctx.unreadable.push({ path, format: kind, reason: `${kind} data that ${e.message}; not scanned` });
    } else if (e instanceof PastCap) {
      ctx.unreadable.push({ path, format: kind, reason: `${kind} data that ${e.message}, past the ${entryCap}-byte cap; not scanned` });
    } else {
      ctx.unreadable.push({ path, format: kind, reason: `${kind} data that does not decompress (${e instanceof FormatError ? e.reason : (e as Error).message}); not scanned` });
    }
    return;
  }
  // What it gave, or the work it took where that was more (a file of many tiny blocks, or of
  // blocks that each move a large window, costs its budget for that work even when it decodes).
  if (!charge(ctx, Math.max(out.length, Math.min(fixed, Math.ceil(meter.work ?? 0))))) {
    ctx.unreadable.push({ path, format: kind, reason: `${budgetSpent(ctx)}; its ${kind} data not scanned` });
    return;
  }
  await scanDecompressed(out, base, path, file, ctx, depth);
}

/**
 * What a compressed file or entry holds, recognised by its content as a file of the walk is. An
 * image's files are scanned; anything else is scanned raw and then read for what it is. An APK or
 * ZIP (also one after other data) is extracted, under the compressed file's path: a compressed system APK
 * (`priv-app/Foo/Foo.apk.gz` beside `Foo-Stub`) is installed by PackageManagerService, which
 * decompresses it at boot, and a deflated DEX inside it is invisible to a raw scan. An image
 * (`system.img.gz`, Samsung's `*.img.lz4`) is opened as the image it is; a DEX is scanned as one;
 * a further layer of compression (a gzip'd file inside an xz one) is opened in turn. Each layer
 * counts against maxDepth as an archive inside an archive does, and one past it fails closed.
 */
async function scanDecompressed(out: Buffer, base: EvidenceBase, path: string, file: ArtifactFile, ctx: ArtifactContext, depth: number): Promise<void> {
  const src = new BufferSource(out);
  const zipStart = out.length >= 4 && out.readUInt32LE(0) === 0x04034b50;
  const kind = !zipStart && mayBeCompressed(out) ? compressionOf(out) : undefined;
  const image = zipStart || kind ? undefined : await sniffContainer(src, out.subarray(0, 8), path);
  if (image) {
    await extractImageBytes(src, image, path, file, ctx);
    return;
  }
  // Anything else is scanned raw first: bytes of a ZIP that no entry holds are there for an app
  // that reads it. A ZIP after other data (zip -A; a gzip stream and then a ZIP, which gzip -d
  // reads past) is read besides what the data starts as.
  const dex = !zipStart && !kind && out.length >= 8 && isDex(out);
  const sinks = dex ? onceEach(ctx.endpoints) : undefined;
  let appended: ZipArchive | undefined;
  try {
    if (sinks) ctx.scanner.scan(out, 0, out.length, base, sinks.first);
    else scanBytes(out, base, path, ctx);
    appended = zipStart ? undefined : await zipAfterData(src);
    if ((zipStart || kind || appended) && depth + 1 >= ctx.limits.maxDepth) {
      tooDeep(ctx, path, kind ?? 'zip', 'archives or compressions');
      return;
    }
    if (kind) {
      await scanUnpacked(kind, out, base, path, file, ctx, depth + 1);
    } else if (dex) {
      try {
        scanDex(out, { ...base, source: 'dex' }, ctx, 'restore', sinks?.second);
      } catch (e) {
        ctx.unreadable.push(unreadableFrom(path, e, 'dex'));
      }
    }
  } finally {
    sinks?.done();
  }
  if (zipStart || appended) await extractZip(src, path, file, ctx, depth + 1, { opened: appended, prefixIsData: true, scannedRaw: true });
}

/**
 * Attributes compiled to integers (`<meta-data android:value="10659401"/>`: aapt keeps no raw
 * string for them) that are listed SMS numbers.
 */
function scanTypedIntegers(doc: AxmlDocument, base: EvidenceBase, ctx: ArtifactContext): void {
  for (const el of doc.elements) for (const a of el.attributes) if (a.type === TYPE_INT_DEC || a.type === TYPE_INT_HEX) ctx.scanner.listedSmsNumber(a.data, base, ctx.endpoints);
}

/** Decompressed bytes or a ZIP entry that are an image or archive, at `path` inside `file`: its files are what is scanned, as of a file of the walk that is an image. */
async function extractImageBytes(src: BufferSource, image: ContainerKind, path: string, file: ArtifactFile, ctx: ArtifactContext): Promise<void> {
  const item: ScanItem = {
    relPath: path,
    partition: file.partition,
    partitionPath: nestedPartitionPath(path, file),
    size: src.size,
    depth: (file.depth ?? 0) + 1,
    imagePartition: file.partition ? undefined : imagePartitionOf(path.replace(COMPRESSED_SUFFIX, '')),
  };
  try {
    await extractImage(item, src, image, ctx);
  } catch (e) {
    ctx.unreadable.push(unreadableFrom(path, e, image));
  } finally {
    ctx.endpoints.setArtifact(artifactOf(file.relPath));
  }
}

/**
 * A zlib stream (isZlibHeader; an asset written by Java's DeflaterOutputStream): what it holds is
 * scanned as a decompressed file's is. Bytes that start like one but do not inflate whole are no
 * zlib stream (its bytes were scanned raw): nothing is reported, as 1 in 8,000 random files has
 * the header. One past the cap or the file's budget is unreadable, as gzip data is.
 */
async function scanZlib(buf: Buffer, base: EvidenceBase, path: string, file: ArtifactFile, ctx: ArtifactContext, depth: number): Promise<void> {
  const fixed = Math.min(Math.max(1, ctx.limits.maxEntryBytes), ctx.inflation?.max ?? ctx.limits.maxFileInflatedBytes);
  const cap = Math.min(fixed, budgetLeft(ctx));
  const out = cap > 0 ? inflateZlib(buf, cap) : 'past-cap';
  if (out === undefined) return;
  if (out === 'past-cap' || !charge(ctx, out.length)) {
    if (out === 'past-cap') spend(ctx, cap);
    if (cap < fixed) refuseForBudget(ctx);
    ctx.unreadable.push({ path, format: 'zlib', reason: cap < fixed ? `${budgetSpent(ctx)}; its zlib data not scanned` : `zlib data that decompresses to more than ${fixed} bytes, past the cap; not scanned` });
    return;
  }
  if (depth + 1 >= ctx.limits.maxDepth) {
    tooDeep(ctx, path, 'zlib', 'archives or compressions');
    return;
  }
  await scanDecompressed(out, base, path, file, ctx, depth + 1);
}

/** An archive or compressed layer past maxDepth: unreadable (its bytes were scanned raw). */
function tooDeep(ctx: ArtifactContext, path: string, format: string, what: string): void {
  ctx.unreadable.push({ path, format, reason: `nested more than ${ctx.limits.maxDepth} ${what} deep: scanned as raw bytes only` });
}

/** The suffix a compressed file's name adds (`system.img.lz4`). */
const COMPRESSED_SUFFIX = /\.(gz|xz|bz2|zst|lz4|lzma)$/i;

/**
 * Whether data that does not start as a ZIP has one after it (zip -A), whatever it is named: it
 * ends like one (an end-of-central-directory record in its last 64 KiB) and opens as a ZIP of at
 * least one entry. java.util.zip and minizip read such a ZIP past what comes first. Data that
 * merely holds the signature (an ELF that embeds libziparchive) does not count.
 */
async function zipAfterData(src: RandomAccessSource): Promise<ZipArchive | undefined> {
  if (src.size >= 4 && (await src.read(0, 4)).readUInt32LE(0) === 0x04034b50) return undefined;
  if (!(await endsLikeZip(src))) return undefined;
  try {
    const zip = await openZip(src);
    return zip.entries.length > 0 ? zip : undefined;
  } catch {
    return undefined;
  }
}

function nestedPartitionPath(path: string, file: ArtifactFile): string {
  if (path === file.relPath) return file.partitionPath;
  return file.partitionPath + path.slice(file.relPath.length);
}
