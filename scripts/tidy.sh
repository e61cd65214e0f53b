#!/usr/bin/env bash
# Runs clang-tidy (config: .clang-tidy) on the C++ files changed since a
# revision (default: the last commit), or on every file with --all. Kept out of
# the test command because it takes minutes on two cores.
#   bash scripts/tidy.sh [REV | --all]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build/compile_commands.json ] || bash scripts/build.sh
if [ "${1:-}" = "--all" ]; then
  files=$(git ls-files -- 'src/*.cpp')
else
  files=$(git diff --name-only --diff-filter=AM "${1:-HEAD~1}" -- 'src/*.cpp' || true)
fi
[ -n "$files" ] || { echo "No changed C++ sources."; exit 0; }
# clang-tidy 14 does not know -std=c++23; c++2b is the same language.
echo "$files" | xargs -P2 -n4 clang-tidy -p build --quiet --extra-arg=-std=c++2b --extra-arg=-Wno-unknown-warning-option
