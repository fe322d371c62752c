"""Fairness under load, and resilience towards the Bot API.

- `PerChatUpdateProcessor`: updates of different chats run concurrently, updates of one chat
  strictly in arrival order (a FIFO asyncio lock per chat).
- `TokenBucket`: per-user message rate limit (the handler sends a friendly reply).
- `LLMGate`: a global cap on concurrent LLM generations; callers learn when they must queue.
- `RetryingLimiter`: retries 429 RetryAfter and transient network errors on every Bot API call.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from datetime import timedelta
from typing import Any

from telegram import Update
from telegram.error import BadRequest, NetworkError, RetryAfter
from telegram.ext import BaseRateLimiter, BaseUpdateProcessor

log = logging.getLogger(__name__)


def retry_seconds(err: RetryAfter) -> float:
    """RetryAfter.retry_after is an int or a timedelta depending on PTB settings."""
    with warnings.catch_warnings():  # PTB 22.2+ warns about the coming type change
        warnings.simplefilter("ignore")
        value: Any = err.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class RetryingLimiter(BaseRateLimiter[dict[str, Any]]):
    """Retry flood-wait (429) and transient network errors; pass `rate_limit_args={"retry": False}` to opt out."""

    def __init__(self, max_retries: int = 3, max_wait: float = 30.0, backoff: float = 0.5) -> None:
        self.max_retries = max_retries
        self.max_wait = max_wait
        self.backoff = backoff

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Any]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: dict[str, Any] | None,
    ) -> Any:
        retries = 0 if (rate_limit_args or {}).get("retry") is False else self.max_retries
        attempt = 0
        while True:
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as err:
                wait = retry_seconds(err)
                if attempt >= retries or wait > self.max_wait:
                    raise
                log.warning("Bot API flood limit on %s; retrying in %.1f s", endpoint, wait)
                await asyncio.sleep(wait)
            except BadRequest:
                raise  # a subclass of NetworkError, but permanent
            except NetworkError as err:
                # getUpdates has its own retry loop in the Updater.
                if attempt >= retries or endpoint == "getUpdates":
                    raise
                wait = self.backoff * 2**attempt
                log.warning(
                    "Bot API network error on %s (%s); retrying in %.1f s", endpoint, err, wait
                )
                await asyncio.sleep(wait)
            attempt += 1


def chat_key(update: object) -> int | None:
    """The chat an update belongs to (None for updates without a chat)."""
    if isinstance(update, Update) and update.effective_chat is not None:
        return update.effective_chat.id
    return None


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Concurrent across chats, ordered within a chat."""

    def __init__(self, max_concurrent_updates: int = 256) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._users: dict[int, int] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = chat_key(update)
        if key is None:
            await coroutine
            return
        # asyncio.Lock wakes waiters in FIFO order, and updates reach this point in the order
        # they were fetched, so one chat's messages are handled in order.
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._users[key] = self._users.get(key, 0) + 1
        try:
            async with lock:
                await coroutine
        finally:
            self._users[key] -= 1
            if self._users[key] == 0:  # forget idle chats so the dict does not grow forever
                del self._users[key]
                self._locks.pop(key, None)

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None


class TokenBucket:
    """Per-key token bucket: `burst` messages at once, refilled at `per_minute` per minute."""

    def __init__(
        self, per_minute: float, burst: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self.clock = clock
        self._state: dict[int, tuple[float, float]] = {}  # key -> (tokens, last time)
        self._warned: set[int] = set()

    def allow(self, key: int) -> bool:
        """Take one token if there is one."""
        now = self.clock()
        tokens, last = self._state.get(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        allowed = tokens >= 1.0
        if allowed:
            tokens -= 1.0
            self._warned.discard(key)
        self._state[key] = (tokens, now)
        if len(self._state) > 10_000:  # drop full buckets: they carry no information
            self._state = {k: v for k, v in self._state.items() if v[0] < self.burst}
        return allowed

    def should_warn(self, key: int) -> bool:
        """True once per limited streak, so the friendly reply is not itself a flood."""
        if key in self._warned:
            return False
        self._warned.add(key)
        return True


class LLMGate:
    """At most `limit` generations at once; `queued` tells how many are waiting."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._sem = asyncio.Semaphore(limit)
        self.queued = 0
        self.active = 0

    @contextlib.asynccontextmanager
    async def slot(
        self, on_queue: Callable[[int], Awaitable[None]] | None = None
    ) -> AsyncIterator[None]:
        """Hold one generation slot; `on_queue(position)` is awaited first when we must wait."""
        if self._sem.locked() and on_queue is not None:
            await on_queue(self.queued + 1)
        self.queued += 1
        try:
            await self._sem.acquire()
        finally:
            self.queued -= 1
        self.active += 1
        try:
            yield
        finally:
            self.active -= 1
            self._sem.release()
