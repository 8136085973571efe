// scan() of a build laid out in a test's temporary folder.
import { RecordingLogger } from '../../src/logging.js';
import type { Report } from '../../src/report/model.js';
import { scan } from '../../src/scan.js';
import type { ScanOptions } from '../../src/scan-options.js';

/** The "today" of these scans (exemption dates). */
export const TODAY = new Date('2026-11-01T00:00:00Z');

/** scan() from `cwd` of the folder `build` there, as EU, never failing, unless `options` say otherwise. */
export function scanIn(cwd: string, options: Partial<ScanOptions> = {}): Promise<Report> {
  return scan({ inputs: ['build'], market: 'EU', failOn: 'never', cwd, now: TODAY, ...options }, new RecordingLogger());
}
