import { describe, expect, it } from '@jest/globals';
import { PolicyError, PolicyErrors, UsageError } from '../../src/errors.js';
import { loadPolicyFile, locate, parsePolicyText } from '../../src/policy/load.js';
import { HOST_PATTERN_ALLOWED, IP_PATTERN_ALLOWED } from '../../src/policy/patterns.js';
import { RULE_IDS } from '../../src/report/model.js';
import { fixturePath, fixtureText, lineOf, policyErrorsOf } from './helpers.js';

describe('valid policies', () => {
  it("validates SPEC section 5's example verbatim", () => {
    const p = loadPolicyFile(fixturePath('valid-spec-example.yml'));
    expect(p.policy).toEqual({
      version: 1,
      markets: {
        EU: {
          extends: 'builtin:EU',
          clients: { deny: ['market:CN'], allow: ['google-checkin', 'acme-*'] },
          endpoints: {
            allow: ['android.clients.google.com', '*.acme.eu', '203.0.113.0/24'],
            deny: ['*.cn', 'zzhc.vnet.cn', 'dm.wo.com.cn'],
            unlisted: 'warning',
            'unlisted-in-clients': 'error',
          },
          sms: { allow: [], deny: ['10659401', '1065*'] },
          severity: { 'new-endpoint': 'error', 'unreadable-artifact': 'error' },
        },
      },
      skus: { '600E0': 'EU', '*_00EEA': 'EU', '600CN': 'CN' },
      'sku-from': ['ro.cda.skuid.id', 'ro.product.name'],
      catalog: [
        {
          id: 'acme-cn-activation', name: 'acme-cn-activation', vendor: 'unspecified', market: 'CN',
          packages: ['com.acme.activation.cn'], hosts: ['act.acme.com.cn'], ips: [], sms: [], signers: [], variants: [], shares: [],
          references: ['policy file'],
        },
      ],
      exemptions: [
        { match: { host: 'ntp.acme.cn' }, markets: ['EU'], reason: 'NTP only, reviewed in SEC-123', owner: '@acme/compliance', expires: '2027-03-01' },
      ],
    });
    expect(p.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps the position of every rule', () => {
    const text = fixtureText('valid-spec-example.yml');
    const p = parsePolicyText(text, 'policy.yml');
    expect(locate(p, ['markets', 'EU', 'endpoints', 'deny', 1])).toEqual({ file: 'policy.yml', line: lineOf(text, 'deny: ["*.cn"'), column: 22 });
    expect(locate(p, ['markets', 'EU', 'endpoints', 'unlisted'])).toEqual({ file: 'policy.yml', line: 11, column: 17 });
    expect(locate(p, ['exemptions', 0, 'expires'])).toEqual({ file: 'policy.yml', line: 31, column: 14 });
    // A path not written in the file falls back to its nearest written ancestor.
    // Lists and mappings written under a key are located at the key.
    expect(locate(p, ['markets', 'EU', 'sms', 'allow', 5])).toEqual({ file: 'policy.yml', line: 14, column: 7 });
    expect(locate(p, ['markets', 'EU'])).toEqual({ file: 'policy.yml', line: 3, column: 3 });
  });

  it('accepts a minimal file, a BOM, and every rule id under severity', () => {
    expect(parsePolicyText('version: 1\n', 'p.yml').policy).toEqual({ version: 1, markets: {}, skus: {}, catalog: [], exemptions: [] });
    expect(parsePolicyText('\uFEFFversion: 1\n', 'p.yml').policy.version).toBe(1);
    const severity = RULE_IDS.map((r) => `      ${r}: note`).join('\n');
    const p = parsePolicyText(`version: 1\nmarkets:\n  EU:\n    severity:\n${severity}\n`, 'p.yml');
    expect(Object.keys(p.policy.markets.EU.severity!)).toEqual([...RULE_IDS]);
  });
});

describe('invalid policies: every error with file:line:column, key, found and allowed', () => {
  it('typo key markets.EU.endpoint', () => {
    const file = fixturePath('invalid-typo-key.yml');
    expect(policyErrorsOf(() => loadPolicyFile(file))).toEqual([
      {
        file, line: 5, column: 5, key: 'markets.EU.endpoint', found: 'unknown key "endpoint"',
        allowed: 'extends, clients, endpoints, sms, severity (did you mean endpoints?)',
      },
    ]);
  });

  it('typo key unlisted_in_clients', () => {
    const file = fixturePath('invalid-typo-unlisted.yml');
    expect(policyErrorsOf(() => loadPolicyFile(file))).toEqual([
      {
        file, line: 6, column: 7, key: 'markets.EU.endpoints.unlisted_in_clients', found: 'unknown key "unlisted_in_clients"',
        allowed: 'allow, deny, unlisted, unlisted-in-clients (did you mean unlisted-in-clients?)',
      },
    ]);
  });

  it('bad severity value and unknown rule id', () => {
    const file = fixturePath('invalid-bad-severity.yml');
    expect(policyErrorsOf(() => loadPolicyFile(file))).toEqual([
      { file, line: 6, column: 21, key: 'markets.EU.severity.new-endpoint', found: '"fatal"', allowed: 'off, note, warning or error' },
      { file, line: 7, column: 7, key: 'markets.EU.severity.unknown-rule', found: 'unknown key "unknown-rule"', allowed: `a rule id: ${RULE_IDS.join(', ')}` },
    ]);
  });

  it('bad host patterns: a.*.b, *foo.cn, a port', () => {
    const file = fixturePath('invalid-host-pattern.yml');
    const wildcard = `${HOST_PATTERN_ALLOWED}; a wildcard is allowed only as a leading "*."`;
    expect(policyErrorsOf(() => loadPolicyFile(file))).toEqual([
      { file, line: 7, column: 11, key: 'markets.EU.endpoints.deny[0]', found: '"a.*.b"', allowed: wildcard },
      { file, line: 8, column: 11, key: 'markets.EU.endpoints.deny[1]', found: '"*foo.cn"', allowed: wildcard },
      { file, line: 9, column: 11, key: 'markets.EU.endpoints.deny[2]', found: '"zzhc.vnet.cn:80"', allowed: `${HOST_PATTERN_ALLOWED}, without scheme, port or path` },
    ]);
  });

  it('bad CIDR blocks (v4 and v6 prefixes out of range)', () => {
    const file = fixturePath('invalid-cidr.yml');
    expect(policyErrorsOf(() => loadPolicyFile(file))).toEqual([
      { file, line: 5, column: 15, key: 'markets.EU.endpoints.allow[0]', found: '"203.0.113.0/33"', allowed: IP_PATTERN_ALLOWED },
      { file, line: 5, column: 33, key: 'markets.EU.endpoints.allow[1]', found: '"2001:db8::/129"', allowed: IP_PATTERN_ALLOWED },
    ]);
  });

  it('exemption without owner points at the exemption', () => {
    const file = fixturePath('invalid-exemption-missing-owner.yml');
    expect(policyErrorsOf(() => loadPolicyFile(file))).toEqual([
      {
        file, line: 3, column: 5, key: 'exemptions[0].owner', found: 'nothing (the key is missing)',
        allowed: 'a non-empty owner (a person or team, e.g. @acme/compliance)',
      },
    ]);
  });

  it('YAML syntax error', () => {
    const file = fixturePath('invalid-yaml-syntax.yml');
    expect(policyErrorsOf(() => loadPolicyFile(file))).toEqual([
      {
        file, line: 6, column: 5, key: '',
        found: 'invalid YAML (BAD_INDENT: Flow sequence in block collection must be sufficiently indented and end with a ])',
        allowed: 'valid YAML',
      },
    ]);
  });

  it('alias bomb, at the first alias', () => {
    const file = fixturePath('invalid-alias-bomb.yml');
    expect(policyErrorsOf(() => loadPolicyFile(file))).toEqual([
      {
        file, line: 3, column: 8, key: '',
        found: 'aliases that expand without bound (a resource exhaustion attack or a mistake)',
        allowed: 'anchors and aliases expanding to at most 50 nodes per alias',
      },
    ]);
  });

  it('an unquoted wildcard pattern (`*.acme.eu` is a YAML alias): says to quote it, at the pattern', () => {
    const text = 'version: 1\nmarkets:\n  EU:\n    extends: builtin:EU\n    hosts:\n      allow: [ntp.acme.eu, *.acme.eu]\n';
    expect(policyErrorsOf(() => parsePolicyText(text, 'p.yml'))).toEqual([
      {
        file: 'p.yml', line: 6, column: 28, key: '',
        found: '`*.acme.eu`, which YAML reads as an alias of an anchor `.acme.eu` that is not defined',
        allowed: 'a quoted pattern ("*.acme.eu"): a value that starts with `*` must be quoted',
      },
    ]);
  });

  it('wrong types: a string for a list, a boolean for a severity, a list for a mapping', () => {
    const file = fixturePath('invalid-wrong-type.yml');
    expect(policyErrorsOf(() => loadPolicyFile(file))).toEqual([
      { file, line: 5, column: 13, key: 'markets.EU.clients.deny', found: '"market:CN"', allowed: 'a list of client selectors' },
      { file, line: 7, column: 17, key: 'markets.EU.endpoints.unlisted', found: 'true', allowed: 'off, note, warning or error' },
      { file, line: 8, column: 1, key: 'skus', found: 'a list (1 item)', allowed: 'a mapping of SKU ids or property values (globs allowed) to market names' },
    ]);
  });

  it('PolicyErrors messages read file:line:column: key: found ...; allowed: ...', () => {
    let err: unknown;
    try { loadPolicyFile(fixturePath('invalid-typo-key.yml')); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(PolicyErrors);
    const first = (err as PolicyErrors).errors[0];
    expect(first).toBeInstanceOf(PolicyError);
    expect(first.message).toBe(
      `${fixturePath('invalid-typo-key.yml')}:5:5: markets.EU.endpoint: found unknown key "endpoint"; allowed: extends, clients, endpoints, sms, severity (did you mean endpoints?)`,
    );
  });
});

describe('more invalid inputs', () => {
  const errorsOf = (text: string) => policyErrorsOf(() => parsePolicyText(text, 'p.yml')).map(({ line, column, key, found, allowed }) => ({ line, column, key, found, allowed }));

  it('version must be 1', () => {
    expect(errorsOf('version: 2\n')).toEqual([{ line: 1, column: 10, key: 'version', found: '2', allowed: '1' }]);
    expect(errorsOf('markets: {}\n')).toEqual([{ line: 1, column: 1, key: 'version', found: 'nothing (the key is missing)', allowed: '1' }]);
  });

  it('duplicate keys are YAML errors', () => {
    expect(errorsOf('version: 1\nskus:\n  600E0: EU\n  600E0: CN\n')).toEqual([
      { line: 4, column: 3, key: '', found: 'invalid YAML (DUPLICATE_KEY: Map keys must be unique)', allowed: 'valid YAML' },
    ]);
  });

  it('unknown top-level key, with a suggestion', () => {
    expect(errorsOf('version: 1\nexemption: []\n')).toEqual([
      { line: 2, column: 1, key: 'exemption', found: 'unknown key "exemption"', allowed: 'version, markets, skus, sku-from, catalog, exemptions (did you mean exemptions?)' },
    ]);
  });

  it('client selectors, SMS patterns, extends and markets are checked', () => {
    const text = [
      'version: 1',
      'markets:',
      '  EU:',
      '    extends: builtin:US',
      '    clients:',
      '      deny: ["market:", "Bad Id"]',
      '    sms:',
      '      deny: ["1065*9", "+86 10659401", 10654040, "abc"]',
      '  FR:',
      '    extends: NOPE',
      'skus:',
      '  600XX: MARS',
      '',
    ].join('\n');
    const errors = errorsOf(text);
    expect(errors.map((e) => [e.line, e.column, e.key, e.found])).toEqual([
      [4, 14, 'markets.EU.extends', '"builtin:US"'],
      [6, 14, 'markets.EU.clients.deny[0]', '"market:"'],
      [6, 25, 'markets.EU.clients.deny[1]', '"Bad Id"'],
      [8, 14, 'markets.EU.sms.deny[0]', '"1065*9"'],
      [8, 50, 'markets.EU.sms.deny[3]', '"abc"'],
      [10, 14, 'markets.FR.extends', '"NOPE"'],
      [12, 10, 'skus.600XX', '"MARS"'],
    ]);
    expect(errors[0].allowed).toBe('builtin:EU, builtin:CN, builtin:WW or the name of another market in this file');
  });

  it('cross-references: extends to a missing market, skus and exemption markets to unknown markets', () => {
    const text = [
      'version: 1',
      'markets:',
      '  FR:',
      '    extends: NOPE',
      'skus:',
      '  600XX: MARS',
      'exemptions:',
      '  - match: {rule: new-endpoint}',
      '    markets: [EU, VENUS]',
      '    reason: r',
      '    owner: o',
      '    expires: 2027-02-30',
      '',
    ].join('\n');
    expect(errorsOf(text).map((e) => [e.line, e.column, e.key, e.found, e.allowed])).toEqual([
      [4, 14, 'markets.FR.extends', '"NOPE"', 'builtin:EU, builtin:CN, builtin:WW or the name of another market in this file'],
      [6, 10, 'skus.600XX', '"MARS"', 'a known market: EU, CN, WW, FR'],
      [9, 19, 'exemptions[0].markets[1]', '"VENUS"', 'a known market: EU, CN, WW, FR'],
      [12, 14, 'exemptions[0].expires', '"2027-02-30"', 'a date YYYY-MM-DD (end of that day UTC)'],
    ]);
  });

  it('exemptions need a non-empty match, reason, owner and a real date', () => {
    const text = 'version: 1\nexemptions:\n  - match: {}\n    reason: ""\n    owner: "  "\n    expires: 2027/03/01\n    note: x\n';
    expect(errorsOf(text).map((e) => [e.line, e.column, e.key, e.found])).toEqual([
      [3, 5, 'exemptions[0].match', 'a mapping'],
      [4, 13, 'exemptions[0].reason', '""'],
      [5, 12, 'exemptions[0].owner', '"  "'],
      [6, 14, 'exemptions[0].expires', '"2027/03/01"'],
      [7, 5, 'exemptions[0].note', 'unknown key "note"'],
    ]);
  });

  it('invalid market names and SKU keys point at the key', () => {
    expect(errorsOf('version: 1\nmarkets:\n  "E U": {}\nskus:\n  "a b": EU\n')).toEqual([
      { line: 3, column: 3, key: 'markets["E U"]', found: 'key "E U"', allowed: 'a market name (letters, digits, "_" and "-", starting with a letter)' },
      { line: 5, column: 3, key: 'skus["a b"]', found: 'key "a b"', allowed: 'a SKU id or property value, globs allowed' },
    ]);
    expect(errorsOf('')).toEqual([
      { line: 1, column: 1, key: '', found: 'an empty value', allowed: 'a mapping with keys version, markets, skus, sku-from, catalog, exemptions' },
    ]);
  });

  it('catalog extras are strict too', () => {
    expect(errorsOf('version: 1\ncatalog:\n  - {id: x, market: CN, host: [a.b]}\n').map((e) => [e.line, e.column, e.key, e.found])).toEqual([
      [3, 25, 'catalog[0].host', 'unknown key "host"'],
    ]);
    expect(errorsOf('version: 1\ncatalog:\n  - {id: x, packages: [com.x]}\n').map((e) => [e.key, e.found])).toEqual([['catalog[0].market', 'nothing (the key is missing)']]);
  });

  it('refuses oversized and over-deep documents', () => {
    const big = `version: 1\n# ${'x'.repeat(1024 * 1024)}\n`;
    expect(errorsOf(big)).toEqual([{ line: 1, column: 1, key: '', found: `${big.length} bytes`, allowed: 'a file of at most 1048576 bytes' }]);
    const deep = `version: 1\nmarkets: ${'['.repeat(40)}${']'.repeat(40)}\n`;
    expect(errorsOf(deep)).toEqual([{ line: 2, column: 42, key: '', found: 'nesting deeper than 32 levels', allowed: 'at most 32 levels of nesting' }]);
  });

  it('keeps YAML number-looking text as written: SKU keys and SMS numbers', () => {
    const p = parsePolicyText('version: 1\nskus:\n  600E0: EU\n  0x1F: CN\nmarkets:\n  EU:\n    sms:\n      deny: [008610659401, 10654040]\n', 'p.yml');
    expect(p.policy.skus).toEqual({ '600E0': 'EU', '0x1F': 'CN' });
    expect(p.policy.markets.EU.sms!.deny).toEqual(['008610659401', '10654040']);
  });

  it('a missing file is a UsageError', () => {
    expect(() => loadPolicyFile('/nonexistent/activation-gate.yml')).toThrow(UsageError);
  });
});
