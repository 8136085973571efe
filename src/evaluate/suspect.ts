/**
 * The suspected-client rule (SPEC section 4; the README's "The suspected-client rule"): a package
 * no catalog entry names is a `suspected-activation-client` when it starts on its own (a receiver
 * of axml.ts BOOT_ACTIONS: the report's `bootCompleted`), can read the phone's identity, and
 * embeds endpoints or can send SMS. Pure: facts in, a verdict out.
 */
import type { EndpointFact, PackageFacts } from '../facts.js';

/**
 * Permissions that read the phone's or the SIM's identity: READ_PHONE_STATE (the IMEI, IMSI and
 * ICCID up to Android 9, the line number after), READ_PRIVILEGED_PHONE_STATE (all of them on every
 * version: the 2019 client's), and what reads the line number (TelephonyPermissions
 * checkReadPhoneNumber: READ_PHONE_NUMBERS, READ_SMS).
 */
export const IDENTITY_PERMISSIONS: readonly string[] = [
  'android.permission.READ_PHONE_STATE',
  'android.permission.READ_PRIVILEGED_PHONE_STATE',
  'android.permission.READ_PHONE_NUMBERS',
  'android.permission.READ_SMS',
];

/**
 * Shared user ids that read the phone's identity in every build, whichever of their members the
 * build holds: Android gives a shared user the union of its members' permissions, and the
 * platform's own member of each of these requests READ_PRIVILEGED_PHONE_STATE (system: the
 * framework; phone: TeleService; shell: packages/Shell, which also holds SEND_SMS; bluetooth:
 * the Bluetooth app). Not android.uid.nfc, .se, .networkstack, .log, .uwb: their platform
 * members request no identity permission (a member in the build that does is counted below).
 */
export const IDENTITY_UIDS: readonly string[] = ['android.uid.system', 'android.uid.phone', 'android.uid.shell', 'android.uid.bluetooth'];

const SEND_SMS = 'android.permission.SEND_SMS';

/**
 * The platform package: framework-res.apk, in every build. It has the system uid and a
 * BOOT_COMPLETED receiver (system_server's), and its config holds the platform's defaults (NTP
 * server, fallback DNS, captive-portal URLs): as an activation client, every build would fail.
 * Its endpoints are inventory like any file's (a denied host there is still an error).
 */
const PLATFORM_PACKAGE = 'android';

/** Why a package is suspected, for the finding's message. */
export interface Suspicion {
  /** How it reads the phone's identity: `holds READ_PHONE_STATE`, `shares android.uid.system`... */
  identity: string;
  /** It can send SMS (itself or through its shared user): the message says so rather than endpoints. */
  sendsSms: boolean;
}

/** Members of one shared user id in the build: each permission any of them requests, and who does first. */
type SharedUsers = Map<string, Map<string, string>>;

/**
 * The rule over one target's packages: a function telling whether a package is suspected, and
 * why. A package with a shared user id holds every permission another member of that uid in the
 * build requests (a client whose helper APK requests READ_PRIVILEGED_PHONE_STATE under the same
 * uid reads the IMEI as well as the helper does). Members are matched by the uid's name alone:
 * Android also requires one signer, so two packages that claim a uid without it are counted
 * together anyway (the stricter reading).
 */
export function suspectRule(packages: readonly PackageFacts[]): (pkg: PackageFacts, eps: readonly EndpointFact[]) => Suspicion | undefined {
  const shared: SharedUsers = new Map();
  for (const p of packages) {
    if (p.sharedUserId === undefined) continue;
    let perms = shared.get(p.sharedUserId);
    if (!perms) shared.set(p.sharedUserId, (perms = new Map()));
    for (const perm of p.permissions) if (!perms.has(perm)) perms.set(perm, p.package);
  }
  return (pkg, eps) => {
    if (!pkg.bootCompleted || pkg.package === PLATFORM_PACKAGE) return undefined;
    const identity = identityOf(pkg, shared);
    if (identity === undefined) return undefined;
    const sendsSms = pkg.permissions.includes(SEND_SMS) || (pkg.sharedUserId !== undefined && shared.get(pkg.sharedUserId)?.has(SEND_SMS) === true);
    return eps.length > 0 || sendsSms ? { identity, sendsSms } : undefined;
  };
}

/** How `pkg` reads the phone's identity, or undefined when it cannot. */
function identityOf(pkg: PackageFacts, shared: SharedUsers): string | undefined {
  const own = IDENTITY_PERMISSIONS.find((p) => pkg.permissions.includes(p));
  if (own !== undefined) return `holds ${shortName(own)}`;
  const uid = pkg.sharedUserId;
  if (uid === undefined) return undefined;
  if (IDENTITY_UIDS.includes(uid)) return `shares the uid ${uid}`;
  // A shared user id given as a resource reference (@string/uid: resolved by Android) may be any:
  // counted as one that reads the phone's identity.
  if (/^[@?]/.test(uid)) return `shares a uid given as a reference (${uid})`;
  const members = shared.get(uid);
  for (const p of IDENTITY_PERMISSIONS) {
    const holder = members?.get(p);
    if (holder !== undefined) return `shares the uid ${uid} with ${holder}, which holds ${shortName(p)}`;
  }
  return undefined;
}

function shortName(permission: string): string {
  return permission.replace(/^android\.permission\./, '');
}
