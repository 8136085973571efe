/**
 * The one report model. Evaluation produces it; every channel (text, JSON, markdown, SARIF,
 * annotations, job summary, PR comment) renders from it and nothing else.
 */
import type { EndpointKind, Evidence, OverlayInfo, SkippedFact, UnreadableFact } from '../facts.js';
import type { Limits } from '../extract/limits.js';
import type { PartialFacts } from '../extract/partial.js';

export const RULE_IDS = [
  'wrong-market-client',
  'denied-endpoint',
  'unlisted-client-endpoint',
  'unlisted-endpoint',
  'variant-toggle',
  'suspected-activation-client',
  'cleartext-endpoint',
  'test-key-signer',
  'unreadable-artifact',
  'unresolved-market',
  'expired-exemption',
  'expiring-exemption',
  'new-endpoint',
  'new-client',
  'client-mention',
  'dormant-variant',
  'duplicate-entry',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const SEVERITIES = ['error', 'warning', 'note'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** Policy-level severity: a rule can also be switched off. */
export type SeveritySetting = Severity | 'off';

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

export type Verdict = 'pass' | 'fail';

export interface Location {
  file: string;
  line: number;
  column?: number;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
  target: string;
  package?: string;
  client?: string;
  endpoint?: string;
  endpointKind?: EndpointKind;
  path?: string;
  partitionPath?: string;
  evidence?: Evidence[];
  location?: Location;
  /** Present when an exemption matched: the finding stays visible but does not count. */
  suppressed?: { reason: string; owner: string; expires: string; location?: Location };
}

export type EndpointStatus = 'allowed' | 'denied' | 'unlisted' | 'ignored' | 'dormant';

export interface ReportEndpoint {
  kind: EndpointKind;
  value: string;
  port?: number;
  scheme?: string;
  cleartext?: boolean;
  status: EndpointStatus;
  /** Catalog clients or packages whose APK embeds this endpoint. */
  packages?: string[];
  evidence: Evidence[];
  evidenceCount: number;
}

export interface ReportPackage {
  path: string;
  partition: string;
  partitionPath: string;
  package: string;
  versionCode?: number;
  versionName?: string;
  signerSha256?: string;
  permissions?: string[];
  sharedUserId?: string;
  bootCompleted?: boolean;
  overlay?: OverlayInfo;
  /** Oddities in the APK a reviewer should know about (packed manifest, duplicate entries...). */
  warnings?: string[];
}

export interface ReportClient {
  id: string;
  name?: string;
  market: string;
  package?: string;
  path?: string;
  matchedBy: string[];
  allowed: boolean;
  suspected?: boolean;
}

export interface ResolvedBy {
  key: string;
  value?: string;
  file?: string;
  line?: number;
  /** The property init derived `key` from (Android 10+: ro.product.name from ro.product.product.name, ...); `file` and `line` are its definition. */
  derivedFrom?: string;
  /** `cli` when --market/--sku decided; `sku-file`, `overlay`, `cda` for a per-SKU target of a multi-SKU build. */
  from?: 'cli' | 'property' | 'sku-file' | 'overlay' | 'cda';
}

export interface ReportTarget {
  id: string;
  input: string;
  sku?: string;
  market?: string;
  /**
   * `skuProperty`: with --market, the first `sku-from` property the build defines (what `init`
   * maps to that market); `tried`: the keys tried when no market was found.
   */
  build: { fingerprint?: string; resolvedBy?: ResolvedBy; skuProperty?: ResolvedBy; tried?: string[] };
  packages: ReportPackage[];
  endpoints: ReportEndpoint[];
  clients: ReportClient[];
  unreadable: UnreadableFact[];
  skipped: SkippedFact[];
  counts: { errors: number; warnings: number; notes: number; suppressed: number };
}

export interface Report {
  schemaVersion: 1;
  tool: { name: 'activation-gate'; version: string; catalogVersion: string; pslVersion: string };
  verdict: Verdict;
  failOn: Severity | 'never';
  counts: { errors: number; warnings: number; notes: number; suppressed: number };
  targets: ReportTarget[];
  findings: Finding[];
  audit: {
    inputs: { path: string; sha256?: string }[];
    policy?: string;
    policySha256?: string;
    /** "Today" (YYYY-MM-DD, UTC), when the policy has exemptions: the only date the report depends on. */
    now?: string;
    /** Each exemption of the policy: used by a finding, past its end, or within 30 days of it (SPEC: used, unused and near expiry). */
    exemptions: { index: number; used: boolean; expires: string; expired: boolean; expiringSoon: boolean }[];
  };
  /**
   * Only in the report of one shard (`scan --shard I/N`): its targets and findings are partial;
   * `merge` joins the facts of every shard into the report an unsharded run gives.
   */
  shard?: ShardSection;
}

/** The facts one shard extracted from one input (the files it owns), ready to be merged. */
export interface ShardInputFacts {
  input: string;
  sha256?: string;
  facts: PartialFacts;
}

export interface ShardSection {
  index: number;
  count: number;
  /** Every input of the scan, as shown in the report. */
  inputs: string[];
  policy?: { path: string; sha256: string };
  /** What `merge` needs to evaluate the merged facts exactly as an unsharded run would. */
  options: {
    market?: string;
    sku?: string;
    /**
     * "Today" (YYYY-MM-DD, UTC): evaluation depends on the day only, and only through the
     * policy's exemptions; absent when it has none (then shards of any day merge).
     */
    now?: string;
    failOn: Severity | 'never';
    include?: string[];
    baseline?: { path: string; sha256: string };
    limits?: Partial<Limits>;
  };
  facts: ShardInputFacts[];
}
