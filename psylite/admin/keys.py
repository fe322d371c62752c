"""Typed keys for the admin app's shared state, its tunables, and per-request state."""

from __future__ import annotations

from dataclasses import dataclass

import jinja2
from aiohttp import web

from psylite.admin.security import LoginThrottle, Session, SessionCodec, new_csrf
from psylite.services import Services
from psylite.settings import Settings


@dataclass(frozen=True)
class AdminConfig:
    """Dashboard tunables with safe defaults; tests shorten them."""

    session_idle_s: int = 30 * 60
    session_absolute_s: int = 12 * 3600
    login_max_failures: int = 5
    login_window_s: float = 15 * 60
    cookie_secure: bool = False
    health_timeout_s: float = 5.0

    @classmethod
    def from_settings(cls, settings: Settings) -> AdminConfig:
        # Behind TLS in production the cookie must never travel in clear text; in
        # development the dashboard is reached over plain http://127.0.0.1.
        return cls(cookie_secure=settings.environment == "production")


@dataclass(frozen=True)
class AdminIdentity:
    """The logged-in admin, re-read from the database on every request."""

    id: int
    name: str


@dataclass
class RequestState:
    """The session as loaded for this request and what the handlers did to it."""

    session: Session
    dirty: bool = False
    expired: bool = False
    admin: AdminIdentity | None = None

    def log_in(self, admin: AdminIdentity, *, now: float) -> None:
        # A fresh CSRF token at login defeats session fixation with a planted cookie.
        self.session = Session(csrf=new_csrf(), user_id=admin.id, name=admin.name, issued_at=now)
        self.admin = admin
        self.dirty = True

    def log_out(self) -> None:
        self.session = Session(csrf=new_csrf())
        self.admin = None
        self.dirty = True


SETTINGS = web.AppKey("settings", Settings)
SERVICES = web.AppKey("services", Services)
CONFIG = web.AppKey("admin_config", AdminConfig)
CODEC = web.AppKey("session_codec", SessionCodec)
THROTTLE = web.AppKey("login_throttle", LoginThrottle)
JINJA = web.AppKey("jinja", jinja2.Environment)
STATE = web.RequestKey("admin_state", RequestState)
