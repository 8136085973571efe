/**
 * Aggregates endpoint hits for one input: one EndpointFact per (kind, value), with the
 * artifacts that embed it and capped, sorted evidence. Deterministic whatever the order in
 * which artifacts were scanned.
 */
import { EVIDENCE_CAP, type EndpointFact, type EndpointHit, type Evidence } from '../facts.js';
import type { EndpointSink, KnownEndpoints } from './endpoints.js';

/**
 * One endpoint's hits. Tens of thousands of these live in every worker until it hands its facts
 * back, so the common case costs little: most endpoints sit in one artifact with a few hits and
 * no port or scheme, so sets and the per-artifact map are made only when needed.
 */
interface Agg {
  kind: EndpointFact['kind'];
  value: string;
  ports: Set<number> | undefined;
  schemes: Set<string> | undefined;
  cleartext: boolean;
  ignored: boolean;
  /** The first artifact seen: its path, evidence kept (first EVIDENCE_CAP in scan order), count. */
  artifact: string;
  evidence: Evidence[];
  count: number;
  /** Every further artifact, the same way. */
  more: Map<string, { evidence: Evidence[]; count: number }> | undefined;
}

export function compareEvidence(a: Evidence, b: Evidence): number {
  return cmp(a.path, b.path) || cmp(a.entry ?? '', b.entry ?? '') || (a.offset ?? -1) - (b.offset ?? -1) || cmp(a.source, b.source);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An endpoint's key: the facts of an input are in (kind, value) order. */
export interface EndpointKey {
  kind: EndpointFact['kind'];
  value: string;
}

/** (kind, value) order, the order of an input's endpoint facts and of its cap. */
export function compareKeys(a: EndpointKey, b: EndpointKey): number {
  return cmp(a.kind, b.kind) || cmp(a.value, b.value);
}

/** True for an endpoint the catalog or the policy names: never dropped by the flood caps. */
export type KnownEndpoint = (kind: EndpointFact['kind'], value: string) => boolean;

/** The KnownEndpoint of a scan's catalogued and policy-named hosts and SMS numbers. */
export function knownEndpoint(known: KnownEndpoints): KnownEndpoint {
  return (kind, value) => (kind === 'sms' ? known.sms.has(value) : kind === 'ip' ? (known.ips?.has(value) ?? false) : known.hosts.has(value));
}

export class EndpointCollector implements EndpointSink {
  /** kind -> value -> aggregate (no key string made per hit) */
  private readonly aggs = new Map<EndpointFact['kind'], Map<string, Agg>>();
  private artifact = '';
  /** The last evidence path seen and its artifact: hits come in runs from one file. */
  private lastPath = '';
  private lastArtifact = '';
  /** Distinct endpoints each artifact added (known ones not counted), and those past the cap. */
  private readonly perArtifact = new Map<string, number>();
  private readonly floodedArtifacts = new Set<string>();
  /** Aggregates of endpoints that are not known, and whether some were dropped (prune). */
  private unknown = 0;
  private pruned = false;
  /** The last path artifactAt was asked about that add has not seen, and its artifact. */
  private memoPath = '';
  private memoArtifact = '';

  constructor(
    private readonly known: KnownEndpoint = () => false,
    /** Limits.maxArtifactEndpoints and maxInputEndpoints. */
    private readonly caps: { perArtifact: number; perInput: number } = { perArtifact: Infinity, perInput: Infinity },
  ) {}

  /** Hits added from now on belong to this top-level artifact (APK or file path). */
  setArtifact(path: string): void {
    this.artifact = path;
  }

  add(hit: EndpointHit): void {
    let ofKind = this.aggs.get(hit.kind);
    if (!ofKind) {
      ofKind = new Map();
      this.aggs.set(hit.kind, ofKind);
    }
    // The artifact follows from the evidence path (an APK inside an image is its own artifact);
    // setArtifact is the fallback for hits without a path.
    const path = hit.evidence.path;
    if (path && path !== this.lastPath) {
      this.lastPath = path;
      const next = artifactOf(path);
      // Between artifacts (each one's hits come in one run), the worker's endpoints are kept
      // within one and a half times the input's cap (prune).
      if (next !== this.lastArtifact && this.unknown > 1.5 * this.caps.perInput) this.prune();
      this.lastArtifact = next;
    }
    const artifact = path ? this.lastArtifact : this.artifact;
    let agg = ofKind.get(hit.value);
    if (!agg) {
      const known = this.known(hit.kind, hit.value);
      if (!known && !this.admit(artifact)) return;
      if (!known) this.unknown++;
      agg = {
        kind: hit.kind,
        value: hit.value,
        ports: undefined,
        schemes: undefined,
        cleartext: false,
        ignored: !!hit.ignored,
        artifact,
        evidence: [hit.evidence],
        count: 1,
        more: undefined,
      };
      ofKind.set(hit.value, agg);
    } else if (agg.artifact === artifact) {
      agg.count++;
      if (agg.evidence.length < EVIDENCE_CAP) agg.evidence.push(hit.evidence);
    } else {
      const per = agg.more?.get(artifact);
      if (!per) {
        if (!this.known(hit.kind, hit.value) && !this.admit(artifact)) return;
        (agg.more ??= new Map()).set(artifact, { evidence: [hit.evidence], count: 1 });
      } else {
        per.count++;
        if (per.evidence.length < EVIDENCE_CAP) per.evidence.push(hit.evidence);
      }
    }
    if (hit.port !== undefined) (agg.ports ??= new Set()).add(hit.port);
    if (hit.scheme) (agg.schemes ??= new Set()).add(hit.scheme);
    if (hit.cleartext) agg.cleartext = true;
  }

  /**
   * Whether the artifact of `path` is past its cap (EndpointSink.saturated). Until some artifact
   * is, this is one comparison: the scanner asks it for every bare-name candidate.
   */
  saturated(path: string): boolean {
    if (this.floodedArtifacts.size === 0) return false;
    return this.floodedArtifacts.has(this.artifactAt(path));
  }

  /**
   * Whether add keeps a hit of (kind, value) in `path` once its artifact is saturated: a known
   * endpoint, or one the artifact already lists. Past the cap admit refuses every other one
   * (an artifact joins floodedArtifacts only at a refusal, and its count never falls), so the
   * scanner skipping them changes nothing. A prune that add has not made yet (it waits for the
   * artifact's next hit) only leaves more listed here, never fewer.
   */
  lists(kind: EndpointFact['kind'], value: string, path: string): boolean {
    if (this.known(kind, value)) return true;
    const agg = this.aggs.get(kind)?.get(value);
    if (!agg) return false;
    const artifact = this.artifactAt(path);
    return agg.artifact === artifact || agg.more?.has(artifact) === true;
  }

  /** The artifact of an evidence path, as add reckons it. */
  private artifactAt(path: string): string {
    if (!path) return this.artifact;
    if (path === this.lastPath) return this.lastArtifact;
    if (path !== this.memoPath) {
      this.memoPath = path;
      this.memoArtifact = artifactOf(path);
    }
    return this.memoArtifact;
  }

  /**
   * Counts a new endpoint of `artifact`; false (the hit is dropped) once the artifact has added
   * the cap. An artifact's hits are scanned in one order on one thread, so which
   * endpoints it keeps does not depend on the workers.
   */
  private admit(artifact: string): boolean {
    const n = this.perArtifact.get(artifact) ?? 0;
    if (n >= this.caps.perArtifact) {
      this.floodedArtifacts.add(artifact);
      return false;
    }
    this.perArtifact.set(artifact, n + 1);
    return true;
  }

  /**
   * Drops the endpoints that are not known past the input's cap in (kind, value)
   * order. Those are the input's first ones wherever they were found, so every endpoint the
   * input keeps (capEndpoints in partial.ts) keeps all its evidence from this worker.
   */
  private prune(): void {
    const unknown = this.unknownInOrder();
    for (const a of unknown.slice(this.caps.perInput)) this.aggs.get(a.kind)!.delete(a.value);
    this.unknown = Math.min(this.unknown, this.caps.perInput);
    this.pruned = true;
  }

  /**
   * The key past which no unknown endpoint can be among the input's first `perInput`
   * (capEndpoints in partial.ts): the perInput-th smallest unknown (kind, value) this collector
   * holds, once it holds that many (undefined before). The input holds at least these, so the
   * merge drops any other part's unknown endpoint above it: a worker need not send one
   * (keepBelow, pool.ts).
   */
  bound(): EndpointKey | undefined {
    if (this.unknown < this.caps.perInput) return undefined;
    const at = this.unknownInOrder()[this.caps.perInput - 1];
    return at && { kind: at.kind, value: at.value };
  }

  /** The aggregates of endpoints that are not known, in (kind, value) order. */
  private unknownInOrder(): Agg[] {
    const unknown: Agg[] = [];
    for (const m of this.aggs.values()) for (const a of m.values()) if (!this.known(a.kind, a.value)) unknown.push(a);
    return unknown.sort(compareKeys);
  }

  /** Artifacts past their cap of endpoints (sorted), and whether prune dropped any. */
  floods(): { artifacts: string[]; pruned: boolean } {
    return { artifacts: [...this.floodedArtifacts].sort(), pruned: this.pruned };
  }

  finish(): EndpointFact[] {
    // What a worker hands back is within the input's cap too, so the merge holds no more.
    if (this.unknown > this.caps.perInput) this.prune();
    const out: EndpointFact[] = [];
    for (const agg of [...this.aggs.values()].flatMap((m) => [...m.values()])) {
      const all: Evidence[] = [...agg.evidence];
      let count = agg.count;
      const artifacts = [agg.artifact];
      if (agg.more) {
        for (const [artifact, per] of agg.more) {
          artifacts.push(artifact);
          all.push(...per.evidence);
          count += per.count;
        }
      }
      all.sort(compareEvidence);
      const f: EndpointFact = {
        kind: agg.kind,
        value: agg.value,
        artifacts: artifacts.sort(),
        evidence: all.slice(0, EVIDENCE_CAP),
        evidenceCount: count,
      };
      if (agg.ports?.size) f.ports = [...agg.ports].sort((a, b) => a - b);
      if (agg.schemes?.size) f.schemes = [...agg.schemes].sort();
      if (agg.cleartext) f.cleartext = true;
      if (agg.ignored) f.ignored = true;
      out.push(f);
    }
    out.sort(compareKeys);
    return out;
  }
}

const APK_LIKE = /\.(apk|apex|capex|jar)$/i;
const PACKAGE_LIKE = /\.(apk|apex|capex)$/i;

/**
 * The artifact an evidence or package path belongs to: the innermost package on the path (an APK,
 * APEX or compressed APEX), or a JAR with no package above it, else the whole path. Images and
 * archives are transparent: `system.img!/priv-app/A/A.apk` is its own artifact exactly as the
 * same APK in a folder is, and so is an APK inside an APK (`X.apk!/assets/inner.apk`, a client an
 * app carries) or inside an APEX: its endpoints are its own, not the carrier's, and the carrier's
 * are not its. What is inside an artifact but no package belongs to it: `X.apk!/assets/b.zip`
 * and `X.apk!/assets/plugin.jar` (code the app loads) to `X.apk`. Evaluation counts a nested
 * artifact's endpoints as its carrier's as well (enclosingArtifacts). For paths with no container
 * this is the path.
 */
export function artifactOf(path: string): string {
  if (!path.includes('!/')) return path;
  const segs = path.split('!/');
  let at = -1;
  for (let i = 0; i < segs.length; i++) if ((at < 0 ? APK_LIKE : PACKAGE_LIKE).test(segs[i])) at = i;
  return at < 0 || at === segs.length - 1 ? path : segs.slice(0, at + 1).join('!/');
}

/**
 * The containers enclosing an artifact, innermost first: `X.apk!/assets/inner.apk` -> `X.apk`;
 * `system.img!/app/A/A.apk` -> `system.img`. An app that carries another carries its endpoints.
 */
export function enclosingArtifacts(artifact: string): string[] {
  const out: string[] = [];
  for (let cut = artifact.lastIndexOf('!/'); cut > 0; cut = artifact.lastIndexOf('!/', cut - 1)) out.push(artifact.slice(0, cut));
  return out;
}
