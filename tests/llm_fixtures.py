"""Fake LLM servers at the network layer: real aiohttp apps speaking the Ollama and
OpenAI wire formats, so the real `ollama` and `openai` client libraries are tested.

    async def test_x(fake_ollama):
        fake_ollama.script.tokens = ["你", "好"]
        ... OllamaBackend(fake_ollama.url, "psylite") ...
        assert fake_ollama.requests[0]["options"]["num_predict"] == 64

Behaviour knobs live on `server.script` (a `Script`): the token list, a delay before
the first token and between tokens, the models the server knows (unknown → 404) and
`die_after` to drop the connection mid-stream.
"""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiohttp import web

__all__ = ["FakeServer", "Script", "dead_url", "fake_ollama", "fake_openai"]


@dataclass
class Script:
    """What the fake server does on its next requests."""

    tokens: list[str] = field(default_factory=lambda: ["你好", "，", "我在", "这里", "。"])
    first_token_delay: float = 0.0
    token_delay: float = 0.0
    models: list[str] = field(default_factory=lambda: ["psylite:latest"])
    die_after: int | None = None  # close the socket after this many tokens


@dataclass
class FakeServer:
    url: str
    script: Script
    requests: list[dict[str, Any]]  # JSON bodies of the chat requests received


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def dead_url() -> str:
    """An http URL on loopback where nothing listens (connection refused)."""
    return f"http://127.0.0.1:{_free_port()}"


@asynccontextmanager
async def _serve(app: web.Application) -> AsyncIterator[str]:
    # Short shutdown: a handler may still be sleeping in a slow-first-token test.
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


async def _stream_tokens(
    request: web.Request,
    resp: web.StreamResponse,
    script: Script,
    encode: Any,
) -> bool:
    """Write each token with the scripted delays; False if the script killed the connection."""
    await resp.prepare(request)  # headers go out at once, as real servers do
    if script.first_token_delay:
        await asyncio.sleep(script.first_token_delay)
    for n, token in enumerate(script.tokens):
        if script.die_after is not None and n >= script.die_after:
            assert request.transport is not None
            request.transport.close()  # the chunked body never terminates
            return False
        if n and script.token_delay:
            await asyncio.sleep(script.token_delay)
        await resp.write(encode(token))
    return True


def _known(script: Script, name: str) -> bool:
    full = name if ":" in name else f"{name}:latest"
    return name in script.models or full in script.models


# --- Ollama ---------------------------------------------------------------------------


def ollama_app(script: Script, requests: list[dict[str, Any]]) -> web.Application:
    async def chat(request: web.Request) -> web.StreamResponse:
        body = await request.json()
        requests.append(body)
        model = body.get("model", "")
        if not _known(script, model):
            return web.json_response({"error": f"model '{model}' not found"}, status=404)
        resp = web.StreamResponse(headers={"Content-Type": "application/x-ndjson"})

        def line(token: str, done: bool = False) -> bytes:
            part: dict[str, Any] = {
                "model": model,
                "created_at": "2025-01-01T00:00:00Z",
                "message": {"role": "assistant", "content": token},
                "done": done,
            }
            if done:
                part |= {"done_reason": "stop", "eval_count": len(script.tokens)}
            return (json.dumps(part, ensure_ascii=False) + "\n").encode()

        if await _stream_tokens(request, resp, script, line):
            await resp.write(line("", done=True))
            await resp.write_eof()
        return resp

    async def tags(request: web.Request) -> web.Response:
        models = [
            {"name": m, "model": m, "modified_at": "2025-01-01T00:00:00Z", "size": 1, "digest": "0"}
            for m in script.models
        ]
        return web.json_response({"models": models})

    async def show(request: web.Request) -> web.Response:
        body = await request.json()
        name = body.get("model") or body.get("name") or ""
        if not _known(script, name):
            return web.json_response({"error": f"model '{name}' not found"}, status=404)
        return web.json_response(
            {
                "modelfile": f"FROM {name}",
                "parameters": "",
                "template": "{{ .Prompt }}",
                "details": {"format": "gguf", "family": "internlm2", "parameter_size": "7.7B"},
                "model_info": {"general.architecture": "internlm2"},
            }
        )

    app = web.Application()
    app.router.add_post("/api/chat", chat)
    app.router.add_get("/api/tags", tags)
    app.router.add_post("/api/show", show)
    return app


@pytest.fixture
async def fake_ollama() -> AsyncIterator[FakeServer]:
    """A fake Ollama: streamed NDJSON `/api/chat`, `/api/tags`, `/api/show`."""
    script, requests = Script(), []
    async with _serve(ollama_app(script, requests)) as url:
        yield FakeServer(url, script, requests)


# --- OpenAI-compatible ----------------------------------------------------------------


def openai_app(script: Script, requests: list[dict[str, Any]]) -> web.Application:
    async def completions(request: web.Request) -> web.StreamResponse:
        body = await request.json()
        requests.append(body)
        model = body.get("model", "")
        if not _known(script, model):
            return web.json_response(
                {
                    "error": {
                        "message": f"The model `{model}` does not exist.",
                        "type": "NotFoundError",
                        "param": None,
                        "code": 404,
                    }
                },
                status=404,
            )
        resp = web.StreamResponse(headers={"Content-Type": "text/event-stream"})

        def event(token: str | None, finish: str | None = None) -> bytes:
            delta = {"role": "assistant", "content": token} if token is not None else {}
            chunk = {
                "id": "chatcmpl-fake",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            }
            return f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n".encode()

        if await _stream_tokens(request, resp, script, event):
            await resp.write(event(None, finish="stop"))
            await resp.write(b"data: [DONE]\n\n")
            await resp.write_eof()
        return resp

    async def models(request: web.Request) -> web.Response:
        data = [
            {"id": m, "object": "model", "created": 0, "owned_by": "fake"} for m in script.models
        ]
        return web.json_response({"object": "list", "data": data})

    app = web.Application()
    app.router.add_post("/v1/chat/completions", completions)
    app.router.add_get("/v1/models", models)
    return app


@pytest.fixture
async def fake_openai() -> AsyncIterator[FakeServer]:
    """A fake OpenAI-compatible server: SSE `/v1/chat/completions` and `/v1/models`."""
    script, requests = Script(models=["psylite"]), []
    async with _serve(openai_app(script, requests)) as url:
        yield FakeServer(f"{url}/v1", script, requests)
