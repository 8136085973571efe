/**
 * The effective policy of one market: `extends` applied (lists appended), client selectors
 * resolved against the catalog, endpoint patterns compiled. Pure: evaluation asks it questions
 * (classifyEndpoint, isClientAllowed, severityFor) and never sees YAML. Every rule remembers
 * where it was written (`{file, line}`), or that it is built in.
 */
import { mergeCatalog } from '../catalog/load.js';
import type { Catalog, CatalogEntry } from '../catalog/schema.js';
import { PolicyError, PolicyErrors, UsageError } from '../errors.js';
import type { EndpointKind } from '../facts.js';
import type { Location, RuleId, SeveritySetting } from '../report/model.js';
import { builtinMarketPolicy } from './builtin.js';
import { isWritten, locate, type PolicyFile } from './load.js';
import {
  isIpLiteral,
  matchClientSelector,
  matchIpPattern,
  normaliseHost,
  normaliseIp,
  normaliseSms,
  parseClientSelector,
  parseHostPattern,
  parseIpPattern,
  parseSmsPattern,
  type ClientSelector,
  type IpPattern,
} from './patterns.js';
import { BUILTIN_MARKETS, type MarketPolicyEntry } from './schema.js';

/** Where a rule comes from: `builtin:EU`, or a policy file (with the line it is written on). */
export interface RuleOrigin {
  source: string;
  location?: Location;
}

export interface ClientRule extends RuleOrigin {
  selector: string;
  /** Catalog ids the selector covers now (for printing; matching uses the selector itself). */
  ids: string[];
  readonly parsed: ClientSelector;
}

export interface PatternRule extends RuleOrigin {
  pattern: string;
}

export interface Setting<T> extends RuleOrigin {
  value: T;
}

interface CompiledList {
  rules: PatternRule[];
  exactHosts: Map<string, PatternRule>;
  suffixes: Map<string, PatternRule>;
  cidrs: { p: IpPattern; rule: PatternRule }[];
  exactSms: Map<string, PatternRule>;
  smsPrefixes: { prefix: string; rule: PatternRule }[];
}

export interface MarketPolicy {
  market: string;
  /** How the policy was built, base first: `builtin:EU`, `.github/activation-gate.yml#markets.EU`. */
  chain: string[];
  /** Where `markets.<market>` is written, when it comes from a file. */
  location?: Location;
  clients: { allow?: ClientRule[]; deny: ClientRule[] };
  endpoints: { allow: PatternRule[]; deny: PatternRule[] };
  sms: { allow: PatternRule[]; deny: PatternRule[] };
  unlisted: Setting<SeveritySetting>;
  unlistedInClients: Setting<SeveritySetting>;
  severity: Partial<Record<RuleId, Setting<SeveritySetting>>>;
  /** Compiled matchers (internal to this module; not part of the printed policy). */
  readonly compiled: { allow: CompiledList; deny: CompiledList };
}

export interface EndpointClassification {
  status: 'allowed' | 'denied' | 'unlisted';
  rule?: { pattern: string; source: string; location?: Location };
}

export interface ClientDecision {
  allowed: boolean;
  reason: string;
  location?: Location;
  /** Denied by a `market:` selector only, not by its id or a glob of ids. */
  byMarket?: boolean;
}

/** The built-in catalog plus the policy file's `catalog:` entries (same id replaces). */
export function effectiveCatalog(builtin: Catalog, file?: PolicyFile): Catalog {
  return file ? mergeCatalog(builtin, file.policy.catalog) : builtin;
}

/** Built-in market names plus the markets the file defines, in that order, without duplicates. */
export function knownMarkets(file?: PolicyFile): string[] {
  return [...new Set([...BUILTIN_MARKETS, ...Object.keys(file?.policy.markets ?? {})])];
}

interface Layer {
  entry: MarketPolicyEntry;
  source: string;
  /** Present for a file layer: the path of `markets.<M>` and the file. */
  file?: PolicyFile;
  path?: (string | number)[];
}

function findMarketKey(file: PolicyFile | undefined, market: string): string | undefined {
  if (!file) return undefined;
  const names = Object.keys(file.policy.markets);
  return names.find((n) => n === market) ?? names.find((n) => n.toUpperCase() === market.toUpperCase());
}

function layersFor(file: PolicyFile | undefined, market: string, catalog: Catalog, visiting: string[]): Layer[] {
  const key = findMarketKey(file, market);
  if (file && key !== undefined) {
    const entry = file.policy.markets[key];
    const path = ['markets', key];
    const own: Layer = { entry, source: `${file.file}#markets.${key}`, file, path };
    if (!entry.extends) return [own];
    const extendsLoc = locate(file, [...path, 'extends']);
    if (entry.extends.startsWith('builtin:')) {
      const name = entry.extends.slice('builtin:'.length);
      const builtin = builtinMarketPolicy(name, catalog);
      if (!builtin) {
        throw new PolicyErrors([
          new PolicyError({ file: file.file, line: extendsLoc.line, column: extendsLoc.column ?? 1, key: `markets.${key}.extends`, found: JSON.stringify(entry.extends), allowed: BUILTIN_MARKETS.map((m) => `builtin:${m}`).join(', ') }),
        ]);
      }
      return [{ entry: builtin, source: entry.extends }, own];
    }
    if (visiting.includes(entry.extends) || entry.extends === key) {
      throw new PolicyErrors([
        new PolicyError({
          file: file.file,
          line: extendsLoc.line,
          column: extendsLoc.column ?? 1,
          key: `markets.${key}.extends`,
          found: `a cycle (${[...visiting, key, entry.extends].join(' -> ')})`,
          allowed: 'a chain of extends that ends in a built-in market or a market without extends',
        }),
      ]);
    }
    return [...layersFor(file, entry.extends, catalog, [...visiting, key]), own];
  }
  const builtin = builtinMarketPolicy(market.toUpperCase(), catalog);
  if (builtin) return [{ entry: builtin, source: `builtin:${market.toUpperCase()}` }];
  throw new UsageError(`unknown market ${market}; known: ${knownMarkets(file).join(', ')}`);
}

function emptyList(): CompiledList {
  return { rules: [], exactHosts: new Map(), suffixes: new Map(), cidrs: [], exactSms: new Map(), smsPrefixes: [] };
}

function addPattern(list: CompiledList, rule: PatternRule, kind: 'endpoint' | 'sms'): void {
  list.rules.push(rule);
  if (kind === 'sms') {
    const p = parseSmsPattern(rule.pattern);
    if (!p) return;
    if (p.type === 'exact') {
      if (!list.exactSms.has(p.number)) list.exactSms.set(p.number, rule);
    } else list.smsPrefixes.push({ prefix: p.prefix, rule });
    return;
  }
  const host = parseHostPattern(rule.pattern);
  if (host?.type === 'exact') {
    if (!list.exactHosts.has(host.host)) list.exactHosts.set(host.host, rule);
    return;
  }
  if (host?.type === 'suffix') {
    if (!list.suffixes.has(host.suffix)) list.suffixes.set(host.suffix, rule);
    return;
  }
  const ip = parseIpPattern(rule.pattern);
  if (ip) list.cidrs.push({ p: ip, rule });
}

/**
 * Resolves the effective policy of `market`. Without a file entry for it, the built-in policy of
 * that name applies; an unknown market is a UsageError naming the known ones. Client selectors
 * naming an id that is not in `catalog` are PolicyErrors (a typo must not disable a rule).
 */
export function resolveMarketPolicy(file: PolicyFile | undefined, market: string, catalog: Catalog): MarketPolicy {
  const layers = layersFor(file, market, catalog, []);
  const top = layers[layers.length - 1];
  const errors: PolicyError[] = [];

  const clientsAllow: ClientRule[] = [];
  let clientsAllowGiven = false;
  const clientsDeny: ClientRule[] = [];
  const endpoints = { allow: [] as PatternRule[], deny: [] as PatternRule[] };
  const sms = { allow: [] as PatternRule[], deny: [] as PatternRule[] };
  let unlisted: Setting<SeveritySetting> = { value: 'warning', source: 'default' };
  let unlistedInClients: Setting<SeveritySetting> = { value: 'error', source: 'default' };
  const severity: Partial<Record<RuleId, Setting<SeveritySetting>>> = {};

  const markets = new Set([...knownMarkets(file), ...catalog.entries.flatMap((c) => [c.market, ...c.variants.map((v) => v.market)])].map((m) => m.toUpperCase()));
  for (const layer of layers) {
    const at = (...rest: (string | number)[]): Location | undefined => (layer.file && layer.path ? locate(layer.file, [...layer.path, ...rest]) : undefined);
    const origin = (...rest: (string | number)[]): RuleOrigin => {
      const location = at(...rest);
      return location ? { source: layer.file!.file, location } : { source: layer.source };
    };
    const e = layer.entry;
    const clientRule = (selector: string, list: 'allow' | 'deny', i: number): ClientRule => {
      const parsed = parseClientSelector(selector)!;
      const ids = catalog.entries.filter((c) => matchClientSelector(parsed, c)).map((c) => c.id);
      const o = origin('clients', list, i);
      // A typo must not silently disable a rule (SPEC): an exact id no catalog entry has, or a
      // market that neither the catalog nor the policy names (market:China for market:CN), is an
      // error. A glob may name ids to come (acme-*), and selecting none is allowed.
      const unknown =
        parsed.type === 'market' && !markets.has(parsed.market.toUpperCase())
          ? `market:<NAME> of a market the catalog or the policy names (${[...markets].sort().join(', ')})`
          : parsed.type === 'id' && ids.length === 0
            ? `a catalog id (${catalog.entries.length} known, e.g. ${catalog.entries.slice(0, 3).map((c) => c.id).join(', ')}), a glob over ids or market:<NAME>`
            : undefined;
      if (unknown && o.location) {
        errors.push(
          new PolicyError({
            file: o.source,
            line: o.location.line,
            column: o.location.column ?? 1,
            key: `markets.${layer.path![1]}.clients.${list}[${i}]`,
            found: JSON.stringify(selector),
            allowed: unknown,
          }),
        );
      }
      return { selector, ids, parsed, ...o };
    };
    if (e.clients?.allow) {
      clientsAllowGiven = true;
      e.clients.allow.forEach((s, i) => clientsAllow.push(clientRule(s, 'allow', i)));
    }
    e.clients?.deny.forEach((s, i) => clientsDeny.push(clientRule(s, 'deny', i)));
    e.endpoints?.allow.forEach((p, i) => endpoints.allow.push({ pattern: p, ...origin('endpoints', 'allow', i) }));
    e.endpoints?.deny.forEach((p, i) => endpoints.deny.push({ pattern: p, ...origin('endpoints', 'deny', i) }));
    e.sms?.allow.forEach((p, i) => sms.allow.push({ pattern: p, ...origin('sms', 'allow', i) }));
    e.sms?.deny.forEach((p, i) => sms.deny.push({ pattern: p, ...origin('sms', 'deny', i) }));
    if (e.endpoints?.unlisted) unlisted = { value: e.endpoints.unlisted, ...origin('endpoints', 'unlisted') };
    if (e.endpoints?.['unlisted-in-clients']) unlistedInClients = { value: e.endpoints['unlisted-in-clients'], ...origin('endpoints', 'unlisted-in-clients') };
    for (const [rule, value] of Object.entries(e.severity ?? {}) as [RuleId, SeveritySetting][]) {
      severity[rule] = { value, ...origin('severity', rule) };
    }
  }
  if (errors.length > 0) throw new PolicyErrors(errors);

  const compiled = { allow: emptyList(), deny: emptyList() };
  for (const r of endpoints.allow) addPattern(compiled.allow, r, 'endpoint');
  for (const r of endpoints.deny) addPattern(compiled.deny, r, 'endpoint');
  for (const r of sms.allow) addPattern(compiled.allow, r, 'sms');
  for (const r of sms.deny) addPattern(compiled.deny, r, 'sms');
  // Longest SMS prefix first, so the reported rule is the most specific one.
  for (const l of [compiled.allow, compiled.deny]) {
    l.smsPrefixes.sort((a, b) => b.prefix.length - a.prefix.length);
    l.cidrs.sort((a, b) => b.p.prefix - a.p.prefix);
  }

  const topLocation = top.file && top.path && isWritten(top.file, top.path) ? locate(top.file, top.path) : undefined;
  const policy: MarketPolicy = {
    market: top.file && top.path ? String(top.path[1]) : market.toUpperCase(),
    chain: layers.map((l) => l.source),
    ...(topLocation ? { location: topLocation } : {}),
    clients: { ...(clientsAllowGiven ? { allow: clientsAllow } : {}), deny: clientsDeny },
    endpoints,
    sms,
    unlisted,
    unlistedInClients,
    severity,
    compiled,
  };
  Object.defineProperty(policy, 'compiled', { enumerable: false });
  return policy;
}

function lookup(list: CompiledList, kind: EndpointKind, value: string): PatternRule | undefined {
  if (kind === 'sms') {
    const exact = list.exactSms.get(value);
    if (exact) return exact;
    return list.smsPrefixes.find((p) => value.startsWith(p.prefix))?.rule;
  }
  if (kind === 'ip') return list.cidrs.find((c) => matchIpPattern(c.p, value))?.rule;
  const exact = list.exactHosts.get(value);
  if (exact) return exact;
  // `*.a.b` covers x.a.b and y.x.a.b but not a.b: try the suffixes after each label, longest first.
  for (let i = value.indexOf('.'); i >= 0; i = value.indexOf('.', i + 1)) {
    const hit = list.suffixes.get(value.slice(i + 1));
    if (hit) return hit;
  }
  return undefined;
}

/**
 * True when `value` is a host that normalisation leaves as it is and that is no IP literal:
 * lower-case letters, digits, '-' and '.', with a letter or '-' (an IPv4 has neither, an IPv6 has
 * ':'), not ending in '.'. Every host the scanner reports is one, so the evaluation of a build's
 * thousands of endpoints skips the patterns of normaliseIp and normaliseHost.
 */
function isPlainHost(value: string): boolean {
  const n = value.length;
  if (n === 0 || value.charCodeAt(n - 1) === 0x2e) return false;
  let named = false;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || c === 0x2d) named = true;
    else if (!((c >= 0x30 && c <= 0x39) || c === 0x2e)) return false;
  }
  return named;
}

/** Normalises an endpoint value the way the matchers expect; undefined when it is not one. */
export function normaliseEndpoint(kind: EndpointKind, value: string): { kind: EndpointKind; value: string } | undefined {
  if (kind === 'host' && isPlainHost(value)) return { kind, value };
  if (kind === 'sms') {
    const v = normaliseSms(value);
    return v === undefined ? undefined : { kind, value: v };
  }
  const ip = normaliseIp(value);
  if (isIpLiteral(ip)) return { kind: 'ip', value: ip };
  if (kind === 'ip') return undefined;
  return { kind: 'host', value: normaliseHost(value) };
}

/**
 * Classifies a host, IP or SMS number against the market's lists: deny beats allow, whatever
 * their order or specificity; the matching rule (most specific of its list) is returned. Case,
 * port, scheme and SMS prefixes (+86, 0086, spaces) are ignored.
 */
export function classifyEndpoint(policy: MarketPolicy, kind: EndpointKind, value: string): EndpointClassification {
  const n = normaliseEndpoint(kind, value);
  if (!n) return { status: 'unlisted' };
  const toRule = (r: PatternRule) => ({ pattern: r.pattern, source: r.source, ...(r.location ? { location: r.location } : {}) });
  const denied = lookup(policy.compiled.deny, n.kind, n.value);
  if (denied) return { status: 'denied', rule: toRule(denied) };
  const allowed = lookup(policy.compiled.allow, n.kind, n.value);
  if (allowed) return { status: 'allowed', rule: toRule(allowed) };
  return { status: 'unlisted' };
}

/**
 * Whether a catalogued client may ship in the market: denied when any deny selector matches; when
 * an allow list is given, anything not on it is denied; otherwise allowed.
 */
export function isClientAllowed(policy: MarketPolicy, entry: Pick<CatalogEntry, 'id' | 'market'>): ClientDecision {
  const where = (r: RuleOrigin) => (r.location ? `${r.location.file}:${r.location.line}` : r.source);
  // A rule naming the client (its id, a glob of ids) before one naming its market.
  const denies = policy.clients.deny.filter((r) => matchClientSelector(r.parsed, entry));
  const deny = denies.find((r) => !r.selector.startsWith('market:')) ?? denies[0];
  if (deny) {
    return {
      allowed: false,
      reason: `${entry.id} (market ${entry.market}) is denied in ${policy.market} by "${deny.selector}" (${where(deny)})`,
      ...(deny.location ? { location: deny.location } : {}),
      ...(deny.selector.startsWith('market:') ? { byMarket: true } : {}),
    };
  }
  if (policy.clients.allow) {
    const allow = policy.clients.allow.find((r) => matchClientSelector(r.parsed, entry));
    if (allow) {
      return { allowed: true, reason: `${entry.id} is allowed in ${policy.market} by "${allow.selector}" (${where(allow)})`, ...(allow.location ? { location: allow.location } : {}) };
    }
    const first = policy.clients.allow[0];
    return {
      allowed: false,
      reason: `${entry.id} (market ${entry.market}) is not on the client allow list of ${policy.market}`,
      ...(first?.location ? { location: first.location } : policy.location ? { location: policy.location } : {}),
    };
  }
  return { allowed: true, reason: `no client rule of ${policy.market} denies ${entry.id}` };
}

/**
 * The severity setting of `rule` in this market: the `severity:` map first; for
 * `unlisted-endpoint` and `unlisted-client-endpoint` then `endpoints.unlisted` /
 * `endpoints.unlisted-in-clients` (which always have a value); else `fallback`.
 */
export function severityFor(policy: MarketPolicy, rule: RuleId, fallback: SeveritySetting): SeveritySetting {
  const explicit = policy.severity[rule];
  if (explicit) return explicit.value;
  if (rule === 'unlisted-endpoint') return policy.unlisted.value;
  if (rule === 'unlisted-client-endpoint') return policy.unlistedInClients.value;
  return fallback;
}

/** Where the rule deciding `rule`'s severity is written, if in a file (annotation fallback). */
export function severityLocation(policy: MarketPolicy, rule: RuleId): Location | undefined {
  return (policy.severity[rule] ?? (rule === 'unlisted-endpoint' ? policy.unlisted : rule === 'unlisted-client-endpoint' ? policy.unlistedInClients : undefined))?.location;
}

/** A plain, JSON-ready view of the effective policy (for `check-policy --print`). */
export function printableMarketPolicy(policy: MarketPolicy): Record<string, unknown> {
  const rule = (r: PatternRule | ClientRule) => ({
    ...('selector' in r ? { selector: r.selector, ids: r.ids } : { pattern: r.pattern }),
    from: r.location ? `${r.location.file}:${r.location.line}` : r.source,
  });
  return {
    market: policy.market,
    chain: policy.chain,
    clients: { ...(policy.clients.allow ? { allow: policy.clients.allow.map(rule) } : {}), deny: policy.clients.deny.map(rule) },
    endpoints: {
      allow: policy.endpoints.allow.map(rule),
      deny: policy.endpoints.deny.map(rule),
      unlisted: policy.unlisted.value,
      'unlisted-in-clients': policy.unlistedInClients.value,
    },
    sms: { allow: policy.sms.allow.map(rule), deny: policy.sms.deny.map(rule) },
    severity: Object.fromEntries(Object.entries(policy.severity).map(([k, v]) => [k, v!.value])),
  };
}

/** Resolves every market the file defines (and the built-ins), collecting all PolicyErrors. */
export function validatePolicyMarkets(file: PolicyFile, catalog: Catalog): PolicyError[] {
  const errors: PolicyError[] = [];
  for (const market of knownMarkets(file)) {
    try {
      resolveMarketPolicy(file, market, catalog);
    } catch (e) {
      if (e instanceof PolicyErrors) errors.push(...e.errors);
      else throw e;
    }
  }
  const seen = new Set<string>();
  return errors.filter((e) => (seen.has(e.message) ? false : (seen.add(e.message), true)));
}

