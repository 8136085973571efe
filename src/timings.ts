/**
 * Phase timings for profiling (`ACTIVATION_GATE_TIMINGS=1`): each mark writes the time since
 * the previous one, and the process's resident memory, to stderr. Off by default; never part of
 * a report.
 */
const enabled = process.env.ACTIVATION_GATE_TIMINGS === '1';
let last = performance.now();

export function mark(phase: string): void {
  if (!enabled) return;
  const now = performance.now();
  const rss = process.memoryUsage.rss() / 2 ** 20;
  process.stderr.write(`timing: ${phase} ${((now - last) / 1000).toFixed(3)} s, rss ${rss.toFixed(0)} MiB\n`);
  last = now;
}
