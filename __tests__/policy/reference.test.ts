/**
 * The README's policy reference example is a real policy: it equals
 * __tests__/fixtures/policies/reference.yml, it loads, every market resolves, and it gates the
 * sample build as the README says (EU fails on the China Telecom client, CN passes).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { loadBuiltinCatalog } from '../../src/catalog/load.js';
import { RecordingLogger } from '../../src/logging.js';
import { effectiveCatalog, isClientAllowed, knownMarkets, resolveMarketPolicy, validatePolicyMarkets } from '../../src/policy/effective.js';
import { loadPolicyFile } from '../../src/policy/load.js';
import { mapSku } from '../../src/policy/sku.js';
import { scan } from '../../src/scan.js';

const ROOT = join(import.meta.dirname, '..', '..');
const REFERENCE = join(ROOT, '__tests__', 'fixtures', 'policies', 'reference.yml');

function readmeBlock(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## The policy file'));
  const m = /```yaml\n([\s\S]*?)```/.exec(section);
  if (!m) throw new Error('no yaml block in the README policy section');
  return m[1];
}

describe('README policy reference', () => {
  it('the README example is byte for byte the reference fixture', () => {
    expect(readmeBlock()).toBe(readFileSync(REFERENCE, 'utf8'));
  });

  it('loads, and every market (EU, CN, WW and the carrier variant US-VZW) resolves', () => {
    const file = loadPolicyFile(REFERENCE);
    const catalog = effectiveCatalog(loadBuiltinCatalog(), file);
    expect(validatePolicyMarkets(file, catalog)).toEqual([]);
    expect(knownMarkets(file)).toEqual(['EU', 'CN', 'WW', 'US-VZW']);
    const vzw = resolveMarketPolicy(file, 'US-VZW', catalog);
    expect(vzw.chain).toEqual(['builtin:WW', `${REFERENCE}#markets.WW`, `${REFERENCE}#markets.US-VZW`]);
    expect(isClientAllowed(vzw, { id: 'verizon-activation', market: 'US' }).allowed).toBe(true);
    expect(isClientAllowed(vzw, { id: 'tmobile-adapt', market: 'US' }).allowed).toBe(false);
    expect(isClientAllowed(resolveMarketPolicy(file, 'EU', catalog), { id: 'verizon-activation', market: 'US' }).allowed).toBe(false);
    expect(catalog.entries.find((e) => e.id === 'acme-cn-activation')?.market).toBe('CN');
    expect(mapSku(file.policy.skus, 'Onyx_00EEA')?.market).toBe('EU');
    expect(mapSku(file.policy.skus, '6V0US')?.market).toBe('US-VZW');
  });

  it('gates the sample build: EU fails on the China Telecom client, CN passes with its exemption', async () => {
    const report = await scan(
      { inputs: ['sample/out/600E0', 'sample/out/600CN'], policyFile: '__tests__/fixtures/policies/reference.yml', failOn: 'error', cwd: ROOT, now: new Date('2026-11-01T00:00:00Z') },
      new RecordingLogger(),
    );
    const errors = (t: string) => report.findings.filter((f) => f.target === t && f.severity === 'error' && !f.suppressed).map((f) => f.rule);
    expect(errors('600E0@sample/out/600E0').sort()).toEqual(['denied-endpoint', 'denied-endpoint', 'wrong-market-client']);
    expect(errors('600CN@sample/out/600CN')).toEqual([]);
    expect(report.findings.filter((f) => f.suppressed).map((f) => `${f.target} ${f.rule}`)).toEqual(['600CN@sample/out/600CN cleartext-endpoint']);
  });
});
