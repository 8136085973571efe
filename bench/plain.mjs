#!/usr/bin/env node
// Our scan against the floor on any folder, for shapes the benchmark build lacks: many plain
// files (fonts, media, ICU data, firmware, /etc), many small files. Usage:
//   node bench/plain.mjs DIR [--runs 3]        (or: npm run bench -- --plain DIR)
// e.g. DIR=/usr/share (50,130 files, 836 MB on the machine of bench/README.md). Times the floor
// (bench/floor.mjs) and our scan (--format json to /dev/null) on one thread / worker and on every
// core, medians of rounds with peak RSS, and writes bench/results-plain.md. The folder is the
// machine's own, so the numbers compare runs on one machine, not machines.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, measureRounds, NODE, NODE_VERSION, opt, resultsFile, ROOT, timeOnce } from './common.mjs';

const dir = process.argv[2];
if (!dir || dir.startsWith('--')) {
  console.error('usage: node bench/plain.mjs DIR [--runs 3]');
  process.exit(2);
}
const runs = Number(opt('runs', '3'));
const cores = availableParallelism();
const EMPTY = mkdtempSync(join(tmpdir(), 'ag-bench-plain-src-'));
const floor = (workers) => {
  const r = spawnSync(NODE, [join(ROOT, 'bench', 'floor.mjs'), dir, '--workers', String(workers)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`floor failed: ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
};
const info = floor(1); // also warms the page cache
// Each contender once per round, in turn (measureRounds): a slow stretch falls on all alike.
const contenders = [];
for (const w of [1, cores]) {
  contenders.push({ key: `floor${w}`, label: `floor, ${w} thread${w > 1 ? 's' : ''}`, once: () => timeOnce('floor', NODE, [join(ROOT, 'bench', 'floor.mjs'), dir, '--workers', String(w)]) });
}
for (const w of [1, cores]) {
  contenders.push({
    key: `ours${w}`,
    label: `ours, ${w} worker${w > 1 ? 's' : ''}`,
    once: () => timeOnce('ours', NODE, [CLI, 'scan', dir, '--market', 'EU', '--format', 'json', '--output', '/dev/null', '--fail-on', 'never', '--quiet', '--source-root', EMPTY], { ACTIVATION_GATE_WORKERS: String(w) }),
  });
}
const rows = Object.values(measureRounds(contenders, runs));
const md = `# Folder benchmark: ${dir}

${new Date().toISOString().slice(0, 10)}, ${cores} x ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${NODE_VERSION}; \`node bench/plain.mjs ${dir} --runs ${runs}\`
(medians of ${runs} rounds, each run once per round in turn; page cache warm). ${info.files.toLocaleString('en')} files, ${(info.inputBytes / 1e6).toFixed(0)} MB; ${(info.scannedBytes / 1e6).toFixed(0)} MB read and inflated by the floor.

| run | seconds | peak RSS |
|---|---:|---:|
${rows.map((r) => `| ${r.label} | ${r.seconds.toFixed(2)} | ${r.rssMB.toFixed(0)} MB |`).join('\n')}

- ours / floor, one core: **${(rows[2].seconds / rows[0].seconds).toFixed(2)}x**; on ${cores} cores: ${(rows[3].seconds / rows[1].seconds).toFixed(2)}x
`;
writeFileSync(resultsFile('results-plain'), md);
console.log(md);
