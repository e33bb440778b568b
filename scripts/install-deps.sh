#!/usr/bin/env bash
# Installs the Debian 12 packages parley needs to build, test and benchmark, if any are missing.
# Runs as root, or through sudo when there is one.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkgconf git
  libcli11-dev libyaml-cpp-dev nlohmann-json3-dev libfmt-dev libsqlite3-dev sqlite3 zlib1g-dev iso-codes
  libgtest-dev libgmock-dev libbenchmark-dev hyperfine
  libopenmpi-dev openmpi-bin
  clang-tidy clang libclang-rt-14-dev
  chromium fonts-noto-core fonts-noto-cjk fontconfig
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

as_root=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null; then
    as_root=(sudo)
  else
    echo "install-deps: missing packages (${missing[*]}) and not root; run as root or install sudo" >&2
    exit 1
  fi
fi
echo "install-deps: installing ${missing[*]}" >&2
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
