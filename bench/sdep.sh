#!/usr/bin/env bash
# Benchmark of the SDEP fetch and matching (holiday-rental) against a release build on
# PostgreSQL: a month of activity data for a city the size of Amsterdam (400,000 platform stays
# over 20,000 registration numbers) served by a stand-in SDEP in batches of 10,000, fetched,
# stored and matched; then the same month again. Results go to bench/results/sdep.txt.
source "$(dirname "$0")/lib.sh"
out=bench/results/sdep.txt
cargo build --release -q -p holiday-rental --example sdep_bench
echo "# SDEP fetch and matching $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, PostgreSQL 15" > "$out"
"$CARGO_TARGET_DIR/release/examples/sdep_bench" "${PG_URL:-postgres://postgres@127.0.0.1:5432/test}" | tee -a "$out"
