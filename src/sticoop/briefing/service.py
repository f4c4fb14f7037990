"""Build a briefing pack's data from live records (:func:`build_briefing`, read-only) and keep each generated
file as a document with its provenance (:func:`store_pack`, one transaction with the caller's).

Every query runs through the principal's scoping (``accounts/scoping.py``): a viewer's pack holds nothing of
a partnership they are not assigned to and no confidential record. Each list is one bounded query (no N+1):
at most ``LIMITS[name]`` rows, the rest counted in ``Briefing.omitted``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import lazyload

from sticoop.activities.models import Visit
from sticoop.activities.service import visits
from sticoop.agreements.models import Agreement, effective_status, past_expiry_clause
from sticoop.briefing import sections
from sticoop.briefing.charts import pack_charts
from sticoop.briefing.models import BriefingPack
from sticoop.briefing.replay import Listing, as_stood
from sticoop.briefing.schemas import (
    AgreementBrief,
    Briefing,
    CommitmentBrief,
    PartnershipBrief,
    PressBrief,
    UpcomingDate,
)
from sticoop.briefing.sections import HORIZON_DAYS, LIMITS, Reading, Sources, link_ids
from sticoop.commitments.models import Commitment, ProgressUpdate
from sticoop.commitments.service import OPEN_STATUSES, is_overdue, overdue_clause
from sticoop.core import clock
from sticoop.core.config import get_settings
from sticoop.core.errors import ValidationFailed
from sticoop.core.i18n import SUPPORTED_LOCALES
from sticoop.core.labels import N_
from sticoop.core.principal import Principal, act_as
from sticoop.documents.models import Document
from sticoop.documents.service import documents
from sticoop.ingest.models import Intake, IntakeStatus
from sticoop.partners.models import Organization, Person
from sticoop.partnerships.service import next_anniversary, partnerships

#: (``LIMITS``, the most rows of each list, and ``HORIZON_DAYS`` are in ``sections.py``)
#: when an agreement "expires soon" (days)
EXPIRES_SOON_DAYS = 180
#: file formats a pack is written in, with their media types
FORMATS = {"pdf": "application/pdf", "html": "text/html; charset=utf-8",
           "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
#: ids per IN (...) list, below every database's bound-parameter limit
CHUNK = 900

#: what a pack refuses (message codes with their arguments: translated where a job shows them)
BAD_LOCALE = N_("locale must be one of %(locales)s")
OTHER_VISIT = N_("visit_id: visit %(visit_id)s is not a visit of partnership %(partnership_id)s")
BAD_FORMAT = N_("format must be one of %(formats)s")
REFUSALS = (BAD_LOCALE, OTHER_VISIT, BAD_FORMAT)


def build_briefing(db: DbSession, principal: Principal | None, partnership_id: int, visit_id: int | None = None,
                   as_of: date | None = None, locale: str = "en") -> Briefing:
    """The briefing pack of a partnership (and of one of its visits), as of a day, as ``principal`` may see it.

    ``principal`` is put on ``db`` so every query is scoped to it (None: the operator, who sees everything).
    ``as_of`` (default: today, ``core.clock``) decides held vs planned sessions, overdue commitments, the
    latest progress (updates dated up to it), agreements past expiry, earlier visits, press published up to it
    and the upcoming dates after it. For a day before today, every section is read as it stood at the end of
    that day, replayed from the audit log (``history.py``, ``replay.py``, ``sections.py``): the partnership
    itself (name, parties, status, summary, relations and their anniversary), commitments,
    agreements, the last session and its conclusions, projects and their funding, people and the position
    they held, the visit and previous visits, upcoming sessions, visits and events, the counts, and the names
    of organisations, committees and programmes; a record deleted since is back, one created since is not.
    Raises NotFound (404) for a partnership or visit the principal may not see, ValidationFailed (422) for a
    visit of another partnership or an unsupported ``locale`` (en, fr, vi). Writes nothing."""
    if locale not in SUPPORTED_LOCALES:
        raise ValidationFailed(BAD_LOCALE, field="locale", params={"locales": ", ".join(SUPPORTED_LOCALES)})
    if principal is not None:
        act_as(db, principal)
    day = as_of or clock.today()
    reading = Reading(db, day)
    partnership = sections.partnership_then(reading, partnerships.get(db, partnership_id))
    reading.sources.add("partnership", [partnership])
    visit = sections.visit_then(reading, _visit(db, visit_id, partnership_id))
    reading.sources.add("visit", [visit])
    session = sections.last_session(reading, partnership_id)
    session_id = session.id if session else None
    followup = _commitments(reading, Listing(Commitment, "commitment", [Commitment.session_id == session_id],
                                             lambda c: c.session_id == session_id, "conclusions_followup"),
                            ) if session else []
    open_where = [Commitment.partnership_id == partnership_id, Commitment.status.in_(OPEN_STATUSES)]
    open_rows = _commitments(reading, Listing(Commitment, "commitment", open_where,
                                              lambda c: c.partnership_id == partnership_id
                                              and c.status in OPEN_STATUSES, "open_commitments"), overdue_first=True)
    agreements = _agreements(reading, partnership_id)
    return Briefing(
        locale=locale, as_of=day, prepared_for=principal.username if principal else "operator",
        partnership=_partnership(partnership, day),
        visit=sections.visit_brief(reading, visit, details=True) if visit else None,
        last_session=sections.session_brief(reading, session) if session else None,
        conclusions_followup=followup, open_commitments=open_rows, agreements=agreements,
        projects=sections.projects(reading, partnership_id),
        people=sections.people(reading, visit, session),
        previous_visits=sections.previous_visits(reading, partnership_id, visit_id),
        press=_press(db, partnership_id, day, reading.sources),
        upcoming=_upcoming(reading, partnership, open_rows, agreements),
        figures=sections.figures(reading, partnership_id), budgets=sections.budgets(reading, partnership_id),
        charts=pack_charts(reading, partnership_id),
        omitted=reading.omitted, complete_lists=complete_lists(partnership_id, reading.omitted),
        sources=reading.sources.as_dict(),
    )


#: the record list holding the complete list of each bounded list of a pack, filtered to the partnership
LIST_PAGES = {"conclusions_followup": "/commitments?partnership_id={id}",
              "open_commitments": "/commitments?partnership_id={id}", "agreements": "/agreements?partnership_id={id}",
              "projects": "/projects?partnership_id={id}", "people": "/people"}


def complete_lists(partnership_id: int, omitted: dict[str, int]) -> dict[str, str]:
    """The absolute URL (``STICOOP_BASE_URL``) of the complete list of each list a pack cut short."""
    base = get_settings().base_url.rstrip("/")
    return {name: base + LIST_PAGES[name].format(id=partnership_id) for name in omitted if name in LIST_PAGES}


def _visit(db: DbSession, visit_id: int | None, partnership_id: int) -> Visit | None:
    if visit_id is None:
        return None
    visit = visits.get(db, visit_id)  # 404 when out of the principal's sight
    if visit.partnership_id != partnership_id:
        raise ValidationFailed(OTHER_VISIT, field="visit_id",
                               params={"visit_id": visit_id, "partnership_id": partnership_id})
    return visit


def _partnership(partnership: Any, day: date) -> PartnershipBrief:
    anniversary = next_anniversary(partnership.relations_established, day)
    return PartnershipBrief(
        id=partnership.id, name=partnership.name, country_codes=partnership.country_codes,
        relations_established=partnership.relations_established, status=partnership.status,
        summary=partnership.summary, confidential=partnership.confidential,
        anniversary_years=anniversary[0] if anniversary else None,
        anniversary_date=anniversary[1] if anniversary else None)


def _commitments(reading: Reading, listing: Listing, overdue_first: bool = False) -> list[CommitmentBrief]:
    db, day = reading.db, reading.day
    order = [Commitment.due_date.asc().nulls_last(), Commitment.id]
    if overdue_first:
        order.insert(0, case((overdue_clause(day), 0), else_=1))

    def key(c: Any) -> tuple[Any, ...]:
        return (0 if overdue_first and is_overdue(c, day) else 1, c.due_date is None, c.due_date or date.min, c.id)

    found = as_stood(db, listing, order, key, day, LIMITS[listing.name], reading.omitted)
    reading.sources.add("commitment", found)
    latest = latest_progress(db, [c.id for c in found], day)
    names = _responsible(reading, found)
    return [CommitmentBrief(
        id=c.id, text=c.text, status=c.status, completion=c.completion, due_date=c.due_date,
        overdue=is_overdue(c, day), responsible=names[c.id],
        last_update=latest[c.id][0] if c.id in latest else None,
        last_note=latest[c.id][1] if c.id in latest else None, confidential=c.confidential,
    ) for c in found]


def _responsible(reading: Reading, found: list[Any]) -> dict[int, list[str]]:
    """Names of the organisations, then people, responsible for each commitment, as named on the day (two
    queries for all of them, and two of the audit log for a past day)."""
    ids = {c.id: (link_ids(c, "responsible"), link_ids(c, "responsible_people")) for c in found}
    orgs = reading.names(Organization, "organization", [i for o, _p in ids.values() for i in o])
    people = reading.names(Person, "person", [i for _o, p in ids.values() for i in p])
    return {cid: [orgs[i] for i in o if i in orgs] + sorted(people[i] for i in p if i in people)
            for cid, (o, p) in ids.items()}


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


def _agreements(reading: Reading, partnership_id: int) -> list[AgreementBrief]:
    db, day = reading.db, reading.day
    order = {status: i for i, status in enumerate(STATUS_ORDER)}
    # by status as read on the day (a live agreement past its expiry reads expired), then expiry: in SQL, so a
    # list over its limit keeps the first rows of this order
    rank = case((past_expiry_clause(day), order["expired"]),
                else_=case(order, value=Agreement.status, else_=len(order)))
    listing = Listing(Agreement, "agreement", [Agreement.partnership_id == partnership_id],
                      lambda a: a.partnership_id == partnership_id, "agreements")

    def key(a: Any) -> tuple[Any, ...]:
        status = effective_status(a.status, a.expiry_date, day)
        return order.get(status, len(order)), a.expiry_date is None, a.expiry_date or date.min, a.id

    found = as_stood(db, listing, [rank, Agreement.expiry_date.asc().nulls_last(), Agreement.id], key, day,
                     LIMITS["agreements"], reading.omitted,
                     options=(lazyload(Agreement.countries), lazyload(Agreement.organizations)))
    reading.sources.add("agreement", found)
    rows = [AgreementBrief(
        id=a.id, title=a.title, kind=a.kind, status=effective_status(a.status, a.expiry_date, day),
        signed_date=a.signed_date, in_force_date=a.in_force_date, expiry_date=a.expiry_date,
        expires_soon=a.expiry_date is not None and day <= a.expiry_date <= day + timedelta(days=EXPIRES_SOON_DAYS)
        and a.status in ("signed", "in_force", "renewed"),
        confidential=a.confidential) for a in found]
    rows.sort(key=lambda a: (order.get(a.status, len(order)), a.expiry_date or date.max, a.id))
    return rows


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


def _upcoming(reading: Reading, partnership: Any, open_rows: list[CommitmentBrief],
              agreements: list[AgreementBrief]) -> list[UpcomingDate]:
    """Dates after the day within ``HORIZON_DAYS``: sessions, visits, events and project starts as planned on
    the day (``sections.upcoming_records``), open commitments falling due, agreements expiring, the next round
    anniversary of relations."""
    day = reading.day
    horizon = day + timedelta(days=HORIZON_DAYS)
    rows = sections.upcoming_records(reading, partnership.id)
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
        raise ValidationFailed(BAD_FORMAT, field="format", params={"formats": ", ".join(FORMATS)})
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
