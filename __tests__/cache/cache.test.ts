/**
 * `--cache-dir`: facts of each file keyed by the SHA-256 of its bytes. A warm scan gives the
 * same bytes as a cold one; corrupt, truncated, foreign or tampered entries are ignored with one
 * warning and the files extracted again, so the cache can never change a verdict.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { RecordingLogger } from '../../src/logging.js';
import { cacheKey, cacheSalt, readCacheEntry } from '../../src/extract/cache.js';
import { DEFAULT_LIMITS } from '../../src/extract/limits.js';
import { runCliCaptured } from '../helpers/cli.js';

const ROOT = path.join(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(path.join(tmpdir(), 'ag-cache-'));
afterAll(() => {
  try {
    chmodSync(path.join(tmp, 'readonly'), 0o755);
  } catch {
    // not created
  }
  rmSync(tmp, { recursive: true, force: true });
});

// A private copy of the sample build, so files can change.
const BUILD = path.join(tmp, 'build');
cpSync(path.join(ROOT, 'sample'), BUILD, { recursive: true });
const EMPTY_SRC = path.join(tmp, 'src');
mkdirSync(EMPTY_SRC);
const ARGS = ['scan', 'out/600E0', 'out/600CN', '--policy', 'activation-gate.yml', '--now', '2026-11-01', '--format', 'json', '--source-root', EMPTY_SRC];

const cli = (argv: string[], cwd = BUILD) => runCliCaptured(argv, cwd);

const entries = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.json.gz')).sort();
const hits = (r: { logger: RecordingLogger }): string[] => r.logger.of('info').filter((m) => m.startsWith('cache: '));
const ALL = /^cache: (\d+) of \1 files of /;
const NONE = /^cache: 0 of \d+ files of /;

describe('--cache-dir', () => {
  const dir = path.join(tmp, 'cache');
  let cold = '';
  let coldCode = 0;

  it('a cold scan fills the cache and gives the same bytes as a scan without it', async () => {
    const plain = await cli(ARGS);
    const r = await cli([...ARGS, '--cache-dir', dir]);
    cold = r.stdout;
    coldCode = r.code;
    expect(r.stdout).toBe(plain.stdout);
    expect(r.code).toBe(plain.code);
    expect(r.logger.of('warning')).toEqual([]);
    // 600CN first (sorted): nothing cached yet. 600E0 shares some files (same path, same bytes).
    expect(hits(r)).toEqual([expect.stringMatching(NONE), expect.stringMatching(/^cache: [1-9]\d* of \d+ files of .*600E0/)]);
    expect(hits(r)[0]).toContain('600CN');
    // One entry per distinct file of the walks (obj/ and symbols/ are skipped), no temporary files left.
    const files = (r.logger.of('info').filter((m) => m.startsWith('cache: ')).map((m) => /^cache: (\d+) of (\d+)/.exec(m)!).map((m) => Number(m[2]) - Number(m[1])));
    expect(entries(dir).length).toBe(files[0] + files[1]);
    expect(readdirSync(dir).filter((f) => !f.endsWith('.json.gz'))).toEqual([]);
    // Facts, never findings.
    const one = JSON.parse(gunzipSync(readFileSync(path.join(dir, entries(dir)[0]))).toString('utf8'));
    expect(Object.keys(JSON.parse(one.payload)).sort()).toEqual(['endpoints', 'mentions', 'packages', 'propFiles', 'props', 'skipped', 'skuFiles', 'stats', 'unreadable']);
  });

  it('a warm scan reads every file from the cache and gives the same bytes', async () => {
    const r = await cli([...ARGS, '--cache-dir', dir]);
    expect(r.stdout).toBe(cold);
    expect(r.code).toBe(coldCode);
    expect(hits(r)).toEqual([expect.stringMatching(ALL), expect.stringMatching(ALL)]);
    expect(r.logger.of('warning')).toEqual([]);
  });

  it('corrupt, truncated, foreign, tampered and misplaced entries: one warning, re-extracted, the same bytes', async () => {
    const files = entries(dir).map((f) => path.join(dir, f));
    const entryOf = (f: string) => JSON.parse(gunzipSync(readFileSync(f)).toString('utf8'));
    const put = (f: string, e: unknown) => writeFileSync(f, gzipSync(JSON.stringify(e)));
    const sha = (s: string) => createHash('sha256').update(s).digest('hex');
    // 0: truncated gzip
    writeFileSync(files[0], readFileSync(files[0]).subarray(0, 20));
    // 1: not gzip at all
    writeFileSync(files[1], 'garbage');
    // 2: gzip of something that is not JSON
    writeFileSync(files[2], gzipSync('{"format": "activation-gate-facts", '));
    // 3: another tool version
    put(files[3], { ...entryOf(files[3]), tool: '0.0.1' });
    // 4: another format version
    put(files[4], { ...entryOf(files[4]), formatVersion: 99 });
    // 5: payload changed, its SHA-256 not
    {
      const e = entryOf(files[5]);
      put(files[5], { ...e, payload: e.payload.replace(/"stats":\{"files":\d+/, '"stats":{"files":7') });
    }
    // 6: consistent hash, facts that do not validate
    {
      const payload = JSON.stringify({ packages: 'none' });
      put(files[6], { ...entryOf(files[6]), payload, payloadSha256: sha(payload) });
    }
    // 7: a valid entry of another file copied over this one (wrong key)
    writeFileSync(files[7], readFileSync(files[8]));
    // 8: a valid entry whose facts were edited consistently but stored under another key
    {
      const e = entryOf(files[9]);
      put(files[9], { ...e, key: '0'.repeat(64) });
    }
    // 10: empty file
    writeFileSync(files[10], '');
    // 11: a foreign JSON document
    writeFileSync(files[11], gzipSync(JSON.stringify({ hello: 'world' })));

    const r = await cli([...ARGS, '--cache-dir', dir]);
    expect(r.stdout).toBe(cold);
    expect(r.code).toBe(coldCode);
    const warnings = r.logger.of('warning');
    // One warning per input at most, each naming how many entries and why the first one failed.
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    expect(warnings.length).toBeLessThanOrEqual(2);
    const total = warnings.map((w) => Number(/^cache: (\d+) entr/.exec(w)![1])).reduce((a, b) => a + b, 0);
    expect(total).toBe(11);
    expect(warnings.join('\n')).toMatch(/extracted again/);
    // Re-extracted entries were rewritten: the next scan is clean.
    const again = await cli([...ARGS, '--cache-dir', dir]);
    expect(again.stdout).toBe(cold);
    expect(again.logger.of('warning')).toEqual([]);
  });

  it('a changed file is extracted again; the others come from the cache', async () => {
    const before = entries(dir).length;
    appendFileSync(path.join(BUILD, 'out/600E0/system/etc/acme-endpoints.json'), '\n{"extra": "https://new.acme-extra.de/x"}\n');
    const plain = await cli(ARGS);
    const r = await cli([...ARGS, '--cache-dir', dir]);
    expect(r.stdout).toBe(plain.stdout);
    expect(r.stdout).not.toBe(cold);
    expect(r.stdout).toContain('new.acme-extra.de');
    const lines = hits(r);
    const e0 = /^cache: (\d+) of (\d+) files of .*600E0/.exec(lines.find((l) => l.includes('600E0'))!)!;
    expect(Number(e0[1])).toBe(Number(e0[2]) - 1);
    expect(lines.find((l) => l.includes('600CN'))).toMatch(ALL);
    expect(entries(dir).length).toBe(before + 1);
  });

  it('another policy (other known hosts) uses other keys: nothing stale is reused', async () => {
    const policy = path.join(BUILD, 'other-policy.yml');
    writeFileSync(policy, `${readFileSync(path.join(BUILD, 'activation-gate.yml'), 'utf8').replace('"*.acme.eu"', '"*.acme.eu", "api.acme-other.example.de"')}`);
    const args = ARGS.map((a) => (a === 'activation-gate.yml' ? 'other-policy.yml' : a));
    const plain = await cli(args);
    const r = await cli([...args, '--cache-dir', dir]);
    expect(r.stdout).toBe(plain.stdout);
    expect(hits(r)[0]).toMatch(NONE); // the first input: every key is new
  });

  it('an unwritable cache folder: one warning, the same report', async () => {
    const ro = path.join(tmp, 'readonly');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    const plain = await cli(ARGS);
    const r = await cli([...ARGS, '--cache-dir', ro]);
    expect(r.stdout).toBe(plain.stdout);
    if (process.getuid?.() !== 0) {
      expect(r.logger.of('warning').length).toBeGreaterThanOrEqual(1);
      expect(r.logger.of('warning')[0]).toMatch(/cannot write/);
    }
  });

  it('shards share the cache, and their merge is still the unsharded report', async () => {
    const shardDir = path.join(tmp, 'cache-shards');
    const whole = await cli(ARGS);
    const files: string[] = [];
    for (const pass of [1, 2]) {
      files.length = 0;
      for (let i = 1; i <= 2; i++) {
        const out = path.join(tmp, `cs-${i}.json`);
        const r = await cli([...ARGS, '--cache-dir', shardDir, '--shard', `${i}/2`, '--output', out]);
        expect(r.code).toBe(0);
        if (pass === 2) for (const l of hits(r)) expect(l).toMatch(ALL);
        files.push(out);
      }
      const merged = await cli(['merge', ...files, '--format', 'json', '--source-root', EMPTY_SRC]);
      expect(merged.stdout).toBe(whole.stdout);
    }
  });
});

describe('cache keys and entries', () => {
  const base = { catalogVersion: '2026.11.0', pslVersion: 'tldts 7.0.0', hosts: ['a.cn'], sms: ['10659401'], mentionPackages: ['p'], limits: DEFAULT_LIMITS };
  it('change with every input of the key', () => {
    const salt = cacheSalt(base);
    const file = { relPath: 'system/app/A/A.apk', partition: 'system', partitionPath: 'system/app/A/A.apk' };
    const key = cacheKey(salt, file, 'ab'.repeat(32));
    const variants = [
      cacheSalt({ ...base, catalogVersion: '2026.12.0' }),
      cacheSalt({ ...base, pslVersion: 'tldts 7.0.1' }),
      cacheSalt({ ...base, hosts: ['a.cn', 'b.cn'] }),
      cacheSalt({ ...base, sms: [] }),
      cacheSalt({ ...base, mentionPackages: ['q'] }),
      cacheSalt({ ...base, limits: { ...DEFAULT_LIMITS, maxEntryBytes: 1 } }),
      cacheSalt({ ...base, buildId: 'x' }),
    ];
    expect(new Set([salt, ...variants]).size).toBe(variants.length + 1);
    expect(cacheSalt({ ...base, hosts: ['a.cn'] })).toBe(salt); // order-independent lists
    expect(cacheKey(salt, { ...file, relPath: 'product/app/A/A.apk' }, 'ab'.repeat(32))).not.toBe(key);
    expect(cacheKey(salt, file, 'cd'.repeat(32))).not.toBe(key);
  });

  it('a missing entry is a miss, not a problem', () => {
    expect(readCacheEntry(path.join(tmp, 'none.json.gz'), 'k')).toEqual({ miss: true });
  });
});

// Worker threads run only from the bundle: the same checks through dist/cli.js with 2 workers.
const CLI = path.join(ROOT, 'dist', 'cli.js');
const d = existsSync(CLI) ? describe : describe.skip;
d('--cache-dir with worker threads (dist/cli.js)', () => {
  it('cold, warm and corrupted scans give the same bytes', () => {
    const dir = path.join(tmp, 'cache-workers');
    const run = () => {
      const r = spawnSync('node', [CLI, ...ARGS, '--cache-dir', dir], { cwd: BUILD, encoding: 'utf8', env: { ...process.env, ACTIVATION_GATE_WORKERS: '2' } });
      return { stdout: r.stdout, stderr: r.stderr };
    };
    const cold = run();
    expect(cold.stdout.length).toBeGreaterThan(1000);
    expect(entries(dir).length).toBeGreaterThan(10);
    const warm = run();
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.stderr).toMatch(/cache: (\d+) of \1 files of .*600CN/);
    expect(warm.stderr).toMatch(/cache: (\d+) of \1 files of .*600E0/);
    for (const f of entries(dir).slice(0, 5)) writeFileSync(path.join(dir, f), 'x');
    const fixed = run();
    expect(fixed.stdout).toBe(cold.stdout);
    expect(fixed.stderr).toMatch(/warning: cache: \d+ entr/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
