/**
 * Indexes an Android source tree once for the declarations that pull modules and packages in
 * (see parse.ts). The only I/O of src/source/: one walk of `root`, reading makefiles
 * (`*.mk`), `Android.bp` and XML files.
 *
 * - Skipped: `out/` (build output), `.git/`, `.repo/` and every other dot-folder,
 *   `node_modules/`, the scanned inputs, symbolic links (never followed) and files over the
 *   size cap.
 * - XML is read under the top-level `device/`, `vendor/` and `product/` folders of the root (an
 *   AOSP checkout); when the root has none of them (a device repository checked out on its own)
 *   every XML file is read.
 * - `wanted` keeps only declarations of those names, so the index of a full tree stays small.
 *
 * File paths in the index are relative to `workspace` (POSIX) when inside it; files outside it
 * are kept with `inWorkspace: false` (they are named in messages, never annotated: GitHub shows
 * annotations only for the repository that ran).
 */
import { closeSync, type Dirent, openSync, readdirSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseBlueprint, parseMakefile, parseXmlPackageIds, type Declaration } from './parse.js';

export type SourceRank = 0 | 1 | 2;

export interface SourceDeclaration extends Declaration {
  /** Workspace-relative POSIX path when inWorkspace, else absolute. */
  file: string;
  inWorkspace: boolean;
  /** 0 PRODUCT_PACKAGES / PRODUCT_COPY_FILES, 1 Android.bp / Android.mk module, 2 XML. */
  rank: SourceRank;
}

export interface SourceIndex {
  /** Absolute. */
  root: string;
  declarations: SourceDeclaration[];
  /** unreadable: folders below the root and files that could not be read (skipped). */
  stats: { files: number; read: number; skippedLarge: number; unreadable: number; truncated: boolean };
}

export interface IndexOptions {
  /** Absolute workspace; file paths are made relative to it. */
  workspace: string;
  /** Absolute paths not to descend into (the scanned inputs). */
  exclude?: string[];
  /** Keep only declarations naming these (module names, package ids, installed paths). */
  wanted?: ReadonlySet<string>;
  /** Bytes; larger files are skipped (default 4 MiB). */
  maxFileBytes?: number;
  /** Files visited before the walk stops (default 2,000,000); `stats.truncated` says so. */
  maxFiles?: number;
}

const SKIP_DIRS = new Set(['out', 'node_modules']);
/** The walk gives the event loop a turn at least this often (ms). */
const YIELD_MS = 20;
const XML_TOPS = ['device', 'vendor', 'product'];

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

type FileKind = 'makefile' | 'blueprint' | 'xml';

function kindOf(name: string): FileKind | undefined {
  if (name === 'Android.bp') return 'blueprint';
  if (name.endsWith('.mk')) return 'makefile';
  if (name.endsWith('.xml')) return 'xml';
  return undefined;
}

export function rankOf(d: Declaration): SourceRank {
  if (d.kind === 'product-packages' || d.kind === 'copy-files') return 0;
  if (d.kind === 'module') return 1;
  return 2;
}

export async function indexSourceTree(root: string, options: IndexOptions): Promise<SourceIndex> {
  const absRoot = path.resolve(root);
  const workspace = path.resolve(options.workspace);
  const exclude = new Set((options.exclude ?? []).map((p) => path.resolve(p)));
  const maxFileBytes = options.maxFileBytes ?? 4 * 1024 * 1024;
  const maxFiles = options.maxFiles ?? 2_000_000;
  const stats = { files: 0, read: 0, skippedLarge: 0, unreadable: 0, truncated: false };
  const declarations: SourceDeclaration[] = [];

  let xmlEverywhere = true;
  for (const top of XML_TOPS) {
    try {
      if (statSync(path.join(absRoot, top)).isDirectory()) xmlEverywhere = false;
    } catch {
      // absent
    }
  }

  const display = (abs: string): { file: string; inWorkspace: boolean } => {
    const rel = path.relative(workspace, abs);
    if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) return { file: toPosix(rel), inWorkspace: true };
    return { file: toPosix(abs), inWorkspace: false };
  };

  // Synchronous reads, one directory at a time: an AOSP checkout holds ~1M files, and awaiting
  // each directory entry and each file (opendir's async iterator, fs/promises) cost ~35 us a
  // file (/usr here, 151,000 files: 5.3-6.1 s, against ~0.5 s this way). The event loop gets a
  // turn every YIELD_MS, so progress lines and other work are not held up by a large tree.
  let buf: Buffer | undefined;
  const visitFile = (abs: string, kind: FileKind): void => {
    // One read of up to the cap plus a byte into a reused buffer: no stat per file, and a file
    // that fills it is over the cap.
    let n = 0;
    let fd: number | undefined;
    try {
      fd = openSync(abs, 'r');
      buf ??= Buffer.allocUnsafe(maxFileBytes + 1);
      for (let r = 1; r > 0 && n < buf.length; n += r) r = readSync(fd, buf, n, buf.length - n, null);
    } catch {
      stats.unreadable++;
      return;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    if (n > maxFileBytes) {
      stats.skippedLarge++;
      return;
    }
    const text = buf.toString('utf8', 0, n);
    stats.read++;
    const decls = kind === 'blueprint' ? parseBlueprint(text) : kind === 'makefile' ? parseMakefile(text) : parseXmlPackageIds(text);
    if (decls.length === 0) return;
    const where = display(abs);
    for (const d of decls) {
      if (options.wanted && !options.wanted.has(d.name)) continue;
      declarations.push({ ...d, ...where, rank: rankOf(d) });
    }
  };

  let turnAt = performance.now() + YIELD_MS;
  const walk = async (dir: string, top: string | undefined): Promise<void> => {
    if (stats.truncated) return;
    if (performance.now() >= turnAt) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      turnAt = performance.now() + YIELD_MS;
    }
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      // The root must be readable; a folder below it that is not (permissions, removed
      // meanwhile) is counted and skipped, not a reason to drop the whole index.
      if (top === undefined) throw err;
      stats.unreadable++;
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (stats.truncated) return;
      if (e.isDirectory()) {
        const abs = path.join(dir, e.name);
        if (e.name.startsWith('.') || SKIP_DIRS.has(e.name) || exclude.has(abs)) continue;
        await walk(abs, top ?? e.name);
      } else if (e.isFile()) {
        if (++stats.files > maxFiles) {
          stats.truncated = true;
          return;
        }
        const kind = kindOf(e.name);
        if (!kind) continue;
        if (kind === 'xml' && !xmlEverywhere && !XML_TOPS.includes(top ?? '')) continue;
        visitFile(path.join(dir, e.name), kind);
      }
    }
  };
  await walk(absRoot, undefined);
  declarations.sort(compareDeclarations);
  return { root: absRoot, declarations, stats };
}

/** What a log says of `n` folders and files of the tree that could not be read. */
export function unreadableNote(n: number): string {
  return `${n} ${n === 1 ? 'folder or file' : 'folders and files'} could not be read and were skipped; what they declare is not used for source locations.`;
}

export function compareDeclarations(a: SourceDeclaration, b: SourceDeclaration): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.inWorkspace !== b.inWorkspace) return a.inWorkspace ? -1 : 1;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  return a.column - b.column;
}
