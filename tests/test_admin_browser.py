"""End to end in a real browser: Debian's chromium, driven by Playwright, against the real
dashboard on a loopback port, over an escalation that a crisis message created through the
pipeline. Saves a screenshot of the queue to test-artifacts/admin-queue.png.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from admin_fixtures import *  # noqa: F403  (pytest fixtures)
from admin_fixtures import ADMIN_NAME, ADMIN_PASSWORD, make_admin_app
from aiohttp import web

from psylite.pipeline import Turn

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CRISIS_TEXT = "我真的撑不下去了，今晚想自杀，药已经准备好了 <script>alert('x')</script>"
SECOND_CRISIS = "I want to kill myself tonight, I have the pills ready"

pytestmark = pytest.mark.browser

if not Path(CHROMIUM).exists() and os.environ.get("CI", "").lower() != "true":
    pytestmark = [
        pytest.mark.browser,
        pytest.mark.skip(
            reason=f"{CHROMIUM} not found: install it with `apt-get install -y chromium` "
            "(in CI this test fails instead of skipping)"
        ),
    ]


@pytest.fixture
async def dashboard(admin_settings, admin_services, admin_user):
    """The dashboard served on a real loopback port; yields its base URL."""
    runner = web.AppRunner(make_admin_app(admin_settings, admin_services))
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


@pytest.fixture
async def page():
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        context = await browser.new_context(viewport={"width": 1280, "height": 800})
        pg = await context.new_page()
        # A failing script or a CSP violation shows up here; the test asserts there are none.
        pg.errors = []  # type: ignore[attr-defined]
        pg.on("pageerror", lambda err: pg.errors.append(str(err)))  # type: ignore[attr-defined]
        pg.on(
            "console",
            lambda msg: pg.errors.append(msg.text) if msg.type == "error" else None,  # type: ignore[attr-defined]
        )
        try:
            yield pg
        finally:
            await browser.close()


async def test_admin_logs_in_sees_the_pipeline_escalation_acknowledges_and_resolves_it(
    dashboard, page, admin_services
):
    from playwright.async_api import expect

    store = admin_services.store
    reply = await admin_services.pipeline.handle(
        Turn(chat_id=501, text=CRISIS_TEXT, update_id=9001)
    )
    assert reply.route == "crisis" and reply.escalation_id is not None
    esc_id = reply.escalation_id

    # Not logged in: the queue sends the browser to the login page.
    await page.goto(f"{dashboard}/queue")
    await expect(page).to_have_url(re.compile(r"/login\?next=%2Fqueue$"))
    await page.get_by_label("Name").fill(ADMIN_NAME)
    await page.get_by_label("Password").fill(ADMIN_PASSWORD)
    await page.get_by_role("button", name="Log in").click()
    await expect(page).to_have_url(f"{dashboard}/queue")

    row = page.locator(f'tr[data-escalation-id="{esc_id}"]')
    await expect(row).to_be_visible()
    await expect(row.locator(".badge")).to_have_text("open")
    # The user's markup is shown as text, and no script ran.
    await expect(row.locator(".excerpt")).to_contain_text("<script>")

    # A second crisis arrives while the queue is open: it appears without a reload.
    second = await admin_services.pipeline.handle(
        Turn(chat_id=502, text=SECOND_CRISIS, update_id=9002)
    )
    assert second.escalation_id is not None
    await expect(page.locator(f'tr[data-escalation-id="{second.escalation_id}"]')).to_be_visible(
        timeout=10_000
    )
    await expect(page.locator("#queue-counts")).to_contain_text("2 open")

    ARTIFACTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(ARTIFACTS / "admin-queue.png"), full_page=True)

    await row.get_by_role("link", name=f"#{esc_id}").click()
    await expect(page).to_have_url(f"{dashboard}/escalations/{esc_id}")
    await expect(page.locator("#excerpt")).to_contain_text("撑不下去")
    await page.get_by_role("button", name="Acknowledge").click()
    await expect(page.locator(".flash")).to_have_text("Escalation acknowledged.")
    await expect(page.locator("h1 .badge")).to_have_text("acknowledged")

    await page.get_by_label("Resolution note").fill("Called the user; safe with family tonight.")
    await page.get_by_role("button", name="Resolve").click()
    await expect(page.locator(".flash")).to_have_text("Escalation resolved.")
    await expect(page.locator("table.history")).to_contain_text("safe with family tonight")

    stored = await store.get_escalation(escalation_id=esc_id)
    assert stored is not None
    assert stored.status == "resolved"
    assert stored.acknowledged_by == stored.resolved_by == f"web:{ADMIN_NAME}"
    assert stored.notes[-1].text == "Called the user; safe with family tonight."
    actions = [a.action for a in await store.list_audit(target=f"escalation:{esc_id}")]
    assert actions == ["escalation.resolve", "escalation.acknowledge", "escalation.create"]

    # The audit page, filtered to this escalation, shows the same trail.
    await page.get_by_role("link", name="Audit log").click()
    await page.get_by_label("Target").fill(f"escalation:{esc_id}")
    await page.get_by_role("button", name="Filter").click()
    rows = page.locator("table.audit tbody tr")
    await expect(rows).to_have_count(3)
    await expect(rows.first).to_contain_text(f"web:{ADMIN_NAME}")
    await expect(rows.first).to_contain_text("escalation.resolve")

    # The overview counts what happened.
    await page.get_by_role("link", name="Overview").click()
    await expect(page.locator("#open-count")).to_have_text("1")
    await expect(page.locator("figure.chart svg")).to_be_visible()

    assert page.errors == [], page.errors  # type: ignore[attr-defined]
