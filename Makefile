# The two set-up commands of the README:
#   make demo   installs graphnet in .venv and runs the main job on the sample data
#   make test   installs graphnet with its test extras (and Debian's chromium and
#               LibreOffice when missing), then runs ruff, mypy, the import layer
#               contract (lint-imports) and the whole test suite, which builds the
#               wheel and runs it from a fresh virtual environment
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint chromium libreoffice gallery bench

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed
	$(BIN)/pip install -q -e '.[test]'
	touch $@

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# LibreOffice (headless), for the tests that open graphnet's XLSX and DOCX as users do.
libreoffice:
	@command -v soffice >/dev/null 2>&1 || { \
	  echo "Installing Debian's LibreOffice (Calc and Writer, no GUI) for the file tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    libreoffice-calc-nogui libreoffice-writer-nogui >/dev/null; }

demo: $(VENV)/.installed
	$(BIN)/graphnet demo -o out/demo

lint: $(VENV)/.test-installed
	$(BIN)/ruff check graphnet tests benchmarks
	$(BIN)/mypy graphnet
	$(BIN)/lint-imports --no-cache

test: lint chromium libreoffice
	$(BIN)/pytest

gallery: $(VENV)/.installed
	$(BIN)/python visualisations/make_gallery.py

bench: $(VENV)/.installed
	for script in benchmarks/bench_*.py; do $(BIN)/python $$script || exit 1; done
