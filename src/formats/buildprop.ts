/**
 * build.prop and friends: `key=value` lines, `#` comments, and `import <path> [filter]` lines
 * (an entry marked `import`: the path in `key`, the filter in `value`). Every occurrence is kept
 * with its file and line, in file order; callers apply Android's load order and follow imports.
 */
import type { PropEntry } from '../facts.js';

export function parseBuildProp(text: string, file: string): PropEntry[] {
  const out: PropEntry[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line || line.startsWith('#')) continue;
    // init reads `import ` before looking for `=`: the path runs to the next space (only a
    // space: a tab is part of it), and the rest of the line, spaces skipped, is the filter.
    if (line.startsWith('import ')) {
      const rest = line.slice(7).replace(/^\s+/, '');
      const space = rest.indexOf(' ');
      const path = space < 0 ? rest : rest.slice(0, space);
      const filter = space < 0 ? '' : rest.slice(space + 1).replace(/^\s+/, '');
      if (path) out.push({ key: path, value: filter, file, line: i + 1, import: true });
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    if (!/^[A-Za-z0-9_.\-:@]+$/.test(key)) continue;
    out.push({ key, value: line.slice(eq + 1).trim(), file, line: i + 1 });
  }
  return out;
}

/** `setprop key value` lines of an init .rc file (per-SKU `init.sku.<id>.rc`). */
export function parseInitRcSetprops(text: string, file: string): PropEntry[] {
  const out: PropEntry[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*setprop\s+(\S+)\s+(.*?)\s*$/.exec(lines[i]);
    if (m) out.push({ key: m[1], value: m[2].replace(/^"(.*)"$/, '$1'), file, line: i + 1 });
  }
  return out;
}

/**
 * Partition-relative locations of property files, in Android 10 and later's load order (init's
 * PropertyLoadBootDefaults): later files override earlier ones, `ro.` properties too.
 */
export const PROP_LOAD_ORDER: readonly string[] = [
  'system/etc/prop.default',
  'prop.default',
  'default.prop',
  'system/build.prop',
  'system_ext/etc/build.prop',
  'system_ext/build.prop',
  'system_dlkm/etc/build.prop',
  'vendor/default.prop',
  'vendor/build.prop',
  'vendor_dlkm/etc/build.prop',
  'odm_dlkm/etc/build.prop',
  'odm/etc/build.prop',
  // Where /odm/etc/build.prop is not (an odm of Android 9 or earlier), these two.
  'odm/default.prop',
  'odm/build.prop',
  'vendor/odm/etc/build.prop',
  'product/etc/build.prop',
  'product/build.prop',
];

/**
 * The same files in Android 9's order (and 8's, without product): init set each property as it
 * read it, and an `ro.` property could be set once, so the first definition won. AOSP
 * system/core/init/property_service.cpp, pie: property_load_boot_defaults() loads
 * /system/etc/prop.default (else /prop.default, else /default.prop), /product/build.prop,
 * /odm/default.prop, /vendor/default.prop; load_system_props() (init.rc, later) loads
 * /system/build.prop, /odm/build.prop, /vendor/build.prop. From android10 on,
 * property_load_boot_defaults() reads every file into one map first ("in order to always allow
 * properties loaded in the later property files to override the properties in loaded in the
 * earlier property files, regardless of if they are \"ro.\" properties or not"), in
 * PROP_LOAD_ORDER's order. Files Android 9 does not load (system_ext, the *_dlkm and /etc
 * locations of Android 10 and later) come after these: on Android 9 they can decide only a key
 * nothing else sets.
 */
export const PROP_LOAD_ORDER_9: readonly string[] = [
  'system/etc/prop.default',
  'prop.default',
  'default.prop',
  'product/build.prop',
  'odm/default.prop',
  'vendor/default.prop',
  'system/build.prop',
  'odm/build.prop',
  'vendor/build.prop',
];

/** Load-order rank of a property file by its partitionPath, or -1 when it is not one. */
export function propFileRank(partitionPath: string): number {
  return PROP_LOAD_ORDER.indexOf(partitionPath);
}

/** Android 9 load-order rank of a property file by its partitionPath (PROP_LOAD_ORDER_9, then the rest of PROP_LOAD_ORDER), or -1. */
export function propFileRank9(partitionPath: string): number {
  const i = PROP_LOAD_ORDER_9.indexOf(partitionPath);
  if (i >= 0) return i;
  const j = PROP_LOAD_ORDER.indexOf(partitionPath);
  return j < 0 ? -1 : PROP_LOAD_ORDER_9.length + j;
}

/** `init.sku.600E0.rc` -> `600E0`. */
export function skuOfInitRc(fileName: string): string | undefined {
  const m = /^init\.sku\.([A-Za-z0-9_-]+)\.rc$/.exec(fileName);
  return m ? m[1] : undefined;
}
