import { describe, expect, it } from '@jest/globals';
import {
  globToRegExp,
  isValidHostname,
  matchHostPattern,
  matchIpPattern,
  normaliseHost,
  normaliseSms,
  parseClientSelector,
  parseHostPattern,
  parseIpPattern,
  parseSmsPattern,
  pathGlobToRegExp,
} from '../../src/policy/patterns.js';

describe('host patterns', () => {
  it.each([
    ['zzhc.vnet.cn', { type: 'exact', host: 'zzhc.vnet.cn' }],
    ['ZZHC.VNET.CN', { type: 'exact', host: 'zzhc.vnet.cn' }],
    ['*.acme.eu', { type: 'suffix', suffix: 'acme.eu' }],
    ['*.cn', { type: 'suffix', suffix: 'cn' }],
  ])('%s parses', (text, expected) => expect(parseHostPattern(text)).toEqual(expected));

  it.each(['a.*.b', '*foo', '*foo.cn', '*', '*.', 'cn', 'zzhc.vnet.cn:80', 'http://a.b', 'a..b', '-a.b', 'a.b/x', '1.2.3.4', '**.a.b', 'a.b.'])(
    '%s is not a host pattern',
    (text) => expect(parseHostPattern(text)).toBeUndefined(),
  );

  it('*.a.b matches subdomains at any depth but not a.b itself', () => {
    const p = parseHostPattern('*.a.b')!;
    expect(matchHostPattern(p, 'x.a.b')).toBe(true);
    expect(matchHostPattern(p, 'y.x.a.b')).toBe(true);
    expect(matchHostPattern(p, 'a.b')).toBe(false);
    expect(matchHostPattern(p, 'xa.b')).toBe(false);
  });

  it('normalises case, scheme, port, path and a trailing dot', () => {
    expect(normaliseHost('HTTP://ZZHC.VNET.CN/x')).toBe('zzhc.vnet.cn');
    expect(normaliseHost('zzhc.vnet.cn:9999')).toBe('zzhc.vnet.cn');
    expect(normaliseHost('coap://user@m.fxltsbl.com:5683/nb?q')).toBe('m.fxltsbl.com');
    expect(normaliseHost('Android.Clients.Google.com.')).toBe('android.clients.google.com');
  });

  it('validates host names', () => {
    expect(isValidHostname('cn-aps.c2dms.com')).toBe(true);
    expect(isValidHostname('localhost')).toBe(false);
    expect(isValidHostname('a'.repeat(64) + '.com')).toBe(false);
    expect(isValidHostname('v1.2')).toBe(false);
  });
});

describe('IP patterns', () => {
  it('parses v4 and v6 addresses and blocks', () => {
    expect(parseIpPattern('203.0.113.0/24')).toMatchObject({ family: 4, prefix: 24 });
    expect(parseIpPattern('124.207.3.53')).toMatchObject({ family: 4, prefix: 32 });
    expect(parseIpPattern('2001:DB8::/32')).toMatchObject({ family: 6, prefix: 32 });
    expect(parseIpPattern('::ffff:1.2.3.4')).toMatchObject({ family: 6, prefix: 128 });
  });

  it.each(['203.0.113.0/33', '2001:db8::/129', '1.2.3', '01.2.3.4', '1.2.3.4/', '1.2.3.4/08', '256.1.1.1', 'fe80::1%eth0', 'a.b'])('%s is refused', (text) =>
    expect(parseIpPattern(text)).toBeUndefined(),
  );

  it('matches inside the block only, per family; an IPv6 address that reaches an IPv4 one (mapped, NAT64) matches its IPv4 block', () => {
    const v4 = parseIpPattern('203.0.113.0/24')!;
    expect(matchIpPattern(v4, '203.0.113.255')).toBe(true);
    expect(matchIpPattern(v4, '203.0.114.0')).toBe(false);
    // A review found the mapped spelling of a denied IPv4 address passing as unlisted.
    expect(matchIpPattern(v4, '::ffff:203.0.113.1')).toBe(true);
    expect(matchIpPattern(v4, '::ffff:cb00:7101')).toBe(true);
    expect(matchIpPattern(v4, '64:ff9b::cb00:7101')).toBe(true);
    expect(matchIpPattern(v4, '::ffff:0:cb00:7101')).toBe(true);
    expect(matchIpPattern(v4, '::ffff:203.0.114.1')).toBe(false);
    // Not mapped: the same low 32 bits under another prefix.
    expect(matchIpPattern(v4, '2001:db8::cb00:7101')).toBe(false);
    expect(matchIpPattern(v4, '::cb00:7101')).toBe(false);
    const v6 = parseIpPattern('2001:db8::/32')!;
    expect(matchIpPattern(v6, '2001:db8:ffff::1')).toBe(true);
    expect(matchIpPattern(v6, '2001:db9::1')).toBe(false);
    expect(matchIpPattern(parseIpPattern('0.0.0.0/0')!, '8.8.8.8')).toBe(true);
    expect(matchIpPattern(parseIpPattern('203.0.113.77/24')!, '203.0.113.1')).toBe(true);
    expect(matchIpPattern(parseIpPattern('::ffff:1.2.3.4')!, '::FFFF:0102:0304'.toLowerCase())).toBe(true);
  });
});

describe('SMS numbers and patterns', () => {
  it.each([
    ['10659401', '10659401'],
    ['+8610659401', '10659401'],
    ['+86 1065 9401', '10659401'],
    ['008610659401', '10659401'],
    ['0086 106-5940-1', '10659401'],
    ['(+86) 10659401', '10659401'],
    ['+447700900123', '447700900123'],
    ['14536007399', '14536007399'],
  ])('%s -> %s', (input, out) => expect(normaliseSms(input)).toBe(out));

  it.each(['', 'abc', '10659401x', '+', '12'])('%s is not a number', (input) => expect(normaliseSms(input)).toBeUndefined());

  it('patterns: exact or trailing * prefix, normalised', () => {
    expect(parseSmsPattern('1065*')).toEqual({ type: 'prefix', prefix: '1065' });
    expect(parseSmsPattern('+86 10659401')).toEqual({ type: 'exact', number: '10659401' });
    expect(parseSmsPattern('0086 1065*')).toEqual({ type: 'prefix', prefix: '1065' });
    expect(parseSmsPattern('1065*9')).toBeUndefined();
    expect(parseSmsPattern('*')).toBeUndefined();
  });
});

describe('selectors and globs', () => {
  it('client selectors', () => {
    expect(parseClientSelector('market:CN')).toEqual({ type: 'market', market: 'CN' });
    expect(parseClientSelector('google-checkin')).toEqual({ type: 'id', id: 'google-checkin' });
    expect(parseClientSelector('acme-*')).toMatchObject({ type: 'glob', glob: 'acme-*' });
    for (const bad of ['market:', 'Acme', 'a b', 'market:C N', '']) expect(parseClientSelector(bad)).toBeUndefined();
  });

  it('id globs and path globs', () => {
    expect(globToRegExp('*_00EEA').test('Antman_00EEA')).toBe(true);
    expect(globToRegExp('600?0').test('600E0')).toBe(true);
    expect(globToRegExp('a.b').test('axb')).toBe(false);
    const re = pathGlobToRegExp('system/priv-app/**');
    expect(re.test('system/priv-app/A/A.apk')).toBe(true);
    expect(pathGlobToRegExp('**/AutoRegistration.apk').test('AutoRegistration.apk')).toBe(true);
    expect(pathGlobToRegExp('system/*/A.apk').test('system/priv-app/A/A.apk')).toBe(false);
  });
});
