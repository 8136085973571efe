/**
 * Digests a rescan need not compute again. With `--cache-dir`, the SHA-256 of each file the cache
 * hashed is remembered in the cache folder (`digests-<input>.json`, one record per input: its
 * size follows the input's, and a record for a build no longer scanned is one stale file, not a
 * growing list) together with what the kernel said of the file when it was hashed: device,
 * inode, size, and modification and change times to the nanosecond. A later scan on the same boot of the same machine that finds a file with that very
 * identity uses the remembered SHA-256 instead of reading the file's bytes again. The facts stay
 * keyed by the SHA-256 (cache.ts); this only spares the reading, as git's index and rsync's quick
 * check do.
 *
 * Why that is safe: the kernel sets a file's change time (ctime) to the current time whenever its
 * bytes, size or metadata change, whoever changes them, and no system call sets ctime back
 * (utimensat sets the other two times only). Keeping different bytes under an unchanged identity
 * takes root on the build machine: setting the clock back, or writing the block device. The
 * kernel's clock is coarse (a tick of a few ms), so a file changed again within the tick of its
 * recorded change would keep its ctime: only files unchanged for SETTLE_NS before the scan
 * looked at them are recorded (git's "racily clean" entries, the same problem). Writes through a
 * shared memory mapping set ctime only at the first write after each writeback of the page (by
 * default up to ~30 s apart): a scan that overlaps such writes can remember a digest they then
 * change without a new ctime. A build is scanned once written; the README says so.
 *
 * It also takes a stat that tells the truth: an NFS or SMB client caches attributes (up to 60 s
 * by default), so a file another host rewrote moments ago can show its old identity there;
 * FAT's "ctime" is its creation time; a FUSE filesystem says whatever its daemon says. Files on
 * those (`untrustedFilesystem`, by the filesystem's magic number from statfs) are neither
 * remembered nor spared: each filesystem a file is on is checked (once per device), so a share
 * mounted anywhere below the input's root is hashed in full however local the root is.
 *
 * The boot's id (Linux: /proc/sys/kernel/random/boot_id) binds the record to one boot of one
 * machine: a cache restored by actions/cache on a fresh runner, or copied elsewhere, matches no
 * file there, and every file is hashed as before. Elsewhere (no boot id) nothing is remembered.
 * `--cache-rehash` hashes every file whatever is remembered.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statfsSync, statSync } from 'node:fs';
import { NotReadable, readRegularFile } from '../io/regular.js';
import { join } from 'node:path';
import { z } from 'zod';
import { writeAtomically } from '../io/atomic.js';

/** The record of the input at `root` (its real path), in the cache folder. */
export function digestsFile(root: Buffer): string {
  return `digests-${createHash('sha256').update(root).digest('hex').slice(0, 16)}.json`;
}

/** True for the name of a record (`digestsFile`). */
export function isDigestsFile(name: string): boolean {
  return /^digests-[0-9a-f]{16}\.json$/.test(name);
}
const FORMAT = 'activation-gate-digests';
const FORMAT_VERSION = 1;
/** A file is remembered only when its last change is at least this old (ns) when the scan looks at it. */
export const SETTLE_NS = 2_000_000_000n;

/** What the kernel says of a file: `id` (device, inode, size, mtime and ctime in ns), its ctime and its device. */
export interface FileIdentity {
  id: string;
  ctimeNs: bigint;
  dev: bigint;
}

/** The identity of the regular file at `abs`, or undefined when it cannot be had. */
export function identityOf(abs: Buffer | string): FileIdentity | undefined {
  try {
    const s = statSync(abs, { bigint: true });
    if (!s.isFile()) return undefined;
    return { id: `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`, ctimeNs: s.ctimeNs, dev: s.dev };
  } catch {
    return undefined;
  }
}

/**
 * Filesystems whose stat a file's identity can rest on (Linux magic numbers, statfs f_type):
 * local ones, where the kernel itself sets every change time. Any other is not trusted: the
 * network and cluster filesystems (NFS, SMB / CIFS, 9p, vboxsf, CephFS, AFS, Lustre, GPFS:
 * clients cache attributes), FAT and exFAT (no change time), FUSE (any daemon), and read-only
 * image filesystems (EROFS, squashfs, ISO 9660: their times are what the image's builder wrote,
 * the same in every build of it).
 */
const TRUSTED_FILESYSTEMS = new Set<number>([
  0xef53, // ext2, ext3, ext4
  0x58465342, // XFS
  0x9123683e, // Btrfs
  0xf2f52010, // F2FS
  0x2fc12fc1, // ZFS
  0xca451a4e, // bcachefs
  0x3153464a, // JFS
  0x52654973, // ReiserFS
  0x01021994, // tmpfs
  0x858458f6, // ramfs
  0x794c7630, // overlayfs (containers' root; its layers are local in every runtime we know)
]);

/** Names for the message of the untrusted filesystems met most. */
const FILESYSTEM_NAMES = new Map<number, string>([
  [0x6969, 'NFS'],
  [0x517b, 'SMB'],
  [0xff534d42, 'CIFS'],
  [0xfe534d42, 'SMB2'],
  [0x01021997, '9p'],
  [0x786f4256, 'vboxsf'],
  [0x00c36400, 'CephFS'],
  [0x5346414f, 'AFS'],
  [0x6b414653, 'AFS'],
  [0x0bd00bd0, 'Lustre'],
  [0x47504653, 'GPFS'],
  [0x4d44, 'FAT'],
  [0x2011bab0, 'exFAT'],
  [0x65735546, 'FUSE'],
  [0xe0f5e1e2, 'EROFS'],
  [0x73717368, 'squashfs'],
  [0x9660, 'ISO 9660'],
]);

/** Why a file's identity on a filesystem of this type (statfs f_type) cannot be trusted, or undefined when it can. */
export function untrustedFilesystem(type: number): string | undefined {
  const t = type >>> 0;
  if (TRUSTED_FILESYSTEMS.has(t)) return undefined;
  return FILESYSTEM_NAMES.get(t) ?? `a filesystem not known to be local (statfs type 0x${t.toString(16)})`;
}

/** The filesystem type of `path` when identities there cannot be trusted (untrustedFilesystem), or undefined. */
export function untrustedFilesystemOf(path: string | Buffer): string | undefined {
  try {
    return untrustedFilesystem(statfsSync(path).type);
  } catch {
    return 'unknown (statfs failed)';
  }
}

/** Block devices whose filesystem is an image someone built (Linux majors): loop (7) and NBD (43). */
const IMAGE_DEVICES = new Map<number, string>([
  [7, 'a loop device'],
  [43, 'a network block device'],
]);

/** The major number of a Linux device number (glibc's gnu_dev_major). */
export function deviceMajor(dev: bigint): number {
  return Number(((dev >> 8n) & 0xfffn) | ((dev >> 32n) & ~0xfffn));
}

/**
 * Why the identity of a file on device `dev`, at `abs`, cannot be trusted, or undefined: a loop
 * or network block device (a mounted image, whose times are its builder's: two builds of one
 * image mounted in turn at one place can show the same identities over other bytes), else the
 * filesystem's type (untrustedFilesystemOf).
 */
export function untrustedDevice(abs: Buffer, dev: bigint): string | undefined {
  if (process.platform === 'linux') {
    const image = IMAGE_DEVICES.get(deviceMajor(dev));
    if (image) return `${image} (a mounted image)`;
  }
  return untrustedFilesystemOf(abs);
}

/** This boot's id, or undefined where the system gives none (then nothing is remembered). */
export function bootId(read: () => string = () => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8')): string | undefined {
  try {
    const id = read().trim();
    return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

/** A file's path as the digests' key: its bytes, one character each (exact for any path). */
export function digestKey(abs: Buffer): string {
  return abs.toString('latin1');
}

/** Remembered digests: digestKey -> the file's identity then and the SHA-256 of its bytes. */
export type Digests = Map<string, { id: string; sha256: string }>;

const digestsSchema = z.strictObject({
  format: z.literal(FORMAT),
  formatVersion: z.number(),
  boot: z.string(),
  root: z.string(),
  files: z.array(z.tuple([z.string(), z.string(), z.string().regex(/^[0-9a-f]{64}$/)])),
});

/**
 * The digests remembered in `dir` for the input at `root` on boot `boot`: none when there is no
 * record, or it is another boot's, input's or format version's; none and a `problem` when the
 * record is larger than `maxBytes`, cannot be read or does not validate (it is then written
 * afresh).
 */
export function readDigests(dir: string, boot: string, root: Buffer, maxBytes: number): { digests: Digests; problem?: string } {
  const file = join(dir, digestsFile(root));
  let data: unknown;
  try {
    data = JSON.parse(readRegularFile(file, maxBytes).toString('utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { digests: new Map() };
    if (e instanceof NotReadable && e.size !== undefined) return { digests: new Map(), problem: `${file} is ${e.size} bytes, more than the ${maxBytes} a record of this input's files can take; every file is hashed` };
    return { digests: new Map(), problem: `${file} is not readable JSON (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); every file is hashed` };
  }
  const parsed = digestsSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { digests: new Map(), problem: `${file} is not a record of digests (${issue.path.join('.') || '(root)'}: ${issue.message}); every file is hashed` };
  }
  if (parsed.data.formatVersion !== FORMAT_VERSION || parsed.data.boot !== boot || parsed.data.root !== digestKey(root)) return { digests: new Map() };
  return { digests: new Map(parsed.data.files.map(([key, id, sha256]) => [key, { id, sha256 }])) };
}

/** Writes the record atomically (a temporary file renamed into place); returns why it failed, if it did. */
export function writeDigests(dir: string, boot: string, root: Buffer, digests: Digests): string | undefined {
  const files = [...digests].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, d]) => [key, d.id, d.sha256]);
  return writeAtomically(dir, digestsFile(root), `${JSON.stringify({ format: FORMAT, formatVersion: FORMAT_VERSION, boot, root: digestKey(root), files })}\n`);
}

/**
 * The largest record read for an input of these files: more than its entries can take (a path
 * of n bytes is at most 6n characters of JSON, each `\u00XX`; identity and SHA-256 ~200), so
 * that a planted record is never parsed whole.
 */
export function digestsMaxBytes(files: readonly Buffer[]): number {
  let n = 1 << 20;
  for (const abs of files) n += 6 * abs.length + 256;
  return n;
}

/**
 * The files of one input whose digests are remembered and still hold: each such file gets its
 * `sha256` (its bytes are not read to hash them). Returns the identities seen, to record after
 * extraction (`recordDigests`), when they were seen, and how many files were on each filesystem
 * whose identities cannot be trusted (`untrusted`: its type -> files; those files are neither
 * spared nor seen). `check` names such a device or filesystem from a path on it and its device
 * number (default: untrustedDevice); it is asked once per device.
 */
export function applyDigests(
  files: readonly { abs: Buffer; sha256?: string; identity?: string }[],
  digests: Digests,
  nowNs: bigint,
  check: (abs: Buffer, dev: bigint) => string | undefined = untrustedDevice,
): { seen: Map<string, FileIdentity>; reused: number; at: bigint; untrusted: Map<string, number> } {
  const seen = new Map<string, FileIdentity>();
  const devices = new Map<bigint, string | undefined>();
  const untrusted = new Map<string, number>();
  let reused = 0;
  for (const f of files) {
    const identity = identityOf(f.abs);
    if (!identity) continue;
    if (!devices.has(identity.dev)) devices.set(identity.dev, check(f.abs, identity.dev));
    const kind = devices.get(identity.dev);
    if (kind !== undefined) {
      untrusted.set(kind, (untrusted.get(kind) ?? 0) + 1);
      continue;
    }
    const key = digestKey(f.abs);
    seen.set(key, identity);
    const d = digests.get(key);
    if (d && d.id === identity.id) {
      f.sha256 = d.sha256;
      f.identity = d.id;
      reused++;
    }
  }
  return { seen, reused, at: nowNs, untrusted };
}

/**
 * The input's record after its extraction: each file looked at now whose SHA-256 is known
 * (`sha256Of`) and whose last change was at least SETTLE_NS before it was looked at, and the
 * earlier record of the files this run only walked (another shard's). Files gone are dropped.
 */
export function recordDigests(
  before: Digests,
  walked: readonly Buffer[],
  seen: ReadonlyMap<string, Pick<FileIdentity, 'id' | 'ctimeNs'>>,
  at: bigint,
  sha256Of: (key: string) => string | undefined,
): Digests {
  const next: Digests = new Map();
  for (const abs of walked) {
    const key = digestKey(abs);
    const d = before.get(key);
    if (d && !seen.has(key)) next.set(key, d);
  }
  for (const [key, identity] of seen) {
    const sha256 = sha256Of(key);
    if (sha256 && identity.ctimeNs <= at - SETTLE_NS) next.set(key, { id: identity.id, sha256 });
  }
  return next;
}
