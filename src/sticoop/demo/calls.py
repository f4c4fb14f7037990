"""Demo joint call: a SEA–EU-JFS-like call with three funders (Belgian, Vietnamese, Thai; fictional budgets),
eight proposals (one ineligible consortium, one evaluated by a panel with a conflicted reviewer kept away, one
ranking high but not funded because the Vietnamese funder is out of budget), reviews, consensus and the decision.
Everything goes through the services, so it obeys every rule; the caller commits."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from sticoop.calls import evaluation
from sticoop.calls import schemas as cs
from sticoop.calls.eligibility import JFS_RULES
from sticoop.calls.service import calls, conflicts, consensus, funders, proposals, reviewers, reviews
from sticoop.partners import schemas as par
from sticoop.partners.service import organizations, people

ACTOR = "demo"
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
CURRENCY = {"BEL": "EUR", "VNM": "VND", "THA": "THB"}

#: acronym, title, topic, fields, [(organisation key, country, role, budget)], consensus scores (exc, imp, impl)
PROPOSALS: list[tuple[str, str, str, list[str], list[tuple[str, str, str, int]], tuple[float, float, float]]] = [
    ("MEKONG-AI", "Machine learning for salinity forecasts in the Mekong delta", "Climate adaptation",
     ["ai", "water_resources"], [("liege", "BEL", "coordinator", 200_000), ("cantho", "VNM", "partner", 3_000_000_000),
                                 ("chula", "THA", "partner", 3_000_000)], (5, 4.5, 4.5)),
    ("RICE-GEN", "Salt-tolerant rice varieties from gene editing", "Food security",
     ["biotechnology", "agriculture"], [("kasetsart", "THA", "coordinator", 4_000_000),
                                        ("hust", "VNM", "partner", 4_000_000_000),
                                        ("leuven", "BEL", "partner", 150_000)], (4.5, 4.5, 4.5)),
    ("COAST", "Nature-based protection of eroding coasts", "Climate adaptation",
     ["environment", "marine"], [("hust", "VNM", "coordinator", 2_000_000_000),
                                 ("mahidol", "THA", "partner", 3_000_000), ("liege", "BEL", "partner", 150_000)],
     (4.5, 4, 4.5)),
    ("SOLAR-EU", "Floating solar on hydropower reservoirs", "Energy transition",
     ["energy"], [("leuven", "BEL", "coordinator", 100_000), ("sorbonne", "FRA", "partner", 0),
                  ("cantho", "VNM", "partner", 800_000_000)], (4, 4, 4)),
    ("WATER", "Low-cost sensors for drinking-water quality", "Health",
     ["iot", "health_medicine"], [("vnu", "VNM", "coordinator", 1_000_000_000), ("chula", "THA", "partner", 2_000_000),
                                  ("liege", "BEL", "partner", 100_000)], (4, 3.5, 4)),
    ("BIO-TH", "Bioplastics from cassava residues", "Energy transition",
     ["biotechnology"], [("kasetsart", "THA", "coordinator", 2_000_000), ("hust", "VNM", "partner", 500_000_000),
                         ("leuven", "BEL", "partner", 80_000)], (3, 2.5, 3.5)),
    ("HEALTH-SEA", "Dengue early warning from mobility data", "Health",
     ["health_medicine", "big_data"], [("mahidol", "THA", "coordinator", 2_500_000),
                                       ("cantho", "VNM", "partner", 600_000_000),
                                       ("leuven", "BEL", "partner", 90_000)], (3.5, 3, 3)),
    ("SMALL", "Two Belgian labs and one Vietnamese on soil carbon", "Climate adaptation",
     ["environment"], [("leuven", "BEL", "coordinator", 100_000), ("liege", "BEL", "partner", 100_000),
                       ("hust", "VNM", "partner", 500_000_000)], (4, 4, 4)),
]


def load_call_demo(db: Session, partnership_id: int, belspo_id: int) -> int:
    """Create the demo call in ``partnership_id`` (BELSPO, organisation ``belspo_id``, is one funder) and take
    it to its funding decision; returns the call id."""
    def org(key: str, name: str, country: str, kind: str = "university") -> tuple[str, int]:
        return key, organizations.create(db, par.OrganizationIn(name=name, type=kind, country_code=country),
                                         ACTOR).id

    orgs = dict([
        org("nafosted", "National Foundation for Science and Technology Development (demo)", "VNM", "agency"),
        org("nstda", "National Science and Technology Development Agency (demo)", "THA", "agency"),
        org("liege", "University of Liège (demo)", "BEL"), org("leuven", "KU Leuven (demo)", "BEL"),
        org("cantho", "Can Tho University (demo)", "VNM"), org("hust", "Hanoi University of Science and "
                                                                       "Technology (demo)", "VNM"),
        org("vnu", "Vietnam National University, Hanoi (demo)", "VNM"),
        org("chula", "Chulalongkorn University (demo)", "THA"), org("kasetsart", "Kasetsart University (demo)", "THA"),
        org("mahidol", "Mahidol University (demo)", "THA"), org("sorbonne", "Sorbonne University (demo)", "FRA"),
    ])
    call = calls.create(db, cs.CallIn(
        title="(demo) Southeast Asia–Europe joint call on climate, food and health", partnership_ids=[partnership_id],
        description="Joint call of three funders. Each funder pays its own country's applicants: no money "
                    "crosses borders. Consortia: at least 3 partners from 3 countries, two Southeast-Asian and one "
                    "European or the reverse.",
        topics=["Climate adaptation", "Food security", "Energy transition", "Health"], currency="EUR",
        timezone="Asia/Ho_Chi_Minh", opens_at=datetime(2025, 9, 1, 9, tzinfo=HANOI),
        closes_at=datetime(2025, 12, 15, 17, tzinfo=HANOI), rules=JFS_RULES), ACTOR)
    funder_ids = {}
    for key, country, budget in (("belspo", "BEL", 600_000), ("nafosted", "VNM", 6_000_000_000),
                                 ("nstda", "THA", 12_000_000)):
        organization = belspo_id if key == "belspo" else orgs[key]
        funder_ids[country] = funders.create(db, cs.FunderIn(
            call_id=call.id, organization_id=organization, country_code=country, budget=budget,
            currency=CURRENCY[country]), ACTOR).id
    made = {}
    for i, (acronym, title, topic, fields, members, _) in enumerate(PROPOSALS):
        made[acronym] = proposals.create(db, cs.ProposalIn(
            call_id=call.id, acronym=acronym, title=title, topic=topic, field_keys=fields, trl=4,
            abstract=f"(demo) {title}.", status="submitted", submitted_at=datetime(2025, 12, 1 + i, 10, tzinfo=HANOI),
            partners=[cs.PartnerIn(organization_id=orgs[o], country_code=c, role=r, budget=b,
                                   funder_id=funder_ids.get(c), currency=CURRENCY.get(c))
                      for o, c, r, b in members]), ACTOR)
    panel = _panel(db, call.id, orgs)
    conflicts.create(db, cs.ConflictIn(reviewer_id=panel[4], proposal_id=made["HEALTH-SEA"].id,
                                            reason="(demo) co-author of the coordinator in 2024"), ACTOR)
    calls.transition(db, call.id, "open", call.version, ACTOR)
    calls.transition(db, call.id, "closed", call.version, ACTOR)
    run = evaluation.run_assignment(db, call.id, 10.0, ACTOR)
    calls.transition(db, call.id, "under_evaluation", call.version, ACTOR)
    _evaluate(db, made, run["items"])
    evaluation.decide(db, call.id, call.version, ACTOR)
    return call.id


def _panel(db: Session, call_id: int, orgs: dict[str, int]) -> list[int]:
    """Five reviewers; Dr. Phạm works at VNU Hanoi, WATER's coordinator: a computed conflict keeps her away."""
    out = []
    for i, (name, country, org_key, expertise) in enumerate([
        ("Dr. Anna Svensson (demo)", "SWE", None, ["ai", "water_resources", "iot"]),
        ("Prof. Somchai Wongsa (demo)", "THA", None, ["agriculture", "biotechnology"]),
        ("Dr. Marie Lefèvre (demo)", "FRA", None, ["environment", "marine", "energy"]),
        ("Dr. Phạm Thu Hà (demo)", "VNM", "vnu", ["health_medicine", "iot"]),
        ("Prof. Jan de Vries (demo)", "NLD", None, ["big_data", "health_medicine", "energy"]),
    ], 1):
        positions = [par.PositionIn(title="Professor", organization_id=orgs[org_key])] if org_key else []
        person = people.create(db, par.PersonIn(name=name, country_code=country, positions=positions), ACTOR)
        out.append(reviewers.create(db, cs.ReviewerIn(call_id=call_id, person_id=person.id,
                                                           username=f"demo-reviewer-{i}", expertise=expertise),
                                    ACTOR).id)
    return out


def _evaluate(db: Session, made: dict[str, Any], assigned: list[Any]) -> None:
    """Reviews around each consensus (half a point apart), and the consensus by the first reviewer."""
    by_proposal: dict[int, list[int]] = {}
    for a in assigned:
        by_proposal.setdefault(a.proposal_id, []).append(a.reviewer_id)
    for acronym, *_, scores in PROPOSALS:
        pid = made[acronym].id
        final = dict(zip(("excellence", "impact", "implementation"), scores, strict=True))
        for j, rid in enumerate(by_proposal.get(pid, [])):
            shift = (-0.5, 0, 0.5)[j % 3]
            given = {k: min(5.0, max(0.0, v + shift)) for k, v in final.items()}
            reviews.create(db, cs.ReviewIn(proposal_id=pid, reviewer_id=rid, scores=given,
                                                comments="(demo) Sound methods; clear plan."), ACTOR)
        if by_proposal.get(pid):
            consensus.create(db, cs.ConsensusIn(proposal_id=pid, rapporteur_id=by_proposal[pid][0],
                                                     scores=final), ACTOR)
