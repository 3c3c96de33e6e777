# Rekryt: `make run` starts the product, `make test` runs the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PORT

.PHONY: run test test-postgres semantic bench bench-search loadtest season lint typecheck check messages clean

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt requirements-semantic.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-semantic.txt
	touch $@

# Optional: the packages of the semantic re-ranking (SEMANTIC_SEARCH=true), without torch.
semantic: $(VENV)/.runtime
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-semantic.txt

run: $(VENV)/.runtime
	./scripts/run.sh

test: $(VENV)/.dev
	./scripts/test.sh

# The suite against PostgreSQL (DATABASE_URL, default: the local server's `test` database).
test-postgres: $(VENV)/.dev
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} ./scripts/test.sh

bench: $(VENV)/.dev
	rm -rf var/bench
	DATA_DIR=var/bench DEBUG=false SECRET_KEY=bench-only ALLOWED_HOSTS=testserver,127.0.0.1 \
		$(PY) manage.py migrate --noinput -v 0
	DATA_DIR=var/bench DEBUG=false SECRET_KEY=bench-only ALLOWED_HOSTS=testserver,127.0.0.1 \
		$(PY) manage.py bench
	DATA_DIR=var/bench DEBUG=false SECRET_KEY=bench-only ALLOWED_HOSTS=testserver,127.0.0.1 \
		$(PY) manage.py bench_import
	DATA_DIR=var/bench DEBUG=false SECRET_KEY=bench-only ALLOWED_HOSTS=testserver,127.0.0.1 \
		$(PY) manage.py bench_api
	DATA_DIR=var/bench DEBUG=false SECRET_KEY=bench-only ALLOWED_HOSTS=testserver,127.0.0.1 \
		$(PY) manage.py bench_feeds
	DATA_DIR=var/bench DEBUG=false SECRET_KEY=bench-only ALLOWED_HOSTS=testserver,127.0.0.1 \
		$(PY) manage.py bench_analytics --force
	$(MAKE) bench-search

# Candidate search over CANDIDATES generated candidates (default 1,000,000;
# SQLite in var/bench-search, or DATABASE_URL's database, which must be empty).
CANDIDATES ?= 1000000
bench-search: $(VENV)/.dev
	rm -rf var/bench-search
	DATA_DIR=var/bench-search DEBUG=false SECRET_KEY=bench-only ALLOWED_HOSTS=testserver \
		$(PY) manage.py migrate --noinput -v 0
	DATA_DIR=var/bench-search DEBUG=false SECRET_KEY=bench-only ALLOWED_HOSTS=testserver \
		$(PY) manage.py bench_search --candidates $(CANDIDATES)

# A hiring rush against the product as `make run` starts it, with a real SMTP
# server on loopback: USERS applicants at once for SECONDS (SQLite in
# var/loadtest, or DATABASE_URL). Prints throughput, POST and receipt delays.
USERS ?= 20
SECONDS ?= 300
loadtest: $(VENV)/.dev
	$(PY) scripts/loadtest.py --users $(USERS) --seconds $(SECONDS) $(LOADTEST_ARGS)

# A synthetic hiring season through the real code paths, in its own database;
# prints the no-silence figures and the candidate NPS.
season: $(VENV)/.dev
	rm -rf var/season
	DATA_DIR=var/season DEBUG=true $(PY) manage.py migrate --noinput -v 0
	DATA_DIR=var/season DEBUG=true $(PY) manage.py simulate_season

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/bandit -q -r rekryt -ll -x '*/tests/*,*/migrations/*'

typecheck: $(VENV)/.dev
	$(VENV)/bin/mypy rekryt

# Regenerate the translation catalogues (needs GNU gettext) and compile them.
messages: $(VENV)/.dev
	DEBUG=true $(PY) manage.py makemessages -l sv -l en --no-obsolete --ignore '.venv/*' --ignore 'var/*'
	DEBUG=true $(PY) manage.py compilemessages --ignore '.venv/*'

clean:
	rm -rf $(VENV) var
