# ruff: noqa: F811  (pytest injects the imported fixtures by parameter name)
"""Fault: the database is unavailable when a crisis arrives (a real PostgreSQL, cut off by a
TCP gate on loopback, so the driver sees a real dropped connection / refused connect).

The crisis reply is still given, at once; the escalation goes to the local journal and is
replayed into the database when it is back — by the running endpoint or at the next start —
with its admin notifications, exactly once, nothing lost.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path

import openai
import pytest
from deploy_fixtures import API_KEY, CRISIS_EN, CRISIS_ZH, TcpGate, serve_app, serve_settings
from sqlalchemy.engine import make_url
from store_fixtures import postgres_session_url, truncate_all  # noqa: F401

from psylite.llm.fake import FakeLLM
from psylite.pipeline import Turn
from psylite.safety import crisis_reply
from psylite.services import build_services
from psylite.settings import Settings
from psylite.store import Store

ADMINS = [901, 902]


@pytest.fixture
async def gate(postgres_session_url: str) -> AsyncIterator[TcpGate]:
    url = make_url(postgres_session_url)
    g = TcpGate(url.host or "127.0.0.1", url.port or 5432)
    await g.start()
    try:
        yield g
    finally:
        await g.close()


@pytest.fixture
async def urls(postgres_session_url: str, gate: TcpGate) -> tuple[str, str]:
    """(direct URL, URL through the gate) of an empty, migrated PostgreSQL database."""
    await truncate_all(postgres_session_url)
    gated = make_url(postgres_session_url).set(port=gate.port)
    return postgres_session_url, gated.render_as_string(hide_password=False)


def _settings(data_dir: Path, url: str) -> Settings:
    return serve_settings(data_dir, database_url=url, admin_chat_ids=ADMINS)


async def _db_view(direct_url: str) -> tuple[list, int]:  # type: ignore[type-arg]
    """Escalations and the outbox backlog, read straight from PostgreSQL (not via the gate)."""
    store = Store(Settings(database_url=direct_url, environment="test"))
    await store.initialize()
    try:
        return await store.list_escalations(), await store.outbox_backlog()
    finally:
        await store.shutdown()


async def test_crisis_during_an_outage_is_answered_journalled_and_replayed_exactly_once(
    data_dir: Path, gate: TcpGate, urls: tuple[str, str]
) -> None:
    direct, gated = urls
    services = build_services(_settings(data_dir, gated), llm=FakeLLM())
    await services.initialize()
    try:
        await gate.cut()  # PostgreSQL is gone: open connections drop, new ones are refused
        texts = {11: CRISIS_EN, 12: CRISIS_ZH, 13: CRISIS_EN}
        for n, (chat, text) in enumerate(texts.items()):
            started = time.monotonic()
            reply = await services.pipeline.handle(Turn(chat_id=chat, text=text, update_id=500 + n))
            assert time.monotonic() - started < 5.0
            assert reply.route == "crisis" and reply.journalled and reply.escalation_id is None
            assert reply.text == crisis_reply("zh" if chat == 12 else "en")
        assert len(services.journal.pending()) == 3
        assert await services.replay_journal() == 0  # still down: kept, not dropped
        assert len(services.journal.pending()) == 3

        await gate.restore()
        assert await services.replay_journal() == 3
        assert services.journal.pending() == []
        # A crash between the writes and the journal's truncation would replay again:
        # the escalations are keyed by update id, so that duplicates nothing.
        for n, (chat, text) in enumerate(texts.items()):
            await services.pipeline._write_escalation(
                {"chat_id": chat, "risk": 1.0, "reasons": [], "excerpt": text, "update_id": 500 + n}
            )
    finally:
        await services.shutdown()
    escalations, backlog = await _db_view(direct)
    assert sorted((e.chat_id, e.update_id) for e in escalations) == [
        (11, 500),
        (12, 501),
        (13, 502),
    ]
    assert backlog == len(escalations) * len(ADMINS)  # one notification per admin each


async def test_journal_left_by_a_process_is_replayed_at_the_next_start(
    data_dir: Path, gate: TcpGate, urls: tuple[str, str]
) -> None:
    direct, gated = urls
    first = build_services(_settings(data_dir, gated), llm=FakeLLM())
    await first.initialize()
    await gate.cut()
    reply = await first.pipeline.handle(Turn(chat_id=21, text=CRISIS_EN, update_id=601))
    assert reply.journalled
    await first.shutdown()  # the process ends while the database is still down

    await gate.restore()
    second = build_services(_settings(data_dir, gated), llm=FakeLLM())
    await second.initialize()  # replays the journal before serving
    await second.shutdown()
    escalations, _ = await _db_view(direct)
    assert [(e.chat_id, e.update_id) for e in escalations] == [(21, 601)]


async def test_running_endpoint_replays_the_journal_when_the_database_returns(
    data_dir: Path, gate: TcpGate, urls: tuple[str, str]
) -> None:
    direct, gated = urls
    async with serve_app(
        _settings(data_dir, gated), FakeLLM(), journal_replay_interval=0.2
    ) as server:
        client = openai.AsyncOpenAI(base_url=server.base_url, api_key=API_KEY, max_retries=0)
        await gate.cut()
        crisis = await client.chat.completions.create(
            model="psylite", messages=[{"role": "user", "content": CRISIS_EN}], user="gina"
        )
        assert crisis.choices[0].message.content == crisis_reply("en")
        assert crisis.model_extra["psylite"]["journalled"] is True
        await gate.restore()
        for _ in range(100):
            if not server.services.journal.pending():
                break
            await asyncio.sleep(0.1)
        assert server.services.journal.pending() == []
    escalations, backlog = await _db_view(direct)
    assert len(escalations) == 1 and backlog == len(ADMINS)


async def test_a_hung_database_does_not_hold_up_the_crisis_reply(
    data_dir: Path, gate: TcpGate, urls: tuple[str, str]
) -> None:
    _, gated = urls
    services = build_services(_settings(data_dir, gated), llm=FakeLLM())
    await services.initialize()
    try:
        await gate.blackhole()  # connections are accepted and never answered
        started = time.monotonic()
        reply = await asyncio.wait_for(
            services.pipeline.handle(Turn(chat_id=31, text=CRISIS_EN, update_id=701)), 12
        )
        elapsed = time.monotonic() - started
        assert reply.text == crisis_reply("en") and reply.journalled
        assert elapsed < 8.0, f"crisis reply took {elapsed:.1f}s with a hung database"
    finally:
        await gate.restore()
        await services.shutdown()


async def test_turns_during_an_outage_are_held_and_stored_in_order_when_it_ends(
    data_dir: Path, gate: TcpGate, urls: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A slow or lost database must not lose what people said: the turns answered while it
    was gone are written, in order, once it is back — and the routing memory of a crisis
    during the outage holds meanwhile (the next turn is not judged as a fresh user's)."""
    monkeypatch.setattr("psylite.pipeline.STORE_BACKOFF_S", 0.5)
    monkeypatch.setattr("psylite.pipeline.HELD_RETRY_S", 0.2)
    direct, gated = urls
    services = build_services(_settings(data_dir, gated), llm=FakeLLM())
    await services.initialize()
    texts = [f"I feel a little tired today, note {i}" for i in range(3)]
    try:
        await services.pipeline.handle(Turn(chat_id=41, text="hello there", update_id=800))
        await gate.cut()
        for i, text in enumerate(texts):
            reply = await services.pipeline.handle(Turn(chat_id=41, text=text, update_id=801 + i))
            assert reply.route == "counsel" and reply.text == "echo: " + text
        crisis = await services.pipeline.handle(Turn(chat_id=42, text=CRISIS_EN, update_id=811))
        assert crisis.route == "crisis" and crisis.journalled
        after = await services.pipeline.handle(
            Turn(chat_id=42, text="haha thanks, that meme made me laugh", update_id=812)
        )
        assert after.risk >= 0.5, "the crisis was forgotten while the database was down"
        assert services.pipeline.held_rows == 2 * len(texts) + 4

        await gate.restore()
        for _ in range(100):
            if services.pipeline.held_rows == 0:
                break
            await asyncio.sleep(0.1)
        assert services.pipeline.held_rows == 0
    finally:
        await services.shutdown()
    store = Store(Settings(database_url=direct, environment="test"))
    await store.initialize()
    try:
        rows = await store.recent_messages(chat_id=41, limit=50)
        state = await store.get_state(chat_id=42)
    finally:
        await store.shutdown()
    assert [(r.role, r.text) for r in rows] == [
        ("user", "hello there"),
        ("assistant", "echo: hello there"),
        *[pair for t in texts for pair in (("user", t), ("assistant", "echo: " + t))],
    ]
    assert state is not None and state["crises"] == 1
