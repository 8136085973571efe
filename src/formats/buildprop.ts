import type { PropEntry } from '../facts.js';

/**
 * build.prop and friends, read as init's LoadProperties reads them (AOSP
 * system/core/init/property_service.cpp): `key=value` lines, `#` comments, and `import <path>
 * [filter]` lines (an entry marked `import`: the path in `key`, the filter in `value`). Every
 * occurrence is kept with its file and line, in file order; callers apply Android's load order
 * and follow imports.
 *
 * init walks the file as a C string: a NUL byte ends it (the line that holds it and every line
 * after are not read); it trims only C's whitespace (space, tab, CR, LF, VT, FF), not a no-break
 * space or a byte-order mark; and it sets no property whose name is not a legal property name
 * (IsLegalPropertyName) or whose value is not UTF-8. A line Android does not read is not read
 * here either: otherwise a line init ignores could decide the SKU (a `ro.cda.skuid.id=600CN`
 * after a NUL, or behind a no-break space, made an EU build resolve as CN).
 */
export function parseBuildProp(data: string | Buffer, file: string): PropEntry[] {
  const out: PropEntry[] = [];
  const lines = propLines(data);
  for (let i = 0; i < lines.length; i++) {
    const { text: raw, utf8 } = lines[i];
    const line = trimC(raw);
    if (!line || line.startsWith('#')) continue;
    // init reads `import ` before looking for `=`: the path runs to the next space (only a
    // space: a tab is part of it), and the rest of the line, spaces skipped, is the filter.
    if (line.startsWith('import ')) {
      const rest = trimStartC(line.slice(7));
      const space = rest.indexOf(' ');
      const path = space < 0 ? rest : rest.slice(0, space);
      const filter = space < 0 ? '' : trimStartC(rest.slice(space + 1));
      if (path) out.push({ key: path, value: filter, file, line: i + 1, import: true });
      continue;
    }
    // A value that is not UTF-8 is refused (IsLegalPropertyValue), and so is its line.
    if (!utf8) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = trimEndC(line.slice(0, eq));
    if (!isLegalPropertyName(key)) continue;
    out.push({ key, value: trimStartC(line.slice(eq + 1)), file, line: i + 1 });
  }
  return out;
}

/** C's isspace in the C locale: what init trims (JavaScript's trim also drops U+00A0, U+FEFF, ...). */
const C_SPACE = new Set([' ', '\t', '\n', '\v', '\f', '\r']);

function trimStartC(s: string): string {
  let i = 0;
  while (i < s.length && C_SPACE.has(s[i])) i++;
  return s.slice(i);
}

function trimEndC(s: string): string {
  let j = s.length;
  while (j > 0 && C_SPACE.has(s[j - 1])) j--;
  return s.slice(0, j);
}

const trimC = (s: string): string => trimEndC(trimStartC(s));

/**
 * AOSP IsLegalPropertyName: letters, digits, `_ - @ :` and dots, not first, not last, never two
 * together.
 */
export function isLegalPropertyName(name: string): boolean {
  return /^[A-Za-z0-9_\-@:]+(?:\.[A-Za-z0-9_\-@:]+)*$/.test(name);
}

/** Strict, and keeping a byte-order mark (init does not skip one). */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The lines init reads, split at LF only (a lone CR stays in its line, as init leaves it): those
 * before the line that holds the first NUL. `utf8` is false for a line whose bytes are not UTF-8
 * (its text then has U+FFFD for them).
 */
function propLines(data: string | Buffer): { text: string; utf8: boolean }[] {
  if (typeof data === 'string') {
    const nul = data.indexOf('\0');
    const read = nul < 0 ? data : data.slice(0, data.lastIndexOf('\n', nul) + 1);
    return read.split('\n').map((text) => ({ text, utf8: true }));
  }
  const nul = data.indexOf(0);
  const read = nul < 0 ? data : data.subarray(0, data.lastIndexOf(0x0a, nul) + 1);
  const out: { text: string; utf8: boolean }[] = [];
  for (let from = 0; from <= read.length; ) {
    const lf = read.indexOf(0x0a, from);
    const to = lf < 0 ? read.length : lf;
    const bytes = read.subarray(from, to);
    let text: string;
    let utf8 = true;
    try {
      text = strictUtf8.decode(bytes);
    } catch {
      text = bytes.toString('utf8');
      utf8 = false;
    }
    out.push({ text, utf8 });
    from = to + 1;
  }
  return out;
}

/**
 * `setprop key value` lines of an init .rc file (per-SKU `init.sku.<id>.rc`), read as init reads
 * them (rcLines): a setprop of other than two arguments is refused.
 */
export function parseInitRcSetprops(data: string | Buffer, file: string): PropEntry[] {
  const text = typeof data === 'string' ? data : data.toString('utf8');
  return rcLines(text)
    .filter(({ words }) => words[0] === 'setprop' && words.length === 3)
    .map(({ line, words }) => ({ key: words[1], value: words[2], file, line }));
}

/**
 * The lines of an init .rc file as init reads them (system/core/init/tokenizer.cpp next_token,
 * parser.cpp ParseData): words end at a space, tab or CR; a `#` that starts a word comments out
 * the rest of the line; `"..."` quotes (spaces included, joined to what is around it);
 * backslash escapes (`\n`, `\r`, `\t`, `\\`, any other character as itself; a CR after a
 * backslash dropped) and a backslash at the end of a line continues it (the next line's leading
 * spaces and tabs dropped). A NUL or an unterminated quote ends the text, and the line it is in
 * is not read. Each line's words, with the number of the line it starts on.
 */
export function rcLines(text: string): { line: number; words: string[] }[] {
  const out: { line: number; words: string[] }[] = [];
  let words: string[] = [];
  let start = 1;
  let line = 1;
  let i = 0;
  const n = text.length;
  for (;;) {
    if (i >= n) {
      // init appends a newline to the file: its last line is read.
      if (words.length) out.push({ line: start, words });
      return out;
    }
    const c = text[i];
    if (c === '\0') return out;
    if (c === '\n') {
      if (words.length) out.push({ line: start, words });
      words = [];
      line++;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < n && text[i] !== '\n' && text[i] !== '\0') i++;
      continue;
    }
    if (words.length === 0) start = line;
    let w = '';
    for (;;) {
      if (i >= n) break;
      const d = text[i];
      if (d === '\0' || d === ' ' || d === '\t' || d === '\r' || d === '\n') break;
      if (d === '"') {
        i++;
        for (;;) {
          if (i >= n || text[i] === '\0') return out;
          const q = text[i++];
          if (q === '"') break;
          if (q === '\n') line++;
          w += q;
        }
        continue;
      }
      if (d === '\\') {
        i++;
        if (i >= n || text[i] === '\0') break;
        const e = text[i];
        if (e === '\n' || (e === '\r' && text[i + 1] === '\n')) {
          i += e === '\r' ? 2 : 1;
          line++;
          while (text[i] === ' ' || text[i] === '\t') i++;
          continue;
        }
        i++;
        if (e === 'n') w += '\n';
        else if (e === 'r') w += '\r';
        else if (e === 't') w += '\t';
        else if (e !== '\r') w += e;
        continue;
      }
      w += d;
      i++;
    }
    words.push(w);
  }
}

/**
 * Triggers of the actions init runs at every boot, in the order it queues them (AOSP
 * system/core/init/init.cpp SecondStageMain and rootdir/init.rc's late-init): a `setprop` under
 * one of these alone always runs. One under a property trigger (`on property:ro.boot.x=y`) or
 * an event joined with a property (`on boot && property:...`) runs only on some devices.
 */
const BOOT_STAGES = ['early-init', 'init', 'late-init', 'early-fs', 'fs', 'post-fs', 'late-fs', 'post-fs-data', 'zygote-start', 'early-boot', 'boot'];

/**
 * An init .rc file init loads: in a partition's `etc/init` folder (or its `hw` folder), an
 * `init*.rc` at the root of a ramdisk, an image or a partition, or an APEX's `etc/*.rc`
 * (isApexRc).
 */
export function isInitRc(path: string): boolean {
  // Inside an APEX, only its own etc/*.rc: init reads nothing else of it.
  if (/\.c?apex!\//i.test(path) || /(^|\/)apex\/[^/!]+\//.test(path)) return isApexRc(path);
  return (
    /(^|\/)etc\/init\/(?:hw\/)?[^/]+\.rc$/.test(path) ||
    /(?:^|!\/|(?:^|\/)(?:system|vendor|odm|ramdisk|vendor_ramdisk|root)\/)init(?:\.[^/]*)?\.rc$/.test(path) ||
    isApexRc(path)
  );
}

/**
 * An APEX's own init file (`/apex/<name>/etc/*.rc`: in the APEX's payload, or in a flattened
 * APEX's folder). init reads these once apexd has activated the APEXes, at post-fs-data
 * (perform_apex_config), so their actions of earlier boot stages never run.
 */
export function isApexRc(path: string): boolean {
  return /\.c?apex!\/(?:[^!]*!\/)*etc\/[^/]+\.rc$/i.test(path) || /(^|\/)apex\/[^/!]+\/etc\/[^/]+\.rc$/.test(path);
}

/**
 * The `setprop`s of an init .rc file: `always`, those of `on <stage>` actions (BOOT_STAGES), each
 * with its stage; `conditional`, those of each action with any other trigger (a property
 * trigger, an event joined with one), by action, with its trigger; and its `import` lines. Read
 * as init reads the file (rcLines); a line of another section (`service`, `import`, another
 * `on`) ends the action.
 */
export function initRcSetprops(
  data: string | Buffer,
  file: string,
  apex = isApexRc(file),
): { always: (PropEntry & { stage: number })[]; conditional: { trigger: string; props: PropEntry[] }[]; imports: { path: string; line: number }[] } {
  const imports: { path: string; line: number }[] = [];
  // An APEX's file is read at post-fs-data: the stages before it have run already.
  const firstStage = apex ? BOOT_STAGES.indexOf('zygote-start') : 0;
  const always: (PropEntry & { stage: number })[] = [];
  const conditional: { trigger: string; props: PropEntry[] }[] = [];
  const text = typeof data === 'string' ? data : data.toString('utf8');
  let stage = -1;
  let action: { trigger: string; props: PropEntry[] } | undefined;
  for (const { line, words } of rcLines(text)) {
    if (words[0] === 'on') {
      const at = words.length === 2 ? BOOT_STAGES.indexOf(words[1]) : -1;
      // An event trigger alone of a stage that has run: never.
      stage = at >= firstStage ? at : -1;
      action = at < 0 ? { trigger: words.slice(1).join(' '), props: [] } : undefined;
      if (action) conditional.push(action);
      continue;
    }
    if (words[0] === 'service' || words[0] === 'import') {
      if (words[0] === 'import' && words.length >= 2) imports.push({ path: words[1], line });
      stage = -1;
      action = undefined;
      continue;
    }
    // setprop takes two arguments: with more or fewer, init refuses the command.
    if ((stage < 0 && !action) || words[0] !== 'setprop' || words.length !== 3) continue;
    const entry: PropEntry = { key: words[1], value: words[2], file, line };
    if (action) action.props.push(entry);
    else always.push({ ...entry, stage });
  }
  return { always, conditional: conditional.filter((a) => a.props.length > 0), imports };
}

/** Where the boot ramdisk's build.prop is in PROP_LOAD_ORDER (propFileKey). */
export const RAMDISK_PROP = 'ramdisk/system/etc/ramdisk/build.prop';

/**
 * Partition-relative locations of property files, in Android 10 and later's load order (init's
 * PropertyLoadBootDefaults): later files override earlier ones, `ro.` properties too.
 */
export const PROP_LOAD_ORDER: readonly string[] = [
  // Android 12 and later: the boot ramdisk's build.prop, which first-stage init hands over as
  // /second_stage_resources/system/etc/ramdisk/build.prop (LoadPropertiesFromSecondStageRes),
  // before every other file.
  RAMDISK_PROP,
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
  // Android 10 only (11 renamed the partition system_ext).
  'product_services/build.prop',
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
 * locations of Android 10 and later, the ramdisk's build.prop) decide nothing in Android 9's
 * reading (policy/sku.ts).
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
  return PROP_LOAD_ORDER.indexOf(propFileKey(partitionPath));
}

/**
 * A property file's place in the load orders: its partitionPath, or RAMDISK_PROP for the boot
 * ramdisk's build.prop wherever the ramdisk is (`ramdisk/` of a product-out folder,
 * `BOOT/RAMDISK/` or `INIT_BOOT/RAMDISK/` of target-files, `boot.img!/ramdisk/`); not a recovery
 * ramdisk's (recovery is not how the device boots).
 */
export function propFileKey(partitionPath: string): string {
  return /(^|\/)ramdisk\/system\/etc\/ramdisk\/build\.prop$/i.test(partitionPath) && !/(^|\/)recovery(\.img!)?\//i.test(partitionPath) ? RAMDISK_PROP : partitionPath;
}

/** Android 9 load-order rank of a property file by its partitionPath (PROP_LOAD_ORDER_9, then the rest of PROP_LOAD_ORDER), or -1. */
export function propFileRank9(partitionPath: string): number {
  const i = PROP_LOAD_ORDER_9.indexOf(partitionPath);
  if (i >= 0) return i;
  const j = PROP_LOAD_ORDER.indexOf(propFileKey(partitionPath));
  return j < 0 ? -1 : PROP_LOAD_ORDER_9.length + j;
}

/** `init.sku.600E0.rc` -> `600E0`. */
export function skuOfInitRc(fileName: string): string | undefined {
  const m = /^init\.sku\.([A-Za-z0-9_-]+)\.rc$/.exec(fileName);
  return m ? m[1] : undefined;
}
