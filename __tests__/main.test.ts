/**
 * The Action run in-process as the runner runs it: INPUT_* variables, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, stdout workflow commands, process.exitCode. The scan is a fake
 * returning a built report; everything after it (report file, annotations, summary, outputs,
 * exit status) is the real code over the real @actions/core.
 */
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PolicyError, PolicyErrors, UsageError } from '../src/errors.js';
import { expandGlob, LOG_MAX_FINDINGS, run, workflowFile, type ScanFn } from '../src/main.js';
import type { Report } from '../src/report/model.js';
import { renderJson } from '../src/report/render-json.js';
import { createPassingReport, createTestFinding, createTestReport } from '../__fixtures__/report.js';
import { parseCommands, parseOutputFile, startFakeRunner, type FakeRunner } from '../__fixtures__/runner.js';
import { tempDir } from './helpers/temp.js';

let runner: FakeRunner | undefined;
afterEach(() => {
  runner?.restore();
  runner = undefined;
});

const BUILD = 'out/target/product/ctl';

/** A runner with one build folder in the workspace and the given inputs. */
function setup(inputs: Record<string, string> = {}, env: Record<string, string> = {}): FakeRunner {
  runner = startFakeRunner({ inputs: { path: BUILD, ...inputs }, env });
  mkdirSync(path.join(runner.workspace, BUILD, 'system'), { recursive: true });
  return runner;
}

function fakeScan(report: Report | (() => Promise<Report>)) {
  return jest.fn<ScanFn>(async () => (typeof report === 'function' ? report() : report));
}

function rawLines(r: FakeRunner): string[] {
  return r.stdout().split(/\r?\n/);
}

function manyErrors(n: number) {
  return Array.from({ length: n }, (_, i) =>
    createTestFinding({
      rule: 'denied-endpoint',
      client: undefined,
      endpoint: `h${String(i).padStart(2, '0')}.example.cn`,
      message: `Host h${String(i).padStart(2, '0')}.example.cn is denied in EU.`,
      location: { file: 'device/acme/ctl/product.mk', line: 100 + i },
    }),
  );
}

describe('run() on a failing build', () => {
  it('annotates, writes report, summary and outputs, and fails the step', async () => {
    const r = setup({ 'report-file': 'reports/activation-gate.json' });
    const report = createTestReport();
    const scan = fakeScan(report);
    await run({ scan });

    expect(scan).toHaveBeenCalledTimes(1);
    const [options] = scan.mock.calls[0];
    expect(options).toMatchObject({ inputs: [BUILD], failOn: 'error', cwd: r.workspace, sourceRoot: r.workspace });
    expect(options.policyFile).toBeUndefined();
    expect(options.market).toBeUndefined();

    // The exact workflow commands the runner reads (properties escaped by @actions/core).
    const lines = rawLines(r);
    expect(lines).toContain(
      `::error title=activation-gate%3A wrong-market-client,file=device/acme/ctl/product.mk,line=42::${report.findings[0].message}`,
    );
    const annotations = r.annotations();
    expect(annotations.map((a) => `${a.command} ${a.properties.title ?? ''}`)).toEqual([
      'error activation-gate: wrong-market-client',
      'error activation-gate: denied-endpoint',
      'error ', // setFailed
    ]);
    expect(annotations[2].message).toBe('FAIL: 2 errors, 0 warnings in 1 target (fail-on: error): see the annotations and the job summary.');
    expect(r.exitCode()).toBe(1);

    const outputs = r.outputs();
    expect(outputs).toMatchObject({ verdict: 'fail', errors: '2', warnings: '0', 'report-file': 'reports/activation-gate.json', 'sarif-file': '' });
    expect(JSON.parse(outputs.clients).targets[0].clients[0].id).toBe('ct-self-registration-qualcomm');
    expect(readFileSync(r.outputFile, 'utf8')).toMatch(/^verdict<<ghadelimiter_[0-9a-f-]{36}\nfail\nghadelimiter_/);

    expect(readFileSync(path.join(r.workspace, 'reports/activation-gate.json'), 'utf8')).toBe(renderJson(report));

    const summary = r.summary();
    expect(summary).toContain('## :x: activation-gate: FAIL');
    expect(summary).toContain('**FAIL: 2 errors, 0 warnings in 1 target (fail-on: error)**');
    expect(summary).toContain('#### Clients (1)');
  });

  it('prints the text report in the log with workflow commands stopped around it', async () => {
    const r = setup();
    const report = createTestReport({
      findings: [createTestFinding({ message: 'Entry named\n::error::injected from the build' })],
    });
    await run({ scan: fakeScan(report) });
    const out = r.stdout();
    expect(out).toMatch(/::stop-commands::([0-9a-f-]{36})\nFAIL: 1 error, 0 warnings in 1 target \(fail-on: error\)\n[\s\S]*\n::\1::\n/);
    // The only error commands are the annotation (message escaped) and setFailed.
    const errors = r.annotations().filter((a) => a.command === 'error');
    expect(errors.map((e) => e.message)).toEqual([
      'Entry named\\x0a::error::injected from the build',
      'FAIL: 1 error, 0 warnings in 1 target (fail-on: error): see the annotations and the job summary.',
    ]);
    expect(out).toContain('::error title=activation-gate%3A wrong-market-client,file=device/acme/ctl/product.mk,line=42::Entry named\\x0a::error::injected');
  });

  it('an annotation gets no lines nor bidirectional overrides from a name in the build', async () => {
    // The message of a denied endpoint embedded in a file whose name (from the supplier's build)
    // holds line breaks and U+202E: the runner turns %0A back into a line break, so the file's
    // name once added a paragraph of its own to the PR annotation.
    const forged = 'system/etc/carrier\n\nExempted by compliance: informational only, not a release blocker.\n\n\u202egfc.x';
    const r = setup();
    await run({ scan: fakeScan(createTestReport({ findings: [createTestFinding({ message: `zzhc.vnet.cn is denied in EU and is embedded in ${forged} (file @4).` })] })) });
    const annotation = r.annotations().find((a) => a.properties.title === 'activation-gate: wrong-market-client')!;
    expect(annotation.message).toBe(
      'zzhc.vnet.cn is denied in EU and is embedded in system/etc/carrier\\x0a\\x0aExempted by compliance: informational only, not a release blocker.\\x0a\\x0a\\u{202e}gfc.x (file @4).',
    );
    expect(r.stdout()).not.toContain('\u202e');
  });

  it('25 errors + 3 warnings: 9 finding errors + setFailed, 3 warnings, and "16 more findings"', async () => {
    const r = setup();
    const findings = [
      ...manyErrors(25),
      ...Array.from({ length: 3 }, (_, i) =>
        createTestFinding({ rule: 'unlisted-endpoint', severity: 'warning', client: undefined, endpoint: `w${i}.acme.eu`, message: `w${i}` }),
      ),
    ];
    await run({ scan: fakeScan(createTestReport({ findings })) });
    const a = r.annotations();
    const count = (c: string) => a.filter((x) => x.command === c).length;
    // GitHub keeps 10 errors per step: setFailed's error takes one of them.
    expect(count('error')).toBe(10);
    expect(count('warning')).toBe(3);
    expect(count('notice')).toBe(1);
    const notice = a.find((x) => x.command === 'notice');
    expect(notice?.message).toMatch(/^16 more findings: see the job summary \(16 errors not annotated/);
    expect(a.filter((x) => x.command === 'error').slice(0, 9).map((x) => x.properties.line)).toEqual(
      Array.from({ length: 9 }, (_, i) => String(100 + i)),
    );
    // Every finding is still in the summary.
    expect(r.summary()).toContain('### Findings (28)');
  });

  it('lists at most LOG_MAX_FINDINGS findings per target in the log, errors first, and says where the rest are', async () => {
    const r = setup({ 'report-file': 'reports/ag.json' });
    const warnings = Array.from({ length: LOG_MAX_FINDINGS + 5 }, (_, i) =>
      createTestFinding({ rule: 'unlisted-endpoint', severity: 'warning', client: undefined, endpoint: `w${String(i).padStart(5, '0')}.acme.eu`, message: `warn ${String(i).padStart(5, '0')}` }),
    );
    await run({ scan: fakeScan(createTestReport({ findings: [...warnings, ...manyErrors(2)] })) });
    const out = r.stdout();
    expect(out).toContain('Host h00.example.cn is denied in EU.'); // the errors come first
    expect(out).toContain(`warn ${String(LOG_MAX_FINDINGS - 3).padStart(5, '0')}`);
    expect(out).not.toContain(`warn ${String(LOG_MAX_FINDINGS - 2).padStart(5, '0')} `);
    expect(out).toContain('    ... and 7 more findings (7 warnings): every finding is in reports/ag.json (the report-file input)\n');
    // The report file has them all.
    const written = JSON.parse(readFileSync(path.join(r.workspace, 'reports/ag.json'), 'utf8')) as Report;
    expect(written.findings).toHaveLength(LOG_MAX_FINDINGS + 7);
  });

  it('honours max-annotations', async () => {
    const r = setup({ 'max-annotations': '3' });
    await run({ scan: fakeScan(createTestReport({ findings: manyErrors(5) })) });
    const a = r.annotations();
    expect(a.filter((x) => x.command === 'error')).toHaveLength(3); // 2 findings + setFailed
    expect(a.find((x) => x.command === 'notice')?.message).toBe('3 more findings: see the job summary (3 errors not annotated; max-annotations is 3 per level).');
  });

  it('points annotations without a repository location at the policy file, else the workflow', async () => {
    const r = setup();
    r.writeWorkspaceFile('.github/activation-gate.yml', 'version: 1\n');
    const findings = [createTestFinding({ location: undefined }), createTestFinding({ rule: 'denied-endpoint', location: { file: '/elsewhere/product.mk', line: 3 } })];
    const scan = fakeScan(createTestReport({ findings }));
    await run({ scan });
    expect(scan.mock.calls[0][0].policyFile).toBe('.github/activation-gate.yml');
    const files = r.annotations().filter((a) => a.properties.title?.startsWith('activation-gate: ')).map((a) => `${a.properties.file}:${a.properties.line}`);
    expect(files).toEqual(['.github/activation-gate.yml:1', '.github/activation-gate.yml:1']);
    // An absolute location inside the workspace is shown workspace-relative.
    const inside = createTestFinding({ location: { file: path.join(r.workspace, '.github/activation-gate.yml'), line: 7, column: 3 } });
    const r2 = r;
    await run({ scan: fakeScan(createTestReport({ findings: [inside] })) });
    expect(r2.stdout()).toContain('::error title=activation-gate%3A wrong-market-client,file=.github/activation-gate.yml,line=7,col=3::');
  });

  it('falls back to the workflow file when there is no policy file', async () => {
    const r = setup();
    r.writeWorkspaceFile('.github/workflows/build.yml', 'on: push\n');
    await run({ scan: fakeScan(createTestReport({ findings: [createTestFinding({ location: undefined })] })) });
    expect(r.annotations()[0].properties).toMatchObject({ file: '.github/workflows/build.yml', line: '1' });
  });

  it('passes baseline to the scan, relative to the workspace', async () => {
    setup({ baseline: 'reports/approved.json' });
    const scan = fakeScan(createTestReport());
    await run({ scan });
    expect(scan.mock.calls[0][0]).toMatchObject({ baseline: 'reports/approved.json' });
  });

  it('points findings at the source line under source-root (the fixture source tree)', async () => {
    const r = setup({ 'source-root': 'aosp' });
    cpSync(path.join(import.meta.dirname, 'fixtures/source'), path.join(r.workspace, 'aosp'), { recursive: true });
    const scan = fakeScan(createTestReport({ findings: [createTestFinding({ location: { file: '.github/activation-gate.yml', line: 4 } })] }));
    await run({ scan });
    expect(scan.mock.calls[0][0]).toMatchObject({ sourceRoot: path.join(r.workspace, 'aosp') });
    const a = r.annotations()[0];
    expect(a.properties).toMatchObject({ file: 'aosp/device/acme/ctl/product.mk', line: '18', col: '5' });
    expect(a.message).not.toContain('Declared in'); // one PRODUCT_PACKAGES line: not ambiguous
    expect(r.summary()).toContain('`aosp/device/acme/ctl/product.mk:18`');
  });

  it('keeps scan warnings from crowding out finding annotations', async () => {
    const r = setup();
    const findings = Array.from({ length: 12 }, (_, i) =>
      createTestFinding({ rule: 'unlisted-endpoint', severity: 'warning', client: undefined, endpoint: `w${i}.acme.eu`, message: `w${i}` }),
    );
    const scan = jest.fn<ScanFn>(async (_options, logger) => {
      for (let i = 0; i < 5; i++) logger.warning(`cache entry ${i} is corrupt`);
      return createTestReport({ findings });
    });
    await run({ scan });
    const warnings = r.annotations().filter((a) => a.command === 'warning');
    expect(warnings).toHaveLength(10);
    expect(warnings.slice(0, 3).map((w) => w.message)).toEqual(['cache entry 0 is corrupt', 'cache entry 1 is corrupt', 'cache entry 2 is corrupt']);
    expect(r.stdout()).toContain('warning: cache entry 4 is corrupt\n');
    expect(r.annotations().find((a) => a.command === 'notice')?.message).toMatch(/^5 more findings/);
  });
});

describe('run() on a passing build', () => {
  it('does not fail the step and reports pass', async () => {
    const r = setup({ market: 'EU', 'fail-on': 'warning' });
    const scan = fakeScan(createPassingReport({ failOn: 'warning' }));
    await run({ scan });
    expect(scan.mock.calls[0][0]).toMatchObject({ market: 'EU', failOn: 'warning' });
    expect(r.exitCode()).toBeUndefined();
    expect(r.annotations()).toEqual([]);
    expect(r.outputs()).toMatchObject({ verdict: 'pass', errors: '0', warnings: '0', 'report-file': '' });
    expect(r.summary()).toContain('## :white_check_mark: activation-gate: PASS');
  });

  it('passes shard and cache-dir to the scan (no notice)', async () => {
    const r = setup({ 'cache-dir': '.cache/gate', comment: 'on-failure', 'check-run': 'false', shard: '1/4', 'report-file': 'reports/shard-1.json' });
    const scan = fakeScan(createPassingReport());
    await run({ scan });
    expect(scan.mock.calls[0][0]).toMatchObject({ shard: { index: 1, count: 4 }, cacheDir: path.join(r.workspace, '.cache/gate') });
    expect(r.annotations().filter((a) => a.command === 'notice')).toEqual([]);
    expect(scan.mock.calls[0][0].cacheRehash).toBeUndefined();
    expect(scan.mock.calls[0][0].cachePrune).toBeUndefined();
  });

  it('passes cache-rehash and cache-prune to the scan', async () => {
    setup({ 'cache-dir': '.cache/gate', 'cache-rehash': 'true', 'cache-prune': 'true' });
    const scan = fakeScan(createPassingReport());
    await run({ scan });
    expect(scan.mock.calls[0][0]).toMatchObject({ cacheRehash: true, cachePrune: true });
  });

  it('gives no notice for the defaults action.yml sets', async () => {
    const r = setup({ comment: 'never', 'check-run': 'false', 'max-annotations': '10', 'fail-on': 'error' });
    await run({ scan: fakeScan(createPassingReport()) });
    expect(r.annotations()).toEqual([]);
  });

  it('never prints the token', async () => {
    const token = 'ghs_0123456789abcdefSECRETtoken';
    const r = setup({ 'github-token': token }, { RUNNER_DEBUG: '1' });
    await run({ scan: fakeScan(createTestReport()) });
    expect(r.stdout()).toContain('::debug::inputs: paths=');
    expect(r.stdout()).not.toContain(token);
    expect(readFileSync(r.outputFile, 'utf8')).not.toContain(token);
    expect(r.summary()).not.toContain(token);
  });
});

describe('run() inputs', () => {
  it('expands globs and exclusions in path, sorted', async () => {
    runner = startFakeRunner({ inputs: { path: 'out/target/product/*\n!out/target/product/generic\n\n# a comment\nextra/Foo.apk' } });
    for (const d of ['ctl', 'generic', 'b2n']) mkdirSync(path.join(runner.workspace, 'out/target/product', d), { recursive: true });
    runner.writeWorkspaceFile('extra/Foo.apk', 'PK');
    const scan = fakeScan(createPassingReport());
    await run({ scan });
    expect(scan.mock.calls[0][0].inputs).toEqual(['extra/Foo.apk', 'out/target/product/b2n', 'out/target/product/ctl']);
  });

  const usageCases: [string, Record<string, string>, RegExp][] = [
    ['a path that does not exist', { path: 'out/nope' }, /^path: "out\/nope" does not exist/],
    ['a glob that matches nothing', { path: 'out/**/*.zip' }, /^path: the pattern "out\/\*\*\/\*\.zip" matches nothing/],
    ['a missing policy file', { policy: 'policy.yml' }, /^policy: the file "policy\.yml" does not exist/],
    ['a source-root that is not a folder', { 'source-root': 'src/aosp' }, /^source-root: "src\/aosp" is not a folder \(looked in /],
    ['market and sku together', { market: 'EU', sku: '600E0' }, /^market and sku: give one of them/],
    ['a bad fail-on', { 'fail-on': 'critical' }, /^fail-on: found "critical"; allowed: error, warning, note, never/],
    ['a bad max-annotations', { 'max-annotations': 'ten' }, /^max-annotations: found "ten"/],
    ['max-annotations above GitHub\'s 10', { 'max-annotations': '50' }, /^max-annotations: found "50"; allowed: a whole number from 1 to 10 \(GitHub shows at most 10/],
    ['max-annotations 0', { 'max-annotations': '0' }, /^max-annotations: found "0"; allowed: a whole number from 1 to 10/],
    ['a bad cache-rehash', { 'cache-dir': '.cache/gate', 'cache-rehash': 'yes' }, /^cache-rehash: found "yes"; allowed: true, false/],
    ['cache-rehash without cache-dir', { 'cache-rehash': 'true' }, /^cache-rehash: needs cache-dir/],
    ['cache-prune without cache-dir', { 'cache-prune': 'true' }, /^cache-prune: needs cache-dir/],
    ['cache-prune with shard', { 'cache-dir': '.cache/gate', 'cache-prune': 'true', shard: '1/2', 'report-file': 'r.json' }, /^cache-prune: not with shard/],
  ];
  it.each(usageCases)('fails with a usage error for %s, and still writes the summary', async (_name, inputs, message) => {
    const r = setup(inputs);
    const scan = fakeScan(createPassingReport());
    await run({ scan });
    expect(scan).not.toHaveBeenCalled();
    const errors = r.annotations().filter((a) => a.command === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(message);
    expect(r.exitCode()).toBe(1);
    expect(r.outputs()).toEqual({ verdict: 'error' });
    expect(r.summary()).toContain('## :x: activation-gate: usage error');
  });

  it('fails when path is empty', async () => {
    const r = setup({ path: '' });
    await run({ scan: fakeScan(createPassingReport()) });
    expect(r.annotations()[0].message).toMatch(/^path: required/);
  });
});

describe('run() errors from the scan', () => {
  const policyError = (line: number, key: string) =>
    new PolicyError({ file: '.github/activation-gate.yml', line, column: 5, key, found: '"dney"', allowed: 'allow, deny' });

  it('PolicyError: an error annotation at file:line:col, setFailed, summary', async () => {
    const r = setup();
    await run({ scan: fakeScan(() => Promise.reject(policyError(3, 'markets.EU.clients'))) });
    const lines = rawLines(r);
    expect(lines).toContain(
      '::error title=activation-gate%3A policy,file=.github/activation-gate.yml,line=3,col=5::.github/activation-gate.yml:3:5: markets.EU.clients: found "dney"; allowed: allow, deny',
    );
    expect(lines).toContain('::error::.github/activation-gate.yml:3:5: markets.EU.clients: found "dney"; allowed: allow, deny');
    expect(r.exitCode()).toBe(1);
    expect(r.summary()).toContain('## :x: activation-gate: policy error');
    expect(r.summary()).toContain('markets.EU.clients: found "dney"');
    expect(r.outputs()).toEqual({ verdict: 'error' });
  });

  it('PolicyErrors: one annotation per error (within the budget) and one setFailed', async () => {
    const r = setup();
    const errors = Array.from({ length: 12 }, (_, i) => policyError(i + 1, `markets.M${i}`));
    await run({ scan: fakeScan(() => Promise.reject(new PolicyErrors(errors))) });
    const a = r.annotations().filter((x) => x.command === 'error');
    expect(a).toHaveLength(10);
    expect(a.slice(0, 9).every((x) => x.properties.file === '.github/activation-gate.yml')).toBe(true);
    expect(a[9].message).toMatch(/^The policy file has 12 errors:\n/);
  });

  it('UsageError from the scan', async () => {
    const r = setup();
    await run({ scan: fakeScan(() => Promise.reject(new UsageError('input not found: out/x'))) });
    expect(r.annotations().map((a) => a.message)).toEqual(['input not found: out/x']);
  });

  it('an unexpected crash still fails the step and writes the summary', async () => {
    const r = setup();
    await run({ scan: fakeScan(() => Promise.reject(new TypeError('boom'))) });
    expect(r.annotations().map((a) => a.message)).toEqual(['activation-gate failed unexpectedly: boom']);
    expect(r.summary()).toContain('activation-gate failed unexpectedly: boom');
    expect(r.exitCode()).toBe(1);
  });
});

describe('helpers', () => {
  it('workflowFile reads GITHUB_WORKFLOW_REF', () => {
    expect(workflowFile({ GITHUB_WORKFLOW_REF: 'acme/fw/.github/workflows/build.yml@refs/pull/7/merge' })).toBe('.github/workflows/build.yml');
    expect(workflowFile({})).toBeUndefined();
  });

  it('expandGlob: *, ?, [..], ** and no descent into .git', async () => {
    const root = tempDir('ag-glob-');
    for (const f of ['a/x.apk', 'a/b/y.apk', 'a/b/c/z.apk', 'a/.git/q.apk', 'a/n1.img', 'a/n2.img', 'a/n3.txt']) {
      mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      writeFileSync(path.join(root, f), '');
    }
    const rel = async (p: string) => (await expandGlob(p, root)).map((x) => path.relative(root, x));
    expect(await rel('a/**/*.apk')).toEqual(['a/b/c/z.apk', 'a/b/y.apk', 'a/x.apk']);
    expect(await rel('a/n?.img')).toEqual(['a/n1.img', 'a/n2.img']);
    expect(await rel('a/n[13].*')).toEqual(['a/n1.img', 'a/n3.txt']);
    expect(await rel('a/*')).toEqual(['a/.git', 'a/b', 'a/n1.img', 'a/n2.img', 'a/n3.txt', 'a/x.apk']);
    expect(await rel(path.join(root, 'a/b/*.apk'))).toEqual(['a/b/y.apk']);
  });

  it('parseOutputFile and parseCommands read what @actions/core writes', () => {
    expect(parseOutputFile('a<<ghadelimiter_1-2\nx\ny\nghadelimiter_1-2\n')).toEqual({ a: 'x\ny' });
    expect(parseCommands('::error file=a%2Cb,line=3::m%0An\n::stop-commands::t\n::error::hidden\n::t::\n')).toEqual([
      { command: 'error', properties: { file: 'a,b', line: '3' }, message: 'm\nn' },
    ]);
  });
});

// The bundled Action in a child process, as the runner starts it. Runs once dist/ exists.
const distIndex = path.resolve(process.env.ACTIVATION_GATE_DIST ?? 'dist/index.js');
const describeDist = existsSync(distIndex) ? describe : describe.skip;
describeDist(`dist/index.js end-to-end${existsSync(distIndex) ? '' : ' (SKIPPED: dist/index.js does not exist yet; run `npm run package`)'}`, () => {
  function runDist(inputs: Record<string, string>) {
    const dir = tempDir('ag-dist-');
    const workspace = path.join(dir, 'ws');
    mkdirSync(path.join(workspace, BUILD, 'system'), { recursive: true });
    const outputFile = path.join(dir, 'out');
    const summaryFile = path.join(dir, 'summary.md');
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
    };
    for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
    const res = spawnSync(process.execPath, [distIndex], { cwd: workspace, env, encoding: 'utf8', timeout: 120_000 });
    return {
      status: res.status,
      commands: parseCommands(res.stdout),
      outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
      summary: readFileSync(summaryFile, 'utf8'),
    };
  }

  it('a usage error exits 1 with an error command and a summary', () => {
    const res = runDist({ path: 'does/not/exist' });
    expect(res.status).toBe(1);
    expect(res.commands.some((c) => c.command === 'error' && /does not exist/.test(c.message))).toBe(true);
    expect(res.outputs.verdict).toBe('error');
    expect(res.summary).toContain('activation-gate: usage error');
  });

  it('an empty build for market EU runs to a verdict', () => {
    const res = runDist({ path: BUILD, market: 'EU', 'fail-on': 'error' });
    expect(['pass', 'fail']).toContain(res.outputs.verdict);
    expect(res.summary).toContain('activation-gate: ');
  });
});

describe('run() as one shard of a matrix', () => {
  const shardOf = (report: Report): Report => ({
    ...report,
    shard: { index: 2, count: 3, inputs: [BUILD], options: { now: '2026-11-01', failOn: 'error' }, facts: [] },
  });

  it('writes the shard report, says everything is partial, and does not fail the step', async () => {
    const r = setup({ shard: '2/3', 'report-file': 'reports/shard-2.json', comment: 'always', 'check-run': 'true' });
    const report = shardOf(createTestReport());
    await run({ scan: fakeScan(report) });
    expect(r.exitCode()).toBeUndefined();
    expect(JSON.parse(readFileSync(path.join(r.workspace, 'reports/shard-2.json'), 'utf8')).shard).toMatchObject({ index: 2, count: 3 });
    const errors = r.annotations().filter((a) => a.command === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const a of errors) expect(a.message).toMatch(/^\[partial: shard 2\/3\] /);
    expect(r.summary()).toContain('(partial: shard 2/3)');
    expect(r.stdout()).toContain('no check run or pull-request comment from a shard');
  });

  it('needs report-file, and a valid I/N', async () => {
    let r = setup({ shard: '2/3' });
    await run({ scan: fakeScan(createTestReport()) });
    expect(r.exitCode()).toBe(1);
    expect(r.summary()).toContain('shard: needs report-file');
    r.restore();
    r = setup({ shard: '4/3', 'report-file': 'r.json' });
    await run({ scan: fakeScan(createTestReport()) });
    expect(r.exitCode()).toBe(1);
    expect(r.summary()).toContain('shard 4/3');
  });
});
