"""Jinja2 environment for the dashboard: autoescaping everywhere, a few display filters."""

from __future__ import annotations

from datetime import UTC, datetime

import jinja2
from aiohttp import web

from psylite.admin.keys import JINJA, STATE


def _aware(value: datetime) -> datetime:
    # SQLite hands back naive datetimes; the store writes UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def isotime(value: datetime | None) -> str:
    if value is None:
        return "—"
    return _aware(value).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def duration(seconds: float | None) -> str:
    """A short human duration: 45 s, 12 min, 3.5 h, 2.0 d; '—' when unknown."""
    if seconds is None:
        return "—"
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 90 * 60:
        return f"{seconds / 60:.0f} min"
    if seconds < 48 * 3600:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} d"


def age(value: datetime | None) -> str:
    if value is None:
        return "—"
    return duration((datetime.now(UTC) - _aware(value)).total_seconds())


def make_jinja() -> jinja2.Environment:
    """Autoescape is on for every template: user text is never trusted markup."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("psylite.admin", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(isotime=isotime, duration=duration, age=age)
    return env


def render(
    request: web.Request, template: str, /, *, status: int = 200, **context: object
) -> web.Response:
    """Render a template with the session's CSRF token and the admin's name in context."""
    st = request.get(STATE)
    base = {
        "csrf_token": st.session.csrf if st else "",
        "user": st.admin.name if st and st.admin else None,
        "flash": None,
        "nav": None,
    }
    base.update(context)
    html = request.app[JINJA].get_template(template).render(**base)
    return web.Response(text=html, status=status, content_type="text/html", charset="utf-8")
