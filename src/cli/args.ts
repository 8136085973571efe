/**
 * Command-line parsing for `activation-gate`. Small and strict: unknown flags are usage errors
 * (a typo must not silently change what the gate checks).
 */
import { UsageError } from '../errors.js';
import { parseShard, type ShardSpec } from '../extract/shard-split.js';
import type { Severity } from '../report/model.js';

export const FORMATS = ['text', 'json', 'markdown', 'sarif', 'junit'] as const;
export type Format = (typeof FORMATS)[number];
export const FAIL_ON = ['error', 'warning', 'note', 'never'] as const;

/** Options that scan and merge share (how the report is rendered and where it goes). */
interface ReportOptions {
  format: Format;
  output?: string;
  failOn?: Severity | 'never';
  sourceRoot?: string;
  color: boolean;
  quiet: boolean;
}

export interface ScanArgs extends ReportOptions {
  command: 'scan';
  inputs: string[];
  policy?: string;
  /** --no-policy: not even `.github/activation-gate.yml` when it exists. */
  noPolicy?: boolean;
  market?: string;
  sku?: string;
  failOn: Severity | 'never';
  include: string[];
  now?: Date;
  baseline?: string;
  shard?: ShardSpec;
  cacheDir?: string;
  cacheRehash?: boolean;
  cachePrune?: boolean;
}

export interface MergeArgs extends ReportOptions {
  command: 'merge';
  reports: string[];
  /** Default: the fail-on the shards were scanned with. */
  failOn?: Severity | 'never';
}

export interface CheckPolicyArgs {
  command: 'check-policy';
  file: string;
  print: boolean;
  /** "Today" for exemption expiry (default: SOURCE_DATE_EPOCH or the clock, as a scan). */
  now?: Date;
}

export interface CatalogArgs {
  command: 'catalog';
  policy?: string;
  noPolicy?: boolean;
  format: 'yaml' | 'json';
}

export interface DiffArgs {
  command: 'diff';
  old: string;
  new: string;
  format: 'text' | 'json';
}

export interface InitArgs {
  command: 'init';
  from: string;
  output?: string;
}

export type Args = ScanArgs | MergeArgs | CheckPolicyArgs | CatalogArgs | DiffArgs | InitArgs | { command: 'help' } | { command: 'version' };

export const USAGE = `activation-gate: gate Android firmware builds per market

Usage:
  activation-gate scan <input>... [--policy FILE | --no-policy] [--market NAME | --sku ID]
                       [--format text|json|markdown|sarif|junit] [--output FILE]
                       [--fail-on error|warning|note|never] [--source-root DIR]
                       [--include GLOB] [--now YYYY-MM-DD] [--baseline PREVIOUS.json]
                       [--shard I/N] [--cache-dir DIR [--cache-rehash] [--cache-prune]]
  activation-gate merge SHARD.json... [--format ...] [--output FILE] [--fail-on ...]
                       [--source-root DIR]
  activation-gate check-policy FILE [--print] [--now YYYY-MM-DD]
  activation-gate catalog [--policy FILE | --no-policy] [--format yaml|json]
  activation-gate diff OLD.json NEW.json [--format text|json]
  activation-gate init --from REPORT.json [--output FILE]
  activation-gate --version | --help

Inputs: a product-out folder (out/target/product/<device>), any folder, or an APK/JAR.
--policy: default .github/activation-gate.yml when the current folder has one (as the Action);
--no-policy: the built-in market policies only.
--source-root: the Android source tree (default: the current folder) whose makefiles,
Android.bp and XML locate each finding at the line that pulled its module in.
--shard I/N: scan a size-balanced share of the files (every shard reads every property file);
its JSON report carries the facts, and \`merge\` joins all N into the unsharded report.
--cache-dir: reuse the facts of files whose SHA-256 is unchanged since an earlier scan; a file
unchanged on this machine since then (same inode, size, mtime and ctime, same boot) keeps its
SHA-256 without being read. --cache-rehash reads and hashes every file. --cache-prune removes
the entries this scan did not use (the folder then holds this build's facts only).
Exit codes: 0 pass, 1 the gate failed, 2 usage, policy or input error.
`;

function takeValue(argv: string[], i: number, flag: string): string {
  const v = argv[i + 1];
  if (v === undefined || (v.startsWith('--') && v.length > 2)) throw new UsageError(`${flag} needs a value`);
  // An empty value is most often an unset variable (`--market "$MARKET"`): taken as no flag, the
  // build would choose its own market.
  if (v.trim() === '') throw new UsageError(`${flag} needs a value, got an empty one (an unset variable?)`);
  return v;
}

export function parseDate(value: string, flag: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new UsageError(`${flag} must be a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return new Date(`${value}T00:00:00Z`);
}

export function parseArgs(argv: string[]): Args {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') return { command: 'help' };
  if (argv[0] === '--version' || argv[0] === '-V') return { command: 'version' };
  const [command, ...rest] = argv;
  // Accept --flag=value as well as --flag value.
  const args: string[] = [];
  for (const a of rest) {
    const m = /^(--[a-z-]+)=(.*)$/s.exec(a);
    if (m) args.push(m[1], m[2]);
    else args.push(a);
  }
  switch (command) {
    case 'scan':
      return parseScan(args);
    case 'check-policy': {
      let file: string | undefined;
      let print = false;
      let now: Date | undefined;
      for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a === '--print') print = true;
        else if (a === '--now') now = parseDate(takeValue(args, i++, a), a);
        else if (a.startsWith('--')) throw new UsageError(`unknown option ${a} for check-policy`);
        else if (file) throw new UsageError('check-policy takes one file');
        else file = a;
      }
      if (!file) throw new UsageError('check-policy needs a policy file');
      return { command: 'check-policy', file, print, ...(now ? { now } : {}) };
    }
    case 'catalog': {
      const out: CatalogArgs = { command: 'catalog', format: 'yaml' };
      for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a === '--policy') out.policy = takeValue(args, i++, a);
        else if (a === '--no-policy') out.noPolicy = true;
        else if (a === '--format') {
          const f = takeValue(args, i++, a);
          if (f !== 'yaml' && f !== 'json') throw new UsageError(`--format for catalog is yaml or json, got ${JSON.stringify(f)}`);
          out.format = f;
        } else throw new UsageError(`unknown option ${a} for catalog`);
      }
      if (out.policy !== undefined && out.noPolicy) throw new UsageError('give --policy or --no-policy, not both');
      return out;
    }
    case 'diff': {
      const files: string[] = [];
      let format: DiffArgs['format'] = 'text';
      for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a === '--format') {
          const f = takeValue(args, i++, a);
          if (f !== 'text' && f !== 'json') throw new UsageError(`--format for diff is text or json, got ${JSON.stringify(f)}`);
          format = f;
        } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a} for diff`);
        else files.push(a);
      }
      if (files.length !== 2) throw new UsageError('diff needs two JSON reports: activation-gate diff OLD.json NEW.json');
      return { command: 'diff', old: files[0], new: files[1], format };
    }
    case 'init': {
      const out: Partial<InitArgs> = { command: 'init' };
      for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a === '--from') out.from = takeValue(args, i++, a);
        else if (a === '--output' || a === '-o') out.output = takeValue(args, i++, a);
        else throw new UsageError(`unknown argument ${a} for init (init --from REPORT.json [--output FILE])`);
      }
      if (!out.from) throw new UsageError('init needs --from REPORT.json (a JSON report of a reviewed build)');
      return out as InitArgs;
    }
    case 'merge':
      return parseMerge(args);
    default:
      throw new UsageError(`unknown command ${JSON.stringify(command)}\n\n${USAGE}`);
  }
}

function parseScan(args: string[]): ScanArgs {
  const out: ScanArgs = { command: 'scan', inputs: [], format: 'text', failOn: 'error', include: [], color: false, quiet: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    switch (a) {
      case '--policy':
        out.policy = takeValue(args, i++, a);
        break;
      case '--no-policy':
        out.noPolicy = true;
        break;
      case '--market':
        out.market = takeValue(args, i++, a);
        break;
      case '--sku':
        out.sku = takeValue(args, i++, a);
        break;
      case '--include':
        out.include.push(takeValue(args, i++, a));
        break;
      case '--now':
        out.now = parseDate(takeValue(args, i++, a), a);
        break;
      case '--baseline':
        out.baseline = takeValue(args, i++, a);
        break;
      case '--shard': {
        const spec = parseShard(takeValue(args, i++, a));
        if (typeof spec === 'string') throw new UsageError(`--${spec}`);
        out.shard = spec;
        break;
      }
      case '--cache-dir':
        out.cacheDir = takeValue(args, i++, a);
        break;
      case '--cache-rehash':
        out.cacheRehash = true;
        break;
      case '--cache-prune':
        out.cachePrune = true;
        break;
      default:
        i += reportOptionOrPositional(args, i, out, 'scan', out.inputs);
    }
  }
  if (out.inputs.length === 0) throw new UsageError('scan needs at least one input (a product-out folder, a folder or an APK)');
  if (out.market && out.sku) throw new UsageError('give --market or --sku, not both');
  if (out.policy !== undefined && out.noPolicy) throw new UsageError('give --policy or --no-policy, not both');
  if (out.cacheRehash && !out.cacheDir) throw new UsageError('--cache-rehash needs --cache-dir');
  if (out.cachePrune && !out.cacheDir) throw new UsageError('--cache-prune needs --cache-dir');
  if (out.cachePrune && out.shard) throw new UsageError('--cache-prune cannot be used with --shard: a shard uses only its share of the cache');
  return out;
}

/** Parses args[i] when it is a report option; returns how many values it took, or -1. */
function reportOption(args: string[], i: number, out: ReportOptions): number {
  const a = args[i];
  switch (a) {
    case '--format': {
      const f = takeValue(args, i, a);
      if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got ${JSON.stringify(f)}`);
      out.format = f as Format;
      return 1;
    }
    case '--output':
    case '-o':
      out.output = takeValue(args, i, a);
      return 1;
    case '--fail-on': {
      const f = takeValue(args, i, a);
      if (!(FAIL_ON as readonly string[]).includes(f)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, got ${JSON.stringify(f)}`);
      out.failOn = f as Severity | 'never';
      return 1;
    }
    case '--source-root':
      out.sourceRoot = takeValue(args, i, a);
      return 1;
    case '--color':
      out.color = true;
      return 0;
    case '--quiet':
    case '-q':
      out.quiet = true;
      return 0;
    default:
      return -1;
  }
}

/** A report option, else a positional argument (an unknown `-x` is an error); returns values taken. */
function reportOptionOrPositional(args: string[], i: number, out: ReportOptions, command: string, positional: string[]): number {
  const used = reportOption(args, i, out);
  if (used >= 0) return used;
  const a = args[i];
  if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a} for ${command}`);
  positional.push(a);
  return 0;
}

function parseMerge(args: string[]): MergeArgs {
  const out: MergeArgs = { command: 'merge', reports: [], format: 'text', color: false, quiet: false };
  for (let i = 0; i < args.length; i++) i += reportOptionOrPositional(args, i, out, 'merge', out.reports);
  if (out.reports.length === 0) throw new UsageError('merge needs the JSON report of every shard: activation-gate merge shard-1.json shard-2.json ...');
  return out;
}
