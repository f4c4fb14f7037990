from __future__ import annotations

from datetime import date
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from sticoop.core.schemas import (
    ConfidentialIn,
    ConfidentialOut,
    ConfidentialPatch,
    CurrencyCode,
    DatedInput,
    Input,
    LongName,
    Name,
    Patch,
    RecordIn,
    RecordOut,
    Text,
    Url,
)
from sticoop.projects.models import PartnerRole, ProjectStatus

Currency = Field(default=None, description="ISO 4217 code, e.g. EUR, VND (any case; stored upper-case)")


class ProgrammeIn(RecordIn):
    name: Name
    acronym: str | None = Field(default=None, max_length=40)
    description: Text | None = None
    funder_id: int | None = None
    website: Url | None = None


class ProgrammePatch(Patch):
    name: Name | None = None
    acronym: str | None = Field(default=None, max_length=40)
    description: Text | None = None
    funder_id: int | None = None
    website: Url | None = None


class ProgrammeOut(RecordOut):
    name: str
    acronym: str | None
    description: str | None
    funder_id: int | None
    website: str | None


class ProjectPartnerIn(Input):
    organization_id: int
    role: PartnerRole = PartnerRole.partner


class ProjectPartnerOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    organization_id: int
    role: str


class ProjectIn(DatedInput, ConfidentialIn):
    title: LongName
    partnership_id: int | None = None
    programme_id: int | None = None
    start_date: date | None = None
    end_date: date | None = None
    budget: Decimal | None = Field(default=None, ge=0, max_digits=18, decimal_places=2)
    currency: CurrencyCode | None = Currency
    status: ProjectStatus = ProjectStatus.proposed
    description: Text | None = Field(default=None, description="What the project is about; searchable.")
    outputs: Text | None = None
    field_keys: list[str] = Field(default_factory=list, max_length=30)
    partners: list[ProjectPartnerIn] = Field(default_factory=list, max_length=100)


class ProjectPatch(Patch, ConfidentialPatch):
    title: LongName | None = None
    partnership_id: int | None = None
    programme_id: int | None = None
    start_date: date | None = None
    end_date: date | None = None
    budget: Decimal | None = Field(default=None, ge=0, max_digits=18, decimal_places=2)
    currency: CurrencyCode | None = Currency
    status: ProjectStatus | None = None
    description: Text | None = Field(default=None, description="What the project is about; searchable.")
    outputs: Text | None = None
    field_keys: list[str] | None = Field(default=None, max_length=30)
    partners: list[ProjectPartnerIn] | None = Field(default=None, max_length=100)


class ProjectOut(RecordOut, ConfidentialOut):
    title: str
    partnership_id: int | None
    programme_id: int | None
    start_date: date | None
    end_date: date | None
    budget: Decimal | None
    currency: str | None
    status: str
    description: str | None = None
    outputs: str | None
    field_keys: list[str]
    partners: list[ProjectPartnerOut]
