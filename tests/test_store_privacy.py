# ruff: noqa: F401, F811
# (pytest injects the imported fixtures by parameter name)
"""Retention purge, user export and deletion, and encryption at rest, on both backends.
What must be gone is checked with raw SQL over every table."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta

import pytest
from pydantic import SecretStr
from sqlalchemy import text
from store_fixtures import (
    backend,
    postgres_session_url,
    sqlite_template,
    store,
    store_settings,
)

from psylite.errors import StoreError
from psylite.settings import Settings
from psylite.store import Store, generate_key, retention_loop
from psylite.store.models import Base

SECRET = "我的秘密-SECRET-7f3a"


async def _all_cells(store: Store) -> list[str]:
    """Every value of every row of every table, as text."""
    cells: list[str] = []
    async with store._read() as session:
        for table in Base.metadata.sorted_tables:
            for row in (await session.execute(text(f'SELECT * FROM "{table.name}"'))).all():
                cells.extend(str(v) for v in row)
    return cells


async def _count(store: Store, sql: str) -> int:
    async with store._read() as session:
        return int(await session.scalar(text(sql)) or 0)


async def _age(store: Store, table: str, column: str, days: int) -> None:
    """Pretend every row of `table` was written `days` earlier than it was."""
    if store.dialect == "sqlite":
        sql, arg = f'UPDATE "{table}" SET {column} = datetime({column}, :d)', f"-{days} days"
    else:
        sql, arg = f'UPDATE "{table}" SET {column} = {column} - make_interval(days => :d)', days
    async with store._write() as session:
        await session.execute(text(sql), {"d": arg})


async def test_purge_removes_old_messages_and_resolved_excerpts_only(store: Store) -> None:
    await store.add_message(chat_id=1, role="user", text=SECRET, route="counsel", update_id=1)
    await store.claim_update(update_id=1)
    done = await store.create_escalation(
        chat_id=1, risk=0.9, reasons=["r"], excerpt=SECRET, admin_chat_ids=[5]
    )
    still_open = await store.create_escalation(
        chat_id=2, risk=0.9, reasons=["r"], excerpt="open case", admin_chat_ids=[]
    )
    await store.complete_job(job_id=1)
    await store.transition(escalation_id=done.id, to="resolved", actor="a")
    for table, column in (
        ("messages", "created_at"),
        ("escalations", "resolved_at"),
        ("processed_updates", "claimed_at"),
        ("outbox", "delivered_at"),
    ):
        await _age(store, table, column, 40)
    await store.add_message(chat_id=1, role="user", text="recent")

    result = await store.purge(older_than_days=30)

    assert (result.messages, result.excerpts, result.processed_updates, result.outbox_jobs) == (
        1,
        1,
        1,
        1,
    )
    assert SECRET not in " ".join(await _all_cells(store))
    assert [m.text for m in await store.recent_messages(chat_id=1)] == ["recent"]
    kept = await store.get_escalation(escalation_id=still_open.id)
    assert kept is not None and kept.excerpt == "open case"  # open cases keep their excerpt
    purged = await store.get_escalation(escalation_id=done.id)
    assert purged is not None and purged.excerpt is None and purged.risk == 0.9
    audit = await store.list_audit(action="retention.purge")
    assert audit and audit[0].detail == {
        "messages": 1,
        "excerpts": 1,
        "processed_updates": 1,
        "outbox_jobs": 1,
    }


async def test_purge_uses_the_retention_setting_by_default(store: Store) -> None:
    await store.add_message(chat_id=1, role="user", text="x")
    await _age(store, "messages", "created_at", store.settings.retention_days - 1)
    assert (await store.purge()).messages == 0
    await _age(store, "messages", "created_at", 2)
    assert (await store.purge()).messages == 1


async def test_delete_user_leaves_only_a_text_free_escalation_skeleton(store: Store) -> None:
    victim, other = 424242, 515151
    await store.get_or_create_user(chat_id=victim, language="zh")
    await store.record_consent(chat_id=victim, policy_version="v1", accepted=True)
    await store.add_message(chat_id=victim, role="user", text=SECRET, update_id=77)
    await store.add_message(chat_id=victim, role="assistant", text=SECRET + " reply")
    await store.save_state(chat_id=victim, state={"last": SECRET})
    esc = await store.create_escalation(
        chat_id=victim,
        risk=0.97,
        reasons=[f"keyword:{SECRET}"],
        excerpt=SECRET,
        admin_chat_ids=[1],
    )
    await store.transition(escalation_id=esc.id, to="acknowledged", actor="tg:1", note=SECRET)
    await store.add_message(chat_id=other, role="user", text="keep me")

    result = await store.delete_user(chat_id=victim, actor="tg:424242")

    assert (result.messages, result.consents, result.escalations_redacted) == (2, 1, 1)
    cells = " ".join(await _all_cells(store))
    assert SECRET not in cells
    for table in ("messages", "consents", "conversation_states", "users", "escalations"):
        n = await _count(store, f'SELECT count(*) FROM "{table}" WHERE chat_id = {victim}')
        assert n == 0, table
    skeleton = await store.get_escalation(escalation_id=esc.id)
    assert skeleton is not None
    assert (skeleton.chat_id, skeleton.excerpt, skeleton.reasons, skeleton.notes) == (
        None,
        None,
        (),
        (),
    )
    assert (skeleton.risk, skeleton.status.value, skeleton.redacted) == (0.97, "acknowledged", True)
    assert await store.get_user(chat_id=victim) is None
    assert [m.text for m in await store.recent_messages(chat_id=other)] == ["keep me"]
    (entry,) = await store.list_audit(action="user.delete")
    assert (entry.actor, entry.target) == ("tg:424242", f"user:{victim}")


async def test_export_contains_everything_stored_about_the_user(store: Store) -> None:
    await store.get_or_create_user(chat_id=8, language="en")
    await store.record_consent(chat_id=8, policy_version="v1", accepted=True)
    await store.add_message(chat_id=8, role="user", text=SECRET, route="crisis", risk=0.9)
    await store.save_state(chat_id=8, state={"risk": 0.9})
    esc = await store.create_escalation(
        chat_id=8, risk=0.9, reasons=["r"], excerpt=SECRET, admin_chat_ids=[]
    )
    await store.add_note(escalation_id=esc.id, actor="web:a", text="called")
    await store.add_message(chat_id=9, role="user", text="someone else")

    data = await store.export_user(chat_id=8, actor="cli")

    json.dumps(data, ensure_ascii=False)  # JSON-ready
    assert data["user"]["language"] == "en"
    assert [c["status"] for c in data["consents"]] == ["accepted"]
    assert [m["text"] for m in data["messages"]] == [SECRET]
    assert data["conversation_state"] == {"risk": 0.9}
    assert data["escalations"][0]["excerpt"] == SECRET
    assert data["escalations"][0]["notes"][0]["text"] == "called"
    assert (await store.list_audit(action="user.export"))[0].target == "user:8"


def _with_key(settings: Settings, key: str | None) -> Settings:
    """The same database, opened with another PSYLITE_ENCRYPTION_KEY."""
    return settings.model_copy(update={"encryption_key": SecretStr(key) if key else None})


async def _open(settings: Settings, key: str | None) -> Store:
    s = Store(_with_key(settings, key))
    await s.initialize()
    return s


async def test_encryption_round_trip_stores_only_ciphertext(
    store_settings: Settings,
) -> None:
    s = await _open(store_settings, generate_key())
    try:
        await s.add_message(chat_id=1, role="user", text=SECRET)
        esc = await s.create_escalation(
            chat_id=1, risk=0.9, reasons=[], excerpt=SECRET, admin_chat_ids=[]
        )
        await s.add_note(escalation_id=esc.id, actor="a", text=SECRET)
        assert [m.text for m in await s.recent_messages(chat_id=1)] == [SECRET]
        got = await s.get_escalation(escalation_id=esc.id)
        assert got is not None and got.excerpt == SECRET and got.notes[0].text == SECRET
        assert SECRET not in " ".join(await _all_cells(s))
        async with s._read() as session:
            stored = [
                await session.scalar(text("SELECT text FROM messages")),
                await session.scalar(text("SELECT excerpt FROM escalations")),
                await session.scalar(text("SELECT text FROM escalation_notes")),
            ]
        assert all(v.startswith("enc:v1:") for v in stored)
    finally:
        await s.shutdown()


async def test_wrong_or_missing_key_is_a_clear_error(
    store_settings: Settings,
) -> None:
    s = await _open(store_settings, generate_key())
    await s.add_message(chat_id=1, role="user", text=SECRET)
    await s.shutdown()
    wrong = await _open(store_settings, generate_key())
    try:
        with pytest.raises(StoreError, match="cannot decrypt"):
            await wrong.recent_messages(chat_id=1)
    finally:
        await wrong.shutdown()
    plain = await _open(store_settings, None)
    try:
        with pytest.raises(StoreError, match="ENCRYPTION_KEY is not set"):
            await plain.recent_messages(chat_id=1)
    finally:
        await plain.shutdown()
    with pytest.raises(StoreError, match="not a Fernet key"):
        Store(_with_key(store_settings, "hunter2"))


async def test_key_rotation_reads_old_rows_then_reencrypts_everything(
    store_settings: Settings,
) -> None:
    old, new = generate_key(), generate_key()
    plain = await _open(store_settings, None)
    await plain.add_message(chat_id=1, role="user", text="written before encryption")
    await plain.shutdown()
    s = await _open(store_settings, old)
    await s.add_message(chat_id=1, role="user", text="under the old key")
    await s.shutdown()

    rotating = await _open(store_settings, f"{new},{old}")
    try:
        await rotating.add_message(chat_id=1, role="user", text="under the new key")
        texts = [m.text for m in await rotating.recent_messages(chat_id=1)]
        assert texts == ["written before encryption", "under the old key", "under the new key"]
        assert await rotating.rotate_encryption() == 2  # the plaintext row and the old-key row
        assert await rotating.rotate_encryption() == 0  # nothing left to do
    finally:
        await rotating.shutdown()

    only_new = await _open(store_settings, new)
    try:
        assert [m.text for m in await only_new.recent_messages(chat_id=1)] == texts
        assert (await only_new.list_audit(action="encryption.rotate"))[0].detail == {"rows": 0}
    finally:
        await only_new.shutdown()


async def test_retention_loop_purges_on_schedule_until_cancelled(store: Store) -> None:
    await store.add_message(chat_id=1, role="user", text="old")
    await _age(store, "messages", "created_at", store.settings.retention_days + 1)
    task = asyncio.create_task(retention_loop(store, interval=timedelta(seconds=0.05)))
    try:
        for _ in range(100):
            if len(await store.list_audit(action="retention.purge")) >= 2:
                break
            await asyncio.sleep(0.02)
    finally:
        task.cancel()
    runs = await store.list_audit(action="retention.purge")
    assert len(runs) >= 2  # it keeps running
    assert await store.recent_messages(chat_id=1) == []
