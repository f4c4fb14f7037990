from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, Field

from sticoop.core.schemas import Input, RecordOut


class IntakeOut(RecordOut):
    document_id: int
    status: str
    language: str | None
    published: date | None
    title: str | None
    labels: dict[str, Any] | None
    note: str | None
    created_records: list[dict[str, Any]] | None
    decided_at: datetime | None


class DecisionIn(Input):
    version: int = Field(ge=1)
    labels: dict[str, Any] | None = Field(
        default=None, description="The reviewed labels; the extraction if omitted."
    )
    links: dict[str, int | None] | None = Field(
        default=None,
        description="Accept only: for each proposed record (its key, as listed by GET /api/intakes/{id}/proposals, "
                    "e.g. \"organization:vietnam academy of science and technology\", \"partnership\", "
                    "\"committee\", \"session\"), the id of the existing record to link it to, or null to create "
                    "it new. A proposal left out takes the default: its best candidate when the score reaches "
                    "the threshold (0.7), else a new record.",
        examples=[{"partnership": 1, "committee": 1, "organization:universite de gand": None}],
    )


class CandidateOut(BaseModel):
    """An existing record a proposed one may be."""

    id: int
    name: str
    reason: str = Field(description="Why it is a candidate (the linkage rule that matched)")
    score: float = Field(ge=0, le=1, description="How sure, 0..1; from 0.7 up the best one is the default")


class ProposalOut(BaseModel):
    """One proposed record of an intake, with its candidates and the default choice."""

    key: str = Field(description="The key to use in DecisionIn.links")
    type: str = Field(description="Record kind: organization, person, partnership, committee, session, "
                                  "agreement or commitment")
    title: str
    candidates: list[CandidateOut]
    chosen: int | None = Field(description="The existing record linked by default, or null for a new one")
