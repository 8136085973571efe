import { describe, expect, it } from '@jest/globals';
import type { PropEntry } from '../../src/facts.js';
import { loadPolicyFile, parsePolicyText } from '../../src/policy/load.js';
import { DEFAULT_SKU_FROM, definitionOf, lastDefinition, mapSku, readingsOf, resolutionsOf, resolveTarget } from '../../src/policy/sku.js';
import { propFileRank9 } from '../../src/formats/buildprop.js';
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

  it('tries sku-from keys in order; on Android 10 and later the last definition of a key in load order wins', () => {
    const props = [
      prop('ro.build.version.sdk', '29', 'system/build.prop', 2),
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
    const overridden = [prop('ro.build.version.sdk', '30', 'system/build.prop', 2), prop('ro.cda.skuid.id', '600E0', 'system/build.prop', 5), prop('ro.cda.skuid.id', '600RU', 'vendor/build.prop', 7), prop('ro.product.name', 'Onyx_00EEA', 'system/build.prop', 9)];
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

describe('definitions as the build\'s Android version reads them', () => {
  const skus = parsePolicyText('version: 1\nskus:\n  "600E0": EU\n  "600CN": CN\n  "*_00EEA": EU\nsku-from: [ro.cda.skuid.id, ro.product.name]\n', 'p.yml');
  // As assembly (input.ts) gives them: in Android 10's load order, each with its file's Android 9 rank.
  const at = (key: string, value: string, file: string, line: number): PropEntry => ({ key, value, file, line, rank9: propFileRank9(file) });
  const sdk = (v: string) => at('ro.build.version.sdk', v, 'system/build.prop', 1);

  it('Android 9 (sdk 28): the first ro. definition wins, across files (its own order) and within a file; a non-ro key keeps its last', () => {
    const props = [
      sdk('28'),
      at('ro.cda.skuid.id', '600E0', 'system/build.prop', 4),
      at('ro.cda.skuid.id', '600CN', 'system/build.prop', 9),
      at('persist.sku.note', 'a', 'system/build.prop', 10),
      at('ro.cda.skuid.id', '600CN', 'vendor/build.prop', 2),
      at('persist.sku.note', 'b', 'vendor/build.prop', 3),
    ];
    expect(readingsOf(props)).toEqual(['android9']);
    expect(resolveTarget({ file: skus, props })).toEqual({
      sku: '600E0', market: 'EU', resolvedBy: { key: 'ro.cda.skuid.id', value: '600E0', file: 'system/build.prop', line: 4, from: 'property' }, tried: ['ro.cda.skuid.id'], unmapped: [],
    });
    expect(definitionOf(props, 'persist.sku.note', 'android9')?.value).toBe('b');
    // Android 9 loads product/build.prop first of these (Android 10, last): listed last, it still comes first.
    const product = [sdk('28'), at('ro.cda.skuid.id', '600CN', 'system/build.prop', 4), at('ro.cda.skuid.id', '600CN', 'vendor/build.prop', 4), at('ro.cda.skuid.id', '600E0', 'product/build.prop', 1)];
    expect(resolveTarget({ file: skus, props: product }).resolvedBy).toMatchObject({ value: '600E0', file: 'product/build.prop' });
    // The same files on Android 10 and later: the last definition wins, as before.
    expect(resolveTarget({ file: skus, props: [sdk('29'), ...product.slice(1, 3)] }).resolvedBy).toMatchObject({ value: '600CN', file: 'vendor/build.prop' });
    expect(resolveTarget({ file: skus, props: [sdk('30'), ...props.slice(1)] })).toMatchObject({ market: 'CN', resolvedBy: { file: 'vendor/build.prop', line: 2 } });
  });

  it('an unknown Android version: readings that agree resolve once; readings that disagree are each a market the device may be in', () => {
    const agree = [at('ro.cda.skuid.id', '600E0', 'system/build.prop', 4), at('ro.product.name', 'Onyx_00EEA', 'vendor/build.prop', 2)];
    expect(readingsOf(agree)).toEqual(['android9', 'android10']);
    expect(resolveTarget({ file: skus, props: agree })).toMatchObject({ market: 'EU' });
    expect(resolveTarget({ file: skus, props: agree }).alternatives).toBeUndefined();
    const disagree = [at('ro.cda.skuid.id', '600E0', 'system/build.prop', 4), at('ro.cda.skuid.id', '600CN', 'vendor/build.prop', 2)];
    const r = resolveTarget({ file: skus, props: disagree });
    expect(resolutionsOf(r).map((x) => [x.reading, x.market, x.resolvedBy?.file])).toEqual([
      ['android9', 'EU', 'system/build.prop'],
      ['android10', 'CN', 'vendor/build.prop'],
    ]);
    // A version that is not a number is unknown; a vendor built for Android 10+ says the system is too.
    expect(readingsOf([sdk('P'), ...disagree])).toEqual(['android9', 'android10']);
    expect(readingsOf([at('ro.vendor.build.version.sdk', '30', 'vendor/build.prop', 1), ...disagree])).toEqual(['android10']);
    expect(readingsOf([at('ro.vendor.build.version.sdk', '28', 'vendor/build.prop', 1), ...disagree])).toEqual(['android9', 'android10']);
  });

  it('Android 10+: ro.product.name no file sets is derived from ro.product.<source>.name (product, odm, vendor, system_ext, system), recording the source', () => {
    const props = [
      sdk('30'),
      at('ro.product.system.name', 'mainline', 'system/build.prop', 7),
      at('ro.product.vendor.name', '', 'vendor/build.prop', 3),
      at('ro.product.odm.name', 'Onyx_00EEA', 'odm/etc/build.prop', 5),
    ];
    expect(resolveTarget({ file: skus, props })).toEqual({
      sku: 'Onyx_00EEA', market: 'EU',
      resolvedBy: { key: 'ro.product.name', value: 'Onyx_00EEA', derivedFrom: 'ro.product.odm.name', file: 'odm/etc/build.prop', line: 5, from: 'property' },
      tried: ['ro.cda.skuid.id', 'ro.product.name'], unmapped: [],
    });
    // A name a file sets is not derived; nor on Android 9, which has none to derive.
    expect(definitionOf([...props, at('ro.product.name', 'Onyx_00WW', 'system/build.prop', 9)], 'ro.product.name', 'android10')).toMatchObject({ value: 'Onyx_00WW', file: 'system/build.prop' });
    expect(definitionOf([sdk('28'), ...props.slice(1)], 'ro.product.name', 'android9')).toBeUndefined();
    // An unmapped derived value says where it came from.
    expect(resolveTarget({ file: skus, props: props.slice(0, 2) }).unmapped).toEqual([{ key: 'ro.product.name', value: 'mainline', derivedFrom: 'ro.product.system.name', file: 'system/build.prop', line: 7 }]);
  });

  it('ro.product.property_source_order decides the sources (a source init does not allow: the default); Android 10 (sdk 29) has product_services', () => {
    const props = [
      sdk('30'),
      at('ro.product.property_source_order', 'system,vendor', 'system/build.prop', 2),
      at('ro.product.system.name', 'Onyx_00EEA', 'system/build.prop', 7),
      at('ro.product.vendor.name', 'Onyx_00CN', 'vendor/build.prop', 3),
      at('ro.product.product.name', 'Onyx_00WW', 'product/etc/build.prop', 1),
    ];
    expect(definitionOf(props, 'ro.product.name', 'android10')).toMatchObject({ value: 'Onyx_00EEA', derivedFrom: 'ro.product.system.name' });
    const bad = [props[0], at('ro.product.property_source_order', 'system,bogus', 'system/build.prop', 2), ...props.slice(2)];
    expect(definitionOf(bad, 'ro.product.name', 'android10')).toMatchObject({ value: 'Onyx_00WW', derivedFrom: 'ro.product.product.name' });
    const q = [sdk('29'), at('ro.product.product_services.model', 'TA-1234', 'product_services/build.prop', 1), at('ro.product.vendor.model', 'X', 'vendor/build.prop', 1)];
    expect(definitionOf(q, 'ro.product.model', 'android10')).toMatchObject({ value: 'TA-1234', derivedFrom: 'ro.product.product_services.model' });
    expect(definitionOf([sdk('30'), ...q.slice(1)], 'ro.product.model', 'android10')).toMatchObject({ value: 'X', derivedFrom: 'ro.product.vendor.model' });
  });
});
