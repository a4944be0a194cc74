# marsad — the two commands a new user needs:
#   make demo   set up (virtualenv + package) and run the main job on the bundled examples
#   make test   set up and run the whole test suite (this is what .ci/run calls)

PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
OUT    ?= out

.PHONY: setup demo test bench clean

$(BIN)/marsad: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,e5]'
	@touch $(BIN)/marsad

setup: $(BIN)/marsad

demo: setup
	@mkdir -p $(OUT)
	rm -f $(OUT)/examples.db $(OUT)/examples.db-wal $(OUT)/examples.db-shm
	$(BIN)/marsad ingest examples --db $(OUT)/examples.db
	$(BIN)/marsad search "أردوغان بوتين" --db $(OUT)/examples.db --limit 3
	$(BIN)/marsad report --db $(OUT)/examples.db --dyad TUR RUS --format html -o $(OUT)/report.html
	@echo ""
	@echo "The briefing on Turkey-Russia from the bundled examples: $(OUT)/report.html (open it in a browser)"

test: setup
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python bench/bench_ingest.py

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache
