"""Conflicts of interest (declared and computed), the assignment that avoids them, and what reviewers see."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.calls.helpers import consortium, jfs_call, move, post, proposal

from sticoop.calls import assignment as solver


def _reviewer(client: TestClient, world: dict[str, Any], name: str, org_key: str | None = None,
              username: str | None = None, **extra: Any) -> int:
    positions = [{"title": "Professor", "organization_id": world["orgs"][org_key]}] if org_key else []
    person = post(client, "/people", {"name": name, "positions": positions})["id"]
    return post(client, "/reviewers", {"call_id": world["call"]["id"], "person_id": person, "username": username,
                                       **extra})["id"]


@pytest.mark.parametrize("rule", ["declared", "same_organisation", "same_person", "shared_project",
                                  "old_shared_project", "none"])
def test_conflicts_are_found_and_excluded_from_assignment(client: TestClient, rule: str) -> None:
    world = jfs_call(client)
    cid = world["call"]["id"]
    partners = consortium(world)
    suspect_org = {"same_organisation": "vnu", "shared_project": "hust", "old_shared_project": "hust"}.get(rule)
    person_id = None
    if rule == "same_person":
        person_id = post(client, "/people", {"name": "Trần Thị Bình"})["id"]
        partners[1]["person_id"] = person_id
    p = proposal(client, world, "P", partners)
    if rule in ("shared_project", "old_shared_project"):
        end = "2024-12-31" if rule == "shared_project" else "2022-12-31"  # today is 2026-06-15 in tests
        post(client, "/projects", {"title": "Earlier project", "start_date": "2020-01-01", "end_date": end,
                                   "partners": [{"organization_id": world["orgs"]["hust"]},
                                                {"organization_id": world["orgs"]["cu"]}]})
    if person_id:
        suspect = post(client, "/reviewers", {"call_id": cid, "person_id": person_id})["id"]
    else:
        suspect = _reviewer(client, world, "Suspect", suspect_org)
    others = [_reviewer(client, world, f"Reviewer {i}") for i in range(3)]
    if rule == "declared":
        post(client, "/conflicts-of-interest", {"reviewer_id": suspect, "proposal_id": p["id"],
                                                "reason": "co-author of the coordinator"})
    found = client.get(f"/api/v1/calls/{cid}/conflicts").json()
    expected = rule if rule not in ("none", "old_shared_project") else None
    assert [c["rule"] for c in found if c["reviewer_id"] == suspect] == ([expected] if expected else [])
    move(client, cid, "open", "closed")
    run = post(client, f"/calls/{cid}/assignments", {}, 200)
    assigned = {a["reviewer_id"] for a in run["items"]}
    assert len(assigned) == 3 and (suspect not in assigned) is bool(expected)
    if expected:
        assert assigned == set(others)


def test_a_conflicted_reviewer_cannot_open_or_review_the_proposal(client: TestClient,
                                                                  client_as: Callable[..., TestClient]) -> None:
    world = jfs_call(client, reviewers_per_proposal=1)
    cid = world["call"]["id"]
    mine = proposal(client, world, "MINE", consortium(world))
    other = proposal(client, world, "OTHER", consortium(world))
    rid = _reviewer(client, world, "Reviewer", username="rev1")
    move(client, cid, "open", "closed")
    run = post(client, f"/calls/{cid}/assignments", {}, 200)
    assert run["assigned"] == 2  # one reviewer, both proposals
    reviewer = client_as("member", partnership_ids=[world["partnership"]], username="rev1")
    assert reviewer.get(f"/api/v1/proposals/{mine['id']}").status_code == 200
    # a conflict declared after the assignment: the proposal is closed to the reviewer at once
    post(client, "/conflicts-of-interest", {"reviewer_id": rid, "proposal_id": mine["id"], "reason": "former student"})
    refused = reviewer.get(f"/api/v1/proposals/{mine['id']}")
    assert refused.status_code == 403 and "rule: declared" in refused.json()["detail"]
    move(client, cid, "under_evaluation")
    scores = {"excellence": 4, "impact": 4, "implementation": 4}
    refused = reviewer.post("/api/v1/reviews", json={"proposal_id": mine["id"], "reviewer_id": rid, "scores": scores})
    assert refused.status_code == 403 and "conflict of interest" in refused.json()["detail"]
    ok = reviewer.post("/api/v1/reviews", json={"proposal_id": other["id"], "reviewer_id": rid, "scores": scores})
    assert ok.status_code == 201, ok.text


def test_reviewers_see_only_their_assigned_proposals(client: TestClient,
                                                     client_as: Callable[..., TestClient]) -> None:
    world = jfs_call(client, reviewers_per_proposal=1)
    cid = world["call"]["id"]
    ids = [proposal(client, world, f"P{i}", consortium(world))["id"] for i in range(4)]
    r1 = _reviewer(client, world, "One", username="one")
    _reviewer(client, world, "Two", username="two")
    move(client, cid, "open", "closed")
    run = post(client, f"/calls/{cid}/assignments", {}, 200)
    assert run["max_load"] == 2  # balanced: two each
    mine = {a["proposal_id"] for a in run["items"] if a["reviewer_id"] == r1}
    one = client_as("member", partnership_ids=[world["partnership"]], username="one")
    listed = one.get("/api/v1/proposals", params={"parent_id": cid}).json()
    assert {p["id"] for p in listed["items"]} == mine and listed["total"] == 2
    for pid in set(ids) - mine:
        refused = one.get(f"/api/v1/proposals/{pid}")
        assert refused.status_code == 403 and "assigned proposals" in refused.json()["detail"]
    exported = one.get("/api/v1/proposals/export.csv").text.lstrip("\ufeff").splitlines()[1:]
    assert {int(line.split(",")[0]) for line in exported} == mine, "the export holds what the list holds"
    stranger = client_as("member", partnership_ids=[world["partnership"]], username="stranger")
    assert stranger.get("/api/v1/proposals").json()["total"] == 0
    assert len(stranger.get("/api/v1/proposals/export.csv").text.strip().splitlines()) == 1  # the header alone
    assert client.get("/api/v1/proposals").json()["total"] == 4  # the secretariat sees them all


def test_proposals_that_cannot_get_enough_reviewers_are_named() -> None:
    papers = [solver.Paper(1, frozenset({"ai"})), solver.Paper(2, frozenset({"ai"}), frozenset({10, 11}))]
    pool = [solver.Candidate(10, frozenset({"ai"})), solver.Candidate(11, frozenset()),
            solver.Candidate(12, frozenset({"ai"}))]
    solution = solver.solve(papers, pool, n=3)
    assert set(solution.short) == {2} and "conflict of interest" in solution.short[2]
    assert sorted(r for p, r, _ in solution.pairs if p == 1) == [10, 11, 12]
    assert [r for p, r, _ in solution.pairs if p == 2] == [12]


def test_assignment_balances_load_then_prefers_expertise() -> None:
    papers = [solver.Paper(i, frozenset({"ai"} if i % 2 else {"water"})) for i in range(6)]
    pool = [solver.Candidate(100, frozenset({"ai"})), solver.Candidate(101, frozenset({"water"})),
            solver.Candidate(102, frozenset({"ai"})), solver.Candidate(103, frozenset({"water"}))]
    solution = solver.solve(papers, pool, n=2)
    assert solution.status == "OPTIMAL" and solution.max_load == 3
    assert all(w == 1 for _, _, w in solution.pairs)  # every pair matches: ai with ai, water with water


def test_assignment_is_refused_before_the_call_closes(client: TestClient) -> None:
    world = jfs_call(client)
    cid = world["call"]["id"]
    response = client.post(f"/api/v1/calls/{cid}/assignments", json={})
    assert response.status_code == 409 and "rule: assignment after the deadline" in response.json()["detail"]


def test_a_reviewers_exports_hold_only_what_its_lists_hold() -> None:
    """The list, its total and every export go through one narrowing (``RecordService.visible_query``, which
    applies the kind's own ``narrow_query``): the calls services narrow there, never by overriding only the list."""
    from sticoop.calls.service import proposals, reviews
    from sticoop.core.crud import RecordService

    for service in (proposals, reviews):
        own = type(service).__dict__
        assert "narrow_query" in own, service
        assert not {"list", "export_rows", "export_batches", "visible_query"} & set(own), \
            f"{service.entity}: narrow in narrow_query, or exports would bypass it"
        assert RecordService.narrow_query is not own["narrow_query"]
