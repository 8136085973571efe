/**
 * An overlay changes a resource only where Android lets it (red team): a target that declares
 * `<overlayable>` blocks opens only the resources they list, to overlays naming the block
 * (android:targetName) that fulfil one of its policies (idmap2 CheckOverlayable, enforced from
 * Android 10 for overlays targeting SDK 29+ and for any on /vendor). A WW overlay the device
 * refuses leaves the CN build of Evenwell's CAIVS client (isCnVersion=true, 10659401) as it is:
 * it must not pass as WW. And a client whose table has no resource of its toggle's name (the key
 * renamed: the app reads the toggle by id) cannot be told to be the WW build.
 * APKs built with aapt2 and smali from Debian at test time.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parseArsc } from '../../src/formats/arsc.js';
import type { Report } from '../../src/report/model.js';
import { haveTools } from '../containers/helpers.js';
import { scanIn } from '../helpers/scan.js';
import { aapt2Apk, ANDROID_NS, haveFrameworkRes } from '../helpers/android.js';
import { put, tempDir } from '../helpers/temp.js';

const TOOLS = ['aapt2', 'smali', 'zip', 'unzip'];
const ready = haveTools(...TOOLS, 'java') && haveFrameworkRes();
const withTools = ready ? describe : describe.skip;
if (!ready) console.warn(`SKIPPED overlayable policies and renamed toggles: needs ${TOOLS.join(', ')} and android-framework-res`);

const NS = ANDROID_NS;
const CLIENT = 'com.evenwell.autoregistration';

const apk = aapt2Apk;

const SMALI = {
  'NetworkUtil.smali':
    '.class public Lcom/evenwell/autoregistration/NetworkUtil;\n.super Ljava/lang/Object;\n' +
    '.field public static final CT_SMS:Ljava/lang/String; = "10659401"\n' +
    '.field public static final IP:Ljava/lang/String; = "http://124.207.3.53:6001/register"\n' +
    '.field public static final WW:Ljava/lang/String; = "https://www.c2dms.com/api"\n',
};

/** The CN build of the CAIVS client at system/priv-app, its values (and <overlayable> blocks) given, its code loading isCnVersion's id. */
function client(root: string, values: string): string {
  return apk(join(root, 'client'), join(root, 'build', 'system', 'priv-app', 'AutoRegistration', 'AutoRegistration.apk'), `<manifest ${NS} package="${CLIENT}"><application android:label="AR"/></manifest>\n`, values, {
    smali: SMALI,
    reads: { pkg: CLIENT, keys: ['bool/isCnVersion'] },
  });
}

/** A static WW overlay (isCnVersion=false) at build/`where`, with android:targetName when given, targeting `targetSdk`. */
function wwOverlay(root: string, where: string, opts: { targetName?: string; targetSdk?: number } = {}): string {
  const name = opts.targetName === undefined ? '' : ` android:targetName="${opts.targetName}"`;
  return apk(
    join(root, 'ov'),
    join(root, 'build', where),
    `<manifest ${NS} package="${CLIENT}.overlay.ww"><overlay android:targetPackage="${CLIENT}"${name} android:isStatic="true" android:priority="1"/></manifest>\n`,
    '<bool name="isCnVersion">false</bool>',
    { link: opts.targetSdk === undefined ? [] : ['--target-sdk-version', String(opts.targetSdk)] },
  );
}

const CN_VALUES = '<bool name="isCnVersion">true</bool><string name="SERVER_ADDRESS_CN">https://caivssp-no-cn.c2dms.com</string><string name="SERVER_ADDRESS_WW">https://caivssp-no-ww.c2dms.com</string>';

/** The CN values with isCnVersion in an <overlayable name="CaivsConfig"> under `policy`. */
const cnWithOverlayable = (policy: string, item = '<item type="bool" name="isCnVersion"/>'): string =>
  `${CN_VALUES}<overlayable name="CaivsConfig" actor="overlay://caivs"><policy type="${policy}">${item}</policy></overlayable>`;

function errors(r: Report): string[] {
  return r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.endpoint ?? f.client ?? ''}`).sort();
}

/** The CN build is caught: its SMS number denied, its CN variant not asleep. */
function expectCn(r: Report): void {
  expect(errors(r)).toContain('denied-endpoint 10659401');
  expect(r.findings.filter((f) => f.rule === 'dormant-variant')).toEqual([]);
}

/** The WW overlay took: no error, the CN endpoints dormant. */
function expectWw(r: Report): void {
  expect(errors(r)).toEqual([]);
  expect(r.findings.filter((f) => f.rule === 'dormant-variant').map((f) => f.endpoint)).toContain('10659401');
}

withTools('overlayable policies', () => {
  it('reads the <overlayable> blocks aapt2 writes: names, actors, policies and the ids aapt2 gave', () => {
    const root = tempDir('ag-overlayable-');
    const out = apk(
      join(root, 'a'),
      join(root, 'a.apk'),
      `<manifest ${NS} package="${CLIENT}"><application/></manifest>\n`,
      '<bool name="isCnVersion">true</bool><string name="x">y</string><string name="z">w</string>' +
        '<overlayable name="CaivsConfig" actor="overlay://caivs/config"><policy type="odm|vendor"><item type="bool" name="isCnVersion"/></policy><policy type="public"><item type="string" name="x"/></policy></overlayable>' +
        '<overlayable name="Other"><policy type="signature"><item type="string" name="z"/></policy></overlayable>',
    );
    // aapt2's own listing of the ids it gave.
    const listing = execFileSync('aapt2', ['dump', 'resources', out], { encoding: 'utf8' });
    const idOf = (n: string): number => parseInt(new RegExp(`resource 0x([0-9a-f]+) ${n}\\b`).exec(listing)![1], 16);
    const arsc = execFileSync('unzip', ['-p', out, 'resources.arsc'], { maxBuffer: 1 << 24 });
    const table = parseArsc(arsc);
    const blocks = table.packages[0].overlayables.map((o) => ({ ...o, ids: [...o.ids].sort() }));
    // PolicyFlags: PUBLIC 0x1, VENDOR 0x4, SIGNATURE 0x10, ODM 0x20.
    expect(blocks).toEqual(
      expect.arrayContaining([
        { name: 'CaivsConfig', actor: 'overlay://caivs/config', policies: 0x24, ids: [idOf('bool/isCnVersion')] },
        { name: 'CaivsConfig', actor: 'overlay://caivs/config', policies: 0x1, ids: [idOf('string/x')] },
        { name: 'Other', actor: '', policies: 0x10, ids: [idOf('string/z')] },
      ]),
    );
    expect(blocks).toHaveLength(3);
    expect(table.warnings).toEqual([]);
  });

  it('a product overlay naming the block of a product policy takes: the WW variant (control)', async () => {
    const root = tempDir('ag-overlayable-');
    client(root, cnWithOverlayable('product'));
    wwOverlay(root, 'product/overlay/CaivsWW.apk', { targetName: 'CaivsConfig', targetSdk: 30 });
    expectWw(await scanIn(root));
  });

  it('a product overlay where the block allows only odm is refused: the CN build is caught', async () => {
    const root = tempDir('ag-overlayable-');
    client(root, cnWithOverlayable('odm'));
    wwOverlay(root, 'product/overlay/CaivsWW.apk', { targetName: 'CaivsConfig', targetSdk: 30 });
    const r = await scanIn(root);
    expectCn(r);
    // The message says why the overlay in view did not keep WW.
    expect(r.findings.find((f) => f.rule === 'variant-toggle')?.message).toContain(
      `${CLIENT}.overlay.ww (product/overlay/CaivsWW.apk) sets bool/isCnVersion, but Android may refuse it: <overlayable name="CaivsConfig"> allows policies 0x20, and an overlay in product/overlay fulfils none of them`,
    );
  });

  it('an overlay without android:targetName, or naming another block, is refused', async () => {
    for (const targetName of [undefined, 'Elsewhere']) {
      const root = tempDir('ag-overlayable-');
      client(root, cnWithOverlayable('product'));
      wwOverlay(root, 'product/overlay/CaivsWW.apk', { targetName, targetSdk: 30 });
      const r = await scanIn(root);
      expectCn(r);
      expect(r.findings.find((f) => f.rule === 'variant-toggle')?.message).toContain(`bool/isCnVersion is in <overlayable name="CaivsConfig">, and the overlay's android:targetName is ${targetName ? `"${targetName}"` : 'not set'}`);
    }
  });

  it('a toggle no <overlayable> block lists, where the package declares some, cannot be overlaid', async () => {
    const root = tempDir('ag-overlayable-');
    client(root, cnWithOverlayable('product|public', '<item type="string" name="SERVER_ADDRESS_WW"/>'));
    wwOverlay(root, 'product/overlay/CaivsWW.apk', { targetName: 'CaivsConfig', targetSdk: 30 });
    expectCn(await scanIn(root));
  });

  it('a preinstalled overlay targeting SDK 28 outside /vendor is held to nothing; on /vendor it is', async () => {
    const product = tempDir('ag-overlayable-');
    client(product, cnWithOverlayable('odm'));
    wwOverlay(product, 'product/overlay/CaivsWW.apk', { targetSdk: 28 });
    expectWw(await scanIn(product));
    const vendor = tempDir('ag-overlayable-');
    client(vendor, cnWithOverlayable('odm'));
    wwOverlay(vendor, 'vendor/overlay/CaivsWW.apk', { targetName: 'CaivsConfig', targetSdk: 28 });
    expectCn(await scanIn(vendor));
    // ...and passes where the block allows vendor overlays.
    const allowed = tempDir('ag-overlayable-');
    client(allowed, cnWithOverlayable('vendor'));
    wwOverlay(allowed, 'vendor/overlay/CaivsWW.apk', { targetName: 'CaivsConfig', targetSdk: 28 });
    expectWw(await scanIn(allowed));
  });

  it('on Android 9 (ro.build.version.sdk=28) nothing is enforced', async () => {
    const root = tempDir('ag-overlayable-');
    client(root, cnWithOverlayable('odm'));
    wwOverlay(root, 'product/overlay/CaivsWW.apk', { targetName: 'CaivsConfig', targetSdk: 30 });
    put(join(root, 'build', 'system', 'build.prop'), 'ro.build.version.sdk=28\n');
    expectWw(await scanIn(root));
  });
});

withTools('a toggle the client has no resource of', () => {
  it('a renamed key (isCnVersioN, read by id) is no WW build, overlay or not', async () => {
    const values = CN_VALUES.replace('isCnVersion', 'isCnVersioN');
    const bare = tempDir('ag-renamed-');
    client(bare, values);
    const r = await scanIn(bare);
    expectCn(r);
    const why = r.findings.find((f) => f.rule === 'variant-toggle');
    expect(why?.message).toContain('has no resource bool/isCnVersion');
    const overlaid = tempDir('ag-renamed-');
    client(overlaid, values);
    wwOverlay(overlaid, 'product/overlay/CaivsWW.apk', { targetSdk: 30 });
    expectCn(await scanIn(overlaid));
  });
});
