/**
 * cpio archives: "newc" (magic 070701, and 070702 with checksums), as Android ramdisks are: a
 * 110-byte ASCII-hex header, the NUL-terminated name padded to 4 bytes, the data padded to 4
 * bytes, ended by `TRAILER!!!`; also POSIX "odc" (070707: a 76-byte octal header, nothing
 * padded) and the old binary format (a 26-byte header of 16-bit words in either byte order,
 * name and data padded to 2 bytes), which `cpio -H odc|bin` still write. Archives may be concatenated (with zero padding between them),
 * as a kernel unpacks several; a later entry of the same name replaces an earlier one, as
 * extraction does. Entries are views on the decompressed ramdisk buffer: nothing is copied.
 */
import { escapeBang, nameText } from '../inputs/walk.js';
import { FormatError } from './errors.js';
import { kindOfMode, type NodeKind } from './fsnode.js';

export const CPIO_LIMITS = { maxEntries: 100_000, maxNameBytes: 4096 };

export interface CpioEntry {
  /** `/`-separated, without a leading `./` or `/`. */
  name: string;
  kind: NodeKind;
  data: Buffer;
  /** A symlink's target (its data). */
  target?: string;
}

/** The header layouts read: "newc" (070701, 070702 with checksums), POSIX "odc" (070707) and old binary, either byte order. */
type CpioFormat = 'newc' | 'odc' | 'bin-le' | 'bin-be';

/** The format of the archive header at the start of `b`, by its magic (a binary header also by its name's NUL: a 2-byte magic alone is too weak). */
export function cpioFormat(b: Uint8Array): CpioFormat | undefined {
  if (b.length < 6) return undefined;
  if (b[0] === 0x30 && b[1] === 0x37 && b[2] === 0x30 && b[3] === 0x37 && b[4] === 0x30) {
    if (b[5] === 0x31 || b[5] === 0x32) return 'newc';
    if (b[5] === 0x37) return 'odc';
    return undefined;
  }
  const le = b[0] === 0xc7 && b[1] === 0x71;
  if (!le && !(b[0] === 0x71 && b[1] === 0xc7)) return undefined;
  if (b.length < 26) return undefined;
  const u16 = (at: number): number => (le ? b[at] | (b[at + 1] << 8) : (b[at] << 8) | b[at + 1]);
  const nameSize = u16(20);
  // A name of 1 to maxNameBytes bytes, NUL-terminated where its size says, and a file type.
  if (nameSize < 2 || nameSize > CPIO_LIMITS.maxNameBytes || b.length < 26 + nameSize) return undefined;
  if (b[26 + nameSize - 1] !== 0 || b.subarray(26, 26 + nameSize - 1).includes(0)) return undefined;
  const type = u16(6) & 0o170000;
  if (![0o100000, 0o040000, 0o120000, 0o020000, 0o060000, 0o010000, 0o140000].includes(type)) return undefined;
  return le ? 'bin-le' : 'bin-be';
}

/** Bytes of the start of a file that `cpioFormat` needs to tell a binary header. */
export const CPIO_SNIFF_BYTES = 26 + CPIO_LIMITS.maxNameBytes;

/** A newc archive (the only format of Android ramdisks). */
export function isCpioNewc(b: Uint8Array): boolean {
  return cpioFormat(b) === 'newc';
}

function hexField(buf: Buffer, at: number, what: string): number {
  const s = buf.toString('latin1', at, at + 8);
  if (!/^[0-9a-fA-F]{8}$/.test(s)) throw new FormatError('cpio', `bad ${what} field ${JSON.stringify(s)}`, at);
  return parseInt(s, 16);
}

function octalField(buf: Buffer, at: number, width: number, what: string): number {
  const s = buf.toString('latin1', at, at + width);
  if (!/^[0-7]+$/.test(s)) throw new FormatError('cpio', `bad ${what} field ${JSON.stringify(s)}`, at);
  return parseInt(s, 8);
}

const align4 = (n: number): number => (n + 3) & ~3;
const align2 = (n: number): number => (n + 1) & ~1;

/** One entry's header, read in its format: where its name and data are and where the next header starts. */
interface CpioHeader {
  mode: number;
  nlink: number;
  /** Device and inode: the key of an entry's hard links. */
  inode: string;
  fileSize: number;
  nameSize: number;
  nameAt: number;
  dataAt: number;
  next: number;
}

const HEADER_BYTES: Record<CpioFormat, number> = { newc: 110, odc: 76, 'bin-le': 26, 'bin-be': 26 };

function readHeader(buf: Buffer, pos: number, format: CpioFormat): CpioHeader {
  const size = HEADER_BYTES[format];
  if (pos + size > buf.length) throw new FormatError('cpio', 'header runs past the end of the archive (truncated)', pos);
  let h: Omit<CpioHeader, 'dataAt' | 'next'>;
  let dataAt: (nameEnd: number) => number;
  let next: (dataEnd: number) => number;
  if (format === 'newc') {
    h = {
      mode: hexField(buf, pos + 14, 'mode'),
      nlink: hexField(buf, pos + 38, 'nlink'),
      inode: `${buf.toString('latin1', pos + 62, pos + 78)}:${buf.toString('latin1', pos + 6, pos + 14)}`,
      fileSize: hexField(buf, pos + 54, 'filesize'),
      nameSize: hexField(buf, pos + 94, 'namesize'),
      nameAt: pos + 110,
    };
    dataAt = align4;
    next = align4;
  } else if (format === 'odc') {
    // magic 6, dev 6, ino 6, mode 6, uid 6, gid 6, nlink 6, rdev 6, mtime 11, namesize 6, filesize 11; no padding.
    h = {
      mode: octalField(buf, pos + 18, 6, 'mode'),
      nlink: octalField(buf, pos + 36, 6, 'nlink'),
      inode: buf.toString('latin1', pos + 6, pos + 18),
      fileSize: octalField(buf, pos + 65, 11, 'filesize'),
      nameSize: octalField(buf, pos + 59, 6, 'namesize'),
      nameAt: pos + 76,
    };
    dataAt = (n) => n;
    next = (n) => n;
  } else {
    // 13 16-bit words: magic, dev, ino, mode, uid, gid, nlink, rdev, mtime (2), namesize, filesize (2, high word first); name and data padded to 2 bytes.
    const u16 = (at: number): number => (format === 'bin-le' ? buf.readUInt16LE(pos + at) : buf.readUInt16BE(pos + at));
    if (u16(0) !== 0o070707) throw new FormatError('cpio', 'bad entry magic (corrupt or truncated archive)', pos);
    h = { mode: u16(6), nlink: u16(12), inode: `${u16(2)}:${u16(4)}`, fileSize: u16(22) * 0x10000 + u16(24), nameSize: u16(20), nameAt: pos + 26 };
    dataAt = align2;
    next = align2;
  }
  if (h.nameSize === 0 || h.nameSize > CPIO_LIMITS.maxNameBytes) throw new FormatError('cpio', `bad name size ${h.nameSize}`, pos);
  if (h.nameAt + h.nameSize > buf.length) throw new FormatError('cpio', 'entry name runs past the end of the archive (truncated)', h.nameAt);
  const d = dataAt(h.nameAt + h.nameSize);
  return { ...h, dataAt: d, next: next(d + h.fileSize) };
}

/** Parses every entry of one or more concatenated newc archives in `buf`. */
export function parseCpio(buf: Buffer): CpioEntry[] {
  const byName = new Map<string, CpioEntry>();
  // Hard links: newc stores the data once, with the last link of an inode (the others have size
  // 0); cpio -i gives each link that data. Keyed by device and inode.
  const linked = new Map<string, CpioEntry[]>();
  let pos = 0;
  let count = 0;
  let archives = 0;
  for (;;) {
    // Zero padding between (and after) concatenated archives.
    while (pos < buf.length && buf[pos] === 0) pos++;
    if (pos >= buf.length) break;
    const format = cpioFormat(buf.subarray(pos, pos + CPIO_SNIFF_BYTES));
    if (!format) {
      if (archives === 0) throw new FormatError('cpio', 'not a cpio archive (no newc 070701/070702, odc 070707 or binary magic)', pos);
      throw new FormatError('cpio', 'bytes after the cpio trailer are not another archive', pos);
    }
    archives++;
    for (;;) {
      if (cpioFormat(buf.subarray(pos, pos + 6)) !== format && format !== 'bin-le' && format !== 'bin-be') {
        throw new FormatError('cpio', pos + 6 > buf.length ? 'header runs past the end of the archive (truncated)' : 'bad entry magic (corrupt or truncated archive)', pos);
      }
      const h = readHeader(buf, pos, format);
      const rawName = nameText(buf.subarray(h.nameAt, h.nameAt + h.nameSize - 1));
      if (h.dataAt + h.fileSize > buf.length) {
        throw new FormatError('cpio', `data of ${JSON.stringify(rawName)} (${h.fileSize} bytes) runs past the end of the archive (truncated)`, h.dataAt);
      }
      pos = h.next;
      if (rawName === 'TRAILER!!!') break;
      if (++count > CPIO_LIMITS.maxEntries) throw new FormatError('cpio', `more than ${CPIO_LIMITS.maxEntries} entries`, h.nameAt);
      const name = escapeBang(rawName.replace(/^(\.\/|\/)+/, ''));
      if (name === '' || name === '.') continue;
      const kind = kindOfMode(h.mode);
      const data = buf.subarray(h.dataAt, h.dataAt + h.fileSize);
      const e: CpioEntry = { name, kind, data };
      if (kind === 'symlink') e.target = data.toString('utf8');
      byName.delete(name);
      byName.set(name, e);
      if (kind === 'file' && h.nlink > 1) {
        const key = `${archives}:${h.inode}`;
        const list = linked.get(key);
        if (list) list.push(e);
        else linked.set(key, [e]);
      }
    }
  }
  for (const links of linked.values()) {
    let withData: CpioEntry | undefined;
    for (const e of links) if (e.data.length > 0) withData = e;
    if (withData) for (const e of links) if (e.data.length === 0) e.data = withData.data;
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
