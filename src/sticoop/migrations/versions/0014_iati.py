"""IATI export: organisations' IATI identifiers, a project's language and translations, the field → DAC
sector mapping.

Revision ID: 0014_iati
Revises: 0013
Create Date: 2026-11-30 15:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0014_iati'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('organizations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('iati_identifier', sa.String(length=100), nullable=True))
    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column('translations', sa.JSON(), nullable=False, server_default='[]'))
    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.alter_column('translations', server_default=None)
    op.create_table('iati_sectors',
    sa.Column('field_key', sa.String(length=40), nullable=False),
    sa.Column('dac_code', sa.String(length=5), nullable=False),
    sa.ForeignKeyConstraint(['field_key'], ['fields.key'], name=op.f('fk_iati_sectors_field_key_fields'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('field_key', name=op.f('pk_iati_sectors'))
    )


def downgrade() -> None:
    op.drop_table('iati_sectors')
    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.drop_column('translations')
        batch_op.drop_column('language')
    with op.batch_alter_table('organizations', schema=None) as batch_op:
        batch_op.drop_column('iati_identifier')
