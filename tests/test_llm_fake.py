"""The fake backend other tests rely on, the shared timeout guard, and `build_llm`."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Sequence

import pytest

from psylite.errors import BackendUnreachable, ConfigError, LLMError, LLMTimeout
from psylite.llm import build_llm
from psylite.llm.base import ChatMessage, GenOptions, LLMBackend, guard_stream
from psylite.llm.fake import FakeLLM
from psylite.settings import load_settings

MESSAGES = [
    ChatMessage(role="system", content="sys"),
    ChatMessage(role="user", content="我今天很难过"),
]


async def test_canned_replies_come_out_in_queue_order_and_calls_are_recorded():
    llm = FakeLLM(["第一条回复", ["piece one", " piece two"]])
    options = GenOptions(max_tokens=50)

    assert await llm.complete(MESSAGES, options) == "第一条回复"
    assert [p async for p in llm.stream(MESSAGES, options)] == ["piece one", " piece two"]
    assert len(llm.history) == 2
    assert llm.history[0].messages == MESSAGES
    assert llm.history[0].options.max_tokens == 50


async def test_empty_queue_echoes_the_last_user_message():
    assert await FakeLLM().complete(MESSAGES, GenOptions()) == "echo: 我今天很难过"


async def test_reply_streams_as_several_pieces():
    pieces = [p async for p in FakeLLM(["abcdefgh"]).stream(MESSAGES, GenOptions())]
    assert len(pieces) > 1
    assert "".join(pieces) == "abcdefgh"


async def test_stop_strings_and_max_tokens_are_honoured():
    llm = FakeLLM(["hello STOP world", ["a", "b", "c", "d"]])
    assert await llm.complete(MESSAGES, GenOptions(stop=["STOP"])) == "hello "
    assert await llm.complete(MESSAGES, GenOptions(max_tokens=2)) == "ab"


async def test_fail_mode_raises_backend_unreachable_and_still_records_the_call():
    llm = FakeLLM(fail=True)
    with pytest.raises(BackendUnreachable):
        await llm.complete(MESSAGES, GenOptions())
    with pytest.raises(BackendUnreachable):
        await llm.check()
    assert len(llm.history) == 1


async def test_fail_after_drops_the_stream_mid_reply():
    llm = FakeLLM([["a", "b", "c"]], fail_after=2)
    got: list[str] = []
    with pytest.raises(BackendUnreachable):
        async for piece in llm.stream(MESSAGES, GenOptions()):
            got.append(piece)
    assert got == ["a", "b"]


async def test_slow_first_token_gives_the_same_timeout_as_real_backends():
    llm = FakeLLM(first_token_delay=2.0)
    with pytest.raises(LLMTimeout, match=re.escape("first token within 0.05 s")):
        await llm.complete(MESSAGES, GenOptions(first_token_timeout=0.05))


async def test_slow_stream_hits_the_total_timeout():
    llm = FakeLLM([["a"] * 50], token_delay=0.02)
    with pytest.raises(LLMTimeout, match="did not finish"):
        await llm.complete(MESSAGES, GenOptions(total_timeout=0.2))


class Exploding(LLMBackend):
    """A backend with a bug: raises a non-LLMError in the middle of its stream."""

    name = "exploding"

    def stream(self, messages: Sequence[ChatMessage], options: GenOptions) -> AsyncIterator[str]:
        return guard_stream(self._gen(), options, what="exploding backend")

    async def _gen(self) -> AsyncIterator[str]:
        yield "partial"
        raise KeyError("choices")


async def test_untranslated_backend_exception_reaches_the_caller_as_llm_error(caplog):
    got: list[str] = []
    with pytest.raises(LLMError, match="exploding backend failed: KeyError") as err:
        async for piece in Exploding().stream(MESSAGES, GenOptions()):
            got.append(piece)
    assert got == ["partial"]
    assert type(err.value) is LLMError
    assert any(r.exc_info for r in caplog.records)  # the operator log keeps the traceback


def test_build_llm_builds_each_configured_backend():
    assert build_llm(load_settings(), "fake").name == "fake"
    assert build_llm(load_settings(llm_backend="ollama")).name == "ollama"
    assert build_llm(load_settings(llm_backend="openai")).name == "openai"
    assert build_llm(load_settings()).name == "llama_cpp"


def test_build_llm_rejects_an_unknown_backend_with_the_choices():
    with pytest.raises(ConfigError, match="llama_cpp, ollama, openai"):
        build_llm(load_settings(), "gpt5")
