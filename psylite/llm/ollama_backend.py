"""Ollama over HTTP with the official `ollama` AsyncClient (`/api/chat` streaming)."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Sequence
from typing import TYPE_CHECKING

import httpx

from psylite.errors import BackendUnreachable, LLMError, ModelNotFound
from psylite.llm.base import ChatMessage, GenOptions, LLMBackend, guard_stream, register

if TYPE_CHECKING:
    from psylite.settings import Settings

log = logging.getLogger(__name__)

# Connecting is quick or it is not happening; reading is bounded by our own timeouts.
_CONNECT_TIMEOUT = 5.0


def _same_model(wanted: str, listed: str) -> bool:
    # Ollama lists "psylite:latest" for a model pulled or created as "psylite".
    if ":" not in wanted:
        wanted += ":latest"
    if ":" not in listed:
        listed += ":latest"
    return wanted == listed


class OllamaBackend(LLMBackend):
    """Streaming chat against an Ollama server."""

    name = "ollama"

    def __init__(self, host: str, model: str) -> None:
        import ollama  # imported here so `psylite --help` does not pay for it

        self.host = host
        self.model = model
        self._ollama = ollama
        self._client = ollama.AsyncClient(
            host=host, timeout=httpx.Timeout(None, connect=_CONNECT_TIMEOUT)
        )

    @classmethod
    def from_settings(cls, settings: Settings) -> OllamaBackend:
        return cls(settings.ollama_host, settings.model_name_for_server())

    def stream(self, messages: Sequence[ChatMessage], options: GenOptions) -> AsyncIterator[str]:
        return guard_stream(
            self._chat(messages, options), options, what=f"Ollama at {self.host} ({self.model})"
        )

    async def _chat(
        self, messages: Sequence[ChatMessage], options: GenOptions
    ) -> AsyncIterator[str]:
        gen_options: dict[str, object] = {
            "num_predict": options.max_tokens,
            "temperature": options.temperature,
        }
        if options.stop:
            gen_options["stop"] = options.stop
        try:
            parts = await self._client.chat(
                model=self.model,
                messages=[m.model_dump() for m in messages],
                stream=True,
                options=gen_options,
            )
            async for part in parts:
                yield part.message.content or ""
                if part.done:
                    return
        except Exception as err:
            raise self._translate(err) from None

    async def check(self) -> str:
        try:
            listed = await self._client.list()
        except Exception as err:
            raise self._translate(err) from None
        names = [m.model or "" for m in listed.models]
        if not any(_same_model(self.model, n) for n in names):
            raise self._not_found()
        return f"Ollama at {self.host} serves {self.model}"

    async def aclose(self) -> None:
        await self._client.close()

    def _not_found(self) -> ModelNotFound:
        return ModelNotFound(
            f"Ollama at {self.host} has no model {self.model!r}: run `ollama pull {self.model}` "
            "(or `ollama create` it from deploy/Modelfile), or set PSYLITE_MODEL"
        )

    def _translate(self, err: Exception) -> LLMError:
        unreachable = (
            f"cannot reach Ollama at {self.host}: is `ollama serve` running there? "
            "(set OLLAMA_HOST to its address)"
        )
        if isinstance(err, self._ollama.ResponseError):
            if err.status_code == 404:
                return self._not_found()
            return LLMError(
                f"Ollama at {self.host} answered {err.status_code}: {_first_line(err.error)}"
            )
        if isinstance(err, ConnectionError | httpx.ConnectError | httpx.ConnectTimeout):
            return BackendUnreachable(unreachable)
        if isinstance(err, httpx.TransportError):
            return BackendUnreachable(
                f"connection to Ollama at {self.host} broke mid-reply ({type(err).__name__})"
            )
        if isinstance(err, json.JSONDecodeError | ValueError):
            return LLMError(f"Ollama at {self.host} sent a reply PsyLite cannot parse ({err})")
        log.error("unexpected error from Ollama", exc_info=err)
        return LLMError(f"Ollama at {self.host} failed: {type(err).__name__}: {err}")


def _first_line(text: str) -> str:
    return (text.strip().splitlines() or [""])[0][:200]


@register("ollama")
def _factory(settings: Settings) -> LLMBackend:
    return OllamaBackend.from_settings(settings)
