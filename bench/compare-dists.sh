#!/usr/bin/env bash
# Checks that two builds of dist/ give byte-identical outputs: the guard for any performance
# change, which must not move a byte. Usage (from the repository root):
#   cp -r dist /tmp/before-dist    # before the change
#   ...change, npm run package...
#   bash bench/compare-dists.sh /tmp/before-dist dist
# Compares the CLI's JSON, text, markdown and SARIF (and its stderr, file names aside) on the
# sample build, the test fixtures and, when `npm run bench` has made it, the benchmark corpus
# (EU and CN); and the Action's log, job summary, step outputs and report file on the sample and
# the corpus. Exits 1 on any difference.
set -u
BASE=$(cd "$1" && pwd)
NEW=$(cd "$2" && pwd)
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/empty-src"
status=0

cases=(
  "sample/out/600E0 sample/out/600CN --policy sample/activation-gate.yml --source-root __tests__/fixtures/source"
  "__tests__/fixtures/hostile --market EU"
  "__tests__/fixtures/builds --market EU"
  "__tests__/fixtures/images --market EU"
  "__tests__/fixtures/apks --market EU --source-root __tests__/fixtures/source"
)
if [ -d bench/corpus ]; then
  cases+=("bench/corpus --market EU --source-root $WORK/empty-src" "bench/corpus --market CN --source-root $WORK/empty-src")
fi

i=0
for args in "${cases[@]}"; do
  i=$((i + 1))
  for which in base new; do
    dist=$BASE
    [ "$which" = new ] && dist=$NEW
    for fmt in json text markdown sarif; do
      # shellcheck disable=SC2086
      node "$dist/cli.js" scan $args --format "$fmt" --fail-on never --output "$WORK/$i.$fmt.$which" 2>"$WORK/$i.$fmt.$which.err" >/dev/null
      sed -i "s#$WORK/$i.$fmt.$which#OUT#" "$WORK/$i.$fmt.$which.err"
    done
  done
  for fmt in json text markdown sarif; do
    for suffix in "" ".err"; do
      if ! cmp -s "$WORK/$i.$fmt.base$suffix" "$WORK/$i.$fmt.new$suffix"; then
        echo "DIFFERS: scan $args --format $fmt${suffix:+ (stderr)}"
        status=1
      fi
    done
  done
done

# The Action as the runner starts it (no API calls: comment and check run off).
action() { # dist input outdir
  mkdir -p "$3"
  : >"$3/out"
  : >"$3/sum"
  env -i PATH="$PATH" HOME="$HOME" INPUT_PATH="$2" INPUT_MARKET=EU "INPUT_FAIL-ON=never" "INPUT_SOURCE-ROOT=$WORK/empty-src" \
    "INPUT_REPORT-FILE=$3/report.json" INPUT_COMMENT=never "INPUT_CHECK-RUN=false" GITHUB_OUTPUT="$3/out" GITHUB_STEP_SUMMARY="$3/sum" \
    GITHUB_WORKSPACE="$ROOT" RUNNER_TEMP="$3" node "$1/index.js" 2>&1 |
    sed -E "s#$3#DIR#g; s/::stop-commands::[0-9a-f-]+/::stop-commands::X/; s/^::[0-9a-f-]{36}::$/::X::/" >"$3/log"
  sed -i -E "s/ghadelimiter_[0-9a-f-]+/D/; s#$3#DIR#g" "$3/out" "$3/sum"
}
inputs=(sample/out/600E0)
[ -d bench/corpus ] && inputs+=(bench/corpus)
for input in "${inputs[@]}"; do
  action "$BASE" "$input" "$WORK/action-base"
  action "$NEW" "$input" "$WORK/action-new"
  for f in log out sum report.json; do
    if ! cmp -s "$WORK/action-base/$f" "$WORK/action-new/$f"; then
      echo "DIFFERS: the Action on $input: $f"
      status=1
    fi
  done
  rm -rf "$WORK/action-base" "$WORK/action-new"
done

[ "$status" = 0 ] && echo "same outputs: ${#cases[@]} scan cases x 4 formats, the Action on ${#inputs[@]} inputs"
exit "$status"
