#!/usr/bin/env bash
# Benchmark of the catalogue against a release build: N generated components (default 10,000,
# each with a spec of about 2,000 lines) published over HTTP, 1,000 varied searches with filters
# (p50/p99), and the ADR lint of one spec in Rust against Spectral with the official ruleset on
# the same file in the same run. Results go to bench/results/catalog.txt.
source "$(dirname "$0")/lib.sh"
N="${N:-10000}"
cargo build --release -q -p catalog --example catalog_bench
work=$(mktemp -d)
out=bench/results/catalog.txt
echo "# catalog benchmark $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $N components, SQLite" > "$out"
"$CARGO_TARGET_DIR/release/examples/catalog_bench" "$N" "$work/bench.db" "$work/spec.json" | tee -a "$out"
spectral="${GRONDWERK_TOOLS_DIR:-$HOME/.cache/grondwerk-tools}/node_modules/.bin/spectral"
[ -x "$spectral" ] || tools/test-tools.sh
runs=3
start=$(date +%s.%N)
for _ in $(seq 1 $runs); do
  "$spectral" lint -q -f json -r standards/adr/adr-2.2.0-rc.1-linter.yaml "$work/spec.json" > /dev/null || true
done
end=$(date +%s.%N)
ms=$(echo "($end - $start) * 1000 / $runs" | bc -l)
printf 'lint (Spectral 6, same spec, node start included): %.0f ms per spec\n' "$ms" | tee -a "$out"
rust=$(grep -o 'lint (Rust, parse included): [0-9.]*' "$out" | grep -o '[0-9.]*$')
printf 'Rust is %.0fx faster\n' "$(echo "$ms / $rust" | bc -l)" | tee -a "$out"
rm -rf "$work"
