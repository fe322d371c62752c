# ruff: noqa: F811  (pytest injects the imported fixtures by parameter name)
"""`psylite serve`: the official `openai` client against the endpoint, through the full pipeline."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import openai
import pytest
from deploy_fixtures import (
    API_KEY,
    COUNSEL_EN,
    CRISIS_EN,
    CRISIS_ZH,
    REFUSE_ZH,
    free_port,
    serve_app,
    serve_settings,
)
from llm_fixtures import FakeServer, fake_ollama  # noqa: F401

from psylite.errors import ConfigError
from psylite.llm.fake import FakeLLM
from psylite.safety import crisis_reply, refusal_reply
from psylite.serve import ROUTE_HEADER, build_serve_app, chat_id_for
from psylite.services import build_services
from psylite.settings import Settings


def _client(base_url: str, key: str = API_KEY) -> openai.AsyncOpenAI:
    return openai.AsyncOpenAI(base_url=base_url, api_key=key, max_retries=0, timeout=20)


async def test_non_streaming_counsel_reply_comes_from_the_model_with_its_route(
    data_dir: Path,
) -> None:
    llm = FakeLLM(["It sounds like a long day. What was the hardest part?"])
    async with serve_app(serve_settings(data_dir), llm) as server:
        client = _client(server.base_url)
        raw = await client.chat.completions.with_raw_response.create(
            model="psylite", messages=[{"role": "user", "content": COUNSEL_EN}], user="alice"
        )
        completion = raw.parse()
        assert raw.headers[ROUTE_HEADER] == "counsel"
        assert completion.choices[0].message.content == (
            "It sounds like a long day. What was the hardest part?"
        )
        assert completion.model_extra["psylite"]["route"] == "counsel"
        # The model saw the system prompt and the user's words.
        sent = llm.history[0].messages
        assert sent[0].role == "system" and sent[-1].content == COUNSEL_EN


async def test_streaming_chunks_add_up_to_the_reply_and_the_last_carries_the_route(
    data_dir: Path,
) -> None:
    llm = FakeLLM([["I hear ", "you. ", "Tell me ", "more about ", "work."]])
    async with serve_app(serve_settings(data_dir), llm) as server:
        client = _client(server.base_url)
        stream = await client.chat.completions.create(
            model="psylite",
            messages=[{"role": "user", "content": COUNSEL_EN}],
            stream=True,
            user="bob",
        )
        chunks = [c async for c in stream]
        text = "".join(c.choices[0].delta.content or "" for c in chunks)
        assert text == "I hear you. Tell me more about work."
        # Guarded streaming: text is released sentence by sentence, so several chunks.
        assert sum(1 for c in chunks if c.choices[0].delta.content) >= 2
        assert chunks[-1].choices[0].finish_reason == "stop"
        assert chunks[-1].model_extra["psylite"]["route"] == "counsel"


@pytest.mark.parametrize("stream", [False, True])
async def test_crisis_gets_the_fixed_reply_an_escalation_and_never_the_model(
    data_dir: Path, stream: bool
) -> None:
    llm = FakeLLM()
    async with serve_app(serve_settings(data_dir), llm) as server:
        client = _client(server.base_url)
        messages = [{"role": "user", "content": CRISIS_EN}]
        if stream:
            chunks = [
                c
                async for c in await client.chat.completions.create(
                    model="psylite", messages=messages, stream=True, user="carol"
                )
            ]
            text = "".join(c.choices[0].delta.content or "" for c in chunks)
            extra = chunks[-1].model_extra["psylite"]
        else:
            completion = await client.chat.completions.create(
                model="psylite", messages=messages, user="carol"
            )
            text = completion.choices[0].message.content or ""
            extra = completion.model_extra["psylite"]
        assert text == crisis_reply("en")
        assert extra["route"] == "crisis" and extra["escalation_id"] is not None
        assert llm.history == []
        store = server.services.store
        [esc] = await store.list_escalations(chat_id=chat_id_for("carol", None))
        assert esc.id == extra["escalation_id"]


async def test_refusal_and_chinese_crisis_are_answered_in_chinese(data_dir: Path) -> None:
    llm = FakeLLM()
    async with serve_app(serve_settings(data_dir), llm) as server:
        client = _client(server.base_url)
        refused = await client.chat.completions.create(
            model="psylite", messages=[{"role": "user", "content": REFUSE_ZH}], user="dan"
        )
        assert refused.choices[0].message.content == refusal_reply("zh")
        crisis = await client.chat.completions.create(
            model="psylite", messages=[{"role": "user", "content": CRISIS_ZH}], user="dan"
        )
        assert crisis.choices[0].message.content == crisis_reply("zh")
        assert llm.history == []


async def test_wrong_or_missing_key_is_refused_and_models_lists_psylite(data_dir: Path) -> None:
    async with serve_app(serve_settings(data_dir), FakeLLM()) as server:
        with pytest.raises(openai.AuthenticationError):
            await _client(server.base_url, key="wrong").models.list()
        with pytest.raises(openai.AuthenticationError):
            await _client(server.base_url, key="wrong").chat.completions.create(
                model="psylite", messages=[{"role": "user", "content": CRISIS_EN}]
            )
        models = await _client(server.base_url).models.list()
        assert [m.id for m in models.data] == ["psylite"]


async def test_history_is_per_user_and_a_new_chat_starts_a_fresh_conversation(
    data_dir: Path,
) -> None:
    llm = FakeLLM()  # echoes the last user message
    async with serve_app(serve_settings(data_dir), llm) as server:
        client = _client(server.base_url)

        async def say(user: str, history: list[dict[str, str]], text: str) -> None:
            await client.chat.completions.create(
                model="psylite",
                messages=[*history, {"role": "user", "content": text}],
                user=user,
            )

        await say("erin", [], "My cat is called Miso.")
        await say(
            "erin",
            [
                {"role": "user", "content": "My cat is called Miso."},
                {"role": "assistant", "content": "..."},
            ],
            "What is my cat called?",
        )
        await say("frank", [], "Hello there.")
        erin_second = [m.content for m in llm.history[1].messages]
        frank_first = [m.content for m in llm.history[2].messages]
        assert "My cat is called Miso." in erin_second  # the store's history for erin
        assert not any("Miso" in c for c in frank_first)  # nothing of erin's for frank
        await say("erin", [], "Starting over.")  # a new chat in the front end
        assert not any("Miso" in m.content for m in llm.history[3].messages)


async def test_bad_requests_get_openai_shaped_errors(data_dir: Path) -> None:
    async with serve_app(serve_settings(data_dir), FakeLLM()) as server:
        client = _client(server.base_url)
        with pytest.raises(openai.BadRequestError):
            await client.chat.completions.create(
                model="psylite", messages=[{"role": "system", "content": "hi"}]
            )


def test_refuses_to_start_without_a_key_outside_development(data_dir: Path) -> None:
    for env in ("production", "test"):
        settings = Settings(data_dir=data_dir, environment=env)
        with pytest.raises(ConfigError, match="PSYLITE_SERVE_API_KEY"):
            build_serve_app(settings, build_services(settings, llm=FakeLLM()))
    dev = Settings(data_dir=data_dir, environment="development")
    build_serve_app(dev, build_services(dev, llm=FakeLLM()))  # open, with a warning


def test_chat_ids_are_stable_distinct_and_outside_telegrams_range() -> None:
    a, b = chat_id_for("alice", None), chat_id_for("bob", None)
    assert a == chat_id_for("alice", "other-token") and a != b
    assert chat_id_for(None, "tok1") != chat_id_for(None, "tok2")
    assert all(-(1 << 63) <= x < -(1 << 61) for x in (a, b))


async def test_cli_serves_through_ollama_and_stops_on_sigterm(
    data_dir: Path, fake_ollama: FakeServer
) -> None:
    fake_ollama.script.tokens = ["Thank you ", "for sharing. ", "I'm here."]
    port = free_port()
    env = {
        **os.environ,
        "PSYLITE_ENVIRONMENT": "test",
        "PSYLITE_DATA_DIR": str(data_dir),
        "PSYLITE_LLM_BACKEND": "ollama",
        "PSYLITE_OLLAMA_HOST": fake_ollama.url,
        "PSYLITE_MODEL": "psylite",
        "PSYLITE_HUMOR_ENABLED": "false",
    }
    # Without a key outside development: one line, exit 2.
    no_key = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "psylite.cli", "serve", "--port", str(port),
        env=env, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    _, err = await asyncio.wait_for(no_key.communicate(), 60)
    assert no_key.returncode == 2 and b"PSYLITE_SERVE_API_KEY" in err
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "psylite.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
        env={**env, "PSYLITE_SERVE_API_KEY": API_KEY}, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        client = _client(f"http://127.0.0.1:{port}/v1")
        for _ in range(200):
            try:
                await client.models.list()
                break
            except openai.APIConnectionError:
                await asyncio.sleep(0.1)
        completion = await client.chat.completions.create(
            model="psylite", messages=[{"role": "user", "content": COUNSEL_EN}]
        )
        assert completion.choices[0].message.content == "Thank you for sharing. I'm here."
        assert fake_ollama.requests[-1]["messages"][-1]["content"] == COUNSEL_EN
    finally:
        proc.send_signal(signal.SIGTERM)
        await asyncio.wait_for(proc.wait(), 30)
    assert proc.returncode == 0
