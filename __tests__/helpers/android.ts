/**
 * Android APKs built at test time with Debian's aapt2 and smali (tests skip visibly without
 * them), and the reader of a resource toggle in a client's code: catalogued variant clients are
 * checked to load the ids their tables give their toggles (readToggleIds in extract/artifact.ts),
 * so a client built here carries a class that loads them as its real code does.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { put } from './temp.js';

export const FRAMEWORK_RES = '/usr/share/android-framework-res/framework-res.apk';
export const haveFrameworkRes = (): boolean => existsSync(FRAMEWORK_RES);
export const ANDROID_NS = 'xmlns:android="http://schemas.android.com/apk/res/android"';

/** The ids `aapt2 dump resources` lists for an APK's resources: `type/name` -> id. */
export function resourceIds(apk: string): Map<string, number> {
  const listing = execFileSync('aapt2', ['dump', 'resources', apk], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ids = new Map<string, number>();
  for (const m of listing.matchAll(/^\s*resource 0x([0-9a-f]{8}) ([^\s]+)/gm)) ids.set(m[2], parseInt(m[1], 16));
  return ids;
}

/**
 * A class of `pkg` whose method loads each id with `const` (`const/high16` when its low 16 bits
 * are 0, as d8 writes it) and reads it with Resources.getBoolean, as code compiled against R does.
 */
export function toggleReaderSmali(pkg: string, ids: readonly number[], className = 'ToggleReader'): string {
  const loads = ids.map((id) => `    ${(id & 0xffff) === 0 ? 'const/high16' : 'const'} v1, 0x${id.toString(16)}\n    invoke-virtual {v0, v1}, Landroid/content/res/Resources;->getBoolean(I)Z\n`).join('');
  return (
    `.class public L${pkg.replace(/\./g, '/')}/${className};\n.super Ljava/lang/Object;\n\n` +
    '.method public static read(Landroid/content/Context;)V\n    .registers 3\n' +
    '    invoke-virtual {p0}, Landroid/content/Context;->getResources()Landroid/content/res/Resources;\n    move-result-object v0\n' +
    `${loads}    return-void\n.end method\n`
  );
}

/** Assembles the smali sources (file name -> text) in `dir` and adds them to `apk` as classes.dex. */
export function addDex(apk: string, dir: string, smali: Record<string, string>): string {
  for (const [name, text] of Object.entries(smali)) put(join(dir, 'smali', name), text);
  execFileSync('smali', ['a', join(dir, 'smali'), '-o', join(dir, 'classes.dex')]);
  execFileSync('zip', ['-q', apk, 'classes.dex'], { cwd: dir });
  return join(dir, 'classes.dex');
}

export interface ApkOptions {
  /** smali sources (file name -> text) assembled into classes.dex. */
  smali?: Record<string, string>;
  /** Extra `aapt2 link` flags. */
  link?: string[];
  /** Resource keys (`bool/isCnVersion`) whose ids, as linked, a ToggleReader class of `pkg` loads (keys the table lacks are left out). */
  reads?: { pkg: string; keys: string[] };
}

/** An APK by aapt2 from a manifest and res/values, with classes.dex from smali when given. */
export function aapt2Apk(dir: string, out: string, manifest: string, values: string, opts: ApkOptions = {}): string {
  put(join(dir, 'AndroidManifest.xml'), manifest);
  put(join(dir, 'res', 'values', 'values.xml'), `<resources>${values}</resources>\n`);
  execFileSync('aapt2', ['compile', '--dir', join(dir, 'res'), '-o', join(dir, 'res.zip')]);
  mkdirSync(dirname(out), { recursive: true });
  execFileSync('aapt2', ['link', '-o', out, '-I', FRAMEWORK_RES, '--manifest', join(dir, 'AndroidManifest.xml'), ...(opts.link ?? []), join(dir, 'res.zip')]);
  const smali = { ...opts.smali };
  if (opts.reads) {
    const ids = resourceIds(out);
    smali['ToggleReader.smali'] = toggleReaderSmali(opts.reads.pkg, opts.reads.keys.flatMap((k) => ids.get(k) ?? []));
  }
  if (Object.keys(smali).length) addDex(out, dir, smali);
  return out;
}

/** Adds to an APK without code (aapt's) a classes.dex whose ToggleReader loads the ids its table gives `keys`. */
export function addToggleReader(apk: string, dir: string, pkg: string, keys: string[] = ['bool/isCnVersion']): string {
  const ids = resourceIds(apk);
  return addDex(apk, dir, { 'ToggleReader.smali': toggleReaderSmali(pkg, keys.flatMap((k) => ids.get(k) ?? [])) });
}

/**
 * dexdump -d's const/const-high16 literals (unsigned), sorted, one per distinct code item
 * (dexdump prints a shared code item under every method using it; readDexCode reads it once):
 * `|[0004c0] Class.method` starts a code item at 0x4c0, `|0007: const v0, ... // #fffea070`
 * gives the literal, `const/high16 ... // #4228` its high 16 bits.
 */
export function dexdumpConsts(text: string): number[] {
  const out: number[] = [];
  const seen = new Set<string>();
  let skip = false;
  for (const line of text.split('\n')) {
    const head = /\|\[([0-9a-f]+)\] /.exec(line);
    if (head) {
      skip = seen.has(head[1]);
      seen.add(head[1]);
      continue;
    }
    if (skip) continue;
    const m = /\|[0-9a-f]{4}: (const|const\/high16) v\d+, .*\/\/ #([0-9a-f]+)$/.exec(line);
    if (m) out.push(m[1] === 'const' ? parseInt(m[2], 16) >>> 0 : (parseInt(m[2], 16) * 0x10000) >>> 0);
  }
  return out.sort((a, b) => a - b);
}
