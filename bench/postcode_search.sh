#!/usr/bin/env bash
# Load test of the families' search from a postcode, once the demo's postcode
# directory is imported:
#   bash bench/postcode_search.sh [SECONDS] [CONNECTIONS]
# Serves the demo area (300 services, 5,500 imported postcodes) from SQLite and
# runs wrk against /healthz (the baseline), a search from one district (its
# imported average, from the lookup's cache), one whole postcode again and
# again (the cache), and every demo postcode in turn (more postcodes than the
# cache holds, so each request is an indexed query). Prints requests/s and p99.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
connections="${2:-64}"
command -v wrk >/dev/null || apt-get install -y -qq wrk
dir=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$dir"' EXIT
db="sqlite:$dir/bench.db"
build/tandem demo --database "$db" | head -1
build/tandem serve --database "$db" --port 0 >"$dir/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q listening "$dir/serve.log" && break; sleep 0.1; done
base=$(grep -oE 'http://[0-9.]+:[0-9]+' "$dir/serve.log")
sqlite3 "${db#sqlite:}" "SELECT replace(postcode, ' ', '+') FROM postcodes ORDER BY postcode" >"$dir/postcodes.txt"
one=$(head -1 "$dir/postcodes.txt")
district=${one%%+*}
cat >"$dir/every.lua" <<LUA
local postcodes = {}
for line in io.lines("$dir/postcodes.txt") do postcodes[#postcodes + 1] = line end
local i = 0
request = function()
  i = i % #postcodes + 1
  return wrk.format("GET", "/local-offer?distance=5&postcode=" .. postcodes[i])
end
LUA
echo "postcodes=$(wc -l <"$dir/postcodes.txt") seconds=$seconds connections=$connections"
run() {
  local name=$1 path=$2 script=${3:-} out
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency ${script:+-s "$script"} "$base$path")
  printf '%-44s %10s requests/s  p99 %8s  %s\n' "$name" "$(awk '/Requests\/sec/{print $2}' <<<"$out")" \
    "$(awk '$1=="99%"{print $2}' <<<"$out")" "$(grep -oE 'Non-2xx.*' <<<"$out" || true)"
}
run "/healthz" "/healthz"
run "district $district (its imported average, cached)" "/local-offer?distance=5&postcode=$district"
run "one postcode ${one/+/ } (cached)" "/local-offer?distance=5&postcode=$one"
run "every demo postcode in turn (uncached)" "/" "$dir/every.lua"
echo "server peak memory: $(awk '/VmHWM/{print $2, $3}' /proc/$server/status)"
