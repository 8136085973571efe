import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArsc, findResource } from '../../src/formats/arsc.js';
import {
  ANDROID_ATTR,
  extractManifest,
  findAndroidAttribute,
  MAX_ATTRIBUTES,
  MAX_ELEMENTS,
  parseAxml,
  type AxmlDocument,
  type ManifestInfo,
} from '../../src/formats/axml.js';
import { FormatError } from '../../src/formats/errors.js';
import {
  CORPUS,
  corpusPresent,
  describeCorpus,
  describeIf,
  fixture,
  fixtureText,
  hasTool,
  parseBadging,
  parseXmlTree,
  pct,
  run,
  unzipEntry,
  walk,
  type XmlTreeElement,
} from './helpers.js';
import { fuzzRuns, parsesOrFormatError, truncatedAndFlipped } from '../helpers/mutations.js';

const AXML = join(CORPUS, 'axml');
const corpusFile = (name: string): Buffer => readFileSync(join(AXML, name));

/** Our document rendered the way the xmltree comparison needs it. */
function treeOf(doc: AxmlDocument): { name: string; line: number; depth: number }[] {
  return doc.elements.map((e) => ({ name: e.name, line: e.lineNumber, depth: e.depth }));
}

/** Compares our elements and attributes with `aapt dump xmltree`; returns mismatch messages. */
function compareWithXmlTree(doc: AxmlDocument, tree: XmlTreeElement[]): string[] {
  const problems: string[] = [];
  if (tree.length !== doc.elements.length) problems.push(`element count ${doc.elements.length} vs aapt ${tree.length}`);
  const n = Math.min(tree.length, doc.elements.length);
  for (let i = 0; i < n; i++) {
    const a = tree[i];
    const e = doc.elements[i];
    if (a.name !== e.name || a.line !== e.lineNumber || a.depth !== e.depth) {
      problems.push(`element ${i}: ${e.name}@${e.lineNumber}/${e.depth} vs aapt ${a.name}@${a.line}/${a.depth}`);
      continue;
    }
    if (a.attrs.length !== e.attributes.length) problems.push(`${e.name}: ${e.attributes.length} attributes vs aapt ${a.attrs.length}`);
    for (let j = 0; j < Math.min(a.attrs.length, e.attributes.length); j++) {
      const x = a.attrs[j];
      const y = e.attributes[j];
      if (x.resId !== y.resId) problems.push(`${e.name}.${x.name}: resId ${y.resId} vs aapt ${x.resId}`);
      const typed = /^\(type (0x[0-9a-f]+)\)(0x[0-9a-f]+)/.exec(x.value);
      const ref = /^([@?])(0x[0-9a-f]+)$/.exec(x.value);
      const str = /^"(.*)" \(Raw: /.exec(x.value);
      if (typed) {
        if (parseInt(typed[1], 16) !== y.type || parseInt(typed[2], 16) !== y.data >>> 0) {
          problems.push(`${e.name}.${x.name}: type/data ${y.type}/${y.data} vs aapt ${x.value}`);
        }
      } else if (ref) {
        if (y.value !== `${ref[1]}0x${ref[2].slice(2).padStart(8, '0')}`) problems.push(`${e.name}.${x.name}: ${String(y.value)} vs aapt ${x.value}`);
      } else if (str && !/[\\"]/.test(str[1])) {
        if (y.value !== str[1]) problems.push(`${e.name}.${x.name}: ${JSON.stringify(y.value)} vs aapt ${x.value}`);
      }
    }
  }
  return problems;
}

/** Walks the chunks of a real document, letting `edit` rewrite each one (test-only mutations). */
function rewriteChunks(buf: Buffer, edit: (type: number, chunk: Buffer) => Buffer[]): Buffer {
  const parts: Buffer[] = [Buffer.from(buf.subarray(0, 8))];
  let pos = buf.readUInt16LE(2);
  while (pos + 8 <= buf.length) {
    const size = buf.readUInt32LE(pos + 4);
    parts.push(...edit(buf.readUInt16LE(pos), Buffer.from(buf.subarray(pos, pos + size))));
    pos += size;
  }
  const out = Buffer.concat(parts);
  out.writeUInt32LE(out.length, 4);
  return out;
}

function comparable(doc: AxmlDocument): unknown {
  return doc.elements.map((e) => ({ ...e, attributes: e.attributes.map((a) => ({ ...a })) }));
}

const APP_MANIFEST = 'formats-app.AndroidManifest.xml';

describe('parseAxml + extractManifest on the aapt-built fixture (formats-app)', () => {
  const buf = fixture(APP_MANIFEST);
  const doc = parseAxml(buf);
  const info = extractManifest(doc);

  test('elements and attributes agree with aapt dump xmltree', () => {
    expect(compareWithXmlTree(doc, parseXmlTree(fixtureText('formats-app.xmltree.txt')))).toEqual([]);
    expect(doc.plainText).toBe(false);
    expect(doc.tampered).toBe(false);
    expect(doc.warnings).toEqual([]);
  });

  test('manifest facts agree with aapt dump badging', () => {
    const b = parseBadging(fixtureText('formats-app.badging.txt'));
    expect(b).toBeDefined();
    expect(info.package).toBe(b?.package);
    expect(String(info.versionCode)).toBe(b?.versionCode); // INT_HEX 0x2A
    expect(info.permissions).toEqual(b?.permissions);
    // versionName is a reference; aapt resolves it through resources.arsc.
    expect(info.versionName).toMatch(/^@0x7f/);
    const arsc = parseArsc(fixture('formats-app.resources.arsc'));
    const resolved = findResource(arsc, parseInt((info.versionName as string).slice(1), 16)).find((v) => v.config === '');
    expect(resolved?.value).toBe(b?.versionName);
  });

  test('every field of ManifestInfo', () => {
    const expected: ManifestInfo = {
      package: 'com.example.formats.app',
      versionCode: 42,
      versionName: info.versionName,
      minSdk: 19,
      targetSdk: 28,
      permissions: ['android.permission.INTERNET', 'android.permission.READ_PHONE_STATE', 'android.permission.SEND_SMS'],
      sharedUserId: 'android.uid.system',
      bootCompleted: true,
      warnings: [],
    };
    expect(info).toEqual(expected);
    const vc = findAndroidAttribute(doc.elements[0], 'versionCode');
    expect(vc?.type).toBe(0x11);
  });

  test('BOOT_COMPLETED counts only inside a <receiver> intent-filter', () => {
    // The fixture has LOCKED_BOOT_COMPLETED under a receiver and BOOT_COMPLETED under a service.
    const withoutReceiver: AxmlDocument = { ...doc, elements: [] };
    let skipDepth = 0;
    for (const e of doc.elements) {
      if (skipDepth && e.depth > skipDepth) continue;
      skipDepth = e.name === 'receiver' ? e.depth : 0;
      if (!skipDepth) withoutReceiver.elements.push(e);
    }
    expect(withoutReceiver.elements.some((e) => e.name === 'service')).toBe(true);
    expect(extractManifest(withoutReceiver).bootCompleted).toBe(false);
  });

  test('compiled res/xml file: typed attribute values against aapt xmltree', () => {
    const x = parseAxml(fixture('formats-app.endpoints.xml'));
    expect(compareWithXmlTree(x, parseXmlTree(fixtureText('formats-app.endpoints.xmltree.txt')))).toEqual([]);
    const hosts = x.elements.filter((e) => e.name === 'endpoint').map((e) => e.attributes.find((a) => a.name === 'host')?.value);
    expect(hosts).toEqual(['reg.example.cn', '198.51.100.7']);
    expect(() => extractManifest(x)).toThrow(FormatError);
  });

  test('string offsets point at the string bytes in the buffer', () => {
    const s = doc.strings.find((x) => x.value === 'android.uid.system');
    expect(s).toBeDefined();
    expect(buf.toString('utf16le', s!.offset, s!.offset + 2 * s!.value.length)).toBe('android.uid.system');
  });
});

describe('overlay fixture (aapt2)', () => {
  test('overlay attributes matched by resource id', () => {
    const doc = parseAxml(fixture('formats-overlay.AndroidManifest.xml'));
    expect(compareWithXmlTree(doc, parseXmlTree(fixtureText('formats-overlay.xmltree.txt')))).toEqual([]);
    const info = extractManifest(doc);
    expect(info.package).toBe('com.example.formats.overlay.cn');
    expect(info.versionCode).toBe(3);
    expect(info.overlay).toEqual({
      targetPackage: 'com.android.settings',
      targetName: 'SettingsCustomization',
      requiredSystemPropertyName: 'ro.boot.hwc',
      requiredSystemPropertyValue: 'CN',
      isStatic: true,
      priority: 7,
    });
    expect(info.bootCompleted).toBe(false);
    expect(info.permissions).toEqual([]);
  });
});

describe('hostile edits of a real document (each must read like the original)', () => {
  const buf = fixture(APP_MANIFEST);
  const base = parseAxml(buf);

  test('top chunk type 0 (WrongChunkStart trick): warning, same document', () => {
    const b = Buffer.from(buf);
    b.writeUInt16LE(0, 0);
    const doc = parseAxml(b);
    expect(doc.tampered).toBe(true);
    expect(doc.warnings.join()).toMatch(/top chunk type 0x0000/);
    expect(comparable(doc)).toEqual(comparable(base));
  });

  test('attributeSize 24 (BRATA trick): attributes stepped by attributeSize', () => {
    const widened = rewriteChunks(buf, (type, c) => {
      if (type !== 0x0102) return [c];
      const hs = c.readUInt16LE(2);
      const count = c.readUInt16LE(hs + 12);
      const start = hs + c.readUInt16LE(hs + 8);
      const attrs = [];
      for (let i = 0; i < count; i++) attrs.push(c.subarray(start + 20 * i, start + 20 * i + 20), Buffer.alloc(4, 0xee));
      const out = Buffer.concat([c.subarray(0, start), ...attrs]);
      out.writeUInt16LE(24, hs + 10);
      out.writeUInt32LE(out.length, 4);
      return [out];
    });
    expect(widened.length).toBeGreaterThan(buf.length);
    const doc = parseAxml(widened);
    expect(comparable(doc)).toEqual(comparable(base));
    expect(extractManifest(doc).package).toBe('com.example.formats.app');
  });

  test('namespace chunk headerSize 0x14 (jadx #1232): stepped by size', () => {
    const edited = rewriteChunks(buf, (type, c) => {
      if (type === 0x0100 || type === 0x0101) c.writeUInt16LE(0x14, 2);
      return [c];
    });
    expect(comparable(parseAxml(edited))).toEqual(comparable(base));
  });

  test('more than MAX_ELEMENTS elements (the first element chunk repeated, nested) is unreadable, not hundreds of MB', () => {
    let at = buf.readUInt16LE(2);
    while (buf.readUInt16LE(at) !== 0x0102) at += buf.readUInt32LE(at + 4);
    const chunk = buf.subarray(at, at + buf.readUInt32LE(at + 4));
    const repeated = (extra: number): Buffer => {
      const out = Buffer.concat([buf.subarray(0, at), ...new Array<Buffer>(extra + 1).fill(chunk), buf.subarray(at + chunk.length)]);
      out.writeUInt32LE(out.length, 4);
      return out;
    };
    const fits = parseAxml(repeated(MAX_ELEMENTS - base.elements.length));
    expect(fits.elements).toHaveLength(MAX_ELEMENTS);
    expect(() => parseAxml(repeated(MAX_ELEMENTS - base.elements.length + 1))).toThrow(new RegExp(`more than ${MAX_ELEMENTS} elements`));
  });

  test('attributeSize under 20 (overlapping attributes, read at that stride as Android does) is bounded: 0 keeps one attribute, 1 past MAX_ATTRIBUTES is unreadable', () => {
    let at = buf.readUInt16LE(2);
    while (buf.readUInt16LE(at) !== 0x0102) at += buf.readUInt32LE(at + 4);
    const ext = at + buf.readUInt16LE(at + 2);
    const x = ext - at;
    /** The first element chunk as `count` attributes `size` bytes apart (the first 20 bytes of its attributes, then zeros), `copies` times. */
    const stepped = (size: number, count: number, copies: number): Buffer => {
      const first = ext + buf.readUInt16LE(ext + 8);
      const el = Buffer.concat([buf.subarray(at, ext + 20), buf.subarray(first, first + 20), Buffer.alloc(size * count)]);
      el.writeUInt16LE(20, x + 8);
      el.writeUInt16LE(size, x + 10);
      el.writeUInt16LE(count, x + 12);
      el.writeUInt32LE(el.length, 4);
      const out = Buffer.concat([buf.subarray(0, at), ...new Array<Buffer>(copies).fill(el)]);
      out.writeUInt32LE(out.length, 4);
      return out;
    };
    const zero = parseAxml(stepped(0, 65535, 1));
    expect(zero.elements[0].attributes).toHaveLength(1);
    expect(zero.elements[0].attributes[0].name).toBe(base.elements[0].attributes[0].name);
    const perElement = 65535;
    const fits = Math.floor(MAX_ATTRIBUTES / perElement);
    expect(parseAxml(stepped(1, perElement, fits)).elements).toHaveLength(fits);
    expect(() => parseAxml(stepped(1, perElement, fits + 1))).toThrow(new RegExp(`more than ${MAX_ATTRIBUTES} attributes`));
  });

  test('zero-size end-namespace chunk at EOF', () => {
    const b = Buffer.from(buf);
    const last = b.length - 24;
    expect(b.readUInt16LE(last)).toBe(0x0101);
    b.writeUInt32LE(0, last + 4);
    const doc = parseAxml(b);
    expect(comparable(doc)).toEqual(comparable(base));
    expect(doc.warnings.join()).toMatch(/zero-size end-namespace/);
  });

  test('junk bytes and an unknown chunk between chunks', () => {
    const edited = rewriteChunks(buf, (type, c) => {
      if (type !== 0x0180) return [c];
      const unknown = Buffer.alloc(16);
      unknown.writeUInt16LE(0x0777, 0);
      unknown.writeUInt16LE(8, 2);
      unknown.writeUInt32LE(16, 4);
      return [c, Buffer.alloc(8, 0), unknown];
    });
    const doc = parseAxml(edited);
    expect(comparable(doc)).toEqual(comparable(base));
    expect(doc.warnings.join('\n')).toMatch(/junk bytes/);
    expect(doc.warnings.join('\n')).toMatch(/unknown chunk 0x0777/);
  });

  test('wrong stringCount (apkInspector minimal_def_mod trick) is recomputed', () => {
    const b = Buffer.from(buf);
    const declared = b.readUInt32LE(8 + 8);
    b.writeUInt32LE(declared + 17, 8 + 8);
    const doc = parseAxml(b);
    expect(doc.strings.map((s) => s.value)).toEqual(base.strings.map((s) => s.value));
    expect(comparable(doc)).toEqual(comparable(base));
    expect(doc.tampered).toBe(true);
  });

  test('appended data is ignored; declared size beyond the file is rejected', () => {
    const doc = parseAxml(Buffer.concat([buf, Buffer.alloc(64, 0x41)]));
    expect(comparable(doc)).toEqual(comparable(base));
    expect(doc.warnings.join()).toMatch(/64 bytes after the declared end/);
    const b = Buffer.from(buf);
    b.writeUInt32LE(buf.length + 1, 4);
    expect(() => parseAxml(b)).toThrow(FormatError);
  });

  test('garbled pool names: android: attributes still found by resource id', () => {
    const b = Buffer.from(buf);
    const s = base.strings.findIndex((x) => x.value === 'versionCode');
    const at = base.strings[s].offset;
    b.write('qqqqqqqqqqq', at, 'utf16le');
    const doc = parseAxml(b);
    expect(doc.elements[0].attributes.some((a) => a.name === 'qqqqqqqqqqq' && a.resId === ANDROID_ATTR.versionCode)).toBe(true);
    const info = extractManifest(doc);
    expect(info.versionCode).toBe(42);
    expect(info.warnings.join()).toMatch(/0x0101021b is named "qqqqqqqqqqq"/);
  });

  test('without a resource-map id the pool name is used; a garbled name then finds nothing', () => {
    const mapIndex = base.strings.findIndex((x) => x.value === 'versionCode');
    const edited = rewriteChunks(buf, (type, c) => {
      if (type === 0x0180) c.writeUInt32LE(0, 8 + 4 * mapIndex);
      return [c];
    });
    const doc = parseAxml(edited);
    expect(findAndroidAttribute(doc.elements[0], 'versionCode')?.resId).toBeUndefined();
    expect(extractManifest(doc).versionCode).toBe(42);
    const at = base.strings[mapIndex].offset;
    edited.write('qqqqqqqqqqq', at, 'utf16le'); // same layout: only the map changed
    expect(extractManifest(parseAxml(edited)).versionCode).toBeUndefined();
  });

  test('out-of-range string indices read as empty, never throw', () => {
    const edited = rewriteChunks(buf, (type, c) => {
      if (type === 0x0102) {
        const hs = c.readUInt16LE(2);
        const start = hs + c.readUInt16LE(hs + 8);
        if (c.readUInt16LE(hs + 12) > 0) c.writeUInt32LE(0xfffffff0, start + 8); // rawValue
        c.writeUInt32LE(0x7fffffff, hs + 4); // element name
      }
      return [c];
    });
    const doc = parseAxml(edited);
    expect(doc.elements.every((e) => e.name === '')).toBe(true);
    expect(() => extractManifest(doc)).toThrow(FormatError);
  });

  test('tiny or empty inputs throw FormatError', () => {
    expect(() => parseAxml(Buffer.alloc(0))).toThrow(FormatError);
    expect(() => parseAxml(Buffer.from([3, 0, 8, 0]))).toThrow(FormatError);
    expect(() => extractManifest(parseAxml(Buffer.from([3, 0, 8, 0, 8, 0, 0, 0])))).toThrow(FormatError);
  });
});

describe('plain-text manifests', () => {
  test('detected and read by name', () => {
    const text = Buffer.from(
      `<?xml version="1.0"?>\n<!-- c -->\n<manifest xmlns:a="http://schemas.android.com/apk/res/android" package="com.example.text"\n a:versionCode="0x10" a:versionName="1 &amp; 2">\n` +
        `<uses-sdk a:minSdkVersion="21"/><uses-permission a:name="android.permission.INTERNET"/>\n` +
        `<application><receiver a:name=".R"><intent-filter><action a:name="android.intent.action.BOOT_COMPLETED"/></intent-filter></receiver></application></manifest>`,
    );
    const doc = parseAxml(text);
    expect(doc.plainText).toBe(true);
    const info = extractManifest(doc);
    expect(info).toMatchObject({
      package: 'com.example.text',
      versionCode: 16,
      versionName: '1 & 2',
      minSdk: 21,
      permissions: ['android.permission.INTERNET'],
      bootCompleted: true,
    });
  });
});

describe('plain-text input stays linear on hostile text', () => {
  test('long runs without quotes, equals signs or closing brackets', () => {
    const inputs = [
      `<manifest package="a.b" ${'x'.repeat(1_000_000)}/>`,
      `<manifest package="a.b">${'<a'.repeat(300_000)}`,
      `<manifest package="a.b" ${'q="'.repeat(200_000)}>`,
      `<?xml${'<!--'.repeat(100_000)}`,
    ];
    const t0 = Date.now();
    for (const text of inputs) {
      try {
        extractManifest(parseAxml(Buffer.from(text)));
      } catch (e) {
        expect(e).toBeInstanceOf(FormatError);
      }
    }
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});

describeCorpus('androguard hostile manifests (formats.md section 5)', () => {
  const expected: [string, string][] = [
    ['AndroidManifest-Chinese.xml', 'com.hotel'],
    ['AndroidManifestDoubleNamespace.xml', 'com.tencent.weread'],
    ['AndroidManifestExtraNamespace.xml', 'com.shopgate.android.app13182'],
    ['AndroidManifestLiapp.xml', 'kc.dotoritv.android.air'],
    ['AndroidManifestMaskingNamespace.xml', 'com.primedia.apartmentguide'],
    ['AndroidManifestNonZeroStyle.xml', 'co.download.video'],
    ['AndroidManifestNullbytes.xml', 'com.ditc.automobilityxxxxxxxxxxxx'],
    ['AndroidManifestTextChunksXML.xml', 'com.tslstudio.tsladsudoku'],
    ['AndroidManifestUTF8Strings.xml', 'com.easylocker.bbottles.zt'],
    ['AndroidManifestWithComment.xml', 'com.zxfxxx660.sucruri'],
    ['AndroidManifest_InvalidCharsInAttribute.xml', 'com.chaozhuo.gameassistant'],
    ['AndroidManifest_NamespaceInAttributeName.xml', 'jyiaivi.ohduxbbylb'],
    ['AndroidManifest_NamespaceInAttributeName2.xml', 'com.car2go'],
    ['AndroidManifest_WrongChunkStart.xml', 'com.zxfxxx160.sucruri55633254'],
    ['AndroidManifest-xmlns.xml', 'com.real.RealPlayer'],
  ];
  test.each(expected)('%s -> %s', (file, pkg) => {
    expect(extractManifest(parseAxml(corpusFile(file))).package).toBe(pkg);
  });

  test('WrongChunkStart: top type 0 flagged as tampered', () => {
    const doc = parseAxml(corpusFile('AndroidManifest_WrongChunkStart.xml'));
    expect(doc.tampered).toBe(true);
    expect(corpusFile('AndroidManifest_WrongChunkStart.xml').readUInt16LE(0)).toBe(0);
  });

  test('Liapp: packed attribute names resolved by id and reported', () => {
    const info = extractManifest(parseAxml(corpusFile('AndroidManifestLiapp.xml')));
    expect(info.warnings.some((w) => /0x01010003 is named .* \(packed\?\)/.test(w))).toBe(true);
    expect(info.permissions.length).toBeGreaterThan(0);
    expect(info.permissions.every((p) => p.includes('.'))).toBe(true);
  });

  test.each(['AndroidManifestLiapp.xml', 'AndroidManifest_NamespaceInAttributeName.xml', 'AndroidManifest_NamespaceInAttributeName2.xml'])(
    '%s: packed or empty attribute names, every field still found by resource id',
    (file) => {
      const doc = parseAxml(corpusFile(file));
      const info = extractManifest(doc);
      const permissionElements = doc.elements.filter((e) => e.depth === 2 && /^uses-permission(-sdk-23)?$/.test(e.name));
      // Some android: attributes the extractor reads carry another pool name: only the id finds them.
      const known = new Map(Object.entries(ANDROID_ATTR).map(([k, v]) => [v as number, k]));
      const byIdOnly = doc.elements.flatMap((e) => e.attributes).filter((a) => a.resId !== undefined && known.has(a.resId) && known.get(a.resId) !== a.name);
      expect(byIdOnly.length).toBeGreaterThan(0);
      const names = new Set(permissionElements.map((e) => findAndroidAttribute(e, 'name')?.value));
      expect(names.has(undefined)).toBe(false);
      expect(info.permissions).toHaveLength(names.size);
      expect(info.versionCode).toEqual(expect.any(Number));
      expect(info.versionName).toEqual(expect.any(String));
      expect(info.minSdk).toEqual(expect.any(Number));
    },
  );

  test('InvalidCharsInAttribute: 183 uses-permission elements, 182 distinct', () => {
    const doc = parseAxml(corpusFile('AndroidManifest_InvalidCharsInAttribute.xml'));
    expect(doc.elements.filter((e) => e.depth === 2 && e.name === 'uses-permission')).toHaveLength(183);
    expect(extractManifest(doc).permissions).toHaveLength(182);
  });

  test('WrongFilesize is rejected with FormatError (declared size > file)', () => {
    expect(() => parseAxml(corpusFile('AndroidManifestWrongFilesize.xml'))).toThrow(FormatError);
  });

  test('StringNotTerminated does not throw; unterminated strings read as ""', () => {
    const doc = parseAxml(corpusFile('AndroidManifest_StringNotTerminated.xml'));
    expect(doc.warnings.some((w) => /unreadable/.test(w))).toBe(true);
    expect(doc.strings.some((s) => s.value === '' && s.offset === -1)).toBe(true);
    expect(() => extractManifest(doc)).not.toThrow();
  });

  test('layouts test{,1,2,3}.xml have root LinearLayout and are not manifests', () => {
    for (const f of ['test.xml', 'test1.xml', 'test2.xml', 'test3.xml']) {
      const doc = parseAxml(corpusFile(f));
      expect(doc.elements[0].name).toBe('LinearLayout');
      expect(() => extractManifest(doc)).toThrow(FormatError);
    }
  });

  test('plain-text source manifests agree with aapt on the APKs built from them', () => {
    const pairs: [string, string][] = [
      ['android/TC/AndroidManifest.xml', 'android/TC/bin/TC-debug.apk'],
      ['android/TCDiff/AndroidManifest.xml', 'android/TCDiff/bin/TCDiff-debug.apk'],
      ['android/TestsAndroguard/AndroidManifest.xml', 'android/TestsAndroguard/bin/TestActivity.apk'],
    ];
    for (const [src, apk] of pairs) {
      const doc = parseAxml(readFileSync(join(CORPUS, src)));
      expect(doc.plainText).toBe(true);
      const text = extractManifest(doc);
      const bin = extractManifest(parseAxml(unzipEntry(join(CORPUS, apk), 'AndroidManifest.xml') as Buffer));
      expect([text.package, text.versionCode, text.versionName, text.permissions]).toEqual([bin.package, bin.versionCode, bin.versionName, bin.permissions]);
      // aapt keeps the source line numbers: the text reader must find the same elements there.
      const binDoc = parseAxml(unzipEntry(join(CORPUS, apk), 'AndroidManifest.xml') as Buffer);
      expect(treeOf(doc)).toEqual(treeOf(binDoc));
    }
  });
});

describeIf(corpusPresent && hasTool('aapt') && hasTool('unzip'), 'androguard corpus, aapt or unzip missing')('every corpus APK against aapt', () => {
  test('package, versionCode, versionName and permissions agree with aapt dump badging', () => {
    const apks = walk(CORPUS, (p) => p.endsWith('.apk'));
    let read = 0;
    let agreed = 0;
    const problems: string[] = [];
    const treeProblems: string[] = [];
    const seenManifests = new Set<string>();
    for (const apk of apks) {
      const badging = parseBadging(Buffer.from(run('aapt', ['dump', 'badging', apk]).stdout, 'latin1').toString('utf8'));
      if (!badging) continue; // aapt cannot read it
      read++;
      const rel = apk.slice(CORPUS.length + 1);
      const manifest = unzipEntry(apk, 'AndroidManifest.xml');
      if (!manifest) {
        problems.push(`${rel}: unzip yields no manifest`);
        continue;
      }
      let info: ManifestInfo;
      try {
        info = extractManifest(parseAxml(manifest));
      } catch (e) {
        problems.push(`${rel}: ${String(e)}`);
        continue;
      }
      let versionName = info.versionName ?? '';
      if (/^@0x[0-9a-f]{8}$/.test(versionName)) {
        const arsc = unzipEntry(apk, 'resources.arsc');
        const values = arsc ? findResource(parseArsc(arsc), parseInt(versionName.slice(1), 16)) : [];
        versionName = String((values.find((v) => v.config === '') ?? values[0])?.value ?? versionName);
      }
      const ours = [info.package, info.versionCode === undefined ? '' : String(info.versionCode), versionName, info.permissions.join(',')];
      const theirs = [badging.package, badging.versionCode, badging.versionName, badging.permissions.join(',')];
      if (JSON.stringify(ours) === JSON.stringify(theirs)) agreed++;
      else problems.push(`${rel}: ours ${JSON.stringify(ours)} aapt ${JSON.stringify(theirs)}`);

      // The full element tree, once per distinct manifest.
      const key = manifest.toString('base64');
      if (!seenManifests.has(key)) {
        seenManifests.add(key);
        const tree = parseXmlTree(Buffer.from(run('aapt', ['dump', 'xmltree', apk, 'AndroidManifest.xml']).stdout, 'latin1').toString('utf8'));
        treeProblems.push(...compareWithXmlTree(parseAxml(manifest), tree).map((p) => `${rel}: ${p}`));
      }
    }
    console.log(
      `[formats] manifests: ${agreed}/${read} APKs aapt reads agree with aapt dump badging (${pct(agreed, read)}); ` +
        `${seenManifests.size} distinct manifests compared element by element with aapt dump xmltree (${apks.length} APKs in the corpus)`,
    );
    expect(problems).toEqual([]);
    expect(treeProblems).toEqual([]);
    expect(read).toBeGreaterThan(300);
    expect(agreed).toBe(read);
  });
});

describe('property: truncations and byte flips of a real manifest', () => {
  const buf = fixture(APP_MANIFEST);
  test('parse or FormatError, never another error', () => {
    fc.assert(
      fc.property(truncatedAndFlipped(buf), (b) =>
        parsesOrFormatError(() => {
          extractManifest(parseAxml(b));
        }),
      ),
      { numRuns: fuzzRuns(200) },
    );
  });

  test('flips only (full length), also on a hostile corpus file when present', () => {
    const inputs = [buf];
    if (corpusPresent) inputs.push(corpusFile('AndroidManifest_WrongChunkStart.xml'));
    for (const input of inputs) {
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat(input.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 16 }), (flips) => {
          const b = Buffer.from(input);
          for (const [at, v] of flips) b[at] = v;
          try {
            const doc = parseAxml(b);
            expect(Array.isArray(treeOf(doc))).toBe(true);
            extractManifest(doc);
          } catch (e) {
            if (!(e instanceof FormatError)) throw e;
          }
        }),
        { numRuns: fuzzRuns(200) },
      );
    }
  });
});
