import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { EndpointHit } from '../../src/facts.js';
import { BareNameCache, bareNameToHost, canonicalIpv6, EndpointScanner, isCanonicalIpv4, isHostSyntax, KnownHostBytes } from '../../src/extract/endpoints.js';

const known = { hosts: new Set(['zzhc.vnet.cn', 'dm.wo.com.cn', 'cn.c2dms.com']), sms: new Set(['10659401', '14536007399']) };

/** Hits of both scanner paths (WebAssembly candidates, JavaScript reference), which must agree. */
function scan(text: string | Buffer, k = known): EndpointHit[] {
  const buf = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const run = (wasm: boolean): EndpointHit[] => {
    const hits: EndpointHit[] = [];
    new EndpointScanner(k, { wasm }).scan(buf, 0, buf.length, { path: 'f', source: 'file' }, { add: (h) => hits.push(h) });
    return hits;
  };
  const hits = run(true);
  // Each endpoint meets its evidence in the same order (kinds interleave differently).
  const byEndpoint = (h: EndpointHit[]): EndpointHit[] => [...h].sort((x, y) => (x.kind + x.value < y.kind + y.value ? -1 : x.kind + x.value > y.kind + y.value ? 1 : 0));
  expect(byEndpoint(hits)).toEqual(byEndpoint(run(false)));
  return hits;
}
const values = (text: string | Buffer): string[] => scan(text).map((h) => h.value);
/** Each hit as `kind value scheme port @offset`. */
const urls = (text: string): string[] => scan(text).map((h) => `${h.kind} ${h.value} ${h.scheme} ${h.port} @${h.evidence.offset}`);

describe('host rules (SPEC section 3)', () => {
  it.each([
    ['java.lang.String'],
    ['config.json'],
    ['libfoo.so'],
    ['com.acme.app.vnet.cn.Activity'],
    ['com.google.android'],
    ['android.app'],
    ['ro.cda.skuid.id'],
    ['v1.2.3'],
    ['update.zip'],
    ['README.md'],
    ['persist.radio.carrier_mode'],
    ['this.id'],
    ['e.name'],
    ['cn.com.acme.Util'],
    ['libc.so.6'],
    // Code look-alikes seen in the androguard corpus (real APKs).
    ['image.id'],
    ['rgb.bg'],
    ['ea.bi'],
    ['u.4.az'],
    ['d.inline.top'],
    ['logger.info'],
    ['color.xyz'],
    ['2.12.9.2'],
    // ELF section names under a country code (Romania's, Chad's).
    ['.data.rel.ro'],
    ['.rel.ro'],
    ['.rela.data.rel.ro'],
    ['.gnu.linkonce.d.rel.ro'],
    ['.gnu.linkonce.td'],
    // Compressed files whose compression suffix is a country code (brotli's .br is Brazil's).
    ['system.new.dat.br'],
    ['vendor.img.br'],
    ['backup.tar.bz'],
  ])('%s is not an endpoint', (text) => {
    expect(values(`x ${text} y`)).toEqual([]);
  });

  it('a host under a compression suffix that is a country code stays one', () => {
    expect(values('x acme.com.br y')).toEqual(['acme.com.br']);
    expect(values('x api.acme.bz y')).toEqual(['api.acme.bz']);
    expect(values('http://system.new.dat.br/x')).toEqual(['system.new.dat.br']);
  });

  it('a name like a section name is a host after a scheme or when listed', () => {
    expect(values('http://data.rel.ro/x')).toEqual(['data.rel.ro']);
    expect(scan('x data.rel.ro y', { ...known, hosts: new Set(['data.rel.ro']) }).map((h) => h.value)).toEqual(['data.rel.ro']);
  });

  it('a catalogued host inside a class name is not matched', () => {
    expect(values('com.acme.app.vnet.cn.Activity com.acme.notes.zzhc.vnet.cn.Main')).toEqual([]);
  });

  it('upper-case URL hosts are lower-cased and carry their scheme', () => {
    const [h] = scan('post to HTTP://ZZHC.VNET.CN/x now');
    expect(h).toMatchObject({ kind: 'host', value: 'zzhc.vnet.cn', scheme: 'http', cleartext: true });
    expect(h.evidence.offset).toBe(8);
  });

  it('catalogued hosts match as whole tokens without a scheme, in any case', () => {
    expect(values('"zzhc.vnet.cn"')).toEqual(['zzhc.vnet.cn']);
    expect(values('ZZHC.VNET.CN')).toEqual(['zzhc.vnet.cn']);
    // Another host, found by the bare rules, and the listed one glued to the letter before it
    // (string literals laid end to end: gluedInside).
    expect(values('xzzhc.vnet.cn')).toEqual(['zzhc.vnet.cn', 'xzzhc.vnet.cn']);
  });

  it('bare names need a public suffix and must not look like code', () => {
    expect(values('api.acme.eu')).toEqual(['api.acme.eu']);
    expect(values('ntp.acme.cn')).toEqual(['ntp.acme.cn']);
    expect(values('foo.notatld')).toEqual([]);
    expect(values('Api.Acme.eu')).toEqual([]);
    expect(values('user@mail.acme.com')).toEqual([]);
    expect(values('/system/etc/acme.com')).toEqual([]);
    expect(values('//cdn.acme.com/lib')).toEqual(['cdn.acme.com']);
  });

  it('android. names are hosts only when they end like one', () => {
    expect(bareNameToHost('android.clients.google.com')).toBe('android.clients.google.com');
    expect(bareNameToHost('android.intent.action')).toBeUndefined();
  });

  it('internationalised TLDs in punycode', () => {
    expect(values('https://www.example.xn--fiqs8s/')).toEqual(['www.example.xn--fiqs8s']);
  });

  it('names after a network scheme are hosts even with new gTLDs; file: and content: never', () => {
    expect(values('https://acme.app/x')).toEqual(['acme.app']);
    expect(values('acme.app')).toEqual([]);
    expect(values('file://data.acme.com/x content://media.acme.com/y')).toEqual([]);
    expect(values('myapp://open.settings.page')).toEqual([]);
  });

  it('a web scheme glued to the byte before it (a length prefix) is still a URL; the hit starts at the scheme', () => {
    // A class file's CONSTANT_Utf8 of 50 bytes, a protocol buffer's field tag and length ('b', 'h'):
    // letters and digits before "http" in binary data. Those were no network URL, their hosts lost.
    const glued = (text: string): string[] => scan(Buffer.from(text, 'latin1')).map((h) => `${h.kind} ${h.value} ${h.scheme} ${h.cleartext} @${h.evidence.offset}`);
    expect(glued('\x002http://foo-corp.com/x')).toEqual(['host foo-corp.com http true @2']);
    expect(glued('\x01hhttps://bar-corp.com/x')).toEqual(['host bar-corp.com https false @2']);
    expect(glued('\x12bhhttp://baz-corp.com/x')).toEqual(['host baz-corp.com http true @3']);
    expect(glued('9ftp://qux-corp.com/')).toEqual(['host qux-corp.com ftp true @1']);
    expect(glued('2http://10.1.2.3:80/')).toEqual(['ip 10.1.2.3 http true @1']);
    expect(glued('Zhttps://[2001:db8::1]/')).toEqual(['ip 2001:db8::1 https false @1']);
    expect(glued('x2http://zzhc.vnet.cn/a')).toEqual(['host zzhc.vnet.cn http true @2']);
    expect(glued('git+https://code.acme.com/r')).toEqual(['host code.acme.com https false @4']);
    expect(glued('news://news.acme.com/g')).toEqual(['host news.acme.com news true @0']);
    // After a longer run: the string before it ends in letters (a protocol buffer's fields).
    expect(glued('\x0avaluebhhttps://bar-corp.com/x')).toEqual(['host bar-corp.com https false @8']);
    // Glued to running text (brotli's dictionary, in every WebView): a name without a public suffix is none.
    expect(glued('thehttp%3A%2F%2Fwww.manifestations of')).toEqual([]);
    // Words ending in "ws" are other schemes (deep links): no host.
    expect(glued('myviews://open.acme.com/x')).toEqual([]);
  });

  it('a URL whose slashes JSON escapes (org.json writes "http:\\/\\/") or that is percent-encoded in a query string', () => {
    expect(urls('{"server":"http:\\/\\/selfreg.acme-cn.com\\/v1"}')).toEqual(['host selfreg.acme-cn.com http undefined @11']);
    expect(urls('{"s":"https:\\/\\/[2001:db8::1]:8443\\/"}')).toEqual([]); // an IPv6 literal needs "://" (not seen)
    expect(urls('redirect=http%3A%2F%2Fzzhc.vnet.cn%2Freg')).toEqual(['host zzhc.vnet.cn http undefined @9']);
    expect(urls('r=https%3a%2f%2fselfreg.acme-cn.com%3A8443%2fx')).toEqual(['host selfreg.acme-cn.com https 8443 @2']);
    // An address so written, with a port percent-encoded too; a quad after another escape (a space).
    expect(urls('r=http%3A%2F%2F124.207.3.53%2F')).toEqual(['ip 124.207.3.53 http undefined @2']);
    expect(urls('u=http%3a%2f%2f10.1.2.6%3a8080%2fx')).toEqual(['ip 10.1.2.6 http 8080 @2']);
    expect(urls('to%2010.1.2.7:80')).toEqual(['ip 10.1.2.7 undefined 80 @5']);
    // A name after another escape (a space) is the name.
    expect(urls('to:%20reg.acme-cn.com.cn')).toEqual(['host reg.acme-cn.com.cn undefined undefined @6']);
    // Encoded twice (a redirect URL inside another's query string): "%252F" is "%2F" encoded.
    expect(urls('r=http%253A%252F%252Fzzhc.vnet.cn%252Freg')).toEqual(['host zzhc.vnet.cn http undefined @2']);
    expect(urls('u=https%253a%252f%252fselfreg.acme-cn.com%252fx')).toEqual(['host selfreg.acme-cn.com https undefined @2']);
    expect(urls('u=http%253A%252F%252F10.1.2.6%252F')).toEqual(['ip 10.1.2.6 http undefined @2']);
    // Not separators: a path, a lone backslash.
    expect(urls('a\\/b/selfreg.acme-cn.com c:/\\/selfreg.acme-cn.org')).toEqual([]);
  });

  it('a URL or name after a backslash escape (JavaScript "\\x2f", JSON "\\u002f", "\\n" before a listed name) is that URL or name', () => {
    expect(urls('var u="http:\\x2f\\x2fzzhc.vnet.cn\\x2fzzhc";')).toEqual(['host zzhc.vnet.cn http undefined @7']);
    expect(urls('{"u":"https:\\u002F\\u002Fselfreg.acme-cn.com\\u002fv1"}')).toEqual(['host selfreg.acme-cn.com https undefined @6']);
    expect(urls('"\\x2fselfreg.acme-cn.com"')).toEqual(['host selfreg.acme-cn.com undefined undefined @5']);
    // Addresses so written.
    expect(urls('var u="http:\\x2f\\x2f10.1.2.8\\x2f";')).toEqual(['ip 10.1.2.8 http undefined @7']);
    expect(urls('{"u":"http:\\u002f\\u002f10.1.2.9:8080"}')).toEqual(['ip 10.1.2.9 http 8080 @6']);
    // A one-letter escape glued before: a listed name only (a Windows path "\\nvidia.dll" is none).
    expect(urls('"lines\\nzzhc.vnet.cn\\tend"')).toEqual(['host zzhc.vnet.cn undefined undefined @8']);
    expect(urls('C:\\drivers\\nvidia.dll')).toEqual([]);
    // Not an escape: too few hex digits. The name is all the host bytes after the backslash, a
    // path segment; a listed one glued to them is found (gluedInside), where it starts.
    expect(urls('"\\x2selfreg.acme-cn.com"')).toEqual([]);
    expect(urls('"\\x2zzhc.vnet.cn"')).toEqual(['host zzhc.vnet.cn undefined undefined @4']);
  });

  it('a URL in a Java properties file, which escapes every colon ("http\\://host\\:8080"), keeps its scheme and port', () => {
    expect(urls('server=http\\://zzhc.vnet.cn/reg')).toEqual(['host zzhc.vnet.cn http undefined @7']);
    expect(urls('url=https\\://selfreg.acme-cn.com\\:8443/x')).toEqual(['host selfreg.acme-cn.com https 8443 @4']);
    expect(urls('ip=http\\://10.1.2.4\\:80/x')).toEqual(['ip 10.1.2.4 http 80 @3']);
    // Another scheme so escaped is that scheme, as unescaped: a deep link, no network host.
    expect(urls('link=myapp\\://open.acme-cn.com/x')).toEqual([]);
    expect(urls('link=myapp://open.acme-cn.com/x')).toEqual([]);
  });

  it('a listed host or address after the length byte of its string (a DEX or class-file string read as raw bytes)', () => {
    const k = { ...known, ips: new Set(['124.207.3.53']) };
    const hits = (b: Buffer): string[] => scan(b, k).map((h) => `${h.kind} ${h.value} @${h.evidence.offset}`);
    // MUTF-8 in a DEX: the length, the bytes, NUL. '3' is 51.
    const dex = (text: string, length = text.length): Buffer => Buffer.concat([Buffer.from([0, length]), Buffer.from(text, 'latin1'), Buffer.from([0])]);
    const s51 = 'zzhc.vnet.cn/zzhc/register.do?imei=0&meid=0&iccid=0';
    expect(s51.length).toBe(0x33);
    expect(hits(dex(s51))).toEqual(['host zzhc.vnet.cn @2']);
    const s50 = '124.207.3.53:8083/reg?imei=0&meid=0&iccid=0&mcc=00';
    expect(s50.length).toBe(0x32);
    expect(hits(dex(s50))).toEqual(['ip 124.207.3.53 @2']);
    // The length must be the string's: one more byte, or a printable byte after it, and the
    // first byte is part of the name (a host nobody lists, and no address); the listed host
    // glued to it is found beside it (gluedInside), where it starts.
    expect(hits(dex(`${s51}x`, 0x33))).toEqual(['host zzhc.vnet.cn @2', 'host 3zzhc.vnet.cn @1']);
    expect(hits(Buffer.concat([dex(s51).subarray(0, -1), Buffer.from('x')]))).toEqual(['host zzhc.vnet.cn @2', 'host 3zzhc.vnet.cn @1']);
    expect(hits(dex(`${s50}0`, 0x32))).toEqual([]);
    // A listed address hidden in another dotted quad by its length digit: "31.2.3.4" of 1.2.3.4.
    const low = { ...known, ips: new Set(['1.2.3.4']) };
    const s51ip = `1.2.3.4/${'x'.repeat(51 - 8)}`;
    expect(scan(dex(s51ip, 0x33), low).map((h) => `${h.kind} ${h.value} @${h.evidence.offset}`)).toEqual(['ip 1.2.3.4 @2']);
    // Unlisted, the token is what it reads (a low quad without a port: a version, nothing).
    expect(hits(dex(s51ip, 0x33))).toEqual(['ip 31.2.3.4 @1']);
    // A name nobody lists is not renamed: '3' and 51 bytes stay "3selfreg...", a bare name of its own.
    expect(hits(dex('selfreg.acme-cn.com/zzhc/register.do?imei=0&meid=0&a', 0x33))).toEqual(['host 3selfreg.acme-cn.com @1']);
  });

  it('a listed host or address after a length that counts UTF-8 (a class file) or UTF-16 units (a DEX), and not when text runs on past it', () => {
    const hits = (b: Buffer): string[] => scan(b, known).map((h) => `${h.kind} ${h.value} @${h.evidence.offset}`);
    const text = 'zzhc.vnet.cn/注册?imei=0&meid=0&x=012345678901234';
    const bytes = Buffer.from(text, 'utf8');
    // A CONSTANT_Utf8 (tag 1, u2 length in bytes: '3', 51) then the next constant's tag.
    expect(bytes.length).toBe(0x33);
    expect(hits(Buffer.concat([Buffer.from([1, 0, bytes.length]), bytes, Buffer.from([1])]))).toEqual(['host zzhc.vnet.cn @3']);
    // A DEX string_data_item: its length in UTF-16 units ('/', 47, is no host byte: one more), its MUTF-8, NUL.
    const units = `${text}7`;
    expect(units.length).toBe(0x30);
    expect(hits(Buffer.concat([Buffer.from([0, units.length]), Buffer.from(units, 'utf8'), Buffer.from([0])]))).toEqual(['host zzhc.vnet.cn @2']);
    // A varint byte after the string (a protocol buffer's field 16 tag, 0x82 0x01) ends it as a NUL does.
    expect(hits(Buffer.concat([Buffer.from([0x0a, bytes.length]), bytes, Buffer.from([0x82, 0x01, 0])]))).toEqual(['host zzhc.vnet.cn @2']);
    // UTF-8 text running on where the length ends: '1' (49) is no length there, "1zzhc.vnet.cn" a name of its own.
    const utf8Text = Buffer.from(`1zzhc.vnet.cn ${'x'.repeat(49 - 13)}été`, 'utf8');
    expect(utf8Text[50]).toBe(0xc3);
    expect(hits(utf8Text)).toEqual(['host zzhc.vnet.cn @1', 'host 1zzhc.vnet.cn @0']);
    // ... nor where it ends inside a character ('0', 48 bytes) and 48 units run on ("...注b").
    const cut = Buffer.from(`zzhc.vnet.cn/${'a'.repeat(34)}注b`, 'utf8');
    expect(cut.subarray(47, 50).toString('utf8')).toBe('注');
    expect(hits(Buffer.concat([Buffer.from([1, 0, 48]), cut, Buffer.from([1])]))).toEqual(['host zzhc.vnet.cn @3', 'host 0zzhc.vnet.cn @2']);
  });

  it('a listed host or address glued to the bytes after it: literals laid end to end, a record\'s next column, a protocol buffer\'s next tag', () => {
    const k = { ...known, ips: new Set(['124.207.3.53']) };
    const hits = (b: string | Buffer, kk = k): string[] => scan(typeof b === 'string' ? Buffer.from(b, 'latin1') : b, kk).map((h) => `${h.kind} ${h.value}${h.scheme ? ` ${h.scheme}` : ''} @${h.evidence.offset}`);
    expect(hits('x zzhc.vnet.cnregister y')).toEqual(['host zzhc.vnet.cn @2']);
    expect(hits('zzhc.vnet.cn1.2')).toEqual(['host zzhc.vnet.cn @0']);
    expect(hits('\x0a\x0czzhc.vnet.cn2\x08register')).toEqual(['host zzhc.vnet.cn @2']); // field 6's tag, '2'
    expect(hits('ZZHC.VNET.CNRegisterActivity')).toEqual(['host zzhc.vnet.cn @0']);
    expect(hits('\0https://zzhc.vnet.cnregister?imei=')).toEqual(['host zzhc.vnet.cn https @1']);
    expect(hits('\0dm.wo.com.cn-6001\0')).toEqual(['host dm.wo.com.cn @1']);
    // What rustc laid out (string literals end to end): an address, then "1.2" or "v2zzhc...".
    expect(hits('124.207.3.531.2\x15memory')).toEqual(['ip 124.207.3.53 @0']);
    expect(hits('\x00124.207.3.53v2zzhc.vnet.cn\0')).toEqual(['ip 124.207.3.53 @1', 'host zzhc.vnet.cn @15']);
    expect(hits('\x00124.207.3.532\0')).toEqual(['ip 124.207.3.53 @1']);
    // Glued on both sides: a SQLite record's integer columns (49 and 71) around the text.
    expect(hits('\x04\x01\x25\x01' + '1zzhc.vnet.cnG')).toEqual(['host zzhc.vnet.cn @5']);
    expect(hits('\x041124.207.3.53G')).toEqual(['ip 124.207.3.53 @2']);
    // A letter that is the length of the string a listed address starts ('x', 120 bytes).
    const s120 = `124.207.3.53:8083/reg?${'a'.repeat(98)}`;
    expect(s120.length).toBe(0x78);
    expect(hits(Buffer.from(`\0x${s120}\0`, 'latin1'))).toEqual(['ip 124.207.3.53 @2']);
    // Not its length; but an address glued to a letter before it all the same (gluedInside).
    expect(hits(Buffer.from(`\0x${s120}a\0`, 'latin1'))).toEqual(['ip 124.207.3.53 @2']);
  });

  it('a token that starts with a listed name is not renamed when it is a name of its own', () => {
    const k = { ...known, ips: new Set(['124.207.3.53', '10.1.2.3']) };
    const hits = (b: string, kk = k): string[] => scan(Buffer.from(b, 'latin1'), kk).map((h) => `${h.kind} ${h.value}${h.scheme ? ` ${h.scheme}` : ''} @${h.evidence.offset}`);
    // More labels after it, a longer name under a public suffix (.community, .company), a longer address.
    expect(hits('zzhc.vnet.cn.example.com')).toEqual(['host zzhc.vnet.cn.example.com @0']);
    expect(hits('zzhc.vnet.community')).toEqual([]); // no bare .community name (bare-name rules), and not zzhc.vnet.cn
    expect(hits('https://zzhc.vnet.community/ http://cn.c2dms.company/')).toEqual(['host zzhc.vnet.community https @0', 'host cn.c2dms.company http @29']);
    expect(hits('a 10.1.2.34 b')).toEqual(['ip 10.1.2.34 @2']);
    expect(hits('http://124.207.3.53x.example.com/')).toEqual(['host 124.207.3.53x.example.com http @0']);
    // A version's tail and a name nobody lists. (Two bytes glued before a listed name and one
    // after: the name glued on both sides, a SQLite record's text columns, found where it starts.)
    expect(hits('lib-124.207.3.53b')).toEqual([]);
    expect(hits('abzzhc.vnet.cnG')).toEqual(['host zzhc.vnet.cn @2']);
    expect(hits('selfreg.acme-cn.comregister ')).toEqual([]);
    // Without a list, nothing of the kind is looked for.
    expect(hits('zzhc.vnet.cnregister 124.207.3.532', { hosts: new Set(), sms: new Set(), ips: new Set() })).toEqual([]);
  });

  it('a listed host or address glued to the bytes before it: string literals laid end to end (rustc), a SQLite record\'s text columns', () => {
    const k = { ...known, hosts: new Set([...known.hosts, 'vnet.cn', 'x.blogspot.com']), ips: new Set(['124.207.3.53', '8.8.8.8']) };
    const hits = (b: string, kk = k): string[] => scan(Buffer.from(b, 'latin1'), kk).map((h) => `${h.kind} ${h.value}${h.port ? `:${h.port}` : ''} @${h.evidence.offset}`);
    // A record of four text columns, as sqlite3 writes it: the host between an MCC-MNC and a number.
    expect(hits('\x05\x27\x17\x25\x1dChina Telecom46003zzhc.vnet.cn10659401\0')).toEqual(['host zzhc.vnet.cn @23', 'sms 10659401 @35']);
    // What rustc laid out: "connect" then the host (another name, found as itself, beside it); a
    // number, a host and an address end to end.
    expect(hits('\0connectzzhc.vnet.cn\0')).toEqual(['host zzhc.vnet.cn @8', 'host connectzzhc.vnet.cn @1']);
    expect(hits('\0\x0010659401dm.wo.com.cn124.207.3.53/rustc')).toEqual(['host dm.wo.com.cn @10', 'ip 124.207.3.53 @22', 'sms 10659401 @2']);
    // Its port, and glued on both sides in a name that is none of its own.
    expect(hits('connectzzhc.vnet.cn:9999')).toEqual(['host zzhc.vnet.cn:9999 @7', 'host connectzzhc.vnet.cn:9999 @0']);
    expect(hits('Regzzhc.vnet.cnregister ')).toEqual(['host zzhc.vnet.cn @3']);
    // Not glued: after '-' or '.', a name of its own; more labels after it; a longer name under a
    // public suffix; a registrable domain (vnet.cn, which every name under it ends with); a host
    // under a private suffix ("abcx.blogspot.com" is another owner's domain).
    expect(hits('x-zzhc.vnet.cn a.zzhc.vnet.cn')).toEqual(['host x-zzhc.vnet.cn @0', 'host a.zzhc.vnet.cn @15']);
    expect(hits('xzzhc.vnet.cn.example.com')).toEqual(['host xzzhc.vnet.cn.example.com @0']);
    expect(hits('xcn.c2dms.community')).toEqual([]);
    expect(hits('xvnet.cn abvnet.cn1')).toEqual(['host xvnet.cn @0']);
    expect(hits('abcx.blogspot.com')).toEqual(['host abcx.blogspot.com @0']);
    // An address after a letter, its first number of 2 digits or more, before a letter or the token's end.
    expect(hits('v8.8.8.8 x1124.207.3.53 1x124.207.3.53 lib-124.207.3.53 ab124.207.3.531a ab124.207.3.53-a')).toEqual(['ip 124.207.3.53 @26']);
    // What an older rustc (Debian's 1.63) laid out: every literal end to end, between file names.
    expect(hits('/stdout.rsconnectzzhc.vnet.cn10659401dm.wo.com.cn124.207.3.53reg.rsassertion')).toEqual([
      'host zzhc.vnet.cn @17',
      'host dm.wo.com.cn @37',
      'ip 124.207.3.53 @49',
      'sms 10659401 @29',
    ]);
    // Both ways on a second listed name (one name glued after the first, one before).
    expect(hits('zzhc.vnet.cnxdm.wo.com.cn1')).toEqual(['host zzhc.vnet.cn @0', 'host dm.wo.com.cn @13']);
  });

  it('a listed SMS number glued to text: after a word or a host, or before a listed host; not after one letter (an identifier, a version)', () => {
    const sms = (b: string): string[] => scan(Buffer.from(b, 'latin1')).filter((h) => h.kind === 'sms').map((h) => `${h.value} @${h.evidence.offset}`);
    expect(sms('China Telecom10659401\0')).toEqual(['10659401 @13']);
    expect(sms('zzhc.vnet.cn10659401 CT14536007399;')).toEqual(['10659401 @12', '14536007399 @23']);
    expect(sms('\x0010659401dm.wo.com.cn\0 x10659401zzhc.vnet.cn')).toEqual(['10659401 @1', '10659401 @24']);
    // One letter before it; a letter after it but no listed host; an SP number nobody lists.
    expect(sms('a10659401 v10659401. Telecom10659401x 10659401reg.acme.com ab10659402 x_10659401')).toEqual([]);
  });

  it('schema and namespace hosts are kept as ignored', () => {
    const [h] = scan('xmlns:android="http://schemas.android.com/apk/res/android"');
    expect(h).toMatchObject({ value: 'schemas.android.com', ignored: true });
  });

  it('ports, userinfo and IPv6 literals', () => {
    expect(scan('http://dm.wo.com.cn:6001/register')[0]).toMatchObject({ value: 'dm.wo.com.cn', port: 6001 });
    expect(scan('ftp://user:pw@files.acme.com/a')[0]).toMatchObject({ value: 'files.acme.com', scheme: 'ftp' });
    expect(scan('http://[2001:DB8:0:0::1]:8080/')[0]).toMatchObject({ kind: 'ip', value: '2001:db8::1', port: 8080 });
  });

  it('real hosts with those endings still count: longer names, or after a scheme', () => {
    expect(values('cdn.acme.co.id')).toEqual(['cdn.acme.co.id']);
    expect(values('2.android.pool.ntp.org')).toEqual(['2.android.pool.ntp.org']);
    expect(values('https://d.inline.top/x http://mastodon.xyz')).toEqual(['d.inline.top', 'mastodon.xyz']);
    expect(values('dns 8.8.8.8 and 1.2.4.8, proxy 2.12.9.2:8080')).toEqual(['8.8.8.8', '1.2.4.8', '2.12.9.2']);
  });

  it('loopback addresses are kept as ignored', () => {
    expect(scan('http://127.0.0.1:8080/ 10.0.0.172')[0]).toMatchObject({ value: '127.0.0.1', ignored: true });
    expect(scan('http://127.0.0.1:8080/ 10.0.0.172')[1]).toMatchObject({ value: '10.0.0.172' });
    expect(scan('http://127.0.0.1:8080/ 10.0.0.172')[1].ignored).toBeUndefined();
  });

  it('IPv4 literals are whole canonical tokens', () => {
    expect(values('http://124.207.3.53:8083/register')).toEqual(['124.207.3.53']);
    expect(values('server=114.255.193.236;')).toEqual(['114.255.193.236']);
    expect(values('1.2.3.4.5')).toEqual([]);
    expect(values('v1.2.3.4')).toEqual([]);
    expect(values('010.1.1.1 256.1.1.1')).toEqual([]);
    expect(isCanonicalIpv4('8.8.8.8')).toBe(true);
  });

  it('SMS: China SP numbers and catalogued numbers as whole tokens, normalised', () => {
    expect(scan('sendTextMessage("10659401")').map((h) => [h.kind, h.value])).toEqual([['sms', '10659401']]);
    expect(values('+8610655459')).toEqual(['10655459']);
    expect(values('008610654040')).toEqual(['10654040']);
    expect(values('14536007399')).toEqual(['14536007399']);
    expect(values('a10659401 106594011234567890 1065.5')).toEqual([]);
  });

  it('scans only inside [start, end) and reports offsets relative to the buffer', () => {
    const buf = Buffer.from('zzhc.vnet.cn|api.acme.eu');
    const hits: EndpointHit[] = [];
    new EndpointScanner(known).scan(buf, 13, buf.length, { path: 'p', source: 'dex' }, { add: (h) => hits.push(h) });
    expect(hits.map((h) => [h.value, h.evidence.offset])).toEqual([['api.acme.eu', 13]]);
  });

  it('hosts embedded in binary data are found between non-host bytes', () => {
    const buf = Buffer.concat([Buffer.from([0, 1, 2, 0xff]), Buffer.from('zzhc.vnet.cn'), Buffer.from([0, 0x80])]);
    expect(scan(buf).map((h) => [h.value, h.evidence.offset])).toEqual([['zzhc.vnet.cn', 4]]);
  });

  it('chunked scanning reports a token once, in the chunk where it starts', () => {
    const buf = Buffer.from('aaaa zzhc.vnet.cn bbbb');
    const hits: EndpointHit[] = [];
    const s = new EndpointScanner(known);
    const sink = { add: (h: EndpointHit) => hits.push(h) };
    // Two chunks split at byte 7, inside the token; each window has context on both sides.
    s.scan(buf, 0, buf.length, { path: 'p', source: 'file' }, sink, (p) => p, { from: 0, to: 7 });
    s.scan(buf, 0, buf.length, { path: 'p', source: 'file' }, sink, (p) => p, { from: 7, to: buf.length });
    expect(hits.map((h) => [h.value, h.evidence.offset])).toEqual([['zzhc.vnet.cn', 5]]);
  });
});

describe('canonicalIpv6', () => {
  it.each([
    ['2001:db8:0:0:0:0:0:1', '2001:db8::1'],
    ['::1', '::1'],
    ['2001:0db8::0:1', '2001:db8::1'],
    ['::ffff:1.2.3.4', '::ffff:102:304'],
    ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8'],
  ])('%s -> %s', (a, b) => expect(canonicalIpv6(a)).toBe(b));
  it('rejects garbage', () => {
    expect(canonicalIpv6('1::2::3')).toBeUndefined();
    expect(canonicalIpv6('12345::')).toBeUndefined();
  });
});

describe('IPv6 literals: the closing bracket', () => {
  // 45 characters, the longest literal (six groups and a dotted quad); one more is too long.
  const longest = 'ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255';

  it('is taken within 45 characters of the bracket, never past them or past the end of what is scanned', () => {
    // The URL's hits (its dotted quad is also an IPv4 address on its own).
    const inUrl = (text: string): string[] => scan(text).filter((h) => h.scheme === 'http').map((h) => `${h.kind} ${h.value}`);
    expect(longest).toHaveLength(45);
    expect(inUrl(`http://[${longest}]/`)).toEqual(['ip ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff']);
    expect(inUrl(`http://[0${longest}]/`)).toEqual([]);
    // A bracket beyond the window being scanned (a chunk's end) does not close the literal.
    const buf = Buffer.from(`http://[2001:db8::1]/`, 'latin1');
    const close = buf.indexOf(']');
    for (const wasm of [true, false]) {
      const hits: EndpointHit[] = [];
      new EndpointScanner(known, { wasm }).scan(buf, 0, close, { path: 'f', source: 'file' }, { add: (h) => hits.push(h) });
      expect(hits).toEqual([]);
      new EndpointScanner(known, { wasm }).scan(buf, 0, close + 1, { path: 'f', source: 'file' }, { add: (h) => hits.push(h) });
      expect(hits.map((h) => h.value)).toEqual(['2001:db8::1']);
    }
  });

  it('a file of `://[` with no bracket to close them scans in linear time (the search for each was to the end: 4 MiB took 27 s)', () => {
    const buf = Buffer.from('http://['.repeat(512 * 1024), 'latin1');
    for (const wasm of [true, false]) {
      const hits: EndpointHit[] = [];
      const t0 = performance.now();
      new EndpointScanner(known, { wasm }).scan(buf, 0, buf.length, { path: 'f', source: 'file' }, { add: (h) => hits.push(h) });
      expect(hits).toEqual([]);
      expect(performance.now() - t0).toBeLessThan(3000);
    }
  });
});

describe('raw files scanned in chunks', () => {
  it('every host once, at its offset, wherever the chunk boundaries fall', async () => {
    const { mkdtempSync, mkdirSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { scan } = await import('../../src/scan.js');
    const { RecordingLogger } = await import('../../src/logging.js');
    const dir = mkdtempSync(join(tmpdir(), 'ag-chunks-'));
    try {
      mkdirSync(join(dir, 'vendor', 'bin'), { recursive: true });
      // 40 KiB of binary noise with hosts placed across 4 KiB boundaries, and a second, smaller file.
      const blob = Buffer.alloc(48 << 10);
      for (let i = 0; i < blob.length; i++) blob[i] = (i * 7919) % 251 < 200 ? 0 : 0xff;
      const placed: [string, number][] = [];
      for (let k = 1; k < 10; k++) {
        const host = `h${k}.chunk-test.example.com`;
        const at = k * 4096 - (k * 3) % host.length - 1;
        blob.write(host, at, 'latin1');
        placed.push([host, at]);
      }
      // A catalogued host's URL after a run of scheme bytes longer than the chunks' 1024-byte
      // context, across a boundary: the scan back over its scheme is bounded, so the hit's offset
      // stays within the context and the chunk that sees the host reports it. (A run ending in
      // "http" would be the web scheme glued to the bytes before it: the hit at "http".)
      const urlAt = 11 * 4096 - 300;
      blob.write(`${'A'.repeat(1200)}rtsp://zzhc.vnet.cn/x`, urlAt, 'latin1');
      const known = urlAt + 1200 + 4 - 64; // "rtsp" and the 60 bytes before it: the scheme as scanned
      // A UTF-16 URL of the longest host a name can have (253 characters: 520 bytes with its
      // scheme), across a boundary: read whole by the chunk whose window it starts in.
      const longHost = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.chunk-test.example.com`.slice(-253);
      const wideAt = 10 * 4096 - 2;
      blob.write(`http://${longHost}/`, wideAt, 'utf16le');
      writeFileSync(join(dir, 'vendor', 'bin', 'daemon'), blob);
      writeFileSync(join(dir, 'vendor', 'bin', 'small'), Buffer.from('\0\0ping h0.chunk-test.example.com\0'));
      const run = async (chunkBytes?: number) => {
        const report = await scan(
          { inputs: [dir], market: 'EU', failOn: 'never', cwd: dir, now: new Date('2026-11-01T00:00:00Z') },
          new RecordingLogger(),
          chunkBytes ? { limits: { chunkBytes } } : {},
        );
        return report.targets[0].endpoints
          .filter((e) => e.value.endsWith('.chunk-test.example.com') || e.value === 'zzhc.vnet.cn')
          .map((e) => [e.value, e.evidence.map((x) => `${x.path}@${x.offset}`).join(' ')]);
      };
      const whole = await run();
      expect(whole).toEqual([
        ['h0.chunk-test.example.com', 'vendor/bin/small@7'],
        ...placed.map(([h, at]) => [h, `vendor/bin/daemon@${at}`]),
        ['zzhc.vnet.cn', `vendor/bin/daemon@${known}`],
      ].concat([[longHost, `vendor/bin/daemon@${wideAt}`]]).sort((x, y) => (x[0] < y[0] ? -1 : 1)));
      expect(await run(4096)).toEqual(whole);
      expect(await run(1000)).toEqual(whole);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The definition isHostSyntax implements in one pass: split into labels, each tested by pattern. */
function isHostSyntaxReference(name: string): boolean {
  if (name.length > 253) return false;
  const labels = name.split('.');
  if (labels.length < 2) return false;
  for (const l of labels) if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(l)) return false;
  const tld = labels[labels.length - 1];
  return /^[a-z]{2,63}$/.test(tld) || /^xn--[a-z0-9-]+$/.test(tld);
}

describe('isHostSyntax', () => {
  const label = (n: number, c = 'a'): string => c.repeat(n);
  it.each([
    ['example.com', true],
    ['a.bc', true],
    ['a.b', false],
    ['a.b1', false],
    ['a.xn--p1ai', true],
    ['a.xn--', false],
    ['a.xn-', false],
    ['a.xn--a-', false],
    ['xn--d1acufc.xn--p1ai', true],
    ['-a.com', false],
    ['a-.com', false],
    ['a--b.com', true],
    ['a..com', false],
    ['.a.com', false],
    ['a.com.', false],
    ['com', false],
    ['', false],
    ['.', false],
    ['Example.com', false],
    ['a_b.com', false],
    ['a.co m', false],
    ['1.2.3.com', true],
    ['a.c0m', false],
    [`${label(63)}.com`, true],
    [`${label(64)}.com`, false],
    [`a.${label(63)}`, true],
    [`a.${label(64)}`, false],
    [`${[label(63), label(63), label(63), label(61)].join('.')}`, true],
    [`${[label(63), label(63), label(63), label(62)].join('.')}`, false],
    ['caf\u00e9.com', false],
  ])('%s: %s', (name, ok) => {
    expect(isHostSyntax(name)).toBe(ok);
    expect(isHostSyntaxReference(name)).toBe(ok);
  });

  it('agrees with the split-and-pattern definition on arbitrary names', () => {
    const ch = fc.constantFrom(...'abxnz019-.A_'.split(''));
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 24 }), fc.integer({ min: 0, max: 70 }), (cs, pad) => {
        const name = cs.join('');
        // Long labels too, to meet the 63- and 253-byte limits.
        for (const n of [name, `${'a'.repeat(pad)}${name}`, `${name}.${'q'.repeat(pad)}`, `${'abc.'.repeat(pad)}${name}`]) {
          expect(isHostSyntax(n)).toBe(isHostSyntaxReference(n));
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('KnownHostBytes', () => {
  const hosts = ['zzhc.vnet.cn', 'dm.wo.com.cn', 'm.fxltsbl.com', 'cn.c2dms.com', 'caivssp-fi-cn.c2dms.com', 'a.b', 'xn--fiqs8s.example', 'bücher.example', 'Mixed.Case.cn'];
  const known = new KnownHostBytes(hosts);
  const reference = new Set(hosts);

  it('finds a host by the bytes of a token in any letter case, wherever the token lies', () => {
    const buf = Buffer.from('..ZZHC.Vnet.cn//dm.wo.com.cn!zzhc.vnet.cnx', 'latin1');
    expect(known.find(buf, 2, 14)).toBe('zzhc.vnet.cn');
    expect(known.find(buf, 16, 28)).toBe('dm.wo.com.cn');
    expect(known.find(buf, 29, 41)).toBe('zzhc.vnet.cn');
    expect(known.find(buf, 29, 42)).toBeUndefined(); // one byte more
    expect(known.find(buf, 30, 42)).toBeUndefined(); // same length, other bytes
  });

  it('holds no host a token cannot spell: non-ASCII, or with capitals (the scanner compares lower-cased tokens)', () => {
    expect(known.find(Buffer.from('b\xfccher.example', 'latin1'), 0, 14)).toBeUndefined();
    expect(known.find(Buffer.from('Mixed.Case.cn', 'latin1'), 0, 13)).toBeUndefined();
    expect(known.find(Buffer.from('mixed.case.cn', 'latin1'), 0, 13)).toBeUndefined();
  });

  it('agrees with a Set of the hosts looked up with the lower-cased token (property)', () => {
    const token = fc.oneof(
      fc.constantFrom(...hosts),
      fc.constantFrom(...hosts).map((h) => h.toUpperCase()),
      fc.constantFrom(...hosts).chain((h) => fc.array(fc.boolean(), { minLength: h.length, maxLength: h.length }).map((up) => [...h].map((c, i) => (up[i] ? c.toUpperCase() : c)).join(''))),
      fc.stringMatching(/^[a-zA-Z0-9.-]{1,30}$/),
    ).filter((t) => /^[a-zA-Z0-9.-]+$/.test(t)); // a token is host bytes (letters, digits, '-', '.')
    fc.assert(
      fc.property(fc.string({ maxLength: 5 }), token, fc.string({ maxLength: 5 }), (before, t, after) => {
        const buf = Buffer.from(before + t + after, 'latin1');
        const a = Buffer.byteLength(before, 'latin1');
        const b = a + Buffer.byteLength(t, 'latin1');
        const lower = buf.toString('latin1', a, b).replace(/[A-Z]/g, (c) => c.toLowerCase());
        expect(known.find(buf, a, b)).toBe(reference.has(lower) ? lower : undefined);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the longest host a token ends with, glued to a letter or digit before it, and one a position starts', () => {
    const buf = Buffer.from('..CONNECTZzhc.vnet.cn|xcn.c2dms.com|x-zzhc.vnet.cn|zzhc.vnet.cn|dm.wo.com.cnx|dm.wo.com.cn.x', 'latin1');
    const span = (t: string): [number, number] => [buf.indexOf(t), buf.indexOf(t) + t.length];
    expect(known.endGlued(buf, ...span('CONNECTZzhc.vnet.cn'))).toBe('zzhc.vnet.cn');
    expect(known.endGlued(buf, ...span('xcn.c2dms.com'))).toBe('cn.c2dms.com');
    expect(known.endGlued(buf, ...span('x-zzhc.vnet.cn'))).toBeUndefined(); // '-' is no glue
    expect(known.endGlued(buf, ...span('|zzhc.vnet.cn'))).toBeUndefined(); // nothing glued within the span
    expect(known.startsAt(buf, ...span('dm.wo.com.cnx'))).toBe('dm.wo.com.cn');
    expect(known.startsAt(buf, buf.indexOf('zzhc.vnet.cn|dm'), buf.length)).toBe('zzhc.vnet.cn');
    expect(known.startsAt(buf, ...span('dm.wo.com.cn.x'))).toBeUndefined(); // more labels after it
    expect(known.lastLabelLengths).toEqual([1, 2, 3, 7]);
  });

  it('endGlued agrees with the longest host the lower-cased span ends with after a letter or digit (property)', () => {
    const span = fc.tuple(fc.stringMatching(/^[a-zA-Z0-9.-]{0,8}$/), fc.constantFrom(...hosts, ...hosts.map((h) => h.toUpperCase()), 'vnet.cn', 'fxltsbl.com'));
    fc.assert(
      fc.property(fc.string({ maxLength: 3 }), span, fc.string({ maxLength: 3 }), (before, [glue, t], after) => {
        const buf = Buffer.from(before + glue + t + after, 'latin1');
        const a = before.length;
        const e = a + glue.length + t.length;
        const lower = buf.toString('latin1', a, e).replace(/[A-Z]/g, (c) => c.toLowerCase());
        // (a token spells no host with capitals or bytes past ASCII: none is held)
        const expected = [...reference]
          .filter((h) => /^[a-z0-9.-]+$/.test(h))
          .filter((h) => lower.endsWith(h) && lower.length > h.length && /[a-z0-9]/.test(lower[lower.length - h.length - 1]))
          .sort((x, y) => y.length - x.length)[0];
        expect(known.endGlued(buf, a, e)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('a table of many hosts (open addressing past its first size) finds each of them', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `h${i}.policy-${i % 37}.example.com`);
    const table = new KnownHostBytes(many);
    for (const h of many) expect(table.find(Buffer.from(h.toUpperCase(), 'latin1'), 0, h.length)).toBe(h);
    expect(table.find(Buffer.from('h5000.policy-5.example.com', 'latin1'), 0, 26)).toBeUndefined();
  });
});

describe('BareNameCache', () => {
  const names = (n: number): string[] =>
    Array.from({ length: n }, (_, i) => [`h${i}.example.com`, `com.acme${i}.app`, `s${i}.cn`, `Q${i}.example.org`, `x${i % 7}.de`][i % 5]);

  it('answers bareNameToHost for names found in any buffer, at any offset, through growth and clearing', () => {
    // Eight slots and at most 40 names: the table doubles three times and is cleared repeatedly.
    const cache = new BareNameCache(40, 8);
    const all = names(400);
    let most = 0;
    for (let round = 0; round < 3; round++) {
      all.forEach((name, i) => {
        const pad = (i * 7 + round) % 13;
        const buf = Buffer.from(`${'#'.repeat(pad)}${name}@@`, 'latin1');
        expect(cache.lookup(buf, pad, pad + name.length)).toBe(bareNameToHost(name));
        most = Math.max(most, cache.size);
        expect(cache.size).toBeLessThanOrEqual(40);
      });
    }
    expect(most).toBe(40);
  });

  it('keeps every name and its verdict when the table doubles', () => {
    const cache = new BareNameCache(1000, 8);
    const all = names(100);
    const buf = Buffer.from(all.join(' '), 'latin1');
    const spans = all.map((name) => [buf.indexOf(name, 0, 'latin1'), name.length]);
    spans.forEach(([at, n], i) => expect(cache.lookup(buf, at, at + n)).toBe(bareNameToHost(all[i])));
    const size = cache.size; // the distinct names (x0.de .. x6.de recur)
    expect(size).toBe(new Set(all).size);
    spans.forEach(([at, n], i) => expect(cache.lookup(buf, at, at + n)).toBe(bareNameToHost(all[i])));
    expect(cache.size).toBe(size);
    expect(all.filter((n) => bareNameToHost(n)).length).toBeGreaterThan(20);
  });

  it('answers a name longer than any host without keeping it', () => {
    const cache = new BareNameCache();
    for (const n of [254, 70_000]) {
      const name = `${'a'.repeat(n - 4)}.com`;
      expect(bareNameToHost(name)).toBeUndefined();
      expect(cache.lookup(Buffer.from(name, 'latin1'), 0, n)).toBeUndefined();
    }
    expect(cache.size).toBe(0);
    const ok = `${'a'.repeat(59)}.${'b'.repeat(59)}.${'c'.repeat(59)}.${'d'.repeat(59)}.com`;
    expect(cache.lookup(Buffer.from(ok, 'latin1'), 0, ok.length)).toBe(bareNameToHost(ok));
    expect(cache.size).toBe(1);
  });

  it('tells apart two names of one length and one 32-bit hash', () => {
    const fnv1a = (t: string): number => {
      let h = 0x811c9dc5;
      for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
      return h;
    };
    const [x, y] = ['h10wzx.example.com', 'h1f6cd.example.com'];
    expect(fnv1a(x)).toBe(fnv1a(y)); // found by search: the cache's hash cannot tell them apart
    const cache = new BareNameCache();
    const buf = Buffer.from(`${x} ${y} user@${y}`, 'latin1');
    expect(cache.lookup(buf, 0, x.length)).toBe(x);
    expect(cache.lookup(buf, x.length + 1, x.length + 1 + y.length)).toBe(y);
    expect(cache.size).toBe(2);
  });

  it('tells apart names of one length whose hashes share a slot, and a name from its prefix', () => {
    const cache = new BareNameCache(1000, 2);
    const buf = Buffer.from('ab.de ab.com ac.de ab.co ab.de', 'latin1');
    expect(cache.lookup(buf, 0, 5)).toBe(bareNameToHost('ab.de'));
    expect(cache.lookup(buf, 6, 12)).toBe(bareNameToHost('ab.com'));
    expect(cache.lookup(buf, 13, 18)).toBe(bareNameToHost('ac.de'));
    expect(cache.lookup(buf, 19, 24)).toBe(bareNameToHost('ab.co'));
    expect(cache.lookup(buf, 6, 11)).toBe(bareNameToHost('ab.co'));
    expect(cache.size).toBe(4);
    expect(cache.lookup(buf, 25, 30)).toBe(bareNameToHost('ab.de'));
    expect(cache.size).toBe(4);
  });
});
