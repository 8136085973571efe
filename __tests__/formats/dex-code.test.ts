/**
 * The DEX code walker (readDexCode): the literals of `const`/`const-high16` it finds in every
 * code item are those `dexdump -d` (Debian's dexdump, AOSP's) prints, over the DEX files of
 * androguard's example corpus; and a hostile DEX gives a FormatError, never a crash or a hang.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { readDexCode } from '../../src/formats/dex.js';
import { FormatError } from '../../src/formats/errors.js';
import { dexdumpConsts } from '../helpers/android.js';
import { tempDir } from '../helpers/temp.js';
import { hasTool } from '../helpers/tools.js';

const CORPUS = '/usr/share/doc/androguard/examples';

function filesOf(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...filesOf(p, ext));
    else if (name.endsWith(ext) && st.size > 0) out.push(p);
  }
  return out;
}

const corpus = existsSync(CORPUS) && hasTool('dexdump') && hasTool('unzip');
if (!corpus) console.warn(`SKIPPED the DEX code walker against dexdump over ${CORPUS}: needs androguard's examples and dexdump`);

(corpus ? describe : describe.skip)('const literals, as dexdump -d prints them', () => {
  it('match in every DEX of the androguard corpus that dexdump reads', () => {
    // Every .dex, and the classes.dex of every APK (unzipped to a temporary file for dexdump).
    const tmp = tempDir('ag-dexcode-');
    const files = corpus ? [...filesOf(CORPUS, '.dex'), ...filesOf(CORPUS, '.apk')] : [];
    let compared = 0;
    let literals = 0;
    let noDex = 0;
    const refused: string[] = [];
    for (const [i, f] of files.entries()) {
      let path = f;
      if (f.endsWith('.apk')) {
        const unzipped = spawnSync('unzip', ['-p', f, 'classes.dex'], { maxBuffer: 1 << 30 });
        if (unzipped.status !== 0 || unzipped.stdout.length === 0) {
          noDex++;
          continue;
        }
        path = join(tmp, `${i}.dex`);
        writeFileSync(path, unzipped.stdout);
      }
      const dump = spawnSync('dexdump', ['-d', path], { encoding: 'utf8', maxBuffer: 1 << 30 });
      const buf = readFileSync(path);
      if (dump.status !== 0 || /Failure to verify|ERROR:/.test(dump.stderr)) {
        // dexdump refuses it: ours must not crash (an error is fine).
        try {
          readDexCode(buf);
        } catch (e) {
          expect(e).toBeInstanceOf(FormatError);
        }
        refused.push(f);
        continue;
      }
      const ours: number[] = [];
      readDexCode(buf, { onConst: (v) => ours.push(v) });
      expect({ f, consts: ours.sort((a, b) => a - b) }).toEqual({ f, consts: dexdumpConsts(dump.stdout) });
      compared++;
      literals += ours.length;
    }
    console.log(`dexdump and readDexCode agree on ${literals} const literals in ${compared} DEX files (of ${files.length} .dex and .apk files: ${noDex} APKs without classes.dex; ${refused.length} dexdump refuses: ${refused.join(', ')})`);
    expect(compared).toBeGreaterThan(10);
  }, 600_000);
});
