"""Optional encryption at rest for the text users write (Fernet, with key rotation).

Set `PSYLITE_ENCRYPTION_KEY` to one Fernet key (`psylite db gen-key` prints a new one).
Message text, escalation excerpts and escalation notes are then stored as
`enc:v1:<fernet token>`; everything else (ids, timestamps, routes, risk) stays queryable.

Key rotation: put the new key first and keep the old ones after it, comma-separated
(`PSYLITE_ENCRYPTION_KEY=new,old`). New rows use the first key, old rows still decrypt.
Then run `psylite db rotate-key` to re-encrypt every stored row with the first key, after
which the old key can be removed. Rows written before encryption was enabled stay readable
(and `rotate-key` encrypts them too). Losing every key makes the stored text unreadable:
keep the key in a secret store, not next to database backups.
"""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from psylite.errors import StoreError

PREFIX = "enc:v1:"


def generate_key() -> str:
    return Fernet.generate_key().decode("ascii")


class TextCipher:
    """Encrypts and decrypts text columns; with no key it passes text through unchanged."""

    def __init__(self, keys: str | None) -> None:
        parts = [k.strip() for k in (keys or "").split(",") if k.strip()]
        self._fernet: MultiFernet | None = None
        self._primary: Fernet | None = None
        if parts:
            try:
                fernets = [Fernet(k.encode("ascii")) for k in parts]
                self._primary, self._fernet = fernets[0], MultiFernet(fernets)
            except (ValueError, UnicodeEncodeError):
                raise StoreError(
                    "PSYLITE_ENCRYPTION_KEY is not a Fernet key (32 url-safe base64 bytes); "
                    "generate one with `psylite db gen-key`"
                ) from None

    @property
    def enabled(self) -> bool:
        return self._fernet is not None

    def encrypt(self, text: str) -> str:
        if self._fernet is None:
            return text
        return PREFIX + self._fernet.encrypt(text.encode("utf-8")).decode("ascii")

    def decrypt(self, stored: str) -> str:
        if not stored.startswith(PREFIX):
            return stored  # written before encryption was turned on
        if self._fernet is None:
            raise StoreError(
                "the database holds encrypted text but PSYLITE_ENCRYPTION_KEY is not set"
            )
        try:
            return self._fernet.decrypt(stored[len(PREFIX) :].encode("ascii")).decode("utf-8")
        except InvalidToken:
            raise StoreError(
                "cannot decrypt stored text with PSYLITE_ENCRYPTION_KEY: after a rotation keep "
                "the old key after the new one (new,old)"
            ) from None

    def reencrypt(self, stored: str) -> str | None:
        """The value re-encrypted with the first key, or None if it is already."""
        if self._fernet is None or self._primary is None:
            return None
        if not stored.startswith(PREFIX):
            return self.encrypt(stored)
        token = stored[len(PREFIX) :].encode("ascii")
        try:
            self._primary.decrypt(token)
            return None
        except InvalidToken:
            pass
        try:
            rotated = PREFIX + self._fernet.rotate(token).decode("ascii")
        except InvalidToken:
            raise StoreError(
                "cannot decrypt stored text with any key in PSYLITE_ENCRYPTION_KEY"
            ) from None
        return rotated
