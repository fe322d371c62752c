# ruff: noqa: F811  (pytest injects the imported fixtures by parameter name)
"""Webhook mode: Telegram's secret header is required; good updates reach the bot."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import aiohttp
from bot_fixtures import api, bot_settings, fake_llm  # noqa: F401
from fake_telegram import FakeBotAPI

from bot.app import build_application
from bot.runner import WebhookConfig, running
from bot.webhook import SECRET_HEADER
from psylite.llm.fake import FakeLLM
from psylite.services import build_services


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_webhook_refuses_missing_or_wrong_secret_and_accepts_the_right_one(
    api: FakeBotAPI, data_dir: Path, fake_llm: FakeLLM
) -> None:
    settings = bot_settings(data_dir, api)
    services = build_services(settings, llm=fake_llm)
    port = _free_port()
    config = WebhookConfig(
        url="https://bot.example.org/tg/hook",
        listen="127.0.0.1",
        port=port,
        secret="s3cret-Token_1",
    )
    url = f"http://127.0.0.1:{port}/tg/hook"
    body = json.dumps({"update_id": 77, "message": api.message(21, "/start")})
    headers = {"Content-Type": "application/json"}
    async with running(build_application(settings, services), webhook=config):
        assert api.webhook_url == config.url
        set_call = api.sent(method="setWebhook")[-1]
        assert set_call.params["secret_token"] == config.secret
        async with aiohttp.ClientSession() as http:
            async with http.post(url, data=body, headers=headers) as r:
                assert r.status == 403
            async with http.post(url, data=body, headers={**headers, SECRET_HEADER: "nope"}) as r:
                assert r.status == 403
            assert api.sent(21) == []
            async with http.post(
                url, data=body, headers={**headers, SECRET_HEADER: config.secret}
            ) as r:
                assert r.status == 200
        await api.wait_for_message(21, "not a therapist")


async def test_bot_process_exposes_prometheus_metrics_in_both_modes(
    api: FakeBotAPI, data_dir: Path, fake_llm: FakeLLM
) -> None:
    from prometheus_client.parser import text_string_to_metric_families

    async def scrape(url: str) -> set[str]:
        async with aiohttp.ClientSession() as http, http.get(url) as r:
            assert r.status == 200
            return {f.name for f in text_string_to_metric_families(await r.text())}

    # webhook mode: on the webhook port
    settings = bot_settings(data_dir, api)
    port = _free_port()
    config = WebhookConfig(
        url="https://bot.example.org/hook", listen="127.0.0.1", port=port, secret="x-secret"
    )
    async with running(
        build_application(settings, build_services(settings, llm=fake_llm)), webhook=config
    ):
        names = await scrape(f"http://127.0.0.1:{port}/metrics")
    assert any("escalations" in n for n in names)
    assert any("messages" in n for n in names)

    # polling mode: on PSYLITE_METRICS_PORT
    metrics_port = _free_port()
    settings = settings.model_copy(update={"metrics_port": metrics_port})
    async with running(build_application(settings, build_services(settings, llm=fake_llm))):
        names = await scrape(f"http://127.0.0.1:{metrics_port}/metrics")
    assert any("outbox" in n for n in names)
