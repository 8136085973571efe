/**
 * Partition names from paths, normalised across containers: lower case, slot suffix dropped,
 * system-as-root folded, so the same APK has the same partitionPath in a product-out folder, a
 * target-files zip and (later) an image.
 */

export const PARTITIONS = [
  'system', 'vendor', 'product', 'system_ext', 'odm', 'vendor_dlkm', 'odm_dlkm', 'system_dlkm', 'oem', 'apex',
  'recovery', 'root', 'ramdisk', 'vendor_ramdisk', 'data', 'cache', 'cust', 'preload', 'my_product', 'my_region',
  'my_carrier', 'my_heytap', 'my_stock', 'my_bigball', 'my_engineering', 'my_manifest', 'my_company', 'my_preload',
  'mi_ext', 'prism', 'optics', 'hw_product', 'version', 'preas', 'preavs',
] as const;
const PARTITION_SET: ReadonlySet<string> = new Set(PARTITIONS);

/** `system_a` -> `system`, `VENDOR` -> `vendor`; undefined when not a partition name. */
export function partitionName(segment: string): string | undefined {
  const lower = segment.toLowerCase().replace(/_(a|b)$/, '');
  return PARTITION_SET.has(lower) ? lower : undefined;
}

export interface PartitionInfo {
  partition: string;
  partitionPath: string;
}

/**
 * From a path relative to the input (`/`-separated) and the partition the input itself is
 * (when the input folder is named `system`, say), derive `partition` and `partitionPath`.
 */
export function partitionOf(relPath: string, inputPartition?: string): PartitionInfo {
  const segs = relPath.split('/');
  let partition = inputPartition;
  let rest = segs;
  if (!partition) {
    const p = partitionName(segs[0]);
    if (p && segs.length > 1) {
      partition = p;
      rest = segs.slice(1);
    }
  }
  if (!partition) return { partition: '', partitionPath: relPath };
  // System-as-root: system/system/app/X.apk is system/app/X.apk.
  if (partition === 'system' && rest[0] === 'system' && rest.length > 1) rest = rest.slice(1);
  // Partitions nested under system (system/product/..., system/vendor/...) are that partition.
  if (partition === 'system' && rest.length > 1) {
    const nested = partitionName(rest[0]);
    if (nested && nested !== 'system' && ['product', 'vendor', 'system_ext', 'odm'].includes(nested)) {
      partition = nested;
      rest = rest.slice(1);
    }
  }
  return { partition, partitionPath: [partition, ...rest].join('/') };
}

/**
 * A `/`-separated path as a file system resolves it, from the folder `base` (segments; empty for
 * the root): `.` and empty segments dropped, `..` applied, nothing above the root.
 */
export function resolvePath(path: string, base: readonly string[] = []): string {
  const out = [...base];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}
