# Two entry points on a fresh machine with Python 3.11+ and make:
#   make build   set up .venv, install, build the demo site into site/
#   make test    set up .venv, install with test extras, run ruff and the tests
#                (and, when missing, the browser tests' tools: Chromium and Java from apt
#                when run as root, axe-core from npm; without them those tests skip,
#                or fail when CI is set)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build serve test lint check clean browser-tools bench screenshots

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/mkdocs build --strict

# The preview at http://127.0.0.1:8000: a saved post is shown first, then the whole site;
# a post with errors is shown as a page of its findings (README, "The two commands").
serve: $(STAMP)
	$(BIN)/mkdocs serve

# The benchmark against Material's blog (about 15 minutes on 2 cores; writes BENCHMARKS.md).
bench: $(STAMP)
	$(BIN)/python bench/bench.py --posts 100 1000 3000 --runs 3 --out BENCHMARKS.md

# Screenshots of the main pages, desktop (1366x900) and phone (390x844), for a design review:
# builds the demo into a temporary folder and writes screenshots/*.png (git-ignored).
screenshots: $(STAMP) browser-tools
	$(BIN)/python tools/screenshots.py

check: $(STAMP)
	$(BIN)/advocacy check

lint: $(STAMP)
	$(BIN)/ruff check plugins tests tools bench
	$(BIN)/ruff format --check plugins tests tools bench
	$(BIN)/mypy

test: $(STAMP) lint browser-tools
	$(BIN)/python -m pytest

# Chromium and Java from Debian (only as root, only when missing), axe-core from npm.
# Never `playwright install`: the tests drive /usr/bin/chromium. A failure here does not stop
# `make test`: the browser tests then skip, or fail with the reason when CI is set.
browser-tools:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	if [ ! -f node_modules/axe-core/axe.min.js ] && ! command -v npm >/dev/null 2>&1; then \
	  missing="$$missing npm"; fi; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing for the browser tests:$$missing"; \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	      apt-get install -y -qq $$missing; } \
	      || echo "warning: could not install$$missing; the browser tests will skip (fail on CI)"; \
	  else \
	    echo "note: missing$$missing and not root with apt-get; the browser tests will skip" \
	      "(fail on CI)"; \
	  fi; \
	fi
	@if [ ! -f node_modules/axe-core/axe.min.js ]; then \
	  if command -v npm >/dev/null 2>&1; then \
	    npm ci --no-audit --no-fund \
	      || echo "warning: npm ci failed; the browser tests will skip (fail on CI)"; \
	  else \
	    echo "note: npm is missing, so axe-core is too; the browser tests will skip (fail on CI)"; \
	  fi; \
	fi

clean:
	rm -rf site .cache screenshots
