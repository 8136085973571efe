#!/usr/bin/env node
// Runs the property/mutation tests with fresh seeds for a time budget:
//   npm run fuzz -- [--seconds 120] [--runs 2000]
// Each round runs the fuzz suites (__tests__/fuzz and every parser's property tests) with a new
// FC_SEED and FC_NUM_RUNS; a failing seed is printed so it can be replayed with FC_SEED=<seed>.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const opt = (n, d) => (args.includes(`--${n}`) ? Number(args[args.indexOf(`--${n}`) + 1]) : d);
const budget = opt('seconds', 120) * 1000;
const runs = opt('runs', 2000);
const suites = ['__tests__/fuzz', '__tests__/policy/properties', '__tests__/formats', '__tests__/containers/corrupt'];
const t0 = Date.now();
let rounds = 0;
let failures = 0;
while (Date.now() - t0 < budget) {
  const seed = Math.floor(Math.random() * 2 ** 31);
  const r = spawnSync('npx', ['jest', '--silent', ...suites], {
    env: { ...process.env, FC_SEED: String(seed), FC_NUM_RUNS: String(runs), NODE_OPTIONS: '--experimental-vm-modules', NODE_NO_WARNINGS: '1' },
    encoding: 'utf8',
  });
  rounds++;
  if (r.status !== 0) {
    failures++;
    console.log(`seed ${seed}: FAILED\n${(r.stdout + r.stderr).split('\n').filter((l) => /✕|Counterexample|seed|Error/.test(l)).slice(0, 30).join('\n')}`);
  } else console.log(`seed ${seed}: ok (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}
console.log(`${rounds} rounds of up to ${runs} cases per property, ${failures} failing seed(s), ${((Date.now() - t0) / 1000).toFixed(0)} s`);
process.exitCode = failures ? 1 : 0;
