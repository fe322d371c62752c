"""Storage: SQLAlchemy 2 async models, Alembic migrations, SQLite or PostgreSQL.

Public API: `Store`, `OutboxWorker`, `upgrade_to_head`, the returned dataclasses and the
store's exceptions. See psylite/store/privacy.py for what deletion leaves and
psylite/store/crypto.py for encryption at rest and key rotation.
"""

from __future__ import annotations

from psylite.store.crypto import generate_key
from psylite.store.migrate import upgrade_to_head
from psylite.store.outbox import OutboxWorker, PermanentDeliveryError, RetryLater
from psylite.store.privacy import retention_loop
from psylite.store.store import Store
from psylite.store.types import (
    AdminAccount,
    AlreadyExists,
    AuditRecord,
    ConsentStatus,
    DeletionResult,
    Escalation,
    EscalationStatus,
    IllegalTransition,
    Message,
    Note,
    NotFound,
    OutboxItem,
    PurgeResult,
    StateConflict,
    User,
)

__all__ = [
    "AdminAccount",
    "AlreadyExists",
    "AuditRecord",
    "ConsentStatus",
    "DeletionResult",
    "Escalation",
    "EscalationStatus",
    "IllegalTransition",
    "Message",
    "NotFound",
    "Note",
    "OutboxItem",
    "OutboxWorker",
    "PermanentDeliveryError",
    "PurgeResult",
    "RetryLater",
    "StateConflict",
    "Store",
    "User",
    "generate_key",
    "retention_loop",
    "upgrade_to_head",
]
