/**
 * Endpoint floods: files made of hundreds of thousands of distinct host names. A 16 MiB file of
 * 1.4 million names had made the scan take 2.6 GB and 28 s, then crash writing a JSON report
 * past V8's longest string. Each artifact adds at most Limits.maxArtifactEndpoints endpoints and
 * each input lists at most maxInputEndpoints; past either, an unreadable-artifact error says so,
 * catalogued and policy-named endpoints are always listed, and the report does not depend on the
 * workers, the shards or the cache. Runs the bundled CLI with the caps lowered through the
 * environment (the defaults are 50,000 and 200,000).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { runCli } from '../../src/cli/run.js';
import { RecordingLogger } from '../../src/logging.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const tmp = mkdtempSync(join(tmpdir(), 'ag-flood-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const CAPS = { ACTIVATION_GATE_MAX_ARTIFACT_ENDPOINTS: '3000', ACTIVATION_GATE_MAX_INPUT_ENDPOINTS: '10000' };

function scan(args: string[], env: NodeJS.ProcessEnv = {}): string {
  return execFileSync('node', [CLI, 'scan', ...args, '--market', 'EU', '--format', 'json', '--fail-on', 'never', '--quiet', '--now', '2026-11-01', '--source-root', tmp], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...CAPS, ...env },
    maxBuffer: 1 << 28,
  });
}

interface Target {
  endpoints: { kind: string; value: string; status: string; evidence: { path: string }[] }[];
  unreadable: { path: string; format: string; reason: string }[];
}
const target = (json: string): Target => (JSON.parse(json) as { targets: Target[] }).targets[0];
const md5 = (s: string): string => createHash('md5').update(s).digest('hex');

/** `count` distinct names `<prefix>hNNNNNN.cn`, then `tail` (a catalogued host, say). */
function floodFile(path: string, prefix: string, count: number, tail = ''): void {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(`${prefix}h${String(i).padStart(6, '0')}.cn`);
  writeFileSync(path, `${parts.join(' ')} ${tail}\n`);
}

const d = existsSync(CLI) ? describe : describe.skip;
if (!existsSync(CLI)) console.warn('SKIPPED: the flood tests need dist/cli.js (npm run package)');

d('endpoint floods', () => {
  it('an artifact past its cap keeps its first endpoints in scan order, every catalogued one, and is an error', () => {
    const dir = join(tmp, 'one');
    mkdirSync(dir);
    floodFile(join(dir, 'hosts.bin'), 'a', 4000, 'http://zzhc.vnet.cn/register');
    writeFileSync(join(dir, 'plain.txt'), 'https://ok.example.com/ and https://ok2.example.org/\n');
    const json = scan([dir]);
    const t = target(json);
    const of = (a: string): string[] => t.endpoints.filter((e) => e.evidence.some((v) => v.path === a)).map((e) => e.value);
    const hosts = of('hosts.bin');
    // The first 3000 names it holds (in the order they appear), and the catalogued host past them.
    expect(hosts).toHaveLength(3001);
    expect(hosts).toContain('ah002999.cn');
    expect(hosts).not.toContain('ah003000.cn');
    expect(t.endpoints.find((e) => e.value === 'zzhc.vnet.cn')?.status).toBe('denied');
    // The other file is untouched, and the flood is an unreadable artifact with its reason.
    expect(of('plain.txt')).toEqual(['ok.example.com', 'ok2.example.org']);
    expect(t.unreadable).toEqual([
      { path: 'hosts.bin', format: 'endpoints', reason: 'more than 3000 distinct endpoints (a file made to flood the report): those it names past the first 3000 are not listed, catalogued and policy-named ones aside' },
    ]);
    const finding = (JSON.parse(json) as { findings: { rule: string; severity: string; message: string }[] }).findings.find((f) => f.rule === 'unreadable-artifact');
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toMatch(/^hosts\.bin names too many endpoints to list \(more than 3000 .*raise ACTIVATION_GATE_MAX_ARTIFACT_ENDPOINTS\.$/);
  }, 60_000);

  it('an input past its cap lists its first endpoints in order, whatever the workers, shards or cache', () => {
    // Ten files of 2,500 names each: 25,000 in all, past the input's 10,000. With one worker the
    // worker's own collection passes twice the cap and is pruned on the way.
    const dir = join(tmp, 'many');
    mkdirSync(dir);
    for (let f = 0; f < 10; f++) floodFile(join(dir, `f${f}.bin`), `f${f}`, 2500, f === 9 ? '10659401' : '');
    const one = scan([dir], { ACTIVATION_GATE_WORKERS: '1' });
    const t = target(one);
    const unknown = t.endpoints.filter((e) => e.value !== '10659401');
    expect(unknown).toHaveLength(10_000);
    expect(unknown.at(-1)?.value).toBe('f3h002499.cn'); // f0..f3: the first 10,000 in value order
    expect(t.endpoints.find((e) => e.value === '10659401')?.kind).toBe('sms'); // catalogued: kept
    expect(t.unreadable).toEqual([
      {
        path: '.',
        format: 'endpoints',
        reason: 'more than 10000 distinct endpoints in this input (a build made to flood the report): the first 10000 in kind and value order are listed, and every catalogued or policy-named one',
      },
    ]);
    const finding = (JSON.parse(one) as { findings: { rule: string; message: string }[] }).findings.find((f) => f.rule === 'unreadable-artifact' && f.message.startsWith('The input '));
    expect(finding?.message).toMatch(/names too many endpoints to list .*raise ACTIVATION_GATE_MAX_INPUT_ENDPOINTS\.$/);
    const want = md5(one);
    for (const workers of ['2', '3']) expect([workers, md5(scan([dir], { ACTIVATION_GATE_WORKERS: workers }))]).toEqual([workers, want]);
    const cache = join(tmp, 'cache');
    expect(md5(scan([dir, '--cache-dir', cache]))).toBe(want);
    expect(md5(scan([dir, '--cache-dir', cache]))).toBe(want);
    const shards = [1, 2, 3].map((i) => {
      const f = join(tmp, `shard-${i}.json`);
      writeFileSync(f, scan([dir, '--shard', `${i}/3`]));
      return f;
    });
    // Merged without the caps in the environment: the shards' reports carry them.
    const merged = execFileSync('node', [CLI, 'merge', ...shards, '--format', 'json', '--quiet'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(md5(merged)).toBe(want);
  }, 180_000);

  it('an input just past its cap says so, also when a worker only trims what it hands back', () => {
    // 12,500 names: past the input's 10,000, short of the one and a half times at which a
    // worker prunes between artifacts; the worker trims them to 10,000 as it finishes.
    const dir = join(tmp, 'just-past');
    mkdirSync(dir);
    for (let f = 0; f < 5; f++) floodFile(join(dir, `f${f}.bin`), `f${f}`, 2500);
    for (const workers of ['1', '2']) {
      const t = target(scan([dir], { ACTIVATION_GATE_WORKERS: workers }));
      expect(t.endpoints).toHaveLength(10_000);
      expect(t.unreadable.map((u) => u.path)).toEqual(['.']);
    }
  }, 60_000);

  it('the JSON report goes to stdout in pieces of about 1 MiB, never as one string (V8 caps strings at ~512 MiB)', async () => {
    const dir = join(tmp, 'pieces');
    mkdirSync(dir);
    floodFile(join(dir, 'hosts.bin'), 'p', 6000);
    const pieces: string[] = [];
    const code = await runCli(['scan', dir, '--market', 'EU', '--format', 'json', '--fail-on', 'never', '--quiet', '--now', '2026-11-01', '--source-root', tmp], {
      stdout: (s) => pieces.push(s),
      stderr: () => undefined,
      logger: new RecordingLogger(),
      cwd: ROOT,
    });
    expect(code).toBe(0);
    expect(pieces.length).toBeGreaterThan(2);
    expect(target(pieces.join('')).endpoints).toHaveLength(6000);
  }, 60_000);
});
