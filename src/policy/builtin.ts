/**
 * Built-in market policies (SPEC section 5), computed from the effective catalog so a policy
 * file's extra `catalog:` entries take part: `EU` and `WW` deny China-market clients and the
 * catalogued hosts, IPs and SMS numbers of China-market entries and variants (exact values only:
 * never whole domains such as `*.vnet.cn` or `*.cn`, which would sweep in unrelated services);
 * `CN` allows them. Each built-in allows the endpoints of the catalog clients it permits, except
 * those it denies.
 */
import type { Catalog, CatalogEntry } from '../catalog/schema.js';
import { BUILTIN_MARKETS, type BuiltinMarket, type MarketPolicyEntry } from './schema.js';

export const CHINA_MARKET = 'CN';

/** Whether `market` names the China market: market names are matched regardless of case, as `market:` selectors are. */
const isChina = (market: string): boolean => market.toUpperCase() === CHINA_MARKET;

export function isBuiltinMarket(name: string): name is BuiltinMarket {
  return (BUILTIN_MARKETS as readonly string[]).includes(name);
}

interface Endpoints {
  hosts: string[];
  ips: string[];
  sms: string[];
}

function collect(entries: readonly CatalogEntry[], wanted: (market: string, entry: CatalogEntry) => boolean): Endpoints {
  const out: Endpoints = { hosts: [], ips: [], sms: [] };
  for (const e of entries) {
    for (const p of [e, ...e.variants]) {
      if (!wanted(p.market, e)) continue;
      out.hosts.push(...p.hosts);
      out.ips.push(...p.ips);
      out.sms.push(...p.sms);
    }
  }
  return out;
}

const uniqueSorted = (values: string[]) => [...new Set(values)].sort();

/** The endpoints catalogued for the China market (entries with market CN and CN variants of any entry). */
export function chinaMarketEndpoints(catalog: Catalog): Endpoints {
  const e = collect(catalog.entries, (market) => isChina(market));
  return { hosts: uniqueSorted(e.hosts), ips: uniqueSorted(e.ips), sms: uniqueSorted(e.sms) };
}

/**
 * The built-in policy for `market` (EU, CN or WW) over `catalog`, or undefined for any other name.
 * Lists are sorted and de-duplicated so the effective policy prints the same way every time.
 */
export function builtinMarketPolicy(market: string, catalog: Catalog): MarketPolicyEntry | undefined {
  if (!isBuiltinMarket(market)) return undefined;
  const defaults = { unlisted: 'warning', 'unlisted-in-clients': 'error' } as const;
  if (market === 'CN') {
    const all = collect(catalog.entries, () => true);
    return {
      clients: { deny: [] },
      endpoints: { allow: uniqueSorted([...all.hosts, ...all.ips]), deny: [], ...defaults },
      sms: { allow: uniqueSorted(all.sms), deny: [] },
    };
  }
  // EU and WW: deny China-market clients and endpoints; allow what the permitted clients use.
  const denied = chinaMarketEndpoints(catalog);
  const deniedSet = new Set([...denied.hosts, ...denied.ips, ...denied.sms]);
  const permitted = collect(catalog.entries, (m, entry) => !isChina(m) && !isChina(entry.market));
  return {
    clients: { deny: [`market:${CHINA_MARKET}`] },
    endpoints: {
      allow: uniqueSorted([...permitted.hosts, ...permitted.ips].filter((v) => !deniedSet.has(v))),
      deny: uniqueSorted([...denied.hosts, ...denied.ips]),
      ...defaults,
    },
    sms: { allow: uniqueSorted(permitted.sms.filter((v) => !deniedSet.has(v))), deny: denied.sms },
  };
}
