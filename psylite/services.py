"""Composition root for the core: one `Services` per process, one lifecycle.

`build_services(settings)` wires everything and connects to nothing;
`await services.initialize()` opens the database and loads the model lazily;
`await services.shutdown()` releases them. The bot calls these from PTB's
post_init/post_shutdown, the web apps from a cleanup_ctx, the CLI directly.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from psylite.llm import build_llm
from psylite.llm.base import LLMBackend
from psylite.pipeline import Pipeline
from psylite.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class Services:
    settings: Settings
    llm: LLMBackend
    pipeline: Pipeline

    async def initialize(self) -> None:
        """Open connections; safe to call once per process."""
        self.settings.data_dir.mkdir(parents=True, exist_ok=True)

    async def shutdown(self) -> None:
        """Release connections and the model."""
        await self.llm.aclose()


def build_services(settings: Settings, *, llm: LLMBackend | None = None) -> Services:
    """Wire the core from settings; `llm` may be injected (tests, benchmarks)."""
    llm = llm or build_llm(settings)
    pipeline = Pipeline(settings, llm)
    return Services(settings=settings, llm=llm, pipeline=pipeline)
