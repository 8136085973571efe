/**
 * APK signer certificates: the SHA-256 of each signer's X.509 certificate, as
 * `apksigner verify --print-certs` prints it. Nothing is verified (a static scan identifies the
 * signer; Android decides whether the signature holds).
 *
 * - v1 (JAR signing): `META-INF/<NAME>.RSA|.DSA|.EC` is a PKCS#7 SignedData block. Only blocks
 *   with a matching `META-INF/<NAME>.SF` count (a stray `.RSA` is not a signature). The signer's
 *   certificate is the one whose issuer and serial number equal the SignerInfo's
 *   IssuerAndSerialNumber: the certificate bag may hold a chain in any order, so the first
 *   certificate is not necessarily the signer's.
 * - v2 / v3 / v3.1 (APK Signing Block, right before the central directory): pairs
 *   `{u64 length, u32 id, value}`; the value is a u32-length-prefixed list of signers, each
 *   `signed data, ...`; signed data is `digests, certificates, ...`; the first certificate of a
 *   signer is its certificate. IDs: v2 0x7109871A, v3 0xF05368C0, v3.1 0x1B93AD61; unknown IDs
 *   (padding 0x42726577, verity, source stamp) are ignored.
 *
 * Sources: source.android.com/docs/security/apksigning/v2 and /v3; apksig `V1SchemeVerifier`
 * (IssuerAndSerialNumber matching); androguard `tests/test_apk.py` for the expected digests.
 */
import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import type { RandomAccessSource } from '../io/source.js';
import { FormatError } from './errors.js';
import { CLASS_CONTEXT, TAG_INTEGER, TAG_OID, TAG_SEQUENCE, TAG_SET, children, decodeOid, expectTag, integerKey, readTlv, tlvBytes, tlvContent, type Tlv } from './der.js';
import { entryDataOffset, readEntry, type ZipArchive, type ZipEntry } from './zip.js';

export const APK_SIGNATURE_SCHEME_V2_ID = 0x7109871a;
export const APK_SIGNATURE_SCHEME_V3_ID = 0xf05368c0;
export const APK_SIGNATURE_SCHEME_V31_ID = 0x1b93ad61;
/** Source stamp blocks (apksig SourceStampConstants): a certificate of the store that built the APK. */
export const SOURCE_STAMP_V1_ID = 0x2b09189e;
export const SOURCE_STAMP_V2_ID = 0x6dff800d;

const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';

export type SignatureScheme = 'v1' | 'v2' | 'v3' | 'v3.1';

export interface SignerCert {
  scheme: SignatureScheme;
  /** Lower-case hex SHA-256 of the certificate's DER encoding. */
  sha256: string;
  /** For v1: the signature block entry (`META-INF/CERT.RSA`). */
  entry?: string;
}

export interface ApkSigners {
  signers: SignerCert[];
  /** Problems that did not stop the rest (a malformed block, a SignerInfo with no certificate). */
  warnings: string[];
}

export function sha256Hex(buf: Buffer): string {
  return createHash('sha256').update(buf).digest('hex');
}

// ------------------------------------------------------------------------------------------------
// v1: PKCS#7 SignedData

/**
 * The signer certificates of one PKCS#7 SignedData block (DER or BER): for each SignerInfo, the
 * certificate of the bag whose issuer Name and serial number match its IssuerAndSerialNumber.
 * Returns the matching certificates' DER bytes; throws FormatError on malformed structure or
 * when a SignerInfo matches no certificate.
 */
export function pkcs7SignerCertificates(buf: Buffer): Buffer[] {
  const contentInfo = expectTag(readTlv(buf, 0), TAG_SEQUENCE, 'ContentInfo');
  const ci = children(buf, contentInfo);
  if (ci.length < 2 || ci[0].tag !== TAG_OID) throw new FormatError('pkcs7', 'ContentInfo without contentType', contentInfo.start);
  const type = decodeOid(tlvContent(buf, ci[0]));
  if (type !== OID_SIGNED_DATA) throw new FormatError('pkcs7', `contentType ${type} is not SignedData`, ci[0].start);
  const explicit = ci[1];
  if (explicit.cls !== CLASS_CONTEXT || explicit.tagNumber !== 0) throw new FormatError('pkcs7', 'SignedData content [0] expected', explicit.start);
  const signedData = expectTag(children(buf, explicit)[0] ?? fail('empty SignedData', explicit.start), TAG_SEQUENCE, 'SignedData');
  const sd = children(buf, signedData);
  // version, digestAlgorithms, contentInfo, [0] certificates?, [1] crls?, signerInfos
  let certBag: Tlv | undefined;
  let signerInfos: Tlv | undefined;
  for (let i = 3; i < sd.length; i++) {
    const t = sd[i];
    if (t.cls === CLASS_CONTEXT && t.tagNumber === 0) certBag = t;
    else if (t.tag === TAG_SET) signerInfos = t;
  }
  if (!signerInfos) throw new FormatError('pkcs7', 'SignedData without signerInfos', signedData.start);
  const certs = certBag ? children(buf, certBag).filter((c) => c.tag === TAG_SEQUENCE) : [];
  const ids = certs.map((c) => certificateId(buf, c));
  const out: Buffer[] = [];
  for (const si of children(buf, signerInfos)) {
    const fields = children(buf, expectTag(si, TAG_SEQUENCE, 'SignerInfo'));
    const sid = fields[1];
    if (!sid) throw new FormatError('pkcs7', 'SignerInfo without signer identifier', si.start);
    if (sid.tag !== TAG_SEQUENCE) throw new FormatError('pkcs7', 'SignerInfo identifies its signer by subject key identifier, which APK signing does not use', sid.start);
    const [issuer, serial] = children(buf, sid);
    if (!issuer || !serial || serial.tag !== TAG_INTEGER) throw new FormatError('pkcs7', 'malformed IssuerAndSerialNumber', sid.start);
    const want = { issuer: canonicalName(buf, issuer), serial: integerKey(tlvContent(buf, serial)) };
    const i = ids.findIndex((id) => id.serial === want.serial && id.issuer === want.issuer);
    if (i < 0) throw new FormatError('pkcs7', `no certificate in the block matches the SignerInfo (serial ${want.serial})`, sid.start);
    out.push(tlvBytes(buf, certs[i]));
  }
  return out;
}

function fail(reason: string, offset: number): never {
  throw new FormatError('pkcs7', reason, offset);
}

/** Issuer Name (canonical form) and serial number of an X.509 certificate. */
function certificateId(buf: Buffer, cert: Tlv): { issuer: string; serial: string } {
  const tbs = children(buf, cert)[0];
  if (!tbs || tbs.tag !== TAG_SEQUENCE) throw new FormatError('x509', 'certificate without tbsCertificate', cert.start);
  const f = children(buf, tbs);
  // [0] EXPLICIT version is optional (absent for v1 certificates).
  const k = f[0] && f[0].cls === CLASS_CONTEXT && f[0].tagNumber === 0 ? 1 : 0;
  const serial = f[k];
  const issuer = f[k + 2];
  if (!serial || serial.tag !== TAG_INTEGER || !issuer || issuer.tag !== TAG_SEQUENCE) throw new FormatError('x509', 'malformed tbsCertificate', tbs.start);
  return { issuer: canonicalName(buf, issuer), serial: integerKey(tlvContent(buf, serial)) };
}

/** Universal string types of a directory string: UTF8, Printable, T61, IA5, Universal, BMP. */
const STRING_TAGS = new Set([0x0c, 0x13, 0x14, 0x16, 0x1c, 0x1e]);

/**
 * A Name in a comparable form, as X500Principal equality sees it (RFC 5280 section 7.1): the
 * string type of a value does not matter (a SignerInfo may say PrintableString "rsa-1024" where
 * the certificate says UTF8String), case and runs of spaces do not matter, and the attributes of
 * a multi-valued RDN are unordered. Values that are not strings compare byte for byte.
 */
export function canonicalName(buf: Buffer, name: Tlv): string {
  const rdns: string[] = [];
  for (const rdn of children(buf, name)) {
    const atvs: string[] = [];
    for (const atv of rdn.constructed ? children(buf, rdn) : []) {
      const [type, value] = atv.constructed ? children(buf, atv) : [];
      if (!type || !value || type.tag !== TAG_OID) throw new FormatError('x509', 'malformed AttributeTypeAndValue', atv.start);
      const content = tlvContent(buf, value);
      let text: string;
      if (STRING_TAGS.has(value.tag)) {
        const raw = value.tag === 0x1e ? Buffer.from(content).swap16().toString('utf16le') : value.tag === 0x1c ? decodeUcs4(content) : content.toString(value.tag === 0x0c ? 'utf8' : 'latin1');
        text = `s:${raw.trim().replace(/\s+/g, ' ').toLowerCase()}`;
      } else text = `x:${tlvBytes(buf, value).toString('hex')}`;
      atvs.push(`${decodeOid(tlvContent(buf, type))}=${JSON.stringify(text)}`);
    }
    rdns.push(atvs.sort().join('+'));
  }
  return rdns.join(',');
}

function decodeUcs4(b: Buffer): string {
  let out = '';
  for (let i = 0; i + 4 <= b.length; i += 4) {
    const cp = b.readUInt32BE(i);
    out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
  }
  return out;
}

const V1_BLOCK = /^META-INF\/([^/]+)\.(RSA|DSA|EC)$/i;

/** The v1 signature block entries that have a matching `.SF` file, sorted by name. */
export function v1SignatureBlocks(entries: readonly ZipEntry[]): ZipEntry[] {
  const sf = new Set(entries.filter((e) => /^META-INF\/[^/]+\.SF$/i.test(e.name)).map((e) => e.name.slice(0, -3).toUpperCase()));
  return entries
    .filter((e) => {
      const m = V1_BLOCK.exec(e.name);
      return m !== null && sf.has(`META-INF/${m[1]}`.toUpperCase());
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

// ------------------------------------------------------------------------------------------------
// v2 / v3: the APK Signing Block

const SCHEME_OF: ReadonlyMap<number, SignatureScheme> = new Map([
  [APK_SIGNATURE_SCHEME_V2_ID, 'v2'],
  [APK_SIGNATURE_SCHEME_V3_ID, 'v3'],
  [APK_SIGNATURE_SCHEME_V31_ID, 'v3.1'],
]);

/** Reads a u32-length-prefixed slice at `p` of `buf[.. limit]`. */
function lengthPrefixed(buf: Buffer, p: number, limit: number, what: string): { start: number; end: number } {
  if (p + 4 > limit) throw new FormatError('apk-signing-block', `${what}: length expected past the end`, p);
  const len = buf.readUInt32LE(p);
  const start = p + 4;
  if (start + len > limit) throw new FormatError('apk-signing-block', `${what}: ${len} bytes run past the end`, p);
  return { start, end: start + len };
}

/** The ID-value pairs of a signing block (`block` = the whole block, size fields and magic included). */
export function signingBlockPairs(block: Buffer): { id: number; value: Buffer }[] {
  if (block.length < 32 || block.toString('latin1', block.length - 16) !== 'APK Sig Block 42') {
    throw new FormatError('apk-signing-block', 'no "APK Sig Block 42" magic', 0);
  }
  const head = block.readBigUInt64LE(0);
  const foot = block.readBigUInt64LE(block.length - 24);
  if (head !== foot) throw new FormatError('apk-signing-block', `size fields disagree (${head} and ${foot})`, 0);
  const end = block.length - 24;
  const pairs: { id: number; value: Buffer }[] = [];
  for (let p = 8; p < end; ) {
    if (p + 12 > end) throw new FormatError('apk-signing-block', 'truncated pair', p);
    const len = block.readBigUInt64LE(p);
    if (len < 4n || BigInt(p + 8) + len > BigInt(end)) throw new FormatError('apk-signing-block', `pair of ${len} bytes runs past the block`, p);
    const id = block.readUInt32LE(p + 8);
    pairs.push({ id, value: block.subarray(p + 12, p + 8 + Number(len)) });
    p += 8 + Number(len);
  }
  return pairs;
}

/** The first certificate of each signer in a v2/v3/v3.1 scheme value. */
export function schemeSignerCertificates(value: Buffer): Buffer[] {
  const out: Buffer[] = [];
  const signers = lengthPrefixed(value, 0, value.length, 'signers');
  for (let p = signers.start; p < signers.end; ) {
    const signer = lengthPrefixed(value, p, signers.end, 'signer');
    p = signer.end;
    const signedData = lengthPrefixed(value, signer.start, signer.end, 'signed data');
    const digests = lengthPrefixed(value, signedData.start, signedData.end, 'digests');
    const certs = lengthPrefixed(value, digests.end, signedData.end, 'certificates');
    if (certs.start === certs.end) throw new FormatError('apk-signing-block', 'signer without certificates', certs.start);
    const first = lengthPrefixed(value, certs.start, certs.end, 'certificate');
    out.push(value.subarray(first.start, first.end));
  }
  return out;
}

// ------------------------------------------------------------------------------------------------

export interface ReadSignersOptions {
  /** Largest signature block entry or signing block read into memory. */
  maxBytes: number;
}

const SCHEME_ORDER: readonly SignatureScheme[] = ['v3.1', 'v3', 'v2', 'v1'];

/**
 * Every signer certificate of an APK, newest scheme first (v3.1, v3, v2, then v1 by entry name),
 * each digest once. Never throws for a malformed signature: the problem becomes a warning and
 * the other schemes are still read.
 */
export async function readApkSigners(src: RandomAccessSource, zip: ZipArchive, opts: ReadSignersOptions): Promise<ApkSigners> {
  const found: SignerCert[] = [];
  const warnings: string[] = [];
  if (zip.signingBlock) {
    try {
      const { offset, size } = zip.signingBlock;
      if (size > opts.maxBytes) throw new FormatError('apk-signing-block', `block of ${size} bytes is larger than the ${opts.maxBytes}-byte cap`, offset);
      const block = await src.read(offset, size);
      for (const pair of signingBlockPairs(block)) {
        const scheme = SCHEME_OF.get(pair.id);
        if (!scheme) continue;
        try {
          for (const cert of schemeSignerCertificates(pair.value)) found.push({ scheme, sha256: sha256Hex(cert) });
        } catch (e) {
          warnings.push(`APK Signature Scheme ${scheme} block: ${(e as Error).message}`);
        }
      }
    } catch (e) {
      warnings.push(`APK Signing Block: ${(e as Error).message}`);
    }
  }
  for (const entry of v1SignatureBlocks(zip.entries)) {
    try {
      const buf = await readSignatureEntry(src, entry, opts.maxBytes);
      for (const cert of pkcs7SignerCertificates(buf)) found.push({ scheme: 'v1', sha256: sha256Hex(cert), entry: entry.name });
    } catch (e) {
      warnings.push(`v1 signature ${entry.name}: ${(e as Error).message}`);
    }
  }
  found.sort((a, b) => SCHEME_ORDER.indexOf(a.scheme) - SCHEME_ORDER.indexOf(b.scheme));
  const seen = new Set<string>();
  return { signers: found.filter((s) => (seen.has(s.sha256) ? false : (seen.add(s.sha256), true))), warnings };
}

/**
 * A signature block entry's bytes. apksig (and so the package manager's verifier) inflates any
 * method other than STORED, where Android's resource loader maps unknown methods as STORED:
 * for signature material follow apksig, falling back to STORED bytes.
 */
async function readSignatureEntry(src: RandomAccessSource, entry: ZipEntry, maxBytes: number): Promise<Buffer> {
  if (entry.method !== 0 && entry.method !== 8 && entry.compressedSize <= maxBytes) {
    try {
      const { offset } = await entryDataOffset(src, entry);
      return inflateRawSync(await src.read(offset, entry.compressedSize), { maxOutputLength: Math.max(1, maxBytes) });
    } catch {
      // not deflate: read as STORED below
    }
  }
  return readEntry(src, entry, { maxBytes });
}

/** The distinct digests of `readApkSigners`, in its order. */
export function signerDigests(s: ApkSigners): string[] {
  return s.signers.map((x) => x.sha256);
}
