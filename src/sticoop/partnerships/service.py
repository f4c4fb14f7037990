"""Partnerships, committees and sessions, with the figures officials ask for: gaps and overdue sessions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session as DbSession

from sticoop.core.crud import RecordService, country_codes, load_many
from sticoop.core.duplicates import N_, Candidate, key
from sticoop.core.errors import DuplicatesFound, ValidationFailed
from sticoop.core.principal import act_as, principal_of
from sticoop.partners.models import Organization, Person
from sticoop.partnerships.models import (
    AgendaItem,
    Committee,
    Partnership,
    Session,
    SessionDelegate,
    partnership_countries,
)
from sticoop.partnerships.schemas import CommitteeStatusOut


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


ROUND_ANNIVERSARIES = (5, 10, 15, 20, 25, 30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 90, 100)


def next_anniversary(established: date | None, today: date | None = None) -> tuple[int, date] | None:
    """The next round anniversary (5, 10, ... 50th) of diplomatic relations on or after today.

    Ministries mark these with visits and signings (the 50th of Vietnam–Belgium framed the 2023 trip).
    """
    if established is None:
        return None
    today = today or date.today()
    for years in ROUND_ANNIVERSARIES:
        day = add_months(established, 12 * years)
        if day >= today:
            return years, day
    return None


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

    def apply_relations(self, session: DbSession, obj: Partnership, relations: dict[str, Any]) -> None:
        if relations.get("country_codes") is not None:
            obj.countries = country_codes(session, relations["country_codes"])
            if len(obj.countries) < 2:
                raise ValidationFailed("A partnership needs at least two different countries", field="country_codes")

    def after_write(self, session: DbSession, obj: Partnership, values: dict[str, Any], created: bool) -> None:
        """A secretariat officer who opens a partnership is assigned to it: otherwise it would vanish from
        their own lists the moment it was saved."""
        principal = principal_of(session)
        if created and principal is not None and principal.user_id and not principal.sees_everything:
            from sticoop.accounts.models import user_partnerships

            session.execute(user_partnerships.insert().values(user_id=principal.user_id, partnership_id=obj.id))
            act_as(session, replace(principal, partnership_ids=principal.partnership_ids | {obj.id}))


class CommitteeService(RecordService[Committee]):
    model = Committee
    entity = "committee"
    label = "Committee"
    filters = {"partnership_id": lambda v: Committee.partnership_id == v}
    sortable = ("id", "name", "updated_at")
    default_sort = "name"
    relation_inputs = ("cochair_ids",)
    natural_key = "same name (folded) in the same partnership"

    def natural_keys(self, obj: Any) -> dict[str, str]:
        return {key("name", obj.partnership_id, obj.name): N_("same name in the same partnership")}

    def apply_relations(self, session: DbSession, obj: Committee, relations: dict[str, Any]) -> None:
        if relations.get("cochair_ids") is not None:
            obj.cochairs = load_many(session, Organization, relations["cochair_ids"], "organization")

    def status(self, session: DbSession, committee: Committee, today: date | None = None) -> CommitteeStatusOut:
        """Last session and whether the expected interval has passed without a next one."""
        today = today or date.today()
        last = session.execute(
            select(Session.number, func.coalesce(Session.end_date, Session.start_date))
            .where(Session.committee_id == committee.id, Session.start_date.is_not(None))
            .order_by(Session.start_date.desc())
            .limit(1)
        ).first()
        if last is None:
            return CommitteeStatusOut(committee_id=committee.id, last_session_number=None, last_session_date=None,
                                      next_due=None, overdue=False, months_since_last=None)
        number, held = last
        next_due = add_months(held, committee.interval_months) if committee.interval_months else None
        planned_later = session.scalar(
            select(func.count()).where(Session.committee_id == committee.id, Session.number > number)
        )
        return CommitteeStatusOut(
            committee_id=committee.id,
            last_session_number=number,
            last_session_date=held,
            next_due=next_due,
            overdue=bool(next_due and next_due < today and not planned_later),
            months_since_last=months_between(held, today) if held <= today else 0,
        )


class SessionService(RecordService[Session]):
    model = Session
    entity = "session"
    label = "Session"
    filters = {
        "committee_id": lambda v: Session.committee_id == v,
        "partnership_id": lambda v: Session.committee_id.in_(
            select(Committee.id).where(Committee.partnership_id == v)
        ),
        "country": lambda v: Session.country_code == v,
    }
    date_column = "start_date"
    sortable = ("id", "number", "start_date", "updated_at")
    default_sort = "-start_date"
    date_ranges = (("start_date", "end_date"),)
    relation_inputs = ("delegates", "agenda_items")
    #: a hard rule (a unique constraint): even allow_duplicate cannot give a committee two sessions numbered alike
    natural_key = "same committee and session number"

    def natural_keys(self, obj: Any) -> dict[str, str]:
        return {key("number", obj.committee_id, obj.number): N_("same committee and session number")}

    def display_name(self, session: DbSession, obj: Any) -> str:
        committee = session.get(Committee, obj.committee_id)
        return f"{committee.name if committee else self.label} — session {obj.number}"

    def apply_relations(self, session: DbSession, obj: Session, relations: dict[str, Any]) -> None:
        if relations.get("delegates") is not None:
            delegates = relations["delegates"]
            load_many(session, Person, [d["person_id"] for d in delegates], "person")
            country_codes(session, [d["country_code"] for d in delegates])
            obj.delegates = [SessionDelegate(**d) for d in delegates]
        if relations.get("agenda_items") is not None:
            obj.agenda_items = [AgendaItem(position=i, **item) for i, item in enumerate(relations["agenda_items"])]

    def check(self, session: DbSession, obj: Session) -> None:
        super().check(session, obj)
        query = select(Session.id).where(Session.committee_id == obj.committee_id, Session.number == obj.number)
        if obj.id is not None:
            query = query.where(Session.id != obj.id)
        clash = session.scalar(query)
        if clash:
            candidate = Candidate(clash, self.display_name(session, obj), N_("same committee and session number"))
            raise DuplicatesFound(f"This committee already has a session number {obj.number} (session {clash})",
                                  [candidate.to_dict()], field="number")

    def previous(self, session: DbSession, obj: Session) -> Session | None:
        return session.scalar(
            select(Session)
            .where(Session.committee_id == obj.committee_id, Session.number < obj.number)
            .order_by(Session.number.desc())
            .limit(1)
        )

    def with_derived(self, session: DbSession, obj: Session) -> dict[str, Any]:
        from sticoop.partnerships.schemas import SessionOut

        out = SessionOut.model_validate(obj).model_dump()
        previous = self.previous(session, obj)
        if previous is not None:
            out["previous_session_id"] = previous.id
            if previous.start_date and obj.start_date:
                out["days_since_previous"] = (obj.start_date - (previous.end_date or previous.start_date)).days
        return out


partnerships = PartnershipService()
committees = CommitteeService()
sessions = SessionService()
