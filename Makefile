# One task runner; .ci/run calls the same targets.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test test-fast test-external functions lint check clean erd docs bench bench-incremental bench-views bench-extract quality attacks

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

## Load seeds/ into the embedded PostgreSQL (or DATABASE_URL) and print the summary.
run: $(STAMP)
	$(BIN)/python -m etl db upgrade
	$(BIN)/python -m etl run seeds

## The test suite, against the embedded PostgreSQL (or TEST_DATABASE_URL).
test: $(STAMP)
	$(BIN)/python -m pytest

## The database tests again against a server this project did not start (CI's second pass).
## Left to `make test` alone: the modules that never open a database, the ones that start
## an embedded server whatever the URL (embedded, data home, db serve's signals), the whole
## attack list (`make attacks`), the megabyte-input cases, whose cost is extraction, and the
## bad-input cases (a fresh database each, about 3 minutes: what they test is the reader's
## verdict on a file, the same on any server; the loads they end in are tested here by the
## ETL-run, crash and view tests). Keeps .ci/run under 20 minutes on two cores.
EXTERNAL_URL ?= postgresql://postgres@127.0.0.1:5432/test
test-external: $(STAMP)
	TEST_DATABASE_URL=$(EXTERNAL_URL) $(BIN)/python -m pytest \
		--ignore=tests/test_shapes.py --ignore=tests/test_quality.py \
		--ignore=tests/test_extract.py --ignore=tests/test_gold.py \
		--ignore=tests/test_properties.py --ignore=tests/test_embedded.py \
		--ignore=tests/test_data_home.py --ignore=tests/test_bad_input.py \
		-k "not whole_attack_list and not serve_stops_its_server and not one_mb"

## The quick part of the suite while editing (no ETL runs, kills, servers or property searches).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

## Extraction quality on the real corpus (tests/corpus/): P/R/F1 per language and split; last line JSON.
quality: $(STAMP)
	$(BIN)/python -m tests.quality

## docs/reliability.md's attack list rerun in one go (~35 s): files tried, kills survived, rows lost.
attacks: $(STAMP)
	$(BIN)/python -m tests.attack_list

lint: $(STAMP)
	$(BIN)/ruff check etl db migrations tests bench
	$(BIN)/ruff format --check etl db migrations tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

## Models and migrations agree (alembic check) on a scratch embedded server.
check: $(STAMP)
	$(BIN)/python -m etl --pgdata .pgdata-check db check

## Benchmark: N articles (default 10000) into a fresh database on the server of DATABASE_URL
## (else TEST_DATABASE_URL, else a throwaway embedded one); the last line is JSON.
N ?= 10000
bench: $(STAMP)
	$(BIN)/python -m bench.run -n $(N)

## The daily case: BASE articles (default 10000) loaded, then 100 new, 100 edited and the
## same 100 into an empty database, each timed end to end; the last line is JSON.
BASE ?= 10000
bench-incremental: $(STAMP)
	$(BIN)/python -m bench.incremental --base $(BASE)

## Extraction cost per article, English and Chinese synthetic corpora; one JSON line.
bench-extract: $(STAMP)
	$(BIN)/python -m bench.extract_cost -n 1000

## View timings on a loaded database: make bench-views URL=postgresql://...
bench-views: $(STAMP)
	$(BIN)/python -m bench.views --database-url $(URL)

## sql/functions/ from a scratch embedded server at head (a test keeps it in sync).
functions: $(STAMP)
	$(BIN)/python -m db.functions

erd: $(STAMP)
	$(BIN)/python -m db.erd > docs/erd.md

## docs/data-dictionary.md from the catalog of a scratch embedded database at head.
docs: $(STAMP)
	$(BIN)/python -m etl --pgdata .pgdata-check db upgrade
	$(BIN)/python -m etl --pgdata .pgdata-check docs -o docs/data-dictionary.md

clean:
	rm -rf $(VENV) .pgdata .pgdata-check .pytest_cache .mypy_cache .ruff_cache
