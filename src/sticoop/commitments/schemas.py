from __future__ import annotations

from datetime import date as Date

from pydantic import BaseModel, Field

from sticoop.commitments.models import CommitmentStatus, Completion
from sticoop.core.schemas import (
    ConfidentialIn,
    ConfidentialOut,
    ConfidentialPatch,
    Name,
    Patch,
    RecordIn,
    RecordOut,
    Text,
    Url,
)


class CommitmentIn(RecordIn, ConfidentialIn):
    text: Text = Field(min_length=1)
    partnership_id: int
    session_id: int | None = None
    agreement_id: int | None = None
    parent_id: int | None = None
    due_date: Date | None = None
    target_per_year: int | None = Field(default=None, ge=1, le=365)
    status: CommitmentStatus = CommitmentStatus.planned
    completion: Completion = Completion.not_started
    responsible_ids: list[int] = Field(default_factory=list, max_length=20)


class CommitmentPatch(Patch, ConfidentialPatch):
    text: Text | None = Field(default=None, min_length=1)
    session_id: int | None = None
    agreement_id: int | None = None
    parent_id: int | None = None
    due_date: Date | None = None
    target_per_year: int | None = Field(default=None, ge=1, le=365)
    status: CommitmentStatus | None = None
    completion: Completion | None = None
    responsible_ids: list[int] | None = Field(default=None, max_length=20)


class CommitmentOut(RecordOut, ConfidentialOut):
    text: str
    partnership_id: int
    session_id: int | None
    agreement_id: int | None
    parent_id: int | None
    due_date: Date | None
    target_per_year: int | None
    status: str
    completion: str
    responsible_ids: list[int]
    overdue: bool = False


class ProgressUpdateIn(RecordIn):
    commitment_id: int
    date: Date
    note: Text = Field(min_length=1)
    evidence_url: Url | None = None
    count: int | None = Field(default=None, ge=0, le=10_000)


class ProgressUpdatePatch(Patch):
    date: Date | None = None
    note: Text | None = Field(default=None, min_length=1)
    evidence_url: Url | None = None
    count: int | None = Field(default=None, ge=0, le=10_000)


class ProgressUpdateOut(RecordOut):
    commitment_id: int
    date: Date
    note: str
    evidence_url: str | None
    count: int | None


class WorkingGroupIn(RecordIn, ConfidentialIn):
    partnership_id: int
    name: Name
    mandate: Text | None = None


class WorkingGroupPatch(Patch, ConfidentialPatch):
    name: Name | None = None
    mandate: Text | None = None


class WorkingGroupOut(RecordOut, ConfidentialOut):
    partnership_id: int
    name: str
    mandate: str | None


class AssessmentIn(RecordIn):
    commitment_id: int
    working_group_id: int | None = None
    date: Date
    rating: Completion
    findings: Text | None = None


class AssessmentPatch(Patch):
    working_group_id: int | None = None
    date: Date | None = None
    rating: Completion | None = None
    findings: Text | None = None


class AssessmentOut(RecordOut):
    commitment_id: int
    working_group_id: int | None
    date: Date
    rating: str
    findings: str | None


class YearProgress(BaseModel):
    year: int
    done: int
    target: int | None


class CommitmentProgress(BaseModel):
    """Derived figures for one commitment: roll-up of sub-commitments and the yearly target."""

    commitment_id: int
    overdue: bool
    completion: str
    rolled_up_completion: float | None  # 0..1 from sub-commitments, None when it has none
    sub_commitments: int
    years: list[YearProgress]
    last_update: Date | None


class ImplementationRow(BaseModel):
    commitment_id: int
    text: str
    status: str
    completion: str
    overdue: bool
    last_update: Date | None
    last_note: str | None


class ImplementationReport(BaseModel):
    """What became of the previous session's conclusions, reviewed at this session."""

    session_id: int
    previous_session_id: int | None
    previous_session_number: int | None
    rows: list[ImplementationRow]
    summary: dict[str, int]
