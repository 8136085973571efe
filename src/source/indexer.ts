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
import { opendir, readFile, stat } from 'node:fs/promises';
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
  stats: { files: number; read: number; skippedLarge: number; truncated: boolean };
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
  const stats = { files: 0, read: 0, skippedLarge: 0, truncated: false };
  const declarations: SourceDeclaration[] = [];

  let xmlEverywhere = true;
  for (const top of XML_TOPS) {
    try {
      if ((await stat(path.join(absRoot, top))).isDirectory()) xmlEverywhere = false;
    } catch {
      // absent
    }
  }

  const display = (abs: string): { file: string; inWorkspace: boolean } => {
    const rel = path.relative(workspace, abs);
    if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) return { file: toPosix(rel), inWorkspace: true };
    return { file: toPosix(abs), inWorkspace: false };
  };

  const visitFile = async (abs: string, kind: FileKind): Promise<void> => {
    let text: string;
    try {
      const st = await stat(abs);
      if (st.size > maxFileBytes) {
        stats.skippedLarge++;
        return;
      }
      text = await readFile(abs, 'utf8');
    } catch {
      return;
    }
    stats.read++;
    const decls = kind === 'blueprint' ? parseBlueprint(text) : kind === 'makefile' ? parseMakefile(text) : parseXmlPackageIds(text);
    if (decls.length === 0) return;
    const where = display(abs);
    for (const d of decls) {
      if (options.wanted && !options.wanted.has(d.name)) continue;
      declarations.push({ ...d, ...where, rank: rankOf(d) });
    }
  };

  const walk = async (dir: string, relParts: string[]): Promise<void> => {
    if (stats.truncated) return;
    let handle;
    try {
      handle = await opendir(dir);
    } catch {
      return;
    }
    const entries: { name: string; dir: boolean; file: boolean }[] = [];
    for await (const e of handle) entries.push({ name: e.name, dir: e.isDirectory(), file: e.isFile() });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (stats.truncated) return;
      const abs = path.join(dir, e.name);
      if (e.dir) {
        if (e.name.startsWith('.') || SKIP_DIRS.has(e.name) || exclude.has(abs)) continue;
        await walk(abs, [...relParts, e.name]);
      } else if (e.file) {
        if (++stats.files > maxFiles) {
          stats.truncated = true;
          return;
        }
        const kind = kindOf(e.name);
        if (!kind) continue;
        if (kind === 'xml' && !xmlEverywhere && !XML_TOPS.includes(relParts[0] ?? '')) continue;
        await visitFile(abs, kind);
      }
    }
  };
  await walk(absRoot, []);
  declarations.sort(compareDeclarations);
  return { root: absRoot, declarations, stats };
}

export function compareDeclarations(a: SourceDeclaration, b: SourceDeclaration): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.inWorkspace !== b.inWorkspace) return a.inWorkspace ? -1 : 1;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  return a.column - b.column;
}
