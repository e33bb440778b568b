#!/usr/bin/env bash
# Fuzzes parley's readers with libFuzzer under ASan + UBSan (the `fuzz` preset: clang).
#
#   scripts/fuzz.sh TARGET SECONDS     one target: scenario, calibration, bdm-csv, decide, deu3, ktab,
#                                      events, events-file, event-map
#   scripts/fuzz.sh all SECONDS        each target in turn, SECONDS each (CI's smoke run)
#   scripts/fuzz.sh TARGET|all --runs=N  each target for N executions (the campaign: --runs=1000000)
#
# Seeds: fuzz/corpus/TARGET/ (small hand-written files), every scenario of scenarios/ and
# tests/data/bad/ for `scenario`, and the golden data's inputs beside the checkout when present (read,
# never copied into the repository). The corpus grows in build/fuzz/corpus/TARGET/; a finding is written
# to build/fuzz/findings/TARGET/ and ends the script with exit 1: keep it as a regression in
# fuzz/regressions/TARGET/ (tests/unit/io/fuzz_regressions_test.cpp reads every file there).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
targets=(scenario calibration bdm-csv decide deu3 ktab events events-file event-map)
if [[ $# -ne 2 ]]; then
  echo "usage: scripts/fuzz.sh TARGET|all SECONDS|--runs=N (targets: ${targets[*]})" >&2
  exit 64
fi
if [[ $1 == all ]]; then
  selected=("${targets[@]}")
else
  selected=("$1")
  [[ " ${targets[*]} " == *" $1 "* ]] || { echo "fuzz.sh: unknown target '$1' (${targets[*]})" >&2; exit 64; }
fi
if [[ $2 =~ ^--runs=([0-9]+)$ ]]; then
  budget=(-runs="${BASH_REMATCH[1]}")
  what="${BASH_REMATCH[1]} executions"
elif [[ $2 =~ ^[0-9]+$ ]]; then
  budget=(-max_total_time="$2")
  what="${2}s"
else
  echo "fuzz.sh: '$2' is neither SECONDS nor --runs=N" >&2
  exit 64
fi
golden=${PARLEY_GOLDEN_DIR:-$root/../shared/golden}

scripts/install-deps.sh
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

for target in "${selected[@]}"; do
  name=${target//-/_}
  corpus=$root/build/fuzz/corpus/$target
  findings=$root/build/fuzz/findings/$target
  mkdir -p "$corpus" "$findings"
  seeds=("$root/fuzz/corpus/$target")
  [[ -d $root/fuzz/regressions/$target ]] && seeds+=("$root/fuzz/regressions/$target")
  case $target in
    scenario) seeds+=("$root/scenarios" "$root/tests/data/bad") ;;
    decide) [[ -d $golden/exchange/historical ]] && seeds+=("$golden/exchange/historical") ;;
    deu3) [[ -d $golden/deu3 ]] && seeds+=("$golden/deu3") ;;
    ktab) [[ -d $golden/ktab/inputs ]] && seeds+=("$golden/ktab/inputs") ;;
    events) [[ -d $golden/events/gdelt2 ]] && seeds+=("$golden/events/gdelt2") ;;
    event-map) seeds+=("$root/data/events") ;;
  esac
  # DEU III's rows are long and its reader slow under the sanitizers: 8 KB inputs hold dozens of rows
  # and run four times as many executions a second as the 42 KB data set does.
  max_len=65536
  [[ $target == deu3 ]] && max_len=8192
  echo "== fuzz $target for $what (seeds: ${seeds[*]#"$root"/}) =="
  # -rss_limit_mb: a reader may take memory in proportion to its input, not without bound.
  "$root/build/fuzz/fuzz/parley_fuzz_$name" "$corpus" "${seeds[@]}" -dict="$root/fuzz/parley.dict" \
    "${budget[@]}" -max_len=$max_len -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$findings/" -print_final_stats=1 2>&1 |
    grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|INFO: (Loaded|seed corpus)|==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)" || true
  if compgen -G "$findings/*" >/dev/null; then
    echo "fuzz.sh: $target found inputs that fail, in $findings" >&2
    exit 1
  fi
done
