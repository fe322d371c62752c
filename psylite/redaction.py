"""The one redaction policy for escalation excerpts shown to admins (Telegram and web)."""

from __future__ import annotations

import re

from psylite.settings import Settings

_REDACTIONS = (
    (re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"), "[email]"),
    (re.compile(r"@\w{3,}"), "@[handle]"),
    (re.compile(r"https?://\S+"), "[link]"),
    (re.compile(r"\d[\d\s()+-]{4,}\d"), "[number]"),
)


def redact_excerpt(text: str | None, settings: Settings) -> str | None:
    """Shorten (and, when configured, mask contact details in) the excerpt admins see."""
    limit = settings.escalation_excerpt_chars
    if not text or limit == 0:
        return None
    if settings.escalation_excerpt_redact:
        for pattern, mask in _REDACTIONS:
            text = pattern.sub(mask, text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
