/**
 * A/B OTA `payload.bin` (update_engine `update_metadata.proto`): big-endian header "CrAU",
 * u64 major version (2), u64 manifest size, u32 metadata-signature size, the
 * `DeltaArchiveManifest` protobuf, the signature, then the data blobs. Each partition of a full
 * payload becomes a virtual image: its operations are indexed by destination block and decoded
 * on demand (REPLACE maps straight into the payload, REPLACE_BZ / REPLACE_XZ / REPLACE_ZSTD
 * decompress one operation at a time with a small cache, ZERO / DISCARD read as zeros). The
 * partition is never rebuilt whole. A delta payload (operations that need the source build)
 * makes each such partition unreadable with the reason.
 */
import { MappedSource, sourceSegment, UnitCache, UNLIMITED_BUDGET, type InflateBudget, type Segment } from '../io/mapped.js';
import type { RandomAccessSource } from '../io/source.js';
import { decompressBzip2, decompressXz, decompressZstd } from './codecs.js';
import { displayName } from '../inputs/walk.js';
import { FormatError } from './errors.js';
import { decodeMessage, pbBytes, pbRepeated, pbUint } from './protobuf.js';

export const PAYLOAD_MAGIC = 'CrAU';

const OP_NAMES: Record<number, string> = {
  0: 'REPLACE',
  1: 'REPLACE_BZ',
  2: 'MOVE',
  3: 'BSDIFF',
  4: 'SOURCE_COPY',
  5: 'SOURCE_BSDIFF',
  6: 'ZERO',
  7: 'DISCARD',
  8: 'REPLACE_XZ',
  9: 'PUFFDIFF',
  10: 'BROTLI_BSDIFF',
  11: 'ZUCCHINI',
  12: 'LZ4DIFF_BSDIFF',
  13: 'LZ4DIFF_PUFFDIFF',
  14: 'REPLACE_ZSTD',
};
const FULL_OPS = new Set([0, 1, 6, 7, 8, 14]);

export function isPayload(head: Buffer): boolean {
  return head.length >= 4 && head.toString('latin1', 0, 4) === PAYLOAD_MAGIC;
}

export interface PayloadPartition {
  name: string;
  size: number;
  /** Why the partition cannot be rebuilt from this payload alone (delta operations). */
  unreadable?: string;
  open(): RandomAccessSource;
}

export interface Payload {
  /** Byte ranges of the file that hold its structure: header, manifest, signatures and each operation's data (uncoveredRanges gives the rest). */
  covered: [number, number][];
  majorVersion: number;
  minorVersion: number;
  blockSize: number;
  partitions: PayloadPartition[];
}

export interface PayloadOptions {
  budget?: InflateBudget;
  /** Largest decoded operation held in memory. */
  maxOperationBytes?: number;
  cacheBytes?: number;
}

interface Op {
  type: number;
  dataOffset: number;
  dataLength: number;
  extents: [number, number][];
  outLength: number;
}

export async function openPayload(src: RandomAccessSource, opts: PayloadOptions = {}): Promise<Payload> {
  if (src.size < 24) throw new FormatError('payload', `file is ${src.size} bytes, too small for a payload header`);
  const h = await src.read(0, 24);
  if (!isPayload(h)) throw new FormatError('payload', 'bad payload magic', 0);
  const major = Number(h.readBigUInt64BE(4));
  if (major !== 2) throw new FormatError('payload', `unsupported payload major version ${major} (only version 2 is read)`, 4);
  const manifestSize = Number(h.readBigUInt64BE(12));
  const sigSize = h.readUInt32BE(20);
  const manifestAt = 24;
  if (!Number.isSafeInteger(manifestSize) || manifestAt + manifestSize + sigSize > src.size) {
    throw new FormatError('payload', `manifest (${manifestSize} bytes) runs past the end of the file (truncated)`, 12);
  }
  if (manifestSize > 256 * 1024 * 1024) throw new FormatError('payload', `manifest of ${manifestSize} bytes is past the cap`, 12);
  const blobBase = manifestAt + manifestSize + sigSize;
  const manifest = decodeMessage(await src.read(manifestAt, manifestSize));
  const blockSize = pbUint(manifest, 3) ?? 4096;
  const minorVersion = pbUint(manifest, 12) ?? 0;
  if (blockSize === 0 || blockSize % 512 !== 0 || blockSize > 1 << 20) throw new FormatError('payload', `bad block size ${blockSize}`, manifestAt);
  if (pbRepeated(manifest, 1).length || pbRepeated(manifest, 2).length) {
    throw new FormatError('payload', 'legacy install_operations (major version 1 layout) are not supported', manifestAt);
  }
  const budget = opts.budget ?? UNLIMITED_BUDGET;
  const maxOp = opts.maxOperationBytes ?? 256 * 1024 * 1024;
  const cache = new UnitCache<string>(opts.cacheBytes ?? 32 * 1024 * 1024);

  const partitions: PayloadPartition[] = [];
  // The payload signature blob: signatures_offset (4) and signatures_size (5), after the blobs.
  const covered: [number, number][] = [[0, blobBase]];
  const sigOffset = pbUint(manifest, 4);
  const sigLength = pbUint(manifest, 5);
  if (sigOffset !== undefined && sigLength !== undefined) covered.push([blobBase + sigOffset, blobBase + sigOffset + sigLength]);
  for (const [pi, pbuf] of pbRepeated(manifest, 13).entries()) {
    const p = decodeMessage(pbuf);
    const name = displayName(pbBytes(p, 1) ?? Buffer.alloc(0));
    const info = pbBytes(p, 7);
    const ops: Op[] = pbRepeated(p, 8).map((ob) => {
      const o = decodeMessage(ob);
      const extents = pbRepeated(o, 6).map((eb): [number, number] => {
        const e = decodeMessage(eb);
        return [pbUint(e, 1) ?? 0, pbUint(e, 2) ?? 0];
      });
      const outLength = extents.reduce((s, [, n]) => s + n * blockSize, 0);
      return { type: pbUint(o, 1) ?? 0, dataOffset: pbUint(o, 2) ?? 0, dataLength: pbUint(o, 3) ?? 0, extents, outLength };
    });
    for (const op of ops) if (op.dataLength > 0) covered.push([blobBase + op.dataOffset, blobBase + op.dataOffset + op.dataLength]);
    let size = info ? (pbUint(decodeMessage(info), 1) ?? 0) : 0;
    if (!info) for (const op of ops) for (const [s, n] of op.extents) size = Math.max(size, (s + n) * blockSize);
    const deltaOp = ops.find((o) => !FULL_OPS.has(o.type));
    let unreadable: string | undefined;
    if (deltaOp) {
      unreadable = `delta OTA: operation ${OP_NAMES[deltaOp.type] ?? `#${deltaOp.type}`} needs the source build's ${name} partition; only full OTAs can be scanned`;
    } else if (minorVersion !== 0 && ops.length === 0) {
      unreadable = `delta OTA (minor version ${minorVersion}) with no operations for ${name}`;
    }
    const segs: Segment[] = [];
    if (!unreadable) {
      try {
        for (const [oi, op] of ops.entries()) {
          if (op.type === 6 || op.type === 7) continue; // ZERO, DISCARD
          if (blobBase + op.dataOffset + op.dataLength > src.size) {
            throw new FormatError('payload', `${name}: data of operation ${oi} runs past the end of the payload (truncated)`, blobBase + op.dataOffset);
          }
          if (op.outLength > maxOp) throw new FormatError('payload', `${name}: operation ${oi} writes ${op.outLength} bytes, past the ${maxOp}-byte cap`);
          let within = 0;
          for (const [start, num] of op.extents) {
            const at = start * blockSize;
            const len = num * blockSize;
            if (at + len > size) throw new FormatError('payload', `${name}: operation ${oi} writes past the partition's ${size} bytes`);
            if (op.type === 0) {
              // REPLACE: the blob is the data (shorter blobs leave zeros at the end).
              if (op.dataLength > op.outLength) throw new FormatError('payload', `${name}: REPLACE operation ${oi} carries more data than its extents hold`);
              const avail = Math.max(0, Math.min(len, op.dataLength - within));
              if (avail > 0) segs.push(sourceSegment(at, avail, src, blobBase + op.dataOffset + within));
            } else {
              const off = within;
              segs.push({
                start: at,
                length: len,
                read: async (o, n) => {
                  const key = `${pi}:${oi}`;
                  let out = cache.get(key);
                  if (!out) {
                    const data = await src.read(blobBase + op.dataOffset, op.dataLength);
                    budget.spend(op.outLength);
                    out =
                      op.type === 1
                        ? await decompressBzip2(data, op.outLength)
                        : op.type === 8
                          ? await decompressXz(data, op.outLength)
                          : await decompressZstd(data, op.outLength);
                    cache.set(key, out);
                  }
                  return out.subarray(off + o, off + o + n);
                },
              });
            }
            within += len;
          }
        }
        // Validates extents (overlaps, bounds) now rather than at the first read.
        new MappedSource(size, segs, 'payload');
      } catch (e) {
        if (!(e instanceof FormatError)) throw e;
        unreadable = e.reason;
      }
    }
    const reason = unreadable;
    partitions.push({
      name,
      size,
      ...(reason ? { unreadable: reason } : {}),
      open: () => {
        if (reason) throw new FormatError('payload', reason);
        return new MappedSource(size, segs, 'payload');
      },
    });
  }
  return { majorVersion: major, minorVersion, blockSize, partitions, covered };
}
