"""Agreements (MoUs, agreements, protocols, action plans) and their dated status history."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import Column, Date, ForeignKey, Index, Integer, String, Table, Text, and_, or_
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sticoop.core.models import Base, Confidential, Record, Searchable


class AgreementKind(StrEnum):
    """Kind of agreement: memorandum of understanding (mou), agreement, protocol or action plan."""

    mou = "mou"
    agreement = "agreement"
    protocol = "protocol"
    action_plan = "action_plan"


class AgreementStatus(StrEnum):
    """Agreement life cycle: planned → negotiating → signed → in_force → expired or terminated; renewed puts it back in
    force (moves are checked against the transition rules)."""

    planned = "planned"
    negotiating = "negotiating"
    signed = "signed"
    in_force = "in_force"
    expired = "expired"
    terminated = "terminated"
    renewed = "renewed"


#: the only moves the service accepts; renewal puts an expired or in-force agreement back in force
TRANSITIONS: dict[str, frozenset[str]] = {
    AgreementStatus.planned: frozenset({"negotiating", "signed", "terminated"}),
    AgreementStatus.negotiating: frozenset({"signed", "terminated", "planned"}),
    AgreementStatus.signed: frozenset({"in_force", "terminated"}),
    AgreementStatus.in_force: frozenset({"expired", "terminated", "renewed"}),
    AgreementStatus.expired: frozenset({"renewed"}),
    AgreementStatus.renewed: frozenset({"in_force", "expired", "terminated"}),
    AgreementStatus.terminated: frozenset(),
}

#: statuses in which an agreement still binds its parties: past its expiry date it is effectively expired
LIVE_STATUSES: frozenset[str] = frozenset({"signed", "in_force", "renewed"})

#: the date column that says when an agreement reached a status (the initial status is dated by it, or undated)
STATUS_DATE: dict[str, str] = {"signed": "signed_date", "in_force": "in_force_date", "renewed": "in_force_date",
                               "expired": "expiry_date"}


def past_expiry_since(status: str, expiry_date: date | None, today: date) -> date | None:
    """The expiry date when a live agreement (signed, in force, renewed) has passed it, else None.

    Expiry is applied when reading: the stored status stays until someone records the transition.
    """
    if status in LIVE_STATUSES and expiry_date is not None and expiry_date < today:
        return expiry_date
    return None


def effective_status(status: str, expiry_date: date | None, today: date) -> str:
    """The status an official should read today: ``expired`` for a live agreement past its expiry date."""
    return AgreementStatus.expired.value if past_expiry_since(status, expiry_date, today) else status


def past_expiry_clause(today: date) -> Any:
    """SQL twin of :func:`past_expiry_since` (indexed: status and expiry_date)."""
    return and_(Agreement.status.in_(sorted(LIVE_STATUSES)), Agreement.expiry_date < today)


def effective_status_clause(statuses: list[str], today: date) -> Any:
    """SQL twin of :func:`effective_status`: agreements whose status *as read today* is one of ``statuses``."""
    clauses = []
    for status in statuses:
        if status == AgreementStatus.expired:
            clauses.append(or_(Agreement.status == status, past_expiry_clause(today)))
        elif status in LIVE_STATUSES:
            clauses.append(and_(Agreement.status == status,
                                or_(Agreement.expiry_date.is_(None), Agreement.expiry_date >= today)))
        else:
            clauses.append(Agreement.status == status)
    return or_(*clauses)


agreement_countries = Table(
    "agreement_countries",
    Base.metadata,
    Column("agreement_id", ForeignKey("agreements.id", ondelete="CASCADE"), primary_key=True),
    Column("country_code", ForeignKey("countries.code"), primary_key=True, index=True),
)

agreement_organizations = Table(
    "agreement_organizations",
    Base.metadata,
    Column("agreement_id", ForeignKey("agreements.id", ondelete="CASCADE"), primary_key=True),
    Column("organization_id", ForeignKey("organizations.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Agreement(Record, Confidential, Searchable, Base):
    __tablename__ = "agreements"
    search_fields = ("title", "summary")

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(500), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), default=AgreementKind.agreement, nullable=False)
    status: Mapped[str] = mapped_column(String(20), default=AgreementStatus.planned, nullable=False, index=True)
    partnership_id: Mapped[int | None] = mapped_column(
        ForeignKey("partnerships.id", ondelete="SET NULL"), index=True
    )
    signed_date: Mapped[date | None] = mapped_column(Date, index=True)
    in_force_date: Mapped[date | None] = mapped_column(Date)
    expiry_date: Mapped[date | None] = mapped_column(Date, index=True)
    summary: Mapped[str | None] = mapped_column(Text)

    countries = relationship("Country", secondary=agreement_countries, lazy="selectin", order_by="Country.code")
    organizations = relationship("Organization", secondary=agreement_organizations, lazy="selectin")
    history: Mapped[list[AgreementStatusChange]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="AgreementStatusChange.id"
    )

    @property
    def country_codes(self) -> list[str]:
        return sorted(c.code for c in self.countries)

    @property
    def organization_ids(self) -> list[int]:
        return [o.id for o in self.organizations]

    @property
    def past_expiry_since(self) -> date | None:
        """Expiry date, when this live agreement has passed it (as of ``clock.today()``)."""
        from sticoop.core import clock

        return past_expiry_since(self.status, self.expiry_date, clock.today())

    @property
    def effective_status(self) -> str:
        """The status as read today (``expired`` once a live agreement is past its expiry date)."""
        from sticoop.core import clock

        return effective_status(self.status, self.expiry_date, clock.today())


class AgreementStatusChange(Base):
    __tablename__ = "agreement_status_changes"
    #: a log of what happened, not part of the agreement's state (left out of snapshots and restores)
    is_history_log: ClassVar[bool] = True

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20), nullable=False)
    #: when the agreement reached ``to_status``; None (undated) for an initial status whose own date is unknown
    date: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)


# ----- list indexes (issue 17): every filter the API offers is indexed -------------------------------------
Index("ix_agreements_kind", Agreement.kind)
