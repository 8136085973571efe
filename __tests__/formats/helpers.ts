/**
 * Test-only helpers for the format parser tests: the androguard corpus guard, real-tool
 * oracles (aapt, dexdump, unzip) and parsers for their text output.
 */
import { describe } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { ANDROGUARD_EXAMPLES } from '../helpers/corpus.js';
import { hasTool } from '../helpers/tools.js';

export { hasTool };
export const CORPUS = ANDROGUARD_EXAMPLES;
export const FIXTURES = resolve(process.cwd(), '__tests__/fixtures/formats');

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}
export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}


/** `describe` when every condition holds, otherwise `describe.skip` plus a visible warning. */
export function describeIf(ok: boolean, why: string): typeof describe | typeof describe.skip {
  if (!ok) {
    console.warn(`[formats tests] skipped: ${why}`);
    return describe.skip;
  }
  return describe;
}

export const corpusPresent = existsSync(CORPUS);
export const describeCorpus = describeIf(corpusPresent, `androguard corpus ${CORPUS} is absent (apt-get install androguard)`);

export function walk(dir: string, pred: (p: string) => boolean): string[] {
  const out: string[] = [];
  const rec = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) rec(p);
      else if (pred(p)) out.push(p);
    }
  };
  if (existsSync(dir)) rec(dir);
  return out;
}

/** An entry of an APK through `unzip -p`; undefined when unzip yields nothing. */
export function unzipEntry(apk: string, entry: string): Buffer | undefined {
  const r = spawnSync('unzip', ['-p', apk, entry], { maxBuffer: 256 * 1024 * 1024 });
  return r.stdout && r.stdout.length > 0 ? r.stdout : undefined;
}

export function run(cmd: string, args: string[]): { status: number | null; stdout: string } {
  const r = spawnSync(cmd, args, { encoding: 'latin1', maxBuffer: 512 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout ?? '' };
}

export interface Badging {
  package: string;
  versionCode: string;
  versionName: string;
  /** Requested permissions (uses-permission and -sdk-23), minus those aapt only implies. */
  permissions: string[];
}

/** Parses `aapt dump badging` output (read as UTF-8). Undefined when no `package:` line. */
export function parseBadging(text: string): Badging | undefined {
  const pkg = /^package: name='([^']*)' versionCode='([^']*)' versionName='([^']*)'/m.exec(text);
  if (!pkg) return undefined;
  const requested = new Set<string>();
  const implied = new Set<string>();
  for (const m of text.matchAll(/^uses-permission(?:-sdk-23)?: name='([^']*)'/gm)) requested.add(m[1]);
  for (const m of text.matchAll(/^uses-implied-permission: name='([^']*)'/gm)) implied.add(m[1]);
  const permissions = [...requested].filter((p) => !implied.has(p) && p !== '').sort();
  return { package: pkg[1], versionCode: pkg[2], versionName: pkg[3], permissions };
}

export interface AaptValue {
  config: string;
  id: number;
  type: string;
  name: string;
  t: number;
  d: number;
}

/** Simple (non-bag) values from `aapt dump --values resources`; "(default)" -> "". */
export function parseAaptResources(text: string): { values: AaptValue[]; bags: number; configs: Set<string> } {
  const values: AaptValue[] = [];
  const configs = new Set<string>();
  let config = '';
  let bags = 0;
  for (const line of text.split('\n')) {
    const c = /^\s+config (.*):$/.exec(line);
    if (c) {
      // aapt2 tables print e.g. "config zh-rCN flags=0x01 [sparse]:".
      const name = c[1].replace(/ flags=0x[0-9a-f]+.*$/, '');
      config = name === '(default)' ? '' : name;
      configs.add(config);
      continue;
    }
    const r = /^\s+resource (0x[0-9a-f]+) [^:]+:([^/]+)\/(.*): t=(0x[0-9a-f]+) d=(0x[0-9a-f]+)/.exec(line);
    if (r) {
      values.push({ config, id: parseInt(r[1], 16), type: r[2], name: r[3], t: parseInt(r[4], 16), d: parseInt(r[5], 16) });
      continue;
    }
    if (/^\s+resource 0x[0-9a-f]+ .*: <bag>/.test(line)) bags++;
  }
  return { values, bags, configs };
}

export interface XmlTreeElement {
  name: string;
  line: number;
  depth: number;
  attrs: { name: string; resId: number | undefined; value: string }[];
}

/** Elements from `aapt dump xmltree`: depth from the indentation, attributes verbatim. */
export function parseXmlTree(text: string): XmlTreeElement[] {
  const out: XmlTreeElement[] = [];
  let nsIndent = 0;
  for (const line of text.split('\n')) {
    const n = /^(\s*)N: /.exec(line);
    if (n && out.length === 0) nsIndent = Math.max(nsIndent, n[1].length + 2);
    const e = /^(\s*)E: (\S+) \(line=(\d+)\)/.exec(line);
    if (e) {
      out.push({ name: e[2], line: Number(e[3]), depth: (e[1].length - nsIndent) / 2 + 1, attrs: [] });
      continue;
    }
    const a = /^\s*A: (?:[^:=(]*:)?([^:=(]*)(?:\((0x[0-9a-f]+)\))?=(.*)$/.exec(line);
    if (a && out.length > 0) out[out.length - 1].attrs.push({ name: a[1], resId: a[2] ? parseInt(a[2], 16) : undefined, value: a[3] });
  }
  return out;
}

export const pct = (a: number, b: number): string => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);
