// Temporary folders for tests, removed after each test file (helpers/setup.ts registers the
// cleanup), so repeated runs leave nothing behind in the system's temporary folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const made: string[] = [];

/** A new folder under the system's temporary folder, removed when the test file ends. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes `file` (made with its folders) and returns its path. */
export function put(file: string, data: string | Buffer): string {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
  return file;
}
