/**
 * How much extracting a file costs, in nanoseconds of one core on the benchmark build (session
 * 15): what progress weighs files by, in the walk (pool.ts) and inside a container (artifact.ts),
 * to estimate the time left. Bytes alone mislead, because workers take the largest files first,
 * and on that build those are native libraries, read and scanned at ~1 ms/MB, while APKs cost ~2
 * ms per MB and ~3.3 ms each (opening the ZIP, the manifest and resources, deflated DEX and
 * assets): 877 MB of libraries took 0.88 s, the 640 APKs (1,066 MB) 4.3 s, the smallest 320 (57
 * MB) 1.17 s, and a plain file costs ~0.07 ms to open (/usr/share, 50,130 files). An image (ext4,
 * EROFS, sparse) is a mix of those, ~3 ms/MB. By bytes, the ETA said 0-1 s for three quarters of
 * that 4-second scan.
 */
export function workOf(file: { relPath: string; size: number }): number {
  const dot = file.relPath.lastIndexOf('.');
  const ext = dot > file.relPath.lastIndexOf('/') ? file.relPath.slice(dot + 1).toLowerCase() : '';
  if (ARCHIVE_EXTENSIONS.has(ext)) return 2 * file.size + 3_300_000;
  if (ext === 'img') return 3 * file.size;
  return file.size + 70_000;
}

const ARCHIVE_EXTENSIONS = new Set(['apk', 'apex', 'capex', 'jar', 'zip']);
