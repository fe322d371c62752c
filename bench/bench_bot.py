"""Bot throughput and latency with an instant fake LLM, through the fake Bot API + the real
Application + the full pipeline (router, store on SQLite) — and the bot's RSS without a model.

    python -m bench.bench_bot [--chats 20] [--messages 10]

Each chat is consented in the store first; then every chat sends its messages at once.
Latency is measured per message from the moment the fake Bot API hands out the update to
the moment the bot has sent the complete reply. RSS includes the fake Bot API server (it
runs in the same process), so it is an upper bound. Goal (issue 6): RSS < 150 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "bench_bot.json"
sys.path.insert(0, str(ROOT / "tests"))  # the fake Bot API lives with the tests


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


async def run(chats: int, messages: int) -> None:
    from fake_telegram import TOKEN, FakeBotAPI

    from bot.app import build_application
    from bot.runner import running
    from psylite.llm.fake import FakeLLM
    from psylite.services import build_services
    from psylite.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        async with FakeBotAPI() as api:
            settings = Settings(
                data_dir=Path(tmp),
                environment="test",
                telegram_bot_token=TOKEN,
                telegram_base_url=api.root_url,
                telegram_rate_per_minute=10_000,
                telegram_rate_burst=10_000,
                llm_concurrency=8,
                humor_enabled=False,
            )
            services = build_services(settings, llm=FakeLLM())
            application = build_application(settings, services)
            async with running(application, poll_timeout=1):
                for chat in range(1, chats + 1):
                    await services.store.record_consent(
                        chat_id=chat, policy_version=settings.policy_version, accepted=True
                    )
                rss_idle = rss_mb()
                pushed: dict[str, float] = {}
                started = time.monotonic()
                for i in range(messages):
                    for chat in range(1, chats + 1):
                        text = f"I feel a little tired today, note {chat}-{i}"
                        pushed[f"echo: {text}"] = time.monotonic()
                        api.push_text(chat, text)
                total = chats * messages

                def done() -> bool:
                    return sum(1 for c in api.calls if c.text in pushed) >= total

                await api.wait_for(done, within=600)
                finished = time.monotonic()
                first_seen: dict[str, float] = {}
                for c in api.calls:
                    if c.text in pushed and c.text not in first_seen:
                        first_seen[c.text] = c.at
                latencies = [(first_seen[k] - t0) * 1000 for k, t0 in pushed.items()]
                light: list[float] = []
                # Light load: one message at a time, so latency is handling, not queueing.
                light: list[float] = []
                for i in range(30):
                    text = f"I feel a little tired today, single {i}"
                    t0 = time.monotonic()
                    api.push_text(1, text)
                    call = await api.wait_for(
                        lambda t=text: next((c for c in api.calls if c.text == f"echo: {t}"), None),
                        within=60,
                    )
                    light.append((call.at - t0) * 1000)
                rss_peak = rss_mb()
    print(f"chats={chats} messages/chat={messages} total={total}")
    print(f"throughput: {total / (finished - started):.1f} msgs/s")
    print(
        f"latency, one message at a time: p50 {statistics.median(light):.1f} ms, "
        f"p99 {pct(light, 99):.1f} ms"
    )
    print(
        f"latency, all {total} at once (includes queueing): p50 {statistics.median(latencies):.1f} ms, "
        f"p99 {pct(latencies, 99):.1f} ms, max {max(latencies):.1f} ms"
    )
    print(
        f"RSS: {rss_idle:.1f} MB idle after start-up, {rss_peak:.1f} MB after the run "
        f"(goal < 150 MB; includes the fake Bot API server)"
    )
    print(f"bot API calls: {len(api.calls)}")
    results = {
        "chats": chats,
        "messages_per_chat": messages,
        "msgs_per_s": total / (finished - started),
        "light_ms": {"p50": statistics.median(light), "p99": pct(light, 99)},
        "burst_ms": {"p50": statistics.median(latencies), "p99": pct(latencies, 99)},
        "rss_idle_mb": rss_idle,
        "rss_after_mb": rss_peak,
        "rss_note": "one process: bot + fake Bot API server, no model",
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=20)
    parser.add_argument("--messages", type=int, default=10)
    args = parser.parse_args(argv)
    asyncio.run(run(args.chats, args.messages))
    return 0


if __name__ == "__main__":
    sys.exit(main())
