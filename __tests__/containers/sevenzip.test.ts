/**
 * 7z archives in a build (vendor drops, bundles of preloaded apps) are opened, not scanned as an
 * opaque blob: the catalogued client APK packed in a 7z inside a folder gives the same client
 * finding as the bare APK, under `vendor/drop.7z!/vendor/app/Foo/Foo.apk`; a config naming
 * zzhc.vnet.cn inside is found at its path; an archive whose coder is not decoded (PPMd), whose
 * header is encrypted, or whose file's CRC does not match is unreadable, naming why, and the
 * rest of the scan goes on. The archives are made by Debian's 7z (scripts/fixtures/build-sevenzip.sh).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { haveTools, ROOT, scanInputs, warnMissing } from './helpers.js';
import { tempDir } from '../helpers/temp.js';
import type { ReportTarget } from '../../src/report/model.js';

const FIXTURES = join(ROOT, '__tests__', 'fixtures', 'sevenzip');
const APK = join(ROOT, '__tests__', 'fixtures', 'apks', 'autoregistration-cn.apk');
const INNER = 'vendor/app/Foo/Foo.apk';
if (!haveTools('7z', 'zip')) warnMissing('7z archives made at run time', ['7z (p7zip-full)', 'zip']);

/** A build folder holding `files` (name -> source file) under `vendor/`. */
function build(prefix: string, files: Record<string, string>): string {
  const dir = tempDir(prefix);
  const inputs = join(dir, 'in');
  mkdirSync(join(inputs, 'vendor'), { recursive: true });
  for (const [name, from] of Object.entries(files)) copyFileSync(from, join(inputs, 'vendor', name));
  return inputs;
}

/** A target's client and endpoint findings, paths made relative to where the APK is. */
function clientFacts(t: ReportTarget, apkPath: string): unknown {
  return {
    packages: t.packages.filter((p) => p.path === apkPath).map((p) => ({ ...p, path: 'APK', partitionPath: p.partitionPath.replace(apkPath, 'APK') })),
    clients: t.clients.filter((c) => c.path === apkPath).map((c) => ({ ...c, path: 'APK' })),
  };
}

describe('7z archives in a build', () => {
  it('the client APK packed in a 7z in a folder gives the same client finding as the bare APK', async () => {
    const bare = (await scanInputs([build('ag-7z-bare-', { 'Foo.apk': APK })])).targets[0];
    const packed = await scanInputs([build('ag-7z-drop-', { 'drop.7z': join(FIXTURES, 'lzma2.7z') })]);
    const t = packed.targets[0];
    expect(t.unreadable).toEqual([]);
    const path = `vendor/drop.7z!/${INNER}`;
    expect(t.packages.map((p) => p.path)).toEqual([path]);
    expect(bare.clients.length).toBeGreaterThan(0);
    expect(clientFacts(t, path)).toEqual(clientFacts(bare, 'vendor/Foo.apk'));
    const finding = packed.findings.find((f) => f.path === path && f.client);
    expect(finding?.client).toBe(bare.clients[0].id);
    // The config and the native library's strings (behind the x86 BCJ filter) name the host at their paths.
    const host = t.endpoints.find((e) => e.value === 'zzhc.vnet.cn');
    const paths = new Set(host?.evidence.map((e) => e.path));
    expect(paths).toContain('vendor/drop.7z!/vendor/etc/reg.conf');
    expect(paths).toContain('vendor/drop.7z!/vendor/lib/libreg.so');
  });

  it('every way 7z stores it (LZMA, Copy, a packed header, each BCJ filter, Deflate, Delta) gives the APK at its path', async () => {
    const names = ['lzma', 'copy', 'hc', 'bcj-x86', 'bcj-arm', 'bcj-armt', 'bcj-arm64', 'bcj-ppc', 'bcj-sparc', 'deflate', 'delta'];
    const t = (await scanInputs([build('ag-7z-all-', Object.fromEntries(names.map((n) => [`${n}.7z`, join(FIXTURES, `${n}.7z`)])))])).targets[0];
    expect(t.unreadable).toEqual([]);
    expect(t.packages.map((p) => p.path).sort()).toEqual(names.map((n) => `vendor/${n}.7z!/${INNER}`).sort());
  });

  it('PPMd, an encrypted header, a CRC mismatch: unreadable naming the coder or the file, and the scan goes on', async () => {
    const inputs = build('ag-7z-bad-', { 'ppmd.7z': join(FIXTURES, 'ppmd.7z'), 'aes.7z': join(FIXTURES, 'aes-header.7z'), 'bad-crc.7z': join(FIXTURES, 'bad-crc.7z'), 'Foo.apk': APK });
    const t = (await scanInputs([inputs])).targets[0];
    expect(t.packages.map((p) => p.path).sort()).toEqual(['vendor/Foo.apk', `vendor/bad-crc.7z!/${INNER}`]);
    const why = Object.fromEntries(t.unreadable.map((u) => [u.path, `${u.format}: ${u.reason}`]));
    expect(why).toEqual({
      'vendor/ppmd.7z': '7z: unreadable: coder PPMd (030401), which this reader does not decode; 4 files not scanned: "vendor/app/Foo/Foo.apk", "vendor/bin/code.bin", "vendor/etc/reg.conf" and 1 more',
      'vendor/aes.7z': '7z: the header is packed with coder AES-256 encryption (06f10701): encrypted, its key is not known',
      'vendor/bad-crc.7z!/vendor/etc/reg.conf': expect.stringMatching(/^7z: CRC mismatch in "vendor\/etc\/reg.conf": its data gives 0x[0-9a-f]{8}, the archive records 0x059369ff$/),
    });
  });

  (haveTools('zip') ? it : it.skip)('a 7z stored in a ZIP entry is opened too, each path joined with !/', async () => {
    const dir = tempDir('ag-7z-nested-');
    const inputs = join(dir, 'in');
    mkdirSync(inputs);
    // A 7z as the data of a stored ZIP entry, written by the zip tool.
    const work = join(dir, 'work');
    mkdirSync(work);
    copyFileSync(join(FIXTURES, 'hc.7z'), join(work, 'apps.7z'));
    execFileSync('zip', ['-q', '-0', join(inputs, 'bundle.zip'), 'apps.7z'], { cwd: work });
    const t = (await scanInputs([inputs])).targets[0];
    expect(t.unreadable).toEqual([]);
    expect(t.packages.map((p) => p.path)).toEqual([`bundle.zip!/apps.7z!/${INNER}`]);
  });

  it('a folder decoded only up to the per-entry cap: files past it are unreadable, named; those before are scanned', async () => {
    const inputs = build('ag-7z-cap-', { 'drop.7z': join(FIXTURES, 'lzma2.7z') });
    // The solid folder holds Foo.apk (12,689 bytes), code.bin, reg.conf; a 13,000-byte cap reaches past the APK only.
    const t = (await scanInputs([inputs], { maxEntryBytes: 13000 })).targets[0];
    expect(t.packages.map((p) => p.path)).toEqual([`vendor/drop.7z!/${INNER}`]);
    expect(t.unreadable.map((u) => u.path)).toContain('vendor/drop.7z!/vendor/etc/reg.conf');
    expect(t.unreadable.find((u) => u.path === 'vendor/drop.7z!/vendor/etc/reg.conf')?.reason).toMatch(/^"vendor\/etc\/reg.conf" ends at byte \d+ of a solid folder of \d+ bytes, past the 13000-byte cap a 7z folder is decoded to; not scanned$/);
  });

  (haveTools('7z') ? it : it.skip)('a symlink stored as a link (7z a -snl) is listed as skipped, not read as a file; the file it names is scanned', async () => {
    const dir = tempDir('ag-7z-link-');
    const tree = join(dir, 'tree');
    mkdirSync(join(tree, 'vendor', 'app', 'Foo'), { recursive: true });
    copyFileSync(APK, join(tree, INNER));
    symlinkSync('Foo/Foo.apk', join(tree, 'vendor', 'app', 'link.apk'));
    const inputs = join(dir, 'in');
    mkdirSync(inputs);
    execFileSync('7z', ['a', '-bd', '-bso0', '-snl', join(inputs, 'links.7z'), 'vendor'], { cwd: tree });
    expect(execFileSync('7z', ['l', '-slt', join(inputs, 'links.7z')], { encoding: 'utf8' })).toMatch(/Path = vendor\/app\/link\.apk\nSize = 11\n[^]*?Attributes = A lrwxrwxrwx/);
    const t = (await scanInputs([inputs])).targets[0];
    expect(t.unreadable).toEqual([]);
    expect(t.packages.map((p) => p.path)).toEqual([`links.7z!/${INNER}`]);
    expect(t.skipped.filter((s) => s.path.startsWith('links.7z!/'))).toEqual([{ path: 'links.7z!/vendor/app/link.apk', reason: 'symlink inside the archive (11 bytes of target); not followed' }]);
  });

  it('bytes after the archive are scanned raw at their offset; the stored files\' bytes at the files\' paths, not as the archive\'s', async () => {
    const dir = tempDir('ag-7z-after-');
    const inputs = join(dir, 'in');
    mkdirSync(inputs);
    const archive = readFileSync(join(FIXTURES, 'copy.7z'));
    writeFileSync(join(inputs, 'drop.7z'), Buffer.concat([archive, Buffer.from('trailer http://dm.wo.com.cn/after\n')]));
    const t = (await scanInputs([inputs])).targets[0];
    const ev = t.endpoints.find((e) => e.value === 'dm.wo.com.cn')?.evidence;
    expect(ev).toEqual([{ path: 'drop.7z', source: 'file', offset: archive.length + 'trailer '.length }]);
    const host = t.endpoints.find((e) => e.value === 'zzhc.vnet.cn')?.evidence.map((e) => e.path);
    expect(new Set(host)).toEqual(new Set([`drop.7z!/${INNER}`, 'drop.7z!/vendor/etc/reg.conf', 'drop.7z!/vendor/lib/libreg.so']));
  });
});
