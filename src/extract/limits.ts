/** Caps that keep one hostile artifact from exhausting memory or time. */
export interface Limits {
  /** Largest single entry inflated into memory. */
  maxEntryBytes: number;
  /** Total bytes inflated for one input before the rest is reported as not scanned. */
  maxInputInflatedBytes: number;
  /** Nesting of containers (APK inside APK...). */
  maxDepth: number;
  /** Raw files are scanned in chunks of this size. */
  chunkBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxEntryBytes: 256 * 1024 * 1024,
  maxInputInflatedBytes: 64 * 1024 * 1024 * 1024,
  maxDepth: 4,
  chunkBytes: 16 * 1024 * 1024,
};
