"""Stored vectors found by their text: an index on ``profile_embeddings (embedder, fingerprint)``, so an import
or an edit reuses the vector already computed for the same text instead of running the model again.

Revision ID: 0021_matching
Revises: 0020_search
"""

from __future__ import annotations

from alembic import op

revision = "0021_matching"
down_revision = "0020_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("profile_embeddings", schema=None) as batch_op:
        batch_op.create_index("ix_profile_embeddings_embedder_fingerprint", ["embedder", "fingerprint"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("profile_embeddings", schema=None) as batch_op:
        batch_op.drop_index("ix_profile_embeddings_embedder_fingerprint")
