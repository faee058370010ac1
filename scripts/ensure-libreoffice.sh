#!/usr/bin/env bash
# LibreOffice Calc is the independent spreadsheet the export tests recalculate the
# evaluation matrix in (test/exports, docs/EXPORTS.md). Installs it when it is missing and
# we may (root with apt-get, as on CI); otherwise says exactly what to install and fails.
set -euo pipefail
if command -v soffice >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "LibreOffice (soffice) is missing: installing libreoffice-calc-nogui with apt-get (about a minute)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null
  command -v soffice >/dev/null 2>&1 && exit 0
  echo "apt-get installed libreoffice-calc-nogui but soffice is still not on PATH." >&2
  exit 1
fi
{
  echo 'LibreOffice is missing: the evaluation-matrix tests recalculate the workbook in it (docs/EXPORTS.md).'
  echo 'Install it, then run the tests again:'
  echo '  Debian/Ubuntu: sudo apt-get install -y libreoffice-calc-nogui'
  echo '  macOS:         brew install --cask libreoffice   (then put soffice on PATH)'
} >&2
exit 1
