import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { partitionOf } from '../../src/inputs/partition.js';
import { displayName, walkInput } from '../../src/inputs/walk.js';

const tmp = mkdtempSync(join(tmpdir(), 'ag-walk-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('partitionOf', () => {
  it.each([
    ['system/priv-app/A/A.apk', 'system', 'system/priv-app/A/A.apk'],
    ['system/system/priv-app/A/A.apk', 'system', 'system/priv-app/A/A.apk'],
    ['SYSTEM_A/app/B.apk', 'system', 'system/app/B.apk'],
    ['system/product/app/C/C.apk', 'product', 'product/app/C/C.apk'],
    ['vendor_b/etc/x.xml', 'vendor', 'vendor/etc/x.xml'],
    ['priv-app/A/A.apk', '', 'priv-app/A/A.apk'],
  ])('%s -> %s %s', (rel, partition, partitionPath) => {
    expect(partitionOf(rel)).toEqual({ partition, partitionPath });
  });
  it('uses the input folder name when it is a partition', () => {
    expect(partitionOf('priv-app/A/A.apk', 'system')).toEqual({ partition: 'system', partitionPath: 'system/priv-app/A/A.apk' });
  });
});

describe('walkInput', () => {
  it('product-out: skips obj/, symbols/ and duplicate images, and lists them', async () => {
    const root = join(tmp, 'out');
    for (const d of ['system/app/A', 'vendor/etc', 'obj/X', 'symbols/system']) mkdirSync(join(root, d), { recursive: true });
    writeFileSync(join(root, 'system/app/A/A.apk'), 'x');
    writeFileSync(join(root, 'vendor/etc/a.json'), '{}');
    writeFileSync(join(root, 'obj/X/y'), 'y');
    writeFileSync(join(root, 'system.img'), 'img');
    writeFileSync(join(root, 'boot.img'), 'boot');
    const w = await walkInput(root);
    expect(w.productOut).toBe(true);
    expect(w.files.map((f) => f.relPath)).toEqual(['boot.img', 'system/app/A/A.apk', 'vendor/etc/a.json']);
    expect(w.skipped.map((s) => s.path)).toEqual(['obj', 'symbols', 'system.img']);
    const inc = await walkInput(root, { include: ['obj/**'] });
    expect(inc.files.map((f) => f.relPath)).toContain('obj/X/y');
  });

  it('symlinks are not followed (loops end, outside targets are reported), FIFOs are skipped', async () => {
    const root = join(tmp, 'links');
    mkdirSync(join(root, 'system/etc'), { recursive: true });
    writeFileSync(join(root, 'system/etc/real.txt'), 'hello');
    symlinkSync('..', join(root, 'system/etc/loop'));
    symlinkSync('/etc/passwd', join(root, 'system/etc/outside'));
    symlinkSync('real.txt', join(root, 'system/etc/inside'));
    execFileSync('mkfifo', [join(root, 'system/etc/pipe')]);
    const w = await walkInput(root);
    expect(w.files.map((f) => f.relPath)).toEqual(['system/etc/real.txt']);
    const reasons = Object.fromEntries(w.skipped.map((s) => [s.path, s.reason]));
    expect(reasons['system/etc/outside']).toMatch(/leaves the input/);
    // It exists on this machine, outside the input: what it holds is not read, so it is unreadable.
    expect(w.unreadable).toEqual([expect.objectContaining({ path: 'system/etc/outside', format: 'symlink', reason: expect.stringMatching(/^a symlink to \/etc\/passwd, which leaves the input for a file that exists here/) })]);
    expect(reasons['system/etc/loop']).toMatch(/inside the input/);
    expect(reasons['system/etc/inside']).toMatch(/inside the input/);
    expect(reasons['system/etc/pipe']).toMatch(/fifo/);
  });

  it('a partition folder linked out of the input is unreadable, naming the link and its target; device paths and kernel paths are only listed', async () => {
    const elsewhere = join(tmp, 'elsewhere', 'system');
    mkdirSync(join(elsewhere, 'app/A'), { recursive: true });
    writeFileSync(join(elsewhere, 'app/A/A.apk'), 'x');
    const root = join(tmp, 'linked-out');
    mkdirSync(join(root, 'vendor/etc'), { recursive: true });
    writeFileSync(join(root, 'vendor/etc/a.json'), '{}');
    symlinkSync(elsewhere, join(root, 'system'));
    symlinkSync('../../elsewhere/system/app', join(root, 'vendor/app')); // relative, out of the input
    symlinkSync('/vendor', join(root, 'vendor/etc/vendor')); // a device path: nothing here
    symlinkSync('/sys/kernel/debug', join(root, 'vendor/d')); // the kernel's, on device and host
    const w = await walkInput(root);
    expect(w.files.map((f) => f.relPath)).toEqual(['vendor/etc/a.json']);
    expect(w.unreadable.map((u) => [u.path, u.format, u.reason])).toEqual([
      ['system', 'symlink', `a symlink to ${elsewhere}, which leaves the input for a folder that exists here (${elsewhere}): not followed, so nothing there is read; scan that path as an input of its own, or put what it holds in place of the link`],
      ['vendor/app', 'symlink', expect.stringMatching(/^a symlink to \.\.\/\.\.\/elsewhere\/system\/app, which leaves the input for a folder that exists here \(.*\/elsewhere\/system\/app\)/)],
    ]);
    const reasons = Object.fromEntries(w.skipped.map((s) => [s.path, s.reason]));
    expect(Object.keys(reasons)).toEqual(['system', 'vendor/app', 'vendor/d', 'vendor/etc/vendor']);
    expect(reasons['vendor/d']).toMatch(/kernel runtime path/);
    expect(reasons['vendor/etc/vendor']).toMatch(/broken/);
  });

  it('a folder with nothing to read is unreadable', async () => {
    const root = join(tmp, 'nothing');
    mkdirSync(join(root, 'system/app'), { recursive: true });
    symlinkSync('/vendor', join(root, 'vendor'));
    const w = await walkInput(root);
    expect(w.files).toEqual([]);
    expect(w.unreadable).toEqual([{ path: '.', format: 'folder', reason: 'nothing in it was read: it holds no regular file (1 path skipped: symlinks, special files or default skips, listed as skipped)' }]);
  });

  it('names that are not valid UTF-8 are kept exact and shown escaped', async () => {
    const root = Buffer.from(join(tmp, 'names'));
    mkdirSync(root, { recursive: true });
    const bad = Buffer.concat([root, Buffer.from('/caf'), Buffer.from([0xe9]), Buffer.from('.txt')]);
    writeFileSync(bad, 'zzhc.vnet.cn');
    const w = await walkInput(root.toString());
    expect(w.files.map((f) => f.relPath)).toEqual(['caf\\xe9.txt']);
    expect(w.files[0].abs.equals(bad)).toBe(true);
    expect(displayName(Buffer.from('ok-é'))).toBe('ok-é');
  });

  it('very deep trees do not overflow', async () => {
    let dir = join(tmp, 'deep');
    const segs: string[] = [];
    for (let i = 0; i < 300; i++) segs.push('d');
    dir = join(dir, ...segs);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'f'), 'x');
    const w = await walkInput(join(tmp, 'deep'));
    expect(w.files).toHaveLength(1);
  });

  it('a single file input', async () => {
    const f = join(tmp, 'one.apk');
    writeFileSync(f, 'x');
    const w = await walkInput(f);
    expect(w.files.map((x) => [x.relPath, x.partitionPath])).toEqual([['one.apk', 'one.apk']]);
  });
});
