/**
 * Progress for long scans: a live line on a terminal (files, bytes, rate, ETA), plain lines at
 * an interval in CI logs. Always on stderr (or the logger), never on stdout, so `--format json`
 * output stays clean.
 */
import type { ProgressFactory } from './extract/input.js';
import type { Logger } from './logging.js';

const MB = 1e6;

function line(input: string, files: number, totalFiles: number, bytes: number, totalBytes: number, started: number): string {
  const secs = (Date.now() - started) / 1000;
  const rate = secs > 0 ? bytes / secs : 0;
  const eta = rate > 0 ? Math.max(0, (totalBytes - bytes) / rate) : undefined;
  return `${input}: ${files}/${totalFiles} files, ${(bytes / MB).toFixed(0)}/${(totalBytes / MB).toFixed(0)} MB, ${(rate / MB).toFixed(0)} MB/s${eta !== undefined ? `, ETA ${eta.toFixed(0)} s` : ''}`;
}

/** A live, self-overwriting line on a terminal stream. */
export function terminalProgress(stream: NodeJS.WriteStream, minIntervalMs = 100): ProgressFactory {
  return (input, totalFiles, totalBytes) => {
    const started = Date.now();
    let last = 0;
    let shown = false;
    return {
      update: ({ files, bytes }) => {
        const now = Date.now();
        if (now - last < minIntervalMs && files < totalFiles) return;
        last = now;
        shown = true;
        const text = line(input, files, totalFiles, bytes, totalBytes, started);
        stream.write(`\r\u001b[2K${text.slice(0, Math.max(20, (stream.columns ?? 120) - 1))}`);
      },
      done: () => {
        if (shown) stream.write('\r\u001b[2K');
      },
    };
  };
}

/** Plain lines every `intervalMs` (CI logs), through the logger. */
export function periodicProgress(logger: Logger, intervalMs = 10_000): ProgressFactory {
  return (input, totalFiles, totalBytes) => {
    const started = Date.now();
    let last = started;
    return {
      update: ({ files, bytes }) => {
        const now = Date.now();
        if (now - last < intervalMs) return;
        last = now;
        logger.info(line(input, files, totalFiles, bytes, totalBytes, started));
      },
      done: () => undefined,
    };
  };
}

/** The right progress for a stream: live on a terminal outside CI, periodic lines otherwise. */
export function progressFor(stream: NodeJS.WriteStream, logger: Logger, env: NodeJS.ProcessEnv = process.env): ProgressFactory {
  return stream.isTTY && !env.CI ? terminalProgress(stream) : periodicProgress(logger);
}
