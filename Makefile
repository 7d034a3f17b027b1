# The two commands a fresh machine needs: `make site` and `make test`.
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Pagefind, the search indexer, comes from the npm registry (package.json): PyPI's wheel is older.
TOOLS  := node_modules/.installed
PYTHON ?= python3
# Silence Material's end-of-life banner in build logs.
export NO_MKDOCS_2_WARNING := 1
# Dates MkDocs stamps into the site (sitemap) come from the last commit, not the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: site generate check serve test test-fast lint clean bench

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

# --no-save: package-lock.json pins the versions and hashes and is never rewritten by a build.
$(TOOLS): package.json package-lock.json
	npm install --no-save --no-audit --no-fund --ignore-scripts
	touch $@

## site: install, generate the briefing pages and build site/ (strict: any warning fails)
# Only the pages whose generated Markdown changed since the last build are rebuilt (--dirty: the
# plugin's build state, generator/mkdocs/last_build.py); `make site CLEAN=1` builds everything.
site: $(STAMP) $(TOOLS)
	$(BIN)/mkdocs build --strict $(if $(CLEAN),,--dirty)

## generate: validate content/ and write the pages to build/docs/ without building the site
# The maps read Natural Earth boundaries from the npm package world-atlas (package.json).
generate: $(STAMP) $(TOOLS)
	$(BIN)/briefings generate

## check: list every error and warning in content/ without building
check: $(STAMP) $(TOOLS)
	$(BIN)/briefings check

## serve: live preview on http://127.0.0.1:8000/ (edits to content/ and templates reload)
# Serves site/ as the last build left it at once, and rebuilds in the background only the pages
# whose Markdown changed since (generator/mkdocs/preview_server.py); the first build ever is a full one.
serve: $(STAMP) $(TOOLS)
	$(BIN)/briefings serve

## test: linters, type checks and every test
test: $(STAMP) $(TOOLS) lint
	$(BIN)/python -m pytest

## test-fast: the in-process tests only: no lint, no site build, browser or preview (markers in pyproject.toml),
## and fewer generated examples in the property tests (the "fast" profile of tests/conftest.py)
test-fast: $(STAMP) $(TOOLS)
	$(BIN)/python -m pytest -m "not browser and not build and not serve" --hypothesis-profile=fast

## bench: measure generation, builds, preview and search on N synthetic articles (make bench N=10000)
N ?= 1000
bench: $(STAMP) $(TOOLS)
	$(BIN)/python -m benchmarks.run --n $(N)

lint: $(STAMP)
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/ruff format --check generator tests benchmarks
	$(BIN)/mypy

clean:
	rm -rf site build/docs/*/ build/docs/*.md build/bench build/generator-session.pickle
