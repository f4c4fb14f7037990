"""Briefing packs: a visit's objectives and points to make, and the provenance of each generated pack.

Revision ID: 0019_briefing
Revises: 0013
"""

from alembic import op
import sqlalchemy as sa


revision = '0019_briefing'
down_revision = '0018_calls'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.add_column(sa.Column('objectives', sa.Text(), nullable=True))

    op.create_table('briefing_packs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('partnership_id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=True),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('format', sa.String(length=8), nullable=False),
    sa.Column('locale', sa.String(length=8), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('built_by', sa.String(length=120), nullable=False),
    sa.Column('built_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('confidential', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('sources', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_briefing_packs_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['partnership_id'], ['partnerships.id'], name=op.f('fk_briefing_packs_partnership_id_partnerships'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_briefing_packs_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_briefing_packs_visit_id_visits'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_briefing_packs'))
    )
    with op.batch_alter_table('briefing_packs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_briefing_packs_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_briefing_packs_partnership_id'), ['partnership_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_briefing_packs_user_id'), ['user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_briefing_packs_visit_id'), ['visit_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('briefing_packs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_briefing_packs_visit_id'))
        batch_op.drop_index(batch_op.f('ix_briefing_packs_user_id'))
        batch_op.drop_index(batch_op.f('ix_briefing_packs_partnership_id'))
        batch_op.drop_index(batch_op.f('ix_briefing_packs_document_id'))
    op.drop_table('briefing_packs')

    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.drop_column('objectives')
