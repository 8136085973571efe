/**
 * sortedView: the lists a renderer shows in the order sortReport gives them, without the copy
 * (markdown and step outputs read fields; a build with 35,000 endpoints was copied whole for each).
 */
import { describe, expect, it } from '@jest/globals';
import { sortedView, sortReport } from '../../src/report/sort.js';
import { createTestEndpoint, createTestEvidence, createTestFinding, createTestReport, createTestTarget } from '../../__fixtures__/report.js';

function shuffled() {
  const ev = (path: string, offset: number) => createTestEvidence({ path, offset });
  return createTestReport({
    targets: [
      createTestTarget({ id: 'b@x' }),
      createTestTarget({
        id: 'a@x',
        endpoints: [
          createTestEndpoint({ value: 'z.example.cn', evidence: [ev('b', 2), ev('a', 9), ev('a', 1)], packages: ['p2', 'p1', 'p2'] }),
          createTestEndpoint({ value: 'a.example.cn', evidence: [ev('a', 1)] }),
        ],
        unreadable: [
          { path: 'z.apk', format: 'zip', reason: 'r' },
          { path: 'a.apk', format: 'zip', reason: 'r' },
        ],
      }),
    ],
    findings: [
      createTestFinding({ target: 'b@x', severity: 'warning', rule: 'unlisted-endpoint', message: 'w' }),
      createTestFinding({ target: 'a@x', rule: 'denied-endpoint', message: 'e', evidence: [ev('b', 1), ev('a', 1)] }),
    ],
  });
}

describe('sortedView', () => {
  it('orders targets, findings, endpoints, evidence, packages and unreadable as sortReport does', () => {
    const report = shuffled();
    const view = sortedView(report);
    const canon = sortReport(report);
    expect(view.targets.map((t) => t.id)).toEqual(canon.targets.map((t) => t.id));
    expect(view.findings.map((f) => f.message)).toEqual(canon.findings.map((f) => f.message));
    expect(view.findings[0].evidence).toEqual(canon.findings[0].evidence);
    const [v, c] = [view.targets[0], canon.targets[0]];
    expect(v.endpoints.map((e) => e.value)).toEqual(c.endpoints.map((e) => e.value));
    expect(v.endpoints.map((e) => [e.evidence, e.packages])).toEqual(c.endpoints.map((e) => [e.evidence, e.packages]));
    expect(v.unreadable).toEqual(c.unreadable);
    // The report itself is left as it was.
    expect(report.targets[0].id).toBe('b@x');
    expect(report.targets[1].endpoints[0].packages).toEqual(['p2', 'p1', 'p2']);
  });

  it('shares what is already in order: no copy of the elements', () => {
    const report = sortReport(shuffled());
    const view = sortedView(report);
    view.findings.forEach((f, i) => expect(f).toBe(report.findings[i]));
    view.targets.forEach((t, i) => {
      t.endpoints.forEach((e, j) => expect(e).toBe(report.targets[i].endpoints[j]));
      expect(t.unreadable).toBe(report.targets[i].unreadable);
    });
    // Made once per report: the summary and the step outputs share it.
    expect(sortedView(report)).toBe(view);
    expect(sortedView(view)).toBe(view);
  });
});
