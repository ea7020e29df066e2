# The two commands most people need:
#   make serve   create .venv, install pinned dependencies, validate, build, and serve
#   make test    ruff check, ruff format --check, mypy, and pytest
# Everything else is a step of these; `.venv/bin/python -m scripts --help` lists the build's subcommands.

# Any CPython from 3.11 to 3.13: `make test PYTHON=python3.13 VENV=.venv-3.13` tries another beside the first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
DATASETTE_PORT ?= 8001

.PHONY: help install browser validate build release serve test test-quick lint format lock clean

help:
	@echo "make serve    install, validate, build, and serve the package and Datasette"
	@echo "make test     lint, format check, type check and the test suite"
	@echo "make test-quick  the same without the slow tests (benchmark, load test, browser), under a minute"
	@echo "make validate check the data without writing anything"
	@echo "make build    validate, then build the package, build/taihang.db and site/"
	@echo "make release  write dist/: the package as a zip, the database, an Excel workbook and SHA256SUMS"
	@echo "make browser  install axe-core for the browser tests (they also need Debian's chromium)"
	@echo "make lock     re-pin requirements.lock from requirements.in"

$(INSTALLED): requirements.lock
	@$(PYTHON) -c 'import sys; v = sys.version_info[:2]; sys.exit(None if (3, 11) <= v <= (3, 13) else f"Python 3.11, 3.12 or 3.13 is required, not {v[0]}.{v[1]}")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	touch $@

install: $(INSTALLED)

# For the browser tests: axe-core from npm. Chromium and CJK fonts come from Debian (see .ci/run).
browser: package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund

validate: install
	$(BIN)/python -m scripts validate

build: install
	$(BIN)/python -m scripts build

release: install
	$(BIN)/python -m scripts package
	$(BIN)/python -m scripts database
	$(BIN)/python -m scripts release

serve: build
	$(BIN)/python -m scripts serve --host $(HOST) --port $(PORT) --datasette-port $(DATASETTE_PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest -n 2

test-quick: lint
	$(BIN)/python -m pytest -m "not slow" -n 2

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

lock:
	$(PYTHON) -m pip install --quiet "uv==0.13.9"
	$(PYTHON) -m uv pip compile requirements.in --generate-hashes --universal --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) build dist site node_modules .cache .pytest_cache .ruff_cache docs/regions docs/organizations docs/measures docs/sources docs/projects docs/f
