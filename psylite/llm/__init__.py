"""The LLM layer: `build_llm(settings)` returns the configured backend.

Backends register themselves by name (`psylite.llm.base.register`); importing this
package registers all of them without importing their heavy libraries, which load
only when a backend is built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from psylite.errors import ConfigError
from psylite.llm import fake, llama_cpp, ollama_backend, openai_backend  # noqa: F401  (registration)
from psylite.llm.base import ChatMessage, GenOptions, LLMBackend, registered

if TYPE_CHECKING:
    from psylite.settings import Settings


def build_llm(settings: Settings, backend: str | None = None) -> LLMBackend:
    """The backend named by `backend` or `settings.llm_backend`, built from the settings."""
    name = backend or str(settings.llm_backend)
    factories = registered()
    if name not in factories:
        raise ConfigError(
            f"unknown LLM backend {name!r}: set PSYLITE_LLM_BACKEND to one of "
            + ", ".join(sorted(n for n in factories if n != "fake"))
        )
    return factories[name](settings)


__all__ = ["ChatMessage", "GenOptions", "LLMBackend", "build_llm"]
