PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# the suite runs on two processes (pytest-xdist) unless told otherwise: PYTEST_ARGS= for one, -n 4 for four
PYTEST_ARGS ?= -n 2

.PHONY: run test bench lint install install-dev clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-dev: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'

# the worker runs the background jobs (briefing packs, exports, search and profile vectors, reminders) beside
# the server, and stops with it
run: install
	$(BIN)/sticoop db upgrade
	$(BIN)/sticoop demo load --if-empty
	$(BIN)/sticoop search embed
	$(BIN)/sticoop worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/sticoop serve --host $(HOST) --port $(PORT)

test: install-dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: install-dev
	@for b in benchmarks/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

lint: install-dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/lint-imports
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache
