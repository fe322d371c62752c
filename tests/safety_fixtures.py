"""Shared helpers for the safety router tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from psylite.safety import Router

DATA = Path(__file__).parent / "data"
DEV = DATA / "routing_dev.jsonl"
MULTITURN = DATA / "routing_multiturn.jsonl"


def load_jsonl(path: Path) -> list[dict]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


@pytest.fixture(scope="session")
def router() -> Router:
    return Router.default()
