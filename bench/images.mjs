#!/usr/bin/env node
// Images of part of the benchmark build (issue 6: "one ext4 and one EROFS-LZ4 image of part of
// it"): the corpus's system/ partition as an ext4 image (mke2fs -d) and as an EROFS image with
// LZ4 (mkfs.erofs -zlz4), built once and cached in bench/images-<scale>/ (git-ignored). Times
// our scan of the folder and of each image, on one worker and on every core, with the floor of
// the folder, checks that all three give the same endpoints and packages, and writes
// bench/results-images.md. Usage: node bench/images.mjs [--scale 2] [--runs 3]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, corpusIdentity, ensureCorpus, listFiles, measureRounds, NODE, NODE_VERSION, opt, resultsFile, ROOT, timeOnce } from './common.mjs';

const scale = Number(opt('scale', '2'));
const runs = Number(opt('runs', '3'));
const corpus = ensureCorpus(scale);
const part = join(corpus, 'system');
const dir = join(ROOT, 'bench', `images-${scale}`);
const ext4 = join(dir, 'system.ext4.img');
const erofs = join(dir, 'system.erofs-lz4.img');
const cores = availableParallelism();

const have = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
if (!have('mke2fs') || !have('mkfs.erofs')) {
  console.error('SKIPPED: the image benchmark needs mke2fs (e2fsprogs) and mkfs.erofs (erofs-utils)');
  process.exit(0);
}
mkdirSync(dir, { recursive: true });
const partBytes = listFiles(part).reduce((a, f) => a + statSync(f).size, 0);
if (!existsSync(ext4)) {
  const mb = Math.ceil((partBytes * 1.25) / 2 ** 20) + 64;
  console.error(`building ${ext4} (${mb} MiB) ...`);
  execFileSync('mke2fs', ['-q', '-F', '-t', 'ext4', '-b', '4096', '-L', 'system', '-d', part, ext4, `${mb}M`], { stdio: 'inherit' });
}
if (!existsSync(erofs)) {
  console.error(`building ${erofs} ...`);
  execFileSync('mkfs.erofs', ['-zlz4', erofs, part], { stdio: ['ignore', 'ignore', 'inherit'] });
}

const EMPTY = mkdtempSync(join(tmpdir(), 'ag-bench-img-'));
process.on('exit', () => rmSync(EMPTY, { recursive: true, force: true }));

const out = (name) => join(EMPTY, `${name}.json`);
const ours = (label, input, workers, name) => ({
  key: name,
  label: `${label}, ${workers} worker${workers > 1 ? 's' : ''}`,
  once: () =>
    timeOnce(label, NODE, [CLI, 'scan', input, '--market', 'EU', '--format', 'json', '--output', out(name), '--fail-on', 'never', '--quiet', '--source-root', EMPTY], {
      ACTIVATION_GATE_WORKERS: String(workers),
    }),
});

execFileSync('sh', ['-c', 'cat "$@" > /dev/null', 'sh', ext4, erofs, ...listFiles(part)]); // page cache warm
// Each contender once per round, in turn (measureRounds): a slow stretch falls on all alike.
const contenders = [{ key: 'floor', label: 'floor (folder), 1 worker', once: () => timeOnce('floor', NODE, [join(ROOT, 'bench', 'floor.mjs'), part, '--workers', '1']) }];
for (const w of [...new Set([1, cores])]) {
  contenders.push(ours('folder system/', part, w, `folder${w}`));
  contenders.push(ours('ext4 image', ext4, w, `ext4${w}`));
  contenders.push(ours('EROFS-LZ4 image', erofs, w, `erofs${w}`));
}
const rows = Object.values(measureRounds(contenders, runs));
// The three forms must give the same endpoints and packages (paths inside images are the same).
const facts = (name) => {
  const r = JSON.parse(readFileSync(out(name), 'utf8'));
  return JSON.stringify({ endpoints: r.targets[0].endpoints.map((e) => [e.kind, e.value, e.status]), packages: r.targets[0].packages.map((p) => [p.package, p.versionCode]) });
};
const same = facts(`folder${cores}`) === facts(`ext4${cores}`) && facts(`folder${cores}`) === facts(`erofs${cores}`);
if (!same) throw new Error('the folder and its images do not give the same endpoints and packages');

const lines = [
  '# Images of part of the build',
  '',
  `${new Date().toISOString().slice(0, 10)}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cores} cores), Node ${NODE_VERSION}; corpus scale ${scale} (${corpusIdentity()}), its system/ partition: ${listFiles(part).length} files, ${(partBytes / 1e6).toFixed(0)} MB; ext4 image ${(statSync(ext4).size / 1e6).toFixed(0)} MB (mke2fs -d), EROFS image ${(statSync(erofs).size / 1e6).toFixed(0)} MB (mkfs.erofs -zlz4); medians of ${runs} rounds, each run once per round in turn; page cache warm.`,
  '',
  '| run | seconds | peak RSS |',
  '|---|---:|---:|',
  ...rows.filter((r) => !r.label.startsWith('page-cache')).map((r) => `| ${r.label} | ${r.seconds.toFixed(2)} | ${r.rssMB.toFixed(0)} MB |`),
  '',
  `Same endpoints and packages from the folder and both images: ${same ? 'yes' : 'NO'}.`,
  '',
];
writeFileSync(resultsFile('results-images'), lines.join('\n'));
console.log(lines.join('\n'));
