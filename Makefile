# UHC Monitor. `make reports` and `make test` are the quick start; both install what they need first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export MPLBACKEND := Agg

.PHONY: install install-training handouts requirements reports brief explore match-demo test test-fast lint format data check-published check-wheel bench bench-matching clean clean-reports

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install requirements: $(STAMP)

## All 514 briefs (HTML), the index, this month's changes and the recap workbook for the latest month of the
## embedded data: reports/<period>/id/index.html, changes.html, rekap_<period>.xlsx
reports: $(STAMP)
	$(BIN)/uhc batch --format html,xlsx $(ARGS)

## One brief, e.g. make brief REGION=17.07 PERIOD=2024-07
brief: $(STAMP)
	$(BIN)/uhc brief $(REGION) $(if $(PERIOD),--period $(PERIOD)) $(ARGS)

## The exploratory notebooks as offline HTML: reports/explore/id/<name>.html
explore: $(STAMP)
	$(BIN)/uhc explore $(ARGS)

## Registry matching on a synthetic Lebong extract (a demo key; real runs set UHC_PSEUDONYM_KEY yourself)
match-demo: $(STAMP)
	UHC_PSEUDONYM_KEY=$${UHC_PSEUDONYM_KEY:-demo-key-not-for-real-data} $(BIN)/uhc match --region 17.07 --period 2024-07 $(ARGS)

## The test suite (unit tests, notebook executions, published-figure checks)
test: $(STAMP)
	$(BIN)/python -m pytest -n auto $(ARGS)

## Without the tests that execute notebooks
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not notebook" $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## Rebuild the embedded illustrative panel (deterministic)
data: $(STAMP)
	$(BIN)/uhc generate-data

check-published: $(STAMP)
	$(BIN)/uhc check-published

## Light install for a training room: the package without its dependencies, then the `training` extra's list only
TRAINING_VENV ?= .venv-training
install-training:
	python3 -m venv $(TRAINING_VENV)
	$(TRAINING_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(TRAINING_VENV)/bin/python -m pip install --quiet --no-deps -e .
	$(TRAINING_VENV)/bin/python -m pip install --quiet $$($(TRAINING_VENV)/bin/python tools/extra_requirements.py training)

## The course's printable handouts (one A4 page per lesson) in both languages: reports/training/handouts_{id,en}.pdf
handouts: $(STAMP)
	$(BIN)/python -m uhc_lib.training.handouts --out reports/training $(if $(REGION),--region $(REGION)) $(if $(PERIOD),--period $(PERIOD))
	$(BIN)/python -m uhc_lib.training.handouts --out reports/training --lang en $(if $(REGION),--region $(REGION)) $(if $(PERIOD),--period $(PERIOD))

## Build the wheel, install it non-editable in a fresh venv, make a brief and a batch from an empty folder
check-wheel:
	tools/check_wheel.sh

## Time the full batch and print briefs per minute
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_batch.py $(ARGS)

## Match 5 million x 5 million synthetic rows with DuckDB and with pandas: seconds and peak memory
bench-matching: $(STAMP)
	$(BIN)/python benchmarks/bench_matching.py $(ARGS)

clean-reports:
	rm -rf reports

clean: clean-reports
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis *.egg-info
