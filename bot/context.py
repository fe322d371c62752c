"""Typed shared state for handlers: a PTB CustomContext instead of string keys into bot_data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from telegram.ext import Application, CallbackContext, ExtBot

if TYPE_CHECKING:
    from bot.ratelimit import LLMGate, TokenBucket
    from bot.repo import BotRepo
    from psylite.pipeline import Pipeline
    from psylite.services import Services
    from psylite.settings import Settings
    from psylite.store import OutboxWorker, Store


class BotData:
    """Process-wide bot state; filled once by `build_application`."""

    def __init__(self) -> None:
        self.services: Services | None = None
        self.repo: BotRepo | None = None
        self.limiter: TokenBucket | None = None
        self.gate: LLMGate | None = None
        # A first message that arrived before consent is held here, in memory only, and
        # answered right after Agree; it is never stored without consent.
        self.pending: dict[int, str] = {}
        # The outbox worker, started in post_init and stopped in post_stop.
        self.background: OutboxWorker | None = None


class CustomContext(CallbackContext[ExtBot, dict, dict, BotData]):
    """Handlers get the services through typed properties."""

    def __init__(
        self, application: Application, chat_id: int | None = None, user_id: int | None = None
    ) -> None:
        super().__init__(application=application, chat_id=chat_id, user_id=user_id)

    @property
    def services(self) -> Services:
        assert self.bot_data.services is not None, "build_application wires the services"
        return self.bot_data.services

    @property
    def settings(self) -> Settings:
        return self.services.settings

    @property
    def pipeline(self) -> Pipeline:
        return self.services.pipeline

    @property
    def store(self) -> Store:
        return self.services.store  # type: ignore[attr-defined,no-any-return]

    @property
    def repo(self) -> BotRepo:
        assert self.bot_data.repo is not None
        return self.bot_data.repo

    @property
    def limiter(self) -> TokenBucket:
        assert self.bot_data.limiter is not None
        return self.bot_data.limiter

    @property
    def gate(self) -> LLMGate:
        assert self.bot_data.gate is not None
        return self.bot_data.gate
