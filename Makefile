# socprev-kit: the two commands of the README are `make reports` and `make test`.
# Both build the environment first when it is missing or out of date.

PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed
DATA   ?= sample_data/clean

.PHONY: setup browser libreoffice reports test test-fast lint format bench sample-data training notebooks lab constraints clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

## setup: build the virtual environment in .venv (pinned by constraints.txt)
setup: $(STAMP)

## reports: the main job: every report of the sample data in Dutch and French (prints index.html)
reports: $(STAMP)
	$(BIN)/socprev-kit batch --data $(DATA) --lang nl fr --out reports

## browser: Debian's Chromium and ChromeDriver, for the tests that open the reports in a browser
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	     chromium chromium-driver >/dev/null)

## libreoffice: Debian's LibreOffice Calc (headless) and poppler, for the tests that save the
## registration workbook as a spreadsheet program does and render it to PDF and PNG
libreoffice:
	@command -v soffice >/dev/null && command -v pdftoppm >/dev/null || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	     libreoffice-calc-nogui poppler-utils >/dev/null)

## test: the whole test suite (what CI runs): the import contracts of pyproject.toml, then pytest
test: $(STAMP) browser libreoffice
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest -n 2 -q

## test-fast: the tests not marked slow
test-fast: $(STAMP)
	$(BIN)/python -m pytest -n 2 -q -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## bench: the benchmarks (run by hand; they print ratios against a baseline of the same run)
bench: $(STAMP)
	$(BIN)/python bench/bench_loading.py

## sample-data: regenerate sample_data/ from the generator (deterministic for the seed)
sample-data: $(STAMP)
	$(BIN)/socprev-kit sample-data --out sample_data --seed 2026

## training: rebuild notebooks/training/{nl,fr} and the solutions docs/training/solutions_{nl,fr}.md
## from socprev_kit/training (runs them)
training: $(STAMP)
	$(BIN)/socprev-kit training --out notebooks/training --solutions docs/training

## notebooks: refresh the report notebooks' reference outputs (notebooks/reference/) that nbval
## compares them with (after a change to a report template or to what it shows)
notebooks: $(STAMP)
	$(BIN)/python -m socprev_kit.cli.references

## lab: JupyterLab on the course, in the kit's environment (widgets included); see docs/training
lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/training

## constraints: re-pin constraints.txt to what is installed now (after a deliberate upgrade)
constraints:
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^socprev' > constraints.txt

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
