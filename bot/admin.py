"""Admin workflow on Telegram: escalation notifications (via the store's outbox) with
Acknowledge / Resolve buttons, /queue /ack /resolve, audit of every action, reminders.

Admins are the chats (or users) listed in PSYLITE_ADMIN_CHAT_IDS; anyone else gets a polite
refusal and the attempt is audited. The outbox makes delivery at-least-once and survives
restarts; a notification never carries more of the user's words than the redacted excerpt
the store kept.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest, Forbidden, RetryAfter
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.i18n import t
from bot.ratelimit import retry_seconds
from psylite.redaction import redact_excerpt
from psylite.store import (
    Escalation,
    IllegalTransition,
    NotFound,
    OutboxItem,
    OutboxWorker,
    PermanentDeliveryError,
    RetryLater,
)

if TYPE_CHECKING:
    from bot.context import CustomContext
    from psylite.settings import Settings

log = logging.getLogger(__name__)

ACK = "esc:ack:"
RESOLVE = "esc:resolve:"


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


def notification_text(escalation: Escalation, settings: Settings, *, reminder: int = 0) -> str:
    """Plain text of an escalation notice: id, risk, reasons, age, redacted excerpt."""
    head = (
        f"⏰ REMINDER {reminder}: escalation #{escalation.id} is still not acknowledged"
        if reminder
        else f"🚨 New escalation #{escalation.id}"
    )
    minutes = int((datetime.now(UTC) - escalation.created_at).total_seconds() // 60)
    lines = [
        head,
        f"risk: {escalation.risk:.2f}",
        f"reasons: {', '.join(escalation.reasons) or '—'}",
        f"opened: {minutes} min ago · status: {escalation.status}",
    ]
    excerpt = redact_excerpt(escalation.excerpt, settings)
    if excerpt:
        lines.append(f"excerpt: “{excerpt}”")
    lines.append(f"/ack {escalation.id} · /resolve {escalation.id} NOTE")
    return "\n".join(lines)


# ---------------------------------------------------------------- outbox delivery


def make_deliver(application: Application) -> Callable[[OutboxItem], Awaitable[None]]:  # type: ignore[type-arg]
    """The outbox worker's deliver function: send one notification job to one admin."""
    bot = application.bot
    services = application.bot_data.services
    settings = services.settings

    async def deliver(job: OutboxItem) -> None:
        escalation_id = job.escalation_id or job.payload.get("escalation_id")
        escalation = await services.store.get_escalation(escalation_id=int(escalation_id))
        if escalation is None:
            return  # deleted meanwhile: nothing to tell
        reminder = int(job.payload.get("reminder", 0) or 0)
        if reminder and escalation.status != "open":
            return  # acknowledged since the reminder was queued
        text = notification_text(escalation, settings, reminder=reminder)
        keyboard = escalation_keyboard(escalation.id) if escalation.status != "resolved" else None
        try:
            await bot.send_message(job.target_chat_id, text, reply_markup=keyboard)
        except Forbidden as err:
            # An admin who blocked the bot is skipped rather than retried forever.
            raise PermanentDeliveryError(str(err)) from err
        except BadRequest as err:
            if "chat not found" in str(err).lower():
                raise PermanentDeliveryError(str(err)) from err
            raise
        except RetryAfter as err:  # longer than the limiter waits inline: let the outbox wait
            raise RetryLater(retry_seconds(err)) from err

    return deliver


# ---------------------------------------------------------------- commands and buttons


async def _refuse(update: Update, context: CustomContext, what: str) -> None:
    await context.store.add_audit(
        actor=actor(update), action="admin.denied", target=what[:100], detail=None
    )
    chat = update.effective_chat
    if update.callback_query is not None:
        await update.callback_query.answer(t("en", "not_admin"), show_alert=True)
    elif chat is not None:
        await context.bot.send_message(chat.id, t("zh", "not_admin") + "\n" + t("en", "not_admin"))


async def queue_cmd(update: Update, context: CustomContext) -> None:
    """/queue: open and acknowledged escalations, highest risk and oldest first."""
    if not is_admin(update, context.settings.admin_chat_ids):
        await _refuse(update, context, "queue")
        return
    items = await context.store.list_escalations(status=["open", "acknowledged"], limit=30)
    await context.store.add_audit(
        actor=actor(update),
        action="admin.queue",
        target="escalations",
        detail={"count": len(items)},
    )
    assert update.effective_chat is not None
    if not items:
        await context.bot.send_message(update.effective_chat.id, "No open escalations.")
        return
    lines = [f"Open escalations ({len(items)}):"]
    now = datetime.now(UTC)
    for e in items:
        minutes = int((now - e.created_at).total_seconds() // 60)
        lines.append(f"#{e.id} · risk {e.risk:.2f} · {e.status} · {minutes} min")
    await context.bot.send_message(update.effective_chat.id, "\n".join(lines))


async def _act(
    update: Update, context: CustomContext, action: str, escalation_id: int, note: str | None
) -> str:
    """Move the escalation (the store audits the transition) and describe the outcome."""
    who = actor(update)
    target = "acknowledged" if action == "ack" else "resolved"
    try:
        await context.store.transition(escalation_id=escalation_id, to=target, actor=who, note=note)
    except (NotFound, IllegalTransition) as err:
        return str(err)
    log.info("escalation %s %s by %s", escalation_id, target, who)
    return f"Escalation #{escalation_id} {target} by {who}."


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


# ---------------------------------------------------------------- background work


def start_background(application: Application) -> None:  # type: ignore[type-arg]
    """Start the outbox worker, which also re-queues reminders (called from post_init)."""
    services = application.bot_data.services
    settings = services.settings
    remind_after = timedelta(minutes=settings.escalation_renotify_minutes)
    worker = OutboxWorker(
        services.store,
        make_deliver(application),
        remind_after=remind_after,
        admin_chat_ids=settings.admin_chat_ids,
        # Poll often enough that a reminder is at most a quarter of its delay late.
        poll_interval=max(0.1, min(2.0, remind_after.total_seconds() / 4)),
    )
    worker.start()
    application.bot_data.background = worker
    services.start_maintenance()  # journal replay + retention purge


async def stop_background(application: Application) -> None:  # type: ignore[type-arg]
    """Stop it before the bot's HTTP client closes (called from post_stop)."""
    worker = application.bot_data.background
    application.bot_data.background = None
    if worker is not None:
        await worker.stop()
