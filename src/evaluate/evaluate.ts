/**
 * Policy evaluation: facts of one target + its market policy -> findings and the target's
 * inventory. Pure: no I/O, no clock (the caller passes `now`), deterministic output.
 */
import { endpointKey, type BaselineTarget } from '../baseline.js';
import type { Catalog, CatalogEntry, CatalogVariant } from '../catalog/schema.js';
import { allHosts, allIps, allSms } from '../catalog/schema.js';
import type { EndpointFact, InputFacts, PackageFacts, PreoptedCodeFact, ResourceValue, SkippedFact } from '../facts.js';
import { artifactOf, enclosingArtifacts } from '../extract/collector.js';
import { resolvePath } from '../inputs/partition.js';
import { isInputFlood } from '../extract/partial.js';
import { toggleIdOf } from '../extract/toggle-ids.js';
import { classifyEndpoint, isClientAllowed, severityFor, severityLocation, type MarketPolicy } from '../policy/effective.js';
import { exemptionStatus, matchExemption } from '../policy/exemptions.js';
import type { PolicyFile } from '../policy/load.js';
import { definitionsOf, propertyOf, type PropReading, type TargetResolution } from '../policy/sku.js';
import type { Finding, Location, ReportClient, ReportEndpoint, RuleId, Severity, SeveritySetting } from '../report/model.js';
import { suspectRule, type Suspicion } from './suspect.js';

/** Default severity of each rule (SPEC section 6); the market policy may change any of them. */
export const DEFAULT_SEVERITY: Record<RuleId, Severity> = {
  'wrong-market-client': 'error',
  'denied-endpoint': 'error',
  'unlisted-client-endpoint': 'error',
  'unlisted-endpoint': 'warning',
  'variant-toggle': 'error',
  'suspected-activation-client': 'warning',
  'cleartext-endpoint': 'warning',
  'test-key-signer': 'warning',
  'unreadable-artifact': 'error',
  'unresolved-market': 'error',
  'expired-exemption': 'error',
  'expiring-exemption': 'note',
  'new-endpoint': 'warning',
  'new-client': 'warning',
  'client-mention': 'note',
  'dormant-variant': 'note',
  'duplicate-entry': 'error',
};

export interface TargetEvaluation {
  clients: ReportClient[];
  endpoints: ReportEndpoint[];
  findings: Finding[];
  /** Exemptions (by index in the policy file) that suppressed at least one finding. */
  usedExemptions: Set<number>;
}

export interface EvaluateInput {
  targetId: string;
  facts: InputFacts;
  resolution: TargetResolution;
  /** Undefined when the market could not be resolved. */
  policy?: MarketPolicy;
  catalog: Catalog;
  file?: PolicyFile;
  now: Date;
  /** `--baseline`: the matching target of the previous report (undefined: none matched, all is new). */
  baseline?: { file: string; target?: BaselineTarget; by?: string };
}

interface ClientHit {
  entry?: CatalogEntry;
  pkg: PackageFacts;
  matchedBy: Set<string>;
  suspected: boolean;
  /** Why the heuristic suspects it (suspected hits only). */
  suspicion?: Suspicion;
}

export function evaluateTarget(input: EvaluateInput): TargetEvaluation {
  const { facts, policy, catalog, targetId } = input;
  const findings: Finding[] = [];
  const usedExemptions = new Set<number>();
  const market = input.resolution.market;
  // Where each path the facts name is on the device (InputFacts.partitionPaths; any other path is
  // its own): an endpoint found in `system.img!/app/X/X.apk` is at `system/app/X/X.apk`.
  const placed = facts.partitionPaths?.length ? new Map(facts.partitionPaths) : undefined;
  const partitionPathOf = (path: string): string => placed?.get(path) ?? path;
  // A device path two files of the input claim (`system/system/etc/x` folded beside
  // `system/etc/x`, a second image of one partition): an exemption matches those files by their
  // own paths only, so one reviewed file's exemption never covers the other.
  const contested = placed ? contestedPartitionPaths(facts, placed) : undefined;
  const exemptionPlace = (path: string, partitionPath: string): string => (contested?.has(partitionPath) ? path : partitionPath);

  /**
   * `scope`: every path and client a finding stands for, when it stands for several (an endpoint
   * in many files, inside many clients): an exemption with a `path` or `client` key must cover
   * each of them, not just the one the finding names.
   */
  const add = (f: Omit<Finding, 'severity' | 'target'> & { severity?: Severity }, fallbackLocation?: Location, scope?: { paths?: readonly string[]; clients?: readonly string[] }): void => {
    let setting: SeveritySetting = f.severity ?? DEFAULT_SEVERITY[f.rule];
    if (policy && !f.severity) setting = severityFor(policy, f.rule, setting);
    if (setting === 'off') return;
    const finding = findingInReportOrder(f, setting, targetId);
    if (!finding.location) {
      const loc = fallbackLocation ?? (policy ? severityLocation(policy, f.rule) ?? policy.location : undefined);
      if (loc) finding.location = loc;
    }
    // The subject is built only where there are exemptions to match (most policies have none).
    if (input.file?.policy.exemptions?.length && market) {
      const ex = matchExemption(
        input.file.policy.exemptions,
        {
          rule: f.rule,
          ...(f.endpointKind === 'host' && f.endpoint ? { host: f.endpoint } : {}),
          ...(f.endpoint ? { endpoint: f.endpoint, endpointKind: f.endpointKind } : {}),
          ...(f.package ? { package: f.package } : {}),
          ...(f.client ? { client: f.client, clientMarket: catalog.entries.find((e) => e.id === f.client)?.market } : {}),
          ...(f.path ? { path: f.path } : {}),
          ...(f.partitionPath ? { partitionPath: f.path ? exemptionPlace(f.path, f.partitionPath) : f.partitionPath } : {}),
          ...(scope?.paths ? { paths: scope.paths, ...(placed ? { partitionPaths: scope.paths.map((p) => exemptionPlace(p, partitionPathOf(p))) } : {}) } : {}),
          ...(scope?.clients ? { clients: scope.clients.map((id) => ({ id, market: catalog.entries.find((e) => e.id === id)?.market ?? '' })) } : {}),
        },
        market,
        input.now,
      );
      if (ex && !ex.expired) {
        usedExemptions.add(ex.index);
        finding.suppressed = { reason: ex.exemption.reason, owner: ex.exemption.owner, expires: ex.exemption.expires };
      }
    }
    findings.push(finding);
  };

  // Unreadable artifacts fail closed, whatever the market.
  for (const u of facts.unreadable) {
    add({
      rule: 'unreadable-artifact',
      path: u.path,
      ...(isInputFlood(u) ? {} : { partitionPath: u.partitionPath ?? partitionPathOf(u.path) }),
      message:
        u.format === 'endpoints'
          ? // The endpoint caps (extract/partial.ts): read, but not all of it listed.
            `${isInputFlood(u) ? `The input ${facts.input}` : u.path} names too many endpoints to list (${u.reason}); an endpoint past the cap is not checked against the policy: review it, then exempt it by path or raise ACTIVATION_GATE_MAX_${isInputFlood(u) ? 'INPUT' : 'ARTIFACT'}_ENDPOINTS.`
          : u.format === 'symlink'
            ? `${u.path} is ${u.reason}.`
            : u.format === 'folder' && u.path === '.'
              ? `The input ${facts.input} gave nothing to read (${u.reason}): a scan that read nothing shows nothing about the build; check the path, or what the input's links point at.`
              : `${u.path} could not be read (${u.format}: ${u.reason}${u.offset !== undefined ? ` at offset ${u.offset}` : ''}); a client hidden in it would not be seen: fix or remove the file.`,
    });
  }

  if (!market || !policy) {
    const tried = input.resolution.tried.length ? input.resolution.tried.join(', ') : 'none';
    const seen = input.resolution.unmapped.map((u) => `${u.key}=${u.value} (${u.derivedFrom ? `derived from ${u.derivedFrom}, ` : ''}${u.file}:${u.line})`).join(', ');
    const { conflict, reading } = input.resolution;
    // Where the Android version is not known, each reading of the properties is a target (or,
    // for one SKU, the reason it has none): say so, and how to settle it.
    const unknownVersion = 'ro.build.version.sdk is not set (or its readings differ), so this build may be read either way; set it in system/build.prop or pass --market/--sku.';
    const message = conflict
      ? `No market for ${facts.input}: its properties give ${conflict.map((c) => `${c.market ?? 'no market'} ${readingLabel(c.reading)}${c.resolvedBy ? ` (${c.resolvedBy.key}=${c.resolvedBy.value}, ${c.resolvedBy.file}:${c.resolvedBy.line})` : ''}`).join(' but ')}; ${unknownVersion}`
      : `No market for ${facts.input}${reading ? ` ${readingLabel(reading)}` : ''}: tried ${tried}${seen ? `; found ${seen}, which no \`skus\` entry maps` : ', none present'}. ${reading ? `Another reading of its properties gives a market: ${unknownVersion}` : 'Add the SKU to `skus` in the policy file or pass --market/--sku.'}`;
    add({
      rule: 'unresolved-market',
      message,
      ...(input.file ? { location: { file: input.file.file, line: 1 } } : {}),
    });
    return { clients: [], endpoints: inventory(facts.endpoints, undefined, new Map()), findings, usedExemptions };
  }

  // Endpoints per artifact, to attribute them to packages: an app's code beside its APK (its
  // preopted odex/vdex, its extracted JNI libraries) counts as the APK's, and what an APK carries
  // (an APK in its assets) as its own too (the carried APK's are not the carrier's).
  const packageArtifacts = facts.packages.map((p) => artifactOf(p.path));
  const companions = appCompanions(packageArtifacts, libLinks(facts.skipped, partitionPathOf));
  const carriers = new Set(packageArtifacts);
  const byArtifact = new Map<string, EndpointFact[]>();
  const attribute = (a: string, ep: EndpointFact): void => {
    let list = byArtifact.get(a);
    if (!list) byArtifact.set(a, (list = []));
    if (list[list.length - 1] !== ep) list.push(ep);
  };
  for (const ep of facts.endpoints) {
    for (const a of ep.artifacts) {
      attribute(a, ep);
      for (const apk of companions(a) ?? NO_OWNERS) attribute(apk, ep);
      if (a.includes('!/')) for (const outer of enclosingArtifacts(a)) if (carriers.has(outer)) attribute(outer, ep);
    }
  }
  const artifactOfPackage = (p: PackageFacts): string => artifactOf(p.path);
  const embedded = (p: PackageFacts): EndpointFact[] => (byArtifact.get(artifactOfPackage(p)) ?? []).filter((e) => !e.ignored);

  // Present clients: a catalogued package (or, later, signer) installed in the build.
  const hits: ClientHit[] = [];
  const suspected = suspectRule(facts.packages);
  for (const pkg of facts.packages) {
    const bySigner = (e: CatalogEntry) => e.signers.some((s) => pkg.signerSha256.includes(s));
    const entries = catalog.entries.filter((e) => e.packages.includes(pkg.package) || bySigner(e));
    const eps = embedded(pkg);
    for (const entry of entries) {
      const matchedBy = new Set<string>();
      if (entry.packages.includes(pkg.package)) matchedBy.add('package');
      if (bySigner(entry)) matchedBy.add('signer');
      const hosts = new Set(allHosts(entry));
      const ips = new Set(allIps(entry));
      const sms = new Set(allSms(entry));
      for (const e of eps) {
        if (e.kind === 'host' && hosts.has(e.value)) matchedBy.add('host');
        if (e.kind === 'ip' && ips.has(e.value)) matchedBy.add('host');
        if (e.kind === 'sms' && sms.has(e.value)) matchedBy.add('sms');
      }
      hits.push({ entry, pkg, matchedBy, suspected: false });
    }
    const suspicion = entries.length === 0 && !pkg.overlay ? suspected(pkg, eps) : undefined;
    if (suspicion) hits.push({ pkg, matchedBy: new Set(['heuristic']), suspected: true, suspicion });
  }

  // Variants (SPEC section 4): which variant of each multi-market client this target selects.
  const variants = selectVariants(facts, catalog);
  for (const h of hits) if (h.entry && variants.get(h.entry.id)?.byToggle.length) h.matchedBy.add('toggle');

  const clients: ReportClient[] = [];
  const clientArtifacts = new Map<string, string[]>(); // artifact -> client ids / packages
  // An overlay of a catalogued client is part of that client: its strings are the client's.
  for (const v of variants.values()) {
    for (const o of v.overlays) {
      const art = artifactOfPackage(o);
      if (!(clientArtifacts.get(art) ?? []).includes(v.entry.id)) clientArtifacts.set(art, [...(clientArtifacts.get(art) ?? []), v.entry.id]);
    }
  }
  for (const h of hits) {
    const art = artifactOfPackage(h.pkg);
    const label = h.entry ? h.entry.id : h.pkg.package;
    clientArtifacts.set(art, [...(clientArtifacts.get(art) ?? []), label]);
    if (h.entry) {
      const decision = isClientAllowed(policy, h.entry);
      clients.push({
        id: h.entry.id,
        name: h.entry.name,
        market: h.entry.market,
        package: h.pkg.package,
        path: h.pkg.path,
        matchedBy: [...h.matchedBy].sort(),
        allowed: decision.allowed,
      });
      // A client whose market the catalog only guesses (it may ship on global ROMs too), denied
      // for that market: a warning to review, not an error, unless the policy sets the rule's
      // severity, names the client, or keeps a client allow list (every other client a violation).
      const setting = policy ? severityFor(policy, 'wrong-market-client', DEFAULT_SEVERITY['wrong-market-client']) : DEFAULT_SEVERITY['wrong-market-client'];
      const guessed = !decision.allowed && decision.byMarket && h.entry.marketUncertain && setting === 'error' && !policy?.severity['wrong-market-client'] && !policy?.clients.allow;
      if (!decision.allowed) {
        add(
          {
            rule: 'wrong-market-client',
            ...(guessed ? { severity: 'warning' as const } : {}),
            package: h.pkg.package,
            client: h.entry.id,
            path: h.pkg.path,
            partitionPath: h.pkg.partitionPath,
            message: `${h.entry.name} (${h.pkg.package}, a ${h.entry.market}-market client) is installed at ${h.pkg.partitionPath} in this ${market} build: ${decision.reason}.${guessed ? ` Its market is the catalog's informed guess (it may ship on global ROMs too): review it, and deny it by id in the policy to make this an error.` : ''} Remove it from the ${market} product or switch the build to the right country variant.`,
          },
          decision.location,
        );
      }
    } else {
      clients.push({ id: `suspected:${h.pkg.package}`, market: 'unknown', package: h.pkg.package, path: h.pkg.path, matchedBy: ['heuristic'], allowed: true, suspected: true });
      add({
        rule: 'suspected-activation-client',
        package: h.pkg.package,
        path: h.pkg.path,
        partitionPath: h.pkg.partitionPath,
        message: `${h.pkg.package} (${h.pkg.partitionPath}) looks like an activation client: it starts on its own (at boot, unlock or a SIM or carrier change), can read the phone's identity (it ${h.suspicion?.identity}) and ${h.suspicion?.sendsSms ? 'can send SMS' : 'embeds network endpoints'}. Review it and add it to the catalog (or allow its endpoints) for ${market}.`,
      });
    }
  }

  // Packages signed with a public AOSP test key.
  const testKeys = new Map((catalog.testKeys ?? []).map((k) => [k.sha256, k.name]));
  for (const pkg of facts.packages) {
    const digest = pkg.signerSha256.find((d) => testKeys.has(d));
    if (!digest) continue;
    add({
      rule: 'test-key-signer',
      package: pkg.package,
      path: pkg.path,
      partitionPath: pkg.partitionPath,
      message: `${pkg.package} (${pkg.partitionPath}) is signed with the public AOSP ${testKeys.get(digest)} test key (certificate SHA-256 ${digest}): anyone holding the AOSP tree can sign an update this ${market} build accepts as the same app. Sign the release with your own keys.`,
    });
  }

  // An overlay (or property) selecting a variant of a market this target denies.
  for (const v of variants.values()) {
    for (const sel of v.byToggle) {
      // With the client installed, its allow list applies too; an overlay alone answers to deny rules only.
      const decision = isClientAllowed(v.installed.length ? policy : { ...policy, clients: { deny: policy.clients.deny } }, { id: v.entry.id, market: sel.variant.market });
      if (decision.allowed) continue;
      const o = sel.overlay;
      add(
        {
          rule: 'variant-toggle',
          client: v.entry.id,
          ...(o ? { package: o.package, path: o.path, partitionPath: o.partitionPath } : {}),
          message: `${o ? `Overlay ${o.package} (${o.partitionPath})` : 'The build'} sets ${sel.how} for ${v.entry.name} (${v.entry.packages.join(', ') || v.entry.id}), which selects its ${sel.variant.market} variant "${sel.variant.id}" in this ${market} build: ${decision.reason.replace(`${v.entry.id} (market ${sel.variant.market})`, `the ${sel.variant.market} variant`)}. Fix the overlay or its required system property so this SKU keeps the ${market} variant.`,
        },
        decision.location,
      );
    }
  }

  // Endpoints of variants the target does not select, found only inside that client: dormant.
  const dormant = dormantEndpoints(facts.endpoints, variants, (art) => labelsOf(clientArtifacts, companions, art) ?? []);

  // Endpoints: deny beats allow; inside an activation client an unlisted endpoint is an error.
  // Each endpoint's status, by its index in facts.endpoints (one fact per kind and value).
  const statuses: ReportEndpoint['status'][] = new Array<ReportEndpoint['status']>(facts.endpoints.length);
  for (let index = 0; index < facts.endpoints.length; index++) {
    const ep = facts.endpoints[index];
    if (ep.ignored) {
      statuses[index] = 'ignored';
      continue;
    }
    const sleeping = dormant.size > 0 ? dormant.get(endpointKey(ep.kind, ep.value)) : undefined;
    if (sleeping) {
      statuses[index] = 'dormant';
      const label = ep.kind === 'sms' ? `SMS number ${ep.value}` : ep.kind === 'ip' ? `IP ${ep.value}` : ep.value;
      add({
        rule: 'dormant-variant',
        endpoint: ep.value,
        endpointKind: ep.kind,
        evidence: ep.evidence,
        ...pathsOf(ep, partitionPathOf),
        client: sleeping.entry.id,
        message: `${label} belongs to the ${sleeping.variant.market} variant "${sleeping.variant.id}" of ${sleeping.entry.name}, which this ${market} build does not select (${variants.get(sleeping.entry.id)!.selectedHow}); it is embedded in ${describeWhere(ep)} but inactive${sleeping.variant.toggle ? `. An overlay setting ${describeToggle(sleeping.variant.toggle)} would activate it` : ''}.`,
      }, undefined, { paths: ep.artifacts });
      continue;
    }
    const cls = classifyEndpoint(policy, ep.kind, ep.value);
    statuses[index] = cls.status;
    const owners = ownersOf(ep, clientArtifacts, companions);
    const inClients = owners.length > 0; // every listed artifact has at least one owner
    const where = describeWhere(ep);
    const label = ep.kind === 'sms' ? `SMS number ${ep.value}` : ep.kind === 'ip' ? `IP ${ep.value}` : ep.value;
    const base = { endpoint: ep.value, endpointKind: ep.kind, evidence: ep.evidence, ...pathsOf(ep, partitionPathOf) };
    const scope = { paths: ep.artifacts, clients: owners };
    if (cls.status === 'denied') {
      if (ep.kind !== 'sms' || inClients) {
        add(
          {
            rule: 'denied-endpoint',
            ...base,
            ...(owners.length ? { client: owners[0] } : {}),
            message: `${label} is denied in ${market} by "${cls.rule?.pattern}" (${cls.rule?.location ? `${cls.rule.location.file}:${cls.rule.location.line}` : cls.rule?.source}) and is embedded in ${where}${owners.length ? ` (client ${owners.join(', ')})` : ''}. Remove it from the ${market} build.`,
          },
          cls.rule?.location,
          scope,
        );
      } else {
        // A denied number outside any client (a framework's CT self-registration sender, a
        // config): SPEC makes it an error only inside a client; a warning says it is there.
        const setting = policy ? severityFor(policy, 'denied-endpoint', DEFAULT_SEVERITY['denied-endpoint']) : DEFAULT_SEVERITY['denied-endpoint'];
        if (setting !== 'off') {
          add(
            {
              rule: 'denied-endpoint',
              // (An explicit severity for the rule in the policy applies as it is.)
              severity: setting === 'error' && !policy?.severity['denied-endpoint'] ? 'warning' : setting,
              ...base,
              message: `${label} is denied in ${market} by "${cls.rule?.pattern}" (${cls.rule?.location ? `${cls.rule.location.file}:${cls.rule.location.line}` : cls.rule?.source}) and is embedded in ${where}, outside any activation client (a warning: code that sends to it, such as a framework's self-registration sender, is not told apart from a list). Review it.`,
            },
            cls.rule?.location,
            scope,
          );
        }
      }
    } else if (cls.status === 'unlisted') {
      if (inClients) {
        add({
          rule: 'unlisted-client-endpoint',
          ...base,
          client: owners[0],
          message: `${label} is embedded in activation client ${owners.join(', ')} (${where}) but is not on the ${market} endpoint allow list. Review it and add it to markets.${market}.endpoints.allow, or remove the client.`,
        }, undefined, scope);
      } else if (ep.kind !== 'sms') {
        add({
          rule: 'unlisted-endpoint',
          ...base,
          message: `${label} is embedded in ${where} and is on neither the allow nor the deny list of ${market}. Review it and list it.`,
        }, undefined, scope);
      }
    }
    if (ep.cleartext && inClients && ep.kind !== 'sms') {
      add({
        rule: 'cleartext-endpoint',
        ...base,
        client: owners[0],
        message: `Activation client ${owners.join(', ')} talks to ${label} over unencrypted ${(ep.schemes ?? ['http']).filter((s) => s !== 'https').join('/')} (${where}): identifiers sent this way cross the network in clear text.`,
      }, undefined, scope);
    }
  }

  // Catalogued packages named in plain files but not installed: a note, never a client.
  const installed = new Set(facts.packages.map((p) => p.package));
  const mentioned = new Map<string, typeof facts.mentions>();
  for (const m of facts.mentions) {
    if (installed.has(m.package)) continue;
    const list = mentioned.get(m.package);
    if (list) list.push(m);
    else mentioned.set(m.package, [m]);
  }
  for (const [pkg, ms] of [...mentioned.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const entry = catalog.entries.find((e) => e.packages.includes(pkg));
    add({
      rule: 'client-mention',
      package: pkg,
      ...(entry ? { client: entry.id } : {}),
      path: ms[0].evidence.path,
      partitionPath: partitionPathOf(ms[0].evidence.path),
      evidence: ms.map((m) => m.evidence).slice(0, 20),
      message: `${pkg}${entry ? ` (${entry.name})` : ''} is named in ${listedPaths(ms.map((m) => m.evidence.path))} but not installed: a mention, not a client.`,
    }, undefined, { paths: ms.map((m) => m.evidence.path) });
  }

  // --baseline: what is here now and was not in the approved build.
  if (input.baseline) {
    const bt = input.baseline.target;
    const since = `the baseline ${input.baseline.file}${bt ? ` (target ${bt.id}${input.baseline.by && input.baseline.by !== 'id' ? `, matched by ${input.baseline.by}` : ''})` : ', which has no target matching this one'}`;
    for (const ep of facts.endpoints) {
      if (ep.ignored || bt?.endpoints.has(endpointKey(ep.kind, ep.value))) continue;
      const label = ep.kind === 'sms' ? `SMS number ${ep.value}` : ep.kind === 'ip' ? `IP ${ep.value}` : ep.value;
      add({
        rule: 'new-endpoint',
        endpoint: ep.value,
        endpointKind: ep.kind,
        evidence: ep.evidence,
        ...pathsOf(ep, partitionPathOf),
        message: `${label} is new since ${since}: it is embedded in ${describeWhere(ep)}. Review it; once approved, make this report the baseline.`,
      }, undefined, { paths: ep.artifacts });
    }
    for (const c of clients) {
      if (bt?.clients.has(c.id)) continue;
      add({
        rule: 'new-client',
        client: c.id,
        ...(c.package ? { package: c.package } : {}),
        ...(c.path ? { path: c.path, partitionPath: facts.packages.find((p) => p.path === c.path)?.partitionPath ?? partitionPathOf(c.path) } : {}),
        message: `${c.suspected ? 'Suspected activation client' : `Client ${c.id}`}${c.package ? ` (${c.package}${c.path ? ` at ${c.path}` : ''})` : ''} is new since ${since}. Review it; once approved, make this report the baseline.`,
      });
    }
  }

  // Exemptions: expired ones are errors and no longer exempt; those near expiry are notes.
  if (input.file?.policy.exemptions) {
    input.file.policy.exemptions.forEach((ex, index) => {
      if (ex.markets && !ex.markets.some((m) => m.toUpperCase() === market.toUpperCase())) return;
      const status = exemptionStatus(ex.expires, input.now);
      const loc = locateExemption(input.file!, index);
      if (status.expired) {
        add({ rule: 'expired-exemption', message: `Exemption ${index + 1} (${ex.reason}, owner ${ex.owner}) expired on ${ex.expires} and no longer applies: renew it after review or fix what it exempted.`, location: loc });
      } else if (status.expiringSoon) {
        add({ rule: 'expiring-exemption', message: `Exemption ${index + 1} (${ex.reason}, owner ${ex.owner}) expires on ${ex.expires}: review it before then, or the findings it suppresses fail the build again.`, location: loc });
      }
    });
  }

  return { clients: sortClients(clients), endpoints: inventory(facts.endpoints, statuses, clientArtifacts, companions), findings, usedExemptions };
}

/**
 * The finding with its keys in the report's canonical order (sort.ts), none undefined, so that
 * the JSON writer serialises it as it is instead of copying it (isCanonicalFinding).
 */
function findingInReportOrder(f: Omit<Finding, 'severity' | 'target'>, severity: Severity, target: string): Finding {
  const out: Finding = { rule: f.rule, severity, target } as Finding;
  if (f.package !== undefined) out.package = f.package;
  if (f.client !== undefined) out.client = f.client;
  if (f.endpoint !== undefined) out.endpoint = f.endpoint;
  if (f.endpointKind !== undefined) out.endpointKind = f.endpointKind;
  if (f.path !== undefined) out.path = f.path;
  if (f.partitionPath !== undefined) out.partitionPath = f.partitionPath;
  out.message = f.message;
  if (f.evidence !== undefined) out.evidence = f.evidence;
  if (f.location !== undefined) out.location = f.location;
  if (f.suppressed !== undefined) out.suppressed = f.suppressed;
  return out;
}

/** Where exemption `index` stands in the policy file (its first line), for findings and check-policy. */
export function locateExemption(file: PolicyFile, index: number): Location {
  const p = file.positions.get(`exemptions[${index}]`);
  return p ? { file: file.file, line: p.line } : { file: file.file, line: 1 };
}

/** Paths named in a message at most; the rest are counted. */
const MAX_LISTED_PATHS = 10;

/** `a, b, c`, or the first MAX_LISTED_PATHS and `and N more files` (a build may name a package in thousands). */
function listedPaths(paths: string[]): string {
  if (paths.length <= MAX_LISTED_PATHS) return paths.join(', ');
  return `${paths.slice(0, MAX_LISTED_PATHS).join(', ')}${andMoreFiles(paths.length - MAX_LISTED_PATHS)}`;
}

/** The `path` of an endpoint finding (its first evidence's) and where that is on the device. */
function pathsOf(ep: EndpointFact, partitionPathOf: (path: string) => string): { path?: string; partitionPath?: string } {
  const path = ep.evidence[0]?.path;
  return path === undefined ? {} : { path, partitionPath: partitionPathOf(path) };
}

/** ` and 1 more file`, ` and N more files`; nothing for 0. */
function andMoreFiles(n: number): string {
  return n > 0 ? ` and ${n} more file${n > 1 ? 's' : ''}` : '';
}

function describeWhere(ep: EndpointFact): string {
  const first = ep.evidence[0];
  if (!first) return 'the build';
  const at = `${first.path}${first.entry ? `!/${first.entry}` : ''} (${first.source}${first.offset !== undefined ? ` @${first.offset}` : ''})`;
  return at + andMoreFiles(ep.artifacts.length - 1);
}

function sortClients(c: ReportClient[]): ReportClient[] {
  return c.sort((a, b) => cmp(a.id, b.id) || cmp(a.path ?? '', b.path ?? ''));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const NO_OWNERS: readonly string[] = [];

/** The device paths (InputFacts.partitionPaths) that more than one path the facts name is at. */
function contestedPartitionPaths(facts: InputFacts, placed: ReadonlyMap<string, string>): Set<string> {
  const claims = new Map<string, number>();
  for (const pp of placed.values()) claims.set(pp, (claims.get(pp) ?? 0) + 1);
  const out = new Set<string>();
  for (const [pp, n] of claims) if (n > 1) out.add(pp);
  // A path that is its own device path (a folder's `system/etc/x`) and is also another's.
  const named = (path: string): void => {
    if (claims.has(path) && !placed.has(path)) out.add(path);
  };
  for (const ep of facts.endpoints) for (const a of ep.artifacts) named(a);
  for (const p of facts.packages) named(p.path);
  for (const u of facts.unreadable) named(u.path);
  for (const m of facts.mentions) named(m.evidence.path);
  return out;
}

/** The preopted code (PreoptedCodeFact) beside each package's APK: `<app folder>/oat/<isa>/<name>.vdex` (appCompanions). */
function preoptedCodeOf(facts: InputFacts): (app: PackageFacts) => PreoptedCodeFact[] {
  if (!facts.preoptedCode?.length) return () => [];
  const companions = appCompanions(facts.packages.map((p) => artifactOf(p.path)));
  const byApk = new Map<string, PreoptedCodeFact[]>();
  for (const c of facts.preoptedCode) {
    for (const apk of companions(artifactOf(c.path)) ?? []) {
      const list = byApk.get(apk);
      if (list) list.push(c);
      else byApk.set(apk, [c]);
    }
  }
  return (app) => byApk.get(artifactOf(app.path)) ?? [];
}

/** `<app folder>/oat/<isa>/<name>.odex|vdex|art`: code dexpreopt made from `<app folder>/<name>.apk`. */
const PREOPTED = /^(.*)\/oat\/[^/]+\/([^/]+)\.(?:odex|vdex|art)$/;
/** `<app folder>/lib/<abi>/...`: JNI libraries extracted from the app's APK (a prebuilt's install, or the package manager's). */
const EXTRACTED_LIB = /^(.*)\/lib\/[^/]+\/[^/]/;

/**
 * Which APKs a file beside them is code of: a preopted file (the app's code moved out of its APK
 * into oat/, where a build strips classes.dex from the APK: Android 8 and 9's default) is its
 * APK's; a library under `lib/<abi>/` of an app folder (`Name/Name.apk`, or an installed
 * `base.apk` with its splits) is the code of the APKs in that folder. Undefined for any other file.
 */
export function appCompanions(apkArtifacts: readonly string[], links?: LibLinks): (artifact: string) => readonly string[] | undefined {
  const apks = new Set(apkArtifacts);
  const inFolder = new Map<string, string[]>();
  for (const apk of apks) {
    const slash = apk.lastIndexOf('/');
    if (slash < 0) continue;
    const dir = apk.slice(0, slash);
    const name = apk.slice(slash + 1);
    const folder = dir.slice(dir.lastIndexOf('/') + 1);
    // An app's own folder: named for the APK, or an installed app's base and splits.
    if (name !== `${folder}.apk` && name !== 'base.apk' && !name.startsWith('split_')) continue;
    const list = inFolder.get(dir);
    if (list) list.push(apk);
    else inFolder.set(dir, [apk]);
  }
  if (apks.size === 0) return () => undefined;
  const inAppLib = (path: string): readonly string[] | undefined => {
    const m = EXTRACTED_LIB.exec(path);
    if (!m) return undefined;
    // The nearest app folder above the lib/ folder (a name may hold "/lib/" twice).
    let dir = m[1];
    for (;;) {
      const list = inFolder.get(dir);
      if (list) return list;
      const at = dir.lastIndexOf('/lib/');
      if (at < 0) return undefined;
      dir = dir.slice(0, at);
    }
  };
  return (artifact) => {
    if (artifact.includes('/oat/')) {
      const m = PREOPTED.exec(artifact);
      const apk = m ? `${m[1]}/${m[2]}.apk` : undefined;
      if (apk && apks.has(apk)) return [apk];
    }
    if (artifact.includes('/lib/')) {
      const own = inAppLib(artifact);
      if (own) return own;
    }
    // A library an app's lib/<abi>/ links to (make-built apps: lib/arm64/libfoo.so ->
    // /system/lib64/libfoo.so, scanned there).
    if (links?.size) {
      const from = links.get(links.place(artifact));
      if (from) {
        const out = [...new Set(from.flatMap((link) => inAppLib(link) ?? []))];
        if (out.length) return out;
      }
    }
    return undefined;
  };
}

/** Symlinks under an app's `lib/<abi>/`, by the device path they point at; `place` gives an input path's device path. */
type LibLinks = Map<string, string[]> & { place: (path: string) => string };

/**
 * The symlinks the scan listed as skipped (with their `target`) that stand in a `lib/<abi>/`
 * folder, by the device path of their target (an absolute target is a device path; a relative one
 * is resolved from the link's own device path).
 */
function libLinks(skipped: readonly SkippedFact[], partitionPathOf: (path: string) => string): LibLinks {
  const out = new Map<string, string[]>() as LibLinks;
  out.place = partitionPathOf;
  for (const s of skipped) {
    if (!s.path.includes('/lib/') || !EXTRACTED_LIB.test(s.path)) continue;
    if (s.target === undefined) continue;
    const target = resolvePath(s.target, s.target.startsWith('/') ? [] : partitionPathOf(s.path).split('/').slice(0, -1));
    const list = out.get(target);
    if (list) list.push(s.path);
    else out.set(target, [s.path]);
  }
  return out;
}

/**
 * The clients and packages of an artifact: its own, or those of the APKs it is code of
 * (appCompanions); and those of the APKs that carry it (an APK in another's assets).
 */
function labelsOf(clientArtifacts: ReadonlyMap<string, string[]>, companions: (artifact: string) => readonly string[] | undefined, artifact: string): string[] | undefined {
  let found = clientArtifacts.get(artifact);
  if (!found) {
    for (const apk of companions(artifact) ?? NO_OWNERS) {
      const labels = clientArtifacts.get(apk);
      if (labels) (found ??= []).push(...labels);
    }
  }
  if (artifact.includes('!/')) {
    for (const outer of enclosingArtifacts(artifact)) {
      const labels = clientArtifacts.get(outer);
      if (labels) found = [...(found ?? []), ...labels];
    }
  }
  return found;
}

/** The clients and packages whose artifacts embed `ep`, sorted, each once. */
function ownersOf(ep: EndpointFact, clientArtifacts: ReadonlyMap<string, string[]>, companions: (artifact: string) => readonly string[] | undefined): readonly string[] {
  if (clientArtifacts.size === 0) return NO_OWNERS; // a build without clients: no lookups per endpoint
  let found: string[] | undefined;
  for (const a of ep.artifacts) {
    const labels = labelsOf(clientArtifacts, companions, a);
    if (labels) (found ??= []).push(...labels);
  }
  return found ? [...new Set(found)].sort() : NO_OWNERS;
}

/** The target's endpoints for the report; `statuses` by index in `eps` (none: all unlisted). */
function inventory(
  eps: EndpointFact[],
  statuses: readonly (ReportEndpoint['status'] | undefined)[] | undefined,
  clientArtifacts: Map<string, string[]>,
  companions: (artifact: string) => readonly string[] | undefined = () => undefined,
): ReportEndpoint[] {
  return eps.map((ep, index) => {
    const status = ep.ignored ? 'ignored' : (statuses?.[index] ?? 'unlisted');
    // Keys in the report's canonical order (sort.ts), so the JSON writer needs no copy.
    const r = { kind: ep.kind, value: ep.value } as ReportEndpoint;
    if (ep.ports?.length) r.port = ep.ports[0];
    if (ep.schemes?.length) r.scheme = ep.schemes.includes('http') ? 'http' : ep.schemes[0];
    if (ep.cleartext) r.cleartext = true;
    r.status = status;
    const owners = ownersOf(ep, clientArtifacts, companions);
    if (owners.length) r.packages = [...owners];
    r.evidence = ep.evidence;
    r.evidenceCount = ep.evidenceCount;
    return r;
  });
}

interface VariantSelection {
  variant: CatalogVariant;
  /** How it was selected, for messages: `bool/isCnVersion = true`, `string/SERVER_ADDRESS_CN = "https://cn.c2dms.com"`. */
  how: string;
  /** The overlay that selected it (undefined for a property toggle). */
  overlay?: PackageFacts;
}

interface VariantState {
  entry: CatalogEntry;
  /** Installed packages of the client and overlays targeting it (active in this target). */
  installed: PackageFacts[];
  overlays: PackageFacts[];
  /** Variants selected by an overlay resource or a property. */
  byToggle: VariantSelection[];
  /** Ids of every selected variant (by toggle, else the default ones). */
  selected: Set<string>;
  selectedHow: string;
}

function describeToggle(toggle: Record<string, string | number | boolean>): string {
  return Object.entries(toggle)
    .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
    .join(', ');
}

function sameValue(actual: string | number | boolean, want: string | number | boolean): boolean {
  if (typeof want === 'boolean') return actual === want || String(actual).toLowerCase() === String(want);
  return String(actual) === String(want);
}

/**
 * For every catalogued client with variants that is installed or overlaid in this target, the
 * variants its overlays (resource values), its own resources or the build's properties
 * (`prop/NAME` toggles) select. Where what the app reads on the device is not plain (a toggle
 * that is a reference or of another type, that differs by configuration, an app value in a
 * configuration the overlays leave, a non-static overlay that may be disabled), every variant it
 * may mean is selected: the gate fails closed. An overlay string that holds a host of a variant
 * selects that variant too (a CN server address in an overlay is a CN configuration), unless
 * plainly excused (readToggles, below). Without any of these, the `default` variants apply.
 */
/** A partition's overlay folder (PackageManager's scan folders for static overlays: /system, /product, /vendor, /odm, /oem, /system_ext + /overlay), at any depth below it. */
const OVERLAY_FOLDER = /^(?:[^/]+\/)*?(system|product|vendor|odm|oem|system_ext)\/overlay\//;

/**
 * Whether Android installs an overlay package from where it sits, so that its values can shadow
 * its target's: a file (not an APK's asset, not an archive member) in an overlay folder. One
 * anywhere else still selects a variant when it sets that variant's toggle (fail closed), but
 * never hides the client's own value.
 */
function inOverlayFolder(p: PackageFacts): boolean {
  const where = p.partitionPath;
  return !where.includes('!/') && OVERLAY_FOLDER.test(where);
}

/** ResTable_overlayable_policy_header::PolicyFlags that a preinstalled overlay fulfils by where it is (OverlayManagerService calculateFulfilledPolicies). */
const PARTITION_POLICY: Record<string, number> = { system: 0x2, system_ext: 0x2, vendor: 0x4, product: 0x8, odm: 0x20, oem: 0x40 };
const POLICY_PUBLIC = 0x1;
const POLICY_SIGNATURE = 0x10;

/**
 * Whether Android may refuse overlay `o`'s value of `key` (`type/name`) in `app`: then the app's
 * own value may be the one read, and the overlay does not hide it. idmap2 (CheckOverlayable)
 * refuses a resource that the target's `<overlayable>` blocks do not list, one whose block is not
 * the overlay's android:targetName, and one whose block's policies the overlay fulfils none of
 * (PUBLIC, its partition's, SIGNATURE when it is signed as the target is; the actor's and the
 * config signature's are not known here, so not counted). It is enforced (IdmapManager
 * enforceOverlayable) from Android 10 on, for an overlay targeting SDK 29+ and for any on /vendor
 * (or /odm) once that partition is Android 10+ (not known here: taken as so); a preinstalled one
 * elsewhere targeting 28 or lower is held to nothing. A target that declares no `<overlayable>`
 * takes any preinstalled overlay.
 */
function mayRefuse(o: PackageFacts, app: PackageFacts, key: string, sdk: number | undefined): string | undefined {
  if (sdk !== undefined && sdk < 29) return undefined;
  const blocks = app.overlayable;
  if (!blocks || blocks.length === 0) return undefined;
  const partition = OVERLAY_FOLDER.exec(o.partitionPath)?.[1] ?? '';
  const targetSdk = o.overlay?.targetSdk;
  const enforced = targetSdk === undefined || targetSdk >= 29 || partition === 'vendor' || partition === 'odm';
  if (!enforced) return undefined;
  const block = blocks.find((b) => b.resources.includes(key));
  if (!block) return `${app.package} declares <overlayable> blocks, none listing ${key}`;
  const targetName = o.overlay?.targetName ?? '';
  if (targetName !== block.name) return `${key} is in <overlayable name="${block.name}">, and the overlay's android:targetName is ${targetName ? `"${targetName}"` : 'not set'}`;
  const signedAlike = o.signerSha256.length > 0 && o.signerSha256.length === app.signerSha256.length && o.signerSha256.every((d) => app.signerSha256.includes(d));
  const fulfilled = POLICY_PUBLIC | (PARTITION_POLICY[partition] ?? 0) | (signedAlike ? POLICY_SIGNATURE : 0);
  if ((block.policies & fulfilled) === 0) return `<overlayable name="${block.name}"> allows policies 0x${block.policies.toString(16)}, and an overlay in ${partition}/overlay${signedAlike ? ' signed as its target' : ''} fulfils none of them`;
  return undefined;
}

function selectVariants(facts: InputFacts, catalog: Catalog): Map<string, VariantState> {
  const out = new Map<string, VariantState>();
  for (const entry of catalog.entries) {
    if (entry.variants.length === 0 || entry.packages.length === 0) continue;
    const installed = facts.packages.filter((p) => entry.packages.includes(p.package) && !p.overlay);
    const overlays = facts.packages.filter((p) => p.overlay && entry.packages.includes(p.overlay.targetPackage));
    if (installed.length === 0 && overlays.length === 0) continue;
    const byToggle: VariantSelection[] = [];
    /** What a variant's resource toggles read in `res`: they select it, may select it (a value that is no plain literal, or differs by configuration), select another, or are not set. */
    const readToggles = (res: readonly ResourceValue[], toggle: Record<string, unknown>, only?: (key: string) => boolean): 'yes' | 'maybe' | 'no' | 'unset' => {
      let verdict: 'yes' | 'maybe' | 'unset' = 'unset';
      for (const [k, want] of Object.entries(toggle)) {
        if (k.startsWith('prop/') || (only && !only(k))) continue;
        const read = readToggle(res, k, want as string | number | boolean);
        if (read === undefined) continue;
        if (read === 'no') return 'no';
        if (read === 'maybe') verdict = 'maybe';
        else if (verdict === 'unset') verdict = 'yes';
      }
      return verdict;
    };
    // A resource named for a variant: its id a word of the name (SERVER_ADDRESS_CN is the cn variant's).
    const namedFor = (r: ResourceValue, v: CatalogVariant): boolean => r.name.toLowerCase().split(/[^a-z0-9]+/).includes(v.id.toLowerCase());
    const namedForAny = (r: ResourceValue): boolean => entry.variants.some((w) => namedFor(r, w));
    const preoptedOf = preoptedCodeOf(facts);
    const sdkProp = propertyOf(facts.props, 'ro.build.version.sdk')?.value;
    const sdk = sdkProp !== undefined && /^\d+$/.test(sdkProp) ? Number(sdkProp) : undefined;
    // The overlays whose values may hide an app's own (Android installs them, always enabled,
    // with values that can be told; not one whose resourcesMap cannot be read: what it covers is
    // unknown), and of their values those Android lets through to `app` (mayRefuse).
    const shadowing = overlays.filter((o) => o.overlay?.isStatic === true && o.overlay.resourcesMapError === undefined && inOverlayFolder(o));
    const passed = (o: PackageFacts, app: PackageFacts): ResourceValue[] => (o.resources ?? []).filter((r) => mayRefuse(o, app, `${r.type}/${r.name}`, sdk) === undefined);
    /** Why Android may refuse the shadowing overlays' values of `keys` in `app`, for messages ('' when it takes them all). */
    const refusals = (app: PackageFacts, keys: readonly string[]): string => {
      const why = shadowing.flatMap((o) => keys.flatMap((k) => (valuesOf(o.resources ?? [], k).length ? [mayRefuse(o, app, k, sdk)].filter((x) => x !== undefined).map((x) => `${o.package} (${o.partitionPath}) sets ${k}, but Android may refuse it: ${x}`) : [])));
      return why.length ? ` (${why.join('; ')})` : '';
    };
    for (const variant of entry.variants) {
      const toggle = variant.toggle ?? {};
      const keys = Object.entries(toggle);
      const resourceKeys = keys.filter(([k]) => !k.startsWith('prop/'));
      const propKeys = keys.filter(([k]) => k.startsWith('prop/'));
      if (keys.length > 0 && propKeys.length === keys.length) {
        const ok = propKeys.every(([k, want]) => {
          // Under any reading the device may have (its Android version not known: fail closed).
          return definitionsOf(facts.props, k.slice('prop/'.length)).some((p) => sameValue(p.value, want));
        });
        if (ok) byToggle.push({ variant, how: describeToggle(toggle) });
      }
      const hosts = new Set([...variant.hosts, ...variant.ips]);
      const resourceToggle = resourceKeys.length > 0 && propKeys.length === 0;
      for (const o of overlays) {
        const res = o.resources ?? [];
        // Its toggles: set to this variant's values (or to a value that may be them: a reference,
        // another type, another value in some configuration, which the app reads as it is).
        // An overlay whose android:resourcesMap cannot be read may set any of its target's
        // resources to anything: it may select every variant a resource toggle selects.
        if (resourceToggle && o.overlay?.resourcesMapError !== undefined) {
          byToggle.push({ variant, how: `${describeToggle(toggle)}, or may (its android:resourcesMap cannot be read, so what it sets is unknown)`, overlay: o });
          continue;
        }
        const read = resourceToggle ? readToggles(res, toggle) : 'unset';
        if (read === 'yes' || read === 'maybe') {
          byToggle.push({ variant, how: read === 'yes' ? describeToggle(toggle) : `${describeToggle(toggle)}, or may (the overlay's value is no plain one, or differs by configuration)`, overlay: o });
          continue;
        }
        // A server address of this variant in its strings selects it, unless the overlay's own
        // toggles plainly select another variant and the string is named for this one (the 600WW
        // overlay's SERVER_ADDRESS_CN, beside isCnVersion=false: the app reads SERVER_ADDRESS_WW).
        // A CN host in SERVER_ADDRESS_WW, or beside a toggle that is no plain value, selects CN.
        // (Not when a string named for a variant is a reference: the slot the app reads may be this one.)
        const plainlyOther =
          entry.variants.some((w) => w !== variant && Object.keys(w.toggle ?? {}).some((k) => !k.startsWith('prop/')) && readToggles(res, w.toggle ?? {}) === 'yes') &&
          !res.some((r) => r.type === 'string' && typeof r.value === 'string' && r.value.startsWith('@') && namedForAny(r));
        const server = res.find(
          (r) =>
            r.type === 'string' &&
            typeof r.value === 'string' &&
            // A string of another configuration counts where it is named for a variant (a
            // server slot set otherwise for API 21+), not a translation (values-zh's privacy URL).
            (!r.config || namedForAny(r)) &&
            [...hosts].some((h) => hostIn(r.value as string, h)) &&
            !(plainlyOther && namedFor(r, variant)),
        );
        if (server) byToggle.push({ variant, how: `string/${server.name} = ${JSON.stringify(server.value)}`, overlay: o });
      }
      // The client's own string named for another variant holding this one's host (a CN host in
      // its SERVER_ADDRESS_WW), where no static overlay sets that string: the app reads it.
      for (const app of installed) {
        const slot = (app.resources ?? []).find(
          (r) =>
            r.type === 'string' &&
            typeof r.value === 'string' &&
            entry.variants.some((w) => w !== variant && namedFor(r, w)) &&
            !namedFor(r, variant) &&
            [...hosts].some((h) => hostIn(r.value as string, h)) &&
            shadowing.every((o) => !valuesOf(passed(o, app), `string/${r.name}`).some((x) => (x.config ?? '') === (r.config ?? ''))),
        );
        if (slot) byToggle.push({ variant, how: `${app.package}'s own string/${slot.name} = ${JSON.stringify(slot.value)}` });
      }
      // The client's own value of a toggle no overlay sets (a CN build of the app itself). An
      // overlay that is not static may be disabled on the device (then the app's own value
      // applies), and an overlay's value gives way to the app's in a configuration more
      // specific than the overlay's (AssetManager2: the app's values-v21 beats an overlay's
      // default): those values of the app may apply.
      if (resourceToggle) {
        for (const app of installed) {
          const own = app.resources ?? [];
          // A toggle the app has no resource of: its code reads the toggle by resource id, and
          // the name is only the table's (renamed, or ids given out otherwise): what the id
          // holds is not known here, so it may be this variant's value (fail closed).
          const missing = resourceKeys.filter(([k]) => valuesOf(own, k).length === 0).map(([k]) => k);
          if (missing.length) {
            byToggle.push({ variant, how: `${describeToggle(toggle)}, or may (${app.package} has no resource ${missing.join(', ')}, so what its code reads is not known)` });
            continue;
          }
          // A toggle whose id (the one the table gives its name) the app's code shows no sign of
          // loading: the table may give the name to another id than the code reads (names
          // swapped under aapt2 --stable-ids), so what the app reads is not known (fail closed).
          const unloaded = idsNotLoaded(app, resourceKeys.map(([k]) => k), preoptedOf(app));
          if (unloaded) {
            byToggle.push({ variant, how: `${describeToggle(toggle)}, or may (${unloaded}, so what it reads is not known)` });
            continue;
          }
          const values = new Map(shadowing.map((o) => [o, passed(o, app)]));
          const unset = (k: string): boolean => shadowing.every((o) => valuesOf(values.get(o)!, k).length === 0);
          for (const [k, want] of resourceKeys) {
            if (unset(k)) continue;
            const covered = new Set(shadowing.flatMap((o) => valuesOf(values.get(o)!, k).map((r) => r.config ?? '')));
            // An overlay's value for API vNN at or below the device's (ro.build.version.sdk) is
            // the one read where the app's default would be: it covers the default.
            if ([...covered].some((c) => /^v\d+$/.test(c) && sdk !== undefined && Number(c.slice(1)) <= sdk)) covered.add('');
            // (The app's default too, where no static overlay sets the default configuration: an
            // overlay for night mode or one MCC leaves it in force everywhere else.)
            const beyond = valuesOf(own, k).filter((r) => !covered.has(r.config ?? ''));
            if (resourceKeys.length === 1 && beyond.some((r) => typeof r.value !== typeof want || sameValue(r.value, want as string | number | boolean))) {
              byToggle.push({ variant, how: `${describeToggle(toggle)} in ${app.package}'s own resources for ${[...new Set(beyond.map((r) => r.config || 'the default configuration'))].join(', ')}, which the overlays' values do not cover${refusals(app, [k])}` });
            }
          }
          const read = readToggles(own, toggle, unset);
          // Toggles that overlays set decide for themselves (above); those they leave count here.
          const overlaid = resourceKeys.filter(([k]) => !unset(k));
          const overlaidOk = overlaid.length === 0 || shadowing.some((o) => readToggles(values.get(o)!, Object.fromEntries(overlaid)) !== 'no');
          if ((read === 'yes' || read === 'maybe') && overlaidOk) {
            byToggle.push({ variant, how: `${describeToggle(toggle)} in ${app.package}'s own resources${read === 'maybe' ? ' (or may be: no plain value, or another in some configuration)' : ''}, which no overlay changes${refusals(app, resourceKeys.map(([k]) => k))}` });
          }
        }
      }
    }
    const selected = new Set(byToggle.map((b) => b.variant.id));
    let selectedHow: string;
    if (selected.size === 0) {
      for (const v of entry.variants) if (v.default) selected.add(v.id);
      selectedHow = selected.size ? `no overlay or property selects a variant, so the default "${[...selected].join('", "')}" applies` : 'no overlay or property selects a variant';
    } else {
      selectedHow = `it selects ${byToggle.map((b) => `"${b.variant.id}" by ${b.how}`).join('; ')}`;
    }
    out.set(entry.id, { entry, installed, overlays, byToggle, selected, selectedHow });
  }
  return out;
}

const hexId = (id: number): string => `0x${id.toString(16).padStart(8, '0')}`;

/**
 * Why what `app` (a catalogued variant client) reads for its resource toggles `keys` is not
 * known by the ids its code loads (PackageFacts.toggleIds, readToggleIds in extract/artifact.ts):
 * its code could not be read, it was not checked (facts made otherwise), an `R$<type>` field
 * named for a toggle holds another id than the table gives it, or nothing in its code loads
 * that id (no const literal, no R field holding it, no getIdentifier beside the name).
 * Undefined when every toggle's id is loaded. Evidence, not data flow: code that loads the id
 * where it is never run still counts.
 */
function idsNotLoaded(app: PackageFacts, keys: readonly string[], preopted: readonly PreoptedCodeFact[] = []): string | undefined {
  if (app.toggleCodeError !== undefined) return `${app.package}'s code cannot be read for the resource ids it loads: ${app.toggleCodeError}`;
  if (app.toggleIds === undefined) return `${app.package}'s code was not checked for the resource ids it loads`;
  let ids = app.toggleIds;
  let code = `${app.package}'s code`;
  // An APK without classes.dex (`stripped`): its preopted vdex beside it, where one was read, is
  // its code; without one the toggle is read by its name (the package has a warning).
  if (preopted.length && ids.some((t) => t.loads.includes('stripped'))) {
    const unread = preopted.filter((c) => c.error !== undefined).map((c) => `${c.path}: ${c.error}`);
    if (unread.length) return `${app.package}'s preopted code cannot be read for the resource ids it loads: ${unread.join('; ')}`;
    ids = ids.map((t) => (t.loads.includes('stripped') ? toggleIdOf(t.key, t.id, preopted) : t));
    code = `${app.package}'s preopted code (${preopted.map((c) => c.path).join(', ')})`;
  }
  const why: string[] = [];
  for (const key of keys) {
    const t = ids.find((x) => x.key === key);
    if (!t) {
      why.push(`${code} was not checked for the id its table gives ${key}`);
      continue;
    }
    const [type, name] = [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)];
    if (t.fieldIds?.length) why.push(`${app.package}'s R$${type} field ${name} holds ${t.fieldIds.map(hexId).join(', ')}, not the id ${hexId(t.id)} its table gives ${key}`);
    else if (t.loads.length === 0) why.push(`${code} does not load the id ${hexId(t.id)} its table gives ${key}`);
  }
  return why.length ? why.join('; ') : undefined;
}


/**
 * A resource toggle `type/name` read in `res` against `want`: undefined when no configuration
 * sets it; 'yes' when the default configuration sets it to `want` as a plain value (a boolean for
 * a bool) and no other configuration says otherwise; 'no' when it is plainly another value
 * everywhere; else 'maybe' (a reference, an integer for a bool, a value that differs by
 * configuration, one a resourcesMap sets that cannot be resolved: what the app reads may be `want`).
 */
function readToggle(res: readonly ResourceValue[], key: string, want: string | number | boolean): 'yes' | 'no' | 'maybe' | undefined {
  const all = valuesOf(res, key);
  if (all.length === 0) return undefined;
  const plain = (r: ResourceValue): boolean => r.unresolved === undefined && typeof r.value === typeof want;
  if (!all.every(plain)) return 'maybe';
  const matches = all.map((r) => sameValue(r.value, want));
  const def = all.find((r) => !r.config);
  if (matches.every((m) => m)) return def ? 'yes' : 'maybe';
  if (matches.every((m) => !m)) return 'no';
  return 'maybe';
}

/** The values of the resource `type/name` in `res`, in every configuration. */
function valuesOf(res: readonly ResourceValue[], key: string): ResourceValue[] {
  const slash = key.indexOf('/');
  const type = key.slice(0, slash);
  const name = key.slice(slash + 1);
  return res.filter((r) => r.type === type && r.name === name);
}

function hostIn(text: string, host: string): boolean {
  const t = text.toLowerCase();
  for (let i = t.indexOf(host); i >= 0; i = t.indexOf(host, i + 1)) {
    const before = i > 0 ? t[i - 1] : '';
    const after = t[i + host.length] ?? '';
    if (!/[a-z0-9.-]/.test(before) && !/[a-z0-9-]/.test(after) && !(after === '.' && /[a-z0-9]/.test(t[i + host.length + 1] ?? ''))) return true;
  }
  return false;
}

/**
 * Endpoints that belong only to variants a client's selection leaves out, and that occur only in
 * that client's own artifacts: the `dormant` ones. An endpoint also used elsewhere in the build,
 * or also part of the client's own or selected endpoints, is not dormant.
 */
function dormantEndpoints(
  endpoints: readonly EndpointFact[],
  variants: ReadonlyMap<string, VariantState>,
  ownersOf: (artifact: string) => string[],
): Map<string, { entry: CatalogEntry; variant: CatalogVariant }> {
  const out = new Map<string, { entry: CatalogEntry; variant: CatalogVariant }>();
  for (const v of variants.values()) {
    const active = new Set<string>([
      ...v.entry.hosts.map((h) => endpointKey('host', h)),
      ...v.entry.ips.map((h) => endpointKey('ip', h)),
      ...v.entry.sms.map((h) => endpointKey('sms', h)),
    ]);
    for (const variant of v.entry.variants) {
      if (!v.selected.has(variant.id)) continue;
      for (const h of variant.hosts) active.add(endpointKey('host', h));
      for (const h of variant.ips) active.add(endpointKey('ip', h));
      for (const h of variant.sms) active.add(endpointKey('sms', h));
    }
    // A client that holds none of its selected variant's own endpoints (a China-only build of a
    // push agent whose WW variant is the default) uses what it holds: nothing of it is dormant.
    const chosen = new Set<string>();
    for (const variant of v.entry.variants) {
      if (!v.selected.has(variant.id)) continue;
      for (const h of variant.hosts) chosen.add(endpointKey('host', h));
      for (const h of variant.ips) chosen.add(endpointKey('ip', h));
      for (const h of variant.sms) chosen.add(endpointKey('sms', h));
    }
    if (chosen.size > 0 && !endpoints.some((ep) => chosen.has(endpointKey(ep.kind, ep.value)) && ep.artifacts.some((a) => ownersOf(a).includes(v.entry.id)))) continue;
    const sleeping = new Map<string, CatalogVariant>();
    for (const variant of v.entry.variants) {
      if (v.selected.has(variant.id)) continue;
      const keys = [...variant.hosts.map((h) => endpointKey('host', h)), ...variant.ips.map((h) => endpointKey('ip', h)), ...variant.sms.map((h) => endpointKey('sms', h))];
      for (const k of keys) if (!active.has(k) && !sleeping.has(k)) sleeping.set(k, variant);
    }
    for (const ep of endpoints) {
      const key = endpointKey(ep.kind, ep.value);
      const variant = sleeping.get(key);
      if (!variant || out.has(key)) continue;
      if (ep.artifacts.length > 0 && ep.artifacts.every((a) => ownersOf(a).includes(v.entry.id))) out.set(key, { entry: v.entry, variant });
    }
  }
  return out;
}

/** How a reading of property files is named in messages. */
function readingLabel(r: PropReading | undefined): string {
  return r === 'android9' ? 'as Android 9 and earlier read them (the first definition of an ro. property wins)' : 'as Android 10 and later read them (the last definition wins)';
}
