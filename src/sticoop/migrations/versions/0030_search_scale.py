"""The search index at scale (issue 16): vectors are computed after the write by the ``search.embed`` job.

- a partial index of the entries still waiting for their vector (``embedding IS NULL``): the job's run every
  minute finds them in one index range instead of reading a million entries;
- the full-text triggers fire on a change of the folded text only (``UPDATE OF title_folded, body_folded``): the
  job's UPDATE of an entry's vector no longer deletes and re-adds its words in FTS5 nor re-parses its tsvector.

Revision ID: 0030_search_scale
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0030_search_scale"
down_revision = "0029_jobs_messages"
branch_labels = None
depends_on = None

_SQLITE_UPDATE = (
    "CREATE TRIGGER search_entries_au AFTER UPDATE {of}ON search_entries BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title_folded, body_folded) "
    "VALUES ('delete', old.id, old.title_folded, old.body_folded); "
    "INSERT INTO search_fts(rowid, title_folded, body_folded) VALUES (new.id, new.title_folded, new.body_folded); "
    "END")
_PG_TRIGGER = ("CREATE TRIGGER search_entries_vector BEFORE INSERT OR UPDATE {of}ON search_entries "
               "FOR EACH ROW EXECUTE FUNCTION search_entries_vector()")
_TEXT = "OF title_folded, body_folded "


def _triggers(of: str) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS search_entries_vector ON search_entries")
        op.execute(_PG_TRIGGER.format(of=of))
    else:
        op.execute("DROP TRIGGER IF EXISTS search_entries_au")
        op.execute(_SQLITE_UPDATE.format(of=of))


def upgrade() -> None:
    op.create_index("ix_search_entries_waiting", "search_entries", ["id"],
                    sqlite_where=sa.text("embedding IS NULL"), postgresql_where=sa.text("embedding IS NULL"))
    _triggers(_TEXT)


def downgrade() -> None:
    _triggers("")
    op.drop_index("ix_search_entries_waiting", table_name="search_entries")
