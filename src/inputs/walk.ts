/**
 * Walks one input (a product-out folder, any folder, or a single file) into a sorted list of
 * regular files with their partition. Symlinks are never followed (their targets inside the
 * input are walked where they are; targets outside are listed as skipped, and are unreadable
 * where they exist on this machine: describeSymlink), so loops cannot happen. A folder with no
 * regular file is unreadable: a scan that read nothing is no pass. Special files are skipped and listed. Names are handled as raw bytes, so a name that
 * is not valid UTF-8 is still opened exactly and shown escaped.
 */
// Synchronous calls: a build has tens of thousands of files, and one thread-pool round trip per
// lstat made the walk take ~0.15 ms a file; nothing else runs while the walk does.
import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { SkippedFact, UnreadableFact } from '../facts.js';
import { globToRegExp, matchesAny } from './glob.js';
import { partitionName, partitionOf } from './partition.js';

export interface FileArtifact {
  /** Absolute path as bytes (exact, even when not valid UTF-8). */
  abs: Buffer;
  /** Path relative to the input, `/`-separated, invalid UTF-8 bytes escaped as `\xNN`. */
  relPath: string;
  size: number;
  partition: string;
  partitionPath: string;
  /**
   * The SHA-256 of its bytes when known without reading them: with `--cache-dir`, remembered from
   * an earlier scan on this machine while the file's identity is unchanged (extract/digests.ts).
   */
  sha256?: string;
  /** With a remembered `sha256`: the identity (device, inode, size and times) it was remembered with. */
  identity?: string;
  /**
   * A product-out folder's super.img: the partitions the folder has as folders, whose logical
   * partitions in the image are not read again (the others are: only the image holds them).
   */
  folders?: string[];
}

export interface WalkResult {
  /** The input's real path (symlinks resolved): every file's `abs` starts with it. */
  root: string;
  files: FileArtifact[];
  skipped: SkippedFact[];
  unreadable: UnreadableFact[];
  productOut: boolean;
}

export interface WalkOptions {
  /** Globs over relative paths that are scanned even where the default skip list applies. */
  include?: string[];
}

/**
 * A name from the build (a file's, a folder's, an archive member's) as it goes into a path: a '!'
 * before a '/' or at the end of the name (before the '/' or "!/" a path puts after it) is written
 * `\x21`, so that "!/" in a path always means "inside the container before it"; and so that no
 * two names are written alike, a '\' is written `\x5c` (bytes that are not UTF-8 are `\xNN`,
 * displayName). A folder named `Foo.apk!` made its files `Foo.apk!/...`, read as entries of
 * Foo.apk: a denied host in one was taken for a dormant variant of the client in Foo.apk, or
 * covered by an exemption of Foo.apk; and `A!` and `A\x21` must not be one member of a tar.
 */
export function pathSafe(name: string): string {
  return escapeBang(escapeBackslash(name));
}

const escapeBackslash = (s: string): string => (s.includes('\\') ? s.replaceAll('\\', '\\x5c') : s);
export const escapeBang = (s: string): string => (s.includes('!') ? s.replace(/!(?=\/|$)/g, '\\x21') : s);

/** Decodes a name (pathSafe); bytes that are not valid UTF-8 become `\xNN`. */
export function displayName(raw: Buffer): string {
  return escapeBang(nameText(raw));
}

/**
 * A name's bytes as text, one to one: valid UTF-8 as it is, a '\' as `\x5c`, any other byte as
 * `\xNN` (a lossy decode made `A\xff` and `A\xfe` one name: in a tar, the later member replaced
 * the earlier). What pathSafe does but for the '!' rule, which a caller applies to the name as
 * it goes into a path (escapeBang).
 */
export function nameText(raw: Buffer): string {
  const s = raw.toString('utf8');
  if (!s.includes('\uFFFD') || Buffer.from(s, 'utf8').equals(raw)) return escapeBackslash(s);
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const b = raw[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len > 0 && i + len <= raw.length) {
      const chunk = raw.subarray(i, i + len);
      const dec = chunk.toString('utf8');
      if (!dec.includes('\uFFFD') && Buffer.from(dec, 'utf8').equals(chunk)) {
        out += escapeBackslash(dec);
        i += len;
        continue;
      }
    }
    out += `\\x${b.toString(16).padStart(2, '0')}`;
    i++;
  }
  return out;
}

const SLASH = Buffer.from('/');

/** Top-level names in a product-out folder that duplicate or do not belong to the build. */
function defaultSkipReason(name: string, isDir: boolean, partitionsPresent: ReadonlySet<string>): string | undefined {
  if (isDir) {
    if (name === 'obj' || name.startsWith('obj_')) return 'intermediate build objects (obj/)';
    if (name === 'symbols') return 'unstripped symbol files (symbols/)';
    return undefined;
  }
  const img = /^(.*)\.img$/.exec(name);
  if (img) {
    const p = partitionName(img[1]);
    if (p && partitionsPresent.has(p)) return `image duplicating the ${p}/ folder`;
    // super.img is read, but not its partitions that have folders (FileArtifact.folders).
    const folder = { userdata: 'data', cache: 'cache', ramdisk: 'ramdisk', 'ramdisk-recovery': 'recovery' }[img[1]];
    if (folder && (partitionsPresent.has(folder) || (folder === 'ramdisk' && partitionsPresent.has('root')))) return `image duplicating the ${folder}/ folder`;
  }
  if (/target_files.*\.zip$/.test(name) || /-img-.*\.zip$/.test(name)) return 'target-files/image zip duplicating the partition folders';
  return undefined;
}

export async function walkInput(input: string, opts: WalkOptions = {}): Promise<WalkResult> {
  const includeGlobs = opts.include ?? [];
  const includes = includeGlobs.map(globToRegExp);
  // A skipped folder is walked when an --include glob matches it or reaches inside it.
  const included = (rel: string, isDir: boolean): boolean =>
    matchesAny(rel, includes) || (isDir && includeGlobs.some((g) => g.startsWith(`${rel}/`) || g.startsWith('**')));
  const rootAbs = realpathSync.native(resolve(input));
  const st = statSync(rootAbs);
  const skipped: SkippedFact[] = [];
  const unreadable: UnreadableFact[] = [];
  if (!st.isDirectory()) {
    const rel = basename(rootAbs);
    return {
      root: rootAbs,
      files: [{ abs: Buffer.from(rootAbs), relPath: rel, size: st.size, partition: '', partitionPath: rel }],
      skipped,
      unreadable,
      productOut: false,
    };
  }

  const inputPartition = partitionName(basename(rootAbs));
  const top = readdirSync(rootAbs, { withFileTypes: true });
  const partitionsPresent = new Set<string>();
  for (const d of top) {
    const p = d.isDirectory() ? partitionName(d.name) : undefined;
    if (p) partitionsPresent.add(p);
  }
  const productOut = !inputPartition && partitionsPresent.size > 0;

  const files: FileArtifact[] = [];
  // Explicit stack: very deep trees cannot overflow the call stack.
  const stack: { abs: Buffer; rel: string; depth: number }[] = [{ abs: Buffer.from(rootAbs), rel: '', depth: 0 }];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(dir.abs, { withFileTypes: true, encoding: 'buffer' });
    } catch (e) {
      unreadable.push({ path: dir.rel || '.', format: 'folder', reason: `cannot list folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      continue;
    }
    entries.sort((a, b) => Buffer.compare(a.name, b.name));
    const subdirs: { abs: Buffer; rel: string; depth: number }[] = [];
    for (const ent of entries) {
      const name = displayName(ent.name);
      const rel = dir.rel ? `${dir.rel}/${name}` : name;
      const abs = Buffer.concat([dir.abs, SLASH, ent.name]);
      if (productOut && dir.depth === 0 && !included(rel, ent.isDirectory())) {
        const why = defaultSkipReason(name, ent.isDirectory(), partitionsPresent);
        if (why) {
          skipped.push({ path: rel, reason: `${why}; --include to scan it` });
          continue;
        }
      }
      if (ent.isSymbolicLink()) {
        const link = describeSymlink(abs, rootAbs);
        skipped.push({ path: rel, reason: link.reason, ...(link.target !== undefined ? { target: link.target } : {}) });
        if (link.outside) {
          const part = partitionOf(rel, inputPartition);
          const u: UnreadableFact = {
            path: rel,
            format: 'symlink',
            reason: `a symlink to ${link.target ?? '?'}, which leaves the input for ${link.outside.kind} that exists here (${link.outside.real}): not followed, so nothing there is read; scan that path as an input of its own, or put what it holds in place of the link`,
          };
          if (part.partitionPath !== rel) u.partitionPath = part.partitionPath;
          unreadable.push(u);
        }
        continue;
      }
      if (ent.isDirectory()) {
        subdirs.push({ abs, rel, depth: dir.depth + 1 });
        continue;
      }
      if (!ent.isFile()) {
        skipped.push({ path: rel, reason: `not a regular file (${kindOf(ent)})` });
        continue;
      }
      const part = partitionOf(rel, inputPartition);
      let size: number;
      try {
        size = lstatSync(abs).size;
      } catch (e) {
        const u: UnreadableFact = { path: rel, format: 'file', reason: `cannot stat: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
        if (part.partitionPath !== rel) u.partitionPath = part.partitionPath;
        unreadable.push(u);
        continue;
      }
      const file: FileArtifact = { abs, relPath: rel, size, partition: part.partition, partitionPath: part.partitionPath };
      // Its partitions that the folder also has are not read twice (all are with --include).
      if (productOut && dir.depth === 0 && name === 'super.img' && !included(rel, false)) file.folders = [...partitionsPresent].sort();
      files.push(file);
    }
    // Push in reverse so that the stack pops them in sorted order.
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
  }
  files.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  // A folder with no file to read is no evidence of a clean build: a scan that read nothing must
  // not pass (a partition folder that is a symlink out of the input left a build with 0 files).
  if (files.length === 0) {
    unreadable.push({
      path: '.',
      format: 'folder',
      reason: `nothing in it was read: it holds no regular file${skipped.length ? ` (${skipped.length} path${skipped.length === 1 ? '' : 's'} skipped: symlinks, special files or default skips, listed as skipped)` : ''}`,
    });
  }
  unreadable.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { root: rootAbs, files, skipped, unreadable, productOut };
}

function kindOf(ent: { isFIFO(): boolean; isSocket(): boolean; isBlockDevice(): boolean; isCharacterDevice(): boolean }): string {
  if (ent.isFIFO()) return 'fifo';
  if (ent.isSocket()) return 'socket';
  if (ent.isBlockDevice()) return 'block device';
  if (ent.isCharacterDevice()) return 'character device';
  return 'special file';
}

/**
 * Where a symlink's target resolves to on this machine, for the link's skipped fact. A target that
 * leaves the input and exists here (`system -> /mnt/elsewhere/system`: a build assembled from
 * another disk) is `outside`: its contents would go unread, so the walk reports it unreadable.
 * A target in the kernel's runtime filesystems (/proc, /sys, /dev: `d -> /sys/kernel/debug` in a
 * ramdisk) holds no firmware on either side, and a target that does not exist here (a device path
 * such as `/vendor` or `/apex/...`, a broken or looping link) has nothing to read: both are listed
 * as skipped only. Targets inside the input are scanned where they are.
 */
function describeSymlink(abs: Buffer, rootAbs: string): { reason: string; target?: string; outside?: { real: string; kind: string } } {
  let target: string | undefined;
  try {
    target = displayName(readlinkSync(abs, { encoding: 'buffer' }));
  } catch {
    // unknown: written '?'
  }
  const fact = (what: string): { reason: string; target?: string } => ({ reason: `symlink to ${target ?? '?'} ${what}`, ...(target !== undefined ? { target } : {}) });
  let real: Buffer;
  try {
    real = realpathSync.native(abs, { encoding: 'buffer' });
  } catch {
    return fact('(broken or looping; not followed)');
  }
  const root = Buffer.from(rootAbs);
  const inside = rootAbs === '/' || real.equals(root) || (real.length > root.length && real[root.length] === 0x2f && real.subarray(0, root.length).equals(root));
  if (inside) return fact('(inside the input: scanned at its target)');
  if (/^\/(?:proc|sys|dev)(?:\/|$)/.test(real.toString('latin1'))) return fact('leaves the input for a kernel runtime path; not followed');
  let kind = 'a file';
  try {
    const st = statSync(real);
    kind = st.isDirectory() ? 'a folder' : st.isFile() ? 'a file' : 'a special file';
  } catch {
    // it resolved a moment ago: still a path outside
  }
  return { ...fact('leaves the input; not followed'), outside: { real: displayName(real), kind } };
}
