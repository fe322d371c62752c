"""Answering one text turn in a private chat: gate, pipeline, streaming, failure replies.

Kept out of the handlers so it can be read in one place; handlers only parse the update.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from telegram.error import Forbidden

from bot.i18n import norm_lang, t
from bot.streaming import StreamingReply, split_text, typing
from psylite.pipeline import Reply, Turn
from psylite.safety import Decision, Router

if TYPE_CHECKING:
    from telegram import Bot

    from bot.context import CustomContext
    from psylite.pipeline import Pipeline

log = logging.getLogger(__name__)


def pre_route(pipeline: Pipeline, text: str) -> Decision | None:
    """The router's verdict on `text` alone (deterministic, ~ms), or None if unavailable.

    Used only to decide what may bypass the consent gate and the LLM queue (crisis must never
    wait) and to guard streamed previews; the pipeline routes again with the conversation
    state and its verdict is final.
    """
    router: Router | None = getattr(pipeline, "router", None)
    if router is None:
        return None
    return router.route(text)  # no state: nothing is updated; never raises


def route_name(decision: Decision | None) -> str | None:
    return str(decision.route) if decision is not None else None


async def user_lang(context: CustomContext, chat_id: int, telegram_code: str | None) -> str:
    """The chat's chosen language, else Telegram's, Chinese first."""
    prefs = await context.repo.prefs(chat_id)
    return prefs.lang or norm_lang(telegram_code)


async def answer(
    context: CustomContext,
    *,
    chat_id: int,
    text: str,
    lang: str | None,
    update_id: int | None,
    consented: bool = True,
) -> Reply | None:
    """Run the pipeline for one turn and show the reply (streamed when the LLM answers)."""
    bot: Bot = context.bot
    settings = context.settings
    # The pipeline passes tokens through the output guard before they reach us.
    stream = StreamingReply(bot, chat_id, interval=settings.telegram_edit_interval)
    turn = Turn(
        chat_id=chat_id,
        text=text,
        lang=lang,
        update_id=update_id,
        channel="telegram",
        consented=consented,
    )
    try:
        async with typing(bot, chat_id):

            async def on_queue(position: int) -> None:
                if position >= settings.telegram_queue_notice:
                    await bot.send_message(chat_id, t(lang or "zh", "one_moment"))

            # The pipeline takes the LLM slot only when it generates: crisis never queues.
            reply = await context.pipeline.handle(
                turn, on_token=stream.on_token, llm_slot=lambda: context.gate.slot(on_queue)
            )
        if reply.duplicate:
            log.info("update %s already handled; not answering twice", update_id)
            return reply
        if reply.needs_consent:
            return reply  # the caller shows the consent note
        if reply.llm_error:
            log.warning("LLM error for update %s: %s", update_id, reply.llm_error)
        await stream.finish(reply.text)
        return reply
    except Forbidden:
        # The user blocked the bot: remember it, so nothing else is sent until they write again.
        log.info("chat %s blocked the bot", chat_id)
        await context.repo.set_blocked(chat_id, True)
        return None


async def send_plain(bot: Bot, chat_id: int, text: str) -> None:
    """Send a possibly long plain text, split under Telegram's limit."""
    for chunk in split_text(text):
        await bot.send_message(chat_id, chunk)
