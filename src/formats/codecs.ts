/**
 * The OTA payload codecs, loaded only when an operation needs one (dynamic import): xz
 * (`xz-decompress`, WebAssembly), bzip2 (`seek-bzip`, pure JS) and zstd (`fzstd`, pure JS;
 * Node 20's zlib has no zstd). Each call must produce exactly `expected` bytes.
 */
import { FormatError } from './errors.js';

interface XzModule {
  XzReadableStream: new (s: ReadableStream<Uint8Array>) => ReadableStream<Uint8Array>;
}
interface BzModule {
  decode(input: Buffer, output?: Buffer | number, multistream?: boolean): Buffer;
}
interface ZstdModule {
  decompress(data: Uint8Array, out?: Uint8Array): Uint8Array;
}

let xz: Promise<XzModule> | undefined;
let bz: Promise<BzModule> | undefined;
let zstd: Promise<ZstdModule> | undefined;

function pick<T>(m: unknown, key: string): T {
  const mod = m as Record<string, unknown>;
  if (mod && key in mod) return mod as T;
  const d = mod?.default as Record<string, unknown> | undefined;
  if (d && key in d) return d as T;
  throw new Error(`codec module lacks ${key}`);
}

function check(format: string, got: number, expected: number): void {
  if (got !== expected) throw new FormatError('payload', `${format} data decompressed to ${got} bytes, expected ${expected}`);
}

export async function decompressXz(data: Buffer, expected: number): Promise<Buffer> {
  xz ??= import('xz-decompress').then((m) => pick<XzModule>(m, 'XzReadableStream'));
  const { XzReadableStream } = await xz;
  const reader = new XzReadableStream(new Blob([data]).stream()).getReader();
  const out = Buffer.allocUnsafe(expected);
  let n = 0;
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) break;
      if (n + value.length > expected) {
        await reader.cancel();
        throw new FormatError('payload', `xz data decompresses to more than the expected ${expected} bytes`);
      }
      out.set(value, n);
      n += value.length;
    }
  } catch (e) {
    if (e instanceof FormatError) throw e;
    throw new FormatError('payload', `corrupt xz data: ${(e as Error).message ?? String(e)}`);
  }
  check('xz', n, expected);
  return out;
}

export async function decompressBzip2(data: Buffer, expected: number): Promise<Buffer> {
  bz ??= import('seek-bzip').then((m) => pick<BzModule>(m, 'decode'));
  const mod = await bz;
  let out: Buffer;
  // seek-bzip allocates with the deprecated `new Buffer()`; once bundled it is no longer under
  // node_modules, so Node would print DEP0005 to the user. The call is synchronous: silence
  // deprecation warnings for its duration only.
  const quiet = process.noDeprecation;
  process.noDeprecation = true;
  try {
    out = mod.decode(data, expected, true);
  } catch (e) {
    throw new FormatError('payload', `corrupt bzip2 data: ${(e as Error).message ?? String(e)}`);
  } finally {
    process.noDeprecation = quiet;
  }
  check('bzip2', out.length, expected);
  return Buffer.from(out.buffer, out.byteOffset, out.length);
}

export async function decompressZstd(data: Buffer, expected: number): Promise<Buffer> {
  zstd ??= import('fzstd').then((m) => pick<ZstdModule>(m, 'decompress'));
  const mod = await zstd;
  let out: Uint8Array;
  try {
    out = mod.decompress(data);
  } catch (e) {
    throw new FormatError('payload', `corrupt zstd data: ${(e as Error).message ?? String(e)}`);
  }
  check('zstd', out.length, expected);
  return Buffer.from(out.buffer, out.byteOffset, out.length);
}
