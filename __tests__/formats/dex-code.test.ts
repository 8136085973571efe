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

const withSmali = hasTool('smali') && hasTool('java') ? describe : describe.skip;
if (!hasTool('smali')) console.warn('SKIPPED the DEX code walker on a hostile layout: needs smali');

withSmali('a hostile layout', () => {
  it('many class_data items whose code items start inside one another are refused past the work bound, quickly', () => {
    const dir = tempDir('ag-dexcode-');
    const src = join(dir, 'A.smali');
    writeFileSync(src, '.class public LA;\n.super Ljava/lang/Object;\n.method public static f()V\n    .registers 1\n    const v0, 0x7f010000\n    return-void\n.end method\n');
    spawnSync('smali', ['a', src, '-o', join(dir, 'a.dex')]);
    const base = readFileSync(join(dir, 'a.dex'));
    expect(readDexCode(base).literals).toEqual(new Set([0x7f010000]));
    // Appended: 256 KiB of `01 00` (every u32 at an even offset is 0x00010001: a code_item
    // header there claims 65537 units, all `move`), K class_data items each with one direct
    // method whose code_off is 2 bytes past the last one's, and K class_defs pointing at them.
    const K = 200;
    const region = Buffer.alloc(256 << 10);
    for (let i = 0; i < region.length; i += 2) region[i] = 1;
    const regionOff = base.length;
    const uleb = (v: number): number[] => {
      const out: number[] = [];
      do {
        const b = v & 0x7f;
        v = Math.floor(v / 128);
        out.push(v ? b | 0x80 : b);
      } while (v);
      return out;
    };
    const classData: number[] = [];
    const dataOffs: number[] = [];
    const classDataOff = regionOff + region.length;
    for (let k = 0; k < K; k++) {
      dataOffs.push(classDataOff + classData.length);
      classData.push(0, 0, 1, 0, 0, 9, ...uleb(regionOff + 2 * k));
    }
    const classDefsOff = classDataOff + classData.length + ((4 - ((classDataOff + classData.length) % 4)) % 4);
    const defs = Buffer.alloc(32 * K);
    dataOffs.forEach((off, k) => defs.writeUInt32LE(off, 32 * k + 24));
    const dex = Buffer.concat([base, region, Buffer.from(classData), Buffer.alloc(classDefsOff - classDataOff - classData.length), defs]);
    dex.writeUInt32LE(dex.length, 0x20);
    dex.writeUInt32LE(K, 0x60);
    dex.writeUInt32LE(classDefsOff, 0x64);
    const started = Date.now();
    expect(() => readDexCode(dex)).toThrow(/items overlap \(a hostile layout\)/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
