# Fixtures come from llm_fixtures by import; pytest injects them by parameter name.
# ruff: noqa: F811
"""The `ollama` backend: the real `ollama` client library against a fake Ollama server."""

from __future__ import annotations

import re
import time

import pytest
from llm_fixtures import FakeServer, dead_url, fake_ollama  # noqa: F401

from psylite.errors import BackendUnreachable, LLMTimeout, ModelNotFound
from psylite.llm import build_llm
from psylite.llm.base import ChatMessage, GenOptions
from psylite.llm.ollama_backend import OllamaBackend
from psylite.settings import load_settings

MESSAGES = [
    ChatMessage(role="system", content="你是一位温和的倾听者。"),
    ChatMessage(role="user", content="我最近睡不好。"),
]


async def collect(backend: OllamaBackend, options: GenOptions | None = None) -> list[str]:
    return [p async for p in backend.stream(MESSAGES, options or GenOptions())]


async def test_streams_pieces_in_order_and_sends_messages_and_options(fake_ollama: FakeServer):
    fake_ollama.script.tokens = ["你", "好", "，", "朋友"]
    backend = OllamaBackend(fake_ollama.url, "psylite")
    options = GenOptions(max_tokens=64, temperature=0.2, stop=["用户："])

    assert await collect(backend, options) == ["你", "好", "，", "朋友"]

    (sent,) = fake_ollama.requests
    assert sent["model"] == "psylite"
    assert sent["stream"] is True
    assert sent["messages"] == [m.model_dump() for m in MESSAGES]
    assert sent["options"]["num_predict"] == 64
    assert sent["options"]["temperature"] == 0.2
    assert sent["options"]["stop"] == ["用户："]
    await backend.aclose()


async def test_build_llm_honours_ollama_host_without_scheme(
    fake_ollama: FakeServer, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("OLLAMA_HOST", fake_ollama.url.removeprefix("http://"))
    monkeypatch.setenv("PSYLITE_LLM_BACKEND", "ollama")
    backend = build_llm(load_settings())

    assert isinstance(backend, OllamaBackend)
    assert await backend.complete(MESSAGES, GenOptions()) == "你好，我在这里。"
    await backend.aclose()


async def test_server_down_is_backend_unreachable_naming_the_host(dead_url: str):
    backend = OllamaBackend(dead_url, "psylite")

    with pytest.raises(BackendUnreachable) as err:
        await collect(backend)
    assert dead_url in str(err.value)
    assert "ollama serve" in str(err.value)
    assert "OLLAMA_HOST" in str(err.value)


async def test_unknown_model_is_model_not_found_with_pull_command(fake_ollama: FakeServer):
    backend = OllamaBackend(fake_ollama.url, "qwen9:7b")

    with pytest.raises(ModelNotFound, match=r"ollama pull qwen9:7b"):
        await collect(backend)


async def test_slow_first_token_times_out_quickly(fake_ollama: FakeServer):
    fake_ollama.script.first_token_delay = 5.0
    backend = OllamaBackend(fake_ollama.url, "psylite")

    started = time.monotonic()
    with pytest.raises(LLMTimeout, match=re.escape("first token within 0.3 s")):
        await collect(backend, GenOptions(first_token_timeout=0.3))
    assert time.monotonic() - started < 2.0


async def test_reply_slower_than_total_timeout_times_out(fake_ollama: FakeServer):
    fake_ollama.script.tokens = ["a"] * 20
    fake_ollama.script.token_delay = 0.1
    backend = OllamaBackend(fake_ollama.url, "psylite")
    got: list[str] = []

    with pytest.raises(LLMTimeout, match=re.escape("did not finish its reply within 0.5 s")):
        async for piece in backend.stream(MESSAGES, GenOptions(total_timeout=0.5)):
            got.append(piece)
    assert 1 <= len(got) < 20


async def test_connection_dropped_mid_reply_is_backend_unreachable(fake_ollama: FakeServer):
    fake_ollama.script.die_after = 2
    backend = OllamaBackend(fake_ollama.url, "psylite")
    got: list[str] = []

    with pytest.raises(BackendUnreachable, match="broke mid-reply"):
        async for piece in backend.stream(MESSAGES, GenOptions()):
            got.append(piece)
    assert got == ["你好", "，"]


async def test_check_reports_the_served_model(fake_ollama: FakeServer):
    assert "psylite" in await OllamaBackend(fake_ollama.url, "psylite").check()
    assert await OllamaBackend(fake_ollama.url, "psylite:latest").check()


async def test_check_with_missing_model_says_how_to_pull_it(fake_ollama: FakeServer):
    with pytest.raises(ModelNotFound, match="ollama pull other"):
        await OllamaBackend(fake_ollama.url, "other").check()


async def test_check_with_server_down_is_backend_unreachable(dead_url: str):
    with pytest.raises(BackendUnreachable, match="ollama serve"):
        await OllamaBackend(dead_url, "psylite").check()
