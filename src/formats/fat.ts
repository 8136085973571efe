/**
 * FAT12/16/32 read-only (Microsoft's FAT specification; modem images such as NON-HLOS.bin):
 * the boot sector's BIOS parameter block, the first FAT, cluster chains, the fixed FAT12/16 root
 * directory or the FAT32 root chain, and directory entries with long file names (VFAT LFN,
 * checksummed against the short name; short names honour the NT lower-case bits). Files are
 * random-access sources over their clusters. Chains are bounded: a free, reserved, bad or
 * out-of-range cluster, a chain longer than the volume, or a loop is a FormatError.
 */
import { MappedSource, sourceSegment, type Segment } from '../io/mapped.js';
import type { RandomAccessSource } from '../io/source.js';
import { FormatError } from './errors.js';
import { walkFsTree, type FsListing } from './fsnode.js';

/** The largest FAT read into memory (a FAT32 volume of 2^28 clusters would need 1 GiB). */
export const FAT_LIMITS = { maxFatBytes: 64 * 1024 * 1024, maxDirBytes: 16 * 1024 * 1024 };

interface Bpb {
  bytesPerSector: number;
  sectorsPerCluster: number;
  reserved: number;
  fats: number;
  rootEntries: number;
  totalSectors: number;
  fatSectors: number;
  rootCluster: number;
}

function parseBpb(b: Buffer): Bpb | undefined {
  if (b.length < 512 || b[510] !== 0x55 || b[511] !== 0xaa) return undefined;
  if (b[0] !== 0xeb && b[0] !== 0xe9) return undefined;
  const bytesPerSector = b.readUInt16LE(11);
  const sectorsPerCluster = b[13];
  const reserved = b.readUInt16LE(14);
  const fats = b[16];
  const rootEntries = b.readUInt16LE(17);
  const total16 = b.readUInt16LE(19);
  const media = b[21];
  const fat16 = b.readUInt16LE(22);
  const total32 = b.readUInt32LE(32);
  if (![512, 1024, 2048, 4096].includes(bytesPerSector)) return undefined;
  if (sectorsPerCluster === 0 || (sectorsPerCluster & (sectorsPerCluster - 1)) !== 0) return undefined;
  if (reserved === 0 || fats === 0 || fats > 4 || (media < 0xf8 && media !== 0xf0)) return undefined;
  const fatSectors = fat16 !== 0 ? fat16 : b.readUInt32LE(36);
  const totalSectors = total16 !== 0 ? total16 : total32;
  if (fatSectors === 0 || totalSectors === 0) return undefined;
  return { bytesPerSector, sectorsPerCluster, reserved, fats, rootEntries, totalSectors, fatSectors, rootCluster: b.readUInt32LE(44) };
}

/** A FAT boot sector: jump, 0x55AA, a plausible BPB. */
export function isFatBootSector(sector: Buffer): boolean {
  return parseBpb(sector) !== undefined;
}

interface FatNode {
  dir: boolean;
  size: number;
  cluster: number;
  /** The fixed FAT12/16 root directory. */
  root?: boolean;
}

export async function openFat(src: RandomAccessSource): Promise<FsListing> {
  const fmt = 'fat';
  if (src.size < 512) throw new FormatError(fmt, `file is ${src.size} bytes, too small for a FAT boot sector`);
  const boot = await src.read(0, 512);
  const bpb = parseBpb(boot);
  if (!bpb) throw new FormatError(fmt, 'bad FAT boot sector', 0);
  const bps = bpb.bytesPerSector;
  const clusterBytes = bps * bpb.sectorsPerCluster;
  const rootDirSectors = Math.ceil((bpb.rootEntries * 32) / bps);
  const fatAt = bpb.reserved * bps;
  const firstDataSector = bpb.reserved + bpb.fats * bpb.fatSectors + rootDirSectors;
  if (firstDataSector >= bpb.totalSectors) throw new FormatError(fmt, 'no data region (FAT and root directory fill the volume)', 11);
  const clusters = Math.floor((bpb.totalSectors - firstDataSector) / bpb.sectorsPerCluster);
  const type = clusters < 4085 ? 12 : clusters < 65525 ? 16 : 32;
  if (type === 32 && bpb.rootEntries !== 0) throw new FormatError(fmt, 'FAT32 volume with a fixed root directory', 17);
  if (type !== 32 && bpb.rootEntries === 0) throw new FormatError(fmt, `FAT${type} volume without a root directory`, 17);
  const dataAt = firstDataSector * bps;
  const fatBytesNeeded = Math.ceil(((clusters + 2) * type) / 8);
  if (fatBytesNeeded > bpb.fatSectors * bps) throw new FormatError(fmt, `the FAT (${bpb.fatSectors} sectors) is too small for ${clusters} clusters`, 22);
  if (fatBytesNeeded > FAT_LIMITS.maxFatBytes) throw new FormatError(fmt, `the FAT (${fatBytesNeeded} bytes) is larger than the ${FAT_LIMITS.maxFatBytes}-byte cap`, 22);
  if (fatAt + fatBytesNeeded > src.size) throw new FormatError(fmt, 'the FAT lies past the end of the image (truncated)', fatAt);
  const fat = await src.read(fatAt, fatBytesNeeded);
  const eoc = type === 12 ? 0xff8 : type === 16 ? 0xfff8 : 0x0ffffff8;
  const next = (c: number): number => {
    if (type === 16) return fat.readUInt16LE(c * 2);
    if (type === 32) return fat.readUInt32LE(c * 4) & 0x0fffffff;
    const v = fat.readUInt16LE(Math.floor((c * 3) / 2));
    return c & 1 ? v >> 4 : v & 0xfff;
  };
  /** The clusters of a chain: at most `limit` of them (a file needs ceil(size / cluster)). */
  const chain = (first: number, limit: number): number[] => {
    const out: number[] = [];
    const seen = new Set<number>();
    let c = first;
    while (out.length < limit) {
      if (c < 2 || c >= clusters + 2) throw new FormatError(fmt, `cluster chain from ${first} reaches invalid cluster ${c}`, fatAt);
      if (seen.has(c)) throw new FormatError(fmt, `cluster chain from ${first} loops at cluster ${c}`, fatAt);
      seen.add(c);
      out.push(c);
      const n = next(c);
      if (n >= eoc) break;
      c = n;
    }
    return out;
  };
  const clusterAt = (c: number): number => dataAt + (c - 2) * clusterBytes;
  const segmentsOf = (cl: number[], size: number): Segment[] => {
    const segs: Segment[] = [];
    let logical = 0;
    for (let i = 0; i < cl.length && logical < size; ) {
      let j = i + 1;
      while (j < cl.length && cl[j] === cl[j - 1] + 1) j++;
      const len = Math.min((j - i) * clusterBytes, size - logical);
      const at = clusterAt(cl[i]);
      if (at + len > src.size) throw new FormatError(fmt, `cluster ${cl[i]} lies past the end of the image (truncated)`, at);
      segs.push(sourceSegment(logical, len, src, at));
      logical += len;
      i = j;
    }
    return segs;
  };
  const openFile = async (n: FatNode): Promise<RandomAccessSource> => {
    if (n.size === 0) return new MappedSource(0, [], fmt);
    const need = Math.ceil(n.size / clusterBytes);
    const cl = chain(n.cluster, need);
    if (cl.length < need) throw new FormatError(fmt, `cluster chain of a ${n.size}-byte file ends after ${cl.length} of ${need} clusters`, fatAt);
    return new MappedSource(n.size, segmentsOf(cl, n.size), fmt);
  };
  const dirClustersSeen = new Set<number>();
  const readDirBytes = async (n: FatNode): Promise<Buffer> => {
    if (n.root && type !== 32) {
      const at = (bpb.reserved + bpb.fats * bpb.fatSectors) * bps;
      if (at + bpb.rootEntries * 32 > src.size) throw new FormatError(fmt, 'the root directory lies past the end of the image (truncated)', at);
      return src.read(at, bpb.rootEntries * 32);
    }
    if (dirClustersSeen.has(n.cluster)) throw new FormatError(fmt, `directory at cluster ${n.cluster} is reached twice (a loop)`);
    dirClustersSeen.add(n.cluster);
    const cl = chain(n.cluster, Math.ceil(FAT_LIMITS.maxDirBytes / clusterBytes) + 1);
    if (cl.length * clusterBytes > FAT_LIMITS.maxDirBytes) throw new FormatError(fmt, `directory larger than ${FAT_LIMITS.maxDirBytes} bytes`);
    const size = cl.length * clusterBytes;
    const s = new MappedSource(size, segmentsOf(cl, size), fmt);
    return s.read(0, size);
  };

  const nodes: FatNode[] = [];
  let label: string | undefined;
  const readDir = async (n: FatNode): Promise<{ name: Buffer; id: number }[]> => {
    const buf = await readDirBytes(n);
    const out: { name: Buffer; id: number }[] = [];
    let lfn: { parts: string[]; checksum: number; expect: number } | undefined;
    for (let p = 0; p + 32 <= buf.length; p += 32) {
      const first = buf[p];
      if (first === 0x00) break;
      if (first === 0xe5) {
        lfn = undefined;
        continue;
      }
      const attr = buf[p + 11];
      if ((attr & 0x3f) === 0x0f) {
        const seq = first & 0x1f;
        const parts = [buf.subarray(p + 1, p + 11), buf.subarray(p + 14, p + 26), buf.subarray(p + 28, p + 32)].map((b) => Buffer.from(b).toString('utf16le'));
        if (first & 0x40) lfn = { parts: [], checksum: buf[p + 13], expect: seq };
        if (!lfn || seq !== lfn.expect || buf[p + 13] !== lfn.checksum || seq === 0) {
          lfn = undefined;
          continue;
        }
        lfn.parts.unshift(parts.join(''));
        lfn.expect = seq - 1;
        continue;
      }
      const short = buf.subarray(p, p + 11);
      let sum = 0;
      for (const c of short) sum = (((sum & 1) << 7) + (sum >> 1) + c) & 0xff;
      const longName = lfn && lfn.expect === 0 && lfn.checksum === sum ? lfn.parts.join('').replace(/\0[\s\S]*$/, '') : undefined;
      lfn = undefined;
      if (attr & 0x08) {
        if (n.root && !(attr & 0x10)) label = short.toString('latin1').trimEnd();
        continue;
      }
      let base = short.toString('latin1', 0, 8).trimEnd();
      let ext = short.toString('latin1', 8, 11).trimEnd();
      if (base === '.' || base === '..') continue;
      if (short[0] === 0x05) base = '\u00e5' + base.slice(1);
      const nt = buf[p + 12];
      if (nt & 0x08) base = base.toLowerCase();
      if (nt & 0x10) ext = ext.toLowerCase();
      const name = longName ?? (ext ? `${base}.${ext}` : base);
      if (name.includes('/') || name === '' || name === '.' || name === '..') continue;
      const cluster = (type === 32 ? buf.readUInt16LE(p + 20) << 16 : 0) + buf.readUInt16LE(p + 26);
      const node: FatNode = { dir: (attr & 0x10) !== 0, size: buf.readUInt32LE(p + 28), cluster };
      if (node.dir && cluster === 0) continue; // ".." style pointer to the root: not a subdirectory
      nodes.push(node);
      out.push({ name: Buffer.from(name, 'utf8'), id: nodes.length - 1 });
    }
    return out;
  };
  const root: FatNode = { dir: true, size: 0, cluster: type === 32 ? bpb.rootCluster : 0, root: true };
  const problems: FsListing['problems'] = [];
  if (bpb.totalSectors * bps > src.size) {
    problems.push({ path: '', reason: `image is ${src.size} bytes, the boot sector declares ${bpb.totalSectors * bps} (truncated); files inside the image are still read`, offset: 19 });
  }
  const reason = (e: unknown): string => (e instanceof FormatError ? e.reason : (e as Error).message);
  const listed = await walkFsTree<FatNode>(
    root,
    -1,
    {
      readDir,
      inode: async (id) => nodes[id],
      mode: (n) => (n.dir ? 0x41ed : 0x81a4),
      size: (n) => (n.dir ? 0 : n.size),
      open: openFile,
      symlinkTarget: async () => '',
    },
    (raw) => raw.toString('utf8'),
    problems,
    reason,
  );
  // The root directory's own read failing leaves nothing to scan: the image is unreadable.
  if (listed.length === 0 && problems.some((p) => p.path === '.')) {
    throw new FormatError(fmt, problems.find((p) => p.path === '.')!.reason);
  }
  return { format: `fat${type}`, ...(label ? { label } : {}), nodes: listed, problems };
}
