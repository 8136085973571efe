/**
 * Extraction workers load their own bundle, dist/worker.js, beside the CLI's and the Action's.
 * With it, two workers start without a word; without it (a dist/ copied in part), the scan is
 * still complete and its report the same, and a warning says the files were extracted on the
 * main thread: slower, never silent.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { tempDir } from '../helpers/temp.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const present = ['cli.js', 'worker.js', 'catalog.yml'].every((f) => existsSync(join(DIST, f)));
if (!present) console.warn('SKIPPED: worker bundle tests need dist/ (npm run package)');
const d = present ? describe : describe.skip;

function scan(cli: string): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync('node', [cli, 'scan', 'sample/out/600E0', 'sample/out/600CN', '--policy', 'sample/activation-gate.yml', '--format', 'json', '--fail-on', 'never', '--source-root', '__tests__/fixtures/source'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ACTIVATION_GATE_WORKERS: '2' },
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

d('dist/worker.js', () => {
  it('two workers start from it without a warning', () => {
    const r = scan(join(DIST, 'cli.js'));
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/warning/);
    expect(JSON.parse(r.stdout).verdict).toBe('fail');
  });

  it('missing: the same report, and one warning that the files were extracted on the main thread', () => {
    const dir = tempDir('ag-no-worker-');
    copyFileSync(join(DIST, 'cli.js'), join(dir, 'cli.js'));
    copyFileSync(join(DIST, 'catalog.yml'), join(dir, 'catalog.yml'));
    const whole = scan(join(DIST, 'cli.js'));
    const partial = scan(join(dir, 'cli.js'));
    expect(partial.status).toBe(0);
    expect(partial.stdout).toBe(whole.stdout);
    const warnings = partial.stderr.split('\n').filter((l) => l.startsWith('warning:'));
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    expect(warnings[0]).toMatch(/an extraction worker stopped with no file in hand \(.*worker\.js.*\); its files were extracted on the main thread/);
    // Once per input at most, however many workers failed.
    expect(warnings.length).toBeLessThanOrEqual(2);
  });

  it('run on its own (not as a worker thread): exit code 2 and what to run instead', () => {
    const r = spawnSync('node', [join(DIST, 'worker.js')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/run dist\/cli\.js instead/);
  });
});
