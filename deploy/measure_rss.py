"""Measure the resident memory of each PsyLite process, as deploy/README.md reports it.

    .venv/bin/python deploy/measure_rss.py                  # bot (no model), serve, admin
    .venv/bin/python deploy/measure_rss.py --gguf PATH ...  # + the bot with an in-process GGUF

Everything runs on loopback: the bot polls the fake Bot API from tests/fake_telegram.py and,
without a GGUF, talks to the fake Ollama from tests/llm_fixtures.py, so no token and no
network are needed. For each process it prints VmRSS after a few messages and VmHWM (peak).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

CRISIS = "I want to kill myself tonight, I have the pills ready"
TEXTS = ["I had a rough day at work.", "我最近睡不好，压力很大。", "Thanks for listening."]


# RSS_LOG=FILE keeps the processes' logs (for when a measurement hangs).
_LOG = open(os.environ.get("RSS_LOG", os.devnull), "ab")


def _mib(pid: int) -> tuple[float, float]:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _start(args: list[str], env: dict[str, str]) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "psylite.cli", *args, env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=_LOG,
    )  # fmt: skip


async def _stop(proc: asyncio.subprocess.Process) -> None:
    proc.terminate()
    await asyncio.wait_for(proc.wait(), 60)


def _base_env(data_dir: Path, environment: str = "development") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PSYLITE_", "TELEGRAM_"))}
    env |= {"PSYLITE_DATA_DIR": str(data_dir), "PSYLITE_ENVIRONMENT": environment}
    return env


async def measure_bot(
    data_dir: Path, gguf: str | None, environment: str = "development"
) -> tuple[float, float]:
    from aiohttp import web
    from fake_telegram import TOKEN, FakeBotAPI
    from llm_fixtures import Script, _serve, ollama_app

    script = Script(tokens=["I hear you. ", "That sounds hard. ", "I'm here."])
    async with FakeBotAPI() as api, _serve(ollama_app(script, [])) as ollama_url:
        env = _base_env(data_dir, environment) | {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "PSYLITE_TELEGRAM_BASE_URL": api.root_url,
            "PSYLITE_ADMIN_CHAT_IDS": "999",
            "PSYLITE_LLM_MAX_TOKENS": "48",
        }
        if gguf:
            env |= {"PSYLITE_LLM_BACKEND": "llama_cpp", "PSYLITE_MODEL": gguf}
        else:
            env |= {"PSYLITE_LLM_BACKEND": "ollama", "PSYLITE_OLLAMA_HOST": ollama_url}
        proc = await _start(["run"], env)
        try:
            await api.wait_for(lambda: api.sent(method="setMyCommands"), within=120)
            api.push_text(5, "/start")
            note = await api.wait_for_message(5, "", within=30)
            api.push_callback(note, "consent:agree")
            await api.wait_for(lambda: len(api.sent(5, "sendMessage")) >= 2, within=30)
            for n, text in enumerate([*TEXTS, CRISIS]):
                api.push_text(5, text)
                # Each turn ends with a final sendMessage/edit; wait for the n-th answer.
                await api.wait_for(
                    lambda n=n: len([t for (c, _), t in api.messages.items() if c == 5]) >= 3 + n,
                    within=600,
                )
            await asyncio.sleep(1.0)
            return _mib(proc.pid)
        finally:
            await _stop(proc)
    del web


async def measure_http(data_dir: Path, which: str) -> tuple[float, float]:
    import aiohttp

    port = _free_port()
    env = _base_env(data_dir) | {"PSYLITE_LLM_BACKEND": "ollama"}
    args = (
        ["serve", "--port", str(port)]
        if which == "serve"
        else ["admin", "serve", "--port", str(port)]
    )
    proc = await _start(args, env)
    try:
        async with aiohttp.ClientSession() as http:
            for _ in range(600):
                try:
                    async with http.get(f"http://127.0.0.1:{port}/healthz") as r:
                        if r.status == 200:
                            break
                except aiohttp.ClientError:
                    await asyncio.sleep(0.1)
            if which == "serve":
                for text in [CRISIS, *TEXTS]:  # LLM down: the apology path, still full pipeline
                    body = {"model": "psylite", "messages": [{"role": "user", "content": text}]}
                    async with http.post(
                        f"http://127.0.0.1:{port}/v1/chat/completions", json=body
                    ) as r:
                        await r.read()
            else:
                for path in ("/login", "/healthz", "/metrics"):
                    async with http.get(f"http://127.0.0.1:{port}{path}") as r:
                        await r.read()
        await asyncio.sleep(0.5)
        return _mib(proc.pid)
    finally:
        await _stop(proc)


async def main(ggufs: list[str]) -> None:
    started = time.monotonic()
    print(f"{'process':<62} {'RSS MiB':>8} {'peak MiB':>9}", flush=True)

    def row(name: str, mib: tuple[float, float]) -> None:
        print(f"{name:<62} {mib[0]:>8.0f} {mib[1]:>9.0f}", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)  # a fresh data dir (new database, new users) for each process
        row("bot, LLM on Ollama (no model in process)", await measure_bot(data / "bot", None))
        # Production does not migrate at start: `psylite db upgrade` runs first (as the
        # deploy guide says), so Alembic stays out of the bot's process.
        await asyncio.to_thread(
            subprocess.run,
            [sys.executable, "-m", "psylite.cli", "db", "upgrade"],
            env=_base_env(data / "bot-prod"),
            check=True,
            capture_output=True,
        )
        row(
            "bot, LLM on Ollama, PSYLITE_ENVIRONMENT=production",
            await measure_bot(data / "bot-prod", None, "production"),
        )
        row("psylite serve (OpenAI endpoint)", await measure_http(data / "serve", "serve"))
        row("psylite admin serve (dashboard)", await measure_http(data / "admin", "admin"))
        for gguf in ggufs:
            name = f"bot + in-process {Path(gguf).name}"
            row(name, await measure_bot(data / Path(gguf).stem, gguf))
    print(f"({time.monotonic() - started:.0f} s, python {sys.version.split()[0]}, {sys.platform})")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gguf", action="append", default=[], help="a GGUF to load in the bot")
    asyncio.run(main(parser.parse_args().gguf))
