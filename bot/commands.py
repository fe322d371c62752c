"""User commands (/start /help /humor /lang /reset /forget /resources /privacy) and their
registration with Telegram in Chinese and English."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from telegram import BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.consent import send_consent
from bot.conversation import send_plain, user_lang
from bot.i18n import COMMANDS, LANGS, t
from bot.resources import resources

if TYPE_CHECKING:
    from telegram import Bot

    from bot.context import CustomContext

log = logging.getLogger(__name__)

FORGET_YES = "forget:yes"
FORGET_NO = "forget:no"


async def set_bot_commands(bot: Bot) -> None:
    """Register the command menu: Chinese for zh clients, English as the default."""
    for lang in LANGS:
        commands = [BotCommand(name, desc) for name, desc in COMMANDS[lang]]
        await bot.set_my_commands(commands, language_code=lang)
    await bot.set_my_commands([BotCommand(n, d) for n, d in COMMANDS["en"]])


async def _lang(update: Update, context: CustomContext) -> tuple[int, str]:
    assert update.effective_chat is not None
    chat_id = update.effective_chat.id
    code = update.effective_user.language_code if update.effective_user else None
    return chat_id, await user_lang(context, chat_id, code)


async def start(update: Update, context: CustomContext) -> None:
    """/start: the consent note (again, if already given: it is also the privacy summary)."""
    chat_id, lang = await _lang(update, context)
    if await context.repo.has_consent(chat_id):
        await context.bot.send_message(chat_id, t(lang, "consent_thanks"))
        return
    await send_consent(context.bot, chat_id, lang, context.settings)


async def help_(update: Update, context: CustomContext) -> None:
    """/help."""
    chat_id, lang = await _lang(update, context)
    await context.bot.send_message(chat_id, t(lang, "help"))


async def privacy(update: Update, context: CustomContext) -> None:
    """/privacy."""
    chat_id, lang = await _lang(update, context)
    settings = context.settings
    await context.bot.send_message(
        chat_id, t(lang, "privacy", days=settings.retention_days, policy=settings.policy_version)
    )


async def resources_cmd(update: Update, context: CustomContext) -> None:
    """/resources: helplines, available before consent too."""
    chat_id, lang = await _lang(update, context)
    await send_plain(context.bot, chat_id, resources(lang))


async def humor(update: Update, context: CustomContext) -> None:
    """/humor on|off."""
    chat_id, lang = await _lang(update, context)
    arg = (context.args or [""])[0].lower()
    if arg not in ("on", "off"):
        await context.bot.send_message(chat_id, t(lang, "humor_usage"))
        return
    await context.repo.set_humor(chat_id, arg == "on")
    await context.bot.send_message(chat_id, t(lang, "humor_on" if arg == "on" else "humor_off"))


async def lang_cmd(update: Update, context: CustomContext) -> None:
    """/lang zh|en."""
    chat_id, lang = await _lang(update, context)
    arg = (context.args or [""])[0].lower()
    if arg not in LANGS:
        await context.bot.send_message(chat_id, t(lang, "lang_usage"))
        return
    await context.repo.set_lang(chat_id, arg)
    await context.bot.send_message(chat_id, t(arg, "lang_set"))


async def reset(update: Update, context: CustomContext) -> None:
    """/reset: a new conversation (the model no longer sees earlier turns)."""
    chat_id, lang = await _lang(update, context)
    await context.pipeline.reset(chat_id)
    await context.bot.send_message(chat_id, t(lang, "reset_done"))


async def forget(update: Update, context: CustomContext) -> None:
    """/forget: ask for confirmation before deleting everything."""
    chat_id, lang = await _lang(update, context)
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(t(lang, "forget_yes"), callback_data=FORGET_YES),
                InlineKeyboardButton(t(lang, "forget_no"), callback_data=FORGET_NO),
            ]
        ]
    )
    await context.bot.send_message(chat_id, t(lang, "forget_confirm"), reply_markup=keyboard)


async def on_forget_button(update: Update, context: CustomContext) -> None:
    """Confirmation of /forget."""
    query = update.callback_query
    assert query is not None
    chat_id, lang = await _lang(update, context)
    await query.answer()
    await query.edit_message_reply_markup(reply_markup=None)
    if query.data != FORGET_YES:
        await context.bot.send_message(chat_id, t(lang, "forget_cancelled"))
        return
    # Reset first: it saves a fresh state, which the deletion then removes with the rest.
    await context.pipeline.reset(chat_id)
    await context.repo.forget(chat_id)
    context.bot_data.pending.pop(chat_id, None)
    log.info("chat %s deleted its data", chat_id)
    await context.bot.send_message(chat_id, t(lang, "forget_done"))
