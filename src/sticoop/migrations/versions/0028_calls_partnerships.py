"""A call belongs to one or more partnerships (issue 14): the ``call_partnerships`` link table, filled from each
call's single ``partnership_id`` (kept as the call's lead partnership, the first of its partnerships).

Revision ID: 0028_calls_partnerships
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0028_calls_partnerships"
down_revision = "0027_scope_covering"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "call_partnerships",
        sa.Column("call_id", sa.Integer(), nullable=False),
        sa.Column("partnership_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["call_id"], ["calls.id"], name=op.f("fk_call_partnerships_call_id_calls"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["partnership_id"], ["partnerships.id"],
                                name=op.f("fk_call_partnerships_partnership_id_partnerships"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("call_id", "partnership_id", name=op.f("pk_call_partnerships")),
    )
    op.create_index(op.f("ix_call_partnerships_partnership_id"), "call_partnerships", ["partnership_id"])
    # every call keeps its partnership: one link row per call bound to one
    op.execute("INSERT INTO call_partnerships (call_id, partnership_id) "
               "SELECT id, partnership_id FROM calls WHERE partnership_id IS NOT NULL")


def downgrade() -> None:
    op.drop_index(op.f("ix_call_partnerships_partnership_id"), table_name="call_partnerships")
    op.drop_table("call_partnerships")
