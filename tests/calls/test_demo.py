"""The demo call: three funders, eight proposals, an ineligible consortium, a conflicted reviewer kept away, and a
high-ranked proposal left in reserve because the Vietnamese funder is out of budget."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from sticoop.calls.conflicts import find_conflicts
from sticoop.calls.models import Assignment, Call, CallFunder, Decision, Proposal, Reviewer
from sticoop.demo.data import load_demo


def test_the_demo_call_is_decided_as_the_story_says(db: Session) -> None:
    load_demo(db)
    db.flush()
    call = db.scalars(select(Call)).one()
    assert call.status == "decided" and len(db.scalars(select(CallFunder)).all()) == 3
    outcome = {p.acronym: d for d, p in db.execute(select(Decision, Proposal).join(Proposal))}
    assert len(outcome) == 8
    small = outcome["SMALL"]
    assert small.outcome == "ineligible" and small.reason_code == "ineligible"
    assert {r["kind"] for r in small.reason_args["rules"]} == {"distinct_countries", "region_quota"}
    rice = outcome["RICE-GEN"]
    assert rice.outcome == "reserve" and rice.rank == 2
    vietnam = db.scalars(select(CallFunder).where(CallFunder.country_code == "VNM")).one()
    assert rice.shortfalls == [{"funder_id": vietnam.id, "lacking": "1000000000.00", "currency": "VND"}]
    assert (rice.reason_code, rice.reason_args) == (
        "reserve", {"lacking": [{"funder_id": vietnam.id, "amount": "1000000000.00", "currency": "VND"}]})
    assert outcome["MEKONG-AI"].outcome == "funded" and outcome["COAST"].outcome == "funded"
    conflicts = find_conflicts(db, list(db.scalars(select(Proposal))), list(db.scalars(select(Reviewer))))
    assert {(c.rule, c.proposal_id) for c in conflicts} == {("same_organisation", outcome["WATER"].proposal_id),
                                                             ("declared", outcome["HEALTH-SEA"].proposal_id)}
    for c in conflicts:
        assert db.scalar(select(Assignment).where(Assignment.reviewer_id == c.reviewer_id,
                                                  Assignment.proposal_id == c.proposal_id)) is None
