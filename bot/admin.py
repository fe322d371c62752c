"""Admin workflow on Telegram: escalation notifications (via the store's outbox) with
Acknowledge / Resolve buttons, /queue /ack /resolve, audit of every action, reminders.

Admins are the chats (or users) listed in PSYLITE_ADMIN_CHAT_IDS; anyone else gets a polite
refusal and the attempt is audited. The outbox makes delivery at-least-once and survives
restarts; a notification never carries more of the user's words than the redacted excerpt
the store kept.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import Forbidden
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.i18n import t

if TYPE_CHECKING:
    from bot.context import CustomContext

log = logging.getLogger(__name__)

ACK = "esc:ack:"
RESOLVE = "esc:resolve:"


class PermanentDeliveryError(Exception):
    """The admin chat cannot be reached (blocked the bot, chat gone): do not retry."""


def is_admin(update: Update, admin_ids: list[int]) -> bool:
    """An admin chat, or an admin user (e.g. pressing a button in an admin group)."""
    ids = set(admin_ids)
    chat = update.effective_chat
    user = update.effective_user
    return bool((chat and chat.id in ids) or (user and user.id in ids))


def actor(update: Update) -> str:
    user = update.effective_user
    return f"telegram:{user.id}" if user else "telegram:unknown"


def escalation_keyboard(escalation_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("✅ Acknowledge", callback_data=f"{ACK}{escalation_id}"),
                InlineKeyboardButton("☑️ Resolve", callback_data=f"{RESOLVE}{escalation_id}"),
            ]
        ]
    )


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def notification_text(escalation: Any, *, reminder: bool = False) -> str:
    """Plain text of an escalation notice: id, risk, reasons, age, redacted excerpt."""
    eid = _get(escalation, "id") or _get(escalation, "escalation_id")
    risk = float(_get(escalation, "risk", 0.0) or 0.0)
    reasons = ", ".join(_get(escalation, "reasons", []) or []) or "—"
    excerpt = _get(escalation, "excerpt")
    head = "⏰ REMINDER — still not acknowledged" if reminder else "🚨 New escalation"
    lines = [f"{head} #{eid}", f"risk: {risk:.2f}", f"reasons: {reasons}"]
    created = _get(escalation, "created_at")
    if isinstance(created, datetime):
        minutes = int((datetime.now(UTC) - created).total_seconds() // 60)
        lines.append(f"opened: {minutes} min ago")
    if excerpt:
        lines.append(f"excerpt: “{excerpt}”")
    lines.append(f"/ack {eid} · /resolve {eid} NOTE")
    return "\n".join(lines)


# ---------------------------------------------------------------- outbox delivery


def make_deliver(application: Application) -> Any:  # type: ignore[type-arg]
    """The outbox worker's deliver function: send one notification job to one admin."""
    bot = application.bot

    async def deliver(job: Any) -> None:
        payload = dict(_get(job, "payload", {}) or {})
        escalation_id = _get(job, "escalation_id") or payload.get("escalation_id")
        payload.setdefault("id", escalation_id)
        text = notification_text(
            payload,
            reminder=payload.get("reminder", False) or _get(job, "kind") == "escalation_reminder",
        )
        try:
            await bot.send_message(
                _get(job, "target_chat_id"),
                text,
                reply_markup=escalation_keyboard(int(escalation_id)),
            )
        except Forbidden as err:
            # An admin who blocked the bot is skipped rather than retried forever.
            raise PermanentDeliveryError(str(err)) from err

    return deliver


# ---------------------------------------------------------------- commands and buttons


async def _refuse(update: Update, context: CustomContext, what: str) -> None:
    store = context.services.store  # type: ignore[attr-defined]
    await store.audit(actor=actor(update), action="admin_denied", target=what, detail=None)
    chat = update.effective_chat
    if update.callback_query is not None:
        await update.callback_query.answer(t("en", "not_admin"), show_alert=True)
    elif chat is not None:
        await context.bot.send_message(chat.id, t("zh", "not_admin") + "\n" + t("en", "not_admin"))


async def queue_cmd(update: Update, context: CustomContext) -> None:
    """/queue: open escalations, highest risk and oldest first."""
    if not is_admin(update, context.settings.admin_chat_ids):
        await _refuse(update, context, "queue")
        return
    store = context.services.store  # type: ignore[attr-defined]
    items = await store.open_escalations()
    await store.audit(
        actor=actor(update),
        action="queue_viewed",
        target="escalations",
        detail={"count": len(items)},
    )
    assert update.effective_chat is not None
    if not items:
        await context.bot.send_message(update.effective_chat.id, "No open escalations.")
        return
    lines = [f"Open escalations ({len(items)}):"]
    for e in items[:30]:
        acked = "acknowledged" if _get(e, "acknowledged_at") else "NOT acknowledged"
        lines.append(
            f"#{_get(e, 'id')} risk {float(_get(e, 'risk', 0)):.2f} · {_get(e, 'status')} · {acked}"
        )
    await context.bot.send_message(update.effective_chat.id, "\n".join(lines))


async def _act(
    update: Update, context: CustomContext, action: str, escalation_id: int, note: str | None
) -> str:
    store = context.services.store  # type: ignore[attr-defined]
    who = actor(update)
    if action == "ack":
        changed = await store.acknowledge_escalation(escalation_id=escalation_id, actor=who)
    else:
        changed = await store.resolve_escalation(escalation_id=escalation_id, actor=who, note=note)
    if changed is None:
        return f"Escalation #{escalation_id} not found."
    verb = "acknowledged" if action == "ack" else "resolved"
    log.info("escalation %s %s by %s", escalation_id, verb, who)
    return f"Escalation #{escalation_id} {verb} by {who}."


async def ack_cmd(update: Update, context: CustomContext) -> None:
    """/ack ID."""
    await _command_action(update, context, "ack")


async def resolve_cmd(update: Update, context: CustomContext) -> None:
    """/resolve ID NOTE."""
    await _command_action(update, context, "resolve")


async def _command_action(update: Update, context: CustomContext, action: str) -> None:
    if not is_admin(update, context.settings.admin_chat_ids):
        await _refuse(update, context, action)
        return
    assert update.effective_chat is not None
    args = context.args or []
    if not args or not args[0].lstrip("#").isdigit():
        usage = "/ack ID" if action == "ack" else "/resolve ID NOTE"
        await context.bot.send_message(update.effective_chat.id, f"Usage: {usage}")
        return
    note = " ".join(args[1:]) or None
    text = await _act(update, context, action, int(args[0].lstrip("#")), note)
    await context.bot.send_message(update.effective_chat.id, text)


async def on_button(update: Update, context: CustomContext) -> None:
    """Acknowledge / Resolve pressed on a notification."""
    query = update.callback_query
    assert query is not None and query.data is not None
    if not is_admin(update, context.settings.admin_chat_ids):
        await _refuse(update, context, query.data)
        return
    action = "ack" if query.data.startswith(ACK) else "resolve"
    escalation_id = int(query.data.rsplit(":", 1)[1])
    text = await _act(update, context, action, escalation_id, None)
    await query.answer(text)
    if action == "resolve":
        with contextlib.suppress(Exception):  # the message may be too old to edit
            await query.edit_message_reply_markup(reply_markup=None)
    if update.effective_chat is not None:
        await context.bot.send_message(update.effective_chat.id, text)


def register(application: Application) -> None:  # type: ignore[type-arg]
    """Admin handlers; added before the user handlers."""
    application.add_handler(CommandHandler("queue", queue_cmd))
    application.add_handler(CommandHandler("ack", ack_cmd))
    application.add_handler(CommandHandler("resolve", resolve_cmd))
    application.add_handler(CallbackQueryHandler(on_button, pattern=r"^esc:(ack|resolve):\d+$"))


# ---------------------------------------------------------------- background tasks


async def _reminder_loop(application: Application) -> None:  # type: ignore[type-arg]
    """Re-notify open escalations nobody acknowledged within the configured time."""
    services = application.bot_data.services
    settings = services.settings
    after = timedelta(minutes=settings.escalation_renotify_minutes)
    period = max(0.2, min(60.0, after.total_seconds() / 4))
    while True:
        try:
            count = await services.store.enqueue_reminders(
                older_than=after, admin_chat_ids=settings.admin_chat_ids
            )
            if count:
                log.info("re-notifying %d unacknowledged escalation(s)", count)
        except Exception:
            log.exception("reminder pass failed")
        await asyncio.sleep(period)


def start_background(application: Application) -> None:  # type: ignore[type-arg]
    """Start the outbox worker and the reminder loop (called from post_init)."""
    from psylite.store import OutboxWorker

    services = application.bot_data.services
    worker = OutboxWorker(services.store, make_deliver(application))
    tasks = [
        asyncio.create_task(worker.run(), name="psylite-outbox"),
        asyncio.create_task(_reminder_loop(application), name="psylite-reminders"),
    ]
    application.bot_data.background = (worker, tasks)


async def stop_background(application: Application) -> None:  # type: ignore[type-arg]
    """Stop them before the bot's HTTP client closes (called from post_stop)."""
    worker, tasks = application.bot_data.background or (None, [])
    application.bot_data.background = None
    if worker is not None and hasattr(worker, "stop"):
        await worker.stop()
    for task in tasks:
        task.cancel()
    for task in tasks:
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task
