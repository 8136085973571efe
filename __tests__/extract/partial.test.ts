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

describe('mergeEndpointFacts: lists in key order merged side by side, merged facts kept as they are', () => {
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  /** The merge as it was before either shortcut: gather by key, sort the keys, copy every fact. */
  function reference(lists: EndpointFact[][]): EndpointFact[] {
    const by = new Map<string, EndpointFact[]>();
    for (const l of lists) for (const f of l) by.set(`${f.kind}\u0000${f.value}`, [...(by.get(`${f.kind}\u0000${f.value}`) ?? []), f]);
    return [...by.values()]
      .sort((a, b) => cmp(a[0].kind, b[0].kind) || cmp(a[0].value, b[0].value))
      .map((facts) => {
        const m: EndpointFact = {
          kind: facts[0].kind,
          value: facts[0].value,
          artifacts: [...new Set(facts.flatMap((f) => f.artifacts))].sort(cmp),
          evidence: facts.flatMap((f) => f.evidence).sort(compareEvidence).slice(0, 20),
          evidenceCount: facts.reduce((n, f) => n + f.evidenceCount, 0),
        };
        const ports = facts.flatMap((f) => f.ports ?? []);
        const schemes = facts.flatMap((f) => f.schemes ?? []);
        if (ports.length) m.ports = [...new Set(ports)].sort((x, y) => x - y);
        if (schemes.length) m.schemes = [...new Set(schemes)].sort(cmp);
        if (facts.some((f) => f.cleartext)) m.cleartext = true;
        if (facts.some((f) => f.ignored)) m.ignored = true;
        return m;
      });
  }
  // Facts as a collector or a merge makes them, and as a cache or a hostile partial might hold
  // them: keys in another order, lists out of order or empty, false flags, too much evidence.
  const fact = fc
    .record({
      kind: fc.constantFrom('host', 'ip', 'sms') as fc.Arbitrary<EndpointFact['kind']>,
      value: fc.constantFrom('a.example.com', 'b.example.com', 'zzhc.vnet.cn', '10659401', '203.0.113.7'),
      artifacts: fc.uniqueArray(fc.constantFrom('a.apk', 'b.apk', 'c.apk', 'lib/x.so'), { minLength: 1, maxLength: 3 }),
      evidence: fc.array(evidence, { maxLength: 24 }),
      evidenceCount: fc.nat({ max: 100 }),
      ports: fc.option(fc.uniqueArray(fc.constantFrom(80, 443, 8080), { maxLength: 3 }), { nil: undefined }),
      schemes: fc.option(fc.uniqueArray(fc.constantFrom('http', 'https', 'ftp'), { maxLength: 2 }), { nil: undefined }),
      cleartext: fc.constantFrom(undefined, true, false),
      ignored: fc.constantFrom(undefined, true, false),
      tidy: fc.boolean(),
      schemaOrder: fc.boolean(),
    })
    .map(({ tidy, schemaOrder, ...f }) => {
      const g = tidy ? { ...f, artifacts: [...f.artifacts].sort(cmp), evidence: [...f.evidence].sort(compareEvidence).slice(0, 20) } : f;
      const defined = Object.fromEntries(Object.entries(g).filter(([, v]) => v !== undefined)) as unknown as EndpointFact;
      // The cache's schema lists ports, schemes and the flags before artifacts.
      return schemaOrder ? (Object.fromEntries(Object.entries(defined).sort(([a], [b]) => cmp(a, b))) as unknown as EndpointFact) : defined;
    });
  const keyed = (list: EndpointFact[]): EndpointFact[] => {
    const seen = new Set<string>();
    return list.filter((f) => !seen.has(`${f.kind}${f.value}`) && !!seen.add(`${f.kind}${f.value}`)).sort((a, b) => cmp(a.kind, b.kind) || cmp(a.value, b.value));
  };

  it('gives exactly the bytes of the gather-and-sort merge, for one, two or more lists, in order or not (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fact, { maxLength: 8 }), { minLength: 1, maxLength: 3 }), fc.boolean(), (raw, inOrder) => {
        // Facts of one list come from disjoint artifacts in real use; a key at most once per list.
        const lists = raw.map((l) => (inOrder ? keyed(l) : keyed(l).reverse()));
        expect(JSON.stringify(mergeEndpointFacts(lists))).toBe(JSON.stringify(reference(lists)));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps a fact that merging would only copy, and copies one it would change', () => {
    const ev = (offset: number): Evidence => ({ path: 'a.apk', entry: 'classes.dex', source: 'dex', offset });
    const tidy: EndpointFact = { kind: 'host', value: 'a.example.com', artifacts: ['a.apk', 'b.apk'], evidence: [ev(1), ev(2)], evidenceCount: 2, ports: [443] };
    const [kept] = mergeEndpointFacts([[tidy]]);
    expect(kept).toBe(tidy);
    for (const changed of [
      { ...tidy, artifacts: ['b.apk', 'a.apk'] },
      { ...tidy, evidence: [ev(2), ev(1)] },
      { ...tidy, ports: [] },
      { ...tidy, cleartext: false },
      (({ evidenceCount, ...rest }) => ({ evidenceCount, ...rest }))(tidy),
      { ...tidy, evidence: Array.from({ length: 21 }, (_, i) => ev(i)) }, // in order, but past the cap
    ]) {
      const [m] = mergeEndpointFacts([[changed]]);
      expect(m).not.toBe(changed);
      expect(JSON.stringify(m)).toBe(JSON.stringify(reference([[changed]])[0]));
    }
  });

  it('a key twice in one list (a hostile cached partial) still comes out once', () => {
    const f: EndpointFact = { kind: 'host', value: 'a.example.com', artifacts: ['a.apk'], evidence: [], evidenceCount: 1 };
    const g: EndpointFact = { ...f, artifacts: ['b.apk'], evidenceCount: 2 };
    for (const lists of [[[f, g]], [[f, g], []], [[f, g], [{ ...f, value: 'b.example.com' }]]]) {
      expect(JSON.stringify(mergeEndpointFacts(lists))).toBe(JSON.stringify(reference(lists)));
    }
    expect(mergeEndpointFacts([[f, g]])).toEqual([{ ...f, artifacts: ['a.apk', 'b.apk'], evidenceCount: 3 }]);
  });
});
