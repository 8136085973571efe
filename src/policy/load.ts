/**
 * Reads a policy file: YAML with positions, then the zod schema. Every problem becomes a
 * PolicyError (file:line:column, key, found, allowed); all of them are thrown together as
 * PolicyErrors. The result keeps node positions so later stages can point at the line a rule was
 * written on.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PolicyError, PolicyErrors, UsageError } from '../errors.js';
import type { Location } from '../report/model.js';
import { policySchema, type Policy } from './schema.js';
import { formatPath, parseYamlWithSchema, positionOf, type Position } from './yaml.js';

export const DEFAULT_POLICY_PATH = '.github/activation-gate.yml';

export interface PolicyFile {
  /** The path as given (used in messages and locations). */
  file: string;
  /** SHA-256 of the file's bytes (UTF-8 text), for the audit section. */
  sha256: string;
  policy: Policy;
  /** Position of every value node, keyed by formatPath (`markets.EU.endpoints.deny[0]`). */
  positions: ReadonlyMap<string, Position>;
}

/** `{file, line, column}` of the node at `path`, or of its nearest ancestor present in the file. */
export function locate(file: PolicyFile, path: readonly (string | number)[]): Location {
  const p = positionOf(file, path);
  return { file: file.file, line: p.line, column: p.column };
}

/** True when `path` itself was written in the file (not only an ancestor). */
export function isWritten(file: PolicyFile, path: readonly (string | number)[]): boolean {
  return file.positions.has(formatPath(path));
}

/** Parses and validates policy text. Throws PolicyErrors holding every problem found. */
export function parsePolicyText(text: string, file: string): PolicyFile {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const { data, parsed } = parseYamlWithSchema(body, file, policySchema);
  return { file, sha256: createHash('sha256').update(text, 'utf8').digest('hex'), policy: data, positions: parsed.positions };
}

/** Reads and parses a policy file. A missing file is a UsageError; a bad one PolicyErrors. */
export function loadPolicyFile(path: string): PolicyFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') throw new UsageError(`policy file not found: ${path}`);
    if (err.code === 'EISDIR') throw new UsageError(`policy path is a folder, not a file: ${path}`);
    throw new UsageError(`cannot read policy file ${path}: ${err.message}`);
  }
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD') && !Buffer.from(text, 'utf8').equals(bytes)) {
    throw new PolicyErrors([new PolicyError({ file: path, line: 1, column: 1, key: '', found: 'bytes that are not UTF-8', allowed: 'a UTF-8 YAML file' })]);
  }
  const parsed = parsePolicyText(text, path);
  return { ...parsed, sha256: createHash('sha256').update(bytes).digest('hex') };
}
