#!/usr/bin/env bash
# Regenerates the parts of docs/ that come from the code, between their BEGIN GENERATED and END
# GENERATED markers: the parameter table of each docs/models/NAME.md (from the registry) and the key
# tables of docs/scenario-format.md (from the scenario schema). A test fails when they drift.
set -euo pipefail
cd "$(dirname "$0")/.."
parley=${PARLEY:-build/release/parley}

# Replaces the block after the marker `begin` in `page` with `text`.
fill() {
  local page=$1 begin=$2 text=$3
  if [[ ! -f $page ]] || ! grep -qF "$begin" "$page"; then
    echo "generate-docs: $page has no '$begin' marker; add it where the table belongs" >&2
    exit 1
  fi
  awk -v begin="$begin" -v table="$text" '
    $0 == begin { print; print table; skipping = 1; next }
    skipping && $0 == "<!-- END GENERATED -->" { skipping = 0 }
    !skipping { print }' "$page" > "$page.tmp"
  mv "$page.tmp" "$page"
}

for name in $("$parley" models --json | sed -n 's/^    "name": "\(.*\)",$/\1/p'); do
  fill "docs/models/$name.md" "<!-- BEGIN GENERATED: parley models $name --format markdown -->" \
    "$("$parley" models "$name" --format markdown)"
done
for part in top source actor stance issue scale relation event effect uncertainty override claim; do
  fill docs/scenario-format.md "<!-- BEGIN GENERATED: parley scenarios --keys $part -->" \
    "$("$parley" scenarios --keys "$part")"
done
