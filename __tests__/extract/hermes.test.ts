/**
 * React Native's compiled JavaScript: hermesc packs every string of a bundle into one storage,
 * end to end and overlapping, so a raw scan reads a literal glued to its neighbours: the listed
 * SMS number as `10659401By tapping Agree...`, the listed host `dm.wo.com.cn` as
 * `cmdm.wo.com.cn`. Each string is read on its own from the string table (scanHermesStrings).
 * Fixtures: scripts/fixtures/build-hermes.sh (hermesc 74-99, an APK made by aapt and apksigner).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { EndpointScanner } from '../../src/extract/endpoints.js';
import { scanHermesStrings } from '../../src/extract/string-scan.js';
import type { EndpointHit } from '../../src/facts.js';
import { FormatError } from '../../src/formats/errors.js';
import type { Report } from '../../src/report/model.js';
import { scanIn } from '../helpers/scan.js';
import { tempDir } from '../helpers/temp.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'hermes');
const VERSIONS = [74, 84, 89, 96, 98, 99];
const hbc = (v: number): Buffer => readFileSync(join(DIR, `register-v${v}.hbc`));

/** Where the report found `value`: [path, entry or null, source, offset] of each evidence. */
function evidenceOf(report: Report, value: string): [string, string | null, string, number | undefined][] | undefined {
  return report.targets[0].endpoints.find((e) => e.value === value)?.evidence.map((e) => [e.path, e.entry ?? null, e.source, e.offset]);
}

/** File offsets of the planted literals, found in the bytes as hermesc laid them (glued to their neighbours). */
function planted(buf: Buffer): { dm: number; sms: number } {
  return { dm: buf.indexOf('cmdm.wo.com.cn', 0, 'latin1') + 2, sms: buf.indexOf('10659401By tapping', 0, 'latin1') };
}

const KNOWN = { hosts: new Set(['zzhc.vnet.cn', 'dm.wo.com.cn']), sms: new Set(['10659401']) };

function hitsOf(buf: Buffer, opts = {}): string[] {
  const hits: EndpointHit[] = [];
  scanHermesStrings(buf, { path: 'b', source: 'asset' }, new EndpointScanner(KNOWN), { add: (h) => hits.push(h) }, opts);
  return hits.map((h) => `${h.kind} ${h.value} @${h.evidence.offset}${h.scheme ? ` ${h.scheme}` : ''}`).sort();
}

describe('Hermes bytecode bundles', () => {
  it('an APK with assets/index.android.bundle (deflated): the host and SMS number hermesc glued to other strings are found in the bundle', async () => {
    const dir = tempDir('ag-hermes-apk-');
    mkdirSync(join(dir, 'build', 'system', 'app', 'Rn'), { recursive: true });
    copyFileSync(join(DIR, 'react-native.apk'), join(dir, 'build', 'system', 'app', 'Rn', 'Rn.apk'));
    const report = await scanIn(dir);
    const { dm, sms } = planted(hbc(96));
    const at = (offset: number): [string, string, string, number] => ['system/app/Rn/Rn.apk', 'assets/index.android.bundle', 'asset', offset];
    expect(evidenceOf(report, 'dm.wo.com.cn')).toEqual([at(dm)]);
    expect(evidenceOf(report, '10659401')).toEqual([at(sms)]);
    for (const value of ['dm.wo.com.cn', '10659401', 'zzhc.vnet.cn']) {
      expect(report.findings.some((f) => f.rule === 'denied-endpoint' && f.endpoint === value)).toBe(true);
    }
    // Each place once: the URL, zzhc.vnet.cn on its own (inside the URL's bytes), the UTF-16 text.
    expect(evidenceOf(report, 'zzhc.vnet.cn')?.map((e) => e[3])).toHaveLength(3);
    expect(report.targets[0].unreadable).toEqual([]);
  });

  it.each(VERSIONS)('version %i as a file of the walk: found at the offsets of its bytes', async (v) => {
    const dir = tempDir('ag-hermes-file-');
    mkdirSync(join(dir, 'build', 'data'), { recursive: true });
    writeFileSync(join(dir, 'build', 'data', 'index.android.bundle'), hbc(v));
    const report = await scanIn(dir);
    const { dm, sms } = planted(hbc(v));
    expect(evidenceOf(report, 'dm.wo.com.cn')).toEqual([['data/index.android.bundle', null, 'file', dm]]);
    expect(evidenceOf(report, '10659401')).toEqual([['data/index.android.bundle', null, 'file', sms]]);
    expect(report.targets[0].unreadable).toEqual([]);
  });

  it('a version it does not read: unreadable, naming the bundle and the version, and scanned raw as before', async () => {
    const dir = tempDir('ag-hermes-v100-');
    mkdirSync(join(dir, 'build', 'data'), { recursive: true });
    const buf = Buffer.from(hbc(99));
    buf.writeUInt32LE(100, 8);
    writeFileSync(join(dir, 'build', 'data', 'index.android.bundle'), buf);
    const report = await scanIn(dir);
    expect(report.targets[0].unreadable).toEqual([
      {
        path: 'data/index.android.bundle',
        format: 'hermes',
        reason: 'Hermes bytecode version 100 is not one this scanner reads (74-99); its string table not read, its bytes scanned raw',
        offset: 8,
      },
    ]);
    expect(evidenceOf(report, 'zzhc.vnet.cn')?.length).toBeGreaterThan(0);
    expect(report.findings.some((f) => f.rule === 'unreadable-artifact' && f.path === 'data/index.android.bundle')).toBe(true);
  });

  it('UTF-16 strings are read as text, at the offset of their code units; scanned in small chunks the hits are the same', () => {
    const buf = hbc(96);
    const hits = hitsOf(buf);
    // 注册 http://zzhc.vnet.cn: its URL starts three code units into the string.
    const utf16 = buf.indexOf(Buffer.from('注册 http://zzhc.vnet.cn', 'utf16le'));
    expect(hits).toContain(`host zzhc.vnet.cn @${utf16 + 6} http`);
    expect(hitsOf(buf, { chunkBytes: 16 })).toEqual(hits);
  });

  it('strings that add up to more than the storage allows (a table crafted to overlap without end) are refused', () => {
    expect(() => hitsOf(hbc(96), { maxSpan: 100 })).toThrow(FormatError);
    expect(() => hitsOf(hbc(96), { maxSpan: 100 })).toThrow(/its \d+ strings add up to \d+ bytes, more than the 100 its \d+-byte string storage allows/);
  });
});
