"""Streamed replies: one message edited at most about once a second, split under 4096.

Telegram counts message length in UTF-16 code units, so an emoji can count twice; the
splitter measures that way. Everything is sent as plain text (no parse_mode), so nothing a
user or the model writes can cause a parse error.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
from collections.abc import AsyncIterator, Callable

from telegram import Bot
from telegram.constants import ChatAction
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError

from bot.ratelimit import retry_seconds

log = logging.getLogger(__name__)

TELEGRAM_LIMIT = 4096
# A margin under the hard limit so that a boundary search never lands on the edge.
CHUNK_LIMIT = 4000

# Where a cut reads naturally, best first: paragraph, line, sentence end, clause, space.
_BOUNDARIES = (
    re.compile(r"\n\s*\n"),
    re.compile(r"\n"),
    re.compile(r"[。！？!?…]+[”’」』)）\"']*|[.]+[”’)\"']*(?=\s)"),
    re.compile(r"[；;，,、：:]"),
    re.compile(r"\s"),
)


def utf16_len(text: str) -> int:
    """Length as Telegram counts it."""
    return len(text.encode("utf-16-le")) // 2


def _max_prefix(text: str, limit: int) -> int:
    """The largest index i such that text[:i] fits in `limit` UTF-16 units."""
    units = 0
    for i, ch in enumerate(text):
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > limit:
            return i
    return len(text)


def _cut_point(text: str, limit: int) -> int:
    window = text[: _max_prefix(text, limit)]
    floor = len(window) // 3  # never cut so early that chunks become tiny
    for pattern in _BOUNDARIES:
        ends = [m.end() for m in pattern.finditer(window) if m.end() > floor]
        if ends:
            return ends[-1]
    return len(window)


def split_text(text: str, limit: int = CHUNK_LIMIT) -> list[str]:
    """Split into chunks of at most `limit` UTF-16 units, preferring sentence boundaries."""
    chunks: list[str] = []
    rest = text.strip()
    while utf16_len(rest) > limit:
        cut = _cut_point(rest, limit)
        chunks.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        chunks.append(rest)
    return chunks


@contextlib.asynccontextmanager
async def typing(bot: Bot, chat_id: int, every: float = 4.5) -> AsyncIterator[None]:
    """Show 'typing…' until the block ends (Telegram clears it after ~5 s, so repeat)."""

    async def loop() -> None:
        while True:
            with contextlib.suppress(TelegramError):
                await bot.send_chat_action(
                    chat_id, ChatAction.TYPING, rate_limit_args={"retry": False}
                )
            await asyncio.sleep(every)

    task = asyncio.create_task(loop())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


class StreamingReply:
    """Shows a reply as it is generated, then makes the messages match the final text.

    `preview` may veto or rewrite partial text before it is shown (e.g. the output guard);
    the final text passed to `finish` is authoritative and always replaces the preview.
    """

    def __init__(
        self,
        bot: Bot,
        chat_id: int,
        *,
        interval: float = 1.0,
        limit: int = CHUNK_LIMIT,
        preview: Callable[[str], str | None] | None = None,
    ) -> None:
        self.bot = bot
        self.chat_id = chat_id
        self.interval = interval
        self.limit = limit
        self.preview = preview
        self.message_ids: list[int] = []
        self._shown: list[str] = []
        self._buffer = ""
        self._next_edit = 0.0
        self.edits = 0

    async def on_token(self, piece: str) -> None:
        """Pipeline token sink: accumulate, and show progress at most once per interval."""
        self._buffer += piece
        now = time.monotonic()
        if now < self._next_edit:
            return
        self._next_edit = now + self.interval
        text = self._buffer if self.preview is None else self.preview(self._buffer)
        if not text or not text.strip():
            return
        try:
            # A preview edit that hits a flood limit is skipped, not retried: the next one
            # (or the final render) supersedes it.
            await self._render(text, retry=False)
        except RetryAfter as err:
            self._next_edit = time.monotonic() + retry_seconds(err)
        except BadRequest as err:
            log.debug("preview edit refused: %s", err)
        except NetworkError as err:  # a 5xx or a dropped connection: the final render retries
            log.debug("preview skipped: %s", err)

    async def finish(self, text: str) -> list[int]:
        """Make the chat show exactly `text` (split under the limit); return message ids."""
        await self._render(text, retry=True)
        # The final text may be shorter than the preview (e.g. the guard replaced it).
        for message_id in self.message_ids[len(split_text(text, self.limit)) :]:
            with contextlib.suppress(TelegramError):
                await self.bot.delete_message(self.chat_id, message_id)
        return self.message_ids

    async def _render(self, text: str, *, retry: bool) -> None:
        args = {"retry": retry}
        for i, chunk in enumerate(split_text(text, self.limit)):
            if i < len(self.message_ids):
                if self._shown[i] == chunk:
                    continue
                try:
                    await self.bot.edit_message_text(
                        chunk,
                        chat_id=self.chat_id,
                        message_id=self.message_ids[i],
                        rate_limit_args=args,
                    )
                except BadRequest as err:
                    if "not modified" not in str(err).lower():
                        raise
                self.edits += 1
                self._shown[i] = chunk
            else:
                msg = await self.bot.send_message(self.chat_id, chunk, rate_limit_args=args)
                self.message_ids.append(msg.message_id)
                self._shown.append(chunk)
