/**
 * `--format json` and the Action's `report-file`: the canonical report, byte-identical for the
 * same facts (sorted arrays, fixed key order, 2-space indent, trailing newline, no timestamps
 * other than the deterministic `audit.now`).
 */
import type { Report } from './model.js';
import { sortReport } from './sort.js';

export function renderJson(report: Report): string {
  return `${JSON.stringify(sortReport(report), null, 2)}\n`;
}
