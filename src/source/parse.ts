/**
 * Parsers for the files of an Android source tree that say where a module or package comes
 * from. Pure: text in, declarations out, each with the 1-based line and column of the name.
 *
 * - Makefiles (`*.mk`, `Android.mk`): `PRODUCT_PACKAGES` (also `_DEBUG`/`_ENG`, `+=`, `:=`,
 *   multi-line `\` lists), `PRODUCT_COPY_FILES` (`src:dest`, with `$(TARGET_COPY_OUT_*)`
 *   resolved to the partition) and `LOCAL_MODULE` / `LOCAL_PACKAGE_NAME`.
 * - Blueprint (`Android.bp`): the `name` of every module block, with its module type
 *   (`android_app_import`, `android_app`, `runtime_resource_overlay`, ...).
 * - XML: attribute values and text that are package ids (`com.qualcomm.qti.autoregistration`),
 *   outside comments.
 *
 * Nothing is evaluated: a name behind a variable (`$(MY_APPS)`) or a conditional is read as it
 * stands or skipped, never guessed.
 */

export type DeclarationKind = 'product-packages' | 'copy-files' | 'module' | 'xml';

export interface Declaration {
  kind: DeclarationKind;
  /** Module name, package id, or (copy-files) the installed path `system/etc/x.json`. */
  name: string;
  line: number;
  column: number;
  /** `PRODUCT_PACKAGES`, `LOCAL_MODULE`, `android_app_import`, the XML element... */
  detail: string;
}

// ---------------------------------------------------------------------------------------------
// Makefiles

/** `$(TARGET_COPY_OUT_VENDOR)` -> `vendor`, as the build system sets them for a normal device. */
const COPY_OUT: Record<string, string> = {
  TARGET_COPY_OUT_SYSTEM: 'system',
  TARGET_COPY_OUT_SYSTEM_EXT: 'system_ext',
  TARGET_COPY_OUT_VENDOR: 'vendor',
  TARGET_COPY_OUT_PRODUCT: 'product',
  TARGET_COPY_OUT_PRODUCT_SERVICES: 'product_services',
  TARGET_COPY_OUT_ODM: 'odm',
  TARGET_COPY_OUT_VENDOR_DLKM: 'vendor_dlkm',
  TARGET_COPY_OUT_ODM_DLKM: 'odm_dlkm',
  TARGET_COPY_OUT_SYSTEM_DLKM: 'system_dlkm',
  TARGET_COPY_OUT_OEM: 'oem',
};

const ASSIGNMENT =
  /^\s*(?:(?:override|export)\s+)*(PRODUCT_PACKAGES(?:_DEBUG|_ENG|_DEBUG_ASAN)?|PRODUCT_COPY_FILES|LOCAL_MODULE|LOCAL_PACKAGE_NAME)\s*(\+=|:=|::=|\?=|=)/;

interface Segment {
  text: string;
  line: number;
  /** Column (1-based) of text[0] in the physical line. */
  column: number;
}

/** Physical lines joined into logical lines (`\` continuation), comments removed. */
function logicalLines(text: string): Segment[][] {
  const physical = text.split(/\r\n|\r|\n/);
  const out: Segment[][] = [];
  let current: Segment[] = [];
  let inComment = false;
  for (let i = 0; i < physical.length; i++) {
    let raw = physical[i];
    const trailing = /\\+$/.exec(raw)?.[0].length ?? 0;
    const continued = trailing % 2 === 1;
    if (continued) raw = raw.slice(0, -1);
    if (!inComment) {
      // `#` starts a comment unless escaped (`\#`); the comment runs to the end of the logical line.
      const hash = /(^|[^\\])#/.exec(raw);
      if (hash) {
        raw = raw.slice(0, hash.index + hash[1].length);
        inComment = true;
      }
      current.push({ text: raw, line: i + 1, column: 1 });
    }
    if (!continued) {
      out.push(current);
      current = [];
      inComment = false;
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

interface Token {
  text: string;
  line: number;
  column: number;
}

function tokens(segments: Segment[]): Token[] {
  const out: Token[] = [];
  for (const s of segments) {
    const re = /\S+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s.text))) out.push({ text: m[0], line: s.line, column: s.column + m.index });
  }
  return out;
}

/** A plain module name: no variable reference, function call or pattern. */
function isPlainName(s: string): boolean {
  return /^[A-Za-z0-9_.+@-]+$/.test(s);
}

/** `$(TARGET_COPY_OUT_VENDOR)/etc/x.xml` -> `vendor/etc/x.xml`; undefined when a variable stays. */
export function resolveCopyDest(dest: string): string | undefined {
  const resolved = dest.replace(/\$[({]([A-Z0-9_]+)[)}]/g, (whole, name: string) => COPY_OUT[name] ?? whole);
  if (resolved.includes('$')) return undefined;
  const norm = resolved.replace(/\/+/g, '/').replace(/^\/+/, '');
  return norm === '' ? undefined : norm;
}

export function parseMakefile(text: string): Declaration[] {
  const out: Declaration[] = [];
  for (const logical of logicalLines(text)) {
    if (logical.length === 0) continue;
    const m = ASSIGNMENT.exec(logical[0].text);
    if (!m) continue;
    const variable = m[1];
    const first: Segment = { ...logical[0], text: logical[0].text.slice(m[0].length), column: logical[0].column + m[0].length };
    const toks = tokens([first, ...logical.slice(1)]);
    if (variable === 'LOCAL_MODULE' || variable === 'LOCAL_PACKAGE_NAME') {
      const t = toks[0];
      if (t && toks.length === 1 && isPlainName(t.text)) out.push({ kind: 'module', name: t.text, line: t.line, column: t.column, detail: variable });
      continue;
    }
    if (variable === 'PRODUCT_COPY_FILES') {
      for (const t of toks) {
        const parts = t.text.split(':');
        if (parts.length < 2) continue;
        const dest = resolveCopyDest(parts[1]);
        if (dest) out.push({ kind: 'copy-files', name: dest, line: t.line, column: t.column, detail: variable });
      }
      continue;
    }
    for (const t of toks) {
      if (isPlainName(t.text)) out.push({ kind: 'product-packages', name: t.text, line: t.line, column: t.column, detail: variable });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Blueprint

interface BpToken {
  type: 'ident' | 'string' | 'punct' | 'other';
  value: string;
  line: number;
  column: number;
}

const IDENT = /[A-Za-z_][A-Za-z0-9_.]*/y;

function* blueprintTokens(text: string): Generator<BpToken> {
  let line = 1;
  let lineStart = 0;
  let i = 0;
  const n = text.length;
  const advanceNewlines = (from: number, to: number): void => {
    for (let k = from; k < to; k++) {
      if (text.charCodeAt(k) === 10) {
        line++;
        lineStart = k + 1;
      }
    }
  };
  while (i < n) {
    const c = text[i];
    if (c === '\n') {
      line++;
      lineStart = ++i;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      advanceNewlines(i, stop);
      i = stop;
      continue;
    }
    const column = i - lineStart + 1;
    if (c === '"' || c === '`') {
      let j = i + 1;
      let value = '';
      while (j < n && text[j] !== c) {
        if (c === '"' && text[j] === '\\' && j + 1 < n) {
          value += text[j + 1];
          j += 2;
        } else value += text[j++];
      }
      const startLine = line;
      advanceNewlines(i, j);
      yield { type: 'string', value, line: startLine, column };
      i = j + 1;
      continue;
    }
    IDENT.lastIndex = i;
    const id = IDENT.exec(text);
    if (id) {
      yield { type: 'ident', value: id[0], line, column };
      i += id[0].length;
      continue;
    }
    yield { type: '{}[]():,=+'.includes(c) ? 'punct' : 'other', value: c, line, column };
    i++;
  }
}

/** Every module block's `name`, with the module type. */
export function parseBlueprint(text: string): Declaration[] {
  const out: Declaration[] = [];
  let depth = 0;
  let moduleType: string | undefined;
  let prev: BpToken | undefined;
  let prev2: BpToken | undefined;
  let prev3: BpToken | undefined;
  for (const t of blueprintTokens(text)) {
    if (t.type === 'punct' && (t.value === '{' || t.value === '(' || t.value === '[')) {
      if (depth === 0 && (t.value === '{' || t.value === '(') && prev?.type === 'ident') moduleType = prev.value;
      depth++;
    } else if (t.type === 'punct' && (t.value === '}' || t.value === ')' || t.value === ']')) {
      depth = Math.max(0, depth - 1);
      if (depth === 0) moduleType = undefined;
    } else if (
      t.type === 'string' &&
      depth === 1 &&
      moduleType &&
      prev?.type === 'punct' &&
      (prev.value === ':' || prev.value === '=') &&
      prev2?.type === 'ident' &&
      prev2.value === 'name' &&
      // `name` must start a property: after `{`, `(` or `,`.
      (prev3 === undefined || (prev3.type === 'punct' && ['{', '(', ','].includes(prev3.value)))
    ) {
      if (isPlainName(t.value)) out.push({ kind: 'module', name: t.value, line: t.line, column: t.column, detail: moduleType });
    }
    prev3 = prev2;
    prev2 = prev;
    prev = t;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// XML

const PACKAGE_ID = /^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)+$/;

export function isPackageId(s: string): boolean {
  return PACKAGE_ID.test(s);
}

/**
 * Package ids named in attribute values or text (split at white space, `,`, `;` and `|`),
 * outside comments, CDATA included. The detail is the enclosing element (`allow-in-power-save`).
 */
export function parseXmlPackageIds(text: string): Declaration[] {
  const out: Declaration[] = [];
  // Compiled (binary) XML is build output, not source.
  if (text.slice(0, 8192).includes('\u0000')) return out;
  // Line starts, for offset -> line/column: found when the first package id is (most XML
  // files of a tree name none).
  let starts: number[] | undefined;
  const position = (offset: number): { line: number; column: number } => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
  const emit = (value: string, offset: number, element: string): void => {
    if (!value.includes('.')) return; // a package id has a dot
    const re = /[^\s,;|]+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(value))) {
      if (!isPackageId(m[0])) continue;
      const p = position(offset + m.index);
      out.push({ kind: 'xml', name: m[0], line: p.line, column: p.column, detail: element });
    }
  };
  let i = 0;
  let element = '';
  const n = text.length;
  while (i < n) {
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      const stop = end < 0 ? n : end;
      emit(text.slice(i + 9, stop), i + 9, element);
      i = stop + 3;
      continue;
    }
    if (text[i] === '<') {
      const end = text.indexOf('>', i + 1);
      const stop = end < 0 ? n : end;
      const tag = text.slice(i + 1, stop);
      if (!tag.startsWith('?') && !tag.startsWith('!') && !tag.startsWith('/')) {
        element = /^[^\s/>]+/.exec(tag)?.[0] ?? element;
        // `= "value"` / `= 'value'`: found from the `=`, so a long run without one stays linear.
        const eq = /=\s*(["'])/g;
        let m: RegExpExecArray | null;
        while ((m = eq.exec(tag))) {
          const start = m.index + m[0].length;
          const close = tag.indexOf(m[1], start);
          const end = close < 0 ? tag.length : close;
          emit(tag.slice(start, end), i + 1 + start, element);
          eq.lastIndex = end + 1;
        }
      }
      i = stop + 1;
      continue;
    }
    const next = text.indexOf('<', i);
    const stop = next < 0 ? n : next;
    emit(text.slice(i, stop), i, element);
    i = stop;
  }
  return out;
}
