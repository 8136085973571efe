/**
 * Read-only EROFS (`erofs_fs.h`, erofs-utils `lib/data.c`, `lib/zmap.c`): superblock at 1024,
 * compact (32-byte) and extended (64-byte) inodes, data layouts flat (0), flat with an inline
 * tail (2) and chunked (4), and compressed files (1 full indexes, 3 compact indexes) with LZ4 /
 * LZ4HC pclusters, big pclusters, ztailpacking (inline tail pcluster), uncompressed (shifted and
 * interlaced) pclusters and HEAD2 lclusters. Another algorithm (LZMA, DEFLATE, ZSTD) or packed
 * fragments make that one file unreadable with a clear reason. Compressed files are read as a
 * MappedSource whose segments decompress one pcluster on demand (small LRU cache).
 */
import { displayName } from '../inputs/walk.js';
import { MappedSource, sourceSegment, UnitCache, UNLIMITED_BUDGET, type InflateBudget, type Segment } from '../io/mapped.js';
import { BufferSource, type RandomAccessSource } from '../io/source.js';
import { FormatError } from './errors.js';
import { kindOfMode, walkFsTree, type FsListing, type FsNode } from './fsnode.js';
import { lz4DecompressBlock, lz4DecompressBlockInto } from './lz4.js';

export const EROFS_MAGIC = 0xe0f5e1e2;
const SB_OFFSET = 1024;

const INCOMPAT_ZERO_PADDING = 0x1;
const INCOMPAT_BIG_PCLUSTER = 0x2;
const INCOMPAT_ZTAILPACKING = 0x10;
const INCOMPAT_FRAGMENTS = 0x20;

const LAYOUT_FLAT_PLAIN = 0;
const LAYOUT_COMPRESSED_FULL = 1;
const LAYOUT_FLAT_INLINE = 2;
const LAYOUT_COMPRESSED_COMPACT = 3;
const LAYOUT_CHUNK_BASED = 4;

const ADVISE_COMPACTED_2B = 0x1;
const ADVISE_BIG_PCLUSTER_1 = 0x2;
const ADVISE_BIG_PCLUSTER_2 = 0x4;
const ADVISE_INLINE_PCLUSTER = 0x8;
const ADVISE_INTERLACED_PCLUSTER = 0x10;
const ADVISE_FRAGMENT_PCLUSTER = 0x20;

const LC_PLAIN = 0;
const LC_NONHEAD = 2;
const LC_HEAD2 = 3;
const D0_CBLKCNT = 1 << 11;

const ALGORITHMS = ['LZ4', 'LZMA', 'DEFLATE', 'ZSTD'];
const MAX_DIR_BYTES = 256 * 1024 * 1024;
const READ_AHEAD = 256 * 1024;

/** mkfs.erofs writes extents of at most a few pclusters; a larger one is a decompression bomb. */
const MAX_EXTENT_BYTES = 64 * 1024 * 1024;

export function isErofsSuperblock(sb: Buffer): boolean {
  return sb.length >= 4 && sb.readUInt32LE(0) === EROFS_MAGIC;
}

interface Inode {
  nid: number;
  layout: number;
  mode: number;
  size: number;
  /** raw_blkaddr / compressed_blocks / chunk format (i_u). */
  iu: number;
  /** Byte position of the inode and the end of its inode + inline xattrs. */
  iloc: number;
  dataStart: number;
}

interface ZExtent {
  la: number;
  llen: number;
  pa: number;
  plen: number;
  /** 'plain' = stored uncompressed (shifted), 'interlaced' = stored rotated, else the algorithm id. */
  alg: 'plain' | 'interlaced' | number;
}

export interface ErofsOptions {
  budget?: InflateBudget;
  /** Bytes of decompressed pclusters kept for re-reads. */
  cacheBytes?: number;
}

class Erofs {
  bs = 4096;
  blkbits = 12;
  metaBlkaddr = 0;
  blocks = 0;
  rootNid = 0;
  incompat = 0;
  label = '';
  private readonly cache: UnitCache<string>;
  private readonly budget: InflateBudget;
  /** Read-ahead window over the image: a file's pclusters lie one after another. */
  private window: { start: number; data: Buffer } | undefined;
  /** The buffer the window is read into, reused (see readPcluster). */
  private windowBuffer: Buffer | undefined;

  constructor(
    readonly src: RandomAccessSource,
    opts: ErofsOptions,
  ) {
    this.cache = new UnitCache(opts.cacheBytes ?? 8 * 1024 * 1024);
    this.budget = opts.budget ?? UNLIMITED_BUDGET;
  }

  async init(): Promise<void> {
    if (this.src.size < SB_OFFSET + 128) throw new FormatError('erofs', `image is ${this.src.size} bytes, too small for a superblock`);
    const sb = await this.src.read(SB_OFFSET, 128);
    if (sb.readUInt32LE(0) !== EROFS_MAGIC) throw new FormatError('erofs', 'bad superblock magic', SB_OFFSET);
    this.blkbits = sb[12];
    if (this.blkbits < 9 || this.blkbits > 16) throw new FormatError('erofs', `bad block size 2^${this.blkbits}`, SB_OFFSET + 12);
    this.bs = 1 << this.blkbits;
    this.rootNid = sb.readUInt16LE(14);
    this.metaBlkaddr = sb.readUInt32LE(40);
    this.blocks = sb.readUInt32LE(36);
    this.incompat = sb.readUInt32LE(80);
    this.label = sb.toString('latin1', 64, 80).replace(/\0.*$/s, '');
    const extraDevices = sb.readUInt16LE(86);
    if (extraDevices > 0) throw new FormatError('erofs', `image spans ${extraDevices + 1} devices; only single-device images can be read`, SB_OFFSET + 86);
    if (this.metaBlkaddr * this.bs >= this.src.size) throw new FormatError('erofs', 'metadata area lies past the end of the image (truncated)', SB_OFFSET + 40);
  }

  async inode(nid: number): Promise<Inode> {
    const iloc = this.metaBlkaddr * this.bs + nid * 32;
    if (!Number.isSafeInteger(iloc) || iloc + 32 > this.src.size) throw new FormatError('erofs', `inode ${nid} lies past the end of the image (truncated)`, iloc);
    const head = await this.src.read(iloc, Math.min(64, this.src.size - iloc));
    const format = head.readUInt16LE(0);
    const extended = (format & 1) === 1;
    const layout = (format >> 1) & 7;
    if (extended && head.length < 64) throw new FormatError('erofs', `inode ${nid} lies past the end of the image (truncated)`, iloc);
    const icount = head.readUInt16LE(2);
    const xattrSize = icount === 0 ? 0 : 12 + 4 * (icount - 1);
    const isize = extended ? 64 : 32;
    const size = extended ? Number(head.readBigUInt64LE(8)) : head.readUInt32LE(8);
    if (!Number.isSafeInteger(size)) throw new FormatError('erofs', `inode ${nid}: size beyond 2^53`, iloc);
    return { nid, layout, mode: head.readUInt16LE(4), size, iu: head.readUInt32LE(16), iloc, dataStart: iloc + isize + xattrSize };
  }

  private checkRange(ino: Inode, pos: number, len: number): void {
    if (!Number.isSafeInteger(pos) || pos < 0 || pos + len > this.src.size) {
      throw new FormatError('erofs', `inode ${ino.nid}: data (${len} bytes at ${pos}) lies past the end of the image (truncated or corrupt)`, pos);
    }
  }

  async open(ino: Inode): Promise<RandomAccessSource> {
    if (ino.size === 0) return new BufferSource(Buffer.alloc(0));
    switch (ino.layout) {
      case LAYOUT_FLAT_PLAIN:
      case LAYOUT_FLAT_INLINE: {
        const nblocks = Math.ceil(ino.size / this.bs);
        const lastblk = ino.layout === LAYOUT_FLAT_INLINE ? nblocks - 1 : nblocks;
        const segs: Segment[] = [];
        const full = Math.min(lastblk * this.bs, ino.size);
        if (full > 0) {
          this.checkRange(ino, ino.iu * this.bs, full);
          segs.push(sourceSegment(0, full, this.src, ino.iu * this.bs));
        }
        if (ino.layout === LAYOUT_FLAT_INLINE) {
          const tail = ino.size - lastblk * this.bs;
          if ((ino.dataStart % this.bs) + tail > this.bs) throw new FormatError('erofs', `inode ${ino.nid}: inline tail crosses a block boundary`, ino.dataStart);
          this.checkRange(ino, ino.dataStart, tail);
          segs.push(sourceSegment(lastblk * this.bs, tail, this.src, ino.dataStart));
        }
        return new MappedSource(ino.size, segs, 'erofs');
      }
      case LAYOUT_CHUNK_BASED:
        return this.openChunked(ino);
      case LAYOUT_COMPRESSED_FULL:
      case LAYOUT_COMPRESSED_COMPACT:
        return this.openCompressed(ino);
      default:
        throw new FormatError('erofs', `inode ${ino.nid}: unknown data layout ${ino.layout}`, ino.iloc);
    }
  }

  private async openChunked(ino: Inode): Promise<RandomAccessSource> {
    const format = ino.iu & 0xffff;
    const indexes = (format & 0x20) !== 0;
    const chunkbits = this.blkbits + (format & 0x1f);
    if (chunkbits > 40) throw new FormatError('erofs', `inode ${ino.nid}: bad chunk size 2^${chunkbits}`, ino.iloc);
    const chunk = 2 ** chunkbits;
    const n = Math.ceil(ino.size / chunk);
    const unit = indexes ? 8 : 4;
    const pos = Math.ceil(ino.dataStart / unit) * unit;
    this.checkRange(ino, pos, n * unit);
    const table = await this.src.read(pos, n * unit);
    const segs: Segment[] = [];
    for (let i = 0; i < n; i++) {
      const blk = indexes ? table.readUInt32LE(i * 8 + 4) : table.readUInt32LE(i * 4);
      if (blk === 0xffffffff) continue; // a hole
      if (indexes && table.readUInt16LE(i * 8 + 2) !== 0) throw new FormatError('erofs', `inode ${ino.nid}: chunk ${i} lives on another device`, pos + i * 8);
      const start = i * chunk;
      const len = Math.min(chunk, ino.size - start);
      this.checkRange(ino, blk * this.bs, len);
      segs.push(sourceSegment(start, len, this.src, blk * this.bs));
    }
    return new MappedSource(ino.size, segs, 'erofs');
  }

  /** Builds the extent list of a compressed file from its lcluster indexes. */
  async zExtents(ino: Inode): Promise<ZExtent[]> {
    const bs = this.bs;
    const hpos = Math.ceil(ino.dataStart / 8) * 8;
    let advise = 0;
    let algs = [0, 0];
    let lbits = this.blkbits;
    let idataSize = 0;
    const legacyDefaults =
      ino.layout === LAYOUT_COMPRESSED_FULL && !(this.incompat & (INCOMPAT_BIG_PCLUSTER | INCOMPAT_ZTAILPACKING | INCOMPAT_FRAGMENTS));
    if (!legacyDefaults) {
      this.checkRange(ino, hpos, 8);
      const h = await this.src.read(hpos, 8);
      if (h[7] & 0x80) throw new FormatError('erofs', `inode ${ino.nid}: data is stored in the packed inode (fragments), which is not supported`, hpos);
      idataSize = h.readUInt16LE(2);
      advise = h.readUInt16LE(4);
      algs = [h[6] & 15, h[6] >> 4];
      lbits = this.blkbits + (h[7] & 7);
      if (advise & ADVISE_FRAGMENT_PCLUSTER) throw new FormatError('erofs', `inode ${ino.nid}: the tail is stored in the packed inode (fragments), which is not supported`, hpos);
      if (ino.layout === LAYOUT_COMPRESSED_COMPACT && !(advise & ADVISE_BIG_PCLUSTER_1) !== !(advise & ADVISE_BIG_PCLUSTER_2)) {
        throw new FormatError('erofs', `inode ${ino.nid}: inconsistent big pcluster flags`, hpos);
      }
    }
    const lsz = 2 ** lbits;
    const total = Math.ceil(ino.size / lsz);
    const big = (advise & ADVISE_BIG_PCLUSTER_1) !== 0;

    interface LC {
      type: number;
      clusterofs: number;
      delta0: number;
      pblk: number;
      cblks: number;
      next: number;
    }
    let load: (lcn: number) => LC;
    if (ino.layout === LAYOUT_COMPRESSED_FULL) {
      const base = hpos + 16;
      this.checkRange(ino, base, total * 8);
      const idx = await this.src.read(base, total * 8);
      load = (lcn) => {
        const p = lcn * 8;
        const adv = idx.readUInt16LE(p);
        const type = adv & 3;
        if (type === LC_NONHEAD) {
          let d0 = idx.readUInt16LE(p + 4);
          let cblks = 0;
          if (d0 & D0_CBLKCNT) {
            if (!big) throw new FormatError('erofs', `inode ${ino.nid}: block count on a file without big pclusters`, base + p);
            cblks = d0 & ~D0_CBLKCNT;
            d0 = 1;
          }
          return { type, clusterofs: lsz, delta0: d0, pblk: 0, cblks, next: base + p + 8 };
        }
        return { type, clusterofs: idx.readUInt16LE(p + 2), delta0: 0, pblk: idx.readUInt32LE(p + 4), cblks: 0, next: base + p + 8 };
      };
    } else {
      if (lbits !== 12) throw new FormatError('erofs', `inode ${ino.nid}: compact indexes need 4 KiB lclusters`, hpos);
      const ebase = hpos + 8;
      let initial4b = (32 - (ebase % 32)) / 4;
      if (initial4b === 8) initial4b = 0;
      const compacted2b = advise & ADVISE_COMPACTED_2B && initial4b < total ? Math.floor((total - initial4b) / 16) * 16 : 0;
      const rest = Math.max(0, total - initial4b - compacted2b);
      const bytes = Math.min(total, initial4b) * 4 + compacted2b * 2 + rest * 4;
      const start = ebase - (ebase % 32);
      const len = Math.min(this.src.size - start, Math.ceil((ebase + bytes - start) / 32) * 32 + 32);
      this.checkRange(ino, ebase, bytes);
      const buf = Buffer.concat([await this.src.read(start, len), Buffer.alloc(8)]);
      const le32 = (abs: number): number => buf.readUInt32LE(abs - start);
      load = (lcn) => {
        let pos = ebase;
        let shift: number;
        let l = lcn;
        if (l < initial4b) shift = 2;
        else {
          pos += initial4b * 4;
          l -= initial4b;
          if (l < compacted2b) shift = 1;
          else {
            pos += compacted2b * 2;
            l -= compacted2b;
            shift = 2;
          }
        }
        pos += l << shift;
        const vcnt = shift === 2 ? 2 : 16;
        const pack = vcnt << shift;
        const packBase = pos - (pos % pack);
        const encodebits = ((pack - 4) * 8) / vcnt;
        const lomask = (1 << lbits) - 1;
        const decode = (i: number): [number, number] => {
          const bit = encodebits * i;
          const v = le32(packBase + (bit >> 3)) >>> (bit & 7);
          return [v & lomask, (v >>> lbits) & 3];
        };
        let i = (pos - packBase) >> shift;
        const next = packBase + pack;
        let [lo, type] = decode(i);
        if (type === LC_NONHEAD) {
          if (lo & D0_CBLKCNT) {
            if (!big) throw new FormatError('erofs', `inode ${ino.nid}: block count on a file without big pclusters`, pos);
            return { type, clusterofs: lsz, delta0: 1, pblk: 0, cblks: lo & ~D0_CBLKCNT, next };
          }
          if (i + 1 !== vcnt) return { type, clusterofs: lsz, delta0: lo, pblk: 0, cblks: 0, next };
          const [prevLo, prevType] = decode(i - 1);
          const plo = prevType !== LC_NONHEAD ? 0 : prevLo & D0_CBLKCNT ? 1 : prevLo;
          return { type, clusterofs: lsz, delta0: plo + 1, pblk: 0, cblks: 0, next };
        }
        const clusterofs = lo;
        const headType = type;
        let nblk: number;
        if (!big) {
          nblk = 1;
          while (i > 0) {
            --i;
            [lo, type] = decode(i);
            if (type === LC_NONHEAD) i -= lo;
            if (i >= 0) ++nblk;
          }
        } else {
          nblk = 0;
          while (i > 0) {
            --i;
            [lo, type] = decode(i);
            if (type === LC_NONHEAD) {
              if (lo & D0_CBLKCNT) {
                --i;
                nblk += lo & ~D0_CBLKCNT;
                continue;
              }
              // Past the --i above, a delta of 1 would leave i where it was and one of 0 move it on:
              // either would loop forever. The kernel calls both corrupt (unpack_compacted_index).
              if (lo <= 1) throw new FormatError('erofs', `inode ${ino.nid}: corrupt compact index (delta ${lo} in a big pcluster)`, pos);
              i -= lo - 2;
              continue;
            }
            ++nblk;
          }
        }
        return { type: headType, clusterofs, delta0: 0, pblk: le32(packBase + pack - 4) + nblk, cblks: 0, next };
      };
    }

    // Heads start extents; an extent ends where the next head starts (or at the end of file).
    const heads: { lcn: number; lc: LC }[] = [];
    let lastNext = 0;
    for (let lcn = 0; lcn < total; lcn++) {
      const lc = load(lcn);
      if (lcn === total - 1) lastNext = lc.next;
      if (lc.type !== LC_NONHEAD) heads.push({ lcn, lc });
    }
    if (heads.length === 0 || heads[0].lcn !== 0 || heads[0].lc.clusterofs !== 0) {
      throw new FormatError('erofs', `inode ${ino.nid}: the first logical cluster is not the head of an extent`, hpos);
    }
    // A head may sit exactly at the end of the file (an empty extent): the tail extent is the
    // last non-empty one, the one holding the file's last byte.
    const spans: { lcn: number; lc: LC; la: number; end: number }[] = [];
    for (let h = 0; h < heads.length; h++) {
      const { lcn, lc } = heads[h];
      const la = lcn * lsz + lc.clusterofs;
      const end = Math.min(ino.size, h + 1 < heads.length ? heads[h + 1].lcn * lsz + heads[h + 1].lc.clusterofs : ino.size);
      if (end < la || (end === la && la < ino.size)) throw new FormatError('erofs', `inode ${ino.nid}: extents out of order at lcluster ${lcn}`, hpos);
      if (end > la) spans.push({ lcn, lc, la, end });
    }
    const extents: ZExtent[] = [];
    for (const [h, { lcn, lc, la, end }] of spans.entries()) {
      const isTail = h === spans.length - 1;
      let pa: number;
      let plen: number;
      if (isTail && advise & ADVISE_INLINE_PCLUSTER) {
        pa = lastNext;
        plen = idataSize;
        if (plen === 0 || (pa % bs) + plen > bs) throw new FormatError('erofs', `inode ${ino.nid}: bad tail-packing pcluster size ${plen}`, pa);
      } else {
        pa = lc.pblk * bs;
        if (lc.type === LC_PLAIN || !big) plen = lsz;
        else {
          let cblks = lsz / bs;
          if (lcn + 1 < total) {
            const n = load(lcn + 1);
            if (n.type === LC_NONHEAD) {
              if (n.delta0 !== 1 || !n.cblks) throw new FormatError('erofs', `inode ${ino.nid}: missing compressed block count at lcluster ${lcn + 1}`, hpos);
              cblks = n.cblks;
            }
          }
          plen = cblks * bs;
        }
      }
      let alg: ZExtent['alg'];
      if (lc.type === LC_PLAIN) alg = advise & ADVISE_INTERLACED_PCLUSTER ? 'interlaced' : 'plain';
      else alg = lc.type === LC_HEAD2 ? algs[1] : algs[0];
      this.checkRange(ino, pa, plen);
      if (end - la > MAX_EXTENT_BYTES && alg !== 'plain') {
        throw new FormatError('erofs', `inode ${ino.nid}: a compressed extent of ${end - la} bytes is past the ${MAX_EXTENT_BYTES}-byte cap`, pa);
      }
      extents.push({ la, llen: end - la, pa, plen, alg });
    }
    return extents;
  }

  /**
   * The `plen` bytes at `pa`, through a read-ahead window of 256 KiB: one read per window instead
   * of one per 4 KiB pcluster. The window's buffer is refilled in place when the image's source
   * can read into it (one buffer per image, not one per window for the garbage collector), so
   * what this returns is valid only until the next read: callers decode it at once, reads of one
   * image are never concurrent (the scan awaits each in turn), and nothing kept (the extent
   * cache) points into it.
   */
  private async readPcluster(pa: number, plen: number): Promise<Buffer> {
    const held = this.inWindow(pa, plen);
    if (held) return held;
    const len = Math.min(Math.max(plen, READ_AHEAD), this.src.size - pa);
    if (len < plen) return this.src.read(pa, plen); // past the end: the source reports it
    let data: Buffer;
    if (this.src.readInto) {
      if (!this.windowBuffer || this.windowBuffer.length < len) this.windowBuffer = Buffer.allocUnsafe(len);
      this.window = undefined; // being refilled
      data = await this.src.readInto(pa, len, this.windowBuffer);
    } else {
      data = await this.src.read(pa, len);
    }
    this.window = { start: pa, data };
    return data.subarray(0, plen);
  }

  /** The bytes at [pa, pa + plen) when the read-ahead window holds them (no read, no await). */
  private inWindow(pa: number, plen: number): Buffer | undefined {
    const w = this.window;
    return w && pa >= w.start && pa + plen <= w.start + w.data.length ? w.data.subarray(pa - w.start, pa - w.start + plen) : undefined;
  }

  /**
   * A whole LZ4 or plain extent whose pcluster the window holds, decoded straight into `dest`
   * (no buffer of its own, no cache entry: whole extents are read once, in order). False when
   * it cannot be done that way; the caller then goes through `decompress`.
   */
  private decompressInto(ino: Inode, ext: ZExtent, dest: Buffer, at: number): boolean {
    if (ext.alg !== 0 && ext.alg !== 'plain') return false;
    const data = this.inWindow(ext.pa, ext.plen);
    if (!data) return false;
    this.decode(ino, ext, data, { dest, at });
    return true;
  }

  private async decompress(ino: Inode, ext: ZExtent): Promise<Buffer> {
    const data = await this.readPcluster(ext.pa, ext.plen);
    if (ext.alg === 'interlaced') {
      if (ext.llen > this.bs || ext.plen > this.bs) throw new FormatError('erofs', `inode ${ino.nid}: interlaced pcluster larger than a block`, ext.pa);
      const skip = ext.la % this.bs;
      const right = Math.min(this.bs - skip, ext.llen);
      return Buffer.concat([data.subarray(skip, skip + right), data.subarray(0, ext.llen - right)]);
    }
    return this.decode(ino, ext, data)!;
  }

  /**
   * A plain or LZ4 extent from its pcluster's bytes: written into `into` when given, else a new
   * buffer (never a view of `data`, which the window's next refill overwrites).
   */
  private decode(ino: Inode, ext: ZExtent, data: Buffer, into?: { dest: Buffer; at: number }): Buffer | undefined {
    if (ext.alg === 'plain') {
      if (ext.llen > ext.plen) throw new FormatError('erofs', `inode ${ino.nid}: uncompressed pcluster shorter than its extent`, ext.pa);
      if (!into) return Buffer.from(data.subarray(0, ext.llen));
      data.copy(into.dest, into.at, 0, ext.llen);
      return undefined;
    }
    if (ext.alg !== 0) {
      throw new FormatError('erofs', `inode ${ino.nid}: unsupported compression ${ALGORITHMS[ext.alg as number] ?? `#${String(ext.alg)}`} (only LZ4/LZ4HC can be read)`, ext.pa);
    }
    let margin = 0;
    if (this.incompat & INCOMPAT_ZERO_PADDING) {
      const limit = Math.min(data.length, 4096);
      while (margin < limit && data[margin] === 0) margin++;
      if (margin >= data.length) throw new FormatError('erofs', `inode ${ino.nid}: empty compressed pcluster`, ext.pa);
    }
    this.budget.spend(ext.llen);
    try {
      if (!into) return lz4DecompressBlock(data.subarray(margin), ext.llen, 'erofs');
      lz4DecompressBlockInto(data.subarray(margin), ext.llen, into.dest, into.at, 'erofs');
      return undefined;
    } catch (e) {
      if (e instanceof FormatError) throw new FormatError('erofs', `inode ${ino.nid}: corrupt LZ4 pcluster: ${e.reason}`, ext.pa);
      throw e;
    }
  }

  private async openCompressed(ino: Inode): Promise<RandomAccessSource> {
    const extents = await this.zExtents(ino);
    // Refuse unsupported algorithms when the file is opened, not at its first read.
    const bad = extents.find((e) => typeof e.alg === 'number' && e.alg !== 0);
    if (bad) await this.decompress(ino, bad);
    const segs: Segment[] = extents.map((ext, i) => ({
      start: ext.la,
      length: ext.llen,
      read: async (o: number, n: number) => (await this.cachedExtent(ino, ext, i)).subarray(o, o + n),
      readInto: (o: number, n: number, dest: Buffer, at: number) => {
        if (o === 0 && n === ext.llen && this.decompressInto(ino, ext, dest, at)) return;
        return this.cachedExtent(ino, ext, i).then((buf) => {
          buf.copy(dest, at, o, o + n);
        });
      },
    }));
    return new MappedSource(ino.size, segs, 'erofs');
  }

  /** Extent `i` of an inode decoded, through the small cache (partial reads come back to it). */
  private async cachedExtent(ino: Inode, ext: ZExtent, i: number): Promise<Buffer> {
    const key = `${ino.nid}:${i}`;
    let buf = this.cache.get(key);
    if (!buf) {
      buf = await this.decompress(ino, ext);
      this.cache.set(key, buf);
    }
    return buf;
  }

  async readDir(ino: Inode): Promise<{ name: Buffer; nid: number }[]> {
    if (ino.size > MAX_DIR_BYTES) throw new FormatError('erofs', `directory inode ${ino.nid} is ${ino.size} bytes, past the cap`);
    const src = await this.open(ino);
    const buf = await src.read(0, src.size);
    const out: { name: Buffer; nid: number }[] = [];
    for (let base = 0; base < buf.length; base += this.bs) {
      const end = Math.min(buf.length, base + this.bs);
      if (end - base < 12) throw new FormatError('erofs', `directory inode ${ino.nid}: block ${base / this.bs} too short`, base);
      const first = buf.readUInt16LE(base + 8);
      const count = Math.floor(first / 12);
      if (first < 12 || first % 12 !== 0 || first > end - base) throw new FormatError('erofs', `directory inode ${ino.nid}: bad first name offset ${first}`, base);
      for (let i = 0; i < count; i++) {
        const d = base + i * 12;
        const nid = Number(buf.readBigUInt64LE(d));
        const nameoff = buf.readUInt16LE(d + 8);
        const nameEnd = i + 1 < count ? buf.readUInt16LE(d + 20) : end - base;
        if (nameoff < first || nameEnd > end - base || nameEnd < nameoff) throw new FormatError('erofs', `directory inode ${ino.nid}: bad name offsets in entry ${i}`, d);
        let name = buf.subarray(base + nameoff, base + nameEnd);
        if (i + 1 === count) {
          const z = name.indexOf(0);
          if (z >= 0) name = name.subarray(0, z);
        }
        if (name.length === 0) throw new FormatError('erofs', `directory inode ${ino.nid}: empty name in entry ${i}`, d);
        if ((name.length === 1 && name[0] === 0x2e) || (name.length === 2 && name[0] === 0x2e && name[1] === 0x2e)) continue;
        if (!Number.isSafeInteger(nid)) throw new FormatError('erofs', `directory inode ${ino.nid}: bad node number`, d);
        out.push({ name: Buffer.from(name), nid });
      }
    }
    return out;
  }

  async symlinkTarget(ino: Inode): Promise<string> {
    if (ino.size > 4096) throw new FormatError('erofs', `symlink inode ${ino.nid} is ${ino.size} bytes long`);
    const src = await this.open(ino);
    return displayName(await src.read(0, src.size));
  }
}

/** The compressed extents of one file (logical start and length, physical start and length), as `dump.erofs -e` lists them. */
export async function erofsExtents(src: RandomAccessSource, nid: number): Promise<{ la: number; llen: number; pa: number; plen: number }[]> {
  const fs = new Erofs(src, {});
  await fs.init();
  return (await fs.zExtents(await fs.inode(nid))).map(({ la, llen, pa, plen }) => ({ la, llen, pa, plen }));
}

/** Lists every node of an EROFS image; throws FormatError when the image itself is unreadable. */
export async function openErofs(src: RandomAccessSource, opts: ErofsOptions = {}): Promise<FsListing> {
  const fs = new Erofs(src, opts);
  await fs.init();
  const root = await fs.inode(fs.rootNid);
  if (kindOfMode(root.mode) !== 'dir') throw new FormatError('erofs', 'the root inode is not a directory');
  const nodes: FsNode[] = [];
  const problems: FsListing['problems'] = [];
  if (fs.blocks * fs.bs > src.size) {
    problems.push({ path: '', reason: `image is truncated: ${src.size} bytes, the superblock says ${fs.blocks * fs.bs}` });
  }
  nodes.push(
    ...(await walkFsTree(
      root,
      fs.rootNid,
      {
        readDir: async (d) => (await fs.readDir(d)).map((e) => ({ name: e.name, id: e.nid })),
        inode: (id) => fs.inode(id),
        mode: (i) => i.mode,
        size: (i) => i.size,
        open: (i) => fs.open(i),
        symlinkTarget: (i) => fs.symlinkTarget(i),
      },
      displayName,
      problems,
      (e) => (e instanceof FormatError ? e.reason : (e as Error).message),
    )),
  );
  return { format: 'erofs', label: fs.label || undefined, nodes, problems };
}
