/**
 * The merge of per-worker facts: the first evidence items of several lists must be exactly what
 * sorting their union gives, whether the lists come sorted (the fast path) or not.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { compareEvidence } from '../../src/extract/collector.js';
import { firstSorted, mergeEndpointFacts } from '../../src/extract/partial.js';
import type { EndpointFact, Evidence } from '../../src/facts.js';
import '../helpers/fast-check-seed.js';

const evidence = fc.record({
  path: fc.constantFrom('system/app/A/A.apk', 'system/app/B/B.apk', 'vendor/lib64/libx.so'),
  entry: fc.option(fc.constantFrom('classes.dex', 'classes2.dex', 'resources.arsc'), { nil: undefined }),
  source: fc.constantFrom('dex', 'arsc', 'native') as fc.Arbitrary<Evidence['source']>,
  offset: fc.nat({ max: 50 }),
}).map((e) => (e.entry === undefined ? { path: e.path, source: e.source, offset: e.offset } : e) as Evidence);

describe('merging evidence', () => {
  it('firstSorted equals sort-then-cap, for sorted and unsorted lists (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(evidence, { maxLength: 30 }), { maxLength: 5 }), fc.boolean(), fc.integer({ min: 0, max: 25 }), (lists, sortFirst, cap) => {
        const input = sortFirst ? lists.map((l) => [...l].sort(compareEvidence)) : lists;
        const expected = input.flat().sort(compareEvidence).slice(0, cap);
        expect(firstSorted(input, cap)).toEqual(expected);
      }),
    );
  });

  it('mergeEndpointFacts joins one host found by two workers: artifacts, counts, ports and the first 20 evidence items', () => {
    const ev = (path: string, offset: number): Evidence => ({ path, entry: 'classes.dex', source: 'dex', offset });
    const a: EndpointFact = { kind: 'host', value: 'zzhc.vnet.cn', artifacts: ['b.apk'], evidence: Array.from({ length: 20 }, (_, i) => ev('b.apk', i)), evidenceCount: 31, ports: [80] };
    const b: EndpointFact = { kind: 'host', value: 'zzhc.vnet.cn', artifacts: ['a.apk'], evidence: [ev('a.apk', 7), ev('a.apk', 9)], evidenceCount: 2, schemes: ['http'] };
    const [m] = mergeEndpointFacts([[a], [b]]);
    expect(m.artifacts).toEqual(['a.apk', 'b.apk']);
    expect(m.evidenceCount).toBe(33);
    expect(m.evidence.map((e) => `${e.path}@${e.offset}`)).toEqual(['a.apk@7', 'a.apk@9', ...Array.from({ length: 18 }, (_, i) => `b.apk@${i}`)]);
    expect(m.ports).toEqual([80]);
    expect(m.schemes).toEqual(['http']);
  });
});
