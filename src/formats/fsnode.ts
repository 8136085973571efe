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

/** What the shared directory walk needs from a filesystem reader. */
export interface FsTreeOps<I> {
  /** Entries of a directory inode: raw name and the child's inode number / node id. */
  readDir(dir: I): Promise<{ name: Buffer; id: number }[]>;
  inode(id: number): Promise<I>;
  mode(ino: I): number;
  size(ino: I): number;
  open(ino: I): Promise<RandomAccessSource>;
  symlinkTarget(ino: I): Promise<string>;
}

/**
 * Lists every node under `root` (id `rootId`) in sorted order. A directory that cannot be read,
 * an inode that cannot be parsed, a loop or nesting past FS_LIMITS is a problem entry; the rest
 * of the tree is still listed.
 */
export async function walkFsTree<I>(
  root: I,
  rootId: number,
  ops: FsTreeOps<I>,
  displayName: (raw: Buffer) => string,
  problems: FsListing['problems'],
  formatErrorReason: (e: unknown) => string,
): Promise<FsNode[]> {
  const nodes: FsNode[] = [];
  const seenDirs = new Set<number>([rootId]);
  const stack: { ino: I; path: string; depth: number }[] = [{ ino: root, path: '', depth: 0 }];
  while (stack.length) {
    const dir = stack.pop()!;
    let entries: { name: Buffer; id: number }[];
    try {
      entries = await ops.readDir(dir.ino);
    } catch (e) {
      problems.push({ path: dir.path || '.', reason: `cannot read directory: ${formatErrorReason(e)}` });
      continue;
    }
    for (const ent of entries) {
      const path = dir.path ? `${dir.path}/${displayName(ent.name)}` : displayName(ent.name);
      if (nodes.length >= FS_LIMITS.maxNodes) {
        problems.push({ path, reason: `more than ${FS_LIMITS.maxNodes} entries; the rest of the image is not listed` });
        stack.length = 0;
        break;
      }
      let ino: I;
      try {
        ino = await ops.inode(ent.id);
      } catch (e) {
        problems.push({ path, reason: formatErrorReason(e) });
        continue;
      }
      const kind = kindOfMode(ops.mode(ino));
      if (kind === 'dir') {
        if (seenDirs.has(ent.id) || dir.depth + 1 > FS_LIMITS.maxDepth) {
          problems.push({ path, reason: 'directory loop or nesting too deep; not walked' });
          continue;
        }
        seenDirs.add(ent.id);
        stack.push({ ino, path, depth: dir.depth + 1 });
        continue;
      }
      const node: FsNode = { path, kind, size: ops.size(ino), inode: ent.id, open: () => ops.open(ino) };
      if (kind === 'symlink') node.target = () => ops.symlinkTarget(ino);
      nodes.push(node);
    }
  }
  return nodes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
