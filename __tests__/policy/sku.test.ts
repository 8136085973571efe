import { describe, expect, it } from '@jest/globals';
import type { PropEntry } from '../../src/facts.js';
import { loadPolicyFile, parsePolicyText } from '../../src/policy/load.js';
import { DEFAULT_SKU_FROM, lastDefinition, mapSku, resolveTarget } from '../../src/policy/sku.js';
import { fixturePath } from './helpers.js';

const spec = loadPolicyFile(fixturePath('valid-spec-example.yml'));
const layered = loadPolicyFile(fixturePath('valid-layered.yml'));
const prop = (key: string, value: string, file = 'vendor/build.prop', line = 1): PropEntry => ({ key, value, file, line });

describe('mapSku', () => {
  const skus = { '600E0': 'EU', '*_00EEA': 'EU', 'Onyx_*': 'WW', 'Onyx_00FR*': 'FR', '600?N': 'XX', '600CN': 'CN' };
  it('exact beats glob; the longest glob wins', () => {
    expect(mapSku(skus, '600CN')).toEqual({ pattern: '600CN', market: 'CN' });
    expect(mapSku(skus, '600TN')).toEqual({ pattern: '600?N', market: 'XX' });
    expect(mapSku(skus, 'Onyx_00FR1')).toEqual({ pattern: 'Onyx_00FR*', market: 'FR' });
    expect(mapSku(skus, 'Onyx_00WW')).toEqual({ pattern: 'Onyx_*', market: 'WW' });
    expect(mapSku(skus, 'Antman_00EEA')).toEqual({ pattern: '*_00EEA', market: 'EU' });
    expect(mapSku(skus, 'Antman_00RU')).toBeUndefined();
    expect(mapSku(skus, 'toString')).toBeUndefined();
  });
});

describe('resolveTarget', () => {
  it('--market decides first, --sku is kept', () => {
    expect(resolveTarget({ cliMarket: 'CN', cliSku: '600E0', file: spec, props: [prop('ro.cda.skuid.id', '600E0')] })).toEqual({
      sku: '600E0', market: 'CN', resolvedBy: { key: '--market', value: 'CN', from: 'cli' }, tried: [], unmapped: [],
    });
  });

  it('--sku maps through skus (globs allowed); unmapped leaves the market unresolved', () => {
    expect(resolveTarget({ cliSku: 'Antman_00EEA', file: spec, props: [] })).toEqual({
      sku: 'Antman_00EEA', market: 'EU', resolvedBy: { key: '--sku', value: 'Antman_00EEA', from: 'cli' }, tried: ['--sku'], unmapped: [],
    });
    expect(resolveTarget({ cliSku: '600RU', file: spec, props: [] })).toEqual({ sku: '600RU', tried: ['--sku'], unmapped: [] });
    expect(resolveTarget({ cliSku: '600E0', props: [] })).toEqual({ sku: '600E0', tried: ['--sku'], unmapped: [] });
  });

  it('tries sku-from keys in order; the last definition of a key in load order wins', () => {
    const props = [
      prop('ro.product.name', 'Onyx_00WW', 'system/build.prop', 20),
      prop('ro.cda.skuid.id', '600WW', 'vendor/build.prop', 3),
      prop('ro.cda.skuid.id', '600E0', 'vendor/build.prop', 12),
    ];
    expect(resolveTarget({ file: spec, props })).toEqual({
      sku: '600E0', market: 'EU',
      resolvedBy: { key: 'ro.cda.skuid.id', value: '600E0', file: 'vendor/build.prop', line: 12, from: 'property' },
      tried: ['ro.cda.skuid.id'], unmapped: [],
    });
    // An earlier definition that maps does not count when a later one overrides it.
    const overridden = [prop('ro.cda.skuid.id', '600E0', 'system/build.prop', 5), prop('ro.cda.skuid.id', '600RU', 'vendor/build.prop', 7), prop('ro.product.name', 'Onyx_00EEA', 'system/build.prop', 9)];
    expect(resolveTarget({ file: spec, props: overridden })).toEqual({
      sku: 'Onyx_00EEA', market: 'EU',
      resolvedBy: { key: 'ro.product.name', value: 'Onyx_00EEA', file: 'system/build.prop', line: 9, from: 'property' },
      tried: ['ro.cda.skuid.id', 'ro.product.name'],
      unmapped: [{ key: 'ro.cda.skuid.id', value: '600RU', file: 'vendor/build.prop', line: 7 }],
    });
  });

  it('records a per-SKU init file as the deciding source', () => {
    const props = [prop('ro.product.name', 'Onyx_00FR2', 'vendor/etc/init/init.sku.600FR.rc', 4)];
    expect(resolveTarget({ file: layered, props }).resolvedBy).toEqual({ key: 'ro.product.name', value: 'Onyx_00FR2', file: 'vendor/etc/init/init.sku.600FR.rc', line: 4, from: 'sku-file' });
    expect(resolveTarget({ file: layered, props }).market).toBe('FR');
  });

  it('unresolved: market undefined, naming the keys tried', () => {
    const props = [prop('ro.product.name', 'Antman_00RU')];
    expect(resolveTarget({ file: spec, props })).toEqual({
      tried: ['ro.cda.skuid.id', 'ro.product.name'],
      unmapped: [{ key: 'ro.product.name', value: 'Antman_00RU', file: 'vendor/build.prop', line: 1 }],
    });
    expect(resolveTarget({ props: [] })).toEqual({ tried: [...DEFAULT_SKU_FROM], unmapped: [] });
  });

  it('uses the default sku-from list without one in the policy (vendor name before product name)', () => {
    const file = parsePolicyText('version: 1\nskus:\n  Antman_00EEA: EU\n  Antman_00WW: WW\n', 'p.yml');
    const props = [prop('ro.product.name', 'Antman_00WW', 'system/build.prop', 3), prop('ro.product.vendor.name', 'Antman_00EEA', 'vendor/etc/init/init.sku.600E0.rc', 2)];
    expect(resolveTarget({ file, props })).toMatchObject({ sku: 'Antman_00EEA', market: 'EU', tried: ['ro.cda.skuid.id', 'ro.product.vendor.name'] });
    expect(DEFAULT_SKU_FROM).toEqual(['ro.cda.skuid.id', 'ro.product.vendor.name', 'ro.product.name', 'ro.product.model.num']);
  });

  it('lastDefinition', () => {
    expect(lastDefinition([prop('a', '1'), prop('b', '2'), prop('a', '3')], 'a')?.value).toBe('3');
    expect(lastDefinition([], 'a')).toBeUndefined();
  });
});
