#!/usr/bin/env bash
# Generates a migration for both drivers from the difference between the entities and
# the existing migrations:  npm run migration:generate -- AddSomething
set -euo pipefail
cd "$(dirname "$0")/.."
NAME="${1:?usage: npm run migration:generate -- <Name>}"
# One generation at a time on this machine (the throwaway cluster has one port).
exec 9>/tmp/tender-scorer-migrations.lock; flock 9
CLI=(npx --no-install typeorm-ts-node-commonjs)
export JWT_SECRET="${JWT_SECRET:-migration-generation-secret-0123456789}"
export PG_TEST_PORT=54339 PG_TEST_STATE=.pg-gen
tmp=$(mktemp -d); trap 'rm -rf "$tmp"; scripts/pg.sh stop >/dev/null 2>&1 || true' EXIT
DATABASE_URL="sqlite:$tmp/gen.sqlite" "${CLI[@]}" migration:run -d src/database/data-source.ts >/dev/null
# No --pretty on SQLite: SQLite keeps each CREATE TABLE as written, and TypeORM reads CHECK
# constraints back with a one-line pattern, so a pretty-printed (multi-line) CHECK would be
# invisible to it and the drift gate would fail on every table that has one.
DATABASE_URL="sqlite:$tmp/gen.sqlite" "${CLI[@]}" migration:generate "src/database/migrations/sqlite/$NAME" -d src/database/data-source.ts
PG_URL=$(scripts/pg.sh start)
PG_URL="${PG_URL%/tender_scorer}/tender_scorer_gen"
DATABASE_URL="$PG_URL" "${CLI[@]}" migration:run -d src/database/data-source.ts >/dev/null
DATABASE_URL="$PG_URL" "${CLI[@]}" migration:generate "src/database/migrations/postgres/$NAME" -d src/database/data-source.ts --pretty
npx --no-install prettier --write "src/database/migrations/**/*.ts" >/dev/null
