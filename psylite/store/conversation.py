"""Messages (the LLM's bounded context), conversation state and Telegram update idempotency."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, select, update

from psylite.store import models as m
from psylite.store.base import StoreBase
from psylite.store.models import utcnow
from psylite.store.types import ROLES, Message, StateConflict

MAX_CONTEXT_MESSAGES = 200


class ConversationMixin(StoreBase):
    # --- messages --------------------------------------------------------------------------

    async def add_message(
        self,
        *,
        chat_id: int,
        role: str,
        text: str,
        route: str | None = None,
        risk: float | None = None,
        update_id: int | None = None,
    ) -> int:
        """Store one message and return its id.

        Idempotent per (update_id, role): the same Telegram update stored twice (a retry,
        two replicas) keeps the first row and returns its id.
        """
        if role not in ROLES:
            raise ValueError(f"role must be one of {ROLES}, not {role!r}")
        now = utcnow()
        async with self._write() as session:
            await self._ensure_user(session, chat_id, now)
            stmt = self._insert(m.Message).values(
                chat_id=chat_id,
                role=role,
                text=self.cipher.encrypt(text),
                route=route,
                risk=risk,
                update_id=update_id,
                created_at=now,
            )
            if update_id is not None:
                stmt = stmt.on_conflict_do_nothing(
                    index_elements=[m.Message.update_id, m.Message.role]
                )
            new_id = await session.scalar(stmt.returning(m.Message.id))
            if new_id is None:  # duplicate update: hand back the original row
                new_id = await session.scalar(
                    select(m.Message.id).where(
                        m.Message.update_id == update_id, m.Message.role == role
                    )
                )
            if role == "user":
                await session.execute(
                    update(m.User).where(m.User.chat_id == chat_id).values(last_seen_at=now)
                )
            assert new_id is not None
            return int(new_id)

    async def recent_messages(self, *, chat_id: int, limit: int = 20) -> list[Message]:
        """The last `limit` messages since the user's last /reset, oldest first."""
        limit = max(0, min(limit, MAX_CONTEXT_MESSAGES))
        if limit == 0:
            return []
        boundary = (
            select(m.User.context_after_id).where(m.User.chat_id == chat_id).scalar_subquery()
        )
        stmt = (
            select(m.Message)
            .where(m.Message.chat_id == chat_id, m.Message.id > func.coalesce(boundary, 0))
            .order_by(m.Message.id.desc())
            .limit(limit)
        )
        async with self._read() as session:
            rows = list(await session.scalars(stmt))
        return [self._message(r) for r in reversed(rows)]

    def _message(self, row: m.Message) -> Message:
        return Message(
            id=row.id,
            chat_id=row.chat_id,
            role=row.role,
            text=self.cipher.decrypt(row.text),
            route=row.route,
            risk=row.risk,
            update_id=row.update_id,
            created_at=row.created_at,
        )

    async def reset_conversation(self, *, chat_id: int) -> None:
        """Start a new conversation: earlier messages leave the LLM context (they are kept
        until retention or deletion). The safety state is deliberately kept: a /reset must
        not make a recent crisis forgotten."""
        now = utcnow()
        async with self._write() as session:
            await self._ensure_user(session, chat_id, now)
            last_id = (
                select(func.coalesce(func.max(m.Message.id), 0))
                .where(m.Message.chat_id == chat_id)
                .scalar_subquery()
            )
            await session.execute(
                update(m.User).where(m.User.chat_id == chat_id).values(context_after_id=last_id)
            )

    async def route_counts(
        self, *, since: datetime, bucket: str = "day"
    ) -> list[tuple[datetime, str, int]]:
        """(bucket start, route, user messages) since `since`, for the dashboard's chart."""
        if bucket not in ("day", "hour"):
            raise ValueError("bucket must be 'day' or 'hour'")
        col = m.Message.created_at
        if self.dialect == "sqlite":
            fmt = "%Y-%m-%d 00:00:00" if bucket == "day" else "%Y-%m-%d %H:00:00"
            key = func.strftime(fmt, col)
        else:
            key = func.date_trunc(bucket, func.timezone("UTC", col))
        stmt = (
            select(key.label("b"), m.Message.route, func.count())
            .where(col >= since, m.Message.role == "user", m.Message.route.is_not(None))
            .group_by(key, m.Message.route)
            .order_by(key, m.Message.route)
        )
        async with self._read() as session:
            rows = (await session.execute(stmt)).all()
        out = []
        for b, route, n in rows:
            start = datetime.fromisoformat(b) if isinstance(b, str) else b
            out.append((start if start.tzinfo else start.replace(tzinfo=UTC), route, int(n)))
        return out

    # --- conversation state ----------------------------------------------------------------

    async def get_state(self, *, chat_id: int) -> dict[str, Any] | None:
        """The safety router's saved ConversationState.to_dict(), or None."""
        state, _ = await self.get_state_versioned(chat_id=chat_id)
        return state

    async def get_state_versioned(self, *, chat_id: int) -> tuple[dict[str, Any] | None, int]:
        """(state, version); version 0 means no state yet. Pass it to save_state to detect races."""
        async with self._read() as session:
            row = await session.get(m.ConversationState, chat_id)
            return (dict(row.state), row.version) if row else (None, 0)

    async def save_state(
        self, *, chat_id: int, state: dict[str, Any], expected_version: int | None = None
    ) -> int:
        """Save the state and return its new version.

        With `expected_version` (from get_state_versioned) the save is refused with
        StateConflict if another writer saved in between, so no update is silently lost.
        """
        now = utcnow()
        table = m.ConversationState
        async with self._write() as session:
            await self._ensure_user(session, chat_id, now)
            if expected_version is None:
                stmt = self._insert(table).values(
                    chat_id=chat_id, state=state, version=1, updated_at=now
                )
                stmt = stmt.on_conflict_do_update(
                    index_elements=[table.chat_id],
                    set_={"state": state, "version": table.version + 1, "updated_at": now},
                )
                version = await session.scalar(stmt.returning(table.version))
            elif expected_version == 0:
                stmt = self._insert(table).values(
                    chat_id=chat_id, state=state, version=1, updated_at=now
                )
                stmt = stmt.on_conflict_do_nothing(index_elements=[table.chat_id])
                version = await session.scalar(stmt.returning(table.version))
            else:
                version = await session.scalar(
                    update(table)
                    .where(table.chat_id == chat_id, table.version == expected_version)
                    .values(state=state, version=table.version + 1, updated_at=now)
                    .returning(table.version)
                )
            if version is None:
                raise StateConflict(
                    f"conversation state of chat {chat_id} changed since version "
                    f"{expected_version}; read it again"
                )
            return int(version)

    # --- idempotency -----------------------------------------------------------------------

    async def claim_update(self, *, update_id: int) -> bool:
        """True for exactly one caller per Telegram update id, across processes and replicas."""
        async with self._write() as session:
            result = await session.execute(
                self._insert(m.ProcessedUpdate)
                .values(update_id=update_id, claimed_at=utcnow())
                .on_conflict_do_nothing(index_elements=[m.ProcessedUpdate.update_id])
            )
            return bool(result.rowcount)

    async def release_update(self, *, update_id: int) -> None:
        """Forget a claim whose processing failed, so that Telegram's retry is handled."""
        async with self._write() as session:
            await session.execute(
                delete(m.ProcessedUpdate).where(m.ProcessedUpdate.update_id == update_id)
            )
