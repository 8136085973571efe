/**
 * How eagerly V8 optimises, set once per process by the CLI and the Action's entry (the flag is
 * process-wide: extraction workers started afterwards share it).
 *
 * On V8 11.3 (Node 20) a function is compiled by TurboFan after 3 + bytecode length / 150 ticks
 * of its interrupt budget. A scan calls many long functions a few hundred times each (opening a
 * ZIP, reading its central directory, parsing a manifest, a string pool or a resource table):
 * they reached that count, and TurboFan spent 20-40 ms on each of them, once in every thread.
 * With 20 instead of 150, such a function needs about seven times as many ticks, while a
 * short, hot one is optimised as soon as before. Measured on the benchmark build (2 cores, Node
 * 20.20.2, alternating runs): TurboFan compiles 196 -> 148 and 1.30 -> 0.44 s of helper-thread
 * CPU on one worker; two workers 2.81 -> 2.68 s and 4.55 -> 4.29 s of user CPU; four 3.30 ->
 * 3.12 s; one worker unchanged (3.51 -> 3.55 s, within noise; its compiler runs on the idle
 * core). Node 24 (V8 13, the Action's runtime) tiers up by invocation counts through Maglev
 * and lacks this flag: a changed count there made no difference (2.60 vs 2.57-2.59 s), so
 * nothing is set.
 */
import v8 from 'node:v8';

export const TIERING_FLAG = '--bytecode-size-allowance-per-tick';
export const TIERING_VALUE = 20;

/**
 * The V8 flag to set for the running engine, or undefined: none on other V8 versions than 11.3
 * (Node 20's, the one measured; Node 21's 11.8 was not, and an unknown flag would print an error),
 * nor when the process was started with the flag already (`node --bytecode-size-...`), which
 * then stands. (Node refuses the flag in NODE_OPTIONS, so the command line is the only place.)
 */
export function tieringFlag(v8Version: string, execArgv: readonly string[]): string | undefined {
  if (!/^11\.3\./.test(v8Version)) return undefined;
  // V8 takes its flags' words joined by '-' or '_'.
  if (execArgv.some((arg) => arg.replace(/_/g, '-').startsWith(TIERING_FLAG))) return undefined;
  return `${TIERING_FLAG}=${TIERING_VALUE}`;
}

/** Sets the flag tieringFlag gives for this process, if any; returns it. */
export function tuneTiering(set: (flags: string) => void = v8.setFlagsFromString): string | undefined {
  const flag = tieringFlag(process.versions.v8, process.execArgv);
  if (flag) set(flag);
  return flag;
}
