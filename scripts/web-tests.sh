#!/usr/bin/env bash
# Builds the front-end assets and runs the HTTP integration and browser tests in
# tests/web/ against build/tandem (or $TANDEM_BIN), each server over a throwaway
# SQLite database, or over $TANDEM_DATABASE_URL when it is set (e.g. PostgreSQL).
# Exits non-zero if any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."

bin="${TANDEM_BIN:-build/tandem}"
# The server serves the static/ directory next to its executable.
bash scripts/build-assets.sh "$(dirname "$bin")/static"

args=(--test)
if [ -n "${TANDEM_DATABASE_URL:-}" ]; then
  # One shared database: run the test files one at a time.
  args+=(--test-concurrency=1)
fi
node "${args[@]}" tests/web/
