/**
 * LZMA-alone (`.lzma`, "LZMA1": `xz --format=lzma`, `lzma`, the LZMA SDK's LzmaUtil and Java
 * LzmaAlone) decoding, after the LZMA SDK's DOC/lzma-specification.txt, with xz's and LzmaDec's
 * checks: a 13-byte header (properties byte, dictionary size, uncompressed size or all-ones for
 * "ends with an end marker") and the range-coded stream.
 *
 * The output is the dictionary: matches copy from the output buffer itself, so nothing but the
 * output (at most the caller's limit) and the probability table is allocated, whatever
 * dictionary size the header declares. Each symbol gives at least one byte and each decoded bit
 * reads at most one input byte: the work follows output and input. Faults are FormatErrors
 * naming what is wrong; a stream that would give more than the limit stops there ('cap').
 */
import { FormatError } from './errors.js';

export const LZMA_HEADER_BYTES = 13;

export interface LzmaHeader {
  lc: number;
  lp: number;
  pb: number;
  dictSize: number;
  /** The declared uncompressed size; undefined when all-ones (the stream ends with an end marker). */
  size: number | undefined;
}

/**
 * How a decoding stopped: 'end' (end marker, or the declared size reached with the range coder
 * finished), 'cap' (more output than the limit), 'input' (the data ran out, in a partial
 * decoding only: in a whole one that is a FormatError).
 */
export interface LzmaResult {
  out: Buffer;
  /** Bytes of the range-coded data read (after the header). */
  consumed: number;
  status: 'end' | 'cap' | 'input';
}

const bad = (why: string): FormatError => new FormatError('lzma', why);

export function readLzmaHeader(buf: Uint8Array): LzmaHeader {
  if (buf.length < LZMA_HEADER_BYTES) throw bad(`truncated header: ${buf.length} bytes, not ${LZMA_HEADER_BYTES}`);
  const props = buf[0];
  if (props >= 225) throw bad(`properties byte ${props} is not below 225 (lc, lp and pb out of range)`);
  const rest = Math.floor(props / 9);
  const u32 = (at: number): number => (buf[at] | (buf[at + 1] << 8) | (buf[at + 2] << 16) | (buf[at + 3] << 24)) >>> 0;
  const lo = u32(5);
  const hi = u32(9);
  return { lc: props % 9, lp: rest % 5, pb: Math.floor(rest / 5), dictSize: u32(1), size: lo === 0xffffffff && hi === 0xffffffff ? undefined : hi * 2 ** 32 + lo };
}

/**
 * Dictionary sizes the encoders write (xz's lzma_alone_decoder allows only these when guessing
 * a format): 2^n or 2^n + 2^(n-1) (xz and the SDK round up to them; Java's LzmaAlone -d writes
 * 2^n), or all-ones.
 */
function plausibleDict(d: number): boolean {
  if (d === 0xffffffff) return true;
  if (d === 0) return false;
  const low = d & -d;
  return d === low || d === low * 3;
}

/** The dictionary sizes whose low 24 bits `low24` can be, for a 4-byte look (mayStartLzma). */
const DICT_LOW24 = new Set<number>([0xffffff, ...Array.from({ length: 32 }, (_, n) => 2 ** n), ...Array.from({ length: 31 }, (_, n) => 3 * 2 ** n)].map((d) => d % 2 ** 24));

/** True when the first 4 bytes (properties and dictionary size's low bytes) may start LZMA-alone data. */
export function mayStartLzma(head: Uint8Array): boolean {
  if (head.length < 4 || head[0] >= 225) return false;
  if (head.length >= 5) return plausibleDict((head[1] | (head[2] << 8) | (head[3] << 16) | (head[4] << 24)) >>> 0);
  return DICT_LOW24.has(head[1] | (head[2] << 8) | (head[3] << 16));
}

/** Bytes a sniff decodes at most: enough to fail on data that is not LZMA, little time. */
const TRIAL_INPUT = 16 << 10;
const TRIAL_OUTPUT = 256 << 10;
/** What isLzma looks at: the header and the first 16 KiB of the stream. */
export const LZMA_SNIFF_BYTES = LZMA_HEADER_BYTES + TRIAL_INPUT;

/**
 * True when the first 18 bytes hold values the encoders write, as xz's lzma_alone_decoder
 * checks when it guesses the format: a properties byte below 225, a plausible dictionary, an
 * uncompressed size under 256 GiB or unknown, the range coder's first byte 0 and its code below
 * its range. The header has no magic: isLzma decodes too.
 */
export function plausibleLzmaHeader(buf: Uint8Array): boolean {
  if (buf.length < LZMA_HEADER_BYTES + 5 || !mayStartLzma(buf)) return false;
  const lo = (buf[5] | (buf[6] << 8) | (buf[7] << 16) | (buf[8] << 24)) >>> 0;
  const hi = (buf[9] | (buf[10] << 8) | (buf[11] << 16) | (buf[12] << 24)) >>> 0;
  if (!(hi < 64 || (hi === 0xffffffff && lo === 0xffffffff))) return false;
  return buf[13] === 0 && !(buf[14] === 0xff && buf[15] === 0xff && buf[16] === 0xff && buf[17] === 0xff);
}

/**
 * True when `buf` starts with LZMA-alone data: a plausible header (plausibleLzmaHeader), and
 * then its first bytes (up to LZMA_SNIFF_BYTES) decode without a fault: to the stream's end
 * (what follows is for the whole decoding to judge: a second stream after it would be hidden),
 * to 256 KiB of output, or to the end of what is given. Range-coded bytes that are all zeros
 * decode to zeros only (every bit is a 0): structured binary data (counts, then zeros) is not
 * taken for LZMA holding nothing. Data that is given short is judged on what there is, but a
 * header of other properties than xz's and the SDK's (0x5D: lc=3, lp=0, pb=2) needs 64 bytes.
 */
export function isLzma(buf: Uint8Array): boolean {
  if (!plausibleLzmaHeader(buf)) return false;
  let r: LzmaResult;
  try {
    r = decodeLzma(buf.subarray(0, LZMA_SNIFF_BYTES), TRIAL_OUTPUT, true);
  } catch (e) {
    if (e instanceof FormatError) return false;
    throw e;
  }
  if (buf.subarray(LZMA_HEADER_BYTES, LZMA_HEADER_BYTES + r.consumed).every((b) => b === 0)) return false;
  return r.status !== 'input' || buf[0] === 0x5d || r.consumed >= 64;
}

/**
 * Decodes LZMA-alone data to at most `limit` bytes. Whole (`partial` false): truncated data is a
 * FormatError, and so are bytes after the stream other than zeros (xz -d refuses any: a second
 * stream there would be read by nothing); a declared size over `limit` stops at once ('cap').
 * Partial (a sniff): running out of input or reaching `limit` is not a fault.
 */
export function decodeLzma(data: Uint8Array, limit: number, partial = false, progress: { produced: number } = { produced: 0 }): LzmaResult {
  const h = readLzmaHeader(data);
  if (!partial && h.size !== undefined && h.size > limit) return { out: Buffer.alloc(0), consumed: 0, status: 'cap' };
  const st = newLzmaState(h.lc, h.lp, h.pb, h.dictSize);
  // Sized for a usual ratio, grown by doubling: a few bytes declaring 256 MiB allocate little.
  const hard = h.size !== undefined ? Math.min(h.size, limit) : limit;
  const first = Buffer.allocUnsafe(Math.min(hard, Math.max(64 << 10, 8 * (data.length - LZMA_HEADER_BYTES))));
  const r = decodeStream(data, LZMA_HEADER_BYTES, st, first, 0, 0, h.size, limit, partial, progress);
  if (!partial && r.status === 'end') {
    const after = LZMA_HEADER_BYTES + r.consumed;
    for (let i = after; i < data.length; i++) if (data[i] !== 0) throw bad(`${data.length - after} bytes after the end of the stream, at offset ${after}, that are not zero padding`);
  }
  return { out: trimmed(r.out, r.pos), consumed: r.consumed, status: r.status };
}

/**
 * What an LZMA decoder keeps from one call to the next (LZMA2's chunks: lzma2.ts resets the
 * state, or gives new properties, only when a chunk's control byte says so).
 */
export interface LzmaState {
  lc: number;
  lp: number;
  pb: number;
  dictSize: number;
  probs: Uint16Array;
  state: number;
  rep0: number;
  rep1: number;
  rep2: number;
  rep3: number;
}

/** A decoder state at its start: every probability 1/2, state 0, the repeated distances 1. */
export function newLzmaState(lc: number, lp: number, pb: number, dictSize: number): LzmaState {
  return { lc, lp, pb, dictSize, probs: new Uint16Array(LITERAL + (0x300 << (lc + lp))).fill(1024), state: 0, rep0: 0, rep1: 0, rep2: 0, rep3: 0 };
}

/** Resets a state to its start (LZMA2's state reset), keeping its properties. */
export function resetLzmaState(st: LzmaState): void {
  st.probs.fill(1024);
  st.state = st.rep0 = st.rep1 = st.rep2 = st.rep3 = 0;
}

/** A decodeStream's result: the output buffer (possibly grown), how far it is written, the input read. */
export interface StreamResult {
  out: Buffer;
  pos: number;
  consumed: number;
  status: 'end' | 'cap' | 'input';
}

// Probability table layout (one Uint16Array): states x posStates, per-state bits, distance
// slots for 4 length states, the reverse trees of slots 4-13, align bits, the two length coders
// (choice, choice2, low and mid 3-bit trees per posState, high 8-bit tree), then the literals.
const IS_MATCH = 0;
const IS_REP = 192;
const IS_REP_G0 = 204;
const IS_REP_G1 = 216;
const IS_REP_G2 = 228;
const IS_REP0_LONG = 240;
const POS_SLOT = 432;
const SPEC_POS = 688;
const ALIGN = 803;
const LEN = 819;
const REP_LEN = 1333;
const LITERAL = 1847;
const LEN_MID = 130;
const LEN_HIGH = 258;
const TOP = 0x1000000;

/** Thrown from deep in the loop when the input ends; turned into a FormatError or 'input'. */
const OUT_OF_INPUT = new Error('lzma input ended');

/** `out` copied into a larger buffer (a pure function: a closure would move the loop's variables off registers). */
function grown(out: Buffer, pos: number, size: number): Buffer {
  const b = Buffer.allocUnsafe(size);
  b.set(out.subarray(0, pos));
  return b;
}

/**
 * The decoder proper: one loop, every bit decoded inline (range and code are unsigned 32-bit
 * values, kept so by `>>> 0`). Decodes the range-coded data at `buf[start..]` into `out` from
 * `pos` on, with the state `st` (left as the stream leaves it). `dictStart`: where the
 * dictionary starts in `out` (LZMA2's dictionary reset): matches reach no further back, and
 * positions count from it. `size`: the absolute position in `out` the stream declares it ends
 * at (undefined: it ends with an end marker); `limit`: the absolute position output stops at
 * ('cap'). `out` is grown (copied, by doubling) when it is shorter than needed.
 */
export function decodeStream(buf: Uint8Array, start: number, st: LzmaState, out: Buffer, pos: number, dictStart: number, size: number | undefined, limit: number, partial: boolean, progress: { produced: number }): StreamResult {
  const { lc, lp, pb, probs } = st;
  const known = size !== undefined;
  const hard = known ? Math.min(size, limit) : limit;
  const inEnd = buf.length;
  // LzmaDec and xz use at least 4 KiB whatever the header says.
  const dictMax = Math.max(st.dictSize, 4096);
  const lpMask = (1 << lp) - 1;
  const pbMask = (1 << pb) - 1;
  const lcShift = 8 - lc;
  const base = dictStart;
  let end = Math.min(out.length, hard);
  let ip = start;
  let state = st.state;
  let rep0 = st.rep0;
  let rep1 = st.rep1;
  let rep2 = st.rep2;
  let rep3 = st.rep3;
  try {
    if (ip + 5 > inEnd) throw OUT_OF_INPUT;
    if (buf[ip] !== 0) throw bad(`the range coder's first byte is ${buf[ip]}, not 0`);
    let code = ((buf[ip + 1] << 24) | (buf[ip + 2] << 16) | (buf[ip + 3] << 8) | buf[ip + 4]) >>> 0;
    ip += 5;
    let range = 0xffffffff;
    if (code === range) throw bad('the range coder starts with its code equal to its range');
    /** Only an end marker may come next: the output is at its limit or declared size. */
    let atLimit = false;
    let i = 0;
    let p = 0;
    let bound = 0;
    for (;;) {
      if (pos >= end) {
        if (end < hard) {
          out = grown(out, pos, Math.min(hard, 2 * out.length));
          end = Math.min(out.length, hard);
        } else if (known && pos === size && code === 0) {
          progress.produced = pos;
          return { out, pos, consumed: ip - start, status: 'end' };
        } else {
          atLimit = true;
        }
      }
      const posState = (pos - base) & pbMask;
      // is-match bit
      i = IS_MATCH + (state << 4) + posState;
      p = probs[i];
      bound = Math.imul(range >>> 11, p) >>> 0;
      if (code < bound) {
        range = bound;
        probs[i] = p + ((2048 - p) >>> 5);
        if (range < TOP) {
          if (ip >= inEnd) throw OUT_OF_INPUT;
          range = (range << 8) >>> 0;
          code = ((code << 8) | buf[ip++]) >>> 0;
        }
        // A literal.
        if (atLimit) return pastLimit(known, pos, size, out, ip - start, progress);
        const lit = LITERAL + 0x300 * ((((pos - base) & lpMask) << lc) + ((pos > base ? out[pos - 1] : 0) >>> lcShift));
        let sym = 1;
        if (state >= 7) {
          // After a match: the byte at rep0 steers the bits until one differs.
          let matchByte = out[pos - rep0 - 1];
          do {
            const matchBit = (matchByte >>> 7) & 1;
            matchByte <<= 1;
            i = lit + ((1 + matchBit) << 8) + sym;
            p = probs[i];
            bound = Math.imul(range >>> 11, p) >>> 0;
            let bit: number;
            if (code < bound) {
              range = bound;
              probs[i] = p + ((2048 - p) >>> 5);
              bit = 0;
            } else {
              range = (range - bound) >>> 0;
              code = (code - bound) >>> 0;
              probs[i] = p - (p >>> 5);
              bit = 1;
            }
            if (range < TOP) {
              if (ip >= inEnd) throw OUT_OF_INPUT;
              range = (range << 8) >>> 0;
              code = ((code << 8) | buf[ip++]) >>> 0;
            }
            sym = (sym << 1) | bit;
            if (matchBit !== bit) break;
          } while (sym < 0x100);
        }
        while (sym < 0x100) {
          i = lit + sym;
          p = probs[i];
          bound = Math.imul(range >>> 11, p) >>> 0;
          if (code < bound) {
            range = bound;
            probs[i] = p + ((2048 - p) >>> 5);
            sym <<= 1;
          } else {
            range = (range - bound) >>> 0;
            code = (code - bound) >>> 0;
            probs[i] = p - (p >>> 5);
            sym = (sym << 1) | 1;
          }
          if (range < TOP) {
            if (ip >= inEnd) throw OUT_OF_INPUT;
            range = (range << 8) >>> 0;
            code = ((code << 8) | buf[ip++]) >>> 0;
          }
        }
        out[pos++] = sym;
        state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
        continue;
      }
      range = (range - bound) >>> 0;
      code = (code - bound) >>> 0;
      probs[i] = p - (p >>> 5);
      if (range < TOP) {
        if (ip >= inEnd) throw OUT_OF_INPUT;
        range = (range << 8) >>> 0;
        code = ((code << 8) | buf[ip++]) >>> 0;
      }
      // is-rep bit
      i = IS_REP + state;
      p = probs[i];
      bound = Math.imul(range >>> 11, p) >>> 0;
      let lenBase: number;
      if (code < bound) {
        range = bound;
        probs[i] = p + ((2048 - p) >>> 5);
        if (range < TOP) {
          if (ip >= inEnd) throw OUT_OF_INPUT;
          range = (range << 8) >>> 0;
          code = ((code << 8) | buf[ip++]) >>> 0;
        }
        // A match: its distance follows its length.
        rep3 = rep2;
        rep2 = rep1;
        rep1 = rep0;
        state = state < 7 ? 7 : 10;
        lenBase = LEN;
      } else {
        range = (range - bound) >>> 0;
        code = (code - bound) >>> 0;
        probs[i] = p - (p >>> 5);
        if (range < TOP) {
          if (ip >= inEnd) throw OUT_OF_INPUT;
          range = (range << 8) >>> 0;
          code = ((code << 8) | buf[ip++]) >>> 0;
        }
        if (atLimit) return pastLimit(known, pos, size, out, ip - start, progress);
        if (pos === base) throw bad('a repeated match before any output');
        // rep0, or a short rep (one byte at rep0)
        i = IS_REP_G0 + state;
        p = probs[i];
        bound = Math.imul(range >>> 11, p) >>> 0;
        if (code < bound) {
          range = bound;
          probs[i] = p + ((2048 - p) >>> 5);
          if (range < TOP) {
            if (ip >= inEnd) throw OUT_OF_INPUT;
            range = (range << 8) >>> 0;
            code = ((code << 8) | buf[ip++]) >>> 0;
          }
          i = IS_REP0_LONG + (state << 4) + posState;
          p = probs[i];
          bound = Math.imul(range >>> 11, p) >>> 0;
          if (code < bound) {
            range = bound;
            probs[i] = p + ((2048 - p) >>> 5);
            if (range < TOP) {
              if (ip >= inEnd) throw OUT_OF_INPUT;
              range = (range << 8) >>> 0;
              code = ((code << 8) | buf[ip++]) >>> 0;
            }
            out[pos] = out[pos - rep0 - 1];
            pos++;
            state = state < 7 ? 9 : 11;
            continue;
          }
          range = (range - bound) >>> 0;
          code = (code - bound) >>> 0;
          probs[i] = p - (p >>> 5);
          if (range < TOP) {
            if (ip >= inEnd) throw OUT_OF_INPUT;
            range = (range << 8) >>> 0;
            code = ((code << 8) | buf[ip++]) >>> 0;
          }
        } else {
          range = (range - bound) >>> 0;
          code = (code - bound) >>> 0;
          probs[i] = p - (p >>> 5);
          if (range < TOP) {
            if (ip >= inEnd) throw OUT_OF_INPUT;
            range = (range << 8) >>> 0;
            code = ((code << 8) | buf[ip++]) >>> 0;
          }
          let dist: number;
          i = IS_REP_G1 + state;
          p = probs[i];
          bound = Math.imul(range >>> 11, p) >>> 0;
          if (code < bound) {
            range = bound;
            probs[i] = p + ((2048 - p) >>> 5);
            dist = rep1;
          } else {
            range = (range - bound) >>> 0;
            code = (code - bound) >>> 0;
            probs[i] = p - (p >>> 5);
            if (range < TOP) {
              if (ip >= inEnd) throw OUT_OF_INPUT;
              range = (range << 8) >>> 0;
              code = ((code << 8) | buf[ip++]) >>> 0;
            }
            i = IS_REP_G2 + state;
            p = probs[i];
            bound = Math.imul(range >>> 11, p) >>> 0;
            if (code < bound) {
              range = bound;
              probs[i] = p + ((2048 - p) >>> 5);
              dist = rep2;
            } else {
              range = (range - bound) >>> 0;
              code = (code - bound) >>> 0;
              probs[i] = p - (p >>> 5);
              dist = rep3;
              rep3 = rep2;
            }
            rep2 = rep1;
          }
          if (range < TOP) {
            if (ip >= inEnd) throw OUT_OF_INPUT;
            range = (range << 8) >>> 0;
            code = ((code << 8) | buf[ip++]) >>> 0;
          }
          rep1 = rep0;
          rep0 = dist;
        }
        state = state < 7 ? 8 : 11;
        lenBase = REP_LEN;
      }
      // The length: 0-7 (low tree), 8-15 (mid tree), 16-271 (high tree); 2 is added.
      let treeBase: number;
      let bits: number;
      let len: number;
      p = probs[lenBase];
      bound = Math.imul(range >>> 11, p) >>> 0;
      if (code < bound) {
        range = bound;
        probs[lenBase] = p + ((2048 - p) >>> 5);
        treeBase = lenBase + 2 + (posState << 3);
        bits = 3;
        len = 0;
      } else {
        range = (range - bound) >>> 0;
        code = (code - bound) >>> 0;
        probs[lenBase] = p - (p >>> 5);
        if (range < TOP) {
          if (ip >= inEnd) throw OUT_OF_INPUT;
          range = (range << 8) >>> 0;
          code = ((code << 8) | buf[ip++]) >>> 0;
        }
        p = probs[lenBase + 1];
        bound = Math.imul(range >>> 11, p) >>> 0;
        if (code < bound) {
          range = bound;
          probs[lenBase + 1] = p + ((2048 - p) >>> 5);
          treeBase = lenBase + LEN_MID + (posState << 3);
          bits = 3;
          len = 8;
        } else {
          range = (range - bound) >>> 0;
          code = (code - bound) >>> 0;
          probs[lenBase + 1] = p - (p >>> 5);
          treeBase = lenBase + LEN_HIGH;
          bits = 8;
          len = 16;
        }
      }
      if (range < TOP) {
        if (ip >= inEnd) throw OUT_OF_INPUT;
        range = (range << 8) >>> 0;
        code = ((code << 8) | buf[ip++]) >>> 0;
      }
      let sym = 1;
      for (let k = 0; k < bits; k++) {
        i = treeBase + sym;
        p = probs[i];
        bound = Math.imul(range >>> 11, p) >>> 0;
        if (code < bound) {
          range = bound;
          probs[i] = p + ((2048 - p) >>> 5);
          sym <<= 1;
        } else {
          range = (range - bound) >>> 0;
          code = (code - bound) >>> 0;
          probs[i] = p - (p >>> 5);
          sym = (sym << 1) | 1;
        }
        if (range < TOP) {
          if (ip >= inEnd) throw OUT_OF_INPUT;
          range = (range << 8) >>> 0;
          code = ((code << 8) | buf[ip++]) >>> 0;
        }
      }
      len += sym - (1 << bits);
      if (lenBase === LEN) {
        // The distance: a 6-bit slot (per length state), then its low bits.
        const slotBase = POS_SLOT + ((len < 3 ? len : 3) << 6);
        sym = 1;
        do {
          i = slotBase + sym;
          p = probs[i];
          bound = Math.imul(range >>> 11, p) >>> 0;
          if (code < bound) {
            range = bound;
            probs[i] = p + ((2048 - p) >>> 5);
            sym <<= 1;
          } else {
            range = (range - bound) >>> 0;
            code = (code - bound) >>> 0;
            probs[i] = p - (p >>> 5);
            sym = (sym << 1) | 1;
          }
          if (range < TOP) {
            if (ip >= inEnd) throw OUT_OF_INPUT;
            range = (range << 8) >>> 0;
            code = ((code << 8) | buf[ip++]) >>> 0;
          }
        } while (sym < 64);
        const slot = sym - 64;
        let dist = slot;
        if (slot >= 4) {
          const direct = (slot >>> 1) - 1;
          dist = (2 | (slot & 1)) * 2 ** direct;
          let revBase: number;
          let revBits: number;
          if (slot < 14) {
            revBase = SPEC_POS + dist - slot;
            revBits = direct;
          } else {
            // Direct bits at probability 1/2, then 4 align bits.
            let d = 0;
            for (let k = direct - 4; k > 0; k--) {
              range = range >>> 1;
              if (code >= range) {
                code = (code - range) >>> 0;
                d = d * 2 + 1;
              } else {
                d *= 2;
              }
              if (range < TOP) {
                if (ip >= inEnd) throw OUT_OF_INPUT;
                range = (range << 8) >>> 0;
                code = ((code << 8) | buf[ip++]) >>> 0;
              }
            }
            dist += d * 16;
            revBase = ALIGN;
            revBits = 4;
          }
          let m = 1;
          for (let k = 0; k < revBits; k++) {
            i = revBase + m;
            p = probs[i];
            bound = Math.imul(range >>> 11, p) >>> 0;
            if (code < bound) {
              range = bound;
              probs[i] = p + ((2048 - p) >>> 5);
              m <<= 1;
            } else {
              range = (range - bound) >>> 0;
              code = (code - bound) >>> 0;
              probs[i] = p - (p >>> 5);
              m = (m << 1) | 1;
              dist += 1 << k;
            }
            if (range < TOP) {
              if (ip >= inEnd) throw OUT_OF_INPUT;
              range = (range << 8) >>> 0;
              code = ((code << 8) | buf[ip++]) >>> 0;
            }
          }
        }
        if (dist === 0xffffffff) {
          // The end marker.
          if (code !== 0) throw bad(`range-coded data left after the end marker, at offset ${start + ip}`);
          if (known && pos !== size) throw bad(`an end marker after ${pos} bytes, before the declared size of ${size}`);
          progress.produced = pos;
          return { out, pos, consumed: ip - start, status: 'end' };
        }
        if (atLimit) return pastLimit(known, pos, size, out, ip - start, progress);
        if (dist >= pos - base) throw bad(`a match ${dist + 1} bytes back after only ${pos - base} bytes of output`);
        if (dist >= dictMax) throw bad(`a match ${dist + 1} bytes back, beyond the ${st.dictSize}-byte dictionary`);
        rep0 = dist;
      }
      len += 2;
      if (pos + len > end) {
        if (end < hard) {
          out = grown(out, pos, Math.min(hard, Math.max(2 * out.length, pos + len)));
          end = Math.min(out.length, hard);
        }
        if (pos + len > end) {
          if (known && end === size) throw bad(`a match runs past the declared size of ${size} bytes`);
          // Past the limit: what fits of the match, so that the output is whole up to it.
          for (let from = pos - rep0 - 1; pos < end; ) out[pos++] = out[from++];
          progress.produced = pos;
          return { out, pos, consumed: ip - start, status: 'cap' };
        }
      }
      let from = pos - rep0 - 1;
      if (len > 16 && rep0 >= len) {
        out.copyWithin(pos, from, from + len);
        pos += len;
      } else {
        const stop = pos + len;
        while (pos < stop) out[pos++] = out[from++];
      }
    }
  } catch (e) {
    progress.produced = pos;
    if (e !== OUT_OF_INPUT) throw e;
    if (partial) return { out, pos, consumed: ip - start, status: 'input' };
    throw bad(`truncated: the data ends after ${pos} bytes of output, before the stream does`);
  } finally {
    st.state = state;
    st.rep0 = rep0;
    st.rep1 = rep1;
    st.rep2 = rep2;
    st.rep3 = rep3;
  }
}

/** A symbol other than the end marker where only it may come: past the declared size (a fault), or past the limit. */
function pastLimit(known: boolean, pos: number, size: number | undefined, out: Buffer, consumed: number, progress: { produced: number }): StreamResult {
  progress.produced = pos;
  if (known && pos === size) throw bad(`data continues past the declared size of ${size} bytes`);
  return { out, pos, consumed, status: 'cap' };
}

/** The first `n` bytes; copied when the buffer grown for them is much larger, so that it is not held. */
function trimmed(out: Buffer, n: number): Buffer {
  return out.length - n > (1 << 20) && out.length - n > n >> 2 ? Buffer.from(out.subarray(0, n)) : out.subarray(0, n);
}

/** The dictionary size an LZMA2 properties byte (xz's and 7-Zip's) stands for: 4 KiB to 4 GiB - 1. */
export function lzma2DictSize(b: number): number {
  if (b > 40) throw new FormatError('lzma2', `dictionary size byte ${b} is over 40`);
  return b === 40 ? 0xffffffff : (2 | (b & 1)) * 2 ** (Math.floor(b / 2) + 11);
}

/**
 * Decodes LZMA2 data (7-Zip's coder 21, xz's filter) after xz's lzma2_decoder and the SDK's
 * Lzma2Dec: chunks, each with a control byte: 0 ends the data; 1 and 2 are a stored chunk (with a
 * dictionary reset, without); 0x80-0xFF an LZMA chunk whose bits 5-6 say what is reset first
 * (nothing, the state, the state and new properties, all and the dictionary). The first chunk
 * resets the dictionary, the first LZMA chunk after a dictionary reset gives properties. An LZMA
 * chunk's range coder starts afresh and must use exactly its packed size and give exactly its
 * unpacked size; the decoder state (probabilities, state, distances) goes on from the chunk
 * before unless reset. Output stops at `limit` ('cap'); `out` is allocated at
 * min(`expected`, `limit`) bytes (the caller's declared size, charged before), grown if the data
 * gives more. A fault is a FormatError ('lzma2' or 'lzma').
 */
export function decodeLzma2(data: Uint8Array, dictByte: number, expected: number, limit: number, progress: { produced: number } = { produced: 0 }): { out: Buffer; status: 'end' | 'cap' } {
  const dictSize = lzma2DictSize(dictByte);
  const bad2 = (why: string, at: number): FormatError => new FormatError('lzma2', `${why}, at offset ${at} of the packed data`);
  let out: Buffer = Buffer.allocUnsafe(Math.min(expected, limit));
  let pos = 0;
  let ip = 0;
  let dictStart = 0;
  let needDict = true;
  let needProps = true;
  let st: LzmaState | undefined;
  const room = (n: number): void => {
    if (pos + n > out.length) out = grown(out, pos, Math.min(limit, Math.max(2 * out.length, pos + n)));
  };
  for (;;) {
    if (ip >= data.length) throw bad2('truncated: the data ends before its end chunk', ip);
    const at = ip;
    const c = data[ip++];
    if (c === 0) break;
    if (c > 2 && c < 0x80) throw bad2(`chunk control byte 0x${c.toString(16)} is invalid`, at);
    if (c === 1 || c >= 0xe0) {
      dictStart = pos;
      needDict = false;
      needProps = true;
    } else if (needDict) {
      throw bad2(`the first chunk (control byte 0x${c.toString(16)}) does not reset the dictionary`, at);
    }
    if (c < 0x80) {
      if (ip + 2 > data.length) throw bad2('truncated chunk header', at);
      const size = ((data[ip] << 8) | data[ip + 1]) + 1;
      ip += 2;
      if (ip + size > data.length) throw bad2(`truncated: a stored chunk of ${size} bytes runs past the end`, at);
      const n = Math.min(size, limit - pos);
      room(n);
      out.set(data.subarray(ip, ip + n), pos);
      pos += n;
      progress.produced = pos;
      if (n < size) return { out: out.subarray(0, pos), status: 'cap' };
      ip += size;
      continue;
    }
    if (ip + 4 > data.length) throw bad2('truncated chunk header', at);
    const unpacked = (c & 0x1f) * 65536 + ((data[ip] << 8) | data[ip + 1]) + 1;
    const packed = ((data[ip + 2] << 8) | data[ip + 3]) + 1;
    ip += 4;
    if (c >= 0xc0) {
      if (ip >= data.length) throw bad2('truncated chunk header', at);
      const props = data[ip++];
      if (props >= 225) throw bad2(`properties byte ${props} is not below 225`, ip - 1);
      const lc = props % 9;
      const lp = Math.floor(props / 9) % 5;
      const pb = Math.floor(props / 45);
      if (lc + lp > 4) throw bad2(`properties lc=${lc} lp=${lp}: LZMA2 allows lc + lp of 4 at most`, ip - 1);
      if (st && st.lc === lc && st.lp === lp) {
        st.pb = pb;
        resetLzmaState(st);
      } else {
        st = newLzmaState(lc, lp, pb, dictSize);
      }
      needProps = false;
    } else if (needProps || !st) {
      throw bad2(`an LZMA chunk (control byte 0x${c.toString(16)}) without properties after a dictionary reset`, at);
    } else if (c >= 0xa0) {
      resetLzmaState(st);
    }
    if (ip + packed > data.length) throw bad2(`truncated: an LZMA chunk of ${packed} packed bytes runs past the end`, at);
    room(Math.min(unpacked, limit - pos));
    const r = decodeStream(data.subarray(ip, ip + packed), 0, st, out, pos, dictStart, pos + unpacked, limit, false, progress);
    out = r.out;
    if (r.status === 'cap') return { out: out.subarray(0, r.pos), status: 'cap' };
    if (r.pos !== pos + unpacked) throw bad2(`an LZMA chunk gave ${r.pos - pos} bytes, not its ${unpacked}`, at);
    if (r.consumed !== packed) throw bad2(`an LZMA chunk's range coder used ${r.consumed} of its ${packed} packed bytes`, at);
    pos += unpacked;
    ip += packed;
  }
  progress.produced = pos;
  return { out: out.subarray(0, pos), status: 'end' };
}

/**
 * Decodes raw LZMA data (7-Zip's coder 030101: a 5-byte properties blob, then the range-coded
 * data with no header) of a declared `size`, to at most `limit` bytes. 7-Zip may end it with an
 * end marker as well (-m0=LZMA:eos). Bytes after the stream are left to the caller.
 */
export function decodeLzmaRaw(props: Uint8Array, data: Uint8Array, size: number, limit: number, progress: { produced: number } = { produced: 0 }): { out: Buffer; status: 'end' | 'cap' } {
  if (props.length < 5) throw bad(`coder properties of ${props.length} bytes, not 5`);
  if (props[0] >= 225) throw bad(`properties byte ${props[0]} is not below 225 (lc, lp and pb out of range)`);
  const lc = props[0] % 9;
  const rest = Math.floor(props[0] / 9);
  const dictSize = (props[1] | (props[2] << 8) | (props[3] << 16) | (props[4] << 24)) >>> 0;
  const st = newLzmaState(lc, rest % 5, Math.floor(rest / 5), dictSize);
  const r = decodeStream(data, 0, st, Buffer.allocUnsafe(Math.min(size, limit)), 0, 0, size, limit, false, progress);
  return { out: r.out.subarray(0, r.pos), status: r.status === 'end' ? 'end' : 'cap' };
}
