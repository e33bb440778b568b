#!/usr/bin/env bash
# Runs clang-tidy with the checks of .clang-tidy on every source of the library, the front ends and the
# examples (their headers with them); any finding fails. Needs a configured build (compile commands):
#   scripts/tidy.sh [BUILD_DIR]      default build/release
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
if [[ ! -f $build/compile_commands.json ]]; then
  echo "tidy: no $build/compile_commands.json; configure first (cmake --preset release)" >&2
  exit 1
fi
# The generated sources (embedded scenarios, version) must exist before they are read.
cmake --build "$build" --target parley >/dev/null
# GCC's warning flags in the compile commands mean nothing to clang: ignore them.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! run-clang-tidy -p "$build" -j "$(nproc)" -quiet -extra-arg=-Wno-unknown-warning-option \
    "$PWD/(src|apps|examples|python/src)/.*\.cpp$" >"$log" 2>&1; then
  sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E "(error|warning):" | grep -v "warnings generated" | sort -u >&2 || true
  echo "tidy: clang-tidy found problems (above)" >&2
  exit 1
fi
echo "tidy: clean ($(grep -c '^clang-tidy' "$log") files)"
