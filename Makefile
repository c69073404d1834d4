# Two commands do all the set-up: `make build` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: build serve test clean browser npm

# The virtual environment is rebuilt whenever requirements.txt changes.
$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site
	@if [ -f scripts/validate.py ]; then $(BIN)/python scripts/validate.py --site site; fi

serve: $(STAMP)
	$(BIN)/mkdocs serve --strict

# Debian's Chromium for the browser tests (never a downloaded browser build).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; fi; }

# Node's npm (Debian's package if missing) and axe-core, pinned in package-lock.json, for the accessibility tests.
npm:
	@command -v npm >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm; fi; }

node_modules/axe-core/axe.min.js: package-lock.json | npm
	npm ci --no-audit --no-fund
	touch $@

test: $(STAMP) browser node_modules/axe-core/axe.min.js
	$(BIN)/python -m pytest

clean:
	rm -rf site .pytest_cache node_modules
