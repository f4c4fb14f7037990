"""The home dashboard: what an official should look at today."""

from __future__ import annotations

from datetime import date as Date
from datetime import datetime

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sticoop.agreements.models import Agreement
from sticoop.commitments.models import Commitment
from sticoop.commitments.service import overdue_clause
from sticoop.core.models import Searchable
from sticoop.core.registry import record_url, services
from sticoop.partnerships.models import Committee, Session

LIMIT = 10


class DashboardItem(BaseModel):
    kind: str
    id: int
    title: str
    date: Date | None = None
    status: str | None = None
    url: str


class RecentChange(BaseModel):
    kind: str
    id: int
    title: str
    updated_at: datetime
    updated_by: str
    url: str | None  # None: a record type without a page of its own


class Dashboard(BaseModel):
    upcoming_sessions: list[DashboardItem]
    overdue_commitments: list[DashboardItem]
    agreements_awaiting_signature: list[DashboardItem]
    recent_changes: list[RecentChange]


def _title(obj: object) -> str:
    for attr in ("title", "name", "text", "purpose", "filename"):
        value = getattr(obj, attr, None)
        if value:
            return str(value)[:160]
    number = getattr(obj, "number", None)
    return f"Session {number}" if number else f"#{getattr(obj, 'id', '?')}"


def dashboard(db: DbSession, today: Date | None = None) -> Dashboard:
    today = today or Date.today()
    upcoming = db.execute(
        select(Session.id, Session.number, Session.start_date, Committee.name)
        .join(Committee, Session.committee_id == Committee.id)
        .where(Session.start_date >= today).order_by(Session.start_date).limit(LIMIT)
    ).all()
    overdue = db.execute(
        select(Commitment.id, Commitment.text, Commitment.due_date, Commitment.status)
        .where(overdue_clause(today)).order_by(Commitment.due_date.asc().nulls_last()).limit(LIMIT)
    ).all()
    awaiting = db.execute(
        select(Agreement.id, Agreement.title, Agreement.status, Agreement.updated_at)
        .where(Agreement.status.in_(["planned", "negotiating"])).order_by(Agreement.updated_at.desc()).limit(LIMIT)
    ).all()
    recent: list[RecentChange] = []
    for entity, service in services().items():
        model = service.model
        if not issubclass(model, Searchable):
            continue
        for obj in db.scalars(select(model).order_by(model.updated_at.desc()).limit(LIMIT)):
            recent.append(RecentChange(kind=entity, id=obj.id, title=_title(obj), updated_at=obj.updated_at,
                                       updated_by=obj.updated_by, url=record_url(entity, obj.id)))
    recent.sort(key=lambda r: r.updated_at, reverse=True)
    return Dashboard(
        upcoming_sessions=[DashboardItem(kind="session", id=i, title=f"{name} — session {n}", date=d,
                                         url=f"/sessions/{i}") for i, n, d, name in upcoming],
        overdue_commitments=[DashboardItem(kind="commitment", id=i, title=t[:160], date=d, status=st,
                                           url=f"/commitments/{i}") for i, t, d, st in overdue],
        agreements_awaiting_signature=[DashboardItem(kind="agreement", id=i, title=t, status=st,
                                                     date=u.date(), url=f"/agreements/{i}")
                                       for i, t, st, u in awaiting],
        recent_changes=recent[:LIMIT],
    )
