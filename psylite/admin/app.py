"""The admin dashboard's composition root: `build_admin_app(settings, services)`.

Every request passes three middlewares, outermost first:
  errors   — domain errors become an HTTP status with a one-line page, never a traceback;
  session  — decrypts the session cookie (or starts an anonymous one holding a CSRF token)
             and re-issues it when it changed or to slide the idle timeout;
  guard    — a state-changing request without the session's CSRF token is refused (403),
             and everything but the login page, static files, /healthz and /metrics
             needs a logged-in admin whose account still exists (else: redirect to login).
Security headers are added to every response, errors and static files included.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web

from psylite.admin import views
from psylite.admin.keys import (
    CODEC,
    CONFIG,
    JINJA,
    SERVICES,
    SETTINGS,
    STATE,
    THROTTLE,
    AdminConfig,
    RequestState,
)
from psylite.admin.render import make_jinja
from psylite.admin.security import (
    PLACEHOLDER_SECRET,
    LoginThrottle,
    Session,
    SessionCodec,
    csrf_ok,
    new_csrf,
)
from psylite.errors import ConfigError, PsyliteError, StoreError
from psylite.metrics import add_metrics_route, record_error, store_refresher
from psylite.services import Services
from psylite.settings import Settings

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"
COOKIE_NAME = "psylite_admin"
PUBLIC_PREFIXES = ("/login", "/static/", "/healthz", "/metrics")
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _secret(settings: Settings) -> str:
    """The session secret; the placeholder only in development, and then a per-process one."""
    secret = settings.admin_secret_key.get_secret_value()
    if secret and secret != PLACEHOLDER_SECRET:
        if len(secret) < 16:
            raise ConfigError(
                "PSYLITE_ADMIN_SECRET_KEY is too short: use at least 16 random characters"
            )
        return secret
    if settings.environment != "development":
        raise ConfigError(
            "PSYLITE_ADMIN_SECRET_KEY is unset or the placeholder: set it to a long random string "
            '(python -c "import secrets; print(secrets.token_urlsafe(32))")'
        )
    # A well-known key would let anyone forge a session; a random one only costs a
    # re-login after a restart, which is fine in development.
    log.warning("admin: PSYLITE_ADMIN_SECRET_KEY not set; sessions end when this process stops")
    return secrets.token_urlsafe(32)


async def _add_security_headers(request: web.Request, response: web.StreamResponse) -> None:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if not request.path.startswith("/static/"):
        # Pages show escalation excerpts: keep them out of shared and browser caches.
        response.headers.setdefault("Cache-Control", "no-store")


@web.middleware
async def error_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Domain errors to HTTP statuses; unexpected errors logged with traceback, shown as 500."""
    try:
        return await handler(request)
    except web.HTTPException:
        raise
    except StoreError as err:
        log.error("admin: store error on %s %s: %s", request.method, request.path, err)
        record_error("store")
        return views.error_page(request, 503, "Database unavailable", str(err))
    except PsyliteError as err:
        log.error("admin: %s on %s %s: %s", type(err).__name__, request.method, request.path, err)
        record_error("web")
        return views.error_page(request, 500, "Error", str(err))
    except Exception:
        log.exception("admin: unhandled error on %s %s", request.method, request.path)
        record_error("web")
        return views.error_page(
            request, 500, "Internal error", "Something went wrong; see the server log."
        )


@web.middleware
async def session_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Load the encrypted session; write it back when it changed or when it should slide."""
    app = request.app
    codec = app[CODEC]
    session = codec.loads(request.cookies.get(COOKIE_NAME))
    expired = request.cookies.get(COOKIE_NAME) is not None and session is None
    st = RequestState(session=session or Session(csrf=new_csrf()), dirty=session is None)
    st.expired = expired
    request[STATE] = st
    try:
        response = await handler(request)
    except web.HTTPException as exc:
        response = exc  # aiohttp 3: an HTTPException is a Response; cookies still apply
        _write_cookie(request, response, st)
        raise
    _write_cookie(request, response, st)
    return response


def _write_cookie(request: web.Request, response: web.StreamResponse, st: RequestState) -> None:
    app = request.app
    # Background polling must not keep an idle desk logged in forever.
    sliding = st.session.authenticated and not request.headers.get("X-Requested-With")
    if st.dirty or sliding:
        response.set_cookie(
            COOKIE_NAME,
            app[CODEC].dumps(st.session),
            max_age=app[CONFIG].session_absolute_s,
            path="/",
            httponly=True,
            samesite="Strict",
            secure=app[CONFIG].cookie_secure,
        )


def _is_public(path: str) -> bool:
    return any(path == p or path.startswith(p) for p in PUBLIC_PREFIXES)


def _same_origin(request: web.Request) -> bool:
    """A browser's Origin header, when sent, must name this host (defence in depth for CSRF).

    "null" (an opaque origin: sandboxed frame, data: URL) is refused. Our own pages send
    their real origin because the Referrer-Policy is same-origin, not no-referrer (with
    no-referrer Chromium sends `Origin: null` even for same-site form posts).
    """
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    host = request.headers.get("Host", "")
    return origin.split("://", 1)[-1] == host


@web.middleware
async def guard_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """CSRF check on every state-changing request, then the login requirement."""
    st = request[STATE]
    if request.method in UNSAFE_METHODS:
        form = await request.post()
        token = form.get("csrf_token") or request.headers.get("X-CSRF-Token")
        if not _same_origin(request) or not csrf_ok(
            st.session, token if isinstance(token, str) else None
        ):
            log.warning(
                "admin: refused %s %s without a valid CSRF token", request.method, request.path
            )
            return views.error_page(
                request,
                403,
                "Forbidden",
                "The form expired or did not come from this site; reload the page and try again.",
            )
    if _is_public(request.path):
        return await handler(request)
    if st.session.authenticated:
        admin = await views.current_admin(request)
        if admin is not None:
            st.admin = admin
            return await handler(request)
        st.log_out()
    return views.redirect_to_login(request)


@dataclass
class _Lifecycle:
    """Owns `services.initialize()/shutdown()` when the dashboard runs as its own process."""

    manage: bool

    def __call__(self, app: web.Application) -> AsyncIterator[None]:
        return self._ctx(app)

    async def _ctx(self, app: web.Application) -> AsyncIterator[None]:
        services = app[SERVICES]
        if self.manage:
            await services.initialize()
        try:
            yield
        finally:
            if self.manage:
                await services.shutdown()


def build_admin_app(
    settings: Settings,
    services: Services,
    *,
    config: AdminConfig | None = None,
    manage_services: bool = True,
) -> web.Application:
    """The admin web application; connects to nothing until it starts.

    With `manage_services` (the default) the app's cleanup_ctx initializes and shuts
    down `services`; pass False when the caller (the bot, a test) already owns them.
    """
    config = config or AdminConfig.from_settings(settings)
    app = web.Application(
        middlewares=[error_middleware, session_middleware, guard_middleware],
        client_max_size=256 * 1024,
    )
    app[SETTINGS] = settings
    app[SERVICES] = services
    app[CONFIG] = config
    app[CODEC] = SessionCodec(
        _secret(settings), idle_s=config.session_idle_s, absolute_s=config.session_absolute_s
    )
    app[THROTTLE] = LoginThrottle(
        max_failures=config.login_max_failures, window_s=config.login_window_s
    )
    app[JINJA] = make_jinja()
    app.cleanup_ctx.append(_Lifecycle(manage_services))
    app.on_response_prepare.append(_add_security_headers)
    views.add_routes(app)
    add_metrics_route(app, refresh=store_refresher(services.store))
    app.router.add_static("/static/", STATIC_DIR, name="static", append_version=False)
    return app


async def start_admin_site(
    settings: Settings, services: Services, *, host: str = "127.0.0.1", port: int = 8081
) -> web.AppRunner:
    """Serve the dashboard inside a process that already owns `services` (e.g. the bot).

    Call `await runner.cleanup()` on shutdown, before `services.shutdown()`.
    """
    runner = web.AppRunner(
        build_admin_app(settings, services, manage_services=False), access_log=None
    )
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    log.info("admin: dashboard on http://%s:%d/", host, port)
    return runner
