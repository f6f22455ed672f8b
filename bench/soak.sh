#!/usr/bin/env bash
# Load and soak: the four components as their own release binaries (SQLite, audit log on), a
# mixed workload at a fixed rate for DURATION (default 10m) from oha (crates.io; installed when
# missing), one oha per kind of request, all at once. Reports per kind: requests, throughput,
# p50/p99/p99.9 and errors; per component: RSS after the warm-up and at the end.
#
#   bench/soak.sh                 10 minutes at 200 requests/s
#   DURATION=60s bench/soak.sh    a short run
#
# Results: bench/results/soak.md (the table in docs/reliability.md comes from it).
source "$(dirname "$0")/lib.sh"
DURATION="${DURATION:-10m}"
WARMUP="${WARMUP:-60s}"
command -v oha >/dev/null || cargo install -q --locked oha
cargo build --release -q -p registry-proxy -p holiday-rental -p household-budget -p catalog
rel="$CARGO_TARGET_DIR/release"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
# the demo and test clients, each with a new random secret
cargo run -q --release --bin grondwerk -- clients --with config/test-clients.toml > "$work/clients.toml"
secret_of() { python3 -c 'import sys, tomllib; print(next(c["secret"] for c in tomllib.load(open(sys.argv[1], "rb"))["client"] if c["client_id"] == sys.argv[2]))' "$work/clients.toml" "$1"; }
export GRONDWERK_CLIENTS="$work/clients.toml" RUST_LOG=warn LOG_FORMAT=json
export PLATFORM_CHECK_PER_MINUTE=1000000
proxy=http://127.0.0.1:18191 rental=http://127.0.0.1:18192 budget=http://127.0.0.1:18193 catalog=http://127.0.0.1:18194

start() { # name binary port [env...]
  local name=$1 bin=$2 port=$3; shift 3
  env "$@" DATABASE_URL="$work/$name.db" BIND_ADDRESS="127.0.0.1:$port" "$rel/$bin" 2> "$work/$name.log" &
  echo $! > "$work/$name.pid"
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && return; sleep 0.2; done
  cat "$work/$name.log" >&2; echo "soak: $name did not start" >&2; exit 1
}
start catalog catalog 18194
start registry-proxy registry-proxy 18191
start holiday-rental holiday-rental 18192 REGISTRY_PROXY_URL=$proxy \
  REGISTRY_PROXY_SECRET="$(secret_of holiday-rental)"
start household-budget household-budget 18193 REGISTRY_PROXY_URL=$proxy \
  REGISTRY_PROXY_SECRET="$(secret_of household-budget)" HOUSEHOLD_BUDGET_ACCOUNT_IBAN=NL36ABNA5632579034

token() { "$rel/registry-proxy" token "$@"; }
brp=$(token demo); jan=$(token burgerportaal --bsn 999990019); platform=$(token platform-demo)
team=$(token budgetbeheer); anna_herself=$(token budgetportaal --bsn 999990068)

# the data the reads ask for: Jan's registration, Anna with an afspraak and a statement
nr=$(curl -sf -X POST "$rental/api/v1/registraties" -H "Authorization: Bearer $jan" \
  -H 'Content-Type: application/json' -d '{"nummeraanduidingIdentificatie":"0363200000123456"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["registratienummer"].replace(" ",""))')
anna=$(curl -sf -X POST "$budget/api/v1/burgers" -H "Authorization: Bearer $team" -H 'Content-Type: application/json' \
  -d '{"burgerservicenummer":"999990068","aanvullenUitBrp":true}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
curl -sf -o /dev/null -X POST "$budget/api/v1/burgers/$anna/afspraken" -H "Authorization: Bearer $team" \
  -H 'Content-Type: application/json' \
  -d '{"omschrijving":"Huur","soort":"uitgaven","bedragInCenten":64735,"tegenrekening":"NL15BNGH0285162624","geldigVan":"2024-01-01"}'
curl -sf -o /dev/null -X POST "$budget/api/v1/bankafschriften" -H "Authorization: Bearer $team" \
  -H 'Content-Type: application/xml' --data-binary @standards/samples/camt/huishoudboekje_persona1_202407_camt053.001.02.xml
component=$(curl -sf "$catalog/api/v1/componenten" | python3 -c 'import json,sys; print(json.load(sys.stdin)["componenten"][0]["id"])' 2>/dev/null || true)
[ -n "$component" ] || component=unknown

rss() { awk '/VmRSS/ {print $2}' "/proc/$(cat "$work/$1.pid")/status"; }
declare -A rates
names=()
# load <name> <rate/s> <oha arguments…>: one kind of request at a fixed rate, in the background
load() {
  local name=$1 rate=$2; shift 2
  rates[$name]=$rate
  [ -n "${seen[$name]:-}" ] || { names+=("$name"); seen[$name]=1; }
  oha --no-tui --output-format json -z "$dur" -q "$rate" -c 16 --latency-correction "$@" \
    > "$dir/$name.json" 2> "$dir/$name.err" &
  pids+=($!)
}
declare -A seen
# the mix: 200 requests/s over the four components, reads and writes, personal data and public
run_all() {
  dur=$1 dir=$2; mkdir -p "$dir"; pids=()
  load brp-raadplegen 40 -m POST -H "Authorization: Bearer $brp" -T application/json \
    -d '{"type":"RaadpleegMetBurgerservicenummer","burgerservicenummer":["999990019","999990032"],"fields":["naam","geboorte"]}' \
    "$proxy/haalcentraal/api/brp/personen"
  load bag-adres 20 -H "Authorization: Bearer $brp" "$proxy/lvbag/individuelebevragingen/v2/adressen/0363200000123456"
  load registratie-raadplegen 20 -H "Authorization: Bearer $jan" "$rental/api/v1/registraties/$nr"
  load nummercontrole 40 -H "Authorization: Bearer $platform" "$rental/api/v1/registratienummers/$nr"
  load verblijven 10 -H "Authorization: Bearer $jan" "$rental/api/v1/registraties/$nr/verblijven"
  load burger-raadplegen 20 -H "Authorization: Bearer $anna_herself" "$budget/api/v1/burgers/$anna"
  load overzicht 10 -H "Authorization: Bearer $team" "$budget/api/v1/burgers/$anna/overzicht?van=2024-07-01&tot=2024-07-31"
  load huishouden-aanmaken 10 -m POST -H "Authorization: Bearer $team" -T application/json \
    -d '{"naam":"Huishouden"}' "$budget/api/v1/huishoudens"
  load catalogus-lijst 20 "$catalog/api/v1/componenten"
  load catalogus-pagina 10 "$catalog/componenten/$component"
  wait "${pids[@]}"
}
echo "soak: warm-up $WARMUP, then $DURATION at 200 requests/s" >&2
run_all "$WARMUP" "$work/warmup"
declare -A rss_start rss_end
for c in registry-proxy holiday-rental household-budget catalog; do rss_start[$c]=$(rss "$c"); done
run_all "$DURATION" "$work/soak"
for c in registry-proxy holiday-rental household-budget catalog; do rss_end[$c]=$(rss "$c"); done

out=bench/results/soak.md
{
  echo "## Soak: $DURATION at 200 requests/s, after a $WARMUP warm-up ($(date -u +%Y-%m-%d), $(nproc) cores, release builds, SQLite)"
  echo
  echo "| request | rate/s | answered | throughput/s | p50 ms | p99 ms | p99.9 ms | errors | in flight at the end |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for name in "${names[@]}"; do
    python3 - "$work/soak/$name.json" "$name" "${rates[$name]}" <<'PY'
import json, sys
path, name, rate = sys.argv[1:]
d = json.load(open(path))
s, p = d["summary"], d["latencyPercentiles"]
codes = d.get("statusCodeDistribution", {})
errors = d.get("errorDistribution", {})
total = sum(codes.values()) + sum(errors.values())
# oha cancels what is still in flight when the duration ends: not an error of the server
cut = errors.pop("aborted due to deadline", 0)
bad = {f"HTTP {c}": n for c, n in codes.items() if int(c) >= 400}
bad.update(errors)
what = "; ".join(f"{n}× {k}" for k, n in bad.items()) or "0"
ms = lambda v: f"{v * 1000:.1f}" if v is not None else "-"
print(f"| {name} | {rate} | {total - cut} | {s['requestsPerSec']:.1f} | {ms(p['p50'])} | {ms(p['p99'])} | {ms(p['p99.9'])} | {what} | {cut} |")
PY
  done
  echo
  echo "| component | RSS after warm-up (MiB) | RSS at the end (MiB) | growth |"
  echo "|---|---|---|---|"
  for c in registry-proxy holiday-rental household-budget catalog; do
    python3 -c "import sys; a,b=int(sys.argv[2]),int(sys.argv[3]); print(f'| {sys.argv[1]} | {a/1024:.1f} | {b/1024:.1f} | {(b-a)*100/a:+.1f}% |')" \
      "$c" "${rss_start[$c]}" "${rss_end[$c]}"
  done
} | tee "$out"
