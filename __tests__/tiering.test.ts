/**
 * The V8 tiering flag the CLI and the Action set (src/tiering.ts): which engines get it, that a
 * flag the user gave on the command line stands, and, on the engine it is for, that setting it at run time really
 * delays TurboFan for a long function that a few hundred calls would otherwise optimise.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { TIERING_FLAG, tieringFlag, tuneTiering } from '../src/tiering.js';
import { tempDir } from './helpers/temp.js';

const NODE20_V8 = '11.3.244.8-node.38';
const TUNED = `${TIERING_FLAG}=20`;

describe('tieringFlag', () => {
  it('is set on V8 11.3 (Node 20) only', () => {
    expect(tieringFlag(NODE20_V8, [])).toBe(TUNED);
    expect(tieringFlag('11.3.244.4-node.16', ['--enable-source-maps', '--max-old-space-size=4096'])).toBe(TUNED);
    expect(tieringFlag('11.8.172.17-node.18', [])).toBeUndefined();
    expect(tieringFlag('1.11.3', [])).toBeUndefined();
    expect(tieringFlag('10.2.154.26-node.36', [])).toBeUndefined();
    expect(tieringFlag('12.4.254.21-node.33', [])).toBeUndefined();
    expect(tieringFlag('13.6.233.17-node.63', [])).toBeUndefined();
  });

  it('leaves a value the process was started with, in either spelling', () => {
    expect(tieringFlag(NODE20_V8, ['--bytecode-size-allowance-per-tick=150'])).toBeUndefined();
    expect(tieringFlag(NODE20_V8, ['--expose-gc', '--bytecode_size_allowance_per_tick=300'])).toBeUndefined();
    expect(tieringFlag(NODE20_V8, ['--bytecode-size-allowance'])).toBe(TUNED);
  });
});

describe('tuneTiering', () => {
  it('sets for this process what tieringFlag gives for it, and nothing when that is nothing', () => {
    const set: string[] = [];
    const flag = tuneTiering((f) => set.push(f));
    expect(flag).toBe(tieringFlag(process.versions.v8, process.execArgv));
    expect(set).toEqual(flag ? [flag] : []);
  });
});

/**
 * A child that defines a function of ~1,500 bytes of bytecode, calls it `calls` times and says
 * whether TurboFan optimised it (synchronously: --no-concurrent-recompilation), after setting
 * `flag` at run time as tuneTiering does. A script file, as the CLI and the Action are: run by
 * `node -e`, a function never reached TurboFan once any value of the flag had been set at run
 * time (V8 11.3), which is not what this checks.
 */
const CHILD = `
const v8 = require('node:v8');
const [flag, calls] = process.argv.slice(2);
if (flag) v8.setFlagsFromString(flag);
const body = Array.from({ length: 150 }, (_, i) => 's = (s + x * ' + (i + 3) + ' + ' + i + ') | 0;').join('\\n');
const long = new Function('x', 'let s = 0;\\n' + body + '\\nreturn s;');
for (let i = 0; i < Number(calls); i++) long(i);
process.stdout.write(eval('%GetOptimizationStatus(long)') & 16 ? 'optimised' : 'not optimised');
`;

let child = '';
beforeAll(() => {
  child = join(tempDir('tiering-'), 'child.cjs');
  writeFileSync(child, CHILD);
});

function optimisedAfter(flag: string, calls: number): string {
  const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--no-concurrent-recompilation', child, flag, String(calls)], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return r.stdout;
}

const onV8_11_3 = tieringFlag(process.versions.v8, []) !== undefined;
if (!onV8_11_3) console.warn(`tiering.test.ts: V8 ${process.versions.v8} is not V8 11.3: the run-time effect of ${TUNED} is not checked`);
(onV8_11_3 ? describe : describe.skip)('the flag on this engine (V8 11.3)', () => {
  it('set at run time, it delays TurboFan for a long function: 1,500 calls optimise it without the flag, not with it; 6,000 do with it', () => {
    expect(optimisedAfter('', 1500)).toBe('optimised');
    expect(optimisedAfter(TUNED, 1500)).toBe('not optimised');
    expect(optimisedAfter(TUNED, 6000)).toBe('optimised');
  });
});
