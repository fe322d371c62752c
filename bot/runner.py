"""Run the application until a stop event: polling or webhook, one graceful shutdown path.

Mirrors the order of PTB's own `run_polling` (post_init → start → … → stop → post_stop →
shutdown → post_shutdown) but under our control, so the CLI, tests and the benchmark share
it and SIGTERM finishes the replies in flight: `Application.stop()` waits for every update
already taken from the queue.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass

from telegram.ext import Application

from bot.app import allowed_updates

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WebhookConfig:
    url: str  # public URL Telegram posts to; its path is the one we serve
    listen: str
    port: int
    secret: str


@contextlib.asynccontextmanager
async def running(
    application: Application,  # type: ignore[type-arg]
    *,
    webhook: WebhookConfig | None = None,
    poll_timeout: int = 10,
) -> AsyncIterator[Application]:  # type: ignore[type-arg]
    """Start polling (default) or the webhook server; stop gracefully on exit."""
    await application.initialize()
    server = None
    try:
        if application.post_init:
            await application.post_init(application)
        await application.start()
        if webhook is None:
            assert application.updater is not None
            await application.bot.delete_webhook()
            await application.updater.start_polling(
                poll_interval=0.0, timeout=poll_timeout, allowed_updates=allowed_updates()
            )
            settings = application.bot_data.services.settings
            if settings.metrics_port:
                from bot.webhook import start_metrics_server

                server = await start_metrics_server(
                    application, settings.metrics_host, settings.metrics_port
                )
        else:
            from bot.webhook import start_webhook_server

            server = await start_webhook_server(application, webhook)
            await application.bot.set_webhook(
                webhook.url, secret_token=webhook.secret, allowed_updates=allowed_updates()
            )
        yield application
    finally:
        log.info("stopping: finishing replies in flight")
        if application.updater is not None and application.updater.running:
            await application.updater.stop()
        if server is not None:
            await server.cleanup()  # no new updates accepted from here on
        if application.running:
            await application.stop()
        if application.post_stop:
            await application.post_stop(application)
        await application.shutdown()
        if application.post_shutdown:
            await application.post_shutdown(application)


async def run_until_signal(
    application: Application, *, webhook: WebhookConfig | None = None
) -> None:  # type: ignore[type-arg]
    """Run until SIGINT/SIGTERM."""
    import signal

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    async with running(application, webhook=webhook):
        log.info(
            "bot running (%s); stop with Ctrl-C or SIGTERM", "webhook" if webhook else "polling"
        )
        await stop.wait()
