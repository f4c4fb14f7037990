"""Tombstones of merged records: a merged id keeps leading to the record it was merged into.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 11:45:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('merged_records',
    sa.Column('entity_type', sa.String(length=40), nullable=False),
    sa.Column('from_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('into_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=120), nullable=False),
    sa.PrimaryKeyConstraint('entity_type', 'from_id', name=op.f('pk_merged_records'))
    )
    with op.batch_alter_table('merged_records', schema=None) as batch_op:
        batch_op.create_index('ix_merged_records_into', ['entity_type', 'into_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('merged_records', schema=None) as batch_op:
        batch_op.drop_index('ix_merged_records_into')
    op.drop_table('merged_records')
