"""The home dashboard: what an official should look at today."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date as Date
from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sticoop.agreements.models import LIVE_STATUSES, Agreement, past_expiry_clause
from sticoop.commitments.models import Commitment
from sticoop.commitments.service import overdue_clause
from sticoop.core import clock
from sticoop.core.models import Searchable
from sticoop.core.registry import record_url, services
from sticoop.matchmaking.models import TechProfile, profile_expired_clause
from sticoop.partnerships.models import Committee, Session
from sticoop.partnerships.service import planned_clause

LIMIT = 10
EXPIRING_DAYS = 90


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
    today: Date  # the day every figure below is computed for
    upcoming_sessions: list[DashboardItem]  # planned: dated after today
    overdue_commitments: list[DashboardItem]
    agreements_awaiting_signature: list[DashboardItem]
    #: signed/in force/renewed agreements past their expiry date (date: expiry), latest first
    agreements_expired: list[DashboardItem] = []
    #: live agreements expiring within ``EXPIRING_DAYS`` days (date: expiry), soonest first
    agreements_expiring: list[DashboardItem] = []
    #: published profiles whose ``valid_until`` has passed (no longer matched), latest first
    profiles_expired: list[DashboardItem] = []
    #: published profiles valid for at most ``EXPIRING_DAYS`` more days, soonest first
    profiles_expiring: list[DashboardItem] = []
    recent_changes: list[RecentChange]


def _title(obj: object) -> str:
    for attr in ("title", "name", "text", "purpose", "filename"):
        value = getattr(obj, attr, None)
        if value:
            return str(value)[:160]
    number = getattr(obj, "number", None)
    return f"Session {number}" if number else f"#{getattr(obj, 'id', '?')}"


def _items(kind: str, path: str, rows: Sequence[Any]) -> list[DashboardItem]:
    return [DashboardItem(kind=kind, id=i, title=str(t)[:160], date=d, status=st, url=f"{path}/{i}")
            for i, t, d, st in rows]


def dashboard(db: DbSession, today: Date | None = None) -> Dashboard:
    today = today or clock.today()
    upcoming = db.execute(
        select(Session.id, Session.number, Session.start_date, Committee.name)
        .join(Committee, Session.committee_id == Committee.id)
        .where(planned_clause(today)).order_by(Session.start_date).limit(LIMIT)
    ).all()
    overdue = db.execute(
        select(Commitment.id, Commitment.text, Commitment.due_date, Commitment.status)
        .where(overdue_clause(today)).order_by(Commitment.due_date.asc().nulls_last()).limit(LIMIT)
    ).all()
    awaiting = db.execute(
        select(Agreement.id, Agreement.title, Agreement.status, Agreement.updated_at)
        .where(Agreement.status.in_(["planned", "negotiating"])).order_by(Agreement.updated_at.desc()).limit(LIMIT)
    ).all()
    soon = today + timedelta(days=EXPIRING_DAYS)
    live = Agreement.status.in_(sorted(LIVE_STATUSES))
    agreement_columns = (Agreement.id, Agreement.title, Agreement.expiry_date, Agreement.status)
    expired = db.execute(select(*agreement_columns).where(past_expiry_clause(today))
                         .order_by(Agreement.expiry_date.desc()).limit(LIMIT)).all()
    expiring = db.execute(select(*agreement_columns)
                          .where(live, Agreement.expiry_date >= today, Agreement.expiry_date <= soon)
                          .order_by(Agreement.expiry_date).limit(LIMIT)).all()
    profile_columns = (TechProfile.id, TechProfile.title, TechProfile.valid_until, TechProfile.status)
    published = TechProfile.status == "published"
    profiles_gone = db.execute(select(*profile_columns).where(published, profile_expired_clause(today))
                               .order_by(TechProfile.valid_until.desc()).limit(LIMIT)).all()
    profiles_soon = db.execute(select(*profile_columns)
                               .where(published, TechProfile.valid_until >= today, TechProfile.valid_until <= soon)
                               .order_by(TechProfile.valid_until).limit(LIMIT)).all()
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
        today=today,
        agreements_expired=_items("agreement", "/agreements", expired),
        agreements_expiring=_items("agreement", "/agreements", expiring),
        profiles_expired=_items("profile", "/profiles", profiles_gone),
        profiles_expiring=_items("profile", "/profiles", profiles_soon),
        upcoming_sessions=[DashboardItem(kind="session", id=i, title=f"{name} — session {n}", date=d,
                                         url=f"/sessions/{i}") for i, n, d, name in upcoming],
        overdue_commitments=[DashboardItem(kind="commitment", id=i, title=t[:160], date=d, status=st,
                                           url=f"/commitments/{i}") for i, t, d, st in overdue],
        agreements_awaiting_signature=[DashboardItem(kind="agreement", id=i, title=t, status=st,
                                                     date=u.date(), url=f"/agreements/{i}")
                                       for i, t, st, u in awaiting],
        recent_changes=recent[:LIMIT],
    )
