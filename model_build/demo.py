"""`make model-demo`: the real small model end to end on this CPU, step by step.

    python -m model_build demo                       # recipe qwen-0.5b-cpu
    python -m model_build demo --output-dir /tmp/d --prompt "我失眠好几天了"

Every step (mix, sft, orpo, merge, gguf, quantize, modelfile) runs as its own
`python -m model_build STEP` process, so its peak RSS is its own (os.wait4 reports the
child's high-water mark, including the GGUF converter it waits for). Then the bot's
llama_cpp backend (`psylite.llm.build_llm`, PSYLITE_MODEL = the q4_k_m file) answers one
Chinese counselling message in a last child process; model_build itself imports nothing of
psylite (ARCHITECTURE.md), the child does. A table of wall time and peak RSS per step
ends the run and is saved as <output_dir>/demo.json.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import click

from model_build.config import read_config
from model_build.errors import BuildError

log = logging.getLogger(__name__)

STEPS = ("mix", "sft", "orpo", "merge", "gguf", "quantize", "modelfile")
DEFAULT_PROMPT = "最近工作压力很大，晚上总是睡不着，我该怎么办？"

# Runs in the chat child: the bot's own backend, exactly as `psylite up` builds it.
_CHAT = r"""
import asyncio, sys
from psylite.llm import build_llm
from psylite.llm.base import ChatMessage, GenOptions
from psylite.settings import load_settings

async def main() -> None:
    llm = build_llm(load_settings(), "llama_cpp")
    print(await llm.check(), flush=True)
    messages = [ChatMessage(role="system", content=sys.argv[1]),
                ChatMessage(role="user", content=sys.argv[2])]
    pieces = []
    async for piece in llm.stream(messages, GenOptions(max_tokens=int(sys.argv[3]), temperature=0.0)):
        pieces.append(piece)
    print("reply: " + "".join(pieces).strip(), flush=True)

asyncio.run(main())
"""


def _run_child(cmd: list[str], env: dict[str, str] | None = None) -> tuple[int, float, float]:
    """Run `cmd` with inherited output; (exit code, wall seconds, peak RSS in MB)."""
    started = time.monotonic()
    proc = subprocess.Popen(cmd, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, time.monotonic() - started, usage.ru_maxrss / 1024


@click.command("demo")
@click.option("--config", "config", default="qwen-0.5b-cpu", show_default=True, help="Recipe.")
@click.option("--output-dir", default=None, help="Override the recipe's output folder.")
@click.option("--prompt", default=DEFAULT_PROMPT, show_default=True, help="The user message.")
@click.option("--max-tokens", default=96, show_default=True, help="Tokens of the reply.")
@click.option(
    "--steps",
    default=",".join(STEPS),
    show_default=True,
    help="Build steps to run before the chat (comma-separated).",
)
def demo_command(
    config: str, output_dir: str | None, prompt: str, max_tokens: int, steps: str
) -> None:
    """Build the small model end to end, then chat with it through the bot's backend."""
    recipe = read_config(config)
    out = Path(output_dir or recipe.get("output_dir", "var/model_build/demo"))
    wanted = [s.strip() for s in steps.split(",") if s.strip()]
    if set(wanted) - set(STEPS):
        raise BuildError(f"unknown steps {sorted(set(wanted) - set(STEPS))}; choose from {STEPS}")
    child_env = {**os.environ, "TRL_EXPERIMENTAL_SILENCE": "1"}
    rows: list[dict[str, Any]] = []
    for step in STEPS:
        if step not in wanted:
            continue
        click.echo(f"== {step}", err=True)
        cmd = [sys.executable, "-m", "model_build", step, "--config", config]
        code, seconds, peak = _run_child([*cmd, "--output-dir", str(out)], child_env)
        rows.append({"step": step, "seconds": round(seconds, 1), "peak_rss_mb": round(peak)})
        click.echo(f"== {step}: {seconds:.1f} s, peak RSS {peak:.0f} MB", err=True)
        if code != 0:
            raise BuildError(f"step {step} failed (exit {code}); see its output above")

    name = (recipe.get("quantize") or {}).get("name", "model")
    quant = (recipe.get("quantize") or {}).get("quant", "q4_k_m")
    gguf = out / "gguf" / f"{name}-{quant}.gguf"
    if not gguf.is_file():
        raise BuildError(f"{gguf} not found; run the build steps first")
    system = (recipe.get("modelfile") or {}).get("system", "")
    click.echo(f"== chat (psylite llama_cpp backend, {gguf.name})", err=True)
    env = {**child_env, "PSYLITE_MODEL": str(gguf.resolve()), "PSYLITE_LLM_BACKEND": "llama_cpp"}
    code, seconds, peak = _run_child(
        [sys.executable, "-c", _CHAT, system, prompt, str(max_tokens)], env
    )
    rows.append({"step": "chat", "seconds": round(seconds, 1), "peak_rss_mb": round(peak)})
    if code != 0:
        raise BuildError(f"the chat with {gguf} failed (exit {code}); see its output above")

    total = sum(r["seconds"] for r in rows)
    click.echo(f"\n{'step':<10} {'seconds':>8} {'peak RSS MB':>12}")
    for r in rows:
        click.echo(f"{r['step']:<10} {r['seconds']:>8.1f} {r['peak_rss_mb']:>12}")
    click.echo(f"{'total':<10} {total:>8.1f} {max(r['peak_rss_mb'] for r in rows):>12}")
    (out / "demo.json").write_text(
        json.dumps(
            {"config": config, "prompt": prompt, "steps": rows}, ensure_ascii=False, indent=2
        ),
        encoding="utf-8",
    )
