#!/usr/bin/env bash
# Shows that a change leaves parley's outputs unchanged: runs two binaries on the same jobs and
# compares every file they write, byte for byte, apart from timings.
#
#   scripts/compare-outputs.sh OLD_BINARY NEW_BINARY [GOLDEN_DIR]
#   scripts/compare-outputs.sh --commit COMMIT [GOLDEN_DIR]   # builds COMMIT beside this tree (build/compare-COMMIT)
#
# The jobs: the default run; `mc -n 2000 --seed 5` (its summary files, report and the store's contents (through its views));
# sensitivity; the DEU III backtest; the golden runs of eum (both replications), exchange (Decide's
# files) and smp (KTAB's files); `parley models` in every format, `show`, `timeline`, `import`.
# Exit 0 when every file is identical; otherwise the differing files are listed and kept in
# build/compare/{old,new}.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

if [[ ${1:-} == --commit ]]; then
  commit=$(git rev-parse --short "$2")
  worktree=$root/build/compare-$commit
  if [[ ! -x $worktree/build/release/parley ]]; then
    rm -rf "$worktree"
    git worktree add --detach "$worktree" "$commit" >/dev/null
    (cd "$worktree" && cmake --preset release -DPARLEY_BUILD_TESTS=OFF >/dev/null &&
      cmake --build --preset release --target parley >/dev/null)
  fi
  old=$worktree/build/release/parley
  new=$root/build/release/parley
  shift 2
else
  old=$(realpath "$1")
  new=$(realpath "$2")
  shift 2
fi
golden=$(realpath "${1:-${PARLEY_GOLDEN_DIR:-$root/../shared/golden}}")

out=$root/build/compare
rm -rf "$out"
mkdir -p "$out/old" "$out/new"

# Runs one job with each binary, in folders of the same name, so that paths inside outputs agree.
job() {
  local name=$1
  shift
  for side in old new; do
    local binary=$old
    [[ $side == new ]] && binary=$new
    mkdir -p "$out/$side/$name"
    (cd "$out/$side/$name" && set +e && "$binary" "$@" >stdout.txt 2>stderr.txt; echo "exit $?" >exit.txt)
  done
}

job run -o out
job run-at run --at 2022-06-01 -o out
job run-json models --json
job models models
job models-md models smp --format markdown
job show show pakistan-2023 --format json
job show-yaml show pakistan-2023 --format yaml
job timeline timeline pakistan-2023
job mc mc -n 2000 --seed 5 -j 2 -o out -q
job sensitivity sensitivity -n 40 --bootstrap 20 -j 2 -o out -q
if [[ -d $golden ]]; then
  job backtest backtest "$golden/deu3/deu3-dev.tsv" --from deu3 -o out
  job import-deu3 import deu3 "$golden/deu3/deu3-dev.tsv" -o out
  job import-ktab import ktab "$golden/ktab/inputs/dummyData_3Dim.xml" -o out
  job import-decide import decide "$golden/exchange/inputs/cop21.csv" -o out
  job import-bdm import bdm-csv "$golden/eum-scholz/ExampleActors.csv" -o out
  job calibrate calibrate "$golden/deu3/deu3-dev.tsv" --from deu3 -j 2 -o calibration.json
  job eum-scholz run "$golden/eum-scholz/ExampleActors.csv" --from bdm-csv -m eum -p eum.variant=scholz2011 \
    -p eum.stop=rounds -p eum.max_rounds=10 -o out
  job eum-offers run "$golden/eum-scholz/Sultan.csv" --from bdm-csv -m eum -p eum.offers=true -o out
  job eum-masad run "$golden/eum-masad/ExampleActors.csv" --from bdm-csv -m eum -p eum.variant=masad2014 -o out
  job exchange-cop21 run "$golden/exchange/inputs/cop21.csv" --from decide -m exchange -o out
  job exchange-upstream run "$golden/exchange/inputs/copenhagen.csv" --from decide -m exchange \
    -p exchange.semantics=upstream -o out
  job smp-policy run "$golden/ktab/inputs/SOE-Policy.csv" --from ktab -m smp -o out
  job smp-xml run "$golden/ktab/inputs/dummyData_3Dim.xml" --from ktab -m smp -o out
else
  echo "compare-outputs: no golden folder at $golden; comparing the default scenario's jobs only" >&2
fi

# Timings and the build's commit are the only things allowed to differ: drop them from JSON files,
# and dump stores as SQL.
normalise() {
  local folder=$1
  find "$folder" -name '*.json' -print0 | while IFS= read -r -d '' file; do
    python3 - "$file" <<'EOF'
import json, sys
path = sys.argv[1]
try:
    data = json.load(open(path, encoding="utf-8"), object_pairs_hook=dict)
except ValueError:
    sys.exit(0)  # not JSON (e.g. stdout of a failed job): compared as it is
import re
def strip(value):
    if isinstance(value, dict):
        return {k: strip(v) for k, v in value.items() if k != "timings_seconds"}
    if isinstance(value, list):
        return [strip(v) for v in value]
    if isinstance(value, str):  # the commit a build records (calibration.json's engine)
        return re.sub(r"\(commit [0-9a-f]+(-dirty)?\)", "(commit)", value)
    return value
with open(path, "w", encoding="utf-8") as out:
    json.dump(strip(data), out, indent=1, ensure_ascii=False)
EOF
  done
  find "$folder" -name '*.sqlite' -print0 | while IFS= read -r -d '' file; do
    # The store's contents through its views, not its tables: stores of two layouts compare equal
    # when they hold the same samples.
    sqlite3 "$file" "SELECT key, value FROM meta WHERE key <> 'layout' ORDER BY 1;
      SELECT * FROM series ORDER BY id; SELECT * FROM indicators ORDER BY id; SELECT * FROM keys ORDER BY 1, 2;
      SELECT sample, model, issue, printf('%.17g', forecast) FROM forecast_view ORDER BY 1, 2, 3;
      SELECT sample, model, indicator, code, key FROM occurrence_view ORDER BY 1, 2, 3, 4;" >"$file.sql"
    rm -f "$file" "$file-wal" "$file-shm"
  done
}
normalise "$out/old"
normalise "$out/new"

if diff -r "$out/old" "$out/new" >"$out/diff.txt"; then
  echo "compare-outputs: $(find "$out/new" -type f | wc -l) files identical ($old vs $new)"
else
  echo "compare-outputs: outputs differ ($old vs $new):" >&2
  grep -E '^(diff|Only)' "$out/diff.txt" >&2 || true
  echo "compare-outputs: the whole diff is in $out/diff.txt" >&2
  exit 1
fi
