#!/usr/bin/env bash
# Every check of `make test`: ruff, mypy, the suite on SQLite, the database tests again on a
# throwaway PostgreSQL cluster, and the browser tests in Debian's Chromium.
# A part that cannot run (no PostgreSQL, Chromium or redis-server) is skipped with a notice,
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
apt_install() {
  [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null || return 1
  echo "Installing $* with apt-get..."
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"; } >/dev/null 2>&1
}

say "ruff"
if "$BIN/ruff" check . && "$BIN/ruff" format --check .; then :; else failed+=("ruff"); fi

say "mypy (paja, feedback, trainings, courses, plans, incentives)"
if "$BIN/mypy"; then :; else failed+=("mypy"); fi

say "Redis (the tests start their own server for the several-machines set-up)"
if ! command -v redis-server >/dev/null; then
  apt_install redis-server || missing "redis-server (Debian package redis-server) not found" redis
fi
command -v redis-server >/dev/null && redis-server --version

say "Nu HTML Checker (vnu.jar at the version locked in tests/vnu; it runs on Java)"
if ! command -v java >/dev/null; then
  apt_install default-jre-headless || missing "java (Debian package default-jre-headless) not found" html
fi
if [ ! -f tests/vnu/node_modules/vnu-jar/build/dist/vnu.jar ]; then
  npm ci --prefix tests/vnu --no-audit --no-fund --loglevel=error || missing "npm could not install vnu-jar" html
fi
command -v java >/dev/null && java -jar tests/vnu/node_modules/vnu-jar/build/dist/vnu.jar --version

say "tests on SQLite"
run_pytest sqlite -m "not e2e" -q

say "database tests on PostgreSQL"
bash scripts/with-postgres.sh "$BIN/pytest" --junitxml="$ARTIFACTS/junit-postgresql.xml" -m "not e2e and not nodb and not own_sqlite" -q
code=$?
if [ $code -eq 75 ]; then
  missing "PostgreSQL could not be started" postgresql
elif [ $code -ne 0 ]; then
  [ $code -eq 5 ] && echo "ERROR: the postgresql run collected no tests" >&2
  failed+=("postgresql")
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
