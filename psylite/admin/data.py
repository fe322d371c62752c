"""What the dashboard reads and writes, over the shared `Store`.

Writes and the ordinary reads go through the store's repository API (which decrypts
text and writes the audit log). The two aggregates the store does not offer —
messages per route per time bucket, and the overview's window counts — are
SQLAlchemy queries over the store's models here, read-only.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from psylite.admin.keys import AdminIdentity
from psylite.admin.security import hash_password, needs_rehash, verify_password
from psylite.redaction import redact_excerpt
from psylite.services import Services
from psylite.store import AuditRecord, EscalationStatus, IllegalTransition, NotFound, Store
from psylite.store import models as m
from psylite.store.engine import translated

ACTIVE = (EscalationStatus.OPEN.value, EscalationStatus.ACKNOWLEDGED.value)
QUEUE_LIMIT = 200
_TO = {"acknowledge": "acknowledged", "resolve": "resolved", "reopen": "open"}


# --- accounts ------------------------------------------------------------------------------


async def create_admin(
    store: Store, *, name: str, password_hash: str, replace: bool = False
) -> bool:
    """Create the account (True) or re-password it with `replace` (False); audited."""
    created = await store.create_admin_account(
        username=name, password_hash=password_hash, replace=replace
    )
    await store.add_audit(
        actor="cli",
        action="admin.account_create" if created else "admin.password_reset",
        target=f"admin:{name}",
    )
    return created


async def authenticate(services: Services, *, name: str, password: str) -> AdminIdentity | None:
    """The admin when the name exists, is active and the password matches; else None."""
    store = services.store
    account = await store.get_admin_account(username=name) if name else None
    usable = account is not None and account.active
    # verify_password runs argon2 even without an account, so timing does not reveal names.
    if not verify_password(account.password_hash if usable and account else None, password):
        return None
    assert account is not None
    if needs_rehash(account.password_hash):
        await store.update_admin_account(username=name, password_hash=hash_password(password))
    await store.update_admin_account(username=name, logged_in=True)
    return AdminIdentity(id=account.id, name=account.username)


async def get_admin(services: Services, *, user_id: int, name: str | None) -> AdminIdentity | None:
    """The session's admin if that very account (same id) still exists and is active."""
    if not name:
        return None
    account = await services.store.get_admin_account(username=name)
    if account is None or not account.active or account.id != user_id:
        return None
    return AdminIdentity(id=account.id, name=account.username)


async def audit(services: Services, *, actor: str, action: str, target: str | None) -> None:
    await services.store.add_audit(actor=actor, action=action, target=target or "dashboard")


# --- queue ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueueItem:
    id: int
    status: str
    risk: float
    reasons: tuple[str, ...]
    excerpt: str | None
    created_at: datetime
    last_actor: str | None


@dataclass(frozen=True)
class Queue:
    items: list[QueueItem]
    counts: dict[str, int]
    version: str  # changes whenever anything shown changes; the poller swaps rows on change


async def queue(services: Services, *, show: str) -> Queue:
    """Escalations in queue order: open, acknowledged, resolved; then risk desc, age asc."""
    store = services.store
    status: tuple[str, ...] | str | None = {
        "active": ACTIVE,
        "resolved": EscalationStatus.RESOLVED.value,
        "all": None,
    }[show]
    rows = await store.list_escalations(status=status, limit=QUEUE_LIMIT)
    counts = await store.escalation_counts()
    settings = services.settings
    items = [
        QueueItem(
            id=e.id,
            status=e.status.value,
            risk=e.risk,
            reasons=e.reasons,
            excerpt=redact_excerpt(e.excerpt, settings),
            created_at=e.created_at,
            last_actor=e.resolved_by or e.acknowledged_by,
        )
        for e in rows
    ]
    stamp = max((e.updated_at for e in rows), default=None)
    version = f"{counts}|{len(rows)}|{stamp.isoformat() if stamp else '-'}"
    return Queue(items=items, counts=counts, version=version)


# --- one escalation ------------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryRow:
    at: datetime
    actor: str
    action: str
    note: str | None = None


@dataclass(frozen=True)
class EscalationView:
    id: int
    status: str
    risk: float
    reasons: tuple[str, ...]
    excerpt: str | None
    user_ref: str
    created_at: datetime
    acknowledged_at: datetime | None
    acknowledged_by: str | None
    resolved_at: datetime | None
    resolved_by: str | None


@dataclass(frozen=True)
class EscalationDetail:
    escalation: EscalationView
    history: list[HistoryRow] = field(default_factory=list)


async def escalation_detail(services: Services, *, escalation_id: int) -> EscalationDetail | None:
    """The escalation, its redacted excerpt and its history (audit entries with their notes)."""
    store = services.store
    e = await store.get_escalation(escalation_id=escalation_id)
    if e is None:
        return None
    entries = await store.list_audit(target=f"escalation:{escalation_id}", limit=500)
    notes = list(e.notes)
    history: list[HistoryRow] = []
    for entry in sorted(entries, key=lambda a: (a.at, a.id)):
        note = None
        if (entry.detail and entry.detail.get("note")) or entry.action == "escalation.note":
            # The store writes a transition's note and its audit entry in one transaction
            # with the same timestamp and actor; pair them so each note shows once.
            for n in notes:
                if n.actor == entry.actor and n.created_at == entry.at:
                    note = n.text
                    notes.remove(n)
                    break
        history.append(HistoryRow(at=entry.at, actor=entry.actor, action=entry.action, note=note))
    history += [
        HistoryRow(at=n.created_at, actor=n.actor, action="escalation.note", note=n.text)
        for n in notes
    ]
    history.sort(key=lambda h: h.at)
    view = EscalationView(
        id=e.id,
        status=e.status.value,
        risk=e.risk,
        reasons=e.reasons,
        excerpt=redact_excerpt(e.excerpt, services.settings),
        user_ref=f"chat {e.chat_id}" if e.chat_id is not None else "deleted by the user",
        created_at=e.created_at,
        acknowledged_at=e.acknowledged_at,
        acknowledged_by=e.acknowledged_by,
        resolved_at=e.resolved_at,
        resolved_by=e.resolved_by,
    )
    return EscalationDetail(escalation=view, history=history)


async def transition(
    services: Services, *, escalation_id: int, action: str, actor: str, note: str | None
) -> str:
    """Apply an admin action; 'ok', 'conflict' (someone acted first) or 'missing'."""
    try:
        await services.store.transition(
            escalation_id=escalation_id, to=_TO[action], actor=actor, note=note
        )
    except NotFound:
        return "missing"
    except IllegalTransition:
        return "conflict"
    return "ok"


# --- audit ---------------------------------------------------------------------------------


async def audit_entries(
    services: Services,
    *,
    actor: str | None,
    action: str | None,
    target: str | None,
    since: datetime | None,
    until: datetime | None,
    limit: int,
    offset: int,
) -> tuple[list[AuditRecord], bool]:
    """One page of audit entries (newest first) and whether there are more."""
    rows = await services.store.list_audit(
        actor=actor,
        action=action,
        target=target,
        since=since,
        until=until,
        limit=limit + 1,
        offset=offset,
    )
    return rows[:limit], len(rows) > limit


async def audit_actions(services: Services) -> list[str]:
    """The distinct actions in the audit log, for the filter's drop-down."""
    store = services.store
    async with _read(store) as session:
        rows = await session.scalars(
            select(m.AuditEntry.action).distinct().order_by(m.AuditEntry.action)
        )
        return list(rows)


# --- overview ------------------------------------------------------------------------------


@asynccontextmanager
async def _read(store: Store) -> AsyncIterator[AsyncSession]:
    """A read-only session on the store's engine, with the store's error translation."""
    with translated(store.url):
        async with AsyncSession(store.engine) as session:
            yield session


@dataclass(frozen=True)
class Overview:
    open: int
    acknowledged: int
    resolved: int
    median_ack: float | None
    acked_count: int
    total_messages: int
    route_totals: dict[str, int]
    series: list[tuple[datetime, dict[str, int]]]


def _bucket(days: int) -> tuple[str, timedelta]:
    return ("hour", timedelta(hours=1)) if days <= 1 else ("day", timedelta(days=1))


async def messages_per_route(
    store: Store, *, since: datetime, bucket: str, step: timedelta, until: datetime
) -> list[tuple[datetime, dict[str, int]]]:
    """User messages per route per bucket from `since` to `until`, empty buckets included."""
    rows = await store.route_counts(since=since, bucket=bucket)
    if bucket == "hour":
        first = since.replace(minute=0, second=0, microsecond=0)
    else:
        first = since.replace(hour=0, minute=0, second=0, microsecond=0)
    series: dict[datetime, dict[str, int]] = {}
    t = first
    while t <= until:
        series[t] = {}
        t += step
    for start, route, n in rows:
        slot = series.setdefault(start, {})
        slot[route] = slot.get(route, 0) + n
    return sorted(series.items())


async def overview(services: Services, *, days: int) -> Overview:
    """The numbers and the chart series for the overview page."""
    store = services.store
    now = datetime.now(UTC)
    since = now - timedelta(days=days)
    counts = await store.escalation_counts()
    median = await store.median_time_to_acknowledge(since=since)
    async with _read(store) as session:
        acked = await session.scalar(
            select(func.count())
            .select_from(m.Escalation)
            .where(m.Escalation.acknowledged_at.is_not(None), m.Escalation.created_at >= since)
        )
    bucket, step = _bucket(days)
    series = await messages_per_route(store, since=since, bucket=bucket, step=step, until=now)
    totals: dict[str, int] = {r: 0 for r in ("crisis", "refuse", "counsel", "humor")}
    for _, slot in series:
        for route, n in slot.items():
            totals[route] = totals.get(route, 0) + n
    return Overview(
        open=counts.get("open", 0),
        acknowledged=counts.get("acknowledged", 0),
        resolved=counts.get("resolved", 0),
        median_ack=median,
        acked_count=int(acked or 0),
        total_messages=sum(totals.values()),
        route_totals=totals,
        series=series,
    )


# --- health and gauges ---------------------------------------------------------------------


async def ping_db(services: Services) -> str:
    await services.store.ping()
    return "ok"
