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
    responsible_ids: list[int] = Field(default_factory=list, max_length=20,
                                       description="Organisations responsible for it.")
    responsible_people_ids: list[int] = Field(default_factory=list, max_length=20,
                                              description="People responsible for it (beside organisations).")


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
    responsible_people_ids: list[int] | None = Field(default=None, max_length=20)


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
    responsible_people_ids: list[int] = []
    overdue: bool = False


class ProgressUpdateIn(RecordIn):
    commitment_id: int
    date: Date
    note: Text = Field(min_length=1)
    evidence_url: Url | None = None
    count: int | None = Field(default=None, ge=0, le=10_000)
    #: the completion level reached, if the report says one: the latest dated level sets the commitment's
    completion: Completion | None = None


class ProgressUpdatePatch(Patch):
    date: Date | None = None
    note: Text | None = Field(default=None, min_length=1)
    evidence_url: Url | None = None
    count: int | None = Field(default=None, ge=0, le=10_000)
    completion: Completion | None = None


class ProgressUpdateOut(RecordOut):
    commitment_id: int
    date: Date
    note: str
    evidence_url: str | None
    count: int | None
    completion: str | None = None


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
    """One year of the commitment's period: what was reported done against the yearly target."""

    year: int
    done: int
    target: int | None
    when: str = "past"  # past | current | future (future years are not yet due)
    missed: bool = False  # a past year whose target was not reached (zero counts too)


class SubCommitmentRollUp(BaseModel):
    """A direct sub-commitment as it enters its parent's roll-up."""

    commitment_id: int
    status: str
    completion: str
    rolled_up: float | None  # 0..1: by its own sub-commitments when it has counted ones, else its completion
    counted: bool  # False: dropped, left out of the parent's denominator


class CommitmentProgress(BaseModel):
    """Derived figures for one commitment: roll-up of sub-commitments and the yearly target."""

    commitment_id: int
    overdue: bool
    completion: str
    #: 0..1, the mean of the counted sub-commitments' own roll-ups (recursively; a leaf by its completion on
    #: the OGP scale: not started 0, limited ⅓, substantial ⅔, complete 1); None without counted ones
    rolled_up_completion: float | None
    sub_commitments: int  # direct sub-commitments, dropped ones included
    counted: int = 0  # direct sub-commitments in the roll-up
    dropped: int = 0  # direct sub-commitments dropped: shown apart, not counted
    descendants: int = 0  # every commitment below this one (bounded by MAX_DEPTH levels)
    depth_limited: bool = False  # True when the tree is deeper than MAX_DEPTH levels (or loops)
    children: list[SubCommitmentRollUp] = []
    period: tuple[int, int] | None = None  # first and last year of the yearly table
    years: list[YearProgress]
    last_update: Date | None
    #: where the completion comes from: the latest dated assessment or progress update with a level
    completion_source: str | None = None  # "assessment" | "progress_update" | None (set by hand)
    completion_source_date: Date | None = None


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
