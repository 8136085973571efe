/**
 * Block-based OTA packages (Android 5-10 full OTAs, many vendor update zips): a partition is
 * `<name>.new.dat` (or `.new.dat.br`, brotli; `.new.dat.lzma` and the like) written into the
 * block ranges its `<name>.transfer.list` names (AOSP `updater/blockimg.cpp`):
 *
 *   line 1: version (1-4); line 2: blocks the commands write; from version 2, lines 3 and 4:
 *   stash entries and blocks stashed at most at once; then one command a line.
 *
 * A range set is "N,a1,b1,a2,b2,...": N numbers follow, each pair [a, b) a range of 4096-byte
 * blocks. Of the commands, a full OTA has only `new` (the next blocks of new.dat, command by
 * command and range by range in the order listed), `zero` and `erase` (both read as zeros here);
 * `move`, `bsdiff`, `imgdiff`, `stash` and `free` patch or copy the base build's blocks: an
 * incremental OTA, which cannot be rebuilt from the package alone. The partition is a virtual
 * image whose `new` ranges map onto offsets of the (decompressed) new.dat: nothing is rebuilt.
 */
import { MappedSource, sourceSegment, type Segment } from '../io/mapped.js';
import type { RandomAccessSource } from '../io/source.js';
import { FormatError } from './errors.js';

export const OTA_BLOCK = 4096;
/** The largest partition a transfer list may describe: 2^46 bytes (64 TiB). */
const MAX_BLOCKS = 2 ** 34;
/** The largest transfer list read (a real one of a 4 GiB partition is some KiB: blockimgdiff writes sorted, merged ranges). */
export const MAX_TRANSFER_LIST_BYTES = 4 << 20;
/** The most ranges its commands may name: each costs memory (its segment of the image). */
const MAX_RANGES = 500_000;

/** A file of a block-based OTA's data: `system.new.dat`, `vendor.new.dat.br`; [1] the partition's name, [2] a compression suffix. */
export const NEW_DAT_NAME = /^(.+)\.new\.dat(?:\.(br|lzma|xz|gz|bz2|zst|lz4))?$/;

/** The transfer list that goes with a new.dat file name (undefined for another name). */
export function transferListName(newDat: string): string | undefined {
  const m = NEW_DAT_NAME.exec(newDat);
  return m ? `${m[1]}.transfer.list` : undefined;
}

const INCREMENTAL = new Set(['move', 'bsdiff', 'imgdiff', 'stash', 'free']);
/** Commands that do not change what the partition's files hold (the verity hash tree). */
const IGNORED = new Set(['compute_hash_tree']);

export interface TransferList {
  version: number;
  /** Line 2: the blocks the commands say they write. */
  declaredBlocks: number;
  /** The partition's size in blocks: the end of the last range any command names. */
  blocks: number;
  /** `new` ranges in the order new.dat fills them: [first block, end block). */
  newRanges: [number, number][];
  /** Blocks new.dat must hold. */
  newBlocks: number;
  /** Set for an incremental OTA: the first command that needs the base build, and its line. */
  incremental?: { command: string; line: number };
}

/** Parses a range set ("N,a,b,..."), checking each range and the bounds. */
function parseRanges(text: string, line: number): [number, number][] {
  const nums = text.split(',');
  const count = Number(nums[0]);
  const bad = (why: string): FormatError => new FormatError('transfer-list', `line ${line}: range set ${JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}...` : text)} ${why}`);
  if (!/^\d+$/.test(nums[0]) || count !== nums.length - 1) throw bad(`does not hold the ${nums[0]} numbers it announces`);
  if (count === 0 || count % 2 !== 0) throw bad('does not hold pairs of block numbers');
  const out: [number, number][] = [];
  for (let i = 1; i < nums.length; i += 2) {
    if (!/^\d{1,15}$/.test(nums[i]) || !/^\d{1,15}$/.test(nums[i + 1])) throw bad('holds something other than block numbers');
    const a = Number(nums[i]);
    const b = Number(nums[i + 1]);
    if (a >= b) throw bad(`has an empty or reversed range ${a}-${b}`);
    if (b > MAX_BLOCKS) throw bad(`reaches block ${b}, past the ${MAX_BLOCKS} blocks (64 TiB) a partition may have here`);
    out.push([a, b]);
  }
  return out;
}

/**
 * Parses a transfer list (versions 1-4). A list that cannot be one (no version line, a
 * malformed range set, an unknown command, ranges written twice) is a FormatError; an
 * incremental OTA parses, with `incremental` set.
 */
export function parseTransferList(buf: Buffer): TransferList {
  if (buf.length > MAX_TRANSFER_LIST_BYTES) throw new FormatError('transfer-list', `${buf.length} bytes, past the ${MAX_TRANSFER_LIST_BYTES}-byte cap for a transfer list`);
  const lines = buf.toString('latin1').split('\n');
  const header = (i: number, what: string): number => {
    const t = (lines[i] ?? '').trim();
    if (!/^\d{1,15}$/.test(t)) throw new FormatError('transfer-list', `line ${i + 1} should be ${what}, found ${JSON.stringify(t.slice(0, 40))}`);
    return Number(t);
  };
  const version = header(0, 'the version (1-4)');
  if (version < 1 || version > 4) throw new FormatError('transfer-list', `version ${version} is not one of 1-4`);
  const declaredBlocks = header(1, 'the count of blocks written');
  let first = 2;
  if (version >= 2) {
    header(2, 'the count of stash entries');
    header(3, 'the count of blocks stashed');
    first = 4;
  }
  const newRanges: [number, number][] = [];
  /** Every range written, with its line. */
  const writes: { a: number; b: number; line: number }[] = [];
  let blocks = 0;
  let newBlocks = 0;
  let incremental: TransferList['incremental'];
  for (let i = first; i < lines.length; i++) {
    const text = lines[i].trim();
    if (text === '') continue;
    const [command, ...args] = text.split(/\s+/);
    if (INCREMENTAL.has(command)) {
      incremental ??= { command, line: i + 1 };
      continue;
    }
    if (IGNORED.has(command)) continue;
    if (command !== 'new' && command !== 'zero' && command !== 'erase') {
      throw new FormatError('transfer-list', `line ${i + 1}: unknown command ${JSON.stringify(command.slice(0, 40))}`);
    }
    if (args.length !== 1) throw new FormatError('transfer-list', `line ${i + 1}: ${command} takes one range set, found ${args.length}`);
    const ranges = parseRanges(args[0], i + 1);
    if (writes.length + ranges.length > MAX_RANGES) throw new FormatError('transfer-list', `line ${i + 1}: more than ${MAX_RANGES} ranges in all; not read`);
    for (const [a, b] of ranges) {
      blocks = Math.max(blocks, b);
      writes.push({ a, b, line: i + 1 });
      if (command === 'new') {
        newRanges.push([a, b]);
        newBlocks += b - a;
      }
    }
  }
  // A block written twice has two contents (`new` over `new`), or loses what new.dat put there
  // (`zero` or `erase` over `new`). AOSP's blockimgdiff never writes a block twice in a full OTA
  // (its erase ranges are the blocks no file or zero range holds): overlaps are refused rather
  // than guessed at.
  writes.sort((x, y) => x.a - y.a || x.b - y.b);
  let reach: (typeof writes)[number] | undefined; // the write reaching furthest so far
  for (const w of writes) {
    if (reach && w.a < reach.b) {
      const [one, other] = reach.line <= w.line ? [reach, w] : [w, reach];
      throw new FormatError('transfer-list', `line ${other.line} writes block ${w.a} again, after line ${one.line}: overlapping writes are not read`);
    }
    if (!reach || w.b > reach.b) reach = w;
  }
  return { version, declaredBlocks, blocks, newRanges, newBlocks, ...(incremental ? { incremental } : {}) };
}

/**
 * The partition a full OTA's transfer list and (decompressed) new.dat stand for, as a virtual
 * image: each `new` range maps to the next bytes of `data`. `data` must hold exactly the blocks
 * the list writes: a shorter one is truncated, and bytes past them would reach no partition.
 */
export function blockImage(list: TransferList, data: RandomAccessSource, name: string): RandomAccessSource {
  if (list.incremental) {
    throw new FormatError('transfer-list', `an incremental OTA: ${list.incremental.command} (line ${list.incremental.line}) patches the base build's ${name} partition, which this package does not hold; only full OTAs can be scanned`);
  }
  const needed = list.newBlocks * OTA_BLOCK;
  if (data.size < needed) throw new FormatError('transfer-list', `${name}'s new data holds ${data.size} bytes, but its transfer list writes ${list.newBlocks} blocks (${needed} bytes) from it: truncated`);
  if (data.size > needed) throw new FormatError('transfer-list', `${name}'s new data holds ${data.size} bytes, ${data.size - needed} more than the ${list.newBlocks} blocks its transfer list writes: bytes that reach no partition are not read`);
  const segs: Segment[] = [];
  let at = 0;
  for (const [a, b] of list.newRanges) {
    segs.push(sourceSegment(a * OTA_BLOCK, (b - a) * OTA_BLOCK, data, at));
    at += (b - a) * OTA_BLOCK;
  }
  const close = (): Promise<void> => data.close();
  return new MappedSource(list.blocks * OTA_BLOCK, segs, 'transfer-list', close);
}
