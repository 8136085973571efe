/**
 * One input (folder or file) -> InputFacts. Walks, then extracts every file in sorted order.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { InputFacts } from '../facts.js';
import { propFileRank } from '../formats/buildprop.js';
import { walkInput } from '../inputs/walk.js';
import type { Logger } from '../logging.js';
import type { KnownEndpoints } from './endpoints.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { mergePartials } from './partial.js';
import { extractFiles, workerCount, type PoolInit } from './pool.js';

/** Progress of one input's extraction; the CLI draws it, the Action logs it. */
export type ProgressFactory = (input: string, files: number, bytes: number) => { update: (done: { files: number; bytes: number }) => void; done: () => void };

export interface ExtractOptions {
  known: KnownEndpoints;
  /** Catalogued package ids: their mention in plain files is recorded. */
  mentionPackages: ReadonlySet<string>;
  include?: string[];
  limits?: Partial<Limits>;
  logger: Logger;
  /** Worker threads (default: ACTIVATION_GATE_WORKERS, else one per core when available). */
  workers?: number;
  progress?: ProgressFactory;
}

export async function extractInput(input: string, opts: ExtractOptions): Promise<InputFacts> {
  const walk = await walkInput(input, { include: opts.include });
  const init: PoolInit = {
    hosts: [...opts.known.hosts],
    sms: [...opts.known.sms],
    mentionPackages: [...opts.mentionPackages],
    limits: { ...DEFAULT_LIMITS, ...opts.limits },
  };
  const totalBytes = walk.files.reduce((a, f) => a + f.size, 0);
  const progress = opts.progress?.(input, walk.files.length, totalBytes);
  const parts = await extractFiles(walk.files, init, opts.workers ?? workerCount(), progress?.update);
  progress?.done();
  const ctx = mergePartials(parts);
  ctx.unreadable.unshift(...walk.unreadable);
  // Properties in Android's load order (later files override earlier ones), then file order.
  const rankOf = new Map(walk.files.map((f) => [f.relPath, propFileRank(f.partitionPath)]));
  // Property files inside images and archives rank by their normalised partitionPath too.
  for (const [rel, partPath] of ctx.propFiles) if (!rankOf.has(rel)) rankOf.set(rel, propFileRank(partPath));
  const props = ctx.props
    .map((p) => ({ p, r: rankOf.get(p.file) ?? -1 }))
    .sort((a, b) => a.r - b.r || (a.p.file < b.p.file ? -1 : a.p.file > b.p.file ? 1 : 0) || a.p.line - b.p.line)
    .map((x) => x.p);

  const single = walk.files.length === 1 && !walk.productOut && (await stat(input)).isFile();
  return {
    input,
    sha256: single ? await sha256File(input) : sha256OfList(walk.files.map((f) => `${f.relPath}\u0000${f.size}`)),
    packages: ctx.packages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    endpoints: ctx.endpoints,
    props,
    skuFiles: ctx.skuFiles.sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0)),
    unreadable: ctx.unreadable.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || (a.reason < b.reason ? -1 : 1)),
    skipped: [...walk.skipped, ...ctx.skipped].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    mentions: ctx.mentions,
    stats: ctx.stats,
  };
}

async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

function sha256OfList(lines: string[]): string {
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}
