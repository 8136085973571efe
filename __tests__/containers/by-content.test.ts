/**
 * Images and archives are recognised by their content, not their names (SPEC section 2), inside
 * a ZIP too; and content that merely holds a magic is not an image. A review found a tar or an
 * ext4 image in a plain zip opened only when named `*.img` (an APK in `bundle.tar` passed unseen),
 * any file of random bytes with ext4's 2-byte magic at byte 1080 (1 in 65,536 PNGs) failing the
 * build as an unreadable image, and images cut short after their magic scanned as raw bytes.
 * Made by GNU tar, cpio, zip, gzip, mke2fs, mkfs.erofs and head.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { haveTools, ROOT, scanInputs, warnMissing } from './helpers.js';
import { tempDir } from '../helpers/temp.js';

const TOOLS = ['tar', 'cpio', 'zip', 'gzip', 'mke2fs', 'mkfs.erofs', 'head'];
const present = haveTools(...TOOLS);
if (!present) warnMissing('images and archives by content', TOOLS);
const withTools = present ? describe : describe.skip;

const CLIENT_APK = join(ROOT, 'sample', 'out', '600E0', 'system', 'priv-app', 'AutoRegistration', 'AutoRegistration.apk');

withTools('images and archives by content', () => {
  it('a tar, cpio, ext4 or EROFS image inside a plain zip is opened whatever the entry is named, stored or deflated', async () => {
    const dir = tempDir('ag-bycontent-zip-');
    const tree = join(dir, 'tree');
    mkdirSync(join(tree, 'priv-app', 'AR'), { recursive: true });
    copyFileSync(CLIENT_APK, join(tree, 'priv-app', 'AR', 'AR.apk'));
    const pack = join(dir, 'pack');
    mkdirSync(pack);
    execFileSync('tar', ['-C', tree, '-cf', join(pack, 'bundle.tar'), '.']);
    execFileSync('sh', ['-c', `find . | cpio --quiet -o -H newc > ${JSON.stringify(join(pack, 'bundle.dat'))}`], { cwd: tree });
    execFileSync('mke2fs', ['-q', '-F', '-t', 'ext4', '-d', tree, join(pack, 'vendor.ext4'), '8M']);
    execFileSync('mkfs.erofs', ['--quiet', join(pack, 'payload.bin2'), tree]);
    const inputs = join(dir, 'in');
    mkdirSync(inputs);
    // -0: stored; default: deflated.
    execFileSync('zip', ['-q', '-0', join(inputs, 'stored.zip'), 'bundle.tar', 'bundle.dat', 'vendor.ext4', 'payload.bin2'], { cwd: pack });
    execFileSync('zip', ['-q', join(inputs, 'deflated.zip'), 'bundle.tar', 'bundle.dat', 'vendor.ext4', 'payload.bin2'], { cwd: pack });
    const listing = execFileSync('unzip', ['-v', join(inputs, 'deflated.zip')], { encoding: 'utf8' });
    expect(listing).toMatch(/Defl:N .* bundle\.tar/);
    expect(execFileSync('unzip', ['-v', join(inputs, 'stored.zip')], { encoding: 'utf8' })).toMatch(/Stored .* vendor\.ext4/);
    const t = (await scanInputs([inputs])).targets[0];
    expect(t.unreadable).toEqual([]);
    const names = ['bundle.dat', 'bundle.tar', 'payload.bin2', 'vendor.ext4'];
    expect(t.packages.map((p) => p.path).sort()).toEqual(
      ['deflated.zip', 'stored.zip'].flatMap((z) => names.map((n) => `${z}!/${n}!/${n.endsWith('.tar') ? './' : ''}priv-app/AR/AR.apk`.replace('!/./', '!/'))).sort(),
    );
  });

  it('random bytes with an ext4 magic at 1080 are no image (a PNG is scanned as data), but a file named as an image with one is read and fails closed', async () => {
    const dir = tempDir('ag-bycontent-magic-');
    const inputs = join(dir, 'in');
    mkdirSync(inputs);
    // Bytes a compressed file could hold: a deflate stream (gzip's, past its header), with 0xEF53 written at 1080.
    const noise = Buffer.from(execFileSync('sh', ['-c', 'seq 1 20000 | gzip -9'], { maxBuffer: 1 << 24 }).subarray(10, 10 + 8192));
    noise.writeUInt16LE(0xef53, 1080);
    noise.write('http://zzhc.vnet.cn/reg', 6000, 'latin1');
    writeFileSync(join(inputs, 'splash.png'), noise);
    writeFileSync(join(inputs, 'system.img'), noise);
    const t = (await scanInputs([inputs])).targets[0];
    expect(t.unreadable.map((u) => [u.path, u.format])).toEqual([['system.img', 'ext4']]);
    expect(t.endpoints.find((e) => e.value === 'zzhc.vnet.cn')?.evidence.map((e) => e.path)).toEqual(['splash.png']);
  });

  it('an ext4 or EROFS image cut short after its magic (under 2 KiB) is unreadable, not raw data', async () => {
    const dir = tempDir('ag-bycontent-cut-');
    const tree = join(dir, 'tree');
    mkdirSync(join(tree, 'priv-app', 'AR'), { recursive: true });
    copyFileSync(CLIENT_APK, join(tree, 'priv-app', 'AR', 'AR.apk'));
    execFileSync('mkfs.erofs', ['--quiet', '-zlz4hc', join(dir, 'erofs.img'), tree]);
    execFileSync('mke2fs', ['-q', '-F', '-t', 'ext4', '-d', tree, join(dir, 'ext4.img'), '8M']);
    const inputs = join(dir, 'in');
    mkdirSync(inputs);
    writeFileSync(join(inputs, 'cut_erofs.bin'), readFileSync(join(dir, 'erofs.img')).subarray(0, 1100));
    writeFileSync(join(inputs, 'cut_ext4.bin'), readFileSync(join(dir, 'ext4.img')).subarray(0, 2000));
    const t = (await scanInputs([inputs])).targets[0];
    expect(t.unreadable.map((u) => [u.path, u.format])).toEqual([
      ['cut_erofs.bin', 'erofs'],
      ['cut_ext4.bin', 'ext4'],
    ]);
  });
});
