"""Trigram indexes for free-text search on PostgreSQL.

Free-text search is ``search_text LIKE '%term%'`` on a folded column; a B-tree cannot serve a leading
wildcard, so at a million rows PostgreSQL needs pg_trgm GIN indexes. SQLite keeps the plain index.
Where the extension cannot be created (no privilege on a managed service), search still works, unindexed.

Revision ID: 0002
Revises: 0001
"""

import logging

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SEARCHABLE_TABLES = ("organizations", "people", "partnerships", "committees", "sessions", "commitments",
                     "working_groups", "agreements", "programmes", "projects", "visits", "events", "documents")

log = logging.getLogger("alembic.runtime.migration")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    try:
        with bind.begin_nested():
            bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except sa.exc.DBAPIError:
        log.warning("pg_trgm is not available: free-text search will not use trigram indexes")
        return
    for table in SEARCHABLE_TABLES:
        op.execute(f"CREATE INDEX IF NOT EXISTS ix_{table}_search_trgm ON {table} USING gin (search_text gin_trgm_ops)")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for table in SEARCHABLE_TABLES:
        op.execute(f"DROP INDEX IF EXISTS ix_{table}_search_trgm")
