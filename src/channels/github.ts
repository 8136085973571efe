/**
 * The GitHub API channels (check run, PR comment): the only network access of the Action, and
 * only when asked for. They never change the verdict and never throw: a fork pull request, a
 * token without `checks: write` / `pull-requests: write`, or any API error gives ONE warning
 * saying what was skipped and which permission is missing; annotations, the job summary, the
 * SARIF file and the exit status are unaffected. The token is never printed.
 */
import { readFileSync } from 'node:fs';
import type { Report } from '../report/model.js';
import { planCheckRun, publishCheckRun, type ChecksClient } from './check-run.js';
import { commentKey, commentMarker, renderComment, upsertComment, type CommentMode, type CommentsClient } from './comment.js';

export interface GitHubEventContext {
  owner: string;
  repo: string;
  eventName: string;
  /** The commit to attach the check run to: the PR head, else GITHUB_SHA. */
  headSha?: string;
  /** Set for pull_request-like events. */
  prNumber?: number;
  /** Why the token is read-only, when known before any request (a fork PR, Dependabot). */
  readOnlyReason?: string;
}

interface EventPayload {
  pull_request?: {
    number?: number;
    head?: { sha?: string; repo?: { full_name?: string } | null };
    base?: { repo?: { full_name?: string } };
  };
  issue?: { number?: number; pull_request?: unknown };
}

/** Reads GITHUB_REPOSITORY, GITHUB_EVENT_NAME, GITHUB_EVENT_PATH (the event payload) and GITHUB_SHA. */
export function readEventContext(env: NodeJS.ProcessEnv): GitHubEventContext | undefined {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) return undefined;
  let payload: EventPayload = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as EventPayload;
    } catch {
      payload = {};
    }
  }
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const ctx: GitHubEventContext = { owner, repo, eventName };
  const pr = payload.pull_request;
  if (pr?.number !== undefined) ctx.prNumber = pr.number;
  else if (payload.issue?.pull_request && payload.issue.number !== undefined) ctx.prNumber = payload.issue.number;
  ctx.headSha = pr?.head?.sha ?? env.GITHUB_SHA;
  if (eventName === 'pull_request' && pr) {
    const head = pr.head?.repo?.full_name;
    const base = pr.base?.repo?.full_name ?? `${owner}/${repo}`;
    if (head !== base) ctx.readOnlyReason = 'this pull request comes from a fork, and GitHub gives its runs a read-only token';
    else if (env.GITHUB_ACTOR === 'dependabot[bot]') ctx.readOnlyReason = 'Dependabot pull requests get a read-only token';
  }
  return ctx;
}

export interface GitHubChannelInputs {
  checkRun: boolean;
  comment: CommentMode;
  token: string;
}

export type GitHubClient = ChecksClient & CommentsClient;

export interface GitHubChannelResult {
  /** The one warning to show, when something was skipped or failed. */
  warning?: string;
  checkRun?: { id: number; url?: string; requests: number };
  comment?: 'created' | 'updated' | 'skipped';
  /** Lines for the log (info). */
  log: string[];
}

export interface GitHubChannelOptions {
  report: Report;
  inputs: GitHubChannelInputs;
  context: GitHubEventContext | undefined;
  env: NodeJS.ProcessEnv;
  /** Creates the API client; called only when a request will be made. */
  client: (token: string) => GitHubClient;
  fallback?: { file: string; line: number };
  fullReportHint?: string;
  /** What the job scans, for the comment's marker (see commentKey). */
  commentSubjects?: string[];
  /** Whole-channel deadline (ms, default 60 s): a hanging API must not hang the step. */
  timeoutMs?: number;
}

interface ApiErrorLike {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined> };
}

/** A short, token-free description of an API error. */
export function describeApiError(err: unknown, token: string): { status?: number; text: string; accepted?: string } {
  const e = (err ?? {}) as ApiErrorLike;
  const status = typeof e.status === 'number' ? e.status : undefined;
  let message = err instanceof Error ? err.message : String(err);
  // Octokit appends the docs URL; the first line is enough.
  message = message.split('\n')[0].slice(0, 300);
  if (token) message = message.split(token).join('***');
  const accepted = e.response?.headers?.['x-accepted-github-permissions'];
  return { status, text: status ? `HTTP ${status}: ${message}` : message, ...(accepted ? { accepted } : {}) };
}

function isPermissionError(status: number | undefined, text: string): boolean {
  return status === 403 || (status === 404 && /not accessible|not found/i.test(text)) || /Resource not accessible by integration/i.test(text);
}

export async function publishToGitHub(o: GitHubChannelOptions): Promise<GitHubChannelResult> {
  const { report, inputs, context } = o;
  const result: GitHubChannelResult = { log: [] };
  const failing = report.verdict === 'fail';
  const wantCheck = inputs.checkRun;
  let wantComment = inputs.comment !== 'never';
  if (wantComment && context?.prNumber === undefined) {
    result.log.push(`comment: ${inputs.comment}, but this run (${context?.eventName || 'no event'}) is not for a pull request: no comment.`);
    wantComment = false;
  }
  // on-failure with a passing run still looks the comment up: one an earlier failing run left
  // is updated to say the build passes now.
  if (!wantCheck && !wantComment) return result;

  const channels = [wantCheck ? 'the check run' : undefined, wantComment ? 'the pull-request comment' : undefined].filter(Boolean).join(' and ');
  const permissions = [wantCheck ? '`checks: write`' : undefined, wantComment ? '`pull-requests: write`' : undefined].filter(Boolean).join(' and ');
  const unaffected = 'Annotations, the job summary, the SARIF file and the exit status are unaffected.';
  if (!context) {
    result.warning = `Skipped ${channels}: GITHUB_REPOSITORY is not set, so there is no repository to post to. ${unaffected}`;
    return result;
  }
  if (!inputs.token) {
    result.warning = `Skipped ${channels}: the github-token input is empty (it needs ${permissions}). ${unaffected}`;
    return result;
  }
  if (context.readOnlyReason) {
    result.warning = `Skipped ${channels}: ${context.readOnlyReason} (missing ${permissions}). ${unaffected}`;
    return result;
  }

  const signal = AbortSignal.timeout(o.timeoutMs ?? 60_000);
  let client: GitHubClient;
  try {
    client = o.client(inputs.token);
  } catch (err) {
    result.warning = `Skipped ${channels}: the GitHub client could not be created (${describeApiError(err, inputs.token).text}). ${unaffected}`;
    return result;
  }
  const missing: string[] = [];
  const problems: string[] = [];
  const repo = { owner: context.owner, repo: context.repo };

  if (wantCheck) {
    if (!context.headSha) problems.push('the check run was skipped: no commit SHA (GITHUB_SHA) to attach it to');
    else {
      try {
        const skus = [...new Set(report.targets.map((t) => t.sku ?? t.market).filter((x): x is string => !!x))].sort();
        const plan = planCheckRun(report, {
          name: skus.length > 0 && skus.length <= 5 ? `activation-gate (${skus.join(', ')})` : 'activation-gate',
          headSha: context.headSha,
          fallback: o.fallback,
          fullReportHint: o.fullReportHint,
        });
        result.checkRun = await publishCheckRun(client, repo, plan, signal);
        result.log.push(`check run ${result.checkRun.id}: ${plan.conclusion}, ${plan.batches.reduce((n, b) => n + b.length, 0)} annotations in ${result.checkRun.requests} requests.`);
      } catch (err) {
        const d = describeApiError(err, inputs.token);
        if (isPermissionError(d.status, d.text)) missing.push(`the check run needs \`checks: write\` (${d.text})`);
        else problems.push(`the check run failed (${d.text})`);
      }
    }
  }
  if (wantComment && context.prNumber !== undefined) {
    try {
      const marker = commentMarker(commentKey(report, o.env, o.commentSubjects));
      const r = await upsertComment(client, {
        ...repo,
        issueNumber: context.prNumber,
        mode: inputs.comment,
        failing,
        marker,
        body: renderComment(report, marker, o.fullReportHint),
        signal,
      });
      result.comment = r.result;
      result.log.push(`pull-request comment: ${r.result}${r.id !== undefined ? ` (${r.id})` : ''}.`);
    } catch (err) {
      const d = describeApiError(err, inputs.token);
      if (isPermissionError(d.status, d.text)) missing.push(`the pull-request comment needs \`pull-requests: write\` (${d.text})`);
      else problems.push(`the pull-request comment failed (${d.text})`);
    }
  }
  if (missing.length > 0 || problems.length > 0) {
    const parts: string[] = [];
    if (missing.length > 0) parts.push(`the token lacks a permission: ${missing.join('; ')}. Add it under \`permissions:\` in the workflow job`);
    if (problems.length > 0) parts.push(problems.join('; '));
    result.warning = `GitHub API: ${parts.join('. Also, ')}. ${unaffected}`;
  }
  return result;
}
