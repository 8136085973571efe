/**
 * The scan API: options -> Report. Used by the CLI and the Action alike. I/O happens in the
 * extraction stage; evaluation and report building are pure.
 */
import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import tldtsPackage from 'tldts/package.json' with { type: 'json' };
import { loadBuiltinCatalog } from './catalog/load.js';
import { allHosts, allIps, allSms, variantTogglesOf, type Catalog } from './catalog/schema.js';
import { UsageError } from './errors.js';
import { loadBaseline, matchBaselineTarget, type Baseline } from './baseline.js';
import { evaluateTarget } from './evaluate/evaluate.js';
import { expandTargets } from './evaluate/targets.js';
import { assembleInputFacts, extractInputParts } from './extract/input.js';
import { effectiveLimits, limitsFromEnv, type Limits } from './extract/limits.js';
import { startWorkerPool, workerCount, type WorkerPool } from './extract/pool.js';
import { capEndpoints } from './extract/partial.js';
import { pruneCache } from './extract/cache.js';
import { knownEndpoint } from './extract/collector.js';
import { isCanonicalIpv4 } from './extract/endpoints.js';
import type { InputFacts } from './facts.js';
import type { Logger } from './logging.js';
import { periodicProgress } from './progress.js';
import { effectiveCatalog, resolveMarketPolicy } from './policy/effective.js';
import { exemptionStatus } from './policy/exemptions.js';
import { loadPolicyFile, type PolicyFile } from './policy/load.js';
import { buildReport, type TargetResult } from './report/build.js';
import type { Report } from './report/model.js';
import type { ScanOptions } from './scan-options.js';
import { shardSection, type ShardInputFacts } from './shard.js';
import { mark } from './timings.js';

export type { ScanOptions } from './scan-options.js';

/** "Today": --now, else SOURCE_DATE_EPOCH, else the clock. */
export function resolveNow(now?: Date, env: NodeJS.ProcessEnv = process.env): Date {
  if (now) return now;
  const epoch = env.SOURCE_DATE_EPOCH;
  if (!epoch) return new Date();
  // Whole seconds since 1970 (reproducible-builds.org); anything else is a mistake that would
  // move "today" (and so every exemption's expiry) silently: the clock, a date in year 55840.
  const date = /^\d{1,12}$/.test(epoch) ? new Date(Number(epoch) * 1000) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.getUTCFullYear() > 9999) {
    throw new UsageError(`SOURCE_DATE_EPOCH=${JSON.stringify(epoch).slice(1, -1).slice(0, 40)} is not a time in whole seconds since 1970 (milliseconds, or a date?): fix it, unset it, or pass --now YYYY-MM-DD`);
  }
  return date;
}

/**
 * Where "today" came from SOURCE_DATE_EPOCH (a reproducible build's recipe often sets it to the
 * last commit's date, which a pull request's author chooses), the log says so, and names each
 * exemption that applies only because that day is earlier than the clock's.
 */
function sayWhichToday(now: Date, exemptions: readonly { expires: string; reason: string }[], logger: Logger, env: NodeJS.ProcessEnv = process.env): void {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (!epoch || !/^\d+$/.test(epoch)) return;
  const day = now.toISOString().slice(0, 10);
  logger.info(`today is ${day} for the exemptions' expiry dates, from SOURCE_DATE_EPOCH=${epoch} (pass --now to set it)`);
  const clock = new Date();
  for (const e of exemptions) {
    if (!exemptionStatus(e.expires, now).expired && exemptionStatus(e.expires, clock).expired) {
      logger.warning(`the exemption "${e.reason}" expired on ${e.expires} by the clock, and applies only because SOURCE_DATE_EPOCH makes today ${day}`);
    }
  }
}

/**
 * Hosts and SMS numbers matched wherever they stand: the catalog's and the policy's exact ones;
 * and the IPv4 addresses they list (found by syntax anywhere, but a bare one in UTF-16 text
 * counts only when listed).
 */
export function knownEndpoints(catalog: Catalog, file?: PolicyFile): { hosts: Set<string>; sms: Set<string>; ips: Set<string> } {
  const hosts = new Set<string>();
  const sms = new Set<string>();
  const ips = new Set<string>();
  for (const e of catalog.entries) {
    for (const h of allHosts(e)) hosts.add(h.toLowerCase());
    for (const s of allSms(e)) sms.add(s);
    for (const ip of allIps(e)) if (isCanonicalIpv4(ip)) ips.add(ip);
  }
  if (file) {
    for (const m of Object.values(file.policy.markets ?? {})) {
      for (const list of [m.endpoints?.allow, m.endpoints?.deny]) {
        for (const p of list ?? []) {
          if (/^[a-z0-9.-]+$/i.test(p) && /[a-z]/i.test(p)) hosts.add(p.toLowerCase());
          else if (isCanonicalIpv4(p)) ips.add(p);
        }
      }
      for (const list of [m.sms?.allow, m.sms?.deny]) for (const p of list ?? []) if (/^\d+$/.test(p)) sms.add(p);
    }
  }
  return { hosts, sms, ips };
}

/**
 * The Public Suffix List's version: that of the tldts package built in (read at build time, so
 * the bundle says the same wherever it runs: it was "tldts (bundled)" where no node_modules
 * could be found, and shards run from a clone and from the Action did not merge).
 */
export function pslVersion(): string {
  return `tldts ${tldtsPackage.version}`;
}

export interface ScanDeps {
  /** Overrides for tests (small caps, say). */
  limits?: Partial<Limits>;
}

/** What evaluation needs besides the facts: loaded once per scan (and again by `merge`). */
export interface PreparedScan {
  cwd: string;
  now: Date;
  file?: PolicyFile;
  catalog: Catalog;
  baseline?: Baseline;
}

/** Loads the policy, the catalog and the baseline; an unknown --market is a usage error. */
export function prepareScan(
  options: Pick<ScanOptions, 'cwd' | 'now' | 'policyFile' | 'market' | 'baseline'>,
  logger: Logger,
): PreparedScan {
  const cwd = options.cwd ?? process.cwd();
  const now = resolveNow(options.now);
  // Policy locations in the report are relative to cwd (the workspace), like every other path.
  const file = options.policyFile
    ? { ...loadPolicyFile(resolve(cwd, options.policyFile)), file: relative(cwd, resolve(cwd, options.policyFile)) }
    : undefined;
  const catalog = effectiveCatalog(loadBuiltinCatalog(), file);
  if (options.market) resolveMarketPolicy(file, options.market, catalog); // unknown market: usage error before scanning
  if (!options.now && file?.policy.exemptions?.length) sayWhichToday(now, file.policy.exemptions, logger);

  let baseline: Baseline | undefined;
  if (options.baseline) {
    baseline = loadBaseline(resolve(cwd, options.baseline), relative(cwd, resolve(cwd, options.baseline)));
    for (const n of baseline.notices) logger.info(n);
  }
  return { cwd, now, file, catalog, ...(baseline ? { baseline } : {}) };
}

/**
 * Facts of every input -> the Report: target expansion, evaluation, report building. Pure but
 * for log lines; `merge` calls it with the merged facts of shard reports.
 */
export function evaluateFacts(
  allFacts: InputFacts[],
  prep: PreparedScan,
  options: Pick<ScanOptions, 'market' | 'sku' | 'failOn'>,
  logger: Logger,
): Report {
  const { file, catalog, baseline, now } = prep;
  const results: TargetResult[] = [];
  for (const facts of [...allFacts].sort((a, b) => (a.input < b.input ? -1 : a.input > b.input ? 1 : 0))) {
    const display = facts.input;
    // One target per SKU the build can become (SPEC section 5, Targets), else one for the build.
    const specs = expandTargets(facts, { file, cliMarket: options.market, cliSku: options.sku });
    const readings = specs.filter((t) => t.resolution.reading);
    if (readings.length > 1) {
      logger.warning(
        `${display}: ro.build.version.sdk is not known, and its properties give ${readings.map((t) => `${t.resolution.market ?? 'no market'} as Android ${t.resolution.reading === 'android9' ? '9 and earlier read them (first ro. definition wins)' : '10 and later read them (last definition wins)'}`).join(' but ')}: each is a target`,
      );
    }
    if (specs.length > 1 || specs[0].sku) logger.info(`${display}: ${specs.length} SKU target${specs.length === 1 ? '' : 's'} (${specs.map((t) => t.sku ?? t.resolution.sku ?? t.resolution.market ?? 'unresolved').join(', ')})`);
    for (const spec of specs) {
      const { resolution } = spec;
      const policy = resolution.market ? resolveMarketPolicy(file, resolution.market, catalog) : undefined;
      const targetId = `${spec.sku ?? resolution.sku ?? resolution.market ?? 'unresolved'}@${display}`;
      const matched = baseline ? matchBaselineTarget(baseline, { id: targetId, sku: spec.sku ?? resolution.sku, market: resolution.market }) : undefined;
      const evaluation = evaluateTarget({
        targetId,
        facts: spec.facts,
        resolution,
        policy,
        catalog,
        file,
        now,
        ...(baseline ? { baseline: { file: baseline.file, ...(matched ? { target: matched.target, by: matched.by } : {}) } } : {}),
      });
      results.push({ id: targetId, facts: spec.facts, resolution, evaluation });
    }
    logger.info(
      `${display}: ${facts.stats.files} files, ${facts.stats.entries} entries, ${facts.packages.length} packages, ${facts.endpoints.length} endpoints`,
    );
  }
  return buildReport({ results, catalog, file, failOn: options.failOn, now, pslVersion: pslVersion() });
}

export async function scan(options: ScanOptions, logger: Logger, deps: ScanDeps = {}): Promise<Report> {
  const cwd = options.cwd ?? process.cwd();
  if (options.inputs.length === 0) throw new UsageError('no input given: pass a product-out folder, a folder, or an APK');
  for (const i of options.inputs) {
    if (!existsSync(resolve(cwd, i))) throw new UsageError(`input not found: ${i}`);
  }
  // Workers start loading now, while the policy is read, when an input may need them (a folder,
  // or a file large enough to be shared); they serve every input of the scan.
  const mayShare = effectiveLimits(deps.limits).minSliceBytes;
  const pool = options.inputs.some((i) => {
    const st = statSync(resolve(cwd, i));
    return st.isDirectory() || st.size >= mayShare;
  })
    ? startWorkerPool(options.workers ?? workerCount())
    : undefined;
  try {
    return await scanWith(options, logger, deps, cwd, pool);
  } finally {
    await pool?.close();
  }
}

async function scanWith(options: ScanOptions, logger: Logger, deps: ScanDeps, cwd: string, pool: WorkerPool | undefined): Promise<Report> {
  const prep = prepareScan(options, logger);
  const { catalog, file } = prep;
  mark('startup and policy');

  const known = knownEndpoints(catalog, file);
  const limits = effectiveLimits(deps.limits);
  const mentionPackages = new Set(catalog.entries.flatMap((e) => e.packages));
  const variantToggles = variantTogglesOf(catalog);
  const allFacts: InputFacts[] = [];
  const shardFacts: ShardInputFacts[] = [];
  const shard = options.shard;
  const inputs = [...options.inputs].sort();
  // `--cache-prune`: the cache folder's files this scan uses, kept; the rest removed at the end.
  const cacheUsed = options.cacheDir && options.cachePrune ? new Set<string>() : undefined;
  for (const [i, input] of inputs.entries()) {
    const display = relative(cwd, resolve(cwd, input)) || '.';
    logger.info(shard ? `scanning ${display} (shard ${shard.index}/${shard.count})` : `scanning ${display}`);
    const parts = await extractInputParts(resolve(cwd, input), {
      known,
      mentionPackages,
      variantToggles,
      include: options.include,
      logger,
      limits: deps.limits,
      progress: options.progress ?? periodicProgress(logger),
      label: display,
      ...(options.workers ? { workers: options.workers } : {}),
      ...(pool ? { pool, lastInput: i === inputs.length - 1 } : {}),
      ...(shard ? { shard } : {}),
      ...(options.cacheDir ? { cache: { dir: resolve(cwd, options.cacheDir), catalogVersion: catalog.version, pslVersion: pslVersion(), ...(options.cacheRehash ? { rehash: true } : {}), ...(cacheUsed ? { used: cacheUsed } : {}) } } : {}),
    });
    allFacts.push(assembleInputFacts(display, parts.sha256, [parts.owned, ...(parts.borrowed ? [parts.borrowed] : [])], known, limits));
    // A shard's facts are kept within the input's endpoint cap too (merge applies it again).
    if (shard) shardFacts.push({ input: display, sha256: parts.sha256, facts: capEndpoints(parts.owned, knownEndpoint(known), limits.maxInputEndpoints) });
  }
  if (cacheUsed && options.cacheDir) {
    const dir = resolve(cwd, options.cacheDir);
    const pruned = pruneCache(dir, cacheUsed);
    logger.info(`cache: pruned ${pruned.removed} file${pruned.removed === 1 ? '' : 's'} (${(pruned.bytes / 2 ** 20).toFixed(1)} MiB) this scan did not use from ${dir}`);
    if (pruned.problems.length) logger.warning(`cache: ${pruned.problems[0]}${pruned.problems.length > 1 ? ` (and ${pruned.problems.length - 1} more)` : ''}`);
  }
  mark('extraction');
  const report = evaluateFacts(allFacts, prep, options, logger);
  mark('evaluation');
  // The limits set in the environment too: merge applies the shards' limits, not its own. How
  // workers share images (minSliceBytes) never changes the facts, so shards may differ in it.
  const { minSliceBytes: _sharing, ...fromEnv } = limitsFromEnv();
  if (shard) report.shard = shardSection({ shard, facts: shardFacts, prep, options, limits: { ...fromEnv, ...deps.limits } });
  return report;
}
