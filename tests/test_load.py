"""Load test: many users write at once through the fake Bot API into the real bot, pipeline
and store, with an instant fake LLM. Nothing may be lost, duplicated or reordered in a chat.

Every user has consented (seeded through the store, the slow /start dialogue is not under
test) and sends `messages` texts in quick succession, all users at the same time, so each
chat has several updates in flight in different getUpdates batches. The FakeLLM echoes the
user's text, so the reply shown in a chat names the message it answers: the chat must show
exactly one reply per message, in the order sent, and the store must hold the turns in that
order. The per-user rate limit (5 at once, 20/min by default) is raised: 5 messages at once
is exactly the default burst, and this test is about delivery, not the limiter
(tests/test_bot_ratelimit.py covers that).

The same harness (`run_load`) drives bench/bench_load.py, which runs 1,000 users x 5 messages
on SQLite and PostgreSQL and reports the figures; here a CI-sized crowd asserts correctness
and prints latency and RSS without asserting them (a shared CI machine makes timing noise).
"""

from __future__ import annotations

import asyncio
import re
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import pytest_asyncio
from fake_telegram import TOKEN, FakeBotAPI

from bot.app import build_application
from bot.i18n import t
from bot.runner import running
from psylite.llm.fake import FakeLLM
from psylite.services import build_services
from psylite.settings import Settings

# Benign, clearly "counsel" text: the router must send it to the LLM (which echoes it).
TEXT = "I feel a little tired today, note {chat}-{i}"
_ECHO = re.compile(r"^echo: I feel a little tired today, note (\d+)-(\d+)$")


def rss_mb() -> tuple[float, float]:
    """(current RSS, peak RSS) of this process in MB, from /proc."""
    now = peak = float("nan")
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            now = int(line.split()[1]) / 1024
        elif line.startswith("VmHWM:"):
            peak = int(line.split()[1]) / 1024
    return now, peak


def pct(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


@dataclass
class LoadResult:
    """What a load run observed; `delivery_problems()` and `store_problems()` list what went wrong."""

    users: int
    messages: int
    backend: str
    wall_s: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)  # push -> complete reply
    handling_ms: list[float] = field(default_factory=list)  # chat free -> complete reply
    shown: dict[int, list[int]] = field(default_factory=dict)  # chat -> echo numbers shown
    stored: dict[int, list[str]] = field(default_factory=dict)  # chat -> user texts stored
    rate_limited: int = 0
    api_calls: int = 0
    rss_idle_mb: float = 0.0
    rss_after_mb: float = 0.0
    rss_peak_mb: float = 0.0

    @property
    def total(self) -> int:
        return self.users * self.messages

    @property
    def msgs_per_s(self) -> float:
        return self.total / self.wall_s if self.wall_s else float("nan")

    def delivery_problems(self) -> list[str]:
        """Chats that do not show exactly one reply per message, in order; rate limiting."""
        expected = list(range(self.messages))
        out = [
            f"chat {chat} shows replies {self.shown.get(chat, [])}, expected {expected}"
            for chat in range(1, self.users + 1)
            if self.shown.get(chat, []) != expected
        ]
        if self.rate_limited:
            out.append(f"{self.rate_limited} rate-limit replies")
        return out

    def store_problems(self) -> list[str]:
        """Chats whose stored user turns are not exactly the messages sent, in order."""
        out = []
        for chat, stored in sorted(self.stored.items()):
            want = [TEXT.format(chat=chat, i=i) for i in range(self.messages)]
            if stored != want:
                out.append(f"chat {chat} stored {len(stored)} of {len(want)} turns: {stored}")
        return out

    @property
    def unstored(self) -> int:
        """User turns missing from the store (only when the store was checked)."""
        return sum(self.messages - len(s) for s in self.stored.values())

    def report(self) -> str:
        lat, han = self.latencies_ms, self.handling_ms
        return (
            f"load [{self.backend}]: {self.users} users x {self.messages} messages = {self.total} "
            f"in {self.wall_s:.1f} s ({self.msgs_per_s:.1f} msgs/s), {self.api_calls} Bot API calls\n"
            f"  push -> complete reply (all users at once, includes queueing): "
            f"p50 {statistics.median(lat):.0f} ms, p99 {pct(lat, 99):.0f} ms, max {max(lat):.0f} ms\n"
            f"  handling (from the chat's previous reply or the push, whichever is later): "
            f"p50 {statistics.median(han):.0f} ms, p99 {pct(han, 99):.0f} ms\n"
            f"  RSS: {self.rss_idle_mb:.1f} MB idle, {self.rss_after_mb:.1f} MB after, "
            f"peak {self.rss_peak_mb:.1f} MB (one process: bot + fake Bot API server)\n"
            f"  delivery problems: {len(self.delivery_problems())}; user turns not stored: "
            + (f"{self.unstored} of {self.total}" if self.stored else "not checked")
        )


async def run_load(
    users: int,
    messages: int,
    data_dir: Path,
    *,
    database_url: str = "",
    backend: str = "sqlite",
    within: float = 600.0,
    check_store: bool = True,
) -> LoadResult:
    """Drive `users` consented users x `messages` texts through the bot; observe everything."""
    result = LoadResult(users=users, messages=messages, backend=backend)
    async with FakeBotAPI() as api:
        settings = Settings(
            data_dir=data_dir,
            database_url=database_url,
            environment="test",
            telegram_bot_token=TOKEN,
            telegram_base_url=api.root_url,
            # Deliberately above the burst: 5 messages at once equals the default burst of 5.
            telegram_rate_per_minute=10_000,
            telegram_rate_burst=1_000,
            llm_concurrency=8,
            humor_enabled=False,  # a snippet would change the echoed text
        )
        services = build_services(settings, llm=FakeLLM())
        application = build_application(settings, services)
        async with running(application, poll_timeout=1):
            await asyncio.gather(
                *(
                    services.store.record_consent(
                        chat_id=chat, policy_version=settings.policy_version, accepted=True
                    )
                    for chat in range(1, users + 1)
                )
            )
            result.rss_idle_mb = rss_mb()[0]
            pushed: dict[tuple[int, int], float] = {}
            done_at: dict[tuple[int, int], float] = {}
            limited = {t(lang, "rate_limited") for lang in ("en", "zh")}
            seen = 0

            def scan() -> bool:
                # Incremental: each call is looked at once, so waiting stays O(calls).
                nonlocal seen
                calls = api.calls
                for call in calls[seen:]:
                    if call.method in ("sendMessage", "editMessageText"):
                        match = _ECHO.match(call.text)
                        if match:
                            done_at.setdefault((int(match[1]), int(match[2])), call.at)
                        elif call.text in limited:
                            result.rate_limited += 1
                seen = len(calls)
                return len(done_at) >= result.total

            started = time.monotonic()
            for i in range(messages):  # interleaved: a chat's messages land in different batches
                for chat in range(1, users + 1):
                    pushed[(chat, i)] = time.monotonic()
                    api.push_text(chat, TEXT.format(chat=chat, i=i))
            try:
                await api.wait_for(scan, within=within)
            except AssertionError:
                pass  # what is missing is reported by the checks, not a dump of every call
            result.wall_s = time.monotonic() - started
            await asyncio.sleep(0.2)  # a late duplicate would show up now
            scan()
            result.api_calls = len(api.calls)
            result.rss_after_mb, result.rss_peak_mb = rss_mb()
            for (chat, i), t0 in pushed.items():
                if (chat, i) in done_at:
                    result.latencies_ms.append((done_at[(chat, i)] - t0) * 1000)
                    free = max(t0, done_at.get((chat, i - 1), t0))
                    result.handling_ms.append((done_at[(chat, i)] - free) * 1000)
            # What each chat shows, in message order, edits applied (api.messages keeps the
            # order in which the bot created the messages).
            for (chat, _), text in api.messages.items():
                match = _ECHO.match(text)
                if match:
                    assert int(match[1]) == chat, f"reply for chat {match[1]} sent to chat {chat}"
                    result.shown.setdefault(chat, []).append(int(match[2]))
            if check_store:
                # A reply is on screen before its turn is written (the store write follows
                # the streamed text), so give the last writes time to land, then compare.
                deadline = time.monotonic() + 60
                while True:
                    for chat in range(1, users + 1):
                        rows = await services.store.recent_messages(
                            chat_id=chat, limit=4 * messages
                        )
                        result.stored[chat] = [r.text for r in rows if r.role == "user"]
                    if result.unstored == 0 or time.monotonic() > deadline:
                        break
                    await asyncio.sleep(0.5)
    return result


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def crowd(tmp_path_factory: pytest.TempPathFactory) -> LoadResult:
    """One CI-sized run shared by the checks below (200 users x 5 messages, SQLite)."""
    data_dir = tmp_path_factory.mktemp("load") / "var"
    result = await run_load(users=200, messages=5, data_dir=data_dir, within=240)
    print("\n" + result.report())
    return result


@pytest.mark.asyncio(loop_scope="module")
async def test_each_user_sees_one_reply_per_message_in_order(crowd: LoadResult) -> None:
    problems = crowd.delivery_problems()
    assert not problems, f"{len(problems)} problems, first ones: {problems[:5]}"
    assert len(crowd.latencies_ms) == crowd.total


@pytest.mark.asyncio(loop_scope="module")
async def test_each_turn_is_stored_in_order_under_load(crowd: LoadResult) -> None:
    problems = crowd.store_problems()
    assert not problems, f"{len(problems)} problems, first ones: {problems[:5]}"
