# Paja: `make run` serves the demo, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000

LOCK := requirements/app.txt requirements/test.txt
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check
UV_COMPILE := $(BIN)/uv pip compile --quiet --generate-hashes --universal --python-version 3.11

.PHONY: run test translations compile-translations install install-test lint format bench clean \
	lock upgrade-lock typecheck

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Paja needs Python 3.11 or newer (set PYTHON=...)")'
	$(PYTHON) -m venv $(VENV)

# Exactly the locked versions (checked against their hashes), nothing resolved anew; then
# Paja itself, built with the locked setuptools.
$(VENV)/.installed: $(BIN)/python requirements/app.txt pyproject.toml
	$(PIP) --require-hashes --no-deps -r requirements/app.txt
	$(PIP) --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check --disable-pip-version-check
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements/test.txt
	$(PIP) --require-hashes --no-deps -r requirements/test.txt
	$(BIN)/python -m pip check --disable-pip-version-check
	@touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

compile-translations: $(VENV)/.installed
	$(BIN)/pybabel compile --statistics -d translations

## Serve the demo at http://$(HOST):$(PORT) on SQLite in instance/.
run: compile-translations
	$(BIN)/paja init
	$(BIN)/paja demo
	$(BIN)/paja run --host $(HOST) --port $(PORT)

## Ruff, the tests on SQLite and PostgreSQL, and the browser tests.
test: install-test compile-translations
	bash scripts/test.sh

## Extract new strings, update the fi/sv/en catalogues and compile them.
translations: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -k lazy_pgettext:1c,2 --no-location \
		--project Paja --copyright-holder "Paja contributors" -o translations/messages.pot .
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-wrap
	$(BIN)/python scripts/fill_english.py translations/en/LC_MESSAGES/messages.po
	$(BIN)/pybabel compile --statistics -d translations

## Benchmarks (not part of `make test`): one `name: value unit` line per figure.
bench: install-test compile-translations
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -q >/dev/null && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null; } || \
		echo "The page figures need wrk: apt-get install wrk"
	$(BIN)/python -m tests.perf.bench_registrations
	bash scripts/with-postgres.sh $(BIN)/python -m tests.perf.bench_registrations
	$(BIN)/python -m tests.perf.bench_summary
	$(BIN)/python -m tests.perf.bench_certificates
	$(BIN)/python -m tests.perf.bench_leaderboard
	$(BIN)/python -m tests.perf.bench_pages
	bash scripts/with-postgres.sh $(BIN)/python -m tests.perf.bench_pages

## Rewrite the lock files from pyproject.toml, keeping every locked version that still fits.
# Locking needs only uv, at its locked version (a new dependency is not installed yet).
$(VENV)/.uv: $(BIN)/python requirements/test.txt
	awk '/^uv==/{on=1} on{print} on && !/\\$$/{exit}' requirements/test.txt > $(VENV)/uv.txt
	$(PIP) --require-hashes --no-deps -r $(VENV)/uv.txt
	@touch $@

lock: $(VENV)/.uv
	$(UV_COMPILE) pyproject.toml requirements/build.in --extra test -o requirements/test.txt
	$(UV_COMPILE) pyproject.toml requirements/build.in -c requirements/test.txt -o requirements/app.txt

## Move every dependency to its newest release allowed by pyproject.toml, then run `make test`.
upgrade-lock: $(VENV)/.uv
	$(UV_COMPILE) --upgrade pyproject.toml requirements/build.in --extra test -o requirements/test.txt
	$(UV_COMPILE) pyproject.toml requirements/build.in -c requirements/test.txt -o requirements/app.txt

typecheck: install-test
	$(BIN)/mypy

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache test-artifacts
