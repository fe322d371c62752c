"""Composition root for the core: one `Services` per process, one lifecycle.

`build_services(settings)` wires everything and connects to nothing;
`await services.initialize()` opens the database (migrating it outside production),
replays journalled escalations and opens the humor index; `await services.shutdown()`
releases them. The bot calls these from PTB's post_init/post_shutdown, the web apps
from a cleanup_ctx, the CLI directly.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from psylite.humor import HumorSelector
from psylite.journal import EscalationJournal
from psylite.llm import build_llm
from psylite.llm.base import LLMBackend
from psylite.pipeline import Pipeline
from psylite.safety import Router, llm_second_opinion
from psylite.settings import Settings
from psylite.store import Store

log = logging.getLogger(__name__)


@dataclass
class Services:
    settings: Settings
    llm: LLMBackend
    store: Store
    router: Router
    journal: EscalationJournal
    pipeline: Pipeline

    async def initialize(self) -> None:
        """Open the database and the humor index; replay escalations journalled while down."""
        self.settings.data_dir.mkdir(parents=True, exist_ok=True)
        await self.store.initialize(create=self.settings.environment != "production")
        await self.replay_journal()
        if self.settings.humor_enabled:
            from retrieval.index import HumorIndex

            index = await asyncio.to_thread(HumorIndex.open, self.settings.index_dir)
            self.pipeline.humor = HumorSelector(index)

    async def replay_journal(self) -> int:
        """Move escalations written to the local journal into the database."""
        return await self.pipeline.replay_journal()

    async def shutdown(self) -> None:
        """Release connections and the model."""
        await self.llm.aclose()
        await self.store.shutdown()


def build_services(
    settings: Settings, *, llm: LLMBackend | None = None, router: Router | None = None
) -> Services:
    """Wire the core from settings; `llm` and `router` may be injected (tests, benchmarks)."""
    llm = llm or build_llm(settings)
    if router is None:
        second = llm_second_opinion(llm) if settings.router_second_opinion else None
        router = Router.default(second_opinion=second)
    store = Store(settings)
    journal = EscalationJournal(settings.data_dir / "journal" / "escalations.jsonl")
    pipeline = Pipeline(settings, llm, router=router, store=store, journal=journal)
    return Services(
        settings=settings, llm=llm, store=store, router=router, journal=journal, pipeline=pipeline
    )
