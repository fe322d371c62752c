"""The one user-facing exception of model_build; its message says how to fix the problem."""

from __future__ import annotations

import click


class BuildError(click.ClickException):
    """A build step cannot run: bad config, missing GPU, wrong data fields, missing files.

    A ClickException so that both `psylite model ...` and `python -m model_build ...` print
    it as one line; model_build imports nothing of ours (see ARCHITECTURE.md).
    """

    exit_code = 2
