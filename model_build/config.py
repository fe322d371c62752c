"""YAML recipes and flag overrides for the build steps.

A recipe (``model_build/configs/NAME.yaml`` or any YAML path) has top-level keys shared by
every step (``output_dir``, ``seed``) and one section per step (``mix``, ``sft``, ``orpo``,
``merge``, ``gguf``, ``quantize``, ``modelfile``). Each step declares its arguments as a
dataclass with help text; :func:`dataclass_options` turns that dataclass into click flags,
and :func:`load_args` merges defaults < YAML < flags.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
import yaml

from model_build.errors import BuildError

CONFIG_DIR = Path(__file__).parent / "configs"
SHARED_KEYS = ("output_dir", "seed")

T = TypeVar("T")


def config_names() -> list[str]:
    """The recipe names shipped with the package."""
    return sorted(p.stem for p in CONFIG_DIR.glob("*.yaml"))


def read_config(name_or_path: str) -> dict[str, Any]:
    """Load a recipe by name (``tiny-cpu``) or by path to a YAML file."""
    path = Path(name_or_path)
    # A recipe name first: `qwen-0.5b-cpu` has a dot, so a suffix test alone reads it as a path.
    if name_or_path in config_names() or not path.suffix:
        path = CONFIG_DIR / f"{name_or_path}.yaml"
    if not path.is_file():
        raise BuildError(
            f"config {name_or_path!r} not found; use one of {', '.join(config_names())} "
            "or a path to a YAML file"
        )
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise BuildError(f"config {path} must be a YAML mapping")
    data.setdefault("name", path.stem)
    return data


def help_of(field: dataclasses.Field) -> str:
    return str(field.metadata.get("help", ""))


def _base_type(tp: Any) -> Any:
    """``int | None`` -> int; ``list[str]`` -> list[str]."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return args[0] if len(args) == 1 else str
    return tp


def load_args(cls: type[T], config: str | None, overrides: dict[str, Any], section: str) -> T:
    """Build the step's dataclass: defaults, then the YAML section, then non-None flags."""
    values: dict[str, Any] = {}
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    if config:
        data = read_config(config)
        for key in SHARED_KEYS:
            if key in data and key in names:
                values[key] = data[key]
        section_data = data.get(section) or {}
        unknown = set(section_data) - names
        if unknown:
            raise BuildError(
                f"config section {section!r} has unknown keys {sorted(unknown)}; "
                f"known: {sorted(names)}"
            )
        values.update(section_data)
    values.update({k: v for k, v in overrides.items() if v is not None and v != ()})
    missing = [
        f.name
        for f in dataclasses.fields(cls)  # type: ignore[arg-type]
        if f.default is dataclasses.MISSING
        and f.default_factory is dataclasses.MISSING
        and f.name not in values
    ]
    if missing:
        raise BuildError(f"{section}: missing {', '.join(missing)} (give --config or the flags)")
    return cls(**values)


def dataclass_options(cls: type) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorate a click command with one flag per field of ``cls`` (dicts stay YAML-only)."""
    hints = typing.get_type_hints(cls)

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        for field in reversed(dataclasses.fields(cls)):
            tp = _base_type(hints[field.name])
            flag = field.name.replace("_", "-")
            origin = typing.get_origin(tp)
            if tp is bool:
                option = click.option(
                    f"--{flag}/--no-{flag}", field.name, default=None, help=help_of(field)
                )
            elif origin is list:
                (item,) = typing.get_args(tp) or (str,)
                option = click.option(
                    f"--{flag}",
                    field.name,
                    multiple=True,
                    type=item,
                    help=help_of(field) + " (repeat the flag for several)",
                )
            elif tp in (int, float, str):
                option = click.option(
                    f"--{flag}", field.name, type=tp, default=None, help=help_of(field)
                )
            else:  # nested mappings are recipe material, not flags
                continue
            func = option(func)
        return func

    return decorate
