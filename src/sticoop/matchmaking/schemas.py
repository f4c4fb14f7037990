from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

from sticoop.core.schemas import CountryCode, LanguageCode, Patch, RecordIn, RecordOut, Text
from sticoop.partners.models import OrganizationType
from sticoop.reference.fields import FIELD_KEYS

Kind = Literal["technology_offer", "technology_request", "rd_cooperation", "business_offer"]
Ipr = Literal["patent_granted", "patent_applied", "secret_know_how", "copyright", "none"]
Status = Literal["draft", "published", "expired", "withdrawn"]


def _check_fields(values: list[str] | None) -> None:
    unknown = sorted(set(values or []) - FIELD_KEYS)
    if unknown:
        raise ValueError(f"unknown field(s): {', '.join(unknown)}")


PARTNER_TYPES = frozenset(t.value for t in OrganizationType)


def _check_partner_types(values: list[str] | None) -> None:
    """Sought partner types are organisation types: matching compares them with the owner's type."""
    unknown = sorted(set(values or []) - PARTNER_TYPES)
    if unknown:
        raise ValueError(f"unknown partner type(s): {', '.join(unknown)}; one of: {', '.join(sorted(PARTNER_TYPES))}")


class ProfileIn(RecordIn):
    kind: Kind
    title: str = Field(min_length=1, max_length=300)
    summary: Text | None = None
    description: Text | None = None
    language: LanguageCode | None = "en"
    fields: list[str] = Field(default_factory=list, max_length=20)
    keywords: list[str] = Field(default_factory=list, max_length=50)
    trl: int | None = Field(default=None, ge=1, le=9, description="Technology readiness level 1–9")
    ipr_status: Ipr | None = None
    partner_sought_types: list[str] = Field(default_factory=list, max_length=10)
    partner_sought_role: str | None = Field(default=None, max_length=200)
    partner_sought_countries: list[CountryCode] = Field(default_factory=list, max_length=60)
    owner_organization_id: int | None = None
    owner_country_code: CountryCode | None = None
    contact_person_id: int | None = None
    valid_from: date | None = None
    valid_until: date | None = None
    status: Status = "draft"

    @model_validator(mode="after")
    def _rules(self) -> ProfileIn:
        _check_fields(self.fields)
        _check_partner_types(self.partner_sought_types)
        if not (self.summary or "").strip() and not (self.description or "").strip():
            raise ValueError("a profile needs a summary or a description: matching works on its text")
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValueError(f"valid_until ({self.valid_until}) is before valid_from ({self.valid_from})")
        return self


class ProfilePatch(Patch):
    title: str | None = Field(default=None, min_length=1, max_length=300)
    summary: Text | None = None
    description: Text | None = None
    language: LanguageCode | None = None
    fields: list[str] | None = Field(default=None, max_length=20)
    keywords: list[str] | None = Field(default=None, max_length=50)
    trl: int | None = Field(default=None, ge=1, le=9)
    ipr_status: Ipr | None = None
    partner_sought_types: list[str] | None = Field(default=None, max_length=10)
    partner_sought_role: str | None = Field(default=None, max_length=200)
    partner_sought_countries: list[CountryCode] | None = Field(default=None, max_length=60)
    owner_organization_id: int | None = None
    owner_country_code: CountryCode | None = None
    contact_person_id: int | None = None
    valid_from: date | None = None
    valid_until: date | None = None
    status: Status | None = None

    @model_validator(mode="after")
    def _rules(self) -> ProfilePatch:
        _check_fields(self.fields)
        _check_partner_types(self.partner_sought_types)
        return self


class ProfileOut(RecordOut):
    kind: str
    status: str
    title: str
    summary: str | None
    description: str | None
    language: str | None
    fields: list[str]
    keywords: list[str]
    trl: int | None
    ipr_status: str | None
    partner_sought_types: list[str]
    partner_sought_role: str | None
    partner_sought_countries: list[str]
    owner_organization_id: int | None
    owner_country_code: str | None
    contact_person_id: int | None
    valid_from: date | None
    valid_until: date | None
    keywords_only: bool = False
    #: the status as read today: ``expired`` for a published profile past ``valid_until`` (never matched)
    effective_status: Status | None = Field(
        default=None,
        description="The status as read today: `expired` for a published profile past `valid_until` (never matched)")
    #: ``valid_until`` when a published profile has passed it
    expired_since: date | None = None


class MatchOut(BaseModel):
    profile: ProfileOut
    relation: str
    score: float
    explanation: dict[str, Any]


class MatchesOut(BaseModel):
    profile_id: int
    embedder: str
    keywords_only: bool
    threshold: float = Field(description="Score under which a profile is not offered: an empty list means "
                                         "no good match yet")
    complementary: list[MatchOut]
    similar: list[MatchOut]
