"""Delegation visits and events (training courses, workshops, technology-transfer fairs, conferences)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Column, Date, ForeignKey, Index, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sticoop.core.models import Base, Confidential, Record, Searchable


class EventKind(StrEnum):
    """Kind of cooperation event: training course, workshop, technology transfer fair or conference."""

    training_course = "training_course"
    workshop = "workshop"
    tech_transfer_fair = "tech_transfer_fair"
    conference = "conference"


visit_members = Table(
    "visit_members",
    Base.metadata,
    Column("visit_id", ForeignKey("visits.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), primary_key=True, index=True),
)

visit_organizations_met = Table(
    "visit_organizations_met",
    Base.metadata,
    Column("visit_id", ForeignKey("visits.id", ondelete="CASCADE"), primary_key=True),
    Column("organization_id", ForeignKey("organizations.id", ondelete="CASCADE"), primary_key=True, index=True),
)

event_organizers = Table(
    "event_organizers",
    Base.metadata,
    Column("event_id", ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("organization_id", ForeignKey("organizations.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Visit(Record, Confidential, Searchable, Base):
    __tablename__ = "visits"
    search_fields = ("purpose", "outcomes")

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    partnership_id: Mapped[int | None] = mapped_column(
        ForeignKey("partnerships.id", ondelete="SET NULL"), index=True
    )
    from_country_code: Mapped[str] = mapped_column(ForeignKey("countries.code"), index=True, nullable=False)
    to_country_code: Mapped[str] = mapped_column(ForeignKey("countries.code"), index=True, nullable=False)
    start_date: Mapped[date | None] = mapped_column(Date, index=True)
    end_date: Mapped[date | None] = mapped_column(Date)
    purpose: Mapped[str | None] = mapped_column(Text)
    outcomes: Mapped[str | None] = mapped_column(Text)
    #: objectives of the visit and the points to make, as the briefing pack prints them
    objectives: Mapped[str | None] = mapped_column(Text)

    members = relationship("Person", secondary=visit_members, lazy="selectin")
    organizations_met = relationship("Organization", secondary=visit_organizations_met, lazy="selectin")

    @property
    def member_ids(self) -> list[int]:
        return [p.id for p in self.members]

    @property
    def organization_met_ids(self) -> list[int]:
        return [o.id for o in self.organizations_met]


class Event(Record, Confidential, Searchable, Base):
    __tablename__ = "events"
    search_fields = ("title", "city")

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(30), nullable=False, index=True)
    title: Mapped[str] = mapped_column(String(500), nullable=False)
    partnership_id: Mapped[int | None] = mapped_column(
        ForeignKey("partnerships.id", ondelete="SET NULL"), index=True
    )
    start_date: Mapped[date | None] = mapped_column(Date, index=True)
    end_date: Mapped[date | None] = mapped_column(Date)
    city: Mapped[str | None] = mapped_column(String(200))
    country_code: Mapped[str | None] = mapped_column(ForeignKey("countries.code"), index=True)
    participants_count: Mapped[int | None] = mapped_column(Integer)
    commitment_id: Mapped[int | None] = mapped_column(ForeignKey("commitments.id", ondelete="SET NULL"), index=True)
    description: Mapped[str | None] = mapped_column(Text)

    organizers = relationship("Organization", secondary=event_organizers, lazy="selectin")

    @property
    def organizer_ids(self) -> list[int]:
        return [o.id for o in self.organizers]


# ----- list indexes (issue 17): the filters with the default sort (start date), as index walks --------------
Index("ix_events_partnership_id_start_date", Event.partnership_id, Event.start_date, Event.confidential)
Index("ix_visits_partnership_id_start_date", Visit.partnership_id, Visit.start_date, Visit.confidential)
