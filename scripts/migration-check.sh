#!/usr/bin/env bash
# Drift gate: fails when the entities and the migrations of either driver disagree.
set -euo pipefail
cd "$(dirname "$0")/.."
CLI=(npx --no-install typeorm-ts-node-commonjs)
export JWT_SECRET="${JWT_SECRET:-migration-check-secret-0123456789abcdef}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
DATABASE_URL="sqlite:$tmp/check.sqlite" "${CLI[@]}" migration:run -d src/database/data-source.ts >/dev/null
DATABASE_URL="sqlite:$tmp/check.sqlite" "${CLI[@]}" migration:generate "$tmp/Drift" -d src/database/data-source.ts --check
if [ -n "${PG_URL:-}" ]; then
  DATABASE_URL="$PG_URL" "${CLI[@]}" migration:run -d src/database/data-source.ts >/dev/null
  DATABASE_URL="$PG_URL" "${CLI[@]}" migration:generate "$tmp/DriftPg" -d src/database/data-source.ts --check
fi
echo "migrations match the entities"
