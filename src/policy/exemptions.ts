/**
 * Exemptions (SPEC section 5): a finding matching every key of an exemption's `match`, in one of
 * its markets (all markets when none are listed), is suppressed, never dropped. `expires` is the
 * end of that day UTC; past it the exemption is an `expired-exemption` error, and within
 * EXPIRING_SOON_DAYS it is an `expiring-exemption` note.
 */
import type { EndpointKind } from '../facts.js';
import type { RuleId } from '../report/model.js';
import {
  matchClientSelector,
  matchHostPattern,
  matchIpPattern,
  matchSmsPattern,
  normaliseHost,
  normaliseIp,
  normaliseSms,
  parseClientSelector,
  parseHostPattern,
  parseIpPattern,
  parseSmsPattern,
  pathGlobToRegExp,
  globToRegExp,
  isIpLiteral,
} from './patterns.js';
import type { Exemption } from './schema.js';

export const EXPIRING_SOON_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** What an exemption is matched against: the subject fields of a finding. */
export interface ExemptionSubject {
  rule: RuleId;
  /** A host endpoint (also taken from `endpoint` when endpointKind is host). */
  host?: string;
  endpoint?: string;
  endpointKind?: EndpointKind;
  package?: string;
  client?: string;
  /** Market of `client`, for `client: market:<NAME>` selectors. */
  clientMarket?: string;
  path?: string;
  partitionPath?: string;
  /** Every path the finding stands for (an endpoint's files): a `path` key must match each. */
  paths?: readonly string[];
  /** Where each of `paths` is on the device (same order; absent: each is its own), matched as well. */
  partitionPaths?: readonly string[];
  /** Every client the finding stands for (an endpoint's owners): a `client` key must match each. */
  clients?: readonly { id: string; market: string }[];
}

export interface ExemptionMatch {
  exemption: Exemption;
  index: number;
  expired: boolean;
  expiringSoon: boolean;
}

/** The instant an exemption stops applying: the start of the day after `expires`, UTC. */
export function exemptionEnd(expires: string): Date {
  const [y, m, d] = expires.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1));
}

export function exemptionStatus(expires: string, now: Date): { expired: boolean; expiringSoon: boolean } {
  const left = exemptionEnd(expires).getTime() - now.getTime();
  return { expired: left <= 0, expiringSoon: left > 0 && left <= EXPIRING_SOON_DAYS * DAY_MS };
}

function matchEndpointText(pattern: string, subject: ExemptionSubject): boolean {
  const value = subject.endpoint ?? subject.host;
  if (value === undefined) return false;
  const kind = subject.endpoint !== undefined ? subject.endpointKind : 'host';
  if (kind === 'sms' || (kind === undefined && normaliseSms(value) !== undefined && !value.includes('.'))) {
    const p = parseSmsPattern(pattern);
    const v = normaliseSms(value);
    return p !== undefined && v !== undefined && matchSmsPattern(p, v);
  }
  if (kind === 'ip' || isIpLiteral(value)) {
    const p = parseIpPattern(pattern);
    return p !== undefined && matchIpPattern(p, normaliseIp(value));
  }
  const p = parseHostPattern(pattern);
  return p !== undefined && matchHostPattern(p, normaliseHost(value));
}

/** True when every key of `match` holds for the subject. */
export function exemptionMatches(match: Exemption['match'], subject: ExemptionSubject): boolean {
  if (match.rule !== undefined && match.rule !== subject.rule) return false;
  if (match.host !== undefined) {
    const host = subject.host ?? (subject.endpointKind === 'host' ? subject.endpoint : undefined);
    const p = parseHostPattern(match.host);
    if (host === undefined || p === undefined || !matchHostPattern(p, normaliseHost(host))) return false;
  }
  if (match.endpoint !== undefined && !matchEndpointText(match.endpoint, subject)) return false;
  if (match.package !== undefined && (subject.package === undefined || !globToRegExp(match.package).test(subject.package))) return false;
  if (match.client !== undefined) {
    const s = parseClientSelector(match.client);
    const clients = subject.clients?.length ? subject.clients : subject.client !== undefined ? [{ id: subject.client, market: subject.clientMarket ?? '' }] : [];
    if (s === undefined || clients.length === 0 || !clients.every((c) => matchClientSelector(s, c))) return false;
  }
  if (match.path !== undefined) {
    const re = pathGlobToRegExp(match.path);
    // A finding that stands for several files (an endpoint embedded in each) is exempt only where
    // the exemption names every one of them: an exemption for one copy does not hide another.
    if (subject.paths?.length) {
      const on = subject.partitionPaths;
      if (!subject.paths.every((p, i) => re.test(p) || (on !== undefined && re.test(on[i])))) return false;
    } else if (![subject.path, subject.partitionPath].some((p) => p !== undefined && re.test(p))) return false;
  }
  return true;
}

/**
 * The exemption that applies to `subject` in `market` at `now`: the first matching one that has
 * not expired, else the first matching expired one (so the expiry is reported), else undefined.
 */
export function matchExemption(exemptions: readonly Exemption[], subject: ExemptionSubject, market: string, now: Date): ExemptionMatch | undefined {
  let expiredMatch: ExemptionMatch | undefined;
  for (let index = 0; index < exemptions.length; index++) {
    const exemption = exemptions[index];
    if (exemption.markets && !exemption.markets.some((m) => m.toUpperCase() === market.toUpperCase())) continue;
    if (!exemptionMatches(exemption.match, subject)) continue;
    const status = exemptionStatus(exemption.expires, now);
    if (!status.expired) return { exemption, index, ...status };
    expiredMatch ??= { exemption, index, ...status };
  }
  return expiredMatch;
}
