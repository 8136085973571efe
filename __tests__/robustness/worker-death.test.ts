/**
 * An extraction worker that dies (here: stopped by Node for passing the heap cap that
 * ACTIVATION_GATE_WORKER_HEAP_MB sets) costs the file it held, which the report names as
 * unreadable, and nothing else: the files it had finished are extracted again, the files it
 * never reached go to the others, and the scan ends with a report. Runs the bundled CLI (worker
 * threads need the bundle) on the androguard corpus, whose 28 MB framework-res APK needs more
 * heap than the cap, plus four larger blobs with hosts in them: files are dealt largest first,
 * so the worker that takes the APK has finished a blob before it dies.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ANDROGUARD_EXAMPLES, describeWithAndroguard } from '../helpers/corpus.js';
import { tempDir } from '../helpers/temp.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const EMPTY = tempDir('ag-death-src-');
const BUILD = tempDir('ag-death-build-');

/** The corpus's tests/ folder and four 30-33 MB blobs of random bytes, each naming 50 hosts. */
function makeBuild(): void {
  cpSync(join(ANDROGUARD_EXAMPLES, 'tests'), join(BUILD, 'apks'), { recursive: true });
  for (let b = 0; b < 4; b++) {
    const blob = randomBytes((30 + b) << 20);
    for (let i = 0; i < 50; i++) {
      const host = Buffer.from(`\0host${i}.blob${b}.example.com\0`);
      host.copy(blob, (i + 1) * (blob.length / 52) | 0);
    }
    writeFileSync(join(BUILD, `blob${b}.bin`), blob);
  }
}

interface Evidence {
  path: string;
}
interface Report {
  targets: {
    id: string;
    packages: { path: string; package: string }[];
    endpoints: { kind: string; value: string; evidence: Evidence[] }[];
    unreadable: { path: string; reason: string }[];
  }[];
}

function scan(workers: number, env: NodeJS.ProcessEnv = {}, inputs = [BUILD]): { report: Report; stderr: string; status: number | null } {
  const r = spawnSync('node', [CLI, 'scan', ...inputs, '--market', 'EU', '--format', 'json', '--fail-on', 'never', '--quiet', '--source-root', EMPTY], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ACTIVATION_GATE_WORKERS: String(workers), ...env },
    maxBuffer: 1 << 28,
  });
  return { report: JSON.parse(r.stdout) as Report, stderr: r.stderr, status: r.status };
}

const d = existsSync(CLI) ? describeWithAndroguard : describe.skip;
if (!existsSync(CLI)) console.warn('SKIPPED: worker-death tests need dist/cli.js (npm run package)');

d('a dying extraction worker', () => {
  it('costs the file it held, reported unreadable, and nothing else', () => {
    makeBuild();
    const whole = scan(1).report.targets[0];
    const dying = scan(2, { ACTIVATION_GATE_WORKER_HEAP_MB: '16' });
    expect(dying.status).toBe(0);
    const t = dying.report.targets[0];
    const lost = t.unreadable.filter((u) => u.reason.startsWith('the extraction worker failed on it'));
    expect(lost.map((u) => u.path)).toEqual(['apks/lineageos_nexus5_framework-res.apk']);
    expect(lost.every((u) => /memory/i.test(u.reason))).toBe(true);
    const gone = new Set(lost.map((u) => u.path));
    const kept = (path: string): boolean => !gone.has(path.split('!/')[0]);

    // Every package outside the lost files is there, and nothing else.
    const pkgs = (list: { path: string; package: string }[]): string[] => list.map((p) => `${p.path} ${p.package}`).sort();
    expect(pkgs(t.packages)).toEqual(pkgs(whole.packages.filter((p) => kept(p.path))));
    expect(whole.packages.length).toBeGreaterThan(t.packages.length);
    // The blobs' hosts, one of them finished by the worker that died, are all there.
    const blobHosts = t.endpoints.filter((e) => /^host\d+\.blob\d\.example\.com$/.test(e.value));
    expect(blobHosts).toHaveLength(200);

    // Every endpoint seen outside the lost files is there, with that evidence; none is invented.
    const seen = (list: Report['targets'][0]['endpoints']): Map<string, string[]> =>
      new Map(
        list
          .map((e) => [`${e.kind} ${e.value}`, e.evidence.map((x) => x.path).filter(kept)] as [string, string[]])
          .filter(([, paths]) => paths.length > 0),
      );
    const expected = seen(whole.endpoints);
    const got = seen(t.endpoints);
    expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
    // Evidence is capped at 20 per endpoint, so the lost file's may have hidden some: compare
    // where the whole scan kept fewer than the cap.
    for (const [key, paths] of expected) if (paths.length < 20) expect(new Set(got.get(key))).toEqual(new Set(paths));

    // The other errors and the files that could be read are the same.
    const others = (list: { path: string; reason: string }[]): string[] => list.filter((u) => kept(u.path)).map((u) => `${u.path}: ${u.reason}`).sort();
    expect(others(t.unreadable)).toEqual(others(whole.unreadable));
  }, 120_000);

  it('is replaced for the next input of the scan (the workers serve every input)', () => {
    const inputs = [BUILD, join(BUILD, 'apks')];
    const whole = scan(1, {}, inputs).report.targets;
    const dying = scan(2, { ACTIVATION_GATE_WORKER_HEAP_MB: '16' }, inputs);
    expect(dying.status).toBe(0);
    expect(dying.report.targets.map((t) => t.id)).toEqual(whole.map((t) => t.id));
    dying.report.targets.forEach((t, i) => {
      const lost = t.unreadable.filter((u) => u.reason.startsWith('the extraction worker failed on it')).map((u) => u.path);
      expect(lost).toEqual([i === 0 ? 'apks/lineageos_nexus5_framework-res.apk' : 'lineageos_nexus5_framework-res.apk']);
      const pkgs = (list: { path: string; package: string }[]): string[] => list.map((p) => `${p.path} ${p.package}`).sort();
      expect(pkgs(t.packages)).toEqual(pkgs(whole[i].packages.filter((p) => p.path !== lost[0])));
    });
  }, 120_000);
});

const cli = existsSync(CLI) ? describe : describe.skip;

cli('a worker dying on a small file after others of the same message', () => {
  it('is known to have died on that file: the files it finished before are extracted again, not blamed', () => {
    // Three 250 KB blobs (each ends with a URL, after a NUL) and a 150 KB JAR (made by zip) whose one entry names 60,000 hosts: past
    // a 16 MB heap. Dealt largest first and small enough to go in one message, so the worker
    // finishes the three blobs and dies on the JAR before it has answered for all of them.
    const dir = tempDir('ag-death-small-');
    for (let i = 1; i <= 3; i++) writeFileSync(join(dir, `f${i}.bin`), Buffer.concat([randomBytes(250_000), Buffer.from(`\0https://filler${i}.example.com/`)]));
    const text = join(dir, 'hosts.txt');
    writeFileSync(text, Array.from({ length: 60_000 }, (_, i) => `h${i}.example.cn\n`).join(''));
    execFileSync('zip', ['-q', '-9', '-j', join(dir, 'killer.jar'), text]);
    rmSync(text);
    const { report, status } = scan(2, { ACTIVATION_GATE_WORKER_HEAP_MB: '16' }, [dir]);
    expect(status).toBe(0);
    const t = report.targets[0];
    expect(t.unreadable.map((u) => `${u.path}: ${u.reason}`)).toEqual([expect.stringMatching(/^killer\.jar: the extraction worker failed on it: .*memory/i)]);
    expect(t.endpoints.map((e) => e.value).filter((v) => v.startsWith('filler'))).toEqual(['filler1.example.com', 'filler2.example.com', 'filler3.example.com']);
  }, 120_000);

  it('with a cold cache: the files it had finished, extracted again, are counted once', () => {
    // As below, but nothing is cached yet: the files the worker answered for before it died are
    // misses whose facts died with it, extracted again on the main thread and not counted again.
    const dir = tempDir('ag-death-cold-');
    const cache = tempDir('ag-death-cold-dir-');
    const BLOBS = 12;
    for (let i = 1; i <= BLOBS; i++) writeFileSync(join(dir, `f${i}.bin`), Buffer.concat([randomBytes(250_000), Buffer.from(`\0https://filler${i}.example.com/`)]));
    const text = join(dir, 'hosts.txt');
    writeFileSync(text, Array.from({ length: 60_000 }, (_, i) => `h${i}.example.cn\n`).join(''));
    execFileSync('zip', ['-q', '-9', '-j', join(dir, 'killer.jar'), text]);
    rmSync(text);
    const r = spawnSync('node', [CLI, 'scan', dir, '--market', 'EU', '--format', 'json', '--fail-on', 'never', '--source-root', EMPTY, '--cache-dir', cache], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ACTIVATION_GATE_WORKERS: '2', ACTIVATION_GATE_WORKER_HEAP_MB: '16' },
      maxBuffer: 1 << 28,
    });
    expect(r.status).toBe(0);
    const t = (JSON.parse(r.stdout) as { targets: { unreadable: { path: string; reason: string }[] }[] }).targets[0];
    expect(t.unreadable.map((u) => `${u.path}: ${u.reason}`)).toEqual([expect.stringMatching(/^killer\.jar: the extraction worker failed on it: .*memory/i)]);
    // Each blob once, a miss (the JAR, lost, is not counted); counted again, this said 6 of 18.
    expect(r.stderr).toContain(`cache: 0 of ${BLOBS} files of `);
  }, 120_000);

  it('with a warm cache: the hits it handed over before dying are neither lost nor counted twice', () => {
    // Twelve 250 KB blobs are cached first; then a JAR that kills the worker extracting it is
    // added. Dealt largest first, a few blobs to a message: the JAR goes, in a later message, to
    // a worker that has already handed over cache hits as payloads (parsed on the main thread).
    // Those are its facts' only copy there: extracting them again too would count them twice.
    const dir = tempDir('ag-death-cache-');
    const cache = tempDir('ag-death-cache-dir-');
    const BLOBS = 12;
    for (let i = 1; i <= BLOBS; i++) writeFileSync(join(dir, `f${i}.bin`), Buffer.concat([randomBytes(250_000), Buffer.from(`\0https://filler${i}.example.com/`)]));
    const run = (env: NodeJS.ProcessEnv) =>
      spawnSync('node', [CLI, 'scan', dir, '--market', 'EU', '--format', 'json', '--fail-on', 'never', '--source-root', EMPTY, '--cache-dir', cache], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, ACTIVATION_GATE_WORKERS: '2', ...env },
        maxBuffer: 1 << 28,
      });
    expect(run({}).status).toBe(0);
    const text = join(dir, 'hosts.txt');
    writeFileSync(text, Array.from({ length: 60_000 }, (_, i) => `h${i}.example.cn\n`).join(''));
    execFileSync('zip', ['-q', '-9', '-j', join(dir, 'killer.jar'), text]);
    rmSync(text);
    const r = run({ ACTIVATION_GATE_WORKER_HEAP_MB: '16' });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`cache: ${BLOBS} of ${BLOBS} files of `); // the JAR, lost, is not counted
    const t = (JSON.parse(r.stdout) as { targets: { unreadable: { path: string; reason: string }[]; endpoints: { value: string; evidence: Evidence[]; evidenceCount: number }[] }[] }).targets[0];
    expect(t.unreadable.map((u) => `${u.path}: ${u.reason}`)).toEqual([expect.stringMatching(/^killer\.jar: the extraction worker failed on it: .*memory/i)]);
    const fillers = t.endpoints.filter((e) => e.value.startsWith('filler')).map((e) => [e.value, e.evidence.map((x) => x.path), e.evidenceCount]);
    const expected = Array.from({ length: BLOBS }, (_, k) => [`filler${k + 1}.example.com`, [`f${k + 1}.bin`], 1]);
    expect(fillers.sort()).toEqual(expected.sort());
  }, 120_000);
});
