"""Organisations, people and the positions people hold over time."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sticoop.core.models import Base, Record, Searchable


class OrganizationType(StrEnum):
    """Kind of organisation: ministry, agency, university, research institute, company, international organisation or
    other."""

    ministry = "ministry"
    agency = "agency"
    university = "university"
    research_institute = "research_institute"
    company = "company"
    international_organization = "international_organization"
    other = "other"


class Organization(Record, Searchable, Base):
    __tablename__ = "organizations"
    search_fields = ("name", "acronym", "aliases")

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), nullable=False)
    acronym: Mapped[str | None] = mapped_column(String(40), index=True)
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    type: Mapped[str] = mapped_column(String(40), default=OrganizationType.other, nullable=False, index=True)
    country_code: Mapped[str | None] = mapped_column(ForeignKey("countries.code"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id", ondelete="SET NULL"), index=True)
    website: Mapped[str | None] = mapped_column(String(500))
    #: its organisation identifier of org-id.guide, as IATI publishes it (e.g. XM-DAC-41114)
    iati_identifier: Mapped[str | None] = mapped_column(String(100))

    parent: Mapped[Organization | None] = relationship(remote_side=[id], lazy="raise_on_sql")


class Person(Record, Searchable, Base):
    __tablename__ = "people"
    search_fields = ("name",)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    country_code: Mapped[str | None] = mapped_column(ForeignKey("countries.code"), index=True)
    email: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)

    positions: Mapped[list[Position]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="Position.start_date", lazy="selectin"
    )


class Position(Base):
    __tablename__ = "positions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True, nullable=False)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL"), index=True
    )
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)

    person: Mapped[Person] = relationship(back_populates="positions")


# ----- list indexes (issue 17): the default sort of each list, so a first page is an index walk -------------
Index("ix_organizations_name", Organization.name)
Index("ix_people_name", Person.name)
