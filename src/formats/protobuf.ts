/**
 * A minimal protobuf wire-format reader: enough for the OTA `DeltaArchiveManifest`. Fields are
 * returned in order with their wire type; varints are decoded exactly up to 2^53 (larger values
 * are an error: no OTA offset or size needs more). Every length is checked against its buffer.
 */
import { FormatError } from './errors.js';

export type PbValue = { field: number; wire: 0; value: number } | { field: number; wire: 2; value: Buffer } | { field: number; wire: 1 | 5; value: Buffer };

export function readVarint(buf: Buffer, pos: number): [number, number] {
  let result = 0;
  let mul = 1;
  for (let i = 0; i < 10; i++) {
    if (pos >= buf.length) throw new FormatError('protobuf', 'truncated varint', pos);
    const b = buf[pos++];
    result += (b & 0x7f) * mul;
    if ((b & 0x80) === 0) {
      if (!Number.isSafeInteger(result)) throw new FormatError('protobuf', 'varint beyond 2^53', pos);
      return [result, pos];
    }
    mul *= 128;
  }
  throw new FormatError('protobuf', 'varint longer than 10 bytes', pos);
}

/** Every field of one message, in wire order. */
export function decodeMessage(buf: Buffer): PbValue[] {
  const out: PbValue[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const [key, p1] = readVarint(buf, pos);
    const field = Math.floor(key / 8);
    const wire = key & 7;
    if (field === 0) throw new FormatError('protobuf', 'field number 0', pos);
    pos = p1;
    switch (wire) {
      case 0: {
        const [v, p2] = readVarint(buf, pos);
        out.push({ field, wire, value: v });
        pos = p2;
        break;
      }
      case 1:
      case 5: {
        const n = wire === 1 ? 8 : 4;
        if (pos + n > buf.length) throw new FormatError('protobuf', `truncated fixed${n * 8} field ${field}`, pos);
        out.push({ field, wire, value: buf.subarray(pos, pos + n) });
        pos += n;
        break;
      }
      case 2: {
        const [len, p2] = readVarint(buf, pos);
        if (p2 + len > buf.length) throw new FormatError('protobuf', `field ${field} (${len} bytes) overflows its message`, pos);
        out.push({ field, wire, value: buf.subarray(p2, p2 + len) });
        pos = p2 + len;
        break;
      }
      default:
        throw new FormatError('protobuf', `unsupported wire type ${wire} for field ${field}`, pos);
    }
  }
  return out;
}

export function pbUint(fields: PbValue[], field: number): number | undefined {
  let v: number | undefined;
  for (const f of fields) if (f.field === field && f.wire === 0) v = f.value;
  return v;
}

export function pbBytes(fields: PbValue[], field: number): Buffer | undefined {
  let v: Buffer | undefined;
  for (const f of fields) if (f.field === field && f.wire === 2) v = f.value;
  return v;
}

export function pbRepeated(fields: PbValue[], field: number): Buffer[] {
  const out: Buffer[] = [];
  for (const f of fields) if (f.field === field && f.wire === 2) out.push(f.value);
  return out;
}
