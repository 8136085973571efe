/**
 * `--cache-dir`: facts of each file keyed by the SHA-256 of its bytes. A warm scan gives the
 * same bytes as a cold one; corrupt, truncated, foreign or tampered entries are ignored with one
 * warning and the files extracted again, so the cache can never change a verdict.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { RecordingLogger } from '../../src/logging.js';
import { cacheEntryMaxBytes, cacheKey, cacheSalt, entryPath, readCacheEntry, writeCacheEntry } from '../../src/extract/cache.js';
import { DEFAULT_LIMITS } from '../../src/extract/limits.js';
import { bootId, isDigestsFile } from '../../src/extract/digests.js';
import { temporaryFor, temporaryName } from '../../src/io/atomic.js';
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

const entries = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.facts')).sort();

/** An entry's header line and payload (the facts' JSON), and an entry made of them. */
function entryOf(f: string): { header: Record<string, unknown>; payload: string } {
  const raw = readFileSync(f);
  const nl = raw.indexOf(0x0a);
  return { header: JSON.parse(raw.toString('utf8', 0, nl)) as Record<string, unknown>, payload: raw.toString('utf8', nl + 1) };
}
function put(f: string, e: { header: Record<string, unknown>; payload: string }): void {
  writeFileSync(f, `${JSON.stringify(e.header)}\n${e.payload}`);
}
const hits = (r: { logger: RecordingLogger }): string[] => r.logger.of('info').filter((m) => /^cache: \d+ of \d+ files /.test(m));
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
    // One entry per distinct file of the walks (obj/ and symbols/ are skipped), the remembered
    // digests (digests.test.ts), no temporary files left.
    const files = (r.logger.of('info').filter((m) => /^cache: \d+ of \d+ files/.test(m)).map((m) => /^cache: (\d+) of (\d+)/.exec(m)!).map((m) => Number(m[2]) - Number(m[1])));
    expect(entries(dir).length).toBe(files[0] + files[1]);
    expect(readdirSync(dir).filter((f) => !f.endsWith('.facts') && !isDigestsFile(f))).toEqual([]);
    // Facts, never findings: a header line, then the facts' JSON, its length and SHA-256 in the header.
    const one = entryOf(path.join(dir, entries(dir)[0]));
    expect(Object.keys(one.header).sort()).toEqual(['format', 'formatVersion', 'key', 'path', 'payloadBytes', 'payloadSha256', 'sha256', 'tool']);
    expect(one.header.formatVersion).toBe(7);
    expect(one.header.payloadBytes).toBe(Buffer.byteLength(one.payload));
    expect(one.header.payloadSha256).toBe(createHash('sha256').update(one.payload).digest('hex'));
    expect(`${one.header.key}.facts`).toBe(entries(dir)[0]);
    expect(Object.keys(JSON.parse(one.payload)).sort()).toEqual(['endpoints', 'mentions', 'packages', 'partitionPaths', 'propFiles', 'props', 'skipped', 'skuFiles', 'stats', 'unreadable']);
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
    const sha = (s: string) => createHash('sha256').update(s).digest('hex');
    // 0: truncated inside its header line
    writeFileSync(files[0], readFileSync(files[0]).subarray(0, 20));
    // 1: not an entry at all
    writeFileSync(files[1], 'garbage');
    // 2: a header line that is not JSON
    writeFileSync(files[2], '{"format": "activation-gate-facts", \n{}');
    // 3: another tool version
    {
      const e = entryOf(files[3]);
      put(files[3], { ...e, header: { ...e.header, tool: '0.0.1' } });
    }
    // 4: another format version
    {
      const e = entryOf(files[4]);
      put(files[4], { ...e, header: { ...e.header, formatVersion: 99 } });
    }
    // 5: payload changed (same length), its SHA-256 not
    {
      const e = entryOf(files[5]);
      const payload = e.payload.replace(/"stats":\{"files":\d/, '"stats":{"files":7');
      expect(payload).not.toBe(e.payload);
      put(files[5], { ...e, payload });
    }
    // 6: consistent length and hash, facts that do not validate
    {
      const e = entryOf(files[6]);
      const payload = JSON.stringify({ packages: 'none' });
      put(files[6], { header: { ...e.header, payloadBytes: payload.length, payloadSha256: sha(payload) }, payload });
    }
    // 7: a valid entry of another file copied over this one (wrong key)
    writeFileSync(files[7], readFileSync(files[8]));
    // 8: a valid entry stored under another key
    {
      const e = entryOf(files[9]);
      put(files[9], { ...e, header: { ...e.header, key: '0'.repeat(64) } });
    }
    // 10: empty file
    writeFileSync(files[10], '');
    // 11: a foreign JSON document
    writeFileSync(files[11], `${JSON.stringify({ hello: 'world' })}\n`);
    // 12: cut short in its payload
    writeFileSync(files[12], readFileSync(files[12]).subarray(0, -1));
    // 8 (copied to 7 above): a consistent entry whose facts are padded past what a file of this
    // size can need (64 times it and 64 MiB): never read (it would parse and validate)
    {
      const e = entryOf(files[8]);
      const payload = e.payload + ' '.repeat(65 << 20);
      put(files[8], { header: { ...e.header, payloadBytes: Buffer.byteLength(payload), payloadSha256: sha(payload) }, payload });
    }

    const r = await cli([...ARGS, '--cache-dir', dir]);
    expect(r.stdout).toBe(cold);
    expect(r.code).toBe(coldCode);
    const warnings = r.logger.of('warning');
    // One warning per input at most, each naming how many entries and why the first one failed.
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    expect(warnings.length).toBeLessThanOrEqual(2);
    const total = warnings.map((w) => Number(/^cache: (\d+) entr/.exec(w)![1])).reduce((a, b) => a + b, 0);
    expect(total).toBe(13);
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

describe('--cache-prune', () => {
  const dir = path.join(tmp, 'cache-prune');
  const build = path.join(tmp, 'build-prune');
  cpSync(path.join(ROOT, 'sample'), build, { recursive: true });
  const run = (extra: string[] = []) => cli([...ARGS, '--cache-dir', dir, ...extra], build);
  const pruned = (r: { logger: RecordingLogger }): string | undefined => r.logger.of('info').find((m) => m.startsWith('cache: pruned '));

  it("removes the entries and records this scan did not use and a crashed writer's old temporary files; keeps what it used and what is not the cache's", async () => {
    const cold = await run();
    const used = entries(dir);
    const stale = path.join(dir, `${'e'.repeat(64)}.facts`);
    const staleRecord = path.join(dir, 'digests-0123456789abcdef.json');
    // Temporary files named as the cache's writer names them, one of them left by a crash.
    const oldTemp = path.join(dir, temporaryName(`${'a'.repeat(64)}.facts`));
    const newTemp = path.join(dir, temporaryName(`${'b'.repeat(64)}.facts`));
    const notOurs = path.join(dir, 'NOTES.txt');
    const notOursTemp = path.join(dir, '.editor-swap.tmp');
    for (const f of [stale, staleRecord, oldTemp, newTemp, notOurs, notOursTemp]) writeFileSync(f, 'x');
    const hoursAgo = (Date.now() - 2 * 3_600_000) / 1000;
    for (const f of [oldTemp, notOursTemp]) utimesSync(f, hoursAgo, hoursAgo);
    const r = await run(['--cache-prune']);
    expect(r.stdout).toBe(cold.stdout);
    expect(r.logger.of('warning')).toEqual([]);
    for (const l of hits(r)) expect(l).toMatch(ALL);
    expect(pruned(r)).toMatch(/^cache: pruned 3 files \(0\.0 MiB\) this scan did not use from /);
    for (const f of [stale, staleRecord, oldTemp]) expect(existsSync(f)).toBe(false);
    for (const f of [newTemp, notOurs, notOursTemp]) expect(existsSync(f)).toBe(true);
    expect(entries(dir)).toEqual(used);
    // Every file still comes from the cache.
    const again = await run(['--cache-prune']);
    for (const l of hits(again)) expect(l).toMatch(ALL);
    expect(pruned(again)).toMatch(/^cache: pruned 0 files /);
  });

  it("a changed file's old entry goes once no file of the scan uses it: the folder holds this build's facts only", async () => {
    const before = entries(dir);
    // Both SKUs hold this file (same path, same bytes: one entry). Changed in one, the old entry
    // is still the other's.
    const extra = '\n{"extra": "https://pruned.acme-extra.de/x"}\n';
    appendFileSync(path.join(build, 'out/600E0/system/etc/acme-endpoints.json'), extra);
    const one = await run(['--cache-prune']);
    expect(one.stdout).toContain('pruned.acme-extra.de');
    expect(pruned(one)).toMatch(/^cache: pruned 0 files /);
    expect(entries(dir)).toHaveLength(before.length + 1);
    // Changed in both: the old entry is no file's now.
    appendFileSync(path.join(build, 'out/600CN/system/etc/acme-endpoints.json'), extra);
    const both = await run(['--cache-prune']);
    expect(pruned(both)).toMatch(/^cache: pruned 1 file \(/);
    const after = entries(dir);
    expect(after).toHaveLength(before.length);
    expect(after.filter((e) => !before.includes(e))).toHaveLength(1);
  });

  it('--cache-rehash uses no remembered digest but records those it computes: --cache-prune keeps each input\'s record', async () => {
    const r = await run(['--cache-rehash', '--cache-prune']);
    expect(r.logger.of('info').some((m) => / not read to hash them/.test(m))).toBe(false);
    // Nothing is recorded without a boot id, or on a filesystem whose file times cannot vouch.
    if (bootId() === undefined || r.logger.of('info').some((m) => /cannot vouch/.test(m))) return;
    expect(readdirSync(dir).filter(isDigestsFile)).toHaveLength(2);
  });

  it("tells the writer's temporary files by their shape", () => {
    const name = `${'c'.repeat(64)}.facts`;
    expect(temporaryFor(temporaryName(name))).toBe(name);
    expect(temporaryFor(temporaryName('digests-0123456789abcdef.json'))).toBe('digests-0123456789abcdef.json');
    for (const other of ['.editor-swap.tmp', `.${name}.tmp`, name, `${name}.1.2.3.tmp`]) expect(temporaryFor(other)).toBeUndefined();
  });

  it('needs --cache-dir, and is not for a shard', async () => {
    expect((await cli([...ARGS, '--cache-prune'], build)).code).toBe(2);
    const r = await cli([...ARGS, '--cache-dir', dir, '--cache-prune', '--shard', '1/2'], build);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--cache-prune cannot be used with --shard/);
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
      cacheSalt({ ...base, variantToggles: { p: ['bool/isCnVersion'] } }),
      cacheSalt({ ...base, variantToggles: { p: ['bool/isCnVersion', 'bool/isWw'] } }),
      cacheSalt({ ...base, limits: { ...DEFAULT_LIMITS, maxEntryBytes: 1 } }),
      cacheSalt({ ...base, buildId: 'x' }),
    ];
    expect(new Set([salt, ...variants]).size).toBe(variants.length + 1);
    expect(cacheSalt({ ...base, hosts: ['a.cn'] })).toBe(salt); // order-independent lists
    expect(cacheKey(salt, { ...file, relPath: 'product/app/A/A.apk' }, 'ab'.repeat(32))).not.toBe(key);
    expect(cacheKey(salt, file, 'cd'.repeat(32))).not.toBe(key);
  });

  it('reads back what it wrote, and names what is wrong with an entry it cannot use', () => {
    const dir = path.join(tmp, 'unit');
    const file = { abs: '/x/A.apk', relPath: 'system/app/A/A.apk', partition: 'system', partitionPath: 'system/app/A/A.apk', size: 1 } as unknown as Parameters<typeof writeCacheEntry>[2];
    const facts = { packages: [], endpoints: [{ kind: 'host', value: 'zzhc.vnet.cn', artifacts: ['system/app/A/A.apk'], evidence: [{ path: 'system/app/A/A.apk', entry: 'classes.dex', source: 'dex', offset: 1096 }], evidenceCount: 1 }], props: [], skuFiles: [], unreadable: [], skipped: [], mentions: [], propFiles: [], partitionPaths: [], stats: { files: 1, bytes: 10, entries: 2, inflatedBytes: 30 } } as unknown as Parameters<typeof writeCacheEntry>[4];
    const key = 'ab'.repeat(32);
    expect(writeCacheEntry(dir, key, file, 'cd'.repeat(32), facts)).toBeUndefined();
    const f = entryPath(dir, key);
    expect(readCacheEntry(f, key)).toEqual({ facts });
    const good = readFileSync(f);
    const nl = good.indexOf(0x0a);
    const problemOf = (bytes: Buffer | string, k = key): string => {
      writeFileSync(f, bytes);
      const r = readCacheEntry(f, k);
      return 'problem' in r ? r.problem : JSON.stringify(r);
    };
    expect(problemOf(good, 'ef'.repeat(32))).toBe('stored under another key');
    expect(problemOf('')).toBe('without a header line (0 bytes)');
    expect(problemOf(good.subarray(0, nl))).toBe(`without a header line (${nl} bytes)`);
    expect(problemOf(Buffer.concat([Buffer.alloc(70 << 10, 0x20), good]))).toMatch(/^without a header line/);
    expect(problemOf(`{${good.subarray(nl).toString()}`)).toBe('not JSON in its header line');
    expect(problemOf(Buffer.concat([Buffer.from('{"format":"other"}'), good.subarray(nl)]))).toMatch(/^not a activation-gate-facts entry \(format: /);
    expect(problemOf(good.subarray(0, good.length - 1))).toBe(`${good.length - nl - 2} bytes of payload where its header says ${good.length - nl - 1} (truncated or appended to)`);
    expect(problemOf(Buffer.concat([good, Buffer.from(' ')]))).toMatch(/truncated or appended to/);
    const flipped = Buffer.from(good);
    flipped[good.length - 3] ^= 1;
    expect(problemOf(flipped)).toBe('its payload does not match its SHA-256');
    const header = JSON.parse(good.toString('utf8', 0, nl)) as Record<string, unknown>;
    const withPayload = (payload: string, h: Record<string, unknown> = header): string =>
      `${JSON.stringify({ ...h, payloadBytes: Buffer.byteLength(payload), payloadSha256: createHash('sha256').update(payload).digest('hex') })}\n${payload}`;
    expect(problemOf(withPayload('{"packages":'))).toBe('its payload is not JSON');
    expect(problemOf(withPayload('{"packages":"none"}'))).toMatch(/^its facts do not validate \(packages: /);
    expect(problemOf(withPayload(JSON.stringify(facts), { ...header, tool: '0.0.1' }))).toMatch(/^written by another version \(format 7, activation-gate 0\.0\.1\)$/);
    expect(problemOf(withPayload(JSON.stringify(facts)))).toBe(JSON.stringify({ facts })); // rebuilt as written: read again
    // An entry larger than the facts of its file can take is not read at all.
    writeFileSync(f, good);
    expect(readCacheEntry(f, key, good.length)).toEqual({ facts });
    expect(readCacheEntry(f, key, good.length - 1)).toEqual({ problem: `${good.length} bytes, more than the ${good.length - 1} the facts of its file can take (64 times its size and 64 MiB)` });
    expect(cacheEntryMaxBytes(1000)).toBe(64_000 + (64 << 20));
    // Planted in the folder (actions/cache keeps them): a FIFO is not waited on, a symlink not followed.
    rmSync(f);
    spawnSync('mkfifo', [f]);
    expect(readCacheEntry(f, key)).toEqual({ problem: 'not a regular file' });
    rmSync(f);
    symlinkSync('/dev/zero', f);
    expect(readCacheEntry(f, key)).toEqual({ problem: 'unreadable (ELOOP)' });
  });

  it('a missing entry is a miss, not a problem', () => {
    expect(readCacheEntry(path.join(tmp, 'none.facts'), 'k')).toEqual({ miss: true });
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

  it('a hit whose facts do not validate (its length and SHA-256 consistent): the main thread, which parses the workers’ hits, has the file extracted again', () => {
    const dir = path.join(tmp, 'cache-workers-facts');
    const run = () => {
      const r = spawnSync('node', [CLI, ...ARGS, '--cache-dir', dir], { cwd: BUILD, encoding: 'utf8', env: { ...process.env, ACTIVATION_GATE_WORKERS: '2' } });
      return { stdout: r.stdout, stderr: r.stderr, status: r.status };
    };
    const cold = run();
    const files = entries(dir);
    expect(files.length).toBeGreaterThan(10);
    for (const f of files.slice(0, 3)) {
      const e = entryOf(path.join(dir, f));
      const payload = JSON.stringify({ ...JSON.parse(e.payload), endpoints: 'none' });
      put(path.join(dir, f), { header: { ...e.header, payloadBytes: Buffer.byteLength(payload), payloadSha256: createHash('sha256').update(payload).digest('hex') }, payload });
    }
    const warm = run();
    expect(warm.status).toBe(cold.status);
    expect(warm.stdout).toBe(cold.stdout);
    const counts = [...warm.stderr.matchAll(/cache: (\d+) of (\d+) files of /g)].map((m) => Number(m[2]) - Number(m[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(3); // the three, extracted again
    expect(warm.stderr).toMatch(/warning: cache: \d entr\w+ not used or not written, the files extracted again: .* was not used \(its facts do not validate \(endpoints: /);
    // Rewritten: the next run takes every file from the cache, silently.
    const again = run();
    expect(again.stdout).toBe(cold.stdout);
    expect(again.stderr).not.toMatch(/warning/);
  });
});
