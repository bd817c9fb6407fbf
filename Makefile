# StoryLens: `make run` sets up and launches the app; `make test` sets up and runs the tests.
# Both create .venv with pip (torch is pinned to the CPU build 2.13.0 in pyproject.toml).
PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test install install-test browser postgres eval bench cloud-check clean

$(VENV)/.installed: pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is required (set PYTHON=/path/to/python3.11)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PY) -m pip install --quiet -e ".[test]"
	@touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test browser postgres

# System Chromium for the real-browser tests (never `playwright install`).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = "0" ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "Real-browser tests need Chromium: sudo apt-get install chromium"; fi; }

run: install
	HF_HUB_OFFLINE=1 $(PY) -m streamlit run app.py --server.port $(PORT)

# PostgreSQL's server binaries for the store tests (they start their own throwaway server).
postgres:
	@ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = "0" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	  else echo "PostgreSQL store tests need the server package: sudo apt-get install postgresql"; fi; }

# pytest exit 5 means "no tests ran": that is a failure, not a pass.
test: install-test
	HF_HUB_OFFLINE=1 $(PY) -m pytest; status=$$?; \
	if [ $$status -eq 5 ]; then echo "FAILED: no tests were collected"; exit 1; fi; \
	[ $$status -eq 0 ] || exit $$status; \
	HF_HUB_OFFLINE=1 $(MAKE) --no-print-directory eval

# Accuracy floors on hand-checked gold (fail below the floor); figures are printed.
eval:
	$(PY) -m eval.eval_ingest --ci
	$(PY) -m eval.eval_extraction --ci
	$(PY) -m eval.eval_reading --ci
	$(PY) -m eval.eval_search --ci
	$(PY) -m eval.eval_coverage_search --ci
	$(PY) -m eval.eval_coverage_search --model multilingual-e5-small --ci
	$(PY) -m eval.eval_events --ci
	$(PY) -m eval.eval_coverage_views --ci
	$(PY) -m eval.eval_claims --ci
	$(PY) -m eval.eval_compare --ci

bench: install
	@for module in bench.search bench.scale bench.startup; do \
	  echo "== $$module"; HF_HUB_OFFLINE=1 $(PY) -m $$module; done

# Rehearse a Streamlit Community Cloud install: fresh venv from requirements.txt, boot, open every page.
cloud-check: install-test
	HF_HUB_OFFLINE=1 $(PY) -m tools.cloud_boot

clean:
	rm -rf $(VENV) data/.storylens test-artifacts .pytest_cache
