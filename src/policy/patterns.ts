/**
 * Endpoint values and patterns: hosts, IPs/CIDRs, SMS numbers and id globs. Pure functions shared
 * by the catalog schema, the policy schema and evaluation, so a pattern is validated and matched
 * by the same code.
 */
import { isIPv4, isIPv6 } from 'node:net';

// ---------------------------------------------------------------------------------------------
// Hosts

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

/** True for a lower- or upper-case DNS name of at least `minLabels` labels (not an IP literal). */
export function isValidHostname(value: string, minLabels = 2): boolean {
  if (value.length === 0 || value.length > 253) return false;
  const labels = value.toLowerCase().split('.');
  if (labels.length < minLabels) return false;
  if (!labels.every((l) => LABEL.test(l))) return false;
  // The last label of a name is never all digits: `1.2.3.4` is an IP, `v1.2` a version.
  return !/^[0-9]+$/.test(labels[labels.length - 1]);
}

/** Lower-cases a host and drops a scheme, port, path and trailing dot: `HTTP://A.B:80/x` -> `a.b`. */
export function normaliseHost(value: string): string {
  // Repeated to a fixed point, so that normalising twice never changes the result.
  let v = value;
  for (let i = 0; i < 8; i++) {
    const before = v;
    v = v.trim().toLowerCase();
    const scheme = /^[a-z][a-z0-9+.-]*:\/\//.exec(v);
    if (scheme) v = v.slice(scheme[0].length);
    v = v.replace(/[/?#].*$/, '');
    v = v.replace(/^[^@]*@/, '');
    v = v.replace(/:\d*$/, '');
    v = v.replace(/\.$/, '');
    if (v === before) break;
  }
  return v;
}

export type HostPattern = { type: 'exact'; host: string } | { type: 'suffix'; suffix: string };

export const HOST_PATTERN_ALLOWED = 'a host name (a.b) or a leading wildcard (*.a.b, any subdomain of a.b but not a.b itself)';

/** Parses `a.b` or `*.a.b` (case-insensitive); anything else (`a.*.b`, `*foo`, ports) is undefined. */
export function parseHostPattern(text: string): HostPattern | undefined {
  const t = text.trim().toLowerCase();
  if (t.startsWith('*.')) {
    const suffix = t.slice(2);
    return isValidHostname(suffix, 1) ? { type: 'suffix', suffix } : undefined;
  }
  return isValidHostname(t) ? { type: 'exact', host: t } : undefined;
}

/** `value` must already be normalised (see normaliseHost). */
export function matchHostPattern(p: HostPattern, value: string): boolean {
  return p.type === 'exact' ? value === p.host : value.endsWith(`.${p.suffix}`);
}

// ---------------------------------------------------------------------------------------------
// IPs and CIDRs

export type IpPattern = { family: 4; base: bigint; prefix: number } | { family: 6; base: bigint; prefix: number };

export const IP_PATTERN_ALLOWED = 'an IPv4 or IPv6 address or CIDR block (203.0.113.0/24, 2001:db8::/32)';

function ipv4ToBigInt(ip: string): bigint {
  return ip.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function ipv6ToBigInt(ip: string): bigint {
  let text = ip;
  // Embedded IPv4 tail: ::ffff:1.2.3.4
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = ipv4ToBigInt(v4[1]);
    text = text.slice(0, -v4[1].length) + `${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** Canonical IPv4 (no leading zeros) or any valid IPv6, as node:net accepts it. */
function ipFamily(ip: string): 4 | 6 | undefined {
  if (isIPv4(ip)) return ip.split('.').every((p) => p === '0' || !p.startsWith('0')) ? 4 : undefined;
  if (isIPv6(ip) && !ip.includes('%')) return 6;
  return undefined;
}

/** Strips `[...]` and a port from an IP literal; lower-cases IPv6. */
export function normaliseIp(value: string): string {
  let v = value.trim().toLowerCase();
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
  if (bracket) return bracket[1];
  const v4port = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(v);
  if (v4port) v = v4port[1];
  return v;
}

/** Parses an IP or CIDR block; undefined for anything else. Host bits beyond the prefix are ignored. */
export function parseIpPattern(text: string): IpPattern | undefined {
  const t = text.trim().toLowerCase();
  const slash = t.indexOf('/');
  const ip = slash < 0 ? t : t.slice(0, slash);
  const family = ipFamily(ip);
  if (!family) return undefined;
  const max = family === 4 ? 32 : 128;
  let prefix = max;
  if (slash >= 0) {
    const p = t.slice(slash + 1);
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p) || Number(p) > max) return undefined;
    prefix = Number(p);
  }
  const bits = family === 4 ? ipv4ToBigInt(ip) : ipv6ToBigInt(ip);
  const shift = BigInt(max - prefix);
  return { family, prefix, base: (bits >> shift) << shift };
}

/** True when the (normalised) IP literal lies inside the pattern's block. */
export function matchIpPattern(p: IpPattern, value: string): boolean {
  const family = ipFamily(value);
  let bits: bigint;
  if (family === p.family) bits = family === 4 ? ipv4ToBigInt(value) : ipv6ToBigInt(value);
  else if (family === 6 && p.family === 4) {
    // An IPv6 address that reaches an IPv4 one: IPv4-mapped (::ffff:a.b.c.d, a socket's own
    // spelling of an IPv4 peer), IPv4-translated (SIIT, ::ffff:0:a.b.c.d) or through NAT64's
    // well-known prefix (64:ff9b::/96).
    const v6 = ipv6ToBigInt(value);
    const high = v6 >> 32n;
    if (high !== 0xffffn && high !== 0xffff0000n && high !== 0x64ff9b0000000000000000n) return false;
    bits = v6 & 0xffffffffn;
  } else return false;
  const shift = BigInt((p.family === 4 ? 32 : 128) - p.prefix);
  return (bits >> shift) << shift === p.base;
}

export function isIpLiteral(value: string): boolean {
  return ipFamily(normaliseIp(value)) !== undefined;
}

// ---------------------------------------------------------------------------------------------
// SMS numbers

/**
 * Normalises a phone number: drops spaces, dashes, dots and parentheses, an international prefix
 * (`+` or `00`) and with it China's country code 86: `+86 106 5940 1` and `0086 10659401` are
 * `10659401`. Other country codes are kept as digits (`+44 7...` -> `447...`). Returns undefined
 * when anything but digits remains.
 */
export function normaliseSms(value: string): string | undefined {
  const v = normaliseDigits(value);
  return v !== undefined && v.length >= 3 && v.length <= 20 ? v : undefined;
}

function normaliseDigits(value: string): string | undefined {
  let v = value.trim().replace(/[\s().-]/g, '');
  let international = false;
  if (v.startsWith('+')) {
    v = v.slice(1);
    international = true;
  } else if (v.startsWith('00')) {
    v = v.slice(2);
    international = true;
  }
  if (international && v.startsWith('86')) v = v.slice(2);
  return /^[0-9]{1,20}$/.test(v) ? v : undefined;
}

export type SmsPattern = { type: 'exact'; number: string } | { type: 'prefix'; prefix: string };

export const SMS_PATTERN_ALLOWED = 'digits with an optional trailing * (10659401, 1065*); +86/0086 and spaces are dropped';

export function parseSmsPattern(text: string): SmsPattern | undefined {
  const t = String(text).trim();
  const star = t.endsWith('*');
  const digits = star ? normaliseDigits(t.slice(0, -1)) : normaliseSms(t);
  if (digits === undefined) return undefined;
  return star ? { type: 'prefix', prefix: digits } : { type: 'exact', number: digits };
}

/** `value` must already be normalised (see normaliseSms). */
export function matchSmsPattern(p: SmsPattern, value: string): boolean {
  return p.type === 'exact' ? value === p.number : value.startsWith(p.prefix);
}

// ---------------------------------------------------------------------------------------------
// Globs over ids, SKUs and paths

/** `*` any run of characters, `?` one character; everything else literal. Anchored. */
export function globToRegExp(glob: string, flags = ''): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, flags);
}

/** Path globs: `**` crosses `/`, `*` and `?` do not. */
export function pathGlobToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` also matches zero folders.
      if (glob[i + 2] === '/') {
        out += '(?:.*/)?';
        i += 2;
      } else {
        out += '.*';
        i += 1;
      }
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

export function isGlob(text: string): boolean {
  return /[*?]/.test(text);
}

// ---------------------------------------------------------------------------------------------
// Client selectors

export const CLIENT_ID = /^[a-z0-9][a-z0-9._-]*$/;
export const CLIENT_ID_GLOB = /^[a-z0-9*?][a-z0-9._*?-]*$/;
export const MARKET_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;
export const CLIENT_SELECTOR_ALLOWED = 'a catalog id (ct-self-registration-qualcomm), a glob over ids (acme-*) or market:<NAME>';

export type ClientSelector = { type: 'market'; market: string } | { type: 'id'; id: string } | { type: 'glob'; glob: string; re: RegExp };

export function parseClientSelector(text: string): ClientSelector | undefined {
  const t = text.trim();
  if (t.startsWith('market:')) {
    const market = t.slice('market:'.length);
    return MARKET_NAME.test(market) ? { type: 'market', market } : undefined;
  }
  if (CLIENT_ID.test(t)) return { type: 'id', id: t };
  if (CLIENT_ID_GLOB.test(t)) return { type: 'glob', glob: t, re: globToRegExp(t) };
  return undefined;
}

export function matchClientSelector(s: ClientSelector, client: { id: string; market: string }): boolean {
  switch (s.type) {
    case 'market':
      return client.market.toUpperCase() === s.market.toUpperCase();
    case 'id':
      return client.id === s.id;
    case 'glob':
      return s.re.test(client.id);
  }
}

/** Levenshtein distance, for "did you mean" hints on mistyped keys. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
