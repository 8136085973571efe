/**
 * Past an artifact's cap of endpoints, the collector says it is saturated and the scanner skips
 * the candidates it would drop, before validating them: a crafted file of 1.4 million names took
 * 8.0 s, now 2.9 s. The facts must be exactly those of a scan that validates and adds every
 * candidate (a sink without `saturated`), on both scanner paths, with prunes between artifacts.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { EndpointFact, EndpointHit } from '../../src/facts.js';
import { EndpointCollector, knownEndpoint } from '../../src/extract/collector.js';
import { EndpointScanner, type EndpointSink } from '../../src/extract/endpoints.js';

const known = { hosts: new Set(['zzhc.vnet.cn']), sms: new Set(['10659401']) };

interface Run {
  facts: EndpointFact[];
  floods: { artifacts: string[]; pruned: boolean };
  adds: number;
  skipsAsked: number;
}

/** Scans each (path, text) in turn into a collector with the given caps. */
function run(files: [string, string][], caps: { perArtifact: number; perInput: number }, opts: { skip: boolean; wasm: boolean; chunk?: number }): Run {
  const collector = new EndpointCollector(knownEndpoint(known), caps);
  const scanner = new EndpointScanner(known, { wasm: opts.wasm });
  let adds = 0;
  let skipsAsked = 0;
  const sink: EndpointSink = {
    add: (h: EndpointHit) => {
      adds++;
      collector.add(h);
    },
  };
  if (opts.skip) {
    sink.saturated = (p) => collector.saturated(p);
    sink.lists = (k, v, p) => {
      skipsAsked++;
      return collector.lists(k, v, p);
    };
  }
  for (const [path, text] of files) {
    collector.setArtifact(path);
    const buf = Buffer.from(text, 'latin1');
    if (!opts.chunk) {
      scanner.scan(buf, 0, buf.length, { path, source: 'file' }, sink);
      continue;
    }
    // As a large raw file is scanned (artifact.ts, scanRawSource): windows of `chunk` bytes
    // with 512 bytes of context on each side, each token reported from the window it starts in.
    for (let pos = 0; pos < buf.length; pos += opts.chunk) {
      const lo = Math.max(0, pos - 512);
      const hi = Math.min(buf.length, pos + opts.chunk + 512);
      const window = { from: pos - lo, to: Math.min(pos + opts.chunk, buf.length) - lo };
      scanner.scan(buf.subarray(lo, hi), 0, hi - lo, { path, source: 'file' }, sink, (p) => lo + p, window);
    }
  }
  return { facts: collector.finish(), floods: collector.floods(), adds, skipsAsked };
}

/** Every kind of candidate: bare names, URL hosts with ports, IPv4, IPv6, SP numbers. */
function flood(prefix: string, from: number, count: number): string {
  const out: string[] = [];
  for (let i = from; i < from + count; i++) {
    switch (i % 6) {
      case 0:
        out.push(`${prefix}h${i}.cn`);
        break;
      case 1:
        out.push(`https://${prefix}u${i}.example.com:${1000 + (i % 50)}/x`);
        break;
      case 2:
        out.push(`http://10.${i % 250}.${(i >> 8) % 250}.${i % 199}:8080/`);
        break;
      case 3:
        out.push(`ftp://[2001:db8::${(i % 65535).toString(16)}]/`);
        break;
      case 4:
        out.push(`sms:106${String(90000000 + i).slice(0, 8)}`);
        break;
      default:
        out.push(`${prefix}n${i}.com.cn`);
    }
  }
  return out.join(' ');
}

describe('skipping candidates past an artifact cap', () => {
  it.each([true, false])('gives the facts of a scan that adds every candidate (wasm: %s)', (wasm) => {
    // The first artifact floods: its own names again past the cap (counted, with new ports),
    // names only a later artifact lists, a catalogued host and number, and new names (dropped).
    const first = flood('a', 0, 600);
    const files: [string, string][] = [
      ['vendor/a.bin', `${first} ${flood('a', 600, 400)} ${first.replace(/:1(\d{3})\//g, ':2$1/')} zzhc.vnet.cn sms:10659401 ${flood('b', 0, 50)}`],
      ['vendor/b.bin', `${flood('b', 0, 300)} ${flood('a', 0, 30)}`],
      ['vendor/c.apk', `${flood('c', 0, 900)} ${flood('b', 0, 900)}`],
    ];
    const caps = { perArtifact: 500, perInput: 700 };
    const reference = run(files, caps, { skip: false, wasm });
    const skipping = run(files, caps, { skip: true, wasm });
    expect(skipping.facts).toEqual(reference.facts);
    expect(skipping.floods).toEqual(reference.floods);
    // The case is the one it claims: two artifacts flooded, the input pruned, and candidates
    // were skipped before they became hits.
    expect(reference.floods).toEqual({ artifacts: ['vendor/a.bin', 'vendor/c.apk'], pruned: true });
    expect(skipping.skipsAsked).toBeGreaterThan(1000);
    expect(skipping.adds).toBeLessThan(reference.adds - 1000);
    // Past the cap, a name the artifact already listed is still counted, with its new port
    // (and once more in b.bin).
    const a0 = skipping.facts.find((f) => f.value === 'au1.example.com');
    expect(a0?.artifacts).toEqual(['vendor/a.bin', 'vendor/b.bin']);
    expect(a0?.evidenceCount).toBe(3);
    expect(a0?.ports).toEqual([1001, 2001]);
    expect(skipping.facts.find((f) => f.value === 'zzhc.vnet.cn')?.artifacts).toEqual(['vendor/a.bin']);
    // Scanned in windows, as a large file is (through the scanner's window filter), skipping
    // changes nothing either. (Which endpoints a flooded artifact keeps follows its scan order,
    // and windows order the kinds differently from whole blocks: compare windows with windows.)
    const windowed = run(files, caps, { skip: true, wasm, chunk: 4096 });
    expect(windowed.facts).toEqual(run(files, caps, { skip: false, wasm, chunk: 4096 }).facts);
    expect(windowed.skipsAsked).toBeGreaterThan(1000);
  });

  it('gives the same facts for any caps and file contents (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.nat(300), fc.integer({ min: 1, max: 200 })), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 150 }),
        fc.integer({ min: 1, max: 400 }),
        (parts, perArtifact, perInput) => {
          // Parts grouped into three artifacts, each part a run of candidates of one prefix.
          const files: [string, string][] = ['x/1.bin', 'x/2.apk', 'x/3.bin'].map((path, k) => [
            path,
            parts
              .filter((_, i) => i % 3 === k)
              .map(([p, from, n]) => flood(p, from, n))
              .join(' '),
          ]);
          const caps = { perArtifact, perInput };
          expect(run(files, caps, { skip: true, wasm: true }).facts).toEqual(run(files, caps, { skip: false, wasm: true }).facts);
        },
      ),
      { numRuns: 60 },
    );
  });
});
