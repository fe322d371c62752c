"""Store fixtures: a migrated database per test on SQLite and on a real PostgreSQL.

PostgreSQL comes from PSYLITE_TEST_POSTGRES_URL (default: the role and database that
scripts/ci_postgres.sh creates). Each test session works in its own throw-away database
(the role has CREATEDB), so parallel sessions never see each other's rows. Without a
reachable server the PostgreSQL cases skip with the reason; with CI=true they fail.

Import them into a test module (tests/ is on sys.path):
    from store_fixtures import backend, postgres_session_url, sqlite_template, store, store_settings  # noqa: F401
"""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from psylite.settings import Settings
from psylite.store import Store, upgrade_to_head
from psylite.store.models import Base

DEFAULT_POSTGRES_URL = "postgresql+asyncpg://psylite:psylite@127.0.0.1:5432/psylite_test"
BACKENDS = ("sqlite", "postgresql")


def postgres_url() -> str:
    return os.environ.get("PSYLITE_TEST_POSTGRES_URL") or DEFAULT_POSTGRES_URL


def _asyncpg_dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@cache
def postgres_unavailable_reason() -> str | None:
    """None if the test server answers, else why not (shown in the skip/fail message)."""
    import asyncpg

    async def probe() -> None:
        conn = await asyncpg.connect(_asyncpg_dsn(postgres_url()), timeout=5)
        await conn.close()

    try:
        asyncio.run(probe())
    except Exception as err:
        safe = make_url(postgres_url()).render_as_string(hide_password=True)
        return (
            f"PostgreSQL not reachable at {safe} ({type(err).__name__}: {err}); "
            "run scripts/ci_postgres.sh or set PSYLITE_TEST_POSTGRES_URL"
        )
    return None


def require_postgres() -> None:
    """Skip (locally) or fail (CI=true) when the PostgreSQL test server is unreachable."""
    reason = postgres_unavailable_reason()
    if reason is None:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


async def _create_database(admin_url: str, name: str) -> bool:
    import asyncpg

    conn = await asyncpg.connect(_asyncpg_dsn(admin_url), timeout=10)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
        return True
    except asyncpg.InsufficientPrivilegeError:
        return False
    finally:
        await conn.close()


async def _drop_database(admin_url: str, name: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(_asyncpg_dsn(admin_url), timeout=10)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


@pytest.fixture(scope="session")
def postgres_session_url() -> Iterator[str]:
    """A migrated PostgreSQL database for this test session (dropped at the end)."""
    require_postgres()
    base = postgres_url()
    name = f"psylite_t_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    created = asyncio.run(_create_database(base, name))
    url = (
        make_url(base).set(database=name).render_as_string(hide_password=False) if created else base
    )
    asyncio.run(upgrade_to_head(Settings(database_url=url, environment="test")))
    try:
        yield url
    finally:
        if created:
            asyncio.run(_drop_database(base, name))


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file, copied for every test (faster than migrating each time)."""
    path = tmp_path_factory.mktemp("sqlite-template") / "template.db"
    settings = Settings(database_url=f"sqlite+aiosqlite:///{path}", environment="test")
    asyncio.run(upgrade_to_head(settings))
    return path


async def truncate_all(url: str) -> None:
    """Empty every table of a PostgreSQL test database (keeps the schema and its revision)."""
    import asyncpg

    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    conn = await asyncpg.connect(_asyncpg_dsn(url), timeout=10)
    try:
        await conn.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
    finally:
        await conn.close()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Parametrizes a test over SQLite and PostgreSQL."""
    return str(request.param)


@pytest.fixture
def store_settings(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Settings pointing at an empty, migrated database of `backend` for this test."""
    return make_settings(backend, request, tmp_path)


def make_settings(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path, **overrides: Any
) -> Settings:
    if backend == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        db = tmp_path / "psylite.db"
        if not db.exists():
            shutil.copyfile(template, db)
        url = f"sqlite+aiosqlite:///{db}"
    else:
        url = request.getfixturevalue("postgres_session_url")
        if not getattr(request.node, "_psylite_truncated", False):
            asyncio.run(truncate_all(url))
            request.node._psylite_truncated = True
    return Settings(database_url=url, data_dir=tmp_path / "var", environment="test", **overrides)


@pytest.fixture
async def store(store_settings: Settings) -> AsyncIterator[Store]:
    """An initialized Store on an empty database (SQLite and PostgreSQL)."""
    s = Store(store_settings)
    await s.initialize()
    try:
        yield s
    finally:
        await s.shutdown()


# --- a second process for the concurrency tests ---------------------------------------------
# `python tests/store_fixtures.py URL TAG N` prints "ready", waits for "go" on stdin, then
# stores N messages, races for the claim of update ids 0..N-1, increments a shared counter
# in the conversation state N times (optimistically), delivers outbox jobs, and prints one
# JSON line with what it did.


async def _child(url: str, tag: int, n: int) -> dict[str, Any]:
    import sys

    from psylite.store import OutboxWorker, StateConflict

    store = Store(Settings(database_url=url, environment="test"))
    await store.initialize()
    print("ready", flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    ids = [
        await store.add_message(
            chat_id=1, role="user", text=f"p{tag}-{i}", update_id=tag * 100_000 + i
        )
        for i in range(n)
    ]
    claimed = [u for u in range(n) if await store.claim_update(update_id=u)]
    conflicts = 0
    for _ in range(n):
        while True:
            state, version = await store.get_state_versioned(chat_id=1)
            counter = (state or {}).get("counter", 0) + 1
            try:
                await store.save_state(
                    chat_id=1, state={"counter": counter}, expected_version=version
                )
                break
            except StateConflict:
                conflicts += 1
    delivered: list[str] = []

    async def deliver(job: Any) -> None:
        delivered.append(job.idempotency_key)

    worker = OutboxWorker(store, deliver, worker_id=f"proc{tag}", batch_size=3)
    while await worker.run_once():
        pass
    await store.shutdown()
    return {"ids": ids, "claimed": claimed, "conflicts": conflicts, "delivered": delivered}


if __name__ == "__main__":
    import json
    import sys

    result = asyncio.run(_child(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
    print(json.dumps(result), flush=True)


@pytest.fixture
def fresh_database_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """An empty, unmigrated database of `backend` (PostgreSQL: its own, dropped afterwards)."""
    if backend == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'fresh.db'}"
        return
    require_postgres()
    base = postgres_url()
    name = f"psylite_f_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    if not asyncio.run(_create_database(base, name)):
        pytest.skip("the PostgreSQL test role cannot CREATE DATABASE")
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        asyncio.run(_drop_database(base, name))
