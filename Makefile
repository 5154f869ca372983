# Two entry points on a fresh machine with Python 3.11+ and make:
#   make build   set up .venv, install, build the demo site into site/
#   make test    set up .venv, install with test extras, run ruff and the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build serve test lint check clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/mkdocs build --strict

serve: $(STAMP)
	$(BIN)/mkdocs serve

check: $(STAMP)
	$(BIN)/advocacy check

lint: $(STAMP)
	$(BIN)/ruff check plugins tests tools

test: $(STAMP) lint
	$(BIN)/python -m pytest

clean:
	rm -rf site .cache
