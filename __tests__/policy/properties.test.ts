import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { loadBuiltinCatalog } from '../../src/catalog/load.js';
import { PolicyErrors } from '../../src/errors.js';
import { classifyEndpoint, normaliseEndpoint, resolveMarketPolicy } from '../../src/policy/effective.js';
import { parsePolicyText } from '../../src/policy/load.js';
import { isIpLiteral, matchHostPattern, normaliseHost, normaliseIp, normaliseSms, parseHostPattern } from '../../src/policy/patterns.js';
import { fixtureText } from './helpers.js';

const eu = resolveMarketPolicy(undefined, 'EU', loadBuiltinCatalog());
const spec = fixtureText('valid-spec-example.yml');

describe('properties', () => {
  it('any text is either a policy or PolicyErrors, never another exception', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        try {
          parsePolicyText(text, 'p.yml');
        } catch (e) {
          expect(e).toBeInstanceOf(PolicyErrors);
          for (const err of (e as PolicyErrors).errors) expect(err.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('any truncation or byte flip of the SPEC example parses or gives PolicyErrors', () => {
    fc.assert(
      fc.property(fc.nat(spec.length), fc.nat(spec.length - 1), fc.integer({ min: 32, max: 126 }), (cut, at, ch) => {
        for (const text of [spec.slice(0, cut), spec.slice(0, at) + String.fromCharCode(ch) + spec.slice(at + 1)]) {
          try {
            parsePolicyText(text, 'p.yml');
          } catch (e) {
            expect(e).toBeInstanceOf(PolicyErrors);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('classifyEndpoint never throws and host normalisation is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('host' as const, 'ip' as const, 'sms' as const), (value, kind) => {
        expect(['allowed', 'denied', 'unlisted']).toContain(classifyEndpoint(eu, kind, value).status);
        expect(normaliseHost(normaliseHost(value))).toBe(normaliseHost(value));
        const n = normaliseSms(value);
        if (n !== undefined) expect(normaliseSms(n)).toBe(n);
      }),
    );
  });

  it('a host is normalised as the IP and host patterns say, fast path or not', () => {
    // What normaliseEndpoint does for a host without its fast path for plain names.
    const byPatterns = (value: string): { kind: string; value: string } => {
      const ip = normaliseIp(value);
      return isIpLiteral(ip) ? { kind: 'ip', value: ip } : { kind: 'host', value: normaliseHost(value) };
    };
    const ch = fc.constantFrom(...'az09-.:/@[]% A_'.split(''));
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 20 }), (cs) => {
        const value = cs.join('');
        expect(normaliseEndpoint('host', value)).toEqual(byPatterns(value));
      }),
      { numRuns: 3000 },
    );
    for (const value of ['1.2.3.4', '01.2.3.4', '1.2.3.4.', 'a.b.', 'zzhc.vnet.cn', '-.-', '0.0.0.0', '1.2.3', '::1', 'a:80', '1.2.3.4:53']) {
      expect(normaliseEndpoint('host', value)).toEqual(byPatterns(value));
    }
  });

  it('*.suffix matches exactly the strict subdomains', () => {
    const label = fc.stringMatching(/^[a-z0-9]{1,8}$/);
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 3 }), fc.array(label, { minLength: 0, maxLength: 3 }), (suffix, sub) => {
        const s = suffix.join('.');
        if (/^[0-9]+$/.test(suffix[suffix.length - 1])) return;
        const p = parseHostPattern(`*.${s}`)!;
        const host = [...sub, s].join('.');
        expect(matchHostPattern(p, host)).toBe(sub.length > 0);
      }),
    );
  });
});
