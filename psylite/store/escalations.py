"""Escalations (write-ahead with their outbox jobs), admin transitions, notes and the audit log.

Status machine (every change is audited, illegal ones raise IllegalTransition):

    open ──acknowledge──► acknowledged ──resolve──► resolved
      └──────────────resolve──────────────────────►    │
    open ◄────────────────re-open──────────────────────┘

Resolving an open escalation also records the acknowledgement (same admin, same time).
acknowledged → open is refused on purpose: once an admin has taken the case, handing it
back silently would hide it; they add a note or resolve it, and a resolved case can be
re-opened. Transitions are conditional UPDATEs, so two admins pressing buttons at the same
moment get one success and one IllegalTransition, never a lost update.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import case, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from psylite.store import models as m
from psylite.store.base import StoreBase
from psylite.store.models import utcnow
from psylite.store.types import (
    AuditRecord,
    Escalation,
    EscalationStatus,
    IllegalTransition,
    Note,
    NotFound,
)

EXCERPT_MAX_CHARS = 500
MAX_REASONS = 20
REASON_MAX_CHARS = 200
NOTE_MAX_CHARS = 4000

# to-status -> statuses it may be reached from
TRANSITIONS: dict[EscalationStatus, frozenset[EscalationStatus]] = {
    EscalationStatus.ACKNOWLEDGED: frozenset({EscalationStatus.OPEN}),
    EscalationStatus.RESOLVED: frozenset({EscalationStatus.OPEN, EscalationStatus.ACKNOWLEDGED}),
    EscalationStatus.OPEN: frozenset({EscalationStatus.RESOLVED}),
}
_ACTION = {
    EscalationStatus.ACKNOWLEDGED: "escalation.acknowledge",
    EscalationStatus.RESOLVED: "escalation.resolve",
    EscalationStatus.OPEN: "escalation.reopen",
}


def escalation_target(escalation_id: int) -> str:
    return f"escalation:{escalation_id}"


def _audit_record(row: m.AuditEntry) -> AuditRecord:
    return AuditRecord(
        id=row.id,
        at=row.at,
        actor=row.actor,
        action=row.action,
        target=row.target,
        detail=row.detail,
    )


class EscalationsMixin(StoreBase):
    def _escalation(self, row: m.Escalation, notes: Sequence[Note] = ()) -> Escalation:
        return Escalation(
            id=row.id,
            chat_id=row.chat_id,
            update_id=row.update_id,
            risk=row.risk,
            reasons=tuple(row.reasons or ()),
            excerpt=self.cipher.decrypt(row.excerpt) if row.excerpt is not None else None,
            status=EscalationStatus(row.status),
            created_at=row.created_at,
            updated_at=row.updated_at,
            acknowledged_at=row.acknowledged_at,
            acknowledged_by=row.acknowledged_by,
            resolved_at=row.resolved_at,
            resolved_by=row.resolved_by,
            last_notified_at=row.last_notified_at,
            reminders_sent=row.reminders_sent,
            redacted=row.redacted,
            notes=tuple(notes),
        )

    async def _enqueue(
        self,
        session: AsyncSession,
        *,
        kind: str,
        key: str,
        target_chat_id: int,
        payload: dict[str, Any],
        escalation_id: int | None,
        now: datetime,
    ) -> bool:
        result = await session.execute(
            self._insert(m.OutboxJob)
            .values(
                kind=kind,
                idempotency_key=key,
                target_chat_id=target_chat_id,
                escalation_id=escalation_id,
                payload=payload,
                attempts=0,
                next_attempt_at=now,
                created_at=now,
            )
            .on_conflict_do_nothing(index_elements=[m.OutboxJob.idempotency_key])
        )
        return bool(result.rowcount)

    # --- escalations -----------------------------------------------------------------------

    async def create_escalation(
        self,
        *,
        chat_id: int,
        risk: float,
        reasons: Sequence[str],
        excerpt: str | None,
        admin_chat_ids: Sequence[int],
        update_id: int | None = None,
        journal_id: str | None = None,
    ) -> Escalation:
        """Record an escalation and one notification job per admin in ONE transaction.

        Committed when this returns: send the crisis reply only afterwards. The same
        `update_id`, or the same `journal_id` (a replayed journal record), twice returns the
        first escalation and enqueues nothing new.
        """
        now = utcnow()
        clean_reasons = [str(r)[:REASON_MAX_CHARS] for r in list(reasons)[:MAX_REASONS]]
        stored_excerpt = (
            self.cipher.encrypt(excerpt[:EXCERPT_MAX_CHARS]) if excerpt is not None else None
        )
        async with self._write() as session:
            await self._ensure_user(session, chat_id, now)
            stmt = self._insert(m.Escalation).values(
                chat_id=chat_id,
                update_id=update_id,
                journal_id=journal_id,
                risk=float(risk),
                reasons=clean_reasons,
                excerpt=stored_excerpt,
                status=EscalationStatus.OPEN.value,
                created_at=now,
                updated_at=now,
                last_notified_at=now,
                reminders_sent=0,
                redacted=False,
            )
            keys = [
                col == value
                for col, value in (
                    (m.Escalation.update_id, update_id),
                    (m.Escalation.journal_id, journal_id),
                )
                if value is not None
            ]
            if keys:
                # No conflict target: a redelivered update carries a fresh journal id, and a
                # replayed record may carry both; a match on either key is the same escalation.
                stmt = stmt.on_conflict_do_nothing()
            new_id = await session.scalar(stmt.returning(m.Escalation.id))
            if new_id is None:
                existing = await session.scalar(
                    select(m.Escalation).where(or_(*keys)).order_by(m.Escalation.id).limit(1)
                )
                assert existing is not None
                return self._escalation(existing)
            for admin in dict.fromkeys(admin_chat_ids):  # de-duplicated, order kept
                await self._enqueue(
                    session,
                    kind="escalation.notify",
                    key=f"escalation:{new_id}:notify:{admin}",
                    target_chat_id=admin,
                    payload={"escalation_id": new_id},
                    escalation_id=new_id,
                    now=now,
                )
            await self._audit(
                session,
                actor="system",
                action="escalation.create",
                target=escalation_target(new_id),
                at=now,
                detail={"risk": float(risk), "admins": len(set(admin_chat_ids))},
            )
            row = await session.get(m.Escalation, new_id)
            assert row is not None
            result = self._escalation(row)
        self.outbox_wakeup.set()
        return result

    async def get_escalation(self, *, escalation_id: int) -> Escalation | None:
        """The escalation with its notes (oldest first), or None."""
        async with self._read() as session:
            row = await session.get(m.Escalation, escalation_id)
            if row is None:
                return None
            notes = await session.scalars(
                select(m.EscalationNote)
                .where(m.EscalationNote.escalation_id == escalation_id)
                .order_by(m.EscalationNote.id)
            )
            return self._escalation(row, [self._note(n) for n in notes])

    def _note(self, row: m.EscalationNote) -> Note:
        return Note(
            id=row.id,
            escalation_id=row.escalation_id,
            actor=row.actor,
            text=self.cipher.decrypt(row.text),
            created_at=row.created_at,
        )

    async def list_escalations(
        self,
        *,
        status: str | Sequence[str] | None = None,
        chat_id: int | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[Escalation]:
        """Open first, then acknowledged, then resolved; within a status by risk (high first),
        then age (oldest first)."""
        e = m.Escalation
        rank = case((e.status == "open", 0), (e.status == "acknowledged", 1), else_=2)
        stmt = select(e).order_by(rank, e.risk.desc(), e.created_at, e.id)
        if status is not None:
            wanted = [status] if isinstance(status, str) else list(status)
            stmt = stmt.where(e.status.in_([EscalationStatus(s).value for s in wanted]))
        if chat_id is not None:
            stmt = stmt.where(e.chat_id == chat_id)
        async with self._read() as session:
            rows = await session.scalars(stmt.limit(limit).offset(offset))
            return [self._escalation(r) for r in rows]

    async def escalation_counts(self) -> dict[str, int]:
        """Number of escalations per status (every status present, zero included)."""
        async with self._read() as session:
            rows = (
                await session.execute(
                    select(m.Escalation.status, func.count()).group_by(m.Escalation.status)
                )
            ).all()
        counts = {s.value: 0 for s in EscalationStatus}
        counts.update({status: int(n) for status, n in rows})
        return counts

    async def median_time_to_acknowledge(self, *, since: datetime | None = None) -> float | None:
        """Median seconds from creation to acknowledgement (None if nothing was acknowledged)."""
        e = m.Escalation
        stmt = select(e.created_at, e.acknowledged_at).where(e.acknowledged_at.is_not(None))
        if since is not None:
            stmt = stmt.where(e.created_at >= since)
        async with self._read() as session:
            rows = (await session.execute(stmt.order_by(e.id.desc()).limit(5000))).all()
        if not rows:
            return None
        return statistics.median((ack - created).total_seconds() for created, ack in rows)

    async def transition(
        self,
        *,
        escalation_id: int,
        to: str | EscalationStatus,
        actor: str,
        note: str | None = None,
    ) -> Escalation:
        """Move an escalation to `to` (audited, with an optional note) or raise
        IllegalTransition / NotFound."""
        target = EscalationStatus(to)
        allowed = TRANSITIONS[target]
        now = utcnow()
        e = m.Escalation
        values: dict[str, Any] = {"status": target.value, "updated_at": now}
        if target is EscalationStatus.ACKNOWLEDGED:
            values |= {"acknowledged_at": now, "acknowledged_by": actor}
        elif target is EscalationStatus.RESOLVED:
            values |= {
                "resolved_at": now,
                "resolved_by": actor,
                "acknowledged_at": func.coalesce(e.acknowledged_at, now),
                "acknowledged_by": func.coalesce(e.acknowledged_by, actor),
            }
        else:  # re-open: back in the queue, reminders count from now
            values |= {
                "acknowledged_at": None,
                "acknowledged_by": None,
                "resolved_at": None,
                "resolved_by": None,
                "last_notified_at": now,
            }
        async with self._write() as session:
            changed = await session.scalar(
                update(e)
                .where(e.id == escalation_id, e.status.in_([s.value for s in allowed]))
                .values(**values)
                .returning(e.id)
            )
            if changed is None:
                row = await session.get(e, escalation_id)
                if row is None:
                    raise NotFound(f"no escalation #{escalation_id}")
                by = row.resolved_by or row.acknowledged_by
                who = f" by {by}" if by and row.status != "open" else ""
                raise IllegalTransition(
                    f"escalation #{escalation_id} is {row.status}{who}; "
                    f"it cannot become {target.value}",
                    current=row.status,
                )
            if note:
                await self._add_note(session, escalation_id, actor, note, now)
            await self._audit(
                session,
                actor=actor,
                action=_ACTION[target],
                target=escalation_target(escalation_id),
                at=now,
                detail={"to": target.value, "note": bool(note)},
            )
            row = await session.get(e, escalation_id, populate_existing=True)
            assert row is not None
            return self._escalation(row)

    async def _add_note(
        self, session: AsyncSession, escalation_id: int, actor: str, text: str, now: datetime
    ) -> None:
        session.add(
            m.EscalationNote(
                escalation_id=escalation_id,
                actor=actor,
                text=self.cipher.encrypt(text[:NOTE_MAX_CHARS]),
                created_at=now,
            )
        )

    async def add_note(self, *, escalation_id: int, actor: str, text: str) -> None:
        """Attach an admin note (audited)."""
        now = utcnow()
        async with self._write() as session:
            if await session.get(m.Escalation, escalation_id) is None:
                raise NotFound(f"no escalation #{escalation_id}")
            await self._add_note(session, escalation_id, actor, text, now)
            await self._audit(
                session,
                actor=actor,
                action="escalation.note",
                target=escalation_target(escalation_id),
                at=now,
            )

    # --- reminders -------------------------------------------------------------------------

    async def due_reminders(self, *, older_than: timedelta) -> list[Escalation]:
        """Open escalations nobody acknowledged within `older_than` of the last notification."""
        cutoff = utcnow() - older_than
        e = m.Escalation
        async with self._read() as session:
            rows = await session.scalars(
                select(e)
                .where(e.status == "open", e.last_notified_at <= cutoff)
                .order_by(e.risk.desc(), e.created_at)
            )
            return [self._escalation(r) for r in rows]

    async def enqueue_reminders(
        self, *, older_than: timedelta, admin_chat_ids: Sequence[int]
    ) -> list[int]:
        """Enqueue a reminder to every admin for each due escalation; returns their ids.

        Each escalation is claimed with a conditional UPDATE, so replicas running this at the
        same time send one reminder round, not several.
        """
        now = utcnow()
        cutoff = now - older_than
        e = m.Escalation
        reminded: list[int] = []
        for esc in await self.due_reminders(older_than=older_than):
            async with self._write() as session:
                count = await session.scalar(
                    update(e)
                    .where(e.id == esc.id, e.status == "open", e.last_notified_at <= cutoff)
                    .values(last_notified_at=now, reminders_sent=e.reminders_sent + 1)
                    .returning(e.reminders_sent)
                )
                if count is None:
                    continue
                for admin in dict.fromkeys(admin_chat_ids):
                    await self._enqueue(
                        session,
                        kind="escalation.remind",
                        key=f"escalation:{esc.id}:remind:{count}:{admin}",
                        target_chat_id=admin,
                        payload={"escalation_id": esc.id, "reminder": count},
                        escalation_id=esc.id,
                        now=now,
                    )
                reminded.append(esc.id)
        if reminded:
            self.outbox_wakeup.set()
        return reminded

    # --- audit -----------------------------------------------------------------------------

    async def add_audit(
        self, *, actor: str, action: str, target: str, detail: dict[str, Any] | None = None
    ) -> None:
        """Append to the audit log (ids, counts and statuses only; never user text)."""
        async with self._write() as session:
            await self._audit(
                session, actor=actor, action=action, target=target, at=utcnow(), detail=detail
            )

    async def list_audit(
        self,
        *,
        actor: str | None = None,
        action: str | None = None,
        target: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[AuditRecord]:
        """Audit entries, newest first; `action` ending in '.' or '*' matches a prefix."""
        a = m.AuditEntry
        stmt = select(a).order_by(a.at.desc(), a.id.desc())
        if actor is not None:
            stmt = stmt.where(a.actor == actor)
        if action is not None:
            if action.endswith(("*", ".")):
                stmt = stmt.where(a.action.startswith(action.rstrip("*"), autoescape=True))
            else:
                stmt = stmt.where(a.action == action)
        if target is not None:
            stmt = stmt.where(a.target == target)
        if since is not None:
            stmt = stmt.where(a.at >= since)
        if until is not None:
            stmt = stmt.where(a.at < until)
        async with self._read() as session:
            rows = await session.scalars(stmt.limit(limit).offset(offset))
            return [_audit_record(r) for r in rows]
