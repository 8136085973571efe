import { describe, expect, it, jest } from '@jest/globals';
import type { AnnotationProperties } from '@actions/core';
import { clampMaxPerLevel, emitAnnotations, planAnnotations } from '../../src/channels/annotations.js';
import type { Finding, Severity } from '../../src/report/model.js';
import { createTestFinding, seededRandom, shuffle } from '../../__fixtures__/report.js';

function many(n: number, severity: Severity, prefix: string = severity): Finding[] {
  return Array.from({ length: n }, (_, i) =>
    createTestFinding({
      severity,
      rule: severity === 'error' ? 'denied-endpoint' : severity === 'warning' ? 'unlisted-endpoint' : 'dormant-variant',
      endpoint: `${prefix}${String(i).padStart(3, '0')}.example.cn`,
      message: `${prefix} ${i}`,
      location: { file: 'device/acme/ctl/product.mk', line: i + 1 },
    }),
  );
}

function levels(plan: ReturnType<typeof planAnnotations>): Record<string, number> {
  const out: Record<string, number> = { error: 0, warning: 0, notice: 0 };
  for (const a of plan.annotations) out[a.level]++;
  return out;
}

describe('planAnnotations', () => {
  it('25 errors + 3 warnings: 10 errors, 3 warnings and one notice for the 15 left out', () => {
    const plan = planAnnotations([...many(25, 'error'), ...many(3, 'warning')]);
    expect(levels(plan)).toEqual({ error: 10, warning: 3, notice: 1 });
    expect(plan.omitted).toBe(15);
    expect(plan.omittedByLevel).toEqual({ error: 15, warning: 0, notice: 0 });
    const last = plan.annotations[plan.annotations.length - 1];
    expect(last.level).toBe('notice');
    expect(last.message).toMatch(/^15 more findings: see the job summary \(15 errors not annotated;/);
    expect(last.properties.title).toBe('activation-gate: more findings');
  });

  it('reserves one notice slot for the "more" notice when anything is cut', () => {
    // 25 errors + 3 warnings + 12 notes: notes get 9 slots, the 10th is the summary notice.
    const plan = planAnnotations([...many(25, 'error'), ...many(3, 'warning'), ...many(12, 'note')]);
    expect(levels(plan)).toEqual({ error: 10, warning: 3, notice: 10 });
    expect(plan.omittedByLevel).toEqual({ error: 15, warning: 0, notice: 3 });
    expect(plan.annotations[plan.annotations.length - 1].message).toMatch(/^18 more findings: see the job summary \(15 errors, 3 notes not annotated/);
  });

  it('uses all 10 notice slots for notes when nothing is cut', () => {
    const plan = planAnnotations([...many(5, 'error'), ...many(10, 'note')]);
    expect(levels(plan)).toEqual({ error: 5, warning: 0, notice: 10 });
    expect(plan.omitted).toBe(0);
    expect(plan.annotations.some((a) => a.message.includes('more finding'))).toBe(false);
  });

  it('11 notes alone: 9 notes and "2 more findings"', () => {
    const plan = planAnnotations(many(11, 'note'));
    expect(levels(plan)).toEqual({ error: 0, warning: 0, notice: 10 });
    expect(plan.annotations[9].message).toMatch(/^2 more findings: see the job summary \(2 notes/);
  });

  it('says "1 more finding" in the singular', () => {
    const plan = planAnnotations(many(11, 'error'));
    expect(plan.annotations[plan.annotations.length - 1].message).toMatch(/^1 more finding: see the job summary \(1 error not annotated/);
  });

  it('puts the most severe first, each level in report order', () => {
    const findings = shuffle([...many(3, 'note'), ...many(12, 'error'), ...many(4, 'warning')], seededRandom(3));
    const plan = planAnnotations(findings);
    expect(plan.annotations.map((a) => a.level)).toEqual([
      ...Array(10).fill('error'),
      ...Array(4).fill('warning'),
      ...Array(3).fill('notice'),
      'notice',
    ]);
    expect(plan.annotations.slice(0, 10).map((a) => a.message)).toEqual(many(10, 'error').map((f) => f.message));
  });

  it('never annotates suppressed findings nor counts them as left out', () => {
    const suppressed = many(30, 'error').map((f) => ({ ...f, suppressed: { reason: 'reviewed', owner: '@acme', expires: '2027-01-01' } }));
    const plan = planAnnotations([...suppressed, ...many(2, 'error', 'active')]);
    expect(levels(plan)).toEqual({ error: 2, warning: 0, notice: 0 });
    expect(plan.omitted).toBe(0);
  });

  it('clamps maxPerLevel to 1..10', () => {
    expect(clampMaxPerLevel(0)).toBe(1);
    expect(clampMaxPerLevel(-3)).toBe(1);
    expect(clampMaxPerLevel(50)).toBe(10);
    expect(clampMaxPerLevel(Number.NaN)).toBe(10);
    expect(clampMaxPerLevel(undefined)).toBe(10);
    expect(clampMaxPerLevel(3.7)).toBe(3);
    expect(levels(planAnnotations(many(25, 'error'), { maxPerLevel: 50 }))).toEqual({ error: 10, warning: 0, notice: 1 });
  });

  it('with maxPerLevel 1 the notice slot goes to the "more" notice', () => {
    const plan = planAnnotations([...many(3, 'error'), ...many(2, 'note')], { maxPerLevel: 1 });
    expect(levels(plan)).toEqual({ error: 1, warning: 0, notice: 1 });
    expect(plan.annotations[1].message).toMatch(/^4 more findings: see the job summary \(2 errors, 2 notes/);
  });

  it('subtracts slots already used in the step', () => {
    const plan = planAnnotations([...many(12, 'error'), ...many(12, 'warning')], { used: { error: 1, warning: 3, notice: 2 } });
    expect(levels(plan)).toEqual({ error: 9, warning: 7, notice: 1 });
    expect(plan.omitted).toBe(3 + 5);
  });

  it('drops the "more" notice only when no notice slot is left at all', () => {
    const plan = planAnnotations(many(12, 'error'), { used: { notice: 10 } });
    expect(levels(plan)).toEqual({ error: 10, warning: 0, notice: 0 });
    expect(plan.omitted).toBe(2);
  });

  it('titles annotations by rule and points them at the finding location', () => {
    const plan = planAnnotations([createTestFinding({ location: { file: 'device/acme/ctl/Android.bp', line: 7, column: 3 } })]);
    expect(plan.annotations[0]).toEqual({
      level: 'error',
      message: createTestFinding().message,
      properties: { title: 'activation-gate: wrong-market-client', file: 'device/acme/ctl/Android.bp', startLine: 7, startColumn: 3 },
    });
  });

  it('uses the fallback location for findings without one or outside the repository', () => {
    const findings = [
      createTestFinding({ location: undefined }),
      createTestFinding({ rule: 'denied-endpoint', location: { file: '../elsewhere/product.mk', line: 4 } }),
      createTestFinding({ rule: 'test-key-signer', location: { file: 'device/acme/ctl/product.mk', line: 9 } }),
    ];
    const plan = planAnnotations(findings, {
      fallback: { file: '.github/activation-gate.yml', line: 1 },
      mapLocation: (l) => (l.file.startsWith('..') ? undefined : { ...l, file: `src/${l.file}` }),
    });
    expect(plan.annotations.map((a) => `${a.properties.file}:${a.properties.startLine}`)).toEqual([
      '.github/activation-gate.yml:1',
      '.github/activation-gate.yml:1',
      'src/device/acme/ctl/product.mk:9',
    ]);
  });

  it('gives no file at all when there is neither a location nor a fallback', () => {
    const plan = planAnnotations([createTestFinding({ location: undefined })]);
    expect(plan.annotations[0].properties).toEqual({ title: 'activation-gate: wrong-market-client' });
  });
});

describe('emitAnnotations', () => {
  it('posts each planned annotation through the sink, in order', () => {
    const calls: string[] = [];
    const record = (level: string) =>
      jest.fn((message: string, props?: AnnotationProperties) => {
        calls.push(`${level}|${props?.file ?? ''}|${message}`);
      });
    const sink = { error: record('error'), warning: record('warning'), notice: record('notice') };
    emitAnnotations(planAnnotations([...many(11, 'error'), ...many(1, 'warning')]), sink);
    expect(sink.error).toHaveBeenCalledTimes(10);
    expect(sink.warning).toHaveBeenCalledTimes(1);
    expect(sink.notice).toHaveBeenCalledTimes(1);
    expect(calls[0]).toBe('error|device/acme/ctl/product.mk|error 0');
    expect(calls[11]).toMatch(/^notice\|\|1 more finding: see the job summary/);
    expect(sink.error.mock.calls[0][1]).toEqual({ title: 'activation-gate: denied-endpoint', file: 'device/acme/ctl/product.mk', startLine: 1 });
  });
});
