/**
 * An overlay's android:resourcesMap (Android 11+), read as idmap2 reads it (AOSP
 * frameworks/base/cmds/idmap2, ResourceMapping::FromApkAssets / CreateResourceMapping): the
 * manifest attribute names an XML resource of the overlay; its value (in resources.arsc) is the
 * path of a compiled XML file in the APK holding
 *
 *     <overlay><item target="bool/isCnVersion" value="@bool/region_flag"/></overlay>
 *
 * Each item overlays the target's resource `target` with `value`: a reference (resolved in the
 * overlay's own table) or an inline value, typed as the file stores it (aapt writes "true" as a
 * boolean, aapt2 keeps it a string). With a map, only the mapped resources are overlaid, not the
 * overlay's resources of the same name.
 *
 * Where idmap2 would fail (no such resource or file, a document it does not parse, a tag or
 * attribute missing) the map is unreadable: the caller fails closed, the overlay may set any
 * resource of its target. A value that cannot be told (a reference into another package, a
 * theme attribute) is kept as `unresolved`: the toggle it sets may be anything.
 */
import type { ResourceValue } from '../facts.js';
import type { ArscTable, ArscValue } from '../formats/arsc.js';
import {
  parseAxml,
  TYPE_ATTRIBUTE,
  TYPE_DYNAMIC_ATTRIBUTE,
  TYPE_DYNAMIC_REFERENCE,
  TYPE_NULL,
  TYPE_REFERENCE,
  TYPE_STRING,
  type AxmlAttribute,
} from '../formats/axml.js';

/** References followed from one value to the next inside the overlay (a bool set to another bool). */
const MAX_REFERENCE_HOPS = 8;
/** Items read from one map, and values they give (references x configurations); a map for an activation toggle holds a handful. */
export const MAX_MAP_ITEMS = 10_000;
export const MAX_MAP_VALUES = 100_000;

export class ResourcesMapError extends Error {}

const hex = (n: number): string => `0x${(n >>> 0).toString(16).padStart(8, '0')}`;

const isReference = (t: number): boolean => t === TYPE_REFERENCE || t === TYPE_DYNAMIC_REFERENCE;

/** The overlay's resource tables, indexed by resource id. */
export class OverlayResources {
  private readonly byId = new Map<number, ArscValue[]>();
  private readonly packageIds = new Set<number>();
  constructor(tables: readonly ArscTable[]) {
    for (const t of tables) {
      for (const p of t.packages) {
        this.packageIds.add(p.id);
        for (const v of p.values) {
          const list = this.byId.get(v.id);
          if (list) list.push(v);
          else this.byId.set(v.id, [v]);
        }
      }
    }
  }
  values(id: number): readonly ArscValue[] {
    return this.byId.get(id >>> 0) ?? [];
  }
  hasPackage(id: number): boolean {
    return this.packageIds.has(id >>> 24);
  }
}

/**
 * The path of the map XML that resource `ref` names in the overlay's tables (its string value;
 * one path for every configuration, else which one the device reads is not told here).
 */
export function mapPathOf(tables: OverlayResources, ref: number): string {
  const values = tables.values(ref);
  if (values.length === 0) throw new ResourcesMapError(`its resource ${hex(ref)} is not in the overlay's resources.arsc`);
  const paths = new Set<string>();
  for (const v of values) {
    if (v.dataType !== TYPE_STRING || typeof v.value !== 'string') throw new ResourcesMapError(`its resource ${hex(ref)} (${v.type}/${v.name}) is not a file`);
    paths.add(v.value);
  }
  if (paths.size > 1) throw new ResourcesMapError(`its resource ${hex(ref)} names a different file by configuration (${[...paths].map((p) => JSON.stringify(p)).join(', ')})`);
  return [...paths][0];
}

/**
 * The target's resources the map XML `buf` sets, under the target's names (`type/name` of
 * `targetPackage`), with their values resolved in the overlay's `tables`. Throws
 * ResourcesMapError where idmap2 would refuse the map.
 */
export function readResourcesMap(buf: Buffer, tables: OverlayResources, targetPackage: string): ResourceValue[] {
  let doc;
  try {
    doc = parseAxml(buf);
  } catch (e) {
    throw new ResourcesMapError(`it does not parse (${e instanceof Error ? e.message : String(e)})`);
  }
  if (doc.plainText) throw new ResourcesMapError('it is text, not compiled XML (Android reads it as a binary XML tree)');
  if (doc.poolError !== undefined) throw new ResourcesMapError(`its string pool cannot be read (${doc.poolError})`);
  const root = doc.elements[0];
  if (!root || root.depth !== 1 || root.name !== 'overlay') throw new ResourcesMapError(`its root element is ${root ? `<${root.name.slice(0, 60)}>` : 'missing'}, not <overlay>`);
  const out: ResourceValue[] = [];
  let items = 0;
  for (const el of doc.elements.slice(1)) {
    if (el.depth === 1) throw new ResourcesMapError(`a second root element <${el.name.slice(0, 60)}>`);
    if (el.name !== 'item') throw new ResourcesMapError(`unexpected tag <${el.name.slice(0, 60)}> in <overlay>`);
    if (++items > MAX_MAP_ITEMS) throw new ResourcesMapError(`more than ${MAX_MAP_ITEMS} items`);
    // idmap2 finds both attributes by their pool name, whatever their namespace.
    const targetAttr = el.attributes.find((a) => a.name === 'target');
    const valueAttr = el.attributes.find((a) => a.name === 'value');
    if (!targetAttr) throw new ResourcesMapError(`<item> (line ${el.lineNumber}) without a "target" attribute`);
    if (!valueAttr) throw new ResourcesMapError(`<item> (line ${el.lineNumber}) without a "value" attribute`);
    const target = targetName(targetAttr, targetPackage);
    if (target === undefined) continue; // a resource of another package: the target has no such resource (idmap2 warns and skips it)
    for (const v of valuesFor(valueAttr, tables)) out.push({ type: target.type, name: target.name, ...v });
    if (out.length > MAX_MAP_VALUES) throw new ResourcesMapError(`its items give more than ${MAX_MAP_VALUES} values`);
  }
  return out;
}

/** `type/name` of the item's target: "bool/isCnVersion", "@bool/isCnVersion", "pkg:bool/isCnVersion". */
function targetName(a: AxmlAttribute, targetPackage: string): { type: string; name: string } | undefined {
  // GetAttributeStringValue: a string, or an integer written as its decimal digits.
  const text = a.type === TYPE_STRING && typeof a.value === 'string' ? a.value : a.type >= 0x10 && a.type <= 0x1f ? String(a.data >>> 0) : undefined;
  if (text === undefined) throw new ResourcesMapError(`<item> target is not a string (type ${hex(a.type)})`);
  let s = text.trim();
  if (s.startsWith('@')) s = s.slice(1);
  const colon = s.indexOf(':');
  if (colon >= 0) {
    if (s.slice(0, colon) !== targetPackage) return undefined;
    s = s.slice(colon + 1);
  }
  const slash = s.indexOf('/');
  if (slash <= 0 || slash === s.length - 1) throw new ResourcesMapError(`<item> target ${JSON.stringify(text.slice(0, 80))} is not type/name`);
  return { type: s.slice(0, slash), name: s.slice(slash + 1) };
}

/** The value(s), per configuration, an item's `value` attribute gives its target. */
function valuesFor(a: AxmlAttribute, tables: OverlayResources): Omit<ResourceValue, 'type' | 'name'>[] {
  if (isReference(a.type)) return resolve(a.data >>> 0, tables, '', 0, { left: MAX_MAP_VALUES });
  return [inline(a.type, a.value)];
}

function inline(type: number, value: AxmlAttribute['value']): Omit<ResourceValue, 'type' | 'name'> {
  if (type === TYPE_ATTRIBUTE || type === TYPE_DYNAMIC_ATTRIBUTE) return { value: String(value), config: '', unresolved: `a theme attribute (${String(value)}): its value depends on the theme` };
  if (type === TYPE_NULL || value === null) return { value: '', config: '', unresolved: 'a null value' };
  if (type > 0x1f || (type > 0x08 && type < 0x10)) return { value: String(value), config: '', unresolved: `a value of unknown type ${hex(type)}` };
  return { value, config: '' };
}

/** Resource `id` of the overlay, in every configuration it has (`config`: the one that led here). */
function resolve(id: number, tables: OverlayResources, config: string, hops: number, budget: { left: number }): Omit<ResourceValue, 'type' | 'name'>[] {
  const found = tables.values(id);
  if ((budget.left -= Math.max(found.length, 1)) < 0) throw new ResourcesMapError(`its references give more than ${MAX_MAP_VALUES} values`);
  if (found.length === 0) {
    const where = tables.hasPackage(id) ? 'no value (a bag, or missing) in the overlay' : 'a resource of another package (the framework or a library), not read here';
    return [{ value: `@${hex(id)}`, config, unresolved: `@${hex(id)} is ${where}` }];
  }
  const out: Omit<ResourceValue, 'type' | 'name'>[] = [];
  for (const v of found) {
    // A value of a configuration reached through one of another: both hold there (fail closed).
    const c = v.config || config;
    if (isReference(v.dataType)) {
      if (hops >= MAX_REFERENCE_HOPS) out.push({ value: String(v.value), config: c, unresolved: `references nested past ${MAX_REFERENCE_HOPS}` });
      else out.push(...resolve(v.data, tables, c, hops + 1, budget));
    } else {
      out.push({ ...inline(v.dataType, v.dataType === TYPE_NULL ? null : v.value), config: c });
    }
  }
  return out;
}
