"""Indexes for the filters offered together (issue 17): a partnership's commitments or projects of one status.

At a million commitments, ``?partnership_id=&status=`` walked the (partnership, due date) index and read every
row of the partnership to test its status (282 ms for a rare combination, SQLite, with statistics); with
(partnership, status, sort) it is one index range. Then refreshes the planner statistics (``ANALYZE``).

Revision ID: 0026_filter_combos
"""

from __future__ import annotations

from alembic import op

revision = "0026_filter_combos"
down_revision = "0025_jobs_heartbeat"
branch_labels = None
depends_on = None

#: (index name, table, columns); the models declare the same
INDEXES = (
    ("ix_commitments_partnership_id_status_due_date", "commitments", ["partnership_id", "status", "due_date"]),
    ("ix_projects_partnership_id_status_start_date", "projects", ["partnership_id", "status", "start_date"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)
    op.execute("ANALYZE")


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
