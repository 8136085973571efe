/** Assembles the one Report from per-target evaluations. Pure. */
import { appendAll } from '../arrays.js';
import type { Catalog } from '../catalog/schema.js';
import type { TargetEvaluation } from '../evaluate/evaluate.js';
import type { InputFacts, PackageFacts } from '../facts.js';
import { exemptionStatus } from '../policy/exemptions.js';
import type { PolicyFile } from '../policy/load.js';
import { propertyOf, type TargetResolution } from '../policy/sku.js';
import { TOOL_VERSION } from '../version.js';
import { compareFindings, compareStrings } from './sort.js';
import { SEVERITY_RANK, type Finding, type Report, type ReportPackage, type ReportTarget, type Severity } from './model.js';

export interface TargetResult {
  id: string;
  facts: InputFacts;
  resolution: TargetResolution;
  evaluation: TargetEvaluation;
}

export interface BuildReportInput {
  results: TargetResult[];
  catalog: Catalog;
  file?: PolicyFile;
  failOn: Severity | 'never';
  now: Date;
  pslVersion: string;
}

function toReportPackage(p: PackageFacts): ReportPackage {
  const r: ReportPackage = { path: p.path, partition: p.partition, partitionPath: p.partitionPath, package: p.package };
  if (p.versionCode !== undefined) r.versionCode = p.versionCode;
  if (p.versionName !== undefined) r.versionName = p.versionName;
  if (p.signerSha256.length) r.signerSha256 = p.signerSha256[0];
  if (p.permissions.length) r.permissions = p.permissions;
  if (p.sharedUserId) r.sharedUserId = p.sharedUserId;
  if (p.bootCompleted) r.bootCompleted = true;
  if (p.overlay) r.overlay = p.overlay;
  if (p.warnings?.length) r.warnings = p.warnings;
  return r;
}

export function countFindings(findings: Finding[]): Report['counts'] {
  const c = { errors: 0, warnings: 0, notes: 0, suppressed: 0 };
  for (const f of findings) {
    if (f.suppressed) c.suppressed++;
    else if (f.severity === 'error') c.errors++;
    else if (f.severity === 'warning') c.warnings++;
    else c.notes++;
  }
  return c;
}

/** fail when any unsuppressed finding is at or above `failOn`. */
export function verdictOf(findings: Finding[], failOn: Severity | 'never'): 'pass' | 'fail' {
  if (failOn === 'never') {
    // The verdict still says what the gate found; only the exit status ignores it.
    return findings.some((f) => !f.suppressed && f.severity === 'error') ? 'fail' : 'pass';
  }
  return findings.some((f) => !f.suppressed && SEVERITY_RANK[f.severity] <= SEVERITY_RANK[failOn]) ? 'fail' : 'pass';
}

export function buildReport(input: BuildReportInput): Report {
  const targets: ReportTarget[] = [];
  const findings: Finding[] = [];
  const used = new Set<number>();
  for (const r of [...input.results].sort((a, b) => compareStrings(a.id, b.id))) {
    const fp =
      propertyValue(r.facts, 'ro.build.fingerprint') ?? propertyValue(r.facts, 'ro.system.build.fingerprint') ?? propertyValue(r.facts, 'ro.vendor.build.fingerprint');
    const t: ReportTarget = {
      id: r.id,
      input: r.facts.input,
      build: {},
      packages: r.facts.packages.map(toReportPackage),
      endpoints: r.evaluation.endpoints,
      clients: r.evaluation.clients,
      unreadable: r.facts.unreadable,
      skipped: r.facts.skipped,
      counts: countFindings(r.evaluation.findings),
    };
    if (r.resolution.sku) t.sku = r.resolution.sku;
    if (r.resolution.market) t.market = r.resolution.market;
    if (fp) t.build.fingerprint = fp;
    if (r.resolution.resolvedBy) t.build.resolvedBy = r.resolution.resolvedBy;
    if (r.resolution.skuProperty) t.build.skuProperty = r.resolution.skuProperty;
    if (!r.resolution.market) t.build.tried = r.resolution.tried;
    targets.push(t);
    appendAll(findings, r.evaluation.findings);
    for (const i of r.evaluation.usedExemptions) used.add(i);
  }
  // In the canonical order (sort.ts), so that every renderer finds them sorted: the JSON and
  // SARIF writers check the order in one pass instead of sorting again.
  findings.sort(compareFindings);
  const exemptions = (input.file?.policy.exemptions ?? []).map((e, index) => ({ index, used: used.has(index), expires: e.expires, ...exemptionStatus(e.expires, input.now) }));
  const report: Report = {
    schemaVersion: 1,
    tool: { name: 'activation-gate', version: TOOL_VERSION, catalogVersion: input.catalog.version, pslVersion: input.pslVersion },
    verdict: verdictOf(findings, input.failOn),
    failOn: input.failOn,
    counts: countFindings(findings),
    targets,
    findings,
    audit: {
      inputs: input.results
        .map((r) => ({ path: r.facts.input, ...(r.facts.sha256 ? { sha256: r.facts.sha256 } : {}) }))
        .filter((x, i, all) => all.findIndex((y) => y.path === x.path) === i) // one per input, not per SKU target
        .sort((a, b) => compareStrings(a.path, b.path)),
      ...(input.file ? { policy: input.file.file, policySha256: input.file.sha256 } : {}),
      // The date is an input of the report only through exemptions: without them, none is
      // written, so the same build gives the same bytes on any day (SPEC section 7).
      ...(exemptions.length ? { now: input.now.toISOString().slice(0, 10) } : {}),
      exemptions,
    },
  };
  return report;
}

function propertyValue(facts: InputFacts, key: string): string | undefined {
  return propertyOf(facts.props, key)?.value;
}
