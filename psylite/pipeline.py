"""One async function for one message: Turn in, Reply out.

Everything that talks to people — the Telegram bot, the console chat, the
OpenAI-compatible endpoint, the evaluation harness — goes through `Pipeline.handle`.
The order is fixed: claim the update (idempotency) → route (deterministic, no LLM)
→ answer by route → output guard → store. A crisis is escalated (committed, or
journalled when the database is down) *before* its fixed reply is returned, and
never touches the LLM.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
import uuid
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager, nullcontext
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from psylite import metrics
from psylite.errors import LLMError, StoreError
from psylite.llm.base import ChatMessage, GenOptions, LLMBackend
from psylite.prompts import check_in_instruction, system_prompt
from psylite.safety import ConversationState, Decision, Route, Router, crisis_reply, guard_output
from psylite.safety import refusal_reply as _refusal_reply
from psylite.safety.replies import check_in_line
from psylite.safety.router import CALM_AFTER_S
from psylite.settings import Settings

if TYPE_CHECKING:
    from psylite.humor import HumorSelector
    from psylite.journal import EscalationJournal
    from psylite.store import Store

log = logging.getLogger(__name__)

TokenSink = Callable[[str], Awaitable[None]]
# A generation slot (e.g. the bot's global LLM queue), taken only when the LLM is needed,
# so crisis and refusal replies never wait behind other people's generations.
LLMSlot = Callable[[], AbstractAsyncContextManager[object]]

# Where a streamed reply may be shown: the guard checks everything up to such a point first.
_BOUNDARY = re.compile(r"[。！？!?；;\n]|[.](?:\s|$)")


@dataclass(frozen=True)
class Turn:
    """One incoming user message."""

    chat_id: int
    text: str
    lang: str | None = None  # "zh" | "en" (the user's choice); None = follow the text
    update_id: int | None = None  # Telegram update id, for idempotency
    channel: str = "telegram"
    consented: bool = True  # before consent only the crisis path runs


@dataclass
class Reply:
    """What the pipeline decided and said."""

    route: str
    text: str
    risk: float = 0.0
    reasons: list[str] = field(default_factory=list)
    lang: str = "zh"
    snippet_id: str | None = None
    escalation_id: int | None = None
    journalled: bool = False  # the escalation went to the local journal (database down)
    llm_error: str | None = None  # the LLM failed and a fallback was sent
    checked_in: bool = False  # possible risk: a safety question asked, hotlines appended
    guarded: bool = False  # the output guard replaced the LLM's text
    duplicate: bool = False  # the update was already handled (idempotency)
    needs_consent: bool = False  # not crisis and no consent yet: nothing was answered
    latency_s: float = 0.0


LLM_DOWN = {
    "zh": "抱歉，我这边暂时出了点问题，没能好好回复你。你的话我听到了。"
    "如果你现在很难受或有危险，请发送 /resources 查看可以立刻联系的求助热线。",
    "en": "I'm sorry — something went wrong on my side and I couldn't answer properly. "
    "I did read what you wrote. If you are struggling or in danger right now, "
    "send /resources for helplines you can reach immediately.",
}

# A crisis must not wait long on a slow database: past this, the escalation is journalled.
CRISIS_STORE_TIMEOUT_S = 5.0
# Reads before routing are short; after a failure the store is skipped for a while.
STORE_READ_TIMEOUT_S = 1.5
STORE_WRITE_TIMEOUT_S = 5.0
STORE_BACKOFF_S = 10.0
#: counsel turns at or above this risk (the router saw possible, not clear, risk) get a
#: safety question from the LLM and a fixed line with hotlines
CHECK_IN_RISK = 0.5
# A busy (not hung) database is waited for this long before a write is given up.
STORE_MAX_WAIT_S = 60.0
# Turns the store could not take (slow disk, database down) are held in memory, per chat
# and in order, and written later; past this many held rows the oldest are dropped (logged).
MAX_HELD_ROWS = 20_000
# How often held turns are retried while the store is failing.
HELD_RETRY_S = 2.0

T = TypeVar("T")


class Pipeline:
    """Composes router, LLM, store and humor; built by `psylite.services.build_services`."""

    def __init__(
        self,
        settings: Settings,
        llm: LLMBackend,
        *,
        router: Router,
        store: Store,
        journal: EscalationJournal,
        humor: HumorSelector | None = None,
    ) -> None:
        self.settings = settings
        self.llm = llm
        self.router = router
        self.store = store
        self.journal = journal
        self.humor = humor
        # Per-chat locks keep one chat's turns in order within this process.
        self._locks: dict[int, asyncio.Lock] = {}
        self._store_down_until = 0.0
        self._store_ok_at = 0.0  # when a store call last completed (progress, not liveness)
        # Message rows not yet written, per chat, oldest first (see `_record`).
        self._held: dict[int, list[dict[str, Any]]] = {}
        self._flusher: asyncio.Task[None] | None = None
        # Routing memory the store did not take: newer than the database's copy, so it is
        # used instead of it until a save succeeds (a crisis must stay sticky meanwhile).
        self._unsaved_state: dict[int, dict[str, Any]] = {}
        self.clock: Callable[[], float] = time.time  # wall clock for the routing memory

    async def reset(self, chat_id: int) -> None:
        """Start a new conversation for this chat (history and routing memory)."""
        await self.store.reset_conversation(chat_id=chat_id)
        state, _ = await self._load_state(chat_id)
        # Safety memory survives /reset: a user in crisis cannot clear it by starting over.
        fresh = ConversationState(
            risk=state.risk,
            crisis_turns_left=state.crisis_turns_left,
            humor_off_turns_left=state.humor_off_turns_left,
            crises=state.crises,
            last_at=state.last_at,
        )
        await self._save_state(chat_id, fresh, humor_state=None)

    async def handle(
        self, turn: Turn, on_token: TokenSink | None = None, *, llm_slot: LLMSlot | None = None
    ) -> Reply:
        """Route the message and produce the reply; LLM tokens stream to `on_token`."""
        started = time.perf_counter()
        lock = self._locks.setdefault(turn.chat_id, asyncio.Lock())
        async with lock:
            reply = await self._handle(turn, on_token, llm_slot)
        reply.latency_s = time.perf_counter() - started
        if not reply.duplicate and not reply.needs_consent:
            metrics.record_turn(reply.route, reply.latency_s)
        return reply

    async def _handle(
        self, turn: Turn, on_token: TokenSink | None, llm_slot: LLMSlot | None
    ) -> Reply:
        if turn.update_id is not None and not await self._claim(turn.update_id):
            return Reply(route="duplicate", text="", duplicate=True)
        user = await self._user(turn)
        humor_allowed = self.settings.humor_enabled and (user is None or user.humor_enabled)
        state, humor_state = await self._load_state(turn.chat_id)
        now = self.clock()
        if state.settle(now, CALM_AFTER_S):
            log.info("chat %s: a day's quiet closed the crisis window", turn.chat_id)
        state.last_at = now
        decision = await self.router.route_async(
            turn.text, state=state, humor_allowed=humor_allowed
        )
        lang = turn.lang or (user.language if user and user.language else None) or decision.lang
        if decision.route is Route.CRISIS:
            reply = await self._crisis(turn, decision, lang)
        elif not turn.consented:
            # Nothing but the crisis path runs before consent; nothing is stored either.
            await self._save_state(turn.chat_id, state, humor_state)
            return Reply(
                route=str(decision.route),
                text="",
                risk=decision.risk,
                reasons=list(decision.reasons),
                lang=lang,
                needs_consent=True,
            )
        elif decision.route is Route.REFUSE:
            reply = self._reply(decision, lang, _refusal_reply(lang))
        else:
            reply = await self._counsel(turn, decision, lang, state, on_token, llm_slot)
        humor_state = self.humor.export_state(turn.chat_id) if self.humor else humor_state
        await self._save_state(turn.chat_id, state, humor_state)
        await self._record(turn, reply)
        return reply

    # --- crisis ------------------------------------------------------------------------------

    async def _crisis(self, turn: Turn, decision: Decision, lang: str) -> Reply:
        reply = self._reply(decision, lang, crisis_reply(lang))
        record = {
            "journal_id": uuid.uuid4().hex,
            "chat_id": turn.chat_id,
            "risk": decision.risk,
            "reasons": list(decision.reasons),
            "excerpt": turn.text[:1000],
            "update_id": turn.update_id,
            "at": time.time(),
        }
        try:
            if time.monotonic() < self._store_down_until:
                raise StoreError("the database failed moments ago")
            esc = await asyncio.wait_for(self._write_escalation(record), CRISIS_STORE_TIMEOUT_S)
            reply.escalation_id = esc
        except (StoreError, TimeoutError, OSError) as err:
            log.error("escalation not stored (%s); writing it to the local journal", err)
            self._store_down_until = time.monotonic() + STORE_BACKOFF_S
            metrics.record_error("escalation_journalled")
            await self.journal.append(record)
            reply.journalled = True
        return reply

    async def _write_escalation(self, record: dict[str, Any]) -> int:
        esc = await self.store.create_escalation(
            chat_id=int(record["chat_id"]),
            risk=float(record["risk"]),
            reasons=list(record["reasons"]),
            excerpt=record.get("excerpt"),
            admin_chat_ids=self.settings.admin_chat_ids,
            update_id=record.get("update_id"),
            journal_id=record.get("journal_id"),
        )
        return esc.id

    async def replay_journal(self) -> int:
        """Move journalled escalations into the database; returns how many went in."""

        async def write(record: dict[str, Any]) -> None:
            await self._write_escalation(record)

        return await self.journal.replay(write)

    # --- counsel and humor ---------------------------------------------------------------

    async def _counsel(
        self,
        turn: Turn,
        decision: Decision,
        lang: str,
        state: ConversationState,
        on_token: TokenSink | None,
        llm_slot: LLMSlot | None,
    ) -> Reply:
        snippet = None
        if decision.route is Route.HUMOR and self.humor is not None:
            snippet = self.humor.pick(
                chat_id=turn.chat_id, text=turn.text, lang=lang, turn_no=state.turns
            )
        system = system_prompt(lang)
        check_in = decision.risk >= CHECK_IN_RISK and decision.route is Route.COUNSEL
        if check_in:
            system += "\n\n" + check_in_instruction(lang)
        if snippet is not None:
            from psylite.humor import weave_instruction

            system += "\n\n" + weave_instruction(snippet, lang)
        messages = [ChatMessage(role="system", content=system)]
        messages += await self._history(turn.chat_id)
        messages.append(ChatMessage(role="user", content=turn.text))
        reply = self._reply(decision, lang, "")
        try:
            async with llm_slot() if llm_slot is not None else nullcontext():
                text, guarded = await self._generate(messages, decision, on_token)
        except LLMError as err:
            log.warning("LLM failed for a %s turn: %s", decision.route, err)
            metrics.record_error("llm")
            reply.llm_error = str(err)
            text, guarded = LLM_DOWN[lang if lang in LLM_DOWN else "en"], False
        reply.guarded = guarded
        # No joke after an apology that points to hotlines, nor after a guarded reply.
        if snippet is not None and not guarded and not reply.llm_error:
            from psylite.humor import append_snippet, llm_used_snippet

            if not llm_used_snippet(text, snippet):
                text = append_snippet(text, snippet, lang)
            reply.snippet_id = snippet.id
        if check_in and not guarded:
            # The router's misses cluster in this band: hotlines one line away, always.
            tail = check_in_line(lang)
            text = f"{text}\n\n{tail}" if text else tail
            if on_token is not None and not reply.llm_error:
                await on_token(f"\n\n{tail}")
            reply.checked_in = True
        reply.text = text
        return reply

    async def _generate(
        self, messages: list[ChatMessage], decision: Decision, on_token: TokenSink | None
    ) -> tuple[str, bool]:
        """Stream the LLM's reply through the output guard, sentence by sentence.

        Text reaches `on_token` only after the guard has passed everything up to a
        sentence boundary, so an unsafe sentence is never shown, not even briefly.
        """
        options = GenOptions.from_settings(self.settings)
        text = ""
        shown = 0
        started = time.perf_counter()
        first: float | None = None
        pieces = 0
        async for piece in self.llm.stream(messages, options):
            if first is None:
                first = time.perf_counter() - started
            pieces += 1
            text += piece
            if shown == 0:
                text = text.lstrip()
            cut = _last_boundary(text)
            if cut > shown:
                verdict = guard_output(text[:cut], decision)
                if verdict.blocked:
                    log.warning("output guard blocked an LLM reply: %s", ", ".join(verdict.reasons))
                    return verdict.text, True
                if on_token is not None:
                    await on_token(text[shown:cut])
                shown = cut
        metrics.record_llm(
            self.llm.name,
            first_token_s=first or 0.0,
            tokens=pieces,
            total_s=time.perf_counter() - started,
        )
        # What was shown stays a prefix of the final text, so a UI can append the rest.
        text = text[:shown] + text[shown:].rstrip()
        verdict = guard_output(text, decision)
        if verdict.blocked:
            log.warning("output guard blocked an LLM reply: %s", ", ".join(verdict.reasons))
            return verdict.text, True
        if on_token is not None and len(text) > shown:
            await on_token(text[shown:])
        return text, False

    # --- store helpers (a database failure never stops a reply) --------------------------

    @staticmethod
    def _reply(decision: Decision, lang: str, text: str) -> Reply:
        return Reply(
            route=str(decision.route),
            text=text,
            risk=decision.risk,
            reasons=list(decision.reasons),
            lang=lang,
        )

    async def _store(self, what: str, call: Awaitable[T], default: T, limit_s: float) -> T:
        """Await a store call; on failure return `default` and, for a while, skip the store
        altogether so a hung database costs one timeout, not five.

        A busy database is not a dead one: past `limit_s` the call keeps waiting (up to
        STORE_MAX_WAIT_S) as long as other store calls are completing meanwhile; only a
        database that has made no progress at all is declared down.
        """
        if time.monotonic() < self._store_down_until:
            call.close()  # type: ignore[attr-defined]
            return default
        task = asyncio.ensure_future(call)
        started = time.monotonic()
        while True:
            try:
                result = await asyncio.wait_for(asyncio.shield(task), limit_s)
            except TimeoutError:
                now = time.monotonic()
                progressing = now - self._store_ok_at < limit_s
                if progressing and now - started < STORE_MAX_WAIT_S:
                    continue
                task.cancel()
                log.error("store unavailable (%s): no progress for %.1f s", what, limit_s)
            except StoreError as err:
                log.error("store unavailable (%s): %s", what, err)
            else:
                self._store_ok_at = time.monotonic()
                return result
            self._store_down_until = time.monotonic() + STORE_BACKOFF_S
            return default

    async def _claim(self, update_id: int) -> bool:
        # On failure: better to risk answering twice than to drop a message (maybe a crisis).
        claim = self.store.claim_update(update_id=update_id)
        return await self._store("claim update", claim, True, STORE_READ_TIMEOUT_S)

    async def _user(self, turn: Turn) -> Any:
        lookup = self.store.get_or_create_user(chat_id=turn.chat_id, language=turn.lang)
        return await self._store("user lookup", lookup, None, STORE_READ_TIMEOUT_S)

    async def _load_state(self, chat_id: int) -> tuple[ConversationState, object]:
        """The router's state and the humor selector's memory (stored together)."""
        data = self._unsaved_state.get(chat_id)
        if data is None:
            data = await self._store(
                "state load", self.store.get_state(chat_id=chat_id), None, STORE_READ_TIMEOUT_S
            )
        humor_state = (data or {}).get("humor")
        if self.humor is not None:
            self.humor.load_state(chat_id, humor_state)
        return ConversationState.from_dict(data), humor_state

    async def _save_state(
        self, chat_id: int, state: ConversationState, humor_state: object
    ) -> None:
        data: dict[str, Any] = state.to_dict()
        if humor_state is not None:
            data["humor"] = humor_state
        if not await self._write_state(chat_id, data):
            self._unsaved_state[chat_id] = data
            self._flush_soon()

    async def _write_state(self, chat_id: int, data: dict[str, Any]) -> bool:
        """Save the routing memory; True when stored (it is then no longer held)."""
        save = self.store.save_state(chat_id=chat_id, state=data)
        if await self._store("state save", save, None, STORE_WRITE_TIMEOUT_S) is None:
            return False
        self._unsaved_state.pop(chat_id, None)
        return True

    async def _history(self, chat_id: int) -> list[ChatMessage]:
        rows = await self._store(
            "history",
            self.store.recent_messages(chat_id=chat_id, limit=2 * self.settings.history_turns),
            [],
            STORE_READ_TIMEOUT_S,
        )
        return [
            ChatMessage(role=r.role, content=r.text)
            for r in rows
            if r.role in ("user", "assistant") and r.text
        ]

    async def _record(self, turn: Turn, reply: Reply) -> None:
        """Store the user's turn and the reply. A store that is slow or down does not lose
        them: they wait in `_held` (in order, behind any earlier held turn of the chat) and
        are written before the chat's next turn or by the background flush."""
        held = self._held.setdefault(turn.chat_id, [])
        for role, text in (("user", turn.text), ("assistant", reply.text)):
            held.append(
                {
                    "chat_id": turn.chat_id,
                    "role": role,
                    "text": text,
                    "route": reply.route,
                    "risk": reply.risk,
                    "update_id": turn.update_id,
                }
            )
        if not await self._write_held(turn.chat_id):
            self._drop_oldest_held()
            self._flush_soon()

    def _flush_soon(self) -> None:
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._flush_later(), name="psylite-held")

    async def _write_held(self, chat_id: int) -> bool:
        """Write the chat's held rows in order; False if the store failed (rows kept)."""
        held = self._held.get(chat_id, [])
        while held:
            write = self.store.add_message(**held[0])  # idempotent per (update_id, role)
            if await self._store("messages", write, None, STORE_WRITE_TIMEOUT_S) is None:
                return False
            held.pop(0)
        self._held.pop(chat_id, None)
        return True

    def _drop_oldest_held(self) -> None:
        """Keep memory bounded: drop the oldest held rows of chats not being written now."""
        total = self.held_rows
        for chat_id in list(self._held):
            if total <= MAX_HELD_ROWS:
                return
            lock = self._locks.get(chat_id)
            if lock is not None and lock.locked():
                continue  # its rows may be mid-write
            rows = self._held.pop(chat_id)
            drop = min(len(rows), total - MAX_HELD_ROWS)
            del rows[:drop]
            if rows:
                self._held[chat_id] = rows
            total -= drop
            metrics.record_error("turn_not_stored")
            log.error(
                "chat %s: %d held message row(s) dropped (over %d held)",
                chat_id,
                drop,
                MAX_HELD_ROWS,
            )

    @property
    def held_rows(self) -> int:
        """Message rows waiting for the store."""
        return sum(map(len, self._held.values()))

    async def flush_held(self) -> int:
        """Write held turns and unsaved routing memory, chat by chat under the chat's lock;
        returns the message rows written. Stops at the first failure (still down)."""
        before = self.held_rows
        for chat_id in list(self._held.keys() | self._unsaved_state.keys()):
            async with self._locks.setdefault(chat_id, asyncio.Lock()):
                data = self._unsaved_state.get(chat_id)
                if data is not None and not await self._write_state(chat_id, data):
                    break
                if not await self._write_held(chat_id):
                    break
        return before - self.held_rows

    async def close(self) -> None:
        """Stop the background flush and make a last attempt at the held turns."""
        if self._flusher is not None:
            self._flusher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._flusher
            self._flusher = None
        if self.held_rows or self._unsaved_state:
            await self.flush_held()
        if self.held_rows:
            log.error("%d message row(s) could not be stored before shutdown", self.held_rows)

    async def _flush_later(self) -> None:
        while self.held_rows or self._unsaved_state:
            wait = max(HELD_RETRY_S, self._store_down_until - time.monotonic())
            await asyncio.sleep(wait)
            await self.flush_held()
        log.info("held turns and routing memory written to the store")


def _last_boundary(text: str) -> int:
    """Index just past the last sentence boundary in `text` (0 if none)."""
    end = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
    return end
