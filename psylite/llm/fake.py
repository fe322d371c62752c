"""A real, instant `LLMBackend` for tests and benchmarks: canned replies and a history.

    llm = FakeLLM(["你好，我在这里。", "Thanks for telling me."])
    ... run the pipeline ...
    assert llm.history[0].messages[-1].content == "..."

When the queue of canned replies is empty it echoes the last user message, so a
test can always see what reached the model. It goes through the same timeout
guard as the real backends, so `first_token_delay` beyond the first-token timeout
gives the same `LLMTimeout` a slow server would.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from psylite.errors import BackendUnreachable
from psylite.llm.base import ChatMessage, GenOptions, LLMBackend, guard_stream, register

if TYPE_CHECKING:
    from psylite.settings import Settings


@dataclass(frozen=True)
class FakeCall:
    """What one `stream()` call received."""

    messages: list[ChatMessage]
    options: GenOptions


def split_pieces(text: str, size: int = 3) -> list[str]:
    """Cut a reply into small pieces so streaming consumers see several tokens."""
    return [text[i : i + size] for i in range(0, len(text), size)]


class FakeLLM(LLMBackend):
    """Canned replies (a queue), a call history, optional delays and failure modes."""

    name = "fake"

    def __init__(
        self,
        replies: Iterable[str | Sequence[str]] = (),
        *,
        token_delay: float = 0.0,
        first_token_delay: float = 0.0,
        fail: bool = False,
        fail_after: int | None = None,
    ) -> None:
        self.replies: deque[str | Sequence[str]] = deque(replies)
        self.history: list[FakeCall] = []
        self.token_delay = token_delay
        self.first_token_delay = first_token_delay
        self.fail = fail  # every call raises BackendUnreachable before any token
        self.fail_after = fail_after  # raise BackendUnreachable after this many pieces
        self.closed = False

    def queue(self, *replies: str | Sequence[str]) -> None:
        """Add canned replies; a list of strings is streamed exactly as those pieces."""
        self.replies.extend(replies)

    def stream(self, messages: Sequence[ChatMessage], options: GenOptions) -> AsyncIterator[str]:
        return guard_stream(self._generate(messages, options), options, what="fake LLM")

    async def _generate(
        self, messages: Sequence[ChatMessage], options: GenOptions
    ) -> AsyncIterator[str]:
        self.history.append(FakeCall(list(messages), options))
        if self.fail:
            raise BackendUnreachable("fake LLM set to fail: the backend is unreachable")
        pieces = self._next_pieces(messages, options)
        if self.first_token_delay:
            await asyncio.sleep(self.first_token_delay)
        for n, piece in enumerate(pieces):
            if self.fail_after is not None and n >= self.fail_after:
                raise BackendUnreachable("fake LLM connection dropped mid-reply")
            if self.token_delay and n:
                await asyncio.sleep(self.token_delay)
            yield piece

    def _next_pieces(self, messages: Sequence[ChatMessage], options: GenOptions) -> list[str]:
        if self.replies:
            reply = self.replies.popleft()
        else:
            last_user = next((m.content for m in reversed(messages) if m.role == "user"), "")
            reply = f"echo: {last_user}"
        pieces = split_pieces(reply) if isinstance(reply, str) else list(reply)
        text = "".join(pieces)
        cut = min((text.find(s) for s in options.stop if s and s in text), default=-1)
        if cut >= 0:  # honour stop strings like a real server: the stop text is not sent
            pieces = split_pieces(text[:cut])
        return pieces[: options.max_tokens]

    async def check(self) -> str:
        if self.fail:
            raise BackendUnreachable("fake LLM set to fail: the backend is unreachable")
        return "fake LLM (canned replies)"

    async def aclose(self) -> None:
        self.closed = True


@register("fake")
def _factory(settings: Settings) -> LLMBackend:
    return FakeLLM()
