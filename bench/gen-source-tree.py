#!/usr/bin/env python3
"""Generate an AOSP-shaped source tree for timing the source indexer (`--source-root`).

Not a build: what the indexer walks and reads. Per module, a folder with an Android.bp, Java
sources, resource XML (values and layouts) and tests; every tenth module a product makefile
adding twenty modules with PRODUCT_PACKAGES. Modules are spread over the top-level folders of an
AOSP checkout, so XML is read only under device/, vendor/ and product/, as in a real tree.

Usage: bench/gen-source-tree.py OUT [--modules 8000] [--seed 7]
8000 modules: 392,800 files in 65,275 folders (~1.8 GB on ext4 with 4 KiB blocks); a full AOSP
checkout holds ~1M files without .repo/ and out/.
"""
import argparse
import os
import random

TOPS = ["frameworks", "packages", "external", "system", "hardware", "vendor", "device", "prebuilts", "art", "libcore", "bionic", "build", "product"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--modules", type=int, default=8000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    random.seed(a.seed)
    for m in range(a.modules):
        d = os.path.join(a.out, TOPS[m % len(TOPS)], f"g{m % 97}", f"mod{m}")
        for sub in ["", "src/com/acme", "res/values", "res/layout", "tests"]:
            os.makedirs(os.path.join(d, sub), exist_ok=True)
        with open(os.path.join(d, "Android.bp"), "w") as f:
            f.write(f'android_app {{\n    name: "Mod{m}",\n    srcs: ["src/**/*.java"],\n    static_libs: ["lib{m % 50}"],\n}}\n')
        if m % 10 == 0:
            with open(os.path.join(d, "product.mk"), "w") as f:
                f.write("PRODUCT_PACKAGES += \\\n" + "".join(f"    Mod{k} \\\n" for k in range(m, m + 20)) + "\n")
        for k in range(30):
            with open(os.path.join(d, "src/com/acme", f"C{k}.java"), "w") as f:
                f.write(f'package com.acme.mod{m};\nclass C{k} {{ String u = "https://x{k}.acme.com"; }}\n' * 5)
        for k in range(8):
            with open(os.path.join(d, "res/values", f"v{k}.xml"), "w") as f:
                rows = "".join(f'    <string name="s{j}">Some text {j} for the user</string>\n' for j in range(30))
                f.write(f'<?xml version="1.0" encoding="utf-8"?>\n<resources>\n{rows}    <string name="pkg">com.acme.mod{m}</string>\n</resources>\n')
        for k in range(10):
            with open(os.path.join(d, "res/layout", f"l{k}.xml"), "w") as f:
                f.write('<LinearLayout xmlns:android="http://schemas.android.com/apk/res/android" android:layout_width="match_parent">\n'
                        '  <TextView android:id="@+id/t" android:text="@string/s1"/>\n</LinearLayout>\n')


if __name__ == "__main__":
    main()
