"""Fixtures for the humor tests (imported by tests/test_humor_*.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from retrieval.corpus import CORPUS_PATH, Snippet, snippet_from_dict
from retrieval.index import HumorIndex

QUERIES_PATH = Path(__file__).parent / "data" / "humor_queries.jsonl"


@pytest.fixture(scope="session", name="humor_index")
def humor_index_fixture(tmp_path_factory: pytest.TempPathFactory) -> HumorIndex:
    """The shipped corpus, indexed once per test session (read-only for tests)."""
    index = HumorIndex.open(tmp_path_factory.mktemp("humor") / "index")
    yield index
    index.close()


def labeled_queries() -> list[dict[str, str]]:
    """The labeled query set: {"query", "lang", "theme"} per line."""
    with QUERIES_PATH.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def make_snippet(sid: str, text: str, themes: list[str], lang: str | None = None) -> Snippet:
    """A valid snippet record built through the same validation as the corpus."""
    if lang is None:
        lang = "zh" if any("\u4e00" <= c <= "\u9fff" for c in text) else "en"
    return snippet_from_dict(
        {"id": sid, "text": text, "themes": themes, "tone": "playful", "language": lang}
    )


def write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


__all__ = ["CORPUS_PATH", "humor_index_fixture", "labeled_queries", "make_snippet", "write_jsonl"]
