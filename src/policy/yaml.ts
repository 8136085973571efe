/**
 * YAML with positions: parse a document (keeping every node's line and column), refuse syntax
 * errors, alias bombs and oversized or over-deep documents, validate with a zod schema and turn
 * every issue into a PolicyError that points at the offending node. Used by the policy and the
 * catalog loaders.
 */
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Scalar } from 'yaml';
import type { z } from 'zod';
import { PolicyError, PolicyErrors } from '../errors.js';
import { editDistance } from './patterns.js';

export const MAX_YAML_BYTES = 1024 * 1024;
export const MAX_YAML_DEPTH = 32;
export const MAX_ALIAS_COUNT = 50;

export interface Position {
  line: number;
  column: number;
}

export type PathSegment = string | number;

/** `markets.EU.endpoints.deny[2]`, `skus["*_00EEA"]`: the key format of PolicyError and of positions. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (typeof seg === 'string' && /^[A-Za-z0-9_-]+$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(String(seg))}]`;
  }
  return out;
}

/** A short, one-line rendering of a found value for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the key is missing)';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return `a list (${value.length} item${value.length === 1 ? '' : 's'})`;
  if (typeof value === 'object') return 'a mapping';
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export interface ParsedYaml {
  doc: Document.Parsed;
  value: unknown;
  /** Position of the value node (and, under `key:` + path, of the key node) of every path. */
  positions: Map<string, Position>;
  keyPositions: Map<string, Position>;
}

function pos(lc: LineCounter, offset: number): Position {
  const p = lc.linePos(offset);
  return { line: p.line, column: p.col };
}

/**
 * A policy never needs YAML's number or boolean typing where the text matters: mapping keys are
 * always their source text (`600E0: EU` is the SKU "600E0", not the float 600), and a plain number
 * whose text would not survive a round trip (`008610659401`, `1e3`, `0x1F`) is kept as text.
 */
function keepSourceText(n: Scalar, isKey: boolean): void {
  if (n.type !== 'PLAIN' || typeof n.source !== 'string' || typeof n.value === 'string') return;
  if (isKey || (typeof n.value === 'number' && String(n.value) !== n.source)) n.value = n.source;
}

/**
 * Parses `text`; throws PolicyErrors (all syntax errors at once) for YAML that is not valid, too
 * large, too deep or uses aliases excessively. Returns the plain value and node positions.
 */
export function parseYamlWithPositions(text: string, file: string): ParsedYaml {
  if (Buffer.byteLength(text, 'utf8') > MAX_YAML_BYTES) {
    throw new PolicyErrors([
      new PolicyError({ file, line: 1, column: 1, key: '', found: `${Buffer.byteLength(text, 'utf8')} bytes`, allowed: `a file of at most ${MAX_YAML_BYTES} bytes` }),
    ]);
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: true, uniqueKeys: true, strict: true, version: '1.2' });
  if (doc.errors.length > 0) {
    throw new PolicyErrors(
      doc.errors.map((e) => {
        const p = e.linePos?.[0] ?? pos(lc, e.pos[0]);
        const line = 'line' in p ? p.line : 1;
        const column = 'col' in p ? p.col : 'column' in p ? (p as Position).column : 1;
        const first = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        return new PolicyError({ file, line, column, key: '', found: `invalid YAML (${e.code}: ${first})`, allowed: 'valid YAML' });
      }),
    );
  }

  const positions = new Map<string, Position>();
  const keyPositions = new Map<string, Position>();
  let firstAlias: Position | undefined;
  /** Where each alias name is first used. */
  const aliasAt = new Map<string, Position>();
  let tooDeep: Position | undefined;
  // Iterative walk: a hostile document must not overflow the stack here.
  // A mapping or list written under a key is located at its key (`deny:` rather than its first item).
  const stack: { node: unknown; path: PathSegment[]; keyAt?: Position }[] = [{ node: doc.contents, path: [] }];
  while (stack.length > 0) {
    const { node, path, keyAt } = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    const n = node as Node;
    const key = formatPath(path);
    if (keyAt && (isMap(n) || isSeq(n))) positions.set(key, keyAt);
    else if (n.range) positions.set(key, pos(lc, n.range[0]));
    if (isScalar(n)) keepSourceText(n, false);
    if (isAlias(n)) {
      const at = n.range ? pos(lc, n.range[0]) : { line: 1, column: 1 };
      if (!firstAlias || at.line < firstAlias.line || (at.line === firstAlias.line && at.column < firstAlias.column)) firstAlias = at;
      const known = aliasAt.get(n.source);
      if (!known || at.line < known.line || (at.line === known.line && at.column < known.column)) aliasAt.set(n.source, at);
      continue;
    }
    if (path.length > MAX_YAML_DEPTH) {
      tooDeep ??= n.range ? pos(lc, n.range[0]) : { line: 1, column: 1 };
      continue;
    }
    if (isMap(n)) {
      for (const pair of n.items) {
        if (!isPair(pair)) continue;
        if (isScalar(pair.key)) keepSourceText(pair.key, true);
        const k = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const childPath = [...path, k];
        const childKey = formatPath(childPath);
        const keyNode = pair.key as Node | null;
        const keyAt = keyNode?.range ? pos(lc, keyNode.range[0]) : undefined;
        if (keyAt) keyPositions.set(childKey, keyAt);
        if (pair.value && (pair.value as Node).range) stack.push({ node: pair.value, path: childPath, ...(keyAt ? { keyAt } : {}) });
        else if (keyNode?.range) positions.set(childKey, pos(lc, keyNode.range[0]));
      }
    } else if (isSeq(n)) {
      n.items.forEach((item, i) => stack.push({ node: item, path: [...path, i] }));
    }
  }
  if (tooDeep) {
    throw new PolicyErrors([
      new PolicyError({ file, ...tooDeep, key: '', found: `nesting deeper than ${MAX_YAML_DEPTH} levels`, allowed: `at most ${MAX_YAML_DEPTH} levels of nesting` }),
    ]);
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    const at = firstAlias ?? { line: 1, column: 1 };
    const unresolved = /^Unresolved alias[^:]*: (.*)$/.exec(e.message);
    if (unresolved) {
      // `allow: [*.acme.eu]`: a pattern that starts with `*` is a YAML alias unless it is quoted.
      throw new PolicyErrors([
        new PolicyError({
          file,
          ...(aliasAt.get(unresolved[1]) ?? at),
          key: '',
          found: `\`*${unresolved[1]}\`, which YAML reads as an alias of an anchor \`${unresolved[1]}\` that is not defined`,
          allowed: `a quoted pattern ("*${unresolved[1]}"): a value that starts with \`*\` must be quoted`,
        }),
      ]);
    }
    throw new PolicyErrors([
      new PolicyError({
        file,
        ...at,
        key: '',
        found: 'aliases that expand without bound (a resource exhaustion attack or a mistake)',
        allowed: `anchors and aliases expanding to at most ${MAX_ALIAS_COUNT} nodes per alias`,
      }),
    ]);
  }
  return { doc, value, positions, keyPositions };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg as string];
  }
  return v;
}

/** The nearest recorded position of `path` or of its closest ancestor. */
export function positionOf(parsed: { positions: ReadonlyMap<string, Position> }, path: readonly PropertyKey[]): Position {
  for (let n = path.length; n >= 0; n--) {
    const p = parsed.positions.get(formatPath(path.slice(0, n)));
    if (p) return p;
  }
  return { line: 1, column: 1 };
}

function didYouMean(key: string, allowed: string): string {
  const candidates = allowed
    .split(/[,;:()]\s*|\s+or\s+/)
    .map((c) => c.trim())
    .filter((c) => /^[A-Za-z0-9][A-Za-z0-9_-]+$/.test(c));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(key.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? ` (did you mean ${best}?)` : '';
}

/** Maps every zod issue to a PolicyError at the node it concerns. */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[], parsed: ParsedYaml, file: string): PolicyError[] {
  const errors: PolicyError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) {
        const path = [...issue.path, k];
        const key = formatPath(path);
        const at = parsed.keyPositions.get(key) ?? positionOf(parsed, path);
        const allowed = issue.message;
        errors.push(new PolicyError({ file, ...at, key, found: `unknown key ${JSON.stringify(k)}`, allowed: allowed + didYouMean(k, allowed) }));
      }
      continue;
    }
    if (issue.code === 'invalid_key') {
      const path = [...issue.path];
      const key = formatPath(path);
      const at = parsed.keyPositions.get(key) ?? positionOf(parsed, path);
      errors.push(new PolicyError({ file, ...at, key, found: `key ${JSON.stringify(String(path[path.length - 1]))}`, allowed: issue.issues[0]?.message ?? issue.message }));
      continue;
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0 && issue.message === 'Invalid input') {
      // Report the branch that got furthest.
      const deepest = [...issue.errors].sort((a, b) => Math.max(0, ...b.map((i) => i.path.length)) - Math.max(0, ...a.map((i) => i.path.length)))[0];
      errors.push(...issuesToErrors(deepest.map((i) => ({ ...i, path: [...issue.path, ...i.path] })), parsed, file));
      continue;
    }
    const found = valueAt(parsed.value, issue.path);
    const at = positionOf(parsed, issue.path);
    errors.push(new PolicyError({ file, ...at, key: formatPath(issue.path), found: describeValue(found), allowed: issue.message }));
  }
  return sortErrors(errors);
}

export function sortErrors(errors: PolicyError[]): PolicyError[] {
  return errors.sort((a, b) => a.line - b.line || a.column - b.column || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)); // code units, not the locale
}

/** Parses and validates; throws PolicyErrors carrying every problem. */
export function parseYamlWithSchema<S extends z.ZodType>(text: string, file: string, schema: S): { data: z.output<S>; parsed: ParsedYaml } {
  const parsed = parseYamlWithPositions(text, file);
  const result = schema.safeParse(parsed.value);
  if (!result.success) throw new PolicyErrors(issuesToErrors(result.error.issues, parsed, file));
  return { data: result.data, parsed };
}
