/**
 * `activation-gate init --from report.json`: a starter policy from a reviewed build. It allows
 * what that build has (its clients, and the endpoints that were unlisted), except clients of a
 * market the SKU must not ship in and the endpoints only they use, which stay denied. Every line
 * carries a comment saying why it is there, so the reviewer can delete what they do not accept.
 * The output is a valid policy file (the tests load it).
 */
import { appendAll } from '../arrays.js';
import { parseBaseline } from '../baseline.js';
import { loadBuiltinCatalog } from '../catalog/load.js';
import type { EndpointKind } from '../facts.js';
import { classifyEndpoint, resolveMarketPolicy, type MarketPolicy } from '../policy/effective.js';
import type { Report, ReportTarget, ResolvedBy } from '../report/model.js';
import { BUILTIN_MARKETS } from '../policy/schema.js';
import { TOOL_VERSION } from '../version.js';

interface MarketPlan {
  targets: string[];
  allowClients: Map<string, string[]>; // id -> why
  deniedClients: Map<string, string[]>;
  hosts: Map<string, string[]>; // host/IP -> why
  sms: Map<string, string[]>;
  skipped: Map<string, string>; // endpoint -> why it is not allowed
}

const q = (s: string) => JSON.stringify(s);

function push(map: Map<string, string[]>, key: string, why: string): void {
  const list = map.get(key) ?? [];
  if (!list.includes(why)) list.push(why);
  map.set(key, list);
}

function where(e: { evidence: { path: string; entry?: string }[] }): string {
  const f = e.evidence[0];
  return f ? `${f.path}${f.entry ? `!/${f.entry}` : ''}` : 'the build';
}

const builtinPolicies = new Map<string, MarketPolicy | undefined>();
function builtinAllows(market: string, kind: EndpointKind, value: string): boolean {
  if (!builtinPolicies.has(market)) {
    builtinPolicies.set(market, (BUILTIN_MARKETS as readonly string[]).includes(market) ? resolveMarketPolicy(undefined, market, loadBuiltinCatalog()) : undefined);
  }
  const p = builtinPolicies.get(market);
  return p !== undefined && classifyEndpoint(p, kind, value).status === 'allowed';
}

/** Writes the starter policy YAML (with comments) from a JSON report's text. */
export function initPolicy(reportText: string, file: string): string {
  parseBaseline(reportText, file); // the same compatibility rules as --baseline
  const report = JSON.parse(reportText) as Report;
  const markets = new Map<string, MarketPlan>();
  const skus: { sku: string; market: string; why: string }[] = [];
  const unresolved: string[] = [];
  const cliOnly: string[] = []; // scanned with --market and no SKU property found
  for (const t of report.targets as ReportTarget[]) {
    if (!t.market) {
      unresolved.push(`${t.id} (tried ${(t.build.tried ?? []).join(', ') || 'nothing'})`);
      continue;
    }
    const plan: MarketPlan = markets.get(t.market) ?? { targets: [], allowClients: new Map(), deniedClients: new Map(), hosts: new Map(), sms: new Map(), skipped: new Map() };
    markets.set(t.market, plan);
    plan.targets.push(t.id);
    const r = t.build.resolvedBy;
    const reading = (b: ResolvedBy, value: string) => `${b.key}=${b.value ?? value}${b.file ? ` (${b.file}${b.line ? `:${b.line}` : ''})` : ''}`;
    if (t.sku && r?.from !== 'cli') skus.push({ sku: t.sku, market: t.market, why: `${t.id}${r ? `: ${reading(r, t.sku)}` : ''}` });
    else if (r?.from === 'cli') {
      // Scanned with --market: the SKU its own properties name (or its per-SKU target's SKU) is
      // mapped to that market, so the same build resolves without --market from now on.
      const own = t.build.skuProperty;
      if (own?.value) skus.push({ sku: own.value, market: t.market, why: `${t.id}: ${reading(own, own.value)}; market from --market ${t.market}` });
      else if (t.sku) skus.push({ sku: t.sku, market: t.market, why: `${t.id}: per-SKU target; market from --market ${t.market}` });
      else cliOnly.push(t.id);
    }
    const denied = new Set<string>();
    for (const c of t.clients) {
      if (c.suspected) continue; // not catalogued: its endpoints below decide
      if (c.allowed) push(plan.allowClients, c.id, `${c.market} client${c.package ? ` ${c.package}` : ''} present in ${t.id} (matched by ${c.matchedBy.join(', ')})`);
      else {
        denied.add(c.id);
        push(plan.deniedClients, c.id, `${c.market} client${c.package ? ` ${c.package}` : ''} in ${t.id}: wrong market, left out on purpose`);
      }
    }
    for (const e of t.endpoints) {
      const key = e.value;
      // Denied on purpose, ignored and dormant endpoints stay out; allowed ones only when the
      // built-in market does not already allow them (they were allowed by the reviewed run's policy).
      if (e.status !== 'unlisted' && e.status !== 'allowed') continue;
      if (e.status === 'allowed' && builtinAllows(t.market, e.kind, e.value)) continue;
      if (e.packages?.length && e.packages.every((p) => denied.has(p))) {
        plan.skipped.set(`${e.kind} ${key}`, `used only by ${e.packages.join(', ')}, a client ${t.market} does not allow`);
        continue;
      }
      const why = `${e.status === 'allowed' ? 'allowed by the reviewed policy; ' : ''}${e.packages?.length ? `in client ${e.packages.join(', ')}: ` : ''}${where(e)}${e.cleartext ? ' (cleartext)' : ''}`;
      if (e.kind === 'sms') push(plan.sms, key, why);
      else push(plan.hosts, key, why);
    }
  }

  const out: string[] = [
    `# Starter policy written by \`activation-gate init --from ${file}\` (activation-gate ${TOOL_VERSION},`,
    `# catalog ${report.tool?.catalogVersion ?? 'unknown'}). It allows what the reviewed build has, except clients of`,
    '# a market its SKU must not ship in (and endpoints only those clients use), which stay denied.',
    '# Each line says why it is here: delete what you do not accept, then commit it as',
    '# .github/activation-gate.yml. Reference: README.md, "The policy file".',
    'version: 1',
    'markets:',
  ];
  const names = [...markets.keys()].sort();
  if (names.length === 0) out[out.length - 1] = 'markets: {}';
  for (const m of names) {
    const p = markets.get(m)!;
    out.push(`  ${m}:`);
    if ((BUILTIN_MARKETS as readonly string[]).includes(m)) {
      out.push(`    # ${m} built in: ${m === 'CN' ? 'allows the catalogued China-market clients and their endpoints' : 'denies China-market clients and their hosts and SMS numbers'}.`);
      out.push(`    extends: builtin:${m}`);
    }
    out.push(`    # Targets of the reviewed build in ${m}: ${p.targets.join(', ')}.`);
    out.push('    clients:');
    out.push('      # An allow list: any other catalogued client in this market is a violation until added here.');
    if (p.allowClients.size === 0) out.push('      allow: []   # no catalogued client was present and allowed');
    else {
      out.push('      allow:');
      for (const [id, why] of [...p.allowClients.entries()].sort()) out.push(`        - ${q(id)}   # ${why.join('; ')}`);
    }
    for (const [id, why] of [...p.deniedClients.entries()].sort()) out.push(`      # not allowed: ${id} (${why.join('; ')})`);
    out.push('    endpoints:');
    if (p.hosts.size === 0) out.push('      allow: []   # nothing was unlisted');
    else {
      out.push('      allow:');
      for (const [h, why] of [...p.hosts.entries()].sort()) out.push(`        - ${q(h)}   # ${why.slice(0, 3).join('; ')}${why.length > 3 ? `; and ${why.length - 3} more` : ''}`);
    }
    for (const [k, why] of [...p.skipped.entries()].sort()) out.push(`      # not allowed: ${k} (${why})`);
    out.push('      unlisted: warning              # any other endpoint in the build: reviewed as inventory');
    out.push('      unlisted-in-clients: error     # a new endpoint inside an activation client fails the build');
    if (p.sms.size > 0) {
      out.push('    sms:');
      out.push('      allow:');
      for (const [n, why] of [...p.sms.entries()].sort()) out.push(`        - ${q(n)}   # ${why.slice(0, 3).join('; ')}`);
    }
  }
  // One market per SKU: the first resolution kept, a disagreement said (a reviewer picks).
  const bySku = new Map<string, (typeof skus)[number]>();
  const disagree: string[] = [];
  for (const s of skus) {
    const seen = bySku.get(s.sku);
    if (!seen) bySku.set(s.sku, s);
    else if (seen.market !== s.market) disagree.push(`# SKU ${q(s.sku)} is ${seen.market} above but ${s.market} in ${s.why}: keep the right one`);
  }
  const uniqueSkus = [...bySku.values()].sort((a, b) => (a.sku < b.sku ? -1 : 1));
  if (uniqueSkus.length) {
    out.push('skus:   # how each SKU of the reviewed build was resolved');
    for (const s of uniqueSkus) out.push(`  ${q(s.sku)}: ${s.market}   # ${s.why}`);
  } else out.push(`skus: {}   # ${cliOnly.length ? 'the reviewed build was scanned with --market and defines none of the sku-from properties: map your SKUs here' : 'no SKU was resolved in the reviewed build: map your SKUs here'}`);
  for (const id of cliOnly) if (uniqueSkus.length) out.push(`# ${id} was scanned with --market and defines none of the sku-from properties: map its SKU here`);
  appendAll(out, disagree);
  for (const u of unresolved) out.push(`# unresolved in the reviewed build: ${u}; add its SKU to skus:`);
  out.push('exemptions: []   # add time-boxed exceptions here (match, markets, reason, owner, expires)');
  return `${out.join('\n')}\n`;
}
