# ruff: noqa: F811  (pytest injects the imported fixtures by parameter name)
"""`psylite run` as a real process against the fake Bot API (PSYLITE_TELEGRAM_BASE_URL)."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import pytest
from bot_fixtures import api  # noqa: F401
from fake_telegram import TOKEN, FakeBotAPI
from llm_fixtures import FakeServer, fake_ollama  # noqa: F401


async def start_bot(api: FakeBotAPI, data_dir: Path, **env: str) -> asyncio.subprocess.Process:
    """`psylite run` as a real process, polling the fake Bot API."""
    full = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "PSYLITE_TELEGRAM_BASE_URL": api.root_url,
        "PSYLITE_DATA_DIR": str(data_dir),
        "PSYLITE_ENVIRONMENT": "test",
        **env,
    }
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "psylite.cli",
        "run",
        env=full,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


@pytest.mark.slow
async def test_run_polls_a_self_hosted_bot_api_and_stops_cleanly_on_sigterm(
    api: FakeBotAPI, data_dir: Path
) -> None:
    # The Ollama backend is never contacted: no message reaches the model here.
    proc = await start_bot(api, data_dir, PSYLITE_LLM_BACKEND="ollama")
    try:
        await api.wait_for(lambda: api.sent(method="setMyCommands"), within=60)
        api.push_text(31, "/start")
        await api.wait_for_message(31, "not a therapist", within=20)
        proc.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(proc.communicate(), 30)
        assert proc.returncode == 0, err.decode()[-2000:]
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()


@pytest.mark.slow
async def test_sigterm_lets_a_reply_in_flight_finish_before_exiting(
    api: FakeBotAPI, data_dir: Path, fake_ollama: FakeServer
) -> None:
    # A slow model: the reply takes ~2 s, and SIGTERM arrives in the middle of it.
    fake_ollama.script.tokens = [
        "I hear ",
        "you. ",
        "Long days ",
        "wear anyone ",
        "down. ",
        "I'm here.",
    ]
    fake_ollama.script.token_delay = 0.4
    proc = await start_bot(
        api,
        data_dir,
        PSYLITE_LLM_BACKEND="ollama",
        OLLAMA_HOST=fake_ollama.url,
        PSYLITE_MODEL="psylite",
    )
    try:
        await api.wait_for(lambda: api.sent(method="setMyCommands"), within=60)
        api.push_text(41, "/start")
        note = await api.wait_for_message(41, "not a therapist", within=20)
        api.push_callback(note, "consent:agree")
        await api.wait_for(lambda: len(api.sent(41, "sendMessage")) >= 2, within=20)
        api.push_text(41, "Work has been exhausting lately.")
        await api.wait_for(lambda: fake_ollama.requests, within=20)  # generation under way
        proc.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(proc.communicate(), 60)
        assert proc.returncode == 0, err.decode()[-2000:]
        shown = [c.text for c in api.sent(41) if c.method in ("sendMessage", "editMessageText")]
        # the whole reply reached the user (a check-in line may follow it when the router reads
        # possible risk in the message)
        assert shown and shown[-1].startswith("".join(fake_ollama.script.tokens))
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
