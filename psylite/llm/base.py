"""The LLM layer: one abstract async generator, every backend registered the same way."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Callable, Sequence
from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import BaseModel, Field

if TYPE_CHECKING:
    from psylite.settings import Settings


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
    def stream(
        self, messages: Sequence[ChatMessage], options: GenOptions
    ) -> AsyncIterator[str]:
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


_REGISTRY: dict[str, Callable[[Settings], LLMBackend]] = {}


def register(name: str) -> Callable[[Callable[[Settings], LLMBackend]], Callable[[Settings], LLMBackend]]:
    """Register a backend factory under `name` (used by the real backends and the test fake)."""

    def deco(factory: Callable[[Settings], LLMBackend]) -> Callable[[Settings], LLMBackend]:
        _REGISTRY[name] = factory
        return factory

    return deco


def registered() -> dict[str, Callable[[Settings], LLMBackend]]:
    return dict(_REGISTRY)
