/**
 * Overlays that name the target resources they set with android:resourcesMap (Android 11+):
 * `<overlay><item target="bool/isCnVersion" value="@bool/region_flag"/></overlay>` in an XML
 * resource of the overlay. idmap2 (AOSP frameworks/base/cmds/idmap2, ResourceMapping) then
 * overlays only what the map names, under the target's names, and not the overlay's resources
 * of the same name.
 *
 * The APKs are built by aapt. The installed framework-res is API 29, which has no
 * android:resourcesMap (API 30, id 0x01010609), so the manifest is compiled with
 * android:windowSplashscreenContent (0x01010564, same format: a reference) and that attribute
 * is made resourcesMap where aapt2 of API 30 would write it differently: its id in the XML
 * resource map, and (unless a test says otherwise) its name in the string pool. Everything
 * else (the AXML, the map XML, the table) is aapt's; aapt2 dump xmltree reads the result.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { Report } from '../../src/report/model.js';
import { haveTools } from '../containers/helpers.js';
import { scanIn } from '../helpers/scan.js';
import { addToggleReader } from '../helpers/android.js';
import { put, tempDir } from '../helpers/temp.js';

const FRAMEWORK_RES = '/usr/share/android-framework-res/framework-res.apk';
const ready = haveTools('aapt', 'aapt2', 'smali', 'java', 'zip', 'unzip') && existsSync(FRAMEWORK_RES);
const withAapt = ready ? describe : describe.skip;
if (!ready) console.warn('SKIPPED resourcesMap overlays: needs aapt, aapt2, smali, java, zip, unzip and android-framework-res (apt-get install aapt aapt2 smali zip unzip android-framework-res)');

const WINDOW_SPLASHSCREEN_CONTENT = 0x01010564;
const RESOURCES_MAP = 0x01010609;
const TARGET = 'com.evenwell.autoregistration';
const OVERLAY = 'com.evenwell.autoregistration.overlay.base.s600e0';

/** The Evenwell client (isCnVersion as given; its two server strings as in the real app), by aapt. */
function app(dir: string, isCn: boolean): void {
  const src = join(dir, 'app');
  const manifest = put(
    join(src, 'AndroidManifest.xml'),
    `<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="${TARGET}"><uses-permission android:name="android.permission.READ_PHONE_STATE"/><application android:label="AutoRegistration"><receiver android:name=".BootReceiver"><intent-filter><action android:name="android.intent.action.BOOT_COMPLETED"/></intent-filter></receiver></application></manifest>\n`,
  );
  put(
    join(src, 'res', 'values', 'values.xml'),
    `<resources><bool name="isCnVersion">${isCn}</bool><string name="SERVER_ADDRESS_CN">https://caivssp-fi-cn.c2dms.com</string><string name="SERVER_ADDRESS_WW">https://caivssp-fi-ww.c2dms.com</string></resources>\n`,
  );
  const apk = join(dir, 'build', 'system', 'priv-app', 'AutoRegistration', 'AutoRegistration.apk');
  mkdirSync(dirname(apk), { recursive: true });
  execFileSync('aapt', ['package', '-f', '-M', manifest, '-I', FRAMEWORK_RES, '-S', join(src, 'res'), '-F', apk]);
  // Its code loads the id its table gives isCnVersion (as the real app's NetworkUtil does).
  addToggleReader(apk, join(dir, 'code'), TARGET);
}

interface OverlayOptions {
  /** res/xml/overlays.xml's items. */
  items: string;
  /** res/values/bools.xml's resources. */
  values?: string;
  /** The attribute keeps aapt's pool name (windowSplashscreenContent): only its id says resourcesMap. */
  idOnly?: boolean;
  /** res/xml/overlays.xml is left out of the APK. */
  dropMap?: boolean;
}

/**
 * A static overlay of the client at product/overlay/, its manifest's
 * android:windowSplashscreenContent="@xml/overlays" made android:resourcesMap.
 */
function overlay(dir: string, o: OverlayOptions): string {
  const src = join(dir, 'overlay');
  const manifest = put(
    join(src, 'AndroidManifest.xml'),
    `<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="${OVERLAY}"><application android:hasCode="false"/><overlay android:targetPackage="${TARGET}" android:isStatic="true" android:priority="1" android:windowSplashscreenContent="@xml/overlays"/></manifest>\n`,
  );
  put(join(src, 'res', 'xml', 'overlays.xml'), `<overlay>${o.items}</overlay>\n`);
  if (o.values) put(join(src, 'res', 'values', 'bools.xml'), `<resources>${o.values}</resources>\n`);
  const built = join(dir, 'work', 'overlay.apk');
  mkdirSync(dirname(built), { recursive: true });
  execFileSync('aapt', ['package', '-f', '-M', manifest, '-I', FRAMEWORK_RES, '-S', join(src, 'res'), '-F', built]);
  const work = join(dir, 'work', 'manifest');
  put(join(work, 'AndroidManifest.xml'), asResourcesMap(execFileSync('unzip', ['-p', built, 'AndroidManifest.xml']), !o.idOnly));
  const apk = join(dir, 'build', 'product', 'overlay', `${OVERLAY}.apk`);
  mkdirSync(dirname(apk), { recursive: true });
  copyFileSync(built, apk);
  execFileSync('zip', ['-q', apk, 'AndroidManifest.xml'], { cwd: work });
  if (o.dropMap) execFileSync('zip', ['-q', '-d', apk, 'res/xml/overlays.xml']);
  return apk;
}

/**
 * aapt's compiled manifest with its android:windowSplashscreenContent made android:resourcesMap:
 * the id in the XML resource map (chunk 0x0180) rewritten, and with `rename` the pool string it
 * stands for rewritten in place (a shorter string: its length and characters, then the terminator).
 */
function asResourcesMap(axml: Buffer, rename: boolean): Buffer {
  const out = Buffer.from(axml);
  let pool = -1;
  let index = -1;
  for (let off = 8; off + 8 <= out.length; off += out.readUInt32LE(off + 4)) {
    const type = out.readUInt16LE(off);
    if (type === 0x0001 && pool < 0) pool = off;
    if (type === 0x0180) {
      for (let i = off + out.readUInt16LE(off + 2); i < off + out.readUInt32LE(off + 4); i += 4) {
        if (out.readUInt32LE(i) === WINDOW_SPLASHSCREEN_CONTENT) {
          out.writeUInt32LE(RESOURCES_MAP, i);
          index = (i - off - out.readUInt16LE(off + 2)) / 4;
        }
      }
    }
  }
  expect(index).toBeGreaterThanOrEqual(0);
  if (rename) {
    const headerSize = out.readUInt16LE(pool + 2);
    const utf8 = (out.readUInt32LE(pool + 16) & 0x100) !== 0;
    expect(utf8).toBe(false); // aapt writes a manifest's pool in UTF-16
    const stringsStart = pool + out.readUInt32LE(pool + 20);
    const at = stringsStart + out.readUInt32LE(pool + headerSize + index * 4);
    const name = 'resourcesMap';
    expect(out.readUInt16LE(at)).toBe('windowSplashscreenContent'.length);
    out.writeUInt16LE(name.length, at);
    out.write(name, at + 2, 'utf16le');
    out.writeUInt16LE(0, at + 2 + name.length * 2);
  }
  return out;
}

const errors = (r: Report): string[] => r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.endpoint ?? f.client}`);
const CN_SELECTED = ['denied-endpoint caivssp-fi-cn.c2dms.com', 'variant-toggle evenwell-caivs'];

withAapt('an overlay with android:resourcesMap', () => {
  it('that maps isCnVersion to an overlay resource of another name set true selects CN, as the same-name control does (aapt2 reads the patched attribute as resourcesMap)', async () => {
    const dir = tempDir('ag-rmap-ref-');
    app(dir, false);
    const apk = overlay(dir, { items: '<item target="bool/isCnVersion" value="@bool/region_flag"/>', values: '<bool name="region_flag">true</bool>' });
    if (haveTools('aapt2')) {
      const tree = execFileSync('aapt2', ['dump', 'xmltree', '--file', 'AndroidManifest.xml', apk], { encoding: 'utf8' });
      expect(tree).toMatch(/A: http:\/\/schemas\.android\.com\/apk\/res\/android:resourcesMap\(0x01010609\)=@0x7f\w+/);
      expect(execFileSync('aapt2', ['dump', 'xmltree', '--file', 'res/xml/overlays.xml', apk], { encoding: 'utf8' })).toMatch(/A: value=@0x7f\w+ \(Raw: "@bool\/region_flag"\)/);
    }
    const report = await scanIn(dir);
    expect(errors(report)).toEqual(CN_SELECTED);
    expect(report.findings.find((f) => f.rule === 'variant-toggle')?.message).toContain('sets bool/isCnVersion = true');
    // The control: the classic overlay (no map), isCnVersion true by its name.
    const control = tempDir('ag-rmap-named-');
    app(control, false);
    const src = join(control, 'named');
    const manifest = put(
      join(src, 'AndroidManifest.xml'),
      `<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="${OVERLAY}"><application android:hasCode="false"/><overlay android:targetPackage="${TARGET}" android:isStatic="true" android:priority="1"/></manifest>\n`,
    );
    put(join(src, 'res', 'values', 'bools.xml'), '<resources><bool name="isCnVersion">true</bool></resources>\n');
    const named = join(control, 'build', 'product', 'overlay', `${OVERLAY}.apk`);
    mkdirSync(dirname(named), { recursive: true });
    execFileSync('aapt', ['package', '-f', '-M', manifest, '-I', FRAMEWORK_RES, '-S', join(src, 'res'), '-F', named]);
    expect(errors(await scanIn(control))).toEqual(errors(report));
  });

  it('that sets isCnVersion inline (value="true", a boolean as aapt compiles it) selects CN', async () => {
    const dir = tempDir('ag-rmap-inline-');
    app(dir, false);
    const apk = overlay(dir, { items: '<item target="bool/isCnVersion" value="true"/>' });
    expect(execFileSync('aapt', ['dump', 'xmltree', apk, 'res/xml/overlays.xml'], { encoding: 'utf8' })).toContain('A: value=(type 0x12)0xffffffff (Raw: "true")');
    expect(errors(await scanIn(dir))).toEqual(CN_SELECTED);
  });

  it('whose map XML is missing from the APK fails closed: it may select every variant, whatever its resources of the same name say', async () => {
    const dir = tempDir('ag-rmap-missing-');
    app(dir, false);
    overlay(dir, { items: '<item target="bool/isCnVersion" value="@bool/region_flag"/>', values: '<bool name="region_flag">false</bool><bool name="isCnVersion">false</bool>', dropMap: true });
    const report = await scanIn(dir);
    expect(errors(report)).toEqual(CN_SELECTED);
    expect(report.findings.find((f) => f.rule === 'variant-toggle')?.message).toContain('android:resourcesMap cannot be read');
  });

  it('whose value is a reference it cannot resolve (a framework resource, @android:string/ok) fails closed for that toggle', async () => {
    const dir = tempDir('ag-rmap-unresolved-');
    app(dir, false);
    overlay(dir, { items: '<item target="bool/isCnVersion" value="@android:string/ok"/>', values: '<bool name="isCnVersion">false</bool>' });
    const report = await scanIn(dir);
    expect(errors(report)).toEqual(CN_SELECTED);
    expect(report.findings.find((f) => f.rule === 'variant-toggle')?.message).toContain('or may');
  });

  it('that maps isCnVersion to false makes a China build of the client a WW one: no variant-toggle, its China host dormant', async () => {
    const dir = tempDir('ag-rmap-ww-');
    app(dir, true);
    overlay(dir, { items: '<item target="bool/isCnVersion" value="@bool/region_flag"/>', values: '<bool name="region_flag">false</bool>' });
    const report = await scanIn(dir);
    expect(errors(report)).toEqual([]);
    expect(report.findings.filter((f) => f.rule === 'dormant-variant').map((f) => f.endpoint)).toEqual(['caivssp-fi-cn.c2dms.com']);
  });

  it('does not overlay with its resources of the same name that the map leaves out (isCnVersion true beside a map setting it false)', async () => {
    const dir = tempDir('ag-rmap-samename-');
    app(dir, false);
    overlay(dir, { items: '<item target="bool/isCnVersion" value="@bool/region_flag"/>', values: '<bool name="region_flag">false</bool><bool name="isCnVersion">true</bool>' });
    expect(errors(await scanIn(dir))).toEqual([]);
  });

  it('found by its id only (its pool name another, which Android 11 and 12 read it by) counts both ways: the map (isCnVersion true) and the same-name values (false)', async () => {
    const dir = tempDir('ag-rmap-idonly-');
    app(dir, false);
    const apk = overlay(dir, { items: '<item target="bool/isCnVersion" value="@bool/region_flag"/>', values: '<bool name="region_flag">true</bool><bool name="isCnVersion">false</bool>', idOnly: true });
    expect(execFileSync('aapt', ['dump', 'xmltree', apk, 'AndroidManifest.xml'], { encoding: 'utf8' })).toContain('android:windowSplashscreenContent(0x01010609)=@0x7f');
    expect(errors(await scanIn(dir))).toEqual(CN_SELECTED);
  });
});
