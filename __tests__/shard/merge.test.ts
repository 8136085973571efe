/**
 * `scan --shard I/N` + `merge`: the merged report is byte for byte the unsharded one (sample
 * build with its policy; the mixed fixture build), for N = 2 and 3; incomplete or mixed sets are
 * refused with exit 2.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCliCaptured } from '../helpers/cli.js';

const ROOT = path.join(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(path.join(tmpdir(), 'ag-shard-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const cli = (argv: string[], cwd = ROOT) => runCliCaptured(argv, cwd);

const SAMPLE = ['sample/out/600E0', 'sample/out/600CN', '--policy', 'sample/activation-gate.yml', '--now', '2026-11-01'];
const MIXED = ['__tests__/fixtures/builds/mixed', '--now', '2026-11-01'];
const EMPTY_SRC = mkdtempSync(path.join(tmpdir(), 'ag-shard-src-'));
afterAll(() => rmSync(EMPTY_SRC, { recursive: true, force: true }));

/** Writes the N shard reports of a scan; returns their paths. */
async function shards(args: string[], n: number, name: string, extra: string[] = []): Promise<string[]> {
  const files: string[] = [];
  for (let i = 1; i <= n; i++) {
    const out = path.join(tmp, `${name}-${i}of${n}.json`);
    const r = await cli(['scan', ...args, ...extra, '--shard', `${i}/${n}`, '--format', 'json', '--output', out]);
    expect(r.code).toBe(0); // a shard never fails the job, whatever it found
    expect(r.stderr).toContain(`shard ${i}/${n}: a partial report`);
    files.push(out);
  }
  return files;
}

describe.each([
  ['the sample build with its policy', 'sample', SAMPLE],
  ['the mixed fixture build', 'mixed', MIXED],
])('merge of %s', (_label, name, args) => {
  for (const n of [2, 3]) {
    it(`N=${n}: the merged JSON is byte for byte the unsharded JSON, with the same exit code`, async () => {
      const whole = await cli(['scan', ...args, '--format', 'json', '--source-root', EMPTY_SRC]);
      expect(whole.stdout.length).toBeGreaterThan(1000);
      const files = await shards(args, n, name);
      const reports = files.map((f) => JSON.parse(readFileSync(f, 'utf8')));
      // Every shard owns some of the files, and each carries its facts.
      for (const [i, r] of reports.entries()) {
        expect(r.shard).toMatchObject({ index: i + 1, count: n });
        expect(r.shard.facts.length).toBeGreaterThan(0);
        expect(r.shard.facts.some((f: { facts: { stats: { files: number } } }) => f.facts.stats.files > 0)).toBe(true);
      }
      // A shard alone sees part of the build: its findings are not the whole build's.
      const wholeFindings = JSON.stringify(JSON.parse(whole.stdout).findings);
      expect(reports.some((r) => JSON.stringify(r.findings) !== wholeFindings)).toBe(true);
      // In any order.
      const merged = await cli(['merge', ...[...files].reverse(), '--format', 'json', '--source-root', EMPTY_SRC]);
      expect(merged.stderr).toBe('');
      expect(merged.code).toBe(whole.code);
      expect(merged.stdout).toBe(whole.stdout);
      expect(JSON.parse(merged.stdout).shard).toBeUndefined();
      // Text and SARIF follow from the same report.
      const text = await cli(['merge', ...files, '--source-root', EMPTY_SRC]);
      const wholeText = await cli(['scan', ...args, '--source-root', EMPTY_SRC]);
      expect(text.stdout).toBe(wholeText.stdout);
    });
  }

  it('the shards split the files: the file counts add up to the unsharded count', async () => {
    const files = await shards(args, 3, `${name}-count`);
    const whole = await cli(['scan', ...args, '--format', 'json', '--shard', '1/1']);
    const total = (r: { shard: { facts: { facts: { stats: { files: number } } }[] } }) => r.shard.facts.reduce((a, f) => a + f.facts.stats.files, 0);
    const parts = files.map((f) => total(JSON.parse(readFileSync(f, 'utf8'))));
    expect(parts.reduce((a, b) => a + b, 0)).toBe(total(JSON.parse(whole.stdout)));
  });
});

describe('a shard report', () => {
  it('says it is partial in text and markdown, and still resolves every SKU (every shard reads every property file)', async () => {
    for (let i = 1; i <= 3; i++) {
      const text = await cli(['scan', ...SAMPLE, '--shard', `${i}/3`]);
      expect(text.stdout).toContain(`partial: shard ${i}/3`);
      const json = JSON.parse((await cli(['scan', ...SAMPLE, '--shard', `${i}/3`, '--format', 'json'])).stdout);
      expect(json.targets.map((t: { id: string; market: string }) => `${t.id}:${t.market}`).sort()).toEqual(['600CN@sample/out/600CN:CN', '600E0@sample/out/600E0:EU']);
      const md = await cli(['scan', ...SAMPLE, '--shard', `${i}/3`, '--format', 'markdown']);
      expect(md.stdout).toContain(`(partial: shard ${i}/3)`);
    }
  });

  it('rejects a bad --shard value with exit 2', async () => {
    for (const v of ['0/2', '3/2', '2', 'a/b', '1/0']) {
      const r = await cli(['scan', ...SAMPLE, '--shard', v]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^error: --shard /);
    }
  });
});

describe('the date, without exemptions', () => {
  it('is no input of the report: shards of different days merge, and every day gives the same bytes', async () => {
    const build = ['__tests__/fixtures/builds/mixed'];
    const a = await shards(build, 2, 'day-a', ['--now', '2026-11-01']);
    const b = await shards(build, 2, 'day-b', ['--now', '2027-02-03']);
    const whole = await cli(['scan', ...build, '--now', '2026-05-05', '--format', 'json', '--source-root', EMPTY_SRC]);
    expect(JSON.parse(whole.stdout).audit).not.toHaveProperty('now');
    const merged = await cli(['merge', a[0], b[1], '--format', 'json', '--source-root', EMPTY_SRC]);
    expect([merged.code, merged.stderr]).toEqual([whole.code, '']);
    expect(merged.stdout).toBe(whole.stdout);
  });
});

describe('merge refuses a set that is not one complete scan (exit 2)', () => {
  let files: string[] = [];
  const load = (f: string) => JSON.parse(readFileSync(f, 'utf8'));
  const save = (name: string, data: unknown): string => {
    const f = path.join(tmp, name);
    writeFileSync(f, JSON.stringify(data));
    return f;
  };
  const refuse = async (argv: string[], message: RegExp) => {
    const r = await cli(['merge', ...argv, '--format', 'json']);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  };

  it('setup', async () => {
    files = await shards(SAMPLE, 3, 'refuse');
  });

  it('a missing shard', async () => {
    await refuse([files[0], files[2]], /^error: merge: incomplete set: shard 2\/3 missing/);
  });

  it('a shard given twice', async () => {
    await refuse([files[0], files[1], files[1], files[2]], /shard 2\/3 is given twice/);
  });

  it('shards of different N', async () => {
    const [two] = await shards(SAMPLE, 2, 'refuse-n');
    await refuse([two, files[1], files[2]], /different splits/);
  });

  it('mixed tool, catalog or suffix-list versions', async () => {
    for (const [key, label] of [
      ['version', 'tool versions'],
      ['catalogVersion', 'catalog versions'],
      ['pslVersion', 'Public Suffix List versions'],
    ]) {
      const r = load(files[1]);
      r.tool[key] = '9.9.9';
      await refuse([files[0], save(`v-${key}.json`, r), files[2]], new RegExp(`mixed ${label}`));
    }
    // All the same, but not this tool's.
    const all = files.map((f, i) => {
      const r = load(f);
      r.tool.catalogVersion = '2001.01.1';
      return save(`v-all-${i}.json`, r);
    });
    await refuse(all, /catalog version 2001\.01\.1, this activation-gate has/);
  });

  it('different policy, inputs or options', async () => {
    const policy = load(files[1]);
    policy.shard.policy.sha256 = '0'.repeat(64);
    await refuse([files[0], save('p.json', policy), files[2]], /shards of different scans: their policy files/);
    const inputs = load(files[1]);
    inputs.shard.inputs = ['sample/out/600E0'];
    await refuse([files[0], save('i.json', inputs), files[2]], /their inputs differ/);
    const options = load(files[1]);
    options.shard.options.now = '2026-12-01';
    await refuse([files[0], save('o.json', options), files[2]], /their "today" dates .*same --now or SOURCE_DATE_EPOCH/);
    const market = load(files[1]);
    market.shard.options.market = 'EU';
    await refuse([files[0], save('m.json', market), files[2]], /their options .* differ/);
  });

  it('shards of two builds whose files have the same names and sizes: their property files differ', async () => {
    // The review's case: B's shard 1 merged with A's shard 2 passed. Build B is A with another
    // build number in build.prop (same length) and a harmless host where A has a denied one.
    const { cpSync } = await import('node:fs');
    const a = path.join(tmp, 'build-a');
    const b = path.join(tmp, 'build-b');
    cpSync(path.join(ROOT, 'sample/out/600E0'), a, { recursive: true });
    writeFileSync(path.join(a, 'system', 'etc', 'cfg.txt'), 'http://zzhc.vnet.cn/reg\n');
    cpSync(a, b, { recursive: true });
    writeFileSync(path.join(b, 'system', 'etc', 'cfg.txt'), 'http://ntp1.acme.eu/reg\n'); // the same size
    const prop = path.join(b, 'system', 'build.prop');
    const text = readFileSync(prop, 'utf8');
    const bumped = text.replace(/ro\.build\.version\.incremental=(\d)/, (_m, d: string) => `ro.build.version.incremental=${(Number(d) + 1) % 10}`);
    expect(bumped).not.toBe(text);
    expect(bumped.length).toBe(text.length);
    writeFileSync(prop, bumped);
    // Each build scanned as ./build, in turn, so that their inputs are spelled alike.
    const { renameSync } = await import('node:fs');
    const as: string[] = [];
    const bs: string[] = [];
    for (const [dir, out] of [[a, as], [b, bs]] as const) {
      renameSync(dir, path.join(tmp, 'build'));
      for (const i of [1, 2]) {
        const report = path.join(tmp, `${path.basename(dir)}-${i}of2.json`);
        expect((await cli(['scan', 'build', '--market', 'EU', '--shard', `${i}/2`, '--format', 'json', '--output', report], tmp)).code).toBe(0);
        out.push(report);
      }
      renameSync(path.join(tmp, 'build'), dir);
    }
    expect((await cli(['merge', ...as, '--format', 'json'], tmp)).code).toBe(1);
    await refuse([bs[0], as[1]], /input hashes/);
  });

  it('shards of two builds of images of one size (no property file beside them): refused', async () => {
    const { mkdirSync, renameSync } = await import('node:fs');
    const reports: string[][] = [];
    for (const [name, host] of [['img-a', 'zzhc.vnet.cn'], ['img-b', 'ntp1.acme.eu']]) {
      const root = path.join(tmp, `${name}-root`);
      mkdirSync(path.join(root, 'etc'), { recursive: true });
      writeFileSync(path.join(root, 'etc', 'cfg.txt'), `http://${host}/reg\n`);
      mkdirSync(path.join(tmp, 'build'));
      spawnSync('mke2fs', ['-q', '-t', 'ext4', '-d', root, path.join(tmp, 'build', 'system.img'), '4M']);
      const out: string[] = [];
      for (const i of [1, 2]) {
        const report = path.join(tmp, `${name}-${i}of2.json`);
        expect((await cli(['scan', 'build', '--market', 'EU', '--shard', `${i}/2`, '--format', 'json', '--output', report], tmp)).code).toBe(0);
        out.push(report);
      }
      renameSync(path.join(tmp, 'build'), path.join(tmp, name));
      reports.push(out);
    }
    expect((await cli(['merge', ...reports[0], '--format', 'json'], tmp)).code).toBe(1);
    await refuse([reports[1][0], reports[0][1]], /input hashes/);
  });

  it('a policy file changed since the shards ran', async () => {
    const dir = mkdtempSync(path.join(tmp, 'cwd-'));
    const policyCopy = path.join(dir, 'policy.yml');
    copyFileSync(path.join(ROOT, 'sample/activation-gate.yml'), policyCopy);
    const moved = [];
    for (let i = 1; i <= 2; i++) {
      const out = path.join(dir, `s${i}.json`);
      const r = await cli(['scan', path.join(ROOT, 'sample/out/600E0'), '--policy', 'policy.yml', '--shard', `${i}/2`, '--format', 'json', '--output', out], dir);
      expect(r.code).toBe(0);
      moved.push(out);
    }
    const ok = await cli(['merge', ...moved, '--format', 'json', '--fail-on', 'never'], dir);
    expect(ok.code).toBe(0);
    writeFileSync(policyCopy, `${readFileSync(policyCopy, 'utf8')}\n# edited\n`);
    const r = await cli(['merge', ...moved, '--format', 'json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the policy file policy\.yml has changed since the shards were scanned/);
  });

  it('a report that is not a shard report, and a file that is not JSON', async () => {
    const whole = await cli(['scan', ...SAMPLE, '--format', 'json']);
    await refuse([save('whole.json', JSON.parse(whole.stdout))], /is not a shard report/);
    writeFileSync(path.join(tmp, 'garbage.json'), 'not json');
    await refuse([path.join(tmp, 'garbage.json')], /is not JSON/);
    const damaged = load(files[0]);
    damaged.shard.facts[0].facts.packages = 'nope';
    await refuse([save('damaged.json', damaged), files[1], files[2]], /damaged shard section/);
    await refuse([path.join(tmp, 'no-such.json')], /report not found/);
  });

  it('--fail-on overrides the shards\' fail-on', async () => {
    const r = await cli(['merge', ...files, '--format', 'json', '--fail-on', 'never']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).failOn).toBe('never');
  });
});

// Worker threads run only from the bundle: shards scanned with 2 workers merge to the same bytes.
const CLI = path.join(ROOT, 'dist', 'cli.js');
(existsSync(CLI) ? describe : describe.skip)('shards with worker threads (dist/cli.js)', () => {
  it('N=2 and N=3 merge to the unsharded bytes', () => {
    const env = { ...process.env, ACTIVATION_GATE_WORKERS: '2' };
    const node = (argv: string[]) => spawnSync('node', [CLI, ...argv, '--quiet'], { cwd: ROOT, encoding: 'utf8', env });
    const args = [...SAMPLE, '__tests__/fixtures/builds/mixed', '--source-root', EMPTY_SRC];
    const whole = node(['scan', ...args, '--format', 'json']);
    expect(whole.stdout.length).toBeGreaterThan(1000);
    for (const n of [2, 3]) {
      const files = Array.from({ length: n }, (_, i) => path.join(tmp, `w-${i + 1}of${n}.json`));
      files.forEach((f, i) => expect(node(['scan', ...args, '--shard', `${i + 1}/${n}`, '--format', 'json', '--output', f]).status).toBe(0));
      const merged = node(['merge', ...files, '--format', 'json', '--source-root', EMPTY_SRC]);
      expect(merged.status).toBe(whole.status);
      expect(merged.stdout).toBe(whole.stdout);
    }
  });
});
