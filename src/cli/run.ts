/**
 * The CLI: argv -> the same scan() the Action runs -> stdout or a file, and an exit code.
 * I/O is injected so tests run it in-process.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { loadBuiltinCatalog } from '../catalog/load.js';
import { PolicyError, PolicyErrors, UsageError } from '../errors.js';
import { defuseCommands, getConsoleLogger, type Logger } from '../logging.js';
import { mark } from '../timings.js';
import { effectiveCatalog, knownMarkets, printableMarketPolicy, resolveMarketPolicy } from '../policy/effective.js';
import { DEFAULT_POLICY_PATH, loadPolicyFile } from '../policy/load.js';
import { inPieces, renderJson, writeJson, writeStreamed } from '../report/render-json.js';
import { renderJunit } from '../report/render-junit.js';
import { renderSarif, writeSarif } from '../report/render-sarif.js';
import { renderMarkdown } from '../report/render-markdown.js';
import { renderText } from '../report/render-text.js';
import type { Report } from '../report/model.js';
import { progressFor, periodicProgress } from '../progress.js';
import { resolveNow, scan } from '../scan.js';
import { locateExemption } from '../evaluate/evaluate.js';
import { exemptionStatus } from '../policy/exemptions.js';
import type { PolicyFile } from '../policy/load.js';
import { indexSourceTree, type SourceIndex, unreadableNote } from '../source/indexer.js';
import { locateFindings, wantedNames } from '../source/locate.js';
import { TOOL_VERSION } from '../version.js';
import { mergeShardReports } from '../shard.js';
import { parseArgs, USAGE, type MergeArgs, type ScanArgs } from './args.js';
import { diffReports, readReportFile, renderDiff } from './diff.js';
import { initPolicy } from './init.js';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  logger?: Logger;
  cwd?: string;
}

export const EXIT_PASS = 0;
export const EXIT_FAIL = 1;
export const EXIT_USAGE = 2;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case 'help':
        io.stdout(USAGE);
        return EXIT_PASS;
      case 'version':
        io.stdout(`activation-gate ${TOOL_VERSION}\n`);
        return EXIT_PASS;
      case 'check-policy': {
        const file = loadPolicyFile(args.file);
        const catalog = effectiveCatalog(loadBuiltinCatalog(), file);
        const markets = knownMarkets(file);
        const printed: Record<string, unknown> = {};
        for (const m of markets) printed[m] = printableMarketPolicy(resolveMarketPolicy(file, m, catalog));
        // A valid file whose exemption has expired fails every scan of its markets
        // (expired-exemption, an error): said here, with a failing exit, not called valid.
        const dated = datedExemptions(file, resolveNow(args.now));
        for (const d of dated) io.stderr(`${d.text}\n`);
        const expired = dated.filter((d) => d.expired).length;
        if (args.print) io.stdout(stringify({ markets: printed, skus: file.policy.skus ?? {}, 'sku-from': file.policy['sku-from'] ?? [] }));
        else {
          const summary = `markets: ${markets.join(', ')}; ${catalog.entries.length} catalog clients`;
          io.stdout(expired ? `${args.file}: valid, but ${expired} exemption${expired === 1 ? ' has' : 's have'} expired (${summary})\n` : `${args.file}: valid (${summary})\n`);
        }
        return expired ? EXIT_FAIL : EXIT_PASS;
      }
      case 'catalog': {
        const policy = policyOf(args, path.resolve(io.cwd ?? process.cwd()));
        const file = policy ? loadPolicyFile(io.cwd ? path.resolve(io.cwd, policy) : policy) : undefined;
        const catalog = effectiveCatalog(loadBuiltinCatalog(), file);
        // The catalog file's own shape in both formats (what a policy's `catalog:` extends).
        const printable = { version: catalog.version, ...(catalog.testKeys?.length ? { 'test-keys': catalog.testKeys } : {}), clients: catalog.entries };
        io.stdout(args.format === 'json' ? `${JSON.stringify(printable, null, 2)}\n` : stringify(printable));
        return EXIT_PASS;
      }
      case 'scan':
        return await runScan(args, io);
      case 'merge':
        return await runMerge(args, io);
      case 'diff': {
        const files = { old: args.old, new: args.new };
        const d = diffReports(readReportFile(args.old), readReportFile(args.new), files);
        io.stdout(args.format === 'json' ? `${JSON.stringify(d, null, 2)}\n` : renderDiff(d, files));
        return EXIT_PASS;
      }
      case 'init': {
        const policy = initPolicy(readReportFile(args.from), args.from);
        if (args.output) {
          writeFileSync(args.output, policy);
          io.stderr(`starter policy written to ${args.output}: review every line before committing it\n`);
        } else io.stdout(policy);
        return EXIT_PASS;
      }
    }
  } catch (e) {
    return reportError(e, io);
  }
}

function reportError(e: unknown, io: CliIo): number {
  if (e instanceof PolicyErrors) {
    for (const err of e.errors) io.stderr(`error: ${err.message}\n`);
    return EXIT_USAGE;
  }
  if (e instanceof PolicyError || e instanceof UsageError) {
    io.stderr(`error: ${e.message}\n`);
    return EXIT_USAGE;
  }
  io.stderr(`internal error: ${(e as Error)?.stack ?? String(e)}\n`);
  return EXIT_USAGE;
}

/**
 * The policy file of a scan or catalog: --policy; else, unless --no-policy, the Action's
 * default `.github/activation-gate.yml` when the current folder has one, so that a scan run by
 * hand in the repository is judged as the workflow judges it.
 */
function policyOf(args: { policy?: string; noPolicy?: boolean }, cwd: string): string | undefined {
  if (args.policy !== undefined) return args.policy;
  if (args.noPolicy) return undefined;
  return existsSync(path.join(cwd, DEFAULT_POLICY_PATH)) ? DEFAULT_POLICY_PATH : undefined;
}

async function runScan(args: ScanArgs, io: CliIo): Promise<number> {
  const logger = io.logger ?? (args.quiet ? getConsoleLogger(false, { write: () => true } as unknown as NodeJS.WritableStream) : getConsoleLogger(false));
  const cwd = path.resolve(io.cwd ?? process.cwd());
  const sourceRoot = path.resolve(cwd, args.sourceRoot ?? '.');
  if (args.sourceRoot !== undefined && !existsDir(sourceRoot)) throw new UsageError(`--source-root: ${args.sourceRoot} is not a folder`);
  checkOutput(args.output, cwd);
  const policy = policyOf(args, cwd);
  if (policy !== undefined && args.policy === undefined) logger.info(`policy: ${policy} (the default, found in ${cwd}; --no-policy scans without it)`);
  const scanned = await scan(
    {
      inputs: args.inputs,
      ...(policy ? { policyFile: policy } : {}),
      ...(args.market ? { market: args.market } : {}),
      ...(args.sku ? { sku: args.sku } : {}),
      failOn: args.failOn,
      ...(args.now ? { now: args.now } : {}),
      ...(args.baseline ? { baseline: args.baseline } : {}),
      ...(args.include.length ? { include: args.include } : {}),
      ...(io.cwd ? { cwd: io.cwd } : {}),
      ...(args.shard ? { shard: args.shard } : {}),
      ...(args.cacheDir ? { cacheDir: args.cacheDir } : {}),
      ...(args.cacheRehash ? { cacheRehash: true } : {}),
      ...(args.cachePrune ? { cachePrune: true } : {}),
      // A live line on a terminal; nothing when --quiet (plain lines go through the logger otherwise).
      progress: args.quiet ? () => ({ update: () => undefined, done: () => undefined }) : io.logger ? periodicProgress(logger) : progressFor(process.stderr, logger),
    },
    logger,
  );
  const report = await locate(scanned, { cwd, sourceRoot, inputs: args.inputs }, logger);
  mark('source locations');
  write(report, args, cwd, io);
  mark('render and write');
  if (args.shard) {
    // A shard saw part of the build: its findings are partial, so it never fails the job.
    io.stderr(`shard ${args.shard.index}/${args.shard.count}: a partial report; \`activation-gate merge\` of all ${args.shard.count} gives the verdict\n`);
    return EXIT_PASS;
  }
  return exitCodeOf(report, args.failOn);
}

/** `merge`: the shard reports -> the unsharded report, rendered and gated like `scan`. */
async function runMerge(args: MergeArgs, io: CliIo): Promise<number> {
  const logger = io.logger ?? (args.quiet ? getConsoleLogger(false, { write: () => true } as unknown as NodeJS.WritableStream) : getConsoleLogger(false));
  const cwd = path.resolve(io.cwd ?? process.cwd());
  const sourceRoot = path.resolve(cwd, args.sourceRoot ?? '.');
  if (args.sourceRoot !== undefined && !existsDir(sourceRoot)) throw new UsageError(`--source-root: ${args.sourceRoot} is not a folder`);
  checkOutput(args.output, cwd);
  const merged = mergeShardReports(args.reports, { cwd, ...(args.failOn ? { failOn: args.failOn } : {}) }, logger);
  const inputs = merged.audit.inputs.map((i) => i.path);
  const report = await locate(merged, { cwd, sourceRoot, inputs }, logger);
  write(report, args, cwd, io);
  return exitCodeOf(report, report.failOn);
}

/**
 * stdout for a report: a CI runner reads workflow commands in what a step prints (GitHub: `::` at
 * a line's start, `##[` anywhere), and the report quotes names from the build. Text, markdown and
 * JUnit are defused (defuseCommands: a zero-width space); in JSON and SARIF, where `##[` can only
 * stand inside a string and no line starts with `::`, it is written `#\u0023[`, the same string.
 * A piece never splits a string (writeJson and writeSarif emit whole values). JSON.stringify
 * leaves C1 controls (U+009B is a terminal's CSI), invisible and bidirectional characters as they
 * are: on stdout (a terminal, a CI log) they are written as `\uXXXX` escapes, the same strings.
 * Files are written as they are.
 */
function reportStdout(format: ScanArgs['format'], io: CliIo): (s: string) => void {
  if (format === 'json' || format === 'sarif') {
    return (s) => io.stdout((s.includes('##[') ? s.replaceAll('##[', '#\\u0023[') : s).replace(JSON_HIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  }
  return (s) => io.stdout(defuseCommands(s));
}

/** Characters JSON.stringify writes as they are that a terminal obeys or a reader cannot see (JSON text holds them only inside strings). */
const JSON_HIDDEN = /[\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

function write(report: Report, args: Pick<ScanArgs, 'format' | 'color' | 'output'>, cwd: string, io: CliIo): void {
  try {
    writeReport(report, args, cwd, io);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!args.output || typeof code !== 'string') throw e;
    throw new UsageError(`the report could not be written to ${args.output} (${code}: ${(e as Error).message}); the verdict was ${report.verdict.toUpperCase()}`);
  }
}

function writeReport(report: Report, args: Pick<ScanArgs, 'format' | 'color' | 'output'>, cwd: string, io: CliIo): void {
  const stdout = reportStdout(args.format, io);
  if (args.format === 'json' || args.format === 'sarif') {
    // Streamed, to the file or to stdout: a big build's report is never held whole in memory,
    // nor as one string (V8 caps one at ~512 MiB).
    const format = args.format;
    const produce = (emit: (s: string) => void): void => (format === 'json' ? writeJson(report, emit) : writeSarif(report, {}, emit));
    if (!args.output) {
      inPieces(produce, stdout);
      return;
    }
    const out = path.resolve(cwd, args.output);
    mkdirSync(path.dirname(out), { recursive: true });
    writeStreamed(out, produce);
    io.stderr(`${report.verdict === 'fail' ? 'FAIL' : 'PASS'}: report written to ${args.output}\n`);
    return;
  }
  const rendered = render(report, args);
  if (args.output) {
    const out = path.resolve(cwd, args.output);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, rendered);
    if (args.format !== 'text') io.stderr(`${report.verdict === 'fail' ? 'FAIL' : 'PASS'}: report written to ${args.output}\n`);
    else stdout(rendered);
  } else stdout(rendered);
}

/** `--output` that names a folder is refused before the scan, not after it (a write error's stack trace). */
function checkOutput(output: string | undefined, cwd: string): void {
  if (output !== undefined && existsDir(path.resolve(cwd, output))) throw new UsageError(`--output: ${output} is a folder; name the report file to write`);
}

function existsDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Points findings at the source line that pulled their module in (`--source-root`, default the
 * current folder; only files inside the current folder qualify). Never fails the scan.
 */
async function locate(report: Report, o: { cwd: string; sourceRoot: string; inputs: string[] }, logger: Logger): Promise<Report> {
  const wanted = wantedNames(report);
  let index: SourceIndex | undefined;
  if (wanted.size > 0) {
    try {
      index = await indexSourceTree(o.sourceRoot, { workspace: o.cwd, wanted, exclude: o.inputs.map((i) => path.resolve(o.cwd, i)) });
      if (index.stats.truncated) logger.warning(`--source-root: stopped indexing after ${index.stats.files} files`);
      if (index.stats.unreadable > 0) logger.warning(`--source-root: ${unreadableNote(index.stats.unreadable)}`);
    } catch (err) {
      logger.warning(`--source-root: could not index ${o.sourceRoot}: ${(err as Error).message}`);
    }
  }
  return locateFindings(report, index);
}

export function render(report: Report, args: Pick<ScanArgs, 'format' | 'color'>): string {
  switch (args.format) {
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report);
    case 'junit':
      return renderJunit(report);
    case 'markdown':
      return renderMarkdown(report);
    default:
      return renderText(report, { color: args.color });
  }
}

export function exitCodeOf(report: Report, failOn: ScanArgs['failOn']): number {
  if (failOn === 'never') return EXIT_PASS;
  return report.verdict === 'fail' ? EXIT_FAIL : EXIT_PASS;
}

/** The exemptions a scan today would report: expired (an error in each of its markets) or expiring within 30 days (a note). */
function datedExemptions(file: PolicyFile, now: Date): { expired: boolean; text: string }[] {
  const out: { expired: boolean; text: string }[] = [];
  (file.policy.exemptions ?? []).forEach((ex, index) => {
    const status = exemptionStatus(ex.expires, now);
    if (!status.expired && !status.expiringSoon) return;
    const loc = locateExemption(file, index);
    const at = `${loc.file}:${loc.line}`;
    const where = ex.markets?.length ? ex.markets.join(', ') : 'every market';
    out.push({
      expired: status.expired,
      text: status.expired
        ? `${at}: error: exemption ${index + 1} (${ex.reason}, owner ${ex.owner}) expired on ${ex.expires}: every scan of ${where} fails with expired-exemption until it is renewed after review or removed`
        : `${at}: note: exemption ${index + 1} (${ex.reason}, owner ${ex.owner}) expires on ${ex.expires}: review it before then`,
    });
  });
  return out;
}
