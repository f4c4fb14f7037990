"""Joint funding calls: calls, funders, proposals and their partners, reviewers, conflicts of interest,
assignments, reviews, consensus reports and funding decisions.

Revision ID: 0018_calls
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0018_calls'
down_revision = '0017_list_indexes'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('calls',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('programme_id', sa.Integer(), nullable=True),
    sa.Column('partnership_id', sa.Integer(), nullable=True),
    sa.Column('topics', sa.JSON(), nullable=False),
    sa.Column('opens_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closes_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('rules', sa.JSON(), nullable=False),
    sa.Column('criteria', sa.JSON(), nullable=False),
    sa.Column('overall_threshold', sa.Numeric(precision=6, scale=2), nullable=False),
    sa.Column('reviewers_per_proposal', sa.Integer(), nullable=False),
    sa.Column('tie_break', sa.JSON(), nullable=False),
    sa.Column('page_limit', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('search_text', sa.String(length=2000), nullable=False),
    sa.ForeignKeyConstraint(['partnership_id'], ['partnerships.id'], name=op.f('fk_calls_partnership_id_partnerships'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'], name=op.f('fk_calls_programme_id_programmes'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calls'))
    )
    with op.batch_alter_table('calls', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_calls_opens_at'), ['opens_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_calls_partnership_id'), ['partnership_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_calls_programme_id'), ['programme_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_calls_search_text'), ['search_text'], unique=False)
        batch_op.create_index(batch_op.f('ix_calls_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_calls_updated_at'), ['updated_at'], unique=False)

    op.create_table('call_funders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('call_id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('country_code', sa.String(length=3), nullable=False),
    sa.Column('budget', sa.Numeric(precision=18, scale=2), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('funds_own_nationals_only', sa.Boolean(), nullable=False),
    sa.Column('extra_rules', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['call_id'], ['calls.id'], name=op.f('fk_call_funders_call_id_calls'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['country_code'], ['countries.code'], name=op.f('fk_call_funders_country_code_countries')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_call_funders_organization_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_call_funders')),
    sa.UniqueConstraint('call_id', 'organization_id', name=op.f('uq_call_funders_call_id_organization_id'))
    )
    with op.batch_alter_table('call_funders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_call_funders_call_id'), ['call_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_call_funders_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_call_funders_updated_at'), ['updated_at'], unique=False)

    op.create_table('proposals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('call_id', sa.Integer(), nullable=False),
    sa.Column('acronym', sa.String(length=40), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('topic', sa.String(length=300), nullable=True),
    sa.Column('abstract', sa.Text(), nullable=True),
    sa.Column('trl', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('search_text', sa.String(length=2000), nullable=False),
    sa.ForeignKeyConstraint(['call_id'], ['calls.id'], name=op.f('fk_proposals_call_id_calls'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_proposals_document_id_documents'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proposals')),
    sa.UniqueConstraint('call_id', 'acronym', name=op.f('uq_proposals_call_id_acronym'))
    )
    with op.batch_alter_table('proposals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proposals_call_id'), ['call_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposals_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposals_search_text'), ['search_text'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposals_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposals_updated_at'), ['updated_at'], unique=False)

    op.create_table('reviewers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('call_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=80), nullable=True),
    sa.Column('expertise', sa.JSON(), nullable=False),
    sa.Column('max_load', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['call_id'], ['calls.id'], name=op.f('fk_reviewers_call_id_calls'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_reviewers_person_id_people')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reviewers')),
    sa.UniqueConstraint('call_id', 'person_id', name=op.f('uq_reviewers_call_id_person_id'))
    )
    with op.batch_alter_table('reviewers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reviewers_call_id'), ['call_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reviewers_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reviewers_updated_at'), ['updated_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_reviewers_username'), ['username'], unique=False)

    op.create_table('conflicts_of_interest',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposals.id'], name=op.f('fk_conflicts_of_interest_proposal_id_proposals'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reviewer_id'], ['reviewers.id'], name=op.f('fk_conflicts_of_interest_reviewer_id_reviewers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conflicts_of_interest')),
    sa.UniqueConstraint('reviewer_id', 'proposal_id', name=op.f('uq_conflicts_of_interest_reviewer_id_proposal_id'))
    )
    with op.batch_alter_table('conflicts_of_interest', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conflicts_of_interest_proposal_id'), ['proposal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_conflicts_of_interest_updated_at'), ['updated_at'], unique=False)

    op.create_table('consensus_reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('rapporteur_id', sa.Integer(), nullable=False),
    sa.Column('scores', sa.JSON(), nullable=False),
    sa.Column('justification', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposals.id'], name=op.f('fk_consensus_reports_proposal_id_proposals'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['rapporteur_id'], ['reviewers.id'], name=op.f('fk_consensus_reports_rapporteur_id_reviewers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consensus_reports')),
    sa.UniqueConstraint('proposal_id', name=op.f('uq_consensus_reports_proposal_id'))
    )
    with op.batch_alter_table('consensus_reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consensus_reports_rapporteur_id'), ['rapporteur_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_consensus_reports_updated_at'), ['updated_at'], unique=False)

    op.create_table('funding_decisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('call_id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=True),
    sa.Column('shares', sa.JSON(), nullable=False),
    sa.Column('shortfalls', sa.JSON(), nullable=False),
    sa.Column('reason', sa.String(length=1000), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['call_id'], ['calls.id'], name=op.f('fk_funding_decisions_call_id_calls'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_funding_decisions_project_id_projects'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposals.id'], name=op.f('fk_funding_decisions_proposal_id_proposals'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_funding_decisions')),
    sa.UniqueConstraint('call_id', 'proposal_id', name=op.f('uq_funding_decisions_call_id_proposal_id'))
    )
    with op.batch_alter_table('funding_decisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_funding_decisions_outcome'), ['outcome'], unique=False)
        batch_op.create_index(batch_op.f('ix_funding_decisions_project_id'), ['project_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_funding_decisions_proposal_id'), ['proposal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_funding_decisions_updated_at'), ['updated_at'], unique=False)

    op.create_table('proposal_partners',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('country_code', sa.String(length=3), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('funder_id', sa.Integer(), nullable=True),
    sa.Column('budget', sa.Numeric(precision=18, scale=2), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['country_code'], ['countries.code'], name=op.f('fk_proposal_partners_country_code_countries')),
    sa.ForeignKeyConstraint(['funder_id'], ['call_funders.id'], name=op.f('fk_proposal_partners_funder_id_call_funders')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_proposal_partners_organization_id_organizations')),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_proposal_partners_person_id_people')),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposals.id'], name=op.f('fk_proposal_partners_proposal_id_proposals'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proposal_partners'))
    )
    with op.batch_alter_table('proposal_partners', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proposal_partners_funder_id'), ['funder_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposal_partners_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposal_partners_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposal_partners_proposal_id'), ['proposal_id'], unique=False)

    op.create_table('review_assignments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('call_id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=False),
    sa.Column('expertise_score', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['call_id'], ['calls.id'], name=op.f('fk_review_assignments_call_id_calls'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposals.id'], name=op.f('fk_review_assignments_proposal_id_proposals'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reviewer_id'], ['reviewers.id'], name=op.f('fk_review_assignments_reviewer_id_reviewers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_assignments')),
    sa.UniqueConstraint('proposal_id', 'reviewer_id', name=op.f('uq_review_assignments_proposal_id_reviewer_id'))
    )
    with op.batch_alter_table('review_assignments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_assignments_call_id'), ['call_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_assignments_reviewer_id'), ['reviewer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_assignments_updated_at'), ['updated_at'], unique=False)

    op.create_table('proposal_fields',
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('field_key', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['field_key'], ['fields.key'], name=op.f('fk_proposal_fields_field_key_fields')),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposals.id'], name=op.f('fk_proposal_fields_proposal_id_proposals'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('proposal_id', 'field_key', name=op.f('pk_proposal_fields'))
    )
    with op.batch_alter_table('proposal_fields', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proposal_fields_field_key'), ['field_key'], unique=False)

    op.create_table('reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=False),
    sa.Column('scores', sa.JSON(), nullable=False),
    sa.Column('comments', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposals.id'], name=op.f('fk_reviews_proposal_id_proposals'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reviewer_id'], ['reviewers.id'], name=op.f('fk_reviews_reviewer_id_reviewers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reviews')),
    sa.UniqueConstraint('proposal_id', 'reviewer_id', name=op.f('uq_reviews_proposal_id_reviewer_id'))
    )
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reviews_reviewer_id'), ['reviewer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reviews_updated_at'), ['updated_at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reviews_updated_at'))
        batch_op.drop_index(batch_op.f('ix_reviews_reviewer_id'))

    op.drop_table('reviews')
    with op.batch_alter_table('proposal_fields', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_proposal_fields_field_key'))

    op.drop_table('proposal_fields')
    with op.batch_alter_table('review_assignments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_assignments_updated_at'))
        batch_op.drop_index(batch_op.f('ix_review_assignments_reviewer_id'))
        batch_op.drop_index(batch_op.f('ix_review_assignments_call_id'))

    op.drop_table('review_assignments')
    with op.batch_alter_table('proposal_partners', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_proposal_partners_proposal_id'))
        batch_op.drop_index(batch_op.f('ix_proposal_partners_person_id'))
        batch_op.drop_index(batch_op.f('ix_proposal_partners_organization_id'))
        batch_op.drop_index(batch_op.f('ix_proposal_partners_funder_id'))

    op.drop_table('proposal_partners')
    with op.batch_alter_table('funding_decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_funding_decisions_updated_at'))
        batch_op.drop_index(batch_op.f('ix_funding_decisions_proposal_id'))
        batch_op.drop_index(batch_op.f('ix_funding_decisions_project_id'))
        batch_op.drop_index(batch_op.f('ix_funding_decisions_outcome'))

    op.drop_table('funding_decisions')
    with op.batch_alter_table('consensus_reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consensus_reports_updated_at'))
        batch_op.drop_index(batch_op.f('ix_consensus_reports_rapporteur_id'))

    op.drop_table('consensus_reports')
    with op.batch_alter_table('conflicts_of_interest', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conflicts_of_interest_updated_at'))
        batch_op.drop_index(batch_op.f('ix_conflicts_of_interest_proposal_id'))

    op.drop_table('conflicts_of_interest')
    with op.batch_alter_table('reviewers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reviewers_username'))
        batch_op.drop_index(batch_op.f('ix_reviewers_updated_at'))
        batch_op.drop_index(batch_op.f('ix_reviewers_person_id'))
        batch_op.drop_index(batch_op.f('ix_reviewers_call_id'))

    op.drop_table('reviewers')
    with op.batch_alter_table('proposals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_proposals_updated_at'))
        batch_op.drop_index(batch_op.f('ix_proposals_status'))
        batch_op.drop_index(batch_op.f('ix_proposals_search_text'))
        batch_op.drop_index(batch_op.f('ix_proposals_document_id'))
        batch_op.drop_index(batch_op.f('ix_proposals_call_id'))

    op.drop_table('proposals')
    with op.batch_alter_table('call_funders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_call_funders_updated_at'))
        batch_op.drop_index(batch_op.f('ix_call_funders_organization_id'))
        batch_op.drop_index(batch_op.f('ix_call_funders_call_id'))

    op.drop_table('call_funders')
    with op.batch_alter_table('calls', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_calls_updated_at'))
        batch_op.drop_index(batch_op.f('ix_calls_status'))
        batch_op.drop_index(batch_op.f('ix_calls_search_text'))
        batch_op.drop_index(batch_op.f('ix_calls_programme_id'))
        batch_op.drop_index(batch_op.f('ix_calls_partnership_id'))
        batch_op.drop_index(batch_op.f('ix_calls_opens_at'))

    op.drop_table('calls')
