"""From proposals to decisions: eligibility reports, the assignment run, the ranking, the budget walk and the
project a funded proposal becomes. Each function is one step of one transaction (the caller commits)."""

from __future__ import annotations

import io
from datetime import UTC
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from sticoop.calls import assignment as solver
from sticoop.calls import eligibility as rules
from sticoop.calls import reasons, scoring
from sticoop.calls.conflicts import find_conflicts
from sticoop.calls.models import (
    Assignment,
    Call,
    CallFunder,
    CallStatus,
    Consensus,
    Decision,
    Outcome,
    Proposal,
    ProposalPartner,
    ProposalStatus,
    Review,
    Reviewer,
)
from sticoop.calls.service import calls, decisions, proposals, require_every_partnership
from sticoop.core.crud import flush, touch
from sticoop.core.errors import Conflict, ValidationFailed
from sticoop.core.i18n import SUPPORTED_LOCALES, Formatter
from sticoop.core.labels import LABELS, N_
from sticoop.core.models import table_of
from sticoop.core.principal import require_editor


def call_terms(db: Session, call: Call) -> rules.CallTerms:
    """The plain terms the eligibility rules read of a call (one query for its funders)."""
    from sticoop.partners.models import Organization

    rows = db.execute(select(CallFunder, Organization.name).join(
        Organization, Organization.id == CallFunder.organization_id).where(CallFunder.call_id == call.id))
    funders = {f.id: rules.FunderTerms(f.id, name, f.country_code, f.currency, f.funds_own_nationals_only,
                                       dict(f.extra_rules or {})) for f, name in rows}
    return rules.CallTerms(call.closes_at, funders, call.page_limit)


def pdf_pages(db: Session, document_id: int | None) -> int | None:
    """Pages of a stored PDF (pypdf), or None when there is no document or it is not a readable PDF."""
    if document_id is None:
        return None
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    from sticoop.documents.models import Document
    from sticoop.documents.service import documents

    doc = db.get(Document, document_id)
    if doc is None:
        return None
    try:
        return len(PdfReader(io.BytesIO(documents.content(doc))).pages)
    except (PdfReadError, ValueError, OSError):
        return None


def submission(db: Session, p: Proposal, pages: int | None = None) -> rules.Submission:
    """The plain values the rules read of a proposal; ``pages`` counted from its PDF unless given."""
    missing = [name for name, value in (("acronym", p.acronym), ("title", p.title), ("abstract", p.abstract),
                                        ("topic", p.topic), ("consortium", p.partners)) if not value]
    if p.status == ProposalStatus.draft:
        missing.append("submission")
    partners = tuple(rules.Applicant(a.organization_id, a.country_code, a.role, a.funder_id, Decimal(a.budget),
                                     a.currency) for a in p.partners)
    return rules.Submission(partners, p.trl, p.submitted_at, tuple(missing),
                            pages if pages is not None else pdf_pages(db, p.document_id))


def eligibility(db: Session, proposal: Proposal, call: Call | None = None,
                terms: rules.CallTerms | None = None) -> dict[str, Any]:
    """A proposal's eligibility report: ``{"proposal_id", "call_version", "eligible", "rules": [{kind, params,
    passed, reason, code, args}]}`` (``code`` and ``args``: the reason as data, see ``eligibility.REASONS``)."""
    call = call or calls.get(db, proposal.call_id)
    results = rules.evaluate(call.rules, submission(db, proposal), terms or call_terms(db, call))
    return {"proposal_id": proposal.id, "call_version": call.version, "eligible": rules.eligible(results),
            "rules": [{"kind": r.kind, "params": r.params, "passed": r.passed, "reason": r.reason, "code": r.code,
                       "args": r.args} for r in results]}


def _proposals_of(db: Session, call_id: int) -> list[Proposal]:
    return list(db.scalars(select(Proposal).where(Proposal.call_id == call_id).order_by(Proposal.id)))


def call_submissions(db: Session, call_id: int) -> dict[int, tuple[str, rules.Submission]]:
    """proposal id → (status, the values the rules read), for every proposal of the call, read with two plain
    column queries (no ORM objects: 5,000 proposals in well under a second, see ``benchmarks/calls.py``)."""
    p, a = table_of(Proposal), table_of(ProposalPartner)
    partners: dict[int, list[rules.Applicant]] = {}
    for m in db.execute(select(a.c.proposal_id, a.c.organization_id, a.c.country_code, a.c.role,
                                    a.c.funder_id, a.c.budget, a.c.currency)
                             .join(p, p.c.id == a.c.proposal_id).where(p.c.call_id == call_id).order_by(a.c.id)):
        partners.setdefault(m[0], []).append(rules.Applicant(m[1], m[2], m[3], m[4], Decimal(m[5]), m[6]))
    out = {}
    for row in db.execute(select(p.c.id, p.c.status, p.c.acronym, p.c.title, p.c.abstract, p.c.topic, p.c.trl,
                                      p.c.submitted_at, p.c.document_id).where(p.c.call_id == call_id)):
        members = tuple(partners.get(row.id, ()))
        missing = [name for name, value in (("acronym", row.acronym), ("title", row.title),
                                            ("abstract", row.abstract), ("topic", row.topic),
                                            ("consortium", members)) if not value]
        if row.status == ProposalStatus.draft:
            missing.append("submission")
        at = row.submitted_at
        if at is not None and at.tzinfo is None:  # SQLite keeps no zone: stored as UTC
            at = at.replace(tzinfo=UTC)
        out[row.id] = (row.status, rules.Submission(members, row.trl, at, tuple(missing),
                                                    pdf_pages(db, row.document_id)))
    return out


Why = tuple[str, dict[str, Any]]
"""A reason as data: a code of :data:`sticoop.calls.reasons.DECISION_REASONS` and its arguments."""


def _eligible(db: Session, call: Call) -> tuple[list[int], dict[int, Why]]:
    """The ids of the call's submitted, eligible proposals, and for the others why they are left out (a reason
    code and its arguments, see :mod:`sticoop.calls.reasons`)."""
    terms = call_terms(db, call)
    keep: list[int] = []
    excluded: dict[int, Why] = {}
    for pid, (status, values) in sorted(call_submissions(db, call.id).items()):
        if status in (ProposalStatus.draft, ProposalStatus.withdrawn):
            excluded[pid] = ("not_submitted", {"status": str(status)})
            continue
        results = rules.evaluate(call.rules, values, terms)
        if rules.eligible(results):
            keep.append(pid)
        else:
            excluded[pid] = ("ineligible", {"rules": [{"kind": r.kind, "code": r.code, "args": r.args}
                                                      for r in results if not r.passed]})
    return keep, excluded


def _english(excluded: dict[int, Why]) -> dict[int, str]:
    """The reasons in English (the API's and the CLI's words)."""
    return {pid: reasons.render(code, args) for pid, (code, args) in excluded.items()}


def _load(db: Session, ids: list[int]) -> list[Proposal]:
    found: list[Proposal] = []
    for start in range(0, len(ids), 500):
        found += db.scalars(select(Proposal).where(Proposal.id.in_(ids[start:start + 500])))
    return sorted(found, key=lambda p: p.id)


def run_assignment(db: Session, call_id: int, time_limit: float, actor: str) -> dict[str, Any]:
    """Assign reviewers to the call's eligible proposals (CP-SAT, see ``calls.assignment``), replacing the
    previous assignment. Refused (409) before the call closes, after it is decided, or once reviews exist."""
    call = calls.get(db, call_id)
    require_editor(db, "assignments")
    require_every_partnership(db, call)
    if call.status not in (CallStatus.closed, CallStatus.under_evaluation):
        raise Conflict(f"The call is {call.status}; reviewers are assigned once it is closed and until it is decided "
                       "(rule: assignment after the deadline)", field="call_id")
    done = db.scalar(select(Review.id).join(Proposal, Proposal.id == Review.proposal_id)
                          .where(Proposal.call_id == call.id).limit(1))
    if done is not None:
        raise Conflict("Reviews have been written for this call; the assignment can no longer be replaced",
                       field="call_id")
    kept, excluded = _eligible(db, call)
    papers = _load(db, kept)
    pool = list(db.scalars(select(Reviewer).where(Reviewer.call_id == call.id).order_by(Reviewer.id)))
    if not pool:
        raise ValidationFailed("The call has no reviewers (POST /api/v1/reviewers)", field="call_id")
    conflicted: dict[int, set[int]] = {}
    for c in find_conflicts(db, papers, pool):
        conflicted.setdefault(c.proposal_id, set()).add(c.reviewer_id)
    solution = solver.solve(
        [solver.Paper(p.id, frozenset([*p.field_keys, *([p.topic] if p.topic else [])]),
                      frozenset(conflicted.get(p.id, ()))) for p in papers],
        [solver.Candidate(r.id, frozenset(r.expertise), r.max_load) for r in pool],
        n=call.reviewers_per_proposal, time_limit=time_limit)
    db.execute(delete(Assignment).where(Assignment.call_id == call.id))
    made = [Assignment(call_id=call.id, proposal_id=pid, reviewer_id=rid, expertise_score=w, created_by=actor,
                       updated_by=actor) for pid, rid, w in solution.pairs]
    db.add_all(made)
    flush(db, "The assignment")
    return {"status": solution.status, "assigned": len(made), "max_load": solution.max_load,
            "seconds": round(solution.seconds, 3), "short": solution.short, "excluded": _english(excluded),
            "items": made}


def ranking(db: Session, call_id: int) -> dict[str, Any]:
    """The call's ranking: ``{"ranked", "below_threshold", "not_ranked": {id: why in English}, "not_ranked_codes":
    {id: (reason code, arguments)}}`` from the consensus scores of its eligible proposals (see
    :func:`sticoop.calls.scoring.rank`)."""
    call = calls.get(db, call_id)
    kept, excluded = _eligible(db, call)
    found = {pid: (acronym, scores) for pid, acronym, scores in db.execute(
        select(Proposal.id, Proposal.acronym, Consensus.scores).join(Consensus, Consensus.proposal_id == Proposal.id)
        .where(Proposal.call_id == call.id))}
    scored = []
    for pid in kept:
        if pid in found:
            scored.append(scoring.Scored(pid, found[pid][0], found[pid][1]))
        else:
            excluded[pid] = ("no_consensus", {})
    above, below = scoring.rank(scored, call.criteria, float(call.overall_threshold), call.tie_break)
    line = lambda r: {"proposal_id": r.proposal_id, "acronym": r.acronym, "rank": r.rank,  # noqa: E731
                      "scores": r.scores, "total": r.total, "weighted_total": r.weighted_total, "failing": r.failing}
    return {"call_id": call.id, "tie_break": call.tie_break, "ranked": [line(r) for r in above],
            "below_threshold": [line(r) for r in below], "not_ranked": _english(excluded),
            "not_ranked_codes": excluded}


def decide(db: Session, call_id: int, version: int, actor: str) -> list[Decision]:
    """The funding decision: walk the ranking and fund a proposal only if every funder involved can pay its
    own applicants' share from its remaining budget; the others above threshold form the reserve list with
    which funder lacked how much. Refused (409) unless the call is under evaluation; the call becomes decided
    and each proposal funded, reserve or not_funded, all audited, in one transaction."""
    call = calls.get(db, call_id)
    require_editor(db, "funding decisions")
    require_every_partnership(db, call)
    calls.check_version(call, version)
    if call.status != CallStatus.under_evaluation:
        raise Conflict(f"The call is {call.status}; a funding decision needs a call under evaluation (rule: "
                       "decide after evaluation)", field="call_id")
    table = ranking(db, call_id)
    budgets = {f.id: Decimal(f.budget) for f in db.scalars(select(CallFunder).where(
        CallFunder.call_id == call.id))}
    currency = {f.id: f.currency for f in db.scalars(select(CallFunder).where(CallFunder.call_id == call.id))}
    names = {f.id: f.name for f in call_terms(db, call).funders.values()}
    by_id = {p.id: p for p in _proposals_of(db, call.id)}
    walk = scoring.budget_walk([(r["proposal_id"], r["rank"], _shares(by_id[r["proposal_id"]]))
                                for r in table["ranked"]], budgets)
    made = []
    crit = {c["key"]: c["name"] for c in call.criteria}

    def decision(pid: int, outcome: Outcome, code: str, args: dict[str, Any], **more: Any) -> Decision:
        english = reasons.render(code, args, funder_names=names, criterion_names=crit)
        return Decision(call_id=call.id, proposal_id=pid, outcome=outcome, reason=english[:1000], reason_code=code,
                        reason_args=args, **more)

    for w in walk:
        shares = [{"funder_id": f, "amount": str(a), "currency": currency[f]} for f, a in w.shares.items()]
        if w.funded:
            made.append(decision(w.proposal_id, Outcome.funded, "funded", {}, rank=w.rank, shares=shares))
            continue
        lacking = [{"funder_id": f, "lacking": str(a), "currency": currency[f]} for f, a in w.shortfalls.items()]
        made.append(decision(w.proposal_id, Outcome.reserve, "reserve", {"lacking": [
            {"funder_id": f, "amount": str(a), "currency": currency[f]} for f, a in w.shortfalls.items()]},
            rank=w.rank, shares=shares, shortfalls=lacking))
    for line in table["below_threshold"]:
        made.append(decision(line["proposal_id"], Outcome.below_threshold, "below_threshold",
                             {"failing": list(line["failing"])}))
    for pid, (code, args) in table["not_ranked_codes"].items():
        outcome = Outcome.not_evaluated if code == "no_consensus" else Outcome.ineligible
        made.append(decision(pid, outcome, code, args))
    status = {Outcome.funded: ProposalStatus.funded, Outcome.reserve: ProposalStatus.reserve}
    for d in made:
        d.created_by = d.updated_by = actor
        p = by_id[d.proposal_id]
        new = status.get(Outcome(d.outcome), ProposalStatus.not_funded)
        if p.status not in (ProposalStatus.draft, ProposalStatus.withdrawn) and p.status != new:
            p.status = new
            touch(p, actor)
    db.add_all(made)
    call.status = CallStatus.decided
    touch(call, actor)
    flush(db, "The decision")
    return made


def _shares(p: Proposal) -> dict[int, Decimal]:
    """funder id → what it pays this proposal's applicants (the sum of their budgets)."""
    out: dict[int, Decimal] = {}
    for a in p.partners:
        if a.funder_id is not None:
            out[a.funder_id] = out.get(a.funder_id, Decimal(0)) + Decimal(a.budget)
    return out


def funder_use(db: Session, call_id: int) -> list[dict[str, Any]]:
    """Each funder of the call with its budget, what the funded proposals use of it and what remains."""
    used: dict[int, Decimal] = {}
    for d in db.scalars(select(Decision).where(Decision.call_id == call_id, Decision.outcome == Outcome.funded)):
        for s in d.shares:
            used[s["funder_id"]] = used.get(s["funder_id"], Decimal(0)) + Decimal(s["amount"])
    out = []
    for f in db.scalars(select(CallFunder).where(CallFunder.call_id == call_id).order_by(CallFunder.id)):
        spent = used.get(f.id, Decimal(0))
        out.append({"funder": f, "used": spent, "remaining": Decimal(f.budget) - spent})
    return out


def make_project(db: Session, decision_id: int, actor: str) -> int:
    """The project a funded proposal becomes: its applicants as partners with the budget each receives, the
    funders as funder partners with what each pays (``project_partners.amount``/``currency``); returns the
    project id. 409 when the proposal is not funded or already a project."""
    from sticoop.projects.models import ProjectStatus
    from sticoop.projects.schemas import ProjectIn
    from sticoop.projects.service import projects

    d = decisions.get(db, decision_id)
    require_editor(db, "projects")
    if d.outcome != Outcome.funded:
        raise Conflict(f"Proposal {d.proposal_id} was not funded ({d.outcome}); only a funded proposal becomes a "
                       "project", field="decision_id")
    if d.project_id is not None:
        raise Conflict(f"Proposal {d.proposal_id} is already project {d.project_id}", field="decision_id")
    p = proposals.get(db, d.proposal_id)
    call = calls.get(db, p.call_id)
    funders = {f.id: f for f in db.scalars(select(CallFunder).where(CallFunder.call_id == call.id))}
    currencies = {s["currency"] for s in d.shares}
    partners = [{"organization_id": a.organization_id, "role": a.role,
                 **({"amount": Decimal(a.budget), "currency": a.currency} if a.currency else {})} for a in p.partners]
    seen = {a["organization_id"] for a in partners}
    for s in d.shares:
        f = funders[s["funder_id"]]
        if f.organization_id not in seen:
            seen.add(f.organization_id)
            partners.append({"organization_id": f.organization_id, "role": "funder",
                             "amount": Decimal(s["amount"]), "currency": s["currency"]})
    budget = sum((Decimal(s["amount"]) for s in d.shares), Decimal(0)) if len(currencies) == 1 else None
    data = ProjectIn(title=p.title, partnership_id=call.partnership_id, programme_id=call.programme_id,
                     budget=budget, currency=currencies.pop() if budget is not None else None,
                     status=ProjectStatus.approved, field_keys=p.field_keys, partners=partners,
                     description=f"{p.acronym} — {call.title}\n\n{p.abstract or ''}", allow_duplicate=True)
    project = projects.create(db, data, actor)
    d.project_id = project.id
    touch(d, actor)
    flush(db, "The project")
    return project.id


RESULT_WORDS = {"rank": N_("Rank"), "acronym": N_("Acronym"), "title": N_("Title"), "outcome": N_("Outcome"),
                "reason": N_("Reason"), "share": N_("%(funder)s share (%(currency)s)"),
                "lacking": N_("%(funder)s lacking (%(currency)s)")}


def results_table(db: Session, call_id: int, locale: str = "en") -> tuple[list[str], list[list[Any]]]:
    """The call's results for a spreadsheet in ``locale`` (en, fr or vi): a header and one row per decision in
    ranking order — rank, acronym, title, outcome, reason (both in the language), then per funder (by organisation
    name) its share and what it lacked (in its currency)."""
    from sticoop.partners.models import Organization

    if locale not in SUPPORTED_LOCALES:
        raise ValidationFailed(f"lang must be one of {', '.join(SUPPORTED_LOCALES)}", field="lang")
    fmt = Formatter(locale)
    _ = fmt._
    call = calls.get(db, call_id)
    funders = list(db.execute(select(CallFunder, Organization.name).join(
        Organization, Organization.id == CallFunder.organization_id).where(CallFunder.call_id == call.id)
        .order_by(CallFunder.id)))
    funder_names = {f.id: name for f, name in funders}
    header = [_(RESULT_WORDS[k]) for k in ("rank", "acronym", "title", "outcome", "reason")]
    for f, name in funders:
        header += [_(RESULT_WORDS[k]) % {"funder": name, "currency": f.currency} for k in ("share", "lacking")]
    outcomes = LABELS.get("decision_outcome", {})
    rows = []
    found = db.execute(select(Decision, Proposal.acronym, Proposal.title).join(
        Proposal, Proposal.id == Decision.proposal_id).where(Decision.call_id == call.id)
        .order_by(Decision.rank.asc().nulls_last(), Proposal.acronym))
    for d, acronym, title in found:
        shares = {s["funder_id"]: Decimal(s["amount"]) for s in d.shares}
        lacking = {s["funder_id"]: Decimal(s["lacking"]) for s in d.shortfalls}
        why = reasons.decision_text(d.reason_code, d.reason_args, fmt, funder_names, call.criteria)
        row: list[Any] = [d.rank, acronym, title, _(outcomes.get(d.outcome, d.outcome)), why]
        for f, _name in funders:
            row += [shares.get(f.id), lacking.get(f.id)]
        rows.append(row)
    return header, rows
