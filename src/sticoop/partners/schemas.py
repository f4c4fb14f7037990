from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from sticoop.core.schemas import CountryCode, Email, Input, Name, OrgIdentifier, Patch, RecordIn, RecordOut, Text, Url
from sticoop.partners.models import OrganizationType

#: what each field means (OpenAPI descriptions), written once for the In, Patch and Out schemas; a key
#: "Prefix:field" applies to the classes whose name starts with Prefix
ABOUT = {
    "Organization:name": "Full name of the organisation in its own language (1–300 characters)",
    "acronym": "Acronym, e.g. MOST (at most 40 characters)",
    "aliases": "Other names it is known by, e.g. translations (at most 50, each 1–300 characters)",
    "type": "Kind: ministry, agency, university, research_institute, company, international_organization or other",
    "Organization:country_code": "Country of its seat: ISO 3166-1 alpha-3 code, e.g. VNM (alpha-2 accepted)",
    "parent_id": "The organisation it is part of (id), e.g. a ministry for its institutes",
    "website": "Its web site (http or https address)",
    "iati_identifier": "Its organisation identifier of org-id.guide, as IATI publishes it (the participating-org "
                       "ref of the IATI export), e.g. XM-DAC-41114, GB-COH-123456; at most 100 characters",
    "Position:id": "Id of the position",
    "Position:title": "Position held, e.g. \"Director-General\" (1–300 characters)",
    "organization_id": "Organisation where the position is held (id, GET /api/v1/organizations/{id})",
    "start_date": "Day it began (ISO 8601 date, YYYY-MM-DD)",
    "end_date": "Day it ended (ISO 8601 date, YYYY-MM-DD); null while held",
    "Person:name": "Full name of the person (1–300 characters)",
    "Person:country_code": "Nationality or country of work: ISO 3166-1 alpha-3 code, e.g. VNM (alpha-2 accepted)",
    "email": "E-mail address (syntax checked, at most 200 characters)",
    "notes": "Notes on the person (free text, at most 100,000 characters)",
    "positions": "Positions held, at most 100; a PATCH replaces the whole list",
}


class OrganizationIn(RecordIn):
    """A new organisation: ministry, agency, university, institute, company..."""

    name: Name = Field(description=ABOUT["Organization:name"])
    acronym: str | None = Field(default=None, max_length=40, description=ABOUT["acronym"])
    aliases: list[Name] = Field(default_factory=list, max_length=50, description=ABOUT["aliases"])
    type: OrganizationType = Field(OrganizationType.other, description=ABOUT["type"])
    country_code: CountryCode | None = Field(None, description=ABOUT["Organization:country_code"])
    parent_id: int | None = Field(None, description=ABOUT["parent_id"])
    website: Url | None = Field(None, description=ABOUT["website"])
    iati_identifier: OrgIdentifier | None = Field(None, description=ABOUT["iati_identifier"])


class OrganizationPatch(Patch):
    """Changes to an organisation: send only the fields that change, with the version you read."""

    name: Name | None = Field(None, description=ABOUT["Organization:name"])
    acronym: str | None = Field(default=None, max_length=40, description=ABOUT["acronym"])
    aliases: list[Name] | None = Field(default=None, max_length=50, description=ABOUT["aliases"])
    type: OrganizationType | None = Field(None, description=ABOUT["type"])
    country_code: CountryCode | None = Field(None, description=ABOUT["Organization:country_code"])
    parent_id: int | None = Field(None, description=ABOUT["parent_id"])
    website: Url | None = Field(None, description=ABOUT["website"])
    iati_identifier: OrgIdentifier | None = Field(None, description=ABOUT["iati_identifier"])


class OrganizationOut(RecordOut):
    """An organisation taking part in cooperation."""

    name: str = Field(description=ABOUT["Organization:name"])
    acronym: str | None = Field(description=ABOUT["acronym"])
    aliases: list[str] = Field(description=ABOUT["aliases"])
    type: str = Field(description=ABOUT["type"])
    country_code: str | None = Field(description=ABOUT["Organization:country_code"])
    parent_id: int | None = Field(description=ABOUT["parent_id"])
    website: str | None = Field(description=ABOUT["website"])
    iati_identifier: str | None = Field(None, description=ABOUT["iati_identifier"])


class PositionIn(Input):
    """A position a person holds or held in an organisation."""

    title: Name = Field(description=ABOUT["Position:title"])
    organization_id: int | None = Field(None, description=ABOUT["organization_id"])
    start_date: date | None = Field(None, description=ABOUT["start_date"])
    end_date: date | None = Field(None, description=ABOUT["end_date"])


class PositionOut(BaseModel):
    """A position a person holds or held in an organisation."""

    model_config = ConfigDict(from_attributes=True)
    id: int = Field(description=ABOUT["Position:id"])
    title: str = Field(description=ABOUT["Position:title"])
    organization_id: int | None = Field(description=ABOUT["organization_id"])
    start_date: date | None = Field(description=ABOUT["start_date"])
    end_date: date | None = Field(description=ABOUT["end_date"])


class PersonIn(RecordIn):
    """A new person (official, researcher, contact) with the positions they hold."""

    name: Name = Field(description=ABOUT["Person:name"])
    country_code: CountryCode | None = Field(None, description=ABOUT["Person:country_code"])
    email: Email | None = Field(None, description=ABOUT["email"])
    notes: Text | None = Field(None, description=ABOUT["notes"])
    positions: list[PositionIn] = Field(default_factory=list, max_length=100, description=ABOUT["positions"])


class PersonPatch(Patch):
    """Changes to a person: send only the fields that change, with the version you read."""

    name: Name | None = Field(None, description=ABOUT["Person:name"])
    country_code: CountryCode | None = Field(None, description=ABOUT["Person:country_code"])
    email: Email | None = Field(None, description=ABOUT["email"])
    notes: Text | None = Field(None, description=ABOUT["notes"])
    positions: list[PositionIn] | None = Field(default=None, max_length=100, description=ABOUT["positions"])


class PersonOut(RecordOut):
    """A person (official, researcher, contact) with the positions they hold."""

    name: str = Field(description=ABOUT["Person:name"])
    country_code: str | None = Field(description=ABOUT["Person:country_code"])
    email: str | None = Field(description=ABOUT["email"])
    notes: str | None = Field(description=ABOUT["notes"])
    positions: list[PositionOut] = Field(description=ABOUT["positions"])
