# Two commands on a fresh machine: `make run` and `make test`. Each sets up what it needs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
export QT_QPA_FONTDIR ?=

.PHONY: setup system-deps run test lint bench screenshots package samples clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP) system-deps

# CJK fonts (so Chinese renders, in the window and in exported PDFs) and poppler's
# pdftotext/pdftoppm (to read exported PDFs back). Installed when this is a Debian-like
# machine where we may; elsewhere the README says what to install.
system-deps:
	@bash packaging/system-deps.sh

run: setup
	$(VENV)/bin/reader

test: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint: setup
	$(VENV)/bin/ruff check reader tests packaging
	$(VENV)/bin/ruff format --check reader tests packaging
	$(VENV)/bin/mypy

bench: setup
	$(PY) -m tests.bench.run

screenshots: setup
	$(PY) -m tests.screenshots

package: setup
	bash packaging/build.sh
	bash packaging/build_deb.sh

samples: setup
	$(PY) -m tests.support.make_samples resources/samples

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
