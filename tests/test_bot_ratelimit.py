# ruff: noqa: F811  (pytest injects the imported fixtures by parameter name)
"""Per-user rate limit, per-chat ordering, the LLM gate and Bot API retries."""

from __future__ import annotations

import asyncio

import pytest
from bot_fixtures import api, ext_bot  # noqa: F401
from fake_telegram import FakeBotAPI
from telegram import Update
from telegram.error import Forbidden
from telegram.ext import ExtBot

from bot.ratelimit import LLMGate, PerChatUpdateProcessor, TokenBucket


def test_token_bucket_allows_a_burst_then_refills() -> None:
    now = [0.0]
    bucket = TokenBucket(per_minute=60, burst=3, clock=lambda: now[0])
    assert [bucket.allow(1) for _ in range(4)] == [True, True, True, False]
    assert bucket.allow(2)  # other users are not affected
    now[0] += 1.0  # one token per second
    assert bucket.allow(1)
    assert not bucket.allow(1)


def test_token_bucket_warns_once_per_limited_streak() -> None:
    now = [0.0]
    bucket = TokenBucket(per_minute=60, burst=1, clock=lambda: now[0])
    bucket.allow(1)
    assert not bucket.allow(1)
    assert bucket.should_warn(1)
    assert not bucket.should_warn(1)
    now[0] += 2
    assert bucket.allow(1)
    assert not bucket.allow(1)
    assert bucket.should_warn(1)


async def test_updates_of_one_chat_run_in_order_and_chats_run_concurrently(
    api: FakeBotAPI,
) -> None:
    processor = PerChatUpdateProcessor(64)
    log: list[tuple[int, int, str]] = []

    async def work(chat: int, n: int, delay: float) -> None:
        log.append((chat, n, "start"))
        await asyncio.sleep(delay)
        log.append((chat, n, "end"))

    updates = []
    for n, (chat, delay) in enumerate([(1, 0.1), (1, 0.0), (2, 0.0), (1, 0.0)]):
        u = Update.de_json({"update_id": n, "message": api.message(chat, f"m{n}")}, None)
        updates.append(processor.process_update(u, work(chat, n, delay)))
    await asyncio.gather(*updates)
    chat1 = [(n, what) for c, n, what in log if c == 1]
    assert chat1 == [(0, "start"), (0, "end"), (1, "start"), (1, "end"), (3, "start"), (3, "end")]
    # chat 2 did not wait for chat 1's slow first message
    assert log.index((2, 2, "end")) < log.index((1, 0, "end"))


async def test_llm_gate_tells_the_queued_caller_to_wait() -> None:
    gate = LLMGate(1)
    told: list[int] = []
    release = asyncio.Event()

    async def first() -> None:
        async with gate.slot():
            await release.wait()

    async def second() -> None:
        async def on_queue(position: int) -> None:
            told.append(position)

        async with gate.slot(on_queue):
            pass

    t1 = asyncio.create_task(first())
    await asyncio.sleep(0)
    t2 = asyncio.create_task(second())
    await asyncio.sleep(0.01)
    assert told == [1]
    assert gate.queued == 1
    release.set()
    await asyncio.gather(t1, t2)
    assert gate.queued == 0


async def test_flood_limit_429_is_retried_after_the_given_delay(
    api: FakeBotAPI, ext_bot: ExtBot
) -> None:
    api.fail_next(
        "sendMessage", status=429, description="Too Many Requests: retry after 1", retry_after=1
    )
    msg = await ext_bot.send_message(1, "hello")
    assert msg.text == "hello"
    attempts = api.sent(1, "sendMessage")
    assert len(attempts) == 2
    assert attempts[1].at - attempts[0].at >= 0.9


async def test_transient_server_error_is_retried(api: FakeBotAPI, ext_bot: ExtBot) -> None:
    api.fail_next("sendMessage", status=502, description="Bad Gateway")
    await ext_bot.send_message(1, "hello")
    assert len(api.sent(1, "sendMessage")) == 2


async def test_blocked_user_is_not_retried(api: FakeBotAPI, ext_bot: ExtBot) -> None:
    api.block(3)
    with pytest.raises(Forbidden):
        await ext_bot.send_message(3, "hello")
    assert len(api.sent(3, "sendMessage")) == 1
