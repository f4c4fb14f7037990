"""Record linkage keys: ``linkage_keys`` (entity, key) → record id, filled from the existing records.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "linkage_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("key", sa.String(length=400), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_linkage_keys")),
    )
    with op.batch_alter_table("linkage_keys", schema=None) as batch_op:
        batch_op.create_index("ix_linkage_keys_entity_key", ["entity", "key"], unique=False)
        batch_op.create_index("ix_linkage_keys_entity_record_id", ["entity", "record_id"], unique=False)

    from sticoop.linkage.index import rebuild_link_keys

    rebuild_link_keys(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table("linkage_keys", schema=None) as batch_op:
        batch_op.drop_index("ix_linkage_keys_entity_record_id")
        batch_op.drop_index("ix_linkage_keys_entity_key")
    op.drop_table("linkage_keys")
