#!/usr/bin/env bash
# What the tests need besides Rust, installed once when missing: xmllint (the pain.001 files are
# validated against the official XSDs), Chromium (the catalogue's pages are tested in a real
# browser), and from npm, into a cache outside the clone, Spectral (our linter is compared with
# it), puppeteer-core and axe-core (the browser test). Without root the system packages must
# already be there; the tests say what is missing.
set -euo pipefail
tools_dir="${GRONDWERK_TOOLS_DIR:-$HOME/.cache/grondwerk-tools}"
missing=()
command -v xmllint >/dev/null || missing+=(libxml2-utils)
[ -x /usr/bin/chromium ] || [ -n "${CHROMIUM:-}" ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "test-tools: please install ${missing[*]} (apt-get install ${missing[*]})" >&2
  fi
fi
mkdir -p "$tools_dir"
need=()
[ -x "$tools_dir/node_modules/.bin/spectral" ] || need+=(@stoplight/spectral-cli@6)
[ -d "$tools_dir/node_modules/puppeteer-core" ] || need+=(puppeteer-core@24)
[ -d "$tools_dir/node_modules/axe-core" ] || need+=(axe-core@4)
if [ ${#need[@]} -gt 0 ]; then
  # puppeteer-core never downloads a browser: the tests use the system's Chromium
  (cd "$tools_dir" && npm install --no-audit --no-fund --silent "${need[@]}")
fi
