"""Shared Pydantic pieces: record metadata on output, the version on update, constrained input types."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Annotated, Any, Self, get_args
from urllib.parse import urlsplit, urlunsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

EMAIL_MAX = 200
URL_MAX = 1000


@dataclass(frozen=True)
class Kind:
    """Marks an annotated input type with the kind of value it holds ("email", "currency", "country",
    "url", "language"), so tests and the CSV export can find every field of a kind by introspection."""

    name: str


def kind_of(annotation: Any) -> str | None:
    """The :class:`Kind` name inside an annotation (through ``X | None`` and ``list[X]``), or None."""
    for part in getattr(annotation, "__metadata__", ()):
        if isinstance(part, Kind):
            return part.name
    for arg in get_args(annotation):
        found = kind_of(arg)
        if found:
            return found
    return None


@cache
def _country_codes() -> tuple[frozenset[str], dict[str, str]]:
    from sticoop.core.countries import all_countries

    countries = all_countries()
    return frozenset(countries), {c.alpha2: c.code for c in countries.values()}


def _country(value: str) -> str:
    """ISO 3166-1: alpha-3 in any case ("vnm" → "VNM"); alpha-2 is accepted and turned into alpha-3."""
    code = value.strip().upper()
    alpha3, from_alpha2 = _country_codes()
    code = from_alpha2.get(code, code)
    if code not in alpha3:
        raise PydanticCustomError("country_code", "'{value}' is not an ISO 3166-1 country code (e.g. VNM, BEL, LAO)",
                                  {"value": value})
    return code


@cache
def _currencies() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def _currency(value: str) -> str:
    """ISO 4217, in any case ("eur" → "EUR"), checked against Babel's (CLDR's) currency list."""
    code = value.strip().upper()
    if code not in _currencies():
        raise PydanticCustomError("currency_code", "'{value}' is not an ISO 4217 currency code (e.g. EUR, VND, USD)",
                                  {"value": value})
    return code


def _email(value: str) -> str:
    """An e-mail address checked for syntax only (no DNS look-up), normalised by email-validator
    (domain lower-cased and IDNA-decoded)."""
    from email_validator import EmailNotValidError, validate_email

    try:
        if len(value.strip()) > EMAIL_MAX:
            raise EmailNotValidError(f"longer than {EMAIL_MAX} characters")
        return validate_email(value.strip(), check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise PydanticCustomError("email", "'{value}' is not a valid e-mail address: {reason}",
                                  {"value": value, "reason": str(exc)}) from None


def _url(value: str) -> str:
    """An http(s) address with a host; scheme and host lower-cased ("HTTPS://MOST.gov.VN/x" →
    "https://most.gov.vn/x"), the path kept as typed."""
    try:
        parts = urlsplit(value.strip())
        host = (parts.hostname or "").lower()
    except ValueError:
        host = ""
    if (parts.scheme.lower() not in ("http", "https") or not host or any(c.isspace() for c in value.strip())
            or len(value.strip()) > URL_MAX):
        raise PydanticCustomError("url", "'{value}' is not a web address starting with http:// or https://",
                                  {"value": value})
    netloc = parts.netloc.rsplit("@", 1)
    netloc[-1] = netloc[-1].lower()
    return urlunsplit((parts.scheme.lower(), "@".join(netloc), parts.path, parts.query, parts.fragment))


@cache
def _languages() -> frozenset[str]:
    import pycountry

    return frozenset(lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2"))


def _language(value: str) -> str:
    """ISO 639-1, lower-cased; a locale tag keeps its language ("fr-BE", "vi_VN" → "fr", "vi")."""
    code = value.strip().replace("_", "-").split("-")[0].lower()
    if code not in _languages():
        raise PydanticCustomError("language_code", "'{value}' is not an ISO 639-1 language code (e.g. en, fr, vi)",
                                  {"value": value})
    return code


ORG_ID_MAX = 100
#: org-id.guide identifier: a registration list code ("XM-DAC", "GB-COH", "BE-BCE_KBO": a country code or
#: XI/XM/XR, a dash, the register's code) then a dash and the number in that register (no spaces, "/", "&"...)
_ORG_ID = re.compile(r"(?P<country>[A-Z]{2})-(?P<register>[A-Z0-9_]{2,30})-(?P<number>[A-Za-z0-9][A-Za-z0-9._-]*)")


def _org_identifier(value: str) -> str:
    """An organisation identifier of org-id.guide (IATI organisation identifiers), e.g. "XM-DAC-41114",
    "GB-COH-123456": the list code is upper-cased, the number kept as typed. Its country part is an ISO 3166-1
    alpha-2 code or XI/XM/XR (international lists); at most ORG_ID_MAX characters."""
    value = value.strip()
    parts = value.split("-", 2)
    if len(parts) == 3:
        value = f"{parts[0].upper()}-{parts[1].upper()}-{parts[2]}"
    found = _ORG_ID.fullmatch(value)
    _codes, alpha2 = _country_codes()
    if (found is None or len(value) > ORG_ID_MAX
            or (found["country"] not in alpha2 and found["country"] not in ("XI", "XM", "XR"))):
        raise PydanticCustomError(
            "org_identifier", "'{value}' is not an organisation identifier of org-id.guide: list code and number "
            "such as XM-DAC-41114 or GB-COH-123456 (no spaces)", {"value": value})
    return value


# Each kind of value is normalised in exactly one place: the annotated types below. Every input schema
# uses them (tests/test_schema_kinds.py walks all schemas to check it).
# Each type carries a default description (its standard and format) that a field's own description refines.
CountryCode = Annotated[str, Kind("country"), AfterValidator(_country), Field(
    description="ISO 3166-1 alpha-3 country code, e.g. VNM (alpha-2 and any case accepted; stored alpha-3 upper-case)")]
CurrencyCode = Annotated[str, Kind("currency"), AfterValidator(_currency), Field(
    description="ISO 4217 currency code, e.g. EUR, VND (any case; stored upper-case)")]
Email = Annotated[str, Kind("email"), AfterValidator(_email), Field(
    description=f"E-mail address (syntax checked, no DNS look-up; at most {EMAIL_MAX} characters)")]
Url = Annotated[str, Kind("url"), AfterValidator(_url), Field(
    description=f"http(s) web address with a host (at most {URL_MAX} characters)")]
LanguageCode = Annotated[str, Kind("language"), AfterValidator(_language), Field(
    description="ISO 639-1 language code, e.g. en, fr, vi (a locale tag such as fr-BE keeps its language)")]
OrgIdentifier = Annotated[str, Kind("org_identifier"), AfterValidator(_org_identifier), Field(
    description="Organisation identifier of org-id.guide as IATI uses it, e.g. XM-DAC-41114 (OECD DAC), "
                "GB-COH-123456 (UK Companies House): list code, dash, number; no spaces")]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300), Field(
    description="A name: 1–300 characters, surrounding spaces removed")]
LongName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500), Field(
    description="A title: 1–500 characters, surrounding spaces removed")]
Text = Annotated[str, StringConstraints(max_length=100_000), Field(
    description="Free text, at most 100,000 characters")]


def _choice_set(values: list[Any]) -> list[Any]:
    """A set of choices stored as a list: each once, in one order (sorted), whatever order they were sent in
    (a form sends a multi-select's choices in the order of its options, which follows their labels in the
    page's language)."""
    return sorted(set(values))


#: a set of codes stored in a JSON list (a profile's fields, sought partner types): order and repeats carry no
#: meaning, so they are dropped (sorted, each once) and a form posted back unchanged changes nothing
CodeSet = Annotated[list[str], AfterValidator(_choice_set)]
#: a set of countries stored in a JSON list (sorted ISO 3166-1 alpha-3 codes, each once)
CountrySet = Annotated[list[CountryCode], AfterValidator(_choice_set)]

#: descriptions of the record metadata and flags every entity shares (OpenAPI field descriptions)
ABOUT = {
    "id": "The record's id (positive integer), never reused",
    "version": "Optimistic-locking counter (≥ 1), raised by every change: send the one you read with a change",
    "created_at": "When the record was created (ISO 8601 date-time, UTC)",
    "updated_at": "When the record last changed (ISO 8601 date-time, UTC)",
    "created_by": "User name of who created the record (\"system\" for imports and the command line)",
    "updated_by": "User name of who last changed the record (\"system\" for imports and the command line)",
    "confidential": "Visible to the secretariat and admins only (default false)",
}


class Input(BaseModel):
    """Any request body: unknown keys are refused (422) and strings are stripped of surrounding spaces."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class RecordIn(Input):
    """The input that creates a record: every entity's ``*In`` schema derives from it."""

    allow_duplicate: bool = Field(
        default=False,
        description="Create the record even if it probably duplicates an existing one (without it such a "
                    "create answers 409 with the candidates). Never stored.",
    )


class DatedInput(RecordIn):
    """Input with a start/end pair: the end may not come before the start."""

    @model_validator(mode="after")
    def _dates_in_order(self) -> Self:
        start: date | None = getattr(self, "start_date", None)
        end: date | None = getattr(self, "end_date", None)
        if start and end and end < start:
            raise ValueError(f"end_date ({end}) is before start_date ({start})")
        return self


class Patch(BaseModel):
    """Every PATCH carries the version the client last read (optimistic locking)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    version: int = Field(ge=1, description="The version (≥ 1) you last read; a stale one gets 409.")


class RecordOut(BaseModel):
    """A stored record as the API returns it: its id, version and who created and last changed it, when."""

    model_config = ConfigDict(from_attributes=True)

    id: int = Field(description=ABOUT["id"])
    version: int = Field(description=ABOUT["version"])
    created_at: datetime = Field(description=ABOUT["created_at"])
    updated_at: datetime = Field(description=ABOUT["updated_at"])
    created_by: str = Field(description=ABOUT["created_by"])
    updated_by: str = Field(description=ABOUT["updated_by"])


class ConfidentialIn(BaseModel):
    """The confidentiality flag on create."""

    confidential: bool = Field(default=False, description=ABOUT["confidential"])


class ConfidentialPatch(BaseModel):
    """The confidentiality flag on change (omit to keep it)."""

    confidential: bool | None = Field(None, description=ABOUT["confidential"])


class ConfidentialOut(BaseModel):
    """The confidentiality flag as stored."""

    confidential: bool = Field(False, description=ABOUT["confidential"])
