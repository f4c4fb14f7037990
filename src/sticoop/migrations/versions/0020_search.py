"""The search box's index: ``search_entries`` (one row per searchable record, with its scope) and its full-text
index — an FTS5 table kept by triggers on SQLite, a weighted ``tsvector`` column kept by a trigger with a GIN
index on PostgreSQL —
filled from the existing records.

Revision ID: 0020_search
Revises: 0019_briefing
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0020_search"
down_revision = "0019_briefing"
branch_labels = None
depends_on = None

PG_VECTOR = [
    "CREATE FUNCTION search_entries_vector() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "NEW.search_vector := setweight(to_tsvector('simple'::regconfig, NEW.title_folded), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, NEW.body_folded), 'B'); RETURN NEW; END $$",
    "CREATE TRIGGER search_entries_vector BEFORE INSERT OR UPDATE ON search_entries "
    "FOR EACH ROW EXECUTE FUNCTION search_entries_vector()",
    "CREATE INDEX ix_search_entries_search_fts ON search_entries USING gin (search_vector)",
]

SQLITE_FTS = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(title_folded, body_folded, content='search_entries', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN "
    "INSERT INTO search_fts(rowid, title_folded, body_folded) VALUES (new.id, new.title_folded, new.body_folded); "
    "END",
    "CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title_folded, body_folded) "
    "VALUES ('delete', old.id, old.title_folded, old.body_folded); END",
    "CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title_folded, body_folded) "
    "VALUES ('delete', old.id, old.title_folded, old.body_folded); "
    "INSERT INTO search_fts(rowid, title_folded, body_folded) VALUES (new.id, new.title_folded, new.body_folded); "
    "END",
]


def upgrade() -> None:
    op.create_table(
        "search_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("partnership_id", sa.Integer(), nullable=True),
        sa.Column("editors_only", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("confidential", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("title_folded", sa.Text(), nullable=False),
        sa.Column("body_folded", sa.Text(), nullable=False),
        sa.Column("search_vector", sa.Text().with_variant(postgresql.TSVECTOR(), "postgresql"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_entries")),
    )
    with op.batch_alter_table("search_entries", schema=None) as batch_op:
        batch_op.create_index("ix_search_entries_kind_record_id", ["kind", "record_id"], unique=True)
        batch_op.create_index(batch_op.f("ix_search_entries_partnership_id"), ["partnership_id"], unique=False)
    bind = op.get_bind()
    for statement in PG_VECTOR if bind.dialect.name == "postgresql" else SQLITE_FTS:
        op.execute(statement)
    _fill(bind)


def _fill(bind: sa.Connection) -> None:
    """Index the records that exist (none in a new database: nothing is loaded then). The rebuild reads the
    records through today's models: should a later migration change a searchable table, an old database
    upgraded past both must skip this step and run ``sticoop search reindex`` at the end instead."""
    tables = ("partnerships", "organizations", "people", "documents", "projects", "tech_profiles")
    inspector = sa.inspect(bind)
    present = [t for t in tables if inspector.has_table(t)]
    if not any(bind.execute(sa.text(f"SELECT 1 FROM {t} LIMIT 1")).first() for t in present):  # noqa: S608
        return
    from sqlalchemy.orm import Session

    from sticoop.search.index import rebuild

    with Session(bind=bind) as db:
        rebuild(db, vectors=False)  # 0023 adds and computes the vectors
        db.flush()


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_search_entries_search_fts")
        op.execute("DROP TRIGGER IF EXISTS search_entries_vector ON search_entries")
        op.execute("DROP FUNCTION IF EXISTS search_entries_vector()")
    else:
        for name in ("search_entries_au", "search_entries_ad", "search_entries_ai"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS search_fts")
    with op.batch_alter_table("search_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_search_entries_partnership_id"))
        batch_op.drop_index("ix_search_entries_kind_record_id")
    op.drop_table("search_entries")
