#!/usr/bin/env bash
# Installs every Debian package Tandem needs to build, run and test.
# Safe to run again: apt-get skips what is already installed.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache lld pkg-config git ca-certificates
  libboost-dev libsoci-dev libsqlite3-dev libpq-dev sqlite3
  nlohmann-json3-dev libsodium-dev libmstch-dev libtomlplusplus-dev libcli11-dev
  libspdlog-dev libfmt-dev libexpected-dev libhowardhinnant-date-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-format clang-tidy
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
