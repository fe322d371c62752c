"""The shared Prometheus registry: recording helpers and the aiohttp exposition route."""

from __future__ import annotations

from admin_fixtures import *  # noqa: F403  (pytest fixtures)
from aiohttp import web
from prometheus_client.parser import text_string_to_metric_families

from psylite import metrics


def _samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    out = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            out[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return out


async def test_metrics_route_on_any_aiohttp_app_serves_parseable_exposition(aiohttp_client):
    refreshed = []

    async def refresh() -> None:
        refreshed.append(True)
        metrics.set_escalation_gauges(open_count=3, acknowledged_count=1, outbox_backlog=7)

    app = web.Application()
    metrics.add_metrics_route(app, refresh=refresh)
    client = await aiohttp_client(app)

    before = _samples(await (await client.get("/metrics")).text())
    metrics.record_turn("crisis", 0.02)
    metrics.record_llm("fake", first_token_s=0.5, tokens=11, total_s=1.5)
    metrics.record_error("llm")
    resp = await client.get("/metrics")
    assert resp.status == 200
    assert resp.headers["Content-Type"].startswith("text/plain")
    after = _samples(await resp.text())

    key = ("psylite_messages_total", (("route", "crisis"),))
    assert after[key] == before[key] + 1
    hist = ("psylite_handling_seconds_count", (("route", "crisis"),))
    assert after[hist] == before[hist] + 1
    tps = ("psylite_llm_tokens_per_second_sum", (("backend", "fake"),))
    assert after[tps] - before.get(tps, 0.0) == 10.0  # 10 tokens after the first, in 1.0 s
    assert after[("psylite_open_escalations", (("status", "open"),))] == 3
    assert after[("psylite_outbox_backlog", ())] == 7
    assert after[("psylite_errors_total", (("kind", "llm"),))] >= 1
    assert len(refreshed) == 2


async def test_metrics_scrape_still_answers_when_refresh_fails(aiohttp_client):
    async def broken() -> None:
        raise RuntimeError("database is down")

    app = web.Application()
    metrics.add_metrics_route(app, refresh=broken)
    client = await aiohttp_client(app)
    before = _samples(metrics.render().decode())
    resp = await client.get("/metrics")
    assert resp.status == 200
    after = _samples(await resp.text())
    key = ("psylite_errors_total", (("kind", "metrics_refresh"),))
    assert after[key] == before.get(key, 0.0) + 1


def test_every_route_is_exposed_from_the_start_so_dashboards_see_zeros():
    names = {
        s.labels.get("route")
        for f in text_string_to_metric_families(metrics.render().decode())
        if f.name == "psylite_messages"
        for s in f.samples
    }
    assert set(metrics.ROUTES) <= names
