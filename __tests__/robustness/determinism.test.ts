/**
 * Determinism: the same input gives byte-identical JSON and SARIF, whatever the number of
 * extraction workers (and whether they share an image) and the order in which the file system
 * lists entries. Runs the bundled CLI
 * (worker threads need the bundle).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const tmp = mkdtempSync(join(tmpdir(), 'ag-det-'));
const EMPTY = mkdtempSync(join(tmpdir(), 'ag-det-src-'));
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  rmSync(EMPTY, { recursive: true, force: true });
});

function run(inputs: string[], format: 'json' | 'sarif', workers: number, cwd = ROOT, nodeFlags: string[] = [], env: NodeJS.ProcessEnv = {}): string {
  return execFileSync('node', [...nodeFlags, CLI, 'scan', ...inputs, '--policy', 'sample/activation-gate.yml', '--format', format, '--fail-on', 'never', '--quiet', '--now', '2026-11-01', '--source-root', EMPTY], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ACTIVATION_GATE_WORKERS: String(workers), ...env },
    maxBuffer: 1 << 28,
  });
}

/** Copies a tree creating entries in reverse order (a different on-disk directory order). */
function copyReversed(src: string, dst: string): void {
  mkdirSync(dst, { recursive: true });
  for (const name of readdirSync(src).sort().reverse()) {
    const s = join(src, name);
    const d = join(dst, name);
    if (statSync(s).isDirectory()) copyReversed(s, d);
    else cpSync(s, d);
  }
}

const d = existsSync(CLI) ? describe : describe.skip;
if (!existsSync(CLI)) console.warn('SKIPPED: determinism tests need dist/cli.js (npm run package)');

d('determinism', () => {
  const inputs = ['sample/out/600E0', 'sample/out/600CN', '__tests__/fixtures/builds/mixed', '__tests__/fixtures/hostile'];

  it('JSON and SARIF are byte-identical with 1, 2 and 3 workers', () => {
    for (const format of ['json', 'sarif'] as const) {
      const one = run(inputs, format, 1);
      expect(one.length).toBeGreaterThan(1000);
      expect(run(inputs, format, 2)).toBe(one);
      expect(run(inputs, format, 3)).toBe(one);
    }
  }, 120_000);

  it('is the same from a copy of dist/ with no node_modules beside it (as the Action runs): the Public Suffix List version is built in', () => {
    const copy = join(tmp, 'dist-alone');
    cpSync(join(ROOT, 'dist'), copy, { recursive: true });
    const version = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'tldts', 'package.json'), 'utf8')) as { version: string }).version;
    const alone = execFileSync('node', [join(copy, 'cli.js'), 'scan', 'sample/out/600E0', '--policy', 'sample/activation-gate.yml', '--format', 'json', '--fail-on', 'never', '--quiet', '--now', '2026-11-01', '--source-root', EMPTY], { cwd: ROOT, encoding: 'utf8' });
    expect((JSON.parse(alone) as { tool: { pslVersion: string } }).tool.pslVersion).toBe(`tldts ${version}`);
    expect(alone).toBe(run(['sample/out/600E0'], 'json', 2));
  });

  it('a folder of hundreds of small files (sent to workers many to a message) gives the report of one worker', () => {
    const dir = join(tmp, 'many-small');
    mkdirSync(join(dir, 'etc'), { recursive: true });
    for (let i = 0; i < 300; i++) {
      // Sizes from a few bytes to ~40 KiB, so that batches end on the byte limit and on the count.
      const body = `{"url": "https://h${i}.many.example.com/p"}` + ' '.repeat((i * 137) % 40_000) + (i % 7 === 0 ? ' com.sec.omadm ' : '');
      writeFileSync(join(dir, 'etc', `f${String(i).padStart(3, '0')}.json`), body);
    }
    writeFileSync(join(dir, 'big.bin'), Buffer.concat([Buffer.alloc(3 << 20, 0x20), Buffer.from('https://big.many.example.com/')]));
    const one = run([dir], 'json', 1);
    const hosts = new Set([...one.matchAll(/"value": "(h\d+|big)\.many\.example\.com"/g)].map((m) => m[1]));
    expect(hosts.size).toBe(301);
    expect(run([dir], 'json', 2)).toBe(one);
    expect(run([dir], 'json', 3)).toBe(one);
  }, 120_000);

  it('is the same without WebAssembly (node --jitless: endpoint candidates by the JavaScript path, LZ4 by its decoder)', () => {
    const withLz4 = [...inputs, '__tests__/fixtures/images/sample/erofs-lz4hc'];
    const one = run(withLz4, 'json', 1);
    expect(one).toMatch(/"kind": "sms"/); // the inputs hold SMS numbers and hosts
    expect(one).toMatch(/"kind": "host"/);
    expect(one).toMatch(/"path": "system\.img!\/etc\/acme-endpoints\.json"/); // a file of the LZ4-compressed EROFS image
    expect(run(withLz4, 'json', 1, ROOT, ['--jitless'])).toBe(one);
  }, 120_000);

  it('a single-file input is hashed once for the audit: the same SHA-256 with 1 and 2 workers, and from the cache', () => {
    const apk = '__tests__/fixtures/apks/autoregistration-cn.apk';
    const expected = createHash('sha256').update(readFileSync(join(ROOT, apk))).digest('hex');
    for (const workers of [1, 2]) {
      const report = JSON.parse(run([apk], 'json', workers)) as { audit: { inputs: { path: string; sha256: string }[] } };
      expect(report.audit.inputs).toEqual([{ path: apk, sha256: expected }]);
    }
    // With --cache-dir the cache's own hash of the file is used, cold and warm.
    const cacheDir = join(tmp, 'cache-single');
    for (const pass of ['cold', 'warm']) {
      const out = execFileSync('node', [CLI, 'scan', apk, '--format', 'json', '--fail-on', 'never', '--quiet', '--now', '2026-11-01', '--source-root', EMPTY, '--cache-dir', cacheDir], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, ACTIVATION_GATE_WORKERS: '2' },
      });
      expect([pass, (JSON.parse(out) as { audit: { inputs: { sha256: string }[] } }).audit.inputs[0].sha256]).toEqual([pass, expected]);
    }
  }, 120_000);

  it('an image shared by every worker (a slice of its files each) gives the report of one worker', () => {
    // Every image, and every image inside one, is shared however small (the default is 64 MiB):
    // ext4, sparse, EROFS, super (partitions inside shared again), an OTA payload (partitions
    // dealt out), APEX payloads inside an image, broken images, FAT and boot images.
    const F = '__tests__/fixtures/images';
    const images = [
      `${F}/sample/super.img`,
      `${F}/sample/ext4`,
      `${F}/sample/sparse`,
      `${F}/sample/erofs-lz4hc`,
      `${F}/sample/ota.zip`,
      `${F}/sample/target-files.zip`,
      `${F}/sample/target-files-stored.zip`,
      `${F}/apex`,
      `${F}/broken`,
      `${F}/fat`,
      `${F}/boot`,
    ];
    // A sparse image of raw bytes (no filesystem inside, as img2simg makes of any file): shared,
    // then found to hold no container, it must be scanned once, not once per worker.
    if (spawnSync('img2simg', [], { encoding: 'utf8' }).error) {
      console.warn('SKIPPED part: img2simg absent (apt-get install android-sdk-libsparse-utils); no sparse image of raw data');
    } else {
      const raw = Buffer.alloc(300_000, 0x2e);
      raw.write(' https://raw-sparse.acme-cn.com.cn/x 10659401 ', 70_000, 'latin1');
      writeFileSync(join(tmp, 'raw.bin'), raw);
      execFileSync('img2simg', [join(tmp, 'raw.bin'), join(tmp, 'vendor_dlkm.img')]);
      images.push(join(tmp, 'vendor_dlkm.img'));
    }
    const slice = { ACTIVATION_GATE_SLICE_MIN_BYTES: '0' };
    const one = run(images, 'json', 1, ROOT, [], slice);
    expect(one).toMatch(/"kind": "host"/);
    if (images.some((i) => i.endsWith('vendor_dlkm.img'))) {
      const target = (JSON.parse(one) as { targets: { input: string; endpoints: { value: string; evidenceCount: number }[] }[] }).targets.find((t) => t.input.endsWith('vendor_dlkm.img'))!;
      expect(target.endpoints.filter((e) => e.value === 'raw-sparse.acme-cn.com.cn').map((e) => e.evidenceCount)).toEqual([1]);
    }
    expect(one).toMatch(/"rule": "unreadable-artifact"/); // the broken images are reported once each
    for (const workers of [2, 3]) expect([workers, run(images, 'json', workers, ROOT, [], slice)]).toEqual([workers, one]);
    // ...and it was shared: the log says so (a single image given as the input, too).
    const log = (workers: number, inputs: string[]): string =>
      spawnSync('node', [CLI, 'scan', ...inputs, '--format', 'text', '--fail-on', 'never', '--source-root', EMPTY], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, ACTIVATION_GATE_WORKERS: String(workers), ...slice },
      }).stderr;
    expect(log(2, [`${F}/sample/super.img`])).toContain('super.img: shared by 2 workers');
    expect(log(2, [`${F}/sample/target-files.zip`])).toContain('target-files.zip: shared by 2 workers');
    // The files of shared containers are counted once (slice 0's), not once per worker.
    const counts = (text: string): string[] => text.split('\n').filter((l) => / files, \d+ entries/.test(l));
    expect(counts(log(1, images))).toHaveLength(images.length);
    expect(counts(log(3, images))).toEqual(counts(log(1, images)));
  }, 120_000);

  it('an image shared by the workers that runs out of its inflation budget gives the report of one worker', () => {
    // The slices of a shared image spend one budget; which files a race between them would
    // refuse is not known, so a refused slice has the image extracted again whole. Budgets that
    // refuse a few and many of the sample images' files (none refused at 300 kB).
    const F = join(ROOT, '__tests__', 'fixtures', 'images', 'sample');
    const images = ['target-files.zip', 'ota.zip', 'erofs-lz4hc', 'super.img'].map((i) => join(F, i));
    const refusals = (json: string): number => json.split('inflation budget is spent').length - 1;
    for (const budget of ['300000', '100000', '30000']) {
      const env = { ACTIVATION_GATE_SLICE_MIN_BYTES: '0', ACTIVATION_GATE_MAX_FILE_INFLATED_BYTES: budget };
      const one = run(images, 'json', 1, ROOT, [], env);
      if (budget === '300000') expect(refusals(one)).toBe(0);
      else expect(refusals(one)).toBeGreaterThan(0);
      for (const workers of [2, 3]) expect([budget, workers, run(images, 'json', workers, ROOT, [], env)]).toEqual([budget, workers, one]);
    }
    // The log says why an image took longer.
    const log = spawnSync('node', [CLI, 'scan', ...images, '--format', 'text', '--fail-on', 'never', '--source-root', EMPTY], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ACTIVATION_GATE_WORKERS: '2', ACTIVATION_GATE_SLICE_MIN_BYTES: '0', ACTIVATION_GATE_MAX_FILE_INFLATED_BYTES: '30000' },
    }).stderr;
    expect(log).toContain("target-files.zip: its shared extraction ran out of the file's inflation budget; extracted again whole on one thread");
  }, 120_000);

  it('is independent of the order the file system lists entries in', () => {
    for (const i of ['sample/out/600E0', '__tests__/fixtures/builds/mixed']) copyReversed(join(ROOT, i), join(tmp, i));
    cpSync(join(ROOT, 'sample/activation-gate.yml'), join(tmp, 'sample/activation-gate.yml'));
    const a = run(['sample/out/600E0', '__tests__/fixtures/builds/mixed'], 'json', 2);
    const b = run(['sample/out/600E0', '__tests__/fixtures/builds/mixed'], 'json', 2, tmp);
    expect(b).toBe(a);
  }, 120_000);
});
