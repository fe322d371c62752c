"""Hotline text for /resources, the crisis path and error apologies (from the safety package)."""

from __future__ import annotations


def resources(lang: str) -> str:
    """Localized helpline list."""
    from psylite.safety import resources_text

    return resources_text(lang)
