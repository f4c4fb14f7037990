"""Job messages in the reader's language: ``jobs.message_args`` and ``jobs.error_args`` hold the arguments of the
message code stored in ``message``/``error`` (translated when read). Existing rows keep NULL: their text is
shown as written.

Revision ID: 0029_jobs_messages
Revises: 0028_calls_partnerships
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0029_jobs_messages"
down_revision = "0028_calls_partnerships"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("message_args", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("error_args", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.drop_column("error_args")
        batch_op.drop_column("message_args")
