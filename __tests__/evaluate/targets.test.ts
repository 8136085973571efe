/**
 * One build, many SKUs (SPEC section 5, Targets): per-SKU init files, overlays gated on a
 * property, CDA folders. Unit tests on hand-made facts, then scan() over a build assembled from
 * the real APK fixtures in a temporary folder.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expandTargets, overlayActive, skuCandidates } from '../../src/evaluate/targets.js';
import { RecordingLogger } from '../../src/logging.js';
import type { Report } from '../../src/report/model.js';
import { scan } from '../../src/scan.js';
import { ep, facts, pkg, policyFile, prop } from './helpers.js';
import { scanIn } from '../helpers/scan.js';
import { tempDir } from '../helpers/temp.js';

const APKS = join(import.meta.dirname, '..', 'fixtures', 'apks');
const POLICY = 'version: 1\nskus:\n  "600E0": EU\n  "600CN": CN\n  "600WW": WW\n  "*_00EEA": EU\n';

const overlayPkg = (value: string, path = `product/overlay/O.${value}.apk`) =>
  pkg({ package: `com.evenwell.autoregistration.overlay.base.s${value.toLowerCase()}`, path, overlay: { targetPackage: 'com.evenwell.autoregistration', requiredSystemPropertyName: 'ro.cda.skuid.id', requiredSystemPropertyValue: value } });

describe('SKU candidates', () => {
  it('a build without per-SKU signals is one target resolved from its properties', () => {
    const t = expandTargets(facts({ props: [prop('ro.cda.skuid.id', '600E0')] }), { file: policyFile(POLICY) });
    expect(t).toHaveLength(1);
    expect(t[0].sku).toBeUndefined();
    expect(t[0]).toMatchObject({ resolution: { sku: '600E0', market: 'EU', resolvedBy: { key: 'ro.cda.skuid.id' } } });
  });

  it('per-SKU init files: one target each, resolved by the SKU id, with that SKU\'s properties last', () => {
    const f = facts({
      props: [prop('ro.product.name', 'Onyx_00WW', 'system/build.prop', 3)],
      skuFiles: [
        { sku: '600CN', path: 'vendor/etc/init/init.sku.600CN.rc', props: [prop('ro.product.vendor.name', 'Onyx_00CN', 'vendor/etc/init/init.sku.600CN.rc', 2)] },
        { sku: '600E0', path: 'vendor/etc/init/init.sku.600E0.rc', props: [prop('ro.product.vendor.name', 'Onyx_00EEA', 'vendor/etc/init/init.sku.600E0.rc', 2)] },
      ],
    });
    const t = expandTargets(f, { file: policyFile(POLICY) });
    expect(t.map((x) => [x.sku, x.resolution.market, x.resolution.resolvedBy?.from])).toEqual([
      ['600CN', 'CN', 'sku-file'],
      ['600E0', 'EU', 'sku-file'],
      // The device may be neither: the build as its own properties leave it, whose market the
      // policy cannot tell (Onyx_00WW is not mapped), is a target too, unresolved.
      [undefined, undefined, undefined],
    ]);
    expect(t[1].facts.props.map((p) => `${p.key}=${p.value}`)).toEqual(['ro.product.name=Onyx_00WW', 'ro.product.vendor.name=Onyx_00EEA']);
    expect(t[1].facts.skuFiles.map((s) => s.sku)).toEqual(['600E0']);
  });

  it('falls back to the SKU\'s properties when the SKU id is not mapped, and names what it tried when nothing maps', () => {
    const f = facts({
      skuFiles: [
        { sku: '600X1', path: 'init.sku.600X1.rc', props: [prop('ro.product.vendor.name', 'Onyx_00EEA', 'init.sku.600X1.rc', 1)] },
        { sku: '600X2', path: 'init.sku.600X2.rc', props: [prop('ro.product.vendor.name', 'Onyx_00RU', 'init.sku.600X2.rc', 1)] },
      ],
    });
    const [a, b] = expandTargets(f, { file: policyFile(POLICY) });
    expect(a.resolution).toMatchObject({ sku: '600X1', market: 'EU', resolvedBy: { key: 'ro.product.vendor.name', value: 'Onyx_00EEA' } });
    expect(b.resolution.market).toBeUndefined();
    expect(b.resolution.tried[0]).toBe('SKU 600X2 (init.sku.600X2.rc)');
    expect(b.resolution.tried).toContain('ro.product.vendor.name');
  });

  it('overlays gated on a property the build does not set make one SKU per value; each SKU keeps only its overlays', () => {
    const cn = overlayPkg('600CN');
    const e0 = overlayPkg('600E0');
    const f = facts({ packages: [cn, e0], endpoints: [ep('host', 'cn.c2dms.com', [cn.path]), ep('host', 'www.c2dms.com', [e0.path])] });
    expect(skuCandidates(f).map((c) => [c.sku, c.signal])).toEqual([
      ['600CN', 'overlay'],
      ['600E0', 'overlay'],
    ]);
    const t = expandTargets(f, { file: policyFile(POLICY) });
    expect(t.map((x) => [x.sku, x.resolution.market, x.facts.packages.map((p) => p.path), x.facts.endpoints.map((e) => e.value)])).toEqual([
      ['600CN', 'CN', [cn.path], ['cn.c2dms.com']],
      ['600E0', 'EU', [e0.path], ['www.c2dms.com']],
      [undefined, undefined, [], []],
    ]);
  });

  it('the build as its own properties resolve it is a target too: a CN overlay does not hide the EU build it ships in', () => {
    const cn = overlayPkg('600CN');
    const client = pkg({ package: 'com.qualcomm.qti.autoregistration', path: 'system/priv-app/AutoRegistration/AutoRegistration.apk' });
    const f = facts({ packages: [cn, client], props: [prop('ro.product.name', 'Onyx_00EEA', 'system/build.prop', 2)], endpoints: [ep('host', 'zzhc.vnet.cn', [client.path])] });
    const t = expandTargets(f, { file: policyFile(POLICY) });
    expect(t.map((x) => [x.sku ?? null, x.resolution.sku, x.resolution.market, x.facts.packages.map((p) => p.path), x.facts.endpoints.map((e) => e.value)])).toEqual([
      ['600CN', '600CN', 'CN', [cn.path, client.path], ['zzhc.vnet.cn']],
      // The device whose SKU id is not 600CN: no overlay, the EU market its product name says.
      [null, 'Onyx_00EEA', 'EU', [client.path], ['zzhc.vnet.cn']],
    ]);
    // Not when one SKU is asked for, nor with --market (every view above already has it).
    expect(expandTargets(f, { file: policyFile(POLICY), cliSku: '600CN' }).map((x) => x.sku)).toEqual(['600CN']);
    expect(expandTargets(f, { file: policyFile(POLICY), cliMarket: 'EU' }).map((x) => x.sku)).toEqual(['600CN']);
    // Nor when the build's properties name no market, or name one of the SKUs already there.
    expect(expandTargets(facts({ packages: [cn], props: [prop('ro.product.name', 'Onyx_00WW')] }), { file: policyFile(POLICY) }).map((x) => x.sku)).toEqual(['600CN']);
    expect(expandTargets(facts({ packages: [cn, overlayPkg('600E0')], props: [prop('ro.product.name', '600E0')] }), { file: policyFile(POLICY) }).map((x) => x.sku)).toEqual(['600CN', '600E0']);
  });

  it('an overlay gated on several properties (Android 12+: comma-separated, paired in order) is a SKU by the one the build leaves unset, and active only where all hold', () => {
    const multi = pkg({
      package: 'com.evenwell.autoregistration.overlay.base.s600cn',
      path: 'product/overlay/O.multi.apk',
      overlay: { targetPackage: 'com.evenwell.autoregistration', requiredSystemPropertyName: 'ro.cda.skuid.id,ro.boot.hwc', requiredSystemPropertyValue: '600CN,CN' },
    });
    const f = facts({ packages: [multi], props: [prop('ro.boot.hwc', 'CN', 'system/build.prop', 1)] });
    expect(skuCandidates(f).map((c) => [c.sku, c.props.map((p) => `${p.key}=${p.value}`)])).toEqual([['600CN', ['ro.cda.skuid.id=600CN']]]);
    const [t] = expandTargets(f, { file: policyFile(POLICY) });
    expect([t.sku, t.facts.packages.map((p) => p.path)]).toEqual(['600CN', [multi.path]]);
    expect(overlayActive(multi, [prop('ro.cda.skuid.id', '600CN'), prop('ro.boot.hwc', 'CN')])).toBe(true);
    expect(overlayActive(multi, [prop('ro.cda.skuid.id', '600CN'), prop('ro.boot.hwc', 'EU')])).toBe(false);
    expect(overlayActive(multi, [prop('ro.cda.skuid.id', '600CN')])).toBe(false);
  });

  it('an overlay gated on a property the build sets is active only when the value matches', () => {
    const f = facts({ packages: [overlayPkg('600CN')], props: [prop('ro.cda.skuid.id', '600E0')] });
    expect(skuCandidates(f)).toEqual([]);
    const [t] = expandTargets(f, { file: policyFile(POLICY) });
    expect(t.facts.packages).toEqual([]);
    expect(overlayActive(overlayPkg('600CN'), [prop('ro.cda.skuid.id', '600CN')])).toBe(true);
  });

  it('CDA folders named after a SKU belong to that SKU only', () => {
    const apk = 'system/product/CDA/600CN/app/Reg/Reg.apk';
    const f = facts({
      packages: [pkg({ package: 'com.qualcomm.qti.autoregistration', path: apk })],
      endpoints: [ep('host', 'zzhc.vnet.cn', [apk]), ep('host', 'api.acme.eu', ['system/etc/a.json'])],
      props: [prop('ro.product.name', 'Onyx_00WW', 'system/build.prop'), prop('ro.cda.skuid.id', '600CN', 'system/product/CDA/600CN/cda.prop')],
      skuFiles: [{ sku: '600E0', path: 'init.sku.600E0.rc', props: [] }],
    });
    const t = expandTargets(f, { file: policyFile(POLICY) });
    expect(t.map((x) => [x.sku, x.resolution.market, x.facts.packages.length, x.facts.endpoints.map((e) => e.value).sort()])).toEqual([
      ['600CN', 'CN', 1, ['api.acme.eu', 'zzhc.vnet.cn']],
      ['600E0', 'EU', 0, ['api.acme.eu']],
      [undefined, undefined, 0, ['api.acme.eu']],
    ]);
    expect(t[1].facts.props.map((p) => p.file)).toEqual(['system/build.prop']);
  });

  it('--sku picks one SKU target; --market applies to every SKU target', () => {
    const f = facts({ packages: [overlayPkg('600CN'), overlayPkg('600E0')] });
    expect(expandTargets(f, { cliSku: '600E0', file: policyFile(POLICY) }).map((t) => [t.sku, t.resolution.market])).toEqual([['600E0', 'EU']]);
    expect(expandTargets(f, { cliMarket: 'WW' }).map((t) => [t.sku, t.resolution.market])).toEqual([
      ['600CN', 'WW'],
      ['600E0', 'WW'],
    ]);
  });
});

/** Writes `text` at `rel` under `root`, making its folders. */
function writeAt(root: string, rel: string, text: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
}

/** Copies a fixture APK to `rel` under `root`, making its folders. */
function copyAt(root: string, apk: string, rel: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  copyFileSync(join(APKS, apk), join(root, rel));
}

describe('scan(): an EU build with a CN overlay in it (real APKs)', () => {
  it('fails as the EU build it is, not only as the CN SKU the overlay prepares', async () => {
    const root = tempDir('ag-skus-base-');
    writeAt(root, 'build/system/build.prop', 'ro.product.name=Onyx_00EEA\n');
    copyAt(root, 'autoregistration-cn.apk', 'build/system/priv-app/AutoRegistration/AutoRegistration.apk');
    copyAt(root, 'overlay-cn.apk', 'build/product/overlay/com.evenwell.autoregistration.overlay.base.600CN.apk');
    writeAt(root, 'policy.yml', POLICY);
    const report = await scanIn(root, { market: undefined, policyFile: 'policy.yml', failOn: 'error' });
    expect(report.targets.map((t) => [t.id, t.market])).toEqual([
      ['600CN@build', 'CN'],
      ['Onyx_00EEA@build', 'EU'],
    ]);
    expect(report.verdict).toBe('fail');
    expect(report.findings.filter((f) => f.target === 'Onyx_00EEA@build' && f.severity === 'error').map((f) => f.rule)).toContain('wrong-market-client');
  });
});

describe('scan(): property files Android does not load', () => {
  it('do not decide the SKU where its own property files are there; decide it in a build of loose files', async () => {
    const root = tempDir('ag-skus-stray-');
    writeAt(root, 'build/system/build.prop', 'ro.product.name=Onyx_00EEA\n');
    // Set at run time from /proc/cda/skuid on a real device; here a stray file sets it.
    writeAt(root, 'build/system/etc/test/sku.prop', 'ro.cda.skuid.id=600CN\n');
    copyAt(root, 'autoregistration-cn.apk', 'build/system/priv-app/AutoRegistration/AutoRegistration.apk');
    writeAt(root, 'loose/etc/test/sku.prop', 'ro.cda.skuid.id=600CN\n');
    writeAt(root, 'policy.yml', POLICY);
    const run = (input: string) => scanIn(root, { inputs: [input], market: undefined, policyFile: 'policy.yml', failOn: 'error' });
    const built = await run('build');
    expect(built.targets.map((t) => [t.id, t.market, t.build.resolvedBy?.file])).toEqual([['Onyx_00EEA@build', 'EU', 'system/build.prop']]);
    expect(built.verdict).toBe('fail');
    const loose = await run('loose');
    expect(loose.targets.map((t) => [t.id, t.market, t.build.resolvedBy?.file])).toEqual([['600CN@loose', 'CN', 'etc/test/sku.prop']]);
  });
});

describe('scan(): one build that can become three SKUs (real APKs)', () => {
  let root: string;
  let report: Report;
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  const copy = (apk: string, rel: string) => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    copyFileSync(join(APKS, apk), join(root, rel));
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'ag-skus-'));
    write('build/system/build.prop', 'ro.build.fingerprint=Nokia/Onyx_00WW/B2N_sprout:9/PPR1/00WW_3_22C:user/release-keys\nro.product.name=Onyx_00WW\n');
    // ro.cda.skuid.id comes from /proc/cda/skuid on the device: each SKU's init file sets it.
    write('build/vendor/etc/init/init.sku.600CN.rc', 'on early-init\n    setprop ro.cda.skuid.id 600CN\n    setprop ro.product.vendor.name Onyx_00CN\n');
    // The incident in miniature: the EU SKU's init file carries the CN value, so the CN overlay applies.
    write('build/vendor/etc/init/init.sku.600E0.rc', 'on early-init\n    setprop ro.cda.skuid.id 600CN\n    setprop ro.product.vendor.name Onyx_00EEA\n');
    write('build/vendor/etc/init/init.sku.600RU.rc', 'on early-init\n    setprop ro.cda.skuid.id 600RU\n    setprop ro.product.vendor.name Onyx_00RU\n');
    copy('overlay-cn.apk', 'build/product/overlay/com.evenwell.autoregistration.overlay.base.600CN.apk');
    copy('benign.apk', 'build/system/app/Notes/Notes.apk');
    write('policy.yml', POLICY);
    report = await scan({ inputs: ['build'], policyFile: 'policy.yml', failOn: 'error', cwd: root, now: new Date('2026-11-01T00:00:00Z') }, new RecordingLogger());
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('has one target per SKU, ids <sku>@<input>, each with its market', () => {
    expect(report.targets.map((t) => [t.id, t.market ?? null, t.build.resolvedBy?.file ?? null])).toEqual([
      ['600CN@build', 'CN', 'vendor/etc/init/init.sku.600CN.rc'],
      ['600E0@build', 'EU', 'vendor/etc/init/init.sku.600E0.rc'],
      ['600RU@build', null, null],
      // The build as its own properties leave it (the device may be none of the three): Onyx_00WW
      // is not mapped by the policy, so unresolved.
      ['unresolved@build', null, null],
    ]);
    expect(report.audit.inputs).toHaveLength(1);
  });

  it('the EU SKU that would apply the CN overlay fails with variant-toggle; the CN SKU passes', () => {
    const byTarget = (id: string) => report.findings.filter((f) => f.target === id && f.severity === 'error').map((f) => `${f.rule} ${f.endpoint ?? f.client ?? ''}`.trim());
    expect(byTarget('600E0@build')).toEqual(expect.arrayContaining(['variant-toggle evenwell-caivs', 'denied-endpoint cn.c2dms.com']));
    expect(byTarget('600CN@build')).toEqual([]);
  });

  it('the SKU whose market is unknown is unresolved-market naming what was tried; the others still report', () => {
    const f = report.findings.filter((x) => x.target === '600RU@build');
    expect(f.map((x) => x.rule)).toEqual(['unresolved-market']);
    expect(f[0].message).toMatch(/SKU 600RU \(vendor\/etc\/init\/init\.sku\.600RU\.rc\), ro\.cda\.skuid\.id, ro\.product\.vendor\.name/);
    expect(f[0].message).toMatch(/ro\.product\.vendor\.name=Onyx_00RU/);
    // The overlay requires ro.cda.skuid.id=600CN: not applied in the RU SKU.
    expect(report.targets.find((t) => t.id === '600RU@build')!.packages.map((p) => p.package)).not.toContain('com.evenwell.autoregistration.overlay.base.s600cn');
  });

  it('signer digests are in the report (the fixture key)', () => {
    const notes = report.targets[0].packages.find((p) => p.path === 'system/app/Notes/Notes.apk');
    expect(notes?.signerSha256).toBe('71d1d44596abceab8a8da59f1df2289f32ec803a16f2e312c2c28be78e397f81');
  });
});
