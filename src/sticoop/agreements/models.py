"""Agreements (MoUs, agreements, protocols, action plans) and their dated status history."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import ClassVar

from sqlalchemy import Column, Date, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sticoop.core.models import Base, Confidential, Record, Searchable


class AgreementKind(StrEnum):
    mou = "mou"
    agreement = "agreement"
    protocol = "protocol"
    action_plan = "action_plan"


class AgreementStatus(StrEnum):
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


class AgreementStatusChange(Base):
    __tablename__ = "agreement_status_changes"
    #: a log of what happened, not part of the agreement's state (left out of snapshots and restores)
    is_history_log: ClassVar[bool] = True

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20), nullable=False)
    date: Mapped[date] = mapped_column(Date, nullable=False)
    note: Mapped[str | None] = mapped_column(Text)
