#!/usr/bin/env bash
# Installs what Tandem needs, builds it, creates the demo database and serves
# it on http://localhost:8080 (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
database="${TANDEM_DATABASE:-sqlite:tandem.db}"
build/tandem migrate --database "$database"
exec build/tandem serve --database "$database" --port "${PORT:-8080}"
