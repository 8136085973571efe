/**
 * Progress lines: what a release engineer watching a long scan sees on a terminal (one live line)
 * and in a CI log (a plain line at an interval), with a clock the test drives.
 */
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { RecordingLogger } from '../src/logging.js';
import { existsSync } from 'node:fs';
import { setWorkerScript } from '../src/extract/pool.js';
import { workOf } from '../src/extract/work.js';
import { fitProgressLine, periodicProgress, progressCounts, progressFor, terminalProgress } from '../src/progress.js';
import { scan } from '../src/scan.js';

/** A stand-in for process.stderr: what was written, and the terminal width it reports. */
function fakeTerminal(columns: number | undefined): NodeJS.WriteStream & { out: string[] } {
  const out: string[] = [];
  return { out, columns, isTTY: true, write: (s: string) => (out.push(s), true) } as unknown as NodeJS.WriteStream & { out: string[] };
}

function clock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

const CLEAR = '\r\u001b[2K';

/** The line a terminal `columns` wide shows for `input` one second in, half of 2 files (20 MB) read. */
function firstLine(columns: number | undefined, input: string): string {
  const term = fakeTerminal(columns);
  const c = clock();
  const p = terminalProgress(term, 100, c.now)(input, 2, 20e6);
  c.advance(1000);
  p.update({ files: 1, bytes: 10e6 });
  expect(term.out).toHaveLength(1);
  return term.out[0].slice(CLEAR.length);
}

describe('progressCounts', () => {
  it('gives files, megabytes, the rate so far and the time left at that rate', () => {
    // 200 MB of 1000 MB in 4 s: 50 MB/s, 800 MB left = 16 s
    expect(progressCounts(3, 10, 200e6, 1000e6, 4000)).toBe('3/10 files, 200/1000 MB, 50 MB/s, ETA 16 s');
  });

  it('says no ETA before anything was read', () => {
    expect(progressCounts(0, 10, 0, 1000e6, 0)).toBe('0/10 files, 0/1000 MB, 0 MB/s');
  });

  it('estimates the time left by work, not bytes, when it has both', () => {
    // A 600 MB native library (work 600) done in 1 s, 400 MB of APKs (work 1600) left: by bytes
    // that is 0.7 s more, by work 2.7 s (as on the benchmark build, where it said 0-1 s for three
    // quarters of the scan).
    expect(progressCounts(1, 5, 600e6, 1000e6, 1000)).toBe('1/5 files, 600/1000 MB, 600 MB/s, ETA 1 s');
    expect(progressCounts(1, 5, 600e6, 1000e6, 1000, { done: 600e6, total: 2200e6 })).toBe('1/5 files, 600/1000 MB, 600 MB/s, ETA 3 s');
  });
});

describe('workOf', () => {
  it('costs an APK-like archive twice a plain file per byte and 3.3 ms to open, an image 3 times per byte', () => {
    const MB = 1e6;
    expect(workOf({ relPath: 'system/lib64/libLLVM.so', size: 100 * MB })).toBe(100.07 * MB);
    for (const p of ['system/app/A/A.apk', 'system/apex/x.APEX', 'y.capex', 'framework/f.jar', 'ota/target-files.zip']) expect(workOf({ relPath: p, size: 100 * MB })).toBe(203.3 * MB);
    expect(workOf({ relPath: 'system.img', size: 100 * MB })).toBe(300 * MB);
    // The extension is the last name's: a folder with a dot does not count.
    expect(workOf({ relPath: 'odd.apk/README', size: 100 * MB })).toBe(100.07 * MB);
    // 300 APKs of 100 kB cost more than one 100 MB library, by a little under ten times.
    expect((300 * workOf({ relPath: 'a.apk', size: 0.1 * MB })) / workOf({ relPath: 'lib.so', size: 100 * MB })).toBeCloseTo(10.5, 1);
  });
});

/** Scans the mixed build; the work it announced and the last progress it reported. */
async function workOfScan(workers: number): Promise<{ total?: number; bytes: number; last: { files: number; bytes: number; work?: number } }> {
  const seen: { total?: number; bytes: number; last: { files: number; bytes: number; work?: number } } = { bytes: 0, last: { files: 0, bytes: 0 } };
  await scan(
    {
      inputs: ['__tests__/fixtures/builds/mixed'],
      market: 'EU',
      failOn: 'never',
      cwd: join(import.meta.dirname, '..'),
      workers,
      progress: (_input, _files, bytes, work) => {
        seen.total = work;
        seen.bytes = bytes;
        return { update: (d) => void (seen.last = d), done: () => undefined };
      },
    },
    new RecordingLogger(),
  );
  return seen;
}

describe('a scan reports its work', () => {
  it('reaches the total work it announced in-process, the APKs weighing more', async () => {
    const seen = await workOfScan(1);
    expect(seen.last.work).toBe(seen.total);
    expect(seen.last.bytes).toBe(seen.bytes);
    expect(seen.total!).toBeGreaterThan(seen.bytes); // the build holds APKs
  });

  // Jest runs the sources, which start no worker threads by themselves; the bundled worker
  // (dist/worker.js, as the CLI and the Action load it) makes this scan use the pool.
  const worker = new URL('../dist/worker.js', import.meta.url);
  const withWorkers = existsSync(worker) ? it : it.skip;
  if (!existsSync(worker)) console.warn('SKIPPED: the progress test on worker threads needs dist/worker.js (npm run package)');
  withWorkers('reaches the total work it announced on two worker threads too', async () => {
    setWorkerScript(worker);
    const seen = await workOfScan(2);
    expect(seen.last.work).toBeCloseTo(seen.total!, 0);
    expect(seen.last.bytes).toBe(seen.bytes);
    expect(seen.total!).toBeGreaterThan(seen.bytes);
  });
});

describe('fitProgressLine', () => {
  const counts = '3/10 files, 200/1000 MB, 50 MB/s, ETA 16 s'; // 42 characters

  it('keeps a line that fits as it is', () => {
    expect(fitProgressLine('out/target/product/x', counts, 80)).toBe(`out/target/product/x: ${counts}`);
  });

  it('drops the start of a long input, never the counts', () => {
    const input = '/home/builder/aosp/out/target/product/generic_x86_64';
    const line = fitProgressLine(input, counts, 60);
    expect(line).toHaveLength(60);
    expect(line.endsWith(`: ${counts}`)).toBe(true);
    expect(line.startsWith('…')).toBe(true);
    expect(input.endsWith(line.slice(1, line.length - counts.length - 2))).toBe(true);
  });

  it('cuts the counts only when they alone do not fit', () => {
    expect(fitProgressLine('x/y', counts, 20)).toBe(counts.slice(0, 20));
  });
});

describe('terminalProgress', () => {
  it('rewrites one line at most every interval, always shows the last file, and clears it at the end', () => {
    const term = fakeTerminal(100);
    const c = clock();
    const p = terminalProgress(term, 100, c.now)('bench/corpus', 4, 400e6);
    c.advance(1000);
    p.update({ files: 1, bytes: 100e6 });
    c.advance(50);
    p.update({ files: 2, bytes: 200e6 }); // within 100 ms of the last: not shown
    c.advance(60);
    p.update({ files: 3, bytes: 300e6 });
    c.advance(10);
    p.update({ files: 4, bytes: 400e6 }); // the last file: shown however soon
    p.done();
    expect(term.out).toEqual([
      `${CLEAR}bench/corpus: 1/4 files, 100/400 MB, 100 MB/s, ETA 3 s`,
      `${CLEAR}bench/corpus: 3/4 files, 300/400 MB, 270 MB/s, ETA 0 s`,
      `${CLEAR}bench/corpus: 4/4 files, 400/400 MB, 357 MB/s, ETA 0 s`,
      CLEAR,
    ]);
  });

  it('fits the line to the terminal, keeping the counts', () => {
    const line = firstLine(50, '/very/long/path/to/the/product/out/folder');
    expect(line).toHaveLength(49);
    expect(line.endsWith(': 1/2 files, 10/20 MB, 10 MB/s, ETA 1 s')).toBe(true);
  });

  it('uses 120 columns when the terminal reports none or 0 (a pseudo-terminal without a size)', () => {
    const input = 'x'.repeat(60); // a 100-character line: cut at 80 or fewer columns, whole at 120
    for (const columns of [undefined, 0]) expect(firstLine(columns, input)).toBe(`${input}: 1/2 files, 10/20 MB, 10 MB/s, ETA 1 s`);
  });

  it('shows an input named with escape sequences as escapes, so it cannot restyle the terminal', () => {
    // A folder of a supplier's drop named `build<ESC>[8m` (scanned as `scan drop/*`): written as
    // it is, it switched the terminal to concealed text, and the verdict printed after it hid.
    expect(firstLine(120, 'drop/build\u001b[8m\u202e')).toBe('drop/build\\x1b[8m\\u{202e}: 1/2 files, 10/20 MB, 10 MB/s, ETA 1 s');
  });

  it('writes nothing at the end when it never showed a line', () => {
    const term = fakeTerminal(80);
    terminalProgress(term, 100, clock().now)('in', 1, 1).done();
    expect(term.out).toEqual([]);
  });
});

describe('periodicProgress', () => {
  it('logs a plain line once per interval, none before the first interval ends', () => {
    const logger = new RecordingLogger();
    const c = clock();
    const p = periodicProgress(logger, 10_000, c.now)('out/target/product/x', 100, 2000e6);
    c.advance(5_000);
    p.update({ files: 10, bytes: 200e6 });
    c.advance(5_000);
    p.update({ files: 20, bytes: 500e6 }); // 10 s in
    c.advance(4_000);
    p.update({ files: 30, bytes: 700e6 });
    c.advance(6_000);
    p.update({ files: 50, bytes: 1000e6 }); // 20 s in
    p.done();
    expect(logger.messages).toEqual([
      { level: 'info', message: 'out/target/product/x: 20/100 files, 500/2000 MB, 50 MB/s, ETA 30 s' },
      { level: 'info', message: 'out/target/product/x: 50/100 files, 1000/2000 MB, 50 MB/s, ETA 20 s' },
    ]);
  });
});

describe('progressFor', () => {
  it('is live on a terminal outside CI, plain lines in CI or when stderr is not a terminal', () => {
    const logger = new RecordingLogger();
    const kinds: string[] = [];
    for (const [isTTY, env] of [
      [true, {}],
      [true, { CI: 'true' }],
      [false, {}],
    ] as const) {
      const term = fakeTerminal(80);
      (term as { isTTY: boolean }).isTTY = isTTY;
      const p = progressFor(term, logger, env)('in', 1, 10);
      p.update({ files: 1, bytes: 10 }); // the last file: a terminal shows it at once, periodic waits
      kinds.push(term.out.length ? 'live' : 'periodic');
    }
    expect(kinds).toEqual(['live', 'periodic', 'periodic']);
    expect(logger.messages).toEqual([]);
  });
});

describe('a scan names the input in its progress as the user gave it', () => {
  it('passes the relative path, not the resolved one, to the progress', async () => {
    const root = join(import.meta.dirname, '..');
    const names: string[] = [];
    await scan(
      {
        inputs: ['__tests__/fixtures/apks'],
        market: 'EU',
        failOn: 'never',
        cwd: root,
        progress: (input) => {
          names.push(input);
          return { update: () => undefined, done: () => undefined };
        },
      },
      new RecordingLogger(),
    );
    expect(names).toEqual(['__tests__/fixtures/apks']);
  });
});
