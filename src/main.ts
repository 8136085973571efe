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
import type { Location, Report } from './report/model.js';
import { writeJsonFile } from './report/render-json.js';
import { writeSarifFile } from './report/render-sarif.js';
import { renderErrorMarkdown, renderMarkdown } from './report/render-markdown.js';
import { renderText, verdictLine } from './report/render-text.js';
import type { ScanOptions } from './scan-options.js';
import { scan } from './scan.js';
import { emitAnnotations, MAX_ANNOTATIONS_PER_LEVEL, planAnnotations } from './channels/annotations.js';
import { DEFAULT_POLICY_FILE, expandGlob, expandInputPaths, hasGlobMagic, readInputs, workflowFile, workspaceRelative, type ActionInputs } from './action/inputs.js';
import { publishToGitHub, readEventContext, type GitHubClient } from './channels/github.js';
import { setOutputs } from './channels/outputs.js';
import { writeSummary } from './channels/summary.js';
import { indexSourceTree, type SourceIndex, unreadableNote } from './source/indexer.js';
import { isInsideWorkspace, locateFindings, wantedNames } from './source/locate.js';

/** Findings per target the log lists (the report file has them all). */
export const LOG_MAX_FINDINGS = 1000;

export { DEFAULT_POLICY_FILE, expandGlob, expandInputPaths, hasGlobMagic, readInputs, workflowFile, workspaceRelative, type ActionInputs };

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

/** Creates the folder of `file` (relative to the workspace) and has `write` stream into it. */
async function writeWorkspaceFile(workspace: string, file: string, write: (abs: string) => void): Promise<void> {
  const abs = path.resolve(workspace, file);
  await fsp.mkdir(path.dirname(abs), { recursive: true });
  write(abs);
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
      if (index.stats.unreadable > 0) logger.info(`source-root: ${unreadableNote(index.stats.unreadable)}`);
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
      ...(inputs.cacheRehash ? { cacheRehash: true } : {}),
      ...(inputs.cachePrune ? { cachePrune: true } : {}),
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

    // Both streamed to their files: a big build's report is never held whole in memory.
    if (inputs.reportFile) await writeWorkspaceFile(inputs.workspace, inputs.reportFile, (abs) => writeJsonFile(abs, report));
    if (inputs.sarifFile) {
      const sarifOptions = env.GITHUB_ACTION_REPOSITORY ? { informationUri: `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_ACTION_REPOSITORY}` } : {};
      await writeWorkspaceFile(inputs.workspace, inputs.sarifFile, (abs) => writeSarifFile(abs, report, sarifOptions));
    }

    // The text report in the log, with workflow commands stopped: it quotes strings from the build.
    // At most LOG_MAX_FINDINGS findings per target, most severe first: a build with tens of
    // thousands of unlisted endpoints would otherwise write as many log lines (8 MB, 2 s).
    const stopToken = randomUUID();
    core.info(`::stop-commands::${stopToken}`);
    core.info(
      renderText(report, {
        maxFindings: LOG_MAX_FINDINGS,
        moreFindingsIn: inputs.reportFile ? `every finding is in ${inputs.reportFile} (the report-file input)` : 'set the report-file input to keep every finding',
      }),
    );
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
      used: { error: logged.error + (gateFails ? 1 : 0), warning: logged.warning + githubWarnings, notice: 0 },
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
