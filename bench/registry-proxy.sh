#!/usr/bin/env bash
# Load test of RaadpleegMetBurgerservicenummer (1 BSN, 10 fields) against a release build with
# the mock backend: 32 connections (wrk), audit on and off, on SQLite and PostgreSQL.
# Results go to bench/results/registry-proxy.txt. Needs wrk (apt-get install wrk).
source "$(dirname "$0")/lib.sh"
DURATION="${DURATION:-15s}"
bin=$(release_binary registry-proxy)
work=$(mktemp -d)
bench_client "$work" bench '["brp.personen.lezen", "brp.protocollering.lezen"]' 'fields = ["*"]'
export LOG_FORMAT=json RUST_LOG=warn
token=$("$bin" token bench)
cat > "$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
wrk.headers["X-Doelbinding"] = "benchmark"
wrk.body = '{"type":"RaadpleegMetBurgerservicenummer","burgerservicenummer":["999990019"],"fields":["burgerservicenummer","naam.voornamen","naam.geslachtsnaam","geboorte.datum","geslacht","leeftijd","verblijfplaats.verblijfadres.postcode","verblijfplaats.verblijfadres.huisnummer","adressering.adresregel1","partners.burgerservicenummer"]}'
LUA
out=bench/results/registry-proxy.txt
{ echo "# registry-proxy benchmark $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, wrk -t2 -c${CONNS:-32} -d$DURATION --latency"; } > "$out"
for db in ${DBS:-sqlite postgres}; do
  for audit in on off; do
    if [ "$db" = sqlite ]; then url="$work/bench-$audit.db"; else
      schema="bench_$(date +%s)_$audit"; psql -q "$PG_URL" -c "CREATE SCHEMA $schema"; url="$PG_URL?options=-csearch_path%3D$schema"; fi
    DATABASE_URL="$url" GRONDWERK_AUDIT=$audit BIND_ADDRESS=127.0.0.1:18083 "$bin" & pid=$!
    for _ in $(seq 1 50); do curl -sf http://127.0.0.1:18083/health/live >/dev/null && break; sleep 0.2; done
    echo "## $db, audit $audit" >> "$out"
    p0=$(cpu_ticks "$pid"); g0=$(pg_cpu_ticks); m0=$(machine_cpu_ticks)
    wrk -t2 -c"${CONNS:-32}" -d"$DURATION" --latency -s "$work/post.lua" http://127.0.0.1:18083/haalcentraal/api/brp/personen \
      > "$work/wrk.txt"
    p1=$(cpu_ticks "$pid"); g1=$(pg_cpu_ticks); m1=$(machine_cpu_ticks)
    grep -E "Requests/sec|Latency|50%|99%|Non-2xx|requests in" "$work/wrk.txt" >> "$out"
    # where the time goes: CPU ms per 1,000 answers, of the proxy, of PostgreSQL, of the machine
    # (the rest of the machine's is wrk's, the load generator on the same two cores)
    n=$(awk '/requests in/{print $1}' "$work/wrk.txt")
    echo "CPU per 1,000 answers: proxy $(( (p1 - p0) * 10000 / n )) ms, postgres $(( (g1 - g0) * 10000 / n )) ms, machine $(( (m1 - m0) * 10000 / n )) ms" >> "$out"
    if [ "$audit" = on ]; then
      recs=$(curl -s -H "Authorization: Bearer $token" http://127.0.0.1:18083/api/v1/protocollering/verificatie)
      echo "audit chain after run: $recs" >> "$out"
    fi
    kill "$pid"; wait "$pid" 2>/dev/null || true
    if [ "$db" = postgres ]; then PGOPTIONS='-c client_min_messages=warning' psql -q "$PG_URL" -c "DROP SCHEMA $schema CASCADE"; fi
  done
done
rm -rf "$work"
cat "$out"
