"""Shared fixtures for the bot tests: the fake Bot API, a real ExtBot pointed at it, and a
running bot built through the factories (`env`)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fake_telegram import TOKEN, FakeBotAPI
from telegram.ext import Application, ExtBot

from bot.app import build_application
from bot.ratelimit import RetryingLimiter
from bot.runner import running
from psylite.llm.fake import FakeLLM
from psylite.services import Services, build_services
from psylite.settings import Settings


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as server:
        yield server


@pytest.fixture
async def ext_bot(api: FakeBotAPI) -> AsyncIterator[ExtBot]:
    bot: ExtBot = ExtBot(TOKEN, base_url=api.base_url, rate_limiter=RetryingLimiter(backoff=0.01))
    await bot.initialize()
    yield bot
    await bot.shutdown()


ADMIN_ID = 999


@dataclass
class BotEnv:
    """A running bot (the real Application) over real services, against the fake Bot API."""

    api: FakeBotAPI
    llm: FakeLLM
    settings: Settings
    services: Services
    application: Application  # type: ignore[type-arg]

    @property
    def store(self):  # type: ignore[no-untyped-def]
        return self.services.store

    async def eventually(self, check: Callable[[], Awaitable[Any]], within: float = 5.0) -> Any:
        """Poll an async check (e.g. a store query) until it is truthy."""
        deadline = asyncio.get_running_loop().time() + within
        while True:
            value = await check()
            if value:
                return value
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(f"condition not met within {within} s")
            await asyncio.sleep(0.05)

    async def consent(self, chat_id: int, lang: str = "en") -> None:
        """Walk a new user through /start and Agree."""
        self.api.push_text(chat_id, "/start", lang=lang)
        note = await self.api.wait_for_message(chat_id, "")
        self.api.push_callback(note, "consent:agree")
        await self.api.wait_for(lambda: len(self.api.sent(chat_id, "sendMessage")) >= 2)


def bot_settings(data_dir: Path, api: FakeBotAPI, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "data_dir": data_dir,
        "environment": "test",
        "telegram_bot_token": TOKEN,
        "telegram_base_url": api.root_url,
        "admin_chat_ids": [ADMIN_ID],
        "telegram_edit_interval": 0.05,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@asynccontextmanager
async def start_bot(api: FakeBotAPI, settings: Settings, llm: FakeLLM) -> AsyncIterator[BotEnv]:
    """Build services and the application through the factories and run it (polling)."""
    services = build_services(settings, llm=llm)
    application = build_application(settings, services)
    async with running(application, poll_timeout=1):
        yield BotEnv(api, llm, settings, services, application)


@pytest.fixture
def fake_llm() -> FakeLLM:
    return FakeLLM()


@pytest.fixture
async def env(api: FakeBotAPI, data_dir: Path, fake_llm: FakeLLM) -> AsyncIterator[BotEnv]:
    async with start_bot(api, bot_settings(data_dir, api), fake_llm) as running_env:
        yield running_env
