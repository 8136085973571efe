#!/usr/bin/env node
// The WebAssembly block pass alone (src/wasm/scan-block.wat), this tree's module against the one
// at a git revision, on real bytes: the corpus's native libraries and the DEX of some of its APKs
// (`unzip -p`), copied in 64 KiB blocks as the scanner copies them. Prints the best of 15
// interleaved rounds for each; both include the copy, which is the same for both.
//   node bench/block-pass.mjs [REV]        (default REV: HEAD~1; needs bench/corpus)
/* global WebAssembly */
import { execFileSync, execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const rev = process.argv[2] ?? 'HEAD~1';
const CORPUS = join(ROOT, 'bench', 'corpus');

const base64Of = (text) => /= '([^']+)';/.exec(text)[1];
const modules = [
  [rev, base64Of(execFileSync('git', ['show', `${rev}:src/wasm/scan-block.wasm.ts`], { cwd: ROOT, encoding: 'utf8' }))],
  ['this tree', base64Of(readFileSync(join(ROOT, 'src', 'wasm', 'scan-block.wasm.ts'), 'utf8'))],
].map(([name, b64]) => {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(b64, 'base64')), {});
  return { name, mem: new Uint8Array(instance.exports.memory.buffer), block: instance.exports.block };
});

const libs = execSync(`find ${CORPUS} -name '*.so*' -type f | sort | head -40`).toString().trim().split('\n');
const apks = execSync(`find ${CORPUS} -name '*.apk' | sort | head -60`).toString().trim().split('\n');
const dex = apks.map((a) => { try { return execFileSync('unzip', ['-p', a, 'classes.dex'], { maxBuffer: 1 << 30 }); } catch { return Buffer.alloc(0); } });
const data = Buffer.concat([...libs.map((f) => readFileSync(f)), ...dex]).subarray(0, 256 << 20);

// As src/extract/scan-block.ts lays the memory out: the block at IN with 512 bytes of context
// on each side; the output areas at 68, 336, 560, 624 and 756 KiB (a module ignores the ones it
// does not take).
const BLOCK = 65536, IN = 1024, CTX = 512;
function run(m) {
  const t0 = performance.now();
  for (let s0 = CTX; s0 + BLOCK + CTX + 64 <= data.length; s0 += BLOCK) {
    m.mem.set(data.subarray(s0 - CTX, s0 + BLOCK + CTX + 64), IN - CTX);
    m.block(IN, BLOCK, CTX, 8, 68 << 10, 336 << 10, 560 << 10, 624 << 10, 756 << 10);
  }
  return performance.now() - t0;
}
const best = new Map();
for (let r = 0; r < 15; r++) for (const m of modules) best.set(m.name, Math.min(best.get(m.name) ?? Infinity, run(m)));
console.log(`${(data.length / 1e6).toFixed(0)} MB of libraries and DEX, best of 15 rounds:`);
for (const [name, ms] of best) console.log(`  ${name}: ${ms.toFixed(1)} ms`);
const [a, b] = [...best.values()];
console.log(`  this tree / ${rev}: ${(b / a).toFixed(3)}`);
