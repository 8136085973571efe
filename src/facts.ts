/**
 * The facts extracted from a build: what the extractors produce and what evaluation reads.
 * Nothing here performs I/O; these are plain data shapes shared across the pipeline.
 */

/** Where an endpoint string was found, innermost first: `dex` strings, `arsc` pools, ... */
export const SOURCES = ['dex', 'arsc', 'xml', 'asset', 'native', 'prop', 'file'] as const;
export type Source = (typeof SOURCES)[number];

export const ENDPOINT_KINDS = ['host', 'ip', 'sms'] as const;
export type EndpointKind = (typeof ENDPOINT_KINDS)[number];

export interface Evidence {
  /** Path relative to the input, with `!/` separating a container from its entry. */
  path: string;
  /** Entry inside the innermost container (an APK entry name), when there is one. */
  entry?: string;
  source: Source;
  /** Byte offset inside the innermost entry or file. */
  offset?: number;
}

/** One occurrence of an endpoint value, as the endpoint scanner reports it. */
export interface EndpointHit {
  kind: EndpointKind;
  /** Lower-cased host, canonical IP, or normalised SMS number. */
  value: string;
  port?: number;
  scheme?: string;
  /** True for `http:` and other unencrypted schemes. */
  cleartext?: boolean;
  /** XML namespace / schema identifiers: inventoried, never findings. */
  ignored?: boolean;
  evidence: Evidence;
}

/** Every occurrence of one endpoint value in one input, aggregated. */
export interface EndpointFact {
  kind: EndpointKind;
  value: string;
  /** Ports seen with it (sorted), when any. */
  ports?: number[];
  /** Schemes seen with it (sorted), when any. */
  schemes?: string[];
  cleartext?: boolean;
  ignored?: boolean;
  /** Top-level artifacts (APK, JAR or file paths relative to the input) that embed it. */
  artifacts: string[];
  /** Sorted and capped (first EVIDENCE_CAP); evidenceCount holds the total. */
  evidence: Evidence[];
  evidenceCount: number;
}

export const EVIDENCE_CAP = 20;

export interface OverlayInfo {
  targetPackage: string;
  targetName?: string;
  requiredSystemPropertyName?: string;
  requiredSystemPropertyValue?: string;
  isStatic?: boolean;
  priority?: number;
  /**
   * android:resourcesMap (Android 11+): the XML file(s) read. The overlay's `resources` are then
   * what the map sets, under the target's names, and not its resources of the same name (unless
   * some Android version finds no map in the manifest: axml.ts ResourcesMapAttr).
   */
  resourcesMap?: string[];
  /** Why the resourcesMap cannot be read: the overlay may set any resource of its target to anything. */
  resourcesMapError?: string;
  /** android:targetSdkVersion: below 29 (Android 10), a preinstalled overlay outside /vendor is not held to its target's `<overlayable>` policies. */
  targetSdk?: number;
}

/**
 * One `<overlayable>` policy block of a package's resources.arsc (its first package, the one
 * idmap2 reads): the resources (`type/name`) it opens to overlays that fulfil one of `policies`
 * (PolicyFlags: PUBLIC 0x1, SYSTEM 0x2, VENDOR 0x4, PRODUCT 0x8, SIGNATURE 0x10, ODM 0x20,
 * OEM 0x40, ACTOR_SIGNATURE 0x80, CONFIG_SIGNATURE 0x100).
 */
export interface OverlayableFact {
  name: string;
  actor?: string;
  policies: number;
  resources: string[];
}

/** A typed resource value from resources.arsc (used for overlay variant toggles). */
export interface ResourceValue {
  type: string; // e.g. "bool", "string", "integer"
  name: string;
  value: string | number | boolean;
  /** Resource configuration qualifier, "" for default. */
  config?: string;
  /** Set where what the app reads cannot be told (a resourcesMap value that cannot be resolved): why. */
  unresolved?: string;
}

/**
 * How a catalogued variant client's code (every classes*.dex of its APK) loads the id its own
 * table (first package) gives a resource toggle `type/name`: as the literal of a `const` or
 * `const/high16` instruction, as the static value of an `R$<type>` field named for it, or by
 * name (`getIdentifier` referenced beside the name in a DEX's strings).
 */
export interface ToggleIdFact {
  key: string;
  /** The id the table gives the name. */
  id: number;
  /**
   * Evidence that the code loads it: empty when there is none; `stripped` where the APK holds no
   * classes.dex (a preopting build moved its code into oat/): evaluation reads the vdex beside it
   * (InputFacts.preoptedCode) where one was read, else the name is trusted.
   */
  loads: ('const' | 'field' | 'identifier' | 'stripped')[];
  /** Other ids that `R$<type>` static fields named for it hold (the table's names swapped). */
  fieldIds?: number[];
}

/**
 * The code of a vdex (a preopted app's, `<app>/oat/<isa>/<name>.vdex`, where the build stripped
 * classes.dex from the APK) that may be a catalogued variant client's (its DEX names such a
 * package's classes or a toggle's name): what it loads of resource ids (readDexCode), for the
 * client's toggles (evaluate.ts, beside PackageFacts.toggleIds). Standard DEX only.
 */
export interface PreoptedCodeFact {
  path: string;
  /** Distinct const/const-high16 literals shaped like resource ids (a package byte 0x00-0x7f, a type byte), ascending. */
  literals: number[];
  /** `R$<type>` static int fields named for a toggle: `type/name` and the values found. */
  rFields: [string, number[]][];
  /** Toggle names in a string table of a DEX that references `getIdentifier`. */
  byName: string[];
  /** Why its code could not be read (a DEX that cannot be decoded). */
  error?: string;
}

export interface PackageFacts {
  path: string;
  partition: string;
  partitionPath: string;
  package: string;
  versionCode?: number;
  versionName?: string;
  permissions: string[];
  sharedUserId?: string;
  /** Starts with no one using it: a receiver of boot, unlock, SIM or network broadcasts (axml.ts BOOT_ACTIONS). */
  bootCompleted: boolean;
  /** SHA-256 (lower-case hex) of each signer certificate found (v1/v2/v3). */
  signerSha256: string[];
  overlay?: OverlayInfo;
  /** Typed default-config values from resources.arsc, kept for overlays and catalogued packages only. */
  resources?: ResourceValue[];
  /**
   * A catalogued package's `<overlayable>` declarations, in file order (Android 10+: once a
   * package declares one, an overlay may change only the resources they list, under their
   * policies). Absent when it declares none.
   */
  overlayable?: OverlayableFact[];
  /**
   * A catalogued variant client's resource toggles that its table names, and how its code loads
   * their ids (absent for other packages).
   */
  toggleIds?: ToggleIdFact[];
  /** Why a catalogued variant client's code could not be read for those ids (a DEX that cannot be read or decoded). */
  toggleCodeError?: string;
  /** Manifest oddities a reviewer should know about (packed names, wrong chunk types...). */
  warnings?: string[];
}

export interface PropEntry {
  key: string;
  value: string;
  file: string;
  line: number;
  /**
   * An `import <path> [filter]` line (init's LoadProperties): `key` is the path as written, `value`
   * the filter or ''. Only in extracted parts: assembly (input.ts) loads the file it names there.
   */
  import?: true;
  /**
   * A `setprop` of an init .rc file (initRcSetprops) in an action that runs at every boot
   * (`on boot`, ...), at `stage` in init's order of those triggers; with `import`, an `import`
   * line of an init .rc file (`stage` -1). `rcPath` is the file's partitionPath; `imported` marks
   * a file init reads only when an init file it reads imports it (one outside `etc/init`). Only
   * in extracted parts: assembly (input.ts) adds the setprops of the files init reads after every
   * property file, unless an `ro.` property a property file sets (init refuses it).
   */
  setprop?: { stage: number; rcPath: string; imported?: true };
  /**
   * Where the property file init loaded this one with (its own, or the one whose `import` line
   * loaded it) stands in Android 9's load order (PROP_LOAD_ORDER_9; lower first, only the order
   * counts): set by assembly (input.ts) on Android's own property files, for reading them as
   * Android 9 and earlier do (policy/sku.ts).
   */
  rank9?: number;
  /**
   * The partitionPath of the property file init loaded this one with (its own, or the one whose
   * `import` line loaded it): set by assembly (input.ts), for leaving out the files the device's
   * Android version does not load (policy/sku.ts loadedFiles).
   */
  loadedAs?: string;
}

export interface UnreadableFact {
  path: string;
  /** Where `path` is on the device (PackageFacts.partitionPath), when that differs from `path`. */
  partitionPath?: string;
  format: string;
  reason: string;
  offset?: number;
}

export interface SkippedFact {
  path: string;
  reason: string;
  /** A symlink's target as written in the link (absolute, or relative to the link's folder). */
  target?: string;
}

/** Everything extracted from one input (a folder, an APK, later an image). */
export interface InputFacts {
  input: string;
  /** SHA-256 of the input when it is a single file; of its sorted file list otherwise. */
  sha256?: string;
  packages: PackageFacts[];
  endpoints: EndpointFact[];
  props: PropEntry[];
  /** `init.sku.<id>.rc` style files and other per-SKU signals found in the build. */
  /**
   * With `trigger`: the setprops of one action of an init .rc file that runs on some devices only
   * (`on property:ro.boot.hwc=EU`); `sku` is the trigger then (targets.ts names the SKU), and
   * `rcPath` and `imported` are as PropEntry.setprop's (assembly keeps those of files init reads).
   */
  skuFiles: { sku: string; path: string; props: PropEntry[]; trigger?: string; rcPath?: string; imported?: true }[];
  unreadable: UnreadableFact[];
  skipped: SkippedFact[];
  /** Package ids merely named in a non-APK file (CAF whitelists...): mentions, not installs. */
  mentions: { package: string; evidence: Evidence }[];
  /** Preopted code that may be a catalogued variant client's (PreoptedCodeFact), by path. */
  preoptedCode?: PreoptedCodeFact[];
  /**
   * `[path, partitionPath]` of every path the endpoints (artifacts and evidence), the mentions and
   * the unreadable facts name whose partitionPath differs from it (a file inside an image or a
   * target-files zip, a folder named for its partition), sorted by path. Any other path is its
   * own partitionPath. Evaluation gives endpoint findings a partitionPath with it, so an
   * exemption `path: system/app/**` matches an endpoint found in `system.img!/app/...`.
   */
  partitionPaths?: [string, string][];
  stats: { files: number; bytes: number; entries: number; inflatedBytes: number };
}
