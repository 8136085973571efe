import { describe, expect, it } from '@jest/globals';
import { exemptionEnd, exemptionMatches, exemptionStatus, matchExemption } from '../../src/policy/exemptions.js';
import { loadPolicyFile } from '../../src/policy/load.js';
import type { Exemption } from '../../src/policy/schema.js';
import { fixturePath } from './helpers.js';

const { exemptions } = loadPolicyFile(fixturePath('valid-layered.yml')).policy;
const now = new Date('2026-11-20T12:00:00Z');

describe('expiry', () => {
  it('expires means the end of that day UTC', () => {
    expect(exemptionEnd('2027-03-01').toISOString()).toBe('2027-03-02T00:00:00.000Z');
    expect(exemptionStatus('2027-03-01', new Date('2027-03-01T23:59:59.999Z')).expired).toBe(false);
    expect(exemptionStatus('2027-03-01', new Date('2027-03-02T00:00:00.000Z')).expired).toBe(true);
    expect(exemptionEnd('2026-12-31').toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('expiring soon within 30 days', () => {
    expect(exemptionStatus('2026-12-15', now)).toEqual({ expired: false, expiringSoon: true });
    expect(exemptionStatus('2027-03-01', now)).toEqual({ expired: false, expiringSoon: false });
    expect(exemptionStatus('2026-12-19', now)).toEqual({ expired: false, expiringSoon: true });
    expect(exemptionStatus('2026-12-20', now)).toEqual({ expired: false, expiringSoon: false });
    expect(exemptionStatus('2026-01-31', now)).toEqual({ expired: true, expiringSoon: false });
  });
});

describe('matchExemption', () => {
  it('host exemption in its market only', () => {
    const subject = { rule: 'denied-endpoint' as const, endpoint: 'ntp.acme.cn', endpointKind: 'host' as const };
    expect(matchExemption(exemptions, subject, 'EU', now)).toEqual({ exemption: exemptions[0], index: 0, expired: false, expiringSoon: false });
    expect(matchExemption(exemptions, subject, 'eu', now)?.index).toBe(0);
    expect(matchExemption(exemptions, subject, 'WW', now)).toBeUndefined();
    expect(matchExemption(exemptions, { rule: 'denied-endpoint', host: 'NTP.ACME.CN:123' }, 'EU', now)?.index).toBe(0);
    expect(matchExemption(exemptions, { rule: 'denied-endpoint', host: 'x.ntp.acme.cn' }, 'EU', now)).toBeUndefined();
  });

  it('several keys must all match (package glob + rule); no markets means every market', () => {
    const subject = { rule: 'unlisted-client-endpoint' as const, package: 'com.acme.activation.eu', endpoint: 'x.example.com', endpointKind: 'host' as const };
    expect(matchExemption(exemptions, subject, 'WW', now)).toEqual({ exemption: exemptions[1], index: 1, expired: false, expiringSoon: true });
    expect(matchExemption(exemptions, { ...subject, rule: 'denied-endpoint' }, 'WW', now)).toBeUndefined();
    expect(matchExemption(exemptions, { ...subject, package: 'com.other' }, 'WW', now)).toBeUndefined();
  });

  it('SMS endpoint normalised, path glob over path or partitionPath; expired is reported', () => {
    const subject = { rule: 'denied-endpoint' as const, endpoint: '008610659401', endpointKind: 'sms' as const, path: 'system.img!/priv-app/X/X.apk', partitionPath: 'system/priv-app/X/X.apk' };
    expect(matchExemption(exemptions, subject, 'CN', now)).toEqual({ exemption: exemptions[2], index: 2, expired: true, expiringSoon: false });
    expect(matchExemption(exemptions, { ...subject, partitionPath: 'vendor/app/X/X.apk' }, 'CN', now)).toBeUndefined();
  });

  it('prefers a valid exemption over an expired one that also matches', () => {
    const list: Exemption[] = [
      { match: { rule: 'new-endpoint' }, reason: 'old', owner: 'o', expires: '2020-01-01' },
      { match: { rule: 'new-endpoint' }, reason: 'new', owner: 'o', expires: '2030-01-01' },
    ];
    expect(matchExemption(list, { rule: 'new-endpoint' }, 'EU', now)).toMatchObject({ index: 1, expired: false });
    expect(matchExemption(list.slice(0, 1), { rule: 'new-endpoint' }, 'EU', now)).toMatchObject({ index: 0, expired: true });
  });

  it('client selectors (ids, globs, market:) and endpoint CIDRs', () => {
    expect(exemptionMatches({ client: 'market:CN' }, { rule: 'wrong-market-client', client: 'x', clientMarket: 'CN' })).toBe(true);
    expect(exemptionMatches({ client: 'acme-*' }, { rule: 'wrong-market-client', client: 'acme-cn' })).toBe(true);
    // A finding standing for several clients or files: the key must hold for each.
    const owners = [
      { id: 'acme-cn', market: 'CN' },
      { id: 'ct-self-registration', market: 'CN' },
    ];
    expect(exemptionMatches({ client: 'acme-*' }, { rule: 'denied-endpoint', client: 'acme-cn', clients: owners })).toBe(false);
    expect(exemptionMatches({ client: 'market:CN' }, { rule: 'denied-endpoint', client: 'acme-cn', clients: owners })).toBe(true);
    expect(exemptionMatches({ path: 'odm/**' }, { rule: 'denied-endpoint', path: 'odm/etc/a.conf', paths: ['odm/etc/a.conf', 'system/etc/b.conf'] })).toBe(false);
    expect(exemptionMatches({ path: '**/*.conf' }, { rule: 'denied-endpoint', path: 'odm/etc/a.conf', paths: ['odm/etc/a.conf', 'system/etc/b.conf'] })).toBe(true);
    expect(exemptionMatches({ client: 'acme-cn' }, { rule: 'wrong-market-client' })).toBe(false);
    expect(exemptionMatches({ endpoint: '10.0.0.0/8' }, { rule: 'denied-endpoint', endpoint: '10.1.2.3', endpointKind: 'ip' })).toBe(true);
    expect(exemptionMatches({ endpoint: '*.acme.cn' }, { rule: 'denied-endpoint', endpoint: 'a.acme.cn', endpointKind: 'host' })).toBe(true);
    expect(exemptionMatches({ endpoint: '*.acme.cn' }, { rule: 'denied-endpoint', endpoint: '10659401', endpointKind: 'sms' })).toBe(false);
    expect(exemptionMatches({ host: 'a.b' }, { rule: 'denied-endpoint', endpoint: '10659401', endpointKind: 'sms' })).toBe(false);
  });
});
