# ruff: noqa: F401, F811
# (pytest injects the imported fixtures by parameter name)
"""A journalled escalation is stored once, however often the journal is replayed: after a
crash between the database write and the journal rewrite, by two processes at once, for a
message with no Telegram update id (web chat, console, API) — on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from store_fixtures import (
    backend,
    make_settings,
    postgres_session_url,
    sqlite_template,
    store,
    store_settings,
)

from psylite.llm.fake import FakeLLM
from psylite.pipeline import Turn
from psylite.services import Services, build_services
from psylite.settings import Settings
from psylite.store import Store

ADMINS = [901, 902]
CRISIS_ZH = "我不想活了，药都准备好了"


async def _rows(store: Store) -> tuple[list[tuple[int, int | None, str | None]], list[str]]:
    """(id, update_id, journal_id) of every escalation, and every outbox idempotency key."""
    async with store._read() as session:
        escs = (
            await session.execute(
                text("SELECT id, update_id, journal_id FROM escalations ORDER BY id")
            )
        ).all()
        keys = (await session.execute(text("SELECT idempotency_key FROM outbox"))).scalars()
        return [tuple(r) for r in escs], sorted(keys)


def _notify_keys(escalation_id: int) -> list[str]:
    return sorted(f"escalation:{escalation_id}:notify:{a}" for a in ADMINS)


@pytest.fixture
def admin_settings(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """A migrated, empty database of `backend` with two admins to notify."""
    return make_settings(backend, request, tmp_path, admin_chat_ids=ADMINS)


@pytest.fixture
async def services(admin_settings: Settings) -> AsyncIterator[Services]:
    sv = build_services(admin_settings, llm=FakeLLM())
    await sv.initialize()
    yield sv
    await sv.shutdown()


async def _journal_a_crisis_without_update_id(sv: Services, chat_id: int) -> None:
    await sv.store.shutdown()  # the database goes away
    reply = await sv.pipeline.handle(Turn(chat_id=chat_id, text=CRISIS_ZH, channel="web"))
    assert reply.route == "crisis" and reply.journalled
    [record] = sv.journal.pending()
    assert record["update_id"] is None and record["journal_id"]
    await sv.store.initialize()  # it comes back


async def test_replaying_a_journal_again_after_a_crash_stores_one_escalation_without_update_id(
    services: Services,
) -> None:
    await _journal_a_crisis_without_update_id(services, chat_id=41)
    left_by_crash = services.journal.path.read_bytes()

    assert await services.replay_journal() == 1
    # The process died after the database write, before the journal was rewritten:
    services.journal.path.write_bytes(left_by_crash)
    assert await services.replay_journal() == 1
    assert services.journal.pending() == []

    escs, keys = await _rows(services.store)
    assert [(update_id, len(jid or "")) for _, update_id, jid in escs] == [(None, 32)]
    assert keys == _notify_keys(escs[0][0])  # one notification per admin, not two
    assert [e.chat_id for e in await services.store.list_escalations()] == [41]


async def test_two_processes_replaying_one_journal_store_one_escalation(
    services: Services,
) -> None:
    await _journal_a_crisis_without_update_id(services, chat_id=42)
    # A second replica on the same data dir and database reads the same journal file.
    other = build_services(services.settings, llm=FakeLLM())
    await other.store.initialize()
    try:
        replayed = await asyncio.gather(services.replay_journal(), other.replay_journal())
    finally:
        await other.store.shutdown()
    assert replayed == [1, 1]  # both wrote the record: the race really happened

    escs, keys = await _rows(services.store)
    assert len(escs) == 1
    assert keys == _notify_keys(escs[0][0])


def _kw(**over: Any) -> dict[str, Any]:
    kw: dict[str, Any] = dict(
        chat_id=7, risk=0.9, reasons=["r"], excerpt="e", admin_chat_ids=ADMINS, update_id=None
    )
    return kw | over


async def test_same_journal_id_twice_returns_the_first_escalation_and_no_new_jobs(
    store: Store,
) -> None:
    a = await store.create_escalation(**_kw(journal_id="a" * 32))
    b = await store.create_escalation(**_kw(journal_id="a" * 32, risk=0.5, excerpt="later"))
    assert b.id == a.id and b.risk == a.risk and b.excerpt == "e"
    assert await store.outbox_backlog() == len(ADMINS)
    assert len(await store.list_audit(action="escalation.create")) == 1


async def test_different_journal_ids_without_update_id_are_different_escalations(
    store: Store,
) -> None:
    a = await store.create_escalation(**_kw(journal_id="a" * 32))
    b = await store.create_escalation(**_kw(journal_id="b" * 32))
    c = await store.create_escalation(**_kw())  # neither key: never deduplicated
    d = await store.create_escalation(**_kw())
    assert len({a.id, b.id, c.id, d.id}) == 4
    assert await store.outbox_backlog() == 4 * len(ADMINS)


async def test_redelivered_update_with_a_fresh_journal_id_returns_the_first_escalation(
    store: Store,
) -> None:
    # Each pipeline attempt mints a new journal id; the update id still identifies the message.
    a = await store.create_escalation(**_kw(update_id=77, journal_id="a" * 32))
    b = await store.create_escalation(**_kw(update_id=77, journal_id="b" * 32))
    c = await store.create_escalation(**_kw(update_id=78, journal_id="a" * 32))
    assert a.id == b.id == c.id
    assert await store.outbox_backlog() == len(ADMINS)


async def test_racing_replays_of_one_journal_id_on_two_stores_make_one(store: Store) -> None:
    other = Store(store.settings)
    await other.initialize()
    kw = _kw(journal_id="c" * 32)
    try:
        results = await asyncio.gather(
            *(s.create_escalation(**kw) for _ in range(3) for s in (store, other))
        )
    finally:
        await other.shutdown()
    assert len({e.id for e in results}) == 1
    assert await store.outbox_backlog() == len(ADMINS)
