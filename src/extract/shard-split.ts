/**
 * `--shard I/N`: a deterministic, size-balanced split of one input's sorted file list. Every
 * file belongs to exactly one shard (largest first, each to the shard with the fewest bytes so
 * far, ties to the lower index), so the shards' facts merge into the unsharded facts. Property
 * files (build.prop, *.prop, init.sku.<id>.rc, every .rc file: init files' setprops) are also read by every other shard, so each
 * shard resolves SKUs and markets as the whole build does.
 */
import { basename } from 'node:path';
import { skuOfInitRc } from '../formats/buildprop.js';
import type { FileArtifact } from '../inputs/walk.js';

export interface ShardSpec {
  /** 1-based. */
  index: number;
  count: number;
}

const PROP_NAME = /^(build\.prop|default\.prop|prop\.default|.*\.prop)$/;

/** Files whose properties decide SKUs and markets: every shard reads them. */
export function isPropertyFile(relPath: string): boolean {
  const name = basename(relPath);
  return PROP_NAME.test(name) || skuOfInitRc(name) !== undefined || /\.rc$/i.test(name);
}

/** The shard (1-based) of every file, by relPath. Depends only on the paths and sizes. */
export function assignShards(files: readonly Pick<FileArtifact, 'relPath' | 'size'>[], count: number): Map<string, number> {
  const order = [...files].sort((a, b) => b.size - a.size || (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  const load = new Array<number>(count).fill(0);
  const out = new Map<string, number>();
  for (const f of order) {
    let best = 0;
    for (let i = 1; i < count; i++) if (load[i] < load[best]) best = i;
    // Empty files weigh one byte, so they spread too.
    load[best] += Math.max(1, f.size);
    out.set(f.relPath, best + 1);
  }
  return out;
}

/** This shard's files, and the property files of other shards it reads as well (both sorted). */
export function shardFiles<T extends Pick<FileArtifact, 'relPath' | 'size'>>(files: readonly T[], shard: ShardSpec): { own: T[]; borrowed: T[] } {
  const of = assignShards(files, shard.count);
  const own: T[] = [];
  const borrowed: T[] = [];
  for (const f of files) {
    if (of.get(f.relPath) === shard.index) own.push(f);
    else if (isPropertyFile(f.relPath)) borrowed.push(f);
  }
  return { own, borrowed };
}

/** Parses `I/N` (1-based, 1 <= I <= N). Returns an error message for anything else. */
export function parseShard(value: string): ShardSpec | string {
  const m = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(value);
  if (!m) return `shard must be I/N (for example 2/3), got ${JSON.stringify(value)}`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return `shard ${value}: I must be between 1 and N (N at least 1), got ${index}/${count}`;
  return { index, count };
}
