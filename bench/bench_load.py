"""Load: N users x M messages at once through the fake Bot API, the real bot, pipeline and
store, with an instant fake LLM — on SQLite and PostgreSQL, side by side in one run.

    python -m bench.bench_load                       # quick: 100 users x 5, 2 rounds
    python -m bench.bench_load --users 1000 --rounds 1   # the issue's 1,000 x 5

The harness is tests/test_load.py's `run_load` (which the CI test runs at 200 users): every
user has consented, all push their messages at once, the FakeLLM echoes each text, and the
run checks that every chat shows one reply per message in order and that the store holds
every user turn in order. Rounds alternate the backend order so load drift on a shared
machine hits both. Figures per backend (median over rounds): messages/s from the first push
to the last complete reply; latency push -> complete reply (includes queueing behind the
whole burst); handling latency (from the later of the push and the chat's previous reply);
peak RSS of the process (bot + fake Bot API server together: an upper bound for the bot).
PostgreSQL comes from PSYLITE_TEST_POSTGRES_URL in a throw-away database; without a server
that row says why. Results: bench/results/bench_load.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import statistics
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the harness and the fake Bot API live with the tests
RESULTS = ROOT / "bench" / "results" / "bench_load.json"


class CountingHandler(logging.Handler):
    """Counts warnings and errors by logger and message template instead of printing them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.counts: Counter[str] = Counter()

    def emit(self, record: logging.LogRecord) -> None:
        self.counts[f"{record.levelname} {record.name}: {record.msg}"] += 1


async def one_run(users: int, messages: int, backend: str, pg: Any) -> dict[str, Any]:
    from test_load import pct, run_load

    url, cleanup = "", None
    if backend == "postgresql":
        url, _, cleanup = await pg()
    try:
        with tempfile.TemporaryDirectory(prefix="psylite-bench-load-") as tmp:
            r = await run_load(users, messages, Path(tmp), database_url=url, backend=backend)
    finally:
        if cleanup:
            await cleanup()
    print(r.report(), flush=True)
    return {
        "msgs_per_s": r.msgs_per_s,
        "wall_s": r.wall_s,
        "latency_p50_ms": statistics.median(r.latencies_ms) if r.latencies_ms else None,
        "latency_p99_ms": pct(r.latencies_ms, 99) if r.latencies_ms else None,
        "handling_p50_ms": statistics.median(r.handling_ms) if r.handling_ms else None,
        "handling_p99_ms": pct(r.handling_ms, 99) if r.handling_ms else None,
        "rss_idle_mb": r.rss_idle_mb,
        "rss_peak_mb": r.rss_peak_mb,
        "delivery_problems": len(r.delivery_problems()),
        "unstored_turns": r.unstored,
        "api_calls": r.api_calls,
    }


async def run(users: int, messages: int, rounds: int, backends: list[str]) -> int:
    from bench.bench_store import postgres_database

    counter = CountingHandler()
    logging.getLogger().addHandler(counter)
    # The fake server logs every request the bot abandons at shutdown; that is not the bot's.
    logging.getLogger("aiohttp.server").setLevel(logging.CRITICAL)

    notes: dict[str, str] = {"sqlite": "SQLite (WAL, synchronous=FULL), file in a temp dir"}
    if "postgresql" in backends:
        url, note, cleanup = await postgres_database()
        notes["postgresql"] = note
        if url is None:
            backends = [b for b in backends if b != "postgresql"]
        else:
            await cleanup()
    samples: dict[str, list[dict[str, Any]]] = {b: [] for b in backends}
    for r in range(rounds):
        order = backends if r % 2 == 0 else list(reversed(backends))
        for backend in order:
            samples[backend].append(await one_run(users, messages, backend, postgres_database))

    def median(backend: str, key: str) -> float | None:
        values = [s[key] for s in samples[backend] if s[key] is not None]
        return statistics.median(values) if values else None

    summary: dict[str, Any] = {
        "users": users,
        "messages": messages,
        "rounds": rounds,
        "backends": {},
        "skipped": {},
    }
    print(f"\nload: {users} users x {messages} messages at once, median of {rounds} round(s)")
    print(
        f"{'backend':<12}{'msgs/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'handl p99':>11}"
        f"{'peak RSS':>10}{'lost/reord':>12}{'unstored':>10}"
    )
    for backend in ("sqlite", "postgresql"):
        if backend not in samples:
            if backend in notes:
                summary["skipped"][backend] = notes[backend]
                print(f"{backend:<12}  skipped: {notes[backend]}")
            continue
        keys = samples[backend][0].keys()
        row = {k: median(backend, k) for k in keys}
        row["delivery_problems"] = max(s["delivery_problems"] for s in samples[backend])
        row["unstored_turns"] = max(s["unstored_turns"] for s in samples[backend])
        row["note"] = notes[backend]
        summary["backends"][backend] = row
        print(
            f"{backend:<12}{row['msgs_per_s']:>8.1f}{row['latency_p50_ms']:>9.0f}"
            f"{row['latency_p99_ms']:>9.0f}{row['handling_p99_ms']:>11.0f}"
            f"{row['rss_peak_mb']:>9.1f}M{row['delivery_problems']:>12}"
            f"{row['unstored_turns']:>10}"
        )
    summary["log_counts"] = dict(counter.counts.most_common(10))
    if counter.counts:
        print("warnings/errors logged (count, first 5):")
        for what, n in counter.counts.most_common(5):
            print(f"  {n:>6}  {what}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    bad = any(row["delivery_problems"] for row in summary["backends"].values())
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--messages", type=int, default=5, help="messages per user")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds per backend")
    parser.add_argument(
        "--backends", default="sqlite,postgresql", help="comma-separated: sqlite,postgresql"
    )
    args = parser.parse_args(argv)
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    return asyncio.run(run(args.users, args.messages, args.rounds, backends))


if __name__ == "__main__":
    sys.exit(main())
