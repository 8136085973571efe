/**
 * A scripted fake of the Actions runner, for running main.run() in-process as the runner does:
 * `INPUT_*` variables (names upper-cased, hyphens kept), GITHUB_OUTPUT and GITHUB_STEP_SUMMARY
 * files, GITHUB_WORKSPACE, and stdout captured and parsed into workflow commands the way the
 * runner reads them (honouring `::stop-commands::`). `restore()` puts env, stdout and
 * process.exitCode back.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../__tests__/helpers/temp.js';

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

export interface FakeRunner {
  /** Temporary folder holding the workspace, output and summary files. */
  dir: string;
  workspace: string;
  outputFile: string;
  summaryFile: string;
  stdout(): string;
  /** Workflow commands in stdout, unescaped; lines inside stop-commands blocks are not commands. */
  commands(): WorkflowCommand[];
  annotations(): WorkflowCommand[];
  /** Outputs parsed from the GITHUB_OUTPUT heredocs. */
  outputs(): Record<string, string>;
  summary(): string;
  exitCode(): number | string | undefined;
  /** Writes a file inside the workspace (creating folders). */
  writeWorkspaceFile(relative: string, content: string): string;
  restore(): void;
}

export interface FakeRunnerOptions {
  /** Action inputs by their action.yml name (`fail-on`, `max-annotations`, ...). */
  inputs?: Record<string, string>;
  /** More environment variables (GITHUB_WORKFLOW_REF, RUNNER_DEBUG, ...). */
  env?: Record<string, string>;
  /** Echo captured stdout to the real stdout too (debugging a test). */
  echo?: boolean;
}

/** The variable name the runner sets for an input: spaces to `_`, upper-cased, hyphens kept. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
function unescapeProperty(s: string): string {
  return s.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

export function parseCommands(stdout: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  let stopToken: string | undefined;
  for (const line of stdout.split(/\r?\n/)) {
    const trimmed = line.trimStart();
    if (stopToken !== undefined) {
      if (trimmed === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const m = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/.exec(trimmed);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const kv of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = kv.indexOf('=');
      if (eq > 0) properties[kv.slice(0, eq)] = unescapeProperty(kv.slice(eq + 1));
    }
    const cmd = { command: m[1], properties, message: unescapeData(m[3]) };
    if (cmd.command === 'stop-commands') {
      stopToken = cmd.message;
      continue;
    }
    out.push(cmd);
  }
  return out;
}

/** Parses `name<<ghadelimiter_<uuid>` heredocs as @actions/core writes them. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(ghadelimiter_[0-9a-f-]+)$/.exec(lines[i]);
    if (!m) continue;
    const value: string[] = [];
    let j = i + 1;
    while (j < lines.length && lines[j] !== m[2]) value.push(lines[j++]);
    if (j >= lines.length) throw new Error(`unterminated output heredoc for ${m[1]}`);
    out[m[1]] = value.join('\n');
    i = j;
  }
  return out;
}

// @actions/core caches the summary file path on first use, so the files live at one path per
// test module; each runner truncates them.
const RUNNER_DIR = tempDir('activation-gate-runner-');

export function startFakeRunner(options: FakeRunnerOptions = {}): FakeRunner {
  const savedEnv = { ...process.env };
  const savedWrite = process.stdout.write;
  const savedExitCode = process.exitCode;
  const workspace = path.join(RUNNER_DIR, 'workspace');
  rmSync(workspace, { recursive: true, force: true });
  mkdirSync(workspace, { recursive: true });
  const outputFile = path.join(RUNNER_DIR, 'output.txt');
  const summaryFile = path.join(RUNNER_DIR, 'summary.md');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');

  for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_')) delete process.env[k];
  Object.assign(process.env, {
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_REPOSITORY: 'acme/firmware',
    GITHUB_WORKFLOW_REF: 'acme/firmware/.github/workflows/build.yml@refs/heads/main',
    RUNNER_DEBUG: '',
    ...options.env,
  });
  for (const [name, value] of Object.entries(options.inputs ?? {})) process.env[inputEnvName(name)] = value;

  const chunks: string[] = [];
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    if (options.echo) return (savedWrite as (...a: unknown[]) => boolean).call(process.stdout, chunk, ...rest);
    const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    cb?.();
    return true;
  }) as typeof process.stdout.write;

  const stdout = (): string => chunks.join('');
  return {
    dir: RUNNER_DIR,
    workspace,
    outputFile,
    summaryFile,
    stdout,
    commands: () => parseCommands(stdout()),
    annotations: () => parseCommands(stdout()).filter((c) => ['error', 'warning', 'notice'].includes(c.command)),
    outputs: () => parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: () => readFileSync(summaryFile, 'utf8'),
    exitCode: () => process.exitCode,
    writeWorkspaceFile: (relative, content) => {
      const p = path.join(workspace, relative);
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, content);
      return p;
    },
    restore: () => {
      process.stdout.write = savedWrite;
      for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
      Object.assign(process.env, savedEnv);
      process.exitCode = savedExitCode;
    },
  };
}
