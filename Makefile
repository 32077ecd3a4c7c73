# Portico developer commands. The two that matter: `make run` and `make test` (see README.md).
#
# Installs are keyed on content: the virtualenv is reinstalled only when backend/pyproject.toml changes, node_modules
# only when frontend/package-lock.json changes, and the SPA is rebuilt only when one of its inputs is newer than
# frontend/dist/index.html. A second `make run` or `make test` therefore skips straight to the work.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.NOTPARALLEL:

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
VENV_STAMP := $(VENV)/.portico-installed
NODE_STAMP := frontend/node_modules/.portico-installed
HAVE_FRONTEND := $(wildcard frontend/package.json)
# Everything the SPA build reads; a change to any of them triggers `npm run build` again.
SPA_INPUTS = frontend/src frontend/index.html frontend/vite.config.ts frontend/tsconfig.json frontend/codegen.ts \
	frontend/package.json frontend/package-lock.json frontend/public schema.graphql

export PIP_DISABLE_PIP_VERSION_CHECK := 1
export npm_config_fund := false
export npm_config_audit := false
export npm_config_update_notifier := false

# $(call phase,target): run one target of `make test`, printing how long it took (and appending it to
# $PORTICO_TIMINGS when that is set; .ci/run prints the summary).
define phase
	@start=$$(date +%s); echo "==> $(1)"; \
	if $(MAKE) --no-print-directory $(1); then status=ok; else status=FAILED; fi; \
	secs=$$(( $$(date +%s) - start )); echo "<== $(1): $$status in $${secs}s"; \
	if [ -n "$${PORTICO_TIMINGS:-}" ]; then printf '%-14s %6ss  %s\n' "$(1)" "$$secs" "$$status" >> "$$PORTICO_TIMINGS"; fi; \
	[ $$status = ok ]
endef

.PHONY: help venv frontend frontend-deps run test lint schema schema-check pytest frontend-test e2e bench clean

help:
	@echo "make run           install what is missing, migrate, seed the demo and serve http://127.0.0.1:8000"
	@echo "make test          lint, schema check, pytest, SPA unit tests and browser end-to-end tests"
	@echo "make schema        export schema.graphql from the code and regenerate the SPA's typed operations"
	@echo "make schema-check  fail when schema.graphql or the generated SPA code is stale"
	@echo "make lint          ruff and mypy"
	@echo "make bench         run the benchmarks in bench/ (figures: bench/README.md)"
	@echo "make venv | frontend | clean"

# --- installs -------------------------------------------------------------------------------------------------------

venv:
	@key="$$(sha256sum backend/pyproject.toml | cut -d' ' -f1) $$($(PYTHON) --version 2>&1)"; \
	if [ -x $(BIN)/portico ] && [ "$$(cat $(VENV_STAMP) 2>/dev/null)" = "$$key" ]; then \
		echo "venv: up to date ($(VENV))"; \
	else \
		echo "venv: installing backend[test] into $(VENV)"; \
		[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV); \
		$(BIN)/python -m pip install --quiet --upgrade pip; \
		$(BIN)/python -m pip install --quiet -e 'backend[test]'; \
		echo "$$key" > $(VENV_STAMP); \
	fi

frontend-deps:
ifeq ($(HAVE_FRONTEND),)
	@echo "frontend: frontend/package.json does not exist yet; skipping the SPA"
else
	@key="$$(sha256sum frontend/package-lock.json | cut -d' ' -f1) $$(node --version)"; \
	if [ -d frontend/node_modules ] && [ "$$(cat $(NODE_STAMP) 2>/dev/null)" = "$$key" ]; then \
		echo "frontend: node_modules up to date"; \
	else \
		echo "frontend: npm ci"; \
		(cd frontend && npm ci --no-audit --no-fund); \
		echo "$$key" > $(NODE_STAMP); \
	fi
endif

frontend: frontend-deps
ifneq ($(HAVE_FRONTEND),)
	@if [ -f frontend/dist/index.html ] && [ -z "$$(find $(wildcard $(SPA_INPUTS)) -newer frontend/dist/index.html -print -quit)" ]; then \
		echo "frontend: dist/ up to date"; \
	else \
		echo "frontend: npm run build"; \
		(cd frontend && npm run build); \
		touch frontend/dist/index.html; \
	fi
endif

# --- run ------------------------------------------------------------------------------------------------------------

run: venv frontend
	$(BIN)/portico migrate
	$(BIN)/portico seed-demo
	$(BIN)/portico serve

# --- test -----------------------------------------------------------------------------------------------------------

test:
	$(call phase,venv)
	$(call phase,frontend)
	$(call phase,lint)
	$(call phase,schema-check)
	$(call phase,pytest)
	$(call phase,frontend-test)
	$(call phase,e2e)
	@echo "make test: all phases passed"

# pytest's exit code 5 ("no tests were collected") is a failure like any other.
pytest: venv
	@$(BIN)/pytest -q || { rc=$$?; \
		if [ $$rc -eq 5 ]; then echo "pytest: no tests were collected; that is a failure" >&2; fi; exit $$rc; }

frontend-test: frontend-deps
ifneq ($(HAVE_FRONTEND),)
	cd frontend && npm test
endif

# The e2e runner starts its own backend from .venv and drives /usr/bin/chromium; screenshots land in screenshots/.
# With PORTICO_REQUIRE_BROWSER=1 (CI) a run in which no browser test passed, or any was skipped, is a failure.
e2e: venv frontend
ifneq ($(HAVE_FRONTEND),)
	@log=$$(mktemp); trap 'rm -f "$$log"' EXIT; \
	(cd frontend && npm run e2e) 2>&1 | tee "$$log"; status=$${PIPESTATUS[0]}; \
	[ $$status -eq 0 ] || exit $$status; \
	if [ "$${PORTICO_REQUIRE_BROWSER:-}" = 1 ]; then \
		grep -Eq '^ℹ pass [1-9]' "$$log" && grep -Eq '^ℹ skipped 0$$' "$$log" \
			|| { echo "e2e: the browser tests did not run (PORTICO_REQUIRE_BROWSER=1)" >&2; exit 1; }; \
	fi
endif

# Both tools always run, so one pass reports everything; the target fails if either found something.
lint: venv
	@status=0; \
	echo "ruff check backend tests bench"; $(BIN)/ruff check --config backend/pyproject.toml backend tests bench || status=1; \
	echo "mypy backend/portico"; $(BIN)/mypy --config-file backend/pyproject.toml backend/portico || status=1; \
	exit $$status

# --- schema ---------------------------------------------------------------------------------------------------------

schema: venv frontend-deps
	$(BIN)/portico export-schema --output schema.graphql
	@echo "schema: wrote schema.graphql"
ifneq ($(HAVE_FRONTEND),)
	cd frontend && npm run codegen
endif

schema-check: venv frontend-deps
	@tmp=$$(mktemp); trap 'rm -f "$$tmp"' EXIT; \
	$(BIN)/portico export-schema --output "$$tmp"; \
	if ! diff -u schema.graphql "$$tmp"; then \
		echo "schema-check: schema.graphql differs from the schema the code exports; run \`make schema\` and commit" >&2; \
		exit 1; \
	fi; \
	echo "schema-check: schema.graphql is up to date"
ifneq ($(HAVE_FRONTEND),)
	cd frontend && npm run codegen:check
endif

# --- bench ----------------------------------------------------------------------------------------------------------

# Every bench/*.py except helpers (bench/_*.py); each prints its figures next to a baseline (bench/README.md).

bench: venv
	@for f in bench/*.py; do \
		case "$$(basename "$$f")" in _*) continue ;; esac; \
		echo "==> $$f"; $(BIN)/python "$$f"; \
	done

# --- clean ----------------------------------------------------------------------------------------------------------

# Removes what the commands above install or generate. Leaves data/ (your local database and files) alone:
# `rm -rf data` resets the embedded install.
clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist frontend/test-results frontend/e2e/.artifacts screenshots bench/results \
		.pytest_cache .mypy_cache .ruff_cache backend/*.egg-info
	find backend tests bench -name __pycache__ -type d -prune -exec rm -rf {} +
