/**
 * Read-only ext2/3/4 (`Documentation/filesystems/ext4/`): superblock at 1024, 32- and 64-bit
 * group descriptors (meta_bg too), inodes, extent trees of any depth, classic block maps
 * (direct/indirect), inline data (`system.data`), linear and htree directories (an htree
 * directory is read linearly: its index blocks look like empty entries), fast and slow symlinks
 * (read, never followed). A file is opened as a MappedSource over its extents: an APK inside an
 * image is read by random access, never copied whole. Every offset is bounds-checked; a corrupt
 * directory or file is reported and the walk goes on.
 */
import { displayName } from '../inputs/walk.js';
import { MappedSource, sourceSegment, type Segment } from '../io/mapped.js';
import { BufferSource, type RandomAccessSource } from '../io/source.js';
import { FormatError } from './errors.js';
import { kindOfMode, walkFsTree, type FsListing, type FsNode } from './fsnode.js';

export const EXT4_MAGIC = 0xef53;
const SB_OFFSET = 1024;
const ROOT_INO = 2;

const INCOMPAT_FILETYPE = 0x2;
/** The journal holds committed changes not yet written to the filesystem (needs_recovery). */
const INCOMPAT_RECOVER = 0x4;
const INCOMPAT_JOURNAL_DEV = 0x8;
const INCOMPAT_META_BG = 0x10;
const INCOMPAT_64BIT = 0x80;
const RO_COMPAT_SPARSE_SUPER = 0x1;
const RO_COMPAT_HUGE_FILE = 0x8;

const FL_ENCRYPT = 0x800;
const FL_HUGE_FILE = 0x40000;
const FL_EXTENTS = 0x80000;
const FL_INLINE_DATA = 0x10000000;

const MAX_DIR_BYTES = 256 * 1024 * 1024;

/** `sb` holds at least the bytes 1024..1024+0x3a of the image. */
export function isExt4Superblock(sb: Buffer): boolean {
  return sb.length >= 0x3a && sb.readUInt16LE(0x38) === EXT4_MAGIC;
}

interface Inode {
  ino: number;
  mode: number;
  size: number;
  flags: number;
  blocks512: number;
  fileAcl: number;
  iblock: Buffer;
  raw: Buffer;
}

class Ext4 {
  bs = 0;
  inodeSize = 0;
  inodesPerGroup = 0;
  inodesCount = 0;
  blocksCount = 0;
  groupCount = 0;
  descSize = 32;
  label = '';
  /** INCOMPAT_RECOVER: the journal has changes to apply. */
  needsRecovery = false;
  private gdt: Buffer = Buffer.alloc(0);
  private incompat = 0;
  private roCompat = 0;

  constructor(readonly src: RandomAccessSource) {}

  async init(): Promise<void> {
    const src = this.src;
    if (src.size < SB_OFFSET + 1024) throw new FormatError('ext4', `image is ${src.size} bytes, too small for a superblock`);
    const sb = await src.read(SB_OFFSET, 1024);
    if (sb.readUInt16LE(0x38) !== EXT4_MAGIC) throw new FormatError('ext4', 'bad superblock magic', SB_OFFSET + 0x38);
    this.inodesCount = sb.readUInt32LE(0x0);
    const logBs = sb.readUInt32LE(0x18);
    if (logBs > 6) throw new FormatError('ext4', `bad block size 2^(10+${logBs})`, SB_OFFSET + 0x18);
    this.bs = 1024 << logBs;
    const firstDataBlock = sb.readUInt32LE(0x14);
    const blocksPerGroup = sb.readUInt32LE(0x20);
    this.inodesPerGroup = sb.readUInt32LE(0x28);
    const rev = sb.readUInt32LE(0x4c);
    this.inodeSize = rev === 0 ? 128 : sb.readUInt16LE(0x58);
    this.incompat = sb.readUInt32LE(0x60);
    this.roCompat = sb.readUInt32LE(0x64);
    this.needsRecovery = (this.incompat & INCOMPAT_RECOVER) !== 0;
    this.label = sb.toString('latin1', 0x78, 0x88).replace(/\0.*$/s, '');
    if (this.incompat & INCOMPAT_JOURNAL_DEV) throw new FormatError('ext4', 'an external journal device, not a filesystem', SB_OFFSET + 0x60);
    const is64 = (this.incompat & INCOMPAT_64BIT) !== 0;
    this.descSize = is64 ? sb.readUInt16LE(0xfe) : 32;
    if (is64 && (this.descSize < 64 || this.descSize > 1024 || this.descSize & (this.descSize - 1))) {
      throw new FormatError('ext4', `bad group descriptor size ${this.descSize}`, SB_OFFSET + 0xfe);
    }
    this.blocksCount = sb.readUInt32LE(0x4) + (is64 ? sb.readUInt32LE(0x150) * 2 ** 32 : 0);
    if (blocksPerGroup === 0 || this.inodesPerGroup === 0) throw new FormatError('ext4', 'zero blocks or inodes per group', SB_OFFSET + 0x20);
    if (this.inodeSize < 128 || this.inodeSize > this.bs || this.inodeSize & (this.inodeSize - 1)) {
      throw new FormatError('ext4', `bad inode size ${this.inodeSize}`, SB_OFFSET + 0x58);
    }
    if (this.blocksCount <= firstDataBlock) throw new FormatError('ext4', `bad block count ${this.blocksCount}`, SB_OFFSET + 0x4);
    this.groupCount = Math.ceil((this.blocksCount - firstDataBlock) / blocksPerGroup);
    if (this.groupCount * this.inodesPerGroup < this.inodesCount) {
      throw new FormatError('ext4', `${this.inodesCount} inodes do not fit ${this.groupCount} groups of ${this.inodesPerGroup}`, SB_OFFSET);
    }
    // Group descriptor table.
    const descPerBlock = this.bs / this.descSize;
    const gdtBlocks = Math.ceil(this.groupCount / descPerBlock);
    const metaBg = (this.incompat & INCOMPAT_META_BG) !== 0;
    const firstMetaBg = sb.readUInt32LE(0x104);
    const sparseSuper = (this.roCompat & RO_COMPAT_SPARSE_SUPER) !== 0;
    const hasSuper = (g: number): boolean => {
      if (!sparseSuper || g <= 1) return true;
      for (const p of [3, 5, 7]) {
        let x = p;
        while (x < g) x *= p;
        if (x === g) return true;
      }
      return false;
    };
    // The block the superblock is in (byte 1024): block 1 of 1 KiB blocks, else block 0. The
    // descriptors follow it, whatever the first data block says (0 with bigalloc, as the kernel's
    // descriptor_loc has it).
    const sbBlock = this.bs === 1024 ? 1 : 0;
    const parts: Buffer[] = [];
    if (!metaBg) {
      const at = (sbBlock + 1) * this.bs;
      const len = Math.ceil((this.groupCount * this.descSize) / this.bs) * this.bs;
      if (at + len > src.size) throw new FormatError('ext4', 'group descriptor table lies past the end of the image (truncated)', at);
      parts.push(await src.read(at, len));
    } else {
      for (let b = 0; b < gdtBlocks; b++) {
        let blk: number;
        if (b < firstMetaBg) blk = sbBlock + 1 + b;
        else {
          const g = b * descPerBlock;
          // Group 0's descriptors with 1 KiB blocks and first data block 0 are in block 2, not 1.
          const skip = (hasSuper(g) ? 1 : 0) + (this.bs === 1024 && b === 0 && firstDataBlock === 0 ? 1 : 0);
          blk = firstDataBlock + g * blocksPerGroup + skip;
        }
        if ((blk + 1) * this.bs > src.size) throw new FormatError('ext4', 'group descriptor block lies past the end of the image (truncated)', blk * this.bs);
        parts.push(await src.read(blk * this.bs, this.bs));
      }
    }
    this.gdt = Buffer.concat(parts);
  }

  private inodeTable(group: number): number {
    const d = group * this.descSize;
    if (d + this.descSize > this.gdt.length) throw new FormatError('ext4', `group ${group} has no descriptor`);
    let blk = this.gdt.readUInt32LE(d + 0x8);
    if (this.descSize >= 64) blk += this.gdt.readUInt32LE(d + 0x28) * 2 ** 32;
    return blk;
  }

  async inode(ino: number): Promise<Inode> {
    if (ino < 1 || ino > this.inodesCount) throw new FormatError('ext4', `inode number ${ino} out of range`);
    const group = Math.floor((ino - 1) / this.inodesPerGroup);
    const index = (ino - 1) % this.inodesPerGroup;
    const table = this.inodeTable(group);
    const at = table * this.bs + index * this.inodeSize;
    if (table >= this.blocksCount || at + this.inodeSize > this.src.size) {
      throw new FormatError('ext4', `inode ${ino} lies past the end of the image (truncated)`, at);
    }
    const raw = await this.src.read(at, this.inodeSize);
    const flags = raw.readUInt32LE(0x20);
    let blocks512 = raw.readUInt32LE(0x1c) + raw.readUInt16LE(0x74) * 2 ** 32;
    if (this.roCompat & RO_COMPAT_HUGE_FILE && flags & FL_HUGE_FILE) blocks512 *= this.bs / 512;
    return {
      ino,
      mode: raw.readUInt16LE(0x0),
      size: raw.readUInt32LE(0x4) + raw.readUInt32LE(0x6c) * 2 ** 32,
      flags,
      blocks512,
      fileAcl: raw.readUInt32LE(0x68) + raw.readUInt16LE(0x76) * 2 ** 32,
      iblock: raw.subarray(0x28, 0x28 + 60),
      raw,
    };
  }

  /** The value of the in-inode `system.data` xattr (inline data past the first 60 bytes). */
  private inlineXattr(ino: Inode): Buffer {
    if (this.inodeSize <= 128) return Buffer.alloc(0);
    const extra = ino.raw.readUInt16LE(0x80);
    const start = 128 + extra;
    if (start + 4 > ino.raw.length || ino.raw.readUInt32LE(start) !== 0xea020000) return Buffer.alloc(0);
    const base = start + 4;
    let p = base;
    while (p + 16 <= ino.raw.length && ino.raw.readUInt32LE(p) !== 0) {
      const nameLen = ino.raw[p];
      const nameIndex = ino.raw[p + 1];
      const valueOffs = ino.raw.readUInt16LE(p + 2);
      const valueInum = ino.raw.readUInt32LE(p + 4);
      const valueSize = ino.raw.readUInt32LE(p + 8);
      if (p + 16 + nameLen > ino.raw.length) break;
      const name = ino.raw.toString('latin1', p + 16, p + 16 + nameLen);
      if (nameIndex === 7 && name === 'data' && valueInum === 0) {
        if (base + valueOffs + valueSize > ino.raw.length) throw new FormatError('ext4', `inline data of inode ${ino.ino} overflows the inode`);
        return ino.raw.subarray(base + valueOffs, base + valueOffs + valueSize);
      }
      p += (16 + nameLen + 3) & ~3;
    }
    return Buffer.alloc(0);
  }

  private checkRun(ino: Inode, pblk: number, count: number): void {
    if (pblk + count > this.blocksCount || (pblk + count) * this.bs > this.src.size) {
      throw new FormatError('ext4', `inode ${ino.ino}: blocks ${pblk}..${pblk + count - 1} lie past the end of the image (truncated or corrupt)`, pblk * this.bs);
    }
  }

  /** Leaf extents as [logical block, physical block, count] (uninitialised extents read as zeros and are left out). */
  private async extents(ino: Inode): Promise<[number, number, number][]> {
    const out: [number, number, number][] = [];
    let visited = 0;
    const walk = async (node: Buffer, depthExpected: number | undefined, where: number): Promise<void> => {
      if (node.length < 12 || node.readUInt16LE(0) !== 0xf30a) throw new FormatError('ext4', `inode ${ino.ino}: bad extent header`, where);
      const entries = node.readUInt16LE(2);
      const depth = node.readUInt16LE(6);
      if (depth > 5 || (depthExpected !== undefined && depth !== depthExpected)) throw new FormatError('ext4', `inode ${ino.ino}: bad extent tree depth ${depth}`, where);
      if (12 + entries * 12 > node.length) throw new FormatError('ext4', `inode ${ino.ino}: ${entries} extents overflow their node`, where);
      if (++visited > 1_000_000) throw new FormatError('ext4', `inode ${ino.ino}: extent tree too large`, where);
      for (let i = 0; i < entries; i++) {
        const e = 12 + i * 12;
        if (depth === 0) {
          const lblk = node.readUInt32LE(e);
          let len = node.readUInt16LE(e + 4);
          const uninit = len > 32768;
          if (uninit) len -= 32768;
          const pblk = node.readUInt16LE(e + 6) * 2 ** 32 + node.readUInt32LE(e + 8);
          if (len === 0 || uninit) continue;
          this.checkRun(ino, pblk, len);
          out.push([lblk, pblk, len]);
        } else {
          const leaf = node.readUInt32LE(e + 4) + node.readUInt16LE(e + 8) * 2 ** 32;
          this.checkRun(ino, leaf, 1);
          await walk(await this.src.read(leaf * this.bs, this.bs), depth - 1, leaf * this.bs);
        }
      }
    };
    await walk(ino.iblock, undefined, 0);
    return out;
  }

  /** Classic ext2/3 block map: 12 direct, then single, double and triple indirect blocks. */
  private async blockMap(ino: Inode): Promise<[number, number, number][]> {
    const nblocks = Math.ceil(ino.size / this.bs);
    const per = this.bs / 4;
    const out: [number, number, number][] = [];
    const push = (lblk: number, pblk: number): void => {
      if (pblk === 0) return;
      this.checkRun(ino, pblk, 1);
      const last = out[out.length - 1];
      if (last && last[0] + last[2] === lblk && last[1] + last[2] === pblk) last[2]++;
      else out.push([lblk, pblk, 1]);
    };
    for (let i = 0; i < 12 && i < nblocks; i++) push(i, ino.iblock.readUInt32LE(i * 4));
    let lblk = 12;
    const indirect = async (blk: number, level: number): Promise<void> => {
      if (lblk >= nblocks) return;
      if (blk === 0) {
        lblk += per ** level;
        return;
      }
      this.checkRun(ino, blk, 1);
      const b = await this.src.read(blk * this.bs, this.bs);
      for (let i = 0; i < per && lblk < nblocks; i++) {
        const v = b.readUInt32LE(i * 4);
        if (level === 1) push(lblk++, v);
        else await indirect(v, level - 1);
      }
    };
    for (let level = 1; level <= 3; level++) await indirect(ino.iblock.readUInt32LE((11 + level) * 4), level);
    return out;
  }

  async openInode(ino: Inode): Promise<RandomAccessSource> {
    if (ino.flags & FL_ENCRYPT) throw new FormatError('ext4', `inode ${ino.ino} is encrypted (fscrypt); its contents cannot be read`);
    if (ino.flags & FL_INLINE_DATA) {
      const data = Buffer.concat([ino.iblock, this.inlineXattr(ino)]);
      if (ino.size > data.length) throw new FormatError('ext4', `inode ${ino.ino}: inline data holds ${data.length} bytes, size says ${ino.size}`);
      return new BufferSource(Buffer.from(data.subarray(0, ino.size)));
    }
    const runs = ino.flags & FL_EXTENTS ? await this.extents(ino) : await this.blockMap(ino);
    const segs: Segment[] = [];
    for (const [lblk, pblk, count] of runs) {
      const start = lblk * this.bs;
      if (start >= ino.size) continue;
      const length = Math.min(count * this.bs, ino.size - start);
      segs.push(sourceSegment(start, length, this.src, pblk * this.bs));
    }
    return new MappedSource(ino.size, segs, 'ext4');
  }

  async symlinkTarget(ino: Inode): Promise<string> {
    const eaBlocks = ino.fileAcl ? this.bs / 512 : 0;
    const fast = !(ino.flags & FL_INLINE_DATA) && ino.blocks512 - eaBlocks === 0 && ino.size < 60;
    if (fast) return displayName(ino.iblock.subarray(0, ino.size));
    if (ino.size > 4096) throw new FormatError('ext4', `symlink inode ${ino.ino} is ${ino.size} bytes long`);
    const src = await this.openInode(ino);
    return displayName(await src.read(0, src.size));
  }

  /** Directory entries (name bytes, inode, file type); `.`/`..` and empty slots left out. */
  async readDir(ino: Inode): Promise<{ name: Buffer; ino: number }[]> {
    const out: { name: Buffer; ino: number }[] = [];
    const parse = (buf: Buffer, blockSize: number): void => {
      for (let base = 0; base < buf.length; base += blockSize) {
        const end = Math.min(buf.length, base + blockSize);
        let p = base;
        while (p + 8 <= end) {
          const inode = buf.readUInt32LE(p);
          const raw = buf.readUInt16LE(p + 4);
          const recLen = raw === 0 || raw === 65535 ? (blockSize >= 65536 ? blockSize : raw) : (raw & 65532) | ((raw & 3) << 16);
          const nameLen = this.incompat & INCOMPAT_FILETYPE ? buf[p + 6] : buf.readUInt16LE(p + 6);
          if (recLen < 8 || p + recLen > end || 8 + nameLen > recLen) {
            throw new FormatError('ext4', `directory inode ${ino.ino}: bad entry at byte ${p} (record length ${recLen})`, p);
          }
          if (inode !== 0 && nameLen > 0) {
            const name = buf.subarray(p + 8, p + 8 + nameLen);
            if (!(nameLen === 1 && name[0] === 0x2e) && !(nameLen === 2 && name[0] === 0x2e && name[1] === 0x2e)) out.push({ name: Buffer.from(name), ino: inode });
          }
          p += recLen;
        }
      }
    };
    if (ino.flags & FL_INLINE_DATA) {
      // The first 4 bytes are the parent's inode number; the rest of i_block and the
      // system.data value are entries.
      parse(ino.iblock.subarray(4), 56);
      const more = this.inlineXattr(ino);
      if (more.length) parse(more, more.length);
      return out;
    }
    if (ino.size > MAX_DIR_BYTES) throw new FormatError('ext4', `directory inode ${ino.ino} is ${ino.size} bytes, past the cap`);
    const src = await this.openInode(ino);
    parse(await src.read(0, src.size), this.bs);
    return out;
  }
}

/** Lists every node of an ext2/3/4 image; throws FormatError when the image itself is unreadable. */
export async function openExt4(src: RandomAccessSource): Promise<FsListing> {
  const fs = new Ext4(src);
  await fs.init();
  const root = await fs.inode(ROOT_INO);
  if (kindOfMode(root.mode) !== 'dir') throw new FormatError('ext4', 'the root inode is not a directory');
  const nodes: FsNode[] = [];
  const problems: FsListing['problems'] = [];
  if (fs.blocksCount * fs.bs > src.size) {
    problems.push({ path: '', reason: `image is truncated: ${src.size} bytes, the superblock says ${fs.blocksCount * fs.bs}` });
  }
  // A mount (or e2fsck) first writes what the journal holds, which may be any block: files,
  // directories, inodes. A build's image never needs it; one that does is read as it is, and
  // fails closed.
  if (fs.needsRecovery) {
    problems.push({ path: '', reason: 'the journal holds changes not yet written to the filesystem (needs_recovery), which a mount applies first: the files were read as they are without them', offset: SB_OFFSET + 0x60 });
  }
  nodes.push(
    ...(await walkFsTree(
      root,
      ROOT_INO,
      {
        readDir: async (d) => (await fs.readDir(d)).map((e) => ({ name: e.name, id: e.ino })),
        inode: (id) => fs.inode(id),
        mode: (i) => i.mode,
        size: (i) => i.size,
        open: (i) => fs.openInode(i),
        symlinkTarget: (i) => fs.symlinkTarget(i),
      },
      displayName,
      problems,
      (e) => (e instanceof FormatError ? e.reason : (e as Error).message),
    )),
  );
  return { format: 'ext4', label: fs.label || undefined, nodes, problems };
}
