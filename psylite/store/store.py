"""`Store`: the one repository object the bot, the pipeline and the dashboard share."""

from __future__ import annotations

from psylite.store.conversation import ConversationMixin
from psylite.store.outbox import OutboxMixin
from psylite.store.privacy import PrivacyMixin
from psylite.store.users import UsersMixin


class Store(UsersMixin, ConversationMixin, OutboxMixin, PrivacyMixin):
    """SQLite or PostgreSQL behind keyword-only async methods.

    store = Store(settings)
    await store.initialize()          # or initialize(create=True) to migrate first
    ...
    await store.shutdown()
    """
