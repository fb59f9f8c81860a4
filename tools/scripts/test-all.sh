#!/usr/bin/env bash
# `pnpm test`: every check and every test, in the order CI runs them. Stops at the first red
# stage and prints each stage's wall time. The stages are the jobs of .github/workflows/ci.yml,
# each one tools/scripts/ci-stage.sh:
#   1. boundaries: nx sync:check, lint (module boundaries, dependency checks), typecheck
#   2. modules:    every project's unit and integration tests, the e2e suite excepted
#   3. e2e:        the cross-module suite over real HTTP, last
# Every project by default (what .ci/run and a fresh clone need). `pnpm test --affected
# [--base=<ref>]` runs only the projects affected since <ref> (nx.json's defaultBase, main),
# uncommitted and untracked files included; `pnpm affected:why` says why each one is.
# Tests use PostgreSQL when TEST_DATABASE_URL is set and embedded PGlite otherwise.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON="${NX_DAEMON:-false}" NX_NO_CLOUD=true NX_TUI=false

# A full run unless asked: an NX_BASE left in the environment must not shrink it silently.
unset NX_BASE NX_HEAD
for arg in "$@"; do
  case $arg in
    --affected) export NX_BASE="${NX_BASE:-$(node -p "require('./nx.json').defaultBase || 'main'")}" ;;
    --base=*) export NX_BASE="${arg#--base=}" ;;
    *) echo "usage: pnpm test [--affected [--base=<ref>]]" >&2; exit 2 ;;
  esac
done

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

stage boundaries bash tools/scripts/ci-stage.sh boundaries
stage modules bash tools/scripts/ci-stage.sh modules
stage e2e bash tools/scripts/ci-stage.sh e2e
printf '%s\n' "${summary[@]}"
