"""What the bot needs from the store, in the bot's words (consent, preferences, deletion).

One small adapter so that handlers stay thin and the store's API is used in one place.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from psylite.store.types import ConsentStatus

if TYPE_CHECKING:
    from psylite.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Prefs:
    lang: str | None = None  # chosen with /lang; None = follow Telegram's language
    humor: bool = True
    consented: bool = False  # accepted the current policy version
    blocked: bool = False


class BotRepo:
    """Consent and preferences per chat, backed by the store."""

    def __init__(self, store: Store, policy_version: str) -> None:
        self.store = store
        self.policy_version = policy_version

    async def prefs(self, chat_id: int) -> Prefs:
        user = await self.store.get_user(chat_id=chat_id)
        if user is None:
            return Prefs()
        return Prefs(
            lang=user.language,
            humor=user.humor_enabled,
            consented=await self.has_consent(chat_id),
            blocked=user.blocked,
        )

    async def has_consent(self, chat_id: int) -> bool:
        """True when the chat accepted the current policy version."""
        status = await self.store.consent_status(
            chat_id=chat_id, policy_version=self.policy_version
        )
        return status == ConsentStatus.ACCEPTED

    async def record_consent(self, chat_id: int, *, accepted: bool) -> None:
        await self.store.record_consent(
            chat_id=chat_id, policy_version=self.policy_version, accepted=accepted
        )

    async def set_lang(self, chat_id: int, lang: str) -> None:
        await self.store.set_language(chat_id=chat_id, language=lang)

    async def set_humor(self, chat_id: int, on: bool) -> None:
        await self.store.set_humor(chat_id=chat_id, enabled=on)

    async def set_blocked(self, chat_id: int, blocked: bool) -> None:
        await self.store.mark_blocked(chat_id=chat_id, blocked=blocked)

    async def forget(self, chat_id: int) -> None:
        """Delete everything about the chat (messages, preferences, consent)."""
        await self.store.delete_user(chat_id=chat_id)
