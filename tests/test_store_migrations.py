# ruff: noqa: F401, F811
# (pytest injects the imported fixtures by parameter name)
"""Migrations up/down/up, models agree with migrations, clear errors for every bad state,
and the `psylite db` CLI run for real, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import event, inspect, text
from store_fixtures import (
    backend,
    fresh_database_url,
    postgres_session_url,
    postgres_url,
    require_postgres,
    sqlite_template,
    store,
    store_settings,
)

from psylite.errors import StoreError
from psylite.settings import Settings
from psylite.store import Store, migrate, upgrade_to_head
from psylite.store.engine import create_engine, parse_url
from psylite.store.models import Base

TABLES = {t.name for t in Base.metadata.sorted_tables}


def _settings(url: str) -> Settings:
    return Settings(database_url=url, environment="test")


async def _tables(url: str) -> set[str]:
    engine = create_engine(parse_url(url), pool_size=1)
    try:
        async with engine.connect() as conn:
            return set(await conn.run_sync(lambda c: inspect(c).get_table_names()))
    finally:
        await engine.dispose()


async def test_migrations_up_down_up(fresh_database_url: str) -> None:
    settings = _settings(fresh_database_url)
    assert await migrate.current(settings) is None
    assert await upgrade_to_head(settings) == migrate.head_revision()
    assert TABLES <= await _tables(fresh_database_url)
    store = Store(settings)
    await store.initialize()
    await store.add_message(chat_id=1, role="user", text="before downgrade")
    await store.shutdown()

    await migrate.downgrade(settings, "base")
    assert await migrate.current(settings) is None
    assert not (TABLES & await _tables(fresh_database_url))

    await upgrade_to_head(settings)
    store = Store(settings)
    await store.initialize()
    try:
        assert await store.recent_messages(chat_id=1) == []
        await store.add_message(chat_id=1, role="user", text="after")
    finally:
        await store.shutdown()


async def test_models_and_migrations_agree(fresh_database_url: str) -> None:
    await upgrade_to_head(_settings(fresh_database_url))
    engine = create_engine(parse_url(fresh_database_url), pool_size=1)

    def diff(conn: object) -> list:
        ctx = MigrationContext.configure(
            conn,  # type: ignore[arg-type]
            opts={"compare_type": True, "compare_server_default": True},
        )
        return compare_metadata(ctx, Base.metadata)

    try:
        async with engine.connect() as conn:
            differences = await conn.run_sync(diff)
    finally:
        await engine.dispose()
    assert differences == [], "run `psylite db revision -m ...` to write the missing migration"


async def test_concurrent_upgrades_do_not_collide(fresh_database_url: str) -> None:
    settings = _settings(fresh_database_url)
    revs = await asyncio.gather(upgrade_to_head(settings), upgrade_to_head(settings))
    assert revs == [migrate.head_revision()] * 2
    url = parse_url(fresh_database_url)
    if url.get_backend_name() == "sqlite":
        # both connections raced to switch the brand-new file to WAL; one of them did (the
        # other was told "locked" at once and went on: session 9's CI flake)
        with closing(sqlite3.connect(url.database)) as db:
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_unmigrated_database_says_run_db_upgrade(fresh_database_url: str) -> None:
    store = Store(_settings(fresh_database_url))
    with pytest.raises(StoreError, match=r"not migrated: run `psylite db upgrade`"):
        await store.initialize()
    await store.shutdown()  # safe after a failed initialize
    await store.initialize(create=True)  # what `make run` and tests use
    await store.shutdown()


async def test_unknown_revision_is_refused(fresh_database_url: str) -> None:
    await upgrade_to_head(_settings(fresh_database_url))
    engine = create_engine(parse_url(fresh_database_url), pool_size=1)
    async with engine.begin() as conn:
        await conn.execute(text("UPDATE alembic_version SET version_num = 'fffffff'"))
    await engine.dispose()
    with pytest.raises(StoreError, match="does not know"):
        await Store(_settings(fresh_database_url)).initialize()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("not a url", "not a database URL"),
        ("mysql://u:p@localhost/db", "unsupported database URL scheme 'mysql'"),
        ("sqlite+aiosqlite://", "in-memory"),
        ("postgresql://u:p@localhost", "names no database"),
        ("sqlite+aiosqlite:////nonexistent-dir-psylite/x.db", "cannot open the SQLite database"),
        ("postgresql+asyncpg://u:p@127.0.0.1:1/db", "cannot reach the database"),
    ],
)
async def test_bad_urls_and_unreachable_servers_give_clear_errors(url: str, message: str) -> None:
    store = Store(_settings(url))
    with pytest.raises(StoreError, match=message) as info:
        await store.initialize()
    assert ":p@" not in str(info.value)  # passwords never appear
    await store.shutdown()


async def test_postgres_auth_and_missing_database_errors() -> None:
    require_postgres()
    url = parse_url(postgres_url())
    wrong_pw = url.set(password="wrong").render_as_string(hide_password=False)
    with pytest.raises(StoreError, match="authentication failed"):
        await Store(_settings(wrong_pw)).initialize()
    missing = url.set(database="psylite_no_such_db").render_as_string(hide_password=False)
    with pytest.raises(StoreError, match="does not exist"):
        await Store(_settings(missing)).initialize()


async def test_sqlite_disk_full_is_a_clear_error(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'small.db'}"
    store = Store(_settings(url))
    await store.initialize(create=True)
    try:
        # Cap the file at its current size: the next growth fails like a full disk (SQLITE_FULL).
        @event.listens_for(store.engine.sync_engine, "connect")
        def _cap(dbapi_conn: object, _rec: object) -> None:
            cur = dbapi_conn.cursor()  # type: ignore[attr-defined]
            cur.execute("PRAGMA page_count")
            pages = cur.fetchone()[0]
            cur.execute(f"PRAGMA max_page_count = {pages}")
            cur.close()

        await store.engine.dispose()
        with pytest.raises(StoreError, match=r"is full .* free disk space"):
            for i in range(50):
                await store.add_message(chat_id=1, role="user", text="x" * 8000 + str(i))
    finally:
        await store.shutdown()


def _cli(url: str, *args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PSYLITE_")}
    env |= {"PSYLITE_DATABASE_URL": url, "PSYLITE_ENVIRONMENT": "test"}
    return subprocess.run(
        [sys.executable, "-m", "psylite.cli", "db", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        input=input,
    )


@pytest.mark.slow  # six real CLI processes per backend
async def test_db_cli_upgrade_current_export_delete_downgrade(
    fresh_database_url: str,
) -> None:
    r = _cli(fresh_database_url, "purge")
    assert r.returncode == 2 and "run `psylite db upgrade`" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1  # one line, no traceback

    r = _cli(fresh_database_url, "upgrade")
    assert r.returncode == 0, r.stderr
    assert f"revision {migrate.head_revision()}" in r.stdout
    r = _cli(fresh_database_url, "current")
    assert "(up to date)" in r.stdout

    store = Store(_settings(fresh_database_url))
    await store.initialize()
    await store.add_message(chat_id=31, role="user", text="你好 export me")
    await store.shutdown()

    r = _cli(fresh_database_url, "export-user", "31")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["messages"][0]["text"] == "你好 export me"
    r = _cli(fresh_database_url, "delete-user", "31", "--yes")
    assert r.returncode == 0 and "1 messages" in r.stdout, r.stderr
    r = _cli(fresh_database_url, "downgrade", "base")
    assert r.returncode == 0 and "revision base" in r.stdout


def test_gen_key_prints_a_usable_key() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "psylite.cli", "db", "gen-key"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    from cryptography.fernet import Fernet

    Fernet(r.stdout.strip().encode())


@pytest.mark.slow  # two pytest runs in subprocesses
@pytest.mark.parametrize(("ci", "outcome"), [("", "1 skipped"), ("true", "1 error")])
def test_unreachable_postgres_skips_locally_but_fails_in_ci(ci: str, outcome: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env |= {"PSYLITE_TEST_POSTGRES_URL": "postgresql+asyncpg://u:p@127.0.0.1:1/x", "CI": ci}
    target = "tests/test_store_crud.py::test_claim_update_is_true_only_for_the_first_caller"
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-rsE",
            "-p",
            "no:cacheprovider",
            f"{target}[postgresql]",
        ],
        cwd=Path(__file__).parents[1],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert outcome in r.stdout, r.stdout[-2000:]
    assert "PostgreSQL not reachable at postgresql+asyncpg://u:***@127.0.0.1:1/x" in r.stdout


def test_start_up_revision_check_agrees_with_alembic_and_does_not_import_it(tmp_path) -> None:
    import subprocess
    import sys

    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert [migrate.head_revision()] == list(script.get_heads())
    assert migrate.known_revisions() == {r.revision for r in script.walk_revisions()}

    # A production process only checks the revision: Alembic stays out of its memory.
    asyncio.run(upgrade_to_head(Settings(data_dir=tmp_path, environment="test")))
    probe = (
        "import asyncio, sys\n"
        "from psylite.settings import Settings\n"
        "from psylite.store import Store\n"
        f"s = Store(Settings(data_dir={str(tmp_path)!r}, environment='production'))\n"
        "asyncio.run(s.initialize())\n"
        "asyncio.run(s.shutdown())\n"
        "print('alembic' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
