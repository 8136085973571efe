/**
 * Files written whole or not at all: through a temporary file in the same folder, renamed into
 * place, so that concurrent jobs and worker threads never see half a file.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

let tagPrefix: string | undefined;
let tagCount = 0;

/**
 * A name part no other writer uses: this process and thread's random prefix (made once; a
 * `randomBytes` call per entry cost ~60 µs, 25 ms per worker filling a cache) and a counter.
 */
function tempTag(): string {
  tagPrefix ??= `${process.pid}.${randomBytes(6).toString('hex')}`;
  return `${tagPrefix}.${tagCount++}`;
}

/**
 * Writes `dir/name` through a temporary file renamed into place, so that concurrent jobs and
 * workers never see half a file. Returns why it failed, if it did.
 */
export function writeAtomically(dir: string, name: string, data: Buffer | string): string | undefined {
  const final = join(dir, name);
  const tmp = join(dir, temporaryName(name));
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, final);
    return undefined;
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing left behind, or nothing we can do
    }
    return `cannot write ${final}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
  }
}

/** The temporary file `writeAtomically` writes `name` through: `.<name>.<pid>.<random>.<n>.tmp`. */
export function temporaryName(name: string): string {
  return `.${name}.${tempTag()}.tmp`;
}

/** The name `writeAtomically` was writing when it left the temporary file `name` behind, or undefined when `name` is not one. */
export function temporaryFor(name: string): string | undefined {
  return /^\.(.+)\.\d+\.[0-9a-f]{12}\.\d+\.tmp$/.exec(name)?.[1];
}
