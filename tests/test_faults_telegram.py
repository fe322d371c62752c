# ruff: noqa: F811  (pytest injects the imported fixtures by parameter name)
"""Fault: Telegram answers 429 (flood wait) and 5xx for a while; replies and admin
notifications are delivered once the retry window has passed, each exactly once."""

from __future__ import annotations

import asyncio
import time

from bot_fixtures import ADMIN_ID, BotEnv, api, env, fake_llm  # noqa: F401
from deploy_fixtures import CRISIS_EN

from psylite.safety import crisis_reply


async def test_crisis_reply_and_admin_notice_survive_flood_waits_and_server_errors(
    env: BotEnv,
) -> None:
    api = env.api
    api.fail_next("sendMessage", status=429, description="Too Many Requests", retry_after=1)
    api.fail_next("sendMessage", status=502, description="Bad Gateway")
    api.fail_next("sendMessage", status=429, description="Too Many Requests", retry_after=1)
    started = time.monotonic()
    api.push_text(61, CRISIS_EN)
    # `texts` holds only what the fake accepted (failed attempts leave nothing there).
    await api.wait_for(lambda: api.texts(61) and api.texts(ADMIN_ID), within=20)
    assert time.monotonic() - started >= 1.0  # a flood wait was honoured, not skipped
    await asyncio.sleep(1.0)  # a duplicate would arrive by now
    assert api.texts(61) == [crisis_reply("en")]
    assert len([t for t in api.texts(ADMIN_ID) if "New escalation" in t]) == 1


async def test_ordinary_reply_arrives_after_a_burst_of_server_errors(env: BotEnv) -> None:
    api = env.api
    await env.consent(62)
    env.llm.queue("That sounds like a lot to carry.")
    api.fail_next("sendMessage", status=500, description="Internal Server Error", times=2)
    api.fail_next("editMessageText", status=502, description="Bad Gateway", times=2)
    api.push_text(62, "Work has been heavy this week.")
    # the reply arrives whole (the router may add its gentle hotline line after it)
    await api.wait_for(
        lambda: any(t.startswith("That sounds like a lot to carry.") for t in api.texts(62)),
        within=8,
    )
