"""Tables of joint funding calls (field terms as the joint schemes use them, e.g. the SEA–EU JFS)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sticoop.core.models import Base, Record, Searchable


class CallStatus(StrEnum):
    """A call's life cycle: draft → open → closed → under_evaluation → decided (no other move)."""

    draft = "draft"
    open = "open"
    closed = "closed"
    under_evaluation = "under_evaluation"
    decided = "decided"


class ProposalStatus(StrEnum):
    """A proposal's life cycle: draft, submitted or withdrawn by the applicants; funded, reserve or not_funded
    once the call is decided."""

    draft = "draft"
    submitted = "submitted"
    withdrawn = "withdrawn"
    funded = "funded"
    reserve = "reserve"
    not_funded = "not_funded"


class ApplicantRole(StrEnum):
    """A consortium member's role: the one coordinator, or a partner."""

    coordinator = "coordinator"
    partner = "partner"


class Outcome(StrEnum):
    """What the budget walk decided for a proposal."""

    funded = "funded"
    reserve = "reserve"
    below_threshold = "below_threshold"
    ineligible = "ineligible"
    not_evaluated = "not_evaluated"


class Call(Record, Searchable, Base):
    __tablename__ = "calls"
    search_fields = ("title", "description")

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(500), nullable=False)
    description: Mapped[str | None] = mapped_column(Text)
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programmes.id", ondelete="SET NULL"), index=True)
    #: the lead partnership: the first of :attr:`partnership_ids` (None: a call bound to no partnership), kept by
    #: the service; a project made from a funded proposal belongs to it
    partnership_id: Mapped[int | None] = mapped_column(
        ForeignKey("partnerships.id", ondelete="SET NULL"), index=True)
    topics: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    opens_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    closes_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    timezone: Mapped[str] = mapped_column(String(64), default="UTC", nullable=False)
    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    status: Mapped[str] = mapped_column(String(20), default=CallStatus.draft, nullable=False, index=True)
    #: eligibility rules as data: [{"kind": ..., "params": {...}}], versioned with the call (its version)
    rules: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list, nullable=False)
    #: evaluation criteria: [{"key", "name", "threshold", "weight"}]
    criteria: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list, nullable=False)
    overall_threshold: Mapped[Decimal] = mapped_column(Numeric(6, 2), default=Decimal(10), nullable=False)
    reviewers_per_proposal: Mapped[int] = mapped_column(Integer, default=3, nullable=False)
    #: criterion keys breaking ties in the ranking, in order (higher first)
    tie_break: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    page_limit: Mapped[int | None] = mapped_column(Integer)

    #: every partnership the call belongs to (a viewer of any one of them sees the call; see ``accounts/scoping``)
    partnerships = relationship("Partnership", secondary="call_partnerships", lazy="selectin",
                                order_by="Partnership.id")

    @property
    def partnership_ids(self) -> list[int]:
        """The ids of the call's partnerships the reader may see (relationship loads are scoped), lead first."""
        ids = sorted(p.id for p in self.partnerships)
        if self.partnership_id in ids:
            ids.remove(self.partnership_id)
            ids.insert(0, self.partnership_id)
        return ids


#: the partnerships of a call (one row per call and partnership; the lead is also ``calls.partnership_id``)
call_partnerships = Table(
    "call_partnerships",
    Base.metadata,
    Column("call_id", ForeignKey("calls.id", ondelete="CASCADE"), primary_key=True),
    Column("partnership_id", ForeignKey("partnerships.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class CallFunder(Record, Base):
    __tablename__ = "call_funders"
    __table_args__ = (UniqueConstraint("call_id", "organization_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), index=True, nullable=False)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True, nullable=False)
    country_code: Mapped[str] = mapped_column(ForeignKey("countries.code"), nullable=False)
    budget: Mapped[Decimal] = mapped_column(Numeric(18, 2), nullable=False)
    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    funds_own_nationals_only: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    #: per-funder rules: {"trl_min": 1–9, "trl_max": 1–9, "max_per_partner": amount in its currency}
    extra_rules: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, nullable=False)


class Proposal(Record, Searchable, Base):
    __tablename__ = "proposals"
    __table_args__ = (UniqueConstraint("call_id", "acronym"),)
    search_fields = ("acronym", "title", "abstract")

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), index=True, nullable=False)
    acronym: Mapped[str] = mapped_column(String(40), nullable=False)
    title: Mapped[str] = mapped_column(String(500), nullable=False)
    topic: Mapped[str | None] = mapped_column(String(300))
    abstract: Mapped[str | None] = mapped_column(Text)
    trl: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default=ProposalStatus.draft, nullable=False, index=True)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"), index=True)
    #: the language the applicants chose for their evaluation summary report: en, fr or vi
    language: Mapped[str] = mapped_column(String(2), default="en", nullable=False)

    partners: Mapped[list[ProposalPartner]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="ProposalPartner.id")
    fields = relationship("Field", secondary="proposal_fields", lazy="selectin", order_by="Field.key")

    @property
    def field_keys(self) -> list[str]:
        """The proposal's fields of science (taxonomy keys)."""
        return [f.key for f in self.fields]


proposal_fields = Table(
    "proposal_fields",
    Base.metadata,
    Column("proposal_id", ForeignKey("proposals.id", ondelete="CASCADE"), primary_key=True),
    Column("field_key", ForeignKey("fields.key"), primary_key=True, index=True),
)


class ProposalPartner(Base):
    __tablename__ = "proposal_partners"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id", ondelete="CASCADE"), index=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True, nullable=False)
    country_code: Mapped[str] = mapped_column(ForeignKey("countries.code"), nullable=False)
    role: Mapped[str] = mapped_column(String(20), default=ApplicantRole.partner, nullable=False)
    funder_id: Mapped[int | None] = mapped_column(ForeignKey("call_funders.id"), index=True)
    budget: Mapped[Decimal] = mapped_column(Numeric(18, 2), default=Decimal(0), nullable=False)
    currency: Mapped[str | None] = mapped_column(String(3))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)


class Reviewer(Record, Base):
    __tablename__ = "reviewers"
    __table_args__ = (UniqueConstraint("call_id", "person_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), index=True, nullable=False)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True, nullable=False)
    #: the account this reviewer signs in with (sees only its assigned proposals)
    username: Mapped[str | None] = mapped_column(String(80), index=True)
    expertise: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    max_load: Mapped[int | None] = mapped_column(Integer)


class ConflictOfInterest(Record, Base):
    __tablename__ = "conflicts_of_interest"
    __table_args__ = (UniqueConstraint("reviewer_id", "proposal_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("reviewers.id", ondelete="CASCADE"), nullable=False)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id", ondelete="CASCADE"), index=True,
                                             nullable=False)
    reason: Mapped[str] = mapped_column(String(500), nullable=False)


class Assignment(Record, Base):
    __tablename__ = "review_assignments"
    __table_args__ = (UniqueConstraint("proposal_id", "reviewer_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), index=True, nullable=False)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id", ondelete="CASCADE"), nullable=False)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("reviewers.id", ondelete="CASCADE"), index=True,
                                             nullable=False)
    expertise_score: Mapped[int] = mapped_column(Integer, default=0, nullable=False)


class Review(Record, Base):
    __tablename__ = "reviews"
    __table_args__ = (UniqueConstraint("proposal_id", "reviewer_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id", ondelete="CASCADE"), nullable=False)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("reviewers.id", ondelete="CASCADE"), index=True,
                                             nullable=False)
    #: {criterion key: score 0–5 in half points}
    scores: Mapped[dict[str, float]] = mapped_column(JSON, default=dict, nullable=False)
    comments: Mapped[str | None] = mapped_column(Text)


class Consensus(Record, Base):
    __tablename__ = "consensus_reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id", ondelete="CASCADE"), unique=True,
                                             nullable=False)
    rapporteur_id: Mapped[int] = mapped_column(ForeignKey("reviewers.id"), index=True, nullable=False)
    scores: Mapped[dict[str, float]] = mapped_column(JSON, default=dict, nullable=False)
    justification: Mapped[str | None] = mapped_column(Text)


class Decision(Record, Base):
    __tablename__ = "funding_decisions"
    __table_args__ = (UniqueConstraint("call_id", "proposal_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), nullable=False)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id", ondelete="CASCADE"), index=True,
                                             nullable=False)
    outcome: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    rank: Mapped[int | None] = mapped_column(Integer)
    #: [{"funder_id", "amount", "currency"}]: what each funder pays (funded) or would pay
    shares: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list, nullable=False)
    #: [{"funder_id", "lacking", "currency"}]: which funder lacked how much (reserve)
    shortfalls: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list, nullable=False)
    reason: Mapped[str] = mapped_column(String(1000), default="", nullable=False)
    #: the reason as data (``sticoop.calls.reasons``): a code and its arguments, rendered in the reader's language
    reason_code: Mapped[str] = mapped_column(String(40), default="legacy", nullable=False)
    reason_args: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, nullable=False)
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="SET NULL"), index=True)
