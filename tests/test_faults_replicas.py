# ruff: noqa: F811  (pytest injects the imported fixtures by parameter name)
"""Scale-out: two bot replicas in webhook mode share one PostgreSQL and both receive the same
update (a Telegram retry landing on the other replica behind the proxy) → one message row,
one escalation, one reply."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path

import aiohttp
from bot_fixtures import ADMIN_ID, api, bot_settings  # noqa: F401
from deploy_fixtures import CRISIS_EN, free_port
from fake_telegram import FakeBotAPI
from sqlalchemy import func, select
from store_fixtures import postgres_session_url, truncate_all  # noqa: F401

from bot.app import build_application
from bot.runner import WebhookConfig, running
from bot.webhook import SECRET_HEADER
from psylite.llm.fake import FakeLLM
from psylite.safety import crisis_reply
from psylite.services import Services, build_services
from psylite.store import models as m

SECRET = "replica-secret-0123456789"


@asynccontextmanager
async def replica(
    api: FakeBotAPI, data_dir: Path, url: str, llm: FakeLLM
) -> AsyncIterator[tuple[str, Services]]:
    """One bot process's worth: its own data dir and webhook port, the shared database."""
    settings = bot_settings(data_dir, api, database_url=url, humor_enabled=False)
    services = build_services(settings, llm=llm)
    port = free_port()
    config = WebhookConfig(
        url="https://bot.example.org/tg/hook", listen="127.0.0.1", port=port, secret=SECRET
    )
    async with running(build_application(settings, services), webhook=config):
        yield f"http://127.0.0.1:{port}/tg/hook", services


async def _post_to_all(hooks: list[str], update: dict) -> None:  # type: ignore[type-arg]
    headers = {"Content-Type": "application/json", SECRET_HEADER: SECRET}
    body = json.dumps(update)
    async with aiohttp.ClientSession() as http:

        async def post(url: str) -> int:
            async with http.post(url, data=body, headers=headers) as r:
                return r.status

        assert await asyncio.gather(*(post(h) for h in hooks)) == [200] * len(hooks)


async def test_same_update_on_two_replicas_gives_one_row_one_escalation_one_reply(
    api: FakeBotAPI, tmp_path: Path, postgres_session_url: str
) -> None:
    await truncate_all(postgres_session_url)
    async with AsyncExitStack() as stack:
        llm = FakeLLM(["Thanks for telling me how your day went."] * 4)
        hook_a, services = await stack.enter_async_context(
            replica(api, tmp_path / "a", postgres_session_url, llm)
        )
        hook_b, _ = await stack.enter_async_context(
            replica(api, tmp_path / "b", postgres_session_url, llm)
        )
        store = services.store
        crisis_update = {"update_id": 424242, "message": api.message(55, CRISIS_EN)}
        await _post_to_all([hook_a, hook_b], crisis_update)
        await api.wait_for_message(55, crisis_reply("en")[:40])
        await api.wait_for_message(ADMIN_ID, "New escalation")

        # A consented user's ordinary message, also delivered to both replicas.
        await store.record_consent(
            chat_id=56, policy_version=services.settings.policy_version, accepted=True
        )
        counsel_update = {"update_id": 424243, "message": api.message(56, "My day was long.")}
        await _post_to_all([hook_a, hook_b], counsel_update)
        await api.wait_for(lambda: api.texts(56))
        await asyncio.sleep(1.0)  # a second reply or notification would have arrived by now

        async with store._read() as session:
            user_rows = await session.scalar(
                select(func.count())
                .select_from(m.Message)
                .where(m.Message.role == "user", m.Message.chat_id.in_([55, 56]))
            )
            escalations = await session.scalar(select(func.count()).select_from(m.Escalation))
        assert user_rows == 2  # one per update, not one per replica
        assert escalations == 1
        assert len(api.sent(55, "sendMessage")) == 1
        assert len([c for c in api.sent(ADMIN_ID, "sendMessage") if "escalation" in c.text]) == 1
        assert api.texts(56) == ["Thanks for telling me how your day went."]
        assert len(llm.history) == 1  # the model ran once for the duplicated update
