"""A local write-ahead journal for escalations when the database is down.

A crisis reply must never wait for, or fail with, the database. If the escalation
cannot be committed, it is appended (fsync'd) to a JSONL file under the data dir
and replayed into the database when it is reachable again — nothing is lost.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


class EscalationJournal:
    """Append-only JSONL of escalations waiting for the database."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = asyncio.Lock()

    def _append_sync(self, record: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.write(fd, line.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)

    async def append(self, record: dict[str, Any]) -> None:
        """Durably append one escalation record."""
        async with self._lock:
            await asyncio.to_thread(self._append_sync, record)

    def pending(self) -> list[dict[str, Any]]:
        """Records not yet replayed (a torn last line from a crash is skipped)."""
        if not self.path.exists():
            return []
        out = []
        for line in self.path.read_text(encoding="utf-8").splitlines():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError:
                log.warning("skipping a torn line in the escalation journal")
        return out

    async def replay(self, write: Callable[[dict[str, Any]], Awaitable[None]]) -> int:
        """Write every pending record with `write`; keep the ones that still fail.

        `write` must be idempotent (the store keys escalations by update id or journal id),
        so a crash between writing and truncating the journal duplicates nothing.
        """
        async with self._lock:
            records = self.pending()
            if not records:
                return 0
            left: list[dict[str, Any]] = []
            done = 0
            for i, rec in enumerate(records):
                try:
                    await write(rec)
                    done += 1
                except Exception:
                    log.warning("escalation journal replay stopped: database still unavailable")
                    left = records[i:]
                    break
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(
                "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in left),
                encoding="utf-8",
            )
            os.replace(tmp, self.path)
            if done:
                log.info("replayed %d journalled escalation(s) into the database", done)
            return done
