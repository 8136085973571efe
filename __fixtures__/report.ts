/**
 * Builders for Report values with realistic defaults (the Nokia 7 Plus case of SPEC section 1):
 * an EU SKU of a Qualcomm build that ships China Telecom's self-registration client.
 * Every builder takes overrides; createTestReport recomputes counts and verdict unless told not to.
 */
import type { Evidence } from '../src/facts.js';
import type {
  Finding,
  Report,
  ReportClient,
  ReportEndpoint,
  ReportPackage,
  ReportTarget,
  Severity,
} from '../src/report/model.js';

export const TARGET_ID = '600E0@out/target/product/ctl';
export const AUTOREG_APK = 'system/priv-app/AutoRegistration/AutoRegistration.apk';

export function createTestEvidence(overrides: Partial<Evidence> = {}): Evidence {
  return { path: AUTOREG_APK, entry: 'classes.dex', source: 'dex', offset: 1234, ...overrides };
}

export function createTestFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    rule: 'wrong-market-client',
    severity: 'error',
    message:
      'China-market activation client ct-self-registration-qualcomm (com.qualcomm.qti.autoregistration) ships in EU SKU 600E0: remove it from PRODUCT_PACKAGES for this SKU.',
    target: TARGET_ID,
    package: 'com.qualcomm.qti.autoregistration',
    client: 'ct-self-registration-qualcomm',
    path: AUTOREG_APK,
    partitionPath: AUTOREG_APK,
    location: { file: 'device/acme/ctl/product.mk', line: 42 },
    ...overrides,
  };
}

export function createTestPackage(overrides: Partial<ReportPackage> = {}): ReportPackage {
  return {
    path: AUTOREG_APK,
    partition: 'system',
    partitionPath: AUTOREG_APK,
    package: 'com.qualcomm.qti.autoregistration',
    versionCode: 1,
    versionName: '1.0',
    signerSha256: 'c8a2e9bccf597c2fb6dc66bee293fc13f2fc47ec77bc6b2b0d52c11f51192ab8',
    ...overrides,
  };
}

export function createTestEndpoint(overrides: Partial<ReportEndpoint> = {}): ReportEndpoint {
  const evidence = overrides.evidence ?? [createTestEvidence()];
  return {
    kind: 'host',
    value: 'zzhc.vnet.cn',
    scheme: 'http',
    cleartext: true,
    status: 'denied',
    packages: ['com.qualcomm.qti.autoregistration'],
    evidence,
    evidenceCount: evidence.length,
    ...overrides,
  };
}

export function createTestClient(overrides: Partial<ReportClient> = {}): ReportClient {
  return {
    id: 'ct-self-registration-qualcomm',
    name: 'China Telecom self-registration (Qualcomm)',
    market: 'CN',
    package: 'com.qualcomm.qti.autoregistration',
    path: AUTOREG_APK,
    matchedBy: ['package', 'host'],
    allowed: false,
    ...overrides,
  };
}

export function createTestTarget(overrides: Partial<ReportTarget> = {}): ReportTarget {
  return {
    id: TARGET_ID,
    input: 'out/target/product/ctl',
    sku: '600E0',
    market: 'EU',
    build: {
      fingerprint: 'Nokia/Onyx_00EEA/B2N_sprout:10/QKQ1.190828.002/00WW_4_15C:user/release-keys',
      resolvedBy: { key: 'ro.cda.skuid.id', value: '600E0', file: 'vendor/build.prop', line: 12, from: 'property' },
    },
    packages: [createTestPackage()],
    endpoints: [createTestEndpoint()],
    clients: [createTestClient()],
    unreadable: [],
    skipped: [],
    counts: { errors: 0, warnings: 0, notes: 0, suppressed: 0 },
    ...overrides,
  };
}

type Counts = Report['counts'];

export function countFindings(findings: readonly Finding[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, notes: 0, suppressed: 0 };
  for (const f of findings) {
    if (f.suppressed) counts.suppressed++;
    else if (f.severity === 'error') counts.errors++;
    else if (f.severity === 'warning') counts.warnings++;
    else counts.notes++;
  }
  return counts;
}

const FAIL_AT: Record<Report['failOn'], Severity[]> = {
  error: ['error'],
  warning: ['error', 'warning'],
  note: ['error', 'warning', 'note'],
  never: [],
};

/**
 * A whole report. Unless `derive: false`, report and target counts and the verdict are
 * recomputed from the findings, as the evaluator would.
 */
export function createTestReport(overrides: Partial<Report> = {}, opts: { derive?: boolean } = {}): Report {
  const findings = overrides.findings ?? [
    createTestFinding(),
    createTestFinding({
      rule: 'denied-endpoint',
      client: undefined,
      endpoint: 'zzhc.vnet.cn',
      endpointKind: 'host',
      evidence: [createTestEvidence()],
      message: 'Host zzhc.vnet.cn (China Telecom self-registration) is denied in market EU and is embedded in com.qualcomm.qti.autoregistration.',
    }),
  ];
  const report: Report = {
    schemaVersion: 1,
    tool: { name: 'activation-gate', version: '0.1.0', catalogVersion: '2026.11.1', pslVersion: '2026-11-01' },
    verdict: 'fail',
    failOn: 'error',
    counts: { errors: 0, warnings: 0, notes: 0, suppressed: 0 },
    targets: [createTestTarget()],
    audit: {
      inputs: [{ path: 'out/target/product/ctl', sha256: '9f2c'.padEnd(64, '0') }],
      policy: '.github/activation-gate.yml',
      policySha256: '51a7'.padEnd(64, '0'),
      now: '2026-11-29',
      exemptions: [],
    },
    ...overrides,
    findings,
  };
  if (opts.derive === false) return report;
  report.counts = countFindings(findings);
  report.targets = report.targets.map((t) => ({ ...t, counts: countFindings(findings.filter((f) => f.target === t.id)) }));
  const failing = FAIL_AT[report.failOn];
  report.verdict = findings.some((f) => !f.suppressed && failing.includes(f.severity)) ? 'fail' : 'pass';
  return report;
}

/** A passing report: one allowed client, one allowed endpoint, no findings. */
export function createPassingReport(overrides: Partial<Report> = {}): Report {
  return createTestReport({
    targets: [
      createTestTarget({
        packages: [createTestPackage({ path: 'system/priv-app/GmsCore/GmsCore.apk', package: 'com.google.android.gms' })],
        endpoints: [
          createTestEndpoint({
            value: 'android.clients.google.com',
            scheme: 'https',
            cleartext: false,
            status: 'allowed',
            packages: ['com.google.android.gms'],
            evidence: [createTestEvidence({ path: 'system/priv-app/GmsCore/GmsCore.apk', offset: 88 })],
          }),
        ],
        clients: [
          createTestClient({
            id: 'google-checkin',
            name: 'Google check-in',
            market: 'WW',
            package: 'com.google.android.gms',
            path: 'system/priv-app/GmsCore/GmsCore.apk',
            matchedBy: ['package'],
            allowed: true,
          }),
        ],
      }),
    ],
    findings: [],
    ...overrides,
  });
}

/** Deterministic pseudo-random generator (mulberry32) for shuffles and bulk data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * A large report: `n` findings over several targets and severities, with endpoints and
 * evidence, for size-cap tests. Deterministic for a given n.
 */
export function createLargeReport(n: number, targets = 3): Report {
  const random = seededRandom(n);
  const ids = Array.from({ length: targets }, (_, i) => `60${i}E0@out/target/product/ctl`);
  const findings: Finding[] = [];
  const endpointsByTarget: ReportEndpoint[][] = ids.map(() => []);
  for (let i = 0; i < n; i++) {
    const t = i % targets;
    const r = random();
    const severity: Severity = r < 0.2 ? 'error' : r < 0.8 ? 'warning' : 'note';
    const host = `h${i}.telemetry-${i % 97}.example.cn`;
    const path = `vendor/app/Vendor${i % 211}/Vendor${i % 211}.apk`;
    findings.push(
      createTestFinding({
        rule: severity === 'error' ? 'denied-endpoint' : severity === 'warning' ? 'unlisted-endpoint' : 'dormant-variant',
        severity,
        target: ids[t],
        client: undefined,
        package: `com.vendor.app${i % 211}`,
        endpoint: host,
        endpointKind: 'host',
        path,
        partitionPath: path,
        evidence: [createTestEvidence({ path, offset: i * 17 }), createTestEvidence({ path, entry: 'resources.arsc', source: 'arsc', offset: i })],
        message: `Host ${host} is ${severity === 'error' ? 'denied' : 'not listed'} in market EU and is embedded in com.vendor.app${i % 211}; add it to the allow list or remove it.`,
        location: { file: `device/acme/ctl/modules/Vendor${i % 211}/Android.bp`, line: 1 + (i % 40) },
      }),
    );
    endpointsByTarget[t].push(
      createTestEndpoint({
        value: host,
        status: severity === 'error' ? 'denied' : 'unlisted',
        packages: [`com.vendor.app${i % 211}`],
        evidence: [createTestEvidence({ path, offset: i * 17 })],
      }),
    );
  }
  return createTestReport({
    targets: ids.map((id, t) => createTestTarget({ id, sku: `60${t}E0`, endpoints: endpointsByTarget[t] })),
    findings,
  });
}
