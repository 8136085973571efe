/**
 * The CLI: argv -> the same scan() the Action runs -> stdout or a file, and an exit code.
 * I/O is injected so tests run it in-process.
 */
import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { loadBuiltinCatalog } from '../catalog/load.js';
import { PolicyError, PolicyErrors, UsageError } from '../errors.js';
import { getConsoleLogger, type Logger } from '../logging.js';
import { effectiveCatalog, knownMarkets, printableMarketPolicy, resolveMarketPolicy } from '../policy/effective.js';
import { loadPolicyFile } from '../policy/load.js';
import { renderJson } from '../report/render-json.js';
import { renderMarkdown } from '../report/render-markdown.js';
import { renderText } from '../report/render-text.js';
import type { Report } from '../report/model.js';
import { scan } from '../scan.js';
import { TOOL_VERSION } from '../version.js';
import { parseArgs, USAGE, type ScanArgs } from './args.js';

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
        if (args.print) io.stdout(stringify({ markets: printed, skus: file.policy.skus ?? {}, 'sku-from': file.policy['sku-from'] ?? [] }));
        else io.stdout(`${args.file}: valid (markets: ${markets.join(', ')}; ${catalog.entries.length} catalog clients)\n`);
        return EXIT_PASS;
      }
      case 'catalog': {
        const file = args.policy ? loadPolicyFile(args.policy) : undefined;
        const catalog = effectiveCatalog(loadBuiltinCatalog(), file);
        io.stdout(args.format === 'json' ? `${JSON.stringify(catalog, null, 2)}\n` : stringify({ version: catalog.version, clients: catalog.entries }));
        return EXIT_PASS;
      }
      case 'scan':
        return await runScan(args, io);
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

async function runScan(args: ScanArgs, io: CliIo): Promise<number> {
  if (args.format === 'sarif' || args.format === 'junit') {
    throw new UsageError(`--format ${args.format} is not implemented in this version yet (text, json and markdown are)`);
  }
  for (const [flag, value] of [
    ['--baseline', args.baseline],
    ['--shard', args.shard],
    ['--cache-dir', args.cacheDir],
  ] as const) {
    if (value !== undefined) throw new UsageError(`${flag} is not implemented in this version yet`);
  }
  const logger = io.logger ?? (args.quiet ? getConsoleLogger(false, { write: () => true } as unknown as NodeJS.WritableStream) : getConsoleLogger(false));
  if (args.sourceRoot !== undefined) logger.warning('--source-root is accepted, but source-line locations are not implemented in this version yet');
  const report = await scan(
    {
      inputs: args.inputs,
      ...(args.policy ? { policyFile: args.policy } : {}),
      ...(args.market ? { market: args.market } : {}),
      ...(args.sku ? { sku: args.sku } : {}),
      failOn: args.failOn,
      ...(args.now ? { now: args.now } : {}),
      ...(args.include.length ? { include: args.include } : {}),
      ...(io.cwd ? { cwd: io.cwd } : {}),
    },
    logger,
  );
  const rendered = render(report, args);
  if (args.output) {
    writeFileSync(args.output, rendered);
    if (args.format !== 'text') io.stderr(`${report.verdict === 'fail' ? 'FAIL' : 'PASS'}: report written to ${args.output}\n`);
    else io.stdout(rendered);
  } else io.stdout(rendered);
  return exitCodeOf(report, args.failOn);
}

export function render(report: Report, args: Pick<ScanArgs, 'format' | 'color'>): string {
  switch (args.format) {
    case 'json':
      return renderJson(report);
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
