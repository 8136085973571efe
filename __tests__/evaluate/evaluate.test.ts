/**
 * Every rule and every precedence case of the policy evaluation, on hand-made facts (pure: no
 * I/O). The end-to-end runs over real APKs are in scan.test.ts and targets.test.ts.
 */
import { describe, expect, it } from '@jest/globals';
import { baselineOfReport, matchBaselineTarget } from '../../src/baseline.js';
import { loadBuiltinCatalog } from '../../src/catalog/load.js';
import { DEFAULT_SEVERITY } from '../../src/evaluate/evaluate.js';
import { RULE_IDS } from '../../src/report/model.js';
import { buildReport } from '../../src/report/build.js';
import { renderText } from '../../src/report/render-text.js';
import { ep, evaluate, facts, NOW, pkg, policyFile, prop, rules } from './helpers.js';
import type { PackageFacts } from '../../src/facts.js';

const FIXTURE_KEY = '71d1d44596abceab8a8da59f1df2289f32ec803a16f2e312c2c28be78e397f81';
const PLATFORM_KEY = 'c8a2e9bccf597c2fb6dc66bee293fc13f2fc47ec77bc6b2b0d52c11f51192ab8';
const AUTOREG = 'system/priv-app/AutoRegistration/AutoRegistration.apk';
const EVENWELL = 'system/priv-app/Evenwell/Evenwell.apk';
const OVERLAY = 'product/overlay/Evenwell.600CN.apk';

const ctClient = () => pkg({ package: 'com.qualcomm.qti.autoregistration', path: AUTOREG, bootCompleted: true, permissions: ['android.permission.READ_PRIVILEGED_PHONE_STATE'] });

describe('rule table', () => {
  it('has a default severity for every rule id', () => {
    for (const r of RULE_IDS) expect([r, DEFAULT_SEVERITY[r]]).toEqual([r, expect.stringMatching(/^(error|warning|note)$/)]);
  });
});

describe('catalogued clients: by package and by signer', () => {
  it('a CN client installed in EU is wrong-market-client; in CN it is allowed', () => {
    const f = facts({ packages: [ctClient()], endpoints: [ep('host', 'zzhc.vnet.cn', [AUTOREG], { schemes: ['http'], cleartext: true })] });
    const eu = evaluate(f, 'EU');
    expect(rules(eu)).toEqual(['error denied-endpoint zzhc.vnet.cn', 'error wrong-market-client ct-self-registration-qualcomm', 'warning cleartext-endpoint zzhc.vnet.cn']);
    expect(eu.clients[0]).toMatchObject({ id: 'ct-self-registration-qualcomm', allowed: false, matchedBy: ['host', 'package'] });
    expect(rules(evaluate(f, 'CN'))).toEqual(['warning cleartext-endpoint zzhc.vnet.cn']);
  });

  it("a client's preopted code (oat/<isa>/<name>.vdex beside its APK) is the client's: its endpoints and SMS numbers are judged as inside it", () => {
    const vdex = 'system/priv-app/AutoRegistration/oat/arm64/AutoRegistration.vdex';
    const f = facts({
      packages: [ctClient()],
      endpoints: [ep('host', 'zzhc.vnet.cn', [vdex], { schemes: ['http'], cleartext: true }), ep('sms', '10659401', [vdex]), ep('host', 'reg.acme-unlisted.com', [vdex])],
    });
    expect(rules(evaluate(f, 'EU'))).toEqual([
      'error denied-endpoint 10659401',
      'error denied-endpoint zzhc.vnet.cn',
      'error unlisted-client-endpoint reg.acme-unlisted.com',
      'error wrong-market-client ct-self-registration-qualcomm',
      'warning cleartext-endpoint zzhc.vnet.cn',
    ]);
    // Another app's oat folder, or a file that only looks like one, is not the client's.
    const other = facts({ packages: [ctClient()], endpoints: [ep('host', 'reg.acme-unlisted.com', ['system/priv-app/Other/oat/arm64/Other.vdex', 'system/priv-app/AutoRegistration/oat/AutoRegistration.vdex'])] });
    expect(rules(evaluate(other, 'EU'))).toEqual(['error wrong-market-client ct-self-registration-qualcomm', 'warning unlisted-endpoint reg.acme-unlisted.com']);
  });

  it("an app's code beside its APK (classes.dex stripped into oat/, JNI libraries extracted to lib/<abi>/) makes it suspected and is judged as the client's", () => {
    const selfReg = pkg({ package: 'com.acme.selfreg', path: 'system/app/SelfReg/SelfReg.apk', bootCompleted: true, permissions: ['android.permission.READ_PHONE_STATE'] });
    const suspected = (artifact: string) => rules(evaluate(facts({ packages: [selfReg], endpoints: [ep('host', 'selfreg.acme-cn.com', [artifact])] }), 'EU'));
    const asClient = ['error unlisted-client-endpoint selfreg.acme-cn.com', 'warning suspected-activation-client com.acme.selfreg'];
    expect(suspected('system/app/SelfReg/oat/arm64/SelfReg.vdex')).toEqual(asClient);
    expect(suspected('system/app/SelfReg/lib/arm64/libselfreg.so')).toEqual(asClient);
    expect(suspected('system/app/SelfReg/lib/arm64/sub/libselfreg.so')).toEqual(asClient);
    // Libraries of the platform, of another app's folder, or of a folder whose APK is not named
    // for it (a folder of loose APKs) are no app's code.
    const alone = ['warning unlisted-endpoint selfreg.acme-cn.com'];
    expect(suspected('system/lib64/libselfreg.so')).toEqual(alone);
    expect(suspected('system/app/Other/lib/arm64/libselfreg.so')).toEqual(alone);
    expect(suspected('system/app/SelfReg/oat/arm64/Other.vdex')).toEqual(alone);
    const loose = pkg({ ...selfReg, path: 'system/app/SelfReg.apk' });
    expect(rules(evaluate(facts({ packages: [loose], endpoints: [ep('host', 'selfreg.acme-cn.com', ['system/app/lib/arm64/libselfreg.so'])] }), 'EU'))).toEqual(alone);
    // An installed app's base.apk and its splits share their folder's lib/.
    const base = pkg({ ...selfReg, path: 'data/app/com.acme.selfreg-1/base.apk' });
    expect(rules(evaluate(facts({ packages: [base], endpoints: [ep('host', 'selfreg.acme-cn.com', ['data/app/com.acme.selfreg-1/lib/arm64/libselfreg.so'])] }), 'EU'))).toEqual(asClient);
    // A make-built app's lib/<abi>/ links to the library in /system/lib64 (absolute, or relative), scanned there.
    const linked = (target: string, at = 'system/lib64/libselfreg.so') =>
      rules(evaluate(facts({ packages: [selfReg], endpoints: [ep('host', 'selfreg.acme-cn.com', [at])], skipped: [{ path: 'system/app/SelfReg/lib/arm64/libselfreg.so', reason: `symlink to ${target} leaves the input; not followed`, target }] }), 'EU'));
    expect(linked('/system/lib64/libselfreg.so')).toEqual(asClient);
    // The target is the skipped fact's own field, not words of its reason: a name with a space.
    expect(linked('/system/lib64/lib selfreg.so', 'system/lib64/lib selfreg.so')).toEqual(asClient);
    expect(linked('../../../../lib64/libselfreg.so')).toEqual(asClient);
    expect(linked('/system/lib64/libother.so')).toEqual(alone);
    // A catalogued client's library: its hosts match it, its unlisted ones are errors.
    const lib = 'system/priv-app/AutoRegistration/lib/arm64/libautoreg.so';
    const e = evaluate(facts({ packages: [ctClient()], endpoints: [ep('host', 'zzhc.vnet.cn', [lib]), ep('host', 'reg.acme-unlisted.com', [lib])] }), 'EU');
    expect(e.clients[0].matchedBy).toEqual(['host', 'package']);
    expect(rules(e)).toEqual(['error denied-endpoint zzhc.vnet.cn', 'error unlisted-client-endpoint reg.acme-unlisted.com', 'error wrong-market-client ct-self-registration-qualcomm']);
  });

  it('a client whose market the catalog guesses (marketUncertain) is a warning in EU; named by id in the policy, an error', () => {
    const xiaomi = pkg({ package: 'com.xiaomi.simactivate.service', path: 'system/priv-app/SimActivate/SimActivate.apk' });
    const e = evaluate(facts({ packages: [xiaomi] }), 'EU');
    expect(rules(e)).toEqual(['warning wrong-market-client xiaomi-simactivate']);
    expect(e.findings[0].message).toMatch(/informed guess/);
    const file = policyFile('version: 1\nmarkets:\n  EU:\n    extends: builtin:EU\n    clients: {deny: [xiaomi-simactivate]}\n');
    expect(rules(evaluate(facts({ packages: [xiaomi] }), 'EU', { file }))).toEqual(['error wrong-market-client xiaomi-simactivate']);
    // Under a client allow list that leaves it out: an error (SPEC: every other client is a violation).
    const strict = policyFile('version: 1\nmarkets:\n  EU:\n    extends: builtin:EU\n    clients: {allow: [google-checkin]}\n');
    expect(rules(evaluate(facts({ packages: [xiaomi] }), 'EU', { file: strict }))).toEqual(['error wrong-market-client xiaomi-simactivate']);
    // A client whose market is known stays an error.
    expect(rules(evaluate(facts({ packages: [ctClient()] }), 'EU'))).toEqual(['error wrong-market-client ct-self-registration-qualcomm']);
  });

  it('a renamed package signed with a catalogued signer is the client (matchedBy signer)', () => {
    const file = policyFile(`version: 1\ncatalog:\n  - {id: acme-cn-activation, market: CN, packages: [com.acme.activation.cn], signers: [${FIXTURE_KEY}]}\n`);
    const renamed = pkg({ package: 'com.acme.renamed', path: 'system/app/R/R.apk', signerSha256: [FIXTURE_KEY] });
    const e = evaluate(facts({ packages: [renamed] }), 'EU', { file });
    expect(e.clients).toEqual([expect.objectContaining({ id: 'acme-cn-activation', package: 'com.acme.renamed', matchedBy: ['signer'], allowed: false })]);
    expect(rules(e)).toEqual(['error wrong-market-client acme-cn-activation']);
    // Another signer: not the client.
    expect(evaluate(facts({ packages: [{ ...renamed, signerSha256: ['0'.repeat(64)] }] }), 'EU', { file }).clients).toEqual([]);
  });

  it('a package named in a config file but not installed is a client-mention note, never a client', () => {
    const e = evaluate(facts({ mentions: [{ package: 'com.qualcomm.qti.autoregistration', evidence: { path: 'vendor/etc/sysconfig/qti_whitelist.xml', source: 'file', offset: 5 } }] }), 'EU');
    expect(e.clients).toEqual([]);
    expect(rules(e)).toEqual(['note client-mention ct-self-registration-qualcomm']);
  });
});

describe('scale', () => {
  it('a package named in 50,000 files: one note, its first 20 evidence items, ten paths listed and the rest counted, in linear time', () => {
    const paths = Array.from({ length: 50_000 }, (_, i) => `vendor/etc/wl/${String(i).padStart(5, '0')}.xml`);
    const mentions = paths.map((path) => ({ package: 'com.qualcomm.qti.autoregistration', evidence: { path, source: 'file' as const, offset: 5 } }));
    const e = evaluate(facts({ mentions }), 'EU');
    expect(rules(e)).toEqual(['note client-mention ct-self-registration-qualcomm']);
    const f = e.findings[0];
    expect(f.evidence).toHaveLength(20);
    expect(f.message).toMatch(/^com\.qualcomm\.qti\.autoregistration \(.+\) is named in /);
    expect(f.message).toContain(` is named in ${paths.slice(0, 10).join(', ')} and 49990 more files but not installed: a mention, not a client.`);
    // Ten paths are listed as they were before the cap.
    const ten = evaluate(facts({ mentions: mentions.slice(0, 10) }), 'EU').findings[0].message;
    expect(ten).toContain(`is named in ${paths.slice(0, 10).join(', ')} but not installed`);
    const eleven = evaluate(facts({ mentions: mentions.slice(0, 11) }), 'EU').findings[0].message;
    expect(eleven).toContain(`${paths[9]} and 1 more file but not installed`);
  });

  it('200,000 unlisted hosts: 200,000 findings in the report and in its text, with no RangeError from spreading them as arguments', () => {
    const eps = Array.from({ length: 200_000 }, (_, i) => ep('host', `h${i}.many.example.com`, [`system/etc/f${i}.json`]));
    const f = facts({ endpoints: eps });
    const evaluation = evaluate(f, 'EU');
    expect(evaluation.findings.filter((x) => x.rule === 'unlisted-endpoint')).toHaveLength(200_000);
    const report = buildReport({
      results: [{ id: 'EU@out', facts: f, resolution: { market: 'EU', sku: 'EU', tried: [], unmapped: [] }, evaluation }],
      catalog: loadBuiltinCatalog(),
      failOn: 'error',
      now: NOW,
      pslVersion: 'test',
    });
    expect(report.findings).toHaveLength(200_000);
    const text = renderText(report);
    expect(text.split('\n').filter((l) => l.includes('.many.example.com is embedded in')).length).toBe(200_000);
  });
});

describe('test-key-signer', () => {
  const signed = (digest: string) => facts({ packages: [pkg({ package: 'com.acme.settings', path: 'system/app/S/S.apk', signerSha256: [digest] })] });

  it('flags a package signed with a public AOSP test key, not one signed with another key', () => {
    const e = evaluate(signed(PLATFORM_KEY), 'EU');
    expect(rules(e)).toEqual(['warning test-key-signer com.acme.settings']);
    expect(e.findings[0].message).toMatch(/AOSP platform test key/);
    expect(rules(evaluate(signed(FIXTURE_KEY), 'EU'))).toEqual([]);
  });

  it('knows the five AOSP test keys, each with a reference', () => {
    const keys = loadBuiltinCatalog().testKeys ?? [];
    expect(keys.map((k) => k.name).sort()).toEqual(['media', 'networkstack', 'platform', 'shared', 'testkey']);
    for (const k of keys) expect(k.references.length).toBeGreaterThan(0);
  });

  it('takes its severity from the market', () => {
    const file = policyFile('version: 1\nmarkets:\n  EU:\n    extends: builtin:EU\n    severity: {test-key-signer: error}\n  WW:\n    extends: builtin:WW\n    severity: {test-key-signer: "off"}\n');
    expect(rules(evaluate(signed(PLATFORM_KEY), 'EU', { file }))).toEqual(['error test-key-signer com.acme.settings']);
    expect(rules(evaluate(signed(PLATFORM_KEY), 'WW', { file }))).toEqual([]);
    expect(rules(evaluate(signed(PLATFORM_KEY), 'CN', { file }))).toEqual(['warning test-key-signer com.acme.settings']);
  });
});

describe('suspected-activation-client: all three conditions, both sides', () => {
  const APK = 'system/priv-app/Reg/Reg.apk';
  const base = { package: 'com.acme.reg', path: APK, bootCompleted: true, permissions: ['android.permission.READ_PHONE_STATE'] };
  const host = ep('host', 'reg.acme-activation.com', [APK], { schemes: ['http'], cleartext: true });
  const run = (p: Parameters<typeof pkg>[0], eps = [host]) => evaluate(facts({ packages: [pkg(p)], endpoints: eps }), 'EU');

  it('fires when it starts at boot, reads phone identity and embeds endpoints; its endpoints must be allowlisted', () => {
    const e = run(base);
    expect(rules(e)).toEqual(['error unlisted-client-endpoint reg.acme-activation.com', 'warning cleartext-endpoint reg.acme-activation.com', 'warning suspected-activation-client com.acme.reg']);
    expect(e.clients).toEqual([expect.objectContaining({ id: 'suspected:com.acme.reg', suspected: true })]);
  });

  it('counts READ_PRIVILEGED_PHONE_STATE, what reads the line number, and the system, phone, shell or bluetooth shared uid as phone identity', () => {
    for (const p of [
      { ...base, permissions: ['android.permission.READ_PRIVILEGED_PHONE_STATE'] },
      { ...base, permissions: ['android.permission.READ_PHONE_NUMBERS'] },
      { ...base, permissions: ['android.permission.READ_SMS'] },
      { ...base, permissions: [], sharedUserId: 'android.uid.system' },
      { ...base, permissions: [], sharedUserId: 'android.uid.phone' },
      // AOSP's Shell (android.uid.shell) and Bluetooth (android.uid.bluetooth) request READ_PRIVILEGED_PHONE_STATE.
      { ...base, permissions: [], sharedUserId: 'android.uid.shell' },
      { ...base, permissions: [], sharedUserId: 'android.uid.bluetooth' },
    ]) expect([p, rules(run(p))]).toEqual([p, expect.arrayContaining(['warning suspected-activation-client com.acme.reg'])]);
  });

  it("reads identity through its shared uid: Android grants a shared user every member's permissions (SEND_SMS too), and the message says through whom", () => {
    const client = pkg({ ...base, permissions: [], sharedUserId: 'com.acme.uid' });
    const helper = pkg({ package: 'com.acme.helper', path: 'system/priv-app/Helper/Helper.apk', bootCompleted: false, sharedUserId: 'com.acme.uid', permissions: ['android.permission.READ_PRIVILEGED_PHONE_STATE', 'android.permission.SEND_SMS'] });
    const e = evaluate(facts({ packages: [client, helper], endpoints: [] }), 'EU');
    expect(rules(e)).toEqual(['warning suspected-activation-client com.acme.reg']);
    expect(e.findings[0].message).toContain('it shares the uid com.acme.uid with com.acme.helper, which holds READ_PRIVILEGED_PHONE_STATE) and can send SMS');
    // A member of another uid, or one requesting nothing that reads identity, gives it nothing.
    const other = pkg({ ...helper, sharedUserId: 'com.acme.other' });
    expect(rules(evaluate(facts({ packages: [client, other], endpoints: [host] }), 'EU'))).toEqual(['warning unlisted-endpoint reg.acme-activation.com']);
    const quiet = pkg({ ...helper, permissions: ['android.permission.INTERNET'] });
    expect(rules(evaluate(facts({ packages: [client, quiet], endpoints: [host] }), 'EU'))).toEqual(['warning unlisted-endpoint reg.acme-activation.com']);
  });

  it('counts SEND_SMS instead of endpoints', () => {
    expect(rules(run({ ...base, permissions: [...base.permissions, 'android.permission.SEND_SMS'] }, []))).toEqual(['warning suspected-activation-client com.acme.reg']);
  });

  it('does not fire when any condition is missing', () => {
    expect(rules(run({ ...base, bootCompleted: false }))).toEqual(['warning unlisted-endpoint reg.acme-activation.com']);
    expect(rules(run({ ...base, permissions: [] }))).toEqual(['warning unlisted-endpoint reg.acme-activation.com']);
    // NFC's own app (android.uid.nfc) requests no identity permission.
    expect(rules(run({ ...base, permissions: [], sharedUserId: 'android.uid.nfc' }))).toEqual(['warning unlisted-endpoint reg.acme-activation.com']);
    expect(rules(run(base, []))).toEqual([]);
  });

  it('never calls the platform package (framework-res.apk, `android`) suspected: its endpoints are inventory', () => {
    const res = 'system/framework/framework-res.apk';
    const ntp = ep('host', 'time.android.com', [res]);
    const platform = { package: 'android', path: res, bootCompleted: true, permissions: [], sharedUserId: 'android.uid.system' };
    expect(rules(run(platform, [ntp]))).toEqual(['warning unlisted-endpoint time.android.com']);
    // A denied host there is still an error (hosts are judged anywhere).
    expect(rules(run(platform, [ntp, ep('host', 'zzhc.vnet.cn', [res])]))).toEqual(['error denied-endpoint zzhc.vnet.cn', 'warning unlisted-endpoint time.android.com']);
  });

  it('never calls a catalogued client suspected', () => {
    const e = evaluate(facts({ packages: [ctClient()], endpoints: [] }), 'CN');
    expect(e.clients.map((c) => c.id)).toEqual(['ct-self-registration-qualcomm']);
  });
});

describe('cleartext-endpoint', () => {
  it('only for an activation client talking http, not https, and not outside clients', () => {
    const https = ep('host', 'zzhc.vnet.cn', [AUTOREG], { schemes: ['https'] });
    expect(rules(evaluate(facts({ packages: [ctClient()], endpoints: [https] }), 'CN'))).toEqual([]);
    const elsewhere = ep('host', 'ntp.acme.eu', ['system/etc/x.json'], { schemes: ['http'], cleartext: true });
    expect(rules(evaluate(facts({ packages: [ctClient()], endpoints: [elsewhere] }), 'CN'))).toEqual(['warning unlisted-endpoint ntp.acme.eu']);
  });
});

describe('SMS numbers', () => {
  it('a denied number inside a client is an error; outside any client a warning (SPEC: an error only in a client; a framework\'s CT self-registration sender is not told apart from a list)', () => {
    const inClient = evaluate(facts({ packages: [ctClient()], endpoints: [ep('sms', '10659401', [AUTOREG])] }), 'EU');
    expect(rules(inClient)).toContain('error denied-endpoint 10659401');
    const loose = evaluate(facts({ endpoints: [ep('sms', '10659401', ['system/framework/telephony.jar'])] }), 'EU');
    expect(rules(loose)).toEqual(['warning denied-endpoint 10659401']);
    expect(loose.endpoints[0]).toMatchObject({ kind: 'sms', status: 'denied' });
    // The policy's severity for the rule still rules: error is error, off is off.
    const strict = policyFile('version: 1\nmarkets:\n  EU:\n    extends: builtin:EU\n    severity: {denied-endpoint: error}\n');
    expect(rules(evaluate(facts({ endpoints: [ep('sms', '10659401', ['system/framework/telephony.jar'])] }), 'EU', { file: strict }))).toEqual(['error denied-endpoint 10659401']);
    const off = policyFile('version: 1\nmarkets:\n  EU:\n    extends: builtin:EU\n    severity: {denied-endpoint: off}\n');
    expect(rules(evaluate(facts({ endpoints: [ep('sms', '10659401', ['system/framework/telephony.jar'])] }), 'EU', { file: off }))).toEqual([]);
  });

  it('sms.allow covers a number inside a client; without it the number is unlisted-client-endpoint', () => {
    const f = facts({ packages: [ctClient()], endpoints: [ep('sms', '1069012345', [AUTOREG])] });
    expect(rules(evaluate(f, 'CN'))).toEqual(['error unlisted-client-endpoint 1069012345']);
    const file = policyFile('version: 1\nmarkets:\n  CN:\n    extends: builtin:CN\n    sms: {allow: ["1069*"]}\n');
    const e = evaluate(f, 'CN', { file });
    expect(rules(e)).toEqual([]);
    expect(e.endpoints[0].status).toBe('allowed');
  });
});

describe('precedence: deny beats allow, exemptions beat both, expired exemptions do not', () => {
  const f = facts({ endpoints: [ep('host', 'ntp.acme.cn', ['system/etc/ntp.conf'])] });
  const policy = (exemption = '') =>
    policyFile(`version: 1\nmarkets:\n  EU:\n    extends: builtin:EU\n    endpoints:\n      allow: ["ntp.acme.cn", "*.acme.cn"]\n      deny: ["*.acme.cn"]\n${exemption}`);
  const exemption = (expires: string, markets = '[EU]') =>
    `exemptions:\n  - match: {host: ntp.acme.cn}\n    markets: ${markets}\n    reason: "NTP only, SEC-123"\n    owner: "@acme/compliance"\n    expires: ${expires}\n`;

  it('deny beats allow, whatever their order or specificity', () => {
    const e = evaluate(f, 'EU', { file: policy() });
    expect(rules(e)).toEqual(['error denied-endpoint ntp.acme.cn']);
    expect(e.findings[0].message).toMatch(/denied in EU by "\*\.acme\.cn"/);
  });

  it('an exemption suppresses the finding but keeps it visible', () => {
    const e = evaluate(f, 'EU', { file: policy(exemption('2027-03-01')) });
    expect(e.findings).toEqual([expect.objectContaining({ rule: 'denied-endpoint', severity: 'error', suppressed: { reason: 'NTP only, SEC-123', owner: '@acme/compliance', expires: '2027-03-01' } })]);
    expect([...e.usedExemptions]).toEqual([0]);
  });

  it('an exemption for one file does not hide the same endpoint in another; one naming every file does', () => {
    const two = facts({ endpoints: [ep('host', 'ntp.acme.cn', ['odm/etc/a.conf', 'system/etc/reg.conf'])] });
    const byPath = (glob: string) => `exemptions:\n  - match: {host: ntp.acme.cn, path: "${glob}"}\n    reason: "vendor NTP, SEC-9"\n    owner: "@acme/compliance"\n    expires: 2027-03-01\n`;
    expect(rules(evaluate(two, 'EU', { file: policy(byPath('odm/etc/a.conf')) }), { suppressed: false })).toEqual(['error denied-endpoint ntp.acme.cn']);
    expect(rules(evaluate(two, 'EU', { file: policy(byPath('system/etc/reg.conf')) }), { suppressed: false })).toEqual(['error denied-endpoint ntp.acme.cn']);
    expect(rules(evaluate(two, 'EU', { file: policy(byPath('*/etc/*.conf')) }), { suppressed: true })).toEqual(['error denied-endpoint ntp.acme.cn']);
  });

  it('an exemption scoped to other markets does not apply', () => {
    const e = evaluate(f, 'EU', { file: policy(exemption('2027-03-01', '[WW]')) });
    expect(rules(e, { suppressed: false })).toEqual(['error denied-endpoint ntp.acme.cn']);
  });

  it('past its expiry (end of that day UTC) an exemption no longer applies and is itself an error', () => {
    const lastDay = evaluate(f, 'EU', { file: policy(exemption('2026-10-31')), now: new Date('2026-10-31T23:59:59Z') });
    expect(rules(lastDay, { suppressed: false })).toEqual(['note expiring-exemption']);
    const dayAfter = evaluate(f, 'EU', { file: policy(exemption('2026-10-31')), now: new Date('2026-11-01T00:00:00Z') });
    expect(rules(dayAfter)).toEqual(['error denied-endpoint ntp.acme.cn', 'error expired-exemption']);
    expect(dayAfter.findings.every((x) => !x.suppressed)).toBe(true);
  });

  it('within 30 days of expiry it is an expiring-exemption note, and still exempts', () => {
    const e = evaluate(f, 'EU', { file: policy(exemption('2026-11-30')) });
    expect(rules(e, { suppressed: false })).toEqual(['note expiring-exemption']);
    expect(rules(e, { suppressed: true })).toEqual(['error denied-endpoint ntp.acme.cn']);
    expect(rules(evaluate(f, 'EU', { file: policy(exemption('2026-12-01')) }), { suppressed: false })).toEqual([]);
  });

  it('an exemption can match by client, package, path or rule; all keys must match', () => {
    const ff = facts({ packages: [ctClient()], endpoints: [ep('host', 'zzhc.vnet.cn', [AUTOREG])] });
    const ex = (match: string) => policyFile(`version: 1\nexemptions:\n  - match: ${match}\n    reason: r\n    owner: o\n    expires: 2027-01-01\n`);
    const suppressedRules = (m: string) => rules(evaluate(ff, 'EU', { file: ex(m) }), { suppressed: true });
    expect(suppressedRules('{client: "market:CN", rule: wrong-market-client}')).toEqual(['error wrong-market-client ct-self-registration-qualcomm']);
    expect(suppressedRules('{package: "com.qualcomm.*"}')).toEqual(['error wrong-market-client ct-self-registration-qualcomm']);
    expect(suppressedRules('{path: "system/priv-app/**"}')).toEqual(['error denied-endpoint zzhc.vnet.cn', 'error wrong-market-client ct-self-registration-qualcomm']);
    expect(suppressedRules('{host: zzhc.vnet.cn, rule: wrong-market-client}')).toEqual([]);
  });
});

describe('severity per market for every rule', () => {
  it('`severity:` changes or switches off any rule, in that market only', () => {
    const f = facts({ packages: [ctClient()], endpoints: [ep('host', 'zzhc.vnet.cn', [AUTOREG], { schemes: ['http'], cleartext: true })] });
    const file = policyFile(
      'version: 1\nmarkets:\n  CN:\n    extends: builtin:CN\n    severity: {cleartext-endpoint: error}\n  EU:\n    extends: builtin:EU\n    severity: {wrong-market-client: warning, denied-endpoint: "off"}\n',
    );
    expect(rules(evaluate(f, 'CN', { file }))).toEqual(['error cleartext-endpoint zzhc.vnet.cn']);
    expect(rules(evaluate(f, 'EU', { file }))).toEqual(['warning cleartext-endpoint zzhc.vnet.cn', 'warning wrong-market-client ct-self-registration-qualcomm']);
  });

  it('`endpoints.unlisted` and `unlisted-in-clients` set the two unlisted rules', () => {
    const f = facts({ packages: [ctClient()], endpoints: [ep('host', 'x.acme.com', [AUTOREG]), ep('host', 'y.acme.com', ['system/etc/y.conf'])] });
    const file = policyFile('version: 1\nmarkets:\n  CN:\n    extends: builtin:CN\n    endpoints: {unlisted: note, unlisted-in-clients: warning}\n');
    expect(rules(evaluate(f, 'CN', { file }))).toEqual(['note unlisted-endpoint y.acme.com', 'warning unlisted-client-endpoint x.acme.com']);
  });
});

describe('variants: toggles select a market variant; the rest is dormant', () => {
  // Its own resources as in the real base APK (res/values/bools.xml: isCnVersion false), and its
  // code loading the id its table gives isCnVersion (what extraction checks: readToggleIds).
  const base = () =>
    pkg({
      package: 'com.evenwell.autoregistration',
      path: EVENWELL,
      bootCompleted: true,
      sharedUserId: 'android.uid.system',
      resources: [{ type: 'bool', name: 'isCnVersion', value: false }],
      toggleIds: [{ key: 'bool/isCnVersion', id: 0x7f010000, loads: ['const'] }],
    });
  const overlay = (resources: { type: string; name: string; value: string | number | boolean; config?: string }[]) =>
    pkg({ package: 'com.evenwell.autoregistration.overlay.base.s600cn', path: OVERLAY, overlay: { targetPackage: 'com.evenwell.autoregistration', isStatic: true }, resources });
  const cnHost = ep('host', 'cn.c2dms.com', [EVENWELL], { schemes: ['https'] });
  const wwHost = ep('host', 'www.c2dms.com', [EVENWELL], { schemes: ['https'] });
  const cnSms = ep('sms', '10659401', [EVENWELL]);

  it('without an overlay the app’s own isCnVersion=false selects WW: CN hosts and numbers are dormant notes in EU', () => {
    const e = evaluate(facts({ packages: [base()], endpoints: [cnHost, wwHost, cnSms] }), 'EU');
    expect(rules(e)).toEqual(['note dormant-variant 10659401', 'note dormant-variant cn.c2dms.com']);
    expect(Object.fromEntries(e.endpoints.map((x) => [x.value, x.status]))).toEqual({ 'cn.c2dms.com': 'dormant', 'www.c2dms.com': 'allowed', '10659401': 'dormant' });
    expect(e.findings.find((f) => f.endpoint === 'cn.c2dms.com')!.message).toMatch(/CN variant "cn" of .* does not select .*"ww" by bool\/isCnVersion = false in com\.evenwell\.autoregistration's own resources.*bool\/isCnVersion = true would activate it/);
  });

  it('a client with no resource of its toggle (renamed, or no table read) may be either variant: CN is selected too (fail closed)', () => {
    const bare = pkg({ package: 'com.evenwell.autoregistration', path: EVENWELL, bootCompleted: true, sharedUserId: 'android.uid.system' });
    const e = evaluate(facts({ packages: [bare], endpoints: [cnHost, wwHost, cnSms] }), 'EU');
    expect(rules(e)).toEqual(['error denied-endpoint 10659401', 'error denied-endpoint cn.c2dms.com', 'error variant-toggle evenwell-caivs']);
    expect(e.findings.find((f) => f.rule === 'variant-toggle')!.message).toMatch(/sets bool\/isCnVersion = true, or may \(com\.evenwell\.autoregistration has no resource bool\/isCnVersion, so what its code reads is not known\)/);
  });

  it('a client whose code shows no sign of loading the id its table gives the toggle may be either variant, overlay or not (fail closed)', () => {
    const ww = overlay([{ type: 'bool', name: 'isCnVersion', value: false }]);
    const cases: [Partial<PackageFacts>, RegExp][] = [
      [{ toggleIds: [{ key: 'bool/isCnVersion', id: 0x7f010001, loads: [] }] }, /com\.evenwell\.autoregistration's code does not load the id 0x7f010001 its table gives bool\/isCnVersion, so what it reads is not known/],
      [{ toggleIds: [{ key: 'bool/isCnVersion', id: 0x7f010001, loads: ['const'], fieldIds: [0x7f010000] }] }, /com\.evenwell\.autoregistration's R\$bool field isCnVersion holds 0x7f010000, not the id 0x7f010001 its table gives bool\/isCnVersion/],
      [{ toggleCodeError: 'classes.dex: code_item at 112: insns_size 9 runs past the end of the file' }, /code cannot be read for the resource ids it loads: classes\.dex: code_item at 112/],
      [{ toggleIds: undefined }, /com\.evenwell\.autoregistration's code was not checked for the resource ids it loads/],
    ];
    for (const [code, why] of cases) {
      for (const packages of [[{ ...base(), ...code }], [{ ...base(), ...code }, ww]]) {
        const e = evaluate(facts({ packages, endpoints: [cnHost, wwHost, cnSms] }), 'EU');
        expect(rules(e).filter((r) => r.startsWith('error'))).toEqual(['error denied-endpoint 10659401', 'error denied-endpoint cn.c2dms.com', 'error variant-toggle evenwell-caivs']);
        expect(e.findings.find((f) => f.rule === 'variant-toggle')!.message).toMatch(why);
      }
    }
    // Loaded by a const, an R field holding it, or by name: WW as before.
    for (const loads of [['const'], ['field'], ['identifier']] as const) {
      const e = evaluate(facts({ packages: [{ ...base(), toggleIds: [{ key: 'bool/isCnVersion', id: 0x7f010001, loads: [...loads] }] }], endpoints: [cnHost, wwHost, cnSms] }), 'EU');
      expect(rules(e)).toEqual(['note dormant-variant 10659401', 'note dormant-variant cn.c2dms.com']);
    }
  });

  it('an overlay setting bool/isCnVersion = true selects CN: variant-toggle in EU, and the CN hosts are active (denied)', () => {
    const e = evaluate(facts({ packages: [base(), overlay([{ type: 'bool', name: 'isCnVersion', value: true }])], endpoints: [cnHost, wwHost] }), 'EU');
    expect(rules(e)).toEqual(['error denied-endpoint cn.c2dms.com', 'error variant-toggle evenwell-caivs', 'note dormant-variant www.c2dms.com']);
    const vt = e.findings.find((f) => f.rule === 'variant-toggle')!;
    expect(vt).toMatchObject({ package: 'com.evenwell.autoregistration.overlay.base.s600cn', path: OVERLAY });
    expect(vt.message).toMatch(/sets bool\/isCnVersion = true .* selects its CN variant "cn" in this EU build/);
    expect(e.clients[0].matchedBy).toEqual(['host', 'package', 'toggle']);
  });

  it('the same overlay is fine in CN', () => {
    const e = evaluate(facts({ packages: [base(), overlay([{ type: 'bool', name: 'isCnVersion', value: true }])], endpoints: [cnHost] }), 'CN');
    expect(rules(e).filter((r) => !r.includes('dormant'))).toEqual([]);
  });

  it('an overlay string holding a CN server address selects CN too, even without the base APK installed', () => {
    const o = overlay([{ type: 'string', name: 'SERVER_ADDRESS_CN', value: 'https://cn.c2dms.com' }]);
    const e = evaluate(facts({ packages: [o], endpoints: [ep('host', 'cn.c2dms.com', [OVERLAY], { schemes: ['https'] })] }), 'EU');
    expect(rules(e)).toEqual(['error denied-endpoint cn.c2dms.com', 'error variant-toggle evenwell-caivs']);
    expect(e.findings.find((f) => f.rule === 'variant-toggle')!.message).toMatch(/string\/SERVER_ADDRESS_CN = "https:\/\/cn\.c2dms\.com"/);
  });

  it('the real 600WW overlay (isCnVersion false, and SERVER_ADDRESS_CN beside SERVER_ADDRESS_WW) keeps WW: its CN string selects nothing', () => {
    const ww = overlay([
      { type: 'bool', name: 'isCnVersion', value: false },
      { type: 'string', name: 'SERVER_ADDRESS_WW', value: 'https://caivssp-no-ww.c2dms.com' },
      { type: 'string', name: 'SERVER_ADDRESS_CN', value: 'https://caivssp-no-cn.c2dms.com' },
    ]);
    const e = evaluate(facts({ packages: [base(), ww], endpoints: [cnHost, wwHost] }), 'EU');
    expect(rules(e)).toEqual(['note dormant-variant cn.c2dms.com']);
  });

  it('an overlay whose toggle keeps WW still selects CN by a CN host in a string named for WW, or by a toggle that is no plain false (a reference, an integer, true for API 21+)', () => {
    const cnSelected = (resources: Parameters<typeof overlay>[0]) => {
      const e = evaluate(facts({ packages: [base(), overlay(resources)], endpoints: [cnHost, wwHost] }), 'EU');
      return rules(e).filter((r) => r.startsWith('error'));
    };
    const selected = ['error denied-endpoint cn.c2dms.com', 'error variant-toggle evenwell-caivs'];
    const cnString = { type: 'string', name: 'SERVER_ADDRESS_CN', value: 'https://caivssp-no-cn.c2dms.com' };
    // The app reads SERVER_ADDRESS_WW when isCnVersion is false: a CN host there is used.
    expect(cnSelected([{ type: 'bool', name: 'isCnVersion', value: false }, { type: 'string', name: 'SERVER_ADDRESS_WW', value: 'https://caivssp-no-cn.c2dms.com' }])).toEqual(selected);
    expect(cnSelected([{ type: 'bool', name: 'isCnVersion', value: '@0x7f050001' }, cnString])).toEqual(selected);
    expect(cnSelected([{ type: 'bool', name: 'isCnVersion', value: 1 }, cnString])).toEqual(selected);
    expect(cnSelected([{ type: 'bool', name: 'isCnVersion', value: false }, { type: 'bool', name: 'isCnVersion', value: true, config: 'v21' }, cnString])).toEqual(selected);
    // The WW slot a reference (to the string named for CN, say): the slot the app reads may hold the CN host.
    expect(cnSelected([{ type: 'bool', name: 'isCnVersion', value: false }, { type: 'string', name: 'SERVER_ADDRESS_WW', value: '@0x7f0b0001' }, cnString])).toEqual(selected);
    // A reference in a string named for no variant (a label) changes nothing: the genuine overlay stays WW.
    expect(cnSelected([{ type: 'bool', name: 'isCnVersion', value: false }, { type: 'string', name: 'SERVER_ADDRESS_WW', value: 'https://caivssp-no-ww.c2dms.com' }, cnString, { type: 'string', name: 'label', value: '@0x01040013' }])).toEqual([]);
    // A translation holding a CN host (values-zh-rCN's privacy URL) selects nothing; a server slot set for API 21+ does.
    expect(cnSelected([{ type: 'bool', name: 'isCnVersion', value: false }, { type: 'string', name: 'privacy_url', value: 'https://cn.c2dms.com/privacy', config: 'zh-rCN' }])).toEqual([]);
    expect(cnSelected([{ type: 'bool', name: 'isCnVersion', value: false }, { type: 'string', name: 'SERVER_ADDRESS_WW', value: 'https://caivssp-no-cn.c2dms.com', config: 'v21' }])).toEqual(selected);
    // A plain false everywhere, and the CN address in the slot named for CN: WW.
    expect(cnSelected([{ type: 'bool', name: 'isCnVersion', value: false }, { type: 'bool', name: 'isCnVersion', value: false, config: 'v21' }, cnString])).toEqual([]);
  });

  it('the client\'s own isCnVersion = true (a CN build of the app, no overlay changing it) selects CN; an overlay setting false wins over it', () => {
    const cnBuild = () => ({ ...base(), resources: [{ type: 'bool', name: 'isCnVersion', value: true }] });
    const e = evaluate(facts({ packages: [cnBuild()], endpoints: [cnHost, wwHost, cnSms] }), 'EU');
    expect(rules(e)).toEqual(['error denied-endpoint 10659401', 'error denied-endpoint cn.c2dms.com', 'error variant-toggle evenwell-caivs', 'note dormant-variant www.c2dms.com']);
    expect(e.findings.find((f) => f.rule === 'variant-toggle')!.message).toMatch(/bool\/isCnVersion = true in com\.evenwell\.autoregistration's own resources/);
    const fixed = evaluate(facts({ packages: [cnBuild(), overlay([{ type: 'bool', name: 'isCnVersion', value: false }])], endpoints: [cnHost, wwHost] }), 'EU');
    expect(rules(fixed)).toEqual(['note dormant-variant cn.c2dms.com']);
    // An overlay that is not static may be disabled on the device: the app's own true may apply.
    const dynamic = { ...overlay([{ type: 'bool', name: 'isCnVersion', value: false }]), overlay: { targetPackage: 'com.evenwell.autoregistration', isStatic: false } };
    expect(rules(evaluate(facts({ packages: [cnBuild(), dynamic], endpoints: [cnHost, wwHost] }), 'EU')).filter((r) => r.startsWith('error'))).toEqual(['error denied-endpoint cn.c2dms.com', 'error variant-toggle evenwell-caivs']);
    // The app's values-v21 true beats an overlay's default false (a more specific configuration).
    const ownV21 = { ...base(), resources: [{ type: 'bool', name: 'isCnVersion', value: false }, { type: 'bool', name: 'isCnVersion', value: true, config: 'v21' }] };
    const wwOverlay = overlay([{ type: 'bool', name: 'isCnVersion', value: false }, { type: 'string', name: 'SERVER_ADDRESS_CN', value: 'https://caivssp-no-cn.c2dms.com' }]);
    expect(rules(evaluate(facts({ packages: [ownV21, wwOverlay], endpoints: [cnHost, wwHost] }), 'EU')).filter((r) => r.startsWith('error'))).toEqual(['error denied-endpoint cn.c2dms.com', 'error variant-toggle evenwell-caivs']);
    // Unless the overlay sets that configuration too.
    const wwOverlayV21 = overlay([{ type: 'bool', name: 'isCnVersion', value: false }, { type: 'bool', name: 'isCnVersion', value: false, config: 'v21' }]);
    expect(rules(evaluate(facts({ packages: [ownV21, wwOverlayV21], endpoints: [cnHost, wwHost] }), 'EU')).filter((r) => r.startsWith('error'))).toEqual([]);
    // A static overlay setting false for night mode only leaves the app's default true in force elsewhere.
    const nightOnly = overlay([{ type: 'bool', name: 'isCnVersion', value: false, config: 'night' }]);
    expect(rules(evaluate(facts({ packages: [cnBuild(), nightOnly], endpoints: [cnHost, wwHost] }), 'EU')).filter((r) => r.startsWith('error'))).toEqual(['error denied-endpoint cn.c2dms.com', 'error variant-toggle evenwell-caivs']);
    // A CN host in the app's own SERVER_ADDRESS_WW (the slot it reads with isCnVersion false) selects CN.
    const cnInWwSlot = { ...base(), resources: [{ type: 'bool', name: 'isCnVersion', value: false }, { type: 'string', name: 'SERVER_ADDRESS_WW', value: 'https://caivssp-fi-cn.c2dms.com' }] };
    expect(rules(evaluate(facts({ packages: [cnInWwSlot, overlay([{ type: 'bool', name: 'isCnVersion', value: false }])], endpoints: [cnHost, wwHost] }), 'EU')).filter((r) => r.startsWith('error'))).toEqual(['error denied-endpoint cn.c2dms.com', 'error variant-toggle evenwell-caivs']);
    // A static overlay's values-v21 false on a device of API 28 is what the app reads instead of its default true.
    const v21Only = overlay([{ type: 'bool', name: 'isCnVersion', value: false, config: 'v21' }]);
    const onSdk = (sdk: string | undefined) =>
      rules(evaluate(facts({ packages: [cnBuild(), v21Only], endpoints: [cnHost, wwHost], props: sdk ? [prop('ro.build.version.sdk', sdk, 'system/build.prop')] : [] }), 'EU')).filter((r) => r.startsWith('error'));
    expect(onSdk('28')).toEqual([]);
    // On a device older than the overlay's configuration, or of an API level not said, the app's default may apply.
    expect(onSdk('19')).toEqual(['error denied-endpoint cn.c2dms.com', 'error variant-toggle evenwell-caivs']);
    expect(onSdk(undefined)).toEqual(['error denied-endpoint cn.c2dms.com', 'error variant-toggle evenwell-caivs']);
    // A CN host in the app's own SERVER_ADDRESS_WW for API 21+ only selects CN too.
    const cnInWwV21 = { ...base(), resources: [{ type: 'bool', name: 'isCnVersion', value: false }, { type: 'string', name: 'SERVER_ADDRESS_WW', value: 'https://caivssp-fi-ww.c2dms.com' }, { type: 'string', name: 'SERVER_ADDRESS_WW', value: 'https://caivssp-fi-cn.c2dms.com', config: 'v21' }] };
    expect(rules(evaluate(facts({ packages: [cnInWwV21], endpoints: [cnHost, wwHost] }), 'EU')).filter((r) => r.startsWith('error'))).toEqual(['error denied-endpoint cn.c2dms.com', 'error variant-toggle evenwell-caivs']);
    // Its own default false, but true in a configuration (values-v21): the app may read true.
    const v21 = { ...base(), resources: [{ type: 'bool', name: 'isCnVersion', value: false }, { type: 'bool', name: 'isCnVersion', value: true, config: 'v21' }] };
    expect(rules(evaluate(facts({ packages: [v21], endpoints: [cnHost, wwHost] }), 'EU')).filter((r) => r.startsWith('error'))).toEqual(['error denied-endpoint cn.c2dms.com', 'error variant-toggle evenwell-caivs']);
  });

  it('a client holding none of its selected variant\'s endpoints uses what it holds: a China-only build is not dormant', () => {
    const e = evaluate(facts({ packages: [base()], endpoints: [cnHost, cnSms] }), 'EU');
    expect(rules(e)).toEqual(['error denied-endpoint 10659401', 'error denied-endpoint cn.c2dms.com']);
    // The push agent: its CN variant has no toggle, its WW variant is the default.
    const push = pkg({ package: 'com.evenwell.pushagent', path: 'system/app/PushAgent/PushAgent.apk' });
    const onlyCn = evaluate(facts({ packages: [push], endpoints: [ep('host', 'cn-aps.c2dms.com', ['system/app/PushAgent/PushAgent.apk'])] }), 'EU');
    expect(rules(onlyCn)).toEqual(['error denied-endpoint cn-aps.c2dms.com']);
    const both = evaluate(facts({ packages: [push], endpoints: [ep('host', 'cn-aps.c2dms.com', ['system/app/PushAgent/PushAgent.apk']), ep('host', 'aps.c2dms.com', ['system/app/PushAgent/PushAgent.apk'])] }), 'EU');
    expect(rules(both)).toEqual(['note dormant-variant cn-aps.c2dms.com']);
  });

  it('isCnVersion = false keeps WW; a dormant host also found outside the client is not dormant', () => {
    const o = overlay([{ type: 'bool', name: 'isCnVersion', value: false }]);
    const shared = ep('host', 'cn.c2dms.com', [EVENWELL, 'vendor/etc/push.conf']);
    const e = evaluate(facts({ packages: [base(), o], endpoints: [shared] }), 'EU');
    expect(rules(e)).toEqual(['error denied-endpoint cn.c2dms.com']);
  });
});

describe('baseline: new-endpoint and new-client', () => {
  const f = facts({ packages: [ctClient()], endpoints: [ep('host', 'zzhc.vnet.cn', [AUTOREG]), ep('host', 'api.acme.eu', ['system/etc/a.json'])] });
  const previous = (endpoints: string[], clients: string[]) =>
    baselineOfReport({ targets: [{ id: 'CN@out', market: 'CN', endpoints: endpoints.map((v) => ({ kind: 'host', value: v, status: 'allowed', evidence: [], evidenceCount: 0 })), clients: clients.map((id) => ({ id, market: 'CN', matchedBy: [], allowed: true })) }] as never });

  it('reports what is present now and absent from the baseline', () => {
    const b = previous(['api.acme.eu'], []);
    const e = evaluate(f, 'CN', { baseline: { file: 'prev.json', target: b.targets[0], by: 'id' } });
    expect(rules(e).filter((r) => r.includes('new-'))).toEqual(['warning new-client ct-self-registration-qualcomm', 'warning new-endpoint zzhc.vnet.cn']);
  });

  it('nothing new: no findings; severity per market', () => {
    const b = previous(['api.acme.eu', 'zzhc.vnet.cn'], ['ct-self-registration-qualcomm']);
    expect(rules(evaluate(f, 'CN', { baseline: { file: 'prev.json', target: b.targets[0] } })).filter((r) => r.includes('new-'))).toEqual([]);
    const file = policyFile('version: 1\nmarkets:\n  CN:\n    extends: builtin:CN\n    severity: {new-endpoint: error, new-client: "off"}\n');
    const e = evaluate(f, 'CN', { file, baseline: { file: 'prev.json', target: previous([], []).targets[0] } });
    expect(rules(e).filter((r) => r.includes('new-'))).toEqual(['error new-endpoint api.acme.eu', 'error new-endpoint zzhc.vnet.cn']);
  });

  it('matches baseline targets by id, then SKU, then a unique market, then a sole target', () => {
    const b = baselineOfReport({
      targets: [
        { id: '600E0@old', sku: '600E0', market: 'EU', endpoints: [], clients: [] },
        { id: '600CN@old', sku: '600CN', market: 'CN', endpoints: [], clients: [] },
      ] as never,
    });
    expect(matchBaselineTarget(b, { id: '600CN@old' })?.by).toBe('id');
    expect(matchBaselineTarget(b, { id: '600E0@new', sku: '600E0' })?.target.id).toBe('600E0@old');
    expect(matchBaselineTarget(b, { id: 'x@new', sku: 'x', market: 'CN' })?.target.id).toBe('600CN@old');
    expect(matchBaselineTarget(b, { id: 'x@new', market: 'WW' })).toBeUndefined();
  });
});

describe('unresolved market', () => {
  it('is an error naming the properties tried and the values found', async () => {
    const { evaluateTarget } = await import('../../src/evaluate/evaluate.js');
    const e = evaluateTarget({
      targetId: 'unresolved@out',
      facts: facts({ props: [prop('ro.product.name', 'Onyx_00XX')] }),
      resolution: { tried: ['ro.cda.skuid.id', 'ro.product.name'], unmapped: [{ key: 'ro.product.name', value: 'Onyx_00XX', file: 'system/build.prop', line: 3 }] },
      catalog: loadBuiltinCatalog(),
      now: new Date('2026-11-01T00:00:00Z'),
    });
    expect(e.findings).toEqual([expect.objectContaining({ rule: 'unresolved-market', severity: 'error' })]);
    expect(e.findings[0].message).toMatch(/tried ro\.cda\.skuid\.id, ro\.product\.name; found ro\.product\.name=Onyx_00XX \(system\/build\.prop:3\)/);
  });
});
