"""The outbox: notification jobs committed with the data they announce, delivered later.

`OutboxWorker(store, deliver)` claims due jobs atomically (PostgreSQL: `FOR UPDATE SKIP
LOCKED`; SQLite: a conditional UPDATE under the write lock) with a lease, calls
`deliver(job)`, and marks the job delivered. A failure is retried with exponential backoff
and jitter; `PermanentDeliveryError` or `max_attempts` failures park the job. All state is in
the database, so a restarted worker picks up where the last one stopped. Each job is one
(escalation, admin, purpose) thanks to its idempotency key, and a job is handed to one
worker at a time; the only way a job is delivered twice is a crash between the send and the
commit that follows it (deliver gets `job.idempotency_key` to let a receiver de-duplicate).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import uuid
from collections.abc import Awaitable, Callable, Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import func, or_, select, update

from psylite.store import models as m
from psylite.store.escalations import EscalationsMixin
from psylite.store.models import utcnow
from psylite.store.types import NotFound, OutboxItem

log = logging.getLogger(__name__)

Deliver = Callable[[OutboxItem], Awaitable[None]]


class PermanentDeliveryError(Exception):
    """Raised by a deliver callable when retrying cannot help (chat not found, bot blocked)."""


class RetryLater(Exception):
    """Raised by a deliver callable to be retried after `after` seconds (e.g. Telegram 429)."""

    def __init__(self, after: float, message: str = "") -> None:
        super().__init__(message or f"retry after {after:.0f}s")
        self.after = after


def _item(row: Any) -> OutboxItem:
    return OutboxItem(
        id=row.id,
        kind=row.kind,
        idempotency_key=row.idempotency_key,
        target_chat_id=row.target_chat_id,
        escalation_id=row.escalation_id,
        payload=dict(row.payload),
        attempts=row.attempts,
        created_at=row.created_at,
    )


class OutboxMixin(EscalationsMixin):
    async def enqueue(
        self,
        *,
        kind: str,
        target_chat_id: int,
        idempotency_key: str,
        payload: dict[str, Any],
        escalation_id: int | None = None,
    ) -> bool:
        """Add a job; False if one with this idempotency key exists already."""
        async with self._write() as session:
            created = await self._enqueue(
                session,
                kind=kind,
                key=idempotency_key,
                target_chat_id=target_chat_id,
                payload=payload,
                escalation_id=escalation_id,
                now=utcnow(),
            )
        if created:
            self.outbox_wakeup.set()
        return created

    async def claim_jobs(
        self, *, worker_id: str, limit: int = 10, lease: timedelta = timedelta(seconds=60)
    ) -> list[OutboxItem]:
        """Atomically take up to `limit` due jobs for `lease`; counts one attempt each."""
        now = utcnow()
        j = m.OutboxJob
        due = (
            j.delivered_at.is_(None),
            j.parked_at.is_(None),
            j.next_attempt_at <= now,
            or_(j.locked_until.is_(None), j.locked_until < now),
        )
        # SKIP LOCKED: concurrent claimers take different rows instead of the same ones.
        # (SQLite renders no FOR UPDATE; its write lock already serializes this statement.)
        picked = (
            select(j.id)
            .where(*due)
            .order_by(j.next_attempt_at, j.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
            .scalar_subquery()
        )
        stmt = (
            update(j)
            .where(j.id.in_(picked), *due)  # re-checked after a lock wait on PostgreSQL
            .values(locked_until=now + lease, locked_by=worker_id, attempts=j.attempts + 1)
            .returning(*j.__table__.c)
            .execution_options(synchronize_session=False)
        )
        async with self._write() as session:
            rows = (await session.execute(stmt)).all()
        return sorted((_item(r) for r in rows), key=lambda item: item.id)

    async def complete_job(self, *, job_id: int) -> None:
        async with self._write() as session:
            await session.execute(
                update(m.OutboxJob)
                .where(m.OutboxJob.id == job_id)
                .values(delivered_at=utcnow(), locked_until=None, last_error=None)
            )

    async def fail_job(self, *, job_id: int, error: str, retry_in: float | None) -> None:
        """Record a failed attempt: retry after `retry_in` seconds, or park it (None)."""
        now = utcnow()
        values: dict[str, Any] = {"locked_until": None, "last_error": error[:1000]}
        if retry_in is None:
            values["parked_at"] = now
        else:
            values["next_attempt_at"] = now + timedelta(seconds=retry_in)
        async with self._write() as session:
            await session.execute(
                update(m.OutboxJob).where(m.OutboxJob.id == job_id).values(**values)
            )

    async def outbox_backlog(self) -> int:
        """Jobs not yet delivered and not parked."""
        j = m.OutboxJob
        async with self._read() as session:
            n = await session.scalar(
                select(func.count())
                .select_from(j)
                .where(j.delivered_at.is_(None), j.parked_at.is_(None))
            )
        return int(n or 0)

    async def list_parked_jobs(self, *, limit: int = 100) -> list[tuple[OutboxItem, str | None]]:
        """Parked jobs with their last error, newest first."""
        j = m.OutboxJob
        async with self._read() as session:
            rows = (
                await session.execute(
                    select(*j.__table__.c)
                    .where(j.parked_at.is_not(None))
                    .order_by(j.parked_at.desc())
                    .limit(limit)
                )
            ).all()
        return [(_item(r), r.last_error) for r in rows]

    async def requeue_job(self, *, job_id: int) -> None:
        """Give a parked job a fresh set of attempts."""
        j = m.OutboxJob
        async with self._write() as session:
            result = await session.execute(
                update(j)
                .where(j.id == job_id, j.delivered_at.is_(None))
                .values(parked_at=None, attempts=0, next_attempt_at=utcnow(), locked_until=None)
            )
            if not result.rowcount:
                raise NotFound(f"no undelivered outbox job #{job_id}")
        self.outbox_wakeup.set()


class OutboxWorker:
    """Delivers outbox jobs; `start()`/`stop()` around the process, or `run_once()` in tests."""

    def __init__(
        self,
        store: OutboxMixin,
        deliver: Deliver,
        *,
        worker_id: str | None = None,
        batch_size: int = 10,
        lease: timedelta = timedelta(seconds=60),
        max_attempts: int = 8,
        base_delay: float = 2.0,
        max_delay: float = 600.0,
        poll_interval: float = 2.0,
        remind_after: timedelta | None = None,
        admin_chat_ids: Sequence[int] = (),
    ) -> None:
        self.store = store
        self.deliver = deliver
        self.worker_id = worker_id or f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.batch_size = batch_size
        self.lease = lease
        self.max_attempts = max_attempts
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.poll_interval = poll_interval
        self.remind_after = remind_after
        self.admin_chat_ids = list(admin_chat_ids)
        self._task: asyncio.Task[None] | None = None
        self._stopping = asyncio.Event()

    def backoff(self, attempts: int) -> float:
        """Seconds before the next try after `attempts` failures: exponential with jitter."""
        delay = min(self.max_delay, self.base_delay * 2 ** max(0, attempts - 1))
        return delay * random.uniform(0.8, 1.2)

    async def run_once(self) -> int:
        """Enqueue due reminders, then claim and deliver one batch; returns jobs delivered."""
        if self.remind_after is not None and self.admin_chat_ids:
            await self.store.enqueue_reminders(
                older_than=self.remind_after, admin_chat_ids=self.admin_chat_ids
            )
        jobs = await self.store.claim_jobs(
            worker_id=self.worker_id, limit=self.batch_size, lease=self.lease
        )
        delivered = 0
        for job in jobs:
            delivered += await self._deliver_one(job)
        return delivered

    async def _deliver_one(self, job: OutboxItem) -> int:
        try:
            # Finish well inside the lease, or another worker could take the job meanwhile.
            async with asyncio.timeout(self.lease.total_seconds() * 0.8):
                await self.deliver(job)
        except asyncio.CancelledError:
            raise
        except PermanentDeliveryError as err:
            log.warning("outbox: job %d (%s) parked: %s", job.id, job.kind, err)
            await self.store.fail_job(job_id=job.id, error=_describe(err), retry_in=None)
            return 0
        except Exception as err:
            if job.attempts >= self.max_attempts:
                log.error(
                    "outbox: job %d (%s) parked after %d attempts: %s",
                    job.id,
                    job.kind,
                    job.attempts,
                    _describe(err),
                )
                await self.store.fail_job(job_id=job.id, error=_describe(err), retry_in=None)
                return 0
            retry_in = err.after if isinstance(err, RetryLater) else self.backoff(job.attempts)
            log.warning(
                "outbox: job %d (%s) attempt %d failed, retry in %.1fs: %s",
                job.id,
                job.kind,
                job.attempts,
                retry_in,
                _describe(err),
            )
            await self.store.fail_job(job_id=job.id, error=_describe(err), retry_in=retry_in)
            return 0
        await self.store.complete_job(job_id=job.id)
        log.info("outbox: job %d (%s) delivered", job.id, job.kind)
        return 1

    async def run(self) -> None:
        """Loop until stop(): deliver, then sleep until woken by a new job or the poll interval."""
        while not self._stopping.is_set():
            try:
                self.store.outbox_wakeup.clear()
                delivered = await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception:
                # The database may be down for a while; keep trying, never die silently.
                log.exception("outbox: delivery round failed")
                delivered = 0
            if delivered >= self.batch_size:
                continue  # more may be waiting
            waits = {
                asyncio.ensure_future(self.store.outbox_wakeup.wait()),
                asyncio.ensure_future(self._stopping.wait()),
            }
            _, pending = await asyncio.wait(
                waits, timeout=self.poll_interval, return_when=asyncio.FIRST_COMPLETED
            )
            for waiter in pending:
                waiter.cancel()

    def start(self) -> None:
        """Run in the background of the current event loop."""
        if self._task is None:
            self._stopping.clear()
            self._task = asyncio.create_task(self.run(), name="psylite-outbox")

    async def stop(self) -> None:
        """Let the current delivery finish, then stop."""
        self._stopping.set()
        if self._task is not None:
            try:
                await asyncio.wait_for(self._task, timeout=self.lease.total_seconds())
            except TimeoutError:
                self._task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await self._task
            self._task = None


def _describe(err: BaseException) -> str:
    # Exception text from Telegram/HTTP clients carries no user text; keep it short.
    return f"{type(err).__name__}: {err}"[:500]
