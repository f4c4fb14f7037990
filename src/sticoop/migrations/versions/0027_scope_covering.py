"""Indexes carry the columns a viewer's scope tests (issue 17): a viewer's lists read them from the index.

Every statement of a viewer or member carries ``partnership_id IN (…) AND confidential IS false``. With
``(partnership_id, status, due_date)`` the index found the rows but each one was then read from the table to test
``confidential``: a viewer's bounded count of a partnership's commitments of one status read 10,001 table rows
(7.5 ms at a million rows) where the admin's count is an index walk. The trailing column makes the viewer's count
and page index-only too; the sort still walks the index (``confidential`` comes after the sort column).

The same for the free-text search of lists (a leading-wildcard ``LIKE`` on ``search_text``, answered by scanning
the ``search_text`` index): without the scope columns in it, a viewer's count read every row of the table (110 ms
at a million commitments; the admin's 2 ms). ``ix_<table>_search_text`` becomes ``(search_text, partnership_id,
confidential)``, or ``(search_text, confidential)`` where the table has no partnership column.

Revision ID: 0027_scope_covering
"""

from __future__ import annotations

from alembic import op

revision = "0027_scope_covering"
down_revision = "0026_filter_combos"
branch_labels = None
depends_on = None

#: (index name, table, columns before); the models declare them followed by ``confidential``
INDEXES = (
    ("ix_commitments_partnership_id_due_date", "commitments", ["partnership_id", "due_date"]),
    ("ix_commitments_partnership_id_status_due_date", "commitments", ["partnership_id", "status", "due_date"]),
    ("ix_projects_partnership_id_start_date", "projects", ["partnership_id", "start_date"]),
    ("ix_projects_partnership_id_status_start_date", "projects", ["partnership_id", "status", "start_date"]),
    ("ix_events_partnership_id_start_date", "events", ["partnership_id", "start_date"]),
    ("ix_visits_partnership_id_start_date", "visits", ["partnership_id", "start_date"]),
)


#: tables whose ``search_text`` index gains the scope columns: (table, has a partnership_id column)
SEARCH_TEXT = (
    ("partnerships", False), ("sessions", False), ("agreements", True), ("committees", True), ("documents", True),
    ("visits", True), ("working_groups", True), ("commitments", True), ("projects", True), ("events", True),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, [*columns, "confidential"])
    for table, bound in SEARCH_TEXT:
        op.drop_index(f"ix_{table}_search_text", table_name=table)
        op.create_index(f"ix_{table}_search_text", table,
                        ["search_text", "partnership_id", "confidential"] if bound else ["search_text", "confidential"])
    op.execute("ANALYZE")


def downgrade() -> None:
    for table, _bound in reversed(SEARCH_TEXT):
        op.drop_index(f"ix_{table}_search_text", table_name=table)
        op.create_index(f"ix_{table}_search_text", table, ["search_text"])
    for name, table, columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
        op.create_index(name, table, columns)
