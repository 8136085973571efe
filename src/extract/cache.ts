/**
 * `--cache-dir`: the extracted facts of each top-level file of the walk, keyed by the SHA-256 of
 * the file's bytes (a supplier can forge a CRC32, not a SHA-256) and of everything else that
 * changes what extraction records: the tool version (and the bundle that runs), the catalog and
 * Public Suffix List versions, the known hosts and SMS numbers, the mentioned packages, the
 * limits, and the file's path and partition (evidence paths are part of the facts).
 *
 * Only facts are stored, never findings: evaluation always runs on the current policy. An entry
 * is one line of JSON (format, version, tool, key, path, the file's SHA-256, and the length and
 * SHA-256 of the payload), then the payload: the facts as JSON. It is not compressed: a warm
 * rescan parses each payload once, with neither gunzip nor a JSON string to unescape first
 * (format 1 was gzip'd JSON holding the payload as a string), and `actions/cache` compresses the
 * folder anyway. An entry that is truncated, corrupt, unparsable, of another format or version,
 * or for another key is ignored and the file is extracted again, so the cache can never change
 * a verdict. Entries are written to a temporary file and renamed into place: concurrent jobs and
 * workers never see half an entry.
 */
import { createHash } from 'node:crypto';
import { accessSync, closeSync, constants, lstatSync, openSync, readdirSync, readSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ENDPOINT_KINDS, SOURCES } from '../facts.js';
import type { FileArtifact } from '../inputs/walk.js';
import { TOOL_VERSION } from '../version.js';
import { extractFile, type ArtifactContext } from './artifact.js';
import type { Limits } from './limits.js';
import { workOf } from './work.js';
import type { PartialFacts } from './partial.js';
import { identityOf, isDigestsFile } from './digests.js';
import { temporaryFor, writeAtomically } from '../io/atomic.js';
import { NotReadable, readRegularFile } from '../io/regular.js';

export const CACHE_FORMAT = 'activation-gate-facts';
/** Bumped whenever the shape of a stored entry changes, or what extraction puts in it (6: toggle ids in a variant client's code; 7: property and init .rc files read as init reads them, manifests and ZIP64 directories as Android reads them). */
export const CACHE_FORMAT_VERSION = 7;

/** What workers need to use the cache: the folder and the salt every key starts from. */
export interface CacheConfig {
  dir: string;
  salt: string;
}

export interface CacheSaltInput {
  catalogVersion: string;
  pslVersion: string;
  hosts: readonly string[];
  sms: readonly string[];
  /** Listed IPv4 addresses (a bare one in UTF-16 text counts only when listed). */
  ips?: readonly string[];
  mentionPackages: readonly string[];
  variantToggles?: Readonly<Record<string, readonly string[]>>;
  limits: Limits;
  /** SHA-256 of the running bundle, when running from one (a rebuilt tool gets a new cache). */
  buildId?: string;
}

const sortedCopy = (xs: readonly string[]): string[] => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** The part of every key shared by all files of a scan. */
export function cacheSalt(s: CacheSaltInput): string {
  const limits = Object.fromEntries(Object.entries(s.limits).sort(([a], [b]) => (a < b ? -1 : 1)));
  return createHash('sha256')
    .update(
      JSON.stringify({
        format: CACHE_FORMAT,
        formatVersion: CACHE_FORMAT_VERSION,
        tool: TOOL_VERSION,
        build: s.buildId ?? '',
        catalog: s.catalogVersion,
        psl: s.pslVersion,
        hosts: sortedCopy(s.hosts),
        sms: sortedCopy(s.sms),
        ips: sortedCopy(s.ips ?? []),
        mentionPackages: sortedCopy(s.mentionPackages),
        variantToggles: Object.entries(s.variantToggles ?? {})
          .map(([p, keys]) => `${p} ${sortedCopy(keys).join(' ')}`)
          .sort(),
        limits,
      }),
    )
    .digest('hex');
}

/** The key of one file: the salt, where it stands in the input, and the SHA-256 of its bytes. */
export function cacheKey(salt: string, file: Pick<FileArtifact, 'relPath' | 'partition' | 'partitionPath' | 'folders'>, sha256: string): string {
  // A super image's facts also depend on which of its partitions the folder has (not read).
  const folders = file.folders ? `\u0000${file.folders.join('/')}` : '';
  return createHash('sha256').update(`${salt}\u0000${file.relPath}\u0000${file.partition}\u0000${file.partitionPath}\u0000${sha256}${folders}`).digest('hex');
}

let hashBuffer: Buffer | undefined;

/**
 * SHA-256 of a file's bytes, read in 4 MiB chunks into one reused buffer (synchronous reads: no
 * thread-pool round trip and no garbage per chunk; extraction runs on worker threads).
 */
export async function sha256OfFile(path: string | Buffer, hashed?: (bytes: number) => void): Promise<string> {
  const h = createHash('sha256');
  const buf = (hashBuffer ??= Buffer.allocUnsafe(4 << 20));
  const fd = openSync(path, 'r');
  try {
    for (let total = 0; ; ) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      h.update(n === buf.length ? buf : buf.subarray(0, n));
      hashed?.((total += n));
    }
  } finally {
    closeSync(fd);
  }
  return h.digest('hex');
}

// --- validation of stored facts: anything that does not fit is a corrupt entry ---------------

const source = z.enum(SOURCES);
const evidence = z.strictObject({ path: z.string(), entry: z.string().optional(), source, offset: z.number().int().nonnegative().optional() });
const prop = z.strictObject({ key: z.string(), value: z.string(), file: z.string(), line: z.number().int(), import: z.literal(true).optional(), setprop: z.strictObject({ stage: z.number().int(), rcPath: z.string(), imported: z.literal(true).optional() }).optional() });
const overlay = z.strictObject({
  targetPackage: z.string(),
  targetName: z.string().optional(),
  requiredSystemPropertyName: z.string().optional(),
  requiredSystemPropertyValue: z.string().optional(),
  isStatic: z.boolean().optional(),
  priority: z.number().optional(),
  resourcesMap: z.array(z.string()).optional(),
  resourcesMapError: z.string().optional(),
  targetSdk: z.number().optional(),
});
const overlayable = z.strictObject({ name: z.string(), actor: z.string().optional(), policies: z.number().int().nonnegative(), resources: z.array(z.string()) });
// Overlay values carry what resources.arsc stores with them (id, dataType, data) as well.
const resourceValue = z.looseObject({ type: z.string(), name: z.string(), value: z.union([z.string(), z.number(), z.boolean()]), config: z.string().optional() });
const toggleId = z.strictObject({ key: z.string(), id: z.number().int().nonnegative(), loads: z.array(z.enum(['const', 'field', 'identifier', 'stripped'])), fieldIds: z.array(z.number().int().nonnegative()).optional() });
const pkg = z.strictObject({
  path: z.string(),
  partition: z.string(),
  partitionPath: z.string(),
  package: z.string(),
  versionCode: z.number().optional(),
  versionName: z.string().optional(),
  permissions: z.array(z.string()),
  sharedUserId: z.string().optional(),
  bootCompleted: z.boolean(),
  signerSha256: z.array(z.string()),
  overlay: overlay.optional(),
  resources: z.array(resourceValue).optional(),
  overlayable: z.array(overlayable).optional(),
  toggleIds: z.array(toggleId).optional(),
  toggleCodeError: z.string().optional(),
  warnings: z.array(z.string()).optional(),
});
const endpoint = z.strictObject({
  kind: z.enum(ENDPOINT_KINDS),
  value: z.string(),
  ports: z.array(z.number().int()).optional(),
  schemes: z.array(z.string()).optional(),
  cleartext: z.boolean().optional(),
  ignored: z.boolean().optional(),
  artifacts: z.array(z.string()),
  evidence: z.array(evidence),
  evidenceCount: z.number().int().nonnegative(),
});
const count = z.number().int().nonnegative();
export const partialFactsSchema = z.strictObject({
  packages: z.array(pkg),
  endpoints: z.array(endpoint),
  props: z.array(prop),
  skuFiles: z.array(z.strictObject({ sku: z.string(), path: z.string(), props: z.array(prop), trigger: z.string().optional(), rcPath: z.string().optional(), imported: z.literal(true).optional() })),
  unreadable: z.array(z.strictObject({ path: z.string(), partitionPath: z.string().optional(), format: z.string(), reason: z.string(), offset: z.number().optional() })),
  skipped: z.array(z.strictObject({ path: z.string(), reason: z.string(), target: z.string().optional() })),
  mentions: z.array(z.strictObject({ package: z.string(), evidence: z.strictObject({ path: z.string(), source, offset: z.number().int().optional() }) })),
  preoptedCode: z
    .array(
      z.strictObject({
        path: z.string(),
        literals: z.array(z.number().int().nonnegative()),
        rFields: z.array(z.tuple([z.string(), z.array(z.number().int().nonnegative())])),
        byName: z.array(z.string()),
        error: z.string().optional(),
      }),
    )
    .optional(),
  propFiles: z.array(z.tuple([z.string(), z.string()])),
  partitionPaths: z.array(z.tuple([z.string(), z.string()])),
  stats: z.strictObject({ files: count, bytes: count, entries: count, inflatedBytes: count }),
});

const headerSchema = z.strictObject({
  format: z.literal(CACHE_FORMAT),
  formatVersion: z.number(),
  tool: z.string(),
  key: z.string(),
  path: z.string(),
  sha256: z.string(),
  payloadBytes: count,
  payloadSha256: z.string(),
});

/** A header line longer than this is not one of ours (keys and hashes are 64 characters; the path is the file's). */
const MAX_HEADER = 64 << 10;

/**
 * Reads one entry and checks all but its facts: its header, that it is stored under `key`, and
 * its payload's length and SHA-256. The payload (the facts' JSON, parseCachedFacts), or why the
 * entry cannot be used.
 */
export function readCacheEntryPayload(file: string, key: string, maxBytes = Infinity): { payload: Buffer } | { miss: true } | { problem: string } {
  let raw: Buffer;
  try {
    raw = readRegularFile(file, maxBytes);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { miss: true };
    if (e instanceof NotReadable && e.size !== undefined) return { problem: `${e.size} bytes, more than the ${maxBytes} the facts of its file can take (64 times its size and 64 MiB)` };
    if (e instanceof NotReadable) return { problem: e.message };
    return { problem: `unreadable (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  const nl = raw.indexOf(0x0a);
  if (nl < 0 || nl > MAX_HEADER) return { problem: `without a header line (${raw.length} bytes)` };
  let data: unknown;
  try {
    data = JSON.parse(raw.toString('utf8', 0, nl));
  } catch {
    return { problem: 'not JSON in its header line' };
  }
  const header = headerSchema.safeParse(data);
  if (!header.success) return { problem: `not a ${CACHE_FORMAT} entry (${header.error.issues[0].path.join('.') || '(root)'}: ${header.error.issues[0].message})` };
  const h = header.data;
  if (h.formatVersion !== CACHE_FORMAT_VERSION || h.tool !== TOOL_VERSION) return { problem: `written by another version (format ${h.formatVersion}, activation-gate ${h.tool})` };
  if (h.key !== key) return { problem: 'stored under another key' };
  const payload = raw.subarray(nl + 1);
  if (payload.length !== h.payloadBytes) return { problem: `${payload.length} bytes of payload where its header says ${h.payloadBytes} (truncated or appended to)` };
  if (createHash('sha256').update(payload).digest('hex') !== h.payloadSha256) return { problem: 'its payload does not match its SHA-256' };
  return { payload };
}

/**
 * The largest cache entry read for a file of `size` bytes: far more than its facts take (each
 * endpoint is at least a few bytes of the file, its evidence capped), so that a planted entry
 * cannot make the scan parse hundreds of MB for a small file.
 */
export function cacheEntryMaxBytes(size: number): number {
  return 64 * size + (64 << 20);
}

/** The facts of a payload readCacheEntryPayload gave, or why they cannot be used. */
export function parseCachedFacts(payload: Uint8Array): { facts: PartialFacts } | { problem: string } {
  let facts: unknown;
  try {
    facts = JSON.parse(Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('utf8'));
  } catch {
    return { problem: 'its payload is not JSON' };
  }
  const parsed = partialFactsSchema.safeParse(facts);
  if (!parsed.success) return { problem: `its facts do not validate (${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message})` };
  return { facts: parsed.data as PartialFacts };
}

/** Reads and checks one entry: the facts, or why the entry cannot be used. */
export function readCacheEntry(file: string, key: string, maxBytes = Infinity): { facts: PartialFacts } | { miss: true } | { problem: string } {
  const read = readCacheEntryPayload(file, key, maxBytes);
  return 'payload' in read ? parseCachedFacts(read.payload) : read;
}

/** Writes one entry atomically (temporary file, then rename). Returns why it failed, if it did. */
export function writeCacheEntry(dir: string, key: string, file: FileArtifact, sha256: string, facts: PartialFacts): string | undefined {
  const payload = Buffer.from(JSON.stringify(facts), 'utf8');
  const header = {
    format: CACHE_FORMAT,
    formatVersion: CACHE_FORMAT_VERSION,
    tool: TOOL_VERSION,
    key,
    path: file.relPath,
    sha256,
    payloadBytes: payload.length,
    payloadSha256: createHash('sha256').update(payload).digest('hex'),
  };
  return writeAtomically(dir, `${key}.facts`, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), payload]));
}


/**
 * `--cache-prune`: removes from the cache folder the entries and digest records this scan did not
 * use (`used`: file names), and temporary files a writer left more than an hour ago (a crash).
 * Anything else in the folder is not the cache's and stays. Returns what went, and what could not.
 */
export function pruneCache(dir: string, used: ReadonlySet<string>, now = Date.now()): { removed: number; bytes: number; problems: string[] } {
  const out = { removed: 0, bytes: 0, problems: [] as string[] };
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') out.problems.push(`cannot list ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return out;
  }
  for (const name of names) {
    const ours = ENTRY_NAME.test(name) || isDigestsFile(name);
    // Left by writeAtomically (a crash) while writing one of those.
    const final = temporaryFor(name);
    const temporary = final !== undefined && (ENTRY_NAME.test(final) || isDigestsFile(final));
    if (!(ours && !used.has(name)) && !temporary) continue;
    const file = join(dir, name);
    try {
      // Not followed: a symlink named like an entry is removed itself, and counts as itself.
      const st = lstatSync(file);
      if (st.isDirectory() || (temporary && now - st.mtimeMs < 3_600_000)) continue;
      unlinkSync(file);
      out.removed++;
      out.bytes += st.size;
    } catch (e) {
      out.problems.push(`cannot remove ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  return out;
}

export function entryPath(dir: string, key: string): string {
  return join(dir, `${key}.facts`);
}

/** The name of a cache entry (`entryPath`): a key, 64 hex digits, and `.facts`. */
const ENTRY_NAME = /^[0-9a-f]{64}\.facts$/;

export interface CachedResult {
  /** The facts, but for a hit with `payloadOnly`. */
  facts?: PartialFacts;
  /** A hit with `payloadOnly`: the entry's payload, checked against its SHA-256 (parseCachedFacts parses it). */
  payload?: Buffer;
  hit: boolean;
  /** A cache entry that was there but could not be used, or could not be written. */
  problem?: string;
  /** SHA-256 of the file (the cache key's part), when it could be read. */
  sha256?: string;
  /** The file's cache key, when it has one: its entry is `${key}.facts`. */
  key?: string;
}

/**
 * One file through the cache: hash it, use its entry when there is a good one, else extract it
 * into a fresh context and store the facts. With `payloadOnly` a hit returns the entry's payload,
 * checked against its SHA-256 but not parsed: an extraction worker hands it to the main thread,
 * which parses it while the workers hash the next files (pool.ts).
 */
export async function extractFileCached(
  file: FileArtifact,
  cache: CacheConfig,
  newContext: () => ArtifactContext,
  partialOf: (ctx: ArtifactContext) => PartialFacts,
  payloadOnly = false,
  /** Progress through the file (ArtifactContext.advance): the hashing, then the extraction. */
  advance?: (fraction: number) => void,
): Promise<CachedResult> {
  // Hashing a byte costs ~1 ns (SHA-NI: ~1.1 GB/s), extracting it what workOf says: the first
  // part of the file's progress is its hash (a quarter for an image, half for a library).
  const hashing = advance && file.sha256 === undefined ? file.size / (file.size + workOf(file)) : 0;
  const inFile = (ctx: ArtifactContext): ArtifactContext => {
    if (advance) ctx.advance = hashing > 0 ? (f) => advance(hashing + (1 - hashing) * f) : advance;
    return ctx;
  };
  // What the kernel said of the file when its SHA-256 was taken: remembered with it (digests.ts),
  // else now, before it is hashed. An entry is written only if the file still says so after its
  // extraction: otherwise its facts may be of other bytes than the key's.
  const before = file.identity ?? identityOf(file.abs)?.id;
  let sha: string;
  try {
    // Known when the file is unchanged since an earlier scan on this machine (digests.ts); then
    // it is not read, but it must still be there and readable to this user, as a scan without
    // a cache would find it.
    if (file.sha256 !== undefined) accessSync(file.abs, constants.R_OK);
    sha = file.sha256 ?? (await sha256OfFile(file.abs, hashing > 0 ? (bytes) => advance!((hashing * Math.min(bytes, file.size)) / Math.max(1, file.size)) : undefined));
  } catch {
    // Unreadable now: extraction reports why, and nothing is cached.
    const ctx = inFile(newContext());
    await extractFile(file, ctx);
    return { facts: partialOf(ctx), hit: false };
  }
  const key = cacheKey(cache.salt, file, sha);
  const read = readCacheEntryPayload(entryPath(cache.dir, key), key, cacheEntryMaxBytes(file.size));
  const found = 'payload' in read && !payloadOnly ? parseCachedFacts(read.payload) : read;
  if ('payload' in found) return { payload: found.payload, hit: true, sha256: sha, key };
  if ('facts' in found) return { facts: found.facts, hit: true, sha256: sha, key };
  const ctx = inFile(newContext());
  await extractFile(file, ctx);
  const facts = partialOf(ctx);
  const after = identityOf(file.abs)?.id;
  if (before === undefined || after !== before) {
    // Changed (or replaced) while it was scanned: the facts are the bytes extraction read, which
    // need not be those hashed. Nothing is stored, and its SHA-256 is not remembered.
    return { facts, hit: false, key, problem: `${file.relPath} changed while it was scanned; its facts were not cached` };
  }
  const problems = ['problem' in found ? `${file.relPath}: the cache entry ${entryPath(cache.dir, key)} was not used (${found.problem}); extracted again` : undefined, writeCacheEntry(cache.dir, key, file, sha, facts)].filter((p) => p !== undefined);
  return { facts, hit: false, sha256: sha, key, ...(problems.length ? { problem: problems.join('; ') } : {}) };
}
