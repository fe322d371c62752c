# Fixtures come from llm_fixtures by import; pytest injects them by parameter name.
# ruff: noqa: F811
"""The `openai` backend: the real `openai` client library against a fake OpenAI-compatible server."""

from __future__ import annotations

import re
import time

import pytest
from llm_fixtures import FakeServer, dead_url, fake_openai  # noqa: F401

from psylite.errors import BackendUnreachable, LLMError, LLMTimeout, ModelNotFound
from psylite.llm import build_llm
from psylite.llm.base import ChatMessage, GenOptions
from psylite.llm.openai_backend import OpenAIBackend
from psylite.settings import load_settings

MESSAGES = [
    ChatMessage(role="system", content="You are a gentle listener."),
    ChatMessage(role="user", content="I can't sleep lately."),
]


def backend_for(url: str, model: str = "psylite") -> OpenAIBackend:
    return OpenAIBackend(url, "sk-test", model, total_timeout=30)


async def collect(backend: OpenAIBackend, options: GenOptions | None = None) -> list[str]:
    return [p async for p in backend.stream(MESSAGES, options or GenOptions())]


async def test_streams_pieces_in_order_and_sends_messages_and_options(fake_openai: FakeServer):
    fake_openai.script.tokens = ["I", " hear", " you", "."]
    backend = backend_for(fake_openai.url)

    got = await collect(backend, GenOptions(max_tokens=32, temperature=0.0, stop=["\nUser:"]))

    assert got == ["I", " hear", " you", "."]
    (sent,) = fake_openai.requests
    assert sent["model"] == "psylite"
    assert sent["stream"] is True
    assert sent["messages"] == [m.model_dump() for m in MESSAGES]
    assert sent["max_tokens"] == 32
    assert sent["temperature"] == 0.0
    assert sent["stop"] == ["\nUser:"]
    await backend.aclose()


async def test_build_llm_uses_base_url_key_and_model_settings(
    fake_openai: FakeServer, monkeypatch: pytest.MonkeyPatch
):
    fake_openai.script.models = ["psylite-7b"]
    monkeypatch.setenv("PSYLITE_LLM_BACKEND", "openai")
    monkeypatch.setenv("PSYLITE_OPENAI_BASE_URL", fake_openai.url)
    monkeypatch.setenv("PSYLITE_MODEL", "psylite-7b")
    backend = build_llm(load_settings())

    assert isinstance(backend, OpenAIBackend)
    assert await backend.complete(MESSAGES, GenOptions()) == "你好，我在这里。"
    assert fake_openai.requests[0]["model"] == "psylite-7b"
    await backend.aclose()


async def test_server_down_is_backend_unreachable_naming_the_url(dead_url: str):
    with pytest.raises(BackendUnreachable) as err:
        await collect(backend_for(f"{dead_url}/v1"))
    assert f"{dead_url}/v1" in str(err.value)
    assert "PSYLITE_OPENAI_BASE_URL" in str(err.value)


async def test_unknown_model_is_model_not_found(fake_openai: FakeServer):
    with pytest.raises(ModelNotFound, match="does not serve a model named 'nope'"):
        await collect(backend_for(fake_openai.url, "nope"))


async def test_slow_first_token_times_out_quickly(fake_openai: FakeServer):
    fake_openai.script.first_token_delay = 5.0

    started = time.monotonic()
    with pytest.raises(LLMTimeout, match=re.escape("first token within 0.3 s")):
        await collect(backend_for(fake_openai.url), GenOptions(first_token_timeout=0.3))
    assert time.monotonic() - started < 2.0


async def test_connection_dropped_mid_reply_is_a_typed_error(fake_openai: FakeServer):
    fake_openai.script.die_after = 3
    got: list[str] = []

    with pytest.raises(LLMError) as err:
        async for piece in backend_for(fake_openai.url).stream(MESSAGES, GenOptions()):
            got.append(piece)
    assert isinstance(err.value, BackendUnreachable)
    assert "broke mid-reply" in str(err.value)
    assert got == ["你好", "，", "我在"]


async def test_check_lists_models_and_names_what_is_served(fake_openai: FakeServer):
    assert "serves psylite" in await backend_for(fake_openai.url).check()
    with pytest.raises(ModelNotFound, match="it serves: psylite"):
        await backend_for(fake_openai.url, "other").check()


async def test_check_with_server_down_is_backend_unreachable(dead_url: str):
    with pytest.raises(BackendUnreachable):
        await backend_for(f"{dead_url}/v1").check()
