"""Engines for SQLite and PostgreSQL, and the translation of driver errors into StoreError.

SQLite gets WAL, foreign keys, a busy timeout and `BEGIN IMMEDIATE` for writing
transactions, so that concurrent writers wait for the lock instead of failing halfway
(a deferred transaction that reads first cannot always upgrade to a writer in WAL mode).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, exc
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from psylite.errors import StoreError

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_S = 30.0
WRITE_OPTION = "psylite_write"

_SCHEME_ALIASES = {
    "sqlite": "sqlite+aiosqlite",
    "postgres": "postgresql+asyncpg",
    "postgresql": "postgresql+asyncpg",
}
SUPPORTED = ("sqlite+aiosqlite", "postgresql+asyncpg")


def parse_url(raw: str) -> URL:
    """Parse and normalize a database URL; plain `sqlite:`/`postgresql:` get the async driver."""
    try:
        url = make_url(raw)
    except (exc.ArgumentError, ValueError) as err:
        raise StoreError(
            f"PSYLITE_DATABASE_URL is not a database URL ({err}); use "
            "sqlite+aiosqlite:///path/to/psylite.db or postgresql+asyncpg://user:pass@host/db"
        ) from None
    drivername = _SCHEME_ALIASES.get(url.drivername, url.drivername)
    if drivername not in SUPPORTED:
        raise StoreError(
            f"unsupported database URL scheme {url.drivername!r}: use "
            "sqlite+aiosqlite:///path/to/psylite.db or postgresql+asyncpg://user:pass@host/db"
        )
    url = url.set(drivername=drivername)
    if drivername.startswith("sqlite"):
        if not url.database or url.database == ":memory:":
            # Each pooled connection would get its own empty in-memory database.
            raise StoreError("an in-memory SQLite database cannot be shared; give a file path")
    elif not url.database:
        raise StoreError(f"{safe_url(url)}: the URL names no database (…/DBNAME)")
    return url


def safe_url(url: URL | str) -> str:
    """The URL with its password hidden, for messages and logs."""
    if isinstance(url, str):
        try:
            url = make_url(url)
        except Exception:
            return "<unparseable URL>"
    return url.render_as_string(hide_password=True)


def is_sqlite(url: URL) -> bool:
    return url.get_backend_name() == "sqlite"


def create_engine(url: URL, *, pool_size: int = 5) -> AsyncEngine:
    """An AsyncEngine with the per-backend settings PsyLite relies on."""
    if is_sqlite(url):
        engine = create_async_engine(
            url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S}, pool_size=pool_size
        )
        _configure_sqlite(engine)
        return engine
    return create_async_engine(
        url,
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_pre_ping=True,  # replicas survive a PostgreSQL restart
        connect_args={"timeout": 10, "server_settings": {"application_name": "psylite"}},
    )


def _configure_sqlite(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Take over BEGIN from the driver so that writers can ask for IMMEDIATE.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_TIMEOUT_S * 1000)}")
        try:
            cur.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError as err:
            # Two connections opening a brand-new file at once both try to switch it to WAL;
            # SQLite answers the loser "locked" at once, without waiting (the busy handler is
            # not asked, to avoid a deadlock). WAL is a property of the file: the winner's
            # switch holds for this connection too from its next transaction.
            if "locked" not in str(err):
                raise
            log.debug("journal mode left to the connection switching it: %s", err)
        cur.execute("PRAGMA foreign_keys=ON")
        # FULL: a committed escalation survives a power cut, not only a crash.
        cur.execute("PRAGMA synchronous=FULL")
        cur.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get(WRITE_OPTION):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


def _root_cause(err: BaseException) -> BaseException:
    orig = getattr(err, "orig", None)
    while orig is not None and getattr(orig, "__cause__", None) is not None:
        orig = orig.__cause__
    return orig or err


def translate(err: BaseException, url: URL) -> StoreError | None:
    """A StoreError that says what to do, for the failures an operator can fix; else None."""
    where = safe_url(url)
    text = str(err)
    root = _root_cause(err)
    root_text = f"{type(root).__name__}: {root}" if str(root) else type(root).__name__
    if "database or disk is full" in text or "SQLITE_FULL" in text:
        return StoreError(
            f"the SQLite database {url.database} is full (disk full or size limit): free disk "
            "space, or run `psylite db purge`"
        )
    if "unable to open database file" in text:
        return StoreError(
            f"cannot open the SQLite database {url.database}: check that the directory exists "
            "and is writable (PSYLITE_DATA_DIR / PSYLITE_DATABASE_URL)"
        )
    if "readonly database" in text:
        return StoreError(f"the SQLite database {url.database} is read-only: fix its permissions")
    if "database is locked" in text:
        return StoreError(
            f"the SQLite database {url.database} stayed locked by another writer for "
            f"{SQLITE_BUSY_TIMEOUT_S:.0f} s; for several processes use PostgreSQL"
        )
    if "file is not a database" in text or "file is encrypted or is not a database" in text:
        return StoreError(f"{url.database} is not a SQLite database: check PSYLITE_DATABASE_URL")
    name = type(root).__name__
    if name == "InvalidPasswordError" or "password authentication failed" in text:
        return StoreError(f"{where}: authentication failed; check the user and password")
    if name == "DiskFullError":
        return StoreError(f"the PostgreSQL server at {where} is out of disk space")
    if name == "InvalidCatalogNameError":
        return StoreError(f"{where}: the database does not exist; create it (createdb) first")
    if isinstance(root, OSError | TimeoutError) or name in (
        "CannotConnectNowError",
        "ConnectionDoesNotExistError",
        "ConnectionFailureError",
        "TooManyConnectionsError",
    ):
        return StoreError(
            f"cannot reach the database at {where} ({root_text}); is the server running? "
            "check PSYLITE_DATABASE_URL"
        )
    if isinstance(err, exc.DBAPIError) and err.connection_invalidated:
        return StoreError(f"lost the connection to the database at {where}; retry")
    return None


@contextmanager
def translated(url: URL) -> Iterator[None]:
    """Re-raise operational database failures as StoreError; programming errors pass through."""
    try:
        yield
    except StoreError:
        raise
    except (exc.OperationalError, exc.InterfaceError, exc.DBAPIError, OSError, TimeoutError) as err:
        mapped = translate(err, url)
        if mapped is None:
            raise
        log.debug("database error translated", exc_info=True)
        raise mapped from err
