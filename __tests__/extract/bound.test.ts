/**
 * Past the input's cap of endpoints, a worker keeps back what the main thread's own endpoints
 * already rule out (EndpointCollector.bound, keepBelow; pool.ts): the capped merge must be the
 * same as when it sends everything, and the input must still be reported as flooded.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { EndpointCollector, knownEndpoint } from '../../src/extract/collector.js';
import { capEndpoints, floodFacts, isInputFlood, keepBelow, mergePartials, type PartialFacts } from '../../src/extract/partial.js';
import type { EndpointKind } from '../../src/facts.js';
import '../helpers/fast-check-seed.js';

const KNOWN = knownEndpoint({ hosts: new Set(['zzhc.vnet.cn']), sms: new Set(['10659401']) });
const LIMITS = { maxArtifactEndpoints: 1000, maxInputEndpoints: 5 };

function collector(): EndpointCollector {
  return new EndpointCollector(KNOWN, { perArtifact: LIMITS.maxArtifactEndpoints, perInput: LIMITS.maxInputEndpoints });
}

function partial(c: EndpointCollector): PartialFacts {
  const endpoints = c.finish();
  return { packages: [], endpoints, props: [], skuFiles: [], unreadable: floodFacts(c.floods(), LIMITS), skipped: [], mentions: [], propFiles: [], partitionPaths: [], stats: { files: 0, bytes: 0, entries: 0, inflatedBytes: 0 } };
}

function add(c: EndpointCollector, kind: EndpointKind, value: string, path: string, offset = 0): void {
  c.add({ kind, value, evidence: { path, source: 'native', offset } });
}

const cap = (p: PartialFacts): PartialFacts => capEndpoints(p, KNOWN, LIMITS.maxInputEndpoints);

describe('EndpointCollector.bound', () => {
  it('is the perInput-th smallest unknown (kind, value), once there are that many; known ones do not count', () => {
    const c = collector();
    for (const v of ['e.example', 'b.example', 'zzhc.vnet.cn', 'd.example']) add(c, 'host', v, 'a.bin');
    add(c, 'sms', '10659401', 'a.bin');
    expect(c.bound()).toBeUndefined(); // 3 unknown, cap 5
    add(c, 'host', 'a.example', 'b.bin');
    add(c, 'ip', '10.0.0.1', 'b.bin'); // "ip" sorts after "host"
    expect(c.bound()).toEqual({ kind: 'ip', value: '10.0.0.1' });
    add(c, 'host', 'c.example', 'b.bin');
    expect(c.bound()).toEqual({ kind: 'host', value: 'e.example' });
  });
});

describe('keepBelow', () => {
  it('drops unknown endpoints above the bound, keeps known ones, and says the input flooded', () => {
    const c = collector();
    for (const v of ['a.example', 'm.example', 'zzhc.vnet.cn', 'z.example']) add(c, 'host', v, 'w.bin');
    const p = partial(c);
    const kept = keepBelow(p, { kind: 'host', value: 'm.example' }, KNOWN, 5);
    expect(kept.endpoints.map((e) => e.value)).toEqual(['a.example', 'm.example', 'zzhc.vnet.cn']);
    expect(kept.unreadable.filter(isInputFlood)).toHaveLength(1);
    // Nothing above it: the part as it was, no flood said.
    expect(keepBelow(p, { kind: 'ip', value: '0.0.0.0' }, KNOWN, 5)).toBe(p);
  });

  it('leaves the capped merge of two parts as it was, for any split of any hits (property)', () => {
    const hit = fc.record({
      kind: fc.constantFrom<EndpointKind>('host', 'ip', 'sms'),
      value: fc.oneof(fc.constantFrom('zzhc.vnet.cn', '10659401'), fc.integer({ min: 0, max: 30 }).map((i) => `v${String(i).padStart(2, '0')}`)),
      file: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(hit, { maxLength: 60 }), fc.integer({ min: 1, max: 5 }), (hits, split) => {
        // Files below `split` go to the main thread's collector, the rest to the worker's.
        const main = collector();
        const worker = collector();
        for (const [i, h] of hits.entries()) add(h.file < split ? main : worker, h.kind, h.value, `f${h.file}.bin`, i);
        const below = main.bound();
        const mainPart = partial(main);
        const workerPart = partial(worker);
        const expected = cap(mergePartials([mainPart, workerPart]));
        const sent = below ? keepBelow(workerPart, below, KNOWN, LIMITS.maxInputEndpoints) : workerPart;
        expect(cap(mergePartials([mainPart, sent]))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
