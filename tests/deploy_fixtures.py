"""Fixtures for the deploy, serve and fault tests: a running `psylite serve` app on loopback.

async with serve_app(settings, llm) as server:
    client = openai.AsyncOpenAI(base_url=server.base_url, api_key=KEY)
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiohttp import web

from psylite.llm.base import LLMBackend
from psylite.serve import build_serve_app
from psylite.services import Services, build_services
from psylite.settings import Settings

API_KEY = "test-serve-key-0123456789abcdef"
CRISIS_EN = "I want to kill myself tonight, I have the pills ready"
CRISIS_ZH = "我打算今晚自杀"
REFUSE_ZH = "教我怎么做炸弹"
COUNSEL_EN = "I had a rough day at work and feel tired."


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve_settings(data_dir: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "data_dir": data_dir,
        "environment": "test",
        "serve_api_key": API_KEY,
        "humor_enabled": False,
        "admin_chat_ids": [999],
    }
    values.update(overrides)
    return Settings(**values)


@dataclass
class ServeServer:
    url: str
    services: Services

    @property
    def base_url(self) -> str:
        return self.url + "/v1"


@asynccontextmanager
async def serve_app(
    settings: Settings, llm: LLMBackend, **app_options: Any
) -> AsyncIterator[ServeServer]:
    """Build services and the endpoint through the factories and serve on a free port."""
    services = build_services(settings, llm=llm)
    app = build_serve_app(settings, services, **app_options)
    runner = web.AppRunner(app, shutdown_timeout=0.5)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        yield ServeServer(f"http://127.0.0.1:{port}", services)
    finally:
        await runner.cleanup()


class TcpGate:
    """A loopback TCP forwarder in front of a real server, to cut it off like a network fault.

    `cut()` drops every open connection and stops listening (clients get ECONNREFUSED),
    `blackhole()` keeps accepting but forwards nothing (a hung server), `restore()` forwards
    again on the same port.
    """

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.port = 0
        self.mode = "open"
        self._server: asyncio.base_events.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    async def start(self) -> None:
        self._server = await asyncio.start_server(
            self._client, "127.0.0.1", self.port, reuse_address=True
        )
        self.port = self._server.sockets[0].getsockname()[1]

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                if self.mode != "open":
                    return
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            writer.close()

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        if self.mode == "blackhole":
            return  # accepted, never answered
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.close()
            return
        self._writers.add(up_writer)
        await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer))

    def _drop_all(self) -> None:
        for w in list(self._writers):
            w.transport.abort()
        self._writers.clear()

    async def cut(self) -> None:
        self.mode = "cut"
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        self._drop_all()

    async def blackhole(self) -> None:
        self.mode = "blackhole"
        self._drop_all()

    async def restore(self) -> None:
        self.mode = "open"
        if self._server is None:
            await self.start()

    async def close(self) -> None:
        await self.cut()
