#!/usr/bin/env node
// The --cache-dir measurement (issue 6: "a rescan where one APK changed costs under 25% of a
// full scan"). Opt-in, because it needs the benchmark corpus (1.2 GB at scale 2):
//   node bench/cache.mjs [--scale 2] [--runs 3]      (or: npm run bench -- --cache)
// On a hard-linked copy of the corpus it times: a full scan without a cache; a cold scan that
// fills the cache; a warm rescan with nothing changed; and a warm rescan after one APK (the
// largest, the worst case) changed. The reports of all of them must be byte-identical (but the
// changed APK's). Prints the ratios and writes bench/results-cache.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI, corpusIdentity, ensureCorpus, listFiles, NODE, NODE_VERSION, opt, resultsFile } from './common.mjs';

const scale = Number(opt('scale', '2'));
const runs = Number(opt('runs', '3'));
const source = ensureCorpus(scale);

const work = mkdtempSync(join(tmpdir(), 'ag-bench-cache-'));
const corpus = join(work, 'corpus');
const cacheDir = join(work, 'cache');
const EMPTY = join(work, 'src');
execFileSync('mkdir', ['-p', EMPTY]);
// Hard links: no 1.2 GB copy; the changed APK is unlinked and written anew, never in place.
execFileSync('cp', ['-al', source, corpus]);
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const files = listFiles(corpus);
const bytes = files.reduce((a, f) => a + statSync(f).size, 0);
const largest = files.filter((f) => f.endsWith('.apk')).sort((a, b) => statSync(b).size - statSync(a).size)[0];

/** One scan: wall seconds (GNU time), peak RSS, the JSON report, the cache line and the phases (ACTIVATION_GATE_TIMINGS). */
function scanOnce(label, extra) {
  const out = join(work, 'report.json');
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', NODE, CLI, 'scan', corpus, '--market', 'EU', '--format', 'json', '--output', out, '--fail-on', 'never', '--source-root', EMPTY, ...extra], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, ACTIVATION_GATE_TIMINGS: '1' },
  });
  const phases = new Map();
  for (const m of r.stderr.matchAll(/^timing: (.+?) ([\d.]+) s, rss/gm)) phases.set(m[1], (phases.get(m[1]) ?? 0) + Number(m[2]));
  const last = r.stderr.trim().split('\n').pop();
  const [s, kb] = last.split(' ').map(Number);
  if (!Number.isFinite(s)) throw new Error(`${label} failed: ${r.stderr.slice(-2000)}`);
  const cacheLine = r.stderr.split('\n').find((l) => l.startsWith('cache: ')) ?? '';
  // Files whose remembered SHA-256 was used (src/extract/digests.ts), not read to hash them.
  const notRead = Number(/^cache: (\d+) of them not read/m.exec(r.stderr)?.[1] ?? 0);
  const warning = r.stderr.split('\n').find((l) => l.startsWith('warning: cache'));
  if (warning) throw new Error(`${label}: ${warning}`);
  console.error(`${label}: ${s.toFixed(2)} s, peak RSS ${(kb / 1024).toFixed(0)} MB${cacheLine ? `; ${cacheLine.replace(corpus, 'corpus').replace(cacheDir, 'cache')}` : ''}`);
  return { seconds: s, rssMB: kb / 1024, report: readFileSync(out, 'utf8'), cacheLine, phases, notRead };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Changes the APK's bytes (a new ZIP comment: the archive stays valid), as a rebuilt APK would. */
let generation = 0;
function changeApk(path) {
  const buf = readFileSync(path);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const comment = Buffer.from(`rebuilt ${++generation} ${Date.now()}`);
  const head = Buffer.from(buf.subarray(0, eocd + 22));
  head.writeUInt16LE(comment.length, eocd + 20);
  unlinkSync(path); // break the hard link: the corpus itself is never changed
  writeFileSync(path, Buffer.concat([head, comment]));
}

// Warm the page cache so every run reads from memory.
scanOnce('page-cache warm-up', []);
const full = [];
let plainReport = '';
for (let i = 0; i < runs; i++) {
  const r = scanOnce(`full scan, no cache (${i + 1}/${runs})`, []);
  full.push(r.seconds);
  plainReport = r.report;
}
const cold = scanOnce('cold scan filling the cache', ['--cache-dir', cacheDir]);
if (cold.report !== plainReport) throw new Error('the cold cached report differs from the uncached one');
const warm0 = [];
for (let i = 0; i < runs; i++) {
  const r = scanOnce(`warm rescan, nothing changed (${i + 1}/${runs})`, ['--cache-dir', cacheDir]);
  if (r.report !== plainReport) throw new Error('the warm report differs from the uncached one');
  warm0.push(r.seconds);
}
const warm1 = [];
const warm1Phases = [];
const rehash1 = [];
const TAIL = ['merge', 'extraction', 'evaluation', 'source locations', 'render and write'];
let reused = 0;
for (let i = 0; i < runs; i++) {
  // Alternately (in turn first): the digests the cache folder remembers used, and every file
  // hashed again (--cache-rehash), each after its own change of the APK.
  for (const rehash of i % 2 ? [true, false] : [false, true]) {
    changeApk(largest);
    const r = scanOnce(`warm rescan, ${relative(corpus, largest)} changed${rehash ? ', --cache-rehash' : ''} (${i + 1}/${runs})`, ['--cache-dir', cacheDir, ...(rehash ? ['--cache-rehash'] : [])]);
    if (rehash) {
      if (r.notRead !== 0) throw new Error(`--cache-rehash left ${r.notRead} files unread`);
      rehash1.push(r.seconds);
      continue;
    }
    // Every file but the changed APK (a new file: its digest is not remembered).
    if (r.notRead !== files.length - 1) throw new Error(`the warm rescan read ${files.length - r.notRead} files to hash them, not 1`);
    reused = r.notRead;
    warm1.push(r.seconds);
    warm1Phases.push(r.phases);
    if (i === runs - 1) {
      const plain = scanOnce('the same build without a cache (check)', []);
      if (plain.report !== r.report) throw new Error('the warm report after the change differs from an uncached scan of the same build');
    }
  }
}
const cacheBytes = listFiles(cacheDir).reduce((a, f) => a + statSync(f).size, 0);

// What no rescan that hashes every file (--cache-rehash, or a cache restored on another machine)
// can go under: hashing every file (bench/floor.mjs --hash, on every core); and what none can:
// the report of the whole build built again after the workers (the phases after "workers":
// merge, evaluation, source locations, rendering).
const hashFloor = [];
for (let i = 0; i < runs; i++) {
  const out = execFileSync(NODE, [fileURLToPath(new URL('./floor.mjs', import.meta.url)), corpus, '--workers', String(availableParallelism()), '--hash'], { encoding: 'utf8' });
  hashFloor.push(JSON.parse(out).ms / 1000);
}
const H = median(hashFloor);
const tails = warm1Phases.map((p) => [...p].filter(([k]) => TAIL.includes(k)).reduce((a, [, v]) => a + v, 0));
const T = median(tails);
console.error(`hash floor ${H.toFixed(2)} s; report tail of the warm rescans ${T.toFixed(2)} s`);

const F = median(full);
const W0 = median(warm0);
const W1 = median(warm1);
const R1 = median(rehash1);
const lines = [
  `# --cache-dir: warm rescans`,
  '',
  `${new Date().toISOString().slice(0, 10)}, ${cpus()[0]?.model ?? 'cpu'} (${availableParallelism()} cores), Node ${NODE_VERSION}; corpus scale ${scale} (${corpusIdentity()}): ${files.length} files, ${(bytes / 2 ** 30).toFixed(2)} GiB; medians of ${runs} runs; every core (default workers); page cache warm.`,
  '',
  '| run | seconds | of a full scan |',
  '|---|---|---|',
  `| full scan, no cache | ${F.toFixed(2)} | 100% |`,
  `| cold scan filling the cache | ${cold.seconds.toFixed(2)} | ${((100 * cold.seconds) / F).toFixed(0)}% |`,
  `| warm rescan, nothing changed | ${W0.toFixed(2)} | ${((100 * W0) / F).toFixed(1)}% |`,
  `| warm rescan, the largest APK changed (${(statSync(largest).size / 2 ** 20).toFixed(1)} MiB); ${reused} unchanged files not read (their digests remembered on this machine) | ${W1.toFixed(2)} | **${((100 * W1) / F).toFixed(1)}%** |`,
  `| the same, every file read and hashed (\`--cache-rehash\`, as on a fresh runner with a restored cache) | ${R1.toFixed(2)} | ${((100 * R1) / F).toFixed(1)}% |`,
  `| the floor of a rescan that hashes every file: hashing every file on every core (\`bench/floor.mjs --hash\`) | ${H.toFixed(2)} | ${((100 * H) / F).toFixed(1)}% |`,
  `| the warm rescan's report tail: merge, evaluation, source locations, rendering (\`ACTIVATION_GATE_TIMINGS\`) | ${T.toFixed(2)} | ${((100 * T) / F).toFixed(1)}% |`,
  '',
  `Cache: ${listFiles(cacheDir).length} files (its entries and the digest record), ${(cacheBytes / 2 ** 20).toFixed(1)} MiB. Reports byte-identical to uncached scans: yes.`,
  `The report tail alone is ${((100 * T) / F).toFixed(0)}% of a full scan, and with the hash floor ${((100 * (H + T)) / F).toFixed(0)}% (process start-up not counted).`,
  `Target (issue 6): a rescan with one APK changed under 25% of a full scan: ${W1 / F < 0.25 ? 'met' : 'NOT met'} where the digests are remembered (${((100 * W1) / F).toFixed(1)}%); ${R1 / F < 0.25 ? 'met' : 'NOT met'} where every file is hashed (${((100 * R1) / F).toFixed(1)}%).`,
  '',
];
writeFileSync(resultsFile('results-cache'), lines.join('\n'));
console.log(lines.join('\n'));
