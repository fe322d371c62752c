"""
title: PsyLite safety router
author: PsyLite
version: 0.1.0
license: Apache-2.0
description: Routes every user message through PsyLite's deterministic safety router. A crisis
  gets PsyLite's fixed crisis reply with hotlines (and an escalation to the human admins when
  PsyLite's endpoint is used); a dangerous request gets the warm refusal. Everything else
  reaches the model unchanged.
requirements:
"""

# An Open WebUI *Pipelines* filter (https://github.com/open-webui/pipelines). Install notes are
# in deploy/openwebui/README.md. Standard library only, so it runs in the stock pipelines image.
#
# Two ways to reach the router:
#   * PSYLITE_URL set (recommended): POST {PSYLITE_URL}/v1/route on `psylite serve` with the
#     bearer key. Crisis messages are answered AND escalated there (stored, admins notified).
#   * PSYLITE_URL empty: `import psylite.safety` in the pipelines container (pip install the
#     project there). Routing and replies are identical, but nothing is escalated.
#
# How the fixed reply reaches the user: a filter cannot answer by itself, so `inlet` swaps the
# conversation for a one-line "repeat this text" request (the model never sees the user's
# words in a crisis) and `outlet` replaces whatever the model wrote with the exact fixed text.

from __future__ import annotations

import asyncio
import json
import logging
import urllib.error
import urllib.request
from typing import Any

from pydantic import BaseModel, Field

log = logging.getLogger(__name__)

FIXED_ROUTES = ("crisis", "refuse")
REPEAT_INSTRUCTION = (
    "Repeat the user's message back exactly as written, with nothing added or removed."
)


def _text_of(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(
            str(p.get("text", ""))
            for p in content
            if isinstance(p, dict) and p.get("type") == "text"
        )
    return ""


def _conversation_key(body: dict[str, Any], user: dict[str, Any] | None) -> str:
    """Ties an inlet to its outlet: Open WebUI's chat id, else the user."""
    meta = body.get("metadata") or {}
    chat = body.get("chat_id") or meta.get("chat_id")
    return str(chat or (user or {}).get("id") or "anonymous")


class Pipeline:
    class Valves(BaseModel):
        pipelines: list[str] = Field(default_factory=lambda: ["*"])  # which models it guards
        priority: int = 0  # run first: nothing should see a crisis message before the router
        PSYLITE_URL: str = ""  # e.g. http://psylite-serve:8088 ; empty = local import
        PSYLITE_API_KEY: str = ""  # PSYLITE_SERVE_API_KEY of that server
        TIMEOUT_S: float = 5.0
        # When the router cannot be reached: pass the message through (False) or answer with
        # the crisis resources to be safe (True). Routing is local and ~ms, so this is rare.
        FAIL_CLOSED: bool = False

    def __init__(self) -> None:
        self.type = "filter"
        self.name = "PsyLite safety router"
        self.valves = self.Valves()
        self._fixed: dict[str, str] = {}  # conversation -> fixed reply awaiting the outlet

    async def on_startup(self) -> None:
        log.info("PsyLite filter: router at %s", self.valves.PSYLITE_URL or "local import")

    async def on_shutdown(self) -> None:
        return None

    # ------------------------------------------------------------------ routing
    def _route_http(self, text: str, user_id: str | None) -> dict[str, Any]:
        url = self.valves.PSYLITE_URL.rstrip("/") + "/v1/route"
        data = json.dumps({"text": text, "user": user_id}).encode("utf-8")
        request = urllib.request.Request(
            url,
            data=data,
            method="POST",
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {self.valves.PSYLITE_API_KEY}",
            },
        )
        with urllib.request.urlopen(request, timeout=self.valves.TIMEOUT_S) as resp:
            return json.loads(resp.read().decode("utf-8"))  # type: ignore[no-any-return]

    @staticmethod
    def _route_local(text: str) -> dict[str, Any]:
        from psylite.safety import Router, crisis_reply, refusal_reply

        router = _local_router(Router)
        decision = router.route(text)
        route = str(decision.route)
        reply = {"crisis": crisis_reply, "refuse": refusal_reply}.get(route)
        return {
            "route": route,
            "risk": decision.risk,
            "lang": decision.lang,
            "text": reply(decision.lang) if reply else None,
            "escalation_id": None,
        }

    async def route(self, text: str, user_id: str | None) -> dict[str, Any] | None:
        """The router's verdict, or None when it cannot be reached."""
        try:
            if self.valves.PSYLITE_URL:
                return await asyncio.to_thread(self._route_http, text, user_id)
            return await asyncio.to_thread(self._route_local, text)
        except (urllib.error.URLError, OSError, ValueError, ImportError) as err:
            log.error("PsyLite filter: router unavailable (%s)", err)
            return None

    # ------------------------------------------------------------------ filter hooks
    async def inlet(
        self, body: dict[str, Any], user: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        messages = body.get("messages") or []
        last = next((m for m in reversed(messages) if m.get("role") == "user"), None)
        if last is None:
            return body
        text = _text_of(last.get("content")).strip()
        if not text:
            return body
        key = _conversation_key(body, user)
        self._fixed.pop(key, None)
        verdict = await self.route(text, (user or {}).get("id"))
        if verdict is None:
            if not self.valves.FAIL_CLOSED:
                return body
            verdict = {"route": "crisis", "text": _fallback_resources()}
        if verdict.get("route") in FIXED_ROUTES and verdict.get("text"):
            fixed = str(verdict["text"])
            self._fixed[key] = fixed
            # The model only has to echo the fixed text; the outlet enforces it verbatim.
            body["messages"] = [
                {"role": "system", "content": REPEAT_INSTRUCTION},
                {"role": "user", "content": fixed},
            ]
        return body

    async def outlet(
        self, body: dict[str, Any], user: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        fixed = self._fixed.pop(_conversation_key(body, user), None)
        if fixed is None:
            return body
        for message in reversed(body.get("messages") or []):
            if message.get("role") == "assistant":
                message["content"] = fixed
                break
        return body


_ROUTER: Any = None


def _local_router(router_cls: Any) -> Any:
    global _ROUTER
    if _ROUTER is None:
        _ROUTER = router_cls.default()
    return _ROUTER


def _fallback_resources() -> str:
    return (
        "如果你现在有伤害自己的危险，请马上拨打急救电话或 12356 心理援助热线。\n"
        "If you might hurt yourself, please call your local emergency number now."
    )
