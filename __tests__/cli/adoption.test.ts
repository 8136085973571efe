/**
 * Adoption and change control over the sample build, in-process through the CLI:
 * `--baseline`, `init --from`, `diff`, and the sample's exemptions.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseBaseline } from '../../src/baseline.js';
import { diffReports } from '../../src/cli/diff.js';
import { UsageError } from '../../src/errors.js';
import { parsePolicyText } from '../../src/policy/load.js';
import type { Report } from '../../src/report/model.js';
import { runCliCaptured } from '../helpers/cli.js';

const ROOT = path.join(import.meta.dirname, '..', '..');
const SAMPLE = ['scan', 'sample/out/600E0', 'sample/out/600CN', '--policy', 'sample/activation-gate.yml', '--now', '2026-11-01'];

const cli = (argv: string[]) => runCliCaptured(argv, ROOT);

let tmp: string;
let current: Report;
beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'ag-adopt-'));
  const res = await cli([...SAMPLE, '--format', 'json']);
  current = JSON.parse(res.stdout) as Report;
  writeFileSync(path.join(tmp, 'current.json'), res.stdout);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the sample: EU fails on the China Telecom client, CN passes with two exemptions', () => {
  it('keeps exempted findings visible, marked suppressed, in CN only', () => {
    const suppressed = current.findings.filter((f) => f.suppressed);
    expect(suppressed.map((f) => `${f.target} ${f.rule} ${f.endpoint}`).sort()).toEqual([
      '600CN@sample/out/600CN cleartext-endpoint zzhc.vnet.cn',
      '600CN@sample/out/600CN unlisted-endpoint api.acme.eu',
    ]);
    expect(current.findings.find((f) => f.target.startsWith('600E0') && f.rule === 'cleartext-endpoint')?.suppressed).toBeUndefined();
    expect(current.targets.map((t) => [t.id, t.counts.errors])).toEqual([
      ['600CN@sample/out/600CN', 0],
      ['600E0@sample/out/600E0', 3],
    ]);
    expect(current.audit.exemptions.map((e) => e.used)).toEqual([true, true]);
  });
});

describe('--baseline', () => {
  it('the sample baseline (the approved build without the CT client) flags what is new in EU only', async () => {
    const res = await cli([...SAMPLE, '--format', 'json', '--baseline', 'sample/baseline.json']);
    const r = JSON.parse(res.stdout) as Report;
    const fresh = r.findings.filter((f) => f.rule === 'new-client' || f.rule === 'new-endpoint').map((f) => `${f.severity} ${f.target} ${f.rule} ${f.endpoint ?? f.client}`);
    expect(fresh.sort()).toEqual([
      'error 600E0@sample/out/600E0 new-client ct-self-registration-qualcomm',
      'warning 600E0@sample/out/600E0 new-endpoint 10659401',
      'warning 600E0@sample/out/600E0 new-endpoint zzhc.vnet.cn',
    ]);
  });

  it('a report as its own baseline: nothing new', async () => {
    const res = await cli([...SAMPLE, '--format', 'json', '--baseline', path.join(tmp, 'current.json')]);
    expect((JSON.parse(res.stdout) as Report).findings.filter((f) => f.rule.startsWith('new-'))).toEqual([]);
  });

  it('reads a report of another tool version with a notice; refuses other schemas with a clear message', async () => {
    const other = { ...current, tool: { ...current.tool, version: '0.0.9' } };
    const b = parseBaseline(JSON.stringify(other), 'old.json');
    expect(b.notices[0]).toMatch(/written by activation-gate 0\.0\.9 .*read as report schema 1/);
    expect(() => parseBaseline(JSON.stringify({ ...current, schemaVersion: 2 }), 'new.json')).toThrow(/uses report schema 2 .* reads schema 1: upgrade activation-gate/);
    const { schemaVersion: _, ...noSchema } = current;
    void _;
    expect(() => parseBaseline(JSON.stringify(noSchema), 'ancient.json')).toThrow(/has no schemaVersion .* regenerate it/);
    expect(() => parseBaseline('{"runs": []}', 'x.sarif')).toThrow(/was not written by activation-gate/);
    expect(() => parseBaseline('not json', 'x')).toThrow(UsageError);
    const res = await cli([...SAMPLE, '--baseline', 'nope.json']);
    expect([res.code, res.stderr]).toEqual([2, 'error: baseline not found: nope.json\n']);
  });

  it('refuses a shard\'s partial report as a baseline, for init --from and for diff (what the other shards found would all be new)', async () => {
    const shard = await cli([...SAMPLE, '--format', 'json', '--shard', '2/2']);
    const file = path.join(tmp, 'shard-2.json');
    writeFileSync(file, shard.stdout);
    const refused = /is the partial report of shard 2\/2: merge the shards first/;
    const scanned = await cli([...SAMPLE, '--baseline', file]);
    expect(scanned.code).toBe(2);
    expect(scanned.stderr).toMatch(refused);
    const init = await cli(['init', '--from', file]);
    expect([init.code, init.stderr]).toEqual([2, expect.stringMatching(refused)]);
    const diff = await cli(['diff', file, path.join(tmp, 'current.json')]);
    expect([diff.code, diff.stderr]).toEqual([2, expect.stringMatching(refused)]);
  });
});

describe('init --from', () => {
  it('writes a valid starter policy that allows what is there except the wrong-market client, with a reason on each line', async () => {
    const res = await cli(['init', '--from', path.join(tmp, 'current.json')]);
    expect(res.code).toBe(0);
    const text = res.stdout;
    const policy = parsePolicyText(text, 'starter.yml').policy;
    expect(policy.markets.CN.clients?.allow).toEqual(['ct-self-registration-qualcomm']);
    expect(policy.markets.EU.clients?.allow).toEqual([]);
    expect(text).toMatch(/# not allowed: ct-self-registration-qualcomm \(CN client com\.qualcomm\.qti\.autoregistration in 600E0@sample\/out\/600E0: wrong market/);
    expect(policy.markets.CN.endpoints?.allow).toEqual(['api.acme.eu', 'ntp.acme.eu']);
    expect(policy.markets.EU.endpoints?.allow).toEqual(['api.acme.eu', 'ntp.acme.eu']); // allowed by the sample's *.acme.eu, not by builtin:EU
    expect(policy.skus).toEqual({ '600CN': 'CN', '600E0': 'EU' });
    for (const line of text.split('\n').filter((l) => /^\s+- /.test(l))) expect(line).toMatch(/ # \S/);
  });

  it('scanning the reviewed build with its starter policy: CN clean, EU still fails only on the wrong-market client', async () => {
    const starter = path.join(tmp, 'starter.yml');
    await cli(['init', '--from', path.join(tmp, 'current.json'), '--output', starter]);
    const res = await cli(['scan', 'sample/out/600E0', 'sample/out/600CN', '--policy', starter, '--now', '2026-11-01', '--format', 'json']);
    const r = JSON.parse(res.stdout) as Report;
    const left = r.findings.filter((f) => f.severity !== 'note').map((f) => `${f.target.slice(0, 5)} ${f.rule}`);
    expect(left.sort()).toEqual(['600CN cleartext-endpoint', '600E0 cleartext-endpoint', '600E0 denied-endpoint', '600E0 denied-endpoint', '600E0 wrong-market-client']);
    expect(readFileSync(starter, 'utf8')).toMatch(/^# Starter policy written by `activation-gate init --from /);
  });

  it('the README\'s steps: a build scanned with --market gets its own SKU mapped, so the next scan resolves without --market', async () => {
    const reviewed = await cli(['scan', 'sample/out/600CN', '--market', 'CN', '--format', 'json', '--no-policy', '--fail-on', 'never']);
    const report = JSON.parse(reviewed.stdout) as Report;
    // What the build's own properties name it, recorded beside the --market resolution.
    expect(report.targets[0].build.skuProperty).toEqual({ key: 'ro.cda.skuid.id', value: '600CN', file: 'vendor/build.prop', line: 10, from: 'property' });
    const file = path.join(tmp, 'reviewed-cn.json');
    writeFileSync(file, reviewed.stdout);
    const starter = path.join(tmp, 'starter-cn.yml');
    expect((await cli(['init', '--from', file, '--output', starter])).code).toBe(0);
    const text = readFileSync(starter, 'utf8');
    expect(parsePolicyText(text, 'starter-cn.yml').policy.skus).toEqual({ '600CN': 'CN' });
    expect(text).toContain('"600CN": CN   # CN@sample/out/600CN: ro.cda.skuid.id=600CN (vendor/build.prop:10); market from --market CN');
    const next = await cli(['scan', 'sample/out/600CN', '--policy', starter, '--baseline', file, '--format', 'json']);
    const r = JSON.parse(next.stdout) as Report;
    expect([next.code, r.targets.map((t) => [t.id, t.market, t.build.resolvedBy?.key])]).toEqual([0, [['600CN@sample/out/600CN', 'CN', 'ro.cda.skuid.id']]]);
    expect(r.findings.filter((f) => f.rule.startsWith('new-') || f.rule === 'unresolved-market')).toEqual([]);
  });

  it('needs --from', async () => {
    expect((await cli(['init'])).code).toBe(2);
  });
});

describe('diff', () => {
  it('lists clients and endpoints added and removed per target', async () => {
    const res = await cli(['diff', 'sample/baseline.json', path.join(tmp, 'current.json')]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Target 600E0@sample/out/600E0\n  + client    ct-self-registration-qualcomm (com.qualcomm.qti.autoregistration, CN)\n  + endpoint  sms 10659401\n  + endpoint  zzhc.vnet.cn');
    expect(res.stdout).toContain('Target 600CN@sample/out/600CN\n  (no change)');
    const back = diffReports(readFileSync(path.join(tmp, 'current.json'), 'utf8'), readFileSync(path.join(ROOT, 'sample/baseline.json'), 'utf8'));
    expect(back.targets.find((t) => t.new === '600E0@sample/out/600E0')!.clients.removed).toEqual(['ct-self-registration-qualcomm (com.qualcomm.qti.autoregistration, CN)']);
  });

  it('no change, json output, and usage errors', async () => {
    const same = await cli(['diff', 'sample/baseline.json', 'sample/baseline.json']);
    expect(same.stdout).toMatch(/No clients or endpoints added or removed/);
    const json = JSON.parse((await cli(['diff', 'sample/baseline.json', 'sample/baseline.json', '--format', 'json'])).stdout);
    expect(json.changed).toBe(false);
    expect((await cli(['diff', 'one.json'])).code).toBe(2);
  });
});
