"""Commitments agreed at sessions or in agreements, their progress, and mid-term assessments.

Status (planned → in progress → done, or overdue/dropped) says where the work is; completion, on the
Open Government Partnership scale (not started, limited, substantial, complete), says how much of the
promise has been kept — an assessment sets it, independently of the status.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Column, Date, ForeignKey, Index, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sticoop.core.models import Base, Confidential, Record, Searchable


class CommitmentStatus(StrEnum):
    """Where a commitment stands: planned, in_progress, done, overdue or dropped (dropped ones are left out of roll-
    ups)."""

    planned = "planned"
    in_progress = "in_progress"
    done = "done"
    overdue = "overdue"
    dropped = "dropped"


class Completion(StrEnum):
    """Completion level on the Open Government Partnership (OGP) IRM scale: not_started, limited, substantial, complete
    (rolled up as 0, ⅓, ⅔, 1)."""

    not_started = "not_started"
    limited = "limited"
    substantial = "substantial"
    complete = "complete"


#: statuses left out of a parent's roll-up (shown apart as "dropped, not counted"); the model has no other
#: "cancelled"/"withdrawn" status
NOT_COUNTED_STATUSES: frozenset[str] = frozenset({CommitmentStatus.dropped})

COMPLETION_SCORE = {Completion.not_started: 0.0, Completion.limited: 1 / 3,
                    Completion.substantial: 2 / 3, Completion.complete: 1.0}


commitment_organizations = Table(
    "commitment_organizations",
    Base.metadata,
    Column("commitment_id", ForeignKey("commitments.id", ondelete="CASCADE"), primary_key=True),
    Column("organization_id", ForeignKey("organizations.id", ondelete="CASCADE"), primary_key=True, index=True),
)

#: people responsible for a commitment, beside (or instead of) organisations
commitment_people = Table(
    "commitment_people",
    Base.metadata,
    Column("commitment_id", ForeignKey("commitments.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Commitment(Record, Confidential, Searchable, Base):
    __tablename__ = "commitments"
    search_fields = ("text",)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    partnership_id: Mapped[int] = mapped_column(
        ForeignKey("partnerships.id", ondelete="CASCADE"), index=True, nullable=False
    )
    session_id: Mapped[int | None] = mapped_column(ForeignKey("sessions.id", ondelete="SET NULL"), index=True)
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreements.id", ondelete="SET NULL"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("commitments.id", ondelete="CASCADE"), index=True)
    due_date: Mapped[date | None] = mapped_column(Date, index=True)
    target_per_year: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default=CommitmentStatus.planned, nullable=False, index=True)
    # indexed: the dashboards' charts drill down to ``/commitments?completion=``
    completion: Mapped[str] = mapped_column(String(20), default=Completion.not_started, nullable=False, index=True)

    responsible = relationship("Organization", secondary=commitment_organizations, lazy="selectin")
    responsible_people = relationship("Person", secondary=commitment_people, lazy="selectin", order_by="Person.name")
    updates: Mapped[list[ProgressUpdate]] = relationship(
        cascade="all, delete-orphan", lazy="raise_on_sql", order_by="ProgressUpdate.date"
    )

    @property
    def responsible_ids(self) -> list[int]:
        return [o.id for o in self.responsible]

    @property
    def responsible_people_ids(self) -> list[int]:
        return [p.id for p in self.responsible_people]


class ProgressUpdate(Record, Base):
    __tablename__ = "progress_updates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    commitment_id: Mapped[int] = mapped_column(
        ForeignKey("commitments.id", ondelete="CASCADE"), index=True, nullable=False
    )
    date: Mapped[date] = mapped_column(Date, nullable=False)
    note: Mapped[str] = mapped_column(Text, nullable=False)
    evidence_url: Mapped[str | None] = mapped_column(String(1000))
    count: Mapped[int | None] = mapped_column(Integer)  # e.g. one training course held
    #: the completion level the report states, if any (the latest dated level sets the commitment's)
    completion: Mapped[str | None] = mapped_column(String(20))


class WorkingGroup(Record, Confidential, Searchable, Base):
    __tablename__ = "working_groups"
    search_fields = ("name",)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    partnership_id: Mapped[int] = mapped_column(
        ForeignKey("partnerships.id", ondelete="CASCADE"), index=True, nullable=False
    )
    name: Mapped[str] = mapped_column(String(300), nullable=False)
    mandate: Mapped[str | None] = mapped_column(Text)


class Assessment(Record, Base):
    __tablename__ = "assessments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    commitment_id: Mapped[int] = mapped_column(
        ForeignKey("commitments.id", ondelete="CASCADE"), index=True, nullable=False
    )
    working_group_id: Mapped[int | None] = mapped_column(
        ForeignKey("working_groups.id", ondelete="SET NULL"), index=True
    )
    date: Mapped[date] = mapped_column(Date, nullable=False)
    rating: Mapped[str] = mapped_column(String(20), nullable=False)
    findings: Mapped[str | None] = mapped_column(Text)


# ----- list indexes (issue 17): the filters with the default sort (due date), as index walks ----------------
# (an index led by the partnership ends with ``confidential``: a viewer's scope tests it, read from the index)
Index("ix_commitments_partnership_id_due_date", Commitment.partnership_id, Commitment.due_date,
      Commitment.confidential)
Index("ix_commitments_status_due_date", Commitment.status, Commitment.due_date)
Index("ix_commitments_partnership_id_status_due_date", Commitment.partnership_id, Commitment.status,
      Commitment.due_date, Commitment.confidential)
Index("ix_working_groups_name", WorkingGroup.name)
# ----- dashboard aggregates (issue 16): covering indexes, so the GROUP BYs read no table row ----------------
Index("ix_commitments_partnership_id_completion", Commitment.partnership_id, Commitment.completion,
      Commitment.confidential)
Index("ix_commitments_due_date_completion", Commitment.due_date, Commitment.completion, Commitment.partnership_id,
      Commitment.confidential)
