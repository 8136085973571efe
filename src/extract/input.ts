/**
 * One input (folder or file) -> InputFacts. Walks, then extracts every file in sorted order.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { InputFacts, PropEntry, UnreadableFact } from '../facts.js';
import { propFileKey, propFileRank, propFileRank9 } from '../formats/buildprop.js';
import { walkInput, type FileArtifact } from '../inputs/walk.js';
import type { Logger } from '../logging.js';
import type { KnownEndpoints } from './endpoints.js';
import { effectiveLimits, type Limits } from './limits.js';
import { cacheSalt, sha256OfFile } from './cache.js';
import { applyDigests, bootId, digestKey, digestsFile, digestsMaxBytes, readDigests, recordDigests, writeDigests } from './digests.js';
import { capEndpoints, mergePartials, type PartialFacts } from './partial.js';
import { knownEndpoint } from './collector.js';
import { mark } from '../timings.js';
import { workOf } from './work.js';
import { extractFiles, getWorkerScript, hashOnThread, takePoolNotes, takeWorkerProblems, workerCount, type CacheTally, type PoolInit, type WorkerPool } from './pool.js';
import { isPropertyFile, shardFiles, type ShardSpec } from './shard-split.js';

/** Progress of one input's extraction; the CLI draws it, the Action logs it. */
export type ProgressFactory = (
  input: string,
  files: number,
  bytes: number,
  /** The files' cost (workOf, work.ts), by which the time left is estimated; default: bytes. */
  work?: number,
) => { update: (done: { files: number; bytes: number; work?: number }) => void; done: () => void };

export interface ExtractOptions {
  known: KnownEndpoints;
  /** Catalogued package ids: their mention in plain files is recorded. */
  mentionPackages: ReadonlySet<string>;
  /** Catalogued variant clients: package -> its variants' resource toggle keys (`type/name`), whose ids its code is checked to load. */
  variantToggles?: Readonly<Record<string, readonly string[]>>;
  include?: string[];
  limits?: Partial<Limits>;
  logger: Logger;
  /** Worker threads (default: ACTIVATION_GATE_WORKERS, else one per core when available). */
  workers?: number;
  progress?: ProgressFactory;
  /** How progress names the input (the path as the user gave it); default: `input`. */
  label?: string;
  /** `--shard I/N`: extract only this shard's files (and every property file). */
  shard?: ShardSpec;
  /**
   * `--cache-dir`: facts of each file cached by its SHA-256 (cache.ts); the digests of unchanged
   * files remembered on this machine (digests.ts) unless `rehash` (`--cache-rehash`).
   */
  cache?: {
    dir: string;
    catalogVersion: string;
    pslVersion: string;
    rehash?: boolean;
    /** Filled with the names of the cache folder's files this input used (`--cache-prune` keeps them). */
    used?: Set<string>;
  };
  /** Workers kept for the whole scan (startWorkerPool); without it each input starts its own. */
  pool?: WorkerPool;
  /** The scan's last input: the pool's workers end as they finish it. */
  lastInput?: boolean;
}

/** One input's extraction, before assembly: the facts this run owns and those it only read. */
export interface InputParts {
  input: string;
  /** Absent when a single-file input cannot be read: extraction reports it unreadable. */
  sha256?: string;
  /**
   * Facts of the files this run owns (all of them unsharded; the shard's share otherwise), with
   * the walk's own skipped and unreadable paths in shard 1. Merging the owned facts of every
   * shard gives the facts of an unsharded run.
   */
  owned: PartialFacts;
  /** Property files of other shards, read so that every shard resolves SKUs (not merged). */
  borrowed?: PartialFacts;
}

export async function extractInput(input: string, opts: ExtractOptions): Promise<InputFacts> {
  const parts = await extractInputParts(input, opts);
  return assembleInputFacts(parts.input, parts.sha256, [parts.owned, ...(parts.borrowed ? [parts.borrowed] : [])], opts.known, effectiveLimits(opts.limits));
}

export async function extractInputParts(input: string, opts: ExtractOptions): Promise<InputParts> {
  const walk = await walkInput(input, { include: opts.include });
  mark('walk');
  const init: PoolInit = {
    hosts: [...opts.known.hosts],
    sms: [...opts.known.sms],
    ips: [...(opts.known.ips ?? [])],
    mentionPackages: [...opts.mentionPackages],
    variantToggles: Object.fromEntries(Object.entries(opts.variantToggles ?? {}).map(([k, v]) => [k, [...v]])),
    limits: effectiveLimits(opts.limits),
  };
  if (opts.cache) {
    init.cache = {
      dir: opts.cache.dir,
      salt: cacheSalt({ ...init, catalogVersion: opts.cache.catalogVersion, pslVersion: opts.cache.pslVersion, buildId: buildId() }),
    };
  }
  const { own, borrowed } = opts.shard ? shardFiles(walk.files, opts.shard) : { own: walk.files, borrowed: [] };
  const all = [...own, ...borrowed];
  // With a cache, files unchanged since an earlier scan on this boot of this machine keep the
  // SHA-256 it computed, and are not read to hash them again (digests.ts).
  // `--cache-rehash` uses none of them, but records the digests it computes afresh.
  const root = opts.cache ? walk.root : undefined;
  const boot = root ? bootId() : undefined;
  const rootKey = boot && root ? Buffer.from(root) : undefined;
  const remembered = boot && rootKey ? readDigests(opts.cache!.dir, boot, rootKey, digestsMaxBytes(walk.files.map((f) => f.abs))) : undefined;
  if (remembered?.problem) opts.logger.warning(`cache: ${remembered.problem}`);
  const looked = remembered ? applyDigests(all, opts.cache!.rehash ? new Map() : remembered.digests, BigInt(Date.now()) * 1_000_000n) : undefined;
  // Not where a stat may lie (network and FUSE filesystems, FAT, images mounted from a loop
  // device), at the root or at a mount point below it: files there are hashed.
  for (const [kind, n] of looked?.untrusted ?? []) {
    const which = n === all.length ? `${input} is on ${kind}` : `${n} of the ${all.length} files of ${input} are on ${kind}`;
    opts.logger.info(`cache: ${which}, whose file times cannot vouch for unchanged bytes: ${n === all.length ? 'every file is' : 'they are'} hashed`);
  }
  // The files whose extraction reports progress: a shard's borrowed property files report none.
  const progress = opts.progress?.(
    opts.label ?? input,
    own.length,
    own.reduce((a, f) => a + f.size, 0),
    own.reduce((a, f) => a + workOf(f), 0),
  );
  const workers = opts.workers ?? workerCount();
  const tally: CacheTally = { hits: 0, misses: 0, problems: [], sha256: new Map(), keys: new Set() };
  // A single file (an image, an APK) is hashed for the audit while it is extracted, unless the
  // cache hashes it anyway (its key).
  const single = walk.files.length === 1 && !walk.productOut && (await stat(input)).isFile();
  const hashing = single && !init.cache ? hashOnThread(input) : undefined;
  hashing?.catch(() => undefined); // handled where awaited; never an unhandled rejection meanwhile
  const sliced: string[] = [];
  // The scan's last extraction retires the pool: its workers end as they hand their facts back.
  if (opts.lastInput && !borrowed.length) opts.pool?.retire();
  const ownParts = await extractFiles(own, init, workers, progress?.update, tally, sliced, opts.pool);
  if (opts.lastInput && borrowed.length) opts.pool?.retire();
  const borrowedParts = borrowed.length ? await extractFiles(borrowed, init, workers, undefined, tally, sliced, opts.pool) : [];
  progress?.done();
  mark('workers');
  for (const relPath of sliced) opts.logger.info(`${relPath}: shared by ${workers} workers, each extracting a share of its files`);
  for (const note of takePoolNotes()) opts.logger.info(note);
  for (const problem of takeWorkerProblems()) opts.logger.warning(problem);
  if (init.cache) {
    opts.logger.info(`cache: ${tally.hits} of ${tally.hits + tally.misses} files of ${input} from ${init.cache.dir}`);
    if (looked?.reused) opts.logger.info(`cache: ${looked.reused} of them not read to hash them: unchanged on this machine since an earlier scan (--cache-rehash reads every file)`);
    if (boot && rootKey && remembered && looked) {
      const next = recordDigests(remembered.digests, walk.files.map((f) => f.abs), looked.seen, looked.at, (key) => tally.sha256.get(key));
      const problem = writeDigests(init.cache.dir, boot, rootKey, next);
      if (problem) opts.logger.warning(`cache: ${problem}`);
      opts.cache?.used?.add(digestsFile(rootKey));
    }
    const used = opts.cache?.used;
    if (used) for (const key of tally.keys) used.add(`${key}.facts`);
    if (tally.problems.length) {
      const more = tally.problems.length > 1 ? ` (and ${tally.problems.length - 1} more)` : '';
      opts.logger.warning(`cache: ${tally.problems.length} entr${tally.problems.length === 1 ? 'y' : 'ies'} not used or not written, the files extracted again: ${tally.problems[0]}${more}`);
    }
  }
  const walkFacts: PartialFacts = { ...mergePartials([]), unreadable: walk.unreadable, skipped: walk.skipped };
  const ownsWalk = !opts.shard || opts.shard.index === 1;
  const owned = mergePartials([...ownParts, ...(ownsWalk ? [walkFacts] : [])]);
  mark('merge');
  return {
    input,
    sha256: single
      ? // An unreadable file is an unreadable-artifact finding already; the audit has no hash of it.
        ((await hashing?.catch(() => undefined)) ?? tally.sha256.get(digestKey(walk.files[0].abs)) ?? (await sha256OfFile(input).catch(() => undefined)))
      : sha256OfList([...walk.files.map((f) => `${f.relPath}\u0000${f.size}`), ...contentSamples(walk.files)]),
    owned,
    // Other shards read the walk's skipped and unreadable paths for their own (partial) report.
    ...(opts.shard ? { borrowed: mergePartials([...borrowedParts, ...(ownsWalk ? [] : [walkFacts])]) } : {}),
  };
}

/**
 * InputFacts from the extracted parts: merged (order-independent), properties in Android's load
 * order (later files override earlier ones), then file order.
 */
export function assembleInputFacts(input: string, sha256: string | undefined, parts: PartialFacts[], known: KnownEndpoints, limits: Limits): InputFacts {
  const ctx = capEndpoints(mergePartials(parts), knownEndpoint(known), limits.maxInputEndpoints);
  // Every property file records its partitionPath (also inside images and archives): its rank.
  const rankOf = new Map(ctx.propFiles.map(([rel, partPath]) => [rel, propFileRank(partPath)]));
  // Where Android's own property files are there, other *.prop files are not what it loads: a
  // stray `system/etc/test/sku.prop` must not decide the SKU, unless one of them imports it.
  // Those of per-SKU CDA folders stay (targets.ts), and so does every file of a build without a
  // standard one (loose files).
  const standard = [...rankOf.values()].some((r) => r >= 0);
  const roots = [...new Set(ctx.propFiles.map(([rel]) => rel))]
    .filter((f) => !standard || (rankOf.get(f) ?? -1) >= 0 || CDA_FOLDER.test(f))
    .sort((a, b) => (rankOf.get(a) ?? -1) - (rankOf.get(b) ?? -1) || (a < b ? -1 : a > b ? 1 : 0));
  const loaded = loadProps(
    ctx.props,
    ctx.propFiles,
    roots,
    ctx.skuFiles.filter((s) => s.trigger !== undefined),
  );
  return {
    input,
    ...(sha256 !== undefined ? { sha256 } : {}),
    packages: ctx.packages,
    endpoints: ctx.endpoints,
    props: loaded.props,
    // Conditional setprops of init files init reads (loadProps).
    skuFiles: [...ctx.skuFiles.filter((s) => s.trigger === undefined || (s.rcPath !== undefined && loaded.rcRead.has(s.rcPath))), ...loaded.skuFiles].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    unreadable: placeUnreadable([...ctx.unreadable, ...loaded.unreadable], ctx.partitionPaths),
    skipped: ctx.skipped,
    mentions: ctx.mentions,
    ...(ctx.preoptedCode?.length ? { preoptedCode: ctx.preoptedCode } : {}),
    ...(ctx.partitionPaths.length ? { partitionPaths: ctx.partitionPaths } : {}),
    stats: ctx.stats,
  };
}

/** How deep init's imports are followed here (init itself stops only at a cycle's stack). */
const MAX_IMPORT_DEPTH = 8;
/**
 * How many property files imports may load, and how many properties they may add, in all: a
 * file imported several times is loaded each time (as init does), so a few small files that
 * import each other six times over would otherwise load 6^8 files.
 */
const MAX_IMPORT_LOADS = 1000;
const MAX_IMPORTED_PROPS = 200_000;

/**
 * The properties of `roots` (property files in Android's load order) as init loads them, each
 * `import <path> [filter]` line replaced by the properties of the file it names (only those the
 * filter names: a key, or a prefix ending in `*`; a filtered load follows no import). A path
 * that takes a property's value (`import /odm/etc/build_${ro.boot.product.hardware.sku}.prop`,
 * as MIUI and AOSP's ODM SKUs do) is decided on the device: every property file it can name is a
 * SKU's (its id what the value would be), loaded in its place and left out of other SKUs' views
 * (targets.ts). A fixed path that names no property file this scan read is unreadable: what it
 * sets is unknown, and it could be what decides the market.
 */
function loadProps(
  props: PropEntry[],
  propFiles: [string, string][],
  roots: string[],
  conditional: InputFacts['skuFiles'],
): { props: PropEntry[]; skuFiles: InputFacts['skuFiles']; unreadable: UnreadableFact[]; rcRead: Set<string> } {
  const byFile = new Map<string, PropEntry[]>();
  for (const p of props) {
    const list = byFile.get(p.file);
    if (list) list.push(p);
    else byFile.set(p.file, [p]);
  }
  for (const list of byFile.values()) list.sort((a, b) => a.line - b.line);
  const byPartition = new Map<string, string[]>();
  for (const [rel, part] of propFiles) {
    const list = byPartition.get(part);
    if (!list) byPartition.set(part, [rel]);
    else if (!list.includes(rel)) list.push(rel);
  }
  const out: PropEntry[] = [];
  const skuFiles = new Map<string, InputFacts['skuFiles'][number]>();
  const unreadable = new Map<string, UnreadableFact>();
  const refuse = (e: PropEntry, reason: string): void => {
    const key = `${e.file}\u0000${e.line}`;
    if (!unreadable.has(key)) unreadable.set(key, { path: e.file, format: 'prop', reason: `line ${e.line} imports ${e.key}, ${reason}` });
  };
  let loads = 0;
  let imported = 0;
  const load = (file: string, filter: string, stack: string[], rank9: number, loadedAs: string | undefined): void => {
    if (stack.length > 1) {
      loads++;
      imported += byFile.get(file)?.length ?? 0;
    }
    for (const e of byFile.get(file) ?? []) {
      if (!e.import) {
        if (!filter || (filter.endsWith('*') ? e.key.startsWith(filter.slice(0, -1)) : e.key === filter)) out.push({ ...e, ...(rank9 < 0 ? {} : { rank9 }), ...(loadedAs !== undefined ? { loadedAs } : {}) });
        continue;
      }
      if (filter) continue;
      if (stack.length > MAX_IMPORT_DEPTH) {
        refuse(e, `nested more than ${MAX_IMPORT_DEPTH} imports deep; not followed`);
        continue;
      }
      if (loads >= MAX_IMPORT_LOADS || imported >= MAX_IMPORTED_PROPS) {
        refuse(e, `past the ${MAX_IMPORT_LOADS} files or ${MAX_IMPORTED_PROPS} properties imports may load in all; not followed`);
        continue;
      }
      const pattern = importPattern(e.key);
      if (pattern) {
        for (const [part, rels] of [...byPartition].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
          const m = pattern.exec(part);
          if (!m) continue;
          const sku = m.slice(1).filter((x) => x !== undefined).join('_');
          for (const rel of rels.sort()) {
            if (stack.includes(rel)) continue;
            if (!skuFiles.has(rel)) skuFiles.set(rel, { sku, path: rel, props: [] });
            load(rel, e.value, [...stack, rel], rank9, loadedAs);
          }
        }
        continue;
      }
      const targets = devicePaths(e.key).flatMap((p) => byPartition.get(p) ?? []);
      if (targets.length === 0) refuse(e, 'which is not a property file this scan read (files named *.prop are): what it sets is unknown');
      for (const rel of targets.sort()) if (!stack.includes(rel)) load(rel, e.value, [...stack, rel], rank9, loadedAs);
    }
  };
  // Android 9's order of the roots. Copies of one property file (a vendor/build.prop in
  // vendor.img and in a target-files ZIP) are read in reverse, so that the copy that decides on
  // Android 10 (the last) decides on Android 9 too.
  const partitionOf = new Map(propFiles);
  const copiesAfter = new Map<string, number>();
  const rank9 = new Map<string, number>();
  for (const root of [...roots].reverse()) {
    const part = partitionOf.get(root) ?? '';
    const after = copiesAfter.get(part) ?? 0;
    copiesAfter.set(part, after + 1);
    const r = propFileRank9(part);
    rank9.set(root, r < 0 ? -1 : r * 1024 + Math.min(after, 1023));
  }
  for (const root of roots) {
    const part = partitionOf.get(root);
    load(root, '', [root], rank9.get(root) ?? -1, part === undefined ? undefined : propFileKey(part));
  }
  // Setprops of init .rc files that run at every boot come after every property file (init runs
  // them once the files are loaded), in the order of their triggers: an `ro.` property is set
  // once, so one a property file or an earlier setprop set is refused. Only those of the files
  // init reads: in its folders, or imported by one it reads (a path with `${...}` by each file
  // it can name).
  const rcEntries = props.filter((p) => p.setprop);
  // Each init file, and whether init reads it only when imported.
  const rcFiles = new Map<string, boolean>();
  for (const p of rcEntries) rcFiles.set(p.setprop!.rcPath, p.setprop!.imported === true);
  for (const s of conditional) if (s.rcPath !== undefined) rcFiles.set(s.rcPath, s.imported === true);
  const importsOf = new Map<string, string[]>();
  for (const p of rcEntries) {
    if (!p.import) continue;
    const list = importsOf.get(p.setprop!.rcPath);
    if (list) list.push(p.key);
    else importsOf.set(p.setprop!.rcPath, [p.key]);
  }
  const rcRead = new Set<string>();
  const queue = [...rcFiles].filter(([, imported]) => !imported).map(([f]) => f);
  while (queue.length) {
    const f = queue.pop()!;
    if (rcRead.has(f)) continue;
    rcRead.add(f);
    for (const path of importsOf.get(f) ?? []) {
      const pattern = importPattern(path);
      const named = pattern ? [...rcFiles.keys()].filter((g) => pattern.test(g)) : devicePaths(path).filter((g) => rcFiles.has(g));
      for (const g of named) if (!rcRead.has(g)) queue.push(g);
    }
  }
  const setprops = rcEntries
    .filter((p) => !p.import && rcRead.has(p.setprop!.rcPath))
    .sort((a, b) => a.setprop!.stage - b.setprop!.stage || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line);
  const set = new Set(out.map((p) => p.key));
  for (const p of setprops) {
    if (p.key.startsWith('ro.') && set.has(p.key)) continue;
    set.add(p.key);
    out.push(p);
  }
  return { props: out, skuFiles: [...skuFiles.values()], unreadable: [...unreadable.values()], rcRead };
}

/** Where a device path of an import may be among partitionPaths: `/odm` is `/vendor/odm` on many devices, `/system/vendor` is `/vendor`. */
function devicePaths(path: string): string[] {
  const p = path.replace(/^\/+/, '').replace(/\/{2,}/g, '/');
  const out = [p];
  const sys = /^system\/(vendor|product|system_ext|odm)\//.exec(p);
  if (sys) out.push(p.slice('system/'.length));
  if (p.startsWith('odm/')) out.push(`vendor/${p}`);
  if (p.startsWith('vendor/odm/')) out.push(p.slice('vendor/'.length));
  return out;
}

/** An import path that takes properties' values (`${name}`, `${name:-default}`, `$name`): a pattern over partitionPaths, each value captured; undefined for a fixed path. */
function importPattern(path: string): RegExp | undefined {
  const parts = path.split(/(\$\{[^}]*\}|\$[A-Za-z0-9_.]+)/);
  if (parts.length === 1) return undefined;
  const fixed = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = parts.map((s, i) => (i % 2 ? '([^/]+)' : fixed(s))).join('');
  const alternatives = devicePaths(re.replace(/^\\?\/+/, ''));
  return new RegExp(`^(?:${alternatives.join('|')})$`);
}

/** Unreadable facts with the partitionPath of each path that has another (InputFacts.partitionPaths). */
function placeUnreadable(unreadable: UnreadableFact[], partitionPaths: [string, string][]): UnreadableFact[] {
  if (partitionPaths.length === 0) return unreadable;
  const placed = new Map(partitionPaths);
  return unreadable.map((u) => {
    const at = u.partitionPath === undefined ? placed.get(u.path) : undefined;
    return at === undefined ? u : { path: u.path, partitionPath: at, format: u.format, reason: u.reason, ...(u.offset !== undefined ? { offset: u.offset } : {}) };
  });
}

/** A path inside a per-SKU CDA folder (`.../cda/<sku>/...`, targets.ts). */
const CDA_FOLDER = /(^|\/)cda\/[^/]+\//i;

let buildIdMemo: string | undefined;

/**
 * SHA-256 of the running build's worker bundle (dist/worker.js, built from the same sources as
 * dist/cli.js and dist/index.js: a change to extraction changes it); empty when running the
 * sources, where only TOOL_VERSION tells builds apart.
 */
function buildId(): string {
  if (buildIdMemo !== undefined) return buildIdMemo;
  const script = getWorkerScript();
  try {
    buildIdMemo = script ? createHash('sha256').update(readFileSync(script)).digest('hex') : '';
  } catch {
    buildIdMemo = '';
  }
  return buildIdMemo;
}

/**
 * What a folder's identity holds besides its files' names and sizes, so that `merge` refuses
 * shards of two builds whose files are named and sized alike (images of fixed partition sizes):
 * each property file's SHA-256 (every shard reads them all), and of every other file of 64 KiB
 * or more the SHA-256 of its first 4 KiB and last 8 KiB (an ext4 or EROFS superblock's UUID and times, a
 * ZIP's end of central directory and last entries with their CRCs, a sparse or payload header):
 * 20-30 ms for the bench corpus's 797 files. A file that cannot be read (an unreadable finding
 * of its own) counts by its size.
 */
/** Files this small are known by name and size only: a tree of 100,000 of them cost 0.9 s to sample. */
const SAMPLED_FROM = 64 << 10;

function contentSamples(files: readonly FileArtifact[]): string[] {
  const out: string[] = [];
  const head = Buffer.alloc(4096);
  const tail = Buffer.alloc(8192);
  for (const f of files) {
    try {
      const hash = createHash('sha256');
      if (isPropertyFile(f.relPath) && f.size <= 16 << 20) hash.update(readFileSync(f.abs));
      else if (f.size < SAMPLED_FROM) continue;
      else {
        const fd = openSync(f.abs, 'r');
        try {
          hash.update(head.subarray(0, readSync(fd, head, 0, Math.min(head.length, f.size), 0)));
          const at = Math.max(head.length, f.size - tail.length);
          if (at < f.size) hash.update(tail.subarray(0, readSync(fd, tail, 0, f.size - at, at)));
        } finally {
          closeSync(fd);
        }
      }
      out.push(`${f.relPath}\u0000sha256:${hash.digest('hex')}`);
    } catch {
      // counted by name and size only
    }
  }
  return out;
}

function sha256OfList(lines: string[]): string {
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}
