/**
 * The job summary: posts markdown that render-markdown already sized. Posting only: it never
 * decides what the summary says. Outside a runner (no GITHUB_STEP_SUMMARY) it does nothing.
 */
import type { summary as coreSummary } from '@actions/core';
import { SUMMARY_MAX_BYTES } from '../report/render-markdown.js';

/** The part of @actions/core this channel uses. */
export interface SummarySink {
  summary: Pick<typeof coreSummary, 'addRaw' | 'write' | 'emptyBuffer'>;
}

export type SummaryResult = 'written' | 'no-summary-file' | 'replaced-oversized';

/**
 * Appends `markdown` to the step summary. Text over the 1 MiB limit (a caller bug: the renderer
 * sizes it) is replaced by a short note rather than posted and rejected by GitHub.
 */
export async function writeSummary(
  markdown: string,
  sink: SummarySink,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SummaryResult> {
  if (!env.GITHUB_STEP_SUMMARY) return 'no-summary-file';
  let text = markdown.endsWith('\n') ? markdown : `${markdown}\n`;
  let result: SummaryResult = 'written';
  if (Buffer.byteLength(text, 'utf8') > SUMMARY_MAX_BYTES) {
    text = '## activation-gate\n\nThe summary was larger than 1 MiB and was not posted; see the report file and the annotations.\n';
    result = 'replaced-oversized';
  }
  sink.summary.emptyBuffer();
  await sink.summary.addRaw(text).write();
  return result;
}
