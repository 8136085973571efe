/**
 * publishCheckRun against a client that fails part way (a review left a check run `in_progress`
 * for ever when the second of its annotation batches got a 502: a required check then holds the
 * pull request pending). The run is completed with its conclusion all the same, and the error is
 * still thrown for the step's log.
 */
import { describe, expect, it } from '@jest/globals';
import { publishCheckRun, type CheckAnnotation, type ChecksClient, type CheckRunPlan } from '../../src/channels/check-run.js';

interface Call {
  kind: 'create' | 'update';
  status?: string;
  conclusion?: string;
  annotations?: number;
  summary: string;
  signalAborted?: boolean;
}

function fakeClient(failAt: number | undefined, abort?: AbortController): { client: ChecksClient; calls: Call[] } {
  const calls: Call[] = [];
  const client: ChecksClient = {
    rest: {
      checks: {
        create: async (p) => {
          calls.push({ kind: 'create', status: p.status, annotations: p.output.annotations?.length, summary: p.output.summary });
          return { data: { id: 7, html_url: 'https://example.test/runs/7' } };
        },
        update: async (p) => {
          calls.push({ kind: 'update', status: p.status, conclusion: p.conclusion, annotations: p.output.annotations?.length, summary: p.output.summary, signalAborted: p.request?.signal?.aborted });
          if (calls.length === failAt) {
            abort?.abort();
            throw Object.assign(new Error('Bad Gateway'), { status: 502 });
          }
          return {};
        },
      },
    },
  };
  return { client, calls };
}

const annotation: CheckAnnotation = { path: 'device/acme/product.mk', start_line: 4, end_line: 4, annotation_level: 'failure', message: 'denied', title: 'denied-endpoint' };
const plan = (batches: number): CheckRunPlan => ({
  name: 'activation-gate',
  headSha: 'abc',
  title: 'FAIL',
  summary: 'the summary',
  conclusion: 'failure',
  batches: Array.from({ length: batches }, () => Array.from({ length: 50 }, () => annotation)),
  omitted: 0,
});

describe('publishCheckRun', () => {
  it('all batches sent: create, one update per further batch, then completed', async () => {
    const { client, calls } = fakeClient(undefined);
    const r = await publishCheckRun(client, { owner: 'acme', repo: 'fw' }, plan(3));
    expect(r).toEqual({ id: 7, url: 'https://example.test/runs/7', requests: 4 });
    expect(calls.map((c) => [c.kind, c.status, c.conclusion, c.annotations])).toEqual([
      ['create', 'in_progress', undefined, 50],
      ['update', undefined, undefined, 50],
      ['update', undefined, undefined, 50],
      ['update', 'completed', 'failure', undefined],
    ]);
  });

  it('a batch that fails: the run is still completed with its conclusion and a line saying how many annotations are missing; the error is thrown', async () => {
    const { client, calls } = fakeClient(2);
    await expect(publishCheckRun(client, { owner: 'acme', repo: 'fw' }, plan(4))).rejects.toThrow('Bad Gateway');
    expect(calls.map((c) => [c.kind, c.status, c.conclusion])).toEqual([
      ['create', 'in_progress', undefined],
      ['update', undefined, undefined],
      ['update', 'completed', 'failure'],
    ]);
    expect(calls[2].summary).toMatch(/^the summary\n\n\*\*150 annotations could not be uploaded\*\*/);
  });

  it('after the time limit aborted a batch, the completing request gets a signal of its own', async () => {
    const abort = new AbortController();
    const { client, calls } = fakeClient(3, abort);
    await expect(publishCheckRun(client, { owner: 'acme', repo: 'fw' }, plan(3), abort.signal)).rejects.toThrow('Bad Gateway');
    expect(calls.map((c) => [c.kind, c.status, c.signalAborted])).toEqual([
      ['create', 'in_progress', undefined],
      ['update', undefined, false],
      ['update', undefined, false],
      ['update', 'completed', false],
    ]);
    expect(calls[3].summary).toMatch(/\*\*50 annotations could not be uploaded\*\*/);
  });
});
