#!/usr/bin/env bash
# Load test of the register pages, signed in, on a large demo area.
#   bash bench/load.sh [PLANS] [SECONDS] [CONNECTIONS]
# Builds a demo area with PLANS plans (default 20000) in a temporary SQLite
# database, serves it, signs in as the demo caseworker, then runs wrk against
# /healthz (the baseline: no database work), a register search, a child's
# record page, the caseworker's own caseload, the whole area's caseload (page
# and JSON) and the 20-week rate page, one after another in the same run.
# Prints requests/s, p99 latency, the server's CPU time per request (user +
# system, from /proc: the figure least moved by whatever else the machine is
# running), the ratio to the baseline, and the server's peak memory (VmHWM).
# TANDEM=path/to/tandem measures another build (before and after a change, in
# the same conditions).
set -euo pipefail
cd "$(dirname "$0")/.."
plans="${1:-20000}"
seconds="${2:-30}"
connections="${3:-64}"
tandem="${TANDEM:-build/tandem}"
command -v wrk >/dev/null || apt-get install -y -qq wrk
dir=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$dir"' EXIT
db="sqlite:$dir/bench.db"
"$tandem" demo --database "$db" --plans "$plans" | head -1
"$tandem" serve --database "$db" --port 0 ${WORKERS:+--workers $WORKERS} >"$dir/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q listening "$dir/serve.log" && break; sleep 0.1; done
base=$(grep -oE 'http://[0-9.]+:[0-9]+' "$dir/serve.log")
jar="$dir/cookies"
csrf=$(curl -s --noproxy '*' -c "$jar" "$base/sign-in" | grep -oE 'name="csrf_token" value="[^"]+"' | head -1 |
  sed -E 's/.*value="([^"]+)"/\1/; s/&#x2F;/\//g; s/&#x3D;/=/g')
curl -s --noproxy '*' -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf_token=$csrf" \
  --data-urlencode "email=caseworker@demo.tandem.example" --data-urlencode "password=tandem-demo-2026" "$base/sign-in"
session=$(awk '$6=="tandem_session"{print $7}' "$jar")
[ -n "$session" ] || { echo "sign-in failed" >&2; exit 1; }
child=$(curl -s --noproxy '*' -H "Cookie: tandem_session=$session" "$base/api/v1/children?plan_status=ehc_plan" |
  grep -oE '"id":"[^"]+"' | head -1 | cut -d'"' -f4)
record=$(curl -s --noproxy '*' -H "Cookie: tandem_session=$session" "$base/api/v1/children/$child")
family=$(echo "$record" | grep -oE '"family_name":"[^"]+"' | cut -d'"' -f4 | tr 'A-Z' 'a-z' | cut -c1-4)
full_name=$(echo "$record" | grep -oE '"(given|family)_name":"[^"]+"' | cut -d'"' -f4 | tr 'A-Z' 'a-z' | paste -sd+)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
ticks_per_second=$(getconf CLK_TCK)

run() {
  local name=$1 path=$2
  local out before after
  before=$(cpu_ticks)
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Cookie: tandem_session=$session" "$base$path")
  after=$(cpu_ticks)
  local rps p99 requests cpu
  rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
  p99=$(echo "$out" | awk '$1=="99%"{print $2}')
  requests=$(echo "$out" | awk '/requests in/{print $1}')
  cpu=$(awk -v t="$((after - before))" -v hz="$ticks_per_second" -v n="$requests" 'BEGIN{printf "%.0f", t * 1e6 / hz / n}')
  local non2xx
  non2xx=$(echo "$out" | awk '/Non-2xx/{print $NF}')
  printf '%-28s %10s req/s   p99 %8s   cpu %5s us/req   non-2xx %s\n' "$name" "$rps" "$p99" "$cpu" "${non2xx:-0}"
  echo "$rps" >"$dir/$name.rps"
}
echo "plans=$plans seconds=$seconds connections=$connections search=/children?q=$family record=/children/$child"
run healthz /healthz
run register_search "/children?q=$family"
run register_name_search "/children?q=$full_name"
run child_record "/children/$child"
run caseload_mine "/cases"
run caseload_area "/cases?scope=area"
run api_caseload_area "/api/v1/assessments?scope=area"
run twenty_week_rate "/performance/twenty-weeks"
[ -n "${EXTRA:-}" ] && run api_search "/api/v1/children?q=$family"
base_rps=$(cat "$dir/healthz.rps")
names=(register_search register_name_search child_record caseload_mine caseload_area api_caseload_area twenty_week_rate)
[ -n "${EXTRA:-}" ] && names+=(api_search)
for n in "${names[@]}"; do
  awk -v a="$(cat "$dir/$n.rps")" -v b="$base_rps" -v n="$n" 'BEGIN{printf "%-28s %.3f of the /healthz baseline\n", n, a/b}'
done
echo "server peak memory: $(awk '/VmHWM/{print $2, $3}' /proc/$server/status)"
