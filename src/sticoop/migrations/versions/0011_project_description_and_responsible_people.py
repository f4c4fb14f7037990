"""A project's description, and the people responsible for a commitment.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 12:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.add_column(sa.Column('description', sa.Text(), nullable=True))

    op.create_table('commitment_people',
    sa.Column('commitment_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['commitment_id'], ['commitments.id'], name=op.f('fk_commitment_people_commitment_id_commitments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_commitment_people_person_id_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('commitment_id', 'person_id', name=op.f('pk_commitment_people'))
    )
    with op.batch_alter_table('commitment_people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commitment_people_person_id'), ['person_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('commitment_people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commitment_people_person_id'))
    op.drop_table('commitment_people')

    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.drop_column('description')
