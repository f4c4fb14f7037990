"""The dashboards drill down from a chart of commitments by completion to ``/commitments?completion=``: an index on
``commitments.completion`` keeps that filter fast at a million rows.

Revision ID: 0022_dashboards
Revises: 0020_search
"""

from __future__ import annotations

from alembic import op

revision = "0022_dashboards"
down_revision = "0021_matching"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_commitments_completion", "commitments", ["completion"])


def downgrade() -> None:
    op.drop_index("ix_commitments_completion", table_name="commitments")
