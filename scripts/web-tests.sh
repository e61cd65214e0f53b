#!/usr/bin/env bash
# Builds the front-end assets and runs the HTTP integration and browser tests in
# tests/web/ against build/tandem (or $TANDEM_BIN), each server over a throwaway
# SQLite database; with $TANDEM_TEST_POSTGRES (a maintenance URL), over a throwaway
# PostgreSQL database of its own; or over $TANDEM_DATABASE_URL, one database shared by
# every server. Exits non-zero if any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."

bin="${TANDEM_BIN:-build/tandem}"
# The server serves the static/ directory next to its executable.
bash scripts/build-assets.sh "$(dirname "$bin")/static"

# Most test files want the demo area: make it once and let each server start on a
# copy (tests/web/harness.mjs), rather than run `tandem demo` for every file.
demo_dir=$(mktemp -d)
trap 'rm -rf "$demo_dir"' EXIT
export TANDEM_TEST_DEMO_OUTPUT="$demo_dir/accounts.txt"
if [ -n "${TANDEM_DATABASE_URL:-}" ]; then
  unset TANDEM_TEST_DEMO
elif [ -n "${TANDEM_TEST_POSTGRES:-}" ]; then
  template=tandem_web_demo
  psql "$TANDEM_TEST_POSTGRES" -qX -c "DROP DATABASE IF EXISTS $template" -c "CREATE DATABASE $template"
  "$bin" demo --database "${TANDEM_TEST_POSTGRES%/*}/$template" >"$TANDEM_TEST_DEMO_OUTPUT"
  export TANDEM_TEST_DEMO="postgres:$template"
else
  "$bin" demo --database "sqlite:$demo_dir/demo.db" >"$TANDEM_TEST_DEMO_OUTPUT"
  export TANDEM_TEST_DEMO="sqlite:$demo_dir/demo.db"
fi

# Each test file starts its own server and much of its time is spent waiting on it
# or on Chromium, so three files at a time keep two cores busy. One shared database
# ($TANDEM_DATABASE_URL) allows only one at a time.
concurrency="${TANDEM_TEST_CONCURRENCY:-3}"
if [ -n "${TANDEM_DATABASE_URL:-}" ]; then
  concurrency=1
fi
node --test --test-concurrency="$concurrency" tests/web/
