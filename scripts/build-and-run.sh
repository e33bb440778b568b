#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build parley (and parley-serve, for `parley serve`),
# and run parley on the default scenario.
# Extra arguments go to parley (e.g. scripts/build-and-run.sh run -m compromise --at 2022-06-01).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target parley parley-serve  # parley serve runs parley-serve
exec build/release/parley "$@"
