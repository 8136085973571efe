/**
 * The Action's inputs: `INPUT_*` values read, validated and normalised into ActionInputs, with
 * the `path` input's globs expanded over the workspace. No scanning, no GitHub calls.
 */
import { existsSync, promises as fsp, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { Severity } from '../report/model.js';
import { parseShard, type ShardSpec } from '../extract/shard-split.js';
import { clampMaxPerLevel, MAX_ANNOTATIONS_PER_LEVEL } from '../channels/annotations.js';
import { COMMENT_MODES, type CommentMode } from '../channels/comment.js';
import type { ActionsCore } from '../main.js';

export const DEFAULT_POLICY_FILE = '.github/activation-gate.yml';
const FAIL_ON = ['error', 'warning', 'note', 'never'] as const;


export interface ActionInputs {
  workspace: string;
  /** Inputs after glob expansion: workspace-relative (POSIX) when inside it, else absolute. */
  paths: string[];
  /** The `path` input's lines as written (comments and blank lines dropped). */
  pathLines: string[];
  /** Policy file, workspace-relative when inside it; undefined = built-in market policies. */
  policyFile?: string;
  market?: string;
  sku?: string;
  failOn: Severity | 'never';
  /** Absolute. */
  sourceRoot: string;
  /** As given (relative to the workspace), or undefined. */
  reportFile?: string;
  /** As given (relative to the workspace), or undefined. */
  sarifFile?: string;
  /** A previous JSON report (relative to the workspace): new clients and endpoints are findings. */
  baseline?: string;
  comment: CommentMode;
  checkRun: boolean;
  /** Never logged. */
  token: string;
  maxAnnotations: number;
  /** `shard: I/N`: this job scans one shard; `report-file` holds the shard report for `merge`. */
  shard?: ShardSpec;
  /** `cache-dir`, absolute. */
  cacheDir?: string;
  /** `cache-rehash`: hash every file, whatever digests the cache folder remembers. */
  cacheRehash?: boolean;
  /** `cache-prune`: remove the cache folder's entries this scan did not use. */
  cachePrune?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Paths and globs

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Workspace-relative POSIX path, or undefined when `p` is outside the workspace. */
export function workspaceRelative(workspace: string, p: string): string | undefined {
  const rel = path.relative(workspace, path.resolve(workspace, p));
  if (rel === '') return '.';
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return toPosix(rel);
}

function displayPath(workspace: string, abs: string): string {
  return workspaceRelative(workspace, abs) ?? toPosix(abs);
}

export function hasGlobMagic(s: string): boolean {
  return /[*?[]/.test(s);
}

/** One path segment's glob (`*`, `?`, `[...]`) as a regular expression. */
function segmentRegExp(seg: string): RegExp {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = seg.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        let body = seg.slice(i + 1, end);
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        re += `[${body.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const GLOBSTAR = Symbol('globstar');
type Part = RegExp | typeof GLOBSTAR;

/**
 * Expands one glob (`*`, `?`, `[...]` within a segment, `**` across segments) against the
 * file system, relative to `root`. Matches files and folders; does not follow symbolic links to
 * folders and never descends into `.git`. Returns absolute paths, sorted.
 */
export async function expandGlob(pattern: string, root: string): Promise<string[]> {
  const abs = path.isAbsolute(pattern);
  const segs = toPosix(pattern)
    .split('/')
    .filter((s) => s !== '' && s !== '.');
  let base = abs ? path.parse(path.resolve(pattern)).root : root;
  let i = 0;
  while (i < segs.length && !hasGlobMagic(segs[i])) base = path.join(base, segs[i++]);
  if (i === segs.length) return existsSync(base) ? [base] : [];
  const parts: Part[] = segs.slice(i).map((s) => (s === '**' ? GLOBSTAR : segmentRegExp(s)));
  const found = new Set<string>();

  const walk = async (dir: string, rest: Part[]): Promise<void> => {
    if (rest.length === 0) {
      found.add(dir);
      return;
    }
    const [head, ...tail] = rest;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (head === GLOBSTAR) {
      await walk(dir, tail);
      for (const e of entries) {
        if (e.isDirectory() && e.name !== '.git') await walk(path.join(dir, e.name), rest);
      }
      return;
    }
    for (const e of entries) {
      if (!head.test(e.name)) continue;
      const p = path.join(dir, e.name);
      if (tail.length === 0) found.add(p);
      else if (e.isDirectory() || e.isSymbolicLink()) await walk(p, tail);
    }
  };
  await walk(base, parts);
  return [...found].sort();
}

/**
 * The `path` input: one input per line, globs allowed, `!pattern` excludes, `#` starts a
 * comment line. A plain path that does not exist, or a glob that matches nothing, is a usage
 * error (a typo must not make the gate pass on nothing).
 */
export async function expandInputPaths(lines: string[], workspace: string): Promise<string[]> {
  const include = new Set<string>();
  const excluded: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('!')) {
      excluded.push(line.slice(1).trim());
      continue;
    }
    if (hasGlobMagic(line)) {
      const matches = await expandGlob(line, workspace);
      if (matches.length === 0) throw new UsageError(`path: the pattern "${line}" matches nothing in ${workspace}.`);
      for (const m of matches) include.add(m);
    } else {
      const abs = path.resolve(workspace, line);
      if (!existsSync(abs)) throw new UsageError(`path: "${line}" does not exist (looked in ${workspace}).`);
      include.add(abs);
    }
  }
  for (const pattern of excluded) {
    const matches = hasGlobMagic(pattern) ? await expandGlob(pattern, workspace) : [path.resolve(workspace, pattern)];
    for (const m of matches) include.delete(m);
  }
  const result = [...include].map((p) => displayPath(workspace, p)).sort();
  if (result.length === 0) throw new UsageError('path: no inputs left to scan after the exclusions.');
  return result;
}

// ---------------------------------------------------------------------------------------------
// Inputs

export async function readInputs(core: Pick<ActionsCore, 'getInput'>, env: NodeJS.ProcessEnv, cwd: string): Promise<ActionInputs> {
  const input = (name: string): string => core.getInput(name).trim();
  const workspace = path.resolve(env.GITHUB_WORKSPACE || cwd);

  const pathLines = core.getInput('path').split(/\r?\n/);
  if (pathLines.every((l) => l.trim() === '')) throw new UsageError('path: required; give one or more build outputs to scan, one per line.');
  const paths = await expandInputPaths(pathLines, workspace);

  let policyFile: string | undefined;
  const policy = input('policy');
  if (policy) {
    const abs = path.resolve(workspace, policy);
    if (!existsSync(abs)) throw new UsageError(`policy: the file "${policy}" does not exist (looked in ${workspace}).`);
    policyFile = displayPath(workspace, abs);
  } else if (existsSync(path.join(workspace, DEFAULT_POLICY_FILE))) {
    policyFile = DEFAULT_POLICY_FILE;
  }

  const market = input('market') || undefined;
  const sku = input('sku') || undefined;
  if (market && sku) throw new UsageError('market and sku: give one of them, not both (the SKU decides the market).');

  const failOnRaw = (input('fail-on') || 'error').toLowerCase();
  if (!(FAIL_ON as readonly string[]).includes(failOnRaw)) {
    throw new UsageError(`fail-on: found "${failOnRaw}"; allowed: ${FAIL_ON.join(', ')}.`);
  }

  const sourceRootRaw = input('source-root');
  const sourceRoot = path.resolve(workspace, sourceRootRaw || '.');
  // Given and not a folder is a typo in the workflow: said, as the CLI does, not left to point
  // every finding at the policy file instead of its makefile.
  if (sourceRootRaw && !isDirectory(sourceRoot)) {
    throw new UsageError(`source-root: "${sourceRootRaw}" is not a folder (looked in ${workspace}).`);
  }

  const maxRaw = input('max-annotations');
  let maxAnnotations = MAX_ANNOTATIONS_PER_LEVEL;
  if (maxRaw) {
    // Out of range is said, not clamped: 50 cannot be honoured (GitHub keeps 10 per level per
    // step) and 0 would hide the findings that fail the step.
    if (!/^\d+$/.test(maxRaw) || clampMaxPerLevel(Number(maxRaw)) !== Number(maxRaw)) {
      throw new UsageError(`max-annotations: found "${maxRaw}"; allowed: a whole number from 1 to ${MAX_ANNOTATIONS_PER_LEVEL} (GitHub shows at most ${MAX_ANNOTATIONS_PER_LEVEL} annotations per level per step).`);
    }
    maxAnnotations = Number(maxRaw);
  }

  const commentRaw = (input('comment') || 'never').toLowerCase();
  if (!(COMMENT_MODES as readonly string[]).includes(commentRaw)) {
    throw new UsageError(`comment: found "${commentRaw}"; allowed: ${COMMENT_MODES.join(', ')}.`);
  }
  const checkRunRaw = (input('check-run') || 'false').toLowerCase();
  if (checkRunRaw !== 'true' && checkRunRaw !== 'false') throw new UsageError(`check-run: found "${checkRunRaw}"; allowed: true, false.`);

  let shard: ShardSpec | undefined;
  const shardRaw = input('shard');
  if (shardRaw) {
    const spec = parseShard(shardRaw);
    if (typeof spec === 'string') throw new UsageError(`${spec}.`);
    shard = spec;
    if (!input('report-file')) throw new UsageError('shard: needs report-file, the shard report the merge job reads (activation-gate merge).');
  }
  const cacheDirRaw = input('cache-dir');
  const cacheDir = cacheDirRaw ? path.resolve(workspace, cacheDirRaw) : undefined;
  const cacheRehashRaw = (input('cache-rehash') || 'false').toLowerCase();
  if (cacheRehashRaw !== 'true' && cacheRehashRaw !== 'false') throw new UsageError(`cache-rehash: found "${cacheRehashRaw}"; allowed: true, false.`);
  if (cacheRehashRaw === 'true' && !cacheDir) throw new UsageError('cache-rehash: needs cache-dir.');
  const cachePruneRaw = (input('cache-prune') || 'false').toLowerCase();
  if (cachePruneRaw !== 'true' && cachePruneRaw !== 'false') throw new UsageError(`cache-prune: found "${cachePruneRaw}"; allowed: true, false.`);
  if (cachePruneRaw === 'true' && !cacheDir) throw new UsageError('cache-prune: needs cache-dir.');
  if (cachePruneRaw === 'true' && shard) throw new UsageError('cache-prune: not with shard (a shard uses only its share of the cache).');


  return {
    workspace,
    paths,
    pathLines: pathLines.map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#')),
    policyFile,
    market,
    sku,
    failOn: failOnRaw as Severity | 'never',
    sourceRoot,
    reportFile: input('report-file') || undefined,
    sarifFile: input('sarif-file') || undefined,
    comment: commentRaw as CommentMode,
    checkRun: checkRunRaw === 'true',
    token: core.getInput('github-token').trim(),
    maxAnnotations,
    ...(shard ? { shard } : {}),
    ...(cacheDir ? { cacheDir } : {}),
    ...(cacheRehashRaw === 'true' ? { cacheRehash: true } : {}),
    ...(cachePruneRaw === 'true' ? { cachePrune: true } : {}),
    ...(input('baseline') ? { baseline: input('baseline') } : {}),
  };
}

/** `owner/repo/.github/workflows/ci.yml@refs/heads/main` -> `.github/workflows/ci.yml`. */
export function workflowFile(env: NodeJS.ProcessEnv): string | undefined {
  const ref = env.GITHUB_WORKFLOW_REF;
  if (!ref) return undefined;
  const m = /^[^/]+\/[^/]+\/(.+?)@/.exec(ref);
  return m?.[1];
}

// ---------------------------------------------------------------------------------------------
// run()

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
