# Quick start: `make book`, then `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
VENDOR := book/_static/vendor
HTML := _build/html
PORT ?= 8000

RUNTIME_STAMP := $(VENV)/.runtime-installed
ZH_STAMP := $(VENV)/.zh-installed
DEV_STAMP := $(VENV)/.dev-installed
VENDOR_STAMP := $(VENDOR)/.vendored
LIVE_RUNTIME := $(VENDOR)/live/manifest.json
RULES_STAMP := _build/.rules-snapshot
RULES_SOURCES := $(shell find src/nmpa_rules -type f \( -name '*.py' -o -name '*.yaml' -o -name '*.po' \))

.PHONY: book zh student handouts slides dist test serve clean vendor system-deps-book system-deps-test

book: system-deps-book $(RUNTIME_STAMP) $(VENDOR_STAMP) $(LIVE_RUNTIME) $(RULES_STAMP) zh
	$(BIN)/jupyter-book build . -W -n --keep-going
	$(BIN)/python scripts/build_zh.py assemble
	@echo
	@echo "The book is built. Open it in a browser:"
	@echo "  file://$(CURDIR)/$(HTML)/index.html"
	@echo "or serve it on http://localhost:$(PORT)/ with: make serve"

# The Chinese edition from the same pages and locales/zh_CN, in _build/zh_CN/html with its own
# notebook cache, copied to $(HTML)/zh_CN/ (again after the English build, to share the static
# files both editions have). Prints the share translated per page.
zh: system-deps-book $(RUNTIME_STAMP) $(ZH_STAMP) $(VENDOR_STAMP) $(LIVE_RUNTIME) $(RULES_STAMP)
	$(BIN)/python scripts/build_zh.py build

# The student edition: the same book without solutions (sphinx-exercise's hide_solutions),
# sharing the notebook cache of `make book`.
student: system-deps-book $(RUNTIME_STAMP) $(VENDOR_STAMP) $(LIVE_RUNTIME) $(RULES_STAMP)
	$(BIN)/python scripts/build_student.py

# PDF handouts in _build/handouts, printed by Chromium from both editions.
handouts: book student system-deps-test $(DEV_STAMP)
	$(BIN)/python scripts/make_handouts.py

# Slides for the five course modules in _build/slides, pulled from the built book (a few seconds).
slides: book $(RUNTIME_STAMP)
	$(BIN)/python scripts/build_slides.py

# The offline bundle in _build/dist: both editions, the handouts and the slides, zipped, with checksums.
dist: handouts slides
	$(BIN)/python scripts/make_dist.py

# The course-kit tests (tests/course) read what `dist` produces; each step only redoes what changed.
test: system-deps-test $(DEV_STAMP) $(VENDOR_STAMP) $(LIVE_RUNTIME) $(RULES_STAMP) dist
	$(BIN)/python -m pytest

serve:
	@test -f $(HTML)/index.html || { echo "No built site in $(HTML): run 'make book' first." >&2; exit 1; }
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory $(HTML)

vendor: $(VENDOR_STAMP) $(LIVE_RUNTIME)

clean:
	rm -rf _build $(VENDOR) node_modules $(VENV) .pytest_cache .hypothesis test-artifacts

system-deps-book:
	@scripts/ensure-debian-packages.sh book

system-deps-test:
	@scripts/ensure-debian-packages.sh test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(RUNTIME_STAMP): requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

# Build-only tools of the Chinese edition (jieba for its search index); Binder never needs them.
$(ZH_STAMP): requirements-zh.txt $(RUNTIME_STAMP)
	$(BIN)/python -m pip install --quiet -r requirements-zh.txt
	@touch $@

$(DEV_STAMP): requirements-dev.txt $(RUNTIME_STAMP)
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

# The notebook cache keys on each notebook's own code, but the calculator pages also show
# what the rules package decides: after a change to the package, execute them again.
$(RULES_STAMP): $(RULES_SOURCES)
	rm -rf _build/.jupyter_cache _build/zh_CN/.jupyter_cache
	@test ! -d _build/.doctrees || touch book/calculators/*.ipynb book/calculators/index.md
	@mkdir -p _build && touch $@

# Front-end assets come from the npm registry at build time and are served by the site itself.
# MathJax is not served: the build runs its TeX input from node_modules (book/_ext/build_time_math.py).
$(VENDOR_STAMP): package.json package-lock.json Makefile
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	rm -rf $(VENDOR)
	mkdir -p $(VENDOR)
	@touch $@

# The calculators on the website run nmpa_rules in the reader's browser: Pyodide (npm) and the
# wheels of the package and its dependencies (PyPI, pinned with hashes), served by the site.
# Rebuilt whenever the rules change, since the wheel carries them.
$(LIVE_RUNTIME): $(VENDOR_STAMP) requirements-browser.txt pyproject.toml scripts/vendor-live-runtime.py scripts/compile-in-pyodide.mjs $(RULES_SOURCES) | $(RUNTIME_STAMP)
	$(BIN)/python scripts/vendor-live-runtime.py node_modules $(VENDOR)/live
	@# Sphinx copies static files only when it writes a page: rewrite the calculator pages.
	@test ! -d _build/.doctrees || touch book/calculators/*.ipynb
