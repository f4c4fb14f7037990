from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from sticoop.core.schemas import (
    ConfidentialIn,
    ConfidentialOut,
    ConfidentialPatch,
    CurrencyCode,
    DatedInput,
    Input,
    LanguageCode,
    LongName,
    Name,
    Patch,
    RecordIn,
    RecordOut,
    Text,
    Url,
)
from sticoop.projects.models import PartnerRole, ProjectStatus

Currency = Field(default=None, description="ISO 4217 currency code of the budget, e.g. EUR, VND (any case; stored "
                                         "upper-case)")


#: what each field means (OpenAPI descriptions), written once for the In, Patch and Out schemas; a key
#: "Prefix:field" applies to the classes whose name starts with Prefix
ABOUT = {
    "Programme:name": "Name of the funding programme (1–300 characters)",
    "acronym": "Acronym (at most 40 characters)",
    "Programme:description": "What the programme funds (free text, at most 100,000 characters)",
    "funder_id": "The organisation funding it (organisation id)",
    "website": "The programme's web site (http or https address)",
    "organization_id": "The partner organisation (id, GET /api/v1/organizations/{id})",
    "role": "Its role in the project: coordinator, partner or funder (default partner)",
    "ProjectPartner:amount": "What this partner pays (a funder) or receives (a partner), in `currency` units, ≥ 0, at "
                      "most 18 digits with 2 decimals; none when not recorded",
    "ProjectPartner:currency": "ISO 4217 currency code of `amount` (required with it)",
    "title": "Title of the project (1–500 characters)",
    "partnership_id": "The partnership it belongs to (id, GET /api/v1/partnerships/{id})",
    "programme_id": "The programme funding it (id, GET /api/v1/programmes/{id})",
    "start_date": "First day (ISO 8601 date, YYYY-MM-DD)",
    "end_date": "Last day (ISO 8601 date, YYYY-MM-DD), not before start_date",
    "budget": "Total budget in `currency` units, ≥ 0, at most 18 digits with 2 decimals",
    "ProjectOut:currency": "ISO 4217 currency code of the budget, e.g. EUR, VND",
    "status": "Life cycle: proposed, approved, running, completed or cancelled (default proposed)",
    "Project:description": "What the project is about; searchable (free text, at most 100,000 characters)",
    "outputs": "What it produced: publications, patents, trainees... (free text, at most 100,000 characters)",
    "field_keys": "Fields of science and technology: taxonomy keys (GET /api/v1/fields, mapped to OECD FORD "
                  "codes), at most 30",
    "partners": "Partner organisations with their roles, at most 100; a PATCH replaces the whole list",
    "language": "ISO 639-1 language of the title and description, e.g. en, fr, vi (null: the site's default, "
                "STICOOP_DEFAULT_LOCALE); the IATI export writes it as xml:lang of their narratives",
    "translations": "The title and description in other languages, one entry per language (at most 10; not the "
                    "project's own language); a PATCH replaces the whole list",
    "Text:language": "ISO 639-1 language of this translation, e.g. fr, vi",
    "Text:title": "The title in that language (1–500 characters)",
    "Text:description": "The description in that language (free text, at most 100,000 characters)",
}


class ProgrammeIn(RecordIn):
    """A new funding programme."""

    name: Name = Field(description=ABOUT["Programme:name"])
    acronym: str | None = Field(default=None, max_length=40, description=ABOUT["acronym"])
    description: Text | None = Field(None, description=ABOUT["Programme:description"])
    funder_id: int | None = Field(None, description=ABOUT["funder_id"])
    website: Url | None = Field(None, description=ABOUT["website"])


class ProgrammePatch(Patch):
    """Changes to a programme: send only the fields that change, with the version you read."""

    name: Name | None = Field(None, description=ABOUT["Programme:name"])
    acronym: str | None = Field(default=None, max_length=40, description=ABOUT["acronym"])
    description: Text | None = Field(None, description=ABOUT["Programme:description"])
    funder_id: int | None = Field(None, description=ABOUT["funder_id"])
    website: Url | None = Field(None, description=ABOUT["website"])


class ProgrammeOut(RecordOut):
    """A funding programme under which projects run."""

    name: str = Field(description=ABOUT["Programme:name"])
    acronym: str | None = Field(description=ABOUT["acronym"])
    description: str | None = Field(description=ABOUT["Programme:description"])
    funder_id: int | None = Field(description=ABOUT["funder_id"])
    website: str | None = Field(description=ABOUT["website"])


class ProjectPartnerIn(Input):
    """An organisation taking part in a project, with its role."""

    organization_id: int = Field(description=ABOUT["organization_id"])
    role: PartnerRole = Field(PartnerRole.partner, description=ABOUT["role"])
    amount: Decimal | None = Field(default=None, ge=0, max_digits=18, decimal_places=2,
                                   description=ABOUT["ProjectPartner:amount"])
    currency: CurrencyCode | None = Field(default=None, description=ABOUT["ProjectPartner:currency"])


class ProjectPartnerOut(BaseModel):
    """An organisation taking part in a project, with its role."""

    model_config = ConfigDict(from_attributes=True)
    organization_id: int = Field(description=ABOUT["organization_id"])
    role: str = Field(description=ABOUT["role"])
    amount: Decimal | None = Field(None, description=ABOUT["ProjectPartner:amount"])
    currency: str | None = Field(None, description=ABOUT["ProjectPartner:currency"])


class TextIn(Input):
    """A project's title and description in one more language."""

    language: LanguageCode = Field(description=ABOUT["Text:language"])
    title: LongName = Field(description=ABOUT["Text:title"])
    description: Text | None = Field(None, description=ABOUT["Text:description"])


class TextOut(BaseModel):
    """A project's title and description in one more language."""

    language: str = Field(description=ABOUT["Text:language"])
    title: str = Field(description=ABOUT["Text:title"])
    description: str | None = Field(None, description=ABOUT["Text:description"])


def _one_per_language(texts: list[TextIn] | None) -> list[TextIn] | None:
    if texts is not None:
        seen = [t.language for t in texts]
        doubled = sorted({lang for lang in seen if seen.count(lang) > 1})
        if doubled:
            raise ValueError(f"one translation per language; {', '.join(doubled)} is given twice")
    return texts


Translations = Annotated[list[TextIn], AfterValidator(_one_per_language)]


class ProjectIn(DatedInput, ConfidentialIn):
    """A new cooperation project with its budget, fields and partners."""

    title: LongName = Field(description=ABOUT["title"])
    partnership_id: int | None = Field(None, description=ABOUT["partnership_id"])
    programme_id: int | None = Field(None, description=ABOUT["programme_id"])
    start_date: date | None = Field(None, description=ABOUT["start_date"])
    end_date: date | None = Field(None, description=ABOUT["end_date"])
    budget: Decimal | None = Field(default=None, ge=0, max_digits=18, decimal_places=2, description=ABOUT["budget"])
    currency: CurrencyCode | None = Currency
    status: ProjectStatus = Field(ProjectStatus.proposed, description=ABOUT["status"])
    description: Text | None = Field(default=None, description=ABOUT["Project:description"])
    outputs: Text | None = Field(None, description=ABOUT["outputs"])
    field_keys: list[str] = Field(default_factory=list, max_length=30, description=ABOUT["field_keys"])
    partners: list[ProjectPartnerIn] = Field(default_factory=list, max_length=100, description=ABOUT["partners"])
    language: LanguageCode | None = Field(None, description=ABOUT["language"])
    translations: Translations = Field(default_factory=list, max_length=10, description=ABOUT["translations"])


class ProjectPatch(Patch, ConfidentialPatch):
    """Changes to a project: send only the fields that change, with the version you read."""

    title: LongName | None = Field(None, description=ABOUT["title"])
    partnership_id: int | None = Field(None, description=ABOUT["partnership_id"])
    programme_id: int | None = Field(None, description=ABOUT["programme_id"])
    start_date: date | None = Field(None, description=ABOUT["start_date"])
    end_date: date | None = Field(None, description=ABOUT["end_date"])
    budget: Decimal | None = Field(default=None, ge=0, max_digits=18, decimal_places=2, description=ABOUT["budget"])
    currency: CurrencyCode | None = Currency
    status: ProjectStatus | None = Field(None, description=ABOUT["status"])
    description: Text | None = Field(default=None, description=ABOUT["Project:description"])
    outputs: Text | None = Field(None, description=ABOUT["outputs"])
    field_keys: list[str] | None = Field(default=None, max_length=30, description=ABOUT["field_keys"])
    partners: list[ProjectPartnerIn] | None = Field(default=None, max_length=100, description=ABOUT["partners"])
    language: LanguageCode | None = Field(None, description=ABOUT["language"])
    translations: Translations | None = Field(None, max_length=10, description=ABOUT["translations"])


class ProjectOut(RecordOut, ConfidentialOut):
    """A cooperation project with its budget, fields and partners."""

    title: str = Field(description=ABOUT["title"])
    partnership_id: int | None = Field(description=ABOUT["partnership_id"])
    programme_id: int | None = Field(description=ABOUT["programme_id"])
    start_date: date | None = Field(description=ABOUT["start_date"])
    end_date: date | None = Field(description=ABOUT["end_date"])
    budget: Decimal | None = Field(description=ABOUT["budget"])
    currency: str | None = Field(description=ABOUT["ProjectOut:currency"])
    status: str = Field(description=ABOUT["status"])
    description: str | None = Field(None, description=ABOUT["Project:description"])
    outputs: str | None = Field(description=ABOUT["outputs"])
    field_keys: list[str] = Field(description=ABOUT["field_keys"])
    partners: list[ProjectPartnerOut] = Field(description=ABOUT["partners"])
    language: str | None = Field(None, description=ABOUT["language"])
    translations: list[TextOut] = Field(default_factory=list, description=ABOUT["translations"])
