/** Whether a command-line tool (a test oracle) is installed; cached per run. */
import { spawnSync } from 'node:child_process';

const cache = new Map<string, boolean>();

export function hasTool(name: string): boolean {
  if (!cache.has(name)) cache.set(name, spawnSync('sh', ['-c', `command -v ${name}`]).status === 0);
  return cache.get(name)!;
}
