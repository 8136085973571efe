/**
 * Check run and PR comment through the real @actions/github Octokit, pointed at a local HTTP
 * server on 127.0.0.1 that records the requests (__fixtures__/github-api.ts).
 */
import { afterAll, beforeEach, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { getOctokit } from '@actions/github';
import { planCheckRun, CHECK_SUMMARY_MAX_CHARS } from '../../src/channels/check-run.js';
import { commentMarker, renderComment } from '../../src/channels/comment.js';
import { describeApiError, publishToGitHub, readEventContext, type GitHubClient } from '../../src/channels/github.js';
import type { Report } from '../../src/report/model.js';
import { createLargeReport, createPassingReport, createTestFinding, createTestReport } from '../../__fixtures__/report.js';
import { pullRequestEvent, seedComments, startFakeGitHubApi, type FakeGitHubApi } from '../../__fixtures__/github-api.js';
import { tempDir } from '../helpers/temp.js';

const TOKEN = 'ghs_TESTtoken0123456789abcdefABCDEF';
let api: FakeGitHubApi;
beforeEach(async () => {
  await api?.close();
  api = await startFakeGitHubApi();
});
afterAll(async () => {
  await api?.close();
});

function eventFile(payload: unknown): string {
  const dir = tempDir('ag-event-');
  const file = path.join(dir, 'event.json');
  writeFileSync(file, JSON.stringify(payload));
  return file;
}

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    GITHUB_REPOSITORY: 'acme/firmware',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventFile(pullRequestEvent()),
    GITHUB_SHA: 'ffffffffffffffffffffffffffffffffffffffff',
    GITHUB_WORKFLOW: 'firmware-gate',
    GITHUB_JOB: 'gate',
    ...extra,
  };
}

const client = (token: string): GitHubClient => getOctokit(token, { baseUrl: api.url }) as unknown as GitHubClient;

async function publish(report: Report, inputs: { checkRun?: boolean; comment?: 'never' | 'on-failure' | 'always' }, e: NodeJS.ProcessEnv = env()) {
  return publishToGitHub({
    report,
    inputs: { checkRun: inputs.checkRun ?? false, comment: inputs.comment ?? 'never', token: TOKEN },
    context: readEventContext(e),
    env: e,
    client,
    fallback: { file: '.github/workflows/firmware-gate.yml', line: 1 },
  });
}

describe('check run', () => {
  it('create (first 50 annotations), update per further batch, then complete with the verdict', async () => {
    const report = createLargeReport(120, 2);
    const res = await publish(report, { checkRun: true });
    expect(res.warning).toBeUndefined();
    const calls = api.requests.map((r) => `${r.method} ${r.path}`);
    expect(calls).toEqual([
      'POST /repos/acme/firmware/check-runs',
      'PATCH /repos/acme/firmware/check-runs/1000',
      'PATCH /repos/acme/firmware/check-runs/1000',
      'PATCH /repos/acme/firmware/check-runs/1000',
    ]);
    const bodies = api.requests.map((r) => r.body as { head_sha?: string; name?: string; status?: string; conclusion?: string; output: { title: string; summary: string; annotations?: unknown[] } });
    expect(bodies[0]).toMatchObject({ name: 'activation-gate (600E0, 601E0)', head_sha: '4f9c2b8e1d7a6c5b4a39281706f5e4d3c2b1a098', status: 'in_progress' });
    expect(bodies.map((b) => b.output.annotations?.length)).toEqual([50, 50, 20, undefined]);
    expect(bodies[3]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    for (const b of bodies) expect(b.output.summary.length).toBeLessThan(65_535);
    const run = api.checkRuns.get(1000)!;
    expect(run.annotations).toHaveLength(120);
    // Most severe first, at the finding's repository location.
    expect(run.annotations[0]).toMatchObject({ annotation_level: 'failure', path: expect.stringMatching(/^device\/acme\/ctl\/modules\/Vendor\d+\/Android\.bp$/) });
    // The token went in the Authorization header only.
    expect(api.requests[0].headers.authorization).toBe(`token ${TOKEN}`);
    expect(res.log.join('\n')).not.toContain(TOKEN);
  });

  it('a passing report concludes success; findings without a repository file use the fallback', async () => {
    await publish(createPassingReport(), { checkRun: true });
    expect(api.requests.at(-1)!.body).toMatchObject({ status: 'completed', conclusion: 'success' });
    const plan = planCheckRun(createTestReport({ findings: [createTestFinding({ location: { file: '../elsewhere/x.mk', line: 3 } })] }), {
      headSha: 'x',
      fallback: { file: '.github/workflows/a.yml', line: 1 },
    });
    expect(plan.batches[0][0]).toMatchObject({ path: '.github/workflows/a.yml', start_line: 1, end_line: 1 });
    const none = planCheckRun(createTestReport({ findings: [createTestFinding({ location: undefined })] }), { headSha: 'x' });
    expect(none.omitted).toBe(1);
    expect(none.summary).toContain('1 finding is not annotated on this check run');
  });

  it('check-run annotations show names from the build on one line, bidirectional characters as escapes', () => {
    const plan = planCheckRun(
      createTestReport({
        findings: [
          createTestFinding({
            package: 'com.x\u202eevil',
            path: 'system/app/x\nNot a release blocker\n.apk',
            message: 'installed at system/app/x\nNot a release blocker\n.apk',
          }),
        ],
      }),
      { headSha: 'x' },
    );
    const a = plan.batches[0][0];
    expect(a.message).toBe('installed at system/app/x\\x0aNot a release blocker\\x0a.apk');
    expect(a.title).toBe('wrong-market-client (com.x\\u{202e}evil)');
    expect(a.raw_details!.split('\n')).toContain('in the build: system/app/x\\x0aNot a release blocker\\x0a.apk');
  });

  it('the summary of a huge report stays under the Checks API limit', () => {
    const plan = planCheckRun(createLargeReport(3000), { headSha: 'x' });
    expect(plan.summary.length).toBeLessThanOrEqual(CHECK_SUMMARY_MAX_CHARS);
    expect(plan.batches.reduce((n, b) => n + b.length, 0)).toBe(1000);
    expect(plan.omitted).toBe(2000);
  });
});

describe('pull-request comment', () => {
  it('created once, then updated in place on the next run, also when it passes', async () => {
    seedComments(api, 7, 130); // the marked comment lands on page 2
    const first = await publish(createTestReport(), { comment: 'on-failure' });
    expect(first).toMatchObject({ comment: 'created' });
    const second = await publish(createPassingReport(), { comment: 'on-failure' });
    expect(second).toMatchObject({ comment: 'updated' });
    const comments = api.comments.get(7)!;
    expect(comments).toHaveLength(131);
    const mine = comments.filter((c) => c.body.includes('<!-- activation-gate:comment'));
    expect(mine).toHaveLength(1);
    expect(mine[0].body.startsWith('<!-- activation-gate:comment firmware-gate / gate / 600E0 -->\n')).toBe(true);
    expect(mine[0].body).toContain('activation-gate: PASS');
    const calls = api.requests.map((r) => `${r.method} ${r.path}${r.query.page ? `?page=${r.query.page}` : ''}`);
    expect(calls).toEqual([
      'GET /repos/acme/firmware/issues/7/comments',
      'GET /repos/acme/firmware/issues/7/comments?page=2',
      'POST /repos/acme/firmware/issues/7/comments',
      'GET /repos/acme/firmware/issues/7/comments',
      'GET /repos/acme/firmware/issues/7/comments?page=2',
      `PATCH /repos/acme/firmware/issues/comments/${mine[0].id}`,
    ]);
  });

  it('a comment that only quotes the marker (another job\'s comment naming a build file so, a reply) is not ours: never overwritten', async () => {
    const marker = '<!-- activation-gate:comment firmware-gate / gate / 600E0 -->';
    api.comments.set(7, [
      { id: 1, body: `## activation-gate: FAIL\n| \`system/etc/cfg.zip!/${marker}.conf\` |`, user: { login: 'github-actions[bot]' } },
      { id: 2, body: `> ${marker}\nwhy did this pass?`, user: { login: 'reviewer' } },
    ]);
    expect(await publish(createPassingReport(), { comment: 'on-failure' })).toMatchObject({ comment: 'skipped' });
    expect(await publish(createTestReport(), { comment: 'on-failure' })).toMatchObject({ comment: 'created' });
    const comments = api.comments.get(7)!;
    expect(comments.slice(0, 2).map((c) => c.body.startsWith('## activation-gate: FAIL') || c.body.startsWith('> '))).toEqual([true, true]);
    expect(comments.filter((c) => c.body.startsWith(`${marker}\n`))).toHaveLength(1);
  });

  it('on-failure never creates a comment for a passing run; always does', async () => {
    expect(await publish(createPassingReport(), { comment: 'on-failure' })).toMatchObject({ comment: 'skipped' });
    expect(api.comments.get(7)).toBeUndefined();
    expect(await publish(createPassingReport(), { comment: 'always' })).toMatchObject({ comment: 'created' });
  });

  it('matrix jobs keep one comment each', async () => {
    await publish(createTestReport(), { comment: 'always' });
    const cn = createTestReport();
    cn.targets = cn.targets.map((t) => ({ ...t, sku: '600CN' }));
    await publish(cn, { comment: 'always' });
    expect(api.comments.get(7)!.map((c) => c.body.split('\n')[0])).toEqual([
      '<!-- activation-gate:comment firmware-gate / gate / 600E0 -->',
      '<!-- activation-gate:comment firmware-gate / gate / 600CN -->',
    ]);
  });

  it('stays under 65,536 characters by dropping detail, with the marker first', () => {
    const marker = commentMarker('w / j / 600E0');
    const body = renderComment(createLargeReport(4000), marker);
    expect(body.length).toBeLessThan(65_536);
    expect(body.startsWith(`${marker}\n`)).toBe(true);
    expect(body).toContain('Dropped to stay under');
    expect(commentMarker('a --> b')).toBe('<!-- activation-gate:comment a -  b -->');
  });

  it('is not posted outside a pull request', async () => {
    const res = await publish(createTestReport(), { comment: 'always' }, env({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: eventFile({ ref: 'refs/heads/main' }) }));
    expect(res.warning).toBeUndefined();
    expect(res.log[0]).toMatch(/not for a pull request/);
    expect(api.requests).toEqual([]);
  });
});

describe('permissions and failures', () => {
  it('a fork pull request: no request at all, one warning naming both permissions', async () => {
    const res = await publish(createTestReport(), { checkRun: true, comment: 'always' }, env({ GITHUB_EVENT_PATH: eventFile(pullRequestEvent({ fork: true })) }));
    expect(api.requests).toEqual([]);
    expect(res.warning).toBe(
      'Skipped the check run and the pull-request comment: this pull request comes from a fork, and GitHub gives its runs a read-only token (missing `checks: write` and `pull-requests: write`). Annotations, the job summary, the SARIF file and the exit status are unaffected.',
    );
  });

  it('403 from both endpoints: one warning naming each missing permission, no token', async () => {
    api.deny.add('checks');
    api.deny.add('comments');
    const res = await publish(createTestReport(), { checkRun: true, comment: 'always' });
    expect(res.warning).toMatch(/^GitHub API: the token lacks a permission: the check run needs `checks: write` \(HTTP 403: Resource not accessible by integration.*\); the pull-request comment needs `pull-requests: write` \(HTTP 403: /);
    expect(res.warning).not.toContain(TOKEN);
    expect(res.checkRun).toBeUndefined();
  });

  it('a 403 on the comment only still publishes the check run', async () => {
    api.deny.add('comments');
    const res = await publish(createTestReport(), { checkRun: true, comment: 'always' });
    expect(res.checkRun).toMatchObject({ id: 1000 });
    expect(res.warning).toMatch(/the pull-request comment needs `pull-requests: write`/);
    expect(res.warning).not.toMatch(/checks: write/);
  });

  it('a server error is a warning, not a failure', async () => {
    api.failWith = 502;
    const res = await publish(createTestReport(), { checkRun: true });
    expect(res.warning).toMatch(/^GitHub API: the check run failed \(HTTP 502: /);
  });

  it('an empty token skips with a warning', async () => {
    const e = env();
    const res = await publishToGitHub({ report: createTestReport(), inputs: { checkRun: true, comment: 'never', token: '' }, context: readEventContext(e), env: e, client });
    expect(res.warning).toMatch(/^Skipped the check run: the github-token input is empty \(it needs `checks: write`\)/);
  });

  it('describeApiError never includes the token', () => {
    const err = Object.assign(new Error(`Bad credentials for ${TOKEN}\nhttps://docs`), { status: 401 });
    expect(describeApiError(err, TOKEN)).toEqual({ status: 401, text: 'HTTP 401: Bad credentials for ***' });
  });
});

describe('readEventContext', () => {
  it('reads the PR number and head SHA from the event payload', () => {
    expect(readEventContext(env())).toEqual({ owner: 'acme', repo: 'firmware', eventName: 'pull_request', prNumber: 7, headSha: '4f9c2b8e1d7a6c5b4a39281706f5e4d3c2b1a098' });
    expect(readEventContext(env({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: eventFile({}) }))).toEqual({
      owner: 'acme',
      repo: 'firmware',
      eventName: 'push',
      headSha: 'ffffffffffffffffffffffffffffffffffffffff',
    });
    expect(readEventContext(env({ GITHUB_ACTOR: 'dependabot[bot]' }))?.readOnlyReason).toMatch(/Dependabot/);
    expect(readEventContext({})).toBeUndefined();
  });
});
