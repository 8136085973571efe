import { describe, expect, it } from '@jest/globals';
import { loadBuiltinCatalog } from '../../src/catalog/load.js';
import { UsageError } from '../../src/errors.js';
import { builtinMarketPolicy, chinaMarketEndpoints } from '../../src/policy/builtin.js';
import {
  classifyEndpoint,
  effectiveCatalog,
  isClientAllowed,
  knownMarkets,
  printableMarketPolicy,
  resolveMarketPolicy,
  severityFor,
  severityLocation,
  validatePolicyMarkets,
} from '../../src/policy/effective.js';
import { loadPolicyFile, parsePolicyText } from '../../src/policy/load.js';
import { fixturePath, fixtureText, lineOf, policyErrorsOf } from './helpers.js';

const builtin = loadBuiltinCatalog();
const entry = (id: string) => builtin.entries.find((e) => e.id === id)!;
const layeredPath = fixturePath('valid-layered.yml');
const layeredText = fixtureText('valid-layered.yml');
const layered = loadPolicyFile(layeredPath);
const layeredCatalog = effectiveCatalog(builtin, layered);
const policy = (text: string, market = 'EU') => {
  const file = parsePolicyText(text, 'p.yml');
  return resolveMarketPolicy(file, market, effectiveCatalog(builtin, file));
};

describe('built-in market policies', () => {
  const eu = resolveMarketPolicy(undefined, 'EU', builtin);
  const ww = resolveMarketPolicy(undefined, 'WW', builtin);
  const cn = resolveMarketPolicy(undefined, 'CN', builtin);

  it('EU and WW deny China-market clients; CN allows them', () => {
    for (const id of ['ct-self-registration-qualcomm', 'mediatek-ct-selfregister', 'xiaomi-dmregservice', 'qualcomm-modem-autoreg']) {
      expect(isClientAllowed(eu, entry(id)).allowed).toBe(false);
      expect(isClientAllowed(ww, entry(id)).allowed).toBe(false);
      expect(isClientAllowed(cn, entry(id)).allowed).toBe(true);
    }
    expect(isClientAllowed(eu, entry('ct-self-registration-qualcomm'))).toEqual({
      allowed: false,
      reason: 'ct-self-registration-qualcomm (market CN) is denied in EU by "market:CN" (builtin:EU)',
      byMarket: true,
    });
    for (const id of ['google-checkin', 'evenwell-caivs', 'coloros-activation']) expect(isClientAllowed(eu, entry(id)).allowed).toBe(true);
  });

  it('EU denies the catalogued China hosts, IPs and SMS numbers, exactly', () => {
    expect(classifyEndpoint(eu, 'host', 'zzhc.vnet.cn')).toEqual({ status: 'denied', rule: { pattern: 'zzhc.vnet.cn', source: 'builtin:EU' } });
    expect(classifyEndpoint(eu, 'host', 'dm.wo.com.cn').status).toBe('denied');
    expect(classifyEndpoint(eu, 'host', 'cn-aps.c2dms.com').status).toBe('denied');
    expect(classifyEndpoint(eu, 'ip', '124.207.3.53').status).toBe('denied');
    expect(classifyEndpoint(eu, 'ip', '114.255.193.236').status).toBe('denied');
    expect(classifyEndpoint(eu, 'sms', '+86 10659401').status).toBe('denied');
    expect(classifyEndpoint(eu, 'sms', '14536007399').status).toBe('denied');
    // Only catalogued hosts: not whole domains or TLDs.
    expect(classifyEndpoint(eu, 'host', 'www.vnet.cn').status).toBe('unlisted');
    expect(classifyEndpoint(eu, 'host', 'example.cn').status).toBe('unlisted');
    expect(classifyEndpoint(eu, 'sms', '10659402').status).toBe('unlisted');
  });

  it('each built-in allows the hosts of the clients it permits', () => {
    expect(classifyEndpoint(eu, 'host', 'android.clients.google.com').status).toBe('allowed');
    expect(classifyEndpoint(eu, 'host', 'www.c2dms.com').status).toBe('allowed');
    expect(classifyEndpoint(eu, 'host', 'esa-reg-eup.myoppo.com').status).toBe('allowed');
    expect(classifyEndpoint(cn, 'host', 'zzhc.vnet.cn')).toEqual({ status: 'allowed', rule: { pattern: 'zzhc.vnet.cn', source: 'builtin:CN' } });
    expect(classifyEndpoint(cn, 'sms', '10659401').status).toBe('allowed');
    expect(classifyEndpoint(cn, 'host', 'android.clients.google.com').status).toBe('allowed');
  });

  it('defaults: unlisted warning, unlisted-in-clients error', () => {
    expect(severityFor(eu, 'unlisted-endpoint', 'warning')).toBe('warning');
    expect(severityFor(eu, 'unlisted-client-endpoint', 'warning')).toBe('error');
    expect(severityFor(eu, 'wrong-market-client', 'error')).toBe('error');
    expect(severityLocation(eu, 'unlisted-endpoint')).toBeUndefined();
  });

  it('computes from the effective catalog and is deterministic', () => {
    const p = builtinMarketPolicy('EU', layeredCatalog)!;
    expect(p.endpoints!.deny).toContain('act.acme.com.cn');
    expect(p.endpoints!.allow).toContain('act.acme.eu');
    expect(p.endpoints!.deny).toEqual([...p.endpoints!.deny].sort());
    expect(builtinMarketPolicy('US', builtin)).toBeUndefined();
    expect(chinaMarketEndpoints(builtin).hosts).not.toContain('www.c2dms.com');
    expect(p.endpoints!.deny.some((h) => h.startsWith('*'))).toBe(false);
  });

  it('market names are case-insensitive for built-ins; unknown markets are usage errors', () => {
    expect(resolveMarketPolicy(undefined, 'eu', builtin).market).toBe('EU');
    expect(() => resolveMarketPolicy(undefined, 'MARS', builtin)).toThrow(new UsageError('unknown market MARS; known: EU, CN, WW'));
    expect(() => resolveMarketPolicy(layered, 'MARS', layeredCatalog)).toThrow(new UsageError('unknown market MARS; known: EU, CN, WW, FR, LAB'));
    expect(knownMarkets(layered)).toEqual(['EU', 'CN', 'WW', 'FR', 'LAB']);
  });
});

describe('layered policy file', () => {
  const eu = resolveMarketPolicy(layered, 'EU', layeredCatalog);
  const fr = resolveMarketPolicy(layered, 'FR', layeredCatalog);
  const lab = resolveMarketPolicy(layered, 'LAB', layeredCatalog);
  const at = (needle: string) => ({ file: layeredPath, line: lineOf(layeredText, needle) });

  it('extends appends lists: builtin, then each file layer', () => {
    expect(eu.chain).toEqual(['builtin:EU', `${layeredPath}#markets.EU`]);
    expect(fr.chain).toEqual(['builtin:EU', `${layeredPath}#markets.EU`, `${layeredPath}#markets.FR`]);
    const builtinEu = resolveMarketPolicy(undefined, 'EU', layeredCatalog);
    expect(eu.endpoints.deny.slice(0, builtinEu.endpoints.deny.length).map((r) => r.pattern)).toEqual(builtinEu.endpoints.deny.map((r) => r.pattern));
    expect(eu.endpoints.deny.slice(-2).map((r) => r.pattern)).toEqual(['tracker.acme.eu', '198.51.100.7']);
    expect(fr.endpoints.allow.slice(-1)[0]).toMatchObject({ pattern: '*.acme.fr', location: { ...at('*.acme.fr'), column: 15 } });
    expect(classifyEndpoint(fr, 'host', 'x.acme.eu').status).toBe('allowed');
    expect(classifyEndpoint(fr, 'host', 'x.acme.fr').status).toBe('allowed');
    expect(classifyEndpoint(eu, 'host', 'x.acme.fr').status).toBe('unlisted');
    expect(fr.clients.deny.map((r) => r.selector)).toEqual(['market:CN']);
    expect(fr.clients.allow!.map((r) => r.selector)).toEqual(['google-checkin', 'acme-*', 'evenwell-*']);
  });

  it('a market without extends starts empty', () => {
    expect(lab.chain).toEqual([`${layeredPath}#markets.LAB`]);
    expect(classifyEndpoint(lab, 'host', 'zzhc.vnet.cn').status).toBe('unlisted');
    expect(isClientAllowed(lab, entry('ct-self-registration-qualcomm')).allowed).toBe(false);
    expect(isClientAllowed(lab, entry('google-checkin'))).toEqual({
      allowed: false,
      reason: `google-checkin (market GLOBAL) is denied in LAB by "google-*" (${layeredPath}:${lineOf(layeredText, 'google-*')})`,
      location: { ...at('google-*'), column: 27 },
    });
    expect(isClientAllowed(lab, entry('evenwell-caivs')).allowed).toBe(true);
    expect(severityFor(lab, 'unlisted-endpoint', 'note')).toBe('warning');
  });

  it('deny beats allow, whatever the order or specificity', () => {
    // *.acme.eu allows tracker.acme.eu; the exact deny wins.
    expect(classifyEndpoint(eu, 'host', 'tracker.acme.eu')).toEqual({
      status: 'denied',
      rule: { pattern: 'tracker.acme.eu', source: layeredPath, location: { ...at('tracker.acme.eu'), column: 14 } },
    });
    // 203.0.113.0/24 allowed, 198.51.100.7 denied
    expect(classifyEndpoint(eu, 'ip', '203.0.113.9').status).toBe('allowed');
    expect(classifyEndpoint(eu, 'ip', '198.51.100.7').status).toBe('denied');
    // *.c2dms.com is allowed by the file, but the built-in denies the China variant hosts.
    expect(classifyEndpoint(eu, 'host', 'cn.c2dms.com')).toEqual({ status: 'denied', rule: { pattern: 'cn.c2dms.com', source: 'builtin:EU' } });
    expect(classifyEndpoint(eu, 'host', 'upps.c2dms.com').status).toBe('allowed');
    // SMS: 1065* denies, +44 allow is kept.
    expect(classifyEndpoint(eu, 'sms', '1065 0000')).toMatchObject({ status: 'denied', rule: { pattern: '1065*' } });
    expect(classifyEndpoint(eu, 'sms', '+447700900123')).toMatchObject({ status: 'allowed', rule: { pattern: '+44 7700 900123' } });
  });

  it('client allow lists: anything not on them is denied; deny still wins', () => {
    expect(isClientAllowed(eu, entry('google-checkin'))).toEqual({
      allowed: true,
      reason: `google-checkin is allowed in EU by "google-checkin" (${layeredPath}:${lineOf(layeredText, 'allow: ["google-checkin"')})`,
      location: { ...at('allow: ["google-checkin"'), column: 15 },
    });
    const acmeCn = layeredCatalog.entries.find((e) => e.id === 'acme-cn-activation')!;
    expect(isClientAllowed(eu, acmeCn)).toMatchObject({ allowed: false, reason: 'acme-cn-activation (market CN) is denied in EU by "market:CN" (builtin:EU)' });
    expect(isClientAllowed(eu, layeredCatalog.entries.find((e) => e.id === 'acme-eu-activation')!).allowed).toBe(true);
    expect(isClientAllowed(eu, entry('coloros-activation'))).toEqual({
      allowed: false,
      reason: 'coloros-activation (market WW) is not on the client allow list of EU',
      location: { ...at('allow: ["google-checkin"'), column: 15 },
    });
    expect(eu.clients.allow!.find((r) => r.selector === 'evenwell-*')!.ids).toEqual(['evenwell-caivs', 'evenwell-pushagent']);
  });

  it('severity: the severity map, then endpoints.unlisted, then the default; with locations', () => {
    expect(severityFor(eu, 'new-endpoint', 'warning')).toBe('error');
    expect(severityFor(eu, 'cleartext-endpoint', 'warning')).toBe('off');
    expect(severityFor(eu, 'unlisted-endpoint', 'warning')).toBe('error');
    expect(severityFor(fr, 'unlisted-endpoint', 'warning')).toBe('error');
    expect(severityFor(eu, 'test-key-signer', 'warning')).toBe('warning');
    expect(severityLocation(eu, 'unlisted-endpoint')).toEqual({ ...at('unlisted: error'), column: 17 });
    expect(severityLocation(fr, 'new-endpoint')).toEqual({ ...at('new-endpoint: error'), column: 21 });
    expect(eu.location).toEqual({ ...at('  EU:'), column: 3 });
  });

  it('prints the effective policy as plain data', () => {
    const printed = printableMarketPolicy(fr) as { chain: string[]; endpoints: { allow: { pattern: string; from: string }[] } };
    expect(printed.chain).toHaveLength(3);
    expect(printed.endpoints.allow.slice(-1)).toEqual([{ pattern: '*.acme.fr', from: `${layeredPath}:${lineOf(layeredText, '*.acme.fr')}` }]);
    expect(JSON.parse(JSON.stringify(printableMarketPolicy(eu)))).toEqual(printableMarketPolicy(eu));
  });
});

describe('matching rules', () => {
  const p = policy(
    [
      'version: 1',
      'markets:',
      '  EU:',
      '    endpoints:',
      '      allow: ["a.b", "*.x.y", "10.0.0.0/8", "2001:db8::/32", "192.0.2.1"]',
      '      deny: ["*.a.b", "10.1.0.0/16", "2001:db8:bad::/48"]',
      '    sms:',
      '      allow: ["10655459"]',
      '      deny: ["1065*", "0086 14536007399"]',
      '',
    ].join('\n'),
  );

  it('exact host vs *. suffix: *.a.b does not match a.b', () => {
    expect(classifyEndpoint(p, 'host', 'a.b').status).toBe('allowed');
    expect(classifyEndpoint(p, 'host', 'c.a.b').status).toBe('denied');
    expect(classifyEndpoint(p, 'host', 'd.c.a.b').status).toBe('denied');
    expect(classifyEndpoint(p, 'host', 'x.y').status).toBe('unlisted');
    expect(classifyEndpoint(p, 'host', 'z.x.y').status).toBe('allowed');
    expect(classifyEndpoint(p, 'host', 'zx.y').status).toBe('unlisted');
  });

  it('ignores case, port and scheme', () => {
    expect(classifyEndpoint(p, 'host', 'A.B').status).toBe('allowed');
    expect(classifyEndpoint(p, 'host', 'a.b:8080').status).toBe('allowed');
    expect(classifyEndpoint(p, 'host', 'HTTPS://C.A.B:443/path').status).toBe('denied');
    expect(classifyEndpoint(p, 'ip', '[2001:DB8::1]:443').status).toBe('allowed');
    expect(classifyEndpoint(p, 'ip', '192.0.2.1:80').status).toBe('allowed');
  });

  it('CIDR v4 and v6, deny over allow', () => {
    expect(classifyEndpoint(p, 'ip', '10.2.3.4').status).toBe('allowed');
    expect(classifyEndpoint(p, 'ip', '10.1.3.4')).toMatchObject({ status: 'denied', rule: { pattern: '10.1.0.0/16', location: { file: 'p.yml', line: 6 } } });
    expect(classifyEndpoint(p, 'ip', '11.0.0.1').status).toBe('unlisted');
    expect(classifyEndpoint(p, 'ip', '2001:db8:1::1').status).toBe('allowed');
    expect(classifyEndpoint(p, 'ip', '2001:db8:bad::1').status).toBe('denied');
    // An IP literal reported as a host is classified as an IP.
    expect(classifyEndpoint(p, 'host', '10.1.0.1').status).toBe('denied');
    expect(classifyEndpoint(p, 'ip', 'not-an-ip.example').status).toBe('unlisted');
  });

  it('SMS: normalisation (+86, 0086, spaces) and 1065* patterns; deny over allow', () => {
    expect(classifyEndpoint(p, 'sms', '10655459').status).toBe('denied');
    expect(classifyEndpoint(p, 'sms', '+86 1065 9401')).toMatchObject({ status: 'denied', rule: { pattern: '1065*' } });
    expect(classifyEndpoint(p, 'sms', '008614536007399')).toMatchObject({ status: 'denied', rule: { pattern: '0086 14536007399' } });
    expect(classifyEndpoint(p, 'sms', '1066')).toMatchObject({ status: 'unlisted' });
    expect(classifyEndpoint(p, 'sms', '106')).toMatchObject({ status: 'unlisted' });
  });

  it('reports the most specific rule of the deciding list', () => {
    const q = policy('version: 1\nmarkets:\n  EU:\n    endpoints:\n      deny: ["*.cn", "*.vnet.cn", "zzhc.vnet.cn"]\n    sms:\n      deny: ["1*", "1065*"]\n');
    expect(classifyEndpoint(q, 'host', 'zzhc.vnet.cn').rule!.pattern).toBe('zzhc.vnet.cn');
    expect(classifyEndpoint(q, 'host', 'a.zzhc.vnet.cn').rule!.pattern).toBe('*.vnet.cn');
    expect(classifyEndpoint(q, 'host', 'a.cn').rule!.pattern).toBe('*.cn');
    expect(classifyEndpoint(q, 'sms', '10659401').rule!.pattern).toBe('1065*');
  });
});

describe('policy errors found while resolving', () => {
  it('an exact client id that is not in the catalog is an error at its line', () => {
    const text = 'version: 1\nmarkets:\n  EU:\n    extends: builtin:EU\n    clients:\n      allow: ["goggle-checkin", "acme-*"]\n';
    const file = parsePolicyText(text, 'p.yml');
    const errors = policyErrorsOf(() => resolveMarketPolicy(file, 'EU', builtin));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'p.yml', line: 6, column: 15, key: 'markets.EU.clients.allow[0]', found: '"goggle-checkin"' });
    expect(errors[0].allowed).toMatch(/^a catalog id \(\d+ known, e\.g\. /);
    expect(validatePolicyMarkets(file, builtin)).toHaveLength(1);
  });

  it('market:<NAME> of a market neither the catalog nor the policy names is an error at its line (a typo must not disable a deny rule)', () => {
    const text = 'version: 1\nmarkets:\n  EU:\n    extends: builtin:EU\n    clients:\n      deny: ["market:China", "market:cn", "market:US"]\n  US:\n    extends: builtin:WW\n';
    const errors = policyErrorsOf(() => resolveMarketPolicy(parsePolicyText(text, 'p.yml'), 'EU', builtin));
    expect(errors.map((e) => [e.key, e.found])).toEqual([['markets.EU.clients.deny[0]', '"market:China"']]);
    expect(errors[0].allowed).toMatch(/^market:<NAME> of a market the catalog or the policy names \(.*CN.*US/);
  });

  it("a catalog extra's market is matched regardless of case: `market: cn` is the China market the built-ins deny", () => {
    for (const m of ['CN', 'cn', 'Cn']) {
      const file = parsePolicyText(`version: 1\ncatalog:\n  - {id: acme-cn-activation, market: ${m}, hosts: [act.acme.com.cn]}\n`, 'p.yml');
      const catalog = effectiveCatalog(builtin, file);
      expect(classifyEndpoint(resolveMarketPolicy(file, 'EU', catalog), 'host', 'act.acme.com.cn').status).toBe('denied');
      expect(classifyEndpoint(resolveMarketPolicy(file, 'CN', catalog), 'host', 'act.acme.com.cn').status).toBe('allowed');
    }
  });

  it('a catalog extra makes its id known', () => {
    const text = 'version: 1\nmarkets:\n  EU:\n    clients:\n      allow: [acme-eu]\ncatalog:\n  - {id: acme-eu, market: EU}\n';
    const file = parsePolicyText(text, 'p.yml');
    expect(resolveMarketPolicy(file, 'EU', effectiveCatalog(builtin, file)).clients.allow![0].ids).toEqual(['acme-eu']);
  });

  it('extends cycles are schema errors, reported once at the first market of the cycle', () => {
    const text = 'version: 1\nmarkets:\n  A:\n    extends: B\n  B:\n    extends: C\n  C:\n    extends: A\n  D:\n    extends: A\n';
    expect(policyErrorsOf(() => parsePolicyText(text, 'p.yml'))).toEqual([
      { file: 'p.yml', line: 4, column: 14, key: 'markets.A.extends', found: '"B"', allowed: 'a chain of extends without a cycle (found A -> B -> C -> A)' },
    ]);
  });

  it('a file market shadows the built-in of the same name', () => {
    const p = policy('version: 1\nmarkets:\n  EU:\n    endpoints:\n      unlisted: off\n');
    expect(p.chain).toEqual(['p.yml#markets.EU']);
    expect(classifyEndpoint(p, 'host', 'zzhc.vnet.cn').status).toBe('unlisted');
    expect(severityFor(p, 'unlisted-endpoint', 'warning')).toBe('off');
  });
});
