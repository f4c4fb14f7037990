from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

from sticoop.core.schemas import CodeSet, CountryCode, CountrySet, LanguageCode, Patch, RecordIn, RecordOut, Text
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


#: what each field means (OpenAPI descriptions), written once for the In, Patch and Out schemas; a key
#: "Prefix:field" applies to the classes whose name starts with Prefix
ABOUT = {
    "kind": "Profile kind, after the Enterprise Europe Network (EEN) partnering opportunity types: "
            "technology_offer, technology_request, rd_cooperation (R&D cooperation request) or business_offer",
    "title": "Short title of the profile (1–300 characters)",
    "summary": "Summary (free text, at most 100,000 characters); a profile needs a summary or a description",
    "description": "Full description (free text, at most 100,000 characters); matching works on the text",
    "language": "Language of the text: ISO 639-1 code, e.g. en, fr, vi (default en); an unsupported one is "
                "matched by keywords only",
    "fields": "Fields of science and technology: taxonomy keys (GET /api/v1/fields, mapped to OECD FORD codes), "
              "at most 20",
    "keywords": "Keywords, at most 50",
    "trl": "Technology readiness level 1–9, EU / Horizon Europe definition (1 basic principles observed … "
           "4 validated in lab … 6 demonstrated in relevant environment … 9 proven in operational environment)",
    "ipr_status": "Intellectual property: patent_granted, patent_applied, secret_know_how, copyright or none",
    "partner_sought_types": "Kinds of partner sought: organisation types (ministry, agency, university, "
                            "research_institute, company, international_organization, other), at most 10",
    "partner_sought_role": "The role the partner would play, e.g. \"licensee\" (at most 200 characters)",
    "partner_sought_countries": "Countries where partners are sought: ISO 3166-1 alpha-3 codes (at most 60; "
                                "alpha-2 accepted)",
    "owner_organization_id": "The organisation offering or requesting (id, GET /api/v1/organizations/{id})",
    "owner_country_code": "The owner's country: ISO 3166-1 alpha-3 code, e.g. VNM (alpha-2 accepted)",
    "contact_person_id": "Contact person (person id, GET /api/v1/people/{id})",
    "valid_from": "First day the profile is valid (ISO 8601 date, YYYY-MM-DD)",
    "valid_until": "Last day the profile is valid (ISO 8601 date, YYYY-MM-DD), not before valid_from; a "
                   "published profile past it is no longer matched",
    "status": "draft, published (matched), expired or withdrawn (default draft)",
    "keywords_only": "True when the profile's language is not handled by the embedder: matched by keywords only",
    "effective_status": "The status as read today: `expired` for a published profile past `valid_until` (never "
                        "matched)",
    "expired_since": "`valid_until` (ISO 8601 date) when a published profile has passed it; null otherwise",
    "profile": "The matching profile",
    "relation": "\"complementary\" (an offer for a request, or the reverse) or \"similar\" (same kind)",
    "score": "Calibrated match score from 0 (unrelated) to 1 (same need), rounded to 4 decimals",
    "explanation": "The parts of the score: {parts: {name: {value 0–1, weight, contribution, raw}}, "
                   "shared_fields, shared_terms, keywords_only, notes}",
    "profile_id": "The profile matched against (id)",
    "embedder": "Name of the text-embedding model used (or the keywords-only matcher)",
    "MatchesOut:keywords_only": "True when the query profile is matched by keywords only (language not handled)",
    "semantic_pending": "True when a profile's meaning vector is not computed yet (a background job computes it "
                        "after the write, within minutes): matched by keywords, fields and partner criteria "
                        "meanwhile — the semantic part is pending",
    "MatchesOut:semantic_pending": "True when the query profile's meaning vector is not computed yet: its "
                                   "matches use keywords, fields and partner criteria until it is",
    "threshold": "Score (0–1) under which a profile is not offered: an empty list means no good match yet",
    "complementary": "Complementary profiles, best first",
    "similar": "Similar profiles (same kind), best first",
}


class ProfileIn(RecordIn):
    """A new technology or cooperation profile (EEN-style partnering opportunity) to match."""

    kind: Kind = Field(description=ABOUT["kind"])
    title: str = Field(min_length=1, max_length=300, description=ABOUT["title"])
    summary: Text | None = Field(None, description=ABOUT["summary"])
    description: Text | None = Field(None, description=ABOUT["description"])
    language: LanguageCode | None = Field("en", description=ABOUT["language"])
    fields: CodeSet = Field(default_factory=list, max_length=20, description=ABOUT["fields"])
    keywords: list[str] = Field(default_factory=list, max_length=50, description=ABOUT["keywords"])
    trl: int | None = Field(default=None, ge=1, le=9, description=ABOUT["trl"])
    ipr_status: Ipr | None = Field(None, description=ABOUT["ipr_status"])
    partner_sought_types: CodeSet = Field(default_factory=list, max_length=10,
                                            description=ABOUT["partner_sought_types"])
    partner_sought_role: str | None = Field(default=None, max_length=200, description=ABOUT["partner_sought_role"])
    partner_sought_countries: CountrySet = Field(default_factory=list, max_length=60,
                                                        description=ABOUT["partner_sought_countries"])
    owner_organization_id: int | None = Field(None, description=ABOUT["owner_organization_id"])
    owner_country_code: CountryCode | None = Field(None, description=ABOUT["owner_country_code"])
    contact_person_id: int | None = Field(None, description=ABOUT["contact_person_id"])
    valid_from: date | None = Field(None, description=ABOUT["valid_from"])
    valid_until: date | None = Field(None, description=ABOUT["valid_until"])
    status: Status = Field("draft", description=ABOUT["status"])

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
    """Changes to a profile: send only the fields that change, with the version you read."""

    title: str | None = Field(default=None, min_length=1, max_length=300, description=ABOUT["title"])
    summary: Text | None = Field(None, description=ABOUT["summary"])
    description: Text | None = Field(None, description=ABOUT["description"])
    language: LanguageCode | None = Field(None, description=ABOUT["language"])
    fields: CodeSet | None = Field(default=None, max_length=20, description=ABOUT["fields"])
    keywords: list[str] | None = Field(default=None, max_length=50, description=ABOUT["keywords"])
    trl: int | None = Field(default=None, ge=1, le=9, description=ABOUT["trl"])
    ipr_status: Ipr | None = Field(None, description=ABOUT["ipr_status"])
    partner_sought_types: CodeSet | None = Field(default=None, max_length=10,
                                                   description=ABOUT["partner_sought_types"])
    partner_sought_role: str | None = Field(default=None, max_length=200, description=ABOUT["partner_sought_role"])
    partner_sought_countries: CountrySet | None = Field(default=None, max_length=60,
                                                               description=ABOUT["partner_sought_countries"])
    owner_organization_id: int | None = Field(None, description=ABOUT["owner_organization_id"])
    owner_country_code: CountryCode | None = Field(None, description=ABOUT["owner_country_code"])
    contact_person_id: int | None = Field(None, description=ABOUT["contact_person_id"])
    valid_from: date | None = Field(None, description=ABOUT["valid_from"])
    valid_until: date | None = Field(None, description=ABOUT["valid_until"])
    status: Status | None = Field(None, description=ABOUT["status"])

    @model_validator(mode="after")
    def _rules(self) -> ProfilePatch:
        _check_fields(self.fields)
        _check_partner_types(self.partner_sought_types)
        return self


class ProfileOut(RecordOut):
    """A technology or cooperation profile (EEN-style partnering opportunity)."""

    kind: str = Field(description=ABOUT["kind"])
    status: str = Field(description=ABOUT["status"])
    title: str = Field(description=ABOUT["title"])
    summary: str | None = Field(description=ABOUT["summary"])
    description: str | None = Field(description=ABOUT["description"])
    language: str | None = Field(description=ABOUT["language"])
    fields: list[str] = Field(description=ABOUT["fields"])
    keywords: list[str] = Field(description=ABOUT["keywords"])
    trl: int | None = Field(description=ABOUT["trl"])
    ipr_status: str | None = Field(description=ABOUT["ipr_status"])
    partner_sought_types: list[str] = Field(description=ABOUT["partner_sought_types"])
    partner_sought_role: str | None = Field(description=ABOUT["partner_sought_role"])
    partner_sought_countries: list[str] = Field(description=ABOUT["partner_sought_countries"])
    owner_organization_id: int | None = Field(description=ABOUT["owner_organization_id"])
    owner_country_code: str | None = Field(description=ABOUT["owner_country_code"])
    contact_person_id: int | None = Field(description=ABOUT["contact_person_id"])
    valid_from: date | None = Field(description=ABOUT["valid_from"])
    valid_until: date | None = Field(description=ABOUT["valid_until"])
    keywords_only: bool = Field(False, description=ABOUT["keywords_only"])
    effective_status: Status | None = Field(
        default=None,
        description=ABOUT["effective_status"])
    expired_since: date | None = Field(None, description=ABOUT["expired_since"])


class MatchOut(BaseModel):
    """One candidate profile with its score and how the score was made."""

    profile: ProfileOut = Field(description=ABOUT["profile"])
    relation: str = Field(description=ABOUT["relation"])
    score: float = Field(description=ABOUT["score"])
    explanation: dict[str, Any] = Field(description=ABOUT["explanation"])
    semantic_pending: bool = Field(False, description=ABOUT["semantic_pending"])


class MatchesOut(BaseModel):
    """Ranked complementary and similar published profiles for one profile."""

    profile_id: int = Field(description=ABOUT["profile_id"])
    embedder: str = Field(description=ABOUT["embedder"])
    keywords_only: bool = Field(description=ABOUT["MatchesOut:keywords_only"])
    semantic_pending: bool = Field(False, description=ABOUT["MatchesOut:semantic_pending"])
    threshold: float = Field(description=ABOUT["threshold"])
    complementary: list[MatchOut] = Field(description=ABOUT["complementary"])
    similar: list[MatchOut] = Field(description=ABOUT["similar"])
