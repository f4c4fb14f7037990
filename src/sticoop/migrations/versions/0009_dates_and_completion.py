"""Progress updates may state a completion level; an agreement's initial status may be undated: it is dated by the agreement's own date, not the typing day.

Existing initial entries dated after a later change of the same agreement (they were dated on the day they
were typed) get the agreement's own date for that status, or none.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 12:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

STATUS_DATE = {"signed": "signed_date", "in_force": "in_force_date", "renewed": "in_force_date",
               "expired": "expiry_date"}


def upgrade() -> None:
    with op.batch_alter_table('progress_updates', schema=None) as batch_op:
        batch_op.add_column(sa.Column('completion', sa.String(length=20), nullable=True))
    with op.batch_alter_table('agreement_status_changes', schema=None) as batch_op:
        batch_op.alter_column('date', existing_type=sa.Date(), nullable=True)
    own_date = "CASE c.to_status " + " ".join(
        f"WHEN '{status}' THEN (SELECT a.{column} FROM agreements a WHERE a.id = c.agreement_id)"
        for status, column in STATUS_DATE.items()) + " ELSE NULL END"
    op.execute(sa.text(
        f"UPDATE agreement_status_changes SET date = (SELECT {own_date} FROM agreement_status_changes c "
        "WHERE c.id = agreement_status_changes.id) "
        "WHERE from_status IS NULL AND EXISTS (SELECT 1 FROM agreement_status_changes later "
        "WHERE later.agreement_id = agreement_status_changes.agreement_id "
        "AND later.id > agreement_status_changes.id AND later.date < agreement_status_changes.date)"
    ))


def downgrade() -> None:
    op.execute(sa.text(
        "UPDATE agreement_status_changes SET date = (SELECT COALESCE(MIN(later.date), CURRENT_DATE) "
        "FROM agreement_status_changes later WHERE later.agreement_id = agreement_status_changes.agreement_id) "
        "WHERE date IS NULL"
    ))
    with op.batch_alter_table('agreement_status_changes', schema=None) as batch_op:
        batch_op.alter_column('date', existing_type=sa.Date(), nullable=False)
    with op.batch_alter_table('progress_updates', schema=None) as batch_op:
        batch_op.drop_column('completion')
