"""The consensus form of a proposal: the rapporteur (one of its assigned reviewers), the final score of each
criterion beside the range of the individual reviews, and the justification the service requires when a final
score lies outside that range. It saves through the same service as ``POST /api/v1/proposals/{id}/consensus``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sticoop.calls import schemas as s
from sticoop.calls.models import Assignment, Consensus, Review, Reviewer
from sticoop.calls.service import calls, consensus, proposals
from sticoop.core.api import DB, Actor
from sticoop.core.errors import DomainError
from sticoop.core.principal import require_editor
from sticoop.partners.models import Person
from sticoop.web.forms import FORM_ERROR, domain_errors
from sticoop.web.render import formatter, render

router = APIRouter(include_in_schema=False)
#: what the form shows for each input name besides the criteria
LABELS = {"rapporteur_id": "Rapporteur", "justification": "Justification", "scores": "Scores"}


def review_ranges(db: DbSession, proposal_id: int) -> dict[str, tuple[float, float]]:
    """Criterion key → (lowest, highest) score of the proposal's individual reviews (one query)."""
    ranges: dict[str, tuple[float, float]] = {}
    for scores in db.scalars(select(Review.scores).where(Review.proposal_id == proposal_id)):
        for key, value in scores.items():
            low, high = ranges.get(key, (value, value))
            ranges[key] = (min(low, value), max(high, value))
    return ranges


def _page(request: Request, db: DbSession, proposal_id: int, values: dict[str, str] | None = None,
          errors: dict[str, str] | None = None, status: int = 200) -> HTMLResponse:
    require_editor(db, "consensus reports")
    p = proposals.get(db, proposal_id)
    call = calls.get(db, p.call_id)
    existing = db.scalar(select(Consensus).where(Consensus.proposal_id == p.id))
    rapporteurs = list(db.execute(select(Reviewer.id, Person.name).join(Person, Person.id == Reviewer.person_id)
                                  .join(Assignment, Assignment.reviewer_id == Reviewer.id)
                                  .where(Assignment.proposal_id == p.id).order_by(Person.name)))
    if values is None:
        values = {k: str(v) for k, v in (existing.scores if existing else {}).items()}
        values["rapporteur_id"] = str(existing.rapporteur_id) if existing else ""
        values["justification"] = (existing.justification or "") if existing else ""
    _ = formatter(request)._
    names = {c["key"]: c["name"] for c in call.criteria} | {k: _(v) for k, v in LABELS.items()}
    summary = [{"label": None if k == FORM_ERROR else names.get(k, k), "message": m,
                "anchor": f"c-{k}" if k in names else None} for k, m in (errors or {}).items()]
    return render(request, "calls/consensus.html", {
        "p": p, "c": call, "existing": existing, "rapporteurs": rapporteurs, "values": values,
        "errors": errors or {}, "summary": summary, "ranges": review_ranges(db, p.id),
        "steps": [x / 2 for x in range(11)]}, status)


@router.get("/proposals/{record_id:int}/consensus", response_class=HTMLResponse)
def consensus_form(record_id: int, request: Request, db: DB) -> HTMLResponse:
    return _page(request, db, record_id)


def _payload(form: dict[str, str], criteria: list[dict[str, Any]]) -> dict[str, Any]:
    rapporteur = form.get("rapporteur_id", "")
    return {"rapporteur_id": int(rapporteur) if rapporteur.isdigit() else None,
            "scores": {c["key"]: form.get(c["key"], "") for c in criteria},
            "justification": form.get("justification", "").strip() or None}


@router.post("/proposals/{record_id:int}/consensus", response_class=HTMLResponse)
async def consensus_save(record_id: int, request: Request, db: DB, actor: Actor) -> Response:
    form = {k: str(v) for k, v in (await request.form()).items()}
    p = proposals.get(db, record_id)
    call = calls.get(db, p.call_id)
    data = _payload(form, call.criteria)
    _ = formatter(request)._
    if data["rapporteur_id"] is None:
        return _page(request, db, record_id, form, {"rapporteur_id": _("This field is required.")}, 422)
    existing = db.scalar(select(Consensus).where(Consensus.proposal_id == p.id))
    try:
        if existing is None:
            consensus.create(db, s.ConsensusIn(proposal_id=p.id, **data), actor)
        else:
            version = form.get("version", "")
            consensus.update(db, existing.id, s.ConsensusPatch(
                version=int(version) if version.isdigit() else existing.version, **data), actor)
    except DomainError as exc:
        db.rollback()
        return _page(request, db, record_id, form, domain_errors(exc, _),
                     exc.status_code if exc.status_code in (409, 422) else 422)
    return RedirectResponse(f"/proposals/{p.id}", status_code=303)
