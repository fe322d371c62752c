"""Fault: the bot process is killed (SIGKILL) while the outbox is delivering admin notifications.

A real `psylite run` process polls the fake Bot API. The fake holds one admin notification in
flight and the test kills the bot right then, before Telegram "processed" it. After a restart
every admin has each notification exactly once: what was delivered before the kill is not
sent again and what was in flight or still queued is sent once.

(The one window this cannot close is a kill after Telegram processed a send but before the
bot committed it: Telegram has no idempotency key, so that one is delivered twice — the
outbox's documented at-least-once edge.)
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import sys
from collections import Counter
from pathlib import Path

from aiohttp import web
from fake_telegram import TOKEN, FakeBotAPI
from sqlalchemy import update

from psylite.settings import Settings
from psylite.store import Store
from psylite.store import models as m

ADMINS = [801, 802, 803]
NOTICE = re.compile(r"New escalation #(\d+)")


class HoldingBotAPI(FakeBotAPI):
    """Holds the Nth admin notification before processing it; counts what it processed."""

    def __init__(self, hold_at: int) -> None:
        super().__init__()
        self.hold_at = hold_at
        self.seen = 0
        self.holding = asyncio.Event()
        self.release = asyncio.Event()
        self.delivered: Counter[tuple[int, int]] = Counter()  # (admin, escalation) -> count

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["method"] == "sendMessage":
            params = await self._params(request)
            found = NOTICE.search(str(params.get("text", "")))
            if found and int(params.get("chat_id", 0)) in ADMINS:
                self.seen += 1
                if self.seen == self.hold_at:
                    self.holding.set()
                    await self.release.wait()
                    transport = request.transport
                    if transport is None or transport.is_closing():
                        # The sender died before we processed the request: not delivered.
                        raise ConnectionResetError("client gone")
                self.delivered[(int(params["chat_id"]), int(found.group(1)))] += 1
        return await super()._handle(request)


def _env(api: FakeBotAPI, data_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "PSYLITE_TELEGRAM_BASE_URL": api.root_url,
        "PSYLITE_DATA_DIR": str(data_dir),
        "PSYLITE_ENVIRONMENT": "test",
        "PSYLITE_LLM_BACKEND": "ollama",  # never contacted
        "PSYLITE_OLLAMA_HOST": "http://127.0.0.1:9",
        "PSYLITE_HUMOR_ENABLED": "false",
        "PSYLITE_ADMIN_CHAT_IDS": ",".join(map(str, ADMINS)),
    }


async def _start(env: dict[str, str]) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "psylite.cli", "run",
        env=env, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip


async def test_sigkill_during_delivery_then_restart_notifies_each_admin_exactly_once(
    data_dir: Path,
) -> None:
    settings = Settings(data_dir=data_dir, environment="test", admin_chat_ids=ADMINS)
    store = Store(settings)
    await store.initialize(create=True)
    escalations = []
    for n in range(4):  # 4 escalations × 3 admins = 12 notification jobs, queued up front
        esc = await store.create_escalation(
            chat_id=70 + n,
            risk=0.9,
            reasons=["test"],
            excerpt=None,
            admin_chat_ids=ADMINS,
            update_id=9000 + n,
        )
        escalations.append(esc.id)
    expected = {(a, e) for e in escalations for a in ADMINS}

    api = HoldingBotAPI(hold_at=5)
    async with api:
        env = _env(api, data_dir)
        proc = await _start(env)
        try:
            await asyncio.wait_for(api.holding.wait(), 60)
            proc.send_signal(signal.SIGKILL)  # mid-delivery: one send in flight, 7 queued
            await proc.wait()
            api.release.set()
            await asyncio.sleep(0.1)
            before = dict(api.delivered)
            assert len(before) == 4 and all(n == 1 for n in before.values())

            # The killed worker's lease (60 s) must run out before another worker may take
            # its jobs; advance the clock on those leases rather than wait a minute.
            async with store._write() as session:
                await session.execute(
                    update(m.OutboxJob)
                    .where(m.OutboxJob.delivered_at.is_(None))
                    .values(locked_until=None)
                )
            proc = await _start(env)
            await api.wait_for(lambda: set(api.delivered) == expected, within=60)
            await asyncio.sleep(1.0)  # anything sent twice would show up by now
            assert await store.outbox_backlog() == 0
        finally:
            if proc.returncode is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    await asyncio.wait_for(proc.wait(), 30)
                except TimeoutError:
                    proc.kill()
                    await proc.wait()
    await store.shutdown()
    assert set(api.delivered) == expected
    assert all(count == 1 for count in api.delivered.values()), api.delivered
