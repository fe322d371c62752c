"""`psylite model ...` / `python -m model_build ...`: the build steps as click commands.

Every step takes ``--config NAME`` (a recipe in model_build/configs, or a YAML path) and
one flag per field of its argument dataclass; flags override the recipe.

    python -m model_build all --config tiny-cpu --output-dir var/model_build/tiny
    python -m model_build sft --config qwen-0.5b-cpu --max-steps 20
"""

from __future__ import annotations

import logging
import resource
import sys
import time
from collections.abc import Callable
from typing import Any

import click

from model_build import data, export, merge, modelfile, orpo, sft
from model_build.config import config_names, dataclass_options, load_args
from model_build.demo import demo_command
from model_build.footprint import footprint_command

log = logging.getLogger(__name__)


# step name -> (argument dataclass, runner, help); the order is the pipeline's. The step
# modules import torch & co. inside their main(), so this table costs nothing to build.
STEPS: dict[str, tuple[type, Callable[[Any], Any], str]] = {
    "mix": (
        data.MixArgs,
        data.main,
        "Read, filter, de-duplicate and mix the data 10:3; write a data card.",
    ),
    "sft": (sft.SFTArgs, sft.main, "Stage 1: (Q)LoRA supervised fine-tuning."),
    "orpo": (orpo.ORPOArgs, orpo.main, "Stage 2: ORPO on safety preference pairs."),
    "merge": (merge.MergeArgs, merge.main, "Merge the adapter into the base model."),
    "gguf": (
        export.GGUFArgs,
        export.convert,
        "Convert the merged model to GGUF (llama.cpp converter).",
    ),
    "quantize": (
        export.QuantizeArgs,
        export.quantize,
        "Quantize the GGUF (q4_k_m) and check it generates.",
    ),
    "modelfile": (modelfile.ModelfileArgs, modelfile.main, "Write the Ollama Modelfile."),
}

CONFIG_HELP = f"Recipe: {', '.join(config_names())}, or a YAML path."


def _peak_rss_mb() -> float:
    """Peak RSS of this process or of a finished child (the GGUF converter runs as one)."""
    usage = (
        resource.getrusage(who).ru_maxrss
        for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return max(usage) / 1024  # ru_maxrss is in KiB on Linux


def _timed(name: str, runner: Callable[[Any], Any], args: Any) -> Any:
    started = time.monotonic()
    result = runner(args)
    click.echo(
        f"{name}: {time.monotonic() - started:.1f} s, peak RSS so far {_peak_rss_mb():.0f} MB",
        err=True,
    )
    return result


def _make_command(name: str) -> click.Command:
    cls, runner, help_text = STEPS[name]

    @click.command(name=name, help=help_text)
    @click.option("--config", "config", default=None, help=CONFIG_HELP)
    @dataclass_options(cls)
    def command(config: str | None, **overrides: Any) -> None:
        _timed(name, runner, load_args(cls, config, overrides, name))

    return command


@click.group(name="model")
def build_group() -> None:
    """Build PsyLite models: data mix, SFT, ORPO, merge, GGUF, q4_k_m, Modelfile."""
    if not logging.getLogger().handlers:  # `psylite` configures logging; `python -m` does not
        logging.basicConfig(
            level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
        for noisy in ("httpx", "urllib3", "datasets", "filelock"):
            logging.getLogger(noisy).setLevel(logging.WARNING)


for _name in STEPS:
    build_group.add_command(_make_command(_name))
build_group.add_command(footprint_command)
build_group.add_command(demo_command)


@build_group.command(name="all")
@click.option("--config", "config", required=True, help=CONFIG_HELP)
@click.option("--output-dir", default=None, help="Override the recipe's output folder.")
@click.option(
    "--steps",
    default=",".join(STEPS),
    show_default=True,
    help="Comma-separated steps to run, in pipeline order.",
)
def all_command(config: str, output_dir: str | None, steps: str) -> None:
    """Run the whole pipeline; prints time and peak RAM of every step."""
    wanted = [s.strip() for s in steps.split(",") if s.strip()]
    unknown = set(wanted) - set(STEPS)
    if unknown:
        raise click.BadParameter(f"unknown steps {sorted(unknown)}; choose from {', '.join(STEPS)}")
    for name, (cls, runner, _) in STEPS.items():
        if name in wanted:
            _timed(name, runner, load_args(cls, config, {"output_dir": output_dir}, name))


def main() -> None:
    """`python -m model_build`."""
    sys.exit(build_group.main(prog_name="python -m model_build"))
