from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from sticoop.core.schemas import CountryCode, Email, Input, Name, Patch, RecordIn, RecordOut, Text, Url
from sticoop.partners.models import OrganizationType


class OrganizationIn(RecordIn):
    name: Name
    acronym: str | None = Field(default=None, max_length=40)
    aliases: list[Name] = Field(default_factory=list, max_length=50)
    type: OrganizationType = OrganizationType.other
    country_code: CountryCode | None = None
    parent_id: int | None = None
    website: Url | None = None


class OrganizationPatch(Patch):
    name: Name | None = None
    acronym: str | None = Field(default=None, max_length=40)
    aliases: list[Name] | None = Field(default=None, max_length=50)
    type: OrganizationType | None = None
    country_code: CountryCode | None = None
    parent_id: int | None = None
    website: Url | None = None


class OrganizationOut(RecordOut):
    name: str
    acronym: str | None
    aliases: list[str]
    type: str
    country_code: str | None
    parent_id: int | None
    website: str | None


class PositionIn(Input):
    title: Name
    organization_id: int | None = None
    start_date: date | None = None
    end_date: date | None = None


class PositionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    title: str
    organization_id: int | None
    start_date: date | None
    end_date: date | None


class PersonIn(RecordIn):
    name: Name
    country_code: CountryCode | None = None
    email: Email | None = None
    notes: Text | None = None
    positions: list[PositionIn] = Field(default_factory=list, max_length=100)


class PersonPatch(Patch):
    name: Name | None = None
    country_code: CountryCode | None = None
    email: Email | None = None
    notes: Text | None = None
    positions: list[PositionIn] | None = Field(default=None, max_length=100)


class PersonOut(RecordOut):
    name: str
    country_code: str | None
    email: str | None
    notes: str | None
    positions: list[PositionOut]
