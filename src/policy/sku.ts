/**
 * Which SKU and market a target is (SPEC section 5, "SKU resolution"). `--market`/`--sku` decide
 * first; otherwise the policy's `sku-from` property keys are tried in order, each key's value
 * taken as Android would (definitionOf: the first definition of an `ro.` property up to Android
 * 9, the last from Android 10 on, the `ro.product.*` names init derives where no file sets
 * them), and the first value that maps through `skus` decides.
 */
import type { PropEntry } from '../facts.js';
import type { ResolvedBy } from '../report/model.js';
import type { PolicyFile } from './load.js';
import { globToRegExp, isGlob } from './patterns.js';
import { PROP_LOAD_ORDER, PROP_LOAD_ORDER_9, RAMDISK_PROP } from '../formats/buildprop.js';

/**
 * Tried when the policy has no `sku-from`. `ro.cda.skuid.id` is the FIH/HMD SKU id (600E0);
 * `ro.product.vendor.name` comes before `ro.product.name` because per-SKU `init.sku.<id>.rc`
 * files set the vendor name (Antman_00EEA) while the system build.prop keeps the build's generic
 * product name (Antman_00WW); `ro.product.model.num` (00E0, 00WW) last.
 */
export const DEFAULT_SKU_FROM = ['ro.cda.skuid.id', 'ro.product.vendor.name', 'ro.product.name', 'ro.product.model.num'] as const;

export interface TargetResolution {
  sku?: string;
  market?: string;
  resolvedBy?: ResolvedBy & { key: string; value: string };
  /** The keys tried, in order (`--sku` when the SKU came from the command line). */
  tried: string[];
  /** Property values seen that did not map through `skus` (for the unresolved-market message). */
  unmapped: { key: string; value: string; file: string; line: number; derivedFrom?: string }[];
  /**
   * Set when the build's Android version is not known (no usable `ro.build.version.sdk`) and
   * Android 9 and earlier's reading of its properties gives another market (or none) than Android
   * 10 and later's: this resolution is Android 10's, `alternatives` Android 9's (resolutionsOf).
   */
  alternatives?: TargetResolution[];
  /** The reading this resolution is, where readings disagree (with `alternatives`). */
  reading?: PropReading;
  /** Why a per-SKU target has no market: each reading's resolution, as they disagree (the target cannot be two markets). */
  conflict?: TargetResolution[];
  /**
   * With --market (and no --sku): the first `sku-from` property the build defines, as its own
   * properties would name its SKU. `init` maps it to that market, so a policy written from a
   * report scanned with --market resolves the same build without it.
   */
  skuProperty?: ResolvedBy & { key: string; value: string };
}

/** Maps a SKU id or property value through `skus`: an exact key beats a glob; among globs the longest pattern wins, then file order. */
export function mapSku(skus: Readonly<Record<string, string>>, value: string): { pattern: string; market: string } | undefined {
  if (Object.prototype.hasOwnProperty.call(skus, value) && !isGlob(value)) return { pattern: value, market: skus[value] };
  let best: { pattern: string; market: string } | undefined;
  for (const [pattern, market] of Object.entries(skus)) {
    if (!isGlob(pattern) || !globToRegExp(pattern).test(value)) continue;
    if (!best || pattern.replace(/[*?]/g, '').length > best.pattern.replace(/[*?]/g, '').length) best = { pattern, market };
  }
  return best;
}

/** The last definition of `key` in `props` (Android 10 and later's load order, PROP_LOAD_ORDER). */
export function lastDefinition(props: readonly PropEntry[], key: string): PropEntry | undefined {
  for (let i = props.length - 1; i >= 0; i--) if (props[i].key === key) return props[i];
  return undefined;
}

/**
 * How init reads property files: up to Android 9 (API 28) it sets each property as it reads it,
 * in PROP_LOAD_ORDER_9's order, and an `ro.` property can be set once (a later definition, in
 * another file or the same one, is refused): the first definition of an `ro.` key wins, the last
 * of any other. From Android 10 (API 29) it reads every file into one map in PROP_LOAD_ORDER's
 * order: the last definition wins, `ro.` or not. (AOSP system/core/init/property_service.cpp,
 * pie's property_load_boot_defaults/load_system_props/PropertySet, android10's
 * property_load_boot_defaults.)
 */
export type PropReading = 'android9' | 'android10';

/** A property's definition as Android reads it; `derivedFrom` when init derived it from another (file and line are that one's). */
export type Definition = PropEntry & { derivedFrom?: string };

const rankOf9 = (p: PropEntry): number => p.rank9 ?? Number.MAX_SAFE_INTEGER;

/**
 * Partitions whose property file moved from `<partition>/build.prop` (and `default.prop`) to
 * `<partition>/etc/build.prop`: init loads one of the two, by its version (AOSP
 * property_service.cpp). Android 10 and 11 load /product/build.prop and /system_ext/build.prop
 * (never their etc/build.prop), and /odm/etc/build.prop where there is one; Android 12 and later
 * (load_properties_from_partition) load `<partition>/etc/build.prop` and the legacy files only
 * where it is missing.
 */
const MOVED_PROP_PARTITIONS = ['system_ext', 'odm', 'product'];
const NOT_IN_ANDROID_10_11 = [RAMDISK_PROP, 'product/etc/build.prop', 'system_ext/etc/build.prop', 'system_dlkm/etc/build.prop', 'vendor_dlkm/etc/build.prop', 'odm_dlkm/etc/build.prop'];

/**
 * The default property files up to Android 11: init loads the first there is of
 * /system/etc/prop.default, /prop.default and /default.prop (pie to android11's
 * property_load_boot_defaults), not the others.
 */
const DEFAULT_PROPS = ['system/etc/prop.default', 'prop.default', 'default.prop'];
/** Android 10's product_services partition (11 renamed it system_ext): only 10 loads its build.prop. */
const PRODUCT_SERVICES_PROP = 'product_services/build.prop';

function otherDefaults(present: ReadonlySet<string>): string[] {
  const first = DEFAULT_PROPS.findIndex((f) => present.has(f));
  return first < 0 ? [] : DEFAULT_PROPS.slice(first + 1);
}

const presentMemo = new WeakMap<readonly PropEntry[], ReadonlySet<string>>();

/** The property files (PropEntry.loadedAs) `props` come from. */
function presentFiles(props: readonly PropEntry[]): ReadonlySet<string> {
  let out = presentMemo.get(props);
  if (!out) {
    const set = new Set<string>();
    for (const p of props) if (p.loadedAs !== undefined) set.add(p.loadedAs);
    presentMemo.set(props, (out = set));
  }
  return out;
}

/** Property files of PROP_LOAD_ORDER that Android 9 (PROP_LOAD_ORDER_9) does not load. */
const ONLY_ANDROID_10: ReadonlySet<string> = new Set(PROP_LOAD_ORDER.filter((f) => !PROP_LOAD_ORDER_9.includes(f)));

const loadedMemo = new WeakMap<readonly PropEntry[], readonly PropEntry[]>();

/**
 * The definitions Android 10 and later read: without those of property files the device's
 * version does not load where the build has both places of a partition's file (by
 * `ro.build.version.sdk`: 29 or 30 is Android 10 or 11; any other or none, 12 and later).
 * Otherwise the last of both would decide, though the device reads only one (a
 * `product/build.prop` saying CN beside the `product/etc/build.prop` an Android 13 device reads).
 */
function loadedFiles(props: readonly PropEntry[]): readonly PropEntry[] {
  const memo = loadedMemo.get(props);
  if (memo) return memo;
  const present = presentFiles(props);
  const sdk = Number(lastDefinition(props, 'ro.build.version.sdk')?.value);
  const skip = new Set<string>();
  const hasOdmEtc = present.has('odm/etc/build.prop') || present.has('vendor/odm/etc/build.prop');
  if (sdk === 29 || sdk === 30) {
    for (const f of NOT_IN_ANDROID_10_11) skip.add(f);
    for (const f of otherDefaults(present)) skip.add(f);
    if (sdk === 30) skip.add(PRODUCT_SERVICES_PROP);
    // Android 10 and 11 read the ODM's etc/build.prop when the vendor is of Android 10 or later
    // (SelinuxGetVendorAndroidVersion; its build's ro.vendor.build.version.sdk here), else its
    // legacy files.
    const vendorSdk = Number(lastDefinition(props, 'ro.vendor.build.version.sdk')?.value);
    if (Number.isInteger(vendorSdk) && vendorSdk <= 28) for (const f of ['odm/etc/build.prop', 'vendor/odm/etc/build.prop']) skip.add(f);
    else if (hasOdmEtc) for (const f of ['odm/build.prop', 'odm/default.prop']) skip.add(f);
  } else {
    // Android 12 and later read prop.default in recovery only (its properties moved to system/build.prop).
    for (const f of DEFAULT_PROPS) skip.add(f);
    skip.add(PRODUCT_SERVICES_PROP);
    for (const part of MOVED_PROP_PARTITIONS) {
      if (present.has(`${part}/etc/build.prop`) || (part === 'odm' && hasOdmEtc)) for (const f of [`${part}/build.prop`, `${part}/default.prop`]) skip.add(f);
    }
  }
  const out = props.some((p) => p.loadedAs !== undefined && skip.has(p.loadedAs)) ? props.filter((p) => p.loadedAs === undefined || !skip.has(p.loadedAs)) : props;
  loadedMemo.set(props, out);
  return out;
}

/** The definition of `key` that holds under `reading` (no derivation). */
function definedIn(props: readonly PropEntry[], key: string, reading: PropReading): PropEntry | undefined {
  if (reading === 'android10') return lastDefinition(loadedFiles(props), key);
  // Android 9's order: by the rank of the file init loaded (PropEntry.rank9; property files outside
  // its order, init.sku setprops and overlay properties after every file), then as listed. The
  // files only Android 10 and later load (system_ext, the /etc and *_dlkm locations, the ramdisk's
  // build.prop) Android 9 does not read.
  const first = key.startsWith('ro.');
  const others = otherDefaults(presentFiles(props));
  let best: PropEntry | undefined;
  for (const p of props) {
    if (p.key !== key) continue;
    if (p.loadedAs !== undefined && (ONLY_ANDROID_10.has(p.loadedAs) || others.includes(p.loadedAs))) continue;
    if (!best || (first ? rankOf9(p) < rankOf9(best) : rankOf9(p) >= rankOf9(best))) best = p;
  }
  return best;
}

/** The names init derives from ro.product.<partition>.<name> when no property file sets them (Android 10 and later). */
const DERIVED_PRODUCT_PROPS = new Set(['ro.product.brand', 'ro.product.device', 'ro.product.manufacturer', 'ro.product.model', 'ro.product.name']);

/**
 * Where init looks for a derived ro.product.* name: `ro.product.property_source_order` when every
 * source it names is allowed (else the default), as property_initialize_ro_product_props does
 * (AOSP property_service.cpp: android10 allows odm, product, product_services, system, vendor,
 * default "product,product_services,odm,vendor,system"; android11 on allows odm, product,
 * system_ext, system, vendor, default "product,odm,vendor,system_ext,system").
 */
function productPropSources(props: readonly PropEntry[], sdk: number | undefined): string[] {
  const q = sdk === 29;
  const allowed = q ? ['odm', 'product', 'product_services', 'system', 'vendor'] : ['odm', 'product', 'system_ext', 'system', 'vendor'];
  const fallback = q ? ['product', 'product_services', 'odm', 'vendor', 'system'] : ['product', 'odm', 'vendor', 'system_ext', 'system'];
  const order = definedIn(props, 'ro.product.property_source_order', 'android10')?.value ?? '';
  if (!order) return fallback;
  const sources = order.split(',');
  return sources.every((s) => allowed.includes(s)) ? sources : fallback;
}

/**
 * The definition of `key` Android ends up with under `reading`. On Android 10 and later an
 * ro.product.{brand,device,manufacturer,model,name} no property file sets is derived at boot from
 * the first non-empty ro.product.<source>.<name> in productPropSources' order: that definition,
 * under `key`, with `derivedFrom` naming it.
 */
export function definitionOf(props: readonly PropEntry[], key: string, reading: PropReading): Definition | undefined {
  const own = definedIn(props, key, reading);
  if (own || reading !== 'android10' || !DERIVED_PRODUCT_PROPS.has(key)) return own;
  const name = key.slice('ro.product.'.length);
  // init derives them while loading the property files, before any .rc file's setprop runs.
  const files = props.filter((p) => !p.file.endsWith('.rc'));
  for (const source of productPropSources(files, sdkIn(props, 'android10'))) {
    const from = definedIn(files, `ro.product.${source}.${name}`, reading);
    if (from && from.value !== '') return { ...from, key, derivedFrom: from.key };
  }
  return undefined;
}

function sdkIn(props: readonly PropEntry[], reading: PropReading): number | undefined {
  const v = definedIn(props, 'ro.build.version.sdk', reading)?.value;
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

/** Partitions' own SDK levels: set from Android 10 on (ro.vendor.build.version.sdk from 8 on). */
const PARTITION_SDKS = ['ro.system.build.version.sdk', 'ro.system_ext.build.version.sdk', 'ro.product.build.version.sdk', 'ro.vendor.build.version.sdk', 'ro.odm.build.version.sdk'];

const readingsMemo = new WeakMap<readonly PropEntry[], PropReading[]>();

/**
 * The readings that may be the device's: by `ro.build.version.sdk` (as each reading resolves it),
 * Android 9 and earlier's (28 or less) or Android 10 and later's; both when it is not set, is not a
 * number, or the two readings give it on different sides of 29.
 */
export function readingsOf(props: readonly PropEntry[]): PropReading[] {
  let out = readingsMemo.get(props);
  if (out) return out;
  const s9 = sdkIn(props, 'android9');
  const s10 = sdkIn(props, 'android10');
  if (s9 !== undefined && s10 !== undefined && s9 <= 28 && s10 <= 28) out = ['android9'];
  else if (s9 !== undefined && s10 !== undefined && s9 >= 29 && s10 >= 29) out = ['android10'];
  else if (s9 === undefined && s10 === undefined && PARTITION_SDKS.some((k) => Number(lastDefinition(props, k)?.value) >= 29)) {
    // Without the system's version (a vendor or product image scanned alone): a partition built
    // for Android 10 or later runs only with a system that new (ro.system.* exists only from 10).
    out = ['android10'];
  } else out = ['android9', 'android10'];
  readingsMemo.set(props, out);
  return out;
}

/**
 * The definitions of `key` the device may have: one per reading readingsOf gives, the same
 * definition once. Callers that must fail closed test each (an overlay enabled, a variant selected
 * by a property, under any of them).
 */
export function definitionsOf(props: readonly PropEntry[], key: string): Definition[] {
  const out: Definition[] = [];
  for (const r of readingsOf(props)) {
    const d = definitionOf(props, key, r);
    if (d && !out.some((o) => o.file === d.file && o.line === d.line && o.value === d.value && o.key === d.key)) out.push(d);
  }
  return out;
}

/** The definition of `key` Android ends up with: under the build's reading (Android 10 and later's when its version is not known). */
export function propertyOf(props: readonly PropEntry[], key: string): Definition | undefined {
  const readings = readingsOf(props);
  return definitionOf(props, key, readings[readings.length - 1]);
}

export function resolveTarget(options: { cliMarket?: string; cliSku?: string; file?: PolicyFile; props: readonly PropEntry[] }): TargetResolution {
  const { cliMarket, cliSku, file, props } = options;
  const skus = file?.policy.skus ?? {};
  if (cliMarket) {
    return {
      ...(cliSku ? { sku: cliSku } : {}),
      market: cliMarket,
      resolvedBy: { key: '--market', value: cliMarket, from: 'cli' },
      tried: [],
      unmapped: [],
      ...(cliSku ? {} : skuPropertyOf(file?.policy['sku-from'] ?? DEFAULT_SKU_FROM, props)),
    };
  }
  if (cliSku) {
    const hit = mapSku(skus, cliSku);
    return hit
      ? { sku: cliSku, market: hit.market, resolvedBy: { key: '--sku', value: cliSku, from: 'cli' }, tried: ['--sku'], unmapped: [] }
      : { sku: cliSku, tried: ['--sku'], unmapped: [] };
  }
  const keys = file?.policy['sku-from'] ?? [...DEFAULT_SKU_FROM];
  const readings = readingsOf(props);
  const [first, ...others] = readings.map((r) => ({ reading: r, resolution: resolveFromProps(keys, skus, props, r) }));
  if (others.length === 0 || others.every((o) => o.resolution.market === first.resolution.market)) {
    // One reading, or readings that agree on the market: Android 10 and later's, the one a build
    // of unknown version most likely is.
    return (others[others.length - 1] ?? first).resolution;
  }
  // The Android version is not known and the readings give different markets (or one gives none):
  // each is a market the device may be in (expandTargets evaluates them all).
  const all = [first, ...others].map((a) => ({ ...a.resolution, reading: a.reading }));
  return { ...all[all.length - 1], alternatives: all.slice(0, -1) };
}

/** Each market a resolution says the device may be in: its alternatives (TargetResolution.alternatives), then itself. */
export function resolutionsOf(r: TargetResolution): TargetResolution[] {
  if (!r.alternatives) return [r];
  const { alternatives, ...own } = r;
  return [...alternatives, own];
}

/** Where a property's value comes from: a per-SKU `init.sku.<id>.rc` file, or a property file. */
function definedBy(file: string): 'sku-file' | 'property' {
  return /(^|\/)init\.sku\.[^/]*\.rc$/.test(file) ? 'sku-file' : 'property';
}

/** The first `sku-from` property the build defines, under its reading (Android 10 and later's when not known). */
function skuPropertyOf(keys: readonly string[], props: readonly PropEntry[]): Pick<TargetResolution, 'skuProperty'> {
  const readings = readingsOf(props);
  for (const key of keys) {
    const d = definitionOf(props, key, readings[readings.length - 1]);
    if (!d || d.value === '') continue;
    return { skuProperty: { key, value: d.value, ...(d.derivedFrom ? { derivedFrom: d.derivedFrom } : {}), file: d.file, line: d.line, from: definedBy(d.file) } };
  }
  return {};
}

/** The first `sku-from` key whose value, as `reading` gives it, maps through `skus`. */
function resolveFromProps(keys: readonly string[], skus: Readonly<Record<string, string>>, props: readonly PropEntry[], reading: PropReading): TargetResolution {
  const tried: string[] = [];
  const unmapped: TargetResolution['unmapped'] = [];
  for (const key of keys) {
    tried.push(key);
    const prop = definitionOf(props, key, reading);
    if (!prop) continue;
    const hit = mapSku(skus, prop.value);
    if (!hit) {
      unmapped.push({ key, value: prop.value, file: prop.file, line: prop.line, ...(prop.derivedFrom ? { derivedFrom: prop.derivedFrom } : {}) });
      // An init .rc file's setprop of `${...}` takes its value at boot (init expands a command's
      // arguments): the device's SKU id is not in the build, so no later key may decide.
      if (prop.file.endsWith('.rc') && prop.value.includes('${')) return { tried, unmapped };
      continue;
    }
    return {
      sku: prop.value,
      market: hit.market,
      resolvedBy: {
        key,
        value: prop.value,
        ...(prop.derivedFrom ? { derivedFrom: prop.derivedFrom } : {}),
        file: prop.file,
        line: prop.line,
        from: definedBy(prop.file),
      },
      tried,
      unmapped,
    };
  }
  return { tried, unmapped };
}
