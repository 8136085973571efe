/**
 * The 7z reader (src/formats/sevenzip.ts) on archives made by Debian's 7z (7-Zip 26, package
 * p7zip-full; committed by scripts/fixtures/build-sevenzip.sh, each beside its `7z l -slt`
 * listing): every way they store the same tree (LZMA2 solid, LZMA a folder per file, Copy, a
 * packed header, the BCJ filters) lists what 7z lists, names, sizes and CRCs, and every file
 * decodes to bytes whose CRC is 7z's. Archives made at run time (when 7z is installed) take
 * LZMA2 through its chunk kinds; a coder it does not decode is named; hostile headers fail as
 * FormatErrors.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import { FormatError } from '../../src/formats/errors.js';
import { checkEntryCrc, coderProblem, decodeFolder, isSevenZip, openSevenZip, type SevenZipArchive } from '../../src/formats/sevenzip.js';
import { decodeLzma2 } from '../../src/formats/lzma.js';
import { BufferSource } from '../../src/io/source.js';
import { haveTools } from '../containers/helpers.js';
import { tempDir } from '../helpers/temp.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'sevenzip');
const READABLE = ['lzma2', 'lzma', 'copy', 'hc', 'bcj-x86', 'bcj-arm', 'bcj-armt', 'bcj-arm64', 'bcj-ppc', 'bcj-sparc', 'deflate', 'delta'];
const OPTS = { maxHeaderBytes: 1 << 20 };

interface SltItem {
  path: string;
  size: number;
  crc?: number;
  dir: boolean;
  method: string;
}

/** `7z l -slt`'s items (the blocks after the `----------` line). */
function slt(name: string): SltItem[] {
  const text = readFileSync(join(FIXTURES, `${name}.slt.txt`), 'utf8');
  return text
    .split(/\n\n+/)
    .map((block) => Object.fromEntries(block.split('\n').flatMap((l) => (/^([A-Za-z ]+) = (.*)$/.exec(l) ? [[RegExp.$1, RegExp.$2]] : []))) as Record<string, string>)
    .filter((r) => r.Path !== undefined)
    .map((r) => ({ path: r.Path, size: Number(r.Size), ...(r.CRC ? { crc: parseInt(r.CRC, 16) } : {}), dir: r.Attributes.startsWith('D'), method: r.Method }));
}

/** Every file's bytes, decoding each folder once (at most `limit` bytes). */
async function readAllFiles(buf: Buffer, a: SevenZipArchive, limit = 1 << 30): Promise<Map<string, Buffer>> {
  const src = new BufferSource(buf);
  const out = new Map<string, Buffer>();
  const decoded = new Map<number, Buffer>();
  for (const e of a.entries) {
    if (e.kind !== 'file') continue;
    if (e.folder === undefined) {
      out.set(e.name, Buffer.alloc(0));
      continue;
    }
    if (!decoded.has(e.folder)) decoded.set(e.folder, await decodeFolder(src, a.folders[e.folder], limit));
    const data = decoded.get(e.folder)!.subarray(e.offset!, e.offset! + e.size);
    checkEntryCrc(e, data);
    out.set(e.name, data);
  }
  return out;
}

async function formatError(p: Promise<unknown>): Promise<FormatError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FormatError) return e;
    throw e;
  }
  throw new Error('no FormatError');
}

describe('7z archives made by 7z', () => {
  it.each(READABLE)('%s.7z: lists what 7z l -slt lists (names, sizes, directories, CRCs), and every file decodes to 7z\'s CRC', async (name) => {
    const buf = readFileSync(join(FIXTURES, `${name}.7z`));
    expect(isSevenZip(buf)).toBe(true);
    const a = await openSevenZip(new BufferSource(buf), OPTS);
    const expected = slt(name);
    expect(a.entries.map((e) => ({ path: e.name, size: e.size, dir: e.kind === 'dir' })).sort((x, y) => (x.path < y.path ? -1 : 1))).toEqual(
      expected.map((i) => ({ path: i.path, size: i.size, dir: i.dir })).sort((x, y) => (x.path < y.path ? -1 : 1)),
    );
    const files = await readAllFiles(buf, a);
    for (const i of expected.filter((x) => !x.dir)) {
      expect(files.get(i.path)?.length).toBe(i.size);
      if (i.crc !== undefined) expect(crc32(files.get(i.path)!)).toBe(i.crc);
    }
    expect(files.get('vendor/etc/reg.conf')!.toString()).toContain('zzhc.vnet.cn');
    expect(files.get('vendor/app/Foo/Foo.apk')).toEqual(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'apks', 'autoregistration-cn.apk')));
  });

  it.each(['deflate', 'delta'])('%s.7z: a folder decoded to a limit gives the prefix of its whole output', async (name) => {
    const buf = readFileSync(join(FIXTURES, `${name}.7z`));
    const a = await openSevenZip(new BufferSource(buf), OPTS);
    const src = new BufferSource(buf);
    // The coders 7z says it used (Deflate; Delta:4 before LZMA2), and for each folder a prefix.
    expect(a.folders.flatMap((f) => f.coders.map((c) => c.id))).toContain(name === 'deflate' ? '040108' : '03');
    for (const f of a.folders) {
      const whole = await decodeFolder(src, f, 1 << 30);
      for (const limit of [1, 4096, whole.length - 1]) expect((await decodeFolder(src, f, limit)).equals(whole.subarray(0, limit))).toBe(true);
    }
  });

  it('the folders are what 7z says: one solid folder for -ms=on, one per file for -ms=off, two coders (filter, LZMA2) for -mf', async () => {
    const open = async (n: string): Promise<SevenZipArchive> => openSevenZip(new BufferSource(readFileSync(join(FIXTURES, `${n}.7z`))), OPTS);
    // 7z puts an ELF (libreg.so) in a folder of its own behind the x86 BCJ filter unasked.
    expect((await open('lzma2')).folders.map((f) => f.coders.map((c) => c.id))).toEqual([['21'], ['21', '03030103']]);
    expect((await open('lzma')).folders.map((f) => f.coders.map((c) => c.id))).toEqual([['030101'], ['030101'], ['030101'], ['030101', '03030103']]);
    expect(slt('lzma').filter((i) => !i.dir && i.size > 0).map((i) => i.method)).toEqual(['LZMA:14', 'LZMA:14', 'LZMA:14', 'BCJ LZMA:14']);
    expect((await open('bcj-arm64')).folders.map((f) => f.coders.map((c) => c.id).sort())).toEqual([['0a', '21']]);
    expect(slt('bcj-arm64').find((i) => i.path.endsWith('Foo.apk'))?.method).toMatch(/^ARM64 LZMA2/);
  });

  it('PPMd: listed, and its folder is unreadable naming the coder; an encrypted header names AES', async () => {
    const buf = readFileSync(join(FIXTURES, 'ppmd.7z'));
    const a = await openSevenZip(new BufferSource(buf), OPTS);
    expect(a.entries.filter((e) => e.kind === 'file').map((e) => e.name)).toContain('vendor/app/Foo/Foo.apk');
    expect(slt('ppmd').find((i) => i.path.endsWith('Foo.apk'))?.method).toMatch(/^PPMD/);
    expect(coderProblem(a.folders[0])).toBe('coder PPMd (030401)');
    expect((await formatError(decodeFolder(new BufferSource(buf), a.folders[0], 1 << 20))).reason).toBe('unreadable: coder PPMd (030401), which this reader does not decode');
    const aes = await formatError(openSevenZip(new BufferSource(readFileSync(join(FIXTURES, 'aes-header.7z'))), OPTS));
    expect(aes.reason).toBe('the header is packed with coder AES-256 encryption (06f10701): encrypted, its key is not known');
  });

  it('a changed byte of a stored file: a CRC mismatch naming the file', async () => {
    const buf = readFileSync(join(FIXTURES, 'bad-crc.7z'));
    const e = await formatError(readAllFiles(buf, await openSevenZip(new BufferSource(buf), OPTS)));
    const at = buf.indexOf('% activation\nserver=');
    const got = crc32(buf.subarray(at, at + 62)).toString(16).padStart(8, '0');
    expect(slt('bad-crc').find((i) => i.path === 'vendor/etc/reg.conf')?.crc).toBe(0x059369ff);
    expect(e.reason).toBe(`CRC mismatch in "vendor/etc/reg.conf": its data gives 0x${got}, the archive records 0x059369ff`);
  });

  it.each(['lzma2', 'lzma', 'bcj-arm64'])('%s.7z: a folder decoded only to a cap gives exactly its first bytes, wherever the cap cuts (a match across it too)', async (name) => {
    const buf = readFileSync(join(FIXTURES, `${name}.7z`));
    const a = await openSevenZip(new BufferSource(buf), OPTS);
    const f = a.folders[0];
    const whole = await decodeFolder(new BufferSource(buf), f, 1 << 30);
    for (let cap = 1; cap < whole.length; cap = Math.ceil(cap * 1.37) + 1) {
      const part = await decodeFolder(new BufferSource(buf), f, cap);
      // A BCJ filter leaves the last few bytes before a cut as they are (the instruction runs past it).
      const exact = f.coders.length > 1 ? Math.max(0, cap - 16) : cap;
      expect(part.length).toBe(cap);
      expect(part.subarray(0, exact).equals(whole.subarray(0, exact))).toBe(true);
    }
  });
});

describe('hostile 7z headers', () => {
  const base = readFileSync(join(FIXTURES, 'lzma2.7z'));
  const nextAt = 32 + Number(base.readBigUInt64LE(12));
  /** lzma2.7z with its end header replaced (and the start header's fields and CRC made right). */
  function withHeader(header: Buffer): Buffer {
    const b = Buffer.concat([base.subarray(0, nextAt), header]);
    b.writeBigUInt64LE(BigInt(header.length), 20);
    b.writeUInt32LE(crc32(header), 28);
    b.writeUInt32LE(crc32(b.subarray(12, 32)), 8);
    return b;
  }

  it('a start header whose CRC is wrong, an end header past the file, a header over the cap', async () => {
    const b = Buffer.from(base);
    b[13] ^= 1;
    expect((await formatError(openSevenZip(new BufferSource(b), OPTS))).reason).toMatch(/^the start header's CRC is/);
    const cut = base.subarray(0, base.length - 10);
    expect((await formatError(openSevenZip(new BufferSource(cut), OPTS))).reason).toMatch(/runs past the end of the \d+-byte file \(truncated\)/);
    expect((await formatError(openSevenZip(new BufferSource(base), { maxHeaderBytes: 16 }))).reason).toMatch(/larger than the 16-byte cap/);
  });

  it('counts no header can hold are refused before anything is allocated for them', async () => {
    // kHeader, kMainStreamsInfo, kPackInfo, packPos 0, 2^40 pack streams.
    const many = withHeader(Buffer.from([0x01, 0x04, 0x06, 0x00, 0xf8, 0, 0, 0, 0, 1, 0, 0, 0, 0]));
    expect((await formatError(openSevenZip(new BufferSource(many), OPTS))).reason).toMatch(/declares 4294967296 pack streams, more than its \d+ remaining bytes can hold/);
    // kHeader, kFilesInfo, 2^30 files.
    const files = withHeader(Buffer.from([0x01, 0x05, 0xe0 | 0x00, 0, 0, 0x40, 0x00]));
    expect((await formatError(openSevenZip(new BufferSource(files), OPTS))).reason).toMatch(/declares \d+ files/);
    // A pack stream of 2^50 bytes.
    const big = withHeader(Buffer.from([0x01, 0x04, 0x06, 0x00, 0x01, 0x09, 0xfe, 0, 0, 0, 0, 0, 0, 0x04, 0x00, 0x00, 0x00]));
    expect((await formatError(openSevenZip(new BufferSource(big), OPTS))).reason).toMatch(/run past the end of the \d+-byte file/);
  });
});

const withTool = haveTools('7z') ? describe : describe.skip;

withTool('LZMA2 through its chunk kinds (archives made by 7z at run time)', () => {
  it('compressible and random parts (LZMA chunks continuing and resetting state, stored chunks) and multi-block LZMA2 (dictionary resets): the bytes 7z x gives', async () => {
    const dir = tempDir('ag-7z-chunks-');
    const tree = join(dir, 'tree');
    mkdirSync(tree);
    // 3 MiB: text, random bytes (stored chunks), text again (an LZMA chunk after a stored one).
    let seed = 1;
    const rand = Buffer.alloc(600 << 10);
    for (let i = 0; i < rand.length; i++) rand[i] = (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
    const text = Buffer.from(Array.from({ length: 40000 }, (_, i) => `line ${i}: http://reg${i % 13}.example.cn/r?imei=${(i * 7919) % 100003}\n`).join(''));
    writeFileSync(join(tree, 'mixed.bin'), Buffer.concat([text, rand, text, rand.subarray(0, 1000), text]));
    writeFileSync(join(tree, 'reg.conf'), 'server=http://zzhc.vnet.cn/zzhc/register\n');
    const archives = [
      ['plain.7z', ['-m0=lzma2', '-mmt=1']],
      ['blocks.7z', ['-m0=lzma2:d=1m:c=1m', '-mmt=2']],
      ['lc4.7z', ['-m0=lzma2:lc=4:lp=0:pb=0', '-mmt=1']],
    ] as const;
    for (const [name, args] of archives) {
      execFileSync('7z', ['a', '-bd', '-bso0', ...args, join(dir, name), 'mixed.bin', 'reg.conf'], { cwd: tree });
      const buf = readFileSync(join(dir, name));
      const files = await readAllFiles(buf, await openSevenZip(new BufferSource(buf), OPTS));
      // (Buffer.equals: toEqual compares megabytes a byte at a time, for minutes.)
      expect(files.get('mixed.bin')!.equals(readFileSync(join(tree, 'mixed.bin')))).toBe(true);
      expect(files.get('reg.conf')!.toString()).toContain('zzhc.vnet.cn');
    }
  });
});

const withXz = haveTools('xz') ? describe : describe.skip;

withXz('LZMA2 as xz writes it (raw, xz --format=raw --lzma2)', () => {
  it('a stream of LZMA chunks, stored chunks and a state reset after them (control 0xA0) decodes to the original; output stops at a cap; a cut stream is a FormatError', () => {
    let seed = 5;
    const rand = Buffer.alloc(300 << 10);
    for (let i = 0; i < rand.length; i++) rand[i] = (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
    const text = Buffer.from(Array.from({ length: 20000 }, (_, i) => `line ${i}: http://reg${i % 13}.example.cn/r?imei=${(i * 7919) % 100003}\n`).join(''));
    const original = Buffer.concat([text, rand, text]);
    const raw = execFileSync('xz', ['--format=raw', '--lzma2=preset=6', '-c'], { input: original, maxBuffer: 64 << 20 });
    // The chunks' control bytes, walked as the format lays them out.
    const kinds = new Set<number>();
    for (let ip = 0; raw[ip] !== 0; ) {
      const c = raw[ip];
      if (c === 1 || c === 2) {
        kinds.add(c);
        ip += 3 + raw.readUInt16BE(ip + 1) + 1;
      } else {
        kinds.add(c & 0xe0);
        ip += 5 + (c >= 0xc0 ? 1 : 0) + raw.readUInt16BE(ip + 3) + 1;
      }
    }
    expect([...kinds].sort((a, b) => a - b)).toEqual([0x02, 0xa0, 0xe0]);
    // preset 6: an 8 MiB dictionary, property byte 22.
    const r = decodeLzma2(raw, 22, original.length, 1 << 30);
    expect(r.status).toBe('end');
    expect(r.out.equals(original)).toBe(true);
    const part = decodeLzma2(raw, 22, original.length, 100000);
    expect(part.status).toBe('cap');
    expect(part.out.equals(original.subarray(0, 100000))).toBe(true);
    expect(() => decodeLzma2(raw.subarray(0, raw.length - 100), 22, original.length, 1 << 30)).toThrow(FormatError);
  });
});
