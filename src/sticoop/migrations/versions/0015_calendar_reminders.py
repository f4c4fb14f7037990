"""Calendar subscription tokens, reminder rules and the reminders sent.

Revision ID: 0015_calendar_reminders
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_calendar_reminders"
down_revision = "0016_jobs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("feed", sa.String(length=40), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("prefix", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_calendar_tokens_user_id_users"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_calendar_tokens_token_hash")),
    )
    with op.batch_alter_table("calendar_tokens", schema=None) as batch_op:
        batch_op.create_index("ix_calendar_tokens_user_feed", ["user_id", "feed"], unique=False)

    op.create_table(
        "reminder_settings",
        sa.Column("user_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("days_before", sa.JSON(), nullable=False),
        sa.Column("weekly_digest", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_reminder_settings_user_id_users"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_reminder_settings")),
    )

    op.create_table(
        "reminder_deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("item_uid", sa.String(length=200), nullable=False),
        sa.Column("offset_days", sa.Integer(), nullable=False),
        sa.Column("item_date", sa.String(length=10), nullable=True),
        sa.Column("recipient", sa.String(length=200), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("message_id", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_reminder_deliveries_user_id_users"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_deliveries")),
        sa.UniqueConstraint("user_id", "item_uid", "offset_days",
                            name=op.f("uq_reminder_deliveries_user_id_item_uid_offset_days")),
    )
    with op.batch_alter_table("reminder_deliveries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reminder_deliveries_sent_at"), ["sent_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("reminder_deliveries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reminder_deliveries_sent_at"))
    op.drop_table("reminder_deliveries")
    op.drop_table("reminder_settings")
    with op.batch_alter_table("calendar_tokens", schema=None) as batch_op:
        batch_op.drop_index("ix_calendar_tokens_user_feed")
    op.drop_table("calendar_tokens")
