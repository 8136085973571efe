/**
 * The GitHub Action: inputs -> scan() -> source-line locations -> channels (report file, SARIF
 * file, check run, PR comment, annotations, job summary, outputs) -> exit status. Channels never
 * decide the verdict; the report does, and the gate is the step's exit status. The job summary
 * is written in every case, also when the scan could not run.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, promises as fsp } from 'node:fs';
import path from 'node:path';
import * as actionsCore from '@actions/core';
import { getOctokit } from '@actions/github';
import { PolicyError, PolicyErrors, UsageError } from './errors.js';
import type { Logger } from './logging.js';
import { getActionsLogger } from './logging-actions.js';
import type { Location, Report, Severity } from './report/model.js';
import { renderJson } from './report/render-json.js';
import { renderSarif } from './report/render-sarif.js';
import { renderErrorMarkdown, renderMarkdown } from './report/render-markdown.js';
import { renderText, verdictLine } from './report/render-text.js';
import type { ScanOptions } from './scan-options.js';
import { scan } from './scan.js';
import { parseShard, type ShardSpec } from './extract/shard-split.js';
import { clampMaxPerLevel, emitAnnotations, MAX_ANNOTATIONS_PER_LEVEL, planAnnotations } from './channels/annotations.js';
import { COMMENT_MODES, type CommentMode } from './channels/comment.js';
import { publishToGitHub, readEventContext, type GitHubClient } from './channels/github.js';
import { setOutputs } from './channels/outputs.js';
import { writeSummary } from './channels/summary.js';
import { indexSourceTree, type SourceIndex } from './source/indexer.js';
import { isInsideWorkspace, locateFindings, wantedNames } from './source/locate.js';

/** The part of @actions/core the Action uses; tests pass the real module or a fake. */
export type ActionsCore = Pick<
  typeof actionsCore,
  | 'getInput'
  | 'setOutput'
  | 'setFailed'
  | 'debug'
  | 'info'
  | 'warning'
  | 'error'
  | 'notice'
  | 'isDebug'
  | 'startGroup'
  | 'endGroup'
  | 'summary'
>;

export type ScanFn = (options: ScanOptions, logger: Logger) => Promise<Report>;

/** Creates the GitHub API client for the check run and the comment. */
export type GitHubClientFactory = (token: string, env: NodeJS.ProcessEnv) => GitHubClient;

export interface MainDeps {
  core: ActionsCore;
  scan: ScanFn;
  env: NodeJS.ProcessEnv;
  cwd: () => string;
  github: GitHubClientFactory;
}

/**
 * The real Octokit of @actions/github. The API URL is read from the environment at call time
 * (GITHUB_API_URL: GitHub Enterprise Server, or a local server in tests).
 */
export const defaultGitHubClient: GitHubClientFactory = (token, env) =>
  getOctokit(token, { baseUrl: env.GITHUB_API_URL || 'https://api.github.com' }) as unknown as GitHubClient;

export const defaultDeps: MainDeps = {
  core: actionsCore,
  scan,
  env: process.env,
  cwd: () => process.cwd(),
  github: defaultGitHubClient,
};

export const DEFAULT_POLICY_FILE = '.github/activation-gate.yml';
const FAIL_ON = ['error', 'warning', 'note', 'never'] as const;

/** Inputs accepted by action.yml but not implemented yet: named once in a notice, not ignored silently. */
const NOT_IMPLEMENTED: { name: string; inactive: (v: string) => boolean }[] = [];

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
  /** `name (value)` of inputs given but not implemented yet. */
  notImplemented: string[];
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

  const sourceRoot = path.resolve(workspace, input('source-root') || '.');

  const maxRaw = input('max-annotations');
  let maxAnnotations = MAX_ANNOTATIONS_PER_LEVEL;
  if (maxRaw) {
    if (!/^-?\d+$/.test(maxRaw)) throw new UsageError(`max-annotations: found "${maxRaw}"; allowed: a whole number from 1 to 10.`);
    maxAnnotations = clampMaxPerLevel(Number(maxRaw));
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

  const notImplemented = NOT_IMPLEMENTED.filter((n) => !n.inactive(input(n.name))).map((n) => `${n.name} (${input(n.name)})`);

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
    ...(input('baseline') ? { baseline: input('baseline') } : {}),
    notImplemented,
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

function isNamed(err: unknown, name: string): boolean {
  return err instanceof Error && err.name === name;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Reports a failure that left no report; returns the summary text for it. */
function reportFailure(err: unknown, core: ActionsCore, workspace: string | undefined): string {
  const policyAnnotation = (e: PolicyError): void => {
    const file = workspace ? workspaceRelative(workspace, e.file) : undefined;
    core.error(e.message, {
      title: 'activation-gate: policy',
      ...(file ? { file, startLine: e.line, startColumn: e.column } : {}),
    });
  };
  if (err instanceof PolicyErrors || isNamed(err, 'PolicyErrors')) {
    const errors = (err as PolicyErrors).errors;
    // One error slot stays for setFailed.
    for (const e of errors.slice(0, MAX_ANNOTATIONS_PER_LEVEL - 1)) policyAnnotation(e);
    const message = `The policy file has ${errors.length} error${errors.length === 1 ? '' : 's'}:\n${(err as Error).message}`;
    core.setFailed(message);
    return renderErrorMarkdown(message, { title: 'policy error' });
  }
  if (err instanceof PolicyError || isNamed(err, 'PolicyError')) {
    policyAnnotation(err as PolicyError);
    core.setFailed((err as Error).message);
    return renderErrorMarkdown((err as Error).message, { title: 'policy error' });
  }
  if (err instanceof UsageError || isNamed(err, 'UsageError')) {
    core.setFailed((err as Error).message);
    return renderErrorMarkdown((err as Error).message, { title: 'usage error' });
  }
  const message = `activation-gate failed unexpectedly: ${errorMessage(err)}`;
  if (err instanceof Error && err.stack) core.debug(err.stack);
  core.setFailed(message);
  return renderErrorMarkdown(message);
}

/** Absolute finding locations inside the workspace, made workspace-relative (as annotations need). */
function relativeLocations(report: Report, workspace: string): Report {
  const fix = (loc: Location): Location => {
    if (!path.isAbsolute(loc.file)) return loc;
    const rel = workspaceRelative(workspace, loc.file);
    return rel && rel !== '.' ? { ...loc, file: rel } : loc;
  };
  return { ...report, findings: report.findings.map((f) => (f.location ? { ...f, location: fix(f.location) } : f)) };
}

async function writeWorkspaceFile(workspace: string, file: string, text: string): Promise<void> {
  const abs = path.resolve(workspace, file);
  await fsp.mkdir(path.dirname(abs), { recursive: true });
  await fsp.writeFile(abs, text, 'utf8');
}

/**
 * Indexes `source-root` (only when some finding has a module or package to look up) and points
 * the findings at their source lines. An unreadable source tree never fails the gate.
 */
async function locate(report: Report, inputs: ActionInputs, fallback: Location | undefined, logger: Logger): Promise<Report> {
  const wanted = wantedNames(report);
  let index: SourceIndex | undefined;
  if (wanted.size > 0) {
    try {
      index = await indexSourceTree(inputs.sourceRoot, {
        workspace: inputs.workspace,
        wanted,
        exclude: inputs.paths.map((p) => path.resolve(inputs.workspace, p)),
      });
      logger.debug(
        `source-root ${inputs.sourceRoot}: ${index.stats.read} of ${index.stats.files} files read, ${index.declarations.length} declarations of ${wanted.size} names`,
      );
      if (index.stats.truncated) logger.info(`source-root: stopped indexing after ${index.stats.files} files; some findings may point at the policy file instead.`);
    } catch (err) {
      logger.info(`source-root: could not index ${inputs.sourceRoot} (${errorMessage(err)}); findings point at the policy file instead.`);
    }
  }
  return locateFindings(report, index, fallback);
}

export async function run(overrides: Partial<MainDeps> = defaultDeps): Promise<void> {
  const deps: MainDeps = { ...defaultDeps, ...overrides };
  const { core, env } = deps;
  const logger = getActionsLogger(core);
  let summary: string | undefined;
  let workspace: string | undefined;
  try {
    const inputs = await readInputs(core, env, deps.cwd());
    workspace = inputs.workspace;
    let noticesUsed = 0;
    if (inputs.notImplemented.length > 0) {
      core.notice(
        `Not implemented yet, so ignored in this version: ${inputs.notImplemented.join(', ')}. The gate still runs; every other input works.`,
        { title: 'activation-gate: inputs not implemented' },
      );
      noticesUsed++;
    }
    core.debug(
      `inputs: paths=${JSON.stringify(inputs.paths)} policy=${inputs.policyFile ?? '(built-in)'} market=${inputs.market ?? ''} sku=${inputs.sku ?? ''} fail-on=${inputs.failOn} source-root=${inputs.sourceRoot}`,
    );

    const options: ScanOptions = {
      inputs: inputs.paths,
      policyFile: inputs.policyFile,
      market: inputs.market,
      sku: inputs.sku,
      failOn: inputs.failOn,
      cwd: inputs.workspace,
      sourceRoot: inputs.sourceRoot,
      ...(inputs.shard ? { shard: inputs.shard } : {}),
      ...(inputs.cacheDir ? { cacheDir: inputs.cacheDir } : {}),
      ...(inputs.baseline ? { baseline: inputs.baseline } : {}),
    };
    const scanned = await deps.scan(options, logger);

    // Source-line locations: the line of the repository that pulled each module in, else the
    // policy line of the market's rule, else the workflow file.
    const workflow = workflowFile(env);
    const fallback: Location | undefined = inputs.policyFile && isInsideWorkspace(inputs.policyFile)
      ? { file: inputs.policyFile, line: 1 }
      : workflow && existsSync(path.resolve(inputs.workspace, workflow))
        ? { file: workflow, line: 1 }
        : undefined;
    const report = await locate(relativeLocations(scanned, inputs.workspace), inputs, fallback, logger);

    if (inputs.reportFile) await writeWorkspaceFile(inputs.workspace, inputs.reportFile, renderJson(report));
    if (inputs.sarifFile) {
      await writeWorkspaceFile(
        inputs.workspace,
        inputs.sarifFile,
        renderSarif(report, {
          ...(env.GITHUB_ACTION_REPOSITORY ? { informationUri: `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_ACTION_REPOSITORY}` } : {}),
        }),
      );
    }

    // The text report in the log, with workflow commands stopped: it quotes strings from the build.
    const stopToken = randomUUID();
    core.info(`::stop-commands::${stopToken}`);
    core.info(renderText(report));
    core.info(`::${stopToken}::`);

    const failing = report.verdict === 'fail';
    // `fail-on: never` reports only: the verdict still says what was found, the step passes.
    // A shard saw part of the build: its findings are partial, the merge job is the gate.
    const partial = inputs.shard ? `partial: shard ${inputs.shard.index}/${inputs.shard.count}` : undefined;
    const gateFails = failing && inputs.failOn !== 'never' && !partial;
    const fullReportHint = inputs.reportFile ? `\`${inputs.reportFile}\` (the \`report-file\` input)` : 'set the `report-file` input to keep it';

    // Check run and PR comment: best effort, one warning at most, never the verdict.
    let githubWarnings = 0;
    const published = partial
      ? { log: [`${partial}: no check run or pull-request comment from a shard; the merge job gives the verdict.`], warning: undefined }
      : await publishToGitHub({
      report,
      inputs: { checkRun: inputs.checkRun, comment: inputs.comment, token: inputs.token },
      context: readEventContext(env),
      env,
      client: (token) => deps.github(token, env),
      fallback,
      fullReportHint,
      commentSubjects: [...inputs.pathLines, ...(inputs.sku ? [`sku ${inputs.sku}`] : []), ...(inputs.market ? [`market ${inputs.market}`] : [])],
    });
    for (const line of published.log) core.info(line);
    if (published.warning) {
      core.warning(published.warning, { title: 'activation-gate: GitHub API' });
      githubWarnings++;
    }

    const logged = logger.annotationsUsed();
    const mapLocation = (loc: Location): Location | undefined => (isInsideWorkspace(loc.file) ? loc : undefined);
    const annotated = partial ? report.findings.map((f) => ({ ...f, message: `[${partial}] ${f.message}` })) : report.findings;
    const plan = planAnnotations(annotated, {
      maxPerLevel: inputs.maxAnnotations,
      used: { error: logged.error + (gateFails ? 1 : 0), warning: logged.warning + githubWarnings, notice: noticesUsed },
      fallback,
      mapLocation,
    });
    emitAnnotations(plan, core);

    summary = renderMarkdown(report, { fullReportHint });
    setOutputs(report, { reportFile: inputs.reportFile, sarifFile: inputs.sarifFile }, core);

    if (gateFails) core.setFailed(`${verdictLine(report)}: see the annotations and the job summary.`);
    else if (failing && partial) core.info(`${verdictLine(report)}: a shard never fails the step; \`activation-gate merge\` of every shard's report-file gives the verdict.`);
    else if (failing) core.info(`${verdictLine(report)}: fail-on is never, so the step passes.`);
  } catch (err) {
    summary = reportFailure(err, core, workspace);
    try {
      core.setOutput('verdict', 'error');
    } catch (outErr) {
      core.debug(`could not set the verdict output: ${errorMessage(outErr)}`);
    }
  } finally {
    try {
      const result = await writeSummary(summary ?? renderErrorMarkdown('No report was produced.'), core, env);
      if (result === 'no-summary-file') core.debug('GITHUB_STEP_SUMMARY is not set: no job summary written.');
    } catch (err) {
      core.warning(`The job summary could not be written: ${errorMessage(err)}`);
    }
  }
}
