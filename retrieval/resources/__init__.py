"""Crisis resources (hotline data) shipped as package data; read with `hotlines_path()`."""

from __future__ import annotations

from pathlib import Path


def hotlines_path() -> Path:
    """Path of the hotline data file (YAML) inside this package."""
    return Path(__file__).with_name("hotlines.yaml")
