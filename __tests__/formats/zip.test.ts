import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { FormatError } from '../../src/formats/errors.js';
import { openZip, readEntry, type ZipArchive } from '../../src/formats/zip.js';
import { BufferSource, FileSource } from '../../src/io/source.js';
import { ANDROGUARD_EXAMPLES, describeWithAndroguard } from '../helpers/corpus.js';
import { scanIn } from '../helpers/scan.js';
import { tempDir } from '../helpers/temp.js';

const APKS = join(import.meta.dirname, '..', 'fixtures', 'apks');
const APKSIG = join(ANDROGUARD_EXAMPLES, 'signing', 'apksig');

async function withZip<T>(path: string, fn: (zip: ZipArchive, src: FileSource) => Promise<T>): Promise<T> {
  const src = await FileSource.open(path);
  try {
    return await fn(await openZip(src), src);
  } finally {
    await src.close();
  }
}

async function zipError(path: string): Promise<FormatError> {
  try {
    await withZip(path, async () => undefined);
  } catch (e) {
    if (e instanceof FormatError) return e;
    throw e;
  }
  throw new Error(`${path} parsed`);
}

describe('ZIP reader on the project fixtures (built by aapt/zipalign/apksigner)', () => {
  it('lists the same entries as unzip and reads each entry byte for byte', async () => {
    for (const name of ['autoregistration-cn.apk', 'native-only.apk', 'overlay-cn.apk']) {
      const path = join(APKS, name);
      const expected = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' }).trim().split('\n').sort();
      await withZip(path, async (zip, src) => {
        expect(zip.entries.map((e) => e.name).sort()).toEqual(expected);
        expect(zip.signingBlock).toBeDefined(); // apksigner v2
        for (const e of zip.entries) {
          const ours = await readEntry(src, e, { maxBytes: 1 << 26 });
          const theirs = execFileSync('unzip', ['-p', path, e.name], { maxBuffer: 1 << 26 });
          expect(ours.equals(theirs)).toBe(true);
        }
      });
    }
  });

  it('a truncated APK is a FormatError naming the missing end record', async () => {
    const e = await zipError(join(APKS, 'truncated.apk'));
    expect(e.format).toBe('zip');
    expect(e.reason).toMatch(/end-of-central-directory|central directory/);
  });

  it('a file that is not a ZIP is a FormatError', async () => {
    expect((await zipError(join(APKS, 'not-a-zip.apk'))).reason).toMatch(/no end-of-central-directory/);
    expect((await zipError(join(APKS, 'empty.apk'))).reason).toMatch(/too small/);
  });

  it('caps inflation per entry', async () => {
    await withZip(join(APKS, 'autoregistration-cn.apk'), async (zip, src) => {
      const dex = zip.entries.find((e) => e.name === 'classes.dex')!;
      await expect(readEntry(src, dex, { maxBytes: 16 })).rejects.toThrow(/cap/);
    });
  });
});

describe('entries whose bytes overlap', () => {
  /** benign.apk with the central record of entry `moved` pointing `shift` bytes past entry `into`'s local header. */
  const repointed = async (moved: number, into: number, shift: number): Promise<ZipArchive> => {
    const buf = Buffer.from(readFileSync(join(APKS, 'benign.apk')));
    const zip = await openZip(new BufferSource(buf));
    let p = zip.cdOffset;
    for (let i = 0; i < moved; i++) p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    buf.writeUInt32LE(zip.entries[into].localHeaderOffset + shift, p + 42);
    return openZip(new BufferSource(buf));
  };

  it('none in an APK as aapt, zipalign and apksigner write it', async () => {
    const zip = await openZip(new BufferSource(readFileSync(join(APKS, 'benign.apk'))));
    expect(zip.entries.length).toBeGreaterThan(3);
    expect(zip.overlaps).toEqual(new Map());
  });

  it('an entry starting inside another, or at its local header, overlaps it; the entry with the lower offset is kept', async () => {
    const clean = await openZip(new BufferSource(readFileSync(join(APKS, 'benign.apk'))));
    const [a, b] = [...clean.entries].sort((x, y) => x.localHeaderOffset - y.localHeaderOffset);
    // The last entry's record pointed at the first entry's local header, then one byte into it.
    const last = clean.entries.length - 1;
    expect((await repointed(last, a.index, 0)).overlaps).toEqual(new Map([[Math.max(a.index, last), Math.min(a.index, last)]]));
    expect((await repointed(last, a.index, 1)).overlaps).toEqual(new Map([[last, a.index]]));
    // Pointed at the next entry's local header instead: it shares that header, and the entry kept is
    // the lower index of the two.
    expect((await repointed(last, b.index, 0)).overlaps).toEqual(new Map([[Math.max(b.index, last), Math.min(b.index, last)]]));
  });
});

describe('entries whose data and declared size differ', () => {
  /** Sets the one entry's declared (uncompressed) size in its local header and central record. */
  const declareSize = async (zipPath: string, size: number): Promise<void> => {
    const buf = readFileSync(zipPath);
    const zip = await openZip(new BufferSource(buf));
    expect(zip.entries).toHaveLength(1);
    expect(buf.readUInt32LE(zip.cdOffset)).toBe(0x02014b50);
    buf.writeUInt32LE(size, zip.entries[0].localHeaderOffset + 22);
    buf.writeUInt32LE(size, zip.cdOffset + 24);
    writeFileSync(zipPath, buf);
  };

  it('a stored entry whose data runs past its size is scanned to the end of its data, as java.util.zip reads it', async () => {
    const dir = tempDir('ag-zip-tail-');
    const app = join(dir, 'build', 'system', 'app', 'A');
    mkdirSync(app, { recursive: true });
    // Made by zip (stored), then its size set to 5 bytes: the host lies past them.
    writeFileSync(join(dir, 'cfg.txt'), `hello${'\n'.repeat(100)}https://zzhc.vnet.cn/reg\n`);
    execFileSync('zip', ['-q', '-0', '-j', join(app, 'A.jar'), join(dir, 'cfg.txt')]);
    await declareSize(join(app, 'A.jar'), 5);
    const report = await scanIn(dir);
    // At its offset in the entry's data: "hello" and 100 newlines before it.
    expect(report.targets[0].endpoints.find((x) => x.value === 'zzhc.vnet.cn')?.evidence).toEqual([{ path: 'system/app/A/A.jar', entry: 'cfg.txt', source: 'file', offset: 105 }]);
    // An entry named like a folder, of size 0, that holds data (Python's zipfile writes it
    // stored, its size then set to 0): ZipFile.getInputStream returns the data.
    execFileSync('python3', ['-c', `import zipfile,sys\nwith zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_STORED) as z: z.writestr('cfg/', b'x' * 64 + b' https://zzhc.vnet.cn/reg ')`, join(app, 'B.jar')]);
    await declareSize(join(app, 'B.jar'), 0);
    const again = await scanIn(dir);
    expect(again.targets[0].endpoints.find((x) => x.value === 'zzhc.vnet.cn')?.evidence.map((x) => `${x.path}!/${x.entry}`)).toEqual(['system/app/A/A.jar!/cfg.txt', 'system/app/A/B.jar!/cfg/']);
  });
});

describe('files in META-INF', () => {
  it('are scanned unless they are signature material (MANIFEST.MF, a signer\'s .SF and its block)', async () => {
    const dir = tempDir('ag-zip-metainf-');
    mkdirSync(join(dir, 'build', 'system', 'app', 'N'), { recursive: true });
    mkdirSync(join(dir, 'META-INF'));
    const apk = join(dir, 'build', 'system', 'app', 'N', 'N.apk');
    cpSync(join(APKS, 'benign.apk'), apk);
    writeFileSync(join(dir, 'META-INF', 'SERVER.MF'), 'Server: https://zzhc.vnet.cn/reg\n');
    writeFileSync(join(dir, 'META-INF', 'LONE.RSA'), 'dm.wo.com.cn\n');
    execFileSync('zip', ['-q', apk, 'META-INF/SERVER.MF', 'META-INF/LONE.RSA'], { cwd: dir });
    const report = await scanIn(dir);
    const where = (host: string) => report.targets[0].endpoints.find((x) => x.value === host)?.evidence.map((x) => x.entry);
    expect(where('zzhc.vnet.cn')).toEqual(['META-INF/SERVER.MF']);
    expect(where('dm.wo.com.cn')).toEqual(['META-INF/LONE.RSA']);
  });
});

describeWithAndroguard('ZIP reader on apksig edge cases (androguard corpus)', () => {
  it('lists every apksig APK that unzip lists, with the same names', async () => {
    const files = readdirSync(APKSIG).filter((f) => f.endsWith('.apk')).sort();
    let agreed = 0;
    let compared = 0;
    for (const f of files) {
      const path = join(APKSIG, f);
      let expected: string[] | undefined;
      try {
        expected = execFileSync('unzip', ['-Z1', path], { encoding: 'latin1', stdio: ['ignore', 'pipe', 'ignore'] })
          .split('\n')
          .filter(Boolean);
      } catch {
        expected = undefined; // unzip refuses it: our reader may refuse or accept, but must not crash
      }
      let names: string[] | undefined;
      try {
        names = await withZip(path, async (zip) => zip.entries.map((e) => e.rawName.toString('latin1')));
      } catch (e) {
        expect(e).toBeInstanceOf(FormatError);
      }
      if (expected && names && !/(nul|lf|cr)-in-entry-name/.test(f)) {
        compared++;
        if (JSON.stringify([...names].sort()) === JSON.stringify([...expected].sort())) agreed++;
        else throw new Error(`${f}: ours ${JSON.stringify(names)} vs unzip ${JSON.stringify(expected)}`);
      }
    }
    expect(compared).toBeGreaterThan(250);
    expect(agreed).toBe(compared);
  });

  it('reads an unknown compression method as STORED (Android resource semantics)', async () => {
    await withZip(join(APKSIG, 'weird-compression-method.apk'), async (zip, src) => {
      const odd = zip.entries.filter((e) => e.method !== 0 && e.method !== 8);
      expect(odd.length).toBeGreaterThan(0);
      for (const e of odd) {
        const data = await readEntry(src, e, { maxBytes: 1 << 20 });
        expect(data.length).toBe(e.uncompressedSize);
      }
    });
  });

  it('keeps names with NUL, LF and CR and flags them', async () => {
    for (const f of ['v1-only-with-nul-in-entry-name.apk', 'v1-only-with-lf-in-entry-name.apk', 'v1-only-with-cr-in-entry-name.apk']) {
      await withZip(join(APKSIG, f), async (zip) => {
        expect(zip.entries.some((e) => e.suspiciousName)).toBe(true);
      });
    }
  });

  it('handles maximum-length EOCD comments, garbage before the EOCD and empty archives', async () => {
    for (const f of ['v1-only-max-sized-eocd-comment.apk', 'v2-only-max-sized-eocd-comment.apk']) {
      await withZip(join(APKSIG, f), async (zip) => expect(zip.entries.length).toBeGreaterThan(0));
    }
    await withZip(join(APKSIG, 'v2-only-garbage-between-cd-and-eocd.apk'), async (zip) => {
      expect(zip.warnings.join(' ')).toMatch(/between the central directory and the end record/);
    });
    await withZip(join(APKSIG, 'empty-unsigned.apk'), async (zip) => expect(zip.entries).toEqual([]));
  });

  it('a truncated central directory is a FormatError, not a crash', async () => {
    const e = await zipError(join(APKSIG, 'v2-only-truncated-cd.apk'));
    expect(e.reason).toMatch(/central directory|overlaps|truncated/);
  });
});
