"""Any OpenAI-compatible server (vLLM, LMDeploy, llama.cpp server) via the `openai` AsyncClient."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Sequence
from typing import TYPE_CHECKING

from psylite.errors import BackendUnreachable, LLMError, LLMTimeout, ModelNotFound
from psylite.llm.base import ChatMessage, GenOptions, LLMBackend, guard_stream, register

if TYPE_CHECKING:
    from psylite.settings import Settings

log = logging.getLogger(__name__)

_CONNECT_TIMEOUT = 5.0


class OpenAIBackend(LLMBackend):
    """Streaming `/v1/chat/completions` (SSE)."""

    name = "openai"

    def __init__(self, base_url: str, api_key: str, model: str, *, total_timeout: float) -> None:
        import openai  # imported here so `psylite --help` does not pay for it

        self.base_url = base_url.rstrip("/")
        self.model = model
        self._openai = openai
        # No retries: a turn has a user waiting and the pipeline has its own fallback.
        self._client = openai.AsyncOpenAI(
            base_url=self.base_url,
            api_key=api_key,
            max_retries=0,
            timeout=openai.Timeout(total_timeout, connect=_CONNECT_TIMEOUT),
        )

    @classmethod
    def from_settings(cls, settings: Settings) -> OpenAIBackend:
        return cls(
            settings.openai_base_url,
            settings.openai_api_key.get_secret_value(),
            settings.model_name_for_server(),
            total_timeout=settings.llm_total_timeout,
        )

    def stream(self, messages: Sequence[ChatMessage], options: GenOptions) -> AsyncIterator[str]:
        return guard_stream(
            self._chat(messages, options), options, what=f"{self.base_url} ({self.model})"
        )

    async def _chat(
        self, messages: Sequence[ChatMessage], options: GenOptions
    ) -> AsyncIterator[str]:
        replying = False
        try:
            chunks = await self._client.chat.completions.create(
                model=self.model,
                messages=[m.model_dump() for m in messages],  # type: ignore[misc]
                stream=True,
                max_tokens=options.max_tokens,
                temperature=options.temperature,
                stop=options.stop or None,
            )
            try:
                async for chunk in chunks:
                    if chunk.choices:
                        replying = True
                        yield chunk.choices[0].delta.content or ""
            finally:
                await chunks.close()
        except Exception as err:
            raise self._translate(err, mid_reply=replying) from None

    async def check(self) -> str:
        try:
            page = await self._client.models.list()
        except Exception as err:
            raise self._translate(err) from None
        served = [m.id for m in page.data]
        if self.model not in served:
            raise self._not_found(served)
        return f"{self.base_url} serves {self.model}"

    async def aclose(self) -> None:
        await self._client.close()

    def _not_found(self, served: Sequence[str] = ()) -> ModelNotFound:
        hint = f" (it serves: {', '.join(served[:5])})" if served else ""
        return ModelNotFound(
            f"{self.base_url} does not serve a model named {self.model!r}{hint}: "
            "set PSYLITE_MODEL to the name the server was started with"
        )

    def _translate(self, err: Exception, *, mid_reply: bool = False) -> LLMError:
        o = self._openai
        if isinstance(err, o.APITimeoutError):
            return LLMTimeout(f"{self.base_url} timed out (raise PSYLITE_LLM_TOTAL_TIMEOUT)")
        if isinstance(err, o.APIConnectionError) and mid_reply:
            return BackendUnreachable(f"connection to {self.base_url} broke mid-reply")
        if isinstance(err, o.APIConnectionError):
            return BackendUnreachable(
                f"cannot reach the OpenAI-compatible server at {self.base_url}: is it running? "
                "(set PSYLITE_OPENAI_BASE_URL)"
            )
        if isinstance(err, o.NotFoundError):
            return self._not_found()
        if isinstance(err, o.AuthenticationError | o.PermissionDeniedError):
            return LLMError(f"{self.base_url} refused the API key: set PSYLITE_OPENAI_API_KEY")
        if isinstance(err, o.APIStatusError):
            return LLMError(
                f"{self.base_url} answered {err.status_code}: {_first_line(err.message)}"
            )
        if isinstance(err, o.APIError):
            return LLMError(f"{self.base_url} failed mid-reply: {_first_line(err.message)}")
        log.error("unexpected error from the OpenAI-compatible server", exc_info=err)
        return LLMError(f"{self.base_url} failed: {type(err).__name__}: {err}")


def _first_line(text: str) -> str:
    return (text.strip().splitlines() or [""])[0][:200]


@register("openai")
def _factory(settings: Settings) -> LLMBackend:
    return OpenAIBackend.from_settings(settings)
