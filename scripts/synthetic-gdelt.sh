#!/usr/bin/env bash
# Writes a GDELT 2.0 events file of at least MEGABYTES MB made from the rows of the shared fixture
# (golden/events/gdelt2), repeated; for the parsing benchmark (docs/benchmarks.md#events).
#   scripts/synthetic-gdelt.sh MEGABYTES OUT [GOLDEN_DIR]
set -euo pipefail
megabytes=${1:?MEGABYTES}
out=${2:?OUT}
golden=${3:-${PARLEY_GOLDEN_DIR:-$(dirname "$0")/../../shared/golden}}
fixture=$golden/events/gdelt2/gdelt2_southasia_dyads_20201113-15.export.tsv
[[ -f $fixture ]] || { echo "synthetic-gdelt: no $fixture" >&2; exit 66; }
block=$(mktemp)
trap 'rm -f "$block" "$block.2"' EXIT
cat "$fixture" > "$block"
while (( $(stat -c %s "$block") < 64 * 1024 * 1024 )); do cat "$block" "$block" > "$block.2"; mv "$block.2" "$block"; done
: > "$out.tmp"
while (( $(stat -c %s "$out.tmp") < megabytes * 1024 * 1024 )); do cat "$block" >> "$out.tmp"; done
mv "$out.tmp" "$out"
echo "synthetic-gdelt: $out, $(stat -c %s "$out") bytes, $(wc -l < "$out") rows"
