# Two commands do all the set-up on a machine that has only Python 3.11+:
#   make run    create .venv, install, start Take Two on this machine only
#   make test   create .venv, install (and Debian's chromium if missing), lint, run every test
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint demo browser screenshots bench clean

$(STAMP): requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Take Two needs Python 3.11 or newer; set PYTHON=python3.11 (or newer).")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $(STAMP)

run: $(STAMP)
	umask 077 && $(PY) -m streamlit run app.py

browser:
	@bash .ci/ensure-chromium

lint: $(STAMP)
	$(PY) -m ruff check .

test: $(STAMP) browser lint
	$(PY) -m pytest

screenshots: $(STAMP) browser
	$(PY) -m tests.e2e.screenshots docs/screenshots

bench: $(STAMP) browser
	$(PY) -m bench.run --out docs/PERFORMANCE.md

demo: $(STAMP)
	$(PY) -m reunion_core.demo data/example-journey.duckdb --years 2

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
