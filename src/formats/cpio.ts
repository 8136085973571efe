/**
 * cpio "newc" archives (magic 070701, and 070702 with checksums), as Android ramdisks are: a
 * 110-byte ASCII-hex header, the NUL-terminated name padded to 4 bytes, the data padded to 4
 * bytes, ended by `TRAILER!!!`. Archives may be concatenated (with zero padding between them),
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

export function isCpioNewc(b: Uint8Array): boolean {
  if (b.length < 6) return false;
  const m = Buffer.from(b.subarray(0, 6)).toString('latin1');
  return m === '070701' || m === '070702';
}

function hexField(buf: Buffer, at: number, what: string): number {
  const s = buf.toString('latin1', at, at + 8);
  if (!/^[0-9a-fA-F]{8}$/.test(s)) throw new FormatError('cpio', `bad ${what} field ${JSON.stringify(s)}`, at);
  return parseInt(s, 16);
}

const align4 = (n: number): number => (n + 3) & ~3;

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
    if (!isCpioNewc(buf.subarray(pos, pos + 6))) {
      if (archives === 0) throw new FormatError('cpio', 'not a cpio newc archive (no 070701/070702 magic)', pos);
      throw new FormatError('cpio', 'bytes after the cpio trailer are not another archive', pos);
    }
    archives++;
    for (;;) {
      if (pos + 110 > buf.length) throw new FormatError('cpio', 'header runs past the end of the archive (truncated)', pos);
      if (!isCpioNewc(buf.subarray(pos, pos + 6))) throw new FormatError('cpio', 'bad entry magic (corrupt or truncated archive)', pos);
      const pos0 = pos;
      const mode = hexField(buf, pos + 14, 'mode');
      const fileSize = hexField(buf, pos + 54, 'filesize');
      const nameSize = hexField(buf, pos + 94, 'namesize');
      if (nameSize === 0 || nameSize > CPIO_LIMITS.maxNameBytes) throw new FormatError('cpio', `bad name size ${nameSize}`, pos + 94);
      const nameAt = pos + 110;
      if (nameAt + nameSize > buf.length) throw new FormatError('cpio', 'entry name runs past the end of the archive (truncated)', nameAt);
      const rawName = nameText(buf.subarray(nameAt, nameAt + nameSize - 1));
      const dataAt = align4(nameAt + nameSize);
      if (dataAt + fileSize > buf.length) {
        throw new FormatError('cpio', `data of ${JSON.stringify(rawName)} (${fileSize} bytes) runs past the end of the archive (truncated)`, dataAt);
      }
      pos = align4(dataAt + fileSize);
      if (rawName === 'TRAILER!!!') break;
      if (++count > CPIO_LIMITS.maxEntries) throw new FormatError('cpio', `more than ${CPIO_LIMITS.maxEntries} entries`, nameAt);
      const name = escapeBang(rawName.replace(/^(\.\/|\/)+/, ''));
      if (name === '' || name === '.') continue;
      const kind = kindOfMode(mode);
      const data = buf.subarray(dataAt, dataAt + fileSize);
      const e: CpioEntry = { name, kind, data };
      if (kind === 'symlink') e.target = data.toString('utf8');
      byName.delete(name);
      byName.set(name, e);
      if (kind === 'file' && hexField(buf, pos0 + 38, 'nlink') > 1) {
        const key = `${archives}:${buf.toString('latin1', pos0 + 62, pos0 + 78)}:${buf.toString('latin1', pos0 + 6, pos0 + 14)}`;
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
