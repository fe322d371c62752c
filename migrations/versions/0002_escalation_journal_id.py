"""escalations.journal_id: journal replays are idempotent without a Telegram update id

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 10:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# recreate="never": on SQLite a batch rebuild drops the old table, and with foreign keys on
# that DROP cascades to escalation_notes and outbox, deleting them. ADD COLUMN, CREATE INDEX
# and (SQLite >= 3.35) DROP COLUMN of an unindexed column all work in place instead.


def upgrade() -> None:
    with op.batch_alter_table("escalations", recreate="never") as batch_op:
        batch_op.add_column(sa.Column("journal_id", sa.String(length=32), nullable=True))
        batch_op.create_index(batch_op.f("ix_escalations_journal_id"), ["journal_id"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("escalations", recreate="never") as batch_op:
        batch_op.drop_index(batch_op.f("ix_escalations_journal_id"))
        batch_op.drop_column("journal_id")
