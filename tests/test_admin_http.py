"""The dashboard over HTTP: login, CSRF, throttling, escaping, actions, audit, health, metrics."""

from __future__ import annotations

import logging
import re

import pytest
from admin_fixtures import *  # noqa: F403  (pytest fixtures)
from admin_fixtures import ADMIN_NAME, ADMIN_PASSWORD, csrf_from, log_in, make_admin_app
from prometheus_client.parser import text_string_to_metric_families

from psylite.admin.app import COOKIE_NAME
from psylite.errors import ConfigError
from psylite.settings import load_settings

XSS = "<script>alert('pwned')</script><img src=x onerror=alert(1)>"
SQLI = "'; DROP TABLE escalations; -- \" OR 1=1"


async def _escalation(services, *, risk=0.9, excerpt="我不想活了", chat_id=42):
    return await services.store.create_escalation(
        chat_id=chat_id, risk=risk, reasons=["keyword:suicide"], excerpt=excerpt, admin_chat_ids=[7]
    )


# --- access control ------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/queue", "/queue/rows", "/escalations/1", "/audit"])
async def test_unauthenticated_pages_redirect_to_login(admin_client, path):
    resp = await admin_client.get(path, allow_redirects=False)
    assert resp.status == 302
    assert resp.headers["Location"].startswith("/login")


async def test_unauthenticated_post_with_valid_csrf_still_redirects_to_login(
    admin_client, admin_services
):
    e = await _escalation(admin_services)
    token = await csrf_from(admin_client, "/login")
    resp = await admin_client.post(
        f"/escalations/{e.id}/acknowledge", data={"csrf_token": token}, allow_redirects=False
    )
    assert resp.status == 302 and resp.headers["Location"].startswith("/login")
    assert (await admin_services.store.get_escalation(escalation_id=e.id)).status == "open"


async def test_login_page_and_every_response_carry_security_headers(admin_client):
    for path in ("/login", "/static/admin.css", "/nope", "/healthz"):
        resp = await admin_client.get(path)
        csp = resp.headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
        assert resp.headers["X-Frame-Options"] == "DENY"
        assert resp.headers["X-Content-Type-Options"] == "nosniff"


async def test_login_sets_an_httponly_strict_cookie_and_redirects_to_next(admin_client, admin_user):
    resp = await log_in(admin_client)
    assert resp.status == 303 and resp.headers["Location"] == "/queue"
    cookie = resp.cookies[COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Strict"
    page = await admin_client.get("/queue")
    assert page.status == 200 and ADMIN_NAME in await page.text()


async def test_login_refuses_an_offsite_next_url(admin_client, admin_user):
    token = await csrf_from(admin_client, "/login")
    resp = await admin_client.post(
        "/login",
        data={
            "name": ADMIN_NAME,
            "password": ADMIN_PASSWORD,
            "csrf_token": token,
            "next": "//evil.example/x",
        },
        allow_redirects=False,
    )
    assert resp.status == 303 and resp.headers["Location"] == "/queue"


async def test_logout_ends_the_session(logged_in):
    token = await csrf_from(logged_in, "/queue")
    resp = await logged_in.post("/logout", data={"csrf_token": token}, allow_redirects=False)
    assert resp.status == 303
    again = await logged_in.get("/queue", allow_redirects=False)
    assert again.status == 302


async def test_a_forged_or_tampered_cookie_is_treated_as_logged_out(admin_client, admin_user):
    resp = await log_in(admin_client)
    value = resp.cookies[COOKIE_NAME].value
    tampered = value[:-6] + ("A" if value[-6] != "A" else "B") + value[-5:]
    admin_client.session.cookie_jar.clear()
    admin_client.session.cookie_jar.update_cookies({COOKIE_NAME: tampered})
    page = await admin_client.get("/queue", allow_redirects=False)
    assert page.status == 302


async def test_session_expires_after_the_idle_timeout(
    admin_settings, admin_services, admin_user, aiohttp_client
):
    client = await aiohttp_client(make_admin_app(admin_settings, admin_services, session_idle_s=1))
    assert (await log_in(client)).status == 303
    assert (await client.get("/queue", allow_redirects=False)).status == 200
    import asyncio

    await asyncio.sleep(2.1)  # Fernet timestamps have one-second resolution
    resp = await client.get("/queue", allow_redirects=False)
    assert resp.status == 302 and "expired" in resp.headers["Location"]


async def test_a_deactivated_account_loses_its_open_session(logged_in, admin_services):
    await admin_services.store.update_admin_account(username=ADMIN_NAME, active=False)
    resp = await logged_in.get("/queue", allow_redirects=False)
    assert resp.status == 302


# --- CSRF ----------------------------------------------------------------------------------


async def test_post_without_csrf_token_is_forbidden_and_changes_nothing(logged_in, admin_services):
    e = await _escalation(admin_services)
    resp = await logged_in.post(f"/escalations/{e.id}/acknowledge", data={}, allow_redirects=False)
    assert resp.status == 403
    resp = await logged_in.post(
        f"/escalations/{e.id}/acknowledge", data={"csrf_token": "forged"}, allow_redirects=False
    )
    assert resp.status == 403
    assert (await admin_services.store.get_escalation(escalation_id=e.id)).status == "open"


async def test_login_post_without_csrf_token_is_forbidden(admin_client, admin_user):
    resp = await admin_client.post(
        "/login", data={"name": ADMIN_NAME, "password": ADMIN_PASSWORD}, allow_redirects=False
    )
    assert resp.status == 403


async def test_cross_origin_post_is_forbidden_even_with_the_token(logged_in, admin_services):
    e = await _escalation(admin_services)
    token = await csrf_from(logged_in, f"/escalations/{e.id}")
    resp = await logged_in.post(
        f"/escalations/{e.id}/acknowledge",
        data={"csrf_token": token},
        headers={"Origin": "https://evil.example"},
        allow_redirects=False,
    )
    assert resp.status == 403


# --- throttling ----------------------------------------------------------------------------


async def test_wrong_passwords_are_throttled_even_for_the_right_password_afterwards(
    admin_client, admin_user
):
    for _ in range(5):
        resp = await log_in(admin_client, password="wrong password!")
        assert resp.status == 401
    resp = await log_in(admin_client, password="wrong password!")
    assert resp.status == 429
    assert int(resp.headers["Retry-After"]) > 0
    resp = await log_in(admin_client)  # right password, still locked
    assert resp.status == 429
    assert (await admin_client.get("/queue", allow_redirects=False)).status == 302


async def test_unknown_names_fail_like_wrong_passwords(admin_client, admin_user):
    resp = await log_in(admin_client, name="mallory", password=ADMIN_PASSWORD)
    assert resp.status == 401
    assert "Wrong name or password" in await resp.text()


# --- escaping ------------------------------------------------------------------------------


async def test_script_and_sql_in_user_text_render_inert(logged_in, admin_services):
    e = await _escalation(admin_services, excerpt=XSS + " " + SQLI)
    token = await csrf_from(logged_in, f"/escalations/{e.id}")
    resp = await logged_in.post(
        f"/escalations/{e.id}/resolve",
        data={"csrf_token": token, "note": XSS + SQLI},
        allow_redirects=False,
    )
    assert resp.status == 303
    for path in (f"/escalations/{e.id}", "/queue?show=all", "/queue/rows?show=all"):
        html = await (await logged_in.get(path)).text()
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(" in html
        assert "DROP TABLE escalations" in html  # shown as text, not executed
    # The table is still there and the note is stored verbatim.
    stored = await admin_services.store.get_escalation(escalation_id=e.id)
    assert stored.status == "resolved" and stored.notes[-1].text == XSS + SQLI


async def test_sql_in_audit_filters_is_just_a_value(logged_in, admin_services):
    await _escalation(admin_services)
    resp = await logged_in.get("/audit", params={"actor": SQLI, "target": SQLI, "since": "x"})
    assert resp.status == 200
    assert "Nothing matches" in await resp.text()
    assert len(await admin_services.store.list_escalations()) == 1


# --- queue, actions, audit -----------------------------------------------------------------


def _row_ids(html: str) -> list[int]:
    return [int(x) for x in re.findall(r'data-escalation-id="(\d+)"', html)]


async def test_queue_orders_open_first_then_risk_then_age(logged_in, admin_services):
    old_low = await _escalation(admin_services, risk=0.5, chat_id=1)
    old_high = await _escalation(admin_services, risk=0.95, chat_id=2)
    new_high = await _escalation(admin_services, risk=0.95, chat_id=3)
    acked = await _escalation(admin_services, risk=0.99, chat_id=4)
    await admin_services.store.transition(escalation_id=acked.id, to="acknowledged", actor="tg:1")
    html = await (await logged_in.get("/queue")).text()
    assert _row_ids(html) == [old_high.id, new_high.id, old_low.id, acked.id]
    assert "3 open" in html and "1 acknowledged" in html


async def test_acknowledge_resolve_reopen_change_the_store_and_the_audit_log(
    logged_in, admin_services
):
    store = admin_services.store
    e = await _escalation(admin_services)

    async def act(action, note=""):
        token = await csrf_from(logged_in, f"/escalations/{e.id}")
        return await logged_in.post(
            f"/escalations/{e.id}/{action}",
            data={"csrf_token": token, "note": note},
            allow_redirects=False,
        )

    assert (await act("acknowledge")).status == 303
    assert (await store.get_escalation(escalation_id=e.id)).acknowledged_by == f"web:{ADMIN_NAME}"
    resp = await act("resolve")  # a resolution needs a note
    assert "flash=note" in resp.headers["Location"]
    assert (await store.get_escalation(escalation_id=e.id)).status == "acknowledged"
    await act("resolve", "called back, safe with family")
    done = await store.get_escalation(escalation_id=e.id)
    assert done.status == "resolved" and done.notes[-1].text == "called back, safe with family"
    resp = await act("acknowledge")  # stale button: refused, nothing changes
    assert "flash=conflict" in resp.headers["Location"]
    await act("reopen", "user wrote again")
    assert (await store.get_escalation(escalation_id=e.id)).status == "open"

    actions = [a.action for a in await store.list_audit(target=f"escalation:{e.id}")]
    assert actions == [
        "escalation.reopen",
        "escalation.resolve",
        "escalation.acknowledge",
        "escalation.create",
    ]
    page = await (await logged_in.get(f"/escalations/{e.id}")).text()
    assert "called back, safe with family" in page and "user wrote again" in page

    audit = await (await logged_in.get("/audit", params={"action": "escalation.resolve"})).text()
    assert (
        f"escalation:{e.id}" in audit and "escalation.acknowledge" not in audit.split("<tbody>")[1]
    )
    mine = await (await logged_in.get("/audit", params={"actor": f"web:{ADMIN_NAME}"})).text()
    assert "admin.login" in mine and "escalation.create" not in mine.split("<tbody>")[1]


async def test_queue_rows_fragment_shows_a_new_escalation_and_changes_version(
    logged_in, admin_services
):
    first = await (await logged_in.get("/queue/rows")).text()
    version = re.search(r'data-version="([^"]+)"', first).group(1)
    e = await _escalation(admin_services)
    second = await (await logged_in.get("/queue/rows")).text()
    assert e.id in _row_ids(second)
    assert re.search(r'data-version="([^"]+)"', second).group(1) != version


async def test_overview_shows_counts_median_ack_and_a_chart(logged_in, admin_services):
    store = admin_services.store
    await store.add_message(chat_id=5, role="user", text="hello", route="counsel")
    await store.add_message(chat_id=5, role="user", text="help", route="crisis")
    e = await _escalation(admin_services)
    await store.transition(escalation_id=e.id, to="acknowledged", actor="tg:1")
    html = await (await logged_in.get("/")).text()
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html
    assert re.search(r'id="open-count">0<', html)
    assert re.search(r'id="median-ack">\d+ s<', html)
    assert "counsel</td><td>1</td>" in html and "crisis</td><td>1</td>" in html


# --- health, metrics, logs -----------------------------------------------------------------


async def test_healthz_reports_db_and_llm_and_fails_with_503(admin_client, admin_services):
    resp = await admin_client.get("/healthz")
    body = await resp.json()
    assert resp.status == 200 and body["db"]["ok"] and body["llm"]["ok"]
    admin_services.llm.fail = True  # the fake answers like an unreachable server
    resp = await admin_client.get("/healthz")
    body = await resp.json()
    assert (
        resp.status == 503
        and body["status"] == "fail"
        and not body["llm"]["ok"]
        and body["db"]["ok"]
    )


async def test_healthz_is_503_when_the_database_is_gone(admin_client, admin_services):
    await admin_services.store.shutdown()
    resp = await admin_client.get("/healthz")
    assert resp.status == 503 and not (await resp.json())["db"]["ok"]


async def test_metrics_endpoint_parses_and_mirrors_the_store(admin_client, admin_services):
    await _escalation(admin_services)
    await _escalation(admin_services, chat_id=9)
    resp = await admin_client.get("/metrics")
    assert resp.status == 200
    families = {f.name: f for f in text_string_to_metric_families(await resp.text())}
    for name in (
        "psylite_messages",
        "psylite_handling_seconds",
        "psylite_llm_first_token_seconds",
        "psylite_llm_tokens_per_second",
        "psylite_open_escalations",
        "psylite_outbox_backlog",
        "psylite_errors",
    ):
        assert name in families, name
    open_ = {s.labels["status"]: s.value for s in families["psylite_open_escalations"].samples}
    assert open_["open"] == 2
    assert families["psylite_outbox_backlog"].samples[0].value == 2


async def test_user_text_never_reaches_the_logs(logged_in, admin_services, caplog):
    caplog.set_level(logging.DEBUG)
    secret = "SECRET-USER-WORDS-我想结束一切"
    e = await _escalation(admin_services, excerpt=secret)
    token = await csrf_from(logged_in, f"/escalations/{e.id}")
    await logged_in.post(
        f"/escalations/{e.id}/resolve", data={"csrf_token": token, "note": secret + " note"}
    )
    await logged_in.get("/queue")
    await log_in(logged_in, name=secret, password=secret)
    ours = [r for r in caplog.records if r.name.startswith("psylite")]
    assert ours, "the dashboard logs its actions"
    # Our loggers never carry user text at any level; libraries (the SQL driver echoing
    # parameters) may at DEBUG, which production never enables for them.
    shown = ours + [r for r in caplog.records if r.levelno > logging.DEBUG]
    assert all(secret not in r.getMessage() for r in shown)


# --- configuration ---------------------------------------------------------------------------


def test_placeholder_secret_is_refused_outside_development(data_dir, admin_services):
    prod = load_settings(data_dir=data_dir, environment="production")
    with pytest.raises(ConfigError, match="PSYLITE_ADMIN_SECRET_KEY"):
        make_admin_app(prod, admin_services)
    dev = load_settings(data_dir=data_dir, environment="development")
    assert make_admin_app(dev, admin_services) is not None


def test_login_throttle_window_releases_and_forgets_stale_keys():
    from psylite.admin.security import LoginThrottle

    t = LoginThrottle(max_failures=2, window_s=10, max_keys=3)
    t.failed(["name:a", "ip:1"], now=0)
    t.failed(["name:a", "ip:1"], now=1)
    assert t.retry_after(["name:a"], now=2) == 8  # until the oldest failure leaves the window
    assert t.retry_after(["name:b", "ip:1"], now=2) == 8  # same address, other name: blocked too
    assert t.retry_after(["name:a"], now=10.5) == 0
    for n in range(10):
        t.failed([f"name:spray{n}"], now=100 + n * 20)
    assert len(t._failures) <= 3 + 1
