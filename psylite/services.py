"""Composition root for the core: one `Services` per process, one lifecycle.

`build_services(settings)` wires everything and connects to nothing;
`await services.initialize()` opens the database (migrating it outside production),
replays journalled escalations and opens the humor index; `await services.shutdown()`
releases them. The bot calls these from PTB's post_init/post_shutdown, the web apps
from a cleanup_ctx, the CLI directly.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass, field

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
    _maintenance: asyncio.Task[None] | None = field(default=None, repr=False)

    async def initialize(self) -> None:
        """Open the database and the humor index; replay escalations journalled while down."""
        self.settings.data_dir.mkdir(parents=True, exist_ok=True)
        await self.store.initialize(create=self.settings.environment != "production")
        await self.replay_journal()
        if self.settings.humor_enabled:
            from retrieval.index import HumorIndex

            index = await asyncio.to_thread(HumorIndex.open, self.settings.index_dir)
            self.pipeline.humor = HumorSelector(
                index,
                cooldown_turns=self.settings.humor_cooldown_turns,
                no_repeat=self.settings.humor_no_repeat,
            )

    async def replay_journal(self) -> int:
        """Move escalations written to the local journal into the database."""
        return await self.pipeline.replay_journal()

    def start_maintenance(
        self, *, replay_every_s: float = 30.0, purge_every_s: float = 6 * 3600.0
    ) -> None:
        """Background upkeep for long-running processes: replay the escalation journal
        (the database came back) and purge messages past the retention period."""
        if self._maintenance is None:
            self._maintenance = asyncio.create_task(
                self._maintain(replay_every_s, purge_every_s), name="psylite-maintenance"
            )

    async def _maintain(self, replay_every_s: float, purge_every_s: float) -> None:
        next_purge = time.monotonic()
        while True:
            try:
                if self.journal.pending():
                    await self.replay_journal()
                if time.monotonic() >= next_purge:
                    result = await self.store.purge()
                    log.info("retention purge: %s", result)
                    next_purge = time.monotonic() + purge_every_s
            except asyncio.CancelledError:
                raise
            except Exception as err:  # the database may be down; try again later
                log.warning("maintenance step failed: %s", err)
            await asyncio.sleep(replay_every_s)

    async def stop_maintenance(self) -> None:
        """Stop the upkeep task started by `start_maintenance` (no-op if none)."""
        if self._maintenance is not None:
            self._maintenance.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._maintenance
            self._maintenance = None

    async def shutdown(self) -> None:
        """Stop background upkeep, write turns still held for the store; release connections
        and the model."""
        await self.stop_maintenance()
        await self.pipeline.close()
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
