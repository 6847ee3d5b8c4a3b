#!/usr/bin/env bash
# Run a command with a throwaway PostgreSQL cluster: TEST_DATABASE_URL points at it.
# Uses the server binaries of Debian's postgresql package (run as the postgres user when
# root), a temporary folder and a free loopback port; everything is removed afterwards.
# Exits 75 (EX_TEMPFAIL) when no PostgreSQL server can be had.
set -uo pipefail

pg_bindir() {
  if [ -n "${PG_BINDIR:-}" ]; then echo "$PG_BINDIR"; return; fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$dir" ] && command -v initdb >/dev/null; then dir=$(dirname "$(command -v initdb)"); fi
  echo "$dir"
}

PGBIN=$(pg_bindir)
if { [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; } && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing postgresql with apt-get..." >&2
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql; } >/dev/null 2>&1
  PGBIN=$(pg_bindir)
fi
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "PostgreSQL server binaries (Debian package postgresql) not found" >&2
  exit 75
fi

PGTMP=$(mktemp -d /tmp/paja-pg.XXXXXX)
PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
if [ "$(id -u)" = "0" ]; then
  PGOS=$(id -u postgres >/dev/null 2>&1 && echo postgres || echo nobody)
  chown "$PGOS" "$PGTMP"
  pgrun() { (cd / && runuser -u "$PGOS" -- "$@"); }
else
  pgrun() { "$@"; }
fi
cleanup() { pgrun "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate stop >/dev/null 2>&1; rm -rf "$PGTMP"; }
trap cleanup EXIT

if ! pgrun "$PGBIN/initdb" -D "$PGTMP/data" -U paja --auth=trust -E UTF8 --locale=C.UTF-8 >"$PGTMP/initdb.log" 2>&1 ||
   ! pgrun "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 60 start \
       -o "-p $PGPORT -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null ||
   ! "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U paja paja_test; then
  cat "$PGTMP"/*.log >&2 2>/dev/null
  echo "The PostgreSQL test cluster did not start" >&2
  exit 75
fi
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT" >&2
export TEST_DATABASE_URL="postgresql+psycopg://paja@127.0.0.1:$PGPORT/paja_test"
export PAJA_PG_BIN="$PGBIN"  # pg_dump and pg_restore of the same version, for backup tests
"$@"
