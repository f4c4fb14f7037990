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

#: what each field means (OpenAPI descriptions), written once for the In, Patch and Out schemas; a key
#: "Prefix:field" applies to the classes whose name starts with Prefix
ABOUT = {
    "Commitment:text": "What was committed, as agreed (1–100,000 characters)",
    "partnership_id": "The partnership it belongs to (id, GET /api/v1/partnerships/{id})",
    "session_id": "The committee session where it was agreed (id, GET /api/v1/sessions/{id})",
    "agreement_id": "The agreement it comes from (id, GET /api/v1/agreements/{id})",
    "parent_id": "The commitment it is a sub-commitment of (id); its completion rolls up into the parent",
    "due_date": "When it is due (ISO 8601 date, YYYY-MM-DD); past it an open commitment is overdue",
    "target_per_year": "Yearly target, as a count of reported units per calendar year (1–365, e.g. 4 exchange "
                       "visits a year); progress updates' counts are summed against it",
    "Commitment:status": "Where it stands: planned, in_progress, done, overdue or dropped (default planned)",
    "Commitment:completion": "Completion level on the OGP IRM scale: not_started, limited, substantial or complete "
                             "(default not_started); the latest dated assessment or progress update with a level "
                             "sets it",
    "responsible_ids": "Organisations responsible for it (organisation ids, at most 20)",
    "responsible_people_ids": "People responsible for it, beside organisations (person ids, at most 20)",
    "overdue": "True when marked overdue, or planned/in progress and past due_date (as of today)",
    "commitment_id": "The commitment (id, GET /api/v1/commitments/{id})",
    "ProgressUpdate:date": "Day the progress is reported for (ISO 8601 date, YYYY-MM-DD)",
    "note": "What was done (1–100,000 characters)",
    "evidence_url": "Web address of the evidence, e.g. a press release (http or https)",
    "count": "Units done, counted against the commitment's target_per_year (0–10000)",
    "ProgressUpdate:completion": "Completion level reached, if the report says one (OGP IRM scale: not_started, "
                                 "limited, substantial, complete); the latest dated level sets the commitment's",
    "WorkingGroup:name": "Name of the working group (1–300 characters)",
    "mandate": "What the working group is charged with (free text, at most 100,000 characters)",
    "working_group_id": "The working group that made the assessment (id), if any",
    "Assessment:date": "Day of the assessment (ISO 8601 date, YYYY-MM-DD)",
    "rating": "Completion level found, on the OGP IRM scale: not_started, limited, substantial or complete; the "
              "latest dated assessment or progress update with a level sets the commitment's completion",
    "findings": "What the assessment found (free text, at most 100,000 characters)",
    "year": "Calendar year (e.g. 2026)",
    "done": "Units reported done that year: sum of the progress updates' counts (≥ 0)",
    "target": "The yearly target (target_per_year, 1–365); null without one",
    "when": "\"past\", \"current\" or \"future\" year (future years are not yet due)",
    "missed": "True for a past year whose target was not reached (zero counts too)",
    "SubCommitmentRollUp:status": "The sub-commitment's status (planned, in_progress, done, overdue, dropped)",
    "SubCommitmentRollUp:completion": "The sub-commitment's own completion level (OGP IRM scale)",
    "rolled_up": "Its score from 0 to 1: by its own counted sub-commitments when it has some, else its completion "
                 "(not_started 0, limited ⅓, substantial ⅔, complete 1)",
    "SubCommitmentRollUp:counted": "False when dropped: shown apart, left out of the parent's denominator",
    "CommitmentProgress:completion": "The commitment's completion level (OGP IRM scale)",
    "rolled_up_completion": "From 0 to 1: the mean of the counted sub-commitments' roll-ups (recursively; a leaf by "
                            "its completion: not_started 0, limited ⅓, substantial ⅔, complete 1); null without "
                            "counted ones",
    "sub_commitments": "Direct sub-commitments, dropped ones included (≥ 0)",
    "CommitmentProgress:counted": "Direct sub-commitments in the roll-up (≥ 0)",
    "dropped": "Direct sub-commitments dropped: shown apart, not counted (≥ 0)",
    "descendants": "Every commitment below this one, at most 10 levels down (≥ 0)",
    "depth_limited": "True when the tree is deeper than 10 levels (or loops): the roll-up stops there",
    "children": "The direct sub-commitments as they enter the roll-up",
    "period": "First and last calendar year of the yearly table ([first, last]); null without target or counts",
    "years": "One row per year of the period, zero years included",
    "last_update": "Date of the latest progress update (ISO 8601 date); null without one",
    "completion_source": "Where the completion comes from: \"assessment\" or \"progress_update\" (the latest "
                         "dated one with a level); null when set by hand",
    "completion_source_date": "Date of that assessment or progress update (ISO 8601 date)",
    "ImplementationRow:text": "The commitment's text",
    "ImplementationRow:status": "The commitment's status (planned, in_progress, done, overdue, dropped)",
    "ImplementationRow:completion": "The commitment's completion level (OGP IRM scale)",
    "last_note": "Note of the latest progress update; null without one",
    "ImplementationReport:session_id": "The session reviewing (id)",
    "previous_session_id": "The committee's previous session, whose commitments are reviewed (id); null for a "
                           "first session",
    "previous_session_number": "Its number (1–1000)",
    "rows": "The previous session's commitments, by id",
    "summary": "How many rows are at each completion level: {\"not_started\": n, \"limited\": n, "
               "\"substantial\": n, \"complete\": n}",
}


class CommitmentIn(RecordIn, ConfidentialIn):
    """A new commitment agreed at a committee session or in an agreement, possibly under a parent commitment."""

    text: Text = Field(min_length=1, description=ABOUT["Commitment:text"])
    partnership_id: int = Field(description=ABOUT["partnership_id"])
    session_id: int | None = Field(None, description=ABOUT["session_id"])
    agreement_id: int | None = Field(None, description=ABOUT["agreement_id"])
    parent_id: int | None = Field(None, description=ABOUT["parent_id"])
    due_date: Date | None = Field(None, description=ABOUT["due_date"])
    target_per_year: int | None = Field(default=None, ge=1, le=365, description=ABOUT["target_per_year"])
    status: CommitmentStatus = Field(CommitmentStatus.planned, description=ABOUT["Commitment:status"])
    completion: Completion = Field(Completion.not_started, description=ABOUT["Commitment:completion"])
    responsible_ids: list[int] = Field(default_factory=list, max_length=20,
                                       description=ABOUT["responsible_ids"])
    responsible_people_ids: list[int] = Field(default_factory=list, max_length=20,
                                              description=ABOUT["responsible_people_ids"])


class CommitmentPatch(Patch, ConfidentialPatch):
    """Changes to a commitment: send only the fields that change, with the version you read."""

    text: Text | None = Field(default=None, min_length=1, description=ABOUT["Commitment:text"])
    session_id: int | None = Field(None, description=ABOUT["session_id"])
    agreement_id: int | None = Field(None, description=ABOUT["agreement_id"])
    parent_id: int | None = Field(None, description=ABOUT["parent_id"])
    due_date: Date | None = Field(None, description=ABOUT["due_date"])
    target_per_year: int | None = Field(default=None, ge=1, le=365, description=ABOUT["target_per_year"])
    status: CommitmentStatus | None = Field(None, description=ABOUT["Commitment:status"])
    completion: Completion | None = Field(None, description=ABOUT["Commitment:completion"])
    responsible_ids: list[int] | None = Field(default=None, max_length=20, description=ABOUT["responsible_ids"])
    responsible_people_ids: list[int] | None = Field(default=None, max_length=20,
                                                     description=ABOUT["responsible_people_ids"])


class CommitmentOut(RecordOut, ConfidentialOut):
    """A commitment with its status, completion level (OGP IRM scale) and whether it is overdue today."""

    text: str = Field(description=ABOUT["Commitment:text"])
    partnership_id: int = Field(description=ABOUT["partnership_id"])
    session_id: int | None = Field(description=ABOUT["session_id"])
    agreement_id: int | None = Field(description=ABOUT["agreement_id"])
    parent_id: int | None = Field(description=ABOUT["parent_id"])
    due_date: Date | None = Field(description=ABOUT["due_date"])
    target_per_year: int | None = Field(description=ABOUT["target_per_year"])
    status: str = Field(description=ABOUT["Commitment:status"])
    completion: str = Field(description=ABOUT["Commitment:completion"])
    responsible_ids: list[int] = Field(description=ABOUT["responsible_ids"])
    responsible_people_ids: list[int] = Field([], description=ABOUT["responsible_people_ids"])
    overdue: bool = Field(False, description=ABOUT["overdue"])


class ProgressUpdateIn(RecordIn):
    """A dated report of progress on a commitment, with a count and optionally a completion level."""

    commitment_id: int = Field(description=ABOUT["commitment_id"])
    date: Date = Field(description=ABOUT["ProgressUpdate:date"])
    note: Text = Field(min_length=1, description=ABOUT["note"])
    evidence_url: Url | None = Field(None, description=ABOUT["evidence_url"])
    count: int | None = Field(default=None, ge=0, le=10_000, description=ABOUT["count"])
    completion: Completion | None = Field(None, description=ABOUT["ProgressUpdate:completion"])


class ProgressUpdatePatch(Patch):
    """Changes to a progress update: send only the fields that change, with the version you read."""

    date: Date | None = Field(None, description=ABOUT["ProgressUpdate:date"])
    note: Text | None = Field(default=None, min_length=1, description=ABOUT["note"])
    evidence_url: Url | None = Field(None, description=ABOUT["evidence_url"])
    count: int | None = Field(default=None, ge=0, le=10_000, description=ABOUT["count"])
    completion: Completion | None = Field(None, description=ABOUT["ProgressUpdate:completion"])


class ProgressUpdateOut(RecordOut):
    """A dated report of progress on a commitment."""

    commitment_id: int = Field(description=ABOUT["commitment_id"])
    date: Date = Field(description=ABOUT["ProgressUpdate:date"])
    note: str = Field(description=ABOUT["note"])
    evidence_url: str | None = Field(description=ABOUT["evidence_url"])
    count: int | None = Field(description=ABOUT["count"])
    completion: str | None = Field(None, description=ABOUT["ProgressUpdate:completion"])


class WorkingGroupIn(RecordIn, ConfidentialIn):
    """A new working group of a partnership (it may assess commitments)."""

    partnership_id: int = Field(description=ABOUT["partnership_id"])
    name: Name = Field(description=ABOUT["WorkingGroup:name"])
    mandate: Text | None = Field(None, description=ABOUT["mandate"])


class WorkingGroupPatch(Patch, ConfidentialPatch):
    """Changes to a working group: send only the fields that change, with the version you read."""

    name: Name | None = Field(None, description=ABOUT["WorkingGroup:name"])
    mandate: Text | None = Field(None, description=ABOUT["mandate"])


class WorkingGroupOut(RecordOut, ConfidentialOut):
    """A working group of a partnership."""

    partnership_id: int = Field(description=ABOUT["partnership_id"])
    name: str = Field(description=ABOUT["WorkingGroup:name"])
    mandate: str | None = Field(description=ABOUT["mandate"])


class AssessmentIn(RecordIn):
    """A new dated assessment of a commitment's completion on the OGP IRM scale."""

    commitment_id: int = Field(description=ABOUT["commitment_id"])
    working_group_id: int | None = Field(None, description=ABOUT["working_group_id"])
    date: Date = Field(description=ABOUT["Assessment:date"])
    rating: Completion = Field(description=ABOUT["rating"])
    findings: Text | None = Field(None, description=ABOUT["findings"])


class AssessmentPatch(Patch):
    """Changes to an assessment: send only the fields that change, with the version you read."""

    working_group_id: int | None = Field(None, description=ABOUT["working_group_id"])
    date: Date | None = Field(None, description=ABOUT["Assessment:date"])
    rating: Completion | None = Field(None, description=ABOUT["rating"])
    findings: Text | None = Field(None, description=ABOUT["findings"])


class AssessmentOut(RecordOut):
    """A dated assessment of a commitment's completion on the OGP IRM scale."""

    commitment_id: int = Field(description=ABOUT["commitment_id"])
    working_group_id: int | None = Field(description=ABOUT["working_group_id"])
    date: Date = Field(description=ABOUT["Assessment:date"])
    rating: str = Field(description=ABOUT["rating"])
    findings: str | None = Field(description=ABOUT["findings"])


class YearProgress(BaseModel):
    """One year of the commitment's period: what was reported done against the yearly target."""

    year: int = Field(description=ABOUT["year"])
    done: int = Field(description=ABOUT["done"])
    target: int | None = Field(description=ABOUT["target"])
    when: str = Field("past", description=ABOUT["when"])
    missed: bool = Field(False, description=ABOUT["missed"])


class SubCommitmentRollUp(BaseModel):
    """A direct sub-commitment as it enters its parent's roll-up."""

    commitment_id: int = Field(description=ABOUT["commitment_id"])
    status: str = Field(description=ABOUT["SubCommitmentRollUp:status"])
    completion: str = Field(description=ABOUT["SubCommitmentRollUp:completion"])
    rolled_up: float | None = Field(description=ABOUT["rolled_up"])
    counted: bool = Field(description=ABOUT["SubCommitmentRollUp:counted"])


class CommitmentProgress(BaseModel):
    """Derived figures for one commitment: roll-up of sub-commitments and the yearly target."""

    commitment_id: int = Field(description=ABOUT["commitment_id"])
    overdue: bool = Field(description=ABOUT["overdue"])
    completion: str = Field(description=ABOUT["CommitmentProgress:completion"])
    rolled_up_completion: float | None = Field(description=ABOUT["rolled_up_completion"])
    sub_commitments: int = Field(description=ABOUT["sub_commitments"])
    counted: int = Field(0, description=ABOUT["CommitmentProgress:counted"])
    dropped: int = Field(0, description=ABOUT["dropped"])
    descendants: int = Field(0, description=ABOUT["descendants"])
    depth_limited: bool = Field(False, description=ABOUT["depth_limited"])
    children: list[SubCommitmentRollUp] = Field([], description=ABOUT["children"])
    period: tuple[int, int] | None = Field(None, description=ABOUT["period"])
    years: list[YearProgress] = Field(description=ABOUT["years"])
    last_update: Date | None = Field(description=ABOUT["last_update"])
    completion_source: str | None = Field(None, description=ABOUT["completion_source"])
    completion_source_date: Date | None = Field(None, description=ABOUT["completion_source_date"])


class ImplementationRow(BaseModel):
    """One commitment of the previous session as reviewed at this one."""

    commitment_id: int = Field(description=ABOUT["commitment_id"])
    text: str = Field(description=ABOUT["ImplementationRow:text"])
    status: str = Field(description=ABOUT["ImplementationRow:status"])
    completion: str = Field(description=ABOUT["ImplementationRow:completion"])
    overdue: bool = Field(description=ABOUT["overdue"])
    last_update: Date | None = Field(description=ABOUT["last_update"])
    last_note: str | None = Field(description=ABOUT["last_note"])


class ImplementationReport(BaseModel):
    """What became of the previous session's conclusions, reviewed at this session."""

    session_id: int = Field(description=ABOUT["ImplementationReport:session_id"])
    previous_session_id: int | None = Field(description=ABOUT["previous_session_id"])
    previous_session_number: int | None = Field(description=ABOUT["previous_session_number"])
    rows: list[ImplementationRow] = Field(description=ABOUT["rows"])
    summary: dict[str, int] = Field(description=ABOUT["summary"])
