#!/usr/bin/env bash
# Time and peak memory of `tandem import sen2` on SQLite and PostgreSQL:
#   bash bench/sen2_import.sh [PLANS] [BASELINE_BIN]
# Makes a demo area of PLANS plans (default 20,000; about 21,800 people) in
# SQLite and exports its SEN2 return. Imports that file into an empty area of
# a new SQLite database and of a throwaway PostgreSQL 15 cluster, then again
# (every person unchanged, as a nightly re-run finds them), under
# /usr/bin/time. With BASELINE_BIN (an
# older build's tandem) both binaries run side by side, each into its own new
# database, in turn, so the ratio holds on a noisy machine. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
plans="${1:-20000}"
baseline="${2:-}"
bin="$PWD/build/tandem"
dir=$(mktemp -d)
chmod 755 "$dir"
trap 'rm -rf "$dir"' EXIT

"$bin" demo --database "sqlite:$dir/area.db" --plans "$plans" >/dev/null
# Exit 3: written, with errors in its validation report (the demo plants some).
"$bin" export sen2 --database "sqlite:$dir/area.db" --year 2026 --out "$dir/sen2.xml" >"$dir/export.log" 2>&1 ||
  [ $? -eq 3 ]
echo "file: $(grep -c '<Person>' "$dir/sen2.xml") people, $(du -h "$dir/sen2.xml" | cut -f1)"

sqlite_run() {  # label binary
  local label=$1 run_bin=$2 db="$dir/$1.db" secs kb
  "$run_bin" migrate --database "sqlite:$db" >/dev/null
  sqlite3 "$db" "INSERT INTO areas VALUES ('demo', 'Demo', '999')"
  for pass in first again; do
    /usr/bin/time -f "%e %M" -o "$dir/time" "$run_bin" import sen2 "$dir/sen2.xml" --area demo \
      --database "sqlite:$db" >/dev/null 2>&1
    read -r secs kb <"$dir/time"
    printf "%-9s %-6s %8s s %6d MB\n" "$label" "$pass" "$secs" $((kb / 1024))
  done
}
echo "SQLite: import into an empty area (first), then the same file again (again)"
if [ -n "$baseline" ]; then sqlite_run baseline "$baseline"; fi
sqlite_run tandem "$bin"

export BENCH_DIR="$dir" BENCH_BIN="$bin" BENCH_BASELINE="$baseline"
pg_virtualenv -t -v 15 bash -c '
  set -euo pipefail
  base="postgresql://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT"
  run() {  # label binary database
    local label=$1 bin=$2 db=$3
    psql -qX -c "CREATE DATABASE $db"
    "$bin" migrate --database "$base/$db" >/dev/null
    psql -qX -d "$db" -c "INSERT INTO areas VALUES ('"'"'demo'"'"', '"'"'Demo'"'"', '"'"'999'"'"')"
    for pass in first again; do
      /usr/bin/time -f "%e %M" -o "$BENCH_DIR/time" "$bin" import sen2 "$BENCH_DIR/sen2.xml" --area demo \
        --database "$base/$db" >/dev/null 2>&1
      read -r secs kb < "$BENCH_DIR/time"
      printf "%-9s %-6s %8s s %6d MB\n" "$label" "$pass" "$secs" $((kb / 1024))
    done
  }
  echo "PostgreSQL 15: import into an empty area (first), then the same file again (again)"
  if [ -n "$BENCH_BASELINE" ]; then run baseline "$BENCH_BASELINE" bench_baseline; fi
  run tandem "$BENCH_BIN" bench_tandem
'
