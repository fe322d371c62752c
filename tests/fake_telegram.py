"""A fake Telegram Bot API server (aiohttp) that records every call the bot makes.

It speaks the real wire format that python-telegram-bot uses (form fields, one JSON value per
field, `{"ok": ..., "result": ...}` answers), so the real `Application` runs against it
unchanged. Tests feed updates with `push_*` (built by the small factories below), wait for the
bot's calls with `wait_for`, and can make the next calls fail with 429 or 403 on demand.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

BOT_ID = 123456
BOT_USERNAME = "psylite_test_bot"
TOKEN = f"{BOT_ID}:TEST-TOKEN"

# Fields whose form values are JSON (PTB sends string parameters raw, everything else JSON).
_JSON_FIELDS = {
    "chat_id",
    "message_id",
    "offset",
    "timeout",
    "limit",
    "reply_markup",
    "commands",
    "scope",
    "allowed_updates",
    "show_alert",
    "cache_time",
    "drop_pending_updates",
    "max_connections",
    "link_preview_options",
    "reply_parameters",
    "disable_notification",
    "protect_content",
    "entities",
    "user_id",
}


@dataclass
class Call:
    """One Bot API request the bot made."""

    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)

    @property
    def chat_id(self) -> int | None:
        value = self.params.get("chat_id")
        return int(value) if value is not None else None

    @property
    def text(self) -> str:
        return str(self.params.get("text", ""))

    def buttons(self) -> list[tuple[str, str]]:
        """(label, callback_data) of every inline button in the call's reply markup."""
        markup = self.params.get("reply_markup") or {}
        return [
            (b.get("text", ""), b.get("callback_data", ""))
            for row in markup.get("inline_keyboard", [])
            for b in row
        ]


class FakeBotAPI:
    """The fake server; use `async with FakeBotAPI() as api:` and `api.base_url`."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1000)
        self._message_ids = itertools.count(1)
        self._new_update = asyncio.Condition()
        self._new_call = asyncio.Condition()
        # method -> queue of canned failures: (http status, description, retry_after or None)
        self._failures: dict[str, list[tuple[int, str, int | None]]] = {}
        self.blocked_chats: set[int] = set()
        self.webhook_url = ""
        self.messages: dict[tuple[int, int], str] = {}  # (chat, message id) -> current text
        self._runner: web.AppRunner | None = None
        self.port = 0

    # ---- lifecycle ----
    async def __aenter__(self) -> FakeBotAPI:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def root_url(self) -> str:
        """Like a self-hosted Bot API server's address (PSYLITE_TELEGRAM_BASE_URL)."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        return self.root_url + "/bot"

    # ---- failure injection ----
    def fail_next(
        self,
        method: str,
        *,
        status: int,
        description: str,
        retry_after: int | None = None,
        times: int = 1,
    ) -> None:
        """Make the next `times` calls of `method` fail (e.g. 429 with retry_after)."""
        self._failures.setdefault(method, []).extend([(status, description, retry_after)] * times)

    def block(self, chat_id: int) -> None:
        """Every send to this chat answers 403 'bot was blocked by the user'."""
        self.blocked_chats.add(chat_id)

    # ---- update factories ----
    def next_update_id(self) -> int:
        return next(self._update_ids)

    @staticmethod
    def user(user_id: int, *, lang: str = "en", first_name: str = "Alex") -> dict[str, Any]:
        return {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": lang}

    @staticmethod
    def chat(chat_id: int, chat_type: str = "private") -> dict[str, Any]:
        if chat_type == "private":
            return {"id": chat_id, "type": "private", "first_name": "Alex"}
        return {"id": chat_id, "type": chat_type, "title": "Some group"}

    def message(
        self,
        chat_id: int,
        text: str | None = None,
        *,
        user_id: int | None = None,
        lang: str = "en",
        chat_type: str = "private",
        extra: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        msg: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": self.chat(chat_id, chat_type),
            "from": self.user(user_id or chat_id, lang=lang),
        }
        if text is not None:
            msg["text"] = text
            if text.startswith("/"):
                command = text.split()[0]
                msg["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        msg.update(extra or {})
        return msg

    def push(self, update: dict[str, Any]) -> int:
        """Queue a raw update for getUpdates; returns its update_id."""
        update.setdefault("update_id", self.next_update_id())
        self._updates.append(update)
        asyncio.get_running_loop().create_task(self._notify_update())
        return int(update["update_id"])

    def push_text(self, chat_id: int, text: str, **kw: Any) -> int:
        return self.push({"message": self.message(chat_id, text, **kw)})

    def push_sticker(self, chat_id: int) -> int:
        sticker = {
            "file_id": "CAAC",
            "file_unique_id": "AgAD",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
        }
        return self.push({"message": self.message(chat_id, extra={"sticker": sticker})})

    def push_voice(self, chat_id: int) -> int:
        voice = {"file_id": "AwAD", "file_unique_id": "AgAE", "duration": 3}
        return self.push({"message": self.message(chat_id, extra={"voice": voice})})

    def push_callback(self, call: Call, data: str, *, from_id: int | None = None) -> int:
        """Press the inline button with `data` on the message the bot sent in `call`."""
        chat_id = call.chat_id or 0
        message_id = call.params.get("_message_id") or 1
        message = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": self.chat(chat_id),
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "PsyLite"},
            "text": call.text,
        }
        return self.push(
            {
                "callback_query": {
                    "id": str(self.next_update_id()),
                    "from": self.user(from_id or chat_id),
                    "chat_instance": "ci",
                    "message": message,
                    "data": data,
                }
            }
        )

    # ---- observing the bot ----
    def sent(self, chat_id: int | None = None, method: str | None = None) -> list[Call]:
        return [
            c
            for c in self.calls
            if (method is None or c.method == method) and (chat_id is None or c.chat_id == chat_id)
        ]

    def texts(self, chat_id: int) -> list[str]:
        """Current text of each message the bot sent to `chat_id`, edits applied, in order."""
        return [t for (c, _), t in self.messages.items() if c == chat_id]

    async def wait_for(self, predicate: Callable[[], Any], within: float = 5.0) -> Any:
        """Wait until `predicate()` is truthy (checked after every call); return its value."""
        deadline = time.monotonic() + within
        async with self._new_call:
            while True:
                value = predicate()
                if value:
                    return value
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(
                        "timed out; calls were: "
                        + "; ".join(
                            f"{c.method}({c.params.get('chat_id')}: {c.text[:60]!r})"
                            for c in self.calls
                        )
                    )
                try:
                    await asyncio.wait_for(self._new_call.wait(), left)
                except TimeoutError:
                    pass

    async def wait_for_message(self, chat_id: int, contains: str = "", within: float = 5.0) -> Call:
        """The first sendMessage to `chat_id` whose text contains `contains`."""

        def find() -> Call | None:
            for c in self.sent(chat_id, "sendMessage"):
                if contains in c.text:
                    return c
            return None

        return await self.wait_for(find, within)

    # ---- server ----
    async def _notify_update(self) -> None:
        async with self._new_update:
            self._new_update.notify_all()

    async def _params(self, request: web.Request) -> dict[str, Any]:
        params: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            params.update(await request.json())
            return params
        form = await request.post()
        for key, value in form.items():
            if not isinstance(value, str):
                continue
            if key in _JSON_FIELDS:
                try:
                    params[key] = json.loads(value)
                    continue
                except ValueError:
                    pass
            params[key] = value
        return params

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await self._params(request)
        call = Call(method=method, params=params)
        if method != "getUpdates":
            self.calls.append(call)
        try:
            failures = self._failures.get(method)
            if failures:
                status, description, retry_after = failures.pop(0)
                return self._error(status, description, retry_after)
            if call.chat_id in self.blocked_chats and method.startswith(("send", "edit")):
                return self._error(403, "Forbidden: bot was blocked by the user", None)
            handler = getattr(self, "_m_" + method, None)
            result = await handler(call) if handler else True
            return web.json_response({"ok": True, "result": result})
        finally:
            async with self._new_call:
                self._new_call.notify_all()

    @staticmethod
    def _error(status: int, description: str, retry_after: int | None) -> web.Response:
        body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
        if retry_after is not None:
            body["parameters"] = {"retry_after": retry_after}
        return web.json_response(body, status=status)

    async def _m_getMe(self, call: Call) -> dict[str, Any]:
        return {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "PsyLite",
            "username": BOT_USERNAME,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    async def _m_getUpdates(self, call: Call) -> list[dict[str, Any]]:
        offset = int(call.params.get("offset") or 0)
        timeout = float(call.params.get("timeout") or 0)
        # Updates below the offset are confirmed: drop them, as Telegram does.
        self._updates = [u for u in self._updates if u["update_id"] >= offset]
        if not self._updates and timeout > 0:
            async with self._new_update:
                try:
                    await asyncio.wait_for(self._new_update.wait(), min(timeout, 2.0))
                except TimeoutError:
                    pass
        return list(self._updates[:100])

    def _bot_message(self, call: Call, text: str) -> dict[str, Any]:
        chat_id = call.chat_id or 0
        message_id = int(call.params.get("message_id") or next(self._message_ids))
        call.params["_message_id"] = message_id
        self.messages[(chat_id, message_id)] = text
        return {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": self.chat(chat_id),
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "PsyLite"},
            "text": text,
        }

    async def _m_sendMessage(self, call: Call) -> dict[str, Any]:
        return self._bot_message(call, call.text)

    async def _m_editMessageText(self, call: Call) -> dict[str, Any]:
        return self._bot_message(call, call.text)

    async def _m_editMessageReplyMarkup(self, call: Call) -> dict[str, Any]:
        key = (call.chat_id or 0, int(call.params.get("message_id") or 0))
        return self._bot_message(call, self.messages.get(key, ""))

    async def _m_setWebhook(self, call: Call) -> bool:
        self.webhook_url = str(call.params.get("url", ""))
        return True

    async def _m_deleteWebhook(self, call: Call) -> bool:
        self.webhook_url = ""
        return True

    async def _m_getWebhookInfo(self, call: Call) -> dict[str, Any]:
        return {"url": self.webhook_url, "has_custom_certificate": False, "pending_update_count": 0}

    async def _m_getMyCommands(self, call: Call) -> list[dict[str, Any]]:
        return []
