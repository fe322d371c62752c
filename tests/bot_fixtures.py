"""Shared fixtures for the bot tests: the fake Bot API and a real ExtBot pointed at it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram.ext import ExtBot

from bot.ratelimit import RetryingLimiter
from fake_telegram import TOKEN, FakeBotAPI


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
