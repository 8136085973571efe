/**
 * Loads the built-in catalog (catalog.yml beside this module; the bundle copies it beside
 * dist/index.js, so the relative URL below must stay './catalog.yml') and merges extra entries.
 * `npm run package` also writes dist/catalog.json, the catalog as that YAML validates to
 * (scripts/catalog-json.mjs): read instead of the YAML when it was made from the same bytes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseYamlWithSchema } from '../policy/yaml.js';
import { catalogFileSchema, type Catalog, type CatalogEntry } from './schema.js';

/** Cross-entry rules: unique ids, `shares` naming existing entries. */
export const validatedCatalogFileSchema = catalogFileSchema.superRefine((file, ctx) => {
  const seen = new Map<string, number>();
  file.clients.forEach((e, i) => {
    const first = seen.get(e.id);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['clients', i, 'id'], input: e.id, message: `an id not used before (clients[${first}] has it)` });
    } else seen.set(e.id, i);
  });
  file.clients.forEach((e, i) => {
    e.shares.forEach((s, j) => {
      if (!seen.has(s)) ctx.addIssue({ code: 'custom', path: ['clients', i, 'shares', j], input: s, message: 'the id of another catalog entry' });
      if (s === e.id) ctx.addIssue({ code: 'custom', path: ['clients', i, 'shares', j], input: s, message: 'the id of another catalog entry (not itself)' });
    });
  });
});

export type CatalogFile = z.infer<typeof catalogFileSchema>;

/** Parses catalog YAML text; throws PolicyErrors with file:line:column for any problem. */
export function parseCatalogText(text: string, file: string): Catalog {
  const { data } = parseYamlWithSchema(text, file, validatedCatalogFileSchema);
  return { version: data.version, entries: data.clients, testKeys: data['test-keys'] };
}

let builtin: Catalog | undefined;

/** The catalog shipped with the tool. Cached: the file is read and validated once per process. */
export function loadBuiltinCatalog(): Catalog {
  if (!builtin) {
    const url = new URL('./catalog.yml', import.meta.url);
    const text = readFileSync(url, 'utf8');
    builtin = precompiledCatalog(text, readPrecompiled()) ?? parseCatalogText(text, fileURLToPath(url));
  }
  return { version: builtin.version, entries: builtin.entries.map((e) => structuredClone(e)), testKeys: (builtin.testKeys ?? []).map((k) => ({ ...k })) };
}

/** dist/catalog.json, if there is one (not beside the sources; not when told to ignore it). */
function readPrecompiled(): string | undefined {
  if (process.env.ACTIVATION_GATE_CATALOG_JSON === '0') return undefined; // scripts/catalog-json.mjs
  try {
    return readFileSync(new URL('./catalog.json', import.meta.url), 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The catalog stored in `json` (`{ yamlSha256, catalog }`, written by scripts/catalog-json.mjs
 * from `npm run package`'s own bundle) when it was made from exactly `yamlText`; else undefined
 * and the YAML is parsed. Skips the YAML parser and the schema on every run (~45 ms, most of a
 * small scan's start-up); the schema checked the same bytes when the package was built.
 */
export function precompiledCatalog(yamlText: string, json: string | undefined): Catalog | undefined {
  if (json === undefined) return undefined;
  let data: { yamlSha256?: unknown; catalog?: Catalog };
  try {
    data = JSON.parse(json) as typeof data;
  } catch {
    return undefined;
  }
  if (data.yamlSha256 !== createHash('sha256').update(yamlText).digest('hex')) return undefined;
  const c = data.catalog;
  return c && typeof c.version === 'string' && Array.isArray(c.entries) ? c : undefined;
}

/**
 * `base` with `extra` entries added; an extra entry with the id of an existing one replaces it in
 * place (a later extra list wins over an earlier one). Order: base order, then new ids in order.
 */
export function mergeCatalog(base: Catalog, extra: readonly CatalogEntry[]): Catalog {
  const entries = [...base.entries];
  const index = new Map(entries.map((e, i) => [e.id, i]));
  for (const e of extra) {
    const i = index.get(e.id);
    if (i !== undefined) entries[i] = e;
    else {
      index.set(e.id, entries.length);
      entries.push(e);
    }
  }
  return { version: base.version, entries, ...(base.testKeys ? { testKeys: base.testKeys } : {}) };
}
