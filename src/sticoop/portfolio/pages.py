"""The partnership page (its committees' status, next anniversary and timeline) and the session page (its
delegations, agenda, the commitments it made and what became of the previous session's conclusions): the pages
officials open most, reading partnerships, commitments, agreements, projects and activities together."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sticoop.commitments.models import Commitment
from sticoop.commitments.service import commitments
from sticoop.core import clock
from sticoop.core.api import DB
from sticoop.core.listing import ListParams
from sticoop.partners.models import Organization, Person
from sticoop.partners.pages import DETAIL_LIMIT
from sticoop.partners.service import is_current, people
from sticoop.partnerships.models import Committee, CommitteeSession, SessionDelegate
from sticoop.partnerships.service import committees, next_anniversary, partnerships, sessions
from sticoop.portfolio.timeline import timeline
from sticoop.web.lookups import names
from sticoop.web.render import render

router = APIRouter(include_in_schema=False)


def commitments_of_session(db: DbSession, session_id: int, limit: int = 200) -> list[Commitment]:
    """Commitments made at one session (the service's list has no session filter)."""
    query = select(Commitment).where(Commitment.session_id == session_id).order_by(Commitment.id).limit(limit)
    return list(db.scalars(query))


@router.get("/partnerships/{record_id:int}", response_class=HTMLResponse)
def partnership_detail(record_id: int, request: Request, db: DB) -> HTMLResponse:
    partnership = partnerships.get(db, record_id)
    its_committees, _total = committees.list(db, ListParams(partnership_id=record_id, limit=200))
    cochairs = {c.id: [o.name for o in c.cochairs] for c in its_committees}
    today = clock.today()
    anniversary = next_anniversary(partnership.relations_established, today)
    return render(request, "partnerships/detail.html", {
        "p": partnership, "committees": list(zip(its_committees, committees.statuses(db, its_committees, today),
                                                 strict=True)),
        "cochairs": cochairs, "anniversary": anniversary, "timeline": timeline(db, partnership, today),
        "today": today,
    })


@router.get("/sessions/{record_id:int}", response_class=HTMLResponse)
def session_detail(record_id: int, request: Request, db: DB) -> HTMLResponse:
    session = sessions.get(db, record_id)
    derived = sessions.with_derived(db, session)
    people = names(db, Person, [d.person_id for d in session.delegates])
    sides: dict[str, list[Any]] = defaultdict(list)
    for delegate in session.delegates:
        sides[delegate.country_code].append(delegate)
    made_here = commitments_of_session(db, record_id)
    return render(request, "sessions/detail.html", {
        "sn": session, "derived": derived, "people": people, "sides": dict(sides),
        "partnership": session.committee.partnership, "report": commitments.implementation_report(db, record_id),
        "made_here": made_here, "warnings": derived["warnings"],
    })


# ----- a person's page: positions, and the sessions the person attended (read across partnerships) -----
def sessions_attended(db: DbSession, person_id: int) -> list[Any]:
    """The sessions a person sat in (id, number, start date, committee name, head of delegation), newest first,
    at most ``DETAIL_LIMIT``; scoped like every query of the user."""
    return list(db.execute(
        select(CommitteeSession.id, CommitteeSession.number, CommitteeSession.start_date, Committee.name,
               SessionDelegate.is_head)
        .join(SessionDelegate, SessionDelegate.session_id == CommitteeSession.id)
        .join(Committee, CommitteeSession.committee_id == Committee.id)
        .where(SessionDelegate.person_id == person_id).order_by(CommitteeSession.start_date.desc().nulls_last())
        .limit(DETAIL_LIMIT)
    ).all())


@router.get("/people/{record_id:int}", response_class=HTMLResponse)
def person_detail(record_id: int, request: Request, db: DB) -> HTMLResponse:
    person = people.get(db, record_id)
    today = clock.today()
    return render(request, "people/detail.html", {
        "person": person, "current": [p for p in person.positions if is_current(p, today)],
        "past": [p for p in reversed(person.positions) if not is_current(p, today)],
        "org_names": names(db, Organization, [p.organization_id for p in person.positions]),
        "attended": sessions_attended(db, record_id),
    })
