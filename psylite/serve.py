"""`psylite serve`: an OpenAI-compatible endpoint over the full pipeline.

Open WebUI (the report's front end) or any OpenAI client talks to PsyLite as if it were a
model, and every request gets the same router, crisis escalation, refusal, humor and output
guard as a Telegram message:

    POST /v1/chat/completions   (stream=true → SSE chunks, else one JSON completion)
    GET  /v1/models             (one model, "psylite")
    POST /v1/route              (the router's verdict on one text; crisis/refuse are answered
                                 and escalated through the pipeline, nothing else is stored)
    GET  /healthz               (no auth)

The last user message is the turn; the conversation history is the store's, keyed by a
stable chat id derived from the OpenAI ``user`` field (else from the bearer token), so a
chat id never depends on what the client chose to resend. A request whose messages hold a
single user message and no assistant message starts a new conversation (Open WebUI's "new
chat"); the safety memory survives, as with /reset in Telegram. The route is reported in the
``X-PsyLite-Route`` header (non-streaming) and in a ``psylite`` field of the completion (the
last chunk when streaming).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import json
import logging
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import click
from aiohttp import web

from psylite.errors import ConfigError, PsyliteError, StoreError
from psylite.pipeline import Reply, Turn
from psylite.services import Services
from psylite.settings import Settings

log = logging.getLogger(__name__)

MODEL_ID = "psylite"
ROUTE_HEADER = "X-PsyLite-Route"
# Chat ids of API users live far below Telegram's (users > 0, groups ≈ -10^12), so the
# bot and the endpoint can share one database without ever mixing two people's history.
_CHAT_ID_BASE = -(1 << 62)
_CHAT_ID_SPAN = 1 << 60
NO_LLM_ROUTES = frozenset({"crisis", "refuse"})


@dataclass
class ServeState:
    settings: Settings
    services: Services
    api_key: str | None
    # One generation at a time per llm_concurrency slot; crisis and refusals never wait.
    llm_slots: asyncio.Semaphore


STATE: web.AppKey[ServeState] = web.AppKey("serve_state", ServeState)


def chat_id_for(user: str | None, token: str | None) -> int:
    """A stable, negative chat id for an API caller (the `user` field wins over the token)."""
    key = f"user:{user}" if user else f"token:{token or 'anonymous'}"
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return _CHAT_ID_BASE - int.from_bytes(digest[:8], "big") % _CHAT_ID_SPAN


def _error(status: int, message: str, kind: str = "invalid_request_error") -> web.Response:
    """An error body in OpenAI's shape, so clients raise their usual exceptions."""
    body = {"error": {"message": message, "type": kind, "param": None, "code": None}}
    return web.json_response(body, status=status)


def _bearer(request: web.Request) -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


@web.middleware
async def auth_middleware(request: web.Request, handler: Any) -> web.StreamResponse:
    """Every /v1 path needs the bearer token (unless no key is set in development)."""
    key = request.app[STATE].api_key
    if request.path.startswith("/v1/") and key is not None:
        given = _bearer(request) or ""
        if not hmac.compare_digest(given.encode(), key.encode()):
            return _error(401, "invalid or missing API key (Authorization: Bearer ...)", "auth")
    try:
        return await handler(request)  # type: ignore[no-any-return]
    except web.HTTPException:
        raise
    except StoreError as err:
        log.error("serve: store error on %s: %s", request.path, err)
        return _error(503, "database unavailable; try again shortly", "server_error")
    except PsyliteError as err:
        log.error("serve: %s on %s: %s", type(err).__name__, request.path, err)
        return _error(500, str(err), "server_error")


def _text_of(content: Any) -> str:
    """OpenAI message content: a string or a list of parts (only text parts count)."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(
            str(p.get("text", ""))
            for p in content
            if isinstance(p, dict) and p.get("type") == "text"
        )
    return ""


@dataclass(frozen=True)
class ChatRequest:
    text: str
    chat_id: int
    stream: bool
    new_conversation: bool
    model: str


def _parse(body: Any, token: str | None) -> ChatRequest | str:
    """The request, or a message saying what is wrong with it."""
    if not isinstance(body, dict):
        return "the body must be a JSON object"
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        return "'messages' must be a non-empty list"
    roles = [m.get("role") for m in messages if isinstance(m, dict)]
    last_user = next(
        (m for m in reversed(messages) if isinstance(m, dict) and m.get("role") == "user"), None
    )
    if last_user is None:
        return "no message with role 'user'"
    text = _text_of(last_user.get("content")).strip()
    if not text:
        return "the last user message has no text"
    user = body.get("user")
    return ChatRequest(
        text=text,
        chat_id=chat_id_for(str(user) if user else None, token),
        stream=bool(body.get("stream")),
        new_conversation=roles.count("user") == 1 and "assistant" not in roles,
        model=str(body.get("model") or MODEL_ID),
    )


def _extra(reply: Reply) -> dict[str, Any]:
    """What a client may want to know besides the text (never the user's words)."""
    return {
        "route": reply.route,
        "risk": round(reply.risk, 3),
        "reasons": reply.reasons,
        "lang": reply.lang,
        "snippet_id": reply.snippet_id,
        "escalation_id": reply.escalation_id,
        "journalled": reply.journalled,
        "llm_error": reply.llm_error is not None,
        "guarded": reply.guarded,
    }


async def _run(state: ServeState, req: ChatRequest, on_token: Any = None) -> Reply:
    services = state.services
    if req.new_conversation:
        with contextlib.suppress(StoreError):  # a reply matters more than a clean slate
            await services.pipeline.reset(req.chat_id)
    turn = Turn(chat_id=req.chat_id, text=req.text, channel="openai", consented=True)
    # The pipeline takes a slot only when it generates, so crisis and refusals never queue
    # (judged with the conversation state, which a pre-route here could not see).
    return await services.pipeline.handle(turn, on_token, llm_slot=lambda: state.llm_slots)


async def chat_completions(request: web.Request) -> web.StreamResponse:
    """OpenAI's chat completions, answered by the pipeline."""
    state = request.app[STATE]
    try:
        body = await request.json()
    except (ValueError, UnicodeDecodeError):
        return _error(400, "the body is not valid JSON")
    req = _parse(body, _bearer(request))
    if isinstance(req, str):
        return _error(400, req)
    completion_id = f"chatcmpl-{uuid.uuid4().hex}"
    created = int(time.time())
    if not req.stream:
        reply = await _run(state, req)
        return web.json_response(
            {
                "id": completion_id,
                "object": "chat.completion",
                "created": created,
                "model": req.model,
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": reply.text},
                        "finish_reason": "stop",
                    }
                ],
                "psylite": _extra(reply),
            },
            headers={ROUTE_HEADER: reply.route},
        )
    return await _stream(request, state, req, completion_id, created)


async def _stream(
    request: web.Request, state: ServeState, req: ChatRequest, completion_id: str, created: int
) -> web.StreamResponse:
    resp = web.StreamResponse(
        headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache"}
    )
    await resp.prepare(request)
    sent: list[str] = []
    gone = False

    def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> bytes:
        data = {
            "id": completion_id,
            "object": "chat.completion.chunk",
            "created": created,
            "model": req.model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            **extra,
        }
        return f"data: {json.dumps(data, ensure_ascii=False)}\n\n".encode()

    async def write(data: bytes) -> None:
        nonlocal gone
        if gone:
            return
        try:
            await resp.write(data)
        except (ConnectionResetError, ConnectionError):
            # The client left; the turn still finishes so history and escalations are whole.
            gone = True

    await write(chunk({"role": "assistant", "content": ""}))

    async def on_token(piece: str) -> None:
        sent.append(piece)
        await write(chunk({"content": piece}))

    reply = await _run(state, req, on_token)
    shown = "".join(sent)
    # Crisis/refusal texts, the LLM-down apology and an appended humor snippet arrive only
    # in the final reply; a guarded reply replaces what was shown, which SSE cannot undo,
    # so it follows it after a blank line.
    if reply.text.startswith(shown):
        rest = reply.text[len(shown) :]
    else:
        rest = "\n\n" + reply.text
    if rest:
        await write(chunk({"content": rest}))
    await write(chunk({}, "stop", psylite=_extra(reply)))
    await write(b"data: [DONE]\n\n")
    if not gone:
        with contextlib.suppress(ConnectionError):
            await resp.write_eof()
    return resp


async def route_text(request: web.Request) -> web.Response:
    """The router's verdict for an external front end (the Open WebUI filter).

    Body: {"text": "...", "user": "..."}. Crisis and refusals are answered by the pipeline
    (the crisis escalated to the admins); for counsel/humor nothing is generated or stored.
    """
    state = request.app[STATE]
    try:
        body = await request.json()
    except (ValueError, UnicodeDecodeError):
        return _error(400, "the body is not valid JSON")
    text = str(body.get("text") or "").strip() if isinstance(body, dict) else ""
    if not text:
        return _error(400, "'text' must be a non-empty string")
    user = body.get("user")
    decision = state.services.router.route(text)
    result: dict[str, Any] = {
        "route": str(decision.route),
        "risk": round(decision.risk, 3),
        "reasons": list(decision.reasons),
        "lang": decision.lang,
        "text": None,
        "escalation_id": None,
    }
    if str(decision.route) in NO_LLM_ROUTES:
        chat_id = chat_id_for(str(user) if user else None, _bearer(request))
        turn = Turn(chat_id=chat_id, text=text, channel="openai", consented=True)
        reply = await state.services.pipeline.handle(turn)
        result.update(_extra(reply))
        result["text"] = reply.text
    return web.json_response(result, headers={ROUTE_HEADER: result["route"]})


async def list_models(request: web.Request) -> web.Response:
    return web.json_response(
        {
            "object": "list",
            "data": [{"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "psylite"}],
        }
    )


async def healthz(request: web.Request) -> web.Response:
    return web.Response(text="ok")


def _api_key(settings: Settings) -> str | None:
    key = settings.serve_api_key.get_secret_value() if settings.serve_api_key else ""
    if key:
        return key
    if settings.environment != "development":
        raise ConfigError(
            "PSYLITE_SERVE_API_KEY is not set: the endpoint needs a bearer token outside "
            'development (python -c "import secrets; print(secrets.token_urlsafe(32))")'
        )
    log.warning("serve: PSYLITE_SERVE_API_KEY not set; the endpoint is OPEN (development only)")
    return None


def build_serve_app(
    settings: Settings,
    services: Services,
    *,
    manage_services: bool = True,
    journal_replay_interval: float = 30.0,
) -> web.Application:
    """The endpoint's composition root; `manage_services` runs initialize()/shutdown()."""
    app = web.Application(middlewares=[auth_middleware], client_max_size=4 << 20)
    app[STATE] = ServeState(
        settings=settings,
        services=services,
        api_key=_api_key(settings),
        llm_slots=asyncio.Semaphore(settings.llm_concurrency),
    )
    if manage_services:

        async def lifecycle(app: web.Application) -> AsyncIterator[None]:
            await services.initialize()
            yield
            await services.shutdown()

        app.cleanup_ctx.append(lifecycle)

    async def upkeep(app: web.Application) -> AsyncIterator[None]:
        # A crisis journalled during a database outage must not wait for the next restart.
        services.start_maintenance(replay_every_s=journal_replay_interval)
        yield
        await services.stop_maintenance()

    app.cleanup_ctx.append(upkeep)
    app.router.add_post("/v1/chat/completions", chat_completions)
    app.router.add_get("/v1/models", list_models)
    app.router.add_post("/v1/route", route_text)
    app.router.add_get("/healthz", healthz)
    return app


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", type=int, default=8088, show_default=True, help="Port to bind.")
def serve_command(host: str, port: int) -> None:
    """OpenAI-compatible endpoint (/v1/chat/completions, /v1/models) over the full pipeline."""
    from psylite.cli import setup_logging
    from psylite.services import build_services
    from psylite.settings import load_settings

    settings = load_settings()
    setup_logging(settings.log_level)
    services = build_services(settings)
    app = build_serve_app(settings, services)
    log.info("serve: listening on http://%s:%d/v1", host, port)
    web.run_app(app, host=host, port=port, print=None, access_log=None)
