# One command for every check: `make check` runs the linters, the type checker and the tests.
PYTHON ?= python

.PHONY: check lint format types test golden

check: lint types test

lint:
	$(PYTHON) -m ruff check briefgen tests benchmarks
	$(PYTHON) -m ruff format --check briefgen tests benchmarks

format:
	$(PYTHON) -m ruff check --fix briefgen tests benchmarks
	$(PYTHON) -m ruff format briefgen tests benchmarks

types:
	$(PYTHON) -m mypy

test:
	$(PYTHON) -m pytest -q -p no:cacheprovider

# Refresh the golden copy of the example weekly brief; review `git diff tests/golden`.
golden:
	BRIEFGEN_UPDATE_GOLDEN=1 $(PYTHON) -m pytest -q -p no:cacheprovider tests/render/test_golden.py
