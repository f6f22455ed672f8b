#!/usr/bin/env bash
# Load test of stay reports (holiday-rental) against a release build: 1,000 registrations in
# Amsterdam (seeded straight into the database, since the mock BRP has fewer residents than
# that), random stays of 1-7 nights next year, 32 connections (wrk), on PostgreSQL and SQLite with
# the cap and the audit log enforced. Afterwards a check over all stored stays counts address-
# years over the cap and overlapping stays (both must be 0).
# Results go to bench/results/holiday-rental.txt. Needs wrk and python3.
source "$(dirname "$0")/lib.sh"
DURATION="${DURATION:-20s}"
bin=$(release_binary holiday-rental)
work=$(mktemp -d)
bench_client "$work" burgerportaal '["vakantieverhuur.aanvragen"]'
export RUST_LOG=warn REGISTRY_PROXY_SECRET=unused-in-this-bench
python3 - "$work" <<'PY'
import sys, random
work = sys.argv[1]
random.seed(7)
def valid_bsn(prefix):
    # the eleven test: 9*d1 + 8*d2 + ... + 2*d8 - d9 is a multiple of 11 (and not 0)
    for check in range(10):
        s = f"{prefix:08d}{check}"
        total = sum((9 - i) * int(d) for i, d in enumerate(s[:8])) - int(s[8])
        if total != 0 and total % 11 == 0:
            return s
    return None
rows, lua = [], []
prefix = 80000000
for i in range(1000):
    nr = "".join(random.choice("0123456789ABCDEF") for _ in range(16)) + "0363"
    bsn = None
    while bsn is None:
        prefix += 1
        bsn = valid_bsn(prefix)
    na = f"03632{i:011d}"
    rows.append(f"('r{i}','{nr}','{na}','03630{i:011d}','Benchstraat {i+1}, 1000AA Amsterdam','0363','{bsn}','actief',NULL,'2026-01-01 00:00:00',NULL)")
    lua.append((nr, bsn))
open(f"{work}/seed.sql", "w").write("INSERT INTO registraties (id, registratienummer, nummeraanduiding_id, adresseerbaar_object_id, adres, gemeentecode, bsn, status, reden_intrekking, aangemaakt_op, ingetrokken_op) VALUES " + ",\n".join(rows) + ";\n")
open(f"{work}/regs.txt", "w").write("\n".join(f"{nr} {bsn}" for nr, bsn in lua) + "\n")
PY
out=bench/results/holiday-rental.txt
YEAR=$(( $(date -u +%Y) + 1 ))
echo "# holiday-rental benchmark $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, wrk -t2 -c32 -d$DURATION, 1,000 registrations, random stays of 1-7 nights in $YEAR" > "$out"
# one citizen token per registration
: > "$work/tokens.lua"
echo "regs = {" >> "$work/tokens.lua"
while read -r nr bsn; do
  echo "  {\"$nr\", \"$("$bin" token burgerportaal --bsn "$bsn")\"}," >> "$work/tokens.lua"
done < "$work/regs.txt"
echo "}" >> "$work/tokens.lua"
# stays are reported before they start: next year's
echo "YEAR = $YEAR" >> "$work/tokens.lua"
cat >> "$work/tokens.lua" <<'LUA'
math.randomseed(os.time())
request = function()
  local r = regs[math.random(#regs)]
  local start = os.time{year=YEAR, month=1, day=1, hour=12} + math.random(0, 358) * 86400
  local nights = math.random(1, 7)
  local body = string.format('{"startDatum":"%s","eindDatum":"%s","aantalGasten":%d}',
    os.date("!%Y-%m-%d", start), os.date("!%Y-%m-%d", start + nights * 86400), math.random(1, 4))
  return wrk.format("POST", "/api/v1/registraties/" .. r[1] .. "/verblijven",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. r[2]}, body)
end
done = function(summary, latency, requests)
  io.write(string.format("reports: %d in %.1f s = %.0f/s; p50 %.1f ms, p99 %.1f ms\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
LUA
for db in ${DBS:-postgres sqlite}; do
  if [ "$db" = sqlite ]; then url="$work/bench.db"; else
    schema="hr_bench_$(date +%s)"; psql -q "$PG_URL" -c "CREATE SCHEMA $schema"; url="$PG_URL?options=-csearch_path%3D$schema${PGOPTS:-}"; fi
  DATABASE_URL="$url" DATABASE_POOL_SIZE="${POOL:-8}" BIND_ADDRESS=127.0.0.1:18081 "$bin" & pid=$!
  for _ in $(seq 1 50); do curl -sf http://127.0.0.1:18081/health/live >/dev/null && break; sleep 0.2; done
  if [ "$db" = sqlite ]; then python3 -c "import sqlite3,sys; c=sqlite3.connect('$url'); c.executescript(open('$work/seed.sql').read()); c.commit()"
  else psql -q "$url" -f "$work/seed.sql"; fi
  echo "## $db" >> "$out"
  wrk -t2 -c32 -d"$DURATION" -s "$work/tokens.lua" http://127.0.0.1:18081 | grep -E "reports:|Non-2xx|Requests/sec" >> "$out"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  if [ "$db" = sqlite ]; then
    python3 -c "import sqlite3; c=sqlite3.connect('$url'); [print(a,b,c_) for a,b,c_ in c.execute('SELECT nummeraanduiding_id,start_datum,eind_datum FROM verblijven WHERE geannuleerd_op IS NULL')]" > "$work/stays.txt"
    audit=$(python3 -c "import sqlite3; print(sqlite3.connect('$url').execute('SELECT count(*) FROM audit_log').fetchone()[0])")
  else
    psql -At -F ' ' "$url" -c "SELECT nummeraanduiding_id, start_datum, eind_datum FROM verblijven WHERE geannuleerd_op IS NULL" > "$work/stays.txt"
    audit=$(psql -At "$url" -c "SELECT count(*) FROM audit_log")
    PGOPTIONS='-c client_min_messages=warning' psql -q "$PG_URL" -c "DROP SCHEMA $schema CASCADE"
  fi
  python3 - "$work/stays.txt" "$audit" >> "$out" <<'PY'
import sys, collections, datetime as dt
stays = collections.defaultdict(list)
for line in open(sys.argv[1]):
    a, s, e = line.split()
    stays[a].append((dt.date.fromisoformat(s), dt.date.fromisoformat(e)))
over = overlap = total = 0
for a, ss in stays.items():
    total += len(ss)
    nights = collections.Counter()
    for s, e in ss:
        d = s
        while d < e:
            nights[d.year] += 1
            d += dt.timedelta(days=1)
    over += sum(1 for n in nights.values() if n > 30)
    ss.sort()
    overlap += sum(1 for x, y in zip(ss, ss[1:]) if y[0] < x[1])
print(f"stored stays: {total}; audit records: {sys.argv[2]}; address-years over the cap: {over}; overlapping stays: {overlap}")
PY
done
rm -rf "$work"
cat "$out"
