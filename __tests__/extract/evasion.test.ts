/**
 * Strings an app can read that a review found unscanned, each built with the real tool where one
 * exists: a resource's name in resources.arsc (aapt accepts `<string name="zzhc.vnet.cn">`, and
 * getResourceEntryName() returns it); an APK's ZIP comment (zip -z) and a channel pair in its APK
 * Signing Block (the signed fixture's padding pair made one, as Walle writes it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { Report } from '../../src/report/model.js';
import { haveTools } from '../containers/helpers.js';
import { scanIn } from '../helpers/scan.js';
import { addToggleReader } from '../helpers/android.js';
import { put, tempDir } from '../helpers/temp.js';

const APKS = join(import.meta.dirname, '..', 'fixtures', 'apks');

/** Where the report found `value`: [path, entry or null, source, offset] of each evidence. */
function evidenceOf(report: Report, value: string): [string, string | null, string, number | undefined][] | undefined {
  return report.targets[0].endpoints.find((e) => e.value === value)?.evidence.map((e) => [e.path, e.entry ?? null, e.source, e.offset]);
}

const FRAMEWORK_RES = '/usr/share/android-framework-res/framework-res.apk';
const withAapt = haveTools('aapt') && existsSync(FRAMEWORK_RES) ? describe : describe.skip;
if (!haveTools('aapt') || !existsSync(FRAMEWORK_RES)) console.warn('SKIPPED resource names in resources.arsc: needs aapt and android-framework-res (apt-get install aapt android-framework-res)');
// A catalogued variant client also needs code that loads its toggle's id (smali, aapt2 for the ids).
const CLIENT_TOOLS = ['aapt', 'aapt2', 'smali', 'java', 'zip'];
const withClient = haveTools(...CLIENT_TOOLS) && existsSync(FRAMEWORK_RES) ? describe : describe.skip;
if (!haveTools(...CLIENT_TOOLS) || !existsSync(FRAMEWORK_RES)) console.warn(`SKIPPED catalogued clients built by aapt: needs ${CLIENT_TOOLS.join(', ')} and android-framework-res`);

/** An APK of package `pkg` whose res/values holds `values`, made by aapt at build/system/app/<name>/<name>.apk under `dir`. */
function aaptApk(dir: string, pkg: string, name: string, values: string): string {
  const manifest = put(join(dir, 'src', 'AndroidManifest.xml'), `<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="${pkg}"><application android:label="x"/></manifest>\n`);
  put(join(dir, 'src', 'res', 'values', 'values.xml'), `<resources>${values}</resources>\n`);
  const apk = join(dir, 'build', 'system', 'app', name, `${name}.apk`);
  mkdirSync(dirname(apk), { recursive: true });
  execFileSync('aapt', ['package', '-f', '-M', manifest, '-I', FRAMEWORK_RES, '-S', join(dir, 'src', 'res'), '-F', apk]);
  return apk;
}

withAapt('a resource name', () => {
  it('is scanned like the values: a host named as a string resource is found (aapt dump resources lists it)', async () => {
    const dir = tempDir('ag-evasion-keys-');
    const apk = aaptApk(dir, 'com.example.keys', 'K', '<string name="zzhc.vnet.cn">hello</string>');
    expect(execFileSync('aapt', ['dump', 'resources', apk], { encoding: 'utf8' })).toContain('com.example.keys:string/zzhc.vnet.cn:');
    const report = await scanIn(dir);
    expect(evidenceOf(report, 'zzhc.vnet.cn')?.map(([path, entry, source]) => [path, entry, source])).toEqual([['system/app/K/K.apk', 'resources.arsc', 'arsc']]);
    expect(report.findings.some((f) => f.rule === 'denied-endpoint' && f.endpoint === 'zzhc.vnet.cn')).toBe(true);
  });
});

withAapt('listed SMS numbers compiled to integers', () => {
  it('a manifest <meta-data android:value> and the items of an <integer-array> and an <array> (aapt keeps no string for them) are found', async () => {
    const dir = tempDir('ag-evasion-smsint-');
    const manifest = put(
      join(dir, 'src', 'AndroidManifest.xml'),
      '<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.acme.smsint"><application android:label="x"><meta-data android:name="reg.sms" android:value="10659401"/></application></manifest>\n',
    );
    put(join(dir, 'src', 'res', 'values', 'values.xml'), '<resources><integer-array name="numbers"><item>1</item><item>10655459</item></integer-array><array name="mixed"><item>text</item><item>10654040</item></array></resources>\n');
    const apk = join(dir, 'build', 'system', 'app', 'SmsInt', 'SmsInt.apk');
    mkdirSync(dirname(apk), { recursive: true });
    execFileSync('aapt', ['package', '-f', '-M', manifest, '-I', FRAMEWORK_RES, '-S', join(dir, 'src', 'res'), '-F', apk]);
    // What aapt wrote: an integer attribute (type 0x10), and bag items it dumps as 32-bit values
    // (its dump labels a bag's integers "(color)"; 0xa296e3 is 10655459, 0xa29158 10654040).
    expect(execFileSync('aapt', ['dump', 'xmltree', apk, 'AndroidManifest.xml'], { encoding: 'utf8' })).toMatch(/A: android:value\(0x01010024\)=\(type 0x10\)0xa2a649/);
    const table = execFileSync('aapt', ['dump', '--values', 'resources', apk], { encoding: 'utf8' });
    expect(table).toMatch(/#1 \(Key=0x02000001\): \(color\) #00a296e3/);
    expect(table).toMatch(/#1 \(Key=0x02000001\): \(color\) #00a29158/);
    const report = await scanIn(dir);
    const sms = report.targets[0].endpoints.filter((e) => e.kind === 'sms').map((e) => [e.value, e.evidence.map((v) => v.entry)]);
    expect(sms).toEqual([
      ['10654040', ['resources.arsc']],
      ['10655459', ['resources.arsc']],
      ['10659401', ['AndroidManifest.xml']],
    ]);
  });
});

withAapt('a manifest and a resource table, past what their parsers read', () => {
  it('a resource type name (aapt accepts <item type="...">; getResourceTypeName), a second string pool and an unknown chunk in the table, and bytes after the manifest and after the table are scanned', async () => {
    const dir = tempDir('ag-evasion-table-');
    // The type name, as aapt compiles it.
    const typed = aaptApk(dir, 'com.example.types', 'T', '<item type="zzhc.vnet.cn" name="x" format="string">hello</item>');
    expect(execFileSync('aapt', ['dump', 'resources', typed], { encoding: 'utf8' })).toContain('com.example.types:zzhc.vnet.cn/x:');
    // A second table whose global pool holds a URL: that pool, inserted after the first one's,
    // is a second global pool; a chunk of an unknown type after it; text after the table.
    const other = aaptApk(join(dir, 'other'), 'com.example.other', 'O', '<string name="u">http://dm.wo.com.cn/pool</string>');
    const base = aaptApk(join(dir, 'base'), 'com.example.base', 'B', '<string name="a">hello</string>');
    const work = join(dir, 'work');
    execFileSync('unzip', ['-q', '-o', base, '-d', work]);
    const arsc = readFileSync(join(work, 'resources.arsc'));
    const otherArsc = execFileSync('unzip', ['-p', other, 'resources.arsc']);
    const poolOf = (t: Buffer): Buffer => t.subarray(t.readUInt16LE(2), t.readUInt16LE(2) + t.readUInt32LE(t.readUInt16LE(2) + 4));
    const first = poolOf(arsc);
    const at = arsc.readUInt16LE(2) + first.length;
    // Chunks are 4-byte aligned (Android's parser checks it).
    const unknown = Buffer.concat([Buffer.from([0x77, 0x07, 8, 0, 0, 0, 0, 0]), Buffer.from('\0http://114.255.193.236/chunk\0\0\0')]);
    expect(unknown.length % 4).toBe(0);
    unknown.writeUInt32LE(unknown.length, 4);
    const table = Buffer.concat([arsc.subarray(0, at), poolOf(otherArsc), unknown, arsc.subarray(at)]);
    table.writeUInt32LE(table.length, 4);
    const tail = Buffer.from('\0http://zzhc.vnet.cn/arsc\0');
    put(join(work, 'resources.arsc'), Buffer.concat([table, tail]));
    const manifest = readFileSync(join(work, 'AndroidManifest.xml'));
    put(join(work, 'AndroidManifest.xml'), Buffer.concat([manifest, Buffer.from('\0http://zzhc.vnet.cn/manifest\0')]));
    const edited = join(dir, 'build', 'system', 'app', 'E', 'E.apk');
    mkdirSync(dirname(edited), { recursive: true });
    execFileSync('zip', ['-q', '-r', edited, 'AndroidManifest.xml', 'resources.arsc'], { cwd: work });
    // aapt still reads the edited table: its package and string.
    expect(execFileSync('aapt', ['dump', 'resources', edited], { encoding: 'utf8' })).toContain('com.example.base:string/a:');
    const report = await scanIn(dir);
    const ev = (host: string) => evidenceOf(report, host)?.filter(([path]) => path !== 'system/app/O/O.apk' && path !== 'system/app/B/B.apk');
    expect(ev('zzhc.vnet.cn')).toEqual([
      ['system/app/E/E.apk', 'AndroidManifest.xml', 'file', manifest.length + 1],
      ['system/app/E/E.apk', 'resources.arsc', 'file', table.length + 1],
      ['system/app/T/T.apk', 'resources.arsc', 'arsc', expect.any(Number)],
    ]);
    expect(ev('dm.wo.com.cn')?.map(([path, entry, source]) => [path, entry, source])).toEqual([['system/app/E/E.apk', 'resources.arsc', 'arsc']]);
    expect(ev('114.255.193.236')).toEqual([['system/app/E/E.apk', 'resources.arsc', 'file', at + poolOf(otherArsc).length + 9]]);
  });
});

withAapt('a client that starts on its own', () => {
  it('is suspected when it starts on unlock, at the first boot after an OTA, or on a SIM or carrier change, and reads identity through its own permission, the shell or a reference uid, or another member of its shared uid; not when persistent, on USER_UNLOCKED (registered receivers only) or MY_PACKAGE_REPLACED, or with the NFC uid', async () => {
    const dir = tempDir('ag-evasion-suspected-');
    const make = (name: string, manifestBody: string, rootAttrs = ''): string => {
      const src = join(dir, 'src', name);
      const manifest = put(
        join(src, 'AndroidManifest.xml'),
        `<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.acme.${name.toLowerCase()}"${rootAttrs}>\n${manifestBody}\n</manifest>\n`,
      );
      put(join(src, 'res', 'values', 'values.xml'), '<resources><string name="uid">android.uid.system</string><string name="to">10659401</string></resources>\n');
      const apk = join(dir, 'build', 'system', 'priv-app', name, `${name}.apk`);
      mkdirSync(dirname(apk), { recursive: true });
      execFileSync('aapt', ['package', '-f', '-M', manifest, '-I', FRAMEWORK_RES, '-S', join(src, 'res'), '-F', apk]);
      return apk;
    };
    const perms = (...p: string[]) => p.map((x) => `<uses-permission android:name="android.permission.${x}"/>`).join('');
    const receiverOf = (...actions: string[]) =>
      `<application><receiver android:name=".R"><intent-filter>${actions.map((a) => `<action android:name="${a}"/>`).join('')}</intent-filter></receiver></application>`;
    const receiver = (action: string) => receiverOf(`android.intent.action.${action}`);
    const uid = (u: string) => ` android:sharedUserId="${u}"`;
    make('Persistent', `${perms('READ_PHONE_STATE', 'SEND_SMS')}<application android:persistent="true"/>`);
    make('Unlock', `${perms('READ_PHONE_STATE', 'SEND_SMS')}${receiver('USER_PRESENT')}`);
    make('Sim', `${perms('READ_PHONE_STATE', 'SEND_SMS')}${receiver('SIM_STATE_CHANGED')}`);
    make('SharedUid', `${perms('SEND_SMS')}${receiver('BOOT_COMPLETED')}`, ' android:sharedUserId="@string/uid"');
    make('PreBoot', `${perms('READ_PHONE_STATE')}${receiver('PRE_BOOT_COMPLETED')}`);
    // One intent-filter of several actions, the start one last; the line number read through READ_PHONE_NUMBERS.
    const carrier = make('Carrier', `${perms('READ_PHONE_NUMBERS')}${receiverOf('com.acme.PING', 'android.telephony.action.CARRIER_CONFIG_CHANGED')}`);
    make('Shell', receiver('BOOT_COMPLETED'), uid('android.uid.shell'));
    // The client requests nothing; its helper, under the same uid, requests READ_PRIVILEGED_PHONE_STATE.
    make('Client', receiver('BOOT_COMPLETED'), uid('com.acme.uid'));
    make('Helper', `${perms('READ_PRIVILEGED_PHONE_STATE')}<application/>`, uid('com.acme.uid'));
    // Neither: a persistent app that cannot read identity, one that never starts on its own, one on
    // USER_UNLOCKED or MY_PACKAGE_REPLACED, one with the NFC uid (whose app reads no identity).
    make('Quiet', `${perms('SEND_SMS')}<application android:persistent="true"/>`);
    make('Idle', `${perms('READ_PHONE_STATE', 'SEND_SMS')}<application/>`);
    make('Unlocked', `${perms('READ_PHONE_STATE', 'SEND_SMS')}${receiver('USER_UNLOCKED')}`);
    make('Replaced', `${perms('READ_PHONE_STATE', 'SEND_SMS')}${receiver('MY_PACKAGE_REPLACED')}`);
    make('Nfc', receiver('BOOT_COMPLETED'), uid('android.uid.nfc'));
    expect(execFileSync('aapt', ['dump', 'xmltree', join(dir, 'build/system/priv-app/SharedUid/SharedUid.apk'), 'AndroidManifest.xml'], { encoding: 'utf8' })).toMatch(/sharedUserId\(0x0101000b\)=@0x7f/);
    expect(execFileSync('aapt', ['dump', 'xmltree', carrier, 'AndroidManifest.xml'], { encoding: 'utf8' })).toMatch(
      /E: intent-filter[^]*A: android:name\(0x01010003\)="com\.acme\.PING"[^]*A: android:name\(0x01010003\)="android\.telephony\.action\.CARRIER_CONFIG_CHANGED"/,
    );
    const report = await scanIn(dir);
    const suspected = report.findings.filter((f) => f.rule === 'suspected-activation-client');
    expect(suspected.map((f) => f.package)).toEqual(['com.acme.carrier', 'com.acme.client', 'com.acme.preboot', 'com.acme.shareduid', 'com.acme.shell', 'com.acme.sim', 'com.acme.unlock']);
    expect(suspected.find((f) => f.package === 'com.acme.client')?.message).toContain('shares the uid com.acme.uid with com.acme.helper, which holds READ_PRIVILEGED_PHONE_STATE');
    // Its listed SMS number (a string resource) is then a client's: denied in an EU build.
    expect(report.findings.filter((f) => f.rule === 'denied-endpoint' && f.endpoint === '10659401').map((f) => f.client)).toEqual(['com.acme.carrier']);
  });
});

withAapt('an action whose raw and typed names differ', () => {
  it('starts the app by its raw name, which Android reads first (XmlBlock getAttributeValue): a typed value naming another action does not hide a boot receiver', async () => {
    const dir = tempDir('ag-evasion-rawaction-');
    const manifest = put(
      join(dir, 'src', 'AndroidManifest.xml'),
      '<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.acme.raw"><uses-permission android:name="android.permission.READ_PHONE_STATE"/>' +
        '<application><receiver android:name=".R"><intent-filter><action android:name="com.acme.PING"/></intent-filter>' +
        '<intent-filter><action android:name="android.intent.action.BOOT_COMPLETED"/></intent-filter></receiver></application></manifest>\n',
    );
    const built = join(dir, 'built.apk');
    execFileSync('aapt', ['package', '-f', '-M', manifest, '-I', FRAMEWORK_RES, '-F', built]);
    // The pool indexes aapt gave the two names, then the boot action's attribute (raw index, a
    // string Res_value of size 8 and the same index) re-pointed at the other name: raw stays.
    const pool = execFileSync('aapt', ['dump', 'xmlstrings', built, 'AndroidManifest.xml'], { encoding: 'utf8' });
    const indexOf = (str: string): number => Number(new RegExp(`^String #(\\d+): ${str.replace(/\./g, '\\.')}$`, 'm').exec(pool)?.[1]);
    const boot = indexOf('android.intent.action.BOOT_COMPLETED');
    const ping = indexOf('com.acme.PING');
    const work = join(dir, 'work');
    execFileSync('unzip', ['-q', '-o', built, '-d', work]);
    const xml = readFileSync(join(work, 'AndroidManifest.xml'));
    const attr = Buffer.alloc(12);
    attr.writeUInt32LE(boot, 0);
    attr.writeUInt16LE(8, 4);
    attr.writeUInt8(0x03, 7);
    attr.writeUInt32LE(boot, 8);
    const at = xml.indexOf(attr);
    expect([at > 0, xml.indexOf(attr, at + 1)]).toEqual([true, -1]);
    xml.writeUInt32LE(ping, at + 8);
    put(join(work, 'AndroidManifest.xml'), xml);
    const apk = join(dir, 'build', 'system', 'priv-app', 'Raw', 'Raw.apk');
    mkdirSync(dirname(apk), { recursive: true });
    execFileSync('zip', ['-q', '-r', apk, 'AndroidManifest.xml', 'resources.arsc'], { cwd: work });
    put(join(dir, 'build', 'system', 'priv-app', 'Raw', 'oat', 'arm64', 'Raw.odex'), '\0http://raw.acme-cn.com/register\0');
    // aapt, like Android, reads a string attribute by its raw index: it still sees the boot action.
    expect(execFileSync('unzip', ['-p', apk, 'AndroidManifest.xml']).readUInt32LE(at + 8)).toBe(ping);
    expect(execFileSync('aapt', ['dump', 'xmltree', apk, 'AndroidManifest.xml'], { encoding: 'utf8' })).toContain(
      'A: android:name(0x01010003)="android.intent.action.BOOT_COMPLETED" (Raw: "android.intent.action.BOOT_COMPLETED")',
    );
    const report = await scanIn(dir);
    expect(report.findings.filter((f) => f.rule === 'suspected-activation-client' || f.rule === 'unlisted-client-endpoint').map((f) => [f.rule, f.package ?? f.client])).toEqual([
      ['unlisted-client-endpoint', 'com.acme.raw'],
      ['suspected-activation-client', 'com.acme.raw'],
    ]);
  });
});

withAapt('an app\'s code beside its APK', () => {
  it('a JNI library its lib/arm64/ links to in /system/lib64 (a make-built app) and a stripped app\'s oat/ file make it suspected', async () => {
    const { symlinkSync } = await import('node:fs');
    const dir = tempDir('ag-evasion-beside-');
    for (const name of ['Linked', 'Preopted']) {
      const src = join(dir, 'src', name);
      const manifest = put(
        join(src, 'AndroidManifest.xml'),
        `<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.acme.${name.toLowerCase()}"><uses-permission android:name="android.permission.READ_PHONE_STATE"/><application><receiver android:name=".R"><intent-filter><action android:name="android.intent.action.BOOT_COMPLETED"/></intent-filter></receiver></application></manifest>\n`,
      );
      const apk = join(dir, 'build', 'system', 'app', name, `${name}.apk`);
      mkdirSync(dirname(apk), { recursive: true });
      execFileSync('aapt', ['package', '-f', '-M', manifest, '-I', FRAMEWORK_RES, '-F', apk]);
    }
    put(join(dir, 'build', 'system', 'lib64', 'lib selfreg.so'), '\0http://selfreg.acme-cn.com/register\0');
    mkdirSync(join(dir, 'build', 'system', 'app', 'Linked', 'lib', 'arm64'), { recursive: true });
    symlinkSync('/system/lib64/lib selfreg.so', join(dir, 'build', 'system', 'app', 'Linked', 'lib', 'arm64', 'libselfreg.so'));
    put(join(dir, 'build', 'system', 'app', 'Preopted', 'oat', 'arm64', 'Preopted.odex'), '\0http://preopt.acme-cn.com/register\0');
    const report = await scanIn(dir);
    expect(report.targets.flatMap((t) => t.skipped).filter((s) => s.path.endsWith('/libselfreg.so'))).toEqual([
      { path: 'system/app/Linked/lib/arm64/libselfreg.so', reason: expect.stringMatching(/^symlink to \/system\/lib64\/lib selfreg\.so /), target: '/system/lib64/lib selfreg.so' },
    ]);
    expect(report.findings.filter((f) => f.rule === 'suspected-activation-client').map((f) => f.package)).toEqual(['com.acme.linked', 'com.acme.preopted']);
    expect(report.findings.filter((f) => f.rule === 'unlisted-client-endpoint').map((f) => [f.endpoint, f.client])).toEqual([
      ['preopt.acme-cn.com', 'com.acme.preopted'],
      ['selfreg.acme-cn.com', 'com.acme.linked'],
    ]);
  });
});

withClient('a catalogued client with a China host in its WW slot for API 21+', () => {
  it('selects CN (aapt compiles values-v21; the slot it reads with isCnVersion false holds the China host)', async () => {
    const dir = tempDir('ag-evasion-v21slot-');
    put(join(dir, 'src', 'res', 'values-v21', 'strings.xml'), '<resources><string name="SERVER_ADDRESS_WW">https://caivssp-fi-cn.c2dms.com</string></resources>\n');
    const apk = aaptApk(dir, 'com.evenwell.autoregistration', 'AutoRegistration', '<bool name="isCnVersion">false</bool><string name="SERVER_ADDRESS_WW">https://www.c2dms.com</string>');
    addToggleReader(apk, join(dir, 'code'), 'com.evenwell.autoregistration');
    expect(execFileSync('aapt', ['dump', '--values', 'resources', apk], { encoding: 'utf8' })).toMatch(/config v21:[\s\S]*caivssp-fi-cn\.c2dms\.com/);
    const report = await scanIn(dir);
    expect(report.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.endpoint ?? f.client}`)).toEqual(['denied-endpoint caivssp-fi-cn.c2dms.com', 'variant-toggle evenwell-caivs']);
  });
});

withClient('a catalogued client built for China', () => {
  it('selects its CN variant by its own bool/isCnVersion (aapt compiles it; no overlay changes it): its CN hosts are active in EU', async () => {
    const dir = tempDir('ag-evasion-cnbuild-');
    const values = '<bool name="isCnVersion">true</bool><string name="SERVER_ADDRESS_CN">https://cn.c2dms.com</string><string name="SERVER_ADDRESS_WW">https://www.c2dms.com</string>';
    const apk = aaptApk(dir, 'com.evenwell.autoregistration', 'AutoRegistration', values);
    addToggleReader(apk, join(dir, 'code'), 'com.evenwell.autoregistration');
    expect(execFileSync('aapt', ['dump', '--values', 'resources', apk], { encoding: 'utf8' })).toMatch(/bool\/isCnVersion: t=0x12 d=0xffffffff/);
    const report = await scanIn(dir);
    expect(report.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.endpoint ?? f.client}`)).toEqual(['denied-endpoint cn.c2dms.com', 'variant-toggle evenwell-caivs']);
  });
});

withAapt('an integer resource', () => {
  it('equal to a listed SMS number is that number (aapt stores <integer> as TYPE_INT_DEC); other integers are not', async () => {
    const dir = tempDir('ag-evasion-ints-');
    const apk = aaptApk(dir, 'com.example.ints', 'I', '<integer name="reg_sms">10659401</integer><integer name="timeout">10600000</integer>');
    expect(execFileSync('aapt', ['dump', '--values', 'resources', apk], { encoding: 'utf8' })).toMatch(/t=0x10 d=0x00a2a649/);
    const report = await scanIn(dir);
    const sms = report.targets[0].endpoints.filter((e) => e.kind === 'sms');
    expect(sms.map((e) => [e.value, e.evidence.map((x) => [x.path, x.entry, x.source])])).toEqual([['10659401', [['system/app/I/I.apk', 'resources.arsc', 'arsc']]]]);
  });
});

describe('bytes of an APK outside its entries', () => {
  it('the ZIP comment (ZipFile.getComment) and a non-signature pair of the APK Signing Block (a Walle channel) are scanned', async () => {
    const dir = tempDir('ag-evasion-outside-');
    // The signed fixture's block holds the v2 signature and a padding pair (0x42726577): the
    // padding becomes a channel pair (Walle's id) naming a host, its length unchanged. The v2
    // signature does not cover the block, so the APK still verifies.
    const buf = readFileSync(join(APKS, 'benign.apk'));
    const magic = buf.indexOf('APK Sig Block 42');
    const start = magic + 16 - Number(buf.readBigUInt64LE(magic - 8)) - 8;
    let channelAt = -1;
    for (let p = start + 8; p < magic - 8; p += 8 + Number(buf.readBigUInt64LE(p))) {
      if (buf.readUInt32LE(p + 8) !== 0x42726577) continue;
      buf.writeUInt32LE(0x71777777, p + 8);
      buf.write('{"channel":"cn","reg":"https://zzhc.vnet.cn/"}', p + 12, 'latin1');
      channelAt = p + 12 + '{"channel":"cn","reg":"'.length;
    }
    expect(channelAt).toBeGreaterThan(0);
    put(join(dir, 'build', 'system', 'app', 'C', 'C.apk'), buf);
    // The comment, written by zip itself.
    const commented = put(join(dir, 'build', 'system', 'app', 'C', 'D.apk'), readFileSync(join(APKS, 'benign.apk')));
    execFileSync('zip', ['-q', '-z', commented], { input: 'register at http://dm.wo.com.cn:6001/\n' });
    const report = await scanIn(dir);
    expect(evidenceOf(report, 'zzhc.vnet.cn')).toEqual([['system/app/C/C.apk', null, 'file', channelAt]]);
    expect(evidenceOf(report, 'dm.wo.com.cn')).toEqual([['system/app/C/D.apk', null, 'file', readFileSync(commented).lastIndexOf('http://dm.wo.com.cn')]]);
  });
});

describe('what a ZIP says of each entry besides its name', () => {
  const withZip = haveTools('zip', 'zipinfo', 'python3') ? it : it.skip;
  if (!haveTools('zip', 'zipinfo', 'python3')) console.warn('SKIPPED entry comments and extra fields: needs zip, zipinfo (unzip) and python3');

  withZip('an entry\'s comment (zip -c; ZipEntry.getComment) and its extra fields, central (ZipFile\'s getExtra) and local (ZipInputStream\'s), are scanned', async () => {
    const dir = tempDir('ag-evasion-entry-meta-');
    put(join(dir, 'work', 'a.txt'), 'nothing here\n');
    const commented = join(dir, 'build', 'system', 'framework', 'c.jar');
    mkdirSync(dirname(commented), { recursive: true });
    // zip -c asks for a one-line comment for each file it adds.
    execFileSync('zip', ['-q', '-c', commented, 'a.txt'], { cwd: join(dir, 'work'), input: 'reg http://zzhc.vnet.cn/x\n' });
    expect(execFileSync('zipinfo', ['-v', commented], { encoding: 'utf8' })).toContain('reg http://zzhc.vnet.cn/x');
    // Python's zipfile writes an entry's extra field in its local header, and again in the
    // central directory when the archive is closed: a different one there.
    const extras = join(dir, 'build', 'system', 'framework', 'e.jar');
    execFileSync('python3', ['-c', `import sys, struct, zipfile
def field(text):
    data = text.encode()
    return struct.pack('<HH', 0x6761, len(data)) + data
z = zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED)
info = zipfile.ZipInfo('b.txt')
info.extra = field('local http://114.255.193.236/l')
z.writestr(info, 'nothing here\\n')
info.extra = field('central http://dm.wo.com.cn:6001/c')
z.close()
r = zipfile.ZipFile(sys.argv[1])
assert b'dm.wo.com.cn' in r.getinfo('b.txt').extra`, extras]);
    const c = readFileSync(commented);
    const e = readFileSync(extras);
    // Each is where the format puts it: the local field before the central directory's.
    expect(e.indexOf('114.255.193.236')).toBeLessThan(e.indexOf('dm.wo.com.cn'));
    const report = await scanIn(dir);
    expect(evidenceOf(report, 'zzhc.vnet.cn')).toEqual([['system/framework/c.jar', null, 'file', c.indexOf('http://zzhc.vnet.cn')]]);
    expect(evidenceOf(report, 'dm.wo.com.cn')).toEqual([['system/framework/e.jar', null, 'file', e.indexOf('http://dm.wo.com.cn')]]);
    expect(evidenceOf(report, '114.255.193.236')).toEqual([['system/framework/e.jar', null, 'file', e.indexOf('http://114.255.193.236')]]);
    expect(report.targets[0].unreadable).toEqual([]);
  });
});

describe('a DEX or compiled XML where a scan of its strings alone would stop', () => {  const withZip = haveTools('zip', 'unzip') ? it : it.skip;
  if (!haveTools('zip', 'unzip')) console.warn('SKIPPED DEX and compiled XML carrying other bytes: needs zip and unzip');

  withZip('bytes after a DEX (an asset, a file that is not named .dex) and after a compiled XML document are scanned; compiled XML is read by its shape, whatever its name or top type', async () => {
    const dir = tempDir('ag-evasion-trail-');
    const src = join(dir, 'src');
    // The real DEX and compiled XML of the fixtures (smali, aapt), with text appended.
    execFileSync('unzip', ['-q', '-o', join(APKS, 'dex-only.apk'), 'classes.dex', '-d', dir]);
    execFileSync('unzip', ['-q', '-o', join(APKS, 'xml-only.apk'), 'res/xml/config.xml', '-d', dir]);
    const dex = readFileSync(join(dir, 'classes.dex'));
    const xml = readFileSync(join(dir, 'res', 'xml', 'config.xml'));
    put(join(src, 'assets', 'cfg.bin'), Buffer.concat([dex, Buffer.from('\0https://zzhc.vnet.cn/a\0')]));
    put(join(src, 'res', 'xml', 'tail.xml'), Buffer.concat([xml, Buffer.from('\0https://dm.wo.com.cn/b\0')]));
    put(join(src, 'res', 'xml', 'profile.bin'), xml);
    const zeroed = Buffer.from(xml);
    zeroed.writeUInt16LE(0, 0); // the top chunk's type, which Android's parser does not check
    put(join(src, 'res', 'xml', 'zeroed.xml'), zeroed);
    const jar = join(dir, 'build', 'system', 'app', 'T', 'T.jar');
    mkdirSync(dirname(jar), { recursive: true });
    execFileSync('zip', ['-q', '-r', jar, 'assets', 'res'], { cwd: src });
    put(join(dir, 'build', 'system', 'etc', 'reg.cfg'), Buffer.concat([dex, Buffer.from('\0http://114.255.193.236/c\0')]));
    const report = await scanIn(dir);
    expect(evidenceOf(report, 'zzhc.vnet.cn')).toEqual([['system/app/T/T.jar', 'assets/cfg.bin', 'asset', dex.length + 1]]);
    expect(evidenceOf(report, 'dm.wo.com.cn')).toEqual([['system/app/T/T.jar', 'res/xml/tail.xml', 'file', xml.length + 1]]);
    expect(evidenceOf(report, '114.255.193.236')).toEqual([['system/etc/reg.cfg', null, 'file', dex.length + 1]]);
    // The fixture's host from the string pool of each compiled XML (source xml), however it is
    // named and whatever its top chunk's type.
    expect(evidenceOf(report, 'xml-only.acme-cn.com.cn')).toEqual(['profile.bin', 'tail.xml', 'zeroed.xml'].map((n) => ['system/app/T/T.jar', `res/xml/${n}`, 'xml', 106]));
  });
});

describe('gzip data', () => {
  const withGzip = haveTools('gzip', 'zip') ? it : it.skip;
  if (!haveTools('gzip', 'zip')) console.warn('SKIPPED gzip data: needs gzip and zip');

  withGzip('a gzip\'d asset and a gzip\'d file of the build are scanned for what they hold; gzip data that does not decompress is unreadable', async () => {
    const dir = tempDir('ag-evasion-gz-');
    execFileSync('gzip', ['-9', put(join(dir, 'src', 'assets', 'cfg.json'), '{"reg": "https://zzhc.vnet.cn/reg"}\n')]);
    mkdirSync(join(dir, 'build', 'system', 'app', 'G'), { recursive: true });
    execFileSync('zip', ['-q', '-0', '-r', join(dir, 'build', 'system', 'app', 'G', 'G.jar'), 'assets'], { cwd: join(dir, 'src') });
    execFileSync('gzip', ['-9', put(join(dir, 'build', 'system', 'etc', 'dm.conf'), 'server=http://dm.wo.com.cn:6001/\n')]);
    // gzip's magic, then bytes that are not deflate.
    put(join(dir, 'build', 'system', 'etc', 'bad.gz'), Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), Buffer.alloc(32, 0xff)]));
    const report = await scanIn(dir);
    expect(evidenceOf(report, 'zzhc.vnet.cn')).toEqual([['system/app/G/G.jar', 'assets/cfg.json.gz', 'asset', '{"reg": "'.length]]);
    expect(evidenceOf(report, 'dm.wo.com.cn')).toEqual([['system/etc/dm.conf.gz', null, 'file', 'server='.length]]);
    expect(report.targets[0].unreadable).toEqual([expect.objectContaining({ path: 'system/etc/bad.gz', format: 'gzip', reason: expect.stringMatching(/^gzip data that does not decompress/) })]);
  });
});

describe('UTF-16LE text', () => {
  it('in a native library (C11 u"" literals, built by gcc) is scanned: GNU strings -e l reads the URL and the SMS number at the offsets reported', async () => {
    const NATIVE = join(import.meta.dirname, '..', 'fixtures', 'native');
    // What `strings -t d -e l libwide.so` printed when the fixture was built (build-native.sh).
    const strings = new Map(
      readFileSync(join(NATIVE, 'libwide.strings-el.txt'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => /^\s*(\d+) (.*)$/.exec(l)!)
        .map((m) => [m[2], Number(m[1])] as const),
    );
    const lib = readFileSync(join(NATIVE, 'libwide.so'));
    // Only there as UTF-16: read as ASCII, the library names neither host.
    expect(lib.includes('vnet')).toBe(false);
    expect(lib.includes('acme')).toBe(false);
    expect(lib.includes('10659401')).toBe(false);
    const dir = tempDir('ag-evasion-wide-');
    put(join(dir, 'build', 'vendor', 'lib64', 'libwide.so'), lib);
    const report = await scanIn(dir);
    expect(evidenceOf(report, 'zzhc.vnet.cn')).toEqual([['vendor/lib64/libwide.so', null, 'native', strings.get('http://zzhc.vnet.cn/zzhc/register?imei=')]]);
    // a bare name in UTF-16 text is taken only when a list names it (ICU's data is full of dotted words)
    expect(strings.get('reg.acme-cn.com.cn')).toBeGreaterThan(0);
    expect(evidenceOf(report, 'reg.acme-cn.com.cn')).toBeUndefined();
    expect(evidenceOf(report, '10659401')).toEqual([['vendor/lib64/libwide.so', null, 'native', strings.get('10659401')]]);
    expect(report.findings.some((f) => f.rule === 'denied-endpoint' && f.endpoint === 'zzhc.vnet.cn')).toBe(true);
  });

  it('in a file iconv wrote is scanned, at the offsets in its UTF-16 bytes; a bare name only when listed', async () => {
    const dir = tempDir('ag-evasion-iconv-');
    const text = put(join(dir, 'reg.txt'), 'server=https://reg.acme-cn.com.cn/reg\nbackup=zzhc.vnet.cn\ntime=h.mm.ss\nip=124.207.3.53\nver=72.1.0.0\n');
    const wide = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'UTF-16LE', text]);
    put(join(dir, 'build', 'system', 'etc', 'reg.cfg'), wide);
    const report = await scanIn(dir);
    expect(evidenceOf(report, 'reg.acme-cn.com.cn')).toEqual([['system/etc/reg.cfg', null, 'file', 2 * 'server='.length]]);
    // bare: the catalogued host is taken, a dotted word is not
    expect(evidenceOf(report, 'zzhc.vnet.cn')).toEqual([['system/etc/reg.cfg', null, 'file', 2 * 'server=https://reg.acme-cn.com.cn/reg\nbackup='.length]]);
    expect(evidenceOf(report, 'h.mm.ss')).toBeUndefined();
    // a bare address the catalog lists (FIH's AutoRegistration server) is taken, a version is not
    expect(evidenceOf(report, '124.207.3.53')).toEqual([['system/etc/reg.cfg', null, 'file', 2 * 'server=https://reg.acme-cn.com.cn/reg\nbackup=zzhc.vnet.cn\ntime=h.mm.ss\nip='.length]]);
    expect(evidenceOf(report, '72.1.0.0')).toBeUndefined();
  });
});

describe('a URL after its length in binary data', () => {
  const withProtoc = haveTools('protoc') ? it : it.skip;
  if (!haveTools('protoc')) console.warn('SKIPPED a URL after its length: needs protoc (apt-get install protobuf-compiler)');

  withProtoc('is a URL when the length bytes before it read as letters or digits (a protocol buffer protoc encoded)', async () => {
    // Field 12's tag is 'b' and a 104-byte string's length 'h': "bhhttps://..."; field 6 with 50
    // bytes: "22http://...". A class file's CONSTANT_Utf8 length does the same. Those URLs were
    // taken for other schemes: an unlisted host was lost, a listed one reported without its scheme.
    const dir = tempDir('ag-evasion-proto-');
    put(join(dir, 'reg.proto'), 'syntax = "proto3";\nmessage Reg { string backup = 6; string url = 12; }\n');
    const url = 'https://reg.acme-cn.com.cn/register?x=';
    const backup = 'http://dm.wo.com.cn:6001/';
    const fields = { url: url + 'a'.repeat(104 - url.length), backup: backup + 'b'.repeat(50 - backup.length) };
    const encoded = execFileSync('protoc', [`--proto_path=${dir}`, '--encode=Reg', join(dir, 'reg.proto')], {
      input: `url: "${fields.url}"\nbackup: "${fields.backup}"\n`,
    });
    const text = encoded.toString('latin1');
    expect(text.startsWith('22http://dm.wo.com.cn')).toBe(true);
    expect(text.includes('bhhttps://reg.acme-cn.com.cn')).toBe(true);
    put(join(dir, 'build', 'vendor', 'etc', 'reg.pb'), encoded);
    const report = await scanIn(dir);
    const endpoint = (value: string) => report.targets[0].endpoints.find((e) => e.value === value);
    expect(endpoint('reg.acme-cn.com.cn')).toMatchObject({ scheme: 'https', evidence: [{ path: 'vendor/etc/reg.pb', source: 'file', offset: text.indexOf('https://') }] });
    expect(endpoint('dm.wo.com.cn')).toMatchObject({ scheme: 'http', port: 6001, cleartext: true, evidence: [{ path: 'vendor/etc/reg.pb', source: 'file', offset: 2 }] });
  });
});

describe('a string read as raw bytes after its length', () => {
  it('in a class file javac wrote: the listed host and address and the URL are found where javap shows them, not renamed by the length byte', async () => {
    const CLASSES = join(import.meta.dirname, '..', 'fixtures', 'classfile');
    // The constants `javap -v Reg.class` listed when the fixture was built (build-classfile.sh).
    const constants = readFileSync(join(CLASSES, 'Reg.javap.txt'), 'utf8').trim().split('\n').map((l) => /= Utf8 +(.*)$/.exec(l)![1]);
    const cls = readFileSync(join(CLASSES, 'Reg.class'));
    const at = constants.map((c) => cls.indexOf(c));
    // Each after its 2-byte length, whose low byte is printable: '3', '2', 'f'.
    expect(at.map((i) => [cls.readUInt16BE(i - 2), cls[i - 1]])).toEqual(constants.map((c) => [c.length, c.length]));
    expect(constants.map((c) => String.fromCharCode(c.length))).toEqual(['3', '2', 'f']);
    const dir = tempDir('ag-evasion-class-');
    put(join(dir, 'build', 'system', 'framework', 'Reg.class'), cls);
    const report = await scanIn(dir);
    const found = report.targets[0].endpoints.map((e) => [e.value, e.scheme ?? null, e.status, e.evidence.map((x) => x.offset)]);
    expect(found).toEqual([
      ['selfreg.acme-cn.com', 'http', 'unlisted', [at[2]]],
      ['zzhc.vnet.cn', null, 'denied', [at[0]]],
      ['124.207.3.53', null, 'denied', [at[1]]],
    ]);
  });
});

describe('an IPv6 address that reaches a denied IPv4 one', () => {
  it('is denied as that IPv4 address is (IPv4-mapped and NAT64 spellings of China Telecom\'s 124.207.3.53)', async () => {
    const dir = tempDir('ag-evasion-mapped-');
    put(join(dir, 'build', 'system', 'etc', 'reg.conf'), 'a=http://[::ffff:7ccf:335]:8083/reg\nb=http://[64:ff9b::124.207.3.53]/reg\n');
    const report = await scanIn(dir);
    const denied = report.findings.filter((f) => f.rule === 'denied-endpoint').map((f) => [f.endpoint, f.message.match(/by "([^"]+)"/)?.[1]]);
    expect(denied).toEqual([
      // The dotted IPv4 inside the NAT64 spelling is found as itself too.
      ['124.207.3.53', '124.207.3.53'],
      ['64:ff9b::7ccf:335', '124.207.3.53'],
      ['::ffff:7ccf:335', '124.207.3.53'],
    ]);
  });
});

describe('ELF section names', () => {
  const withGcc = haveTools('gcc', 'readelf') ? it : it.skip;
  if (!haveTools('gcc', 'readelf')) console.warn('SKIPPED ELF section names: needs gcc and readelf (apt-get install gcc binutils)');

  withGcc('.data.rel.ro and .rela.data.rel.ro.local (gcc -fPIC puts a table of pointers there) are no hosts; the URL in the library is', async () => {
    const dir = tempDir('ag-evasion-relro-');
    const src = put(
      join(dir, 'src', 'relro.c'),
      'static const char *const urls[] = { "https://reg.acme-cn.com.cn/r", "x" };\n' +
        'extern const char name[];\nconst char *const exported[] = { name, "b" };\n' +
        'const char name[] = "a";\nconst char *pick(int i) { return i > 1 ? exported[i & 1] : urls[i & 1]; }\n',
    );
    const so = join(dir, 'build', 'vendor', 'lib64', 'librelro.so');
    const obj = join(dir, 'build', 'vendor', 'lib64', 'relro.o');
    mkdirSync(dirname(so), { recursive: true });
    execFileSync('gcc', ['-shared', '-fPIC', '-O2', '-s', '-o', so, src]);
    execFileSync('gcc', ['-c', '-fPIC', '-O2', '-o', obj, src]);
    const sections = (f: string): string[] => execFileSync('readelf', ['-SW', f], { encoding: 'utf8' }).match(/\.[\w.]*rel\.ro[\w.]*/g) ?? [];
    expect(sections(so)).toContain('.data.rel.ro');
    expect(sections(obj)).toEqual(expect.arrayContaining(['.data.rel.ro.local', '.rela.data.rel.ro.local', '.data.rel.ro', '.rela.data.rel.ro']));
    const report = await scanIn(dir);
    expect(report.targets[0].endpoints.map((e) => e.value)).toEqual(['reg.acme-cn.com.cn']);
    expect(report.targets[0].endpoints[0].evidence.map((e) => e.path).sort()).toEqual(['vendor/lib64/librelro.so', 'vendor/lib64/relro.o']);
  });
});

describe('a listed host or address glued to the bytes after it', () => {
  const withProtoc = haveTools('protoc') ? it : it.skip;
  const withSqlite = haveTools('sqlite3') ? it : it.skip;
  if (!haveTools('protoc', 'sqlite3')) console.warn('SKIPPED glued names: needs protoc and sqlite3 (apt-get install protobuf-compiler sqlite3)');
  const offsetsOf = (report: Report, value: string): (number | undefined)[] | undefined => report.targets[0].endpoints.find((e) => e.value === value)?.evidence.map((e) => e.offset);

  withProtoc('in a protocol buffer protoc encoded: the next field\'s tag ("2" for field 6, "B" for field 8) after the string', async () => {
    const dir = tempDir('ag-evasion-glued-proto-');
    put(join(dir, 'reg.proto'), 'syntax = "proto3";\nmessage Reg { string host = 1; string path = 6; string ip = 7; string note = 8; }\n');
    const encoded = execFileSync('protoc', [`--proto_path=${dir}`, '--encode=Reg', join(dir, 'reg.proto')], {
      input: 'host: "zzhc.vnet.cn"\npath: "register"\nip: "124.207.3.53"\nnote: "x"\n',
    });
    const text = encoded.toString('latin1');
    expect(text).toContain('zzhc.vnet.cn2');
    expect(text).toContain('124.207.3.53B');
    put(join(dir, 'build', 'vendor', 'etc', 'reg.pb'), encoded);
    const report = await scanIn(dir);
    expect(offsetsOf(report, 'zzhc.vnet.cn')).toEqual([text.indexOf('zzhc')]);
    expect(offsetsOf(report, '124.207.3.53')).toEqual([text.indexOf('124.')]);
    expect(report.findings.filter((f) => f.rule === 'denied-endpoint').map((f) => f.endpoint).sort()).toEqual(['124.207.3.53', 'zzhc.vnet.cn']);
  });

  withSqlite('in a SQLite table sqlite3 wrote: integer columns on both sides of the text ("1zzhc.vnet.cnG"); a longer name of its own stays', async () => {
    const dir = tempDir('ag-evasion-glued-sqlite-');
    const db = join(dir, 'build', 'system', 'etc', 'reg.db');
    mkdirSync(dirname(db), { recursive: true });
    execFileSync('sqlite3', [db, "CREATE TABLE reg(a INTEGER, host TEXT, n INTEGER); INSERT INTO reg VALUES (49, 'zzhc.vnet.cn', 71), (49, '124.207.3.53', 71), (0, 'zzhc.vnet.community', 0);"]);
    expect(execFileSync('sqlite3', [db, 'SELECT count(*) FROM reg'], { encoding: 'utf8' }).trim()).toBe('3');
    const bytes = readFileSync(db).toString('latin1');
    expect(bytes).toContain('1zzhc.vnet.cnG');
    expect(bytes).toContain('1124.207.3.53G');
    const report = await scanIn(dir);
    expect(offsetsOf(report, 'zzhc.vnet.cn')).toEqual([bytes.indexOf('zzhc.vnet.cnG')]);
    expect(offsetsOf(report, '124.207.3.53')).toEqual([bytes.indexOf('124.207.3.53G')]);
    expect(report.targets[0].endpoints.map((e) => e.value).sort()).toEqual(['124.207.3.53', 'zzhc.vnet.cn']);
  });
});

describe('a listed host after the length of a string that holds UTF-8', () => {
  const withJavac = haveTools('javac') ? it : it.skip;
  if (!haveTools('javac')) console.warn('SKIPPED UTF-8 after a length: needs javac (apt-get install default-jdk-headless)');

  withJavac('in a class file javac wrote: the constant\'s length counts its bytes ("3", 51, with 注册 in it)', async () => {
    const dir = tempDir('ag-evasion-utf8-class-');
    const url = 'zzhc.vnet.cn/注册?imei=0&meid=0&x=012345678901234';
    expect(Buffer.byteLength(url)).toBe(0x33);
    put(join(dir, 'src', 'Reg.java'), `public class Reg { public static String url() { return "${url}"; } }\n`);
    execFileSync('javac', ['-encoding', 'UTF-8', '-d', join(dir, 'build', 'system', 'framework'), join(dir, 'src', 'Reg.java')]);
    const cls = readFileSync(join(dir, 'build', 'system', 'framework', 'Reg.class'));
    const at = cls.indexOf(Buffer.from(url, 'utf8'));
    expect([cls[at - 3], cls.readUInt16BE(at - 2)]).toEqual([1, 0x33]); // CONSTANT_Utf8, its length in bytes
    const report = await scanIn(dir);
    expect(report.targets[0].endpoints.map((e) => [e.value, e.evidence.map((x) => x.offset)])).toEqual([['zzhc.vnet.cn', [at]]]);
  });
});

describe('a listed host, address or SMS number glued to the bytes before it', () => {
  const withSqlite = haveTools('sqlite3') ? it : it.skip;
  const withRustc = haveTools('rustc') ? it : it.skip;
  if (!haveTools('sqlite3')) console.warn('SKIPPED glued before (SQLite): needs sqlite3 (apt-get install sqlite3)');
  if (!haveTools('rustc')) console.warn('SKIPPED glued before (rustc): needs rustc (apt-get install rustc)');
  const offsetsOf = (report: Report, value: string): (number | undefined)[] | undefined => report.targets[0].endpoints.find((e) => e.value === value)?.evidence.map((e) => e.offset);
  const denied = (report: Report): string[] => [...new Set(report.findings.filter((f) => f.rule === 'denied-endpoint').map((f) => f.endpoint!))].sort();

  withSqlite('in a SQLite table sqlite3 wrote: text columns back to back ("China Telecom46003zzhc.vnet.cn10659401")', async () => {
    const dir = tempDir('ag-evasion-glued-before-sqlite-');
    const db = join(dir, 'build', 'system', 'etc', 'operators.db');
    mkdirSync(dirname(db), { recursive: true });
    execFileSync('sqlite3', [db, "CREATE TABLE op(name TEXT, mccmnc TEXT, host TEXT, sms TEXT); INSERT INTO op VALUES ('China Telecom', '46003', 'zzhc.vnet.cn', '10659401');"]);
    expect(execFileSync('sqlite3', ['-separator', '|', db, 'SELECT * FROM op'], { encoding: 'utf8' }).trim()).toBe('China Telecom|46003|zzhc.vnet.cn|10659401');
    // The record's body: its four text columns with nothing between them.
    const bytes = readFileSync(db).toString('latin1');
    const row = bytes.indexOf('China Telecom46003zzhc.vnet.cn10659401');
    expect(row).toBeGreaterThan(0);
    const report = await scanIn(dir);
    expect(offsetsOf(report, 'zzhc.vnet.cn')).toEqual([row + 'China Telecom46003'.length]);
    expect(offsetsOf(report, '10659401')).toEqual([row + 'China Telecom46003zzhc.vnet.cn'.length]);
    expect(denied(report)).toEqual(['10659401', 'zzhc.vnet.cn']);
  });

  withRustc('in a program rustc compiled: string literals laid end to end in its read-only data ("connectzzhc.vnet.cn")', async () => {
    const dir = tempDir('ag-evasion-glued-before-rustc-');
    const src = put(
      join(dir, 'src', 'reg.rs'),
      [
        '// Registration strings as a client holds them: each a literal of its own.',
        'use std::io::Write;',
        'static PARTS: [&str; 5] = ["connect", "zzhc.vnet.cn", "10659401", "dm.wo.com.cn", "124.207.3.53"];',
        'fn main() {',
        '    let skip = std::env::args().count();',
        '    let mut out = std::io::stdout();',
        '    for p in PARTS.iter().skip(skip) {',
        '        out.write_all(p.as_bytes()).unwrap();',
        '    }',
        '}',
        '',
      ].join('\n'),
    );
    const bin = join(dir, 'build', 'system', 'bin', 'regclient');
    mkdirSync(dirname(bin), { recursive: true });
    execFileSync('rustc', ['-C', 'opt-level=2', '-o', bin, src]);
    expect(execFileSync(bin, ['a', 'b'], { encoding: 'utf8' })).toBe('dm.wo.com.cn124.207.3.53'); // the program and 2 arguments: 3 skipped
    // Where rustc put each listed literal, and what it glued before it: no NUL between literals.
    // rustc 1.95 lays out "connectzzhc.vnet.cn" and "10659401dm.wo.com.cn124.207.3.53", Debian's
    // 1.63 all five end to end between two file names ("...stdout.rsconnectzzhc...53reg.rs").
    const bytes = readFileSync(bin);
    const listed = ['zzhc.vnet.cn', '10659401', 'dm.wo.com.cn', '124.207.3.53'];
    const at = new Map(listed.map((l) => [l, bytes.indexOf(l)]));
    for (const l of listed) expect([l, bytes.indexOf(l, at.get(l)! + 1)]).toEqual([l, -1]); // each literal once
    const zzhc = at.get('zzhc.vnet.cn')!;
    expect(bytes.toString('latin1', zzhc - 7, zzhc)).toBe('connect');
    const report = await scanIn(dir);
    for (const l of listed) expect([l, offsetsOf(report, l)]).toEqual([l, [at.get(l)]]);
    expect(denied(report)).toEqual(['10659401', '124.207.3.53', 'dm.wo.com.cn', 'zzhc.vnet.cn']);
  });
});
