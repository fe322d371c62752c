"""Fixtures for the deploy, serve and fault tests: a running `psylite serve` app on loopback.

async with serve_app(settings, llm) as server:
    client = openai.AsyncOpenAI(base_url=server.base_url, api_key=KEY)
"""

from __future__ import annotations

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
async def serve_app(settings: Settings, llm: LLMBackend) -> AsyncIterator[ServeServer]:
    """Build services and the endpoint through the factories and serve on a free port."""
    services = build_services(settings, llm=llm)
    runner = web.AppRunner(build_serve_app(settings, services), shutdown_timeout=0.5)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        yield ServeServer(f"http://127.0.0.1:{port}", services)
    finally:
        await runner.cleanup()
