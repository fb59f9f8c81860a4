#!/usr/bin/env bash
# `pnpm test`: every check and every test, in the order CI runs them. Stops at the first red
# stage and prints each stage's wall time.
#   1. boundaries: nx sync:check, lint (module boundaries, dependency checks), typecheck
#   2. modules:    every project's unit and integration tests, the e2e suite excepted
#   3. e2e:        the cross-module suite over real HTTP, last
# Tests use PostgreSQL when TEST_DATABASE_URL is set and embedded PGlite otherwise.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON="${NX_DAEMON:-false}" NX_NO_CLOUD=true NX_TUI=false

summary=()
stage() {
  local name=$1; shift
  local started=$SECONDS
  echo "::: stage ${name}: $*"
  if ! "$@"; then
    echo "::: stage ${name} FAILED after $((SECONDS - started))s"
    printf '%s\n' "${summary[@]}"
    exit 1
  fi
  summary+=("::: ${name}: $((SECONDS - started))s")
  echo "::: stage ${name} passed in $((SECONDS - started))s"
}

stage boundaries bash -c 'pnpm exec nx sync:check && pnpm exec nx run-many -t lint typecheck --outputStyle=static'
stage modules pnpm exec nx run-many -t test --exclude=@shop/monolith-e2e --outputStyle=static
stage e2e pnpm exec nx run @shop/monolith-e2e:test --outputStyle=static
printf '%s\n' "${summary[@]}"
