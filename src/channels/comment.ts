/**
 * The pull-request comment (`comment: on-failure | always`): one comment per workflow job and
 * set of targets, found again by a hidden marker and updated in place, also when a later run
 * passes (so a stale failure never stays on the PR). Shortened below GitHub's 65,536-character
 * body limit by dropping detail (render-markdown's stages), never by cutting a table.
 */
import type { Report } from '../report/model.js';
import { COMMENT_MAX_CHARS, renderMarkdown } from '../report/render-markdown.js';

export type CommentMode = 'never' | 'on-failure' | 'always';
export const COMMENT_MODES: readonly CommentMode[] = ['never', 'on-failure', 'always'];

/** A margin under the 65,536-character limit. */
export const COMMENT_BUDGET = COMMENT_MAX_CHARS - 536;

/**
 * `<!-- activation-gate:comment build.yml/gate 600E0 -->`. The key tells the comments of matrix
 * jobs apart; `--` and `>` cannot end the HTML comment early.
 */
export function commentMarker(key: string): string {
  const safe = key.replace(/-{2,}/g, '-').replace(/[<>\r\n]/g, ' ').trim();
  return `<!-- activation-gate:comment ${safe} -->`;
}

/**
 * The marker key of a job: workflow and job, then what it scans (`subjects`: the Action passes
 * its `path` lines and `sku`/`market` inputs, which stay the same from run to run whatever the
 * build holds; by default the report's SKUs, markets or inputs).
 */
export function commentKey(report: Report, env: NodeJS.ProcessEnv, subjects?: string[]): string {
  const list = subjects ?? [...new Set(report.targets.map((t) => t.sku ?? t.market ?? t.input))].sort();
  return [env.GITHUB_WORKFLOW ?? '', env.GITHUB_JOB ?? '', list.join(',')].filter(Boolean).join(' / ');
}

export function renderComment(report: Report, marker: string, fullReportHint?: string): string {
  return renderMarkdown(report, { header: `${marker}\n`, maxChars: COMMENT_BUDGET, fullReportHint });
}

/** The slice of Octokit this channel calls. */
export interface CommentsClient {
  paginate: {
    iterator(
      route: unknown,
      params: { owner: string; repo: string; issue_number: number; per_page: number; request?: { signal?: AbortSignal } },
    ): AsyncIterable<{ data: { id: number; body?: string | null }[] }>;
  };
  rest: {
    issues: {
      listComments: unknown;
      createComment(params: { owner: string; repo: string; issue_number: number; body: string; request?: { signal?: AbortSignal } }): Promise<{ data: { id: number } }>;
      updateComment(params: { owner: string; repo: string; comment_id: number; body: string; request?: { signal?: AbortSignal } }): Promise<unknown>;
    };
  };
}

export type CommentResult = 'created' | 'updated' | 'skipped';

export interface UpsertOptions {
  owner: string;
  repo: string;
  issueNumber: number;
  mode: CommentMode;
  failing: boolean;
  marker: string;
  body: string;
  signal?: AbortSignal;
}

/** Finds the marked comment and updates it, or creates one when the mode asks for it. */
export async function upsertComment(client: CommentsClient, o: UpsertOptions): Promise<{ result: CommentResult; id?: number }> {
  if (o.mode === 'never') return { result: 'skipped' };
  const request = o.signal ? { request: { signal: o.signal } } : {};
  let existing: number | undefined;
  for await (const page of client.paginate.iterator(client.rest.issues.listComments, {
    owner: o.owner,
    repo: o.repo,
    issue_number: o.issueNumber,
    per_page: 100,
    ...request,
  })) {
    // Our comments start with the marker; one that only contains it (a name from the build quoted
    // in another job's comment, a person's reply) is not ours to overwrite.
    const hit = page.data.find((c) => (c.body ?? '').startsWith(o.marker));
    if (hit) {
      existing = hit.id;
      break;
    }
  }
  if (existing !== undefined) {
    await client.rest.issues.updateComment({ owner: o.owner, repo: o.repo, comment_id: existing, body: o.body, ...request });
    return { result: 'updated', id: existing };
  }
  // on-failure: a passing run only updates a comment an earlier failure left.
  if (o.mode === 'on-failure' && !o.failing) return { result: 'skipped' };
  const created = await client.rest.issues.createComment({ owner: o.owner, repo: o.repo, issue_number: o.issueNumber, body: o.body, ...request });
  return { result: 'created', id: created.data.id };
}
