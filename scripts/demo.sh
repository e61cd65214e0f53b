#!/usr/bin/env bash
# Installs what Tandem needs, builds it and its page assets, creates (or
# refreshes) the demo database, prints the demo accounts and serves Tandem on
# http://localhost:8080 until Ctrl-C.
#   TANDEM_DATABASE  database URL (default sqlite:tandem.db)
#   TANDEM_AREA      area profile for the demo (default demo)
#   PORT             port to serve on (default 8080)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
bash scripts/build-assets.sh build/static
database="${TANDEM_DATABASE:-sqlite:tandem.db}"
build/tandem demo --database "$database" --area "${TANDEM_AREA:-demo}"
echo
echo "Open http://localhost:${PORT:-8080}/sign-in in a browser."
exec build/tandem serve --database "$database" --port "${PORT:-8080}"
