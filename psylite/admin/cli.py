"""`psylite admin`: run the dashboard and manage its accounts.

psylite admin add-user alice              # prompts for the password twice, hidden
echo "$PW" | psylite admin add-user alice --password-stdin
psylite admin serve --host 127.0.0.1 --port 8081
"""

from __future__ import annotations

import asyncio
import logging
import re
import sys

import click

from psylite.errors import ConfigError
from psylite.settings import Settings, load_settings

log = logging.getLogger(__name__)

NAME_RE = re.compile(r"^[A-Za-z0-9_.@-]{2,64}$")


@click.group("admin")
def admin_group() -> None:
    """Admin web dashboard and accounts."""


@admin_group.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8081, show_default=True, type=click.IntRange(1, 65535))
def serve_command(host: str, port: int) -> None:
    """Serve the dashboard (queue, audit, overview, /healthz, /metrics)."""
    from aiohttp import web

    from psylite.admin.app import build_admin_app
    from psylite.cli import setup_logging
    from psylite.services import build_services

    settings = load_settings()
    setup_logging(settings.log_level)
    app = build_admin_app(settings, build_services(settings))
    if host not in ("127.0.0.1", "localhost", "::1") and settings.environment != "production":
        log.warning(
            "admin: listening on %s without PSYLITE_ENVIRONMENT=production (cookies not Secure)",
            host,
        )
    click.echo(f"PsyLite admin on http://{host}:{port}/ (Ctrl+C to stop)", err=True)
    web.run_app(app, host=host, port=port, print=None, access_log=None)


def _read_password(password_stdin: bool) -> str:
    if password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return click.prompt("Password", hide_input=True, confirmation_prompt=True)


@admin_group.command("add-user")
@click.argument("name")
@click.option(
    "--password-stdin", is_flag=True, help="Read the password from the first line of stdin."
)
@click.option("--replace", is_flag=True, help="Set a new password if the account already exists.")
def add_user_command(name: str, password_stdin: bool, replace: bool) -> None:
    """Create the dashboard account NAME (argon2-hashed password)."""
    from psylite.admin.security import MIN_PASSWORD_LENGTH

    if not NAME_RE.match(name):
        raise ConfigError("admin name: use 2-64 characters from letters, digits and _ . @ -")
    password = _read_password(password_stdin)
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ConfigError(f"password too short: use at least {MIN_PASSWORD_LENGTH} characters")
    settings = load_settings()
    created = asyncio.run(add_user(settings, name=name, password=password, replace=replace))
    click.echo(f"admin {name!s} {'created' if created else 'password replaced'}")


async def add_user(settings: Settings, *, name: str, password: str, replace: bool = False) -> bool:
    """Create (True) or, with `replace`, re-password (False) an admin; the CLI's code path."""
    from psylite.admin import data
    from psylite.admin.security import hash_password
    from psylite.store import Store

    # Only the database is needed: no model or LLM client is built for this.
    store = Store(settings)
    # Like Services.initialize: migrate automatically except in production.
    await store.initialize(create=settings.environment != "production")
    try:
        return await data.create_admin(
            store, name=name, password_hash=hash_password(password), replace=replace
        )
    finally:
        await store.shutdown()
