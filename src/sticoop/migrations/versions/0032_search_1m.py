"""The search box at a million entries (issue 16): on SQLite, each entry's scope is indexed by FTS5 too, so a
viewer's scope is part of the full-text query (an intersection of doclists inside FTS5) instead of a join
applied to every match afterwards.

``search_fts`` gets a third column ``scope`` read from the view ``search_fts_source`` (the FTS5 table's
external content): the tokens ``k<kind>`` (underscores dropped) and ``zp<partnership id>`` / ``zgen`` (general)
/ ``zed`` (general, editors only), with ``c`` appended when the entry is confidential
(:func:`sticoop.search.backend.scope_tokens` writes the same tokens into a query). The triggers add and delete
the tokens with the words, also when an entry's scope columns change. Prefix indexes of 2 and 3 characters
(``prefix='2 3'``): every query word is a prefix, and a short one (``pr``) otherwise merges the doclists of
every word it starts (hundreds of thousands of postings at a million entries). The FTS5 table is rebuilt from the
entries (no record is read: the entries stay as they are). PostgreSQL: nothing changes (its planner combines
the GIN index with the btree of ``partnership_id``).

Revision ID: 0032_search_1m
Revises: 0031_dashboard_rates
"""

from __future__ import annotations

from alembic import op

revision = "0032_search_1m"
down_revision = "0031_dashboard_rates"
branch_labels = None
depends_on = None

#: the scope tokens of an entry row ``{r}`` (``new``, ``old`` or the table itself)
_TOKENS = ("('k' || replace({r}.kind, '_', '') || ' ' || "
           "CASE WHEN {r}.partnership_id IS NULL THEN (CASE WHEN {r}.editors_only THEN 'zed' ELSE 'zgen' END) "
           "ELSE 'zp' || {r}.partnership_id END || CASE WHEN {r}.confidential THEN 'c' ELSE '' END)")
_COLUMNS = "rowid, title_folded, body_folded, scope"
_ADD = ("INSERT INTO search_fts(" + _COLUMNS + ") "
        "VALUES (new.id, new.title_folded, new.body_folded, " + _TOKENS.format(r="new") + ");")
_DELETE = ("INSERT INTO search_fts(search_fts, " + _COLUMNS + ") "
           "VALUES ('delete', old.id, old.title_folded, old.body_folded, " + _TOKENS.format(r="old") + ");")
_WATCHED = "title_folded, body_folded, kind, partnership_id, editors_only, confidential"

UPGRADE = [
    "DROP TRIGGER IF EXISTS search_entries_ai",
    "DROP TRIGGER IF EXISTS search_entries_ad",
    "DROP TRIGGER IF EXISTS search_entries_au",
    "DROP TABLE IF EXISTS search_fts",
    "CREATE VIEW search_fts_source AS SELECT id, title_folded, body_folded, "
    + _TOKENS.format(r="search_entries") + " AS scope FROM search_entries",
    "CREATE VIRTUAL TABLE search_fts USING fts5(title_folded, body_folded, scope, content='search_fts_source', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
    "CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN " + _ADD + " END",
    "CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN " + _DELETE + " END",
    f"CREATE TRIGGER search_entries_au AFTER UPDATE OF {_WATCHED} ON search_entries BEGIN " + _DELETE + " "
    + _ADD + " END",
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]

DOWNGRADE = [
    "DROP TRIGGER IF EXISTS search_entries_ai",
    "DROP TRIGGER IF EXISTS search_entries_ad",
    "DROP TRIGGER IF EXISTS search_entries_au",
    "DROP TABLE IF EXISTS search_fts",
    "DROP VIEW IF EXISTS search_fts_source",
    "CREATE VIRTUAL TABLE search_fts USING fts5(title_folded, body_folded, content='search_entries', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN "
    "INSERT INTO search_fts(rowid, title_folded, body_folded) VALUES (new.id, new.title_folded, new.body_folded); "
    "END",
    "CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title_folded, body_folded) "
    "VALUES ('delete', old.id, old.title_folded, old.body_folded); END",
    "CREATE TRIGGER search_entries_au AFTER UPDATE OF title_folded, body_folded ON search_entries BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title_folded, body_folded) "
    "VALUES ('delete', old.id, old.title_folded, old.body_folded); "
    "INSERT INTO search_fts(rowid, title_folded, body_folded) VALUES (new.id, new.title_folded, new.body_folded); "
    "END",
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in UPGRADE:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in DOWNGRADE:
            op.execute(statement)
