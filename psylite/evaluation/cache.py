"""Resumable runs: answers and judgments cached in an append-only JSONL file.

Every record is one line `{"kind": ..., "key": [...], "value": {...}}`, flushed as soon
as it is known, so an interrupted run (Ctrl-C, a crash, a judge server going away)
loses at most the item in flight; running the same command again with the same output
directory picks up where it stopped. Answers are keyed by (model, case, turn);
judgments additionally by judge and rubric version, so a new judge or rubric re-judges
without re-asking the model.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

CACHE_FILE = "cache.jsonl"


def _key(kind: str, key: tuple[Any, ...]) -> str:
    return json.dumps([kind, *key], ensure_ascii=False)


class ResultCache:
    """A dict-like view over one JSONL file; the last record for a key wins."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._data: dict[str, dict[str, Any]] = {}
        self.loaded = 0
        if path.exists():
            self._load()
        path.parent.mkdir(parents=True, exist_ok=True)

    def _load(self) -> None:
        with self.path.open(encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                    self._data[_key(rec["kind"], tuple(rec["key"]))] = rec["value"]
                except (ValueError, KeyError, TypeError):
                    # A line cut short by a crash mid-write: that item is simply redone.
                    log.warning("%s:%d: skipping an unreadable cache line", self.path, lineno)
        self.loaded = len(self._data)

    def get(self, kind: str, *key: Any) -> dict[str, Any] | None:
        return self._data.get(_key(kind, key))

    def put(self, kind: str, key: tuple[Any, ...], value: dict[str, Any]) -> None:
        self._data[_key(kind, key)] = value
        line = json.dumps({"kind": kind, "key": list(key), "value": value}, ensure_ascii=False)
        with self.path.open("a", encoding="utf-8") as f:
            f.write(line + "\n")

    def __len__(self) -> int:
        return len(self._data)
