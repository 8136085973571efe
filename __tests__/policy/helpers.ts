import { readFileSync } from 'node:fs';
import { PolicyErrors } from '../../src/errors.js';

export const FIXTURES = new URL('../fixtures/policies/', import.meta.url);
export const fixturePath = (name: string) => new URL(name, FIXTURES).pathname;
export const fixtureText = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

/** 1-based line of the first line of `text` containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`not in fixture: ${needle}`);
  return i + 1;
}

/** Runs `fn`, expects PolicyErrors, returns its errors as plain objects. */
export function policyErrorsOf(fn: () => unknown): { file: string; line: number; column: number; key: string; found: string; allowed: string }[] {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof PolicyErrors)) throw e;
    return e.errors.map(({ file, line, column, key, found, allowed }) => ({ file, line, column, key, found, allowed }));
  }
  throw new Error('expected PolicyErrors, nothing was thrown');
}
