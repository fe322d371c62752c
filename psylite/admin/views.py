"""Request handlers: parse the request, call the data layer, render. No SQL here."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlencode

from aiohttp import web

from psylite.admin import data
from psylite.admin.chart import routes_chart
from psylite.admin.keys import CONFIG, SERVICES, STATE, THROTTLE, AdminIdentity
from psylite.admin.render import render
from psylite.errors import PsyliteError

log = logging.getLogger(__name__)

NOTE_MAX = 2000
PAGE_SIZE = 50
# Outcome messages shown after a redirect; a fixed vocabulary so nothing from the
# query string is ever reflected into the page.
FLASH = {
    "acknowledged": "Escalation acknowledged.",
    "resolved": "Escalation resolved.",
    "reopened": "Escalation re-opened.",
    "conflict": "Someone changed this escalation first; nothing was done. Review it and try again.",
    "note": "A resolution note is required.",
    "logged_out": "You are logged out.",
    "expired": "Your session expired; please log in again.",
}


def error_page(request: web.Request, status: int, title: str, message: str) -> web.Response:
    return render(request, "error.html", status=status, code=status, title=title, message=message)


def redirect_to_login(request: web.Request) -> web.StreamResponse:
    st = request[STATE]
    params = {"next": request.path_qs} if request.method == "GET" and request.path != "/" else {}
    if st.expired:
        params["flash"] = "expired"
    # Returned, not raised: the session middleware still writes its cookie on it.
    location = "/login" + ("?" + urlencode(params) if params else "")
    return web.Response(status=302, headers={"Location": location})


def _safe_next(value: str | None) -> str:
    """Only same-site paths: an open redirect would make phishing the login page easy."""
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/queue"


async def current_admin(request: web.Request) -> AdminIdentity | None:
    """The session's admin if the account still exists and is active."""
    session = request[STATE].session
    assert session.user_id is not None
    return await data.get_admin(request.app[SERVICES], user_id=session.user_id, name=session.name)


def _flash(request: web.Request) -> str | None:
    return FLASH.get(request.query.get("flash", ""))


# --- login / logout -----------------------------------------------------------------------


async def login_form(request: web.Request) -> web.StreamResponse:
    return render(
        request,
        "login.html",
        error=None,
        name="",
        next=_safe_next(request.query.get("next")),
        flash=_flash(request),
    )


async def login_submit(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    name = str(form.get("name", "")).strip()[:64]
    password = str(form.get("password", ""))
    nxt = _safe_next(str(form.get("next", "")))
    throttle = request.app[THROTTLE]
    keys = [f"name:{name.casefold()}", f"ip:{request.remote}"]
    wait = throttle.retry_after(keys)
    if wait > 0:
        log.warning("admin: login throttled for %s", request.remote)
        resp = render(
            request,
            "login.html",
            status=429,
            error=f"Too many failed attempts. Try again in {int(wait) + 1} seconds.",
            name=name,
            next=nxt,
        )
        resp.headers["Retry-After"] = str(int(wait) + 1)
        return resp
    admin = await data.authenticate(request.app[SERVICES], name=name, password=password)
    if admin is None:
        throttle.failed(keys)
        # The attempted name is not logged: people type passwords into the name field.
        log.warning("admin: failed login from %s", request.remote)
        return render(
            request, "login.html", status=401, error="Wrong name or password.", name=name, next=nxt
        )
    throttle.succeeded(keys)
    request[STATE].log_in(admin, now=time.time())
    await data.audit(
        request.app[SERVICES],
        actor=f"web:{admin.name}",
        action="admin.login",
        target=f"admin:{admin.name}",
    )
    log.info("admin: %s logged in", admin.name)
    raise web.HTTPSeeOther(nxt)


async def logout(request: web.Request) -> web.StreamResponse:
    st = request[STATE]
    if st.admin is not None:
        await data.audit(
            request.app[SERVICES],
            actor=f"web:{st.admin.name}",
            action="admin.logout",
            target=f"admin:{st.admin.name}",
        )
    st.log_out()
    raise web.HTTPSeeOther("/login?flash=logged_out")


# --- queue ---------------------------------------------------------------------------------

SHOW = ("active", "resolved", "all")


async def _queue_context(request: web.Request) -> dict[str, object]:
    show = request.query.get("show", "active")
    if show not in SHOW:
        show = "active"
    q = await data.queue(request.app[SERVICES], show=show)
    return {"show": show, "items": q.items, "counts": q.counts, "version": q.version}


async def queue_page(request: web.Request) -> web.StreamResponse:
    ctx = await _queue_context(request)
    return render(request, "queue.html", nav="queue", **ctx)


async def queue_rows(request: web.Request) -> web.StreamResponse:
    """The queue table alone, polled by admin.js every few seconds."""
    ctx = await _queue_context(request)
    return render(request, "_queue_rows.html", **ctx)


# --- one escalation ------------------------------------------------------------------------


def _escalation_id(request: web.Request) -> int:
    try:
        return int(request.match_info["id"])
    except ValueError:
        raise web.HTTPNotFound() from None


async def escalation_page(request: web.Request) -> web.StreamResponse:
    services = request.app[SERVICES]
    detail = await data.escalation_detail(services, escalation_id=_escalation_id(request))
    if detail is None:
        return error_page(request, 404, "Not found", "No such escalation.")
    return render(
        request,
        "escalation.html",
        nav="queue",
        e=detail.escalation,
        history=detail.history,
        flash=_flash(request),
    )


ACTIONS = {"acknowledge": "acknowledged", "resolve": "resolved", "reopen": "reopened"}


async def escalation_action(request: web.Request) -> web.StreamResponse:
    """Acknowledge, resolve (note required) or re-open; the data layer writes the audit entry."""
    escalation_id = _escalation_id(request)
    action = request.match_info["action"]
    if action not in ACTIONS:
        raise web.HTTPNotFound()
    form = await request.post()
    note = str(form.get("note", "")).strip()[:NOTE_MAX] or None
    target = f"/escalations/{escalation_id}"
    if action == "resolve" and not note:
        raise web.HTTPSeeOther(f"{target}?flash=note")
    admin = request[STATE].admin
    assert admin is not None
    outcome = await data.transition(
        request.app[SERVICES],
        escalation_id=escalation_id,
        action=action,
        actor=f"web:{admin.name}",
        note=note,
    )
    if outcome == "missing":
        return error_page(request, 404, "Not found", "No such escalation.")
    log.info("admin: %s %s escalation %d (%s)", admin.name, action, escalation_id, outcome)
    raise web.HTTPSeeOther(f"{target}?flash={ACTIONS[action] if outcome == 'ok' else 'conflict'}")


# --- audit -----------------------------------------------------------------------------


def _parse_day(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


async def audit_page(request: web.Request) -> web.StreamResponse:
    q = request.query
    f = {k: q.get(k, "").strip()[:100] for k in ("actor", "action", "target", "since", "until")}
    try:
        page = max(1, int(q.get("page", "1")))
    except ValueError:
        page = 1
    since = _parse_day(f["since"])
    until = _parse_day(f["until"])
    entries, has_more = await data.audit_entries(
        request.app[SERVICES],
        actor=f["actor"] or None,
        action=f["action"] or None,
        target=f["target"] or None,
        since=datetime.combine(since, datetime.min.time(), UTC) if since else None,
        until=datetime.combine(until, datetime.min.time(), UTC) + timedelta(days=1)
        if until
        else None,
        limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE,
    )
    actions = await data.audit_actions(request.app[SERVICES])

    def query_for(p: int) -> str:
        return urlencode({**{k: v for k, v in f.items() if v}, "page": p})

    return render(
        request,
        "audit.html",
        nav="audit",
        f=f,
        entries=entries,
        actions=actions,
        page=page,
        has_more=has_more,
        query_for=query_for,
    )


# --- overview ------------------------------------------------------------------------------


async def overview_page(request: web.Request) -> web.StreamResponse:
    try:
        days = int(request.query.get("days", "7"))
    except ValueError:
        days = 7
    days = days if days in (1, 7, 30) else 7
    stats = await data.overview(request.app[SERVICES], days=days)
    return render(
        request,
        "overview.html",
        nav="overview",
        s=stats,
        days=days,
        chart=routes_chart(stats.series, label_fmt="%H:%M" if days <= 1 else "%m-%d"),
    )


# --- health and metrics --------------------------------------------------------------------


async def _timed(
    name: str, check: Callable[[], Awaitable[object]], limit_s: float
) -> dict[str, object]:
    started = time.perf_counter()
    try:
        detail = await asyncio.wait_for(check(), limit_s)
        ok = True
    except TimeoutError:
        ok, detail = False, f"no answer within {limit_s:.0f} s"
    except PsyliteError as err:
        ok, detail = False, str(err)
    except Exception as err:  # a health check reports, it never crashes
        log.warning("healthz: %s check failed", name, exc_info=True)
        ok, detail = False, type(err).__name__
    return {"ok": ok, "detail": str(detail), "ms": round((time.perf_counter() - started) * 1000, 1)}


async def healthz(request: web.Request) -> web.StreamResponse:
    """DB and LLM reachability as JSON; 200 when both answer, else 503."""
    services = request.app[SERVICES]
    timeout = request.app[CONFIG].health_timeout_s
    db, llm = await asyncio.gather(
        _timed("db", lambda: data.ping_db(services), timeout),
        _timed("llm", services.llm.check, timeout),
    )
    ok = bool(db["ok"] and llm["ok"])
    body = {"status": "ok" if ok else "fail", "db": db, "llm": llm}
    return web.json_response(body, status=200 if ok else 503)


def add_routes(app: web.Application) -> None:
    app.router.add_get("/", overview_page)
    app.router.add_get("/login", login_form)
    app.router.add_post("/login", login_submit)
    app.router.add_post("/logout", logout)
    app.router.add_get("/queue", queue_page)
    app.router.add_get("/queue/rows", queue_rows)
    app.router.add_get("/escalations/{id}", escalation_page)
    app.router.add_post("/escalations/{id}/{action}", escalation_action)
    app.router.add_get("/audit", audit_page)
    app.router.add_get("/healthz", healthz)
