/**
 * Progress for long scans: a live line on a terminal (files, bytes, rate, ETA), plain lines at
 * an interval in CI logs. Always on stderr (or the logger), never on stdout, so `--format json`
 * output stays clean.
 */
import type { ProgressFactory } from './extract/input.js';
import type { Logger } from './logging.js';
import { visible } from './report/render-text.js';

const MB = 1e6;

/** Milliseconds since some fixed point: Date.now, or a test's clock. */
export type Clock = () => number;

/**
 * The counts part of a progress line: `3/10 files, 12/40 MB, 6 MB/s, ETA 5 s`. The time left is
 * the work left at the rate of work so far (`work` of `totalWork`: workOf in work.ts, where an
 * APK's byte costs more than a plain file's), or the bytes left at the rate of bytes without it.
 */
export function progressCounts(
  files: number,
  totalFiles: number,
  bytes: number,
  totalBytes: number,
  elapsedMs: number,
  work?: { done: number; total: number },
): string {
  const secs = elapsedMs / 1000;
  const rate = secs > 0 ? bytes / secs : 0;
  const [done, total] = work ? [work.done, work.total] : [bytes, totalBytes];
  const eta = secs > 0 && done > 0 ? Math.max(0, ((total - done) * secs) / done) : undefined;
  return `${files}/${totalFiles} files, ${(bytes / MB).toFixed(0)}/${(totalBytes / MB).toFixed(0)} MB, ${(rate / MB).toFixed(0)} MB/s${eta !== undefined ? `, ETA ${eta.toFixed(0)} s` : ''}`;
}

/** The width a live line may use on `stream`: its columns less one; 120 when it does not say (a pseudo-terminal without a size reports 0). */
function usableWidth(stream: NodeJS.WriteStream): number {
  const cols = stream.columns;
  return (typeof cols === 'number' && cols > 0 ? cols : 120) - 1;
}

/**
 * `input: counts` in at most `width` characters. The counts are what changes, so a line too long
 * loses the start of the input (`…corpus/system: 3/10 files, ...`), and only when even the counts
 * do not fit are they cut.
 */
export function fitProgressLine(input: string, counts: string, width: number): string {
  const full = `${input}: ${counts}`;
  if (full.length <= width) return full;
  const room = width - counts.length - 2; // ": "
  if (room >= 2) return `…${input.slice(input.length - (room - 1))}: ${counts}`;
  return counts.slice(0, Math.max(0, width));
}

/**
 * A live, self-overwriting line on a terminal stream. The input's name is shown as the text
 * report shows names (`visible`): a folder from a supplier's drop named `build<ESC>[8m`, scanned
 * as `scan drop/*`, would otherwise switch the terminal to concealed text, and the verdict and
 * report printed after it would not show.
 */
export function terminalProgress(stream: NodeJS.WriteStream, minIntervalMs = 100, now: Clock = Date.now): ProgressFactory {
  return (rawInput, totalFiles, totalBytes, totalWork) => {
    const input = visible(rawInput);
    const started = now();
    let last = -Infinity;
    let shown = false;
    return {
      update: ({ files, bytes, work }) => {
        const t = now();
        if (t - last < minIntervalMs && files < totalFiles) return;
        last = t;
        shown = true;
        const counts = progressCounts(files, totalFiles, bytes, totalBytes, t - started, workPair(work, totalWork));
        stream.write(`\r\u001b[2K${fitProgressLine(input, counts, usableWidth(stream))}`);
      },
      done: () => {
        if (shown) stream.write('\r\u001b[2K');
      },
    };
  };
}

/** Plain lines every `intervalMs` (CI logs), through the logger. */
export function periodicProgress(logger: Logger, intervalMs = 10_000, now: Clock = Date.now): ProgressFactory {
  return (input, totalFiles, totalBytes, totalWork) => {
    const started = now();
    let last = started;
    return {
      update: ({ files, bytes, work }) => {
        const t = now();
        if (t - last < intervalMs) return;
        last = t;
        logger.info(`${input}: ${progressCounts(files, totalFiles, bytes, totalBytes, t - started, workPair(work, totalWork))}`);
      },
      done: () => undefined,
    };
  };
}

/** The work done and in all, when both are known. */
function workPair(done: number | undefined, total: number | undefined): { done: number; total: number } | undefined {
  return done !== undefined && total !== undefined ? { done, total } : undefined;
}

/** The right progress for a stream: live on a terminal outside CI, periodic lines otherwise. */
export function progressFor(stream: NodeJS.WriteStream, logger: Logger, env: NodeJS.ProcessEnv = process.env): ProgressFactory {
  return stream.isTTY && !env.CI ? terminalProgress(stream) : periodicProgress(logger);
}
