/**
 * Package mentions in plain files (a CAF whitelist names a package it does not install): each
 * catalogued package's first occurrence that stands as a whole name (no letter, digit, `_` or
 * `.` on either side). The search makes one pass per group of packages sharing their first
 * bytes; these tests hold it to the definition, written here as one search per package.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { extractInput } from '../../src/extract/input.js';
import { RecordingLogger } from '../../src/logging.js';
import '../helpers/fast-check-seed.js';
import { fuzzRuns } from '../helpers/mutations.js';
import { tempDir } from '../helpers/temp.js';

// Sharing prefixes (`com.`, `com.sec.omadm` inside `com.sec.omadmspr`), and one of another
// prefix; a longer package before a shorter one (which a file can end with).
const PACKAGES = ['com.evenwell.pushagent', 'com.sec.omadm', 'com.sec.omadmspr', 'com.miui.dmregservice', 'cn.acme.reg'];

const isNameByte = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2e;

/** The definition: per package, its first whole-name occurrence. */
function reference(buf: Buffer, packages: string[]): string[] {
  const out: string[] = [];
  for (const p of packages) {
    for (let i = buf.indexOf(p, 0, 'latin1'); i >= 0; i = buf.indexOf(p, i + 1, 'latin1')) {
      const end = i + p.length;
      if ((i > 0 && isNameByte(buf[i - 1])) || (end < buf.length && isNameByte(buf[end]))) continue;
      out.push(`${p}@${i}`);
      break;
    }
  }
  return out.sort();
}

async function mentionsOf(files: Buffer[]): Promise<string[][]> {
  const dir = tempDir('ag-mentions-');
  files.forEach((b, i) => writeFileSync(path.join(dir, `f${i}.txt`), b));
  const facts = await extractInput(dir, { known: { hosts: new Set(), sms: new Set() }, mentionPackages: new Set(PACKAGES), logger: new RecordingLogger() });
  return files.map((_, i) =>
    facts.mentions
      .filter((m) => m.evidence.path === `f${i}.txt`)
      .map((m) => `${m.package}@${m.evidence.offset}`)
      .sort(),
  );
}

describe('package mentions in plain files', () => {
  it('finds whole names only: not glued to name bytes, the longer of two packages sharing a prefix, at the file edges', async () => {
    const text = Buffer.from(
      [
        'xcom.sec.omadm', // glued before
        'com.sec.omadm_x', // glued after
        'com.sec.omadm.ui', // a longer dotted name
        '<item>com.sec.omadmspr</item>', // the longer package, not the shorter inside it
        '"com.sec.omadm"', // the first whole occurrence of the shorter one
        'com.sec.omadm', // later: not reported again
        'com.miui.dmregservice',
      ].join('\n'),
      'latin1',
    );
    const edges = Buffer.from('cn.acme.reg-and-com.evenwell.pushagent', 'latin1');
    const [a, b] = await mentionsOf([text, edges]);
    const at = (s: string): number => text.indexOf(s, 0, 'latin1');
    expect(a).toEqual(
      [`com.miui.dmregservice@${text.lastIndexOf('com.miui')}`, `com.sec.omadm@${at('"com.sec.omadm"') + 1}`, `com.sec.omadmspr@${at('<item>') + 6}`].sort(),
    );
    expect(b).toEqual(['cn.acme.reg@0', `com.evenwell.pushagent@${edges.length - 'com.evenwell.pushagent'.length}`]);
    expect([a, b]).toEqual([reference(text, PACKAGES), reference(edges, PACKAGES)]);
  });

  it('agree with one search per package on random text made of the packages, their pieces and separators (property)', async () => {
    const piece = fc.constantFrom(...PACKAGES, 'com.', 'com.sec.', 'omadm', 'spr', '_', '.', 'x', '9', ' ', '\n', '"', '<', '-', '/', 'cn.acme.');
    const file = fc.array(piece, { maxLength: 40 }).map((parts) => Buffer.from(parts.join(''), 'latin1'));
    await fc.assert(
      fc.asyncProperty(fc.array(file, { minLength: 1, maxLength: 4 }), async (files) => {
        expect(await mentionsOf(files)).toEqual(files.map((b) => reference(b, PACKAGES)));
      }),
      { numRuns: fuzzRuns(60) },
    );
  });
});
