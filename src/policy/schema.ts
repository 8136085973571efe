/**
 * Schema of the policy file (SPEC section 5). Every key is strict (a typo is an error, never a
 * silently disabled rule) and every pattern is parsed inside the schema, so a bad host pattern,
 * CIDR or SMS pattern is an ordinary schema issue with a path. Types come from z.infer.
 */
import { z } from 'zod';
import { lenientCatalogEntrySchema, marketSchema, strictObject } from '../catalog/schema.js';
import { RULE_IDS } from '../report/model.js';
import {
  CLIENT_SELECTOR_ALLOWED,
  HOST_PATTERN_ALLOWED,
  IP_PATTERN_ALLOWED,
  SMS_PATTERN_ALLOWED,
  parseClientSelector,
  parseHostPattern,
  parseIpPattern,
  parseSmsPattern,
} from './patterns.js';

export const BUILTIN_MARKETS = ['EU', 'CN', 'WW'] as const;
export type BuiltinMarket = (typeof BUILTIN_MARKETS)[number];

export const SEVERITY_SETTINGS = ['off', 'note', 'warning', 'error'] as const;
export const severitySettingSchema = z.enum(SEVERITY_SETTINGS, { error: 'off, note, warning or error' });

const list = <T extends z.ZodType>(item: T, what: string) => z.array(item, { error: `a list of ${what}` });

export const hostPatternSchema = z
  .string({ error: HOST_PATTERN_ALLOWED })
  .refine((v) => parseHostPattern(v) !== undefined, { error: HOST_PATTERN_ALLOWED });

export const ENDPOINT_PATTERN_ALLOWED = `${HOST_PATTERN_ALLOWED}, or ${IP_PATTERN_ALLOWED}`;

/** What is allowed, worded for the mistake at hand (a bad CIDR, a misplaced wildcard, a port...). */
export function endpointPatternProblem(v: string): string | undefined {
  if (parseHostPattern(v) !== undefined || parseIpPattern(v) !== undefined) return undefined;
  const t = v.trim();
  if (/^[0-9.]+(\/.*)?$/.test(t) || (t.includes(':') && /^[0-9a-f:.]+(\/.*)?$/i.test(t))) return IP_PATTERN_ALLOWED;
  if (/^[0-9+ ]+\*?$/.test(t)) return `${ENDPOINT_PATTERN_ALLOWED} (SMS numbers go under sms:)`;
  if (t.includes('*')) return `${HOST_PATTERN_ALLOWED}; a wildcard is allowed only as a leading "*."`;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(t) || /:\d+$/.test(t) || t.includes('/')) return `${HOST_PATTERN_ALLOWED}, without scheme, port or path`;
  return ENDPOINT_PATTERN_ALLOWED;
}

/** `endpoints.allow/deny`: host patterns and IP/CIDR blocks (SMS numbers have their own section). */
export const endpointPatternSchema = z.string({ error: ENDPOINT_PATTERN_ALLOWED }).superRefine((v, ctx) => {
  const problem = endpointPatternProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', input: v, message: problem });
});

export const smsPatternSchema = z
  .union([z.string(), z.number().int().nonnegative()], { error: SMS_PATTERN_ALLOWED })
  .transform((v) => String(v))
  .refine((v) => parseSmsPattern(v) !== undefined, { error: SMS_PATTERN_ALLOWED });

/** exemption `endpoint:`: a host, IP/CIDR or SMS pattern. */
export const anyEndpointPatternSchema = z
  .union([z.string(), z.number().int().nonnegative()], { error: `${ENDPOINT_PATTERN_ALLOWED}, or an SMS number` })
  .transform((v) => String(v))
  .refine((v) => parseHostPattern(v) !== undefined || parseIpPattern(v) !== undefined || parseSmsPattern(v) !== undefined, {
    error: `${ENDPOINT_PATTERN_ALLOWED}, or ${SMS_PATTERN_ALLOWED}`,
  });

export const clientSelectorSchema = z
  .string({ error: CLIENT_SELECTOR_ALLOWED })
  .refine((v) => parseClientSelector(v) !== undefined, { error: CLIENT_SELECTOR_ALLOWED });

export const EXTENDS_ALLOWED = `${BUILTIN_MARKETS.map((m) => `builtin:${m}`).join(', ')} or the name of another market in this file`;
export const extendsSchema = z.string({ error: EXTENDS_ALLOWED }).refine((v) => {
  if (v.startsWith('builtin:')) return (BUILTIN_MARKETS as readonly string[]).includes(v.slice('builtin:'.length));
  return marketSchema.safeParse(v).success;
}, { error: EXTENDS_ALLOWED });

const RULES_ALLOWED = RULE_IDS.join(', ');
export const severityMapSchema = z.partialRecord(z.enum(RULE_IDS, { error: `a rule id: ${RULES_ALLOWED}` }), severitySettingSchema, {
  error: (iss) =>
    // zod 4 reports an unknown key of an enum-keyed record as unrecognized_keys (typed as invalid_key).
    (iss.code as string) === 'unrecognized_keys' || iss.code === 'invalid_key' ? `a rule id: ${RULES_ALLOWED}` : 'a mapping of rule ids to off, note, warning or error',
});

export const marketPolicySchema = strictObject({
  extends: extendsSchema.optional(),
  clients: strictObject({
    /** When given (even empty), every catalogued client not on it is a violation. */
    allow: list(clientSelectorSchema, 'client selectors').optional(),
    deny: list(clientSelectorSchema, 'client selectors').default([]),
  }).optional(),
  endpoints: strictObject({
    allow: list(endpointPatternSchema, 'host patterns or CIDR blocks').default([]),
    deny: list(endpointPatternSchema, 'host patterns or CIDR blocks').default([]),
    unlisted: severitySettingSchema.optional(),
    'unlisted-in-clients': severitySettingSchema.optional(),
  }).optional(),
  sms: strictObject({
    allow: list(smsPatternSchema, 'SMS numbers or patterns').default([]),
    deny: list(smsPatternSchema, 'SMS numbers or patterns').default([]),
  }).optional(),
  severity: severityMapSchema.optional(),
});
export type MarketPolicyEntry = z.infer<typeof marketPolicySchema>;

const DATE_ALLOWED = 'a date YYYY-MM-DD (end of that day UTC)';
export const dateSchema = z.string({ error: DATE_ALLOWED }).refine((v) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}, { error: DATE_ALLOWED });

const PACKAGE_GLOB = 'an Android package name, globs allowed (com.acme.*)';
export const exemptionMatchSchema = strictObject({
  host: hostPatternSchema.optional(),
  endpoint: anyEndpointPatternSchema.optional(),
  package: z.string({ error: PACKAGE_GLOB }).regex(/^[A-Za-z0-9_.*?]+$/, { error: PACKAGE_GLOB }).optional(),
  client: clientSelectorSchema.optional(),
  path: z.string({ error: 'a path glob (system/priv-app/**)' }).min(1, { error: 'a path glob (system/priv-app/**)' }).optional(),
  rule: z.enum(RULE_IDS, { error: RULES_ALLOWED }).optional(),
}).refine((m) => Object.values(m).some((v) => v !== undefined), {
  error: 'at least one of host, endpoint, package, client, path, rule',
});

const nonEmpty = (what: string) => z.string({ error: what }).trim().min(1, { error: what });

export const exemptionSchema = strictObject({
  match: exemptionMatchSchema,
  /** Absent: every market. */
  markets: list(marketSchema, 'market names').optional(),
  reason: nonEmpty('a non-empty reason (why this is acceptable, with a review reference)'),
  owner: nonEmpty('a non-empty owner (a person or team, e.g. @acme/compliance)'),
  expires: dateSchema,
});
export type Exemption = z.infer<typeof exemptionSchema>;

export const SKU_FROM_ALLOWED = 'a list of system property names (ro.cda.skuid.id)';

export const policySchema = strictObject({
  version: z.literal(1, { error: '1' }),
  markets: z.record(marketSchema, marketPolicySchema, { error: 'a mapping of market names to market policies' }).default({}),
  skus: z
    .record(
      z.string().regex(/^[A-Za-z0-9_.*?-]+$/, { error: 'a SKU id or property value, globs allowed' }),
      marketSchema,
      { error: 'a mapping of SKU ids or property values (globs allowed) to market names' },
    )
    .default({}),
  'sku-from': list(z.string({ error: SKU_FROM_ALLOWED }).regex(/^[A-Za-z0-9_.-]+$/, { error: SKU_FROM_ALLOWED }), 'system property names').optional(),
  catalog: list(lenientCatalogEntrySchema, 'catalog entries').default([]),
  exemptions: list(exemptionSchema, 'exemptions').default([]),
}).superRefine((p, ctx) => {
  // Cross-references: a market named anywhere must exist (built in or defined here).
  const known = new Set<string>([...BUILTIN_MARKETS, ...Object.keys(p.markets)]);
  const knownText = [...known].join(', ');
  for (const [name, m] of Object.entries(p.markets)) {
    if (m.extends && !m.extends.startsWith('builtin:')) {
      if (!(m.extends in p.markets)) {
        ctx.addIssue({ code: 'custom', path: ['markets', name, 'extends'], input: m.extends, message: EXTENDS_ALLOWED });
      } else if (m.extends === name) {
        ctx.addIssue({ code: 'custom', path: ['markets', name, 'extends'], input: m.extends, message: `${EXTENDS_ALLOWED} (not the market itself)` });
      }
    }
  }
  // extends cycles, reported once, at the first market of the cycle in file order.
  const names = Object.keys(p.markets);
  for (const start of names) {
    const seen: string[] = [];
    let cur: string | undefined = start;
    while (cur !== undefined && cur in p.markets && !seen.includes(cur)) {
      seen.push(cur);
      const ext: string | undefined = p.markets[cur].extends;
      cur = ext && !ext.startsWith('builtin:') ? ext : undefined;
    }
    if (cur === start && seen.length > 1 && names.indexOf(start) === Math.min(...seen.map((n) => names.indexOf(n)))) {
      ctx.addIssue({
        code: 'custom',
        path: ['markets', start, 'extends'],
        input: p.markets[start].extends,
        message: `a chain of extends without a cycle (found ${[...seen, start].join(' -> ')})`,
      });
    }
  }
  for (const [sku, market] of Object.entries(p.skus)) {
    if (!known.has(market)) ctx.addIssue({ code: 'custom', path: ['skus', sku], input: market, message: `a known market: ${knownText}` });
  }
  p.exemptions.forEach((e, i) =>
    e.markets?.forEach((market, j) => {
      if (!known.has(market)) ctx.addIssue({ code: 'custom', path: ['exemptions', i, 'markets', j], input: market, message: `a known market: ${knownText}` });
    }),
  );
  const ids = new Map<string, number>();
  p.catalog.forEach((e, i) => {
    if (ids.has(e.id)) ctx.addIssue({ code: 'custom', path: ['catalog', i, 'id'], input: e.id, message: `an id not used before in catalog (catalog[${ids.get(e.id)}] has it)` });
    else ids.set(e.id, i);
  });
});

export type Policy = z.infer<typeof policySchema>;
