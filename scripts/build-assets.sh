#!/usr/bin/env bash
# Builds Tandem's front-end assets into build/static/ (or the directory given as the
# first argument), which the server serves at /static/:
#   tandem.css               GOV.UK Frontend compiled from Sass with Arial (assets/scss/)
#   govuk-frontend.min.js    GOV.UK Frontend's ES module bundle (and its source map)
#   images/                  Tandem's own images (assets/images/): no GOV.UK crown
# Installs the pinned npm packages with `npm ci` when node_modules is missing or does
# not match package-lock.json. Safe to run again: it only redoes what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-build/static}"

# 1. npm packages, reinstalled only when package.json or package-lock.json changed.
lock_hash="$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)"
stamp=node_modules/.tandem-installed
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  echo "Installing npm packages (npm ci)"
  # No package here needs an install script; skipping them also keeps npm from
  # building optional native helpers.
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  echo "$lock_hash" >"$stamp"
fi

mkdir -p "$out/images"

# Copies $1 to $2 unless $2 already has the same bytes.
copy_if_changed() {
  if ! cmp -s "$1" "$2"; then
    cp "$1" "$2.tmp.$$"
    mv -f "$2.tmp.$$" "$2"
  fi
}

# 2. Stylesheet, recompiled when any Sass source or the installed packages changed.
css="$out/tandem.css"
if [ ! -f "$css" ] || [ -n "$(find assets/scss "$stamp" -newer "$css" -print -quit)" ]; then
  echo "Compiling assets/scss/tandem.scss -> $css"
  node_modules/.bin/sass --pkg-importer=node --style=compressed --no-source-map \
    --quiet-deps assets/scss/tandem.scss "$css.tmp.$$"
  # Tandem is a council service: its CSS must never declare GOV.UK's own font.
  if grep -q "GDS Transport" "$css.tmp.$$"; then
    rm -f "$css.tmp.$$"
    echo "build-assets: compiled CSS declares the GDS Transport font" >&2
    exit 1
  fi
  mv -f "$css.tmp.$$" "$css"
fi

# 3. GOV.UK Frontend's JavaScript (an ES module exporting initAll).
govuk=node_modules/govuk-frontend/dist/govuk
copy_if_changed "$govuk/govuk-frontend.min.js" "$out/govuk-frontend.min.js"
copy_if_changed "$govuk/govuk-frontend.min.js.map" "$out/govuk-frontend.min.js.map"

# 4. Images. GOV.UK Frontend's own favicons, icons and manifest show the crown, so
# Tandem ships its own; the only image its CSS references is the crest, which Tandem
# never uses.
mkdir -p "$out/letters"
copy_if_changed assets/letters/print.css "$out/letters/print.css"
for f in assets/images/*; do
  [ -f "$f" ] && copy_if_changed "$f" "$out/images/$(basename "$f")"
done

echo "Assets ready in $out"
