// Shared by the benchmark scripts: options, the corpus (generated once by gen-corpus.py with
// the real toolchain) and the CLI under test.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The CLI under test (a copy of dist/cli.js can be pinned with BENCH_CLI while the tree changes). */
export const CLI = process.env.BENCH_CLI ?? join(ROOT, 'dist', 'cli.js');

/**
 * The Node that runs our scan and the floor: BENCH_NODE (e.g. a Node 24 binary, the Action's
 * runtime; scripts/node24-check.sh fetches one), else the `node` on PATH. Results of another Node
 * go to files of their own (`resultsFile`).
 */
export const NODE = process.env.BENCH_NODE ?? 'node';
export const NODE_VERSION = execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim();
const NODE_MAJOR = NODE_VERSION.replace(/^v(\d+).*/, '$1');

/** bench/NAME.md, or bench/NAME-node24.md when BENCH_NODE is another major version of Node. */
export function resultsFile(name) {
  const own = process.version.replace(/^v(\d+).*/, '$1');
  return join(ROOT, 'bench', NODE_MAJOR === own ? `${name}.md` : `${name}-node${NODE_MAJOR}.md`);
}

/** `--name value` from the command line, else `def`. */
export function opt(name, def, args = process.argv.slice(2)) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
}

const GENERATOR = join(ROOT, 'bench', 'gen-corpus.py');
const LIBRARY_PACKAGES = join(ROOT, 'bench', '.cache', 'debs', 'packages.txt');
const sha256Of = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The corpus folder for a scale, generated on first use. */
export function ensureCorpus(scale) {
  const corpus = join(ROOT, 'bench', scale === 2 ? 'corpus' : `corpus-${scale}`);
  // The corpus is made again when the generator changed since (its SHA-256 is kept beside the
  // cache), and the images made from it with it.
  const version = sha256Of(GENERATOR);
  const stamp = join(ROOT, 'bench', '.cache', `${basename(corpus)}.generator`);
  const current = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';
  if (!existsSync(corpus) || current !== version) {
    console.error(`generating ${corpus} (scale ${scale})${existsSync(corpus) ? ': bench/gen-corpus.py changed since it was made' : ''} ...`);
    rmSync(corpus, { recursive: true, force: true });
    rmSync(join(ROOT, 'bench', `images-${scale}`), { recursive: true, force: true });
    execFileSync('/usr/bin/python3', [GENERATOR, corpus, '--scale', String(scale)], { stdio: 'inherit' });
    mkdirSync(dirname(stamp), { recursive: true });
    writeFileSync(stamp, version + '\n');
  }
  return corpus;
}

/**
 * Which corpus a result is about: the generator's SHA-256 and that of the Debian packages its
 * libraries came from (names and versions), 12 hex digits each. Two results with the same
 * identity were measured on the same build.
 */
export function corpusIdentity() {
  const libs = existsSync(LIBRARY_PACKAGES) ? sha256Of(LIBRARY_PACKAGES).slice(0, 12) : 'unknown';
  return `generator ${sha256Of(GENERATOR).slice(0, 12)}, library packages ${libs}`;
}

/** Every regular file under `dir`, sorted. */
export function listFiles(dir) {
  const out = [];
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop();
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (e.isFile()) out.push(p);
    }
  }
  return out.sort();
}

/** One run of a command under GNU time: its wall seconds and peak RSS (KB). Throws when it fails. */
export function timeOnce(label, cmd, cmdArgs, env = {}) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...cmdArgs], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 30 });
  const [s, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  // A command that failed timed nothing worth printing (a peer whose tool is missing ran in
  // 0.9 s in session 14's bench): its status must be 0.
  if (!Number.isFinite(s) || r.status !== 0) throw new Error(`${label} failed (exit status ${r.status}): ${r.stderr.slice(-2000)}`);
  return { s, kb };
}

/** The median of `xs`. */
export function median(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * The median of `times` and the largest peak RSS, printed as one line to stderr; `times` kept in
 * the order they were taken (measureRounds: round by round).
 */
function summarise(label, times, rssKB) {
  const med = median(times);
  console.error(`${label}: ${med.toFixed(2)} s (runs ${[...times].sort((a, b) => a - b).map((t) => t.toFixed(2)).join(', ')}), peak RSS ${(rssKB / 1024).toFixed(0)} MB`);
  return { label, seconds: med, rssMB: rssKB / 1024, times };
}

/**
 * The median over rounds of a / b, each round's two runs taken minutes apart at most: steadier
 * than the ratio of the medians when the machine's speed drifts between rounds.
 */
export function roundRatio(a, b, scale = 1) {
  return median(a.times.map((t, i) => t / (b.times[i] * scale)));
}

/**
 * Times several contenders in `n` rounds: each runs once per round, in an order that rotates
 * from round to round, so that a slow or a fast stretch of a shared machine falls on all of them
 * alike. (Run in blocks, session 16's one-worker scans drew a slow stretch, 4.51-7.77 s, right
 * after the floor's block had drawn a fast one, 2.15-2.57 s.) A contender is `{ key, label,
 * once }`, `once()` returning timeOnce's `{ s, kb }`. Returns, per key, the median seconds, the
 * largest peak RSS and the times in round order (for roundRatio).
 */
export function measureRounds(contenders, n) {
  const times = contenders.map(() => []);
  const rss = contenders.map(() => 0);
  for (let round = 0; round < n; round++) {
    for (let j = 0; j < contenders.length; j++) {
      const i = (round + j) % contenders.length;
      const { s, kb } = contenders[i].once();
      times[i].push(s);
      rss[i] = Math.max(rss[i], kb);
    }
  }
  return Object.fromEntries(contenders.map((c, i) => [c.key, summarise(c.label, times[i], rss[i])]));
}
