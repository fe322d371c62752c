# ruff: noqa: F401, F811
# (pytest injects the imported fixtures by parameter name)
"""Repository behaviour on SQLite and PostgreSQL: users, consent, messages, state, idempotency,
escalations with their status machine, notes, audit and dashboard accounts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text
from store_fixtures import backend, postgres_session_url, sqlite_template, store, store_settings

from psylite.store import (
    AlreadyExists,
    ConsentStatus,
    EscalationStatus,
    IllegalTransition,
    NotFound,
    StateConflict,
    Store,
    migrate,
)
from psylite.store.models import utcnow


async def test_user_is_created_once_and_preferences_persist(store: Store) -> None:
    first = await store.get_or_create_user(chat_id=42, language="zh")
    again = await store.get_or_create_user(chat_id=42, language="en")
    assert first.chat_id == again.chat_id == 42
    assert again.language == "zh"  # an existing choice is not overwritten by a guess
    await store.set_language(chat_id=42, language="en")
    await store.set_humor(chat_id=42, enabled=False)
    await store.mark_blocked(chat_id=42)
    user = await store.get_user(chat_id=42)
    assert user is not None
    assert (user.language, user.humor_enabled, user.blocked) == ("en", False, True)
    assert user.created_at.tzinfo is not None
    assert await store.get_user(chat_id=7) is None


async def test_touch_moves_last_seen_forward(store: Store) -> None:
    before = await store.get_or_create_user(chat_id=1)
    await store.touch(chat_id=1)
    after = await store.get_user(chat_id=1)
    assert after is not None and after.last_seen_at >= before.last_seen_at


async def test_consent_is_per_policy_version_and_withdrawal_asks_again(store: Store) -> None:
    assert await store.consent_status(chat_id=5, policy_version="v1") is ConsentStatus.NONE
    await store.record_consent(chat_id=5, policy_version="v1", accepted=False)
    assert await store.consent_status(chat_id=5, policy_version="v1") is ConsentStatus.DECLINED
    await store.record_consent(chat_id=5, policy_version="v1", accepted=True)
    assert await store.consent_status(chat_id=5, policy_version="v1") is ConsentStatus.ACCEPTED
    # A new policy version must be asked again.
    assert await store.consent_status(chat_id=5, policy_version="v2") is ConsentStatus.NONE
    assert await store.withdraw_consent(chat_id=5) == 1
    assert await store.consent_status(chat_id=5, policy_version="v1") is ConsentStatus.NONE
    async with store._read() as session:
        row = (
            await session.execute(
                text("SELECT accepted_at, declined_at, withdrawn_at FROM consents")
            )
        ).one()
    assert all(row), "accepted, declined and withdrawn timestamps are all kept"


async def test_recent_messages_are_bounded_oldest_first_and_respect_reset(store: Store) -> None:
    for i in range(6):
        await store.add_message(
            chat_id=9,
            role="user" if i % 2 == 0 else "assistant",
            text=f"m{i}",
            route="counsel",
            risk=0.1,
        )
    await store.add_message(chat_id=10, role="user", text="other chat")
    recent = await store.recent_messages(chat_id=9, limit=4)
    assert [m.text for m in recent] == ["m2", "m3", "m4", "m5"]
    await store.reset_conversation(chat_id=9)
    assert await store.recent_messages(chat_id=9, limit=10) == []
    await store.add_message(chat_id=9, role="user", text="after reset")
    assert [m.text for m in await store.recent_messages(chat_id=9)] == ["after reset"]


async def test_message_ids_are_not_reused_after_purge_so_reset_stays_correct(store: Store) -> None:
    await store.add_message(chat_id=3, role="user", text="old")
    await store.reset_conversation(chat_id=3)
    await store.purge(older_than_days=1)  # nothing old enough: the boundary row stays
    async with store._write() as session:  # simulate retention removing the newest row
        await session.execute(text("DELETE FROM messages"))
    await store.add_message(chat_id=3, role="user", text="new")
    assert [m.text for m in await store.recent_messages(chat_id=3)] == ["new"]


async def test_unknown_role_is_rejected(store: Store) -> None:
    with pytest.raises(ValueError, match="role"):
        await store.add_message(chat_id=1, role="bot", text="x")


async def test_same_update_twice_stores_one_message_per_role(store: Store) -> None:
    a = await store.add_message(chat_id=1, role="user", text="hello", update_id=1001)
    b = await store.add_message(chat_id=1, role="user", text="hello", update_id=1001)
    c = await store.add_message(chat_id=1, role="assistant", text="hi", update_id=1001)
    assert a == b != c
    async with store._read() as session:
        n = await session.scalar(text("SELECT count(*) FROM messages WHERE update_id = 1001"))
    assert n == 2


async def test_claim_update_is_true_only_for_the_first_caller(store: Store) -> None:
    assert await store.claim_update(update_id=555) is True
    assert await store.claim_update(update_id=555) is False
    await store.release_update(update_id=555)  # processing failed: a retry may run
    assert await store.claim_update(update_id=555) is True


async def test_state_round_trip_and_stale_version_is_refused(store: Store) -> None:
    assert await store.get_state(chat_id=4) is None
    state = {"risk": 0.4, "turns_since_crisis": 2, "history": [0.1, 0.4]}
    v1 = await store.save_state(chat_id=4, state=state)
    assert await store.get_state(chat_id=4) == state
    got, version = await store.get_state_versioned(chat_id=4)
    assert (got, version) == (state, v1)
    v2 = await store.save_state(chat_id=4, state={"risk": 0.5}, expected_version=v1)
    assert v2 == v1 + 1
    with pytest.raises(StateConflict):
        await store.save_state(chat_id=4, state={"risk": 0.0}, expected_version=v1)
    with pytest.raises(StateConflict):
        await store.save_state(chat_id=4, state={"risk": 0.0}, expected_version=0)
    assert await store.get_state(chat_id=4) == {"risk": 0.5}


async def test_escalation_and_one_job_per_admin_are_committed_together(store: Store) -> None:
    esc = await store.create_escalation(
        chat_id=77,
        risk=0.95,
        reasons=["plan", "means"],
        excerpt="x" * 5000,
        admin_chat_ids=[1, 2, 2],
        update_id=9001,
    )
    assert esc.status is EscalationStatus.OPEN
    assert esc.reasons == ("plan", "means")
    assert esc.excerpt is not None and len(esc.excerpt) == 500  # bounded
    # Visible from a different connection: it is committed.
    other = Store(store.settings)
    await other.initialize()
    try:
        assert (await other.get_escalation(escalation_id=esc.id)) is not None
        async with other._read() as session:
            keys = sorted(
                (await session.execute(text("SELECT idempotency_key FROM outbox"))).scalars()
            )
    finally:
        await other.shutdown()
    assert keys == [f"escalation:{esc.id}:notify:1", f"escalation:{esc.id}:notify:2"]


async def test_same_update_creates_one_escalation_and_no_extra_jobs(store: Store) -> None:
    kw = dict(chat_id=8, risk=0.9, reasons=["r"], excerpt="e", admin_chat_ids=[1], update_id=42)
    a = await store.create_escalation(**kw)
    b = await store.create_escalation(**kw)
    assert a.id == b.id
    assert await store.outbox_backlog() == 1
    assert len(await store.list_escalations()) == 1


async def test_escalations_are_listed_open_first_by_risk_then_age(store: Store) -> None:
    low = await store.create_escalation(
        chat_id=1, risk=0.6, reasons=[], excerpt=None, admin_chat_ids=[]
    )
    high_old = await store.create_escalation(
        chat_id=2, risk=0.9, reasons=[], excerpt=None, admin_chat_ids=[]
    )
    high_new = await store.create_escalation(
        chat_id=3, risk=0.9, reasons=[], excerpt=None, admin_chat_ids=[]
    )
    done = await store.create_escalation(
        chat_id=4, risk=1.0, reasons=[], excerpt=None, admin_chat_ids=[]
    )
    await store.transition(escalation_id=done.id, to="resolved", actor="web:alice")
    ids = [e.id for e in await store.list_escalations()]
    assert ids == [high_old.id, high_new.id, low.id, done.id]
    assert [e.id for e in await store.list_escalations(status="open")] == ids[:3]
    assert [e.id for e in await store.list_escalations(status=["resolved"])] == [done.id]
    assert [e.id for e in await store.list_escalations(chat_id=1)] == [low.id]
    assert await store.escalation_counts() == {"open": 3, "acknowledged": 0, "resolved": 1}


async def test_status_machine_allows_the_documented_moves_and_audits_each(store: Store) -> None:
    esc = await store.create_escalation(
        chat_id=1, risk=0.9, reasons=[], excerpt="e", admin_chat_ids=[]
    )
    acked = await store.transition(escalation_id=esc.id, to="acknowledged", actor="tg:100")
    assert acked.status is EscalationStatus.ACKNOWLEDGED and acked.acknowledged_by == "tg:100"
    resolved = await store.transition(
        escalation_id=esc.id, to=EscalationStatus.RESOLVED, actor="web:bob", note="called back"
    )
    assert resolved.resolved_by == "web:bob" and resolved.acknowledged_by == "tg:100"
    reopened = await store.transition(escalation_id=esc.id, to="open", actor="web:bob")
    assert reopened.status is EscalationStatus.OPEN and reopened.resolved_at is None
    direct = await store.transition(escalation_id=esc.id, to="resolved", actor="tg:200")
    # Resolving an open case records the acknowledgement too (time-to-ack stays meaningful).
    assert direct.acknowledged_by == "tg:200" and direct.acknowledged_at is not None
    detail = await store.get_escalation(escalation_id=esc.id)
    assert detail is not None and [n.text for n in detail.notes] == ["called back"]
    actions = [a.action for a in await store.list_audit(target=f"escalation:{esc.id}")]
    assert actions == [
        "escalation.resolve",
        "escalation.reopen",
        "escalation.resolve",
        "escalation.acknowledge",
        "escalation.create",
    ]


@pytest.mark.parametrize(
    ("path", "illegal"),
    [
        ([], "open"),  # open -> open
        (["acknowledged"], "acknowledged"),
        (["acknowledged"], "open"),  # un-acknowledging is refused (see escalations.py)
        (["resolved"], "acknowledged"),
        (["resolved"], "resolved"),
    ],
)
async def test_illegal_transitions_are_rejected_and_change_nothing(
    store: Store, path: list[str], illegal: str
) -> None:
    esc = await store.create_escalation(
        chat_id=1, risk=0.9, reasons=[], excerpt=None, admin_chat_ids=[]
    )
    for step in path:
        await store.transition(escalation_id=esc.id, to=step, actor="a")
    before = await store.get_escalation(escalation_id=esc.id)
    audit_before = len(await store.list_audit())
    with pytest.raises(IllegalTransition) as info:
        await store.transition(escalation_id=esc.id, to=illegal, actor="b", note="n")
    assert info.value.current == (path[-1] if path else "open")
    assert await store.get_escalation(escalation_id=esc.id) == before
    assert len(await store.list_audit()) == audit_before


async def test_transition_of_missing_escalation_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        await store.transition(escalation_id=999, to="acknowledged", actor="a")
    with pytest.raises(NotFound):
        await store.add_note(escalation_id=999, actor="a", text="x")
    with pytest.raises(ValueError):
        await store.transition(escalation_id=1, to="closed", actor="a")


async def test_audit_filters(store: Store) -> None:
    await store.add_audit(actor="web:alice", action="admin.login", target="admin:alice")
    await store.add_audit(actor="web:bob", action="admin.login", target="admin:bob")
    await store.add_audit(actor="web:bob", action="escalation.note", target="escalation:1")
    assert [a.actor for a in await store.list_audit(action="admin.login")] == [
        "web:bob",
        "web:alice",
    ]
    assert len(await store.list_audit(actor="web:bob")) == 2
    assert len(await store.list_audit(action="admin.*")) == 2
    assert len(await store.list_audit(target="escalation:1")) == 1
    assert await store.list_audit(since=utcnow() + timedelta(minutes=1)) == []
    assert len(await store.list_audit(limit=1, offset=2)) == 1


async def test_due_reminders_enqueue_one_round_per_interval(store: Store) -> None:
    esc = await store.create_escalation(
        chat_id=1, risk=0.9, reasons=[], excerpt=None, admin_chat_ids=[10]
    )
    acked = await store.create_escalation(
        chat_id=2, risk=0.9, reasons=[], excerpt=None, admin_chat_ids=[10]
    )
    await store.transition(escalation_id=acked.id, to="acknowledged", actor="a")
    assert await store.due_reminders(older_than=timedelta(minutes=5)) == []
    assert [e.id for e in await store.due_reminders(older_than=timedelta(0))] == [esc.id]
    reminded = await store.enqueue_reminders(older_than=timedelta(0), admin_chat_ids=[10, 11])
    assert reminded == [esc.id]
    # The clock restarted: not due again within the interval.
    assert await store.enqueue_reminders(older_than=timedelta(minutes=5), admin_chat_ids=[10]) == []
    async with store._read() as session:
        keys = sorted(
            (
                await session.execute(
                    text("SELECT idempotency_key FROM outbox WHERE idempotency_key LIKE '%remind%'")
                )
            ).scalars()
        )
    assert keys == [f"escalation:{esc.id}:remind:1:10", f"escalation:{esc.id}:remind:1:11"]


async def test_dashboard_numbers(store: Store) -> None:
    start = utcnow() - timedelta(hours=1)
    await store.add_message(chat_id=1, role="user", text="a", route="counsel")
    await store.add_message(chat_id=1, role="user", text="b", route="counsel")
    await store.add_message(chat_id=1, role="assistant", text="c", route="counsel")
    await store.add_message(chat_id=2, role="user", text="d", route="crisis")
    series = await store.route_counts(since=start, bucket="hour")
    assert {(route, n) for _, route, n in series} == {("counsel", 2), ("crisis", 1)}
    assert all(b.tzinfo is not None and b <= utcnow() for b, _, _ in series)
    assert await store.median_time_to_acknowledge() is None
    esc = await store.create_escalation(
        chat_id=2, risk=0.9, reasons=[], excerpt=None, admin_chat_ids=[]
    )
    await store.transition(escalation_id=esc.id, to="acknowledged", actor="a")
    median = await store.median_time_to_acknowledge()
    assert median is not None and 0 <= median < 60


async def test_admin_accounts(store: Store) -> None:
    assert await store.create_admin_account(username="alice", password_hash="h1") is True
    with pytest.raises(AlreadyExists):
        await store.create_admin_account(username="alice", password_hash="h2")
    assert (
        await store.create_admin_account(username="alice", password_hash="h2", replace=True)
        is False
    )
    await store.update_admin_account(username="alice", logged_in=True, active=False)
    acct = await store.get_admin_account(username="alice")
    assert acct is not None
    assert (acct.password_hash, acct.active, acct.last_login_at is not None) == ("h2", False, True)
    assert [a.username for a in await store.list_admin_accounts()] == ["alice"]
    with pytest.raises(NotFound):
        await store.update_admin_account(username="nobody", active=True)


async def test_ping_and_describe(store: Store) -> None:
    await store.ping()
    line = await store.describe()
    head = migrate.head_revision()
    assert (f"revision {head}" in line and "***" in line) or "sqlite" in line
