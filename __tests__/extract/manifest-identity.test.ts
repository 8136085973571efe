/**
 * The package a manifest declares, read as Android reads it where a crafted manifest gives two
 * answers. Android's ResXMLTree::setTo takes the string pool (and the resource map) from the
 * chunks before the first node, the LAST of each; a manifest with a decoy's pool in front of the
 * client's is installed as the client (`aapt dump badging`, the same parser, says so), where a
 * reader of the first pool sees the decoy's name.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { haveTools } from '../containers/helpers.js';
import { aapt2Apk, ANDROID_NS, FRAMEWORK_RES, haveFrameworkRes } from '../helpers/android.js';
import { scanIn } from '../helpers/scan.js';
import { put, tempDir } from '../helpers/temp.js';

const TOOLS = ['aapt', 'aapt2', 'unzip', 'zip'];
const ready = haveTools(...TOOLS) && haveFrameworkRes();
if (!ready) console.warn(`SKIPPED manifest identity: needs ${TOOLS.join(', ')} and ${FRAMEWORK_RES}`);
const withTools = ready ? describe : describe.skip;

const CLIENT = 'com.qualcomm.qti.autoregistration';
const DECOY = 'com.example.harmless.abcdefghijklm';

const manifestOf = (pkg: string): string =>
  `<manifest ${ANDROID_NS} package="${pkg}"><uses-permission android:name="android.permission.READ_PHONE_STATE"/><application android:label="x"/></manifest>\n`;

/** The AndroidManifest.xml aapt2 linked into `apk`. */
const manifestBytes = (apk: string): Buffer => execFileSync('unzip', ['-p', apk, 'AndroidManifest.xml'], { maxBuffer: 1 << 24 });

/** The package name `aapt dump badging` gives `apk`. */
const badgingPackage = (apk: string): string | undefined => /^package: name='([^']*)'/m.exec(execFileSync('aapt', ['dump', 'badging', apk], { encoding: 'utf8' }))?.[1];

withTools('a manifest of two string pools', () => {
  it("is read by its last pool before the first node, as Android reads it: a decoy's pool in front of the client's does not hide the client", async () => {
    const dir = tempDir('ag-identity-pools-');
    const apk = aapt2Apk(join(dir, 'client'), join(dir, 'build', 'system', 'priv-app', 'AutoRegistration', 'AutoRegistration.apk'), manifestOf(CLIENT), '');
    const decoy = aapt2Apk(join(dir, 'decoy'), join(dir, 'decoy.apk'), manifestOf(DECOY), '');
    const client = manifestBytes(apk);
    const other = manifestBytes(decoy);
    // Both documents start with the 8-byte XML header and then aapt2's string pool chunk.
    for (const doc of [client, other]) expect([doc.readUInt16LE(0), doc.readUInt16LE(8)]).toEqual([0x0003, 0x0001]);
    const decoyPool = other.subarray(8, 8 + other.readUInt32LE(12));
    // The decoy's pool inserted before the client's; the top chunk's size grows by it.
    const spliced = Buffer.concat([client.subarray(0, 8), decoyPool, client.subarray(8)]);
    spliced.writeUInt32LE(spliced.length, 4);
    put(join(dir, 'm', 'AndroidManifest.xml'), spliced);
    execFileSync('zip', ['-q', apk, 'AndroidManifest.xml'], { cwd: join(dir, 'm') });
    // Android's own parser (aapt's ResXMLTree) reads the client's package.
    expect(badgingPackage(apk)).toBe(CLIENT);
    expect(manifestBytes(apk).includes(Buffer.from(DECOY, 'utf16le'))).toBe(true);

    const report = await scanIn(dir);
    expect(report.targets[0].packages.map((p) => p.package)).toEqual([CLIENT]);
    const wrong = report.findings.filter((f) => f.rule === 'wrong-market-client');
    expect(wrong.map((f) => f.client)).toEqual(['ct-self-registration-qualcomm']);
    expect(report.targets[0].packages[0].warnings?.some((w) => w.includes('replaces the one before it'))).toBe(true);
  });
});

withTools('a manifest of a UTF-8 string pool', () => {
  it("whose package string holds a NUL is read up to it, as Android's Java side gets it (JNI NewStringUTF): the client is not hidden behind \\0decoy", async () => {
    const dir = tempDir('ag-identity-nul-');
    // aapt2 writes a manifest's pool in UTF-16 but a res/xml file's in UTF-8: the manifest is
    // compiled as res/xml/m.xml, with `X` where the NUL goes, and used as AndroidManifest.xml.
    const marked = `${CLIENT}Xdecoy`;
    // (a res/xml file keeps no android: attribute aapt2 cannot resolve there: a bare manifest)
    put(join(dir, 'client', 'res', 'xml', 'm.xml'), `<manifest package="${marked}"><application/></manifest>\n`);
    const apk = aapt2Apk(join(dir, 'client'), join(dir, 'build', 'system', 'priv-app', 'AutoRegistration', 'AutoRegistration.apk'), manifestOf(CLIENT), '');
    const strings = execFileSync('aapt', ['dump', 'xmlstrings', apk, 'res/xml/m.xml'], { encoding: 'utf8' });
    expect(strings).toMatch(/UTF-8/);
    expect(strings).toContain(`: ${marked}\n`);
    const doc = Buffer.from(execFileSync('unzip', ['-p', apk, 'res/xml/m.xml'], { maxBuffer: 1 << 24 }));
    const at = doc.indexOf(Buffer.from(marked, 'latin1'));
    expect(at).toBeGreaterThan(0);
    doc[at + CLIENT.length] = 0; // the one byte changed: X -> NUL (the string keeps its length)
    put(join(dir, 'm', 'AndroidManifest.xml'), doc);
    execFileSync('zip', ['-q', apk, 'AndroidManifest.xml'], { cwd: join(dir, 'm') });
    expect(badgingPackage(apk)).toBe(CLIENT);
    expect(manifestBytes(apk).includes(Buffer.from(`${CLIENT}\0decoy`, 'latin1'))).toBe(true);

    const report = await scanIn(dir);
    expect(report.targets[0].packages.map((p) => p.package)).toEqual([CLIENT]);
    expect(report.findings.filter((f) => f.rule === 'wrong-market-client').map((f) => f.client)).toEqual(['ct-self-registration-qualcomm']);
  });
});

/** `aapt dump xmlstrings`'s index of each string of `apk`'s `file`. */
function xmlStringIndex(apk: string, file: string): Map<string, number> {
  const out = execFileSync('aapt', ['dump', 'xmlstrings', apk, file], { encoding: 'utf8' });
  return new Map([...out.matchAll(/^String #(\d+): (.*)$/gm)].map((m) => [m[2], Number(m[1])]));
}

/**
 * `apk` with its first element's (<manifest>'s) attributes replaced by `attrs`, `count` of them
 * `size` bytes apart (no id, class or style attribute): the document and the element grown or
 * shrunk to fit, put back into `apk` with zip.
 */
function replaceManifestAttributes(apk: string, dir: string, attrs: Buffer, size: number, count: number): void {
  const doc = manifestBytes(apk);
  let at = doc.readUInt16LE(2);
  while (doc.readUInt16LE(at) !== 0x0102) at += doc.readUInt32LE(at + 4);
  const ext = at + doc.readUInt16LE(at + 2);
  const head = Buffer.from(doc.subarray(at, ext + 20));
  const x = ext - at;
  head.writeUInt16LE(20, x + 8); // attributeStart
  head.writeUInt16LE(size, x + 10); // attributeSize
  head.writeUInt16LE(count, x + 12); // attributeCount
  head.fill(0, x + 14, x + 20);
  const element = Buffer.concat([head, attrs]);
  element.writeUInt32LE(element.length, 4);
  const crafted = Buffer.concat([doc.subarray(0, at), element, doc.subarray(at + doc.readUInt32LE(at + 4))]);
  crafted.writeUInt32LE(crafted.length, 4);
  put(join(dir, 'm', 'AndroidManifest.xml'), crafted);
  execFileSync('zip', ['-q', apk, 'AndroidManifest.xml'], { cwd: join(dir, 'm') });
}

withTools('a manifest element of overlapping attributes (attributeSize 10)', () => {
  it("is read at Android's stride: the client's `package` Android finds is not hidden behind a decoy's at the 20-byte stride", async () => {
    const dir = tempDir('ag-identity-attrsize-');
    const manifest = `<manifest ${ANDROID_NS} package="${CLIENT}"><application android:label="${DECOY}"/></manifest>\n`;
    const apk = aapt2Apk(join(dir, 'client'), join(dir, 'build', 'system', 'priv-app', 'AutoRegistration', 'AutoRegistration.apk'), manifest, '');
    const index = xmlStringIndex(apk, 'AndroidManifest.xml');
    const [pkg, client, decoy, other] = ['package', CLIENT, DECOY, 'platformBuildVersionCode'].map((s) => index.get(s)!);
    expect([pkg, client, decoy, other].every((n) => n !== undefined && n < 256)).toBe(true);
    // <manifest>'s attributes replaced by three, 10 bytes apart for Android (A0 at 0, A1 at 10,
    // A2 at 20) and 20 apart at a 20-byte stride (G0 = A0, G1 = A2 at 20, G2 at 40): A1 is
    // `package` = the client (no namespace: its ns is A0's raw index and size, all 0xff), G1 is
    // `package` = the decoy (ns 0xffff0000, out of the pool). Each field a value both share.
    const attrs = Buffer.alloc(60);
    attrs.writeUInt32LE(0xffffffff, 0); // A0 ns
    attrs.writeUInt32LE(other, 4); // A0 name
    attrs.writeUInt32LE(0xffffffff, 8); // A0 raw; bytes 10-13 are A1's ns
    attrs.writeUInt16LE(0xffff, 12); // A0 typed size
    attrs.writeUInt32LE(pkg, 14); // A1 name (A0 res0 and type 0 = TYPE_NULL)
    attrs.writeUInt32LE(client, 18); // A1 raw; bytes 20-23 are G1's ns
    attrs.writeUInt16LE(0xffff, 22); // A1 typed size
    attrs.writeUInt32LE(pkg, 24); // G1 name (A1 res0 and type 0 = TYPE_NULL)
    attrs.writeUInt32LE(decoy, 28); // G1 raw
    attrs.writeUInt16LE(8, 32);
    attrs.writeUInt8(0x03, 35); // G1 TYPE_STRING
    attrs.writeUInt32LE(decoy, 36);
    attrs.writeUInt32LE(0xffffffff, 40); // G2: platformBuildVersionCode = the decoy string
    attrs.writeUInt32LE(other, 44);
    attrs.writeUInt32LE(decoy, 48);
    attrs.writeUInt16LE(8, 52);
    attrs.writeUInt8(0x03, 55);
    attrs.writeUInt32LE(decoy, 56);
    replaceManifestAttributes(apk, dir, attrs, 10, 3);
    // Android's parser (aapt's ResXMLTree) lists the attributes at its stride: the first package is the client's.
    const tree = execFileSync('aapt', ['dump', 'xmltree', apk, 'AndroidManifest.xml'], { encoding: 'utf8' });
    expect([...tree.matchAll(/A: package=.*\(Raw: "([^"]*)"\)/g)].map((m) => m[1])).toEqual([CLIENT, DECOY]);
    expect(/^package: name='([^']*)'/m.exec(execFileSync('aapt2', ['dump', 'badging', apk], { encoding: 'utf8' }))?.[1]).toBe(CLIENT);

    const report = await scanIn(dir);
    expect(report.targets[0].packages.map((p) => p.package)).toEqual([CLIENT]);
    expect(report.findings.filter((f) => f.rule === 'wrong-market-client').map((f) => f.client)).toEqual(['ct-self-registration-qualcomm']);
  });
});

withTools('a manifest of two package attributes, the first in the namespace ""', () => {
  it("is read by the one of no namespace, as Android's ResXMLParser::indexOfAttribute matches it (\"\" is a namespace): a decoy's `:package` first does not hide the client", async () => {
    const dir = tempDir('ag-identity-nsempty-');
    // aapt2 puts "" in the pool for an empty attribute value.
    const manifest = `<manifest ${ANDROID_NS} package="${CLIENT}"><application android:label="${DECOY}"><meta-data android:name="" android:value=""/></application></manifest>\n`;
    const apk = aapt2Apk(join(dir, 'client'), join(dir, 'build', 'system', 'priv-app', 'AutoRegistration', 'AutoRegistration.apk'), manifest, '');
    const index = xmlStringIndex(apk, 'AndroidManifest.xml');
    const [pkg, client, decoy, empty] = ['package', CLIENT, DECOY, ''].map((s) => index.get(s)!);
    expect([pkg, client, decoy, empty].every((n) => n !== undefined)).toBe(true);
    // <manifest>'s attributes replaced by two: package in the namespace "" (the decoy), then package of none (the client).
    const attr = (ns: number, name: number, value: number): Buffer => {
      const a = Buffer.alloc(20);
      a.writeUInt32LE(ns, 0);
      a.writeUInt32LE(name, 4);
      a.writeUInt32LE(value, 8);
      a.writeUInt16LE(8, 12);
      a.writeUInt8(0x03, 15); // TYPE_STRING
      a.writeUInt32LE(value, 16);
      return a;
    };
    replaceManifestAttributes(apk, dir, Buffer.concat([attr(empty, pkg, decoy), attr(0xffffffff, pkg, client)]), 20, 2);
    // Android's parser (aapt: libandroidfw's indexOfAttribute(NULL, "package")) finds the client's.
    expect(execFileSync('aapt', ['dump', 'xmltree', apk, 'AndroidManifest.xml'], { encoding: 'utf8' })).toContain(`A: :package="${DECOY}"`);
    expect(badgingPackage(apk)).toBe(CLIENT);

    const report = await scanIn(dir);
    expect(report.targets[0].packages.map((p) => p.package)).toEqual([CLIENT]);
    expect(report.findings.filter((f) => f.rule === 'wrong-market-client').map((f) => f.client)).toEqual(['ct-self-registration-qualcomm']);
  });
});

const KEYS = join(import.meta.dirname, '..', '..', 'scripts', 'fixtures', 'keys', 'fixture.p12');
const ZIP64_TOOLS = ['aapt', 'aapt2', 'smali', 'java', 'zip', 'zipalign', 'apksigner', 'python3'];
const withZip64Tools = haveTools(...ZIP64_TOOLS) && haveFrameworkRes() ? describe : describe.skip;
if (!haveTools(...ZIP64_TOOLS) || !haveFrameworkRes()) console.warn(`SKIPPED two central directories: needs ${ZIP64_TOOLS.join(', ')} and ${FRAMEWORK_RES}`);

/** `apk` zipaligned and signed with JAR signing (v1) only by apksigner, with the fixtures' key. */
function signV1(apk: string, out: string): string {
  execFileSync('zipalign', ['-f', '-p', '4', apk, `${apk}.aligned`]);
  execFileSync('apksigner', ['sign', '--ks', KEYS, '--ks-pass', 'pass:fixture', '--key-pass', 'pass:fixture', '--ks-key-alias', 'fixture', '--min-sdk-version', '24', '--v1-signing-enabled', 'true', '--v2-signing-enabled', 'false', '--v3-signing-enabled', 'false', '--v4-signing-enabled', 'false', '--out', out, `${apk}.aligned`]);
  return out;
}

withZip64Tools('an APK of two central directories (a ZIP64 end record naming another than the end record)', () => {
  it('is read from the end record, as Android installs it (the client and its deflated DEX), and the other directory is unreadable', async () => {
    const dir = tempDir('ag-identity-zip64-');
    const smali = { 'Reg.smali': '.class public Lcom/qualcomm/qti/autoregistration/Reg;\n.super Ljava/lang/Object;\n.field public static final SERVER_URI:Ljava/lang/String; = "http://zzhc.vnet.cn"\n' };
    const client = signV1(aapt2Apk(join(dir, 'client'), join(dir, 'client.apk'), manifestOf(CLIENT), '', { smali }), join(dir, 'client-signed.apk'));
    const decoy = signV1(aapt2Apk(join(dir, 'decoy'), join(dir, 'decoy.apk'), manifestOf(DECOY), ''), join(dir, 'decoy-signed.apk'));
    const apk = join(dir, 'build', 'system', 'priv-app', 'AutoRegistration', 'AutoRegistration.apk');
    put(apk, '');
    execFileSync('python3', [join(import.meta.dirname, '..', '..', 'scripts', 'fixtures', 'zip64-two-directories.py'), client, decoy, apk]);
    // Android's reader (aapt: libziparchive) installs the client; apksigner verifies its v1 signature.
    expect(badgingPackage(apk)).toBe(CLIENT);
    expect(execFileSync('apksigner', ['verify', '--min-sdk-version', '24', apk], { encoding: 'utf8' })).toBe('');
    // Python's zipfile (as java.util.zip) reads the ZIP64 record: the decoy's entries, no DEX.
    const listed = execFileSync('python3', ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', apk], { encoding: 'utf8' });
    expect(listed).not.toContain('classes.dex');
    expect(execFileSync('python3', ['-c', 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("AndroidManifest.xml"))', apk]).includes(Buffer.from(DECOY, 'utf16le'))).toBe(true);

    const report = await scanIn(dir);
    expect(report.targets[0].packages.map((p) => p.package)).toEqual([CLIENT]);
    expect(report.findings.filter((f) => f.rule === 'wrong-market-client').map((f) => f.client)).toEqual(['ct-self-registration-qualcomm']);
    expect(report.findings.some((f) => f.rule === 'denied-endpoint' && f.endpoint === 'zzhc.vnet.cn')).toBe(true);
    const unreadable = report.findings.filter((f) => f.rule === 'unreadable-artifact').map((f) => f.message);
    expect(unreadable.some((m) => m.includes('two central directories'))).toBe(true);
  });
});
