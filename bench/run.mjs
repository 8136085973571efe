#!/usr/bin/env node
// The benchmark: our scan against the floor (read + inflate only) and against peers, on the
// same synthetic build made by the real toolchain (bench/gen-corpus.py, cached in bench/corpus).
// Prints ratios and writes bench/results.md (bench/results-scaleN.md at another --scale; a -nodeN
// suffix when BENCH_NODE runs another major version of Node). Usage:
//   npm run bench -- [--scale 2] [--runs 3] [--sample N] [--peer-runs 1] [--no-peers] [--no-images] [--cache] [--source] [--plain DIR]
// Peers run once (--peer-runs N: N times, in rounds) over every APK of the corpus (--sample N: a
// size-stratified sample of N APKs, its time scaled to the corpus by APK bytes), each right after
// our scans of the same APKs.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { CLI, corpusIdentity, ensureCorpus, listFiles, measureRounds, median, NODE, roundRatio, NODE_VERSION, opt, resultsFile, ROOT, timeOnce } from './common.mjs';

const args = process.argv.slice(2);
const scale = Number(opt('scale', '2'));
const runs = Number(opt('runs', '3'));
const sampleSize = Number(opt('sample', '0'));
const peerRounds = Number(opt('peer-runs', '1'));
for (const [name, n] of [['--runs', runs], ['--peer-runs', peerRounds]]) {
  if (!Number.isInteger(n) || n < 1) {
    console.error(`bench: ${name} takes a whole number of runs, at least 1`);
    process.exit(2);
  }
}
const peers = !args.includes('--no-peers');
// The tools the bench runs, checked before the first long run: a missing one stops it here with
// the Debian package to install, instead of timing a command that was not found.
const needed = [
  ['/usr/bin/time', 'time'],
  ...(peers
    ? [
        ['unzip', 'unzip'],
        ['rg', 'ripgrep'],
        ['aapt', 'aapt'],
        ['dexdump', 'dexdump'],
      ]
    : []),
];
const missing = needed.filter(([tool]) => spawnSync('bash', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status !== 0).map(([, pkg]) => pkg);
if (peers && spawnSync('/usr/bin/python3', ['-c', 'import androguard.core.bytecodes.apk'], { stdio: 'ignore' }).status !== 0) missing.push('androguard');
if (missing.length) {
  console.error(`bench: missing tools; install them with: apt-get install ${missing.join(' ')} (or run with --no-peers)`);
  process.exit(2);
}
const corpus = ensureCorpus(scale);
const cores = availableParallelism();
const EMPTY = mkdtempSync(join(tmpdir(), 'ag-bench-src-'));


const files = listFiles(corpus);
const apks = files.filter((f) => f.endsWith('.apk'));
const bytes = files.reduce((a, f) => a + statSync(f).size, 0);

const plural = (workers) => `${workers} worker${workers > 1 ? 's' : ''}`;
const oursArgs = (input) => [CLI, 'scan', input, '--market', 'EU', '--format', 'json', '--output', '/dev/null', '--fail-on', 'never', '--quiet', '--source-root', EMPTY];
const floorArgs = (workers) => [join(ROOT, 'bench', 'floor.mjs'), corpus, '--workers', String(workers)];

// The Action itself (dist/index.js, as the runner starts it: INPUT_* variables, output and summary
// files) on the same build: its report file, the text report in its log, annotations, the job
// summary and the step outputs on top of the scan. No GitHub API calls (comment: never,
// check-run: false).
const ACTION = join(dirname(CLI), 'index.js');
const actionOnce = (label, workers) => {
  const dir = mkdtempSync(join(tmpdir(), 'ag-bench-action-'));
  writeFileSync(join(dir, 'output'), '');
  writeFileSync(join(dir, 'summary'), '');
  const r = timeOnce(label, NODE, [ACTION], {
    ACTIVATION_GATE_WORKERS: String(workers),
    GITHUB_WORKSPACE: dirname(corpus),
    INPUT_PATH: relative(dirname(corpus), corpus),
    INPUT_MARKET: 'EU',
    'INPUT_FAIL-ON': 'never',
    'INPUT_SOURCE-ROOT': EMPTY,
    'INPUT_REPORT-FILE': join(dir, 'report.json'),
    INPUT_COMMENT: 'never',
    'INPUT_CHECK-RUN': 'false',
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    RUNNER_TEMP: dir,
  });
  // A run that stopped early (an input it did not accept) would time nothing: it must have
  // written its report.
  if (!existsSync(join(dir, 'report.json'))) throw new Error(`${label}: no report file was written`);
  rmSync(dir, { recursive: true, force: true });
  return r;
};

// Warm the page cache once so every contender reads from memory.
timeOnce('page cache warm-up', NODE, floorArgs(1));
// GitHub's larger public runners have four cores, so four workers: their memory, measured here
// with four workers on fewer cores (the time of that run says nothing). Every contender runs once
// per round, in turn (measureRounds): a slow stretch of the machine falls on all of them alike.
const FORCED = ' (forced: the memory of a 4-core runner)';
const contenders = [
  { key: 'floor1', label: 'floor, 1 worker', once: () => timeOnce('floor', NODE, floorArgs(1)) },
  { key: 'ours1', label: 'ours, 1 worker', once: () => timeOnce('ours', NODE, oursArgs(corpus), { ACTIVATION_GATE_WORKERS: '1' }) },
  ...(cores > 1
    ? [
        { key: 'floorN', label: `floor, ${plural(cores)}`, once: () => timeOnce('floor', NODE, floorArgs(cores)) },
        { key: 'oursN', label: `ours, ${plural(cores)}`, once: () => timeOnce('ours', NODE, oursArgs(corpus), { ACTIVATION_GATE_WORKERS: String(cores) }) },
      ]
    : []),
  ...(cores < 4 ? [{ key: 'ours4', label: `ours${FORCED}, 4 workers`, once: () => timeOnce('ours', NODE, oursArgs(corpus), { ACTIVATION_GATE_WORKERS: '4' }) }] : []),
  { key: 'actionN', label: `the Action (dist/index.js), ${plural(cores)}`, once: () => actionOnce('the Action', cores) },
  ...(cores < 4 ? [{ key: 'action4', label: `the Action (dist/index.js)${FORCED}, 4 workers`, once: () => actionOnce('the Action', 4) }] : []),
];
const results = measureRounds(contenders, runs);

// Peers: every APK of the corpus, one process at a time (or a sample, scaled by APK bytes). They
// read only the APKs: they are compared with our scan of the whole build (which also reads the
// non-APK files: leaning their way) and with our scan of the same APKs (the same work).
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
  const peerSpecs = [
    // Each APK must succeed: rg exits 1 when it finds nothing, 2 on an error.
    {
      label: 'unzip -p | rg',
      script: `while read f; do unzip -p "$f" | rg -a -o '${hostRe}' > /dev/null; s=("\${PIPESTATUS[@]}"); [ "\${s[0]}" -eq 0 ] && [ "\${s[1]}" -le 1 ] || { echo "unzip | rg failed on $f: \${s[*]}" >&2; exit 1; }; done < ${list}`,
    },
    {
      label: 'aapt dump badging + dexdump -d',
      script: `while read f; do aapt dump badging "$f" > /dev/null 2>&1 && dexdump -d "$f" > /dev/null 2>&1 || { echo "aapt or dexdump failed on $f" >&2; exit 1; }; done < ${list}`,
    },
    {
      label: 'androguard strings',
      script: `/usr/bin/python3 -c '
import sys
from androguard.core.bytecodes.apk import APK
from androguard.core.bytecodes.dvm import DalvikVMFormat
for f in open(sys.argv[1]).read().split():
    a = APK(f)
    for d in a.get_all_dex():
        DalvikVMFormat(d).get_strings()
' ${list}`,
    },
  ];
  // The same work: our scan of exactly the APKs the peers read (hard links, same layout), timed
  // and scaled as they are.
  const same = mkdtempSync(join(tmpdir(), 'ag-bench-apks-'));
  for (const f of sample) {
    const to = join(same, relative(corpus, f));
    mkdirSync(dirname(to), { recursive: true });
    linkSync(f, to);
  }
  // Each peer runs right after our scans of the same APKs (one worker, then every core), in
  // --peer-runs rounds: each ratio is that of runs a minute or two apart, its median over the
  // rounds, so that a slow or a fast stretch of the machine falls on both sides of it.
  const onSame = (workers) => timeOnce('ours on the same APKs', NODE, oursArgs(same), { ACTIVATION_GATE_WORKERS: String(workers) });
  const sameRuns = { 1: [], N: [] };
  const sameRss = { 1: 0, N: 0 };
  const peerRuns = peerSpecs.map(() => ({ times: [], rss: 0, vs1: [], vsN: [] }));
  for (let round = 0; round < peerRounds; round++) {
    for (const [i, p] of peerSpecs.entries()) {
      const one = onSame(1);
      sameRuns[1].push(one.s);
      sameRss[1] = Math.max(sameRss[1], one.kb);
      const all = cores > 1 ? onSame(cores) : undefined;
      if (all) {
        sameRuns.N.push(all.s);
        sameRss.N = Math.max(sameRss.N, all.kb);
      }
      const t = timeOnce(p.label, 'bash', ['-c', p.script]);
      console.error(`${p.label}: ${(t.s * scale).toFixed(2)} s (ours on the same APKs just before: ${(one.s * scale).toFixed(2)} s on 1 worker${all ? `, ${(all.s * scale).toFixed(2)} s on ${cores}` : ''})`);
      const r = peerRuns[i];
      r.times.push(t.s);
      r.rss = Math.max(r.rss, t.kb);
      r.vs1.push(t.s / one.s);
      if (all) r.vsN.push(t.s / all.s);
    }
  }
  rmSync(same, { recursive: true, force: true });
  const same1 = { seconds: median(sameRuns[1]) * scale, rssMB: sameRss[1] / 1024 };
  const sameN = cores > 1 ? { seconds: median(sameRuns.N) * scale, rssMB: sameRss.N / 1024 } : undefined;
  peerRows = peerSpecs.map((p, i) => {
    const r = peerRuns[i];
    const seconds = median(r.times) * scale;
    return {
      label: p.label,
      seconds,
      rssMB: r.rss / 1024,
      vs1: seconds / results.ours1.seconds,
      vsN: results.oursN ? seconds / results.oursN.seconds : undefined,
      vsSame1: median(r.vs1),
      vsSameN: r.vsN.length ? median(r.vsN) : undefined,
    };
  });
  results.sample = { apks: sample.length, bytes: sampleBytes, scale, same1, sameN };
}
rmSync(EMPTY, { recursive: true, force: true });

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const node = NODE_VERSION;
const date = new Date().toISOString().slice(0, 10);
const r1 = results.ours1.seconds / results.floor1.seconds;
const lines = [
  '# Benchmark results',
  '',
  `Measured ${date} on ${cores} cores (${cpu}), Node ${node}, by \`npm run bench\` (scale ${scale}).`,
  `Corpus: ${files.length} files, ${apks.length} APKs, ${(bytes / 1e9).toFixed(2)} GB on disk (bench/gen-corpus.py, real aapt/smali output; ${corpusIdentity()}). Page cache warm; medians of ${runs} rounds, each run once per round in turn.`,
  '',
  '| run | seconds | peak RSS | MB/s (input) | files/s |',
  '|---|---:|---:|---:|---:|',
  ...Object.values(results)
    .filter((r) => r && r.label)
    .map((r) => `| ${r.label} | ${r.seconds.toFixed(2)} | ${r.rssMB.toFixed(0)} MB | ${(bytes / 1e6 / r.seconds).toFixed(0)} | ${(files.length / r.seconds).toFixed(0)} |`),
  '',
  `- ours / floor, one core: **${r1.toFixed(2)}x** (target 1.5x); the median of the rounds' own ratios: ${roundRatio(results.ours1, results.floor1).toFixed(2)}x`,
  `- peak RSS: ${Math.max(...[results.ours1, results.oursN, results.ours4, results.actionN, results.action4].filter(Boolean).map((r) => r.rssMB)).toFixed(0)} MB at most (target 512 MB)`,
  ...(results.oursN
    ? [
        `- ours on ${cores} cores / (floor on one core / ${cores}): **${(results.oursN.seconds / (results.floor1.seconds / cores)).toFixed(2)}x** (target 1.3x; the rounds' own: ${roundRatio(results.oursN, results.floor1, 1 / cores).toFixed(2)}x); ours on ${cores} cores / floor on ${cores} cores: ${(results.oursN.seconds / results.floorN.seconds).toFixed(2)}x (the rounds' own: ${roundRatio(results.oursN, results.floorN).toFixed(2)}x)`,
      ]
    : []),
  ...(peerRows.length
    ? [
        '',
        results.sample.scale === 1
          ? `Peers over all ${results.sample.apks} APKs (${(results.sample.bytes / 1e6).toFixed(0)} MB), one process at a time, ${peerRounds === 1 ? 'one run each' : `medians of ${peerRounds} runs`}. They read only the APKs: compared with our scan of the whole build (every file) and of the same APKs, each peer run right after our runs on the same APKs (the ratio of those adjacent runs${peerRounds === 1 ? '' : ', its median'}):`
          : `Peers on a size-stratified sample of ${results.sample.apks} APKs (${(results.sample.bytes / 1e6).toFixed(0)} MB), times scaled to all APKs (x${results.sample.scale.toFixed(1)}), ours on the same sample too, ${peerRounds === 1 ? 'one run each' : `medians of ${peerRounds} runs`}. They read only the APKs: compared with our scan of the whole build (every file) and of the same APKs, each peer run right after our runs on the same APKs (the ratio of those adjacent runs${peerRounds === 1 ? '' : ', its median'}):`,
        '',
        `| tool | seconds | peak RSS | time / ours on the whole build, 1 worker | ${cores} workers | time / ours on the same APKs, 1 worker | ${cores} workers |`,
        '|---|---:|---:|---:|---:|---:|---:|',
        ...peerRows.map(
          (p) =>
            `| ${p.label.replaceAll('|', '\\|')} | ${p.seconds.toFixed(1)} | ${p.rssMB.toFixed(0)} MB | ${p.vs1.toFixed(1)}x | ${p.vsN ? `${p.vsN.toFixed(1)}x` : '-'} | **${p.vsSame1.toFixed(1)}x** | ${p.vsSameN ? `${p.vsSameN.toFixed(1)}x` : '-'} |`,
        ),
        '',
        `Ours on the same APKs (a folder of hard links to them, their layout kept): ${results.sample.same1.seconds.toFixed(2)} s on 1 worker${results.sample.sameN ? `, ${results.sample.sameN.seconds.toFixed(2)} s on ${cores}` : ''}, the whole report included.`,
        '',
        '- goals: androguard 30x, aapt + dexdump 10x (on the same work)',
      ]
    : []),
  '',
];
// The default corpus's results are results.md; other scales keep their own file.
writeFileSync(resultsFile(scale === 2 ? 'results' : `results-scale${scale}`), lines.join('\n'));
console.log(lines.join('\n'));

// Images of part of the build (ext4, EROFS-LZ4; bench/images.mjs), unless --no-images.
if (!args.includes('--no-images')) {
  execFileSync(process.execPath, [join(ROOT, 'bench', 'images.mjs'), '--scale', String(scale), '--runs', String(runs)], { stdio: 'inherit' });
}

// --source: the source indexer over an AOSP-shaped tree (bench/source.mjs), opt-in.
if (args.includes('--source')) {
  execFileSync(process.execPath, [join(ROOT, 'bench', 'source.mjs'), '--runs', String(runs)], { stdio: 'inherit' });
}

// --plain DIR: our scan against the floor on any folder (bench/plain.mjs), opt-in.
if (args.includes('--plain')) {
  execFileSync(process.execPath, [join(ROOT, 'bench', 'plain.mjs'), opt('plain', '', args), '--runs', String(runs)], { stdio: 'inherit' });
}

// --cache: the --cache-dir section (warm rescans, one APK changed; bench/cache.mjs), opt-in.
if (args.includes('--cache')) {
  execFileSync(process.execPath, [join(ROOT, 'bench', 'cache.mjs'), '--scale', String(scale), '--runs', String(runs)], { stdio: 'inherit' });
}
