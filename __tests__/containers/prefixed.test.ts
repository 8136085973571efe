/**
 * A header must not hide what follows it (a review found each passed): ext4 and EROFS never use
 * their first 1024 bytes, so a sparse header written there leaves an image that e2fsck and
 * fsck.erofs call clean and a mount (a super partition, an APEX payload, a loop device) reads,
 * while the gate read only the sparse file; and a config file that starts with a sparse, boot or
 * payload header had its text after the header unscanned. The headers are the real tools' own
 * (img2simg, mkbootimg), the images mke2fs's and mkfs.erofs's, and the payload the OTA fixture's.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { haveTools, IMAGES, ROOT, run, scanInputs, warnMissing } from './helpers.js';
import { put, tempDir } from '../helpers/temp.js';

const TOOLS = ['img2simg', 'mke2fs', 'e2fsck', 'mkfs.erofs', 'fsck.erofs', 'mkbootimg', 'unzip'];
const present = haveTools(...TOOLS);
if (!present) warnMissing('headers before images and text', TOOLS);
const withTools = present ? describe : describe.skip;

const CLIENT_APK = join(ROOT, 'sample', 'out', '600E0', 'system', 'priv-app', 'AutoRegistration', 'AutoRegistration.apk');
const TEXT = '\nurl=http://zzhc.vnet.cn/register\n';

withTools('a header before an image or text', () => {
  /** A sparse file made by img2simg of one zero block: a 28-byte header and one FILL chunk. */
  function sparseHeader(dir: string): Buffer {
    put(join(dir, 'zero.img'), Buffer.alloc(4096));
    run('img2simg', [join(dir, 'zero.img'), join(dir, 'zero.simg')]);
    const simg = readFileSync(join(dir, 'zero.simg'));
    expect(simg.length).toBeLessThan(1024);
    return simg;
  }

  it('a sparse header in the first 1024 bytes of an ext4 or EROFS image: the image (clean to fsck) is still opened, its APK read', async () => {
    const dir = tempDir('ag-prefixed-fs-');
    const tree = join(dir, 'tree');
    mkdirSync(join(tree, 'priv-app', 'AutoRegistration'), { recursive: true });
    copyFileSync(CLIENT_APK, join(tree, 'priv-app', 'AutoRegistration', 'AutoRegistration.apk'));
    const header = sparseHeader(dir);
    const images = join(dir, 'images');
    mkdirSync(images);
    run('mke2fs', ['-q', '-F', '-t', 'ext4', '-b', '4096', '-O', '^has_journal', '-d', tree, join(images, 'a.img'), '8M']);
    run('mkfs.erofs', ['--quiet', '-zlz4hc', join(images, 'b.img'), tree]);
    for (const name of ['a.img', 'b.img']) {
      const fd = openSync(join(images, name), 'r+');
      writeSync(fd, header, 0, header.length, 0);
      closeSync(fd);
    }
    run('e2fsck', ['-fn', join(images, 'a.img')]); // clean: throws otherwise
    run('fsck.erofs', [join(images, 'b.img')]);
    const t = (await scanInputs([images])).targets[0];
    expect(t.packages.map((p) => p.path)).toEqual(['a.img!/priv-app/AutoRegistration/AutoRegistration.apk', 'b.img!/priv-app/AutoRegistration/AutoRegistration.apk']);
    expect(t.unreadable).toEqual([]);
  });

  it('text after a sparse file\'s last chunk, a boot image\'s last section and a payload\'s last blob is scanned, at its offset', async () => {
    const dir = tempDir('ag-prefixed-text-');
    const sparse = sparseHeader(dir);
    put(join(dir, 'kernel'), 'not a kernel\n');
    run('mkbootimg', ['--header_version', '0', '--pagesize', '2048', '--kernel', join(dir, 'kernel'), '-o', join(dir, 'boot.img')]);
    const boot = readFileSync(join(dir, 'boot.img'));
    const payload = execFileSync('unzip', ['-p', join(IMAGES, 'sample', 'ota.zip'), 'payload.bin'], { maxBuffer: 64 << 20 });
    const build = join(dir, 'build', 'system', 'etc');
    const files: [string, Buffer][] = [
      ['a.conf', sparse],
      ['b.conf', boot],
      ['c.conf', payload],
    ];
    for (const [name, head] of files) put(join(build, name), Buffer.concat([head, Buffer.from(TEXT)]));
    const t = (await scanInputs([join(dir, 'build')])).targets[0];
    expect(t.unreadable).toEqual([]);
    const ep = t.endpoints.find((e) => e.value === 'zzhc.vnet.cn');
    // (The OTA's own partitions hold the client too: their evidence is inside the payload.)
    const outside = ep?.evidence.filter((e) => !e.path.includes('!/'));
    expect(outside?.map((e) => [e.path, e.source, e.offset])).toEqual(files.map(([name, head]) => [`system/etc/${name}`, 'file', head.length + TEXT.indexOf('http')]));
  });
});
