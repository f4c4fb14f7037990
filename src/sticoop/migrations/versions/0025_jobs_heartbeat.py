"""Stale jobs: ``jobs.heartbeat_at``, written every few seconds by the worker running the job, so that a job whose
worker died (``kill -9``, power loss) can be told from one still running and swept (marked failed or queued again).

Revision ID: 0025_jobs_heartbeat
Revises: 0020_search
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0025_jobs_heartbeat"
down_revision = "0024_calls_reasons"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.drop_column("heartbeat_at")
