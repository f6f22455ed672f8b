#!/usr/bin/env bash
# Load test of stay reports (holiday-rental) against a release build, the accepted and the
# refused path measured apart: 20,000 registrations in Amsterdam (seeded straight into the
# database, since the mock BRP has fewer residents than that), 32 connections (wrk), on PostgreSQL
# and SQLite with the cap and the audit log enforced.
# - accepted: every request reports a one-night stay no other request reports (registration
#   k mod 20,000, day k div 20,000 of next year), so each is stored (201) until a registration
#   would pass its 30 nights, which the 600,000 slots keep out of reach;
# - refused: every request asks 31 nights, over the cap (422 maximumNachtenOverschreden).
# Afterwards a check over all stored stays counts address-years over the cap and overlapping
# stays (both must be 0) and compares the stays with the audit records.
# Results go to bench/results/holiday-rental.txt. Needs wrk and python3.
source "$(dirname "$0")/lib.sh"
DURATION="${DURATION:-20s}"
bin=$(release_binary holiday-rental)
work=$(mktemp -d)
bench_client "$work" burgerportaal '["vakantieverhuur.aanvragen"]'
export RUST_LOG=warn REGISTRY_PROXY_SECRET=unused-in-this-bench
REGS="${REGS:-20000}"
python3 - "$work" "$REGS" "$BENCH_SECRET" <<'PY'
import sys, random, json, base64, hmac, hashlib, time
work, count, secret = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def b64(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()
def token(bsn):
    # what `holiday-rental token burgerportaal --bsn …` signs: HS256 with the client's secret
    head = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    claims = b64(json.dumps({"iss": "burgerportaal", "client_id": "burgerportaal", "iat": int(time.time()), "bsn": bsn}).encode())
    mac = hmac.new(secret.encode(), f"{head}.{claims}".encode(), hashlib.sha256).digest()
    return f"{head}.{claims}.{b64(mac)}"
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
for i in range(count):
    nr = "".join(random.choice("0123456789ABCDEF") for _ in range(16)) + "0363"
    bsn = None
    while bsn is None:
        prefix += 1
        bsn = valid_bsn(prefix)
    na = f"03632{i:011d}"
    rows.append(f"('r{i}','{nr}','{na}','03630{i:011d}','Benchstraat {i+1}, 1000AA Amsterdam','0363','{bsn}','actief',NULL,'2026-01-01 00:00:00',NULL)")
    lua.append((nr, token(bsn)))
insert = "INSERT INTO registraties (id, registratienummer, nummeraanduiding_id, adresseerbaar_object_id, adres, gemeentecode, bsn, status, reden_intrekking, aangemaakt_op, ingetrokken_op) VALUES "
with open(f"{work}/seed.sql", "w") as f:
    for at in range(0, len(rows), 1000):
        f.write(insert + ",\n".join(rows[at:at + 1000]) + ";\n")
with open(f"{work}/tokens.lua", "w") as f:
    f.write("regs = {\n" + "".join(f'  {{"{nr}", "{t}"}},\n' for nr, t in lua) + "}\n")
PY
out=bench/results/holiday-rental.txt
YEAR=$(( $(date -u +%Y) + 1 ))
echo "# holiday-rental benchmark $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, wrk -t2 -c32 -d$DURATION per scenario, $REGS registrations, stays in $YEAR" > "$out"
echo "YEAR = $YEAR" >> "$work/tokens.lua"
cat >> "$work/tokens.lua" <<'LUA'
-- each thread takes every other request number, so no two requests ask the same slot
local threads = {}
setup = function(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end
init = function(args)
  MODE = args[1]
  n = 0
end
request = function()
  local k = n * 2 + id
  n = n + 1
  local r = regs[(k % #regs) + 1]
  local first = os.time{year=YEAR, month=1, day=1, hour=12}
  local start, nights
  if MODE == "accepted" then
    start, nights = first + math.floor(k / #regs) * 86400, 1
  else
    start, nights = first + (k % 300) * 86400, 31
  end
  local body = string.format('{"startDatum":"%s","eindDatum":"%s","aantalGasten":2}',
    os.date("!%Y-%m-%d", start), os.date("!%Y-%m-%d", start + nights * 86400))
  return wrk.format("POST", "/api/v1/registraties/" .. r[1] .. "/verblijven",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. r[2]}, body)
end
done = function(summary, latency, requests)
  -- done runs in the main state: the mode is the threads' (set by init from the arguments)
  io.write(string.format("%s: %d in %.1f s = %.0f/s; p50 %.1f ms, p99 %.1f ms\n",
    threads[1]:get("MODE"), summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
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
  for mode in accepted refused; do
    wrk -t2 -c32 -d"$DURATION" -s "$work/tokens.lua" http://127.0.0.1:18081 -- "$mode" \
      | grep -E "^$mode:|Non-2xx" | sed "s/^ *Non-2xx or 3xx responses:/  $mode, not 2xx:/" >> "$out"
  done
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
