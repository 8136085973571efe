/**
 * ART vdex files (`art/runtime/vdex_file.h`): magic `vdex` and a version. Version 027 (Android
 * 12+) has a section table {kind, offset, size} whose kind 1 holds the DEX files; versions
 * 006-021 (Android 8-11) have a fixed header followed by the dex checksums and the DEX files.
 * Both layouts are read; any other version is searched for embedded DEX headers (4-byte aligned,
 * validated). Compact DEX (`cdex`) is reported so the caller can fall back to a raw scan.
 */
import { isDex } from './dex.js';
import { FormatError } from './errors.js';

export function isVdex(head: Buffer): boolean {
  return head.length >= 8 && head.toString('latin1', 0, 4) === 'vdex' && /^\d{3}\0$/.test(head.toString('latin1', 4, 8));
}

export interface VdexInfo {
  version: string;
  /** Standard DEX files: [offset, size] in the vdex. */
  dexFiles: [number, number][];
  /** True when the vdex holds compact DEX (cdex), which is scanned as raw bytes instead. */
  compactDex: boolean;
}

const DEX_FILE_SECTION = 1;

function dexAt(buf: Buffer, off: number): number {
  if (off < 0 || off + 0x70 > buf.length || !isDex(buf.subarray(off, off + 8))) return 0;
  const size = buf.readUInt32LE(off + 0x20);
  if (buf.readUInt32LE(off + 0x28) !== 0x12345678 || size < 0x70 || off + size > buf.length) return 0;
  return size;
}

export function readVdex(buf: Buffer): VdexInfo {
  if (!isVdex(buf)) throw new FormatError('vdex', 'bad vdex magic', 0);
  const version = buf.toString('latin1', 4, 7);
  const v = Number(version);
  const dexFiles: [number, number][] = [];
  // Compact DEX where a DEX file would start (not anywhere: a DEX string "cdex001" is no cdex).
  let compactDex = false;
  // Android 12+: a section table.
  if (v >= 27 && buf.length >= 12) {
    const n = buf.readUInt32LE(8);
    if (12 + n * 12 > buf.length) throw new FormatError('vdex', `section table of ${n} entries overflows the file (truncated)`, 8);
    for (let i = 0; i < n; i++) {
      const kind = buf.readUInt32LE(12 + i * 12);
      const off = buf.readUInt32LE(16 + i * 12);
      const size = buf.readUInt32LE(20 + i * 12);
      if (kind !== DEX_FILE_SECTION || size === 0) continue;
      if (off + size > buf.length) throw new FormatError('vdex', `dex section (${size} bytes at ${off}) runs past the end of the file (truncated)`, off);
      let p = off;
      while (p + 0x70 <= off + size) {
        const s = dexAt(buf, p);
        if (!s) {
          if (buf.toString('latin1', p, p + 4) === 'cdex') compactDex = true;
          break;
        }
        dexFiles.push([p, s]);
        p = (p + s + 3) & ~3;
      }
    }
    return { version, dexFiles, compactDex };
  }
  // Older layouts, and anything unexpected: validated DEX headers at 4-byte aligned offsets.
  let p = 8;
  while (p + 0x70 <= buf.length) {
    const i = buf.indexOf('dex\n0', p, 'latin1');
    if (i < 0) break;
    if (i % 4 !== 0) {
      p = i + 1;
      continue;
    }
    const s = dexAt(buf, i);
    if (s) {
      dexFiles.push([i, s]);
      p = i + s;
    } else p = i + 4;
  }
  // A compact DEX header at a 4-byte aligned offset outside the DEX files found.
  for (let c = buf.indexOf('cdex001\0', 8, 'latin1'); c >= 0 && !compactDex; c = buf.indexOf('cdex001\0', c + 1, 'latin1')) {
    if (c % 4 === 0 && c + 0x70 <= buf.length && !dexFiles.some(([o, n]) => c >= o && c < o + n)) compactDex = true;
  }
  return { version, dexFiles, compactDex };
}
