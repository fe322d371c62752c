"""Alembic, configured in code from the app's settings (no alembic.ini needed).

`psylite db upgrade|downgrade|current` call these; tests and `make run` call
`upgrade_to_head(settings)`. The migration scripts live in the repository's `migrations/`.

The start-up check (is the database at the code's head?) reads the revision table and the
scripts' `revision`/`down_revision` lines directly, so a production process that never
migrates does not import Alembic at all (~11 MB of RAM on a small VPS).
"""

from __future__ import annotations

import ast
import logging
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import inspect, text
from sqlalchemy.engine import URL, Connection

from psylite.errors import StoreError
from psylite.settings import Settings
from psylite.store.engine import (
    WRITE_OPTION,
    create_engine,
    is_sqlite,
    parse_url,
    safe_url,
    translated,
)

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"
# Any constant works; it only has to be the same in every replica.
_PG_LOCK_KEY = 0x5053594C  # "PSYL"


def alembic_config(url: URL | None = None) -> Config:
    """An Alembic Config pointing at migrations/ (and at `url` for offline/CLI use)."""
    from alembic.config import Config

    if not (MIGRATIONS_DIR / "env.py").is_file():
        raise StoreError(f"migration scripts not found in {MIGRATIONS_DIR}: reinstall PsyLite")
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("path_separator", "os")
    if url is not None:
        # ConfigParser interpolation would eat a '%' in a password.
        cfg.set_main_option(
            "sqlalchemy.url", url.render_as_string(hide_password=False).replace("%", "%%")
        )
    return cfg


def prepare_default_location(settings: Settings) -> None:
    """Create the data dir for the default SQLite file; an explicit URL's folder must exist."""
    if not settings.database_url:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        return
    url = parse_url(settings.database_url)
    if is_sqlite(url) and url.database:
        folder = Path(url.database).expanduser().parent
        if not folder.is_dir():
            raise StoreError(
                f"cannot open the SQLite database {url.database}: the directory {folder} does "
                "not exist (create it, or fix PSYLITE_DATABASE_URL)"
            )


_REVISION = re.compile(r"^revision(?:\s*:[^=]+)?\s*=\s*(.+)$", re.M)
_DOWN_REVISION = re.compile(r"^down_revision(?:\s*:[^=]+)?\s*=\s*(.+)$", re.M)


@cache
def _graph() -> dict[str, tuple[str, ...]]:
    """revision -> its down revisions, read from the scripts' module-level assignments."""
    versions = MIGRATIONS_DIR / "versions"
    if not versions.is_dir():
        raise StoreError(f"migration scripts not found in {versions}: reinstall PsyLite")
    graph: dict[str, tuple[str, ...]] = {}
    for path in sorted(versions.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        rev, down = _REVISION.search(source), _DOWN_REVISION.search(source)
        if rev is None or down is None:
            continue
        downs = ast.literal_eval(down.group(1).strip())
        if downs is None:
            downs = ()
        elif isinstance(downs, str):
            downs = (downs,)
        graph[ast.literal_eval(rev.group(1).strip())] = tuple(downs)
    return graph


def head_revision() -> str:
    graph = _graph()
    heads = set(graph) - {d for downs in graph.values() for d in downs}
    if len(heads) != 1:
        raise StoreError(f"migrations have {len(heads)} heads; merge them (alembic merge)")
    return heads.pop()


def known_revisions() -> set[str]:
    return set(_graph())


def current_revision_sync(conn: Connection) -> str | None:
    """The revision in the database's alembic_version table (None: never migrated)."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    versions = list(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
    if len(versions) > 1:
        raise StoreError(f"database has {len(versions)} migration heads; run `psylite db upgrade`")
    return versions[0] if versions else None


async def _run(settings: Settings, fn: Any, *args: Any) -> Any:
    url = parse_url(settings.effective_database_url)
    prepare_default_location(settings)
    engine = create_engine(url, pool_size=1)
    try:
        with translated(url):
            # SQLite: BEGIN IMMEDIATE, so a second migrator waits instead of racing.
            async with engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
                if not is_sqlite(url):
                    # Two replicas starting together must not both run the same migration.
                    await conn.execute(
                        text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY}
                    )
                return await conn.run_sync(fn, url, *args)
    finally:
        await engine.dispose()


def _command(conn: Connection, url: URL, name: str, revision: str) -> None:
    from alembic import command

    cfg = alembic_config(url)
    cfg.attributes["connection"] = conn
    getattr(command, name)(cfg, revision)


def _revision(conn: Connection, url: URL, message: str, autogenerate: bool) -> None:
    from alembic import command

    cfg = alembic_config(url)
    cfg.attributes["connection"] = conn
    command.revision(cfg, message=message, autogenerate=autogenerate)


def _current(conn: Connection, _url: URL) -> str | None:
    return current_revision_sync(conn)


async def upgrade_to_head(settings: Settings) -> str:
    """Apply every pending migration; returns the head revision. Safe to run concurrently."""
    await _run(settings, _command, "upgrade", "head")
    log.info(
        "database %s at revision %s", safe_url(settings.effective_database_url), head_revision()
    )
    return head_revision()


async def upgrade(settings: Settings, revision: str = "head") -> None:
    await _run(settings, _command, "upgrade", revision)


async def downgrade(settings: Settings, revision: str = "-1") -> None:
    await _run(settings, _command, "downgrade", revision)


async def revision(settings: Settings, *, message: str, autogenerate: bool = True) -> None:
    """Write a new migration script (autogenerated against the database in settings)."""
    await _run(settings, _revision, message, autogenerate)


async def current(settings: Settings) -> str | None:
    """The revision the database is at (None: never migrated)."""
    return await _run(settings, _current)


def check_revision(current_rev: str | None) -> None:
    """Raise StoreError unless the database is exactly at the code's head revision."""
    head = head_revision()
    if current_rev == head:
        return
    if current_rev is None:
        raise StoreError("database is not migrated: run `psylite db upgrade`")
    if current_rev not in known_revisions():
        raise StoreError(
            f"database is at revision {current_rev}, which this PsyLite does not know: "
            "upgrade PsyLite, or downgrade the database with the newer version"
        )
    raise StoreError(
        f"database is not migrated (at {current_rev}, code expects {head}): "
        "run `psylite db upgrade`"
    )
