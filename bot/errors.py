"""The one global error handler: log with the traceback first, then tell the admins, then
give the user a warm apology that points at /resources (never a traceback)."""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING

from telegram import Update
from telegram.error import Forbidden, TelegramError

from bot.i18n import norm_lang, t

if TYPE_CHECKING:
    from bot.context import CustomContext

log = logging.getLogger(__name__)


async def on_error(update: object, context: CustomContext) -> None:
    """Global error handler for every handler and job."""
    update_id = update.update_id if isinstance(update, Update) else None
    error = context.error
    log.error("error while handling update %s", update_id, exc_info=error)
    if isinstance(error, Forbidden):
        return  # the user blocked the bot: nothing to tell anyone
    # Only the type: an exception message may quote what the user wrote.
    notice = (
        f"⚠️ PsyLite error on update {update_id}: {type(error).__name__} (details in the bot log)"
    )
    for admin in context.settings.admin_chat_ids:
        with contextlib.suppress(TelegramError):
            await context.bot.send_message(admin, notice)
    if isinstance(update, Update) and update.effective_chat is not None:
        chat = update.effective_chat
        if chat.type != "private":
            return
        code = update.effective_user.language_code if update.effective_user else None
        with contextlib.suppress(TelegramError):
            await context.bot.send_message(chat.id, t(norm_lang(code), "error"))
