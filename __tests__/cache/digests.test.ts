/**
 * Remembered digests (src/extract/digests.ts): with `--cache-dir`, a file whose identity (device,
 * inode, size, mtime and ctime in ns) is unchanged since an earlier scan on the same boot keeps
 * the SHA-256 that scan computed and is not read to hash it again. A file rewritten with its size
 * and mtime put back still gets a new ctime from the kernel, and is hashed again.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statfsSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyDigests, bootId, deviceMajor, digestKey, digestsFile, digestsMaxBytes, identityOf, readDigests, recordDigests, SETTLE_NS, untrustedDevice, untrustedFilesystem, untrustedFilesystemOf, writeDigests, type Digests } from '../../src/extract/digests.js';
import { RecordingLogger } from '../../src/logging.js';
import { extractFileCached } from '../../src/extract/cache.js';
import { DEFAULT_LIMITS } from '../../src/extract/limits.js';
import { newContext, partialOf, type PoolInit } from '../../src/extract/pool.js';
import { runCliCaptured } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const ROOT = path.join(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(path.join(tmpdir(), 'ag-digests-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const BOOT = '0f3c2a8e-5b1d-4c7e-9a6f-2d8b4e1c7a90';
const SHA = (c: string): string => c.repeat(64);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('bootId', () => {
  it("reads the kernel's boot id, and gives none for anything else", () => {
    expect(bootId(() => `${BOOT}\n`)).toBe(BOOT);
    expect(bootId(() => 'not-a-uuid')).toBeUndefined();
    expect(
      bootId(() => {
        throw new Error('ENOENT');
      }),
    ).toBeUndefined();
  });

  (process.platform === 'linux' ? it : it.skip)('is there on Linux', () => {
    expect(bootId()).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('untrustedFilesystem', () => {
  it('refuses the filesystems whose stat cannot vouch for unchanged bytes, and trusts local ones', () => {
    // statfs f_type magic numbers (linux/magic.h)
    expect(untrustedFilesystem(0x6969)).toBe('NFS');
    expect(untrustedFilesystem(0xff534d42)).toBe('CIFS');
    expect(untrustedFilesystem(0xfe534d42)).toBe('SMB2');
    expect(untrustedFilesystem(0x517b)).toBe('SMB');
    expect(untrustedFilesystem(0x4d44)).toBe('FAT');
    expect(untrustedFilesystem(0x2011bab0)).toBe('exFAT');
    expect(untrustedFilesystem(0x65735546)).toBe('FUSE');
    // A negative int32 as some platforms give the same magic number.
    expect(untrustedFilesystem(0xff534d42 | 0)).toBe('CIFS');
    for (const local of [0xef53 /* ext4 */, 0x58465342 /* XFS */, 0x9123683e /* Btrfs */, 0x01021994 /* tmpfs */, 0x794c7630 /* overlay */]) expect(untrustedFilesystem(local)).toBeUndefined();
    // Network shares beyond NFS and SMB, and images whose times are their builder's.
    expect(untrustedFilesystem(0x01021997)).toBe('9p');
    expect(untrustedFilesystem(0xe0f5e1e2)).toBe('EROFS');
    expect(untrustedFilesystem(0x73717368)).toBe('squashfs');
    // Only filesystems known to be local are trusted.
    expect(untrustedFilesystem(0x12345678)).toBe('a filesystem not known to be local (statfs type 0x12345678)');
  });

  it('a loop or network block device is an image mounted: not trusted, whatever its filesystem', () => {
    // Linux device numbers as stat gives them: major 7 (loop), minor 0 and 300; major 8 (sda).
    expect(deviceMajor(0x700n)).toBe(7);
    expect(deviceMajor((7n << 8n) | 0x2cn | (1n << 20n))).toBe(7);
    expect(deviceMajor(0x801n)).toBe(8);
    expect(deviceMajor(0x1000_0000_0000n | 0x801n)).toBe(0x1000 | 8);
    if (process.platform === 'linux') {
      expect(untrustedDevice(Buffer.from(tmp), 0x700n)).toBe('a loop device (a mounted image)');
      expect(untrustedDevice(Buffer.from(tmp), (43n << 8n) | 1n)).toBe('a network block device (a mounted image)');
    }
    expect(untrustedDevice(Buffer.from(tmp), statSync(tmp, { bigint: true }).dev)).toBe(untrustedFilesystemOf(tmp));
  });

  it('says so when statfs fails', () => {
    expect(untrustedFilesystemOf(path.join(tmp, 'missing'))).toBe('unknown (statfs failed)');
    expect(untrustedFilesystemOf(tmp)).toBe(untrustedFilesystem(statfsSync(tmp).type));
  });
});

describe('identityOf', () => {
  it('changes when a file is rewritten, even with its size and mtime put back: the kernel sets the ctime', async () => {
    const f = path.join(tmp, 'blob.bin');
    writeFileSync(f, 'https://eu.example.com/a');
    // A whole second, which utimes can put back exactly.
    utimesSync(f, 1_700_000_000, 1_700_000_000);
    const before = statSync(f, { bigint: true });
    const id = identityOf(f)!;
    expect(id.id).toBe(identityOf(f)!.id);
    await sleep(50); // past a tick of the kernel's coarse clock
    writeFileSync(f, 'https://cn.example.com/a');
    utimesSync(f, 1_700_000_000, 1_700_000_000);
    const after = identityOf(f)!;
    expect(statSync(f, { bigint: true }).size).toBe(before.size);
    expect(statSync(f, { bigint: true }).mtimeNs).toBe(before.mtimeNs);
    expect(after.id).not.toBe(id.id);
    expect(after.ctimeNs).toBeGreaterThan(id.ctimeNs);
  });

  it('is none for a folder or a missing file', () => {
    expect(identityOf(tmp)).toBeUndefined();
    expect(identityOf(path.join(tmp, 'missing'))).toBeUndefined();
  });
});

describe('the record in the cache folder', () => {
  const ROOT_A = Buffer.from('/b');
  const MAX = digestsMaxBytes(Array.from({ length: 10 }, (_, i) => Buffer.from(`/b/${i}.apk`)));

  it("reads back what it wrote for the same input on the same boot; another boot's, input's or version's remembers nothing", () => {
    const dir = path.join(tmp, 'rec');
    const d: Digests = new Map([
      ['/b/x.apk', { id: '1:2:3:4:5', sha256: SHA('a') }],
      ['/b/\xff.so', { id: '1:3:3:4:5', sha256: SHA('b') }],
    ]);
    expect(writeDigests(dir, BOOT, ROOT_A, d)).toBeUndefined();
    expect(readDigests(dir, BOOT, ROOT_A, MAX)).toEqual({ digests: d });
    expect(readDigests(dir, BOOT.replace('0f', '1f'), ROOT_A, MAX)).toEqual({ digests: new Map() });
    // One record per input: another input's is another file.
    expect(digestsFile(Buffer.from('/c'))).not.toBe(digestsFile(ROOT_A));
    expect(readDigests(dir, BOOT, Buffer.from('/c'), MAX)).toEqual({ digests: new Map() });
    const file = path.join(dir, digestsFile(ROOT_A));
    const data = JSON.parse(readFileSync(file, 'utf8')) as { formatVersion: number; root: string };
    // A record copied under another input's name is not that input's.
    writeFileSync(path.join(dir, digestsFile(Buffer.from('/c'))), JSON.stringify(data));
    expect(readDigests(dir, BOOT, Buffer.from('/c'), MAX)).toEqual({ digests: new Map() });
    writeFileSync(file, JSON.stringify({ ...data, formatVersion: 99 }));
    expect(readDigests(dir, BOOT, ROOT_A, MAX)).toEqual({ digests: new Map() });
  });

  it('a record that is too large, not JSON, or does not validate: nothing remembered, and why', () => {
    const dir = path.join(tmp, 'bad');
    mkdirSync(dir);
    const file = path.join(dir, digestsFile(ROOT_A));
    writeFileSync(file, '{"format": "activation-gate-dig');
    expect(readDigests(dir, BOOT, ROOT_A, MAX).digests.size).toBe(0);
    expect(readDigests(dir, BOOT, ROOT_A, MAX).problem).toMatch(/digests-[0-9a-f]{16}\.json is not readable JSON/);
    writeFileSync(file, JSON.stringify({ format: 'activation-gate-digests', formatVersion: 1, boot: BOOT, root: '/b', files: [['/b/x.apk', '1:2:3:4:5', 'not-a-sha']] }));
    expect(readDigests(dir, BOOT, ROOT_A, MAX).digests.size).toBe(0);
    expect(readDigests(dir, BOOT, ROOT_A, MAX).problem).toMatch(/is not a record of digests \(files\.0\.2: /);
    // A planted record of a gigabyte is not parsed: its size is checked first.
    writeFileSync(file, ' '.repeat(MAX + 1));
    expect(readDigests(dir, BOOT, ROOT_A, MAX)).toEqual({ digests: new Map(), problem: expect.stringMatching(`is ${MAX + 1} bytes, more than the ${MAX} a record of this input's files can take`) });
    expect(readDigests(path.join(tmp, 'none'), BOOT, ROOT_A, MAX)).toEqual({ digests: new Map() });
  });

  it('a FIFO or a symlink in place of the record is not read (no wait for a writer, nothing followed)', () => {
    const dir = path.join(tmp, 'odd');
    mkdirSync(dir);
    const file = path.join(dir, digestsFile(ROOT_A));
    execFileSync('mkfifo', [file]);
    expect(readDigests(dir, BOOT, ROOT_A, MAX)).toEqual({ digests: new Map(), problem: expect.stringMatching(/is not readable JSON \(not a regular file\)/) });
    rmSync(file);
    symlinkSync('/dev/zero', file);
    expect(readDigests(dir, BOOT, ROOT_A, MAX)).toEqual({ digests: new Map(), problem: expect.stringMatching(/is not readable JSON \(ELOOP\)/) });
  });

  it('takes a record as large as its paths can make it: 6 characters of JSON per byte of a path', () => {
    const long = Buffer.from(`/b/${'\u0001'.repeat(3000)}`);
    const d: Digests = new Map([[digestKey(long), { id: '1:2:3:4:5', sha256: SHA('c') }]]);
    const dir = path.join(tmp, 'long');
    expect(writeDigests(dir, BOOT, ROOT_A, d)).toBeUndefined();
    const size = statSync(path.join(dir, digestsFile(ROOT_A))).size;
    expect(size).toBeGreaterThan(6 * 3000);
    expect(size).toBeLessThanOrEqual(digestsMaxBytes([long]) - (1 << 20));
    expect(readDigests(dir, BOOT, ROOT_A, digestsMaxBytes([long]))).toEqual({ digests: d });
  });
});

describe('applyDigests and recordDigests', () => {
  const dir = path.join(tmp, 'files');
  mkdirSync(dir);
  const file = (name: string, body: string): { abs: Buffer; sha256?: string } => {
    writeFileSync(path.join(dir, name), body);
    return { abs: Buffer.from(path.join(dir, name)) };
  };

  it('gives a file its remembered SHA-256 only while its identity is the one remembered', () => {
    const a = file('a.bin', 'a');
    const b = file('b.bin', 'b');
    const d: Digests = new Map([
      [digestKey(a.abs), { id: identityOf(a.abs)!.id, sha256: SHA('a') }],
      [digestKey(b.abs), { id: '0:0:1:0:0', sha256: SHA('b') }],
    ]);
    const r = applyDigests([a, b], d, 0n);
    expect(r.reused).toBe(1);
    expect(a.sha256).toBe(SHA('a'));
    expect(b.sha256).toBeUndefined();
    expect([...r.seen.keys()]).toEqual([digestKey(a.abs), digestKey(b.abs)]);
  });

  // A second local filesystem (tmpfs) stands for a share mounted below the input: the check is
  // told to call it NFS, and sees the real devices the files are on.
  const shm = '/dev/shm';
  const otherDevice = (() => {
    try {
      return statSync(shm).dev !== statSync(dir).dev && mkdtempSync(path.join(shm, 'ag-digests-'));
    } catch {
      return false;
    }
  })();
  if (!otherDevice) console.warn(`SKIPPED: no second filesystem at ${shm} to stand for a share mounted below the input`);
  (otherDevice ? it : it.skip)('spares and records no file on a filesystem whose identities cannot be trusted, wherever below the root it is mounted; asks once per device', () => {
    const mounted = otherDevice as string;
    try {
      const here = file('here.bin', 'h');
      const there = [1, 2].map((i) => {
        writeFileSync(path.join(mounted, `${i}.bin`), `${i}`);
        return { abs: Buffer.from(path.join(mounted, `${i}.bin`)) } as { abs: Buffer; sha256?: string };
      });
      const d: Digests = new Map([here, ...there].map((f) => [digestKey(f.abs), { id: identityOf(f.abs)!.id, sha256: SHA('c') }]));
      const asked: string[] = [];
      const check = (abs: Buffer): string | undefined => {
        asked.push(abs.toString());
        return statfsSync(abs).type === statfsSync(mounted).type ? 'NFS' : undefined;
      };
      const r = applyDigests([here, ...there], d, 0n, check);
      expect(asked).toEqual([here.abs.toString(), there[0].abs.toString()]);
      expect(r.reused).toBe(1);
      expect(here.sha256).toBe(SHA('c'));
      expect(there.map((f) => f.sha256)).toEqual([undefined, undefined]);
      expect([...r.seen.keys()]).toEqual([digestKey(here.abs)]);
      expect([...r.untrusted]).toEqual([['NFS', 2]]);
      // The default check trusts both of these local filesystems.
      const plain = applyDigests([here, ...there], d, 0n);
      expect(plain.reused).toBe(3);
      expect(plain.untrusted.size).toBe(0);
    } finally {
      rmSync(mounted, { recursive: true, force: true });
    }
  });

  it('records the files looked at whose last change had settled; drops gone ones; keeps files it only walked', () => {
    const key = (p: string): string => digestKey(Buffer.from(p));
    const before: Digests = new Map([
      [key('/build/out/gone.apk'), { id: 'g', sha256: SHA('1') }],
      [key('/build/out/other-shard.apk'), { id: 'o', sha256: SHA('2') }],
      [key('/build/out/seen.apk'), { id: 'old', sha256: SHA('3') }],
    ]);
    const at = 10n * SETTLE_NS;
    const seen = new Map([
      [key('/build/out/seen.apk'), { id: 'new', ctimeNs: at - SETTLE_NS }],
      [key('/build/out/fresh.apk'), { id: 'f', ctimeNs: at - SETTLE_NS + 1n }],
      [key('/build/out/unhashed.apk'), { id: 'u', ctimeNs: 0n }],
    ]);
    const sha = new Map([
      [key('/build/out/seen.apk'), SHA('6')],
      [key('/build/out/fresh.apk'), SHA('7')],
    ]);
    const walked = ['/build/out/other-shard.apk', '/build/out/seen.apk', '/build/out/fresh.apk', '/build/out/unhashed.apk'].map((p) => Buffer.from(p));
    const next = recordDigests(before, walked, seen, at, (k) => sha.get(k));
    expect(Object.fromEntries([...next].map(([k, v]) => [k, v]))).toEqual({
      // another shard's file: walked, not looked at
      [key('/build/out/other-shard.apk')]: { id: 'o', sha256: SHA('2') },
      // looked at again: its new identity and digest
      [key('/build/out/seen.apk')]: { id: 'new', sha256: SHA('6') },
    });
    // fresh.apk changed less than SETTLE_NS before it was looked at: a change within the same
    // clock tick would keep its ctime, so it is not remembered; gone.apk is gone.
  });
});

describe('a file whose digest is known', () => {
  it('is not read: its cache entry is found by that digest, while the file is there', async () => {
    const dir = path.join(tmp, 'known');
    mkdirSync(dir);
    const abs = path.join(dir, 'lib.so');
    writeFileSync(abs, ' https://known.example.com/x ');
    const file = { abs: Buffer.from(abs), relPath: 'lib.so', size: statSync(abs).size, partition: 'system', partitionPath: 'lib.so' };
    const cache = { dir: path.join(dir, 'cache'), salt: 'test' };
    const init: PoolInit = { hosts: [], sms: [], mentionPackages: [], limits: DEFAULT_LIMITS };
    const cold = await extractFileCached(file, cache, () => newContext(init), partialOf);
    expect(cold.hit).toBe(false);
    rmSync(abs);
    // Without the digest, the file must be read: it is gone, so no hit and nothing found.
    const unread = await extractFileCached(file, cache, () => newContext(init), partialOf);
    expect(unread.hit).toBe(false);
    expect(unread.facts!.endpoints).toEqual([]);
    // With the digest, the file must still be there: a scan without a cache would find it gone.
    const gone = await extractFileCached({ ...file, sha256: cold.sha256 }, cache, () => newContext(init), partialOf);
    expect(gone.hit).toBe(false);
    expect(gone.facts!.unreadable).toEqual([expect.objectContaining({ path: 'lib.so' })]);
    // There, it is not read: the entry stands in for it (other bytes here, that the digest does not describe).
    writeFileSync(abs, 'other bytes, the digest says otherwise');
    const known = await extractFileCached({ ...file, sha256: cold.sha256 }, cache, () => newContext(init), partialOf);
    expect(known.hit).toBe(true);
    expect(known.facts!.endpoints.map((e) => e.value)).toEqual(['known.example.com']);
  });

  // Run as another user (root reads any file): the CLI as `nobody`, on a build and cache it may read.
  const asRoot = process.getuid?.() === 0;
  const nobody = asRoot && bootId() !== undefined && untrustedFilesystemOf(tmp) === undefined;
  if (!nobody) console.warn('SKIPPED: a file the scanning user cannot read (needs root, to run the scan as nobody, and a boot id)');
  (nobody ? it : it.skip)('is not taken from the cache when the scanning user cannot read it: unreadable, as without a cache', async () => {
    const base = tempDir('ag-digests-locked-');
    chmodSync(base, 0o755);
    const out = path.join(base, 'out', 'system', 'etc');
    mkdirSync(out, { recursive: true });
    for (const [name, host] of [['a.json', 'open.example.com'], ['b.json', 'locked.example.com']]) writeFileSync(path.join(out, name), `{"url": "https://${host}/x"}\n`);
    // Root's own (a chmod later would change its ctime, and with it its identity).
    chmodSync(path.join(out, 'b.json'), 0o600);
    await sleep(Number(SETTLE_NS / 1_000_000n) + 100);
    const cli = path.join(ROOT, 'dist', 'cli.js');
    const scan = (cache: string[], uid?: number) =>
      spawnSync(process.execPath, [cli, 'scan', 'out', '--format', 'json', '--fail-on', 'never', '--source-root', base, ...cache], { cwd: base, encoding: 'utf8', ...(uid !== undefined ? { uid, gid: uid } : {}) });
    const cacheDir = path.join(base, 'cache');
    const cold = scan(['--cache-dir', cacheDir]);
    expect(cold.stdout).toContain('locked.example.com');
    const warm = scan(['--cache-dir', cacheDir], 65534);
    // Both digests are still remembered (the record was read): the unreadable file's is not used.
    expect(warm.stderr).toMatch(/cache: 2 of them not read to hash them/);
    const plain = scan([], 65534);
    expect(plain.stdout).not.toContain('locked.example.com');
    expect(plain.stdout).toMatch(/"path": "system\/etc\/b\.json"/);
    expect(warm.stdout).toBe(plain.stdout);
  }, 60_000);
});

describe('a file that changes while it is scanned', () => {
  const dir = path.join(tmp, 'racing');
  mkdirSync(dir);
  const init: PoolInit = { hosts: [], sms: [], mentionPackages: [], limits: DEFAULT_LIMITS };
  const cache = { dir: path.join(dir, 'cache'), salt: 'test' };
  const fileAt = (name: string, body: string) => {
    const abs = path.join(dir, name);
    writeFileSync(abs, body);
    return { abs: Buffer.from(abs), relPath: name, size: statSync(abs).size, partition: 'system', partitionPath: name };
  };
  const entries = (): string[] => {
    try {
      return readdirSync(cache.dir).filter((n) => n.endsWith('.facts'));
    } catch {
      return [];
    }
  };

  it('between its hash and its extraction: the facts of what was read, nothing cached, no SHA-256 to remember', async () => {
    const file = fileAt('a.so', ' https://before.example.com/x ');
    // Extraction starts (its context is made) after the hash: the file is rewritten then.
    const r = await extractFileCached(file, cache, () => (writeFileSync(path.join(dir, 'a.so'), ' https://after.example.com/xy '), newContext(init)), partialOf);
    expect(r.facts!.endpoints.map((e) => e.value)).toEqual(['after.example.com']);
    expect(r.sha256).toBeUndefined();
    expect(r.problem).toBe('a.so changed while it was scanned; its facts were not cached');
    expect(entries()).toEqual([]);
    // Unchanged during the scan: cached.
    const again = await extractFileCached(file, cache, () => newContext(init), partialOf);
    expect(again.problem).toBeUndefined();
    expect(entries()).toHaveLength(1);
  });

  it('after the walk matched its remembered digest: extracted, not cached under the old digest', async () => {
    const file = fileAt('b.so', ' https://new.example.com/x ');
    const remembered = { sha256: SHA('d'), identity: '1:2:3:4:5' };
    const before = entries().length;
    const r = await extractFileCached({ ...file, ...remembered }, cache, () => newContext(init), partialOf);
    expect(r.hit).toBe(false);
    expect(r.facts!.endpoints.map((e) => e.value)).toEqual(['new.example.com']);
    expect(r.problem).toMatch(/changed while it was scanned/);
    expect(entries()).toHaveLength(before);
  });
});

describe('two files whose paths display alike', () => {
  // A byte that is not UTF-8 is shown as \xNN, as are the four characters "\x80" themselves.
  (process.platform === 'linux' ? it : it.skip)('each keeps its own SHA-256 in the record', async () => {
    const root = path.join(tmp, 'alike');
    const out = path.join(root, 'out', 'system', 'etc');
    mkdirSync(out, { recursive: true });
    const raw = Buffer.concat([Buffer.from(`${out}/`), Buffer.from([0x80])]);
    writeFileSync(raw, 'https://raw.example.com/\n');
    writeFileSync(path.join(out, '\\x80'), 'https://literal.example.com/\n');
    // Recorded only once their change has settled.
    await sleep(Number(SETTLE_NS / 1_000_000n) + 100);
    const r = await runCliCaptured(['scan', 'out', '--format', 'json', '--cache-dir', path.join(root, 'cache'), '--source-root', root], root);
    expect(r.stdout).toContain('raw.example.com');
    expect(r.stdout).toContain('literal.example.com');
    if (bootId() === undefined || untrustedFilesystemOf(root) !== undefined) return;
    const record = JSON.parse(readFileSync(path.join(root, 'cache', digestsFile(Buffer.from(realpathSync.native(path.join(root, 'out'))))), 'utf8')) as { files: [string, string, string][] };
    const sha = (b: Buffer | string): string => createHash('sha256').update(readFileSync(b)).digest('hex');
    const of = new Map(record.files.map(([key, , digest]) => [key, digest]));
    expect(of.get(digestKey(raw))).toBe(sha(raw));
    expect(of.get(digestKey(Buffer.from(path.join(out, '\\x80'))))).toBe(sha(path.join(out, '\\x80')));
  }, 30_000);
});

// Digests are remembered only where the system names its boot (Linux).
const trusted = untrustedFilesystemOf(tmp) === undefined;
const withBoot = bootId() !== undefined && trusted ? describe : describe.skip;
if (bootId() === undefined) console.warn('SKIPPED: remembered digests need a boot id (/proc/sys/kernel/random/boot_id, Linux)');
if (!trusted) console.warn(`SKIPPED: remembered digests are not used on ${tmp}'s filesystem (${untrustedFilesystemOf(tmp)})`);

withBoot('a rescan with --cache-dir', () => {
  const BUILD = path.join(tmp, 'build');
  const CACHE = path.join(tmp, 'cache');
  const SRC = path.join(tmp, 'src');
  cpSync(path.join(ROOT, 'sample'), BUILD, { recursive: true });
  mkdirSync(SRC);
  const ARGS = ['scan', 'out/600E0', '--policy', 'activation-gate.yml', '--now', '2026-11-01', '--format', 'json', '--source-root', SRC, '--cache-dir', CACHE];
  const cli = (extra: string[] = []) => runCliCaptured([...ARGS, ...extra], BUILD);
  const notRead = (r: { logger: RecordingLogger }): number => {
    const line = r.logger.of('info').find((m) => / of them not read to hash them: /.test(m));
    return line ? Number(/^cache: (\d+) of them/.exec(line)![1]) : 0;
  };
  const total = (r: { logger: RecordingLogger }): number => Number(/^cache: \d+ of (\d+) files/.exec(r.logger.of('info').find((m) => /^cache: \d+ of \d+ files/.test(m))!)![1]);

  it('reads none of the unchanged files again; a file rewritten with its size and mtime put back is read, and its new bytes are in the report', async () => {
    // The copies must be older than SETTLE_NS to be remembered.
    await sleep(Number(SETTLE_NS / 1_000_000n) + 100);
    const cold = await cli();
    expect(notRead(cold)).toBe(0);
    const files = total(cold);
    expect(files).toBeGreaterThan(3);
    const warm = await cli();
    expect(notRead(warm)).toBe(files);
    expect(warm.stdout).toBe(cold.stdout);

    // A plain file of the build, rewritten in place: the same size, its mtime put back.
    const conf = path.join(BUILD, 'out/600E0/system/etc/acme-endpoints.json');
    const old = readFileSync(conf, 'utf8');
    const host = 'ntp.acme.eu';
    const swapped = 'ntq.acme.eu';
    expect(old).toContain(host);
    expect(cold.stdout).not.toContain(swapped);
    const st = statSync(conf);
    writeFileSync(conf, old.replace(host, swapped));
    utimesSync(conf, st.atime, st.mtime);
    expect(statSync(conf).size).toBe(st.size);
    const after = await cli();
    expect(notRead(after)).toBe(files - 1);
    expect(after.stdout).toContain(swapped);
    expect(after.stdout).not.toBe(cold.stdout);
  }, 60_000);

  it('--cache-rehash reads every file; the same report', async () => {
    const warm = await cli();
    const rehash = await cli(['--cache-rehash']);
    expect(notRead(rehash)).toBe(0);
    expect(rehash.stdout).toBe(warm.stdout);
  });

  it('a record that does not validate: one warning, every file read, the same report, and a good record written', async () => {
    const warm = await cli();
    const record = digestsFile(Buffer.from(realpathSync.native(path.join(BUILD, 'out/600E0'))));
    writeFileSync(path.join(CACHE, record), '[1, 2, 3]');
    // The files whose last change had settled when the scan looked at them are remembered: all
    // but the one the first test rewrote, if that was less than SETTLE_NS ago.
    const conf = path.join(BUILD, 'out/600E0/system/etc/acme-endpoints.json');
    const fresh = statSync(conf, { bigint: true }).ctimeNs > BigInt(Date.now()) * 1_000_000n - SETTLE_NS ? 1 : 0;
    const r = await cli();
    expect(r.logger.of('warning').filter((m) => m.includes(record))).toEqual([expect.stringMatching(/is not a record of digests \(\(root\): /)]);
    expect(notRead(r)).toBe(0);
    expect(r.stdout).toBe(warm.stdout);
    expect(notRead(await cli())).toBe(total(r) - fresh);
  }, 60_000);

  it('--cache-rehash without --cache-dir is a usage error', async () => {
    const r = await runCliCaptured(['scan', 'out/600E0', '--cache-rehash'], BUILD);
    expect(r.code).toBe(2);
  });
});
