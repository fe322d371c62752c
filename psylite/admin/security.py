"""Sessions, CSRF, password hashing and login throttling for the admin dashboard.

Sessions are stateless: a Fernet token (AES-CBC + HMAC, with a timestamp) in an
HttpOnly, SameSite=Strict cookie. Fernet's timestamp gives the idle timeout (the
cookie is re-issued on every request), and an "issued at" inside the payload
gives the absolute lifetime. The CSRF token is a random value kept inside the
encrypted session and echoed in every form (synchroniser-token pattern).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import json
import logging
import secrets
import time
from collections import deque
from dataclasses import dataclass, field

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from cryptography.fernet import Fernet, InvalidToken

log = logging.getLogger(__name__)

PLACEHOLDER_SECRET = "change-me-admin-secret"


def fernet_for(secret: str) -> Fernet:
    """A Fernet keyed by any operator-chosen secret string (SHA-256 derived, domain-separated)."""
    digest = hashlib.sha256(b"psylite-admin-session\x00" + secret.encode("utf-8")).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


@dataclass(frozen=True)
class Session:
    """What the encrypted cookie carries. `user_id` is None before login (CSRF only)."""

    csrf: str
    user_id: int | None = None
    name: str | None = None
    issued_at: float = 0.0

    @property
    def authenticated(self) -> bool:
        return self.user_id is not None


class SessionCodec:
    """Encrypts sessions into cookie values and back, enforcing idle and absolute expiry."""

    def __init__(self, secret: str, *, idle_s: int, absolute_s: int) -> None:
        self._fernet = fernet_for(secret)
        self.idle_s = idle_s
        self.absolute_s = absolute_s

    def dumps(self, session: Session) -> str:
        payload = {
            "c": session.csrf,
            "u": session.user_id,
            "n": session.name,
            "t": session.issued_at,
        }
        return self._fernet.encrypt(json.dumps(payload).encode()).decode("ascii")

    def loads(self, value: str | None, *, now: float | None = None) -> Session | None:
        """The session, or None when missing, forged, idle too long or past its lifetime."""
        if not value:
            return None
        now = time.time() if now is None else now
        try:
            raw = self._fernet.decrypt_at_time(
                value.encode("ascii"), ttl=self.idle_s, current_time=int(now)
            )
            data = json.loads(raw)
            session = Session(
                csrf=str(data["c"]),
                user_id=int(data["u"]) if data.get("u") is not None else None,
                name=data.get("n"),
                issued_at=float(data.get("t") or 0.0),
            )
        except (InvalidToken, ValueError, KeyError, TypeError, UnicodeError):
            return None
        if session.authenticated and now - session.issued_at > self.absolute_s:
            return None
        return session


def new_csrf() -> str:
    return secrets.token_urlsafe(32)


def csrf_ok(session: Session | None, submitted: str | None) -> bool:
    """Constant-time comparison of the submitted token with the session's."""
    if session is None or not submitted:
        return False
    return hmac.compare_digest(session.csrf.encode(), submitted.encode())


# argon2-cffi defaults follow RFC 9106's second recommended profile.
_HASHER = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    # Verifying against this when the user does not exist keeps the timing of
    # "no such user" and "wrong password" the same. Built on first use: hashing is slow.
    return _HASHER.hash(secrets.token_urlsafe(16))


MIN_PASSWORD_LENGTH = 10


def hash_password(password: str) -> str:
    """An argon2id hash of `password`."""
    return _HASHER.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """True when `password` matches; runs a full argon2 verification even for unknown users."""
    try:
        return _HASHER.verify(stored_hash or _dummy_hash(), password) and stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _HASHER.check_needs_rehash(stored_hash)


@dataclass
class LoginThrottle:
    """Failed-login limiter per account name and per client address (in memory, per process).

    After `max_failures` failures inside `window_s`, further attempts for that key are
    refused until the oldest failure leaves the window — even with the right password,
    so guessing cannot continue at full speed. Keys are the lowercased name and the IP.
    """

    max_failures: int = 5
    window_s: float = 15 * 60
    max_keys: int = 10_000
    _failures: dict[str, deque[float]] = field(default_factory=dict)

    def _recent(self, key: str, now: float) -> deque[float]:
        q = self._failures.get(key)
        if q is None:
            return deque()
        while q and now - q[0] > self.window_s:
            q.popleft()
        if not q:
            self._failures.pop(key, None)
        return q

    def retry_after(self, keys: list[str], now: float | None = None) -> float:
        """Seconds until an attempt is allowed for all `keys` (0 when allowed now)."""
        now = time.monotonic() if now is None else now
        wait = 0.0
        for key in keys:
            q = self._recent(key, now)
            if len(q) >= self.max_failures:
                wait = max(wait, q[0] + self.window_s - now)
        return wait

    def failed(self, keys: list[str], now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        if len(self._failures) > self.max_keys:
            # Spraying many names must not grow memory without bound: drop stale keys.
            for key in list(self._failures):
                self._recent(key, now)
        for key in keys:
            q = self._failures.setdefault(key, deque())
            q.append(now)
            # Bound memory per key: only the newest max_failures timestamps matter.
            while len(q) > self.max_failures:
                q.popleft()

    def succeeded(self, keys: list[str]) -> None:
        for key in keys:
            self._failures.pop(key, None)
