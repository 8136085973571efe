/**
 * One artifact in, facts out. Recognises the format by content (ZIP, DEX, ELF, property files
 * by location), extracts packages, properties and endpoints, and turns a FormatError into an
 * `unreadable` fact: nothing thrown by a parser escapes this boundary.
 */
import { basename } from 'node:path';
import type { PackageFacts, PropEntry, Source, UnreadableFact } from '../facts.js';
import { parseArsc } from '../formats/arsc.js';
import { parseBuildProp, parseInitRcSetprops, skuOfInitRc } from '../formats/buildprop.js';
import { forEachDexString, isDex } from '../formats/dex.js';
import { FormatError } from '../formats/errors.js';
import { extractManifest, parseAxml } from '../formats/axml.js';
import { EntryTooLargeError, openZip, readEntry, type ZipArchive, type ZipEntry } from '../formats/zip.js';
import { BufferSource, FileSource, type RandomAccessSource } from '../io/source.js';
import type { FileArtifact } from '../inputs/walk.js';
import type { EndpointCollector } from './collector.js';
import type { EndpointScanner, EvidenceBase } from './endpoints.js';
import type { Limits } from './limits.js';

const ZIP_NAME = /\.(apk|apex|capex|jar|zip)$/i;
const PROP_NAME = /^(build\.prop|default\.prop|prop\.default|.*\.prop)$/;
const AXML_MAGIC = 0x00080003;

export interface ArtifactContext {
  scanner: EndpointScanner;
  endpoints: EndpointCollector;
  limits: Limits;
  /** Mutable per-input accumulators. */
  packages: PackageFacts[];
  props: PropEntry[];
  skuFiles: { sku: string; path: string; props: PropEntry[] }[];
  unreadable: UnreadableFact[];
  mentions: { package: string; evidence: { path: string; source: Source; offset?: number } }[];
  /** Package ids whose mention in a plain file is recorded (catalogued packages). */
  mentionPackages: ReadonlySet<string>;
  stats: { files: number; bytes: number; entries: number; inflatedBytes: number };
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

/** Scans one file of the walk. Never throws for bad input. */
export async function extractFile(file: FileArtifact, ctx: ArtifactContext): Promise<void> {
  ctx.stats.files++;
  ctx.stats.bytes += file.size;
  ctx.endpoints.setArtifact(file.relPath);
  let src: FileSource;
  try {
    src = await FileSource.open(file.abs);
  } catch (e) {
    ctx.unreadable.push(unreadableFrom(file.relPath, e, 'file'));
    return;
  }
  try {
    const head = src.size >= 4 ? await src.read(0, Math.min(8, src.size)) : Buffer.alloc(0);
    const name = basename(file.relPath);
    const zipMagic = head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;
    const emptyZip = head.length >= 4 && head.readUInt32LE(0) === 0x06054b50;
    if (zipMagic || emptyZip || ZIP_NAME.test(name)) {
      await extractZip(src, file.relPath, file, ctx, 0);
    } else if (PROP_NAME.test(name) || skuOfInitRc(name)) {
      await extractTextProps(src, file, name, ctx);
    } else if (head.length >= 8 && isDex(head)) {
      const buf = await readWhole(src, file.relPath, ctx);
      if (buf) scanDex(buf, { path: file.relPath, source: 'dex' }, ctx);
    } else {
      const isElf = head.length >= 4 && head.readUInt32BE(0) === 0x7f454c46;
      await scanRawSource(src, { path: file.relPath, source: isElf ? 'native' : 'file' }, ctx, !isElf);
    }
  } catch (e) {
    ctx.unreadable.push(unreadableFrom(file.relPath, e, 'file'));
  } finally {
    await src.close();
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

async function extractTextProps(src: RandomAccessSource, file: FileArtifact, name: string, ctx: ArtifactContext): Promise<void> {
  const buf = await readWhole(src, file.relPath, ctx);
  if (!buf) return;
  const text = buf.toString('utf8');
  const sku = skuOfInitRc(name);
  if (sku) {
    ctx.skuFiles.push({ sku, path: file.relPath, props: parseInitRcSetprops(text, file.relPath) });
    ctx.scanner.scan(buf, 0, buf.length, { path: file.relPath, source: 'file' }, ctx.endpoints);
    return;
  }
  ctx.props.push(...parseBuildProp(text, file.relPath));
  ctx.scanner.scan(buf, 0, buf.length, { path: file.relPath, source: 'prop' }, ctx.endpoints);
}

/** Raw byte scan in overlapping chunks, so a file of any size is scanned in bounded memory. */
async function scanRawSource(src: RandomAccessSource, base: EvidenceBase, ctx: ArtifactContext, mentions = false): Promise<void> {
  const chunk = ctx.limits.chunkBytes;
  const context = 512; // longer than any token (hosts are at most 253 bytes, plus a scheme)
  if (src.size <= chunk + context) {
    const buf = await src.read(0, src.size);
    ctx.scanner.scan(buf, 0, buf.length, base, ctx.endpoints);
    if (mentions && src.size <= MENTION_MAX_FILE) recordMentions(buf, base, ctx);
    return;
  }
  for (let pos = 0; pos < src.size; pos += chunk) {
    const lo = Math.max(0, pos - context);
    const hi = Math.min(src.size, pos + chunk + context);
    const buf = await src.read(lo, hi - lo);
    const window = { from: pos - lo, to: Math.min(pos + chunk, src.size) - lo };
    ctx.scanner.scan(buf, 0, buf.length, base, ctx.endpoints, (p) => lo + p, window);
  }
}

/** Only small text-like files are searched for package mentions (configs, whitelists). */
const MENTION_MAX_FILE = 4 * 1024 * 1024;

/** Catalogued package ids named in a plain file (a CAF whitelist): mentions, never installs. */
function recordMentions(buf: Buffer, base: EvidenceBase, ctx: ArtifactContext): void {
  for (const pkg of ctx.mentionPackages) {
    let from = 0;
    while (true) {
      const i = buf.indexOf(pkg, from, 'latin1');
      if (i < 0) break;
      from = i + pkg.length;
      const before = i > 0 ? buf[i - 1] : 0x20;
      const after = from < buf.length ? buf[from] : 0x20;
      if (isIdentByte(before) || isIdentByte(after) || after === 0x2e) continue;
      ctx.mentions.push({ package: pkg, evidence: { path: base.path, source: base.source, offset: i } });
      break;
    }
  }
}

function isIdentByte(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2e;
}

function scanDex(buf: Buffer, base: EvidenceBase, ctx: ArtifactContext): void {
  const scanner = ctx.scanner;
  forEachDexString(buf, (ref) => {
    if (ref.end - ref.start >= 4) scanner.scan(buf, ref.start, ref.end, base, ctx.endpoints);
  });
}

function sourceOfEntry(name: string): Source {
  if (/^lib\/[^/]+\/[^/]+\.so$/.test(name) || name.endsWith('.so')) return 'native';
  if (name.startsWith('assets/') || name.startsWith('res/raw/')) return 'asset';
  return 'file';
}

/** Reads a ZIP (APK, JAR, APEX...) entry by entry. */
async function extractZip(src: RandomAccessSource, path: string, file: FileArtifact, ctx: ArtifactContext, depth: number): Promise<void> {
  let zip: ZipArchive;
  try {
    zip = await openZip(src);
  } catch (e) {
    if (e instanceof FormatError) e.path = path;
    ctx.unreadable.push(unreadableFrom(path, e, 'zip'));
    return;
  }
  for (const dup of zip.duplicates) {
    if (dup === 'AndroidManifest.xml' || /^classes\d*\.dex$/.test(dup) || dup === 'resources.arsc') {
      ctx.unreadable.push({ path, format: 'zip', reason: `duplicate entry ${JSON.stringify(dup)}: a second copy can hide code from review` });
    }
  }
  let manifest: PackageFacts | undefined;
  const overlayValues: PackageFacts['resources'] = [];
  for (const entry of zip.entries) {
    ctx.stats.entries++;
    const base: EvidenceBase = { path, entry: entry.name, source: 'file' };
    if (entry.name.endsWith('/') && entry.uncompressedSize === 0) continue;
    if (/^META-INF\/[^/]+\.(RSA|DSA|EC|SF|MF)$/i.test(entry.name)) continue; // signature material, parsed for signers
    let buf: Buffer;
    try {
      if (ctx.stats.inflatedBytes + entry.uncompressedSize > ctx.limits.maxInputInflatedBytes) {
        ctx.unreadable.push({ path: `${path}!/${entry.name}`, format: 'zip', reason: `the input's ${ctx.limits.maxInputInflatedBytes}-byte inflation budget is spent; entry not scanned` });
        continue;
      }
      buf = await readEntry(src, entry, { maxBytes: ctx.limits.maxEntryBytes });
      ctx.stats.inflatedBytes += buf.length;
    } catch (e) {
      const reason = e instanceof EntryTooLargeError ? `${e.reason}; not scanned` : e instanceof FormatError ? e.reason : String(e);
      ctx.unreadable.push({ path: `${path}!/${entry.name}`, format: 'zip', reason });
      continue;
    }
    try {
      await extractEntry(entry, buf, base, path, file, ctx, depth, (m) => (manifest = m), overlayValues);
    } catch (e) {
      ctx.unreadable.push(unreadableFrom(`${path}!/${entry.name}`, e, 'entry'));
    }
  }
  if (manifest) {
    if (overlayValues.length && manifest.overlay) manifest.resources = overlayValues;
    if (zip.duplicates.length) (manifest.warnings ??= []).push(`duplicate entries: ${zip.duplicates.join(', ')}`);
    if (zip.prefixBytes > 0) (manifest.warnings ??= []).push(`${zip.prefixBytes} bytes before the first local header (Janus)`);
    ctx.packages.push(manifest);
  }
}

async function extractEntry(
  entry: ZipEntry,
  buf: Buffer,
  base: EvidenceBase,
  path: string,
  file: FileArtifact,
  ctx: ArtifactContext,
  depth: number,
  setManifest: (m: PackageFacts) => void,
  overlayValues: NonNullable<PackageFacts['resources']>,
): Promise<void> {
  const name = entry.name;
  if (name === 'AndroidManifest.xml') {
    try {
      const doc = parseAxml(buf);
      const m = extractManifest(doc);
      for (const s of doc.strings) ctx.scanner.scanString(s.value, { ...base, source: 'xml' }, Math.max(0, s.offset), ctx.endpoints);
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
      if (m.overlay) pkg.overlay = m.overlay;
      const warnings = [...doc.warnings, ...m.warnings];
      if (warnings.length) pkg.warnings = warnings.slice(0, 20);
      setManifest(pkg);
    } catch (e) {
      if (e instanceof FormatError) e.path = `${path}!/${name}`;
      throw e;
    }
    return;
  }
  if (/^classes\d*\.dex$/.test(name)) {
    if (!isDex(buf)) throw new FormatError('dex', `${name} is not a DEX file (bad magic)`, 0, `${path}!/${name}`);
    try {
      scanDex(buf, { ...base, source: 'dex' }, ctx);
    } catch (e) {
      if (e instanceof FormatError) e.path = `${path}!/${name}`;
      throw e;
    }
    return;
  }
  if (name === 'resources.arsc') {
    try {
      const arsc = parseArsc(buf);
      for (const s of arsc.globalStrings) ctx.scanner.scanString(s.value, { ...base, source: 'arsc' }, Math.max(0, s.offset), ctx.endpoints);
      for (const p of arsc.packages) for (const v of p.values) if (!v.config) overlayValues.push(v);
    } catch (e) {
      if (e instanceof FormatError) e.path = `${path}!/${name}`;
      throw e;
    }
    return;
  }
  if (name.endsWith('.xml') && buf.length >= 8 && buf.readUInt32LE(0) === AXML_MAGIC) {
    const doc = parseAxml(buf);
    for (const s of doc.strings) ctx.scanner.scanString(s.value, { ...base, source: 'xml' }, Math.max(0, s.offset), ctx.endpoints);
    return;
  }
  const zipMagic = buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50;
  if (zipMagic && ZIP_NAME.test(name) && depth + 1 < ctx.limits.maxDepth) {
    const nested = new BufferSource(buf);
    await extractZip(nested, `${path}!/${name}`, file, ctx, depth + 1);
    return;
  }
  if (buf.length >= 8 && isDex(buf)) {
    scanDex(buf, { ...base, source: name.startsWith('assets/') ? 'asset' : 'dex' }, ctx);
    return;
  }
  ctx.scanner.scan(buf, 0, buf.length, { ...base, source: sourceOfEntry(name) }, ctx.endpoints);
}

function nestedPartitionPath(path: string, file: FileArtifact): string {
  if (path === file.relPath) return file.partitionPath;
  return file.partitionPath + path.slice(file.relPath.length);
}
