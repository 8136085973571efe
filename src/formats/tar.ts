/**
 * tar archives (POSIX ustar and pax, GNU, 7th Edition): how Samsung ships firmware (`AP_*.tar.md5`: a tar of
 * `system.img.lz4` and friends with an MD5 line appended) and how builds are often handed over.
 * 512-byte headers (name, octal size, checksum, type), each member's data padded to 512 bytes,
 * two zero blocks at the end. pax extended headers (`x`: path, size, linkpath) and GNU long names
 * (`L`, `K`) apply to the member after them; a later member of the same name replaces an earlier
 * one, as extraction does. Members are ranges of the archive: nothing is copied.
 */
import { resolvePath } from '../inputs/partition.js';
import { escapeBang, nameText } from '../inputs/walk.js';
import { FormatError } from './errors.js';
import type { NodeKind } from './fsnode.js';
import type { RandomAccessSource } from '../io/source.js';

export const TAR_LIMITS = { maxMembers: 1_000_000, maxHeaderData: 1 << 20 };

export interface TarMember {
  /** `/`-separated, without a leading `./` or `/`. */
  name: string;
  kind: NodeKind | 'hardlink';
  /** Where its data starts in the archive, and how long it is. */
  offset: number;
  size: number;
  /** A symlink's or hard link's target. */
  target?: string;
  /**
   * A hard link's data: that of the member of its target's name before it in the archive (tar
   * -x links to the file as it then is; a later member of that name replaces the file, not the
   * link's data). Undefined when no file of that name came before.
   */
  linkData?: { offset: number; size: number };
}

export interface TarArchive {
  members: TarMember[];
  /**
   * Byte ranges that hold a listed file's data (a kept member's, a hard link's). The rest
   * (headers, padding, data of a member a later one replaces or of a directory, what follows the
   * end: Samsung's MD5 line) is in the file and in no listed file.
   */
  covered: [number, number][];
  /** Members that cannot be read (GNU sparse files), with the reason. */
  problems: { name: string; reason: string; offset: number }[];
}

const BLOCK = 512;
const HEADER_WINDOW = 64 * 1024;

/**
 * A tar header block: a checksum that holds (of its bytes as unsigned or, as old tars wrote it,
 * signed, both of which GNU tar accepts) and either the `ustar` magic (POSIX, pax, GNU) or the
 * shape of a 7th Edition header (a name, octal numbers, a classic type and zeros past the link
 * name), which GNU tar still reads.
 */
export function isTarHeader(block: Uint8Array): boolean {
  if (block.length < BLOCK) return false;
  const b = Buffer.from(block.buffer, block.byteOffset, BLOCK);
  const stored = octal(b, 148, 8);
  if (stored < 0 || (stored !== checksumOf(b, false) && stored !== checksumOf(b, true))) return false;
  if (b.toString('latin1', 257, 262) === 'ustar') return true;
  // 7th Edition: no magic (GNU tar --format=v7 still writes a type 0-7 and device numbers).
  if (b[0] === 0 || !(b[156] === 0 || (b[156] >= 0x30 && b[156] <= 0x37))) return false;
  for (let i = 257; i < 265; i++) if (b[i] !== 0) return false;
  for (const [at, len] of [[100, 8], [108, 8], [116, 8], [124, 12], [136, 12]]) if (!/^ *[0-7]*[ \0]*$/.test(b.toString('latin1', at, at + len)) || octal(b, at, len) < 0) return false;
  return true;
}

/** The header's checksum: the sum of its bytes (unsigned, or signed as old tars summed them) with the checksum field taken as spaces. */
function checksumOf(b: Buffer, signed: boolean): number {
  let sum = 8 * 0x20;
  for (let i = 0; i < BLOCK; i++) {
    if (i === 148) i = 156;
    const x = b[i];
    sum += signed && x > 127 ? x - 256 : x;
  }
  return sum;
}

/** An octal number field (NUL or space terminated), or GNU's base-256 form (high bit set); -1 when malformed. */
function octal(b: Buffer, at: number, len: number): number {
  if (b[at] & 0x80) {
    let v = b[at] & 0x7f;
    for (let i = at + 1; i < at + len; i++) v = v * 256 + b[i];
    return Number.isSafeInteger(v) ? v : -1;
  }
  const s = b.toString('latin1', at, at + len).replace(/[\0 ]+$/, '').replace(/^ +/, '');
  if (s === '') return 0;
  return /^[0-7]+$/.test(s) ? parseInt(s, 8) : -1;
}

const cstring = (b: Buffer, at: number, len: number): string => {
  const end = b.indexOf(0, at);
  return nameText(b.subarray(at, end < 0 || end > at + len ? at + len : end));
};

/**
 * A member name or link target as the file system resolves it: `.` segments and repeated slashes
 * dropped, `..` applied, nothing above the archive's root (as tar -x strips it), so that a link
 * to `d/./a.zip` or `d//a.zip` finds `d/a.zip`.
 */
const clean = (name: string): string => escapeBang(resolvePath(name));

/** pax extended header records: `<length> <key>=<value>\n`. */
function paxRecords(data: Buffer, at: number): Map<string, string> {
  const out = new Map<string, string>();
  let p = 0;
  while (p < data.length) {
    const sp = data.indexOf(0x20, p);
    const len = sp > p ? Number(data.toString('latin1', p, sp)) : NaN;
    if (!Number.isInteger(len) || len <= 0 || p + len > data.length) throw new FormatError('tar', 'malformed pax extended header record', at + p);
    const eq = data.indexOf(0x3d, sp + 1);
    if (eq > sp + 1 && eq < p + len - 1) out.set(data.toString('latin1', sp + 1, eq), nameText(data.subarray(eq + 1, p + len - 1)));
    p += len;
  }
  return out;
}

export async function openTar(src: RandomAccessSource): Promise<TarArchive> {
  const byName = new Map<string, TarMember>();
  const problems: TarArchive['problems'] = [];
  let pos = 0;
  let count = 0; // members listed (not extended headers)
  let next: { path?: string; linkpath?: string; size?: number } = {};
  // Headers are read through a window of the archive: an archive of many small members (whose
  // headers are a few blocks apart) costs one read per window, not one per member.
  let window: Buffer = Buffer.alloc(0);
  let windowAt = 0;
  const readHeader = async (at: number): Promise<Buffer> => {
    if (at < windowAt || at + BLOCK > windowAt + window.length) {
      windowAt = at;
      window = await src.read(at, Math.min(HEADER_WINDOW, src.size - at));
    }
    return window.subarray(at - windowAt, at - windowAt + BLOCK);
  };
  for (;;) {
    if (pos + BLOCK > src.size) {
      // No end-of-archive blocks: GNU tar accepts that with a warning.
      break;
    }
    const h = await readHeader(pos);
    if (h.every((x) => x === 0)) break; // end of archive (two zero blocks, or one)
    if (!isTarHeader(h)) {
      if (pos === 0) throw new FormatError('tar', 'not a tar archive (no tar header)', 0);
      // GNU tar stops here too ("skipping to next header"): what follows is scanned as bytes.
      problems.push({ name: '', reason: 'bad header (checksum or magic): the rest of the archive is not listed', offset: pos });
      break;
    }
    const type = String.fromCharCode(h[156] || 0x30);
    let size = octal(h, 124, 12);
    if (size < 0) throw new FormatError('tar', 'bad size field', pos + 124);
    if (next.size !== undefined) size = next.size;
    const dataAt = pos + BLOCK;
    if (dataAt + size > src.size) {
      problems.push({ name: clean(next.path ?? cstring(h, 0, 100)), reason: `its data (${size} bytes) runs past the end of the archive (truncated); not read`, offset: dataAt });
      break;
    }
    const after = dataAt + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x' || type === 'g' || type === 'L' || type === 'K') {
      if (size > TAR_LIMITS.maxHeaderData) throw new FormatError('tar', `extended header of ${size} bytes, past the ${TAR_LIMITS.maxHeaderData}-byte cap`, pos);
      const data = await src.read(dataAt, size);
      if (type === 'x') {
        const r = paxRecords(data, dataAt);
        const sz = r.get('size');
        next = {
          ...next,
          ...(r.has('path') ? { path: r.get('path') } : {}),
          ...(r.has('linkpath') ? { linkpath: r.get('linkpath') } : {}),
          ...(sz !== undefined && /^\d+$/.test(sz) ? { size: Number(sz) } : {}),
        };
      } else if (type === 'L') next = { ...next, path: cstring(data, 0, data.length) };
      else if (type === 'K') next = { ...next, linkpath: cstring(data, 0, data.length) };
      pos = after;
      continue;
    }
    if (++count > TAR_LIMITS.maxMembers) throw new FormatError('tar', `more than ${TAR_LIMITS.maxMembers} members`, pos);
    // ustar (magic "ustar\0", version "00") joins prefix and name; GNU ("ustar  ") has no prefix.
    const prefix = h.toString('latin1', 257, 263) === 'ustar\0' ? cstring(h, 345, 155) : '';
    const name = clean(next.path ?? (prefix ? `${prefix}/${cstring(h, 0, 100)}` : cstring(h, 0, 100)));
    const linkname = next.linkpath ?? cstring(h, 157, 100);
    next = {};
    pos = after;
    if (name === '' || name === '.') continue;
    // Other types are extracted as regular files by GNU tar ("unknown file type"): so here.
    const kinds: Record<string, NodeKind | 'hardlink'> = { '1': 'hardlink', '2': 'symlink', '3': 'chardev', '4': 'blockdev', '5': 'dir', '6': 'fifo' };
    const kind = kinds[type] ?? 'file';
    if (type === 'S') {
      problems.push({ name, reason: 'a GNU sparse member (its data is a map of the file, not the file); not read', offset: dataAt - BLOCK });
      continue;
    }
    const m: TarMember = { name, kind, offset: dataAt, size: kind === 'file' ? size : 0 };
    if (kind === 'symlink' || kind === 'hardlink') m.target = clean(linkname);
    if (kind === 'hardlink') {
      const t = byName.get(m.target ?? '');
      const data = t?.kind === 'file' ? { offset: t.offset, size: t.size } : t?.linkData;
      if (data) m.linkData = data;
    }
    byName.delete(name);
    byName.set(name, m);
  }
  const members = [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Only the data of what is listed is covered: headers (their unused fields too), extended
  // headers and padding are scanned raw, as the archive was before tar was read.
  const covered: [number, number][] = [];
  for (const x of members) {
    const d = x.kind === 'file' ? x : x.linkData;
    if (d && d.size > 0) covered.push([d.offset, d.offset + d.size]);
  }
  return { members, covered, problems };
}
