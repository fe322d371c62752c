"""What the bot needs from the store, in the bot's words (consent, preferences, deletion).

One small adapter so that handlers stay thin and the store's API is used in one place.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)


@dataclass
class Prefs:
    lang: str | None = None  # chosen with /lang; None = follow Telegram's language
    humor: bool = True
    consent_version: str | None = None  # accepted policy version; None = not (yet) accepted
    blocked: bool = False


class BotRepo:
    """Consent and preferences per chat, backed by `services.store`."""

    def __init__(self, store: Any, policy_version: str) -> None:
        self.store = store
        self.policy_version = policy_version

    async def prefs(self, chat_id: int) -> Prefs:
        user = await self.store.get_user(chat_id)
        if user is None:
            return Prefs()
        return Prefs(
            lang=getattr(user, "lang", None),
            humor=bool(getattr(user, "humor", True)),
            consent_version=getattr(user, "consent_version", None),
            blocked=bool(getattr(user, "blocked", False)),
        )

    async def has_consent(self, chat_id: int) -> bool:
        """True when the chat accepted the current policy version."""
        return (await self.prefs(chat_id)).consent_version == self.policy_version

    async def record_consent(self, chat_id: int, *, accepted: bool, lang: str) -> None:
        await self.store.record_consent(
            chat_id=chat_id, accepted=accepted, policy_version=self.policy_version, lang=lang
        )

    async def set_lang(self, chat_id: int, lang: str) -> None:
        await self.store.set_user_prefs(chat_id=chat_id, lang=lang)

    async def set_humor(self, chat_id: int, on: bool) -> None:
        await self.store.set_user_prefs(chat_id=chat_id, humor=on)

    async def set_blocked(self, chat_id: int, blocked: bool) -> None:
        await self.store.set_user_prefs(chat_id=chat_id, blocked=blocked)

    async def forget(self, chat_id: int) -> None:
        """Delete everything about the chat (messages, preferences, consent)."""
        await self.store.delete_user(chat_id=chat_id)
