/**
 * The decoders of encoded-text.ts against the real readers: what java.util.Properties.load,
 * Python's json and xml.etree read from the fixtures of scripts/fixtures/build-encoded.sh (their
 * outputs committed beside them) is in the decoded text; and the scanner's hits on it, on both
 * candidate paths (WebAssembly and JavaScript).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { EndpointHit } from '../../src/facts.js';
import { EndpointScanner } from '../../src/extract/endpoints.js';
import { decodeJsonEscapes, decodeProperties, decodeXmlText, forEachBase64Text, forEachBase64Url } from '../../src/formats/encoded-text.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'encoded');
const ETC = join(DIR, 'tree', 'system', 'etc');
const file = (name: string): Buffer => readFileSync(join(ETC, name));
const lines = (name: string): string[] => readFileSync(join(DIR, name), 'utf8').split('\n').filter(Boolean);

describe('decoders against the real readers', () => {
  it('decodeProperties: every value java.util.Properties.load reads is in the decoded text, on the line of its key', () => {
    const decoded = decodeProperties(file('reg.properties'))!.bytes.toString('utf8').split('\n');
    const java = lines('reg.properties.java.txt').map((l) => l.split('\t'));
    expect(java.length).toBe(4);
    for (const [key, value] of java) expect(decoded.some((l) => l.startsWith(key) && l.endsWith(value))).toBe(true);
  });

  it('decodeProperties: a malformed \\u makes Properties.load throw, so nothing is decoded (undefined)', () => {
    expect(decodeProperties(Buffer.from('a=\\u00zz\n'))).toBeUndefined();
  });

  it('decodeJsonEscapes and decodeXmlText: every value Python reads is in the decoded text', () => {
    const json = decodeJsonEscapes(file('reg.json')).bytes.toString('utf8');
    for (const v of lines('reg.json.python.txt')) expect(json).toContain(v);
    const xml = decodeXmlText(file('reg.xml')).bytes.toString('utf8');
    for (const v of lines('reg.xml.python.txt')) expect(xml).toContain(v);
  });

  it('each decoded byte maps to the escape it came from', () => {
    const src = Buffer.from('x=\\u007a\\u007ahc');
    const d = decodeProperties(src)!;
    expect(d.bytes.toString()).toBe('x=zzhc');
    expect([...d.from]).toEqual([0, 1, 2, 8, 14, 15]);
  });

  it('forEachBase64Text: runs of 16+ characters that decode to text, either alphabet; not binary, not shorter runs', () => {
    const seen: [string, number][] = [];
    const text = Buffer.from(`a ${Buffer.from('https://zzhc.vnet.cn/reg').toString('base64')} b ${Buffer.from([0, 1, 2, 255, 254, 10, 11, 12, 13, 14, 15, 16]).toString('base64')} ${Buffer.from('short').toString('base64')} ${Buffer.from('<<??>>??<<??>>').toString('base64url')}`);
    forEachBase64Text(text, 0, text.length, (d, at) => seen.push([d.toString('utf8'), at]));
    expect(seen).toEqual([
      ['https://zzhc.vnet.cn/reg', 2],
      ['<<??>>??<<??>>', text.lastIndexOf(' ') + 1],
    ]);
  });
});

describe('forEachBase64Url', () => {
  it('finds the base64 of an http or https URL wherever it falls in a group of four, and of "://" after any scheme at two of three places; not a run without a URL', () => {
    const texts: string[] = [];
    for (const url of ['http://zzhc.vnet.cn/a', 'https://zzhc.vnet.cn/a']) for (const pre of ['', 'x', 'xy']) texts.push(pre + url);
    texts.push('ftp://zzhc.vnet.cn/ab', 'x ftp://zzhc.vnet.cn/', 'zzhc.vnet.cn and 10659401');
    const encoded = texts.map((t) => Buffer.from(t).toString('base64'));
    const buf = Buffer.from(encoded.join(' '));
    const seen: string[] = [];
    forEachBase64Url(buf, 0, buf.length, (d, at) => seen.push(`${d.toString()}@${at}`));
    const want = texts.slice(0, 8).map((t, k) => `${t}@${buf.indexOf(encoded[k])}`);
    expect(seen.sort()).toEqual(want.sort());
  });
});

describe('the scanner on escaped names, both candidate paths', () => {
  const known = { hosts: new Set(['zzhc.vnet.cn']), sms: new Set(['10659401']) };
  const hits = (wasm: boolean, text: string, how: 'scan' | 'properties' = 'scan'): string[] => {
    const out: EndpointHit[] = [];
    const s = new EndpointScanner(known, { wasm });
    const buf = Buffer.from(text, 'latin1');
    if (how === 'scan') s.scan(buf, 0, buf.length, { path: 'p', source: 'file' }, { add: (h) => out.push(h) });
    else s.scanFile(buf, 'a.properties', { path: 'p', source: 'file' }, { add: (h) => out.push(h) });
    return out.map((h) => `${h.value}@${h.evidence.offset}`);
  };
  for (const wasm of [true, false]) {
    it(`${wasm ? 'WebAssembly' : 'JavaScript'}: escapes of a name's own characters are decoded wherever the bytes are scanned; the piece after them is not a host`, () => {
      expect(hits(wasm, 'u=http\\://\\u007a\\u007ahc.vnet.cn/')).toEqual(['zzhc.vnet.cn@2']);
      expect(hits(wasm, 'http://%7A%7Ahc.vnet.cn/')).toEqual(['zzhc.vnet.cn@0']);
      expect(hits(wasm, '<a>&#x7a;&#122;hc.vnet.cn</a>')).toEqual(['zzhc.vnet.cn@3']);
      expect(hits(wasm, 'x zzhc.vnet\\x2ecn')).toEqual(['zzhc.vnet.cn@2']);
      // An escape of another character is no part of the name (as before).
      expect(hits(wasm, 'http:\\u002f\\u002fzzhc.vnet.cn/')).toEqual(['zzhc.vnet.cn@0']);
      expect(hits(wasm, 'x=\\u0041zzhc.vnet.cn', 'properties')).toEqual(['zzhc.vnet.cn@8']);
    });
  }
});
