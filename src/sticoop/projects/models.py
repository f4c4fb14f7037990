"""Funding programmes and the cooperation projects they fund."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import JSON, Column, Date, ForeignKey, Index, Integer, Numeric, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sticoop.core.models import Base, Confidential, Record, Searchable


class ProjectStatus(StrEnum):
    """Project life cycle: proposed, approved, running, completed or cancelled."""

    proposed = "proposed"
    approved = "approved"
    running = "running"
    completed = "completed"
    cancelled = "cancelled"


class PartnerRole(StrEnum):
    """A partner's role in a project, after the IATI organisation roles: coordinator (implementing lead), partner or
    funder."""

    coordinator = "coordinator"
    partner = "partner"
    funder = "funder"


class Programme(Record, Searchable, Base):
    __tablename__ = "programmes"
    search_fields = ("name", "acronym", "description")

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), nullable=False)
    acronym: Mapped[str | None] = mapped_column(String(40))
    description: Mapped[str | None] = mapped_column(Text)
    funder_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id", ondelete="SET NULL"), index=True)
    website: Mapped[str | None] = mapped_column(String(500))


project_fields = Table(
    "project_fields",
    Base.metadata,
    Column("project_id", ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True),
    Column("field_key", ForeignKey("fields.key"), primary_key=True, index=True),
)


class Project(Record, Confidential, Searchable, Base):
    __tablename__ = "projects"
    search_fields = ("title", "description", "outputs")

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(500), nullable=False)
    partnership_id: Mapped[int | None] = mapped_column(
        ForeignKey("partnerships.id", ondelete="SET NULL"), index=True
    )
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programmes.id", ondelete="SET NULL"), index=True)
    start_date: Mapped[date | None] = mapped_column(Date, index=True)
    end_date: Mapped[date | None] = mapped_column(Date)
    budget: Mapped[Decimal | None] = mapped_column(Numeric(18, 2))
    currency: Mapped[str | None] = mapped_column(String(3))
    status: Mapped[str] = mapped_column(String(20), default=ProjectStatus.proposed, nullable=False, index=True)
    description: Mapped[str | None] = mapped_column(Text)
    outputs: Mapped[str | None] = mapped_column(Text)
    #: ISO 639-1 language of ``title`` and ``description`` (None: the site's default language)
    language: Mapped[str | None] = mapped_column(String(8))
    #: the title and description in other languages: ``[{"language": "fr", "title": ..., "description": ...}]``
    translations: Mapped[list[dict[str, str | None]]] = mapped_column(JSON, default=list, nullable=False)

    fields = relationship("Field", secondary=project_fields, lazy="selectin", order_by="Field.key")
    partners: Mapped[list[ProjectPartner]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="ProjectPartner.id"
    )

    @property
    def field_keys(self) -> list[str]:
        return [f.key for f in self.fields]


class ProjectPartner(Base):
    __tablename__ = "project_partners"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20), default=PartnerRole.partner, nullable=False)
    #: what this partner pays (a funder) or receives (a partner), in ``currency``; none when not recorded
    amount: Mapped[Decimal | None] = mapped_column(Numeric(18, 2))
    currency: Mapped[str | None] = mapped_column(String(3))


# ----- list indexes (issue 17): the default sort, and the filters with the sort, as index walks ------------
Index("ix_programmes_name", Programme.name)
Index("ix_projects_partnership_id_start_date", Project.partnership_id, Project.start_date, Project.confidential)
Index("ix_projects_status_start_date", Project.status, Project.start_date)
Index("ix_projects_partnership_id_status_start_date", Project.partnership_id, Project.status, Project.start_date,
      Project.confidential)
# ----- dashboard aggregates (issue 16): covering indexes, so the GROUP BYs read no table row ----------------
Index("ix_project_fields_field_key_project_id", project_fields.c.field_key, project_fields.c.project_id)
Index("ix_projects_status_currency_budget", Project.status, Project.currency, Project.budget, Project.partnership_id,
      Project.confidential)
Index("ix_project_partners_project_id_organization_id", ProjectPartner.project_id, ProjectPartner.organization_id)
