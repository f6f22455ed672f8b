# Shared by the benchmark scripts: strict mode, the build cache outside the clone, PostgreSQL,
# the audit key, and a release build of one package ($1), whose binary path is echoed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/grondwerk-target}"
PG_URL="${PG_URL:-postgres://postgres@127.0.0.1:5432/test}"
export GRONDWERK_AUDIT_KEYS="bench=$(python3 -c 'import secrets; print(secrets.token_hex(32))')" METRICS_BIND_ADDRESS=off
release_binary() {
  # BENCH_BINARY runs a given build instead (a before/after comparison of two commits)
  if [ -n "${BENCH_BINARY:-}" ]; then echo "$BENCH_BINARY"; return; fi
  cargo build --release -q -p "$1"
  echo "$CARGO_TARGET_DIR/release/$1"
}
# Writes a clients file with one client ($2) and its scopes ($3, a TOML array) into folder $1,
# plus any further TOML lines ($4), and points GRONDWERK_CLIENTS at it.
bench_client() {
  BENCH_SECRET="$(python3 -c 'import secrets; print(secrets.token_hex(32))')"
  printf '[[client]]\nclient_id = "%s"\nsecret = "%s"\nscopes = %s\n%s\n' \
    "$2" "$BENCH_SECRET" "$3" "${4:-}" > "$1/clients.toml"
  export GRONDWERK_CLIENTS="$1/clients.toml"
}

# CPU time in clock ticks (1/100 s): of a process and its reaped children ($1), of every
# PostgreSQL process (the live backends, and the postmaster's reaped ones), of the whole machine.
cpu_ticks() { awk '{print $14+$15+$16+$17}' "/proc/$1/stat"; }
pg_cpu_ticks() {
  local t=0 p
  for p in $(pgrep -x postgres); do t=$((t + $(awk '{print $14+$15}' "/proc/$p/stat"))); done
  p=$(pgrep -o -x postgres) && t=$((t + $(awk '{print $16+$17}' "/proc/$p/stat")))
  echo "$t"
}
machine_cpu_ticks() { awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat; }
