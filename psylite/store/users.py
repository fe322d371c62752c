"""Users, consent and dashboard accounts."""

from __future__ import annotations

from sqlalchemy import select, update

from psylite.store import models as m
from psylite.store.base import StoreBase
from psylite.store.models import utcnow
from psylite.store.types import AdminAccount, AlreadyExists, ConsentStatus, NotFound, User


def _user(row: m.User) -> User:
    return User(
        chat_id=row.chat_id,
        language=row.language,
        humor_enabled=row.humor_enabled,
        blocked=row.blocked,
        created_at=row.created_at,
        last_seen_at=row.last_seen_at,
    )


def _admin(row: m.AdminAccount) -> AdminAccount:
    return AdminAccount(
        id=row.id,
        username=row.username,
        password_hash=row.password_hash,
        active=row.active,
        created_at=row.created_at,
        last_login_at=row.last_login_at,
    )


class UsersMixin(StoreBase):
    # --- users -----------------------------------------------------------------------------

    async def get_user(self, *, chat_id: int) -> User | None:
        async with self._read() as session:
            row = await session.get(m.User, chat_id)
            return _user(row) if row else None

    async def get_or_create_user(self, *, chat_id: int, language: str | None = None) -> User:
        """The user, created on first contact; `language` only fills an unset language."""
        now = utcnow()
        async with self._write() as session:
            await self._ensure_user(session, chat_id, now)
            if language:
                await session.execute(
                    update(m.User)
                    .where(m.User.chat_id == chat_id, m.User.language.is_(None))
                    .values(language=language)
                )
            row = await session.get(m.User, chat_id, populate_existing=True)
            assert row is not None
            return _user(row)

    async def _set_user(self, chat_id: int, **values: object) -> None:
        now = utcnow()
        async with self._write() as session:
            await self._ensure_user(session, chat_id, now)
            await session.execute(update(m.User).where(m.User.chat_id == chat_id).values(**values))

    async def set_language(self, *, chat_id: int, language: str) -> None:
        await self._set_user(chat_id, language=language)

    async def set_humor(self, *, chat_id: int, enabled: bool) -> None:
        await self._set_user(chat_id, humor_enabled=enabled)

    async def mark_blocked(self, *, chat_id: int, blocked: bool = True) -> None:
        """Remember that the user blocked the bot (or unblocked it: they wrote again)."""
        await self._set_user(chat_id, blocked=blocked)

    async def touch(self, *, chat_id: int) -> None:
        """Record that the user was seen now."""
        await self._set_user(chat_id, last_seen_at=utcnow())

    # --- consent ---------------------------------------------------------------------------

    async def record_consent(
        self, *, chat_id: int, policy_version: str, accepted: bool
    ) -> ConsentStatus:
        """Store the user's answer for this policy version (a later answer replaces it)."""
        now = utcnow()
        status = ConsentStatus.ACCEPTED if accepted else ConsentStatus.DECLINED
        values = {
            "status": status.value,
            "updated_at": now,
            "withdrawn_at": None,
            ("accepted_at" if accepted else "declined_at"): now,
        }
        async with self._write() as session:
            await self._ensure_user(session, chat_id, now)
            stmt = self._insert(m.Consent).values(
                chat_id=chat_id, policy_version=policy_version, **values
            )
            stmt = stmt.on_conflict_do_update(
                index_elements=[m.Consent.chat_id, m.Consent.policy_version], set_=values
            )
            await session.execute(stmt)
        return status

    async def withdraw_consent(self, *, chat_id: int) -> int:
        """Withdraw every consent of the user; the next contact asks again. Returns rows changed."""
        now = utcnow()
        async with self._write() as session:
            result = await session.execute(
                update(m.Consent)
                .where(m.Consent.chat_id == chat_id, m.Consent.status != "withdrawn")
                .values(status="withdrawn", withdrawn_at=now, updated_at=now)
            )
            return result.rowcount or 0

    async def consent_status(self, *, chat_id: int, policy_version: str) -> ConsentStatus:
        """accepted / declined for this exact policy version; none if never asked or withdrawn."""
        async with self._read() as session:
            status = await session.scalar(
                select(m.Consent.status).where(
                    m.Consent.chat_id == chat_id, m.Consent.policy_version == policy_version
                )
            )
        if status in (ConsentStatus.ACCEPTED, ConsentStatus.DECLINED):
            return ConsentStatus(status)
        return ConsentStatus.NONE

    # --- dashboard accounts ----------------------------------------------------------------

    async def create_admin_account(
        self, *, username: str, password_hash: str, replace: bool = False
    ) -> bool:
        """Create the account (True) or, with `replace`, set its password hash (False)."""
        now = utcnow()
        async with self._write() as session:
            result = await session.execute(
                self._insert(m.AdminAccount)
                .values(username=username, password_hash=password_hash, active=True, created_at=now)
                .on_conflict_do_nothing(index_elements=[m.AdminAccount.username])
            )
            if result.rowcount:
                return True
            if not replace:
                raise AlreadyExists(f"admin account {username!r} exists; use --replace")
            await session.execute(
                update(m.AdminAccount)
                .where(m.AdminAccount.username == username)
                .values(password_hash=password_hash, active=True)
            )
            return False

    async def get_admin_account(self, *, username: str) -> AdminAccount | None:
        async with self._read() as session:
            row = await session.scalar(
                select(m.AdminAccount).where(m.AdminAccount.username == username)
            )
            return _admin(row) if row else None

    async def list_admin_accounts(self) -> list[AdminAccount]:
        async with self._read() as session:
            rows = await session.scalars(select(m.AdminAccount).order_by(m.AdminAccount.username))
            return [_admin(r) for r in rows]

    async def update_admin_account(
        self,
        *,
        username: str,
        password_hash: str | None = None,
        active: bool | None = None,
        logged_in: bool = False,
    ) -> None:
        """Change the hash (rehash on login), (de)activate, or record a login now."""
        values: dict[str, object] = {}
        if password_hash is not None:
            values["password_hash"] = password_hash
        if active is not None:
            values["active"] = active
        if logged_in:
            values["last_login_at"] = utcnow()
        if not values:
            return
        async with self._write() as session:
            result = await session.execute(
                update(m.AdminAccount).where(m.AdminAccount.username == username).values(**values)
            )
            if not result.rowcount:
                raise NotFound(f"no admin account {username!r}")
