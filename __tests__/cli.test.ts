/**
 * The CLI in-process over the sample build: --format sarif|junit|markdown and --source-root.
 */
import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { copyFileSync, cpSync, mkdirSync } from 'node:fs';
import { parse } from 'yaml';
import { runCliCaptured } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

const ROOT = path.join(import.meta.dirname, '..');
const SAMPLE = ['scan', 'sample/out/600E0', '--policy', 'sample/activation-gate.yml', '--now', '2026-11-01'];

const cli = (argv: string[]) => runCliCaptured(argv, ROOT);

describe('activation-gate scan --format', () => {
  it('sarif: the same SARIF as the Action, located at the source line with --source-root', async () => {
    const res = await cli([...SAMPLE, '--format', 'sarif', '--source-root', '__tests__/fixtures/source']);
    expect(res.code).toBe(1);
    const log = JSON.parse(res.stdout);
    expect(log.version).toBe('2.1.0');
    const client = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'wrong-market-client');
    expect(client.locations[0].physicalLocation.artifactLocation.uri).toBe('__tests__/fixtures/source/device/acme/ctl/product.mk');
    expect(client.locations[0].physicalLocation.region.startLine).toBe(18);
    expect(res.logger.of('warning')).toEqual([]);
  });

  it('junit: one testcase per target and rule', async () => {
    const res = await cli([...SAMPLE, '--format', 'junit']);
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/<testsuites name="activation-gate" tests="17" failures="2" errors="0">/);
    expect(res.stdout).toContain('<testsuite name="600E0@sample/out/600E0"');
  });

  it('markdown and text show the source location', async () => {
    const md = await cli([...SAMPLE, '--format', 'markdown', '--source-root', '__tests__/fixtures/source']);
    expect(md.stdout).toContain('`__tests__/fixtures/source/device/acme/ctl/product.mk:18`');
    const text = await cli([...SAMPLE, '--source-root', '__tests__/fixtures/source', '--fail-on', 'never']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('(__tests__/fixtures/source/device/acme/ctl/product.mk:18)');
  });

  it('without a source tree the policy line stays the location', async () => {
    const res = await cli([...SAMPLE, '--format', 'json', '--source-root', 'sample']);
    const report = JSON.parse(res.stdout);
    expect(report.findings.find((f: { rule: string }) => f.rule === 'wrong-market-client').location).toEqual({ file: 'sample/activation-gate.yml', line: 4, column: 3 });
  });

  it('a --source-root that is not a folder is a usage error', async () => {
    const res = await cli([...SAMPLE, '--source-root', 'no/such/dir']);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe('error: --source-root: no/such/dir is not a folder\n');
  });
});

describe('exit codes', () => {
  it('a policy file with a mistake: exit 2, the file, line and column, the key and what is allowed', async () => {
    const res = await cli(['scan', 'sample/out/600E0', '--policy', '__tests__/fixtures/policies/invalid-typo-key.yml']);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/^error: .*invalid-typo-key\.yml:5:5: markets\.EU\.endpoint: /m);
    expect(res.stderr).toMatch(/did you mean endpoints/);
  });

  it('0 when the gate passes, 1 when it fails, 0 with --fail-on never', async () => {
    expect((await cli(['scan', 'sample/out/600CN', '--policy', 'sample/activation-gate.yml', '--now', '2026-11-01', '--quiet'])).code).toBe(0);
    expect((await cli([...SAMPLE, '--quiet'])).code).toBe(1);
    expect((await cli([...SAMPLE, '--quiet', '--fail-on', 'never'])).code).toBe(0);
  });

  it('usage errors and missing inputs: exit 2 with one clear line', async () => {
    const bad = await cli(['scan', 'sample/out/600E0', '--frmat', 'json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('error: unknown option --frmat for scan\n');
    const missing = await cli(['scan', 'no/such/build']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('error: input not found: no/such/build\n');
  });

  it('an empty --market or --sku (an unset variable) is a usage error: the CN build would otherwise choose its own market and pass', async () => {
    for (const flag of ['--market', '--sku']) {
      const empty = await cli(['scan', 'sample/out/600CN', flag, '']);
      expect([empty.code, empty.stderr]).toEqual([2, `error: ${flag} needs a value, got an empty one (an unset variable?)\n`]);
    }
    expect((await cli(['scan', 'sample/out/600CN', '--market', 'EU'])).code).toBe(1);
  });

  it('an exemption that applies only because SOURCE_DATE_EPOCH is earlier than the clock is named on the log', async () => {
    const dir = tempDir('ag-cli-epoch-');
    const day = (daysAgo: number): string => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    mkdirSync(path.join(dir, 'b', 'system', 'etc'), { recursive: true });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dir, 'b', 'system', 'etc', 'reg.conf'), 'http://zzhc.vnet.cn/\n');
    writeFileSync(path.join(dir, 'p.yml'), `version: 1\nexemptions:\n  - match: {path: system/etc/reg.conf}\n    reason: "old review"\n    owner: "@acme"\n    expires: ${day(10)}\n`);
    const epoch = String(Math.floor((Date.now() - 30 * 86_400_000) / 1000));
    const saved = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = epoch;
    try {
      const r = await runCliCaptured(['scan', 'b', '--market', 'EU', '--policy', 'p.yml'], dir);
      expect(r.code).toBe(0); // as SPEC says: SOURCE_DATE_EPOCH is today
      expect(r.logger.messages).toContainEqual({ level: 'info', message: `today is ${day(30)} for the exemptions' expiry dates, from SOURCE_DATE_EPOCH=${epoch} (pass --now to set it)` });
      expect(r.logger.messages).toContainEqual({ level: 'warning', message: `the exemption "old review" expired on ${day(10)} by the clock, and applies only because SOURCE_DATE_EPOCH makes today ${day(30)}` });
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });

  it('a SOURCE_DATE_EPOCH that is no time in seconds (a date, milliseconds, past year 9999) is a usage error, not the clock or a RangeError', async () => {
    const saved = process.env.SOURCE_DATE_EPOCH;
    try {
      for (const bad of ['2023-11-14', '1700000000000', '99999999999999']) {
        process.env.SOURCE_DATE_EPOCH = bad;
        const r = await runCliCaptured(['scan', 'sample/out/600E0', '--market', 'EU', '--no-policy'], ROOT);
        expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(new RegExp(`^error: SOURCE_DATE_EPOCH=${bad} is not a time in whole seconds since 1970`))]);
      }
      process.env.SOURCE_DATE_EPOCH = '1700000000';
      expect((await runCliCaptured(['scan', 'sample/out/600E0', '--market', 'EU', '--no-policy', '--format', 'json'], ROOT)).code).toBe(1);
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });

  it('--output naming a folder is refused before the scan', async () => {
    const dir = tempDir('ag-cli-outdir-');
    const r = await cli([...SAMPLE, '--market', 'EU', '--format', 'json', '--output', dir]);
    expect([r.code, r.stderr]).toEqual([2, `error: --output: ${dir} is a folder; name the report file to write\n`]);
    expect(r.logger.messages.filter((m) => /scanned|files/.test(m.message))).toEqual([]);
  });

  it('names from the build cannot give a CI runner workflow commands through stdout or stderr', async () => {
    // A zip member named like GitHub's two command syntaxes (`::` at a line's start, after
    // U+0085 too, and `##[` anywhere) and with terminal escapes, holding a denied host.
    const dir = tempDir('ag-cli-commands-');
    // U+009B (CSI, the C1 form of ESC [) and U+202E (right-to-left override) as well.
    const names = ['::warning::All clear', '\u0085::error::x', '##[add-mask]FAIL', '\u001b]0;PWNED\u0007\u001b[2K', 'c1\u009b2J\u202etxt.exe'];
    const zip = path.join(dir, 'b', 'system', 'etc', 'cfg.zip');
    mkdirSync(path.dirname(zip), { recursive: true });
    const { execFileSync } = await import('node:child_process');
    execFileSync('python3', ['-c', 'import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], "w") as z:\n  for n in sys.argv[2:]: z.writestr(n + ".conf", b"http://zzhc.vnet.cn/")', zip, ...names]);
    const lines = (text: string): string[] => text.split(/\r\n|\r|\n/);
    const commands = (text: string): string[] => lines(text).filter((l) => /^[\s\u0085]*::/.test(l) || l.includes('##['));
    for (const format of ['text', 'markdown', 'json', 'sarif', 'junit']) {
      const r = await runCliCaptured(['scan', 'b', '--market', 'EU', '--format', format], dir);
      expect([format, r.code]).toEqual([format, 1]);
      expect([format, commands(r.stdout), commands(r.stderr)]).toEqual([format, [], []]);
      expect(r.stdout + r.stderr).not.toMatch(/[\u001b\u009b\u202e]/);
      if (format === 'json') {
        // The same strings, written so that no `##[` stands in the text.
        const report = JSON.parse(r.stdout) as { targets: { endpoints: { evidence: { entry?: string }[] }[] }[] };
        expect(report.targets[0].endpoints[0].evidence.map((e) => e.entry)).toEqual(names.map((n) => `${n}.conf`).sort());
      }
    }
  });
});

describe('the default policy file', () => {
  /** A repository checkout: .github/activation-gate.yml (the sample's policy) and the sample's EU build. */
  function checkout(): string {
    const dir = tempDir('ag-cli-default-policy-');
    mkdirSync(path.join(dir, '.github'));
    copyFileSync(path.join(ROOT, 'sample', 'activation-gate.yml'), path.join(dir, '.github', 'activation-gate.yml'));
    cpSync(path.join(ROOT, 'sample', 'out', '600E0'), path.join(dir, 'b'), { recursive: true });
    return dir;
  }

  it('is .github/activation-gate.yml when the current folder has one, as in the Action (said on the log)', async () => {
    const dir = checkout();
    const res = await runCliCaptured(['scan', 'b', '--format', 'json', '--now', '2026-11-01'], dir);
    const report = JSON.parse(res.stdout);
    expect(report.audit.policy).toBe('.github/activation-gate.yml');
    // its skus: map the build's ro.product.name to the SKU 600E0, market EU
    expect(report.targets.map((t: { id: string; market: string }) => [t.id, t.market])).toEqual([['600E0@b', 'EU']]);
    expect(res.code).toBe(1);
    expect(res.logger.of('info').join('\n')).toContain('policy: .github/activation-gate.yml (the default');
  });

  it('is the catalog command’s too: its extra clients are listed, and not with --no-policy', async () => {
    const dir = tempDir('ag-cli-default-catalog-');
    mkdirSync(path.join(dir, '.github'));
    copyFileSync(path.join(ROOT, '__tests__', 'fixtures', 'policies', 'reference.yml'), path.join(dir, '.github', 'activation-gate.yml'));
    const ids = async (argv: string[]): Promise<string[]> => JSON.parse((await runCliCaptured(argv, dir)).stdout).clients.map((e: { id: string }) => e.id);
    const builtin = await ids(['catalog', '--format', 'json', '--no-policy']);
    const withDefault = await ids(['catalog', '--format', 'json']);
    expect(withDefault).toEqual(await ids(['catalog', '--format', 'json', '--policy', '.github/activation-gate.yml']));
    expect(withDefault.filter((id) => !builtin.includes(id)).length).toBeGreaterThan(0);
    // YAML and JSON print the same document, in the catalog file's keys.
    const yaml = parse((await runCliCaptured(['catalog', '--no-policy'], dir)).stdout) as Record<string, unknown>;
    const json = JSON.parse((await runCliCaptured(['catalog', '--no-policy', '--format', 'json'], dir)).stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['version', 'test-keys', 'clients']);
    expect(yaml).toEqual(json);
  });

  it('--no-policy scans with the built-in market policies only; with --policy it is a usage error', async () => {
    const dir = checkout();
    const res = await runCliCaptured(['scan', 'b', '--format', 'json', '--no-policy', '--market', 'EU'], dir);
    const report = JSON.parse(res.stdout);
    expect(report.audit.policy).toBeUndefined();
    expect(report.targets.map((t: { id: string }) => t.id)).toEqual(['EU@b']);
    const both = await runCliCaptured(['scan', 'b', '--policy', '.github/activation-gate.yml', '--no-policy'], dir);
    expect([both.code, both.stderr]).toEqual([2, 'error: give --policy or --no-policy, not both\n']);
  });
});

describe('activation-gate check-policy', () => {
  it('a valid policy: exit 0; an exemption near expiry is a note; an expired one fails, naming its line (a scan would fail on it)', async () => {
    const fresh = await cli(['check-policy', 'sample/activation-gate.yml', '--now', '2026-11-01']);
    expect([fresh.code, fresh.stdout, fresh.stderr]).toEqual([0, expect.stringMatching(/^sample\/activation-gate\.yml: valid \(markets: /), '']);
    const soon = await cli(['check-policy', 'sample/activation-gate.yml', '--now', '2027-06-15']);
    expect(soon.code).toBe(0);
    expect(soon.stderr).toMatch(/^sample\/activation-gate\.yml:\d+: note: exemption 1 \(.*\) expires on 2027-06-30: review it before then\n/);
    const late = await cli(['check-policy', 'sample/activation-gate.yml', '--now', '2027-07-01']);
    expect(late.code).toBe(1);
    expect(late.stdout).toMatch(/^sample\/activation-gate\.yml: valid, but 2 exemptions have expired \(markets: /);
    expect(late.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^sample\/activation-gate\.yml:\d+: error: exemption 1 \(.*\) expired on 2027-06-30: every scan of CN fails with expired-exemption/),
      expect.stringMatching(/^sample\/activation-gate\.yml:\d+: error: exemption 2 \(/),
    ]);
    // The scan agrees: the same day, the same exemptions are errors.
    const scanned = await cli(['scan', 'sample/out/600CN', '--policy', 'sample/activation-gate.yml', '--now', '2027-07-01', '--format', 'json']);
    expect((JSON.parse(scanned.stdout) as { findings: { rule: string }[] }).findings.filter((f) => f.rule === 'expired-exemption')).toHaveLength(2);
    expect((await cli(['check-policy', 'sample/activation-gate.yml', '--now', 'tomorrow'])).code).toBe(2);
  });
});
