from __future__ import annotations

from datetime import date
from datetime import date as Date

from pydantic import BaseModel, ConfigDict, Field

from sticoop.core.schemas import (
    ConfidentialIn,
    ConfidentialOut,
    ConfidentialPatch,
    CountryCode,
    DatedInput,
    Input,
    Name,
    Patch,
    RecordIn,
    RecordOut,
    Text,
)
from sticoop.partnerships.models import PartnershipStatus

#: what each field means (OpenAPI descriptions), written once for the In, Patch and Out schemas; a key
#: "Prefix:field" applies to the classes whose name starts with Prefix
ABOUT = {
    "Partnership:name": "Name of the partnership, e.g. \"Viet Nam – Belgium\" (1–300 characters)",
    "country_codes": "Member countries: 2–60 ISO 3166-1 alpha-3 codes, e.g. [\"VNM\", \"BEL\"] (alpha-2 accepted)",
    "kind": "\"bilateral\" (two countries) or \"multilateral\" (three or more), derived from country_codes",
    "relations_established": "Day diplomatic relations were established (ISO 8601 date, YYYY-MM-DD); anniversaries "
                             "count from it",
    "summary": "Free-text summary of the partnership (at most 100,000 characters)",
    "Partnership:status": "Partnership status: active, dormant (no recent activity) or ended (default active)",
    "next_anniversary": "The next round (every 5th year) anniversary of relations, today's included; null without "
                        "relations_established",
    "years": "Years of relations the anniversary marks (a multiple of 5)",
    "date": "Day of the anniversary (ISO 8601 date); relations established on 29 February are marked on 28 February "
            "in common years",
    "partnership_id": "The partnership it belongs to (id, GET /api/v1/partnerships/{id})",
    "Committee:name": "Name of the joint committee, e.g. \"Viet Nam – Belgium Joint Committee on S&T\" (1–300 "
                      "characters)",
    "interval_months": "Expected interval between two sessions, in months (1–240, e.g. 24 for every two years); "
                       "null: no expected rhythm, never overdue",
    "cochair_ids": "People co-chairing the committee (person ids, at most 20)",
    "person_id": "The delegate (person id, GET /api/v1/people/{id})",
    "Delegate:country_code": "Country the delegate represents: ISO 3166-1 alpha-3 code, e.g. VNM (alpha-2 accepted)",
    "is_head": "True for a head of delegation",
    "role": "The delegate's role in the delegation, e.g. \"rapporteur\" (at most 200 characters)",
    "AgendaItem:title": "Agenda item title (1–300 characters)",
    "notes": "Notes on the item (free text, at most 100,000 characters)",
    "position": "Place of the item on the agenda, from 1 (the order the items were sent in)",
    "committee_id": "The joint committee it belongs to (id, GET /api/v1/committees/{id})",
    "number": "Session number within its committee (1–1000): the 5th session is 5",
    "start_date": "First day of the session (ISO 8601 date, YYYY-MM-DD); null while undated",
    "end_date": "Last day of the session (ISO 8601 date, YYYY-MM-DD), not before start_date; null for a one-day "
                "or undated session",
    "city": "City where the session is held (at most 200 characters)",
    "Session:country_code": "Host country: ISO 3166-1 alpha-3 code, e.g. VNM (alpha-2 accepted)",
    "conclusions": "The agreed conclusions or minutes text (free text, at most 100,000 characters)",
    "minutes_document_id": "The signed minutes as an uploaded document (id, GET /api/v1/documents/{id})",
    "delegates": "Members of the delegations (at most 200); a PATCH replaces the whole list",
    "agenda_items": "Agenda items in order (at most 200); a PATCH replaces the whole list",
    "days_since_previous": "Days between the end (or start) of the previous session and the start of this one; "
                           "null when either is undated",
    "previous_session_id": "The committee's session before this one by number (id), if any",
    "held": "True when the session started on or before today; null when undated",
    "Session:warnings": "Numbering/date contradictions this session is part of (a higher number dated earlier)",
    "session_id": "The session with the suspicious number or date (id)",
    "earlier_session_id": "The session with a lower number dated after it (id)",
    "earlier_number": "The lower session number (1–1000)",
    "SessionOrderWarning:start_date": "Start of the session with the higher number (ISO 8601 date)",
    "earlier_start_date": "Start of the session with the lower number (ISO 8601 date), after start_date",
    "message": "The contradiction in plain English, for logs and people",
    "last_session_id": "The last session held (started on or before today), if any (id)",
    "last_session_number": "Number of the last session held (1–1000)",
    "last_session_date": "Start date of the last session held (ISO 8601 date)",
    "next_session_id": "The earliest session dated after today, if one is planned (id)",
    "next_session_number": "Number of the next planned session (1–1000)",
    "next_session_date": "Start date of the next planned session (ISO 8601 date)",
    "next_due": "When the next session is due: end (or start) of the last session held + interval_months (ISO 8601 "
                "date); null without both",
    "overdue": "True when next_due has passed and no session is planned",
    "months_since_last": "Whole months from the end (or start) of the last session held to today (≥ 0)",
    "sessions_held": "Sessions started on or before today (≥ 0)",
    "sessions_planned": "Sessions dated after today (≥ 0)",
    "undated_sessions": "Sessions without a start date (≥ 0)",
    "CommitteeStatus:warnings": "Numbering/date contradictions between the committee's sessions",
    "SessionTitle:committee": "The committee's name, as recorded",
    "SessionTitle:number": "The session's number in the committee's series (1 = the first session)",
    "SessionTitle:city": "Where it is held, as recorded; null when not known",
}


class SessionTitle(BaseModel):
    """The parts of a committee session's title ("Joint Committee — session 5, Hanoi"), from which a page
    writes it in its own language ("… — session n° 5", "… — khóa họp thứ 5")."""

    committee: str = Field(description=ABOUT["SessionTitle:committee"])
    number: int = Field(description=ABOUT["SessionTitle:number"])
    city: str | None = Field(None, description=ABOUT["SessionTitle:city"])


class SessionOrderWarning(BaseModel):
    """Session ``number`` is dated before a session with a lower number (``earlier_number``): one of the two
    numbers or dates is probably wrong."""

    session_id: int = Field(description=ABOUT["session_id"])
    number: int = Field(description=ABOUT["number"])
    start_date: date = Field(description=ABOUT["SessionOrderWarning:start_date"])
    earlier_session_id: int = Field(description=ABOUT["earlier_session_id"])
    earlier_number: int = Field(description=ABOUT["earlier_number"])
    earlier_start_date: date = Field(description=ABOUT["earlier_start_date"])
    message: str = Field(description=ABOUT["message"])


class PartnershipIn(RecordIn, ConfidentialIn):
    """A new cooperation partnership between two or more countries (bilateral or multilateral)."""

    name: Name = Field(description=ABOUT["Partnership:name"])
    country_codes: list[CountryCode] = Field(min_length=2, max_length=60, description=ABOUT["country_codes"])
    relations_established: date | None = Field(None, description=ABOUT["relations_established"])
    summary: Text | None = Field(None, description=ABOUT["summary"])
    status: PartnershipStatus = Field(PartnershipStatus.active, description=ABOUT["Partnership:status"])


class PartnershipPatch(Patch, ConfidentialPatch):
    """Changes to a partnership: send only the fields that change, with the version you read."""

    name: Name | None = Field(None, description=ABOUT["Partnership:name"])
    country_codes: list[CountryCode] | None = Field(default=None, min_length=2, max_length=60,
                                                    description=ABOUT["country_codes"])
    relations_established: date | None = Field(None, description=ABOUT["relations_established"])
    summary: Text | None = Field(None, description=ABOUT["summary"])
    status: PartnershipStatus | None = Field(None, description=ABOUT["Partnership:status"])


class Anniversary(BaseModel):
    """A round anniversary of diplomatic relations (5th, 10th, 15th… year)."""

    years: int = Field(description=ABOUT["years"])
    date: Date = Field(description=ABOUT["date"])


class PartnershipOut(RecordOut, ConfidentialOut):
    """A cooperation partnership between countries, with its next round anniversary of relations."""

    name: str = Field(description=ABOUT["Partnership:name"])
    country_codes: list[str] = Field(description=ABOUT["country_codes"])
    kind: str = Field(description=ABOUT["kind"])
    relations_established: Date | None = Field(description=ABOUT["relations_established"])
    summary: str | None = Field(description=ABOUT["summary"])
    status: str = Field(description=ABOUT["Partnership:status"])
    next_anniversary: Anniversary | None = Field(None, description=ABOUT["next_anniversary"])


class CommitteeIn(RecordIn, ConfidentialIn):
    """A new joint committee of a partnership, meeting in numbered sessions."""

    partnership_id: int = Field(description=ABOUT["partnership_id"])
    name: Name = Field(description=ABOUT["Committee:name"])
    interval_months: int | None = Field(default=None, ge=1, le=240, description=ABOUT["interval_months"])
    cochair_ids: list[int] = Field(default_factory=list, max_length=20, description=ABOUT["cochair_ids"])


class CommitteePatch(Patch, ConfidentialPatch):
    """Changes to a joint committee: send only the fields that change, with the version you read."""

    name: Name | None = Field(None, description=ABOUT["Committee:name"])
    interval_months: int | None = Field(default=None, ge=1, le=240, description=ABOUT["interval_months"])
    cochair_ids: list[int] | None = Field(default=None, max_length=20, description=ABOUT["cochair_ids"])


class CommitteeOut(RecordOut, ConfidentialOut):
    """A joint committee of a partnership, meeting in numbered sessions at an expected interval."""

    partnership_id: int = Field(description=ABOUT["partnership_id"])
    name: str = Field(description=ABOUT["Committee:name"])
    interval_months: int | None = Field(description=ABOUT["interval_months"])
    cochair_ids: list[int] = Field(description=ABOUT["cochair_ids"])


class DelegateIn(Input):
    """A member of a delegation at a committee session."""

    person_id: int = Field(description=ABOUT["person_id"])
    country_code: CountryCode = Field(description=ABOUT["Delegate:country_code"])
    is_head: bool = Field(False, description=ABOUT["is_head"])
    role: str | None = Field(default=None, max_length=200, description=ABOUT["role"])


class DelegateOut(BaseModel):
    """A member of a delegation at a committee session."""

    model_config = ConfigDict(from_attributes=True)
    person_id: int = Field(description=ABOUT["person_id"])
    country_code: str = Field(description=ABOUT["Delegate:country_code"])
    is_head: bool = Field(description=ABOUT["is_head"])
    role: str | None = Field(description=ABOUT["role"])


class AgendaItemIn(Input):
    """One item of a session's agenda."""

    title: Name = Field(description=ABOUT["AgendaItem:title"])
    notes: Text | None = Field(None, description=ABOUT["notes"])


class AgendaItemOut(BaseModel):
    """One item of a session's agenda, in agenda order."""

    model_config = ConfigDict(from_attributes=True)
    position: int = Field(description=ABOUT["position"])
    title: str = Field(description=ABOUT["AgendaItem:title"])
    notes: str | None = Field(description=ABOUT["notes"])


class SessionIn(DatedInput, ConfidentialIn):
    """A new numbered session of a joint committee, with its delegations and agenda."""

    committee_id: int = Field(description=ABOUT["committee_id"])
    number: int = Field(ge=1, le=1000, description=ABOUT["number"])
    start_date: date | None = Field(None, description=ABOUT["start_date"])
    end_date: date | None = Field(None, description=ABOUT["end_date"])
    city: str | None = Field(default=None, max_length=200, description=ABOUT["city"])
    country_code: CountryCode | None = Field(None, description=ABOUT["Session:country_code"])
    conclusions: Text | None = Field(None, description=ABOUT["conclusions"])
    minutes_document_id: int | None = Field(None, description=ABOUT["minutes_document_id"])
    delegates: list[DelegateIn] = Field(default_factory=list, max_length=200, description=ABOUT["delegates"])
    agenda_items: list[AgendaItemIn] = Field(default_factory=list, max_length=200, description=ABOUT["agenda_items"])


class SessionPatch(Patch, ConfidentialPatch):
    """Changes to a committee session: send only the fields that change, with the version you read."""

    number: int | None = Field(default=None, ge=1, le=1000, description=ABOUT["number"])
    start_date: date | None = Field(None, description=ABOUT["start_date"])
    end_date: date | None = Field(None, description=ABOUT["end_date"])
    city: str | None = Field(default=None, max_length=200, description=ABOUT["city"])
    country_code: CountryCode | None = Field(None, description=ABOUT["Session:country_code"])
    conclusions: Text | None = Field(None, description=ABOUT["conclusions"])
    minutes_document_id: int | None = Field(None, description=ABOUT["minutes_document_id"])
    delegates: list[DelegateIn] | None = Field(default=None, max_length=200, description=ABOUT["delegates"])
    agenda_items: list[AgendaItemIn] | None = Field(default=None, max_length=200, description=ABOUT["agenda_items"])


class SessionOut(RecordOut, ConfidentialOut):
    """A numbered session of a joint committee, with its delegations, agenda, the previous session and numbering/date
    warnings."""

    committee_id: int = Field(description=ABOUT["committee_id"])
    partnership_id: int = Field(description=ABOUT["partnership_id"])
    number: int = Field(description=ABOUT["number"])
    start_date: date | None = Field(description=ABOUT["start_date"])
    end_date: date | None = Field(description=ABOUT["end_date"])
    city: str | None = Field(description=ABOUT["city"])
    country_code: str | None = Field(description=ABOUT["Session:country_code"])
    conclusions: str | None = Field(description=ABOUT["conclusions"])
    minutes_document_id: int | None = Field(description=ABOUT["minutes_document_id"])
    delegates: list[DelegateOut] = Field(description=ABOUT["delegates"])
    agenda_items: list[AgendaItemOut] = Field(description=ABOUT["agenda_items"])
    days_since_previous: int | None = Field(None, description=ABOUT["days_since_previous"])
    previous_session_id: int | None = Field(None, description=ABOUT["previous_session_id"])
    held: bool | None = Field(None, description=ABOUT["held"])
    warnings: list[SessionOrderWarning] = Field([], description=ABOUT["Session:warnings"])


class CommitteeStatusOut(BaseModel):
    """Derived, as of today: the last session HELD (started on or before today), the next one PLANNED (the
    earliest session dated after today) or, without one, the date the expected interval makes it due, and
    whether that date has passed with no session planned (overdue)."""

    committee_id: int = Field(description=ABOUT["committee_id"])
    last_session_id: int | None = Field(None, description=ABOUT["last_session_id"])
    last_session_number: int | None = Field(description=ABOUT["last_session_number"])
    last_session_date: date | None = Field(description=ABOUT["last_session_date"])
    next_session_id: int | None = Field(None, description=ABOUT["next_session_id"])
    next_session_number: int | None = Field(None, description=ABOUT["next_session_number"])
    next_session_date: date | None = Field(None, description=ABOUT["next_session_date"])
    next_due: date | None = Field(description=ABOUT["next_due"])
    overdue: bool = Field(description=ABOUT["overdue"])
    months_since_last: int | None = Field(description=ABOUT["months_since_last"])
    sessions_held: int = Field(0, description=ABOUT["sessions_held"])
    sessions_planned: int = Field(0, description=ABOUT["sessions_planned"])
    undated_sessions: int = Field(0, description=ABOUT["undated_sessions"])
    warnings: list[SessionOrderWarning] = Field([], description=ABOUT["CommitteeStatus:warnings"])
