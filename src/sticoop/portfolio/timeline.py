"""A partnership's timeline: everything that happened or is planned, in date order.

Each kind is fetched with one bounded query (no N+1), then merged. Each record is placed at its own date (a
session's start, an agreement's signature — or entry into force, or latest dated status change —, a
commitment's due date, a project's, visit's or event's start); a record without one is *undated* (``date``
None, listed last, shown in its own group) — never at the day it was typed in. ``planned`` marks dates after
today.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date as Date
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import Row, select
from sqlalchemy.orm import Session as DbSession

from sticoop.activities.models import Event, Visit
from sticoop.agreements.models import Agreement
from sticoop.commitments.models import Commitment
from sticoop.core import clock
from sticoop.partnerships.models import Committee, CommitteeSession, Partnership
from sticoop.partnerships.schemas import SessionTitle
from sticoop.projects.models import Project

PER_KIND_LIMIT = 200


#: what each field of a timeline entry means (OpenAPI descriptions)
ABOUT = {
    "session": "For a committee session: its committee's name, number and city (null otherwise), the parts of "
               "`title` (English) from which pages write it in their language",
    "date": "Where the entry sits (ISO 8601 date): session start, agreement signature (else entry into force or "
            "latest dated status change), commitment due date, project or visit or event start; null if undated",
    "kind": "Kind of record: session, agreement, commitment, project, visit or event",
    "id": "The record's id",
    "title": "Title of the record",
    "status": "The record's status code, when it has one",
    "url": "Path of the record's page, e.g. /agreements/3",
    "planned": "True when dated after today",
}


class TimelineEntry(BaseModel):
    """One dated record of a partnership on its timeline."""

    date: Date | None = Field(description=ABOUT["date"])
    kind: str = Field(description=ABOUT["kind"])
    id: int = Field(description=ABOUT["id"])
    title: str = Field(description=ABOUT["title"])
    status: str | None = Field(None, description=ABOUT["status"])
    url: str = Field(description=ABOUT["url"])
    session: SessionTitle | None = Field(None, description=ABOUT["session"])
    planned: bool = Field(False, description=ABOUT["planned"])


def agreement_date(agreement: Agreement) -> Date | None:
    """Where an agreement sits on a timeline: signed, else in force, else its latest dated status change."""
    dated = [h.date for h in agreement.history if h.date is not None]
    return agreement.signed_date or agreement.in_force_date or (max(dated) if dated else None)


def timeline(db: DbSession, partnership: Partnership, today: Date | None = None) -> list[TimelineEntry]:
    """The partnership's records by date, latest first, undated last (at most ``PER_KIND_LIMIT`` per kind)."""
    today = today or clock.today()
    pid = partnership.id
    entries: list[TimelineEntry] = []
    rows: Sequence[Row[*tuple[Any, ...]]]  # each kind selects its own columns
    rows = db.execute(
        select(CommitteeSession.id, CommitteeSession.number, CommitteeSession.start_date, CommitteeSession.city,
               Committee.name)
        .join(Committee, CommitteeSession.committee_id == Committee.id)
        .where(Committee.partnership_id == pid).order_by(CommitteeSession.start_date.desc()).limit(PER_KIND_LIMIT)
    ).all()
    entries += [
        TimelineEntry(date=d, kind="session", id=i, title=f"{name} — session {n}" + (f", {city}" if city else ""),
                      url=f"/sessions/{i}", session=SessionTitle(committee=name, number=n, city=city))
        for i, n, d, city, name in rows
    ]
    for agreement in db.scalars(
        select(Agreement).where(Agreement.partnership_id == pid).order_by(Agreement.id.desc()).limit(PER_KIND_LIMIT)
    ):
        entries.append(TimelineEntry(date=agreement_date(agreement), kind="agreement", id=agreement.id,
                                     title=agreement.title, status=agreement.effective_status,
                                     url=f"/agreements/{agreement.id}"))
    rows = db.execute(
        select(Commitment.id, Commitment.text, Commitment.due_date, Commitment.status)
        .where(Commitment.partnership_id == pid, Commitment.parent_id.is_(None))
        .order_by(Commitment.id.desc()).limit(PER_KIND_LIMIT)
    ).all()
    entries += [TimelineEntry(date=due, kind="commitment", id=i, title=text[:200], status=status,
                              url=f"/commitments/{i}") for i, text, due, status in rows]
    rows = db.execute(
        select(Project.id, Project.title, Project.start_date, Project.status)
        .where(Project.partnership_id == pid).order_by(Project.id.desc()).limit(PER_KIND_LIMIT)
    ).all()
    entries += [TimelineEntry(date=d, kind="project", id=i, title=t, status=st, url=f"/projects/{i}")
                for i, t, d, st in rows]
    rows = db.execute(
        select(Visit.id, Visit.purpose, Visit.start_date, Visit.from_country_code, Visit.to_country_code)
        .where(Visit.partnership_id == pid).order_by(Visit.id.desc()).limit(PER_KIND_LIMIT)
    ).all()
    entries += [TimelineEntry(date=d, kind="visit", id=i, title=f"{fc} → {tc}: {(p or '')[:150]}",
                              url=f"/visits/{i}") for i, p, d, fc, tc in rows]
    rows = db.execute(
        select(Event.id, Event.title, Event.start_date, Event.kind)
        .where(Event.partnership_id == pid).order_by(Event.id.desc()).limit(PER_KIND_LIMIT)
    ).all()
    entries += [TimelineEntry(date=d, kind="event", id=i, title=t, status=k, url=f"/events/{i}")
                for i, t, d, k in rows]
    for entry in entries:
        entry.planned = entry.date is not None and entry.date > today
    entries.sort(key=lambda e: (e.date is None, -(e.date.toordinal() if e.date else 0), e.kind, -e.id))
    return entries
