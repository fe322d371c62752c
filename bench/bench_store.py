"""Messages stored per second with concurrent writers: SQLite vs PostgreSQL, in one run.

    python -m bench.bench_store [--writers 8] [--messages 200] [--rounds 3]

Each writer is an asyncio task storing messages for its own chat through the real
`Store.add_message` (one transaction each: user upsert, insert, last-seen update), the way
concurrent chats do in the bot. The backends run in alternating rounds on the same machine
(so load drift hits both) and the median round is reported, plus SQLite with encryption at
rest to show its cost. PostgreSQL comes from PSYLITE_TEST_POSTGRES_URL (see
scripts/ci_postgres.sh), in a throw-away database; without a server that row says why.
Both backends run with their durable defaults (SQLite WAL + synchronous=FULL, PostgreSQL
fsync on). Results are also written to bench/results/bench_store.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "bench_store.json"


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


async def one_round(settings: Any, writers: int, messages: int) -> dict[str, float]:
    from psylite.store import Store

    store = Store(settings, pool_size=writers)
    await store.initialize()
    latencies: list[float] = []
    text = "今天有点累，但还好。I'm a bit tired today but okay. " * 3  # ~150 chars

    async def writer(w: int) -> None:
        chat = 1000 + w
        for i in range(messages):
            t0 = time.perf_counter()
            await store.add_message(
                chat_id=chat,
                role="user" if i % 2 == 0 else "assistant",
                text=text,
                route="counsel",
                risk=0.05,
            )
            latencies.append(time.perf_counter() - t0)

    try:
        await asyncio.gather(
            *(store.add_message(chat_id=1, role="user", text="warm") for _ in range(writers))
        )
        started = time.perf_counter()
        await asyncio.gather(*(writer(w) for w in range(writers)))
        wall = time.perf_counter() - started
    finally:
        await store.shutdown()
    return {
        "msgs_per_s": writers * messages / wall,
        "p50_ms": pct(latencies, 50) * 1000,
        "p99_ms": pct(latencies, 99) * 1000,
    }


async def postgres_database() -> tuple[str | None, str, Any]:
    """(url, note, cleanup) for a throw-away PostgreSQL database, or (None, why, None)."""
    import asyncpg
    from sqlalchemy.engine import make_url

    base = os.environ.get("PSYLITE_TEST_POSTGRES_URL") or (
        "postgresql+asyncpg://psylite:psylite@127.0.0.1:5432/psylite_test"
    )
    dsn = make_url(base).set(drivername="postgresql")
    name = f"psylite_bench_{uuid.uuid4().hex[:8]}"
    try:
        conn = await asyncpg.connect(dsn.render_as_string(hide_password=False), timeout=5)
    except Exception as err:
        return (
            None,
            f"PostgreSQL not reachable ({type(err).__name__}); run scripts/ci_postgres.sh",
            None,
        )
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()

    async def cleanup() -> None:
        c = await asyncpg.connect(dsn.render_as_string(hide_password=False), timeout=5)
        try:
            await c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await c.close()

    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    version = "PostgreSQL"
    c = await asyncpg.connect(dsn.render_as_string(hide_password=False), timeout=5)
    try:
        version = "PostgreSQL " + str(await c.fetchval("SHOW server_version"))
    finally:
        await c.close()
    return url, version, cleanup


async def run(writers: int, messages: int, rounds: int) -> int:
    import sqlite3

    from psylite.settings import Settings
    from psylite.store import generate_key, upgrade_to_head

    tmp = Path(tempfile.mkdtemp(prefix="psylite-bench-store-"))
    configs: dict[str, Settings] = {
        "sqlite": Settings(
            database_url=f"sqlite+aiosqlite:///{tmp / 'plain.db'}", environment="test"
        ),
        "sqlite+encryption": Settings(
            database_url=f"sqlite+aiosqlite:///{tmp / 'enc.db'}",
            environment="test",
            encryption_key=generate_key(),
        ),
    }
    notes = {"sqlite": f"SQLite {sqlite3.sqlite_version}, WAL, synchronous=FULL"}
    notes["sqlite+encryption"] = notes["sqlite"] + ", Fernet"
    pg_url, pg_note, cleanup = await postgres_database()
    notes["postgresql"] = pg_note
    if pg_url:
        configs["postgresql"] = Settings(database_url=pg_url, environment="test")
    for settings in configs.values():
        await upgrade_to_head(settings)

    samples: dict[str, list[dict[str, float]]] = {name: [] for name in configs}
    try:
        for r in range(rounds):
            order = list(configs) if r % 2 == 0 else list(reversed(configs))
            for name in order:
                samples[name].append(await one_round(configs[name], writers, messages))
    finally:
        if cleanup:
            await cleanup()

    def median_of(name: str, key: str) -> float:
        return statistics.median(s[key] for s in samples[name])

    print(f"\nstore: {writers} concurrent writers x {messages} messages, median of {rounds} rounds")
    print(f"{'backend':<20} {'msgs/s':>9} {'p50 ms':>8} {'p99 ms':>8}  notes")
    summary: dict[str, Any] = {
        "writers": writers,
        "messages": messages,
        "rounds": rounds,
        "backends": {},
    }
    for name in ["sqlite", "sqlite+encryption", "postgresql"]:
        if name not in configs:
            print(f"{name:<20} {'—':>9} {'—':>8} {'—':>8}  skipped: {notes[name]}")
            continue
        row = {k: median_of(name, k) for k in ("msgs_per_s", "p50_ms", "p99_ms")}
        summary["backends"][name] = row | {"note": notes[name]}
        print(
            f"{name:<20} {row['msgs_per_s']:>9.0f} {row['p50_ms']:>8.2f} {row['p99_ms']:>8.2f}  {notes[name]}"
        )
    b = summary["backends"]
    if "postgresql" in b:
        ratio = b["postgresql"]["msgs_per_s"] / b["sqlite"]["msgs_per_s"]
        summary["ratio_postgresql_over_sqlite"] = ratio
        print(f"ratio postgresql / sqlite (msgs/s): {ratio:.2f}")
    enc = b["sqlite+encryption"]["msgs_per_s"] / b["sqlite"]["msgs_per_s"]
    summary["ratio_encrypted_over_plain_sqlite"] = enc
    print(f"ratio sqlite encrypted / plain (msgs/s): {enc:.2f}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=8, help="concurrent writer tasks")
    parser.add_argument("--messages", type=int, default=200, help="messages per writer per round")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds per backend")
    args = parser.parse_args(argv)
    return asyncio.run(run(args.writers, args.messages, args.rounds))


if __name__ == "__main__":
    sys.exit(main())
