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

#: what each field means (OpenAPI descriptions), written once for the In, Patch and Out schemas; a key
#: "Prefix:field" applies to the classes whose name starts with Prefix
ABOUT = {
    "partnership_id": "The partnership it belongs to (id, GET /api/v1/partnerships/{id})",
    "from_country_code": "Country the delegation comes from: ISO 3166-1 alpha-3 code, e.g. VNM (alpha-2 accepted)",
    "to_country_code": "Country visited: ISO 3166-1 alpha-3 code, e.g. BEL (alpha-2 accepted)",
    "start_date": "First day (ISO 8601 date, YYYY-MM-DD); null while undated",
    "end_date": "Last day (ISO 8601 date, YYYY-MM-DD), not before start_date",
    "purpose": "Why the visit takes place (free text, at most 100,000 characters)",
    "outcomes": "What came of it (free text, at most 100,000 characters)",
    "objectives": "Objectives of the visit and the points to make, printed in its briefing pack (free text, at "
                  "most 100,000 characters)",
    "member_ids": "Members of the delegation (person ids, at most 200)",
    "organization_met_ids": "Organisations met (organisation ids, at most 200)",
    "kind": "Kind of event: training_course, workshop, tech_transfer_fair or conference",
    "title": "Title of the event (1–500 characters)",
    "city": "City where it takes place (at most 200 characters)",
    "country_code": "Host country: ISO 3166-1 alpha-3 code, e.g. VNM (alpha-2 accepted)",
    "participants_count": "Number of participants (0–1000000)",
    "commitment_id": "The commitment it carries out (id, GET /api/v1/commitments/{id})",
    "description": "What the event is about (free text, at most 100,000 characters)",
    "organizer_ids": "Organising organisations (organisation ids, at most 50)",
}


class VisitIn(DatedInput, ConfidentialIn):
    """A new delegation visit from one country to another."""

    partnership_id: int | None = Field(None, description=ABOUT["partnership_id"])
    from_country_code: CountryCode = Field(description=ABOUT["from_country_code"])
    to_country_code: CountryCode = Field(description=ABOUT["to_country_code"])
    start_date: date | None = Field(None, description=ABOUT["start_date"])
    end_date: date | None = Field(None, description=ABOUT["end_date"])
    purpose: Text | None = Field(None, description=ABOUT["purpose"])
    outcomes: Text | None = Field(None, description=ABOUT["outcomes"])
    objectives: Text | None = Field(None, description=ABOUT["objectives"])
    member_ids: list[int] = Field(default_factory=list, max_length=200, description=ABOUT["member_ids"])
    organization_met_ids: list[int] = Field(default_factory=list, max_length=200,
                                            description=ABOUT["organization_met_ids"])


class VisitPatch(Patch, ConfidentialPatch):
    """Changes to a visit: send only the fields that change, with the version you read."""

    partnership_id: int | None = Field(None, description=ABOUT["partnership_id"])
    from_country_code: CountryCode | None = Field(None, description=ABOUT["from_country_code"])
    to_country_code: CountryCode | None = Field(None, description=ABOUT["to_country_code"])
    start_date: date | None = Field(None, description=ABOUT["start_date"])
    end_date: date | None = Field(None, description=ABOUT["end_date"])
    purpose: Text | None = Field(None, description=ABOUT["purpose"])
    outcomes: Text | None = Field(None, description=ABOUT["outcomes"])
    objectives: Text | None = Field(None, description=ABOUT["objectives"])
    member_ids: list[int] | None = Field(default=None, max_length=200, description=ABOUT["member_ids"])
    organization_met_ids: list[int] | None = Field(default=None, max_length=200,
                                                   description=ABOUT["organization_met_ids"])


class VisitOut(RecordOut, ConfidentialOut):
    """A delegation visit from one country to another."""

    partnership_id: int | None = Field(description=ABOUT["partnership_id"])
    from_country_code: str = Field(description=ABOUT["from_country_code"])
    to_country_code: str = Field(description=ABOUT["to_country_code"])
    start_date: date | None = Field(description=ABOUT["start_date"])
    end_date: date | None = Field(description=ABOUT["end_date"])
    purpose: str | None = Field(description=ABOUT["purpose"])
    outcomes: str | None = Field(description=ABOUT["outcomes"])
    objectives: str | None = Field(None, description=ABOUT["objectives"])
    member_ids: list[int] = Field(description=ABOUT["member_ids"])
    organization_met_ids: list[int] = Field(description=ABOUT["organization_met_ids"])


class EventIn(DatedInput, ConfidentialIn):
    """A new cooperation event (training course, workshop, technology transfer fair or conference)."""

    kind: EventKind = Field(description=ABOUT["kind"])
    title: LongName = Field(description=ABOUT["title"])
    partnership_id: int | None = Field(None, description=ABOUT["partnership_id"])
    start_date: date | None = Field(None, description=ABOUT["start_date"])
    end_date: date | None = Field(None, description=ABOUT["end_date"])
    city: str | None = Field(default=None, max_length=200, description=ABOUT["city"])
    country_code: CountryCode | None = Field(None, description=ABOUT["country_code"])
    participants_count: int | None = Field(default=None, ge=0, le=1_000_000, description=ABOUT["participants_count"])
    commitment_id: int | None = Field(None, description=ABOUT["commitment_id"])
    description: Text | None = Field(None, description=ABOUT["description"])
    organizer_ids: list[int] = Field(default_factory=list, max_length=50, description=ABOUT["organizer_ids"])


class EventPatch(Patch, ConfidentialPatch):
    """Changes to an event: send only the fields that change, with the version you read."""

    kind: EventKind | None = Field(None, description=ABOUT["kind"])
    title: LongName | None = Field(None, description=ABOUT["title"])
    partnership_id: int | None = Field(None, description=ABOUT["partnership_id"])
    start_date: date | None = Field(None, description=ABOUT["start_date"])
    end_date: date | None = Field(None, description=ABOUT["end_date"])
    city: str | None = Field(default=None, max_length=200, description=ABOUT["city"])
    country_code: CountryCode | None = Field(None, description=ABOUT["country_code"])
    participants_count: int | None = Field(default=None, ge=0, le=1_000_000, description=ABOUT["participants_count"])
    commitment_id: int | None = Field(None, description=ABOUT["commitment_id"])
    description: Text | None = Field(None, description=ABOUT["description"])
    organizer_ids: list[int] | None = Field(default=None, max_length=50, description=ABOUT["organizer_ids"])


class EventOut(RecordOut, ConfidentialOut):
    """A cooperation event (training course, workshop, technology transfer fair or conference)."""

    kind: str = Field(description=ABOUT["kind"])
    title: str = Field(description=ABOUT["title"])
    partnership_id: int | None = Field(description=ABOUT["partnership_id"])
    start_date: date | None = Field(description=ABOUT["start_date"])
    end_date: date | None = Field(description=ABOUT["end_date"])
    city: str | None = Field(description=ABOUT["city"])
    country_code: str | None = Field(description=ABOUT["country_code"])
    participants_count: int | None = Field(description=ABOUT["participants_count"])
    commitment_id: int | None = Field(description=ABOUT["commitment_id"])
    description: str | None = Field(description=ABOUT["description"])
    organizer_ids: list[int] = Field(description=ABOUT["organizer_ids"])
