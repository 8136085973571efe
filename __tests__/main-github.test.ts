/**
 * The Action as the runner runs it, end to end and in-process: INPUT_* variables (hyphenated
 * names kept), GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_EVENT_PATH holding a pull_request
 * payload, the real scan of the sample build, the fixture source tree in the workspace, and the
 * real @actions/github Octokit talking to a local API server on 127.0.0.1 (GITHUB_API_URL).
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { run, type ScanFn } from '../src/main.js';
import { createTestFinding, createTestReport } from '../__fixtures__/report.js';
import { pullRequestEvent, startFakeGitHubApi, type FakeGitHubApi } from '../__fixtures__/github-api.js';
import { startFakeRunner, type FakeRunner } from '../__fixtures__/runner.js';

const ROOT = path.join(import.meta.dirname, '..');
const TOKEN = 'ghs_S3CRETtokenValue0123456789abcdefXYZ';

let api: FakeGitHubApi;
let runner: FakeRunner | undefined;
beforeEach(async () => {
  api = await startFakeGitHubApi();
});
afterEach(async () => {
  runner?.restore();
  runner = undefined;
  await api.close();
});
afterAll(() => runner?.restore());

/** A workspace like a device repository's checkout: the source tree, the policy, a build. */
function setup(inputs: Record<string, string> = {}, options: { fork?: boolean; env?: Record<string, string> } = {}): FakeRunner {
  runner = startFakeRunner({
    inputs: {
      path: 'out/600E0',
      policy: '.github/activation-gate.yml',
      'fail-on': 'error',
      'source-root': '.',
      'report-file': 'reports/activation-gate.json',
      'sarif-file': 'reports/activation-gate.sarif',
      'check-run': 'true',
      comment: 'on-failure',
      'max-annotations': '10',
      'github-token': TOKEN,
      ...inputs,
    },
    env: {
      GITHUB_API_URL: api.url,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_SHA: 'ffffffffffffffffffffffffffffffffffffffff',
      GITHUB_WORKFLOW: 'firmware-gate',
      GITHUB_JOB: 'gate',
      SOURCE_DATE_EPOCH: '1793491200', // 2026-11-01
      ...options.env,
    },
  });
  const ws = runner.workspace;
  cpSync(path.join(ROOT, '__tests__/fixtures/source/device'), path.join(ws, 'device'), { recursive: true });
  cpSync(path.join(ROOT, '__tests__/fixtures/source/vendor'), path.join(ws, 'vendor'), { recursive: true });
  cpSync(path.join(ROOT, 'sample/out/600E0'), path.join(ws, 'out/600E0'), { recursive: true });
  cpSync(path.join(ROOT, 'sample/out/600CN'), path.join(ws, 'out/600CN'), { recursive: true });
  runner.writeWorkspaceFile('.github/activation-gate.yml', readFileSync(path.join(ROOT, 'sample/activation-gate.yml'), 'utf8'));
  runner.writeWorkspaceFile('.github/workflows/build.yml', 'on: pull_request\n');
  const event = runner.writeWorkspaceFile('../event.json', JSON.stringify(pullRequestEvent({ fork: options.fork })));
  process.env.GITHUB_EVENT_PATH = event;
  return runner;
}

function requests(): string[] {
  return api.requests.map((r) => `${r.method} ${r.path}`);
}

describe('the Action on a pull request, with check run, comment and SARIF', () => {
  it('fails the step, annotates the PRODUCT_PACKAGES line, writes SARIF, creates the check run and the comment', async () => {
    const r = setup();
    await run();
    expect(r.exitCode()).toBe(1);

    // Annotations: the source line, the rule in the title (":" escaped in the property).
    const raw = r.stdout().split('\n');
    expect(raw.some((l) => l.startsWith('::error title=activation-gate%3A wrong-market-client,file=device/acme/ctl/product.mk,line=18,col=5::'))).toBe(true);
    const errors = r.annotations().filter((a) => a.command === 'error');
    expect(errors.map((a) => `${a.properties.title ?? ''} ${a.properties.file ?? ''}:${a.properties.line ?? ''}`)).toEqual([
      'activation-gate: wrong-market-client device/acme/ctl/product.mk:18',
      'activation-gate: denied-endpoint device/acme/ctl/product.mk:18',
      'activation-gate: denied-endpoint device/acme/ctl/product.mk:18',
      ' :', // setFailed
    ]);
    expect(r.annotations().filter((a) => a.command === 'warning')).toHaveLength(1); // cleartext-endpoint

    // Outputs and files.
    const outputs = r.outputs();
    expect(outputs).toMatchObject({ verdict: 'fail', errors: '3', warnings: '1', 'report-file': 'reports/activation-gate.json', 'sarif-file': 'reports/activation-gate.sarif' });
    expect(Buffer.byteLength(outputs.clients)).toBeLessThan(1_000_000);
    const sarif = JSON.parse(readFileSync(path.join(r.workspace, 'reports/activation-gate.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }) =>
      `${x.locations[0].physicalLocation.artifactLocation.uri}:${x.locations[0].physicalLocation.region?.startLine}`,
    )).toEqual(Array(4).fill('device/acme/ctl/product.mk:18'));
    const json = JSON.parse(readFileSync(path.join(r.workspace, 'reports/activation-gate.json'), 'utf8'));
    expect(json.findings[0].location).toEqual({ file: 'device/acme/ctl/product.mk', line: 18, column: 5 });
    expect(r.summary()).toContain('## :x: activation-gate: FAIL');
    expect(r.summary()).toContain('`device/acme/ctl/product.mk:18`');

    // The GitHub API: check run (create, then complete), then the comment upsert.
    expect(requests()).toEqual([
      'POST /repos/acme/firmware/check-runs',
      'PATCH /repos/acme/firmware/check-runs/1000',
      'GET /repos/acme/firmware/issues/7/comments',
      'POST /repos/acme/firmware/issues/7/comments',
    ]);
    const check = api.checkRuns.get(1000)!;
    expect(check).toMatchObject({ name: 'activation-gate (600E0)', head_sha: '4f9c2b8e1d7a6c5b4a39281706f5e4d3c2b1a098', status: 'completed', conclusion: 'failure' });
    expect(check.annotations).toHaveLength(4);
    expect(check.annotations[0]).toMatchObject({ path: 'device/acme/ctl/product.mk', start_line: 18, annotation_level: 'failure' });
    const comment = api.comments.get(7)![0];
    expect(comment.body.split('\n')[0]).toBe('<!-- activation-gate:comment firmware-gate / gate / out/600E0 -->');
    expect(comment.body).toContain('activation-gate: FAIL');

    // The token: only in the Authorization header, never in the log, outputs, summary or files.
    expect(api.requests.every((q) => q.headers.authorization === `token ${TOKEN}`)).toBe(true);
    expect(r.stdout()).not.toContain(TOKEN);
    expect(readFileSync(r.outputFile, 'utf8')).not.toContain(TOKEN);
    expect(r.summary()).not.toContain(TOKEN);
  });

  it('a later passing run of the same job updates the same comment and concludes the check run success', async () => {
    setup();
    await run();
    const first = api.comments.get(7)![0];
    runner!.restore();
    // The fix lands: AutoRegistration is no longer in the EU build.
    const r = setup();
    rmSync(path.join(r.workspace, 'out/600E0/system/priv-app/AutoRegistration'), { recursive: true });
    await run();
    expect(r.exitCode()).toBeUndefined();
    expect(r.outputs().verdict).toBe('pass');
    const second = [...api.checkRuns.keys()][1];
    expect(requests().slice(4)).toEqual([
      'POST /repos/acme/firmware/check-runs',
      `PATCH /repos/acme/firmware/check-runs/${second}`,
      'GET /repos/acme/firmware/issues/7/comments',
      `PATCH /repos/acme/firmware/issues/comments/${first.id}`,
    ]);
    expect(api.checkRuns.get(second)).toMatchObject({ conclusion: 'success' });
    expect(api.comments.get(7)).toHaveLength(1);
    expect(first.body.split('\n')[0]).toBe('<!-- activation-gate:comment firmware-gate / gate / out/600E0 -->');
    expect(first.body).toContain('activation-gate: PASS');
  });

  it('another matrix job (another SKU) that passes creates no comment of its own with on-failure', async () => {
    const r = setup({ path: 'out/600CN' });
    await run();
    expect(r.exitCode()).toBeUndefined();
    expect(requests()).toEqual(['POST /repos/acme/firmware/check-runs', 'PATCH /repos/acme/firmware/check-runs/1000', 'GET /repos/acme/firmware/issues/7/comments']);
    expect(api.checkRuns.get(1000)).toMatchObject({ name: 'activation-gate (600CN)', conclusion: 'success' });
  });

  it('403 (token without checks: write / pull-requests: write): one warning, the gate unchanged', async () => {
    api.deny.add('checks');
    api.deny.add('comments');
    const r = setup();
    await run();
    expect(r.exitCode()).toBe(1);
    expect(r.outputs().verdict).toBe('fail');
    const warnings = r.annotations().filter((a) => a.properties.title === 'activation-gate: GitHub API');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].command).toBe('warning');
    expect(warnings[0].message).toMatch(/the check run needs `checks: write` \(HTTP 403: Resource not accessible by integration/);
    expect(warnings[0].message).toMatch(/the pull-request comment needs `pull-requests: write` \(HTTP 403/);
    expect(r.annotations().filter((a) => a.command === 'error')).toHaveLength(4);
    expect(existsSync(path.join(r.workspace, 'reports/activation-gate.sarif'))).toBe(true);
    expect(r.summary()).toContain('activation-gate: FAIL');
    expect(r.stdout()).not.toContain(TOKEN);
  });

  it('a fork pull request: no API request, one warning naming both permissions', async () => {
    const r = setup({}, { fork: true });
    await run();
    expect(api.requests).toEqual([]);
    const warnings = r.annotations().filter((a) => a.command === 'warning' && /fork/.test(a.message));
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toContain('missing `checks: write` and `pull-requests: write`');
    expect(r.exitCode()).toBe(1);
  });

  it('an unreachable API never changes the verdict', async () => {
    const r = setup({}, { env: { GITHUB_API_URL: 'http://127.0.0.1:9' } });
    await run();
    expect(r.exitCode()).toBe(1);
    expect(r.annotations().filter((a) => a.properties.title === 'activation-gate: GitHub API')).toHaveLength(1);
    r.restore();
    const pass = setup({ path: 'out/600CN' }, { env: { GITHUB_API_URL: 'http://127.0.0.1:9' } });
    await run();
    expect(pass.exitCode()).toBeUndefined();
  });
});

describe('workflow-command escaping', () => {
  it('%, : and , in messages and properties reach the runner intact; a newline in a message is shown as \\x0a', async () => {
    const r = setup({ 'check-run': 'false', comment: 'never', 'sarif-file': '', 'source-root': 'tree,1%:a' });
    cpSync(path.join(ROOT, '__tests__/fixtures/source/device'), path.join(r.workspace, 'tree,1%:a/device'), { recursive: true });
    const finding = createTestFinding({ message: '100% of CN:\nAutoRegistration, here' });
    const scan = jest.fn<ScanFn>(async () => createTestReport({ findings: [finding] }));
    await run({ scan });
    const raw = r.stdout().split('\n').find((l) => l.startsWith('::error title=activation-gate%3A wrong-market-client'))!;
    expect(raw).toBe(
      '::error title=activation-gate%3A wrong-market-client,file=tree%2C1%25%3Aa/device/acme/ctl/product.mk,line=18,col=5::100%25 of CN:\\x0aAutoRegistration, here',
    );
    const parsed = r.annotations()[0];
    expect(parsed.properties.file).toBe('tree,1%:a/device/acme/ctl/product.mk');
    expect(parsed.message.startsWith('100% of CN:\\x0aAutoRegistration, here')).toBe(true);
  });
});

// The bundled Action in a child process, as the runner starts it (`node dist/index.js`), against
// the local API. Runs once dist/ exists (ACTIVATION_GATE_DIST points elsewhere if needed).
const distIndex = path.resolve(process.env.ACTIVATION_GATE_DIST ?? path.join(ROOT, 'dist/index.js'));
const describeDist = existsSync(distIndex) ? describe : describe.skip;
describeDist(`the bundled Action${existsSync(distIndex) ? '' : ' (SKIPPED: dist/index.js does not exist yet; run `npm run package`)'}`, () => {
  it('annotates the source line and talks to GITHUB_API_URL, reading INPUT_* with hyphens', async () => {
    const r = setup();
    runner!.restore(); // the child gets its own environment
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: r.workspace,
      GITHUB_OUTPUT: r.outputFile,
      GITHUB_STEP_SUMMARY: r.summaryFile,
      GITHUB_REPOSITORY: 'acme/firmware',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: path.join(r.workspace, '../event.json'),
      GITHUB_SHA: 'ffffffffffffffffffffffffffffffffffffffff',
      GITHUB_WORKFLOW: 'firmware-gate',
      GITHUB_JOB: 'gate',
      GITHUB_WORKFLOW_REF: 'acme/firmware/.github/workflows/build.yml@refs/pull/7/merge',
      GITHUB_API_URL: api.url,
      SOURCE_DATE_EPOCH: '1793491200',
      INPUT_PATH: 'out/600E0',
      INPUT_POLICY: '.github/activation-gate.yml',
      'INPUT_FAIL-ON': 'error',
      'INPUT_SOURCE-ROOT': '.',
      'INPUT_SARIF-FILE': 'gate.sarif',
      'INPUT_CHECK-RUN': 'true',
      INPUT_COMMENT: 'always',
      'INPUT_MAX-ANNOTATIONS': '10',
      'INPUT_GITHUB-TOKEN': TOKEN,
    };
    const { execFile } = await import('node:child_process');
    const res = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      execFile(process.execPath, [distIndex], { cwd: r.workspace, env, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout }),
      );
    });
    expect(res.code).toBe(1);
    const { parseCommands, parseOutputFile } = await import('../__fixtures__/runner.js');
    const errors = parseCommands(res.stdout).filter((c) => c.command === 'error');
    expect(errors[0].properties).toMatchObject({ title: 'activation-gate: wrong-market-client', file: 'device/acme/ctl/product.mk', line: '18' });
    expect(parseOutputFile(readFileSync(r.outputFile, 'utf8'))).toMatchObject({ verdict: 'fail', 'sarif-file': 'gate.sarif' });
    expect(requests()).toEqual([
      'POST /repos/acme/firmware/check-runs',
      'PATCH /repos/acme/firmware/check-runs/1000',
      'GET /repos/acme/firmware/issues/7/comments',
      'POST /repos/acme/firmware/issues/7/comments',
    ]);
    expect(res.stdout).not.toContain(TOKEN);
  }, 150_000);
});
