"""Natural keys for duplicate detection, and search_text refolded with the one fold.

Creates ``natural_keys`` (entity, key) → record id, the index that finds the probable duplicates of a new
record in one lookup, and fills it from the existing records. Recomputes every ``search_text`` column:
the fold changed (œ → oe, ’ → ', dashes, Lao/Thai/Khmer marks kept instead of stripped), and a stored value
folded the old way would no longer be found by a query folded the new way.

Both steps read the tables by reflection (not through the models), so the migration runs whatever later
migrations add to these tables.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

#: table -> the columns folded into its search_text at this revision (sticoop.core.models.Searchable)
SEARCH_FIELDS = {
    "organizations": ("name", "acronym", "aliases"), "people": ("name",), "partnerships": ("name", "summary"),
    "committees": ("name",), "sessions": ("city", "conclusions"), "commitments": ("text",),
    "working_groups": ("name",), "agreements": ("title", "summary"), "programmes": ("name", "acronym", "description"),
    "projects": ("title", "outputs"), "visits": ("purpose", "outcomes"), "events": ("title", "city"),
    "documents": ("filename", "title"), "tech_profiles": ("title", "summary", "keywords"),
}
BATCH = 2000


def upgrade() -> None:
    op.create_table(
        "natural_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("key", sa.String(length=400), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_natural_keys")),
    )
    with op.batch_alter_table("natural_keys", schema=None) as batch_op:
        batch_op.create_index("ix_natural_keys_entity_key", ["entity", "key"], unique=False)
        batch_op.create_index("ix_natural_keys_entity_record_id", ["entity", "record_id"], unique=False)

    from sticoop.core.duplicates import rebuild_keys

    bind = op.get_bind()
    _refold_search_text(bind)
    rebuild_keys(bind)


def _refold_search_text(bind: sa.Connection) -> None:
    from sticoop.core.duplicates import batches
    from sticoop.core.text import fold

    metadata = sa.MetaData()
    for name, fields in SEARCH_FIELDS.items():
        table = sa.Table(name, metadata, autoload_with=bind)
        columns = [table.c[f] for f in fields if f in table.c]
        update = table.update().where(table.c.id == sa.bindparam("row_id")).values(
            search_text=sa.bindparam("folded"))
        query = sa.select(table.c.id, table.c.search_text, *columns)
        for chunk in batches(bind, query, table.c.id, BATCH):
            changed = []
            for row in chunk:
                parts: list[str] = []
                for column in columns:
                    value = row[column.name]
                    if isinstance(value, list | tuple):
                        parts.extend(str(v) for v in value if v)
                    elif value:
                        parts.append(str(value))
                folded = fold(" ".join(parts))[:2000]
                if folded != row["search_text"]:
                    changed.append({"row_id": row["id"], "folded": folded})
            if changed:
                bind.execute(update, changed)


def downgrade() -> None:
    with op.batch_alter_table("natural_keys", schema=None) as batch_op:
        batch_op.drop_index("ix_natural_keys_entity_record_id")
        batch_op.drop_index("ix_natural_keys_entity_key")
    op.drop_table("natural_keys")
