"""Prometheus metrics shared by every PsyLite process (bot, admin dashboard, endpoint).

The metrics live on one module-level registry so the pipeline can record into it
from anywhere; each process exposes it with `add_metrics_route` on its own aiohttp
app. Gauges that mirror the database (open escalations, outbox backlog) are set by
a `refresh` callback run at scrape time, so they are never stale and cost nothing
between scrapes. Labels never carry user text: routes, backends and error kinds
come from small fixed vocabularies.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    gc_collector,
    generate_latest,
    platform_collector,
    process_collector,
)

log = logging.getLogger(__name__)

REGISTRY = CollectorRegistry()
process_collector.ProcessCollector(registry=REGISTRY)
platform_collector.PlatformCollector(registry=REGISTRY)
gc_collector.GCCollector(registry=REGISTRY)

ROUTES = ("crisis", "refuse", "counsel", "humor")

MESSAGES = Counter(
    "psylite_messages",
    "User messages handled, by safety route.",
    ["route"],
    registry=REGISTRY,
)
HANDLING_SECONDS = Histogram(
    "psylite_handling_seconds",
    "Time from a message entering the pipeline to its reply being complete.",
    ["route"],
    buckets=(0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40, 80),
    registry=REGISTRY,
)
LLM_FIRST_TOKEN_SECONDS = Histogram(
    "psylite_llm_first_token_seconds",
    "Time until the LLM produced its first token.",
    ["backend"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60),
    registry=REGISTRY,
)
LLM_TOKENS_PER_SECOND = Histogram(
    "psylite_llm_tokens_per_second",
    "Generation speed after the first token, per reply.",
    ["backend"],
    buckets=(1, 2, 4, 8, 12, 16, 24, 32, 48, 64, 128, 256),
    registry=REGISTRY,
)
OPEN_ESCALATIONS = Gauge(
    "psylite_open_escalations",
    "Escalations not yet resolved, by status.",
    ["status"],
    registry=REGISTRY,
)
OUTBOX_BACKLOG = Gauge(
    "psylite_outbox_backlog",
    "Notification jobs not yet delivered.",
    registry=REGISTRY,
)
ERRORS = Counter(
    "psylite_errors",
    "Errors by kind (llm, store, telegram, web, ...).",
    ["kind"],
    registry=REGISTRY,
)

# Pre-create the fixed label sets so dashboards see zeros instead of gaps.
for _route in ROUTES:
    MESSAGES.labels(route=_route)
    HANDLING_SECONDS.labels(route=_route)
for _status in ("open", "acknowledged"):
    OPEN_ESCALATIONS.labels(status=_status)


def record_turn(route: str, latency_s: float) -> None:
    """Count one handled message and its end-to-end latency."""
    MESSAGES.labels(route=route).inc()
    HANDLING_SECONDS.labels(route=route).observe(max(latency_s, 0.0))


def record_llm(backend: str, *, first_token_s: float, tokens: int, total_s: float) -> None:
    """Record one LLM reply: first-token latency and decode speed (tokens after the first)."""
    LLM_FIRST_TOKEN_SECONDS.labels(backend=backend).observe(max(first_token_s, 0.0))
    decode_s = total_s - first_token_s
    if tokens > 1 and decode_s > 0:
        LLM_TOKENS_PER_SECOND.labels(backend=backend).observe((tokens - 1) / decode_s)


def record_error(kind: str) -> None:
    """Count one error of a fixed kind (never pass user text or exception messages)."""
    ERRORS.labels(kind=kind).inc()


Refresh = Callable[[], Awaitable[None]]


def render(registry: CollectorRegistry = REGISTRY) -> bytes:
    """The registry in Prometheus text exposition format."""
    return generate_latest(registry)


def metrics_handler(
    refresh: Refresh | None = None, registry: CollectorRegistry = REGISTRY
) -> Callable[[web.Request], Awaitable[web.Response]]:
    """An aiohttp handler serving the registry; `refresh` updates DB-backed gauges first."""

    async def handler(request: web.Request) -> web.Response:
        if refresh is not None:
            try:
                await refresh()
            except Exception:
                # A scrape must still answer when the database is down: the gauges
                # keep their last values and the error counter says why.
                log.warning("metrics refresh failed", exc_info=True)
                record_error("metrics_refresh")
        # CONTENT_TYPE_LATEST carries a charset parameter, so set the raw header.
        return web.Response(body=render(registry), headers={"Content-Type": CONTENT_TYPE_LATEST})

    return handler


def add_metrics_route(
    app: web.Application, *, path: str = "/metrics", refresh: Refresh | None = None
) -> None:
    """Expose the shared registry on `app` at `path` (the admin app and the bot both use this)."""
    app.router.add_get(path, metrics_handler(refresh))


def store_refresher(store: Any) -> Refresh:
    """A scrape-time refresh that mirrors a `psylite.store.Store` into the gauges.

    The bot and the dashboard both pass this to `add_metrics_route`, so whichever
    process Prometheus scrapes reports the same numbers.
    """

    async def refresh() -> None:
        counts = await store.escalation_counts()
        set_escalation_gauges(
            open_count=counts.get("open", 0),
            acknowledged_count=counts.get("acknowledged", 0),
            outbox_backlog=await store.outbox_backlog(),
        )

    return refresh


def set_escalation_gauges(*, open_count: int, acknowledged_count: int, outbox_backlog: int) -> None:
    """Set the DB-mirroring gauges (called from a process's refresh callback)."""
    OPEN_ESCALATIONS.labels(status="open").set(open_count)
    OPEN_ESCALATIONS.labels(status="acknowledged").set(acknowledged_count)
    OUTBOX_BACKLOG.set(outbox_backlog)
