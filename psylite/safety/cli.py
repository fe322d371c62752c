"""`psylite route`: JSON lines (or raw text lines) on stdin → one routing JSON line each."""

from __future__ import annotations

import json
import math
import sys
from typing import Any, BinaryIO

import click

# Lines longer than this are judged on a prefix and suffix (see normalize.clip); reading is bounded
# so that a pathological input cannot exhaust memory.
MAX_LINE_BYTES = 1_000_000


def _parse(line: str, n: int) -> tuple[Any, str]:
    """(id, text) from one input line: a JSON object with "text", or the raw line itself."""
    stripped = line.strip()
    if stripped.startswith("{"):
        try:
            obj = json.loads(stripped)
        except (json.JSONDecodeError, RecursionError):
            return n, line
        if isinstance(obj, dict):
            cid = obj.get("id", n)
            if isinstance(cid, float) and not math.isfinite(cid):
                cid = str(cid)  # NaN/Infinity are not valid JSON on the way out
            elif not isinstance(cid, (str, int, float, bool)) and cid is not None:
                cid = json.dumps(cid, ensure_ascii=False)
            text = obj.get("text", "")
            return cid, text if isinstance(text, str) else json.dumps(text, ensure_ascii=False)
    return n, line


def route_lines(stream: BinaryIO, out: Any) -> int:
    """Route every line of `stream`; returns the number of lines written."""
    from psylite.safety import Router

    router = Router.default()
    n = 0
    while True:
        raw = stream.readline(MAX_LINE_BYTES)
        if not raw:
            break
        n += 1
        if len(raw) == MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while True:  # drop the rest of an oversized line, keep its head
                rest = stream.readline(MAX_LINE_BYTES)
                if not rest or rest.endswith(b"\n"):
                    break
        line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
        cid, text = _parse(line, n)
        d = router.route(text)
        out.write(
            json.dumps(
                {
                    "id": cid,
                    "route": str(d.route),
                    "risk": round(d.risk, 4),
                    "reasons": list(d.reasons),
                },
                ensure_ascii=False,
            )
            + "\n"
        )
        out.flush()
    return n


@click.command(name="route")
def route_command() -> None:
    """Route JSON lines from stdin (crisis/refuse/counsel/humor).

    Each input line is {"id": ..., "text": ...} or, if not JSON, the raw text; each output
    line is {"id", "route", "risk", "reasons"}, in order, judged as the first message of a
    fresh user with humor on.
    """
    route_lines(sys.stdin.buffer, sys.stdout)
