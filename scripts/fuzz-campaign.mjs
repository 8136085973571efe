#!/usr/bin/env node
// A mutation-fuzzing campaign over every binary fixture, with a watchdog:
//   npm run fuzz:campaign -- [--seconds 600] [--batch 500] [--out DIR] [--seed N]
// `npm run fuzz` runs the property tests in Jest, which cannot stop a parser that loops forever
// (a synchronous loop never yields to Jest's timeout). This runs the per-file extraction
// (extractFile, the same path as a scan) in child processes over mutated copies of the committed
// APKs, DEX files and images (byte flips, 16- and 32-bit fields set to edge values, 4 KiB blocks
// copied over others, truncation), and saves to --out (default /tmp/activation-gate-fuzz) every
// input that
//   - throws out of extractFile (crash-*), or is reported as an internal error (internal-*),
//   - takes over 1.5 s and 5 ms per MB read or inflated (slow-*), or leaves the child over 1.5 GB (mem-*),
//   - makes no progress for 30 s: the child is killed (hang-*).
// Each saved file keeps the fixture's name, so `node scripts/fuzz-campaign.mjs --one FILE`
// replays it. A child that dies otherwise (its inputs not all run) is reported and fails the
// campaign. The code is compiled from src/ by tsc into .fuzz-build/<pid>/ (git-ignored) first,
// so campaigns can run side by side, each with its own --out.
import { spawn, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const args = process.argv.slice(2);
const opt = (n, d) => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1] : d);
/** This campaign's compiled sources (its children are told which). */
const BUILD_NAME = opt('build', String(process.pid));
const BUILD = join(ROOT, '.fuzz-build', BUILD_NAME);

/**
 * The committed binary fixtures the mutations start from, and a STORED copy of each APK made by
 * Python's zipfile (so that mutations reach the manifest, resources and DEX, not a deflate
 * stream that fails first: CRC-32s are not checked, as Android does not).
 */
function seeds() {
  const stored = existsSync(STORED) ? readdirSync(STORED).map((f) => join(STORED, f)) : [];
  return [...committed(), ...stored.filter((f) => statSync(f).size <= MAX_SEED)].sort();
}

const STORED = join(BUILD, 'stored');
/** Larger seeds (the bombs, once STORED) would spend the time on their bytes, not their structure. */
const MAX_SEED = 4 << 20;

function makeStored() {
  const apks = committed().filter((f) => /\.apk$/i.test(f));
  mkdirSync(STORED, { recursive: true });
  const py = [
    'import sys, zipfile, os',
    'out = sys.argv[1]',
    'for p in sys.argv[2:]:',
    '    try:',
    '        with zipfile.ZipFile(p) as zin, zipfile.ZipFile(os.path.join(out, "stored-" + os.path.basename(p)), "w", zipfile.ZIP_STORED) as z:',
    '            for i in zin.infolist():',
    '                z.writestr(zipfile.ZipInfo(i.filename, i.date_time), zin.read(i.filename))',
    '    except Exception as e:',
    '        print("not re-stored:", os.path.basename(p), e)',
  ].join('\n');
  try {
    execFileSync('python3', ['-c', py, STORED, ...apks], { stdio: 'inherit' });
  } catch {
    console.log('python3 absent: no STORED copies of the APKs');
  }
}

function committed() {
  const F = join(ROOT, '__tests__', 'fixtures');
  const out = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(apk|apex|dex|img|zip|vdex|bin|arsc)$/i.test(e.name) && statSync(p).size <= MAX_SEED) out.push(p);
    }
  };
  for (const d of ['apks', 'formats', 'hostile', 'images']) walk(join(F, d));
  return out.sort();
}

async function extraction() {
  const at = (m) => import(pathToFileURL(join(BUILD, m)).href);
  const [{ extractFile }, { newContext }, { DEFAULT_LIMITS }] = await Promise.all([at('extract/artifact.js'), at('extract/pool.js'), at('extract/limits.js')]);
  return async (path, name, size) => {
    const ctx = newContext({ hosts: ['zzhc.vnet.cn'], sms: ['10659401'], mentionPackages: [], limits: { ...DEFAULT_LIMITS } });
    await extractFile({ abs: Buffer.from(path), relPath: name, size, partition: '', partitionPath: name }, ctx);
    ctx.endpoints.finish();
    return ctx;
  };
}

const EDGES = [0, 1, 2, 0x7f, 0x80, 0xff, 0x1000, 0x7fff, 0x8000, 0xffff, 0x10000, 0x400000, 0x40000000, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];

/** One batch: `count` mutated inputs from `seed`, each written to current.* before it runs. */
async function child(seed, count, out) {
  const files = seeds();
  const bufs = files.map((f) => readFileSync(f));
  const run = await extraction();
  let s = seed >>> 0 || 1;
  const rnd = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
  const ri = (n) => Math.floor(rnd() * n);
  const work = mkdtempSync(join(tmpdir(), 'ag-fuzz-'));
  let slowest = 0;
  for (let i = 0; i < count; i++) {
    const k = ri(files.length);
    let b = Buffer.from(bufs[k]);
    for (let ops = 1 + ri(4); ops > 0 && b.length >= 16; ops--) {
      // Mostly near the start, where headers, superblocks and central directories of small files are.
      const at = () => (rnd() < 0.6 ? ri(Math.min(b.length, 65536)) : ri(b.length));
      const t = ri(6);
      if (t === 0) for (let j = 1 + ri(8); j > 0; j--) b[at()] = ri(256);
      else if (t <= 2) {
        const p = at() & ~3;
        if (p + 4 <= b.length) b[rnd() < 0.5 ? 'writeUInt32LE' : 'writeUInt32BE'](EDGES[ri(EDGES.length)] >>> 0, p);
      } else if (t === 3) {
        const p = at() & ~1;
        if (p + 2 <= b.length) b.writeUInt16LE(EDGES[ri(EDGES.length)] & 0xffff, p);
      } else if (t === 4) {
        const blocks = Math.floor(b.length / 4096);
        const from = ri(blocks) * 4096;
        if (blocks >= 2) b.copy(b, ri(blocks) * 4096, from, from + 4096);
      } else b = b.subarray(0, Math.max(16, ri(b.length)));
    }
    const name = basename(files[k]).replace(/^stored-/, '');
    const id = `${seed}-${i}-${name}`;
    writeFileSync(join(out, 'current.bin'), b);
    writeFileSync(join(out, 'current.id'), id);
    const path = join(work, name);
    writeFileSync(path, b);
    const t0 = performance.now();
    let inflated = 0;
    try {
      const ctx = await run(path, name, b.length);
      inflated = ctx.stats.inflatedBytes;
      for (const u of ctx.unreadable) {
        if (/internal error/.test(u.reason)) {
          writeFileSync(join(out, `internal-${id}`), b);
          console.log(`INTERNAL internal-${id}: ${u.path}: ${u.reason}`);
        }
      }
    } catch (e) {
      writeFileSync(join(out, `crash-${id}`), b);
      console.log(`CRASH crash-${id}: ${String(e?.stack ?? e).split('\n').slice(0, 3).join(' | ')}`);
    }
    const ms = performance.now() - t0;
    slowest = Math.max(slowest, ms);
    // Slow: past 1.5 s and 5 ms per MB read or inflated (a bomb within its budget takes its time).
    if (ms > 1500 + (b.length + inflated) / 2e5) {
      writeFileSync(join(out, `slow-${id}`), b);
      console.log(`SLOW slow-${id}: ${Math.round(ms)} ms`);
    }
    if (process.memoryUsage().rss > 1.5e9) {
      writeFileSync(join(out, `mem-${id}`), b);
      console.log(`MEM mem-${id}: ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
      process.exit(3);
    }
  }
  rmSync(work, { recursive: true, force: true });
  console.log(`batch ${seed}: ${count} inputs, slowest ${Math.round(slowest)} ms`);
}

/** Runs one batch in a child, killed if it makes no progress for 30 s. True when it ran them all. */
function batch(seed, count, out) {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, ['--max-old-space-size=3000', fileURLToPath(import.meta.url), '--child', String(seed), '--batch', String(count), '--out', out, '--build', BUILD_NAME], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    let hung = false;
    let seen = '';
    let since = Date.now();
    const watch = setInterval(() => {
      const id = existsSync(join(out, 'current.id')) ? readFileSync(join(out, 'current.id'), 'utf8') : '';
      if (id !== seen) {
        seen = id;
        since = Date.now();
      } else if (Date.now() - since > 30_000) {
        copyFileSync(join(out, 'current.bin'), join(out, `hang-${id}`));
        console.log(`HANG hang-${id}: no progress for 30 s`);
        hung = true;
        c.kill('SIGKILL');
      }
    }, 1000);
    c.on('exit', (code, signal) => {
      clearInterval(watch);
      // A hang or a memory stop has saved its input; anything else is said here.
      if (!hung && code !== 0 && code !== 3) console.log(`FAILED batch ${seed}: the child exited with ${signal ?? `code ${code}`}; its inputs were not all run`);
      resolve(code === 0);
    });
  });
}

const out = opt('out', join(tmpdir(), 'activation-gate-fuzz'));
mkdirSync(out, { recursive: true });
if (args.includes('--child')) {
  await child(Number(opt('child', '1')), Number(opt('batch', '500')), out);
} else {
  console.log(`compiling src/ into ${BUILD} ...`);
  rmSync(BUILD, { recursive: true, force: true });
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.json'), '--outDir', BUILD], { stdio: 'inherit' });
  writeFileSync(join(BUILD, 'package.json'), '{ "type": "module" }\n');
  makeStored();
  if (args.includes('--one')) {
    const file = opt('one', '');
    const name = basename(file).replace(/^(crash|internal|slow|mem|hang)-\d+-\d+-/, '').replace(/^stored-/, '');
    const t0 = performance.now();
    const ctx = await (await extraction())(file, name, statSync(file).size);
    console.log(`${Math.round(performance.now() - t0)} ms`, JSON.stringify(ctx.unreadable, null, 1));
  } else {
    const until = Date.now() + Number(opt('seconds', '600')) * 1000;
    const count = Number(opt('batch', '500'));
    let seed = Number(opt('seed', String(Date.now() % 1e9)));
    let batches = 0;
    let failed = 0;
    const saved = () => readdirSync(out).filter((f) => /^(crash|internal|slow|mem|hang)-/.test(f)).length;
    const before = saved();
    console.log(`${seeds().length} fixtures; batches of ${count} from seed ${seed}; saving problems to ${out}`);
    while (Date.now() < until) {
      if (!(await batch(seed++, count, out))) failed++;
      batches++;
    }
    const problems = saved() - before;
    console.log(`${batches} batches (${failed} not run to the end), ${(batches - failed) * count} inputs in whole batches, ${problems} problem(s)${problems ? `: see ${out}` : ''}`);
    process.exitCode = problems || failed ? 1 : 0;
  }
  rmSync(BUILD, { recursive: true, force: true });
}
