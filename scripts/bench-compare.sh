#!/usr/bin/env bash
# Whole-process timings of two parley binaries, side by side, with hyperfine (Debian's package): the
# figures of docs/benchmarks.md ("Side by side"). Run it on a quiet machine.
#
#   scripts/bench-compare.sh OLD_BINARY NEW_BINARY [GOLDEN_DIR]
#
# Each case runs in a fresh temporary folder (outputs are written, as a user's run writes them); mc
# cases remove their store before each run. Prints one hyperfine table per case (markdown in
# build/bench-compare/*.md).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
old=$(realpath "$1")
new=$(realpath "$2")
golden=$(realpath "${3:-${PARLEY_GOLDEN_DIR:-$root/../shared/golden}}")
command -v hyperfine >/dev/null || { echo "bench-compare: hyperfine is missing (scripts/install-deps.sh)" >&2; exit 1; }

out=$root/build/bench-compare
rm -rf "$out"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# case NAME RUNS ARGS...: both binaries, `RUNS` timed runs each after 2 warm-ups.
case_() {
  local name=$1 runs=$2
  shift 2
  local args
  printf -v args '%q ' "$@"
  hyperfine --style basic --warmup 2 --runs "$runs" --export-markdown "$out/$name.md" \
    --prepare "rm -rf $work/o" \
    -n "old $name" "cd $work && $old $args" \
    -n "new $name" "cd $work && $new $args"
}

case_ version 30 --version
case_ default-run 20 run -q -o o
case_ mc-2000-j1 3 mc -n 2000 -j 1 -q -o o
case_ mc-2000-j2 3 mc -n 2000 -j 2 -q -o o
if [[ -d $golden ]]; then
  case_ cop21 20 run "$golden/exchange/inputs/cop21.csv" --from decide -m exchange -p exchange.rounds=10 -q -o o
  case_ eum-scholz 20 run "$golden/eum-scholz/ExampleActors.csv" --from bdm-csv -m eum -p eum.variant=scholz2011 \
    -p eum.stop=rounds -p eum.max_rounds=10 -q -o o
  case_ smp-soe-policy 20 run "$golden/ktab/inputs/SOE-Policy.csv" --from ktab -m smp -q -o o
fi
echo "bench-compare: tables in $out"
