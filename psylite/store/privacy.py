"""Retention, export and deletion of a user's data, and re-encryption after a key rotation.

What a deletion leaves: the escalation rows as a skeleton (id, risk, status, timestamps and
the admins who acted) with no chat id, no excerpt, no reasons and no notes, plus the audit
entry of the deletion itself. Everything the user wrote or set is gone.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update

from psylite.store import models as m
from psylite.store.escalations import EscalationsMixin
from psylite.store.models import utcnow
from psylite.store.types import DeletionResult, PurgeResult

log = logging.getLogger(__name__)

# Update ids carry nothing personal; Telegram redelivers for far less than this.
PROCESSED_UPDATE_TTL = timedelta(days=2)


def _iso(dt: datetime | None) -> str | None:
    return dt.isoformat() if dt else None


class PrivacyMixin(EscalationsMixin):
    async def purge(
        self, *, older_than_days: int | None = None, actor: str = "system"
    ) -> PurgeResult:
        """Delete messages older than the retention period (PSYLITE_RETENTION_DAYS by default),
        blank the excerpts of escalations resolved before it, and drop old bookkeeping rows.
        Open escalations keep their excerpt until resolved."""
        days = older_than_days if older_than_days is not None else self.settings.retention_days
        now = utcnow()
        cutoff = now - timedelta(days=days)
        e, j = m.Escalation, m.OutboxJob
        async with self._write() as session:
            msgs = await session.execute(delete(m.Message).where(m.Message.created_at < cutoff))
            excerpts = await session.execute(
                update(e)
                .where(e.status == "resolved", e.resolved_at < cutoff, e.excerpt.is_not(None))
                .values(excerpt=None, updated_at=now)
            )
            updates = await session.execute(
                delete(m.ProcessedUpdate).where(
                    m.ProcessedUpdate.claimed_at < now - PROCESSED_UPDATE_TTL
                )
            )
            jobs = await session.execute(
                delete(j).where(j.delivered_at.is_not(None), j.delivered_at < cutoff)
            )
            result = PurgeResult(
                cutoff=cutoff,
                messages=msgs.rowcount or 0,
                excerpts=excerpts.rowcount or 0,
                processed_updates=updates.rowcount or 0,
                outbox_jobs=jobs.rowcount or 0,
            )
            await self._audit(
                session,
                actor=actor,
                action="retention.purge",
                target=f"older_than_days:{days}",
                at=now,
                detail={
                    "messages": result.messages,
                    "excerpts": result.excerpts,
                    "processed_updates": result.processed_updates,
                    "outbox_jobs": result.outbox_jobs,
                },
            )
        log.info(
            "retention purge (%d days): %d messages, %d excerpts",
            days,
            result.messages,
            result.excerpts,
        )
        return result

    async def export_user(self, *, chat_id: int, actor: str = "user") -> dict[str, Any]:
        """Everything stored about the user, as JSON-ready data (audited)."""
        async with self._read() as session:
            user = await session.get(m.User, chat_id)
            consents = await session.scalars(
                select(m.Consent).where(m.Consent.chat_id == chat_id).order_by(m.Consent.id)
            )
            messages = await session.scalars(
                select(m.Message).where(m.Message.chat_id == chat_id).order_by(m.Message.id)
            )
            state = await session.get(m.ConversationState, chat_id)
            escalations = list(
                await session.scalars(
                    select(m.Escalation)
                    .where(m.Escalation.chat_id == chat_id)
                    .order_by(m.Escalation.id)
                )
            )
            notes = list(
                await session.scalars(
                    select(m.EscalationNote)
                    .where(m.EscalationNote.escalation_id.in_([x.id for x in escalations]))
                    .order_by(m.EscalationNote.id)
                )
            )
            data: dict[str, Any] = {
                "chat_id": chat_id,
                "exported_at": utcnow().isoformat(),
                "user": None
                if user is None
                else {
                    "language": user.language,
                    "humor_enabled": user.humor_enabled,
                    "blocked": user.blocked,
                    "created_at": _iso(user.created_at),
                    "last_seen_at": _iso(user.last_seen_at),
                },
                "consents": [
                    {
                        "policy_version": c.policy_version,
                        "status": c.status,
                        "accepted_at": _iso(c.accepted_at),
                        "declined_at": _iso(c.declined_at),
                        "withdrawn_at": _iso(c.withdrawn_at),
                    }
                    for c in consents
                ],
                "messages": [
                    {
                        "id": msg.id,
                        "role": msg.role,
                        "text": self.cipher.decrypt(msg.text),
                        "route": msg.route,
                        "risk": msg.risk,
                        "created_at": _iso(msg.created_at),
                    }
                    for msg in messages
                ],
                "conversation_state": dict(state.state) if state else None,
                "escalations": [
                    {
                        "id": x.id,
                        "risk": x.risk,
                        "reasons": list(x.reasons or []),
                        "excerpt": self.cipher.decrypt(x.excerpt) if x.excerpt else None,
                        "status": x.status,
                        "created_at": _iso(x.created_at),
                        "acknowledged_at": _iso(x.acknowledged_at),
                        "resolved_at": _iso(x.resolved_at),
                        "notes": [
                            {"text": self.cipher.decrypt(n.text), "created_at": _iso(n.created_at)}
                            for n in notes
                            if n.escalation_id == x.id
                        ],
                    }
                    for x in escalations
                ],
            }
        await self.add_audit(actor=actor, action="user.export", target=f"user:{chat_id}")
        return data

    async def delete_user(self, *, chat_id: int, actor: str = "user") -> DeletionResult:
        """Remove the user's messages, profile, consents and state; keep only a text-free
        skeleton of their escalations. One transaction, audited."""
        now = utcnow()
        e = m.Escalation
        async with self._write() as session:
            esc_ids = list(await session.scalars(select(e.id).where(e.chat_id == chat_id)))
            if esc_ids:
                await session.execute(
                    delete(m.EscalationNote).where(m.EscalationNote.escalation_id.in_(esc_ids))
                )
                await session.execute(
                    update(e)
                    .where(e.id.in_(esc_ids))
                    .values(chat_id=None, excerpt=None, reasons=[], redacted=True, updated_at=now)
                )
            msgs = await session.execute(delete(m.Message).where(m.Message.chat_id == chat_id))
            consents = await session.execute(delete(m.Consent).where(m.Consent.chat_id == chat_id))
            await session.execute(
                delete(m.ConversationState).where(m.ConversationState.chat_id == chat_id)
            )
            users = await session.execute(delete(m.User).where(m.User.chat_id == chat_id))
            result = DeletionResult(
                chat_id=chat_id,
                messages=msgs.rowcount or 0,
                consents=consents.rowcount or 0,
                escalations_redacted=len(esc_ids),
                user_rows=users.rowcount or 0,
            )
            await self._audit(
                session,
                actor=actor,
                action="user.delete",
                target=f"user:{chat_id}",
                at=now,
                detail={
                    "messages": result.messages,
                    "consents": result.consents,
                    "escalations_redacted": result.escalations_redacted,
                },
            )
        log.info("deleted the data of one user (%d messages)", result.messages)
        return result

    async def rotate_encryption(self, *, batch_size: int = 500, actor: str = "system") -> int:
        """Re-encrypt every stored text with the first key of PSYLITE_ENCRYPTION_KEY (and
        encrypt rows written before encryption was on). Returns rows rewritten."""
        if not self.cipher.enabled:
            from psylite.errors import StoreError

            raise StoreError("set PSYLITE_ENCRYPTION_KEY (new key first) before rotating")
        total = 0
        for model, column in (
            (m.Message, m.Message.text),
            (m.Escalation, m.Escalation.excerpt),
            (m.EscalationNote, m.EscalationNote.text),
        ):
            last_id = 0
            while True:
                async with self._write() as session:
                    rows = (
                        await session.execute(
                            select(model.id, column)
                            .where(model.id > last_id, column.is_not(None))
                            .order_by(model.id)
                            .limit(batch_size)
                        )
                    ).all()
                    for row_id, stored in rows:
                        new = self.cipher.reencrypt(stored)
                        if new is not None:
                            await session.execute(
                                update(model).where(model.id == row_id).values({column: new})
                            )
                            total += 1
                if len(rows) < batch_size:
                    break
                last_id = rows[-1][0]
        await self.add_audit(
            actor=actor, action="encryption.rotate", target="database", detail={"rows": total}
        )
        return total


async def retention_loop(store: PrivacyMixin, *, interval: timedelta = timedelta(hours=6)) -> None:
    """Purge on a schedule inside a long-running process; cancel the task to stop it."""
    while True:
        try:
            await store.purge()
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("retention purge failed; retrying at the next interval")
        await asyncio.sleep(interval.total_seconds())
