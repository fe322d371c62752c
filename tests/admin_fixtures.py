"""Fixtures for the admin dashboard tests (imported by tests/test_admin_*.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

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
