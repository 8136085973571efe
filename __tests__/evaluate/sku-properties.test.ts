/**
 * Which properties a SKU has, as init gives them (a review found each of these decided the market
 * wrongly, so that the China Telecom client passed in an EU build): `import` lines of property
 * files (followed, with their filter; a path taking a boot property's value names one file per
 * SKU, as MIUI's `import /vendor/build_${ro.boot.product.hardware.sku}.prop`), `.prop` files in a
 * CDA folder that is no SKU's (Android loads none), an init.sku file's `setprop` of an `ro.`
 * property the build already set (init refuses it), and an overlay whose required value is a
 * resource reference (taken as enabled). Builds are laid out in a temporary folder from the real
 * APK fixtures (aapt, smali); the overlay with a reference is made by aapt.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { Report } from '../../src/report/model.js';
import { haveTools } from '../containers/helpers.js';
import { scanIn } from '../helpers/scan.js';
import { put, tempDir } from '../helpers/temp.js';

const APKS = join(import.meta.dirname, '..', 'fixtures', 'apks');
const POLICY = 'version: 1\nskus:\n  "600E0": EU\n  "600CN": CN\n  "*_00EEA": EU\n  "*_00CN": CN\n  "*_00WW": WW\nsku-from: [ro.cda.skuid.id, ro.product.vendor.name, ro.product.name]\n';

/** A build under `root/build` with the files given, the client installed unless `client` is false, and the policy above. */
function build(files: Record<string, string>, client = true): string {
  const root = tempDir('ag-sku-props-');
  const apk = join(root, 'build/system/priv-app/AutoRegistration/AutoRegistration.apk');
  mkdirSync(dirname(apk), { recursive: true });
  if (client) copyFileSync(join(APKS, 'autoregistration-cn.apk'), apk);
  for (const [rel, text] of Object.entries(files)) put(join(root, 'build', rel), text);
  put(join(root, 'policy.yml'), POLICY);
  return root;
}

const scanned = (root: string): Promise<Report> => scanIn(root, { market: undefined, policyFile: 'policy.yml', failOn: 'error' });

/** [target id, market, file:line that decided] of each target. */
const targets = (r: Report) => r.targets.map((t) => [t.id, t.market ?? null, t.build.resolvedBy?.file ? `${t.build.resolvedBy.file}:${t.build.resolvedBy.line}` : null]);

/** The error rules of a target. */
const errors = (r: Report, target: string) => r.findings.filter((f) => f.target === target && f.severity === 'error').map((f) => f.rule);

describe('import lines of property files', () => {
  it('are followed where they stand: what the imported file sets decides, and only the keys its filter names', async () => {
    const root = build({
      'system/build.prop': 'ro.product.name=Onyx_00WW\nro.build.version.sdk=30\n',
      'vendor/build.prop': 'ro.cda.skuid.id=600CN\nimport /vendor/etc/sku_eu.prop\nimport /vendor/etc/names.prop ro.product.vendor.*\n',
      'vendor/etc/sku_eu.prop': '# the SKU the device is\nro.cda.skuid.id=600E0\n',
      'vendor/etc/names.prop': 'ro.product.vendor.name=Onyx_00EEA\nro.cda.skuid.id=600CN\n',
    });
    const r = await scanned(root);
    expect(targets(r)).toEqual([['600E0@build', 'EU', 'vendor/etc/sku_eu.prop:2']]);
    expect(errors(r, '600E0@build')).toContain('wrong-market-client');
    // The filtered import loaded its vendor name, not its CN SKU id (which would come last).
    expect(r.targets[0].build.resolvedBy?.value).toBe('600E0');
    expect(r.verdict).toBe('fail');
  });

  it('a fixed path that names no property file of the build is unreadable, saying which line; the rest still resolves', async () => {
    const root = build({
      'system/build.prop': 'ro.product.name=Onyx_00CN\nimport /system/etc/sku.conf\n',
      'system/etc/sku.conf': 'ro.product.name=Onyx_00EEA\n',
    });
    const r = await scanned(root);
    expect(targets(r)).toEqual([['Onyx_00CN@build', 'CN', 'system/build.prop:1']]);
    expect(r.targets[0].unreadable).toEqual([
      { path: 'system/build.prop', format: 'prop', reason: 'line 2 imports /system/etc/sku.conf, which is not a property file this scan read (files named *.prop are): what it sets is unknown' },
    ]);
    expect(errors(r, 'Onyx_00CN@build')).toContain('unreadable-artifact');
    expect(r.verdict).toBe('fail');
  });

  it('a path that takes a boot property\'s value names one SKU per file it can be (MIUI\'s vendor and ODM SKU files), each seeing only its own', async () => {
    const root = build({
      'system/build.prop': 'ro.product.name=Onyx_00WW\nro.build.version.sdk=30\n',
      'vendor/build.prop': 'ro.product.vendor.name=Onyx_00WW\nimport /vendor/build_${ro.boot.product.hardware.sku}.prop\n',
      'vendor/odm/etc/build.prop': 'import /odm/etc/build_${ro.boot.product.hardware.sku}.prop\n',
      'vendor/build_eea.prop': 'ro.product.vendor.name=Onyx_00EEA\n',
      'vendor/odm/etc/build_eea.prop': 'ro.odm.sku.note=eea\n',
      'vendor/build_cn.prop': 'ro.product.vendor.name=Onyx_00CN\n',
    });
    const r = await scanned(root);
    expect(targets(r)).toEqual([
      // The device whose boot SKU names no file: the build's own properties.
      ['Onyx_00WW@build', 'WW', 'vendor/build.prop:1'],
      ['cn@build', 'CN', 'vendor/build_cn.prop:1'],
      ['eea@build', 'EU', 'vendor/build_eea.prop:1'],
    ]);
    expect(errors(r, 'eea@build')).toContain('wrong-market-client');
    expect(errors(r, 'cn@build')).not.toContain('wrong-market-client');
  });
});

describe('import lines as init splits them, and imports past bounds', () => {
  it('the filter is the rest of the line after the first space (a second word makes it match no key); a tab is part of the path', async () => {
    const spaced = await scanned(
      build({
        'vendor/build.prop': 'ro.cda.skuid.id=600E0\nimport /vendor/etc/sku.prop ro.cda.skuid.id optional\n',
        'vendor/etc/sku.prop': 'ro.cda.skuid.id=600CN\n',
      }),
    );
    expect(targets(spaced)).toEqual([['600E0@build', 'EU', 'vendor/build.prop:1']]);
    const tabbed = await scanned(
      build({
        'vendor/build.prop': 'ro.cda.skuid.id=600E0\nimport /vendor/etc/sku.prop\tro.cda.skuid.id\n',
        'vendor/etc/sku.prop': 'ro.cda.skuid.id=600CN\n',
      }),
    );
    expect(targets(tabbed)).toEqual([['600E0@build', 'EU', 'vendor/build.prop:1']]);
    // init looks for a file named with the tab in it: none here, so what it sets is unknown.
    expect(tabbed.targets[0].unreadable.map((u) => u.reason)).toEqual([expect.stringMatching(/^line 2 imports \/vendor\/etc\/sku\.prop\tro\.cda\.skuid\.id, which is not a property file/)]);
  });

  it('files that import each other six times over (6^9 loads) stop at the bound, saying so once per line, and the rest resolves', async () => {
    const files: Record<string, string> = { 'vendor/build.prop': 'ro.cda.skuid.id=600E0\n' + 'import /vendor/etc/f1.prop\n'.repeat(6) };
    for (let n = 1; n <= 9; n++) files[`vendor/etc/f${n}.prop`] = `x.f${n}=1\n` + `import /vendor/etc/f${n + 1}.prop\n`.repeat(6);
    files['vendor/etc/f10.prop'] = 'x.last=1\n';
    // And ten SKU files that each import any SKU file: 10! orders.
    for (let n = 1; n <= 10; n++) files[`vendor/etc/sku/s${n}.prop`] = 'import /vendor/etc/sku/${ro.boot.sku}.prop\n';
    files['system/build.prop'] = 'import /vendor/etc/sku/${ro.boot.sku}.prop\n';
    const started = Date.now();
    const r = await scanned(build(files));
    expect(Date.now() - started).toBeLessThan(20_000); // 6^9 loads would exhaust the heap
    // Each target (the build, and each SKU file a ${} import can name) reports the input's.
    const reasons = r.targets[0].unreadable.map((u) => `${u.path} ${u.reason}`);
    expect(r.targets.every((t) => t.unreadable.length === reasons.length)).toBe(true);
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.every((x) => /nested more than 8 imports deep|past the 1000 files or 200000 properties imports may load in all/.test(x))).toBe(true);
    expect(new Set(reasons).size).toBe(reasons.length);
    expect(r.targets.find((t) => t.id === '600E0@build')?.market).toBe('EU');
  });
});

describe('property files Android does not load, and setprops init refuses', () => {
  it('a .prop file in a CDA folder that is no SKU\'s decides nothing', async () => {
    const root = build({
      'system/build.prop': 'ro.product.name=Onyx_00EEA\n',
      'system/etc/cda/common/sku.prop': 'ro.cda.skuid.id=600CN\n',
    });
    const r = await scanned(root);
    expect(targets(r)).toEqual([['Onyx_00EEA@build', 'EU', 'system/build.prop:1']]);
    expect(errors(r, 'Onyx_00EEA@build')).toContain('wrong-market-client');
  });

  it('an init.sku file\'s setprop of an ro. property the build set is refused: the CN overlay the build\'s value enables stays in that SKU', async () => {
    const root = build({
      'system/build.prop': 'ro.product.name=Onyx_00WW\n',
      'vendor/build.prop': 'ro.cda.skuid.id=600CN\n',
      'vendor/etc/init/init.sku.600E0.rc': 'on early-init\n    setprop ro.cda.skuid.id 600E0\n    setprop persist.sys.sku.note eea\n',
    });
    copyFileSync(join(APKS, 'overlay-cn.apk'), put(join(root, 'build/product/overlay/Cn.apk'), ''));
    const r = await scanned(root);
    const e0 = r.targets.find((t) => t.id === '600E0@build');
    expect(e0?.market).toBe('EU');
    // overlay-cn requires ro.cda.skuid.id=600CN: the device keeps the build's 600CN.
    expect(e0?.packages.map((p) => p.package)).toContain('com.evenwell.autoregistration.overlay.base.s600cn');
    expect(errors(r, '600E0@build')).toContain('wrong-market-client');
  });
});

describe('lines of a property file init does not read', () => {
  // init's LoadProperties walks the file as a C string, trims C's whitespace only and sets no
  // property with an illegal name or a value that is not UTF-8. Each line below would decide the
  // SKU as CN (product/etc/build.prop is loaded last on Android 10) if it were read.
  const base = { 'system/build.prop': 'ro.build.version.sdk=33\nro.product.name=Onyx_00WW\n', 'vendor/build.prop': 'ro.cda.skuid.id=600E0\n' };
  const cases: [string, Buffer][] = [
    ['a NUL byte ends the file (the line that holds it and those after it)', Buffer.from('ro.product.locale=en-US\n\0\nro.cda.skuid.id=600CN\n')],
    ['a NUL byte inside a line', Buffer.from('ro.product.locale=en-US\0\nro.cda.skuid.id=600CN\n')],
    ['a no-break space before the key is part of it (an illegal name)', Buffer.from('\u00a0ro.cda.skuid.id=600CN\n')],
    ['a byte-order mark before the key', Buffer.from('\ufeffro.cda.skuid.id=600CN\n')],
    ['an ideographic space after the key', Buffer.from('ro.cda.skuid.id\u3000=600CN\n')],
    ['a value that is not UTF-8', Buffer.concat([Buffer.from('ro.cda.skuid.id=600CN'), Buffer.from([0xff]), Buffer.from('\n')])],
  ];
  it.each(cases)('%s: the EU SKU the device is decides, and the CN client fails it', async (_name, product) => {
    const root = build(base);
    put(join(root, 'build/product/etc/build.prop'), product);
    const r = await scanned(root);
    expect(targets(r)).toEqual([['600E0@build', 'EU', 'vendor/build.prop:1']]);
    expect(errors(r, '600E0@build')).toContain('wrong-market-client');
    expect(r.verdict).toBe('fail');
  });

  it('what init does trim (tabs, CR, VT, FF around the key and value) is trimmed: that line decides', async () => {
    const root = build(base);
    put(join(root, 'build/product/etc/build.prop'), '\t\v ro.cda.skuid.id\f =\t600CN \r\n');
    const r = await scanned(root);
    expect(targets(r)).toEqual([['600CN@build', 'CN', 'product/etc/build.prop:1']]);
  });
});

describe('setprops of init .rc files', () => {
  it('one that runs at every boot sets a SKU id no property file sets (the device is EU, and the CN client fails it); not one a property file set', async () => {
    // The build's name says CN; init sets the SKU id to the EU one at early-init.
    const root = build({
      'system/build.prop': 'ro.build.version.sdk=30\nro.product.name=Onyx_00CN\n',
      'vendor/etc/init/hw/init.acme.rc': '# SKU\non early-init\n    setprop ro.cda.skuid.id 600E0\n\non property:sys.boot_completed=1\n    setprop ro.cda.skuid.id 600CN\n',
    });
    const r = await scanned(root);
    expect(targets(r)).toEqual([['600E0@build', 'EU', 'vendor/etc/init/hw/init.acme.rc:3']]);
    expect(errors(r, '600E0@build')).toContain('wrong-market-client');
    expect(r.verdict).toBe('fail');

    // One of an ro. property a property file sets is refused (init sets ro. once).
    const refused = build({
      'system/build.prop': 'ro.build.version.sdk=30\nro.product.name=Onyx_00WW\n',
      'vendor/build.prop': 'ro.cda.skuid.id=600E0\n',
      'system/etc/init/sku.rc': 'on boot\n    setprop ro.cda.skuid.id 600CN\non boot && property:ro.boot.hwc=CN\n    setprop ro.product.vendor.name Onyx_00CN\n',
    });
    const r2 = await scanned(refused);
    // The device whose bootloader says CN gets ro.product.vendor.name Onyx_00CN: a SKU, which its SKU id still makes EU.
    expect(targets(r2)).toEqual([
      ['600E0@build', 'EU', 'vendor/build.prop:1'],
      ['Onyx_00CN@build', 'EU', 'vendor/build.prop:1'],
    ]);
    expect(errors(r2, '600E0@build')).toContain('wrong-market-client');
    expect(errors(r2, 'Onyx_00CN@build')).toContain('wrong-market-client');
  });

  it('are read as init tokenizes them: a comment after the value, quotes, a continued line; a setprop of three arguments is refused', async () => {
    const rc = (body: string) => build({ 'system/build.prop': 'ro.build.version.sdk=33\nro.product.name=Onyx_00CN\n', 'vendor/etc/init/sku.rc': `on early-init\n${body}` });
    for (const body of ['    setprop ro.cda.skuid.id 600E0 # the EU SKU\n', '    setprop ro.cda.skuid.id "600E0"\n', '    setprop ro.cda.skuid.id \\\n        600E0\n', '    setprop "ro.cda.skuid.id" 600"E0"\n']) {
      const r = await scanned(rc(body));
      expect([body, targets(r)]).toEqual([body, [['600E0@build', 'EU', 'vendor/etc/init/sku.rc:2']]]);
      expect(errors(r, '600E0@build')).toContain('wrong-market-client');
    }
    // Three arguments: init refuses the command, the device keeps no SKU id.
    const three = await scanned(rc('    setprop ro.cda.skuid.id 600E0 extra\n'));
    expect(targets(three)).toEqual([['Onyx_00CN@build', 'CN', 'system/build.prop:2']]);
  });

  it('one whose value init expands at boot (${ro.boot.skuid}) leaves the market unresolved: no later key decides', async () => {
    const r = await scanned(build({ 'system/build.prop': 'ro.build.version.sdk=33\nro.product.name=Onyx_00CN\n', 'vendor/etc/init/sku.rc': 'on early-init\n    setprop ro.cda.skuid.id ${ro.boot.skuid}\n' }));
    expect(targets(r)).toEqual([['unresolved@build', null, null]]);
    expect(errors(r, 'unresolved@build')).toContain('unresolved-market');
    expect(r.findings.find((f) => f.rule === 'unresolved-market')?.message).toContain('${ro.boot.skuid}');
    expect(r.verdict).toBe('fail');
  });

  it('an .rc file outside init\'s folders counts when an init file imports it (conditional setprops too), and not otherwise', async () => {
    const root = build({
      'system/build.prop': 'ro.build.version.sdk=33\nro.product.name=Onyx_00CN\n',
      'vendor/etc/init/hw/init.acme.rc': 'import /vendor/etc/acme/sku.rc\nimport /vendor/etc/acme/${ro.boot.hwc}.rc\n',
      'vendor/etc/acme/sku.rc': 'on early-init\n    setprop ro.cda.skuid.id 600E0\n',
      'vendor/etc/acme/EU.rc': 'on property:sys.boot_completed=1\n    setprop ro.product.vendor.name Onyx_00EEA\n',
      // Imported by nothing: init never reads it.
      'system/etc/acme/unused.rc': 'on early-init\n    setprop ro.cda.skuid.id 600CN\non property:a=b\n    setprop ro.product.vendor.name Onyx_00CN\n',
    });
    const r = await scanned(root);
    // EU.rc, which the import names by a boot value, is a SKU (its SKU id still 600E0); unused.rc's conditional setprop is none.
    expect(targets(r)).toEqual([
      ['600E0@build', 'EU', 'vendor/etc/acme/sku.rc:2'],
      ['Onyx_00EEA@build', 'EU', 'vendor/etc/acme/sku.rc:2'],
    ]);
    expect(errors(r, '600E0@build')).toContain('wrong-market-client');
    // The CN setprop alone, imported by nothing: the build stays what its name says.
    const unused = await scanned(build({ 'system/build.prop': 'ro.build.version.sdk=33\nro.product.name=Onyx_00EEA\n', 'system/etc/acme/unused.rc': 'on early-init\n    setprop ro.cda.skuid.id 600CN\n' }));
    expect(targets(unused)).toEqual([['Onyx_00EEA@build', 'EU', 'system/build.prop:2']]);
  });

  it('an APEX\'s etc/*.rc is read from post-fs-data on: its `on boot` setprop sets the SKU id, its `on early-init` one never runs', async () => {
    const root = build({
      'system/build.prop': 'ro.build.version.sdk=33\nro.product.name=Onyx_00CN\n',
      'system/apex/com.acme.sku/etc/sku.rc': 'on early-init\n    setprop ro.product.vendor.name Onyx_00CN\non boot\n    setprop ro.cda.skuid.id 600E0\n',
      // Not read by init: an APEX's etc/init folder.
      'system/apex/com.acme.sku/etc/init/other.rc': 'on boot\n    setprop ro.cda.skuid.id 600CN\n',
    });
    const r = await scanned(root);
    expect(targets(r)).toEqual([['600E0@build', 'EU', 'system/apex/com.acme.sku/etc/sku.rc:4']]);
    expect(errors(r, '600E0@build')).toContain('wrong-market-client');
  });

  it('one under a property trigger (the bootloader decides) is a SKU the build may become: its EU target fails, the build as its name says is one more', async () => {
    const root = build({
      'system/build.prop': 'ro.build.version.sdk=30\nro.product.name=Onyx_00CN\n',
      'vendor/etc/init/hw/init.acme.rc':
        'on early-init\n    setprop persist.acme.region auto\n\non property:ro.boot.hwc=EU\n    setprop ro.cda.skuid.id 600E0\n\non property:sys.boot_completed=1\n    setprop persist.sys.acme 1\n',
      // A trigger that sets an ro. property the build set is refused: no SKU.
      'system/etc/init/other.rc': 'on property:ro.boot.hwc=XX\n    setprop ro.product.name Onyx_00EEA\n',
    });
    const r = await scanned(root);
    expect(targets(r)).toEqual([
      ['600E0@build', 'EU', 'vendor/etc/init/hw/init.acme.rc:5'],
      ['Onyx_00CN@build', 'CN', 'system/build.prop:2'],
    ]);
    expect(errors(r, '600E0@build')).toContain('wrong-market-client');
    expect(errors(r, 'Onyx_00CN@build')).toEqual([]);
    expect(r.verdict).toBe('fail');
  });
});

describe('a partition\'s property file in both its places (product/build.prop and product/etc/build.prop)', () => {
  // init loads one of them: Android 10 and 11 /product/build.prop (and /system_ext/build.prop),
  // Android 12 and later /product/etc/build.prop, the legacy file only where that is missing.
  it('Android 12 and later: the legacy file beside etc/build.prop decides nothing, so the EU SKU fails the CN client', async () => {
    const r = await scanned(
      build({
        'system/build.prop': 'ro.build.version.sdk=33\nro.product.name=Onyx_00WW\n',
        'vendor/build.prop': 'ro.cda.skuid.id=600E0\n',
        'product/etc/build.prop': 'ro.product.product.name=Onyx_00EEA\n',
        'product/build.prop': 'ro.cda.skuid.id=600CN\n',
        'system_ext/etc/build.prop': 'ro.system_ext.build.version.sdk=33\n',
        'system_ext/build.prop': 'ro.cda.skuid.id=600CN\n',
      }),
    );
    expect(targets(r)).toEqual([['600E0@build', 'EU', 'vendor/build.prop:1']]);
    expect(errors(r, '600E0@build')).toContain('wrong-market-client');
    expect(r.verdict).toBe('fail');
  });

  it('Android 11: etc/build.prop of product and system_ext decides nothing (not loaded), their build.prop does', async () => {
    const files = {
      'system/build.prop': 'ro.build.version.sdk=30\nro.product.name=Onyx_00WW\n',
      'vendor/build.prop': 'ro.cda.skuid.id=600E0\n',
      'product/etc/build.prop': 'ro.cda.skuid.id=600CN\n',
      'system_ext/etc/build.prop': 'ro.cda.skuid.id=600CN\n',
    };
    const r = await scanned(build(files));
    expect(targets(r)).toEqual([['600E0@build', 'EU', 'vendor/build.prop:1']]);
    expect(errors(r, '600E0@build')).toContain('wrong-market-client');
    // Where no etc/build.prop is there, the legacy file is what every version loads.
    // Android 10's product_services/build.prop, loaded last (11 and later have none).
    const q = { 'system/build.prop': 'ro.build.version.sdk=29\nro.product.name=Onyx_00CN\n', 'product_services/build.prop': 'ro.cda.skuid.id=600E0\n' };
    expect(targets(await scanned(build(q)))).toEqual([['600E0@build', 'EU', 'product_services/build.prop:1']]);
    expect(targets(await scanned(build({ ...q, 'system/build.prop': 'ro.build.version.sdk=30\nro.product.name=Onyx_00CN\n' })))).toEqual([['Onyx_00CN@build', 'CN', 'system/build.prop:2']]);
    const legacy = await scanned(build({ ...files, 'product/etc/build.prop': '', 'product/build.prop': 'ro.cda.skuid.id=600CN\n' }));
    expect(targets(legacy)).toEqual([['600CN@build', 'CN', 'product/build.prop:1']]);
    // The ODM's: etc/build.prop with a vendor of Android 10 or later, else its legacy files.
    const odm = { 'odm/etc/build.prop': 'ro.cda.skuid.id=600CN\n', 'odm/build.prop': 'ro.cda.skuid.id=600E0\n' };
    const oldVendor = await scanned(build({ ...files, ...odm, 'vendor/build.prop': 'ro.vendor.build.version.sdk=28\n' }));
    expect(targets(oldVendor)).toEqual([['600E0@build', 'EU', 'odm/build.prop:1']]);
    const newVendor = await scanned(build({ ...files, ...odm, 'vendor/build.prop': 'ro.vendor.build.version.sdk=30\n' }));
    expect(targets(newVendor)).toEqual([['600CN@build', 'CN', 'odm/etc/build.prop:1']]);
  });
});

describe('the boot ramdisk\'s build.prop (system/etc/ramdisk/build.prop)', () => {
  // Android 12 and later load it first (LoadPropertiesFromSecondStageRes); 11 and earlier do not.
  const files = (sdk: string) => ({
    'system/build.prop': `ro.build.version.sdk=${sdk}\nro.product.name=Onyx_00CN\n`,
    'ramdisk/system/etc/ramdisk/build.prop': 'ro.bootimage.build.date.utc=0\nro.cda.skuid.id=600E0\n',
  });

  it('Android 12 and later: a SKU id it alone sets decides (the device is EU), and the CN client fails it', async () => {
    const r = await scanned(build(files('33')));
    expect(targets(r)).toEqual([['600E0@build', 'EU', 'ramdisk/system/etc/ramdisk/build.prop:2']]);
    expect(errors(r, '600E0@build')).toContain('wrong-market-client');
    expect(r.verdict).toBe('fail');
  });

  it('Android 11 and 9 do not load it, nor Android 9 the files only 10 and later load; a recovery ramdisk\'s decides nothing', async () => {
    expect(targets(await scanned(build(files('30'))))).toEqual([['Onyx_00CN@build', 'CN', 'system/build.prop:2']]);
    const nine = await scanned(build({ ...files('28'), 'system_ext/etc/build.prop': 'ro.cda.skuid.id=600CN\n', 'system/build.prop': 'ro.build.version.sdk=28\nro.product.name=Onyx_00EEA\n' }));
    expect(targets(nine)).toEqual([['Onyx_00EEA@build', 'EU', 'system/build.prop:2']]);
    expect(errors(nine, 'Onyx_00EEA@build')).toContain('wrong-market-client');
    const recovery = await scanned(build({ 'system/build.prop': 'ro.build.version.sdk=33\nro.product.name=Onyx_00EEA\n', 'recovery/root/ramdisk/system/etc/ramdisk/build.prop': 'ro.cda.skuid.id=600CN\n' }));
    expect(targets(recovery)).toEqual([['Onyx_00EEA@build', 'EU', 'system/build.prop:2']]);
  });
});

describe('default property files (system/etc/prop.default, prop.default, default.prop)', () => {
  const name = (sdk: string) => ({ 'system/build.prop': `ro.build.version.sdk=${sdk}\nro.product.name=Onyx_00EEA\n` });

  it('Android 12 and later read none of them (recovery only): a SKU id only prop.default sets decides nothing', async () => {
    const r = await scanned(build({ ...name('33'), 'system/etc/prop.default': 'ro.cda.skuid.id=600CN\n' }));
    expect(targets(r)).toEqual([['Onyx_00EEA@build', 'EU', 'system/build.prop:2']]);
    expect(errors(r, 'Onyx_00EEA@build')).toContain('wrong-market-client');
  });

  it('Android 11 and 9 read the first there is of the three, not the others', async () => {
    for (const sdk of ['30', '28']) {
      const r = await scanned(build({ ...name(sdk), 'system/etc/prop.default': 'ro.debuggable=0\n', 'default.prop': 'ro.cda.skuid.id=600CN\n' }));
      expect(targets(r)).toEqual([['Onyx_00EEA@build', 'EU', 'system/build.prop:2']]);
      const first = await scanned(build({ ...name(sdk), 'system/etc/prop.default': 'ro.cda.skuid.id=600CN\n' }));
      expect(targets(first)).toEqual([['600CN@build', 'CN', 'system/etc/prop.default:1']]);
    }
  });
});

describe('repeated definitions as the build\'s Android version reads them, and names init derives', () => {
  it('Android 9 (sdk 28): the first definition of an ro. property wins, across files in its load order and imports', async () => {
    // system/build.prop says EU; vendor/build.prop, loaded after it, says CN: init refused it.
    const r = await scanned(
      build({
        'system/build.prop': 'ro.build.version.sdk=28\nro.cda.skuid.id=600E0\n',
        'vendor/build.prop': 'ro.cda.skuid.id=600CN\n',
      }),
    );
    expect(targets(r)).toEqual([['600E0@build', 'EU', 'system/build.prop:2']]);
    expect(errors(r, '600E0@build')).toContain('wrong-market-client');
    expect(r.verdict).toBe('fail');
    // Android 9 loads /product/build.prop and /odm/default.prop before /system/build.prop (Android 10, after vendor).
    const early = await scanned(
      build({
        'system/build.prop': 'ro.build.version.sdk=28\nro.cda.skuid.id=600CN\n',
        'odm/default.prop': 'ro.cda.skuid.id=600E0\n',
        'vendor/build.prop': 'ro.cda.skuid.id=600CN\nimport /vendor/etc/sku.prop\n',
        'vendor/etc/sku.prop': 'ro.cda.skuid.id=600CN\n',
      }),
    );
    expect(targets(early)).toEqual([['600E0@build', 'EU', 'odm/default.prop:1']]);
    expect(errors(early, '600E0@build')).toContain('wrong-market-client');
  });

  it('the Android version unknown and the readings disagreeing: a target for each market, so that the EU one fails', async () => {
    const r = await scanned(
      build({
        'system/build.prop': 'ro.cda.skuid.id=600E0\n',
        'vendor/build.prop': 'ro.cda.skuid.id=600CN\n',
      }),
    );
    expect(targets(r)).toEqual([
      ['600CN@build', 'CN', 'vendor/build.prop:1'],
      ['600E0@build', 'EU', 'system/build.prop:1'],
    ]);
    expect(errors(r, '600E0@build')).toContain('wrong-market-client');
    expect(r.verdict).toBe('fail');
  });

  it('Android 10+: ro.product.name set by no file is derived from ro.product.<partition>.name; the report names the real definition', async () => {
    const r = await scanned(
      build({
        // Android 12 and later read product/etc/build.prop (11 reads product/build.prop).
        'system/build.prop': 'ro.build.version.sdk=33\nro.product.system.name=mainline\n',
        'vendor/build.prop': 'ro.product.vendor.brand=Onyx\n',
        'product/etc/build.prop': 'ro.product.product.name=Onyx_00EEA\n',
      }),
    );
    expect(targets(r)).toEqual([['Onyx_00EEA@build', 'EU', 'product/etc/build.prop:1']]);
    expect(r.targets[0].build.resolvedBy).toEqual({ key: 'ro.product.name', value: 'Onyx_00EEA', derivedFrom: 'ro.product.product.name', file: 'product/etc/build.prop', line: 1, from: 'property' });
    expect(errors(r, 'Onyx_00EEA@build')).toContain('wrong-market-client');
  });
});

const FRAMEWORK_RES = '/usr/share/android-framework-res/framework-res.apk';
const withAapt = haveTools('aapt') && existsSync(FRAMEWORK_RES) ? it : it.skip;
if (!haveTools('aapt') || !existsSync(FRAMEWORK_RES)) console.warn('SKIPPED an overlay gated by a resource reference: needs aapt and android-framework-res (apt-get install aapt android-framework-res)');

describe('an overlay whose required property value is a resource reference', () => {
  withAapt('is taken as enabled (Android 9 and 10 resolve it): what it carries is evaluated, with a warning on the package', async () => {
    const root = build({ 'system/build.prop': 'ro.product.name=Onyx_00EEA\nro.product.locale=en-US\n' }, false);
    const src = join(root, 'src');
    const manifest = put(
      join(src, 'AndroidManifest.xml'),
      '<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.acme.notes.overlay.region">\n' +
        '  <overlay android:targetPackage="com.acme.notes" android:requiredSystemPropertyName="ro.product.locale" android:requiredSystemPropertyValue="@string/req_locale" android:isStatic="true" android:priority="1"/>\n' +
        '  <application android:hasCode="false"/>\n</manifest>\n',
    );
    put(join(src, 'res', 'values', 'values.xml'), '<resources><string name="req_locale">en-US</string><string name="server_url">http://zzhc.vnet.cn</string></resources>\n');
    const apk = join(root, 'build', 'product', 'overlay', 'NotesRegion', 'NotesRegion.apk');
    mkdirSync(dirname(apk), { recursive: true });
    execFileSync('aapt', ['package', '-f', '-M', manifest, '-I', FRAMEWORK_RES, '-S', join(src, 'res'), '-F', apk]);
    // aapt compiled the value as a reference to the overlay's own string.
    expect(execFileSync('aapt', ['dump', 'xmltree', apk, 'AndroidManifest.xml'], { encoding: 'utf8' })).toMatch(/requiredSystemPropertyValue\(0x01010566\)=@0x7f/);
    const r = await scanIn(root, { market: 'EU', failOn: 'error' });
    const overlay = r.targets[0].packages.find((p) => p.package === 'com.acme.notes.overlay.region');
    expect(overlay?.warnings).toEqual([expect.stringMatching(/^overlay requiredSystemPropertyValue is a reference \(@0x7f[0-9a-f]{6}\), not a value/)]);
    expect(r.findings.filter((f) => f.rule === 'denied-endpoint').map((f) => [f.endpoint, f.path])).toEqual([['zzhc.vnet.cn', 'product/overlay/NotesRegion/NotesRegion.apk']]);
  });
});
