/**
 * What a filesystem reader (ext4, EROFS) lists: every node under the root with its path, in
 * sorted order. Regular files are opened as random-access sources over their blocks; symlinks
 * carry their target (never followed); other nodes are reported, not read.
 */
import type { RandomAccessSource } from '../io/source.js';

export type NodeKind = 'file' | 'symlink' | 'dir' | 'chardev' | 'blockdev' | 'fifo' | 'socket' | 'unknown';

export interface FsNode {
  /** `/`-separated path from the root, without a leading slash; raw name bytes escaped for display. */
  path: string;
  kind: NodeKind;
  size: number;
  /** Inode number (ext4) or node id (EROFS). */
  inode: number;
  /** Opens a regular file's bytes (FormatError when its block map is corrupt or unsupported). */
  open(): Promise<RandomAccessSource>;
  /** A symlink's target text. */
  target?(): Promise<string>;
}

export interface FsListing {
  format: string;
  /** Volume label, when the image has one. */
  label?: string;
  nodes: FsNode[];
  /** Directories that could not be read, with the reason (the rest is still listed). */
  problems: { path: string; reason: string; offset?: number }[];
}

/** Mode bits -> kind. */
export function kindOfMode(mode: number): NodeKind {
  switch (mode & 0xf000) {
    case 0x8000:
      return 'file';
    case 0x4000:
      return 'dir';
    case 0xa000:
      return 'symlink';
    case 0x2000:
      return 'chardev';
    case 0x6000:
      return 'blockdev';
    case 0x1000:
      return 'fifo';
    case 0xc000:
      return 'socket';
    default:
      return 'unknown';
  }
}

/** Directory-walk guard rails shared by the readers. */
export const FS_LIMITS = {
  /** Nodes listed per filesystem before the walk stops (a hostile image can claim millions). */
  maxNodes: 2_000_000,
  /** Directory depth. */
  maxDepth: 256,
};
