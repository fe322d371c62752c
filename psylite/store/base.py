"""The Store's lifecycle, sessions and the helpers every repository part shares."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from psylite.errors import StoreError
from psylite.settings import Settings
from psylite.store import models as m
from psylite.store.crypto import TextCipher
from psylite.store.engine import (
    WRITE_OPTION,
    create_engine,
    is_sqlite,
    parse_url,
    safe_url,
    translated,
)

log = logging.getLogger(__name__)


class StoreBase:
    """Owns the engine; `initialize()` connects and checks the schema, `shutdown()` disposes."""

    def __init__(self, settings: Settings, *, pool_size: int = 5) -> None:
        self.settings = settings
        self._pool_size = pool_size
        self._engine: AsyncEngine | None = None
        self._url: URL | None = None
        self._reader: async_sessionmaker[AsyncSession] | None = None
        self._writer: async_sessionmaker[AsyncSession] | None = None
        key = settings.encryption_key.get_secret_value() if settings.encryption_key else None
        self.cipher = TextCipher(key)
        # Set whenever a job is enqueued, so an in-process OutboxWorker wakes at once.
        self.outbox_wakeup = asyncio.Event()
        # SQLite has one writer at a time: queueing our own writers here is fair and fast,
        # where leaving them to SQLite's busy handler means sleeps of up to 100 ms each.
        self._sqlite_write_lock: asyncio.Lock | None = None

    # --- lifecycle -----------------------------------------------------------------------

    async def initialize(self, *, create: bool = False) -> None:
        """Connect and check that the schema is at the head revision.

        `create=True` first applies pending migrations (what `make run` and tests want);
        otherwise an unmigrated database raises StoreError telling the operator to run
        `psylite db upgrade`.
        """
        from psylite.store import migrate

        if self._engine is not None:
            return
        url = parse_url(self.settings.effective_database_url)
        if create:
            await migrate.upgrade_to_head(self.settings)
        migrate.prepare_default_location(self.settings)
        engine = create_engine(url, pool_size=self._pool_size)
        try:
            with translated(url):
                async with engine.connect() as conn:
                    revision = await conn.run_sync(migrate.current_revision_sync)
            migrate.check_revision(revision)
        except BaseException:
            await engine.dispose()
            raise
        self._url, self._engine = url, engine
        self._sqlite_write_lock = asyncio.Lock() if is_sqlite(url) else None
        self._reader = async_sessionmaker(engine, expire_on_commit=False)
        self._writer = async_sessionmaker(
            engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )
        log.info("store: connected to %s", safe_url(url))

    async def shutdown(self) -> None:
        """Dispose of the connection pool; safe to call when initialize() failed or never ran."""
        if self._engine is not None:
            await self._engine.dispose()
        self._engine = self._reader = self._writer = None

    @property
    def engine(self) -> AsyncEngine:
        if self._engine is None:
            raise StoreError("the store is not initialized (call `await store.initialize()`)")
        return self._engine

    @property
    def url(self) -> URL:
        if self._url is None:
            raise StoreError("the store is not initialized (call `await store.initialize()`)")
        return self._url

    @property
    def dialect(self) -> str:
        return "sqlite" if is_sqlite(self.url) else "postgresql"

    # --- sessions --------------------------------------------------------------------------

    @asynccontextmanager
    async def _read(self) -> AsyncIterator[AsyncSession]:
        if self._reader is None:
            raise StoreError("the store is not initialized (call `await store.initialize()`)")
        with translated(self.url):
            async with self._reader() as session, session.begin():
                yield session

    @asynccontextmanager
    async def _write(self) -> AsyncIterator[AsyncSession]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        if self._writer is None:
            raise StoreError("the store is not initialized (call `await store.initialize()`)")
        lock = self._sqlite_write_lock or contextlib.nullcontext()
        with translated(self.url):
            async with lock, self._writer() as session, session.begin():
                yield session

    # --- shared helpers --------------------------------------------------------------------

    def _insert(self, model: Any) -> Any:
        """INSERT that supports ON CONFLICT on both backends."""
        return (sqlite_insert if self.dialect == "sqlite" else pg_insert)(model)

    async def _ensure_user(self, session: AsyncSession, chat_id: int, now: datetime) -> None:
        stmt = (
            self._insert(m.User)
            .values(
                chat_id=chat_id,
                language=None,
                humor_enabled=True,
                blocked=False,
                context_after_id=0,
                created_at=now,
                last_seen_at=now,
            )
            .on_conflict_do_nothing(index_elements=[m.User.chat_id])
        )
        await session.execute(stmt)

    async def _audit(
        self,
        session: AsyncSession,
        *,
        actor: str,
        action: str,
        target: str,
        at: datetime,
        detail: dict[str, Any] | None = None,
    ) -> None:
        session.add(m.AuditEntry(at=at, actor=actor, action=action, target=target, detail=detail))

    # --- health ----------------------------------------------------------------------------

    async def ping(self) -> None:
        """Raise StoreError unless the database answers a trivial query."""
        async with self._read() as session:
            await session.execute(select(1))

    async def describe(self) -> str:
        """One line for `psylite doctor`: where, which revision, how much data."""
        from psylite.store import migrate

        async with self._read() as session:
            users = await session.scalar(select(func.count()).select_from(m.User))
            open_ = await session.scalar(
                select(func.count()).select_from(m.Escalation).where(m.Escalation.status == "open")
            )
            conn = await session.connection()
            revision = await conn.run_sync(migrate.current_revision_sync)
        enc = "encrypted" if self.cipher.enabled else "not encrypted"
        return (
            f"{safe_url(self.url)} at revision {revision}; {users} users, "
            f"{open_} open escalations; text {enc}"
        )
