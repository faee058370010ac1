#!/usr/bin/env bash
# Prettier's check over the TypeScript that `npm run format` writes (.prettierrc: single quotes,
# trailing commas, 130 columns). Exits non-zero, listing the files, when one is not formatted;
# `npm run format` fixes them. For npm test (scripts/test-all.sh) once the tree is formatted.
set -euo pipefail
cd "$(dirname "$0")/.."
npx --no-install prettier --check --log-level warn "{src,test,bench,scripts}/**/*.ts"
