#!/usr/bin/env bash
# Prints the foundation's numbers: cold `pnpm install` (empty store, fresh clone), monolith start-up
# on PGlite (fresh data dir) and on PostgreSQL (fresh database), and `pnpm test` wall time.
#   bash tools/scripts/bench-foundation.sh [runs]     (PostgreSQL at $BENCH_PG_URL, default local)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
pg=${BENCH_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}
export COREPACK_INTEGRITY_KEYS=0 COREPACK_ENABLE_DOWNLOAD_PROMPT=0 NX_DAEMON=false NX_NO_CLOUD=true
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== cold pnpm install (fresh clone, empty store)"
git clone -q "$PWD" "$work/clone"
started=$(date +%s.%N)
(cd "$work/clone" && pnpm install --frozen-lockfile --store-dir "$work/store" --reporter=silent)
echo "cold install: $(echo "$(date +%s.%N) - $started" | bc) s"

# Start-up: process start to the "listening" log line (the server's own process.uptime()).
startup() {
  local log=$work/start.log
  env "$@" PORT=0 LOG_LEVEL=info node --conditions=@shop/source --import tsx apps/monolith/src/main.ts >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 300); do grep -q '"startupMs"' "$log" && break; sleep 0.1; done
  kill -TERM "$pid"; wait "$pid" || true
  grep -o '"startupMs":[0-9]*' "$log" | cut -d: -f2
}
for kind in pglite postgres; do
  times=()
  for i in $(seq 1 "$runs"); do
    if [ "$kind" = pglite ]; then
      times+=("$(startup DATA_DIR="$work/pglite-$i")")
    else
      db="bench_startup_$$_$i"
      psql "$pg" -qc "create database $db"
      times+=("$(startup DATABASE_URL="${pg%/*}/$db")")
      psql "$pg" -qc "drop database $db with (force)"
    fi
  done
  echo "start-up on $kind (fresh database, migrations included), ms: ${times[*]}"
done

echo "== pnpm test (PGlite, no Nx cache)"
started=$(date +%s.%N)
NX_SKIP_NX_CACHE=true pnpm test >"$work/test.log" 2>&1 || { tail -40 "$work/test.log"; exit 1; }
echo "pnpm test (PGlite): $(echo "$(date +%s.%N) - $started" | bc) s"
echo "== pnpm test (PostgreSQL, no Nx cache)"
started=$(date +%s.%N)
TEST_DATABASE_URL=$pg NX_SKIP_NX_CACHE=true pnpm test >"$work/test.log" 2>&1 || { tail -40 "$work/test.log"; exit 1; }
echo "pnpm test (PostgreSQL): $(echo "$(date +%s.%N) - $started" | bc) s"
