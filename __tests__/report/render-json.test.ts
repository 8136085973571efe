import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inPieces, renderJson, writeJson, writeJsonFile } from '../../src/report/render-json.js';
import { isCanonicalEndpoint, isCanonicalFinding, sortReport } from '../../src/report/sort.js';
import { tempDir } from '../helpers/temp.js';
import type { Finding, Report, ReportEndpoint } from '../../src/report/model.js';
import {
  createLargeReport,
  createTestClient,
  createTestEndpoint,
  createTestEvidence,
  createTestFinding,
  createTestPackage,
  createTestReport,
  createTestTarget,
  seededRandom,
  shuffle,
} from '../../__fixtures__/report.js';

/** Shuffles every array in the report and rebuilds objects with reversed key order. */
function scramble(report: Report, seed: number): Report {
  const random = seededRandom(seed);
  const walk = (v: unknown, key?: string): unknown => {
    if (Array.isArray(v)) {
      const items = v.map((x) => walk(x));
      // `tried` is an ordered list (property load order); everything else is a set.
      return key === 'tried' ? items : shuffle(items, random);
    }
    if (v && typeof v === 'object') {
      const entries = Object.entries(v).reverse();
      return Object.fromEntries(entries.map(([k, x]) => [k, walk(x, k)]));
    }
    return v;
  };
  return walk(report) as Report;
}

function multiTargetReport(): Report {
  const other = '600CN@out/target/product/ctl';
  return createTestReport({
    targets: [
      createTestTarget({
        id: other,
        sku: '600CN',
        market: 'CN',
        endpoints: [
          createTestEndpoint({ status: 'allowed', evidence: [createTestEvidence({ offset: 99 }), createTestEvidence({ entry: 'classes2.dex', offset: 5 })] }),
          createTestEndpoint({ kind: 'sms', value: '10659401', scheme: undefined, cleartext: undefined, status: 'allowed' }),
        ],
        clients: [createTestClient({ allowed: true }), createTestClient({ id: 'google-checkin', market: 'WW', package: 'com.google.android.gms', allowed: true })],
      }),
      createTestTarget({
        packages: [createTestPackage(), createTestPackage({ path: 'system/app/Notes/Notes.apk', package: 'com.acme.notes', permissions: ['b', 'a'] })],
        endpoints: [
          createTestEndpoint(),
          createTestEndpoint({ value: 'cdn.acme.eu', status: 'unlisted', cleartext: false, scheme: 'https' }),
          createTestEndpoint({ kind: 'ip', value: '203.0.113.7', scheme: undefined, status: 'unlisted' }),
        ],
        unreadable: [
          { path: 'vendor/app/Broken/Broken.apk', format: 'zip', reason: 'truncated central directory', offset: 4096 },
          { path: 'system/app/Bad/Bad.apk', format: 'zip', reason: 'bad local header' },
        ],
        skipped: [
          { path: 'symbols', reason: 'debug symbols' },
          { path: 'obj', reason: 'intermediates' },
        ],
      }),
    ],
    findings: [
      createTestFinding(),
      createTestFinding({ rule: 'unlisted-endpoint', severity: 'warning', client: undefined, endpoint: 'cdn.acme.eu', message: 'cdn.acme.eu is not listed.' }),
      createTestFinding({ rule: 'unlisted-endpoint', severity: 'warning', client: undefined, endpoint: '203.0.113.7', message: '203.0.113.7 is not listed.' }),
      createTestFinding({ rule: 'dormant-variant', severity: 'note', target: other, message: 'Dormant variant.' }),
      createTestFinding({
        rule: 'unreadable-artifact',
        client: undefined,
        package: undefined,
        path: 'vendor/app/Broken/Broken.apk',
        message: 'vendor/app/Broken/Broken.apk cannot be read.',
      }),
      createTestFinding({
        rule: 'cleartext-endpoint',
        severity: 'warning',
        suppressed: { reason: 'reviewed', owner: '@acme/compliance', expires: '2027-03-01' },
      }),
    ],
  });
}

describe('renderJson', () => {
  it('is 2-space indented JSON with a trailing newline and the SPEC key order', () => {
    const json = renderJson(createTestReport());
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.startsWith('{\n  "schemaVersion": 1,\n  "tool": {\n    "name": "activation-gate",')).toBe(true);
    const parsed = JSON.parse(json) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['schemaVersion', 'tool', 'verdict', 'failOn', 'counts', 'targets', 'findings', 'audit']);
    const target = (parsed.targets as Record<string, unknown>[])[0];
    expect(Object.keys(target)).toEqual(['id', 'input', 'sku', 'market', 'build', 'packages', 'endpoints', 'clients', 'unreadable', 'skipped', 'counts']);
    const finding = (parsed.findings as Record<string, unknown>[])[0];
    expect(Object.keys(finding)).toEqual(['rule', 'severity', 'target', 'package', 'client', 'path', 'partitionPath', 'message', 'location']);
    const evidence = ((target.endpoints as Record<string, unknown>[])[0].evidence as Record<string, unknown>[])[0];
    expect(Object.keys(evidence)).toEqual(['path', 'entry', 'source', 'offset']);
  });

  it('gives byte-identical output whatever the order of arrays and keys', () => {
    const report = multiTargetReport();
    const reference = renderJson(report);
    for (let seed = 1; seed <= 20; seed++) expect(renderJson(scramble(report, seed))).toBe(reference);
  });

  it('is byte-identical for a large shuffled report', () => {
    const report = createLargeReport(500);
    expect(renderJson(scramble(report, 7))).toBe(renderJson(report));
  });

  it('sorts targets by id, findings by severity then target, rule, package, endpoint, path', () => {
    const parsed = JSON.parse(renderJson(multiTargetReport())) as Report;
    expect(parsed.targets.map((t) => t.id)).toEqual(['600CN@out/target/product/ctl', '600E0@out/target/product/ctl']);
    expect(parsed.findings.map((f) => `${f.severity} ${f.rule} ${f.endpoint ?? ''}${f.suppressed ? ' suppressed' : ''}`)).toEqual([
      'error wrong-market-client ',
      'error unreadable-artifact ',
      'warning unlisted-endpoint 203.0.113.7',
      'warning unlisted-endpoint cdn.acme.eu',
      'warning cleartext-endpoint  suppressed',
      'note dormant-variant ',
    ]);
    const eu = parsed.targets[1];
    expect(eu.endpoints.map((e) => `${e.kind}:${e.value}`)).toEqual(['host:cdn.acme.eu', 'host:zzhc.vnet.cn', 'ip:203.0.113.7']);
    expect(eu.unreadable.map((u) => u.path)).toEqual(['system/app/Bad/Bad.apk', 'vendor/app/Broken/Broken.apk']);
    expect(eu.skipped.map((s) => s.path)).toEqual(['obj', 'symbols']);
    expect(eu.packages[0].permissions).toEqual(['a', 'b']);
    const cn = parsed.targets[0];
    expect(cn.endpoints[0].evidence.map((e) => `${e.entry}@${e.offset}`)).toEqual(['classes.dex@99', 'classes2.dex@5']);
    expect(cn.endpoints.map((e) => e.kind)).toEqual(['host', 'sms']);
  });

  it('keeps fields added later, after the known ones, in a fixed order', () => {
    const report = createTestReport();
    (report.targets[0] as unknown as Record<string, unknown>).zeta = 1;
    (report.targets[0] as unknown as Record<string, unknown>).alpha = 2;
    const keys = Object.keys((JSON.parse(renderJson(report)) as Report).targets[0]);
    expect(keys.slice(-3)).toEqual(['counts', 'alpha', 'zeta']);
  });

  it('does not change the report it renders', () => {
    const report = multiTargetReport();
    const before = JSON.stringify(report);
    renderJson(report);
    expect(JSON.stringify(report)).toBe(before);
  });

  it('writes no clock time: the same report renders the same later', () => {
    const report = createTestReport();
    const a = renderJson(report);
    expect(renderJson(report)).toBe(a);
    expect(a).not.toMatch(/\d{2}:\d{2}:\d{2}/);
  });

  describe('streamed in pieces', () => {
    const whole = (r: Report): string => `${JSON.stringify(sortReport(r), null, 2)}\n`;

    it('gives exactly JSON.stringify of the canonical report: scrambled, empty, extended, multi-target and large reports', () => {
      const extended = createTestReport();
      const t = extended.targets[0] as unknown as Record<string, unknown>;
      t.zeta = { b: [1, 2], a: 'x' };
      t.alpha = [];
      t.undef = undefined;
      (extended as unknown as Record<string, unknown>).newTopLevel = { nested: { deep: ['a\nb', 'c'] } };
      const empty = createTestReport({ targets: [], findings: [] });
      const emptyTarget = createTestReport({ targets: [createTestTarget({ packages: [], endpoints: [], clients: [], unreadable: [], skipped: [] })] });
      // Long lists are serialised 256 elements at a time: lengths around that, with one target
      // (its endpoints in one list) and three.
      const batches = [255, 256, 257, 512, 513].flatMap((n) => [createLargeReport(n, 1), createLargeReport(n)]);
      for (const r of [createTestReport(), scramble(multiTargetReport(), 7), empty, emptyTarget, extended, createLargeReport(300), ...batches]) {
        expect(renderJson(r)).toBe(whole(r));
      }
    });

    describe('elements already in canonical form are written as they are, any other is copied into it', () => {
      // Canonical elements: what JSON.parse makes of the canonical text (plain objects, keys in order).
      const canon = (): Report => JSON.parse(renderJson(multiTargetReport())) as Report;
      const finding = (): Finding => {
        const f = createTestFinding({
          location: { file: 'device/acme/ctl/product.mk', line: 42, column: 7 },
          evidence: [createTestEvidence({ offset: 99 }), createTestEvidence({ entry: 'classes2.dex', offset: 5 })],
          suppressed: { reason: 'r', owner: 'o', expires: '2027-01-01', location: { file: 'p.yml', line: 3, column: 5 } },
        });
        return (JSON.parse(whole(createTestReport({ findings: [f] }))) as Report).findings[0];
      };
      const endpoint = (): ReportEndpoint => canon().targets[0].endpoints.find((e) => e.evidence.length > 1 && e.packages?.length)!;
      const reversed = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).reverse()) as T;
      const findingCases: [string, (f: Finding) => Finding][] = [
        ['keys out of order', (f) => { const { message, ...rest } = f; return { message, ...rest }; }],
        ['a key no finding has', (f) => ({ ...f, zeta: 1 }) as Finding],
        ['an undefined value', (f) => ({ ...f, package: undefined })],
        ['evidence out of order', (f) => ({ ...f, evidence: [...f.evidence!].reverse() })],
        ['an evidence element with its keys out of order', (f) => ({ ...f, evidence: f.evidence!.map(reversed) })],
        ['an evidence element with an undefined entry', (f) => ({ ...f, evidence: [{ ...f.evidence![0], entry: undefined }, ...f.evidence!.slice(1)] })],
        ['a location with its keys out of order', (f) => ({ ...f, location: reversed(f.location!) })],
        ['a suppression with its keys out of order', (f) => ({ ...f, suppressed: reversed(f.suppressed!) })],
        ['a suppression whose location has its keys out of order', (f) => ({ ...f, suppressed: { ...f.suppressed!, location: reversed(f.suppressed!.location!) } })],
        ['not a plain object', (f) => Object.assign(Object.create({ inherited: true }) as Finding, f)],
      ];
      const endpointCases: [string, (e: ReportEndpoint) => ReportEndpoint][] = [
        ['keys out of order', (e) => reversed(e)],
        ['packages out of order', (e) => ({ ...e, packages: [...e.packages!, 'a.first'] })],
        ['a package twice', (e) => ({ ...e, packages: [...e.packages!, ...e.packages!] })],
        ['evidence out of order', (e) => ({ ...e, evidence: [...e.evidence].reverse() })],
        ['an evidence element with its keys out of order', (e) => ({ ...e, evidence: e.evidence.map(reversed) })],
      ];

      it('the checks accept the canonical forms', () => {
        expect(isCanonicalFinding(finding())).toBe(true);
        expect(isCanonicalEndpoint(endpoint())).toBe(true);
        for (const f of canon().findings) expect(isCanonicalFinding(f)).toBe(true);
        for (const e of canon().targets.flatMap((t) => t.endpoints)) expect(isCanonicalEndpoint(e)).toBe(true);
      });

      for (const [what, change] of findingCases) {
        it(`a finding with ${what}`, () => {
          const f = change(finding());
          expect(isCanonicalFinding(f)).toBe(false);
          const r = { ...canon(), findings: [f] };
          expect(renderJson(r)).toBe(whole(r));
        });
      }
      for (const [what, change] of endpointCases) {
        it(`an endpoint with ${what}`, () => {
          const e = change(endpoint());
          expect(isCanonicalEndpoint(e)).toBe(false);
          const r = canon();
          r.targets[0].endpoints = [e];
          expect(renderJson(r)).toBe(whole(r));
        });
      }
      it('a package with permissions out of order, or an overlay with its keys out of order', () => {
        const r = canon();
        const p = r.targets[0].packages[0];
        r.targets[0].packages = [
          { ...p, permissions: ['b.PERM', 'a.PERM'] },
          { ...p, path: `${p.path}2`, overlay: reversed({ targetPackage: 'x', targetName: 'y', priority: 1 }) },
        ];
        expect(renderJson(r)).toBe(whole(r));
        expect(renderJson(r)).toContain('"a.PERM",\n');
      });
    });

    it('writes the same bytes to a file, in pieces of about 1 MiB', () => {
      const dir = tempDir('ag-json-');
      const r = createLargeReport(3000);
      const file = path.join(dir, 'report.json');
      writeJsonFile(file, r);
      const text = readFileSync(file, 'utf8');
      expect(text.length).toBeGreaterThan(2 << 20); // several pieces
      expect(text).toBe(whole(r));
      writeJsonFile(file, createTestReport()); // truncates what was there
      expect(readFileSync(file, 'utf8')).toBe(whole(createTestReport()));
    });

    it('hands the same bytes to any sink in pieces of about 1 MiB, never as one string (stdout)', () => {
      const r = createLargeReport(3000);
      const pieces: string[] = [];
      inPieces((emit) => writeJson(r, emit), (s) => pieces.push(s));
      expect(pieces.length).toBeGreaterThan(2);
      for (const p of pieces.slice(0, -1)) expect(p.length).toBeGreaterThanOrEqual(1 << 20);
      expect(pieces.join('')).toBe(whole(r));
    });
  });
});

describe('evidence lists shared by an endpoint and its findings', () => {
  /** A report whose endpoint and finding hold the very same evidence array, as evaluation builds them. */
  function sharedEvidenceReport(evidence: ReturnType<typeof createTestEvidence>[]): Report {
    const endpoint = createTestEndpoint({ evidence });
    const finding = createTestFinding({ evidence });
    return createTestReport({ targets: [createTestTarget({ endpoints: [endpoint] })], findings: [finding] });
  }

  it('are written sorted in both places, also when the shared list is out of order', () => {
    const evidence = [createTestEvidence({ offset: 900 }), createTestEvidence({ offset: 5 })];
    const report = sharedEvidenceReport(evidence);
    expect(renderJson(report)).toBe(`${JSON.stringify(sortReport(report), null, 2)}\n`);
  });

  it('are checked afresh by every write: a list put out of order after one write is sorted in the next', () => {
    const evidence = [createTestEvidence({ offset: 5 }), createTestEvidence({ offset: 900 })];
    const report = sharedEvidenceReport(evidence);
    const first = renderJson(report);
    expect(first).toBe(`${JSON.stringify(sortReport(report), null, 2)}\n`);
    evidence.reverse(); // the same array, now out of order
    const second = renderJson(report);
    expect(second).toBe(`${JSON.stringify(sortReport(report), null, 2)}\n`);
    expect(second).toBe(first); // sorted again: same text
  });
});
