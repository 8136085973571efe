/**
 * Points each finding at the line of the repository that brought its subject in. Pure: a
 * Report and a source index in, a new Report out (the input is not changed).
 *
 * A finding's subjects are the module of its APK (`<partition>/{app,priv-app}/M/M.apk` -> `M`,
 * an overlay's file name), its package id (or its client's), and its installed path. The places
 * that name them, best first:
 *   0. `PRODUCT_PACKAGES` in a product makefile (or `PRODUCT_COPY_FILES` for an installed file),
 *   1. the module definition in `Android.bp` / `Android.mk`,
 *   2. XML naming the package (a CAF whitelist names a package; it did not add it).
 * Only files inside the workspace qualify for the location; with several places, all of them
 * are listed in the message (those outside the workspace too) and the best one is the location.
 *
 * Without a source place: the location the evaluation gave (the policy file line of the
 * market's rule), when inside the workspace; else `fallback` (the workflow file); else the
 * location stays as it was.
 */
import type { Finding, Location, Report } from '../report/model.js';
import { compareDeclarations, type SourceDeclaration, type SourceIndex } from './indexer.js';

/** Places listed in a message at most; the rest are counted. */
export const MAX_LISTED_PLACES = 10;

export interface FindingSubjects {
  modules: string[];
  packages: string[];
  /** Installed paths (partition-relative to the input: `system/etc/x.json`). */
  paths: string[];
}

function unique(items: (string | undefined)[]): string[] {
  return [...new Set(items.filter((x): x is string => x !== undefined && x !== ''))];
}

/** The innermost path of `a.img!/system/app/X/X.apk` style container paths. */
function innermost(p: string): string {
  const i = p.lastIndexOf('!/');
  return i >= 0 ? p.slice(i + 2) : p;
}

const modulesMemo = new Map<string, string[]>();

/** `system/priv-app/AutoRegistration/AutoRegistration.apk` -> [`AutoRegistration`]. */
export function modulesOfPath(p: string | undefined): string[] {
  if (!p) return [];
  // Thousands of findings share a few hundred paths.
  let m = modulesMemo.get(p);
  if (!m) {
    if (modulesMemo.size >= 100_000) modulesMemo.clear();
    m = modulesOfPathUncached(p);
    modulesMemo.set(p, m);
  }
  return m.slice();
}

function modulesOfPathUncached(p: string): string[] {
  const parts = innermost(p).split('/');
  const file = parts[parts.length - 1];
  if (!/\.apk$/i.test(file)) return [];
  const base = file.replace(/\.apk$/i, '');
  const parent = parts.length >= 3 && ['app', 'priv-app'].includes(parts[parts.length - 3]) ? parts[parts.length - 2] : undefined;
  return unique([parent, base]);
}

export function subjectsOf(f: Finding, report?: Report): FindingSubjects {
  const path = f.partitionPath ?? f.path;
  const clientPackage =
    f.package === undefined && f.client !== undefined
      ? report?.targets.find((t) => t.id === f.target)?.clients.find((c) => c.id === f.client)?.package
      : undefined;
  return {
    modules: unique([...modulesOfPath(f.partitionPath), ...modulesOfPath(f.path)]),
    packages: unique([f.package, clientPackage]),
    paths: unique([path ? innermost(path) : undefined, f.path ? innermost(f.path) : undefined]),
  };
}

/** One field of a key that no other combination of fields spells: its length, then itself. */
const part = (v: string | undefined): string => (v === undefined ? '-' : `${v.length}:${v}`);

/** Every name the index should keep for this report (the `wanted` option of indexSourceTree). */
export function wantedNames(report: Report): Set<string> {
  const out = new Set<string>();
  // Findings with the same paths, package, client and target have the same subjects (thousands
  // of endpoint findings share a few hundred paths): each such group is looked at once.
  const seen = new Set<string>();
  const seenPaths = new Set<string>(); // findings with a path and nothing else to look up (most)
  for (const f of report.findings) {
    // (A partitionPath equal to the path adds nothing to look up: subjectsOf gives the same.)
    if ((f.partitionPath === undefined || f.partitionPath === f.path) && f.package === undefined && f.client === undefined && f.path !== undefined) {
      if (seenPaths.has(f.path)) continue;
      seenPaths.add(f.path);
    } else {
      const key = `${part(f.partitionPath)}${part(f.path)}${part(f.package)}${part(f.client)}${part(f.target)}`;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    const s = subjectsOf(f, report);
    for (const n of [...s.modules, ...s.packages, ...s.paths]) out.add(n);
  }
  return out;
}

/** Does any finding have something to look up? (The index is not built otherwise.) */
export function hasLocatableFindings(report: Report): boolean {
  return wantedNames(report).size > 0;
}

/** The places for one finding, best first, de-duplicated. */
export function placesFor(subjects: FindingSubjects, byName: Map<string, SourceDeclaration[]>): SourceDeclaration[] {
  const found = new Map<string, SourceDeclaration>();
  const add = (d: SourceDeclaration): void => {
    const key = `${d.file}:${d.line}:${d.column}`;
    if (!found.has(key)) found.set(key, d);
  };
  for (const name of [...subjects.modules, ...subjects.packages]) {
    for (const d of byName.get(name) ?? []) {
      if (d.kind === 'product-packages' || d.kind === 'module') add(d);
      else if (d.kind === 'xml' && subjects.packages.includes(name)) add(d);
    }
  }
  for (const p of subjects.paths) for (const d of byName.get(p) ?? []) if (d.kind === 'copy-files') add(d);
  return [...found.values()].sort(compareDeclarations);
}

export function describePlace(d: SourceDeclaration): string {
  const what = d.kind === 'xml' ? `XML <${d.detail}>` : d.detail;
  return `${d.file}:${d.line} (${what}${d.inWorkspace ? '' : ', outside the workspace'})`;
}

/** True for a workspace-relative path (not absolute, not `..`). */
export function isInsideWorkspace(file: string): boolean {
  return file !== '' && file !== '.' && !file.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(file) && file !== '..' && !file.startsWith('../');
}

export function locateFindings(report: Report, index: Pick<SourceIndex, 'declarations'> | undefined, fallback?: Location): Report {
  const byName = new Map<string, SourceDeclaration[]>();
  for (const d of index?.declarations ?? []) {
    const list = byName.get(d.name);
    if (list) list.push(d);
    else byName.set(d.name, [d]);
  }
  // Nothing declared and no fallback: every finding stays as it is.
  if (byName.size === 0 && !fallback) return { ...report, findings: report.findings.slice() };
  const findings = report.findings.map((f): Finding => {
    const places = byName.size > 0 ? placesFor(subjectsOf(f, report), byName) : [];
    const inside = places.filter((p) => p.inWorkspace);
    const out: Finding = { ...f };
    // Only a real ambiguity is spelled out: several places of the best rank (two product
    // makefiles adding the module), or places that are all outside the workspace. A module added
    // by one PRODUCT_PACKAGES line and also defined in an Android.mk is not ambiguous.
    const top = places.filter((p) => p.rank === places[0]?.rank);
    const ambiguous = top.length > 1 ? top : places.length > 0 && inside.length === 0 ? places : [];
    if (ambiguous.length > 0) {
      const listed = ambiguous.slice(0, MAX_LISTED_PLACES).map(describePlace);
      const more = ambiguous.length > MAX_LISTED_PLACES ? `, and ${ambiguous.length - MAX_LISTED_PLACES} more` : '';
      const head = ambiguous.length === 1 ? 'Declared in the source tree at' : `Declared in ${ambiguous.length} places in the source tree:`;
      out.message = `${f.message} ${head} ${listed.join(', ')}${more}.`;
    }
    if (inside.length > 0) {
      out.location = { file: inside[0].file, line: inside[0].line, column: inside[0].column };
    } else if (f.location && isInsideWorkspace(f.location.file)) {
      out.location = f.location;
    } else if (fallback) {
      out.location = { ...fallback };
    }
    return out;
  });
  return { ...report, findings };
}
