/**
 * Endpoint, mention and unreadable findings say where their file is on the device
 * (`partitionPath`, SPEC section 6), as package findings do: the same in a product-out folder, a
 * target-files zip, an image, a super image and an OTA. An exemption's `path` matches it, so
 * `path: system/etc/acme-endpoints.json` exempts the endpoint found in
 * `system.img!/etc/acme-endpoints.json` too (before, only in the folder).
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding, Report } from '../../src/report/model.js';
import { hasTool } from '../helpers/tools.js';
import { ROOT, scanInputs } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'ag-partition-paths-'));
const CLI = join(ROOT, 'dist', 'cli.js');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// The built-in EU market allows none of the sample's own hosts: api.acme.eu (Notes.apk) and
// ntp.acme.eu (system/etc/acme-endpoints.json) are unlisted-endpoint warnings.
const POLICY = join(tmp, 'policy.yml');
writeFileSync(
  POLICY,
  `version: 1
markets:
  EU:
    extends: builtin:EU
skus:
  "600E0": EU
exemptions:
  - match: {rule: unlisted-endpoint, path: "system/etc/acme-endpoints.json"}
    reason: "NTP configuration, reviewed"
    owner: "@acme/platform"
    expires: 2027-06-30
  # Names the wrong partition folder: must not exempt api.acme.eu in system/app/Notes.
  - match: {rule: unlisted-endpoint, path: "system/priv-app/**"}
    reason: "privileged apps reviewed"
    owner: "@acme/platform"
    expires: 2027-06-30
  - match: {rule: unreadable-artifact, path: "system/app/Broken/**"}
    reason: "a known bad build of Broken"
    owner: "@acme/platform"
    expires: 2027-06-30
`,
);

const INPUTS: [string, string][] = [
  ['product-out folder', 'sample/out/600E0'],
  ['target-files zip', '__tests__/fixtures/images/sample/target-files.zip'],
  ['ext4 images', '__tests__/fixtures/images/sample/ext4'],
  ['sparse ext4 images', '__tests__/fixtures/images/sample/sparse'],
  ['EROFS LZ4HC images', '__tests__/fixtures/images/sample/erofs-lz4hc'],
  ['super.img', '__tests__/fixtures/images/sample/super.img'],
  ['full OTA zip (payload.bin)', '__tests__/fixtures/images/sample/ota.zip'],
];

const scanWith = (input: string): Promise<Report> => scanInputs([input], undefined, { market: 'EU', policyFile: POLICY });

function endpointFinding(r: Report, host: string): Finding {
  const f = r.findings.filter((x) => x.rule === 'unlisted-endpoint' && x.endpoint === host);
  expect(f).toHaveLength(1);
  return f[0];
}

describe('endpoint findings carry the partitionPath of their file, in every container', () => {
  for (const [what, input] of INPUTS) {
    it(`${what}: the same partitionPaths; a path exemption matches them`, async () => {
      const r = await scanWith(input);
      expect(r.targets[0].unreadable).toEqual([]);
      const ntp = endpointFinding(r, 'ntp.acme.eu');
      const api = endpointFinding(r, 'api.acme.eu');
      expect(ntp.partitionPath).toBe('system/etc/acme-endpoints.json');
      expect(api.partitionPath).toBe('system/app/Notes/Notes.apk');
      if (input !== 'sample/out/600E0') expect(ntp.path).toContain('!/'); // a container path, not the folder's
      // The exemption naming the device path applies, the one naming another folder does not.
      expect(ntp.suppressed).toMatchObject({ owner: '@acme/platform', expires: '2027-06-30' });
      expect(api.suppressed).toBeUndefined();
      // Every finding about a file says where it is on the device, with no container in it.
      for (const f of r.findings) {
        if (f.path === undefined) continue;
        expect(f.partitionPath).toMatch(/^(system|vendor|product)\/[^!]*$/);
      }
      // The denied endpoints of the CT client stand at the client's APK.
      const denied = r.findings.filter((f) => f.rule === 'denied-endpoint').map((f) => [f.endpoint, f.partitionPath]);
      expect(denied).toEqual([
        ['10659401', 'system/priv-app/AutoRegistration/AutoRegistration.apk'],
        ['zzhc.vnet.cn', 'system/priv-app/AutoRegistration/AutoRegistration.apk'],
      ]);
    });
  }
});

describe('unreadable files inside containers carry their partitionPath', () => {
  // A truncated copy of a real APK, in a folder named the target-files way (SYSTEM/) and in a zip
  // made by Info-ZIP's zip: both are system/app/Broken/Broken.apk on the device.
  const folder = join(tmp, 'upper');
  mkdirSync(join(folder, 'SYSTEM', 'app', 'Broken'), { recursive: true });
  const apk = readFileSync(join(ROOT, '__tests__', 'fixtures', 'apks', 'benign.apk'));
  writeFileSync(join(folder, 'SYSTEM', 'app', 'Broken', 'Broken.apk'), apk.subarray(0, Math.floor(apk.length / 2)));
  copyFileSync(join(ROOT, 'sample', 'out', '600E0', 'system', 'build.prop'), join(folder, 'SYSTEM', 'build.prop'));

  const check = (r: Report, path: string): void => {
    const u = r.targets[0].unreadable.filter((x) => x.path === path);
    expect(u).toHaveLength(1);
    expect(u[0].partitionPath).toBe('system/app/Broken/Broken.apk');
    const f = r.findings.filter((x) => x.rule === 'unreadable-artifact');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ path, partitionPath: 'system/app/Broken/Broken.apk' });
    expect(f[0].suppressed).toMatchObject({ reason: 'a known bad build of Broken' });
  };

  it('a folder named SYSTEM', async () => {
    check(await scanWith(folder), 'SYSTEM/app/Broken/Broken.apk');
  });

  (hasTool('zip') ? it : it.skip)('a target-files zip (made by zip)', async () => {
    const zip = join(tmp, 'target-files.zip');
    execFileSync('zip', ['-q', '-r', '-X', zip, 'SYSTEM'], { cwd: folder });
    check(await scanWith(zip), 'target-files.zip!/SYSTEM/app/Broken/Broken.apk');
  });
});

// Worker threads and the cache run only from the bundle: the placements cross both (PartialFacts
// from a worker, a cache entry, a shard report) and give the same report.
(existsSync(CLI) ? describe : describe.skip)('through worker threads, the cache and shards (dist/cli.js)', () => {
  it('the same bytes cold, warm and merged from shards, with the partitionPaths', () => {
    const env = { ...process.env, ACTIVATION_GATE_WORKERS: '2' };
    const cacheDir = join(tmp, 'cache');
    const base = ['scan', '__tests__/fixtures/images/sample/ext4', '__tests__/fixtures/images/sample/target-files.zip', '--market', 'EU', '--policy', POLICY];
    const run = (argv: string[]) => spawnSync('node', [CLI, ...argv, '--quiet', '--now', '2026-11-01', '--format', 'json', '--source-root', tmp], { cwd: ROOT, encoding: 'utf8', env });
    const whole = run(base);
    expect(whole.status).toBe(1); // the China Telecom client in an EU build
    const report = JSON.parse(whole.stdout) as Report;
    const ntp = report.findings.filter((f) => f.endpoint === 'ntp.acme.eu');
    expect(ntp.map((f) => [f.path, f.partitionPath, f.suppressed !== undefined])).toEqual([
      ['system.img!/etc/acme-endpoints.json', 'system/etc/acme-endpoints.json', true],
      ['target-files.zip!/SYSTEM/etc/acme-endpoints.json', 'system/etc/acme-endpoints.json', true],
    ]);
    const cold = run([...base, '--cache-dir', cacheDir]);
    const warm = run([...base, '--cache-dir', cacheDir]);
    expect(cold.stdout).toBe(whole.stdout);
    expect(warm.stdout).toBe(whole.stdout);
    const files = [1, 2].map((i) => join(tmp, `shard-${i}.json`));
    files.forEach((f, i) => expect(run([...base, '--shard', `${i + 1}/2`, '--output', f]).status).toBe(0));
    const merged = spawnSync('node', [CLI, 'merge', ...files, '--format', 'json', '--source-root', tmp, '--quiet'], { cwd: ROOT, encoding: 'utf8', env });
    expect(merged.stdout).toBe(whole.stdout);
  });
});

describe('parts of a container that cannot be read carry the partitionPath of where they are', () => {
  (hasTool('mke2fs') && hasTool('debugfs') ? it : it.skip)('a corrupt directory of an ext4 system.img (mke2fs -d, then its block overwritten)', async () => {
    const dir = join(tmp, 'corrupt-dir');
    const tree = join(dir, 'tree');
    mkdirSync(join(tree, 'app', 'Broken'), { recursive: true });
    writeFileSync(join(tree, 'app', 'Broken', 'readme.txt'), 'http://zzhc.vnet.cn/\n');
    mkdirSync(join(dir, 'build'), { recursive: true });
    const image = join(dir, 'build', 'system.img');
    execFileSync('mke2fs', ['-q', '-F', '-t', 'ext4', '-b', '4096', '-O', '^has_journal', '-d', tree, image, '4M'], { stdio: 'pipe' });
    const block = Number(/\d+/.exec(execFileSync('debugfs', ['-R', 'blocks /app/Broken', image], { stdio: ['ignore', 'pipe', 'ignore'] }).toString())![0]);
    const bytes = readFileSync(image);
    bytes.fill(0xff, block * 4096, (block + 1) * 4096);
    writeFileSync(image, bytes);
    const r = await scanInputs([join(dir, 'build')], undefined, { market: 'EU', policyFile: POLICY });
    const u = r.targets[0].unreadable.filter((x) => x.path === 'system.img!/app/Broken');
    expect(u).toEqual([expect.objectContaining({ partitionPath: 'system/app/Broken', format: 'ext4', reason: expect.stringMatching(/^cannot read directory/) })]);
    const f = r.findings.find((x) => x.rule === 'unreadable-artifact' && x.path === 'system.img!/app/Broken');
    expect(f).toMatchObject({ partitionPath: 'system/app/Broken' });
  });

  // A target-files zip with a duplicate entry, written by Python's zipfile (zip will not write
  // one), extracted by two workers sharing it in slices: the duplicate is reported by slice 0,
  // and its first copy's file is dealt to slice 1 (files go by size, largest first, to the slice
  // with the fewest bytes: host.conf to 0, dup.conf to 1) and names no endpoint (nothing else
  // places its path); its partitionPath must not depend on that.
  const hasPython = hasTool('python3');
  (hasPython && existsSync(CLI) ? it : it.skip)('a duplicate entry of a target-files zip: the same bytes with 1 and 2 workers sharing it in slices', () => {
    const dir = join(tmp, 'dup');
    mkdirSync(join(dir, 'build'), { recursive: true });
    execFileSync('python3', [
      '-W', 'ignore',
      '-c',
      `import zipfile, os
z = zipfile.ZipFile(${JSON.stringify(join(dir, 'build', 'target-files.zip'))}, 'w')
z.writestr('META/misc_info.txt', 'recovery_api_version=3\\n')
z.writestr('SYSTEM/build.prop', 'ro.product.name=acme_eu\\n')
for i in range(4):
    z.writestr('SYSTEM/app/A%d/blob.bin' % i, os.urandom(300000))
z.writestr('SYSTEM/etc/host.conf', 'h' * 100)
z.writestr('SYSTEM/etc/dup.conf', 'x' * 50)
z.writestr('SYSTEM/etc/dup.conf', 'again\\n')
z.close()`,
    ]);
    const run = (workers: string) =>
      spawnSync('node', [CLI, 'scan', 'build', '--market', 'EU', '--no-policy', '--format', 'json', '--fail-on', 'never', '--quiet', '--now', '2026-11-01'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, ACTIVATION_GATE_WORKERS: workers, ACTIVATION_GATE_SLICE_MIN_BYTES: '1000' },
      });
    const one = run('1');
    const two = run('2');
    expect(two.stdout).toBe(one.stdout);
    const report = JSON.parse(one.stdout) as Report;
    expect(report.targets[0].unreadable).toEqual([expect.objectContaining({ path: 'target-files.zip!/SYSTEM/etc/dup.conf', partitionPath: 'system/etc/dup.conf' })]);
  });
});

describe('a name ending in "!" is no container', () => {
  // A folder named `Notes.apk!` beside Notes.apk, and a zip member of that name, holding a denied
  // host: their files were `.../Notes.apk!/...`, read as entries of Notes.apk, and an exemption
  // of Notes.apk covered them (so could a client's dormant-variant note).
  const policy = join(tmp, 'notes-exempt.yml');
  writeFileSync(policy, 'version: 1\nskus: {"600E0": EU}\nexemptions:\n  - match: {path: system/app/Notes/Notes.apk}\n    reason: "Notes reviewed"\n    owner: "@acme/notes"\n    expires: 2099-01-01\n');
  const denied = (r: Report): [string | undefined, string | undefined, boolean][] =>
    r.findings.filter((f) => f.rule === 'denied-endpoint' && f.endpoint === 'zzhc.vnet.cn').map((f) => [f.path, f.partitionPath, f.suppressed !== undefined]);

  it('in a folder: the file is the folder\'s, the "!" written \\x21; the exemption of Notes.apk does not cover it', async () => {
    const build = join(tmp, 'bang');
    execFileSync('cp', ['-r', join(ROOT, 'sample', 'out', '600E0'), build]);
    mkdirSync(join(build, 'system', 'app', 'Notes', 'Notes.apk!'));
    writeFileSync(join(build, 'system', 'app', 'Notes', 'Notes.apk!', 'classes.dex'), 'http://zzhc.vnet.cn/reg\n');
    const r = await scanInputs([build], undefined, { policyFile: policy });
    expect(denied(r)).toContainEqual(['system/app/Notes/Notes.apk\\x21/classes.dex', 'system/app/Notes/Notes.apk\\x21/classes.dex', false]);
    expect(r.verdict).toBe('fail');
  });

  it('in a zip (Python\'s zipfile names the member freely): the same', async () => {
    const zip = join(tmp, 'bang.zip');
    execFileSync('python3', ['-c', 'import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], "w") as z:\n  z.write(sys.argv[2], "SYSTEM/app/Notes/Notes.apk")\n  z.write(sys.argv[3], "SYSTEM/build.prop")\n  z.writestr("SYSTEM/app/Notes/Notes.apk!/classes.dex", b"http://zzhc.vnet.cn/reg")', zip, join(ROOT, 'sample', 'out', '600E0', 'system', 'app', 'Notes', 'Notes.apk'), join(ROOT, 'sample', 'out', '600E0', 'system', 'build.prop')]);
    const r = await scanInputs([zip], undefined, { policyFile: policy, market: 'EU' });
    expect(denied(r)).toEqual([['bang.zip!/SYSTEM/app/Notes/Notes.apk\\x21/classes.dex', 'system/app/Notes/Notes.apk\\x21/classes.dex', false]]);
  });
});

describe('names that escaping could make alike', () => {
  it('tar members `d!/a.conf` and `d\\x21/a.conf` (tar -x makes two folders) stay two files', async () => {
    const tar = join(tmp, 'bang.tar');
    execFileSync('python3', ['-c', 'import io, sys, tarfile\nwith tarfile.open(sys.argv[1], "w") as t:\n  for n, d in ((sys.argv[2], b"http://zzhc.vnet.cn/reg"), (sys.argv[3], b"http://ntp.acme.eu/x")):\n    i = tarfile.TarInfo(n); i.size = len(d); t.addfile(i, io.BytesIO(d))', tar, 'd!/a.conf', 'd\\x21/a.conf']);
    expect(execFileSync('tar', ['--quoting-style=literal', '-tf', tar], { encoding: 'utf8' }).split('\n').filter(Boolean)).toEqual(['d!/a.conf', 'd\\x21/a.conf']);
    const r = await scanInputs([tar], undefined, { market: 'EU' });
    const where = (host: string) => r.targets[0].endpoints.find((e) => e.value === host)?.evidence.map((e) => e.path);
    expect([where('zzhc.vnet.cn'), where('ntp.acme.eu')]).toEqual([['bang.tar!/d\\x21/a.conf'], ['bang.tar!/d\\x5cx21/a.conf']]);
  });

  it('tar and cpio members whose names differ only in bytes that are not UTF-8 (A\\xff, A\\xfe) stay two files', async () => {
    const tar = join(tmp, 'bytes.tar');
    execFileSync('python3', ['-c', 'import io, sys, tarfile\nwith tarfile.open(sys.argv[1], "w", format=tarfile.GNU_FORMAT, encoding="utf-8", errors="surrogateescape") as t:\n  for n, d in ((b"A\\xff/a.conf", b"http://zzhc.vnet.cn/reg"), (b"A\\xfe/a.conf", b"http://ntp.acme.eu/x")):\n    i = tarfile.TarInfo(n.decode("utf-8", "surrogateescape")); i.size = len(d); t.addfile(i, io.BytesIO(d))', tar]);
    const cpioDir = join(tmp, 'bytes-cpio');
    mkdirSync(cpioDir, { recursive: true });
    execFileSync('bash', ['-c', `cd ${cpioDir} && mkdir -p $'A\\xff' $'A\\xfe' && printf 'http://zzhc.vnet.cn/reg' > $'A\\xff/a.conf' && printf 'http://ntp.acme.eu/x' > $'A\\xfe/a.conf' && find . -name a.conf | cpio -o -H newc > ../bytes.cpio 2>/dev/null`]);
    for (const [input, name] of [[tar, 'bytes.tar'], [join(tmp, 'bytes.cpio'), 'bytes.cpio']]) {
      const r = await scanInputs([input], undefined, { market: 'EU' });
      const where = (host: string) => r.targets[0].endpoints.find((e) => e.value === host)?.evidence.map((e) => e.path);
      expect([where('zzhc.vnet.cn'), where('ntp.acme.eu')]).toEqual([[`${name}!/A\\xff/a.conf`], [`${name}!/A\\xfe/a.conf`]]);
    }
  });

  it('a target-files layout inside a partition\'s files (vendor/firmware/fw.zip!/SYSTEM/...) is no system partition', async () => {
    const dir = join(tmp, 'fwzip');
    mkdirSync(join(dir, 'vendor', 'firmware'), { recursive: true });
    execFileSync('python3', ['-c', 'import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], "w") as z:\n  z.writestr("SYSTEM/etc/hosts.conf", b"reg=http://zzhc.vnet.cn/reg")', join(dir, 'vendor', 'firmware', 'fw.zip')]);
    const policy = join(tmp, 'fw-exempt.yml');
    writeFileSync(policy, 'version: 1\nexemptions:\n  - match: {path: system/etc/hosts.conf}\n    reason: "hosts reviewed"\n    owner: "@acme/platform"\n    expires: 2099-01-01\n');
    const r = await scanInputs([dir], undefined, { policyFile: policy, market: 'EU' });
    expect(r.findings.filter((f) => f.rule === 'denied-endpoint').map((f) => [f.path, f.partitionPath, f.suppressed !== undefined])).toEqual([
      ['vendor/firmware/fw.zip!/SYSTEM/etc/hosts.conf', 'vendor/firmware/fw.zip!/SYSTEM/etc/hosts.conf', false],
    ]);
  });
});

describe('one device path, two files', () => {
  // The exemption of one reviewed file, system/etc/hosts.conf (its host ntp.acme.eu reviewed).
  const policy = join(tmp, 'hosts-exempt.yml');
  writeFileSync(policy, 'version: 1\nexemptions:\n  - match: {path: system/etc/hosts.conf}\n    reason: "hosts reviewed"\n    owner: "@acme/platform"\n    expires: 2099-01-01\n');
  const findings = (r: Report): [string, string | undefined, string | undefined, boolean][] =>
    r.findings.filter((f) => f.endpoint).map((f) => [`${f.rule} ${f.endpoint}`, f.path, f.partitionPath, f.suppressed !== undefined]);
  const build = (name: string): string => {
    const dir = join(tmp, name);
    mkdirSync(join(dir, 'system', 'etc'), { recursive: true });
    writeFileSync(join(dir, 'system', 'etc', 'hosts.conf'), 'ntp=ntp.acme.eu\n');
    return dir;
  };

  (hasTool('mke2fs') ? it : it.skip)('an image inside a partition\'s files is no partition, whatever its label says (mke2fs -L system)', async () => {
    const dir = build('labelled');
    const root = join(tmp, 'labelled-root');
    mkdirSync(join(root, 'etc'), { recursive: true });
    writeFileSync(join(root, 'etc', 'hosts.conf'), 'reg=http://zzhc.vnet.cn/reg\n');
    mkdirSync(join(dir, 'odm', 'firmware'), { recursive: true });
    execFileSync('mke2fs', ['-q', '-t', 'ext4', '-L', 'system', '-d', root, join(dir, 'odm', 'firmware', 'modem_cfg.bin'), '4M']);
    const r = await scanInputs([dir], undefined, { policyFile: policy, market: 'EU' });
    expect(findings(r)).toEqual([
      ['denied-endpoint zzhc.vnet.cn', 'odm/firmware/modem_cfg.bin!/etc/hosts.conf', 'odm/firmware/modem_cfg.bin!/etc/hosts.conf', false],
      ['unlisted-endpoint ntp.acme.eu', 'system/etc/hosts.conf', 'system/etc/hosts.conf', true],
    ]);
  });

  it('system/system/etc/hosts.conf beside system/etc/hosts.conf (system-as-root folding gives both one device path): the exemption covers the reviewed file only', async () => {
    const dir = build('folded');
    mkdirSync(join(dir, 'system', 'system', 'etc'), { recursive: true });
    writeFileSync(join(dir, 'system', 'system', 'etc', 'hosts.conf'), 'reg=http://zzhc.vnet.cn/reg\n');
    const r = await scanInputs([dir], undefined, { policyFile: policy, market: 'EU' });
    expect(findings(r)).toEqual([
      ['denied-endpoint zzhc.vnet.cn', 'system/system/etc/hosts.conf', 'system/etc/hosts.conf', false],
      ['unlisted-endpoint ntp.acme.eu', 'system/etc/hosts.conf', 'system/etc/hosts.conf', true],
    ]);
  });
});
