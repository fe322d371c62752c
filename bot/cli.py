"""`psylite run`: start the Telegram bot (polling by default, or a webhook)."""

from __future__ import annotations

import asyncio
import logging
import secrets

import click

log = logging.getLogger(__name__)


@click.command("run")
@click.option(
    "--webhook",
    "webhook_url",
    metavar="URL",
    default=None,
    help="Public HTTPS URL for Telegram to post updates to (default: long polling).",
)
@click.option(
    "--listen", default=None, help="Address the webhook server binds (PSYLITE_WEBHOOK_LISTEN)."
)
@click.option(
    "--port", type=int, default=None, help="Port the webhook server binds (PSYLITE_WEBHOOK_PORT)."
)
def run_command(webhook_url: str | None, listen: str | None, port: int | None) -> None:
    """Start the Telegram bot. PSYLITE_TELEGRAM_BASE_URL points it at a self-hosted Bot API."""
    from bot.app import build_application
    from bot.runner import WebhookConfig, run_until_signal
    from psylite.cli import setup_logging
    from psylite.services import build_services
    from psylite.settings import load_settings

    settings = load_settings()
    setup_logging(settings.log_level)
    services = build_services(settings)
    application = build_application(settings, services)
    webhook = None
    if webhook_url:
        secret = (
            settings.webhook_secret.get_secret_value()
            if settings.webhook_secret
            # Telegram echoes whatever we register, so a fresh random secret per run works.
            else secrets.token_urlsafe(32)
        )
        webhook = WebhookConfig(
            url=webhook_url,
            listen=listen or settings.webhook_listen,
            port=port or settings.webhook_port,
            secret=secret,
        )
    asyncio.run(run_until_signal(application, webhook=webhook))
