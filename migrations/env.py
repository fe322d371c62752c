"""Alembic environment: the same settings and model metadata as the application.

Normally driven by `psylite db ...` (psylite.store.migrate), which hands over an open
connection. Used directly by Alembic tools, it builds an async engine from the URL in the
config or, failing that, from PSYLITE_* settings.
"""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy.engine import Connection

from psylite.store.engine import create_engine, parse_url
from psylite.store.models import Base, UTCDateTime

config = context.config
target_metadata = Base.metadata


def _url() -> str:
    url = config.get_main_option("sqlalchemy.url")
    if url:
        return url
    from psylite.settings import load_settings

    return load_settings().effective_database_url


def _render_item(type_: str, obj: object, _ctx: object) -> str | bool:
    # Migrations spell the column type plainly; UTCDateTime only adds Python-side conversion.
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def _configure(connection: Connection | None = None, **kw: object) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things: batch mode rebuilds tables instead.
        render_as_batch=True,
        compare_type=True,
        compare_server_default=True,
        render_item=_render_item,
        **kw,
    )


def _run_sync(connection: Connection) -> None:
    _configure(connection)
    with context.begin_transaction():
        context.run_migrations()


async def _run_async() -> None:
    engine = create_engine(parse_url(_url()), pool_size=1)
    try:
        async with engine.connect() as conn:
            await conn.run_sync(_run_sync)
    finally:
        await engine.dispose()


if context.is_offline_mode():
    _configure(
        url=str(parse_url(_url()).render_as_string(hide_password=False)),
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()
elif (shared := config.attributes.get("connection")) is not None:
    _run_sync(shared)
else:
    asyncio.run(_run_async())
