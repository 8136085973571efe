/**
 * tar archives (POSIX ustar and pax, GNU, 7th Edition): how Samsung ships firmware (`AP_*.tar.md5`: a tar of
 * `system.img.lz4` and friends with an MD5 line appended) and how builds are often handed over.
 * 512-byte headers (name, octal size, checksum, type), each member's data padded to 512 bytes,
 * two zero blocks at the end. pax extended headers (`x`: path, size, linkpath) and GNU long names
 * (`L`, `K`) apply to the member after them; a later member of the same name replaces an earlier
 * one, as extraction does. Members are ranges of the archive: nothing is copied.
 *
 * GNU sparse files (`tar --sparse`) store only the pieces of a file that hold data, and a map of
 * where each piece goes; the rest of the file (its holes) is zeros. The map is in the old GNU
 * header (type `S`: four pieces, then extension blocks of 21 each, and the real size) or in pax
 * keywords: format 0.0 (`GNU.sparse.offset` / `GNU.sparse.numbytes` pairs), 0.1
 * (`GNU.sparse.map`), 1.0 (`GNU.sparse.major=1`, `minor=0`: the map as decimal lines at the start
 * of the member's data, padded to 512 bytes). In 0.1 and 1.0 the header names the member
 * `<dir>/GNUSparseFile.<pid>/<name>` and `GNU.sparse.name` holds its name. Such a member is listed
 * under its real name and size, with its map (TarSparse); a map that does not describe the data
 * (pieces out of order, past the real size, adding up to other than what is stored) makes it a
 * problem named by its real name, and it is not listed.
 */
import { resolvePath } from '../inputs/partition.js';
import { escapeBang, nameText } from '../inputs/walk.js';
import { FormatError } from './errors.js';
import type { NodeKind } from './fsnode.js';
import type { RandomAccessSource } from '../io/source.js';

export const TAR_LIMITS = { maxMembers: 1_000_000, maxHeaderData: 1 << 20, maxSparsePieces: 1_000_000, maxSparseMapBytes: 16 << 20 };

/** Where a GNU sparse file's stored pieces go: the rest of the file reads as zeros. */
export interface TarSparse {
  /** `old GNU` (type `S`), or the pax format: `pax 0.0`, `pax 0.1`, `pax 1.0`. */
  format: string;
  /** `[offset in the file, length]` of each piece, in order and apart; stored one after the other from TarData.offset. */
  map: [number, number][];
  /** The bytes stored in the archive: the pieces' lengths added up. */
  stored: number;
}

/** A file's data: `size` bytes stored at `offset` of the archive, or for a sparse file `size` bytes made of the pieces of `sparse`. */
export interface TarData {
  offset: number;
  size: number;
  sparse?: TarSparse;
}

export interface TarMember extends TarData {
  /** `/`-separated, without a leading `./` or `/`. */
  name: string;
  kind: NodeKind | 'hardlink';
  /** A symlink's or hard link's target. */
  target?: string;
  /**
   * A hard link's data: that of the member of its target's name before it in the archive (tar
   * -x links to the file as it then is; a later member of that name replaces the file, not the
   * link's data). Undefined when no file of that name came before.
   */
  linkData?: TarData;
}

export interface TarArchive {
  members: TarMember[];
  /**
   * Byte ranges that hold a listed file's data (a kept member's, a hard link's). The rest
   * (headers, padding, data of a member a later one replaces or of a directory, what follows the
   * end: Samsung's MD5 line) is in the file and in no listed file.
   */
  covered: [number, number][];
  /** Members that cannot be read (a malformed sparse map, truncated data), with the reason. */
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

/** pax extended header records, in order (GNU sparse 0.0 repeats its keywords): `<length> <key>=<value>\n`. */
function paxRecords(data: Buffer, at: number): [string, string][] {
  const out: [string, string][] = [];
  let p = 0;
  while (p < data.length) {
    const sp = data.indexOf(0x20, p);
    const len = sp > p ? Number(data.toString('latin1', p, sp)) : NaN;
    if (!Number.isInteger(len) || len <= 0 || p + len > data.length) throw new FormatError('tar', 'malformed pax extended header record', at + p);
    const eq = data.indexOf(0x3d, sp + 1);
    if (eq > sp + 1 && eq < p + len - 1) out.push([data.toString('latin1', sp + 1, eq), nameText(data.subarray(eq + 1, p + len - 1))]);
    p += len;
  }
  return out;
}

/** What the pax keywords `GNU.sparse.*` of a member say, before its data is read. */
interface PaxSparse {
  format: string;
  /** GNU.sparse.name: the member's name (0.1, 1.0). */
  name?: string;
  realSize?: number;
  /** The map, for 0.0 and 0.1 (1.0 has it in the data). */
  map?: [number, number][];
  /** What is wrong with them. */
  error?: string;
}

/** A decimal number of a sparse map (pax keyword or 1.0 map line), or undefined. */
function decimal(s: string | undefined): number | undefined {
  if (s === undefined || !/^\d{1,16}$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** The `GNU.sparse.*` records of a pax header, in their order, as a sparse file's format, name, size and map. */
function paxSparse(recs: [string, string][]): PaxSparse {
  const last = new Map(recs);
  const name = last.get('GNU.sparse.name');
  const major = last.get('GNU.sparse.major');
  const minor = last.get('GNU.sparse.minor');
  const sizeKey = last.has('GNU.sparse.realsize') ? 'GNU.sparse.realsize' : 'GNU.sparse.size';
  const realSize = decimal(last.get(sizeKey));
  const base = { ...(name !== undefined ? { name } : {}), ...(realSize !== undefined ? { realSize } : {}) };
  const wrong = (format: string, error: string): PaxSparse => ({ format, ...base, error });
  const format = major !== undefined || minor !== undefined ? `pax ${major ?? '?'}.${minor ?? '?'}` : last.has('GNU.sparse.map') ? 'pax 0.1' : 'pax 0.0';
  if (major !== undefined || minor !== undefined) {
    if (major !== '1' || minor !== '0') return wrong(format, 'an unknown GNU sparse format version (GNU tar writes 0.0, 0.1 and 1.0)');
  }
  if (realSize === undefined) return wrong(format, last.has(sizeKey) ? `${sizeKey} is not a number (${JSON.stringify(last.get(sizeKey))})` : 'no GNU.sparse.realsize or GNU.sparse.size (the real size of the file)');
  if (format === 'pax 1.0') return { format, ...base };
  const numblocks = last.get('GNU.sparse.numblocks');
  const map: [number, number][] = [];
  if (format === 'pax 0.1') {
    const text = last.get('GNU.sparse.map') ?? '';
    const nums = text === '' ? [] : text.split(',').map(decimal);
    if (nums.some((n) => n === undefined)) return wrong(format, `GNU.sparse.map is not a list of numbers (${JSON.stringify(text.slice(0, 80))})`);
    if (nums.length % 2 !== 0) return wrong(format, `GNU.sparse.map has ${nums.length} numbers, not offset and size pairs`);
    for (let i = 0; i < nums.length; i += 2) map.push([nums[i]!, nums[i + 1]!]);
  } else {
    // 0.0: each GNU.sparse.offset followed by its GNU.sparse.numbytes.
    let offset: number | undefined;
    for (const [k, v] of recs) {
      if (k !== 'GNU.sparse.offset' && k !== 'GNU.sparse.numbytes') continue;
      const n = decimal(v);
      if (n === undefined) return wrong(format, `${k} is not a number (${JSON.stringify(v)})`);
      if (k === 'GNU.sparse.offset') {
        if (offset !== undefined) return wrong(format, `GNU.sparse.offset ${offset} has no GNU.sparse.numbytes`);
        offset = n;
      } else {
        if (offset === undefined) return wrong(format, `GNU.sparse.numbytes ${n} has no GNU.sparse.offset before it`);
        map.push([offset, n]);
        offset = undefined;
      }
      if (map.length > TAR_LIMITS.maxSparsePieces) return wrong(format, `more than ${TAR_LIMITS.maxSparsePieces} pieces`);
    }
    if (offset !== undefined) return wrong(format, `GNU.sparse.offset ${offset} has no GNU.sparse.numbytes`);
  }
  if (numblocks !== undefined && decimal(numblocks) !== map.length) return wrong(format, `GNU.sparse.numblocks says ${numblocks} pieces, the map has ${map.length}`);
  return { format, ...base, map };
}

/**
 * The map of a pax 1.0 sparse member, at the start of its data: the number of pieces, then the
 * offset and size of each, one decimal number a line, padded to 512 bytes. Gives the map and
 * the bytes it takes (padded), or what is wrong.
 */
async function sparseMap10(src: RandomAccessSource, at: number, size: number): Promise<{ map: [number, number][]; bytes: number } | { error: string }> {
  const limit = Math.min(size, TAR_LIMITS.maxSparseMapBytes);
  let text = Buffer.alloc(0);
  let p = 0; // next unread byte of text
  const nextNumber = async (): Promise<number | string> => {
    for (;;) {
      const nl = text.indexOf(0x0a, p);
      if (nl >= 0) {
        const line = text.toString('latin1', p, nl);
        const n = decimal(line);
        if (n === undefined) return `a line of the map at byte ${p} is not a number (${JSON.stringify(line.slice(0, 40))})`;
        p = nl + 1;
        return n;
      }
      if (text.length >= limit) return text.length >= size ? `the map runs past the member's ${size} bytes of data` : `the map is longer than ${TAR_LIMITS.maxSparseMapBytes} bytes`;
      const more = await src.read(at + text.length, Math.min(64 * 1024, limit - text.length));
      text = Buffer.concat([text, more]);
    }
  };
  const count = await nextNumber();
  if (typeof count === 'string') return { error: count };
  if (count > TAR_LIMITS.maxSparsePieces) return { error: `the map has ${count} pieces, more than ${TAR_LIMITS.maxSparsePieces}` };
  const map: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    const offset = await nextNumber();
    if (typeof offset === 'string') return { error: offset };
    const length = await nextNumber();
    if (typeof length === 'string') return { error: length };
    map.push([offset, length]);
  }
  const bytes = Math.ceil(p / BLOCK) * BLOCK;
  if (bytes > size) return { error: `the map's ${bytes} bytes (padded) run past the member's ${size} bytes of data` };
  return { map, bytes };
}

/**
 * The sparse map of an old GNU header (type `S`) at `pos`: four pieces in the header, then, while
 * its "extended" byte is set, blocks of 21 more; an empty size field ends it (as GNU tar reads
 * it). Gives the map, the real size and where the data starts (after the extension blocks), or
 * what is wrong.
 */
async function oldGnuSparse(h: Buffer, pos: number, readHeader: (at: number) => Promise<Buffer>, end: number): Promise<{ map: [number, number][]; realSize: number; dataAt: number } | { error: string; truncated?: true }> {
  const realSize = octal(h, 483, 12);
  if (realSize < 0) return { error: 'the real size field is not a number' };
  const map: [number, number][] = [];
  /** Adds the entry at `at` of `b`: false when it ends the map. */
  const add = (b: Buffer, at: number): boolean | string => {
    if (b[at + 12] === 0) return false;
    const offset = octal(b, at, 12);
    const length = octal(b, at + 12, 12);
    if (offset < 0 || length < 0) return `piece ${map.length} has a field that is not a number`;
    map.push([offset, length]);
    return map.length > TAR_LIMITS.maxSparsePieces ? `more than ${TAR_LIMITS.maxSparsePieces} pieces` : true;
  };
  let more: boolean | string = true;
  for (let i = 0; i < 4 && more === true; i++) more = add(h, 386 + i * 24);
  if (typeof more === 'string') return { error: more };
  let dataAt = pos + BLOCK;
  let extended = more === true && h[482] !== 0;
  while (extended) {
    if (dataAt + BLOCK > end) return { error: 'its sparse map extension blocks run past the end of the archive (truncated)', truncated: true };
    const x = await readHeader(dataAt);
    dataAt += BLOCK;
    for (let i = 0; i < 21 && more === true; i++) more = add(x, i * 24);
    if (typeof more === 'string') return { error: more };
    extended = more === true && x[504] !== 0;
  }
  return { map, realSize, dataAt };
}

/** What is wrong with a sparse map of a file of `realSize` bytes whose pieces are `stored` bytes, or undefined. */
function badMap(map: [number, number][], realSize: number, stored: number): string | undefined {
  let end = 0;
  let sum = 0;
  for (const [i, [offset, length]] of map.entries()) {
    if (offset < end) return `piece ${i} at ${offset} starts before the end of the one before it (${end})`;
    if (offset + length > realSize) return `piece ${i} (${length} bytes at ${offset}) runs past the file's real size of ${realSize} bytes`;
    end = offset + length;
    sum += length;
  }
  if (sum !== stored) return `its pieces add up to ${sum} bytes, but the member stores ${stored}`;
  return undefined;
}

/** The header's name: ustar (magic "ustar\0", version "00") joins prefix and name; GNU ("ustar  ") has no prefix. */
function headerName(h: Buffer): string {
  const prefix = h.toString('latin1', 257, 263) === 'ustar\0' ? cstring(h, 345, 155) : '';
  return prefix ? `${prefix}/${cstring(h, 0, 100)}` : cstring(h, 0, 100);
}

/** A sparse file's data (TarData) from its map, its real size and the `stored` bytes of pieces at `offset`, or what is wrong with the map. */
function sparseData(format: string, map: [number, number][], realSize: number, offset: number, stored: number): { data: TarData } | { error: string } {
  const bad = badMap(map, realSize, stored);
  if (bad) return { error: `${format}: ${bad}` };
  return { data: { offset, size: realSize, sparse: { format, map: map.filter(([, n]) => n > 0), stored } } };
}

export async function openTar(src: RandomAccessSource): Promise<TarArchive> {
  const byName = new Map<string, TarMember>();
  const problems: TarArchive['problems'] = [];
  let pos = 0;
  let count = 0; // members listed (not extended headers)
  let next: { path?: string; linkpath?: string; size?: number; sparse?: PaxSparse } = {};
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
    // An old GNU sparse member's map goes on in extension blocks after its header: its data follows them.
    const old = type === 'S' ? await oldGnuSparse(h, pos, readHeader, src.size) : undefined;
    const dataAt = old && 'dataAt' in old ? old.dataAt : pos + BLOCK;
    const memberName = (): string => clean(next.sparse?.name ?? next.path ?? headerName(h));
    if (old && 'truncated' in old) {
      problems.push({ name: memberName(), reason: `a GNU sparse member: ${old.error}; not read`, offset: pos });
      break;
    }
    if (dataAt + size > src.size) {
      problems.push({ name: memberName(), reason: `its data (${size} bytes) runs past the end of the archive (truncated); not read`, offset: dataAt });
      break;
    }
    const after = dataAt + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x' || type === 'g' || type === 'L' || type === 'K') {
      if (size > TAR_LIMITS.maxHeaderData) throw new FormatError('tar', `extended header of ${size} bytes, past the ${TAR_LIMITS.maxHeaderData}-byte cap`, pos);
      const data = await src.read(dataAt, size);
      if (type === 'x') {
        const recs = paxRecords(data, dataAt);
        const r = new Map(recs);
        const sz = r.get('size');
        const sparse = recs.filter(([k]) => k.startsWith('GNU.sparse.'));
        next = {
          ...next,
          ...(r.has('path') ? { path: r.get('path') } : {}),
          ...(r.has('linkpath') ? { linkpath: r.get('linkpath') } : {}),
          ...(sz !== undefined && /^\d+$/.test(sz) ? { size: Number(sz) } : {}),
          ...(sparse.length ? { sparse: paxSparse(sparse) } : {}),
        };
      } else if (type === 'L') next = { ...next, path: cstring(data, 0, data.length) };
      else if (type === 'K') next = { ...next, linkpath: cstring(data, 0, data.length) };
      pos = after;
      continue;
    }
    if (++count > TAR_LIMITS.maxMembers) throw new FormatError('tar', `more than ${TAR_LIMITS.maxMembers} members`, pos);
    // Other types are extracted as regular files by GNU tar ("unknown file type"): so here.
    const kinds: Record<string, NodeKind | 'hardlink'> = { '1': 'hardlink', '2': 'symlink', '3': 'chardev', '4': 'blockdev', '5': 'dir', '6': 'fifo' };
    const kind = kinds[type] ?? 'file';
    // A regular file with GNU.sparse keywords (pax), or an old GNU `S` member: a sparse file,
    // named by GNU.sparse.name (0.1 and 1.0 name the header GNUSparseFile.<pid>/...).
    const pax = kind === 'file' && type !== 'S' ? next.sparse : undefined;
    const name = clean((pax ? pax.name : undefined) ?? next.path ?? headerName(h));
    const linkname = next.linkpath ?? cstring(h, 157, 100);
    const headerAt = pos;
    next = {};
    pos = after;
    if (name === '' || name === '.') continue;
    let sparse: { data: TarData } | { error: string } | undefined;
    if (old) sparse = 'error' in old ? { error: `old GNU: ${old.error}` } : sparseData('old GNU', old.map, old.realSize, dataAt, size);
    else if (pax?.error !== undefined) sparse = { error: `${pax.format}: ${pax.error}` };
    else if (pax?.format === 'pax 1.0') {
      const m = await sparseMap10(src, dataAt, size);
      sparse = 'error' in m ? { error: `pax 1.0: ${m.error}` } : sparseData('pax 1.0', m.map, pax.realSize!, dataAt + m.bytes, size - m.bytes);
    } else if (pax) sparse = sparseData(pax.format, pax.map!, pax.realSize!, dataAt, size);
    if (sparse && 'error' in sparse) {
      problems.push({ name, reason: `a GNU sparse file whose map is malformed (${sparse.error}); not read`, offset: headerAt });
      continue;
    }
    const m: TarMember = sparse ? { name, kind, ...sparse.data } : { name, kind, offset: dataAt, size: kind === 'file' ? size : 0 };
    if (kind === 'symlink' || kind === 'hardlink') m.target = clean(linkname);
    if (kind === 'hardlink') {
      const t = byName.get(m.target ?? '');
      const data = t?.kind === 'file' ? { offset: t.offset, size: t.size, ...(t.sparse ? { sparse: t.sparse } : {}) } : t?.linkData;
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
    const stored = d?.sparse ? d.sparse.stored : d?.size;
    if (d && stored) covered.push([d.offset, d.offset + stored]);
  }
  return { members, covered, problems };
}
