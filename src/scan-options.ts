import type { ProgressFactory } from './extract/input.js';
import type { ShardSpec } from './extract/shard-split.js';
import type { Severity } from './report/model.js';

/** Everything one scan needs; the CLI and the Action both build this and call scan(). */
export interface ScanOptions {
  /** Input paths: product-out folders, any folder, APK/JAR files. */
  inputs: string[];
  /** Policy file path; undefined = built-in market policies only. */
  policyFile?: string;
  market?: string;
  sku?: string;
  failOn: Severity | 'never';
  /** "Today" for date-dependent rules; defaults to SOURCE_DATE_EPOCH or the clock. */
  now?: Date;
  /** Globs (relative to an input) that override the default skip list (obj/, symbols/, images). */
  include?: string[];
  /** Paths in the report are relative to this folder (default process.cwd()). */
  cwd?: string;
  /** A previous JSON report: endpoints and clients absent from it are new-endpoint / new-client. */
  baseline?: string;
  /** Source tree indexed for finding locations (not used yet: see issue 4). */
  sourceRoot?: string;
  /** Progress reporting for long scans (default: plain lines through the logger every 10 s). */
  progress?: ProgressFactory;
  /** Extraction worker threads (default: ACTIVATION_GATE_WORKERS, else one per core). */
  workers?: number;
  /** `--shard I/N`: extract this shard's files only; the report carries its facts for `merge`. */
  shard?: ShardSpec;
  /** `--cache-dir`: cache extracted facts per file, keyed by the SHA-256 of its bytes. */
  cacheDir?: string;
  /** `--cache-rehash`: hash every file, whatever digests the cache folder remembers (extract/digests.ts). */
  cacheRehash?: boolean;
  /** `--cache-prune`: remove the cache folder's entries this scan did not use (not with a shard). */
  cachePrune?: boolean;
}
