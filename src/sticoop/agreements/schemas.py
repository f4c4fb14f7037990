from __future__ import annotations

from datetime import date as Date

from pydantic import BaseModel, ConfigDict, Field

from sticoop.agreements.models import AgreementKind, AgreementStatus
from sticoop.core.schemas import (
    ConfidentialIn,
    ConfidentialOut,
    ConfidentialPatch,
    CountryCode,
    Input,
    LongName,
    Patch,
    RecordIn,
    RecordOut,
    Text,
)


class AgreementIn(RecordIn, ConfidentialIn):
    title: LongName
    kind: AgreementKind = AgreementKind.agreement
    status: AgreementStatus = AgreementStatus.planned
    partnership_id: int | None = None
    signed_date: Date | None = None
    in_force_date: Date | None = None
    expiry_date: Date | None = None
    summary: Text | None = None
    country_codes: list[CountryCode] = Field(default_factory=list, max_length=60)
    organization_ids: list[int] = Field(default_factory=list, max_length=60)


class AgreementPatch(Patch, ConfidentialPatch):
    """Status changes go through the transition rules, with today's date unless one is given."""

    title: LongName | None = None
    kind: AgreementKind | None = None
    status: AgreementStatus | None = None
    partnership_id: int | None = None
    signed_date: Date | None = None
    in_force_date: Date | None = None
    expiry_date: Date | None = None
    summary: Text | None = None
    country_codes: list[CountryCode] | None = Field(default=None, max_length=60)
    organization_ids: list[int] | None = Field(default=None, max_length=60)


class TransitionIn(Input):
    version: int = Field(ge=1)
    to_status: AgreementStatus
    date: Date | None = None
    note: Text | None = None


class StatusChangeOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    from_status: AgreementStatus | None
    to_status: AgreementStatus
    date: Date | None  # None: an initial status whose own date is unknown (undated)
    note: str | None


class AgreementOut(RecordOut, ConfidentialOut):
    title: str
    kind: str
    status: str
    partnership_id: int | None
    signed_date: Date | None
    in_force_date: Date | None
    expiry_date: Date | None
    summary: str | None
    country_codes: list[str]
    organization_ids: list[int]
    history: list[StatusChangeOut]
    #: the status as read today: ``expired`` once a signed/in-force/renewed agreement is past its expiry date
    effective_status: AgreementStatus = Field(
        description="The status as read today: `expired` for a signed, in-force or renewed agreement past its "
                    "expiry date (the stored `status` stays until the move is recorded)")
    #: the expiry date when the agreement is past it while its recorded status still says it is live
    past_expiry_since: Date | None
