# ruff: noqa: F401, F811
# (pytest injects the imported fixtures by parameter name)
"""Migration 0002 (escalations.journal_id) goes up and down on a database that holds
escalations, notes and notification jobs without losing any of them, on SQLite and
PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect, text
from store_fixtures import backend, fresh_database_url

from psylite.settings import Settings
from psylite.store import Store, migrate, upgrade_to_head
from psylite.store.engine import create_engine, parse_url


async def _schema_and_counts(url: str) -> dict[str, Any]:
    engine = create_engine(parse_url(url), pool_size=1)

    def read(conn: Any) -> dict[str, Any]:
        insp = inspect(conn)
        counts = {
            t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
            for t in ("escalations", "escalation_notes", "outbox", "audit_log")
        }
        return {
            "columns": {c["name"] for c in insp.get_columns("escalations")},
            "journal_id_indexes": [
                (i["name"], bool(i["unique"]))
                for i in insp.get_indexes("escalations")
                if i["column_names"] == ["journal_id"]
            ],
            "counts": counts,
        }

    try:
        async with engine.connect() as conn:
            return await conn.run_sync(read)
    finally:
        await engine.dispose()


async def test_journal_id_migration_down_and_up_keeps_escalations_notes_and_jobs(
    fresh_database_url: str,
) -> None:
    settings = Settings(database_url=fresh_database_url, environment="test")
    assert await upgrade_to_head(settings) == "0002"
    store = Store(settings)
    await store.initialize()
    esc = await store.create_escalation(
        chat_id=3, risk=0.9, reasons=["r"], excerpt="e", admin_chat_ids=[1, 2], journal_id="a" * 32
    )
    await store.add_note(escalation_id=esc.id, actor="admin", text="called back")
    await store.shutdown()
    at_head = await _schema_and_counts(fresh_database_url)
    assert "journal_id" in at_head["columns"]
    assert at_head["journal_id_indexes"] == [("ix_escalations_journal_id", True)]
    kept = at_head["counts"]
    assert kept["escalation_notes"] == 1 and kept["outbox"] == 2

    # A table rebuild on SQLite would cascade-delete the notes and jobs: the counts prove none.
    await migrate.downgrade(settings, "0001")
    assert await migrate.current(settings) == "0001"
    at_0001 = await _schema_and_counts(fresh_database_url)
    assert "journal_id" not in at_0001["columns"]
    assert at_0001["journal_id_indexes"] == []
    assert at_0001["counts"] == kept

    await upgrade_to_head(settings)
    again = await _schema_and_counts(fresh_database_url)
    assert again["columns"] == at_head["columns"]
    assert again["journal_id_indexes"] == at_head["journal_id_indexes"]
    assert again["counts"] == kept

    # The re-added column is empty for old rows and deduplicates new replays again.
    store = Store(settings)
    await store.initialize()
    try:
        kw: dict[str, Any] = dict(
            chat_id=3, risk=0.9, reasons=[], excerpt=None, admin_chat_ids=[1], journal_id="b" * 32
        )
        first = await store.create_escalation(**kw)
        assert (await store.create_escalation(**kw)).id == first.id
        assert first.id != esc.id
        assert len(await store.list_escalations()) == 2
    finally:
        await store.shutdown()
