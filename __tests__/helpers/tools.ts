/** Whether a command-line tool (a test oracle) is installed; cached per run. */
import { execFileSync, spawnSync } from 'node:child_process';

const cache = new Map<string, boolean>();

export function hasTool(name: string): boolean {
  if (!cache.has(name)) cache.set(name, spawnSync('sh', ['-c', `command -v ${name}`]).status === 0);
  return cache.get(name)!;
}

/** `tool args` with `input` on stdin: its stdout. */
export function pipe(tool: string, args: string[], input: string | Buffer): Buffer {
  return execFileSync(tool, args, { input, maxBuffer: 64 << 20 });
}
