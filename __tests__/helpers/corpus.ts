/** Locations of the third-party androguard corpus (Debian package `androguard`). */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from '@jest/globals';

export const ANDROGUARD_EXAMPLES = '/usr/share/doc/androguard/examples';
export const HAVE_ANDROGUARD = existsSync(ANDROGUARD_EXAMPLES);

/** `describe` when the corpus is installed; otherwise a visible skip. */
export function describeWithAndroguard(name: string, fn: () => void): void {
  if (HAVE_ANDROGUARD) {
    describe(name, fn);
  } else {
    console.warn(`SKIPPED: "${name}" needs the androguard corpus at ${ANDROGUARD_EXAMPLES} (apt-get install androguard)`);
    describe.skip(name, fn);
  }
}

/** Every regular file under the androguard corpus (or `dir`), in directory order. */
export function androguardFiles(dir = ANDROGUARD_EXAMPLES): string[] {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.isFile()) files.push(join(d, e.name));
    }
  };
  walk(dir);
  return files;
}
