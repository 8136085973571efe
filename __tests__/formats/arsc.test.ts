import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { deflateRawSync } from 'node:zlib';
import { findResource, parseArsc, type ArscTable, type ArscValue } from '../../src/formats/arsc.js';
import { FormatError } from '../../src/formats/errors.js';
import {
  CORPUS,
  corpusPresent,
  describeIf,
  fixture,
  fixtureText,
  hasTool,
  parseAaptResources,
  pct,
  run,
  unzipEntry,
  walk,
  type AaptValue,
} from './helpers.js';
import { fuzzRuns } from '../helpers/mutations.js';

const key = (v: { config: string; id: number; type: string; name: string; t: number; d: number }): string =>
  `${v.config}|0x${v.id.toString(16)}|${v.type}/${v.name}|t=${v.t}|d=${v.d >>> 0}`;

/** Our simple values against aapt's, as sorted key lists; returns [missing, extra]. */
function diffWithAapt(table: ArscTable, aapt: AaptValue[]): [string[], string[]] {
  const ours = table.packages.flatMap((p) => p.values.map((v) => key({ ...v, t: v.dataType, d: v.data })));
  const theirs = aapt.map(key);
  const o = new Set(ours);
  const t = new Set(theirs);
  return [theirs.filter((k) => !o.has(k)), ours.filter((k) => !t.has(k))];
}

const value = (table: ArscTable, type: string, name: string, config = ''): ArscValue | undefined =>
  table.packages[0].values.find((v) => v.type === type && v.name === name && v.config === config);

describe('parseArsc on the aapt-built fixture (formats-app)', () => {
  const buf = fixture('formats-app.resources.arsc');
  const table = parseArsc(buf);
  const aapt = parseAaptResources(fixtureText('formats-app.resources.txt'));

  test('every simple value, id, type, name, configuration and Res_value agrees with aapt', () => {
    expect(aapt.values.length).toBeGreaterThan(15);
    expect(diffWithAapt(table, aapt.values)).toEqual([[], []]);
    expect(table.packages).toHaveLength(1);
    expect(table.packages[0]).toMatchObject({ id: 0x7f, name: 'com.example.formats.app' });
    expect(table.packages[0].bagCount).toBe(aapt.bags);
  });

  test('typed values per configuration', () => {
    expect(value(table, 'bool', 'config_enable_activation')?.value).toBe(true);
    expect(value(table, 'bool', 'config_enable_activation', 'zh-rCN')?.value).toBe(false);
    expect(value(table, 'bool', 'config_show_eula')?.value).toBe(false);
    expect(value(table, 'integer', 'config_retry')?.value).toBe(7);
    expect(value(table, 'integer', 'config_retry', 'v21')?.value).toBe(21);
    expect(value(table, 'integer', 'config_mask')?.value).toBe(0x7fff0000);
    expect(value(table, 'color', 'brand')?.value).toBe('#ff336699');
    expect(value(table, 'color', 'brand', 'night-v8')?.value).toBe('#ff000000');
    expect(value(table, 'color', 'brand_rgb')?.value).toBe('#ff112233');
    expect(value(table, 'dimen', 'margin')?.value).toBe('16.0dip');
    expect(value(table, 'dimen', 'margin', 'sw600dp-land-v13')?.value).toBe('32.0dip');
    expect(value(table, 'fraction', 'ratio')?.value).toBe('25.0%');
    expect(value(table, 'string', 'app_name')?.value).toBe('Formats 应用');
    expect(value(table, 'string', 'app_name', 'zh-rCN')?.value).toBe('格式');
    expect(value(table, 'string', 'activation_url', 'mcc460')?.value).toBe('https://activate.example.cn/mcc460');
    const alias = value(table, 'string', 'alias');
    expect(alias?.value).toBe(`@0x${value(table, 'string', 'app_name')?.id.toString(16)}`);
    expect(findResource(table, value(table, 'string', 'app_name')!.id).map((v) => v.config).sort()).toEqual(['', 'zh-rCN']);
  });

  test('global pool: UTF-8 strings with offsets, including the >0x7FFF truncated-length string', () => {
    const url = table.globalStrings.find((s) => s.value === 'https://activate.example.cn/v1/register');
    expect(url).toBeDefined();
    expect(buf.toString('utf8', url!.offset, url!.offset + url!.value.length)).toBe(url!.value);
    const long = value(table, 'string', 'long_text')?.value as string;
    expect(long).toHaveLength(33003);
    expect(long.endsWith('xxxEND')).toBe(true);
    expect(table.warnings.some((w) => /truncated length \(real length 33003 bytes\)/.test(w))).toBe(true);
    // The bag (string-array) items still sit in the global pool.
    expect(table.globalStrings.map((s) => s.value)).toEqual(expect.arrayContaining(['a.example.cn', 'b.example.cn']));
  });
});

describe('aapt2 sparse-encoded overlay table', () => {
  const buf = fixture('formats-overlay.resources.arsc');
  const table = parseArsc(buf);

  test('the fixture really uses FLAG_SPARSE type chunks', () => {
    let sparse = 0;
    for (let i = buf.indexOf(Buffer.from([0x01, 0x02])); i >= 0; i = buf.indexOf(Buffer.from([0x01, 0x02]), i + 1)) {
      if (i % 4 === 0 && buf.readUInt16LE(i + 2) >= 20 && buf[i + 9] & 0x01) sparse++;
    }
    expect(sparse).toBeGreaterThan(0);
  });

  test('agrees with aapt and reads the toggles', () => {
    const aapt = parseAaptResources(fixtureText('formats-overlay.resources.txt'));
    expect(diffWithAapt(table, aapt.values)).toEqual([[], []]);
    expect(value(table, 'bool', 'config_cn_activation')?.value).toBe(true);
    expect(value(table, 'bool', 'flag_37', 'zh-rCN')?.value).toBe(true);
    expect(value(table, 'string', 'activation_host', 'zh-rCN')?.value).toBe('激活.example.cn');
    expect(value(table, 'integer', 'config_level')?.value).toBe(3);
  });
});

describe('damaged tables', () => {
  const buf = fixture('formats-app.resources.arsc');

  test('a deflated (compressed) arsc is a FormatError, not a crash', () => {
    expect(() => parseArsc(deflateRawSync(buf))).toThrow(FormatError);
  });

  test('too short or wrong headers', () => {
    expect(() => parseArsc(Buffer.alloc(4))).toThrow(FormatError);
    const b = Buffer.from(buf);
    b.writeUInt16LE(4, 2);
    expect(() => parseArsc(b)).toThrow(FormatError);
  });

  test('truncated tables yield what they hold, with a warning', () => {
    const t = parseArsc(buf.subarray(0, Math.floor(buf.length * 0.98)));
    expect(t.warnings.join()).toMatch(/truncated/);
    expect(t.globalStrings.length).toBe(parseArsc(buf).globalStrings.length);
    for (const cut of [12, 40, 200, 1000, 30000, buf.length - 1]) {
      try {
        parseArsc(buf.subarray(0, cut));
      } catch (e) {
        expect(e).toBeInstanceOf(FormatError);
      }
    }
  });

  test('property: truncations and byte flips parse or throw FormatError', () => {
    const inputs = [buf, fixture('formats-overlay.resources.arsc')];
    for (const input of inputs) {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: input.length }),
          fc.array(fc.tuple(fc.nat(input.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
          (cut, flips) => {
            const b = Buffer.from(input.subarray(0, cut));
            for (const [at, v] of flips) if (at < b.length) b[at] = v;
            try {
              parseArsc(b);
            } catch (e) {
              if (!(e instanceof FormatError)) throw e;
            }
          },
        ),
        { numRuns: fuzzRuns(200) },
      );
    }
  });
});

describeIf(corpusPresent && hasTool('aapt') && hasTool('unzip'), 'androguard corpus, aapt or unzip missing')('corpus resources.arsc against aapt', () => {
  test('simple values and configurations agree with aapt dump --values resources', () => {
    const seen = new Set<string>();
    let tables = 0;
    let agreed = 0;
    let values = 0;
    const problems: string[] = [];
    for (const apk of walk(CORPUS, (p) => p.endsWith('.apk'))) {
      const arsc = unzipEntry(apk, 'resources.arsc');
      if (!arsc) continue;
      const id = arsc.toString('base64');
      if (seen.has(id)) continue;
      seen.add(id);
      const out = run('aapt', ['dump', '--values', 'resources', apk]);
      if (out.status !== 0 || !/Package Group/.test(out.stdout)) continue; // aapt cannot read it
      tables++;
      const rel = apk.slice(CORPUS.length + 1);
      const aapt = parseAaptResources(Buffer.from(out.stdout, 'latin1').toString('utf8'));
      try {
        const table = parseArsc(arsc);
        const [missing, extra] = diffWithAapt(table, aapt.values);
        values += aapt.values.length;
        if (missing.length === 0 && extra.length === 0) agreed++;
        else problems.push(`${rel}: missing ${missing.slice(0, 3).join(' ; ')} extra ${extra.slice(0, 3).join(' ; ')}`);
      } catch (e) {
        problems.push(`${rel}: ${String(e)}`);
      }
    }
    console.log(`[formats] resources.arsc: ${agreed}/${tables} distinct tables agree with aapt value by value (${pct(agreed, tables)}, ${values} values)`);
    expect(problems).toEqual([]);
    expect(tables).toBeGreaterThan(10);
  });
});
