#!/usr/bin/env bash
# Import benchmark of household-budget against a release build: a generated camt.053 statement
# with N entries (default 200,000, about 180 MB) imported with POST /api/v1/bankafschriften (the
# cap raised for the run), on SQLite and PostgreSQL. Reports the import time (parse, duplicate
# check, storage, automatic booking, audit) and the service's peak memory (VmHWM), and the
# parse rate of the streaming reader alone. Results go to bench/results/household-budget.txt.
source "$(dirname "$0")/lib.sh"
N="${N:-200000}"
bin=$(release_binary household-budget)
cargo build --release -q -p household-budget --example camt_generate
gen="$CARGO_TARGET_DIR/release/examples/camt_generate"
work=$(mktemp -d)
bench_client "$work" budgetbeheer '["huishoudboekje.lezen", "huishoudboekje.beheren"]'
export RUST_LOG=warn HOUSEHOLD_BUDGET_ACCOUNT_IBAN=NL36ABNA5632579034 HOUSEHOLD_BUDGET_MAX_STATEMENT_BYTES=$((1024 * 1024 * 1024))
"$gen" "$N" > "$work/big.xml"
size=$(stat -c %s "$work/big.xml")
token=$("$bin" token budgetbeheer)
out=bench/results/household-budget.txt
echo "# household-budget import benchmark $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $N entries, $((size / 1000000)) MB camt.053.001.02" > "$out"
"$gen" --parse "$work/big.xml" >> "$out"
for db in ${DBS:-sqlite postgres}; do
  if [ "$db" = sqlite ]; then url="$work/bench.db"; else
    schema="hb_bench_$(date +%s)"; psql -q "$PG_URL" -c "CREATE SCHEMA $schema"; url="$PG_URL?options=-csearch_path%3D$schema"; fi
  DATABASE_URL="$url" BIND_ADDRESS=127.0.0.1:18082 "$bin" & pid=$!
  for _ in $(seq 1 50); do curl -sf http://127.0.0.1:18082/health/live >/dev/null && break; sleep 0.2; done
  # a citizen with an afspraak for each recurring counterparty of the generated file, so the
  # import also runs the automatic booking (the rent's amount recurs: those entries book)
  burger=$(curl -s -X POST http://127.0.0.1:18082/api/v1/burgers -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d '{"burgerservicenummer":"999990019","voornamen":"Jan","achternaam":"Bench"}' \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  for a in "inkomsten NL71ABNA0411065785 Participatiewet 125000" "uitgaven NL20INGB0001234567 Huur 13000" \
           "uitgaven NL02ABNA0123456789 energie 5000" "inkomsten NL44RABO0123456789 Premie 14000" \
           "uitgaven NL86INGB0002445588 Zorgtoeslag 9000" "uitgaven NL91ABNA0417164300 Boodschappen 2500"; do
    set -- $a
    curl -s -o /dev/null -X POST "http://127.0.0.1:18082/api/v1/burgers/$burger/afspraken" -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' \
      -d "{\"omschrijving\":\"$3\",\"soort\":\"$1\",\"bedragInCenten\":$4,\"tegenrekening\":\"$2\",\"geldigVan\":\"2026-01-01\",\"zoektermen\":[\"$3\"]}"
  done
  start=$(date +%s.%N)
  status=$(curl -s -o "$work/result.json" -w '%{http_code}' -X POST http://127.0.0.1:18082/api/v1/bankafschriften \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/xml' --data-binary @"$work/big.xml")
  end=$(date +%s.%N)
  peak=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
  echo "## $db: HTTP $status in $(echo "$end - $start" | bc) s, peak RSS $((peak / 1024)) MB; $(python3 -c "import json,sys; r=json.load(open('$work/result.json')); print('new', r.get('aantalNieuw'), 'booked', r.get('aantalAutomatischGeboekt'), 'balance ok', r.get('afschriften',[{}])[0].get('saldocontrole',{}).get('klopt'))" 2>/dev/null || head -c 300 "$work/result.json")" >> "$out"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  if [ "$db" = postgres ]; then PGOPTIONS='-c client_min_messages=warning' psql -q "$PG_URL" -c "DROP SCHEMA $schema CASCADE"; fi
done
rm -rf "$work"
cat "$out"
