// Runs the CLI in-process with captured stdout, stderr and log lines (the engine's logger).
import { runCli } from '../../src/cli/run.js';
import { RecordingLogger } from '../../src/logging.js';

export async function runCliCaptured(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string; logger: RecordingLogger }> {
  let stdout = '';
  let stderr = '';
  const logger = new RecordingLogger();
  const code = await runCli(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), logger, cwd });
  return { code, stdout, stderr, logger };
}
