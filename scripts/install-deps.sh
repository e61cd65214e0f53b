#!/usr/bin/env bash
# Installs every Debian package Tandem needs to build, run and test.
# Safe to run again: apt-get skips what is already installed.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache lld pkg-config git ca-certificates
  libboost-dev libsoci-dev libsqlite3-dev libpq-dev sqlite3
  nlohmann-json3-dev libsodium-dev libmstch-dev libtomlplusplus-dev libcli11-dev
  libspdlog-dev libfmt-dev libexpected-dev libhowardhinnant-date-dev libexpat1-dev
  libgtest-dev libgmock-dev libbenchmark-dev libcurl4-openssl-dev libgoogle-perftools-dev
  clang-format clang-tidy python3
)
test_packages=(postgresql postgresql-common chromium wrk curl)

want=("${packages[@]}")
if [ "${1:-}" = "--with-tests" ]; then
  want+=("${test_packages[@]}")
fi

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# Node: the machine may already ship Node and npm outside Debian's packages;
# installing Debian's npm over it conflicts, so only add it when npm is absent.
if ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The page assets and browser tests need Node 20 or later (sass, playwright-core).
if [ "${1:-}" = "--with-tests" ] || [ "${TANDEM_NEED_NODE:-1}" = "1" ]; then
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if [ "$major" -lt 20 ]; then
    echo "Tandem needs Node.js 20 or later for its page assets; this machine has $(node --version 2>/dev/null || echo none)." >&2
    echo "Install Node.js 20 from your package sources (apt-get install nodejs) and run this again." >&2
    exit 1
  fi
fi
