#!/usr/bin/env bash
# The C parts under AddressSanitizer: libpq and the OpenSSL it speaks TLS with (their malloc and
# free are ASan's), the bundled SQLite (compiled with -fsanitize=address), and the Rust code
# around them. Needs a nightly toolchain (`rustup toolchain install nightly`; -Zsanitizer is
# nightly-only); builds go to their own cache, since every crate is built differently.
#
#   tools/asan.sh tests [P…]  the test suite (or packages P…), every database test on SQLite and
#                             PostgreSQL (TEST_DATABASE_URL)
#   tools/asan.sh stop [N]    what the benchmarks do to a process N times (default 30): start
#                             holiday-rental on PostgreSQL or SQLite, load it with stay reports
#                             from 32 clients, SIGTERM it while the load is on; every exit must
#                             be clean and ASan must report nothing
#
# ASan's reports go to $CARGO_TARGET_DIR/asan/ (one file per process that reported).
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-tests}"
rustup run nightly rustc --version >/dev/null 2>&1 || {
  echo "asan: a nightly toolchain is needed: rustup toolchain install nightly" >&2
  exit 1
}
export CARGO_TARGET_DIR="${ASAN_TARGET_DIR:-$HOME/.cache/grondwerk-asan}"
export RUSTFLAGS="-Zsanitizer=address" RUSTDOCFLAGS="-Zsanitizer=address"
export CFLAGS="-fsanitize=address -fno-omit-frame-pointer" CXXFLAGS="-fsanitize=address -fno-omit-frame-pointer"
reports="$CARGO_TARGET_DIR/asan"
mkdir -p "$reports"
rm -f "$reports"/report.*
# leaks at exit are not what this looks for (threads parked on channels hold their buffers)
export ASAN_OPTIONS="${ASAN_EXTRA:+$ASAN_EXTRA:}detect_leaks=0:abort_on_error=1:log_path=$reports/report"
target=(--target x86_64-unknown-linux-gnu)
PG_URL="${PG_URL:-postgres://postgres@127.0.0.1:5432/test}"

check_reports() {
  if compgen -G "$reports/report.*" >/dev/null; then
    echo "asan: AddressSanitizer reported (first report below; all in $reports):" >&2
    head -n 60 "$(ls "$reports"/report.* | head -n 1)" >&2
    exit 1
  fi
  echo "asan: nothing reported"
}

case "$what" in
  tests)
    shift
    packages=(--workspace)
    [ $# -gt 0 ] && packages=("${@/#/--package=}")
    TEST_DATABASE_URL="$PG_URL" cargo +nightly test --no-fail-fast "${packages[@]}" "${target[@]}" 2>&1 \
      | grep -E '^(test result|running|error|failures:|---- )|panicked'
    check_reports
    ;;
  stop)
    rounds="${2:-30}"
    cargo +nightly build -q --release -p holiday-rental -p grondwerk "${target[@]}"
    bin="$CARGO_TARGET_DIR/x86_64-unknown-linux-gnu/release"
    work=$(mktemp -d)
    trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
    "$bin/grondwerk" clients > "$work/clients.toml"
    export GRONDWERK_CLIENTS="$work/clients.toml" RUST_LOG=warn REGISTRY_PROXY_SECRET=unused-here
    export GRONDWERK_AUDIT_KEYS="asan=$(python3 -c 'import secrets; print(secrets.token_hex(32))')"
    export METRICS_BIND_ADDRESS=off BIND_ADDRESS=127.0.0.1:18381
    token=$("$bin/holiday-rental" token burgerportaal --bsn 999990019)
    number=0123456789ABCDEF0363
    seed="INSERT INTO registraties (id, registratienummer, nummeraanduiding_id, adresseerbaar_object_id, adres, gemeentecode, bsn, status, reden_intrekking, aangemaakt_op, ingetrokken_op) VALUES ('asan', '$number', '0363200000999999', '0363010000999999', 'Teststraat 1, 1000AA Amsterdam', '0363', '999990019', 'actief', NULL, '2026-01-01 00:00:00', NULL)"
    failures=0
    for i in $(seq 1 "$rounds"); do
      for db in postgres sqlite; do
        if [ "$db" = sqlite ]; then url="$work/stop-$i.db"; else
          schema="asan_stop_${i}_$$"; psql -q "$PG_URL" -c "CREATE SCHEMA $schema"
          url="$PG_URL?options=-csearch_path%3D$schema"
        fi
        DATABASE_URL="$url" "$bin/holiday-rental" 2> "$work/stderr.log" & pid=$!
        for _ in $(seq 1 100); do curl -sf http://127.0.0.1:18381/health/live >/dev/null && break; sleep 0.1; done
        if [ "$db" = sqlite ]; then python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()" "$url" "$seed"
        else psql -q "$url" -c "$seed"; fi
        # 32 clients reporting stays (reads, writes, the cap, the audit log), still coming when
        # SIGTERM arrives
        python3 - "$token" "$number" > "$work/load.log" 2>&1 <<'PY' &
import http.client, json, random, sys, threading, time
token, number = sys.argv[1], sys.argv[2]
# stays are reported ahead, at most until the end of next year: next year's
BASE = time.mktime((time.gmtime().tm_year + 1, 1, 1, 12, 0, 0, 0, 0, 0))
def client():
    for _ in range(2000):
        day = random.randint(1, 330)
        start = time.strftime("%Y-%m-%d", time.gmtime(BASE + day * 86400))
        end = time.strftime("%Y-%m-%d", time.gmtime(BASE + (day + random.randint(1, 3)) * 86400))
        try:
            c = http.client.HTTPConnection("127.0.0.1", 18381, timeout=5)
            c.request("POST", f"/api/v1/registraties/{number}/verblijven",
                      json.dumps({"startDatum": start, "eindDatum": end, "aantalGasten": 1}),
                      {"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
            c.getresponse().read()
        except OSError:
            return
threads = [threading.Thread(target=client) for _ in range(32)]
[t.start() for t in threads]
[t.join() for t in threads]
PY
        load=$!
        sleep "1.$((RANDOM % 9))"
        kill -TERM "$pid"
        status=0; wait "$pid" || status=$?
        kill "$load" 2>/dev/null || true; wait "$load" 2>/dev/null || true
        if [ "$status" != 0 ] || grep -qE 'double free|corrupt|AddressSanitizer' "$work/stderr.log"; then
          failures=$((failures + 1))
          echo "asan: round $i ($db) exited $status" >&2
          tail -n 20 "$work/stderr.log" >&2
        fi
        if [ "$db" = sqlite ]; then
          stays=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM verblijven').fetchone()[0])" "$url")
        else
          stays=$(psql -At "$url" -c "SELECT count(*) FROM verblijven")
          PGOPTIONS='-c client_min_messages=warning' psql -q "$PG_URL" -c "DROP SCHEMA $schema CASCADE"
        fi
        echo "round $i ($db): exit $status, $stays stays stored"
      done
    done
    echo "asan: $rounds rounds on each database, $failures unclean exits"
    check_reports
    [ "$failures" = 0 ]
    ;;
  *)
    echo "asan: 'tests' or 'stop [N]', not '$what'" >&2
    exit 2
    ;;
esac
