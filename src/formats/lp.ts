/**
 * super.img: Android dynamic partitions (`fs_mgr/liblp/include/liblp/metadata_format.h`).
 * 4 KiB reserved, the geometry (magic 0x616C4467, SHA-256 checked) at 4096 with a backup at
 * 8192, then metadata slots: a header (magic 0x414C5030, SHA-256 of header and tables) and the
 * partition, extent, group and block-device tables. Each logical partition is a list of linear
 * extents (512-byte sectors) on the super device, exposed as one virtual source. The primary
 * copy of slot 0 is used; when its checksums fail the backup copy is tried.
 */
import { createHash } from 'node:crypto';
import { MappedSource, sourceSegment, type Segment } from '../io/mapped.js';
import type { RandomAccessSource } from '../io/source.js';
import { pathSafe } from '../inputs/walk.js';
import { FormatError } from './errors.js';

export const LP_GEOMETRY_MAGIC = 0x616c4467;
const LP_HEADER_MAGIC = 0x414c5030;
const LP_PARTITION_RESERVED_BYTES = 4096;
const LP_GEOMETRY_SIZE = 4096;
const SECTOR = 512;
const TARGET_LINEAR = 0;
const TARGET_ZERO = 1;

export interface LpPartition {
  name: string;
  group: string;
  attributes: number;
  size: number;
  /** Bytes of its LINEAR extents: what it reads of the image (ZERO extents read nothing). */
  linearBytes: number;
  /** The partition's bytes (zeros where an extent is of type ZERO). */
  open(): RandomAccessSource;
}

export interface LpMetadata {
  majorVersion: number;
  minorVersion: number;
  blockDevices: string[];
  partitions: LpPartition[];
}

/** `at4096` holds the first bytes at offset 4096 of the image. */
export function isLpGeometry(at4096: Buffer): boolean {
  return at4096.length >= 4 && at4096.readUInt32LE(0) === LP_GEOMETRY_MAGIC;
}

function sha256(b: Buffer): Buffer {
  return createHash('sha256').update(b).digest();
}

function cstr(b: Buffer): string {
  const z = b.indexOf(0);
  return b.toString('latin1', 0, z < 0 ? b.length : z);
}

interface Geometry {
  metadataMaxSize: number;
  slotCount: number;
  logicalBlockSize: number;
}

async function readGeometry(src: RandomAccessSource, at: number): Promise<Geometry> {
  if (at + 52 > src.size) throw new FormatError('lp', 'geometry lies past the end of the image (truncated)', at);
  const g = Buffer.from(await src.read(at, 52));
  if (g.readUInt32LE(0) !== LP_GEOMETRY_MAGIC) throw new FormatError('lp', 'bad geometry magic', at);
  const structSize = g.readUInt32LE(4);
  if (structSize !== 52) throw new FormatError('lp', `unexpected geometry size ${structSize}`, at + 4);
  const want = Buffer.from(g.subarray(8, 40));
  g.fill(0, 8, 40);
  if (!sha256(g).equals(want)) throw new FormatError('lp', 'geometry checksum mismatch (corrupt)', at + 8);
  const metadataMaxSize = g.readUInt32LE(40);
  const slotCount = g.readUInt32LE(44);
  const logicalBlockSize = g.readUInt32LE(48);
  if (metadataMaxSize === 0 || metadataMaxSize % SECTOR !== 0 || slotCount === 0 || slotCount > 8 || logicalBlockSize % SECTOR !== 0) {
    throw new FormatError('lp', `bad geometry (metadata ${metadataMaxSize} bytes, ${slotCount} slots, block ${logicalBlockSize})`, at + 40);
  }
  return { metadataMaxSize, slotCount, logicalBlockSize };
}

async function readMetadata(src: RandomAccessSource, at: number, geo: Geometry): Promise<LpMetadata> {
  if (at + 128 > src.size) throw new FormatError('lp', 'metadata header lies past the end of the image (truncated)', at);
  const h0 = await src.read(at, 128);
  if (h0.readUInt32LE(0) !== LP_HEADER_MAGIC) throw new FormatError('lp', 'bad metadata header magic', at);
  const major = h0.readUInt16LE(4);
  const minor = h0.readUInt16LE(6);
  const headerSize = h0.readUInt32LE(8);
  if (major !== 10) throw new FormatError('lp', `unsupported metadata version ${major}.${minor}`, at + 4);
  if (headerSize < 128 || headerSize > geo.metadataMaxSize) throw new FormatError('lp', `bad metadata header size ${headerSize}`, at + 8);
  if (at + headerSize > src.size) throw new FormatError('lp', 'metadata header lies past the end of the image (truncated)', at);
  const header = Buffer.from(await src.read(at, headerSize));
  const wantHeader = Buffer.from(header.subarray(12, 44));
  header.fill(0, 12, 44);
  if (!sha256(header).equals(wantHeader)) throw new FormatError('lp', 'metadata header checksum mismatch (corrupt)', at + 12);
  const tablesSize = header.readUInt32LE(44);
  if (headerSize + tablesSize > geo.metadataMaxSize) throw new FormatError('lp', `metadata tables (${tablesSize} bytes) exceed the slot`, at + 44);
  if (at + headerSize + tablesSize > src.size) throw new FormatError('lp', 'metadata tables lie past the end of the image (truncated)', at + headerSize);
  const tables = await src.read(at + headerSize, tablesSize);
  if (!sha256(tables).equals(header.subarray(48, 80))) throw new FormatError('lp', 'metadata tables checksum mismatch (corrupt)', at + 48);

  const table = (off: number, minEntry: number, what: string): { offset: number; count: number; size: number } => {
    const offset = header.readUInt32LE(off);
    const count = header.readUInt32LE(off + 4);
    const size = header.readUInt32LE(off + 8);
    if (count > 0 && (size < minEntry || offset + count * size > tablesSize)) throw new FormatError('lp', `${what} table out of bounds`, at + off);
    return { offset, count, size };
  };
  const pt = table(80, 52, 'partition');
  const et = table(92, 24, 'extent');
  const gt = table(104, 48, 'group');
  const bt = table(116, 64, 'block device');

  const groups: string[] = [];
  for (let i = 0; i < gt.count; i++) groups.push(cstr(tables.subarray(gt.offset + i * gt.size, gt.offset + i * gt.size + 36)));
  const blockDevices: string[] = [];
  for (let i = 0; i < bt.count; i++) {
    const b = bt.offset + i * bt.size;
    blockDevices.push(cstr(tables.subarray(b + 24, b + 60)));
  }
  const partitions: LpPartition[] = [];
  for (let i = 0; i < pt.count; i++) {
    const p = pt.offset + i * pt.size;
    const name = pathSafe(cstr(tables.subarray(p, p + 36)));
    const attributes = tables.readUInt32LE(p + 36);
    const firstExtent = tables.readUInt32LE(p + 40);
    const numExtents = tables.readUInt32LE(p + 44);
    const groupIndex = tables.readUInt32LE(p + 48);
    if (firstExtent + numExtents > et.count) throw new FormatError('lp', `partition ${JSON.stringify(name)} names extents past the extent table`, at + headerSize + p);
    const segs: Segment[] = [];
    let logical = 0;
    let linearBytes = 0;
    for (let e = firstExtent; e < firstExtent + numExtents; e++) {
      const x = et.offset + e * et.size;
      const sectors = Number(tables.readBigUInt64LE(x));
      const type = tables.readUInt32LE(x + 8);
      const target = Number(tables.readBigUInt64LE(x + 12));
      const device = tables.readUInt32LE(x + 20);
      const len = sectors * SECTOR;
      if (!Number.isSafeInteger(len) || !Number.isSafeInteger(target * SECTOR)) throw new FormatError('lp', `partition ${JSON.stringify(name)}: extent size beyond 2^53`, at + headerSize + x);
      if (type === TARGET_LINEAR) {
        if (device !== 0) {
          throw new FormatError('lp', `partition ${JSON.stringify(name)} has an extent on block device ${JSON.stringify(blockDevices[device] ?? device)}, not in this image`, at + headerSize + x);
        }
        if (target * SECTOR + len > src.size) {
          throw new FormatError('lp', `partition ${JSON.stringify(name)}: extent at sector ${target} lies past the end of the image (truncated)`, target * SECTOR);
        }
        if (len > 0) segs.push(sourceSegment(logical, len, src, target * SECTOR));
        linearBytes += len;
      } else if (type !== TARGET_ZERO) {
        throw new FormatError('lp', `partition ${JSON.stringify(name)}: unknown extent type ${type}`, at + headerSize + x);
      }
      logical += len;
    }
    const size = logical;
    partitions.push({ name, group: groups[groupIndex] ?? '', attributes, size, linearBytes, open: () => new MappedSource(size, segs, 'lp') });
  }
  return { majorVersion: major, minorVersion: minor, blockDevices, partitions };
}

/**
 * Reads the LP metadata of a super image. A partition whose extents cannot be mapped makes
 * the whole metadata unreadable (the tables are checksummed, so that means corruption).
 */
export async function openLp(src: RandomAccessSource): Promise<LpMetadata> {
  let geo: Geometry;
  try {
    geo = await readGeometry(src, LP_PARTITION_RESERVED_BYTES);
  } catch (e) {
    try {
      geo = await readGeometry(src, LP_PARTITION_RESERVED_BYTES + LP_GEOMETRY_SIZE);
    } catch {
      throw e;
    }
  }
  const primary = LP_PARTITION_RESERVED_BYTES + 2 * LP_GEOMETRY_SIZE;
  const backup = primary + geo.metadataMaxSize * geo.slotCount;
  try {
    return await readMetadata(src, primary, geo);
  } catch (e) {
    try {
      return await readMetadata(src, backup, geo);
    } catch {
      throw e;
    }
  }
}
