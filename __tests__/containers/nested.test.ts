/**
 * Containers inside containers, and the clear reasons for what cannot be read: APEX payloads (in
 * a folder and inside a system image), vdex files, deflated entries spilled to temporary files,
 * an EROFS file compressed with an unsupported algorithm, a delta OTA, and the depth and
 * inflation caps.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { haveTools, IMAGES, ROOT, run, scanInputs, warnMissing } from './helpers.js';
import { tempDir } from '../helpers/temp.js';

const img = (...p: string[]): string => join(IMAGES, ...p);

describe('APEX', () => {
  it('an APK inside apex_payload.img (ext4, STORED in the APEX zip) is found', async () => {
    const r = await scanInputs([img('apex', 'com.acme.fixture.apex')]);
    const t = r.targets[0];
    expect(t.unreadable).toEqual([]);
    const p = t.packages.find((x) => x.package === 'com.acme.fixture.dexonly')!;
    expect(p.path).toBe('com.acme.fixture.apex!/apex_payload.img!/app/DexOnly/DexOnly.apk');
    const ep = t.endpoints.find((e) => e.value === 'dex-only.acme-cn.com.cn')!;
    expect(ep.evidence[0]).toMatchObject({ path: p.path, entry: 'classes.dex', source: 'dex' });
  });

  it('an APEX inside a system image: APK in image in zip in image', async () => {
    const r = await scanInputs([img('apex', 'system.img')]);
    const t = r.targets[0];
    expect(t.unreadable).toEqual([]);
    const p = t.packages.find((x) => x.package === 'com.acme.fixture.dexonly')!;
    expect(p.path).toBe('system.img!/apex/com.acme.fixture.apex!/apex_payload.img!/app/DexOnly/DexOnly.apk');
    expect(p.partition).toBe('system');
    expect(p.partitionPath).toBe('system/apex/com.acme.fixture.apex!/apex_payload.img!/app/DexOnly/DexOnly.apk');
  });

  it('past the container depth cap the payload is not opened (and nothing throws)', async () => {
    const r = await scanInputs([img('apex', 'system.img')], { maxContainerDepth: 1 });
    expect(r.targets[0].packages.map((p) => p.package)).not.toContain('com.acme.fixture.dexonly');
  });
});

describe('vdex', () => {
  it('the DEX files a vdex 027 embeds are scanned as DEX, at the same offsets as in the APK', async () => {
    const apk = (await scanInputs([join('__tests__', 'fixtures', 'apks', 'autoregistration-cn.apk')])).targets[0];
    const inApk = apk.endpoints.find((e) => e.value === 'zzhc.vnet.cn')!.evidence[0];
    const t = (await scanInputs([img('vdex', 'AutoRegistration.vdex')])).targets[0];
    expect(t.unreadable).toEqual([]);
    const ev = t.endpoints.find((e) => e.value === 'zzhc.vnet.cn')!.evidence[0];
    expect(ev).toEqual({ path: 'AutoRegistration.vdex', entry: 'classes.dex', source: 'dex', offset: inApk.offset });
    const second = t.endpoints.find((e) => e.value === 'dex-only.acme-cn.com.cn')!.evidence[0];
    expect(second).toMatchObject({ entry: 'classes2.dex', source: 'dex' });
  });

  it('a DEX whose strings hold compact DEX\'s magic ("cdex001") is still read as DEX, in both layouts', async () => {
    for (const name of ['CdexString.vdex', 'CdexString-v021.vdex']) {
      const vdex = readFileSync(img('vdex', name));
      expect(vdex.includes('cdex001\0')).toBe(true);
      const t = (await scanInputs([img('vdex', name)])).targets[0];
      const url = 'http://selfreg.acme-cn.com.cn/register';
      expect(t.endpoints.find((e) => e.value === 'selfreg.acme-cn.com.cn')!.evidence).toEqual([
        { path: name, entry: 'classes.dex', source: 'dex', offset: vdex.indexOf(url) - vdex.indexOf('dex\n035\0') },
      ]);
    }
  });

  it('the older layout (021, dex section after the checksums)', async () => {
    const t = (await scanInputs([img('vdex', 'AutoRegistration-v021.vdex')])).targets[0];
    expect(t.endpoints.find((e) => e.value === 'zzhc.vnet.cn')!.evidence[0]).toMatchObject({ entry: 'classes.dex', source: 'dex' });
  });
});

describe('deflated entries spill to a temporary file past the threshold', () => {
  it('same packages with every entry spilled, and no temporary file left behind', async () => {
    const before = readdirSync(tmpdir()).filter((n) => n.startsWith('activation-gate-spill-')).length;
    const inMemory = await scanInputs([img('sample', 'target-files.zip')]);
    const spilled = await scanInputs([img('sample', 'target-files.zip')], { spillThresholdBytes: 0 });
    expect(spilled.targets[0].unreadable).toEqual([]);
    expect(spilled.targets[0].packages).toEqual(inMemory.targets[0].packages);
    expect(spilled.targets[0].endpoints).toEqual(inMemory.targets[0].endpoints);
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('activation-gate-spill-')).length).toBe(before);
  });

  it('an entry larger than the spill cap is reported, the rest is scanned', async () => {
    const r = await scanInputs([img('sample', 'target-files.zip')], { spillThresholdBytes: 0, maxSpillBytes: 5000 });
    const t = r.targets[0];
    expect(t.unreadable.some((u) => /past the 5000-byte cap/.test(u.reason))).toBe(true);
    expect(t.endpoints.map((e) => e.value)).toContain('ntp.acme.eu'); // SYSTEM/etc/acme-endpoints.json, small, still read
  });
});

describe('what cannot be read says why, and the rest is still scanned', () => {
  it('EROFS with an unsupported compression algorithm (LZMA): that file only', async () => {
    const t = (await scanInputs([img('broken', 'erofs-lzma.img')])).targets[0];
    expect(t.unreadable).toEqual([
      expect.objectContaining({ path: 'erofs-lzma.img!/etc/big.txt', format: 'erofs', reason: expect.stringMatching(/unsupported compression LZMA/) }),
    ]);
    expect(t.endpoints.map((e) => e.value)).toContain('plain.acme.eu');
    if (haveTools('fsck.erofs')) {
      // The real tool cannot read that file either.
      const out = mkdtempSync(join(tmpdir(), 'ag-lzma-'));
      expect(() => run('fsck.erofs', [`--extract=${out}`, img('broken', 'erofs-lzma.img')])).toThrow();
      rmSync(out, { recursive: true, force: true });
    } else warnMissing('fsck.erofs oracle for the LZMA image', ['fsck.erofs']);
  });

  it('a delta OTA: each partition is unreadable with the reason', async () => {
    const r = await scanInputs([img('broken', 'delta-ota.zip')]);
    expect(r.targets[0].unreadable).toEqual([
      expect.objectContaining({ path: 'delta-ota.zip!/payload.bin!/system', reason: expect.stringMatching(/^delta OTA: operation SOURCE_COPY needs the source build's system partition/) }),
    ]);
    expect(r.findings.some((f) => f.rule === 'unreadable-artifact')).toBe(true);
  });

  it('the inflation budget: decompression stops with a reason, nothing throws', async () => {
    const ota = await scanInputs([img('sample', 'ota.zip')], { maxFileInflatedBytes: 20_000 });
    expect(ota.targets[0].unreadable.some((u) => /inflation budget is spent/.test(u.reason))).toBe(true);
    const erofs = await scanInputs([img('sample', 'erofs-lz4hc')], { maxFileInflatedBytes: 1_000 });
    expect(erofs.targets[0].unreadable.some((u) => /inflation budget is spent/.test(u.reason))).toBe(true);
  });

  it('a product-out folder with images duplicating its partition folders skips them, as before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ag-po-'));
    try {
      run('cp', ['-a', `${join(import.meta.dirname, '..', '..', 'sample', 'out', '600E0')}/.`, dir]);
      copyFileSync(img('sample', 'ext4', 'system.img'), join(dir, 'system.img'));
      const r = await scanInputs([dir]);
      expect(r.targets[0].skipped).toContainEqual({ path: 'system.img', reason: expect.stringMatching(/image duplicating the system\/ folder/) });
      expect(r.targets[0].packages.every((p) => !p.path.includes('!/'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a super image beside partition folders', () => {
  it('is read, but not its partitions the folder also has: a partition only the image holds is scanned', async () => {
    const dir = tempDir('ag-po-super-');
    mkdirSync(join(dir, 'system'));
    writeFileSync(join(dir, 'system', 'build.prop'), 'ro.product.name=Onyx_00EEA\n');
    copyFileSync(img('sample', 'super.img'), join(dir, 'super.img'));
    const paths = (r: Awaited<ReturnType<typeof scanInputs>>): string[] => [...r.targets[0].packages.map((p) => p.path), ...r.targets[0].endpoints.flatMap((e) => e.evidence.map((x) => x.path))];
    const one = await scanInputs([dir]);
    expect(one.targets[0].skipped).toContainEqual({ path: 'super.img!/system_a', reason: 'duplicating the system/ folder' });
    expect(one.targets[0].skipped.map((x) => x.path)).not.toContain('super.img!/vendor_a');
    expect(paths(one).some((p) => p.startsWith('super.img!/product_a'))).toBe(true);
    expect(paths(one).some((p) => p.startsWith('super.img!/system_a'))).toBe(false);
    // With a vendor/ folder too, the image's vendor_a is not read again either.
    mkdirSync(join(dir, 'vendor'));
    const two = await scanInputs([dir]);
    expect(two.targets[0].skipped).toContainEqual({ path: 'super.img!/vendor_a', reason: 'duplicating the vendor/ folder' });
    expect(paths(two).some((p) => p.startsWith('super.img!/product_a'))).toBe(true);
  });
});

describe('images of a target-files zip (made by zip)', () => {
  const withZip = haveTools('zip', 'mke2fs') ? it : it.skip;
  if (!haveTools('zip', 'mke2fs')) warnMissing('images of a target-files zip', ['zip', 'mke2fs']);

  withZip('IMAGES/super.img is read but for its partitions the zip has as folders; userdata, cache and vbmeta are read unless their folders are there, and so is a product-out folder\'s vbmeta.img (a name alone hid them)', async () => {
    const dir = tempDir('ag-tf-images-');
    const zipOf = (name: string, files: Record<string, string>): string => {
      const src = join(dir, name);
      for (const [rel, from] of Object.entries(files)) {
        mkdirSync(join(src, rel, '..'), { recursive: true });
        if (from.startsWith('/')) copyFileSync(from, join(src, rel));
        else writeFileSync(join(src, rel), from);
      }
      execFileSync('zip', ['-q', '-r', '-X', join(dir, `${name}.zip`), '.'], { cwd: src });
      return join(dir, `${name}.zip`);
    };
    const paths = (r: Awaited<ReturnType<typeof scanInputs>>): string[] => r.targets[0].packages.map((p) => p.path);
    // super.img: system_a holds the sample system (the client); only VENDOR/ is a folder.
    const sup = await scanInputs([zipOf('super', { 'VENDOR/build.prop': 'ro.vendor.x=1\n', 'IMAGES/super.img': img('sample', 'super.img') })]);
    expect(sup.targets[0].skipped).toContainEqual({ path: 'super.zip!/IMAGES/super.img!/vendor_a', reason: 'duplicating the vendor/ folder' });
    expect(paths(sup)).toContain('super.zip!/IMAGES/super.img!/system_a!/priv-app/AutoRegistration/AutoRegistration.apk');
    // An ext4 image holding the client, named as an image without files of its own.
    const tree = join(dir, 'tree');
    mkdirSync(join(tree, 'priv-app', 'AutoRegistration'), { recursive: true });
    copyFileSync(join(ROOT, 'sample', 'out', '600E0', 'system', 'priv-app', 'AutoRegistration', 'AutoRegistration.apk'), join(tree, 'priv-app', 'AutoRegistration', 'AutoRegistration.apk'));
    const client = join(dir, 'client.img');
    run('mke2fs', ['-q', '-F', '-t', 'ext4', '-b', '4096', '-O', '^has_journal', '-d', tree, client, '8M']);
    for (const name of ['userdata', 'cache', 'vbmeta', 'vbmeta_system']) {
      const r = await scanInputs([zipOf(name, { 'SYSTEM/build.prop': 'ro.a=1\n', [`IMAGES/${name}.img`]: client })]);
      expect(paths(r)).toEqual([`${name}.zip!/IMAGES/${name}.img!/priv-app/AutoRegistration/AutoRegistration.apk`]);
    }
    // Beside its folder, userdata.img is what DATA/ holds: skipped, as in a product-out folder.
    const data = await scanInputs([zipOf('data', { 'SYSTEM/build.prop': 'ro.a=1\n', 'DATA/app/.keep': 'x\n', 'IMAGES/userdata.img': client })]);
    expect(data.targets[0].skipped).toContainEqual({ path: 'data.zip!/IMAGES/userdata.img', reason: 'image duplicating the DATA/ folder' });
    // A product-out folder's vbmeta.img is read too (it was skipped by its name).
    const po = join(dir, 'po');
    mkdirSync(join(po, 'system'), { recursive: true });
    writeFileSync(join(po, 'system', 'build.prop'), 'ro.a=1\n');
    copyFileSync(client, join(po, 'vbmeta.img'));
    expect(paths(await scanInputs([po]))).toEqual(['vbmeta.img!/priv-app/AutoRegistration/AutoRegistration.apk']);
  });
});

describe('the bundled CLI (dist/cli.js)', () => {
  const cli = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
  const bundle = ((): string => {
    try {
      return readFileSync(cli, 'utf8');
    } catch {
      return '';
    }
  })();
  if (!bundle.includes('CrAU')) {
    console.warn('SKIPPED bundled-CLI OTA test: dist/cli.js is missing or predates container support; run `npm run package`');
    it.skip('dist/cli.js predates container support', () => undefined);
    return;
  }
  it('reads a full OTA: the payload codecs (dynamic imports) load inside the single-file bundle', () => {
    const out = run('node', [cli, 'scan', img('sample', 'ota.zip'), '--policy', join(ROOT, 'sample', 'activation-gate.yml'), '--fail-on', 'never', '--format', 'json']);
    const report = JSON.parse(out) as { targets: { packages: { partitionPath: string }[]; unreadable: unknown[] }[] };
    expect(report.targets[0].unreadable).toEqual([]);
    expect(report.targets[0].packages.map((p) => p.partitionPath)).toContain('system/priv-app/AutoRegistration/AutoRegistration.apk');
  });
});
