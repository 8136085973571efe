/**
 * Source-line locations: the parsers, the tree index over the fixture source tree
 * (__tests__/fixtures/source, see its README) and locateFindings over a real scan of the
 * sample build.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { RecordingLogger } from '../../src/logging.js';
import type { Report } from '../../src/report/model.js';
import { scan } from '../../src/scan.js';
import { indexSourceTree } from '../../src/source/indexer.js';
import { locateFindings, modulesOfPath, subjectsOf, wantedNames } from '../../src/source/locate.js';
import { parseBlueprint, parseMakefile, parseXmlPackageIds, resolveCopyDest } from '../../src/source/parse.js';
import { createTestFinding, createTestReport } from '../../__fixtures__/report.js';
import { tempDir } from '../helpers/temp.js';

const ROOT = path.join(import.meta.dirname, '..', '..');
const SOURCE = '__tests__/fixtures/source';
const PRODUCT_MK = `${SOURCE}/device/acme/ctl/product.mk`;

describe('parseMakefile', () => {
  it('reads PRODUCT_PACKAGES on one line and in multi-line lists, with line and column', () => {
    const text = [
      'PRODUCT_PACKAGES += Foo Bar',
      'PRODUCT_PACKAGES := \\',
      '    Baz \\',
      '    $(MY_APPS) \\',
      '    Qux # trailing comment Nope',
      'override PRODUCT_PACKAGES_DEBUG += Dbg',
      '# PRODUCT_PACKAGES += Commented',
      'MY_APPS := NotAPackage',
      'PRODUCT_PACKAGES += A \\',
      '  # comment continues \\',
      '  StillComment',
      'PRODUCT_PACKAGES += B',
    ].join('\n');
    expect(parseMakefile(text).map((d) => `${d.name}@${d.line}:${d.column} ${d.detail}`)).toEqual([
      'Foo@1:21 PRODUCT_PACKAGES',
      'Bar@1:25 PRODUCT_PACKAGES',
      'Baz@3:5 PRODUCT_PACKAGES',
      'Qux@5:5 PRODUCT_PACKAGES',
      'Dbg@6:36 PRODUCT_PACKAGES_DEBUG',
      'A@9:21 PRODUCT_PACKAGES',
      'B@12:21 PRODUCT_PACKAGES',
    ]);
  });

  it('reads LOCAL_MODULE, LOCAL_PACKAGE_NAME and PRODUCT_COPY_FILES destinations', () => {
    const text = [
      'include $(CLEAR_VARS)',
      'LOCAL_MODULE := AutoRegistration',
      'LOCAL_PACKAGE_NAME:=Svc',
      'LOCAL_MODULE := $(MY_NAME)',
      'PRODUCT_COPY_FILES += a/b.xml:$(TARGET_COPY_OUT_VENDOR)/etc/b.xml \\',
      '    c.json:system/etc/c.json:root \\',
      '    $(call find-copy-subdir-files,*,$(LOCAL_PATH)/x,$(TARGET_COPY_OUT_SYSTEM)/x)',
    ].join('\r\n');
    expect(parseMakefile(text).map((d) => `${d.kind} ${d.name}@${d.line}:${d.column}`)).toEqual([
      'module AutoRegistration@2:17',
      'module Svc@3:21',
      'copy-files vendor/etc/b.xml@5:23',
      'copy-files system/etc/c.json@6:5',
    ]);
    expect(resolveCopyDest('$(TARGET_COPY_OUT_UNKNOWN)/x')).toBeUndefined();
    expect(resolveCopyDest('${TARGET_COPY_OUT_PRODUCT}//etc/x')).toBe('product/etc/x');
  });
});

describe('parseBlueprint', () => {
  it('finds module names with their type, ignoring nested names, comments and strings', () => {
    const text = [
      '// android_app { name: "InComment" }',
      'android_app_import {',
      '    name: "Checkin",',
      '    apk: "name: \\"Fake\\"",',
      '    dex_preopt: { name: "Nested" },',
      '}',
      '/* runtime_resource_overlay {',
      '   name: "Hidden" } */',
      'my_defaults = ["x"]',
      'runtime_resource_overlay { sdk_version: "current", name: "com.acme.overlay" }',
      'android_app {',
      '    srcs: ["src/**/*.java"],',
      '    name:',
      '        "Multi",',
      '}',
    ].join('\n');
    expect(parseBlueprint(text).map((d) => `${d.detail} ${d.name}@${d.line}:${d.column}`)).toEqual([
      'android_app_import Checkin@3:11',
      'runtime_resource_overlay com.acme.overlay@10:58',
      'android_app Multi@14:9',
    ]);
  });
});

describe('parseXmlPackageIds', () => {
  it('finds package ids in attributes, text and CDATA, not in comments', () => {
    const text = [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<config>',
      '  <!-- <allow-in-power-save package="com.in.comment" /> -->',
      '  <allow-in-power-save package="com.qualcomm.qti.autoregistration" />',
      '  <item>com.acme.notes</item>',
      "  <list value='com.a.b,com.c.d' name=\"not a package\"/>",
      '  <x><![CDATA[com.in.cdata]]></x>',
      '</config>',
    ].join('\n');
    expect(parseXmlPackageIds(text).map((d) => `${d.name}@${d.line}:${d.column} ${d.detail}`)).toEqual([
      'com.qualcomm.qti.autoregistration@4:33 allow-in-power-save',
      'com.acme.notes@5:9 item',
      'com.a.b@6:16 list',
      'com.c.d@6:24 list',
      'com.in.cdata@7:15 x',
    ]);
  });
});

describe('parsers on hostile input', () => {
  it('stay linear on long runs without separators and skip compiled XML', () => {
    const long = `<a ${'x'.repeat(400_000)}>${'y'.repeat(400_000)}</a>`;
    const t0 = Date.now();
    expect(parseXmlPackageIds(long)).toEqual([]);
    expect(parseBlueprint(`m { name: "${'z'.repeat(400_000)}" }`)).toHaveLength(1);
    expect(parseMakefile(`PRODUCT_PACKAGES += ${'\\'.repeat(100_001)}`)).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(parseXmlPackageIds('\u0003\u0000\u0008\u0000<x package="com.acme.notes"/>')).toEqual([]);
  });
});

describe('indexSourceTree over the fixture tree', () => {
  it('indexes makefiles, blueprints and XML, skipping out/, with workspace-relative paths', async () => {
    const index = await indexSourceTree(path.join(ROOT, SOURCE), { workspace: ROOT });
    const auto = index.declarations.filter((d) => d.name === 'AutoRegistration');
    expect(auto.map((d) => `${d.rank} ${d.file}:${d.line}:${d.column} ${d.detail}`)).toEqual([
      `0 ${PRODUCT_MK}:18:5 PRODUCT_PACKAGES`,
      `1 ${SOURCE}/vendor/qcom/proprietary/qrd-apps/AutoRegistration/Android.mk:4:17 LOCAL_MODULE`,
    ]);
    expect(index.declarations.some((d) => d.file.includes('/out/'))).toBe(false);
    const pkg = index.declarations.filter((d) => d.name === 'com.qualcomm.qti.autoregistration').map((d) => `${d.file}:${d.line}`);
    expect(pkg).toEqual([
      `${SOURCE}/device/acme/ctl/overlays/AutoRegistrationCN/AndroidManifest.xml:5`,
      `${SOURCE}/vendor/qcom/proprietary/qrd-apps/etc/qti_whitelist.xml:5`,
      `${SOURCE}/vendor/qcom/proprietary/qrd-apps/etc/qti_whitelist.xml:6`,
    ]);
    expect(index.declarations.find((d) => d.name === 'system/etc/acme-endpoints.json')).toMatchObject({ kind: 'copy-files', file: PRODUCT_MK, line: 22 });
    expect(index.declarations.find((d) => d.name === 'Notes')).toMatchObject({ file: `${SOURCE}/device/acme/common/common.mk`, line: 4 });
    expect(index.declarations.every((d) => d.inWorkspace)).toBe(true);
    expect(index.stats.truncated).toBe(false);
  });

  it('keeps only wanted names, skips dot-folders and inputs, and marks files outside the workspace', async () => {
    const tmp = tempDir('ag-src-');
    cpSync(path.join(ROOT, SOURCE), path.join(tmp, 'tree'), { recursive: true });
    mkdirSync(path.join(tmp, 'tree/.git/x'), { recursive: true });
    writeFileSync(path.join(tmp, 'tree/.git/x/a.mk'), 'PRODUCT_PACKAGES += AutoRegistration\n');
    mkdirSync(path.join(tmp, 'tree/build-input'), { recursive: true });
    writeFileSync(path.join(tmp, 'tree/build-input/b.mk'), 'PRODUCT_PACKAGES += AutoRegistration\n');
    const index = await indexSourceTree(path.join(tmp, 'tree'), {
      workspace: path.join(tmp, 'elsewhere'),
      wanted: new Set(['AutoRegistration']),
      exclude: [path.join(tmp, 'tree/build-input')],
    });
    expect(index.declarations.map((d) => `${d.inWorkspace} ${path.relative(tmp, d.file)}:${d.line}`)).toEqual([
      'false tree/device/acme/ctl/product.mk:18',
      'false tree/vendor/qcom/proprietary/qrd-apps/AutoRegistration/Android.mk:4',
    ]);
  });

  it('reads XML everywhere in a device repository checked out on its own', async () => {
    const root = path.join(ROOT, SOURCE, 'device/acme/ctl');
    const index = await indexSourceTree(root, { workspace: root, wanted: new Set(['com.acme.notes', 'Checkin']) });
    expect(index.declarations.map((d) => `${d.file}:${d.line}`)).toEqual([
      'product.mk:12',
      'Android.bp:4',
      'overlay/frameworks/base/core/res/res/values/config.xml:8',
    ]);
  });
});

describe('indexSourceTree limits', () => {
  it('reads a file of exactly the size cap, skips and counts one a byte over, and stops after maxFiles files', async () => {
    const tmp = tempDir('ag-src-cap-');
    const line = 'PRODUCT_PACKAGES += Fits\n';
    const cap = 64;
    writeFileSync(path.join(tmp, 'a.mk'), line.padEnd(cap, '#'));
    writeFileSync(path.join(tmp, 'b.mk'), 'PRODUCT_PACKAGES += TooBig\n'.padEnd(cap + 1, '#'));
    writeFileSync(path.join(tmp, 'c.mk'), 'PRODUCT_PACKAGES += Third\n');
    const index = await indexSourceTree(tmp, { workspace: tmp, maxFileBytes: cap });
    expect(index.declarations.map((d) => d.name)).toEqual(['Fits', 'Third']);
    expect(index.stats).toEqual({ files: 3, read: 2, skippedLarge: 1, unreadable: 0, truncated: false });
    // Files are visited in name order: the third is past the limit.
    const cut = await indexSourceTree(tmp, { workspace: tmp, maxFileBytes: cap + 1, maxFiles: 2 });
    expect(cut.declarations.map((d) => d.name)).toEqual(['Fits', 'TooBig']);
    expect(cut.stats).toMatchObject({ read: 2, skippedLarge: 0, truncated: true });
  });

  it('fails on a root that cannot be listed, so the caller can say why', async () => {
    await expect(indexSourceTree(path.join(tempDir('ag-src-none-'), 'missing'), { workspace: ROOT })).rejects.toThrow(/ENOENT/);
  });
});

describe('indexSourceTree over a tree with an unreadable folder', () => {
  it('skips and counts the folder (checked as an unprivileged user), keeps the rest of the index and says so', () => {
    const tmp = tempDir('ag-src-locked-');
    const tree = path.join(tmp, 'tree');
    cpSync(path.join(ROOT, SOURCE), tree, { recursive: true });
    // Sorted before the product makefile's folder, and declaring the module too: were it read,
    // the finding would list two product makefiles.
    const locked = path.join(tree, 'device/acme/aaa-locked');
    mkdirSync(locked);
    writeFileSync(path.join(locked, 'other.mk'), 'PRODUCT_PACKAGES += AutoRegistration\n');
    chmodSync(locked, 0o000);
    chmodSync(tmp, 0o755);
    // CI runs as root, which lists mode-000 folders: drop privileges for this run.
    const asNobody = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--', 'node'] : ['node'];
    let r;
    try {
      r = spawnSync(asNobody[0], [...asNobody.slice(1), path.join(ROOT, 'dist/cli.js'), 'scan', path.join(ROOT, 'sample/out/600E0'), '--policy', path.join(ROOT, 'sample/activation-gate.yml'), '--source-root', tree, '--format', 'json', '--fail-on', 'never'], {
        cwd: tmp,
        encoding: 'utf8',
        env: { ...process.env, ACTIVATION_GATE_WORKERS: '1' },
      });
    } finally {
      chmodSync(locked, 0o755);
    }
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('--source-root: 1 folder or file could not be read and were skipped');
    const report = JSON.parse(r.stdout) as Report;
    const client = report.findings.find((f) => f.rule === 'wrong-market-client')!;
    expect(client.location).toEqual({ file: 'tree/device/acme/ctl/product.mk', line: 18, column: 5 });
    expect(client.message).not.toContain('Declared in');
  });
});

describe('locateFindings', () => {
  it('lists every place only when the best rank is ambiguous (two product makefiles add the module)', () => {
    const decl = (file: string, line: number, rank: number, detail: string) => ({ name: 'AutoRegistration', kind: 'product-packages', file, line, column: 5, detail, inWorkspace: true, rank });
    const report = createTestReport();
    const index = {
      declarations: [decl('device/acme/a/product.mk', 3, 0, 'PRODUCT_PACKAGES'), decl('device/acme/b/product.mk', 7, 0, 'PRODUCT_PACKAGES'), decl('vendor/x/Android.mk', 1, 1, 'LOCAL_MODULE')],
    } as unknown as Parameters<typeof locateFindings>[1];
    const out = locateFindings(report, index);
    const f = out.findings.find((x) => x.rule === 'wrong-market-client')!;
    expect(f.message).toContain('Declared in 2 places in the source tree: device/acme/a/product.mk:3 (PRODUCT_PACKAGES), device/acme/b/product.mk:7 (PRODUCT_PACKAGES).');
    expect(f.location).toEqual({ file: 'device/acme/a/product.mk', line: 3, column: 5 });
  });

  it('wantedNames: every subject of every finding, also when findings share fields or fields run together', () => {
    const union = (fs: ReturnType<typeof createTestFinding>[]) => {
      const out = new Set<string>();
      for (const f of fs) for (const l of Object.values(subjectsOf(f))) for (const n of l) out.add(n);
      return out;
    };
    const findings = [
      createTestFinding(),
      createTestFinding({ rule: 'unlisted-endpoint', endpoint: 'a.example.com' }), // same subjects again
      // Fields whose texts, put end to end, read the same: a key without lengths would merge them.
      createTestFinding({ path: 'system/app/Ab/Ab.apk', partitionPath: undefined, package: 'p' }),
      createTestFinding({ path: 'system/app/Ab/Ab.ap', partitionPath: undefined, package: 'kp' }),
      createTestFinding({ path: undefined, partitionPath: 'vendor/app/Cd/Cd.apk', package: undefined, client: undefined }),
      createTestFinding({ path: 'undefined', partitionPath: undefined, package: undefined, client: undefined }),
    ];
    const wanted = wantedNames(createTestReport({ findings }));
    expect(wanted).toEqual(union(findings));
    for (const n of ['Ab', 'kp', 'p', 'Cd', 'vendor/app/Cd/Cd.apk', 'undefined', 'system/app/Ab/Ab.ap']) expect(wanted.has(n)).toBe(true);
  });

  it('module and package subjects of a finding', () => {
    expect(modulesOfPath('system/priv-app/AutoRegistration/AutoRegistration.apk')).toEqual(['AutoRegistration']);
    expect(modulesOfPath('system.img!/system/app/Foo/Bar.apk')).toEqual(['Foo', 'Bar']);
    expect(modulesOfPath('product/overlay/com.x.overlay.apk')).toEqual(['com.x.overlay']);
    expect(modulesOfPath('system/etc/x.json')).toEqual([]);
    const report = createTestReport();
    expect(subjectsOf(createTestFinding({ package: undefined }), report)).toEqual({
      modules: ['AutoRegistration'],
      packages: ['com.qualcomm.qti.autoregistration'],
      paths: ['system/priv-app/AutoRegistration/AutoRegistration.apk'],
    });
  });

  it('the sample build: the AutoRegistration finding points at the PRODUCT_PACKAGES line, others fall back', async () => {
    const report = await scan(
      { inputs: ['sample/out/600E0'], policyFile: 'sample/activation-gate.yml', failOn: 'error', cwd: ROOT, now: new Date('2026-11-01T00:00:00Z') },
      new RecordingLogger(),
    );
    const index = await indexSourceTree(path.join(ROOT, SOURCE), { workspace: ROOT, wanted: wantedNames(report) });
    const located = locateFindings(report, index, { file: '.github/workflows/build.yml', line: 1 });
    expect(located).not.toBe(report);
    const client = located.findings.find((f) => f.rule === 'wrong-market-client')!;
    expect(client.location).toEqual({ file: PRODUCT_MK, line: 18, column: 5 });
    // One PRODUCT_PACKAGES line adds it: not ambiguous, so the message names no other places
    // (the Android.mk definition and the whitelist XML rank below it).
    expect(client.message).not.toContain('Declared in');
    // Endpoint findings in the same APK point at the same line (their module).
    for (const f of located.findings.filter((x) => x.path === 'system/priv-app/AutoRegistration/AutoRegistration.apk')) {
      expect(f.location).toEqual({ file: PRODUCT_MK, line: 18, column: 5 });
    }
    // The original report is unchanged: the policy line the evaluation gave.
    expect(report.findings.find((f) => f.rule === 'wrong-market-client')!.location).toEqual({ file: 'sample/activation-gate.yml', line: 4, column: 3 });
  });

  it('keeps the policy location inside the workspace, else the fallback, and only annotates files inside', () => {
    const report = createTestReport({
      findings: [
        createTestFinding({ path: 'system/app/Unknown/Unknown.apk', partitionPath: 'system/app/Unknown/Unknown.apk', package: 'com.unknown', location: { file: 'policy.yml', line: 7 } }),
        createTestFinding({ path: 'system/app/Unknown/Unknown.apk', partitionPath: undefined, package: 'com.unknown', location: { file: '../outside/policy.yml', line: 7 } }),
        createTestFinding({ path: undefined, partitionPath: undefined, package: undefined, client: undefined, location: undefined, rule: 'unresolved-market' }),
        createTestFinding({ path: 'system/app/Far/Far.apk', partitionPath: undefined, package: 'com.far', location: { file: 'policy.yml', line: 3 } }),
      ],
    });
    const index = {
      declarations: [
        { kind: 'product-packages' as const, name: 'Far', line: 9, column: 5, detail: 'PRODUCT_PACKAGES', file: '/abs/device/far.mk', inWorkspace: false, rank: 0 as const },
      ],
    };
    const out = locateFindings(report, index, { file: '.github/workflows/build.yml', line: 1 });
    expect(out.findings.map((f) => f.location)).toEqual([
      { file: 'policy.yml', line: 7 },
      { file: '.github/workflows/build.yml', line: 1 },
      { file: '.github/workflows/build.yml', line: 1 },
      { file: 'policy.yml', line: 3 },
    ]);
    expect(out.findings[3].message).toMatch(/ Declared in the source tree at \/abs\/device\/far\.mk:9 \(PRODUCT_PACKAGES, outside the workspace\)\.$/);
    expect(locateFindings(report, undefined).findings.map((f) => f.location)).toEqual(report.findings.map((f) => f.location));
  });
});
