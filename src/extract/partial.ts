/**
 * Per-worker extraction results and their deterministic merge. Each artifact is extracted by
 * exactly one worker, so merging sorted, per-artifact-capped results gives the same facts
 * whatever the number of workers or the order they finished in.
 */
import { EVIDENCE_CAP, type EndpointFact, type PackageFacts, type PropEntry, type SkippedFact, type Source, type UnreadableFact } from '../facts.js';
import { compareEvidence } from './collector.js';

export interface PartialFacts {
  packages: PackageFacts[];
  endpoints: EndpointFact[];
  props: PropEntry[];
  skuFiles: { sku: string; path: string; props: PropEntry[] }[];
  unreadable: UnreadableFact[];
  skipped: SkippedFact[];
  mentions: { package: string; evidence: { path: string; source: Source; offset?: number } }[];
  /** relPath -> partitionPath of property files read inside containers. */
  propFiles: [string, string][];
  stats: { files: number; bytes: number; entries: number; inflatedBytes: number };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Merges endpoint facts of disjoint artifact sets. */
export function mergeEndpointFacts(lists: EndpointFact[][]): EndpointFact[] {
  const byKey = new Map<string, EndpointFact>();
  for (const list of lists) {
    for (const f of list) {
      const key = `${f.kind}\u0000${f.value}`;
      const cur = byKey.get(key);
      if (!cur) {
        byKey.set(key, {
          ...f,
          artifacts: [...f.artifacts],
          evidence: [...f.evidence],
          ...(f.ports ? { ports: [...f.ports] } : {}),
          ...(f.schemes ? { schemes: [...f.schemes] } : {}),
        });
        continue;
      }
      cur.artifacts = [...new Set([...cur.artifacts, ...f.artifacts])].sort(cmp);
      cur.evidence = [...cur.evidence, ...f.evidence].sort(compareEvidence).slice(0, EVIDENCE_CAP);
      cur.evidenceCount += f.evidenceCount;
      if (f.ports) cur.ports = [...new Set([...(cur.ports ?? []), ...f.ports])].sort((a, b) => a - b);
      if (f.schemes) cur.schemes = [...new Set([...(cur.schemes ?? []), ...f.schemes])].sort(cmp);
      if (f.cleartext) cur.cleartext = true;
      if (f.ignored) cur.ignored = true;
    }
  }
  return [...byKey.values()].sort((a, b) => cmp(a.kind, b.kind) || cmp(a.value, b.value));
}

export function mergePartials(parts: PartialFacts[]): PartialFacts {
  const out: PartialFacts = {
    packages: parts.flatMap((p) => p.packages).sort((a, b) => cmp(a.path, b.path) || cmp(a.package, b.package)),
    endpoints: mergeEndpointFacts(parts.map((p) => p.endpoints)),
    props: parts.flatMap((p) => p.props).sort((a, b) => cmp(a.file, b.file) || a.line - b.line),
    skuFiles: parts.flatMap((p) => p.skuFiles).sort((a, b) => cmp(a.sku, b.sku) || cmp(a.path, b.path)),
    unreadable: parts.flatMap((p) => p.unreadable).sort((a, b) => cmp(a.path, b.path) || cmp(a.reason, b.reason)),
    skipped: parts.flatMap((p) => p.skipped).sort((a, b) => cmp(a.path, b.path) || cmp(a.reason, b.reason)),
    mentions: parts
      .flatMap((p) => p.mentions)
      .sort((a, b) => cmp(a.package, b.package) || cmp(a.evidence.path, b.evidence.path) || (a.evidence.offset ?? 0) - (b.evidence.offset ?? 0)),
    propFiles: parts.flatMap((p) => p.propFiles).sort((a, b) => cmp(a[0], b[0])),
    stats: { files: 0, bytes: 0, entries: 0, inflatedBytes: 0 },
  };
  for (const p of parts) {
    out.stats.files += p.stats.files;
    out.stats.bytes += p.stats.bytes;
    out.stats.entries += p.stats.entries;
    out.stats.inflatedBytes += p.stats.inflatedBytes;
  }
  return out;
}
