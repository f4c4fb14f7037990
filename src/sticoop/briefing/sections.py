"""The sections of a pack read as they stood at the end of its day (``replay.py``): the last session and its
delegates, projects and their funding, people with the position they held then, the visit prepared and the
previous ones, upcoming sessions, visits, events and project starts, the partnership's counts and budgets.

Each function takes a :class:`Reading` (the scoped session, the day, where omitted rows and sources are
counted) and reads each list in one query for the records unchanged since the day, plus one audit-log query
for those changed since (no N+1). A record is a live ORM object or a replayed stand-in with the same
attribute names (``history.state_object``: links as ``<key>_ids``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import lazyload

from sticoop.activities.models import Event, Visit
from sticoop.briefing import history
from sticoop.briefing.replay import Listing, as_stood, tally
from sticoop.briefing.schemas import PersonBrief, ProjectBrief, SessionBrief, UpcomingDate, VisitBrief
from sticoop.commitments.models import Commitment
from sticoop.commitments.service import OPEN_STATUSES, is_overdue, overdue_clause
from sticoop.partners.models import Organization, Person, Position
from sticoop.partners.service import current_position
from sticoop.partnerships.models import Committee, CommitteeSession, Partnership
from sticoop.projects.models import PartnerRole, Programme, Project

#: the most rows each list of a pack holds (the rest is counted in ``Briefing.omitted``)
#: — a brief is read before a meeting: the most pressing rows (overdue commitments first, then by due date;
#: the latest projects), the whole in ``Briefing.figures``. Nothing is dropped silently: under a list cut
#: short the pack says how many rows of how many it shows and links the complete list (``complete_lists``).
#: Chosen over printing everything because 500 commitments made a 53-page pack (7 s CPU) nobody reads
#: before a meeting, while the linked list is always current.
LIMITS = {"conclusions_followup": 100, "open_commitments": 100, "agreements": 60, "projects": 40,
          "people": 40, "previous_visits": 10, "press": 10, "upcoming": 40}
#: how far ahead "upcoming dates" look (days)
HORIZON_DAYS = 365


class Sources:
    """The records a pack was built from, by kind: ``{"commitment": [[id, version], ...]}``."""

    def __init__(self) -> None:
        self._seen: dict[str, dict[int, int | None]] = defaultdict(dict)

    def add(self, kind: str, records: Iterable[Any]) -> None:
        """Note ``records`` (live or replayed; None skipped) as read for the pack."""
        for record in records:
            if record is not None:
                self._seen[kind][record.id] = getattr(record, "version", None)

    def as_dict(self) -> dict[str, list[list[int]]]:
        """``{kind: [[id, version] or [id], ...]}`` sorted by kind and id."""
        return {kind: [[i] if v is None else [i, v] for i, v in sorted(rows.items())]
                for kind, rows in sorted(self._seen.items())}


@dataclass
class Reading:
    """What every section reads with: the principal's scoped session, the pack's day, and where the rows
    left out and the records read are noted."""

    db: DbSession
    day: date
    omitted: dict[str, int] = field(default_factory=dict)
    sources: Sources = field(default_factory=Sources)

    @property
    def cutoff(self) -> datetime | None:
        """The instant replayed (end of ``day``), or None for today: the records as they are."""
        return history.cutoff_of(self.day)

    def names(self, model: Any, kind: str, ids: Iterable[int | None]) -> dict[int, str]:
        """Names of records as they were named on the day (``history.names_then``)."""
        return history.names_then(self.db, model, kind, ids, self.cutoff)


def link_ids(record: Any, key: str) -> list[int]:
    """Ids of a many-to-many link of a live record or of a replayed stand-in (``<key>_ids``)."""
    if isinstance(record, SimpleNamespace):
        return list(getattr(record, f"{key}_ids", []))
    return [item.id for item in getattr(record, key)]


def _newest_first(record: Any) -> tuple[bool, int, int]:
    """Sort key: the latest start date first, undated last, then the highest id (as SQL ``desc nulls last``)."""
    return record.start_date is None, -(record.start_date.toordinal() if record.start_date else 0), -record.id


# ----- the visit -------------------------------------------------------------------------------------------
def partnership_then(reading: Reading, partnership: Partnership) -> Any:
    """The partnership as it stood on the day — name, parties (``country_codes``, sorted ISO 3166-1 alpha-3),
    status, summary, date relations were established (so the anniversary counted from it), confidential —
    from its stored state when changed since (``history.as_stood``), itself when unchanged or for today."""
    then = history.as_stood(reading.db, Partnership, "partnership", partnership, reading.cutoff)
    if then is not partnership:  # a stand-in: its countries are stored as their codes
        then.country_codes = sorted(str(code) for code in getattr(then, "countries_ids", None) or [])
    return then


def visit_then(reading: Reading, visit: Visit | None) -> Any:
    """The visit prepared, as it stood on the day (itself when unchanged or created since)."""
    return history.as_stood(reading.db, Visit, "visit", visit, reading.cutoff)


def visit_brief(reading: Reading, visit: Any, details: bool = False) -> VisitBrief:
    """A visit's row; with ``details`` its delegation and the organisations met, named as on the day."""
    members = reading.names(Person, "person", link_ids(visit, "members")) if details else {}
    orgs = reading.names(Organization, "organization", link_ids(visit, "organizations_met")) if details else {}
    return VisitBrief(
        id=visit.id, from_country_code=visit.from_country_code, to_country_code=visit.to_country_code,
        start_date=visit.start_date, end_date=visit.end_date, purpose=visit.purpose,
        objectives=visit.objectives if details else None, outcomes=visit.outcomes,
        members=list(members.values()), organizations_met=list(orgs.values()), confidential=visit.confidential)


def previous_visits(reading: Reading, partnership_id: int, visit_id: int | None) -> list[VisitBrief]:
    """Visits of the partnership that started before the day, latest first, as they stood then."""
    day = reading.day
    listing = Listing(Visit, "visit", [Visit.partnership_id == partnership_id, Visit.start_date < day,
                                       Visit.id != (visit_id or 0)],
                      lambda v: v.partnership_id == partnership_id and v.start_date is not None
                      and v.start_date < day and v.id != visit_id, "previous_visits")
    found = as_stood(reading.db, listing, [Visit.start_date.desc(), Visit.id.desc()], _newest_first, day,
                     LIMITS["previous_visits"], options=(lazyload(Visit.members), lazyload(Visit.organizations_met)))
    reading.sources.add("visit", found)
    return [visit_brief(reading, v) for v in found]


# ----- the last session ------------------------------------------------------------------------------------
def last_session(reading: Reading, partnership_id: int) -> Any:
    """The latest session of any of the partnership's committees held on or before the day, as it stood
    then (its conclusions and delegates then), or None."""
    day = reading.day
    committees = select(Committee.id).where(Committee.partnership_id == partnership_id)
    committee_ids = set(reading.db.scalars(committees))
    listing = Listing(CommitteeSession, "session",
                      [CommitteeSession.committee_id.in_(committees), CommitteeSession.start_date <= day],
                      lambda s: s.committee_id in committee_ids and s.start_date is not None and s.start_date <= day,
                      "last_session")
    found = as_stood(reading.db, listing, [CommitteeSession.start_date.desc(), CommitteeSession.id.desc()],
                     _newest_first, day, 1, options=(lazyload(CommitteeSession.agenda_items),))
    reading.sources.add("session", found)
    return found[0] if found else None


def session_brief(reading: Reading, session: Any) -> SessionBrief:
    """The last session's row, its committee named as on the day."""
    committee = reading.names(Committee, "committee", [session.committee_id]).get(session.committee_id, "")
    return SessionBrief(id=session.id, committee=committee, number=session.number,
                        start_date=session.start_date, end_date=session.end_date, city=session.city,
                        country_code=session.country_code, conclusions=session.conclusions,
                        confidential=session.confidential)


# ----- projects --------------------------------------------------------------------------------------------
def projects(reading: Reading, partnership_id: int) -> list[ProjectBrief]:
    """The partnership's latest projects as they stood on the day, with their programme and funders then."""
    listing = Listing(Project, "project", [Project.partnership_id == partnership_id],
                      lambda p: p.partnership_id == partnership_id, "projects")
    found = as_stood(reading.db, listing, [Project.start_date.desc().nulls_last(), Project.id.desc()],
                     _newest_first, reading.day, LIMITS["projects"], reading.omitted,
                     options=(lazyload(Project.fields),))
    reading.sources.add("project", found)
    programmes = reading.names(Programme, "programme", [p.programme_id for p in found])
    funders = reading.names(Organization, "organization", [x.organization_id for p in found for x in p.partners
                                                            if x.role == PartnerRole.funder])
    return [ProjectBrief(
        id=p.id, title=p.title, status=p.status, start_date=p.start_date, end_date=p.end_date, budget=p.budget,
        currency=p.currency, programme=programmes.get(p.programme_id) if p.programme_id else None,
        funders=[funders[x.organization_id] for x in p.partners
                 if x.role == PartnerRole.funder and x.organization_id in funders],
        confidential=p.confidential) for p in found]


def budgets(reading: Reading, partnership_id: int) -> dict[str, Decimal]:
    """The partnership's project budgets on the day, summed per currency (ISO 4217)."""
    listing = Listing(Project, "project", [Project.partnership_id == partnership_id,
                                           Project.currency.is_not(None), Project.budget.is_not(None)],
                      lambda p: p.partnership_id == partnership_id and p.currency and p.budget is not None,
                      "budgets")
    sums = tally(reading.db, listing, reading.day, [Project.currency], lambda p: [p.currency],
                 Project.budget, lambda p: p.budget)
    return {currency: Decimal(total) for currency, total in sorted(sums.items()) if currency}


def figures(reading: Reading, partnership_id: int) -> dict[str, int]:
    """Counts over the whole partnership on the day, whatever the lists' limits: open and overdue
    commitments, projects."""
    day = reading.day
    open_where = [Commitment.partnership_id == partnership_id, Commitment.status.in_(OPEN_STATUSES)]

    def is_open(c: Any) -> bool:
        return bool(c.partnership_id == partnership_id and c.status in OPEN_STATUSES)

    opened = tally(reading.db, Listing(Commitment, "commitment", open_where, is_open, "open"), day)
    overdue = tally(reading.db, Listing(Commitment, "commitment", [*open_where, overdue_clause(day)],
                                        lambda c: is_open(c) and is_overdue(c, day), "overdue"), day)
    counted = tally(reading.db, Listing(Project, "project", [Project.partnership_id == partnership_id],
                                        lambda p: p.partnership_id == partnership_id, "projects"), day)
    return {"open_commitments": opened[None], "overdue_commitments": overdue[None], "projects": counted[None]}


# ----- people ----------------------------------------------------------------------------------------------
def people(reading: Reading, visit: Any, session: Any) -> list[PersonBrief]:
    """People who worked (on the day) at the organisations the visit meets, then the last session's
    delegates — not the delegation itself — with the position each held on the day, as recorded then."""
    db, cutoff = reading.db, reading.cutoff
    why: dict[int, str] = {}
    met = set(link_ids(visit, "organizations_met")) if visit is not None else set()
    if met:
        query = select(Position.person_id).where(Position.organization_id.in_(met))
        if cutoff is not None:
            query = query.where(Position.person_id.not_in(history.changed_since("person", cutoff)))
        ids = set(db.scalars(query.distinct()))
        if cutoff is not None:
            ids |= {s.id for s in history.visible(db, Person, history.past_states(db, Person, "person", cutoff))
                    if any(p.organization_id in met for p in s.values.positions)}
        why.update({person_id: "met" for person_id in sorted(ids)})
    for delegate in session.delegates if session is not None else []:
        why.setdefault(delegate.person_id, "delegate")
    for member_id in link_ids(visit, "members") if visit is not None else []:
        why.pop(member_id, None)  # the delegation itself is not someone to meet
    ids_kept = list(why)
    if len(ids_kept) > LIMITS["people"]:
        reading.omitted["people"] = len(ids_kept) - LIMITS["people"]
        ids_kept = ids_kept[:LIMITS["people"]]
    found = _people_then(reading, ids_kept)
    reading.sources.add("person", found)
    positions = {p.id: current_position(p.positions, reading.day) for p in found}
    orgs = reading.names(Organization, "organization",
                         [pos.organization_id for pos in positions.values() if pos is not None])
    rows = []
    for person in found:
        pos = positions[person.id]
        rows.append(PersonBrief(id=person.id, name=person.name, country_code=person.country_code,
                                position=pos.title if pos else None,
                                organization=orgs.get(pos.organization_id) if pos and pos.organization_id else None,
                                why=why[person.id]))
    rows.sort(key=lambda p: (p.why != "met", p.country_code or "", p.name))
    return rows


def _people_then(reading: Reading, ids: list[int]) -> list[Any]:
    """The people of ``ids`` as recorded on the day: live when unchanged since, else their stored state
    (two queries; those created since left out)."""
    if not ids:
        return []
    db, cutoff = reading.db, reading.cutoff
    query = select(Person).where(Person.id.in_(ids))
    if cutoff is None:
        return list(db.scalars(query))
    live = list(db.scalars(query.where(Person.id.not_in(history.changed_since("person", cutoff)))))
    return live + [s.values for s in history.visible(db, Person, history.past_states(db, Person, "person", cutoff,
                                                                                     ids))]


# ----- upcoming dates --------------------------------------------------------------------------------------
def upcoming_records(reading: Reading, partnership_id: int) -> list[UpcomingDate]:
    """Sessions, visits, events and project starts after the day within ``HORIZON_DAYS``, as planned on the
    day (a session moved, cancelled or planned since reads as it was then)."""
    day = reading.day
    horizon = day + timedelta(days=HORIZON_DAYS)

    def ahead(d: date | None) -> bool:
        return d is not None and day < d <= horizon

    committees = select(Committee.id).where(Committee.partnership_id == partnership_id)
    committee_names = dict(reading.db.execute(select(Committee.id, Committee.name)
                                              .where(Committee.partnership_id == partnership_id)).all())
    kinds: list[tuple[str, Listing, Any]] = [
        ("session", Listing(CommitteeSession, "session", [CommitteeSession.committee_id.in_(committees),
                                                          CommitteeSession.start_date > day,
                                                          CommitteeSession.start_date <= horizon],
                            lambda s: s.committee_id in committee_names and ahead(s.start_date), "upcoming"),
         lambda s: f"{committee_names.get(s.committee_id, '')} — session {s.number}"
                   + (f", {s.city}" if s.city else "")),
    ]
    for kind, model, title in (("visit", Visit, lambda v: f"{v.from_country_code} → {v.to_country_code}: "
                                                          f"{(v.purpose or '')[:150]}"),
                               ("event", Event, lambda e: e.title), ("project", Project, lambda p: p.title)):
        kinds.append((kind, Listing(model, kind, [model.partnership_id == partnership_id, model.start_date > day,
                                                  model.start_date <= horizon],
                                    lambda r: r.partnership_id == partnership_id and ahead(r.start_date),
                                    "upcoming"), title))
    rows: list[UpcomingDate] = []
    for kind, listing, title in kinds:
        model = listing.model
        found = as_stood(reading.db, listing, [model.start_date, model.id],
                         lambda r: (r.start_date, r.id), day, LIMITS["upcoming"],
                         options=[lazyload("*")])
        rows += [UpcomingDate(date=r.start_date, kind=kind, id=r.id, title=title(r), confidential=r.confidential)
                 for r in found]
    return rows
