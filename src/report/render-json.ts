/**
 * `--format json` and the Action's `report-file`: the canonical report, byte-identical for the
 * same facts (sorted arrays, fixed key order, 2-space indent, trailing newline, no timestamps
 * other than the deterministic `audit.now`, written only when the policy has exemptions).
 *
 * Written as a stream of pieces, each element of a long list (targets, their endpoints and
 * packages, findings) serialised in turn: as it is when already canonical (evaluation builds
 * findings and endpoints so; CanonicalList.isCanon), else after a canonical copy of it alone. A
 * build with tens of thousands of endpoints never holds a canonical copy of the whole report,
 * nor the whole text. The bytes are exactly `JSON.stringify(sortReport(report), null, 2)` plus a
 * newline (tested).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Report } from './model.js';
import { orderedKeys, REPORT_SHAPE, sorted, toSerialise, withCanonicalMemo, type CanonicalList, type CanonicalShape } from './sort.js';

/** The JSON report as one string (stdout, tests). */
export function renderJson(report: Report): string {
  const parts: string[] = [];
  writeJson(report, (s) => parts.push(s));
  return parts.join('');
}

/** Writes the JSON report to `path` in pieces of about 1 MiB (creating or truncating the file). */
export function writeJsonFile(path: string, report: Report): void {
  writeStreamed(path, (emit) => writeJson(report, emit));
}

/** Writes what `produce` emits to `path` in pieces of about 1 MiB (creating or truncating the file). */
export function writeStreamed(path: string, produce: (emit: (s: string) => void) => void): void {
  const fd = openSync(path, 'w');
  try {
    inPieces(produce, (s) => writeSync(fd, s));
  } finally {
    closeSync(fd);
  }
}

/**
 * Hands what `produce` emits to `out` in pieces of about 1 MiB: a report is never one string,
 * which V8 caps at about 512 MiB (a build of hundreds of thousands of packages could pass it).
 */
export function inPieces(produce: (emit: (s: string) => void) => void, out: (s: string) => void): void {
  let pending: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (pending.length) out(pending.join(''));
    pending = [];
    size = 0;
  };
  produce((s) => {
    pending.push(s);
    size += s.length;
    if (size >= 1 << 20) flush();
  });
  flush();
}

/** Emits the JSON report piece by piece. */
export function writeJson(report: Report, emit: (s: string) => void): void {
  withCanonicalMemo(() => {
    streamObject(report, REPORT_SHAPE, 0, emit);
    emit('\n');
  });
}

const pad = (level: number): string => '  '.repeat(level);

const wrappers = new Map<number, { prefix: number; suffix: number }>();

/**
 * JSON.stringify(value, null, 2) as it reads nested `level` deep: the value is stringified
 * inside `level` one-element arrays, so the engine indents it, and the wrapper is cut off (about
 * twice as fast as re-indenting the text).
 */
export function indentedJson(value: unknown, level: number): string {
  if (level === 0) return JSON.stringify(value, null, 2);
  let w = wrappers.get(level);
  if (!w) {
    let prefix = 0;
    let suffix = 0;
    for (let i = 0; i < level; i++) {
      prefix += 1 + 1 + 2 * (i + 1); // "[" "\n" indent
      suffix += 1 + 2 * i + 1; // "\n" indent "]"
    }
    w = { prefix, suffix };
    wrappers.set(level, w);
  }
  let wrapped: unknown = value;
  for (let i = 0; i < level; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  return text.slice(w.prefix, text.length - w.suffix);
}

function streamObject(obj: object, shape: CanonicalShape, level: number, emit: (s: string) => void): void {
  const keys = orderedKeys(obj, shape.keys);
  if (keys.length === 0) {
    emit('{}');
    return;
  }
  emit('{');
  keys.forEach((k, i) => {
    emit(`${i ? ',' : ''}\n${pad(level + 1)}${JSON.stringify(k)}: `);
    const v = (obj as Record<string, unknown>)[k];
    const list = shape.lists[k];
    if (list && Array.isArray(v)) {
      streamList(v, list, level + 1, emit);
      return;
    }
    const f = shape.map[k] as ((v: unknown) => unknown) | undefined;
    emit(indentedJson(f ? f(v) : v, level + 1));
  });
  emit(`\n${pad(level)}}`);
}

function streamList(list: unknown[], spec: CanonicalList, level: number, emit: (s: string) => void): void {
  const items = sorted(list as never[], spec.compare);
  if (items.length === 0) {
    emit('[]');
    return;
  }
  const shape = spec.shape;
  if (!shape) {
    emitList(canonical(items, spec), level, emit);
    return;
  }
  emit('[');
  items.forEach((x, i) => {
    emit(`${i ? ',' : ''}\n${pad(level + 1)}`);
    streamObject(x as object, shape, level + 1, emit);
  });
  emit(`\n${pad(level)}]`);
}

/** The elements in canonical form (toSerialise), one at a time. */
function* canonical(items: readonly unknown[], spec: CanonicalList): Generator<unknown> {
  for (const x of items) yield toSerialise(spec, x);
}

/** Elements of a long list serialised per engine call. */
const BATCH = 256;

/**
 * Emits the JSON list of `items` as `JSON.stringify(list, null, 2)` writes it `level` deep,
 * BATCH elements per engine call (the list's own text between its brackets), taking the
 * elements one at a time: a long list is never held whole.
 */
export function emitList(items: Iterable<unknown>, level: number, emit: (s: string) => void): void {
  const close = 2 + pad(level).length; // "\n" + indent + "]"
  let batch: unknown[] = [];
  let first = true;
  const flush = (): void => {
    const text = indentedJson(batch, level);
    emit(`${first ? '[' : ','}${text.slice(1, text.length - close)}`);
    first = false;
    batch = [];
  };
  for (const x of items) {
    batch.push(x);
    if (batch.length === BATCH) flush();
  }
  if (batch.length) flush();
  emit(first ? '[]' : `\n${pad(level)}]`);
}
