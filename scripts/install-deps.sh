#!/usr/bin/env bash
# Installs the Debian 12 packages parley needs to build, test and benchmark, if any are missing.
# Runs as root, or through sudo when there is one.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkgconf git
  libcli11-dev libyaml-cpp-dev nlohmann-json3-dev libfmt-dev libsqlite3-dev sqlite3 zlib1g-dev iso-codes
  libgtest-dev libgmock-dev libbenchmark-dev hyperfine
  libopenmpi-dev openmpi-bin
  libcpp-httplib-dev libssl-dev libbrotli-dev
  clang-tidy clang libclang-rt-14-dev
  chromium fonts-noto-core fonts-noto-cjk fontconfig
  pybind11-dev python3-dev python3-pytest python3-pandas
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
# The workbench's page is built with Node.js and npm (web/): any node of version 18 or later will do,
# Debian's or one already on the machine.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  missing+=(nodejs npm)
fi

# `npm ci` in web/ (the packages of package-lock.json, from the npm registry) whenever the lock file
# is newer than what is installed.
npm_ci() {
  local web
  web="$(dirname "$0")/../web"
  if [[ ! -f "$web/node_modules/.package-lock.json" || "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]]; then
    echo "install-deps: npm ci in web/" >&2
    (cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

if [[ ${#missing[@]} -eq 0 ]]; then
  npm_ci
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
npm_ci
