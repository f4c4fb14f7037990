"""The labels schema: what extraction proposes, what a reviewer accepts and what the corpus is scored on, typed.

One Pydantic model for the corpus `labels` format (../shared/README.md, "Each file"): `extract` builds it
(`Extraction.labels()`), `sticoop eval` checks every gold file against it, the intake API reads and returns it
(`IntakeOut.labels`, `DecisionIn.labels`) and accept validates the reviewed labels with it before writing, so a
hand-edited value of the wrong shape is refused with the field it concerns (HTTP 422), never half-written.
Inside a committee, person or agreement unknown keys are refused (a misspelt key would otherwise be silently
ignored); at the top level optional keys the corpus carries beyond the README's list (e.g. `anniversaries`) are
kept as they are. `evidence` and `confidence` are the extractor's own additions, `title` a reviewer's title for
the activity record.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from sticoop.reference.fields import FIELD_KEYS

EventType = Literal[
    "committee_session", "ministerial_visit", "agreement_signing", "funding_call", "tech_transfer_event",
    "training", "other_cooperation",
]
AgreementStatus = Literal["signed", "planned", "discussed", "renewed"]
_ISO3 = r"^[A-Z]{3}$"
_PARTIAL_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _iso_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PreviousSession(_Strict):
    """The committee's previous session, when the text names it."""

    number: int | None = Field(default=None, ge=1, le=500, description="Its session number, 1 to 500 (1 = the first)")
    year: int | None = Field(
        default=None, ge=1900, le=2100, description="The year it was held (1900 to 2100), if stated"
    )


class CommitteeLabel(_Strict):
    """The joint body the event belongs to."""

    name: str = Field(min_length=1, max_length=500, description="Name as written in the article's language")
    session_number: int | None = Field(
        default=None, ge=1, le=500,
        description="Ordinal of the session reported, 1 to 500 (16 for '16th'), null if unnumbered",
    )
    previous_session: PreviousSession | None = Field(default=None, description="The previous session, if named")


class PersonLabel(_Strict):
    """A named person taking part."""

    name: str = Field(min_length=1, max_length=300, description="Full name as written")
    role: str | None = Field(default=None, max_length=500, description="Role as written, e.g. 'Vice Minister'")
    country: str | None = Field(
        default=None, pattern=_ISO3, description="ISO 3166-1 alpha-3 code of the side they represent, or null"
    )


class AgreementLabel(_Strict):
    """An agreement, MoU, protocol, minutes or action plan mentioned as part of the cooperation."""

    title: str = Field(min_length=1, max_length=1000, description="The agreement's name or description")
    status: AgreementStatus = Field(description="signed | planned | discussed | renewed")
    date: str | None = Field(default=None, description="ISO date, or YYYY / YYYY-MM when only that is known")

    @field_validator("date")
    @classmethod
    def _partial_date(cls, value: str | None) -> str | None:
        if value is not None and not _PARTIAL_DATE.match(value):
            raise ValueError(f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        if value is not None and len(value) == 10:
            _iso_day(value)
        return value


class Labels(BaseModel):
    """Everything a report says about one cooperation event, in the corpus `labels` format."""

    model_config = ConfigDict(extra="allow")

    event_type: EventType = Field(default="other_cooperation", description="The kind of event reported")
    event_date: str | None = Field(
        default=None, description="ISO date of the event, or a range YYYY-MM-DD/YYYY-MM-DD; null if not stated"
    )
    countries: list[str] = Field(
        default_factory=list, description="Sorted ISO 3166-1 alpha-3 codes of the parties to the cooperation"
    )
    location_country: str | None = Field(
        default=None, pattern=_ISO3, description="ISO alpha-3 code of where the event took place, or null"
    )
    committee: CommitteeLabel | None = Field(default=None, description="The joint committee, or null")
    organizations: list[str] = Field(default_factory=list, description="Named organisations, as written")
    people: list[PersonLabel] = Field(default_factory=list, description="Named people with role and side")
    fields: list[str] = Field(
        default_factory=list, description="Cooperation fields, keys of the taxonomy (sticoop/reference/fields.py)"
    )
    programmes: list[str] = Field(default_factory=list, description="Named funding programmes")
    agreements: list[AgreementLabel] = Field(default_factory=list, description="Agreements with their status")
    commitments: list[str] = Field(
        default_factory=list, description="Short phrases, one per concrete future action the parties agreed"
    )
    title: str | None = Field(default=None, max_length=500, description="A reviewer's title for the activity")
    evidence: dict[str, list[dict[str, Any]]] | None = Field(
        default=None, description="Extraction only: per key, where each value was read {value, start, end, confidence}"
    )
    confidence: float | None = Field(
        default=None, ge=0, le=1, description="Extraction only: mean confidence of the values, 0 to 1"
    )

    @field_validator("event_date")
    @classmethod
    def _date_or_range(cls, value: str | None) -> str | None:
        if value is None:
            return None
        ends = value.split("/")
        if len(ends) > 2:
            raise ValueError(f"{value!r} is neither a date nor a start/end range")
        days = [_iso_day(v) for v in ends]
        if len(days) == 2 and days[1] < days[0]:
            raise ValueError(f"{value!r}: the range ends before it starts")
        return value

    @field_validator("countries")
    @classmethod
    def _codes(cls, value: list[str]) -> list[str]:
        bad = [c for c in value if not re.match(_ISO3, c)]
        if bad:
            raise ValueError(f"not ISO 3166-1 alpha-3 codes: {', '.join(bad)}")
        return value

    @field_validator("fields")
    @classmethod
    def _field_keys(cls, value: list[str]) -> list[str]:
        unknown = [k for k in value if k not in FIELD_KEYS]
        if unknown:
            raise ValueError(f"not field keys of the taxonomy: {', '.join(unknown)}")
        return value


def parse_labels(data: Any) -> Labels:
    """Validate a labels object (a dict, e.g. decoded JSON); raises `LabelsError` naming the first wrong field."""
    from pydantic import ValidationError

    if isinstance(data, Labels):
        return data
    try:
        return Labels.model_validate(data)
    except ValidationError as exc:
        raise LabelsError(describe(exc)) from None


def describe(exc: Any) -> str:
    """'people.0.country: String should match pattern ...' for the first error of a ValidationError."""
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first.get("loc", ())) or "labels"
    return f"{where}: {first.get('msg', 'invalid value')}"


class LabelsError(ValueError):
    """Labels that do not fit the schema; the message names the field."""
