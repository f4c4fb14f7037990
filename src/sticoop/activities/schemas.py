from __future__ import annotations

from datetime import date

from pydantic import Field

from sticoop.activities.models import EventKind
from sticoop.core.schemas import (
    ConfidentialIn,
    ConfidentialOut,
    ConfidentialPatch,
    CountryCode,
    DatedInput,
    LongName,
    Patch,
    RecordOut,
    Text,
)


class VisitIn(DatedInput, ConfidentialIn):
    partnership_id: int | None = None
    from_country_code: CountryCode
    to_country_code: CountryCode
    start_date: date | None = None
    end_date: date | None = None
    purpose: Text | None = None
    outcomes: Text | None = None
    member_ids: list[int] = Field(default_factory=list, max_length=200)
    organization_met_ids: list[int] = Field(default_factory=list, max_length=200)


class VisitPatch(Patch, ConfidentialPatch):
    partnership_id: int | None = None
    from_country_code: CountryCode | None = None
    to_country_code: CountryCode | None = None
    start_date: date | None = None
    end_date: date | None = None
    purpose: Text | None = None
    outcomes: Text | None = None
    member_ids: list[int] | None = Field(default=None, max_length=200)
    organization_met_ids: list[int] | None = Field(default=None, max_length=200)


class VisitOut(RecordOut, ConfidentialOut):
    partnership_id: int | None
    from_country_code: str
    to_country_code: str
    start_date: date | None
    end_date: date | None
    purpose: str | None
    outcomes: str | None
    member_ids: list[int]
    organization_met_ids: list[int]


class EventIn(DatedInput, ConfidentialIn):
    kind: EventKind
    title: LongName
    partnership_id: int | None = None
    start_date: date | None = None
    end_date: date | None = None
    city: str | None = Field(default=None, max_length=200)
    country_code: CountryCode | None = None
    participants_count: int | None = Field(default=None, ge=0, le=1_000_000)
    commitment_id: int | None = None
    description: Text | None = None
    organizer_ids: list[int] = Field(default_factory=list, max_length=50)


class EventPatch(Patch, ConfidentialPatch):
    kind: EventKind | None = None
    title: LongName | None = None
    partnership_id: int | None = None
    start_date: date | None = None
    end_date: date | None = None
    city: str | None = Field(default=None, max_length=200)
    country_code: CountryCode | None = None
    participants_count: int | None = Field(default=None, ge=0, le=1_000_000)
    commitment_id: int | None = None
    description: Text | None = None
    organizer_ids: list[int] | None = Field(default=None, max_length=50)


class EventOut(RecordOut, ConfidentialOut):
    kind: str
    title: str
    partnership_id: int | None
    start_date: date | None
    end_date: date | None
    city: str | None
    country_code: str | None
    participants_count: int | None
    commitment_id: int | None
    description: str | None
    organizer_ids: list[int]
