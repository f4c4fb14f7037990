"""List indexes for a million rows (issue 17): each list's default sort, and each offered filter with the sort.

Both databases: name indexes of the lists sorted by name, (filter, sort) composite indexes of the big lists, the
agreement kind filter. PostgreSQL only: indexes matching the descending sorts exactly (``start_date DESC NULLS
LAST, id DESC``): PostgreSQL cannot answer ``DESC NULLS LAST`` with a backward scan of an ascending index, while
SQLite walks an ascending index either way. Those exist only here (like the trigram indexes), named ``*_desc_sort``.

Revision ID: 0017_list_indexes
"""

from __future__ import annotations

from alembic import op

revision = "0017_list_indexes"
down_revision = "0015_calendar_reminders"
branch_labels = None
depends_on = None

#: (index name, table, columns) on both databases; the models declare the same
BOTH = (
    ("ix_organizations_name", "organizations", ["name"]),
    ("ix_people_name", "people", ["name"]),
    ("ix_partnerships_name", "partnerships", ["name"]),
    ("ix_committees_name", "committees", ["name"]),
    ("ix_programmes_name", "programmes", ["name"]),
    ("ix_working_groups_name", "working_groups", ["name"]),
    ("ix_projects_partnership_id_start_date", "projects", ["partnership_id", "start_date"]),
    ("ix_projects_status_start_date", "projects", ["status", "start_date"]),
    ("ix_commitments_partnership_id_due_date", "commitments", ["partnership_id", "due_date"]),
    ("ix_commitments_status_due_date", "commitments", ["status", "due_date"]),
    ("ix_agreements_kind", "agreements", ["kind"]),
    ("ix_events_partnership_id_start_date", "events", ["partnership_id", "start_date"]),
    ("ix_visits_partnership_id_start_date", "visits", ["partnership_id", "start_date"]),
)
#: (table, column) of the lists sorted descending by default: PostgreSQL sort indexes
DESCENDING = (
    ("projects", "start_date"), ("events", "start_date"), ("sessions", "start_date"), ("visits", "start_date"),
    ("agreements", "updated_at"), ("tech_profiles", "updated_at"),
)


def upgrade() -> None:
    for name, table, columns in BOTH:
        op.create_index(name, table, columns)
    if op.get_bind().dialect.name == "postgresql":
        for table, column in DESCENDING:
            op.execute(f"CREATE INDEX IF NOT EXISTS ix_{table}_{column}_desc_sort "
                       f"ON {table} ({column} DESC NULLS LAST, id DESC)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table, column in DESCENDING:
            op.execute(f"DROP INDEX IF EXISTS ix_{table}_{column}_desc_sort")
    for name, table, _columns in reversed(BOTH):
        op.drop_index(name, table_name=table)
