// Where the CPU time of a scan goes, on every thread (the workers, the main thread, V8's compiler
// and GC helper threads, the kernel), by sampling with Linux `perf` (`perf record -e cpu-clock`,
// JavaScript frames named through `node --perf-basic-prof`). The floor (bench/floor.mjs) is
// sampled the same way. A CPU profile from `node --cpu-prof` sees one thread only: it misses the
// optimising compiler, which runs beside each isolate, and the kernel's side of every read.
//
// Usage: node bench/cpu.mjs [--input DIR] [--workers 1,2] [--out bench/results-cpu.md]
// Needs `perf` (Debian: linux-perf) and the permission to sample (perf_event_paranoid <= 2);
// without them it says so and exits 0.
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { existsSync, mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const input = resolve(opt('--input', join(here, 'corpus')));
const workerCounts = opt('--workers', '1,2').split(',').map(Number);
const out = opt('--out', join(here, 'results-cpu.md'));

if (spawnSync('perf', ['--version']).status !== 0) {
  console.log('bench/cpu.mjs: `perf` is not installed (Debian: linux-perf); nothing measured.');
  process.exit(0);
}
if (!existsSync(input)) {
  console.log(`bench/cpu.mjs: ${input} does not exist (npm run bench makes the corpus); nothing measured.`);
  process.exit(0);
}

/** Categories, first match wins: [name, test of "dso symbol"]. */
const CATEGORIES = [
  ['inflate (zlib)', (s) => !s.includes('JS:') && /\b(inflate\w*|adler32\w*|crc32\w*)\b/.test(s)],
  ['scan (WebAssembly)', (s) => s.includes('wasm-function')],
  ['kernel: read (page cache copy)', (s) => /\[k\] (_copy_to_iter|copy_page_to_iter|filemap_read|filemap_get_read_batch|copy_user\w*)\b/.test(s)],
  ['kernel: other (page faults, scheduling, syscalls)', (s) => s.includes('[k]')],
  ['V8 optimising compiler', (s) => /v8::internal::(compiler::|maglev::|Zone|OptimizedCompilationJob|TurbofanCompilationJob|Pipeline|baseline::)|RegisterAllocat|InstructionSelector/.test(s)],
  ['V8 parse and bytecode', (s) => /v8::internal::(Parser|PreParser|Scanner|Ast|BytecodeGenerator|interpreter::|Scope)/.test(s)],
  ['V8 garbage collection', (s) => /Scaveng|Marking|MarkCompact|Sweep|Evacuat|MemoryAllocator|GCTracer|RememberedSet|SlotSet|Heap::|ConcurrentMark|IncrementalMark/.test(s)],
  ['JavaScript, optimised', (s) => s.includes('JS:*')],
  ['JavaScript, interpreted or baseline', (s) => /JS:[\^~]|Builtins_(Interpreter\w*|Baseline\w*)|_Baseline\b/.test(s)],
  ['JSON and message (de)serialisation', (s) => /Json|ValueSerializer|ValueDeserializer/.test(s)],
  ['V8 builtins and runtime (maps, sets, ICs, strings)', (s) => /Builtins_|v8::internal::/.test(s)],
  ['libc and libstdc++ (memcpy, malloc)', (s) => /libc\.so|libstdc\+\+|\bmem(cpy|move|set)\b|malloc|free/.test(s)],
];
const OTHER = 'other';

function profile(label, env, argv) {
  const dir = mkdtempSync(join(tmpdir(), 'ag-cpu-'));
  const data = join(dir, 'perf.data');
  const t0 = performance.now();
  const rec = spawnSync('perf', ['record', '-q', '-e', 'cpu-clock', '-F', '1999', '-g', '-o', data, '--', process.execPath, '--perf-basic-prof', ...argv], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 << 20,
  });
  const wall = (performance.now() - t0) / 1000;
  if (rec.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`perf record failed for ${label}: ${rec.stderr.toString().slice(-500)}`);
  }
  // The process's main thread (its tid is the pid): on one worker it does all the extraction, so
  // its CPU is the wall time; the rest runs beside it (V8's compiler and GC helpers).
  const script = spawnSync('perf', ['script', '-i', data, '-F', 'pid'], { maxBuffer: 256 << 20 });
  const pid = /\d+/.exec(script.stdout.toString())?.[0] ?? '';
  const all = categorise(data, []);
  const main = /^\d+$/.test(pid) ? categorise(data, ['--tid', pid]) : undefined;
  rmSync(dir, { recursive: true, force: true });
  return { label, wall, ...all, main };
}

/** Samples of `perf.data` (optionally one thread's) by category. */
function categorise(data, filter) {
  const rep = spawnSync('perf', ['report', '-i', data, ...filter, '--no-children', '--sort', 'dso,sym', '-g', 'none', '--stdio', '-F', 'overhead,sample,dso,sym'], { maxBuffer: 256 << 20 });
  const byCat = new Map();
  let total = 0;
  for (const line of rep.stdout.toString().split('\n')) {
    const m = /^\s+[\d.]+%\s+(\d+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const n = Number(m[1]);
    total += n;
    const cat = CATEGORIES.find(([, test]) => test(m[2]))?.[0] ?? OTHER;
    byCat.set(cat, (byCat.get(cat) ?? 0) + n);
  }
  return { total, byCat };
}

function cleanPerfMaps() {
  for (const f of readdirSync('/tmp')) if (/^perf-\d+\.map$/.test(f)) try { unlinkSync(join('/tmp', f)); } catch { /* another user's */ }
}

const scanArgs = [join(root, 'dist/cli.js'), 'scan', input, '--market', 'EU', '--format', 'json', '--output', '/dev/null', '--fail-on', 'never', '--quiet'];
const runs = [];
try {
  for (const w of workerCounts) {
    const n = `${w} worker${w > 1 ? 's' : ''}`;
    runs.push(profile(`floor, ${n}`, {}, [join(here, 'floor.mjs'), input, '--workers', String(w)]));
    runs.push(profile(`ours, ${n}`, { ACTIVATION_GATE_WORKERS: String(w) }, scanArgs));
  }
} finally {
  cleanPerfMaps();
}

const HZ = 1999;
const cats = [...CATEGORIES.map(([c]) => c), OTHER];
const lines = [];
lines.push('# Where the CPU time goes (every thread)');
lines.push('');
lines.push(`Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, by \`node bench/cpu.mjs\`: \`perf record -e cpu-clock -F ${HZ} -g\` of one run each, over ${input.replace(root + '/', '')}. CPU seconds = samples / ${HZ}, summed over all threads (workers, main, V8 helper threads, kernel); wall time includes perf's own cost.`);
lines.push('');
lines.push(`| category | ${runs.map((r) => r.label).join(' | ')} |`);
lines.push(`|---|${runs.map(() => '---:').join('|')}|`);
for (const c of cats) {
  if (runs.every((r) => !r.byCat.get(c))) continue;
  lines.push(`| ${c} | ${runs.map((r) => `${((r.byCat.get(c) ?? 0) / HZ).toFixed(2)} s (${((100 * (r.byCat.get(c) ?? 0)) / r.total).toFixed(1)}%)`).join(' | ')} |`);
}
lines.push(`| **all CPU** | ${runs.map((r) => `**${(r.total / HZ).toFixed(2)} s**`).join(' | ')} |`);
lines.push(`| wall (under perf) | ${runs.map((r) => `${r.wall.toFixed(2)} s`).join(' | ')} |`);
lines.push('');
lines.push('The main thread alone (with one worker it extracts everything, so its CPU time is the wall time; with more, it extracts the smallest files beside N - 1 worker threads, then merges, evaluates and writes the report):');
lines.push('');
lines.push(`| category | ${runs.map((r) => r.label).join(' | ')} |`);
lines.push(`|---|${runs.map(() => '---:').join('|')}|`);
for (const c of cats) {
  if (runs.every((r) => !r.main?.byCat.get(c))) continue;
  lines.push(`| ${c} | ${runs.map((r) => (r.main ? `${((r.main.byCat.get(c) ?? 0) / HZ).toFixed(2)} s (${((100 * (r.main.byCat.get(c) ?? 0)) / r.main.total).toFixed(1)}%)` : '-')).join(' | ')} |`);
}
lines.push(`| **main thread CPU** | ${runs.map((r) => (r.main ? `**${(r.main.total / HZ).toFixed(2)} s**` : '-')).join(' | ')} |`);
lines.push('');
const text = lines.join('\n') + '\n';
writeFileSync(out, text);
console.log(text);
