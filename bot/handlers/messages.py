"""Messages in private chats (text and everything else) and in groups."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from telegram import Update

from bot.consent import send_consent
from bot.conversation import answer, pre_route, route_name, send_plain, user_lang
from bot.i18n import t
from bot.resources import resources

if TYPE_CHECKING:
    from bot.context import CustomContext

log = logging.getLogger(__name__)


async def on_text(update: Update, context: CustomContext) -> None:
    """A text message in a private chat: rate limit, then the pipeline (which gates consent)."""
    message = update.effective_message
    assert message is not None and message.text is not None and update.effective_chat is not None
    chat_id = update.effective_chat.id
    user = update.effective_user
    code = user.language_code if user else None
    prefs = await context.repo.prefs(chat_id)
    lang = prefs.lang or None  # None lets the pipeline detect the language of the text
    ui_lang = await user_lang(context, chat_id, code)
    if prefs.blocked:  # they wrote again, so they unblocked us
        await context.repo.set_blocked(chat_id, False)
    decision = pre_route(context.pipeline, message.text)
    key = user.id if user else chat_id
    # A message the router sees as a crisis is never rate-limited.
    if route_name(decision) != "crisis" and not context.limiter.allow(key):
        if context.limiter.should_warn(key):
            await context.bot.send_message(chat_id, t(ui_lang, "rate_limited"))
        return
    # Before consent the pipeline runs the crisis path only (with the conversation state, so it
    # is the final judge) and stores nothing otherwise; then we show the consent note.
    reply = await answer(
        context,
        chat_id=chat_id,
        text=message.text,
        lang=lang,
        update_id=update.update_id,
        consented=prefs.consented,
    )
    if reply is not None and reply.needs_consent:
        context.bot_data.pending[chat_id] = message.text
        await send_consent(context.bot, chat_id, ui_lang, context.settings)


async def on_non_text(update: Update, context: CustomContext) -> None:
    """Voice, stickers, photos, files: a polite text-only answer."""
    assert update.effective_chat is not None
    chat_id = update.effective_chat.id
    code = update.effective_user.language_code if update.effective_user else None
    await context.bot.send_message(chat_id, t(await user_lang(context, chat_id, code), "non_text"))


async def on_group(update: Update, context: CustomContext) -> None:
    """Anything addressed to the bot in a group: a one-line pointer to a private chat."""
    assert update.effective_chat is not None
    chat_id = update.effective_chat.id
    user = update.effective_user
    lang = "zh" if (user and (user.language_code or "").startswith("zh")) else "en"
    await context.bot.send_message(chat_id, t(lang, "group", bot=context.bot.username))
    text = update.effective_message.text if update.effective_message else None
    if text and route_name(pre_route(context.pipeline, text)) == "crisis":
        # Helplines are public information; sending them in the group helps without exposing more.
        await send_plain(context.bot, chat_id, resources(lang))
