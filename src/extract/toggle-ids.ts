/**
 * How a variant client's code loads the ids its table gives its resource toggles, one rule for
 * the two places code is read: an APK's classes*.dex (readToggleIds, artifact.ts) and the vdex a
 * preopting build moved them into (readPreoptedCode; joined by evaluation). Pure.
 */
import type { PreoptedCodeFact, ToggleIdFact } from '../facts.js';
import type { DexCode } from '../formats/dex.js';

/** What some code holds of resource ids: the part of a PreoptedCodeFact that evaluation reads. */
export type CodeIds = Pick<PreoptedCodeFact, 'literals' | 'rFields' | 'byName'>;

/** A literal shaped like a resource id (any a table can give): a package byte 0x00-0x7f (0x00: a shared library's) and a type byte. */
const isResourceId = (v: number): boolean => v >>> 24 <= 0x7f && ((v >>> 16) & 0xff) !== 0;

/**
 * What the DEX files `codes` hold of resource ids (readDexCode), for the toggles `keys`: their
 * resource-id literals, the `R$<type>` fields named for a toggle with every value found, and the
 * toggle names of a string table in a DEX that references `getIdentifier`. Sorted.
 */
export function codeIdsOf(codes: readonly DexCode[], keys: readonly string[]): CodeIds {
  const literals = new Set<number>();
  const rFields = new Map<string, Set<number>>();
  const byName = new Set<string>();
  for (const code of codes) {
    for (const v of code.literals) if (isResourceId(v)) literals.add(v);
    for (const key of keys) {
      const values = code.rFields.get(key);
      if (!values) continue;
      const set = rFields.get(key) ?? new Set<number>();
      for (const v of values) set.add(v);
      rFields.set(key, set);
    }
    if (code.getIdentifier) for (const n of code.strings) byName.add(n);
  }
  const ascending = (a: number, b: number): number => a - b;
  return {
    literals: [...literals].sort(ascending),
    rFields: [...rFields].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, v]): [string, number[]] => [k, [...v].sort(ascending)]),
    byName: [...byName].sort(),
  };
}

/**
 * How `code` loads `id`, the id the table gives the toggle `key`: the literal of a const, an
 * `R$<type>` field named for it holding it (any other id such a field holds: `fieldIds`, the
 * table's names swapped), or the name beside getIdentifier. Empty `loads` where none does.
 */
export function toggleIdOf(key: string, id: number, code: readonly CodeIds[]): ToggleIdFact {
  const name = key.slice(key.indexOf('/') + 1);
  const fieldValues = code.flatMap((c) => c.rFields.find(([k]) => k === key)?.[1] ?? []);
  const loads: ToggleIdFact['loads'] = [];
  if (code.some((c) => c.literals.includes(id))) loads.push('const');
  if (fieldValues.includes(id)) loads.push('field');
  if (code.some((c) => c.byName.includes(name))) loads.push('identifier');
  const other = [...new Set(fieldValues.filter((v) => v !== id))];
  return { key, id, loads, ...(other.length ? { fieldIds: other } : {}) };
}
