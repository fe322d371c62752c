"""The admin web dashboard: escalation queue, audit log, overview, /healthz and /metrics."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from aiohttp import web


def build_admin_app(settings: Any, services: Any, **kwargs: Any) -> web.Application:
    """See `psylite.admin.app.build_admin_app` (imported lazily: the CLI stays fast)."""
    from psylite.admin.app import build_admin_app as build

    return build(settings, services, **kwargs)


__all__ = ["build_admin_app"]
