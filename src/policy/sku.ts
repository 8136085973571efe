/**
 * Which SKU and market a target is (SPEC section 5, "SKU resolution"). `--market`/`--sku` decide
 * first; otherwise the policy's `sku-from` property keys are tried in order, each key's value
 * taken as Android would (the last definition in load order wins), and the first value that maps
 * through `skus` decides.
 */
import type { PropEntry } from '../facts.js';
import type { ResolvedBy } from '../report/model.js';
import type { PolicyFile } from './load.js';
import { globToRegExp, isGlob } from './patterns.js';

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
  unmapped: { key: string; value: string; file: string; line: number }[];
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

/** The value Android ends up with for `key`: the last definition in load order. */
export function lastDefinition(props: readonly PropEntry[], key: string): PropEntry | undefined {
  for (let i = props.length - 1; i >= 0; i--) if (props[i].key === key) return props[i];
  return undefined;
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
    };
  }
  if (cliSku) {
    const hit = mapSku(skus, cliSku);
    return hit
      ? { sku: cliSku, market: hit.market, resolvedBy: { key: '--sku', value: cliSku, from: 'cli' }, tried: ['--sku'], unmapped: [] }
      : { sku: cliSku, tried: ['--sku'], unmapped: [] };
  }
  const keys = file?.policy['sku-from'] ?? [...DEFAULT_SKU_FROM];
  const tried: string[] = [];
  const unmapped: TargetResolution['unmapped'] = [];
  for (const key of keys) {
    tried.push(key);
    const prop = lastDefinition(props, key);
    if (!prop) continue;
    const hit = mapSku(skus, prop.value);
    if (!hit) {
      unmapped.push({ key, value: prop.value, file: prop.file, line: prop.line });
      continue;
    }
    return {
      sku: prop.value,
      market: hit.market,
      resolvedBy: { key, value: prop.value, file: prop.file, line: prop.line, from: /(^|\/)init\.sku\.[^/]*\.rc$/.test(prop.file) ? 'sku-file' : 'property' },
      tried,
      unmapped,
    };
  }
  return { tried, unmapped };
}
