"""Pages of joint funding calls: the calls list and call page (funders with budget used and remaining, rules,
timeline, proposals), the proposal page with its eligibility report, the reviewer's inbox and scoring form, the
ranking table and the decision table explaining the budget walk. Actions (status, assignment, decision, project)
post to the same services as the API."""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession

from sticoop.calls import attachments, consensus_page, evaluation, reasons, setup_page
from sticoop.calls import schemas as s
from sticoop.calls.eligibility import reason_text
from sticoop.calls.forms import ALL as FORM_PAGES
from sticoop.calls.models import (
    Assignment,
    Call,
    CallFunder,
    ConflictOfInterest,
    Consensus,
    Decision,
    Proposal,
    Review,
    Reviewer,
)
from sticoop.calls.service import NEXT_STATUS, calls, proposals, reviewer_ids_of, reviews, visible_proposals
from sticoop.core.api import DB, Actor
from sticoop.core.errors import DomainError
from sticoop.core.i18n import Formatter
from sticoop.core.listing import ListParams
from sticoop.core.principal import require_editor
from sticoop.documents.models import Document, DocumentLink
from sticoop.documents.service import documents
from sticoop.partners.models import Organization, Person
from sticoop.web.crud_pages import add_list_and_form_routes
from sticoop.web.forms import domain_errors
from sticoop.web.lookups import names
from sticoop.web.render import formatter, render

router = APIRouter(include_in_schema=False)
#: reviewers and members post their scores through these routes (a looser write rule than the call's)
review_router = APIRouter(include_in_schema=False)
LIST_LIMIT = 200
for _spec in FORM_PAGES:
    add_list_and_form_routes(router, _spec)
router.include_router(consensus_page.router)
router.include_router(setup_page.router)
router.include_router(attachments.router)


@router.get("/calls", response_class=HTMLResponse)
def call_list(request: Request, db: DB) -> HTMLResponse:
    items, total = calls.list(db, ListParams(limit=LIST_LIMIT, sort="-id"))
    return render(request, "calls/list.html", {"items": items, "total": total})


@router.get("/proposals", response_class=HTMLResponse)
def proposal_list(request: Request, db: DB) -> HTMLResponse:
    """Every proposal the user may see (a reviewer: the ones assigned to it), newest first."""
    items, total = proposals.list(db, ListParams(limit=LIST_LIMIT, sort="-id"))
    return render(request, "calls/proposals.html", {
        "items": items, "total": total, "call_names": names(db, Call, [p.call_id for p in items], "title")})


def _call_page(request: Request, db: DbSession, call: Call, errors: dict[str, str] | None = None,
               status: int = 200, notice: dict[str, Any] | None = None) -> HTMLResponse:
    items = list(db.scalars(visible_proposals(db, select(Proposal).where(Proposal.call_id == call.id))
                            .order_by(Proposal.acronym).limit(LIST_LIMIT)))
    terms = evaluation.call_terms(db, call)
    eligible = {p.id: evaluation.eligibility(db, p, call, terms)["eligible"] for p in items}
    use = evaluation.funder_use(db, call.id)
    return render(request, "calls/detail.html", {
        "c": call, "proposals": items, "eligible": eligible, "funders": use, "errors": errors or {},
        "notice": notice, "local": lambda at: at.astimezone(ZoneInfo(call.timezone)),
        "next_status": NEXT_STATUS.get(call.status),  # type: ignore[call-overload]
        "org_names": names(db, Organization, [u["funder"].organization_id for u in use]),
        "reviewer_count": db.scalar(select(func.count(Reviewer.id)).where(Reviewer.call_id == call.id)) or 0,
        "reviewers": _call_reviewers(db, call.id) if reviewer_ids_of(db) is None else None,
        # the ranking and the decisions are the editors' (require_editor): others are not shown links they
        # would open on a 403
        "sees_evaluation": reviewer_ids_of(db) is None,
        "documents": _documents_of(db, "call", call.id),
    }, status)


def _documents_of(db: DbSession, entity_type: str, record_id: int) -> list[Document]:
    """The documents attached to a call or proposal (``POST /api/v1/documents/{id}/links``) that the reader may
    see, the first LIST_LIMIT."""
    query = select(Document).join(DocumentLink, DocumentLink.document_id == Document.id).where(
        DocumentLink.entity_type == entity_type, DocumentLink.entity_id == record_id)
    return list(db.scalars(documents.visible_query(db, query).order_by(Document.id).limit(LIST_LIMIT)))


def _call_reviewers(db: DbSession, call_id: int) -> list[tuple[Reviewer, str]]:
    """The call's reviewers with their names (the first LIST_LIMIT, by name), for those who manage the call."""
    return [(r, name) for r, name in db.execute(
        select(Reviewer, Person.name).join(Person, Person.id == Reviewer.person_id)
        .where(Reviewer.call_id == call_id).order_by(Person.name, Reviewer.id).limit(LIST_LIMIT))]


def _declared_conflicts(db: DbSession, proposal_id: int) -> list[tuple[ConflictOfInterest, str]]:
    """The conflicts declared on a proposal with the reviewer's name (bounded: one per reviewer of its call)."""
    return [(x, name) for x, name in db.execute(
        select(ConflictOfInterest, Person.name).join(Reviewer, Reviewer.id == ConflictOfInterest.reviewer_id)
        .join(Person, Person.id == Reviewer.person_id).where(ConflictOfInterest.proposal_id == proposal_id)
        .order_by(Person.name).limit(LIST_LIMIT))]


@router.get("/calls/{record_id:int}", response_class=HTMLResponse)
def call_detail(record_id: int, request: Request, db: DB) -> HTMLResponse:
    return _call_page(request, db, calls.get(db, record_id))


async def _form(request: Request) -> dict[str, str]:
    return {k: str(v) for k, v in (await request.form()).items()}


@router.post("/calls/{record_id:int}/transition", response_class=HTMLResponse)
async def call_transition(record_id: int, request: Request, db: DB, actor: Actor) -> Response:
    form = await _form(request)
    try:
        calls.transition(db, record_id, form.get("to_status", ""), int(form.get("version") or 0), actor)
    except (DomainError, ValueError) as exc:
        return _refused(request, db, record_id, exc)
    return RedirectResponse(f"/calls/{record_id}", status_code=303)


@router.post("/calls/{record_id:int}/assign", response_class=HTMLResponse)
async def call_assign(record_id: int, request: Request, db: DB, actor: Actor) -> Response:
    await _form(request)
    try:
        result = evaluation.run_assignment(db, record_id, 20.0, actor)
    except DomainError as exc:
        return _refused(request, db, record_id, exc)
    return _call_page(request, db, calls.get(db, record_id), notice=result)


@router.post("/calls/{record_id:int}/decide", response_class=HTMLResponse)
async def call_decide(record_id: int, request: Request, db: DB, actor: Actor) -> Response:
    form = await _form(request)
    try:
        evaluation.decide(db, record_id, int(form.get("version") or 0), actor)
    except (DomainError, ValueError) as exc:
        return _refused(request, db, record_id, exc)
    return RedirectResponse(f"/calls/{record_id}/decisions", status_code=303)


def refused(request: Request, db: DbSession, record_id: int, exc: Exception) -> HTMLResponse:
    """The call page again with the refusal (its status code, the message under the field it names)."""
    return _refused(request, db, record_id, exc)


def proposal_refused(request: Request, db: DbSession, record_id: int, exc: DomainError) -> HTMLResponse:
    """The proposal page again with the refusal (its status code, the message naming the field)."""
    db.rollback()
    return _proposal_page(request, db, record_id, domain_errors(exc, formatter(request)._), exc.status_code)


def _refused(request: Request, db: DbSession, record_id: int, exc: Exception) -> HTMLResponse:
    db.rollback()
    _ = formatter(request)._
    if isinstance(exc, DomainError):
        return _call_page(request, db, calls.get(db, record_id), domain_errors(exc, _), exc.status_code)
    return _call_page(request, db, calls.get(db, record_id), {"version": _("Reload the page and try again.")}, 422)


@router.get("/calls/{record_id:int}/ranking", response_class=HTMLResponse)
def call_ranking(record_id: int, request: Request, db: DB) -> HTMLResponse:
    require_editor(db, "the ranking", action="see")
    call = calls.get(db, record_id)
    table = evaluation.ranking(db, record_id)
    criterion_names = {c["key"]: c["name"] for c in call.criteria}
    return render(request, "calls/ranking.html", {
        "c": call, "table": table, "criterion_names": criterion_names,
        "tie_names": [criterion_names.get(k, k) for k in call.tie_break],
        "acronyms": dict(db.execute(select(Proposal.id, Proposal.acronym).where(Proposal.call_id == call.id)).all()),
    })


def budget_walk_rows(db: DbSession, call: Call) -> tuple[list[dict[str, Any]], list[CallFunder]]:
    """The decisions in ranking order, each with every funder's remaining budget after it, to explain the walk."""
    funders = list(db.scalars(select(CallFunder).where(CallFunder.call_id == call.id).order_by(CallFunder.id)))
    remaining = {f.id: Decimal(f.budget) for f in funders}
    rows = []
    found = db.execute(select(Decision, Proposal.acronym).join(Proposal, Proposal.id == Decision.proposal_id)
                       .where(Decision.call_id == call.id).order_by(Decision.rank.asc().nulls_last(), Decision.id))
    for decision, acronym in found:
        shares = {sh["funder_id"]: Decimal(sh["amount"]) for sh in decision.shares}
        if decision.outcome == "funded":
            for fid, amount in shares.items():
                remaining[fid] -= amount
        rows.append({"d": decision, "acronym": acronym, "shares": shares,
                     "lacking": {x["funder_id"]: Decimal(x["lacking"]) for x in decision.shortfalls},
                     "remaining": dict(remaining)})
    return rows, funders


def decision_reason(decision: Decision, funder_names: dict[int, str], fmt: Formatter,
                    criteria: list[dict[str, Any]]) -> str:
    """A decision's reason in the page's language, from its code and arguments (see :mod:`sticoop.calls.reasons`)."""
    return reasons.decision_text(decision.reason_code, decision.reason_args, fmt, funder_names, criteria)


@router.get("/calls/{record_id:int}/decisions", response_class=HTMLResponse)
def call_decisions(record_id: int, request: Request, db: DB) -> HTMLResponse:
    require_editor(db, "the funding decisions", action="see")
    call = calls.get(db, record_id)
    rows, funders = budget_walk_rows(db, call)
    org_names = names(db, Organization, [f.organization_id for f in funders])
    funder_names = {f.id: org_names.get(f.organization_id, "") for f in funders}
    fmt = formatter(request)
    return render(request, "calls/decisions.html", {
        "c": call, "rows": rows, "funders": funders, "org_names": org_names,
        "reason": lambda d: decision_reason(d, funder_names, fmt, call.criteria)})


@router.post("/funding-decisions/{record_id:int}/project", response_class=HTMLResponse)
async def decision_project(record_id: int, request: Request, db: DB, actor: Actor) -> Response:
    await _form(request)
    decision = db.get(Decision, record_id)
    try:
        project_id = evaluation.make_project(db, record_id, actor)
    except DomainError as exc:
        if decision is None:
            raise
        call_id = decision.call_id
        return _refused(request, db, call_id, exc)
    return RedirectResponse(f"/projects/{project_id}", status_code=303)


@router.get("/proposals/{record_id:int}", response_class=HTMLResponse)
def proposal_detail(record_id: int, request: Request, db: DB) -> HTMLResponse:
    return _proposal_page(request, db, record_id)


def _proposal_page(request: Request, db: DbSession, record_id: int, errors: dict[str, str] | None = None,
                   status: int = 200) -> HTMLResponse:
    p = proposals.get(db, record_id)  # a reviewer: only if assigned and without conflict (403 naming the rule)
    call = calls.get(db, p.call_id)
    mine = reviewer_ids_of(db)
    found = list(db.scalars(select(Review).where(Review.proposal_id == p.id)
                            .where(Review.reviewer_id.in_(mine) if mine is not None else Review.id.is_not(None))))
    agreed = db.scalar(select(Consensus).where(Consensus.proposal_id == p.id)) if mine is None else None
    decision = db.scalar(select(Decision).where(Decision.proposal_id == p.id))
    funders = {f.id: f for f in db.scalars(select(CallFunder).where(CallFunder.call_id == call.id))}
    return render(request, "calls/proposal.html", {
        "p": p, "c": call, "report": evaluation.eligibility(db, p, call), "reviews": found, "consensus": agreed,
        "reason": lambda r: reason_text(r["code"], r["args"], formatter(request)._, formatter(request).country),
        "decision_reason": lambda d: decision_reason(d, _funder_names(db, funders), formatter(request), call.criteria),
        "decision": decision, "funders": funders, "is_reviewer": bool(mine),
        "conflicts": _declared_conflicts(db, p.id) if mine is None else None,
        "documents": _documents_of(db, "proposal", p.id), "errors": errors or {},
        "pdf_pages": evaluation.pdf_pages(db, p.document_id) if p.document_id else None,
        "org_names": names(db, Organization, [a.organization_id for a in p.partners]
                           + [f.organization_id for f in funders.values()]),
        "reviewer_names": _reviewer_names(db, [r.reviewer_id for r in found]
                                          + ([agreed.rapporteur_id] if agreed else [])),
    }, status)


def _funder_names(db: DbSession, funders: dict[int, CallFunder]) -> dict[int, str]:
    org_names = names(db, Organization, [f.organization_id for f in funders.values()])
    return {fid: org_names.get(f.organization_id, "") for fid, f in funders.items()}


def _reviewer_names(db: DbSession, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = db.execute(select(Reviewer.id, Person.name).join(Person, Person.id == Reviewer.person_id)
                      .where(Reviewer.id.in_(set(ids))))
    return {rid: name for rid, name in rows}


@review_router.get("/reviews/inbox", response_class=HTMLResponse)
def inbox(request: Request, db: DB) -> HTMLResponse:
    """The signed-in reviewer's assigned proposals it may open (none it is in conflict with), with whether each is
    scored yet."""
    mine = reviewer_ids_of(db) or []
    rows = []
    if mine:
        assigned: Any = select(Assignment, Proposal).join(Proposal, Proposal.id == Assignment.proposal_id).where(
            Assignment.reviewer_id.in_(mine))
        found = db.execute(visible_proposals(db, assigned).order_by(Proposal.acronym).limit(LIST_LIMIT))
        done = set(db.execute(select(Review.proposal_id, Review.reviewer_id).where(Review.reviewer_id.in_(mine))))
        rows = [{"a": a, "p": p, "done": (p.id, a.reviewer_id) in done} for a, p in found]
    return render(request, "calls/inbox.html", {"rows": rows})


def _scoring_page(request: Request, db: DbSession, proposal_id: int, errors: dict[str, str] | None = None,
                  values: dict[str, str] | None = None, status: int = 200) -> HTMLResponse:
    p = proposals.get(db, proposal_id)
    call = calls.get(db, p.call_id)
    mine = reviewer_ids_of(db) or []
    assigned = db.scalar(select(Assignment).where(Assignment.proposal_id == p.id, Assignment.reviewer_id.in_(mine)))
    existing = db.scalar(select(Review).where(Review.proposal_id == p.id, Review.reviewer_id.in_(mine)))
    if values is None:
        values = {k: str(v) for k, v in (existing.scores if existing else {}).items()}
        values["comments"] = existing.comments or "" if existing else ""
    return render(request, "calls/score.html", {
        "p": p, "c": call, "assigned": assigned, "existing": existing, "errors": errors or {}, "values": values,
        "steps": [x / 2 for x in range(11)]}, status)


@review_router.get("/proposals/{record_id:int}/review", response_class=HTMLResponse)
def scoring_form(record_id: int, request: Request, db: DB) -> HTMLResponse:
    return _scoring_page(request, db, record_id)


@review_router.post("/proposals/{record_id:int}/review", response_class=HTMLResponse)
async def scoring_save(record_id: int, request: Request, db: DB, actor: Actor) -> Response:
    form = await _form(request)
    p = proposals.get(db, record_id)
    call = calls.get(db, p.call_id)
    mine = reviewer_ids_of(db) or []
    scores = {c["key"]: form.get(c["key"], "") for c in call.criteria}
    comments = form.get("comments") or None
    existing = db.scalar(select(Review).where(Review.proposal_id == p.id, Review.reviewer_id.in_(mine)))
    try:
        if existing is None:
            if not mine:
                raise DomainError("Only a reviewer of this call can score it (rule: only assigned reviewers review)")
            reviews.create(db, s.ReviewIn(proposal_id=p.id, reviewer_id=mine[0], scores=scores, comments=comments),
                           actor)
        else:
            reviews.update(db, existing.id, s.ReviewPatch(version=int(form.get("version") or existing.version),
                                                          scores=scores, comments=comments), actor)
    except DomainError as exc:
        db.rollback()
        return _scoring_page(request, db, record_id, domain_errors(exc, formatter(request)._), form,
                             exc.status_code if exc.status_code >= 400 else 422)
    return RedirectResponse("/reviews/inbox", status_code=303)
