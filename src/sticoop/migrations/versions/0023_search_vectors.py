"""The search index's vectors: each entry's embedding (and the embedder's name) for the semantic half of the
search box, computed for the entries that exist.

Revision ID: 0023_search_vectors
Revises: 0020_search
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0023_search_vectors"
down_revision = "0022_dashboards"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ALTER TABLE on both databases (a batch copy on SQLite would drop the FTS5 triggers of 0020)
    op.add_column("search_entries", sa.Column("embedding", sa.LargeBinary(), nullable=True))
    op.add_column("search_entries", sa.Column("embedder", sa.String(length=100), nullable=True))
    from sqlalchemy.orm import Session

    from sticoop.search.vectors import backfill

    with Session(bind=op.get_bind()) as db:
        backfill(db)


def downgrade() -> None:
    op.drop_column("search_entries", "embedder")
    op.drop_column("search_entries", "embedding")
