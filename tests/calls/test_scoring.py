"""Half points, thresholds, tie-breaks and the budget walk: pure functions and through the API."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.calls.helpers import consortium, jfs_call, move, post, proposal

from sticoop.calls import scoring
from sticoop.core.errors import ValidationFailed

CRITERIA = scoring.check_criteria(scoring.DEFAULT_CRITERIA)


@pytest.mark.parametrize("value", [0, 0.5, 1, 2.5, 3, 4.5, 5, "3.5"])
def test_half_points_from_0_to_5_are_accepted(value: Any) -> None:
    assert scoring.check_score("impact", value) == Decimal(str(value))


@pytest.mark.parametrize("value", [5.5, 3.25, -0.5, 6, "x", True, None, float("nan"), 0.1])
def test_other_scores_are_refused_naming_the_half_point_rule(value: Any) -> None:
    with pytest.raises(ValidationFailed, match="half-point scale rule"):
        scoring.check_score("impact", value)


def S(pid: int, exc: float, imp: float, impl: float) -> scoring.Scored:  # noqa: N802
    return scoring.Scored(pid, f"P{pid}", {"excellence": exc, "impact": imp, "implementation": impl})


@pytest.mark.parametrize(("scores", "failing"), [
    ((3, 3, 4), []),  # exactly the thresholds: 3 each and 10 overall
    ((2.5, 4, 5), ["excellence"]),
    ((4, 2.5, 5), ["impact"]),
    ((5, 5, 2.5), ["implementation"]),
    ((3, 3, 3), ["overall"]),  # each at its threshold but 9 < 10
    ((2.5, 2.5, 5), ["excellence", "impact"]),
    ((2, 2, 5), ["excellence", "impact", "overall"]),
])
def test_thresholds_per_criterion_and_overall(scores: tuple[float, float, float], failing: list[str]) -> None:
    above, below = scoring.rank([S(1, *scores)], CRITERIA, 10, scoring.DEFAULT_TIE_BREAK)
    assert (below[0].failing if below else []) == failing and bool(above) is (not failing)


@pytest.mark.parametrize(("a", "b", "chain", "first"), [
    ((4, 4, 4), (4.5, 3.5, 4), ["excellence", "impact"], 2),  # same total: higher excellence first
    ((4, 4.5, 3.5), (4, 4, 4), ["excellence", "impact"], 1),  # same total and excellence: higher impact
    ((4, 4, 4), (4.5, 3.5, 4), ["impact", "excellence"], 1),  # the chain is configurable
    ((4, 4, 4), (4.5, 3.5, 4), ["implementation"], 1),  # tie everywhere in the chain: acronym order
])
def test_ties_are_broken_by_the_configured_chain(a: tuple[float, float, float], b: tuple[float, float, float],
                                                 chain: list[str], first: int) -> None:
    above, _ = scoring.rank([S(1, *a), S(2, *b)], CRITERIA, 10, chain)
    assert above[0].proposal_id == first and [r.rank for r in above] == [1, 2]


def test_weights_change_the_ranking_not_the_thresholds() -> None:
    weighted = scoring.check_criteria([{**c, "weight": 3 if c["key"] == "impact" else 1}
                                       for c in scoring.DEFAULT_CRITERIA])
    above, below = scoring.rank([S(1, 5, 3, 3), S(2, 3, 4.5, 3), S(3, 5, 5, 2.5)], weighted, 10, [])
    assert [r.proposal_id for r in above] == [2, 1] and below[0].failing == ["implementation"]


@pytest.mark.parametrize(("budgets", "funded", "lacking"), [
    ({1: 300, 2: 300}, [10, 20, 30], {}),
    ({1: 300, 2: 150}, [10, 30], {20: {2: Decimal(150)}}),  # funder 2 lacks 150 for the second; the third fits
    ({1: 300, 2: 99}, [30], {10: {2: Decimal(1)}, 20: {2: Decimal(101)}}),  # the third fits what remains
    ({1: 50, 2: 300}, [], {10: {1: Decimal(50)}, 20: {1: Decimal(50)}, 30: {1: Decimal(50)}}),
])
def test_budget_walk_funds_only_when_every_funder_can_pay(budgets: dict[int, int], funded: list[int],
                                                          lacking: dict[int, dict[int, Decimal]]) -> None:
    ranked = [(10, 1, {1: Decimal(100), 2: Decimal(100)}), (20, 2, {1: Decimal(100), 2: Decimal(200)}),
              (30, 3, {1: Decimal(100)})]
    walk = scoring.budget_walk(ranked, {k: Decimal(v) for k, v in budgets.items()})
    assert [w.proposal_id for w in walk if w.funded] == funded
    assert {w.proposal_id: w.shortfalls for w in walk if not w.funded} == lacking


def _evaluated(client: TestClient, world: dict[str, Any], scores: dict[str, dict[str, float]],
               consortia: dict[str, list[dict[str, Any]]] | None = None) -> dict[str, int]:
    cid = world["call"]["id"]
    ids = {name: proposal(client, world, name, (consortia or {}).get(name) or consortium(world))["id"]
           for name in scores}
    for i in range(3):
        person = post(client, "/people", {"name": f"Reviewer {i}"})["id"]
        post(client, "/reviewers", {"call_id": cid, "person_id": person})
    move(client, cid, "open", "closed")
    run = post(client, f"/calls/{cid}/assignments", {}, 200)
    move(client, cid, "under_evaluation")
    by_proposal: dict[int, list[int]] = {}
    for item in run["items"]:
        by_proposal.setdefault(item["proposal_id"], []).append(item["reviewer_id"])
    for name, given in scores.items():
        pid = ids[name]
        for rid in by_proposal[pid]:
            post(client, "/reviews", {"proposal_id": pid, "reviewer_id": rid, "scores": given})
        post(client, "/consensus", {"proposal_id": pid, "rapporteur_id": by_proposal[pid][0], "scores": given})
    return ids


def test_scores_and_consensus_through_the_api(client: TestClient) -> None:
    world = jfs_call(client)
    ids = _evaluated(client, world, {"A": {"excellence": 4, "impact": 4, "implementation": 4}})
    pid = ids["A"]
    review = client.get("/api/v1/reviews", params={"parent_id": pid}).json()["items"][0]
    bad = client.patch(f"/api/v1/reviews/{review['id']}", json={"version": review["version"],
                                                                 "scores": {"excellence": 5.5, "impact": 4,
                                                                            "implementation": 4}})
    assert bad.status_code == 422 and "half-point" in bad.json()["detail"]
    bad = client.patch(f"/api/v1/reviews/{review['id']}", json={"version": review["version"],
                                                                 "scores": {"excellence": 4}})
    assert bad.status_code == 422 and "missing impact, implementation" in bad.json()["detail"]
    found = client.get(f"/api/v1/proposals/{pid}/consensus").json()
    outside = client.patch(f"/api/v1/consensus/{found['id']}", json={
        "version": found["version"], "scores": {"excellence": 5, "impact": 4, "implementation": 4}})
    assert outside.status_code == 422 and "justification is required" in outside.json()["detail"]
    justified = client.patch(f"/api/v1/consensus/{found['id']}", json={
        "version": found["version"], "scores": {"excellence": 5, "impact": 4, "implementation": 4},
        "justification": "The panel found the method excellent."})
    assert justified.status_code == 200, justified.text


def test_ranking_and_budget_walk_through_the_api(client: TestClient) -> None:
    # NAFOSTED (Vietnam) has 600,000,000 VND: the second proposal's Vietnamese share does not fit
    world = jfs_call(client, budgets=(1_000_000, 600_000_000, 10_000_000), tie_break=["impact"])
    big_vn = consortium(world, vn_budget=500_000_000)
    scores = {"TOP": {"excellence": 5, "impact": 5, "implementation": 5},
              "HIGH": {"excellence": 4.5, "impact": 4.5, "implementation": 4.5},
              "TIE": {"excellence": 4, "impact": 5, "implementation": 4.5},
              "LOW": {"excellence": 2.5, "impact": 5, "implementation": 5}}
    ids = _evaluated(client, world, scores, {"TOP": big_vn, "HIGH": big_vn,
                                             "TIE": consortium(world, vn_budget=50_000_000)})
    cid = world["call"]["id"]
    ranking = client.get(f"/api/v1/calls/{cid}/ranking").json()
    assert [r["acronym"] for r in ranking["ranked"]] == ["TOP", "TIE", "HIGH"]  # tie broken by higher impact
    assert ranking["below_threshold"][0]["failing"] == ["excellence"]
    early = client.post(f"/api/v1/calls/{cid}/decisions", json={"version": 1})
    assert early.status_code == 409  # stale version
    call = client.get(f"/api/v1/calls/{cid}").json()
    made = {d["proposal_id"]: d for d in post(client, f"/calls/{cid}/decisions", {"version": call["version"]}, 200)}
    assert made[ids["TOP"]]["outcome"] == "funded" and made[ids["TIE"]]["outcome"] == "funded"
    high = made[ids["HIGH"]]
    assert high["outcome"] == "reserve"
    assert high["shortfalls"] == [{"funder_id": world["funders"]["VNM"], "lacking": "450000000.00",
                                   "currency": "VND"}]
    assert made[ids["LOW"]]["outcome"] == "below_threshold"
    assert client.get(f"/api/v1/proposals/{ids['HIGH']}").json()["status"] == "reserve"
    again = client.post(f"/api/v1/calls/{cid}/decisions", json={"version": call["version"] + 1})
    assert again.status_code == 409 and "needs a call under evaluation" in again.json()["detail"]
    history = client.get("/api/v1/audit", params={"entity_type": "funding_decision", "entity_id": high["id"]})
    assert [(h["action"], h["actor"]) for h in history.json()] == [("create", "admin")]
    call_history = client.get("/api/v1/audit", params={"entity_type": "call", "entity_id": cid}).json()
    assert call_history[0]["action"] == "status" and call_history[0]["after"]["status"] == "decided"


@pytest.mark.parametrize("status", ["draft", "open", "closed"])
def test_a_decision_on_a_call_not_under_evaluation_is_refused(client: TestClient, status: str) -> None:
    world = jfs_call(client)
    cid = world["call"]["id"]
    path = {"draft": (), "open": ("open",), "closed": ("open", "closed")}[status]
    call = move(client, cid, *path)
    response = client.post(f"/api/v1/calls/{cid}/decisions", json={"version": call["version"]})
    assert response.status_code == 409 and "rule: decide after evaluation" in response.json()["detail"]


ORDER = ["draft", "open", "closed", "under_evaluation", "decided"]


@pytest.mark.parametrize(("start", "to"), [(s, t) for i, s in enumerate(ORDER[:-1]) for t in ORDER
                                           if t != ORDER[i + 1] or t == "decided"])
def test_only_the_next_status_is_allowed(client: TestClient, start: str, to: str) -> None:
    world = jfs_call(client)
    cid = world["call"]["id"]
    call = move(client, cid, *ORDER[1:ORDER.index(start) + 1])
    response = client.post(f"/api/v1/calls/{cid}/transitions", json={"to_status": to, "version": call["version"]})
    assert response.status_code == 422 and "to_status" in response.text
