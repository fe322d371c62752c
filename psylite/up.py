"""`psylite up`: what `make run` starts — the Telegram bot when a token is set, else the console chat."""

from __future__ import annotations

import click

from psylite.settings import load_settings


@click.command("up")
@click.pass_context
def up_command(ctx: click.Context) -> None:
    """Start the Telegram bot if TELEGRAM_BOT_TOKEN is set, otherwise the console chat."""
    settings = load_settings()
    root = ctx.find_root().command
    assert isinstance(root, click.Group)
    name = "run" if settings.telegram_bot_token else "chat"
    if name == "chat":
        click.echo("TELEGRAM_BOT_TOKEN is not set: starting the console chat.", err=True)
    command = root.get_command(ctx, name)
    if command is None:
        raise click.ClickException(f"the `{name}` command is not available in this install")
    ctx.invoke(command)
