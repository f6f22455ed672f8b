#!/usr/bin/env bash
# The C parts under AddressSanitizer: libpq and the OpenSSL it speaks TLS with (their malloc and
# free are ASan's), the bundled SQLite (compiled with -fsanitize=address), and the Rust code
# around them. Needs a nightly toolchain (`rustup toolchain install nightly`; -Zsanitizer is
# nightly-only); builds go to their own cache, since every crate is built differently.
#
#   tools/asan.sh tests       the whole test suite, on SQLite and PostgreSQL (TEST_DATABASE_URL)
#   tools/asan.sh stop [N]    what the benchmarks do to a process N times (default 30): start
#                             holiday-rental on PostgreSQL or SQLite, load it with parallel
#                             stay reports, SIGTERM it while the load is on; every exit must be
#                             clean and ASan must report nothing
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
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:log_path=$reports/report"
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
    cargo +nightly test -q --workspace "${target[@]}"
    TEST_DATABASE_URL="$PG_URL" cargo +nightly test -q --workspace "${target[@]}"
    check_reports
    ;;
  stop)
    rounds="${2:-30}"
    cargo +nightly build -q --release -p holiday-rental -p grondwerk "${target[@]}"
    bin="$CARGO_TARGET_DIR/x86_64-unknown-linux-gnu/release"
    work=$(mktemp -d)
    trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
    "$bin/grondwerk" clients > "$work/clients.toml"
    export GRONDWERK_CLIENTS="$work/clients.toml" RUST_LOG=warn REGISTRY_PROXY_SECRET=unused-here
    export GRONDWERK_AUDIT_KEYS="asan=$(python3 -c 'import secrets; print(secrets.token_hex(32))')"
    export METRICS_BIND_ADDRESS=off BIND_ADDRESS=127.0.0.1:18381
    token=$("$bin/holiday-rental" token burgerportaal --bsn 999990019)
    failures=0
    for i in $(seq 1 "$rounds"); do
      for db in postgres sqlite; do
        if [ "$db" = sqlite ]; then url="$work/stop-$i.db"; else
          schema="asan_stop_${i}_$$"; psql -q "$PG_URL" -c "CREATE SCHEMA $schema"
          url="$PG_URL?options=-csearch_path%3D$schema"
        fi
        DATABASE_URL="$url" "$bin/holiday-rental" 2> "$work/stderr.log" & pid=$!
        for _ in $(seq 1 100); do curl -sf http://127.0.0.1:18381/health/live >/dev/null && break; sleep 0.1; done
        # 64 parallel requests that reach the database (a stay report on a number that does
        # not exist), still coming when SIGTERM arrives
        seq 1 4000 | xargs -P 64 -I{} curl -s -o /dev/null -X POST \
          -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
          -d '{"startDatum":"2030-01-01","eindDatum":"2030-01-03","aantalGasten":1}' \
          http://127.0.0.1:18381/api/v1/registraties/0123456789ABCDEF0363/verblijven 2>/dev/null &
        load=$!
        sleep "0.$((RANDOM % 9 + 1))"
        kill -TERM "$pid"
        status=0; wait "$pid" || status=$?
        kill "$load" 2>/dev/null; wait "$load" 2>/dev/null || true
        if [ "$status" != 0 ] || grep -qE 'double free|corrupt|AddressSanitizer' "$work/stderr.log"; then
          failures=$((failures + 1))
          echo "asan: round $i ($db) exited $status" >&2
          tail -n 20 "$work/stderr.log" >&2
        fi
        if [ "$db" = postgres ]; then PGOPTIONS='-c client_min_messages=warning' psql -q "$PG_URL" -c "DROP SCHEMA $schema CASCADE"; fi
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
