"""One async function for one message: Turn in, Reply out.

Everything that talks to people — the Telegram bot, the console chat, the
OpenAI-compatible endpoint, the evaluation harness — goes through `Pipeline.handle`.
The seam is fixed: route first (deterministic, no LLM), then answer by route.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from psylite.errors import LLMError
from psylite.llm.base import ChatMessage, GenOptions, LLMBackend
from psylite.prompts import system_prompt
from psylite.settings import Settings

log = logging.getLogger(__name__)

TokenSink = Callable[[str], Awaitable[None]]


@dataclass(frozen=True)
class Turn:
    """One incoming user message."""

    chat_id: int
    text: str
    lang: str | None = None  # "zh" | "en"; None = detect from text
    update_id: int | None = None  # Telegram update id, for idempotency
    channel: str = "telegram"


@dataclass
class Reply:
    """What the pipeline decided and said."""

    route: str
    text: str
    risk: float = 0.0
    reasons: list[str] = field(default_factory=list)
    lang: str = "zh"
    snippet_id: str | None = None
    escalation_id: int | None = None
    llm_error: str | None = None  # set when the LLM failed and a fallback was sent
    duplicate: bool = False  # the update was already handled (idempotency)
    latency_s: float = 0.0


def detect_lang(text: str) -> str:
    """'zh' when the text has CJK characters, else 'en'."""
    return "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in text) else "en"


LLM_DOWN = {
    "zh": "抱歉，我这边暂时出了点问题，没能好好回复你。你的话我听到了。"
    "如果你现在很难受或有危险，请发送 /resources 查看可以立刻联系的求助热线。",
    "en": "I'm sorry — something went wrong on my side and I couldn't answer properly. "
    "I did read what you wrote. If you are struggling or in danger right now, "
    "send /resources for helplines you can reach immediately.",
}


class Pipeline:
    """Composes router, LLM and (optionally) store and humor; built by `build_pipeline`."""

    def __init__(self, settings: Settings, llm: LLMBackend) -> None:
        self.settings = settings
        self.llm = llm
        self._history: dict[int, list[ChatMessage]] = {}

    async def reset(self, chat_id: int) -> None:
        """Start a new conversation for this chat."""
        self._history.pop(chat_id, None)

    async def handle(self, turn: Turn, on_token: TokenSink | None = None) -> Reply:
        """Route the message and produce the reply; tokens stream to `on_token`."""
        started = time.perf_counter()
        lang = turn.lang or detect_lang(turn.text)
        reply = await self._counsel(turn, lang, on_token)
        reply.latency_s = time.perf_counter() - started
        return reply

    async def _counsel(self, turn: Turn, lang: str, on_token: TokenSink | None) -> Reply:
        history = self._history.setdefault(turn.chat_id, [])
        messages = [ChatMessage(role="system", content=system_prompt(lang))]
        messages += history[-2 * self.settings.history_turns :]
        messages.append(ChatMessage(role="user", content=turn.text))
        options = GenOptions.from_settings(self.settings)
        pieces: list[str] = []
        try:
            async for piece in self.llm.stream(messages, options):
                pieces.append(piece)
                if on_token is not None:
                    await on_token(piece)
        except LLMError as err:
            log.warning("LLM failed for a counsel turn: %s", err)
            return Reply(route="counsel", text=LLM_DOWN[lang], lang=lang, llm_error=str(err))
        text = "".join(pieces).strip()
        history.append(ChatMessage(role="user", content=turn.text))
        history.append(ChatMessage(role="assistant", content=text))
        return Reply(route="counsel", text=text, lang=lang)
