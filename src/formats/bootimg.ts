/**
 * Android boot images (AOSP system/tools/mkbootimg `bootimg.h`): `ANDROID!` boot / init_boot /
 * recovery images, header versions 0-4, and `VNDRBOOT` vendor_boot images, versions 3-4 (with
 * the v4 vendor ramdisk table), and Qualcomm's v0 images with a device tree image (`dt_size` where
 * v1+ has `header_version`). The sections (kernel, ramdisk, second, recovery DTBO, DTB, QCDT dt,
 * bootconfig) are located from the header; each ramdisk is decompressed (gzip, LZ4 legacy frame
 * or none) and read as a cpio newc archive so the files in it can be scanned by name.
 */
import { gunzipSync } from 'node:zlib';
import type { RandomAccessSource } from '../io/source.js';
import { assertRange, FormatError } from './errors.js';
import { lz4DecompressBlock } from './lz4.js';

export const BOOT_MAGIC = 'ANDROID!';
export const VENDOR_BOOT_MAGIC = 'VNDRBOOT';
const LZ4_LEGACY_MAGIC = 0x184c2102;
const LZ4_LEGACY_BLOCK = 8 * 1024 * 1024;
/** Vendor ramdisk table entries read before giving up (a hostile header can claim millions). */
const MAX_VENDOR_RAMDISKS = 64;

export function isBootImage(head: Uint8Array): boolean {
  if (head.length < 8) return false;
  const m = Buffer.from(head.subarray(0, 8)).toString('latin1');
  return m === BOOT_MAGIC || m === VENDOR_BOOT_MAGIC;
}

export interface BootSection {
  /** `kernel`, `ramdisk`, `second`, `recovery_dtbo`, `dtb`, `bootconfig`, `ramdisk.<name>` (v4 vendor fragments). */
  name: string;
  offset: number;
  size: number;
  ramdisk: boolean;
}

export interface BootImage {
  /** `boot-v2`, `vendor_boot-v4`... */
  format: string;
  headerVersion: number;
  sections: BootSection[];
  /** Ranges of the file holding the header and tables (not sections): [start, end) each. */
  header: [number, number][];
}

const pages = (n: number, page: number): number => Math.ceil(n / page) * page;

/**
 * The smallest dt_size taken as one: a device tree image holds at least one flattened device
 * tree, whose header alone is 40 bytes. Below it, field 40 is a header version (0-4 known, 5-39
 * unsupported, not a dt_size).
 */
const MIN_DT_SIZE = 40;

/**
 * Legacy Qualcomm (CAF) boot images (LK's `bootimg.h`, skales/CAF `mkbootimg --dt`) are v0
 * images whose word at offset 40, where AOSP v1+ put `header_version`, is `dt_size`: the size of
 * the QCDT device tree image stored, page-aligned, after the kernel, ramdisk and second stage.
 * Field 40 is taken as a dt_size only when it is no header version (at least MIN_DT_SIZE), the
 * page size is valid and the four sections, each from a page boundary, fit in the file. Gives
 * why it is not one, or undefined when it is.
 */
function cafMismatch(h: Buffer, fileSize: number): string | undefined {
  const dt = h.readUInt32LE(40);
  if (dt < MIN_DT_SIZE) return `${dt} is less than the ${MIN_DT_SIZE} bytes of a device tree header`;
  const page = h.readUInt32LE(36);
  if (page < 2048 || page > 65536 || (page & (page - 1)) !== 0) return `bad page size ${page}`;
  const end = page + pages(h.readUInt32LE(8), page) + pages(h.readUInt32LE(16), page) + pages(h.readUInt32LE(24), page) + dt;
  if (end > fileSize) return `the page-aligned kernel, ramdisk, second and dt sections end at ${end}, past the ${fileSize}-byte file`;
  return undefined;
}

/** Reads the header and lays out the sections, each checked to lie inside the image. */
export async function openBootImage(src: RandomAccessSource): Promise<BootImage> {
  const fmt = 'bootimg';
  if (src.size < 1660) throw new FormatError(fmt, `file is ${src.size} bytes, too small for a boot image header`);
  const h = await src.read(0, Math.min(src.size, 4096));
  const magic = h.toString('latin1', 0, 8);
  const sections: BootSection[] = [];
  const add = (name: string, offset: number, size: number, ramdisk = false): void => {
    if (size === 0) return;
    assertRange(fmt, `${name} section`, offset, size, src.size);
    sections.push({ name, offset, size, ramdisk });
  };
  if (magic === BOOT_MAGIC) {
    const field40 = h.readUInt32LE(40);
    // A Qualcomm (CAF) v0 image: field 40 is its dt_size (cafMismatch), read as v0 with a `dt` section.
    const why = field40 > 4 ? cafMismatch(h, src.size) : 'a header version';
    const dt = why === undefined ? field40 : 0;
    const version = why === undefined ? 0 : field40;
    if (version <= 2) {
      // v0-v2 (a Qualcomm v0 image too, its dt last): page-aligned sections after the header page.
      const page = h.readUInt32LE(36);
      if (page < 2048 || page > 65536 || (page & (page - 1)) !== 0) throw new FormatError(fmt, `bad page size ${page}`, 36);
      const kernel = h.readUInt32LE(8);
      const ramdisk = h.readUInt32LE(16);
      const second = h.readUInt32LE(24);
      let off = page;
      add('kernel', off, kernel);
      off += pages(kernel, page);
      add('ramdisk', off, ramdisk, true);
      off += pages(ramdisk, page);
      add('second', off, second);
      off += pages(second, page);
      if (version >= 1) {
        const dtbo = h.readUInt32LE(1632);
        add('recovery_dtbo', off, dtbo);
        off += pages(dtbo, page);
      }
      if (version === 2) add('dtb', off, h.readUInt32LE(1648));
      add('dt', off, dt);
      return { format: `boot-v${version}`, headerVersion: version, sections, header: [[0, page]] };
    }
    if (version === 3 || version === 4) {
      const page = 4096;
      const kernel = h.readUInt32LE(8);
      const ramdisk = h.readUInt32LE(12);
      let off = page;
      add('kernel', off, kernel);
      off += pages(kernel, page);
      add('ramdisk', off, ramdisk, true);
      return { format: `boot-v${version}`, headerVersion: version, sections, header: [[0, page]] };
    }
    if (field40 < MIN_DT_SIZE) throw new FormatError(fmt, `unsupported boot image header version ${version}`, 40);
    throw new FormatError(fmt, `header field 40 (${field40}) is neither a boot image header version (0-4) nor the dt_size of a Qualcomm v0 image: ${why}`, 40);
  }
  if (magic === VENDOR_BOOT_MAGIC) {
    if (src.size < 2128) throw new FormatError(fmt, `file is ${src.size} bytes, too small for a vendor_boot header`);
    const version = h.readUInt32LE(8);
    if (version !== 3 && version !== 4) throw new FormatError(fmt, `unsupported vendor_boot header version ${version}`, 8);
    const page = h.readUInt32LE(12);
    if (page < 2048 || page > 65536 || (page & (page - 1)) !== 0) throw new FormatError(fmt, `bad page size ${page}`, 12);
    const ramdiskSize = h.readUInt32LE(24);
    const headerSize = h.readUInt32LE(2096);
    const dtbSize = h.readUInt32LE(2100);
    if (headerSize < 2108 || headerSize > page * 16) throw new FormatError(fmt, `bad vendor_boot header size ${headerSize}`, 2096);
    const ramdiskAt = pages(headerSize, page);
    const dtbAt = ramdiskAt + pages(ramdiskSize, page);
    if (version === 3) {
      add('ramdisk', ramdiskAt, ramdiskSize, true);
      add('dtb', dtbAt, dtbSize);
      return { format: 'vendor_boot-v3', headerVersion: 3, sections, header: [[0, ramdiskAt]] };
    }
    const tableSize = h.readUInt32LE(2112);
    const entryNum = h.readUInt32LE(2116);
    const entrySize = h.readUInt32LE(2120);
    const bootconfig = h.readUInt32LE(2124);
    const tableAt = dtbAt + pages(dtbSize, page);
    add('dtb', dtbAt, dtbSize);
    if (entryNum > MAX_VENDOR_RAMDISKS) throw new FormatError(fmt, `${entryNum} vendor ramdisks, more than ${MAX_VENDOR_RAMDISKS}`, 2116);
    if (entryNum > 0 && (entrySize < 108 || entrySize * entryNum > tableSize)) {
      throw new FormatError(fmt, `bad vendor ramdisk table (${entryNum} entries of ${entrySize} bytes in ${tableSize})`, 2112);
    }
    assertRange(fmt, 'vendor ramdisk section', ramdiskAt, ramdiskSize, src.size);
    if (entryNum === 0) {
      add('ramdisk', ramdiskAt, ramdiskSize, true);
    } else {
      assertRange(fmt, 'vendor ramdisk table', tableAt, entryNum * entrySize, src.size);
      const table = await src.read(tableAt, entryNum * entrySize);
      const used = new Set<string>();
      for (let i = 0; i < entryNum; i++) {
        const e = table.subarray(i * entrySize);
        const size = e.readUInt32LE(0);
        const offset = e.readUInt32LE(4);
        if (offset + size > ramdiskSize) throw new FormatError(fmt, `vendor ramdisk ${i} lies outside the vendor ramdisk section`, tableAt + i * entrySize);
        const raw = e.toString('latin1', 12, 44).replace(/\0.*$/s, '').replace(/[^A-Za-z0-9_.-]/g, '_');
        let name = entryNum === 1 ? 'ramdisk' : `ramdisk.${raw || i}`;
        if (used.has(name)) name = `ramdisk.${i}`;
        used.add(name);
        add(name, ramdiskAt + offset, size, true);
      }
    }
    add('bootconfig', tableAt + pages(tableSize, page), bootconfig);
    return { format: 'vendor_boot-v4', headerVersion: 4, sections, header: [[0, ramdiskAt], [tableAt, tableAt + tableSize]] };
  }
  throw new FormatError(fmt, 'not a boot image (no ANDROID! or VNDRBOOT magic)', 0);
}

/**
 * A ramdisk's decompressed bytes: gzip, LZ4 legacy frame (`lz4 -l`, as the kernel build makes),
 * or stored. At most `maxBytes` are produced, and each is spent from `spend` first.
 */
export function decompressRamdisk(data: Buffer, maxBytes: number, spend: (n: number) => void): { bytes: Buffer; compression: string } {
  if (data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b) {
    let out: Buffer;
    try {
      out = gunzipSync(data, { maxOutputLength: maxBytes });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') throw new FormatError('ramdisk', `gzip ramdisk inflates past the ${maxBytes}-byte cap`);
      throw new FormatError('ramdisk', `corrupt gzip ramdisk: ${(e as Error).message}`);
    }
    spend(out.length);
    return { bytes: out, compression: 'gzip' };
  }
  if (data.length >= 4 && data.readUInt32LE(0) === LZ4_LEGACY_MAGIC) {
    const parts: Buffer[] = [];
    let total = 0;
    let pos = 4;
    while (pos + 4 <= data.length) {
      const n = data.readUInt32LE(pos);
      if (n === LZ4_LEGACY_MAGIC) {
        pos += 4; // a concatenated legacy frame
        continue;
      }
      if (n === 0) break; // padding
      pos += 4;
      if (pos + n > data.length) throw new FormatError('ramdisk', `LZ4 legacy block of ${n} bytes runs past the end of the ramdisk (truncated)`, pos);
      const cap = Math.min(LZ4_LEGACY_BLOCK, maxBytes - total);
      if (cap <= 0) throw new FormatError('ramdisk', `LZ4 ramdisk decompresses past the ${maxBytes}-byte cap`, pos);
      // One byte more than it may give: a block that does not fit is told from one that fills it.
      const block = lz4DecompressBlock(data.subarray(pos, pos + n), cap + 1, 'ramdisk', true);
      if (block.length > cap) throw new FormatError('ramdisk', cap < LZ4_LEGACY_BLOCK ? `LZ4 ramdisk decompresses past the ${maxBytes}-byte cap` : `LZ4 legacy block decodes to more than ${LZ4_LEGACY_BLOCK} bytes`, pos);
      spend(block.length);
      parts.push(block);
      total += block.length;
      pos += n;
    }
    return { bytes: Buffer.concat(parts, total), compression: 'lz4-legacy' };
  }
  return { bytes: data, compression: 'none' };
}
