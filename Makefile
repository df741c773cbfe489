# Joined-up. Two commands set everything up on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export DEBUG ?= true

.PHONY: run test lint format migrations-check api-schema system-deps assets clean

$(BIN)/activate:
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed: install python3.11 (Debian: apt-get install python3.11 python3.11-venv)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is needed for the accessibility checker (Debian: apt-get install npm)"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error

system-deps:
	@scripts/ensure-system-deps

## run: the application on 127.0.0.1:$(PORT) with a Celery worker, demo data loaded
run: $(VENV)/.installed system-deps
	$(BIN)/python manage.py migrate --noinput
	mkdir -p var
	$(BIN)/python manage.py seed_demo | tee var/demo-logins.txt
	scripts/run-dev $(PORT)

## test: lint, then every test; exits non-zero on any failure
# The tests run on $(TEST_PROCESSES) processes at once; those that share the Celery broker with a
# real worker (marked serial) run one at a time on one of them (tests/conftest.py groups them).
TEST_PROCESSES ?= 2
test: $(VENV)/.installed system-deps node_modules/.package-lock.json lint migrations-check
	$(BIN)/pytest -n $(TEST_PROCESSES) --dist loadscope --no-loadscope-reorder $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint templates --check
	$(BIN)/djlint templates --lint
	DEBUG=true $(BIN)/mypy

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djlint templates --reformat

migrations-check: $(VENV)/.installed
	$(BIN)/python manage.py makemigrations --check --dry-run

## api-schema: write the API's OpenAPI schema to docs/api/openapi.json (tests/api/test_schema.py compares them)
api-schema: $(VENV)/.installed
	$(BIN)/python manage.py spectacular --format openapi-json --validate --fail-on-warn --file docs/api/openapi.json

## assets: recompile GOV.UK Frontend (Arial, our asset path) into static/govuk/; the autocomplete into static/autocomplete/
assets: node_modules/.package-lock.json
	npx sass --style=compressed --no-source-map --quiet-deps frontend/joined-up.scss static/govuk/joined-up.min.css
	# The crest is Crown artwork for gov.uk services only: our footer never shows it, so no rule may ask for it.
	sed -i 's|url("/static/govuk/assets/images/govuk-crest.svg")|none|g' static/govuk/joined-up.min.css
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js static/govuk/
	mkdir -p static/govuk/assets/images
	cp node_modules/govuk-frontend/dist/govuk/assets/images/favicon.ico static/govuk/assets/images/
	# The Design System's accessible autocomplete, for long selects (ADR 0022). Its source maps are not
	# shipped, so the lines naming them go: collectstatic's manifest would look for the maps and fail.
	mkdir -p static/autocomplete
	cp node_modules/accessible-autocomplete/dist/accessible-autocomplete.min.{js,css} static/autocomplete/
	cp node_modules/accessible-autocomplete/LICENSE.txt static/autocomplete/
	sed -i '/sourceMappingURL=/d' static/autocomplete/accessible-autocomplete.min.{js,css}

clean:
	rm -rf $(VENV) node_modules var
