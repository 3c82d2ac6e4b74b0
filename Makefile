# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
WORKERS ?= 2
SERVE_PORT ?= 8080
SERVE_ADDRESS ?= 127.0.0.1

.PHONY: run serve serve-status serve-stop test lint bench bench-load bench-geheugen geodata clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.stamp-run: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.stamp-dev: requirements-dev.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.stamp-run $@

# Only this computer can open it; see the README ("Voor meer mensen") to open it to a network.
run: $(VENV)/.stamp-run
	$(BIN)/python deploy/opwarmen.py $(PORT) --wacht 180 & \
	$(BIN)/python deploy/start_app.py $(BIN)/streamlit run app.py --server.port $(PORT) --server.address 127.0.0.1

# Several app processes behind nginx under supervisord (restarts, health check, logs in var/log/): make serve WORKERS=4
serve: $(VENV)/.stamp-run
	$(BIN)/python deploy/serve.py start --werkers $(WORKERS) --poort $(SERVE_PORT) --adres $(SERVE_ADDRESS)

serve-status: $(VENV)/.stamp-run
	$(BIN)/python deploy/serve.py status

serve-stop: $(VENV)/.stamp-run
	$(BIN)/python deploy/serve.py stop

test: $(VENV)/.stamp-dev
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q -p no:cacheprovider --timeout=300 -n 2 --dist loadgroup --durations=15

bench: $(VENV)/.stamp-dev
	$(BIN)/python bench/bench_app.py
	$(BIN)/python bench/bench_zoekgebieden.py
	$(BIN)/python bench/bench_toets.py
	$(BIN)/python bench/bench_briefing.py
	$(BIN)/python bench/bench_presentatie.py
	$(BIN)/python bench/bench_eigen_data.py
	$(BIN)/python bench/bench_werkruimte.py
	$(BIN)/python bench/bench_programmering.py
	$(BIN)/python bench/bench_monitor.py

# N concurrent sessions over Streamlit's websocket protocol (single process, then 2 workers behind nginx).
bench-load: $(VENV)/.stamp-dev
	$(BIN)/python bench/bench_load.py --overleg 20
	$(BIN)/python bench/bench_load.py --overleg 20 --opwarmen
	$(BIN)/python bench/bench_load.py
	$(BIN)/python bench/bench_load.py --workers 2

# 20 browser sessions upload ~25 MB and close; RSS after Streamlit has dropped them (about 7 minutes).
bench-geheugen: $(VENV)/.stamp-dev
	$(BIN)/python bench/bench_geheugen.py

# Development only: derive data/geo from ../shared/geodata (deterministic).
geodata: $(VENV)/.stamp-run
	$(BIN)/python -m reb_maps.build_geodata

clean:
	rm -rf $(VENV) static
