#!/usr/bin/env node
// The source indexer (`--source-root`, the Action's `source-root`, default the workspace) over an
// AOSP-shaped tree: the gate walks it on every build that has a finding to point at a source
// line. Usage: node bench/source.mjs [--modules 8000] [--runs 5]   (or: npm run bench -- --source)
// The tree is generated once (bench/gen-source-tree.py) into bench/source-tree-<modules>/. It
// times, with the tree in the page cache: `find TREE -type f`; the floor (one thread reading every
// folder and every file the indexer must read: makefiles, Android.bp, XML under device/ vendor/
// product/, nothing parsed); and the "source locations" phase of a scan of the sample build with
// --source-root TREE. Writes bench/results-source.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, NODE, NODE_VERSION, opt, resultsFile, ROOT } from './common.mjs';

const modules = Number(opt('modules', '8000'));
const runs = Number(opt('runs', '5'));
const tree = join(ROOT, 'bench', `source-tree-${modules}`);
if (!existsSync(tree)) {
  console.error(`generating ${tree} (${modules} modules) ...`);
  execFileSync('/usr/bin/python3', [join(ROOT, 'bench', 'gen-source-tree.py'), tree, '--modules', String(modules)], { stdio: 'inherit' });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Every folder listed, every file the indexer reads read; returns [files, folders, read, bytes]. */
function floorWalk() {
  let files = 0;
  let folders = 0;
  let read = 0;
  let bytes = 0;
  const walk = (dir, top) => {
    folders++;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && e.name !== 'out') walk(join(dir, e.name), top ?? e.name);
      } else if (e.isFile()) {
        files++;
        const xml = e.name.endsWith('.xml') && ['device', 'vendor', 'product'].includes(top);
        if (e.name === 'Android.bp' || e.name.endsWith('.mk') || xml) {
          bytes += readFileSync(join(dir, e.name), 'utf8').length;
          read++;
        }
      }
    }
  };
  walk(tree, undefined);
  return [files, folders, read, bytes];
}

function timeIt(fn) {
  const t0 = performance.now();
  const r = fn();
  return [(performance.now() - t0) / 1000, r];
}

const find = [];
const floor = [];
let counts;
for (let i = 0; i < runs; i++) {
  find.push(timeIt(() => execFileSync('find', ['-H', tree, '-type', 'f'], { maxBuffer: 1 << 30 }))[0]);
  const [s, c] = timeIt(floorWalk);
  floor.push(s);
  counts = c;
}
const [files, folders, read, bytes] = counts;
console.error(`find -type f: ${median(find).toFixed(2)} s; floor: ${median(floor).toFixed(2)} s (${files} files, ${folders} folders, ${read} files read, ${(bytes / 1e6).toFixed(0)} MB)`);

const cwd = mkdtempSync(join(tmpdir(), 'ag-bench-source-'));
const phase = [];
const total = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const r = spawnSync(NODE, [CLI, 'scan', join(ROOT, 'sample/out/600E0'), join(ROOT, 'sample/out/600CN'), '--policy', join(ROOT, 'sample/activation-gate.yml'), '--source-root', tree, '--format', 'json', '--output', '/dev/null', '--fail-on', 'never', '--quiet'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ACTIVATION_GATE_TIMINGS: '1' },
  });
  total.push((performance.now() - t0) / 1000);
  const m = /^timing: source locations ([\d.]+) s/m.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`scan failed: ${r.stderr.slice(-2000)}`);
  phase.push(Number(m[1]));
}
console.error(`ours: source locations ${median(phase).toFixed(2)} s (runs ${phase.map((x) => x.toFixed(2)).join(', ')}); whole scan of the sample ${median(total).toFixed(2)} s`);

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const md = `# Source indexer benchmark

${new Date().toISOString().slice(0, 10)}, ${cpus().length} x ${cpu}, Node ${NODE_VERSION}; \`node bench/source.mjs --modules ${modules} --runs ${runs}\`
(medians; the tree in the page cache).

The tree (\`bench/gen-source-tree.py\`, AOSP-shaped): ${files.toLocaleString('en')} files in ${folders.toLocaleString('en')} folders; the
indexer reads ${read.toLocaleString('en')} of them (makefiles, Android.bp, XML under device/, vendor/ and product/; ${(bytes / 1e6).toFixed(0)} MB).

| | seconds |
|---|---:|
| \`find TREE -type f\` | ${median(find).toFixed(2)} |
| floor: list every folder, read every file the indexer reads (one thread, nothing parsed) | ${median(floor).toFixed(2)} |
| ours: the "source locations" phase of a scan of the sample with \`--source-root TREE\` | ${median(phase).toFixed(2)} (${(median(phase) / median(floor)).toFixed(2)}x the floor) |
| ours: the whole scan of the sample's two SKUs with it | ${median(total).toFixed(2)} |
`;
writeFileSync(resultsFile('results-source'), md);
console.log(md);
