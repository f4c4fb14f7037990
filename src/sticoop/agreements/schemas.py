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

#: what each field means (OpenAPI descriptions), written once for the In, Patch and Out schemas; a key
#: "Prefix:field" applies to the classes whose name starts with Prefix
ABOUT = {
    "title": "Title of the agreement as signed (1–500 characters)",
    "kind": "Kind: mou (memorandum of understanding), agreement, protocol or action_plan (default agreement)",
    "Agreement:status": "Recorded status: planned, negotiating, signed, in_force, expired, terminated or renewed "
                        "(default planned); a change must follow the transition rules",
    "partnership_id": "The partnership it belongs to (id, GET /api/v1/partnerships/{id})",
    "signed_date": "Day it was signed (ISO 8601 date, YYYY-MM-DD)",
    "in_force_date": "Day it entered into force (ISO 8601 date, YYYY-MM-DD)",
    "expiry_date": "Day it expires (ISO 8601 date, YYYY-MM-DD); past it a live agreement reads as expired",
    "summary": "What the agreement covers (free text, at most 100,000 characters)",
    "country_codes": "Signatory countries: ISO 3166-1 alpha-3 codes, e.g. [\"VNM\", \"BEL\"] (at most 60; "
                     "alpha-2 accepted)",
    "organization_ids": "Signatory or implementing organisations (organisation ids, at most 60)",
    "history": "Every status change, oldest first",
    "effective_status": "The status as read today: `expired` for a signed, in-force or renewed agreement past its "
                        "expiry date (the stored `status` stays until the move is recorded)",
    "past_expiry_since": "The expiry date (ISO 8601) when the agreement is past it while its recorded status still "
                         "says it is live; null otherwise",
    "version": "The version (≥ 1) you last read; a stale one gets 409",
    "to_status": "The status to move to (planned, negotiating, signed, in_force, expired, terminated, renewed); "
                 "it must be an allowed move from the current one",
    "Transition:date": "Day of the change (ISO 8601 date, YYYY-MM-DD); today if omitted",
    "Transition:note": "Why or how it changed (free text, at most 100,000 characters)",
    "from_status": "The status before the change; null for the first status",
    "StatusChange:date": "Day of the change (ISO 8601 date); null for an initial status whose date is unknown",
    "StatusChange:note": "Note recorded with the change",
}


class AgreementIn(RecordIn, ConfidentialIn):
    """A new cooperation agreement (MoU, agreement, protocol or action plan) with its signatories."""

    title: LongName = Field(description=ABOUT["title"])
    kind: AgreementKind = Field(AgreementKind.agreement, description=ABOUT["kind"])
    status: AgreementStatus = Field(AgreementStatus.planned, description=ABOUT["Agreement:status"])
    partnership_id: int | None = Field(None, description=ABOUT["partnership_id"])
    signed_date: Date | None = Field(None, description=ABOUT["signed_date"])
    in_force_date: Date | None = Field(None, description=ABOUT["in_force_date"])
    expiry_date: Date | None = Field(None, description=ABOUT["expiry_date"])
    summary: Text | None = Field(None, description=ABOUT["summary"])
    country_codes: list[CountryCode] = Field(default_factory=list, max_length=60, description=ABOUT["country_codes"])
    organization_ids: list[int] = Field(default_factory=list, max_length=60, description=ABOUT["organization_ids"])


class AgreementPatch(Patch, ConfidentialPatch):
    """Status changes go through the transition rules, with today's date unless one is given."""

    title: LongName | None = Field(None, description=ABOUT["title"])
    kind: AgreementKind | None = Field(None, description=ABOUT["kind"])
    status: AgreementStatus | None = Field(None, description=ABOUT["Agreement:status"])
    partnership_id: int | None = Field(None, description=ABOUT["partnership_id"])
    signed_date: Date | None = Field(None, description=ABOUT["signed_date"])
    in_force_date: Date | None = Field(None, description=ABOUT["in_force_date"])
    expiry_date: Date | None = Field(None, description=ABOUT["expiry_date"])
    summary: Text | None = Field(None, description=ABOUT["summary"])
    country_codes: list[CountryCode] | None = Field(default=None, max_length=60, description=ABOUT["country_codes"])
    organization_ids: list[int] | None = Field(default=None, max_length=60, description=ABOUT["organization_ids"])


class TransitionIn(Input):
    """A status change of an agreement, checked against the allowed moves."""

    version: int = Field(ge=1, description=ABOUT["version"])
    to_status: AgreementStatus = Field(description=ABOUT["to_status"])
    date: Date | None = Field(None, description=ABOUT["Transition:date"])
    note: Text | None = Field(None, description=ABOUT["Transition:note"])


class StatusChangeOut(BaseModel):
    """One status change in an agreement's history."""

    model_config = ConfigDict(from_attributes=True)
    from_status: AgreementStatus | None = Field(description=ABOUT["from_status"])
    to_status: AgreementStatus = Field(description=ABOUT["to_status"])
    date: Date | None = Field(description=ABOUT["StatusChange:date"])
    note: str | None = Field(description=ABOUT["StatusChange:note"])


class AgreementOut(RecordOut, ConfidentialOut):
    """A cooperation agreement with its status history and its status as read today."""

    title: str = Field(description=ABOUT["title"])
    kind: str = Field(description=ABOUT["kind"])
    status: str = Field(description=ABOUT["Agreement:status"])
    partnership_id: int | None = Field(description=ABOUT["partnership_id"])
    signed_date: Date | None = Field(description=ABOUT["signed_date"])
    in_force_date: Date | None = Field(description=ABOUT["in_force_date"])
    expiry_date: Date | None = Field(description=ABOUT["expiry_date"])
    summary: str | None = Field(description=ABOUT["summary"])
    country_codes: list[str] = Field(description=ABOUT["country_codes"])
    organization_ids: list[int] = Field(description=ABOUT["organization_ids"])
    history: list[StatusChangeOut] = Field(description=ABOUT["history"])
    effective_status: AgreementStatus = Field(
        description=ABOUT["effective_status"])
    past_expiry_since: Date | None = Field(description=ABOUT["past_expiry_since"])
