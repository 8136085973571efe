/**
 * Schema of the activation-client catalog (SPEC section 4). The built-in catalog is validated
 * strictly (every entry named, attributed and referenced); a policy file's `catalog:` entries use
 * the lenient variant, which fills name, vendor and references with defaults. Both produce the
 * same `CatalogEntry`. Unknown keys are errors in both.
 */
import { z } from 'zod';
import {
  CLIENT_ID,
  IP_PATTERN_ALLOWED,
  MARKET_NAME,
  isValidHostname,
  normaliseSms,
  parseIpPattern,
} from '../policy/patterns.js';

/** Builds a strict object whose unknown-key error lists the keys that are allowed. */
export function strictObject<T extends z.ZodRawShape>(shape: T) {
  const keys = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? keys : iss.code === 'invalid_type' ? `a mapping with keys ${keys}` : undefined),
  });
}

export const idSchema = z
  .string({ error: 'a client id (lower-case letters, digits, ".", "_" and "-")' })
  .regex(CLIENT_ID, { error: 'a client id (lower-case letters, digits, ".", "_" and "-")' });

export const marketSchema = z
  .string({ error: 'a market name (EU, CN, WW, ...)' })
  .regex(MARKET_NAME, { error: 'a market name (letters, digits, "_" and "-", starting with a letter)' });

export const packageNameSchema = z
  .string({ error: 'an Android package name (com.example.app)' })
  .regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+$/, { error: 'an Android package name (com.example.app)' });

/** An exact host (the catalog never holds wildcards). */
export const catalogHostSchema = z
  .string({ error: 'a host name (a.b)' })
  .refine((h) => isValidHostname(h), { error: 'a host name (a.b), not an IP, URL or pattern' });

export const catalogIpSchema = z.string({ error: IP_PATTERN_ALLOWED }).refine((v) => {
  const p = parseIpPattern(v);
  return p !== undefined && p.prefix === (p.family === 4 ? 32 : 128) && !v.includes('/');
}, { error: 'a single IPv4 or IPv6 address (124.207.3.53)' });

export const catalogSmsSchema = z
  .string({ error: 'an SMS number as a string of digits (10659401)' })
  .refine((v) => /^[0-9]+$/.test(v) && normaliseSms(v) === v, { error: 'an SMS number as a string of digits (10659401)' });

export const signerSchema = z
  .string({ error: 'a certificate SHA-256 (64 lower-case hex digits)' })
  .regex(/^[0-9a-f]{64}$/, { error: 'a certificate SHA-256 (64 lower-case hex digits)' });

/** `bool/isCnVersion` -> true: the resource (type/name) an overlay or config sets to select a variant. */
export const toggleSchema = z.record(
  z.string().regex(/^(bool|string|integer|prop)\/[A-Za-z_][A-Za-z0-9_.]*$/, {
    error: 'a resource (bool/NAME, string/NAME, integer/NAME) or a system property (prop/NAME)',
  }),
  z.union([z.boolean(), z.string(), z.number()], { error: 'a boolean, string or number' }),
);

export const variantSchema = strictObject({
  id: z.string({ error: 'a variant id (cn, ww, ...)' }).regex(/^[a-z0-9][a-z0-9_-]*$/, { error: 'a variant id (cn, ww, ...)' }),
  market: marketSchema,
  /** The toggle that selects this variant; absent when no toggle is known (a grouping of hosts by market). */
  toggle: toggleSchema.optional(),
  /** The variant in effect when no toggle is set (the APK's own default resources). */
  default: z.boolean({ error: 'true or false' }).optional(),
  hosts: z.array(catalogHostSchema).default([]),
  ips: z.array(catalogIpSchema).default([]),
  sms: z.array(catalogSmsSchema).default([]),
  notes: z.string().optional(),
});

const sharedShape = {
  id: idSchema,
  market: marketSchema,
  /** True when the market family is an informed guess (the reference does not state it). */
  marketUncertain: z.boolean({ error: 'true or false' }).optional(),
  packages: z.array(packageNameSchema).default([]),
  hosts: z.array(catalogHostSchema).default([]),
  /** IP literals the client talks to (a catalog extension of SPEC section 4). */
  ips: z.array(catalogIpSchema).default([]),
  sms: z.array(catalogSmsSchema).default([]),
  signers: z.array(signerSchema).default([]),
  variants: z.array(variantSchema).default([]),
  shares: z.array(idSchema).default([]),
  notes: z.string().optional(),
};

/** A built-in catalog entry: name, vendor and at least one reference are required. */
export const catalogEntrySchema = strictObject({
  ...sharedShape,
  name: z.string({ error: 'a display name' }).min(1, { error: 'a display name' }),
  vendor: z.string({ error: 'the vendor name' }).min(1, { error: 'the vendor name' }),
  references: z.array(z.string().min(1)).min(1, { error: 'at least one reference (URL, repo@commit or "public code: ...")' }),
});

export type CatalogEntry = z.infer<typeof catalogEntrySchema>;
export type CatalogVariant = z.infer<typeof variantSchema>;

/** A policy file's extra entry: only id and market are required. */
export const lenientCatalogEntrySchema = strictObject({
  ...sharedShape,
  name: z.string().min(1).optional(),
  vendor: z.string().min(1).optional(),
  references: z.array(z.string().min(1)).default([]),
}).transform(
  (e): CatalogEntry => ({
    ...e,
    name: e.name ?? e.id,
    vendor: e.vendor ?? 'unspecified',
    references: e.references.length > 0 ? e.references : ['policy file'],
  }),
);

/** A publicly known signing key (the AOSP test keys): an APK signed with it is `test-key-signer`. */
export const testKeySchema = strictObject({
  name: z.string({ error: 'the key name (platform, testkey, ...)' }).min(1, { error: 'the key name (platform, testkey, ...)' }),
  sha256: signerSchema,
  references: z.array(z.string().min(1)).min(1, { error: 'at least one reference' }),
});
export type TestKey = z.infer<typeof testKeySchema>;

export const catalogFileSchema = strictObject({
  version: z.string({ error: 'a catalog version string ("2026.11.0")' }).regex(/^\d{4}\.\d{1,2}\.\d+$/, { error: 'a catalog version (YYYY.MM.N)' }),
  'test-keys': z.array(testKeySchema).default([]),
  clients: z.array(catalogEntrySchema),
});

export interface Catalog {
  version: string;
  entries: CatalogEntry[];
  /** Public test keys (certificate SHA-256): a package signed with one is `test-key-signer`. */
  testKeys?: TestKey[];
}

/** Every host of an entry, its own and its variants'. */
export function allHosts(e: CatalogEntry): string[] {
  return [...e.hosts, ...e.variants.flatMap((v) => v.hosts)];
}
export function allIps(e: CatalogEntry): string[] {
  return [...e.ips, ...e.variants.flatMap((v) => v.ips)];
}
export function allSms(e: CatalogEntry): string[] {
  return [...e.sms, ...e.variants.flatMap((v) => v.sms)];
}

/** Package -> the resource toggle keys (`type/name`, not `prop/...`) of its entries' variants, for the packages of entries that have some. */
export function variantTogglesOf(catalog: Catalog): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of catalog.entries) {
    const keys = [...new Set(e.variants.flatMap((v) => Object.keys(v.toggle ?? {}).filter((k) => !k.startsWith('prop/'))))];
    if (keys.length === 0) continue;
    for (const p of e.packages) out[p] = [...new Set([...(out[p] ?? []), ...keys])].sort();
  }
  return out;
}

