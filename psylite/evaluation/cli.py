"""`psylite eval`: one group; each subcommand lives in its own module."""

from __future__ import annotations

import click

from psylite.evaluation.ceval import ceval_command
from psylite.evaluation.compare import compare_command
from psylite.evaluation.counsel import counsel_command
from psylite.evaluation.routing import routing_command
from psylite.evaluation.safety_eval import safety_command


@click.group(name="eval")
def eval_group() -> None:
    """Evaluate routing, counselling, safety, C-Eval."""


for _command in (routing_command, counsel_command, safety_command, ceval_command, compare_command):
    eval_group.add_command(_command)
