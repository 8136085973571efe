/**
 * A DEX not named as code (`assets/core.dat`, a loose `core.dat`, a gzip'd one) is scanned twice:
 * raw, as data an app reads, and as the DEX it is. Each occurrence of an endpoint is still one
 * piece of evidence and counts once: the review found every host of such a file listed twice,
 * at the same offset, with evidenceCount 2.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { haveTools } from '../containers/helpers.js';
import { scanIn } from '../helpers/scan.js';
import { put, tempDir } from '../helpers/temp.js';

const APKS = join(import.meta.dirname, '..', 'fixtures', 'apks');
const TOOLS = ['zip', 'unzip', 'gzip'];
const withTools = haveTools(...TOOLS) ? describe : describe.skip;
if (!haveTools(...TOOLS)) console.warn(`SKIPPED a DEX scanned as data: needs ${TOOLS.join(', ')}`);

/** The smali-built classes.dex of the catalogued client fixture, unzipped into `dir`. */
function clientDex(dir: string): Buffer {
  execFileSync('unzip', ['-o', '-q', join(APKS, 'autoregistration-cn.apk'), 'classes.dex', '-d', dir]);
  return readFileSync(join(dir, 'classes.dex'));
}

withTools('a DEX that is not named as code', () => {
  const cases: [string, (dir: string) => { path: string; entry?: string }][] = [
    [
      'an APK entry assets/core.dat',
      (dir) => {
        const apk = join(dir, 'build', 'system', 'app', 'Notes', 'Notes.apk');
        mkdirSync(join(dir, 'build', 'system', 'app', 'Notes'), { recursive: true });
        copyFileSync(join(APKS, 'benign.apk'), apk);
        mkdirSync(join(dir, 'w', 'assets'), { recursive: true });
        copyFileSync(join(dir, 'classes.dex'), join(dir, 'w', 'assets', 'core.dat'));
        execFileSync('zip', ['-q', apk, 'assets/core.dat'], { cwd: join(dir, 'w') });
        return { path: 'system/app/Notes/Notes.apk', entry: 'assets/core.dat' };
      },
    ],
    [
      'a file of the walk, core.dat',
      (dir) => {
        put(join(dir, 'build', 'system', 'etc', 'core.dat'), clientDex(dir));
        return { path: 'system/etc/core.dat' };
      },
    ],
    [
      'a gzip’d file of the walk, core.dat.gz',
      (dir) => {
        put(join(dir, 'build', 'system', 'etc', 'core.dat'), clientDex(dir));
        execFileSync('gzip', ['-n', join(dir, 'build', 'system', 'etc', 'core.dat')]);
        return { path: 'system/etc/core.dat.gz' };
      },
    ],
  ];
  it.each(cases)('%s: each endpoint once, at its offset in the DEX', async (_name, build) => {
    const dir = tempDir('ag-dex-data-');
    const dex = clientDex(dir);
    const where = build(dir);
    const report = await scanIn(dir);
    for (const [value, text] of [
      ['zzhc.vnet.cn', 'http://zzhc.vnet.cn'],
      ['10659401', '10659401'],
    ]) {
      const ep = report.targets[0].endpoints.find((e) => e.value === value);
      expect(ep).toBeDefined();
      // One occurrence in the DEX (strings -t d: 10659401 at 569, http://zzhc.vnet.cn at 1096).
      expect(dex.indexOf(text, dex.indexOf(text) + 1)).toBe(-1);
      expect(ep!.evidence.map((e) => [e.path, e.entry, e.offset])).toEqual([[where.path, where.entry, dex.indexOf(text)]]);
      expect(ep!.evidenceCount).toBe(1);
    }
    expect(report.findings.filter((f) => f.rule === 'denied-endpoint').map((f) => f.endpoint).sort()).toEqual(['10659401', 'zzhc.vnet.cn']);
  });
});
