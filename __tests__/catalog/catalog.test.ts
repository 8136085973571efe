import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { loadBuiltinCatalog, mergeCatalog, parseCatalogText, precompiledCatalog } from '../../src/catalog/load.js';
import { allHosts, allIps, allSms, lenientCatalogEntrySchema, type CatalogEntry } from '../../src/catalog/schema.js';
import { PolicyErrors } from '../../src/errors.js';
import { isValidHostname, parseIpPattern } from '../../src/policy/patterns.js';
import { tempDir } from '../helpers/temp.js';

const catalog = loadBuiltinCatalog();
const byId = new Map(catalog.entries.map((e) => [e.id, e]));
const rawText = readFileSync(new URL('../../src/catalog/catalog.yml', import.meta.url), 'utf8');

/** Every (kind, value) an entry claims, variants included. */
function claims(e: CatalogEntry): string[] {
  return [
    ...e.packages.map((p) => `package:${p}`),
    ...allHosts(e).map((h) => `host:${h}`),
    ...allIps(e).map((i) => `ip:${i}`),
    ...allSms(e).map((s) => `sms:${s}`),
    ...e.signers.map((s) => `signer:${s}`),
  ];
}

describe('built-in catalog', () => {
  it('loads with a version and entries', () => {
    expect(catalog.version).toBe('2026.11.1');
    expect(catalog.entries.length).toBeGreaterThan(20);
  });

  it('has unique ids', () => {
    const ids = catalog.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('references every entry', () => {
    for (const e of catalog.entries) expect([e.id, e.references.length > 0]).toEqual([e.id, true]);
  });

  it('holds lower-case, valid hosts, single IPs and digit-only SMS numbers', () => {
    for (const e of catalog.entries) {
      for (const h of allHosts(e)) expect([e.id, h, h === h.toLowerCase() && isValidHostname(h)]).toEqual([e.id, h, true]);
      for (const ip of allIps(e)) expect([e.id, ip, parseIpPattern(ip)?.prefix]).toEqual([e.id, ip, 32]);
      for (const s of allSms(e)) expect([e.id, s, /^[0-9]{5,20}$/.test(s)]).toEqual([e.id, s, true]);
    }
  });

  it('overlaps only where both entries declare `shares`', () => {
    const owners = new Map<string, string[]>();
    for (const e of catalog.entries) for (const c of new Set(claims(e))) owners.set(c, [...(owners.get(c) ?? []), e.id]);
    const undeclared: string[] = [];
    for (const [claim, ids] of owners) {
      for (const a of ids) for (const b of ids) {
        if (a !== b && !byId.get(a)!.shares.includes(b)) undeclared.push(`${claim}: ${a} does not declare shares ${b}`);
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('declares `shares` only where there is an overlap, and symmetrically', () => {
    const problems: string[] = [];
    for (const e of catalog.entries) {
      for (const s of e.shares) {
        const other = byId.get(s);
        if (!other) { problems.push(`${e.id}: unknown ${s}`); continue; }
        if (!other.shares.includes(e.id)) problems.push(`${e.id} -> ${s} not symmetric`);
        const mine = new Set(claims(e));
        if (!claims(other).some((c) => mine.has(c))) problems.push(`${e.id} -> ${s}: nothing shared`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no duplicate values inside an entry', () => {
    for (const e of catalog.entries) {
      const c = claims(e);
      expect([e.id, c.length]).toEqual([e.id, new Set(c).size]);
    }
  });

  it('holds every China-market client and endpoint of the research dossier', () => {
    const cnPackages = [
      'com.qualcomm.qti.autoregistration', 'com.mediatek.selfregister', 'com.mediatek.deviceregister',
      'com.samsung.slsi.CtcSelfRegister', 'com.sprd.dm.mbselfreg', 'com.samsung.chn.apps.devicemanagement',
      'com.samsung.android.activation', 'com.miui.dmregservice', 'com.xiaomi.simactivate.service',
      'com.oppo.ctautoregist', 'com.oppoex.afterservice', 'com.vivo.ewarranty', 'com.transsion.repaircard',
      'com.zte.zdm.custom.selfregister',
    ];
    for (const p of cnPackages) {
      const e = catalog.entries.find((x) => x.packages.includes(p));
      expect([p, e?.market]).toEqual([p, 'CN']);
    }
    const cn = (pick: (e: CatalogEntry) => string[]) =>
      new Set(catalog.entries.flatMap((e) => [...(e.market === 'CN' ? pick(e) : []), ...e.variants.filter((v) => v.market === 'CN').flatMap((v) => pick({ ...e, ...v, variants: [] } as CatalogEntry))]));
    const hosts = cn((e) => e.hosts);
    for (const h of ['zzhc.vnet.cn', 'dm.wo.com.cn', 'm.fxltsbl.com', 'cn.c2dms.com', 'cn-aps.c2dms.com', 'caivssp-fi-cn.c2dms.com', 'caivssp-no-cn.c2dms.com']) {
      expect([h, hosts.has(h)]).toEqual([h, true]);
    }
    const ips = cn((e) => e.ips);
    for (const ip of ['124.207.3.53', '114.255.193.236']) expect([ip, ips.has(ip)]).toEqual([ip, true]);
    const sms = cn((e) => e.sms);
    for (const n of ['10659401', '10655459', '10654040', '1065840409', '14536007399', '14536007400', '14536007408']) {
      expect([n, sms.has(n)]).toEqual([n, true]);
    }
  });

  it('models the Evenwell CAIVS client as variants selected by bool/isCnVersion', () => {
    const e = byId.get('evenwell-caivs')!;
    expect(e.packages).toEqual(['com.evenwell.autoregistration']);
    const cn = e.variants.find((v) => v.id === 'cn')!;
    const ww = e.variants.find((v) => v.id === 'ww')!;
    expect(cn).toMatchObject({ market: 'CN', toggle: { 'bool/isCnVersion': true } });
    expect(cn.hosts).toEqual(expect.arrayContaining(['cn.c2dms.com', 'cn-aps.c2dms.com', 'caivssp-fi-cn.c2dms.com']));
    expect(ww).toMatchObject({ market: 'WW', toggle: { 'bool/isCnVersion': false }, default: true });
    expect(ww.hosts).toEqual(expect.arrayContaining(['www.c2dms.com', 'caivssp-no-ww.c2dms.com']));
  });

  it('matches Google check-in by host only and the modem client has no package', () => {
    expect(byId.get('google-checkin')).toMatchObject({ market: 'GLOBAL', packages: [], hosts: ['android.clients.google.com'] });
    expect(byId.get('qualcomm-modem-autoreg')).toMatchObject({ market: 'CN', packages: [] });
    expect(byId.get('ct-self-registration-qualcomm')!.shares).toEqual(expect.arrayContaining(['mediatek-ct-selfregister']));
  });

  it('marks uncertain markets', () => {
    expect(byId.get('coloros-activation')!.marketUncertain).toBe(true);
    expect(byId.get('transsion-repaircard')!.marketUncertain).toBe(true);
  });

  it('writes every entry in the file with its keys in a fixed order (id first, references last)', () => {
    const doc = parseDocument(rawText).toJS() as { clients: Record<string, unknown>[] };
    for (const c of doc.clients) {
      const keys = Object.keys(c);
      expect([c.id, keys[0], keys[keys.length - 1]]).toEqual([c.id, 'id', 'references']);
    }
  });

  it('returns a fresh copy each time', () => {
    const a = loadBuiltinCatalog();
    a.entries[0].hosts.push('mutated.example.com');
    expect(loadBuiltinCatalog().entries[0].hosts).not.toContain('mutated.example.com');
  });
});

describe('parseCatalogText', () => {
  const entry = 'id: a\n    name: A\n    vendor: V\n    market: CN\n    references: [x]';
  it('reports duplicate ids, unknown shares and unknown keys together, with positions', () => {
    const text = `version: "2026.11.0"\nclients:\n  - ${entry}\n  - ${entry}\n    shares: [nope]\n    host: [a.b]\n`;
    let err: unknown;
    try { parseCatalogText(text, 'cat.yml'); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(PolicyErrors);
    const errors = (err as PolicyErrors).errors.map((e) => ({ line: e.line, column: e.column, key: e.key, found: e.found }));
    expect(errors).toEqual([
      { line: 8, column: 9, key: 'clients[1].id', found: '"a"' },
      { line: 13, column: 14, key: 'clients[1].shares[0]', found: '"nope"' },
      { line: 14, column: 5, key: 'clients[1].host', found: 'unknown key "host"' },
    ]);
  });

  it('rejects upper-case or wildcard hosts and non-digit SMS numbers', () => {
    const text = `version: "2026.11.0"\nclients:\n  - ${entry}\n    hosts: ["*.vnet.cn", "zzhc.vnet.cn:80"]\n    sms: ["+8610659401"]\n`;
    let err: unknown;
    try { parseCatalogText(text, 'cat.yml'); } catch (e) { err = e; }
    expect((err as PolicyErrors).errors.map((e) => e.key)).toEqual(['clients[0].hosts[0]', 'clients[0].hosts[1]', 'clients[0].sms[0]']);
  });
});

describe('mergeCatalog', () => {
  it('replaces an entry with the same id in place and appends new ones', () => {
    const extra = [
      lenientCatalogEntrySchema.parse({ id: 'google-checkin', market: 'GLOBAL', hosts: ['checkin.example.com'] }),
      lenientCatalogEntrySchema.parse({ id: 'acme-cn-activation', market: 'CN', packages: ['com.acme.activation.cn'], hosts: ['act.acme.com.cn'] }),
    ];
    const merged = mergeCatalog(catalog, extra);
    expect(merged.version).toBe(catalog.version);
    expect(merged.entries.length).toBe(catalog.entries.length + 1);
    const idx = catalog.entries.findIndex((e) => e.id === 'google-checkin');
    expect(merged.entries[idx]).toMatchObject({ id: 'google-checkin', name: 'google-checkin', vendor: 'unspecified', hosts: ['checkin.example.com'], references: ['policy file'] });
    expect(merged.entries[merged.entries.length - 1].id).toBe('acme-cn-activation');
    expect(catalog.entries[idx].hosts).toEqual(['android.clients.google.com']);
  });
});

describe('the catalog as a signature database: none fires on the benign fixtures', () => {
  // Real APKs built by aapt/smali/apksigner (scripts/fixtures/): a notes app, a check-in-like
  // app, and format fixtures whose only host is a made-up .com.cn name no catalog entry holds.
  const BENIGN = ['benign.apk', 'checkin.apk', 'dex-only.apk', 'arsc-only.apk', 'asset-only.apk', 'native-only.apk', 'xml-only.apk'];
  const CATALOG_RULES = new Set(['wrong-market-client', 'denied-endpoint', 'variant-toggle', 'dormant-variant', 'suspected-activation-client', 'test-key-signer', 'client-mention', 'cleartext-endpoint', 'unlisted-client-endpoint']);

  for (const market of ['EU', 'WW', 'CN']) {
    it(`in ${market}: no client, no catalogue-driven finding, no denied endpoint`, async () => {
      const { scan } = await import('../../src/scan.js');
      const { RecordingLogger } = await import('../../src/logging.js');
      const root = new URL('../..', import.meta.url).pathname;
      const report = await scan({ inputs: BENIGN.map((a) => `__tests__/fixtures/apks/${a}`), market, failOn: 'error', cwd: root, now: new Date('2026-11-01T00:00:00Z') }, new RecordingLogger());
      expect(report.targets).toHaveLength(BENIGN.length);
      for (const t of report.targets) {
        expect([t.id, t.clients]).toEqual([t.id, []]);
        expect([t.id, t.endpoints.filter((e) => e.status === 'denied' || e.status === 'dormant').map((e) => e.value)]).toEqual([t.id, []]);
        expect([t.id, t.packages.every((p) => p.signerSha256 === '71d1d44596abceab8a8da59f1df2289f32ec803a16f2e312c2c28be78e397f81')]).toEqual([t.id, true]);
      }
      expect(report.findings.filter((f) => CATALOG_RULES.has(f.rule)).map((f) => `${f.target} ${f.rule}`)).toEqual([]);
    });
  }

  it('holds no host, SMS number or signer that the benign fixtures contain', () => {
    const benignHosts = ['api.acme.eu', 'dex-only.acme-cn.com.cn', 'arsc-only.acme-cn.com.cn', 'asset-only.acme-cn.com.cn', 'native-only.acme-cn.com.cn', 'xml-only.acme-cn.com.cn'];
    const all = new Set(catalog.entries.flatMap(claims));
    for (const h of benignHosts) expect([h, all.has(`host:${h}`)]).toEqual([h, false]);
    expect(all.has('signer:71d1d44596abceab8a8da59f1df2289f32ec803a16f2e312c2c28be78e397f81')).toBe(false);
    expect((catalog.testKeys ?? []).map((k) => k.sha256)).not.toContain('71d1d44596abceab8a8da59f1df2289f32ec803a16f2e312c2c28be78e397f81');
  });

  it('references every test key and keeps their digests unique and well-formed', () => {
    const keys = catalog.testKeys ?? [];
    expect(new Set(keys.map((k) => k.sha256)).size).toBe(keys.length);
    for (const k of keys) expect([k.name, /^[0-9a-f]{64}$/.test(k.sha256), k.references.length > 0]).toEqual([k.name, true, true]);
  });
});

describe('the precompiled catalog (dist/catalog.json, written by npm run package)', () => {
  const distDir = new URL('../../dist/', import.meta.url);
  const yamlSha = (text: string): string => createHash('sha256').update(text).digest('hex');

  it('is the catalog the YAML validates to, made from the YAML shipped beside it', () => {
    const distYaml = readFileSync(new URL('catalog.yml', distDir), 'utf8');
    expect(distYaml).toBe(rawText);
    const stored = JSON.parse(readFileSync(new URL('catalog.json', distDir), 'utf8')) as { yamlSha256: string; catalog: unknown };
    expect(stored.yamlSha256).toBe(yamlSha(distYaml));
    expect(stored.catalog).toEqual(JSON.parse(JSON.stringify(parseCatalogText(rawText, 'catalog.yml'))));
  });

  it('is used only when made from the same YAML bytes, and only when it reads as a catalog', () => {
    const catalog = { version: 'v-json', entries: [], testKeys: [] };
    const json = (sha: string, c: unknown = catalog): string => JSON.stringify({ yamlSha256: sha, catalog: c });
    expect(precompiledCatalog(rawText, json(yamlSha(rawText)))).toEqual(catalog);
    expect(precompiledCatalog(`${rawText}\n# edited`, json(yamlSha(rawText)))).toBeUndefined();
    expect(precompiledCatalog(rawText, undefined)).toBeUndefined();
    expect(precompiledCatalog(rawText, '{"yamlSha256": "trunc')).toBeUndefined();
    expect(precompiledCatalog(rawText, json(yamlSha(rawText), { version: 1, entries: [] }))).toBeUndefined();
    expect(precompiledCatalog(rawText, json(yamlSha(rawText), { version: 'v', entries: {} }))).toBeUndefined();
  });

  it('the bundle reads it instead of the YAML, and the YAML when it no longer matches', () => {
    const dir = tempDir('ag-catalog-json-');
    for (const f of ['cli.js', 'worker.js', 'catalog.yml']) copyFileSync(new URL(f, distDir), path.join(dir, f));
    const yaml = readFileSync(path.join(dir, 'catalog.yml'), 'utf8');
    const printVersion = (): string =>
      (JSON.parse(execFileSync(process.execPath, [path.join(dir, 'cli.js'), 'catalog', '--format', 'json'], { encoding: 'utf8' })) as { version: string }).version;
    const marked = { version: 'from-catalog-json', entries: [], testKeys: [] };
    writeFileSync(path.join(dir, 'catalog.json'), JSON.stringify({ yamlSha256: yamlSha(yaml), catalog: marked }));
    expect(printVersion()).toBe('from-catalog-json');
    writeFileSync(path.join(dir, 'catalog.yml'), `${yaml}\n# edited after packaging\n`);
    expect(printVersion()).toBe(parseCatalogText(rawText, 'catalog.yml').version);
  });
});
