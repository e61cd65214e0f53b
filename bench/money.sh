#!/usr/bin/env bash
# Load test of the money-spent pages, signed in as the finance officer, on a
# demo area.
#   bash bench/money.sh [PLANS] [SECONDS] [CONNECTIONS]
# Builds a demo area with PLANS plans (default 20000) in a temporary SQLite
# database (timing the build), serves it, then runs wrk against /healthz (the
# baseline), this term's top-up schedule (page, CSV and JSON), the recharges
# between councils and the contracts list with its money spent by agency, one
# after another in the same run. Prints what the demo holds, requests/s, p99
# latency and the server's CPU time per request (user + system, from /proc).
set -euo pipefail
cd "$(dirname "$0")/.."
plans="${1:-20000}"
seconds="${2:-10}"
connections="${3:-16}"
tandem="${TANDEM:-build/tandem}"
command -v wrk >/dev/null || apt-get install -y -qq wrk
dir=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$dir"' EXIT
db="sqlite:$dir/bench.db"
start=$(date +%s.%N)
"$tandem" demo --database "$db" --plans "$plans" | head -1
echo "demo build: $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b - a}') s"
"$tandem" serve --database "$db" --port 0 >"$dir/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q listening "$dir/serve.log" && break; sleep 0.1; done
base=$(grep -oE 'http://[0-9.]+:[0-9]+' "$dir/serve.log")
jar="$dir/cookies"
csrf=$(curl -s --noproxy '*' -c "$jar" "$base/sign-in" | grep -oE 'name="csrf_token" value="[^"]+"' | head -1 |
  sed -E 's/.*value="([^"]+)"/\1/; s/&#x2F;/\//g; s/&#x3D;/=/g')
curl -s --noproxy '*' -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf_token=$csrf" \
  --data-urlencode "email=finance_officer@demo.tandem.example" --data-urlencode "password=tandem-demo-2026" \
  "$base/sign-in"
session=$(awk '$6=="tandem_session"{print $7}' "$jar")
[ -n "$session" ] || { echo "sign-in failed" >&2; exit 1; }
get() { curl -s --noproxy '*' -H "Cookie: tandem_session=$session" "$base$1"; }
top_ups=$(get /api/v1/top-ups)
echo "this term: $(echo "$top_ups" | grep -oE '"term":"[^"]+"' | head -1 | cut -d'"' -f4)," \
  "$(echo "$top_ups" | grep -oE '"setting_name":"[^"]+","status"' | wc -l) settings," \
  "$(echo "$top_ups" | grep -oE '"child_id"' | wc -l) children," \
  "$(echo "$top_ups" | grep -oE '"reference"' | wc -l) payments"
recharges=$(get /api/v1/recharges)
echo "recharges: $(echo "$recharges" | grep -oE '"version"' | wc -l) recorded," \
  "$(echo "$recharges" | grep -oE '"why"' | wc -l) proposed from moves"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
ticks_per_second=$(getconf CLK_TCK)
run() {
  local name=$1 path=$2 out before after rps p99 requests cpu non2xx
  before=$(cpu_ticks)
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Cookie: tandem_session=$session" "$base$path")
  after=$(cpu_ticks)
  rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
  p99=$(echo "$out" | awk '$1=="99%"{print $2}')
  requests=$(echo "$out" | awk '/requests in/{print $1}')
  cpu=$(awk -v t="$((after - before))" -v hz="$ticks_per_second" -v n="$requests" 'BEGIN{printf "%.0f", t * 1e6 / hz / n}')
  non2xx=$(echo "$out" | awk '/Non-2xx/{print $NF}')
  printf '%-22s %10s req/s   p99 %8s   cpu %6s us/req   non-2xx %s\n' "$name" "$rps" "$p99" "$cpu" "${non2xx:-0}"
}
echo "plans=$plans seconds=$seconds connections=$connections"
run healthz /healthz
run top_ups_page /top-ups
run top_ups_csv /top-ups.csv
run top_ups_api /api/v1/top-ups
run recharges_page /recharges
run contracts_list /contracts
echo "server peak memory: $(awk '/VmHWM/{print $2, $3}' /proc/$server/status)"
