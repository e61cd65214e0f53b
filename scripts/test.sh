#!/usr/bin/env bash
# Installs what the tests need, builds, and runs every test:
#   formatting, unit and store tests on SQLite and PostgreSQL, HTTP integration
#   and browser tests, then the unit and store tests again under ASan+UBSan.
# Exits non-zero if anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export CTEST_OUTPUT_ON_FAILURE=1

step() { printf '\n== %s\n' "$*"; }

step "Installing dependencies"
bash scripts/install-deps.sh --with-tests

step "Checking formatting (clang-format)"
git ls-files -- '*.cpp' '*.h' | xargs clang-format --dry-run --Werror

step "Building (warnings as errors)"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTANDEM_WERROR=ON >/dev/null
ninja -C build

step "Unit and store tests on SQLite"
ctest --test-dir build -j2

step "HTTP integration and browser tests on SQLite"
bash scripts/web-tests.sh

step "Store, HTTP integration and browser tests on PostgreSQL 15 (throwaway cluster)"
# -t keeps the cluster in a temporary directory on a free port, so a run never
# collides with a cluster left behind by an interrupted run or with one running beside it.
pg_virtualenv -t -v 15 bash -c '
  set -e
  base="postgresql://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT"
  TANDEM_TEST_POSTGRES="$base/postgres" ctest --test-dir build -j2 -L store
  TANDEM_TEST_POSTGRES="$base/postgres" bash scripts/web-tests.sh'

step "Building with AddressSanitizer and UndefinedBehaviorSanitizer"
# At -Og without the benchmarks (docs/performance.md, CI): about half the -O1 build.
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DTANDEM_SANITIZE=ON >/dev/null
ninja -C build-asan

step "Unit, store and HTTP integration tests under ASan+UBSan"
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
ctest --test-dir build-asan -j2
# A server that ASan stops mid-test only shows as refused connections in the
# web tests: its report goes to a file instead, printed here. (UBSan, linked
# with ASan, ignores log_path: its reports stay in the server's output.)
reports="$PWD/build-asan/sanitizer-reports"
rm -rf "$reports" && mkdir -p "$reports"
web_status=0
ASAN_OPTIONS="log_path=$reports/asan" TANDEM_BIN=build-asan/tandem bash scripts/web-tests.sh || web_status=$?
if [ -n "$(ls -A "$reports")" ]; then
  printf '\n== Sanitizer reports from the servers\n'
  cat "$reports"/*
  exit 1
fi
exit "$web_status"
