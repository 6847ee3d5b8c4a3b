#!/usr/bin/env bash
# Every check of `make test`: ruff, the suite on SQLite, the database tests again on a
# throwaway PostgreSQL cluster, and the browser tests in Debian's Chromium.
# A part that cannot run (no PostgreSQL or Chromium) is skipped with a notice,
# except under CI=true, where it fails the run.
set -uo pipefail

cd "$(dirname "$0")/.."
BIN=.venv/bin
ARTIFACTS=test-artifacts
mkdir -p "$ARTIFACTS"
rm -f "$ARTIFACTS"/junit-*.xml
CI=${CI:-false}
failed=()
skipped=()

say() { printf '\n==> %s\n' "$*"; }
missing() {  # a part cannot run: a notice, or a failure under CI
  if [ "$CI" = "true" ]; then
    echo "ERROR: $1 (required under CI=true)" >&2
    failed+=("$2")
  else
    echo "NOTICE: $1; skipping the $2 tests." >&2
    skipped+=("$2")
  fi
}
run_pytest() {  # name, pytest args...; exit code 5 (no tests collected) is a failure
  local name=$1; shift
  "$BIN/pytest" --junitxml="$ARTIFACTS/junit-$name.xml" "$@"
  local code=$?
  if [ $code -eq 5 ]; then echo "ERROR: the $name run collected no tests" >&2; fi
  [ $code -eq 0 ] || failed+=("$name")
}
as_root() { [ "$(id -u)" = "0" ]; }
apt_install() {
  as_root && command -v apt-get >/dev/null || return 1
  echo "Installing $* with apt-get..."
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"; } >/dev/null 2>&1
}

say "ruff"
if "$BIN/ruff" check . && "$BIN/ruff" format --check .; then :; else failed+=("ruff"); fi

say "tests on SQLite"
run_pytest sqlite -m "not e2e" -q

say "database tests on PostgreSQL"
pg_bindir() {
  if [ -n "${PG_BINDIR:-}" ]; then echo "$PG_BINDIR"; return; fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$dir" ] && command -v initdb >/dev/null; then dir=$(dirname "$(command -v initdb)"); fi
  echo "$dir"
}
PGBIN=$(pg_bindir)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  apt_install postgresql && PGBIN=$(pg_bindir)
fi
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  missing "PostgreSQL server binaries (Debian package postgresql) not found" postgresql
else
  PGTMP=$(mktemp -d /tmp/paja-pg.XXXXXX)
  PGPORT=$("$BIN/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  if as_root; then
    PGOS=$(id -u postgres >/dev/null 2>&1 && echo postgres || echo nobody)
    chown "$PGOS" "$PGTMP"
    pgrun() { runuser -u "$PGOS" -- "$@"; }
  else
    pgrun() { "$@"; }
  fi
  stop_pg() { pgrun "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate stop >/dev/null 2>&1; rm -rf "$PGTMP"; }
  trap stop_pg EXIT
  if pgrun "$PGBIN/initdb" -D "$PGTMP/data" -U paja --auth=trust -E UTF8 --locale=C.UTF-8 >"$PGTMP/initdb.log" 2>&1 &&
     pgrun "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 60 start \
       -o "-p $PGPORT -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null &&
     "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U paja paja_test; then
    echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $NF}') on 127.0.0.1:$PGPORT"
    TEST_DATABASE_URL="postgresql+psycopg://paja@127.0.0.1:$PGPORT/paja_test" \
      run_pytest postgresql -m "not e2e and not nodb" -q
  else
    cat "$PGTMP"/*.log >&2 2>/dev/null
    missing "the PostgreSQL test cluster did not start" postgresql
  fi
  stop_pg
  trap - EXIT
fi

say "browser tests (Playwright + Chromium, axe-core)"
CHROMIUM=${PAJA_CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$CHROMIUM" ]; then
  apt_install chromium && CHROMIUM=$(command -v chromium || true)
fi
if [ -z "$CHROMIUM" ]; then
  missing "Chromium (Debian package chromium) not found" browser
else
  echo "Browser: $("$CHROMIUM" --version 2>/dev/null | head -n 1)"
  PAJA_CHROMIUM="$CHROMIUM" run_pytest browser -m e2e -q
fi

say "summary"
"$BIN/python" scripts/junit_summary.py "$ARTIFACTS"/junit-*.xml
[ ${#skipped[@]} -eq 0 ] || echo "Skipped parts: ${skipped[*]}"
if [ ${#failed[@]} -ne 0 ]; then
  echo "FAILED parts: ${failed[*]}"
  exit 1
fi
echo "All parts passed."
