/**
 * tar and cpio archives are opened (a review found them scanned as raw bytes only, so an APK or
 * image inside passed): Samsung's firmware package (`AP_*.tar.md5`: a tar of `system.img.lz4`
 * with an MD5 line appended), a tarball of a build in GNU, pax (long names) and ustar formats,
 * and cpio archives (newc, odc, old binary). Made by GNU tar, cpio, lz4, md5sum and mke2fs; what the archives hold is
 * what `tar -t` and `cpio -t` list.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, linkSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, describe } from '@jest/globals';
import { haveTools, ROOT, run, scanInputs, warnMissing } from './helpers.js';
import { put, tempDir } from '../helpers/temp.js';

const TOOLS = ['tar', 'cpio', 'lz4', 'md5sum', 'mke2fs'];
const present = haveTools(...TOOLS);
if (!present) warnMissing('tar and cpio archives', TOOLS);
const withTools = present ? describe : describe.skip;

const CLIENT_APK = join(ROOT, 'sample', 'out', '600E0', 'system', 'priv-app', 'AutoRegistration', 'AutoRegistration.apk');
const APK_PATH = 'priv-app/AutoRegistration/AutoRegistration.apk';

/** A temporary folder holding blob.zip (made by zip: its deflated asset names zzhc.vnet.cn) and an empty `in/` for the archives. */
function blobZip(prefix: string): { dir: string; inputs: string } {
  const dir = tempDir(prefix);
  const work = join(dir, 'work');
  put(join(work, 'assets', 'config.txt'), 'server=http://zzhc.vnet.cn/register\n');
  execFileSync('zip', ['-q', '-9', join(dir, 'blob.zip'), 'assets/config.txt'], { cwd: work });
  const inputs = join(dir, 'in');
  mkdirSync(inputs);
  return { dir, inputs };
}

withTools('tar and cpio archives', () => {
  it('Samsung\'s AP tar.md5: system.img.lz4 inside is opened as the system image, its client found; the MD5 line after the archive is scanned as bytes', async () => {
    const dir = tempDir('ag-tar-ap-');
    const tree = join(dir, 'tree');
    mkdirSync(join(tree, 'priv-app', 'AutoRegistration'), { recursive: true });
    copyFileSync(CLIENT_APK, join(tree, APK_PATH));
    const pack = join(dir, 'pack');
    mkdirSync(pack);
    run('mke2fs', ['-q', '-F', '-t', 'ext4', '-b', '4096', '-O', '^has_journal', '-d', tree, join(dir, 'system.img'), '8M']);
    run('lz4', ['-q', '-f', join(dir, 'system.img'), join(pack, 'system.img.lz4')]);
    put(join(pack, 'boot.cfg'), 'nothing\n');
    const ap = join(dir, 'in', 'AP_TEST.tar.md5');
    mkdirSync(join(dir, 'in'));
    execFileSync('tar', ['-H', 'ustar', '-cf', ap, 'boot.cfg', 'system.img.lz4'], { cwd: pack });
    // Samsung's packaging: the tar's MD5 appended to it.
    appendFileSync(ap, execFileSync('md5sum', ['-t', ap]).toString().replace(/ .*\n/, '  AP_TEST.tar\n'));
    appendFileSync(ap, 'see http://zzhc.vnet.cn/after\n');
    expect(execFileSync('tar', ['-tf', ap], { encoding: 'utf8' }).split('\n').filter(Boolean)).toEqual(['boot.cfg', 'system.img.lz4']);
    const t = (await scanInputs([join(dir, 'in')])).targets[0];
    expect(t.unreadable).toEqual([]);
    expect(t.packages.map((p) => [p.path, p.partition])).toEqual([[`AP_TEST.tar.md5!/system.img.lz4!/${APK_PATH}`, 'system']]);
    const after = t.endpoints.find((e) => e.value === 'zzhc.vnet.cn')?.evidence.filter((e) => e.path === 'AP_TEST.tar.md5');
    expect(after).toEqual([{ path: 'AP_TEST.tar.md5', source: 'file', offset: readFileSync(ap).lastIndexOf('http://zzhc.vnet.cn/after') }]);
  });

  it('a build as a tarball (GNU, pax and ustar; names past 100 bytes) and as a cpio newc archive: the APK at its long path', async () => {
    const dir = tempDir('ag-tar-build-');
    const deep = `system/${'d'.repeat(60)}/${'e'.repeat(60)}/${APK_PATH}`;
    mkdirSync(join(dir, 'src', deep, '..'), { recursive: true });
    copyFileSync(CLIENT_APK, join(dir, 'src', deep));
    const inputs = join(dir, 'in');
    mkdirSync(inputs);
    for (const format of ['gnu', 'pax', 'ustar']) execFileSync('tar', ['-H', format, '-cf', join(inputs, `${format}.tar`), 'system'], { cwd: join(dir, 'src') });
    execFileSync('sh', ['-c', `find system | cpio --quiet -o -H newc > ${JSON.stringify(join(inputs, 'build.cpio'))}`], { cwd: join(dir, 'src') });
    expect(execFileSync('tar', ['-tf', join(inputs, 'pax.tar')], { encoding: 'utf8' })).toContain(deep);
    expect(execFileSync('sh', ['-c', `cpio --quiet -t < ${JSON.stringify(join(inputs, 'build.cpio'))}`], { encoding: 'utf8' })).toContain(deep);
    const t = (await scanInputs([inputs])).targets[0];
    expect(t.unreadable).toEqual([]);
    expect(t.packages.map((p) => p.path)).toEqual(['build.cpio', 'gnu.tar', 'pax.tar', 'ustar.tar'].map((a) => `${a}!/${deep}`));
  });

  it('cpio\'s POSIX odc and old binary formats (cpio -H odc|bin) are opened as newc is: the APK at its path, a hard link read under each name, a symlink listed as skipped with its target', async () => {
    const dir = tempDir('ag-cpio-odc-');
    const tree = join(dir, 'src');
    mkdirSync(join(tree, 'system', 'priv-app', 'AutoRegistration'), { recursive: true });
    copyFileSync(CLIENT_APK, join(tree, 'system', APK_PATH));
    put(join(tree, 'system', 'etc', 'reg.conf'), 'url=http://zzhc.vnet.cn/reg\n');
    linkSync(join(tree, 'system', 'etc', 'reg.conf'), join(tree, 'system', 'etc', 'reg2.conf'));
    symlinkSync('reg.conf', join(tree, 'system', 'etc', 'reg3.conf'));
    const inputs = join(dir, 'in');
    mkdirSync(inputs);
    for (const format of ['odc', 'bin']) execFileSync('sh', ['-c', `find system | sort | cpio --quiet -o -H ${format} > ${JSON.stringify(join(inputs, `${format}.cpio`))}`], { cwd: tree });
    // What cpio lists, and the magic each format starts with (odc: "070707"; bin: 070707 as a little-endian word here).
    for (const format of ['odc', 'bin']) {
      const listing = execFileSync('sh', ['-c', `cpio --quiet -tv < ${JSON.stringify(join(inputs, `${format}.cpio`))}`], { encoding: 'utf8' });
      expect(listing).toContain(`system/${APK_PATH}`);
      expect(listing).toMatch(/ 2 .* 28 .*system\/etc\/reg2\.conf/);
      expect(listing).toContain('system/etc/reg3.conf -> reg.conf');
    }
    expect(readFileSync(join(inputs, 'odc.cpio')).subarray(0, 6).toString()).toBe('070707');
    expect([...readFileSync(join(inputs, 'bin.cpio')).subarray(0, 2)]).toEqual([0xc7, 0x71]);
    const t = (await scanInputs([inputs])).targets[0];
    expect(t.unreadable).toEqual([]);
    expect(t.packages.map((p) => p.path)).toEqual(['bin.cpio', 'odc.cpio'].map((a) => `${a}!/system/${APK_PATH}`));
    expect(t.endpoints.find((e) => e.value === 'zzhc.vnet.cn')?.evidence.map((e) => e.path).filter((p) => p.includes('/etc/'))).toEqual(
      ['bin.cpio', 'odc.cpio'].flatMap((a) => [`${a}!/system/etc/reg.conf`, `${a}!/system/etc/reg2.conf`]),
    );
    expect(t.skipped.filter((s) => s.path.endsWith('reg3.conf'))).toEqual(
      ['bin.cpio', 'odc.cpio'].map((a) => ({ path: `${a}!/system/etc/reg3.conf`, reason: 'symlink to reg.conf inside the archive; not followed', target: 'reg.conf' })),
    );
  });

  it('a hard link is read as its target\'s data under its own name (tar: the later link; newc cpio: the data with the last link, either order), and 7th Edition tars are read', async () => {
    const dir = tempDir('ag-tar-links-');
    const tree = join(dir, 'src');
    mkdirSync(join(tree, 'system', 'priv-app', 'A'), { recursive: true });
    mkdirSync(join(tree, 'system', 'priv-app', 'B'), { recursive: true });
    copyFileSync(CLIENT_APK, join(tree, 'system', 'priv-app', 'A', 'A.apk'));
    linkSync(join(tree, 'system', 'priv-app', 'A', 'A.apk'), join(tree, 'system', 'priv-app', 'B', 'B.apk'));
    const inputs = join(dir, 'in');
    mkdirSync(inputs);
    execFileSync('tar', ['--sort=name', '-H', 'gnu', '-cf', join(inputs, 'links.tar'), 'system'], { cwd: tree });
    execFileSync('tar', ['--sort=name', '-H', 'v7', '-cf', join(inputs, 'v7.tar'), 'system'], { cwd: tree });
    for (const [name, sort] of [['forward.cpio', 'sort'], ['reverse.cpio', 'sort -r']]) {
      execFileSync('sh', ['-c', `find system | ${sort} | cpio --quiet -o -H newc > ${JSON.stringify(join(inputs, name))}`], { cwd: tree });
    }
    // What the tools list: B.apk a link to A.apk in the tar; in the reversed cpio A.apk comes last, holding the data.
    expect(execFileSync('tar', ['-tvf', join(inputs, 'links.tar')], { encoding: 'utf8' })).toMatch(/system\/priv-app\/B\/B\.apk link to system\/priv-app\/A\/A\.apk/);
    expect(execFileSync('sh', ['-c', `cpio --quiet -tv < ${JSON.stringify(join(inputs, 'reverse.cpio'))}`], { encoding: 'utf8' })).toMatch(/ 0 .*B\/B\.apk/);
    const t = (await scanInputs([inputs])).targets[0];
    expect(t.unreadable).toEqual([]);
    const apks = ['system/priv-app/A/A.apk', 'system/priv-app/B/B.apk'];
    expect(t.packages.map((p) => p.path)).toEqual(['forward.cpio', 'links.tar', 'reverse.cpio', 'v7.tar'].flatMap((a) => apks.map((x) => `${a}!/${x}`)));
  });

  it('a hard link holds the data its target had when it was written (a later member of that name does not change it), and header fields tar ignores are scanned', async () => {
    const { dir, inputs } = blobZip('ag-tar-relink-');
    execFileSync('python3', ['-c', `import io, sys, tarfile
blob = open(sys.argv[1], 'rb').read()
with tarfile.open(sys.argv[2], 'w', format=tarfile.GNU_FORMAT) as t:
    a = tarfile.TarInfo('tmp/blob.zip'); a.size = len(blob); t.addfile(a, io.BytesIO(blob))
    l = tarfile.TarInfo('system/etc/reg.zip'); l.type = tarfile.LNKTYPE; l.linkname = 'tmp/blob.zip'; t.addfile(l)
    b = tarfile.TarInfo('tmp/blob.zip'); b.size = 13; t.addfile(b, io.BytesIO(b'nothing here\\n'))
with tarfile.open(sys.argv[3], 'w', format=tarfile.GNU_FORMAT) as t:
    c = tarfile.TarInfo('etc/a.conf'); c.size = 3; c.linkname = 'http://dm.wo.com.cn/in-header'; t.addfile(c, io.BytesIO(b'ok\\n'))`, join(dir, 'blob.zip'), join(inputs, 'relink.tar'), join(inputs, 'fields.tar')]);
    // What tar -x makes: the link keeps the first blob (tar unlinks the name before writing the second).
    const out = join(dir, 'x');
    mkdirSync(out);
    execFileSync('tar', ['-xf', join(inputs, 'relink.tar'), '-C', out]);
    expect(execFileSync('unzip', ['-p', join(out, 'system', 'etc', 'reg.zip')], { encoding: 'utf8' })).toContain('zzhc.vnet.cn');
    const t = (await scanInputs([inputs])).targets[0];
    const zzhc = t.endpoints.find((e) => e.value === 'zzhc.vnet.cn')?.evidence.map((e) => [e.path, e.entry]);
    expect(zzhc).toEqual([['relink.tar!/system/etc/reg.zip', 'assets/config.txt']]);
    const fields = readFileSync(join(inputs, 'fields.tar'));
    // The link name field of a regular file (tar ignores it) follows the type flag '0': glued to
    // the scheme, no part of it (a scheme starts with a letter).
    expect(fields[fields.indexOf('http://dm.wo.com.cn') - 1]).toBe(0x30);
    expect(t.endpoints.find((e) => e.value === 'dm.wo.com.cn')?.evidence).toEqual([{ path: 'fields.tar', source: 'file', offset: fields.indexOf('http://dm.wo.com.cn') }]);
  });

  it('a hard link target spelled with ./ or // segments finds its file, as the file system resolves it', async () => {
    const { dir, inputs } = blobZip('ag-tar-spelling-');
    execFileSync('python3', ['-c', `import io, sys, tarfile
blob = open(sys.argv[1], 'rb').read()
with tarfile.open(sys.argv[2], 'w', format=tarfile.GNU_FORMAT) as t:
    d = tarfile.TarInfo('d'); d.type = tarfile.DIRTYPE; t.addfile(d)
    a = tarfile.TarInfo('d/a.zip'); a.size = len(blob); t.addfile(a, io.BytesIO(blob))
    for name, target in (('b.zip', 'd/./a.zip'), ('c.zip', 'd//a.zip')):
        l = tarfile.TarInfo(name); l.type = tarfile.LNKTYPE; l.linkname = target; t.addfile(l)
    r = tarfile.TarInfo('d/a.zip'); r.size = 13; t.addfile(r, io.BytesIO(b'nothing here\\n'))`, join(dir, 'blob.zip'), join(inputs, 'spelled.tar')]);
    const out = join(dir, 'x');
    mkdirSync(out);
    execFileSync('tar', ['-xf', join(inputs, 'spelled.tar'), '-C', out]);
    for (const name of ['b.zip', 'c.zip']) expect(execFileSync('unzip', ['-p', join(out, name)], { encoding: 'utf8' })).toContain('zzhc.vnet.cn');
    const t = (await scanInputs([inputs])).targets[0];
    expect(t.endpoints.find((e) => e.value === 'zzhc.vnet.cn')?.evidence.map((e) => e.path)).toEqual(['spelled.tar!/b.zip', 'spelled.tar!/c.zip']);
  });
});
