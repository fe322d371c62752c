# ruff: noqa: F401, F811
# (pytest injects the imported fixtures by parameter name)
"""The outbox worker on both backends: retries with backoff, parking, restarts, reminders."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import pytest
from sqlalchemy import text
from store_fixtures import backend, postgres_session_url, sqlite_template, store, store_settings

from psylite.store import (
    OutboxItem,
    OutboxWorker,
    PermanentDeliveryError,
    RetryLater,
    Store,
)
from psylite.store import outbox as outbox_module
from psylite.store.models import OutboxJob, utcnow


class Clock:
    """The outbox's idea of now: the real time plus an offset the test moves forward.

    Leases and backoff are compared with `utcnow()` in Python, so a test that waits for
    them with real sleeps fails on a loaded machine (CI once took longer than a 0.3 s lease
    to open a second Store). Steps here are minutes, so real seconds spent on a slow
    machine cannot tip a check; rows written by code that reads the real clock still agree.
    """

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return utcnow() + self.offset

    def advance(self, seconds: float) -> None:
        self.offset += timedelta(seconds=seconds)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    c = Clock()
    monkeypatch.setattr(outbox_module, "utcnow", c)
    return c


async def _escalate(store: Store, admins: list[int]) -> int:
    esc = await store.create_escalation(
        chat_id=1, risk=0.9, reasons=["r"], excerpt="e", admin_chat_ids=admins
    )
    return esc.id


async def _job_row(store: Store) -> dict:
    async with store._read() as session:
        row = (await session.execute(text("SELECT * FROM outbox ORDER BY id"))).mappings().first()
    assert row is not None
    return dict(row)


async def test_transient_failures_are_retried_with_growing_delays(
    store: Store, clock: Clock
) -> None:
    await _escalate(store, [10])
    calls: list[int] = []

    async def flaky(job: OutboxItem) -> None:
        calls.append(job.attempts)
        if len(calls) < 3:
            raise ConnectionError("telegram down")

    # base 100 s: the first retry is due 80-120 s later, the second 160-240 s after that.
    worker = OutboxWorker(store, flaky, base_delay=100, max_delay=1000)
    assert await worker.run_once() == 0
    row = await _job_row(store)
    assert row["attempts"] == 1 and "ConnectionError" in row["last_error"]
    assert await worker.run_once() == 0  # not due yet: the backoff holds it back
    clock.advance(50)
    assert await worker.run_once() == 0
    assert calls == [1]
    clock.advance(100)  # 150 s: past the first delay
    assert await worker.run_once() == 0
    assert calls == [1, 2]
    clock.advance(120)  # under the second, doubled delay
    assert await worker.run_once() == 0
    assert calls == [1, 2]
    clock.advance(150)  # 270 s after the second try
    assert await worker.run_once() == 1
    assert calls == [1, 2, 3]
    row = await _job_row(store)
    assert row["delivered_at"] is not None and row["last_error"] is None
    assert await store.outbox_backlog() == 0
    # Exponential: each step roughly doubles, with jitter, up to the cap.
    delays = [worker.backoff(n) for n in (1, 2, 3, 4)]
    assert 80 <= delays[0] <= 120 and 640 <= delays[3] <= 960
    assert OutboxWorker(store, flaky, base_delay=1, max_delay=5).backoff(30) <= 6


async def test_permanent_error_parks_the_job_and_requeue_revives_it(store: Store) -> None:
    await _escalate(store, [10])
    fail = True

    async def deliver(job: OutboxItem) -> None:
        if fail:
            raise PermanentDeliveryError("chat not found")

    worker = OutboxWorker(store, deliver)
    assert await worker.run_once() == 0
    assert await store.outbox_backlog() == 0
    ((job, error),) = await store.list_parked_jobs()
    assert "chat not found" in (error or "")
    fail = False
    await store.requeue_job(job_id=job.id)
    assert await worker.run_once() == 1


async def test_job_is_parked_after_max_attempts(store: Store) -> None:
    await _escalate(store, [10])

    async def broken(job: OutboxItem) -> None:
        raise RuntimeError("boom")

    worker = OutboxWorker(store, broken, max_attempts=3, base_delay=0)
    for _ in range(5):
        await worker.run_once()
    row = await _job_row(store)
    assert row["attempts"] == 3 and row["parked_at"] is not None


async def test_retry_later_waits_as_long_as_asked(store: Store) -> None:
    await _escalate(store, [10])

    async def limited(job: OutboxItem) -> None:
        raise RetryLater(30)

    before = utcnow()
    await OutboxWorker(store, limited).run_once()
    async with store._read() as session:
        row = await session.get(OutboxJob, 1)
    assert row is not None
    assert timedelta(seconds=29) <= row.next_attempt_at - before <= timedelta(seconds=32)


async def test_a_crashed_worker_job_is_delivered_once_after_its_lease(
    store: Store, clock: Clock
) -> None:
    await _escalate(store, [10, 20])
    # A worker claims both jobs and dies before delivering (no complete, no fail).
    claimed = await store.claim_jobs(worker_id="dead", limit=10, lease=timedelta(seconds=600))
    assert len(claimed) == 2
    delivered: list[str] = []

    async def deliver(job: OutboxItem) -> None:
        delivered.append(job.idempotency_key)

    # "Restart": a new Store and worker on the same database.
    fresh = Store(store.settings)
    await fresh.initialize()
    try:
        worker = OutboxWorker(fresh, deliver)
        clock.advance(300)
        assert await worker.run_once() == 0  # the lease still holds
        clock.advance(600)
        assert await worker.run_once() == 2
        assert await worker.run_once() == 0
    finally:
        await fresh.shutdown()
    assert sorted(delivered) == sorted(j.idempotency_key for j in claimed)


async def test_a_slow_delivery_times_out_inside_the_lease(store: Store) -> None:
    await _escalate(store, [10])

    async def hangs(job: OutboxItem) -> None:
        await asyncio.sleep(10)

    worker = OutboxWorker(store, hangs, lease=timedelta(seconds=0.2), base_delay=60)
    assert await worker.run_once() == 0
    row = await _job_row(store)
    assert row["delivered_at"] is None and "TimeoutError" in row["last_error"]


async def test_background_worker_wakes_for_a_new_escalation(store: Store) -> None:
    got: asyncio.Queue[OutboxItem] = asyncio.Queue()

    async def deliver(job: OutboxItem) -> None:
        await got.put(job)

    worker = OutboxWorker(store, deliver, poll_interval=30)
    worker.start()
    try:
        await asyncio.sleep(0.05)
        esc_id = await _escalate(store, [10])
        job = await asyncio.wait_for(got.get(), timeout=5)  # far sooner than the 30 s poll
    finally:
        await worker.stop()
    assert (job.kind, job.escalation_id, job.target_chat_id) == ("escalation.notify", esc_id, 10)
    assert job.idempotency_key == f"escalation:{esc_id}:notify:10"


async def test_worker_sends_reminders_for_unacknowledged_escalations(store: Store) -> None:
    esc_id = await _escalate(store, [10])
    kinds: list[tuple[str, int]] = []

    async def deliver(job: OutboxItem) -> None:
        kinds.append((job.kind, job.payload.get("reminder", 0)))

    worker = OutboxWorker(
        store, deliver, remind_after=timedelta(0), admin_chat_ids=[10], batch_size=10
    )
    await worker.run_once()
    await store.transition(escalation_id=esc_id, to="acknowledged", actor="a")
    await worker.run_once()
    assert sorted(kinds) == [("escalation.notify", 0), ("escalation.remind", 1)]


async def test_enqueue_is_idempotent_by_key(store: Store) -> None:
    kw = dict(kind="admin.error", target_chat_id=10, idempotency_key="err:1", payload={"n": 1})
    assert await store.enqueue(**kw) is True
    assert await store.enqueue(**kw) is False
    assert await store.outbox_backlog() == 1
