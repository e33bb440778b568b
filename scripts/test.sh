#!/usr/bin/env bash
# Quick start, command 2: install what is missing, build, and run the whole test suite.
#   scripts/test.sh            release build (the README's test command)
#   scripts/test.sh sanitize   the same tests under AddressSanitizer + UndefinedBehaviorSanitizer
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-release}
scripts/install-deps.sh
cmake --preset "$preset" -DPARLEY_BUILD_TESTS=ON >/dev/null
cmake --build --preset "$preset"
ctest --preset "$preset" -j 2
