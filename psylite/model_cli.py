"""`psylite model`: the demo model and the model_build training steps under one group."""

from __future__ import annotations

import importlib

import click

# The training steps live in model_build (heavy imports inside each command).
_BUILD_STEPS = ("mix", "sft", "orpo", "merge", "gguf", "quantize", "modelfile", "all", "footprint")


class _ModelGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return ["fetch-demo", *_BUILD_STEPS]

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name == "fetch-demo":
            return importlib.import_module("psylite.demo_model").fetch_demo_command
        if name in _BUILD_STEPS:
            group = importlib.import_module("model_build.cli").build_group
            return group.get_command(ctx, name)
        return None


@click.group("model", cls=_ModelGroup)
def model_group() -> None:
    """Fetch the demo model; build PsyLite models (mix, sft, orpo, merge, gguf, quantize, modelfile, all)."""
