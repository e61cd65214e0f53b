#!/usr/bin/env bash
# Time and peak memory of `tandem import oruk`:
#   bash bench/oruk_import.sh [SERVICES]
# Serves the demo area's Local Offer of SERVICES services (default 300), then
# imports it into fresh SQLite databases over HTTP (page by page, then each
# service's full record) and from the same directory written as CSV tables,
# and imports the profile's example tables and the test tables. Each import
# runs under /usr/bin/time -v; prints wall time and peak resident memory.
set -euo pipefail
cd "$(dirname "$0")/.."
services="${1:-300}"
dir=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$dir"' EXIT
build/tandem demo --database "sqlite:$dir/source.db" --services "$services" | head -1
build/tandem serve --database "sqlite:$dir/source.db" --port 0 >"$dir/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q listening "$dir/serve.log" && break; sleep 0.1; done
base=$(grep -oE 'http://[0-9.]+:[0-9]+' "$dir/serve.log")
python3 bench/oruk_feed_to_csv.py "$base/api/oruk" "$dir/tables"

measure() {
  local name=$1 db=$2 source=$3 code=0
  /usr/bin/time -v build/tandem import oruk "$source" --area halton --database "sqlite:$dir/$db.db" \
    >"$dir/$name.out" 2>"$dir/$name.err" || code=$?
  printf '%-28s exit %s  %-60s wall %8s  peak RSS %8s KB\n' "$name" "$code" \
    "$(grep -E '^Imported|refused' "$dir/$name.out" "$dir/$name.err" | head -1 | cut -d: -f2- | cut -c1-60)" \
    "$(awk -F': ' '/Elapsed \(wall clock\)/{print $2}' "$dir/$name.err")" \
    "$(awk -F': ' '/Maximum resident set size/{print $2}' "$dir/$name.err")"
}
measure feed_over_http http "$base/api/oruk/"
measure feed_over_http_again http "$base/api/oruk/"
measure same_feed_as_csv csv "$dir/tables"
measure same_feed_as_csv_again csv "$dir/tables"
measure example_csv example data/oruk/examples/csv
measure test_csv test tests/fixtures/oruk-csv
