#!/usr/bin/env node
// CPU time per thread of one scan (Linux: /proc/<pid>/task/<tid>/stat, sampled every 20 ms until
// the scan exits), to see how much goes to the main thread, the extraction workers and V8's
// helper threads (concurrent compilation and garbage collection). Usage:
//   node bench/threads.mjs [--workers N] [--scale 2 | --input DIR] [-- extra node flags]
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ensureCorpus, opt } from './common.mjs';

const args = process.argv.slice(2);
const dash = args.indexOf('--');
const nodeFlags = dash >= 0 ? args.slice(dash + 1) : [];
const workers = opt('workers', '2', dash >= 0 ? args.slice(0, dash) : args);
const own = dash >= 0 ? args.slice(0, dash) : args;
const corpus = opt('input', undefined, own) ?? ensureCorpus(Number(opt('scale', '2', own)));
const EMPTY = mkdtempSync(join(tmpdir(), 'ag-threads-src-'));
const TICK = 100; // USER_HZ on Linux

const child = spawn(process.execPath, [...nodeFlags, CLI, 'scan', corpus, '--market', 'EU', '--format', 'json', '--output', '/dev/null', '--fail-on', 'never', '--quiet', '--source-root', EMPTY], {
  env: { ...process.env, ACTIVATION_GATE_WORKERS: workers },
  stdio: 'inherit',
});
const last = new Map();
const started = Date.now();
const sample = () => {
  let tasks;
  try {
    tasks = readdirSync(`/proc/${child.pid}/task`);
  } catch {
    return; // exited
  }
  for (const tid of tasks) {
    try {
      const stat = readFileSync(`/proc/${child.pid}/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      last.set(tid, (Number(f[11]) + Number(f[12])) / TICK); // utime + stime
    } catch {
      // the thread ended between listing and reading
    }
  }
};
const timer = setInterval(sample, 20);
child.on('exit', () => {
  clearInterval(timer);
  rmSync(EMPTY, { recursive: true, force: true });
  const wall = (Date.now() - started) / 1000;
  const rows = [...last.entries()].sort((a, b) => b[1] - a[1]);
  const main = String(child.pid);
  const total = rows.reduce((a, [, s]) => a + s, 0);
  console.log(`wall ${wall.toFixed(2)} s, CPU ${total.toFixed(2)} s over ${rows.length} threads (last sample before exit):`);
  // The main thread is one of the extractors, beside w - 1 worker threads (w with a heap cap:
  // src/extract/pool.ts extractors()); threads carry no names, so the busiest are taken for them.
  const w = process.env.ACTIVATION_GATE_WORKER_HEAP_MB ? Number(workers) : Number(workers) - 1;
  let helpers = 0;
  let shown = 0;
  for (const [tid, s] of rows) {
    const role = tid === main ? 'main thread' : shown < w ? 'extraction worker' : 'V8/libuv helper';
    if (role === 'extraction worker') shown++;
    if (role === 'V8/libuv helper') helpers += s;
    else console.log(`  ${role.padEnd(18)} ${s.toFixed(2)} s`);
  }
  console.log(`  ${'helper threads'.padEnd(18)} ${helpers.toFixed(2)} s (concurrent compilation, garbage collection)`);
});
