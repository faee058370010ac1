#!/usr/bin/env bash
# Chromium is the real browser the web tests (test/web, docs/WEB.md) drive with
# playwright-core. Installs Debian's chromium when it is missing and we may (root with
# apt-get, as on CI); otherwise says exactly what to install and fails.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium ($CHROMIUM) is missing: installing Debian's chromium with apt-get (about a minute)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium >/dev/null
  [ -x "$CHROMIUM" ] && exit 0
  echo "apt-get installed chromium but $CHROMIUM is still missing (set CHROMIUM_PATH to where it is)." >&2
  exit 1
fi
{
  echo "Chromium is missing: the web tests drive a real browser (docs/WEB.md)."
  echo 'Install it, then run the tests again:'
  echo '  Debian/Ubuntu: sudo apt-get install -y chromium'
  echo '  elsewhere:     install Chromium or Chrome and set CHROMIUM_PATH=/path/to/the/binary'
} >&2
exit 1
