"""Fixtures for the admin dashboard tests.

Import them into a test module (tests/ is on sys.path); the star import brings the
fixtures (and the store's `sqlite_template` they depend on) into the module's namespace:
    from admin_fixtures import *  # noqa: F403
"""

from __future__ import annotations

import re
import shutil
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from store_fixtures import sqlite_template  # noqa: F401  (fixture used via getfixturevalue)

from psylite.admin.app import build_admin_app
from psylite.admin.cli import add_user
from psylite.admin.keys import AdminConfig
from psylite.llm.fake import FakeLLM
from psylite.services import Services, build_services
from psylite.settings import Settings, load_settings

ADMIN_SECRET = "test-admin-secret-0123456789abcdef"
ADMIN_NAME = "alice"
ADMIN_PASSWORD = "correct horse battery staple"
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')

ClientFactory = Callable[[web.Application], Awaitable[TestClient]]


@pytest.fixture
async def aiohttp_client() -> AsyncIterator[ClientFactory]:
    """Start an app on a real loopback port and return a client with a cookie jar."""
    clients: list[TestClient] = []

    async def make(app: web.Application) -> TestClient:
        client = TestClient(TestServer(app, host="127.0.0.1"))
        await client.start_server()
        clients.append(client)
        return client

    yield make
    for client in reversed(clients):
        await client.close()


@pytest.fixture
def admin_settings(data_dir, request) -> Settings:
    """Test settings: a migrated SQLite copy under the data dir, a real session secret."""
    shutil.copyfile(request.getfixturevalue("sqlite_template"), data_dir / "psylite.db")
    return load_settings(
        data_dir=data_dir, environment="test", admin_secret_key=ADMIN_SECRET, humor_enabled=False
    )


@pytest.fixture
async def admin_services(admin_settings) -> AsyncIterator[Services]:
    """Migrated database, the fake LLM, and the real pipeline, through the composition root."""
    services = build_services(admin_settings, llm=FakeLLM())
    await services.initialize()
    yield services
    await services.shutdown()


@pytest.fixture
async def admin_user(admin_settings, admin_services) -> str:
    """An admin account created through the CLI's code path."""
    await add_user(admin_settings, name=ADMIN_NAME, password=ADMIN_PASSWORD)
    return ADMIN_NAME


def make_admin_app(settings: Settings, services: Services, **config: object) -> web.Application:
    return build_admin_app(settings, services, config=AdminConfig(**config), manage_services=False)  # type: ignore[arg-type]


@pytest.fixture
async def admin_client(admin_settings, admin_services, aiohttp_client) -> TestClient:
    """A client for the dashboard, not logged in."""
    return await aiohttp_client(make_admin_app(admin_settings, admin_services))


async def csrf_from(client: TestClient, path: str) -> str:
    resp = await client.get(path)
    match = CSRF_RE.search(await resp.text())
    assert match, f"no CSRF token on {path}"
    return match.group(1)


async def log_in(client: TestClient, name: str = ADMIN_NAME, password: str = ADMIN_PASSWORD):
    """Submit the login form like a browser (fetch the form, post it with its token)."""
    token = await csrf_from(client, "/login")
    return await client.post(
        "/login",
        data={"name": name, "password": password, "csrf_token": token, "next": "/queue"},
        allow_redirects=False,
    )


@pytest.fixture
async def logged_in(admin_client, admin_user) -> TestClient:
    resp = await log_in(admin_client)
    assert resp.status == 303, await resp.text()
    return admin_client
