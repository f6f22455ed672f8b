#!/usr/bin/env bash
# The ADR lint of 12 real Dutch government specs, side by side in one run: `catalog lint` and
# `catalog-lint` (release builds, the whole process each time: start, read, parse, lint, print;
# `catalog-lint` is the linter without the service) against Spectral 6
# with the official ADR 2.2 ruleset, on the same files. Prints each spec's time and the totals;
# results go to bench/results/lint.txt.
source "$(dirname "$0")/lib.sh"
cargo build --release -q -p catalog --bins
catalog="${BENCH_BINARY:-$CARGO_TARGET_DIR/release/catalog}"
alone="$(dirname "$catalog")/catalog-lint"
spectral="${GRONDWERK_TOOLS_DIR:-$HOME/.cache/grondwerk-tools}/node_modules/.bin/spectral"
[ -x "$spectral" ] || tools/test-tools.sh
specs=(
  catalog/landscape/open-zaak/2.openapi.yaml
  bench/specs/catalogi.openapi.yaml
  bench/specs/documenten.openapi.yaml
  bench/specs/besluiten.openapi.yaml
  bench/specs/autorisaties.openapi.yaml
  catalog/landscape/open-notificaties/3.openapi.yaml
  catalog/landscape/objects-api/2.openapi.yaml
  catalog/landscape/objecttypes-api/3.openapi.yaml
  catalog/landscape/open-formulieren/2.openapi.yaml
  catalog/landscape/open-klant/1.openapi.yaml
  standards/haalcentraal/brp-personen/resolved/openapi.yaml
  standards/haalcentraal/bag-individuele-bevragingen-v2/openapi.yaml
)
runs="${RUNS:-5}"
out=bench/results/lint.txt
now() { date +%s%N; }
echo "# lint benchmark $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores; ms per spec, whole process, best of $runs (Rust) and of 1 (Spectral)" | tee "$out"
printf '%-62s %5s %9s %8s %11s %6s\n' spec KB "lint_ms" "alone_ms" spectral_ms times | tee -a "$out"
total_rust=0; total_alone=0; total_spectral=0
best_of() {
  local best=999999999 t0 t1
  for _ in $(seq 1 "$runs"); do
    t0=$(now); "$@" > /dev/null || true; t1=$(now)
    (( t1 - t0 < best )) && best=$((t1 - t0))
  done
  echo "$best"
}
for s in "${specs[@]}"; do
  best=$(best_of "$catalog" lint --format json "$s")
  best_alone=$(best_of "$alone" --format json "$s")
  t0=$(now); "$spectral" lint -q -f json -r standards/adr/adr-2.2.0-rc.1-linter.yaml "$s" > /dev/null 2>&1 || true; t1=$(now)
  sp=$((t1 - t0))
  total_rust=$((total_rust + best)); total_alone=$((total_alone + best_alone)); total_spectral=$((total_spectral + sp))
  printf '%-62s %5d %9.1f %8.1f %11.0f %6.0f\n' "$s" "$(( $(stat -c %s "$s") / 1024 ))" "$(echo "$best / 1000000" | bc -l)" \
    "$(echo "$best_alone / 1000000" | bc -l)" "$(echo "$sp / 1000000" | bc -l)" "$(echo "$sp / $best" | bc -l)" | tee -a "$out"
done
printf '{"openapi":"3.0.3","info":{"title":"x","version":"1.0.0"},"paths":{}}' > /tmp/grondwerk-tiny-spec.json
for what in "catalog lint --help:$catalog lint --help" "catalog-lint --help:$alone --help" \
  "catalog lint, a tiny spec:$catalog lint /tmp/grondwerk-tiny-spec.json" "catalog-lint, a tiny spec:$alone /tmp/grondwerk-tiny-spec.json"; do
  t0=$(now); for _ in $(seq 1 20); do ${what#*:} > /dev/null || true; done; t1=$(now)
  printf 'start-up (%s, mean of 20): %.1f ms\n' "${what%%:*}" "$(echo "($t1 - $t0) / 20 / 1000000" | bc -l)" | tee -a "$out"
done
printf 'all %d specs: catalog lint %.0f ms, catalog-lint %.0f ms, Spectral %.0f ms: %.0fx and %.0fx\n' "${#specs[@]}" \
  "$(echo "$total_rust / 1000000" | bc -l)" "$(echo "$total_alone / 1000000" | bc -l)" "$(echo "$total_spectral / 1000000" | bc -l)" \
  "$(echo "$total_spectral / $total_rust" | bc -l)" "$(echo "$total_spectral / $total_alone" | bc -l)" | tee -a "$out"
