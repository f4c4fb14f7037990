"""Build a briefing pack's data from live records (:func:`build_briefing`, read-only) and keep each generated
file as a document with its provenance (:func:`store_pack`, one transaction with the caller's).

Every query runs through the principal's scoping (``accounts/scoping.py``): a viewer's pack holds nothing of
a partnership they are not assigned to and no confidential record. Each list is one bounded query (no N+1):
at most ``LIMITS[name]`` rows, the rest counted in ``Briefing.omitted``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import lazyload

from sticoop.activities.models import Event, Visit
from sticoop.activities.service import visits
from sticoop.agreements.models import Agreement, effective_status, past_expiry_clause
from sticoop.briefing import history
from sticoop.briefing.models import BriefingPack
from sticoop.briefing.schemas import (
    AgreementBrief,
    Briefing,
    CommitmentBrief,
    PartnershipBrief,
    PersonBrief,
    PressBrief,
    ProjectBrief,
    SessionBrief,
    UpcomingDate,
    VisitBrief,
)
from sticoop.commitments.models import Commitment, ProgressUpdate
from sticoop.commitments.service import OPEN_STATUSES, is_overdue, overdue_clause
from sticoop.core import clock
from sticoop.core.config import get_settings
from sticoop.core.errors import ValidationFailed
from sticoop.core.i18n import SUPPORTED_LOCALES
from sticoop.core.principal import Principal, act_as
from sticoop.documents.models import Document
from sticoop.documents.service import documents
from sticoop.ingest.models import Intake, IntakeStatus
from sticoop.partners.models import Organization, Person, Position
from sticoop.partners.service import current_position
from sticoop.partnerships.models import Committee, CommitteeSession, Partnership
from sticoop.partnerships.service import next_anniversary, partnerships
from sticoop.portfolio.timeline import timeline
from sticoop.projects.models import PartnerRole, Programme, Project

#: the most rows each list of a pack holds (the rest is counted in ``Briefing.omitted``)
#: — a brief is read before a meeting: the most pressing rows (overdue commitments first, then by due date;
#: the latest projects), the whole in ``Briefing.figures``. Nothing is dropped silently: under a list cut
#: short the pack says how many rows of how many it shows and links the complete list (``complete_lists``).
#: Chosen over printing everything because 500 commitments made a 53-page pack (7 s CPU) nobody reads
#: before a meeting, while the linked list is always current.
LIMITS = {"conclusions_followup": 100, "open_commitments": 100, "agreements": 60, "projects": 40,
          "people": 40, "previous_visits": 10, "press": 10, "upcoming": 40}
#: how far ahead "upcoming dates" look, and when an agreement "expires soon" (days)
HORIZON_DAYS = 365
EXPIRES_SOON_DAYS = 180
#: file formats a pack is written in, with their media types
FORMATS = {"pdf": "application/pdf", "html": "text/html; charset=utf-8",
           "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
#: ids per IN (...) list, below every database's bound-parameter limit
CHUNK = 900


class Sources:
    """The records a pack was built from, by kind: ``{"commitment": [[id, version], ...]}``."""

    def __init__(self) -> None:
        self._seen: dict[str, dict[int, int | None]] = defaultdict(dict)

    def add(self, kind: str, records: Iterable[Any]) -> None:
        for record in records:
            if record is not None:
                self._seen[kind][record.id] = getattr(record, "version", None)

    def as_dict(self) -> dict[str, list[list[int]]]:
        return {kind: [[i] if v is None else [i, v] for i, v in sorted(rows.items())]
                for kind, rows in sorted(self._seen.items())}


def build_briefing(db: DbSession, principal: Principal | None, partnership_id: int, visit_id: int | None = None,
                   as_of: date | None = None, locale: str = "en") -> Briefing:
    """The briefing pack of a partnership (and of one of its visits), as of a day, as ``principal`` may see it.

    ``principal`` is put on ``db`` so every query is scoped to it (None: the operator, who sees everything).
    ``as_of`` (default: today, ``core.clock``) decides held vs planned sessions, overdue commitments, the
    latest progress (updates dated up to it), agreements past expiry, earlier visits, press published up to it
    and the upcoming dates after it. For a day before today, commitments and agreements are shown as they
    stood at the end of that day, replayed from the audit log (``history.py``): a status changed since shows
    its value then.
    Raises NotFound (404) for a partnership or visit the principal may not see, ValidationFailed (422) for a
    visit of another partnership or an unsupported ``locale`` (en, fr, vi). Writes nothing."""
    if locale not in SUPPORTED_LOCALES:
        raise ValidationFailed(f"locale must be one of {', '.join(SUPPORTED_LOCALES)}", field="locale")
    if principal is not None:
        act_as(db, principal)
    day = as_of or clock.today()
    sources = Sources()
    partnership = partnerships.get(db, partnership_id)
    sources.add("partnership", [partnership])
    visit = _visit(db, visit_id, partnership_id)
    sources.add("visit", [visit])
    omitted: dict[str, int] = {}
    session = _last_session(db, partnership_id, day)
    sources.add("session", [session])
    session_id = session.id if session else None
    followup = _commitments(db, Listing([Commitment.session_id == session_id], lambda c: c.session_id == session_id,
                                        "conclusions_followup"), day, omitted, sources) if session else []
    open_where = [Commitment.partnership_id == partnership_id, Commitment.status.in_(OPEN_STATUSES)]
    open_rows = _commitments(db, Listing(open_where, lambda c: c.partnership_id == partnership_id
                                         and c.status in OPEN_STATUSES, "open_commitments"), day, omitted, sources,
                             overdue_first=True)
    agreements = _agreements(db, partnership_id, day, omitted, sources)
    return Briefing(
        locale=locale, as_of=day, prepared_for=principal.username if principal else "operator",
        partnership=_partnership(partnership, day), visit=_visit_brief(visit, details=True) if visit else None,
        last_session=_session_brief(session) if session else None,
        conclusions_followup=followup, open_commitments=open_rows, agreements=agreements,
        projects=_projects(db, partnership_id, omitted, sources),
        people=_people(db, visit, session, day, omitted, sources),
        previous_visits=_previous_visits(db, partnership_id, visit_id, day, sources),
        press=_press(db, partnership_id, day, sources),
        upcoming=_upcoming(db, partnership, day, open_rows, agreements),
        figures=_figures(db, partnership_id, open_where, day), budgets=_budgets(db, partnership_id),
        omitted=omitted, complete_lists=complete_lists(partnership_id, omitted), sources=sources.as_dict(),
    )


#: the record list holding the complete list of each bounded list of a pack, filtered to the partnership
LIST_PAGES = {"conclusions_followup": "/commitments?partnership_id={id}",
              "open_commitments": "/commitments?partnership_id={id}", "agreements": "/agreements?partnership_id={id}",
              "projects": "/projects?partnership_id={id}", "people": "/people"}


def complete_lists(partnership_id: int, omitted: dict[str, int]) -> dict[str, str]:
    """The absolute URL (``STICOOP_BASE_URL``) of the complete list of each list a pack cut short."""
    base = get_settings().base_url.rstrip("/")
    return {name: base + LIST_PAGES[name].format(id=partnership_id) for name in omitted if name in LIST_PAGES}


def _figures(db: DbSession, partnership_id: int, open_where: list[Any], day: date) -> dict[str, int]:
    """Counts over the whole partnership, whatever the lists' limits (three counts)."""
    def count(query: Any) -> int:
        return db.scalar(select(func.count()).select_from(query.subquery())) or 0
    return {"open_commitments": count(select(Commitment.id).where(*open_where)),
            "overdue_commitments": count(select(Commitment.id).where(*open_where, overdue_clause(day))),
            "projects": count(select(Project.id).where(Project.partnership_id == partnership_id))}


def _budgets(db: DbSession, partnership_id: int) -> dict[str, Decimal]:
    """The partnership's project budgets summed per currency (ISO 4217), one query."""
    rows = db.execute(select(Project.currency, func.sum(Project.budget))
                      .where(Project.partnership_id == partnership_id, Project.currency.is_not(None),
                             Project.budget.is_not(None))
                      .group_by(Project.currency).order_by(Project.currency))
    return {currency: Decimal(total) for currency, total in rows if currency and total is not None}


def _visit(db: DbSession, visit_id: int | None, partnership_id: int) -> Visit | None:
    if visit_id is None:
        return None
    visit = visits.get(db, visit_id)  # 404 when out of the principal's sight
    if visit.partnership_id != partnership_id:
        raise ValidationFailed(f"visit_id: visit {visit_id} is not a visit of partnership {partnership_id}",
                               field="visit_id")
    return visit


def _partnership(partnership: Partnership, day: date) -> PartnershipBrief:
    anniversary = next_anniversary(partnership.relations_established, day)
    return PartnershipBrief(
        id=partnership.id, name=partnership.name, country_codes=partnership.country_codes,
        relations_established=partnership.relations_established, status=partnership.status,
        summary=partnership.summary, confidential=partnership.confidential,
        anniversary_years=anniversary[0] if anniversary else None,
        anniversary_date=anniversary[1] if anniversary else None)


def _visit_brief(visit: Visit, details: bool = False) -> VisitBrief:
    return VisitBrief(
        id=visit.id, from_country_code=visit.from_country_code, to_country_code=visit.to_country_code,
        start_date=visit.start_date, end_date=visit.end_date, purpose=visit.purpose,
        objectives=visit.objectives if details else None, outcomes=visit.outcomes,
        members=[p.name for p in visit.members] if details else [],
        organizations_met=[o.name for o in visit.organizations_met] if details else [],
        confidential=visit.confidential)


def _last_session(db: DbSession, partnership_id: int, day: date) -> CommitteeSession | None:
    """The latest session of any of the partnership's committees held on or before ``day``."""
    return db.scalar(
        select(CommitteeSession).options(lazyload(CommitteeSession.agenda_items))
        .join(Committee, CommitteeSession.committee_id == Committee.id)
        .where(Committee.partnership_id == partnership_id, CommitteeSession.start_date <= day)
        .order_by(CommitteeSession.start_date.desc(), CommitteeSession.id.desc()).limit(1))


def _session_brief(session: CommitteeSession) -> SessionBrief:
    return SessionBrief(id=session.id, committee=session.committee.name, number=session.number,
                        start_date=session.start_date, end_date=session.end_date, city=session.city,
                        country_code=session.country_code, conclusions=session.conclusions,
                        confidential=session.confidential)


def _bounded(db: DbSession, query: Any, limit: int, omitted: dict[str, int], name: str) -> list[Any]:
    """Up to ``limit`` rows of ``query``; when there are more, how many are left out goes in ``omitted``."""
    rows = list(db.scalars(query.limit(limit + 1)))
    if len(rows) > limit:
        total = db.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
        omitted[name] = total - limit
        rows = rows[:limit]
    return rows


@dataclass(frozen=True)
class Listing:
    """One bounded list of a pack: its SQL filter, the same filter in Python (for records replayed from the
    audit log, ``history.py``) and its name (``LIMITS``, ``Briefing.omitted``)."""

    where: list[Any]
    match: Callable[[Any], bool]
    name: str


def _as_stood(db: DbSession, model: Any, kind: str, listing: Listing, order: list[Any], key: Callable[[Any], Any],
              day: date, omitted: dict[str, int], sources: Sources, options: Sequence[Any] = ()) -> list[Any]:
    """Up to ``LIMITS[listing.name]`` rows of ``model`` matching the listing as they stood at the end of
    ``day``: the records unchanged since (one SQL query in ``order``) and, for an earlier day, the states of
    those changed since, replayed from the audit log and filtered by ``listing.match`` — merged in ``key``
    order. Rows left out are counted in ``omitted``."""
    limit = LIMITS[listing.name]
    cutoff = history.cutoff_of(day)
    where = list(listing.where)
    if cutoff is not None:
        where.append(model.id.not_in(history.changed_since(kind, cutoff)))
    live = _bounded(db, select(model).where(*where).order_by(*order).options(*options), limit, omitted,
                    listing.name)
    sources.add(kind, live)
    if cutoff is None:
        return live
    past = [state.values for state in history.visible(db, model, [
        state for state in history.past_states(db, model, kind, cutoff) if listing.match(state.values)])]
    sources.add(kind, past)
    rows = sorted([*live, *past], key=key)
    if len(rows) > limit:
        omitted[listing.name] = omitted.get(listing.name, 0) + len(rows) - limit
    return rows[:limit]


def _commitments(db: DbSession, listing: Listing, day: date, omitted: dict[str, int], sources: Sources,
                 overdue_first: bool = False) -> list[CommitmentBrief]:
    order = [Commitment.due_date.asc().nulls_last(), Commitment.id]
    if overdue_first:
        order.insert(0, case((overdue_clause(day), 0), else_=1))

    def key(c: Any) -> tuple[Any, ...]:
        return (0 if overdue_first and is_overdue(c, day) else 1, c.due_date is None, c.due_date or date.min, c.id)

    found = _as_stood(db, Commitment, "commitment", listing, order, key, day, omitted, sources)
    latest = latest_progress(db, [c.id for c in found], day)
    names = _responsible(db, found)
    return [CommitmentBrief(
        id=c.id, text=c.text, status=c.status, completion=c.completion, due_date=c.due_date,
        overdue=is_overdue(c, day), responsible=names[c.id],
        last_update=latest[c.id][0] if c.id in latest else None,
        last_note=latest[c.id][1] if c.id in latest else None, confidential=c.confidential,
    ) for c in found]


def _responsible(db: DbSession, found: list[Any]) -> dict[int, list[str]]:
    """Names of the organisations, then people, responsible for each commitment: from the relationships of a
    live record, from the ids of a replayed state (two queries for all of them)."""
    past = [c for c in found if not isinstance(c, Commitment)]
    orgs = _names(db, Organization, [i for c in past for i in c.responsible_ids])
    people = _names(db, Person, [i for c in past for i in c.responsible_people_ids])
    names: dict[int, list[str]] = {}
    for c in found:
        if isinstance(c, Commitment):
            names[c.id] = [o.name for o in c.responsible] + [p.name for p in c.responsible_people]
        else:
            names[c.id] = [orgs[i] for i in c.responsible_ids if i in orgs] + sorted(
                people[i] for i in c.responsible_people_ids if i in people)
    return names


def latest_progress(db: DbSession, commitment_ids: Sequence[int], day: date) -> dict[int, tuple[date, str]]:
    """The newest progress update dated on or before ``day`` of each commitment: {id: (date, note)}, one query
    per ``CHUNK`` ids (a window function: SQLite ≥ 3.25 and PostgreSQL)."""
    found: dict[int, tuple[date, str]] = {}
    for start in range(0, len(commitment_ids), CHUNK):
        ids = commitment_ids[start:start + CHUNK]
        rank = func.row_number().over(partition_by=ProgressUpdate.commitment_id,
                                      order_by=(ProgressUpdate.date.desc(), ProgressUpdate.id.desc()))
        ranked = (select(ProgressUpdate.commitment_id, ProgressUpdate.date, ProgressUpdate.note,
                         rank.label("rank"))
                  .where(ProgressUpdate.commitment_id.in_(ids), ProgressUpdate.date <= day).subquery())
        rows = db.execute(select(ranked.c.commitment_id, ranked.c.date, ranked.c.note).where(ranked.c.rank == 1))
        found.update({cid: (d, note) for cid, d, note in rows})
    return found


#: the order agreements are printed in, by status as read on the as-of date
STATUS_ORDER = ("in_force", "renewed", "signed", "negotiating", "planned", "expired", "terminated")


def _agreements(db: DbSession, partnership_id: int, day: date, omitted: dict[str, int],
                sources: Sources) -> list[AgreementBrief]:
    order = {status: i for i, status in enumerate(STATUS_ORDER)}
    # by status as read on the day (a live agreement past its expiry reads expired), then expiry: in SQL, so a
    # list over its limit keeps the first rows of this order
    rank = case((past_expiry_clause(day), order["expired"]),
                else_=case(order, value=Agreement.status, else_=len(order)))
    listing = Listing([Agreement.partnership_id == partnership_id],
                      lambda a: a.partnership_id == partnership_id, "agreements")

    def key(a: Any) -> tuple[Any, ...]:
        status = effective_status(a.status, a.expiry_date, day)
        return order.get(status, len(order)), a.expiry_date is None, a.expiry_date or date.min, a.id

    found = _as_stood(db, Agreement, "agreement", listing,
                      [rank, Agreement.expiry_date.asc().nulls_last(), Agreement.id], key, day, omitted, sources,
                      options=(lazyload(Agreement.countries), lazyload(Agreement.organizations)))
    rows = [AgreementBrief(
        id=a.id, title=a.title, kind=a.kind, status=effective_status(a.status, a.expiry_date, day),
        signed_date=a.signed_date, in_force_date=a.in_force_date, expiry_date=a.expiry_date,
        expires_soon=a.expiry_date is not None and day <= a.expiry_date <= day + timedelta(days=EXPIRES_SOON_DAYS)
        and a.status in ("signed", "in_force", "renewed"),
        confidential=a.confidential) for a in found]
    rows.sort(key=lambda a: (order.get(a.status, len(order)), a.expiry_date or date.max, a.id))
    return rows


def _names(db: DbSession, model: Any, ids: Iterable[int | None]) -> dict[int, str]:
    keys = sorted({i for i in ids if i is not None})
    found: dict[int, str] = {}
    for start in range(0, len(keys), CHUNK):
        rows = db.execute(select(model.id, model.name).where(model.id.in_(keys[start:start + CHUNK])))
        found.update({key: name for key, name in rows})
    return found


def _projects(db: DbSession, partnership_id: int, omitted: dict[str, int], sources: Sources) -> list[ProjectBrief]:
    query = (select(Project).where(Project.partnership_id == partnership_id)
             .order_by(Project.start_date.desc().nulls_last(), Project.id.desc()).options(lazyload(Project.fields)))
    found = _bounded(db, query, LIMITS["projects"], omitted, "projects")
    sources.add("project", found)
    programmes = _names(db, Programme, [p.programme_id for p in found])
    funders = _names(db, Organization, [x.organization_id for p in found for x in p.partners
                                        if x.role == PartnerRole.funder])
    return [ProjectBrief(
        id=p.id, title=p.title, status=p.status, start_date=p.start_date, end_date=p.end_date, budget=p.budget,
        currency=p.currency, programme=programmes.get(p.programme_id) if p.programme_id else None,
        funders=[funders[x.organization_id] for x in p.partners
                 if x.role == PartnerRole.funder and x.organization_id in funders],
        confidential=p.confidential) for p in found]


def _people(db: DbSession, visit: Visit | None, session: CommitteeSession | None, day: date,
            omitted: dict[str, int], sources: Sources) -> list[PersonBrief]:
    """People working (on ``day``) at the organisations the visit meets, then the last session's delegates."""
    why: dict[int, str] = {}
    if visit is not None and visit.organizations_met:
        org_ids = [o.id for o in visit.organizations_met]
        for person_id in db.scalars(select(Position.person_id).where(Position.organization_id.in_(org_ids))
                                    .distinct().order_by(Position.person_id)):
            why.setdefault(person_id, "met")
    if session is not None:
        for delegate in session.delegates:
            why.setdefault(delegate.person_id, "delegate")
    if visit is not None:
        for member in visit.members:  # the delegation itself is not someone to meet
            why.pop(member.id, None)
    ids = list(why)
    if len(ids) > LIMITS["people"]:
        omitted["people"] = len(ids) - LIMITS["people"]
        ids = ids[:LIMITS["people"]]
    found = list(db.scalars(select(Person).where(Person.id.in_(ids)))) if ids else []
    sources.add("person", found)
    positions = {p.id: current_position(p.positions, day) for p in found}
    orgs = _names(db, Organization, [pos.organization_id for pos in positions.values() if pos is not None])
    rows = []
    for person in found:
        pos = positions[person.id]
        rows.append(PersonBrief(id=person.id, name=person.name, country_code=person.country_code,
                                position=pos.title if pos else None,
                                organization=orgs.get(pos.organization_id) if pos and pos.organization_id else None,
                                why=why[person.id]))
    rows.sort(key=lambda p: (p.why != "met", p.country_code or "", p.name))
    return rows


def _previous_visits(db: DbSession, partnership_id: int, visit_id: int | None, day: date,
                     sources: Sources) -> list[VisitBrief]:
    query = (select(Visit).where(Visit.partnership_id == partnership_id, Visit.start_date < day)
             .order_by(Visit.start_date.desc(), Visit.id.desc()).limit(LIMITS["previous_visits"] + 1)
             .options(lazyload(Visit.members), lazyload(Visit.organizations_met)))
    found = [v for v in db.scalars(query) if v.id != visit_id][:LIMITS["previous_visits"]]
    sources.add("visit", found)
    return [_visit_brief(v) for v in found]


def _press(db: DbSession, partnership_id: int, day: date, sources: Sources) -> list[PressBrief]:
    """Accepted ingested documents of the partnership published on or before ``day`` (undated: stored by
    then), newest first."""
    published = func.coalesce(Intake.published, func.date(Document.created_at))
    rows = db.execute(
        select(Document, Intake.title, Intake.published).join(Intake, Intake.document_id == Document.id)
        .where(Document.partnership_id == partnership_id, Intake.status == IntakeStatus.accepted,
               published <= day)
        .order_by(Intake.published.desc().nulls_last(), Document.id.desc()).limit(LIMITS["press"])
    ).all()
    sources.add("document", [doc for doc, _title, _published in rows])
    return [PressBrief(id=doc.id, title=title or doc.title or doc.filename, published=published_on,
                       source_url=doc.source_url, language=doc.language, confidential=doc.confidential)
            for doc, title, published_on in rows]


#: timeline kinds whose planned entries are upcoming dates (commitment dues and expiries come from the pack)
TIMELINE_KINDS: dict[str, Any] = {"session": CommitteeSession, "visit": Visit, "event": Event, "project": Project}


def _upcoming(db: DbSession, partnership: Partnership, day: date, open_rows: list[CommitmentBrief],
              agreements: list[AgreementBrief]) -> list[UpcomingDate]:
    """Dates after ``day`` within ``HORIZON_DAYS``: the timeline's planned sessions, visits, events and project
    starts (``portfolio.timeline``), open commitments falling due, agreements expiring, the next round
    anniversary of relations."""
    horizon = day + timedelta(days=HORIZON_DAYS)
    ahead = [e for e in timeline(db, partnership, day)
             if e.kind in TIMELINE_KINDS and e.date is not None and day < e.date <= horizon]
    secret: set[tuple[str, int]] = set()
    for kind, model in TIMELINE_KINDS.items():
        ids = [e.id for e in ahead if e.kind == kind]
        if ids:
            secret |= {(kind, i) for i in db.scalars(select(model.id).where(model.id.in_(ids), model.confidential))}
    rows = [UpcomingDate(date=e.date, kind=e.kind, id=e.id, title=e.title, confidential=(e.kind, e.id) in secret)
            for e in ahead if e.date is not None]
    rows += [UpcomingDate(date=c.due_date, kind="commitment", id=c.id, title=c.text[:200], confidential=c.confidential)
             for c in open_rows if c.due_date is not None and day < c.due_date <= horizon]
    rows += [UpcomingDate(date=a.expiry_date, kind="agreement_expiry", id=a.id, title=a.title,
                          confidential=a.confidential)
             for a in agreements if a.expiry_date is not None and day < a.expiry_date <= horizon
             and a.status in ("signed", "in_force", "renewed")]
    anniversary = next_anniversary(partnership.relations_established, day)
    if anniversary is not None and day < anniversary[1] <= horizon:
        rows.append(UpcomingDate(date=anniversary[1], kind="anniversary", id=None, title=str(anniversary[0]),
                                 confidential=False))
    rows.sort(key=lambda r: (r.date, r.kind, r.id or 0))
    return rows[:LIMITS["upcoming"]]


def store_pack(db: DbSession, briefing: Briefing, content: bytes, fmt: str, visit_id: int | None,
               principal: Principal | None) -> BriefingPack:
    """Keep a generated pack: its file as a document (stored once by content, bound to the partnership and
    confidential when the pack is) and a ``BriefingPack`` row with what it was built from, in the caller's
    transaction. The same bytes built again for the same user give back the same row (nothing written)."""
    if fmt not in FORMATS:
        raise ValidationFailed(f"format must be one of {', '.join(FORMATS)}", field="format")
    actor = principal.username if principal and principal.signed_in else "system"
    filename = pack_filename(briefing, fmt)
    document, created = documents.store(db, content, filename, FORMATS[fmt], language=briefing.locale, actor=actor)
    if created:
        document.title = filename.rsplit(".", 1)[0][:500]
        document.partnership_id = briefing.partnership.id
        document.confidential = briefing.confidential
    else:
        existing = db.scalar(select(BriefingPack).where(BriefingPack.document_id == document.id,
                                                        BriefingPack.built_by == actor).limit(1))
        if existing is not None:
            return existing
    pack = BriefingPack(document_id=document.id, partnership_id=briefing.partnership.id, visit_id=visit_id,
                        as_of=briefing.as_of, format=fmt, locale=briefing.locale,
                        user_id=principal.user_id if principal else None, built_by=actor,
                        confidential=briefing.confidential or document.confidential, sources=briefing.sources)
    db.add(pack)
    db.flush()
    return pack


def pack_filename(briefing: Briefing, fmt: str) -> str:
    """``Briefing - Belgium–Vietnam - 2026-06-15.pdf`` (the download keeps it: ``core/downloads.py``)."""
    name = briefing.partnership.name.replace("/", "-")[:150]
    visit = f" - visit {briefing.visit.id}" if briefing.visit else ""
    return f"Briefing - {name}{visit} - {briefing.as_of.isoformat()} ({briefing.locale}).{fmt}"


def register() -> None:
    """Declare that stored briefing packs belong to their partnership (called by the composition root)."""
    from sticoop.core.registry import register_scope

    register_scope(BriefingPack)
