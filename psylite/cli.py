"""The `psylite` command line. Subcommands are imported lazily so `--help` stays fast
and a command only pays for the libraries it uses."""

from __future__ import annotations

import importlib
import importlib.util
import logging
import os
import sys

import click

from psylite.errors import PsyliteError

# name -> ("module:attribute", short help). Each module owns its command.
COMMANDS: dict[str, tuple[str, str]] = {
    "up": (
        "psylite.up:up_command",
        "Start the bot if TELEGRAM_BOT_TOKEN is set, else the console chat.",
    ),
    "chat": ("psylite.chat:chat_command", "Talk to the companion in this terminal."),
    "run": ("bot.cli:run_command", "Start the Telegram bot (polling, or --webhook URL)."),
    "doctor": (
        "psylite.doctor:doctor_command",
        "Check settings, model, backend, database and index.",
    ),
    "model": ("psylite.model_cli:model_group", "Fetch the demo model; build PsyLite models."),
    "route": (
        "psylite.safety.cli:route_command",
        "Route JSON lines from stdin (crisis/refuse/counsel/humor).",
    ),
    "eval": ("psylite.evaluation.cli:eval_group", "Evaluate routing, counselling, safety, C-Eval."),
    "db": (
        "psylite.store.cli:db_group",
        "Database: upgrade, downgrade, current, purge, export-user.",
    ),
    "index": ("retrieval.cli:index_group", "Humor index: build, search, add."),
    "admin": ("psylite.admin.cli:admin_group", "Admin web dashboard and accounts."),
    "serve": ("psylite.serve:serve_command", "OpenAI-compatible endpoint over the full pipeline."),
}


class LazyGroup(click.Group):
    """A click group whose subcommands live in other modules and load on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(COMMANDS))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS:
            target, _ = COMMANDS[cmd_name]
            module_name, attr = target.split(":")
            try:
                module = importlib.import_module(module_name)
            except ModuleNotFoundError as err:
                if err.name and module_name.startswith(err.name):
                    return None  # not built yet in this checkout
                raise
            return getattr(module, attr)
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            if name in COMMANDS:
                mod = COMMANDS[name][0].split(":")[0]
                if importlib.util.find_spec(mod.split(".")[0]) is None:
                    continue
                try:
                    if importlib.util.find_spec(mod) is None:
                        continue
                except ModuleNotFoundError:
                    continue
                rows.append((name, COMMANDS[name][1]))
            else:
                cmd = super().get_command(ctx, name)
                if cmd is not None:
                    rows.append((name, cmd.get_short_help_str()))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def setup_logging(level: str = "INFO") -> None:
    """Configure logging once, at the entry point; noisy libraries at WARNING."""
    logging.basicConfig(
        level=level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    for noisy in (
        "httpx",
        "httpcore",
        "telegram",
        "apscheduler",
        "aiosqlite",
        "asyncio",
        "jieba",
        "urllib3",
        "openai",
        "sqlalchemy.engine",
    ):
        logging.getLogger(noisy).setLevel(logging.WARNING)


@click.group(cls=LazyGroup)
@click.version_option(package_name="psylite")
def cli() -> None:
    """PsyLite bot — a lightweight psychological-support companion.

    Settings come from PSYLITE_* environment variables or a .env file.
    """
    # Quiet by default in a terminal; servers and operators raise it with PSYLITE_LOG_LEVEL.
    level = os.environ.get("PSYLITE_LOG_LEVEL", "WARNING").upper()
    setup_logging(level if level in ("DEBUG", "INFO", "WARNING", "ERROR") else "WARNING")


def main() -> None:
    """Entry point: domain errors become one line on stderr and exit code 2."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except click.exceptions.Exit as err:
        sys.exit(err.exit_code)
    except PsyliteError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
