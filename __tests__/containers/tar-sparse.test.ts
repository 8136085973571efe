/**
 * GNU sparse files in tar archives (`tar --sparse`): old GNU `S` headers with extension blocks,
 * and the pax formats 0.0, 0.1 and 1.0 (`GNU.sparse.*`; 0.1 and 1.0 name the header
 * GNUSparseFile.<pid>/..., 1.0 keeps the map at the start of the data). A review found them read
 * as their stored bytes (pieces run together, holes gone) and, for 0.1 and 1.0, under the
 * GNUSparseFile name: an APK or image stored sparse was scanned as what it is not. The fixtures
 * are made by GNU tar (scripts/fixtures/build-tar-sparse.sh); each file read here must equal what
 * `tar -xf` restored (`<archive>.extracted.txt`) and its map what Python's tarfile reads
 * (`<archive>.maps.txt`). A malformed map is an unreadable member named by its real name.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, copyFileSync, linkSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { FormatError } from '../../src/formats/errors.js';
import { openTar } from '../../src/formats/tar.js';
import { openContainer } from '../../src/inputs/containers.js';
import { dataRanges } from '../../src/io/mapped.js';
import { BufferSource, FileSource } from '../../src/io/source.js';
import { haveTools, IMAGES, readAll, scanInputs, sha256 } from './helpers.js';

const TAR = join(IMAGES, 'tar');
const ARCHIVES = ['gnu', 'pax-0.0', 'pax-0.1', 'pax-1.0'];
const OPTS = { budget: { spend: (): void => undefined }, maxEntryBytes: 64 << 20, memoryBytes: 64 << 20, maxSpillBytes: 64 << 20 };
const APK = 'system.img!/priv-app/AutoRegistration/AutoRegistration.apk';
/** Where build-tar-sparse.sh wrote `url=http://dm.wo.com.cn/after-hole` in etc/sparse.conf: past six pieces and their holes. */
const AFTER_HOLE = 6 * 262144 + 100;

const work = mkdtempSync(join(tmpdir(), 'ag-tar-sparse-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `tar -xf`'s files: [path, size, sha256], by path. */
function extracted(archive: string): [string, number, string][] {
  return readFileSync(join(TAR, `${archive}.extracted.txt`), 'utf8')
    .trim()
    .split('\n')
    .map((l) => {
      const [hash, size, path] = l.split(/ {2}/);
      return [path, Number(size), hash];
    });
}

/** Python tarfile's maps: name -> [real size, the pieces that hold bytes]. */
function maps(archive: string): Record<string, [number, [number, number][]]> {
  const out: Record<string, [number, [number, number][]]> = {};
  for (const l of readFileSync(join(TAR, `${archive}.maps.txt`), 'utf8').trim().split('\n')) {
    const [name, size, pieces] = l.split(' ');
    const map = (pieces ?? '').split(',').filter(Boolean).map((p) => p.split(':').map(Number) as [number, number]);
    // tarfile lists old GNU headers' unused slots as 0:0 and 0.x's closing (size, 0): no bytes.
    out[name] = [Number(size), map.filter(([, n]) => n > 0)];
  }
  return out;
}

describe('GNU sparse members are the files tar -x restores', () => {
  for (const archive of ARCHIVES) {
    it(`${archive}.tar: every file under its real name and size, equal to tar -x's; the map Python's tarfile reads`, async () => {
      const src = await FileSource.open(join(TAR, `${archive}.tar`));
      try {
        const tar = await openTar(src);
        expect(tar.problems).toEqual([]);
        const files = tar.members.filter((m) => m.kind === 'file');
        const want = maps(archive);
        expect(Object.fromEntries(files.filter((m) => m.sparse).map((m) => [m.name, [m.size, m.sparse!.map]]))).toEqual(want);
        expect(files.every((m) => m.sparse)).toBe(true);
        const c = await openContainer('tar', src, OPTS);
        expect(c.problems).toEqual([]);
        const mine: [string, number, string][] = [];
        for (const f of c.files) {
          const data = await f.open();
          // A view over the stored pieces: a raw scan reads them, not the holes.
          const stored = files.find((m) => m.name === f.name)!.sparse!.stored;
          expect(dataRanges(data).reduce((n, [a, b]) => n + b - a, 0)).toBe(stored);
          const bytes = await readAll(data);
          mine.push([f.name, f.size, sha256(bytes)]);
        }
        expect(mine).toEqual(extracted(archive));
        expect(mine.map(([p]) => p)).toEqual(['data/hole.bin', 'etc/sparse.conf', 'system.img']);
      } finally {
        await src.close();
      }
    });
  }

  it('a scan finds the APK in the sparse system.img of each archive and the host past the holes at its offset in the file; nothing is unreadable', async () => {
    const dir = mkdtempSync(join(work, 'scan-'));
    for (const a of ARCHIVES) copyFileSync(join(TAR, `${a}.tar`), join(dir, `${a}.tar`));
    const t = (await scanInputs([dir])).targets[0];
    expect(t.unreadable).toEqual([]);
    expect(t.packages.map((p) => [p.path, p.package])).toEqual(ARCHIVES.map((a) => [`${a}.tar!/${APK}`, 'com.qualcomm.qti.autoregistration']));
    const dm = t.endpoints.find((e) => e.value === 'dm.wo.com.cn');
    expect(dm?.evidence).toEqual(ARCHIVES.map((a) => ({ path: `${a}.tar!/etc/sparse.conf`, source: 'file', offset: AFTER_HOLE + 'url='.length })));
    expect(t.endpoints.find((e) => e.value === 'piece5.acme.eu')?.evidence.map((e) => e.offset)).toEqual(ARCHIVES.map(() => 5 * 262144 + 'piece 5: see '.length));
  });

  (haveTools('tar') ? it : it.skip)('made at test time (GNU tar): a hard link to a sparse file reads the file, and a file of 64 GiB holding a few bytes is read as a view (its holes are never allocated)', async () => {
    const tree = mkdtempSync(join(work, 'tree-'));
    mkdirSync(join(tree, 'etc'));
    const conf = join(tree, 'etc', 'reg.conf');
    writeFileSync(conf, 'head\n');
    truncateSync(conf, 1 << 20);
    const fd = openSync(conf, 'r+');
    writeSync(fd, 'url=http://zzhc.vnet.cn/reg\n', 512 * 1024);
    closeSync(fd);
    linkSync(conf, join(tree, 'etc', 'reg-link.conf'));
    const huge = join(tree, 'huge.bin');
    writeFileSync(huge, '');
    truncateSync(huge, 64 * 2 ** 30);
    const hfd = openSync(huge, 'r+');
    writeSync(hfd, 'far=https://far.acme.cn/x\n', 64 * 2 ** 30 - 4096);
    closeSync(hfd);
    const dir = mkdtempSync(join(work, 'made-'));
    execFileSync('tar', ['--sparse', '--sort=name', '--format=gnu', '-C', tree, '-cf', join(dir, 'gnu.tar'), 'etc', 'huge.bin']);
    execFileSync('tar', ['--sparse', '--sort=name', '--format=pax', '--sparse-version=1.0', '-C', tree, '-cf', join(dir, 'pax.tar'), 'etc', 'huge.bin']);
    for (const a of ['gnu.tar', 'pax.tar']) {
      expect(statSync(join(dir, a)).size).toBeLessThan(1 << 20);
      expect(execFileSync('tar', ['-tvf', join(dir, a)], { encoding: 'utf8' })).toMatch(/etc\/reg\.conf link to etc\/reg-link\.conf/);
    }
    const want = sha256(readFileSync(conf));
    for (const a of ['gnu.tar', 'pax.tar']) {
      const src = await FileSource.open(join(dir, a));
      const c = await openContainer('tar', src, OPTS);
      expect(c.problems).toEqual([]);
      expect(c.files.map((f) => [f.name, f.size])).toEqual([['etc/reg-link.conf', 1 << 20], ['etc/reg.conf', 1 << 20], ['huge.bin', 64 * 2 ** 30]]);
      for (const f of c.files.slice(0, 2)) expect(sha256(await readAll(await f.open()))).toBe(want);
      await src.close();
    }
    const t = (await scanInputs([dir])).targets[0];
    expect(t.unreadable).toEqual([]);
    expect(t.endpoints.find((e) => e.value === 'zzhc.vnet.cn')?.evidence).toEqual(
      ['gnu.tar', 'pax.tar'].flatMap((a) => ['etc/reg-link.conf', 'etc/reg.conf'].map((f) => ({ path: `${a}!/${f}`, source: 'file', offset: 512 * 1024 + 'url='.length }))),
    );
    expect(t.endpoints.find((e) => e.value === 'far.acme.cn')?.evidence).toEqual(['gnu.tar', 'pax.tar'].map((a) => ({ path: `${a}!/huge.bin`, source: 'file', offset: 64 * 2 ** 30 - 4096 + 'far='.length })));
  });
});

/** The archive with `from` replaced by `to` (same length) at its first occurrence after `after`. */
function patched(archive: string, from: string, to: string, after = ''): Buffer {
  expect(to.length).toBe(from.length);
  const b = Buffer.from(readFileSync(join(TAR, `${archive}.tar`)));
  const at = b.indexOf(from, after ? b.indexOf(after) : 0, 'latin1');
  expect(at).toBeGreaterThanOrEqual(0);
  b.write(to, at, 'latin1');
  return b;
}

/** Rewrites the checksum of the header block at `at` (the sum of its bytes, the field as spaces). */
function fixChecksum(b: Buffer, at: number): void {
  b.fill(0x20, at + 148, at + 156);
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += b[at + i];
  b.write(`${sum.toString(8).padStart(6, '0')}\0 `, at + 148, 'latin1');
}

describe('a malformed sparse map: the member is unreadable under its real name, saying what is wrong; the rest is read', () => {
  const cases: [string, () => Buffer, RegExp][] = [
    [
      'old GNU: a piece that starts inside the one before it',
      () => {
        const b = Buffer.from(readFileSync(join(TAR, 'gnu.tar')));
        const at = b.indexOf('etc/sparse.conf', 0, 'latin1');
        expect(b[at + 156]).toBe(0x53); // 'S'
        b.write('00000000000', at + 386 + 24, 'latin1'); // piece 1's offset: 0
        fixChecksum(b, at);
        return b;
      },
      /^a GNU sparse file whose map is malformed \(old GNU: piece 1 at 0 starts before the end of the one before it \(4096\)\); not read$/,
    ],
    ['pax 0.0: the pieces add up to less than is stored', () => patched('pax-0.0', 'GNU.sparse.numbytes=4096', 'GNU.sparse.numbytes=4095'), /^a GNU sparse file whose map is malformed \(pax 0\.0: its pieces add up to 24710 bytes, but the member stores 24711\); not read$/],
    ['pax 0.1: a piece past the real size', () => patched('pax-0.1', '1572864,135', '1572899,135'), /^a GNU sparse file whose map is malformed \(pax 0\.1: piece 6 \(135 bytes at 1572899\) runs past the file's real size of 1572999 bytes\); not read$/],
    ['pax 1.0: a map line that is not a number', () => patched('pax-1.0', '\n262144\n', '\n26214x\n', 'GNUSparseFile.1/sparse.conf'), /^a GNU sparse file whose map is malformed \(pax 1\.0: a line of the map at byte \d+ is not a number \("26214x"\)\); not read$/],
    ['pax: an unknown format version', () => patched('pax-1.0', 'GNU.sparse.major=1\n22 GNU.sparse.minor=0\n35 GNU.sparse.name=etc', 'GNU.sparse.major=2\n22 GNU.sparse.minor=0\n35 GNU.sparse.name=etc'), /^a GNU sparse file whose map is malformed \(pax 2\.0: an unknown GNU sparse format version \(GNU tar writes 0\.0, 0\.1 and 1\.0\)\); not read$/],
  ];
  for (const [what, make, reason] of cases) {
    it(what, async () => {
      const archive = make();
      const tar = await openTar(new BufferSource(archive));
      expect(tar.problems.map((p) => [p.name, p.reason])).toEqual([['etc/sparse.conf', expect.stringMatching(reason)]]);
      expect(tar.members.map((m) => m.name)).toEqual(['data', 'data/hole.bin', 'etc', 'system.img']);
      const dir = mkdtempSync(join(work, 'bad-'));
      writeFileSync(join(dir, 'build.tar'), archive);
      const t = (await scanInputs([dir])).targets[0];
      expect(t.unreadable).toEqual([{ path: 'build.tar!/etc/sparse.conf', format: 'tar', reason: expect.stringMatching(reason), offset: expect.any(Number) }]);
      expect(t.packages.map((p) => p.path)).toEqual([`build.tar!/${APK}`]);
    });
  }

  it('random prefixes and byte flips of each archive: openTar and reading its files throw only FormatError', async () => {
    for (const a of ARCHIVES) {
      const base = readFileSync(join(TAR, `${a}.tar`));
      for (let i = 0; i < 80; i++) {
        const b = Buffer.from(base.subarray(0, Math.max(1024, Math.floor((base.length * (i + 1)) / 80))));
        // Flips in the first headers and maps (where the sparse fields are), then anywhere.
        const at = i % 2 ? (i * 7919) % Math.min(b.length, 4096) : (i * 104729) % b.length;
        b[at] ^= 1 << i % 8;
        try {
          const c = await openContainer('tar', new BufferSource(b), OPTS);
          for (const f of c.files) await readAll(await f.open()).catch((e: unknown) => expect(e).toBeInstanceOf(FormatError));
        } catch (e) {
          expect(e).toBeInstanceOf(FormatError);
        }
      }
    }
  });
});
