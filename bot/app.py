"""Composition root of the Telegram bot: `build_application(settings, services)`.

Nothing connects at import or build time; `post_init` / `post_shutdown` run the services'
lifecycle (database, model) and the admin background tasks.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot import admin, commands, consent
from bot.context import BotData, CustomContext
from bot.errors import on_error
from bot.handlers import messages
from bot.ratelimit import LLMGate, PerChatUpdateProcessor, RetryingLimiter, TokenBucket
from bot.repo import BotRepo
from psylite.errors import ConfigError
from psylite.services import Services
from psylite.settings import Settings

log = logging.getLogger(__name__)

BotApp = Application[object, CustomContext, dict, dict, BotData, object]  # type: ignore[type-arg]


def api_urls(base: str) -> tuple[str, str]:
    """(base_url, base_file_url) for a Bot API server address, self-hosted or official.

    Accepts the server root (``http://host:8081``) or a URL already ending in ``/bot``.
    """
    root = base.rstrip("/")
    if root.endswith("/bot"):
        root = root[: -len("/bot")]
    return root + "/bot", root + "/file/bot"


def build_application(
    settings: Settings, services: Services, *, base_url: str | None = None
) -> BotApp:
    """Wire the bot over the services; `base_url` overrides settings.telegram_base_url."""
    if settings.telegram_bot_token is None:
        raise ConfigError("no Telegram token: set TELEGRAM_BOT_TOKEN (from @BotFather)")
    builder = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token.get_secret_value())
        .context_types(ContextTypes(context=CustomContext, bot_data=BotData))
        .concurrent_updates(PerChatUpdateProcessor(settings.telegram_max_concurrent_updates))
        .rate_limiter(RetryingLimiter())
        .post_init(_post_init)
        .post_stop(_post_stop)
        .post_shutdown(_post_shutdown)
    )
    url = base_url or settings.telegram_base_url
    if url:
        api, files = api_urls(url)
        builder = builder.base_url(api).base_file_url(files)
    application = builder.build()

    data: BotData = application.bot_data
    data.services = services
    data.repo = BotRepo(services.store, settings.policy_version)  # type: ignore[attr-defined]
    data.limiter = TokenBucket(settings.telegram_rate_per_minute, settings.telegram_rate_burst)
    data.gate = LLMGate(settings.llm_concurrency)

    private = filters.ChatType.PRIVATE
    group = filters.ChatType.GROUPS
    # Admin commands and buttons come first so that they never reach the user flow.
    admin.register(application)
    application.add_handler(CallbackQueryHandler(consent.on_consent_button, pattern=r"^consent:"))
    application.add_handler(CallbackQueryHandler(commands.on_forget_button, pattern=r"^forget:"))
    user_commands = {
        "start": commands.start,
        "help": commands.help_,
        "humor": commands.humor,
        "lang": commands.lang_cmd,
        "reset": commands.reset,
        "forget": commands.forget,
        "resources": commands.resources_cmd,
        "privacy": commands.privacy,
    }
    for name, callback in user_commands.items():
        application.add_handler(CommandHandler(name, callback, filters=private))
    application.add_handler(
        MessageHandler(group & (filters.COMMAND | filters.TEXT), messages.on_group)
    )
    application.add_handler(
        MessageHandler(
            private & filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND, messages.on_text
        )
    )
    application.add_handler(
        MessageHandler(
            private & filters.UpdateType.MESSAGE & ~filters.TEXT & ~filters.StatusUpdate.ALL,
            messages.on_non_text,
        )
    )
    application.add_error_handler(on_error)
    return application


async def _post_init(application: BotApp) -> None:
    services: Services = application.bot_data.services  # type: ignore[assignment]
    await services.initialize()
    await commands.set_bot_commands(application.bot)
    admin.start_background(application)
    log.info("bot @%s ready", application.bot.username)


async def _post_stop(application: BotApp) -> None:
    await admin.stop_background(application)


async def _post_shutdown(application: BotApp) -> None:
    services: Services = application.bot_data.services  # type: ignore[assignment]
    await services.shutdown()


def allowed_updates() -> list[str]:
    """Only what the bot handles, so Telegram sends nothing else."""
    return [Update.MESSAGE, Update.CALLBACK_QUERY]
