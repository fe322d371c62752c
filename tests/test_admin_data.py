"""The dashboard's data layer on both backends (SQLite and a real PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from store_fixtures import *  # noqa: F403  (pytest fixtures, both backends)

from psylite.admin import data
from psylite.llm.fake import FakeLLM
from psylite.services import build_services


async def test_overview_counts_routes_per_bucket_and_median_ack_on_both_backends(store_settings):
    services = build_services(
        store_settings.model_copy(update={"humor_enabled": False}), llm=FakeLLM()
    )
    await services.initialize()
    try:
        st = services.store
        for route in ("counsel", "counsel", "crisis", "humor"):
            await st.add_message(chat_id=11, role="user", text="t", route=route)
        await st.add_message(chat_id=11, role="assistant", text="reply", route="counsel")
        a = await st.create_escalation(
            chat_id=11, risk=0.9, reasons=["r"], excerpt="x", admin_chat_ids=[]
        )
        await st.create_escalation(
            chat_id=12, risk=0.7, reasons=["r"], excerpt="y", admin_chat_ids=[]
        )
        await st.transition(escalation_id=a.id, to="acknowledged", actor="web:alice")

        for days in (1, 7):
            ov = await data.overview(services, days=days)
            assert ov.open == 1 and ov.acknowledged == 1
            assert ov.acked_count == 1 and ov.median_ack is not None and ov.median_ack < 60
            assert ov.route_totals == {"crisis": 1, "refuse": 0, "counsel": 2, "humor": 1}
            assert ov.total_messages == 4  # assistant messages are not counted
            assert len(ov.series) >= (24 if days == 1 else 7)
            now_bucket = [counts for start, counts in ov.series if counts]
            assert now_bucket == [{"counsel": 2, "crisis": 1, "humor": 1}]
            starts = [s for s, _ in ov.series]
            assert starts == sorted(starts) and starts[-1] <= datetime.now(UTC)
            assert starts[0] >= datetime.now(UTC) - timedelta(days=days, hours=25)

        q = await data.queue(services, show="active")
        assert [i.status for i in q.items] == ["open", "acknowledged"]
        assert "escalation.acknowledge" in await data.audit_actions(services)
        assert await data.ping_db(services) == "ok"
    finally:
        await services.shutdown()
