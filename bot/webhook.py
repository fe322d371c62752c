"""Webhook mode: an aiohttp server that accepts Telegram's POSTs and feeds the application.

Telegram sends the secret we registered with setWebhook in X-Telegram-Bot-Api-Secret-Token;
a request without it, or with another value, is refused with 403 before it is parsed.
"""

from __future__ import annotations

import hmac
import logging
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from aiohttp import web
from telegram import Update
from telegram.ext import Application

from psylite.metrics import add_metrics_route, store_refresher

if TYPE_CHECKING:
    from bot.runner import WebhookConfig

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
APPLICATION_KEY: web.AppKey[Application] = web.AppKey("application", Application)  # type: ignore[type-arg]
SECRET_KEY: web.AppKey[str] = web.AppKey("secret", str)


async def telegram_update(request: web.Request) -> web.Response:
    """One update from Telegram."""
    given = request.headers.get(SECRET_HEADER, "")
    if not hmac.compare_digest(given.encode(), request.app[SECRET_KEY].encode()):
        log.warning("webhook request with a missing or wrong secret token from %s", request.remote)
        return web.Response(status=403, text="forbidden")
    application = request.app[APPLICATION_KEY]
    try:
        data = await request.json()
        update = Update.de_json(data, application.bot)
    except ValueError:
        return web.Response(status=400, text="bad update")
    # Queue and answer at once: Telegram retries slow webhooks, and the store's claim on the
    # update id makes a redelivery harmless anyway.
    await application.update_queue.put(update)
    return web.Response(text="ok")


async def healthz(request: web.Request) -> web.Response:
    return web.Response(text="ok")


def build_webhook_app(application: Application, path: str, secret: str) -> web.Application:  # type: ignore[type-arg]
    app = web.Application(client_max_size=1 << 20)
    app[APPLICATION_KEY] = application
    app[SECRET_KEY] = secret
    app.router.add_post(path, telegram_update)
    app.router.add_get("/healthz", healthz)
    add_bot_metrics(app, application)
    return app


def add_bot_metrics(app: web.Application, application: Application) -> None:  # type: ignore[type-arg]
    """The same /metrics as the dashboard, mirrored from this process's store."""
    services = application.bot_data.services
    refresh = store_refresher(services.store) if services is not None else None
    add_metrics_route(app, refresh=refresh)


async def start_metrics_server(application: Application, host: str, port: int) -> web.AppRunner:  # type: ignore[type-arg]
    """In polling mode there is no web server: serve /metrics and /healthz on their own."""
    app = web.Application()
    app.router.add_get("/healthz", healthz)
    add_bot_metrics(app, application)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    log.info("metrics on http://%s:%s/metrics", host, port)
    return runner


async def start_webhook_server(application: Application, config: WebhookConfig) -> web.AppRunner:  # type: ignore[type-arg]
    """Serve the webhook; the caller cleans up the returned runner."""
    path = urlsplit(config.url).path or "/"
    runner = web.AppRunner(build_webhook_app(application, path, config.secret))
    await runner.setup()
    await web.TCPSite(runner, config.listen, config.port).start()
    log.info("webhook listening on %s:%s%s", config.listen, config.port, path)
    return runner
