#!/usr/bin/env python3
"""Generate the benchmark build: a synthetic product-out tree made with the real Android toolchain.

APKs are packaged by `aapt` (manifest + compiled resources), their DEX files assembled by `smali`
from generated sources (many classes, methods and string constants, some of them URLs and
hosts), with assets (compressible JSON and text) and native libraries (real ELF files copied from
this machine's /usr/lib). Non-APK files are real shared libraries and generated configs.

Usage: bench/gen-corpus.py OUT [--scale 1.0] [--seed 1]
Scale 1.0 is about 0.8 GB on disk with 320 APKs (scale 2: 640 APKs, about 1.6 GB).
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import zipfile

FRAMEWORK = "/usr/share/android-framework-res/framework-res.apk"
SMALI = ["java", "-jar", "/usr/share/java/smali.jar", "assemble"]
TLDS = ["com", "cn", "net", "org", "eu", "io", "de", "com.cn", "co.uk", "jp"]
WORDS = ("alpha beta gamma delta sync push update config telemetry report upload device account "
         "login auth token media image video cache store cloud region api cdn static log metric "
         "event crash notify register activation warranty service client server proxy").split()


def rnd_host(r):
    return ".".join([r.choice(WORDS)] + [r.choice(WORDS) + str(r.randint(0, 99))] + [r.choice(TLDS)])


def rnd_ident(r, n=3):
    return "".join(r.choice(WORDS).capitalize() for _ in range(n))


def gen_smali(dirpath, r, target_bytes, pkg):
    """Writes smali classes until the estimated DEX size reaches target_bytes."""
    os.makedirs(dirpath, exist_ok=True)
    est = 0
    n = 0
    while est < target_bytes:
        cls = f"L{pkg.replace('.', '/')}/{rnd_ident(r, 2)}{n};"
        lines = [f".class public {cls}", ".super Ljava/lang/Object;", ""]
        for m in range(40):
            lines.append(f".method public static m{m}()V")
            lines.append("    .registers 2")
            for k in range(6):
                roll = r.random()
                if roll < 0.003:
                    s = f"https://{rnd_host(r)}/v{r.randint(1, 3)}/{r.choice(WORDS)}"
                elif roll < 0.005:
                    s = rnd_host(r)
                elif roll < 0.10:
                    s = f"{pkg}.{rnd_ident(r, 2)}{r.randint(0, 9999)}"
                elif roll < 0.14:
                    s = f"ro.{r.choice(WORDS)}.{r.choice(WORDS)}"
                else:
                    s = " ".join(r.choice(WORDS) for _ in range(r.randint(1, 6))) + f" {r.randint(0, 10**6)}"
                lines.append(f'    const-string v0, "{s}"')
                est += len(s) + 30
            lines.append("    return-void")
            lines.append(".end method")
            est += 60
        with open(os.path.join(dirpath, f"C{n}.smali"), "w") as f:
            f.write("\n".join(lines) + "\n")
        n += 1


def build_dex(cache, r, size, idx):
    out = os.path.join(cache, f"dex-{size}-{idx}.dex")
    if os.path.exists(out):
        return out
    with tempfile.TemporaryDirectory() as d:
        gen_smali(d, r, size, f"com.bench.gen{idx}")
        subprocess.run(SMALI + ["-o", out, d], check=True)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    r = random.Random(a.seed)
    out = a.out
    cache = os.path.join(os.path.dirname(os.path.abspath(out)), ".cache")
    os.makedirs(cache, exist_ok=True)
    if os.path.exists(out):
        shutil.rmtree(out)

    # DEX templates: many small, some large (sizes in bytes of estimated string data).
    sizes = [60_000, 150_000, 400_000, 1_200_000, 2_500_000, 6_000_000, 12_000_000, 28_000_000]
    templates = {s: [build_dex(cache, random.Random(s * 7 + i), s, i) for i in range(2 if s <= 1_200_000 else 1)] for s in sizes}
    weights = [0.30, 0.25, 0.18, 0.14, 0.07, 0.03, 0.02, 0.01]
    libs = sorted(p for p in (os.path.join("/usr/lib/x86_64-linux-gnu", f) for f in os.listdir("/usr/lib/x86_64-linux-gnu"))
                  if ".so" in os.path.basename(p) and os.path.isfile(p) and not os.path.islink(p) and 200_000 < os.path.getsize(p) < 20_000_000)
    n_apks = max(4, int(320 * a.scale))
    parts = [("system", "app", 0.25), ("system", "priv-app", 0.15), ("product", "app", 0.2), ("product", "priv-app", 0.05),
             ("system_ext", "priv-app", 0.15), ("vendor", "app", 0.1), ("vendor", "priv-app", 0.1)]
    manifest_dir = tempfile.mkdtemp()
    total = 0
    for i in range(n_apks):
        part, folder = r.choices([(p, f) for p, f, _ in parts], weights=[w for _, _, w in parts])[0]
        name = f"Bench{i:03d}{rnd_ident(r, 1)}"
        pkg = f"com.bench.app{i:03d}"
        d = os.path.join(out, part, folder, name)
        os.makedirs(d, exist_ok=True)
        apk = os.path.join(d, name + ".apk")
        res = os.path.join(manifest_dir, f"res{i}")
        os.makedirs(os.path.join(res, "values"), exist_ok=True)
        os.makedirs(os.path.join(manifest_dir, f"m{i}"), exist_ok=True)
        with open(os.path.join(manifest_dir, f"m{i}", "AndroidManifest.xml"), "w") as f:
            f.write(f'<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="{pkg}" '
                    f'android:versionCode="{i + 1}" android:versionName="1.{i}">'
                    '<uses-permission android:name="android.permission.INTERNET"/>'
                    '<application android:label="@string/app_name"/></manifest>')
        with open(os.path.join(res, "values", "strings.xml"), "w") as f:
            items = "".join(f'<string name="s{k}">{r.choice(WORDS)} {rnd_host(r) if r.random() < 0.1 else r.choice(WORDS)}</string>'
                            for k in range(r.randint(20, 400)))
            f.write(f'<resources><string name="app_name">{name}</string>{items}</resources>')
        subprocess.run(["aapt", "package", "-f", "-M", os.path.join(manifest_dir, f"m{i}", "AndroidManifest.xml"), "-S", res,
                        "-I", FRAMEWORK, "-F", apk], check=True, stdout=subprocess.DEVNULL)
        size = r.choices(sizes, weights=weights)[0]
        dexes = [r.choice(templates[size])]
        if size >= 6_000_000:  # multidex for the big ones
            dexes.append(r.choice(templates[r.choice(sizes[:5])]))
        with zipfile.ZipFile(apk, "a", compression=zipfile.ZIP_DEFLATED) as z:
            for k, dx in enumerate(dexes):
                z.write(dx, "classes.dex" if k == 0 else f"classes{k + 1}.dex")
            if r.random() < 0.6:
                blob = json.dumps({"endpoints": [f"https://{rnd_host(r)}/x" for _ in range(5)],
                                   "text": [" ".join(r.choice(WORDS) for _ in range(50)) for _ in range(r.randint(50, 4000))]})
                z.writestr("assets/config.json", blob)
            if r.random() < 0.3:
                z.writestr("assets/blob.bin", os.urandom(r.randint(10_000, 2_000_000)), compress_type=zipfile.ZIP_STORED)
            if r.random() < 0.3:
                for lib in r.sample(libs, r.randint(1, 3)):
                    z.write(lib, f"lib/x86_64/{os.path.basename(lib).split('.so')[0]}.so", compress_type=zipfile.ZIP_STORED)
        total += os.path.getsize(apk)
    # Non-APK files: real shared libraries and generated configs.
    budget = int(400_000_000 * a.scale)
    used = 0
    for lib in r.sample(libs, len(libs)):
        if used > budget:
            break
        dst = os.path.join(out, r.choice(["system/lib64", "vendor/lib64", "system_ext/lib64"]), os.path.basename(lib))
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copyfile(lib, dst)
        used += os.path.getsize(lib)
    for part in ["system", "vendor", "product"]:
        os.makedirs(os.path.join(out, part, "etc"), exist_ok=True)
        with open(os.path.join(out, part, "etc", "endpoints.json"), "w") as f:
            json.dump({"servers": [f"https://{rnd_host(r)}" for _ in range(50)]}, f)
    with open(os.path.join(out, "system", "build.prop"), "w") as f:
        f.write("ro.build.fingerprint=Bench/bench_00EEA/bench:14/UQ1A/1:user/release-keys\nro.product.name=bench_00EEA\n")
    with open(os.path.join(out, "vendor", "build.prop"), "w") as f:
        f.write("ro.cda.skuid.id=600E0\n")
    total += used
    shutil.rmtree(manifest_dir)
    print(f"{n_apks} APKs, {total / 1e9:.2f} GB in {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
