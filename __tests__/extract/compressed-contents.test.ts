/**
 * What a compressed file or entry holds is recognised by its content, as a file of the walk is:
 * an APK inside (a compressed system APK, `Foo.apk.gz` beside `Foo-Stub`, which
 * PackageManagerService decompresses and installs) is extracted, a ZIP entry is opened as a ZIP
 * whatever its name, a DEX is scanned as one, and a second layer of compression is opened in
 * turn. Before, each was scanned as raw bytes only: a deflated DEX shows nothing that way, so the
 * China Telecom client gzip'd into an EU build passed. Inputs are made by the real tools (gzip,
 * xz, zstd, zip, unzip) from the fixture APK `aapt` built; what they hold is read back from
 * `aapt dump badging` and `dexdump` output recorded beside it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { RecordingLogger } from '../../src/logging.js';
import type { Report } from '../../src/report/model.js';
import { scan } from '../../src/scan.js';
import type { Limits } from '../../src/extract/limits.js';
import { haveTools } from '../containers/helpers.js';
import { TODAY } from '../helpers/scan.js';
import { put, tempDir } from '../helpers/temp.js';
import { pipe } from '../helpers/tools.js';

const APKS = join(import.meta.dirname, '..', 'fixtures', 'apks');
const APK = join(APKS, 'autoregistration-cn.apk');
const BADGING = readFileSync(join(APKS, 'autoregistration-cn.badging.txt'), 'utf8');
const DEXDUMP = readFileSync(join(APKS, 'autoregistration-cn.dexdump.txt'), 'utf8');
const PACKAGE = /^package: name='([^']*)'/m.exec(BADGING)![1];
const PERMISSIONS = [...BADGING.matchAll(/^uses-permission: name='([^']*)'/gm)].map((m) => m[1]).sort();
const URL = 'http://zzhc.vnet.cn';
const TEXT = 'server = http://zzhc.vnet.cn/zzhc/register\n';

const TOOLS = ['gzip', 'xz', 'bzip2', 'zstd', 'zip', 'unzip'];
const present = haveTools(...TOOLS);
if (!present) console.warn(`SKIPPED contents of compressed files: needs ${TOOLS.join(', ')} (apt-get install gzip xz-utils bzip2 zstd zip unzip)`);
const withTools = present ? describe : describe.skip;

function gzip(data: string | Buffer, times = 1): Buffer {
  let out: Buffer = Buffer.from(data);
  for (let i = 0; i < times; i++) out = pipe('gzip', ['-n', '-c'], out);
  return out;
}

function scanBuild(dir: string, limits?: Partial<Limits>): Promise<Report> {
  return scan({ inputs: ['build'], market: 'EU', failOn: 'never', cwd: dir, now: TODAY }, new RecordingLogger(), limits ? { limits } : {});
}

/** The fixture's classes.dex, as unzip gives it: where its URL string's bytes are. */
const dexBytes = (): Buffer => execFileSync('unzip', ['-p', APK, 'classes.dex'], { maxBuffer: 16 << 20 });

withTools('what compressed files hold, by content', () => {
  it('a compressed system APK (gzip, xz or zstd, beside its -Stub) is the client installed: its manifest, signers and DEX are read', async () => {
    // dexdump lists the URL among the DEX's strings: it is there to be found.
    expect(DEXDUMP).toContain(`"${URL}"`);
    const at = dexBytes().indexOf(URL);
    expect(at).toBeGreaterThan(0);
    const apk = readFileSync(APK);
    for (const [ext, data] of [
      ['gz', gzip(apk)],
      ['xz', pipe('xz', ['-c'], apk)],
      ['zst', pipe('zstd', ['-c', '-q'], apk)],
    ] as const) {
      const dir = tempDir('ag-compressed-apk-');
      const path = `system/priv-app/AutoRegistration/AutoRegistration.apk.${ext}`;
      put(join(dir, 'build', path), data);
      // The stub a compressed system package is installed from: a directory without the APK.
      mkdirSync(join(dir, 'build/system/priv-app/AutoRegistration-Stub'), { recursive: true });
      const r = await scanBuild(dir);
      const t = r.targets[0];
      expect(t.unreadable).toEqual([]);
      expect(t.packages.map((p) => [p.path, p.partitionPath, p.package])).toEqual([[path, 'system/priv-app/AutoRegistration/AutoRegistration.apk.' + ext, PACKAGE]]);
      expect([...(t.packages[0].permissions ?? [])].sort()).toEqual(PERMISSIONS);
      expect(t.packages[0].signerSha256).toMatch(/^[0-9a-f]{64}$/);
      const client = r.findings.find((f) => f.rule === 'wrong-market-client');
      expect(client).toMatchObject({ package: PACKAGE, path, severity: 'error' });
      const denied = r.findings.find((f) => f.rule === 'denied-endpoint' && f.endpoint === 'zzhc.vnet.cn');
      expect(denied?.evidence).toEqual([{ path, entry: 'classes.dex', source: 'dex', offset: at }]);
      expect(r.verdict).toBe('fail');
    }
  });

  it('an entry holding a ZIP is opened as one whatever its name (assets/plugin.dat made by zip): its deflated DEX is read', async () => {
    const dir = tempDir('ag-zip-entry-');
    const work = join(dir, 'work');
    put(join(work, 'classes.dex'), dexBytes());
    // zip -9 deflates the DEX: in the plugin's raw bytes its strings cannot be seen.
    mkdirSync(join(work, 'assets'));
    execFileSync('zip', ['-q', '-9', join(work, 'assets', 'plugin.dat'), 'classes.dex'], { cwd: work, stdio: 'ignore' });
    const plugin = readFileSync(join(work, 'assets', 'plugin.dat'));
    expect(plugin.includes(URL)).toBe(false);
    expect(execFileSync('unzip', ['-Z1', join(work, 'assets', 'plugin.dat')]).toString().trim()).toBe('classes.dex');
    mkdirSync(join(dir, 'build', 'system', 'app', 'X'), { recursive: true });
    execFileSync('zip', ['-q', '-0', join(dir, 'build', 'system', 'app', 'X', 'X.jar'), 'assets/plugin.dat'], { cwd: work, stdio: 'ignore' });
    const r = await scanBuild(dir);
    const ep = r.targets[0].endpoints.find((e) => e.value === 'zzhc.vnet.cn');
    expect(ep?.evidence).toEqual([{ path: 'system/app/X/X.jar!/assets/plugin.dat', entry: 'classes.dex', source: 'dex', offset: dexBytes().indexOf(URL) }]);
    expect(r.targets[0].unreadable).toEqual([]);
  });

  it('a second layer (gzip inside xz) is opened in turn; each layer counts against the nesting limit, and one past it fails closed', async () => {
    const dir = tempDir('ag-layers-');
    const twice = pipe('xz', ['-c'], gzip(TEXT));
    expect(pipe('gzip', ['-d', '-c'], pipe('xz', ['-d', '-c'], twice)).toString()).toBe(TEXT);
    put(join(dir, 'two', 'build', 'system', 'etc', 'reg.conf.gz.xz'), twice);
    const r = await scanBuild(join(dir, 'two'));
    expect(r.targets[0].unreadable).toEqual([]);
    const ep = r.targets[0].endpoints.find((e) => e.value === 'zzhc.vnet.cn');
    expect(ep?.evidence).toEqual([{ path: 'system/etc/reg.conf.gz.xz', source: 'file', offset: TEXT.indexOf(URL) }]);

    // maxDepth 4: a file and three layers inside it are opened; a fourth is not.
    put(join(dir, 'four', 'build', 'system', 'etc', 'reg.conf.gz'), gzip(TEXT, 4));
    const four = await scanBuild(join(dir, 'four'));
    expect(four.targets[0].endpoints.map((e) => e.value)).toContain('zzhc.vnet.cn');
    expect(four.targets[0].unreadable).toEqual([]);
    put(join(dir, 'five', 'build', 'system', 'etc', 'reg.conf.gz'), gzip(TEXT, 5));
    const five = await scanBuild(join(dir, 'five'));
    expect(five.targets[0].endpoints.map((e) => e.value)).not.toContain('zzhc.vnet.cn');
    expect(five.targets[0].unreadable).toEqual([
      expect.objectContaining({ path: 'system/etc/reg.conf.gz', format: 'gzip', reason: expect.stringContaining('nested more than 4 archives or compressions deep') }),
    ]);
    expect(five.findings.some((f) => f.rule === 'unreadable-artifact' && f.severity === 'error')).toBe(true);
  });

  it('a compressed APK that is cut short is unreadable at its path (fail closed), not scanned as bytes and passed', async () => {
    const dir = tempDir('ag-compressed-cut-');
    const apk = readFileSync(APK);
    const cut = apk.subarray(0, apk.length >> 1);
    // unzip cannot read it either.
    expect(() => execFileSync('unzip', ['-l', put(join(dir, 'cut.apk'), cut)], { stdio: 'ignore' })).toThrow();
    put(join(dir, 'build', 'system', 'priv-app', 'A', 'A.apk.gz'), gzip(cut));
    const r = await scanBuild(dir);
    expect(r.targets[0].unreadable).toEqual([expect.objectContaining({ path: 'system/priv-app/A/A.apk.gz', format: 'zip' })]);
    expect(r.verdict).toBe('fail');
  });

  it('a compressed file named like properties (reg.prop, init.sku.600CN.rc) is read as what it is: Android would not parse it, and its text would be seen by no one', async () => {
    const dir = tempDir('ag-compressed-prop-');
    put(join(dir, 'build', 'system', 'etc', 'reg.prop'), gzip(TEXT));
    put(join(dir, 'build', 'system', 'etc', 'init', 'init.sku.600CN.rc'), pipe('bzip2', ['-c'], TEXT));
    const r = await scanBuild(dir);
    const ep = r.targets[0].endpoints.find((e) => e.value === 'zzhc.vnet.cn');
    expect(ep?.evidence).toEqual([
      { path: 'system/etc/init/init.sku.600CN.rc', source: 'file', offset: TEXT.indexOf(URL) },
      { path: 'system/etc/reg.prop', source: 'file', offset: TEXT.indexOf(URL) },
    ]);
    expect(r.targets[0].unreadable).toEqual([]);
  });

  it('a gzip\'d DEX is scanned as a DEX (its strings attributed to DEX code, each once), and as bytes', async () => {
    const dir = tempDir('ag-compressed-dex-');
    const dex = dexBytes();
    const tail = Buffer.from('\nhttps://tail.example.org/after-the-dex\n');
    put(join(dir, 'build', 'system', 'framework', 'plugin.dex.gz'), gzip(Buffer.concat([dex, tail])));
    const r = await scanBuild(dir);
    const ep = r.targets[0].endpoints.find((e) => e.value === 'zzhc.vnet.cn');
    expect(ep?.evidence).toEqual([{ path: 'system/framework/plugin.dex.gz', source: 'dex', offset: dex.indexOf(URL) }]);
    expect(ep?.evidenceCount).toBe(1);
    // Bytes after the DEX's own: only a raw scan sees them.
    expect(r.targets[0].endpoints.find((e) => e.value === 'tail.example.org')?.evidence).toEqual([{ path: 'system/framework/plugin.dex.gz', source: 'file', offset: dex.length + 1 }]);
  });

  /**
   * A ZIP written by Python's zipfile with `junk` between its last entry and its central directory
   * (its central directory is written after it); after `before` when given (zipfile appends an
   * archive to a file that is not one, with offsets from the file's start).
   */
  function zipWithGap(file: string, junk: string, before?: string): Buffer {
    if (before !== undefined) put(file, before);
    execFileSync('python3', ['-c', `import sys, zipfile
z = zipfile.ZipFile(sys.argv[1], '${before !== undefined ? 'a' : 'w'}', zipfile.ZIP_DEFLATED)
z.writestr('a.txt', 'nothing here\\n' * 20)
z.fp.write(sys.argv[2].encode())
z.start_dir = z.fp.tell()
z.close()`, file, junk]);
    return readFileSync(file);
  }

  it('bytes of a ZIP that no entry holds are scanned: a JAR of the walk, an asset ZIP found by its content, and what a gzip\'d file holds', async () => {
    const dir = tempDir('ag-zip-gap-');
    const gap = zipWithGap(join(dir, 'gap.zip'), TEXT);
    // unzip lists it (the gap is where no entry is).
    expect(execFileSync('unzip', ['-Z1', join(dir, 'gap.zip')]).toString().trim()).toBe('a.txt');
    const at = gap.indexOf(URL);
    expect(at).toBeGreaterThan(0);
    mkdirSync(join(dir, 'work', 'assets'), { recursive: true });
    put(join(dir, 'work', 'assets', 'conf.dat'), gap);
    mkdirSync(join(dir, 'build', 'system', 'app', 'X'), { recursive: true });
    execFileSync('zip', ['-q', '-0', join(dir, 'build', 'system', 'app', 'X', 'X.jar'), 'assets/conf.dat'], { cwd: join(dir, 'work'), stdio: 'ignore' });
    put(join(dir, 'build', 'system', 'etc', 'conf.dat.gz'), gzip(gap));
    put(join(dir, 'build', 'system', 'framework', 'gap.jar'), gap);
    const r = await scanBuild(dir);
    const ep = r.targets[0].endpoints.find((e) => e.value === 'zzhc.vnet.cn');
    expect(ep?.evidence).toEqual([
      { path: 'system/app/X/X.jar', entry: 'assets/conf.dat', source: 'asset', offset: at },
      { path: 'system/etc/conf.dat.gz', source: 'file', offset: at },
      { path: 'system/framework/gap.jar', source: 'file', offset: at },
    ]);
    expect(r.targets[0].unreadable).toEqual([]);
  });

  it('a ZIP with bytes before it (zip -A) is found by its end: a gzip\'d APK fails closed as Janus; an asset or a file of the walk is data, its entries read', async () => {
    const dir = tempDir('ag-zip-prefixed-');
    const prefixed = (name: string, zip: Buffer): Buffer => {
      const file = put(join(dir, 'made', name), Buffer.concat([Buffer.from('JUNKJUNK'), zip]));
      execFileSync('zip', ['-q', '-A', file]);
      // unzip reads every entry of it.
      execFileSync('unzip', ['-tq', file], { stdio: 'ignore' });
      return readFileSync(file);
    };
    const apk = prefixed('a.apk', readFileSync(APK));
    put(join(dir, 'build', 'system', 'priv-app', 'A', 'A.apk.gz'), gzip(apk));
    // A plugin: a ZIP of the client's DEX (deflated), with bytes before it.
    put(join(dir, 'work', 'classes.dex'), dexBytes());
    execFileSync('zip', ['-q', '-9', join(dir, 'work', 'plugin.zip'), 'classes.dex'], { cwd: join(dir, 'work'), stdio: 'ignore' });
    const plugin = prefixed('plugin.dat', readFileSync(join(dir, 'work', 'plugin.zip')));
    expect(plugin.includes(URL)).toBe(false);
    mkdirSync(join(dir, 'work', 'assets'), { recursive: true });
    put(join(dir, 'work', 'assets', 'plugin.dat'), plugin);
    mkdirSync(join(dir, 'build', 'system', 'app', 'X'), { recursive: true });
    execFileSync('zip', ['-q', '-0', join(dir, 'build', 'system', 'app', 'X', 'X.jar'), 'assets/plugin.dat'], { cwd: join(dir, 'work'), stdio: 'ignore' });
    put(join(dir, 'build', 'system', 'etc', 'plugin.dat'), plugin);
    const r = await scanBuild(dir);
    const t = r.targets[0];
    expect(t.packages.map((p) => [p.path, p.package])).toEqual([['system/priv-app/A/A.apk.gz', PACKAGE]]);
    expect(t.unreadable).toEqual([expect.objectContaining({ path: 'system/priv-app/A/A.apk.gz', format: 'zip', reason: expect.stringContaining('8 bytes before the first local header (Janus') })]);
    const at = dexBytes().indexOf(URL);
    const ep = t.endpoints.find((e) => e.value === 'zzhc.vnet.cn');
    expect(ep?.evidence).toEqual([
      { path: 'system/app/X/X.jar!/assets/plugin.dat', entry: 'classes.dex', source: 'dex', offset: at },
      { path: 'system/etc/plugin.dat', entry: 'classes.dex', source: 'dex', offset: at },
      { path: 'system/priv-app/A/A.apk.gz', entry: 'classes.dex', source: 'dex', offset: at },
    ]);
  });

  it('a self-extracting archive (a shell stub before a ZIP of files) is read as unzip reads it, offsets adjusted (zip -A) or not; a stub before an APK still fails closed', async () => {
    const dir = tempDir('ag-zip-sfx-');
    put(join(dir, 'work', 'conf', 'reg.txt'), TEXT);
    execFileSync('zip', ['-q', '-r', join(dir, 'work', 'plain.zip'), 'conf'], { cwd: join(dir, 'work'), stdio: 'ignore' });
    const stub = Buffer.from('#!/bin/sh\n# installer: http://update.acme-cn.com.cn/tool\nexit 0\n');
    const zip = readFileSync(join(dir, 'work', 'plain.zip'));
    const raw = put(join(dir, 'build', 'system', 'etc', 'raw.zip'), Buffer.concat([stub, zip]));
    const adjusted = put(join(dir, 'build', 'system', 'etc', 'adjusted.zip'), Buffer.concat([stub, zip]));
    execFileSync('zip', ['-q', '-A', adjusted]);
    // unzip reads both: the unadjusted one "attempting to process anyway", 60-odd bytes short.
    expect(spawnSync('unzip', ['-p', raw, 'conf/reg.txt'], { encoding: 'utf8' }).stdout).toBe(TEXT);
    expect(spawnSync('unzip', ['-p', adjusted, 'conf/reg.txt'], { encoding: 'utf8' }).stdout).toBe(TEXT);
    const apk = put(join(dir, 'build', 'system', 'app', 'A', 'A.apk'), Buffer.concat([stub, readFileSync(APK)]));
    execFileSync('zip', ['-q', '-A', apk]);
    const t = (await scanBuild(dir)).targets[0];
    const ep = (value: string) => t.endpoints.find((e) => e.value === value)?.evidence.map((e) => `${e.path}${e.entry ? `!/${e.entry}` : ''} @${e.offset}`);
    const at = TEXT.indexOf('http:');
    expect(ep('zzhc.vnet.cn')).toEqual(expect.arrayContaining([`system/etc/adjusted.zip!/conf/reg.txt @${at}`, `system/etc/raw.zip!/conf/reg.txt @${at}`]));
    // The stub is scanned as the data it is.
    const inStub = stub.indexOf('http:');
    expect(ep('update.acme-cn.com.cn')).toEqual(['system/app/A/A.apk @' + inStub, `system/etc/adjusted.zip @${inStub}`, `system/etc/raw.zip @${inStub}`]);
    expect(t.unreadable.map((u) => `${u.path}: ${u.reason}`)).toEqual([`system/app/A/A.apk: ${stub.length} bytes before the first local header (Janus, CVE-2017-13156): code hidden from ZIP readers`]);
  });

  (haveTools('mke2fs', 'lz4') ? it : it.skip)('a compressed filesystem image (ext4 made by mke2fs; gzip\'d, lz4\'d) is opened as the image: the client in it is installed, where the device has it', async () => {
    const dir = tempDir('ag-compressed-image-');
    put(join(dir, 'tree', 'priv-app', 'A', 'A.apk'), readFileSync(APK));
    execFileSync('mke2fs', ['-q', '-F', '-t', 'ext4', '-b', '4096', '-O', '^has_journal', '-d', join(dir, 'tree'), join(dir, 'system.img'), '8M'], { stdio: 'pipe' });
    const img = readFileSync(join(dir, 'system.img'));
    put(join(dir, 'gz', 'build', 'system.img.gz'), gzip(img));
    put(join(dir, 'lz4', 'build', 'system.img.lz4'), pipe('lz4', ['-c', '-q'], img));
    for (const [sub, name] of [['gz', 'system.img.gz'], ['lz4', 'system.img.lz4']]) {
      const r = await scanBuild(join(dir, sub));
      const t = r.targets[0];
      expect(t.unreadable).toEqual([]);
      expect(t.packages.map((p) => [p.path, p.partition, p.partitionPath, p.package])).toEqual([[`${name}!/priv-app/A/A.apk`, 'system', 'system/priv-app/A/A.apk', PACKAGE]]);
      expect(r.findings.find((f) => f.rule === 'wrong-market-client')).toMatchObject({ partitionPath: 'system/priv-app/A/A.apk' });
    }
  });

  it('an encrypted entry (zip -P), and one compressed by a method other than STORED or DEFLATE (Python\'s zipfile: bzip2, LZMA), are unreadable saying why, not scanned as if plain', async () => {
    const dir = tempDir('ag-zip-methods-');
    put(join(dir, 'work', 'conf.txt'), TEXT.repeat(50));
    mkdirSync(join(dir, 'work', 'assets'), { recursive: true });
    execFileSync('zip', ['-q', '-P', 'secret', join(dir, 'work', 'assets', 'enc.dat'), 'conf.txt'], { cwd: join(dir, 'work'), stdio: 'ignore' });
    for (const [name, method] of [['bz.dat', 'ZIP_BZIP2'], ['lzma.dat', 'ZIP_LZMA']]) {
      execFileSync('python3', ['-c', `import sys, zipfile
z = zipfile.ZipFile(sys.argv[1], 'w', zipfile.${method})
z.write(sys.argv[2], 'conf.txt')
z.close()`, join(dir, 'work', 'assets', name), join(dir, 'work', 'conf.txt')]);
    }
    mkdirSync(join(dir, 'build', 'system', 'app', 'X'), { recursive: true });
    execFileSync('zip', ['-q', '-0', join(dir, 'build', 'system', 'app', 'X', 'X.jar'), 'assets/enc.dat', 'assets/bz.dat', 'assets/lzma.dat'], { cwd: join(dir, 'work'), stdio: 'ignore' });
    const r = await scanBuild(dir);
    expect(r.targets[0].unreadable.map((u) => [u.path, u.reason])).toEqual([
      ['system/app/X/X.jar!/assets/bz.dat!/conf.txt', expect.stringMatching(/^compressed with method 12 \(\d+ bytes for 2150\), which is not decoded/)],
      ['system/app/X/X.jar!/assets/enc.dat!/conf.txt', expect.stringMatching(/^encrypted \(general-purpose flag bit 0\)/)],
      ['system/app/X/X.jar!/assets/lzma.dat!/conf.txt', expect.stringMatching(/^compressed with method 14 \(\d+ bytes for 2150\), which is not decoded/)],
    ]);
    expect(r.verdict).toBe('fail');
  });

  it('a file of many bombs costs its budget once: a decoding is given what is left of it, so once it is spent the rest are refused without decoding', async () => {
    const dir = tempDir('ag-bombs-');
    // Eight bzip2 files of 4 MiB of zeros (each ~50 bytes), in a JAR made by zip.
    for (let i = 0; i < 8; i++) put(join(dir, 'work', 'assets', `b${i}.bz2`), pipe('bzip2', ['-c', '-9'], Buffer.alloc(4 << 20)));
    mkdirSync(join(dir, 'build', 'system', 'app', 'X'), { recursive: true });
    execFileSync('zip', ['-q', '-0', '-r', join(dir, 'build', 'system', 'app', 'X', 'X.jar'), 'assets'], { cwd: join(dir, 'work'), stdio: 'ignore' });
    const jar = readFileSync(join(dir, 'build', 'system', 'app', 'X', 'X.jar'));
    const cap = 1 << 20;
    const budget = 2048 * jar.length + (1 << 20);
    const r = await scanBuild(dir, { maxEntryBytes: cap });
    const reasons = r.targets[0].unreadable.map((u) => u.reason);
    expect(reasons).toHaveLength(8);
    const pastCap = reasons.filter((x) => x.includes(`past the ${cap}-byte cap`)).length;
    const spent = reasons.filter((x) => x.includes('inflation budget (2048 times its size and 1 MiB) is spent')).length;
    // Each bomb decoded to the cap spends the cap: no more of them than the budget holds.
    expect(pastCap).toBeGreaterThanOrEqual(1);
    expect(pastCap).toBeLessThanOrEqual(Math.floor(budget / cap));
    expect(pastCap + spent).toBe(8);
  });

  it('a ZIP after other data (zip -A) is read besides what the data is: a DEX\'s strings, a build.prop\'s properties, a gzip stream (which fails closed: gzip -d warns of trailing garbage)', async () => {
    const dir = tempDir('ag-zip-after-');
    const WO = 'https://dm.wo.com.cn:6001/';
    // Once: an endpoint's evidence is capped (the first 20 by path).
    put(join(dir, 'work', 'conf.txt'), `backup = ${WO}\n${'padding that deflates well\n'.repeat(20)}`);
    execFileSync('zip', ['-q', '-9', join(dir, 'work', 'note.zip'), 'conf.txt'], { cwd: join(dir, 'work'), stdio: 'ignore' });
    const note = readFileSync(join(dir, 'work', 'note.zip'));
    expect(note.includes(WO)).toBe(false);
    /** `data` with note.zip after it, its offsets made right by zip -A; unzip reads it. */
    const after = (name: string, data: Buffer): Buffer => {
      const file = put(join(dir, 'made', name), Buffer.concat([data, note]));
      execFileSync('zip', ['-q', '-A', file]);
      execFileSync('unzip', ['-tq', file], { stdio: 'ignore' });
      return readFileSync(file);
    };
    const dex = dexBytes();
    const PROPS = 'ro.build.fingerprint=Acme/onyx_eea/onyx:14/UP1A/1:user/release-keys\nro.product.name=onyx_eea\n';
    put(join(dir, 'build', 'system', 'framework', 'services.dex'), after('services.dex', dex));
    put(join(dir, 'build', 'system', 'build.prop'), after('build.prop', Buffer.from(PROPS)));
    put(join(dir, 'work', 'assets', 'payload.bin'), after('payload.bin', dex));
    put(join(dir, 'work', 'assets', 'data.gz'), after('data.gz', gzip(TEXT)));
    mkdirSync(join(dir, 'build', 'system', 'app', 'X'), { recursive: true });
    execFileSync('zip', ['-q', '-0', join(dir, 'build', 'system', 'app', 'X', 'X.jar'), 'assets/payload.bin', 'assets/data.gz'], { cwd: join(dir, 'work'), stdio: 'ignore' });
    const r = await scanBuild(dir);
    const t = r.targets[0];
    expect(t.build.fingerprint).toBe('Acme/onyx_eea/onyx:14/UP1A/1:user/release-keys');
    const paths = (value: string): string[] => [...new Set((t.endpoints.find((e) => e.value === value)?.evidence ?? []).map((e) => `${e.path}|${e.entry ?? ''}|${e.source}`))].sort();
    expect(paths('dm.wo.com.cn')).toEqual([
      'system/app/X/X.jar!/assets/data.gz|conf.txt|file',
      'system/app/X/X.jar!/assets/payload.bin|conf.txt|file',
      'system/build.prop|conf.txt|file',
      'system/framework/services.dex|conf.txt|file',
    ]);
    // What the data is was read too: the DEX's strings as DEX strings.
    expect(paths('zzhc.vnet.cn')).toEqual(expect.arrayContaining(['system/app/X/X.jar|assets/payload.bin|asset', 'system/framework/services.dex||dex']));
    expect(t.unreadable).toEqual([expect.objectContaining({ path: 'system/app/X/X.jar!/assets/data.gz', format: 'gzip' })]);
  });

  it('bytes between the central directory and its end record are scanned too (spliced into an archive zip made: unzip warns, and still lists it; libziparchive accepts it), and a gap in a ZIP after other data is reported once', async () => {
    const dir = tempDir('ag-zip-cd-gap-');
    put(join(dir, 'work', 'a.txt'), 'nothing here\n');
    execFileSync('zip', ['-q', join(dir, 'work', 'made.zip'), 'a.txt'], { cwd: join(dir, 'work'), stdio: 'ignore' });
    const made = readFileSync(join(dir, 'work', 'made.zip'));
    const eocd = made.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    // The end record's offsets count from the start: bytes put before it leave them right.
    const spliced = Buffer.concat([made.subarray(0, eocd), Buffer.from(TEXT), made.subarray(eocd)]);
    put(join(dir, 'build', 'system', 'framework', 'cd.jar'), spliced);
    expect(spawnSync('unzip', ['-Z1', join(dir, 'build', 'system', 'framework', 'cd.jar')], { encoding: 'utf8' }).stdout.trim()).toBe('a.txt');
    // Text, then a ZIP with a gap (Python's zipfile appends it).
    const data = join(dir, 'build', 'system', 'etc', 'data.bin');
    zipWithGap(data, TEXT, 'header text\n');
    expect(execFileSync('unzip', ['-Z1', data]).toString().trim()).toBe('a.txt');
    const r = await scanBuild(dir);
    const ep = r.targets[0].endpoints.find((e) => e.value === 'zzhc.vnet.cn');
    const at = readFileSync(data).indexOf(URL);
    expect(ep?.evidence).toEqual([
      { path: 'system/etc/data.bin', source: 'file', offset: at },
      { path: 'system/framework/cd.jar', source: 'file', offset: eocd + TEXT.indexOf(URL) },
    ]);
    expect(r.targets[0].unreadable).toEqual([]);
  });
});
