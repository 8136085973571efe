/** Caps that keep one hostile artifact from exhausting memory or time. */
export interface Limits {
  /** Largest single entry inflated into memory. */
  maxEntryBytes: number;
  /**
   * Total bytes decompressed for one file of the walk (an APK, an image, a target-files zip, with
   * everything nested in it) before the rest of it is reported as not scanned.
   */
  maxFileInflatedBytes: number;
  /**
   * ...and at most this many times its size (and 1 MiB): deflate gives at most 1032 times, so
   * only nesting (a zip of zips) goes past it.
   */
  maxInflationRatio: number;
  /**
   * Distinct endpoints one artifact (an APK, a file) may add, known ones (catalogued or named by
   * the policy) aside: a file made of millions of host names would otherwise make a report of
   * gigabytes. Past it the artifact is an unreadable-artifact error.
   */
  maxArtifactEndpoints: number;
  /** ...and one input: the first this many in (kind, value) order are listed, and the rest is an error. */
  maxInputEndpoints: number;
  /** Nesting of containers (APK inside APK...). */
  maxDepth: number;
  /** Raw files are scanned in chunks of this size. */
  chunkBytes: number;
  /**
   * Nesting of images and archives (`ota.zip!/payload.bin!/system!/apex/X.apex!/apex_payload.img!/...`):
   * past it a container is not opened.
   */
  maxContainerDepth: number;
  /** A deflated entry opened as a container (an APK in a target-files zip) up to this size is inflated in memory... */
  spillThresholdBytes: number;
  /** ...and up to this size into a temporary file; larger ones are not opened. */
  maxSpillBytes: number;
  /**
   * An image or target-files / OTA zip of at least this size given as one file (system.img,
   * super.img, target_files.zip) is extracted by every worker, each taking a share of its files;
   * containers inside it of at least this size that open as views are shared the same way
   * (`ImageSlice` in artifact.ts).
   */
  minSliceBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxEntryBytes: 256 * 1024 * 1024,
  maxFileInflatedBytes: 64 * 1024 * 1024 * 1024,
  maxInflationRatio: 2048,
  maxArtifactEndpoints: 50_000,
  maxInputEndpoints: 200_000,
  maxDepth: 4,
  chunkBytes: 16 * 1024 * 1024,
  maxContainerDepth: 8,
  spillThresholdBytes: 64 * 1024 * 1024,
  maxSpillBytes: 16 * 1024 * 1024 * 1024,
  minSliceBytes: 64 * 1024 * 1024,
};

const ENV_LIMITS: [string, keyof Limits][] = [
  ['ACTIVATION_GATE_MAX_FILE_INFLATED_BYTES', 'maxFileInflatedBytes'],
  ['ACTIVATION_GATE_MAX_ARTIFACT_ENDPOINTS', 'maxArtifactEndpoints'],
  ['ACTIVATION_GATE_MAX_INPUT_ENDPOINTS', 'maxInputEndpoints'],
  ['ACTIVATION_GATE_SLICE_MIN_BYTES', 'minSliceBytes'],
];

/**
 * Limits set in the environment: ACTIVATION_GATE_MAX_FILE_INFLATED_BYTES (the per-file inflation
 * budget, for a build whose files legitimately decompress to more than 64 GiB each),
 * ACTIVATION_GATE_MAX_ARTIFACT_ENDPOINTS and ACTIVATION_GATE_MAX_INPUT_ENDPOINTS (for a build that
 * legitimately names more endpoints), ACTIVATION_GATE_SLICE_MIN_BYTES (the size from which an
 * image is shared by all workers); tests set them lower. Anything else than a whole number is
 * ignored.
 */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<Limits> {
  const out: Partial<Limits> = {};
  for (const [name, key] of ENV_LIMITS) {
    const raw = env[name]?.trim();
    if (raw && /^\d{1,16}$/.test(raw)) out[key] = Number(raw);
  }
  return out;
}

/** The limits of a scan: the defaults, the environment's, then those given. */
export function effectiveLimits(given?: Partial<Limits>, env: NodeJS.ProcessEnv = process.env): Limits {
  return { ...DEFAULT_LIMITS, ...limitsFromEnv(env), ...given };
}
