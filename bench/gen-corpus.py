#!/usr/bin/env python3
"""Generate the benchmark build: a synthetic product-out tree made with the real Android toolchain.

APKs are packaged by `aapt` (manifest + compiled resources), their DEX files assembled by `smali`
from generated sources (many classes, methods and string constants, some of them URLs and
hosts), with assets (compressible JSON and text, random blobs) and native libraries. Non-APK
files are real shared libraries and generated configs.

The native libraries are real ELF files from a fixed list of Debian packages (LIB_PACKAGES),
fetched with `apt-get download` into bench/.cache/debs and unpacked there, never installed: every
machine on the same Debian release builds the same corpus. (Until session 15 they were copied
from whatever the machine's /usr/lib held, so two machines made 851 and 806 files.) Everything
else comes from the seeded random generator.

Usage: bench/gen-corpus.py OUT [--scale 1.0] [--seed 1]
Scale 1.0 is about 0.9 GB on disk with 320 APKs (scale 2: 640 APKs, about 1.75 GB).
"""
import argparse
import glob
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import zipfile

FRAMEWORK = "/usr/share/android-framework-res/framework-res.apk"

# Libraries of many kinds and sizes, as a firmware build holds (codecs, crypto, networking, ICU,
# a JavaScript engine, ML and graphics, a 110 MB LLVM like a WebView's): Debian 12 (bookworm)
# package names. About 190 MB of packages, 760 MB of libraries.
LIB_PACKAGES = sorted("""
    libaom3 libarchive13 libasound2 libass9 libassimp5 libavcodec59 libavfilter8 libavformat59
    libavutil57 libbluray2 libboost-filesystem1.74.0 libboost-regex1.74.0 libbullet3.24 libcairo2
    libcdt5 libclang-cpp14 libcurl4 libdav1d6 libdb5.3 libde265-0 libexiv2-27 libfftw3-double3
    libfreetype6 libgcrypt20 libgdal32 libgeos3.11.1 libgfortran5 libglib2.0-0 libgmp10
    libgnutls30 libgrpc++1.51 libgrpc29 libgs10 libgstreamer1.0-0 libgtk-3-0 libgvc6
    libharfbuzz0b libhdf5-103-1 libheif1 libicu72 libisl23 libjavascriptcoregtk-4.1-0 libjq1
    libjxl0.7 libkrb5-3 libldap-2.5-0 libllvm14 libmagickcore-6.q16-6 libmozjs-102-0 libmpfr6
    libnghttp2-14 libnss3 libode8 libonig5 libopenal1 libopenblas0-pthread libopencv-core406
    libopencv-dnn406 libopencv-imgproc406 libopenexr-3-1-30 libpango-1.0-0 libpcre2-8-0
    libperl5.36 libpoppler-cpp0v5 libpoppler126 libproj25 libprotobuf32 libpulse0 libpython3.11
    libqt5core5a libqt5gui5 libqt5network5 libqt5widgets5 libraw20 librav1e0 libsdl2-2.0-0
    libsndfile1 libsodium23 libspatialite7 libsqlite3-0 libssh-4 libssl3 libstdc++6
    libsvtav1enc1 libswscale6 libtbb12 libtcl8.6 libtesseract5 libtiff6 libtk8.6 libunbound8
    libunistring2 libvlccore9 libvpx7 libwebkit2gtk-4.1-0 libwebp7 libx264-164 libx265-199
    libxerces-c3.2 libxml2 libxslt1.1 libz3-4 libzstd1
""".split())


def debian_libs(cache):
    """The shared libraries of LIB_PACKAGES (fetched and unpacked once), sorted by path."""
    d = os.path.join(cache, "debs")
    tree = os.path.join(d, "tree")
    done = os.path.join(d, "packages.txt")
    want = "\n".join(LIB_PACKAGES)
    if not os.path.exists(done) or open(done).read().split("\n--\n")[0] != want:
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(tree)
        print(f"fetching {len(LIB_PACKAGES)} Debian packages of libraries into {d} ...", file=sys.stderr)
        got = subprocess.run(["apt-get", "download", *LIB_PACKAGES], cwd=d, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
        if got.returncode != 0:
            sys.exit("gen-corpus: apt-get download failed (the package lists may need `apt-get update`):\n"
                     + "\n".join(l for l in got.stderr.splitlines() if not l.startswith("W:")))
        versions = []
        for deb in sorted(glob.glob(os.path.join(d, "*.deb"))):
            subprocess.run(["dpkg-deb", "-x", deb, tree], check=True)
            versions.append(os.path.basename(deb))
            os.remove(deb)
        with open(done, "w") as f:
            f.write(want + "\n--\n" + "\n".join(versions) + "\n")
    libs = []
    for root, dirs, files in os.walk(tree):
        dirs.sort()
        for name in sorted(files):
            p = os.path.join(root, name)
            if ".so" in name and os.path.isfile(p) and not os.path.islink(p) and os.path.getsize(p) > 200_000:
                libs.append(p)
    # One library per file name (a partition holds each name once).
    by_name = {}
    for p in sorted(libs, key=lambda p: os.path.relpath(p, tree)):
        by_name.setdefault(os.path.basename(p), p)
    return sorted(by_name.values(), key=lambda p: os.path.relpath(p, tree))
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
    all_libs = debian_libs(cache)
    # Inside APKs, libraries of up to 20 MB; in the partitions, any.
    libs = [p for p in all_libs if os.path.getsize(p) < 20_000_000]
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
                z.writestr("assets/blob.bin", r.randbytes(r.randint(10_000, 2_000_000)), compress_type=zipfile.ZIP_STORED)
            if r.random() < 0.3:
                for lib in r.sample(libs, r.randint(1, 3)):
                    z.write(lib, f"lib/x86_64/{os.path.basename(lib).split('.so')[0]}.so", compress_type=zipfile.ZIP_STORED)
        total += os.path.getsize(apk)
    # Non-APK files: real shared libraries (each in one partition; past the distinct ones, again in
    # another, as system and vendor both carry their own copies) and generated configs.
    budget = int(400_000_000 * a.scale)
    used = 0
    placed = {}
    while used <= budget:
        for lib in r.sample(all_libs, len(all_libs)):
            if used > budget:
                break
            free = [p for p in ["system/lib64", "vendor/lib64", "system_ext/lib64"] if p not in placed.get(lib, [])]
            if not free:
                continue
            part = r.choice(free)
            placed.setdefault(lib, []).append(part)
            dst = os.path.join(out, part, os.path.basename(lib))
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copyfile(lib, dst)
            used += os.path.getsize(lib)
        if all(len(v) == 3 for v in placed.values()) and len(placed) == len(all_libs):
            break
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
