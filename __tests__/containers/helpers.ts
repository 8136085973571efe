/**
 * Shared helpers for the container tests: read an image through our readers into the same shape
 * as the oracle (what debugfs rdump / fsck.erofs --extract / simg2img give), run the real tools
 * when present, and scan inputs with the public scan() API.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { FsListing } from '../../src/formats/fsnode.js';
import { openErofs } from '../../src/formats/erofs.js';
import { openExt4 } from '../../src/formats/ext4.js';
import { openSparse } from '../../src/formats/sparse.js';
import { FileSource, type RandomAccessSource } from '../../src/io/source.js';
import { RecordingLogger } from '../../src/logging.js';
import type { Report } from '../../src/report/model.js';
import { scan, type ScanOptions } from '../../src/scan.js';
import type { Limits } from '../../src/extract/limits.js';
import { hasTool } from '../helpers/tools.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const IMAGES = join(ROOT, '__tests__', 'fixtures', 'images');

export interface OracleFile {
  path: string;
  size?: number;
  sha256?: string;
  symlink?: string;
}

export function sha256(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

/** Reads a whole source in 1 MiB pieces (exercises reads that cross segments). */
export async function readAll(src: RandomAccessSource): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let p = 0; p < src.size; p += 1 << 20) parts.push(Buffer.from(await src.read(p, Math.min(1 << 20, src.size - p))));
  return Buffer.concat(parts);
}

/** Opens ext4 or EROFS (through a sparse wrapper when needed). */
export async function listFs(src: RandomAccessSource): Promise<FsListing> {
  let image = src;
  const head = await image.read(0, 4);
  if (head.readUInt32LE(0) === 0xed26ff3a) image = (await openSparse(image)).image;
  const sb = await image.read(1024, 128);
  if (sb.readUInt32LE(0) === 0xe0f5e1e2) return openErofs(image);
  return openExt4(image);
}

/** Our view of an image in the oracle's shape. */
export async function readImage(path: string): Promise<{ files: OracleFile[]; problems: FsListing['problems'] }> {
  const src = await FileSource.open(path);
  try {
    const listing = await listFs(src);
    const files: OracleFile[] = [];
    for (const n of listing.nodes) {
      if (n.path === 'lost+found' || n.path.startsWith('lost+found/')) continue;
      if (n.kind === 'file') {
        const data = await readAll(await n.open());
        files.push({ path: n.path, size: data.length, sha256: sha256(data) });
      } else if (n.kind === 'symlink') {
        files.push({ path: n.path, symlink: await n.target!() });
      }
    }
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { files, problems: listing.problems };
  } finally {
    await src.close();
  }
}

/** The oracle's view of an extracted folder (same shape). */
export function listFolder(dir: string): OracleFile[] {
  const out = execFileSync('/usr/bin/python3', [
    '-c',
    `import json,sys; sys.path.insert(0, ${JSON.stringify(join(ROOT, 'scripts', 'fixtures', 'images'))}); import oracle; print(json.dumps(oracle.listing(sys.argv[1])))`,
    dir,
  ]);
  return (JSON.parse(out.toString()) as OracleFile[]).filter((f) => !f.path.startsWith('lost+found'));
}

export function haveTools(...tools: string[]): boolean {
  return tools.every(hasTool);
}

/** Warns visibly (CI installs the tools, so a skip there is a setup error). */
export function warnMissing(what: string, tools: string[]): void {
  console.warn(`SKIPPED ${what}: needs ${tools.join(', ')} (apt-get install e2fsprogs erofs-utils android-sdk-libsparse-utils)`);
}

export function run(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; input?: Buffer } = {}): string {
  return execFileSync(cmd, args, { env: { ...process.env, ...opts.env }, input: opts.input, stdio: ['pipe', 'pipe', 'pipe'] }).toString();
}

export async function scanInputs(inputs: string[], limits?: Partial<Limits>, extra: Partial<ScanOptions> = { market: 'EU' }): Promise<Report> {
  return scan(
    { inputs, failOn: 'error', cwd: ROOT, now: new Date('2026-11-01T00:00:00Z'), policyFile: join(ROOT, 'sample', 'activation-gate.yml'), ...extra },
    new RecordingLogger(),
    limits ? { limits } : {},
  );
}
