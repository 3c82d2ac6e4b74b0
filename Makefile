# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test lint bench geodata clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.stamp-run: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.stamp-dev: requirements-dev.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.stamp-run $@

run: $(VENV)/.stamp-run
	$(BIN)/streamlit run app.py --server.port $(PORT)

test: $(VENV)/.stamp-dev
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q -p no:cacheprovider --timeout=300

bench: $(VENV)/.stamp-dev
	$(BIN)/python bench/bench_app.py
	$(BIN)/python bench/bench_zoekgebieden.py

# Development only: derive data/geo from ../shared/geodata (deterministic).
geodata: $(VENV)/.stamp-run
	$(BIN)/python -m reb_maps.build_geodata

clean:
	rm -rf $(VENV) static
