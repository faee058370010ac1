#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for tests and migration generation.
#   scripts/pg.sh start   -> prints DATABASE_URL on stdout (state in .pg-test/)
#   scripts/pg.sh stop
# PG_TEST_PORT and PG_TEST_STATE choose another port and state folder (migration generation uses its own).
# PG_TEST_DURABLE=1 keeps PostgreSQL's default durability (fsync, synchronous_commit and
# full_page_writes on), as a real deployment runs: the benchmarks set it. Without it the
# cluster trades durability for speed, which is right for tests.
# Installs Debian's postgresql when absent and we are root; otherwise says what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
STATE="${PG_TEST_STATE:-.pg-test}"
PORT="${PG_TEST_PORT:-54329}"
find_bin() {
  for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }; done
  return 1
}
case "${1:-}" in
  start)
    if ! BIN=$(find_bin); then
      if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "PostgreSQL not found: installing Debian's postgresql (one-time)..." >&2
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
        BIN=$(find_bin)
      else
        echo "MISSING: PostgreSQL server binaries (initdb, pg_ctl). Install them as root: apt-get install -y postgresql" >&2
        exit 3
      fi
    fi
    "$0" stop >/dev/null 2>&1 || true
    rm -rf "$STATE"; mkdir -p "$STATE"
    # The cluster lives outside the checkout: the postgres user may not be able to enter it
    # (a clone under a mode-700 temporary folder, say). $STATE only remembers where it is.
    DIR=$(mktemp -d "${TMPDIR:-/tmp}/tender-scorer-pg.XXXXXX")
    chmod 755 "$DIR"
    echo "$DIR" > "$STATE/dir"
    echo "$BIN" > "$STATE/bin"
    RUN_AS=()
    if [ "$(id -u)" = 0 ]; then chown postgres: "$DIR"; RUN_AS=(su postgres -s /bin/sh -c); fi
    run() { if [ ${#RUN_AS[@]} -gt 0 ]; then (cd / && "${RUN_AS[@]}" "$*"); else sh -c "$*"; fi; }
    run "$BIN/initdb -D $DIR/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >"$STATE/initdb.log" 2>&1 \
      || { echo "initdb failed:" >&2; cat "$STATE/initdb.log" >&2; exit 4; }
    # fsync off: a throwaway test cluster does not need durability, and it is much faster.
    FAST="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [ "${PG_TEST_DURABLE:-}" = 1 ] && FAST=""
    run "$BIN/pg_ctl -D $DIR/data -l $DIR/log -w -o \"-p $PORT -k $DIR -c listen_addresses=127.0.0.1 $FAST -c max_connections=200\" start" >&2
    for db in tender_scorer tender_scorer_gen; do
      "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE DATABASE $db" >&2
    done
    echo "postgres://postgres@127.0.0.1:$PORT/tender_scorer"
    ;;
  stop)
    [ -f "$STATE/bin" ] || exit 0
    BIN=$(cat "$STATE/bin"); DIR=$(cat "$STATE/dir")
    if [ "$(id -u)" = 0 ]; then (cd / && su postgres -s /bin/sh -c "$BIN/pg_ctl -D $DIR/data -m fast stop") >&2 || true
    else "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >&2 || true; fi
    rm -rf "$STATE" "$DIR"
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
