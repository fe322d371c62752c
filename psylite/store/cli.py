"""`psylite db`: migrations, retention, export, deletion and key rotation.

psylite db upgrade                 # create or migrate the schema (head)
psylite db downgrade [REV]         # one step back by default; `base` drops everything
psylite db current                 # revision of the database and of the code
psylite db purge [--days N]        # retention: delete messages older than N days
psylite db export-user CHAT_ID     # the user's data as JSON on stdout (or -o FILE)
psylite db delete-user CHAT_ID     # erase a user (keeps a text-free escalation skeleton)
psylite db gen-key                 # a new PSYLITE_ENCRYPTION_KEY
psylite db rotate-key              # re-encrypt stored text with the first key
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from psylite.settings import load_settings

T = TypeVar("T")


def _with_store(fn: Callable[[Any], Awaitable[T]]) -> T:
    from psylite.store import Store

    async def go() -> T:
        store = Store(load_settings())
        try:
            await store.initialize()
            return await fn(store)
        finally:
            await store.shutdown()

    return asyncio.run(go())


@click.group("db")
def db_group() -> None:
    """Database: upgrade, downgrade, current, purge, export-user."""


@db_group.command("upgrade")
@click.argument("revision", default="head")
def upgrade_command(revision: str) -> None:
    """Apply migrations up to REVISION (default: head)."""
    from psylite.store import migrate
    from psylite.store.engine import safe_url

    settings = load_settings()
    asyncio.run(migrate.upgrade(settings, revision))
    rev = asyncio.run(migrate.current(settings))
    click.echo(f"{safe_url(settings.effective_database_url)} is at revision {rev}")


@db_group.command("downgrade")
@click.argument("revision", default="-1")
def downgrade_command(revision: str) -> None:
    """Revert migrations down to REVISION (default: one step; `base`: empty database)."""
    from psylite.store import migrate

    settings = load_settings()
    asyncio.run(migrate.downgrade(settings, revision))
    click.echo(f"database is at revision {asyncio.run(migrate.current(settings)) or 'base'}")


@db_group.command("current")
def current_command() -> None:
    """Show the database's revision and the code's head revision."""
    from psylite.store import migrate
    from psylite.store.engine import safe_url

    settings = load_settings()
    rev = asyncio.run(migrate.current(settings))
    head = migrate.head_revision()
    state = "up to date" if rev == head else "run `psylite db upgrade`"
    click.echo(f"{safe_url(settings.effective_database_url)}")
    click.echo(f"database revision: {rev or 'none'}; code head: {head} ({state})")


@db_group.command("purge")
@click.option(
    "--days",
    type=click.IntRange(min=1),
    default=None,
    help="Retention in days (default: PSYLITE_RETENTION_DAYS).",
)
def purge_command(days: int | None) -> None:
    """Delete messages older than the retention period."""

    async def go(store: Any) -> Any:
        return await store.purge(older_than_days=days, actor="cli")

    r = _with_store(go)
    click.echo(
        f"purged before {r.cutoff:%Y-%m-%d %H:%M} UTC: {r.messages} messages, "
        f"{r.excerpts} escalation excerpts, {r.processed_updates} update ids, "
        f"{r.outbox_jobs} delivered jobs"
    )


@db_group.command("export-user")
@click.argument("chat_id", type=int)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to FILE (mode 600) instead of stdout.",
)
def export_user_command(chat_id: int, output: Path | None) -> None:
    """Print everything stored about CHAT_ID as JSON."""

    async def go(store: Any) -> dict[str, Any]:
        return await store.export_user(chat_id=chat_id, actor="cli")

    text = json.dumps(_with_store(go), ensure_ascii=False, indent=2)
    if output is None:
        click.echo(text)
    else:
        output.touch(mode=0o600)
        output.write_text(text + "\n", encoding="utf-8")
        click.echo(f"wrote {output}", err=True)


@db_group.command("delete-user")
@click.argument("chat_id", type=int)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def delete_user_command(chat_id: int, yes: bool) -> None:
    """Erase CHAT_ID's messages, profile, consents and state (audited)."""
    if not yes:
        click.confirm(f"Delete all data of chat {chat_id}?", abort=True)

    async def go(store: Any) -> Any:
        return await store.delete_user(chat_id=chat_id, actor="cli")

    r = _with_store(go)
    click.echo(
        f"deleted chat {chat_id}: {r.messages} messages, {r.consents} consents, "
        f"{r.escalations_redacted} escalations reduced to a skeleton"
    )


@db_group.command("gen-key")
def gen_key_command() -> None:
    """Print a new Fernet key for PSYLITE_ENCRYPTION_KEY."""
    from psylite.store.crypto import generate_key

    click.echo(generate_key())


@db_group.command("rotate-key")
def rotate_key_command() -> None:
    """Re-encrypt all stored text with the first key of PSYLITE_ENCRYPTION_KEY."""

    async def go(store: Any) -> int:
        return await store.rotate_encryption(actor="cli")

    click.echo(f"re-encrypted {_with_store(go)} rows with the first key")


@db_group.command("revision", hidden=True)
@click.option("-m", "--message", required=True)
@click.option("--empty", is_flag=True, help="Do not autogenerate from the models.")
def revision_command(message: str, empty: bool) -> None:
    """(developers) Write a new migration, autogenerated against a database at head."""
    from psylite.store import migrate

    asyncio.run(migrate.revision(load_settings(), message=message, autogenerate=not empty))
