"""REST routes of joint funding calls (``/api/v1/calls``, ``/proposals``, ``/reviewers``, ``/reviews`` …)."""

import io
from decimal import Decimal
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response
from fastapi import Path as FastPath
from sqlalchemy import select

from sticoop.calls import evaluation
from sticoop.calls import schemas as s
from sticoop.calls.conflicts import find_conflicts
from sticoop.calls.models import Assignment, CallFunder, Consensus, Decision, Proposal, Reviewer
from sticoop.calls.report import summary_pdf
from sticoop.calls.service import (
    calls,
    conflicts,
    consensus,
    funders,
    proposals,
    reviewers,
    reviews,
)
from sticoop.core.api import DB, Actor, PathId, crud_router
from sticoop.core.downloads import attachment
from sticoop.core.errors import NotFound
from sticoop.core.principal import require_editor
from sticoop.core.spreadsheet import CsvWriter, xlsx_row

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

TAG = "calls"
router = APIRouter()
router.include_router(crud_router(calls, "/calls", s.CallOut, s.CallIn, s.CallPatch, TAG))
router.include_router(crud_router(funders, "/call-funders", s.FunderOut, s.FunderIn, s.FunderPatch, TAG))
router.include_router(crud_router(proposals, "/proposals", s.ProposalOut, s.ProposalIn, s.ProposalPatch, TAG))
router.include_router(crud_router(reviewers, "/reviewers", s.ReviewerOut, s.ReviewerIn, s.ReviewerPatch, TAG))
router.include_router(crud_router(consensus, "/consensus", s.ConsensusOut, s.ConsensusIn, s.ConsensusPatch, TAG))

#: what reviewers (members) write themselves: their reviews and declared conflicts
reviewer_router = APIRouter()
reviewer_router.include_router(crud_router(reviews, "/reviews", s.ReviewOut, s.ReviewIn, s.ReviewPatch, TAG))
reviewer_router.include_router(crud_router(conflicts, "/conflicts-of-interest", s.ConflictOut, s.ConflictIn,
                                           s.ConflictPatch, TAG))


@router.post("/calls/{record_id}/transitions", response_model=s.CallOut, tags=[TAG],
             summary="Move a call to its next status (draft → open → closed → under_evaluation)")
def transition(record_id: PathId, payload: s.CallTransitionIn, db: DB, actor: Actor) -> Any:
    return calls.transition(db, record_id, payload.to_status, payload.version, actor)


@router.post("/calls/{record_id}/funders", response_model=s.FunderOut, status_code=201, tags=[TAG],
             summary="Add a funder to a call (same rules as POST /call-funders)")
def add_call_funder(record_id: PathId, payload: s.CallFunderIn, db: DB, actor: Actor) -> Any:
    calls.get(db, record_id)
    return funders.create(db, s.FunderIn(call_id=record_id, **payload.model_dump()), actor)


@router.get("/calls/{record_id}/funders", response_model=list[s.FunderOut], tags=[TAG],
            summary="The funders of a call")
def call_funders(record_id: PathId, db: DB) -> Any:
    calls.get(db, record_id)
    return list(db.scalars(select(CallFunder).where(CallFunder.call_id == record_id).order_by(CallFunder.id)))


@router.get("/calls/{record_id}/rules", response_model=list[s.RuleSpecOut], tags=[TAG],
            summary="The eligibility rules of a call, with the call version they belong to")
def call_rules(record_id: PathId, db: DB) -> Any:
    call = calls.get(db, record_id)
    return [{**rule, "call_version": call.version} for rule in call.rules]


@router.put("/calls/{record_id}/rules", response_model=list[s.RuleSpecOut], tags=[TAG],
            summary="Replace a call's eligibility rules (a new call version; 409 on a stale version, 422 naming "
                    "a malformed rule)")
def put_call_rules(record_id: PathId, payload: s.RulesIn, db: DB, actor: Actor) -> Any:
    call = calls.update(db, record_id, s.CallPatch(version=payload.version, rules=payload.rules), actor)
    return [{**rule, "call_version": call.version} for rule in call.rules]


@router.get("/calls/{record_id}/conflicts", response_model=list[s.ConflictFound], tags=[TAG],
            summary="Every conflict of interest of the call's reviewers, declared and computed")
def call_conflicts(record_id: PathId, db: DB) -> Any:
    require_editor(db, "conflict reports", action="see")
    calls.get(db, record_id)
    found = find_conflicts(db, list(db.scalars(select(Proposal).where(Proposal.call_id == record_id))),
                           list(db.scalars(select(Reviewer).where(Reviewer.call_id == record_id))))
    return [vars(c) for c in found]


@router.post("/calls/{record_id}/assignments", response_model=s.AssignmentRunOut, tags=[TAG],
             summary="Assign reviewers to the eligible proposals (CP-SAT), replacing the previous assignment")
def run_assignments(record_id: PathId, db: DB, actor: Actor, payload: s.AssignmentRunIn | None = None) -> Any:
    result = evaluation.run_assignment(db, record_id, (payload or s.AssignmentRunIn()).time_limit, actor)
    return {**result, "items": [s.AssignmentOut.model_validate(a) for a in result["items"]]}


@router.get("/calls/{record_id}/assignments", response_model=list[s.AssignmentOut], tags=[TAG],
            summary="The reviewers assigned to the call's proposals")
def list_assignments(record_id: PathId, db: DB) -> Any:
    calls.get(db, record_id)
    require_editor(db, "the whole assignment", action="see")
    return list(db.scalars(select(Assignment).where(Assignment.call_id == record_id).order_by(Assignment.id)))


@router.get("/calls/{record_id}/ranking", response_model=s.RankingOut, tags=[TAG],
            summary="Proposals above every threshold by weighted total, ties broken by the call's chain; the others "
                    "apart")
def call_ranking(record_id: PathId, db: DB) -> Any:
    require_editor(db, "the ranking", action="see")
    return evaluation.ranking(db, record_id)


@router.post("/calls/{record_id}/decisions", response_model=list[s.DecisionOut], tags=[TAG],
             summary="Run the funding decision's budget walk on a call under evaluation; the call becomes decided")
def run_decisions(record_id: PathId, payload: s.DecisionRunIn, db: DB, actor: Actor) -> Any:
    return evaluation.decide(db, record_id, payload.version, actor)


@router.get("/calls/{record_id}/decisions", response_model=list[s.DecisionOut], tags=[TAG],
            summary="The funding decisions of a call, in ranking order")
def list_decisions(record_id: PathId, db: DB) -> Any:
    require_editor(db, "the funding decisions", action="see")
    calls.get(db, record_id)
    return list(db.scalars(select(Decision).where(Decision.call_id == record_id)
                           .order_by(Decision.rank.asc().nulls_last(), Decision.id)))


@router.post("/funding-decisions/{record_id}/project", response_model=s.ProjectMadeOut, status_code=201,
             tags=[TAG], summary="Turn a funded proposal into a project (partners, funders, per-funder budgets)")
def make_project(record_id: PathId, db: DB, actor: Actor) -> Any:
    return {"project_id": evaluation.make_project(db, record_id, actor), "decision_id": record_id}


@router.get("/proposals/{record_id}/eligibility", response_model=s.EligibilityOut, tags=[TAG],
            summary="Each eligibility rule of the call with pass/fail and the reason")
def proposal_eligibility(record_id: PathId, db: DB) -> Any:
    return evaluation.eligibility(db, proposals.get(db, record_id))


@router.post("/proposals/{record_id}/consensus", response_model=s.ConsensusOut, status_code=201, tags=[TAG],
             summary="Record the consensus report of a proposal (same rules as POST /consensus)")
def add_proposal_consensus(record_id: PathId, payload: s.ProposalConsensusIn, db: DB, actor: Actor) -> Any:
    proposals.get(db, record_id)
    return consensus.create(db, s.ConsensusIn(proposal_id=record_id, **payload.model_dump()), actor)


@router.get("/proposals/{record_id}/consensus", response_model=s.ConsensusOut, tags=[TAG],
            summary="The consensus report of a proposal")
def proposal_consensus(record_id: PathId, db: DB) -> Any:
    proposals.get(db, record_id)
    found = db.scalar(select(Consensus).where(Consensus.proposal_id == record_id))
    if found is None:
        raise NotFound(f"Proposal {record_id} has no consensus report yet")
    return found


@router.get("/calls/{record_id}/results.{fmt}", tags=[TAG], response_class=Response,
            summary="The call's results (decisions with each funder's share and shortfall) as CSV or XLSX",
            responses={200: {"content": {"text/csv": {}, XLSX: {}}}})
def call_results(record_id: PathId, fmt: Annotated[Literal["csv", "xlsx"], FastPath(
        description="csv (UTF-8 with BOM) or xlsx")], db: DB, lang: Annotated[str, Query(
        max_length=5, description="Language of the headers, outcomes and reasons: en, fr or vi (default en)")] = "en",
                 ) -> Response:
    require_editor(db, "the call's results", action="see")
    header, rows = evaluation.results_table(db, record_id, lang)
    name = f"call-{record_id}-results.{fmt}"
    if fmt == "csv":
        out = io.StringIO()
        writer = CsvWriter(out)
        writer.writerow(header)
        writer.writerows(rows)
        return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=attachment(name))
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("results")
    sheet.append(xlsx_row(sheet, header))
    for row in rows:
        sheet.append(xlsx_row(sheet, [float(v) if isinstance(v, Decimal) else v for v in row]))
    buffer = io.BytesIO()
    book.save(buffer)
    return Response(buffer.getvalue(), media_type=XLSX, headers=attachment(name))


@router.get("/proposals/{record_id}/summary.pdf", tags=[TAG], response_class=Response,
            summary="The proposal's evaluation summary report (eligibility, scores, decision) as PDF",
            responses={200: {"content": {"application/pdf": {}}}})
def proposal_summary(record_id: PathId, db: DB, lang: Annotated[str | None, Query(
        max_length=5, description="Language of the report: en, fr or vi (default: the language the applicants "
                                  "chose, the proposal's `language`)")] = None) -> Response:
    require_editor(db, "evaluation reports", action="see")
    pdf = summary_pdf(db, record_id, lang or proposals.get(db, record_id).language)
    return Response(pdf, media_type="application/pdf", headers=attachment(f"proposal-{record_id}-summary.pdf"))
