"""The search box at a million entries, second step (issue 16).

SQLite: the ``fts5vocab`` table ``search_fts_words`` (type ``instance``) over ``search_fts``: the words of the
index, read one seek at a time, so a long prefix query is replaced by the OR of the words it starts
(:func:`sticoop.search.fts5.expand`) instead of FTS5 merging every list it starts into memory. A virtual table
with no storage of its own: nothing is rebuilt.

PostgreSQL: the same scope tokens as SQLite's FTS5 column ``scope`` (migration ``0032_search_1m``), as a
``tsvector`` computed by the immutable function ``search_scope_vector(kind, partnership_id, editors_only,
confidential)``, indexed with the words in one two-column GIN index ``ix_search_entries_scoped_fts`` (it replaces
``ix_search_entries_search_fts``): a viewer's query puts its scope into the index condition
(:func:`sticoop.search.backend.scope_tokens`), so GIN intersects the words' lists with the scope's instead of
the heap being read for every match outside the scope. No row is rewritten (the index computes the tokens).

Revision ID: 0033_search9_words
Revises: 0032_search_1m
"""

from __future__ import annotations

from alembic import op

revision = "0033_search9_words"
down_revision = "0032_search_1m"
branch_labels = None
depends_on = None


#: the scope tokens of an entry (as ``0032_search_1m``'s ``_TOKENS``), a ``tsvector`` of two lexemes
PG_FUNCTION = (
    "CREATE FUNCTION search_scope_vector(kind text, partnership_id integer, editors_only boolean, "
    "confidential boolean) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ "
    "SELECT array_to_tsvector(ARRAY['k' || replace(kind, '_', ''), "
    "CASE WHEN partnership_id IS NULL THEN (CASE WHEN editors_only THEN 'zed' ELSE 'zgen' END) "
    "ELSE 'zp' || partnership_id END || CASE WHEN confidential THEN 'c' ELSE '' END]) $$")
PG_INDEX = ("CREATE INDEX ix_search_entries_scoped_fts ON search_entries USING gin (search_vector, "
            "search_scope_vector(kind, partnership_id, editors_only, confidential))")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE search_fts_words USING fts5vocab(search_fts, 'instance')")
    else:
        op.execute(PG_FUNCTION)
        op.execute(PG_INDEX)
        op.execute("DROP INDEX IF EXISTS ix_search_entries_search_fts")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS search_fts_words")
    else:
        op.execute("CREATE INDEX ix_search_entries_search_fts ON search_entries USING gin (search_vector)")
        op.execute("DROP INDEX IF EXISTS ix_search_entries_scoped_fts")
        op.execute("DROP FUNCTION IF EXISTS search_scope_vector(text, integer, boolean, boolean)")
