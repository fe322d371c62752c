"""`psylite chat`: a console chat over the same pipeline the bot uses."""

from __future__ import annotations

import asyncio
import sys

import click

from psylite.pipeline import Turn
from psylite.settings import Settings, load_settings

CONSOLE_CHAT_ID = 0  # the local operator; Telegram chat ids are never 0

BANNER = {
    "zh": "PsyLite 控制台对话（AI 陪伴者，不是心理治疗师或急救服务）。输入 /reset 开始新对话，/quit 退出。",
    "en": "PsyLite console chat (an AI companion, not a therapist or an emergency service). "
    "Type /reset for a new conversation, /quit to leave.",
}


async def _read_line(prompt: str, interactive: bool) -> str | None:
    """Read one line without blocking the event loop; None at end of input."""
    if interactive:
        sys.stdout.write(prompt)
        sys.stdout.flush()
    line = await asyncio.to_thread(sys.stdin.readline)
    if line == "":
        return None
    return line.rstrip("\r\n")


async def run_chat(settings: Settings, lang: str) -> int:
    """Loop: read a line, stream the reply; returns the process exit code."""
    from psylite.services import build_services

    services = build_services(settings)
    await services.initialize()
    interactive = sys.stdin.isatty()
    out = sys.stdout
    out.write(BANNER.get(lang, BANNER["en"]) + "\n")
    out.flush()
    streamed: list[str] = []

    async def on_token(piece: str) -> None:
        streamed.append(piece)
        out.write(piece)
        out.flush()

    try:
        while True:
            line = await _read_line("你 > " if lang == "zh" else "you > ", interactive)
            if line is None:
                break
            text = line.strip()
            if not text:
                continue
            if text in ("/quit", "/exit"):
                break
            if text == "/reset":
                await services.pipeline.reset(CONSOLE_CHAT_ID)
                out.write(("（已开始新的对话）" if lang == "zh" else "(new conversation)") + "\n")
                out.flush()
                continue
            out.write("PsyLite > ")
            out.flush()
            streamed.clear()

            reply = await services.pipeline.handle(
                Turn(chat_id=CONSOLE_CHAT_ID, text=text, lang=None, channel="console"),
                on_token=on_token,
            )
            shown = "".join(streamed)
            if reply.text.startswith(shown):
                out.write(reply.text[len(shown) :])  # e.g. an appended humor line
            else:  # the guard replaced what streamed, or a fixed reply was sent
                out.write(("\n" if shown else "") + reply.text)
            out.write("\n")
            out.flush()
    finally:
        await services.shutdown()
    return 0


@click.command("chat")
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="Language of the banner and prompts (replies follow what you write).",
)
def chat_command(lang: str) -> None:
    """Talk to the companion in this terminal (/reset, /quit; Ctrl-C exits)."""
    settings = load_settings()
    try:
        code = asyncio.run(run_chat(settings, lang))
    except KeyboardInterrupt:
        sys.stdout.write("\n")
        code = 0
    sys.exit(code)
