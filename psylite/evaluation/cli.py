"""`psylite eval`: one group; each subcommand lives in its own module."""

from __future__ import annotations

import click

from psylite.evaluation.routing import routing_command


@click.group(name="eval")
def eval_group() -> None:
    """Evaluate routing, counselling, safety, C-Eval."""


eval_group.add_command(routing_command)
