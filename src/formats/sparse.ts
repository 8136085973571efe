/**
 * Android sparse images (libsparse `sparse_format.h`): a 28-byte header and chunks RAW (0xCAC1),
 * FILL (0xCAC2, a 4-byte pattern), DONT_CARE (0xCAC3) and CRC32 (0xCAC4). Read as a virtual raw
 * image: RAW chunks map to their bytes in the sparse file, FILL chunks repeat their pattern,
 * DONT_CARE reads as zeros. Nothing is written out.
 */
import { fillSegment, MappedSource, sourceSegment, type Segment } from '../io/mapped.js';
import type { RandomAccessSource } from '../io/source.js';
import { FormatError } from './errors.js';

export const SPARSE_MAGIC = 0xed26ff3a;
const CHUNK_RAW = 0xcac1;
const CHUNK_FILL = 0xcac2;
const CHUNK_DONT_CARE = 0xcac3;
const CHUNK_CRC32 = 0xcac4;

export function isSparse(head: Buffer): boolean {
  return head.length >= 4 && head.readUInt32LE(0) === SPARSE_MAGIC;
}

export interface SparseInfo {
  blockSize: number;
  totalBlocks: number;
  chunks: number;
  /**
   * Bytes of the file no part of the raw image comes from: header and chunk header bytes past
   * their fixed fields, the data of DONT_CARE chunks, and what follows the last chunk. img2simg
   * leaves none; anything put there is in the file and nowhere in the image.
   */
  uncovered: [number, number][];
}

/** Opens a sparse image as the raw image it describes. */
export async function openSparse(src: RandomAccessSource): Promise<{ image: RandomAccessSource; info: SparseInfo }> {
  if (src.size < 28) throw new FormatError('sparse', `file is ${src.size} bytes, too small for a sparse header`);
  const h = await src.read(0, 28);
  if (h.readUInt32LE(0) !== SPARSE_MAGIC) throw new FormatError('sparse', 'bad sparse magic', 0);
  const major = h.readUInt16LE(4);
  const fileHdrSz = h.readUInt16LE(8);
  const chunkHdrSz = h.readUInt16LE(10);
  const blkSz = h.readUInt32LE(12);
  const totalBlks = h.readUInt32LE(16);
  const totalChunks = h.readUInt32LE(20);
  if (major !== 1) throw new FormatError('sparse', `unsupported sparse major version ${major}`, 4);
  if (fileHdrSz < 28 || chunkHdrSz < 12) throw new FormatError('sparse', `bad header sizes (file ${fileHdrSz}, chunk ${chunkHdrSz})`, 8);
  if (blkSz === 0 || blkSz % 4 !== 0) throw new FormatError('sparse', `bad block size ${blkSz}`, 12);
  const imageSize = totalBlks * blkSz;
  if (!Number.isSafeInteger(imageSize)) throw new FormatError('sparse', 'image size beyond 2^53', 16);

  const segs: Segment[] = [];
  const uncovered: [number, number][] = [];
  // Ranges a chunk header or less apart are one (the chunk headers between are scanned with
  // them): a million DONT_CARE chunks that carry data are one range, not a million.
  const extra = (from: number, to: number): void => {
    if (to <= from) return;
    const last = uncovered[uncovered.length - 1];
    if (last && from - last[1] <= 64) last[1] = to;
    else uncovered.push([from, to]);
  };
  extra(28, fileHdrSz);
  let pos = fileHdrSz;
  let block = 0;
  // The chunk headers are small: read them one by one (a sparse file has few chunks).
  for (let i = 0; i < totalChunks; i++) {
    if (pos + chunkHdrSz > src.size) throw new FormatError('sparse', `chunk ${i} of ${totalChunks} lies past the end of the file (truncated)`, pos);
    const c = await src.read(pos, 12);
    const type = c.readUInt16LE(0);
    const blocks = c.readUInt32LE(4);
    const totalSz = c.readUInt32LE(8);
    const dataSz = totalSz - chunkHdrSz;
    if (totalSz < chunkHdrSz) throw new FormatError('sparse', `chunk ${i} declares ${totalSz} bytes, less than its header`, pos);
    if (pos + totalSz > src.size) throw new FormatError('sparse', `chunk ${i} (${totalSz} bytes) runs past the end of the file (truncated)`, pos);
    const outLen = blocks * blkSz;
    if (block + blocks > totalBlks && type !== CHUNK_CRC32) {
      throw new FormatError('sparse', `chunk ${i} runs past the image's ${totalBlks} blocks`, pos);
    }
    const dataAt = pos + chunkHdrSz;
    extra(pos + 12, dataAt);
    switch (type) {
      case CHUNK_RAW:
        if (dataSz !== outLen) throw new FormatError('sparse', `raw chunk ${i} holds ${dataSz} bytes for ${blocks} blocks`, pos);
        if (outLen > 0) segs.push(sourceSegment(block * blkSz, outLen, src, dataAt));
        block += blocks;
        break;
      case CHUNK_FILL: {
        if (dataSz !== 4) throw new FormatError('sparse', `fill chunk ${i} holds ${dataSz} bytes, not 4`, pos);
        const pattern = Buffer.from(await src.read(dataAt, 4));
        if (outLen > 0 && pattern.readUInt32LE(0) !== 0) segs.push(fillSegment(block * blkSz, outLen, pattern));
        block += blocks;
        break;
      }
      case CHUNK_DONT_CARE:
        extra(dataAt, dataAt + dataSz);
        block += blocks;
        break;
      case CHUNK_CRC32:
        // libsparse refuses a CRC32 chunk of any other size (simg2img fails): so here.
        if (dataSz !== 4) throw new FormatError('sparse', `CRC32 chunk ${i} holds ${dataSz} bytes, not 4`, pos);
        break;
      default:
        throw new FormatError('sparse', `unknown chunk type 0x${type.toString(16)} in chunk ${i}`, pos);
    }
    pos += totalSz;
  }
  if (block !== totalBlks) throw new FormatError('sparse', `chunks cover ${block} blocks, header says ${totalBlks}`, pos);
  extra(pos, src.size);
  return { image: new MappedSource(imageSize, segs, 'sparse'), info: { blockSize: blkSz, totalBlocks: totalBlks, chunks: totalChunks, uncovered } };
}
