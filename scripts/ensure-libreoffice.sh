#!/usr/bin/env bash
# LibreOffice Calc is the independent spreadsheet the export tests recalculate and print the
# evaluation matrix in (test/exports, docs/EXPORTS.md); poppler's pdftotext reads the printed
# PDF back, as the letter and scoring-pack tests read theirs (test/letters, docs/PANEL.md). Installs what is missing when we may (root with apt-get, as on CI); otherwise
# says exactly what to install and fails.
set -euo pipefail
missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ "${#missing[@]}" = 0 ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Missing for the export tests: installing ${missing[*]} with apt-get (about a minute)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 && exit 0
  echo "apt-get installed ${missing[*]} but soffice or pdftotext is still not on PATH." >&2
  exit 1
fi
{
  echo "Missing: ${missing[*]}. The evaluation-matrix tests recalculate and print the workbook in LibreOffice and read the PDF with pdftotext (docs/EXPORTS.md)."
  echo 'Install them, then run the tests again:'
  echo '  Debian/Ubuntu: sudo apt-get install -y libreoffice-calc-nogui poppler-utils'
  echo '  macOS:         brew install --cask libreoffice && brew install poppler   (then put soffice on PATH)'
} >&2
exit 1
