"""The few domain exceptions of PsyLite; each message says how to fix the problem.

They are translated at the edges: a friendly reply in the bot, an HTTP status in
the web app, a one-line error in the CLI.
"""

from __future__ import annotations


class PsyliteError(Exception):
    """Base class: `str(err)` is a one-line, actionable message safe to show an operator."""


class ConfigError(PsyliteError):
    """A setting is invalid or missing."""


class LLMError(PsyliteError):
    """The language model could not produce a reply."""


class ModelFileError(LLMError):
    """The GGUF file is missing, unreadable or not a GGUF."""


class BackendUnreachable(LLMError):
    """The LLM server cannot be reached."""


class ModelNotFound(LLMError):
    """The server is up but does not know the requested model."""


class LLMTimeout(LLMError):
    """The first token or the whole reply took too long."""


class StoreError(PsyliteError):
    """The database is unreachable, misconfigured, not migrated or full."""
