"""Covering indexes for the dashboards' aggregates (issue 16): at 100,000 commitments and projects the charts'
``GROUP BY``s walked an index and then read every table row; with the grouped columns and the scope columns
(``partnership_id``, ``confidential``) in the index they read the index only.

- commitments by partnership × completion; commitments by due year × completion;
- projects by field (``project_fields`` by field, then project); running projects' funding by currency
  (status, currency, budget) and their partners (project, organisation).

Revision ID: 0031_dashboard_rates
Revises: 0030_search_scale
"""

from __future__ import annotations

from alembic import op

revision = "0031_dashboard_rates"
down_revision = "0030_search_scale"
branch_labels = None
depends_on = None

INDEXES = [
    ("ix_commitments_partnership_id_completion", "commitments", ["partnership_id", "completion", "confidential"]),
    ("ix_commitments_due_date_completion", "commitments", ["due_date", "completion", "partnership_id", "confidential"]),
    ("ix_project_fields_field_key_project_id", "project_fields", ["field_key", "project_id"]),
    ("ix_projects_status_currency_budget", "projects", ["status", "currency", "budget", "partnership_id",
                                                        "confidential"]),
    ("ix_project_partners_project_id_organization_id", "project_partners", ["project_id", "organization_id"]),
]


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
