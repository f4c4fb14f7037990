"""Partnerships between countries, their joint committees and the numbered sessions those committees hold."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Boolean, Column, Date, ForeignKey, Index, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sticoop.core.models import Base, Confidential, Record, Searchable


class PartnershipStatus(StrEnum):
    """Partnership status: active, dormant (no recent activity) or ended."""

    active = "active"
    dormant = "dormant"
    ended = "ended"


partnership_countries = Table(
    "partnership_countries",
    Base.metadata,
    Column("partnership_id", ForeignKey("partnerships.id", ondelete="CASCADE"), primary_key=True),
    Column("country_code", ForeignKey("countries.code"), primary_key=True, index=True),
)

committee_cochairs = Table(
    "committee_cochairs",
    Base.metadata,
    Column("committee_id", ForeignKey("committees.id", ondelete="CASCADE"), primary_key=True),
    Column("organization_id", ForeignKey("organizations.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Partnership(Record, Confidential, Searchable, Base):
    __tablename__ = "partnerships"
    search_fields = ("name", "summary")

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), nullable=False)
    relations_established: Mapped[date | None] = mapped_column(Date)
    summary: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default=PartnershipStatus.active, nullable=False, index=True)

    countries = relationship("Country", secondary=partnership_countries, lazy="selectin", order_by="Country.code")
    committees: Mapped[list[Committee]] = relationship(back_populates="partnership", lazy="raise_on_sql")

    @property
    def country_codes(self) -> list[str]:
        return sorted(c.code for c in self.countries)

    @property
    def kind(self) -> str:
        return "bilateral" if len(self.countries) <= 2 else "multilateral"


class Committee(Record, Confidential, Searchable, Base):
    __tablename__ = "committees"
    search_fields = ("name",)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    partnership_id: Mapped[int] = mapped_column(
        ForeignKey("partnerships.id", ondelete="CASCADE"), index=True, nullable=False
    )
    name: Mapped[str] = mapped_column(String(300), nullable=False)
    interval_months: Mapped[int | None] = mapped_column(Integer)

    partnership: Mapped[Partnership] = relationship(back_populates="committees", lazy="joined")
    cochairs = relationship("Organization", secondary=committee_cochairs, lazy="selectin")

    @property
    def cochair_ids(self) -> list[int]:
        return [o.id for o in self.cochairs]


class CommitteeSession(Record, Confidential, Searchable, Base):
    __tablename__ = "sessions"
    __table_args__ = (UniqueConstraint("committee_id", "number"),)
    search_fields = ("city", "conclusions")

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    committee_id: Mapped[int] = mapped_column(
        ForeignKey("committees.id", ondelete="CASCADE"), index=True, nullable=False
    )
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    start_date: Mapped[date | None] = mapped_column(Date, index=True)
    end_date: Mapped[date | None] = mapped_column(Date)
    city: Mapped[str | None] = mapped_column(String(200))
    country_code: Mapped[str | None] = mapped_column(ForeignKey("countries.code"), index=True)
    conclusions: Mapped[str | None] = mapped_column(Text)
    minutes_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))

    committee: Mapped[Committee] = relationship(lazy="joined")
    delegates: Mapped[list[SessionDelegate]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="SessionDelegate.id"
    )
    agenda_items: Mapped[list[AgendaItem]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="AgendaItem.position"
    )

    @property
    def partnership_id(self) -> int:
        return self.committee.partnership_id


class SessionDelegate(Base):
    """A person in one side's delegation to a session."""

    __tablename__ = "session_delegates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    country_code: Mapped[str] = mapped_column(ForeignKey("countries.code"), nullable=False)
    is_head: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    role: Mapped[str | None] = mapped_column(String(200))


class AgendaItem(Base):
    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    title: Mapped[str] = mapped_column(String(500), nullable=False)
    notes: Mapped[str | None] = mapped_column(Text)


# ----- list indexes (issue 17): the default sort of each list, so a first page is an index walk -------------
Index("ix_partnerships_name", Partnership.name)
Index("ix_committees_name", Committee.name)
