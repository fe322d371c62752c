"""Suite-wide test configuration (areas keep their fixtures in tests/<area>_fixtures.py)."""

from __future__ import annotations

import os

import pytest

# Tests never read the developer's .env or a real token.
for _var in (
    "TELEGRAM_BOT_TOKEN",
    "PSYLITE_TELEGRAM_BOT_TOKEN",
    "PSYLITE_DATABASE_URL",
    "PSYLITE_LLM_BACKEND",
    "PSYLITE_MODEL",
    "OLLAMA_HOST",
):
    os.environ.pop(_var, None)


@pytest.fixture
def data_dir(tmp_path):
    """A fresh data dir for one test."""
    d = tmp_path / "var"
    d.mkdir()
    return d
