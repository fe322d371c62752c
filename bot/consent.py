"""The consent gate: a short disclaimer with Agree / Decline before anything is stored.

Only the crisis path runs before Agree; a first message is held in memory (never stored)
and answered right after Agree.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.conversation import answer, user_lang
from bot.i18n import t

if TYPE_CHECKING:
    from telegram import Bot

    from bot.context import CustomContext
    from psylite.settings import Settings

log = logging.getLogger(__name__)

AGREE = "consent:agree"
DECLINE = "consent:decline"


def consent_keyboard(lang: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(t(lang, "agree"), callback_data=AGREE),
                InlineKeyboardButton(t(lang, "decline"), callback_data=DECLINE),
            ]
        ]
    )


async def send_consent(bot: Bot, chat_id: int, lang: str, settings: Settings) -> None:
    """Show the disclaimer with the two buttons."""
    await bot.send_message(
        chat_id,
        t(lang, "consent", days=settings.retention_days),
        reply_markup=consent_keyboard(lang),
    )


async def on_consent_button(update: Update, context: CustomContext) -> None:
    """Agree or Decline pressed."""
    query = update.callback_query
    assert query is not None and update.effective_chat is not None
    chat_id = update.effective_chat.id
    lang = await user_lang(context, chat_id, query.from_user.language_code)
    accepted = query.data == AGREE
    await query.answer()
    await context.repo.record_consent(chat_id, accepted=accepted)
    # Remove the buttons so the choice cannot be pressed twice by accident.
    await query.edit_message_reply_markup(reply_markup=None)
    pending = context.bot_data.pending.pop(chat_id, None)
    if not accepted:
        await context.bot.send_message(chat_id, t(lang, "consent_declined"))
        return
    log.info("chat %s accepted policy %s", chat_id, context.settings.policy_version)
    await context.bot.send_message(chat_id, t(lang, "consent_thanks"))
    if pending:
        await answer(
            context,
            chat_id=chat_id,
            text=pending,
            lang=None,
            update_id=None,
        )
