/**
 * The branch-call-jump (BCJ) filters' decoders, after the LZMA SDK's Bra86.c and Bra.c (x86, ARM,
 * ARM Thumb, PowerPC, SPARC) and xz's arm64.c (ARM64, the same filter as 7-Zip's): an encoder
 * turned the relative addresses of calls and jumps into absolute ones, so that a call to one
 * function repeats and compresses; the decoder turns them back. Each works in place on a whole
 * buffer (the start of the stream at position 0, as 7-Zip writes it with no start offset), and
 * leaves the last few bytes that cannot hold a whole instruction as they are, as the filters do at
 * the end of a stream.
 */

const u32le = (b: Uint8Array, i: number): number => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

function put32le(b: Uint8Array, i: number, v: number): void {
  b[i] = v;
  b[i + 1] = v >>> 8;
  b[i + 2] = v >>> 16;
  b[i + 3] = v >>> 24;
}

const MASK_TO_ALLOWED = [true, true, true, false, true, false, false, false];
const MASK_TO_BIT_NUMBER = [0, 1, 2, 2, 3, 3, 3, 3];
const test86MSByte = (b: number): boolean => b === 0 || b === 0xff;

/** x86 (7-Zip's BCJ, coder 03030103): E8 (call) and E9 (jmp) rel32 operands. */
export function x86Decode(data: Uint8Array): void {
  const size = data.length;
  if (size < 5) return;
  const ip = 5;
  let prevMask = 0;
  let prevPos = -1;
  let pos = 0;
  const limit = size - 4;
  for (;;) {
    while (pos < limit && (data[pos] & 0xfe) !== 0xe8) pos++;
    if (pos >= limit) break;
    const gap = pos - prevPos;
    if (gap > 3) {
      prevMask = 0;
    } else {
      prevMask = (prevMask << (gap - 1)) & 7;
      if (prevMask !== 0) {
        const b = data[pos + 4 - MASK_TO_BIT_NUMBER[prevMask]];
        if (!MASK_TO_ALLOWED[prevMask] || test86MSByte(b)) {
          prevPos = pos;
          prevMask = ((prevMask << 1) & 7) | 1;
          pos++;
          continue;
        }
      }
    }
    prevPos = pos;
    if (test86MSByte(data[pos + 4])) {
      let src = u32le(data, pos + 1);
      let dest: number;
      for (;;) {
        dest = (src - (ip + pos)) >>> 0;
        if (prevMask === 0) break;
        const index = MASK_TO_BIT_NUMBER[prevMask] * 8;
        const b = (dest >>> (24 - index)) & 0xff;
        if (!test86MSByte(b)) break;
        src = (dest ^ (2 ** (32 - index) - 1)) >>> 0;
      }
      dest = ((dest & 0x00ffffff) | ((dest >>> 24) & 1 ? 0xff000000 : 0)) >>> 0;
      put32le(data, pos + 1, dest);
      pos += 5;
    } else {
      prevMask = ((prevMask << 1) & 7) | 1;
      pos++;
    }
  }
}

/** ARM (little-endian, coder 03030501): BL instructions (0xEB in the top byte), 24-bit word offsets. */
export function armDecode(data: Uint8Array): void {
  for (let i = 0; i + 4 <= data.length; i += 4) {
    if (data[i + 3] !== 0xeb) continue;
    const src = ((data[i + 2] << 16) | (data[i + 1] << 8) | data[i]) * 4;
    const dest = ((src - (i + 8)) >>> 2) & 0xffffff;
    data[i] = dest;
    data[i + 1] = dest >>> 8;
    data[i + 2] = dest >>> 16;
  }
}

/** ARM Thumb (coder 03030701): BL instruction pairs (F000 F800), 22-bit halfword offsets. */
export function armtDecode(data: Uint8Array): void {
  for (let i = 0; i + 4 <= data.length; i += 2) {
    if ((data[i + 1] & 0xf8) !== 0xf0 || (data[i + 3] & 0xf8) !== 0xf8) continue;
    const src = (((data[i + 1] & 7) << 19) | (data[i] << 11) | ((data[i + 3] & 7) << 8) | data[i + 2]) * 2;
    const dest = (src - (i + 4)) >>> 1;
    data[i + 1] = 0xf0 | ((dest >>> 19) & 7);
    data[i] = dest >>> 11;
    data[i + 3] = 0xf8 | ((dest >>> 8) & 7);
    data[i + 2] = dest;
    i += 2;
  }
}

/** PowerPC (big-endian, coder 03030205): `bl` (opcode 18 with AA=0, LK=1). */
export function ppcDecode(data: Uint8Array): void {
  for (let i = 0; i + 4 <= data.length; i += 4) {
    if (data[i] >>> 2 !== 0x12 || (data[i + 3] & 3) !== 1) continue;
    const src = ((data[i] & 3) << 24) | (data[i + 1] << 16) | (data[i + 2] << 8) | (data[i + 3] & ~3 & 0xff);
    const dest = (src - i) >>> 0;
    data[i] = 0x48 | ((dest >>> 24) & 3);
    data[i + 1] = dest >>> 16;
    data[i + 2] = dest >>> 8;
    data[i + 3] = (data[i + 3] & 3) | (dest & 0xfc);
  }
}

/** SPARC (coder 03030805): `call` instructions. */
export function sparcDecode(data: Uint8Array): void {
  for (let i = 0; i + 4 <= data.length; i += 4) {
    const b0 = data[i];
    const b1 = data[i + 1];
    if (!((b0 === 0x40 && (b1 & 0xc0) === 0) || (b0 === 0x7f && (b1 & 0xc0) === 0xc0))) continue;
    const src = (((b0 << 24) | (b1 << 16) | (data[i + 2] << 8) | data[i + 3]) >>> 0) * 4;
    let dest = ((src - i) >>> 0) >>> 2;
    dest = ((((0 - ((dest >>> 22) & 1)) << 22) & 0x3fffffff) | (dest & 0x3fffff) | 0x40000000) >>> 0;
    data[i] = dest >>> 24;
    data[i + 1] = dest >>> 16;
    data[i + 2] = dest >>> 8;
    data[i + 3] = dest;
  }
}

/** ARM64 (coder 0A): BL and ADRP instructions. */
export function arm64Decode(data: Uint8Array): void {
  for (let i = 0; i + 4 <= data.length; i += 4) {
    let instr = u32le(data, i);
    if (instr >>> 26 === 0x25) {
      const pc = (0 - (i >>> 2)) >>> 0;
      instr = (0x94000000 | ((instr + pc) & 0x03ffffff)) >>> 0;
      put32le(data, i, instr);
    } else if (((instr & 0x9f000000) >>> 0) === 0x90000000) {
      const src = ((instr >>> 29) & 3) | ((instr >>> 3) & 0x001ffffc);
      if ((src + 0x00020000) & 0x001c0000) continue;
      const pc = (0 - (i >>> 12)) >>> 0;
      const dest = (src + pc) >>> 0;
      instr = (instr & 0x9000001f) >>> 0;
      instr |= (dest & 3) << 29;
      instr |= (dest & 0x0003fffc) << 3;
      instr |= (0 - (dest & 0x00020000)) & 0x00e00000;
      put32le(data, i, instr >>> 0);
    }
  }
}
