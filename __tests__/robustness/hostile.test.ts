/**
 * Hostile inputs (scripts/fixtures/build-hostile.py, Python's zipfile around real APKs): a
 * supplier must not be able to hide a client behind a ZIP trick, crash the scan or blow it up.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { RecordingLogger } from '../../src/logging.js';
import type { Report } from '../../src/report/model.js';
import { scan } from '../../src/scan.js';

const ROOT = join(import.meta.dirname, '..', '..');
const HOSTILE = '__tests__/fixtures/hostile';
const now = new Date('2026-11-01T00:00:00Z');
const tmp = mkdtempSync(join(tmpdir(), 'ag-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(input: string, limits?: Parameters<typeof scan>[2]): Promise<Report> {
  return scan({ inputs: [input], market: 'EU', failOn: 'error', cwd: ROOT, now }, new RecordingLogger(), limits);
}
const unreadable = (r: Report): string[] => r.findings.filter((f) => f.rule === 'unreadable-artifact').map((f) => f.message);

describe('ZIP tricks', () => {
  it('a second classes.dex fails closed, and the hidden DEX is still scanned', async () => {
    const r = await run(`${HOSTILE}/duplicate-dex.apk`);
    expect(unreadable(r).join('\n')).toMatch(/duplicate entry "classes.dex"/);
    expect(r.targets[0].endpoints.map((e) => e.value)).toContain('dex-only.acme-cn.com.cn');
    expect(r.verdict).toBe('fail');
  });

  it('Janus: a DEX before the first local header is flagged and its strings scanned', async () => {
    const r = await run(`${HOSTILE}/janus.apk`);
    expect(unreadable(r).join('\n')).toMatch(/Janus/);
    const zzhc = r.targets[0].endpoints.find((e) => e.value === 'zzhc.vnet.cn');
    expect(zzhc?.status).toBe('denied');
    expect(r.targets[0].packages[0].package).toBe('com.acme.notes');
  });

  it('an entry that inflates past its declared size is unreadable, not trusted', async () => {
    const r = await run(`${HOSTILE}/lying-size.apk`);
    expect(unreadable(r).join('\n')).toMatch(/classes\.dex.*declared/);
  });
});

describe('ZIP64', () => {
  it('entries with ZIP64 extra fields read like the plain APK', async () => {
    const plain = await run('__tests__/fixtures/apks/benign.apk');
    const z64 = await run(`${HOSTILE}/zip64.apk`);
    expect(unreadable(z64)).toEqual([]);
    expect(z64.targets[0].packages.map((p) => p.package)).toEqual(plain.targets[0].packages.map((p) => p.package));
    expect(z64.targets[0].endpoints.map((e) => e.value)).toEqual(plain.targets[0].endpoints.map((e) => e.value));
  });
});

describe('bombs and caps', () => {
  it('an entry past the per-entry cap is reported, never silently skipped', async () => {
    const r = await run(`${HOSTILE}/bomb.apk`, { limits: { maxEntryBytes: 8 * 1024 * 1024 } });
    expect(unreadable(r).join('\n')).toMatch(/assets\/zeros\.bin.*cap/);
    expect(r.targets[0].packages[0].package).toBe('com.acme.notes'); // the rest of the APK is read
  });

  it('the per-file inflation budget is reported when spent', async () => {
    const r = await run(`${HOSTILE}/bomb.apk`, { limits: { maxFileInflatedBytes: 1024 * 1024 } });
    expect(unreadable(r).join('\n')).toMatch(/the file's 1048576-byte inflation budget is spent/);
  });

  it('the inflation budget is per file of the walk: a file is not refused for what the files before it inflated, with or without the cache', async () => {
    // Two 64 MiB bombs in one folder, a budget that fits one: each is read as it is alone (a
    // budget per input had refused the second one's zeros.bin, and only without the cache).
    const dir = join(tmp, 'two-bombs');
    mkdirSync(dir);
    for (const name of ['a.apk', 'b.apk']) cpSync(join(ROOT, HOSTILE, 'bomb.apk'), join(dir, name));
    const oneBomb = 64 * 1024 * 1024 + 64 * 1024;
    const fits = await run(dir, { limits: { maxFileInflatedBytes: oneBomb } });
    expect(unreadable(fits)).toEqual([]);
    expect(fits.targets[0].packages.map((p) => p.path)).toEqual(['a.apk', 'b.apk']);
    const cached = await scan({ inputs: [dir], market: 'EU', failOn: 'error', cwd: ROOT, now, cacheDir: join(tmp, 'bomb-cache') }, new RecordingLogger(), { limits: { maxFileInflatedBytes: oneBomb } });
    expect(JSON.stringify(cached.targets)).toBe(JSON.stringify(fits.targets));
    // Below one bomb, each file is refused its own zeros.bin, and only that.
    const tight = await run(dir, { limits: { maxFileInflatedBytes: 32 * 1024 * 1024 } });
    expect(tight.targets[0].unreadable.map((u) => u.path)).toEqual(['a.apk!/assets/zeros.bin', 'b.apk!/assets/zeros.bin']);
  });

  it('a file inflates at most 2048 times its size and 1 MiB: a 7 KB APK holding a deflated zip of 1 GiB of zeros is refused the inner entries', async () => {
    // Deflate gives at most 1032:1; a zip of deflated zeros, deflated again, gives 147,000:1.
    // Under the 64 GiB cap alone this one file inflated 1 GiB, and a folder of them as much each.
    const r = await run(`${HOSTILE}/nested-bomb.apk`);
    const budget = 2048 * 7269 + 1024 * 1024;
    const refused = r.targets[0].unreadable.filter((u) => u.reason === `the file's ${budget}-byte inflation budget (2048 times its size and 1 MiB) is spent; entry not scanned`);
    expect(refused.map((u) => u.path)).toEqual(Array.from({ length: 16 }, (_, i) => `nested-bomb.apk!/assets/inner.zip!/zeros${String(i).padStart(2, '0')}.bin`));
    expect(r.targets[0].packages.map((p) => p.package)).toEqual(['com.acme.notes']); // the rest is read
    expect(r.verdict).toBe('fail');
    // With a ratio that allows it, every entry is read.
    const all = await run(`${HOSTILE}/nested-bomb.apk`, { limits: { maxInflationRatio: 200_000 } });
    expect(all.targets[0].unreadable).toEqual([]);
  });

  it('entries that share their bytes (a ZIP bomb of 16 x 64 MiB in 70 KB) are inflated once: the others are refused, as Info-ZIP refuses them', async () => {
    // Info-ZIP's own check (CVE-2019-13232) names the same construction.
    const t = execFileSync('sh', ['-c', `unzip -t ${HOSTILE}/overlap.apk 2>&1 || true`], { cwd: ROOT, encoding: 'utf8' });
    expect(t).toMatch(/overlapped components \(possible zip bomb\)/);
    const r = await run(`${HOSTILE}/overlap.apk`);
    const refused = r.targets[0].unreadable.filter((u) => /overlap/.test(u.reason));
    expect(refused.map((u) => u.path)).toEqual(Array.from({ length: 15 }, (_, i) => `overlap.apk!/assets/zeros${String(i + 1).padStart(2, '0')}.bin`));
    expect(refused[0].reason).toMatch(/overlap those of entry "assets\/zeros\.bin".*not inflated/);
    expect(r.verdict).toBe('fail'); // fails closed
    expect(r.targets[0].packages[0].package).toBe('com.acme.notes'); // the rest of the APK is read
  });

  it('a compiled XML resource whose string pool cannot be read is unreadable: its strings are all that would be scanned', async () => {
    const r = await run(`${HOSTILE}/bad-xml-pool.apk`);
    expect(r.targets[0].unreadable).toEqual([
      { path: 'bad-xml-pool.apk!/res/xml/config.xml', format: 'axml', reason: 'its string pool cannot be read (no string pool chunk), and its strings are all that is scanned' },
    ]);
    expect(r.verdict).toBe('fail');
    // The same APK unedited scans clean.
    expect((await run('__tests__/fixtures/apks/xml-only.apk')).targets[0].unreadable).toEqual([]);
  });

  it('archives nested past the depth cap are reported', async () => {
    const r = await run(`${HOSTILE}/nested.apk`);
    expect(unreadable(r).join('\n')).toMatch(/nested more than \d+ archives deep/);
  });
});

describe('folders', () => {
  it('an unreadable file (permissions, checked as an unprivileged user) is an error and the rest is scanned', () => {
    const dir = join(tmp, 'perm');
    mkdirSync(join(dir, 'system/app/A'), { recursive: true });
    cpSync(join(ROOT, '__tests__/fixtures/apks/autoregistration-cn.apk'), join(dir, 'system/app/A/A.apk'));
    writeFileSync(join(dir, 'system/secret.json'), '{"u":"https://secret.acme.cn"}');
    chmodSync(join(dir, 'system/secret.json'), 0o000);
    chmodSync(tmp, 0o755);
    // CI runs as root, which reads mode-000 files: drop privileges for this run.
    const asNobody = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--'] : [];
    let out: string;
    try {
      out = execFileSync(asNobody[0] ?? 'node', [...asNobody.slice(1), ...(asNobody.length ? ['node'] : []), join(ROOT, 'dist/cli.js'), 'scan', dir, '--market', 'EU', '--format', 'json', '--fail-on', 'never', '--quiet', '--source-root', dir], {
        encoding: 'utf8',
        env: { ...process.env, ACTIVATION_GATE_WORKERS: '1' },
      });
    } finally {
      chmodSync(join(dir, 'system/secret.json'), 0o644);
    }
    const r = JSON.parse(out) as Report;
    expect(r.targets[0].unreadable).toContainEqual(expect.objectContaining({ path: 'system/secret.json', reason: expect.stringMatching(/EACCES/) }));
    expect(r.findings).toContainEqual(expect.objectContaining({ rule: 'unreadable-artifact', path: 'system/secret.json', severity: 'error' }));
    expect(r.targets[0].packages.map((p) => p.package)).toEqual(['com.qualcomm.qti.autoregistration']);
  });

  it('an unreadable single-file input is an unreadable-artifact error, not a crash, with 1 and 2 workers', () => {
    const file = join(tmp, 'perm-single.apk');
    cpSync(join(ROOT, '__tests__/fixtures/apks/autoregistration-cn.apk'), file);
    chmodSync(file, 0o000);
    chmodSync(tmp, 0o755);
    const asNobody = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--'] : [];
    try {
      for (const workers of ['1', '2']) {
        const out = execFileSync(asNobody[0] ?? 'node', [...asNobody.slice(1), ...(asNobody.length ? ['node'] : []), join(ROOT, 'dist/cli.js'), 'scan', file, '--market', 'EU', '--format', 'json', '--fail-on', 'never', '--quiet', '--source-root', tmp], {
          encoding: 'utf8',
          env: { ...process.env, ACTIVATION_GATE_WORKERS: workers },
        });
        const r = JSON.parse(out) as Report;
        expect(r.findings).toContainEqual(expect.objectContaining({ rule: 'unreadable-artifact', path: 'perm-single.apk', severity: 'error' }));
        expect(r.verdict).toBe('fail');
        expect(r.audit.inputs[0]).not.toHaveProperty('sha256'); // nothing could be hashed
      }
    } finally {
      chmodSync(file, 0o644);
    }
  });
});

describe('partitions linked out of the input', () => {
  it('a partition folder that is a symlink out of the input fails the build, naming the link and its target', async () => {
    const elsewhere = join(tmp, 'mnt-elsewhere', 'system');
    mkdirSync(join(elsewhere, 'priv-app/A'), { recursive: true });
    cpSync(join(ROOT, '__tests__/fixtures/apks/autoregistration-cn.apk'), join(elsewhere, 'priv-app/A/A.apk'));
    const dir = join(tmp, 'linked-build');
    mkdirSync(dir);
    symlinkSync(elsewhere, join(dir, 'system'));
    const r = await run(dir);
    expect(r.verdict).toBe('fail');
    expect(r.targets[0].packages).toEqual([]);
    const messages = unreadable(r);
    expect(messages).toContain(`system is a symlink to ${elsewhere}, which leaves the input for a folder that exists here (${elsewhere}): not followed, so nothing there is read; scan that path as an input of its own, or put what it holds in place of the link.`);
    expect(messages.some((m) => m.startsWith(`The input ${relative(ROOT, dir)} gave nothing to read`))).toBe(true);
    // Scanned as an input of its own, the client is found.
    const direct = await run(elsewhere);
    expect(direct.targets[0].packages.map((p) => p.package)).toEqual(['com.qualcomm.qti.autoregistration']);
  });

  it('an empty folder is no pass', async () => {
    const dir = join(tmp, 'empty-build');
    mkdirSync(join(dir, 'system'), { recursive: true });
    const r = await run(dir);
    expect(r.verdict).toBe('fail');
    expect(r.findings).toEqual([expect.objectContaining({ rule: 'unreadable-artifact', severity: 'error', path: '.' })]);
  });
});

describe('no network', () => {
  it('the CLI works with networking unshared (no DNS, no connections)', () => {
    try {
      execFileSync('unshare', ['-n', 'true']);
    } catch {
      console.warn('SKIPPED: unshare -n is not permitted here');
      return;
    }
    const out = execFileSync('unshare', ['-n', 'node', join(ROOT, 'dist/cli.js'), 'scan', 'sample/out/600E0', '--policy', 'sample/activation-gate.yml', '--format', 'json', '--fail-on', 'never', '--quiet'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const r = JSON.parse(out) as Report;
    expect(r.verdict).toBe('fail');
    expect(r.findings.some((f) => f.rule === 'wrong-market-client')).toBe(true);
  });
});

describe('hostile baselines', () => {
  it('deeply nested, wrong-typed or oversized baselines are clear usage errors in bounded time', async () => {
    const { loadBaseline, parseBaseline } = await import('../../src/baseline.js');
    const t0 = Date.now();
    expect(() => parseBaseline('['.repeat(200_000) + ']'.repeat(200_000), 'deep.json')).toThrow(/baseline deep.json/);
    expect(() => parseBaseline(JSON.stringify({ schemaVersion: 1, tool: { name: 'activation-gate' }, targets: 'x' }), 'types.json')).toThrow(/not a valid schema-1 report: targets/);
    expect(() => parseBaseline('{"schemaVersion": 1, "tool": {"name": "activation-gate"}, "targets": [{"id": 5}]}', 'id.json')).toThrow(/targets\.0\.id/);
    const big = join(tmp, 'big.json');
    writeFileSync(big, '');
    execFileSync('truncate', ['-s', '300M', big]);
    expect(() => loadBaseline(big, 'big.json')).toThrow(/more than the \d+-byte limit/);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
