/**
 * A static overlay shadows its target's resources only where Android installs it: from a
 * partition's overlay folder, never from an APK's assets or from etc/. The red team's case: the
 * CN build of Evenwell's CAIVS (isCnVersion=true, 10659401, 124.207.3.53) carrying its own "WW"
 * overlay (isCnVersion=false) in its assets, or beside it in system/etc, passed as the WW variant
 * with its CN endpoints as dormant notes. Built with aapt2 and smali from Debian.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { Report } from '../../src/report/model.js';
import { haveTools } from '../containers/helpers.js';
import { scanIn } from '../helpers/scan.js';
import { aapt2Apk, ANDROID_NS, haveFrameworkRes } from '../helpers/android.js';
import { put, tempDir } from '../helpers/temp.js';

const TOOLS = ['aapt2', 'smali', 'zip'];
const ready = haveTools(...TOOLS, 'java') && haveFrameworkRes();
const withTools = ready ? describe : describe.skip;
if (!ready) console.warn(`SKIPPED where a static overlay sits: needs ${TOOLS.join(', ')} and android-framework-res`);

const NS = ANDROID_NS;

/** An APK by aapt2 from a manifest and res/values, with classes.dex from smali sources when given. */
const apk = (dir: string, out: string, manifest: string, values: string, smali?: Record<string, string>): string =>
  aapt2Apk(dir, out, manifest, values, smali ? { smali, reads: { pkg: 'com.evenwell.autoregistration', keys: ['bool/isCnVersion'] } } : {});

/** The CN build of the CAIVS client at build/system/priv-app/AutoRegistration, and its WW overlay at `ww`. */
function caivs(root: string): { client: string; overlay: string } {
  const client = apk(
    join(root, 'client'),
    join(root, 'build', 'system', 'priv-app', 'AutoRegistration', 'AutoRegistration.apk'),
    `<manifest ${NS} package="com.evenwell.autoregistration"><application android:label="AR"/></manifest>\n`,
    '<bool name="isCnVersion">true</bool><string name="SERVER_ADDRESS_CN">https://caivssp-no-cn.c2dms.com</string><string name="SERVER_ADDRESS_WW">https://caivssp-no-ww.c2dms.com</string>',
    {
      'NetworkUtil.smali':
        '.class public Lcom/evenwell/autoregistration/NetworkUtil;\n.super Ljava/lang/Object;\n' +
        '.field public static final CT_SMS:Ljava/lang/String; = "10659401"\n' +
        '.field public static final IP:Ljava/lang/String; = "http://124.207.3.53:6001/register"\n' +
        '.field public static final WW:Ljava/lang/String; = "https://www.c2dms.com/api"\n',
    },
  );
  const overlay = apk(
    join(root, 'ov'),
    join(root, 'ww.apk'),
    `<manifest ${NS} package="com.evenwell.autoregistration.overlay.ww"><overlay android:targetPackage="com.evenwell.autoregistration" android:isStatic="true" android:priority="1"/></manifest>\n`,
    '<bool name="isCnVersion">false</bool>',
  );
  return { client, overlay };
}

function summary(r: Report): { selects: string[]; errors: string[] } {
  return {
    selects: r.findings.filter((f) => f.rule === 'variant-toggle').map((f) => f.client ?? ''),
    errors: r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.endpoint ?? f.client ?? ''}`).sort(),
  };
}

withTools('where a static overlay sits', () => {
  it('in the product overlay folder it shadows the app’s own isCnVersion (the WW variant, the CN endpoints dormant)', async () => {
    const root = tempDir('ag-overlay-place-');
    const { overlay } = caivs(root);
    copyFileSync(overlay, put(join(root, 'build', 'product', 'overlay', 'CaivsWW.apk'), ''));
    const r = await scanIn(root);
    expect(summary(r).errors).toEqual([]);
    expect(r.findings.filter((f) => f.rule === 'dormant-variant').length).toBeGreaterThan(0);
  });

  it.each([
    ['in the client’s own assets', (root: string, overlay: string, client: string) => {
      mkdirSync(join(root, 'w', 'assets'), { recursive: true });
      copyFileSync(overlay, join(root, 'w', 'assets', 'ww.apk'));
      execFileSync('zip', ['-q', client, 'assets/ww.apk'], { cwd: join(root, 'w') });
    }],
    ['in system/etc', (root: string, overlay: string) => {
      copyFileSync(overlay, put(join(root, 'build', 'system', 'etc', 'ww.apk'), ''));
    }],
  ])('%s it is never installed: the app’s own isCnVersion=true selects the CN variant', async (_where, place) => {
    const root = tempDir('ag-overlay-place-');
    const { client, overlay } = caivs(root);
    place(root, overlay, client);
    const r = await scanIn(root);
    const { errors } = summary(r);
    expect(errors).toContain('denied-endpoint 10659401');
    expect(r.findings.filter((f) => f.rule === 'dormant-variant')).toEqual([]);
  });
});
