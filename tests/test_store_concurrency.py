# ruff: noqa: F401, F811
# (pytest injects the imported fixtures by parameter name)
"""Concurrent writers on SQLite and PostgreSQL: two tasks and two processes, no lost updates,
no double claims, no job delivered twice."""

from __future__ import annotations

import asyncio
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import text
from store_fixtures import backend, postgres_session_url, sqlite_template, store, store_settings

from psylite.settings import Settings
from psylite.store import IllegalTransition, OutboxItem, OutboxWorker, StateConflict, Store

CHILD = Path(__file__).with_name("store_fixtures.py")


async def _second_store(settings: Settings) -> Store:
    other = Store(settings)  # its own engine and pool: a different "replica"
    await other.initialize()
    return other


async def test_two_tasks_writing_messages_lose_nothing(store: Store) -> None:
    other = await _second_store(store.settings)
    try:

        async def writer(s: Store, tag: str) -> list[int]:
            return [
                await s.add_message(chat_id=1, role="user", text=f"{tag}{i}") for i in range(40)
            ]

        a, b = await asyncio.gather(writer(store, "a"), writer(other, "b"))
    finally:
        await other.shutdown()
    assert len(set(a) | set(b)) == 80
    texts = [m.text for m in await store.recent_messages(chat_id=1, limit=200)]
    assert sorted(texts) == sorted([f"a{i}" for i in range(40)] + [f"b{i}" for i in range(40)])
    # Each writer's own messages keep their order.
    assert [t for t in texts if t[0] == "a"] == [f"a{i}" for i in range(40)]


async def test_racing_claims_of_the_same_updates_succeed_once_each(store: Store) -> None:
    other = await _second_store(store.settings)
    try:
        results = await asyncio.gather(
            *(s.claim_update(update_id=u) for u in range(30) for s in (store, other))
        )
    finally:
        await other.shutdown()
    assert sum(results) == 30


async def test_racing_duplicate_escalations_for_one_update_make_one(store: Store) -> None:
    other = await _second_store(store.settings)
    kw: dict[str, Any] = dict(
        chat_id=5, risk=0.9, reasons=["r"], excerpt="e", admin_chat_ids=[1, 2], update_id=7
    )
    try:
        a, b = await asyncio.gather(store.create_escalation(**kw), other.create_escalation(**kw))
    finally:
        await other.shutdown()
    assert a.id == b.id
    assert len(await store.list_escalations()) == 1
    assert await store.outbox_backlog() == 2


async def test_two_admins_acknowledging_at_once_one_wins(store: Store) -> None:
    other = await _second_store(store.settings)
    try:
        escs = [
            await store.create_escalation(
                chat_id=1, risk=0.9, reasons=[], excerpt=None, admin_chat_ids=[]
            )
            for _ in range(5)
        ]

        async def ack(s: Store, esc_id: int, who: str) -> str | None:
            try:
                await s.transition(escalation_id=esc_id, to="acknowledged", actor=who)
                return who
            except IllegalTransition:
                return None

        results = await asyncio.gather(
            *(ack(s, e.id, who) for e in escs for s, who in ((store, "a"), (other, "b")))
        )
    finally:
        await other.shutdown()
    winners = [r for r in results if r is not None]
    assert len(winners) == 5
    for e in escs:
        got = await store.get_escalation(escalation_id=e.id)
        assert got is not None and got.acknowledged_by in ("a", "b")
    assert len(await store.list_audit(action="escalation.acknowledge")) == 5


async def test_optimistic_state_updates_from_two_tasks_lose_no_increment(store: Store) -> None:
    other = await _second_store(store.settings)
    conflicts = 0

    async def bump(s: Store, times: int) -> None:
        nonlocal conflicts
        for _ in range(times):
            while True:
                state, version = await s.get_state_versioned(chat_id=3)
                new = {"counter": (state or {}).get("counter", 0) + 1}
                try:
                    await s.save_state(chat_id=3, state=new, expected_version=version)
                    break
                except StateConflict:
                    conflicts += 1
                    await asyncio.sleep(0)

    try:
        await asyncio.gather(bump(store, 25), bump(other, 25))
    finally:
        await other.shutdown()
    assert await store.get_state(chat_id=3) == {"counter": 50}


async def test_two_workers_deliver_each_job_exactly_once(store: Store) -> None:
    for i in range(8):
        await store.create_escalation(
            chat_id=i, risk=0.9, reasons=[], excerpt=None, admin_chat_ids=[100, 200, 300]
        )
    other = await _second_store(store.settings)
    delivered: list[str] = []

    async def deliver(job: OutboxItem) -> None:
        delivered.append(job.idempotency_key)
        await asyncio.sleep(0.001)  # let the other worker interleave

    workers = [
        OutboxWorker(store, deliver, worker_id="w1", batch_size=2),
        OutboxWorker(other, deliver, worker_id="w2", batch_size=2),
    ]

    async def drain(w: OutboxWorker) -> None:
        while await w.run_once():
            pass

    try:
        await asyncio.gather(*(drain(w) for w in workers))
    finally:
        await other.shutdown()
    assert len(delivered) == 24
    assert Counter(delivered).most_common(1)[0][1] == 1
    assert await store.outbox_backlog() == 0


async def _run_children(url: str, n: int) -> list[dict[str, Any]]:
    procs = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            str(CHILD),
            url,
            str(tag),
            str(n),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
        )
        for tag in (1, 2)
    ]
    for p in procs:  # both connected before either starts: they really overlap
        assert p.stdout is not None
        line = await asyncio.wait_for(p.stdout.readline(), timeout=60)
        assert line.strip() == b"ready", line
    for p in procs:
        assert p.stdin is not None
        p.stdin.write(b"go\n")
        await p.stdin.drain()
    results = []
    for p in procs:
        out, _ = await asyncio.wait_for(p.communicate(), timeout=120)
        assert p.returncode == 0
        results.append(json.loads(out.decode().strip().splitlines()[-1]))
    return results


async def test_two_processes_write_claim_and_deliver_without_loss_or_duplicates(
    store: Store,
) -> None:
    n = 25
    for i in range(6):
        await store.create_escalation(
            chat_id=1000 + i, risk=0.8, reasons=[], excerpt=None, admin_chat_ids=[1, 2]
        )
    url = store.settings.effective_database_url
    a, b = await _run_children(url, n)
    # Messages: every write of both processes is there, once.
    assert len(set(a["ids"]) | set(b["ids"])) == 2 * n
    async with store._read() as session:
        count = await session.scalar(text("SELECT count(*) FROM messages WHERE chat_id = 1"))
    assert count == 2 * n
    # Idempotency: each update id claimed by exactly one process.
    assert sorted(a["claimed"] + b["claimed"]) == list(range(n))
    # Optimistic state: no increment lost.
    assert await store.get_state(chat_id=1) == {"counter": 2 * n}
    # Outbox: 12 jobs, each delivered by exactly one process.
    delivered = a["delivered"] + b["delivered"]
    assert sorted(delivered) == sorted(set(delivered)) and len(delivered) == 12
