/** Locations of the third-party androguard corpus (Debian package `androguard`). */
import { existsSync } from 'node:fs';
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
