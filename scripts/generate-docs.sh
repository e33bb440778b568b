#!/usr/bin/env bash
# Regenerates the parts of docs/ that come from the registry: the parameter table of each
# docs/models/NAME.md, between its BEGIN GENERATED and END GENERATED markers.
set -euo pipefail
cd "$(dirname "$0")/.."
parley=${PARLEY:-build/release/parley}
for name in $("$parley" models --json | sed -n 's/^    "name": "\(.*\)",$/\1/p'); do
  page=docs/models/$name.md
  begin="<!-- BEGIN GENERATED: parley models $name --format markdown -->"
  table=$("$parley" models "$name" --format markdown)
  if [[ ! -f $page ]] || ! grep -qF "$begin" "$page"; then
    echo "generate-docs: $page has no '$begin' marker; add it where the table belongs" >&2
    exit 1
  fi
  awk -v begin="$begin" -v table="$table" '
    $0 == begin { print; print table; skipping = 1; next }
    skipping && $0 == "<!-- END GENERATED -->" { skipping = 0 }
    !skipping { print }' "$page" > "$page.tmp"
  mv "$page.tmp" "$page"
done
