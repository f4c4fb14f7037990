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


class SessionOrderWarning(BaseModel):
    """Session ``number`` is dated before a session with a lower number (``earlier_number``): one of the two
    numbers or dates is probably wrong."""

    session_id: int
    number: int
    start_date: date
    earlier_session_id: int
    earlier_number: int
    earlier_start_date: date
    message: str


class PartnershipIn(RecordIn, ConfidentialIn):
    name: Name
    country_codes: list[CountryCode] = Field(min_length=2, max_length=60)
    relations_established: date | None = None
    summary: Text | None = None
    status: PartnershipStatus = PartnershipStatus.active


class PartnershipPatch(Patch, ConfidentialPatch):
    name: Name | None = None
    country_codes: list[CountryCode] | None = Field(default=None, min_length=2, max_length=60)
    relations_established: date | None = None
    summary: Text | None = None
    status: PartnershipStatus | None = None


class Anniversary(BaseModel):
    years: int
    date: Date


class PartnershipOut(RecordOut, ConfidentialOut):
    name: str
    country_codes: list[str]
    kind: str
    relations_established: Date | None
    summary: str | None
    status: str
    next_anniversary: Anniversary | None = None


class CommitteeIn(RecordIn, ConfidentialIn):
    partnership_id: int
    name: Name
    interval_months: int | None = Field(default=None, ge=1, le=240)
    cochair_ids: list[int] = Field(default_factory=list, max_length=20)


class CommitteePatch(Patch, ConfidentialPatch):
    name: Name | None = None
    interval_months: int | None = Field(default=None, ge=1, le=240)
    cochair_ids: list[int] | None = Field(default=None, max_length=20)


class CommitteeOut(RecordOut, ConfidentialOut):
    partnership_id: int
    name: str
    interval_months: int | None
    cochair_ids: list[int]


class DelegateIn(Input):
    person_id: int
    country_code: CountryCode
    is_head: bool = False
    role: str | None = Field(default=None, max_length=200)


class DelegateOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    person_id: int
    country_code: str
    is_head: bool
    role: str | None


class AgendaItemIn(Input):
    title: Name
    notes: Text | None = None


class AgendaItemOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    position: int
    title: str
    notes: str | None


class SessionIn(DatedInput, ConfidentialIn):
    committee_id: int
    number: int = Field(ge=1, le=1000)
    start_date: date | None = None
    end_date: date | None = None
    city: str | None = Field(default=None, max_length=200)
    country_code: CountryCode | None = None
    conclusions: Text | None = None
    minutes_document_id: int | None = None
    delegates: list[DelegateIn] = Field(default_factory=list, max_length=200)
    agenda_items: list[AgendaItemIn] = Field(default_factory=list, max_length=200)


class SessionPatch(Patch, ConfidentialPatch):
    number: int | None = Field(default=None, ge=1, le=1000)
    start_date: date | None = None
    end_date: date | None = None
    city: str | None = Field(default=None, max_length=200)
    country_code: CountryCode | None = None
    conclusions: Text | None = None
    minutes_document_id: int | None = None
    delegates: list[DelegateIn] | None = Field(default=None, max_length=200)
    agenda_items: list[AgendaItemIn] | None = Field(default=None, max_length=200)


class SessionOut(RecordOut, ConfidentialOut):
    committee_id: int
    partnership_id: int
    number: int
    start_date: date | None
    end_date: date | None
    city: str | None
    country_code: str | None
    conclusions: str | None
    minutes_document_id: int | None
    delegates: list[DelegateOut]
    agenda_items: list[AgendaItemOut]
    days_since_previous: int | None = None
    previous_session_id: int | None = None
    held: bool | None = None  # started on or before today; None when undated
    warnings: list[SessionOrderWarning] = []


class CommitteeStatusOut(BaseModel):
    """Derived, as of today: the last session HELD (started on or before today), the next one PLANNED (the
    earliest session dated after today) or, without one, the date the expected interval makes it due, and
    whether that date has passed with no session planned (overdue)."""

    committee_id: int
    last_session_id: int | None = None
    last_session_number: int | None
    last_session_date: date | None
    next_session_id: int | None = None
    next_session_number: int | None = None
    next_session_date: date | None = None  # a planned (future) session's start date
    next_due: date | None  # last held session's end (or start) + the expected interval
    overdue: bool
    months_since_last: int | None
    sessions_held: int = 0
    sessions_planned: int = 0
    undated_sessions: int = 0
    warnings: list[SessionOrderWarning] = []
