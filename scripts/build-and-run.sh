#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build parley (with parley-serve, for `parley serve`,
# and the Python package in build/release/python, docs/python.md), and run parley on the default scenario.
# Extra arguments go to parley (e.g. scripts/build-and-run.sh run -m compromise --at 2022-06-01).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
targets=(parley parley-serve)  # parley serve runs parley-serve
if grep -q '^PARLEY_WITH_PYTHON:BOOL=ON' build/release/CMakeCache.txt; then
  targets+=(parley_python)  # import parley, with PYTHONPATH=build/release/python
fi
cmake --build --preset release --target "${targets[@]}"
exec build/release/parley "$@"
