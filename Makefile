# Two commands do all the set-up on a machine that has only Python 3.11+:
#   make run    create .venv, install, start Take Two on this machine only
#   make test   create .venv, install (and Debian's chromium if missing), lint, run every test
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-dev
RUN_STAMP := $(VENV)/.installed-run

.PHONY: run link test lint demo browser screenshots bench full-disk clean

# `make run` installs only what the app needs; `make test` adds the test tools on top.
$(RUN_STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Take Two needs Python 3.11 or newer; set PYTHON=python3.11 (or newer).")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $(RUN_STAMP)

$(STAMP): $(RUN_STAMP) requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $(STAMP)

# Byte-compile our code up front: this machine sets PYTHONDONTWRITEBYTECODE, so otherwise every
# start compiles it again (about 0.2 s of the first page load, measured by make bench).
COMPILE := $(PY) -m compileall -q app.py pages ui reunion_core > /dev/null

run: $(RUN_STAMP)
	@$(COMPILE)
	umask 077 && $(PY) -m ui.serve

# The owner's link again (for a start with plain `streamlit run app.py`, or a lost terminal).
# Another port: make link PORT=8502
link: $(RUN_STAMP)
	@$(PY) -m ui.launch $(PORT)

browser:
	@bash .ci/ensure-chromium

lint: $(STAMP)
	$(PY) -m ruff check .

test: $(STAMP) browser lint
	$(PY) -m pytest

screenshots: $(STAMP) browser
	$(PY) -m tests.e2e.screenshots docs/screenshots

bench: $(STAMP) browser
	@$(COMPILE)
	$(PY) -m bench.run --out docs/PERFORMANCE.md

# A real full disk (a 3 MB tmpfs; needs root to mount): what the person sees, and that nothing is lost.
full-disk: $(RUN_STAMP)
	$(PY) -m bench.full_disk

demo: $(RUN_STAMP)
	$(PY) -m reunion_core.demo data/example-journey.duckdb --years 2

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
