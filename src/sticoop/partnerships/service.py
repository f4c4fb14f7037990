"""Partnerships, committees and sessions, with the figures officials ask for: gaps and overdue sessions."""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import exists, select
from sqlalchemy.orm import Session as DbSession

from sticoop.core import clock
from sticoop.core.choices import ChoiceSource, register_choice_source
from sticoop.core.crud import RecordService, load_many
from sticoop.core.duplicates import N_, Candidate, key
from sticoop.core.errors import DuplicatesFound, ValidationFailed
from sticoop.core.i18n import Formatter
from sticoop.core.labels import register_labels, register_navigation
from sticoop.core.principal import partnership_opened
from sticoop.core.registry import register_kind, register_scope
from sticoop.partners.models import Organization, Person
from sticoop.partnerships.models import (
    AgendaItem,
    Committee,
    CommitteeSession,
    Partnership,
    SessionDelegate,
    partnership_countries,
)
from sticoop.partnerships.schemas import CommitteeStatusOut, SessionOrderWarning
from sticoop.reference.service import country_codes


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate_day in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate_day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def months_between(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month - (1 if end.day < start.day else 0)


#: a committee numbers its sessions from 1 to 1000 (``SessionIn.number``): the bound of its session queries
MAX_SESSIONS = 1000

#: a round anniversary is every 5th year of relations: 5th, 10th, 15th, … 35th, 40th, … (no upper limit)
ROUND_EVERY = 5


def anniversary_date(established: date, years: int) -> date:
    """The day of the ``years``-th anniversary; relations established on 29 February are marked on
    28 February in common years (the last day of the same month)."""
    try:
        return established.replace(year=established.year + years)
    except ValueError:  # 29 February in a common year
        return established.replace(year=established.year + years, day=28)


def next_anniversary(established: date | None, today: date | None = None) -> tuple[int, date] | None:
    """The next round anniversary ``(years, day)`` of diplomatic relations: the first multiple of
    ``ROUND_EVERY`` years falling on or after ``today`` (today's anniversary is still "next": it is the day).

    The one implementation: the API's ``next_anniversary`` and the partnership page both call it.
    Ministries mark these with visits and signings (the 50th of Vietnam–Belgium framed the 2023 trip).
    """
    if established is None:
        return None
    today = today or clock.today()
    years = max(ROUND_EVERY, -(-(today.year - established.year) // ROUND_EVERY) * ROUND_EVERY)
    while anniversary_date(established, years) < today:
        years += ROUND_EVERY
    return years, anniversary_date(established, years)


class PartnershipService(RecordService[Partnership]):
    model = Partnership
    entity = "partnership"
    label = "Partnership"
    filters = {
        "status": lambda v: Partnership.status == v,
        "country": lambda v: exists().where(
            partnership_countries.c.partnership_id == Partnership.id, partnership_countries.c.country_code == v
        ),
    }
    date_column = "relations_established"
    sortable = ("id", "name", "relations_established", "updated_at")
    default_sort = "name"
    relation_inputs = ("country_codes",)
    natural_key = "same countries and same name (folded)"

    def natural_keys(self, obj: Any) -> dict[str, str]:
        return {key("countries", ",".join(obj.country_codes), obj.name): N_("same countries and name")}

    def apply_relations(self, db: DbSession, obj: Partnership, relations: dict[str, Any]) -> None:
        if relations.get("country_codes") is not None:
            obj.countries = country_codes(db, relations["country_codes"])
            if len(obj.countries) < 2:
                raise ValidationFailed("A partnership needs at least two different countries", field="country_codes")

    def after_write(self, db: DbSession, obj: Partnership, values: dict[str, Any], created: bool) -> None:
        """A secretariat officer who opens a partnership is assigned to it: otherwise it would vanish from
        their own lists the moment it was saved."""
        if created:
            partnership_opened(db, obj.id)


class CommitteeService(RecordService[Committee]):
    model = Committee
    entity = "committee"
    label = "Committee"
    filters = {"partnership_id": lambda v: Committee.partnership_id == v}
    sortable = ("id", "name", "updated_at")
    default_sort = "name"
    relation_inputs = ("cochair_ids",)
    mergeable = True
    merge_same = ("partnership_id",)

    natural_key = "same name (folded) in the same partnership"

    def natural_keys(self, obj: Any) -> dict[str, str]:
        return {key("name", obj.partnership_id, obj.name): N_("same name in the same partnership")}

    def apply_relations(self, db: DbSession, obj: Committee, relations: dict[str, Any]) -> None:
        if relations.get("cochair_ids") is not None:
            obj.cochairs = load_many(db, Organization, relations["cochair_ids"], "organization")

    def status(self, db: DbSession, committee: Committee, today: date | None = None) -> CommitteeStatusOut:
        """Last session held, next one planned or due, overdue, and numbering/date contradictions (as of today).

        One bounded query: a committee has at most 1000 numbered sessions (``SessionIn.number`` ≤ 1000).
        """
        return committee_status(committee, committee_sessions(db, committee.id), today or clock.today())

    def statuses(self, db: DbSession, listed: list[Committee],
                 today: date | None = None) -> list[CommitteeStatusOut]:
        """:meth:`status` of several committees (a partnership page's) with one query for all their sessions."""
        today = today or clock.today()
        by_committee: dict[int, list[SessionRow]] = {c.id: [] for c in listed}
        if listed:
            rows = db.execute(
                select(CommitteeSession.committee_id, CommitteeSession.id, CommitteeSession.number,
                       CommitteeSession.start_date, CommitteeSession.end_date)
                .where(CommitteeSession.committee_id.in_(list(by_committee)))
                .order_by(CommitteeSession.committee_id, CommitteeSession.number)
                .limit(MAX_SESSIONS * len(listed))
            ).all()
            for committee_id, session_id, number, start_date, end_date in rows:
                by_committee[committee_id].append(SessionRow(session_id, number, start_date, end_date))
        return [committee_status(c, by_committee[c.id], today) for c in listed]


class SessionRow(NamedTuple):
    id: int
    number: int
    start_date: date | None
    end_date: date | None


def committee_sessions(db: DbSession, committee_id: int) -> list[SessionRow]:
    """A committee's sessions in number order (id, number, start, end): the input of every session rule."""
    rows = db.execute(
        select(CommitteeSession.id, CommitteeSession.number, CommitteeSession.start_date, CommitteeSession.end_date)
        .where(CommitteeSession.committee_id == committee_id).order_by(CommitteeSession.number).limit(MAX_SESSIONS)
    ).all()
    return [SessionRow(*row) for row in rows]


def is_held(start: date | None, today: date) -> bool:
    """A session is held once it has started (start date on or before today); undated ones are not."""
    return start is not None and start <= today


def next_session_due(ended: date | None, interval_months: int | None) -> date | None:
    """When a committee's next session is due: the end (or start) of its last session held + its usual interval;
    None without either."""
    return add_months(ended, interval_months) if ended and interval_months else None


def held_clause(today: date) -> Any:
    """SQL twin of :func:`is_held`."""
    return CommitteeSession.start_date <= today


def planned_clause(today: date) -> Any:
    """Sessions dated after today: planned, not held."""
    return CommitteeSession.start_date > today


def order_warnings(rows: list[SessionRow]) -> list[SessionOrderWarning]:
    """Sessions dated before a lower-numbered one (rows in number order): session 8 before session 7."""
    warnings: list[SessionOrderWarning] = []
    latest: SessionRow | None = None  # the lower-numbered session with the latest start so far
    for row in rows:
        if row.start_date is None:
            continue
        if latest is not None and latest.start_date is not None and row.start_date < latest.start_date:
            warnings.append(SessionOrderWarning(
                session_id=row.id, number=row.number, start_date=row.start_date, earlier_session_id=latest.id,
                earlier_number=latest.number, earlier_start_date=latest.start_date,
                message=f"Session {row.number} ({row.start_date.isoformat()}) is dated before session "
                        f"{latest.number} ({latest.start_date.isoformat()})"))
        if latest is None or (latest.start_date is not None and row.start_date > latest.start_date):
            latest = row
    return warnings


def committee_status(committee: Committee, rows: list[SessionRow], today: date) -> CommitteeStatusOut:
    """The committee's figures from its sessions (see :meth:`CommitteeService.status`)."""
    held = [r for r in rows if is_held(r.start_date, today)]
    planned = sorted((r for r in rows if r.start_date is not None and r.start_date > today),
                     key=lambda r: (r.start_date, r.number))
    last = max(held, key=lambda r: (r.start_date, r.number)) if held else None
    upcoming = planned[0] if planned else None
    ended = (last.end_date or last.start_date) if last else None
    next_due = next_session_due(ended, committee.interval_months)
    return CommitteeStatusOut(
        committee_id=committee.id,
        last_session_id=last.id if last else None,
        last_session_number=last.number if last else None,
        last_session_date=ended,
        next_session_id=upcoming.id if upcoming else None,
        next_session_number=upcoming.number if upcoming else None,
        next_session_date=upcoming.start_date if upcoming else None,
        next_due=next_due,
        overdue=bool(next_due and next_due < today and upcoming is None),
        months_since_last=months_between(ended, today) if ended and ended <= today else (0 if ended else None),
        sessions_held=len(held),
        sessions_planned=len(planned),
        undated_sessions=sum(1 for r in rows if r.start_date is None),
        warnings=order_warnings(rows),
    )


class SessionService(RecordService[CommitteeSession]):
    model = CommitteeSession
    entity = "session"
    label = "Session"
    filters = {
        "committee_id": lambda v: CommitteeSession.committee_id == v,
        "partnership_id": lambda v: CommitteeSession.committee_id.in_(
            select(Committee.id).where(Committee.partnership_id == v)
        ),
        "country": lambda v: CommitteeSession.country_code == v,
    }
    date_column = "start_date"
    sortable = ("id", "number", "start_date", "updated_at")
    default_sort = "-start_date"
    date_ranges = (("start_date", "end_date"),)
    relation_inputs = ("delegates", "agenda_items")
    mergeable = True
    merge_same = ("committee_id",)

    def display_names(self, db: DbSession, keys: list[int]) -> dict[int, str]:
        """How a session is named in exports: its committee and number ("Joint Committee … #8"), one query."""
        rows = db.execute(select(CommitteeSession.id, CommitteeSession.number, Committee.name)
                          .join(Committee, CommitteeSession.committee_id == Committee.id)
                          .where(CommitteeSession.id.in_(keys)))
        return {sid: f"{name} #{number}" for sid, number, name in rows}

    #: a hard rule (a unique constraint): even allow_duplicate cannot give a committee two sessions numbered alike
    natural_key = "same committee and session number"

    def natural_keys(self, obj: Any) -> dict[str, str]:
        return {key("number", obj.committee_id, obj.number): N_("same committee and session number")}

    def display_name(self, db: DbSession, obj: Any) -> str:
        committee = db.get(Committee, obj.committee_id)
        return f"{committee.name if committee else self.label} — session {obj.number}"

    def apply_relations(self, db: DbSession, obj: CommitteeSession, relations: dict[str, Any]) -> None:
        if relations.get("delegates") is not None:
            delegates = relations["delegates"]
            load_many(db, Person, [d["person_id"] for d in delegates], "person")
            country_codes(db, [d["country_code"] for d in delegates])
            obj.delegates = [SessionDelegate(**d) for d in delegates]
        if relations.get("agenda_items") is not None:
            obj.agenda_items = [AgendaItem(position=i, **item) for i, item in enumerate(relations["agenda_items"])]

    def check(self, db: DbSession, obj: CommitteeSession) -> None:
        super().check(db, obj)
        query = select(CommitteeSession.id).where(CommitteeSession.committee_id == obj.committee_id,
                                                  CommitteeSession.number == obj.number)
        if obj.id is not None:
            query = query.where(CommitteeSession.id != obj.id)
        clash = db.scalar(query)
        if clash:
            candidate = Candidate(clash, self.display_name(db, obj), N_("same committee and session number"))
            raise DuplicatesFound(f"This committee already has a session number {obj.number} (session {clash})",
                                  [candidate.to_dict()], field="number")

    def previous(self, db: DbSession, obj: CommitteeSession) -> CommitteeSession | None:
        return db.scalar(
            select(CommitteeSession)
            .where(CommitteeSession.committee_id == obj.committee_id, CommitteeSession.number < obj.number)
            .order_by(CommitteeSession.number.desc())
            .limit(1)
        )

    def with_derived(self, db: DbSession, obj: CommitteeSession, today: date | None = None) -> dict[str, Any]:
        """The session as the API gives it, with the previous session, whether it is held (as of today) and
        the numbering/date contradictions it is part of (``warnings``)."""
        from sticoop.partnerships.schemas import SessionOut

        today = today or clock.today()
        out = SessionOut.model_validate(obj).model_dump()
        out["held"] = is_held(obj.start_date, today) if obj.start_date else None
        out["warnings"] = [w.model_dump() for w in order_warnings(committee_sessions(db, obj.committee_id))
                           if obj.id in (w.session_id, w.earlier_session_id)]
        previous = self.previous(db, obj)
        if previous is not None:
            out["previous_session_id"] = previous.id
            if previous.start_date and obj.start_date:
                out["days_since_previous"] = (obj.start_date - (previous.end_date or previous.start_date)).days
        return out


partnerships = PartnershipService()
committees = CommitteeService()
sessions = SessionService()


def register() -> None:
    """Declare this domain's record kinds (called once by :func:`sticoop.composition.bootstrap`)."""
    register_labels("partnership_status", {"active": N_("Active"), "dormant": N_("Dormant"), "ended": N_("Ended")})
    register_labels("kind", {"session": N_("Session"), "partnership": N_("Partnership"), "committee": N_("Committee")})
    register_navigation("/partnerships", N_("Partnerships"), order=10)
    register_navigation("/committees", N_("Committees"), order=20)
    register_navigation("/sessions", N_("Sessions"), order=30)
    register_scope(Committee)
    register_scope(CommitteeSession, through="committee_id", parent=Committee)
    register_kind("partnership", partnerships, page_prefix="/partnerships")
    register_kind("committee", committees, page_prefix="/committees")
    register_kind("session", sessions, page_prefix="/sessions")
    register_choice_source(ChoiceSource(
        "partnerships", lambda: select(Partnership.id, Partnership.name).order_by(Partnership.name),
        Partnership.id, lambda row, fmt: str(row.name)))
    register_choice_source(ChoiceSource(
        "committees",
        lambda: (select(Committee.id, Committee.name, Partnership.name.label("partnership"))
                 .join(Partnership, Committee.partnership_id == Partnership.id)
                 .order_by(Partnership.name, Committee.name)),
        Committee.id, lambda row, fmt: f"{row.name} — {row.partnership}",
        partnership_column=Committee.partnership_id, form_key="committee_id",
        partnership_of=lambda key: select(Committee.partnership_id).where(Committee.id == key)))
    register_choice_source(ChoiceSource(
        "sessions",
        lambda: (select(CommitteeSession.id, CommitteeSession.number, CommitteeSession.start_date, Committee.name)
                 .join(Committee, CommitteeSession.committee_id == Committee.id)
                 .order_by(Committee.name, CommitteeSession.number.desc())),
        CommitteeSession.id, _session_option, partnership_column=Committee.partnership_id, form_key="session_id",
        partnership_of=lambda key: (select(Committee.partnership_id)
                                    .join(CommitteeSession, CommitteeSession.committee_id == Committee.id)
                                    .where(CommitteeSession.id == key))))


def _session_option(row: Any, fmt: Formatter) -> str:
    """"Committee name — Session 5 (date)" in the page's language."""
    dated = f" ({fmt.date(row.start_date)})" if row.start_date else ""
    return f"{row.name} — {fmt._('Session')} {row.number}{dated}"
