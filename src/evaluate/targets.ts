/**
 * Targets (SPEC section 5): one build that can become several SKUs is one target per SKU. Facts
 * are extracted once; each SKU gets a view of them with the properties and overlays it would
 * have, and is resolved to its own market. Pure: no I/O.
 *
 * A build can become several SKUs when it holds
 * - per-SKU init files `init.sku.<id>.rc` (FIH/HMD: each sets the vendor product name and
 *   fingerprint of one SKU; `facts.skuFiles`),
 * - resource overlays with `requiredSystemPropertyName/Value` on a property the build's own
 *   property files do not set (the value is decided on the device, e.g. `ro.cda.skuid.id` from
 *   `/proc/cda/skuid`): each value is a SKU,
 * - setprops of an init action that runs on some devices only (`on property:ro.boot.hwc=EU`) of
 *   a property SKU resolution reads (`sku-from`): each action is a SKU,
 * - per-SKU CDA folders: a path segment `cda` followed by a folder named after a SKU (one of the
 *   above, or a value that maps through the policy's `skus`).
 *
 * Without any of these, the build is one target resolved from its properties, as before. With
 * them, the build as its own properties resolve it is one more target when that is a market and
 * another SKU: the device may be none of the SKUs the build prepares for.
 */
import { appendAll } from '../arrays.js';
import { artifactOf, enclosingArtifacts } from '../extract/collector.js';
import type { EndpointFact, Evidence, InputFacts, PackageFacts, PropEntry } from '../facts.js';
import type { PolicyFile } from '../policy/load.js';
import { DEFAULT_SKU_FROM, definitionsOf, mapSku, resolutionsOf, resolveTarget, type TargetResolution } from '../policy/sku.js';

export type SkuSignal = 'sku-file' | 'overlay' | 'cda' | 'setprop';

export interface SkuCandidate {
  sku: string;
  signal: SkuSignal;
  /** The file that says the build can become this SKU (init.sku rc, overlay APK, CDA folder). */
  path: string;
  /**
   * Its per-SKU files (init.sku rc files, property files an import names by a device-time value):
   * what other SKUs' views leave out.
   */
  files: string[];
  /** Properties this SKU adds (setprops of its rc file, the overlay's required property, CDA prop files). */
  props: PropEntry[];
  /** Path prefix of the SKU's CDA folder, when there is one. */
  cdaPrefix?: string;
}

export interface TargetSpec {
  /** The SKU id of a per-SKU target; undefined for a whole-build target. */
  sku?: string;
  candidate?: SkuCandidate;
  facts: InputFacts;
  resolution: TargetResolution;
}

export interface ExpandOptions {
  file?: PolicyFile;
  cliMarket?: string;
  cliSku?: string;
}

const CDA_SEGMENT = /^cda$/i;

/** `<...>/cda/<name>/...` -> { prefix: '<...>/cda/<name>/', name } for the first cda segment. */
function cdaFolderOf(path: string): { prefix: string; name: string } | undefined {
  const parts = path.split('/');
  for (let i = 0; i < parts.length - 2; i++) {
    if (CDA_SEGMENT.test(parts[i]) && parts[i + 1]) return { prefix: `${parts.slice(0, i + 2).join('/')}/`, name: parts[i + 1] };
  }
  return undefined;
}

function allPaths(facts: InputFacts): string[] {
  const out = new Set<string>();
  for (const p of facts.packages) out.add(p.path);
  for (const e of facts.endpoints) for (const a of e.artifacts) out.add(a);
  for (const p of facts.props) out.add(p.file);
  for (const s of facts.skuFiles) out.add(s.path);
  for (const m of facts.mentions) out.add(m.evidence.path);
  return [...out].sort();
}

/** The SKUs a build can become, sorted by id (empty for a single-SKU build). */
export function skuCandidates(facts: InputFacts, file?: PolicyFile): SkuCandidate[] {
  const bySku = new Map<string, SkuCandidate>();
  const add = (c: SkuCandidate) => {
    const had = bySku.get(c.sku);
    if (!had) bySku.set(c.sku, c);
    else {
      const have = new Set(had.props);
      appendAll(had.props, c.props.filter((p) => !have.has(p)));
      appendAll(had.files, c.files.filter((f) => !had.files.includes(f)));
    }
  };
  // Setprops of an init action that runs on some devices only (`on property:ro.boot.hwc=EU`), of a
  // property SKU resolution reads: a SKU, named by the first such property's value. Its file
  // stays in every view (its other actions run on every device).
  const skuKeys = file?.policy['sku-from'] ?? DEFAULT_SKU_FROM;
  const setByBuild = new Set(facts.props.filter((p) => !cdaFolderOf(p.file)).map((p) => p.key));
  for (const s of facts.skuFiles) {
    if (s.trigger === undefined) {
      add({ sku: s.sku, signal: 'sku-file', path: s.path, files: [s.path], props: [...s.props] });
      continue;
    }
    // Not by an `ro.` property the build set: init refuses that setprop.
    const named = skuKeys
      .map((k) => s.props.find((p) => p.key === k && !(k.startsWith('ro.') && setByBuild.has(k))))
      .find((p) => p !== undefined && p.value !== '');
    if (named) add({ sku: named.value, signal: 'setprop', path: s.path, files: [], props: [...s.props] });
  }

  // Overlays gated on a property the build's own property files never set.
  const setBySkuFiles = new Set(facts.skuFiles.filter((s) => s.trigger === undefined).flatMap((s) => s.props.map((p) => p.key)));
  for (const pkg of [...facts.packages].sort((a, b) => cmp(a.path, b.path))) {
    // The overlay's required properties the build does not set: the first names the SKU.
    const unset = requiredProperties(pkg).filter(([name]) => !setByBuild.has(name) && !setBySkuFiles.has(name));
    if (unset.length === 0) continue;
    const value = unset[0][1];
    if (!/^[A-Za-z0-9_.-]+$/.test(value)) continue;
    add({ sku: value, signal: 'overlay', path: pkg.path, files: [], props: unset.map(([key, v]) => ({ key, value: v, file: pkg.path, line: 0 })) });
  }

  // CDA folders named after a SKU (one found above, or one the policy maps).
  const skus = file?.policy.skus ?? {};
  const cdaNames = new Map<string, string>();
  for (const p of allPaths(facts)) {
    const f = cdaFolderOf(p);
    if (f && !cdaNames.has(f.name)) cdaNames.set(f.name, f.prefix);
  }
  for (const [name, prefix] of cdaNames) {
    if (!bySku.has(name) && !mapSku(skus, name)) continue;
    const props = facts.props.filter((p) => p.file.startsWith(prefix));
    const had = bySku.get(name);
    if (had) {
      had.cdaPrefix = prefix;
      appendAll(had.props, props);
    } else add({ sku: name, signal: 'cda', path: prefix.slice(0, -1), files: [], props, cdaPrefix: prefix });
  }
  return [...bySku.values()].sort((a, b) => cmp(a.sku, b.sku));
}

/**
 * An overlay's required system properties as [name, value] pairs: since Android 12 both
 * attributes may hold comma-separated lists, paired in order (every pair must hold). Lists of
 * different lengths are read as one name and one value, as before.
 */
export function requiredProperties(pkg: PackageFacts): [string, string][] {
  const name = pkg.overlay?.requiredSystemPropertyName;
  if (!name) return [];
  const value = pkg.overlay?.requiredSystemPropertyValue ?? '';
  const names = name.split(',').map((n) => n.trim());
  const values = value.split(',').map((v) => v.trim());
  return names.length > 1 && names.length === values.length ? names.map((n, i) => [n, values[i]]) : [[name, value]];
}

/**
 * Whether an overlay is enabled under `props` (each required property must hold exactly). A name
 * or value that is a resource reference (`@0x7f020000`: Android 9 and 10 resolve it through the
 * overlay's own resources, later versions read it raw) cannot be decided here: such an overlay is
 * taken as enabled, so that what it carries is evaluated rather than dropped.
 */
export function overlayActive(pkg: PackageFacts, props: readonly PropEntry[]): boolean {
  // Where the Android version is not known and its readings of the property differ, enabled under either (fail closed).
  return requiredProperties(pkg).every(([name, value]) => isReference(name) || isReference(value) || definitionsOf(props, name).some((d) => d.value === value));
}

/** An attribute value that refers to a resource or theme attribute rather than being one. */
export function isReference(value: string): boolean {
  return value.startsWith('@') || value.startsWith('?');
}


/**
 * The facts as one SKU (or, with no candidate, the whole build) sees them: property files,
 * packages and endpoint evidence of other SKUs' CDA folders and per-SKU files are left out, and so
 * are overlays whose required property does not hold. Properties of a CDA folder count only for
 * its SKU (Android loads none of them: a `cda/common/sku.prop` decides nothing), and an init.sku
 * file's `setprop` of an `ro.` property already set is left out, as init refuses it (`ro.`
 * properties are written once).
 */
export function viewFor(facts: InputFacts, all: readonly SkuCandidate[], candidate?: SkuCandidate): InputFacts {
  const others = all.filter((c) => c.sku !== candidate?.sku);
  const otherPrefixes = others.filter((c) => c.cdaPrefix).map((c) => c.cdaPrefix!);
  const otherFiles = new Set(others.flatMap((c) => c.files));
  const foreign = (path: string) => otherFiles.has(path) || otherPrefixes.some((p) => path.startsWith(p));

  const baseProps = facts.props.filter((p) => !foreign(p.file) && !cdaFolderOf(p.file));
  const props = baseProps.slice();
  if (candidate) {
    const set = new Set(baseProps.map((p) => p.key));
    const rcFiles = new Set(facts.skuFiles.map((s) => s.path));
    for (const p of candidate.props) {
      if (foreign(p.file)) continue;
      if ((rcFiles.has(p.file) || candidate.signal === 'setprop') && p.key.startsWith('ro.') && set.has(p.key)) continue;
      set.add(p.key);
      props.push(p);
    }
  }

  const dropped = new Set<string>();
  const packages = facts.packages.filter((p) => {
    const keep = !foreign(p.path) && overlayActive(p, props);
    if (!keep) dropped.add(artifactOf(p.path));
    return keep;
  });
  const kept = new Set(packages.map((p) => artifactOf(p.path)));
  // The nearest package at or above an artifact decides: what a dropped APK carries goes with
  // it, unless it is a kept package itself.
  const droppedAt = (artifact: string): boolean => {
    if (kept.has(artifact)) return false;
    if (dropped.has(artifact)) return true;
    if (!artifact.includes('!/')) return false;
    for (const outer of enclosingArtifacts(artifact)) {
      if (kept.has(outer)) return false;
      if (dropped.has(outer)) return true;
    }
    return false;
  };
  const gone = (path: string) => (dropped.size > 0 && droppedAt(path)) || foreign(path);

  let endpoints: EndpointFact[] = facts.endpoints;
  if (dropped.size > 0 || otherPrefixes.length > 0 || otherFiles.size > 0) {
    endpoints = [];
    for (const ep of facts.endpoints) {
      const artifacts = ep.artifacts.filter((a) => !gone(a));
      if (artifacts.length === 0) continue;
      if (artifacts.length === ep.artifacts.length) {
        endpoints.push(ep);
        continue;
      }
      const evidence: Evidence[] = ep.evidence.filter((e) => !gone(artifactOf(e.path)));
      const removed = ep.evidence.length - evidence.length;
      endpoints.push({ ...ep, artifacts, evidence, evidenceCount: Math.max(evidence.length, ep.evidenceCount - removed) });
    }
  }
  return {
    ...facts,
    props,
    packages,
    endpoints,
    skuFiles: facts.skuFiles.filter((s) => !otherFiles.has(s.path)),
    mentions: facts.mentions.filter((m) => !foreign(m.evidence.path)),
    ...(facts.preoptedCode ? { preoptedCode: facts.preoptedCode.filter((c) => !foreign(c.path)) } : {}),
  };
}

/** Resolves a per-SKU target: --market first, then the SKU id through `skus`, then its properties. */
function resolveCandidate(c: SkuCandidate, view: InputFacts, opts: ExpandOptions): TargetResolution {
  if (opts.cliMarket) {
    return { sku: c.sku, market: opts.cliMarket, resolvedBy: { key: '--market', value: opts.cliMarket, from: 'cli' }, tried: [], unmapped: [] };
  }
  const skus = opts.file?.policy.skus ?? {};
  const label = `SKU ${c.sku} (${c.path})`;
  // A conditional setprop's SKU is what the device's properties then resolve to (its own `ro.`
  // setprops refused where a property file set them), not its name.
  const hit = c.signal === 'setprop' ? undefined : mapSku(skus, c.sku);
  if (hit) {
    return {
      sku: c.sku,
      market: hit.market,
      resolvedBy: { key: c.signal === 'overlay' ? c.props[0].key : 'sku', value: c.sku, file: c.path, from: c.signal === 'setprop' ? 'property' : c.signal },
      tried: [label],
      unmapped: [],
    };
  }
  const r = resolveTarget({ file: opts.file, props: view.props });
  if (r.alternatives) {
    // The readings of its properties disagree and the Android version is not known: one target
    // per SKU cannot be two markets, so it is unresolved, saying why (evaluate.ts).
    const all = resolutionsOf(r);
    return { sku: c.sku, tried: [label, ...r.tried], unmapped: [], conflict: all };
  }
  return { ...r, sku: c.sku, tried: [label, ...r.tried] };
}

/** Every target of one input: one per SKU when the build can become several, else one. */
export function expandTargets(facts: InputFacts, opts: ExpandOptions): TargetSpec[] {
  const all = skuCandidates(facts, opts.file);
  const candidates = opts.cliSku ? all.filter((c) => c.sku === opts.cliSku) : all;
  if (candidates.length === 0) {
    const view = viewFor(facts, []);
    // One target per market its readings give, where the Android version is not known and they differ.
    return resolutionsOf(resolveTarget({ cliMarket: opts.cliMarket, cliSku: opts.cliSku, file: opts.file, props: view.props })).map((resolution) => ({ facts: view, resolution }));
  }
  const targets: TargetSpec[] = candidates.map((c) => {
    const view = viewFor(facts, all, c);
    return { sku: c.sku, candidate: c, facts: view, resolution: resolveCandidate(c, view, opts) };
  });
  // The build as it is when the device is none of those SKUs (its SKU property matches no
  // overlay, CDA folder or per-SKU file): what its own properties resolve it to, evaluated too
  // unless that is a SKU one of the targets above is. A CN overlay in an EU build must not make
  // the EU build unseen, and one CN init.sku file must not make a build whose own properties
  // resolve to no market pass as CN: the device may be none of the SKUs the build prepares for,
  // so that target is unresolved. Not with --sku (one SKU asked for), nor with --market (every
  // view above has that market, and each holds all of this one's packages and endpoints).
  if (!opts.cliSku && !opts.cliMarket) {
    const view = viewFor(facts, all);
    for (const resolution of resolutionsOf(resolveTarget({ file: opts.file, props: view.props }))) {
      if (resolution.market === undefined || !targets.some((t) => t.sku === resolution.sku)) targets.push({ facts: view, resolution });
    }
  }
  return targets;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
