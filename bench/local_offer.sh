#!/usr/bin/env bash
# Load test of the public Local Offer on a directory of SERVICES services.
#   bash bench/local_offer.sh [SERVICES] [SECONDS] [CONNECTIONS]
# Builds the demo area with SERVICES Local Offer services (default 2000) in a
# temporary SQLite database, serves it, then runs wrk against /healthz (the
# baseline), the Open Referral UK service search and the public search page,
# one after another in the same run, with no sign-in. Prints requests/s, p99
# latency, the ratio to the baseline and the server's peak memory (VmHWM).
set -euo pipefail
cd "$(dirname "$0")/.."
services="${1:-2000}"
seconds="${2:-30}"
connections="${3:-64}"
command -v wrk >/dev/null || apt-get install -y -qq wrk
dir=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$dir"' EXIT
db="sqlite:$dir/bench.db"
build/tandem demo --database "$db" --services "$services" | head -1
build/tandem serve --database "$db" --port 0 ${WORKERS:+--workers $WORKERS} >"$dir/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q listening "$dir/serve.log" && break; sleep 0.1; done
base=$(grep -oE 'http://[0-9.]+:[0-9]+' "$dir/serve.log")
word="${WORD:-speech}"
api="/api/oruk/services?search=$word&page=1"
page="/local-offer?q=$word"
matches=$(curl -s --noproxy '*' "$base$api" | grep -oE '"total_items":[0-9]+' | cut -d: -f2)
echo "services=$services seconds=$seconds connections=$connections search=$word ($matches matches)"

run() {
  local name=$1 path=$2 out rps p99 non2xx
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$base$path")
  rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
  p99=$(echo "$out" | awk '$1=="99%"{print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/{print $NF}')
  printf '%-24s %10s req/s   p99 %8s   non-2xx %s\n' "$name" "$rps" "$p99" "${non2xx:-0}"
  echo "$rps" >"$dir/$name.rps"
}
run healthz /healthz
run oruk_search "$api"
run local_offer_search "$page"
base_rps=$(cat "$dir/healthz.rps")
for n in oruk_search local_offer_search; do
  awk -v a="$(cat "$dir/$n.rps")" -v b="$base_rps" -v n="$n" 'BEGIN{printf "%-24s %.2f of the /healthz baseline\n", n, a/b}'
done
echo "server peak memory: $(awk '/VmHWM/{print $2, $3}' /proc/$server/status)"
