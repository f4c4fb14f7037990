"""Pages for commitments: the list with overdue badges, the form, and the commitment page with its
progress (yearly counts against the target, roll-up of sub-commitments), updates and assessments."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession

from sticoop.agreements.models import Agreement
from sticoop.commitments import schemas as s
from sticoop.commitments.models import Assessment, Commitment, WorkingGroup
from sticoop.commitments.service import assessments, commitments, is_overdue, progress_updates, working_groups
from sticoop.core.api import DB
from sticoop.core.listing import ListParams
from sticoop.partnerships.models import Committee, CommitteeSession, Partnership
from sticoop.web.crud_pages import EntityPages, add_list_and_form_routes
from sticoop.web.forms import FormField
from sticoop.web.labels import N_
from sticoop.web.lookups import names
from sticoop.web.render import render

router = APIRouter(include_in_schema=False)
DETAIL_LIMIT = 200


def commitment_rows(db: DbSession, items: list[Commitment]) -> dict[str, Any]:
    return {"partnership_names": names(db, Partnership, [c.partnership_id for c in items]),
            "overdue": {c.id: is_overdue(c) for c in items}}


def sub_commitments(db: DbSession, parent_id: int) -> list[Commitment]:
    """The service has no parent filter; one bounded query."""
    query = select(Commitment).where(Commitment.parent_id == parent_id).order_by(Commitment.id).limit(DETAIL_LIMIT)
    return list(db.scalars(query))


def source_session(db: DbSession, session_id: int | None) -> Any:
    if session_id is None:
        return None
    return db.execute(
        select(CommitteeSession.id, CommitteeSession.number, Committee.name)
        .join(Committee, CommitteeSession.committee_id == Committee.id)
        .where(CommitteeSession.id == session_id)
    ).first()


COMMITMENTS = EntityPages(
    entity="commitment", path="/commitments", service=commitments,
    in_schema=s.CommitmentIn, patch_schema=s.CommitmentPatch,
    fields=(
        FormField("partnership_id", N_("Partnership"), "select", "partnerships", required=True),
        FormField("text", N_("Commitment"), "textarea", required=True,
                  help=N_("What was promised, as worded in the minutes or the agreement.")),
        FormField("session_id", N_("Made at session"), "select", "sessions"),
        FormField("agreement_id", N_("Made in agreement"), "select", "agreements"),
        FormField("parent_id", N_("Part of commitment"), "select", "commitments"),
        FormField("due_date", N_("Due date"), "date"),
        FormField("target_per_year", N_("Target per year"), "number",
                  help=N_("For recurring commitments, e.g. 2 for two training courses a year.")),
        FormField("status", N_("Status"), "select", "enum:commitment_status", required=True),
        FormField("completion", N_("Completion"), "select", "enum:completion", required=True),
        FormField("responsible_ids", N_("Responsible organisations"), "multiselect", "organizations"),
        FormField("responsible_people_ids", N_("Responsible people"), "multiselect", "people"),
    ),
    title=N_("Commitments"), new_title=N_("New commitment"), edit_title=N_("Edit commitment"),
    new_label=N_("New commitment"), table="commitments/_table.html",
    filters=("q", "country", "partnership_id", "status", "date", "session_id", "completion"),
    status_group="commitment_status", date_label=N_("Due date"),
    rows=commitment_rows,
)

PROGRESS_UPDATES = EntityPages(
    entity="progress_update", path="/progress-updates", service=progress_updates,
    in_schema=s.ProgressUpdateIn, patch_schema=s.ProgressUpdatePatch,
    fields=(
        FormField("commitment_id", N_("Commitment"), "select", "commitments", required=True),
        FormField("date", N_("Date"), "date", required=True),
        FormField("note", N_("What happened"), "textarea", required=True),
        FormField("count", N_("Count"), "number", help=N_("How many were held, e.g. 1 training course.")),
        FormField("completion", N_("Completion reached"), "select", "enum:completion",
                  help=N_("If the report says how far the commitment has come: the latest dated level sets "
                          "the commitment's completion.")),
        FormField("evidence_url", N_("Evidence (link)"), "url"),
    ),
    title=N_("Progress updates"), new_title=N_("New progress update"), edit_title=N_("Edit progress update"),
    table="", with_list=False, redirect=lambda obj: f"/commitments/{obj.commitment_id}",
)

ASSESSMENTS = EntityPages(
    entity="assessment", path="/assessments", service=assessments,
    in_schema=s.AssessmentIn, patch_schema=s.AssessmentPatch,
    fields=(
        FormField("commitment_id", N_("Commitment"), "select", "commitments", required=True),
        FormField("working_group_id", N_("Working group"), "select", "working_groups"),
        FormField("date", N_("Date"), "date", required=True),
        FormField("rating", N_("Rating"), "select", "enum:completion", required=True),
        FormField("findings", N_("Findings"), "textarea"),
    ),
    title=N_("Assessments"), new_title=N_("New assessment"), edit_title=N_("Edit assessment"),
    table="", with_list=False, redirect=lambda obj: f"/commitments/{obj.commitment_id}",
)


def working_group_rows(db: DbSession, items: list[WorkingGroup]) -> dict[str, Any]:
    """Partnership names and how many assessments each group made: two bounded queries for the page."""
    ids = [g.id for g in items]
    counts = dict(db.execute(select(Assessment.working_group_id, func.count())
                             .where(Assessment.working_group_id.in_(ids))
                             .group_by(Assessment.working_group_id)).all()) if ids else {}
    return {"partnership_names": names(db, Partnership, [g.partnership_id for g in items]),
            "assessment_counts": counts}


WORKING_GROUPS = EntityPages(
    entity="working_group", path="/working-groups", service=working_groups,
    in_schema=s.WorkingGroupIn, patch_schema=s.WorkingGroupPatch,
    fields=(
        FormField("partnership_id", N_("Partnership"), "select", "partnerships", required=True, create_only=True),
        FormField("name", N_("Name"), required=True, wide=True),
        FormField("mandate", N_("Mandate"), "textarea", help=N_("What the joint committee asked the group to do.")),
    ),
    title=N_("Working groups"), new_title=N_("New working group"), edit_title=N_("Edit working group"),
    new_label=N_("New working group"), table="working_groups/_table.html", filters=("q", "partnership_id"),
    rows=working_group_rows,
)


def group_assessments(db: DbSession, group_id: int) -> tuple[list[Any], int]:
    """The assessments a working group made, newest first, each with its commitment's text (one bounded
    query), and how many there are in all."""
    where = Assessment.working_group_id == group_id
    total = db.scalar(select(func.count()).select_from(Assessment).where(where)) or 0
    rows = list(db.execute(
        select(Assessment.id, Assessment.date, Assessment.rating, Assessment.findings, Commitment.id.label("cid"),
               Commitment.text, Commitment.status, Commitment.completion)
        .join(Commitment, Assessment.commitment_id == Commitment.id).where(where)
        .order_by(Assessment.date.desc(), Assessment.id.desc()).limit(DETAIL_LIMIT)
    ).all())
    return rows, total


@router.get("/working-groups/{record_id:int}", response_class=HTMLResponse)
def working_group_detail(record_id: int, request: Request, db: DB) -> HTMLResponse:
    group = working_groups.get(db, record_id)
    reviews, total = group_assessments(db, record_id)
    return render(request, "working_groups/detail.html", {
        "g": group, "assessments": reviews, "assessment_total": total,
        "partnership_name": names(db, Partnership, [group.partnership_id]).get(group.partnership_id),
    })


@router.get("/commitments/{record_id:int}", response_class=HTMLResponse)
def commitment_detail(record_id: int, request: Request, db: DB) -> HTMLResponse:
    commitment = commitments.get(db, record_id)
    updates, _n = progress_updates.list(db, ListParams(commitment_id=record_id, limit=DETAIL_LIMIT))
    reviews, _n = assessments.list(db, ListParams(commitment_id=record_id, limit=DETAIL_LIMIT))
    return render(request, "commitments/detail.html", {
        "c": commitment, "progress": commitments.progress(db, commitment),
        "updates": updates, "assessments": reviews, "children": sub_commitments(db, record_id),
        "partnership_name": names(db, Partnership, [commitment.partnership_id]).get(commitment.partnership_id),
        "session": source_session(db, commitment.session_id),
        "agreement_title": names(db, Agreement, [commitment.agreement_id], "title").get(commitment.agreement_id),
        "parent_text": names(db, Commitment, [commitment.parent_id], "text").get(commitment.parent_id),
        "group_names": names(db, WorkingGroup, [a.working_group_id for a in reviews]),
    })


for _spec in (COMMITMENTS, PROGRESS_UPDATES, ASSESSMENTS, WORKING_GROUPS):
    add_list_and_form_routes(router, _spec)
