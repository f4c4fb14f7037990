"""The home dashboard: what an official should look at today."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date as Date
from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sticoop.agreements.models import LIVE_STATUSES, Agreement, past_expiry_clause
from sticoop.commitments.models import Commitment
from sticoop.commitments.service import overdue_clause
from sticoop.core import clock
from sticoop.core.models import Searchable
from sticoop.core.registry import record_url, services
from sticoop.matchmaking.models import TechProfile, profile_expired_clause
from sticoop.partnerships.models import Committee, CommitteeSession
from sticoop.partnerships.schemas import SessionTitle
from sticoop.partnerships.service import planned_clause

LIMIT = 10
EXPIRING_DAYS = 90


#: what each field of the dashboard means (OpenAPI descriptions)
ABOUT = {
    "session": "For a committee session: its committee's name, number and city (null otherwise), the parts of "
               "`title` (English) from which pages write it in their language",
    "kind": "Kind of record: session, commitment, agreement, profile… (the entity name)",
    "id": "The record's id",
    "title": "Title, name or text of the record (at most 160 characters)",
    "date": "The date the item is listed for (ISO 8601 date): session start, due date, expiry or last change",
    "status": "The record's status code, when it has one",
    "url": "Path of the record's page, e.g. /sessions/12",
    "updated_at": "When it changed (ISO 8601 date-time, UTC)",
    "updated_by": "User name of who changed it",
    "RecentChange:url": "Path of the record's page; null for a record type without a page of its own",
    "today": "The day every figure below is computed for (ISO 8601 date)",
    "upcoming_sessions": f"Committee sessions dated after today, soonest first (at most {LIMIT})",
    "overdue_commitments": f"Commitments past due or marked overdue (date: due date; at most {LIMIT})",
    "agreements_awaiting_signature": f"Agreements planned or under negotiation (date: last change; at most {LIMIT})",
    "agreements_expired": "Signed, in-force or renewed agreements past their expiry date (date: expiry), latest "
                          f"first (at most {LIMIT})",
    "agreements_expiring": f"Live agreements expiring within {EXPIRING_DAYS} days (date: expiry), soonest first "
                           f"(at most {LIMIT})",
    "profiles_expired": "Published profiles whose valid_until has passed (no longer matched; date: valid_until), "
                        f"latest first (at most {LIMIT})",
    "profiles_expiring": f"Published profiles valid for at most {EXPIRING_DAYS} more days (date: valid_until), "
                         f"soonest first (at most {LIMIT})",
    "recent_changes": f"The latest changed records of every kind, newest first (at most {LIMIT})",
}


class DashboardItem(BaseModel):
    """One record the dashboard points to."""

    kind: str = Field(description=ABOUT["kind"])
    id: int = Field(description=ABOUT["id"])
    title: str = Field(description=ABOUT["title"])
    date: Date | None = Field(None, description=ABOUT["date"])
    status: str | None = Field(None, description=ABOUT["status"])
    url: str = Field(description=ABOUT["url"])
    session: SessionTitle | None = Field(None, description=ABOUT["session"])


class RecentChange(BaseModel):
    """A record changed recently."""

    kind: str = Field(description=ABOUT["kind"])
    id: int = Field(description=ABOUT["id"])
    title: str = Field(description=ABOUT["title"])
    updated_at: datetime = Field(description=ABOUT["updated_at"])
    updated_by: str = Field(description=ABOUT["updated_by"])
    url: str | None = Field(description=ABOUT["RecentChange:url"])


class Dashboard(BaseModel):
    """What an official should look at today: sessions coming, commitments overdue, agreements and profiles expiring,
    recent changes."""

    today: Date = Field(description=ABOUT["today"])
    upcoming_sessions: list[DashboardItem] = Field(description=ABOUT["upcoming_sessions"])
    overdue_commitments: list[DashboardItem] = Field(description=ABOUT["overdue_commitments"])
    agreements_awaiting_signature: list[DashboardItem] = Field(description=ABOUT["agreements_awaiting_signature"])
    agreements_expired: list[DashboardItem] = Field([], description=ABOUT["agreements_expired"])
    agreements_expiring: list[DashboardItem] = Field([], description=ABOUT["agreements_expiring"])
    profiles_expired: list[DashboardItem] = Field([], description=ABOUT["profiles_expired"])
    profiles_expiring: list[DashboardItem] = Field([], description=ABOUT["profiles_expiring"])
    recent_changes: list[RecentChange] = Field(description=ABOUT["recent_changes"])


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
        select(CommitteeSession.id, CommitteeSession.number, CommitteeSession.start_date, Committee.name)
        .join(Committee, CommitteeSession.committee_id == Committee.id)
        .where(planned_clause(today)).order_by(CommitteeSession.start_date).limit(LIMIT)
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
        statement = service.visible_query(db, select(model)).order_by(model.updated_at.desc()).limit(LIMIT)
        narrowed = service.narrows(db)  # e.g. proposals: only those the reader may open (their page's rule)
        for obj in db.scalars(statement):
            if narrowed and not service.may_open(db, obj.id):
                continue
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
                                         url=f"/sessions/{i}", session=SessionTitle(committee=name, number=n))
                           for i, n, d, name in upcoming],
        overdue_commitments=[DashboardItem(kind="commitment", id=i, title=t[:160], date=d, status=st,
                                           url=f"/commitments/{i}") for i, t, d, st in overdue],
        agreements_awaiting_signature=[DashboardItem(kind="agreement", id=i, title=t, status=st,
                                                     date=u.date(), url=f"/agreements/{i}")
                                       for i, t, st, u in awaiting],
        recent_changes=recent[:LIMIT],
    )
