/**
 * A variant toggle is read by the id the client's code loads, not by its name: a supplier can
 * link the client's resources with `aapt2 link --stable-ids` so that the table gives the name
 * `isCnVersion` (false: worldwide) to an id the code never loads, while the id the code does load
 * (compiled against the unswapped R) is named otherwise and holds true. The gate reads the
 * client's classes.dex for the id its table gives the toggle (a `const`/`const-high16` literal,
 * an `R$bool` static value, `getIdentifier` beside the name) and fails closed where there is
 * none. APKs built at test time with Debian's aapt2 and smali; the literals and static values
 * are checked against `dexdump -d`, the ids against `aapt2 dump resources`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { readDexCode } from '../../src/formats/dex.js';
import { FormatError } from '../../src/formats/errors.js';
import type { Report } from '../../src/report/model.js';
import { haveTools } from '../containers/helpers.js';
import { aapt2Apk, addDex, ANDROID_NS, dexdumpConsts, haveFrameworkRes, resourceIds, toggleReaderSmali } from '../helpers/android.js';
import { scanIn } from '../helpers/scan.js';
import { put, tempDir } from '../helpers/temp.js';

const TOOLS = ['aapt2', 'smali', 'java', 'zip', 'dexdump'];
const ready = haveTools(...TOOLS) && haveFrameworkRes();
const withTools = ready ? describe : describe.skip;
if (!ready) console.warn(`SKIPPED toggle ids in a client's code: needs ${TOOLS.join(', ')} and android-framework-res`);

const CLIENT = 'com.evenwell.autoregistration';
const CLASS = CLIENT.replace(/\./g, '/');
const MANIFEST = `<manifest ${ANDROID_NS} package="${CLIENT}"><application android:label="AR"/></manifest>\n`;
const APK = ['build', 'system', 'priv-app', 'AutoRegistration', 'AutoRegistration.apk'];
/** Its CN endpoints, in code (dormant when the WW variant is selected). */
const NETWORK_UTIL =
  `.class public L${CLASS}/NetworkUtil;\n.super Ljava/lang/Object;\n` +
  '.field public static final CT_SMS:Ljava/lang/String; = "10659401"\n' +
  '.field public static final CN:Ljava/lang/String; = "https://caivssp-no-cn.c2dms.com"\n' +
  '.field public static final WW:Ljava/lang/String; = "https://caivssp-no-ww.c2dms.com"\n';
/** isCnVersion false (the table says worldwide), and another bool, true. */
const VALUES = '<bool name="isCnVersion">false</bool><bool name="isLiteBuild">true</bool>';
/** The names swapped: isCnVersion gets isLiteBuild's id and the other way round (aapt2 gives them 0x7f010000 and 0x7f010001 unswapped). */
const SWAP = `${CLIENT}:bool/isCnVersion = 0x7f010001\n${CLIENT}:bool/isLiteBuild = 0x7f010000\n`;

interface Build {
  root: string;
  apk: string;
  dex: string;
  /** aapt2's ids of the linked table. */
  ids: Map<string, number>;
}

/** The client with VALUES (or `values`), linked with `link`, its code the smali given (NetworkUtil added). */
function client(opts: { values?: string; link?: (root: string) => string[]; smali: (ids: Map<string, number>) => Record<string, string> }): Build {
  const root = tempDir('ag-toggle-ids-');
  const dir = join(root, 'client');
  const apk = aapt2Apk(dir, join(root, ...APK), MANIFEST, opts.values ?? VALUES, { link: opts.link?.(root) ?? [] });
  const ids = resourceIds(apk);
  const dex = addDex(apk, dir, { 'NetworkUtil.smali': NETWORK_UTIL, ...opts.smali(ids) });
  return { root, apk, dex, ids };
}

const swapped = (root: string): string[] => ['--stable-ids', put(join(root, 'ids.txt'), SWAP)];

/** `const`/`const-high16` literals of the dex, as dexdump -d prints them. */
const dexdumpLiterals = (dex: string): number[] => dexdumpConsts(execFileSync('dexdump', ['-d', dex], { encoding: 'utf8' }));

function errors(r: Report): string[] {
  return r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.endpoint ?? f.client ?? ''}`).sort();
}
const toggleMessage = (r: Report): string | undefined => r.findings.find((f) => f.rule === 'variant-toggle')?.message;

/** The table's isCnVersion=false is what the app reads: WW, the CN endpoints dormant. */
function expectWw(r: Report): void {
  expect(errors(r)).toEqual([]);
  expect(r.findings.filter((f) => f.rule === 'dormant-variant').map((f) => f.endpoint)).toContain('10659401');
}
/** What the app reads is not known: every variant, the CN one too. */
function expectEvery(r: Report, why: string): void {
  expect(errors(r)).toContain('denied-endpoint 10659401');
  expect(errors(r)).toContain('variant-toggle evenwell-caivs');
  expect(toggleMessage(r)).toContain(`or may (${why}, so what it reads is not known)`);
}

/** A static WW overlay (isCnVersion=false) in product/overlay. */
function wwOverlay(root: string): void {
  aapt2Apk(
    join(root, 'ov'),
    join(root, 'build', 'product', 'overlay', 'CaivsWW.apk'),
    `<manifest ${ANDROID_NS} package="${CLIENT}.overlay.ww"><overlay android:targetPackage="${CLIENT}" android:isStatic="true" android:priority="1"/></manifest>\n`,
    '<bool name="isCnVersion">false</bool>',
  );
}

withTools('a client whose code loads the id its table gives the toggle', () => {
  it('keeps its verdict: const/high16 0x7f010000 (isCnVersion, aapt2 default ids) reads the table\'s false: WW', async () => {
    const b = client({ smali: (ids) => ({ 'ToggleReader.smali': toggleReaderSmali(CLIENT, [ids.get('bool/isCnVersion')!]) }) });
    expect(b.ids.get('bool/isCnVersion')).toBe(0x7f010000);
    expect(dexdumpLiterals(b.dex)).toEqual([0x7f010000]);
    expect(execFileSync('dexdump', ['-d', b.dex], { encoding: 'utf8' })).toContain('const/high16 v1, #int 2130771968');
    expect([...readDexCode(readFileSync(b.dex)).literals]).toEqual(dexdumpLiterals(b.dex));
    expectWw(await scanIn(b.root));
  });

  it('keeps its verdict with `const` (isCnVersion at 0x7f010001 after another bool): WW; and a CN build (true) is CN by its own resources', async () => {
    const values = '<bool name="aFlag">true</bool><bool name="isCnVersion">false</bool>';
    const b = client({ values, smali: (ids) => ({ 'ToggleReader.smali': toggleReaderSmali(CLIENT, [ids.get('bool/isCnVersion')!]) }) });
    expect(b.ids.get('bool/isCnVersion')).toBe(0x7f010001);
    expect(dexdumpLiterals(b.dex)).toEqual([0x7f010001]);
    expectWw(await scanIn(b.root));
    const cn = client({ values: values.replace('false', 'true'), smali: (ids) => ({ 'ToggleReader.smali': toggleReaderSmali(CLIENT, [ids.get('bool/isCnVersion')!]) }) });
    const r = await scanIn(cn.root);
    expect(errors(r)).toContain('variant-toggle evenwell-caivs');
    expect(toggleMessage(r)).toContain(`bool/isCnVersion = true in ${CLIENT}'s own resources`);
  });
});

withTools('names swapped under aapt2 --stable-ids', () => {
  it('the code loads 0x7f010000 (isCnVersion as compiled; now isLiteBuild, true), the table gives isCnVersion 0x7f010001 (false): every variant, overlay or not', async () => {
    // The code as compiled against the unswapped R: isCnVersion is 0x7f010000 there.
    const b = client({ link: swapped, smali: () => ({ 'ToggleReader.smali': toggleReaderSmali(CLIENT, [0x7f010000]) }) });
    const dump = execFileSync('aapt2', ['dump', 'resources', b.apk], { encoding: 'utf8' });
    expect(dump).toMatch(/resource 0x7f010000 bool\/isLiteBuild\s+\(\) true/);
    expect(dump).toMatch(/resource 0x7f010001 bool\/isCnVersion\s+\(\) false/);
    expect(dexdumpLiterals(b.dex)).toEqual([0x7f010000]);
    expectEvery(await scanIn(b.root), `${CLIENT}'s code does not load the id 0x7f010001 its table gives bool/isCnVersion`);
    // A WW overlay sets the name, which is not what the code reads either.
    wwOverlay(b.root);
    expectEvery(await scanIn(b.root), `${CLIENT}'s code does not load the id 0x7f010001 its table gives bool/isCnVersion`);
  });

  it('an R$bool field isCnVersion holding 0x7f010000 (sget, a library module\'s R) where the table gives 0x7f010001: every variant; the table\'s id in it: WW', async () => {
    const rBool = (id: number): string => `.class public final L${CLASS}/R$bool;\n.super Ljava/lang/Object;\n.field public static isCnVersion:I = 0x${id.toString(16)}\n`;
    const reader =
      `.class public L${CLASS}/LibReader;\n.super Ljava/lang/Object;\n.method public static read(Landroid/content/res/Resources;)Z\n    .registers 2\n` +
      `    sget v0, L${CLASS}/R$bool;->isCnVersion:I\n    invoke-virtual {p0, v0}, Landroid/content/res/Resources;->getBoolean(I)Z\n    move-result v0\n    return v0\n.end method\n`;
    const other = client({ link: swapped, smali: () => ({ 'R$bool.smali': rBool(0x7f010000), 'LibReader.smali': reader }) });
    const dump = execFileSync('dexdump', ['-d', other.dex], { encoding: 'utf8' });
    // dexdump's static value of R$bool.isCnVersion, and no const loads anything.
    expect(dump).toMatch(/name\s+: 'isCnVersion'\s+type\s+: 'I'\s+access\s+: 0x0009 \(PUBLIC STATIC\)\s+value\s+: 2130771968/);
    expect(dexdumpLiterals(other.dex)).toEqual([]);
    expectEvery(await scanIn(other.root), `${CLIENT}'s R$bool field isCnVersion holds 0x7f010000, not the id 0x7f010001 its table gives bool/isCnVersion`);
    const same = client({ link: swapped, smali: () => ({ 'R$bool.smali': rBool(0x7f010001), 'LibReader.smali': reader }) });
    expect(execFileSync('dexdump', ['-d', same.dex], { encoding: 'utf8' })).toMatch(/name\s+: 'isCnVersion'\s+type\s+: 'I'\s+access\s+: 0x0009 \(PUBLIC STATIC\)\s+value\s+: 2130771969/);
    expectWw(await scanIn(same.root));
  });

  it('code that looks the toggle up by name (getIdentifier("isCnVersion", "bool", ...)) reads what the table names: WW; by another name: every variant', async () => {
    const byName = (name: string): string =>
      `.class public L${CLASS}/ByName;\n.super Ljava/lang/Object;\n.method public static read(Landroid/content/Context;)Z\n    .registers 5\n` +
      '    invoke-virtual {p0}, Landroid/content/Context;->getResources()Landroid/content/res/Resources;\n    move-result-object v0\n' +
      `    const-string v1, "${name}"\n    const-string v2, "bool"\n    const-string v3, "${CLIENT}"\n` +
      '    invoke-virtual {v0, v1, v2, v3}, Landroid/content/res/Resources;->getIdentifier(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)I\n    move-result v1\n' +
      '    invoke-virtual {v0, v1}, Landroid/content/res/Resources;->getBoolean(I)Z\n    move-result v1\n    return v1\n.end method\n';
    const b = client({ link: swapped, smali: () => ({ 'ByName.smali': byName('isCnVersion') }) });
    expect(execFileSync('dexdump', ['-d', b.dex], { encoding: 'utf8' })).toMatch(/invoke-virtual \{v0, v1, v2, v3\}, Landroid\/content\/res\/Resources;\.getIdentifier:/);
    expectWw(await scanIn(b.root));
    const other = client({ link: swapped, smali: () => ({ 'ByName.smali': byName('isLiteBuild') }) });
    expectEvery(await scanIn(other.root), `${CLIENT}'s code does not load the id 0x7f010001 its table gives bool/isCnVersion`);
  });

  it('a client without classes.dex (its code preopted into oat/ by the build): not checked, the toggle read by its name, and the package says so', async () => {
    const root = tempDir('ag-toggle-ids-');
    aapt2Apk(join(root, 'client'), join(root, ...APK), MANIFEST, VALUES);
    const r = await scanIn(root);
    // A preopting build (Android 8 and 9) strips every app's classes.dex: a worldwide build of the
    // client must not fail for it.
    expect(errors(r)).toEqual([]);
    expect(r.findings.some((f) => f.rule === 'variant-toggle')).toBe(false);
    const pkg = r.targets[0].packages.find((p) => p.package === CLIENT)!;
    expect(pkg.warnings).toEqual([
      'no classes.dex (stripped into oat/ by a preopting build, or no code): which resource ids its code loads for bool/isCnVersion is checked in the vdex beside it (oat/<isa>/<name>.vdex) where one is read, else not (the toggle read by its name)',
    ]);
  });
});

withTools('a hostile classes.dex in a variant client', () => {
  /** The client (isCnVersion false, its code loading it with `const`), its classes.dex patched by `patch` and put back. */
  async function patched(patch: (dex: Buffer, codeOff: number, constUnit: number) => Buffer): Promise<{ report: Report; dex: Buffer }> {
    const b = client({ values: '<bool name="aFlag">true</bool><bool name="isCnVersion">false</bool>', smali: (ids) => ({ 'ToggleReader.smali': toggleReaderSmali(CLIENT, [ids.get('bool/isCnVersion')!]) }) });
    // The reader's code item, where dexdump says it is.
    const listing = execFileSync('dexdump', ['-d', b.dex], { encoding: 'utf8' });
    const codeOff = parseInt(/\|\[([0-9a-f]+)\] com\.evenwell\.autoregistration\.ToggleReader\.read:/.exec(listing)![1], 16);
    const constUnit = parseInt(/\|([0-9a-f]{4}): const v1, /.exec(listing)![1], 16);
    const dex = patch(readFileSync(b.dex), codeOff, constUnit);
    writeFileSync(b.dex, dex);
    execFileSync('zip', ['-q', b.apk, 'classes.dex'], { cwd: join(b.root, 'client') });
    return { report: await scanIn(b.root), dex };
  }
  const cases: [string, (dex: Buffer, codeOff: number, constUnit: number) => Buffer, RegExp][] = [
    [
      'insns_size past the end of the file',
      (dex, codeOff) => {
        dex.writeUInt32LE(0x7fffffff, codeOff + 12);
        return dex;
      },
      /code_item at \d+: insns_size 2147483647 runs past the end of the file/,
    ],
    [
      'a code item cut in the middle of its `const` (its insns end one unit into the 3-unit const dexdump shows)',
      (dex, codeOff, constUnit) => {
        dex.writeUInt32LE(constUnit + 1, codeOff + 12);
        return dex;
      },
      /instruction 0x14 at \d+ runs past insns \(\d+ units\)/,
    ],
    [
      'a class_data_item with huge uleb counts (0xffffffff fields and methods)',
      (dex) => {
        // Appended to the file (file_size grown), the last class_def's class_data_off pointed at it.
        const huge = Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f]);
        const out = Buffer.concat([dex, huge, huge, huge, huge]);
        out.writeUInt32LE(out.length, 0x20);
        const classDefs = out.readUInt32LE(0x64);
        const last = out.readUInt32LE(0x60) - 1;
        out.writeUInt32LE(dex.length, classDefs + 32 * last + 24);
        return out;
      },
      /class_data_item of class_def #\d+ \(at \d+\) declares 4294967295\+4294967295 fields and 4294967295\+4294967295 methods, more than the file can hold/,
    ],
  ];
  it.each(cases)('%s: a clear unreadable fact, no crash, every variant', async (_what, patch, reason) => {
    const { report, dex } = await patched(patch);
    expect(() => readDexCode(dex)).toThrow(FormatError);
    const u = report.targets[0].unreadable.find((x) => x.path.endsWith('AutoRegistration.apk!/classes.dex') && x.format === 'dex');
    expect(u?.reason).toMatch(reason);
    expect(u?.reason).toContain(`which variant of ${CLIENT} it selects is not known`);
    expect(errors(report)).toContain('variant-toggle evenwell-caivs');
    expect(toggleMessage(report)).toMatch(reason);
  });
});

const VDEX_PY = join(import.meta.dirname, '..', '..', 'scripts', 'fixtures', 'images', 'vdex.py');
const withVdex = ready && haveTools('python3') ? describe : describe.skip;
if (ready && !haveTools('python3')) console.warn('SKIPPED a preopted client\'s vdex: needs python3');

withVdex('a client whose build preopted its code (classes.dex stripped into oat/arm64/AutoRegistration.vdex)', () => {
  const VDEX = 'system/priv-app/AutoRegistration/oat/arm64/AutoRegistration.vdex';
  /**
   * The client as `client` builds it, then its classes.dex (patched by `patch`) moved out of the
   * APK (`zip -d`) into a vdex beside it (scripts/fixtures/images/vdex.py, layout 027: no dex2oat here).
   */
  function stripped(opts: Parameters<typeof client>[0], patch?: (dex: Buffer, listing: string) => Buffer): Build {
    const b = client(opts);
    if (patch) writeFileSync(b.dex, patch(readFileSync(b.dex), execFileSync('dexdump', ['-d', b.dex], { encoding: 'utf8' })));
    execFileSync('zip', ['-q', '-d', b.apk, 'classes.dex']);
    expect(execFileSync('unzip', ['-Z1', b.apk], { encoding: 'utf8' })).not.toContain('classes.dex');
    const vdex = join(b.root, 'build', ...VDEX.split('/'));
    put(vdex, '');
    execFileSync('python3', [VDEX_PY, vdex, '027', b.dex]);
    return b;
  }
  const reader = (ids: Map<string, number>, key = 'bool/isCnVersion') => ({ 'ToggleReader.smali': toggleReaderSmali(CLIENT, [ids.get(key)!]) });

  it('its vdex loads the id the table gives isCnVersion: WW, its CN endpoints (in the vdex) dormant', async () => {
    const b = stripped({ smali: (ids) => reader(ids) });
    expect(dexdumpLiterals(b.dex)).toEqual([0x7f010000]);
    const r = await scanIn(b.root);
    expectWw(r);
    expect(r.targets[0].packages.find((p) => p.package === CLIENT)!.warnings).toEqual([expect.stringContaining('is checked in the vdex beside it')]);
  });

  it('names swapped under --stable-ids, the vdex loading the unswapped id: every variant, the vdex named', async () => {
    // The code was compiled against the unswapped R: it loads 0x7f010000, which the table now names isLiteBuild.
    const b = stripped({ link: swapped, smali: () => ({ 'ToggleReader.smali': toggleReaderSmali(CLIENT, [0x7f010000]) }) });
    expect(b.ids.get('bool/isCnVersion')).toBe(0x7f010001);
    expect(dexdumpLiterals(b.dex)).toEqual([0x7f010000]);
    expectEvery(await scanIn(b.root), `${CLIENT}'s preopted code (${VDEX}) does not load the id 0x7f010001 its table gives bool/isCnVersion`);
  });

  it('a vdex whose DEX cannot be decoded (insns_size past the end): a clear unreadable fact and every variant', async () => {
    const b = stripped({ smali: (ids) => reader(ids) }, (dex, listing) => {
      const codeOff = parseInt(/\|\[([0-9a-f]+)\] com\.evenwell\.autoregistration\.ToggleReader\.read:/.exec(listing)![1], 16);
      dex.writeUInt32LE(0x7fffffff, codeOff + 12);
      return dex;
    });
    const r = await scanIn(b.root);
    const u = r.targets[0].unreadable.find((x) => x.path === `${VDEX}!/classes.dex` && x.format === 'dex');
    expect(u?.reason).toMatch(/insns_size 2147483647 runs past the end of the file/);
    expect(errors(r)).toEqual(expect.arrayContaining(['denied-endpoint 10659401', 'variant-toggle evenwell-caivs']));
    expect(toggleMessage(r)).toContain(`or may (${CLIENT}'s preopted code cannot be read for the resource ids it loads: ${VDEX}: classes.dex: code_item at `);
  });
});
