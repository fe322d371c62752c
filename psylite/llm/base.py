"""The LLM layer: one abstract async generator, every backend registered the same way."""

from __future__ import annotations

import asyncio
import logging
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Callable, Sequence
from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import BaseModel, Field

from psylite.errors import LLMError, LLMTimeout

if TYPE_CHECKING:
    from psylite.settings import Settings

log = logging.getLogger(__name__)


class ChatMessage(BaseModel):
    role: Literal["system", "user", "assistant"]
    content: str


class GenOptions(BaseModel):
    """Per-call generation options shared by every backend."""

    max_tokens: int = Field(default=512, ge=1)
    temperature: float = Field(default=0.7, ge=0.0, le=2.0)
    stop: list[str] = Field(default_factory=list)
    first_token_timeout: float = Field(default=60.0, gt=0)
    total_timeout: float = Field(default=300.0, gt=0)

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: object) -> GenOptions:
        values: dict[str, object] = {
            "max_tokens": settings.llm_max_tokens,
            "temperature": settings.llm_temperature,
            "first_token_timeout": settings.llm_first_token_timeout,
            "total_timeout": settings.llm_total_timeout,
        }
        values.update(overrides)
        return cls(**values)  # type: ignore[arg-type]


class LLMBackend(ABC):
    """Streaming chat completion. Implementations raise only `psylite.errors.LLMError`s."""

    name: ClassVar[str]
    #: True when the model runs inside this process (memory and CPU are ours).
    in_process: ClassVar[bool] = False

    @abstractmethod
    def stream(self, messages: Sequence[ChatMessage], options: GenOptions) -> AsyncIterator[str]:
        """Yield text pieces as the model produces them."""

    async def complete(self, messages: Sequence[ChatMessage], options: GenOptions) -> str:
        """The whole reply as one string."""
        return "".join([piece async for piece in self.stream(messages, options)])

    async def check(self) -> str:
        """Cheap reachability check for `psylite doctor` and /healthz; returns a detail line."""
        return "ok"

    async def aclose(self) -> None:
        """Release connections or the model."""
        return None


async def guard_stream(
    pieces: AsyncIterator[str], options: GenOptions, *, what: str
) -> AsyncIterator[str]:
    """Apply the first-token and total timeouts to a raw backend stream.

    Every backend goes through here so the timeouts mean the same thing everywhere
    (waiting for a concurrency slot and loading the model count: the user waits either
    way), empty pieces are dropped, and an exception the backend did not translate
    still reaches the caller as an `LLMError` rather than a raw traceback.
    """
    loop = asyncio.get_running_loop()
    started = loop.time()
    total_deadline = started + options.total_timeout
    first_deadline = started + options.first_token_timeout
    got_first = False
    try:
        while True:
            deadline = total_deadline if got_first else min(first_deadline, total_deadline)
            try:
                async with asyncio.timeout_at(deadline):
                    piece = await anext(pieces)
            except StopAsyncIteration:
                return
            except TimeoutError:
                if not got_first and deadline == first_deadline:
                    raise LLMTimeout(
                        f"{what} sent no first token within {options.first_token_timeout:g} s "
                        "(raise PSYLITE_LLM_FIRST_TOKEN_TIMEOUT, or use a smaller/faster model)"
                    ) from None
                raise LLMTimeout(
                    f"{what} did not finish its reply within {options.total_timeout:g} s "
                    "(raise PSYLITE_LLM_TOTAL_TIMEOUT or lower PSYLITE_LLM_MAX_TOKENS)"
                ) from None
            except LLMError:
                raise
            except Exception as err:
                # A bug or an unforeseen library error: keep the traceback for the operator's
                # log, give the caller one line.
                log.exception("unexpected error from %s", what)
                raise LLMError(f"{what} failed: {type(err).__name__}: {err}") from err
            if piece:
                got_first = True
                yield piece
    finally:
        # Stops the backend promptly on timeout, error or when the consumer walks away.
        aclose = getattr(pieces, "aclose", None)
        if aclose is not None:
            await aclose()


_REGISTRY: dict[str, Callable[[Settings], LLMBackend]] = {}


def register(
    name: str,
) -> Callable[[Callable[[Settings], LLMBackend]], Callable[[Settings], LLMBackend]]:
    """Register a backend factory under `name` (used by the real backends and the test fake)."""

    def deco(factory: Callable[[Settings], LLMBackend]) -> Callable[[Settings], LLMBackend]:
        _REGISTRY[name] = factory
        return factory

    return deco


def registered() -> dict[str, Callable[[Settings], LLMBackend]]:
    return dict(_REGISTRY)
