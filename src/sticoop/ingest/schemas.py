from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, Field

from sticoop.core.schemas import Input, RecordOut
from sticoop.ingest.labels import Labels

#: what each field means (OpenAPI descriptions)
ABOUT = {
    "document_id": "The uploaded document read (id, GET /api/v1/documents/{id})",
    "status": "Review status: draft (extracted, awaiting a person), unsupported (language not supported for "
              "extraction), accepted or rejected",
    "language": "Detected language: ISO 639-1 code, e.g. vi",
    "published": "Publication date of the press release (ISO 8601 date), when known",
    "title": "Title read from the document",
    "labels": "What extraction found, in the labels schema (event_type, event_date, countries, committee, "
              "organizations, people, fields, agreements, commitments, …; README 'Labels'), as reviewed once decided",
    "DecisionIn:labels": "The reviewed labels (same shape as the intake's `labels`); the extraction if omitted",
    "note": "Reviewer's or extractor's note",
    "created_records": "Records created or linked on acceptance: [{\"type\", \"id\", \"title\", \"new\"}, …] "
                       "(new: false when an existing record was linked)",
    "decided_at": "When it was accepted or rejected (ISO 8601 date-time, UTC)",
    "version": "The version (≥ 1) of the intake you last read; a stale one gets 409",
}


class IntakeOut(RecordOut):
    """A press release or report read by the extractor, waiting for review or decided."""

    document_id: int = Field(description=ABOUT["document_id"])
    status: str = Field(description=ABOUT["status"])
    language: str | None = Field(description=ABOUT["language"])
    published: date | None = Field(description=ABOUT["published"])
    title: str | None = Field(description=ABOUT["title"])
    labels: Labels | None = Field(description=ABOUT["labels"])
    note: str | None = Field(description=ABOUT["note"])
    created_records: list[dict[str, Any]] | None = Field(description=ABOUT["created_records"])
    decided_at: datetime | None = Field(description=ABOUT["decided_at"])


class DecisionIn(Input):
    """Accept (with the reviewed labels) or reject an intake."""

    version: int = Field(ge=1, description=ABOUT["version"])
    labels: Labels | None = Field(default=None, description=ABOUT["DecisionIn:labels"])
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

    id: int = Field(description="Id of the existing record")
    name: str = Field(description="Its name or title, as stored")
    reason: str = Field(description="Why it is a candidate (the linkage rule that matched)")
    score: float = Field(ge=0, le=1, description="How sure, from 0 to 1; from 0.7 up the best one is the default")


class ProposalOut(BaseModel):
    """One proposed record of an intake, with its candidates and the default choice."""

    key: str = Field(description="The key to use in DecisionIn.links")
    type: str = Field(description="Record kind: organization, person, partnership, committee, session, "
                                  "agreement or commitment")
    title: str = Field(description="The proposed record's name or title, as extracted")
    candidates: list[CandidateOut] = Field(description="Existing records it may be, best first (at most 5)")
    chosen: int | None = Field(description="The existing record linked by default, or null for a new one")
