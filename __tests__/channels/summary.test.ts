import { describe, expect, it } from '@jest/globals';
import { writeSummary, type SummarySink } from '../../src/channels/summary.js';

function fakeSink() {
  const written: string[] = [];
  let buffer = '';
  const summary = {
    addRaw(text: string) {
      buffer += text;
      return summary;
    },
    async write() {
      written.push(buffer);
      buffer = '';
      return summary;
    },
    emptyBuffer() {
      buffer = '';
      return summary;
    },
  };
  return { sink: { summary } as unknown as SummarySink, written };
}

describe('writeSummary', () => {
  it('writes the markdown with a trailing newline', async () => {
    const { sink, written } = fakeSink();
    expect(await writeSummary('## hi', sink, { GITHUB_STEP_SUMMARY: '/tmp/x' })).toBe('written');
    expect(written).toEqual(['## hi\n']);
  });

  it('does nothing outside a runner', async () => {
    const { sink, written } = fakeSink();
    expect(await writeSummary('## hi', sink, {})).toBe('no-summary-file');
    expect(written).toEqual([]);
  });

  it('replaces text over 1 MiB with a short note', async () => {
    const { sink, written } = fakeSink();
    expect(await writeSummary('x'.repeat(1024 * 1024 + 1), sink, { GITHUB_STEP_SUMMARY: '/tmp/x' })).toBe('replaced-oversized');
    expect(written[0]).toMatch(/larger than 1 MiB/);
    expect(written[0].length).toBeLessThan(1000);
  });
});
