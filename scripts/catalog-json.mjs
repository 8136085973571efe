#!/usr/bin/env node
// Part of `npm run package`, after rollup: writes dist/catalog.json, the built-in catalog as
// dist/catalog.yml validates to (the bundle's own `catalog --format json`, told to read the
// YAML), with the SHA-256 of that YAML. src/catalog/load.ts reads it instead of parsing and
// validating the YAML on every run, only while the YAML's bytes still match.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const yaml = readFileSync(join(dist, 'catalog.yml'), 'utf8');
const printed = execFileSync(process.execPath, [join(dist, 'cli.js'), 'catalog', '--format', 'json'], {
  encoding: 'utf8',
  cwd: dist, // no policy file of the checkout's can add entries
  env: { ...process.env, ACTIVATION_GATE_CATALOG_JSON: '0' },
  maxBuffer: 64 << 20,
});
// Printed in the catalog file's shape; stored as src/catalog/load.ts holds it.
const file = JSON.parse(printed);
const catalog = { version: file.version, entries: file.clients, ...(file['test-keys'] ? { testKeys: file['test-keys'] } : {}) };
const out = { yamlSha256: createHash('sha256').update(yaml).digest('hex'), catalog };
writeFileSync(join(dist, 'catalog.json'), `${JSON.stringify(out)}\n`);
console.log(`dist/catalog.json: ${catalog.entries.length} clients, from catalog.yml ${out.yamlSha256.slice(0, 12)}`);
