#!/usr/bin/env bash
# Lints our own specs with the official NL API Design Rules 2.2 ruleset (Spectral from npm,
# installed once into a cache outside the clone). Errors fail; warnings are shown.
set -euo pipefail
cd "$(dirname "$0")/.."
tools_dir="${GRONDWERK_TOOLS_DIR:-$HOME/.cache/grondwerk-tools}"
spectral="$tools_dir/node_modules/.bin/spectral"
if [ ! -x "$spectral" ]; then
  mkdir -p "$tools_dir"
  (cd "$tools_dir" && npm install --no-audit --no-fund --silent @stoplight/spectral-cli@6)
fi
ruleset=standards/adr/adr-2.2.0-rc.1-linter.yaml
if [ ! -f "$ruleset" ]; then
  echo "spectral: $ruleset is missing (the project carries it under standards/)" >&2
  exit 1
fi
# own specs only: the Haal Centraal drop-in spec copies the official contracts and is checked
# against them by tests/openapi.rs instead
for spec in openapi/*.json; do
  case "$spec" in *-haalcentraal.json) continue ;; esac
  "$spectral" lint --fail-severity error -r "$ruleset" "$spec"
done
