# Two commands do all the set-up: `make build` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip install --quiet --disable-pip-version-check
export NO_MKDOCS_2_WARNING := 1

.PHONY: build serve preview profile campaign campagne kits-versions test unit lint format lock clean browser npm java pango \
	properdocs properdocs-check

# The build's packages, locked with hashes (requirements.txt), then this project's package (src/sitekit),
# installed in place: the venv is updated whenever a lock file or pyproject.toml changes.
$(VENV)/.build: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) --require-hashes --no-deps -r requirements.txt
	$(PIP) --no-deps --no-build-isolation --editable .
	touch $@

# What tests, lint and the benchmark add (requirements-dev.txt, a superset of requirements.txt).
$(VENV)/.dev: requirements-dev.txt $(VENV)/.build
	$(PIP) --require-hashes --no-deps -r requirements-dev.txt
	touch $@

# ProperDocs, the maintained continuation of MkDocs 1.x, in its own venv (requirements-properdocs.txt: the same
# packages as requirements.txt, plus properdocs), with this project's package installed in place as in .venv.
PD_VENV := .venv-properdocs
PD_BIN  := $(PD_VENV)/bin
$(PD_VENV)/.build: requirements-properdocs.txt pyproject.toml
	test -x $(PD_BIN)/python || $(PYTHON) -m venv $(PD_VENV)
	$(PD_BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
	  -r requirements-properdocs.txt
	$(PD_BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --editable .
	touch $@

build: $(VENV)/.build pango
	$(BIN)/mkdocs build --strict --site-dir site
	$(BIN)/python scripts/validate.py --site site

# The same site built by ProperDocs, the maintained continuation of MkDocs 1.x (make properdocs), into
# site-properdocs/, from the same mkdocs.yml (given by its full path: ProperDocs looks for properdocs.yml first), for
# one build date: DATE=YYYY-MM-DD, else today in Paris; the profile is the one the environment names, as for make
# build.
BUILD_DATE := $(or $(DATE),$(shell TZ=Europe/Paris date +%F))
DATED      := SITEKIT_TODAY=$(BUILD_DATE)
properdocs: $(PD_VENV)/.build pango
	$(DATED) $(PD_BIN)/properdocs build --strict --config-file $(CURDIR)/mkdocs.yml --site-dir site-properdocs
	$(DATED) $(PD_BIN)/python scripts/validate.py --site site-properdocs

# Would the site survive the switch to ProperDocs? MkDocs' build (site/) and ProperDocs' (site-properdocs/), same
# date and profile, compared file by file and family by family (scripts/compare_builds.py).
properdocs-check: $(VENV)/.build pango
	$(DATED) $(BIN)/mkdocs build --strict --site-dir site
	$(DATED) $(BIN)/python scripts/validate.py --site site
	$(MAKE) --no-print-directory properdocs DATE=$(BUILD_DATE)
	$(DATED) $(BIN)/python scripts/compare_builds.py site site-properdocs

serve: $(VENV)/.build pango
	$(BIN)/mkdocs serve --strict

# The site as it will be on another day (make preview DATE=2027-10-06): that day's checks, where what only the
# date makes stale (review dates, last checks, deadlines) is information, then the site on http://127.0.0.1:8000.
preview: $(VENV)/.build pango
	@test -n "$(DATE)" || { echo "Indiquez le jour : make preview DATE=AAAA-MM-JJ (par exemple DATE=2027-10-06)"; exit 2; }
	-SITEKIT_TODAY=$(DATE) SITEKIT_DRAFTS=1 $(BIN)/python scripts/validate.py --preview
	SITEKIT_TODAY=$(DATE) SITEKIT_DRAFTS=1 $(BIN)/mkdocs serve --strict

# The establishment's own profile (make profile NAME=ch-valmont [FROM=medico-social]): profiles/<NAME>.yml and its
# logo from an example profile, and mkdocs.yml's sitekit `profile:` pointed at it (build, serve, preview, validator).
profile: $(VENV)/.build
	@test -n "$(NAME)" || { echo "Indiquez le nom du profil : make profile NAME=mon-etablissement (lettres minuscules, chiffres, tirets ; FROM=medico-social pour partir de l’exemple médico-social)"; exit 2; }
	$(BIN)/python scripts/new_profile.py "$(NAME)" --from "$(or $(FROM),hopital)"

# Next year's October campaign (make campaign YEAR=2028): data/campaigns/2028.yml from templates/campaign.yml.
campaign: $(VENV)/.build
	@test -n "$(YEAR)" || { echo "Indiquez l’année : make campaign YEAR=AAAA (par exemple YEAR=2028)"; exit 2; }
	$(BIN)/python scripts/new_campaign.py $(YEAR)

# Its name before this release (make campagne ANNEE=2028), still working: told in one line, then the same.
campagne:
	@echo "Avis : « make campagne ANNEE=$(or $(ANNEE),AAAA) » s’appelle désormais « make campaign YEAR=$(or $(ANNEE),AAAA) » (l’ancien nom marche encore dans cette version)" >&2
	@$(MAKE) --no-print-directory campaign YEAR="$(ANNEE)"

# After raising a kit's version: record the fingerprint of its sources in kits/versions.yml (commit it).
kits-versions: $(VENV)/.build
	$(BIN)/python scripts/kit_versions.py

# Debian's Pango (and HarfBuzz's subsetter), which WeasyPrint lays the kits' posters out with, if missing.
PANGO_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
pango:
	@{ ldconfig -p | grep -q 'libpangoft2-1.0.so.0' && ldconfig -p | grep -q 'libharfbuzz-subset.so.0'; } || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PANGO_PACKAGES); \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PANGO_PACKAGES); fi; }

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

# Java for the Nu HTML Checker (vnu.jar, from the npm package vnu-jar): Debian's headless runtime if missing.
java:
	@command -v java >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; fi; }

# --ignore-scripts: vnu-jar's install script would download a Java runtime; Debian's is used instead.
node_modules/.installed: package-lock.json | npm
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

# The whole suite: unit tests, site builds (one per frozen date, shared), HTML checker, browser and accessibility
# sweeps, on two pytest-xdist workers (one test module, or one class, per worker at a time, in the order
# tests/conftest.py gives: see README "Tests").
TEST_WORKERS ?= 2
test: $(VENV)/.dev pango browser java node_modules/.installed
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadscope --no-loadscope-reorder --durations=15

# The seconds-long loop: every test that needs neither a site build nor a browser (the folder tests/unit/).
unit: $(VENV)/.dev pango
	$(BIN)/python -m pytest -n $(TEST_WORKERS) tests/unit

lint: $(VENV)/.dev
	$(BIN)/ruff check src scripts tests
	$(BIN)/ruff format --check src scripts tests
	$(BIN)/mypy

format: $(VENV)/.dev
	$(BIN)/ruff check --fix src scripts tests
	$(BIN)/ruff format src scripts tests

# After editing requirements.in, requirements-dev.in or requirements-properdocs.in: lock every package with its
# hashes (requirements-properdocs.txt last: it keeps the versions requirements.txt locks).
lock: $(VENV)/.dev
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
	  --no-emit-find-links -o requirements.txt requirements.in
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
	  --no-emit-find-links -o requirements-dev.txt requirements-dev.in
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
	  --no-emit-find-links -o requirements-properdocs.txt requirements-properdocs.in

clean:
	rm -rf site site-properdocs .cache .pytest_cache .mypy_cache .ruff_cache node_modules
