#!/usr/bin/env node
// The benchmark: our scan against the floor (read + inflate only) and against peers, on the
// same synthetic build made by the real toolchain (bench/gen-corpus.py, cached in bench/corpus).
// Prints ratios and writes bench/results.md. Usage:
//   npm run bench -- [--scale 2] [--runs 3] [--sample N] [--no-peers] [--no-images] [--cache]
// Peers run once over every APK of the corpus (--sample N: a size-stratified sample of N APKs,
// its time scaled to the corpus by APK bytes).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ensureCorpus, listFiles, measure as measureCommand, opt, ROOT } from './common.mjs';

const args = process.argv.slice(2);
const scale = Number(opt('scale', '2'));
const runs = Number(opt('runs', '3'));
const sampleSize = Number(opt('sample', '0'));
const peers = !args.includes('--no-peers');
const corpus = ensureCorpus(scale);
const cores = availableParallelism();
const EMPTY = mkdtempSync(join(tmpdir(), 'ag-bench-src-'));


const files = listFiles(corpus);
const apks = files.filter((f) => f.endsWith('.apk'));
const bytes = files.reduce((a, f) => a + statSync(f).size, 0);

const measure = (label, cmd, cmdArgs, { env = {}, n = runs } = {}) => measureCommand(label, cmd, cmdArgs, { env, n });

const ours = (workers) =>
  measure(`ours, ${workers} worker${workers > 1 ? 's' : ''}`, 'node', [CLI, 'scan', corpus, '--market', 'EU', '--format', 'json', '--output', '/dev/null', '--fail-on', 'never', '--quiet', '--source-root', EMPTY], {
    env: { ACTIVATION_GATE_WORKERS: String(workers) },
  });
const floor = (workers) => measure(`floor, ${workers} worker${workers > 1 ? 's' : ''}`, 'node', [join(ROOT, 'bench', 'floor.mjs'), corpus, '--workers', String(workers)]);

// Warm the page cache once so every contender reads from memory.
floor(1);
const results = { floor1: floor(1), ours1: ours(1) };
if (cores > 1) {
  results.floorN = floor(cores);
  results.oursN = ours(cores);
}

// Peers: every APK of the corpus, one process at a time (or a sample, scaled by APK bytes). They
// read only the APKs; we also read the non-APK files (libraries, configs), so the comparison
// leans their way.
let peerRows = [];
if (peers) {
  const bySize = [...apks].sort((a, b) => statSync(a).size - statSync(b).size || (a < b ? -1 : 1));
  // Every k-th APK in size order: a sample has the corpus's spread of sizes.
  const step = sampleSize > 0 ? Math.max(1, Math.floor(bySize.length / sampleSize)) : 1;
  const sample = sampleSize > 0 ? bySize.filter((_, i) => i % step === Math.floor(step / 2)).slice(0, sampleSize) : bySize;
  const apkBytes = apks.reduce((a, f) => a + statSync(f).size, 0);
  const sampleBytes = sample.reduce((a, f) => a + statSync(f).size, 0);
  const scale = apkBytes / sampleBytes;
  const list = join(mkdtempSync(join(tmpdir(), 'ag-bench-list-')), 'apks.txt');
  writeFileSync(list, sample.join('\n') + '\n');
  const hostRe = String.raw`(?:[a-zA-Z][a-zA-Z0-9+.-]*://)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+`;
  const sh = (label, script) => {
    const r = measure(label, 'bash', ['-c', script], { n: 1 });
    return { ...r, seconds: r.seconds * scale };
  };
  const rg = sh('unzip -p | rg', `while read f; do unzip -p "$f" | rg -a -o '${hostRe}' > /dev/null; done < ${list}`);
  const aapt = sh('aapt dump badging + dexdump -d', `while read f; do aapt dump badging "$f" > /dev/null 2>&1; dexdump -d "$f" > /dev/null 2>&1; done < ${list}`);
  const ag = sh(
    'androguard strings',
    `/usr/bin/python3 -c '
import sys
from androguard.core.bytecodes.apk import APK
from androguard.core.bytecodes.dvm import DalvikVMFormat
for f in open(sys.argv[1]).read().split():
    a = APK(f)
    for d in a.get_all_dex():
        DalvikVMFormat(d).get_strings()
' ${list}`,
  );
  peerRows = [rg, aapt, ag].map((p) => ({ ...p, vs1: p.seconds / results.ours1.seconds, vsN: results.oursN ? p.seconds / results.oursN.seconds : undefined }));
  results.sample = { apks: sample.length, bytes: sampleBytes, scale };
}
rmSync(EMPTY, { recursive: true, force: true });

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const node = process.version;
const date = new Date().toISOString().slice(0, 10);
const r1 = results.ours1.seconds / results.floor1.seconds;
const lines = [
  '# Benchmark results',
  '',
  `Measured ${date} on ${cores} cores (${cpu}), Node ${node}, by \`npm run bench\` (scale ${scale}).`,
  `Corpus: ${files.length} files, ${apks.length} APKs, ${(bytes / 1e9).toFixed(2)} GB on disk (bench/gen-corpus.py, real aapt/smali output). Page cache warm; medians of ${runs} runs.`,
  '',
  '| run | seconds | peak RSS | MB/s (input) | files/s |',
  '|---|---:|---:|---:|---:|',
  ...Object.values(results)
    .filter((r) => r && r.label)
    .map((r) => `| ${r.label} | ${r.seconds.toFixed(2)} | ${r.rssMB.toFixed(0)} MB | ${(bytes / 1e6 / r.seconds).toFixed(0)} | ${(files.length / r.seconds).toFixed(0)} |`),
  '',
  `- ours / floor, one core: **${r1.toFixed(2)}x** (target 1.5x)`,
  ...(results.oursN ? [`- ours on ${cores} cores / (floor on one core / ${cores}): **${(results.oursN.seconds / (results.floor1.seconds / cores)).toFixed(2)}x** (target 1.3x); ours on ${cores} cores / floor on ${cores} cores: ${(results.oursN.seconds / results.floorN.seconds).toFixed(2)}x`] : []),
  ...(peerRows.length
    ? [
        '',
        results.sample.scale === 1
          ? `Peers over all ${results.sample.apks} APKs (${(results.sample.bytes / 1e6).toFixed(0)} MB), one process at a time, one run each; they read only the APKs, we read every file:`
          : `Peers on a size-stratified sample of ${results.sample.apks} APKs (${(results.sample.bytes / 1e6).toFixed(0)} MB), times scaled to all APKs (x${results.sample.scale.toFixed(1)}); they read only the APKs, we read every file:`,
        '',
        `| tool | seconds | peak RSS | time / ours on 1 worker | time / ours on ${cores} workers |`,
        '|---|---:|---:|---:|---:|',
        ...peerRows.map((p) => `| ${p.label} | ${p.seconds.toFixed(1)} | ${p.rssMB.toFixed(0)} MB | ${p.vs1.toFixed(1)}x | ${p.vsN ? `${p.vsN.toFixed(1)}x` : '-'} |`),
        '',
        '- goals: androguard 30x, aapt + dexdump 10x',
      ]
    : []),
  '',
];
writeFileSync(join(ROOT, 'bench', 'results.md'), lines.join('\n'));
console.log(lines.join('\n'));

// Images of part of the build (ext4, EROFS-LZ4; bench/images.mjs), unless --no-images.
if (!args.includes('--no-images')) {
  execFileSync(process.execPath, [join(ROOT, 'bench', 'images.mjs'), '--scale', String(scale), '--runs', String(runs)], { stdio: 'inherit' });
}

// --cache: the --cache-dir section (warm rescans, one APK changed; bench/cache.mjs), opt-in.
if (args.includes('--cache')) {
  execFileSync(process.execPath, [join(ROOT, 'bench', 'cache.mjs'), '--scale', String(scale), '--runs', String(runs)], { stdio: 'inherit' });
}
