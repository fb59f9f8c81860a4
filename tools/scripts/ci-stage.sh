#!/usr/bin/env bash
# One stage of CI, the same command locally (tools/scripts/test-all.sh, `pnpm test`) and on GitHub
# (.github/workflows/ci.yml, one job per stage):
#   boundaries  `pnpm boundaries`, the workflows' lint (actionlint), sync check, lint (module
#               boundaries, dependency checks), typecheck. No database.
#   modules     every project's unit and integration tests, the e2e suite excepted, with coverage
#               (COVERAGE=true unless set: each package's floor from its package.json is enforced).
#               `modules <project> <root>` runs one project (a job of the CI matrix) and writes its
#               coverage against its floor to the job summary.
#   e2e         the cross-module suite (projects tagged type:e2e) over real HTTP.
# BOUNDARIES_REPORT_DIR, when set, receives `pnpm boundaries`' report.json and report.md (CI uploads
# them for the pull-request comment and the dashboard).
# Scope: every project; with NX_BASE set (NX_HEAD optional: without it, uncommitted and untracked
# files count too) only the projects `nx affected` selects. nrwl/nx-set-shas exports both on GitHub.
# When the stage fails and GITHUB_STEP_SUMMARY names a file, the failing output is appended to it
# (GitHub shows that file as the job summary).
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON="${NX_DAEMON:-false}" NX_NO_CLOUD=true NX_TUI=false

stage=${1:?usage: ci-stage.sh boundaries|modules [<project> <root>]|e2e}
project=${2:-}
project_root=${3:-}
if [[ -n "${NX_BASE:-}" ]]; then
  scope="affected --base=${NX_BASE}${NX_HEAD:+ --head=${NX_HEAD}}"
  scope_text="projects affected since \`${NX_BASE}\`${NX_HEAD:+ up to \`${NX_HEAD}\`}"
else
  scope="run-many"
  scope_text="every project"
fi
nx="pnpm exec nx"

case $stage in
  boundaries)
    # `pnpm boundaries` first: every boundary rule in seconds, each finding explained (and, on
    # GitHub, appended to the job summary by the command itself). Then generated files (tsconfig
    # references, CODEOWNERS, docs/architecture.md) must be current, then lint and typecheck.
    command="pnpm -s boundaries${BOUNDARIES_REPORT_DIR:+ --report-dir=${BOUNDARIES_REPORT_DIR}} && pnpm -s lint:workflows && $nx sync:check && $nx $scope -t lint typecheck --outputStyle=static"
    explanation="This stage checks the rules of the house before any test runs, so **no database was started**.
It runs \`pnpm boundaries\` (tag rules on every edge, exports maps, module entries, cycles, ownership, database
boundaries, migration safety, exemptions; its report is above), \`pnpm lint:workflows\` (actionlint over
.github/workflows), then \`nx sync:check\` (TypeScript project references match the package.json dependencies), lint
(\`@nx/enforce-module-boundaries\`: who may import whom by \`type:\` tag, public entry points only, no cycles;
\`@nx/dependency-checks\`: package.json declares exactly what the code imports) and typecheck (imports outside
a package's \`exports\` map fail as TS2307). Each error below names the file, the line and the rule." ;;
  modules)
    export COVERAGE="${COVERAGE:-true}"
    if [[ -n "$project" ]]; then
      command="$nx run ${project}:test --outputStyle=static"
      scope_text="\`${project}\`"
    else
      command="$nx $scope -t test --exclude=tag:type:e2e --outputStyle=static"
    fi
    explanation="Unit and integration tests of each project, each module on a database of its own with only its own schema migrated, with coverage against the floor in its package.json." ;;
  e2e)
    command="$nx $scope -t test --exclude='*,!tag:type:e2e' --outputStyle=static"
    explanation="The cross-module suite: the real monolith over HTTP on a fresh database." ;;
  *)
    echo "unknown stage '$stage': boundaries, modules or e2e" >&2
    exit 2 ;;
esac

echo "::: $stage on $scope_text: $command"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
bash -c "$command" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

if [[ $stage == modules && -n "$project" && -n "$project_root" && "${COVERAGE:-}" == true ]]; then
  pnpm -s ci:coverage-summary "$project" "$project_root" || true
fi

if [[ $status -ne 0 && -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
  # Colours stripped, paths made relative to the repository.
  plain=$(sed -E -e 's/\x1b\[[0-9;]*[A-Za-z]//g' -e "s#${PWD}/##g" "$log")
  # The lines that say what is wrong: ESLint's file headers and findings, tsc's errors, sync drift.
  findings=$(grep -E '^[^[:space:]>].*\.(ts|mts|js|mjs|json)$|^[[:space:]]+[0-9]+:[0-9]+[[:space:]]+error|error TS[0-9]+|out of sync|is out of date|✖' <<<"$plain" | grep -v 'node_modules' || true)
  {
    echo "## ✖ ${stage} failed"
    echo
    echo "Ran on ${scope_text}: \`${command}\`"
    echo
    echo "$explanation"
    echo
    if [[ -n "$findings" ]]; then
      echo '### Findings'
      echo '```'
      echo "$findings" | head -200
      echo '```'
    fi
    echo '<details><summary>Full output (last 300 lines)</summary>'
    echo
    echo '```'
    tail -300 <<<"$plain"
    echo '```'
    echo '</details>'
  } >>"$GITHUB_STEP_SUMMARY"
fi
exit "$status"
