/**
 * Signer certificate digests (v1 PKCS#7, v2/v3 signing block) against `apksigner verify
 * --print-certs`: the project fixtures' *.certs.txt, androguard's expected TestActivity digest, and
 * the whole androguard corpus (oracle table written by scripts/fixtures/signers-oracle.sh).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { pkcs7SignerCertificates, readApkSigners, schemeSignerCertificates, signingBlockPairs, v1SignatureBlocks, type ApkSigners } from '../../src/formats/apksig.js';
import { children, readTlv } from '../../src/formats/der.js';
import { FormatError } from '../../src/formats/errors.js';
import { openZip, type ZipEntry } from '../../src/formats/zip.js';
import { FileSource } from '../../src/io/source.js';
import { ANDROGUARD_EXAMPLES, describeWithAndroguard } from '../helpers/corpus.js';

const APKS = join(import.meta.dirname, '..', 'fixtures', 'apks');
const ORACLE = join(import.meta.dirname, '..', 'fixtures', 'signers', 'androguard-apksigner.tsv');
const FIXTURE_KEY = '71d1d44596abceab8a8da59f1df2289f32ec803a16f2e312c2c28be78e397f81';

async function signersOf(path: string): Promise<ApkSigners> {
  const src = await FileSource.open(path);
  try {
    return await readApkSigners(src, await openZip(src), { maxBytes: 64 * 1024 * 1024 });
  } finally {
    await src.close();
  }
}

function certsTxtDigests(text: string): string[] {
  return [...text.matchAll(/^Signer #\d+ certificate SHA-256 digest: ([0-9a-f]{64})$/gm)].map((m) => m[1]);
}

// --- a tiny DER writer for hand-made SignedData blocks ---------------------------------------
function len(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
const tlv = (tag: number, ...content: Buffer[]): Buffer => {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), len(body.length), body]);
};
const seq = (...c: Buffer[]) => tlv(0x30, ...c);
const set = (...c: Buffer[]) => tlv(0x31, ...c);
const int = (...bytes: number[]) => tlv(0x02, Buffer.from(bytes));
const oid = (hex: string) => tlv(0x06, Buffer.from(hex, 'hex'));
const utf8 = (s: string) => tlv(0x0c, Buffer.from(s));
const ctx0 = (...c: Buffer[]) => tlv(0xa0, ...c);
const SIGNED_DATA = '2a864886f70d010702';
const SHA256 = seq(oid('608648016503040201'));
const name = (cn: string) => seq(set(seq(oid('550403'), utf8(cn))));
const cert = (serial: number[], issuer: string, subject: string) =>
  seq(seq(ctx0(int(2)), int(...serial), SHA256, name(issuer), seq(), name(subject), seq()), SHA256, tlv(0x03, Buffer.from([0])));
const signerInfo = (issuer: string, serial: number[]) => seq(int(1), seq(name(issuer), int(...serial)), SHA256, SHA256, tlv(0x04, Buffer.from('sig')));
const signedData = (certs: Buffer[], infos: Buffer[]) =>
  seq(oid(SIGNED_DATA), ctx0(seq(int(1), set(SHA256), seq(oid('2a864886f70d010701')), ctx0(...certs), set(...infos))));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('DER walker', () => {
  it('reads short, long and indefinite lengths and nested children', () => {
    const big = Buffer.alloc(300, 1);
    const t = readTlv(tlv(0x04, big), 0);
    expect([t.contentStart, t.contentEnd]).toEqual([4, 304]);
    // BER: SEQUENCE (indefinite) { INTEGER 5, OCTET STRING "ab" } 00 00
    const ber = Buffer.from([0x30, 0x80, 0x02, 0x01, 0x05, 0x04, 0x02, 0x61, 0x62, 0x00, 0x00]);
    const s = readTlv(ber, 0);
    expect(s).toMatchObject({ indefinite: true, contentEnd: 9, end: 11 });
    expect(children(ber, s).map((c) => c.tag)).toEqual([0x02, 0x04]);
  });

  it('refuses values that run past their container, and primitive indefinite lengths', () => {
    expect(() => readTlv(Buffer.from([0x30, 0x05, 0x02, 0x01]), 0)).toThrow(FormatError);
    expect(() => readTlv(Buffer.from([0x04, 0x80, 0x00, 0x00]), 0)).toThrow(/indefinite/);
    expect(() => readTlv(Buffer.from([0x30, 0x85, 1, 1, 1, 1, 1]), 0)).toThrow(/too large/);
    expect(() => readTlv(Buffer.from([0x30, 0x80, 0x02, 0x01, 0x05]), 0)).toThrow(/end-of-contents/);
  });
});

describe('PKCS#7 signer certificate (v1)', () => {
  it('picks the certificate matching the SignerInfo issuer and serial, not the first one', () => {
    const ca = cert([1], 'Root', 'Root');
    const leaf = cert([0x00, 0x9f, 0x10], 'Root', 'Leaf');
    const block = signedData([ca, leaf], [signerInfo('Root', [0x9f, 0x10])]); // serial without the leading 00
    const got = pkcs7SignerCertificates(block);
    expect(got.map(sha)).toEqual([sha(leaf)]);
  });

  it('does not take a certificate with the same serial but another issuer', () => {
    const other = cert([7], 'Other CA', 'Leaf');
    const leaf = cert([7], 'Root', 'Leaf');
    expect(pkcs7SignerCertificates(signedData([other, leaf], [signerInfo('Root', [7])])).map(sha)).toEqual([sha(leaf)]);
  });

  it('fails when no certificate matches, or the block is not SignedData', () => {
    expect(() => pkcs7SignerCertificates(signedData([cert([1], 'A', 'A')], [signerInfo('B', [1])]))).toThrow(/no certificate/);
    expect(() => pkcs7SignerCertificates(seq(oid('2a864886f70d010701'), ctx0(seq())))).toThrow(/not SignedData/);
    expect(() => pkcs7SignerCertificates(Buffer.from('not der'))).toThrow(FormatError);
  });

  it('counts only signature blocks that have a matching .SF', () => {
    const e = (name: string) => ({ name }) as ZipEntry;
    const blocks = v1SignatureBlocks([e('META-INF/CERT.RSA'), e('META-INF/A.SF'), e('META-INF/A.EC'), e('META-INF/sub/B.RSA'), e('META-INF/sub/B.SF'), e('META-INF/MANIFEST.MF')]);
    expect(blocks.map((b) => b.name)).toEqual(['META-INF/A.EC']);
  });
});

describe('APK Signing Block (v2/v3)', () => {
  const u32 = (b: Buffer) => {
    const out = Buffer.alloc(4 + b.length);
    out.writeUInt32LE(b.length, 0);
    b.copy(out, 4);
    return out;
  };
  const schemeValue = (certs: Buffer[][]) =>
    u32(Buffer.concat(certs.map((cs) => u32(Buffer.concat([u32(Buffer.concat([u32(Buffer.alloc(0)), u32(Buffer.concat(cs.map(u32))), u32(Buffer.alloc(0))])), u32(Buffer.alloc(0)), u32(Buffer.alloc(0))])))));
  const block = (pairs: { id: number; value: Buffer }[]) => {
    const body = Buffer.concat(
      pairs.map((p) => {
        const head = Buffer.alloc(12);
        head.writeBigUInt64LE(BigInt(p.value.length + 4), 0);
        head.writeUInt32LE(p.id, 8);
        return Buffer.concat([head, p.value]);
      }),
    );
    const size = Buffer.alloc(8);
    size.writeBigUInt64LE(BigInt(body.length + 24), 0);
    return Buffer.concat([size, body, size, Buffer.from('APK Sig Block 42')]);
  };

  it('takes the first certificate of each signer and ignores unknown pair ids', () => {
    const a = Buffer.from('cert-a');
    const chain = Buffer.from('chain');
    const b = Buffer.from('cert-b');
    const pairs = signingBlockPairs(block([{ id: 0x42726577, value: Buffer.alloc(16) }, { id: 0x7109871a, value: schemeValue([[a, chain], [b]]) }]));
    expect(pairs.map((p) => p.id)).toEqual([0x42726577, 0x7109871a]);
    expect(schemeSignerCertificates(pairs[1].value).map((x) => x.toString())).toEqual(['cert-a', 'cert-b']);
  });

  it('refuses a block whose size fields disagree or whose pair runs past the end', () => {
    const good = block([{ id: 0x7109871a, value: schemeValue([[Buffer.from('x')]]) }]);
    const bad = Buffer.from(good);
    bad.writeBigUInt64LE(1n, 0);
    expect(() => signingBlockPairs(bad)).toThrow(/disagree/);
    const over = Buffer.from(good);
    over.writeBigUInt64LE(10_000n, 8);
    expect(() => signingBlockPairs(over)).toThrow(/runs past/);
    expect(() => schemeSignerCertificates(u32(u32(u32(Buffer.concat([u32(Buffer.alloc(0)), u32(Buffer.alloc(0))])))))).toThrow(/without certificates/);
  });
});

describe('signer digests of the project fixtures (apksigner oracle: *.certs.txt)', () => {
  const names = readdirSync(APKS).filter((n) => n.endsWith('.certs.txt'));

  it('has fixtures to check', () => expect(names.length).toBeGreaterThan(5));

  it.each(names)('%s', async (certs) => {
    const expected = certsTxtDigests(readFileSync(join(APKS, certs), 'utf8'));
    expect(expected).toEqual([FIXTURE_KEY]);
    const got = await signersOf(join(APKS, certs.replace(/\.certs\.txt$/, '.apk')));
    expect(got.warnings).toEqual([]);
    expect(got.signers.map((s) => s.sha256)).toEqual(expected);
    // Signed v1 + v2 by the fixture script: both schemes found, one digest.
    expect(new Set(got.signers.map((s) => s.scheme))).toEqual(new Set(['v2']));
  });
});

describeWithAndroguard('signer digests of the androguard corpus', () => {
  it('TestActivity.apk (v1) has the digest androguard asserts', async () => {
    const got = await signersOf(join(ANDROGUARD_EXAMPLES, 'android/TestsAndroguard/bin/TestActivity.apk'));
    expect(got.signers).toEqual([{ scheme: 'v1', sha256: '6f5c31608f1f9e285eb6343c7c8af07de81c1fb2148b5349bec906444144576d', entry: 'META-INF/CERT.RSA' }]);
  });

  it('partialsignature.apk counts 6AD89F48.RSA (it has a .SF), not CERT.RSA', async () => {
    const got = await signersOf(join(ANDROGUARD_EXAMPLES, 'tests/partialsignature.apk'));
    expect(got.signers.map((s) => s.entry)).toEqual(['META-INF/6AD89F48.RSA']);
  });

  it('v1-only-pkcs7-cert-bag-first-cert-not-used.apk yields the signer, not the first certificate of the bag', async () => {
    const path = join(ANDROGUARD_EXAMPLES, 'signing/apksig/v1-only-pkcs7-cert-bag-first-cert-not-used.apk');
    const got = await signersOf(path);
    const src = await FileSource.open(path);
    try {
      const zip = await openZip(src);
      const entry = v1SignatureBlocks(zip.entries)[0];
      const { readEntry } = await import('../../src/formats/zip.js');
      const buf = await readEntry(src, entry, { maxBytes: 1 << 20 });
      const bag = children(buf, children(buf, children(buf, children(buf, readTlv(buf, 0))[1])[0])[3]);
      expect(bag.length).toBeGreaterThan(1);
      expect(got.signers.map((s) => s.sha256)).not.toContain(sha(buf.subarray(bag[0].start, bag[0].end)));
    } finally {
      await src.close();
    }
    expect(got.signers).toHaveLength(1);
  });

  it('agrees with apksigner on every corpus APK it verifies', async () => {
    const rows = readFileSync(ORACLE, 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split('\t'))
      .filter(([, d]) => d !== '-');
    expect(rows.length).toBeGreaterThan(150);
    const mismatches: string[] = [];
    for (const [file, digests] of rows) {
      const got = (await signersOf(join(ANDROGUARD_EXAMPLES, file))).signers.map((s) => s.sha256);
      for (const d of digests.split(',')) if (!got.includes(d)) mismatches.push(`${file}: apksigner ${d}, ours ${got.join(',') || 'none'}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('never throws on any corpus APK (malformed blocks become warnings)', async () => {
    const all = readFileSync(ORACLE, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')[0]);
    let withWarnings = 0;
    for (const file of all) {
      let got: ApkSigners;
      try {
        got = await signersOf(join(ANDROGUARD_EXAMPLES, file));
      } catch (e) {
        if (e instanceof FormatError && e.format !== 'apk-signing-block') continue; // the ZIP itself is unreadable
        throw e;
      }
      if (got.warnings.length) withWarnings++;
    }
    expect(withWarnings).toBeLessThan(all.length);
  });
});
