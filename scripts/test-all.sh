#!/usr/bin/env bash
# The one test command (README, .ci/run): typecheck, lint, the migration drift gate, then
# every suite on SQLite, then the e2e suites again on a throwaway PostgreSQL cluster. Of the
# browser suites (test/web/) only the panel's journey and sessions run again on PostgreSQL (the
# panel-pages issue asks for them on both): every other page calls the same services as the API,
# whose suites cover both databases, and a browser suite's time goes on the browser, not the database.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
step() { printf '\n=== %s ===\n' "$*"; }
step "typecheck"; npx --no-install tsc -p tsconfig.json --noEmit
step "lint"; npx --no-install eslint --max-warnings 0 "{src,test,bench,scripts}/**/*.ts"
step "format (prettier --check)"; bash scripts/format-check.sh
step "OpenAPI lint (docs/openapi.json, recommended rules)"; npm run --silent openapi:lint
step "LibreOffice for the export tests"; bash scripts/ensure-libreoffice.sh
step "Chromium for the web tests"; bash scripts/ensure-chromium.sh
step "unit + e2e on SQLite"; npx --no-install jest --config jest.config.js --ci
if [ "${SKIP_POSTGRES:-}" = 1 ]; then
  echo "SKIP_POSTGRES=1: PostgreSQL run skipped"; exit 0
fi
step "PostgreSQL: start a throwaway cluster"
PG_URL=$(scripts/pg.sh start)
trap 'scripts/pg.sh stop' EXIT
step "migration drift gate (SQLite and PostgreSQL)"
PG_URL="${PG_URL%/tender_scorer}/tender_scorer_gen" scripts/migration-check.sh
step "e2e on PostgreSQL (of the browser suites, the panel's journey and sessions)"
TEST_DATABASE_URL="$PG_URL" npx --no-install jest --config jest.config.js --ci --selectProjects e2e \
  --testPathIgnorePatterns '/test/web/(?!panel-journey|panel-sessions)'
# The browser suites run on PostgreSQL too with: TEST_DATABASE_URL=<url> npx jest test/web --selectProjects e2e
