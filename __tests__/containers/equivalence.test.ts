/**
 * The key equivalence: the sample EU build (sample/out/600E0) scanned as a product-out folder and
 * as every container it can ship in gives the same packages (by partitionPath), the same
 * endpoints with the same evidence, the same clients, the same findings and the same verdict.
 * Paths differ only by their container prefix (`system.img!/`, `super.img!/system_a!/`,
 * `ota.zip!/payload.bin!/system!/`, `target-files.zip!/SYSTEM/`).
 */
import { describe, expect, it } from '@jest/globals';
import type { Report } from '../../src/report/model.js';
import { scanInputs } from './helpers.js';

const VARIANTS: [string, string][] = [
  ['target-files zip (APKs deflated)', '__tests__/fixtures/images/sample/target-files.zip'],
  ['target-files zip (APKs stored)', '__tests__/fixtures/images/sample/target-files-stored.zip'],
  ['ext4 images', '__tests__/fixtures/images/sample/ext4'],
  ['sparse ext4 images', '__tests__/fixtures/images/sample/sparse'],
  ['EROFS images', '__tests__/fixtures/images/sample/erofs'],
  ['EROFS LZ4HC images', '__tests__/fixtures/images/sample/erofs-lz4hc'],
  ['super.img (EROFS LZ4HC, ext4, EROFS in two extents)', '__tests__/fixtures/images/sample/super.img'],
  ['full OTA zip (payload.bin)', '__tests__/fixtures/images/sample/ota.zip'],
];

/** Container prefixes -> the folder's partition paths, wherever they occur in a string. */
export function normalise(s: string): string {
  return s
    .replace(/[\w-]+\.zip!\/payload\.bin!\/(system|vendor|product)!\//g, '$1/')
    .replace(/super\.img!\/(system|vendor|product)_a!\//g, '$1/')
    .replace(/[\w-]+\.zip!\/(SYSTEM|VENDOR|PRODUCT)\//g, (_m, p: string) => `${p.toLowerCase()}/`)
    .replace(/\b(system|vendor|product)\.img!\//g, '$1/');
}

function deep<T>(v: T): T {
  if (typeof v === 'string') return normalise(v) as T;
  if (Array.isArray(v)) return v.map(deep) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deep(x)])) as T;
  return v;
}

/** Facts from extraction: packages, endpoints with their evidence, unreadable parts, the SKU. */
function extracted(r: Report): unknown {
  const t = r.targets[0];
  return deep({
    sku: t.sku,
    market: t.market,
    build: t.build,
    packages: t.packages,
    // `packages` on an endpoint is evaluation's attribution (see the report-level test below).
    endpoints: t.endpoints.map((e) => {
      const { packages: _p, ...rest } = e as unknown as Record<string, unknown>;
      return rest;
    }),
    unreadable: t.unreadable,
  });
}

/** The whole report: verdict, counts, clients, findings (messages and evidence included). */
function evaluated(r: Report): unknown {
  const t = r.targets[0];
  return deep({
    verdict: r.verdict,
    counts: r.counts,
    endpoints: t.endpoints,
    clients: t.clients,
    findings: r.findings.map((f) => {
      const { target: _t, ...rest } = f as unknown as Record<string, unknown>;
      return rest;
    }),
  });
}

describe('the same build in every container gives the same facts and the same report', () => {
  let folder: Report;
  const reference = async (): Promise<Report> => (folder ??= await scanInputs(['sample/out/600E0']));

  it('the folder scan is the reference (fails: the China Telecom client in an EU build)', async () => {
    const r = await reference();
    expect(r.verdict).toBe('fail');
    expect(r.targets[0].packages.map((p) => p.partitionPath)).toEqual([
      'product/app/Checkin/Checkin.apk',
      'system/app/Notes/Notes.apk',
      'system/priv-app/AutoRegistration/AutoRegistration.apk',
    ]);
    expect(r.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['wrong-market-client', 'denied-endpoint']));
  });

  for (const [what, input] of VARIANTS) {
    it(`${what}: same packages, endpoints and evidence`, async () => {
      const report = await scanInputs([input]);
      expect(report.targets[0].unreadable).toEqual([]);
      expect(extracted(report)).toEqual(extracted(await reference()));
      // The paths really are container paths (the comparison is not vacuous).
      const autoreg = report.targets[0].packages.find((p) => p.package === 'com.qualcomm.qti.autoregistration')!;
      expect(autoreg.path).toContain('!/');
      expect(autoreg.partition).toBe('system');
      expect(report.verdict).toBe('fail');
    });
  }

  for (const [what, input] of VARIANTS) {
    it(`${what}: same clients, findings and verdict`, async () => {
      const report = await scanInputs([input]);
      expect(evaluated(report)).toEqual(evaluated(await reference()));
    });
  }
});
