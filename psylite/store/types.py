"""What the store hands out: plain frozen dataclasses (decrypted), never live ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from psylite.errors import PsyliteError


class ConsentStatus(StrEnum):
    ACCEPTED = "accepted"
    DECLINED = "declined"
    NONE = "none"  # never asked for this policy version, or withdrawn: ask (again)


class EscalationStatus(StrEnum):
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    RESOLVED = "resolved"


ROLES = ("user", "assistant", "system")


class NotFound(PsyliteError):
    """The escalation, user or job asked for does not exist."""


class IllegalTransition(PsyliteError):
    """An escalation cannot move to the requested status from its current one."""

    def __init__(self, message: str, *, current: str) -> None:
        super().__init__(message)
        self.current = current


class StateConflict(PsyliteError):
    """The conversation state changed since it was read (optimistic concurrency)."""


class AlreadyExists(PsyliteError):
    """A unique record (such as an admin account name) exists already."""


@dataclass(frozen=True, slots=True)
class User:
    chat_id: int
    language: str | None
    humor_enabled: bool
    blocked: bool
    created_at: datetime
    last_seen_at: datetime


@dataclass(frozen=True, slots=True)
class Message:
    id: int
    chat_id: int
    role: str
    text: str
    route: str | None
    risk: float | None
    update_id: int | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    escalation_id: int
    actor: str
    text: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Escalation:
    id: int
    chat_id: int | None  # None once the user deleted their data
    update_id: int | None
    risk: float
    reasons: tuple[str, ...]
    excerpt: str | None  # None after retention purge or user deletion
    status: EscalationStatus
    created_at: datetime
    updated_at: datetime
    acknowledged_at: datetime | None
    acknowledged_by: str | None
    resolved_at: datetime | None
    resolved_by: str | None
    last_notified_at: datetime
    reminders_sent: int
    redacted: bool
    notes: tuple[Note, ...] = ()  # filled by get_escalation only


@dataclass(frozen=True, slots=True)
class AuditRecord:
    id: int
    at: datetime
    actor: str
    action: str
    target: str
    detail: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """A claimed notification job, as handed to the deliver callable."""

    id: int
    kind: str  # escalation.notify | escalation.remind | anything enqueue() was given
    idempotency_key: str
    target_chat_id: int
    escalation_id: int | None
    payload: dict[str, Any]
    attempts: int  # including this one
    created_at: datetime


@dataclass(frozen=True, slots=True)
class AdminAccount:
    id: int
    username: str
    password_hash: str
    active: bool
    created_at: datetime
    last_login_at: datetime | None


@dataclass(frozen=True, slots=True)
class PurgeResult:
    cutoff: datetime
    messages: int = 0
    excerpts: int = 0
    processed_updates: int = 0
    outbox_jobs: int = 0


@dataclass(frozen=True, slots=True)
class DeletionResult:
    chat_id: int
    messages: int = 0
    consents: int = 0
    escalations_redacted: int = 0
    user_rows: int = 0
